//! Numbers as normalized values, read from digits and number words in Arabic and English.
//!
//! [`extract_numbers`] reads a normalized sentence (see `text::normalize`) into [`NumberAnchor`]s:
//!
//! - digit runs with `,`/`.` grouping (`1,000`, `1.000.000`, `2.5`, `3,5`); a run that fits no
//!   grouping pattern (`1.2.3.4`, `12.02.2016`) yields each of its digit groups as a number;
//! - digits inside codes (`COVID-19`, `F-16`, `MH17`) yield the number as [`NumberKind::Plain`], since
//!   the same code appears on both sides of a translation;
//! - magnitudes after digits or number words (`2 billion`, `$5bn`, `$3m`, `11 مليار`, `3 ملايين`),
//!   Arabic duals alone (`ملياري` 2e9, `الفين` 2000) and singulars alone (`مليون` 1e6, `a million`);
//! - bare plural magnitudes (`millions`, `ملايين الدولارات`, `thousands`, `الاف`) are indefinite and
//!   yield nothing, so they never contradict anything;
//! - English and Arabic number words (`twenty-five`, `two hundred and fifty`, `خمسه وعشرون`,
//!   `ثلاثمائه`, `احد عشر`), fractions (`one-third`, `two-thirds`, `a quarter`, `نصف`, `ثلث`, `ثلثي`),
//!   multiples (`double`, `twice`, `ضعف`, `المثلين`, `ثلاثه اضعاف`), word ordinals (`third`,
//!   `الثالث`) and a few Arabic dual nouns (`عامين` two years);
//! - percentages (`60%`, `60 percent`, `60 per cent`, `60 في المائه`), money (a currency sign before
//!   or a currency word after), month names (English, and both Arabic sets), days next to a month and
//!   years (a plain four-digit number from 1000 to 2100);
//! - decades: English `1980s` and Arabic `ثمانينيات القرن العشرين`, `ستينيات القرن الماضي` and
//!   `التسعينيات` alone read as the year the decade starts; `الاربعينيات من عمره` is an age (40).
//!
//! English `one` as a pronoun (`no one`, `the one`, `one another`) yields nothing. Month names that
//! are also common words (`May`, `March`, `مارس`, `اب`) count only next to a number or after a date
//! cue word (`in May`, `في مارس`).
//!
//! The reader is one pass over a token list: linear in the input, no regex, no panics on any input.

use std::ops::Range;

use crate::lang::Lang;
use crate::lang::numbers::{self as table, Role};
use crate::text::{LETTERS, is_letter};
use arabic::arabic_lookup;
use english::english_lookup;

mod arabic;
mod english;

/// What a number is, as far as matching needs to know.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum NumberKind {
    /// Any other number (including digits inside codes such as `F-16`).
    Plain,
    /// An amount of money: a currency sign or word goes with it.
    Money,
    /// A percentage.
    Percent,
    /// A year: a plain four-digit number from 1000 to 2100.
    Year,
    /// A day of the month: a number from 1 to 31 next to a month name.
    Day,
    /// A month, valued 1 to 12.
    Month,
    /// A fraction (`half` 0.5, `one-third`, `ربع` 0.25).
    Fraction,
    /// A multiple (`double`, `twice`, `ضعف` 2).
    Multiple,
    /// A word ordinal (`third`, `الثالث` 3).
    Ordinal,
}

impl NumberKind {
    /// The equivalence class used by [`NumberAnchor::key`]: plain numbers, money, years, days,
    /// multiples and ordinals are one class (a translation often changes one into another:
    /// `$ 2 billion` / `ملياري دولار`, `8th` / `الثامن`, `three times` / `ثلاثه اضعاف`); percentages
    /// and fractions are one class, compared as percentages (`half` / `50 في المايه`, `ربع` / `25%`);
    /// months have their own.
    fn class(self) -> u64 {
        match self {
            NumberKind::Plain
            | NumberKind::Money
            | NumberKind::Year
            | NumberKind::Day
            | NumberKind::Multiple
            | NumberKind::Ordinal => 0,
            NumberKind::Percent | NumberKind::Fraction => 1,
            NumberKind::Month => 2,
        }
    }
}

/// Denominators of the fractions whose percentages have no short decimal form (a third is
/// 33.33…%): a percentage written as one of their roundings counts as the fraction itself. The other
/// denominators up to ten (2, 4, 5, 8, 10) give exact percentages (50, 25, 20, 12.5, 10) and need
/// no snapping.
const REPEATING_DENOMINATORS: [u8; 4] = [3, 6, 7, 9];

/// A percentage `p` as the key compares it: the exact percentage `100·n/d` of a fraction with a
/// denominator in [`REPEATING_DENOMINATORS`] (`n/d` in lowest terms) when `p` is that percentage
/// rounded or truncated to a whole number or to one or two decimals (`33`, `33.3`, `66`, `67`,
/// `66.67` are thirds), else `p` itself. The roundings of distinct such fractions never coincide, so
/// two different percentages are snapped together only when both are roundings of one fraction.
fn snap_percent(p: f64) -> f64 {
    for d in REPEATING_DENOMINATORS {
        for n in 1..d {
            if (2..n + 1).any(|k| n % k == 0 && d % k == 0) {
                continue;
            }
            let exact = 100.0 * f64::from(n) / f64::from(d);
            let close = [1.0, 10.0, 100.0].into_iter().any(|scale| {
                let scaled = exact * scale;
                [scaled.floor(), scaled.round()].into_iter().any(|r| (r / scale - p).abs() < 1e-9)
            });
            if close || (exact - p).abs() < 1e-9 {
                return exact;
            }
        }
    }
    p
}

/// One number found in a normalized sentence.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct NumberAnchor {
    /// The value.
    pub value: f64,
    /// The kind of number.
    pub kind: NumberKind,
    /// Byte span in the normalized text.
    pub span: Range<usize>,
}

impl NumberAnchor {
    /// A key that two anchors share exactly when they denote the same number: the kind's class (see
    /// [`NumberKind`]) and the value rounded to six significant digits, packed without hashing. A
    /// fraction is keyed as its percentage (`half` as 50, `a third` as 33.33…), and a percentage that
    /// rounds such a fraction as the fraction (see [`snap_percent`]): `النصف` and `50%`, `ثلث` and
    /// `33.3 percent` share a key, `half` and `25%` do not.
    pub fn key(&self) -> u64 {
        let value = match self.kind {
            NumberKind::Fraction => snap_percent(self.value * 100.0),
            NumberKind::Percent => snap_percent(self.value),
            _ => self.value,
        };
        (self.kind.class() << 60) | quantize(value)
    }
}

/// `v` rounded to six significant digits as sign, decimal exponent and six-digit mantissa, packed
/// into the low 41 bits; non-finite values get keys of their own.
fn quantize(v: f64) -> u64 {
    const SPECIAL: u64 = 1 << 42;
    if v.is_nan() {
        return SPECIAL;
    }
    if v.is_infinite() {
        return SPECIAL + 1 + u64::from(v < 0.0);
    }
    if v == 0.0 {
        return 0;
    }
    let negative = u64::from(v < 0.0);
    let a = v.abs();
    let mut e = a.log10().floor() as i32;
    let mut m = (a / 10f64.powi(e - 5)).round();
    if m >= 1_000_000.0 {
        e += 1;
        m = (a / 10f64.powi(e - 5)).round();
    } else if m < 100_000.0 {
        e -= 1;
        m = (a / 10f64.powi(e - 5)).round();
    }
    let m = if m.is_finite() { m.clamp(0.0, 999_999.0) as u64 } else { 999_999 };
    let e = (e + 400).clamp(0, 1023) as u64;
    (negative << 40) | (e << 20) | m
}

/// Every number in `normalized` (text produced by `text::normalize`), in text order.
pub(crate) fn extract_numbers(normalized: &str, lang: Lang) -> Vec<NumberAnchor> {
    let mut reader = Reader::new(normalized, lang);
    reader.run();
    reader.out
}

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TokKind {
    /// A digit run with internal `,`/`.` separators.
    Digits,
    /// A run of letters.
    Word,
    /// Any other single character.
    Punct(char),
}

/// One token of the normalized text.
#[derive(Clone, Copy, Debug)]
struct Tok {
    /// What it is.
    kind: TokKind,
    /// Byte offset of its first byte.
    start: usize,
    /// Byte offset after its last byte.
    end: usize,
    /// Whether whitespace comes right before it.
    space_before: bool,
}

/// Splits `text` into digit runs, letter runs and single other characters.
///
/// ASCII bytes are classified without decoding and two-byte characters (the Arabic block) are
/// decoded in place: most of the text is read one byte or one letter at a time.
fn tokenize(text: &str) -> Vec<Tok> {
    let bytes = text.as_bytes();
    // About one token per four bytes of news text: most sentences need no reallocation.
    let mut toks = Vec::with_capacity(text.len() / 4 + 4);
    let mut space = false;
    let mut at = 0;
    while let Some(c) = char_at(text, at) {
        let mut end = at + c.len_utf8();
        let kind = if c.is_ascii_digit() {
            loop {
                match bytes.get(end) {
                    Some(b) if b.is_ascii_digit() => end += 1,
                    Some(b',' | b'.') if bytes.get(end + 1).is_some_and(u8::is_ascii_digit) => end += 2,
                    _ => break,
                }
            }
            TokKind::Digits
        } else if is_letter(c) {
            end = letters_end(text, end);
            TokKind::Word
        } else if c.is_whitespace() {
            space = true;
            at = end;
            continue;
        } else {
            TokKind::Punct(c)
        };
        toks.push(Tok { kind, start: at, end, space_before: space });
        space = false;
        at = end;
    }
    toks
}

/// The byte after the run of letters of `text` that goes on at byte `at`, read with the byte
/// table of [`LETTERS`].
fn letters_end(text: &str, mut at: usize) -> usize {
    while at < text.len() {
        let (width, letter) = LETTERS.at(text, at);
        if !letter {
            break;
        }
        at += width;
    }
    at
}

/// The character starting at byte `at` of `text`, if any; ASCII and two-byte characters are read
/// without the general decoder.
fn char_at(text: &str, at: usize) -> Option<char> {
    let bytes = text.as_bytes();
    match *bytes.get(at)? {
        b if b.is_ascii() => Some(char::from(b)),
        // A two-byte lead byte: `text` is UTF-8, so a continuation byte follows.
        b if b & 0xE0 == 0xC0 => {
            let next = *bytes.get(at + 1)?;
            char::from_u32((u32::from(b & 0x1F) << 6) | u32::from(next & 0x3F))
        }
        _ => text.get(at..)?.chars().next(),
    }
}

/// The value of a digit run, or `None` when it fits no grouping pattern.
fn parse_digits(s: &str) -> Option<f64> {
    let commas = s.bytes().filter(|&b| b == b',').count();
    let dots = s.bytes().filter(|&b| b == b'.').count();
    if commas == 0 && dots == 0 {
        return Some(integer_value(s));
    }
    let last_comma = s.rfind(',');
    let last_dot = s.rfind('.');
    let grouped = |int_part: &str, sep: char| {
        let mut groups = int_part.split(sep);
        groups.next().is_some_and(|g| (1..=3).contains(&g.len())) && groups.all(|g| g.len() == 3)
    };
    if commas > 0 && (dots == 0 || (dots == 1 && last_dot > last_comma)) {
        let (int_part, frac) = match last_dot {
            Some(p) => (&s[..p], &s[p + 1..]),
            None => (s, ""),
        };
        if grouped(int_part, ',') {
            return Some(integer_value(int_part) + fraction_value(frac));
        }
        if commas == 1 && dots == 0 {
            // A decimal comma: `3,5`.
            let p = last_comma?;
            return Some(integer_value(&s[..p]) + fraction_value(&s[p + 1..]));
        }
        return None;
    }
    if commas == 0 && dots >= 2 {
        return grouped(s, '.').then(|| integer_value(s));
    }
    if commas == 0 && dots == 1 {
        let p = last_dot?;
        return Some(integer_value(&s[..p]) + fraction_value(&s[p + 1..]));
    }
    None
}

/// The integer value of the ASCII digits in `s` (other bytes skipped); huge runs give infinity.
fn integer_value(s: &str) -> f64 {
    s.bytes().filter(u8::is_ascii_digit).fold(0.0, |v, b| v * 10.0 + f64::from(b - b'0'))
}

/// The value of `0.` followed by the digits of `s`; only the first 15 digits count.
fn fraction_value(s: &str) -> f64 {
    let mut v = 0.0;
    let mut scale = 0.1;
    for b in s.bytes().filter(u8::is_ascii_digit).take(15) {
        v += f64::from(b - b'0') * scale;
        scale /= 10.0;
    }
    v
}

/// A word found in a table, with the Arabic clitics stripped to find it.
#[derive(Clone, Copy, Debug)]
struct Found {
    /// What the word means.
    role: Role,
    /// A conjunction `و`/`ف` was stripped.
    conj: bool,
    /// A preposition `ب`/`ل`/`ك` was stripped.
    prep: bool,
    /// The article `ال` was stripped.
    article: bool,
}

/// Where the English number-word parser stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Last {
    /// Nothing read yet.
    Start,
    /// The article `a`/`an`.
    Article,
    /// A unit 0 to 9 (its value).
    Unit(u8),
    /// Ten to nineteen.
    Teen,
    /// Twenty, thirty, ...
    Tens,
    /// `hundred` or an Arabic hundreds word.
    Hundred,
    /// A magnitude.
    Magnitude,
    /// `dozen`: nothing may follow.
    Dozen,
}

/// A number read from words: its value and the index of its last token.
#[derive(Clone, Copy, Debug)]
struct WordNumber {
    /// The value.
    value: f64,
    /// The index of the last token read.
    last: usize,
}

/// The state of one extraction.
struct Reader<'a> {
    /// The normalized text.
    text: &'a str,
    /// Its language.
    lang: Lang,
    /// Its tokens.
    toks: Vec<Tok>,
    /// The table entry of each token, for words found in the tables.
    found: Vec<Option<Found>>,
    /// The anchors found so far.
    out: Vec<NumberAnchor>,
}

impl<'a> Reader<'a> {
    /// Tokenizes `text` and looks every word up once.
    fn new(text: &'a str, lang: Lang) -> Self {
        let toks = tokenize(text);
        let found = toks
            .iter()
            .map(|t| {
                if t.kind != TokKind::Word {
                    return None;
                }
                let word = text.get(t.start..t.end)?;
                match lang {
                    Lang::Arabic => arabic_lookup(word),
                    _ => english_lookup(word).map(|role| Found {
                        role,
                        conj: false,
                        prep: false,
                        article: false,
                    }),
                }
            })
            .collect();
        Reader { text, lang, toks, found, out: Vec::new() }
    }

    /// Reads every token.
    fn run(&mut self) {
        let mut i = 0;
        while i < self.toks.len() {
            let next = match self.toks[i].kind {
                TokKind::Digits => self.read_digits(i),
                TokKind::Word if self.lang == Lang::Arabic => self.read_arabic_word(i),
                TokKind::Word => self.read_english_word(i),
                TokKind::Punct(_) => i + 1,
            };
            i = next.max(i + 1);
        }
    }

    /// Records an anchor from token `first` (or byte `start`) to token `last`.
    fn push(&mut self, value: f64, kind: NumberKind, start: usize, last: usize) {
        let end = self.toks.get(last).map_or(start, |t| t.end).max(start);
        // Keep text order even when a currency sign was already read as the previous number's suffix.
        let start = self.out.last().map_or(start, |a| start.max(a.span.start)).min(end);
        self.out.push(NumberAnchor { value, kind, span: start..end });
    }

    /// The text of token `i`.
    fn text_of(&self, i: usize) -> &'a str {
        let text: &'a str = self.text;
        self.toks.get(i).and_then(|t| text.get(t.start..t.end)).unwrap_or("")
    }

    /// The word of token `i`, if it is a word.
    fn word(&self, i: usize) -> Option<&'a str> {
        (self.toks.get(i)?.kind == TokKind::Word).then(|| self.text_of(i))
    }

    /// Whether token `i` is the word `w` (ASCII case ignored).
    fn word_is(&self, i: usize, w: &str) -> bool {
        self.word(i).is_some_and(|x| x.eq_ignore_ascii_case(w))
    }

    /// Whether token `i` is a word in `list` (ASCII case ignored).
    fn word_in(&self, i: usize, list: &[&str]) -> bool {
        // Most words are as long as no word of the list: their lengths are compared first.
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        let len = t.end - t.start;
        list.iter().any(|w| w.len() == len)
            && self.word(i).is_some_and(|x| list.iter().any(|w| x.eq_ignore_ascii_case(w)))
    }

    /// The table entry of token `i`.
    fn found(&self, i: usize) -> Option<Found> {
        self.found.get(i).copied().flatten()
    }

    /// The role of token `i`.
    fn role(&self, i: usize) -> Option<Role> {
        self.found(i).map(|f| f.role)
    }

    /// Whether token `i` is the punctuation `c`.
    fn is_punct(&self, i: usize, c: char) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokKind::Punct(c))
    }

    /// Whether token `i` is a digit run.
    fn is_digits(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokKind::Digits)
    }

    /// Whether token `i` comes right after the previous one, with no space.
    fn attached(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space_before)
    }

    /// The token after `i` that continues a phrase: `i + 1`, or the word after a hyphen written
    /// without spaces (`twenty-five`, `one-third`).
    fn next_joined(&self, i: usize) -> usize {
        if self.is_punct(i + 1, '-')
            && self.attached(i + 1)
            && self.attached(i + 2)
            && self.word(i + 2).is_some()
        {
            i + 2
        } else {
            i + 1
        }
    }

    /// The month token `i` names, if it names one here.
    fn month_at(&self, i: usize) -> Option<u8> {
        match self.role(i)? {
            role @ (Role::Month(month) | Role::AmbiguousMonth(month)) => {
                let ambiguous = matches!(role, Role::AmbiguousMonth(_));
                if self.lang != Lang::Arabic && !self.text_of(i).starts_with(|c: char| c.is_uppercase()) {
                    return None;
                }
                if !ambiguous || self.month_context(i) { Some(month) } else { None }
            }
            Role::MonthLead(base) => {
                let tail = self.word(i + 1)?;
                let (_, offset) = table::ARABIC_MONTH_TAILS.iter().find(|(w, _)| *w == tail)?;
                Some((base + offset - 1) % 12 + 1)
            }
            _ => None,
        }
    }

    /// Whether a month name ends right before token `i` (`February 12`, `Feb. 12`).
    fn month_before(&self, i: usize) -> bool {
        let p = if i > 1 && self.is_punct(i - 1, '.') { i - 2 } else { i.wrapping_sub(1) };
        p < i && self.month_at(p).is_some()
    }

    /// Whether an ambiguous month name at `i` stands next to a number or after a date cue.
    fn month_context(&self, i: usize) -> bool {
        let after = if self.is_punct(i + 1, '.') { i + 2 } else { i + 1 };
        if (i > 0 && self.is_digits(i - 1)) || self.is_digits(after) {
            return true;
        }
        let Some(prev) = i.checked_sub(1).and_then(|p| self.word(p)) else {
            return false;
        };
        match self.lang {
            Lang::Arabic => {
                let bare = prev.strip_prefix('و').unwrap_or(prev);
                table::ARABIC_MONTH_CUES.iter().any(|c| *c == prev || *c == bare)
            }
            _ => table::ENGLISH_MONTH_CUES.iter().any(|c| prev.eq_ignore_ascii_case(c)),
        }
    }

    /// The start byte of a currency sign (or `US$`, `USD`) right before token `i`.
    fn currency_before(&self, i: usize) -> Option<usize> {
        let p = i.checked_sub(1)?;
        let t = self.toks.get(p)?;
        match t.kind {
            TokKind::Punct(c) if table::CURRENCY_SIGNS.contains(&c) => {
                let us = p.checked_sub(1).filter(|&q| self.word(q).is_some() && self.attached(p));
                Some(us.and_then(|q| self.toks.get(q)).map_or(t.start, |u| u.start))
            }
            TokKind::Word if self.lang != Lang::Arabic && self.role(p) == Some(Role::Currency) => {
                let w = self.text_of(p);
                w.bytes().all(|b| b.is_ascii_uppercase()).then_some(t.start)
            }
            _ => None,
        }
    }

    /// The last token of a percent sign or word starting at token `j`.
    fn percent_at(&self, j: usize) -> Option<usize> {
        if self.is_punct(j, '%') {
            return Some(j);
        }
        if self.role(j) == Some(Role::Percent) && self.lang != Lang::Arabic {
            return Some(j);
        }
        if self.word_is(j, table::ENGLISH_PER) && self.word_is(j + 1, table::ENGLISH_CENT) {
            return Some(j + 1);
        }
        let w = self.word(j)?;
        if table::ARABIC_PERCENT_WORDS.contains(&w) {
            return Some(j);
        }
        if w == table::ARABIC_FI
            && self.word(j + 1).is_some_and(|n| table::ARABIC_PERCENT_AFTER_FI.contains(&n))
        {
            return Some(j + 1);
        }
        None
    }

    /// The last token of a currency sign or word starting at token `j`.
    fn currency_at(&self, j: usize) -> Option<usize> {
        match self.toks.get(j)?.kind {
            TokKind::Punct(c) if table::CURRENCY_SIGNS.contains(&c) => Some(j),
            TokKind::Word => {
                let f = self.found(j)?;
                (f.role == Role::Currency && !f.conj && !f.prep).then_some(j)
            }
            _ => None,
        }
    }

    /// The kind and last token of a number whose last token is `last`, read from what follows it:
    /// a percent or currency makes it [`NumberKind::Percent`] or [`NumberKind::Money`].
    fn suffix_kind(&self, last: usize, money_before: bool) -> (NumberKind, usize) {
        if let Some(end) = self.percent_at(last + 1) {
            return (NumberKind::Percent, end);
        }
        if let Some(end) = self.currency_at(last + 1) {
            return (NumberKind::Money, end);
        }
        if money_before {
            return (NumberKind::Money, last);
        }
        (NumberKind::Plain, last)
    }

    /// Reads the digit run at `i` with what goes with it; returns the next token to read.
    fn read_digits(&mut self, i: usize) -> usize {
        let Some(tok) = self.toks.get(i).copied() else {
            return i + 1;
        };
        let s = self.text_of(i);
        // Arabic writes thousands with a dot as well (`15.000 دولار`); three decimals are rare.
        let arabic_thousands = self.lang == Lang::Arabic
            && s.bytes().filter(|&b| b == b'.').count() == 1
            && s.bytes().all(|b| b != b',')
            && !s.starts_with('0')
            && s.find('.').is_some_and(|p| (1..=3).contains(&p) && s.len() == p + 4);
        // A time with a dot before `am`/`pm` or `صباحا`/`مساء` (`5.30pm`) is hours and minutes, as
        // `5:30` is.
        if let Some((h, m)) = s.split_once('.')
            && h.len() <= 2
            && m.len() == 2
            && (integer_value(h) <= 24.0 && integer_value(m) < 60.0)
            && (self.word_in(i + 1, table::TIME_OF_DAY_WORDS)
                || (self.word_in(i + 1, &["a", "p"])
                    && self.is_punct(i + 2, '.')
                    && self.word_is(i + 3, "m")))
        {
            self.out.push(NumberAnchor {
                value: integer_value(h),
                kind: NumberKind::Plain,
                span: tok.start..tok.start + h.len(),
            });
            let at = tok.start + h.len() + 1;
            self.out.push(NumberAnchor {
                value: integer_value(m),
                kind: NumberKind::Plain,
                span: at..tok.end,
            });
            return i + 2;
        }
        let parsed = if arabic_thousands { Some(integer_value(s)) } else { parse_digits(s) };
        let Some(mut value) = parsed else {
            // No grouping pattern: each digit group is a number of its own.
            let mut at = tok.start;
            for group in s.split([',', '.']) {
                let v = integer_value(group);
                let kind = if group.len() == 4 && (1000.0..=2100.0).contains(&v) {
                    NumberKind::Year
                } else {
                    NumberKind::Plain
                };
                self.out.push(NumberAnchor { value: v, kind, span: at..at + group.len() });
                at += group.len() + 1;
            }
            return i + 1;
        };
        let plain_integer = s.bytes().all(|b| b.is_ascii_digit());
        let money_start = self.currency_before(i);
        let mut last = i;
        let mut scaled = false;
        let mut decade_or_ordinal = false;
        // Letters written straight after the digits: `21st`, `1990s`, `5bn`, `$3m`.
        if let Some(suffix) = self.word(i + 1).filter(|_| self.attached(i + 1)) {
            if table::ENGLISH_DIGIT_SUFFIXES.iter().any(|x| suffix.eq_ignore_ascii_case(x)) {
                last = i + 1;
                decade_or_ordinal = true;
            } else if let Some(&(_, factor, _)) =
                table::ENGLISH_MAGNITUDE_SUFFIXES.iter().find(|(x, _, money_only)| {
                    suffix.eq_ignore_ascii_case(x) && (!money_only || money_start.is_some())
                })
            {
                value *= factor;
                last = i + 1;
                scaled = true;
            }
        }
        // A magnitude word after the digits: `2 billion`, `11 مليار`, `3 ملايين`.
        if !scaled
            && !decade_or_ordinal
            && let Some(f) = self.found(i + 1)
            && let Role::Magnitude(m, _) = f.role
            && !f.conj
            && !f.prep
            && !f.article
        {
            value *= m;
            last = i + 1;
            scaled = true;
        }
        let (mut kind, last) = self.suffix_kind(last, money_start.is_some());
        if kind == NumberKind::Plain && plain_integer && !scaled {
            let day_like = (1.0..=31.0).contains(&value)
                && (self.month_before(i)
                    || self.month_at(last + 1).is_some()
                    || ((self.word_in(last + 1, table::ENGLISH_DAY_MONTH_LINK)
                        || self.word_in(last + 1, table::ARABIC_DAY_MONTH_LINK))
                        && self.month_at(last + 2).is_some()));
            if day_like {
                kind = NumberKind::Day;
            } else if s.len() == 4 && (1000.0..=2100.0).contains(&value) {
                kind = NumberKind::Year;
            }
        }
        let start = money_start.filter(|_| kind == NumberKind::Money).unwrap_or(tok.start);
        self.push(value, kind, start, last);
        last + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize::normalize;

    /// The (kind, value) list extracted from raw text `raw` after normalization.
    fn kinds(raw: &str, lang: Lang) -> Vec<(NumberKind, f64)> {
        extract_numbers(&normalize(raw).text, lang).into_iter().map(|a| (a.kind, a.value)).collect()
    }

    use NumberKind::{Day, Fraction, Money, Month, Multiple, Ordinal, Percent, Plain, Year};

    const AR: Lang = Lang::Arabic;
    const EN: Lang = Lang::English;

    /// Named cases: (name, language, raw text, expected (kind, value) list).
    #[allow(clippy::type_complexity)]
    const CASES: &[(&str, Lang, &str, &[(NumberKind, f64)])] = &[
        // Digits.
        ("plain integer", EN, "about 100 officials", &[(Plain, 100.0)]),
        ("thousands commas", EN, "1,000 and 1,000,000", &[(Plain, 1e3), (Plain, 1e6)]),
        ("decimal", EN, "2.5 tons", &[(Plain, 2.5)]),
        ("decimal comma", AR, "3,5 كيلو", &[(Plain, 3.5)]),
        ("comma thousands with decimal", EN, "1,234.5", &[(Plain, 1234.5)]),
        ("dot thousands", EN, "1.000.000", &[(Plain, 1e6)]),
        ("arabic-indic digits and separators", AR, "٣٫٥ و١٬٠٠٠", &[(Plain, 3.5), (Plain, 1000.0)]),
        ("irregular groups split", EN, "1.2.3.4", &[(Plain, 1.0), (Plain, 2.0), (Plain, 3.0), (Plain, 4.0)]),
        ("dotted date", EN, "12.02.2016", &[(Plain, 12.0), (Plain, 2.0), (Year, 2016.0)]),
        ("code with hyphen", EN, "COVID-19 and F-16", &[(Plain, 19.0), (Plain, 16.0)]),
        ("code attached", EN, "flight MH17", &[(Plain, 17.0)]),
        ("digit ordinal", EN, "his 8th album", &[(Plain, 8.0)]),
        ("decade", EN, "in his 40s", &[(Plain, 40.0)]),
        ("decade year", EN, "in the 1980s", &[(Year, 1980.0)]),
        ("arabic decade of a century", AR, "في ثمانينيات القرن العشرين", &[(Year, 1980.0)]),
        ("arabic decade of the last century", AR, "في ستينيات القرن الماضي", &[(Year, 1960.0)]),
        ("arabic decade of the 19th century", AR, "في ستينيات القرن التاسع عشر", &[(Year, 1860.0)]),
        ("arabic decade of a century with of", AR, "في الثمانينات من القرن العشرين", &[(Year, 1980.0)]),
        ("arabic decade alone", AR, "منذ التسعينيات", &[(Year, 1990.0)]),
        ("arabic decade as an age", AR, "في الأربعينيات من عمره", &[(Plain, 40.0)]),
        ("arabic twenties alone", AR, "في العشرينيات", &[]),
        // Years and clitics.
        ("year", EN, "in 2014.", &[(Year, 2014.0)]),
        ("arabic year with waw", AR, "و٢٠١٤", &[(Year, 2014.0)]),
        ("arabic year with lam", AR, "لعام 2014", &[(Year, 2014.0)]),
        ("arabic ba with tatweel", AR, "بـ 100", &[(Plain, 100.0)]),
        // Percent.
        ("percent sign", EN, "60%", &[(Percent, 60.0)]),
        ("percent spaced", EN, "60 %", &[(Percent, 60.0)]),
        ("percent word", EN, "60 percent", &[(Percent, 60.0)]),
        ("per cent", EN, "4.8 per cent", &[(Percent, 4.8)]),
        ("arabic percent sign", AR, "٦٠٪", &[(Percent, 60.0)]),
        ("arabic fi al-mi'a", AR, "4.8 في المائة", &[(Percent, 4.8)]),
        ("arabic bil-mi'a words", AR, "خمسة بالمئة", &[(Percent, 5.0)]),
        // Money and magnitudes.
        ("dollar sign billion", EN, "$ 2 billion", &[(Money, 2e9)]),
        ("us dollar sign", EN, "US$5", &[(Money, 5.0)]),
        ("bn suffix", EN, "$13bn", &[(Money, 13e9)]),
        ("m suffix needs money", EN, "$3m but 5m", &[(Money, 3e6), (Plain, 5.0)]),
        ("dollars after", EN, "2,000 dollars", &[(Money, 2000.0)]),
        ("pound sign", EN, "£250,000", &[(Money, 250_000.0)]),
        ("a million", EN, "a million people", &[(Plain, 1e6)]),
        ("arabic dual billion dollars", AR, "ملياري دولار", &[(Money, 2e9)]),
        ("arabic dual thousand", AR, "ألفين", &[(Plain, 2000.0)]),
        ("arabic digits billion", AR, "11 مليار دولار", &[(Money, 11e9)]),
        ("arabic digits plural magnitude", AR, "110 مليارات متر", &[(Plain, 110e9)]),
        ("arabic bare plural", AR, "ملايين الدولارات", &[]),
        ("english bare plural", EN, "millions of dollars and thousands", &[]),
        ("arabic three million", AR, "ثلاثة ملايين", &[(Plain, 3e6)]),
        ("arabic fifty thousand", AR, "خمسون ألفاً", &[(Plain, 50_000.0)]),
        ("arabic thousand five hundred", AR, "ألف وخمسمائة", &[(Plain, 1500.0)]),
        ("arabic singular million", AR, "مليون دولار", &[(Money, 1e6)]),
        ("arabic digits with currency", AR, "2,000 دولار", &[(Money, 2000.0)]),
        // English number words.
        ("twenty-five", EN, "twenty-five", &[(Plain, 25.0)]),
        ("two hundred and fifty", EN, "two hundred and fifty", &[(Plain, 250.0)]),
        ("three million", EN, "three million", &[(Plain, 3e6)]),
        ("separate units", EN, "three two", &[(Plain, 3.0), (Plain, 2.0)]),
        ("seven minutes", EN, "seven minutes", &[(Plain, 7.0)]),
        ("one pronoun", EN, "no one knows, the one, one another", &[]),
        ("one of", EN, "one of the regions", &[]),
        ("one million", EN, "one million", &[(Plain, 1e6)]),
        ("one percent", EN, "one percent", &[(Percent, 1.0)]),
        ("arabic wahid alone", AR, "ليوم واحد", &[]),
        ("arabic wahid compound", AR, "واحد وعشرون", &[(Plain, 21.0)]),
        ("a dozen", EN, "a dozen eggs", &[(Plain, 12.0)]),
        ("an hour", EN, "an hour", &[]),
        // Arabic number words.
        ("arabic units", AR, "ثلاث نقاط من أربع", &[(Plain, 3.0), (Plain, 4.0)]),
        ("arabic compound", AR, "خمسة وعشرون", &[(Plain, 25.0)]),
        ("arabic eleven", AR, "أحد عشر", &[(Plain, 11.0)]),
        ("arabic twelve", AR, "اثنا عشر", &[(Plain, 12.0)]),
        ("arabic fifteen", AR, "خمسة عشر", &[(Plain, 15.0)]),
        ("arabic ahad alone", AR, "أحد المسؤولين", &[]),
        ("arabic hundred", AR, "مائة", &[(Plain, 100.0)]),
        ("arabic two hundred", AR, "مئتين", &[(Plain, 200.0)]),
        ("arabic three hundred", AR, "ثلاثمائة", &[(Plain, 300.0)]),
        ("arabic three hundred two words", AR, "ثلاث مائة", &[(Plain, 300.0)]),
        ("arabic hundred twenty five", AR, "مائة وخمسة وعشرون", &[(Plain, 125.0)]),
        ("arabic monday", AR, "يوم الاثنين", &[]),
        ("arabic sixtieth", AR, "الذكرى السنوية الستون", &[(Plain, 60.0)]),
        ("arabic dual noun", AR, "هدفين", &[(Plain, 2.0)]),
        ("arabic not units and", AR, "ثلاثة وأربعة", &[(Plain, 3.0), (Plain, 4.0)]),
        ("arabic lastu", AR, "لست متأكدا", &[]),
        ("arabic dead not two hundred", AR, "عثر عليه ميتًا", &[]),
        // Fractions and multiples.
        ("one-third", EN, "one-third of Iraqi territory", &[(Fraction, 1.0 / 3.0)]),
        ("two-thirds", EN, "two-thirds", &[(Fraction, 2.0 / 3.0)]),
        ("a third of", EN, "a third of them", &[(Fraction, 1.0 / 3.0)]),
        ("a third term", EN, "a third term", &[(Ordinal, 3.0)]),
        ("three quarters", EN, "three quarters", &[(Fraction, 0.75)]),
        ("half", EN, "half of them", &[(Fraction, 0.5)]),
        ("second half", EN, "the second half", &[(Ordinal, 2.0)]),
        ("half-time", EN, "before half-time", &[]),
        ("quarter", EN, "a quarter of", &[(Fraction, 0.25)]),
        ("arabic third", AR, "ثلث الأراضي", &[(Fraction, 1.0 / 3.0)]),
        ("arabic two thirds", AR, "ثلثي", &[(Fraction, 2.0 / 3.0)]),
        ("arabic half", AR, "بنصف", &[(Fraction, 0.5)]),
        ("arabic semi-final", AR, "نصف النهائي", &[]),
        ("arabic three quarters", AR, "ثلاثة أرباع", &[(Fraction, 0.75)]),
        ("double", EN, "to double the capacity", &[(Multiple, 2.0)]),
        ("twice", EN, "twice", &[(Multiple, 2.0)]),
        ("arabic al-mithlayn", AR, "لأكثر من المثلين", &[(Multiple, 2.0)]),
        ("arabic di'f", AR, "ضعف", &[(Multiple, 2.0)]),
        ("arabic three times", AR, "ثلاثة أضعاف", &[(Multiple, 3.0)]),
        // Ordinals.
        ("ordinal", EN, "the third", &[(Ordinal, 3.0)]),
        ("arabic ordinal", AR, "الثالث", &[(Ordinal, 3.0)]),
        ("arabic first fem", AR, "الأولى", &[]),
        ("english first", EN, "First, the path", &[]),
        ("arabic thirteenth", AR, "الثالثة عشر", &[(Ordinal, 13.0)]),
        ("arabic twenty-first", AR, "الحادي والعشرين", &[(Ordinal, 21.0)]),
        ("arabic second quarter", AR, "الربع الثاني", &[(Ordinal, 2.0)]),
        ("first-half", EN, "two first-half shots", &[(Plain, 2.0)]),
        ("arabic dot thousands", AR, "15.000 دولار", &[(Money, 15000.0)]),
        ("arabic six with article", AR, "المباريات الست", &[(Plain, 6.0)]),
        ("arabic thaniya alone", AR, "ثانية", &[]),
        // Number words that are other words here: units of time, nouns, adjectives, fractions.
        ("second of time after a", EN, "for a second.", &[]),
        ("a second later", EN, "a second later it fell", &[]),
        ("per second", EN, "300,000 km per second", &[(Plain, 300_000.0)]),
        ("split second", EN, "in a split second", &[]),
        ("one second", EN, "one second", &[]),
        ("digits second", EN, "1 second", &[(Plain, 1.0)]),
        ("every second", EN, "it ticks every second.", &[]),
        ("every second day", EN, "every second day", &[(Ordinal, 2.0)]),
        ("a second term", EN, "a second term", &[(Ordinal, 2.0)]),
        ("the second", EN, "the second round", &[(Ordinal, 2.0)]),
        ("second largest", EN, "second largest", &[(Ordinal, 2.0)]),
        ("arabic for a second", AR, "لثانية واحدة", &[]),
        ("arabic two seconds", AR, "لثانيتين", &[(Plain, 2.0)]),
        ("arabic the second fem", AR, "المرة الثانية", &[(Ordinal, 2.0)]),
        ("arabic second time again", AR, "عاد مرة ثانية", &[]),
        ("arabic weakness", AR, "نقاط الضعف", &[]),
        ("arabic and the weakness", AR, "والضعف", &[]),
        ("arabic double in construct", AR, "ضعف العدد", &[(Multiple, 2.0)]),
        ("arabic public prosecutors", AR, "المدعين العامين", &[]),
        ("arabic public servants", AR, "موظفين عامين", &[]),
        ("arabic two years after the plural", AR, "قضى المعتقلون عامين", &[(Plain, 2.0)]),
        ("arabic the past two years", AR, "خلال العامين الماضيين", &[(Plain, 2.0)]),
        ("arabic a fifth of", AR, "خمس السكان", &[(Fraction, 0.2)]),
        ("arabic and a tenth of", AR, "وعشر الميزانية", &[(Fraction, 0.1)]),
        ("arabic five years", AR, "خمس سنوات", &[(Plain, 5.0)]),
        ("arabic five to six", AR, "خمس الى ست", &[(Plain, 5.0), (Plain, 6.0)]),
        ("arabic five thousand", AR, "خمس آلاف", &[(Plain, 5000.0)]),
        ("arabic fifteen", AR, "خمس عشرة الدول", &[(Plain, 15.0)]),
        ("arabic seven of the", AR, "سبع الحالات", &[(Fraction, 1.0 / 7.0)]),
        ("arabic sixty", AR, "وستين", &[(Plain, 60.0)]),
        // Months and dates.
        ("english date", EN, "12 February 2016", &[(Day, 12.0), (Month, 2.0), (Year, 2016.0)]),
        ("abbreviated month", EN, "Feb. 3", &[(Month, 2.0), (Day, 3.0)]),
        ("day of month", EN, "30th of September", &[(Day, 30.0), (Month, 9.0)]),
        ("may modal", EN, "It may rain. May I?", &[]),
        ("may month", EN, "in May", &[(Month, 5.0)]),
        ("theresa may", EN, "Theresa May said", &[]),
        ("march with year", EN, "March 2016", &[(Month, 3.0), (Year, 2016.0)]),
        ("march verb", EN, "protesters march on", &[]),
        ("arabic february both sets", AR, "فبراير شباط", &[(Month, 2.0), (Month, 2.0)]),
        ("arabic levantine two-word", AR, "كانون الثاني وتشرين الأول", &[(Month, 1.0), (Month, 10.0)]),
        ("arabic march verb", AR, "مارس الضغوط", &[]),
        ("arabic march month", AR, "في مارس", &[(Month, 3.0)]),
        ("arabic ab father", AR, "أب وأم", &[]),
        ("arabic day min month", AR, "30 من سبتمبر", &[(Day, 30.0), (Month, 9.0)]),
        ("time", EN, "02:33 BST", &[(Plain, 2.0), (Plain, 33.0)]),
        ("time with a dot", EN, "at 5.30pm on", &[(Plain, 5.0), (Plain, 30.0)]),
        ("time with a dot, spaced", EN, "at 5.30 p.m. on", &[(Plain, 5.0), (Plain, 30.0)]),
        ("decimal before a word", EN, "5.30 points", &[(Plain, 5.3)]),
        ("arabic time with a dot", AR, "في الساعة 4.40 صباحًا", &[(Plain, 4.0), (Plain, 40.0)]),
        // Regression and extremes.
        ("dots only", EN, "..........", &[]),
        ("percent only", EN, "%%%", &[]),
        ("overflow", EN, "99999999999999999999999", &[(Plain, 99999999999999999999999.0)]),
        ("trailing separator", EN, "5, 6.", &[(Plain, 5.0), (Plain, 6.0)]),
        ("empty", EN, "", &[]),
    ];

    #[test]
    fn named_cases() {
        let mut failures = Vec::new();
        for (name, lang, raw, expected) in CASES {
            let got = kinds(raw, *lang);
            let same = got.len() == expected.len()
                && got
                    .iter()
                    .zip(expected.iter())
                    .all(|(g, e)| g.0 == e.0 && (g.1 - e.1).abs() <= 1e-9 * e.1.abs().max(1.0));
            if !same {
                failures.push(format!("{name}: got {got:?}, expected {expected:?}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// The keys of the anchors of raw text `raw`.
    fn keys(raw: &str, lang: Lang) -> Vec<u64> {
        let mut k: Vec<u64> =
            extract_numbers(&normalize(raw).text, lang).iter().map(NumberAnchor::key).collect();
        k.sort_unstable();
        k
    }

    #[test]
    fn cross_language_keys() {
        let pairs: &[(&str, &str)] = &[
            ("ملياري دولار", "$ 2 billion"),
            ("ثلث", "one-third"),
            ("60%", "60 percent"),
            ("٦٠٪", "60 per cent"),
            ("60 في المائة", "60 %"),
            ("عام 2014", "in 2014"),
            ("المثلين", "double"),
            ("ضعف", "twice"),
            ("نصف", "half"),
            ("ربع", "quarter"),
            ("فبراير", "February"),
            ("شباط", "Feb."),
            ("الثالث", "third"),
            ("الثامن", "8th"),
            ("ثلاثة أضعاف", "three times"),
            ("ملايين الدولارات", "millions of dollars"),
        ];
        for (ar, en) in pairs {
            assert_eq!(keys(ar, AR), keys(en, EN), "{ar} / {en}");
        }
        assert_ne!(keys("فبراير", AR), keys("2", EN));
        assert_ne!(keys("60%", AR), keys("60", EN));
    }

    /// Fractions and percentages of the same value, across languages: (case, Arabic, English).
    const FRACTION_IS_PERCENT: &[(&str, &str, &str)] = &[
        ("half is 50 percent", "النصف", "50 percent"),
        ("50 per cent is half", "50 في المائة", "half"),
        ("quarter is 25%", "ربع", "25%"),
        ("three quarters is 75%", "ثلاثة أرباع", "75%"),
        ("a third is 33%", "ثلث", "33%"),
        ("a third is 33.3%", "ثلث", "33.3 percent"),
        ("33.3% is a third", "33.3%", "one-third"),
        ("two thirds is 66%", "ثلثي", "66%"),
        ("two thirds is 67%", "ثلثي", "67 percent"),
        ("67% is two thirds", "67%", "two-thirds"),
        ("a tenth is 10%", "10%", "a tenth of"),
        ("a fifth is 20%", "20 بالمئة", "one-fifth"),
        ("percent both sides", "66 في المائة", "66%"),
    ];

    /// Fractions and percentages of different values: (case, Arabic, English).
    const FRACTION_IS_NOT_PERCENT: &[(&str, &str, &str)] = &[
        ("half is not 25%", "النصف", "25%"),
        ("quarter is not 50%", "ربع", "50 percent"),
        ("a third is not 30%", "ثلث", "30%"),
        ("a third is not 34%", "ثلث", "34%"),
        ("two thirds is not 60%", "ثلثي", "60%"),
        ("half is not plain 50", "النصف", "50"),
        ("66% is not 33%", "66%", "33%"),
    ];

    #[test]
    fn fractions_are_percentages() {
        for (case, ar, en) in FRACTION_IS_PERCENT {
            assert_eq!(keys(ar, AR), keys(en, EN), "{case}: {:?} / {:?}", kinds(ar, AR), kinds(en, EN));
            // Both directions, both languages: the key does not depend on the language.
            assert_eq!(keys(en, EN), keys(ar, AR), "{case}");
        }
        for (case, ar, en) in FRACTION_IS_NOT_PERCENT {
            assert_ne!(keys(ar, AR), keys(en, EN), "{case}");
        }
        assert_eq!(keys("نصف", AR), keys("50%", AR));
        assert_eq!(keys("half", EN), keys("50 percent", EN));
    }

    #[test]
    fn snapped_percentages_are_the_fractions_roundings() {
        for (p, snapped) in
            [(33.0, 100.0 / 3.0), (66.6, 200.0 / 3.0), (16.7, 100.0 / 6.0), (14.0, 100.0 / 7.0)]
        {
            assert!((snap_percent(p) - snapped).abs() < 1e-9, "{p}");
        }
        for p in [50.0, 25.0, 34.0, 12.5, 65.0, 0.0, -33.0, f64::NAN] {
            assert!(snap_percent(p) == p || p.is_nan(), "{p}");
        }
    }

    #[test]
    fn key_rounds_floating_noise() {
        let a = NumberAnchor { value: 0.1 + 0.2, kind: Plain, span: 0..0 };
        let b = NumberAnchor { value: 0.3, kind: Money, span: 0..0 };
        assert_eq!(a.key(), b.key());
        let c = NumberAnchor { value: 1.0 / 3.0, kind: Fraction, span: 0..0 };
        let d = NumberAnchor { value: 0.333_333_333_3, kind: Fraction, span: 0..0 };
        assert_eq!(c.key(), d.key());
        let e = NumberAnchor { value: 0.25, kind: Fraction, span: 0..0 };
        assert_ne!(c.key(), e.key());
        for v in [f64::INFINITY, f64::NAN, f64::MAX, f64::MIN_POSITIVE, 1e-320, -5.0] {
            let _ = NumberAnchor { value: v, kind: Plain, span: 0..0 }.key();
        }
    }

    #[test]
    fn seed_article_pair_shares_keys() {
        let root = env!("CARGO_MANIFEST_DIR");
        let dir = std::path::Path::new(root).join("examples/data");
        let read = |prefix: &str| -> String {
            let entry = std::fs::read_dir(&dir)
                .expect("examples/data")
                .filter_map(Result::ok)
                .find(|e| e.file_name().to_string_lossy().starts_with(prefix))
                .expect("seed file");
            std::fs::read_to_string(entry.path()).expect("readable")
        };
        let ar: Vec<u64> =
            extract_numbers(&normalize(&read("003_")).text, AR).iter().map(NumberAnchor::key).collect();
        let en: Vec<u64> =
            extract_numbers(&normalize(&read("000_")).text, EN).iter().map(NumberAnchor::key).collect();
        for (raw_ar, raw_en) in [
            ("ملياري دولار", "$ 2 billion"),
            ("ثلث", "one-third"),
            ("100", "100"),
            ("2014", "2014"),
            ("60%", "60%"),
        ] {
            let ka = keys(raw_ar, AR);
            let ke = keys(raw_en, EN);
            assert_eq!(ka, ke);
            assert!(ar.contains(&ka[0]) && en.contains(&ke[0]), "{raw_ar} / {raw_en}");
        }
        let double = keys("المثلين", AR)[0];
        assert!(ar.contains(&double));
    }

    #[test]
    fn tables_hold_normalized_forms() {
        let arabic = table::ARABIC_WORDS.iter().map(|(w, _)| *w).chain(
            [
                table::ARABIC_PERCENT_AFTER_FI,
                table::ARABIC_PERCENT_WORDS,
                table::ARABIC_HALF_BLOCKERS,
                table::ARABIC_TEEN_TAILS,
                table::ARABIC_MONTH_CUES,
                table::ARABIC_DAY_MONTH_LINK,
                table::ARABIC_ARTICLE_FUNCTION_WORDS,
                table::ARABIC_PLURAL_ENDINGS,
                table::ARABIC_NOUN_HOMOGRAPHS,
            ]
            .into_iter()
            .flatten()
            .copied(),
        );
        let tails =
            table::ARABIC_MONTH_TAILS.iter().chain(table::ARABIC_FRACTION_HOMOGRAPHS).map(|(w, _)| *w);
        for w in arabic.chain(tails) {
            assert_eq!(normalize(w).text, w, "not folded: {w}");
        }
    }

    #[test]
    fn extreme_inputs() {
        let long_digits = "1".repeat(1000);
        let got = extract_numbers(&long_digits, EN);
        assert_eq!(got.len(), 1);
        let _ = got[0].key();
        let mixed = "1,".repeat(500);
        let _ = extract_numbers(&mixed, AR);
        let dotted = "1.".repeat(500);
        assert_eq!(extract_numbers(&dotted, EN).len(), 500);
        let words = "twenty-five hundred thousand million ".repeat(200);
        let _ = extract_numbers(&words, EN);
        let ar_words = "خمسة وعشرون ألف مليون ملايين ".repeat(200);
        let _ = extract_numbers(&ar_words, AR);
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_spans_are_valid(s in "\\PC{0,80}", ar in proptest::bool::ANY) {
            let lang = if ar { AR } else { EN };
            for text in [s.clone(), normalize(&s).text] {
                let anchors = extract_numbers(&text, lang);
                let mut prev = 0;
                for a in &anchors {
                    proptest::prop_assert!(a.span.start <= a.span.end && a.span.end <= text.len());
                    proptest::prop_assert!(text.is_char_boundary(a.span.start) && text.is_char_boundary(a.span.end));
                    proptest::prop_assert!(a.span.start >= prev);
                    prev = a.span.start;
                    let _ = a.key();
                }
            }
        }

        #[test]
        fn number_soup_never_panics(s in "[0-9.,% $a-z\\-]{0,60}|[0-9٠-٩٫٬٪ ومليارالفين]{0,60}") {
            let text = normalize(&s).text;
            for lang in [AR, EN] {
                for a in extract_numbers(&text, lang) {
                    proptest::prop_assert!(text.get(a.span.clone()).is_some());
                }
            }
        }
    }
}
