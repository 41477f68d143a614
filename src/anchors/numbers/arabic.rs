//! The Arabic number grammar: number words with their clitics (`خمسه وعشرون`, `ثلاثمائه`, `احد عشر`),
//! duals (`ملياري`, `عامين`), fractions and their homographs, ordinals, decades and centuries.

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

use super::{Found, Last, NumberKind, Reader, WordNumber};
use crate::lang::numbers::{self as table, Count, Role};

/// The Arabic word table as a map.
fn arabic_map() -> &'static HashMap<&'static str, Role> {
    static MAP: OnceLock<HashMap<&'static str, Role>> = OnceLock::new();
    MAP.get_or_init(|| table::ARABIC_WORDS.iter().copied().collect())
}

/// How the words of the Arabic table end: every stem [`arabic_lookup`] finds is a suffix of the word
/// looked up, so a word that ends like no table word needs no lookup (most words do not).
///
/// The endings are kept as a one-hash Bloom filter: a word it lets through that ends like no table
/// word (one in a few dozen) is only looked up for nothing.
struct ArabicTails {
    /// One bit per [`tail_slot`], set for the last [`TAIL_BYTES`] bytes of each table word (the whole
    /// word when shorter).
    bits: [u64; TAIL_SLOTS / 64],
    /// The lengths of those endings, each once.
    lengths: Vec<usize>,
}

/// How many bytes at the end of a word [`ArabicTails`] compares; at most 8.
const TAIL_BYTES: usize = 6;

/// How many bits [`ArabicTails`] has; a power of two.
const TAIL_SLOTS: usize = 4096;

impl ArabicTails {
    /// Whether `word` could end with a word of the Arabic table.
    fn may_end(&self, word: &str) -> bool {
        self.lengths.iter().any(|&n| packed_tail(word, n).is_some_and(|tail| self.holds(tail)))
    }

    /// Whether the bit of `tail` is set.
    fn holds(&self, tail: u64) -> bool {
        let slot = tail_slot(tail);
        self.bits[slot / 64] & (1 << (slot % 64)) != 0
    }
}

/// The last `n` bytes of `word` (`n` from 1 to 8) as a big-endian number, if it has `n`.
fn packed_tail(word: &str, n: usize) -> Option<u64> {
    let bytes = word.as_bytes();
    let tail = bytes.get(bytes.len().checked_sub(n)?..)?;
    let mask = u64::MAX >> (64 - 8 * n);
    match bytes.get(bytes.len().saturating_sub(8)..).and_then(|last| <[u8; 8]>::try_from(last).ok()) {
        Some(last) => Some(u64::from_be_bytes(last) & mask),
        None => Some(tail.iter().fold(0, |packed, &b| (packed << 8) | u64::from(b))),
    }
}

/// The bit of [`ArabicTails`] for an ending of `n` bytes packed by [`packed_tail`] (a
/// multiplicative hash).
fn tail_slot(tail: u64) -> usize {
    (tail.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - TAIL_SLOTS.trailing_zeros())) as usize
}

/// The endings of the Arabic word table.
fn arabic_tails() -> &'static ArabicTails {
    static TAILS: OnceLock<ArabicTails> = OnceLock::new();
    TAILS.get_or_init(|| {
        let length = |w: &str| w.len().min(TAIL_BYTES);
        let mut lengths: Vec<usize> = table::ARABIC_WORDS.iter().map(|&(w, _)| length(w)).collect();
        lengths.sort_unstable();
        lengths.dedup();
        lengths.retain(|&n| n > 0);
        let mut bits = [0; TAIL_SLOTS / 64];
        for tail in table::ARABIC_WORDS.iter().filter_map(|&(w, _)| packed_tail(w, length(w))) {
            let slot = tail_slot(tail);
            bits[slot / 64] |= 1 << (slot % 64);
        }
        ArabicTails { bits, lengths }
    })
}

/// `لل`: the preposition `ل` before the article, which loses its alef (`للمدعين`).
const ARABIC_LIL: &str = "لل";

/// The most letters Arabic proclitics take before a stem: a conjunction, a preposition and the
/// article (`وبال`).
const MAX_PROCLITIC_CHARS: usize = 4;

/// The role of an Arabic word, trying the word itself first and then with more letters taken off its
/// front as clitics: a conjunction, a preposition, the article (`ل` alone after the preposition `ل`).
/// Only the word's few suffixes are looked up; the clitics are checked once a stem is found.
pub(super) fn arabic_lookup(word: &str) -> Option<Found> {
    if !arabic_tails().may_end(word) {
        return None;
    }
    let map = arabic_map();
    for (cut, _) in word.char_indices().take(MAX_PROCLITIC_CHARS + 1) {
        let stem = &word[cut..];
        if let Some(&role) = map.get(stem)
            && let Some(found) = arabic_clitics(&word[..cut], stem, role)
        {
            return Some(found);
        }
    }
    None
}

/// How `prefix` splits into a conjunction, a preposition and the article in front of `stem`, if it
/// does in a way `role` allows.
fn arabic_clitics(prefix: &str, stem: &str, role: Role) -> Option<Found> {
    for conj in std::iter::once("").chain(table::ARABIC_CONJUNCTIONS.iter().copied()) {
        let Some(s1) = prefix.strip_prefix(conj) else {
            continue;
        };
        for prep in std::iter::once("").chain(table::ARABIC_PREPOSITIONS.iter().copied()) {
            let Some(s2) = s1.strip_prefix(prep) else {
                continue;
            };
            let articles: [&str; 3] = ["", table::ARABIC_ARTICLE, if prep == "ل" { "ل" } else { "" }];
            for (n, art) in articles.iter().enumerate() {
                if (n == 2 && art.is_empty()) || s2 != *art {
                    continue;
                }
                let prefixed = !prefix.is_empty();
                // Two-letter stems (`ست` six) take only the article: `لست` is "I am not".
                let clitic = !conj.is_empty() || !prep.is_empty();
                let short = stem.chars().count() <= 2;
                if stem.is_empty() || (prefixed && short && (clitic || stem.chars().count() < 2)) {
                    continue;
                }
                // With the article, a number word spelled like a noun is the noun (`الضعف`, weakness).
                if !art.is_empty() && table::ARABIC_NOUN_HOMOGRAPHS.contains(&stem) {
                    continue;
                }
                let found =
                    Found { role, conj: !conj.is_empty(), prep: !prep.is_empty(), article: !art.is_empty() };
                if arabic_allowed(found) {
                    return Some(found);
                }
            }
        }
    }
    None
}

/// Whether the clitics stripped fit the role: months take no article, `الاثنين` is Monday, and
/// some ordinals count only with the article.
fn arabic_allowed(f: Found) -> bool {
    match f.role {
        Role::Month(_) | Role::AmbiguousMonth(_) | Role::MonthLead(_) => !f.article,
        Role::Unit(2) => !f.article,
        Role::OrdinalWithArticle(_) => f.article,
        _ => true,
    }
}

impl Reader<'_> {
    /// Reads the Arabic word at `i`; returns the next token to read.
    pub(super) fn read_arabic_word(&mut self, i: usize) -> usize {
        let start = self.toks.get(i).map_or(0, |t| t.start);
        let Some(found) = self.found(i) else {
            return i + 1;
        };
        match found.role {
            Role::Unit(_)
            | Role::CompoundUnit(_)
            | Role::Tens(_)
            | Role::Hundreds(_)
            | Role::Magnitude(..) => {
                if let Some(d) = self.arabic_fraction_homograph(i) {
                    self.push(1.0 / f64::from(d), NumberKind::Fraction, start, i);
                    return i + 1;
                }
                let Some(n) = self.parse_arabic(i) else {
                    return i + 1;
                };
                self.finish_arabic(i, n)
            }
            Role::Fraction(q) => {
                let semi =
                    q == 0.5 && self.word(i + 1).is_some_and(|w| table::ARABIC_HALF_BLOCKERS.contains(&w));
                // `الربع الثاني` is the second quarter (a period), not a quarter.
                let period = matches!(self.role(i + 1), Some(Role::Ordinal(_) | Role::OrdinalWithArticle(_)));
                let blocked = semi || period;
                if !blocked {
                    self.push(q, NumberKind::Fraction, start, i);
                }
                i + 1
            }
            Role::Ordinal(value) | Role::OrdinalWithArticle(value) => {
                self.read_arabic_ordinal(i, value, found.article)
            }
            Role::Decade(tens) => self.read_arabic_decade(i, tens),
            Role::Multiple(v) => {
                self.push(f64::from(v), NumberKind::Multiple, start, i);
                i + 1
            }
            Role::Dual => {
                if !self.agrees_with_plural(i) {
                    self.push(2.0, NumberKind::Plain, start, i);
                }
                i + 1
            }
            Role::Month(_) | Role::AmbiguousMonth(_) => {
                if let Some(m) = self.month_at(i) {
                    self.push(f64::from(m), NumberKind::Month, start, i);
                }
                i + 1
            }
            Role::MonthLead(_) => match self.month_at(i) {
                Some(m) => {
                    self.push(f64::from(m), NumberKind::Month, start, i + 1);
                    i + 2
                }
                None => i + 1,
            },
            _ => i + 1,
        }
    }

    /// The denominator of the Arabic word at `i` when it is a fraction spelled like a cardinal
    /// (`خمس` five or a fifth, `سبع`, `تسع`, `عشر`; see [`table::ARABIC_FRACTION_HOMOGRAPHS`]) and
    /// reads as the fraction: without the article, and followed by a definite noun, which a
    /// cardinal from three to ten never governs (it takes an indefinite plural: `خمس سنوات`, five
    /// years; `خمس السكان` is a fifth of the population). The words after it that start with `ال` but
    /// are no nouns (`الى`, `التي` …), number words (`خمس الاف`) and the teen tail do not count.
    fn arabic_fraction_homograph(&self, i: usize) -> Option<u8> {
        let f = self.found(i)?;
        if f.article || !matches!(f.role, Role::Unit(_)) {
            return None;
        }
        let word = self.word(i)?;
        let &(_, d) = table::ARABIC_FRACTION_HOMOGRAPHS.iter().find(|(w, _)| word.ends_with(w))?;
        let next = self.word(i + 1)?;
        let noun = next.starts_with(table::ARABIC_ARTICLE)
            && self.found(i + 1).is_none()
            && !table::ARABIC_ARTICLE_FUNCTION_WORDS.contains(&next);
        noun.then_some(d)
    }

    /// Whether the Arabic word at `i` (read as a dual noun, `عامين`) follows a sound masculine plural
    /// (a word ending in `ين`/`ون`) with the same definiteness, as an adjective agreeing with it:
    /// `المدعين العامين` (the public prosecutors), `موظفين عامين` (public servants) are plurals of the
    /// adjective `عام` (general), not "two years". A dual noun whose definiteness differs from the
    /// word before it (`قضى المعتقلون عامين`, the detainees spent two years) is the number.
    fn agrees_with_plural(&self, i: usize) -> bool {
        let Some(prev) = i.checked_sub(1).and_then(|p| self.word(p)) else {
            return false;
        };
        let Some(word) = self.word(i) else { return false };
        let definite = |w: &str| w.starts_with(table::ARABIC_ARTICLE) || w.starts_with(ARABIC_LIL);
        let plural = table::ARABIC_PLURAL_ENDINGS.iter().any(|e| prev.ends_with(e));
        plural && prev.chars().count() >= 4 && self.found(i - 1).is_none() && definite(prev) == definite(word)
    }

    /// Reads an Arabic ordinal of value `value` at `i`, with its compounds: `الثالثه عشر` (13th),
    /// `الحادي والعشرين` (21st). A lone first (`الاول`, `لاول مره`) yields nothing: it is as often a
    /// discourse word or part of an idiom (`الشوط الاول` / `half-time`) as a number.
    fn read_arabic_ordinal(&mut self, i: usize, value: u8, article: bool) -> usize {
        let start = self.toks.get(i).map_or(0, |t| t.start);
        if value <= 9 && self.is_teen_tail(i + 1, article) {
            self.push(f64::from(value) + 10.0, NumberKind::Ordinal, start, i + 1);
            return i + 2;
        }
        if let Some(f) = self.found(i + 1).filter(|f| f.conj && !f.prep)
            && let Role::Tens(t) = f.role
        {
            let v = f64::from(value) + f64::from(t);
            self.push(v, NumberKind::Ordinal, start, i + 1);
            return i + 2;
        }
        if value > 1 {
            self.push(f64::from(value), NumberKind::Ordinal, start, i);
        }
        i + 1
    }

    /// Reads an Arabic decade word at `i`: with its century (`ثمانينيات القرن العشرين`,
    /// `ستينيات القرن الماضي`) a year such as 1980; before `من عمره` an age (80); alone the decade of
    /// the twentieth century, as Arabic news uses it (`في التسعينيات`, in the 1990s), except the
    /// twenties, which are as often the 2020s and yield nothing.
    fn read_arabic_decade(&mut self, i: usize, tens: u8) -> usize {
        let start = self.toks.get(i).map_or(0, |t| t.start);
        let of = usize::from(self.word_is(i + 1, table::ARABIC_OF));
        if self.word_is(i + 1 + of, table::ARABIC_CENTURY) {
            let at = i + 2 + of;
            let century = if self.word_in(at, table::ARABIC_LAST_CENTURY) {
                Some((20, at))
            } else {
                self.century_at(at)
            };
            if let Some((century, last)) = century {
                let year = f64::from(century - 1) * 100.0 + f64::from(tens);
                self.push(year, NumberKind::Year, start, last);
                return last + 1;
            }
        }
        if of == 1 && self.word_in(i + 2, table::ARABIC_AGE_WORDS) {
            self.push(f64::from(tens), NumberKind::Plain, start, i);
        } else if tens > 20 {
            self.push(1900.0 + f64::from(tens), NumberKind::Year, start, i);
        }
        i + 1
    }

    /// The century named at `j` after `القرن`, with the index of its last token: `العشرين` (20),
    /// `التاسع عشر` (19).
    fn century_at(&self, j: usize) -> Option<(u8, usize)> {
        let found = self.found(j)?;
        match found.role {
            Role::Tens(t) if found.article => Some((t, j)),
            Role::Ordinal(v) | Role::OrdinalWithArticle(v)
                if v <= 9 && self.is_teen_tail(j + 1, found.article) =>
            {
                Some((v + 10, j + 1))
            }
            _ => None,
        }
    }

    /// Whether token `j` is `عشر`/`عشره` (the tail of eleven to nineteen), with the article only
    /// when the number began with one.
    fn is_teen_tail(&self, j: usize, article: bool) -> bool {
        let Some(w) = self.word(j) else { return false };
        let bare = if article { w.strip_prefix(table::ARABIC_ARTICLE).unwrap_or(w) } else { w };
        table::ARABIC_TEEN_TAILS.contains(&bare)
    }

    /// Parses Arabic number words from `i`.
    fn parse_arabic(&self, i: usize) -> Option<WordNumber> {
        let first = self.found(i)?;
        let mut total = 0.0;
        let mut cur = 0.0;
        let mut last = Last::Start;
        let mut last_mag = f64::INFINITY;
        let mut consumed = None;
        let mut j = i;
        while let Some(f) = self.found(j) {
            let start = j == i;
            if !start && (f.prep || (f.article && !first.article)) {
                break;
            }
            let conj = f.conj && !start;
            let joined = conj && matches!(last, Last::Hundred | Last::Magnitude);
            let mut tail = false;
            match f.role {
                Role::Unit(v) if start || joined || (conj && last == Last::Tens && v <= 9) => {
                    cur += f64::from(v);
                    last = Last::Unit(v);
                }
                Role::Unit(10)
                    if !conj
                        && matches!(last, Last::Unit(u) if u <= 9)
                        && self.is_teen_tail(j, first.article) =>
                {
                    cur += 10.0;
                    last = Last::Teen;
                }
                Role::CompoundUnit(v) | Role::Unit(v)
                    if v <= 9 && (start || joined) && self.is_teen_tail(j + 1, first.article) =>
                {
                    cur += f64::from(v) + 10.0;
                    last = Last::Teen;
                    tail = true;
                }
                Role::Tens(v) if start || joined || (conj && matches!(last, Last::Unit(u) if u <= 9)) => {
                    cur += f64::from(v);
                    last = Last::Tens;
                }
                Role::Hundreds(h) if start || (conj && last == Last::Magnitude) => {
                    cur += f64::from(h);
                    last = Last::Hundred;
                }
                Role::Hundreds(100) if !conj && matches!(last, Last::Unit(3..=9)) && cur < 10.0 => {
                    cur *= 100.0;
                    last = Last::Hundred;
                }
                Role::Magnitude(m, count) if m < last_mag => {
                    let has_small = cur > 0.0 && !matches!(last, Last::Start | Last::Magnitude);
                    match count {
                        Count::One if start || joined => total += m,
                        Count::One if !conj && has_small => {
                            total += cur * m;
                            cur = 0.0;
                        }
                        Count::Two if start || joined => total += 2.0 * m,
                        Count::Many if !conj && has_small && (3.0..=10.0).contains(&cur) => {
                            total += cur * m;
                            cur = 0.0;
                        }
                        _ => break,
                    }
                    last_mag = m;
                    last = Last::Magnitude;
                }
                _ => break,
            }
            consumed = Some(if tail { j + 1 } else { j });
            j = if tail { j + 2 } else { j + 1 };
        }
        Some(WordNumber { value: total + cur, last: consumed? })
    }

    /// Emits an Arabic word number `n` that starts at `i`, with fractions, multiples, percent and
    /// money.
    fn finish_arabic(&mut self, i: usize, n: WordNumber) -> usize {
        let start = self.toks.get(i).map_or(0, |t| t.start);
        let small = (1.0..=10.0).contains(&n.value) && n.value.fract() == 0.0;
        if small {
            let next = self.found(n.last + 1).filter(|f| !f.conj && !f.prep);
            match next.map(|f| f.role) {
                Some(Role::FractionPlural(d)) => {
                    self.push(n.value / f64::from(d), NumberKind::Fraction, start, n.last + 1);
                    return n.last + 2;
                }
                Some(Role::MultiplePlural) => {
                    self.push(n.value, NumberKind::Multiple, start, n.last + 1);
                    return n.last + 2;
                }
                _ => {}
            }
        }
        let (kind, last) = self.suffix_kind(n.last, false);
        if n.last == i && n.value == 1.0 && kind == NumberKind::Plain {
            // A lone `واحد` mostly says "a single" (`يوم واحد` / `a day`).
            return last + 1;
        }
        self.push(n.value, kind, start, last);
        last + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tails_let_every_table_word_through() {
        for (w, _) in table::ARABIC_WORDS {
            for clitics in ["", "و", "فب", "وبال", "لل"] {
                assert!(arabic_tails().may_end(&format!("{clitics}{w}")), "{clitics}{w}");
            }
        }
        assert!(!arabic_tails().may_end(""));
    }
}
