//! The reviewer's files: arbitrary text read as a termbase (TBX or TSV) and as a bilingual file (TMX,
//! XLIFF or TSV), and the units read scored with the termbase read (or a fixed one). Nothing panics;
//! every score lies between 0 and 1.
#![no_main]

use libfuzzer_sys::fuzz_target;
use qalign::{Scorer, bilingual::read_units, termbase::Termbase};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let termbase = Termbase::parse(&text)
        .unwrap_or_else(|_| Termbase::from_tsv("الدولة الإسلامية\tIslamic State\tISIS\n").unwrap());
    let Ok(units) = read_units(&text) else { return };
    let pairs: Vec<(&str, &str)> = units.iter().map(|u| (u.ar.as_str(), u.en.as_str())).collect();
    for quality in Scorer::new().with_termbase(&termbase).score_document(&pairs) {
        assert!((0.0..=1.0).contains(&quality.score));
    }
});
