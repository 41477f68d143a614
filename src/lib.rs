//! qalign: sentence alignment and translation-quality checks for Arabic articles and their English
//! translations.

#![deny(missing_docs)]
#![forbid(unsafe_code)]
#![allow(dead_code)] // skeleton: removed once every module is wired in

mod anchors;
mod error;
mod lang;
mod text;

pub use error::{Error, Result, Side};
pub use lang::Lang;
