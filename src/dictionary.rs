//! Bilingual Arabic→English dictionaries read at run time, as hunalign reads the dictionary its user
//! gives it.
//!
//! A [`Dictionary`] is read from a dictd dictionary (such as FreeDict's Arabic–English and
//! English–Arabic dictionaries, which Debian installs under `/usr/share/dictd/`) or from a
//! tab-separated list of pairs. The dictionaries are large and under their own licenses, so qalign
//! ships none: they are read from the user's system.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::io::{self, Read as _};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::error::{Error, Result};
use crate::lang::Lang;
use crate::text::normalize::{is_normalized, normalize};
use crate::text::{is_arabic_letter, is_letter};
use unicode_normalization::char::is_combining_mark;

/// A bilingual Arabic→English dictionary read at run time: for each Arabic form, its English
/// renderings.
///
/// Arabic forms are stored normalized as qalign normalizes text for matching: diacritics and
/// tatweel dropped, the hamza forms of alef folded to `ا`, `ة` to `ه`, `ى` to `ي` and so on (see the
/// crate docs). The article and other clitics are kept as the dictionary writes them: `الكتاب` and
/// `كتاب` are two forms. English renderings are lower-cased with accents folded and whitespace
/// collapsed, without IPA transcriptions (`/…/`), remarks in brackets or a leading `to `. Both sides
/// may be several words. A rendering that comes out empty is dropped, and so is a form left without
/// one.
///
/// Each rendering carries a weight, a probability from 0 to 1: the third column of a tab-separated
/// dictionary, 1.0 for a dictd dictionary. The renderings of a form are kept in the order they were
/// first read (for a dictd dictionary, its order of senses), each once.
///
/// Read one with [`Dictionary::from_file`] (dictd or tab-separated, told apart by the file name),
/// [`Dictionary::from_dictd`] or [`Dictionary::from_tsv`]; [`Dictionary::extend`] merges two.
///
/// ```
/// use qalign::dictionary::Dictionary;
///
/// let mut dictionary = Dictionary::from_tsv("# Arabic<TAB>English<TAB>weight\n\
///                                            كِتَاب\tbook\t0.9\n\
///                                            بيت\thouse\n")?;
/// dictionary.extend(Dictionary::from_tsv("بَيْت\thome\nبيت\tHouse\n")?);
/// assert_eq!(dictionary.len(), 2);
/// let entries: Vec<(&str, &[String])> = dictionary.entries().collect();
/// assert_eq!(entries[0], ("بيت", &["house".to_string(), "home".to_string()][..]));
/// assert_eq!(dictionary.get("كتاب"), Some(&["book".to_string()][..]));
/// assert_eq!(dictionary.weights("كتاب"), Some(&[0.9][..]));
///
/// // A line that is not `arabic<TAB>english[<TAB>weight]` is an error that names it.
/// let error = Dictionary::from_tsv("كتاب\tbook\nبيت house\n").unwrap_err();
/// assert_eq!(error.to_string(), "line 2: expected arabic<TAB>english[<TAB>weight], found no tab");
/// # Ok::<(), qalign::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Dictionary {
    /// The entries, sorted by their Arabic form, each form once.
    entries: Vec<Entry>,
}

/// One Arabic form and its renderings.
#[derive(Clone, Debug, PartialEq)]
struct Entry {
    /// The normalized Arabic form.
    arabic: String,
    /// The English renderings, each once, in the order they were first read.
    english: Vec<String>,
    /// The weight of each rendering, in the same order.
    weights: Vec<f32>,
}

impl Entry {
    /// Adds a rendering, or raises the weight of one the entry already has.
    fn add(&mut self, english: &str, weight: f32) {
        match self.english.iter().position(|e| e == english) {
            Some(i) => self.weights[i] = self.weights[i].max(weight),
            None => {
                self.english.push(english.to_owned());
                self.weights.push(weight);
            }
        }
    }
}

impl Dictionary {
    /// An empty dictionary.
    ///
    /// ```
    /// assert!(qalign::dictionary::Dictionary::new().is_empty());
    /// ```
    pub fn new() -> Dictionary {
        Dictionary::default()
    }

    /// Reads a dictionary from a file, telling its format by the file name.
    ///
    /// - A dictd dictionary is named by either of its files: the index (`NAME.index`) or the data
    ///   (`NAME.dict.dz`, compressed with dictzip or gzip, or a plain `NAME.dict`). The other file is
    ///   looked for beside it. See [`Dictionary::from_dictd`].
    /// - Any other file is read as tab-separated text. See [`Dictionary::from_tsv`].
    ///
    /// # Errors
    ///
    /// [`Error::Read`] when a file cannot be read (or the data does not decompress), and
    /// [`Error::MalformedFile`] naming the file and line that is not in the format.
    ///
    /// ```no_run
    /// let mut dictionary = qalign::dictionary::Dictionary::from_file("/usr/share/dictd/freedict-ara-eng.index")?;
    /// dictionary.extend(qalign::dictionary::Dictionary::from_file("/usr/share/dictd/freedict-eng-ara.dict.dz")?);
    /// # Ok::<(), qalign::Error>(())
    /// ```
    pub fn from_file(path: impl AsRef<Path>) -> Result<Dictionary> {
        let path = path.as_ref();
        let name = path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
        if let Some(stem) = name.strip_suffix(".index") {
            let data = dictd_data_beside(path, stem)?;
            return Dictionary::from_dictd(path, &data);
        }
        if let Some(stem) = name.strip_suffix(".dict.dz").or_else(|| name.strip_suffix(".dict")) {
            return Dictionary::from_dictd(&path.with_file_name(format!("{stem}.index")), path);
        }
        let text = std::fs::read_to_string(path).map_err(|source| read_error(path, source))?;
        Dictionary::from_tsv(&text).map_err(|error| match error {
            Error::MalformedLine { line, message } => {
                Error::MalformedFile { path: path.to_owned(), line, message }
            }
            error => error,
        })
    }

    /// Reads a dictd dictionary from its index and its data file.
    ///
    /// The index has one line per entry, `headword<TAB>offset<TAB>length`, the offset and length of
    /// the entry in the data written in dictd's base 64; the data is plain or compressed with dictzip
    /// (or gzip). Each entry is laid out as FreeDict writes it: the headword on the first line
    /// (with an IPA transcription between slashes), then one gloss per line, numbered or not. The
    /// headword or the glosses may be Arabic, so an English–Arabic dictionary is read inverted.
    ///
    /// Real dictionaries hold more than translations, and the entry is cleaned: a headword or gloss
    /// is cut at ` - ` (an explanation follows), remarks in brackets are dropped, and commas,
    /// semicolons and slashes separate alternatives (`آذار، مارس` gives two forms). An Arabic form
    /// with Latin letters, or without an Arabic letter, is dropped. The dictionary's own entries
    /// (`00database…`) are skipped.
    ///
    /// # Errors
    ///
    /// [`Error::Read`] when a file cannot be read or the data does not decompress, and
    /// [`Error::MalformedFile`] naming the line of the index that is not `headword<TAB>offset<TAB>length`
    /// or points outside the data or at text that is not UTF-8.
    pub fn from_dictd(index: &Path, data: &Path) -> Result<Dictionary> {
        let index_text = std::fs::read_to_string(index).map_err(|source| read_error(index, source))?;
        let data_bytes = read_dictd_data(data)?;
        parse_dictd(&index_text, &data_bytes).map_err(|(line, message)| Error::MalformedFile {
            path: index.to_owned(),
            line,
            message,
        })
    }

    /// Reads a dictionary from tab-separated text: one `arabic<TAB>english[<TAB>weight]` pair per
    /// line, the weight a probability from 0 to 1 (1.0 when absent). Blank lines and lines starting
    /// with `#` are skipped. Each column is one form (a comma in it is part of it).
    ///
    /// # Errors
    ///
    /// [`Error::MalformedLine`] naming the first line with fewer than two or more than three columns,
    /// an empty column, a weight that is not a number from 0 to 1, an Arabic column without an Arabic
    /// letter or an English column in Arabic script.
    pub fn from_tsv(text: &str) -> Result<Dictionary> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut builder = Builder::default();
        for (k, line) in text.lines().enumerate() {
            let malformed = |message: String| Error::MalformedLine { line: k + 1, message };
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let mut columns = line.split('\t');
            let arabic = columns.next().unwrap_or_default().trim();
            let Some(english) = columns.next().map(str::trim) else {
                return Err(malformed("expected arabic<TAB>english[<TAB>weight], found no tab".into()));
            };
            let weight = match columns.next().map(str::trim) {
                None => 1.0,
                Some(w) => match w.parse::<f32>() {
                    Ok(w) if (0.0..=1.0).contains(&w) => w,
                    _ => return Err(malformed(format!("weight `{w}` is not a number from 0 to 1"))),
                },
            };
            if columns.next().is_some() {
                let found = line.split('\t').count();
                return Err(malformed(format!("expected at most 3 tab-separated columns, found {found}")));
            }
            if arabic.is_empty() || english.is_empty() {
                let which = if arabic.is_empty() { "Arabic" } else { "English" };
                return Err(malformed(format!("the {which} column is empty")));
            }
            if !arabic.chars().any(is_arabic_letter) {
                return Err(malformed(format!("the Arabic column `{arabic}` has no Arabic letter")));
            }
            if english.chars().any(is_arabic_letter) {
                return Err(malformed(format!(
                    "the English column `{english}` is in Arabic script (are the columns swapped?)"
                )));
            }
            if let (Some(arabic), Some(english)) = (form(arabic, Lang::Arabic), form(english, Lang::English))
            {
                builder.add(&arabic, &english, weight);
            }
        }
        Ok(builder.finish())
    }

    /// Writes the dictionary as the tab-separated text [`Dictionary::from_tsv`] reads: one
    /// `arabic<TAB>english<TAB>weight` line per rendering, by Arabic form.
    ///
    /// ```
    /// use qalign::dictionary::Dictionary;
    ///
    /// let dictionary = Dictionary::from_tsv("بيت\thouse\t0.5\nبيت\thome\n")?;
    /// let mut tsv = Vec::new();
    /// dictionary.write_tsv(&mut tsv)?;
    /// assert_eq!(String::from_utf8(tsv).unwrap(), "بيت\thouse\t0.5\nبيت\thome\t1\n");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// The writer's.
    pub fn write_tsv(&self, out: &mut impl io::Write) -> io::Result<()> {
        for entry in &self.entries {
            for (english, weight) in entry.english.iter().zip(&entry.weights) {
                writeln!(out, "{}\t{english}\t{weight}", entry.arabic)?;
            }
        }
        Ok(())
    }

    /// A dictionary of `(normalized Arabic form, English form, weight)` triples, in the order given.
    pub(crate) fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str, f32)>) -> Dictionary {
        let mut builder = Builder::default();
        for (arabic, english, weight) in pairs {
            builder.add(arabic, english, weight);
        }
        builder.finish()
    }

    /// Merges `other` into this dictionary: a form in both keeps its renderings and gains the ones
    /// it lacks (in `other`'s order, after its own), and a rendering in both keeps the higher weight.
    ///
    /// ```
    /// use qalign::dictionary::Dictionary;
    ///
    /// let mut dictionary = Dictionary::from_tsv("بيت\thouse\t0.5\n")?;
    /// dictionary.extend(Dictionary::from_tsv("بيت\thome\nبيت\thouse\t0.75\nكتاب\tbook\n")?);
    /// assert_eq!(dictionary.len(), 2);
    /// assert_eq!(dictionary.get("بيت"), Some(&["house".to_string(), "home".to_string()][..]));
    /// assert_eq!(dictionary.weights("بيت"), Some(&[0.75, 1.0][..]));
    /// # Ok::<(), qalign::Error>(())
    /// ```
    pub fn extend(&mut self, other: Dictionary) {
        if self.entries.is_empty() {
            self.entries = other.entries;
            return;
        }
        let mut mine = std::mem::take(&mut self.entries).into_iter().peekable();
        let mut theirs = other.entries.into_iter().peekable();
        let mut merged = Vec::with_capacity(mine.len() + theirs.len());
        loop {
            let order = match (mine.peek(), theirs.peek()) {
                (Some(a), Some(b)) => a.arabic.cmp(&b.arabic),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => break,
            };
            let next = match order {
                Ordering::Less => mine.next(),
                Ordering::Greater => theirs.next(),
                Ordering::Equal => match (mine.next(), theirs.next()) {
                    (Some(mut a), Some(b)) => {
                        for (english, weight) in b.english.iter().zip(b.weights) {
                            a.add(english, weight);
                        }
                        Some(a)
                    }
                    (a, b) => a.or(b),
                },
            };
            merged.extend(next);
        }
        self.entries = merged;
    }

    /// The number of Arabic forms.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the dictionary has no entry.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entries sorted by Arabic form: each normalized Arabic form with its English renderings.
    pub fn entries(&self) -> impl Iterator<Item = (&str, &[String])> {
        self.entries.iter().map(|e| (e.arabic.as_str(), e.english.as_slice()))
    }

    /// The English renderings of an Arabic form, which is normalized first (so `كِتَاب` finds
    /// `كتاب`), or `None` when the dictionary does not have it.
    pub fn get(&self, arabic: &str) -> Option<&[String]> {
        self.find(arabic).map(|e| e.english.as_slice())
    }

    /// The weights of the renderings [`Dictionary::get`] gives, in the same order.
    pub fn weights(&self, arabic: &str) -> Option<&[f32]> {
        self.find(arabic).map(|e| e.weights.as_slice())
    }

    /// The entry of an Arabic form, normalized first.
    fn find(&self, arabic: &str) -> Option<&Entry> {
        let key = normalize(arabic).text;
        let at = self.entries.binary_search_by(|e| e.arabic.as_str().cmp(&key)).ok()?;
        self.entries.get(at)
    }
}

/// A [`Dictionary`] being read.
#[derive(Default)]
struct Builder {
    /// The entries by form; their `arabic` is left empty until [`Builder::finish`].
    entries: FxHashMap<String, Entry>,
}

impl Builder {
    /// A builder with room for `forms` forms.
    fn with_capacity(forms: usize) -> Builder {
        Builder { entries: FxHashMap::with_capacity_and_hasher(forms, Default::default()) }
    }

    /// Adds the rendering `english` to the form `arabic`.
    fn add(&mut self, arabic: &str, english: &str, weight: f32) {
        if let Some(entry) = self.entries.get_mut(arabic) {
            entry.add(english, weight);
            return;
        }
        let mut entry = Entry { arabic: String::new(), english: Vec::new(), weights: Vec::new() };
        entry.add(english, weight);
        self.entries.insert(arabic.to_owned(), entry);
    }

    /// The dictionary, sorted by form.
    fn finish(self) -> Dictionary {
        let mut slots: Vec<Option<Entry>> =
            self.entries.into_iter().map(|(arabic, entry)| Some(Entry { arabic, ..entry })).collect();
        // The sort moves small keys, not entries; most forms differ in their first eight bytes,
        // which compare as one number.
        let form = |k: usize| slots[k].as_ref().map_or("", |e| e.arabic.as_str());
        let mut order: Vec<(u64, usize)> = (0..slots.len())
            .map(|k| {
                let mut head = [0; 8];
                let bytes = form(k).as_bytes();
                let n = bytes.len().min(8);
                head[..n].copy_from_slice(&bytes[..n]);
                (u64::from_be_bytes(head), k)
            })
            .collect();
        order.sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| form(a.1).cmp(form(b.1))));
        let entries = order.iter().filter_map(|&(_, k)| slots[k].take()).collect();
        Dictionary { entries }
    }
}

/// The error for a file that cannot be read.
fn read_error(path: &Path, source: io::Error) -> Error {
    Error::Read { path: path.to_owned(), source }
}

/// The data file of the dictd dictionary whose index is `index`, named `stem.index`: `stem.dict.dz`
/// or, when there is none, `stem.dict`.
fn dictd_data_beside(index: &Path, stem: &str) -> Result<PathBuf> {
    let compressed = index.with_file_name(format!("{stem}.dict.dz"));
    let plain = index.with_file_name(format!("{stem}.dict"));
    if compressed.exists() {
        Ok(compressed)
    } else if plain.exists() {
        Ok(plain)
    } else {
        let message = format!("no such file, nor {} (the data of {})", plain.display(), index.display());
        Err(read_error(&compressed, io::Error::new(io::ErrorKind::NotFound, message)))
    }
}

/// The text of a dictd data file, decompressed when it is gzip (dictzip is gzip).
fn read_dictd_data(path: &Path) -> Result<Vec<u8>> {
    let bytes = std::fs::read(path).map_err(|source| read_error(path, source))?;
    if !bytes.starts_with(&[0x1f, 0x8b]) {
        return Ok(bytes);
    }
    // The gzip trailer gives the size of the (last) member's text modulo 2^32: a capacity hint only.
    let hint = bytes.last_chunk::<4>().map_or(0, |&size| u32::from_le_bytes(size) as usize);
    let mut text = Vec::with_capacity(hint.min(bytes.len().saturating_mul(16)));
    flate2::read::MultiGzDecoder::new(bytes.as_slice())
        .read_to_end(&mut text)
        .map_err(|source| read_error(path, source))?;
    Ok(text)
}

/// A number in dictd's base 64 (`A`–`Z`, `a`–`z`, `0`–`9`, `+`, `/`; most significant digit first).
fn dictd_number(digits: &str) -> Option<usize> {
    if digits.is_empty() {
        return None;
    }
    digits.bytes().try_fold(0usize, |n, b| {
        let digit = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        };
        n.checked_mul(64)?.checked_add(digit as usize)
    })
}

/// Reads a dictd dictionary from its index and its (decompressed) data; an error is the 1-based line
/// of the index and what is wrong with it.
///
/// The index is cut into pieces at line ends, read in parallel and merged in index order, so the
/// result is the one reading it whole would give.
fn parse_dictd(index: &str, data: &[u8]) -> std::result::Result<Dictionary, (usize, String)> {
    // The data is checked to be UTF-8 once, and an entry on its own only when some entry is not.
    let text = std::str::from_utf8(data).ok();
    let pieces = line_pieces(index, 2 * rayon::current_num_threads());
    pieces.into_par_iter().map(|(first_line, piece)| parse_index(piece, first_line, data, text)).reduce(
        || Ok(Dictionary::new()),
        // Neighbours are merged, the earlier first, and the first error is the one kept.
        |earlier, later| {
            let mut earlier = earlier?;
            earlier.extend(later?);
            Ok(earlier)
        },
    )
}

/// `text` cut into about `n` pieces that end at line ends, each with the number of its first line.
fn line_pieces(text: &str, n: usize) -> Vec<(usize, &str)> {
    let size = text.len() / n.max(1) + 1;
    let mut pieces = Vec::with_capacity(n + 1);
    let (mut start, mut line) = (0, 1);
    while start < text.len() {
        let cut = (start + size).min(text.len());
        let end = memchr::memchr(b'\n', &text.as_bytes()[cut..]).map_or(text.len(), |i| cut + i + 1);
        let piece = &text[start..end];
        pieces.push((line, piece));
        line += memchr::memchr_iter(b'\n', piece.as_bytes()).count();
        start = end;
    }
    pieces
}

/// Reads the entries of the lines `index` of a dictd index, the first of them line `first_line`, from
/// `data` (`text` when it is all UTF-8); see [`parse_dictd`].
fn parse_index(
    index: &str,
    first_line: usize,
    data: &[u8],
    text: Option<&str>,
) -> std::result::Result<Dictionary, (usize, String)> {
    let mut builder = Builder::with_capacity(index.len() / 16);
    let mut heads = Forms::default();
    let mut glosses = Forms::default();
    for (k, line) in index.lines().enumerate() {
        let malformed = |message: String| (first_line + k, message);
        if line.trim().is_empty() {
            continue;
        }
        // A fourth column (the headword as written, from `dictfmt --index-keep-orig`) is ignored.
        let mut columns = line.split('\t');
        let (Some(headword), Some(offset), Some(length)) = (columns.next(), columns.next(), columns.next())
        else {
            return Err(malformed("expected headword<TAB>offset<TAB>length".into()));
        };
        if headword.starts_with("00database") || headword.starts_with("00-database") {
            continue;
        }
        let number = |digits: &str, what: &str| {
            dictd_number(digits)
                .ok_or_else(|| malformed(format!("{what} `{digits}` is not a dictd base-64 number")))
        };
        let start = number(offset, "offset")?;
        let length = number(length, "length")?;
        let body = start.checked_add(length).and_then(|end| data.get(start..end)).ok_or_else(|| {
            malformed(format!(
                "the entry at offset {start} of length {length} runs past the end of the data ({} bytes)",
                data.len()
            ))
        })?;
        let body = match text {
            Some(text) => text.get(start..start + length),
            None => std::str::from_utf8(body).ok(),
        }
        .ok_or_else(|| malformed("the entry is not valid UTF-8".into()))?;
        add_dictd_entry(&mut builder, body, &mut heads, &mut glosses);
    }
    Ok(builder.finish())
}

/// Adds the pairs of one dictd entry: the headword on its first line, one gloss on each other line;
/// `heads` and `glosses` are scratch.
fn add_dictd_entry(builder: &mut Builder, body: &str, heads: &mut Forms, glosses: &mut Forms) {
    let mut lines = body.lines().filter(|line| !line.trim().is_empty());
    let Some(headword) = lines.next().map(without_ipa) else { return };
    let arabic_head = headword.chars().any(is_arabic_letter);
    let (head_lang, gloss_lang) =
        if arabic_head { (Lang::Arabic, Lang::English) } else { (Lang::English, Lang::Arabic) };
    heads.clear();
    dictd_forms(headword, head_lang, heads);
    if heads.is_empty() {
        return;
    }
    glosses.clear();
    for line in lines {
        dictd_forms(without_number(line.trim()), gloss_lang, glosses);
    }
    for head in heads.iter() {
        for gloss in glosses.iter() {
            match head_lang {
                Lang::Arabic => builder.add(head, gloss, 1.0),
                Lang::English => builder.add(gloss, head, 1.0),
            }
        }
    }
}

/// A dictd gloss line without its sense number (`2. Axe` → `Axe`).
fn without_number(line: &str) -> &str {
    let rest = line.trim_start_matches(|c: char| c.is_ascii_digit());
    match rest.strip_prefix(". ") {
        Some(gloss) if rest.len() < line.len() => gloss,
        _ => line,
    }
}

/// `line` without an IPA transcription between slashes at its end (`الفأس /ʔalfˈaʔs/` → `الفأس `).
fn without_ipa(line: &str) -> &str {
    let trimmed = line.trim_end();
    let Some(inner) = trimmed.strip_suffix('/') else { return line };
    match inner.rfind('/') {
        Some(open) if inner[..open].chars().next_back().is_none_or(char::is_whitespace) => &inner[..open],
        _ => line,
    }
}

/// Forms written one after another into one buffer, so that the forms of a line cost no allocation
/// each.
#[derive(Default)]
struct Forms {
    /// The forms, one after another.
    text: String,
    /// Where each form ends in `text`.
    ends: Vec<usize>,
}

impl Forms {
    /// Removes every form.
    fn clear(&mut self) {
        self.text.clear();
        self.ends.clear();
    }

    /// Whether there is no form.
    fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The forms in the order they were added.
    fn iter(&self) -> impl Iterator<Item = &str> {
        let mut start = 0;
        self.ends.iter().map(move |&end| {
            let form = &self.text[start..end];
            start = end;
            form
        })
    }

    /// Adds `piece` cleaned by [`clean_into`] unless nothing is left of it, it is there already, or
    /// `latin` is false and it is an Arabic form with Latin letters; returns whether it was added.
    fn push(&mut self, piece: &str, lang: Lang, latin: bool) -> bool {
        let start = self.text.len();
        clean_into(piece, lang, &mut self.text);
        let form = &self.text[start..];
        let wanted = !form.is_empty()
            && (latin || lang == Lang::English || !form.bytes().any(|b| b.is_ascii_alphabetic()))
            && !self.iter().any(|f| f == form);
        if wanted {
            self.ends.push(self.text.len());
        } else {
            self.text.truncate(start);
        }
        wanted
    }
}

/// Adds to `forms` the forms a dictd headword or gloss holds: the text without remarks in brackets,
/// normalized, cut at ` - `, split at commas, semicolons and slashes, and cleaned by [`clean_into`].
/// An Arabic form with Latin letters is dropped; one with the article is added without it as well
/// (see [`without_article`]).
fn dictd_forms(raw: &str, lang: Lang, forms: &mut Forms) {
    let bare = without_brackets(raw);
    let first = forms.ends.len();
    add_pieces(&bare, lang, forms);
    if lang == Lang::English {
        return;
    }
    if has_hamza_lam(&bare) {
        // Normalized, `إلهام` would read `الهام`: the article is looked for before normalizing.
        if let Some(indefinite) = without_article(&bare) {
            add_pieces(&indefinite, lang, forms);
        }
        return;
    }
    for k in first..forms.ends.len() {
        let start = if k == 0 { 0 } else { forms.ends[k - 1] };
        if let Some(indefinite) = without_article(&forms.text[start..forms.ends[k]]) {
            forms.push(&indefinite, lang, false);
        }
    }
}

/// Whether `text` has an alef with a hamza or madda (`أ إ آ`) followed by `ل`, marks aside.
fn has_hamza_lam(text: &str) -> bool {
    let mut chars = text.chars().filter(|&c| !is_combining_mark(c));
    while let Some(c) = chars.next() {
        if matches!(c, 'أ' | 'إ' | 'آ') && chars.clone().next() == Some('ل') {
            return true;
        }
    }
    false
}

/// The pieces of [`dictd_forms`] after the brackets.
fn add_pieces(text: &str, lang: Lang, forms: &mut Forms) {
    let text = normalized(text);
    let bytes = text.as_bytes();
    // Cut at ` - `; the cuts are at ASCII bytes, so on character boundaries.
    let end = memchr::memchr_iter(b'-', bytes)
        .find(|&i| i > 0 && bytes[i - 1] == b' ' && bytes.get(i + 1) == Some(&b' '))
        .map_or(bytes.len(), |i| i - 1);
    let mut start = 0;
    for cut in memchr::memchr3_iter(b',', b';', b'/', &bytes[..end]).chain([end]) {
        forms.push(&text[start..cut], lang, false);
        start = cut + 1;
    }
}

/// `text` with the article `ال` taken off each word that has it and at least three letters after it,
/// or `None` when no word has. Only an article written with a plain alef (or alef wasla) counts:
/// `إلهام` keeps its `ال` (normalized, it would read `الهام`).
fn without_article(text: &str) -> Option<String> {
    let is_word = |c: char| is_letter(c) || is_combining_mark(c);
    let mut out = String::new();
    let mut copied = 0;
    let mut word_start = true;
    for (i, c) in text.char_indices() {
        if word_start && matches!(c, 'ا' | 'ٱ') {
            let after = text[i + c.len_utf8()..].trim_start_matches(is_combining_mark);
            if let Some(rest) = after.strip_prefix('ل') {
                let rest = rest.trim_start_matches(is_combining_mark);
                let letters = rest.chars().take_while(|&c| is_word(c)).filter(|&c| is_letter(c)).count();
                if letters >= 3 {
                    out.push_str(&text[copied..i]);
                    copied = text.len() - rest.len();
                }
            }
        }
        word_start = !is_word(c);
    }
    if copied == 0 {
        return None;
    }
    out.push_str(&text[copied..]);
    Some(out)
}

/// A column of a tab-separated dictionary as it is stored: normalized, without an IPA transcription
/// (English) or remarks in brackets, and cleaned by [`clean_into`]; `None` when nothing is left.
fn form(raw: &str, lang: Lang) -> Option<String> {
    let raw = if lang == Lang::English { without_ipa(raw) } else { raw };
    let mut out = String::new();
    clean_into(&normalized(&without_brackets(raw)), lang, &mut out);
    (!out.is_empty()).then_some(out)
}

/// `text` normalized for matching; ASCII text is left as it is ([`clean_into`] collapses its
/// whitespace), and so is text that normalizes to itself.
fn normalized(text: &str) -> Cow<'_, str> {
    if text.is_ascii() || is_normalized(text) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(normalize(text).text)
    }
}

/// `text` without what is between brackets, `(…)` or `[…]`, nested or not; an unclosed bracket
/// drops the rest of the text, and a stray closing bracket is dropped.
fn without_brackets(text: &str) -> Cow<'_, str> {
    if !text.bytes().any(|b| matches!(b, b'(' | b')' | b'[' | b']')) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            _ => out.push(c),
        }
        // A space stands for the remark, so that the words on its two sides stay apart.
        if depth > 0 && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    Cow::Owned(out)
}

/// [`clean_into`] for an English form in ASCII.
fn clean_ascii_into(piece: &str, out: &mut String) {
    let start = out.len();
    let bytes = piece.as_bytes();
    let mut space = false;
    for (i, &b) in bytes.iter().enumerate() {
        let ellipsis = b == b'.' && ((i > 0 && bytes[i - 1] == b'.') || bytes.get(i + 1) == Some(&b'.'));
        if b.is_ascii_whitespace() || b.is_ascii_control() || ellipsis {
            space = true;
            continue;
        }
        if out.len() == start && is_edge_punctuation(b as char) {
            continue;
        }
        if space && out.len() > start {
            out.push(' ');
        }
        space = false;
        out.push(b.to_ascii_lowercase() as char);
    }
    while out[start..].ends_with(|c: char| is_edge_punctuation(c) || c == ' ') {
        out.pop();
    }
    if out[start..].starts_with("to ") {
        out.replace_range(start..start + 3, "");
    }
    if !out[start..].bytes().any(|b| b.is_ascii_alphabetic()) {
        out.truncate(start);
    }
}

/// Punctuation trimmed from the two ends of a form.
fn is_edge_punctuation(c: char) -> bool {
    matches!(c, '.' | ':' | '!' | '?' | '"' | '\'' | '-' | '*' | ',' | ';' | '«' | '»')
}

/// Appends to `out` the form `piece` holds: whitespace (and an ellipsis, `either...or`) collapsed to
/// one space, punctuation trimmed from its ends; English lower-cased and without a leading `to `.
/// Appends nothing when no form is left: an English form needs a letter, an Arabic form an Arabic
/// letter.
fn clean_into(piece: &str, lang: Lang, out: &mut String) {
    let start = out.len();
    let piece = piece.trim_matches(|c: char| c == ' ' || is_edge_punctuation(c));
    match lang {
        // Normalized text has single spaces only; without an ellipsis, it is clean once trimmed.
        Lang::Arabic if !piece.contains("..") => {
            if piece.chars().any(is_arabic_letter) {
                out.push_str(piece);
            }
            return;
        }
        Lang::English if piece.is_ascii() => {
            clean_ascii_into(piece, out);
            return;
        }
        _ => {}
    }
    let mut space = false;
    let mut previous = ' ';
    let mut chars = piece.chars().peekable();
    while let Some(c) = chars.next() {
        let ellipsis = c == '.' && (previous == '.' || chars.peek() == Some(&'.'));
        previous = c;
        if c.is_whitespace() || c.is_control() || ellipsis {
            space = true;
            continue;
        }
        if out.len() == start && is_edge_punctuation(c) {
            continue;
        }
        if space && out.len() > start {
            out.push(' ');
        }
        space = false;
        match lang {
            Lang::English if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            Lang::English => out.extend(c.to_lowercase()),
            Lang::Arabic => out.push(c),
        }
    }
    while out[start..].ends_with(|c: char| is_edge_punctuation(c) || c == ' ') {
        out.pop();
    }
    if lang == Lang::English && out[start..].starts_with("to ") {
        out.replace_range(start..start + 3, "");
    }
    let letter = match lang {
        Lang::Arabic => out[start..].chars().any(is_arabic_letter),
        Lang::English => out[start..].chars().any(char::is_alphabetic),
    };
    if !letter {
        out.truncate(start);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `n` in dictd's base 64.
    fn base64(mut n: usize) -> String {
        const DIGITS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut digits = vec![DIGITS[n % 64]];
        n /= 64;
        while n > 0 {
            digits.push(DIGITS[n % 64]);
            n /= 64;
        }
        digits.reverse();
        String::from_utf8(digits).unwrap()
    }

    /// A temporary directory, removed when dropped.
    struct TempDir(PathBuf);

    impl TempDir {
        fn new(name: &str) -> TempDir {
            let dir = std::env::temp_dir().join(format!("qalign-dictionary-{name}-{}", std::process::id()));
            std::fs::create_dir_all(&dir).unwrap();
            TempDir(dir)
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    /// Writes a dictd dictionary `name` of the given entries (headword, body) into `dir`, its data
    /// gzip-compressed when `compress`; returns the index's path.
    fn write_dictd(dir: &Path, name: &str, entries: &[(&str, &str)], compress: bool) -> PathBuf {
        use std::io::Write as _;
        let mut data = String::from("\n00-database-info\nA made-up dictionary.\n");
        let mut index = format!("00databaseinfo\tB\t{}\n", base64(data.len() - 1));
        // Padding puts the entries past offset 64, so that offsets have two digits.
        data.push_str(&" ".repeat(100));
        for (headword, body) in entries {
            index.push_str(&format!("{headword}\t{}\t{}\n", base64(data.len()), base64(body.len())));
            data.push_str(body);
        }
        let index_path = dir.join(format!("{name}.index"));
        std::fs::write(&index_path, index).unwrap();
        if compress {
            let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            gz.write_all(data.as_bytes()).unwrap();
            std::fs::write(dir.join(format!("{name}.dict.dz")), gz.finish().unwrap()).unwrap();
        } else {
            std::fs::write(dir.join(format!("{name}.dict")), data).unwrap();
        }
        index_path
    }

    /// The entries of a dictionary as owned pairs, for comparing.
    fn pairs(dictionary: &Dictionary) -> Vec<(String, Vec<String>)> {
        dictionary.entries().map(|(a, e)| (a.to_string(), e.to_vec())).collect()
    }

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn base64_numbers() {
        for (digits, n) in
            [("A", 0), ("B", 1), ("/", 63), ("BA", 64), ("IhAH", 8 * 64 * 64 * 64 + 33 * 64 * 64 + 7)]
        {
            assert_eq!(dictd_number(digits), Some(n), "{digits}");
            assert_eq!(base64(n), digits);
        }
        assert_eq!(dictd_number(""), None);
        assert_eq!(dictd_number("A-B"), None);
        assert_eq!(dictd_number(&"/".repeat(20)), None, "overflow is not a number");
    }

    #[test]
    fn line_pieces_cover_the_text() {
        let text = "a\nbb\n\nccc\nd";
        for n in 1..8 {
            let pieces = line_pieces(text, n);
            assert_eq!(pieces.iter().map(|p| p.1).collect::<String>(), text, "{n}");
            for (first_line, piece) in pieces {
                let before = &text[..piece.as_ptr() as usize - text.as_ptr() as usize];
                assert_eq!(first_line, before.matches('\n').count() + 1);
                assert!(before.is_empty() || before.ends_with('\n'));
            }
        }
        assert!(line_pieces("", 4).is_empty());
    }

    #[test]
    fn cleaning() {
        let cases: &[(&str, Lang, &[&str])] = &[
            ("1. Ax", Lang::English, &["ax"]),
            ("To  Read ", Lang::English, &["read"]),
            ("Either...or", Lang::English, &["either or"]),
            ("On/upon", Lang::English, &["on", "upon"]),
            ("Café (in France)", Lang::English, &["cafe"]),
            ("(only a remark)", Lang::English, &[]),
            ("42", Lang::English, &[]),
            ("الكِتَابُ", Lang::Arabic, &["الكتاب", "كتاب"]),
            ("اَلْكِتَاب", Lang::Arabic, &["الكتاب", "كتاب"]),
            ("الخطاب الرسمي", Lang::Arabic, &["الخطاب الرسمي", "خطاب رسمي"]),
            ("إلهام", Lang::Arabic, &["الهام"]),
            ("الله", Lang::Arabic, &["الله"]),
            ("وزير الخارجية", Lang::Arabic, &["وزير الخارجيه", "وزير خارجيه"]),
            ("آذار، مارس", Lang::Arabic, &["اذار", "مارس"]),
            ("حسبان (رياضيات)", Lang::Arabic, &["حسبان"]),
            ("ساوثامبتون - مدينة في بريطانيا", Lang::Arabic, &["ساوثامبتون"]),
            ("أمّا.. أو", Lang::Arabic, &["اما او"]),
            ("triped المغناطيسي", Lang::Arabic, &[]),
            ("21", Lang::Arabic, &[]),
        ];
        for &(raw, lang, expected) in cases {
            let mut forms = Forms::default();
            dictd_forms(without_number(raw), lang, &mut forms);
            assert_eq!(forms.iter().collect::<Vec<_>>(), expected, "{raw}");
        }
        assert_eq!(without_ipa("الفأس /ʔalfˈaʔs/"), "الفأس ");
        assert_eq!(without_ipa("أشهر آب/أغسطس /ʔaʃhur/"), "أشهر آب/أغسطس ");
        assert_eq!(without_ipa("On/upon"), "On/upon");
        assert_eq!(without_number("3rd"), "3rd");
        assert_eq!(without_number("12. Axe"), "Axe");
    }

    #[test]
    fn dictd_entries() {
        let dir = TempDir::new("dictd");
        let ara_eng = write_dictd(
            &dir.0,
            "ara-eng",
            &[
                ("الفأس", "الفأس /ʔalfˈaʔs/\n1. Ax\n2. Axe\n3. Hatchet\n"),
                ("بديهية", "بَدِيهِيَّة /badiːhijja/\nAxiom\n"),
                ("آذار مارس", "آذار، مارس /ʔaːðaːr/\n1. March\n2. (the month of) March\n"),
            ],
            true,
        );
        let dictionary = Dictionary::from_file(&ara_eng).unwrap();
        assert_eq!(
            pairs(&dictionary),
            [
                ("اذار".to_string(), strings(&["march"])),
                ("الفاس".to_string(), strings(&["ax", "axe", "hatchet"])),
                ("بديهيه".to_string(), strings(&["axiom"])),
                ("فاس".to_string(), strings(&["ax", "axe", "hatchet"])),
                ("مارس".to_string(), strings(&["march"])),
            ]
        );
        // The data file names the dictionary as well as the index does.
        assert_eq!(Dictionary::from_file(dir.0.join("ara-eng.dict.dz")).unwrap(), dictionary);

        // An English–Arabic dictionary, plain, is read inverted.
        let eng_ara = write_dictd(
            &dir.0,
            "eng-ara",
            &[
                ("axe", "Axe /ˈæks/\n1. الفَأْس\n2. بلطة - أداة للقطع\n"),
                ("government", "Government /ɡˈʌvənmənt/\nالحكومة، حكومة\n"),
                ("to read", "To read /ɹˈiːd/\nقرأ\n"),
            ],
            false,
        );
        let inverted = Dictionary::from_file(&eng_ara).unwrap();
        assert_eq!(
            pairs(&inverted),
            [
                ("الحكومه".to_string(), strings(&["government"])),
                ("الفاس".to_string(), strings(&["axe"])),
                ("بلطه".to_string(), strings(&["axe"])),
                ("حكومه".to_string(), strings(&["government"])),
                ("فاس".to_string(), strings(&["axe"])),
                ("قرا".to_string(), strings(&["read"])),
            ]
        );

        // Both together: one dictionary, the renderings of a shared form merged without repeats.
        let mut both = dictionary.clone();
        both.extend(inverted.clone());
        assert_eq!(both.len(), 9);
        assert_eq!(both.get("الفأس"), Some(&strings(&["ax", "axe", "hatchet"])[..]));
        let mut other_way = inverted;
        other_way.extend(dictionary);
        assert_eq!(other_way.get("الفأس"), Some(&strings(&["axe", "ax", "hatchet"])[..]));
        assert_eq!(other_way.len(), 9);
    }

    #[test]
    fn dictd_errors() {
        let dir = TempDir::new("errors");
        let index = write_dictd(&dir.0, "bad", &[("كتاب", "كتاب /kitaːb/\nBook\n")], true);
        let good = std::fs::read_to_string(&index).unwrap();

        std::fs::write(&index, format!("{good}بيت\tB\n")).unwrap();
        let error = Dictionary::from_file(&index).unwrap_err().to_string();
        assert!(error.ends_with("bad.index: line 3: expected headword<TAB>offset<TAB>length"), "{error}");

        std::fs::write(&index, format!("{good}بيت\tBA\t//\n")).unwrap();
        let error = Dictionary::from_file(&index).unwrap_err().to_string();
        assert!(error.contains("line 3: the entry at offset 64 of length 4095 runs past the end"), "{error}");

        std::fs::write(&index, format!("{good}بيت\tB!\tB\n")).unwrap();
        let error = Dictionary::from_file(&index).unwrap_err().to_string();
        assert!(error.ends_with("line 3: offset `B!` is not a dictd base-64 number"), "{error}");

        // Data that is gzip but broken.
        std::fs::write(&index, &good).unwrap();
        std::fs::write(dir.0.join("bad.dict.dz"), [0x1f, 0x8b, 8, 0, 0, 0]).unwrap();
        let error = Dictionary::from_file(&index).unwrap_err().to_string();
        assert!(error.starts_with("cannot read ") && error.contains("bad.dict.dz: "), "{error}");
    }

    #[test]
    fn missing_files() {
        let dir = TempDir::new("missing");
        for name in ["absent.tsv", "absent.index", "absent.dict.dz"] {
            let error = Dictionary::from_file(dir.0.join(name)).unwrap_err();
            assert!(
                matches!(error, Error::Read { ref source, .. } if source.kind() == io::ErrorKind::NotFound)
            );
            let message = error.to_string();
            assert!(message.starts_with("cannot read ") && message.contains("absent."), "{message}");
        }
        let message = Dictionary::from_file(dir.0.join("absent.index")).unwrap_err().to_string();
        assert!(message.contains("absent.dict.dz: no such file, nor "), "{message}");
    }

    #[test]
    fn tsv() {
        let text = "\u{feff}# Arabic\tEnglish\tweight\n\
                    \n\
                    كِتَابٌ\tBook\t0.8\r\n\
                    الكتاب\tthe book\n\
                    أكل\tto eat (food) /iːt/\t0.25\n\
                    كتاب\tbook\t0.9\n\
                    بيت\t(remark only)\n";
        let dictionary = Dictionary::from_tsv(text).unwrap();
        assert_eq!(
            pairs(&dictionary),
            [
                ("اكل".to_string(), strings(&["eat"])),
                ("الكتاب".to_string(), strings(&["the book"])),
                ("كتاب".to_string(), strings(&["book"])),
            ]
        );
        assert_eq!(dictionary.weights("كتاب"), Some(&[0.9][..]));
        assert_eq!(dictionary.weights("أكل"), Some(&[0.25][..]));
        assert_eq!(dictionary.get("بيت"), None);
    }

    #[test]
    fn tsv_errors() {
        let cases = [
            ("كتاب book", "line 1: expected arabic<TAB>english[<TAB>weight], found no tab"),
            ("كتاب\tbook\n\nكتاب\tbook\t1.5", "line 3: weight `1.5` is not a number from 0 to 1"),
            ("كتاب\tbook\tmuch", "line 1: weight `much` is not a number from 0 to 1"),
            ("كتاب\tbook\t1\textra", "line 1: expected at most 3 tab-separated columns, found 4"),
            ("\tbook", "line 1: the Arabic column is empty"),
            ("# c\nكتاب\t ", "line 2: the English column is empty"),
            ("book\tكتاب", "line 1: the Arabic column `book` has no Arabic letter"),
            (
                "كتاب\tكتاب",
                "line 1: the English column `كتاب` is in Arabic script (are the columns swapped?)",
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(Dictionary::from_tsv(text).unwrap_err().to_string(), expected, "{text:?}");
        }
        let dir = TempDir::new("tsv");
        let path = dir.0.join("lexicon.tsv");
        std::fs::write(&path, "كتاب\tbook\nبيت\n").unwrap();
        let error = Dictionary::from_file(&path).unwrap_err().to_string();
        assert!(
            error.ends_with("lexicon.tsv: line 2: expected arabic<TAB>english[<TAB>weight], found no tab")
        );
    }

    #[test]
    fn merging_is_sorted_and_deduplicated() {
        let mut a = Dictionary::from_tsv("ب\tb\nد\td\t0.5\n").unwrap();
        a.extend(Dictionary::from_tsv("أ\ta\nد\td\t0.75\nد\tdee\nج\tc\n").unwrap());
        assert_eq!(
            pairs(&a),
            [
                ("ا".to_string(), strings(&["a"])),
                ("ب".to_string(), strings(&["b"])),
                ("ج".to_string(), strings(&["c"])),
                ("د".to_string(), strings(&["d", "dee"])),
            ]
        );
        assert_eq!(a.weights("د"), Some(&[0.75, 1.0][..]));
        let mut empty = Dictionary::new();
        empty.extend(a.clone());
        assert_eq!(empty, a);
        a.extend(Dictionary::new());
        assert_eq!(a.len(), 4);
    }
}
