//! The index of a document that the dynamic program reads: prefix sums of lengths and anchor counts,
//! paragraph ends, page furniture, and inverted indexes of anchor keys, built once per document from
//! its sentences so that the program never compares strings.

use rayon::prelude::*;

use super::{Document, NormalizedSentence, Segmentation};

/// The fewest sentences whose lexicon words one task looks up when a document is indexed.
const INDEX_CHUNK_SENTENCES: usize = 256;

/// Chunks of sentences read at a time before their names and lexicon entries are added to the
/// index: the keys found in 4,096 sentences, about a hundred each, are held at once.
const INDEX_BATCH_CHUNKS: usize = 16;

/// An inverted-index entry: a key and the sentence holding it.
pub(crate) type Posting<K> = (K, u32);

/// An entry of a number or name index: keys are 64-bit hashes or values.
pub(crate) type KeyPosting = Posting<u64>;

/// An inverted index, packed: each distinct key once, with the sentences that hold it, so that a
/// posting costs four bytes whatever the key's size.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Postings<K> {
    /// The distinct keys, sorted.
    keys: Vec<K>,
    /// `starts[k]..starts[k + 1]`: where the sentences of `keys[k]` lie in `sentences`.
    starts: Vec<u32>,
    /// The sentences of each key in turn, in increasing order within a key, each once.
    sentences: Vec<u32>,
}

impl<K: Ord + Copy + Send> Postings<K> {
    /// The index of `(key, sentence)` pairs, in any order, repeats allowed.
    pub(crate) fn from_pairs(mut pairs: Vec<Posting<K>>) -> Postings<K> {
        pairs.par_sort_unstable();
        pairs.dedup();
        let mut index =
            Postings { keys: Vec::new(), starts: Vec::new(), sentences: Vec::with_capacity(pairs.len()) };
        for run in pairs.chunk_by(|x, y| x.0 == y.0) {
            index.keys.push(run[0].0);
            index.starts.push(index.sentences.len() as u32);
            index.sentences.extend(run.iter().map(|p| p.1));
        }
        index.starts.push(index.sentences.len() as u32);
        index.keys.shrink_to_fit();
        index.starts.shrink_to_fit();
        index
    }

    /// How many `(key, sentence)` pairs the index holds.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.sentences.len()
    }

    /// Each key with its sentences, in key order.
    pub(crate) fn runs(&self) -> impl Iterator<Item = (K, &[u32])> {
        self.keys
            .iter()
            .zip(self.starts.windows(2))
            .map(|(&key, w)| (key, &self.sentences[w[0] as usize..w[1] as usize]))
    }

    /// The sentences of every key that both indexes hold, in key order.
    pub(crate) fn shared_runs<'a>(
        &'a self,
        other: &'a Postings<K>,
    ) -> impl Iterator<Item = (&'a [u32], &'a [u32])> {
        let mut others = other.runs().peekable();
        self.runs().filter_map(move |(key, run)| {
            while others.next_if(|(k, _)| *k < key).is_some() {}
            others.next_if(|(k, _)| *k == key).map(|(_, other_run)| (run, other_run))
        })
    }

    /// The index with sentence `s` read as unit `s / factor`.
    fn coarsen(&self, factor: usize) -> Postings<K> {
        let mut index = Postings {
            keys: Vec::with_capacity(self.keys.len()),
            starts: Vec::with_capacity(self.starts.len()),
            // Sized for every posting, the most there can be: the space is given back below, and
            // pages never written are never taken, while a list that grows by doubling would hold
            // up to twice its postings, and a copy of them each time it grows.
            sentences: Vec::with_capacity(self.sentences.len()),
        };
        for (key, run) in self.runs() {
            index.keys.push(key);
            index.starts.push(index.sentences.len() as u32);
            let from = index.sentences.len();
            index.sentences.extend(run.iter().map(|&s| s / factor as u32));
            // Sentences are increasing, so units are non-decreasing: repeats are adjacent.
            let mut kept = from;
            for k in from..index.sentences.len() {
                if kept == from || index.sentences[kept - 1] != index.sentences[k] {
                    index.sentences[kept] = index.sentences[k];
                    kept += 1;
                }
            }
            index.sentences.truncate(kept);
        }
        index.starts.push(index.sentences.len() as u32);
        index.sentences.shrink_to_fit();
        index
    }

    /// The index's pairs, in key order.
    fn pairs(&self) -> impl Iterator<Item = Posting<K>> {
        self.runs().flat_map(|(key, run)| run.iter().map(move |&s| (key, s)))
    }
}

/// What a document's sentences are indexed by besides their numbers and names: the lexicon entries
/// a sentence shows (`entries(sentence, out)` appends them, repeats allowed), and the most sentences
/// of a document of `n` sentences that an entry may be held by (`most(n)`) without being left out.
/// The aligner chooses both.
#[derive(Clone, Copy)]
pub(crate) struct IndexWords {
    pub(crate) entries: fn(&NormalizedSentence, &mut Vec<usize>),
    pub(crate) most: fn(usize) -> usize,
}

/// Appends the index postings of sentence `k` (its number `k` within the side): its name keys to
/// `names` and its lexicon entries to `words`, repeats allowed ([`IndexLists`] keeps each once).
/// `entries` is scratch.
pub(crate) fn sentence_postings(
    s: &NormalizedSentence,
    k: u32,
    words: IndexWords,
    entries: &mut Vec<usize>,
    (names, found): (&mut Vec<KeyPosting>, &mut Vec<Posting<u32>>),
) {
    names.extend(s.names().iter().map(|n| (n.key, k)));
    entries.clear();
    (words.entries)(s, entries);
    // Lexicon entries are indexes into a table of far fewer than 2³² entries.
    found.extend(entries.iter().map(|&e| (e as u32, k)));
}

/// The name and word indexes of `sentences`, as [`Postings::from_pairs`] makes them of every
/// `(key, sentence)` pair, without the lexicon entries found in more than `words.most` sentences.
/// The pairs, most of them common words or the name anchors of an Arabic text (one for nearly every
/// word), are never all held: batches of sentences are read in parallel (their names read again
/// from the text, their words looked up), then each key's sentences are added to its list in
/// sentence order, and an entry is dropped as soon as it is held by too many.
fn name_and_word_postings(
    doc: &Document,
    sentences: std::ops::Range<usize>,
    words: IndexWords,
) -> (Postings<u64>, Postings<u32>) {
    let mut lists = IndexLists::new((words.most)(sentences.len()));
    let chunks: Vec<std::ops::Range<usize>> = (sentences.start..sentences.end)
        .step_by(INDEX_CHUNK_SENTENCES)
        .map(|from| from..(from + INDEX_CHUNK_SENTENCES).min(sentences.end))
        .collect();
    for batch_chunks in chunks.chunks(INDEX_BATCH_CHUNKS) {
        let found: Vec<ChunkPostings> = batch_chunks
            .par_iter()
            .map(|chunk| {
                let mut entries = Vec::new();
                let mut postings = (Vec::new(), Vec::new());
                for k in chunk.clone() {
                    // The normalized text is made again here, sentence by sentence, and dropped.
                    let s = doc.normalized_sentence(k);
                    let k = (k - sentences.start) as u32;
                    sentence_postings(&s, k, words, &mut entries, (&mut postings.0, &mut postings.1));
                }
                postings
            })
            .collect();
        for postings in found {
            lists.extend(postings);
        }
    }
    lists.into_postings()
}

/// The name and word indexes of a side being built, a batch of sentences at a time, in sentence
/// order.
pub(crate) struct IndexLists {
    names: KeyLists<u64, rustc_hash::FxHashMap<u64, Option<List>>>,
    words: KeyLists<u32, Vec<Option<List>>>,
}

impl IndexLists {
    /// Lists that leave out a lexicon entry held by more than `most_words` sentences.
    pub(crate) fn new(most_words: usize) -> IndexLists {
        IndexLists { names: KeyLists::new(usize::MAX), words: KeyLists::new(most_words) }
    }

    /// Adds the name and word postings of the next sentences, in sentence order, repeats allowed.
    pub(crate) fn extend(&mut self, (names, words): ChunkPostings) {
        self.names.extend(names);
        self.words.extend(words);
    }

    /// The name and word indexes, packed.
    pub(crate) fn into_postings(self) -> (Postings<u64>, Postings<u32>) {
        (self.names.into_postings(), self.words.into_postings())
    }
}

/// The name and word postings found in one chunk of sentences.
pub(crate) type ChunkPostings = (Vec<KeyPosting>, Vec<Posting<u32>>);

/// Sentences a block of [`KeyLists`] holds: 32-byte blocks.
const LIST_BLOCK: usize = 7;

/// A block of a key's list of sentences, and the block that continues it.
#[derive(Clone, Copy)]
struct ListBlock {
    sentences: [u32; LIST_BLOCK],
    next: u32,
}

/// A key's list of sentences in [`KeyLists`]: its first and last blocks and its length.
#[derive(Clone, Copy)]
struct List {
    first: u32,
    last: u32,
    len: u32,
}

impl List {
    /// A list of no sentences, with no block yet.
    const EMPTY: List = List { first: u32::MAX, last: u32::MAX, len: 0 };
}

/// An inverted index being built, a key at a time: the sentences of each key so far, or none once
/// the key is held by more than `most` sentences (it is left out). The lists are chains of blocks in
/// one array, the blocks of a key left out reused: a long document's lists are one allocation, which
/// goes back whole once the index is packed, where a list per key would leave as many small pieces
/// of memory behind.
struct KeyLists<K, M> {
    lists: M,
    key: std::marker::PhantomData<K>,
    blocks: Blocks,
    most: usize,
}

/// The blocks of [`KeyLists`]' lists.
#[derive(Default)]
struct Blocks {
    blocks: Vec<ListBlock>,
    /// Blocks of keys left out, to reuse.
    free: Vec<u32>,
}

impl Blocks {
    /// A block holding nothing yet.
    fn new_block(&mut self) -> u32 {
        let empty = ListBlock { sentences: [0; LIST_BLOCK], next: u32::MAX };
        match self.free.pop() {
            Some(k) => {
                self.blocks[k as usize] = empty;
                k
            }
            None => {
                self.blocks.push(empty);
                (self.blocks.len() - 1) as u32
            }
        }
    }

    /// The blocks of `list`, in order.
    fn chain(&self, list: List) -> impl Iterator<Item = u32> + '_ {
        std::iter::successors(Some(list.first), |&k| {
            Some(self.blocks[k as usize].next).filter(|&n| n != u32::MAX)
        })
    }
}

/// Where [`KeyLists`] keeps each key's list: `Some` while the key is kept (a new key's list is
/// empty), `None` once it is left out.
trait ListSlots<K>: Default {
    /// The slot of `key`, made for a new key.
    fn slot(&mut self, key: K) -> &mut Option<List>;
    /// The keys kept, with their lists, in key order.
    fn kept(&self) -> Vec<(K, List)>;
}

/// Slots for keys of any value (hashes), by hash.
impl ListSlots<u64> for rustc_hash::FxHashMap<u64, Option<List>> {
    fn slot(&mut self, key: u64) -> &mut Option<List> {
        // One look-up per pair: a new key's list starts empty, with no block yet.
        self.entry(key).or_insert(Some(List::EMPTY))
    }

    fn kept(&self) -> Vec<(u64, List)> {
        let mut lists: Vec<(u64, List)> =
            self.iter().filter_map(|(&key, list)| list.map(|list| (key, list))).collect();
        lists.sort_unstable_by_key(|&(key, _)| key);
        lists
    }
}

/// Slots for small keys (the built-in lexicon's entries: indexes into its table of some twenty
/// thousand), by index: a key's slot is found without hashing.
impl ListSlots<u32> for Vec<Option<List>> {
    fn slot(&mut self, key: u32) -> &mut Option<List> {
        let at = key as usize;
        if at >= self.len() {
            self.resize(at + 1, Some(List::EMPTY));
        }
        &mut self[at]
    }

    fn kept(&self) -> Vec<(u32, List)> {
        (0u32..)
            .zip(self)
            .filter_map(|(key, list)| list.filter(|list| list.len > 0).map(|list| (key, list)))
            .collect()
    }
}

impl<K: Ord + Copy, M: ListSlots<K>> KeyLists<K, M> {
    fn new(most: usize) -> KeyLists<K, M> {
        KeyLists { lists: M::default(), key: std::marker::PhantomData, blocks: Blocks::default(), most }
    }

    /// Adds `(key, sentence)` pairs, sentences in increasing order; a pair repeated is kept once.
    fn extend(&mut self, pairs: Vec<Posting<K>>) {
        let blocks = &mut self.blocks;
        for (key, sentence) in pairs {
            let entry = self.lists.slot(key);
            let Some(list) = entry else { continue };
            let at = list.len as usize % LIST_BLOCK;
            if list.len == 0 {
                list.first = blocks.new_block();
                list.last = list.first;
            } else {
                // Sentences come in increasing order: a key's repeat in a sentence finds it last.
                let last = (at + LIST_BLOCK - 1) % LIST_BLOCK;
                if blocks.blocks[list.last as usize].sentences[last] == sentence {
                    continue;
                }
                if at == 0 {
                    let block = blocks.new_block();
                    blocks.blocks[list.last as usize].next = block;
                    list.last = block;
                }
            }
            blocks.blocks[list.last as usize].sentences[at] = sentence;
            list.len += 1;
            if list.len as usize > self.most {
                let chain: Vec<u32> = blocks.chain(*list).collect();
                blocks.free.extend(chain);
                *entry = None;
            }
        }
    }

    /// The index of the keys kept, packed.
    fn into_postings(self) -> Postings<K> {
        let lists = self.lists.kept();
        let mut index = Postings {
            keys: Vec::with_capacity(lists.len()),
            starts: Vec::with_capacity(lists.len() + 1),
            sentences: Vec::with_capacity(lists.iter().map(|(_, list)| list.len as usize).sum()),
        };
        for (key, list) in lists {
            index.keys.push(key);
            index.starts.push(index.sentences.len() as u32);
            let mut left = list.len as usize;
            for block in self.blocks.chain(list) {
                let take = left.min(LIST_BLOCK);
                index.sentences.extend_from_slice(&self.blocks.blocks[block as usize].sentences[..take]);
                left -= take;
            }
        }
        index.starts.push(index.sentences.len() as u32);
        index
    }
}

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
    /// The sentences holding each number key: the inverted index.
    pub(crate) number_index: Postings<u64>,
    /// The sentences holding each name key.
    pub(crate) name_index: Postings<u64>,
    /// The sentences holding each entry of the built-in lexicon (words of an Arabic sentence, the
    /// renderings an English one shows).
    pub(crate) word_index: Postings<u32>,
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

impl SideData {
    /// The index of sentences `range` of a document, their normalized text made again: their
    /// numbers, names and the lexicon entries `words` reads.
    pub(crate) fn new(doc: &Document, range: std::ops::Range<usize>, words: IndexWords) -> SideData {
        let postings = name_and_word_postings(doc, range.clone(), words);
        SideData::with_postings(doc, range, postings)
    }

    /// The index of sentences `range` of a document, given the name and word indexes of those
    /// sentences (found while they were prepared, say): the rest is read from their records.
    pub(crate) fn with_postings(
        doc: &Document,
        range: std::ops::Range<usize>,
        (name_index, word_index): (Postings<u64>, Postings<u32>),
    ) -> SideData {
        let sentences = &doc.sentences()[range.clone()];
        let mut side = SideData {
            cum_chars: Vec::with_capacity(sentences.len() + 1),
            furniture: Vec::with_capacity(sentences.len()),
            ..SideData::default()
        };
        side.cum_chars.push(0.0);
        let mut numbers = Vec::new();
        for (k, s) in sentences.iter().enumerate() {
            numbers.extend(doc.numbers_of(s).iter().map(|n| (n.key(), k as u32)));
            side.cum_chars.push(side.cum_chars[side.cum_chars.len() - 1] + s.chars() as f64);
            side.furniture.push(s.is_furniture());
        }
        side.number_index = Postings::from_pairs(numbers);
        side.name_index = name_index;
        side.word_index = word_index;
        let paragraphs = sentences.last().map_or(0, |s| s.paragraph() + 1);
        if doc.segmentation() == Segmentation::Raw && paragraphs > 1 {
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
        side.name_index =
            Postings::from_pairs(self.name_index.pairs().chain(extra.iter().copied()).collect());
        side.count_prefix();
        side
    }

    /// Sets the prefix sums from the indexes (each sentence's distinct keys of each kind) and the
    /// paragraph ends.
    fn count_prefix(&mut self) {
        let mut counts = vec![[0u32; KEY_KINDS + 1]; self.len()];
        fn count<K>(counts: &mut [[u32; KEY_KINDS + 1]], index: &Postings<K>, kind: usize) {
            for &k in &index.sentences {
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
        let mut side = SideData {
            cum_chars: (0..=units).map(|k| self.cum_chars[(factor * k).min(n)]).collect(),
            paragraph_end: Vec::new(),
            furniture: vec![false; units],
            number_index: self.number_index.coarsen(factor),
            name_index: self.name_index.coarsen(factor),
            word_index: self.word_index.coarsen(factor),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Document;
    use crate::lang::Lang;

    fn index(text: &str) -> SideData {
        let doc = Document::new(text, Lang::Arabic, Segmentation::Lines);
        let words = IndexWords { entries: |_, _| {}, most: |_| usize::MAX };
        SideData::new(&doc, 0..doc.sentences().len(), words)
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
    fn word_index_leaves_out_entries_held_by_too_many_sentences() {
        // Entry 7 is in every sentence, entry `1 + k % 2` in every other one, entry 9 in the first
        // twice over: with at most 3 sentences a key, 7 is left out, the rest kept in sentence order.
        let text = (0..6).map(|k| format!("سطر {k}")).collect::<Vec<_>>().join("\n");
        let doc = Document::new(&text, Lang::Arabic, Segmentation::Lines);
        let entries = |s: &NormalizedSentence, out: &mut Vec<usize>| {
            out.extend([7, 1 + s.id() % 2, 7]);
            if s.id() == 0 {
                out.extend([9, 9]);
            }
        };
        let side = SideData::new(&doc, 0..doc.sentences().len(), IndexWords { entries, most: |_| 3 });
        let pairs: Vec<(u32, u32)> = side.word_index.pairs().collect();
        assert_eq!(pairs, [(1, 0), (1, 2), (1, 4), (2, 1), (2, 3), (2, 5), (9, 0)]);
    }

    #[test]
    fn postings_pack_pairs_by_key() {
        let index = Postings::from_pairs(vec![(7u64, 3), (2, 1), (7, 0), (7, 3)]);
        assert_eq!(index.len(), 3);
        assert_eq!(index.pairs().collect::<Vec<_>>(), [(2, 1), (7, 0), (7, 3)]);
        let other = Postings::from_pairs(vec![(5u64, 0), (7, 9)]);
        assert_eq!(index.shared_runs(&other).collect::<Vec<_>>(), [(&[0, 3][..], &[9][..])]);
        assert_eq!(index.coarsen(4).pairs().collect::<Vec<_>>(), [(2, 0), (7, 0)]);
    }

    #[test]
    fn windows_count_distinct_keys_from_prefix_sums() {
        let side = index("أ 1 1 2\nب 2\nج");
        assert_eq!(side.number_index.len(), 3);
        assert_eq!(side.number_index.runs().map(|(_, run)| run.len()).collect::<Vec<_>>(), [1, 2]);
        let w = side.window(3, 3);
        assert_eq!((w.numbers, w.chars), (3, side.total_chars()));
        assert_eq!(side.window(2, 1).numbers, 1);
    }
}
