//! The calibrated combination of the signals: a logistic regression over a handful of named
//! features, fitted on the NTREX dev set's labelled pairs (`ntrex-dev/qe.tsv` of the evaluation data) by
//! `cargo run --release --example evaluate_quality -- --fit`, which prints the constants below.
//! Held-out figures (fitted on one half of the dev documents, reported on the other and on
//! tatoeba-val) are in the README.

use crate::quality::signals::Components;

/// How many features the model reads.
pub(crate) const FEATURES: usize = 19;

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
    "dictionary_matched",
    "dictionary_missed",
    "rendered_share",
    "rendered_evidence",
    "content_share",
    "nothing_rendered",
    "arabic_in_target",
    "open_end",
    "punctuation",
    "polarity_mismatch",
];

/// The most of one count that a feature reads: a sentence with three shared numbers is already
/// well anchored, and capping keeps one long sentence from dominating.
const FEATURE_COUNT_CAP: f64 = 4.0;

/// The most lexicon words, matched or missed, that a feature reads: a long sentence has a dozen, and
/// each is weaker evidence than a number or a name, so the cap is higher than [`FEATURE_COUNT_CAP`].
const LEXICON_CAP: f64 = 10.0;

impl Components {
    /// The score model's inputs, named, computed from these components (see `docs/quality.md`):
    /// the score is a logistic function of them.
    ///
    /// ```
    /// let q = qalign::score_pair("قال الوزير.", "The minister said.");
    /// let features = q.components.features();
    /// assert_eq!(features[0].0, "short");
    /// ```
    pub fn features(&self) -> Vec<(&'static str, f64)> {
        FEATURE_NAMES.into_iter().zip(features(self)).collect()
    }
}

/// The model's inputs, computed from the components.
pub(crate) fn features(c: &Components) -> [f64; FEATURES] {
    let count = |n: u32| f64::from(n).min(FEATURE_COUNT_CAP);
    let words = |n: u32| f64::from(n).min(LEXICON_CAP);
    let lexical = [
        words(c.lexicon_matched),
        words(c.lexicon_words - c.lexicon_matched),
        words(c.dictionary_matched),
        words(c.dictionary_words - c.dictionary_matched),
    ];
    let [lexicon_matched, lexicon_missed, dictionary_matched, dictionary_missed] = lexical;
    let rendered = rendered_share(c);
    [
        (-c.length).max(0.0),
        c.length.max(0.0),
        count(c.numbers_contradicted),
        count(c.numbers_missing + c.numbers_added),
        count(c.numbers_shared),
        count(c.names_unmatched),
        count(c.names_matched),
        lexicon_matched,
        lexicon_missed,
        dictionary_matched,
        dictionary_missed,
        rendered,
        // `rendered_evidence`: the share times the number of known words it is taken over (each
        // count capped as above). With it, the fit gives a known word that goes unrendered more
        // weight and takes weight off the share where many words are known: in a short sentence
        // each missed word counts for more (a neighbouring sentence with one of three or four
        // known words rendered falls below more translations), in a long one the share for less.
        rendered * lexical.iter().sum::<f64>(),
        content_share(c),
        if nothing_rendered(c) { 1.0 } else { 0.0 },
        c.arabic_in_target,
        if c.open_end { 1.0 } else { 0.0 },
        f64::from(c.punctuation),
        if c.polarity_mismatch { 1.0 } else { 0.0 },
    ]
}

/// How far the share of the Arabic's known words (both lexicon layers) that the English renders lies
/// from one half, from −0.5 (none) to 0.5 (all); 0 when the lexicons know no word of the Arabic, so
/// that a pair they cannot read keeps the prior.
fn rendered_share(c: &Components) -> f64 {
    shrunk_share(
        c.lexicon_matched + c.dictionary_matched,
        c.lexicon_words + c.dictionary_words,
        SHARE_PRIOR_WORDS,
    )
}

/// The same share over the known *content* words only (the built-in lexicon's function words left
/// out; the dictionary layer holds none), pulled toward one half by a single pseudo-word: in a short
/// sentence the function words (`هي` she, `لا` not, `كان` was) find a rendering in almost any English
/// sentence, and the one or two content words are what tells a translation from a neighbouring
/// sentence.
fn content_share(c: &Components) -> f64 {
    let matched = c.lexicon_matched - c.lexicon_function_matched + c.dictionary_matched;
    let words = c.lexicon_words - c.lexicon_function_words + c.dictionary_words;
    shrunk_share(matched, words, CONTENT_SHARE_PRIOR_WORDS)
}

/// `hits / of` pulled toward one half by `prior_words` pseudo-words, minus one half: from near −0.5
/// (none of many) to near 0.5 (all of many), 0 when `of` is 0. A share of a few words is weak
/// evidence either way, a share of many strong.
fn shrunk_share(hits: u32, of: u32, prior_words: f64) -> f64 {
    (f64::from(hits) + 0.5 * prior_words) / (f64::from(of) + prior_words) - 0.5
}

/// Pseudo-words at one half in [`rendered_share`].
const SHARE_PRIOR_WORDS: f64 = 2.0;

/// Pseudo-words at one half in [`content_share`].
const CONTENT_SHARE_PRIOR_WORDS: f64 = 1.0;

/// The fewest lexicon words of the Arabic that must go unrendered, with nothing else shared, before
/// the lack of a shared word counts against a pair: with fewer, the lexicons simply do not know the
/// pair's words, and no evidence is not evidence of an error.
const NOTHING_RENDERED_MIN_WORDS: u32 = 2;

/// Whether the lexicons know at least [`NOTHING_RENDERED_MIN_WORDS`] words of the Arabic and the
/// English renders none of them, nor shares a number or a name: positive evidence that the English
/// does not translate the Arabic.
pub(crate) fn nothing_rendered(c: &Components) -> bool {
    c.lexicon_words + c.dictionary_words >= NOTHING_RENDERED_MIN_WORDS
        && c.lexicon_matched + c.dictionary_matched == 0
        && c.numbers_shared + c.names_matched == 0
}

/// The intercept, fitted (see the module docs) with the two classes weighed evenly: the log-odds of
/// a pair with no evidence at even odds. [`probability`] adds the prior's log-odds.
const BIAS: f64 = 4.144;

/// The weights, in the order of [`FEATURE_NAMES`], fitted (see the module docs) with the Debian
/// FreeDict dictionaries loaded, so that the dictionary layer has weights of its own; without a
/// dictionary its features are zero.
const WEIGHTS: [f64; FEATURES] = [
    -1.720,  // short
    -1.612,  // long
    -6.250,  // numbers_contradicted
    -2.185,  // numbers_one_sided
    0.404,   // numbers_shared
    -4.174,  // names_unmatched
    0.333,   // names_matched
    0.085,   // lexicon_matched
    -0.153,  // lexicon_missed
    -0.240,  // dictionary_matched
    -0.157,  // dictionary_missed
    1.667,   // rendered_share
    -0.250,  // rendered_evidence
    3.176,   // content_share
    -1.713,  // nothing_rendered
    -11.205, // arabic_in_target
    -2.392,  // open_end
    -0.432,  // punctuation
    -0.908,  // polarity_mismatch
];

/// Log-odds taken off per mojibake sequence in the English. The dev set has no mojibake, so this is
/// not fitted: it is set so that one garbled character takes a pair the model finds clean at the
/// default prior (0.996, log-odds 5.5) well below 0.5 (to about 0.12): text a reader cannot read is
/// not a usable translation.
const MOJIBAKE_PENALTY: f64 = 7.5;

/// The probability that the English is a correct and complete translation of the Arabic, for a
/// share of correct pairs `prior` (0 to 1, exclusive).
pub(crate) fn probability(c: &Components, prior: f64) -> f64 {
    let x = features(c);
    let z = BIAS + (prior / (1.0 - prior)).ln() + x.iter().zip(WEIGHTS).map(|(x, w)| x * w).sum::<f64>()
        - MOJIBAKE_PENALTY * f64::from(c.mojibake);
    let p = 1.0 / (1.0 + (-z).exp());
    if p.is_finite() { p } else { 0.0 }
}
