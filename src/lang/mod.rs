//! Per-language data: the tables every layer above reads.
//!
//! Language knowledge lives here as static tables, not in the algorithms, so that another language is a
//! table and not a rewrite.

pub(crate) mod abbreviations;
pub(crate) mod clitics;
pub(crate) mod form;
pub(crate) mod furniture;
pub(crate) mod lexicon;
pub(crate) mod numbers;
pub(crate) mod translit;
pub(crate) mod units;

/// The words of a word-list file in `lang/data/`: one a line, in the order written; blank lines and
/// the `#` lines of the header, which says how the words were chosen, are skipped.
pub(crate) fn word_list(text: &'static str) -> Vec<&'static str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
}

/// A language qalign knows.
///
/// ```
/// use qalign::document::Lang;
/// assert_eq!(Lang::Arabic.code(), "ar");
/// assert_eq!(Lang::English.code(), "en");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Lang {
    /// Arabic, the source language.
    Arabic,
    /// English, the target language.
    English,
}

impl Lang {
    /// The ISO 639-1 code of the language.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Arabic => "ar",
            Lang::English => "en",
        }
    }
}
