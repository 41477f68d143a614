//! TMX 1.4b: aligned pairs as a translation memory that CAT tools import.

use std::io::Write;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use crate::output::{findings_field_one, join_ids, xml_safe};
use crate::{Alignment, Bead, Error, Result};

/// Which beads [`write_tmx`] writes.
///
/// ```
/// use qalign::{Aligner, output::{TmxOptions, write_tmx}};
///
/// let alignment = Aligner::new().align("قال الوزير.", "The minister said.\n\nPosted 12 February 2016")?;
/// let (mut pairs, mut all) = (Vec::new(), Vec::new());
/// write_tmx(&mut pairs, &alignment, &TmxOptions::new().min_score(0.5))?;
/// write_tmx(&mut all, &alignment, &TmxOptions::new().min_score(0.5).include_unpaired(true))?;
/// let units = |tmx: &[u8]| String::from_utf8_lossy(tmx).matches("<tu ").count();
/// assert_eq!((units(&pairs), units(&all)), (1, 2)); // the dateline has no Arabic
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct TmxOptions {
    min_score: f64,
    include_unpaired: bool,
}

impl TmxOptions {
    /// Every pair, no unpaired sentence (the defaults).
    pub fn new() -> TmxOptions {
        TmxOptions::default()
    }

    /// Keeps only pairs whose score is at least `score`. Default 0 (every pair); must lie in 0–1.
    pub fn min_score(mut self, score: f64) -> TmxOptions {
        self.min_score = score;
        self
    }

    /// Also writes unpaired sentences, each as a `<tu>` with a single `<tuv>`, whatever the minimum
    /// score. Default `false`: they are left out.
    pub fn include_unpaired(mut self, yes: bool) -> TmxOptions {
        self.include_unpaired = yes;
        self
    }

    fn keeps(&self, bead: &Bead) -> bool {
        if bead.is_null() { self.include_unpaired } else { bead.score >= self.min_score }
    }
}

/// Writes an alignment as a TMX 1.4b document.
///
/// The header names the tool (`creationtool="qalign"` and the crate's version), `srclang="ar"`,
/// `datatype="plaintext"`, `segtype="sentence"`, and carries the document's summary as
/// `x-qalign-summary-score` and `x-qalign-coverage` properties. Each kept bead is one `<tu>` whose
/// `tuid` is its index among all beads, with properties `x-qalign-score` (four decimals),
/// `x-qalign-src` and `x-qalign-tgt` (sentence indices, comma-separated) and one `x-qalign-finding`
/// per finding (`kind[side:start-end] severity: message`, the TSV notation followed by severity and
/// message), then `<tuv xml:lang="ar">` and `<tuv xml:lang="en">` with the text in `<seg>`.
///
/// Text is escaped by the XML writer. Characters that XML 1.0 does not allow at all (control
/// characters other than tab, newline and carriage return, and U+FFFE, U+FFFF) are written as
/// U+FFFD, so the file is always well-formed; every other character is kept.
///
/// ```
/// use qalign::{Aligner, output::{TmxOptions, write_tmx}};
///
/// let alignment = Aligner::new().align("قال الوزير إن الأسعار ارتفعت.", "The minister said prices rose.")?;
/// let mut out = Vec::new();
/// write_tmx(&mut out, &alignment, &TmxOptions::new())?;
/// let tmx = String::from_utf8(out).unwrap();
/// assert!(tmx.contains(r#"<tuv xml:lang="en">"#));
/// assert!(tmx.contains("<seg>The minister said prices rose.</seg>"));
/// # Ok::<(), qalign::Error>(())
/// ```
///
/// # Errors
/// [`Error::Config`] when the minimum score is outside 0–1; [`Error::Io`] when writing fails.
pub fn write_tmx<W: Write>(out: &mut W, alignment: &Alignment, options: &TmxOptions) -> Result<()> {
    if !(0.0..=1.0).contains(&options.min_score) {
        return Err(Error::Config { name: "min_score", message: "must lie between 0 and 1".into() });
    }
    let mut w = Writer::new_with_indent(&mut *out, b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.create_element("tmx").with_attribute(("version", "1.4")).write_inner_content(|w| {
        let summary = &alignment.summary;
        w.create_element("header")
            .with_attributes([
                ("creationtool", "qalign"),
                ("creationtoolversion", env!("CARGO_PKG_VERSION")),
                ("datatype", "plaintext"),
                ("segtype", "sentence"),
                ("adminlang", "en"),
                ("srclang", "ar"),
                ("o-tmf", "qalign"),
            ])
            .write_inner_content(|w| {
                prop(w, "x-qalign-summary-score", &format!("{:.4}", summary.score))?;
                prop(w, "x-qalign-coverage", &format!("{:.4}", summary.coverage))
            })?;
        w.create_element("body").write_inner_content(|w| {
            for (k, bead) in alignment.beads.iter().enumerate() {
                if options.keeps(bead) {
                    write_tu(w, k, bead)?;
                }
            }
            Ok(())
        })?;
        Ok(())
    })?;
    out.write_all(b"\n")?;
    Ok(())
}

fn write_tu<W: Write>(w: &mut Writer<W>, k: usize, bead: &Bead) -> std::io::Result<()> {
    w.create_element("tu").with_attribute(("tuid", k.to_string().as_str())).write_inner_content(|w| {
        prop(w, "x-qalign-score", &format!("{:.4}", bead.score))?;
        prop(w, "x-qalign-src", &join_ids(&bead.src))?;
        prop(w, "x-qalign-tgt", &join_ids(&bead.tgt))?;
        for f in &bead.findings {
            let value = format!("{} {}: {}", findings_field_one(f), f.severity.as_str(), f.message);
            prop(w, "x-qalign-finding", &value)?;
        }
        for (lang, ids, text) in [("ar", &bead.src, &bead.src_text), ("en", &bead.tgt, &bead.tgt_text)] {
            if ids.is_empty() {
                continue;
            }
            w.create_element("tuv").with_attribute(("xml:lang", lang)).write_inner_content(|w| {
                w.create_element("seg").write_text_content(BytesText::new(&xml_safe(text)))?;
                Ok(())
            })?;
        }
        Ok(())
    })?;
    Ok(())
}

fn prop<W: Write>(w: &mut Writer<W>, kind: &str, value: &str) -> std::io::Result<()> {
    w.create_element("prop")
        .with_attribute(("type", kind))
        .write_text_content(BytesText::new(&xml_safe(value)))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tmx(alignment: &Alignment, options: &TmxOptions) -> String {
        let mut out = Vec::new();
        write_tmx(&mut out, alignment, options).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn header_names_the_tool_and_languages() {
        let alignment = crate::Aligner::new().align("مرحبا بكم.", "Welcome.").unwrap();
        let text = tmx(&alignment, &TmxOptions::new());
        assert!(text.starts_with(r#"<?xml version="1.0" encoding="UTF-8"?>"#), "{text}");
        for attr in [
            r#"creationtool="qalign""#,
            concat!(r#"creationtoolversion=""#, env!("CARGO_PKG_VERSION"), '"'),
            r#"srclang="ar""#,
            r#"datatype="plaintext""#,
            r#"segtype="sentence""#,
            r#"<tmx version="1.4">"#,
        ] {
            assert!(text.contains(attr), "{attr} missing in {text}");
        }
    }

    #[test]
    fn min_score_out_of_range_is_an_error() {
        let alignment = Alignment::default();
        for bad in [-0.1, 1.5, f64::NAN] {
            let err = write_tmx(&mut Vec::new(), &alignment, &TmxOptions::new().min_score(bad));
            assert!(matches!(err, Err(Error::Config { name: "min_score", .. })), "{bad}");
        }
    }
}
