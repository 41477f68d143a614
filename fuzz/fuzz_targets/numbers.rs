//! Short pre-split lines, where the number reader, the name extractor and the normalizer do most of
//! the work: every non-blank line is one sentence whose id is its line number.
#![no_main]

use libfuzzer_sys::fuzz_target;
use qalign::{Aligner, Document, document::{Lang, Segmentation}};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for lang in [Lang::Arabic, Lang::English] {
        let doc = Document::new(&text, lang, Segmentation::Lines);
        assert!(doc.sentences().windows(2).all(|w| w[0].id() < w[1].id()));
    }
    // Aligning a text with itself compares every anchor of every line with its twin.
    let alignment = Aligner::new().align_lines(&text, &text).unwrap();
    assert!(alignment.beads.iter().all(|b| b.cost.is_finite() && (0.0..=1.0).contains(&b.score)));
});
