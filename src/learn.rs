//! A dictionary learned from the user's own sentence pairs: word-translation probabilities of IBM
//! Model 1 (Brown et al., 1993), trained by expectation–maximization, with the built-in lexicon and
//! any dictionary given as a prior.
//!
//! Each Arabic word is read without its proclitics (conjunction, preposition, article: `والحكومة`
//! is `حكومه`), each English word in lower case. Model 1 explains every English word of a pair by one
//! word of the Arabic or by none (the empty word); the expected counts of those choices, summed over
//! the pairs, give new probabilities `t(english | arabic)`, and a few rounds converge. A pair that a
//! lexicon already knows (an Arabic word and one of its renderings) starts each round with
//! [`PRIOR_COUNT`] expected counts, so that a small corpus learns around what is known instead of
//! relearning it. The result keeps, for each Arabic word seen at least [`MIN_COUNT`] times, its most
//! probable English words of at least [`MIN_PROBABILITY`], function words left out, as a
//! [`Dictionary`] whose weights are the probabilities: written as TSV it loads with `--dictionary`.

use rustc_hash::FxHashMap as HashMap;

use crate::dictionary::Dictionary;
use crate::lang::clitics::strip_article_and_conjunction;
use crate::quality::lexicon::{BUILTIN, Lexicon, is_english_function_word, is_function_word};
use crate::text::normalize::normalize;
use crate::text::{is_arabic_letter, is_letter};

/// Rounds of expectation–maximization.
const ITERATIONS: usize = 5;

/// Expected counts a known (Arabic word, rendering) pair starts each round with.
const PRIOR_COUNT: f64 = 1.0;

/// The fewest pairs an Arabic word must occur in for its probabilities to be kept.
const MIN_COUNT: u32 = 2;

/// The lowest probability `t(english | arabic)` kept.
const MIN_PROBABILITY: f64 = 0.1;

/// The most English words kept per Arabic word.
const MAX_RENDERINGS: usize = 4;

/// The index of the empty word, which explains English words no Arabic word renders.
const EMPTY: u32 = 0;

/// The empty word as written in the vocabulary.
const EMPTY_WORD: &str = "";

/// Words interned as numbers, one table per language.
#[derive(Default)]
struct Vocabulary {
    ids: HashMap<String, u32>,
    words: Vec<String>,
}

impl Vocabulary {
    /// A vocabulary whose word 0 is the empty word.
    fn with_empty() -> Vocabulary {
        let mut v = Vocabulary::default();
        v.id(EMPTY_WORD);
        v
    }

    fn id(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = self.words.len() as u32;
        self.ids.insert(word.to_owned(), id);
        self.words.push(word.to_owned());
        id
    }
}

/// The words of an Arabic sentence, normalized and without proclitics; words in another script
/// (a Latin acronym) are not Arabic words.
fn arabic_words(text: &str) -> impl Iterator<Item = String> {
    let normalized = normalize(text).text;
    let words: Vec<String> = normalized
        .split(|c: char| !is_letter(c))
        .filter(|w| !w.is_empty() && w.chars().all(is_arabic_letter))
        .map(|w| strip_article_and_conjunction(w).to_owned())
        .collect();
    words.into_iter()
}

/// The words of an English sentence, in lower case; words with letters of another script (Arabic
/// left untranslated) are not English words.
fn english_words(text: &str) -> impl Iterator<Item = String> {
    let normalized = normalize(text).text;
    let words: Vec<String> = normalized
        .split(|c: char| !is_letter(c))
        .filter(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_alphabetic()))
        .map(str::to_ascii_lowercase)
        .collect();
    words.into_iter()
}

impl Dictionary {
    /// Learns a dictionary from Arabic–English sentence pairs that translate each other (IBM Model 1;
    /// see the module docs), with the built-in lexicon and `prior` (may be empty) as a prior. Pairs
    /// that are not translations add noise: give the confident ones (say, those [`Scorer`] scores
    /// 0.5 or more). A few thousand pairs learn the frequent words of their domain.
    ///
    /// [`Scorer`]: crate::Scorer
    ///
    /// ```
    /// use qalign::dictionary::Dictionary;
    ///
    /// let pairs = [
    ///     ("القطة نائمة.", "The cat is asleep."),
    ///     ("القطة جائعة.", "The cat is hungry."),
    ///     ("الكلب جائع.", "The dog is hungry."),
    ///     ("الكلب نائم.", "The dog is asleep."),
    /// ];
    /// let learned = Dictionary::learn(&pairs, &Dictionary::new());
    /// assert_eq!(learned.get("قطه").map(|r| r[0].as_str()), Some("cat"));
    /// ```
    pub fn learn<A: AsRef<str>, E: AsRef<str>>(pairs: &[(A, E)], prior: &Dictionary) -> Dictionary {
        let mut ar = Vocabulary::with_empty();
        let mut en = Vocabulary::default();
        let mut corpus: Vec<(Vec<u32>, Vec<u32>)> = Vec::with_capacity(pairs.len());
        let mut occurrences: HashMap<u32, u32> = HashMap::default();
        for (a, e) in pairs {
            let mut src: Vec<u32> = arabic_words(a.as_ref()).map(|w| ar.id(&w)).collect();
            let tgt: Vec<u32> = english_words(e.as_ref()).map(|w| en.id(&w)).collect();
            src.sort_unstable();
            src.dedup();
            for &w in &src {
                *occurrences.entry(w).or_default() += 1;
            }
            src.push(EMPTY);
            corpus.push((src, tgt));
        }
        let prior_lexicon = (!prior.is_empty()).then(|| Lexicon::from_dictionary(prior));
        let known = |a: u32, e: u32| {
            let (a, e) = (&ar.words[a as usize], &en.words[e as usize]);
            a != EMPTY_WORD
                && (BUILTIN.renders(a, e) || prior_lexicon.as_ref().is_some_and(|l| l.renders(a, e)))
        };
        // t(e | a), uniform to start: every co-occurring pair is equally likely. The known pairs
        // among them, found as each pair is first seen, start every round with their prior counts.
        let mut t: HashMap<(u32, u32), f64> = HashMap::default();
        let mut seeds: HashMap<(u32, u32), f64> = HashMap::default();
        for (src, tgt) in &corpus {
            for &a in src {
                for &e in tgt {
                    t.entry((a, e)).or_insert_with(|| {
                        if known(a, e) {
                            seeds.insert((a, e), PRIOR_COUNT);
                        }
                        1.0
                    });
                }
            }
        }
        for _ in 0..ITERATIONS {
            let mut counts: HashMap<(u32, u32), f64> = seeds.clone();
            // The probabilities of one English word given each Arabic word of its pair, read once.
            let mut probabilities: Vec<f64> = Vec::new();
            for (src, tgt) in &corpus {
                for &e in tgt {
                    probabilities.clear();
                    probabilities.extend(src.iter().map(|&a| t.get(&(a, e)).copied().unwrap_or(0.0)));
                    let total: f64 = probabilities.iter().sum();
                    if total <= 0.0 {
                        continue;
                    }
                    for (&a, p) in src.iter().zip(&probabilities) {
                        *counts.entry((a, e)).or_default() += p / total;
                    }
                }
            }
            let mut per_arabic: HashMap<u32, f64> = HashMap::default();
            for (&(a, _), &c) in &counts {
                *per_arabic.entry(a).or_default() += c;
            }
            for (key, value) in t.iter_mut() {
                let c = counts.get(key).copied().unwrap_or(0.0);
                *value = c / per_arabic.get(&key.0).copied().unwrap_or(1.0).max(f64::MIN_POSITIVE);
            }
        }
        let mut best: HashMap<u32, Vec<(u32, f64)>> = HashMap::default();
        for (&(a, e), &p) in &t {
            let word = &en.words[e as usize];
            if a == EMPTY
                || p < MIN_PROBABILITY
                || occurrences.get(&a).copied().unwrap_or(0) < MIN_COUNT
                || word.chars().count() < 3
                || is_english_function_word(word)
                || is_function_word(&ar.words[a as usize])
            {
                continue;
            }
            best.entry(a).or_default().push((e, p));
        }
        let mut entries: Vec<(&str, &str, f32)> = Vec::new();
        for (a, mut list) in best {
            list.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
            for (e, p) in list.into_iter().take(MAX_RENDERINGS) {
                // Three decimals: the figure is an estimate, and the file stays readable.
                let weight = ((p.min(1.0) * 1000.0).round() / 1000.0) as f32;
                entries.push((&ar.words[a as usize], &en.words[e as usize], weight));
            }
        }
        // Sorted, so that the order of renderings does not depend on the hash map's.
        entries.sort_by(|x, y| x.0.cmp(y.0).then(y.2.total_cmp(&x.2)).then(x.1.cmp(y.1)));
        Dictionary::from_pairs(entries)
    }
}
