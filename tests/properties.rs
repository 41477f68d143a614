//! Invariants of every alignment, over generated documents.

use proptest::prelude::*;
use qalign::{
    Aligner, Alignment, Config, Document,
    document::{Lang, Segmentation},
};

/// Characters that hold no text: whitespace, controls (NUL…) and invisible format characters (bidi
/// controls and marks, zero-width characters, the BOM, the soft hyphen). Sentences never start or
/// end with one, and nothing else lies outside the sentences.
fn is_blank(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(c, '\u{AD}' | '\u{61C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

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
        Just("\r\n".to_owned()),
        Just("\r".to_owned()),
        Just("\0".to_owned()),
        Just("\u{FEFF}".to_owned()),
        Just("\u{202B}قال.\u{202C}\u{200F}".to_owned()),
        Just("It rained.\u{200E}".to_owned()),
        "\\PC{0,30}",
        any::<String>().prop_map(|s| s.chars().take(20).collect()),
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
            // A span holds exactly a sentence: no blank at either end.
            let piece = &text[s.start..s.end];
            assert_eq!(piece, piece.trim_matches(is_blank));
        }
        // Nothing but blank characters lies outside the spans.
        let mut at = 0;
        for s in &spans {
            let gap = &text[at..s.start];
            assert!(gap.chars().all(is_blank), "text dropped: {gap:?}");
            at = s.end;
        }
        assert!(text[at..].chars().all(is_blank), "text dropped at the end: {:?}", &text[at..]);
    }
    // Each bead's text is its sentences' text, in order.
    for b in &alignment.beads {
        let join = |text: &str, spans: &[qalign::document::Span]| {
            spans.iter().map(|s| &text[s.start..s.end]).collect::<Vec<_>>().join(" ")
        };
        assert_eq!(b.src_text, join(ar, &b.src_spans));
        assert_eq!(b.tgt_text, join(en, &b.tgt_spans));
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
        // The sentences of the prepared documents: the segmenter's, some cut where the translation
        // shows a boundary the punctuation does not; never fewer.
        let (src, tgt) = aligner.prepare(&ar, &en, qalign::document::Segmentation::Raw).unwrap();
        let count = |text: &str, lang| qalign::Document::new(text, lang, qalign::document::Segmentation::Raw).sentences().len();
        prop_assert!(src.sentences().len() >= count(&ar, qalign::document::Lang::Arabic));
        prop_assert!(tgt.sentences().len() >= count(&en, qalign::document::Lang::English));
        check(&alignment, &ar, &en, src.sentences().len(), tgt.sentences().len());
        prop_assert_eq!(&alignment, &aligner.align(&ar, &en).unwrap());
    }

    #[test]
    fn line_alignment_covers_every_line_once(ar in document(), en in document()) {
        let alignment = Aligner::new().align_lines(&ar, &en).unwrap();
        // Lines end at `\n`, `\r\n` or a lone `\r`.
        let count = |text: &str| {
            text.replace("\r\n", "\n").split(['\n', '\r']).filter(|l| !l.chars().all(is_blank)).count()
        };
        check(&alignment, &ar, &en, count(&ar), count(&en));
    }

    #[test]
    fn narrow_bands_still_cover_everything(n in 0usize..300, m in 0usize..300, width in 1usize..8) {
        let ar: String = (0..n).map(|i| format!("جملة رقم {i} هنا.\n")).collect();
        let en: String = (0..m).map(|i| format!("Sentence number {} is here.\n", i * 7 % 300)).collect();
        let aligner = Aligner::builder().full_table_cells(0).band_width(width).build().unwrap();
        let alignment = aligner.align_lines(&ar, &en).unwrap();
        check(&alignment, &ar, &en, n, m);
    }
}

/// A pre-split document of up to 15 lines that all differ in length, so that no two different
/// alignments cost exactly the same: words of `letter`, `word - 1` letters long, some lines ending
/// in a year that may recur on the other side.
fn distinct_lines(letter: char, word: usize) -> impl Strategy<Value = String> {
    prop::collection::btree_set(2usize..120, 0..16)
        .prop_flat_map(|lengths| Just(lengths.into_iter().collect::<Vec<_>>()).prop_shuffle())
        .prop_flat_map(move |lengths| {
            let n = lengths.len();
            (Just(lengths), prop::collection::vec(prop::option::of(0u32..6), n))
        })
        .prop_map(move |(lengths, numbers)| {
            lengths
                .iter()
                .zip(numbers)
                .map(|(&len, number)| {
                    // No space at the end, so distinct lengths stay distinct lines (no ties).
                    let mut line: String = (0..len)
                        .map(|k| if k % word == word - 1 && k + 1 < len { ' ' } else { letter })
                        .collect();
                    if let Some(x) = number {
                        line.push_str(&format!(" {}", 1990 + x));
                    }
                    line + "\n"
                })
                .collect()
        })
}

fn pairs(alignment: &Alignment, swap: bool) -> Vec<(Vec<usize>, Vec<usize>)> {
    alignment
        .pairs()
        .map(|b| if swap { (b.tgt.clone(), b.src.clone()) } else { (b.src.clone(), b.tgt.clone()) })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// The mirror property. Aligning English document B (as source) to Arabic document A (as
    /// target) with the length model inverted — ratio `1/c` and variance `s²/c³`, which gives every
    /// bead the same length cost — and the document-ratio adaptation off finds the same pairs as
    /// aligning A to B, at the same total cost. Only the order of adjacent unpaired sentences
    /// (1-0 next to 0-1, which cost the same in either order) may differ, so pairs are compared.
    /// With at most 15 lines a side, the first band (half-width 16) or the whole table covers every
    /// cell, so both directions find the exact optimum; over a narrower band, whose edges follow
    /// each direction's length diagonal, the two may differ.
    #[test]
    fn aligning_b_to_a_mirrors_a_to_b(ar in distinct_lines('ب', 5), en in distinct_lines('e', 6)) {
        let mut forward = Config::default();
        forward.ratio_prior_sentences = 1e15;
        let mut backward = forward.clone();
        backward.length_ratio = 1.0 / forward.length_ratio;
        backward.length_variance = forward.length_variance / forward.length_ratio.powi(3);
        let a = Document::new(&ar, Lang::Arabic, Segmentation::Lines);
        let b = Document::new(&en, Lang::English, Segmentation::Lines);
        let there = Aligner::builder().config(forward).build().unwrap().align_documents(&a, &b);
        let back = Aligner::builder().config(backward).build().unwrap().align_documents(&b, &a);
        prop_assert_eq!(pairs(&there, false), pairs(&back, true));
        let total = |x: &Alignment| x.beads.iter().map(|b| b.cost).sum::<f64>();
        prop_assert!((total(&there) - total(&back)).abs() <= 1e-6 * (1.0 + total(&there).abs()));
    }

    /// Alignment does not depend on how many threads do the work: `align_batch` in a pool of one
    /// thread and in a pool of two gives what `align` gives, pair by pair, in input order.
    #[test]
    fn same_output_across_thread_counts(docs in prop::collection::vec((document(), document()), 1..6)) {
        let aligner = Aligner::new();
        let sequential: Vec<Alignment> = docs.iter().map(|(ar, en)| aligner.align(ar, en).unwrap()).collect();
        for threads in [1, 2] {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
            let batch = pool.install(|| aligner.align_batch(&docs));
            let batch: Vec<Alignment> = batch.into_iter().map(Result::unwrap).collect();
            prop_assert_eq!(&batch, &sequential);
        }
    }
}
