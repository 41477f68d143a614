//! Findings: what a reviewer should look at in a pair, typed after the MQM categories (accuracy,
//! terminology, fluency and locale conventions).

use serde::{Deserialize, Serialize};

use crate::document::Span;
use crate::error::Side;

/// The MQM category of a [`Finding`]. Serialized as `omission`, `addition`,
/// `mistranslation/number`, `mistranslation/name`, `mistranslation/polarity`, `untranslated`,
/// `truncation`, `misalignment` (accuracy), `terminology`, `consistency`, and the form checks
/// `form/brackets`, `form/repeated-word`, `form/code`, `form/tag`, `form/punctuation` and
/// `form/spacing` (fluency and locale conventions; see `docs/quality.md`).
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
    /// A termbase term not rendered as the termbase requires, or rendered by a forbidden term.
    #[serde(rename = "terminology")]
    Terminology,
    /// The same Arabic translated differently elsewhere, or the same English given for different
    /// Arabic.
    #[serde(rename = "consistency")]
    Consistency,
    /// A bracket or quotation mark without its pair.
    #[serde(rename = "form/brackets")]
    Brackets,
    /// A word written twice in a row (`the the`).
    #[serde(rename = "form/repeated-word")]
    RepeatedWord,
    /// A URL, e-mail address or alphanumeric code (`802.11n`, `COVID-19`) on one side only.
    #[serde(rename = "form/code")]
    Code,
    /// Markup tags that differ between the sides.
    #[serde(rename = "form/tag")]
    Tag,
    /// A target that does not end with the source's final punctuation type (`?`, `!`, `:`).
    #[serde(rename = "form/punctuation")]
    Punctuation,
    /// A double space, or a space before punctuation, in the target.
    #[serde(rename = "form/spacing")]
    Spacing,
}

impl FindingKind {
    /// Every kind, in the order of their names.
    pub const ALL: [FindingKind; 16] = [
        FindingKind::Omission,
        FindingKind::Addition,
        FindingKind::Number,
        FindingKind::Name,
        FindingKind::Polarity,
        FindingKind::Untranslated,
        FindingKind::Truncation,
        FindingKind::Misalignment,
        FindingKind::Terminology,
        FindingKind::Consistency,
        FindingKind::Brackets,
        FindingKind::RepeatedWord,
        FindingKind::Code,
        FindingKind::Tag,
        FindingKind::Punctuation,
        FindingKind::Spacing,
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
            FindingKind::Terminology => "terminology",
            FindingKind::Consistency => "consistency",
            FindingKind::Brackets => "form/brackets",
            FindingKind::RepeatedWord => "form/repeated-word",
            FindingKind::Code => "form/code",
            FindingKind::Tag => "form/tag",
            FindingKind::Punctuation => "form/punctuation",
            FindingKind::Spacing => "form/spacing",
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
/// use qalign::quality::Severity;
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
    /// assert_eq!(qalign::quality::Severity::Critical.as_str(), "critical");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Minor => "minor",
            Severity::Major => "major",
            Severity::Critical => "critical",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
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
#[non_exhaustive]
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
    /// The counterpart's bytes in the other side's input, for a finding that points at both sides
    /// (a `terminology` finding: the Arabic term and the English that should render it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_span: Option<Span>,
    /// For a `consistency` finding: the indices of the other beads (or pairs) it conflicts with.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub others: Vec<usize>,
}

/// Most characters of the evidence [`Finding`]'s `Display` quotes; longer evidence is cut with `…`.
const DISPLAY_EVIDENCE_CHARS: usize = 40;

impl std::fmt::Display for Finding {
    /// `severity kind: message` and, when the message does not already hold it, the evidence in
    /// guillemets, cut at 40 characters: `major mistranslation/number: ... «16%»`.
    ///
    /// ```
    /// let q = qalign::score_pair("ارتفعت الأسعار بنسبة 60% في 2014.", "Prices rose by 16% in 2014.");
    /// let f = q.findings.iter().find(|f| f.kind == qalign::FindingKind::Number).unwrap();
    /// assert!(f.to_string().starts_with("major mistranslation/number: "), "{f}");
    /// ```
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}: {}", self.severity, self.kind, self.message)?;
        let evidence = self.evidence.trim();
        if !evidence.is_empty() && !self.message.contains(evidence) {
            let mut chars = evidence.chars();
            let cut: String = chars.by_ref().take(DISPLAY_EVIDENCE_CHARS).collect();
            let more = if chars.next().is_some() { "…" } else { "" };
            write!(f, " «{cut}{more}»")?;
        }
        Ok(())
    }
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
        Finding { kind, severity, side, span, evidence, message, other_span: None, others: Vec::new() }
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
