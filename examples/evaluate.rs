//! Measures alignment accuracy on the NTREX Arabic–English dev set bundled in `tests/data/ntrex-dev`.
//!
//! ```text
//! cargo run --release --example evaluate [-- DEV_DIR]
//! ```
//!
//! Prints link precision/recall/F1, strict and lax bead figures and null-bead detection for the clean
//! and the noisy pre-split items and for the raw-text items (end to end, with segmentation), scored as
//! the dev set's README describes: micro-averaged over items. Add `--verbose` to list every item, and
//! `--config JSON` to override aligner settings (e.g. `--config '{"null_cost": 4.0}'`).

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use qalign::{Aligner, Alignment};

/// A bead as index lists on both sides.
type Beads = Vec<(Vec<usize>, Vec<usize>)>;

/// Counts summed over items.
#[derive(Default)]
struct Counts {
    links_pred: usize,
    links_gold: usize,
    links_hit: usize,
    strict_pred: usize,
    strict_gold: usize,
    strict_hit_pred: usize,
    strict_hit_gold: usize,
    lax_hit_pred: usize,
    lax_hit_gold: usize,
    null_pred: usize,
    null_gold: usize,
    null_hit: usize,
    items: usize,
}

fn ratio(a: usize, b: usize) -> f64 {
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
        self.strict_hit_pred += pf.iter().filter(|b| gf.contains(b)).count();
        self.strict_hit_gold += gf.iter().filter(|b| pf.contains(b)).count();
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

    fn link_f1(&self) -> f64 {
        f1(ratio(self.links_hit, self.links_pred), ratio(self.links_hit, self.links_gold))
    }

    fn report(&self, name: &str) {
        let lp = ratio(self.links_hit, self.links_pred);
        let lr = ratio(self.links_hit, self.links_gold);
        let sp = ratio(self.strict_hit_pred, self.strict_pred);
        let sr = ratio(self.strict_hit_gold, self.strict_gold);
        let xp = ratio(self.lax_hit_pred, self.strict_pred);
        let xr = ratio(self.lax_hit_gold, self.strict_gold);
        let np = ratio(self.null_hit, self.null_pred);
        let nr = ratio(self.null_hit, self.null_gold);
        println!(
            "| {name} | {} | {lp:.4} | {lr:.4} | {:.4} | {sp:.4} | {sr:.4} | {xp:.4} | {xr:.4} | {np:.4} | {nr:.4} |",
            self.items,
            f1(lp, lr)
        );
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
    let overlap = |r: (usize, usize), spans: &[qalign::Span]| -> f64 {
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

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "--verbose");
    let config_at = args.iter().position(|a| a == "--config");
    let config: qalign::Config = match config_at.and_then(|k| args.get(k + 1)) {
        Some(json) => serde_json::from_str(json)?,
        None => qalign::Config::default(),
    };
    let dev = args
        .iter()
        .enumerate()
        .find(|&(k, a)| !a.starts_with("--") && config_at.is_none_or(|c| k != c + 1))
        .map(|(_, a)| a)
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/ntrex-dev"));
    let aligner = Aligner::builder().config(config).build()?;

    let (mut clean, mut noisy, mut raw) = (Counts::default(), Counts::default(), Counts::default());
    let pre = dev.join("presegmented");
    for gold_path in items(&pre, ".gold") {
        let base = gold_path.to_string_lossy().trim_end_matches(".gold").to_string();
        let ar = fs::read_to_string(format!("{base}.ar"))?;
        let en = fs::read_to_string(format!("{base}.en"))?;
        let gold = parse_gold(&fs::read_to_string(&gold_path)?);
        let pred = shape(&aligner.align_lines(&ar, &en)?);
        let counts = if base.ends_with(".clean") { &mut clean } else { &mut noisy };
        if verbose {
            let mut one = Counts::default();
            one.add(&pred, &gold);
            println!("{:.4} {}", one.link_f1(), base);
        }
        counts.add(&pred, &gold);
    }
    for gold_path in items(&dev.join("raw"), ".gold.json") {
        let base = gold_path.to_string_lossy().trim_end_matches(".gold.json").to_string();
        let ar = fs::read_to_string(format!("{base}.ar.txt"))?;
        let en = fs::read_to_string(format!("{base}.en.txt"))?;
        let gold: RawGold = serde_json::from_str(&fs::read_to_string(&gold_path)?)?;
        let alignment = aligner.align(&ar, &en)?;
        let pred = map_raw(&alignment, &gold.ar, &gold.en);
        if verbose {
            let mut one = Counts::default();
            one.add(&pred, &gold.beads);
            println!("{:.4} {}", one.link_f1(), base);
        }
        raw.add(&pred, &gold.beads);
    }
    println!(
        "| set | items | link P | link R | link F1 | strict P | strict R | lax P | lax R | null P | null R |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|---|");
    clean.report("pre-split, clean");
    noisy.report("pre-split, noisy");
    raw.report("raw text");
    Ok(())
}
