//! Many document pairs at once: `Aligner::align_batch` and the JSON lines of `qalign batch`
//! (`qalign::batch::align_records`), on every core.
//!
//! ```text
//! cargo bench --bench batch
//! ```
//!
//! The input is the 62 raw documents of the dev set (`ntrex-dev/raw/` of the evaluation data,
//! `QALIGN_DATA`, default `../shared/data`; about 420 KB of Arabic and English in all), the set the
//! Python package's `align_batch` is timed on (`python/examples/benchmark.py`). Throughput is the
//! bytes of both sides. Without the evaluation data the groups are skipped, with a line saying so.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use qalign::Aligner;

#[path = "../tests/common/data.rs"]
mod data;

fn bench(c: &mut Criterion) {
    let Some(dev) = data::dataset("ntrex-dev") else { return };
    let raw = dev.join("raw");
    let mut names: Vec<_> = std::fs::read_dir(&raw)
        .expect("ntrex-dev/raw")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.to_string_lossy().ends_with(".ar.txt"))
        .collect();
    names.sort();
    let read = |p: &std::path::Path| std::fs::read_to_string(p).expect("a dev document");
    let pairs: Vec<(String, String)> = names
        .iter()
        .map(|ar| {
            (read(ar), read(&std::path::PathBuf::from(ar.to_string_lossy().replace(".ar.txt", ".en.txt"))))
        })
        .collect();
    assert_eq!(pairs.len(), 62);
    let name = format!("dev-{}-documents", pairs.len());
    let bytes: usize = pairs.iter().map(|(ar, en)| ar.len() + en.len()).sum();
    let lines: Vec<String> = pairs
        .iter()
        .enumerate()
        .map(|(k, (ar, en))| serde_json::json!({"id": k, "ar": ar, "en": en}).to_string())
        .collect();

    let aligner = Aligner::new();
    assert!(aligner.align_batch(&pairs).iter().all(Result::is_ok));
    let mut group = c.benchmark_group("batch");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function(BenchmarkId::new("align_batch", &name), |b| {
        b.iter(|| aligner.align_batch(black_box(&pairs)))
    });
    group.bench_function(BenchmarkId::new("align_records", &name), |b| {
        b.iter(|| qalign::batch::align_records(&aligner, black_box(&lines)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
