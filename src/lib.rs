//! qalign: sentence alignment and translation-quality checks for Arabic articles and their English
//! translations.

#![deny(missing_docs)]
#![forbid(unsafe_code)]
#![allow(dead_code)] // until the quality layer reads every anchor field

mod align;
mod anchors;
mod document;
mod error;
mod lang;
pub mod output;
mod text;

pub use align::{Aligner, AlignerBuilder, Alignment, Bead, Config};
pub use document::{Document, Segmentation, Sentence, Span};
pub use error::{Error, Result, Side};
pub use lang::Lang;
