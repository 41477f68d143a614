//! Lexical evidence: how many of an Arabic sentence's common news words have one of their English
//! renderings in the English sentence (table in [`crate::lang::lexicon`]).

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

use crate::document::Sentence;
use crate::lang::lexicon::{AR_EN, AR_EN_MORE, AR_EN_NAMES, NAME_WORDS};
use crate::text::normalize::normalize;
use crate::text::{arabic_block_offset, is_letter, is_letter_or_digit};

/// Every lexicon entry: common words first, then names.
static ENTRIES: LazyLock<Vec<(&'static str, &'static [&'static str])>> =
    LazyLock::new(|| AR_EN.iter().chain(AR_EN_MORE).chain(AR_EN_NAMES).copied().collect());

/// The lexicon keyed by normalized Arabic form; values index [`ENTRIES`].
static INDEX: LazyLock<HashMap<String, usize>> =
    LazyLock::new(|| ENTRIES.iter().enumerate().map(|(k, (ar, _))| (normalize(ar).text, k)).collect());

/// Proclitics stripped from an Arabic word, longest first: conjunction, preposition and article.
const PREFIXES: [&str; 12] = ["وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك", "س"];

/// Suffixes stripped from an Arabic word, longest first: pronouns, plural and dual endings.
const SUFFIXES: [&str; 12] = ["هما", "ها", "هم", "هن", "كم", "نا", "ات", "ون", "ين", "ان", "ه", "ي"];

/// The fewest letters left after stripping.
const MIN_STEM_CHARS: usize = 2;

/// How many lexicon words of the Arabic were found, and how many of them the English renders.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct LexicalMatch {
    /// Distinct lexicon entries found in the Arabic.
    pub words: u32,
    /// Of those, the entries with an English rendering in the English.
    pub matched: u32,
    /// Per entry of [`ENTRIES`], whether it was found in the Arabic and rendered in the English (empty
    /// when none was found).
    seen: Vec<Seen>,
    /// The phrase renderings of the entries found.
    phrases: Vec<&'static str>,
}

/// How far a lexicon entry is seen in a pair.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Seen {
    /// Not in the Arabic.
    No,
    /// In the Arabic, not (yet) found rendered in the English.
    Arabic,
    /// In the Arabic and rendered in the English.
    Rendered,
}

impl LexicalMatch {
    /// Matches the Arabic sentences' words against the English sentences' words.
    pub fn of(src: &[Sentence], tgt: &[Sentence]) -> LexicalMatch {
        let mut seen = vec![Seen::No; ENTRIES.len()];
        let mut entries: Vec<usize> = Vec::with_capacity(16);
        for s in src {
            for word in s.normalized().split(|c: char| !is_letter(c)).filter(|w| !w.is_empty()) {
                if let Some(k) = lookup(word)
                    && seen[k] == Seen::No
                {
                    seen[k] = Seen::Arabic;
                    entries.push(k);
                }
            }
        }
        if entries.is_empty() {
            return LexicalMatch::default();
        }
        let mut english = String::with_capacity(tgt.iter().map(|s| s.normalized().len() + 1).sum());
        for s in tgt {
            push_lowercase(&mut english, s.normalized());
            english.push(' ');
        }
        // An entry is matched by a word of the English showing one of its stems, or by one of its
        // phrases in the text. Words as written and, for hyphenated ones, their parts (`31-year-old` is
        // also `old`).
        let mut count = 0;
        // The first bytes of the entries' renderings: a word that starts otherwise shows none of them.
        let mut first_bytes = [false; 256];
        for &k in &entries {
            for r in ENTRIES[k].1 {
                first_bytes[usize::from(r.as_bytes().first().copied().unwrap_or(0))] = true;
            }
        }
        let mut mark = |word: &str| {
            match word.as_bytes().first() {
                Some(&b) if first_bytes[usize::from(b)] => {}
                _ => return false,
            }
            word_stems(word, |stem_entries| {
                for &k in stem_entries {
                    if seen[k] == Seen::Arabic {
                        seen[k] = Seen::Rendered;
                        count += 1;
                    }
                }
            });
            count == entries.len()
        };
        let done = english.split(|c: char| !is_letter_or_digit(c) && c != '-').any(&mut mark)
            || (english.contains('-') && english.split(|c: char| !is_letter_or_digit(c)).any(&mut mark));
        if !done {
            count += entries
                .iter()
                .filter(|&&k| seen[k] == Seen::Arabic && PHRASES[k].iter().any(|p| english.contains(p)))
                .count();
        }
        let phrases = entries.iter().flat_map(|&k| PHRASES[k].iter().copied()).collect();
        LexicalMatch { words: entries.len() as u32, matched: count as u32, seen, phrases }
    }

    /// Whether one of the Arabic's lexicon words renders as the English word `lower` (lower case).
    pub fn renders_word(&self, lower: &str) -> bool {
        let mut renders = false;
        word_stems(lower, |entries| {
            renders |= entries.iter().any(|&k| self.seen.get(k).is_some_and(|&s| s != Seen::No))
        });
        renders || self.phrases.iter().any(|p| lower.contains(p))
    }
}

/// `text` in lower case, appended to `out`: `str::to_lowercase`, without its allocation for ASCII text.
pub(crate) fn push_lowercase(out: &mut String, text: &str) {
    if text.is_ascii() {
        let start = out.len();
        out.push_str(text);
        out[start..].make_ascii_lowercase();
    } else {
        out.push_str(&text.to_lowercase());
    }
}

/// Whether a rendering is looked for in the text rather than as a word: a phrase, or a stem with
/// punctuation (`u.s`, `$`).
fn is_phrase(rendering: &str) -> bool {
    rendering.contains(|c: char| !is_letter_or_digit(c) && c != '-')
}

/// The word renderings (not phrases) of the lexicon, each with the entries (indices into [`ENTRIES`])
/// that list it.
struct Stems {
    /// The renderings shorter than [`LONG_STEM`].
    short: HashMap<&'static str, Vec<usize>>,
    /// The longer renderings, by their first [`LONG_STEM`] bytes: a word shows one of them only if it
    /// starts with the same bytes.
    long: HashMap<[u8; LONG_STEM], Vec<(&'static str, Vec<usize>)>>,
}

/// The lexicon's [`Stems`].
static STEMS: LazyLock<Stems> = LazyLock::new(|| {
    let mut short: HashMap<&'static str, Vec<usize>> = HashMap::default();
    let mut long: HashMap<[u8; LONG_STEM], Vec<(&'static str, Vec<usize>)>> = HashMap::default();
    for (k, (_, renderings)) in ENTRIES.iter().enumerate() {
        for &r in renderings.iter().filter(|r| !is_phrase(r)) {
            let list = match r.as_bytes().first_chunk::<LONG_STEM>() {
                Some(&head) => {
                    let stems = long.entry(head).or_default();
                    let at = match stems.iter().position(|(stem, _)| *stem == r) {
                        Some(at) => at,
                        None => {
                            stems.push((r, Vec::new()));
                            stems.len() - 1
                        }
                    };
                    &mut stems[at].1
                }
                None => short.entry(r).or_default(),
            };
            if list.last() != Some(&k) {
                list.push(k);
            }
        }
    }
    Stems { short, long }
});

/// Each entry's phrase renderings, by index into [`ENTRIES`].
static PHRASES: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| {
    ENTRIES
        .iter()
        .map(|(_, renderings)| renderings.iter().copied().filter(|r| is_phrase(r)).collect())
        .collect()
});

/// The length in bytes from which a rendering stem matches any word it begins (`minist` matches
/// `minister`); a shorter one matches the word itself or the word with one of [`SHORT_STEM_ENDINGS`].
const LONG_STEM: usize = 4;

/// Endings a rendering stem shorter than [`LONG_STEM`] takes in a word (`war` → `wars`).
const SHORT_STEM_ENDINGS: [&str; 5] = ["", "s", "es", "ed", "ing"];

/// Calls `each` with the entries of every rendering stem an English word (lower case) shows: each
/// stem of [`LONG_STEM`] bytes or more it starts with, and the word itself or the word without `s`,
/// `es`, `ed` or `ing` when that is shorter.
fn word_stems(word: &str, mut each: impl FnMut(&[usize])) {
    let Stems { short, long } = &*STEMS;
    for ending in SHORT_STEM_ENDINGS {
        // The length is compared first: most words are too long for any ending to leave a short stem.
        if word.len() < LONG_STEM + ending.len()
            && let Some(stem) = strip_end(word, ending)
            && let Some(entries) = short.get(stem)
        {
            each(entries);
        }
    }
    if let Some(head) = word.as_bytes().first_chunk::<LONG_STEM>()
        && let Some(stems) = long.get(head)
    {
        for (stem, entries) in stems {
            if strip_start(word, stem).is_some() {
                each(entries);
            }
        }
    }
}

/// Every single-word English rendering in the lexicon.
static ENGLISH: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    AR_EN
        .iter()
        .chain(AR_EN_MORE)
        .flat_map(|(_, en)| en.iter().copied())
        .filter(|r| !r.contains(' '))
        .collect()
});

/// Endings of English common nouns and adjectives that proper names rarely have.
const COMMON_SUFFIXES: [&str; 16] = [
    "ing", "tion", "sion", "ment", "ments", "ness", "ity", "ary", "ics", "ism", "ive", "ous", "ship", "ance",
    "ence", "wards",
];

/// Inflections a lexicon rendering takes when it is read as a whole word (`election` → `elections`).
const INFLECTIONS: [&str; 10] = ["", "s", "es", "ed", "ing", "e", "y", "ies", "er", "al"];

/// Whether a capitalized English word (lower case) is a common word rather than a name: a lexicon
/// rendering with at most an inflection (`county`, `awards`), or a word with an ending of common nouns
/// and adjectives. Stems are read whole here, not as prefixes, so that `Lakers` is not `lake`.
pub(crate) fn is_common_english(lower: &str) -> bool {
    if COMMON_SUFFIXES.iter().any(|s| lower.len() > s.len() + 3 && lower.ends_with(s))
        || NAME_WORDS.binary_search(&lower).is_ok()
    {
        return true;
    }
    INFLECTIONS.iter().any(|i| lower.strip_suffix(i).is_some_and(|stem| ENGLISH.contains(stem)))
}

/// `text` without `affix` at its start, compared byte by byte: for the few bytes of an affix that is
/// cheaper than the call to `memcmp` of `str::strip_prefix`.
fn strip_start<'a>(text: &'a str, affix: &str) -> Option<&'a str> {
    let starts = text.len() >= affix.len() && text.bytes().zip(affix.bytes()).all(|(a, b)| a == b);
    if starts { text.get(affix.len()..) } else { None }
}

/// `text` without `affix` at its end, compared byte by byte (see [`strip_start`]).
fn strip_end<'a>(text: &'a str, affix: &str) -> Option<&'a str> {
    let cut = text.len().checked_sub(affix.len())?;
    let ends = text.as_bytes()[cut..].iter().eq(affix.as_bytes());
    if ends { text.get(..cut) } else { None }
}

/// The lexicon entry of an Arabic word: as written, then without proclitics, then without a suffix.
fn lookup(word: &str) -> Option<usize> {
    let index = &*INDEX;
    let long_enough = |w: &&str| w.chars().nth(MIN_STEM_CHARS - 1).is_some();
    let stripped =
        PREFIX_FIRST.for_letter(word.chars().next()).filter_map(|p| strip_start(word, p)).filter(long_enough);
    // `لل` is the preposition fused with the article: `للصين` is `ل` + `الصين`.
    let fused = strip_start(word, "لل").is_some();
    let mut with_article = String::new();
    for stem in std::iter::once(word).chain(stripped) {
        if let Some(&k) = index.get(stem) {
            return Some(k);
        }
        if fused {
            with_article.clear();
            with_article.push_str("ال");
            with_article.push_str(stem);
            if let Some(&k) = index.get(with_article.as_str()) {
                return Some(k);
            }
        }
        for s in SUFFIX_LAST.for_letter(stem.chars().next_back()) {
            if let Some(rest) = strip_end(stem, s)
                && long_enough(&rest)
                && let Some(&k) = index.get(rest)
            {
                return Some(k);
            }
        }
    }
    None
}

/// A list of affixes with, per letter of the Arabic block (U+0600 to U+06FF), a bit per affix that
/// starts (for [`PREFIX_FIRST`]) or ends ([`SUFFIX_LAST`]) with it: a word is compared only with the
/// affixes its first or last letter allows.
struct Affixes {
    list: &'static [&'static str; 12],
    masks: [u16; 256],
}

/// [`PREFIXES`] by their first letter.
static PREFIX_FIRST: Affixes = Affixes::new(&PREFIXES, false);

/// [`SUFFIXES`] by their last letter.
static SUFFIX_LAST: Affixes = Affixes::new(&SUFFIXES, true);

impl Affixes {
    /// The masks of a list of affixes written in Arabic-block letters (two bytes each in UTF-8);
    /// anything else fails to compile.
    const fn new(list: &'static [&'static str; 12], last: bool) -> Affixes {
        let mut masks = [0u16; 256];
        let mut i = 0;
        while i < list.len() {
            let b = list[i].as_bytes();
            assert!(b.len() >= 2, "an affix of two-byte letters");
            let at = if last { b.len() - 2 } else { 0 };
            // A letter of U+0600 to U+06FF: at the end, the last letter is then two bytes long.
            let Some(letter) = arabic_block_offset(b[at], b[at + 1]) else { panic!("an Arabic letter") };
            masks[letter] |= 1 << i;
            i += 1;
        }
        Affixes { list, masks }
    }

    /// The affixes that a word whose first (or last) letter is `c` can have, in list order.
    fn for_letter(&self, c: Option<char>) -> impl Iterator<Item = &'static str> + use<> {
        let list = self.list;
        let mut mask = match c {
            Some(c @ '\u{0600}'..='\u{06FF}') => self.masks[c as usize - 0x600],
            _ => 0,
        };
        std::iter::from_fn(move || {
            let i = mask.trailing_zeros() as usize;
            mask &= mask.wrapping_sub(1);
            list.get(i).copied()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Document, Lang, Segmentation};

    fn matched(ar: &str, en: &str) -> LexicalMatch {
        let a = Document::new(ar, Lang::Arabic, Segmentation::Lines);
        let e = Document::new(en, Lang::English, Segmentation::Lines);
        LexicalMatch::of(a.sentences(), e.sentences())
    }

    #[test]
    fn name_words_are_sorted_for_binary_search() {
        assert!(NAME_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn every_arabic_form_is_listed_once() {
        assert_eq!(INDEX.len(), ENTRIES.len(), "an Arabic form is listed twice (after normalization)");
    }

    #[test]
    fn clitics_are_stripped() {
        for (word, entry) in
            [("والرئيس", "رئيس"), ("للحكومة", "حكومه"), ("وزيرها", "وزير"), ("بالمدينة", "مدينه")]
        {
            assert_eq!(lookup(&normalize(word).text), INDEX.get(&normalize(entry).text).copied(), "{word}");
        }
    }

    /// Whether a word rendering occurs in an English word, read straight from the rule.
    fn shows(rendering: &str, word: &str) -> bool {
        match word.strip_prefix(rendering) {
            Some(_) if rendering.len() >= LONG_STEM => true,
            Some(rest) => SHORT_STEM_ENDINGS.contains(&rest),
            None => false,
        }
    }

    #[test]
    fn word_stems_find_the_renderings_a_word_shows() {
        assert!(ENTRIES.iter().all(|(_, renderings)| renderings.iter().all(|r| !r.is_empty())));
        let mut words: Vec<String> =
            ["ministers", "wars", "warship", "said", "sa", "the", "aid", "élan", "31-year-old"]
                .map(String::from)
                .to_vec();
        for (_, renderings) in ENTRIES.iter() {
            for r in renderings.iter().filter(|r| !is_phrase(r)) {
                words.extend(["", "s", "es", "ing", "ings", "x"].map(|e| format!("{r}{e}")));
                words.extend(r.char_indices().map(|(i, _)| r[..i].to_owned()));
            }
        }
        for word in &words {
            let mut found: Vec<usize> = Vec::new();
            word_stems(word, |entries| found.extend(entries));
            found.sort_unstable();
            found.dedup();
            let expected: Vec<usize> = (0..ENTRIES.len())
                .filter(|&k| ENTRIES[k].1.iter().any(|r| !is_phrase(r) && shows(r, word)))
                .collect();
            assert_eq!(found, expected, "{word}");
        }
    }

    #[test]
    fn affixes_are_found_by_their_letters() {
        for p in PREFIXES {
            let first = p.chars().next();
            let expected: Vec<&str> = PREFIXES.into_iter().filter(|q| q.chars().next() == first).collect();
            assert_eq!(PREFIX_FIRST.for_letter(first).collect::<Vec<_>>(), expected, "{p}");
        }
        for s in SUFFIXES {
            let last = s.chars().next_back();
            let expected: Vec<&str> =
                SUFFIXES.into_iter().filter(|q| q.chars().next_back() == last).collect();
            assert_eq!(SUFFIX_LAST.for_letter(last).collect::<Vec<_>>(), expected, "{s}");
        }
        assert_eq!(PREFIX_FIRST.for_letter(Some('a')).count(), 0);
        assert_eq!(SUFFIX_LAST.for_letter(None).count(), 0);
    }

    #[test]
    fn translations_match_and_others_do_not() {
        let m = matched(
            "قال الرئيس إن الحكومة ستدعم الشركات.",
            "The president said the government will support firms.",
        );
        assert_eq!((m.words, m.matched), (4, 4));
        let m = matched("قال الرئيس إن الحكومة ستدعم الشركات.", "Heavy rain flooded the valley overnight.");
        assert_eq!(m.matched, 0);
    }
}
