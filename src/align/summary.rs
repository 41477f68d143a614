//! The document summary: what a QA lead reads first.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::Bead;
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
#[non_exhaustive]
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
        let mut tally = Tally::default();
        beads.iter().for_each(|b| tally.add(b));
        tally.summary()
    }
}

/// A [`Summary`] being counted, one bead at a time, in document order: the beads need not all be
/// held at once.
#[derive(Clone, Debug)]
pub(crate) struct Tally {
    weighted: f64,
    total: f64,
    good: f64,
    arabic: f64,
    findings: BTreeMap<FindingKind, usize>,
}

impl Default for Tally {
    fn default() -> Tally {
        let findings = FindingKind::ALL.iter().map(|&k| (k, 0)).collect();
        Tally { weighted: 0.0, total: 0.0, good: 0.0, arabic: 0.0, findings }
    }
}

impl Tally {
    /// Counts the next bead.
    pub(crate) fn add(&mut self, b: &Bead) {
        let chars = |t: &str| visible_chars(t) as f64;
        let (a, e) = (chars(&b.src_text), chars(&b.tgt_text));
        self.weighted += b.score * (a + e);
        self.total += a + e;
        self.arabic += a;
        if b.score >= GOOD_SCORE {
            self.good += a;
        }
        for f in &b.findings {
            *self.findings.entry(f.kind).or_default() += 1;
        }
    }

    /// The summary of the beads counted.
    pub(crate) fn summary(self) -> Summary {
        let ratio = |x: f64, y: f64| if y > 0.0 { x / y } else { 0.0 };
        Summary {
            score: ratio(self.weighted, self.total),
            coverage: ratio(self.good, self.arabic),
            findings: self.findings,
        }
    }
}

/// Characters of `text` that are not white space (`char::is_whitespace`), counted over bytes: every
/// byte that starts a character, less the white space. Only characters whose lead byte is that of
/// non-ASCII white space (U+0085, U+00A0, U+1680, U+2000–U+205F, U+3000) are decoded.
fn visible_chars(text: &str) -> usize {
    let bytes = text.as_bytes();
    // Counted in blocks of at most 255 bytes into `u8`s, which the compiler vectorizes.
    let (mut starts, mut ascii_space, mut other_space) = (0, 0, 0);
    for (k, block) in bytes.chunks(255).enumerate() {
        let (s, w, lead) = block.iter().fold((0u8, 0u8, 0u8), |(s, w, lead), &b| {
            // Continuation bytes are 0x80..0xC0: as `i8`, below −0x40.
            let start = u8::from((b as i8) >= -0x40);
            let space = u8::from(b == b' ' || (b'\t'..=b'\r').contains(&b));
            let white_lead = u8::from(matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xE3));
            (s + start, w + space, lead + white_lead)
        });
        starts += usize::from(s);
        ascii_space += usize::from(w);
        if lead > 0 {
            let at = k * 255;
            for (offset, _) in
                block.iter().enumerate().filter(|(_, b)| matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xE3))
            {
                // A lead byte starts a character, so it is a character boundary.
                let c = text.get(at + offset..).and_then(|rest| rest.chars().next());
                other_space += usize::from(c.is_some_and(char::is_whitespace));
            }
        }
    }
    starts - ascii_space - other_space
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visible_chars_leave_out_exactly_the_whitespace() {
        let samples = [
            "",
            " ",
            "a b",
            "قال  الوزير\t.",
            "x\u{85}y\u{A0}z\u{1680}\u{2000}\u{200A}\u{2028}\u{2029}\u{202F}\u{205F}\u{3000}",
            "\u{200B}\u{2060}\u{FEFF}é€😀\u{0B}\u{0C}\r\n",
            "\u{1C}\u{1D}\u{1E}\u{1F}",
            "“quoted” — 2016",
        ];
        // A three-byte space across the boundary of the 255-byte counting blocks.
        let across = format!("{}\u{3000}x", "a".repeat(254));
        for text in samples.into_iter().chain([across.as_str()]) {
            assert_eq!(visible_chars(text), text.chars().filter(|c| !c.is_whitespace()).count(), "{text:?}");
        }
        let mut buffer = [0; 4];
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let text = c.encode_utf8(&mut buffer);
            assert_eq!(visible_chars(text), usize::from(!c.is_whitespace()), "U+{:04X}", c as u32);
        }
    }
}
