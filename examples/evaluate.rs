//! Measures alignment accuracy on the NTREX Arabic–English dev set: `ntrex-dev/` of the evaluation
//! data (`QALIGN_DATA`, default `../shared/data`), or `DEV_DIR`.
//!
//! ```text
//! cargo run --release --example evaluate [-- DEV_DIR]
//! ```
//!
//! Prints link precision/recall/F1, strict and lax bead figures and null-bead detection for the clean
//! and the noisy pre-split items and for the raw-text items (end to end, with segmentation), scored as
//! the dev set's README describes: micro-averaged over items. A last row scores the 20,000-sentence
//! pre-split item in the dev set's `scale/` (the same NTREX articles, perturbed on their own; not used
//! to choose any setting). A second table scores paragraph-first alignment against the flat program
//! on the raw items as given and with the English paragraphs joined, split or run into one. Add
//! `--verbose` to list every item, and `--config JSON` to override aligner settings (e.g.
//! `--config '{"null_cost": 4.0}'`).

use std::path::PathBuf;

use qalign::Aligner;

#[path = "../tests/common/data.rs"]
mod data;
#[path = "../tests/common/devset.rs"]
mod devset;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "--verbose");
    let config_at = args.iter().position(|a| a == "--config");
    let config: qalign::Config = match config_at.and_then(|k| args.get(k + 1)) {
        Some(json) => serde_json::from_str(json)?,
        None => qalign::Config::default(),
    };
    let dev = args
        .iter()
        .enumerate()
        .find(|&(k, a)| !a.starts_with("--") && config_at.is_none_or(|c| k != c + 1))
        .map(|(_, a)| PathBuf::from(a))
        .unwrap_or_else(|| data::dataset_or_exit("ntrex-dev"));
    let aligner = Aligner::builder().config(config).build()?;
    let report = devset::evaluate(&dev, &aligner)?;
    if verbose {
        for (f1, item) in &report.items {
            println!("{f1:.4} {item}");
        }
    }
    println!(
        "| set | items | link P | link R | link F1 | strict P | strict R | lax P | lax R | null P | null R |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|---|");
    println!("{}", report.clean.row("pre-split, clean"));
    println!("{}", report.noisy.row("pre-split, noisy"));
    println!("{}", report.raw.row("raw text"));
    let scale = dev.join("scale");
    let read = |name: &str| std::fs::read_to_string(scale.join(name));
    let (ar, en, gold) = (read("scale.ar")?, read("scale.en")?, read("scale.gold")?);
    let alignment = aligner.align_lines(&ar, &en)?;
    println!("{}", devset::score_presegmented(&alignment, &gold).row("pre-split, 20k item"));
    // The same item against the English of its first 10,000 Arabic sentences only.
    let beads = gold.lines().count();
    let first = gold.lines().position(|l| l.starts_with("[10000"));
    let half = devset::drop_english(&ar, &en, &gold, first.unwrap_or(beads / 2)..beads);
    let alignment = aligner.align_lines(&half.ar, &half.en)?;
    let counts = devset::score_presegmented(&alignment, &devset::gold_text(&half.gold));
    println!("{}", counts.row("20k item, English of the first 10k"));

    // Paragraph-first alignment: the raw items with the English paragraphs changed, so that the
    // two sides' paragraphs no longer match; with the flat program for comparison.
    println!();
    println!(
        "| raw items, English paragraphs | items | link P | link R | link F1 | strict P | strict R | lax P | lax R | null P | null R |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|---|");
    let mut flat_config = aligner.config().clone();
    flat_config.paragraph_first = false;
    let flat = Aligner::builder().config(flat_config).build()?;
    println!("{}", report.raw.row("as given"));
    println!("{}", devset::evaluate(&dev, &flat)?.raw.row("as given, flat"));
    for (name, items) in devset::relayout_items(&dev)? {
        println!("{}", devset::score_raw(&items, &aligner)?.row(name));
        println!("{}", devset::score_raw(&items, &flat)?.row(&format!("{name}, flat")));
    }

    // Long beads: each clean item with runs of four to eight sentences joined into one line.
    println!();
    println!(
        "| runs of 4–8 sentences | items | link P | link R | link F1 | strict P | strict R | lax P | lax R | null P | null R |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|---|");
    for (name, counts) in devset::score_joined(&dev, &aligner)? {
        println!("{}", counts.row(name));
    }

    // Partial translations: each clean item with the English of half its beads taken out.
    println!();
    println!(
        "| English kept | items | pairs | pairs right | wrong with confidence ≥ 0.8 | block reported | link F1 |"
    );
    println!("|---|---|---|---|---|---|---|");
    let mut rows: Vec<(&str, devset::PartialCounts)> = Vec::new();
    for (name, item) in devset::partial_items(&dev)? {
        let alignment = aligner.align_lines(&item.ar, &item.en)?;
        if !rows.iter().any(|(n, _)| *n == name) {
            rows.push((name, devset::PartialCounts::default()));
        }
        if let Some((_, counts)) = rows.iter_mut().find(|(n, _)| *n == name) {
            counts.add(&alignment, &item);
        }
    }
    for (name, counts) in &rows {
        println!("{}", counts.row(name));
    }
    Ok(())
}
