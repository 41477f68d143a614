//! Measures the quality score on labelled pairs the score was fitted on and on pairs it never saw.
//!
//! ```text
//! cargo run --release --example evaluate_quality                 # figures of the shipped score
//! cargo run --release --example evaluate_quality -- --fit        # refit the weights, held-out figures
//! cargo run --release --example evaluate_quality -- --dictionary /usr/share/dictd/freedict-ara-eng.index
//! ```
//!
//! Reads the evaluation data (`QALIGN_DATA`, else `../shared/data`):
//! - `ntrex-dev/qe.tsv`, the news dev set the weights are fitted on, also split by document into two
//!   halves (the documents of `ntrex-dev/presegmented`, sorted by name, alternately): weights and
//!   thresholds are chosen on half A and reported on half B;
//! - `tatoeba-val/qe.tsv`, short everyday sentences, another genre that no table or weight was chosen
//!   on;
//! - `tatoeba-mt/`, five real MT systems' output on the Tatoeba sentences: systems ranked by their
//!   mean score against their COMET ranking (Spearman), and per system the sentence-level Kendall τ
//!   of the score with chrF++ against the reference.
//!
//! For each set it prints ROC AUC of the score, `good` against each corruption type and against all
//! corrupted pairs, and the false alarms: good pairs scored below 0.5, and good pairs given a major
//! or critical finding. Then the reliability table (mean predicted score against the observed share
//! of good pairs, in bins, with the pairs weighted so that good pairs make up the score's prior) and
//! the graded-degradation check (mean score of good pairs degraded more and more).
//!
//! `--fit` fits a logistic regression over the named features (`Components::features`), with the two
//! classes weighted equally so that the intercept does not carry the training set's class balance,
//! and prints the constants for `src/quality/score.rs`: fitted on half A and reported on half B
//! (and on tatoeba-val), then fitted on the whole dev set (the shipped constants).

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use qalign::{Quality, Scorer, dictionary::Dictionary, quality::Severity};

#[path = "../tests/common/data.rs"]
mod data;
#[path = "common/fit.rs"]
mod fit;
use fit::fit;

/// One labelled pair of a `qe.tsv`.
struct Item {
    good: bool,
    kind: String,
    ar: String,
    en: String,
}

fn read(path: &Path) -> anyhow::Result<String> {
    std::fs::read_to_string(path).map_err(|e| anyhow::anyhow!("cannot read {}: {e}", path.display()))
}

fn read_items(path: &Path) -> anyhow::Result<Vec<Item>> {
    let text = read(path)?;
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

/// For each dev item, whether its Arabic comes from a document of half A: the documents of
/// `presegmented/*.clean.ar`, sorted by name, alternately A and B.
fn half_a(dev: &Path, items: &[Item]) -> anyhow::Result<Vec<bool>> {
    let dir = dev.join("presegmented");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".clean.ar"))
        .collect();
    names.sort();
    let mut doc_of: HashMap<String, usize> = HashMap::new();
    for (k, path) in names.iter().enumerate() {
        for line in read(path)?.lines() {
            doc_of.entry(line.trim().to_owned()).or_insert(k);
        }
    }
    items
        .iter()
        .map(|i| match doc_of.get(i.ar.trim()) {
            Some(k) => Ok(k % 2 == 0),
            None => anyhow::bail!("a qe.tsv sentence is in no presegmented document: {}", i.ar),
        })
        .collect()
}

/// ROC AUC of `scores` (higher = good), ties counting one half: Mann–Whitney U from [`ranks`].
fn auc(pos: &[f64], neg: &[f64]) -> f64 {
    let (p, n) = (pos.len() as f64, neg.len() as f64);
    if p == 0.0 || n == 0.0 {
        return 0.5;
    }
    let all: Vec<f64> = pos.iter().chain(neg).copied().collect();
    let rank_sum: f64 = ranks(&all)[..pos.len()].iter().sum();
    (rank_sum - p * (p + 1.0) / 2.0) / (p * n)
}

/// The figures of one set: AUC per corruption type and overall, and the false alarms.
struct Figures {
    aucs: BTreeMap<String, f64>,
    good: usize,
    below_half: usize,
    major: usize,
}

fn figures(items: &[&Item], scores: &[f64], major: &[bool]) -> Figures {
    let good: Vec<f64> = items.iter().zip(scores).filter(|(i, _)| i.good).map(|(_, &s)| s).collect();
    let mut by_kind: BTreeMap<String, Vec<f64>> = BTreeMap::new();
    for (i, &s) in items.iter().zip(scores) {
        if !i.good {
            by_kind.entry(i.kind.clone()).or_default().push(s);
            by_kind.entry("all corrupted".into()).or_default().push(s);
        }
    }
    let aucs = by_kind.into_iter().map(|(k, bad)| (k, auc(&good, &bad))).collect();
    let good_major = items.iter().zip(major).filter(|(i, m)| i.good && **m).count();
    Figures {
        aucs,
        good: good.len(),
        below_half: good.iter().filter(|&&s| s < 0.5).count(),
        major: good_major,
    }
}

fn percent(n: usize, of: usize) -> String {
    format!("{:.1} % ({n} of {of})", 100.0 * n as f64 / of.max(1) as f64)
}

/// Prints sets side by side: one row per measure, one column per set.
fn print_table(title: &str, sets: &[(&str, Figures)]) {
    println!("\n{title}\n");
    let header: Vec<&str> = sets.iter().map(|(name, _)| *name).collect();
    println!("| good against | {} |", header.join(" | "));
    println!("|---|{}", "---|".repeat(sets.len()));
    let mut kinds: Vec<&String> = sets.iter().flat_map(|(_, f)| f.aucs.keys()).collect();
    kinds.sort_by_key(|k| (k.as_str() == "all corrupted", k.as_str()));
    kinds.dedup();
    for kind in kinds {
        let cells: Vec<String> =
            sets.iter().map(|(_, f)| f.aucs.get(kind).map_or("—".into(), |v| format!("{v:.3}"))).collect();
        println!("| {kind} | {} |", cells.join(" | "));
    }
    let below: Vec<String> = sets.iter().map(|(_, f)| percent(f.below_half, f.good)).collect();
    println!("| good pairs below 0.5 | {} |", below.join(" | "));
    let major: Vec<String> = sets.iter().map(|(_, f)| percent(f.major, f.good)).collect();
    println!("| good pairs with a major or critical finding | {} |", major.join(" | "));
}

/// The score of fitted weights `w` on features `x`, under the prior `prior`.
fn predict(w: &[f64], x: &[f64], prior: f64) -> f64 {
    let z = w[0] + (prior / (1.0 - prior)).ln() + x.iter().zip(&w[1..]).map(|(a, b)| a * b).sum::<f64>();
    1.0 / (1.0 + (-z).exp())
}

fn features(q: &Quality) -> Vec<f64> {
    q.components.features().into_iter().map(|(_, v)| v).collect()
}

fn has_major(q: &Quality) -> bool {
    q.findings.iter().any(|f| f.severity >= Severity::Major)
}

/// The reliability table: pairs weighted so that good ones make up `prior` of the weight, as in a
/// document where that share of the pairs are correct translations.
fn print_reliability(items: &[Item], scores: &[f64], prior: f64) {
    const BINS: usize = 10;
    let good = items.iter().filter(|i| i.good).count() as f64;
    let bad = items.len() as f64 - good;
    let weight = |i: &Item| if i.good { prior / good } else { (1.0 - prior) / bad };
    let mut bins = vec![(0usize, 0.0f64, 0.0f64, 0.0f64); BINS];
    for (i, &s) in items.iter().zip(scores) {
        let b = ((s * BINS as f64) as usize).min(BINS - 1);
        let w = weight(i);
        bins[b].0 += 1;
        bins[b].1 += w * s;
        bins[b].2 += w * f64::from(u8::from(i.good));
        bins[b].3 += w;
    }
    println!("\nReliability on the dev set, pairs weighted to the prior ({prior}): predicted vs observed\n");
    println!("| score bin | pairs | mean predicted | observed good |\n|---|---|---|---|");
    for (b, &(n, sum, good, total)) in bins.iter().enumerate() {
        if n > 0 {
            let lo = b as f64 / BINS as f64;
            println!("| {lo:.1}–{:.1} | {n} | {:.3} | {:.3} |", lo + 0.1, sum / total, good / total);
        }
    }
}

/// Degrades an English sentence to `level` (0 = untouched): drops every `k`-th word, then more,
/// and at the last level changes the digits.
fn degrade(en: &str, level: usize) -> String {
    let words: Vec<&str> = en.split_whitespace().collect();
    let every = [0, 6, 3, 2][level.min(3)];
    let mut out: Vec<String> = words
        .iter()
        .enumerate()
        .filter(|(k, _)| every == 0 || k % every != every - 1)
        .map(|(_, w)| (*w).to_owned())
        .collect();
    if level >= 3 {
        for w in &mut out {
            *w = w
                .chars()
                .map(|c| if c.is_ascii_digit() { char::from(b'0' + ((c as u8 - b'0' + 3) % 10)) } else { c })
                .collect();
        }
    }
    out.join(" ")
}

/// Ranks of `values` (1 = smallest), ties sharing their mean rank.
fn ranks(values: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
    let mut out = vec![0.0; values.len()];
    let mut i = 0;
    while i < order.len() {
        let mut j = i;
        while j < order.len() && values[order[j]] == values[order[i]] {
            j += 1;
        }
        for &k in &order[i..j] {
            out[k] = (i + j + 1) as f64 / 2.0;
        }
        i = j;
    }
    out
}

/// Spearman's rank correlation.
fn spearman(a: &[f64], b: &[f64]) -> f64 {
    let (ra, rb) = (ranks(a), ranks(b));
    let n = a.len() as f64;
    let mean = (n + 1.0) / 2.0;
    let cov: f64 = ra.iter().zip(&rb).map(|(x, y)| (x - mean) * (y - mean)).sum();
    let var = |r: &[f64]| r.iter().map(|x| (x - mean).powi(2)).sum::<f64>();
    cov / (var(&ra) * var(&rb)).sqrt()
}

/// Kendall's τ-b, O(n log n) would be Knight's algorithm; n ≤ 10,000 makes the plain O(n²) loop
/// fast enough in a release build.
fn kendall(a: &[f64], b: &[f64]) -> f64 {
    let (mut concordant, mut discordant, mut ties_a, mut ties_b) = (0f64, 0f64, 0f64, 0f64);
    for i in 0..a.len() {
        for j in i + 1..a.len() {
            let (da, db) = (a[i] - a[j], b[i] - b[j]);
            if da == 0.0 && db == 0.0 {
                continue;
            } else if da == 0.0 {
                ties_a += 1.0;
            } else if db == 0.0 {
                ties_b += 1.0;
            } else if (da > 0.0) == (db > 0.0) {
                concordant += 1.0;
            } else {
                discordant += 1.0;
            }
        }
    }
    (concordant - discordant)
        / ((concordant + discordant + ties_a) * (concordant + discordant + ties_b)).sqrt()
}

/// Sentence-level chrF++ (character n-grams up to 6, word n-grams up to 2, β = 2), 0–1.
fn chrf_pp(hypothesis: &str, reference: &str) -> f64 {
    fn grams(units: &[String], n: usize) -> HashMap<String, usize> {
        let mut out = HashMap::new();
        for w in units.windows(n) {
            *out.entry(w.concat()).or_default() += 1;
        }
        out
    }
    let chars =
        |s: &str| -> Vec<String> { s.chars().filter(|c| !c.is_whitespace()).map(String::from).collect() };
    let words = |s: &str| -> Vec<String> { s.split_whitespace().map(|w| format!("{w} ")).collect() };
    let (hc, rc, hw, rw) = (chars(hypothesis), chars(reference), words(hypothesis), words(reference));
    let orders = (1..=6).map(|n| (&hc, &rc, n)).chain((1..=2).map(|n| (&hw, &rw, n)));
    let (mut precision, mut recall, mut count) = (0.0, 0.0, 0.0);
    for (h, r, n) in orders {
        let (gh, gr) = (grams(h, n), grams(r, n));
        let (th, tr): (usize, usize) = (gh.values().sum(), gr.values().sum());
        let hits: usize = gh.iter().map(|(g, c)| (*c).min(gr.get(g).copied().unwrap_or(0))).sum();
        if th > 0 && tr > 0 {
            precision += hits as f64 / th as f64;
            recall += hits as f64 / tr as f64;
        }
        count += 1.0;
    }
    let (p, r) = (precision / count, recall / count);
    if p + r == 0.0 { 0.0 } else { 5.0 * p * r / (4.0 * p + r) }
}

/// Ranks the five MT systems of `tatoeba-mt` by mean score against COMET, and correlates each
/// system's sentence scores with chrF++ against the reference.
fn mt_ranking(scorer: &Scorer, dir: &Path) -> anyhow::Result<()> {
    let src: Vec<String> = read(&dir.join("src.ar"))?.lines().map(str::to_owned).collect();
    let reference: Vec<String> = read(&dir.join("ref.en"))?.lines().map(str::to_owned).collect();
    let mut systems: Vec<(String, f64)> = Vec::new();
    for line in read(&dir.join("systems.tsv"))?.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        systems.push((f[0].to_owned(), f[1].parse()?));
    }
    println!("\nReal MT (tatoeba-mt, {} sentences): systems by mean score\n", src.len());
    println!(
        "| system | COMET | mean score | mean length fit | Kendall τ with chrF++ |\n|---|---|---|---|---|"
    );
    let (mut comet, mut means, mut lengths) = (Vec::new(), Vec::new(), Vec::new());
    let score = |en: &[String]| -> Vec<Quality> {
        let pairs: Vec<(&str, &str)> =
            src.iter().map(String::as_str).zip(en.iter().map(String::as_str)).collect();
        scorer.score_batch(&pairs)
    };
    for (name, c) in &systems {
        let en: Vec<String> = read(&dir.join(format!("{name}.en")))?.lines().map(str::to_owned).collect();
        let q = score(&en);
        let scores: Vec<f64> = q.iter().map(|q| q.score).collect();
        let length: Vec<f64> = q.iter().map(|q| -q.components.length.abs()).collect();
        let chrf: Vec<f64> = en.iter().zip(&reference).map(|(h, r)| chrf_pp(h, r)).collect();
        let mean = scores.iter().sum::<f64>() / scores.len() as f64;
        let mean_length = length.iter().sum::<f64>() / length.len() as f64;
        println!("| {name} | {c:.3} | {mean:.4} | {mean_length:.3} | {:.3} |", kendall(&scores, &chrf));
        comet.push(*c);
        means.push(mean);
        lengths.push(mean_length);
    }
    let q = score(&reference);
    let mean = q.iter().map(|q| q.score).sum::<f64>() / q.len() as f64;
    let mean_length = q.iter().map(|q| -q.components.length.abs()).sum::<f64>() / q.len() as f64;
    println!("| human reference | — | {mean:.4} | {mean_length:.3} | — |");
    println!(
        "\nSpearman with COMET over the five systems: mean score {:.2}, mean length fit {:.2}",
        spearman(&means, &comet),
        spearman(&lengths, &comet)
    );
    Ok(())
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut dictionary = Dictionary::new();
    for (k, a) in args.iter().enumerate() {
        if a == "--dictionary" {
            let path = args.get(k + 1).ok_or_else(|| anyhow::anyhow!("--dictionary needs a file"))?;
            dictionary.extend(Dictionary::from_file(path)?);
        }
    }
    let scorer = Scorer::new().with_dictionary(&dictionary);
    let prior = scorer.prior();
    let dev_dir = data::dataset_or_exit("ntrex-dev");
    let dev = read_items(&dev_dir.join("qe.tsv"))?;
    let val = read_items(&data::dataset_or_exit("tatoeba-val").join("qe.tsv"))?;
    let in_a = half_a(&dev_dir, &dev)?;
    let quality = |items: &[Item]| -> Vec<Quality> {
        let pairs: Vec<(&str, &str)> = items.iter().map(|i| (i.ar.as_str(), i.en.as_str())).collect();
        scorer.score_batch(&pairs)
    };
    let (dev_q, val_q) = (quality(&dev), quality(&val));
    let half = |a: bool| -> Vec<usize> { (0..dev.len()).filter(|&k| in_a[k] == a).collect() };
    let (a, b) = (half(true), half(false));
    let pick = |idx: &[usize]| -> Vec<&Item> { idx.iter().map(|&k| &dev[k]).collect() };
    let all: Vec<usize> = (0..dev.len()).collect();

    if args.iter().any(|a| a == "--fit") {
        let x: Vec<Vec<f64>> = dev_q.iter().map(features).collect();
        let y: Vec<f64> = dev.iter().map(|i| f64::from(u8::from(i.good))).collect();
        let xv: Vec<Vec<f64>> = val_q.iter().map(features).collect();
        let fit_on = |idx: &[usize]| {
            fit(
                &idx.iter().map(|&k| x[k].clone()).collect::<Vec<_>>(),
                &idx.iter().map(|&k| y[k]).collect::<Vec<_>>(),
            )
        };
        // A refitted model's findings are not recomputed: the false-alarm row of major findings
        // reads the shipped findings.
        let report = |w: &[f64], idx: &[usize]| {
            let scores: Vec<f64> = idx.iter().map(|&k| predict(w, &x[k], prior)).collect();
            let major: Vec<bool> = idx.iter().map(|&k| has_major(&dev_q[k])).collect();
            figures(&pick(idx), &scores, &major)
        };
        let val_report = |w: &[f64]| {
            let scores: Vec<f64> = xv.iter().map(|x| predict(w, x, prior)).collect();
            let major: Vec<bool> = val_q.iter().map(has_major).collect();
            figures(&val.iter().collect::<Vec<_>>(), &scores, &major)
        };
        let (wa, wb, w) = (fit_on(&a), fit_on(&b), fit_on(&all));
        print_table(
            &format!(
                "Refitted (prior {prior}): fitted on one half of the dev documents, reported on the other, and on tatoeba-val"
            ),
            &[
                ("A → B (held out)", report(&wa, &b)),
                ("B → A (held out)", report(&wb, &a)),
                ("A → tatoeba-val", val_report(&wa)),
                ("all dev → all dev (in-sample)", report(&w, &all)),
                ("all dev → tatoeba-val", val_report(&w)),
            ],
        );
        let names: Vec<&str> = dev_q[0].components.features().into_iter().map(|(n, _)| n).collect();
        println!(
            "\nFitted on all {} dev pairs, classes weighed evenly:\nconst BIAS: f64 = {:.3};",
            dev.len(),
            w[0]
        );
        println!("const WEIGHTS: [f64; FEATURES] = [");
        for (n, v) in names.iter().zip(&w[1..]) {
            println!("    {v:.3}, // {n}");
        }
        println!("];");
        return Ok(());
    }

    let shipped = |q: &[Quality], idx: &[usize], items: &[Item]| {
        let scores: Vec<f64> = idx.iter().map(|&k| q[k].score).collect();
        let major: Vec<bool> = idx.iter().map(|&k| has_major(&q[k])).collect();
        figures(&idx.iter().map(|&k| &items[k]).collect::<Vec<_>>(), &scores, &major)
    };
    print_table(
        &format!(
            "Shipped score (prior {prior}; weights fitted on the whole dev set, so its columns are in-sample; half B is held out only from the choice of tables and thresholds made on half A)"
        ),
        &[
            ("ntrex-dev", shipped(&dev_q, &all, &dev)),
            ("dev half A", shipped(&dev_q, &a, &dev)),
            ("dev half B", shipped(&dev_q, &b, &dev)),
            ("tatoeba-val", shipped(&val_q, &(0..val.len()).collect::<Vec<_>>(), &val)),
        ],
    );
    let scores: Vec<f64> = dev_q.iter().map(|q| q.score).collect();
    print_reliability(&dev, &scores, prior);

    // Better translations score higher: graded degradations of the good pairs.
    let good: Vec<&Item> = dev.iter().filter(|i| i.good).collect();
    println!("\nGraded degradation of the {} good dev pairs\n", good.len());
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
    mt_ranking(&scorer, &data::dataset_or_exit("tatoeba-mt"))
}
