//! Scoring throughput: pairs per second, one at a time and in a parallel batch, on the dev set's
//! 1100 labelled pairs (NTREX, CC BY-SA 4.0, see `tests/data/ntrex-dev/README.md`).
//!
//! ```text
//! cargo bench --bench score
//! ```

use std::hint::black_box;
use std::path::Path;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use qalign::Scorer;

fn pairs() -> Vec<(String, String)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/ntrex-dev/qe.tsv");
    let text = std::fs::read_to_string(&path).expect("qe.tsv");
    text.lines()
        .filter_map(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            (f.len() == 4).then(|| (f[2].to_owned(), f[3].to_owned()))
        })
        .collect()
}

fn score(c: &mut Criterion) {
    let pairs = pairs();
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
