//! Terminology findings: an Arabic termbase term whose English lacks every allowed rendering, or
//! holds a forbidden one. Each finding carries both spans: the Arabic term, and the English that
//! should render it (the whole English side) or the forbidden rendering.

use std::ops::Range;

use crate::document::Span;
use crate::quality::finding::{Finding, FindingKind, Severity};
use crate::quality::signals::SideText;
use crate::termbase::{Termbase, english_words};

/// Adds the terminology findings of a pair to `findings`: at most one of each kind per term.
pub(crate) fn terminology(termbase: &Termbase, src: SideText, tgt: SideText, findings: &mut Vec<Finding>) {
    let mut english: Option<Vec<(Range<usize>, String)>> = None;
    let mut seen: Vec<usize> = Vec::new();
    for sentence in src.sentences {
        for found in termbase.find_arabic(sentence.normalized()) {
            if seen.contains(&found.term) {
                continue;
            }
            seen.push(found.term);
            let words = english.get_or_insert_with(|| target_words(tgt));
            let arabic_span = sentence.original_span(found.range);
            let term = &termbase.terms()[found.term];
            let allowed = termbase.find_english(found.term, words);
            if allowed.is_none() && termbase.has_renderings(found.term) {
                let message = format!(
                    "the termbase renders `{}` as {}; the English has none of them",
                    term.arabic,
                    quoted(&term.english)
                );
                let mut f = src.finding(FindingKind::Terminology, Severity::Minor, arabic_span, message);
                f.other_span = Some(tgt.span());
                findings.push(f);
            }
            let forbidden = termbase.find_forbidden(found.term, words);
            // A forbidden rendering inside an allowed one (`State` in `Islamic State`) is not used.
            if let Some(r) =
                forbidden.filter(|r| allowed.as_ref().is_none_or(|a| r.start < a.start || r.end > a.end))
            {
                let span = Span { start: r.start, end: r.end };
                let used = tgt.text.get(r).unwrap_or("");
                let message = if term.english.is_empty() {
                    format!("`{used}` is a forbidden rendering of `{}`", term.arabic)
                } else {
                    format!(
                        "`{used}` is a forbidden rendering of `{}`; use {}",
                        term.arabic,
                        quoted(&term.english)
                    )
                };
                let mut f = tgt.finding(FindingKind::Terminology, Severity::Major, span, message);
                f.other_span = Some(arabic_span);
                findings.push(f);
            }
        }
    }
}

/// The words of the English side, with byte ranges into its input text.
fn target_words(tgt: SideText) -> Vec<(Range<usize>, String)> {
    let mut words = Vec::new();
    for s in tgt.sentences {
        let span = s.span();
        let text = tgt.text.get(span.start..span.end).unwrap_or("");
        words.extend(english_words(text).map(|(r, w)| (span.start + r.start..span.start + r.end, w)));
    }
    words
}

/// Renderings in quotes, joined by `or`: `“Islamic State” or “IS”`.
fn quoted(renderings: &[String]) -> String {
    renderings.iter().map(|r| format!("“{r}”")).collect::<Vec<_>>().join(" or ")
}

#[cfg(test)]
mod tests {
    use crate::{FindingKind, Scorer, error::Side, quality::Severity, termbase::Termbase};

    #[test]
    fn missing_and_forbidden_renderings_are_found_with_both_spans() {
        let termbase = Termbase::from_tsv("البنك الدولي\tWorld Bank\tInternational Bank\n").unwrap();
        let scorer = Scorer::new().with_termbase(&termbase);
        let ar = "وقال البنك الدولي إن النمو تباطأ.";
        let kept = scorer.score_pair(ar, "The World Bank said growth slowed.");
        assert!(kept.findings.iter().all(|f| f.kind != FindingKind::Terminology), "{kept:?}");
        let other = scorer.score_pair(ar, "The global bank said growth slowed.");
        let f = other.findings.iter().find(|f| f.kind == FindingKind::Terminology).unwrap();
        assert_eq!(
            (f.side, f.severity, f.evidence.as_str()),
            (Side::Source, Severity::Minor, "البنك الدولي")
        );
        assert_eq!(f.other_span, Some((0, 35).into()));
        let forbidden = scorer.score_pair(ar, "The International Bank said growth slowed.");
        let found: Vec<_> =
            forbidden.findings.iter().filter(|f| f.kind == FindingKind::Terminology).collect();
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!((found[1].side, found[1].evidence.as_str()), (Side::Target, "International Bank"));
        assert_eq!(found[1].other_span.map(|s| &ar[s.start..s.end]), Some("البنك الدولي"));
        // The score is the same with or without the termbase.
        assert_eq!(other.score, Scorer::new().score_pair(ar, "The global bank said growth slowed.").score);
    }
}
