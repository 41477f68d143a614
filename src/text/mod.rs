//! Text preparation: normalization for matching, sentence segmentation, and character classes.

pub(crate) mod furniture;
pub(crate) mod glued;
pub(crate) mod memo;
pub(crate) mod normalize;
pub(crate) mod segment;

use std::sync::LazyLock;

/// `char::is_alphabetic` for the 256 characters of the Arabic block (U+0600 to U+06FF).
static ARABIC_BLOCK_LETTERS: LazyLock<[bool; 256]> = LazyLock::new(|| {
    std::array::from_fn(|k| char::from_u32(0x0600 + k as u32).is_some_and(char::is_alphabetic))
});

/// `char::is_alphanumeric` for the 256 characters of the Arabic block.
static ARABIC_BLOCK_ALPHANUMERIC: LazyLock<[bool; 256]> = LazyLock::new(|| {
    std::array::from_fn(|k| char::from_u32(0x0600 + k as u32).is_some_and(char::is_alphanumeric))
});

/// Whether `c` is alphabetic, exactly as `char::is_alphabetic` says, with ASCII and the Arabic block
/// (most of any text qalign reads) answered from a table instead of the Unicode range search.
pub(crate) fn is_letter(c: char) -> bool {
    match c {
        _ if c.is_ascii() => c.is_ascii_alphabetic(),
        '\u{0600}'..='\u{06FF}' => ARABIC_BLOCK_LETTERS[c as usize - 0x0600],
        _ => c.is_alphabetic(),
    }
}

/// Whether `c` is a letter of the Arabic script: the Arabic, Arabic Supplement, Arabic Extended-A and
/// presentation-form blocks (Arabic-Indic digits and punctuation are not letters).
pub(crate) fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}'
        | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
        && is_letter(c)
}

/// Whether `c` is alphanumeric, exactly as `char::is_alphanumeric` says, with the same fast paths as
/// [`is_letter`].
pub(crate) fn is_letter_or_digit(c: char) -> bool {
    match c {
        _ if c.is_ascii() => c.is_ascii_alphanumeric(),
        '\u{0600}'..='\u{06FF}' => ARABIC_BLOCK_ALPHANUMERIC[c as usize - 0x0600],
        _ => c.is_alphanumeric(),
    }
}

/// A class of characters (letters, say), with ASCII and the Arabic block, most of any text qalign
/// reads, answered from tables: [`runs`] reads a text by bytes, decoding only other characters.
pub(crate) struct CharClass {
    ascii: [bool; 128],
    arabic: [bool; 256],
    /// The class itself, for every other character.
    holds: fn(char) -> bool,
}

impl CharClass {
    /// The class of the characters for which `holds` is true.
    pub(crate) fn new(holds: fn(char) -> bool) -> CharClass {
        CharClass {
            ascii: std::array::from_fn(|b| holds(char::from(b as u8))),
            arabic: std::array::from_fn(|k| char::from_u32(0x0600 + k as u32).is_some_and(holds)),
            holds,
        }
    }

    /// The length in bytes of the character at byte `i` of `text` (`i < text.len()`, on a character
    /// boundary) and whether it is in the class.
    #[inline(always)]
    pub(crate) fn at(&self, text: &str, i: usize) -> (usize, bool) {
        let bytes = text.as_bytes();
        let b = bytes[i];
        if b < 0x80 {
            return (1, self.ascii[usize::from(b)]);
        }
        // U+0600 to U+06FF, two bytes: its offset is `arabic_block_offset`'s, computed so that it is
        // plainly below 256 (no bounds check).
        if let (0xD8..=0xDB, Some(&next)) = (b, bytes.get(i + 1)) {
            return (2, self.arabic[(usize::from(b & 3) << 6) | usize::from(next & 0x3F)]);
        }
        match text.get(i..).and_then(|rest| rest.chars().next()) {
            Some(c) => (c.len_utf8(), (self.holds)(c)),
            None => (1, false),
        }
    }
}

/// Letters ([`is_letter`]).
pub(crate) static LETTERS: LazyLock<CharClass> = LazyLock::new(|| CharClass::new(is_letter));

/// ASCII letters.
pub(crate) static ASCII_LETTERS: LazyLock<CharClass> =
    LazyLock::new(|| CharClass::new(|c| c.is_ascii_alphabetic()));

/// Letters and digits ([`is_letter_or_digit`]).
pub(crate) static LETTERS_OR_DIGITS: LazyLock<CharClass> =
    LazyLock::new(|| CharClass::new(is_letter_or_digit));

/// The maximal runs of characters of `class` in `text`, in order: the non-empty pieces of
/// `text.split(|c| !class(c))`, read without decoding ASCII and Arabic-block characters.
///
/// The words of a normalized sentence are read this way many times over (by the index, the
/// lexicon, polarity and consistency), so that decoding each character cost a tenth of scoring.
pub(crate) fn runs<'a>(text: &'a str, class: &'a CharClass) -> Runs<'a> {
    Runs { text, class, at: 0 }
}

/// The iterator of [`runs`].
pub(crate) struct Runs<'a> {
    text: &'a str,
    class: &'a CharClass,
    /// Where the next run is looked for.
    at: usize,
}

impl<'a> Iterator for Runs<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let (text, len) = (self.text, self.text.len());
        let mut i = self.at;
        while i < len {
            let (width, member) = self.class.at(text, i);
            if member {
                break;
            }
            i += width;
        }
        let start = i;
        while i < len {
            let (width, member) = self.class.at(text, i);
            if !member {
                break;
            }
            i += width;
        }
        self.at = i;
        if start == i { None } else { text.get(start..i) }
    }
}

/// The offset from U+0600 (0 to 255) of the Arabic-block character whose UTF-8 encoding starts with
/// the bytes `lead` and `next`, or `None` when `lead` starts no such character: text read byte by
/// byte tells the block most Arabic text is written in without decoding its characters.
pub(crate) const fn arabic_block_offset(lead: u8, next: u8) -> Option<usize> {
    match lead {
        0xD8..=0xDB => Some((((lead as usize & 0x1F) << 6) | (next as usize & 0x3F)) - 0x600),
        _ => None,
    }
}

/// The most bytes a word packed by [`packed_word`] has.
pub(crate) const PACKED_WORD_BYTES: usize = 16;

/// The bytes of a word of at most [`PACKED_WORD_BYTES`] bytes packed into one number, zeros after
/// them, or `None` for a longer word: a table keyed by it hashes one number and compares no bytes.
pub(crate) fn packed_word(bytes: impl ExactSizeIterator<Item = u8>) -> Option<u128> {
    if bytes.len() > PACKED_WORD_BYTES {
        return None;
    }
    let mut buf = [0u8; PACKED_WORD_BYTES];
    for (d, s) in buf.iter_mut().zip(bytes) {
        *d = s;
    }
    Some(u128::from_le_bytes(buf))
}

/// `text` in lower case, appended to `out`: `str::to_lowercase`, without its allocation. Only a
/// capital sigma lowers differently within a word than alone (`ς` at a word's end), which
/// `str::to_lowercase` alone knows.
pub(crate) fn push_lowercase(out: &mut String, text: &str) {
    // ASCII and the Arabic block (whose two-byte characters start with 0xD8 to 0xDB and have no
    // case) lower as their ASCII bytes do: checked over the bytes, which the compiler vectorizes.
    if text.is_ascii() || text.bytes().fold(true, |only, b| only & (b < 0xC0 || matches!(b, 0xD8..=0xDB))) {
        let start = out.len();
        out.push_str(text);
        out[start..].make_ascii_lowercase();
    } else {
        let start = out.len();
        // Lowering keeps a text's length but for a few letters (`İ`): one reservation, not one per letter.
        out.reserve(text.len());
        for c in text.chars() {
            match c {
                _ if c.is_ascii() => out.push(c.to_ascii_lowercase()),
                // The Arabic block has no case.
                '\u{0600}'..='\u{06FF}' => out.push(c),
                'Σ' => {
                    out.truncate(start);
                    out.push_str(&text.to_lowercase());
                    return;
                }
                c => out.extend(c.to_lowercase()),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_case_is_the_standard_librarys() {
        for text in ["Qalign", "قال الوزير Rogozin", "ΟΔΥΣΣΕΥΣ ΣΑ", "İstanbul ǅ ẞ", "ＡＢＣ 1/2"]
        {
            let mut out = String::from("x");
            push_lowercase(&mut out, text);
            assert_eq!(out, format!("x{}", text.to_lowercase()), "{text}");
        }
        let every: String = ('\0'..='\u{3000}').chain(['\u{FB50}', '\u{FF21}', '\u{10400}']).collect();
        let mut out = String::new();
        push_lowercase(&mut out, &every.replace('Σ', ""));
        assert_eq!(out, every.replace('Σ', "").to_lowercase());
    }

    proptest::proptest! {
        #[test]
        fn runs_are_the_pieces_of_a_split(text in "(\\PC|[\u{0600}-\u{06FF} a-z'-]){0,40}") {
            let holds: [fn(char) -> bool; 2] = [is_letter, is_letter_or_digit];
            for (class, holds) in [&*LETTERS, &*LETTERS_OR_DIGITS].into_iter().zip(holds) {
                let split: Vec<&str> = text.split(|c: char| !holds(c)).filter(|w| !w.is_empty()).collect();
                proptest::prop_assert_eq!(runs(&text, class).collect::<Vec<_>>(), split);
            }
        }
    }

    #[test]
    fn arabic_block_characters_are_classed_from_their_two_bytes() {
        for c in '\u{0600}'..='\u{06FF}' {
            let text = format!("{c}a");
            assert_eq!(LETTERS.at(&text, 0), (2, is_letter(c)), "U+{:04X}", c as u32);
            assert_eq!(LETTERS_OR_DIGITS.at(&text, 0), (2, is_letter_or_digit(c)), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn runs_read_words_in_any_script() {
        let text = "قال ٢٠١٤ Rogozin's 31-year-old Ωμέγα";
        let words: Vec<&str> = runs(text, &LETTERS_OR_DIGITS).collect();
        assert_eq!(words, ["قال", "٢٠١٤", "Rogozin", "s", "31", "year", "old", "Ωμέγα"]);
        assert_eq!(runs("", &LETTERS).count(), 0);
        assert_eq!(runs(" ,. ", &LETTERS).count(), 0);
    }

    #[test]
    fn letter_classes_agree_with_the_standard_library() {
        for c in ('\0'..='\u{3000}').chain(['\u{FB50}', '\u{FEFB}', '\u{1F600}']) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "U+{:04X}", c as u32);
            assert_eq!(is_letter_or_digit(c), c.is_alphanumeric(), "U+{:04X}", c as u32);
        }
    }
}
