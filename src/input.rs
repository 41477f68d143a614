//! Reading input files: bytes to text, HTML markup blanked out, and checks that a document holds
//! text in the script of its language.
//!
//! The aligner takes `&str`; this module is how a program gets there from the bytes of a file.
//! [`decode`] accepts UTF-8 with or without a byte-order mark, UTF-16 (either byte order) with
//! one, and Arabic in the Windows-1256 or ISO-8859-6 code page, and reports the offset of the first
//! invalid byte; [`decode_as`] reads a named encoding; [`decode_lossy`] replaces invalid
//! sequences instead. [`strip_html`] blanks markup without moving any byte. [`check_text`] and
//! [`check_script`] (or [`check_pair`] for both documents) catch empty documents and documents in
//! the wrong language before they give a misleading alignment. The aligner never calls these
//! checks itself: an empty or one-sided input is a valid, if trivial, alignment.
//!
//! # Byte offsets
//!
//! The spans of an alignment are byte offsets into the text it was given. [`decode`] keeps a UTF-8
//! byte-order mark in the text, so for UTF-8 input spans are byte offsets into the file. UTF-16
//! input is transcoded: spans are byte offsets into its UTF-8 form (without the byte-order mark),
//! not into the file. After [`decode_lossy`] has replaced invalid bytes, spans are offsets into the
//! repaired text ([`Decoded::replaced`] says whether that happened).
//!
//! ```
//! use qalign::input::{Encoding, check_pair, decode};
//! use qalign::{Aligner, error::Side};
//!
//! let ar = decode(b"\xEF\xBB\xBF\xD9\x82\xD8\xA7\xD9\x84.", Side::Source)?; // UTF-8 with a BOM: "قال."
//! let en = decode(b"\xFF\xFEH\0e\0 \0s\0a\0i\0d\0.\0", Side::Target)?; // UTF-16 LE: "He said."
//! assert_eq!((ar.encoding, en.encoding), (Encoding::Utf8Bom, Encoding::Utf16Le));
//! assert_eq!(en.text, "He said.");
//! check_pair(&ar.text, &en.text)?;
//! let alignment = Aligner::new().align(&ar.text, &en.text)?;
//! assert_eq!(alignment.beads[0].src_spans[0].start, 3); // after the BOM, as in the file
//! # Ok::<(), qalign::Error>(())
//! ```

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result, Side};
use crate::lang::Lang;
use crate::text::normalize::is_blank;
use crate::text::{arabic_block_offset, is_arabic_letter, is_letter};

/// The encoding [`decode`] found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Encoding {
    /// UTF-8 without a byte-order mark.
    Utf8,
    /// UTF-8 starting with a byte-order mark, which is kept in the text.
    Utf8Bom,
    /// UTF-16 little-endian with a byte-order mark, transcoded to UTF-8 without it.
    Utf16Le,
    /// UTF-16 big-endian with a byte-order mark, transcoded to UTF-8 without it.
    Utf16Be,
    /// The Windows Arabic code page, transcoded to UTF-8.
    #[serde(rename = "windows-1256")]
    Windows1256,
    /// ISO-8859-6 (Latin/Arabic), transcoded to UTF-8.
    #[serde(rename = "iso-8859-6")]
    Iso8859_6,
}

impl Encoding {
    /// The encoding a name stands for (any of the WHATWG labels, such as `cp1256` or `arabic`), among
    /// those [`decode_as`] reads: UTF-8, UTF-16LE, UTF-16BE and the two Arabic code pages.
    ///
    /// ```
    /// use qalign::input::Encoding;
    ///
    /// assert_eq!(Encoding::from_label("cp1256"), Some(Encoding::Windows1256));
    /// assert_eq!(Encoding::from_label("ISO-8859-6"), Some(Encoding::Iso8859_6));
    /// assert_eq!(Encoding::from_label("shift_jis"), None);
    /// ```
    pub fn from_label(label: &str) -> Option<Encoding> {
        let found = encoding_rs::Encoding::for_label(label.trim().as_bytes())?;
        [Encoding::Utf8, Encoding::Utf16Le, Encoding::Utf16Be, Encoding::Windows1256, Encoding::Iso8859_6]
            .into_iter()
            .find(|e| e.codec() == found)
    }

    fn codec(self) -> &'static encoding_rs::Encoding {
        match self {
            Encoding::Utf8 | Encoding::Utf8Bom => encoding_rs::UTF_8,
            Encoding::Utf16Le => encoding_rs::UTF_16LE,
            Encoding::Utf16Be => encoding_rs::UTF_16BE,
            Encoding::Windows1256 => encoding_rs::WINDOWS_1256,
            Encoding::Iso8859_6 => encoding_rs::ISO_8859_6,
        }
    }
}

/// A decoded input.
///
/// ```
/// use qalign::input::{Encoding, decode_lossy};
///
/// let decoded = decode_lossy(b"caf\xE9 ok");
/// assert_eq!(decoded.text, "caf\u{FFFD} ok");
/// assert_eq!((decoded.encoding, decoded.replaced), (Encoding::Utf8, 1));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Decoded {
    /// The text. A UTF-8 byte-order mark is kept so that byte offsets match the input's.
    pub text: String,
    /// The encoding found.
    pub encoding: Encoding,
    /// How many invalid sequences were replaced by U+FFFD (always 0 from [`decode`]).
    pub replaced: usize,
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Decodes an input file's bytes, strictly.
///
/// UTF-8 (a leading byte-order mark is kept) and UTF-16 in either byte order with a byte-order mark
/// are accepted. NUL bytes are accepted in UTF-8, since the segmenter and normalizer treat them as
/// blank, unless they fill every other byte as in UTF-16 text without a byte-order mark.
///
/// ```
/// use qalign::{Error, input::decode, error::Side};
///
/// let err = decode(b"ok \xC3\x28", Side::Target).unwrap_err();
/// assert!(matches!(err, Error::InvalidUtf8 { side: Side::Target, offset: 3 }));
/// assert_eq!(err.to_string(), "target (English) document is not valid UTF-8: invalid byte at offset 3");
/// ```
///
/// # Errors
/// [`Error::InvalidUtf8`] with the offset of the first invalid byte, [`Error::InvalidUtf16`] for a
/// bad UTF-16 code unit, [`Error::Utf16WithoutBom`] for UTF-16 text without a byte-order mark.
pub fn decode(bytes: &[u8], side: Side) -> Result<Decoded> {
    decode_owned(bytes.to_vec(), side)
}

/// Like [`decode`], but takes the bytes: UTF-8 input becomes the text as it is, without a copy.
///
/// ```
/// use qalign::{input::{decode, decode_owned}, error::Side};
///
/// let bytes = b"\xEF\xBB\xBF\xD9\x82\xD8\xA7\xD9\x84.".to_vec();
/// assert_eq!(decode_owned(bytes.clone(), Side::Source)?, decode(&bytes, Side::Source)?);
/// # Ok::<(), qalign::Error>(())
/// ```
///
/// # Errors
/// As [`decode`].
pub fn decode_owned(bytes: Vec<u8>, side: Side) -> Result<Decoded> {
    if let Some(big_endian) = utf16_bom(&bytes) {
        let (text, bad, _) = decode_utf16(&bytes[2..], big_endian);
        if let Some(at) = bad {
            return Err(Error::InvalidUtf16 { side, offset: at + 2 });
        }
        return Ok(Decoded { text, encoding: utf16_encoding(big_endian), replaced: 0 });
    }
    if let Some(kind) = binary_kind(&bytes) {
        return Err(Error::NotText { side, kind });
    }
    if looks_like_utf16(&bytes) {
        return Err(Error::Utf16WithoutBom { side });
    }
    let encoding = utf8_encoding(&bytes);
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Decoded { text, encoding, replaced: 0 }),
        Err(e) => match legacy_arabic(e.as_bytes()) {
            Some(decoded) => Ok(decoded),
            None => Err(Error::InvalidUtf8 { side, offset: e.utf8_error().valid_up_to() }),
        },
    }
}

/// The fewest bytes that are not UTF-8 (at most one per Arabic letter) for a code page to be guessed.
const MIN_LEGACY_LETTERS: usize = 8;

/// Bytes that are not UTF-8 read in the Arabic code page where they make Arabic text: the one of
/// Windows-1256 and ISO-8859-6 that decodes every byte and gives the most Arabic letters, if those
/// are most of its letters. The two share the code points of the first 22 letters; the others
/// fall on accented Latin letters, or on unassigned bytes, in the wrong one.
fn legacy_arabic(bytes: &[u8]) -> Option<Decoded> {
    // UTF-8 with a few bad bytes is not a code page: there, Arabic letters (0xC1 on) rarely form a
    // valid UTF-8 sequence, so invalid sequences outnumber valid non-ASCII characters ten to one.
    let (mut valid, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        valid += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    if invalid < MIN_LEGACY_LETTERS || invalid < 10 * valid {
        return None;
    }
    [Encoding::Windows1256, Encoding::Iso8859_6]
        .into_iter()
        .filter_map(|encoding| {
            let (text, had_errors) = encoding.codec().decode_without_bom_handling(bytes);
            let counts = ScriptCounts::of(&text);
            (!had_errors && counts.share(Lang::Arabic).is_some_and(|share| share > 0.5))
                .then(|| (counts.arabic, Decoded { text: text.into_owned(), encoding, replaced: 0 }))
        })
        // The first of equals, Windows-1256, is the more common.
        .reduce(|best, next| if next.0 > best.0 { next } else { best })
        .map(|(_, decoded)| decoded)
}

/// Decodes bytes in a given encoding (`--encoding NAME`), strictly; a UTF-8 or UTF-16 byte-order
/// mark is dropped.
///
/// ```
/// use qalign::error::Side;
/// use qalign::input::{Encoding, decode_as};
///
/// // "قال" in Windows-1256.
/// let decoded = decode_as(b"\xDE\xC7\xE1", Encoding::Windows1256, Side::Source)?;
/// assert_eq!(decoded.text, "قال");
/// # Ok::<(), qalign::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidEncoding`] at the first byte the encoding does not map.
pub fn decode_as(bytes: &[u8], encoding: Encoding, side: Side) -> Result<Decoded> {
    let codec = encoding.codec();
    let (text, _, had_errors) = codec.decode(bytes);
    if had_errors {
        // Decoded again without replacement, to find where.
        let bom = encoding_rs::Encoding::for_bom(bytes).map_or(0, |(_, len)| len);
        let mut decoder = codec.new_decoder_without_bom_handling();
        let room = decoder.max_utf8_buffer_length_without_replacement(bytes.len()).unwrap_or(bytes.len() * 3);
        let mut out = String::with_capacity(room);
        let (result, read) = decoder.decode_to_string_without_replacement(&bytes[bom..], &mut out, true);
        let offset = match result {
            encoding_rs::DecoderResult::Malformed(bad, after) => {
                bom + read - usize::from(bad) - usize::from(after)
            }
            _ => bom + read,
        };
        return Err(Error::InvalidEncoding { side, encoding: codec.name(), offset });
    }
    Ok(Decoded { text: text.into_owned(), encoding, replaced: 0 })
}

/// Decodes an input file's bytes, replacing whatever is invalid by U+FFFD (one per invalid UTF-8
/// sequence or UTF-16 code unit). Never fails; UTF-16 without a byte-order mark is read as UTF-8,
/// its NUL bytes then count as blank.
pub fn decode_lossy(bytes: &[u8]) -> Decoded {
    if let Some(big_endian) = utf16_bom(bytes) {
        let (text, _, replaced) = decode_utf16(&bytes[2..], big_endian);
        return Decoded { text, encoding: utf16_encoding(big_endian), replaced };
    }
    let mut text = String::with_capacity(bytes.len());
    let mut replaced = 0;
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        if !chunk.invalid().is_empty() {
            text.push('\u{FFFD}');
            replaced += 1;
        }
    }
    Decoded { text, encoding: utf8_encoding(bytes), replaced }
}

fn utf8_encoding(bytes: &[u8]) -> Encoding {
    if bytes.starts_with(UTF8_BOM) { Encoding::Utf8Bom } else { Encoding::Utf8 }
}

fn utf16_encoding(big_endian: bool) -> Encoding {
    if big_endian { Encoding::Utf16Be } else { Encoding::Utf16Le }
}

/// `Some(true)` for a big-endian UTF-16 byte-order mark, `Some(false)` for a little-endian one.
fn utf16_bom(bytes: &[u8]) -> Option<bool> {
    match bytes {
        [0xFE, 0xFF, ..] => Some(true),
        [0xFF, 0xFE, ..] => Some(false),
        _ => None,
    }
}

/// The code units of UTF-16 `bytes` (after the byte-order mark); an odd last byte is yielded as
/// `None`.
fn code_units(bytes: &[u8], big_endian: bool) -> impl Iterator<Item = Option<u16>> + '_ {
    bytes.chunks(2).map(move |pair| match pair {
        [a, b] => Some(if big_endian { u16::from_be_bytes([*a, *b]) } else { u16::from_le_bytes([*a, *b]) }),
        _ => None,
    })
}

/// Decodes UTF-16 `bytes`, replacing invalid code units; also returns the byte offset (into
/// `bytes`) of the first invalid one and how many were replaced.
fn decode_utf16(bytes: &[u8], big_endian: bool) -> (String, Option<usize>, usize) {
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 2);
    let mut first_bad = None;
    let mut replaced = 0;
    let units = code_units(bytes, big_endian).map(|u| u.unwrap_or(0xD800));
    let mut at = 0;
    for c in char::decode_utf16(units) {
        match c {
            Ok(c) => {
                text.push(c);
                at += 2 * c.len_utf16();
            }
            Err(_) => {
                text.push('\u{FFFD}');
                first_bad.get_or_insert(at);
                replaced += 1;
                at += 2;
            }
        }
    }
    (text, first_bad, replaced)
}

/// Whether `bytes` look like UTF-16 without a byte-order mark: the bytes at even (big-endian) or
/// odd (little-endian) positions, the high bytes of the code units, are NUL in over a quarter of
/// them (Latin text) or NUL and 0x06 (the Arabic block) in nine tenths with 0x06 in over a quarter
/// (Arabic text, where spaces and punctuation are the only NULs), and almost no byte at the other
/// positions is NUL. Only the first 64 KiB are read.
pub(crate) fn looks_like_utf16(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1 << 16)];
    if head.len() < 4 {
        return false;
    }
    let pairs = head.len() / 2;
    let count = |from: usize, byte: u8| head.iter().skip(from).step_by(2).filter(|&&b| b == byte).count();
    let high_bytes = |from: usize| {
        let (nul, arabic) = (count(from, 0), count(from, 0x06));
        let other_nul = count(1 - from, 0);
        other_nul * 50 <= pairs
            && (nul * 4 > pairs || (arabic * 4 > pairs && (nul + arabic) * 10 >= pairs * 9))
    };
    high_bytes(0) || high_bytes(1)
}

/// Magic numbers of files that are not text, with what they are.
const MAGIC: [(&[u8], &str); 8] = [
    (b"\x1F\x8B", "a gzip archive"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a Word, Excel or OpenDocument file)"),
    (b"\x7FELF", "an executable (ELF)"),
    (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "an old Microsoft Office document"),
    (b"BZh", "a bzip2 archive"),
    (b"\xFD7zXZ\x00", "an xz archive"),
    (b"\x28\xB5\x2F\xFD", "a zstd archive"),
];

/// What `bytes` are when they are not text: a file format told by its magic number, or binary data
/// when over a tenth of the first 64 KiB are NUL bytes at both even and odd positions (UTF-16 text
/// has them at one only). The first 64 KiB of a file are enough to tell. [`decode`] fails with
/// [`Error::NotText`] on such bytes.
///
/// ```
/// use qalign::input::binary_kind;
///
/// assert_eq!(binary_kind(b"%PDF-1.4\n"), Some("a PDF document"));
/// assert_eq!(binary_kind(&[0; 64]), Some("binary data"));
/// assert_eq!(binary_kind("قال الوزير.".as_bytes()), None);
/// ```
pub fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    if let Some(&(_, kind)) = MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        // `BZh` also starts English words ("BZh..." is rare but possible): a bzip2 header has a
        // block size digit then the block magic.
        if !kind.contains("bzip2")
            || bytes.get(3).is_some_and(u8::is_ascii_digit) && bytes.get(4) == Some(&0x31)
        {
            return Some(kind);
        }
    }
    let head = &bytes[..bytes.len().min(1 << 16)];
    let nul = |from: usize| head.iter().skip(from).step_by(2).filter(|&&b| b == 0).count();
    let half = head.len() / 2;
    (half > 0 && nul(0) * 10 > half && nul(1) * 10 > half).then_some("binary data")
}

/// Blanks HTML markup out of `text` without moving any byte: the result has the same length and
/// every character outside markup stays at its offset, so spans into it are spans into `text`.
///
/// Tags (`<…>`), comments (`<!-- … -->`) and the contents of `<script>` and `<style>` become
/// spaces, except that a tag which breaks a block (`p`, `br`, `div`, `li`, `h1`…`h6`, `tr`, `td`,
/// `title`, `blockquote`, …) starts with a newline, so paragraphs stay paragraphs. A character
/// reference (`&amp;`, `&#39;`, `&#x627;`, `&nbsp;`) becomes its character followed by invisible
/// characters that hold no text (soft hyphens U+00AD and a word joiner U+2060) up to the reference's
/// length, so that references inside a word (`&#1575;&#x644;`) keep it one word; references not
/// known, or whose character is longer than the reference, are left as they are. A `<` that does
/// not open a tag (`a < b`) is text.
///
/// ```
/// use qalign::input::strip_html;
///
/// let html = "<p>He said &quot;yes&quot;.</p><p>It&#39;s done.</p>";
/// let text = strip_html(html);
/// assert_eq!(text.len(), html.len());
/// let visible: String = text.chars().filter(|&c| c != '\u{AD}' && c != '\u{2060}').collect();
/// assert_eq!(visible, "\n  He said \"yes\".\n   \n  It's done.\n   ");
/// ```
pub fn strip_html(text: &str) -> String {
    strip_html_checked(text).0
}

/// Markup that [`strip_html_checked`] found open at the end of the text: everything after it was
/// blanked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Unterminated {
    /// Byte offset of the markup's start.
    pub at: usize,
    /// What was left open: `comment` (`<!--` with no `-->`), `script` or `style` (no closing tag).
    pub what: &'static str,
}

/// [`strip_html`], also saying whether a comment, `script` or `style` element was left open, which
/// blanks the rest of the text: a program stripping a file should say so.
///
/// ```
/// use qalign::input::strip_html_checked;
///
/// let (text, open) = strip_html_checked("قال الوزير. <!-- note\nوزار بغداد.");
/// assert_eq!(text.trim_end(), "قال الوزير.");
/// assert_eq!(open.map(|u| (u.at, u.what)), Some((21, "comment")));
/// assert_eq!(strip_html_checked("<script>x()</script>ok").1, None);
/// ```
pub fn strip_html_checked(text: &str) -> (String, Option<Unterminated>) {
    let mut unterminated = None;
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    // Text between tags is copied a run at a time.
    let mut copied = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'<' => {
                let Some(len) = markup_len(text, i) else {
                    i += 1;
                    continue;
                };
                out.push_str(&text[copied..i]);
                let block = breaks_block(&text[i..i + len]);
                blank(&mut out, &text[i..i + len], block);
                if text[i..].starts_with("<!--") && !text[i..i + len].ends_with("-->") {
                    unterminated = Some(Unterminated { at: i, what: "comment" });
                }
                i += len;
                // The contents of script and style are not text.
                if let Some(name) = raw_text_element(&text[i - len..i]) {
                    let end = find_closing_tag(text, i, name);
                    if end == text.len() && i < text.len() {
                        unterminated = Some(Unterminated { at: i - len, what: name });
                    }
                    blank(&mut out, &text[i..end], false);
                    i = end;
                }
                copied = i;
            }
            b'&' => {
                let Some((len, c)) = character_reference(&text[i..]) else {
                    i += 1;
                    continue;
                };
                out.push_str(&text[copied..i]);
                out.push(c);
                pad_invisibly(&mut out, len - c.len_utf8());
                i += len;
                copied = i;
            }
            _ => i += 1,
        }
    }
    out.push_str(&text[copied..]);
    (out, unterminated)
}

/// Appends `bytes` bytes of characters that hold no text and break no word: word joiners (U+2060,
/// three bytes) and soft hyphens (U+00AD, two bytes); a single byte, which no reference leaves, is a
/// space.
fn pad_invisibly(out: &mut String, mut bytes: usize) {
    if bytes == 1 {
        out.push(' ');
        return;
    }
    if bytes % 2 == 1 {
        out.push('\u{2060}');
        bytes -= 3;
    }
    out.extend(std::iter::repeat_n('\u{AD}', bytes / 2));
}

/// Appends `markup` blanked to `out`: spaces of the same byte length, line breaks kept, and a
/// newline first when `block` is set.
fn blank(out: &mut String, markup: &str, block: bool) {
    for (k, c) in markup.char_indices() {
        let fill = if (k == 0 && block) || c == '\n' { '\n' } else { ' ' };
        out.extend(std::iter::repeat_n(fill, 1).chain(std::iter::repeat_n(' ', c.len_utf8() - 1)));
    }
}

/// The byte length of the tag, comment, doctype or processing instruction starting at `text[at]`
/// (a `<`), or `None` when the `<` does not open markup.
fn markup_len(text: &str, at: usize) -> Option<usize> {
    let rest = &text[at..];
    let next = rest.as_bytes().get(1).copied()?;
    if rest.starts_with("<!--") {
        return Some(rest.find("-->").map_or(rest.len(), |end| end + 3));
    }
    if !(next.is_ascii_alphabetic() || matches!(next, b'/' | b'!' | b'?')) {
        return None;
    }
    // A tag ends at the first `>` outside quotes; no `>` before the next `<` means it was not a
    // tag (which also keeps the scan linear: no byte is scanned from two `<`).
    let mut quote = None;
    for (k, b) in rest.bytes().enumerate().skip(1) {
        match (quote, b) {
            (_, b'<') => return None,
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if q == b => quote = None,
            (None, b'>') => return Some(k + 1),
            _ => {}
        }
    }
    None
}

/// The lowercase ASCII name of a tag (`<P class=x>` → `p`, `</div>` → `div`), at most 16 bytes.
fn tag_name(tag: &str) -> String {
    tag.trim_start_matches('<')
        .trim_start_matches('/')
        .bytes()
        .take_while(u8::is_ascii_alphanumeric)
        .take(16)
        .map(|b| char::from(b.to_ascii_lowercase()))
        .collect()
}

/// Tags that break a block of text.
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "caption",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "td",
    "th",
    "title",
    "tr",
    "ul",
];

fn breaks_block(tag: &str) -> bool {
    BLOCK_TAGS.contains(&tag_name(tag).as_str())
}

/// `Some(name)` when `tag` opens a `script` or `style` element, whose contents are not text.
fn raw_text_element(tag: &str) -> Option<&'static str> {
    if tag.starts_with("</") || tag.ends_with("/>") {
        return None;
    }
    match tag_name(tag).as_str() {
        "script" => Some("script"),
        "style" => Some("style"),
        _ => None,
    }
}

/// The byte offset of the `</name` closing tag at or after `from`, or the end of `text`.
fn find_closing_tag(text: &str, from: usize, name: &str) -> usize {
    let bytes = text.as_bytes();
    let mut i = from;
    while let Some(k) = text[i..].find("</") {
        let at = i + k;
        let after = &bytes[at + 2..];
        if after.len() >= name.len() && after[..name.len()].eq_ignore_ascii_case(name.as_bytes()) {
            return at;
        }
        i = at + 2;
    }
    text.len()
}

/// Named character references decoded by [`strip_html`].
const ENTITIES: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{A0}'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("hellip", '…'),
    ("shy", '\u{AD}'),
    ("zwnj", '\u{200C}'),
    ("zwj", '\u{200D}'),
    ("lrm", '\u{200E}'),
    ("rlm", '\u{200F}'),
];

/// The length and character of the character reference at the start of `text` (`&amp;`, `&#39;`,
/// `&#x627;`), if it is one and its character is no longer than it.
fn character_reference(text: &str) -> Option<(usize, char)> {
    let end = text.as_bytes().iter().take(12).position(|&b| b == b';')?;
    let body = &text[1..end];
    let c = if let Some(number) = body.strip_prefix('#') {
        let value = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        char::from_u32(value).filter(|&c| c != '\0')?
    } else {
        ENTITIES.iter().find(|(name, _)| *name == body).map(|&(_, c)| c)?
    };
    (c.len_utf8() <= end + 1).then_some((end + 1, c))
}

/// Fails with [`Error::EmptyInput`] when `text` holds no text: it is empty or only whitespace,
/// controls (NUL…) and invisible marks (bidi controls, the BOM).
///
/// ```
/// use qalign::{Error, input::check_text, error::Side};
///
/// assert!(check_text("Hello.", Side::Target).is_ok());
/// let err = check_text(" \u{FEFF}\r\n\t", Side::Source).unwrap_err();
/// assert!(matches!(err, Error::EmptyInput { side: Side::Source }));
/// assert_eq!(err.to_string(), "source (Arabic) document is empty");
/// ```
///
/// # Errors
/// [`Error::EmptyInput`].
pub fn check_text(text: &str, side: Side) -> Result<()> {
    if text.chars().all(is_blank) { Err(Error::EmptyInput { side }) } else { Ok(()) }
}

/// How many letters of the Arabic and of the Latin script a text holds.
///
/// ```
/// use qalign::input::ScriptCounts;
///
/// let counts = ScriptCounts::of("قال Rogozin: ٢٠١٤");
/// assert_eq!((counts.arabic, counts.latin), (3, 7));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ScriptCounts {
    /// Letters of the Arabic script (Arabic, its supplements and presentation forms).
    pub arabic: usize,
    /// Letters of the Latin script.
    pub latin: usize,
}

/// Texts longer than this are counted in pieces of about this many bytes, in parallel.
const COUNT_PIECE_BYTES: usize = 1 << 20;

impl ScriptCounts {
    /// Counts the letters of `text` (a long text in pieces, in parallel).
    pub fn of(text: &str) -> ScriptCounts {
        use rayon::prelude::*;
        if text.len() <= COUNT_PIECE_BYTES {
            return ScriptCounts::of_piece(text);
        }
        let mut pieces = Vec::new();
        let mut start = 0;
        while start < text.len() {
            let mut end = (start + COUNT_PIECE_BYTES).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            pieces.push(&text[start..end]);
            start = end;
        }
        pieces.par_iter().map(|piece| ScriptCounts::of_piece(piece)).reduce(ScriptCounts::default, |a, b| {
            ScriptCounts { arabic: a.arabic + b.arabic, latin: a.latin + b.latin }
        })
    }

    /// Counts the letters of `text` on this thread.
    fn of_piece(text: &str) -> ScriptCounts {
        let mut counts = ScriptCounts::default();
        let bytes = text.as_bytes();
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            if b.is_ascii() {
                // A run of ASCII at once: its letters are Latin.
                let run = bytes[i..].iter().position(|b| !b.is_ascii()).unwrap_or(bytes.len() - i);
                counts.latin += bytes[i..i + run].iter().filter(|b| b.is_ascii_alphabetic()).count();
                i += run;
                continue;
            }
            if let Some(k) = bytes.get(i + 1).and_then(|&next| arabic_block_offset(b, next)) {
                // U+0600 to U+06FF, two bytes: its letters are Arabic.
                counts.arabic += usize::from(char::from_u32(0x0600 + k as u32).is_some_and(is_letter));
                i += 2;
                continue;
            }
            let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            if is_letter(c) {
                if is_arabic_letter(c) {
                    counts.arabic += 1;
                } else if is_latin_letter(c) {
                    counts.latin += 1;
                }
            }
            i += c.len_utf8();
        }
        counts
    }

    /// The share of the counted letters that are in the script of `lang`, from 0 to 1; `None` when
    /// there are none.
    pub fn share(&self, lang: Lang) -> Option<f64> {
        let total = self.arabic + self.latin;
        let own = match lang {
            Lang::Arabic => self.arabic,
            Lang::English => self.latin,
        };
        (total > 0).then(|| own as f64 / total as f64)
    }
}

fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || matches!(c, '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}')
}

/// Fails with [`Error::WrongScript`] when most of the Arabic and Latin letters of `text` are not
/// in the script of `lang` (Arabic script for [`Lang::Arabic`], Latin for [`Lang::English`]). A
/// text with no such letters (only digits, say) passes. The aligner does not call this: programs
/// that read files call it, and let their user go on anyway.
///
/// ```
/// use qalign::{Error, input::check_script, document::Lang, error::Side};
///
/// assert!(check_script("قال روجوزين إن Gazprom ستبني.", Lang::Arabic, Side::Source).is_ok());
/// let err = check_script("Rogozin said so.", Lang::Arabic, Side::Source).unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "source (Arabic) document is not in Arabic: 0% of its 13 Arabic and Latin letters are Arabic"
/// );
/// ```
///
/// # Errors
/// [`Error::WrongScript`].
pub fn check_script(text: &str, lang: Lang, side: Side) -> Result<()> {
    let counts = ScriptCounts::of(text);
    match counts.share(lang) {
        Some(share) if share < 0.5 => Err(Error::WrongScript {
            side,
            expected: lang,
            script: match lang {
                Lang::Arabic => "Arabic",
                Lang::English => "Latin",
            },
            share: 100.0 * share,
            letters: counts.arabic + counts.latin,
        }),
        _ => Ok(()),
    }
}

/// Checks a document pair before alignment: both hold text ([`check_text`]), the Arabic document
/// is in Arabic script and the English one in Latin script ([`check_script`]).
///
/// ```
/// use qalign::{Error, input::check_pair};
///
/// assert!(check_pair("قال الوزير.", "The minister said.").is_ok());
/// assert!(matches!(check_pair("The minister said.", "قال الوزير."), Err(Error::Swapped)));
/// ```
///
/// # Errors
/// [`Error::EmptyInput`] naming the first empty side; [`Error::Swapped`] when each document is in
/// the other's script; otherwise [`Error::WrongScript`] naming the side in the wrong script (both
/// documents in one language).
pub fn check_pair(ar: &str, en: &str) -> Result<()> {
    check_text(ar, Side::Source)?;
    check_text(en, Side::Target)?;
    let (src, tgt) = rayon::join(
        || check_script(ar, Lang::Arabic, Side::Source),
        || check_script(en, Lang::English, Side::Target),
    );
    match (src, tgt) {
        (Err(_), Err(_)) => Err(Error::Swapped),
        (Err(e), _) | (_, Err(e)) => Err(e),
        _ => Ok(()),
    }
}

/// How [`read`] turns a document's bytes into text, as `qalign align`'s `--encoding`, `--lossy` and
/// `--strip-html` do. The default decodes strictly, finding the encoding ([`decode`]), and keeps
/// markup.
///
/// ```
/// use qalign::input::{Encoding, ReadOptions, read};
/// use qalign::error::Side;
///
/// let options = ReadOptions::new().encoding(Encoding::Utf8).strip_html(true);
/// let text = read(b"<p>He said.</p>".to_vec(), Side::Target, options)?;
/// assert_eq!(text.text.trim(), "He said.");
/// # Ok::<(), qalign::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReadOptions {
    encoding: Option<Encoding>,
    lossy: bool,
    strip_html: bool,
}

impl ReadOptions {
    /// The defaults: strict decoding, the encoding found, markup kept.
    pub fn new() -> ReadOptions {
        ReadOptions::default()
    }

    /// Reads `encoding` ([`decode_as`]) instead of finding the encoding. Default: found by
    /// [`decode`]. It takes precedence over [`ReadOptions::lossy`].
    pub fn encoding(mut self, encoding: Encoding) -> ReadOptions {
        self.encoding = Some(encoding);
        self
    }

    /// Replaces invalid sequences by U+FFFD ([`decode_lossy`]) instead of failing. Default false.
    pub fn lossy(mut self, lossy: bool) -> ReadOptions {
        self.lossy = lossy;
        self
    }

    /// Blanks HTML markup out without moving any byte ([`strip_html_checked`]). Default false.
    pub fn strip_html(mut self, strip_html: bool) -> ReadOptions {
        self.strip_html = strip_html;
        self
    }
}

/// A document read by [`read`]: its text and what reading it found.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ReadText {
    /// The text (spans of an alignment are byte offsets into it; see the module's *Byte offsets*).
    pub text: String,
    /// The encoding read.
    pub encoding: Encoding,
    /// How many invalid sequences a lossy reading replaced.
    pub replaced: usize,
    /// Markup left open, which blanked the rest of the text, when markup was stripped.
    pub unterminated: Option<Unterminated>,
}

/// Reads one document's bytes into text as `qalign align` reads a file: decoded as `options` say,
/// then HTML blanked if asked. The text is not checked: see [`check_text`] and [`check_pair`], or
/// [`read_pair`] for both.
///
/// ```
/// use qalign::input::{Encoding, ReadOptions, read};
/// use qalign::error::Side;
///
/// let text = read(b"\xFF\xFEH\0i\0.\0".to_vec(), Side::Target, ReadOptions::new())?;
/// assert_eq!((text.text.as_str(), text.encoding), ("Hi.", Encoding::Utf16Le));
/// let lossy = read(b"caf\xE9.".to_vec(), Side::Target, ReadOptions::new().lossy(true))?;
/// assert_eq!(lossy.replaced, 1);
/// # Ok::<(), qalign::Error>(())
/// ```
///
/// # Errors
/// As [`decode`] (or [`decode_as`] with an encoding set); none when lossy.
pub fn read(bytes: Vec<u8>, side: Side, options: ReadOptions) -> Result<ReadText> {
    let decoded = match options.encoding {
        Some(encoding) => decode_as(&bytes, encoding, side)?,
        None if options.lossy => decode_lossy(&bytes),
        None => decode_owned(bytes, side)?,
    };
    let Decoded { text, encoding, replaced } = decoded;
    let (text, unterminated) = if options.strip_html { strip_html_checked(&text) } else { (text, None) };
    Ok(ReadText { text, encoding, replaced, unterminated })
}

/// Reads the Arabic and the English documents' bytes ([`read`]) and checks the pair as `qalign
/// align` does without `--force` ([`check_pair`]): neither is empty, each is in its language's
/// script, and they are not swapped. [`Aligner::align_bytes`](crate::Aligner::align_bytes) aligns
/// what it reads.
///
/// ```
/// use qalign::input::{ReadOptions, read_pair};
/// use qalign::Error;
///
/// let (ar, en) = read_pair("قال الوزير.".into(), b"The minister said.".to_vec(), ReadOptions::new())?;
/// assert_eq!((ar.text.as_str(), en.text.as_str()), ("قال الوزير.", "The minister said."));
/// let swapped = read_pair(b"The minister said.".to_vec(), "قال الوزير.".into(), ReadOptions::new());
/// assert!(matches!(swapped, Err(Error::Swapped)));
/// # Ok::<(), qalign::Error>(())
/// ```
///
/// # Errors
/// As [`read`], the Arabic document's first, then as [`check_pair`].
pub fn read_pair(ar: Vec<u8>, en: Vec<u8>, options: ReadOptions) -> Result<(ReadText, ReadText)> {
    let (ar, en) = rayon::join(|| read(ar, Side::Source, options), || read(en, Side::Target, options));
    let (ar, en) = (ar?, en?);
    check_pair(&ar.text, &en.text)?;
    Ok((ar, en))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Named cases: (name, bytes, decoded text or the error's byte offset).
    const DECODE_CASES: &[(&str, &[u8], std::result::Result<&str, usize>)] = &[
        ("empty", b"", Ok("")),
        ("ascii", b"He said.", Ok("He said.")),
        ("bom kept", b"\xEF\xBB\xBFok", Ok("\u{FEFF}ok")),
        ("bom only", b"\xEF\xBB\xBF", Ok("\u{FEFF}")),
        ("utf-16 le", b"\xFF\xFE\x42\x06\x27\x06", Ok("قا")),
        ("utf-16 be", b"\xFE\xFF\x06\x42\x06\x27", Ok("قا")),
        ("utf-16 bom only", b"\xFF\xFE", Ok("")),
        ("utf-16 surrogate pair", b"\xFF\xFE\x3D\xD8\x00\xDE", Ok("😀")),
        ("a few nul bytes", b"a\0b\0\0c. Next one here.", Ok("a\0b\0\0c. Next one here.")),
        ("lone continuation byte", b"ab\x80", Err(2)),
        ("truncated sequence", b"\xD9", Err(0)),
        ("overlong encoding", b"x\xC0\xAF", Err(1)),
        ("utf-16 odd length", b"\xFF\xFEa\0b", Err(4)),
        ("utf-16 lone low surrogate", b"\xFE\xFF\x00a\xDC\x00", Err(4)),
    ];

    #[test]
    fn decode_cases() {
        for &(name, bytes, want) in DECODE_CASES {
            let got = decode(bytes, Side::Source);
            match (want, got) {
                (Ok(text), Ok(d)) => assert_eq!(d.text, text, "case {name:?}"),
                (Err(at), Err(Error::InvalidUtf8 { offset, .. } | Error::InvalidUtf16 { offset, .. })) => {
                    assert_eq!(offset, at, "case {name:?}")
                }
                (want, got) => panic!("case {name:?}: want {want:?}, got {got:?}"),
            }
            // Decoding owned bytes agrees in every case.
            assert_eq!(
                decode_owned(bytes.to_vec(), Side::Source).ok(),
                decode(bytes, Side::Source).ok(),
                "case {name:?}"
            );
            // Lossy decoding agrees wherever strict decoding succeeds.
            if let Ok(text) = want {
                assert_eq!(decode_lossy(bytes).text, text, "case {name:?}");
            }
        }
    }

    #[test]
    fn utf16_guess_needs_many_nuls_on_one_side() {
        assert!(looks_like_utf16(b"H\0e\0l\0l\0o\0"));
        assert!(looks_like_utf16(b"\0H\0e\0l\0l\0o"));
        assert!(!looks_like_utf16(b"a\0b\0\0c. Next one here, with more text."));
        assert!(!looks_like_utf16("قال الوزير".as_bytes()));
        assert!(!looks_like_utf16(b"\0\0\0\0\0\0"));
    }

    #[test]
    fn utf16_arabic_without_a_mark_is_recognized() {
        // Regression: Arabic UTF-16 has NUL high bytes only for spaces and punctuation (about 18 %).
        let text = "قال الوزير إن الحرب انتهت في المدينة.";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert!(looks_like_utf16(&le) && looks_like_utf16(&be));
        assert!(matches!(decode(&le, Side::Source), Err(Error::Utf16WithoutBom { side: Side::Source })));
        // UTF-8 Arabic is not UTF-16.
        assert!(!looks_like_utf16(text.as_bytes()));
    }

    #[test]
    fn arabic_code_pages_are_read() {
        // Regression: rejected as invalid UTF-8, and --lossy "aligned" a column of U+FFFD.
        let text = "قال الوزير إن الحرب انتهت في المدينة يوم الخميس.";
        for encoding in [Encoding::Windows1256, Encoding::Iso8859_6] {
            let (bytes, _, unmappable) = encoding.codec().encode(text);
            assert!(!unmappable);
            let decoded = decode(&bytes, Side::Source).unwrap();
            assert_eq!((decoded.text.as_str(), decoded.encoding), (text, encoding));
            assert_eq!(decode_as(&bytes, encoding, Side::Source).unwrap().text, text);
        }
        // Neither is UTF-8 Arabic with a bad byte.
        let mut utf8 = text.as_bytes().to_vec();
        utf8[5] = 0xFF;
        assert!(matches!(decode(&utf8, Side::Source), Err(Error::InvalidUtf8 { offset: 4, .. })));
        // Latin-1 French is not taken for Arabic.
        assert!(matches!(
            decode(b"caf\xE9 cr\xE8me", Side::Target),
            Err(Error::InvalidUtf8 { offset: 3, .. })
        ));
        // A byte ISO-8859-6 does not map.
        let err = decode_as(b"ab\xA1c", Encoding::Iso8859_6, Side::Source).unwrap_err();
        assert_eq!(
            err.to_string(),
            "source (Arabic) document is not valid ISO-8859-6: invalid byte at offset 2"
        );
    }

    #[test]
    fn files_that_are_not_text_are_named() {
        // Regression: these were all "not valid UTF-8" with the advice to use --lossy.
        let cases: [(&[u8], &str); 5] = [
            (b"\x1F\x8B\x08\x00\x00\x00\x00\x00", "a gzip archive"),
            (b"%PDF-1.7\n%\xE2\xE3\xCF\xD3", "a PDF document"),
            (b"\x7FELF\x02\x01\x01\x00", "an executable (ELF)"),
            (b"PK\x03\x04\x14\x00", "a ZIP archive (or a Word, Excel or OpenDocument file)"),
            (&[0; 4096], "binary data"),
        ];
        for (bytes, kind) in cases {
            let err = decode(bytes, Side::Target).unwrap_err();
            assert!(
                matches!(err, Error::NotText { side: Side::Target, kind: k } if k == kind),
                "{kind}: {err}"
            );
        }
        assert_eq!(
            decode(b"\x1F\x8B\x08", Side::Source).unwrap_err().to_string(),
            "source (Arabic) document is a gzip archive, not text"
        );
        // Text that starts like a magic number is still text.
        assert!(decode(b"BZh is not bzip2.", Side::Target).is_ok());
        assert!(decode(b"PK said so.", Side::Target).is_ok());
    }

    proptest::proptest! {
        #[test]
        fn script_counts_count_each_letter(s in "[\\u{0600}-\\u{06FF}\\u{FB50}-\\u{FEFF}a-zA-Zé ,.0-9]{0,40}|\\PC{0,40}") {
            let letters = s.chars().filter(|&c| is_letter(c));
            let arabic = letters.clone().filter(|&c| is_arabic_letter(c)).count();
            let latin = letters.filter(|&c| !is_arabic_letter(c) && is_latin_letter(c)).count();
            let counts = ScriptCounts::of(&s);
            proptest::prop_assert_eq!((counts.arabic, counts.latin), (arabic, latin));
        }
    }

    #[test]
    fn serde_round_trips() {
        let decoded = decode(b"\xFF\xFEo\0k\0", Side::Target).unwrap();
        let json = serde_json::to_string(&decoded).unwrap();
        assert_eq!(json, r#"{"text":"ok","encoding":"utf16-le","replaced":0}"#);
        assert_eq!(serde_json::from_str::<Decoded>(&json).unwrap(), decoded);
        let counts = ScriptCounts::of("قال Rogozin");
        let json = serde_json::to_string(&counts).unwrap();
        assert_eq!(serde_json::from_str::<ScriptCounts>(&json).unwrap(), counts);
    }

    #[test]
    fn long_texts_are_counted_in_pieces_alike() {
        // Pieces end at the next character boundary: three-byte `€` and two-byte letters straddle
        // every piece's nominal end somewhere in the text.
        let times = 3 * COUNT_PIECE_BYTES / 20;
        let text = "قال Rogozin € é. ".repeat(times);
        assert!(text.len() > 2 * COUNT_PIECE_BYTES);
        assert_eq!(ScriptCounts::of(&text), ScriptCounts::of_piece(&text));
        assert_eq!(ScriptCounts::of(&text), ScriptCounts { arabic: 3 * times, latin: 8 * times });
    }
}
