//! qalign pairs an Arabic article with its English translation sentence by sentence and scores every
//! pair, for translation QA teams, reviewers and corpus builders.
//!
//! ```
//! use qalign::Aligner;
//!
//! let ar = "روسيا تعزز العلاقات مع العراق\n\
//!           قال روجوزين إن حجم التجارة بلغ نحو ملياري دولار في 2015. وزار بغداد يوم الخميس.";
//! let en = "Russia boosts ties with Iraq\n\n\
//!           Posted 12 February 2016\n\n\
//!           Rogozin said trade reached about $2 billion in 2015. He visited Baghdad on Thursday.";
//! let alignment = Aligner::new().align(ar, en)?;
//! let beads: Vec<(Vec<usize>, Vec<usize>)> =
//!     alignment.beads.iter().map(|b| (b.src.clone(), b.tgt.clone())).collect();
//! // The titles pair, the English dateline has no Arabic counterpart, the sentences pair one to one.
//! assert_eq!(beads, [(vec![0], vec![0]), (vec![], vec![1]), (vec![1], vec![2]), (vec![2], vec![3])]);
//! assert_eq!(alignment.beads[2].tgt_text, "Rogozin said trade reached about $2 billion in 2015.");
//! // Each bead carries a quality score and findings: the dateline is an addition.
//! assert_eq!(alignment.beads[1].findings[0].kind, qalign::FindingKind::Addition);
//! // A good pair scores high; its one finding is minor, at word level: `حجم` (volume) of
//! // "trade volume" has no rendering in the English.
//! let pair = &alignment.beads[2];
//! assert!(pair.score > 0.9);
//! assert_eq!((pair.findings.len(), pair.findings[0].evidence.as_str()), (1, "حجم"));
//! assert_eq!(pair.findings[0].severity, qalign::quality::Severity::Minor);
//! # Ok::<(), qalign::Error>(())
//! ```
//!
//! # Overview
//!
//! - [`Aligner`] aligns two documents. It is built with defaults by [`Aligner::new`] or configured
//!   through [`AlignerBuilder`]; [`Config`] lists every knob with its default. [`Aligner::align`]
//!   takes raw article text, [`Aligner::align_bytes`] and [`Aligner::align_files`] bytes or files
//!   decoded and checked as the command line reads them, [`Aligner::align_lines`] pre-split text
//!   (one sentence per line), and [`Aligner::align_batch`] many pairs in parallel.
//! - [`Alignment`] holds the [`Bead`]s in document order: sentence indices, byte spans
//!   ([`document::Span`]) into the inputs, the original texts, the cost and a 0–1 quality score.
//!   Every input sentence is in exactly one bead.
//! - Each [`Bead`] carries its translation quality: a 0–1 `score`, `findings` ([`Finding`], typed by
//!   [`FindingKind`] after the MQM accuracy categories, with a [`quality::Severity`], the evidence
//!   and its byte span) and the [`quality::Components`] the score came from.
//!   [`Alignment::summary`] is the document's [`Summary`]. Pairs aligned elsewhere are scored by
//!   [`score_pair`] or a [`Scorer`] into a [`Quality`]; [`bilingual`] reads `ar<TAB>en` lines
//!   ([`bilingual::read_pairs`]) and the units of a TMX or XLIFF file from a CAT tool.
//! - [`termbase::Termbase`] holds a client's required and forbidden renderings of Arabic terms, read
//!   from TBX or TSV; a scorer or aligner given one adds `terminology` findings.
//! - [`Document`] is a text cut into sentences ([`document::Sentence`]: span, id, paragraph, length),
//!   each normalized once to read its length, numbers and index keys; the normalized text (about
//!   the text's size) and the names are made again when read ([`Document::normalized`]), never kept.
//! - [`input`] turns file bytes into text (UTF-8, with a BOM, UTF-16, Arabic code pages; strict or
//!   lossy), blanks HTML markup, and checks that a document is not empty and is in its language's
//!   script.
//! - [`verdict::Verdict`] says whether an English document translates an Arabic one: a 0–1 score
//!   from an alignment, with its evidence (coverage, anchor agreement in order, length, script).
//! - [`matching::Matcher`] finds, among many English documents, the translation of each of many
//!   Arabic ones: cheap fingerprints pick a few candidates, full alignment and a verdict confirm, and
//!   each English document goes to at most one Arabic document.
//! - [`output`] writes alignments as JSON lines, JSON, TSV, readable text, a TMX translation memory
//!   ([`output::write_tmx`]) or a side-by-side HTML QA report ([`output::write_html`]), and document
//!   matches.
//! - [`dictionary::Dictionary`] is a bilingual Arabic→English dictionary read at run time from the
//!   user's system: a dictd dictionary such as FreeDict's, or tab-separated pairs.
//! - [`batch`] reads and writes the JSON lines of many pairs at once, the format of `qalign batch`
//!   for engines such as Spark or Hadoop streaming.
//! - [`Error`] is the one error type; [`error::Side`] names a side of a pair.
//!
//! The crate root holds the names of the main job; the rest lives in the modules above, with
//! [`align::Scoring`] and [`document::Segmentation`] and [`document::Lang`] among them.
//!
//! # How it works
//!
//! Text is normalized for matching only (NFKD without marks, Arabic letter folding, digits of every
//! script read as ASCII); printed text is always the caller's original. Each sentence gets number
//! anchors (digits, number words in both languages, magnitudes with Arabic duals, fractions, multiples,
//! percentages, money, years, months) and name anchors (Latin consonant skeletons, so that روجوزين and
//! Rogozin meet). A dynamic program over beads 1-1, 1-0, 0-1, 2-1, 1-2, 2-2, and 1-N and N-1 up to N = 8, adds a
//! Gale–Church length cost calibrated for Arabic→English to anchor evidence, inside a band that widens
//! only where the path needs it, so time and memory grow linearly with document length. See
//! `docs/design.md` in the repository.
//!
//! # Crate features
//!
//! - `cli` (default): the `qalign` binary, the command line (`qalign align --help`, `qalign match
//!   --help`), and its dependencies (`clap`, `anyhow`). The library needs none of them:
//!   `default-features = false` leaves them out.

#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod align;
mod anchors;
pub mod batch;
pub mod bilingual;
pub mod dictionary;
pub mod document;
pub mod error;
pub mod input;
mod lang;
mod learn;
pub mod matching;
pub mod output;
pub mod quality;
pub mod termbase;
mod text;
pub mod verdict;
mod xml;

/// The evaluation data sets, for the unit tests that read them (one source with the tests').
#[cfg(test)]
#[path = "../tests/common/data.rs"]
pub(crate) mod test_data;

pub use align::{Aligner, AlignerBuilder, Alignment, Bead, Config, Summary};
pub use document::Document;
pub use error::{Error, Result};
pub use quality::{Finding, FindingKind, Quality, Scorer, score_pair};

#[doc = include_str!("../README.md")]
#[cfg(doctest)]
struct ReadmeDoctests;

#[doc = include_str!("../docs/cli.md")]
#[cfg(doctest)]
struct CliDoctests;
