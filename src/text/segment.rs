//! Sentence segmentation of raw article text, keeping byte offsets into the input.

use crate::Lang;

/// A sentence found in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct SentenceSpan {
    /// Byte offset of the sentence's first character in the input.
    pub start: usize,
    /// Byte offset one past the sentence's last character in the input.
    pub end: usize,
    /// 0-based index of the paragraph the sentence belongs to.
    pub paragraph: usize,
}

/// Splits raw article text into sentences.
///
/// Contract: spans are in order, do not overlap, start and end on char boundaries, hold no leading or
/// trailing whitespace, and together hold every non-whitespace character of `text`.
pub(crate) fn split_sentences(text: &str, lang: Lang) -> Vec<SentenceSpan> {
    let _ = lang;
    // Placeholder until the real segmenter lands: one sentence per non-blank line.
    let mut out = Vec::new();
    let mut at = 0;
    for (paragraph, line) in text.split('\n').enumerate() {
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let start = at + (line.len() - line.trim_start().len());
            out.push(SentenceSpan { start, end: start + trimmed.len(), paragraph });
        }
        at += line.len() + 1;
    }
    out
}
