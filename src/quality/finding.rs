//! Findings: what a reviewer should look at in a pair, typed after the MQM accuracy categories.

use serde::{Deserialize, Serialize};

use crate::document::Span;
use crate::error::Side;

/// The MQM accuracy category of a [`Finding`]. Serialized as `omission`, `addition`,
/// `mistranslation/number`, `mistranslation/name`, `mistranslation/polarity`, `untranslated`,
/// `truncation` and `misalignment`.
///
/// ```
/// use qalign::FindingKind;
/// assert_eq!(serde_json::to_string(&FindingKind::Number).unwrap(), r#""mistranslation/number""#);
/// assert_eq!(FindingKind::Number.as_str(), "mistranslation/number");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub enum FindingKind {
    /// Source content with no counterpart in the target.
    #[serde(rename = "omission")]
    Omission,
    /// Target content with no counterpart in the source.
    #[serde(rename = "addition")]
    Addition,
    /// A number missing, added or changed.
    #[serde(rename = "mistranslation/number")]
    Number,
    /// A proper name missing, added or replaced.
    #[serde(rename = "mistranslation/name")]
    Name,
    /// One side negated and the other not (`لم يذهب` rendered as "he went").
    #[serde(rename = "mistranslation/polarity")]
    Polarity,
    /// Source text left in the target, or a target that is not readable text (mojibake).
    #[serde(rename = "untranslated")]
    Untranslated,
    /// A target that stops mid-sentence or renders only the first part of the source.
    #[serde(rename = "truncation")]
    Truncation,
    /// The two sides do not look like translations of each other at all.
    #[serde(rename = "misalignment")]
    Misalignment,
}

impl FindingKind {
    /// Every kind, in the order of their names.
    pub const ALL: [FindingKind; 8] = [
        FindingKind::Omission,
        FindingKind::Addition,
        FindingKind::Number,
        FindingKind::Name,
        FindingKind::Polarity,
        FindingKind::Untranslated,
        FindingKind::Truncation,
        FindingKind::Misalignment,
    ];

    /// The kind's name as serialized.
    pub fn as_str(self) -> &'static str {
        match self {
            FindingKind::Omission => "omission",
            FindingKind::Addition => "addition",
            FindingKind::Number => "mistranslation/number",
            FindingKind::Name => "mistranslation/name",
            FindingKind::Polarity => "mistranslation/polarity",
            FindingKind::Untranslated => "untranslated",
            FindingKind::Truncation => "truncation",
            FindingKind::Misalignment => "misalignment",
        }
    }
}

impl std::fmt::Display for FindingKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How much a finding matters, after MQM's severity levels. Serialized in lower case.
///
/// ```
/// use qalign::Severity;
/// assert!(Severity::Critical > Severity::Minor);
/// assert_eq!(serde_json::to_string(&Severity::Major).unwrap(), r#""major""#);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Severity {
    /// Worth a look; the meaning probably survives.
    Minor,
    /// The meaning of part of the sentence is lost or changed.
    Major,
    /// The target does not render the source at all.
    Critical,
}

impl Severity {
    /// The severity's name as serialized.
    ///
    /// ```
    /// assert_eq!(qalign::Severity::Critical.as_str(), "critical");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Minor => "minor",
            Severity::Major => "major",
            Severity::Critical => "critical",
        }
    }
}

/// One problem found in a pair, with its evidence.
///
/// ```
/// use qalign::{FindingKind, score_pair};
///
/// let q = score_pair("ارتفعت الأسعار بنسبة 60% في 2014.", "Prices rose by 16% in 2014.");
/// let f = q.findings.iter().find(|f| f.kind == FindingKind::Number).unwrap();
/// assert_eq!(f.evidence, "16%");
/// assert!(f.message.contains("60%"));
/// let json = serde_json::to_string(f).unwrap();
/// assert_eq!(serde_json::from_str::<qalign::Finding>(&json).unwrap(), *f);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// The category.
    pub kind: FindingKind,
    /// How much it matters.
    pub severity: Severity,
    /// The side the evidence is on.
    pub side: Side,
    /// The evidence's bytes in that side's input text.
    pub span: Span,
    /// The evidence: the value, word or text at `span`.
    pub evidence: String,
    /// A short message for a reviewer.
    pub message: String,
}

impl Finding {
    /// A finding whose evidence is the text at `span` of `text`.
    pub(crate) fn at(
        kind: FindingKind,
        severity: Severity,
        side: Side,
        text: &str,
        span: Span,
        message: String,
    ) -> Finding {
        let evidence = text.get(span.start..span.end).unwrap_or("").to_owned();
        Finding { kind, severity, side, span, evidence, message }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_serialize_as_their_names() {
        for kind in FindingKind::ALL {
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.as_str()));
            assert_eq!(serde_json::from_str::<FindingKind>(&json).unwrap(), kind);
        }
    }

    #[test]
    fn finding_round_trips() {
        let f = Finding::at(
            FindingKind::Name,
            Severity::Minor,
            Side::Target,
            "He met Putin.",
            Span { start: 7, end: 12 },
            "no counterpart".into(),
        );
        assert_eq!(f.evidence, "Putin");
        let json = serde_json::to_string(&f).unwrap();
        assert!(json.contains(r#""kind":"mistranslation/name""#), "{json}");
        assert_eq!(serde_json::from_str::<Finding>(&json).unwrap(), f);
    }
}
