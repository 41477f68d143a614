//! Lexical evidence: how many of an Arabic sentence's common news words have one of their English
//! renderings in the English sentence (table in [`crate::lang::lexicon`]).

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

use crate::document::Sentence;
use crate::lang::lexicon::{AR_EN, AR_EN_MORE, AR_EN_NAMES, NAME_WORDS};
use crate::text::normalize::normalize;
use crate::text::{is_letter, is_letter_or_digit};

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
    /// The entries found in the Arabic (indices into [`ENTRIES`]).
    entries: Vec<usize>,
}

impl LexicalMatch {
    /// Matches the Arabic sentences' words against the English sentences' words.
    pub fn of(src: &[Sentence], tgt: &[Sentence]) -> LexicalMatch {
        let mut entries: Vec<usize> = Vec::new();
        let mut seen = vec![false; ENTRIES.len()];
        for s in src {
            for word in s.normalized().split(|c: char| !is_letter(c)).filter(|w| !w.is_empty()) {
                if let Some(k) = lookup(word)
                    && !seen[k]
                {
                    seen[k] = true;
                    entries.push(k);
                }
            }
        }
        if entries.is_empty() {
            return LexicalMatch::default();
        }
        let english: String = tgt.iter().map(|s| s.normalized().to_lowercase() + " ").collect();
        // Sorted and deduplicated, so that a stem is found by binary search however long the text.
        // Words as written and, for hyphenated ones, their parts (`31-year-old` is also `old`).
        let mut words: Vec<&str> = english.split(|c: char| !is_letter_or_digit(c) && c != '-').collect();
        if english.contains('-') {
            words.extend(english.split(|c: char| !is_letter_or_digit(c)));
        }
        words.sort_unstable();
        words.dedup();
        let matched =
            entries.iter().filter(|&&k| ENTRIES[k].1.iter().any(|r| renders(r, &english, &words))).count();
        LexicalMatch { words: entries.len() as u32, matched: matched as u32, entries }
    }

    /// Whether one of the Arabic's lexicon words renders as the English word `lower` (lower case).
    pub fn renders_word(&self, lower: &str) -> bool {
        let words = [lower];
        self.entries.iter().any(|&k| ENTRIES[k].1.iter().any(|r| renders(r, lower, &words)))
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

/// The lexicon entry of an Arabic word: as written, then without proclitics, then without a suffix.
fn lookup(word: &str) -> Option<usize> {
    let index = &*INDEX;
    let long_enough = |w: &str| w.chars().count() >= MIN_STEM_CHARS;
    let stripped = PREFIXES.iter().filter_map(|p| word.strip_prefix(p)).filter(|rest| long_enough(rest));
    let mut with_article = String::new();
    for stem in std::iter::once(word).chain(stripped) {
        if let Some(&k) = index.get(stem) {
            return Some(k);
        }
        // `لل` is the preposition fused with the article: `للصين` is `ل` + `الصين`.
        if word.starts_with("لل") {
            with_article.clear();
            with_article.push_str("ال");
            with_article.push_str(stem);
            if let Some(&k) = index.get(with_article.as_str()) {
                return Some(k);
            }
        }
        for s in SUFFIXES {
            if let Some(rest) = stem.strip_suffix(s)
                && long_enough(rest)
                && let Some(&k) = index.get(rest)
            {
                return Some(k);
            }
        }
    }
    None
}

/// Whether an English rendering stem occurs: a phrase anywhere in the text, a stem of four or more
/// letters as the start of a word, a shorter one as a word or the word with a common ending. `words`
/// is sorted.
fn renders(stem: &str, text: &str, words: &[&str]) -> bool {
    // A phrase, or a stem with punctuation (`u.s`, `$`), is looked for in the text.
    if stem.contains(|c: char| !is_letter_or_digit(c) && c != '-') {
        return text.contains(stem);
    }
    let from = words.partition_point(|w| *w < stem);
    let mut following = words[from..].iter().take_while(|w| w.starts_with(stem));
    if stem.len() >= 4 {
        return following.next().is_some();
    }
    following.any(|w| matches!(&w[stem.len()..], "" | "s" | "es" | "ed" | "ing"))
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
