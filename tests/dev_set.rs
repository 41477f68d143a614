//! Accuracy floors on the NTREX Arabic–English dev set (`ntrex-dev/` of the evaluation data, CC BY-SA
//! 4.0, see its README). `cargo run --release --example evaluate` prints the full figures.

use qalign::Aligner;

mod common;
use common::data;
use common::devset::{Counts, evaluate, ratio};

fn null_pr(c: &Counts) -> (f64, f64) {
    (ratio(c.null_hit, c.null_pred), ratio(c.null_hit, c.null_gold))
}

#[test]
fn alignment_accuracy_stays_above_the_floors() {
    let Some(dev) = data::dataset("ntrex-dev") else { return };
    let report = evaluate(&dev, &Aligner::new()).expect("dev set readable");
    assert_eq!(report.clean.items, 62);
    let rows = [report.clean.row("clean"), report.noisy.row("noisy"), report.raw.row("raw")].join("\n");
    assert_eq!(report.clean.link_f1(), 1.0, "{rows}");
    assert!(report.noisy.link_f1() >= 0.97, "{rows}");
    assert!(report.raw.link_f1() >= 0.95, "{rows}");
    let (p, r) = null_pr(&report.noisy);
    assert!(p >= 0.85 && r >= 0.85, "{rows}");
}
