//! Per-pair signals, read from sentences that were normalized and anchored once, when their
//! [`Document`](crate::Document) was built. Nothing here normalizes text again.

use serde::{Deserialize, Serialize};

use std::cell::OnceCell;

use rustc_hash::FxHashSet as HashSet;

use crate::anchors::names::matcher::{ArabicNames, Candidates, Likeness, MIN_FUZZY_SKELETON};
use crate::anchors::names::{NameAnchor, short_name_class, spells_short_name};
use crate::document::{NormalizedSentence, Span};
use crate::error::Side;
use crate::lang::units::is_unit_symbol;
use crate::quality::finding::{Finding, FindingKind, Severity};
use crate::quality::lexicon::{
    BUILTIN, Lexicon, is_common_english, is_english_function_word, is_function_word,
};
use crate::text::{ASCII_LETTERS, is_arabic_letter, is_letter, is_letter_or_digit, push_lowercase, runs};

/// The most unmatched names or numbers that count: beyond a few, more says little more.
const COUNT_CAP: u32 = 4;

/// The named signals of one pair, each computed once; the score is a combination of them.
///
/// ```
/// use qalign::score_pair;
///
/// let q = score_pair("قال بوتين إن التجارة بلغت 2 مليار دولار.", "Putin said trade reached $2 billion.");
/// let c = &q.components;
/// assert_eq!((c.numbers_shared, c.numbers_contradicted), (1, 0));
/// assert_eq!((c.names_matched, c.names_unmatched), (1, 0));
/// assert!(c.length.abs() < 2.0);
/// let json = serde_json::to_string(c).unwrap();
/// assert_eq!(&serde_json::from_str::<qalign::quality::Components>(&json).unwrap(), c);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Components {
    /// How far the English length lies from the aligner's Arabic→English length model, in standard
    /// deviations (Gale–Church `δ`): negative when the English is short, positive when long.
    pub length: f64,
    /// Numbers found on both sides.
    pub numbers_shared: u32,
    /// Arabic numbers with no English counterpart (and no English number left to contradict them).
    pub numbers_missing: u32,
    /// English numbers with no Arabic counterpart (and no Arabic number left to contradict them).
    pub numbers_added: u32,
    /// Arabic numbers facing a different English number (2014 vs 2015, 60 % vs 16 %).
    pub numbers_contradicted: u32,
    /// English names (capitalized words) whose transliteration is found in the Arabic. A name made
    /// only of common words (`Prices` opening a sentence, `Supreme Court`) is not counted here nor as
    /// unmatched: the lexical signals already count its rendering.
    pub names_matched: u32,
    /// English names with no transliteration in the Arabic (sentence-initial words not counted).
    pub names_unmatched: u32,
    /// How far the two sides' punctuation differs: over question marks, exclamation marks, quotation
    /// marks, brackets and colons, the sum of the count differences (capped at 4).
    pub punctuation: u32,
    /// Arabic words found in the bilingual news lexicon.
    pub lexicon_words: u32,
    /// Of those, the ones with one of their English renderings in the English.
    pub lexicon_matched: u32,
    /// Of [`lexicon_words`](Self::lexicon_words), the function words (pronouns, particles,
    /// auxiliaries such as `هو`, `لا`, `كان`): weaker evidence than content words, since most English
    /// sentences render some of them.
    pub lexicon_function_words: u32,
    /// Of those, the ones with one of their English renderings in the English.
    pub lexicon_function_matched: u32,
    /// Arabic words the built-in lexicon does not know and a dictionary given at run time does
    /// (zero without one).
    pub dictionary_words: u32,
    /// Of those, the ones with one of the dictionary's glosses in the English.
    pub dictionary_matched: u32,
    /// Share of the English side's letters that are Arabic letters (text left untranslated).
    pub arabic_in_target: f64,
    /// Share of the English side's characters that are letters or digits (low for an empty or
    /// punctuation-only target).
    pub target_text: f64,
    /// Mojibake sequences (UTF-8 read as Latin-1, such as `Ã©` or `Ø£`) in the English.
    pub mojibake: u32,
    /// Whether one side holds a negation and the other none (`لم`, `لا`, `ليس` against `not`,
    /// `never`, `n't`, ...).
    pub polarity_mismatch: bool,
    /// Whether the English stops without closing punctuation while the Arabic has it.
    pub open_end: bool,
    /// The aligner's confidence in the bead, from 0 to 1, for pairs that come from an alignment:
    /// how much cheaper the bead was than leaving its sentences unpaired, and, next to a run of
    /// unpaired sentences, than moving the run's edge by one sentence.
    pub alignment: Option<f64>,
}

/// One side of a pair: the input text and the sentences of it that the pair holds.
#[derive(Clone, Copy)]
pub(crate) struct SideText<'a> {
    /// Which side this is.
    pub side: Side,
    /// The whole input text of this side; sentence spans point into it.
    pub text: &'a str,
    /// The pair's sentences on this side.
    pub sentences: &'a [NormalizedSentence],
}

impl SideText<'_> {
    /// A finding on this side, its evidence read at `span` of the side's text.
    pub fn finding(
        &self,
        kind: FindingKind,
        severity: Severity,
        span: Span,
        message: impl Into<String>,
    ) -> Finding {
        Finding::at(kind, severity, self.side, self.text, span, message.into())
    }

    /// Normalized characters over the side's sentences.
    pub fn chars(&self) -> usize {
        self.sentences.iter().map(NormalizedSentence::chars).sum()
    }

    /// The bytes from the first sentence's start to the last one's end.
    pub fn span(&self) -> Span {
        match (self.sentences.first(), self.sentences.last()) {
            (Some(a), Some(b)) => Span { start: a.span().start, end: b.span().end },
            _ => Span { start: 0, end: 0 },
        }
    }

    /// The side's original text from the first sentence to the last.
    pub fn original(&self) -> &str {
        let s = self.span();
        self.text.get(s.start..s.end).unwrap_or("")
    }
}

/// The length model the signals read lengths against: the aligner's.
#[derive(Clone, Copy, Debug)]
pub(crate) struct LengthModel {
    /// Expected English characters per Arabic character.
    pub ratio: f64,
    /// Gale–Church variance per character.
    pub variance: f64,
}

/// Computes every signal of a pair and the findings that come straight from the evidence (numbers,
/// names, script). Findings that depend on the score (omission, truncation, misalignment) are added
/// by the caller.
pub(crate) fn signals(
    model: LengthModel,
    dictionary: Option<&Lexicon>,
    src: SideText,
    tgt: SideText,
) -> (Components, Vec<Finding>) {
    let mut c = Components::default();
    let mut findings = Vec::new();
    c.length = length_delta(model, src.chars() as f64, tgt.chars() as f64);
    numbers(src, tgt, &mut c, &mut findings);
    let builtin = BUILTIN.matches(src.sentences, tgt.sentences, |_| false);
    c.lexicon_words = builtin.words;
    c.lexicon_matched = builtin.matched;
    c.lexicon_function_words = builtin.function_words;
    c.lexicon_function_matched = builtin.function_matched;
    let external = dictionary.map(|d| (d, d.matches(src.sentences, tgt.sentences, |w| BUILTIN.knows(w))));
    if let Some((_, m)) = &external {
        c.dictionary_words = m.words;
        c.dictionary_matched = m.matched;
    }
    // Word level: each content word the built-in lexicon knows and the English does not render. A
    // word that a capitalized English word spells is a name the lexicon reads as a common word
    // (`ليلى` Layla, read as `ليلي` nightly): rendered.
    let short: OnceCell<Vec<u8>> = OnceCell::new();
    for (i, range) in &builtin.unrendered {
        let Some(sentence) = src.sentences.get(*i) else { continue };
        let word = sentence.normalized().get(range.clone()).unwrap_or("");
        if is_function_word(word) {
            continue;
        }
        let short = short.get_or_init(|| short_names(tgt));
        if !short.is_empty() && spells_short_name(word, |class| short.contains(&class)) {
            c.lexicon_matched += 1;
            continue;
        }
        let span = sentence.original_span(range.clone());
        let message = "the English renders none of this word's usual translations";
        findings.push(src.finding(FindingKind::Omission, Severity::Minor, span, message));
    }
    let renders = |word: &str| {
        builtin.renders_word(&BUILTIN, word)
            || external.as_ref().is_some_and(|(d, m)| m.renders_word(d, word))
    };
    names(src, tgt, &renders, &mut c, &mut findings);
    script(tgt, &mut c, &mut findings);
    c.punctuation = punctuation(src.sentences)
        .iter()
        .zip(punctuation(tgt.sentences))
        .map(|(a, e)| a.abs_diff(e))
        .sum::<u32>()
        .min(COUNT_CAP);
    c.open_end = open_end(src.original(), tgt.original());
    let polarity = crate::quality::polarity::polarity(src.sentences, tgt.sentences);
    if polarity.mismatch() {
        c.polarity_mismatch = true;
        let message = if polarity.english > 0 {
            "the English is negated and the Arabic is not"
        } else {
            "the Arabic is negated and the English is not"
        };
        // Minor: translations restructure negation freely (`لا يزال` is "still", `غير` a prefix), so
        // a presence mismatch alone is a pointer for the reviewer, not proof.
        findings.push(tgt.finding(FindingKind::Polarity, Severity::Minor, tgt.span(), message));
    }
    (c, findings)
}

/// The skeletons of the English's capitalized words (function words left out: `The`) that are too
/// short for a name anchor (`Layla`, `L`): the names a lexicon word of the Arabic may spell.
fn short_names(tgt: SideText) -> Vec<u8> {
    let mut out = Vec::new();
    let mut lower = String::new();
    for s in tgt.sentences {
        for word in runs(s.normalized(), &ASCII_LETTERS) {
            if !word.starts_with(|c: char| c.is_ascii_uppercase()) {
                continue;
            }
            let Some(class) = short_name_class(word) else { continue };
            lower.clear();
            push_lowercase(&mut lower, word);
            if !is_english_function_word(&lower) {
                out.push(class);
            }
        }
    }
    out
}

/// Gale–Church `δ` of a pair's lengths (normalized characters), signed.
pub(crate) fn length_delta(model: LengthModel, src_chars: f64, tgt_chars: f64) -> f64 {
    let mean_len = ((src_chars + tgt_chars / model.ratio) / 2.0).max(1.0);
    (tgt_chars - model.ratio * src_chars) / (model.variance * mean_len).sqrt()
}

/// One number of a side: its key, and where it is.
struct Located {
    key: u64,
    value: f64,
    span: Span,
}

/// The distinct numbers of a side (by key, first occurrence kept), located in the input text.
fn located_numbers(side: SideText) -> Vec<Located> {
    let mut seen = HashSet::default();
    let mut out: Vec<Located> = Vec::new();
    for s in side.sentences {
        for n in s.numbers() {
            let key = n.key();
            if seen.insert(key) {
                out.push(Located { key, value: n.value, span: s.original_span(n.span.clone()) });
            }
        }
    }
    out
}

/// Shared, missing, added and contradicted numbers, with a finding for each number not shared.
fn numbers(src: SideText, tgt: SideText, c: &mut Components, findings: &mut Vec<Finding>) {
    let a = located_numbers(src);
    let e = located_numbers(tgt);
    let a_keys: HashSet<u64> = a.iter().map(|n| n.key).collect();
    let e_keys: HashSet<u64> = e.iter().map(|n| n.key).collect();
    let a_rest: Vec<&Located> = a.iter().filter(|n| !e_keys.contains(&n.key)).collect();
    // Arabic says "two" with the dual of a noun (`البلدين`, the two countries), which no number
    // anchor reads, so an English "two" or "both" with no counterpart is not evidence of anything.
    let dual = |n: &Located| {
        n.value == 2.0 && tgt.text.get(n.span.start..n.span.end).is_some_and(|t| t.chars().all(is_letter))
    };
    let e_rest: Vec<&Located> = e.iter().filter(|n| !a_keys.contains(&n.key) && !dual(n)).collect();
    c.numbers_shared = (a.len() - a_rest.len()) as u32;
    let contradicted = a_rest.len().min(e_rest.len());
    c.numbers_contradicted = contradicted as u32;
    c.numbers_missing = (a_rest.len() - contradicted) as u32;
    c.numbers_added = (e_rest.len() - contradicted) as u32;
    for (k, n) in e_rest.iter().enumerate() {
        let text = tgt.text.get(n.span.start..n.span.end).unwrap_or("");
        let message = match a_rest.get(k) {
            Some(m) if k < contradicted => {
                let theirs = src.text.get(m.span.start..m.span.end).unwrap_or("");
                format!("`{text}` does not match the Arabic `{theirs}` ({})", m.value)
            }
            _ => format!("`{text}` has no counterpart in the Arabic"),
        };
        let severity = if k < contradicted { Severity::Major } else { Severity::Minor };
        findings.push(tgt.finding(FindingKind::Number, severity, n.span, message));
    }
    for n in a_rest.iter().skip(contradicted) {
        let text = src.text.get(n.span.start..n.span.end).unwrap_or("");
        let message = format!("`{text}` ({}) has no counterpart in the English", n.value);
        findings.push(src.finding(FindingKind::Number, Severity::Major, n.span, message));
    }
}

/// English names matched or not by an Arabic transliteration or a word the lexicons render as it
/// (`renders`); a finding for each
/// unmatched one. Adjacent capitalized words are one name (`Supreme Court`, `Hurricane Rosa`), matched
/// when any of its words is; a name made only of common words (`County`, `Awards`, `Prices`) is not
/// counted, matched or unmatched (a lexicon rendering of it is lexical evidence, which the lexical
/// shares count), and a one-word name opening the sentence is not counted unmatched.
fn names(
    src: SideText,
    tgt: SideText,
    renders: &dyn Fn(&str) -> bool,
    c: &mut Components,
    findings: &mut Vec<Finding>,
) {
    // The names are read again from the normalized text: a document keeps only their keys.
    let tgt_names: Vec<Vec<NameAnchor>> = tgt.sentences.iter().map(NormalizedSentence::names).collect();
    if tgt_names.iter().all(Vec::is_empty) {
        return;
    }
    // The Arabic's names, and what is made of them, are read only when an English name is not
    // found otherwise (a lexicon rendering of it).
    let src_names: OnceCell<Vec<Vec<NameAnchor>>> = OnceCell::new();
    let src_names =
        || src_names.get_or_init(|| src.sentences.iter().map(NormalizedSentence::names).collect());
    let exact = OnceCell::new();
    let exact = || {
        exact.get_or_init(|| {
            let src_names = src_names();
            // The Arabic names' keys, sorted for binary search.
            let arabic_names = src_names.iter().map(Vec::len).sum();
            let mut keys: Vec<u64> = Vec::with_capacity(arabic_names);
            keys.extend(src_names.iter().flatten().map(|a| a.key));
            keys.sort_unstable();
            // The Arabic keys an English name spells exactly: those words are that name's, and
            // another English word is not matched with them by a looser comparison (`Raikkonen` is
            // not `اوريجيون` when `Oregon` is).
            let mut taken: Vec<u64> =
                tgt_names.iter().flatten().map(|n| n.key).filter(|k| keys.binary_search(k).is_ok()).collect();
            taken.sort_unstable();
            taken.dedup();
            (taken, Candidates::of(src_names.iter().flatten(), arabic_names))
        })
    };
    let taken = || &exact().0;
    let fuzzy_match = |name: &NameAnchor| exact().1.find(name, taken());
    // Read only when a name is not found otherwise.
    let arabic = OnceCell::new();
    let mut groups: Vec<NameGroup> = Vec::with_capacity(tgt_names.iter().map(Vec::len).max().unwrap_or(0));
    let mut word = String::new();
    for (s, names) in tgt.sentences.iter().zip(&tgt_names) {
        let text = s.normalized();
        for (k, name) in names.iter().enumerate() {
            // Acronyms have keys no Arabic spelling shares; a repeated span is one word read twice;
            // a month name is a number anchor.
            let acronym = name.skeleton.bytes().any(|b| b.is_ascii_lowercase());
            let repeated = k > 0 && names[k - 1].span == name.span;
            let number =
                s.numbers().iter().any(|n| n.span.start < name.span.end && name.span.start < n.span.end);
            if acronym || repeated || number {
                continue;
            }
            word.clear();
            push_lowercase(&mut word, text.get(name.span.clone()).unwrap_or(""));
            let arabic = || {
                arabic.get_or_init(|| {
                    let sentences = src.sentences.iter().zip(src_names());
                    ArabicNames::of(sentences.map(|(s, names)| (s.normalized(), names.as_slice())))
                })
            };
            // A demonym (`Chilean`, `Syrian`) is an Arabic adjective in `-ي`: its stem, without the
            // final `n`, is compared too.
            let demonym = (word.ends_with("an") && name.skeleton.len() > MIN_FUZZY_SKELETON)
                .then(|| name.skeleton.strip_suffix('N'))
                .flatten();
            // After a title (`Mr.`, `President`) a capitalized word is a name even when it is also a
            // common word (`Mr. Hill`), and a name that is also an Arabic function word counts.
            // A unit symbol (`GHz`) is no name; nor, unless after a title, a common word or the generic
            // head noun of a name (`Prize`, `Ministry`, `Street`), which is translated.
            if is_unit_symbol(text.get(name.span.clone()).unwrap_or("")) {
                continue;
            }
            let titled = after_title(text, name.span.start);
            let common = !titled && is_common_english(&word);
            // Loose matching (the costliest) is only tried for a word that would otherwise be missing;
            // it also tells whether the word is found weakly.
            // `taken` holds exactly the English keys some Arabic name has.
            let quick = renders(&word) || taken().binary_search(&name.key).is_ok() || fuzzy_match(name);
            let likeness = (!quick && !common).then(|| arabic().likeness(&name.skeleton, taken()));
            let found = quick
                || likeness.is_some_and(|l| {
                    l == Likeness::Loose
                        || demonym.is_some_and(|stem| arabic().likeness(stem, taken()) == Likeness::Loose)
                });
            let missing = !found && !common;
            // A name that is also an Arabic function word (`آلان` Alan) counts only after a title or
            // inside a name another word of which is found; a two-class name with one near class
            // (`Baja` `BG` / `باخا` `BH`) only inside such a name. A missing word was read loosely.
            let function_word = missing && arabic().finds_function_word(&name.skeleton);
            if function_word && titled {
                continue;
            }
            let weak = function_word || (missing && likeness == Some(Likeness::Weak));
            let strict = missing && !weak;
            match groups.last_mut() {
                Some(g) if text.get(g.end..name.span.start) == Some(" ") => {
                    g.end = name.span.end;
                    g.found |= found;
                    g.common &= common;
                    if strict && g.missing.is_none() {
                        g.missing = Some(name.span.clone());
                    }
                    if weak && g.weak.is_none() {
                        g.weak = Some(name.span.clone());
                    }
                    g.words += 1;
                }
                _ => groups.push(NameGroup {
                    start: name.span.start,
                    end: name.span.end,
                    found,
                    missing: strict.then(|| name.span.clone()),
                    weak: weak.then(|| name.span.clone()),
                    words: 1,
                    common,
                }),
            }
        }
        for g in groups.drain(..) {
            // Common words found are lexical evidence, which the lexical shares already count: a
            // name made only of them (`Prices` opening a sentence, `Supreme Court`) is no name
            // evidence either way.
            if g.common {
                continue;
            }
            // Every word of a name must be found: a replaced surname next to a kept first name is
            // still a replaced name.
            let missing = g.missing.or(if g.found { None } else { g.weak });
            let Some(missing) = missing else {
                c.names_matched += u32::from(g.found);
                continue;
            };
            let initial = !text[..g.start.min(text.len())].chars().any(is_letter_or_digit);
            if initial && g.words == 1 {
                continue;
            }
            c.names_unmatched += 1;
            let span = s.original_span(missing);
            let message = "name with no transliteration in the Arabic".to_owned();
            findings.push(tgt.finding(FindingKind::Name, Severity::Minor, span, message));
        }
    }
}

/// Titles before a personal name, lower case, sorted: the word after one is a name.
const TITLES: &[&str] = &[
    "captain",
    "chancellor",
    "coach",
    "col",
    "dr",
    "gen",
    "gov",
    "governor",
    "judge",
    "king",
    "lady",
    "lord",
    "minister",
    "mr",
    "mrs",
    "ms",
    "pope",
    "president",
    "prince",
    "princess",
    "queen",
    "rep",
    "sen",
    "senator",
];

/// Whether the word at byte `start` of a normalized English sentence follows a title (`Mr. Hill`).
fn after_title(text: &str, start: usize) -> bool {
    let before = text.get(..start).unwrap_or("").trim_end_matches([' ', '.']);
    let word = before.rsplit(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("");
    !word.is_empty() && TITLES.iter().any(|t| t.eq_ignore_ascii_case(word))
}

/// Adjacent capitalized words read as one name.
struct NameGroup {
    /// Byte offset of the first word in the normalized sentence.
    start: usize,
    /// Byte offset past the last word.
    end: usize,
    /// Whether any word was found in the Arabic.
    found: bool,
    /// The first word that is neither found nor a common word nor an Arabic function word.
    missing: Option<std::ops::Range<usize>>,
    /// The first word found only as an Arabic function word or by a two-class near match: missing
    /// unless another word of the name is found.
    weak: Option<std::ops::Range<usize>>,
    /// How many words the name has.
    words: usize,
    /// Whether every word is a common English word not after a title: no name, neither matched nor
    /// unmatched.
    common: bool,
}

/// Arabic letters and mojibake in the English; the share of letters and digits.
fn script(tgt: SideText, c: &mut Components, findings: &mut Vec<Finding>) {
    let (mut arabic, mut letters, mut text, mut all) = (0usize, 0usize, 0usize, 0usize);
    for s in tgt.sentences {
        let normalized = s.normalized();
        if normalized.is_ascii() {
            // Most English text: no Arabic letters, and the classes counted over the bytes, in chunks
            // short enough for byte counters (which the compiler vectorizes).
            for chunk in normalized.as_bytes().chunks(128) {
                let (mut chunk_all, mut chunk_text, mut chunk_letters) = (0u8, 0u8, 0u8);
                for &b in chunk {
                    chunk_all += u8::from(b != b' ');
                    chunk_text += u8::from(b.is_ascii_alphanumeric());
                    chunk_letters += u8::from(b.is_ascii_alphabetic());
                }
                all += usize::from(chunk_all);
                text += usize::from(chunk_text);
                letters += usize::from(chunk_letters);
            }
            continue;
        }
        for ch in normalized.chars() {
            if ch == ' ' {
                continue;
            }
            all += 1;
            if is_letter_or_digit(ch) {
                text += 1;
            }
            if is_letter(ch) {
                letters += 1;
                if is_arabic_letter(ch) {
                    arabic += 1;
                }
            }
        }
    }
    c.arabic_in_target = if letters == 0 { 0.0 } else { arabic as f64 / letters as f64 };
    c.target_text = if all == 0 { 0.0 } else { text as f64 / all as f64 };
    if arabic > 0 {
        let severity = if c.arabic_in_target > 0.5 { Severity::Critical } else { Severity::Major };
        for span in arabic_runs(tgt) {
            let message = "Arabic text left in the English".to_owned();
            findings.push(tgt.finding(FindingKind::Untranslated, severity, span, message));
        }
    }
    for span in mojibake(tgt) {
        c.mojibake += 1;
        let message = "mojibake: UTF-8 text decoded as Latin-1 or Windows-1252".to_owned();
        findings.push(tgt.finding(FindingKind::Untranslated, Severity::Major, span, message));
    }
    c.mojibake = c.mojibake.min(COUNT_CAP);
}

/// Runs of Arabic words (with the spaces and punctuation between them) in the English input.
fn arabic_runs(tgt: SideText) -> Vec<Span> {
    let base = tgt.span().start;
    let mut runs: Vec<Span> = Vec::new();
    let mut open: Option<Span> = None;
    for (i, ch) in tgt.original().char_indices() {
        let at = base + i;
        if is_arabic_letter(ch) || ('\u{064B}'..='\u{0652}').contains(&ch) {
            open = Some(match open {
                Some(s) => Span { start: s.start, end: at + ch.len_utf8() },
                None => Span { start: at, end: at + ch.len_utf8() },
            });
        } else if is_letter(ch) {
            runs.extend(open.take());
        }
    }
    runs.extend(open);
    runs
}

/// Lead bytes of mojibake: the Latin-1 reading of UTF-8 lead bytes 0xC2–0xC5 (Latin text), 0xD8–0xDB
/// (Arabic text) and 0xE2 (punctuation such as `’` and `€`, read as `â€™`).
const MOJIBAKE_LEADS: &[char] = &['Â', 'Ã', 'Ä', 'Å', 'Ø', 'Ù', 'Ú', 'Û', 'â'];

/// Spans of mojibake pairs: a lead from [`MOJIBAKE_LEADS`] followed by a character that a UTF-8
/// continuation byte (0x80–0xBF) becomes in Latin-1 or Windows-1252.
fn mojibake(tgt: SideText) -> Vec<Span> {
    let base = tgt.span().start;
    let mut out = Vec::new();
    if tgt.original().is_ascii() {
        return out;
    }
    let mut prev: Option<(usize, char)> = None;
    for (i, ch) in tgt.original().char_indices() {
        if let Some((at, lead)) = prev
            && MOJIBAKE_LEADS.contains(&lead)
            && is_continuation_glyph(ch)
        {
            out.push(Span { start: base + at, end: base + i + ch.len_utf8() });
            prev = None;
            continue;
        }
        prev = Some((i, ch));
    }
    out
}

/// Whether `ch` is what a UTF-8 continuation byte (0x80–0xBF) looks like in Latin-1 or
/// Windows-1252.
fn is_continuation_glyph(ch: char) -> bool {
    matches!(ch, '\u{0080}'..='\u{00BF}') || "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ".contains(ch)
}

/// Counts of question marks, exclamation marks, quotation marks, brackets and colons in sentences'
/// normalized text (where Arabic `؟` is already `?`, curly quotes straight ones).
fn punctuation(sentences: &[NormalizedSentence]) -> [u32; 5] {
    let mut counts = [0u32; 5];
    for s in sentences {
        let text = s.normalized();
        // Counted over the bytes, which the compiler vectorizes: the marks are ASCII, and in UTF-8 an
        // ASCII byte is always its own character. Chunks are short enough for byte counters.
        let mut maybe_guillemets = false;
        for chunk in text.as_bytes().chunks(128) {
            let mut chunk_counts = [0u8; 5];
            for &b in chunk {
                chunk_counts[0] += u8::from(b == b'?');
                chunk_counts[1] += u8::from(b == b'!');
                chunk_counts[2] += u8::from(b == b'"');
                chunk_counts[3] += u8::from(matches!(b, b'(' | b')' | b'[' | b']'));
                chunk_counts[4] += u8::from(b == b':');
                maybe_guillemets |= b == 0xC2;
            }
            for (count, n) in counts.iter_mut().zip(chunk_counts) {
                *count += u32::from(n);
            }
        }
        // `«` and `»` are two bytes, the first of them 0xC2.
        if maybe_guillemets {
            counts[2] += text.matches(['«', '»']).count() as u32;
        }
    }
    // A pair of quotation marks or brackets counts once.
    counts[2] = counts[2].div_ceil(2);
    counts[3] = counts[3].div_ceil(2);
    counts
}

/// Characters that close a sentence, in either language.
const CLOSERS: &str = ".!?؟…۔:;\"'”’»)]";

/// Whether the English stops without closing punctuation while the Arabic has it.
fn open_end(src: &str, tgt: &str) -> bool {
    let closed = |t: &str| t.trim_end().chars().next_back().is_some_and(|c| CLOSERS.contains(c));
    !tgt.trim().is_empty() && closed(src) && !closed(tgt)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Lang, normalized_lines};

    fn components(ar: &str, en: &str) -> (Components, Vec<Finding>) {
        let (a, e) = (normalized_lines(ar, Lang::Arabic), normalized_lines(en, Lang::English));
        let model = LengthModel { ratio: 1.078, variance: 5.0 };
        signals(
            model,
            None,
            SideText { side: Side::Source, text: ar, sentences: &a },
            SideText { side: Side::Target, text: en, sentences: &e },
        )
    }

    #[test]
    fn numbers_are_shared_contradicted_or_missing() {
        let (c, f) = components("ارتفع بنسبة 60% في 2014.", "It rose 16% in 2014.");
        assert_eq!((c.numbers_shared, c.numbers_contradicted), (1, 1));
        let f: Vec<Finding> = f.into_iter().filter(|f| f.kind == FindingKind::Number).collect();
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].side, f[0].evidence.as_str()), (Side::Target, "16%"));
        let (c, f) = components("زاد لأكثر من المثلين.", "It grew more than actors.");
        assert_eq!(c.numbers_missing, 1);
        assert_eq!((f[0].side, f[0].evidence.as_str()), (Side::Source, "المثلين"));
    }

    #[test]
    fn script_signals() {
        let (c, f) = components("قال الوزير.", "The minister قال الوزير.");
        assert!(c.arabic_in_target > 0.4, "{c:?}");
        let untranslated: Vec<&Finding> = f.iter().filter(|f| f.kind == FindingKind::Untranslated).collect();
        assert_eq!(untranslated[0].evidence, "قال الوزير");
        let (c, _) = components("قال.", "The ministerâ€™s cafÃ© said.");
        assert_eq!(c.mojibake, 2);
        let (c, _) = components("قال.", "...");
        assert_eq!(c.target_text, 0.0);
    }

    #[test]
    fn names_match_loosely_and_function_words_only_inside_a_found_name() {
        let ar = "لكن لم يتمكن لاعب الدفاع آلان ليثجو من الركل، وقال مايكل إن الحكم أخطأ.";
        let (c, _) =
            components(ar, "But defender Alan Lithgow could not kick, and Michael said the referee erred.");
        assert_eq!((c.names_matched, c.names_unmatched), (2, 0));
        // `Alan` alone is only the Arabic function word `آلان`; `Smith` is nowhere.
        let (c, f) = components(ar, "But defender Alan could not kick, and Smith said the referee erred.");
        assert_eq!(c.names_unmatched, 2, "{f:?}");
        // A common word after a title is a name.
        let (c, _) = components("قال السيد آدامز.", "Mr. Hill said.");
        assert_eq!(c.names_unmatched, 1);
    }

    #[test]
    fn an_arabic_name_spelled_by_one_english_name_does_not_also_match_another_loosely() {
        let ar = "بعد أن أكلت الخنازير مزارعا في أوريجون، قال مزارع من مانيتوبا إن الخنازير ليست عدوانية.";
        let (c, _) = components(
            ar,
            "After an Oregon farmer was eaten, a Manitoba farmer said pigs are not aggressive.",
        );
        assert_eq!((c.names_matched, c.names_unmatched), (2, 0));
        // `Raikkonen` `RKN` is loosely `أوريجون` `RGN`, but that word is `Oregon`'s.
        let (c, f) = components(
            ar,
            "After an Oregon farmer was eaten, a Raikkonen farmer said pigs are not aggressive.",
        );
        assert_eq!(c.names_unmatched, 1, "{f:?}");
        assert_eq!(f[0].evidence, "Raikkonen");
    }

    #[test]
    fn units_and_generic_head_nouns_are_not_missing_names() {
        for (case, ar, en) in [
            ("unit", "يعمل المعالج بسرعة 3 غيغاهرتز.", "The processor runs at 3 GHz."),
            ("prize", "فاز كاتب بجائزة بوكر.", "A writer won the Booker Prize."),
            ("ministry", "قالت وزارة الدفاع إن الهجوم فشل.", "The Defence Ministry said the attack failed."),
            ("festival", "افتتح المهرجان السينمائي أمس.", "The Film Festival opened yesterday."),
        ] {
            let (c, f) = components(ar, en);
            assert_eq!(c.names_unmatched, 0, "{case}: {f:?}");
        }
        // A replaced name next to a generic head noun is still missing.
        let (c, _) = components("قالت مجموعة فاغنر إنها انسحبت.", "The Smith Group said it withdrew.");
        assert_eq!(c.names_unmatched, 1);
    }

    #[test]
    fn fractions_and_percentages_of_one_value_are_shared() {
        for (ar, en) in [
            ("ارتفع النصف.", "50 percent rose."),
            ("ارتفع الربع.", "25% rose."),
            ("ارتفع 50 في المائة.", "Half rose."),
            ("ارتفع الثلث.", "33.3% rose."),
        ] {
            let (c, f) = components(ar, en);
            assert_eq!((c.numbers_shared, c.numbers_contradicted), (1, 0), "{ar} / {en}: {f:?}");
        }
        let (c, _) = components("ارتفع النصف.", "25% rose.");
        assert_eq!(c.numbers_contradicted, 1);
    }

    #[test]
    fn names_made_of_common_words_are_no_name_evidence() {
        // `Prices` opens the sentence and the lexicon renders it: a word, not a name.
        let (c, _) = components("ارتفعت الأسعار بنسبة 60% في 2014.", "Prices rose by 16% in 2014.");
        assert_eq!((c.names_matched, c.names_unmatched), (0, 0));
        let (c, _) =
            components("قالت المحكمة العليا إن القانون باطل.", "The Supreme Court said the law is void.");
        assert_eq!((c.names_matched, c.names_unmatched), (0, 0));
        // A name beside a common word still counts; so does a common word after a title.
        let (c, _) = components("ضرب الإعصار روزا الساحل.", "Hurricane Rosa hit the coast.");
        assert_eq!((c.names_matched, c.names_unmatched), (1, 0));
        let (c, _) = components("قال السيد هيل.", "Mr. Hill said.");
        assert_eq!((c.names_matched, c.names_unmatched), (1, 0));
    }

    #[test]
    fn a_lexicon_word_spelled_by_a_short_english_name_is_rendered() {
        // `ليلى` is also `ليلي` (nightly) to the lexicon; `Layla` spells it, with a one-class skeleton.
        let (c, f) = components("ذهبت ليلى.", "Layla went.");
        assert_eq!(c.lexicon_matched, c.lexicon_words, "{c:?}");
        assert!(f.iter().all(|f| f.kind != FindingKind::Omission), "{f:?}");
        let (c, f) = components("ذهبت ليلى.", "Mary went.");
        assert!(c.lexicon_matched < c.lexicon_words, "{c:?}");
        assert!(f.iter().any(|f| f.kind == FindingKind::Omission && f.evidence == "ليلى"), "{f:?}");
    }

    #[test]
    fn titles_are_sorted_and_read() {
        assert!(TITLES.windows(2).all(|w| w[0] < w[1]));
        assert!(after_title("said Mr. Hill", 9));
        assert!(!after_title("the Hill", 4));
    }

    #[test]
    fn punctuation_counts_marks_by_class() {
        let (c, _) = components("قال «الوزير» (نعم): حقا؟!", "He said \"minister\" (yes): really?!");
        assert_eq!(c.punctuation, 0);
        let (c, _) = components("قال «الوزير» (نعم): حقا؟!", "He said minister yes really.");
        assert_eq!(c.punctuation, 4);
        let a = normalized_lines("a?b!\"c\"(d)[e]:f«g»", Lang::English);
        assert_eq!(punctuation(&a), [1, 1, 2, 2, 1]);
    }

    #[test]
    fn open_end_needs_a_closed_source() {
        assert!(open_end("قال الوزير إن الحرب انتهت.", "The minister said that the"));
        assert!(!open_end("عنوان", "Title"));
        assert!(!open_end("قال.", "He said."));
    }
}
