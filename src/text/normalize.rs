//! The normalized view of a text: what every matcher reads.
//!
//! Normalization is for matching only; the text qalign prints back is always the caller's original.
//! [`normalize`] applies, in one pass over the characters:
//!
//! - Unicode compatibility decomposition (NFKD; presentation forms, ligatures, full-width forms and
//!   `…` become their plain letters), then every combining mark is dropped. For Arabic this removes the
//!   diacritics (harakat, shadda, sukun, dagger alef) and unifies the hamza and madda forms of alef
//!   (`أ إ آ ٱ` → `ا`), `ؤ` → `و` and `ئ` → `ي`; for Latin it folds accents (`é` → `e`).
//! - Arabic folding: tatweel dropped, `ى` → `ي`, `ة` → `ه`, Persian/Urdu letter variants
//!   (`ک ی ہ`) → their Arabic counterparts.
//! - Digits of every common script → ASCII digits; `٫` → `.`, `٬` → `,`, `٪` → `%`, `،` → `,`,
//!   `؛` → `;`, `؟` → `?`; curly quotes → straight quotes; dashes → `-`.
//! - Bidi controls, zero-width characters, the BOM and other format characters are dropped.
//! - Control characters (NUL and the rest of C0 and C1, DEL) count as whitespace.
//! - Every run of whitespace becomes one space; leading and trailing whitespace is dropped.
//!
//! Case is kept: name detection needs English capitals. [`Normalized::offset`] maps every byte of
//! the normalized text back to the byte of the original text it came from.

use super::arabic_block_offset;
use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// A normalized view of a text with a byte map back into the original.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Normalized {
    /// The normalized text.
    pub text: String,
    /// The length of `text` in characters.
    pub chars: usize,
    /// The byte map, as the points where it changes: `(n, o)` says that the character at byte `n` of
    /// `text` came from byte `o` of the original, and that each character after it, up to the next
    /// point, came from as many bytes further on. Copied text (most of it) needs no point of its own,
    /// and nor does the start when it is the original's: `(0, 0)` is implied, so that a sentence
    /// that normalizes to its own bytes, the commonest, keeps no map at all.
    breaks: Vec<(u32, u32)>,
    /// The length of the original text.
    original_len: u32,
}

impl Normalized {
    /// The byte offset in the original text of the character behind byte `i` of the normalized text;
    /// `i == text.len()` maps to the end of the original text given to [`normalize`].
    pub fn offset(&self, i: usize) -> usize {
        if i >= self.text.len() {
            return self.original_len as usize;
        }
        // Every byte of a character comes from where the character came from.
        let start = (0..=i).rev().find(|&k| self.text.is_char_boundary(k)).unwrap_or(0);
        let at = self.breaks.partition_point(|&(n, _)| n as usize <= start);
        let (n, o) = at.checked_sub(1).and_then(|k| self.breaks.get(k)).copied().unwrap_or((0, 0));
        o as usize + (start - n as usize)
    }

    /// The same view with a space put in before each byte `at` of the text (character boundaries
    /// inside it, in increasing order; others are skipped): words the original ran together, read
    /// apart. A space put in maps to the character after it, as the characters around it keep
    /// their places.
    pub fn with_spaces_at(&self, at: &[usize]) -> Normalized {
        let mut out = Builder {
            out: Normalized {
                text: String::with_capacity(self.text.len() + at.len()),
                chars: 0,
                breaks: Vec::new(),
                original_len: self.original_len,
            },
            pending_space: None,
        };
        let mut cuts = at.iter().copied().filter(|&i| i > 0 && i < self.text.len()).peekable();
        // The point of the byte map that the current character falls under, read along.
        let mut point = 0;
        for (i, c) in self.text.char_indices() {
            while self.breaks.get(point).is_some_and(|&(n, _)| n as usize <= i) {
                point += 1;
            }
            let (n, o) = point.checked_sub(1).and_then(|k| self.breaks.get(k)).copied().unwrap_or((0, 0));
            let origin = o + (i as u32 - n);
            let mut space = false;
            while let Some(cut) = cuts.next_if(|&cut| cut <= i) {
                space |= cut == i;
            }
            if space {
                out.mark(origin);
                out.out.text.push(' ');
                out.out.chars += 1;
            }
            out.mark(origin);
            out.out.text.push(c);
            out.out.chars += 1;
        }
        out.out
    }
}

/// A [`Normalized`] being written.
struct Builder {
    /// What is written so far.
    out: Normalized,
    /// Where in the original the whitespace run waiting to be written as one space began, if one is.
    pending_space: Option<u32>,
}

impl Builder {
    /// Writes the folded character `f`, which came from the original character at byte `at`; a space
    /// is held back until a non-space follows, so runs collapse and the ends are trimmed.
    fn emit(&mut self, f: char, at: u32) {
        if f == ' ' {
            if !self.out.text.is_empty() && self.pending_space.is_none() {
                self.pending_space = Some(at);
            }
            return;
        }
        self.flush_space();
        self.mark(at);
        self.out.text.push(f);
        self.out.chars += 1;
    }

    /// Writes `run`, characters of the original starting at byte `at` that normalize to themselves,
    /// none of them a space.
    fn copy(&mut self, run: &str, at: u32, chars: usize) {
        self.flush_space();
        self.mark(at);
        self.out.text.push_str(run);
        self.out.chars += chars;
    }

    /// Writes the space held back, if there is one.
    fn flush_space(&mut self) {
        if let Some(space_at) = self.pending_space.take() {
            self.mark(space_at);
            self.out.text.push(' ');
            self.out.chars += 1;
        }
    }

    /// Records that the next character written comes from byte `at` of the original.
    fn mark(&mut self, at: u32) {
        let n = self.out.text.len() as u32;
        let (bn, bo) = self.out.breaks.last().copied().unwrap_or((0, 0));
        if bo + (n - bn) != at {
            self.out.breaks.push((n, at));
        }
    }
}

/// Code points of the digit zero in the scripts whose digits are read as ASCII digits.
/// Full-width digits are handled by the compatibility decomposition.
const DIGIT_ZEROS: [u32; 12] = [
    0x0660, // Arabic-Indic
    0x06F0, // Extended Arabic-Indic (Persian, Urdu)
    0x07C0, // NKo
    0x0966, // Devanagari
    0x09E6, // Bengali
    0x0A66, // Gurmukhi
    0x0AE6, // Gujarati
    0x0BE6, // Tamil
    0x0E50, // Thai
    0x1040, // Myanmar
    0x17E0, // Khmer
    0x1810, // Mongolian
];

/// The ASCII digit of `c` if it is a decimal digit of a script in [`DIGIT_ZEROS`].
pub(crate) fn ascii_digit(c: char) -> Option<char> {
    let cp = c as u32;
    DIGIT_ZEROS
        .iter()
        .find(|&&zero| (zero..zero + 10).contains(&cp))
        .and_then(|&zero| char::from_digit(cp - zero, 10))
}

/// Characters that are dropped: the invisible format characters of [`is_format_control`] and tatweel.
fn is_ignorable(c: char) -> bool {
    c == '\u{0640}' || is_format_control(c)
}

/// Invisible format characters: bidi controls and marks, zero-width characters, the BOM, the soft
/// hyphen. They are dropped from the normalized text, and the segmenter treats them as blank.
pub(crate) fn is_format_control(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// Whether `c` holds no text: whitespace, a control character (NUL, C0, C1, DEL) or an invisible
/// format character. Sentences never start or end with one, and a line of them is blank.
pub(crate) fn is_blank(c: char) -> bool {
    c.is_whitespace() || c.is_control() || is_format_control(c)
}

/// Whether normalization drops `c`: a combining mark (diacritics), tatweel or an invisible format
/// character.
pub(crate) fn is_dropped(c: char) -> bool {
    is_ignorable(c) || is_combining_mark(c)
}

/// The folded form of one character after decomposition, or `None` to drop it.
fn fold(c: char) -> Option<char> {
    if is_dropped(c) {
        return None;
    }
    if let Some(d) = ascii_digit(c) {
        return Some(d);
    }
    Some(match c {
        'ى' | 'ی' => 'ي',
        'ة' | 'ۃ' => 'ه',
        'ہ' | 'ھ' => 'ه',
        'ک' => 'ك',
        'ٱ' => 'ا',
        '٫' => '.',
        '٬' | '،' => ',',
        '٪' => '%',
        '؛' => ';',
        '؟' => '?',
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '«' | '»' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        c if c.is_whitespace() || c.is_control() => ' ',
        c => c,
    })
}

/// Normalizes `original` for matching, keeping a byte map back into it.
///
/// The map is stored as `u32`: callers must not pass texts over 4 GiB (the document limits are far
/// below that).
pub(crate) fn normalize(original: &str) -> Normalized {
    let mut b = Builder {
        out: Normalized {
            text: String::with_capacity(original.len()),
            chars: 0,
            breaks: Vec::new(),
            original_len: original.len() as u32,
        },
        pending_space: None,
    };
    let mut at = 0;
    while let Some(rest) = original.get(at..).filter(|r| !r.is_empty()) {
        let (len, chars) = plain_run(rest.as_bytes());
        if len > 0 {
            b.copy(&rest[..len], at as u32, chars);
            at += len;
            continue;
        }
        if rest.starts_with(' ') {
            b.emit(' ', at as u32);
            at += 1;
            continue;
        }
        let Some(c) = rest.chars().next() else { break };
        match ARABIC_FOLDS.get((c as usize).wrapping_sub(0x0600)) {
            Some(Fold::Drop) => {}
            Some(&Fold::To(f)) => b.emit(f, at as u32),
            Some(Fold::Decompose) | None => decompose_compatible(c, |d| {
                if let Some(f) = fold(d) {
                    b.emit(f, at as u32);
                }
            }),
        }
        at += c.len_utf8();
    }
    b.out
}

/// Whether [`normalize`] gives `text` back as it is: it has only characters that normalize to
/// themselves, with single spaces between them (a quick test that lets callers skip normalizing).
pub(crate) fn is_normalized(text: &str) -> bool {
    plain_run(text.as_bytes()).0 == text.len()
}

/// What normalization makes of one character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fold {
    /// Nothing: it is dropped.
    Drop,
    /// This one character.
    To(char),
    /// Several characters: the decomposition is run.
    Decompose,
}

/// [`Fold`] for each character of the Arabic block (U+0600 to U+06FF), the characters besides the
/// plain ones that Arabic text is made of (teh marbuta, hamza forms, Arabic-Indic digits, the Arabic
/// comma): they skip the decomposition tables.
static ARABIC_FOLDS: std::sync::LazyLock<[Fold; 256]> = std::sync::LazyLock::new(|| {
    std::array::from_fn(|k| {
        let Some(c) = char::from_u32(0x0600 + k as u32) else {
            return Fold::Decompose;
        };
        let mut folded = Vec::new();
        decompose_compatible(c, |d| folded.extend(fold(d)));
        match folded[..] {
            [] => Fold::Drop,
            [f] => Fold::To(f),
            _ => Fold::Decompose,
        }
    })
});

/// The bytes and characters of the longest run at the start of `bytes` (valid UTF-8) of characters
/// that are [`is_plain`] and not a space, with the single spaces between them.
fn plain_run(bytes: &[u8]) -> (usize, usize) {
    let mut i = 0;
    let mut chars = 0;
    while let Some(&b) = bytes.get(i) {
        let len = match plain_len(bytes, i) {
            // A single space between two such characters needs no collapsing.
            0 if b == b' ' && i > 0 && plain_len(bytes, i + 1) > 0 => 1,
            0 => break,
            len => len,
        };
        i += len;
        chars += 1;
    }
    (i, chars)
}

/// The length of the character at byte `i` of `bytes` (valid UTF-8) if it is [`is_plain`] and not a
/// space, else 0.
fn plain_len(bytes: &[u8], i: usize) -> usize {
    match bytes.get(i) {
        Some(&b @ b'!'..=b'~') if b != b'`' => 1,
        // A two-byte character from U+0600 to U+067F, the leads 0xD8 and 0xD9: offsets below 0x80,
        // which the mask tells the compiler.
        Some(&b @ (0xD8 | 0xD9)) => match bytes.get(i + 1).and_then(|&next| arabic_block_offset(b, next)) {
            Some(k) if PLAIN_ARABIC[k & 0x7F] => 2,
            _ => 0,
        },
        _ => 0,
    }
}

/// [`is_plain`] for U+0600 to U+067F.
static PLAIN_ARABIC: [bool; 128] = {
    let mut table = [false; 128];
    let mut k = 0;
    while k < 128 {
        table[k] = match char::from_u32(0x0600 + k as u32) {
            Some(c) => is_plain(c),
            None => false,
        };
        k += 1;
    }
    table
};

/// Characters that normalize to themselves: printable ASCII but the backquote, and the Arabic letters
/// that neither decompose nor fold. Most of a text is these, and they skip the decomposition tables.
const fn is_plain(c: char) -> bool {
    match c {
        ' '..='~' => c != '`',
        // ء, ا to غ, ف to ي; not ة (teh marbuta), ـ (tatweel) or ى (alef maqsura).
        '\u{0621}' | '\u{0627}'..='\u{063A}' | '\u{0641}'..='\u{064A}' => {
            !matches!(c, '\u{0629}' | '\u{0640}' | '\u{0649}')
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalized_texts_are_told_apart() {
        for (name, input, expected) in CASES {
            if is_normalized(input) {
                assert_eq!(input, expected, "{name}");
            }
        }
        assert!(is_normalized("كتاب جديد, 2015"));
        assert!(!is_normalized("كِتاب"));
        assert!(!is_normalized("كتاب  جديد"));
        assert!(!is_normalized(" كتاب"));
        assert!(!is_normalized("مكتبة"));
    }

    #[test]
    fn plain_characters_normalize_to_themselves() {
        for c in (' '..='~').chain('\u{0600}'..='\u{06FF}').filter(|&c| is_plain(c)) {
            let mut folded = Vec::new();
            decompose_compatible(c, |d| folded.extend(fold(d)));
            assert_eq!(folded, [c], "{c:?} U+{:04X}", c as u32);
        }
    }

    /// Named cases: (name, input, normalized text).
    const CASES: &[(&str, &str, &str)] = &[
        ("ascii unchanged", "Rogozin said 60%.", "Rogozin said 60%."),
        ("whitespace collapsed", "  a \t\n b  ", "a b"),
        ("arabic-indic digits", "عام ٢٠١٤", "عام 2014"),
        ("extended arabic-indic digits", "۱۲۳", "123"),
        ("arabic separators", "٣٫٥ و١٬٠٠٠ و٦٠٪", "3.5 و1,000 و60%"),
        ("alef variants", "أإآٱا", "ااااا"),
        ("diacritics and tatweel", "مُـــحَمَّد", "محمد"),
        ("teh marbuta and alef maqsura", "مدينة على", "مدينه علي"),
        ("hamza carriers", "مسؤول رئيس", "مسوول رييس"),
        ("bidi and zero-width", "a\u{200F}b\u{200B}c\u{202B}d\u{202C}", "abcd"),
        ("bom dropped", "\u{FEFF}text", "text"),
        ("lam-alef ligature", "\u{FEFB}", "لا"),
        ("latin accents folded", "Café Zürich", "Cafe Zurich"),
        ("full-width digits", "２０１６", "2016"),
        ("curly quotes and dashes", "“it’s” – ok", "\"it's\" - ok"),
        ("arabic punctuation", "قال، ماذا؟", "قال, ماذا?"),
        ("ellipsis", "a…b", "a...b"),
        ("empty", "", ""),
        ("only marks", "\u{064E}\u{0640}\u{200F}", ""),
        ("nul is a space", "a\0b\0\0", "a b"),
        ("controls are spaces", "a\u{1}\u{7F}\u{85}b", "a b"),
        ("crlf and lone cr", "a\r\nb\rc", "a b c"),
        ("bidi embedding around a sentence", "\u{202B}قال.\u{202C}", "قال."),
        ("bidi isolates and marks", "\u{2067}x\u{2069}\u{200E}y\u{061C}", "xy"),
    ];

    #[test]
    fn named_cases() {
        for &(name, input, want) in CASES {
            assert_eq!(normalize(input).text, want, "case {name:?}");
        }
    }

    #[test]
    fn offsets_point_at_original_characters() {
        let original = "  قال ٢٠١٤ Café";
        let n = normalize(original);
        for (i, c) in n.text.char_indices() {
            let o = n.offset(i);
            assert!(original.is_char_boundary(o), "offset {o} of {c:?}");
        }
        let two = n.text.find('2').unwrap();
        assert_eq!(&original[n.offset(two)..n.offset(two) + 2], "٢");
        assert_eq!(n.offset(n.text.len()), original.len());
        // Text that keeps its offsets keeps no map.
        assert!(normalize("He said 60% (of them).").breaks.is_empty());
        assert_eq!(normalize("  x").breaks, [(0, 2)]);
    }

    #[test]
    fn spaces_put_in_keep_every_character_where_it_came_from() {
        let original = "  الهدنةَ فوراً، قال ٢٠١٤";
        let n = normalize(original);
        let at: Vec<usize> = [2, 6, 12, 13].into_iter().filter(|&i| n.text.is_char_boundary(i)).collect();
        // A cut inside a character, or twice the same, is skipped.
        let spaced = n.with_spaces_at(&[1, 2, 2, 3, 6, 12, 13]);
        assert_eq!(spaced.chars, n.chars + at.len());
        assert_eq!(spaced.chars, spaced.text.chars().count());
        let kept: Vec<usize> = n.text.char_indices().map(|(i, _)| n.offset(i)).collect();
        let read: Vec<usize> = spaced.text.char_indices().map(|(i, _)| spaced.offset(i)).collect();
        // Each space put in maps to the character after it.
        let mut expected = Vec::new();
        for (k, (i, _)) in n.text.char_indices().enumerate() {
            if at.contains(&i) {
                expected.push(kept[k]);
            }
            expected.push(kept[k]);
        }
        assert_eq!(read, expected);
        assert_eq!(spaced.offset(spaced.text.len()), original.len());
    }

    /// The normalized text and its byte map the plain way, character by character, one map entry per
    /// byte: what [`normalize`] must agree with.
    fn normalize_per_byte(original: &str) -> (String, Vec<usize>) {
        let (mut text, mut origin) = (String::new(), Vec::new());
        let mut pending_space = None;
        for (at, c) in original.char_indices() {
            decompose_compatible(c, |d| match fold(d) {
                Some(' ') if !text.is_empty() => {
                    pending_space.get_or_insert(at);
                }
                Some(' ') | None => {}
                Some(f) => {
                    if let Some(space_at) = pending_space.take() {
                        text.push(' ');
                        origin.push(space_at);
                    }
                    text.push(f);
                    origin.extend(std::iter::repeat_n(at, f.len_utf8()));
                }
            });
        }
        (text, origin)
    }

    /// Checks `normalize(original)` against [`normalize_per_byte`], every byte of the map included.
    fn check_against_per_byte(original: &str) {
        let n = normalize(original);
        let (text, origin) = normalize_per_byte(original);
        assert_eq!(n.text, text, "{original:?}");
        assert_eq!(n.chars, text.chars().count(), "{original:?}");
        for (i, &o) in origin.iter().enumerate() {
            assert_eq!(n.offset(i), o, "byte {i} of {:?} from {original:?}", n.text);
        }
        assert_eq!(n.offset(text.len()), original.len());
        assert_eq!(n.offset(text.len() + 1), original.len());
    }

    #[test]
    fn byte_map_matches_the_per_byte_map() {
        for &(_, input, _) in CASES {
            check_against_per_byte(input);
        }
        check_against_per_byte("\u{FDFA} ﻻ x\u{FEFB}٢ ، ة ةة  ٢٢ ab\u{064E}c ");
    }

    proptest::proptest! {
        #[test]
        fn byte_map_matches_the_per_byte_map_on_any_text(
            s in "[\\u{0600}-\\u{06FF}\\u{FB50}-\\u{FDFF}\\u{FE70}-\\u{FEFF} a-zA-Z0-9\\t\\n\\r\\u{0}`é\\u{200F}\\u{FF10}-\\u{FF19}…]{0,40}|\\PC{0,40}"
        ) {
            check_against_per_byte(&s);
        }
    }

    #[test]
    fn ascii_digit_covers_each_script() {
        assert_eq!(ascii_digit('٧'), Some('7'));
        assert_eq!(ascii_digit('۹'), Some('9'));
        assert_eq!(ascii_digit('०'), Some('0'));
        assert_eq!(ascii_digit('7'), None);
        assert_eq!(ascii_digit('a'), None);
    }
}
