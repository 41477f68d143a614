//! The aligner: its configuration, and the beads it returns.

pub(crate) mod cost;
pub(crate) mod dp;
pub(crate) mod paragraphs;
pub(crate) mod partial;
pub(crate) mod resplit;
mod summary;

use std::borrow::Cow;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::document::index::{KeyPosting, SideData};
use crate::document::{Document, Segmentation, Span};
use crate::error::{Error, Result, Side};
use crate::lang::Lang;
use crate::quality::finding::{Finding, FindingKind, Severity};
use crate::quality::signals::{Components, LengthModel};
use crate::quality::{DEFAULT_LENGTH_MODEL, DEFAULT_QUALITY_PRIOR, Scorer};
use dp::{Prepared, Step};
use summary::Tally;
pub use summary::{GOOD_SCORE, Summary};

/// Nats of margin over leaving a bead's sentences unpaired that read as odds of e:1 in
/// the alignment confidence (the `alignment` component of [`Bead::components`]); chosen so that a
/// plain 1-1 bead with no anchor evidence has a confidence of about 0.85.
const CONFIDENCE_SCALE: f64 = 3.0;

/// Runs of at least this many consecutive unpaired sentences on one side are reported as one block.
const BLOCK_MIN_SENTENCES: usize = 3;

/// A shorter run of at least this many is reported as one block when the alignment is sure of its
/// edges: each paired bead next to it (one, at a document's end) has an alignment confidence of at
/// least [`SURE_EDGE_CONFIDENCE`], and none of its sentences is page furniture. Two sentences left
/// out between two sure pairs are a gap a reviewer wants named as one; next to a doubtful pair they
/// are as often a merge broken up, and a dropped caption is a minor finding of its own.
const SHORT_BLOCK_MIN_SENTENCES: usize = 2;

/// The alignment confidence each paired bead next to a run of [`SHORT_BLOCK_MIN_SENTENCES`] must
/// have for the run to be reported as a block: the confidence the partial translations' figures
/// count as sure (`docs/evaluation.md`).
const SURE_EDGE_CONFIDENCE: f64 = 0.8;

/// Alignments with fewer beads than this have their beads scored on the calling thread: scoring a
/// bead costs about as much as handing it to another thread.
const PARALLEL_MIN_BEADS: usize = 8;

/// Beads scored and handed out at a time by [`Aligner::align_documents_with`]: enough to keep every
/// core busy, few enough that their memory is small beside the documents'.
const STREAM_CHUNK_BEADS: usize = 4096;

/// Every knob of the aligner. Build one with [`AlignerBuilder`]; the defaults are listed in
/// [`Config::default`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Config {
    /// Expected English characters per Arabic character (normalized text).
    pub length_ratio: f64,
    /// Variance of the length difference per Arabic character (Gale–Church `s²`).
    pub length_variance: f64,
    /// How many sentences of prior weight `length_ratio` gets against the document's own ratio.
    pub ratio_prior_sentences: f64,
    /// Cost of a 2-1 or 1-2 bead's shape.
    pub two_one_cost: f64,
    /// Cost of a 2-2 bead's shape.
    pub two_two_cost: f64,
    /// Cost of a 3-1 or 1-3 bead's shape.
    pub three_one_cost: f64,
    /// Fixed cost of leaving a sentence unpaired. Default 3.0; must be finite and non-negative.
    pub null_cost: f64,
    /// Added cost of leaving a sentence unpaired, per normalized character.
    pub null_cost_per_char: f64,
    /// Cost taken off each unpaired sentence that continues a run of unpaired sentences on the same
    /// side: a long untranslated block is one gap, found in one place, rather than many scattered
    /// ones. At most `null_cost`. Default 0: on the dev set any discount trades a pair of the noisy
    /// items for its gains on partial translations, which a pass of their own finds (at least 2.5
    /// per sentence there, see `src/align/partial.rs`); the coarse pass that guides the band on
    /// large documents always uses at least 1 per sentence.
    pub null_run_discount: f64,
    /// Factor on the cost of leaving a sentence unpaired before the other document's first sentence
    /// is paired or after its last is: an untranslated beginning or end. Default 0.6, the highest
    /// value that finds the untranslated half of the dev set's 20,000-sentence item (0.5 and below
    /// lose pairs of the raw dev items); the coarse pass that guides the band uses at most 0.5.
    pub end_null_factor: f64,
    /// The most it costs to leave a sentence of page furniture unpaired: a caption, a credit, a
    /// "follow us" or "read more" prompt, a dateline or a byline, which a translation often drops.
    pub furniture_null_cost: f64,
    /// Cost lowered per number shared by a bead's sides.
    pub number_match_bonus: f64,
    /// Cost added per number on one side contradicted by a different number on the other.
    pub number_conflict_cost: f64,
    /// Cost added per number on one side with no number left to match on the other.
    pub number_missing_cost: f64,
    /// Cost lowered per name shared by a bead's sides.
    pub name_match_bonus: f64,
    /// At most this many shared numbers, and as many shared names, count for one bead.
    pub anchor_cap: u32,
    /// Cost lowered per word shared by a bead's sides: an Arabic word of the built-in lexicon
    /// whose English rendering the English side shows.
    pub word_match_bonus: f64,
    /// Cost added per word of the Arabic side found in the built-in lexicon whose rendering the
    /// English side does not show: evidence that the two sides are not translations.
    pub word_missing_cost: f64,
    /// At most this many shared words, and as many missing ones, count for one bead.
    pub word_cap: u32,
    /// Cost of a bead boundary that ends a paragraph on one side only, or of a bead that crosses a
    /// paragraph boundary, when both documents are raw text with paragraphs.
    pub paragraph_cost: f64,
    /// Whether raw documents that both have paragraphs are aligned paragraphs first: the sentence
    /// program is held inside the paragraph beads, where the paragraphs are parallel enough to be
    /// trusted (see `docs/design.md`). Default true; false always runs the flat program.
    pub paragraph_first: bool,
    /// Document pairs whose lengths are off the length ratio by more than a factor of 1.5 (one side
    /// has text the other lacks) and whose whole table has at most this many cells — (Arabic
    /// sentences + 1) × (English sentences + 1) — are aligned over the whole table, without a band:
    /// the exact optimum wherever the extra text lies. 0 always uses the band.
    pub full_table_cells: usize,
    /// Half-width of the first band, in sentences.
    pub band_width: usize,
    /// The band is widened (doubling) up to this half-width while the best path touches its edge.
    pub max_band_width: usize,
    /// Largest document accepted, in bytes.
    pub max_input_bytes: usize,
    /// Longest sentence accepted, in bytes. It bounds the work on one sentence, such as a file
    /// that is one huge line without sentence punctuation.
    pub max_sentence_bytes: usize,
    /// What each bead's score measures: translation quality (the default) or only the aligner's
    /// confidence.
    pub scoring: Scoring,
    /// The share of pairs the quality score assumes are correct translations before it reads any
    /// evidence, from 0 to 1 (exclusive). A pair with no evidence either way scores about this
    /// much; evidence moves it up or down. Default 0.9: in a real document most pairs are right.
    /// The weights were fitted with the classes weighed evenly, so this prior alone carries the
    /// class balance.
    pub quality_prior: f64,
}

/// What a [`Bead::score`] measures, and so how much work each bead costs.
///
/// ```
/// use qalign::{Aligner, align::Scoring};
///
/// let ar = "قال الوزير إن الحرب انتهت.";
/// let en = "The minister said the war was over.";
/// let quality = Aligner::new().align(ar, en)?;
/// let confidence = Aligner::builder().scoring(Scoring::Confidence).build()?.align(ar, en)?;
/// // The same beads; only the scores and what explains them differ.
/// assert_eq!(quality.beads[0].tgt, confidence.beads[0].tgt);
/// assert_eq!(Some(confidence.beads[0].score), confidence.beads[0].components.alignment);
/// # Ok::<(), qalign::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
#[serde(rename_all = "lowercase")]
pub enum Scoring {
    /// The translation-quality score of [`crate::Scorer`], with every signal in
    /// [`Bead::components`] and the findings a reviewer acts on. The default.
    #[default]
    Quality,
    /// The aligner's confidence alone, for corpus alignment where only the pairs matter: a paired
    /// bead's score is [`Components::alignment`], its components hold only the length `δ` and the
    /// confidence (the other signals are left at zero), and its only possible finding is a
    /// misalignment when the confidence is below one half; unpaired sentences keep their omission and
    /// addition findings. On long documents this more than halves the time after preparation.
    /// [`crate::verdict::Verdict`] and the [`Summary`] read the scores as they are: their weights were chosen
    /// with quality scores.
    Confidence,
}

impl Default for Config {
    /// The defaults, measured on the NTREX Arabic–English dev set (see `docs/design.md`).
    fn default() -> Config {
        Config {
            length_ratio: DEFAULT_LENGTH_MODEL.ratio,
            length_variance: DEFAULT_LENGTH_MODEL.variance,
            ratio_prior_sentences: 1.0,
            two_one_cost: 4.0,
            two_two_cost: 8.0,
            three_one_cost: 8.0,
            null_cost: 3.0,
            null_cost_per_char: 0.01,
            null_run_discount: 0.0,
            end_null_factor: 0.6,
            furniture_null_cost: 0.5,
            number_match_bonus: 3.0,
            number_conflict_cost: 1.0,
            number_missing_cost: 1.5,
            name_match_bonus: 3.0,
            anchor_cap: 4,
            word_match_bonus: 0.25,
            word_missing_cost: 0.0,
            word_cap: 8,
            paragraph_cost: 0.0,
            paragraph_first: true,
            // About 5 MB of table: 2 bytes of back-pointer and 3 of anchor-pair sums a cell.
            full_table_cells: 1 << 20,
            band_width: 16,
            max_band_width: 64,
            max_input_bytes: 256 << 20,
            // Real sentences, even unpunctuated Arabic paragraphs, are a few KiB.
            max_sentence_bytes: 1 << 20,
            scoring: Scoring::Quality,
            quality_prior: DEFAULT_QUALITY_PRIOR,
        }
    }
}

impl From<&Config> for Scorer {
    /// The scorer of an aligner with this configuration: its length model and quality prior.
    ///
    /// ```
    /// use qalign::{Aligner, Scorer};
    ///
    /// let config = Aligner::builder().quality_prior(0.5).build()?.config().clone();
    /// assert_eq!(Scorer::from(&config).prior(), 0.5);
    /// # Ok::<(), qalign::Error>(())
    /// ```
    fn from(config: &Config) -> Scorer {
        let model = LengthModel { ratio: config.length_ratio, variance: config.length_variance };
        Scorer::with_model(model, config.quality_prior)
    }
}

/// Configures and builds an [`Aligner`].
///
/// ```
/// use qalign::Aligner;
///
/// let aligner = Aligner::builder().band_width(32).null_cost(5.0).build()?;
/// assert_eq!(aligner.config().band_width, 32);
/// # Ok::<(), qalign::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct AlignerBuilder {
    config: Config,
    /// The dictionaries given, merged.
    dictionary: crate::dictionary::Dictionary,
    /// The termbases given, merged.
    termbase: crate::termbase::Termbase,
}

impl AlignerBuilder {
    /// Starts from [`Config::default`].
    pub fn new() -> AlignerBuilder {
        AlignerBuilder::default()
    }

    /// Starts from a whole configuration.
    pub fn config(mut self, config: Config) -> AlignerBuilder {
        self.config = config;
        self
    }

    /// Expected English characters per Arabic character. Default 1.078; must be positive.
    pub fn length_ratio(mut self, ratio: f64) -> AlignerBuilder {
        self.config.length_ratio = ratio;
        self
    }

    /// Sets [`Config::null_cost`]. Higher values leave fewer sentences unpaired.
    pub fn null_cost(mut self, cost: f64) -> AlignerBuilder {
        self.config.null_cost = cost;
        self
    }

    /// Half-width of the first band in sentences. Default 16; must be at least 1. The band widens by
    /// itself when the alignment needs it.
    pub fn band_width(mut self, width: usize) -> AlignerBuilder {
        self.config.band_width = width;
        self
    }

    /// Pairs whose lengths are off the length ratio by more than a factor of 1.5, with at most this
    /// many cells, (Arabic sentences + 1) × (English sentences + 1), are aligned over the whole
    /// table instead of a band. Default 2²⁰ (1,048,576; about 0.3 s at 1000 × 1000 sentences);
    /// 0 always uses the band.
    ///
    /// ```
    /// use qalign::Aligner;
    ///
    /// let banded = Aligner::builder().full_table_cells(0).band_width(1).build()?;
    /// let alignment = banded.align_lines("واحد\nاثنان\nثلاثة", "one\ntwo\nthree")?;
    /// assert_eq!(alignment.beads.len(), 3);
    /// # Ok::<(), qalign::Error>(())
    /// ```
    pub fn full_table_cells(mut self, cells: usize) -> AlignerBuilder {
        self.config.full_table_cells = cells;
        self
    }

    /// Largest document accepted, in bytes. Default 256 MiB; must be below 4 GiB.
    pub fn max_input_bytes(mut self, bytes: usize) -> AlignerBuilder {
        self.config.max_input_bytes = bytes;
        self
    }

    /// Longest sentence accepted, in bytes. Default 1 MiB; must be at least 1. Longer sentences make
    /// alignment fail with [`Error::SentenceTooLong`].
    ///
    /// ```
    /// use qalign::{Aligner, Error, error::Side};
    ///
    /// let aligner = Aligner::builder().max_sentence_bytes(20).build()?;
    /// let err = aligner.align("قال.", "It rained all day long without a stop.").unwrap_err();
    /// assert!(matches!(err, Error::SentenceTooLong { side: Side::Target, sentence: 0, size: 38, limit: 20 }));
    /// # Ok::<(), qalign::Error>(())
    /// ```
    pub fn max_sentence_bytes(mut self, bytes: usize) -> AlignerBuilder {
        self.config.max_sentence_bytes = bytes;
        self
    }

    /// What each bead's score measures. Default [`Scoring::Quality`].
    pub fn scoring(mut self, scoring: Scoring) -> AlignerBuilder {
        self.config.scoring = scoring;
        self
    }

    /// Adds a bilingual dictionary read at run time (a [`crate::dictionary::Dictionary`]) to the lexicons the
    /// quality score reads; a second call adds a second dictionary. See
    /// [`Scorer::with_dictionary`]. Default: none.
    ///
    /// ```
    /// use qalign::{Aligner, dictionary::Dictionary};
    ///
    /// let dictionary = Dictionary::from_tsv("زرافة\tgiraffe\n")?;
    /// let aligner = Aligner::builder().dictionary(dictionary).build()?;
    /// let alignment = aligner.align("رأينا الزرافة.", "We saw the giraffe.")?;
    /// assert_eq!(alignment.beads[0].components.dictionary_matched, 1);
    /// # Ok::<(), qalign::Error>(())
    /// ```
    pub fn dictionary(mut self, dictionary: crate::dictionary::Dictionary) -> AlignerBuilder {
        self.dictionary.extend(dictionary);
        self
    }

    /// Adds a termbase (a [`crate::termbase::Termbase`]) whose terms are checked in every bead (see
    /// [`Scorer::with_termbase`]) and serve the aligner as anchors: a bead whose Arabic holds a term
    /// and whose English one of its renderings counts them as a shared name. A second call adds a
    /// second termbase. Default: none.
    ///
    /// ```
    /// use qalign::{Aligner, FindingKind, termbase::Termbase};
    ///
    /// let termbase = Termbase::from_tsv("البنك الدولي\tWorld Bank\n")?;
    /// let aligner = Aligner::builder().termbase(termbase).build()?;
    /// let alignment = aligner.align("قال البنك الدولي إن النمو تباطأ.", "The global bank said growth slowed.")?;
    /// assert!(alignment.beads[0].findings.iter().any(|f| f.kind == FindingKind::Terminology));
    /// # Ok::<(), qalign::Error>(())
    /// ```
    pub fn termbase(mut self, termbase: crate::termbase::Termbase) -> AlignerBuilder {
        self.termbase.extend(termbase);
        self
    }

    /// Sets [`Config::quality_prior`], the share of pairs the quality score assumes are correct
    /// before reading any evidence (default 0.9).
    pub fn quality_prior(mut self, prior: f64) -> AlignerBuilder {
        self.config.quality_prior = prior;
        self
    }

    /// Checks the configuration and builds the aligner. The first aligner built starts loading the
    /// built-in lexicon, which every alignment reads, on a thread of its own, while the caller reads
    /// its input.
    ///
    /// # Errors
    /// [`Error::Config`] names the first setting out of range.
    pub fn build(&self) -> Result<Aligner> {
        static LOAD_LEXICON: std::sync::Once = std::sync::Once::new();
        // Not on rayon's pool, which a caller may still mean to configure; if no thread can be made,
        // the lexicon is loaded where it is first read, as it would be anyway.
        LOAD_LEXICON.call_once(|| {
            let load = || {
                std::sync::LazyLock::force(&crate::quality::lexicon::BUILTIN);
            };
            let _ = std::thread::Builder::new().name("qalign-lexicon".into()).spawn(load);
        });
        let c = &self.config;
        let bad =
            |name: &'static str, message: &str| Err(Error::Config { name, message: message.to_owned() });
        let costs = [
            ("length_variance", c.length_variance),
            ("ratio_prior_sentences", c.ratio_prior_sentences),
            ("two_one_cost", c.two_one_cost),
            ("two_two_cost", c.two_two_cost),
            ("three_one_cost", c.three_one_cost),
            ("null_cost", c.null_cost),
            ("null_cost_per_char", c.null_cost_per_char),
            ("null_run_discount", c.null_run_discount),
            ("end_null_factor", c.end_null_factor),
            ("furniture_null_cost", c.furniture_null_cost),
            ("number_match_bonus", c.number_match_bonus),
            ("number_conflict_cost", c.number_conflict_cost),
            ("number_missing_cost", c.number_missing_cost),
            ("name_match_bonus", c.name_match_bonus),
            ("word_match_bonus", c.word_match_bonus),
            ("word_missing_cost", c.word_missing_cost),
            ("paragraph_cost", c.paragraph_cost),
        ];
        if !(c.length_ratio.is_finite() && c.length_ratio > 0.0) {
            return bad("length_ratio", "must be a positive number");
        }
        if let Some((name, _)) = costs.iter().find(|(_, v)| !(v.is_finite() && *v >= 0.0)) {
            return bad(name, "must be a finite non-negative number");
        }
        if c.null_run_discount > c.null_cost {
            return bad("null_run_discount", "must be at most null_cost");
        }
        if c.length_variance == 0.0 {
            return bad("length_variance", "must be positive");
        }
        if c.band_width == 0 {
            return bad("band_width", "must be at least 1");
        }
        if c.max_band_width < c.band_width {
            return bad("max_band_width", "must be at least band_width");
        }
        if c.max_input_bytes > u32::MAX as usize {
            return bad("max_input_bytes", "must be below 4 GiB");
        }
        if c.max_sentence_bytes == 0 {
            return bad("max_sentence_bytes", "must be at least 1");
        }
        if !(c.quality_prior > 0.0 && c.quality_prior < 1.0) {
            return bad("quality_prior", "must lie strictly between 0 and 1");
        }
        let scorer =
            Scorer::from(&self.config).with_dictionary(&self.dictionary).with_termbase(&self.termbase);
        Ok(Aligner { config: self.config.clone(), scorer, partial_pass: true })
    }
}

/// One aligned unit: Arabic sentences and the English sentences that render them. Either side may be
/// empty (an unpaired sentence).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Bead {
    /// Arabic sentence indices (line numbers for pre-split input).
    pub src: Vec<usize>,
    /// English sentence indices (line numbers for pre-split input).
    pub tgt: Vec<usize>,
    /// Byte spans of the Arabic sentences in the Arabic input.
    pub src_spans: Vec<Span>,
    /// Byte spans of the English sentences in the English input.
    pub tgt_spans: Vec<Span>,
    /// The Arabic sentences' original text, joined by a space.
    pub src_text: String,
    /// The English sentences' original text, joined by a space.
    pub tgt_text: String,
    /// The bead's cost in the dynamic program (nats; lower is better).
    pub cost: f64,
    /// The quality score from 0 to 1: how likely the English is a correct and complete translation
    /// of the Arabic (see [`crate::Quality`]); 0 for an unpaired sentence.
    pub score: f64,
    /// What a reviewer should look at in this bead; an unpaired sentence carries an `omission`
    /// (Arabic only) or `addition` (English only) finding.
    #[serde(default)]
    pub findings: Vec<Finding>,
    /// The signals the score was computed from, the aligner's confidence among them.
    #[serde(default)]
    pub components: Components,
}

impl Bead {
    /// Whether one side of the bead is empty.
    pub fn is_null(&self) -> bool {
        self.src.is_empty() || self.tgt.is_empty()
    }
}

/// The beads of two documents, in document order. Every sentence of both documents is in exactly
/// one bead.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Alignment {
    /// The beads in document order.
    pub beads: Vec<Bead>,
    /// The document's quality at a glance, computed from the beads.
    #[serde(default)]
    pub summary: Summary,
}

impl Alignment {
    /// The beads with sentences on both sides.
    pub fn pairs(&self) -> impl Iterator<Item = &Bead> {
        self.beads.iter().filter(|b| !b.is_null())
    }
}

/// Aligns Arabic documents with their English translations.
///
/// ```
/// use qalign::Aligner;
///
/// let aligner = Aligner::new();
/// let ar = "قال روجوزين إن التجارة بلغت ملياري دولار في 2015. وزار بغداد يوم الخميس.";
/// let en = "Rogozin said trade reached $2 billion in 2015. He visited Baghdad on Thursday.";
/// let alignment = aligner.align(ar, en)?;
/// let pairs: Vec<(Vec<usize>, Vec<usize>)> =
///     alignment.beads.iter().map(|b| (b.src.clone(), b.tgt.clone())).collect();
/// assert_eq!(pairs, [(vec![0], vec![0]), (vec![1], vec![1])]);
/// # Ok::<(), qalign::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Aligner {
    config: Config,
    scorer: Scorer,
    /// Whether a pair whose sentence counts differ is first aligned as a partial translation
    /// ([`partial::path`]); document matching, whose verdicts were measured on the plain
    /// alignment, turns it off.
    pub(crate) partial_pass: bool,
}

impl Default for Aligner {
    fn default() -> Aligner {
        Aligner::new()
    }
}

impl Aligner {
    /// An aligner with the default configuration.
    pub fn new() -> Aligner {
        let config = Config::default();
        Aligner { scorer: Scorer::from(&config), config, partial_pass: true }
    }

    /// A builder to configure an aligner.
    pub fn builder() -> AlignerBuilder {
        AlignerBuilder::new()
    }

    /// The configuration in use.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Aligns raw article text: Arabic `ar` and English `en`. Empty or blank documents are fine: an
    /// empty alignment, or the other side's sentences each in a null bead.
    ///
    /// # Errors
    /// [`Error::InputTooLarge`] when a document is over the configured limit,
    /// [`Error::SentenceTooLong`] when a sentence is.
    pub fn align(&self, ar: &str, en: &str) -> Result<Alignment> {
        self.align_with(ar, en, Segmentation::Raw)
    }

    /// Aligns two raw documents given as bytes, read and checked as `qalign align` reads two files
    /// ([`crate::input::read_pair`] with the default options): UTF-8 with or without a byte-order
    /// mark, UTF-16 with one, or Arabic in a Windows-1256 or ISO-8859-6 code page; neither empty,
    /// each in its language's script, not swapped. Spans are byte offsets into the decoded text
    /// (into the file for UTF-8; see [`crate::input`]). [`Aligner::align`] takes text as it is.
    ///
    /// ```
    /// use qalign::{Aligner, Error};
    ///
    /// let ar = b"\xEF\xBB\xBF\xD9\x82\xD8\xA7\xD9\x84."; // UTF-8 with a byte-order mark: "قال."
    /// let en = b"\xFF\xFEH\0e\0 \0s\0a\0i\0d\0.\0"; // UTF-16 LE: "He said."
    /// let alignment = Aligner::new().align_bytes(ar, en)?;
    /// assert_eq!(alignment.beads[0].tgt_text, "He said.");
    /// assert!(matches!(Aligner::new().align_bytes(en, ar), Err(Error::Swapped)));
    /// # Ok::<(), qalign::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`crate::input::read_pair`], then as [`Aligner::align`].
    pub fn align_bytes(&self, ar: &[u8], en: &[u8]) -> Result<Alignment> {
        let options = crate::input::ReadOptions::new();
        let (ar, en) = crate::input::read_pair(ar.to_vec(), en.to_vec(), options)?;
        self.align(&ar.text, &en.text)
    }

    /// Aligns the raw documents in two files, read and checked as [`Aligner::align_bytes`] reads
    /// bytes.
    ///
    /// # Errors
    /// [`Error::Io`] when a file cannot be read, [`Error::InputTooLarge`] when one is over twice
    /// the configured limit (UTF-16 may take twice the bytes of its text); then as
    /// [`Aligner::align_bytes`].
    pub fn align_files(
        &self,
        ar: impl AsRef<std::path::Path>,
        en: impl AsRef<std::path::Path>,
    ) -> Result<Alignment> {
        let limit = self.config.max_input_bytes;
        let read = |path: &std::path::Path, side| -> Result<Vec<u8>> {
            let size = usize::try_from(std::fs::metadata(path)?.len()).unwrap_or(usize::MAX);
            if size > limit.saturating_mul(2).saturating_add(2) {
                return Err(Error::InputTooLarge { side, size, limit });
            }
            Ok(std::fs::read(path)?)
        };
        let (ar, en) = (read(ar.as_ref(), Side::Source)?, read(en.as_ref(), Side::Target)?);
        self.align_bytes(&ar, &en)
    }

    /// Aligns pre-split text: one sentence per line. Bead indices are line numbers.
    ///
    /// # Errors
    /// [`Error::InputTooLarge`] when a document is over the configured limit,
    /// [`Error::SentenceTooLong`] when a line is.
    pub fn align_lines(&self, ar: &str, en: &str) -> Result<Alignment> {
        self.align_with(ar, en, Segmentation::Lines)
    }

    /// Aligns many raw document pairs in parallel (rayon); results come back in input order, each
    /// equal to what [`Aligner::align`] returns for that pair.
    ///
    /// ```
    /// use qalign::Aligner;
    ///
    /// let pairs = [("مرحبا.", "Hello."), ("شكرا جزيلا.", "Thank you very much.")];
    /// let results = Aligner::new().align_batch(&pairs);
    /// assert_eq!(results.len(), 2);
    /// assert!(results.iter().all(|r| r.as_ref().is_ok_and(|a| a.beads.len() == 1)));
    /// ```
    pub fn align_batch<A, E>(&self, pairs: &[(A, E)]) -> Vec<Result<Alignment>>
    where
        A: AsRef<str> + Sync,
        E: AsRef<str> + Sync,
    {
        use rayon::prelude::*;
        pairs.par_iter().map(|(ar, en)| self.align(ar.as_ref(), en.as_ref())).collect()
    }

    fn align_with(&self, ar: &str, en: &str, segmentation: Segmentation) -> Result<Alignment> {
        let (src, tgt) = self.prepare(ar, en, segmentation)?;
        Ok(self.align_documents(&src, &tgt))
    }

    /// Prepares both documents for [`Aligner::align_documents`], checking the configured limits: what
    /// [`Aligner::align`] and [`Aligner::align_lines`] do before aligning. Raw text is aligned once
    /// here, and a sentence paired with two or more sentences of the other side is cut where they
    /// break (sentences the punctuation ran together); pre-split text keeps its lines. Useful when
    /// the documents are needed afterwards too, e.g. for a [`crate::verdict::Verdict`].
    ///
    /// ```
    /// use qalign::{Aligner, document::Segmentation, verdict::Verdict};
    ///
    /// let aligner = Aligner::new();
    /// let (ar, en) = aligner.prepare("قال روجوزين.", "Rogozin said.", Segmentation::Raw)?;
    /// let alignment = aligner.align_documents(&ar, &en);
    /// assert_eq!(alignment.pairs().count(), 1);
    /// let verdict = Verdict::new(&alignment, &ar, &en);
    /// assert!((0.0..=1.0).contains(&verdict.score));
    /// # Ok::<(), qalign::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InputTooLarge`] when a document is over the configured limit,
    /// [`Error::SentenceTooLong`] when a sentence is.
    pub fn prepare(&self, ar: &str, en: &str, segmentation: Segmentation) -> Result<(Document, Document)> {
        self.check_sizes(ar, en)?;
        self.prepare_owned(ar.to_owned(), en.to_owned(), segmentation)
    }

    /// [`Aligner::prepare`] on texts the documents take over: each document keeps its text with no
    /// copy of it, which halves the memory a long pair takes while it is prepared.
    ///
    /// ```
    /// use qalign::{Aligner, document::Segmentation};
    ///
    /// let aligner = Aligner::new();
    /// let (ar, en) = aligner.prepare_owned("قال.".to_owned(), "He said.".to_owned(), Segmentation::Lines)?;
    /// assert_eq!(aligner.align_documents(&ar, &en).pairs().count(), 1);
    /// # Ok::<(), qalign::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`Aligner::prepare`].
    pub fn prepare_owned(
        &self,
        ar: String,
        en: String,
        segmentation: Segmentation,
    ) -> Result<(Document, Document)> {
        self.check_sizes(&ar, &en)?;
        let limit = self.config.max_sentence_bytes;
        // Each document is indexed for the program as its sentences are prepared.
        let prepare = |text, lang, side| {
            Document::with_limit(text, lang, segmentation, limit, Some(dp::index_words(lang)))
                .map_err(|(sentence, size)| Error::SentenceTooLong { side, sentence, size, limit })
        };
        let (src, tgt) = rayon::join(
            || prepare(ar, Lang::Arabic, Side::Source),
            || prepare(en, Lang::English, Side::Target),
        );
        let (src, tgt) = (src?, tgt?);
        if segmentation != Segmentation::Raw {
            return Ok((src, tgt));
        }
        // Raw text: sentences run together without punctuation are cut where their translation
        // breaks (see `resplit`).
        let (src_cuts, tgt_cuts) = resplit::guided_cuts(&self.path(&src, &tgt), &src, &tgt);
        if src_cuts.is_empty() && tgt_cuts.is_empty() {
            return Ok((src, tgt));
        }
        let recut = |doc: Document, cuts: &[usize]| {
            if cuts.is_empty() {
                return doc;
            }
            let doc = doc.with_cuts(cuts);
            dp::side_data(&doc);
            doc
        };
        let (src, tgt) = rayon::join(|| recut(src, &src_cuts), || recut(tgt, &tgt_cuts));
        Ok((src, tgt))
    }

    /// Fails when a document is over [`Config::max_input_bytes`].
    fn check_sizes(&self, ar: &str, en: &str) -> Result<()> {
        for (side, text) in [(Side::Source, ar), (Side::Target, en)] {
            if text.len() > self.config.max_input_bytes {
                return Err(Error::InputTooLarge {
                    side,
                    size: text.len(),
                    limit: self.config.max_input_bytes,
                });
            }
        }
        Ok(())
    }

    /// The best path of beads through two prepared documents: paragraphs first when both are raw
    /// text with paragraphs parallel enough to be trusted (see `paragraphs`), each section of
    /// sentences then on its own; otherwise the flat program over all sentences.
    fn path(&self, src: &Document, tgt: &Document) -> Vec<Step> {
        let terms = self.scorer.termbase().map(|termbase| term_postings(termbase, src, tgt));
        let (src_terms, tgt_terms) = match &terms {
            Some((s, t)) => (s.as_slice(), t.as_slice()),
            None => (&[][..], &[][..]),
        };
        let (src_side, tgt_side) = (whole_side(src, src_terms), whole_side(tgt, tgt_terms));
        let prep = Prepared::from_sides(&src_side, &tgt_side);
        let ratio = self.document_ratio(&prep);
        let raw = src.segmentation() == Segmentation::Raw && tgt.segmentation() == Segmentation::Raw;
        let sections = if raw && self.config.paragraph_first {
            paragraphs::sections(&self.config, ratio, src, tgt)
        } else {
            None
        };
        let Some(sections) = sections else {
            return if self.partial_pass {
                partial::path(&self.config, ratio, &prep)
            } else {
                dp::best_path(&self.config, ratio, &prep)
            };
        };
        // The sentences `range` of a document as a side of their own, with the terms they hold.
        let part = |doc: &Document, range: &std::ops::Range<usize>, terms: &[KeyPosting]| {
            let side = dp::side_data_of(doc, range.clone());
            let inside: Vec<KeyPosting> = terms
                .iter()
                .filter(|&&(_, k)| range.contains(&(k as usize)))
                .map(|&(key, k)| (key, k - range.start as u32))
                .collect();
            if inside.is_empty() { side } else { side.with_names(&inside) }
        };
        // A section's ends are not the document's: a sentence left unpaired there is not an
        // untranslated beginning or end, and pays the full null cost.
        let mut inner = self.config.clone();
        inner.end_null_factor = 1.0;
        let mut path = Vec::with_capacity(src.sentences().len().max(tgt.sentences().len()));
        for (a, b) in sections {
            let (s, t) = (part(src, &a, src_terms), part(tgt, &b, tgt_terms));
            let shift = |(i, j): (usize, usize)| (i + a.start, j + b.start);
            path.extend(
                dp::best_path(&inner, ratio, &Prepared::from_sides(&s, &t)).into_iter().map(|step| Step {
                    from: shift(step.from),
                    to: shift(step.to),
                    cost: step.cost,
                }),
            );
        }
        path
    }

    /// Aligns two prepared documents.
    pub fn align_documents(&self, src: &Document, tgt: &Document) -> Alignment {
        let mut beads = Vec::new();
        let summary = self.align_documents_with(src, tgt, |chunk| {
            beads.extend(chunk);
            Ok::<(), std::convert::Infallible>(())
        });
        let Ok(summary) = summary;
        Alignment { beads, summary }
    }

    /// Aligns two prepared documents and hands the beads to `sink` in document order, a chunk at a
    /// time as they are scored, without holding them all; returns the document's summary. The beads
    /// and the summary are those of [`Aligner::align_documents`]: a long document can be written out
    /// in the memory of one chunk of beads. Stops at the first error `sink` returns.
    ///
    /// ```
    /// use qalign::{Aligner, document::Segmentation};
    ///
    /// let aligner = Aligner::new();
    /// let (ar, en) = aligner.prepare("قال الوزير.\nوزار بغداد.", "The minister said.\nHe visited Baghdad.", Segmentation::Lines)?;
    /// let mut pairs = 0;
    /// let summary = aligner.align_documents_with(&ar, &en, |beads| {
    ///     pairs += beads.iter().filter(|b| !b.is_null()).count();
    ///     Ok::<(), std::io::Error>(())
    /// })?;
    /// assert_eq!(pairs, 2);
    /// assert_eq!(summary, aligner.align_documents(&ar, &en).summary);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// The first error `sink` returns.
    pub fn align_documents_with<E>(
        &self,
        src: &Document,
        tgt: &Document,
        mut sink: impl FnMut(Vec<Bead>) -> std::result::Result<(), E>,
    ) -> std::result::Result<Summary, E> {
        // The program runs on one thread or two (see `dp`); the sentences' consistency keys are made
        // meanwhile on any other.
        let quality = self.config.scoring == Scoring::Quality;
        let (path, keys) = rayon::join(
            || self.path(src, tgt),
            || quality.then(|| rayon::join(|| ConsistencyKeys::new(src), || ConsistencyKeys::new(tgt))),
        );
        // What the beads' confidence reads: the sentences' lengths.
        let prep = Prepared::new(src, tgt);
        // Found from the path before any bead is scored, the two at once: what a bead's findings need
        // from other beads (the sentences' keys are dropped once read), and what the confidence of
        // the beads near an unpaired run reads: the margin against moving the run's edge, and
        // between two runs of one side against trading places with them, costed with the length
        // ratio measured on the path's pairs where it leaves a run.
        let (consistency, margins) = rayon::join(
            || match keys {
                Some(keys) => consistency(&path, (src, &keys.0), (tgt, &keys.1)),
                None => Vec::new(),
            },
            || {
                let ratio = partial::ratio(&self.config, self.document_ratio(&prep), &prep, &path);
                partial::margins(&self.config, ratio, &prep, &path)
            },
        );
        let mut consistency = consistency.into_iter().peekable();
        let margin = |k: usize| margins.binary_search_by_key(&k, |&(e, _)| e).ok().map(|at| margins[at].1);
        let sure = |k: usize| self.confidence(&prep, &path[k], margin(k)) >= SURE_EDGE_CONFIDENCE;
        let blocks = unpaired_blocks(&path, src, tgt, sure);
        let mut blocks = blocks.into_iter().peekable();
        let mut tally = Tally::default();
        // Beads are scored independently; a short document is cheaper to score on this thread.
        let score = |chunk: usize| -> Vec<Bead> {
            let first = chunk * STREAM_CHUNK_BEADS;
            let steps = &path[first..(first + STREAM_CHUNK_BEADS).min(path.len())];
            let bead = |(k, step): (usize, &Step)| self.bead(src, tgt, &prep, step, margin(k));
            if steps.len() < PARALLEL_MIN_BEADS {
                (first..).zip(steps).map(bead).collect()
            } else {
                steps.par_iter().enumerate().map(|(k, step)| bead((first + k, step))).collect()
            }
        };
        let chunks = path.len().div_ceil(STREAM_CHUNK_BEADS);
        let mut scored = (chunks > 0).then(|| score(0));
        for chunk in 0..chunks {
            let Some(mut beads) = scored.take() else { break };
            for (at, bead) in (chunk * STREAM_CHUNK_BEADS..).zip(&mut beads) {
                while let Some((_, finding)) = consistency.next_if(|(k, _)| *k == at) {
                    bead.findings.push(finding);
                }
                while blocks.next_if(|block| block.beads.end <= at).is_some() {}
                if let Some(block) = blocks.peek().filter(|block| block.beads.contains(&at)) {
                    bead.findings.retain(|f| f.kind != block.finding.kind);
                    if at == block.beads.start {
                        bead.findings.insert(0, block.finding.clone());
                    }
                }
                tally.add(bead);
            }
            // The next chunk is scored on the pool's threads while this one is handed out here.
            let next = chunk + 1;
            let sunk = rayon::in_place_scope(|scope| {
                if next < chunks {
                    scope.spawn(|_| scored = Some(score(next)));
                }
                sink(beads)
            });
            sunk?;
        }
        Ok(tally.summary())
    }

    /// The length ratio for one document pair: the model's ratio pulled toward the pair's own.
    fn document_ratio(&self, prep: &Prepared) -> f64 {
        let sentences = prep.src.len().min(prep.tgt.len());
        pulled_ratio(&self.config, prep.src.total_chars(), prep.tgt.total_chars(), sentences)
    }

    /// The alignment confidence of the bead of `step`, 0 for an unpaired sentence: how much cheaper
    /// the bead is than leaving its sentences unpaired, through a logistic curve (a margin of
    /// [`CONFIDENCE_SCALE`] nats reads as 0.73, twice that as 0.88), or, when `near_run` is given,
    /// that margin against the alternatives near a run of unpaired sentences ([`partial::margins`]),
    /// whichever is less. The plain null cost is the yardstick even for page furniture, whose lower
    /// cost only decides whether the program leaves it out: a caption paired with its translation
    /// stays confident.
    fn confidence(&self, prep: &Prepared, step: &Step, near_run: Option<f64>) -> f64 {
        let ((pi, pj), (i, j)) = (step.from, step.to);
        if i == pi || j == pj {
            return 0.0;
        }
        let unpaired = cost::null_cost(&self.config, prep.src.chars(pi, i))
            + cost::null_cost(&self.config, prep.tgt.chars(pj, j));
        let margin = (unpaired - step.cost).min(near_run.unwrap_or(f64::INFINITY));
        1.0 / (1.0 + (-margin / CONFIDENCE_SCALE).exp())
    }

    /// The bead of `step`; `near_run` is its margin against the alternatives near a run of unpaired
    /// sentences ([`partial::margins`]), which bounds its alignment confidence as the margin against
    /// leaving it unpaired does ([`Aligner::confidence`]).
    fn bead(
        &self,
        src: &Document,
        tgt: &Document,
        prep: &Prepared,
        step: &Step,
        near_run: Option<f64>,
    ) -> Bead {
        let (pi, pj) = step.from;
        let (i, j) = step.to;
        let side = |doc: &Document, range: std::ops::Range<usize>| {
            let sentences = &doc.sentences()[range.clone()];
            let ids = sentences.iter().map(|s| s.id()).collect();
            let spans = sentences.iter().map(|s| s.span()).collect();
            (ids, spans, joined_text(doc, range).into_owned())
        };
        let (src_ids, src_spans, src_text) = side(src, pi..i);
        let (tgt_ids, tgt_spans, tgt_text) = side(tgt, pj..j);
        let confidence = self.confidence(prep, step, near_run);
        // The normalized text the signals read is made again for the bead's sentences.
        let (src_sentences, tgt_sentences) =
            (src.normalized_sentences(pi..i), tgt.normalized_sentences(pj..j));
        let sides = ((src.text(), &src_sentences[..]), (tgt.text(), &tgt_sentences[..]));
        let quality = match self.config.scoring {
            Scoring::Quality => self.scorer.score_bead(sides.0, sides.1, confidence),
            Scoring::Confidence => self.scorer.confidence_bead(sides.0, sides.1, confidence),
        };
        Bead {
            src: src_ids,
            tgt: tgt_ids,
            src_spans,
            tgt_spans,
            src_text,
            tgt_text,
            cost: step.cost,
            score: quality.score,
            findings: quality.findings,
            components: quality.components,
        }
    }
}

/// The length ratio of `src_chars` Arabic and `tgt_chars` English characters, `sentences` of the
/// shorter side's sentences: the model's ratio pulled toward their own, the more the more sentences
/// and the nearer their ratio is to the model's.
pub(crate) fn pulled_ratio(c: &Config, src_chars: f64, tgt_chars: f64, sentences: usize) -> f64 {
    if src_chars <= 0.0 || tgt_chars <= 0.0 {
        return c.length_ratio;
    }
    let own = tgt_chars / src_chars;
    // A document ratio far from the model's says that one side has text the other lacks (a
    // translation followed by unrelated articles), not how long this translation runs: trust it
    // fully within a factor of 1.5, not at all beyond a factor of 2.
    let distance = (own / c.length_ratio).ln().abs();
    let trust = ((2f64.ln() - distance) / (2f64.ln() - 1.5f64.ln())).clamp(0.0, 1.0);
    let weight = trust * sentences as f64;
    let log = (weight * own.ln() + c.ratio_prior_sentences * c.length_ratio.ln())
        / (weight + c.ratio_prior_sentences);
    log.exp()
}

/// Tags the name keys of termbase terms, so that they never equal a name's key (a consonant skeleton,
/// below bit 60, or an acronym's hash, with bit 63).
const TERM_TAG: u64 = 1 << 62;

/// A document's side with extra name anchors `terms`.
fn whole_side<'a>(doc: &'a Document, terms: &[KeyPosting]) -> Cow<'a, SideData> {
    if terms.is_empty() {
        Cow::Borrowed(dp::side_data(doc))
    } else {
        Cow::Owned(dp::side_data(doc).with_names(terms))
    }
}

/// The termbase's terms as name anchors of both documents, as `(key, sentence)` pairs: the key of
/// term `t` on each Arabic sentence that holds it, and on each English sentence that holds one of
/// its allowed renderings (only the terms the Arabic document holds are looked for in the English).
fn term_postings(
    termbase: &crate::termbase::Termbase,
    src: &Document,
    tgt: &Document,
) -> (Vec<KeyPosting>, Vec<KeyPosting>) {
    let mut src_keys: Vec<KeyPosting> = Vec::new();
    for (k, s) in src.sentences().iter().enumerate() {
        for found in termbase.find_arabic(&src.normalized(s)) {
            src_keys.push((TERM_TAG | found.term as u64, k as u32));
        }
    }
    let mut terms: Vec<usize> = src_keys.iter().map(|&(key, _)| (key & !TERM_TAG) as usize).collect();
    terms.sort_unstable();
    terms.dedup();
    let mut tgt_keys: Vec<KeyPosting> = Vec::new();
    if !terms.is_empty() {
        for (k, s) in tgt.sentences().iter().enumerate() {
            let words: Vec<_> = crate::termbase::english_words(tgt.sentence_text(s)).collect();
            for &t in &terms {
                if termbase.find_english(t, &words).is_some() {
                    tgt_keys.push((TERM_TAG | t as u64, k as u32));
                }
            }
        }
    }
    (src_keys, tgt_keys)
}

/// The original text of sentences `range` of `doc`, joined by a space: a bead side's text.
fn joined_text(doc: &Document, range: std::ops::Range<usize>) -> Cow<'_, str> {
    match &doc.sentences()[range] {
        [one] => Cow::Borrowed(doc.sentence_text(one)),
        sentences => Cow::Owned(sentences.iter().map(|s| doc.sentence_text(s)).collect::<Vec<_>>().join(" ")),
    }
}

/// The consistency key of each sentence of a document on its own (see
/// [`crate::quality::consistency::normalized_key`]), from its normalized text, made again.
struct ConsistencyKeys(Vec<Option<crate::quality::consistency::Key>>);

impl ConsistencyKeys {
    fn new(doc: &Document) -> ConsistencyKeys {
        use crate::quality::consistency::normalized_key;
        ConsistencyKeys(
            doc.sentences()
                .par_iter()
                .map(|s| normalized_key(std::iter::once(doc.normalized(s).as_str())))
                .collect(),
        )
    }
}

/// The document's consistency findings for the paired beads of `path`, as `(bead, finding)` in bead
/// order: the same Arabic rendered differently, the same English for different Arabic (see
/// [`Scorer::score_document`]); `others` are bead numbers. Each document comes with its sentences'
/// keys.
fn consistency(
    path: &[Step],
    src: (&Document, &ConsistencyKeys),
    tgt: (&Document, &ConsistencyKeys),
) -> Vec<(usize, Finding)> {
    use crate::quality::consistency::{Key, consistency, normalized_key};
    // The key of sentences `range` of a document: a sentence's own key, made while the program ran,
    // or the key of the sentences together, their normalized text made again.
    fn key((doc, keys): (&Document, &ConsistencyKeys), range: std::ops::Range<usize>) -> Option<Key> {
        match &doc.sentences()[range.clone()] {
            [_] => keys.0[range.start],
            sentences => {
                let texts: Vec<String> = sentences.iter().map(|s| doc.normalized(s)).collect();
                normalized_key(texts.iter().map(String::as_str))
            }
        }
    }
    let paired: Vec<usize> = (0..path.len()).filter(|&k| path[k].is_paired()).collect();
    // Each pair's keys are made on its own: in parallel.
    let keys: Vec<_> = paired
        .par_iter()
        .map(|&k| {
            let step = &path[k];
            (key(src, step.from.0..step.to.0), key(tgt, step.from.1..step.to.1))
        })
        .collect();
    // The span and text of a side of the pair that a finding is on.
    let segment = |i: usize, side: Side| {
        let step = &path[paired[i]];
        let (doc, range) = match side {
            Side::Source => (src.0, step.from.0..step.to.0),
            Side::Target => (tgt.0, step.from.1..step.to.1),
        };
        let sentences = &doc.sentences()[range.clone()];
        let span = match (sentences.first(), sentences.last()) {
            (Some(a), Some(b)) => Span { start: a.span().start, end: b.span().end },
            _ => Span { start: 0, end: 0 },
        };
        (span, joined_text(doc, range).into_owned())
    };
    let mut found: Vec<(usize, Finding)> =
        consistency(&keys, &segment, &|o| paired[o], 0).into_iter().map(|(i, f)| (paired[i], f)).collect();
    found.sort_by_key(|&(k, _)| k);
    found
}

/// A run of consecutive unpaired sentences on one side reported as one block (see
/// [`unpaired_blocks`]): the beads it spans and the one finding that stands for it.
struct Block {
    beads: std::ops::Range<usize>,
    finding: Finding,
}

/// The runs of consecutive unpaired sentences on one side of `path` (an untranslated block, a
/// dropped middle, text the other side lacks) that are blocks, in order: runs of at least
/// [`BLOCK_MIN_SENTENCES`], and runs of at least [`SHORT_BLOCK_MIN_SENTENCES`] whose neighbouring
/// paired beads (the nearest on either side, past unpaired sentences of the other side) are all
/// `sure` and none of whose sentences is page furniture (a dropped caption stays a minor finding).
/// Each comes with one finding over the whole run ("Arabic sentences 240–498 have no English"),
/// which takes the place of the findings each of its sentences has for having no counterpart.
/// Sentences are named by their ids in the beads (line numbers for pre-split input).
fn unpaired_blocks(
    path: &[Step],
    src: &Document,
    tgt: &Document,
    sure: impl Fn(usize) -> bool,
) -> Vec<Block> {
    let mut blocks = Vec::new();
    for dp::UnpairedRun { beads, side, sentences } in dp::unpaired_runs(path, SHORT_BLOCK_MIN_SENTENCES) {
        let (doc, side) = if side == 0 { (src, Side::Source) } else { (tgt, Side::Target) };
        let sentences = &doc.sentences()[sentences];
        if beads.len() < BLOCK_MIN_SENTENCES {
            let edges = [partial::paired_before(path, beads.start), partial::paired_after(path, beads.end)];
            let sure_edges = edges.iter().any(Option::is_some) && edges.into_iter().flatten().all(&sure);
            if !sure_edges || sentences.iter().any(|s| s.is_furniture()) {
                continue;
            }
        }
        let (Some(first), Some(last)) = (sentences.first(), sentences.last()) else { continue };
        let span = Span { start: first.span().start, end: last.span().end };
        let (first, last) = (first.id(), last.id());
        let (kind, message) = match side {
            Side::Source => {
                (FindingKind::Omission, format!("Arabic sentences {first}–{last} have no English"))
            }
            Side::Target => {
                (FindingKind::Addition, format!("English sentences {first}–{last} have no Arabic"))
            }
        };
        let finding = Finding::at(kind, Severity::Critical, side, doc.text(), span, message);
        blocks.push(Block { beads, finding });
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_are_anchors() {
        // A bead whose sides share a term costs less, so the aligner is more confident of it.
        let (ar, en) = ("وقع البنك الدولي الاتفاق.", "The World Bank signed the deal.");
        let plain = Aligner::new().align(ar, en).unwrap();
        let termbase = crate::termbase::Termbase::from_tsv("البنك الدولي\tWorld Bank\n").unwrap();
        let with_terms = Aligner::builder().termbase(termbase).build().unwrap().align(ar, en).unwrap();
        let confidence = |a: &Alignment| a.beads[0].components.alignment.unwrap();
        assert!(
            confidence(&with_terms) > confidence(&plain),
            "{} {}",
            confidence(&with_terms),
            confidence(&plain)
        );
        assert!(with_terms.beads[0].cost < plain.beads[0].cost);
    }

    #[test]
    fn consistency_findings_name_the_other_beads() {
        let ar = "قال الوزير إن الحرب انتهت.\nارتفعت الأسعار.\nقال الوزير إن الحرب انتهت.";
        let en = "The minister said the war was over.\nPrices rose.\nThe minister said the war had ended.";
        let a = Aligner::new().align_lines(ar, en).unwrap();
        let found: Vec<(usize, &Finding)> = a
            .beads
            .iter()
            .enumerate()
            .flat_map(|(k, b)| b.findings.iter().map(move |f| (k, f)))
            .filter(|(_, f)| f.kind == crate::FindingKind::Consistency)
            .collect();
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].0, found[0].1.others.clone()), (0, vec![2]));
        assert_eq!(found[0].1.message, "the same Arabic is translated differently in #2");
    }

    fn shape(a: &Alignment) -> Vec<(Vec<usize>, Vec<usize>)> {
        a.beads.iter().map(|b| (b.src.clone(), b.tgt.clone())).collect()
    }

    #[test]
    fn empty_sides_give_null_beads() {
        let aligner = Aligner::new();
        assert!(aligner.align("", "").unwrap().beads.is_empty());
        let a = aligner.align_lines("واحد\nاثنان", "").unwrap();
        assert_eq!(shape(&a), [(vec![0], vec![]), (vec![1], vec![])]);
        let a = aligner.align_lines("", "one\n\nthree").unwrap();
        assert_eq!(shape(&a), [(vec![], vec![0]), (vec![], vec![2])]);
    }

    #[test]
    fn page_furniture_is_left_unpaired_rather_than_absorbed() {
        // The English runs long, so absorbing the short Arabic prompt into a 2-1 bead fits the length
        // model better; as page furniture it is cheap to leave unpaired, and stays apart.
        let ar = "وقال المسؤول إن هناك سبلا لمعالجة الأزمة.\nتابعونا على تويتر\nوانتهى الاجتماع مساء الخميس.";
        let en = "And, according to the official, there are ways and means to tackle the crisis before winter comes.\n\
                  The meeting ended on Thursday evening.";
        let unmarked = Config { furniture_null_cost: 100.0, ..Config::default() };
        let plain = Aligner::builder().config(unmarked).build().unwrap();
        assert_eq!(shape(&plain.align_lines(ar, en).unwrap())[0], (vec![0, 1], vec![0]));
        let a = Aligner::new().align_lines(ar, en).unwrap();
        assert_eq!(shape(&a), [(vec![0], vec![0]), (vec![1], vec![]), (vec![2], vec![1])]);
    }

    #[test]
    fn a_run_of_unpaired_sentences_is_one_finding() {
        let ar = "قال الوزير إن الحرب انتهت.\nوزار بغداد يوم الخميس.\nثم عاد إلى موسكو.\nوالتقى الرئيس.\nوانتهى الاجتماع مساء.";
        let en = "The minister said the war was over.";
        let a = Aligner::new().align_lines(ar, en).unwrap();
        assert_eq!(shape(&a)[0], (vec![0], vec![0]));
        let blocks: Vec<&Finding> =
            a.beads.iter().flat_map(|b| &b.findings).filter(|f| f.kind == FindingKind::Omission).collect();
        assert_eq!(blocks.len(), 1, "{blocks:?}");
        assert_eq!(blocks[0].message, "Arabic sentences 1–4 have no English");
        assert_eq!(blocks[0].severity, Severity::Critical);
        assert!(blocks[0].evidence.starts_with("وزار") && blocks[0].evidence.ends_with("مساء."));
        assert_eq!(a.summary.findings[&FindingKind::Omission], 1);
        // Two unpaired sentences next to a doubtful pair stay two findings.
        let a = Aligner::new().align_lines(ar, "The minister said the war was over.\nHe met the president.\nThe meeting ended in the evening.").unwrap();
        assert!(a.beads[2].components.alignment.is_some_and(|c| c < SURE_EDGE_CONFIDENCE));
        assert_eq!(shape(&a)[3..], [(vec![3], vec![]), (vec![4], vec![])]);
        assert!(a.beads.iter().flat_map(|b| &b.findings).all(|f| !f.message.contains("have no English")));
    }

    #[test]
    fn two_unpaired_sentences_between_sure_pairs_are_one_finding() {
        // Each sentence with two numbers of its own: the pairs around the gap are sure.
        let ar: Vec<String> = (0..5)
            .map(|k| format!("قال الوزير إن عدد الزوار بلغ {} في المدينة عام {}.", 100 + k * 7, 1950 + k))
            .collect();
        let en: Vec<String> = [0, 1, 4]
            .iter()
            .map(|k| {
                format!("The minister said visitors reached {} in the city in {}.", 100 + k * 7, 1950 + k)
            })
            .collect();
        let a = Aligner::new().align_lines(&ar.join("\n"), &en.join("\n")).unwrap();
        assert_eq!(shape(&a)[2..4], [(vec![2], vec![]), (vec![3], vec![])]);
        // One finding for the two, in place of one for each.
        let unpaired: Vec<&str> = a
            .beads
            .iter()
            .flat_map(|b| &b.findings)
            .map(|f| f.message.as_str())
            .filter(|m| m.contains("no English"))
            .collect();
        assert_eq!(unpaired, ["Arabic sentences 2–3 have no English"]);
        // A dropped prompt to follow the site is page furniture, a minor finding of its own.
        let mut with_prompt = ar.clone();
        with_prompt[3] = "تابعونا على تويتر".into();
        let a = Aligner::new().align_lines(&with_prompt.join("\n"), &en.join("\n")).unwrap();
        assert_eq!(shape(&a)[2..4], [(vec![2], vec![]), (vec![3], vec![])]);
        assert!(a.beads.iter().flat_map(|b| &b.findings).all(|f| !f.message.contains("have no English")));
        assert_eq!(a.beads[3].findings[0].severity, Severity::Minor);
    }

    #[test]
    fn public_types_are_send_and_sync() {
        fn check<T: Send + Sync + std::panic::UnwindSafe>() {}
        check::<Aligner>();
        check::<Alignment>();
        check::<Bead>();
        check::<Config>();
        check::<Summary>();
        // Error wraps io::Error, which is Send + Sync but not UnwindSafe.
        fn check_error<T: Send + Sync>() {}
        check_error::<Error>();
    }

    #[test]
    fn batch_matches_sequential() {
        let aligner = Aligner::new();
        let pairs = [
            ("قال إن 60% من السكان. ثم غادر.", "He said 60% of the people. Then he left."),
            ("", "Only English."),
            ("عنوان\n\nفقرة أولى. فقرة ثانية.", "Title\n\nFirst one. Second one."),
        ];
        let batch = aligner.align_batch(&pairs);
        for ((ar, en), got) in pairs.iter().zip(batch) {
            assert_eq!(got.unwrap(), aligner.align(ar, en).unwrap());
        }
    }

    #[test]
    fn bad_config_is_an_error() {
        assert!(Aligner::builder().band_width(0).build().is_err());
        assert!(Aligner::builder().length_ratio(f64::NAN).build().is_err());
        assert!(Aligner::builder().null_cost(-1.0).build().is_err());
    }

    #[test]
    fn too_large_input_is_an_error() {
        let aligner = Aligner::builder().max_input_bytes(4).build().unwrap();
        let err = aligner.align("12345", "").unwrap_err();
        assert!(matches!(err, Error::InputTooLarge { side: Side::Source, size: 5, limit: 4 }));
    }
}
