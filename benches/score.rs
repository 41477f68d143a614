//! Scoring throughput: pairs per second, one at a time and in a parallel batch, on the dev set's
//! 1100 labelled pairs (`ntrex-dev/qe.tsv` of the evaluation data, `QALIGN_DATA`, default
//! `../shared/data`; NTREX, CC BY-SA 4.0, see the dev set's README). Without the evaluation data the
//! group is skipped, with a line saying so.
//!
//! ```text
//! cargo bench --bench score
//! ```

use std::hint::black_box;
use std::path::Path;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use qalign::Scorer;

#[path = "../tests/common/data.rs"]
mod data;

fn pairs(dev: &Path) -> Vec<(String, String)> {
    let path = dev.join("qe.tsv");
    let text = std::fs::read_to_string(&path).expect("qe.tsv");
    text.lines()
        .filter_map(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            (f.len() == 4).then(|| (f[2].to_owned(), f[3].to_owned()))
        })
        .collect()
}

fn score(c: &mut Criterion) {
    let Some(dev) = data::dataset("ntrex-dev") else { return };
    let pairs = pairs(&dev);
    assert_eq!(pairs.len(), 1100);
    let scorer = Scorer::new();
    let mut group = c.benchmark_group("score");
    group.throughput(Throughput::Elements(pairs.len() as u64));
    group.sample_size(20);
    group.bench_with_input(BenchmarkId::new("pairs", "qe-1100"), &pairs, |b, pairs| {
        b.iter(|| {
            let n = pairs.iter().map(|(ar, en)| scorer.score_pair(ar, en).findings.len()).sum::<usize>();
            black_box(n)
        })
    });
    group.bench_with_input(BenchmarkId::new("batch", "qe-1100"), &pairs, |b, pairs| {
        b.iter(|| {
            let scores = scorer.score_batch(pairs);
            assert_eq!(scores.len(), 1100);
            black_box(scores)
        })
    });
    group.finish();
}

criterion_group!(benches, score);
criterion_main!(benches);
