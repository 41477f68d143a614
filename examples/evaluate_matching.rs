//! Measures document matching on the dev set's `docmatch` task (`ntrex-dev/docmatch` of the
//! evaluation data, or `DOCMATCH_DIR`) and on the seed articles.
//!
//! ```text
//! cargo run --release --example evaluate_matching [-- DOCMATCH_DIR]
//! cargo run --release --example evaluate_matching -- --fit     # refit the verdict's weights
//! ```
//!
//! For the default matcher (5 candidates) and for an exhaustive one (every English document a
//! candidate) it prints: the share of Arabic files whose predicted English file (or `-`) equals the
//! gold one, how many `-` files were given a match, the margin between the lowest score of a true
//! match and the highest score given to a wrong candidate, and the first pass's recall (how often the
//! translation is the first candidate, or among them). Then short documents: excerpts of 1 to 6
//! consecutive sentences of each clean dev document (`presegmented/` beside `docmatch/`), matched all
//! against all per half of the documents and per length. Then the seed verdicts: `003` against `000`
//! (its translation) and against `001`, `002` and `004` (same events, not translations), each alone.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::Context;
use qalign::{
    Aligner, Document,
    document::{Lang, Segmentation},
    matching::{Candidate, DocumentMatch, Matcher},
    verdict::Verdict,
};

#[path = "../tests/common/data.rs"]
mod data;
#[path = "../tests/common/excerpts.rs"]
mod excerpts;
#[path = "common/fit.rs"]
mod fit;
use fit::fit;

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
    let fit_weights = std::env::args().any(|a| a == "--fit");
    let dir = std::env::args()
        .skip(1)
        .find(|a| a != "--fit")
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
        let matches = Matcher::builder().candidates(k).build()?.match_texts(&ar, &en)?;
        report(label, &matches, &ar_names, &en_names, &gold);
    }

    let presegmented = dir.parent().map(|d| d.join("presegmented")).unwrap_or_default();
    let tasks = if presegmented.is_dir() { excerpt_tasks(&presegmented)? } else { Vec::new() };
    report_excerpts(&tasks)?;
    if fit_weights {
        let matches = Matcher::builder().candidates(en.len()).build()?.match_texts(&ar, &en)?;
        let truth = |m: &DocumentMatch, j: usize| gold.get(&ar_names[m.src]) == Some(&en_names[j]);
        fit_verdict(&matches, truth, &tasks)?;
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

/// One task of short documents: the excerpts of `k` consecutive sentences of the clean dev documents
/// of one half, Arabic and English (a paragraph each), excerpt `i` of one translating excerpt `i` of
/// the other.
struct Excerpts {
    half: &'static str,
    k: usize,
    ar: Vec<String>,
    en: Vec<String>,
}

/// For each length from 1 to 6 sentences and each half of the dev documents, one excerpt of that many
/// consecutive sentences from each clean document. The documents are split in halves as
/// `evaluate_quality` splits them (sorted by name, alternately A and B).
fn excerpt_tasks(dir: &Path) -> anyhow::Result<Vec<Excerpts>> {
    let docs = excerpts::clean_documents(dir)?;
    let mut tasks = Vec::new();
    for (half, parity) in [("A", 0), ("B", 1)] {
        for k in 1..=6 {
            let (ar, en) = excerpts::excerpts(&docs, k, |d| d % 2 == parity);
            tasks.push(Excerpts { half, k, ar, en });
        }
    }
    Ok(tasks)
}

/// Matches each task's excerpts all against all with the default matcher and reports, per half and
/// length, the right matches, the missed ones and the wrong ones.
fn report_excerpts(tasks: &[Excerpts]) -> anyhow::Result<()> {
    println!("\nshort excerpts (k consecutive sentences of each clean dev document, all against all):");
    println!(
        "| half | k | excerpts | right | missed | wrong match | translation among candidates | lowest true verdict | highest wrong candidate |"
    );
    println!("|---|---|---|---|---|---|---|---|---|");
    let (mut total, mut right, mut wrong) = (HashMap::new(), HashMap::new(), HashMap::new());
    for t in tasks {
        let matches = Matcher::new().match_texts(&t.ar, &t.en)?;
        let ok = matches.iter().filter(|m| m.tgt == Some(m.src)).count();
        let bad = matches.iter().filter(|m| m.tgt.is_some_and(|j| j != m.src)).count();
        let among = matches.iter().filter(|m| m.candidates.iter().any(|c| c.tgt == m.src)).count();
        let scores = |truth: bool| {
            matches
                .iter()
                .flat_map(move |m| m.candidates.iter().filter(move |c| (c.tgt == m.src) == truth))
                .map(|c| c.verdict.score)
        };
        let lowest_true = scores(true).fold(f64::INFINITY, f64::min);
        let highest_wrong = scores(false).fold(f64::NEG_INFINITY, f64::max);
        let n = t.ar.len();
        println!(
            "| {} | {} | {n} | {ok} | {} | {bad} | {among} | {lowest_true:.3} | {highest_wrong:.3} |",
            t.half,
            t.k,
            n - ok - bad
        );
        *total.entry(t.half).or_insert(0) += n;
        *right.entry(t.half).or_insert(0) += ok;
        *wrong.entry(t.half).or_insert(0) += bad;
    }
    for half in ["A", "B"] {
        let (n, ok, bad) = (total[half], right[half], wrong[half]);
        println!(
            "| {half} | 1–6 | {n} | {ok} = {:.3} | {} | {bad} | | | |",
            ok as f64 / n.max(1) as f64,
            n - ok - bad
        );
    }
    Ok(())
}

/// Fits the verdict's weights (`src/verdict.rs`) on the candidate pairs of half A (the `docmatch`
/// Arabic files of even index, all English files their candidates, and the excerpt tasks of half A)
/// and reports the fitted score on half B's candidates.
fn fit_verdict(
    docmatch: &[DocumentMatch],
    truth: impl Fn(&DocumentMatch, usize) -> bool,
    tasks: &[Excerpts],
) -> anyhow::Result<()> {
    // (half A, features, is the translation) of every candidate pair.
    let mut rows: Vec<(bool, Vec<f64>, f64)> = Vec::new();
    let row = |c: &Candidate| -> Vec<f64> { c.verdict.evidence.features().iter().map(|(_, x)| *x).collect() };
    for m in docmatch {
        for c in &m.candidates {
            let yes = truth(m, c.tgt);
            rows.push((m.src % 2 == 0, row(c), f64::from(u8::from(yes))));
        }
    }
    for t in tasks {
        for m in Matcher::new().match_texts(&t.ar, &t.en)? {
            for c in &m.candidates {
                let yes = c.tgt == m.src;
                rows.push((t.half == "A", row(c), f64::from(u8::from(yes))));
            }
        }
    }
    let (x, y): (Vec<Vec<f64>>, Vec<f64>) = rows.iter().filter(|r| r.0).map(|r| (r.1.clone(), r.2)).unzip();
    let w = fit(&x, &y);
    println!("\nfitted on half A ({} candidate pairs):", x.len());
    println!("const WEIGHTS: [f64; {}] = {:.2?};", w.len() - 1, &w[1..]);
    println!("const BIAS: f64 = {:.2};", w[0]);
    let score =
        |f: &[f64]| 1.0 / (1.0 + (-(w[0] + f.iter().zip(&w[1..]).map(|(a, b)| a * b).sum::<f64>())).exp());
    let held_out: Vec<_> = rows.iter().filter(|r| !r.0).collect();
    let (mut t_ok, mut t_n, mut f_hi, mut f_n) = (0, 0, 0, 0);
    for (_, f, yes) in &held_out {
        let s = score(f);
        if *yes > 0.5 {
            (t_ok, t_n) = (t_ok + usize::from(s >= Verdict::THRESHOLD), t_n + 1);
        } else {
            (f_hi, f_n) = (f_hi + usize::from(s >= Verdict::THRESHOLD), f_n + 1);
        }
    }
    println!("half B: translations at or over the threshold {t_ok}/{t_n}, other candidates {f_hi}/{f_n}");
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
