//! Reading the FreeDict Arabic–English and English–Arabic dictionaries (dictd, as Debian's
//! `dict-freedict-ara-eng` and `dict-freedict-eng-ara` install them under `/usr/share/dictd/`).
//! They are not in the repository: where they are not installed, the bench says so and skips.
//!
//! ```text
//! cargo bench --bench dictionary
//! ```

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use qalign::dictionary::Dictionary;

/// The index of an installed FreeDict dictionary, if it is installed.
fn installed(name: &str) -> Option<PathBuf> {
    let index = Path::new("/usr/share/dictd").join(format!("{name}.index"));
    index.exists().then_some(index)
}

/// The bytes of a dictionary's two files, for the throughput.
fn size(index: &Path) -> u64 {
    let data = index.with_extension("dict.dz");
    [index, data.as_path()].iter().filter_map(|p| std::fs::metadata(p).ok()).map(|m| m.len()).sum()
}

fn load(c: &mut Criterion) {
    let (Some(ara_eng), Some(eng_ara)) = (installed("freedict-ara-eng"), installed("freedict-eng-ara"))
    else {
        eprintln!(
            "FreeDict dictionaries not installed (apt-get install dict-freedict-ara-eng dict-freedict-eng-ara): skipped"
        );
        return;
    };
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    for (id, index, forms) in [
        ("freedict-ara-eng-53k", &ara_eng, 60_000..80_000),
        ("freedict-eng-ara-87k", &eng_ara, 60_000..90_000),
    ] {
        group.throughput(Throughput::Bytes(size(index)));
        group.bench_with_input(BenchmarkId::from_parameter(id), index, |b, index| {
            b.iter_with_large_drop(|| {
                let dictionary = Dictionary::from_file(index).expect("reads the dictionary");
                assert!(forms.contains(&dictionary.len()), "{id}: {} forms", dictionary.len());
                black_box(dictionary)
            })
        });
    }
    group.throughput(Throughput::Bytes(size(&ara_eng) + size(&eng_ara)));
    group.bench_function(BenchmarkId::from_parameter("both"), |b| {
        b.iter_with_large_drop(|| {
            let mut dictionary = Dictionary::from_file(&ara_eng).expect("reads ara-eng");
            dictionary.extend(Dictionary::from_file(&eng_ara).expect("reads eng-ara"));
            assert!((70_000..100_000).contains(&dictionary.len()), "both: {} forms", dictionary.len());
            black_box(dictionary)
        })
    });
    group.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);
