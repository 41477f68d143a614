//! Writer speed: one aligned document written in every format.
//!
//! ```text
//! cargo bench --bench output
//! ```
//!
//! Inputs: the seed pair (`examples/data/003_*` and `000_*`, 16 beads) and the 20,000-sentence
//! pre-split NTREX item `ntrex-dev/scale/` of the evaluation data (`QALIGN_DATA`, default
//! `../shared/data`; CC BY-SA 4.0, see the dev set's README), aligned once before timing; without the
//! evaluation data only the seed pair is measured, after a line saying so. Throughput is the bytes of
//! both input documents; each run checks the output is not empty.

use std::hint::black_box;
use std::path::Path;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use qalign::output::{Format, HtmlOptions, TmxOptions, write_alignment, write_html, write_tmx};
use qalign::{
    Aligner, Alignment, Document,
    document::{Lang, Segmentation},
    verdict::Verdict,
};

#[path = "../tests/common/data.rs"]
mod data;

/// A file of the repository, or elsewhere if `path` is absolute.
fn read(path: impl AsRef<Path>) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A named, aligned document with its verdict and input size.
struct Case {
    name: &'static str,
    alignment: Alignment,
    verdict: Verdict,
    bytes: u64,
}

fn case(name: &'static str, ar: &str, en: &str, segmentation: Segmentation) -> Case {
    let src = Document::new(ar, Lang::Arabic, segmentation);
    let tgt = Document::new(en, Lang::English, segmentation);
    let alignment = Aligner::new().align_documents(&src, &tgt);
    let verdict = Verdict::new(&alignment, &src, &tgt);
    Case { name, alignment, verdict, bytes: (ar.len() + en.len()) as u64 }
}

fn bench(c: &mut Criterion) {
    let mut cases = vec![case(
        "seed",
        &read("examples/data/003_02c1adf0d7f5733e.txt"),
        &read("examples/data/000_47fec3c5d65e0f7a.txt"),
        Segmentation::Raw,
    )];
    if let Some(dev) = data::dataset("ntrex-dev") {
        let scale = dev.join("scale");
        cases.push(case(
            "news-20k",
            &read(scale.join("scale.ar")),
            &read(scale.join("scale.en")),
            Segmentation::Lines,
        ));
    }
    let mut group = c.benchmark_group("output");
    group.sample_size(10);
    for case in &cases {
        group.throughput(Throughput::Bytes(case.bytes));
        let mut out = Vec::with_capacity(4 * case.bytes as usize);
        let mut run = |name: &str, write: &dyn Fn(&mut Vec<u8>)| {
            group.bench_function(BenchmarkId::new(name, case.name), |b| {
                b.iter(|| {
                    out.clear();
                    write(&mut out);
                    assert!(!out.is_empty());
                    black_box(out.len())
                })
            });
        };
        let options = HtmlOptions::new().title(case.name).verdict(case.verdict.clone());
        run("tmx", &|out| write_tmx(out, &case.alignment, &TmxOptions::new()).unwrap());
        run("html", &|out| write_html(out, &case.alignment, &options).unwrap());
        run("tsv", &|out| write_alignment(out, &case.alignment, Format::Tsv).unwrap());
        run("jsonl", &|out| write_alignment(out, &case.alignment, Format::Jsonl).unwrap());
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
