//! Scoring of alignments against the NTREX dev set's gold beads, as its README describes.
//! Shared by `examples/evaluate.rs` (which prints the figures) and `tests/dev_set.rs` (which asserts
//! floors under them), and by `benches/align.rs` (which checks its input aligns correctly). Each of them
//! uses only part of it.
#![allow(dead_code)]

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use qalign::{Aligner, Alignment};

/// A bead as index lists on both sides.
type Beads = Vec<(Vec<usize>, Vec<usize>)>;

/// Counts summed over items.
#[derive(Default)]
pub struct Counts {
    pub links_pred: usize,
    pub links_gold: usize,
    pub links_hit: usize,
    pub strict_pred: usize,
    pub strict_gold: usize,
    pub strict_hit_pred: usize,
    pub strict_hit_gold: usize,
    pub lax_hit_pred: usize,
    pub lax_hit_gold: usize,
    pub null_pred: usize,
    pub null_gold: usize,
    pub null_hit: usize,
    pub items: usize,
}

pub fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
}

impl Counts {
    fn add(&mut self, pred: &Beads, gold: &Beads) {
        let links = |beads: &Beads| -> HashSet<(usize, usize)> {
            beads
                .iter()
                .flat_map(|(s, t)| s.iter().flat_map(move |&a| t.iter().map(move |&b| (a, b))))
                .collect()
        };
        let nulls = |beads: &Beads| -> HashSet<(u8, usize)> {
            beads
                .iter()
                .flat_map(|(s, t)| {
                    let mut v = Vec::new();
                    if t.is_empty() {
                        v.extend(s.iter().map(|&a| (0u8, a)));
                    }
                    if s.is_empty() {
                        v.extend(t.iter().map(|&b| (1u8, b)));
                    }
                    v
                })
                .collect()
        };
        let (pl, gl) = (links(pred), links(gold));
        self.links_pred += pl.len();
        self.links_gold += gl.len();
        self.links_hit += pl.intersection(&gl).count();
        let full = |beads: &Beads| -> Beads {
            beads.iter().filter(|(s, t)| !s.is_empty() && !t.is_empty()).cloned().collect()
        };
        let (pf, gf) = (full(pred), full(gold));
        self.strict_pred += pf.len();
        self.strict_gold += gf.len();
        let (pset, gset): (HashSet<_>, HashSet<_>) = (pf.iter().collect(), gf.iter().collect());
        self.strict_hit_pred += pf.iter().filter(|b| gset.contains(b)).count();
        self.strict_hit_gold += gf.iter().filter(|b| pset.contains(b)).count();
        let shares = |b: &(Vec<usize>, Vec<usize>), other: &HashSet<(usize, usize)>| {
            b.0.iter().any(|&a| b.1.iter().any(|&t| other.contains(&(a, t))))
        };
        self.lax_hit_pred += pf.iter().filter(|b| shares(b, &gl)).count();
        self.lax_hit_gold += gf.iter().filter(|b| shares(b, &pl)).count();
        let (pn, gn) = (nulls(pred), nulls(gold));
        self.null_pred += pn.len();
        self.null_gold += gn.len();
        self.null_hit += pn.intersection(&gn).count();
        self.items += 1;
    }

    pub fn link_f1(&self) -> f64 {
        f1(ratio(self.links_hit, self.links_pred), ratio(self.links_hit, self.links_gold))
    }

    /// One markdown table row of every figure.
    pub fn row(&self, name: &str) -> String {
        let lp = ratio(self.links_hit, self.links_pred);
        let lr = ratio(self.links_hit, self.links_gold);
        let figures = [
            lp,
            lr,
            f1(lp, lr),
            ratio(self.strict_hit_pred, self.strict_pred),
            ratio(self.strict_hit_gold, self.strict_gold),
            ratio(self.lax_hit_pred, self.strict_pred),
            ratio(self.lax_hit_gold, self.strict_gold),
            ratio(self.null_hit, self.null_pred),
            ratio(self.null_hit, self.null_gold),
        ];
        let cells: Vec<String> = figures.iter().map(|x| format!("{x:.4}")).collect();
        format!("| {name} | {} | {} |", self.items, cells.join(" | "))
    }
}

/// Parses a `.gold` file: `[0,1]:[2]` per line.
fn parse_gold(text: &str) -> Beads {
    let list = |s: &str| -> Vec<usize> {
        s.trim()
            .trim_start_matches('[')
            .trim_end_matches(']')
            .split(',')
            .filter_map(|x| x.trim().parse().ok())
            .collect()
    };
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .filter_map(|l| l.split_once(':').map(|(a, b)| (list(a), list(b))))
        .collect()
}

fn shape(alignment: &Alignment) -> Beads {
    alignment.beads.iter().map(|b| (b.src.clone(), b.tgt.clone())).collect()
}

/// Maps predicted beads onto the reference sentences of a raw item, as the dev set's README says:
/// beads that each hold at least 20 % of one reference sentence are merged (with any beads between
/// them), then each reference sentence goes to the merged bead holding more than half its bytes.
fn map_raw(alignment: &Alignment, ar_ref: &[(usize, usize)], en_ref: &[(usize, usize)]) -> Beads {
    let beads = &alignment.beads;
    let overlap = |r: (usize, usize), spans: &[qalign::document::Span]| -> f64 {
        let bytes: usize = spans.iter().map(|s| r.1.min(s.end).saturating_sub(r.0.max(s.start))).sum();
        bytes as f64 / (r.1 - r.0).max(1) as f64
    };
    // shares[side][r]: (bead, share of reference sentence r's bytes) for every bead holding some.
    let shares: Vec<Vec<Vec<(usize, f64)>>> = [(ar_ref, true), (en_ref, false)]
        .iter()
        .map(|&(refs, src)| {
            refs.iter()
                .map(|&r| {
                    beads
                        .iter()
                        .enumerate()
                        .map(|(k, b)| (k, overlap(r, if src { &b.src_spans } else { &b.tgt_spans })))
                        .filter(|&(_, share)| share > 0.0)
                        .collect()
                })
                .collect()
        })
        .collect();
    // joined[k]: bead k is merged with bead k + 1.
    let mut joined = vec![false; beads.len()];
    for held in shares.iter().flatten() {
        let big: Vec<usize> = held.iter().filter(|&&(_, share)| share >= 0.2).map(|&(k, _)| k).collect();
        if let (Some(&first), Some(&last)) = (big.first(), big.last()) {
            joined[first..last].iter_mut().for_each(|j| *j = true);
        }
    }
    let mut group = Vec::with_capacity(beads.len());
    let mut g = 0;
    for &j in &joined {
        group.push(g);
        if !j {
            g += 1;
        }
    }
    let mut merged: Beads = vec![(Vec::new(), Vec::new()); g];
    for (side, held_by) in shares.iter().enumerate() {
        for (r, held) in held_by.iter().enumerate() {
            let mut per_group: Vec<(usize, f64)> = Vec::new();
            for &(k, share) in held {
                match per_group.iter_mut().find(|x| x.0 == group[k]) {
                    Some(x) => x.1 += share,
                    None => per_group.push((group[k], share)),
                }
            }
            if let Some(&(g, _)) = per_group.iter().find(|x| x.1 > 0.5) {
                if side == 0 { merged[g].0.push(r) } else { merged[g].1.push(r) }
            }
        }
    }
    merged.retain(|(s, t)| !s.is_empty() || !t.is_empty());
    merged
}

#[derive(serde::Deserialize)]
struct RawGold {
    ar: Vec<(usize, usize)>,
    en: Vec<(usize, usize)>,
    beads: Vec<(Vec<usize>, Vec<usize>)>,
}

fn items(dir: &Path, suffix: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> =
        fs::read_dir(dir).map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect()).unwrap_or_default();
    out.retain(|p| p.to_string_lossy().ends_with(suffix));
    out.sort();
    out
}

/// The figures of one run over the dev set.
#[derive(Default)]
pub struct Report {
    /// Clean pre-split items.
    pub clean: Counts,
    /// Noisy pre-split items.
    pub noisy: Counts,
    /// Raw-text items, end to end.
    pub raw: Counts,
    /// Per item: link F1 and the item's path.
    pub items: Vec<(f64, String)>,
}

/// Scores one pre-split alignment against the text of its `.gold` file.
pub fn score_presegmented(alignment: &Alignment, gold: &str) -> Counts {
    let mut counts = Counts::default();
    counts.add(&shape(alignment), &parse_gold(gold));
    counts
}

/// Aligns every dev item with `aligner` and scores it.
pub fn evaluate(dev: &Path, aligner: &Aligner) -> anyhow::Result<Report> {
    let mut report = Report::default();
    for gold_path in items(&dev.join("presegmented"), ".gold") {
        let base = gold_path.to_string_lossy().trim_end_matches(".gold").to_string();
        let ar = fs::read_to_string(format!("{base}.ar"))?;
        let en = fs::read_to_string(format!("{base}.en"))?;
        let gold = parse_gold(&fs::read_to_string(&gold_path)?);
        let pred = shape(&aligner.align_lines(&ar, &en)?);
        let mut one = Counts::default();
        one.add(&pred, &gold);
        report.items.push((one.link_f1(), base.clone()));
        let counts = if base.ends_with(".clean") { &mut report.clean } else { &mut report.noisy };
        counts.add(&pred, &gold);
    }
    for gold_path in items(&dev.join("raw"), ".gold.json") {
        let base = gold_path.to_string_lossy().trim_end_matches(".gold.json").to_string();
        let ar = fs::read_to_string(format!("{base}.ar.txt"))?;
        let en = fs::read_to_string(format!("{base}.en.txt"))?;
        let gold: RawGold = serde_json::from_str(&fs::read_to_string(&gold_path)?)?;
        let pred = map_raw(&aligner.align(&ar, &en)?, &gold.ar, &gold.en);
        let mut one = Counts::default();
        one.add(&pred, &gold.beads);
        report.items.push((one.link_f1(), base.clone()));
        report.raw.add(&pred, &gold.beads);
    }
    Ok(report)
}

/// A pre-split item whose English lost the translation of a run of gold beads: the English lines of
/// those beads are taken out and their Arabic lines become unpaired in the gold.
pub struct Partial {
    pub ar: String,
    pub en: String,
    pub gold: Beads,
    /// The Arabic lines left without English, first to last.
    pub missing: std::ops::Range<usize>,
}

/// The gold as text, one bead a line (the `.gold` format).
pub fn gold_text(beads: &Beads) -> String {
    let list = |x: &[usize]| x.iter().map(|v| v.to_string()).collect::<Vec<_>>().join(",");
    beads.iter().map(|(s, t)| format!("[{}]:[{}]\n", list(s), list(t))).collect()
}

/// Takes the English of gold beads `cut` (bead indices) out of a pre-split item.
pub fn drop_english(ar: &str, en: &str, gold: &str, cut: std::ops::Range<usize>) -> Partial {
    let beads = parse_gold(gold);
    let dropped: HashSet<usize> = beads[cut.clone()].iter().flat_map(|(_, t)| t.iter().copied()).collect();
    let en_lines: Vec<&str> = en.lines().collect();
    // renumber[b]: English line b's number in the cut English.
    let mut renumber = vec![usize::MAX; en_lines.len()];
    let (mut kept, mut count) = (String::new(), 0);
    for (b, line) in en_lines.iter().enumerate().filter(|(b, _)| !dropped.contains(b)) {
        renumber[b] = count;
        count += 1;
        kept.push_str(line);
        kept.push('\n');
    }
    let mut out = Beads::new();
    for (k, (s, t)) in beads.iter().enumerate() {
        if cut.contains(&k) {
            out.extend(s.iter().map(|&a| (vec![a], Vec::new())));
        } else {
            out.push((s.clone(), t.iter().map(|&b| renumber[b]).collect()));
        }
    }
    let arabic = |k: usize| beads.get(k).and_then(|(s, _)| s.first().copied());
    let first = (cut.start..cut.end).find_map(arabic).unwrap_or(0);
    let last = (cut.start..cut.end).rev().find_map(|k| beads[k].0.last().copied()).map_or(first, |a| a + 1);
    Partial { ar: ar.to_owned(), en: kept, gold: out, missing: first..last }
}

/// How an alignment of a [`Partial`] item fares: its pairs right and wrong, the wrong ones the
/// aligner was confident in (alignment confidence at least 0.8), and whether one finding names the
/// missing block.
#[derive(Default)]
pub struct PartialCounts {
    pub items: usize,
    pub pairs: usize,
    pub right: usize,
    pub confident_wrong: usize,
    pub blocks_reported: usize,
    pub links: Counts,
}

impl PartialCounts {
    pub fn add(&mut self, alignment: &Alignment, item: &Partial) {
        let gold: HashSet<&(Vec<usize>, Vec<usize>)> = item.gold.iter().collect();
        for bead in alignment.pairs() {
            self.pairs += 1;
            if gold.contains(&(bead.src.clone(), bead.tgt.clone())) {
                self.right += 1;
            } else if bead.components.alignment.unwrap_or(0.0) >= 0.8 {
                self.confident_wrong += 1;
            }
        }
        // The block is reported when one finding ("Arabic sentences A–B have no English") covers at
        // least 90 % of its lines and reaches at most a tenth of its length beyond them.
        let len = item.missing.len();
        let block = |message: &str| -> Option<(usize, usize)> {
            let range = message.strip_prefix("Arabic sentences ")?.strip_suffix(" have no English")?;
            let (a, b) = range.split_once('–')?;
            Some((a.parse().ok()?, b.parse::<usize>().ok()? + 1))
        };
        let reported =
            alignment.beads.iter().flat_map(|b| &b.findings).filter_map(|f| block(&f.message)).any(
                |(from, to)| {
                    let overlap = to.min(item.missing.end).saturating_sub(from.max(item.missing.start));
                    len > 0 && overlap * 10 >= len * 9 && (to - from) * 10 <= len * 11
                },
            );
        self.blocks_reported += usize::from(reported);
        self.links.add(&shape(alignment), &item.gold);
        self.items += 1;
    }

    /// One markdown table row.
    pub fn row(&self, name: &str) -> String {
        format!(
            "| {name} | {} | {} | {:.4} | {} | {}/{} | {:.4} |",
            self.items,
            self.pairs,
            ratio(self.right, self.pairs),
            self.confident_wrong,
            self.blocks_reported,
            self.items,
            self.links.link_f1()
        )
    }
}

/// The clean pre-split items of the dev set: Arabic, English and gold beads of each.
pub fn clean_items(dev: &Path) -> anyhow::Result<Vec<(String, String, String)>> {
    let mut out = Vec::new();
    for gold_path in items(&dev.join("presegmented"), ".clean.gold") {
        let base = gold_path.to_string_lossy().trim_end_matches(".gold").to_string();
        let ar = fs::read_to_string(format!("{base}.ar"))?;
        let en = fs::read_to_string(format!("{base}.en"))?;
        out.push((ar, en, fs::read_to_string(&gold_path)?));
    }
    Ok(out)
}

/// The clean pre-split items of the dev set, each cut three ways: the English of its second half
/// taken out, of its first half, and of its middle third.
pub fn partial_items(dev: &Path) -> anyhow::Result<Vec<(&'static str, Partial)>> {
    let mut out = Vec::new();
    for (ar, en, gold) in clean_items(dev)? {
        let n = parse_gold(&gold).len();
        for (name, cut) in
            [("first half", n / 2..n), ("second half", 0..n / 2), ("middle third removed", n / 3..n - n / 3)]
        {
            out.push((name, drop_english(&ar, &en, &gold, cut)));
        }
    }
    Ok(out)
}

/// A pre-split item with gold beads of its own making.
pub struct Built {
    pub ar: String,
    pub en: String,
    pub gold: Beads,
}

/// How many sentences each joined run takes, in turn: a translator's long sentence rendered as four
/// to eight short ones.
const RUN_LENGTHS: [usize; 5] = [4, 5, 6, 7, 8];

/// Gold beads left as they are after each joined run.
const BEADS_BETWEEN_RUNS: usize = 2;

/// A pre-split item with runs of consecutive paired gold beads joined into one line on one side (the
/// English when `english`, else the Arabic): each run holds [`RUN_LENGTHS`] sentences of that side in
/// turn and becomes one bead of many sentences against one, with [`BEADS_BETWEEN_RUNS`] beads left
/// alone between runs. Beads with an empty side end a run before it is long enough and stay as they
/// are.
pub fn join_runs(ar: &str, en: &str, gold: &str, english: bool) -> Built {
    let beads = parse_gold(gold);
    let (ar_lines, en_lines): (Vec<&str>, Vec<&str>) = (ar.lines().collect(), en.lines().collect());
    let (joined_lines, kept_lines) = if english { (&en_lines, &ar_lines) } else { (&ar_lines, &en_lines) };
    // The joined side's new lines, and the gold as (kept side, joined side).
    let mut lines: Vec<String> = Vec::new();
    let mut out: Vec<(Vec<usize>, Vec<usize>)> = Vec::new();
    let sides = |(s, t): &(Vec<usize>, Vec<usize>)| {
        if english { (s.clone(), t.clone()) } else { (t.clone(), s.clone()) }
    };
    let (mut k, mut runs) = (0, 0);
    while k < beads.len() {
        let want = RUN_LENGTHS[runs % RUN_LENGTHS.len()];
        // The beads whose joined-side sentences add up to `want`, all paired.
        let (mut end, mut count) = (k, 0);
        while end < beads.len() && count < want {
            let (kept, joined) = sides(&beads[end]);
            if kept.is_empty() || joined.is_empty() || count + joined.len() > want {
                break;
            }
            count += joined.len();
            end += 1;
        }
        let copy_to = if count == want {
            let run: Vec<(Vec<usize>, Vec<usize>)> = beads[k..end].iter().map(sides).collect();
            let text: Vec<&str> = run.iter().flat_map(|(_, j)| j.iter().map(|&x| joined_lines[x])).collect();
            out.push((run.iter().flat_map(|(kept, _)| kept.iter().copied()).collect(), vec![lines.len()]));
            lines.push(text.join(" "));
            runs += 1;
            (end + BEADS_BETWEEN_RUNS).min(beads.len())
        } else {
            k + 1
        };
        let from = if count == want { end } else { k };
        for bead in &beads[from..copy_to] {
            let (kept, joined) = sides(bead);
            let renumbered = joined.iter().map(|&x| {
                lines.push(joined_lines[x].to_owned());
                lines.len() - 1
            });
            out.push((kept, renumbered.collect()));
        }
        k = copy_to;
    }
    let joined_text: String = lines.iter().map(|l| format!("{l}\n")).collect();
    let kept_text: String = kept_lines.iter().map(|l| format!("{l}\n")).collect();
    let gold =
        out.into_iter().map(|(kept, joined)| if english { (kept, joined) } else { (joined, kept) }).collect();
    if english {
        Built { ar: kept_text, en: joined_text, gold }
    } else {
        Built { ar: joined_text, en: kept_text, gold }
    }
}

/// The clean pre-split items of the dev set with runs of four to eight sentences joined into one
/// line (see [`join_runs`]): named "English joined" (beads of many Arabic sentences against one
/// English) or "Arabic joined" (one Arabic against many English).
pub fn joined_items(dev: &Path) -> anyhow::Result<Vec<(&'static str, Built)>> {
    let mut out = Vec::new();
    for (ar, en, gold) in clean_items(dev)? {
        out.push(("English joined", join_runs(&ar, &en, &gold, true)));
        out.push(("Arabic joined", join_runs(&ar, &en, &gold, false)));
    }
    Ok(out)
}

/// Aligns [`joined_items`] and scores them, one row per kind, in the order "English joined",
/// "Arabic joined".
pub fn score_joined(dev: &Path, aligner: &Aligner) -> anyhow::Result<Vec<(&'static str, Counts)>> {
    let mut rows: Vec<(&'static str, Counts)> = Vec::new();
    for (name, item) in joined_items(dev)? {
        let pred = shape(&aligner.align_lines(&item.ar, &item.en)?);
        if !rows.iter().any(|(n, _)| *n == name) {
            rows.push((name, Counts::default()));
        }
        if let Some((_, counts)) = rows.iter_mut().find(|(n, _)| *n == name) {
            counts.add(&pred, &item.gold);
        }
    }
    Ok(rows)
}

/// A raw item: the two texts and the gold over their reference sentences.
pub struct RawItem {
    pub ar: String,
    pub en: String,
    gold: RawGold,
}

/// How [`relayout`] changes the English side's paragraphs; the first break (after the headline)
/// always stays.
#[derive(Clone, Copy)]
enum Layout {
    /// Every other paragraph joined to the next one.
    JoinedInPairs,
    /// Every sentence a paragraph of its own.
    Split,
    /// One paragraph after the headline.
    OneParagraph,
}

/// `text` rebuilt from its reference sentences `refs` with new paragraph breaks, and the new spans.
fn relayout(text: &str, refs: &[(usize, usize)], layout: Layout) -> (String, Vec<(usize, usize)>) {
    let paragraph_break = if text.contains("\n\n") { "\n\n" } else { "\n" };
    let (mut out, mut spans) = (String::new(), Vec::new());
    let mut breaks = 0;
    for (k, &(start, end)) in refs.iter().enumerate() {
        if k > 0 {
            let is_break = text[refs[k - 1].1..start].contains('\n');
            let keep = |b: usize| match layout {
                Layout::JoinedInPairs => b.is_multiple_of(2),
                Layout::Split => true,
                Layout::OneParagraph => b == 0,
            };
            let separator = match (is_break, layout) {
                (true, _) => {
                    breaks += 1;
                    if keep(breaks - 1) { paragraph_break } else { " " }
                }
                (false, Layout::Split) => paragraph_break,
                (false, _) => " ",
            };
            out.push_str(separator);
        }
        spans.push((out.len(), out.len() + end - start));
        out.push_str(&text[start..end]);
    }
    (out, spans)
}

/// The raw items with the English side's paragraphs joined in pairs, split into single sentences,
/// and run into one paragraph: paragraph structures that do not match the Arabic's.
pub fn relayout_items(dev: &Path) -> anyhow::Result<Vec<(&'static str, Vec<RawItem>)>> {
    let layouts = [
        ("English paragraphs joined in pairs", Layout::JoinedInPairs),
        ("English sentences each a paragraph", Layout::Split),
        ("English in one paragraph", Layout::OneParagraph),
    ];
    let mut out: Vec<(&'static str, Vec<RawItem>)> =
        layouts.iter().map(|&(name, _)| (name, Vec::new())).collect();
    for gold_path in items(&dev.join("raw"), ".gold.json") {
        let base = gold_path.to_string_lossy().trim_end_matches(".gold.json").to_string();
        let ar = fs::read_to_string(format!("{base}.ar.txt"))?;
        let en = fs::read_to_string(format!("{base}.en.txt"))?;
        let gold: RawGold = serde_json::from_str(&fs::read_to_string(&gold_path)?)?;
        for (k, &(_, layout)) in layouts.iter().enumerate() {
            let (text, spans) = relayout(&en, &gold.en, layout);
            let gold = RawGold { ar: gold.ar.clone(), en: spans, beads: gold.beads.clone() };
            out[k].1.push(RawItem { ar: ar.clone(), en: text, gold });
        }
    }
    Ok(out)
}

/// Aligns raw items end to end and scores them.
pub fn score_raw(items: &[RawItem], aligner: &Aligner) -> anyhow::Result<Counts> {
    let mut counts = Counts::default();
    for item in items {
        let pred = map_raw(&aligner.align(&item.ar, &item.en)?, &item.gold.ar, &item.gold.en);
        counts.add(&pred, &item.gold.beads);
    }
    Ok(counts)
}
