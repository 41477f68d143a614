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

use compact_str::CompactString;
use rustc_hash::FxHashSet;

use super::memo::WordMemo;
use super::normalize::Normalized;
use super::{CharClass, runs};
use crate::lang::clitics::{ENCLITICS, PROCLITICS};
use crate::lang::lexicon::{AR_EN, AR_EN_MORE, AR_EN_NAMES, CORE, FUNCTION_WORDS};
use crate::lang::translit::ARABIC_STOPWORDS;

/// `normalized`, the normalized view of `original` (Arabic text), with a space put in wherever the
/// original ran two words together (see the module docs); `normalized` itself when the original
/// shows no lost space, as nearly every sentence does: `مجلسالأمن يدعو إلى الهدنةفورا` reads
/// `مجلس الامن يدعو الي الهدنه فورا`.
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

/// Whether a letter of [`FINAL_ONLY`] has two Arabic letters after it (past any diacritics) at
/// byte `i` of `text`, where it ends.
fn letter_follows(text: &str, i: usize) -> bool {
    let rest = text.get(i..).unwrap_or_default();
    let mut next = rest.chars().filter(|&c| !is_mark(c));
    next.next().is_some_and(is_arabic_letter) && next.next().is_some_and(is_arabic_letter)
}

/// Diacritics and tatweel, which normalization drops.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}')
}

/// An Arabic letter as the words split here are made of (the normalized letters, and before
/// normalization the presentation forms too).
fn is_arabic_letter(c: char) -> bool {
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

/// What splitting costs: each word it reads costs [`WORD_COST`], a known word read with its clitics
/// [`CLITIC_COST`] more (the least stripped reading wins a tie), and a stretch no known word spells
/// [`UNKNOWN_LETTER_COST`] more per letter.
const WORD_COST: f32 = 1.0;
/// See [`WORD_COST`].
const CLITIC_COST: f32 = 0.1;
/// See [`WORD_COST`]: a known word of four letters or more is taken off an unknown stretch.
const UNKNOWN_LETTER_COST: f32 = 0.3;
/// The fewest letters of a word read as several (see the module docs).
const MIN_SPLIT_LETTERS: usize = 12;
/// The fewest letters of an unknown stretch: a word's leftover letter or two is not a word.
const MIN_UNKNOWN_LETTERS: usize = 3;
/// The fewest letters of a known word read with clitics off: what is left of a longer word
/// (`بفي`, `ب` + `في`) is too often a short form by chance.
const MIN_STRIPPED_LETTERS: usize = 3;

/// The known Arabic words and how to read a stretch of letters as them.
struct Segmenter {
    /// The normalized forms of the built-in tables, one word each.
    words: FxHashSet<String>,
    /// The most letters a known word has with its clitics.
    longest: usize,
}

/// The segmenter of the built-in tables, made when a sentence first shows a lost space.
static SEGMENTER: LazyLock<Segmenter> = LazyLock::new(Segmenter::new);

/// Arabic letters (U+0621 to U+064A), the words [`Segmenter::cuts`] reads.
static ARABIC_LETTERS: LazyLock<CharClass> =
    LazyLock::new(|| CharClass::new(|c| matches!(c, '\u{0621}'..='\u{064A}')));

impl Segmenter {
    fn new() -> Segmenter {
        let tables = FUNCTION_WORDS.iter().chain(AR_EN).chain(AR_EN_MORE).chain(AR_EN_NAMES);
        let written = tables.map(|(ar, _)| super::normalize::normalize(ar).text);
        let core = CORE.iter().map(|(ar, _)| (*ar).to_owned());
        let stop = ARABIC_STOPWORDS.iter().map(|w| (*w).to_owned());
        let words: FxHashSet<String> =
            written.chain(core).chain(stop).filter(|w| !w.contains(' ') && !w.is_empty()).collect();
        let chars = |list: &[&str]| list.iter().map(|w| w.chars().count()).max().unwrap_or(0);
        let longest =
            words.iter().map(|w| w.chars().count()).max().unwrap_or(0) + chars(PROCLITICS) + chars(ENCLITICS);
        Segmenter { words, longest }
    }

    /// The cost of `piece` as one known word: [`WORD_COST`], plus [`CLITIC_COST`] when it is known
    /// only with its clitics; `None` when it is not known.
    fn known(&self, piece: &str) -> Option<f32> {
        if self.words.contains(piece) {
            return Some(WORD_COST);
        }
        let long_enough = |w: &&str| w.chars().nth(MIN_STRIPPED_LETTERS - 1).is_some();
        let stripped = PROCLITICS.iter().filter_map(|p| piece.strip_prefix(p)).filter(long_enough);
        // A stem with its final letter put back, inline up to 24 bytes: no allocation per piece.
        let mut rebuilt = CompactString::default();
        for (k, stem) in std::iter::once(piece).chain(stripped).enumerate() {
            if k > 0 && self.words.contains(stem) {
                return Some(WORD_COST + CLITIC_COST);
            }
            for e in ENCLITICS {
                let Some(rest) = stem.strip_suffix(e).filter(long_enough) else { continue };
                if self.words.contains(rest) {
                    return Some(WORD_COST + CLITIC_COST);
                }
                // A noun's final `ة` is written `ت` before a suffix: `حكومتها` is `حكومه` + `ها`.
                if *e != "ات"
                    && let Some(noun) = rest.strip_suffix('ت')
                {
                    rebuilt.clear();
                    rebuilt.push_str(noun);
                    rebuilt.push('ه');
                    if self.words.contains(rebuilt.as_str()) {
                        return Some(WORD_COST + CLITIC_COST);
                    }
                }
            }
        }
        None
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

    /// Reads `text[range]` (Arabic letters), when it is a word of [`MIN_SPLIT_LETTERS`] or more
    /// that no known word spells, as the cheapest sequence of words ([`Segmenter::read`]) and pushes
    /// the offsets between them onto `cuts`. A word's reading is remembered per thread: a sentence's
    /// normalized view is made again each time a matcher reads it.
    fn split(&self, text: &str, range: std::ops::Range<usize>, cuts: &mut Vec<usize>) {
        let Some(piece) = text.get(range.clone()) else { return };
        if piece.chars().nth(MIN_SPLIT_LETTERS - 1).is_none() {
            return;
        }
        SPLITS.with(|memo| {
            let found = memo.of(piece, |found| self.read(piece, found));
            cuts.extend(found.iter().map(|&at| range.start + at as usize));
        });
    }

    /// Pushes onto `found` the byte offsets between the words of the cheapest reading of `piece`
    /// (Arabic letters; see [`WORD_COST`]), none when it is known as it is. Linear in its length: a
    /// known word is no longer than [`Segmenter::longest`], and the cheapest start of an unknown
    /// stretch ending at each letter is carried along.
    fn read(&self, piece: &str, found: &mut Vec<u32>) {
        if self.known(piece).is_some() {
            return;
        }
        // Byte offsets of the piece's letter boundaries, its end included.
        let bounds: Vec<usize> = piece.char_indices().map(|(i, _)| i).chain([piece.len()]).collect();
        let n = bounds.len() - 1;
        // best[i]: the cheapest reading of the first i letters and where its last word starts.
        let mut best: Vec<(f32, usize)> = vec![(f32::INFINITY, 0); n + 1];
        best[0] = (0.0, 0);
        // The cheapest start j of an unknown stretch ending here: min over j of best[j] - per letter * j.
        let mut unknown_from: (f32, usize) = (f32::INFINITY, 0);
        for i in 1..=n {
            if let Some(j) = i.checked_sub(MIN_UNKNOWN_LETTERS) {
                let carried = best[j].0 - UNKNOWN_LETTER_COST * j as f32;
                if carried < unknown_from.0 {
                    unknown_from = (carried, j);
                }
            }
            let unknown = unknown_from.0 + WORD_COST + UNKNOWN_LETTER_COST * i as f32;
            let mut here = (unknown, unknown_from.1);
            for j in i.saturating_sub(self.longest)..i.saturating_sub(1) {
                if let Some(cost) = self.known(&piece[bounds[j]..bounds[i]]) {
                    if best[j].0 + cost < here.0 {
                        here = (best[j].0 + cost, j);
                    }
                }
            }
            best[i] = here;
        }
        let start = found.len();
        let mut i = n;
        while i > 0 {
            let j = best[i].1;
            if j > 0 {
                found.push(bounds[j] as u32);
            }
            i = j;
        }
        found[start..].reverse();
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
