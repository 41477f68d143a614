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

use crate::{Alignment, Bead, Result};
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
    /// backslashes inside text are escaped as `\t`, `\n`, `\r` and `\\`.
    Tsv,
    /// A readable listing for a terminal.
    Text,
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
                    "{:.4}\t{}\t{}\t",
                    bead.score,
                    escape_tsv(&bead.src_text),
                    escape_tsv(&bead.tgt_text)
                )?;
            }
        }
        Format::Text => {
            for (k, bead) in alignment.beads.iter().enumerate() {
                write_text_bead(out, k, bead)?;
            }
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
