//! Many Arabic documents against many English ones: which English document translates each Arabic
//! one, if any.
//!
//! Matching runs in three steps:
//!
//! 1. **Candidates.** Every document is reduced to a fingerprint: its distinct number keys, its
//!    distinct name keys and its length. An inverted index over the English fingerprints gives, for
//!    each Arabic document, the English documents that share keys with it, each shared key weighted
//!    by its rarity among the English documents (inverse document frequency). The score is the share
//!    of the English document's weight that the Arabic one holds, times a loose length fit. The best
//!    [`MatcherBuilder::candidates`] are kept; when fewer English documents share any key, the rest are
//!    taken nearest in length, so every document gets candidates. The cost grows with the number of
//!    shared keys, not with the product of the two sets.
//! 2. **Verdicts.** Each candidate pair is aligned in full and judged ([`Verdict`]). Arabic documents
//!    are processed in parallel (rayon).
//! 3. **Assignment.** The accepted pairs (verdict at or over the threshold) are taken best first, each
//!    only if neither document is taken yet, so one English document never goes to two Arabic ones.
//!    The result is stable: no Arabic and English document left apart would both rather be together.

use rustc_hash::FxHashMap as HashMap;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::align::{Aligner, Config};
use crate::document::{Document, Segmentation};
use crate::error::{Error, Result, Side};
use crate::lang::Lang;
use crate::quality::lexicon::BUILTIN;
use crate::verdict::Verdict;

/// Candidates verified in full per Arabic document, by default. On the dev set's `docmatch` task the
/// translation is the first candidate for 50 of the 50 Arabic documents that have one; five leave
/// room for collections with many same-topic articles.
const DEFAULT_CANDIDATES: usize = 5;

/// Spread of the log length ratio in the candidate score's length fit: looser than the verdict's
/// (0.25), since it only ranks candidates. A document twice as long as expected fits at 0.38.
const CANDIDATE_LOG_RATIO_SPREAD: f64 = 0.5;

/// Expected English characters per Arabic character (the aligner's default length ratio).
const EXPECTED_RATIO: f64 = crate::quality::DEFAULT_LENGTH_RATIO;

/// One English document considered for an Arabic one.
///
/// ```
/// use qalign::matching::Matcher;
///
/// let ar = ["زار روجوزين بغداد يوم 11 فبراير."];
/// let en = ["Rogozin visited Baghdad on 11 February."];
/// let matches = Matcher::new().match_texts(&ar, &en)?;
/// let candidate = &matches[0].candidates[0];
/// assert_eq!(candidate.tgt, 0);
/// assert!(candidate.prefilter > 0.0);
/// # Ok::<(), qalign::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Candidate {
    /// Index of the English document.
    pub tgt: usize,
    /// The first pass's score: the share of the English fingerprint's weight found in the Arabic
    /// document, times a length fit (0–1).
    pub prefilter: f64,
    /// The verdict on the full alignment.
    pub verdict: Verdict,
}

/// The outcome for one Arabic document.
///
/// ```
/// use qalign::matching::Matcher;
///
/// let ar = ["قال روجوزين إن التجارة بلغت ملياري دولار في 2015. وزار بغداد يوم الخميس."];
/// let en = [
///     "The weather in Oslo was cold on Monday, with snow expected by 9 pm.",
///     "Rogozin said trade reached $2 billion in 2015. He visited Baghdad on Thursday.",
/// ];
/// let matches = Matcher::new().match_texts(&ar, &en)?;
/// assert_eq!(matches[0].tgt, Some(1));
/// assert!(matches[0].score >= qalign::verdict::Verdict::THRESHOLD);
/// # Ok::<(), qalign::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DocumentMatch {
    /// Index of the Arabic document.
    pub src: usize,
    /// Index of the English document that translates it, if any.
    pub tgt: Option<usize>,
    /// The matched pair's verdict score; without a match, the best candidate's score (which can be
    /// over the threshold when that English document went to another Arabic document with a higher
    /// score); 0 when there was no candidate at all (no English documents).
    pub score: f64,
    /// The candidates verified in full, best verdict first.
    pub candidates: Vec<Candidate>,
}

impl DocumentMatch {
    /// The candidate `score` is about: the match, or else the best candidate.
    pub fn best(&self) -> Option<&Candidate> {
        match self.tgt {
            Some(tgt) => self.candidates.iter().find(|c| c.tgt == tgt),
            None => self.candidates.first(),
        }
    }
}

/// Finds, for each Arabic document, the English document that translates it, or none.
///
/// ```
/// use qalign::matching::Matcher;
///
/// let ar = [
///     "قال روجوزين إن التجارة بلغت ملياري دولار في 2015. وزار بغداد يوم الخميس.",
///     "سجل فريق ليفربول 3 أهداف في مرمى تشيلسي يوم السبت.",
/// ];
/// let en = ["Rogozin said trade reached $2 billion in 2015. He visited Baghdad on Thursday."];
/// let matches = Matcher::new().match_texts(&ar, &en)?;
/// assert_eq!(matches[0].tgt, Some(0));
/// assert_eq!(matches[1].tgt, None); // not translated, and the one English text is taken
/// # Ok::<(), qalign::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Matcher {
    aligner: Aligner,
    candidates: usize,
    threshold: f64,
}

impl Default for Matcher {
    fn default() -> Matcher {
        Matcher::new()
    }
}

/// Configures a [`Matcher`]; [`MatcherBuilder::build`] checks the values.
#[derive(Clone, Debug)]
pub struct MatcherBuilder {
    aligner: Option<Aligner>,
    candidates: usize,
    threshold: f64,
}

impl MatcherBuilder {
    /// Aligns candidate pairs with `aligner` (its pass for partial translations is left off). Default:
    /// [`Matcher::new`]'s aligner.
    pub fn aligner(mut self, aligner: Aligner) -> MatcherBuilder {
        self.aligner = Some(aligner);
        self
    }

    /// How many candidates per Arabic document are aligned in full. Default 5; 0 is read as 1.
    /// More candidates cost proportionally more time and help only when many English documents
    /// share names and numbers with the same Arabic one.
    pub fn candidates(mut self, k: usize) -> MatcherBuilder {
        self.candidates = k.max(1);
        self
    }

    /// The verdict score from which a pair is accepted, from 0 to 1. Default [`Verdict::THRESHOLD`].
    pub fn threshold(mut self, threshold: f64) -> MatcherBuilder {
        self.threshold = threshold;
        self
    }

    /// The matcher.
    ///
    /// # Errors
    /// [`Error::Config`] when the threshold is not a number from 0 to 1.
    pub fn build(self) -> Result<Matcher> {
        if !(0.0..=1.0).contains(&self.threshold) {
            return Err(Error::Config { name: "threshold", message: "must be from 0 to 1".to_owned() });
        }
        let aligner = match self.aligner {
            Some(aligner) => aligner,
            None => Matcher::new().aligner,
        };
        Ok(Matcher::from_parts(aligner, self.candidates, self.threshold))
    }
}

impl Matcher {
    /// A matcher with the default aligner except that unpaired sentences at the ends cost as much
    /// as anywhere ([`Config::end_null_factor`] 1: the verdict's features were measured so, and a
    /// text that is not a translation should not pair its middle cheaply), 5 candidates per Arabic
    /// document and [`Verdict::THRESHOLD`].
    pub fn new() -> Matcher {
        let config = Config { end_null_factor: 1.0, ..Config::default() };
        Matcher::from_parts(
            Aligner::builder().config(config).build().unwrap_or_default(),
            DEFAULT_CANDIDATES,
            Verdict::THRESHOLD,
        )
    }

    /// A builder to configure a matcher: its aligner, candidates and threshold.
    ///
    /// ```
    /// use qalign::matching::Matcher;
    ///
    /// let matcher = Matcher::builder().candidates(3).threshold(0.7).build()?;
    /// assert!(Matcher::builder().threshold(1.5).build().is_err());
    /// # Ok::<(), qalign::Error>(())
    /// ```
    pub fn builder() -> MatcherBuilder {
        MatcherBuilder { aligner: None, candidates: DEFAULT_CANDIDATES, threshold: Verdict::THRESHOLD }
    }

    /// A matcher that aligns candidate pairs with `aligner`, without its pass for partial
    /// translations (the verdict's features were measured on the plain alignment; with the pass, a
    /// text that is not a translation pairs more of its sentences: on `docmatch` the highest wrong
    /// candidate scores 0.279 instead of 0.134).
    fn from_parts(mut aligner: Aligner, candidates: usize, threshold: f64) -> Matcher {
        aligner.partial_pass = false;
        Matcher { aligner, candidates, threshold }
    }

    /// Matches raw article texts: Arabic `ar` against English `en`. The result has one entry per
    /// Arabic text, in input order; indices refer to positions in `ar` and `en`.
    ///
    /// # Errors
    /// [`Error::DocumentTooLarge`] names the first text over the aligner's size limit.
    pub fn match_texts<A, E>(&self, ar: &[A], en: &[E]) -> Result<Vec<DocumentMatch>>
    where
        A: AsRef<str> + Sync,
        E: AsRef<str> + Sync,
    {
        let limit = self.aligner.config().max_input_bytes;
        for (side, texts) in [
            (Side::Source, ar.iter().map(|t| t.as_ref().len()).collect::<Vec<_>>()),
            (Side::Target, en.iter().map(|t| t.as_ref().len()).collect()),
        ] {
            if let Some((index, &size)) = texts.iter().enumerate().find(|&(_, &n)| n > limit) {
                return Err(Error::DocumentTooLarge { side, index, size, limit });
            }
        }
        // Indexed for the program here, as their sentences are prepared, rather than by the first
        // candidate pair.
        let prepare = |text: &str, lang| {
            Document::indexed(text.to_owned(), lang, Segmentation::Raw, crate::align::dp::index_words(lang))
        };
        let (src, tgt): (Vec<Document>, Vec<Document>) = rayon::join(
            || ar.par_iter().map(|t| prepare(t.as_ref(), Lang::Arabic)).collect(),
            || en.par_iter().map(|t| prepare(t.as_ref(), Lang::English)).collect(),
        );
        Ok(self.match_documents(&src, &tgt))
    }

    /// Matches prepared documents: Arabic `src` against English `tgt`.
    pub fn match_documents(&self, src: &[Document], tgt: &[Document]) -> Vec<DocumentMatch> {
        let index = Index::new(tgt);
        let mut matches: Vec<DocumentMatch> = src
            .par_iter()
            .enumerate()
            .map_init(
                || vec![0.0; tgt.len()],
                |scratch, (i, doc)| {
                    let mut candidates: Vec<Candidate> = index
                        .candidates(doc, self.candidates, scratch)
                        .into_iter()
                        .map(|(j, prefilter)| {
                            let alignment = self.aligner.align_documents(doc, &tgt[j]);
                            Candidate { tgt: j, prefilter, verdict: Verdict::new(&alignment, doc, &tgt[j]) }
                        })
                        .collect();
                    candidates
                        .sort_by(|a, b| b.verdict.score.total_cmp(&a.verdict.score).then(a.tgt.cmp(&b.tgt)));
                    let score = candidates.first().map_or(0.0, |c| c.verdict.score);
                    DocumentMatch { src: i, tgt: None, score, candidates }
                },
            )
            .collect();
        self.assign(&mut matches, tgt.len());
        matches
    }

    /// Gives each English document to at most one Arabic document, best accepted verdicts first.
    fn assign(&self, matches: &mut [DocumentMatch], tgt_len: usize) {
        let mut accepted: Vec<(f64, usize, usize)> = matches
            .iter()
            .flat_map(|m| {
                m.candidates
                    .iter()
                    .filter(|c| c.verdict.score >= self.threshold)
                    .map(move |c| (c.verdict.score, m.src, c.tgt))
            })
            .collect();
        accepted.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        let mut taken = vec![false; tgt_len];
        for (score, i, j) in accepted {
            let m = &mut matches[i];
            if m.tgt.is_none() && !taken[j] {
                m.tgt = Some(j);
                m.score = score;
                taken[j] = true;
            }
        }
    }
}

/// One document's first-pass fingerprint: distinct anchor keys and length.
struct Fingerprint {
    keys: Vec<Key>,
    chars: usize,
}

/// A number key, a name key or a built-in lexicon entry; the key spaces are kept apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Key {
    Number(u64),
    Name(u64),
    Word(usize),
}

impl Fingerprint {
    /// The fingerprint of a document: its numbers and names, and the built-in lexicon's entries that
    /// its words hold (Arabic) or render (English), so that a short text without numbers or names
    /// still finds its translation among the candidates.
    fn new(doc: &Document) -> Fingerprint {
        let mut keys = Vec::new();
        let mut chars = 0;
        let mut entries = Vec::new();
        for k in 0..doc.sentences().len() {
            let s = doc.normalized_sentence(k);
            chars += s.chars();
            keys.extend(s.numbers().iter().map(|n| Key::Number(n.key())));
            keys.extend(s.names().iter().map(|n| Key::Name(n.key)));
            entries.clear();
            BUILTIN.sentence_entries(&s, doc.lang() == Lang::Arabic, &mut entries);
            keys.extend(entries.iter().map(|&k| Key::Word(k)));
        }
        keys.sort_unstable();
        keys.dedup();
        Fingerprint { keys, chars }
    }
}

/// The inverted index over the English fingerprints.
struct Index {
    postings: HashMap<Key, (f64, Vec<usize>)>,
    /// Sum of the key weights of each English document.
    mass: Vec<f64>,
    chars: Vec<usize>,
    /// English document indices sorted by length, for the length fallback.
    by_length: Vec<usize>,
}

impl Index {
    fn new(tgt: &[Document]) -> Index {
        let prints: Vec<Fingerprint> = tgt.par_iter().map(Fingerprint::new).collect();
        let mut postings: HashMap<Key, (f64, Vec<usize>)> = HashMap::default();
        for (j, print) in prints.iter().enumerate() {
            for &key in &print.keys {
                postings.entry(key).or_default().1.push(j);
            }
        }
        let n = tgt.len() as f64;
        for (weight, docs) in postings.values_mut() {
            // Inverse document frequency: a key in every document weighs ln 2, a unique one ln(n + 1).
            *weight = (1.0 + n / docs.len() as f64).ln();
        }
        let mut mass = vec![0.0; tgt.len()];
        for (weight, docs) in postings.values() {
            for &j in docs {
                mass[j] += weight;
            }
        }
        let chars: Vec<usize> = prints.iter().map(|p| p.chars).collect();
        let mut by_length: Vec<usize> = (0..tgt.len()).collect();
        by_length.sort_by_key(|&j| (chars[j], j));
        Index { postings, mass, chars, by_length }
    }

    /// The `k` best candidates for `doc`, as (English index, first-pass score), best first.
    /// `scratch` holds one accumulator per English document, all 0 on entry and on return.
    fn candidates(&self, doc: &Document, k: usize, scratch: &mut [f64]) -> Vec<(usize, f64)> {
        let print = Fingerprint::new(doc);
        let mut touched = Vec::new();
        for key in &print.keys {
            if let Some((weight, docs)) = self.postings.get(key) {
                for &j in docs {
                    if scratch[j] == 0.0 {
                        touched.push(j);
                    }
                    scratch[j] += weight;
                }
            }
        }
        let mut scored: Vec<(usize, f64)> = touched
            .iter()
            .map(|&j| {
                let share = if self.mass[j] > 0.0 { scratch[j] / self.mass[j] } else { 0.0 };
                (j, share * length_fit(print.chars, self.chars[j]))
            })
            .collect();
        for &j in &touched {
            scratch[j] = 0.0;
        }
        scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        scored.truncate(k);
        if scored.len() < k {
            self.fill_by_length(print.chars, k, &mut scored);
        }
        scored
    }

    /// Adds English documents nearest in expected length until there are `k` candidates.
    fn fill_by_length(&self, src_chars: usize, k: usize, out: &mut Vec<(usize, f64)>) {
        let expected = (src_chars as f64 * EXPECTED_RATIO) as usize;
        let mid = self.by_length.partition_point(|&j| self.chars[j] < expected);
        let (mut lo, mut hi) = (mid, mid);
        while out.len() < k && (lo > 0 || hi < self.by_length.len()) {
            let below = lo.checked_sub(1).map(|l| expected - self.chars[self.by_length[l]]);
            let above = self.by_length.get(hi).map(|&j| self.chars[j] - expected);
            let j = match (below, above) {
                (Some(b), Some(a)) if b <= a => {
                    lo -= 1;
                    self.by_length[lo]
                }
                (Some(_), None) => {
                    lo -= 1;
                    self.by_length[lo]
                }
                _ => {
                    hi += 1;
                    self.by_length[hi - 1]
                }
            };
            if !out.iter().any(|&(c, _)| c == j) {
                out.push((j, 0.0));
            }
        }
    }
}

/// A loose fit of the two documents' length ratio to the expected one, 0–1.
fn length_fit(src_chars: usize, tgt_chars: usize) -> f64 {
    if src_chars == 0 || tgt_chars == 0 {
        return if src_chars == tgt_chars { 1.0 } else { 0.0 };
    }
    let d = (tgt_chars as f64 / (src_chars as f64 * EXPECTED_RATIO)).ln() / CANDIDATE_LOG_RATIO_SPREAD;
    (-0.5 * d * d).exp()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_documents_give_no_matches() {
        let m = Matcher::new();
        let none: [&str; 0] = [];
        assert!(m.match_texts(&none, &["Hello."]).unwrap().is_empty());
        let r = m.match_texts(&["مرحبا."], &none).unwrap();
        assert_eq!((r[0].tgt, r[0].score, r[0].candidates.len()), (None, 0.0, 0));
    }

    #[test]
    fn empty_texts_never_panic() {
        let r = Matcher::new().match_texts(&["", " \n"], &["", "\n\n", "Word."]).unwrap();
        assert_eq!(r.len(), 2);
        assert!(r.iter().all(|m| m.tgt.is_none()));
    }

    #[test]
    fn length_fallback_fills_candidates() {
        let en = ["a.", "bb bb.", "ccc ccc ccc.", "dddd dddd dddd dddd."];
        let r = Matcher::builder().candidates(3).build().unwrap().match_texts(&["هه هه."], &en).unwrap();
        let mut got: Vec<usize> = r[0].candidates.iter().map(|c| c.tgt).collect();
        got.sort();
        assert_eq!(got, [0, 1, 2]);
    }

    #[test]
    fn one_english_document_goes_to_one_arabic_document() {
        let ar = "قال روجوزين إن التجارة بلغت ملياري دولار في 2015. وزار بغداد يوم الخميس.";
        let en = "Rogozin said trade reached $2 billion in 2015. He visited Baghdad on Thursday.";
        let r = Matcher::new().match_texts(&[ar, ar], &[en]).unwrap();
        assert_eq!(r[0].tgt, Some(0));
        assert_eq!(r[1].tgt, None);
        assert_eq!(r[1].score, r[0].score);
    }

    #[test]
    fn bad_threshold_is_an_error() {
        assert!(Matcher::builder().threshold(1.5).build().is_err());
        assert!(Matcher::builder().threshold(f64::NAN).build().is_err());
        assert!(Matcher::builder().threshold(0.7).build().is_ok());
    }

    #[test]
    fn too_large_document_is_named() {
        let aligner = Aligner::builder().max_input_bytes(10).build().unwrap();
        let err = Matcher::builder()
            .aligner(aligner)
            .build()
            .unwrap()
            .match_texts(&["قصير"], &["short", "far too long"]);
        assert!(matches!(
            err,
            Err(Error::DocumentTooLarge { side: Side::Target, index: 1, size: 12, limit: 10 })
        ));
    }
}
