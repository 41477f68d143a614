//! Writers for aligned documents: they read beads, findings, the summary and the verdict they are
//! given, and compute nothing.
//!
//! - [`write_alignment`] writes the [`Format`]s: JSON lines, one JSON document, TSV for spreadsheets
//!   and a listing for a terminal.
//! - [`write_tmx`] writes a TMX 1.4b translation memory for CAT tools ([`TmxOptions`]: a minimum
//!   score, unpaired sentences in or out).
//! - [`write_html`] writes a self-contained side-by-side HTML QA report ([`HtmlOptions`]: a title and
//!   the document [`Verdict`](crate::verdict::Verdict)).
//! - [`write_units`] writes units scored by [`Scorer`](crate::Scorer) with their ids (JSON lines, TSV,
//!   CSV), [`write_scores`] bare scores; [`write_matches`] writes document matches.
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

mod html;
mod json;
mod matches;
mod tmx;

use std::io::Write;

use serde::{Deserialize, Serialize};

use crate::{Alignment, Bead, Finding, Quality, Result};
pub use html::{HtmlOptions, write_html};
pub use matches::{MatchFormat, write_matches};
pub use tmx::{TmxOptions, write_tmx};

/// An output format.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Format {
    /// One JSON object per bead, in document order. This is the default.
    #[default]
    Jsonl,
    /// A header line, then `row<TAB>score<TAB>severity<TAB>ar<TAB>en<TAB>findings` per bead: the
    /// bead's number (as in the text and HTML outputs, from 0), its score, the worst severity of its
    /// findings (empty without one), the texts, and each finding as its readable message
    /// ([`Finding`]'s `Display`) followed by `[side:start-end]` (`side` is `ar` or `en`, the span in
    /// bytes of that input), separated by ` | `, e.g. `major mistranslation/number: ... «16%»
    /// [en:52-55]`. Tabs, newlines and backslashes inside fields are escaped as `\t`, `\n`, `\r`
    /// and `\\`, and every other character that a tool may take for a line end or that is a control
    /// (other C0 controls such as VT and FF, DEL, C1 controls such as NEL, U+2028 and U+2029) as
    /// `\u{…}` with its code point in hex.
    Tsv,
    /// The columns of [`Format::Tsv`] as comma-separated values for spreadsheets (RFC 4180: a field
    /// with a comma, a quote or a line break is quoted, quotes doubled).
    Csv,
    /// A readable listing for a terminal, severities as words, ending with the document summary.
    /// Control characters in the text (ESC and the other C0 and C1 controls, DEL, line and paragraph
    /// separators) are written as `\u{…}` escapes, so the input cannot drive the terminal.
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
    /// A header line, then `row<TAB>id<TAB>score<TAB>severity<TAB>ar<TAB>en<TAB>findings` per unit,
    /// the columns as in [`Format::Tsv`]: the row (from 1), the unit's id (a TSV line number, a
    /// TMX `tuid`, an XLIFF unit id), the score with four decimals, the worst severity, the pair
    /// echoed, and the findings' messages.
    Tsv,
    /// The columns of [`ScoreFormat::Tsv`] as comma-separated values (RFC 4180).
    Csv,
}

/// One scored translation unit as [`write_units`] writes it.
#[derive(Clone, Copy, Debug)]
pub struct ScoredUnit<'a> {
    /// The unit: its id and its two sides.
    pub unit: &'a crate::bilingual::Unit,
    /// Its quality.
    pub quality: &'a Quality,
}

/// Writes scored units (`qalign score`), one result per unit, in order: JSON lines (the unit's `id`
/// and its [`Quality`]), or the TSV or CSV of [`ScoreFormat::Tsv`].
///
/// ```
/// use qalign::bilingual::Unit;
/// use qalign::output::{ScoreFormat, ScoredUnit, write_units};
///
/// let unit = Unit::new("7", "قال الوزير.", "The minister said.");
/// let quality = qalign::score_pair(&unit.ar, &unit.en);
/// let mut out = Vec::new();
/// write_units(&mut out, &[ScoredUnit { unit: &unit, quality: &quality }], ScoreFormat::Jsonl)?;
/// assert!(String::from_utf8(out).unwrap().starts_with(r#"{"id":"7","score":"#));
/// # Ok::<(), qalign::Error>(())
/// ```
///
/// # Errors
/// [`crate::Error::Io`] when writing fails.
pub fn write_units<W: Write>(out: &mut W, units: &[ScoredUnit], format: ScoreFormat) -> Result<()> {
    #[derive(Serialize)]
    struct Line<'a> {
        id: &'a str,
        #[serde(flatten)]
        quality: &'a Quality,
    }
    let header = ["row", "id", "score", "severity", "ar", "en", "findings"];
    match format {
        ScoreFormat::Jsonl => {
            let lines: Vec<Line> =
                units.iter().map(|u| Line { id: &u.unit.id, quality: u.quality }).collect();
            write_json_lines(out, &lines)?;
        }
        ScoreFormat::Tsv | ScoreFormat::Csv => {
            let csv = format == ScoreFormat::Csv;
            write_row(out, &header.map(std::borrow::Cow::Borrowed), csv)?;
            for (k, u) in units.iter().enumerate() {
                let q = u.quality;
                let row = [
                    (k + 1).to_string().into(),
                    u.unit.id.as_str().into(),
                    format!("{:.4}", q.score).into(),
                    worst_severity(&q.findings).into(),
                    u.unit.ar.as_str().into(),
                    u.unit.en.as_str().into(),
                    findings_messages(&q.findings).into(),
                ];
                write_row(out, &row, csv)?;
            }
        }
    }
    Ok(())
}

/// The worst severity among findings as a word, or an empty string without findings.
fn worst_severity(findings: &[Finding]) -> &'static str {
    findings.iter().map(|f| f.severity).max().map_or("", crate::quality::Severity::as_str)
}

/// Each finding as its readable message and span, separated by ` | `.
fn findings_messages(findings: &[Finding]) -> String {
    findings
        .iter()
        .map(|f| format!("{f} [{}:{}-{}]", side_code(f.side), f.span.start, f.span.end))
        .collect::<Vec<_>>()
        .join(" | ")
}

/// Writes one row of fields, tab-separated (escaped as [`escape_tsv`] does) or comma-separated
/// (quoted as RFC 4180 asks).
fn write_row<W: Write>(out: &mut W, fields: &[std::borrow::Cow<str>], csv: bool) -> Result<()> {
    let line: Vec<String> = fields.iter().map(|f| if csv { escape_csv(f) } else { escape_tsv(f) }).collect();
    writeln!(out, "{}", line.join(if csv { "," } else { "\t" }))?;
    Ok(())
}

/// A CSV field: quoted, with quotes doubled, when it holds a comma, a quote or a line break.
fn escape_csv(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

/// Writes one result per scored pair, in order: JSON lines, or the score alone per line (TSV and
/// CSV); [`write_units`] writes the pairs with ids, severities and messages.
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
    match format {
        ScoreFormat::Jsonl => write_json_lines(out, qualities)?,
        ScoreFormat::Tsv | ScoreFormat::Csv => {
            for q in qualities {
                writeln!(out, "{:.4}", q.score)?;
            }
        }
    }
    Ok(())
}

/// Items serialized by one task when JSON lines are written.
const JSON_LINES_CHUNK: usize = 128;

/// Chunks serialized (in parallel) before they are written, which bounds the memory held.
const JSON_LINES_WINDOW: usize = 16;

/// Writes one JSON object per item and line, in order. Chunks of items are serialized into their own
/// buffers in parallel (rayon), then written one after another: the bytes are those of serializing
/// the items one by one.
fn write_json_lines<W: Write, T: Serialize + Sync>(out: &mut W, items: &[T]) -> Result<()> {
    write_lines_with(out, items, |buf, item| serde_json::to_writer(buf, item))
}

/// [`write_json_lines`] with each item's JSON object appended to a buffer by `object`.
fn write_lines_with<W: Write, T: Sync>(
    out: &mut W,
    items: &[T],
    object: impl Fn(&mut Vec<u8>, &T) -> serde_json::Result<()> + Sync,
) -> Result<()> {
    use rayon::prelude::*;
    let serialize = |chunk: &[T]| -> serde_json::Result<Vec<u8>> {
        let mut buf = Vec::new();
        for item in chunk {
            object(&mut buf, item)?;
            buf.push(b'\n');
        }
        Ok(buf)
    };
    for window in items.chunks(JSON_LINES_CHUNK * JSON_LINES_WINDOW) {
        let buffers = if window.len() <= JSON_LINES_CHUNK {
            vec![serialize(window)]
        } else {
            window.par_chunks(JSON_LINES_CHUNK).map(serialize).collect()
        };
        for buf in buffers {
            out.write_all(&buf.map_err(std::io::Error::from)?)?;
        }
    }
    Ok(())
}

/// One finding in the TSV notation: `kind[side:start-end]`, `side` being `ar` or `en`.
pub(crate) fn findings_field_one(f: &Finding) -> String {
    format!("{}[{}:{}-{}]", f.kind, side_code(f.side), f.span.start, f.span.end)
}

/// `ar` or `en`.
pub(crate) fn side_code(side: crate::error::Side) -> &'static str {
    match side {
        crate::error::Side::Source => "ar",
        crate::error::Side::Target => "en",
    }
}

/// Whether XML 1.0 allows the character anywhere in a document.
fn xml_allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// `text` with each character that XML 1.0 does not allow (control characters other than tab,
/// newline and carriage return; U+FFFE and U+FFFF) replaced by U+FFFD. Borrowed when nothing changes.
pub(crate) fn xml_safe(text: &str) -> std::borrow::Cow<'_, str> {
    if text.chars().all(xml_allowed) {
        std::borrow::Cow::Borrowed(text)
    } else {
        text.chars().map(|c| if xml_allowed(c) { c } else { '\u{FFFD}' }).collect::<String>().into()
    }
}

/// Writes an alignment in `format`.
///
/// # Errors
/// [`crate::Error::Io`] when writing fails.
pub fn write_alignment<W: Write>(out: &mut W, alignment: &Alignment, format: Format) -> Result<()> {
    write_alignment_below(out, alignment, format, f64::INFINITY)
}

/// Writes the beads of an alignment that score below `max_score` in `format` (the pairs a reviewer
/// must read), each with its number in the whole alignment; the summary is the whole document's.
///
/// ```
/// use qalign::{Aligner, output::{Format, write_alignment_below}};
///
/// let alignment = Aligner::new().align("قال الوزير إن الحرب انتهت.", "The minister said the war was over. Posted today.")?;
/// let mut out = Vec::new();
/// write_alignment_below(&mut out, &alignment, Format::Tsv, 0.5)?;
/// let tsv = String::from_utf8(out).unwrap();
/// assert_eq!(tsv.lines().count(), 2, "{tsv}"); // the header and the unpaired dateline
/// assert!(tsv.lines().nth(1).unwrap().starts_with("1\t0.0000\tminor\t\tPosted today."), "{tsv}");
/// # Ok::<(), qalign::Error>(())
/// ```
///
/// # Errors
/// [`crate::Error::Io`] when writing fails.
pub fn write_alignment_below<W: Write>(
    out: &mut W,
    alignment: &Alignment,
    format: Format,
    max_score: f64,
) -> Result<()> {
    let mut writer = BeadWriter::new(out, format, max_score)?;
    writer.write(&alignment.beads)?;
    writer.finish(&alignment.summary)
}

/// Writes beads in a [`Format`] as they come, a chunk at a time, then the summary: the bytes of
/// [`write_alignment_below`] without holding the whole alignment (see
/// [`Aligner::align_documents_with`](crate::Aligner::align_documents_with)). Beads scoring
/// `max_score` or more are left out; each keeps its number in the whole alignment.
///
/// ```
/// use qalign::{Aligner, document::Segmentation, output::{BeadWriter, Format, write_alignment}};
///
/// let aligner = Aligner::new();
/// let (ar, en) = aligner.prepare("قال الوزير.", "The minister said.", Segmentation::Lines)?;
/// let mut streamed = Vec::new();
/// let mut writer = BeadWriter::new(&mut streamed, Format::Json, f64::INFINITY)?;
/// let summary = aligner.align_documents_with(&ar, &en, |beads| writer.write(&beads))?;
/// writer.finish(&summary)?;
/// let mut whole = Vec::new();
/// write_alignment(&mut whole, &aligner.align_documents(&ar, &en), Format::Json)?;
/// assert_eq!(streamed, whole);
/// # Ok::<(), qalign::Error>(())
/// ```
#[derive(Debug)]
pub struct BeadWriter<'w, W: Write> {
    out: &'w mut W,
    format: Format,
    max_score: f64,
    /// The number of the next bead in the whole alignment.
    next: usize,
    /// Beads written so far.
    written: usize,
    /// The JSON document's bead being written.
    buf: Vec<u8>,
}

impl<'w, W: Write> BeadWriter<'w, W> {
    /// Starts the output: the TSV or CSV header, or the opening of the JSON document.
    ///
    /// # Errors
    /// [`crate::Error::Io`] when writing fails.
    pub fn new(out: &'w mut W, format: Format, max_score: f64) -> Result<BeadWriter<'w, W>> {
        match format {
            Format::Tsv | Format::Csv => {
                let header = ["row", "score", "severity", "ar", "en", "findings"];
                write_row(out, &header.map(std::borrow::Cow::Borrowed), format == Format::Csv)?;
            }
            Format::Json => out.write_all(br#"{"beads":["#)?,
            Format::Jsonl | Format::Text => {}
        }
        Ok(BeadWriter { out, format, max_score, next: 0, written: 0, buf: Vec::new() })
    }

    /// Writes the next beads of the alignment.
    ///
    /// # Errors
    /// [`crate::Error::Io`] when writing fails.
    pub fn write(&mut self, beads: &[Bead]) -> Result<()> {
        let first = self.next;
        self.next += beads.len();
        let rows = (first..).zip(beads).filter(|(_, b)| b.score < self.max_score);
        let out = &mut *self.out;
        match self.format {
            Format::Jsonl => {
                let beads: Vec<&Bead> = rows.map(|(_, b)| b).collect();
                write_lines_with(out, &beads, |buf, bead| json::bead(buf, bead))?;
            }
            Format::Tsv | Format::Csv => {
                let csv = self.format == Format::Csv;
                for (k, bead) in rows {
                    let row = [
                        k.to_string().into(),
                        format!("{:.4}", bead.score).into(),
                        worst_severity(&bead.findings).into(),
                        bead.src_text.as_str().into(),
                        bead.tgt_text.as_str().into(),
                        findings_messages(&bead.findings).into(),
                    ];
                    write_row(out, &row, csv)?;
                }
            }
            Format::Text => {
                for (k, bead) in rows {
                    write_text_bead(out, k, bead)?;
                }
            }
            Format::Json => {
                for (_, bead) in rows {
                    if self.written > 0 {
                        out.write_all(b",")?;
                    }
                    self.buf.clear();
                    json::bead(&mut self.buf, bead).map_err(std::io::Error::from)?;
                    out.write_all(&self.buf)?;
                    self.written += 1;
                }
            }
        }
        Ok(())
    }

    /// Ends the output with the document's summary (the text listing's last lines, the JSON
    /// document's `summary`).
    ///
    /// # Errors
    /// [`crate::Error::Io`] when writing fails.
    pub fn finish(self, summary: &crate::Summary) -> Result<()> {
        match self.format {
            Format::Text => write_text_summary(self.out, summary)?,
            Format::Json => {
                self.out.write_all(br#"],"summary":"#)?;
                serde_json::to_writer(&mut *self.out, summary).map_err(std::io::Error::from)?;
                self.out.write_all(b"}\n")?;
            }
            Format::Jsonl | Format::Tsv | Format::Csv => {}
        }
        Ok(())
    }
}

/// The document summary as the last lines of the text listing: score, coverage and the findings
/// by kind (those found).
fn write_text_summary<W: Write>(out: &mut W, summary: &crate::Summary) -> Result<()> {
    writeln!(
        out,
        "document score {:.2}, coverage {:.1}% of the Arabic in pairs scoring at least {}",
        summary.score,
        summary.coverage * 100.0,
        crate::align::GOOD_SCORE
    )?;
    let found: Vec<String> =
        summary.findings.iter().filter(|(_, n)| **n > 0).map(|(k, n)| format!("{k} {n}")).collect();
    if found.is_empty() {
        writeln!(out, "findings: none")?;
    } else {
        writeln!(out, "findings: {}", found.join(", "))?;
    }
    Ok(())
}

/// The verdict line that ends the text listing of `qalign align`: whether the English document
/// translates the Arabic one, with the verdict's score.
///
/// ```
/// use qalign::{Aligner, output::write_text_verdict, document::Segmentation, verdict::Verdict};
///
/// let aligner = Aligner::new();
/// let (ar, en) = aligner.prepare("قال روجوزين إن التجارة بلغت ملياري دولار.", "Rogozin said trade reached $2 billion.", Segmentation::Raw)?;
/// let verdict = Verdict::new(&aligner.align_documents(&ar, &en), &ar, &en);
/// let mut out = Vec::new();
/// write_text_verdict(&mut out, &verdict)?;
/// assert!(String::from_utf8(out).unwrap().starts_with("verdict: a translation"));
/// # Ok::<(), qalign::Error>(())
/// ```
///
/// # Errors
/// [`crate::Error::Io`] when writing fails.
pub fn write_text_verdict<W: Write>(out: &mut W, verdict: &crate::verdict::Verdict) -> Result<()> {
    let what = if verdict.is_translation { "a translation" } else { "not a translation" };
    writeln!(out, "verdict: {what} ({:.2})", verdict.score)?;
    Ok(())
}

/// One bead as readable text: a heading line, then the Arabic and English lines.
fn write_text_bead<W: Write>(out: &mut W, k: usize, bead: &Bead) -> Result<()> {
    match (bead.src.is_empty(), bead.tgt.is_empty()) {
        (false, true) => writeln!(
            out,
            "#{k}  ar {}  UNPAIRED ARABIC\n  AR  {}\n",
            join_ids(&bead.src),
            escape_controls(&bead.src_text)
        )?,
        (true, false) => writeln!(
            out,
            "#{k}  en {}  UNPAIRED ENGLISH\n  EN  {}\n",
            join_ids(&bead.tgt),
            escape_controls(&bead.tgt_text)
        )?,
        _ => writeln!(
            out,
            "#{k}  ar {} : en {}  score {:.2}\n  AR  {}\n  EN  {}\n",
            join_ids(&bead.src),
            join_ids(&bead.tgt),
            bead.score,
            escape_controls(&bead.src_text),
            escape_controls(&bead.tgt_text)
        )?,
    }
    for f in &bead.findings {
        writeln!(out, "  !   {}", escape_controls(&f.to_string()))?;
    }
    if !bead.findings.is_empty() {
        writeln!(out)?;
    }
    Ok(())
}

/// Sentence indices joined by commas: `0,1`.
pub(crate) fn join_ids(ids: &[usize]) -> String {
    ids.iter().map(|i| i.to_string()).collect::<Vec<_>>().join(",")
}

/// Escapes text for one TSV field: backslash, tab, newline and carriage return as `\\`, `\t`,
/// `\n`, `\r`, and the other characters [`is_control`] holds as `\u{…}`.
pub(crate) fn escape_tsv(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if is_control(c) => out.push_str(&c.escape_unicode().to_string()),
            c => out.push(c),
        }
    }
    out
}

/// Whether a character is a control a terminal acts on or a tool may take for a line end: C0
/// controls other than tab, DEL, C1 controls (NEL among them), and the line and paragraph
/// separators U+2028 and U+2029.
fn is_control(c: char) -> bool {
    (c.is_control() && c != '\t') || matches!(c, '\u{2028}' | '\u{2029}')
}

/// Text for a terminal: the characters [`is_control`] holds written as `\u{…}` escapes. Borrowed
/// when there are none.
fn escape_controls(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(is_control) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_control(c) {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_safe_replaces_only_forbidden_characters() {
        assert_eq!(xml_safe("a\tb\nc\rd"), "a\tb\nc\rd");
        assert_eq!(xml_safe("a\u{0}b\u{1B}c\u{FFFE}\u{7F}"), "a\u{FFFD}b\u{FFFD}c\u{FFFD}\u{7F}");
        assert_eq!(xml_safe("\u{200F}مرحبا 😀"), "\u{200F}مرحبا 😀");
    }

    #[test]
    fn json_lines_are_the_items_serialized_in_order() {
        let pairs = [("قال الوزير.", "The minister said."), ("ارتفع 60%.", "It rose 16%."), ("", "x")];
        let qualities: Vec<Quality> = (0..JSON_LINES_CHUNK * JSON_LINES_WINDOW + JSON_LINES_CHUNK + 3)
            .map(|k| {
                let (ar, en) = pairs[k % pairs.len()];
                let mut q = crate::score_pair(ar, en);
                q.score = k as f64;
                q
            })
            .collect();
        let expected: String = qualities.iter().map(|q| serde_json::to_string(q).unwrap() + "\n").collect();
        let mut out = Vec::new();
        write_scores(&mut out, &qualities, ScoreFormat::Jsonl).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), expected);
    }

    #[test]
    fn tsv_escapes_control_characters() {
        assert_eq!(escape_tsv("a\tb\nc\\d\re"), "a\\tb\\nc\\\\d\\re");
        // Regression: these were written raw, and tools that split lines on them saw extra rows.
        assert_eq!(
            escape_tsv("a\u{B}b\u{C}c\u{85}d\u{2028}e\u{2029}"),
            "a\\u{b}b\\u{c}c\\u{85}d\\u{2028}e\\u{2029}"
        );
    }

    #[test]
    fn text_output_escapes_terminal_controls() {
        // Regression: ESC went to the terminal raw (escape-sequence injection).
        assert_eq!(escape_controls("red \u{1B}[31m text\u{7}"), "red \\u{1b}[31m text\\u{7}");
        assert!(matches!(escape_controls("قال الوزير."), std::borrow::Cow::Borrowed(_)));
    }
}
