//! Transliteration tables: how Arabic and English spell the same name, as Latin consonant classes.
//!
//! A consonant class is one ASCII capital letter standing for the sounds that the two scripts swap when a
//! name is transliterated; vowels and letters that either script often leaves out have no class. The
//! classes are `B` (b, p), `T` (t, th), `D` (d, voiced th), `S` (s, z), `C` (sh, ch), `G` (j, g, gh),
//! `H` (h, kh), `K` (k, c, q), `F` (f, v, ph), `L`, `M`, `N`, `R`. The tables follow the usual
//! Arabic press conventions for foreign names (`ب` for p, `ف` for v, `غ` or `ج` for g, `تش` for ch,
//! `ث` for th) and the common romanizations of Arabic names (`ق` as q or k, `خ` as kh, `ع` unwritten).

use std::sync::LazyLock;

use super::word_list;

/// The first code point of [`ARABIC_LETTER_CLASS`]: `ء` (U+0621).
pub(crate) const ARABIC_TABLE_START: u32 = 0x0621;

/// The consonant class of each Arabic letter from `ء` (U+0621) to `ي` (U+064A); `0` means the letter
/// has no class (hamza, `ع`, and the long vowels `ا و ي`, which also write w and y).
///
/// Built from the transliteration conventions above; `ذ ض ظ` are read as `D`, `ص ز` as `S`, `ث` as
/// `T` (it writes English th), `ط` as `T`, `ح ه خ` as `H`, `ق ك` as `K`, `غ ج` as `G`.
pub(crate) static ARABIC_LETTER_CLASS: [u8; 42] = [
    0,    // ء U+0621 hamza
    0,    // آ U+0622
    0,    // أ U+0623
    0,    // ؤ U+0624
    0,    // إ U+0625
    0,    // ئ U+0626
    0,    // ا U+0627
    b'B', // ب U+0628
    b'H', // ة U+0629 (folded to ه by normalization)
    b'T', // ت U+062A
    b'T', // ث U+062B
    b'G', // ج U+062C
    b'H', // ح U+062D
    b'H', // خ U+062E
    b'D', // د U+062F
    b'D', // ذ U+0630
    b'R', // ر U+0631
    b'S', // ز U+0632
    b'S', // س U+0633
    b'C', // ش U+0634
    b'S', // ص U+0635
    b'D', // ض U+0636
    b'T', // ط U+0637
    b'D', // ظ U+0638
    0,    // ع U+0639
    b'G', // غ U+063A
    0,    // U+063B (Keheh with two dots above, unused)
    0,    // U+063C
    0,    // U+063D
    0,    // U+063E
    0,    // U+063F
    0,    // ـ U+0640 tatweel (dropped by normalization)
    b'F', // ف U+0641
    b'K', // ق U+0642
    b'K', // ك U+0643
    b'L', // ل U+0644
    b'M', // م U+0645
    b'N', // ن U+0646
    b'H', // ه U+0647
    0,    // و U+0648
    0,    // ى U+0649
    0,    // ي U+064A
];

/// Classes of the Persian and Urdu letters that Arabic writers use for sounds Arabic lacks
/// (`پ` p, `چ` ch, `ڤ` v, `گ` g), and of the Arabic letters outside [`ARABIC_LETTER_CLASS`] that
/// survive normalization.
pub(crate) static ARABIC_EXTRA_CLASS: [(char, u8); 6] = [
    ('\u{067E}', b'B'), // پ
    ('\u{0686}', b'C'), // چ
    ('\u{06A4}', b'F'), // ڤ
    ('\u{06AF}', b'G'), // گ
    ('\u{06A9}', b'K'), // ک (normalization folds it to ك)
    ('\u{0671}', 0),    // ٱ (normalization folds it to ا)
];

/// The consonant class of each English letter `a`..=`z` read alone; `0` means no class (the vowels
/// and `w`, `y`, which Arabic writes with the long-vowel letters). `h` is handled in context by the
/// caller (kept only before a vowel); `x` is `K` followed by `S` (see [`ENGLISH_X_CLASSES`]).
pub(crate) static ENGLISH_LETTER_CLASS: [u8; 26] = [
    0,    // a
    b'B', // b
    b'K', // c (S before e, i, y: decided by the caller)
    b'D', // d
    0,    // e
    b'F', // f
    b'G', // g
    b'H', // h
    0,    // i
    b'G', // j
    b'K', // k
    b'L', // l
    b'M', // m
    b'N', // n
    0,    // o
    b'B', // p
    b'K', // q
    b'R', // r
    b'S', // s
    b'T', // t
    0,    // u
    b'F', // v
    0,    // w
    b'K', // x (see ENGLISH_X_CLASSES)
    0,    // y
    b'S', // z
];

/// The classes English `x` stands for (Arabic writes `كس`).
pub(crate) static ENGLISH_X_CLASSES: [u8; 2] = [b'K', b'S'];

/// English letter groups read as one class, longest first; a class of `0` means the group is silent.
/// `gh` is silent only at the end of a word, before `t`, or after `i` (Brighton, Kavanaugh, Leigh),
/// which the caller decides; elsewhere it is `G` (Baghdad, Ghana). `chr` is `K` + `R` (Christine),
/// also decided by the caller. German `tsch` and Polish `cz` in names are `ch` too, as Arabic writes
/// them (`تش`: Deutsche `دويتشه`, Kaczynski `كاتشينسكي`).
pub(crate) static ENGLISH_DIGRAPHS: &[(&str, u8)] = &[
    ("tsch", b'C'),
    ("sch", b'C'),
    ("tch", b'C'),
    ("ph", b'F'),
    ("th", b'T'),
    ("sh", b'C'),
    ("ch", b'C'),
    ("cz", b'C'),
    ("kh", b'H'),
    ("ck", b'K'),
    ("qu", b'K'),
    ("gh", b'G'),
];

/// Arabic clitic groups that end in the article `ال` (and, with, to, as + the), longest first. A word
/// starting with one of them is also read without it.
pub(crate) static ARABIC_ARTICLE_PREFIXES: &[&str] =
    &["وبال", "وال", "بال", "فال", "كال", "ولل", "فلل", "لل", "ال"];

/// Arabic one-letter conjunctions `و ف` (and, so). A word starting with one is also read without it
/// when enough remains.
pub(crate) static ARABIC_CONJUNCTIONS: [char; 2] = ['و', 'ف'];

/// Arabic one-letter prepositions that may follow a conjunction (`وب`, `ول`, `فك`).
pub(crate) static ARABIC_PREPOSITIONS: [char; 3] = ['ب', 'ل', 'ك'];

/// Arabic words that are not names, in normalized form (no diacritics, `ا` for every alef, `ي` for
/// final `ى` and for `ئ`, `و` for `ؤ`, `ه` for final `ة`), mostly without the article `ال`, sorted
/// by code point for binary search (`data/arabic_stopwords.txt`).
///
/// Criterion: a closed-class word of Arabic grammar (pronoun, demonstrative, relative, preposition,
/// conjunction, particle, auxiliary, interrogative, negation, number word, weekday, a preposition or
/// particle with an attached pronoun, a two-letter one with `و` or `ف` written on), or a word of
/// general text: a Zipf frequency of at least 4.0 in the `wordfreq` package (ten times per million
/// words), summed over the spellings that normalize to it, with and without the article, whose most
/// common use is not as a proper name or a transliteration (`تي`, `بي`). `scripts/tables.py` applies
/// it and rewrites the list; it reads no evaluation data.
pub(crate) static ARABIC_STOPWORDS: LazyLock<Vec<&str>> =
    LazyLock::new(|| word_list(include_str!("data/arabic_stopwords.txt")));

/// English words that are not names, though often capitalized (sentence starts, titles, headlines,
/// institutions), in lower case, sorted for binary search (`data/english_stopwords.txt`).
///
/// Criterion: a closed-class word of English grammar (pronoun, determiner, preposition, conjunction,
/// auxiliary or modal, number word, weekday, title or its abbreviation, a name particle `al`, `el`,
/// `le`, `jr`, `sr`), or a word of general text: a Zipf frequency of at least 4.0 in the `wordfreq`
/// package (ten times per million words) whose most common use is not as a proper name.
/// `scripts/tables.py` applies it and rewrites the list; it reads no evaluation data. Months are left
/// out on purpose: Arabic transliterates them (`فبراير`, `يونيو`).
pub(crate) static ENGLISH_STOPWORDS: LazyLock<Vec<&str>> =
    LazyLock::new(|| word_list(include_str!("data/english_stopwords.txt")));

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize::normalize;

    #[test]
    fn stopwords_are_sorted_unique_and_normalized() {
        assert!(ARABIC_STOPWORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(ENGLISH_STOPWORDS.windows(2).all(|w| w[0] < w[1]));
        for w in ARABIC_STOPWORDS.iter() {
            assert_eq!(normalize(w).text, *w, "not normalized: {w}");
        }
        assert!(ENGLISH_STOPWORDS.iter().all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase())));
    }
}
