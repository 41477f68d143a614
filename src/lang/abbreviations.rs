//! English abbreviations that end in a full stop, and the words that typically open an English
//! sentence. The sentence segmenter (`text::segment`) reads both tables.

/// How a full stop after an abbreviation behaves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AbbrevKind {
    /// A title written before a name (`Mr.`, `Dr.`, `Gen.`) or a Latin phrase that is always
    /// followed by more of the sentence (`e.g.`, `vs.`): the full stop never ends a sentence.
    Prefix,
    /// An abbreviation that often stands at the end of a sentence (`U.S.`, `Inc.`, `p.m.`, `Jan.`,
    /// `St.`): the full stop ends a sentence only when the next word is one of
    /// [`SENTENCE_OPENERS`] or an opening quote follows.
    Suffix,
    /// An abbreviation written before a number (`No. 10`): the full stop does not end a sentence when
    /// a digit follows, and otherwise behaves like an ordinary full stop (`"No." He left.`).
    BeforeDigit,
}

/// English abbreviations, each written with its final full stop, sorted by byte order so that
/// [`lookup`] can binary-search them. Matching is case-sensitive: `No.` is an abbreviation, `no.`
/// is the word "no" at the end of a sentence.
///
/// `etc.` is deliberately absent: it ends a sentence like any word unless a lowercase word follows,
/// which is what an ordinary full stop does. `May` is absent for the same reason (it is never
/// abbreviated). Single capital initials (`J. K. Rowling`) and dotted acronyms not listed here
/// (`N.F.L.`) are recognised by shape in the segmenter and behave like [`AbbrevKind::Suffix`].
pub(crate) static ABBREVIATIONS: &[(&str, AbbrevKind)] = &[
    ("Adm.", AbbrevKind::Prefix),
    ("Apr.", AbbrevKind::Suffix),
    ("Aug.", AbbrevKind::Suffix),
    ("Ave.", AbbrevKind::Suffix),
    ("Bros.", AbbrevKind::Suffix),
    ("Capt.", AbbrevKind::Prefix),
    ("Cmdr.", AbbrevKind::Prefix),
    ("Co.", AbbrevKind::Suffix),
    ("Col.", AbbrevKind::Prefix),
    ("Corp.", AbbrevKind::Suffix),
    ("Cpl.", AbbrevKind::Prefix),
    ("D.C.", AbbrevKind::Suffix),
    ("Dec.", AbbrevKind::Suffix),
    ("Det.", AbbrevKind::Prefix),
    ("Dr.", AbbrevKind::Prefix),
    ("E.U.", AbbrevKind::Suffix),
    ("Feb.", AbbrevKind::Suffix),
    ("Fig.", AbbrevKind::BeforeDigit),
    ("Gen.", AbbrevKind::Prefix),
    ("Gov.", AbbrevKind::Prefix),
    ("Hon.", AbbrevKind::Prefix),
    ("Inc.", AbbrevKind::Suffix),
    ("Jan.", AbbrevKind::Suffix),
    ("Jr.", AbbrevKind::Suffix),
    ("Jul.", AbbrevKind::Suffix),
    ("Jun.", AbbrevKind::Suffix),
    ("Lt.", AbbrevKind::Prefix),
    ("Ltd.", AbbrevKind::Suffix),
    ("Maj.", AbbrevKind::Prefix),
    ("Mar.", AbbrevKind::Suffix),
    ("Messrs.", AbbrevKind::Prefix),
    ("Mr.", AbbrevKind::Prefix),
    ("Mrs.", AbbrevKind::Prefix),
    ("Ms.", AbbrevKind::Prefix),
    ("Mt.", AbbrevKind::Prefix),
    ("No.", AbbrevKind::BeforeDigit),
    ("Nos.", AbbrevKind::BeforeDigit),
    ("Nov.", AbbrevKind::Suffix),
    ("Oct.", AbbrevKind::Suffix),
    ("Prof.", AbbrevKind::Prefix),
    ("Rep.", AbbrevKind::Prefix),
    ("Reps.", AbbrevKind::Prefix),
    ("Rev.", AbbrevKind::Prefix),
    ("Sen.", AbbrevKind::Prefix),
    ("Sens.", AbbrevKind::Prefix),
    ("Sep.", AbbrevKind::Suffix),
    ("Sept.", AbbrevKind::Suffix),
    ("Sgt.", AbbrevKind::Prefix),
    ("Sr.", AbbrevKind::Suffix),
    ("St.", AbbrevKind::Suffix),
    ("U.K.", AbbrevKind::Suffix),
    ("U.N.", AbbrevKind::Suffix),
    ("U.S.", AbbrevKind::Suffix),
    ("a.m.", AbbrevKind::Suffix),
    ("al.", AbbrevKind::Suffix),
    ("approx.", AbbrevKind::Prefix),
    ("cf.", AbbrevKind::Prefix),
    ("e.g.", AbbrevKind::Prefix),
    ("i.e.", AbbrevKind::Prefix),
    ("no.", AbbrevKind::BeforeDigit),
    ("p.m.", AbbrevKind::Suffix),
    ("v.", AbbrevKind::Prefix),
    ("viz.", AbbrevKind::Prefix),
    ("vs.", AbbrevKind::Prefix),
];

/// Words that often open an English sentence, sorted by byte order. After an
/// [`AbbrevKind::Suffix`] abbreviation one of these words is taken as the start of a new sentence
/// (`in the U.S. The` ends; `the U.S. Navy` does not).
pub(crate) static SENTENCE_OPENERS: &[&str] = &[
    "A",
    "After",
    "All",
    "Also",
    "An",
    "And",
    "As",
    "At",
    "But",
    "By",
    "During",
    "Each",
    "For",
    "From",
    "He",
    "Her",
    "His",
    "However",
    "I",
    "If",
    "In",
    "It",
    "Its",
    "Many",
    "Meanwhile",
    "Most",
    "My",
    "No",
    "Now",
    "On",
    "One",
    "Our",
    "She",
    "Since",
    "So",
    "Some",
    "That",
    "The",
    "Their",
    "Then",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Under",
    "We",
    "What",
    "When",
    "While",
    "Why",
    "With",
    "Yet",
    "You",
];

/// The kind of the abbreviation `word` (written with its final full stop), if it is one.
pub(crate) fn lookup(word: &str) -> Option<AbbrevKind> {
    ABBREVIATIONS
        .binary_search_by(|(abbrev, _)| abbrev.cmp(&word))
        .ok()
        .and_then(|i| ABBREVIATIONS.get(i))
        .map(|&(_, kind)| kind)
}

/// Whether `word` is one of [`SENTENCE_OPENERS`].
pub(crate) fn is_sentence_opener(word: &str) -> bool {
    SENTENCE_OPENERS.binary_search(&word).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_and_unique() {
        assert!(ABBREVIATIONS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(SENTENCE_OPENERS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn every_abbreviation_ends_in_a_full_stop() {
        assert!(ABBREVIATIONS.iter().all(|(a, _)| a.ends_with('.') && a.len() > 1));
    }

    #[test]
    fn lookup_finds_entries() {
        assert_eq!(lookup("Mr."), Some(AbbrevKind::Prefix));
        assert_eq!(lookup("U.S."), Some(AbbrevKind::Suffix));
        assert_eq!(lookup("No."), Some(AbbrevKind::BeforeDigit));
        assert_eq!(lookup("May."), None);
        assert_eq!(lookup("etc."), None);
        assert!(is_sentence_opener("The"));
        assert!(!is_sentence_opener("Navy"));
    }
}
