//! Proper names and other transliterations, matched across scripts through Latin consonant skeletons.
//!
//! Every name-like word is read as a skeleton of consonant classes (see [`crate::lang::translit`]):
//! `روجوزين` and `Rogozin` both become `RGSN`, `لبغداد` (to Baghdad) is read as `BGD` after its
//! preposition is stripped, and `Baghdad` is `BGD` as well. The skeleton is built in one pass over the
//! letters: each letter (or English letter group) gives a class or nothing, a class equal to the one
//! before it is merged (doubled letters, and the same consonant on both sides of a dropped vowel), and
//! a `G` right after an `N` is dropped (`ng`, `نغ`, `نج` are written either way).
//!
//! The [`NameAnchor::key`] packs the first [`KEY_LEN`] classes of the skeleton with its length; skeletons
//! with fewer than [`MIN_KEY_LEN`] classes are too common to be evidence and give no anchor.
//!
//! Candidates:
//! - English (and Latin words inside Arabic text): capitalized words not in
//!   [`ENGLISH_STOPWORDS`]; all-capital acronyms (`MWPs`, `BBC`) get a key of their own
//!   that only the same Latin acronym shares, since Arabic spells them out.
//! - Arabic: every word not in [`ARABIC_STOPWORDS`], read as written and, when it starts with
//!   clitics, without them (`الموصل` → `موصل`, `لبغداد` → `بغداد`). One word can thus give two
//!   anchors with the same span; the aligner treats keys as a set.

use std::ops::Range;

use compact_str::CompactString;

use crate::lang::Lang;
use crate::lang::translit::{
    ARABIC_ARTICLE_PREFIXES, ARABIC_CONJUNCTIONS, ARABIC_EXTRA_CLASS, ARABIC_LETTER_CLASS,
    ARABIC_PREPOSITIONS, ARABIC_STOPWORDS, ARABIC_TABLE_START, ENGLISH_DIGRAPHS, ENGLISH_LETTER_CLASS,
    ENGLISH_STOPWORDS, ENGLISH_X_CLASSES,
};
use crate::text::memo::{WordMemo, Words};
use crate::text::{arabic_block_offset, packed_word};

#[cfg(test)]
mod design;
pub(crate) mod matcher;

/// How many leading consonant classes of a skeleton go into its key.
pub(crate) const KEY_LEN: usize = 3;

/// The fewest consonant classes a skeleton needs to give an anchor.
pub(crate) const MIN_KEY_LEN: usize = 2;

/// The most consonant classes kept in a skeleton; longer words are cut (only the start matters for
/// the key, and the rest of a 24-consonant word adds nothing to a similarity).
const MAX_SKELETON: usize = 24;

/// The most letters of one word that are read; the rest of a longer run is ignored.
const MAX_WORD_BYTES: usize = 64;

/// The tag bit that marks an acronym key, so that it never equals a skeleton key.
const ACRONYM_TAG: u64 = 1 << 63;

/// The bit of a skeleton key that marks a word starting with a vowel.
const VOWEL_TAG: u64 = 1 << 62;

/// The fewest letters an Arabic word keeps after its clitics are stripped.
const MIN_STRIPPED_CHARS: usize = 3;

/// One name-like word found in a normalized sentence.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct NameAnchor {
    /// A key that a name and its transliteration in the other script share as often as possible.
    pub key: u64,
    /// The Latin consonant skeleton (capital class letters; lower-case letters for an acronym), kept
    /// inline: one sentence has a few dozen of these.
    pub skeleton: CompactString,
    /// Byte span in the normalized text.
    pub span: Range<usize>,
}

/// The tunable parts of extraction; [`Options::DEFAULT`] is what [`extract_names`] uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Options {
    /// How many leading classes go into the key.
    pub key_len: usize,
    /// The fewest classes a skeleton needs to give an anchor.
    pub min_len: usize,
    /// Whether an Arabic word starting with the article is also read with it (`الاسكا` Alaska).
    pub keep_article: bool,
    /// Whether an Arabic word starting with a one-letter proclitic is also read without it.
    pub strip_proclitics: bool,
    /// Whether the key records that the word starts with a vowel.
    pub vowel_flag: bool,
}

impl Options {
    /// The settings chosen on the NTREX dev set's parallel lines (test `design::key_design` checks
    /// them and prints the table with `--nocapture`): 3-class keys with 2-class skeletons allowed find
    /// a same-key Arabic word for 75.4 % of English names in the parallel line (1,441), with 0.025
    /// keys per non-parallel pair that are not a repeated name (2 classes: 80.2 %, 0.143; 4 classes:
    /// 72.0 %, 0.015; 3-class skeletons at least: 1,118 found). Reading article words with the article
    /// too finds 31 more names for little noise; the vowel flag costs more recall than it saves.
    pub const DEFAULT: Options = Options {
        key_len: KEY_LEN,
        min_len: MIN_KEY_LEN,
        keep_article: true,
        strip_proclitics: true,
        vowel_flag: false,
    };
}

/// Every name-like word in `normalized` (text produced by `text::normalize`), in text order.
///
/// An Arabic word with clitics can give several anchors with the same span (one per reading, with
/// distinct keys).
pub(crate) fn extract_names(normalized: &str, lang: Lang) -> Vec<NameAnchor> {
    extract_with(normalized, lang, &Options::DEFAULT)
}

/// The script of a letter, as far as name reading cares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Script {
    /// Arabic letters (U+0600..U+06FF and the presentation forms left after normalization).
    Arabic,
    /// Latin letters.
    Latin,
}

/// The script of `c` if it is a letter qalign reads names from.
fn script_of(c: char) -> Option<Script> {
    if c.is_ascii_alphabetic() {
        return Some(Script::Latin);
    }
    if ('\u{0621}'..='\u{064A}').contains(&c) || ('\u{0671}'..='\u{06D3}').contains(&c) {
        return Some(Script::Arabic);
    }
    if !c.is_ascii() && (c as u32) < 0x0250 && c.is_alphabetic() {
        // Latin letters that normalization could not fold (ø, ß, ł, ...).
        return Some(Script::Latin);
    }
    None
}

/// [`extract_names`] with explicit [`Options`].
pub(crate) fn extract_with(normalized: &str, lang: Lang, opts: &Options) -> Vec<NameAnchor> {
    let _ = lang; // Latin words are read the same way in both languages, Arabic words likewise.
    // This thread's memo of Arabic words is taken once for the whole text.
    if *opts == Options::DEFAULT {
        ARABIC_ANCHORS.with(|memo| extract_in(normalized, opts, Some(memo)))
    } else {
        extract_in(normalized, opts, None)
    }
}

/// [`extract_with`], reading Arabic words through `memo` when given (with [`Options::DEFAULT`]).
fn extract_in(normalized: &str, opts: &Options, mut memo: Option<&mut ArabicWords>) -> Vec<NameAnchor> {
    // Arabic news text has about one anchor per sixteen bytes: most sentences need no reallocation.
    let mut out = Vec::with_capacity(normalized.len() / 16);
    let mut start = 0;
    let mut current: Option<Script> = None;
    let mut i = 0;
    while let Some((s, len)) = script_at(normalized, i) {
        if s != current {
            if let Some(script) = current {
                read_word(normalized, start..i, script, opts, memo.as_deref_mut(), &mut out);
            }
            start = i;
            current = s;
        }
        i += len;
    }
    if let Some(script) = current {
        read_word(normalized, start..normalized.len(), script, opts, memo, &mut out);
    }
    out
}

/// The script of the character at byte `i` of `text` (as [`script_of`] says) and its length in
/// bytes, or `None` at the end. ASCII and the Arabic block are read without decoding.
fn script_at(text: &str, i: usize) -> Option<(Option<Script>, usize)> {
    let bytes = text.as_bytes();
    let b = *bytes.get(i)?;
    if b.is_ascii() {
        return Some((b.is_ascii_alphabetic().then_some(Script::Latin), 1));
    }
    if let Some(k) = bytes.get(i + 1).and_then(|&next| arabic_block_offset(b, next)) {
        // U+0600 to U+06FF, two bytes.
        let arabic = (0x21..=0x4A).contains(&k) || (0x71..=0xD3).contains(&k);
        return Some((arabic.then_some(Script::Arabic), 2));
    }
    let c = text.get(i..)?.chars().next()?;
    Some((script_of(c), c.len_utf8()))
}

/// Reads one run of letters of one script at `span` and pushes its anchors.
fn read_word(
    text: &str,
    span: Range<usize>,
    script: Script,
    opts: &Options,
    memo: Option<&mut ArabicWords>,
    out: &mut Vec<NameAnchor>,
) {
    let Some(word) = text.get(span.clone()) else {
        return;
    };
    match (script, memo) {
        (Script::Latin, _) => read_latin(word, span, opts, out),
        (Script::Arabic, Some(memo)) => read_arabic_remembered(word, span, memo, out),
        (Script::Arabic, None) => read_arabic(word, span, opts, out),
    }
}

/// The words of one thread's [`ARABIC_ANCHORS`].
type ArabicWords = Words<(u64, CompactString)>;

/// The anchors (key and skeleton) each Arabic word read on a thread gave with
/// [`Options::DEFAULT`]: a document repeats its words, and its index and its beads' scores read the
/// names of every sentence, so most words are read again.
static ARABIC_ANCHORS: WordMemo<(u64, CompactString)> = WordMemo::new();

/// [`read_arabic`] with [`Options::DEFAULT`], the anchors of a word read before on this thread
/// copied from its words of [`ARABIC_ANCHORS`], `memo`.
fn read_arabic_remembered(word: &str, span: Range<usize>, memo: &mut ArabicWords, out: &mut Vec<NameAnchor>) {
    let anchors = memo.of(word, |found| {
        let mut read = Vec::new();
        read_arabic(word, span.clone(), &Options::DEFAULT, &mut read);
        found.extend(read.into_iter().map(|a| (a.key, a.skeleton)));
    });
    out.extend(anchors.iter().map(|(key, skeleton)| NameAnchor {
        key: *key,
        skeleton: skeleton.clone(),
        span: span.clone(),
    }));
}

/// A skeleton under construction: consonant classes with doubles merged and `G` after `N` dropped.
struct Skeleton {
    /// The classes so far.
    buf: [u8; MAX_SKELETON],
    /// How many of `buf` are used.
    len: usize,
    /// Whether the word starts with a vowel (English a e i o u; Arabic `ا` or `ع`).
    vowel_start: bool,
}

impl Skeleton {
    /// An empty skeleton.
    fn new() -> Skeleton {
        Skeleton { buf: [0; MAX_SKELETON], len: 0, vowel_start: false }
    }

    /// Appends class `c` (`0` is ignored).
    fn push(&mut self, c: u8) {
        if c == 0 || self.len == MAX_SKELETON {
            return;
        }
        let last = if self.len > 0 { self.buf[self.len - 1] } else { 0 };
        if c == last || (c == b'G' && last == b'N') {
            return;
        }
        self.buf[self.len] = c;
        self.len += 1;
    }

    /// The classes as bytes.
    fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

/// The key of a skeleton: its first `key_len` classes and how many of them there are, packed.
fn skeleton_key(classes: &[u8], key_len: usize) -> u64 {
    let n = classes.len().min(key_len).min(7);
    let mut key = n as u64;
    for &c in &classes[..n] {
        key = (key << 8) | u64::from(c);
    }
    key
}

/// The [`NameAnchor::key`] an Arabic reading with consonant classes `classes` gets.
pub(crate) fn reading_key(classes: &[u8]) -> u64 {
    skeleton_key(classes, Options::DEFAULT.key_len)
}

/// The key of an acronym: a hash (FNV-1a) of its letters, tagged so it never equals a skeleton key.
fn acronym_key(letters: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in letters {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h | ACRONYM_TAG
}

/// Pushes an anchor for `classes` if it is long enough and its key is not already given for `span`.
fn push_anchor(skeleton: &Skeleton, span: &Range<usize>, opts: &Options, out: &mut Vec<NameAnchor>) {
    let classes = skeleton.as_bytes();
    if classes.len() < opts.min_len {
        return;
    }
    let mut key = skeleton_key(classes, opts.key_len);
    if opts.vowel_flag && skeleton.vowel_start {
        key |= VOWEL_TAG;
    }
    if out.iter().rev().take_while(|a| a.span == *span).any(|a| a.key == key) {
        return;
    }
    // Classes are ASCII capitals.
    let skeleton = CompactString::from_utf8(classes).unwrap_or_default();
    out.push(NameAnchor { key, skeleton, span: span.clone() });
}

/// Whether `word` is in the sorted ASCII-lower-case list `list`, comparing ASCII case-insensitively.
fn in_sorted_ignore_case(list: &[&str], word: &str) -> bool {
    list.binary_search_by(|probe| {
        let p = probe.bytes();
        let w = word.bytes().map(|b| b.to_ascii_lowercase());
        p.cmp(w)
    })
    .is_ok()
}

/// Reads a Latin word: a capitalized name, an acronym, or nothing.
fn read_latin(word: &str, span: Range<usize>, opts: &Options, out: &mut Vec<NameAnchor>) {
    let bytes = word.as_bytes();
    let Some(&first) = bytes.first() else {
        return;
    };
    if !first.is_ascii_uppercase() {
        return;
    }
    // An acronym: at least two capitals and nothing else but a plural `s` (`AMs`, `MWPs`).
    let core = match bytes.strip_suffix(b"s") {
        Some(rest) if rest.len() >= 2 => rest,
        _ => bytes,
    };
    if core.len() >= 2 && core.iter().all(u8::is_ascii_uppercase) {
        let mut letters = [0u8; MAX_WORD_BYTES];
        let n = core.len().min(MAX_WORD_BYTES);
        for (dst, src) in letters.iter_mut().zip(&core[..n]) {
            *dst = src.to_ascii_lowercase();
        }
        let key = acronym_key(&letters[..n]);
        let skeleton = CompactString::from_utf8_lossy(&letters[..n]);
        out.push(NameAnchor { key, skeleton, span });
        return;
    }
    if in_sorted_ignore_case(&ENGLISH_STOPWORDS, word) {
        return;
    }
    push_anchor(&english_skeleton(bytes, false), &span, opts, out);
    // A Slavic name's `-ić` (whose `ć` loses its mark in English) is written `يتش`:
    // `Kovacic` `كوفاتشيتش`.
    if bytes.len() > SLAVIC_ENDING.len() && bytes.ends_with(SLAVIC_ENDING) {
        push_anchor(&english_skeleton(bytes, true), &span, opts, out);
    }
}

/// The ending of an English word that is also read as a Slavic `-ić`/`-ič`: its `c`, and a `c` just
/// before it (`-čić`, `-ćić`), are read as `C` (`ch`, Arabic `تش`) in a second reading of the word.
const SLAVIC_ENDING: &[u8] = b"ic";

/// Whether the lower-case ASCII letter `b` is an English vowel letter (with `y` and `w`).
fn is_english_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y' | b'w')
}

/// The consonant skeleton of an English word (ASCII letters; other bytes are skipped); with
/// `slavic`, a word ending in [`SLAVIC_ENDING`] is read as a Slavic name.
fn english_skeleton(word: &[u8], slavic: bool) -> Skeleton {
    let mut low = [0u8; MAX_WORD_BYTES];
    let mut n = 0;
    for &b in word {
        if n == MAX_WORD_BYTES {
            break;
        }
        if b.is_ascii_alphabetic() {
            low[n] = b.to_ascii_lowercase();
            n += 1;
        }
    }
    let w = &low[..n];
    let mut sk = Skeleton::new();
    sk.vowel_start = matches!(w.first(), Some(b'a' | b'e' | b'i' | b'o' | b'u'));
    let mut i = 0;
    // Silent first letters: kn (Knight), wr (Wright), ps (Psaki).
    if w.starts_with(b"kn") || w.starts_with(b"wr") || w.starts_with(b"ps") {
        i = 1;
    }
    // The positions of the `c`s read as `C` in a Slavic ending (`-ic`, `-cic`).
    let slavic = slavic && w.ends_with(SLAVIC_ENDING);
    let slavic_c = |i: usize| slavic && w[i] == b'c' && (i + 1 == n || i + 3 == n);
    'letters: while i < n {
        if slavic_c(i) {
            sk.push(b'C');
            i += 1;
            continue;
        }
        // `chr` is K and keeps its r (Christine, Christmas).
        if w[i..].starts_with(b"chr") {
            sk.push(b'K');
            i += 2;
            continue;
        }
        for &(group, class) in ENGLISH_DIGRAPHS {
            let g = group.as_bytes();
            if w[i..].starts_with(g) {
                let class = if group == "gh" && gh_is_silent(w, i) { 0 } else { class };
                sk.push(class);
                i += g.len();
                continue 'letters;
            }
        }
        let b = w[i];
        let next = w.get(i + 1).copied();
        match b {
            b'c' if matches!(next, Some(b'e' | b'i' | b'y')) => sk.push(b'S'),
            b'h' => {
                if next.is_some_and(is_english_vowel) && next != Some(b'w') {
                    sk.push(b'H');
                }
            }
            b'x' => {
                for c in ENGLISH_X_CLASSES {
                    sk.push(c);
                }
            }
            _ => sk.push(ENGLISH_LETTER_CLASS[usize::from(b - b'a')]),
        }
        i += 1;
    }
    sk
}

/// Whether the `gh` at `i` of the lower-case word `w` is silent: at the end, before `t`, or after `i`
/// or `au`/`ou` (Brighton, Leigh, Kavanaugh, Hough); it is `G` at the start and elsewhere (Baghdad).
fn gh_is_silent(w: &[u8], i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let after = w.get(i + 2).copied();
    let before = w[i - 1];
    after.is_none() || after == Some(b't') || before == b'i' || before == b'u'
}

/// Whether `word` (normalized Arabic) is in [`ARABIC_STOPWORDS`].
fn is_arabic_stopword(word: &str) -> bool {
    packed_word(word.bytes()).is_some_and(|packed| ARABIC_STOPWORD_SET.contains(&packed))
}

/// [`ARABIC_STOPWORDS`] as a hash set of [`packed_word`]s: every Arabic word is looked up, up to
/// three times.
static ARABIC_STOPWORD_SET: std::sync::LazyLock<rustc_hash::FxHashSet<u128>> =
    std::sync::LazyLock::new(|| ARABIC_STOPWORDS.iter().filter_map(|w| packed_word(w.bytes())).collect());

/// The readings of an Arabic word: as written, and without its clitics. At most three, in a fixed
/// order; the first is always the word itself.
fn arabic_readings<'a>(word: &'a str, opts: &Options) -> ([&'a str; 3], usize) {
    let mut readings = [word; 3];
    let mut n = 1;
    let long_enough = |s: &str| s.chars().nth(MIN_STRIPPED_CHARS - 1).is_some();
    // The article with the clitics before it.
    for prefix in ARABIC_ARTICLE_PREFIXES {
        if let Some(rest) = word.strip_prefix(prefix) {
            if !long_enough(rest) {
                return (readings, n);
            }
            if opts.keep_article {
                readings[1] = rest;
                return (readings, 2);
            }
            readings[0] = rest;
            return (readings, 1);
        }
    }
    if !opts.strip_proclitics {
        return (readings, n);
    }
    // A conjunction, then a preposition.
    let mut rest = word;
    if let Some(r) = rest.strip_prefix(ARABIC_CONJUNCTIONS)
        && long_enough(r)
    {
        rest = r;
    }
    if let Some(r) = rest.strip_prefix(ARABIC_PREPOSITIONS)
        && long_enough(r)
    {
        rest = r;
    }
    if rest.len() != word.len() {
        readings[n] = rest;
        n += 1;
    }
    (readings, n)
}

/// The consonant class of an Arabic letter (`0` for none).
fn arabic_class(c: char) -> u8 {
    let cp = c as u32;
    if let Some(class) = cp.checked_sub(ARABIC_TABLE_START).and_then(|i| ARABIC_LETTER_CLASS.get(i as usize))
    {
        return *class;
    }
    ARABIC_EXTRA_CLASS.iter().find(|(letter, _)| *letter == c).map_or(0, |&(_, class)| class)
}

/// The consonant skeleton of an Arabic word.
fn arabic_skeleton(word: &str) -> Skeleton {
    let mut sk = Skeleton::new();
    sk.vowel_start = matches!(word.chars().next(), Some('ا' | 'ع'));
    let mut chars = word.chars();
    let mut current = chars.next();
    while let Some(c) = current {
        let next = chars.next();
        current = next;
        match c {
            // تش writes English ch.
            'ت' if next == Some('ش') => {
                sk.push(b'C');
                current = chars.next();
            }
            // A final ه is mostly taa marbuta (folded to ه by normalization) or a silent h.
            'ه' if next.is_none() => {}
            _ => sk.push(arabic_class(c)),
        }
    }
    sk
}

/// The consonant skeletons of an Arabic word (normalized), stopword or not: as written, without its
/// clitics, and, for a word that runs into the next one after the article (`تمريرهالمينجا`, a space
/// lost before `المينجا`), the part after that inner article; `each` is called with each (a reading
/// can repeat one). The quality layer compares English names with these when the anchors (which skip
/// stopwords) find nothing.
pub(crate) fn arabic_word_skeletons(word: &str, mut each: impl FnMut(&[u8])) {
    let (readings, n) = arabic_readings(word, &Options::DEFAULT);
    let mut push = |reading: &str| {
        let sk = arabic_skeleton(reading);
        if sk.as_bytes().len() >= MIN_KEY_LEN {
            each(sk.as_bytes());
        }
    };
    for reading in &readings[..n] {
        push(reading);
    }
    // The inner article: at least two letters before it (a word of its own) and enough after it.
    if let Some((at, _)) = word.char_indices().skip(2).find(|&(i, _)| word[i..].starts_with("ال"))
        && word[at + "ال".len()..].chars().count() >= MIN_STRIPPED_CHARS
    {
        push(&word[at + "ال".len()..]);
    }
}

/// The consonant skeleton of an English word when it is too short for an anchor (fewer than
/// [`MIN_KEY_LEN`] classes, so one class): `Layla` is `L`. See [`spells_short_name`].
pub(crate) fn short_name_class(english: &str) -> Option<u8> {
    let skeleton = english_skeleton(english.as_bytes(), false);
    match skeleton.as_bytes() {
        [class] if 1 < MIN_KEY_LEN => Some(*class),
        _ => None,
    }
}

/// Whether an Arabic word (normalized; as written or without its clitics) has the one-class
/// skeleton of a [`short_name_class`] for which `class` holds: `ليلى` and `Layla` are both `L`,
/// the same name when the English holds it as a capitalized word. `class` is asked only about the
/// word's one-class skeletons (most words have none).
pub(crate) fn spells_short_name(arabic: &str, mut class: impl FnMut(u8) -> bool) -> bool {
    let (readings, n) = arabic_readings(arabic, &Options::DEFAULT);
    readings[..n].iter().any(|r| match arabic_skeleton(r).as_bytes() {
        [one] => class(*one),
        _ => false,
    })
}

/// Reads an Arabic word and pushes one anchor per distinct reading.
fn read_arabic(word: &str, span: Range<usize>, opts: &Options, out: &mut Vec<NameAnchor>) {
    let (readings, n) = arabic_readings(word, opts);
    let readings = &readings[..n];
    // A reading is a suffix of the word: one as long is the word itself, looked up already.
    if is_arabic_stopword(word) || readings.iter().any(|r| r.len() < word.len() && is_arabic_stopword(r)) {
        return;
    }
    for reading in readings {
        let skeleton = arabic_skeleton(reading);
        push_anchor(&skeleton, &span, opts, out);
    }
}

#[cfg(test)]
mod tests {
    use super::matcher::similarity;
    use super::*;
    use crate::text::normalize::normalize;

    /// Anchors of `text` after normalization.
    fn names(text: &str, lang: Lang) -> Vec<NameAnchor> {
        extract_names(&normalize(text).text, lang)
    }

    /// The keys of `text` after normalization.
    fn keys(text: &str, lang: Lang) -> Vec<u64> {
        names(text, lang).iter().map(|a| a.key).collect()
    }

    /// Whether the Arabic word and the English word share a key.
    fn share_key(ar: &str, en: &str) -> bool {
        let a = keys(ar, Lang::Arabic);
        keys(en, Lang::English).iter().any(|k| a.contains(k))
    }

    /// The best similarity between any anchor of `ar` and any anchor of `en`.
    fn best_similarity(ar: &str, en: &str) -> f64 {
        let a = names(ar, Lang::Arabic);
        let e = names(en, Lang::English);
        let mut best = 0.0f64;
        for x in &a {
            for y in &e {
                best = best.max(similarity(x, y));
            }
        }
        best
    }

    /// Pairs that must share a key: (case, Arabic, English).
    const MUST_MATCH: &[(&str, &str, &str)] = &[
        ("rogozin", "روجوزين", "Rogozin"),
        ("mosul with article", "الموصل", "Mosul"),
        ("tass", "تاس", "Tass"),
        ("sukhoi", "سوخوي", "Sukhoi"),
        ("superjet", "سوبرجيت", "Superjet"),
        ("baghdad with preposition", "لبغداد", "Baghdad"),
        ("baghdad bare", "بغداد", "Baghdad"),
        ("jaafari hyphenated", "الجعفري", "Al-Jaafari"),
        ("jaafari bare", "الجعفري", "Jaafari"),
        ("moscow", "موسكو", "Moscow"),
        ("livingston", "ليفينغستون", "Livingston"),
        ("washington", "واشنطن", "Washington"),
        ("kavanaugh", "كافانو", "Kavanaugh"),
        ("trump", "ترامب", "Trump"),
        ("gerrard", "جيرارد", "Gerrard"),
        ("brighton", "برايتون", "Brighton"),
        ("chelsea", "تشيلسي", "Chelsea"),
        ("slavic -cic", "كوفاتشيتش", "Kovacic"),
        ("slavic -ic", "فيديتش", "Vidic"),
        ("polish cz", "كاتشينسكي", "Kaczynski"),
        ("german tsch", "دويتشه", "Deutsche"),
        ("vladimir", "فلاديمير", "Vladimir"),
        ("iraq with article", "العراق", "Iraq"),
        ("and in moscow", "وبموسكو", "Moscow"),
        ("thomas", "توماس", "Thomas"),
        ("ibrahim", "إبراهيم", "Ibrahim"),
        ("american adjective", "الأمريكي", "American"),
        ("february", "فبراير", "February"),
        ("latin acronym in arabic", "أعضاء MWPs", "MWPs"),
    ];

    /// Pairs that must not share a key: (case, Arabic, English).
    const MUST_NOT_MATCH: &[(&str, &str, &str)] = &[
        ("rogozin vs mosul", "روجوزين", "Mosul"),
        ("mosul vs rogozin", "الموصل", "Rogozin"),
        ("baghdad vs moscow", "بغداد", "Moscow"),
        ("livingston vs washington", "ليفينغستون", "Washington"),
        ("function word vs name", "الذي", "Lee"),
        ("common word vs trump", "الحكومة", "Trump"),
        ("acronym vs word", "بي بي سي", "BBC"),
    ];

    #[test]
    fn pairs_that_must_match() {
        for (case, ar, en) in MUST_MATCH {
            assert!(
                share_key(ar, en),
                "{case}: {ar} ~ {en}: {:?} vs {:?}",
                names(ar, Lang::Arabic),
                names(en, Lang::English)
            );
            assert!(best_similarity(ar, en) >= 0.85, "{case}: similarity {}", best_similarity(ar, en));
        }
    }

    #[test]
    fn pairs_that_must_not_match() {
        for (case, ar, en) in MUST_NOT_MATCH {
            assert!(
                !share_key(ar, en),
                "{case}: {ar} !~ {en}: {:?} vs {:?}",
                names(ar, Lang::Arabic),
                names(en, Lang::English)
            );
        }
    }

    #[test]
    fn similarity_separates_names() {
        let rogozin = names("روجوزين", Lang::Arabic);
        let e_rogozin = names("Rogozin", Lang::English);
        let e_mosul = names("Mosul", Lang::English);
        assert!((similarity(&rogozin[0], &e_rogozin[0]) - 1.0).abs() < 1e-9);
        assert!(similarity(&rogozin[0], &e_mosul[0]) < 0.7);
    }

    /// English words that are not name candidates: (case, text).
    const NOT_ENGLISH_NAMES: &[(&str, &str)] = &[
        ("sentence-initial function word", "The"),
        ("lower-case word", "coalition"),
        ("capitalized common word", "Minister"),
        ("weekday", "Thursday"),
        ("title", "Mr."),
        ("single capital", "I"),
    ];

    #[test]
    fn english_non_candidates() {
        for (case, text) in NOT_ENGLISH_NAMES {
            assert!(names(text, Lang::English).is_empty(), "{case}: {text}");
        }
    }

    #[test]
    fn arabic_stopwords_give_nothing() {
        assert!(names("في من إلى على الذي وقال", Lang::Arabic).is_empty());
    }

    #[test]
    fn every_arabic_stopword_is_found() {
        assert!(
            ARABIC_STOPWORDS
                .iter()
                .all(|w| w.len() <= crate::text::PACKED_WORD_BYTES && is_arabic_stopword(w))
        );
        assert!(!is_arabic_stopword("روجوزين"));
        assert!(!is_arabic_stopword(""));
    }

    #[test]
    fn tables_are_sorted_for_binary_search() {
        assert!(ARABIC_STOPWORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(ENGLISH_STOPWORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(ENGLISH_STOPWORDS.iter().all(|w| w.bytes().all(|b| b.is_ascii_lowercase())));
    }

    #[test]
    fn spans_point_at_the_words() {
        let text = normalize("قال روجوزين في لبغداد").text;
        let found = extract_names(&text, Lang::Arabic);
        let words: Vec<&str> = found.iter().map(|a| &text[a.span.clone()]).collect();
        assert!(words.contains(&"روجوزين"));
        assert!(words.contains(&"لبغداد"));
        let text = normalize("Iraqi Foreign Minister Ibrahim Al-Jaafari said").text;
        let found = extract_names(&text, Lang::English);
        let words: Vec<&str> = found.iter().map(|a| &text[a.span.clone()]).collect();
        assert_eq!(words, ["Iraqi", "Ibrahim", "Jaafari"]);
    }

    /// The file of the seed articles starting with `prefix`.
    fn example(prefix: &str) -> String {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data");
        let entries = std::fs::read_dir(dir).expect("examples/data exists");
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with(prefix) && name.ends_with(".txt") {
                return std::fs::read_to_string(entry.path()).expect("readable example");
            }
        }
        panic!("no example {prefix}");
    }

    #[test]
    fn remembered_arabic_words_give_what_reading_them_gives() {
        let text = normalize(&example("003_")).text;
        let mut memo = ArabicWords::default();
        for pass in 0..2 {
            for (at, word) in
                text.split(' ').scan(0, |at, w| Some((std::mem::replace(at, *at + w.len() + 1), w)))
            {
                let span = at..at + word.len();
                let (mut remembered, mut read) = (Vec::new(), Vec::new());
                read_arabic_remembered(word, span.clone(), &mut memo, &mut remembered);
                read_arabic(word, span, &Options::DEFAULT, &mut read);
                assert_eq!(remembered, read, "{word}, pass {pass}");
            }
        }
    }

    #[test]
    fn seed_article_names_match() {
        let ar = normalize(&example("003_")).text;
        let en = normalize(&example("000_")).text;
        let ar_names = extract_names(&ar, Lang::Arabic);
        let en_names = extract_names(&en, Lang::English);
        let pairs = [
            ("روجوزين", "Rogozin"),
            ("الموصل", "Mosul"),
            ("تاس", "Tass"),
            ("سوخوي", "Sukhoi"),
            ("سوبرجيت", "Superjet"),
            ("لبغداد", "Baghdad"),
            ("الجعفري", "Jaafari"),
            ("موسكو", "Moscow"),
        ];
        for (a, e) in pairs {
            let a_keys: Vec<u64> =
                ar_names.iter().filter(|n| &ar[n.span.clone()] == a).map(|n| n.key).collect();
            let e_keys: Vec<u64> =
                en_names.iter().filter(|n| &en[n.span.clone()] == e).map(|n| n.key).collect();
            assert!(!a_keys.is_empty(), "{a} not found in the Arabic article");
            assert!(!e_keys.is_empty(), "{e} not found in the English article");
            assert!(a_keys.iter().any(|k| e_keys.contains(k)), "{a} ~ {e}");
        }
    }

    /// Regressions: inputs that once went wrong, with what they must give.
    #[test]
    fn regressions() {
        // `Al-` is an article, not a name.
        assert_eq!(names("Al-", Lang::English), []);
        // `gh` at the start is G, at the end silent.
        assert_eq!(&*names("Ghana", Lang::English)[0].skeleton, "GN");
        assert_eq!(&*names("Kavanaugh", Lang::English)[0].skeleton, "KFN");
        // Possessive `'s` does not join the name.
        assert_eq!(keys("Trump's", Lang::English), keys("Trump", Lang::English));
        // Mixed scripts in one run are read separately.
        assert_eq!(names("ترامبTrump", Lang::Arabic).len(), 2);
        // Empty and punctuation-only input.
        assert!(names("", Lang::English).is_empty());
        assert!(names("... - ,", Lang::Arabic).is_empty());
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_spans_are_ordered(s in "\\PC{0,80}", arabic in proptest::bool::ANY) {
            let lang = if arabic { Lang::Arabic } else { Lang::English };
            for text in [s.clone(), normalize(&s).text] {
                let found = extract_names(&text, lang);
                let mut last = 0;
                for a in &found {
                    proptest::prop_assert!(a.span.start <= a.span.end);
                    proptest::prop_assert!(a.span.start >= last);
                    proptest::prop_assert!(a.span.end <= text.len());
                    proptest::prop_assert!(text.is_char_boundary(a.span.start));
                    proptest::prop_assert!(text.is_char_boundary(a.span.end));
                    let sim = similarity(a, a);
                    proptest::prop_assert!((0.0..=1.0).contains(&sim));
                    last = a.span.start;
                }
            }
        }

        #[test]
        fn arabic_letters_never_panic(s in "[\\u{0600}-\\u{06FF} a-zA-Z]{0,60}") {
            let _ = extract_names(&s, Lang::Arabic);
            let _ = extract_names(&s, Lang::English);
        }
    }
}
