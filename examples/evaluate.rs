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
//! to choose any setting). Add `--verbose` to list every item, and
//! `--config JSON` to override aligner settings (e.g. `--config '{"null_cost": 4.0}'`).

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
    let alignment = aligner.align_lines(&read("scale.ar")?, &read("scale.en")?)?;
    println!("{}", devset::score_presegmented(&alignment, &read("scale.gold")?).row("pre-split, 20k item"));
    Ok(())
}
