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
        let chars = |t: &str| text_chars(t) as f64;
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

/// How many characters of `text` are not whitespace (`char::is_whitespace`), in one pass over the
/// bytes that the compiler vectorizes: the bytes that start a character, less the ASCII whitespace
/// bytes; the rare non-ASCII whitespace (U+0085, U+00A0, U+1680, U+2000 to U+3000) is then looked for
/// only in a text with a byte that can start it.
fn text_chars(text: &str) -> usize {
    let bytes = text.as_bytes();
    let (mut count, mut may_have_other_spaces) = (0usize, false);
    // Chunks short enough for byte counters.
    for chunk in bytes.chunks(128) {
        let (mut starts, mut spaces, mut other) = (0u8, 0u8, false);
        for &b in chunk {
            starts += u8::from(!(0x80..=0xBF).contains(&b));
            spaces += u8::from(matches!(b, b'\t'..=b'\r' | b' '));
            other |= matches!(b, 0xC2 | 0xE1..=0xE3);
        }
        count += usize::from(starts - spaces);
        may_have_other_spaces |= other;
    }
    if may_have_other_spaces {
        count -= text.chars().filter(|&c| !c.is_ascii() && c.is_whitespace()).count();
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_chars_leave_out_exactly_the_whitespace() {
        let samples = [
            "",
            " ",
            "a b",
            "قال  الوزير\t.",
            "x\u{85}y\u{A0}z\u{1680}\u{2000}\u{200A}\u{2028}\u{2029}\u{202F}\u{205F}\u{3000}",
            "\u{200B}\u{2060}\u{FEFF}é€😀\u{0B}\u{0C}\r\n",
            "\u{1C}\u{1D}\u{1E}\u{1F}",
        ];
        for text in samples {
            assert_eq!(text_chars(text), text.chars().filter(|c| !c.is_whitespace()).count(), "{text:?}");
        }
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(text_chars(&c.to_string()), usize::from(!c.is_whitespace()), "U+{:04X}", c as u32);
        }
    }
}
