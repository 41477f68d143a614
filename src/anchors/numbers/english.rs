//! The English number grammar: number words (`twenty-five`, `two hundred and fifty`, `a million`),
//! fractions, multiples and ordinals, the article as `one`, and the pronoun `one` left out.

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

use super::{Last, NumberKind, Reader, WordNumber};
use crate::lang::numbers::{self as table, Count, Role};
use crate::text::packed_word;

/// The English word table as a map, keyed by [`packed_english`] (the tables hold lower-case ASCII
/// words of at most [`MAX_ENGLISH_WORD`] bytes).
fn english_map() -> &'static HashMap<u128, Role> {
    static MAP: OnceLock<HashMap<u128, Role>> = OnceLock::new();
    MAP.get_or_init(|| {
        table::ENGLISH_WORDS.iter().filter_map(|&(w, role)| Some((packed_english(w)?, role))).collect()
    })
}

/// The longest English word the tables hold, in bytes.
const MAX_ENGLISH_WORD: usize = 16;

/// The role of an English word, case-insensitively.
pub(super) fn english_lookup(word: &str) -> Option<Role> {
    if !english_shapes().may_hold(word) {
        return None;
    }
    english_map().get(&packed_english(word)?).copied()
}

/// The first letters, lengths and last letters of the English table's words: a word whose first
/// letter goes with no table word of its length or ending (most words: `the` is as long as `ten` but
/// ends otherwise) needs no lookup.
struct EnglishShapes {
    /// For each letter `a` to `z`, bit `n` is set when a table word of `n` bytes starts with it.
    lengths: [u32; 26],
    /// For each letter `a` to `z`, bit `m` is set when a table word that starts with it ends with
    /// the `m`-th letter.
    endings: [u32; 26],
}

impl EnglishShapes {
    /// Whether `word` has the first letter (either case) of a table word of its length, and of one
    /// with its last letter.
    fn may_hold(&self, word: &str) -> bool {
        let (Some(first), Some(last)) =
            (letter_index(word.bytes().next()), letter_index(word.bytes().last()))
        else {
            return false;
        };
        word.len() < 32
            && self.lengths[first] & (1 << word.len()) != 0
            && self.endings[first] & (1 << last) != 0
    }
}

/// The index (0 for `a` to 25 for `z`) of an ASCII letter of either case.
fn letter_index(b: Option<u8>) -> Option<usize> {
    b.filter(u8::is_ascii_alphabetic).map(|b| usize::from(b.to_ascii_lowercase() - b'a'))
}

/// The shapes of the English word table.
fn english_shapes() -> &'static EnglishShapes {
    static SHAPES: OnceLock<EnglishShapes> = OnceLock::new();
    SHAPES.get_or_init(|| {
        let mut lengths = [0u32; 26];
        let mut endings = [0u32; 26];
        for (w, _) in table::ENGLISH_WORDS {
            if let (Some(first), Some(last)) =
                (letter_index(w.bytes().next()), letter_index(w.bytes().last()))
                && w.len() < 32
            {
                lengths[first] |= 1 << w.len();
                endings[first] |= 1 << last;
            }
        }
        EnglishShapes { lengths, endings }
    })
}

/// An ASCII word of at most [`MAX_ENGLISH_WORD`] bytes, lower-cased and packed into one number
/// ([`packed_word`]).
fn packed_english(word: &str) -> Option<u128> {
    if word.len() > MAX_ENGLISH_WORD || !word.is_ascii() {
        return None;
    }
    packed_word(word.bytes().map(|b| b.to_ascii_lowercase()))
}

impl Reader<'_> {
    /// Reads the English word at `i`; returns the next token to read.
    pub(super) fn read_english_word(&mut self, i: usize) -> usize {
        let start = self.toks.get(i).map_or(0, |t| t.start);
        if self.word_in(i, table::ENGLISH_ARTICLES) {
            return self.read_english_article(i);
        }
        let Some(role) = self.role(i) else {
            return i + 1;
        };
        match role {
            Role::Unit(_) | Role::Tens(_) => {
                let Some(n) = self.parse_english(i, false) else {
                    return i + 1;
                };
                self.finish_english(i, n, false)
            }
            Role::Fraction(q) => {
                let p = if i > 1 && self.is_punct(i - 1, '-') && self.attached(i) {
                    i - 2
                } else {
                    i.wrapping_sub(1)
                };
                let prev_ordinal = p < i && matches!(self.role(p), Some(Role::Ordinal(_)));
                let j = self.next_joined(i);
                let blocked = j == i + 2 && self.word_in(j, table::ENGLISH_HALF_BLOCKERS);
                if !(prev_ordinal || (blocked && q == 0.5)) {
                    self.push(q, NumberKind::Fraction, start, i);
                }
                i + 1
            }
            Role::Ordinal(value) | Role::OrdinalWithArticle(value) => {
                if value > 1 && !self.english_time_second(i) {
                    self.push(f64::from(value), NumberKind::Ordinal, start, i);
                }
                i + 1
            }
            Role::Multiple(v) => {
                self.push(f64::from(v), NumberKind::Multiple, start, i);
                i + 1
            }
            Role::Month(_) | Role::AmbiguousMonth(_) | Role::MonthLead(_) => {
                if let Some(m) = self.month_at(i) {
                    self.push(f64::from(m), NumberKind::Month, start, i);
                }
                i + 1
            }
            _ => i + 1,
        }
    }

    /// Whether the English word at `i` is `second` as a unit of time rather than an ordinal: after a
    /// number (`1 second`, `one second`) or a word that takes only a unit (`per second`, `split
    /// second`), or after an article or a distributive (`a second`, `every second`) with no noun
    /// after it: at the end of a clause, or before a word of [`table::ENGLISH_AFTER_TIME_SECOND`]
    /// (`a second later`, `for a second or two`), where the ordinal would need its noun (`a second
    /// term`).
    fn english_time_second(&self, i: usize) -> bool {
        if !self.word_is(i, table::ENGLISH_SECOND) {
            return false;
        }
        let Some(p) = i.checked_sub(1) else {
            return false;
        };
        if self.is_digits(p)
            || matches!(self.role(p), Some(Role::Unit(_)))
            || self.word_in(p, table::ENGLISH_BEFORE_TIME_UNIT)
        {
            return true;
        }
        self.word_in(p, table::ENGLISH_BEFORE_TIME_SECOND)
            && (self.word(i + 1).is_none() || self.word_in(i + 1, table::ENGLISH_AFTER_TIME_SECOND))
    }

    /// Reads `a`/`an` at `i`: `a million`, `a dozen`, `a half`, `a quarter`, `a third of`.
    fn read_english_article(&mut self, i: usize) -> usize {
        let start = self.toks.get(i).map_or(0, |t| t.start);
        let j = i + 1;
        match self.role(j) {
            Some(Role::Hundreds(_) | Role::Magnitude(_, Count::One) | Role::Dozen) => {
                let Some(n) = self.parse_english(i, true) else {
                    return i + 1;
                };
                self.finish_english(i, n, true)
            }
            Some(Role::Fraction(q)) => {
                self.push(q, NumberKind::Fraction, start, j);
                j + 1
            }
            Some(Role::Ordinal(value)) if value >= 3 && self.word_is(j + 1, "of") => {
                self.push(1.0 / f64::from(value), NumberKind::Fraction, start, j);
                j + 1
            }
            _ => i + 1,
        }
    }

    /// Parses English number words from `i` (`a` at `i` when `article`).
    fn parse_english(&self, i: usize, article: bool) -> Option<WordNumber> {
        let mut total = 0.0;
        let mut cur = 0.0;
        let mut last = Last::Start;
        let mut last_mag = f64::INFINITY;
        let mut consumed = None;
        let mut j = i;
        if article {
            last = Last::Article;
            consumed = Some(i);
            j = i + 1;
        }
        let mut after_and = false;
        loop {
            let open = matches!(last, Last::Start | Last::Hundred | Last::Magnitude);
            let Some(role) = self.role(j) else { break };
            match role {
                Role::Unit(v)
                    if v < 10 && (open || last == Last::Tens) && !(after_and && last == Last::Tens) =>
                {
                    cur += f64::from(v);
                    last = Last::Unit(v);
                }
                Role::Unit(_) | Role::Tens(_) if !open => break,
                Role::Unit(v) => {
                    cur += f64::from(v);
                    last = Last::Teen;
                }
                Role::Tens(v) => {
                    cur += f64::from(v);
                    last = Last::Tens;
                }
                Role::Hundreds(h) if matches!(last, Last::Article | Last::Unit(_) | Last::Teen) => {
                    let small = cur % 100.0;
                    cur = cur - small + small.max(1.0) * f64::from(h);
                    last = Last::Hundred;
                }
                Role::Magnitude(m, Count::One)
                    if m < last_mag
                        && matches!(
                            last,
                            Last::Article | Last::Unit(_) | Last::Teen | Last::Tens | Last::Hundred
                        ) =>
                {
                    total += cur.max(1.0) * m;
                    cur = 0.0;
                    last_mag = m;
                    last = Last::Magnitude;
                }
                Role::Dozen if matches!(last, Last::Article | Last::Unit(_)) => {
                    cur = cur.max(1.0) * 12.0;
                    last = Last::Dozen;
                }
                _ => break,
            }
            consumed = Some(j);
            after_and = false;
            if last == Last::Dozen {
                break;
            }
            let k = self.next_joined(j);
            if k == j + 1
                && matches!(last, Last::Hundred | Last::Magnitude)
                && self.word_is(k, table::ENGLISH_AND)
                && matches!(self.role(k + 1), Some(Role::Unit(_) | Role::Tens(_)))
            {
                j = k + 1;
                after_and = true;
            } else {
                j = k;
            }
        }
        let last_tok = consumed?;
        if last == Last::Article || last == Last::Start {
            return None;
        }
        Some(WordNumber { value: total + cur, last: last_tok })
    }

    /// Emits an English word number `n` that starts at `i`, with fractions, percent and money.
    fn finish_english(&mut self, i: usize, n: WordNumber, article: bool) -> usize {
        let start = self.toks.get(i).map_or(0, |t| t.start);
        let single_one = !article && n.last == i && n.value == 1.0;
        // A numerator before a fraction word: `one-third`, `two thirds`, `three quarters`.
        let f = self.next_joined(n.last);
        let small = (1.0..=10.0).contains(&n.value) && n.value.fract() == 0.0;
        if small {
            let denominator = match self.role(f) {
                Some(Role::FractionPlural(d)) => Some(f64::from(d)),
                Some(Role::Fraction(q)) if n.value == 1.0 => Some(1.0 / q),
                Some(Role::Ordinal(value)) if n.value == 1.0 && value >= 3 => Some(f64::from(value)),
                _ => None,
            };
            if let Some(d) = denominator {
                self.push(n.value / d, NumberKind::Fraction, start, f);
                return f + 1;
            }
        }
        let money_start = self.currency_before(i);
        let (kind, last) = self.suffix_kind(n.last, money_start.is_some());
        if single_one && kind == NumberKind::Plain {
            // A lone `one` is too often a pronoun or an article in disguise (`one man` / `رجل`).
            return last + 1;
        }
        let start = money_start.filter(|_| kind == NumberKind::Money).unwrap_or(start);
        self.push(n.value, kind, start, last);
        last + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_words_are_lower_case_and_fit_the_packing() {
        for (w, _) in table::ENGLISH_WORDS {
            assert_eq!(w.to_ascii_lowercase(), *w);
            assert!(w.len() <= MAX_ENGLISH_WORD);
        }
    }

    #[test]
    fn shapes_let_every_table_word_through() {
        for (w, _) in table::ENGLISH_WORDS {
            for form in
                [w.to_string(), w.to_ascii_uppercase(), format!("{}{}", w[..1].to_ascii_uppercase(), &w[1..])]
            {
                assert!(english_shapes().may_hold(&form), "{form}");
            }
        }
        assert!(!english_shapes().may_hold(""));
    }
}
