//! Arabic words run together: text that lost the spaces between its words (PDF extraction, OCR, a
//! corpus's own flaw) read as the words it holds.
//!
//! Arabic writes two letters only at the end of a word: teh marbuta (`ة`) and alef maqsura (`ى`);
//! before a suffix they change (`حكومتها`, `عليه`). One of them with two letters or more after it in
//! the same word is a word's end with the space after it lost (one letter after it is more often
//! a misspelt hamza, `مبتدىء`). A sentence that shows one is read with its spaces put back:
//!
//! - after each such letter inside a word;
//! - inside each word of [`MIN_SPLIT_LETTERS`] letters or more that no known word spells, between
//!   the words of its cheapest reading ([`Segmenter::split`]). A known word is a form of the
//!   built-in tables (the lexicon's, the core vocabulary's and the Arabic stopwords'), alone or
//!   with its clitics; a stretch that no known word spells (a name, a rare word) costs more the
//!   longer it is, so that a known word is taken off it only when it spells enough of it.
//!
//! A sentence without such a letter is left as it is, and so is a shorter word: a name the tables
//! do not hold often spells two short known words (`دونالد` is `دون` + `الد`), and cut, it no longer
//! matches its English. Measured on the dev set's quality pairs, cutting words of six letters or
//! more lowered the entity AUC held out from 0.920 to 0.893; from twelve letters on (longer than
//! all but 16 of the 21,192 known forms) it moves no AUC by more than 0.001.

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use super::memo::WordMemo;
use super::normalize::{Normalized, is_dropped};
use super::{CharClass, runs};
use crate::lang::clitics::{ENCLITICS, PROCLITICS};
use crate::lang::lexicon::{CORE, hand_tables};
use crate::lang::translit::ARABIC_STOPWORDS;

/// `normalized`, the normalized view of `original` (Arabic text), with a space put in wherever the
/// original ran two words together (see the module docs); `normalized` itself when the original
/// shows no lost space, as nearly every sentence does: `اجتمعوزيرالخارجيةمعالسفيرالأمريكيفيالعاصمة`
/// reads `اجتمع وزير الخارجيه مع السفير الامريكي في العاصمه`.
pub(crate) fn split_glued(original: &str, normalized: Normalized) -> Normalized {
    if !shows_lost_space(original) {
        return normalized;
    }
    let cuts = SEGMENTER.cuts(original, &normalized);
    if cuts.is_empty() { normalized } else { normalized.with_spaces_at(&cuts) }
}

/// The letters Arabic writes only at a word's end: teh marbuta and alef maqsura, and their
/// presentation forms.
const FINAL_ONLY: [char; 6] = ['ة', 'ى', '\u{FE93}', '\u{FE94}', '\u{FEEF}', '\u{FEF0}'];

/// Whether a letter of [`FINAL_ONLY`] has two Arabic letters after it (past what normalization drops) at
/// byte `i` of `text`, where it ends.
fn letter_follows(text: &str, i: usize) -> bool {
    let rest = text.get(i..).unwrap_or_default();
    let mut next = rest.chars().filter(|&c| !is_dropped(c));
    next.next().is_some_and(is_plain_letter) && next.next().is_some_and(is_plain_letter)
}

/// An Arabic letter as the words split here are made of (the normalized letters, and before
/// normalization the presentation forms too).
fn is_plain_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{FE80}'..='\u{FEFC}')
}

/// Whether `original` has a letter of [`FINAL_ONLY`] with letters after it: read with a search for
/// the two letters' bytes (presentation forms only where the text has any), not by decoding it.
fn shows_lost_space(original: &str) -> bool {
    static FINDERS: LazyLock<[memchr::memmem::Finder<'static>; 2]> = LazyLock::new(|| {
        [memchr::memmem::Finder::new("ة".as_bytes()), memchr::memmem::Finder::new("ى".as_bytes())]
    });
    let bytes = original.as_bytes();
    let plain = FINDERS.iter().any(|f| f.find_iter(bytes).any(|i| letter_follows(original, i + 2)));
    plain
        || (memchr::memchr(0xEF, bytes).is_some()
            && original
                .char_indices()
                .any(|(i, c)| FINAL_ONLY[2..].contains(&c) && letter_follows(original, i + c.len_utf8())))
}

/// What splitting costs, in tenths (whole numbers, so that equal costs are equal): each word it
/// reads costs [`WORD_COST`], a known word read with its clitics [`CLITIC_COST`] more (the least
/// stripped reading wins a tie), and a stretch no known word spells [`UNKNOWN_LETTER_COST`] more per
/// letter. Of two readings that cost the same, the one with fewer words is taken.
const WORD_COST: i64 = 10;
/// See [`WORD_COST`].
const CLITIC_COST: i64 = 1;
/// See [`WORD_COST`]: a known word of four letters or more is taken off an unknown stretch.
const UNKNOWN_LETTER_COST: i64 = 3;
/// The fewest letters of a word read as several (see the module docs).
const MIN_SPLIT_LETTERS: usize = 12;
/// The most letters read as one stretch (see [`Segmenter::split`]).
const WINDOW_LETTERS: usize = 256;
/// The fewest letters of an unknown stretch: a word's leftover letter or two is not a word.
const MIN_UNKNOWN_LETTERS: usize = 3;
/// The fewest letters of a known word read with clitics off: what is left of a longer word
/// (`بفي`, `ب` + `في`) is too often a short form by chance.
const MIN_STRIPPED_LETTERS: usize = 3;

/// The known Arabic words and how to read a stretch of letters as them. Words are read as letter
/// codes ([`code`]), and a known word is looked up as one number ([`key`]), which a stem read
/// backwards from its end grows a letter at a time.
struct Segmenter {
    /// The keys of the normalized forms of the built-in tables, one word each.
    words: FxHashSet<u128>,
    /// The clitics, as letter codes.
    proclitics: Vec<Vec<u8>>,
    enclitics: Vec<Vec<u8>>,
    /// The most letters a known word has (without clitics).
    longest: usize,
}

/// The segmenter of the built-in tables, made when a sentence first shows a lost space.
static SEGMENTER: LazyLock<Segmenter> = LazyLock::new(Segmenter::new);

/// Arabic letters (U+0621 to U+064A), the words [`Segmenter::cuts`] reads: two bytes each.
static ARABIC_LETTERS: LazyLock<CharClass> =
    LazyLock::new(|| CharClass::new(|c| matches!(c, '\u{0621}'..='\u{064A}')));

/// The code of an Arabic letter of [`ARABIC_LETTERS`]: 1 to 42, six bits.
fn code(c: char) -> Option<u8> {
    matches!(c, '\u{0621}'..='\u{064A}').then(|| (c as u32 - 0x0620) as u8)
}

/// The letter codes of a word, `None` when it has a character outside [`ARABIC_LETTERS`].
fn codes(word: &str) -> Option<Vec<u8>> {
    word.chars().map(code).collect()
}

/// The most letters a [`key`] holds: six bits each in 128.
const MAX_KEY_LETTERS: usize = 21;

/// The letter codes of a word (at most [`MAX_KEY_LETTERS`]) as one number, each code in six bits:
/// codes are never 0, so two words have the same key only when they are the same.
fn key(codes: &[u8]) -> u128 {
    codes.iter().fold(0, |k, &c| (k << 6) | u128::from(c))
}

/// `word` without the letters `suffix` it ends with: `<[u8]>::strip_suffix` without its call to
/// `memcmp`, which costs more than the comparison of two or three letters.
fn without_suffix<'a>(word: &'a [u8], suffix: &[u8]) -> Option<&'a [u8]> {
    let (rest, tail) = word.split_at_checked(word.len().checked_sub(suffix.len())?)?;
    tail.iter().zip(suffix).all(|(a, b)| a == b).then_some(rest)
}

/// The letter code of `ه`, which a noun's final `ة` is normalized to.
const HEH: u8 = ('ه' as u32 - 0x0620) as u8;
/// The letter code of `ت`, which a noun's final `ة` is written as before a suffix.
const TEH: u8 = ('ت' as u32 - 0x0620) as u8;
/// The letter code of `ا`.
const ALEF: u8 = ('ا' as u32 - 0x0620) as u8;

impl Segmenter {
    fn new() -> Segmenter {
        let written = hand_tables().map(|(ar, _)| super::normalize::normalize(ar).text);
        let core = CORE.iter().map(|(ar, _)| (*ar).to_owned());
        let stop = ARABIC_STOPWORDS.iter().map(|w| (*w).to_owned());
        let words: Vec<Vec<u8>> = written
            .chain(core)
            .chain(stop)
            .filter_map(|w| codes(&w))
            .filter(|w| !w.is_empty() && w.len() < MAX_KEY_LETTERS)
            .collect();
        let clitics = |list: &[&str]| list.iter().filter_map(|c| codes(c)).collect::<Vec<Vec<u8>>>();
        let (proclitics, enclitics) = (clitics(PROCLITICS), clitics(ENCLITICS));
        let most = |list: &[Vec<u8>]| list.iter().map(Vec::len).max().unwrap_or(0);
        let longest = most(&words);
        let words = words.iter().map(|w| key(w)).collect();
        Segmenter { words, proclitics, enclitics, longest }
    }

    /// The byte offsets of `normalized`'s text (the normalized view of `original`) where a space was
    /// lost, in increasing order: after each letter of [`FINAL_ONLY`] inside a word (two letters or
    /// more before its end), and between the words [`Segmenter::split`] reads in each piece of a
    /// word between those.
    fn cuts(&self, original: &str, normalized: &Normalized) -> Vec<usize> {
        let text = normalized.text.as_str();
        let mut cuts = Vec::new();
        for word in runs(text, &ARABIC_LETTERS) {
            let start = word.as_ptr() as usize - text.as_ptr() as usize;
            let mut piece_start = start;
            for (i, c) in word.char_indices() {
                let end = start + i + c.len_utf8();
                // Two letters or more after it, as `shows_lost_space` asks.
                let final_only = matches!(c, 'ه' | 'ي')
                    && word[i + c.len_utf8()..].chars().nth(1).is_some()
                    && original
                        .get(normalized.offset(start + i)..)
                        .and_then(|rest| rest.chars().next())
                        .is_some_and(|o| FINAL_ONLY.contains(&o));
                if final_only {
                    self.split(text, piece_start..end, &mut cuts);
                    cuts.push(end);
                    piece_start = end;
                }
            }
            self.split(text, piece_start..start + word.len(), &mut cuts);
        }
        cuts
    }

    /// Reads `text[range]` (Arabic letters, two bytes each), when it is a word of
    /// [`MIN_SPLIT_LETTERS`] or more that no known word spells, as the cheapest sequence of words
    /// ([`Segmenter::read`]) and pushes the offsets between them onto `cuts`. A word's reading is
    /// remembered per thread (a sentence's normalized view is made again each time a matcher reads
    /// it); a word longer than [`WINDOW_LETTERS`], which no text has but one that lost every space,
    /// is read a window at a time and not remembered, so that time and memory stay bounded.
    fn split(&self, text: &str, range: std::ops::Range<usize>, cuts: &mut Vec<usize>) {
        let Some(piece) = text.get(range.clone()) else { return };
        if piece.len() < 2 * MIN_SPLIT_LETTERS {
            return;
        }
        if piece.len() <= 2 * WINDOW_LETTERS {
            SPLITS.with(|memo| {
                let found = memo.of(piece, |found| self.read(piece, found));
                cuts.extend(found.iter().map(|&at| range.start + at as usize));
            });
            return;
        }
        let mut found = Vec::new();
        for from in (0..piece.len()).step_by(2 * WINDOW_LETTERS) {
            let window = piece.get(from..piece.len().min(from + 2 * WINDOW_LETTERS)).unwrap_or_default();
            found.clear();
            self.read(window, &mut found);
            cuts.extend(found.iter().map(|&at| range.start + from + at as usize));
        }
    }

    /// Pushes onto `found` the byte offsets between the words of the cheapest reading of `piece`
    /// (Arabic letters; see [`WORD_COST`]), none when it is one known word. Linear in its length:
    /// the known words ending at each letter are found by their stems, read from the stem's end
    /// back to at most [`Segmenter::longest`] letters (its key grows a letter at a time), after each
    /// clitic that ends there; the cheapest start of an unknown stretch ending there is carried along.
    fn read(&self, piece: &str, found: &mut Vec<u32>) {
        let Some(letters) = codes(piece) else { return };
        let n = letters.len();
        // best[i]: the cheapest reading of the first i letters as (cost, words, where its last word
        // starts); tuples compare cost first, then words.
        let mut best: Vec<(i64, u32, usize)> = vec![(i64::MAX, 0, 0); n + 1];
        best[0] = (0, 0, 0);
        // The cheapest start j of an unknown stretch ending here, as best[j] less the stretch's
        // letters before j: the same for every end.
        let mut unknown_from: (i64, u32, usize) = (i64::MAX, 0, 0);
        for i in 1..=n {
            if let Some(j) = i.checked_sub(MIN_UNKNOWN_LETTERS) {
                let (cost, words, _) = best[j];
                let carried = (cost - UNKNOWN_LETTER_COST * j as i64, words, j);
                unknown_from = unknown_from.min(carried);
            }
            let (carried, words, from) = unknown_from;
            let unknown = carried.saturating_add(WORD_COST + UNKNOWN_LETTER_COST * i as i64);
            let mut here = (unknown, words + 1, from);
            self.words_ending(&letters[..i], |j, cost| {
                let (before, words, _) = best[j];
                here = here.min((before.saturating_add(cost), words + 1, j));
            });
            best[i] = here;
        }
        // Every letter is two bytes.
        let start = found.len();
        let mut i = n;
        while i > 0 {
            let j = best[i].2;
            if j > 0 {
                found.push(2 * j as u32);
            }
            i = j;
        }
        found[start..].reverse();
    }

    /// Calls `each(j, cost)` for each known word that `letters[j..]` spells (two letters or more),
    /// with its cost: [`WORD_COST`] as written, plus [`CLITIC_COST`] with a proclitic or an
    /// enclitic off (the stem then three letters or more). Before an enclitic but the plural `ات`,
    /// a stem ending in `ت` is also read with `ه` for it: a noun's final `ة` is written `ت` before a
    /// suffix (`حكومتها` is `حكومه` + `ها`).
    fn words_ending(&self, letters: &[u8], mut each: impl FnMut(usize, i64)) {
        let end = letters.len();
        let endings = std::iter::once((0, false)).chain(self.enclitics.iter().flat_map(|e| {
            let matched = without_suffix(letters, e).is_some();
            let noun = matched
                && e[..] != [ALEF, TEH]
                && letters.len() > e.len()
                && letters[end - e.len() - 1] == TEH;
            [(e.len(), false), (e.len(), true)].into_iter().filter(move |&(_, heh)| matched && (!heh || noun))
        }));
        for (suffix, heh) in endings {
            // The stem as written ends at `stem_end`; with `heh`, its last letter `ت` reads `ه`.
            let stem_end = end - suffix;
            let (mut key, mut len, last) =
                if heh { (u128::from(HEH), 1, stem_end - 1) } else { (0, 0, stem_end) };
            for s in (last.saturating_sub(self.longest.saturating_sub(len))..last).rev() {
                key |= u128::from(letters[s]) << (6 * len);
                len += 1;
                let written = stem_end - s;
                let clitic = suffix > 0;
                if written < if clitic { MIN_STRIPPED_LETTERS } else { 2 } || !self.words.contains(&key) {
                    continue;
                }
                each(s, if clitic { WORD_COST + CLITIC_COST } else { WORD_COST });
                if written >= MIN_STRIPPED_LETTERS {
                    for p in &self.proclitics {
                        if without_suffix(&letters[..s], p).is_some() {
                            each(s - p.len(), WORD_COST + CLITIC_COST);
                        }
                    }
                }
            }
        }
    }
}

/// Each word's reading by [`Segmenter::read`], per thread.
static SPLITS: WordMemo<u32> = WordMemo::new();

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize::normalize;

    fn split(original: &str) -> String {
        split_glued(original, normalize(original)).text
    }

    #[test]
    fn a_final_only_letter_inside_a_word_shows_a_lost_space() {
        assert!(shows_lost_space("الهدنةفورا"));
        assert!(shows_lost_space("علىالطاولة"));
        assert!(shows_lost_space("الهدنةَفورا"));
        assert!(!shows_lost_space("الهدنة فورا على الطاولة."));
        assert!(!shows_lost_space("حكومتها عليه"));
        assert!(shows_lost_space("\u{FE94}\u{FEB3}\u{FEF3}"));
        assert!(!shows_lost_space("مبتدىء"));
    }

    #[test]
    fn glued_words_are_read_apart() {
        for (name, glued, spaced) in [
            ("after a final-only letter", "الهدنةفورا", "الهدنه فورا"),
            ("alef maqsura", "علىالطاولة", "علي الطاوله"),
            ("a short glued word is kept", "مجلسالأمن يدعو إلى الهدنةفورا", "مجلسالامن يدعو الي الهدنه فورا"),
            (
                "long words read as known words",
                "اجتمعوزيرالخارجيةمعالسفيرالأمريكيفيالعاصمة",
                "اجتمع وزير الخارجيه مع السفير الامريكي في العاصمه",
            ),
            ("diacritics in between", "الهدنةَفورا", "الهدنه فورا"),
        ] {
            assert_eq!(split(glued), spaced, "{name}");
        }
    }

    #[test]
    fn text_without_a_lost_space_is_left_as_it_is() {
        for text in [
            "مجلسالأمن يدعو",
            "قال ليفربول وبوليفيا وهاميلتون",
            "حكومتها عليه",
            // One letter after alef maqsura: a misspelt hamza, not two words.
            "أنا مبتدىء",
            "الموجات الكهرومغناطيسية والاستثمارات",
        ] {
            assert_eq!(split(text), normalize(text).text, "{text}");
        }
    }

    #[test]
    fn a_long_glued_run_is_read_in_linear_time() {
        let run = "الحكومةوالوزارةالسفيرالعاصمة".repeat(200);
        let split = split(&run);
        assert_eq!(split.split(' ').count(), 800, "{}", &split[..200]);
        // One word of 1,404 letters, read a window at a time: every letter kept, most words found.
        let run = format!("الهدنةفورا{}", "مجلسالسفيروزير".repeat(100));
        let split = super::split_glued(&run, normalize(&run)).text;
        assert_eq!(split.replace(' ', ""), normalize(&run).text.replace(' ', ""));
        let words = split.split(' ').count();
        assert!((290..=302).contains(&words), "{words} words: {}", &split[..200]);
    }

    proptest::proptest! {
        #[test]
        fn spaces_put_back_keep_the_text_and_its_map(
            text in "[\u{0621}-\u{063A}\u{0641}-\u{064A}\u{0629}\u{0649}\u{064E}\u{0640}\u{FE93}\u{FEF0} .a1]{0,80}"
        ) {
            let plain = normalize(&text);
            let split = split_glued(&text, plain.clone());
            proptest::prop_assert_eq!(split.text.replace(' ', ""), plain.text.replace(' ', ""));
            proptest::prop_assert_eq!(split.chars, split.text.chars().count());
            let mut last = 0;
            for (i, _) in split.text.char_indices() {
                let o = split.offset(i);
                proptest::prop_assert!(text.is_char_boundary(o) && o >= last && o < text.len());
                last = o;
            }
        }
    }

    #[test]
    fn spaces_put_in_map_to_the_original() {
        let original = "الهدنةَفورا";
        let n = split_glued(original, normalize(original));
        let space = n.text.find(' ').unwrap();
        assert_eq!(&original[n.offset(space)..], "فورا");
        assert_eq!(&original[..n.offset(space)], "الهدنةَ");
        assert_eq!(n.chars, n.text.chars().count());
    }
}
