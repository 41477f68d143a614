//! Translation quality of one pair of sentences: signals, a calibrated score and findings. It knows
//! nothing of alignment: the aligner hands it each bead's sentences, its length model and prior.
//!
//! `signals` reads the sentences of a [`crate::Document`], normalized; `score` combines the signals into
//! a probability; `finding` types what a reviewer should look at.

pub(crate) mod consistency;
pub(crate) mod finding;
pub(crate) mod form;
pub(crate) mod lexicon;
pub(crate) mod polarity;
pub(crate) mod score;
pub(crate) mod signals;
pub(crate) mod terminology;

use serde::{Deserialize, Serialize};

use crate::document::{NormalizedSentence, normalized_lines};
use crate::error::Side;
use crate::lang::Lang;
pub use finding::{Finding, FindingKind, Severity};
use lexicon::Lexicon;
pub use signals::Components;
use signals::{LengthModel, SideText, signals};

/// Mean English/Arabic normalized character ratio of the 1007 clean 1-1 pairs of the dev set: the
/// default length model's ratio ([`crate::Config::length_ratio`]), and the expected ratio of the
/// document-level checks.
pub(crate) const DEFAULT_LENGTH_RATIO: f64 = 1.078;

/// The default length model, the aligner's ([`crate::Config::length_ratio`] and
/// [`crate::Config::length_variance`]). The variance: the mean of (en − 1.078·ar)² / ar over the
/// same pairs is 3.68.
pub(crate) const DEFAULT_LENGTH_MODEL: LengthModel =
    LengthModel { ratio: DEFAULT_LENGTH_RATIO, variance: 5.0 };

/// The default share of pairs assumed correct before any evidence ([`crate::Config::quality_prior`]).
pub(crate) const DEFAULT_QUALITY_PRIOR: f64 = 0.9;

/// `δ` (standard deviations of the length model) beyond which an English side is called much too
/// short or too long for its Arabic: 3σ, rare for a correct translation under the aligner's model
/// (`docs/quality.md` lists how often good dev pairs cross it).
const LENGTH_FINDING_DELTA: f64 = 3.0;

/// `δ` below which an English side that stops mid-sentence is called truncated: it is shorter than
/// expected by at least one standard deviation.
const TRUNCATION_DELTA: f64 = -1.0;

/// Score below which a pair with no other major finding, and with evidence against it, gets a
/// `misalignment` finding: the model gives it under one chance in five of being a translation.
const MISALIGNMENT_SCORE: f64 = 0.2;

/// Score (or, for [`Scorer::confidence_bead`], alignment confidence) below which a misalignment is
/// critical rather than major: the evidence against the pair leaves it under one chance in twenty.
const CRITICAL_SCORE: f64 = 0.05;

/// Alignment confidence below which a bead gets a `misalignment` finding: the aligner barely preferred
/// pairing the sentences over leaving them unpaired.
const MISALIGNMENT_CONFIDENCE: f64 = 0.5;

/// The message of a misalignment finding on a bead the aligner had little confidence in.
const LOW_CONFIDENCE: &str =
    "the aligner barely preferred pairing these sentences over leaving them unpaired";

/// Unpaired English text of at most this many characters is a minor addition (a dateline, a byline,
/// a credit); longer unpaired text is major.
const SHORT_ADDITION_CHARS: usize = 60;

/// The quality of one pair: a 0–1 score, the signals it came from, and findings.
///
/// ```
/// use qalign::{FindingKind, score_pair, quality::Severity};
///
/// let good = score_pair(
///     "وقال الرئيس إن حجم التجارة بين البلدين بلغ ملياري دولار في عام 2015.",
///     "The president said trade between the two countries reached $2 billion in 2015.",
/// );
/// let bad = score_pair(
///     "وقال الرئيس إن حجم التجارة بين البلدين بلغ ملياري دولار في عام 2015.",
///     "The president said trade between the two countries reached $3 billion in 2016.",
/// );
/// // At most word-level hints (minor): `عام` (year) is not rendered in "in 2015".
/// assert!(good.score > 0.5 && good.findings.iter().all(|f| f.severity == Severity::Minor), "{good:?}");
/// assert!(bad.score < good.score);
/// assert!(bad.findings.iter().any(|f| f.kind == FindingKind::Number));
/// let json = serde_json::to_string(&bad).unwrap();
/// assert_eq!(serde_json::from_str::<qalign::Quality>(&json).unwrap(), bad);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Quality {
    /// How likely the English is a correct and complete translation of the Arabic, from 0 to 1.
    pub score: f64,
    /// The signals the score was computed from.
    pub components: Components,
    /// What a reviewer should look at, in the order found.
    pub findings: Vec<Finding>,
}

/// Scores pairs. Holds the length model it reads lengths against (the aligner's).
///
/// ```
/// use qalign::Scorer;
///
/// let scorer = Scorer::new();
/// let pairs = [("قال الوزير.", "The minister said."), ("قال الوزير.", "قال الوزير.")];
/// let scores: Vec<f64> = scorer.score_batch(&pairs).iter().map(|q| q.score).collect();
/// assert!(scores[0] > scores[1]);
/// ```
#[derive(Clone, Debug)]
pub struct Scorer {
    model: LengthModel,
    /// The lexicon layer of the dictionaries given at run time, if any.
    dictionary: Option<std::sync::Arc<Lexicon>>,
    /// The quality prior ([`crate::Config::quality_prior`]), kept inside (0, 1).
    prior: f64,
    /// The termbase whose terms are checked, if any.
    termbase: Option<std::sync::Arc<crate::termbase::Termbase>>,
}

impl Default for Scorer {
    fn default() -> Scorer {
        Scorer::new()
    }
}

impl Scorer {
    /// A scorer with the aligner's default length model and quality prior. An aligner
    /// configuration's scorer is `Scorer::from(&config)`.
    pub fn new() -> Scorer {
        Scorer::with_model(DEFAULT_LENGTH_MODEL, DEFAULT_QUALITY_PRIOR)
    }

    /// A scorer reading lengths with `model`, assuming a share `prior` of pairs correct.
    pub(crate) fn with_model(model: LengthModel, prior: f64) -> Scorer {
        Scorer { model, dictionary: None, prior: prior.clamp(1e-6, 1.0 - 1e-6), termbase: None }
    }

    /// This scorer with a bilingual dictionary read at run time as an extra lexical layer: Arabic
    /// words the built-in lexicon does not know are looked up in it, and its glosses found in the
    /// English are evidence of a translation (weighed less than the built-in lexicon's, since a
    /// dictionary lists rare senses too). An empty dictionary leaves the scorer as it was.
    ///
    /// ```
    /// use qalign::{Scorer, dictionary::Dictionary};
    ///
    /// let dictionary = Dictionary::from_tsv("زرافة\tgiraffe\nقنفذ\thedgehog\n")?;
    /// let scorer = Scorer::new().with_dictionary(&dictionary);
    /// let q = scorer.score_pair("الزرافة أطول من القنفذ.", "The giraffe is taller than the hedgehog.");
    /// assert_eq!((q.components.dictionary_words, q.components.dictionary_matched), (2, 2));
    /// # Ok::<(), qalign::Error>(())
    /// ```
    pub fn with_dictionary(mut self, dictionary: &crate::dictionary::Dictionary) -> Scorer {
        self.dictionary =
            (!dictionary.is_empty()).then(|| std::sync::Arc::new(Lexicon::from_dictionary(dictionary)));
        self
    }

    /// This scorer with a termbase: a pair whose Arabic holds a term and whose English lacks every
    /// allowed rendering gets a minor `terminology` finding, and a forbidden rendering a major one
    /// (see [`crate::termbase::Termbase`]). Findings only: the score is the same. An empty termbase leaves
    /// the scorer as it was.
    ///
    /// ```
    /// use qalign::{FindingKind, Scorer, termbase::Termbase};
    ///
    /// let termbase = Termbase::from_tsv("البنك الدولي\tWorld Bank\n")?;
    /// let q = Scorer::new().with_termbase(&termbase)
    ///     .score_pair("قال البنك الدولي إن النمو تباطأ.", "The global bank said growth slowed.");
    /// assert!(q.findings.iter().any(|f| f.kind == FindingKind::Terminology));
    /// # Ok::<(), qalign::Error>(())
    /// ```
    pub fn with_termbase(mut self, termbase: &crate::termbase::Termbase) -> Scorer {
        self.termbase = (!termbase.is_empty()).then(|| std::sync::Arc::new(termbase.clone()));
        self
    }

    /// The termbase checked, if any.
    pub(crate) fn termbase(&self) -> Option<&crate::termbase::Termbase> {
        self.termbase.as_deref()
    }

    /// The share of pairs the score assumes are correct before reading any evidence
    /// ([`crate::Config::quality_prior`]).
    ///
    /// ```
    /// assert_eq!(qalign::Scorer::new().prior(), 0.9);
    /// ```
    pub fn prior(&self) -> f64 {
        self.prior
    }

    /// Scores one pair that was aligned elsewhere: Arabic `ar`, English `en`. Each line of a side is
    /// read as one sentence; finding spans are byte offsets into `ar` or `en`.
    pub fn score_pair(&self, ar: &str, en: &str) -> Quality {
        let src = normalized_lines(ar, Lang::Arabic);
        let tgt = normalized_lines(en, Lang::English);
        self.score_sides(
            SideText { side: Side::Source, text: ar, sentences: &src },
            SideText { side: Side::Target, text: en, sentences: &tgt },
            None,
        )
    }

    /// Scores many pairs in parallel (rayon); results come back in input order.
    pub fn score_batch<A, E>(&self, pairs: &[(A, E)]) -> Vec<Quality>
    where
        A: AsRef<str> + Sync,
        E: AsRef<str> + Sync,
    {
        use rayon::prelude::*;
        pairs.par_iter().map(|(ar, en)| self.score_pair(ar.as_ref(), en.as_ref())).collect()
    }

    /// Scores the pairs of one document or file: [`Scorer::score_batch`], plus a `consistency`
    /// finding on the first of the pairs whose Arabic is the same (normalized, punctuation aside)
    /// and whose English differs, or whose English is the same and Arabic differs, with the indices
    /// of the others in [`Finding::others`]. Messages number pairs from 1, as rows of a file.
    ///
    /// ```
    /// use qalign::{FindingKind, Scorer};
    ///
    /// let pairs = [("قال الوزير.", "The minister said."), ("قال الوزير.", "The secretary said.")];
    /// let qualities = Scorer::new().score_document(&pairs);
    /// let f = qualities[0].findings.iter().find(|f| f.kind == FindingKind::Consistency).unwrap();
    /// assert_eq!(f.others, [1]);
    /// ```
    pub fn score_document<A, E>(&self, pairs: &[(A, E)]) -> Vec<Quality>
    where
        A: AsRef<str> + Sync,
        E: AsRef<str> + Sync,
    {
        let mut qualities = self.score_batch(pairs);
        let keys: Vec<_> =
            pairs.iter().map(|(a, e)| (consistency::key(a.as_ref()), consistency::key(e.as_ref()))).collect();
        let segment = |i: usize, side: Side| {
            let text = if side == Side::Source { pairs[i].0.as_ref() } else { pairs[i].1.as_ref() };
            (crate::document::Span { start: 0, end: text.len() }, text.to_owned())
        };
        for (i, finding) in consistency::consistency(&keys, &segment, &|i| i, 1) {
            qualities[i].findings.push(finding);
        }
        qualities
    }

    /// Scores the sentences of one bead; `alignment` is the aligner's confidence in it.
    pub(crate) fn score_bead(
        &self,
        src: (&str, &[NormalizedSentence]),
        tgt: (&str, &[NormalizedSentence]),
        alignment: f64,
    ) -> Quality {
        let src = SideText { side: Side::Source, text: src.0, sentences: src.1 };
        let tgt = SideText { side: Side::Target, text: tgt.0, sentences: tgt.1 };
        self.score_sides(src, tgt, Some(alignment))
    }

    /// The quality of one bead read from the aligner's confidence `alignment` alone: a paired bead's
    /// score is `alignment`, its components hold the length and the confidence, and its only finding
    /// is a misalignment when the confidence is low. An unpaired bead is scored as by
    /// [`Scorer::score_bead`].
    pub(crate) fn confidence_bead(
        &self,
        src: (&str, &[NormalizedSentence]),
        tgt: (&str, &[NormalizedSentence]),
        alignment: f64,
    ) -> Quality {
        if src.1.is_empty() || tgt.1.is_empty() {
            return self.score_bead(src, tgt, alignment);
        }
        let src = SideText { side: Side::Source, text: src.0, sentences: src.1 };
        let tgt = SideText { side: Side::Target, text: tgt.0, sentences: tgt.1 };
        let components = Components {
            length: signals::length_delta(self.model, src.chars() as f64, tgt.chars() as f64),
            alignment: Some(alignment),
            ..Components::default()
        };
        let mut findings = Vec::new();
        if alignment < MISALIGNMENT_CONFIDENCE {
            let severity = if alignment < CRITICAL_SCORE { Severity::Critical } else { Severity::Major };
            findings.push(misalignment(tgt, severity, LOW_CONFIDENCE));
        }
        Quality { score: alignment, components, findings }
    }

    fn score_sides(&self, src: SideText, tgt: SideText, alignment: Option<f64>) -> Quality {
        if src.sentences.is_empty() || tgt.sentences.is_empty() {
            let mut quality = unpaired(self.model, src, tgt);
            quality.components.alignment = alignment;
            return quality;
        }
        let (mut components, mut findings) = signals(self.model, self.dictionary.as_deref(), src, tgt);
        components.alignment = alignment;
        let score = score::probability(&components, self.prior);
        pair_findings(&components, score, src, tgt, &mut findings);
        // Findings of form and terminology: after the score and the findings it explains, which
        // they leave as they were.
        form::form(src, tgt, &mut findings);
        if let Some(termbase) = &self.termbase {
            terminology::terminology(termbase, src, tgt, &mut findings);
        }
        Quality { score, components, findings }
    }
}

/// Scores one pair with a default [`Scorer`]; see [`Scorer::score_pair`].
///
/// ```
/// let q = qalign::score_pair("قال الوزير إن الحرب انتهت.", "The minister said the war was over.");
/// assert!(q.score > 0.5);
/// ```
pub fn score_pair(ar: &str, en: &str) -> Quality {
    static SCORER: std::sync::LazyLock<Scorer> = std::sync::LazyLock::new(Scorer::new);
    SCORER.score_pair(ar, en)
}

/// The message of an unpaired sentence of page furniture, on either side.
const FURNITURE: &str = "page furniture (a caption, credit, prompt, dateline or byline) with no counterpart";

/// A bead or pair with one side empty: score 0, and an omission (Arabic only) or addition (English
/// only) finding per sentence. Page furniture, which translations often drop, is a minor finding.
fn unpaired(model: LengthModel, src: SideText, tgt: SideText) -> Quality {
    let components = Components {
        length: signals::length_delta(model, src.chars() as f64, tgt.chars() as f64),
        ..Components::default()
    };
    let mut findings = Vec::new();
    for s in src.sentences {
        let (severity, message) = if s.is_furniture() {
            (Severity::Minor, FURNITURE)
        } else {
            (Severity::Major, "Arabic sentence with no English counterpart")
        };
        findings.push(src.finding(FindingKind::Omission, severity, s.span(), message.to_owned()));
    }
    for s in tgt.sentences {
        let (severity, message) = if s.is_furniture() {
            (Severity::Minor, FURNITURE)
        } else {
            let short = s.chars() <= SHORT_ADDITION_CHARS;
            (
                if short { Severity::Minor } else { Severity::Major },
                "English sentence with no Arabic counterpart",
            )
        };
        findings.push(tgt.finding(FindingKind::Addition, severity, s.span(), message.to_owned()));
    }
    Quality { score: 0.0, components, findings }
}

/// The findings that depend on the lengths and the score: truncation, omission, addition and
/// misalignment.
fn pair_findings(c: &Components, score: f64, src: SideText, tgt: SideText, findings: &mut Vec<Finding>) {
    if c.open_end && c.length < TRUNCATION_DELTA {
        let message = "the English stops mid-sentence and is shorter than the Arabic calls for".to_owned();
        let span = last_word(tgt);
        findings.push(tgt.finding(FindingKind::Truncation, Severity::Major, span, message));
    } else if c.length < -LENGTH_FINDING_DELTA || c.target_text < 0.5 {
        let message = format!("the English is much shorter than the Arabic calls for (δ = {:.1})", c.length);
        findings.push(src.finding(FindingKind::Omission, Severity::Major, src.span(), message));
    }
    if c.length > LENGTH_FINDING_DELTA {
        let message = format!("the English is much longer than the Arabic calls for (δ = {:.1})", c.length);
        findings.push(tgt.finding(FindingKind::Addition, Severity::Major, tgt.span(), message));
    }
    let low_confidence = c.alignment.is_some_and(|a| a < MISALIGNMENT_CONFIDENCE);
    let explained = findings.iter().any(|f| f.severity >= Severity::Major);
    // Only evidence against the pair calls it misaligned: words the lexicons know and the English
    // does not render, a name or number it contradicts, a length far outside the model. A pair whose
    // words the lexicons do not know is uncertain, not wrong.
    let evidence_against = score::nothing_rendered(c)
        || c.names_unmatched > 0
        || c.numbers_contradicted > 0
        || c.length.abs() > LENGTH_FINDING_DELTA;
    if low_confidence || (score < MISALIGNMENT_SCORE && !explained && evidence_against) {
        let message = if low_confidence {
            LOW_CONFIDENCE
        } else {
            "little evidence that the English renders this Arabic"
        };
        let severity = if score < CRITICAL_SCORE { Severity::Critical } else { Severity::Major };
        findings.push(misalignment(tgt, severity, message));
    }
}

/// A misalignment finding over the whole English side.
fn misalignment(tgt: SideText, severity: Severity, message: &str) -> Finding {
    tgt.finding(FindingKind::Misalignment, severity, tgt.span(), message)
}

/// The span of the last word of a side's text.
fn last_word(side: SideText) -> crate::document::Span {
    let span = side.span();
    let text = side.original().trim_end();
    let start =
        text.char_indices().rev().find(|(_, c)| c.is_whitespace()).map_or(0, |(i, c)| i + c.len_utf8());
    crate::document::Span { start: span.start + start, end: span.start + text.len() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_types_are_send_and_sync() {
        fn check<T: Send + Sync + std::panic::UnwindSafe>() {}
        check::<Quality>();
        check::<Scorer>();
        check::<Finding>();
        check::<Components>();
    }

    #[test]
    fn batch_matches_sequential() {
        let scorer = Scorer::new();
        let pairs = [("قال الوزير.", "The minister said."), ("", "x"), ("ارتفع 60%.", "It rose 16%.")];
        let batch = scorer.score_batch(&pairs);
        for ((ar, en), q) in pairs.iter().zip(batch) {
            assert_eq!(q, scorer.score_pair(ar, en));
        }
    }
}
