//! The banded dynamic program over bead shapes.
//!
//! Cell `(i, j)` holds the cheapest way to align the first `i` Arabic and the first `j` English
//! sentences, in three states (the last bead paired, or an unpaired Arabic or English sentence). Only
//! cells inside a band around an expected path are computed: row `i` covers columns `lo[i]..=hi[i]`.
//! On a small table the first band follows anchors and the diagonal of cumulative character lengths;
//! on a large one it follows the path found on both documents coarsened, so that it lies where the
//! documents correspond whatever their two counts. When the best path comes close to the band's edge,
//! the band is re-centred on that path and widened (within a fixed bound), and the program runs again.
//! Time and memory are `O((n + m) · width)`. A long band is computed in two halves on two threads,
//! joined where every path through the rows they share meets ([`split_moves`]).
//!
//! The program reads only numbers prepared once per alignment ([`Prepared`]): prefix sums of lengths
//! and anchor counts, paragraph ends, and the anchor pairs inside the band, which are counted through an
//! inverted index over English anchor keys, never by comparing strings.

use std::ops::Range;

use super::Config;
use super::cost::{
    BeadStats, MAX_SIDE, MOVES, Move, TAIL, TailTables, evidence_cost, for_each_pair_shape, length_cost,
    length_delta_sq, length_floor_reaches, move_index, null_cost, shape_cost,
};
use crate::document::index::{IndexWords, KEY_KINDS, Postings, SideData, Window};
use crate::document::{Document, NormalizedSentence};
use crate::lang::Lang;
use crate::quality::lexicon::BUILTIN;

/// The runs of the last `w` sentences of `side` before boundary `k`, for `w` from 0 to [`MAX_SIDE`];
/// runs longer than `k` are empty.
fn windows(side: &SideData, k: usize) -> [Window; MAX_SIDE + 1] {
    std::array::from_fn(|w| if w <= k { side.window(k, w) } else { Window::default() })
}

/// The cost of leaving sentence `k` of `side` unpaired; for a unit of merged sentences, the fixed
/// part is paid once per sentence.
fn side_null_cost(side: &SideData, config: &Config, k: usize) -> f64 {
    let extra = side.sizes.get(k).map_or(0.0, |&size| f64::from(size.saturating_sub(1)));
    let cost = null_cost(config, side.chars(k, k + 1)) + config.null_cost * extra;
    if side.furniture[k] { cost.min(config.furniture_null_cost) } else { cost }
}

/// The document's index as the aligner reads it, built on first use: the built-in lexicon's entries
/// are the words it indexes.
pub(crate) fn side_data(doc: &Document) -> &SideData {
    doc.index_or_init(|doc| side_data_of(doc, 0..doc.sentences().len()))
}

/// The index of sentences `range` of a document (a section of it, say), as [`side_data`] builds it.
pub(crate) fn side_data_of(doc: &Document, range: Range<usize>) -> SideData {
    SideData::new(doc, range, index_words(doc.lang()))
}

/// What the program's word index of a document in `lang` holds: the groups of the built-in
/// lexicon's entries its sentences show, each held by at most [`most_word_sentences`].
pub(crate) fn index_words(lang: Lang) -> IndexWords {
    fn arabic(s: &NormalizedSentence, out: &mut Vec<usize>) {
        BUILTIN.sentence_groups(s, true, out);
    }
    fn english(s: &NormalizedSentence, out: &mut Vec<usize>) {
        BUILTIN.sentence_groups(s, false, out);
    }
    let entries = if lang == Lang::Arabic { arabic } else { english };
    IndexWords { entries, most: most_word_sentences }
}

/// A lexicon key held by more than one sentence in this many (and by more than
/// [`FREQUENT_KEY_LEAST`] sentences) is left out of the word index: a word that common in a document
/// tells little about which of its sentences translates which, and the everyday words of the core
/// vocabulary would otherwise multiply a long document's postings (on the 20,000-sentence item,
/// 285 MB at the peak with every key, 129 MB without these; 1 in 64 kept 146 MB).
const FREQUENT_KEY_SHARE: usize = 128;

/// The most sentences a lexicon key may be held by in any document without being left out.
const FREQUENT_KEY_LEAST: usize = 64;

/// The most sentences of a document of `sentences` sentences that a lexicon key may be held by and
/// stay in the word index: `max(sentences / FREQUENT_KEY_SHARE, FREQUENT_KEY_LEAST)`.
fn most_word_sentences(sentences: usize) -> usize {
    (sentences / FREQUENT_KEY_SHARE).max(FREQUENT_KEY_LEAST)
}

/// Everything the dynamic program reads about a document pair.
#[derive(Debug)]
pub(crate) struct Prepared<'a> {
    pub src: &'a SideData,
    pub tgt: &'a SideData,
    /// Whether both sides carry paragraph information.
    paragraphs: bool,
}

impl Prepared<'_> {
    pub(crate) fn new<'a>(src: &'a Document, tgt: &'a Document) -> Prepared<'a> {
        Prepared::from_sides(side_data(src), side_data(tgt))
    }

    /// What the program reads about two sides prepared apart from their documents (with extra
    /// anchors, say).
    pub(crate) fn from_sides<'a>(src: &'a SideData, tgt: &'a SideData) -> Prepared<'a> {
        Prepared { paragraphs: !src.paragraph_end.is_empty() && !tgt.paragraph_end.is_empty(), src, tgt }
    }
}

/// The cost of leaving sentences `range` of `side` unpaired, as the program counts it (page furniture
/// cheaper), without the discounts of a run or of a document's ends.
pub(crate) fn unpaired_cost(side: &SideData, config: &Config, range: Range<usize>) -> f64 {
    range.map(|k| side_null_cost(side, config, k)).sum()
}

/// The cost of sentences `range` of `side` as the continuation of a run of unpaired sentences: each
/// the cost of leaving it unpaired ([`unpaired_cost`]) less the run's discount.
pub(crate) fn in_run_cost(side: &SideData, config: &Config, range: Range<usize>) -> f64 {
    let discount = config.null_run_discount;
    range.map(|k| side_null_cost(side, config, k)).map(|c| c - discount.min(c)).sum()
}

/// The anchor keys (numbers, names, lexicon words) of some sentences of a document pair, gathered in
/// one pass over the indexes, so that beads of those sentences can be costed anywhere in the table
/// ([`pair_cost`]) at the cost of their own keys.
pub(crate) struct SentenceKeys {
    src: SideKeys,
    tgt: SideKeys,
}

/// The keys of some sentences of one side, eight bytes a key: each sentence's keys of each kind in
/// one run, sorted.
struct SideKeys {
    /// `slots[s]`: where sentence `s` is among the sentences gathered, or `u32::MAX`.
    slots: Vec<u32>,
    /// `starts[KEY_KINDS · k + kind]..starts[KEY_KINDS · k + kind + 1]`: where the keys of kind `kind`
    /// of the `k`-th sentence gathered lie in `keys`.
    starts: Vec<u32>,
    keys: Vec<u64>,
}

impl SideKeys {
    /// The keys of the sentences of `side` that `wanted` marks: counted in a first pass over the
    /// indexes, placed in a second (each key's sentences come in key order, so each run comes out
    /// sorted).
    fn new(side: &SideData, wanted: &[bool]) -> SideKeys {
        let mut slots = vec![u32::MAX; wanted.len()];
        let mut gathered = 0u32;
        for (slot, _) in slots.iter_mut().zip(wanted).filter(|(_, wanted)| **wanted) {
            *slot = gathered;
            gathered += 1;
        }
        let mut starts = vec![0u32; gathered as usize * KEY_KINDS + 1];
        // Calls `each(slot, key)` for every key a wanted sentence holds, `slot` naming the sentence
        // and the key's kind.
        let for_each = |each: &mut dyn FnMut(usize, u64)| {
            let mut visit = |kind: usize, key: u64, run: &[u32]| {
                for &s in run {
                    let k = slots.get(s as usize).copied().unwrap_or(u32::MAX);
                    if k != u32::MAX {
                        each(KEY_KINDS * k as usize + kind, key);
                    }
                }
            };
            side.number_index.runs().for_each(|(key, run)| visit(0, key, run));
            side.name_index.runs().for_each(|(key, run)| visit(1, key, run));
            side.word_index.runs().for_each(|(key, run)| visit(2, u64::from(key), run));
        };
        for_each(&mut |slot, _| starts[slot + 1] += 1);
        for k in 1..starts.len() {
            starts[k] += starts[k - 1];
        }
        let mut keys = vec![0u64; starts.last().map_or(0, |&n| n as usize)];
        let mut next = starts.clone();
        for_each(&mut |slot, key| {
            keys[next[slot] as usize] = key;
            next[slot] += 1;
        });
        SideKeys { slots, starts, keys }
    }

    /// The keys of kind `kind` of sentence `s`, sorted; none when it was not gathered.
    fn of(&self, s: usize, kind: usize) -> &[u64] {
        match self.slots.get(s) {
            Some(&k) if k != u32::MAX => {
                let at = KEY_KINDS * k as usize + kind;
                &self.keys[self.starts[at] as usize..self.starts[at + 1] as usize]
            }
            _ => &[],
        }
    }
}

impl SentenceKeys {
    /// The keys of the Arabic sentences `src` and the English sentences `tgt` of `prep`.
    pub(crate) fn new(prep: &Prepared, src: &[bool], tgt: &[bool]) -> SentenceKeys {
        let (src, tgt) = rayon::join(|| SideKeys::new(prep.src, src), || SideKeys::new(prep.tgt, tgt));
        SentenceKeys { src, tgt }
    }

    /// The keys of each kind shared by the sentence pairs of `src` × `tgt`, counted per pair as the
    /// program counts them.
    fn shared(&self, src: &Range<usize>, tgt: &Range<usize>) -> [u32; KEY_KINDS] {
        let mut counts = [0u32; KEY_KINDS];
        for a in src.clone() {
            for b in tgt.clone() {
                for (kind, count) in counts.iter_mut().enumerate() {
                    *count += count_common(self.src.of(a, kind), self.tgt.of(b, kind));
                }
            }
        }
        counts
    }

    /// The keys of each kind that the sentences of `src` and of `tgt` share, each key counted as
    /// often as it can be matched sentence for sentence: the fewer of the sentences of either side
    /// that hold it. Where [`SentenceKeys::shared`] counts a name held by two Arabic sentences and
    /// one English sentence twice, this counts it once.
    fn shared_once(&self, src: &Range<usize>, tgt: &Range<usize>) -> [u32; KEY_KINDS] {
        // Each side's keys of one kind, one per sentence that holds them, sorted.
        let gather = |keys: &SideKeys, range: &Range<usize>, kind: usize| {
            let mut all: Vec<u64> = Vec::new();
            for k in range.clone() {
                // A sentence's keys come sorted: its repeats are neighbours.
                let list = keys.of(k, kind);
                all.extend(
                    list.iter()
                        .enumerate()
                        .filter(|&(at, key)| at == 0 || list[at - 1] != *key)
                        .map(|(_, &key)| key),
                );
            }
            all.sort_unstable();
            all
        };
        std::array::from_fn(|kind| count_common(&gather(&self.src, src, kind), &gather(&self.tgt, tgt, kind)))
    }
}

/// The keys that the sorted lists `a` and `b` have in common, a key matched at most as often as the
/// fewer of the two lists holds it.
fn count_common(a: &[u64], b: &[u64]) -> u32 {
    let (mut x, mut y, mut count) = (0, 0, 0);
    while let (Some(p), Some(q)) = (a.get(x), b.get(y)) {
        match p.cmp(q) {
            std::cmp::Ordering::Less => x += 1,
            std::cmp::Ordering::Greater => y += 1,
            std::cmp::Ordering::Equal => {
                count += 1;
                (x, y) = (x + 1, y + 1);
            }
        }
    }
    count
}

/// How [`pair_cost`] counts the keys a bead's two sides share.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum KeyCount {
    /// Once for each pair of sentences that share it, as the program counts it.
    PerSentence,
    /// Once however many sentences of one side hold it ([`SentenceKeys::shared_once`]): a name that
    /// two merged sentences repeat is one match, not two.
    Once,
}

/// The cost the program gives a bead pairing Arabic sentences `src` with English sentences `tgt`
/// (whose keys `keys` holds, counted as `count` says), or `None` when the bead has a side empty or
/// wider than [`MAX_SIDE`]. Paragraph edges are not counted.
pub(crate) fn pair_cost(
    config: &Config,
    ratio: f64,
    prep: &Prepared,
    keys: &SentenceKeys,
    count: KeyCount,
    src: Range<usize>,
    tgt: Range<usize>,
) -> Option<f64> {
    let shared = match count {
        KeyCount::PerSentence => keys.shared(&src, &tgt),
        KeyCount::Once => keys.shared_once(&src, &tgt),
    };
    cost_with_shared(config, ratio, prep, src, tgt, shared)
}

/// The cost of the bead of sentences `src` and `tgt` whose sides share `shared` keys of each kind.
fn cost_with_shared(
    config: &Config,
    ratio: f64,
    prep: &Prepared,
    src: Range<usize>,
    tgt: Range<usize>,
    shared: [u32; KEY_KINDS],
) -> Option<f64> {
    let mv = Move { src: src.len(), tgt: tgt.len() };
    if !(1..=MAX_SIDE).contains(&mv.src) || !(1..=MAX_SIDE).contains(&mv.tgt) {
        return None;
    }
    let (s, t) = (prep.src.window(src.end, mv.src), prep.tgt.window(tgt.end, mv.tgt));
    let [shared_numbers, shared_names, shared_words] = shared;
    let stats = BeadStats {
        src_chars: s.chars,
        tgt_chars: t.chars,
        src_numbers: s.numbers,
        tgt_numbers: t.numbers,
        shared_numbers,
        shared_names,
        shared_words,
        src_words: s.words,
        inner_paragraph_breaks: s.inner_breaks + t.inner_breaks,
    };
    Some(evidence_cost(config, mv, &stats) + length_cost(config, ratio, s.chars, t.chars))
}

/// One bead of the best path: the cell it starts from and the cell it ends in.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Step {
    pub from: (usize, usize),
    pub to: (usize, usize),
    pub cost: f64,
}

impl Step {
    /// The side whose sentences the step leaves without a counterpart (0: Arabic, 1: English), or
    /// `None` when it pairs sentences of both sides.
    pub(crate) fn unpaired_side(&self) -> Option<usize> {
        match (self.to.0 > self.from.0, self.to.1 > self.from.1) {
            (true, false) => Some(0),
            (false, true) => Some(1),
            _ => None,
        }
    }

    /// Whether the step pairs sentences of both sides.
    pub(crate) fn is_paired(&self) -> bool {
        self.to.0 > self.from.0 && self.to.1 > self.from.1
    }
}

/// A run of consecutive steps of a path that each leave one sentence of the same side unpaired.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct UnpairedRun {
    /// The steps, in path order.
    pub(crate) beads: Range<usize>,
    /// The side of the unpaired sentences: 0 Arabic, 1 English.
    pub(crate) side: usize,
    /// The unpaired sentences of that side, one per step.
    pub(crate) sentences: Range<usize>,
}

/// The runs of at least `min_run` consecutive unpaired sentences of one side in `path` (each
/// unpaired step holds one sentence), in order.
pub(crate) fn unpaired_runs(path: &[Step], min_run: usize) -> Vec<UnpairedRun> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < path.len() {
        let Some(side) = path[k].unpaired_side() else {
            k += 1;
            continue;
        };
        let end = (k..path.len()).find(|&e| path[e].unpaired_side() != Some(side)).unwrap_or(path.len());
        if end - k >= min_run {
            let pick = |cell: (usize, usize)| if side == 0 { cell.0 } else { cell.1 };
            let sentences = pick(path[k].from)..pick(path[end - 1].to);
            out.push(UnpairedRun { beads: k..end, side, sentences });
        }
        k = end;
    }
    out
}

/// The geometry of one row of the band: columns `lo..=hi`, stored from `offset` on.
#[derive(Clone, Copy, Debug)]
struct Row {
    lo: usize,
    hi: usize,
    offset: usize,
}

impl Row {
    /// A row with no cells, for rows before the first.
    const EMPTY: Row = Row { lo: 1, hi: 0, offset: 0 };

    /// Index of the row's cell in column `j`, if the row covers it.
    #[inline(always)]
    fn cell(&self, j: usize) -> Option<usize> {
        // One comparison: below `lo`, the difference wraps around to a huge number.
        let k = j.wrapping_sub(self.lo);
        (k < (self.hi + 1).wrapping_sub(self.lo)).then(|| self.offset + k)
    }
}

/// The rows of cells computed: row `i` covers columns `lo[i]..=hi[i]`.
#[derive(Debug)]
struct Band {
    lo: Vec<usize>,
    hi: Vec<usize>,
    /// `offset[i]`: index of cell `(i, lo[i])` in the flat cell arrays; `offset[n + 1]` is the total.
    offset: Vec<usize>,
}

impl Band {
    /// A band from per-row bounds, made monotone and connected so the end cell is reachable.
    fn new(mut lo: Vec<usize>, mut hi: Vec<usize>, m: usize) -> Band {
        let n = lo.len() - 1;
        lo[0] = 0;
        hi[n] = m;
        for i in 1..=n {
            lo[i] = lo[i].max(lo[i - 1]);
        }
        for i in (0..n).rev() {
            hi[i] = hi[i].min(hi[i + 1]);
        }
        for i in 0..=n {
            hi[i] = hi[i].clamp(lo[i], m);
            if i > 0 {
                // A 1-1 or 1-0 bead must lead from row i - 1 into row i.
                lo[i] = lo[i].min(hi[i - 1]);
            }
        }
        let mut offset = Vec::with_capacity(n + 2);
        offset.push(0);
        for i in 0..=n {
            offset.push(offset[i] + hi[i] - lo[i] + 1);
        }
        Band { lo, hi, offset }
    }

    /// A band of half-width `width` around the expected path: a chain of anchors that occur once near
    /// the length diagonal in each document, kept in order on both sides (see [`anchor_chain`]), joined
    /// by the diagonals of cumulative character lengths between consecutive chain points.
    fn anchored(prep: &Prepared, width: usize) -> Band {
        let m = prep.tgt.len();
        let diagonal = diagonal_path(prep, &[]);
        // Anchors are looked for within this many sentences of the length diagonal: farther ones are
        // more likely coincidences (repeated text, common numbers) than drift, and drift beyond it is
        // left to the band's widening.
        let reach = width * 4;
        let chain = anchor_chain(prep, &diagonal, reach);
        let centre = diagonal_path(prep, &chain);
        Band::around(&centre, &centre, width, m)
    }

    /// A band of half-width `width` around per-row column ranges `first..=last`.
    fn around(first: &[usize], last: &[usize], width: usize, m: usize) -> Band {
        let lo = first.iter().map(|&j| j.saturating_sub(width)).collect();
        let hi = last.iter().map(|&j| (j + width).min(m)).collect();
        Band::new(lo, hi, m)
    }

    /// A band around a path, of half-width `widths[i]` in row `i`.
    fn around_path(path: &[Step], m: usize, widths: &[usize]) -> Band {
        let n = widths.len() - 1;
        let mut first = vec![usize::MAX; n + 1];
        let mut last = vec![0; n + 1];
        first[0] = 0;
        for step in path {
            for i in step.from.0..=step.to.0 {
                first[i] = first[i].min(step.from.1);
                last[i] = last[i].max(step.to.1);
            }
        }
        let lo = first.iter().zip(widths).map(|(&j, &w)| j.saturating_sub(w)).collect();
        let hi = last.iter().zip(widths).map(|(&j, &w)| (j + w).min(m)).collect();
        Band::new(lo, hi, m)
    }

    /// The geometry of row `i`.
    fn row(&self, i: usize) -> Row {
        Row { lo: self.lo[i], hi: self.hi[i], offset: self.offset[i] }
    }

    /// Index of cell `(i, j)` if it lies in the band.
    fn cell(&self, i: usize, j: usize) -> Option<usize> {
        self.row(i).cell(j)
    }

    fn cells(&self) -> usize {
        self.offset[self.offset.len() - 1]
    }

    /// Whether every row covers every column.
    fn is_full(&self, m: usize) -> bool {
        self.lo.iter().zip(&self.hi).all(|(&lo, &hi)| lo == 0 && hi == m)
    }

    /// The rows where the path comes within a quarter of the row's width of an edge that is not the
    /// document's edge.
    fn touched(&self, path: &[Step], m: usize, widths: &[usize]) -> Vec<usize> {
        path.iter()
            .map(|s| s.to)
            .filter(|&(i, j)| {
                let margin = widths[i] / 4 + 1;
                (self.lo[i] > 0 && j < self.lo[i] + margin) || (self.hi[i] < m && j + margin > self.hi[i])
            })
            .map(|(i, _)| i)
            .collect()
    }
}

/// Where a path found on the coarsened documents lies in the full table: row `i` is crossed between
/// columns `first[i]` and `last[i]`.
#[derive(Debug)]
struct Guide {
    first: Vec<usize>,
    last: Vec<usize>,
}

impl Guide {
    /// The cells of an `n × m` table that a path on the coarsened table (see [`SideData::coarsen`])
    /// passes through: coarse boundary `k` is boundary `min(COARSENING · k, len)`.
    fn project(path: &[Step], n: usize, m: usize) -> Guide {
        let mut first = vec![usize::MAX; n + 1];
        let mut last = vec![0; n + 1];
        first[0] = 0;
        for step in path {
            let at = |k: usize, len: usize| (COARSENING * k).min(len);
            let (i0, j0) = (at(step.from.0, n), at(step.from.1, m));
            let (i1, j1) = (at(step.to.0, n), at(step.to.1, m));
            for i in i0..=i1 {
                first[i] = first[i].min(j0);
                last[i] = last[i].max(j1);
            }
        }
        // A path from the start to the end cell crosses every row; the clamp only guards the band.
        for (f, l) in first.iter_mut().zip(&mut last) {
            *f = (*f).min(*l);
        }
        Guide { first, last }
    }
}

/// For every row `i`, the column where a path through `points` (in order on both sides) and the end
/// cells lies: between consecutive points it follows the diagonal of cumulative character lengths.
fn diagonal_path(prep: &Prepared, points: &[(usize, usize)]) -> Vec<usize> {
    let (n, m) = (prep.src.len(), prep.tgt.len());
    let mut centre = Vec::with_capacity(n + 1);
    let mut from = (0, 0);
    for &to in points.iter().chain([&(n, m)]) {
        if to.0 <= from.0 || to.1 < from.1 {
            continue;
        }
        let src_base = prep.src.chars_before(from.0);
        let tgt_base = prep.tgt.chars_before(from.1);
        let src_span = (prep.src.chars_before(to.0) - src_base).max(1.0);
        let tgt_span = (prep.tgt.chars_before(to.1) - tgt_base).max(1.0);
        let mut j = from.1;
        for i in from.0..to.0 {
            let share = (prep.src.chars_before(i) - src_base) / src_span;
            while j < to.1 && (prep.tgt.chars_before(j + 1) - tgt_base) / tgt_span <= share {
                j += 1;
            }
            centre.push(j);
        }
        from = to;
    }
    centre.push(m);
    centre
}

/// Cells `(a + 1, b + 1)` for Arabic sentence `a` and English sentence `b` that share a number or name
/// key occurring nowhere else within `reach` sentences of the `diagonal` (rows and columns) on either
/// side; of these, the longest chain increasing on both sides is kept, so a stray coincidence cannot
/// join a long chain of true matches.
fn anchor_chain(prep: &Prepared, diagonal: &[usize], reach: usize) -> Vec<(usize, usize)> {
    let mut points = Vec::new();
    let indexes =
        [(&prep.src.number_index, &prep.tgt.number_index), (&prep.src.name_index, &prep.tgt.name_index)];
    for (src_index, tgt_index) in indexes {
        // Along a key's run the diagonal's column never decreases, so the English window moves
        // forward only.
        for (src_run, tgt_run) in src_index.shared_runs(tgt_index) {
            let (mut lo, mut hi) = (0, 0);
            for (x, &a) in src_run.iter().enumerate() {
                let a = a as usize;
                let centre = diagonal[a + 1].saturating_sub(1);
                let (from, to) = (centre.saturating_sub(reach), centre + reach);
                while lo < tgt_run.len() && (tgt_run[lo] as usize) < from {
                    lo += 1;
                }
                hi = hi.max(lo);
                while hi < tgt_run.len() && (tgt_run[hi] as usize) <= to {
                    hi += 1;
                }
                let alone = |other: Option<&u32>| other.is_none_or(|&o| (o as usize).abs_diff(a) > reach);
                if hi - lo == 1 && alone(x.checked_sub(1).map(|p| &src_run[p])) && alone(src_run.get(x + 1)) {
                    points.push((a + 1, tgt_run[lo] as usize + 1));
                }
            }
        }
    }
    // Longest chain strictly increasing in both coordinates: sort by row, and by column descending
    // within a row, then take the longest strictly increasing run of columns (patience sorting).
    points.sort_unstable_by(|p, q| p.0.cmp(&q.0).then(q.1.cmp(&p.1)));
    points.dedup();
    let mut tails: Vec<usize> = Vec::new(); // tails[k]: index of the last point of the best chain of length k + 1
    let mut parent = vec![usize::MAX; points.len()];
    for (k, &(_, col)) in points.iter().enumerate() {
        let len = tails.partition_point(|&t| points[t].1 < col);
        if len > 0 {
            parent[k] = tails[len - 1];
        }
        if len == tails.len() {
            tails.push(k);
        } else {
            tails[len] = k;
        }
    }
    let mut chain = Vec::with_capacity(tails.len());
    let mut at = tails.last().copied().unwrap_or(usize::MAX);
    while at != usize::MAX {
        chain.push(points[at]);
        at = parent[at];
    }
    chain.reverse();
    // A point whose offset (column − row) is off the median of its neighbours' is a coincidence that
    // happened to fit in order; a true drift (an omission) moves the offsets of all later points.
    let offset = |p: &(usize, usize)| p.1 as i64 - p.0 as i64;
    let keep: Vec<bool> = (0..chain.len())
        .map(|k| {
            let window =
                &chain[k.saturating_sub(CHAIN_SMOOTHING)..(k + CHAIN_SMOOTHING + 1).min(chain.len())];
            let mut offsets: Vec<i64> = window.iter().map(offset).collect();
            offsets.sort_unstable();
            (offset(&chain[k]) - offsets[offsets.len() / 2]).abs() <= CHAIN_TOLERANCE
        })
        .collect();
    chain.into_iter().zip(keep).filter_map(|(p, keep)| keep.then_some(p)).collect()
}

/// Chain points on either side whose offsets a chain point's offset is compared with.
const CHAIN_SMOOTHING: usize = 2;
/// How far (in sentences) a chain point's offset may lie from its neighbours' median.
const CHAIN_TOLERANCE: i64 = 2;

/// Anchor pairs counted over the band: entry `cell(a + 1, b + 1)` holds how many number keys, name
/// keys and lexicon entries Arabic sentence `a` and English sentence `b` share.
fn count_pairs(band: &Band, prep: &Prepared) -> Vec<[u8; KEY_KINDS]> {
    let mut pairs = vec![[0u8; KEY_KINDS]; band.cells()];
    count_kind(&mut pairs, band, 0, &prep.src.number_index, &prep.tgt.number_index);
    count_kind(&mut pairs, band, 1, &prep.src.name_index, &prep.tgt.name_index);
    count_kind(&mut pairs, band, 2, &prep.src.word_index, &prep.tgt.word_index);
    pairs
}

/// Adds to `pairs[cell][kind]` the keys of two indexes of one kind that the cell's sentences share.
fn count_kind<K: Ord + Copy + Send>(
    pairs: &mut [[u8; KEY_KINDS]],
    band: &Band,
    kind: usize,
    src_index: &Postings<K>,
    tgt_index: &Postings<K>,
) {
    // Rows' first columns never decrease, so the English run is walked forward only.
    for (src_run, tgt_run) in src_index.shared_runs(tgt_index) {
        let mut start = 0;
        for &a in src_run {
            let row = band.row(a as usize + 1);
            while tgt_run.get(start).is_some_and(|&b| (b as usize + 1) < row.lo) {
                start += 1;
            }
            for &b in &tgt_run[start..] {
                let col = b as usize + 1;
                if col > row.hi {
                    break;
                }
                if let Some(c) = row.cell(col) {
                    pairs[c][kind] = (pairs[c][kind] + 1).min(MAX_CELL_PAIRS);
                }
            }
        }
    }
}

/// The most keys of one kind two sentences are counted to share: a bead of eight sentences against
/// one then shares at most 248, which fits the byte of [`PairSums`]. Far above what a bead's
/// evidence reads (`anchor_cap`, `word_cap`).
const MAX_CELL_PAIRS: u8 = u8::MAX / MAX_SIDE as u8;

/// The anchor pairs of [`count_pairs`] as running sums along each row of the band, so that the
/// pairs inside a bead are read with one subtraction per row it spans, whatever its width: three
/// bytes a cell (a sum down each column too would read an eight-sentence Arabic side in one
/// subtraction rather than eight, for three bytes more a cell, the largest array of a long pair).
/// Sums wrap around: the difference of two is exact as long as the true sum it stands for fits in a
/// byte, which a bead's row does (at most [`MAX_SIDE`] cells of at most [`MAX_CELL_PAIRS`]).
#[derive(Debug)]
struct PairSums {
    /// `along[cell(i, j)]`: the pairs of cells `(i, lo[i]..=j)`.
    along: Vec<[u8; KEY_KINDS]>,
}

impl PairSums {
    /// The sums of the pairs counted over `band`, made in place of them.
    fn new(band: &Band, mut pairs: Vec<[u8; KEY_KINDS]>) -> PairSums {
        let add = |a: [u8; KEY_KINDS], b: [u8; KEY_KINDS]| -> [u8; KEY_KINDS] {
            std::array::from_fn(|kind| a[kind].wrapping_add(b[kind]))
        };
        for i in 0..band.lo.len() {
            let row = band.row(i);
            let mut sum = [0u8; KEY_KINDS];
            for cell in &mut pairs[row.offset..=row.offset + row.hi - row.lo] {
                sum = add(sum, *cell);
                *cell = sum;
            }
        }
        PairSums { along: pairs }
    }

    /// The pairs of a bead of `S` Arabic and `T` English sentences ending in cell `(i, j)`, where
    /// `rows[k]` is row `i − k` and `j ≥ T`: the pairs of the cells `(i − S + 1..=i, j − T + 1..=j)`
    /// inside the band.
    #[inline(always)]
    fn bead<const S: usize, const T: usize>(&self, rows: &[Row; MAX_SIDE + 1], j: usize) -> [u32; KEY_KINDS] {
        let diff = |a: [u8; KEY_KINDS], b: [u8; KEY_KINDS]| -> [u32; KEY_KINDS] {
            std::array::from_fn(|kind| u32::from(a[kind].wrapping_sub(b[kind])))
        };
        // Read without a branch: before the row's first column the sums are 0, after its last
        // they are the last column's.
        let along = |row: &Row, col: usize| -> [u8; KEY_KINDS] {
            let sums = self.along[row.offset + col.clamp(row.lo, row.hi) - row.lo];
            if col < row.lo { [0; KEY_KINDS] } else { sums }
        };
        let mut sum = [0u32; KEY_KINDS];
        for row in &rows[..S] {
            let d = diff(along(row, j), along(row, j - T));
            sum = std::array::from_fn(|kind| sum[kind] + d[kind]);
        }
        sum
    }
}

/// Documents whose length ratio is off the model's by more than this factor get the whole table
/// when it is small enough (`Config::full_table_cells`).
const MISMATCH_FACTOR: f64 = 1.5;

/// Tables of more cells than this, (Arabic sentences + 1) × (English sentences + 1), are first
/// aligned coarsened (every [`COARSENING`] sentences merged into one, as many times as needed), and
/// the band is laid around the coarse path.
const COARSE_TABLE_CELLS: usize = 1 << 17;

/// Tables of coarsened documents this small are computed whole; larger ones are coarsened again.
/// A unit of merged sentences holds many anchors, which a cell of the whole table weighs against
/// every bead shape: the coarsest level, computed whole, costs more per cell than any band.
const TOP_TABLE_CELLS: usize = 1 << 14;

/// How many units of one level make a unit of the coarser level above it.
const COARSENING: usize = 4;

/// The least [`Config::null_run_discount`] of the first coarsened level, multiplied at each further
/// level as units grow: the guide looks for where the documents correspond, and an untranslated block
/// found there as one gap, not many, is what keeps the band on the true path when text repeats.
const GUIDE_RUN_DISCOUNT: f64 = 4.0;

/// The highest [`Config::end_null_factor`] of the coarsened levels: an untranslated beginning or
/// end is the commonest partial translation, and where text repeats (the same articles twice) the
/// guide would otherwise pair the English with a later copy as readily as with the first.
const GUIDE_END_NULL_FACTOR: f64 = 0.5;

/// The half-width of a band around a coarse guide: the guide already places the path within a
/// coarse unit or two, so the band need not reach as far as around the anchors of a small pair.
fn guided_width(config: &Config) -> usize {
    (config.band_width * 3 / 4).max(1)
}

/// The most runs of the program over one document pair: a first band and two widenings.
const MAX_RUNS: usize = 3;

/// The most units on one side of a bead on a coarsened level: a unit already merges
/// [`COARSENING`] sentences or more, so a bead of three units holds a sentence translated as twelve,
/// and the guide only needs to place the band. The wider shapes, costed at every cell of a level
/// whose units hold many anchors, were two thirds of the coarse levels' work.
const COARSE_MAX_SIDE: usize = 3;

/// Runs the banded program until the best path stays clear of the band's edges, and returns it.
///
/// The band follows where the two documents correspond, not only the length diagonal: a large pair
/// is first aligned coarsened ([`COARSENING`] sentences merged into one, recursively, down to a
/// table of [`TOP_TABLE_CELLS`] computed whole), and the band covers the coarse path projected
/// back, each level a band around the level above ([`guided_width`]). Each row has its own
/// half-width. Where the path touches an edge, the rows around the touch (as many rows either side
/// as eight times their width) are doubled in width, up to `max_band_width`, the band is re-centred
/// on the path, and the program runs again; elsewhere the band keeps its width, so a local drift does not widen the
/// whole document. Time and memory are `O((n + m) · max_band_width)` whatever the two counts.
pub(crate) fn best_path(config: &Config, ratio: f64, prep: &Prepared) -> Vec<Step> {
    // The configuration of each level, the documents' own first.
    let mut configs = vec![config.clone()];
    while !computed_unguided(config, prep, configs.len() - 1) {
        let finer = &configs[configs.len() - 1];
        configs.push(coarser_config(finer));
    }
    // From the coarsest level down, each level's path guides the band of the level below. Each
    // coarsened level is made from the documents themselves (both at once) and dropped once its path
    // is found, so that no two are held at once (their indexes are nearly as large as the
    // documents'; making the next while the program runs on one took the 1M pair's peak from 960 to
    // 1,034 MiB).
    let mut guide: Option<Vec<Step>> = None;
    for (depth, config) in configs.iter().enumerate().rev() {
        let path = if depth == 0 {
            path_at(config, ratio, prep, depth, guide.take())
        } else {
            let factor = COARSENING.pow(depth as u32);
            let (src, tgt) = rayon::join(|| prep.src.coarsen(factor), || prep.tgt.coarsen(factor));
            path_at(config, ratio, &Prepared::from_sides(&src, &tgt), depth, guide.take())
        };
        guide = Some(path);
    }
    guide.unwrap_or_default()
}

/// The sentence counts of `prep` coarsened `depth` times: each [`COARSENING`]`^depth` consecutive
/// sentences merged into one unit, the last ones fewer.
fn coarsened_len(prep: &Prepared, depth: usize) -> (usize, usize) {
    let factor = COARSENING.saturating_pow(depth as u32);
    (prep.src.len().div_ceil(factor), prep.tgt.len().div_ceil(factor))
}

/// Whether the program on `prep` coarsened `depth` times runs without a guide from a coarser level:
/// the whole table or, at full resolution, a small table's band around anchors.
fn computed_unguided(config: &Config, prep: &Prepared, depth: usize) -> bool {
    let (n, m) = coarsened_len(prep, depth);
    let cells = (n + 1).saturating_mul(m + 1);
    if depth == 0 {
        whole_table(config, prep) || cells <= COARSE_TABLE_CELLS
    } else {
        cells <= TOP_TABLE_CELLS
    }
}

/// Whether the program on the documents themselves covers the whole table.
///
/// When the documents' lengths do not fit the length ratio, one side has text the other lacks (a
/// translation followed by ten times its length of other articles), and the length diagonal can lie
/// far from the true path. Such a pair, when small enough, gets the whole table: the exact optimum
/// at a bounded cost. (A coarsened pair small enough always does.)
fn whole_table(config: &Config, prep: &Prepared) -> bool {
    let (n, m) = (prep.src.len(), prep.tgt.len());
    let (src_chars, tgt_chars) = (prep.src.total_chars(), prep.tgt.total_chars());
    let mismatched = src_chars > 0.0
        && tgt_chars > 0.0
        && (tgt_chars / src_chars / config.length_ratio).ln().abs() > MISMATCH_FACTOR.ln();
    mismatched && (n + 1).saturating_mul(m + 1) <= config.full_table_cells
}

/// The configuration of the level coarser than one with `config`: a merged unit holds the anchors
/// of its sentences, and may earn as many bonuses; a gap continued by a unit continues it by as many
/// sentences.
fn coarser_config(config: &Config) -> Config {
    let factor = COARSENING as f64;
    Config {
        anchor_cap: config.anchor_cap.saturating_mul(COARSENING as u32),
        word_cap: config.word_cap.saturating_mul(COARSENING as u32),
        null_run_discount: config.null_run_discount.max(GUIDE_RUN_DISCOUNT / factor) * factor,
        end_null_factor: config.end_null_factor.min(GUIDE_END_NULL_FACTOR),
        ..config.clone()
    }
}

/// The path on `prep`, the documents coarsened `depth` times, whose band lies around `guide`, the
/// path of the level above (dropped once the band is laid), when there is one; else over the whole
/// table, or around anchors (see [`computed_unguided`]).
fn path_at(
    config: &Config,
    ratio: f64,
    prep: &Prepared,
    depth: usize,
    guide: Option<Vec<Step>>,
) -> Vec<Step> {
    let (n, m) = (prep.src.len(), prep.tgt.len());
    let (mut band, first_width) = match guide {
        Some(path) => {
            let guide = Guide::project(&path, n, m);
            drop(path);
            let width = guided_width(config);
            (Band::around(&guide.first, &guide.last, width, m), width)
        }
        None if depth > 0 || whole_table(config, prep) => {
            (Band::new(vec![0; n + 1], vec![m; n + 1], m), config.band_width)
        }
        None => (Band::anchored(prep, config.band_width), config.band_width),
    };
    let mut widths = vec![first_width; n + 1];
    // Coarse levels run once: their path is only a guide, which the band around it may correct.
    let mut runs_left = if depth == 0 { MAX_RUNS } else { 1 };
    loop {
        let widest = if depth == 0 { MAX_SIDE } else { COARSE_MAX_SIDE };
        let path = run(config, ratio, prep, &band, widest);
        runs_left -= 1;
        let touched = band.touched(&path, m, &widths);
        if band.is_full(m) || touched.is_empty() || runs_left == 0 {
            return path;
        }
        let mut widen = vec![false; n + 1];
        for &row in &touched {
            let reach = widths[row] * 8;
            widen[row.saturating_sub(reach)..=(row + reach).min(n)].fill(true);
        }
        let mut grew = false;
        for (w, _) in widths.iter_mut().zip(&widen).filter(|(_, widen)| **widen) {
            let wider = (*w * 2).min(config.max_band_width);
            grew |= wider > *w;
            *w = wider;
        }
        if !grew {
            return path;
        }
        band = Band::around_path(&path, m, &widths);
    }
}

/// The state of a path in a cell: how its last bead ends. A run of unpaired sentences on one side
/// is one gap: each sentence after the first costs `null_run_discount` less.
const PAIRED: usize = 0;
/// The last bead is an unpaired Arabic sentence.
const SRC_GAP: usize = 1;
/// The last bead is an unpaired English sentence.
const TGT_GAP: usize = 2;

/// One back-pointer: two bytes per cell. Bits 0–4: the [`MOVES`] index of the last bead of the best
/// path ending [`PAIRED`], bits 5–6 the state it starts from; bits 7–8 and 9–10: the state the best
/// [`SRC_GAP`] and [`TGT_GAP`] paths come from.
type Back = u16;

/// The cheapest of a cell's three states, and which; of equal costs the first state wins.
fn cheapest(costs: &[f64; 3]) -> (f64, usize) {
    let mut best = (costs[PAIRED], PAIRED);
    for state in [SRC_GAP, TGT_GAP] {
        if costs[state] < best.0 {
            best = (costs[state], state);
        }
    }
    best
}

/// The cheapest way into a gap state from a cell's `costs`: continuing the gap (at a discount) or
/// opening it after the other states.
fn into_gap(costs: &[f64; 3], gap: usize, discount: f64) -> (f64, usize) {
    let mut best = (costs[PAIRED], PAIRED);
    for state in [SRC_GAP, TGT_GAP] {
        let cost = if state == gap { costs[state] - discount } else { costs[state] };
        if cost < best.0 {
            best = (cost, state);
        }
    }
    best
}

/// The cost of leaving a sentence unpaired, `null`, lowered by `end_null_factor` when it lies
/// `at_end`: before the first or after the last sentence of the other document, where a partial
/// translation's missing part most often is.
fn end_null(config: &Config, null: f64, at_end: bool) -> f64 {
    if at_end { null * config.end_null_factor } else { null }
}

/// One row of the program as the rows after it read it, a list per field: in column order, the
/// costs of each cell's three states, and the cheapest of them, which every bead starting from the
/// cell reads.
#[derive(Debug, Default)]
struct RowCells {
    costs: Vec<[f64; 3]>,
    /// [`cheapest`] of `costs`: its cost, then its state.
    cheapest: Vec<f64>,
    cheapest_state: Vec<u8>,
}

impl RowCells {
    /// Makes room for a row of `width` cells (set with [`RowCells::set`]).
    fn reset(&mut self, width: usize) {
        self.costs.clear();
        self.costs.resize(width, [f64::INFINITY; 3]);
        self.cheapest.clear();
        self.cheapest.resize(width, f64::INFINITY);
        self.cheapest_state.clear();
        self.cheapest_state.resize(width, PAIRED as u8);
    }

    /// Sets the costs of the row's `at`-th cell.
    fn set(&mut self, at: usize, costs: [f64; 3]) {
        let (cost, state) = cheapest(&costs);
        self.costs[at] = costs;
        self.cheapest[at] = cost;
        self.cheapest_state[at] = state as u8;
    }
}

/// The cheapest way into one cell's [`PAIRED`] state found so far.
#[derive(Clone, Copy, Debug)]
struct BestWay {
    cost: f64,
    /// Index into [`MOVES`] of the last bead of that way.
    step: u8,
    /// The state of the cell that bead starts from.
    from: u8,
}

impl BestWay {
    /// No way yet.
    const NONE: BestWay = BestWay { cost: f64::INFINITY, step: 0, from: 0 };
}

/// What the row being computed holds besides its cells, kept from row to row: the best way into
/// each cell's [`PAIRED`] state, and the cost added to any bead ending in each cell (a paragraph
/// end on one side only).
#[derive(Debug, Default)]
struct Scratch {
    best: Vec<BestWay>,
    edge: Vec<f64>,
}

/// The least cost a bead of each shape of [`MOVES`] ending in a row whose last Arabic sentences
/// are `src` (`src[w]`: the last `w`) can have, by the shape's index there: its shape's cost less
/// every bonus its Arabic side could earn (each capped; every name and lexicon word of it met once
/// in each English sentence, every number matched), since a bead's other costs are never negative;
/// and a hair less, so that a bead pruned for it is pruned however its own costs round. Unpaired
/// shapes: none.
fn least_costs(config: &Config, src: &[Window; MAX_SIDE + 1]) -> [f64; MOVES.len()] {
    std::array::from_fn(|k| match MOVES[k] {
        mv if mv.src > 0 && mv.tgt > 0 => {
            let (w, t) = (&src[mv.src], mv.tgt as u32);
            shape_cost(config, mv)
                - config.number_match_bonus * f64::from(w.numbers.min(config.anchor_cap))
                - config.name_match_bonus * f64::from(w.names.saturating_mul(t).min(config.anchor_cap))
                - config.word_match_bonus * f64::from(w.words.saturating_mul(t).min(config.word_cap))
                - 1e-9
        }
        _ => f64::NEG_INFINITY,
    })
}

/// What costing the non-null beads that end in row `i` reads.
struct Beads<'a> {
    config: &'a Config,
    ratio: f64,
    pairs: &'a PairSums,
    /// `rows[k]` is row `i − k`.
    rows: &'a [Row; MAX_SIDE + 1],
    /// `src[w]`: the last `w` Arabic sentences before boundary `i`.
    src: [Window; MAX_SIDE + 1],
    /// [`least_costs`] of the row.
    least: [f64; MOVES.len()],
    tgt: &'a SideData,
    /// The length model's tables, read once per row.
    tail: &'static TailTables,
}

impl<'a> Beads<'a> {
    /// What costing the beads ending in row `i` reads; `rows[k]` is row `i − k`.
    fn new(table: &'a Table<'a>, rows: &'a [Row; MAX_SIDE + 1], i: usize) -> Beads<'a> {
        let Table { config, ratio, prep, ref pairs, .. } = *table;
        let src = windows(prep.src, i);
        let least = least_costs(config, &src);
        Beads { config, ratio, pairs, rows, src, least, tgt: prep.tgt, tail: &TAIL }
    }

    /// Considers, for every cell of row `here` (row `i`), the bead of `S` Arabic and `T` English
    /// sentences ending there, from a cell of row `from_row` (row `i − S`, whose cells are `above`):
    /// of beads that reach a cell at the same cost, the first considered stays.
    #[inline(always)]
    fn relax_row<const S: usize, const T: usize>(
        &self,
        here: Row,
        from_row: Row,
        above: &RowCells,
        best: &mut [BestWay],
        edge: &[f64],
    ) {
        let step = const { move_index(S, T) };
        // The columns whose bead starts in a cell of `from_row`.
        let (lo, hi) = (here.lo.max(from_row.lo + T), here.hi.min(from_row.hi + T));
        if lo > hi {
            return;
        }
        let (at, start) = (lo - here.lo, lo - T - from_row.lo);
        let cells = best[at..=hi - here.lo].iter_mut().zip(&edge[at..]);
        for ((k, (way, &edge_cost)), &from) in cells.enumerate().zip(&above.cheapest[start..]) {
            if !from.is_finite() {
                continue;
            }
            // A bead that cannot beat the best way into this cell found so far is not costed.
            let budget = way.cost - from - edge_cost;
            if let Some(bead) = self.pair::<S, T>(lo + k, budget) {
                let total = from + edge_cost + bead;
                if total < way.cost {
                    *way = BestWay { cost: total, step, from: above.cheapest_state[start + k] };
                }
            }
        }
    }

    /// Cost of the bead of `S` Arabic and `T` English sentences ending in cell `(i, j)`, or `None`
    /// when it is certainly not below `budget`. The caller has checked that the bead's start cell
    /// exists. Every count is read from prefix sums, so a wide bead costs no more than a narrow
    /// one.
    #[inline(always)]
    fn pair<const S: usize, const T: usize>(&self, j: usize, budget: f64) -> Option<f64> {
        let least = self.least[usize::from(const { move_index(S, T) })];
        if least >= budget {
            return None;
        }
        let config = self.config;
        let src = self.src[S];
        if S + T > 2 {
            // The length's floor, from the English side's length alone, before its counts are read.
            let tgt_chars = self.tgt.chars(j - T, j);
            if length_floor_reaches(config, self.ratio, src.chars, tgt_chars, budget - least) {
                return None;
            }
        }
        let tgt = self.tgt.window(j, T);
        // Before counting a bead's anchor pairs: the lowest cost its anchors could give, then that
        // plus its length cost. Shared numbers are at most the fewer side's, and every name of one
        // side meets each sentence of the other at most once.
        let known_length = if S + T > 2 {
            let names = (src.names * T as u32).min(tgt.names * S as u32);
            let words = (src.words * T as u32).min(tgt.words * S as u32);
            let numbers = src.numbers.min(tgt.numbers);
            let lowest = shape_cost(config, Move { src: S, tgt: T })
                - config.number_match_bonus * f64::from(numbers.min(config.anchor_cap))
                - config.name_match_bonus * f64::from(names.min(config.anchor_cap))
                - config.word_match_bonus * f64::from(words.min(config.word_cap));
            if lowest >= budget {
                return None;
            }
            // The tables are read only when the length's floor leaves the bead a chance.
            if length_floor_reaches(config, self.ratio, src.chars, tgt.chars, budget - lowest) {
                return None;
            }
            let delta_sq = length_delta_sq(config, self.ratio, src.chars, tgt.chars);
            let length = self.tail.cost_of_square(delta_sq);
            if lowest + length >= budget {
                return None;
            }
            Some(length)
        } else {
            None
        };
        let [shared_numbers, shared_names, shared_words] = self.pairs.bead::<S, T>(self.rows, j);
        let stats = BeadStats {
            src_chars: src.chars,
            tgt_chars: tgt.chars,
            src_numbers: src.numbers,
            tgt_numbers: tgt.numbers,
            shared_numbers,
            shared_names,
            shared_words,
            src_words: src.words,
            inner_paragraph_breaks: src.inner_breaks + tgt.inner_breaks,
        };
        let evidence = evidence_cost(config, Move { src: S, tgt: T }, &stats);
        if evidence >= budget {
            return None;
        }
        let length = match known_length {
            Some(length) => length,
            None => {
                if length_floor_reaches(config, self.ratio, src.chars, tgt.chars, budget - evidence) {
                    return None;
                }
                self.tail.cost_of_square(length_delta_sq(config, self.ratio, src.chars, tgt.chars))
            }
        };
        Some(evidence + length)
    }
}

/// One run of the program over `band`, with beads of at most `widest` sentences on a side, on two
/// threads when the band is long enough ([`split_moves`]). Costs are kept for the last
/// `MAX_SIDE + 1` rows only, the back-pointers for every cell; the path's beads are costed again
/// once the back-pointers are dropped ([`steps`]).
fn run(config: &Config, ratio: f64, prep: &Prepared, band: &Band, widest: usize) -> Vec<Step> {
    let table = Table::new(config, ratio, prep, band, widest);
    steps(&table, best_moves(&table, split_row(band)))
}

/// The beads of the best path over `table`'s band (as [`Program::moves_back`] gives them): on two
/// threads when the band is split at row `split` ([`split_moves`]), else on this one.
fn best_moves(table: &Table, split: Option<usize>) -> Vec<TracedBead> {
    match split {
        Some(split) => split_moves(table, split, SPLIT_OVERLAP),
        None => {
            let mut whole = Program::new(table, 0, table.prep.src.len());
            whole.advance(table.prep.src.len());
            whole.moves_back(whole.end())
        }
    }
}

/// What every row of one run of the program reads.
struct Table<'a> {
    config: &'a Config,
    ratio: f64,
    prep: &'a Prepared<'a>,
    band: &'a Band,
    pairs: PairSums,
    /// The cost of leaving each Arabic sentence unpaired ([`side_null_cost`]).
    null_src: Vec<f64>,
    /// The cost of leaving each English sentence unpaired.
    null_tgt: Vec<f64>,
    /// The most sentences on one side of a bead.
    widest: usize,
}

impl<'a> Table<'a> {
    fn new(config: &'a Config, ratio: f64, prep: &'a Prepared, band: &'a Band, widest: usize) -> Table<'a> {
        let (n, m) = (prep.src.len(), prep.tgt.len());
        Table {
            config,
            ratio,
            prep,
            band,
            pairs: PairSums::new(band, count_pairs(band, prep)),
            null_src: (0..n).map(|a| side_null_cost(prep.src, config, a)).collect(),
            null_tgt: (0..m).map(|b| side_null_cost(prep.tgt, config, b)).collect(),
            widest,
        }
    }
}

/// A cell `(i, j)` of the program in one of its states.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Node {
    i: usize,
    j: usize,
    state: usize,
}

/// One bead of a path as a trace finds it: its index in [`MOVES`], and the states it ends and starts
/// in. A path is a list of them from its end back.
type TracedBead = (u8, u8, u8);

/// The nodes a path of `beads` ending in `end` passes through, from the end back, each with how
/// many of the beads lie after it.
fn nodes_back(end: Node, beads: &[TracedBead]) -> impl Iterator<Item = (Node, usize)> + '_ {
    beads.iter().enumerate().scan(end, |node, (k, &(mv, _, from))| {
        let shape = MOVES[usize::from(mv)];
        *node = Node { i: node.i - shape.src, j: node.j - shape.tgt, state: usize::from(from) };
        Some((*node, k + 1))
    })
}

/// Rows that the two halves of a split band both compute ([`split_moves`]): the earlier half
/// computes this many rows past the first row of the later one, and looks there for a node that
/// every path into its last rows passes through.
const SPLIT_OVERLAP: usize = 128;

/// Bands of fewer cells than this are computed on one thread: handing half of one to another
/// thread would cost about what it saves.
const SPLIT_MIN_CELLS: usize = 1 << 16;

/// The first row of the later half of a split band, when the band is long enough to split: the two
/// halves then hold about as many cells, each half of the overlap.
fn split_row(band: &Band) -> Option<usize> {
    let n = band.lo.len() - 1;
    if band.cells() < SPLIT_MIN_CELLS || n < 4 * SPLIT_OVERLAP {
        return None;
    }
    let middle = band.offset.partition_point(|&o| o < band.cells() / 2);
    // The earlier half must end before the last row (a band whose last rows hold half its cells
    // is not split).
    Some(middle.saturating_sub(SPLIT_OVERLAP / 2).max(1)).filter(|&split| split + SPLIT_OVERLAP < n)
}

/// The beads of the best path (as [`Program::moves_back`] gives them), the band computed in two
/// halves on two threads.
///
/// The earlier half is the program itself, stopped `overlap` rows past row `split`. The
/// later half runs from row `split` to the end as if every cell of row `split` were a start at no
/// cost, and traces its best path from the end. The best path of the whole band passes through
/// some node of the earlier half's last [`MAX_SIDE`] rows (no bead spans more rows), and up to that
/// node it is the earlier half's own path into it. So when the best way into every reached node of
/// those rows passes through one node that the later half's path passes through too, in the paired
/// state, the best
/// path goes through that node, and from it on it is the later half's path: a path from that node
/// is cheaper than another for the later half exactly when it is for the whole band. The best path
/// is then the earlier half's path into that node followed by the later half's from it. When there
/// is no such node, the earlier half goes on to the end alone and the later half's work is dropped.
/// The path is a best path of the whole band either way, and the same one wherever no other path
/// costs the same: where several do (the same line repeated), the two halves may break the tie
/// another way, their sums rounded differently.
fn split_moves(table: &Table, split: usize, overlap: usize) -> Vec<TracedBead> {
    let n = table.prep.src.len();
    let last = (split + overlap).min(n);
    // Both made on this thread, so that their back-pointers are allocated (and freed) where a band
    // computed whole would have them.
    let mut earlier = Program::new(table, 0, last);
    let mut later = Program::new(table, split, n);
    let ((), (later_end, mut moves)) = rayon::join(
        || earlier.advance(last),
        || {
            later.advance(n);
            let end = later.end();
            (end, later.moves_back(end))
        },
    );
    drop(later);
    // The later half's paired nodes in the overlap, with how many beads of its path follow each.
    let shared: Vec<(Node, usize)> =
        nodes_back(later_end, &moves).filter(|(node, _)| node.i <= last && node.state == PAIRED).collect();
    let meeting = earlier.meeting(split, |node| shared.iter().any(|&(on, _)| on == node));
    let Some(&(node, after)) = meeting.and_then(|node| shared.iter().find(|&&(on, _)| on == node)) else {
        earlier.advance(n);
        return earlier.moves_back(earlier.end());
    };
    moves.truncate(after);
    moves.extend(earlier.moves_back(node));
    moves
}

/// The program over the rows of a band from row `first` on, computed a block of rows at a time: from
/// the start cell `(0, 0)` when `first` is 0, else from every cell of row `first` at no cost (the
/// later half of a split band, [`split_moves`]).
struct Program<'t, 'a> {
    table: &'t Table<'a>,
    first: usize,
    /// The next row to compute.
    next: usize,
    /// `ring[i % (MAX_SIDE + 1)]`: row `i`'s cells, in column order, for the last rows computed.
    ring: [RowCells; MAX_SIDE + 1],
    /// The back-pointers of the cells of rows `first..next`, from cell `(first, lo[first])` on.
    back: Vec<Back>,
    /// What the row being computed holds apart from its cells.
    scratch: Scratch,
}

impl<'t, 'a> Program<'t, 'a> {
    /// The program from row `first` on, with room for the back-pointers of the rows up to `last`.
    fn new(table: &'t Table<'a>, first: usize, last: usize) -> Program<'t, 'a> {
        let offset = &table.band.offset;
        let back = vec![0; offset[last + 1] - offset[first]];
        Program { table, first, next: first, ring: Default::default(), back, scratch: Scratch::default() }
    }

    /// The end node: the end cell in its cheapest state, once every row is computed.
    fn end(&self) -> Node {
        let (n, m) = (self.table.prep.src.len(), self.table.prep.tgt.len());
        let state = self.ring[n % (MAX_SIDE + 1)].cheapest_state.last().map_or(PAIRED, |&s| usize::from(s));
        Node { i: n, j: m, state }
    }

    /// Computes the rows up to `last`, included.
    ///
    /// A row is computed a bead shape at a time, in the order of [`MOVES`] (so that of beads that
    /// reach a cell at the same cost the narrower stays), each shape over the columns whose start
    /// cell the band holds; then the unpaired states, column by column.
    fn advance(&mut self, last: usize) {
        let table = self.table;
        let Table { config, prep, band, ref null_src, ref null_tgt, widest, .. } = *table;
        let (n, m) = (prep.src.len(), prep.tgt.len());
        let discount = config.null_run_discount;
        let (first, base) = (self.first, band.offset[self.first]);
        let size = band.offset[last + 1] - base;
        if self.back.len() < size {
            self.back.resize(size, 0);
        }
        for i in self.next..=last {
            // rows[k] is row i − k: the rows a bead ending in row i starts from or holds pairs in.
            let rows: [Row; MAX_SIDE + 1] =
                std::array::from_fn(|k| if k <= i { band.row(i - k) } else { Row::EMPTY });
            let here = rows[0];
            let width = here.hi + 1 - here.lo;
            let mut cells = std::mem::take(&mut self.ring[i % (MAX_SIDE + 1)]);
            cells.reset(width);
            let Scratch { best, edge } = &mut self.scratch;
            best.clear();
            best.resize(width, BestWay::NONE);
            edge.clear();
            edge.extend((here.lo..=here.hi).map(|j| {
                let edge = prep.paragraphs && prep.src.ends_paragraph(i) != prep.tgt.ends_paragraph(j);
                if edge { config.paragraph_cost } else { 0.0 }
            }));
            if i == first {
                // The start: cell (0, 0), or every cell of the later half's first row.
                for (at, way) in best.iter_mut().enumerate() {
                    if first > 0 || here.lo + at == 0 {
                        way.cost = 0.0;
                    }
                }
            }
            let beads = Beads::new(table, &rows, i);
            let ring = &self.ring;
            // In the order of MOVES, so that ties go to the narrower bead.
            macro_rules! relax {
                ($s:literal, $t:literal) => {
                    if usize::max($s, $t) <= widest && i - first >= $s {
                        let above = &ring[(i - $s) % (MAX_SIDE + 1)];
                        beads.relax_row::<$s, $t>(here, rows[$s], above, best, edge);
                    }
                };
            }
            for_each_pair_shape!(relax);
            let back = &mut self.back[here.offset - base..][..width];
            for (at, j) in (here.lo..=here.hi).enumerate() {
                let (way, edge_cost) = (best[at], edge[at]);
                let mut costs = [way.cost, f64::INFINITY, f64::INFINITY];
                let mut pointer: Back = Back::from(way.step) | Back::from(way.from) << 5;
                // The cell above, in row i − 1 (none before the first row).
                let above = (i > first && (rows[1].lo..=rows[1].hi).contains(&j)).then(|| j - rows[1].lo);
                if let Some(above) = above {
                    let null = end_null(config, null_src[i - 1], j == 0 || j == m);
                    let above_costs = &ring[(i - 1) % (MAX_SIDE + 1)].costs[above];
                    let (cost, state) = into_gap(above_costs, SRC_GAP, discount.min(null));
                    costs[SRC_GAP] = cost + null + edge_cost;
                    pointer |= (state as Back) << 7;
                }
                if let Some(left) = at.checked_sub(1).map(|k| &cells.costs[k]) {
                    let null = end_null(config, null_tgt[j - 1], i == 0 || i == n);
                    let (cost, state) = into_gap(left, TGT_GAP, discount.min(null));
                    costs[TGT_GAP] = cost + null + edge_cost;
                    pointer |= (state as Back) << 9;
                }
                cells.set(at, costs);
                back[at] = pointer;
            }
            self.ring[i % (MAX_SIDE + 1)] = cells;
        }
        self.next = last + 1;
    }

    /// The node the best way into `node` comes from, and the index in [`MOVES`] of the bead between
    /// them; `None` at a start (a node of the first row in the paired state) and outside the rows
    /// computed.
    fn previous(&self, node: Node) -> Option<(Node, u8)> {
        let Node { i, j, state } = node;
        if i == self.first && state == PAIRED || !(self.first..self.next).contains(&i) {
            return None;
        }
        let pointer = self.back[self.table.band.cell(i, j)? - self.table.band.offset[self.first]];
        let (mv, from) = match state {
            SRC_GAP => (1, (pointer >> 7) & 3),
            TGT_GAP => (2, (pointer >> 9) & 3),
            _ => (pointer & 31, (pointer >> 5) & 3),
        };
        let shape = MOVES[usize::from(mv)];
        let (pi, pj) = (i.checked_sub(shape.src)?, j.checked_sub(shape.tgt)?);
        Some((Node { i: pi, j: pj, state: usize::from(from) }, mv as u8))
    }

    /// The beads of the best way into `node`, from it back to a start.
    fn moves_back(&self, mut node: Node) -> Vec<TracedBead> {
        let mut moves = Vec::new();
        while let Some((from, mv)) = self.previous(node) {
            moves.push((mv, node.state as u8, from.state as u8));
            node = from;
        }
        moves
    }

    /// The latest node in rows `split` and after that the best way into every reached node of the
    /// last [`MAX_SIDE`] rows computed passes through, of those that `wanted` accepts; `None` when
    /// those rows start before row `split`, when some ways into them part before row `split`, or
    /// when none of the nodes they share is wanted.
    fn meeting(&self, split: usize, wanted: impl Fn(Node) -> bool) -> Option<Node> {
        let band = self.table.band;
        let last = self.next.checked_sub(1)?;
        // The best path's last node before row `last + 1` lies in the last MAX_SIDE rows.
        let ends_from = (last + 1).checked_sub(MAX_SIDE).filter(|&row| row >= split)?;
        let base = band.offset[split];
        // Where each node of rows split..=last lies on the way into the first end (u32::MAX: not on it).
        let mut on_first = vec![u32::MAX; (band.offset[last + 1] - base) * 3];
        let slot = |node: Node| band.cell(node.i, node.j).map(|cell| (cell - base) * 3 + node.state);
        let mut ends = (ends_from..=last).flat_map(|i| {
            let row = band.row(i);
            self.ring[i % (MAX_SIDE + 1)].costs.iter().enumerate().flat_map(move |(at, costs)| {
                (0..3).filter(|&state| costs[state].is_finite()).map(move |state| Node {
                    i,
                    j: row.lo + at,
                    state,
                })
            })
        });
        let mut way: Vec<Node> = Vec::new();
        let mut node = ends.next()?;
        while node.i >= split {
            on_first[slot(node)?] = way.len() as u32;
            way.push(node);
            let Some((from, _)) = self.previous(node) else { break };
            node = from;
        }
        // The earliest node of that way where another way joins it.
        let mut joined = 0;
        for mut node in ends {
            loop {
                if node.i < split {
                    return None;
                }
                let at = on_first[slot(node)?];
                if at != u32::MAX {
                    joined = joined.max(at as usize);
                    break;
                }
                node = self.previous(node)?.0;
            }
        }
        way[joined..].iter().copied().find(|&node| wanted(node))
    }
}

/// The path of `moves` (from the end cell back, as [`Program::moves_back`] gives them), each bead
/// costed again.
fn steps(table: &Table, moves: Vec<TracedBead>) -> Vec<Step> {
    let Table { config, prep, band, .. } = *table;
    let (n, m) = (prep.src.len(), prep.tgt.len());
    let mut path = Vec::with_capacity(moves.len());
    let (mut i, mut j) = (n, m);
    for (mv, state, from) in moves {
        let (mv, state, from) = (MOVES[usize::from(mv)], usize::from(state), usize::from(from));
        let (pi, pj) = (i - mv.src, j - mv.tgt);
        let edge = prep.paragraphs && prep.src.ends_paragraph(i) != prep.tgt.ends_paragraph(j);
        let edge_cost = if edge { config.paragraph_cost } else { 0.0 };
        // A sentence continuing a gap costs the discount less, never below 0.
        let gap = |null: f64| if from == state { null - config.null_run_discount.min(null) } else { null };
        let cost = match (mv.src, mv.tgt) {
            (1, 0) => gap(end_null(config, side_null_cost(prep.src, config, pi), j == 0 || j == m)),
            (0, 1) => gap(end_null(config, side_null_cost(prep.tgt, config, pj), i == 0 || i == n)),
            _ => {
                let rows: [Row; MAX_SIDE + 1] =
                    std::array::from_fn(|k| if k <= i { band.row(i - k) } else { Row::EMPTY });
                let beads = Beads::new(table, &rows, i);
                let mut cost = None;
                macro_rules! cost_of {
                    ($s:literal, $t:literal) => {
                        if (mv.src, mv.tgt) == ($s, $t) {
                            cost = beads.pair::<$s, $t>(j, f64::INFINITY);
                        }
                    };
                }
                for_each_pair_shape!(cost_of);
                cost.unwrap_or(f64::INFINITY)
            }
        };
        path.push(Step { from: (pi, pj), to: (i, j), cost: cost + edge_cost });
        (i, j) = (pi, pj);
    }
    path.reverse();
    path
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::document::Segmentation;
    use crate::lang::Lang;

    #[test]
    fn a_key_two_merged_sentences_repeat_is_shared_once() {
        let src = Document::new("بلغ العدد 1950.\nوكان 1950 أيضا.", Lang::Arabic, Segmentation::Lines);
        let tgt = Document::new("The number reached 1950.", Lang::English, Segmentation::Lines);
        let prep = Prepared::new(&src, &tgt);
        let keys = SentenceKeys::new(&prep, &[true, true], &[true]);
        assert_eq!(keys.shared(&(0..2), &(0..1))[0], 2);
        assert_eq!(keys.shared_once(&(0..2), &(0..1))[0], 1);
        assert_eq!(keys.shared_once(&(0..1), &(0..1)), keys.shared(&(0..1), &(0..1)));
    }

    /// One Arabic sentence and, line by line, the eight English sentences it is translated as.
    pub(crate) fn one_sentence_translated_as_eight() -> (&'static str, String) {
        let en = [
            "The minister arrived in the city on Monday.",
            "He met the mayor at noon.",
            "They spoke about the new bridge.",
            "The bridge will cost 40 million dollars.",
            "Work starts in 2027.",
            "It will take three years.",
            "The mayor thanked the government.",
            "Residents have waited a long time.",
        ];
        let ar = "وصل الوزير إلى المدينة يوم الاثنين والتقى رئيس البلدية عند الظهر وتحدثا عن الجسر الجديد \
                  الذي ستبلغ كلفته 40 مليون دولار ويبدأ العمل فيه عام 2027 ويستغرق ثلاث سنوات، وقد شكر \
                  رئيس البلدية الحكومة، وانتظر السكان طويلا هذا اليوم.";
        (ar, en.join("\n"))
    }

    fn documents(ar: &str, en: &str) -> (Document, Document) {
        (
            Document::new(ar, Lang::Arabic, Segmentation::Lines),
            Document::new(en, Lang::English, Segmentation::Lines),
        )
    }

    #[test]
    fn anchor_chain_follows_shared_numbers_in_order() {
        // 1917 and 1945 pair in order; 1990 would cross them and is left out of the chain.
        let docs = documents(
            "في عام 1917 بدأت القصة.\nثم جاء عام 1990.\nوانتهت الحرب في 1945.",
            "The story began in 1917.\nThe war ended in 1945.\nThen came 1990.",
        );
        let prep = Prepared::new(&docs.0, &docs.1);
        let diagonal = diagonal_path(&prep, &[]);
        assert_eq!(anchor_chain(&prep, &diagonal, 8).len(), 2);
        assert_eq!(anchor_chain(&prep, &diagonal, 8)[0], (1, 1));
    }

    #[test]
    fn anchor_chain_skips_keys_repeated_near_the_diagonal() {
        let docs =
            documents("بلغ 250 شخصا.\nبلغ 250 شخصا.", "It reached 250 people.\nIt reached 250 people.");
        let prep = Prepared::new(&docs.0, &docs.1);
        let diagonal = diagonal_path(&prep, &[]);
        assert!(anchor_chain(&prep, &diagonal, 8).is_empty());
    }

    #[test]
    fn a_long_untranslated_half_stays_one_gap_after_the_pairs() {
        // 1000 Arabic sentences, the English of the first 400 only: a table of 401,401 cells, aligned
        // through the coarse guide (the whole table is switched off).
        let ar: String =
            (0..1000).map(|k| format!("قال إن العدد {k} بلغ {} في المدينة.\n", k * 7 + 3)).collect();
        let en: String = (0..400)
            .map(|k| format!("He said the number {k} reached {} in the city.\n", k * 7 + 3))
            .collect();
        let docs = documents(&ar, &en);
        let prep = Prepared::new(&docs.0, &docs.1);
        let config = Config { full_table_cells: 0, ..Config::default() };
        let path = best_path(&config, config.length_ratio, &prep);
        let pairs: Vec<_> = path.iter().filter(|s| s.is_paired()).collect();
        assert_eq!(pairs.len(), 400);
        assert!(pairs.iter().all(|s| s.from.0 == s.from.1 && s.to == (s.from.0 + 1, s.from.1 + 1)));
        assert!(path.iter().filter(|s| s.from.0 >= 400).all(|s| s.to.1 == 400));
    }

    #[test]
    fn guided_paths_cover_both_documents_whatever_the_counts() {
        // Tables over COARSE_TABLE_CELLS, so the coarse guide is used; identical lines give ties.
        let line = |k: usize, ar: bool| match (ar, k % 3) {
            (true, 0) => "قال الوزير إن الحرب انتهت.\n".to_owned(),
            (true, _) => format!("بلغ العدد {k} في المدينة.\n"),
            (false, 0) => "The minister said the war was over.\n".to_owned(),
            (false, _) => format!("The number reached {k} in the city.\n"),
        };
        for (n, m) in [(900, 200), (200, 900), (700, 700), (2000, 70), (70, 2000), (1200, 1)] {
            let ar: String = (0..n).map(|k| line(k, true)).collect();
            let en: String = (0..m).map(|k| line(k, false)).collect();
            let docs = documents(&ar, &en);
            let prep = Prepared::new(&docs.0, &docs.1);
            let config = Config { full_table_cells: 0, ..Config::default() };
            let path = best_path(&config, config.length_ratio, &prep);
            let mut at = (0, 0);
            for step in &path {
                assert_eq!(step.from, at, "{n} × {m}");
                assert!(step.to.0 >= at.0 && step.to.1 >= at.1 && step.to != at, "{n} × {m}");
                at = step.to;
            }
            assert_eq!(at, (n, m));
        }
    }

    #[test]
    fn one_sentence_against_eight_is_one_bead() {
        let (ar, en) = one_sentence_translated_as_eight();
        let docs = documents(&format!("قال.\n{ar}\nانتهى."), &format!("He said.\n{en}\nThe end."));
        let prep = Prepared::new(&docs.0, &docs.1);
        let config = Config::default();
        let path = best_path(&config, config.length_ratio, &prep);
        let shapes: Vec<(usize, usize)> =
            path.iter().map(|s| (s.to.0 - s.from.0, s.to.1 - s.from.1)).collect();
        assert_eq!(shapes, [(1, 1), (1, 8), (1, 1)]);
    }

    #[test]
    fn pair_sums_count_the_cells_of_any_bead() {
        let docs = documents(&"أ 1 2\n".repeat(12), &"a 1 2\n".repeat(12));
        let prep = Prepared::new(&docs.0, &docs.1);
        let band = Band::anchored(&prep, 3);
        let pairs = count_pairs(&band, &prep);
        let sums = PairSums::new(&band, pairs.clone());
        let (i, j) = (10, 9);
        let rows: [Row; MAX_SIDE + 1] = std::array::from_fn(|k| band.row(i - k));
        // Counted cell by cell over the band.
        let direct = |s: usize, t: usize| -> u32 {
            let mut sum = 0;
            for a in i + 1 - s..=i {
                for b in j + 1 - t..=j {
                    sum += band.cell(a, b).map_or(0, |c| u32::from(pairs[c][0]));
                }
            }
            sum
        };
        assert_eq!(sums.bead::<8, 1>(&rows, j)[0], direct(8, 1));
        assert_eq!(sums.bead::<1, 8>(&rows, j)[0], direct(1, 8));
        assert_eq!(sums.bead::<2, 2>(&rows, j)[0], direct(2, 2));
        assert_eq!(sums.bead::<1, 1>(&rows, j)[0], direct(1, 1));
        assert!(direct(8, 1) > 0);
    }

    /// A long made-up pair: sentences of varied lengths, each with a number of its own; the English
    /// of every 97th is dropped, and every 61st is joined with the next in one English sentence.
    /// The English of the Arabic sentences from `untranslated` on is left out.
    fn long_pair(n: usize, untranslated: usize) -> (String, String) {
        let words = |k: usize| 1 + (k * 7919) % 13;
        let arabic =
            |k: usize| format!("قال {}إن العدد بلغ {}.", "المتحدث باسم الوزارة ".repeat(words(k)), k * 7 + 3);
        let english = |k: usize| {
            format!("{}said the number reached {}.", "The ministry's spokesman ".repeat(words(k)), k * 7 + 3)
        };
        let (mut ar, mut en) = (String::new(), String::new());
        let mut k = 0;
        while k < n {
            ar.push_str(&(arabic(k) + "\n"));
            if k >= untranslated || k % 97 == 50 {
                k += 1;
                continue;
            }
            if k % 61 == 30 && k + 1 < n.min(untranslated) {
                ar.push_str(&(arabic(k + 1) + "\n"));
                en.push_str(&format!("{} {}\n", english(k), english(k + 1)));
                k += 2;
                continue;
            }
            en.push_str(&(english(k) + "\n"));
            k += 1;
        }
        (ar, en)
    }

    #[test]
    fn a_band_split_in_two_gives_the_path_of_the_whole_band() {
        let config = Config::default();
        for untranslated in [3000, 1000] {
            let (ar, en) = long_pair(3000, untranslated);
            let docs = documents(&ar, &en);
            let prep = Prepared::new(&docs.0, &docs.1);
            // A band around the path, as around a coarse guide.
            let guide = best_path(&config, config.length_ratio, &prep);
            let band = Band::around_path(&guide, prep.tgt.len(), &vec![24; prep.src.len() + 1]);
            let table = Table::new(&config, config.length_ratio, &prep, &band, MAX_SIDE);
            let split = split_row(&band).unwrap();
            // Every way into the last rows of the earlier half passes through one node.
            let mut earlier = Program::new(&table, 0, split + SPLIT_OVERLAP);
            earlier.advance(split + SPLIT_OVERLAP);
            assert!(earlier.meeting(split, |_| true).is_some(), "{untranslated}");
            let whole = best_moves(&table, None);
            assert_eq!(best_moves(&table, Some(split)), whole, "{untranslated}");
            // The path has the joins and the gaps.
            let path = steps(&table, whole);
            let shapes = |s: &Step| (s.to.0 - s.from.0, s.to.1 - s.from.1);
            assert!(path.iter().any(|s| shapes(s) == (2, 1)), "{untranslated}");
            assert!(path.iter().any(|s| shapes(s) == (1, 0)), "{untranslated}");
        }
    }

    #[test]
    fn a_split_band_whose_halves_do_not_meet_is_computed_whole() {
        let config = Config::default();
        let (ar, en) = long_pair(2000, 2000);
        let docs = documents(&ar, &en);
        let prep = Prepared::new(&docs.0, &docs.1);
        let band = Band::anchored(&prep, 48);
        let table = Table::new(&config, config.length_ratio, &prep, &band, MAX_SIDE);
        let split = split_row(&band).unwrap();
        // An overlap of fewer rows than a bead spans proves nothing.
        let mut earlier = Program::new(&table, 0, split + 1);
        earlier.advance(split + 1);
        assert_eq!(earlier.meeting(split, |_| true), None);
        assert_eq!(split_moves(&table, split, 1), best_moves(&table, None));
    }

    #[test]
    fn band_reaches_the_end_cell() {
        let docs = documents("أ\nب\nج\nد", "a\nb");
        let prep = Prepared::new(&docs.0, &docs.1);
        let band = Band::anchored(&prep, 1);
        assert!(band.cell(4, 2).is_some());
        assert!(band.cell(0, 0).is_some());
    }
}
