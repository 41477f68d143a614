//! The crate's error type.

use std::io;

/// Which document of a pair something refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    /// The Arabic source document.
    Source,
    /// The English target document.
    Target,
}

impl std::fmt::Display for Side {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Side::Source => "source (Arabic)",
            Side::Target => "target (English)",
        })
    }
}

/// Everything that can go wrong in qalign.
///
/// Messages are lowercase and say where the problem is.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A configuration value is out of its valid range.
    #[error("invalid configuration: {name} {message}")]
    Config {
        /// The name of the setting.
        name: &'static str,
        /// What is wrong with its value.
        message: String,
    },
    /// An input document is larger than the configured limit.
    #[error("{side} document is {size} bytes, over the limit of {limit} bytes")]
    InputTooLarge {
        /// Which document.
        side: Side,
        /// Its size in bytes.
        size: usize,
        /// The configured limit in bytes.
        limit: usize,
    },
    /// One of many input documents is larger than the configured limit.
    #[error("{side} document {index} is {size} bytes, over the limit of {limit} bytes")]
    DocumentTooLarge {
        /// Which side the document is on.
        side: Side,
        /// Its 0-based position among that side's documents.
        index: usize,
        /// Its size in bytes.
        size: usize,
        /// The configured limit in bytes.
        limit: usize,
    },
    /// A line of a pairs file is not `ar<TAB>en`.
    #[error("line {line}: {message}")]
    MalformedLine {
        /// The 1-based line number.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
    /// Reading input failed.
    #[error("i/o error: {0}")]
    Io(#[from] io::Error),
}

/// A `Result` whose error is [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
