//! Bilingual files from CAT tools as input to scoring: a TMX 1.4b translation memory (as `qalign
//! align --format tmx` writes it and translation memories export), an XLIFF 1.2 or 2.x file (each
//! translation unit's source and target), or `ar<TAB>en` lines, chosen by content.

use crate::error::{Error, Result};
use crate::xml::{Node, XmlReader, attribute, root_name};

/// One translation unit: its id in the file and its Arabic and English text.
///
/// ```
/// let units = qalign::bilingual::read_units("مرحبا\tHello\nشكرا\tThanks\n")?;
/// assert_eq!((units[1].id.as_str(), units[1].ar.as_str(), units[1].en.as_str()), ("2", "شكرا", "Thanks"));
/// # Ok::<(), qalign::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[non_exhaustive]
pub struct Unit {
    /// The unit's id: the `tuid` of a TMX `<tu>` (its 1-based position without one), the `id` of an
    /// XLIFF unit, the 1-based line number of a TSV line.
    pub id: String,
    /// The Arabic text; an XLIFF 2 unit's segments joined by a space.
    pub ar: String,
    /// The English text; empty for an untranslated unit.
    pub en: String,
}

impl Unit {
    /// A unit with its id and its two sides.
    ///
    /// ```
    /// let unit = qalign::bilingual::Unit::new("7", "قال الوزير.", "The minister said.");
    /// assert_eq!((unit.id.as_str(), unit.en.as_str()), ("7", "The minister said."));
    /// ```
    pub fn new(id: impl Into<String>, ar: impl Into<String>, en: impl Into<String>) -> Unit {
        Unit { id: id.into(), ar: ar.into(), en: en.into() }
    }
}

/// Reads the units of a bilingual file: TMX when its root element is `tmx`, XLIFF when it is
/// `xliff`, else `ar<TAB>en` lines ([`read_pairs`]).
///
/// # Errors
/// [`Error::MalformedXml`] for an XML file that is not well-formed or not TMX or XLIFF,
/// [`Error::MalformedLine`] for a line without a tab.
pub fn read_units(text: &str) -> Result<Vec<Unit>> {
    match root_name(text).as_deref() {
        Some("tmx") => read_tmx(text),
        Some("xliff") => read_xliff(text),
        Some(other) => Err(Error::MalformedXml {
            offset: 0,
            message: format!("the root element `{other}` is neither TMX (`tmx`) nor XLIFF (`xliff`)"),
        }),
        None => Ok(read_pairs(text)?
            .into_iter()
            .enumerate()
            .map(|(k, (ar, en))| Unit { id: (k + 1).to_string(), ar: ar.to_owned(), en: en.to_owned() })
            .collect()),
    }
}

/// Whether an `xml:lang` (or XLIFF language) value names Arabic or English: `Some(true)` for
/// Arabic, `Some(false)` for English.
fn is_arabic(lang: &str) -> Option<bool> {
    match lang.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase().as_str() {
        "ar" | "ara" => Some(true),
        "en" | "eng" => Some(false),
        _ => None,
    }
}

/// Reads a TMX 1.4b file: each `<tu>` with an Arabic and an English `<tuv>` (by `xml:lang`) is a
/// unit; the text of `<seg>` includes that of its inline elements.
///
/// ```
/// let tmx = r#"<tmx version="1.4"><header srclang="ar" datatype="plaintext" segtype="sentence"
///   adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/><body>
///   <tu tuid="7"><tuv xml:lang="ar"><seg>شكرا</seg></tuv><tuv xml:lang="en-GB"><seg>Thanks</seg></tuv></tu>
/// </body></tmx>"#;
/// let units = qalign::bilingual::read_tmx(tmx)?;
/// assert_eq!((units[0].id.as_str(), units[0].en.as_str()), ("7", "Thanks"));
/// # Ok::<(), qalign::Error>(())
/// ```
///
/// # Errors
/// [`Error::MalformedXml`] when the file is not well-formed.
pub fn read_tmx(text: &str) -> Result<Vec<Unit>> {
    let mut reader = XmlReader::new(text);
    let mut units = Vec::new();
    // The unit being read, and the language of the `<tuv>` being read.
    let mut unit: Option<(String, Option<String>, Option<String>)> = None;
    let mut lang: Option<bool> = None;
    let mut count = 0;
    while let Some(node) = reader.next_node()? {
        match node {
            Node::Open { name, attributes } => match name.as_str() {
                "tu" => {
                    count += 1;
                    let id = attribute(&attributes, "tuid").map_or_else(|| count.to_string(), str::to_owned);
                    unit = Some((id, None, None));
                }
                "tuv" => lang = attribute(&attributes, "lang").and_then(is_arabic),
                "seg" => {
                    let seg = reader.text_until_close()?;
                    if let (Some((_, ar, en)), Some(arabic)) = (unit.as_mut(), lang) {
                        *(if arabic { ar } else { en }) = Some(seg);
                    }
                }
                _ => {}
            },
            Node::Close { name } if name == "tu" => {
                if let Some((id, Some(ar), Some(en))) = unit.take() {
                    units.push(Unit { id, ar, en });
                }
            }
            _ => {}
        }
    }
    Ok(units)
}

/// Reads an XLIFF file, version 1.2 (`<trans-unit>` with `<source>` and `<target>`, in `<file>`s
/// and `<group>`s) or 2.x (`<unit>` with `<segment>`s, each with `<source>` and `<target>`; a unit's
/// segments are joined by a space). Sources are Arabic unless the file's source language is
/// English and its target language Arabic (`source-language`/`target-language` in 1.2,
/// `srcLang`/`trgLang` in 2.x), in which case the sides are swapped. A unit without a target has
/// an empty English side.
///
/// ```
/// let xliff = r#"<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="ar" trgLang="en">
///   <file id="f1"><unit id="u1"><segment><source>شكرا</source><target>Thanks</target></segment></unit></file>
/// </xliff>"#;
/// let units = qalign::bilingual::read_xliff(xliff)?;
/// assert_eq!((units[0].id.as_str(), units[0].en.as_str()), ("u1", "Thanks"));
/// # Ok::<(), qalign::Error>(())
/// ```
///
/// # Errors
/// [`Error::MalformedXml`] when the file is not well-formed.
pub fn read_xliff(text: &str) -> Result<Vec<Unit>> {
    let mut reader = XmlReader::new(text);
    let mut units = Vec::new();
    // Whether sources are English (the sides swapped), per the root or the current `<file>`.
    let mut swapped = false;
    let mut unit: Option<(String, Vec<String>, Vec<String>)> = None;
    // The open elements: a `<source>` or `<target>` counts only in a `<trans-unit>` or `<segment>`,
    // not in an `<alt-trans>` (1.2) or a translation candidate module's `<match>` (2.x).
    let mut open: Vec<String> = Vec::new();
    while let Some(node) = reader.next_node()? {
        match node {
            Node::Open { name, attributes } => match name.as_str() {
                "xliff" | "file" => {
                    open.push(name.clone());
                    let source =
                        attribute(&attributes, "srcLang").or(attribute(&attributes, "source-language"));
                    let target =
                        attribute(&attributes, "trgLang").or(attribute(&attributes, "target-language"));
                    if let (Some(s), Some(t)) = (source.and_then(is_arabic), target.and_then(is_arabic)) {
                        swapped = !s && t;
                    }
                }
                "trans-unit" | "unit" => {
                    let id = attribute(&attributes, "id").unwrap_or("").to_owned();
                    unit = Some((id, Vec::new(), Vec::new()));
                    open.push(name);
                }
                "source" | "target" => {
                    let content = reader.text_until_close()?;
                    let in_segment = open.last().is_some_and(|p| p == "trans-unit" || p == "segment");
                    if let Some((_, sources, targets)) = unit.as_mut().filter(|_| in_segment) {
                        if name == "source" { sources } else { targets }.push(content);
                    }
                    continue;
                }
                _ => open.push(name),
            },
            Node::Close { name } => {
                open.pop();
                if (name == "trans-unit" || name == "unit")
                    && let Some((id, sources, targets)) = unit.take()
                {
                    let (source, target) = (sources.join(" "), targets.join(" "));
                    let (ar, en) = if swapped { (target, source) } else { (source, target) };
                    units.push(Unit { id, ar, en });
                }
            }
            Node::Text(_) => {}
        }
    }
    Ok(units)
}

/// Reads a pairs file: one `ar<TAB>en` pair per line. Lines end in `\n`, `\r\n` or a lone `\r`;
/// empty lines at the end of the file are ignored. Every other line, blank ones included, must hold
/// exactly one tab, so that results line up with input lines.
///
/// ```
/// let pairs = qalign::bilingual::read_pairs("مرحبا\tHello\r\nشكرا\tThanks\rنعم\tYes\n\n")?;
/// assert_eq!(pairs, [("مرحبا", "Hello"), ("شكرا", "Thanks"), ("نعم", "Yes")]);
/// let err = qalign::bilingual::read_pairs("مرحبا\tHello\nno tab here\n").unwrap_err();
/// assert_eq!(err.to_string(), "line 2: no tab between the Arabic and the English");
/// let err = qalign::bilingual::read_pairs("مرحبا\tHello\tsecond English\n").unwrap_err();
/// assert_eq!(err.to_string(), "line 1: more than one tab (a line holds the Arabic, a tab and the English)");
/// # Ok::<(), qalign::Error>(())
/// ```
///
/// # Errors
/// [`Error::MalformedLine`] names the first line with no tab or more
/// than one.
pub fn read_pairs(text: &str) -> Result<Vec<(&str, &str)>> {
    let mut lines = Vec::new();
    let mut rest = text;
    while let Some(end) = rest.find(['\n', '\r']) {
        lines.push(&rest[..end]);
        let newline = if rest[end..].starts_with("\r\n") { 2 } else { 1 };
        rest = &rest[end + newline..];
    }
    lines.push(rest);
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    let malformed =
        |k: usize, message: &str| Error::MalformedLine { line: k + 1, message: message.to_owned() };
    lines
        .into_iter()
        .enumerate()
        .map(|(k, line)| match line.split_once('\t') {
            None => Err(malformed(k, "no tab between the Arabic and the English")),
            Some((_, en)) if en.contains('\t') => {
                Err(malformed(k, "more than one tab (a line holds the Arabic, a tab and the English)"))
            }
            Some(pair) => Ok(pair),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xliff_1_2_with_groups_and_inline_codes() {
        let xliff = r#"<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="a.html" source-language="ar" target-language="en" datatype="html">
    <body>
      <group id="g1">
        <trans-unit id="t1"><source>اضغط <g id="1">حفظ</g> الآن</source><target>Press <g id="1">Save</g> now</target>
          <alt-trans match-quality="80"><source>اضغط حفظ</source><target>Click Save</target></alt-trans>
        </trans-unit>
      </group>
      <trans-unit id="t2"><source>شكرا</source></trans-unit>
    </body>
  </file>
</xliff>"#;
        let units = read_units(xliff).unwrap();
        assert_eq!(units.len(), 2);
        assert_eq!((units[0].ar.as_str(), units[0].en.as_str()), ("اضغط حفظ الآن", "Press Save now"));
        assert_eq!((units[1].id.as_str(), units[1].en.as_str()), ("t2", ""));
    }

    #[test]
    fn english_source_files_are_swapped() {
        let xliff = r#"<xliff version="2.1" srcLang="en-US" trgLang="ar"><file id="f"><unit id="1">
            <segment><source>Thanks.</source><target>شكرا.</target></segment>
            <segment><source>Bye.</source><target>وداعا.</target></segment></unit></file></xliff>"#;
        let units = read_units(xliff).unwrap();
        assert_eq!((units[0].ar.as_str(), units[0].en.as_str()), ("شكرا. وداعا.", "Thanks. Bye."));
    }

    #[test]
    fn other_xml_and_broken_files_are_errors() {
        assert!(read_units("<html><body/></html>").is_err());
        assert!(read_units("<tmx><body><tu>").is_err());
        assert!(read_units("no tab").is_err());
    }
}
