//! Measures document matching on the dev set's `docmatch` task (`ntrex-dev/docmatch` of the
//! evaluation data, or `DOCMATCH_DIR`) and on the seed articles.
//!
//! ```text
//! cargo run --release --example evaluate_matching [-- DOCMATCH_DIR]
//! ```
//!
//! For the default matcher (5 candidates) and for an exhaustive one (every English document a
//! candidate) it prints: the share of Arabic files whose predicted English file (or `-`) equals the
//! gold one, how many `-` files were given a match, the margin between the lowest score of a true
//! match and the highest score given to a wrong candidate, and the first pass's recall (how often the
//! translation is the first candidate, or among them). Then the seed verdicts: `003` against `000`
//! (its translation) and against `001`, `002` and `004` (same events, not translations), each alone.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::Context;
use qalign::{Aligner, Document, DocumentMatch, Lang, Matcher, Segmentation, Verdict};

#[path = "../tests/common/data.rs"]
mod data;

fn txt_files(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    Ok(files)
}

fn file_name(p: &Path) -> String {
    p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

fn read(p: &Path) -> anyhow::Result<String> {
    std::fs::read_to_string(p).with_context(|| format!("cannot read {}", p.display()))
}

fn main() -> anyhow::Result<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| data::dataset_or_exit("ntrex-dev").join("docmatch"));
    let ar_files = txt_files(&dir.join("ar"))?;
    let en_files = txt_files(&dir.join("en"))?;
    let gold: HashMap<String, String> = read(&dir.join("gold.tsv"))?
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .map(|(a, e)| (a.to_owned(), e.to_owned()))
        .collect();
    let ar: Vec<String> = ar_files.iter().map(|p| read(p)).collect::<anyhow::Result<_>>()?;
    let en: Vec<String> = en_files.iter().map(|p| read(p)).collect::<anyhow::Result<_>>()?;
    let ar_names: Vec<String> = ar_files.iter().map(|p| file_name(p)).collect();
    let en_names: Vec<String> = en_files.iter().map(|p| file_name(p)).collect();

    println!("docmatch: {} Arabic, {} English files", ar.len(), en.len());
    println!(
        "| matcher | accuracy | `-` given a match | lowest true match | highest wrong candidate | margin | translation 1st candidate | among candidates | lowest script fit |"
    );
    println!("|---|---|---|---|---|---|---|---|---|");
    for (label, k) in [("default (5 candidates)", 5), ("exhaustive", en.len())] {
        let matches = Matcher::new().candidates(k).match_texts(&ar, &en)?;
        report(label, &matches, &ar_names, &en_names, &gold);
    }

    let seeds = root.join("examples/data");
    let seed = |name: &str| read(&seeds.join(name));
    let src = Document::new(&seed("003_02c1adf0d7f5733e.txt")?, Lang::Arabic, Segmentation::Raw);
    println!("\nseeds (003 against each English article alone; threshold {}):", Verdict::THRESHOLD);
    println!(
        "| English | verdict | score | coverage | anchor agreement | anchor locality | anchors | length ratio |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    for name in [
        "000_47fec3c5d65e0f7a.txt",
        "001_d0f8828e819dcbff.txt",
        "002_2176f524643422fd.txt",
        "004_823159158a7f5265.txt",
    ] {
        let tgt = Document::new(&seed(name)?, Lang::English, Segmentation::Raw);
        let v = Verdict::new(&Aligner::new().align_documents(&src, &tgt), &src, &tgt);
        let e = &v.evidence;
        println!(
            "| {} | {} | {:.3} | {:.3} | {:.3} | {:.3} | {} | {:.2} |",
            &name[..3],
            if v.is_translation { "yes" } else { "no" },
            v.score,
            e.confident_coverage,
            e.anchor_agreement,
            e.anchor_locality,
            e.anchors,
            e.length_ratio
        );
    }
    Ok(())
}

fn report(
    label: &str,
    matches: &[DocumentMatch],
    ar_names: &[String],
    en_names: &[String],
    gold: &HashMap<String, String>,
) {
    let (mut correct, mut false_matches, mut first, mut among, mut with_translation) = (0, 0, 0, 0, 0);
    let mut lowest_true = f64::INFINITY;
    let mut lowest_fit = f64::INFINITY;
    let mut highest_wrong = f64::NEG_INFINITY;
    for m in matches {
        let truth = gold.get(&ar_names[m.src]).map_or("-", String::as_str);
        let predicted = m.tgt.map_or("-", |j| en_names[j].as_str());
        correct += usize::from(predicted == truth);
        false_matches += usize::from(truth == "-" && m.tgt.is_some());
        if truth != "-" {
            with_translation += 1;
        }
        for c in &m.candidates {
            lowest_fit = lowest_fit.min(c.verdict.evidence.script_fit);
            if en_names[c.tgt] == truth {
                lowest_true = lowest_true.min(c.verdict.score);
                among += 1;
                // Rank by the first pass's score, as the candidates were found.
                let better = m.candidates.iter().filter(|o| o.prefilter > c.prefilter).count();
                first += usize::from(better == 0);
            } else {
                highest_wrong = highest_wrong.max(c.verdict.score);
            }
        }
    }
    println!(
        "| {label} | {correct}/{} = {:.3} | {false_matches} | {lowest_true:.3} | {highest_wrong:.3} | {:.3} | {first}/{with_translation} | {among}/{with_translation} | {lowest_fit:.3} |",
        matches.len(),
        correct as f64 / matches.len().max(1) as f64,
        lowest_true - highest_wrong
    );
}
