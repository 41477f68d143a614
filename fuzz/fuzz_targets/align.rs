//! The aligner on `ar<TAB>en` pair lines (the shape of `qalign score` input) and on raw text split
//! at the first tab: every sentence lands in exactly one bead, in order on both sides.
#![no_main]

use libfuzzer_sys::fuzz_target;
use qalign::{Aligner, Alignment, Document, document::{Lang, Segmentation}};

fn check(alignment: &Alignment, ar: &Document, en: &Document) {
    let src: Vec<usize> = alignment.beads.iter().flat_map(|b| b.src.iter().copied()).collect();
    let tgt: Vec<usize> = alignment.beads.iter().flat_map(|b| b.tgt.iter().copied()).collect();
    let ids = |doc: &Document| doc.sentences().iter().map(|s| s.id()).collect::<Vec<_>>();
    assert_eq!(src, ids(ar));
    assert_eq!(tgt, ids(en));
    for b in &alignment.beads {
        assert!(!(b.src.is_empty() && b.tgt.is_empty()));
        assert!(b.cost.is_finite() && (0.0..=1.0).contains(&b.score));
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    // An odd first byte aligns over a narrow band, an even one over the whole table.
    let cells = if data.first().is_some_and(|b| b % 2 == 1) { 0 } else { 1 << 20 };
    let aligner = Aligner::builder().full_table_cells(cells).band_width(2).build().unwrap();
    // Pair lines: the Arabic side before the first tab of each line, the English side after it.
    let (mut ar, mut en) = (String::new(), String::new());
    for line in text.split('\n') {
        let (a, e) = line.split_once('\t').unwrap_or((line, ""));
        ar.push_str(&a.replace('\r', " "));
        ar.push('\n');
        en.push_str(&e.replace('\r', " "));
        en.push('\n');
    }
    let lines = aligner.align_lines(&ar, &en).unwrap();
    let doc = |t: &str, lang, seg| Document::new(t, lang, seg);
    check(&lines, &doc(&ar, Lang::Arabic, Segmentation::Lines), &doc(&en, Lang::English, Segmentation::Lines));
    // Raw text: everything before the first tab is Arabic, the rest English. The prepared documents
    // hold the segmenter's sentences, some cut where the translation shows a boundary that the
    // punctuation does not: never fewer.
    let (ar, en) = text.split_once('\t').unwrap_or((&text, ""));
    let raw = aligner.align(ar, en).unwrap();
    let (src, tgt) = aligner.prepare(ar, en, Segmentation::Raw).unwrap();
    assert!(src.sentences().len() >= doc(ar, Lang::Arabic, Segmentation::Raw).sentences().len());
    assert!(tgt.sentences().len() >= doc(en, Lang::English, Segmentation::Raw).sentences().len());
    check(&raw, &src, &tgt);
});
