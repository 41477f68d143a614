//! The crate's error type.

use std::io;
use std::path::PathBuf;

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
    /// A sentence is longer than the configured limit ([`crate::Config::max_sentence_bytes`]).
    #[error("{side} document: sentence {sentence} is {size} bytes, over the limit of {limit} bytes")]
    SentenceTooLong {
        /// Which document.
        side: Side,
        /// The sentence's index (its line number for pre-split input).
        sentence: usize,
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
    /// An input is not valid UTF-8 (nor UTF-16 with a byte-order mark).
    #[error("{side} document is not valid UTF-8: invalid byte at offset {offset}")]
    InvalidUtf8 {
        /// Which document.
        side: Side,
        /// Byte offset of the first invalid byte in the input.
        offset: usize,
    },
    /// An input starts with a UTF-16 byte-order mark but holds an unpaired surrogate or an odd
    /// number of bytes.
    #[error("{side} document is not valid UTF-16: invalid code unit at byte offset {offset}")]
    InvalidUtf16 {
        /// Which document.
        side: Side,
        /// Byte offset of the invalid code unit in the input.
        offset: usize,
    },
    /// An input has the bytes of UTF-16 text (NUL, or Arabic's 0x06, at every other position) but
    /// no byte-order mark to say which byte order.
    #[error("{side} document looks like UTF-16 without a byte-order mark; convert it to UTF-8")]
    Utf16WithoutBom {
        /// Which document.
        side: Side,
    },
    /// An input is not valid in the encoding it was read in (`--encoding NAME`).
    #[error("{side} document is not valid {encoding}: invalid byte at offset {offset}")]
    InvalidEncoding {
        /// Which document.
        side: Side,
        /// The encoding's name.
        encoding: &'static str,
        /// Byte offset of the first byte it does not map.
        offset: usize,
    },
    /// An input is not text at all: a compressed archive, a PDF, an executable, or binary data.
    #[error("{side} document is {kind}, not text")]
    NotText {
        /// Which document.
        side: Side,
        /// What it looks like instead ("a gzip archive", "a PDF document", "binary data").
        kind: &'static str,
    },
    /// An input holds no text: it is empty or only whitespace, controls and invisible marks.
    #[error("{side} document is empty")]
    EmptyInput {
        /// Which document.
        side: Side,
    },
    /// An input is not written in the script of its language (see [`crate::input::check_script`]).
    #[error(
        "{side} document is not in {expected:?}: {share:.0}% of its {letters} Arabic and Latin letters are {script}"
    )]
    WrongScript {
        /// Which document.
        side: Side,
        /// The language the document should be in.
        expected: crate::lang::Lang,
        /// The script the letters should be in: `"Arabic"` or `"Latin"`.
        script: &'static str,
        /// The share of Arabic and Latin letters that are in that script, in percent.
        share: f64,
        /// How many Arabic and Latin letters the document has.
        letters: usize,
    },
    /// The Arabic document is in Latin script and the English document in Arabic script: the two
    /// inputs were given in the wrong order.
    #[error("the documents look swapped: the source is in Latin script and the target in Arabic script")]
    Swapped,
    /// A line of a pairs file is not `ar<TAB>en`, or a line of a dictionary given as text is not
    /// `arabic<TAB>english[<TAB>weight]`.
    #[error("line {line}: {message}")]
    MalformedLine {
        /// The 1-based line number.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
    /// A file could not be opened, read or decompressed.
    #[error("cannot read {}: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// Why it could not be read.
        source: io::Error,
    },
    /// A line of a file (a dictionary, say) is not in the file's format.
    #[error("{}: line {line}: {message}", path.display())]
    MalformedFile {
        /// The file.
        path: PathBuf,
        /// The 1-based line number.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
    /// An XML input (a TBX termbase, a TMX or XLIFF file) is not well-formed or not in its format.
    #[error("byte {offset}: {message}")]
    MalformedXml {
        /// The byte offset in the input where the problem was seen.
        offset: usize,
        /// What is wrong.
        message: String,
    },
    /// Reading input failed.
    #[error("i/o error: {0}")]
    Io(#[from] io::Error),
}

/// A `Result` whose error is [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
