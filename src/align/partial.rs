//! Partial translations: a long run of one document with no counterpart in the other (an
//! untranslated half, a dropped middle), found as one block with the pairs on either side of it
//! right.
//!
//! The configured costs weigh an unpaired sentence against a merged or shifted pair one bead at a
//! time, and where the evidence is thin they often split an untranslated block into a shorter run
//! plus a few merged beads and shifted pairs: pairs that are wrong and look confident. A document
//! pair whose sentence counts differ by at least [`MIN_ANCHORED_BLOCK_SENTENCES`] is therefore
//! first aligned with the costs of a partial translation ([`partial_config`]: merges dearer, a run
//! of unpaired sentences cheaper wherever it lies and whatever its sentences' length, words of the
//! lexicon weighed more, for and against a pair). If that path leaves a block of one side unpaired
//! (a run of [`MIN_BLOCK_SENTENCES`], or a shorter one whose edges are sure or that the configured
//! costs leave unpaired too, elsewhere perhaps), it is the alignment,
//! once each merge next to the block has been weighed again with its keys counted once, against
//! pairing the block's far end instead ([`move_merged_edges`]) and against giving the block its
//! nearest sentence ([`release_merged_edges`]); else the configured costs align the pair, as they
//! do every pair whose counts fit.
//!
//! The length ratio of two documents one of which has a block that the other lacks is not the
//! ratio of the translation: where the path leaves a run of [`MIN_MEASURED_RUN`] unpaired, the pair
//! is aligned again at the ratio of the path's pairs ([`ratio`]), which the beads' confidence reads
//! too.
//!
//! Where a run of one side is left unpaired, the bead next to it is the only evidence of where the
//! run starts or ends: its alignment confidence reads its margin against moving the run's edge by
//! one sentence ([`edge_margins`]), not only against leaving it unpaired. Pairs between two runs of
//! one side are placed by their own evidence alone, and their confidence reads their margin against
//! trading places with the runs' sentences ([`island_margins`]).

use std::ops::Range;

use super::Config;
use super::cost::MAX_SIDE;
use super::dp::{
    KeyCount, Prepared, SentenceKeys, Step, UnpairedRun, best_path, in_run_cost, pair_cost, unpaired_cost,
    unpaired_runs,
};

/// The fewest consecutive unpaired sentences of one side whose path is found again at the ratio of
/// its pairs ([`ratio`]). Chosen on the even-numbered dev items (cut as the partial table cuts them,
/// and the noisy ones) between 1 and 2: 1 also moves the noisy items (their link F1 0.9895 to
/// 0.9916), but costs the raw ones, end to end, 0.0005 of link F1 (all items); 2 moves only the
/// partial ones.
const MIN_MEASURED_RUN: usize = 2;

/// The fewest consecutive unpaired sentences of one side that make a block on their own.
const MIN_BLOCK_SENTENCES: usize = 4;

/// The fewest consecutive unpaired sentences of one side that make a block when the beads next to
/// them are sure of its edges ([`MIN_EDGE_MARGIN`]). A shorter run is no block: it is as often a
/// merge that the partial translation's dearer merges broke up.
const MIN_ANCHORED_BLOCK_SENTENCES: usize = 3;

/// The least margin, in nats, that each paired bead next to a block of fewer than
/// [`MIN_BLOCK_SENTENCES`] sentences must have against moving the block's edge ([`edge_margins`]):
/// `3 ln 4`, the margin at which the alignment confidence reads 0.8. Chosen on the even-numbered
/// dev items (cut as the partial table cuts them, and the noisy ones): the blocks of three there
/// that are right have margins of 4.6 and more at both edges, the one that is a merge broken up
/// (an English sentence translated as three) 0.25.
const MIN_EDGE_MARGIN: f64 = 4.158_883_083_359_672;

/// The costs of a partial translation: merges dearer, a run of unpaired sentences cheaper, and
/// words of the lexicon weighed more, both shared ones and Arabic ones the English does not render,
/// so that a pair with nothing in common is left apart rather than shifted into place. Each is the
/// configured value or this, whichever is higher; chosen on the dev set's partial items (each clean
/// article with the English of its first half, its second half or its middle third taken out),
/// among two-one costs 5–8, run discounts 2.5–3, word bonuses 0.5–1 and word costs 0.25–0.5.
///
/// A block costs the same wherever it lies: no discount at the documents' ends, which on top of
/// the run discount would make an untranslated end free and draw a dropped middle there. And a
/// sentence's length weighs little on its cost, at most 0.0025 per character (the configured value
/// or this, whichever is lower): a block is one omission, and a long sentence at its edge was
/// otherwise paired with its neighbour's English rather than left in it. Chosen on the even-numbered
/// dev items among 0, 0.0025, 0.005 and 0.01 per character; 0 leaves a run of badly paired noisy
/// sentences unpaired (null precision of the noisy items 0.97 to 0.83).
fn partial_config(config: &Config) -> Config {
    Config {
        two_one_cost: config.two_one_cost.max(7.0),
        two_two_cost: config.two_two_cost.max(10.0),
        null_run_discount: config.null_run_discount.max(2.5).min(config.null_cost),
        word_match_bonus: config.word_match_bonus.max(1.0),
        word_missing_cost: config.word_missing_cost.max(0.25),
        end_null_factor: 1.0,
        null_cost_per_char: config.null_cost_per_char.min(0.0025),
        ..config.clone()
    }
}

/// The best path of a document pair: found at the length ratio `ratio` ([`path_at`]), and again at
/// the ratio measured on the pairs of that path ([`ratio`]) where it leaves a run of one side
/// unpaired. The ratio of two whole documents counts the sentences of an untranslated block on one
/// side only, and misreads how long the translated sentences run (a news article whose English
/// lacks its first twelve sentences: 0.66, where its pairs run at 0.99), which shifts pairs into
/// merges and runs.
///
/// Where the path leaves no such run although the sentence counts differ by as much, a merge next
/// to an unpaired sentence may hold a sentence of the run that the misread ratio gave it (a dropped
/// middle of two sentences read as one unpaired sentence and a merge): the ratio is measured once
/// each such merge has been weighed again with its keys counted once ([`release_merged_edges`]).
pub(crate) fn path(config: &Config, ratio: f64, prep: &Prepared) -> Vec<Step> {
    let first = path_at(config, ratio, prep);
    let (n, m) = (prep.src.len(), prep.tgt.len());
    let room = small(config, prep) && n.abs_diff(m) >= MIN_MEASURED_RUN;
    let measured = if room && longest_run(&first) < MIN_MEASURED_RUN {
        let released = release_merged_edges(config, ratio, prep, first.clone(), 1);
        self::ratio(config, ratio, prep, &released)
    } else {
        self::ratio(config, ratio, prep, &first)
    };
    if measured == ratio { first } else { path_at(config, measured, prep) }
}

/// The length ratio to cost the beads of `path` with: where the whole table is small enough to be
/// computed (`Config::full_table_cells`) and the path leaves a run of at least
/// [`MIN_MEASURED_RUN`] sentences of one side unpaired, the ratio of its paired sentences, pulled
/// toward the model's as the documents' own is; else `ratio`, the documents' own.
pub(crate) fn ratio(config: &Config, ratio: f64, prep: &Prepared, path: &[Step]) -> f64 {
    if !small(config, prep) || longest_run(path) < MIN_MEASURED_RUN {
        return ratio;
    }
    let (mut src, mut tgt, mut pairs) = (0.0, 0.0, 0);
    for step in path.iter().filter(|step| step.is_paired()) {
        src += prep.src.chars(step.from.0, step.to.0);
        tgt += prep.tgt.chars(step.from.1, step.to.1);
        pairs += 1;
    }
    super::pulled_ratio(config, src, tgt, pairs)
}

/// Whether the whole table of a document pair is small enough to be computed
/// (`Config::full_table_cells`).
fn small(config: &Config, prep: &Prepared) -> bool {
    (prep.src.len() + 1).saturating_mul(prep.tgt.len() + 1) <= config.full_table_cells
}

/// The best path of a document pair at length ratio `ratio`: under [`partial_config`] when the whole
/// table is small enough to be computed ([`small`]), the sentence counts differ by at least
/// [`MIN_ANCHORED_BLOCK_SENTENCES`] and that path leaves a block of one side unpaired (a run of
/// [`MIN_BLOCK_SENTENCES`], or of [`MIN_ANCHORED_BLOCK_SENTENCES`] whose edges are sure, or whose
/// runs [`best_path`] repeats: see [`same_blocks`]), with the merges next to the block weighed again
/// ([`move_merged_edges`], [`release_merged_edges`]); else [`best_path`]. Larger pairs keep
/// [`best_path`], whose coarse guide finds a long block on its own.
fn path_at(config: &Config, ratio: f64, prep: &Prepared) -> Vec<Step> {
    let (n, m) = (prep.src.len(), prep.tgt.len());
    if small(config, prep) && n.abs_diff(m) >= MIN_ANCHORED_BLOCK_SENTENCES {
        let partial = best_path(&partial_config(config), ratio, prep);
        let longest = longest_run(&partial);
        let anchored = || {
            let margins = run_margins(config, ratio, prep, &partial, MIN_ANCHORED_BLOCK_SENTENCES);
            !margins.is_empty() && margins.iter().all(|&(_, margin)| margin >= MIN_EDGE_MARGIN)
        };
        let block = longest >= MIN_BLOCK_SENTENCES || (longest >= MIN_ANCHORED_BLOCK_SENTENCES && anchored());
        if !block {
            let plain = best_path(config, ratio, prep);
            if longest < MIN_ANCHORED_BLOCK_SENTENCES || !same_blocks(&partial, &plain) {
                return plain;
            }
        }
        let moved = move_merged_edges(config, ratio, prep, partial);
        return release_merged_edges(config, ratio, prep, moved, MIN_ANCHORED_BLOCK_SENTENCES);
    }
    best_path(config, ratio, prep)
}

/// Whether two paths leave the same runs of at least [`MIN_ANCHORED_BLOCK_SENTENCES`] unpaired,
/// side and length alike, wherever they lie. A run of three whose edges are not sure is still a
/// block when the configured costs leave one as long on the same side: both costings find that the
/// side has a block, and the partial one places it without the configured discount at the
/// documents' ends, which draws a dropped middle to an end (in a five-sentence article whose English
/// keeps its title and last sentence, the configured costs left the title unpaired with the
/// block). A merge that the partial costs break up into a run leaves no such run under the
/// configured costs.
fn same_blocks(partial: &[Step], plain: &[Step]) -> bool {
    let blocks = |path: &[Step]| -> Vec<(usize, usize)> {
        let runs = unpaired_runs(path, MIN_ANCHORED_BLOCK_SENTENCES);
        runs.into_iter().map(|run| (run.side, run.beads.len())).collect()
    };
    blocks(partial) == blocks(plain)
}

/// The most consecutive sentences of one side that `path` leaves unpaired.
fn longest_run(path: &[Step]) -> usize {
    unpaired_runs(path, 1).into_iter().map(|run| run.beads.len()).max().unwrap_or(0)
}

/// The paired bead nearest before bead `k` of `path`, past the unpaired ones: a run of one side is
/// edged by the paired beads around it, whatever unpaired sentences of the other side lie between
/// (the program orders adjacent unpaired sentences of the two sides either way at the same cost).
pub(crate) fn paired_before(path: &[Step], k: usize) -> Option<usize> {
    path.get(..k)?.iter().rposition(Step::is_paired)
}

/// The paired bead nearest from bead `k` of `path` on, past the unpaired ones (see
/// [`paired_before`]).
pub(crate) fn paired_after(path: &[Step], k: usize) -> Option<usize> {
    Some(k + path.get(k..)?.iter().position(Step::is_paired)?)
}

/// `path` with each merge next to a block weighed again against its other side paired with the
/// sentences at the block's far end instead, the merge's own sentences joining the block: where
/// a bead of two or more sentences of one side lies just before (after) a run of at least
/// [`MIN_ANCHORED_BLOCK_SENTENCES`] unpaired sentences of that side, its other side is paired with
/// the last (first) one to [`MAX_SIDE`] sentences of the run instead when that is cheaper with each
/// bead's shared keys counted once ([`KeyCount::Once`]).
///
/// The program counts a key once for each pair of sentences that share it: the sentences before an
/// untranslated block often name who the English after it names, and a merge of them counts each
/// name once per sentence against the one English sentence that holds it, which can outweigh the
/// English sentence's real counterpart at the block's far end.
fn move_merged_edges(config: &Config, ratio: f64, prep: &Prepared, mut path: Vec<Step>) -> Vec<Step> {
    let costs = partial_config(config);
    // (bead, the run's side, whether the run follows the bead, the run's sentences)
    let mut edges: Vec<(usize, usize, bool, Range<usize>)> = Vec::new();
    for UnpairedRun { beads, side, sentences: run } in unpaired_runs(&path, MIN_ANCHORED_BLOCK_SENTENCES) {
        let pick = |cell: (usize, usize)| if side == 0 { cell.0 } else { cell.1 };
        let merge = |k: &usize| path[*k].is_paired() && pick(path[*k].to) - pick(path[*k].from) >= 2;
        if let Some(k) = beads.start.checked_sub(1).filter(merge) {
            edges.push((k, side, true, run.clone()));
        }
        if let Some(k) = Some(beads.end).filter(|&k| k < path.len()).filter(merge) {
            edges.push((k, side, false, run));
        }
    }
    if edges.is_empty() {
        return path;
    }
    let mut wanted = [vec![false; prep.src.len()], vec![false; prep.tgt.len()]];
    for (k, side, _, run) in &edges {
        let step = &path[*k];
        wanted[0][step.from.0..step.to.0].fill(true);
        wanted[1][step.from.1..step.to.1].fill(true);
        wanted[*side][run.clone()].fill(true);
    }
    let keys = SentenceKeys::new(prep, &wanted[0], &wanted[1]);
    let sides = [prep.src, prep.tgt];
    // The cost of unpaired sentence `k` of `side` first in its run, or continuing it.
    let unpaired = |side: usize, k: usize, first: bool| {
        if first {
            unpaired_cost(sides[side], &costs, k..k + 1)
        } else {
            in_run_cost(sides[side], &costs, k..k + 1)
        }
    };
    let run_cost =
        |side: usize, run: Range<usize>| run.clone().map(|k| unpaired(side, k, k == run.start)).sum::<f64>();
    // The steps each change replaced, so that a bead or run changed once is not changed again.
    let mut replaced: Vec<Range<usize>> = Vec::new();
    // Later edges first, so that the beads of earlier ones keep their places.
    for (k, side, run_follows, run) in edges.into_iter().rev() {
        let steps = if run_follows { k..k + 1 + run.len() } else { k - run.len()..k + 1 };
        if replaced.iter().any(|r| r.start < steps.end && steps.start < r.end) {
            continue;
        }
        let step = path[k];
        let (own, other) = if side == 0 {
            (step.from.0..step.to.0, step.from.1..step.to.1)
        } else {
            (step.from.1..step.to.1, step.from.0..step.to.0)
        };
        let cell = |mine: usize, theirs: usize| if side == 0 { (mine, theirs) } else { (theirs, mine) };
        let once = |mine: Range<usize>| {
            let (src, tgt) = if side == 0 { (mine, other.clone()) } else { (other.clone(), mine) };
            pair_cost(&costs, ratio, prep, &keys, KeyCount::Once, src, tgt)
        };
        let Some(merged) = once(own.clone()) else { continue };
        let current = merged + run_cost(side, run.clone());
        // The cheapest far end of the run to pair instead, with the sentences left to the run.
        let mut best: Option<(f64, Range<usize>, Range<usize>)> = None;
        for width in 1..=MAX_SIDE.min(run.len()) {
            let (far, rest) = if run_follows {
                (run.end - width..run.end, own.start..run.end - width)
            } else {
                (run.start..run.start + width, run.start + width..own.end)
            };
            let Some(paired) = once(far.clone()) else { continue };
            let cost = paired + run_cost(side, rest.clone());
            if cost < best.as_ref().map_or(current, |b| b.0) {
                best = Some((cost, far, rest));
            }
        }
        let Some((_, far, rest)) = best else { continue };
        let (src, tgt) = if side == 0 { (far.clone(), other.clone()) } else { (other.clone(), far.clone()) };
        let Some(cost) = pair_cost(&costs, ratio, prep, &keys, KeyCount::PerSentence, src, tgt) else {
            continue;
        };
        let far_step = Step { from: cell(far.start, other.start), to: cell(far.end, other.end), cost };
        let theirs = if run_follows { other.start } else { other.end };
        let left = rest.clone().map(|m| Step {
            from: cell(m, theirs),
            to: cell(m + 1, theirs),
            cost: unpaired(side, m, m == rest.start),
        });
        let with: Vec<Step> = if run_follows {
            left.chain(std::iter::once(far_step)).collect()
        } else {
            std::iter::once(far_step).chain(left).collect()
        };
        replaced.push(steps.clone());
        path.splice(steps, with);
    }
    path
}

/// `path` with each merge next to a block weighed again: where a bead next to a run of at least
/// `min_run` unpaired sentences of one side, none of them page furniture, holds two or more
/// sentences of that side, its sentence nearest the run joins the run when that is cheaper with the
/// bead's shared keys counted once ([`KeyCount::Once`]), as long as the bead keeps a sentence of
/// that side. Page furniture is left unpaired at a cost of its own, whether or not a translation
/// is missing next to it, and says nothing of where a block lies.
///
/// The program counts a key once for each pair of sentences that share it, which is right for the
/// beads it weighs against one another at one place, but not at a block's edge: the sentence before
/// an untranslated block often names who the next one names, and a merge that takes it counts the
/// name twice against the one English sentence that holds it, enough to outweigh the merge's cost.
/// Counted once, the sentence must bring shared keys of its own, or a better length, to stay.
fn release_merged_edges(
    config: &Config,
    ratio: f64,
    prep: &Prepared,
    path: Vec<Step>,
    min_run: usize,
) -> Vec<Step> {
    let costs = partial_config(config);
    // (bead, the run's side, whether the run follows the bead)
    let mut borders: Vec<(usize, usize, bool)> = Vec::new();
    for UnpairedRun { beads, side, sentences } in unpaired_runs(&path, min_run) {
        let furniture = if side == 0 { &prep.src.furniture } else { &prep.tgt.furniture };
        if furniture[sentences].iter().any(|&f| f) {
            continue;
        }
        if let Some(before) = paired_before(&path, beads.start) {
            borders.push((before, side, true));
        }
        if let Some(after) = paired_after(&path, beads.end) {
            borders.push((after, side, false));
        }
    }
    if borders.is_empty() {
        return path;
    }
    let mut wanted = [vec![false; prep.src.len()], vec![false; prep.tgt.len()]];
    for &(bead, _, _) in &borders {
        let step = &path[bead];
        wanted[0][step.from.0..step.to.0].fill(true);
        wanted[1][step.from.1..step.to.1].fill(true);
    }
    let keys = SentenceKeys::new(prep, &wanted[0], &wanted[1]);
    let mut out = Vec::with_capacity(path.len() + borders.len());
    for (k, mut bead) in path.into_iter().enumerate() {
        // The sentences the bead gives to the run after it, in order.
        let mut released: Vec<Step> = Vec::new();
        for &(_, side, run_follows) in borders.iter().filter(|b| b.0 == k) {
            let sides = |step: &Step| (step.from.0..step.to.0, step.from.1..step.to.1);
            let with = |own: Range<usize>, step: &Step| {
                let (src, tgt) = sides(step);
                if side == 0 { (own, tgt) } else { (src, own) }
            };
            loop {
                let own = if side == 0 { bead.from.0..bead.to.0 } else { bead.from.1..bead.to.1 };
                if own.len() < 2 {
                    break;
                }
                let (edge, rest) = if run_follows {
                    (own.end - 1, own.start..own.end - 1)
                } else {
                    (own.start, own.start + 1..own.end)
                };
                let (src, tgt) = sides(&bead);
                let (rest_src, rest_tgt) = with(rest, &bead);
                let (Some(merged), Some(kept)) = (
                    pair_cost(&costs, ratio, prep, &keys, KeyCount::Once, src, tgt),
                    pair_cost(&costs, ratio, prep, &keys, KeyCount::Once, rest_src.clone(), rest_tgt.clone()),
                ) else {
                    break;
                };
                let in_run = in_run_cost(if side == 0 { prep.src } else { prep.tgt }, &costs, edge..edge + 1);
                if kept + in_run >= merged {
                    break;
                }
                let cost = pair_cost(&costs, ratio, prep, &keys, KeyCount::PerSentence, rest_src, rest_tgt)
                    .unwrap_or(kept);
                let shift = |(i, j): (usize, usize)| if side == 0 { (i + 1, j) } else { (i, j + 1) };
                let unshift = |(i, j): (usize, usize)| if side == 0 { (i - 1, j) } else { (i, j - 1) };
                if run_follows {
                    let to = unshift(bead.to);
                    released.insert(0, Step { from: to, to: bead.to, cost: in_run });
                    bead = Step { from: bead.from, to, cost };
                } else {
                    let from = shift(bead.from);
                    out.push(Step { from: bead.from, to: from, cost: in_run });
                    bead = Step { from, to: bead.to, cost };
                }
            }
        }
        out.push(bead);
        out.extend(released);
    }
    out
}

/// The margin, in nats, of each paired bead near a run of unpaired sentences against the
/// alternatives that the run makes possible, as `(bead, margin)` in bead order: for a bead next to a
/// run, moving the run's edge ([`edge_margins`]); for a bead between two runs of one side, trading
/// places with their sentences ([`island_margins`]). A bead that is both keeps the lesser margin.
/// The alignment confidence reads it besides the bead's margin against leaving its sentences
/// unpaired, which says little about where a run starts or ends.
pub(crate) fn margins(config: &Config, ratio: f64, prep: &Prepared, path: &[Step]) -> Vec<(usize, f64)> {
    let mut all = edge_margins(config, ratio, prep, path);
    all.extend(island_margins(config, ratio, prep, path));
    all.sort_by_key(|&(bead, _)| bead);
    keep_least(&mut all);
    all
}

/// Keeps one entry per bead of the sorted `margins`, with the least margin.
fn keep_least(margins: &mut Vec<(usize, f64)>) {
    margins.dedup_by(|later, first| {
        let same = later.0 == first.0;
        if same {
            first.1 = first.1.min(later.1);
        }
        same
    });
}

/// How far from a bead's sentences, in sentences of the runs' side, [`island_margins`] looks for
/// run sentences to trade places with: a bounded amount of work per bead, whatever the runs' length.
/// Chosen on the even-numbered dev items cut as the partial table cuts them: 8 leaves a wrong pair of
/// the dropped middle at 0.80 and more, 16 and 32 give the same figures.
const ISLAND_REACH: usize = 16;

/// The margin, in nats, of each paired bead of an island, a few pairs between two runs of at least
/// [`MIN_ANCHORED_BLOCK_SENTENCES`] unpaired sentences of one side, against its side on the runs'
/// side traded for as many sentences of either run, within [`ISLAND_REACH`] of its own: the least
/// extra cost of such a bead, as [`partial_config`] costs it, over the bead itself. An island holds
/// no more pairs than either run has sentences, so that it can trade places with either run whole:
/// it can then sit anywhere from the first run's start to the second run's end at the same cost of
/// unpaired sentences, and nothing in the order of the sentences places its pairs, only their own
/// evidence. Where that is no better than what the bead's other side shares with the sentences of
/// the runs (the names and words of the article, found in most of its sentences), the margin is
/// small. As `(bead, margin)` in bead order.
fn island_margins(config: &Config, ratio: f64, prep: &Prepared, path: &[Step]) -> Vec<(usize, f64)> {
    // (the beads between two runs, the runs' side, the sentences of both runs)
    let mut islands: Vec<(Range<usize>, usize, [Range<usize>; 2])> = Vec::new();
    let runs = unpaired_runs(path, MIN_ANCHORED_BLOCK_SENTENCES);
    for side in 0..2 {
        let of_side: Vec<&UnpairedRun> = runs.iter().filter(|run| run.side == side).collect();
        for pair in of_side.windows(2) {
            let island = pair[0].beads.end..pair[1].beads.start;
            let pairs = path[island.clone()].iter().filter(|step| step.is_paired()).count();
            if pairs <= pair[0].beads.len().min(pair[1].beads.len()) {
                islands.push((island, side, [pair[0].sentences.clone(), pair[1].sentences.clone()]));
            }
        }
    }
    if islands.is_empty() {
        return Vec::new();
    }
    // The run sentences within reach of a bead's sentences `own`.
    let near = |runs: &[Range<usize>; 2], own: &Range<usize>| -> [Range<usize>; 2] {
        let (lo, hi) = (own.start.saturating_sub(ISLAND_REACH), own.end + ISLAND_REACH);
        runs.clone().map(|run| run.start.max(lo)..run.end.min(hi))
    };
    let mut wanted = [vec![false; prep.src.len()], vec![false; prep.tgt.len()]];
    for (beads, side, runs) in &islands {
        for step in path[beads.clone()].iter().filter(|step| step.is_paired()) {
            let own = [step.from.0..step.to.0, step.from.1..step.to.1];
            for range in near(runs, &own[*side]) {
                wanted[*side][range.start.min(range.end)..range.end].fill(true);
            }
            wanted[0][own[0].clone()].fill(true);
            wanted[1][own[1].clone()].fill(true);
        }
    }
    let keys = SentenceKeys::new(prep, &wanted[0], &wanted[1]);
    let costs = partial_config(config);
    let mut out = Vec::new();
    for (beads, side, runs) in islands {
        for k in beads.filter(|&k| path[k].is_paired()) {
            let step = &path[k];
            let own = [step.from.0..step.to.0, step.from.1..step.to.1];
            let pair = |src: Range<usize>, tgt: Range<usize>| {
                pair_cost(&costs, ratio, prep, &keys, KeyCount::PerSentence, src, tgt)
            };
            let Some(current) = pair(own[0].clone(), own[1].clone()) else { continue };
            let width = own[side].len();
            let traded = near(&runs, &own[side])
                .into_iter()
                .flat_map(|run| (run.start..run.end).filter(move |&at| at + width <= run.end))
                .filter_map(|at| {
                    let other = at..at + width;
                    if side == 0 { pair(other, own[1].clone()) } else { pair(own[0].clone(), other) }
                })
                .fold(f64::INFINITY, f64::min);
            if traded.is_finite() {
                out.push((k, traded - current));
            }
        }
    }
    out.sort_by_key(|&(k, _)| k);
    out
}

/// The margin, in nats, of each paired bead next to a run of unpaired sentences of one side against
/// moving the run's edge by one sentence, as `(bead, margin)` in bead order.
///
/// Where some sentences of one side have no counterpart, the evidence of where they start or end
/// is the bead next to them alone, and its margin against leaving its own sentences unpaired says
/// little about that. The alternatives weighed are the bead taking the run's nearest sentence (a
/// merge), giving its own edge sentence to the run (a release), both at once (a shift by one), and
/// the bead's other side paired with the sentences at the run's far end instead (the run one bead
/// off). Each is costed as the partial pass costs it ([`partial_config`]): the bead as the program
/// costs one, a sentence that joins or leaves the run at the cost of continuing a run, a sentence
/// left unpaired on its own at the full null cost. The margin is the least of their extra costs.
fn edge_margins(config: &Config, ratio: f64, prep: &Prepared, path: &[Step]) -> Vec<(usize, f64)> {
    run_margins(config, ratio, prep, path, 1)
}

/// [`edge_margins`] for the runs of at least `min_run` sentences only.
fn run_margins(
    config: &Config,
    ratio: f64,
    prep: &Prepared,
    path: &[Step],
    min_run: usize,
) -> Vec<(usize, f64)> {
    // (bead, whether it lies before the run, the run's side, the run's sentences)
    let mut edges: Vec<(usize, bool, usize, Range<usize>)> = Vec::new();
    for UnpairedRun { beads, side, sentences: run } in unpaired_runs(path, min_run) {
        if let Some(bead) = paired_before(path, beads.start) {
            edges.push((bead, true, side, run.clone()));
        }
        if let Some(bead) = paired_after(path, beads.end) {
            edges.push((bead, false, side, run));
        }
    }
    // The sentences the alternatives read, whose keys are gathered in one pass over the indexes.
    let mut wanted = [vec![false; prep.src.len()], vec![false; prep.tgt.len()]];
    for (bead, _, side, run) in &edges {
        let step = &path[*bead];
        let mut mark = |s: usize, range: Range<usize>| {
            let end = range.end.min(wanted[s].len());
            wanted[s][range.start.min(end)..end].fill(true);
        };
        mark(0, step.from.0.saturating_sub(1)..step.to.0 + 1);
        mark(1, step.from.1.saturating_sub(1)..step.to.1 + 1);
        mark(*side, run.start..(run.start + MAX_SIDE).min(run.end));
        mark(*side, run.end.saturating_sub(MAX_SIDE).max(run.start)..run.end);
    }
    let keys = SentenceKeys::new(prep, &wanted[0], &wanted[1]);
    let costs = partial_config(config);
    let mut margins: Vec<(usize, f64)> = edges
        .into_iter()
        .map(|(bead, before, side, run)| {
            let edge = Edge { config: &costs, ratio, prep, keys: &keys, side, run };
            (bead, edge.margin(&path[bead], before))
        })
        .collect();
    // A bead between two runs keeps the lesser margin.
    keep_least(&mut margins);
    margins
}

/// A run of unpaired sentences of one side (`side` 0: Arabic, 1: English), to weigh the beads next
/// to it against moving its edge.
struct Edge<'a> {
    config: &'a Config,
    ratio: f64,
    prep: &'a Prepared<'a>,
    keys: &'a SentenceKeys,
    side: usize,
    run: Range<usize>,
}

impl Edge<'_> {
    /// The cost of leaving sentences `range` of the run's side unpaired on their own.
    fn alone(&self, range: Range<usize>) -> f64 {
        let side = if self.side == 0 { self.prep.src } else { self.prep.tgt };
        unpaired_cost(side, self.config, range)
    }

    /// The cost of sentences `range` of the run's side as part of the run: each the cost of an
    /// unpaired sentence less the discount of a run.
    fn in_run(&self, range: Range<usize>) -> f64 {
        in_run_cost(if self.side == 0 { self.prep.src } else { self.prep.tgt }, self.config, range)
    }

    /// The cost of the bead `step` with its side on the run's side replaced by `range`.
    fn pair(&self, step: &Step, range: Range<usize>) -> Option<f64> {
        let (src, tgt) =
            if self.side == 0 { (range, step.from.1..step.to.1) } else { (step.from.0..step.to.0, range) };
        pair_cost(self.config, self.ratio, self.prep, self.keys, KeyCount::PerSentence, src, tgt)
    }

    /// The least extra cost of the alternatives to bead `step`, which lies just `before` the run or
    /// just after it.
    fn margin(&self, step: &Step, before: bool) -> f64 {
        let own = if self.side == 0 { step.from.0..step.to.0 } else { step.from.1..step.to.1 };
        let Some(current) = self.pair(step, own.clone()) else { return f64::INFINITY };
        let (w, run) = (own.len(), &self.run);
        let one = |k: usize| k..k + 1;
        // (the bead's new sentences on the run's side, the cost of the sentences that change state)
        let mut alternatives: Vec<(Range<usize>, f64)> = Vec::with_capacity(4);
        if before {
            let (a, b) = (own.start, own.end);
            alternatives.push((a..b + 1, -self.in_run(one(b))));
            alternatives.push((a + 1..b + 1, self.alone(one(a)) - self.in_run(one(b))));
            if w >= 2 {
                alternatives.push((a..b - 1, self.in_run(one(b - 1))));
            }
            if run.len() >= w {
                let far = run.end - w..run.end;
                alternatives.push((far.clone(), self.in_run(own.clone()) - self.in_run(far)));
            }
        } else {
            let (a, b) = (own.start, own.end);
            alternatives.push((a - 1..b, -self.in_run(one(a - 1))));
            alternatives.push((a - 1..b - 1, self.alone(one(b - 1)) - self.in_run(one(a - 1))));
            if w >= 2 {
                alternatives.push((a + 1..b, self.in_run(one(a))));
            }
            if run.len() >= w {
                let far = run.start..run.start + w;
                alternatives.push((far.clone(), self.in_run(own.clone()) - self.in_run(far)));
            }
        }
        alternatives
            .into_iter()
            .filter_map(|(range, changed)| Some(self.pair(step, range)? + changed - current))
            .fold(f64::INFINITY, f64::min)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, Segmentation};
    use crate::lang::Lang;

    fn step(from: (usize, usize), to: (usize, usize)) -> Step {
        Step { from, to, cost: 0.0 }
    }

    #[test]
    fn a_block_is_a_run_of_one_side() {
        let arabic_run = [step((0, 0), (1, 1)), step((1, 1), (2, 1)), step((2, 1), (3, 1))];
        let four = [&arabic_run[..], &[step((3, 1), (4, 1)), step((4, 1), (5, 1))]].concat();
        assert_eq!(longest_run(&arabic_run), 2);
        assert_eq!(longest_run(&four), 4);
        // Two sentences of each side in turn are runs of one.
        let mixed = [step((0, 0), (1, 0)), step((1, 0), (1, 1)), step((1, 1), (2, 1)), step((2, 1), (2, 2))];
        assert_eq!(longest_run(&mixed), 1);
    }

    #[test]
    fn two_costings_agree_on_a_block_wherever_they_place_it() {
        // Five Arabic sentences, two English: the block in the middle, or at the start.
        let middle =
            [((0, 0), (1, 1)), ((1, 1), (2, 1)), ((2, 1), (3, 1)), ((3, 1), (4, 1)), ((4, 1), (5, 2))];
        let start =
            [((0, 0), (1, 0)), ((1, 0), (2, 0)), ((2, 0), (3, 0)), ((3, 0), (4, 1)), ((4, 1), (5, 2))];
        // A merge of three Arabic sentences, and a path with a run of two only.
        let merge = [((0, 0), (1, 1)), ((1, 1), (4, 1)), ((4, 1), (5, 2))];
        let two = [((0, 0), (1, 1)), ((1, 1), (2, 1)), ((2, 1), (3, 1)), ((3, 1), (5, 2))];
        type Cell = (usize, usize);
        let path = |cells: &[(Cell, Cell)]| -> Vec<Step> {
            cells.iter().map(|&(from, to)| step(from, to)).collect()
        };
        assert!(same_blocks(&path(&middle), &path(&start)));
        assert!(!same_blocks(&path(&middle), &path(&merge)));
        assert!(!same_blocks(&path(&middle), &path(&two)));
    }

    #[test]
    fn a_dropped_middle_is_one_block_between_right_pairs() {
        // Twelve Arabic sentences, the English of the first four and the last four only.
        let ar: Vec<String> =
            (0..12).map(|k| format!("قال الوزير إن عدد الزوار بلغ {} في المدينة.", 100 + k * 7)).collect();
        let en: Vec<String> = (0..12)
            .map(|k| format!("The minister said visitors reached {} in the city.", 100 + k * 7))
            .collect();
        let kept: Vec<&str> = en[..4].iter().chain(&en[8..]).map(String::as_str).collect();
        let (src, tgt) = documents(&ar, &kept);
        let prep = Prepared::new(&src, &tgt);
        let config = Config::default();
        let got = cells(&path(&config, config.length_ratio, &prep));
        let mut want: Vec<Cells> = (0..4).map(|k| ((k, k), (k + 1, k + 1))).collect();
        want.extend((4..8).map(|k| ((k, 4), (k + 1, 4))));
        want.extend((8..12).map(|k| ((k, k - 4), (k + 1, k - 3))));
        assert_eq!(got, want);
    }

    /// A bead's cells, `(from, to)`.
    type Cells = ((usize, usize), (usize, usize));

    /// The cells of each bead of `path`.
    fn cells(path: &[Step]) -> Vec<Cells> {
        path.iter().map(|s| (s.from, s.to)).collect()
    }

    /// The Arabic `ar` and the English lines `kept` of its translation, as documents of lines.
    fn documents(ar: &[String], kept: &[&str]) -> (Document, Document) {
        let src = Document::new(&ar.join("\n"), Lang::Arabic, Segmentation::Lines);
        let tgt = Document::new(&kept.join("\n"), Lang::English, Segmentation::Lines);
        (src, tgt)
    }

    /// Arabic sentences each with two numbers of its own, and their English.
    fn numbered(count: usize) -> (Vec<String>, Vec<String>) {
        let ar = (0..count)
            .map(|k| format!("قال الوزير إن عدد الزوار بلغ {} في المدينة عام {}.", 100 + k * 7, 1950 + k))
            .collect();
        let en = (0..count)
            .map(|k| {
                format!("The minister said visitors reached {} in the city in {}.", 100 + k * 7, 1950 + k)
            })
            .collect();
        (ar, en)
    }

    #[test]
    fn a_path_with_a_run_is_costed_at_the_ratio_of_its_pairs() {
        // Twelve Arabic sentences, the English of the last eight only: the documents' ratio counts
        // the four untranslated sentences, the pairs' does not.
        let (ar, en) = numbered(12);
        let kept: Vec<&str> = en[4..].iter().map(String::as_str).collect();
        let (src, tgt) = documents(&ar, &kept);
        let prep = Prepared::new(&src, &tgt);
        let config = Config::default();
        let mut path: Vec<Step> = (0..4).map(|k| step((k, 0), (k + 1, 0))).collect();
        path.extend((4..12).map(|k| step((k, k - 4), (k + 1, k - 3))));
        let whole = crate::align::pulled_ratio(&config, prep.src.total_chars(), prep.tgt.total_chars(), 8);
        let pairs = crate::align::pulled_ratio(&config, prep.src.chars(4, 12), prep.tgt.chars(0, 8), 8);
        assert!(whole < 0.8 * pairs, "{whole} {pairs}");
        assert_eq!(ratio(&config, whole, &prep, &path), pairs);
        // A run of one sentence keeps the documents' ratio.
        assert_eq!(ratio(&config, whole, &prep, &path[3..]), whole);
    }

    #[test]
    fn a_dropped_middle_of_three_with_sure_edges_is_a_block() {
        // Nine Arabic sentences, the English of the first three and the last three only.
        let (ar, en) = numbered(9);
        let kept: Vec<&str> = en[..3].iter().chain(&en[6..]).map(String::as_str).collect();
        let a = crate::Aligner::new().align_lines(&ar.join("\n"), &kept.join("\n")).unwrap();
        let shape: Vec<(Vec<usize>, Vec<usize>)> =
            a.beads.iter().map(|b| (b.src.clone(), b.tgt.clone())).collect();
        let mut want: Vec<(Vec<usize>, Vec<usize>)> = (0..3).map(|k| (vec![k], vec![k])).collect();
        want.extend((3..6).map(|k| (vec![k], vec![])));
        want.extend((6..9).map(|k| (vec![k], vec![k - 3])));
        assert_eq!(shape, want);
        let blocks: Vec<&str> =
            a.beads.iter().flat_map(|b| &b.findings).map(|f| f.message.as_str()).collect();
        assert!(blocks.contains(&"Arabic sentences 3–5 have no English"), "{blocks:?}");
    }

    #[test]
    fn a_merge_next_to_a_block_gives_it_the_sentence_it_does_not_translate() {
        // Twelve Arabic sentences, the English of the first four and the last three; a path that
        // merges the block's first and last sentences into the beads next to it.
        let (ar, en) = numbered(12);
        let kept: Vec<&str> = en[..4].iter().chain(&en[9..]).map(String::as_str).collect();
        let (src, tgt) = documents(&ar, &kept);
        let prep = Prepared::new(&src, &tgt);
        let config = Config::default();
        let mut merged: Vec<Step> = (0..3).map(|k| step((k, k), (k + 1, k + 1))).collect();
        merged.push(step((3, 3), (5, 4)));
        merged.extend((5..8).map(|k| step((k, 4), (k + 1, 4))));
        merged.push(step((8, 4), (10, 5)));
        merged.extend((10..12).map(|k| step((k, k - 5), (k + 1, k - 4))));
        let got = cells(&release_merged_edges(
            &config,
            config.length_ratio,
            &prep,
            merged,
            MIN_ANCHORED_BLOCK_SENTENCES,
        ));
        let mut want: Vec<Cells> = (0..4).map(|k| ((k, k), (k + 1, k + 1))).collect();
        want.extend((4..9).map(|k| ((k, 4), (k + 1, 4))));
        want.extend((9..12).map(|k| ((k, k - 5), (k + 1, k - 4))));
        assert_eq!(got, want);
    }

    #[test]
    fn a_merge_next_to_an_unpaired_sentence_releases_what_it_does_not_translate() {
        // Six Arabic sentences, the English of all but the third and fourth; a path that leaves the
        // third unpaired and merges the fourth into the fifth's bead.
        let (mut ar, en) = numbered(6);
        let kept: Vec<&str> = [0, 1, 4, 5].iter().map(|&k| en[k].as_str()).collect();
        let mut merged: Vec<Step> = vec![step((0, 0), (1, 1)), step((1, 1), (2, 2)), step((2, 2), (3, 2))];
        merged.extend([step((3, 2), (5, 3)), step((5, 3), (6, 4))]);
        let config = Config::default();
        let release = |ar: &[String]| {
            let (src, tgt) = documents(ar, &kept);
            let prep = Prepared::new(&src, &tgt);
            cells(&release_merged_edges(&config, config.length_ratio, &prep, merged.clone(), 1))
        };
        let mut want = cells(&merged);
        want.splice(3..4, [((3, 2), (4, 2)), ((4, 2), (5, 3))]);
        assert_eq!(release(&ar), want);
        // Page furniture left unpaired is no run to weigh a merge against.
        ar[2] = "تابعونا على تويتر".into();
        assert_eq!(release(&ar), cells(&merged));
    }

    #[test]
    fn a_merge_next_to_a_block_moves_to_the_far_end_that_translates_its_english() {
        // Nine Arabic sentences, the English of the last five; a path that merges the first two
        // Arabic sentences with the first English one and leaves its real counterpart in the run.
        let (ar, en) = numbered(9);
        let kept: Vec<&str> = en[4..].iter().map(String::as_str).collect();
        let (src, tgt) = documents(&ar, &kept);
        let prep = Prepared::new(&src, &tgt);
        let config = Config::default();
        let mut merged = vec![step((0, 0), (2, 1))];
        merged.extend((2..5).map(|k| step((k, 1), (k + 1, 1))));
        merged.extend((5..9).map(|k| step((k, k - 4), (k + 1, k - 3))));
        let got = cells(&move_merged_edges(&config, config.length_ratio, &prep, merged));
        let mut want: Vec<Cells> = (0..4).map(|k| ((k, 0), (k + 1, 0))).collect();
        want.extend((4..9).map(|k| ((k, k - 4), (k + 1, k - 3))));
        assert_eq!(got, want);
    }

    #[test]
    fn beads_next_to_a_run_are_weighed_against_moving_its_edge() {
        // Each sentence with two numbers of its own.
        let ar: Vec<String> = (0..12)
            .map(|k| format!("قال الوزير إن عدد الزوار بلغ {} في المدينة عام {}.", 100 + k * 7, 1950 + k))
            .collect();
        let numbered: Vec<String> = (0..12)
            .map(|k| {
                format!("The minister said visitors reached {} in the city in {}.", 100 + k * 7, 1950 + k)
            })
            .collect();
        let plain: Vec<String> =
            (0..12).map(|_| "The minister said many visitors came to the city that year.".into()).collect();
        let confidence = |en: &[String]| {
            let kept: Vec<&str> = en[..4].iter().chain(&en[8..]).map(String::as_str).collect();
            let a = crate::Aligner::new().align_lines(&ar.join("\n"), &kept.join("\n")).unwrap();
            let shape: Vec<(Vec<usize>, Vec<usize>)> =
                a.beads.iter().map(|b| (b.src.clone(), b.tgt.clone())).collect();
            (shape, a.beads.iter().map(|b| b.components.alignment.unwrap_or(0.0)).collect::<Vec<f64>>())
        };
        // Numbers say where the dropped middle starts and ends: the beads next to it stay confident.
        let (shape, numbered) = confidence(&numbered);
        assert_eq!((&shape[3], &shape[8]), (&(vec![3], vec![3]), &(vec![8], vec![4])));
        assert!(numbered[3] > 0.8 && numbered[8] > 0.8, "{numbered:?}");
        // Without them, nothing tells a bead next to the run from one shifted by a sentence.
        let (shape, plain) = confidence(&plain);
        let next_to_run: Vec<usize> = (0..shape.len())
            .filter(|&k| !shape[k].1.is_empty())
            .filter(|&k| {
                [k.wrapping_sub(1), k + 1].iter().any(|&n| shape.get(n).is_some_and(|b| b.1.is_empty()))
            })
            .collect();
        assert!(!next_to_run.is_empty(), "{shape:?}");
        assert!(next_to_run.iter().all(|&k| plain[k] < 0.8) && plain[0] > 0.9, "{plain:?}");
    }

    #[test]
    fn pairs_between_two_runs_are_weighed_against_trading_places_with_them() {
        // Ten Arabic sentences and four English ones, aligned with two Arabic runs around an island
        // of two pairs: the island's Arabic could as well be any of the runs' sentences.
        let path: Vec<Step> = [((0, 0), (1, 1)), ((1, 1), (2, 1)), ((2, 1), (3, 1)), ((3, 1), (4, 1))]
            .into_iter()
            .chain([((4, 1), (5, 2)), ((5, 2), (6, 3))])
            .chain([((6, 3), (7, 3)), ((7, 3), (8, 3)), ((8, 3), (9, 3)), ((9, 3), (10, 4))])
            .map(|(from, to)| step(from, to))
            .collect();
        let margins = |ar: &[String], en: &[String]| {
            let en: Vec<&str> = [0, 4, 5, 9].iter().map(|&k| en[k].as_str()).collect();
            let src = Document::new(&ar.join("\n"), Lang::Arabic, Segmentation::Lines);
            let tgt = Document::new(&en.join("\n"), Lang::English, Segmentation::Lines);
            let prep = Prepared::new(&src, &tgt);
            let config = Config::default();
            island_margins(&config, config.length_ratio, &prep, &path)
        };
        // Numbers of their own place the island's pairs: trading costs them their shared numbers.
        let (ar, en) = numbered(10);
        let placed = margins(&ar, &en);
        assert_eq!(placed.iter().map(|&(k, _)| k).collect::<Vec<_>>(), [4, 5]);
        assert!(placed.iter().all(|&(_, m)| m > MIN_EDGE_MARGIN), "{placed:?}");
        // Sentences alike: nothing places them, and their margin is nil.
        let ar: Vec<String> = (0..10).map(|_| "قال الوزير إن الزوار كثيرون في المدينة.".into()).collect();
        let en: Vec<String> =
            (0..10).map(|_| "The minister said visitors were many in the city.".into()).collect();
        let alike = margins(&ar, &en);
        assert_eq!(alike.len(), 2);
        assert!(alike.iter().all(|&(_, m)| m.abs() < 1e-9), "{alike:?}");
    }

    #[test]
    fn a_sentence_translated_as_eight_is_one_bead_not_a_block() {
        let (ar, en) = crate::align::dp::tests::one_sentence_translated_as_eight();
        // Seven more English sentences than Arabic ones, and a run of eight that a partial
        // translation's costs could read as unpaired: the wide bead stays.
        let a = crate::Aligner::new()
            .align_lines(&format!("قال.\n{ar}\nانتهى."), &format!("He said.\n{en}\nThe end."))
            .unwrap();
        let shape: Vec<(usize, usize)> = a.beads.iter().map(|b| (b.src.len(), b.tgt.len())).collect();
        assert_eq!(shape, [(1, 1), (1, 8), (1, 1)]);
    }
}
