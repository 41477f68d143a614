//! The document summary: what a QA lead reads first.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::align::Bead;
use crate::quality::finding::FindingKind;

/// The score from which a pair counts as good in [`Summary::coverage`]: more likely correct than not.
pub const GOOD_SCORE: f64 = 0.5;

/// A document's quality at a glance.
///
/// ```
/// use qalign::{Aligner, FindingKind};
///
/// let ar = "قال الوزير إن الأسعار ارتفعت 60% في 2014. وزار بغداد يوم الخميس.";
/// let en = "The minister said prices rose 60% in 2014. He visited Baghdad on Thursday. Posted today.";
/// let alignment = Aligner::new().align(ar, en)?;
/// let summary = &alignment.summary;
/// assert!(summary.score > 0.0 && summary.coverage > 0.5);
/// assert_eq!(summary.findings[&FindingKind::Addition], 1);
/// let json = serde_json::to_string(summary).unwrap();
/// assert!(json.contains(r#""mistranslation/number":0"#));
/// assert_eq!(&serde_json::from_str::<qalign::Summary>(&json).unwrap(), summary);
/// # Ok::<(), qalign::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// The beads' scores averaged with their characters (both sides) as weights; unpaired sentences
    /// count with score 0. 0 for two empty documents.
    pub score: f64,
    /// Share of the Arabic characters that lie in beads scoring at least [`GOOD_SCORE`].
    pub coverage: f64,
    /// How many findings of each kind the beads carry; every kind is listed.
    pub findings: BTreeMap<FindingKind, usize>,
}

impl Summary {
    /// Summarizes scored beads.
    pub fn of(beads: &[Bead]) -> Summary {
        let chars = |t: &str| t.chars().filter(|c| !c.is_whitespace()).count() as f64;
        let (mut weighted, mut total, mut good, mut arabic) = (0.0, 0.0, 0.0, 0.0);
        let mut findings: BTreeMap<FindingKind, usize> = FindingKind::ALL.iter().map(|&k| (k, 0)).collect();
        for b in beads {
            let (a, e) = (chars(&b.src_text), chars(&b.tgt_text));
            weighted += b.score * (a + e);
            total += a + e;
            arabic += a;
            if b.score >= GOOD_SCORE {
                good += a;
            }
            for f in &b.findings {
                *findings.entry(f.kind).or_default() += 1;
            }
        }
        let ratio = |x: f64, y: f64| if y > 0.0 { x / y } else { 0.0 };
        Summary { score: ratio(weighted, total), coverage: ratio(good, arabic), findings }
    }
}
