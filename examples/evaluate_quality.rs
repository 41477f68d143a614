//! Measures the quality score on the NTREX dev set's labelled pairs (`tests/data/ntrex-dev/qe.tsv`).
//!
//! ```text
//! cargo run --release --example evaluate_quality            # figures of the shipped score
//! cargo run --release --example evaluate_quality -- --fit   # refit the weights, with held-out figures
//! ```
//!
//! Prints ROC AUC of the score, `good` against each corruption type and against all corrupted pairs,
//! the reliability table (mean predicted score against the observed share of good pairs, in bins),
//! and the graded-degradation check (mean score of good pairs degraded more and more).
//! `--fit` fits a logistic regression over the named features (`Components::features`) and prints
//! the constants for `src/quality/score.rs`, with 5-fold cross-validated AUCs: folds are cut by
//! Arabic sentence, so that a good pair and its corruptions are never split between training and test.

use std::collections::BTreeMap;
use std::path::Path;

use qalign::{Scorer, score_pair};

#[path = "../tests/common/data.rs"]
mod data;

/// One labelled pair of `qe.tsv`.
struct Item {
    good: bool,
    kind: String,
    ar: String,
    en: String,
}

fn read_items(path: &Path) -> anyhow::Result<Vec<Item>> {
    let text = std::fs::read_to_string(path)?;
    let mut items = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let f: Vec<&str> = line.split('\t').collect();
        let [label, kind, ar, en] = f[..] else {
            anyhow::bail!("{}:{}: expected 4 fields", path.display(), n + 1);
        };
        items.push(Item { good: label == "1", kind: kind.to_owned(), ar: ar.to_owned(), en: en.to_owned() });
    }
    Ok(items)
}

/// ROC AUC of `scores` (higher = good), ties counting one half.
fn auc(pos: &[f64], neg: &[f64]) -> f64 {
    let mut wins = 0.0;
    for &p in pos {
        for &n in neg {
            wins += if p > n {
                1.0
            } else if p == n {
                0.5
            } else {
                0.0
            };
        }
    }
    wins / (pos.len() * neg.len()).max(1) as f64
}

/// AUC per corruption type and overall, as table rows.
fn auc_table(items: &[Item], scores: &[f64]) -> BTreeMap<String, f64> {
    let good: Vec<f64> = items.iter().zip(scores).filter(|(i, _)| i.good).map(|(_, &s)| s).collect();
    let mut by_kind: BTreeMap<String, Vec<f64>> = BTreeMap::new();
    for (i, &s) in items.iter().zip(scores) {
        if !i.good {
            by_kind.entry(i.kind.clone()).or_default().push(s);
            by_kind.entry("(all corrupted)".into()).or_default().push(s);
        }
    }
    by_kind.into_iter().map(|(k, bad)| (k, auc(&good, &bad))).collect()
}

// Matrix code reads clearer with explicit indices.
#[allow(clippy::needless_range_loop)]
/// Fits a logistic regression by Newton's method with a small ridge penalty on the weights.
fn fit(x: &[Vec<f64>], y: &[f64]) -> Vec<f64> {
    const RIDGE: f64 = 0.1;
    let d = x[0].len() + 1;
    let mut w = vec![0.0; d];
    for _ in 0..50 {
        let mut grad = vec![0.0; d];
        let mut hess = vec![vec![0.0; d]; d];
        for (xi, &yi) in x.iter().zip(y) {
            let row: Vec<f64> = std::iter::once(1.0).chain(xi.iter().copied()).collect();
            let z: f64 = row.iter().zip(&w).map(|(a, b)| a * b).sum();
            let p = 1.0 / (1.0 + (-z).exp());
            for a in 0..d {
                grad[a] += (p - yi) * row[a];
                for b in 0..d {
                    hess[a][b] += p * (1.0 - p) * row[a] * row[b];
                }
            }
        }
        for a in 1..d {
            grad[a] += RIDGE * w[a];
            hess[a][a] += RIDGE;
        }
        let step = solve(hess, grad);
        for a in 0..d {
            w[a] -= step[a];
        }
    }
    w
}

#[allow(clippy::needless_range_loop)]
/// Solves `a · x = b` by Gaussian elimination with partial pivoting.
fn solve(mut a: Vec<Vec<f64>>, mut b: Vec<f64>) -> Vec<f64> {
    let n = b.len();
    for c in 0..n {
        let p = (c..n).max_by(|&i, &j| a[i][c].abs().total_cmp(&a[j][c].abs())).unwrap_or(c);
        a.swap(c, p);
        b.swap(c, p);
        let pivot = if a[c][c].abs() < 1e-12 { 1e-12 } else { a[c][c] };
        for r in c + 1..n {
            let f = a[r][c] / pivot;
            for k in c..n {
                a[r][k] -= f * a[c][k];
            }
            b[r] -= f * b[c];
        }
    }
    let mut x = vec![0.0; n];
    for r in (0..n).rev() {
        let s: f64 = (r + 1..n).map(|k| a[r][k] * x[k]).sum();
        let pivot = if a[r][r].abs() < 1e-12 { 1e-12 } else { a[r][r] };
        x[r] = (b[r] - s) / pivot;
    }
    x
}

fn predict(w: &[f64], x: &[f64]) -> f64 {
    let z = w[0] + x.iter().zip(&w[1..]).map(|(a, b)| a * b).sum::<f64>();
    1.0 / (1.0 + (-z).exp())
}

/// The fold of an item: a hash of its Arabic text, so that all pairs of one sentence share a fold.
fn fold(ar: &str, folds: u64) -> u64 {
    ar.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)) % folds
}

fn print_aucs(title: &str, table: &BTreeMap<String, f64>) {
    println!("\n{title}\n\n| good against | ROC AUC |\n|---|---|");
    for (k, v) in table {
        println!("| {k} | {v:.4} |");
    }
}

fn print_reliability(items: &[Item], scores: &[f64]) {
    const BINS: usize = 10;
    let mut bins = vec![(0usize, 0.0f64, 0usize); BINS];
    for (i, &s) in items.iter().zip(scores) {
        let b = ((s * BINS as f64) as usize).min(BINS - 1);
        bins[b].0 += 1;
        bins[b].1 += s;
        bins[b].2 += usize::from(i.good);
    }
    println!("\nReliability (predicted vs observed share of good pairs)\n");
    println!("| score bin | pairs | mean predicted | observed good |\n|---|---|---|---|");
    for (b, &(n, sum, good)) in bins.iter().enumerate() {
        if n > 0 {
            let lo = b as f64 / BINS as f64;
            println!(
                "| {lo:.1}–{:.1} | {n} | {:.3} | {:.3} |",
                lo + 1.0 / BINS as f64,
                sum / n as f64,
                good as f64 / n as f64
            );
        }
    }
}

/// Degrades an English sentence to `level` (0 = untouched): drops every `k`-th word, then more,
/// replaces the last third with nothing, changes the digits.
fn degrade(en: &str, level: usize) -> String {
    let words: Vec<&str> = en.split_whitespace().collect();
    let keep = |every: usize| -> Vec<&str> {
        words
            .iter()
            .enumerate()
            .filter(|(k, _)| every == 0 || k % every != every - 1)
            .map(|(_, w)| *w)
            .collect()
    };
    let mut out: Vec<String> = match level {
        0 => keep(0),
        1 => keep(6),
        2 => keep(3),
        _ => keep(2),
    }
    .into_iter()
    .map(str::to_owned)
    .collect();
    if level >= 3 {
        // The weakest system also garbles numbers.
        for w in &mut out {
            *w = w
                .chars()
                .map(|c| if c.is_ascii_digit() { char::from(b'0' + ((c as u8 - b'0' + 3) % 10)) } else { c })
                .collect();
        }
    }
    out.join(" ")
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = data::dataset_or_exit("ntrex-dev").join("qe.tsv");
    let items = read_items(&path)?;
    let qualities: Vec<_> = items.iter().map(|i| score_pair(&i.ar, &i.en)).collect();
    if args.iter().any(|a| a == "--fit") {
        let x: Vec<Vec<f64>> =
            qualities.iter().map(|q| q.components.features().into_iter().map(|(_, v)| v).collect()).collect();
        let y: Vec<f64> = items.iter().map(|i| if i.good { 1.0 } else { 0.0 }).collect();
        const FOLDS: u64 = 5;
        let mut held_out = vec![0.0; items.len()];
        for f in 0..FOLDS {
            let train: Vec<usize> = (0..items.len()).filter(|&k| fold(&items[k].ar, FOLDS) != f).collect();
            let w = fit(
                &train.iter().map(|&k| x[k].clone()).collect::<Vec<_>>(),
                &train.iter().map(|&k| y[k]).collect::<Vec<_>>(),
            );
            for k in (0..items.len()).filter(|&k| fold(&items[k].ar, FOLDS) == f) {
                held_out[k] = predict(&w, &x[k]);
            }
        }
        print_aucs(
            "5-fold cross-validation (folds by Arabic sentence), refitted model",
            &auc_table(&items, &held_out),
        );
        print_reliability(&items, &held_out);
        let w = fit(&x, &y);
        let names: Vec<&str> = qualities[0].components.features().into_iter().map(|(n, _)| n).collect();
        println!("\nFitted on all {} pairs:\nconst BIAS: f64 = {:.3};", items.len(), w[0]);
        println!("const WEIGHTS: [f64; FEATURES] = [");
        for (n, v) in names.iter().zip(&w[1..]) {
            println!("    {v:.3}, // {n}");
        }
        println!("];");
        return Ok(());
    }
    let scores: Vec<f64> = qualities.iter().map(|q| q.score).collect();
    print_aucs("Shipped score (fitted on all pairs: in-sample)", &auc_table(&items, &scores));
    print_reliability(&items, &scores);

    // Better translations score higher: graded degradations of the good pairs.
    let scorer = Scorer::new();
    let good: Vec<&Item> = items.iter().filter(|i| i.good).collect();
    println!("\nGraded degradation of the {} good pairs\n", good.len());
    println!("| system | degradation | mean score | good (≥ 0.5) |\n|---|---|---|---|");
    let labels = [
        "reference",
        "every 6th word dropped",
        "every 3rd word dropped",
        "every 2nd word dropped, digits changed",
    ];
    for (level, label) in labels.iter().enumerate() {
        let pairs: Vec<(String, String)> =
            good.iter().map(|i| (i.ar.clone(), degrade(&i.en, level))).collect();
        let scores: Vec<f64> = scorer.score_batch(&pairs).iter().map(|q| q.score).collect();
        let mean = scores.iter().sum::<f64>() / scores.len() as f64;
        let share = scores.iter().filter(|&&s| s >= 0.5).count() as f64 / scores.len() as f64;
        println!("| {level} | {label} | {mean:.3} | {share:.3} |");
    }
    Ok(())
}
