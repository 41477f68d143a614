//! Polarity: whether each side of a pair is negated, read from closed-class negation words.
//!
//! A translation that drops or adds a negation (`لم يذهب` / `He went`) says the opposite of its
//! source while every name, number and content word still matches. [`polarity`] counts the
//! negation words of each side; [`Polarity::mismatch`] says when one side is negated and the other
//! is not.
//!
//! Only closed-class words are read, whole words only (`لا` in `لاعب` or `لاجئ` is part of the word):
//!
//! - Arabic negators, with a conjunction `و`/`ف` before them (`ولا`, `فلم`, `ولن`, `وليس`): `لا`,
//!   `لم`, `لن`, the forms of `ليس` (`ليست`, `لست`, `ليسوا` …), `بلا` and `بدون` (without), `بغير`
//!   (without), `كلا` (no), `ابدا` and `قط` (never), `دون` in `من دون` and `دون ان` (without).
//! - Arabic words that negate but that English renders as often without a negation word are counted
//!   apart, as *implicit*: `غير` (`غير قانوني` is "illegal", `غير ذلك` "other than that"), `عدم`
//!   (`عدم القدرة` is "inability"), `دون` alone (also "below": `دون سن 18`), and a negator followed
//!   later in its sentence by `الا` (`لا يوجد الا` is "there is only", the exception construction; the
//!   normalized `الا` is also `ألا`, "that … not", which keeps it a negation either way).
//! - `ما` is left out: it negates a perfect verb (`ما قال` he did not say) but is far more often
//!   "what" or the relative "that which", and telling the two apart needs a verb tagger.
//! - English: `not`, `no` (not `No.` before a number), `never`, `n't` (`can't`, `didn't`),
//!   `cannot`, `without`, `nobody`, `nothing`, `none`, `neither`, `nor`, `nowhere`.
//! - The additive focus phrases `not only`, `not just`, `not merely` (and Arabic `ليس فقط`) assert
//!   rather than deny, and are not counted.

use crate::document::NormalizedSentence;
use crate::text::{CharClass, is_letter_or_digit, runs};

/// The negation counts of a pair.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Polarity {
    /// Arabic negation words.
    pub arabic: u32,
    /// Arabic words that negate but which English often renders without a negation word (a prefix,
    /// `only`, `other than`): see the module documentation.
    pub arabic_implicit: u32,
    /// English negation words.
    pub english: u32,
}

impl Polarity {
    /// Whether one side is negated and the other is not.
    ///
    /// Presence is compared, not counts or parity: both languages pile negations up differently
    /// (`لا … ولا` / `neither … nor`, negative concord `لم يقل شيئا` / `said nothing`), so two or three
    /// negation words against one say nothing. An English negation with only implicit Arabic ones
    /// (`غير`, `لا … الا`) is no mismatch, and neither is an implicit Arabic one with no English one.
    pub fn mismatch(&self) -> bool {
        let english = self.english > 0;
        if self.arabic > 0 {
            return !english;
        }
        english && self.arabic_implicit == 0
    }
}

/// Arabic negation words (normalized: `ا` for every alef), without clitics: the particles, the
/// conjugation of `ليس`, and the negating prepositional phrases.
const ARABIC_NEGATORS: &[&str] = &[
    "لا",
    "لم",
    "لن",
    "ليس",
    "ليسا",
    "ليست",
    "ليستا",
    "ليسوا",
    "لست",
    "لستم",
    "لستما",
    "لستن",
    "لسن",
    "لسنا",
    "بلا",
    "بدون",
    "بغير",
    "كلا",
    "ابدا",
];

/// Arabic `قط` (never, after a negated verb), read only bare: it takes no conjunction, and `فقط`
/// is "only".
const ARABIC_QATT: &str = "قط";

/// Arabic words that negate implicitly (see the module documentation), without clitics.
const ARABIC_IMPLICIT: &[&str] = &["عدم", "غير"];

/// Arabic `دون`: without, or below.
const ARABIC_DUN: &str = "دون";

/// Arabic `من` (from), which makes a following `دون` "without".
const ARABIC_MIN: &str = "من";

/// Arabic `ان` (that), which makes a preceding `دون` "without".
const ARABIC_AN: &str = "ان";

/// Arabic `الا`: "except" after a negator (the exception construction), or `ألا` "that … not".
const ARABIC_ILLA: &str = "الا";

/// Arabic words after a negator that make it additive (`ليس فقط`, not only).
const ARABIC_ONLY: &[&str] = &["فحسب", "فقط"];

/// English negation words, lower case, besides `n't` and the `no`/`not` handled in context.
const ENGLISH_NEGATORS: &[&str] =
    &["cannot", "neither", "never", "nobody", "none", "nope", "nor", "nothing", "nowhere", "without"];

/// Whether an ASCII byte is the first letter of an English negation word: `no`, `not` and
/// [`ENGLISH_NEGATORS`].
const ENGLISH_FIRST_LETTERS: [bool; 128] = {
    let mut first = [false; 128];
    first[b'n' as usize] = true;
    let mut k = 0;
    while k < ENGLISH_NEGATORS.len() {
        first[ENGLISH_NEGATORS[k].as_bytes()[0] as usize] = true;
        k += 1;
    }
    first
};

/// English words after `not` that make it additive (`not only`).
const ENGLISH_ONLY: &[&str] = &["just", "merely", "only"];

/// Letters, digits and apostrophes: what the words of [`words`] are made of.
static WORD_CHARACTERS: std::sync::LazyLock<CharClass> =
    std::sync::LazyLock::new(|| CharClass::new(|c| is_letter_or_digit(c) || c == '\''));

/// The words of a normalized sentence: runs of letters, digits and apostrophes (`didn't`).
fn words(text: &str) -> impl Iterator<Item = &str> {
    runs(text, &WORD_CHARACTERS).map(trim_apostrophes).filter(|w| !w.is_empty())
}

/// `word` without apostrophes at either end: `str::trim_matches('\'')`, read as bytes (an
/// apostrophe is one byte, never part of another character).
fn trim_apostrophes(word: &str) -> &str {
    let bytes = word.as_bytes();
    let start = bytes.iter().position(|&b| b != b'\'').unwrap_or(bytes.len());
    let end = bytes.iter().rposition(|&b| b != b'\'').map_or(start, |last| last + 1);
    word.get(start..end).unwrap_or("")
}

/// The negation counts of a pair's Arabic and English sentences.
pub(crate) fn polarity(arabic: &[NormalizedSentence], english: &[NormalizedSentence]) -> Polarity {
    let mut p = Polarity::default();
    let mut sentence_words = Vec::new();
    for s in arabic {
        sentence_words.clear();
        sentence_words.extend(words(s.normalized()));
        let (clear, implicit) = arabic_counts(&sentence_words);
        p.arabic += clear;
        p.arabic_implicit += implicit;
    }
    for s in english {
        sentence_words.clear();
        sentence_words.extend(words(s.normalized()));
        p.english += english_count(&sentence_words);
    }
    p
}

/// The Arabic lists a word belongs to, as bits: [`ARABIC_NEGATORS`], [`ARABIC_DUN`],
/// [`ARABIC_IMPLICIT`], [`ARABIC_MIN`].
const NEGATOR: u8 = 1;
const DUN: u8 = 2;
const IMPLICIT: u8 = 4;
const MIN: u8 = 8;

/// The words of the Arabic lists, each with the lists it is in: one hash look-up per word where
/// comparing it with every listed word took a few dozen.
static ARABIC_LISTS: std::sync::LazyLock<rustc_hash::FxHashMap<&'static str, u8>> =
    std::sync::LazyLock::new(|| {
        let mut lists = rustc_hash::FxHashMap::default();
        let tables: [(&[&'static str], u8); 4] = [
            (ARABIC_NEGATORS, NEGATOR),
            (&[ARABIC_DUN], DUN),
            (ARABIC_IMPLICIT, IMPLICIT),
            (&[ARABIC_MIN], MIN),
        ];
        for (list, bit) in tables {
            for &word in list {
                *lists.entry(word).or_default() |= bit;
            }
        }
        lists
    });

/// The lists an Arabic word is in (see [`ARABIC_LISTS`]), as written or without a leading
/// conjunction `و`/`ف`.
fn arabic_lists(word: &str) -> u8 {
    // Longer than any listed word with a conjunction: in no list.
    if word.len() > LONGEST_ARABIC_LISTED + 'و'.len_utf8() {
        return 0;
    }
    let of = |w: &str| ARABIC_LISTS.get(w).copied().unwrap_or(0);
    of(word) | word.strip_prefix(['و', 'ف']).map_or(0, of)
}

/// The length in bytes of the longest word of the Arabic lists ([`ARABIC_LISTS`]).
const LONGEST_ARABIC_LISTED: usize = {
    let tables: [&[&str]; 4] = [ARABIC_NEGATORS, &[ARABIC_DUN], ARABIC_IMPLICIT, &[ARABIC_MIN]];
    let mut longest = 0;
    let mut t = 0;
    while t < tables.len() {
        let mut k = 0;
        while k < tables[t].len() {
            if tables[t][k].len() > longest {
                longest = tables[t][k].len();
            }
            k += 1;
        }
        t += 1;
    }
    longest
};

/// Whether `word`, without a conjunction, is an Arabic negator.
fn is_arabic_negator(word: &str, lists: u8) -> bool {
    word == ARABIC_QATT || lists & NEGATOR != 0
}

/// The clear and implicit negations of one Arabic sentence's words.
fn arabic_counts(words: &[&str]) -> (u32, u32) {
    let (mut clear, mut implicit) = (0, 0);
    for (i, &w) in words.iter().enumerate() {
        let next = words.get(i + 1).copied();
        let lists = arabic_lists(w);
        if is_arabic_negator(w, lists) {
            if next.is_some_and(|n| ARABIC_ONLY.contains(&n)) {
                continue;
            }
            if words[i + 1..].contains(&ARABIC_ILLA) {
                implicit += 1;
            } else {
                clear += 1;
            }
        } else if lists & DUN != 0 {
            let before = i.checked_sub(1).and_then(|p| words.get(p)).copied();
            if before.is_some_and(|b| arabic_lists(b) & MIN != 0) || next == Some(ARABIC_AN) {
                clear += 1;
            } else {
                implicit += 1;
            }
        } else if lists & IMPLICIT != 0 {
            implicit += 1;
        }
    }
    (clear, implicit)
}

/// The negations of one English sentence's words, read in any case.
fn english_count(words: &[&str]) -> u32 {
    let is = |w: &str, listed: &str| w.eq_ignore_ascii_case(listed);
    let mut n = 0;
    for (i, &w) in words.iter().enumerate() {
        // A word that neither ends in `n't` nor starts with the first letter of a listed word is
        // no negator.
        let contraction = w.len() >= 3 && w.as_bytes()[w.len() - 3..].eq_ignore_ascii_case(b"n't");
        let first = w.as_bytes().first().map_or(0, u8::to_ascii_lowercase);
        if !contraction && !ENGLISH_FIRST_LETTERS.get(usize::from(first)).is_some_and(|&listed| listed) {
            continue;
        }
        let next = words.get(i + 1).copied();
        let negator = if contraction {
            true
        } else if is(w, "no") {
            // `No. 10`, `no 5`: the abbreviation of "number".
            !next.is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit()))
        } else if is(w, "not") {
            !next.is_some_and(|n| ENGLISH_ONLY.iter().any(|only| is(n, only)))
        } else {
            ENGLISH_NEGATORS.iter().any(|negator| is(w, negator))
        };
        n += u32::from(negator);
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Lang, normalized_lines};

    /// The polarity of an Arabic and an English text, one sentence per line.
    fn of(ar: &str, en: &str) -> Polarity {
        polarity(&normalized_lines(ar, Lang::Arabic), &normalized_lines(en, Lang::English))
    }

    /// Named pairs: (case, Arabic, English, expected mismatch).
    const PAIRS: &[(&str, &str, &str, bool)] = &[
        ("both negated", "لم يذهب إلى المدرسة", "He did not go to school", false),
        ("negation dropped", "لم يذهب إلى المدرسة", "He went to school", true),
        ("negation added", "ذهب إلى المدرسة", "He did not go to school", true),
        ("neither negated", "ذهب إلى المدرسة", "He went to school", false),
        ("yes flipped to no", "هل أنت جائع؟ نعم", "Are you hungry? No", true),
        ("no kept", "هل أنت جائع؟ لا", "Are you hungry? No", false),
        ("contraction", "لا أستطيع", "I can't", false),
        ("cannot", "لن يستطيع الحضور", "He cannot come", false),
        ("conjunction waw", "وليس لديه مال", "And he has no money", false),
        ("conjunction fa", "فلم يرد", "So he did not answer", false),
        ("wa-la is nor", "لا هو ولا هي", "Neither he nor she", false),
        ("la inside player", "وصل اللاعب اللاجئ", "The refugee player arrived", false),
        ("la inside a word, english negated", "وصل اللاعب", "The player did not arrive", true),
        ("without", "غادر بدون أن يقول شيئا", "He left without saying anything", false),
        ("min dun", "غادر من دون كلمة", "He left without a word", false),
        ("dun dropped", "غادر من دون كلمة", "He left with a word", true),
        ("dun as below is implicit", "الأطفال دون سن العاشرة", "Children under ten", false),
        ("ghayr as a prefix", "هذا غير قانوني", "This is illegal", false),
        ("ghayr as not", "هذا غير قانوني", "This is not legal", false),
        ("exception construction", "لا يوجد إلا حل واحد", "There is only one solution", false),
        ("not only is additive", "إنه ذكي وقوي", "He is not only smart but strong", false),
        ("laysa faqat is additive", "ليس فقط ذكيا بل قويا", "He is smart and strong", false),
        ("number abbreviation", "المنزل رقم 10", "House No. 10", false),
        ("never", "لم يزر مصر أبدا", "He never visited Egypt", false),
        ("never dropped", "لم يزر مصر أبدا", "He visited Egypt", true),
        ("nothing", "لم يقل شيئا", "He said nothing", false),
        ("ma left out", "ما قال شيئا", "He said something", false),
        ("faqat is only", "قال كلمة فقط", "He said only a word", false),
        ("qatt is never", "لم أره قط", "I never saw him", false),
        ("empty", "", "", false),
    ];

    #[test]
    fn named_pairs() {
        let mut failures = Vec::new();
        for (case, ar, en, expected) in PAIRS {
            let p = of(ar, en);
            if p.mismatch() != *expected {
                failures.push(format!("{case}: {p:?}, expected mismatch {expected}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn counts() {
        assert_eq!(
            of("لا هو ولا هي", "Neither he nor she"),
            Polarity { arabic: 2, arabic_implicit: 0, english: 2 }
        );
        assert_eq!(
            of("لاعب لاجئ", "I didn't, won't, cannot"),
            Polarity { arabic: 0, arabic_implicit: 0, english: 3 }
        );
        assert_eq!(of("غير عدم", "No. 5"), Polarity { arabic: 0, arabic_implicit: 2, english: 0 });
    }

    #[test]
    fn tables_are_normalized() {
        use crate::text::normalize::normalize;
        let arabic = ARABIC_NEGATORS.iter().chain(ARABIC_IMPLICIT).chain(ARABIC_ONLY).chain(&[
            ARABIC_QATT,
            ARABIC_DUN,
            ARABIC_MIN,
            ARABIC_AN,
            ARABIC_ILLA,
        ]);
        for w in arabic {
            assert_eq!(normalize(w).text, *w, "not folded: {w}");
        }
        for w in ENGLISH_NEGATORS.iter().chain(ENGLISH_ONLY) {
            assert!(w.bytes().all(|b| b.is_ascii_lowercase()), "{w}");
        }
        for w in ENGLISH_NEGATORS.iter().chain(&["no", "not"]) {
            assert!(ENGLISH_FIRST_LETTERS[usize::from(w.as_bytes()[0])], "{w}");
        }
    }
}
