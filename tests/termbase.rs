//! Termbases on the seed pair: an Arabic news article (`003`) and its English machine translation
//! (`000`), which renders `الدولة الإسلامية` (Islamic State) as "Islamic State" once and otherwise
//! four times.

use std::path::Path;

use qalign::{Aligner, Alignment, FindingKind, error::Side, quality::Severity, termbase::Termbase};

fn read(path: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn seed(termbase: Termbase) -> Alignment {
    let ar = read("examples/data/003_02c1adf0d7f5733e.txt");
    let en = read("examples/data/000_47fec3c5d65e0f7a.txt");
    Aligner::builder().termbase(termbase).build().unwrap().align(&ar, &en).unwrap()
}

/// The beads holding the Arabic term, split by whether their English keeps "Islamic State", and
/// whether each has a terminology finding on the Arabic side.
fn term_beads(alignment: &Alignment) -> Vec<(bool, bool)> {
    alignment
        .beads
        .iter()
        .filter(|b| b.src_text.contains("الدولة الإسلامية"))
        .map(|b| {
            let flagged = b.findings.iter().any(|f| {
                f.kind == FindingKind::Terminology && f.side == Side::Source && f.evidence == "الدولة الإسلامية"
            });
            (b.tgt_text.contains("Islamic State"), flagged)
        })
        .collect()
}

#[test]
fn seed_pair_term_rendered_otherwise_is_flagged_on_four_beads() {
    let termbase = Termbase::from_tsv("الدولة الإسلامية\tIslamic State\n").unwrap();
    let alignment = seed(termbase);
    let beads = term_beads(&alignment);
    assert_eq!(beads.len(), 5, "{beads:?}");
    // Flagged exactly where the English does not keep the term.
    assert!(beads.iter().all(|&(kept, flagged)| kept != flagged), "{beads:?}");
    assert_eq!(beads.iter().filter(|(_, flagged)| *flagged).count(), 4);
    let terminology: Vec<_> = alignment
        .beads
        .iter()
        .flat_map(|b| &b.findings)
        .filter(|f| f.kind == FindingKind::Terminology)
        .collect();
    assert_eq!(terminology.len(), 4);
    for f in terminology {
        assert_eq!(f.severity, Severity::Minor);
        assert!(f.other_span.is_some_and(|s| !s.is_empty()), "{f:?}");
    }
}

#[test]
fn termbase_changes_findings_not_scores() {
    let with = seed(Termbase::from_tsv("الدولة الإسلامية\tIslamic State\n").unwrap());
    let without = seed(Termbase::new());
    let scores = |a: &Alignment| a.beads.iter().map(|b| b.score).collect::<Vec<_>>();
    assert_eq!(scores(&with), scores(&without));
}

#[test]
fn hand_written_tbx_flags_missing_and_deprecated_renderings() {
    let termbase =
        Termbase::from_file(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/seed-terms.tbx")).unwrap();
    assert_eq!(termbase.len(), 3);
    assert_eq!(termbase.terms()[0].forbidden, ["State organization"]);
    assert_eq!(termbase.terms()[2].english, ["memorandum of understanding", "MoU"]);
    let alignment = seed(termbase);
    let beads = term_beads(&alignment);
    assert_eq!(beads.iter().filter(|(_, flagged)| *flagged).count(), 4, "{beads:?}");
    // The English "the State organization" uses the deprecated rendering: a major finding on the
    // English side, pointing back at the Arabic term.
    let forbidden: Vec<_> = alignment
        .beads
        .iter()
        .flat_map(|b| &b.findings)
        .filter(|f| f.kind == FindingKind::Terminology && f.side == Side::Target)
        .collect();
    assert_eq!(forbidden.len(), 1, "{forbidden:?}");
    assert_eq!(
        (forbidden[0].evidence.as_str(), forbidden[0].severity),
        ("State organization", Severity::Major)
    );
    // "Deputy Prime Minister" and "memorandum of understanding" are kept: no finding names them.
    assert!(
        alignment
            .beads
            .iter()
            .flat_map(|b| &b.findings)
            .all(|f| !f.message.contains("نائب رئيس الوزراء") && !f.message.contains("مذكرة تفاهم"))
    );
}
