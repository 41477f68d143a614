//! The writer for document matches (`qalign match`).

use std::io::Write;

use serde::{Deserialize, Serialize};

use super::escape_tsv;
use crate::{Result, matching::DocumentMatch};

/// An output format for document matches.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum MatchFormat {
    /// One line per Arabic document: `ar<TAB>en<TAB>score`, or `ar<TAB>-<TAB>score` without a match
    /// (the best rejected candidate's score; `0.0000` when there was no candidate). Scores have four
    /// decimals; tabs, newlines and backslashes in names are escaped as in [`super::Format::Tsv`].
    /// This is the default.
    #[default]
    Tsv,
    /// One JSON object per Arabic document: `ar`, `en` (`null` without a match), `score`, `evidence`
    /// (the [`crate::verdict::Evidence`] behind `score`, `null` without a candidate) and `candidates` (each
    /// candidate's `en`, first-pass `prefilter` score and verdict `score`, best first).
    Jsonl,
}

#[derive(Serialize)]
struct Line<'a> {
    ar: &'a str,
    en: Option<&'a str>,
    score: f64,
    evidence: Option<&'a crate::verdict::Evidence>,
    candidates: Vec<CandidateLine<'a>>,
}

#[derive(Serialize)]
struct CandidateLine<'a> {
    en: &'a str,
    prefilter: f64,
    score: f64,
}

/// Writes document matches, naming documents by `ar_names` and `en_names` (indexed like the inputs
/// given to [`crate::matching::Matcher`]).
///
/// ```
/// use qalign::{output::{MatchFormat, write_matches}, matching::Matcher};
///
/// let matches = Matcher::new().match_texts(&["مرحبا بكم في 2016."], &["Welcome in 2016."])?;
/// let mut out = Vec::new();
/// write_matches(&mut out, &matches, &["a.txt"], &["b.txt"], MatchFormat::Tsv)?;
/// let line = String::from_utf8(out).unwrap();
/// assert!(line.starts_with("a.txt\tb.txt\t0."));
/// # Ok::<(), qalign::Error>(())
/// ```
///
/// # Errors
/// [`crate::Error::Io`] when writing fails. A document index with no name prints as `?`.
pub fn write_matches<W: Write, A: AsRef<str>, E: AsRef<str>>(
    out: &mut W,
    matches: &[DocumentMatch],
    ar_names: &[A],
    en_names: &[E],
    format: MatchFormat,
) -> Result<()> {
    let ar_names: Vec<&str> = ar_names.iter().map(AsRef::as_ref).collect();
    let en_names: Vec<&str> = en_names.iter().map(AsRef::as_ref).collect();
    for m in matches {
        let ar = name(&ar_names, m.src);
        let en = m.tgt.map(|j| name(&en_names, j));
        match format {
            MatchFormat::Tsv => writeln!(
                out,
                "{}\t{}\t{:.4}",
                escape_tsv(ar),
                en.map_or_else(|| "-".to_owned(), escape_tsv),
                m.score
            )?,
            MatchFormat::Jsonl => {
                let line = Line {
                    ar,
                    en,
                    score: m.score,
                    evidence: m.best().map(|c| &c.verdict.evidence),
                    candidates: m
                        .candidates
                        .iter()
                        .map(|c| CandidateLine {
                            en: name(&en_names, c.tgt),
                            prefilter: c.prefilter,
                            score: c.verdict.score,
                        })
                        .collect(),
                };
                serde_json::to_writer(&mut *out, &line).map_err(std::io::Error::from)?;
                writeln!(out)?;
            }
        }
    }
    Ok(())
}

/// The name of document `k`, or `?`.
fn name<'a>(names: &[&'a str], k: usize) -> &'a str {
    names.get(k).copied().unwrap_or("?")
}
