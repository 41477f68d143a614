//! Lexical evidence: how many of an Arabic sentence's words have one of their English renderings in
//! the English sentence. A [`Lexicon`] is built once from a list of entries: the built-in one from
//! the tables of [`crate::lang::lexicon`], an external one from a [`Dictionary`] read at run time.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

use crate::dictionary::Dictionary;
use crate::document::NormalizedSentence;
use crate::lang::clitics::{ENCLITICS, PROCLITICS};
use crate::lang::lexicon::{
    AR_EN, AR_EN_MORE, CORE, FUNCTION_WORDS, NAME_WORDS, PREPOSITION_PRONOUNS, hand_tables,
};
use crate::text::memo::WordMemo;
use crate::text::normalize::normalize;
use crate::text::{
    CharClass, LETTERS, LETTERS_OR_DIGITS, arabic_block_offset, is_letter, is_letter_or_digit,
    push_lowercase, runs,
};

/// The fewest letters left after stripping.
const MIN_STEM_CHARS: usize = 2;

/// An Arabic→English lexicon prepared for matching: Arabic forms (normalized) to English renderings,
/// indexed both ways.
pub(crate) struct Lexicon {
    /// Per entry, its English renderings (lower case; stems or phrases, see [`is_phrase`]).
    renderings: Vec<Vec<String>>,
    /// Entries by normalized Arabic form.
    index: HashMap<String, usize>,
    /// The word renderings, for reading an English word.
    stems: Stems,
    /// Per entry, its phrase renderings.
    phrases: Vec<Vec<String>>,
    /// Per entry, whether its Arabic form is a function word (see [`is_function_word`]).
    function: Vec<bool>,
    /// Per entry, its group: the first entry with the same renderings (the inflected forms of one
    /// Arabic word, as the core vocabulary lists them).
    groups: Vec<usize>,
    /// Per thread, the entry of each Arabic word [`Lexicon::lookup`] was asked for: a document
    /// repeats its words, and its index and its beads' scores look the same words up.
    memo: WordMemo<usize>,
    /// Per thread, the groups each word of an Arabic (first) or English (second) sentence shows,
    /// as [`Lexicon::sentence_groups`] reads them.
    group_memo: [WordMemo<usize>; 2],
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon").field("entries", &self.renderings.len()).finish_non_exhaustive()
    }
}

/// The built-in lexicon: function words first, then common news words, names, and the core
/// vocabulary of general text.
pub(crate) static BUILTIN: LazyLock<Lexicon> = LazyLock::new(|| {
    let core = CORE.iter().map(|(ar, en)| ((*ar).to_owned(), en.iter().map(|r| (*r).to_owned()).collect()));
    Lexicon::new(tables().chain(core))
});

/// The entries of the hand-written tables ([`hand_tables`]), their Arabic forms normalized.
fn tables() -> impl Iterator<Item = (String, Vec<String>)> {
    hand_tables().map(|(ar, en)| (normalize(ar).text, en.iter().map(|r| (*r).to_owned()).collect()))
}

impl Lexicon {
    /// A lexicon of `(normalized Arabic form, renderings)` entries; a form listed again adds its
    /// renderings to the first entry's.
    pub fn new(entries: impl Iterator<Item = (String, Vec<String>)>) -> Lexicon {
        let mut renderings: Vec<Vec<String>> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::default();
        let mut function = Vec::new();
        for (ar, en) in entries {
            match index.get(&ar) {
                Some(&k) => renderings[k].extend(en.into_iter().filter(|r| !r.is_empty())),
                None => {
                    function.push(is_function_word(&ar));
                    index.insert(ar, renderings.len());
                    renderings.push(en.into_iter().filter(|r| !r.is_empty()).collect());
                }
            }
        }
        for list in &mut renderings {
            let mut seen = HashSet::default();
            list.retain(|r| seen.insert(r.clone()));
        }
        let stems = Stems::new(&renderings);
        let phrases =
            renderings.iter().map(|list| list.iter().filter(|r| is_phrase(r)).cloned().collect()).collect();
        let mut same: HashMap<&[String], usize> = HashMap::default();
        let groups =
            (0..renderings.len()).map(|k| *same.entry(renderings[k].as_slice()).or_insert(k)).collect();
        let (memo, group_memo) = (WordMemo::new(), [WordMemo::new(), WordMemo::new()]);
        Lexicon { renderings, index, stems, phrases, function, groups, memo, group_memo }
    }

    /// The lexicon layer of an external dictionary: each single-word Arabic form with the content
    /// words of its glosses as renderings (a gloss `house of representatives` renders `house` and
    /// `representatives`). Arabic function words are left out: every sentence holds them, and their
    /// glosses (`in`, `from`) render nothing that tells one sentence from another.
    pub fn from_dictionary(dictionary: &Dictionary) -> Lexicon {
        let entries = dictionary.entries().filter(|(ar, _)| !ar.contains(' ') && !is_function_word(ar)).map(
            |(ar, glosses)| {
                let mut words: Vec<String> = Vec::new();
                for gloss in glosses {
                    for word in gloss.split(|c: char| !is_letter(c)) {
                        if word.chars().count() >= 3 && !is_english_function_word(word) {
                            words.push(gloss_stem(word));
                        }
                    }
                }
                (ar.to_owned(), words)
            },
        );
        Lexicon::new(entries.filter(|(_, words)| !words.is_empty()))
    }

    /// How many entries it holds.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.renderings.len()
    }
}

/// A dictionary gloss word as a rendering stem: a final `e` or `y` dropped from a word of five
/// letters or more, so that `decide` also matches `decided` and `study` `studies`.
fn gloss_stem(word: &str) -> String {
    let stem = match word.strip_suffix(['e', 'y']) {
        Some(stem) if stem.len() >= LONG_STEM => stem,
        _ => word,
    };
    stem.to_owned()
}

/// Whether a normalized Arabic word is a function word: one of the built-in table's (with or
/// without a one-letter conjunction) or a particle.
pub(crate) fn is_function_word(ar: &str) -> bool {
    static FORMS: LazyLock<HashSet<String>> = LazyLock::new(|| {
        let pronouns = PREPOSITION_PRONOUNS.iter().map(|(ar, _)| ar.clone());
        FUNCTION_WORDS.iter().map(|(ar, _)| normalize(ar).text).chain(pronouns).collect()
    });
    let bare = ar.strip_prefix(['و', 'ف']).filter(|rest| rest.chars().count() >= 2).unwrap_or(ar);
    [ar, bare].iter().any(|w| FORMS.contains(*w) || ARABIC_PARTICLES.contains(w))
}

/// Arabic prepositions, conjunctions and particles (normalized) that an external dictionary glosses
/// with English function words: a closed class, left out of the dictionary layer.
const ARABIC_PARTICLES: &[&str] = &[
    "في",
    "من",
    "علي",
    "الي",
    "عن",
    "مع",
    "ان",
    "او",
    "ام",
    "ثم",
    "حتي",
    "قد",
    "لقد",
    "لكن",
    "بل",
    "اذا",
    "لو",
    "كان",
    "الذي",
    "التي",
    "الذين",
    "ما",
    "عند",
    "بين",
];

/// Whether an English word (lower case) is a function word: a closed class that every sentence holds.
pub(crate) fn is_english_function_word(word: &str) -> bool {
    ENGLISH_FUNCTION_WORDS.binary_search(&word).is_ok()
}

/// English articles, pronouns, prepositions, conjunctions, auxiliaries and the commonest adverbs of
/// degree, place and time, of three letters or more, sorted: the closed-class words of dictionary glosses that render nothing particular.
const ENGLISH_FUNCTION_WORDS: &[&str] = &[
    "about",
    "after",
    "all",
    "also",
    "and",
    "any",
    "are",
    "because",
    "been",
    "before",
    "being",
    "but",
    "can",
    "could",
    "did",
    "does",
    "for",
    "from",
    "had",
    "has",
    "have",
    "her",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "into",
    "its",
    "itself",
    "just",
    "may",
    "me",
    "might",
    "mine",
    "must",
    "my",
    "myself",
    "not",
    "one",
    "onto",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "she",
    "should",
    "some",
    "someone",
    "something",
    "than",
    "that",
    "the",
    "their",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "too",
    "upon",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

/// How many lexicon words of the Arabic were found, and how many of them the English renders.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct LexicalMatch<'a> {
    /// Distinct lexicon entries found in the Arabic.
    pub words: u32,
    /// Of those, the entries with an English rendering in the English.
    pub matched: u32,
    /// Of [`words`](Self::words), the function words (pronouns, particles, auxiliaries): almost every
    /// English sentence renders some of them, so they tell a translation from another sentence less
    /// than content words do.
    pub function_words: u32,
    /// Of those, the ones the English renders.
    pub function_matched: u32,
    /// The Arabic words found whose entry the English does not render, as (sentence index,
    /// normalized byte range) of their first occurrence.
    pub unrendered: Vec<(usize, std::ops::Range<usize>)>,
    /// The entries found, by index into the lexicon.
    entries: Vec<usize>,
    /// The phrase renderings of the entries found.
    phrases: Vec<&'a str>,
}

/// Letters, digits and hyphens: the words of an English sentence as [`Lexicon::matches`] reads
/// them whole (`31-year-old`).
static ENGLISH_WORD_CHARACTERS: LazyLock<CharClass> =
    LazyLock::new(|| CharClass::new(|c| is_letter_or_digit(c) || c == '-'));

/// How far a lexicon entry is seen in a pair.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Seen {
    /// In the Arabic, not (yet) found rendered in the English.
    Arabic,
    /// In the Arabic and rendered in the English.
    Rendered,
}

impl Lexicon {
    /// Matches the Arabic sentences' words against the English sentences' words. Arabic words for
    /// which `skip` holds (known to a layer read before this one) are not looked up.
    pub fn matches<'a>(
        &'a self,
        src: &[NormalizedSentence],
        tgt: &[NormalizedSentence],
        skip: impl Fn(&str) -> bool,
    ) -> LexicalMatch<'a> {
        let mut seen: HashMap<usize, Seen> = HashMap::default();
        let mut entries: Vec<usize> = Vec::with_capacity(16);
        let mut at: Vec<(usize, std::ops::Range<usize>)> = Vec::with_capacity(16);
        // This thread's memo of Arabic words, taken once for the pair (see `Lexicon::lookup`).
        self.memo.with(|memo| {
            for (i, s) in src.iter().enumerate() {
                let text = s.normalized();
                for word in runs(text, &LETTERS) {
                    if let Some(&k) = memo.of(word, |found| found.extend(self.find(word))).first()
                        && !seen.contains_key(&k)
                        && !skip(word)
                    {
                        seen.insert(k, Seen::Arabic);
                        entries.push(k);
                        // `word` is a slice of `text`: its offset is the distance between their starts.
                        let start = word.as_ptr() as usize - text.as_ptr() as usize;
                        at.push((i, start..start + word.len()));
                    }
                }
            }
        });
        if entries.is_empty() {
            return LexicalMatch::default();
        }
        let mut english =
            String::with_capacity(tgt.iter().map(|s| s.normalized().len() + 2).sum::<usize>() + 1);
        english.push(' ');
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
            for r in &self.renderings[k] {
                first_bytes[usize::from(r.as_bytes().first().copied().unwrap_or(0))] = true;
            }
        }
        // The entries found, by their low eight bits: most entries an English word shows are none
        // of them, and are passed over without a hash look-up.
        let mut low_bits = [0u64; 4];
        for &k in &entries {
            low_bits[(k >> 6) & 3] |= 1 << (k & 63);
        }
        // This thread's memo of English words, taken once for the pair (see `Stems::word_stems`).
        let done = self.stems.memo.with(|memo| {
            let mut mark = |word: &str| {
                match word.as_bytes().first() {
                    Some(&b) if first_bytes[usize::from(b)] => {}
                    _ => return false,
                }
                let stem_entries =
                    memo.of(word, |found| self.stems.find(word, |e| found.extend_from_slice(e)));
                for k in stem_entries {
                    if low_bits[(k >> 6) & 3] & (1 << (k & 63)) == 0 {
                        continue;
                    }
                    if let Some(s) = seen.get_mut(k)
                        && *s == Seen::Arabic
                    {
                        *s = Seen::Rendered;
                        count += 1;
                    }
                }
                count == entries.len()
            };
            runs(&english, &ENGLISH_WORD_CHARACTERS).any(&mut mark)
                || (english.contains('-') && runs(&english, &LETTERS_OR_DIGITS).any(&mut mark))
        });
        if !done {
            for &k in &entries {
                if seen[&k] == Seen::Arabic && self.phrases[k].iter().any(|p| english.contains(p.as_str())) {
                    seen.insert(k, Seen::Rendered);
                    count += 1;
                }
            }
        }
        let phrases = entries.iter().flat_map(|&k| self.phrases[k].iter().map(String::as_str)).collect();
        let unrendered =
            entries.iter().zip(at).filter(|(k, _)| seen[k] == Seen::Arabic).map(|(_, at)| at).collect();
        let function = || entries.iter().filter(|&&k| self.function[k]);
        LexicalMatch {
            words: entries.len() as u32,
            matched: count as u32,
            function_words: function().count() as u32,
            function_matched: function().filter(|k| seen[*k] == Seen::Rendered).count() as u32,
            unrendered,
            entries,
            phrases,
        }
    }

    /// Whether the entry of a normalized Arabic word (see [`Lexicon::lookup`]) has a rendering that
    /// the English word `lower` (lower case) shows.
    pub fn renders(&self, arabic: &str, lower: &str) -> bool {
        let Some(k) = self.lookup(arabic) else { return false };
        let mut renders = false;
        self.stems.word_stems(lower, |entries| renders |= entries.contains(&k));
        renders
    }

    /// The entries a sentence shows, for the aligner's inverted index: the entries of an Arabic
    /// sentence's content words (function words left out), or the entries an English sentence's words
    /// render (words of three letters or more, English function words left out). The two sides of
    /// a translation share most of theirs. Entries may repeat.
    pub fn sentence_entries(&self, sentence: &NormalizedSentence, arabic: bool, out: &mut Vec<usize>) {
        for_each_index_word(sentence, arabic, |word| self.word_entries(word, arabic, out));
    }

    /// The entries one word of a sentence shows (see [`Lexicon::sentence_entries`]); an English word
    /// is in lower case.
    fn word_entries(&self, word: &str, arabic: bool, out: &mut Vec<usize>) {
        if arabic {
            if !is_function_word(word)
                && let Some(k) = self.lookup(word)
            {
                out.push(k);
            }
        } else if word.len() >= 3 && !is_english_function_word(word) {
            self.stems.word_stems(word, |entries| out.extend_from_slice(entries));
        }
    }

    /// The groups of the entries a sentence shows (see [`Lexicon::sentence_entries`]), for the
    /// aligner's inverted index: an English word that renders many inflected forms of one Arabic
    /// word listed with the same renderings gives one key, not one per form. An Arabic and an
    /// English sentence share a group when the English shows a rendering of an entry in the group
    /// of one of the Arabic's words. Each distinct word is looked up once per thread.
    pub fn sentence_groups(&self, sentence: &NormalizedSentence, arabic: bool, out: &mut Vec<usize>) {
        self.group_memo[usize::from(!arabic)].with(|cache| {
            for_each_index_word(sentence, arabic, |word| {
                out.extend_from_slice(cache.of(word, |found| {
                    let start = found.len();
                    self.word_entries(word, arabic, found);
                    for k in &mut found[start..] {
                        *k = self.groups[*k];
                    }
                }));
            });
        });
    }

    /// Whether the lexicon knows a normalized Arabic word (as written or without its clitics).
    pub fn knows(&self, word: &str) -> bool {
        self.lookup(word).is_some()
    }
}

/// Calls `each` with the words of a sentence that [`Lexicon::sentence_entries`] reads: an Arabic
/// sentence's normalized words, an English sentence's in lower case.
fn for_each_index_word(sentence: &NormalizedSentence, arabic: bool, mut each: impl FnMut(&str)) {
    let text = sentence.normalized();
    if arabic {
        runs(text, &LETTERS).for_each(&mut each);
    } else {
        let mut lower = String::with_capacity(text.len());
        push_lowercase(&mut lower, text);
        runs(&lower, &LETTERS).for_each(&mut each);
    }
}

impl LexicalMatch<'_> {
    /// Whether one of the Arabic's lexicon words renders as the English word `lower` (lower case),
    /// in `lexicon` (the one that made this match).
    pub fn renders_word(&self, lexicon: &Lexicon, lower: &str) -> bool {
        let mut renders = false;
        lexicon
            .stems
            .word_stems(lower, |entries| renders |= entries.iter().any(|k| self.entries.contains(k)));
        renders || self.phrases.iter().any(|p| lower.contains(p))
    }
}

/// Whether a rendering is looked for in the text rather than as a word: a phrase, or a stem with
/// punctuation (`u.s`, `$`).
fn is_phrase(rendering: &str) -> bool {
    rendering.contains(|c: char| !is_letter_or_digit(c) && c != '-')
}

/// The word renderings (not phrases) of a lexicon, each with the entries that list it.
struct Stems {
    /// The renderings shorter than [`LONG_STEM`].
    short: HashMap<String, Vec<usize>>,
    /// The longer renderings: a word shows each of them it begins with.
    long: HashMap<String, Vec<usize>>,
    /// The first [`LONG_STEM`] bytes of the longer renderings, each with the lengths of the
    /// renderings that start with them ([`length_bit`]): a word that starts otherwise shows none of
    /// them, and a word that does is looked up only at those lengths.
    heads: HashMap<[u8; LONG_STEM], u64>,
    /// The length in bytes of the longest of the longer renderings.
    longest: usize,
    /// Per thread, the entries each English word [`Stems::word_stems`] was asked for shows.
    memo: WordMemo<usize>,
}

impl Stems {
    /// The word renderings of every entry.
    fn new(renderings: &[Vec<String>]) -> Stems {
        let mut short: HashMap<String, Vec<usize>> = HashMap::default();
        let mut long: HashMap<String, Vec<usize>> = HashMap::default();
        let mut heads: HashMap<[u8; LONG_STEM], u64> = HashMap::default();
        let mut longest = 0;
        for (k, list) in renderings.iter().enumerate() {
            for r in list.iter().filter(|r| !is_phrase(r)) {
                let entries = match r.as_bytes().first_chunk::<LONG_STEM>() {
                    Some(&head) => {
                        *heads.entry(head).or_default() |= length_bit(r.len());
                        longest = longest.max(r.len());
                        long.entry(r.clone()).or_default()
                    }
                    None => short.entry(r.clone()).or_default(),
                };
                if entries.last() != Some(&k) {
                    entries.push(k);
                }
            }
        }
        Stems { short, long, heads, longest, memo: WordMemo::new() }
    }

    /// Calls `each` with the entries of the rendering stems an English word (lower case) shows (see
    /// [`Stems::find`]), read from this thread's memo when the word was asked for before.
    fn word_stems(&self, word: &str, each: impl FnOnce(&[usize])) {
        self.memo.with(|memo| each(memo.of(word, |found| self.find(word, |e| found.extend_from_slice(e)))));
    }

    /// Calls `each` with the entries of every rendering stem an English word (lower case) shows:
    /// each stem of [`LONG_STEM`] bytes or more it starts with, and the word itself or the word
    /// without `s`, `es`, `ed` or `ing` when that is shorter.
    fn find(&self, word: &str, mut each: impl FnMut(&[usize])) {
        for ending in SHORT_STEM_ENDINGS {
            // The length is compared first: most words are too long for any ending to leave a short stem.
            if word.len() < LONG_STEM + ending.len()
                && let Some(stem) = strip_end(word, ending)
                && let Some(entries) = self.short.get(stem)
            {
                each(entries);
            }
        }
        if let Some(head) = word.as_bytes().first_chunk::<LONG_STEM>()
            && let Some(&lengths) = self.heads.get(head)
        {
            for end in LONG_STEM..=word.len().min(self.longest) {
                if lengths & length_bit(end) != 0
                    && let Some(entries) = word.get(..end).and_then(|prefix| self.long.get(prefix))
                {
                    each(entries);
                }
            }
        }
    }
}

/// The length in bytes from which a rendering stem matches any word it begins (`minist` matches
/// `minister`); a shorter one matches the word itself or the word with one of [`SHORT_STEM_ENDINGS`].
const LONG_STEM: usize = 4;

/// The bit of a set of rendering lengths (from [`LONG_STEM`] bytes) that stands for `len` bytes;
/// lengths of 63 bytes over [`LONG_STEM`] and more share the last bit.
fn length_bit(len: usize) -> u64 {
    1 << len.saturating_sub(LONG_STEM).min(63)
}

/// Endings a rendering stem shorter than [`LONG_STEM`] takes in a word (`war` → `wars`).
const SHORT_STEM_ENDINGS: &[&str] = &["", "s", "es", "ed", "ing"];

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
const COMMON_SUFFIXES: &[&str] = &[
    "ing", "tion", "sion", "ment", "ments", "ness", "ity", "ary", "ics", "ism", "ive", "ous", "ship", "ance",
    "ence", "wards",
];

/// Inflections a lexicon rendering takes when it is read as a whole word (`election` → `elections`).
const INFLECTIONS: &[&str] = &["", "s", "es", "ed", "ing", "e", "y", "ies", "er", "al"];

/// Whether an English word (lower case) is one of [`NAME_WORDS`], singular or plural (`Awards`,
/// `Academies`).
fn is_name_word(lower: &str) -> bool {
    let found = |w: &str| NAME_WORDS.binary_search(&w).is_ok();
    found(lower)
        || lower.strip_suffix('s').is_some_and(found)
        || lower.strip_suffix("ies").is_some_and(|stem| found(&format!("{stem}y")))
}

/// Whether a capitalized English word (lower case) is a common word rather than a name: a lexicon
/// rendering with at most an inflection (`county`, `awards`), or a word with an ending of common nouns
/// and adjectives. Stems are read whole here, not as prefixes, so that `Lakers` is not `lake`.
pub(crate) fn is_common_english(lower: &str) -> bool {
    if COMMON_SUFFIXES.iter().any(|s| lower.len() > s.len() + 3 && lower.ends_with(s)) || is_name_word(lower)
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

impl Lexicon {
    /// The lexicon entry of a normalized Arabic word (see [`Lexicon::find`]), read from this
    /// thread's memo when the word was asked for before.
    pub fn lookup(&self, word: &str) -> Option<usize> {
        self.memo.with(|memo| memo.of(word, |found| found.extend(self.find(word))).first().copied())
    }

    /// The lexicon entry of a normalized Arabic word: as written, then without proclitics, then
    /// either of those without a suffix. The least stripped reading wins: `الشركات` is `شركات`
    /// (companies) before it is `الشرك` with a plural ending.
    fn find(&self, word: &str) -> Option<usize> {
        let index = &self.index;
        let long_enough = |w: &&str| w.chars().nth(MIN_STEM_CHARS - 1).is_some();
        let stems = || {
            let stripped = PREFIX_FIRST
                .for_letter(word.chars().next())
                .filter_map(|p| strip_start(word, p).filter(|rest| p != FUTURE || is_imperfect(rest)))
                .filter(long_enough);
            std::iter::once(word).chain(stripped)
        };
        // `لل` is the preposition fused with the article: `للصين` is `ل` + `الصين`.
        let fused = strip_start(word, "لل").is_some();
        // A stem with a letter put back (the article, a final `ة`), inline up to 24 bytes (twelve
        // Arabic letters): no allocation per word.
        let mut rebuilt = compact_str::CompactString::default();
        for stem in stems() {
            if let Some(&k) = index.get(stem) {
                return Some(k);
            }
            if fused {
                rebuilt.clear();
                rebuilt.push_str("ال");
                rebuilt.push_str(stem);
                if let Some(&k) = index.get(rebuilt.as_str()) {
                    return Some(k);
                }
            }
        }
        // Before a suffix other than the plural `ات`, a noun's final `ة` is written `ت`: `حكومتها` is
        // `حكومه` + `ها`, and that reading comes first (`عادتها` her habit, not `عادت` returned). The
        // bare article is no noun: `التي` (which) is not `اله` (god) + `ي`.
        for stem in stems() {
            for s in SUFFIX_LAST.for_letter(stem.chars().next_back()) {
                let Some(rest) = strip_end(stem, s).filter(long_enough) else { continue };
                if s != "ات"
                    && let Some(noun) = strip_end(rest, "ت").filter(long_enough).filter(|n| *n != "ال")
                {
                    rebuilt.clear();
                    rebuilt.push_str(noun);
                    rebuilt.push('ه');
                    if let Some(&k) = index.get(rebuilt.as_str()) {
                        return Some(k);
                    }
                }
                if let Some(&k) = index.get(rest) {
                    return Some(k);
                }
            }
        }
        None
    }
}

/// The future prefix: `س` before a verb of the present tense (`سيذهب` he will go), not the first
/// letter of a noun (`سفري` my travel is not `س` + `فري`).
const FUTURE: &str = "س";

/// Whether a normalized Arabic word begins like a verb of the present tense: with one of the person
/// prefixes `ي`, `ت`, `ن` or `ا` (`أ`, normalized).
fn is_imperfect(word: &str) -> bool {
    word.starts_with(['ي', 'ت', 'ن', 'ا'])
}

/// A list of affixes with, per letter of the Arabic block (U+0600 to U+06FF), a bit per affix that
/// starts (for [`PREFIX_FIRST`]) or ends ([`SUFFIX_LAST`]) with it: a word is compared only with the
/// affixes its first or last letter allows.
struct Affixes {
    list: &'static [&'static str],
    masks: [u16; 256],
}

/// [`PROCLITICS`] by their first letter.
static PREFIX_FIRST: Affixes = Affixes::new(PROCLITICS, false);

/// [`ENCLITICS`] by their last letter.
static SUFFIX_LAST: Affixes = Affixes::new(ENCLITICS, true);

impl Affixes {
    /// The masks of a list of at most 16 affixes (a bit each) written in Arabic-block letters (two
    /// bytes each in UTF-8); anything else fails to compile.
    const fn new(list: &'static [&'static str], last: bool) -> Affixes {
        assert!(list.len() <= 16, "at most 16 affixes, one bit of the mask each");
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
    use crate::document::{Lang, normalized_lines};
    use crate::lang::lexicon::AR_EN_NAMES;

    fn matched(ar: &str, en: &str) -> (u32, u32) {
        let (a, e) = (normalized_lines(ar, Lang::Arabic), normalized_lines(en, Lang::English));
        let m = BUILTIN.matches(&a, &e, |_| false);
        (m.words, m.matched)
    }

    #[test]
    fn english_function_words_are_sorted_for_binary_search() {
        assert!(ENGLISH_FUNCTION_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn generic_head_nouns_of_names_are_common_words_singular_or_plural() {
        for (case, word, common) in [
            ("prize", "prize", true),
            ("plural awards", "awards", true),
            ("plural ies", "academies", true),
            ("games", "games", true),
            ("a name", "wagner", false),
        ] {
            assert_eq!(is_common_english(word), common, "{case}");
        }
    }

    #[test]
    fn name_words_are_sorted_for_binary_search() {
        assert!(NAME_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn every_arabic_form_is_listed_once() {
        let rows = FUNCTION_WORDS.len()
            + PREPOSITION_PRONOUNS.len()
            + AR_EN.len()
            + AR_EN_MORE.len()
            + AR_EN_NAMES.len()
            + CORE.len();
        assert_eq!(BUILTIN.len(), rows, "an Arabic form is listed twice (after normalization)");
    }

    #[test]
    fn clitics_are_stripped() {
        for (word, entry) in [
            ("والرئيس", "رئيس"),
            ("للحكومة", "حكومه"),
            ("وزيرها", "وزير"),
            ("بالمدينة", "مدينه"),
            ("حكومتها", "حكومه"),
            ("مدينتين", "مدينه"),
            ("قطارا", "قطار"),
            ("قمرا", "قمر"),
        ] {
            let index = &BUILTIN.index;
            assert_eq!(
                BUILTIN.lookup(&normalize(word).text),
                index.get(&normalize(entry).text).copied(),
                "{word}"
            );
        }
    }

    #[test]
    fn misread_clitics_regressions() {
        for (case, word, entry) in [
            ("the future prefix only before a present-tense verb", "سفري", "سفر"),
            ("the bare article is no noun before a put-back ة", "التي", ""),
        ] {
            let index = &BUILTIN.index;
            let want = index.get(&normalize(entry).text).copied();
            assert_eq!(BUILTIN.lookup(&normalize(word).text), want, "{case}");
        }
        let index = &BUILTIN.index;
        assert_eq!(BUILTIN.lookup("سيذهب"), BUILTIN.lookup("يذهب"), "the future prefix before a verb");
        assert!(index.contains_key("يذهب"));
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
        let entries = &BUILTIN.renderings;
        assert!(entries.iter().all(|renderings| renderings.iter().all(|r| !r.is_empty())));
        let mut words: Vec<String> =
            ["ministers", "wars", "warship", "said", "sa", "the", "aid", "élan", "31-year-old"]
                .map(String::from)
                .to_vec();
        for renderings in entries {
            for r in renderings.iter().filter(|r| !is_phrase(r)) {
                words.extend(["", "s", "es", "ing", "ings", "x"].map(|e| format!("{r}{e}")));
                words.extend(r.char_indices().map(|(i, _)| r[..i].to_owned()));
            }
        }
        // The rule read straight: a word shows a rendering it begins with (see `shows`), so only
        // the renderings that are a prefix of the word need looking at.
        let mut by_rendering: HashMap<&str, Vec<usize>> = HashMap::default();
        for (k, renderings) in entries.iter().enumerate() {
            for r in renderings.iter().filter(|r| !is_phrase(r)) {
                by_rendering.entry(r.as_str()).or_default().push(k);
            }
        }
        for word in &words {
            let mut found: Vec<usize> = Vec::new();
            BUILTIN.stems.word_stems(word, |entries| found.extend(entries));
            found.sort_unstable();
            found.dedup();
            let mut expected: Vec<usize> = (1..=word.len())
                .filter_map(|end| word.get(..end))
                .filter(|prefix| shows(prefix, word))
                .filter_map(|prefix| by_rendering.get(prefix))
                .flatten()
                .copied()
                .collect();
            expected.sort_unstable();
            expected.dedup();
            assert_eq!(found, expected, "{word}");
        }
    }

    #[test]
    fn affixes_are_found_by_their_letters() {
        for p in PROCLITICS {
            let first = p.chars().next();
            let expected: Vec<&str> =
                PROCLITICS.iter().copied().filter(|q| q.chars().next() == first).collect();
            assert_eq!(PREFIX_FIRST.for_letter(first).collect::<Vec<_>>(), expected, "{p}");
        }
        for s in ENCLITICS {
            let last = s.chars().next_back();
            let expected: Vec<&str> =
                ENCLITICS.iter().copied().filter(|q| q.chars().next_back() == last).collect();
            assert_eq!(SUFFIX_LAST.for_letter(last).collect::<Vec<_>>(), expected, "{s}");
        }
        assert_eq!(PREFIX_FIRST.for_letter(Some('a')).count(), 0);
        assert_eq!(SUFFIX_LAST.for_letter(None).count(), 0);
    }

    #[test]
    fn remembered_look_ups_give_what_looking_up_gives() {
        let ar = normalize("قال الوزير إن الحكومة ستدعم الشركات وللصين حكومتها.").text;
        let en = "the ministers said governments will support companies' wars";
        let mut shown = 0;
        for pass in 0..2 {
            for word in ar.split(|c: char| !is_letter(c)).filter(|w| !w.is_empty()) {
                assert_eq!(BUILTIN.lookup(word), BUILTIN.find(word), "{word}, pass {pass}");
            }
            for word in en.split(|c: char| !is_letter(c)).filter(|w| !w.is_empty()) {
                let (mut remembered, mut found) = (Vec::new(), Vec::new());
                BUILTIN.stems.word_stems(word, |entries| remembered.extend_from_slice(entries));
                BUILTIN.stems.find(word, |entries| found.extend_from_slice(entries));
                assert_eq!(remembered, found, "{word}, pass {pass}");
                shown += found.len();
            }
        }
        assert!(shown > 0);
    }

    #[test]
    fn cached_groups_are_the_groups_of_the_entries() {
        let ar = normalized_lines("قال الوزير إن الوزير غادر.\nوقال الرئيس.", Lang::Arabic);
        let en =
            normalized_lines("The minister said the ministers left.\nThe president said.", Lang::English);
        for (sentences, arabic) in [(&ar, true), (&en, false)] {
            for s in sentences {
                let (mut entries, mut groups) = (Vec::new(), Vec::new());
                BUILTIN.sentence_entries(s, arabic, &mut entries);
                BUILTIN.sentence_groups(s, arabic, &mut groups);
                let want: Vec<usize> = entries.iter().map(|&k| BUILTIN.groups[k]).collect();
                assert!(!want.is_empty());
                assert_eq!(groups, want);
            }
        }
    }

    #[test]
    fn prepositions_with_a_pronoun_are_function_words_rendered_by_the_pronoun() {
        let k = BUILTIN.lookup("عليك").expect("listed");
        assert!(BUILTIN.function[k]);
        assert!(BUILTIN.renders("عليك", "you") && !BUILTIN.renders("عليك", "we"));
        assert!(is_function_word("ومعي"));
    }

    #[test]
    fn translations_match_and_others_do_not() {
        let m = matched(
            "قال الرئيس إن الحكومة ستدعم الشركات.",
            "The president said the government will support companies.",
        );
        assert_eq!(m, (5, 5));
        let m = matched("قال الرئيس إن الحكومة ستدعم الشركات.", "Heavy rain flooded the valley overnight.");
        assert_eq!(m.1, 0);
    }
}
