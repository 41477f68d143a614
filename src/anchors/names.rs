//! Proper names and other transliterations, matched across scripts through Latin consonant skeletons.

use std::ops::Range;

use crate::Lang;

/// One name-like word found in a normalized sentence.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct NameAnchor {
    /// A key that a name and its transliteration in the other script share as often as possible.
    pub key: u64,
    /// The Latin consonant skeleton.
    pub skeleton: Box<str>,
    /// Byte span in the normalized text.
    pub span: Range<usize>,
}

/// Every name-like word in `normalized` (text produced by `text::normalize`), in text order.
pub(crate) fn extract_names(normalized: &str, lang: Lang) -> Vec<NameAnchor> {
    let _ = (normalized, lang);
    Vec::new()
}

/// How alike two names are, from 0 (nothing in common) to 1 (same skeleton).
pub(crate) fn similarity(a: &NameAnchor, b: &NameAnchor) -> f64 {
    strsim::jaro_winkler(&a.skeleton, &b.skeleton)
}
