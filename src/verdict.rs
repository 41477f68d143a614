//! Document verdicts: does this English document translate that Arabic one?
//!
//! A [`Verdict`] is read off an [`Alignment`] of the two documents and the documents themselves. Its
//! score uses four named features ([`Evidence::features`]), each in 0–1 and each chosen because it
//! separates a translation from a *same-topic* non-translation (an article on the same meeting, with
//! the same names and figures), not merely from an unrelated text:
//!
//! - **anchor agreement**: of the numbers (both sides) and English names in the documents, the share
//!   that meet the same number or name on the other side *of their own bead*.
//! - **anchor locality**: of the anchors that the other document holds somewhere, the share met in
//!   their own bead. Since the alignment is monotone, this is agreement in document order: two
//!   articles that share names and figures, but in other sentences and another order, score low.
//! - **length fit**: how plausible the documents' overall length ratio is for a translation.
//! - **lexical agreement**: of the Arabic words the quality lexicons know in the paired beads, the
//!   share rendered in the English of their own bead. A short text (a paragraph, a few sentences)
//!   carries few numbers and names; its words still tell its translation from another text.
//!
//! The score is a logistic function of a weighted sum of the features, times a **script fit** gate:
//! an "English" document written mostly in Arabic letters (an untranslated copy, or a file in the
//! wrong folder) is never a translation, however well it aligns with the Arabic one. Agreements and
//! locality are pulled toward a prior when there is little evidence, so that a short text with one
//! lucky match is not called a translation. Confident coverage (the share of text in paired beads,
//! weighted by [`Bead::score`]) is reported in the evidence but not weighed. The weights, the threshold
//! and the margins they leave on the dev set are documented next to the constants below and in
//! `docs/design.md`.

use serde::{Deserialize, Serialize};

use crate::align::{Alignment, Bead};
use crate::document::{Document, NormalizedSentence, Sentence};
use crate::text::{is_arabic_letter, is_letter};

/// The features a [`Verdict`] is computed from, with the counts behind them.
///
/// ```
/// use qalign::{Aligner, Document, document::{Lang, Segmentation}, verdict::Verdict};
///
/// let ar = Document::new("زار روجوزين بغداد في 2016.", Lang::Arabic, Segmentation::Raw);
/// let en = Document::new("Rogozin visited Baghdad in 2016.", Lang::English, Segmentation::Raw);
/// let alignment = Aligner::new().align_documents(&ar, &en);
/// let evidence = Verdict::new(&alignment, &ar, &en).evidence;
/// // 2016 on both sides, Rogozin and Baghdad on the English side: all meet in their bead.
/// assert_eq!((evidence.anchors, evidence.agreeing_anchors), (4, 4));
/// assert_eq!(evidence.anchor_agreement, 1.0);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Evidence {
    /// Share of both documents' normalized characters that sit in paired beads.
    pub coverage: f64,
    /// Like `coverage`, with each paired bead's characters weighted by its [`Bead::score`].
    pub confident_coverage: f64,
    /// Character-weighted mean [`Bead::score`] of the paired beads (0 when nothing is paired).
    pub mean_pair_score: f64,
    /// `agreeing_anchors / anchors` (0 when there are no anchors).
    pub anchor_agreement: f64,
    /// `agreeing_anchors / shared_anchors` (0 when no anchor is shared).
    pub anchor_locality: f64,
    /// Anchors counted: distinct number keys of every sentence group of both documents and distinct
    /// name keys of the English side (Arabic name keys are read from every word, so they are counted
    /// only as the place where an English name is looked for).
    pub anchors: usize,
    /// Anchors whose key the other document holds anywhere.
    pub shared_anchors: usize,
    /// Anchors whose key the other side of their own bead holds.
    pub agreeing_anchors: usize,
    /// Arabic words of the paired beads that the quality lexicons know (the built-in lexicon and
    /// any dictionary), as counted in [`Bead::components`]; 0 under
    /// [`Scoring::Confidence`](crate::align::Scoring::Confidence), which computes no lexical evidence.
    pub lexical_words: usize,
    /// Of those, the words with a rendering in the English side of their own bead.
    pub lexical_matched: usize,
    /// `lexical_matched / lexical_words` (0 when no word is known).
    pub lexical_agreement: f64,
    /// The lower of two shares: Arabic letters among the Arabic document's letters, Latin letters
    /// among the English document's letters (0 when a document has no letters).
    pub script_fit: f64,
    /// English characters per Arabic character, over the whole documents (0 when Arabic is empty).
    pub length_ratio: f64,
    /// Plausibility of `length_ratio` for a translation: 1 at the expected ratio, 0.5 at 34 % longer or 25 % shorter.
    pub length_fit: f64,
}

/// Whether an English document translates an Arabic one, with a 0–1 score and the evidence.
///
/// ```
/// use qalign::{Aligner, Document, document::{Lang, Segmentation}, verdict::Verdict};
///
/// let ar = Document::new(
///     "روسيا تعزز العلاقات مع العراق\n\
///      قال روجوزين إن حجم التجارة بلغ نحو ملياري دولار في 2015. وزار بغداد يوم الخميس.",
///     Lang::Arabic,
///     Segmentation::Raw,
/// );
/// let en = Document::new(
///     "Russia boosts ties with Iraq\n\n\
///      Rogozin said trade reached about $2 billion in 2015. He visited Baghdad on Thursday.",
///     Lang::English,
///     Segmentation::Raw,
/// );
/// let verdict = Verdict::new(&Aligner::new().align_documents(&ar, &en), &ar, &en);
/// assert!(verdict.is_translation);
/// assert!(verdict.score > Verdict::THRESHOLD);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Verdict {
    /// 0–1 score that the English document translates the Arabic one.
    pub score: f64,
    /// Whether `score` reaches [`Verdict::THRESHOLD`].
    pub is_translation: bool,
    /// The features the score was computed from.
    pub evidence: Evidence,
}

impl Verdict {
    /// The score from which a document pair is called a translation (see `docs/design.md` for how it
    /// was chosen and the margins it leaves on the dev set).
    pub const THRESHOLD: f64 = 0.5;

    /// Judges an alignment of `src` (Arabic) with `tgt` (English), as returned by
    /// [`Aligner::align_documents`](crate::Aligner::align_documents) for these two documents.
    ///
    /// Bead indices that name no sentence of the documents are ignored, so a mismatched alignment
    /// gives a low score, never a panic.
    pub fn new(alignment: &Alignment, src: &Document, tgt: &Document) -> Verdict {
        let evidence = Evidence::new(alignment, src, tgt);
        let score = score(&evidence);
        Verdict { score, is_translation: score >= Verdict::THRESHOLD, evidence }
    }
}

/// Expected English characters per Arabic character; the aligner's default
/// [`Config::length_ratio`](crate::Config::length_ratio), measured on 1007 clean dev-set pairs.
const EXPECTED_RATIO: f64 = crate::quality::DEFAULT_LENGTH_RATIO;

/// Spread of the log length ratio of whole translated documents: `length_fit` is
/// `exp(−(ln(ratio / 1.078))² / (2 · 0.25²))`, so a document 28 % longer or shorter than expected
/// still fits at 0.61 (0.5 at 34 % longer or 25 % shorter). On the dev set's 50 translated documents the ratio lies between 0.85 and 1.27
/// (the seed translation: 1.18).
const LOG_RATIO_SPREAD: f64 = 0.25;

/// Pseudo-anchors of prior weight for agreement and locality: with `n` anchors a feature is
/// `(hits + PRIOR · prior value) / (n + PRIOR)`. A news article has dozens of anchors, so this only
/// matters for short texts.
const PRIOR_ANCHORS: f64 = 4.0;

/// Prior anchor agreement: below the middle of the dev-set means (translations 0.72, other
/// documents 0.06), so that missing evidence leans toward "not a translation".
const PRIOR_AGREEMENT: f64 = 0.3;

/// Prior anchor locality: below the middle of the dev-set means (translations 0.88, other
/// documents 0.33), for the same reason.
const PRIOR_LOCALITY: f64 = 0.4;

/// The names of the score's features, in the order of [`Evidence::features`] and [`WEIGHTS`].
const FEATURE_NAMES: [&str; 4] = ["anchor_agreement", "anchor_locality", "length_fit", "lexical_agreement"];

// The weights and bias of the logistic score, fitted by `cargo run --release --example
// evaluate_matching -- --fit`: a logistic regression, the two classes weighed evenly, over the
// candidate pairs of half A of the dev documents (the `docmatch` task's Arabic files of even index, and
// excerpts of 1 to 6 sentences of the even-numbered presegmented documents); half B is held out. On
// short excerpts confident coverage no longer separates a translation from another text (an unrelated
// sentence pair with little evidence either way scores near the quality prior), so it is reported
// but not weighed; lexical agreement carries what anchors cannot on a text with few names and numbers.

/// Weights of [`FEATURE_NAMES`].
const WEIGHTS: [f64; 4] = [11.6, 2.8, 2.5, 15.8];

/// Bias: the intercept at even odds.
const BIAS: f64 = -11.5;

/// Pseudo-words of prior weight for lexical agreement, as [`PRIOR_ANCHORS`] for anchors.
const PRIOR_WORDS: f64 = 4.0;

/// Prior lexical agreement: nearer the dev-set mean of other documents and excerpts (0.08–0.13)
/// than that of translations (0.70), so that missing evidence leans toward "not a translation".
const PRIOR_LEXICAL: f64 = 0.2;

/// Script fit from which the score is not reduced: Arabic news carries some Latin (acronyms, web
/// addresses) and English news almost none; on the dev set and the seeds every document is over 0.9.
const SCRIPT_FIT_FULL: f64 = 0.8;

/// Script fit at and below which the score is 0: most letters are in the wrong script.
const SCRIPT_FIT_NONE: f64 = 0.5;

fn score(e: &Evidence) -> f64 {
    let z = BIAS + e.features().iter().zip(WEIGHTS).map(|((_, x), w)| w * x).sum::<f64>();
    let gate = ((e.script_fit - SCRIPT_FIT_NONE) / (SCRIPT_FIT_FULL - SCRIPT_FIT_NONE)).clamp(0.0, 1.0);
    gate / (1.0 + (-z).exp())
}

impl Evidence {
    /// The score's inputs, named: the agreements and the locality pulled toward
    /// their priors when there is little evidence, and the length fit. The score is a logistic
    /// function of them, times the script-fit gate.
    ///
    /// ```
    /// use qalign::{Aligner, Document, document::{Lang, Segmentation}, verdict::Verdict};
    ///
    /// let ar = Document::new("زار روجوزين بغداد في 2016.", Lang::Arabic, Segmentation::Raw);
    /// let en = Document::new("Rogozin visited Baghdad in 2016.", Lang::English, Segmentation::Raw);
    /// let evidence = Verdict::new(&Aligner::new().align_documents(&ar, &en), &ar, &en).evidence;
    /// assert_eq!(evidence.features()[0].0, "anchor_agreement");
    /// ```
    pub fn features(&self) -> [(&'static str, f64); 4] {
        let hits = self.agreeing_anchors as f64;
        let agreement = (hits + PRIOR_AGREEMENT * PRIOR_ANCHORS) / (self.anchors as f64 + PRIOR_ANCHORS);
        let locality = (hits + PRIOR_LOCALITY * PRIOR_ANCHORS) / (self.shared_anchors as f64 + PRIOR_ANCHORS);
        let lexical = (self.lexical_matched as f64 + PRIOR_LEXICAL * PRIOR_WORDS)
            / (self.lexical_words as f64 + PRIOR_WORDS);
        let values = [agreement, locality, self.length_fit, lexical];
        std::array::from_fn(|k| (FEATURE_NAMES[k], values[k]))
    }
}

impl Evidence {
    /// The evidence of an alignment of two documents.
    fn new(alignment: &Alignment, src: &Document, tgt: &Document) -> Evidence {
        let total_src: usize = src.sentences().iter().map(Sentence::chars).sum();
        let total_tgt: usize = tgt.sentences().iter().map(Sentence::chars).sum();
        // Every sentence's anchors and letters are read: their normalized text is made again, once.
        let src_read = src.normalized_sentences(0..src.sentences().len());
        let tgt_read = tgt.normalized_sentences(0..tgt.sentences().len());
        let mut src_doc = Keys::default();
        let mut tgt_doc = Keys::default();
        src_doc.fill(src_read.iter());
        tgt_doc.fill(tgt_read.iter());
        let (mut paired, mut weighted) = (0.0, 0.0);
        let (mut anchors, mut shared_anchors, mut agreeing_anchors) = (0, 0, 0);
        let (mut lexical_words, mut lexical_matched) = (0, 0);
        let mut s = Keys::default();
        let mut t = Keys::default();
        for bead in &alignment.beads {
            let src_sentences = sentences(&src_read, &bead.src);
            let tgt_sentences = sentences(&tgt_read, &bead.tgt);
            s.fill(src_sentences.iter().copied());
            t.fill(tgt_sentences.iter().copied());
            anchors += s.numbers.len() + t.numbers.len() + t.names.len();
            shared_anchors += shared(&s.numbers, &tgt_doc.numbers)
                + shared(&t.numbers, &src_doc.numbers)
                + shared(&t.names, &src_doc.names);
            if bead.is_null() {
                continue;
            }
            agreeing_anchors += 2 * shared(&s.numbers, &t.numbers) + shared(&t.names, &s.names);
            let c = &bead.components;
            lexical_words += (c.lexicon_words + c.dictionary_words) as usize;
            lexical_matched += (c.lexicon_matched + c.dictionary_matched) as usize;
            let chars: usize = src_sentences.iter().chain(&tgt_sentences).map(|x| x.chars()).sum();
            paired += chars as f64;
            weighted += chars as f64 * bead_score(bead);
        }
        let total = (total_src + total_tgt) as f64;
        let share = |x: f64| if total > 0.0 { (x / total).min(1.0) } else { 0.0 };
        let ratio = |hits: usize, of: usize| if of > 0 { hits as f64 / of as f64 } else { 0.0 };
        let length_ratio = ratio(total_tgt, total_src);
        let length_fit = if length_ratio > 0.0 {
            let d = (length_ratio / EXPECTED_RATIO).ln() / LOG_RATIO_SPREAD;
            (-0.5 * d * d).exp()
        } else {
            0.0
        };
        Evidence {
            coverage: share(paired),
            confident_coverage: share(weighted),
            mean_pair_score: if paired > 0.0 { weighted / paired } else { 0.0 },
            anchor_agreement: ratio(agreeing_anchors, anchors),
            anchor_locality: ratio(agreeing_anchors, shared_anchors),
            anchors,
            shared_anchors,
            agreeing_anchors,
            lexical_words,
            lexical_matched,
            lexical_agreement: ratio(lexical_matched, lexical_words),
            script_fit: script_share(&src_read, is_arabic_letter)
                .min(script_share(&tgt_read, is_latin_letter)),
            length_ratio,
            length_fit,
        }
    }
}

/// The share of the letters of a document's `sentences` (normalized text) for which `is_script` holds.
fn script_share(sentences: &[NormalizedSentence], is_script: fn(char) -> bool) -> f64 {
    let (mut letters, mut hits) = (0usize, 0usize);
    for c in sentences.iter().flat_map(|s| s.normalized().chars()).filter(|&c| is_letter(c)) {
        letters += 1;
        hits += usize::from(is_script(c));
    }
    if letters > 0 { hits as f64 / letters as f64 } else { 0.0 }
}

/// Latin letters, with the accented ones normalization could not fold.
fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || (!c.is_ascii() && (c as u32) < 0x0250)
}

/// A bead's score clamped to 0–1 (a NaN counts as 0).
fn bead_score(bead: &Bead) -> f64 {
    if bead.score.is_nan() { 0.0 } else { bead.score.clamp(0.0, 1.0) }
}

/// The sentences of a document's sentences `all` with the given ids; ids that name no sentence are
/// skipped.
fn sentences<'a>(all: &'a [NormalizedSentence], ids: &[usize]) -> Vec<&'a NormalizedSentence> {
    ids.iter()
        .filter_map(|&id| all.binary_search_by_key(&id, NormalizedSentence::id).ok().map(|k| &all[k]))
        .collect()
}

/// The distinct anchor keys of some sentences, sorted; the buffers are reused.
#[derive(Default)]
struct Keys {
    numbers: Vec<u64>,
    names: Vec<u64>,
}

impl Keys {
    fn fill<'a>(&mut self, sentences: impl Iterator<Item = &'a NormalizedSentence>) {
        self.numbers.clear();
        self.names.clear();
        for s in sentences {
            self.numbers.extend(s.numbers().iter().map(|n| n.key()));
            self.names.extend(s.names().iter().map(|n| n.key));
        }
        for keys in [&mut self.numbers, &mut self.names] {
            keys.sort_unstable();
            keys.dedup();
        }
    }
}

/// How many keys of sorted `a` are in sorted `b`.
fn shared(a: &[u64], b: &[u64]) -> usize {
    a.iter().filter(|k| b.binary_search(k).is_ok()).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        Aligner,
        document::{Lang, Segmentation},
    };

    fn judge(ar: &str, en: &str) -> Verdict {
        let src = Document::new(ar, Lang::Arabic, Segmentation::Raw);
        let tgt = Document::new(en, Lang::English, Segmentation::Raw);
        Verdict::new(&Aligner::new().align_documents(&src, &tgt), &src, &tgt)
    }

    const AR: &str = "روسيا تعزز العلاقات مع العراق\n\
        قال روجوزين إن حجم التجارة بلغ نحو ملياري دولار في 2015. وزار بغداد يوم الخميس 11 فبراير.";
    const EN: &str = "Russia boosts ties with Iraq\n\n\
        Rogozin said trade reached about $2 billion in 2015. He visited Baghdad on Thursday 11 February.";

    #[test]
    fn named_cases() {
        // (name, Arabic, English, is a translation)
        let cases = [
            ("translation", AR, EN, true),
            ("empty English", AR, "", false),
            ("empty Arabic", "", EN, false),
            ("both empty", "", "", false),
            ("Arabic copied as English", AR, AR, false),
            ("unrelated", AR, "The weather in Oslo was cold. Snow fell on the hills by 9 pm.", false),
            ("punctuation only", "؟؟ ...", "?! ...", false),
        ];
        for (name, ar, en, expected) in cases {
            let v = judge(ar, en);
            assert_eq!(v.is_translation, expected, "{name}: {v:?}");
            assert!((0.0..=1.0).contains(&v.score), "{name}: {v:?}");
        }
    }

    #[test]
    fn an_alignment_of_other_documents_never_panics() {
        let src = Document::new(AR, Lang::Arabic, Segmentation::Raw);
        let tgt = Document::new(EN, Lang::English, Segmentation::Raw);
        let long = Document::new(&EN.repeat(5), Lang::English, Segmentation::Raw);
        let alignment = Aligner::new().align_documents(&src, &long);
        let v = Verdict::new(&alignment, &src, &tgt);
        assert!((0.0..=1.0).contains(&v.score));
        assert!(v.evidence.coverage <= 1.0);
    }
}
