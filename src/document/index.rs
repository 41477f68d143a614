//! The index of a document that the dynamic program reads: prefix sums of lengths and anchor counts,
//! paragraph ends, page furniture, and inverted indexes of anchor keys, built once per document from
//! its sentences so that the program never compares strings.

use super::{Segmentation, Sentence};

/// An inverted-index entry: a key and the sentence holding it.
pub(crate) type Posting<K> = (K, u32);

/// An entry of a number or name index: keys are 64-bit hashes or values.
pub(crate) type KeyPosting = Posting<u64>;

/// An entry of the lexicon-word index: keys are entries of the built-in lexicon.
pub(crate) type WordPosting = Posting<u32>;

/// The kinds of keys indexed: numbers, names and lexicon words.
pub(crate) const KEY_KINDS: usize = 3;

/// One document as the dynamic program reads it, built once with the [`super::Document`].
#[derive(Clone, Debug, Default)]
pub(crate) struct SideData {
    /// `cum_chars[k]`: normalized characters of the first `k` sentences.
    cum_chars: Vec<f64>,
    /// Whether sentence `k` is the last of its paragraph; empty when paragraphs carry no information.
    pub(crate) paragraph_end: Vec<bool>,
    /// Whether sentence `k` is page furniture (a caption, a prompt, a dateline).
    pub(crate) furniture: Vec<bool>,
    /// Each sentence's distinct number keys as sorted `(key, sentence)` pairs: the inverted index.
    pub(crate) number_index: Vec<KeyPosting>,
    /// Each sentence's distinct name keys as sorted `(key, sentence)` pairs.
    pub(crate) name_index: Vec<KeyPosting>,
    /// Each sentence's distinct entries of the built-in lexicon (words of an Arabic sentence, the
    /// renderings an English one shows) as sorted `(entry, sentence)` pairs.
    pub(crate) word_index: Vec<WordPosting>,
    /// `prefix[k]`: the distinct number, name and word keys of the first `k` sentences, each
    /// sentence's counted apart, and the paragraph ends among them; what a bead's counts are read from
    /// whatever its width.
    prefix: Vec<[u32; KEY_KINDS + 1]>,
    /// How many sentences each unit holds, when units are merged sentences (a coarsened side, see
    /// [`SideData::coarsen`]); empty when every unit is one sentence.
    pub(crate) sizes: Vec<u32>,
}

/// What the dynamic program reads about a run of consecutive sentences of one side, read from the
/// side's prefix sums: the same work for a run of eight sentences as for one.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Window {
    pub(crate) chars: f64,
    pub(crate) numbers: u32,
    pub(crate) names: u32,
    pub(crate) words: u32,
    /// Paragraph ends strictly inside the run.
    pub(crate) inner_breaks: u32,
}

/// Appends a sentence's distinct keys to an index, through a buffer `keys` reused between sentences.
fn add_keys<K: Ord + Copy>(index: &mut Vec<Posting<K>>, keys: &mut Vec<K>, sentence: usize) {
    keys.sort_unstable();
    keys.dedup();
    index.extend(keys.iter().map(|&key| (key, sentence as u32)));
    keys.clear();
}

impl SideData {
    /// The index of `sentences`; `words(sentence, out)` appends the lexicon entries a sentence holds
    /// (repeats allowed), which the aligner chooses.
    pub(crate) fn new(
        sentences: &[Sentence],
        segmentation: Segmentation,
        words: impl Fn(&Sentence, &mut Vec<usize>),
    ) -> SideData {
        let mut side = SideData {
            cum_chars: Vec::with_capacity(sentences.len() + 1),
            furniture: Vec::with_capacity(sentences.len()),
            ..SideData::default()
        };
        side.cum_chars.push(0.0);
        let mut entries: Vec<usize> = Vec::new();
        let (mut keys, mut word_keys): (Vec<u64>, Vec<u32>) = (Vec::new(), Vec::new());
        for (k, s) in sentences.iter().enumerate() {
            keys.extend(s.numbers().iter().map(|n| n.key()));
            add_keys(&mut side.number_index, &mut keys, k);
            keys.extend(s.names().iter().map(|n| n.key));
            add_keys(&mut side.name_index, &mut keys, k);
            entries.clear();
            words(s, &mut entries);
            // Lexicon entries are indexes into a table of far fewer than 2³² entries.
            word_keys.extend(entries.iter().map(|&e| e as u32));
            add_keys(&mut side.word_index, &mut word_keys, k);
            side.cum_chars.push(side.cum_chars[side.cum_chars.len() - 1] + s.chars() as f64);
            side.furniture.push(s.is_furniture());
        }
        side.number_index.sort_unstable();
        side.name_index.sort_unstable();
        side.word_index.sort_unstable();
        side.number_index.shrink_to_fit();
        side.name_index.shrink_to_fit();
        side.word_index.shrink_to_fit();
        let paragraphs = sentences.last().map_or(0, |s| s.paragraph() + 1);
        if segmentation == Segmentation::Raw && paragraphs > 1 {
            side.paragraph_end =
                sentences.windows(2).map(|w| w[0].paragraph() != w[1].paragraph()).chain([true]).collect();
        }
        side.count_prefix();
        side
    }

    /// This side with extra name keys, as `(key, sentence)` pairs (a termbase's terms found in the
    /// sentences): merged into the name index, with the prefix sums counted again.
    pub(crate) fn with_names(&self, extra: &[KeyPosting]) -> SideData {
        let mut side = self.clone();
        side.name_index.extend_from_slice(extra);
        side.name_index.sort_unstable();
        side.name_index.dedup();
        side.count_prefix();
        side
    }

    /// Sets the prefix sums from the indexes (each sentence's distinct keys of each kind) and the
    /// paragraph ends.
    fn count_prefix(&mut self) {
        let mut counts = vec![[0u32; KEY_KINDS + 1]; self.len()];
        fn count<K>(counts: &mut [[u32; KEY_KINDS + 1]], index: &[Posting<K>], kind: usize) {
            for &(_, k) in index {
                counts[k as usize][kind] += 1;
            }
        }
        count(&mut counts, &self.number_index, 0);
        count(&mut counts, &self.name_index, 1);
        count(&mut counts, &self.word_index, 2);
        for (count, &end) in counts.iter_mut().zip(&self.paragraph_end) {
            count[KEY_KINDS] = u32::from(end);
        }
        self.prefix = Vec::with_capacity(self.len() + 1);
        let mut sum = [0u32; KEY_KINDS + 1];
        self.prefix.push(sum);
        for count in &counts {
            sum = std::array::from_fn(|kind| sum[kind] + count[kind]);
            self.prefix.push(sum);
        }
    }

    /// The run of sentences `k - w..k`, the last `w` before boundary `k`.
    #[inline(always)]
    pub(crate) fn window(&self, k: usize, w: usize) -> Window {
        let (to, from) = (&self.prefix[k], &self.prefix[k - w]);
        // Paragraph ends of sentences k − w..k − 1: the run's last sentence may end one freely.
        let inner_breaks = if w > 1 { self.prefix[k - 1][KEY_KINDS] - from[KEY_KINDS] } else { 0 };
        Window {
            chars: self.cum_chars[k] - self.cum_chars[k - w],
            numbers: to[0] - from[0],
            names: to[1] - from[1],
            words: to[2] - from[2],
            inner_breaks,
        }
    }

    /// Number of sentences.
    pub(crate) fn len(&self) -> usize {
        self.cum_chars.len() - 1
    }

    /// Total normalized characters.
    pub(crate) fn total_chars(&self) -> f64 {
        self.cum_chars[self.len()]
    }

    /// Normalized characters of the first `k` sentences.
    #[inline(always)]
    pub(crate) fn chars_before(&self, k: usize) -> f64 {
        self.cum_chars[k]
    }

    /// Normalized characters of sentences `from..to`.
    pub(crate) fn chars(&self, from: usize, to: usize) -> f64 {
        self.cum_chars[to] - self.cum_chars[from]
    }

    /// The side with each `factor` consecutive units merged into one (the last ones fewer): boundary
    /// `k` of the result is boundary `min(factor · k, len)` of `self`. A merged unit holds the
    /// characters and the distinct anchor keys of its units; paragraphs and page furniture are
    /// dropped.
    pub(crate) fn coarsen(&self, factor: usize) -> SideData {
        let n = self.len();
        let units = n.div_ceil(factor);
        let size = |k: usize| self.sizes.get(k).copied().unwrap_or(1);
        fn merge<K: Copy + PartialEq>(index: &[Posting<K>], factor: usize) -> Vec<Posting<K>> {
            let mut merged: Vec<Posting<K>> =
                index.iter().map(|&(key, s)| (key, s / factor as u32)).collect();
            merged.dedup();
            merged.shrink_to_fit();
            merged
        }
        let mut side = SideData {
            cum_chars: (0..=units).map(|k| self.cum_chars[(factor * k).min(n)]).collect(),
            paragraph_end: Vec::new(),
            furniture: vec![false; units],
            number_index: merge(&self.number_index, factor),
            name_index: merge(&self.name_index, factor),
            word_index: merge(&self.word_index, factor),
            prefix: Vec::new(),
            sizes: (0..units).map(|k| (factor * k..(factor * (k + 1)).min(n)).map(size).sum()).collect(),
        };
        side.count_prefix();
        side
    }

    /// Whether a bead boundary after the first `k` sentences falls on a paragraph end.
    pub(crate) fn ends_paragraph(&self, k: usize) -> bool {
        k == 0 || k == self.len() || self.paragraph_end.get(k - 1).copied().unwrap_or(true)
    }
}

/// The runs of entries with the same key in two inverted indexes, for every key both hold, in key
/// order: within a run, entries are in sentence order.
pub(crate) fn shared_key_runs<'a, K: Ord + Copy>(
    src: &'a [Posting<K>],
    tgt: &'a [Posting<K>],
) -> impl Iterator<Item = (&'a [Posting<K>], &'a [Posting<K>])> {
    let mut tgt_runs = tgt.chunk_by(|x, y| x.0 == y.0).peekable();
    src.chunk_by(|x, y| x.0 == y.0).filter_map(move |src_run| {
        let key = src_run[0].0;
        while tgt_runs.next_if(|run| run[0].0 < key).is_some() {}
        tgt_runs.next_if(|run| run[0].0 == key).map(|tgt_run| (src_run, tgt_run))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Document, Lang};

    fn index(text: &str) -> SideData {
        let doc = Document::new(text, Lang::Arabic, Segmentation::Lines);
        SideData::new(doc.sentences(), Segmentation::Lines, |_, _| {})
    }

    #[test]
    fn coarsening_keeps_lengths_and_anchors() {
        let side = index("أ 1\nب 2\nج 3\nد 1\nه 5");
        let coarse = side.coarsen(4);
        assert_eq!(coarse.len(), 2);
        assert_eq!(coarse.total_chars(), side.total_chars());
        assert_eq!(coarse.sizes, [4, 1]);
        // Number 1 occurs twice in the first unit and counts once.
        assert_eq!(coarse.number_index.len(), 4);
    }

    #[test]
    fn windows_count_distinct_keys_from_prefix_sums() {
        let side = index("أ 1 1 2\nب 2\nج");
        assert_eq!(side.number_index.len(), 3);
        let w = side.window(3, 3);
        assert_eq!((w.numbers, w.chars), (3, side.total_chars()));
        assert_eq!(side.window(2, 1).numbers, 1);
    }
}
