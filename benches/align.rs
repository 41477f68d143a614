//! Alignment speed on real news text, by stage and by size.
//!
//! ```text
//! cargo bench --bench align
//! ```
//!
//! The input is the 20,000-sentence pre-split NTREX item `ntrex-dev/scale/` of the evaluation data
//! (`QALIGN_DATA`, default `../shared/data`; CC BY-SA 4.0, see the dev set's README), cut at gold bead
//! boundaries to about 1,000 and 10,000 Arabic sentences, used whole (`news-20k`), and repeated five
//! times (`news-100k`); the `mismatched` group aligns pairs whose sentence counts do not fit each
//! other (the news-20k Arabic against the English of its first 10,000 lines, and 20,000 identical
//! lines against 30,000). The raw-text variant joins the same lines into paragraphs of three sentences
//! separated by blank lines, so the segmenter has to find them again. Throughput is the bytes of both
//! documents. Without the evaluation data every group is skipped, with a line saying so.

use std::hint::black_box;
use std::path::Path;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use qalign::{
    Aligner, Document,
    align::Scoring,
    document::{Lang, Segmentation},
};

#[path = "../tests/common/data.rs"]
mod data;
#[path = "../tests/common/devset.rs"]
mod devset;

/// One pre-split pair: a name carrying its size, the two texts, and the gold beads when known.
struct Pair {
    name: &'static str,
    ar: String,
    en: String,
    gold: Option<String>,
}

fn read(scale: &Path, name: &str) -> String {
    let path = scale.join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The first lines of the scale item up to the first gold bead boundary at or after `ar_lines` Arabic
/// lines, with the gold beads that cover them.
fn cut(ar: &str, en: &str, gold: &str, ar_lines: usize) -> (String, String, String) {
    let last = |side: &str| side.trim_matches(['[', ']']).split(',').filter_map(|x| x.parse().ok()).max();
    let (mut a, mut e, mut beads) = (0usize, 0usize, 0usize);
    for line in gold.lines() {
        let Some((src, tgt)) = line.split_once(':') else { continue };
        a = last(src).map_or(a, |x: usize| x + 1);
        e = last(tgt).map_or(e, |x: usize| x + 1);
        beads += 1;
        if a >= ar_lines {
            break;
        }
    }
    let head = |text: &str, n: usize| text.lines().take(n).map(|l| format!("{l}\n")).collect::<String>();
    (head(ar, a), head(en, e), head(gold, beads))
}

/// The sizes cut from the scale item in `scale`.
fn pairs(scale: &Path) -> Vec<Pair> {
    let (ar, en, gold) = (read(scale, "scale.ar"), read(scale, "scale.en"), read(scale, "scale.gold"));
    let mut out = Vec::new();
    for (name, n) in [("news-1k", 1_000), ("news-10k", 10_000)] {
        let (a, e, g) = cut(&ar, &en, &gold, n);
        out.push(Pair { name, ar: a, en: e, gold: Some(g) });
    }
    out.push(Pair { name: "news-100k", ar: ar.repeat(5), en: en.repeat(5), gold: None });
    out.insert(2, Pair { name: "news-20k", ar, en, gold: Some(gold) });
    out
}

/// The same sentences as raw article text: paragraphs of three sentences, blank lines between them.
fn as_raw(lines: &str) -> String {
    let lines: Vec<&str> = lines.lines().collect();
    lines.chunks(3).map(|p| p.join(" ")).collect::<Vec<_>>().join("\n\n")
}

fn bench(c: &mut Criterion) {
    let Some(dev) = data::dataset("ntrex-dev") else { return };
    let aligner = Aligner::new();
    let pairs = pairs(&dev.join("scale"));

    // Before timing anything, check the result is the right one.
    for pair in &pairs {
        let alignment = aligner.align_lines(&pair.ar, &pair.en).expect("alignment");
        let sentences: usize = alignment.beads.iter().map(|b| b.src.len() + b.tgt.len()).sum();
        assert_eq!(sentences, pair.ar.lines().count() + pair.en.lines().count(), "{}", pair.name);
        if let Some(gold) = &pair.gold {
            let f1 = devset::score_presegmented(&alignment, gold).link_f1();
            assert!(f1 >= 0.97, "{}: link F1 {f1}", pair.name);
        }
    }

    let mut group = c.benchmark_group("prepare");
    group.sample_size(10);
    for pair in pairs.iter().filter(|p| p.name == "news-20k") {
        for (lang, text) in [(Lang::Arabic, &pair.ar), (Lang::English, &pair.en)] {
            group.throughput(Throughput::Bytes(text.len() as u64));
            let id = BenchmarkId::new(format!("{lang:?}").to_lowercase(), pair.name);
            group.bench_with_input(id, text, |b, text| {
                b.iter(|| Document::new(black_box(text), lang, Segmentation::Lines))
            });
        }
    }
    group.finish();

    // Prepared documents aligned, with each bead scored for quality (the default) or given only the
    // aligner's confidence (`Scoring::Confidence`, the alignment alone).
    let confidence = Aligner::builder().scoring(Scoring::Confidence).build().expect("config");
    let mut group = c.benchmark_group("align");
    group.sample_size(10);
    for pair in &pairs {
        let src = Document::new(&pair.ar, Lang::Arabic, Segmentation::Lines);
        let tgt = Document::new(&pair.en, Lang::English, Segmentation::Lines);
        group.throughput(Throughput::Bytes((pair.ar.len() + pair.en.len()) as u64));
        for (scoring, aligner) in [("confidence", &confidence), ("quality", &aligner)] {
            group.bench_function(BenchmarkId::new(scoring, pair.name), |b| {
                b.iter(|| aligner.align_documents(black_box(&src), black_box(&tgt)))
            });
        }
    }
    group.finish();

    // Pairs whose sentence counts do not fit each other: the news-20k Arabic against the English of
    // its first 10,000 sentences, and 20,000 identical Arabic lines against 30,000 English ones.
    let mut group = c.benchmark_group("mismatched");
    group.sample_size(10);
    if let Some(pair) = pairs.iter().find(|p| p.name == "news-20k") {
        let half: String = pair.en.lines().take(10_000).map(|l| format!("{l}\n")).collect();
        let same_ar = format!("{}\n", pair.ar.lines().next().unwrap_or("")).repeat(20_000);
        let same_en = format!("{}\n", pair.en.lines().next().unwrap_or("")).repeat(30_000);
        for (name, ar, en) in
            [("news-20k-vs-10k", &pair.ar, &half), ("identical-20k-vs-30k", &same_ar, &same_en)]
        {
            let src = Document::new(ar, Lang::Arabic, Segmentation::Lines);
            let tgt = Document::new(en, Lang::English, Segmentation::Lines);
            group.throughput(Throughput::Bytes((ar.len() + en.len()) as u64));
            group.bench_function(BenchmarkId::new("confidence", name), |b| {
                b.iter(|| confidence.align_documents(black_box(&src), black_box(&tgt)))
            });
        }
    }
    group.finish();

    let mut group = c.benchmark_group("end_to_end");
    group.sample_size(10);
    for pair in pairs.iter().filter(|p| p.name == "news-20k") {
        group.throughput(Throughput::Bytes((pair.ar.len() + pair.en.len()) as u64));
        group.bench_function(BenchmarkId::new("presegmented", pair.name), |b| {
            b.iter(|| aligner.align_lines(black_box(&pair.ar), black_box(&pair.en)))
        });
        let (ar, en) = (as_raw(&pair.ar), as_raw(&pair.en));
        group.bench_function(BenchmarkId::new("raw", pair.name), |b| {
            b.iter(|| aligner.align(black_box(&ar), black_box(&en)))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
