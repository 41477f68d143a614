//! The seed pair: an Arabic news article (`003`) and its English machine translation (`000`).

use std::path::Path;

use qalign::{Aligner, Alignment, Bead, FindingKind, align::Scoring};

fn read(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn seed_alignment() -> (String, String, Alignment) {
    let ar = read("003_02c1adf0d7f5733e.txt");
    let en = read("000_47fec3c5d65e0f7a.txt");
    let alignment = Aligner::new().align(&ar, &en).expect("alignment");
    (ar, en, alignment)
}

/// The beads holding any text of Arabic paragraph `ar_par` (0-based line) must hold exactly the English
/// sentences of English paragraph `en_par` (0-based block), and nothing else.
fn paragraphs_pair(ar: &str, en: &str, alignment: &Alignment, ar_par: usize, en_par: usize) -> Vec<Bead> {
    let range = |text: &str, sep: &str, k: usize| {
        let mut start = 0;
        for (i, part) in text.split(sep).enumerate() {
            if i == k {
                return start..start + part.len();
            }
            start += part.len() + sep.len();
        }
        panic!("no paragraph {k}");
    };
    let ar_range = range(ar, "\n", ar_par);
    let en_range = range(en, "\n\n", en_par);
    let beads: Vec<Bead> = alignment
        .beads
        .iter()
        .filter(|b| {
            b.src_spans.iter().any(|s| ar_range.contains(&s.start))
                || b.tgt_spans.iter().any(|s| en_range.contains(&s.start))
        })
        .cloned()
        .collect();
    for b in &beads {
        assert!(!b.is_null(), "paragraph {ar_par}: unpaired bead {b:?}");
        assert!(
            b.src_spans.iter().all(|s| ar_range.contains(&s.start)),
            "bead leaves Arabic paragraph: {b:?}"
        );
        assert!(
            b.tgt_spans.iter().all(|s| en_range.contains(&s.start)),
            "bead leaves English paragraph: {b:?}"
        );
    }
    beads
}

#[test]
fn titles_pair() {
    let (_, _, alignment) = seed_alignment();
    let first = &alignment.beads[0];
    assert_eq!(first.src_text, "روسيا تعزز العلاقات مع العراق في تحد للنفوذ الأمريكي");
    assert_eq!(first.tgt_text, "Russia boosts ties with Iraq in defiance of American influence");
}

#[test]
fn dateline_has_no_arabic_counterpart() {
    let (_, _, alignment) = seed_alignment();
    let dateline: Vec<&Bead> =
        alignment.beads.iter().filter(|b| b.tgt_text.contains("Posted 12 February")).collect();
    assert_eq!(dateline.len(), 1);
    assert!(dateline[0].src.is_empty());
    assert_eq!(dateline[0].tgt_text, "Posted 12 February 2016-02:12 GMT");
}

#[test]
fn sixth_paragraph_pairs_with_two_english_sentences() {
    let (ar, en, alignment) = seed_alignment();
    // Arabic line 5 (0-based; line 0 is the title) and English block 6 (after title and dateline).
    let beads = paragraphs_pair(&ar, &en, &alignment, 5, 6);
    let english: usize = beads.iter().map(|b| b.tgt.len()).sum();
    assert_eq!(english, 2, "{beads:?}");
}

#[test]
fn eighth_and_eleventh_paragraphs_pair_one_to_one() {
    let (ar, en, alignment) = seed_alignment();
    for (ar_par, en_par) in [(7, 8), (10, 11)] {
        let beads = paragraphs_pair(&ar, &en, &alignment, ar_par, en_par);
        assert_eq!(beads.len(), 2, "paragraph {ar_par}: {beads:?}");
        assert!(beads.iter().all(|b| b.src.len() == 1 && b.tgt.len() == 1), "{beads:?}");
    }
}

#[test]
fn every_other_paragraph_pairs_one_to_one() {
    let (ar, en, alignment) = seed_alignment();
    for ar_par in [0, 1, 2, 3, 4, 6, 8, 9, 11] {
        let en_par = if ar_par == 0 { 0 } else { ar_par + 1 };
        let beads = paragraphs_pair(&ar, &en, &alignment, ar_par, en_par);
        assert_eq!(beads.len(), 1, "paragraph {ar_par}: {beads:?}");
        assert_eq!((beads[0].src.len(), beads[0].tgt.len()), (1, 1), "paragraph {ar_par}");
    }
}

#[test]
fn spans_point_at_the_printed_text() {
    let (ar, en, alignment) = seed_alignment();
    for b in &alignment.beads {
        let src: Vec<&str> = b.src_spans.iter().map(|s| &ar[s.start..s.end]).collect();
        let tgt: Vec<&str> = b.tgt_spans.iter().map(|s| &en[s.start..s.end]).collect();
        assert_eq!(src.join(" "), b.src_text);
        assert_eq!(tgt.join(" "), b.tgt_text);
    }
}

#[test]
fn confidence_scoring_gives_the_same_beads_scored_by_the_aligner() {
    let (ar, en, quality) = seed_alignment();
    let aligner = Aligner::builder().scoring(Scoring::Confidence).build().unwrap();
    let confidence = aligner.align(&ar, &en).unwrap();
    assert_eq!(confidence.beads.len(), quality.beads.len());
    for (c, q) in confidence.beads.iter().zip(&quality.beads) {
        assert_eq!(
            (&c.src, &c.tgt, &c.src_spans, &c.tgt_spans, c.cost),
            (&q.src, &q.tgt, &q.src_spans, &q.tgt_spans, q.cost)
        );
        assert_eq!(c.components.alignment, q.components.alignment);
        if c.is_null() {
            // Unpaired sentences keep their score of 0 and their omission or addition findings.
            assert_eq!((c.score, &c.findings), (q.score, &q.findings));
        } else {
            assert_eq!(Some(c.score), c.components.alignment);
            assert!(c.findings.iter().all(|f| f.kind == FindingKind::Misalignment));
        }
    }
}
