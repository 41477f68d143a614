//! The calibrated combination of the signals: a logistic regression over a handful of named
//! features, fitted on the NTREX dev set's labelled pairs (`tests/data/ntrex-dev/qe.tsv`) by
//! `cargo run --release --example evaluate_quality -- --fit`, which prints the constants below.
//! Held-out figures (5-fold cross-validation, folds by Arabic sentence) are in `docs/quality.md`.

use crate::quality::signals::Components;

/// How many features the model reads.
pub(crate) const FEATURES: usize = 14;

/// The features' names, in the order of [`features`].
pub(crate) const FEATURE_NAMES: [&str; FEATURES] = [
    "short",
    "long",
    "numbers_contradicted",
    "numbers_one_sided",
    "numbers_shared",
    "names_unmatched",
    "names_matched",
    "lexicon_matched",
    "lexicon_missed",
    "lexicon_coverage",
    "no_evidence",
    "arabic_in_target",
    "open_end",
    "punctuation",
];

/// The most of one count that a feature reads: a sentence with three shared numbers is already
/// well anchored, and capping keeps one long sentence from dominating.
const FEATURE_COUNT_CAP: f64 = 4.0;

/// The most lexicon words, matched or missed, that a feature reads: a long sentence has a dozen, and
/// each is weaker evidence than a number or a name, so the cap is higher than [`FEATURE_COUNT_CAP`].
const LEXICON_CAP: f64 = 10.0;

/// The model's inputs, computed from the components.
pub(crate) fn features(c: &Components) -> [f64; FEATURES] {
    let count = |n: u32| f64::from(n).min(FEATURE_COUNT_CAP);
    [
        (-c.length).max(0.0),
        c.length.max(0.0),
        count(c.numbers_contradicted),
        count(c.numbers_missing + c.numbers_added),
        count(c.numbers_shared),
        count(c.names_unmatched),
        count(c.names_matched),
        f64::from(c.lexicon_matched).min(LEXICON_CAP),
        f64::from(c.lexicon_words - c.lexicon_matched).min(LEXICON_CAP),
        if c.lexicon_words > 0 { f64::from(c.lexicon_matched) / f64::from(c.lexicon_words) } else { 0.0 },
        if c.numbers_shared + c.names_matched + c.lexicon_matched == 0 { 1.0 } else { 0.0 },
        c.arabic_in_target,
        if c.open_end { 1.0 } else { 0.0 },
        f64::from(c.punctuation),
    ]
}

/// The intercept, fitted (see the module docs).
const BIAS: f64 = 2.981;

/// The weights, in the order of [`FEATURE_NAMES`], fitted (see the module docs).
const WEIGHTS: [f64; FEATURES] = [
    -1.826,  // short
    -1.501,  // long
    -5.647,  // numbers_contradicted
    -2.434,  // numbers_one_sided
    0.390,   // numbers_shared
    -4.374,  // names_unmatched
    0.179,   // names_matched
    0.059,   // lexicon_matched
    -0.244,  // lexicon_missed
    0.105,   // lexicon_coverage
    -2.204,  // no_evidence
    -10.234, // arabic_in_target
    -2.070,  // open_end
    -0.711,  // punctuation
];

/// Log-odds taken off per mojibake sequence in the English. The dev set has no mojibake, so this is
/// not fitted: it is set so that one garbled character takes a pair the model finds clean (0.9, log-odds
/// 2.2) well below 0.5 (to about 0.14): text a reader cannot read is not a usable translation.
const MOJIBAKE_PENALTY: f64 = 4.0;

/// The probability that the English is a correct and complete translation of the Arabic.
pub(crate) fn probability(c: &Components) -> f64 {
    let x = features(c);
    let z = BIAS + x.iter().zip(WEIGHTS).map(|(x, w)| x * w).sum::<f64>()
        - MOJIBAKE_PENALTY * f64::from(c.mojibake);
    let p = 1.0 / (1.0 + (-z).exp());
    if p.is_finite() { p } else { 0.0 }
}
