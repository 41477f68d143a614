//! A termbase: the renderings a client requires for its Arabic terms, and the ones it forbids, read at
//! run time from a TBX file (the ISO 30042 exchange format CAT tools export) or a TSV.
//!
//! An Arabic term is found in a sentence through its clitics and letter variants: words are compared
//! normalized (hamza forms, `ى`/`ي`, `ة`/`ه`, diacritics), and a text word may carry a conjunction,
//! a preposition and the article before the term's word (`والدولة`, `للدولة`, `بالدولة` all hold
//! `الدولة`), and the term's last word a pronoun suffix after it (`حكومتهم` holds `الحكومة`). An
//! English rendering is found through case and regular inflection (`State`, `states`, `stated`).

use std::borrow::Cow;
use std::ops::Range;
use std::path::Path;

use rustc_hash::FxHashMap as HashMap;

use crate::error::{Error, Result};
use crate::lang::translit::{ARABIC_CONJUNCTIONS, ARABIC_PREPOSITIONS};
use crate::text::normalize::normalize;
use crate::text::{is_arabic_letter, is_letter_or_digit};
use crate::xml::{Node, XmlReader, attribute};

/// One termbase entry: an Arabic term, the English renderings allowed for it, and the renderings
/// forbidden for it.
///
/// ```
/// use qalign::termbase::Term;
///
/// let term = Term::new("الدولة الإسلامية", ["Islamic State"], ["ISIS"]);
/// assert_eq!(term.english, ["Islamic State"]);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[non_exhaustive]
pub struct Term {
    /// The Arabic term as written in the termbase.
    pub arabic: String,
    /// The English renderings allowed for it; a translation must use one of them.
    pub english: Vec<String>,
    /// English renderings the translation must not use for it.
    pub forbidden: Vec<String>,
}

impl Term {
    /// A term with its allowed and forbidden renderings.
    pub fn new<A, F>(arabic: impl Into<String>, english: A, forbidden: F) -> Term
    where
        A: IntoIterator,
        A::Item: Into<String>,
        F: IntoIterator,
        F::Item: Into<String>,
    {
        Term {
            arabic: arabic.into(),
            english: english.into_iter().map(Into::into).collect(),
            forbidden: forbidden.into_iter().map(Into::into).collect(),
        }
    }
}

/// Arabic terms with their required and forbidden English renderings, indexed for matching.
///
/// ```
/// use qalign::termbase::Termbase;
///
/// let termbase = Termbase::from_tsv("الدولة الإسلامية\tIslamic State\tISIS\n")?;
/// assert_eq!(termbase.len(), 1);
/// // Through clitics and letter variants: `وللدولة الاسلامية`.
/// let q = qalign::Scorer::new().with_termbase(&termbase)
///     .score_pair("قاتلوا ضد الدولة الاسلامية.", "They fought ISIS.");
/// assert_eq!(q.findings.iter().filter(|f| f.kind == qalign::FindingKind::Terminology).count(), 2);
/// # Ok::<(), qalign::Error>(())
/// ```
#[derive(Clone, Default)]
pub struct Termbase {
    terms: Vec<Term>,
    /// Per term, its Arabic words normalized, without the article.
    arabic: Vec<Vec<String>>,
    /// Per term, its allowed renderings as lower-case words.
    english: Vec<Vec<Vec<String>>>,
    /// Per term, its forbidden renderings as lower-case words.
    forbidden: Vec<Vec<Vec<String>>>,
    /// Terms by their first Arabic word (normalized, without the article).
    index: HashMap<String, Vec<u32>>,
}

impl std::fmt::Debug for Termbase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Termbase").field("terms", &self.terms.len()).finish_non_exhaustive()
    }
}

/// A term found in a text: the term's index and the byte range of the text it covers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Found {
    pub term: usize,
    pub range: Range<usize>,
}

impl Termbase {
    /// An empty termbase.
    pub fn new() -> Termbase {
        Termbase::default()
    }

    /// How many terms it holds.
    pub fn len(&self) -> usize {
        self.terms.len()
    }

    /// Whether it holds no term.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The terms, in the order added.
    pub fn terms(&self) -> &[Term] {
        &self.terms
    }

    /// Adds a term. A term with no Arabic word, or with neither an allowed nor a forbidden rendering
    /// with a word in it, is left out.
    pub fn push(&mut self, term: Term) {
        let arabic: Vec<String> =
            arabic_words(&normalize(&term.arabic).text).map(|(_, w)| bare(w).to_owned()).collect();
        let words = |list: &[String]| -> Vec<Vec<String>> {
            list.iter()
                .map(|r| english_words(r).map(|(_, w)| w).collect::<Vec<_>>())
                .filter(|w| !w.is_empty())
                .collect()
        };
        let (english, forbidden) = (words(&term.english), words(&term.forbidden));
        let Some(first) = arabic.first() else { return };
        if english.is_empty() && forbidden.is_empty() {
            return;
        }
        self.index.entry(first.clone()).or_default().push(self.terms.len() as u32);
        self.arabic.push(arabic);
        self.english.push(english);
        self.forbidden.push(forbidden);
        self.terms.push(term);
    }

    /// Adds every term of another termbase.
    pub fn extend(&mut self, other: Termbase) {
        for term in other.terms {
            self.push(term);
        }
    }

    /// Reads a termbase file: TBX when it is XML (its first non-blank character is `<`), else TSV
    /// (see [`Termbase::from_tsv`]).
    ///
    /// # Errors
    /// [`Error::Read`] when the file cannot be read, [`Error::MalformedFile`] naming the line of a TSV
    /// that is not in the format, [`Error::MalformedXml`] for a TBX that is not well-formed.
    pub fn from_file(path: impl AsRef<Path>) -> Result<Termbase> {
        let path = path.as_ref();
        let text =
            std::fs::read_to_string(path).map_err(|source| Error::Read { path: path.to_owned(), source })?;
        Termbase::parse(&text).map_err(|error| match error {
            Error::MalformedLine { line, message } => {
                Error::MalformedFile { path: path.to_owned(), line, message }
            }
            error => error,
        })
    }

    /// Reads a termbase from text, TBX or TSV chosen by content as in [`Termbase::from_file`].
    ///
    /// # Errors
    /// As [`Termbase::from_tbx`] and [`Termbase::from_tsv`].
    pub fn parse(text: &str) -> Result<Termbase> {
        let body = text.strip_prefix('\u{feff}').unwrap_or(text);
        if body.trim_start().starts_with('<') { Termbase::from_tbx(body) } else { Termbase::from_tsv(body) }
    }

    /// Reads tab-separated text: one `arabic<TAB>english[<TAB>forbidden]` term per line. A column may
    /// list several renderings separated by `;`. The English column may be empty when a forbidden
    /// one is given. Blank lines and lines starting with `#` are skipped; an Arabic term listed again
    /// is a second entry, checked on its own.
    ///
    /// ```
    /// let termbase = qalign::termbase::Termbase::from_tsv("# a glossary\nالبنك الدولي\tWorld Bank\nداعش\tISIL; ISIS\tDaesh\n")?;
    /// assert_eq!(termbase.terms()[1].english, ["ISIL", "ISIS"]);
    /// assert_eq!(termbase.terms()[1].forbidden, ["Daesh"]);
    /// # Ok::<(), qalign::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::MalformedLine`] naming the first line without a tab, with more than three columns,
    /// with an empty Arabic column, or with neither an allowed nor a forbidden rendering.
    pub fn from_tsv(text: &str) -> Result<Termbase> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut termbase = Termbase::new();
        for (k, line) in text.lines().enumerate() {
            let malformed = |message: &str| Error::MalformedLine { line: k + 1, message: message.to_owned() };
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let columns: Vec<&str> = line.split('\t').collect();
            if columns.len() < 2 {
                return Err(malformed("expected arabic<TAB>english[<TAB>forbidden], found no tab"));
            }
            if columns.len() > 3 {
                return Err(malformed("expected at most 3 tab-separated columns"));
            }
            let list = |column: Option<&&str>| -> Vec<String> {
                column
                    .map(|c| {
                        c.split(';').map(str::trim).filter(|r| !r.is_empty()).map(str::to_owned).collect()
                    })
                    .unwrap_or_default()
            };
            let arabic = columns[0].trim();
            let (english, forbidden) = (list(columns.get(1)), list(columns.get(2)));
            if !arabic.chars().any(is_arabic_letter) {
                return Err(malformed("the Arabic column has no Arabic letter"));
            }
            if english.is_empty() && forbidden.is_empty() {
                return Err(malformed("neither an allowed nor a forbidden rendering"));
            }
            termbase.push(Term { arabic: arabic.to_owned(), english, forbidden });
        }
        Ok(termbase)
    }

    /// Reads a TBX termbase: TBX-Basic (`martif`, `termEntry`, `langSet`, `tig` or `ntig`/`termGrp`)
    /// or TBX v3 (`tbx`, `conceptEntry`, `langSec`, `termSec`). Each concept's Arabic terms (a
    /// `langSet` whose `xml:lang` is `ar` or `ar-…`) become entries with the concept's English terms
    /// (`en`, `en-…`) as renderings; an English term whose `administrativeStatus` term note is
    /// `deprecatedTerm-admn-sts` or `supersededTerm-admn-sts` is forbidden. Deprecated Arabic terms
    /// and other languages are skipped.
    ///
    /// ```
    /// let tbx = r#"<?xml version="1.0" encoding="UTF-8"?>
    /// <tbx type="TBX-Core" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
    ///   <tbxHeader><fileDesc><sourceDesc><p>glossary</p></sourceDesc></fileDesc></tbxHeader>
    ///   <text><body>
    ///     <conceptEntry id="c1">
    ///       <langSec xml:lang="ar"><termSec><term>البنك الدولي</term></termSec></langSec>
    ///       <langSec xml:lang="en"><termSec><term>World Bank</term></termSec></langSec>
    ///     </conceptEntry>
    ///   </body></text>
    /// </tbx>"#;
    /// let termbase = qalign::termbase::Termbase::from_tbx(tbx)?;
    /// assert_eq!(termbase.terms()[0].english, ["World Bank"]);
    /// # Ok::<(), qalign::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::MalformedXml`] when the text is not well-formed XML, or its root is not `martif` or
    /// `tbx`.
    pub fn from_tbx(text: &str) -> Result<Termbase> {
        let mut reader = XmlReader::new(text);
        let mut termbase = Termbase::new();
        let mut root = None;
        // The concept being read: its Arabic terms, allowed and forbidden English terms.
        let mut concept = Concept::default();
        // The language of the `langSet`/`langSec` being read, and the term being read with its status.
        let mut lang = Lang::Other;
        let mut term: Option<(String, bool)> = None;
        while let Some(node) = reader.next_node()? {
            let Node::Open { name, attributes } = node else {
                if let Node::Close { name } = node {
                    match name.as_str() {
                        "termEntry" | "conceptEntry" => concept.add_to(&mut termbase),
                        "langSet" | "langSec" => lang = Lang::Other,
                        "tig" | "ntig" | "termSec" => {
                            if let Some((text, deprecated)) = term.take() {
                                concept.push(lang, text, deprecated);
                            }
                        }
                        _ => {}
                    }
                }
                continue;
            };
            if root.is_none() {
                if name != "martif" && name != "tbx" {
                    return Err(reader.error(format!("not a TBX file: the root element is `{name}`")));
                }
                root = Some(name);
                continue;
            }
            match name.as_str() {
                "termEntry" | "conceptEntry" => concept = Concept::default(),
                "langSet" | "langSec" => lang = Lang::of(attribute(&attributes, "lang").unwrap_or("")),
                "tig" | "ntig" | "termSec" => term = Some((String::new(), false)),
                "term" => {
                    let text = reader.text_until_close()?;
                    if let Some((t, _)) = term.as_mut() {
                        *t = text;
                    } else {
                        // A `term` outside any term group: a term of its own.
                        concept.push(lang, text, false);
                    }
                }
                "termNote" if attribute(&attributes, "type") == Some("administrativeStatus") => {
                    let status = reader.text_until_close()?;
                    if let Some((_, deprecated)) = term.as_mut() {
                        *deprecated = matches!(
                            status.trim(),
                            "deprecatedTerm-admn-sts"
                                | "supersededTerm-admn-sts"
                                | "deprecatedTerm"
                                | "supersededTerm"
                        );
                    }
                }
                _ => {}
            }
        }
        if root.is_none() {
            return Err(reader.error("not a TBX file: no root element"));
        }
        Ok(termbase)
    }

    /// The terms found in a normalized Arabic text, in text order: at each word, the longest term
    /// that starts there; the words a term covers are not searched again.
    pub(crate) fn find_arabic(&self, normalized: &str) -> Vec<Found> {
        let mut found = Vec::new();
        if self.is_empty() {
            return found;
        }
        let words: Vec<(Range<usize>, &str)> = arabic_words(normalized).collect();
        let mut i = 0;
        while i < words.len() {
            let mut best: Option<(usize, usize)> = None;
            // A term's last word may carry a pronoun suffix (`دولتهم`, their state); its other
            // words may not.
            let first = stems(words[i].1).map(|s| (Cow::Borrowed(s), false));
            let suffixed = stems(words[i].1).flat_map(without_suffix).map(|s| (s, true));
            for (stem, with_suffix) in first.chain(suffixed) {
                let Some(ids) = self.index.get(stem.as_ref()) else { continue };
                for &id in ids {
                    let term = &self.arabic[id as usize];
                    let last = term.len().saturating_sub(1);
                    let fits = term.len() <= words.len() - i
                        && (!with_suffix || term.len() == 1)
                        && term.iter().zip(&words[i..]).enumerate().skip(1).all(|(k, (t, (_, w)))| {
                            stems(w).any(|s| s == t)
                                || (k == last && stems(w).flat_map(without_suffix).any(|s| s == *t))
                        });
                    if fits && best.is_none_or(|(_, n)| term.len() > n) {
                        best = Some((id as usize, term.len()));
                    }
                }
            }
            match best {
                Some((term, n)) => {
                    found.push(Found { term, range: words[i].0.start..words[i + n - 1].0.end });
                    i += n;
                }
                None => i += 1,
            }
        }
        found
    }

    /// The first place an allowed rendering of term `term` is in `words` (an English text's words, as
    /// [`english_words`] gives them), as a range of byte offsets.
    pub(crate) fn find_english(&self, term: usize, words: &[(Range<usize>, String)]) -> Option<Range<usize>> {
        find_rendering(self.english.get(term)?, words)
    }

    /// The first place a forbidden rendering of term `term` is in `words`.
    pub(crate) fn find_forbidden(
        &self,
        term: usize,
        words: &[(Range<usize>, String)],
    ) -> Option<Range<usize>> {
        find_rendering(self.forbidden.get(term)?, words)
    }

    /// Whether term `term` lists allowed renderings.
    pub(crate) fn has_renderings(&self, term: usize) -> bool {
        self.english.get(term).is_some_and(|r| !r.is_empty())
    }
}

/// The language of a TBX language section, as far as qalign reads it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Lang {
    Arabic,
    English,
    Other,
}

impl Lang {
    /// The language of an `xml:lang` value: `ar`, `ar-EG`, `en`, `en-US`, any case.
    fn of(code: &str) -> Lang {
        let primary = code.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        match primary.as_str() {
            "ar" | "ara" => Lang::Arabic,
            "en" | "eng" => Lang::English,
            _ => Lang::Other,
        }
    }
}

/// The terms of one TBX concept entry being read.
#[derive(Default)]
struct Concept {
    arabic: Vec<String>,
    english: Vec<String>,
    forbidden: Vec<String>,
}

impl Concept {
    fn push(&mut self, lang: Lang, text: String, deprecated: bool) {
        let text = text.trim().to_owned();
        if text.is_empty() {
            return;
        }
        match (lang, deprecated) {
            (Lang::Arabic, false) => self.arabic.push(text),
            (Lang::English, false) => self.english.push(text),
            (Lang::English, true) => self.forbidden.push(text),
            _ => {}
        }
    }

    /// Adds an entry per Arabic term to `termbase`, and empties the concept.
    fn add_to(&mut self, termbase: &mut Termbase) {
        let concept = std::mem::take(self);
        for arabic in concept.arabic {
            termbase.push(Term {
                arabic,
                english: concept.english.clone(),
                forbidden: concept.forbidden.clone(),
            });
        }
    }
}

/// The first place one of `renderings` (each a list of lower-case words) is in `words`.
fn find_rendering(renderings: &[Vec<String>], words: &[(Range<usize>, String)]) -> Option<Range<usize>> {
    for (k, _) in words.iter().enumerate() {
        for rendering in renderings {
            let fits = rendering.len() <= words.len() - k
                && rendering.iter().zip(&words[k..]).all(|(r, (_, w))| inflects(r, w));
            if fits {
                return Some(words[k].0.start..words[k + rendering.len() - 1].0.end);
            }
        }
    }
    None
}

/// Whether the English word `word` is `base` or a regular inflection of it (both in lower case):
/// `-s`, `-es`, `-ed`, `-ing`, `-'s`, with a final `e` dropped, a final `y` turned to `i`, or a final
/// consonant doubled.
fn inflects(base: &str, word: &str) -> bool {
    if word == base {
        return true;
    }
    let Some(ending) = word.strip_prefix(base) else {
        // A changed last letter: `y` → `ies`/`ied`, `e` dropped before `ing`.
        let stem = |cut: char| base.strip_suffix(cut).filter(|s| s.len() >= 2);
        return stem('y').is_some_and(|s| word.strip_prefix(s).is_some_and(|e| matches!(e, "ies" | "ied")))
            || stem('e').is_some_and(|s| word.strip_prefix(s).is_some_and(|e| matches!(e, "ing")));
    };
    if matches!(ending, "s" | "es" | "ed" | "ing" | "d") {
        return ending != "d" || base.ends_with('e');
    }
    // A doubled final consonant: `stop` → `stopped`, `stopping`.
    let last = base.chars().next_back().filter(|c| c.is_ascii_alphabetic() && !"aeiouwxy".contains(*c));
    last.is_some_and(|c| ending.strip_prefix(c).is_some_and(|e| matches!(e, "ed" | "ing")))
}

/// The words of a normalized Arabic text: runs of letters and digits, with their byte ranges.
fn arabic_words(text: &str) -> impl Iterator<Item = (Range<usize>, &str)> {
    words(text).map(move |r| (r.clone(), &text[r]))
}

/// The words of an English text, in lower case, with their byte ranges in `text`: runs of letters
/// and digits (an apostrophe or hyphen ends a word).
pub(crate) fn english_words(text: &str) -> impl Iterator<Item = (Range<usize>, String)> + '_ {
    words(text).map(move |r| {
        let mut word = String::with_capacity(r.len());
        crate::text::push_lowercase(&mut word, &text[r.clone()]);
        (r, word)
    })
}

/// The byte ranges of the runs of letters and digits of `text`.
fn words(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        while chars.next_if(|&(_, c)| !is_letter_or_digit(c)).is_some() {}
        let (start, _) = *chars.peek()?;
        let mut end = start;
        while let Some((i, c)) = chars.next_if(|&(_, c)| is_letter_or_digit(c)) {
            end = i + c.len_utf8();
        }
        Some(start..end)
    })
}

/// Pronoun suffixes a term's last word may carry (third person and first person plural), longest
/// first; the one-letter `ه` only after a feminine `ة`, which is written `ت` before a suffix
/// (`دولته`), since a final `ه` is most often `ة` itself.
const PRONOUN_SUFFIXES: &[&str] = &["هما", "هم", "هن", "ها", "نا", "ه"];

/// The fewest letters a word keeps once a pronoun suffix is stripped.
const MIN_SUFFIXED_STEM_CHARS: usize = 3;

/// The readings of a normalized Arabic word without a pronoun suffix: the stem, and, when the stem
/// ends with `ت`, the stem with the `ة` (normalized `ه`) it stands for.
fn without_suffix(word: &str) -> impl Iterator<Item = Cow<'_, str>> {
    let mut out: [Option<Cow<str>>; 2] = [None, None];
    for suffix in PRONOUN_SUFFIXES {
        let Some(rest) = word.strip_suffix(suffix) else { continue };
        if rest.chars().nth(MIN_SUFFIXED_STEM_CHARS - 1).is_none() {
            continue;
        }
        if let Some(stem) = rest.strip_suffix('ت') {
            out[0] = Some(Cow::Owned(format!("{stem}ه")));
        }
        if *suffix != "ه" {
            out[1] = Some(Cow::Borrowed(rest));
        }
        break;
    }
    out.into_iter().flatten()
}

/// The fewest letters left of a word once its clitics are stripped.
const MIN_STEM_CHARS: usize = 2;

/// A normalized Arabic word without the article `ال`, if enough letters remain.
fn bare(word: &str) -> &str {
    word.strip_prefix("ال").filter(|s| s.chars().nth(MIN_STEM_CHARS - 1).is_some()).unwrap_or(word)
}

/// The readings of a normalized Arabic word to look a term's word up with: the word without the
/// article, and the word without a conjunction (`و`, `ف`), a preposition (`ب`, `ل`, `ك`) and the
/// article (`لل` being `ل` + `ال`), each stripped only if enough letters remain.
fn stems(word: &str) -> impl Iterator<Item = &str> {
    let long_enough = |s: &&str| s.chars().nth(MIN_STEM_CHARS - 1).is_some();
    let after_conj = word.strip_prefix(ARABIC_CONJUNCTIONS).filter(long_enough);
    let mut out: [Option<&str>; 6] = [None; 6];
    out[0] = Some(bare(word));
    let mut k = 1;
    for w in std::iter::once(word).chain(after_conj) {
        if w != word {
            out[k] = Some(bare(w));
            k += 1;
        }
        if let Some(rest) = w.strip_prefix("لل").filter(long_enough) {
            out[k] = Some(rest);
            k += 1;
        } else if let Some(rest) = w.strip_prefix(ARABIC_PREPOSITIONS).filter(long_enough) {
            out[k] = Some(bare(rest));
            k += 1;
        }
    }
    out.into_iter().flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words_of(text: &str) -> Vec<(Range<usize>, String)> {
        english_words(text).collect()
    }

    #[test]
    fn arabic_terms_match_through_clitics_and_letter_variants() {
        let termbase =
            Termbase::from_tsv("الدولة الإسلامية\tIslamic State\nالموصل\tMosul\nالحكومة\tgovernment\n")
                .unwrap();
        let cases = [
            ("قاتلوا الدولة الإسلامية", Some(0)),
            ("قاتلوا الدولة الاسلامية", Some(0)),
            ("ضد والدولة الإسلاميه", Some(0)),
            ("مقاتلو للدولة الإسلامية", Some(0)),
            ("بالدولة الإسلامية", Some(0)),
            ("دولة إسلامية", Some(0)),
            ("في الموصل", Some(1)),
            ("وبالموصل", Some(1)),
            ("قاتلوا دولتهم الإسلامية", None),
            ("قاتلوا دولة إسلامية", Some(0)),
            ("حكومتهم", Some(2)),
            ("لحكومته", Some(2)),
            ("حكومات", None),
            ("الدولة المصرية", None),
            ("الإسلامية الدولة", None),
        ];
        for (text, term) in cases {
            let normalized = normalize(text).text;
            let found = termbase.find_arabic(&normalized);
            assert_eq!(found.first().map(|f| f.term), term, "{text}");
        }
        let normalized = normalize("قال إن الدولة الإسلامية انسحبت").text;
        let found = termbase.find_arabic(&normalized);
        assert_eq!(&normalized[found[0].range.clone()], "الدوله الاسلاميه");
    }

    #[test]
    fn longest_term_wins() {
        let termbase = Termbase::from_tsv("الدولة\tstate\nالدولة الإسلامية\tIslamic State\n").unwrap();
        let found = termbase.find_arabic(&normalize("الدولة الإسلامية والدولة").text);
        assert_eq!(found.iter().map(|f| f.term).collect::<Vec<_>>(), [1, 0]);
    }

    #[test]
    fn english_renderings_match_through_case_and_inflection() {
        let termbase =
            Termbase::from_tsv("الدولة الإسلامية\tIslamic State\tISIS\nنشر\tdeploy\nدراسة\tstudy\n").unwrap();
        assert_eq!(termbase.find_english(0, &words_of("the ISLAMIC STATE's fighters")), Some(4..17));
        assert_eq!(termbase.find_english(0, &words_of("the Islamic states")), Some(4..18));
        assert_eq!(termbase.find_english(0, &words_of("the state of Islam")), None);
        assert_eq!(termbase.find_forbidden(0, &words_of("ISIS fighters")), Some(0..4));
        assert!(termbase.find_english(1, &words_of("they were deployed")).is_some());
        assert!(termbase.find_english(1, &words_of("deploying troops")).is_some());
        assert!(termbase.find_english(1, &words_of("a deployer")).is_none());
        assert!(termbase.find_english(2, &words_of("two studies")).is_some());
        for (base, word, yes) in [
            ("stop", "stopped", true),
            ("stop", "stopping", true),
            ("make", "making", true),
            ("bank", "bankd", false),
            ("bank", "banks", true),
            ("bank", "banking", true),
            ("bank", "bankrupt", false),
            ("agree", "agreed", true),
        ] {
            assert_eq!(inflects(base, word), yes, "{base} {word}");
        }
    }

    #[test]
    fn tsv_errors_name_the_line() {
        let cases = [
            ("البنك\n", "line 1: expected arabic<TAB>english[<TAB>forbidden], found no tab"),
            ("# c\nالبنك\tbank\tx\ty\n", "line 2: expected at most 3 tab-separated columns"),
            ("bank\tbank\n", "line 1: the Arabic column has no Arabic letter"),
            ("البنك\t\t\n", "line 1: neither an allowed nor a forbidden rendering"),
        ];
        for (text, message) in cases {
            assert_eq!(Termbase::from_tsv(text).unwrap_err().to_string(), message);
        }
        let only_forbidden = Termbase::from_tsv("داعش\t\tDaesh\n").unwrap();
        assert!(!only_forbidden.has_renderings(0));
    }

    #[test]
    fn tbx_basic_is_read_with_deprecated_terms_forbidden() {
        let tbx = r#"<?xml version="1.0"?>
<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">
<martif type="TBX-Basic" xml:lang="en-US">
<martifHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></martifHeader>
<text><body>
<termEntry id="t1">
  <langSet xml:lang="ar"><tig><term>الدولة الإسلامية</term></tig></langSet>
  <langSet xml:lang="en-US">
    <tig><term>Islamic State</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
    <ntig><termGrp><term>ISIS</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termGrp></ntig>
  </langSet>
  <langSet xml:lang="fr"><tig><term>État islamique</term></tig></langSet>
</termEntry>
</body></text>
</martif>"#;
        let termbase = Termbase::from_tbx(tbx).unwrap();
        assert_eq!(termbase.terms(), [Term::new("الدولة الإسلامية", ["Islamic State"], ["ISIS"])]);
        assert!(Termbase::from_tbx("<html><body/></html>").is_err());
        assert!(Termbase::from_tbx("<martif><text>").is_err());
        assert!(Termbase::parse(tbx).is_ok_and(|t| t.len() == 1));
    }
}
