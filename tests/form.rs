//! The form checks raise a finding on at most 1 % of the good pairs of the dev set and of
//! tatoeba-val (`cargo run --release --example evaluate_form` prints the rates).

mod common;

use qalign::{FindingKind, Scorer};

#[test]
fn form_checks_spare_good_pairs() {
    for set in ["ntrex-dev", "tatoeba-val"] {
        let Some(dir) = common::data::dataset(set) else { return };
        let text = std::fs::read_to_string(dir.join("qe.tsv")).unwrap();
        let good = common::data::good_pairs(&text);
        assert!(good.len() >= 300, "{set}: {} good pairs", good.len());
        let qualities = Scorer::new().score_batch(&good);
        for kind in FindingKind::ALL.into_iter().filter(|k| k.as_str().starts_with("form/")) {
            let raised = qualities.iter().filter(|q| q.findings.iter().any(|f| f.kind == kind)).count();
            assert!(raised * 100 <= good.len(), "{set}: {kind} on {raised} of {} good pairs", good.len());
        }
    }
}
