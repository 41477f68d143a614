//! Writers for aligned documents: they read beads and print them, and compute nothing.
//!
//! ```
//! use qalign::{Aligner, output::{Format, write_alignment}};
//!
//! let alignment = Aligner::new().align("مرحبا بكم.", "Welcome.")?;
//! let mut out = Vec::new();
//! write_alignment(&mut out, &alignment, Format::Jsonl)?;
//! let line = String::from_utf8(out).unwrap();
//! assert!(line.starts_with(r#"{"src":[0],"tgt":[0],"src_spans":[[0,"#));
//! # Ok::<(), qalign::Error>(())
//! ```

mod matches;

use std::io::Write;

use serde::{Deserialize, Serialize};

use crate::{Alignment, Bead, Finding, Quality, Result};
pub use matches::{MatchFormat, write_matches};

/// An output format.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Format {
    /// One JSON object per bead, in document order. This is the default.
    #[default]
    Jsonl,
    /// A header line, then `score<TAB>ar<TAB>en<TAB>findings` per bead; tabs, newlines and
    /// backslashes inside text are escaped as `\t`, `\n`, `\r` and `\\`. The findings column lists
    /// `kind[side:start-end]` per finding, comma-separated (`side` is `ar` or `en`, the span is in
    /// bytes of that input), e.g. `mistranslation/number[en:52-55]`.
    Tsv,
    /// A readable listing for a terminal.
    Text,
    /// One JSON object for the whole document: `{"beads": [...], "summary": {...}}`.
    Json,
}

/// An output format for scored pairs (`qalign score`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum ScoreFormat {
    /// One JSON object per pair with `score`, `components` and `findings`. This is the default.
    #[default]
    Jsonl,
    /// The score alone, one per line, with four decimals.
    Tsv,
}

/// Writes one result per scored pair, in order.
///
/// ```
/// use qalign::output::{ScoreFormat, write_scores};
///
/// let q = qalign::score_pair("قال الوزير.", "The minister said.");
/// let mut out = Vec::new();
/// write_scores(&mut out, &[q.clone()], ScoreFormat::Tsv)?;
/// assert_eq!(String::from_utf8(out).unwrap(), format!("{:.4}\n", q.score));
/// # Ok::<(), qalign::Error>(())
/// ```
///
/// # Errors
/// [`crate::Error::Io`] when writing fails.
pub fn write_scores<W: Write>(out: &mut W, qualities: &[Quality], format: ScoreFormat) -> Result<()> {
    for q in qualities {
        match format {
            ScoreFormat::Jsonl => {
                serde_json::to_writer(&mut *out, q).map_err(std::io::Error::from)?;
                out.write_all(b"\n")?;
            }
            ScoreFormat::Tsv => writeln!(out, "{:.4}", q.score)?,
        }
    }
    Ok(())
}

/// The findings column of the TSV format: `kind[side:start-end]` per finding, comma-separated, with
/// byte spans into that side's input.
fn findings_field(findings: &[Finding]) -> String {
    findings
        .iter()
        .map(|f| {
            let side = match f.side {
                crate::Side::Source => "ar",
                crate::Side::Target => "en",
            };
            format!("{}[{side}:{}-{}]", f.kind, f.span.start, f.span.end)
        })
        .collect::<Vec<_>>()
        .join(",")
}

/// Writes an alignment in `format`.
///
/// # Errors
/// [`crate::Error::Io`] when writing fails.
pub fn write_alignment<W: Write>(out: &mut W, alignment: &Alignment, format: Format) -> Result<()> {
    match format {
        Format::Jsonl => {
            for bead in &alignment.beads {
                serde_json::to_writer(&mut *out, bead).map_err(std::io::Error::from)?;
                out.write_all(b"\n")?;
            }
        }
        Format::Tsv => {
            writeln!(out, "score\tar\ten\tfindings")?;
            for bead in &alignment.beads {
                writeln!(
                    out,
                    "{:.4}\t{}\t{}\t{}",
                    bead.score,
                    escape_tsv(&bead.src_text),
                    escape_tsv(&bead.tgt_text),
                    findings_field(&bead.findings)
                )?;
            }
        }
        Format::Text => {
            for (k, bead) in alignment.beads.iter().enumerate() {
                write_text_bead(out, k, bead)?;
            }
        }
        Format::Json => {
            serde_json::to_writer(&mut *out, alignment).map_err(std::io::Error::from)?;
            out.write_all(b"\n")?;
        }
    }
    Ok(())
}

/// One bead as readable text: a heading line, then the Arabic and English lines.
fn write_text_bead<W: Write>(out: &mut W, k: usize, bead: &Bead) -> Result<()> {
    let ids = |v: &[usize]| v.iter().map(|i| i.to_string()).collect::<Vec<_>>().join(",");
    match (bead.src.is_empty(), bead.tgt.is_empty()) {
        (false, true) => {
            writeln!(out, "#{k}  ar {}  UNPAIRED ARABIC\n  AR  {}\n", ids(&bead.src), bead.src_text)?
        }
        (true, false) => {
            writeln!(out, "#{k}  en {}  UNPAIRED ENGLISH\n  EN  {}\n", ids(&bead.tgt), bead.tgt_text)?
        }
        _ => writeln!(
            out,
            "#{k}  ar {} : en {}  score {:.2}\n  AR  {}\n  EN  {}\n",
            ids(&bead.src),
            ids(&bead.tgt),
            bead.score,
            bead.src_text,
            bead.tgt_text
        )?,
    }
    for f in &bead.findings {
        writeln!(out, "  !   {} ({:?}) {}: {}", f.kind, f.severity, f.message, f.evidence)?;
    }
    if !bead.findings.is_empty() {
        writeln!(out)?;
    }
    Ok(())
}

/// Escapes text for one TSV field: backslash, tab, newline and carriage return.
pub(crate) fn escape_tsv(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tsv_escapes_control_characters() {
        assert_eq!(escape_tsv("a\tb\nc\\d\re"), "a\\tb\\nc\\\\d\\re");
    }
}
