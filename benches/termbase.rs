//! Termbase loading: 10,000 made-up terms read from TSV and from TBX (TBX v3, TBX-Basic), parsed and
//! indexed for matching.
//!
//! ```text
//! cargo bench --bench termbase
//! ```

use std::fmt::Write as _;
use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use qalign::termbase::Termbase;

/// Terms in each termbase.
const TERMS: usize = 10_000;

/// Made-up Arabic and English terms of two or three words: term `k` spells `k` in its own alphabet
/// of letters (Arabic) or syllables (English), so every term is distinct.
fn terms() -> Vec<(String, String, String)> {
    const AR: [char; 16] = ['ب', 'ت', 'ج', 'د', 'ر', 'س', 'ع', 'ف', 'ق', 'ك', 'ل', 'م', 'ن', 'ه', 'و', 'ي'];
    const EN: [&str; 16] =
        ["ba", "ce", "di", "fo", "gu", "ha", "je", "ki", "lo", "mu", "na", "pe", "ri", "so", "tu", "va"];
    (0..TERMS)
        .map(|k| {
            let digits: Vec<usize> = (0..4).map(|d| (k >> (4 * d)) & 15).collect();
            let arabic = format!(
                "ال{} {}ية",
                digits.iter().map(|&d| AR[d]).collect::<String>(),
                digits.iter().rev().map(|&d| AR[d]).collect::<String>()
            );
            let english = format!(
                "{} {}",
                digits.iter().map(|&d| EN[d]).collect::<String>(),
                digits.iter().rev().map(|&d| EN[d]).collect::<String>()
            );
            let forbidden = if k % 10 == 0 { format!("old {english}") } else { String::new() };
            (arabic, english, forbidden)
        })
        .collect()
}

fn tsv(terms: &[(String, String, String)]) -> String {
    terms.iter().map(|(a, e, f)| format!("{a}\t{e}\t{f}\n")).collect()
}

fn tbx(terms: &[(String, String, String)]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\" \
         xmlns=\"urn:iso:std:iso:30042:ed-2\">\n<tbxHeader><fileDesc><sourceDesc><p>bench</p></sourceDesc>\
         </fileDesc></tbxHeader>\n<text><body>\n",
    );
    for (k, (a, e, f)) in terms.iter().enumerate() {
        let _ = write!(
            out,
            "<conceptEntry id=\"c{k}\"><langSec xml:lang=\"ar\"><termSec><term>{a}</term></termSec></langSec>\
             <langSec xml:lang=\"en\"><termSec><term>{e}</term><termNote type=\"administrativeStatus\">\
             preferredTerm-admn-sts</termNote></termSec>"
        );
        if !f.is_empty() {
            let _ = write!(
                out,
                "<termSec><term>{f}</term><termNote type=\"administrativeStatus\">deprecatedTerm-admn-sts\
                 </termNote></termSec>"
            );
        }
        out.push_str("</langSec></conceptEntry>\n");
    }
    out.push_str("</body></text>\n</tbx>\n");
    out
}

fn load(c: &mut Criterion) {
    let terms = terms();
    let mut group = c.benchmark_group("termbase");
    group.sample_size(20);
    for (format, text) in [("tsv", tsv(&terms)), ("tbx", tbx(&terms))] {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new(format, "10k-terms"), &text, |b, text| {
            b.iter(|| {
                let termbase = Termbase::parse(text).expect("termbase");
                assert_eq!(termbase.len(), TERMS);
                black_box(termbase)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);
