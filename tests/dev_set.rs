//! Accuracy floors on the NTREX Arabic–English dev set (`ntrex-dev/` of the evaluation data, CC BY-SA
//! 4.0, see its README). `cargo run --release --example evaluate` prints the full figures.

use qalign::Aligner;

mod common;
use common::data;
use common::devset::{
    Counts, PartialCounts, drop_english, evaluate, gold_text, partial_items, ratio, relayout_items,
    score_joined, score_presegmented, score_raw,
};

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
    assert!(report.noisy.link_f1() >= 0.99, "{rows}");
    assert!(report.raw.link_f1() >= 0.98, "{rows}");
    let (p, r) = null_pr(&report.noisy);
    assert!(p >= 0.85 && r >= 0.85, "{rows}");
}

#[test]
fn sentences_translated_as_runs_of_four_to_eight_are_one_bead() {
    let Some(dev) = data::dataset("ntrex-dev") else { return };
    let rows = score_joined(&dev, &Aligner::new()).expect("dev set readable");
    let table: Vec<String> = rows.iter().map(|(name, c)| c.row(name)).collect();
    assert_eq!(rows.len(), 2, "{table:?}");
    for (_, counts) in &rows {
        assert_eq!(counts.items, 62);
        assert!(counts.link_f1() >= 0.98, "{table:?}");
    }
}

#[test]
fn partial_translations_are_found_as_blocks() {
    let Some(dev) = data::dataset("ntrex-dev") else { return };
    let aligner = Aligner::new();
    let mut rows: Vec<(&str, PartialCounts)> = Vec::new();
    for (name, item) in partial_items(&dev).expect("dev set readable") {
        let alignment = aligner.align_lines(&item.ar, &item.en).expect("alignment");
        if !rows.iter().any(|(n, _)| *n == name) {
            rows.push((name, PartialCounts::default()));
        }
        if let Some((_, counts)) = rows.iter_mut().find(|(n, _)| *n == name) {
            counts.add(&alignment, &item);
        }
    }
    let table: Vec<String> = rows.iter().map(|(name, c)| c.row(name)).collect();
    let table = table.join("\n");
    let pairs_right = |c: &PartialCounts| ratio(c.right, c.pairs);
    // The untranslated second half, the untranslated first half, the dropped middle third.
    let (first, second, middle) = (&rows[0].1, &rows[1].1, &rows[2].1);
    // Measured: pairs right 1.000, 1.000 and 1.000; wrong pairs with confidence ≥ 0.8: none;
    // blocks reported in 62, 62 and 62 of 62 items.
    assert!(
        pairs_right(first) >= 0.995 && first.confident_wrong == 0 && first.blocks_reported >= 62,
        "{table}"
    );
    assert!(
        pairs_right(second) >= 0.998 && second.confident_wrong == 0 && second.blocks_reported >= 62,
        "{table}"
    );
    assert!(
        pairs_right(middle) >= 0.998 && middle.confident_wrong == 0 && middle.blocks_reported >= 62,
        "{table}"
    );
}

#[test]
fn the_20k_item_against_the_english_of_its_first_half() {
    let Some(dev) = data::dataset("ntrex-dev") else { return };
    let scale = dev.join("scale");
    let read = |name: &str| std::fs::read_to_string(scale.join(name)).expect("scale item readable");
    let (ar, en, gold) = (read("scale.ar"), read("scale.en"), read("scale.gold"));
    let beads = gold.lines().count();
    let first = gold.lines().position(|l| l.starts_with("[10000"));
    let half = drop_english(&ar, &en, &gold, first.unwrap_or(beads / 2)..beads);
    let alignment = Aligner::new().align_lines(&half.ar, &half.en).expect("alignment");
    let counts = score_presegmented(&alignment, &gold_text(&half.gold));
    assert!(counts.link_f1() >= 0.98, "{}", counts.row("20k item, English of the first 10k"));
}

#[test]
fn paragraphs_that_do_not_match_lose_nothing() {
    let Some(dev) = data::dataset("ntrex-dev") else { return };
    let aligner = Aligner::new();
    let mut config = aligner.config().clone();
    config.paragraph_first = false;
    let flat = Aligner::builder().config(config).build().expect("valid config");
    // The raw items as given: paragraphs parallel but for boilerplate lines.
    let given = evaluate(&dev, &aligner).expect("dev set readable").raw;
    let given_flat = evaluate(&dev, &flat).expect("dev set readable").raw;
    assert!(
        given.link_f1() >= given_flat.link_f1(),
        "{}\n{}",
        given.row("paragraphs first"),
        given_flat.row("flat")
    );
    // The English paragraphs joined in pairs, split into sentences, run into one.
    for (name, items) in relayout_items(&dev).expect("dev set readable") {
        let (first, plain) =
            (score_raw(&items, &aligner).expect("alignment"), score_raw(&items, &flat).expect("alignment"));
        assert_eq!(first.items, 62);
        assert!(first.link_f1() >= plain.link_f1(), "{}\n{}", first.row(name), plain.row("flat"));
    }
}
