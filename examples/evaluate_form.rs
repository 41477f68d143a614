//! How often each form check raises a finding on good pairs: the false-alarm rate per check.
//!
//! ```text
//! cargo run --release --example evaluate_form
//! ```
//!
//! Reads the good pairs (label 1) of `ntrex-dev/qe.tsv` and `tatoeba-val/qe.tsv` of the evaluation
//! data (`QALIGN_DATA`, else `../shared/data`), scores them, and prints per form check the share of
//! good pairs with at least one finding of it. With `--show KIND` (e.g. `form/spacing`) it also
//! prints those pairs.

use qalign::{FindingKind, Scorer};

#[path = "../tests/common/data.rs"]
mod data;

fn main() -> anyhow::Result<()> {
    let show: Option<String> = std::env::args().skip_while(|a| a != "--show").nth(1);
    let kinds: Vec<FindingKind> =
        FindingKind::ALL.into_iter().filter(|k| k.as_str().starts_with("form/")).collect();
    let scorer = Scorer::new();
    println!("| check | {} |", ["ntrex-dev", "tatoeba-val"].join(" | "));
    println!("|---|---|---|");
    let mut columns = Vec::new();
    for set in ["ntrex-dev", "tatoeba-val"] {
        let path = data::dataset_or_exit(set).join("qe.tsv");
        let text = std::fs::read_to_string(&path)?;
        let good = data::good_pairs(&text);
        let qualities = scorer.score_batch(&good);
        let mut counts = vec![0usize; kinds.len()];
        for ((ar, en), q) in good.iter().zip(&qualities) {
            for (k, kind) in kinds.iter().enumerate() {
                let found: Vec<_> = q.findings.iter().filter(|f| f.kind == *kind).collect();
                if !found.is_empty() {
                    counts[k] += 1;
                    if show.as_deref() == Some(kind.as_str()) {
                        println!(
                            "{set}\t{ar}\t{en}\t{}",
                            found.iter().map(|f| f.to_string()).collect::<Vec<_>>().join("; ")
                        );
                    }
                }
            }
        }
        columns.push((good.len(), counts));
    }
    for (k, kind) in kinds.iter().enumerate() {
        let cells: Vec<String> = columns
            .iter()
            .map(|(n, counts)| format!("{:.2}% ({}/{n})", 100.0 * counts[k] as f64 / *n as f64, counts[k]))
            .collect();
        println!("| {kind} | {} |", cells.join(" | "));
    }
    Ok(())
}
