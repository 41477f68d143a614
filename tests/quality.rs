//! The quality score: the seed pair's checks from the issue, floors on the dev set's labelled pairs
//! (`ntrex-dev/qe.tsv` of the evaluation data; NTREX, CC BY-SA 4.0, see its README), and invariants
//! on any input.
//! `cargo run --release --example evaluate_quality` prints the full figures.

use std::collections::BTreeMap;
use std::path::Path;

use proptest::prelude::*;
use qalign::{Aligner, Alignment, Bead, FindingKind, Quality, Scorer, error::Side, score_pair};

mod common;
use common::data;

fn read(path: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn seed() -> Alignment {
    let ar = read("examples/data/003_02c1adf0d7f5733e.txt");
    let en = read("examples/data/000_47fec3c5d65e0f7a.txt");
    Aligner::new().align(&ar, &en).expect("alignment")
}

fn bead_with<'a>(alignment: &'a Alignment, english: &str) -> &'a Bead {
    let found: Vec<&Bead> = alignment.beads.iter().filter(|b| b.tgt_text.contains(english)).collect();
    assert_eq!(found.len(), 1, "{english}");
    found[0]
}

fn kinds(bead: &Bead) -> Vec<FindingKind> {
    bead.findings.iter().map(|f| f.kind).collect()
}

#[test]
fn seed_dateline_is_an_addition() {
    let alignment = seed();
    let bead = bead_with(&alignment, "Posted 12 February");
    assert_eq!(bead.score, 0.0);
    assert_eq!(kinds(bead), [FindingKind::Addition]);
    assert_eq!(bead.findings[0].side, Side::Target);
    assert_eq!(bead.findings[0].evidence, bead.tgt_text);
}

#[test]
fn dropped_page_furniture_is_a_minor_omission_and_a_dropped_sentence_a_major_one() {
    use qalign::quality::Severity;
    let ar = "وقال المسؤول في بغداد إن هناك سبلا لمعالجة الأزمة.\nتابعونا على تويتر\n\
              وأعلنت الحكومة عن خطة جديدة لدعم المزارعين المتضررين من الجفاف.\n\
              وانتهى الاجتماع مساء الخميس في الموصل.";
    let en = "The official in Baghdad said there are ways to tackle the crisis.\n\
              The meeting ended on Thursday evening in Mosul.";
    let alignment = Aligner::new().align_lines(ar, en).unwrap();
    let omissions: Vec<(usize, Severity)> = alignment
        .beads
        .iter()
        .filter(|b| b.tgt.is_empty())
        .flat_map(|b| b.findings.iter().map(move |f| (b.src[0], f.severity)))
        .collect();
    assert_eq!(omissions, [(1, Severity::Minor), (2, Severity::Major)], "{alignment:#?}");
}

#[test]
fn seed_double_rendered_as_actors_is_a_number_finding() {
    let alignment = seed();
    let bead = bead_with(&alignment, "more than actors");
    let number: Vec<_> = bead.findings.iter().filter(|f| f.kind == FindingKind::Number).collect();
    assert_eq!(number.len(), 1, "{:?}", bead.findings);
    assert_eq!((number[0].side, number[0].evidence.as_str()), (Side::Source, "المثلين"));
    // The same bead's 60% matches: no finding names it.
    assert!(bead.findings.iter().all(|f| !f.evidence.contains("60")));
}

#[test]
fn seed_matching_numbers_raise_no_finding() {
    let alignment = seed();
    for english in ["$ 2 billion", "one-third", "100 officials", "in 2014", "60%"] {
        let bead = bead_with(&alignment, english);
        let numbers: Vec<_> = bead
            .findings
            .iter()
            .filter(|f| f.kind == FindingKind::Number && f.evidence != "المثلين")
            .collect();
        assert!(numbers.is_empty(), "{english}: {numbers:?}");
    }
}

#[test]
fn seed_garbled_english_scores_below_clean_english() {
    let alignment = seed();
    let garbled = bead_with(&alignment, "we time daash coordinate");
    let clean = bead_with(&alignment, "TASS said that trade volume");
    assert!(garbled.score < clean.score, "{} vs {}", garbled.score, clean.score);
}

#[test]
fn seed_summary_counts_the_beads_findings() {
    let alignment = seed();
    let s = &alignment.summary;
    let mut counts: BTreeMap<FindingKind, usize> = FindingKind::ALL.iter().map(|&k| (k, 0)).collect();
    for f in alignment.beads.iter().flat_map(|b| &b.findings) {
        *counts.entry(f.kind).or_default() += 1;
    }
    assert_eq!(s.findings, counts);
    assert!(s.coverage > 0.8 && s.coverage <= 1.0, "{s:?}");
    assert!(s.score > 0.5 && s.score < 1.0, "{s:?}");
}

#[test]
fn beads_and_alignment_round_trip_through_json() {
    let alignment = seed();
    let json = serde_json::to_string(&alignment).unwrap();
    let back: Alignment = serde_json::from_str(&json).unwrap();
    assert_eq!(back, alignment);
    let bead = serde_json::to_value(&alignment.beads[0]).unwrap();
    for key in ["score", "findings", "components", "cost"] {
        assert!(bead.get(key).is_some(), "{key} missing: {bead}");
    }
    assert!(bead["components"]["alignment"].as_f64().is_some());
}

#[test]
fn finding_spans_point_at_their_evidence() {
    let ar = read("examples/data/003_02c1adf0d7f5733e.txt");
    let en = read("examples/data/000_47fec3c5d65e0f7a.txt");
    let alignment = Aligner::new().align(&ar, &en).unwrap();
    for f in alignment.beads.iter().flat_map(|b| &b.findings) {
        let text = if f.side == Side::Source { &ar } else { &en };
        assert_eq!(&text[f.span.start..f.span.end], f.evidence, "{f:?}");
    }
}

/// `(label, type, ar, en)` rows of the dev set's `qe.tsv`, or `None` (after saying so) without the
/// evaluation data.
fn qe_rows() -> Option<Vec<(bool, String, String, String)>> {
    qe_rows_of("ntrex-dev")
}

/// `(label, type, ar, en)` rows of a data set's `qe.tsv`, or `None` (after saying so) without it.
fn qe_rows_of(set: &str) -> Option<Vec<(bool, String, String, String)>> {
    let path = data::dataset(set)?.join("qe.tsv");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let rows = text
        .lines()
        .map(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            (f[0] == "1", f[1].to_owned(), f[2].to_owned(), f[3].to_owned())
        })
        .collect();
    Some(rows)
}

fn auc(pos: &[f64], neg: &[f64]) -> f64 {
    let wins: f64 = pos
        .iter()
        .flat_map(|p| {
            neg.iter().map(move |n| {
                if p > n {
                    1.0
                } else if p == n {
                    0.5
                } else {
                    0.0
                }
            })
        })
        .sum();
    wins / (pos.len() * neg.len()) as f64
}

/// The shipped score of every row of `rows`, and those of its good pairs.
fn scores_of(rows: &[(bool, String, String, String)]) -> (Vec<f64>, Vec<f64>) {
    let pairs: Vec<(&str, &str)> = rows.iter().map(|r| (r.2.as_str(), r.3.as_str())).collect();
    let scores: Vec<f64> = Scorer::new().score_batch(&pairs).iter().map(|q| q.score).collect();
    let good: Vec<f64> = rows.iter().zip(&scores).filter(|(r, _)| r.0).map(|(_, &s)| s).collect();
    (scores, good)
}

/// Asserts that the AUC of `good` against each corruption type of `rows` is at least its floor
/// (each type having `per_kind` pairs when given); the message lists every type measured so far.
fn assert_auc_floors(
    rows: &[(bool, String, String, String)],
    scores: &[f64],
    good: &[f64],
    floors: &[(&str, f64)],
    per_kind: Option<usize>,
) {
    let mut report = Vec::new();
    for &(kind, floor) in floors {
        let bad: Vec<f64> = rows.iter().zip(scores).filter(|(r, _)| r.1 == kind).map(|(_, &s)| s).collect();
        if let Some(n) = per_kind {
            assert_eq!(bad.len(), n, "{kind}");
        }
        let a = auc(good, &bad);
        report.push(format!("{kind} {a:.4} (floor {floor})"));
        assert!(a >= floor, "{}", report.join("\n"));
    }
}

#[test]
fn dev_set_auc_stays_above_the_floors() {
    let Some(rows) = qe_rows() else { return };
    assert_eq!(rows.len(), 1100);
    let (scores, good) = scores_of(&rows);
    // Floors a little under the held-out (5-fold cross-validated) figures of docs/quality.md, which
    // are themselves under the in-sample figures measured here; the targets are 0.98
    // (random, untranslated, number), 0.95 (neighbor, truncated, omission, addition) and 0.90
    // (entity).
    let floors = [
        ("random", 0.98),
        ("untranslated", 0.985),
        ("number", 0.978),
        ("neighbor", 0.98),
        ("truncated", 0.96),
        ("omission", 0.96),
        ("addition", 0.96),
        ("entity", 0.90),
    ];
    assert_auc_floors(&rows, &scores, &good, &floors, Some(100));
}

#[test]
fn tatoeba_val_auc_and_false_alarms_stay_above_the_floors() {
    let Some(rows) = qe_rows_of("tatoeba-val") else { return };
    let (scores, good) = scores_of(&rows);
    assert_eq!(good.len(), 1000);
    // Short everyday sentences, another genre than the dev set, on which no weight is fitted: floors
    // a little under the figures of the README's quality table (default configuration).
    let floors = [
        ("random", 0.975),
        ("untranslated", 0.99),
        ("number", 0.98),
        ("neighbor", 0.938),
        ("truncated", 0.955),
        ("omission", 0.95),
        ("addition", 0.975),
        ("entity", 0.935),
    ];
    assert_auc_floors(&rows, &scores, &good, &floors, None);
    // The false-alarm bound: at most 3 % of good pairs below 0.5.
    let below = good.iter().filter(|&&s| s < 0.5).count();
    assert!(below <= 30, "{below} of 1000 good pairs below 0.5");
}

#[test]
fn unpaired_sides_score_zero_with_their_finding() {
    let q = score_pair("قال الوزير.", "");
    assert_eq!(q.score, 0.0);
    assert_eq!(q.findings.iter().map(|f| f.kind).collect::<Vec<_>>(), [FindingKind::Omission]);
    let q = score_pair("", "The minister said.");
    assert_eq!(q.findings.iter().map(|f| f.kind).collect::<Vec<_>>(), [FindingKind::Addition]);
    assert!(score_pair("", "").findings.is_empty());
}

#[test]
fn script_problems_are_untranslated() {
    let ar = "قال الوزير إن الحكومة ستدعم الشركات الصغيرة.";
    for en in [
        ar,
        "The minister said الحكومة ستدعم الشركات الصغيرة.",
        "The ministerâ€™s government will support small firms.",
    ] {
        let q = score_pair(ar, en);
        assert!(q.findings.iter().any(|f| f.kind == FindingKind::Untranslated), "{en}: {q:?}");
        assert!(q.score < 0.5, "{en}: {}", q.score);
    }
}

#[test]
fn truncated_english_is_a_truncation() {
    let ar = "قال الوزير إن الحكومة ستدعم الشركات الصغيرة في المدن والقرى خلال العام المقبل.";
    let q = score_pair(ar, "The minister said the government will support");
    assert!(q.findings.iter().any(|f| f.kind == FindingKind::Truncation), "{q:?}");
    let full = score_pair(
        ar,
        "The minister said the government will support small companies in cities and villages next year.",
    );
    assert!(full.score > q.score);
}

#[test]
fn read_pairs_names_the_malformed_line() {
    assert_eq!(qalign::bilingual::read_pairs("").unwrap(), Vec::<(&str, &str)>::new());
    // A second tab is an error, not part of the English.
    let err = qalign::bilingual::read_pairs("a\tb\tc").unwrap_err();
    assert!(matches!(err, qalign::Error::MalformedLine { line: 1, .. }), "{err}");
    let err = qalign::bilingual::read_pairs("a\tb\n\nc\td\n").unwrap_err();
    assert!(matches!(err, qalign::Error::MalformedLine { line: 2, .. }), "{err}");
}

#[test]
fn truncation_span_after_a_wide_space() {
    // Regression: a no-break space (two bytes) before the last word.
    let q = score_pair("قال الوزير إن الحرب انتهت في المدينة.", "ጒ\u{a0}𖠀");
    for f in &q.findings {
        let text = if f.side == Side::Source {
            "قال الوزير إن الحرب انتهت في المدينة."
        } else {
            "ጒ\u{a0}𖠀"
        };
        assert_eq!(text.get(f.span.start..f.span.end), Some(f.evidence.as_str()), "{f:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Any text gives a score in [0, 1], findings whose spans point at their evidence, and a JSON
    /// form that reads back equal.
    #[test]
    fn any_pair_scores_without_panicking(ar in "\\PC{0,80}", en in "\\PC{0,80}") {
        let q: Quality = score_pair(&ar, &en);
        prop_assert!((0.0..=1.0).contains(&q.score));
        for f in &q.findings {
            let text = if f.side == Side::Source { &ar } else { &en };
            prop_assert_eq!(text.get(f.span.start..f.span.end), Some(f.evidence.as_str()));
        }
        let back: Quality = serde_json::from_str(&serde_json::to_string(&q).unwrap()).unwrap();
        prop_assert_eq!(back, q);
    }

    /// Pieces that raise findings (numbers, names, Arabic runs, mojibake, odd spaces, open ends)
    /// give findings whose spans point at their evidence.
    #[test]
    fn findings_on_mixed_pieces_point_at_their_evidence(
        ar in prop::collection::vec(prop_oneof![
            Just("قال الوزير إن 60% من السكان"), Just("ملياري دولار"), Just("روجوزين"), Just("."),
            Just("\u{a0}"), Just("لأكثر من المثلين"), Just("؟"), Just(" "), Just("٢٠١٤"),
        ], 0..12).prop_map(|v| v.concat()),
        en in prop::collection::vec(prop_oneof![
            Just("The minister said 16%"), Just("$ 2 billion"), Just("Rogozin"), Just("Putin"),
            Just("\u{a0}"), Just("قال"), Just("cafÃ©"), Just("â€™"), Just(" "), Just("."), Just("2015"),
        ], 0..12).prop_map(|v| v.concat()),
    ) {
        let q = score_pair(&ar, &en);
        prop_assert!((0.0..=1.0).contains(&q.score));
        for f in &q.findings {
            let text = if f.side == Side::Source { &ar } else { &en };
            prop_assert_eq!(text.get(f.span.start..f.span.end), Some(f.evidence.as_str()));
        }
    }
}

#[test]
fn seed_islamic_state_rendered_as_state_has_a_word_level_finding() {
    let ar = read("examples/data/003_02c1adf0d7f5733e.txt");
    let alignment = seed();
    let on_islamic = |bead: &Bead| {
        bead.findings.iter().any(|f| {
            f.side == Side::Source && f.evidence == "الإسلامية" && &ar[f.span.start..f.span.end] == "الإسلامية"
        })
    };
    let mut state_only = 0;
    for bead in alignment.pairs().filter(|b| b.src_text.contains("الدولة الإسلامية")) {
        if bead.tgt_text.contains("Islamic State") {
            assert!(!on_islamic(bead), "{bead:?}");
        } else {
            assert!(bead.tgt_text.contains("State"), "{bead:?}");
            assert!(on_islamic(bead), "{bead:?}");
            state_only += 1;
        }
    }
    assert_eq!(state_only, 4);
}
