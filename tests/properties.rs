//! Invariants of every alignment, over generated documents.

use proptest::prelude::*;
use qalign::{Aligner, Alignment};

/// Sentence-like pieces in both scripts, with digits, punctuation and odd characters.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("قال الوزير إن 60% من السكان.".to_owned()),
        Just("وزار بغداد يوم ٢٠١٤...".to_owned()),
        Just("Rogozin visited Baghdad in 2014.".to_owned()),
        Just("He said \"no.\" Then".to_owned()),
        Just("Mr. Smith paid $2.5 billion!".to_owned()),
        Just("\n\n".to_owned()),
        Just("\n".to_owned()),
        Just("؟!... ".to_owned()),
        "\\PC{0,30}",
        "[a-z ]{0,40}[.?!]",
        "[\u{0621}-\u{064A} ]{0,40}[.؟]",
    ]
}

fn document() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..25).prop_map(|parts| parts.join(" "))
}

/// Every sentence index appears exactly once, in increasing order, and spans are valid and ordered.
fn check(alignment: &Alignment, ar: &str, en: &str, ar_count: usize, en_count: usize) {
    let src: Vec<usize> = alignment.beads.iter().flat_map(|b| b.src.iter().copied()).collect();
    let tgt: Vec<usize> = alignment.beads.iter().flat_map(|b| b.tgt.iter().copied()).collect();
    assert!(src.windows(2).all(|w| w[0] < w[1]), "{src:?}");
    assert!(tgt.windows(2).all(|w| w[0] < w[1]), "{tgt:?}");
    assert_eq!(src.len(), ar_count);
    assert_eq!(tgt.len(), en_count);
    for (text, spans) in [
        (ar, alignment.beads.iter().flat_map(|b| b.src_spans.clone()).collect::<Vec<_>>()),
        (en, alignment.beads.iter().flat_map(|b| b.tgt_spans.clone()).collect::<Vec<_>>()),
    ] {
        assert!(spans.windows(2).all(|w| w[0].end <= w[1].start));
        for s in &spans {
            assert!(s.start < s.end && text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        }
        // Nothing but whitespace lies outside the spans.
        let mut at = 0;
        for s in &spans {
            assert!(text[at..s.start].trim().is_empty(), "text dropped: {:?}", &text[at..s.start]);
            at = s.end;
        }
        assert!(text[at..].trim().is_empty(), "text dropped at the end: {:?}", &text[at..]);
    }
    for b in &alignment.beads {
        assert!(!(b.src.is_empty() && b.tgt.is_empty()));
        assert!((0.0..=1.0).contains(&b.score) && b.cost.is_finite());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn raw_alignment_covers_every_sentence_once(ar in document(), en in document()) {
        let aligner = Aligner::new();
        let alignment = aligner.align(&ar, &en).unwrap();
        let count = |text: &str, lang| qalign::Document::new(text, lang, qalign::Segmentation::Raw).sentences().len();
        check(&alignment, &ar, &en, count(&ar, qalign::Lang::Arabic), count(&en, qalign::Lang::English));
        prop_assert_eq!(&alignment, &aligner.align(&ar, &en).unwrap());
    }

    #[test]
    fn line_alignment_covers_every_line_once(ar in document(), en in document()) {
        let alignment = Aligner::new().align_lines(&ar, &en).unwrap();
        let count = |text: &str| text.lines().filter(|l| !l.trim().is_empty()).count();
        check(&alignment, &ar, &en, count(&ar), count(&en));
    }

    #[test]
    fn narrow_bands_still_cover_everything(n in 0usize..300, m in 0usize..300, width in 1usize..8) {
        let ar: String = (0..n).map(|i| format!("جملة رقم {i} هنا.\n")).collect();
        let en: String = (0..m).map(|i| format!("Sentence number {} is here.\n", i * 7 % 300)).collect();
        let aligner = Aligner::builder().band_width(width).build().unwrap();
        let alignment = aligner.align_lines(&ar, &en).unwrap();
        check(&alignment, &ar, &en, n, m);
    }
}
