//! Matching many Arabic documents against many English ones (`Matcher::match_texts`).
//!
//! The documents are news-length articles recombined from the sentence pairs of the dev set's clean
//! pre-split items (`ntrex-dev/presegmented/*.clean.{ar,en}` of the evaluation data, `QALIGN_DATA`,
//! default `../shared/data`; 1007 pairs): document `i` takes 24 pairs drawn at random, so every
//! Arabic document has exactly one English translation, and the English documents are shuffled. Each
//! run asserts that at least 99 % of the documents are matched to their translation. Without the
//! evaluation data the group is skipped, with a line saying so.
//!
//! ```text
//! cargo bench --bench matching
//! ```

use std::path::Path;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use qalign::matching::Matcher;

#[path = "../tests/common/data.rs"]
mod data;

/// Sentences per generated document: about the length of the dev set's news articles.
const SENTENCES: usize = 24;

/// A small deterministic generator (SplitMix64), so every run sees the same documents.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// The clean sentence pairs of the dev set in `dev`.
fn sentence_pairs(dev: &Path) -> Vec<(String, String)> {
    let dir = dev.join("presegmented");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("dev set")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".clean.ar"))
        .collect();
    names.sort();
    let mut pairs = Vec::new();
    for name in names {
        let ar = std::fs::read_to_string(dir.join(&name)).expect("arabic");
        let en = std::fs::read_to_string(dir.join(name.replace(".clean.ar", ".clean.en"))).expect("english");
        pairs.extend(ar.lines().zip(en.lines()).map(|(a, e)| (a.to_owned(), e.to_owned())));
    }
    pairs
}

/// `n` Arabic documents and `n` English ones; `truth[i]` is the English index of Arabic document `i`.
fn documents(dev: &Path, n: usize) -> (Vec<String>, Vec<String>, Vec<usize>) {
    let pairs = sentence_pairs(dev);
    let mut rng = Rng(0x5EED);
    let (mut ar, mut en) = (Vec::with_capacity(n), Vec::with_capacity(n));
    for _ in 0..n {
        let picked: Vec<&(String, String)> = (0..SENTENCES).map(|_| &pairs[rng.below(pairs.len())]).collect();
        // A headline, then paragraphs of three sentences separated by blank lines.
        let text = |side: fn(&(String, String)) -> &str| {
            picked
                .chunks(3)
                .enumerate()
                .map(|(k, chunk)| {
                    let sep = if k == 0 { "\n\n" } else { " " };
                    let head = side(chunk[0]);
                    let rest: Vec<&str> = chunk[1..].iter().map(|p| side(p)).collect();
                    if rest.is_empty() { head.to_owned() } else { format!("{head}{sep}{}", rest.join(" ")) }
                })
                .collect::<Vec<_>>()
                .join("\n\n")
        };
        ar.push(text(|p| &p.0));
        en.push(text(|p| &p.1));
    }
    // Shuffle the English documents (Fisher–Yates), remembering where each went.
    let mut order: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        order.swap(i, rng.below(i + 1));
    }
    let shuffled: Vec<String> = order.iter().map(|&k| en[k].clone()).collect();
    let mut truth = vec![0; n];
    for (pos, &k) in order.iter().enumerate() {
        truth[k] = pos;
    }
    (ar, shuffled, truth)
}

fn matching(c: &mut Criterion) {
    let Some(dev) = data::dataset("ntrex-dev") else { return };
    let mut group = c.benchmark_group("match");
    group.sample_size(10);
    for n in [100, 1000] {
        let (ar, en, truth) = documents(&dev, n);
        let bytes: usize = ar.iter().chain(&en).map(String::len).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        let matcher = Matcher::new();
        let once = matcher.match_texts(&ar, &en).expect("within limits");
        let correct = once.iter().filter(|m| m.tgt == Some(truth[m.src])).count();
        eprintln!("match/news/{n}x{n}: {correct}/{n} documents matched to their translation");
        group.bench_with_input(BenchmarkId::new("news", format!("{n}x{n}")), &n, |b, _| {
            b.iter(|| {
                let matches = matcher.match_texts(&ar, &en).expect("within limits");
                let correct = matches.iter().filter(|m| m.tgt == Some(truth[m.src])).count();
                assert!(correct * 100 >= n * 99, "{correct}/{n} matched");
                matches
            })
        });
    }
    group.finish();
}

criterion_group!(benches, matching);
criterion_main!(benches);
