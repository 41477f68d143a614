//! The cost of one bead: a Gale–Church length model plus anchor evidence.
//!
//! Costs are in nats (negative log-probabilities up to a constant): lower is better. The dynamic
//! program in `dp.rs` adds them up along a path and keeps the cheapest.

use super::Config;

/// A bead shape: how many Arabic and how many English sentences it holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Move {
    /// Arabic sentences in the bead.
    pub src: usize,
    /// English sentences in the bead.
    pub tgt: usize,
}

/// Every bead shape the aligner considers, in the order back-pointers index them: the narrow ones,
/// then one Arabic sentence against four to eight English ones and the reverse (a translator who
/// splits a long sentence, or joins several).
pub(crate) const MOVES: [Move; 18] = [
    Move { src: 1, tgt: 1 },
    Move { src: 1, tgt: 0 },
    Move { src: 0, tgt: 1 },
    Move { src: 2, tgt: 1 },
    Move { src: 1, tgt: 2 },
    Move { src: 2, tgt: 2 },
    Move { src: 3, tgt: 1 },
    Move { src: 1, tgt: 3 },
    Move { src: 4, tgt: 1 },
    Move { src: 1, tgt: 4 },
    Move { src: 5, tgt: 1 },
    Move { src: 1, tgt: 5 },
    Move { src: 6, tgt: 1 },
    Move { src: 1, tgt: 6 },
    Move { src: 7, tgt: 1 },
    Move { src: 1, tgt: 7 },
    Move { src: 8, tgt: 1 },
    Move { src: 1, tgt: 8 },
];

/// Calls `$each!(S, T)` for every paired shape of [`MOVES`] (both sides non-empty), in their order:
/// the dynamic program expands each into code for that one shape.
macro_rules! for_each_pair_shape {
    ($each:ident) => {
        $each!(1, 1);
        $each!(2, 1);
        $each!(1, 2);
        $each!(2, 2);
        $each!(3, 1);
        $each!(1, 3);
        $each!(4, 1);
        $each!(1, 4);
        $each!(5, 1);
        $each!(1, 5);
        $each!(6, 1);
        $each!(1, 6);
        $each!(7, 1);
        $each!(1, 7);
        $each!(8, 1);
        $each!(1, 8);
    };
}
pub(crate) use for_each_pair_shape;

/// The index of the bead shape of `src` Arabic and `tgt` English sentences in [`MOVES`], for use in
/// constants: a shape not in the list fails to compile.
pub(crate) const fn move_index(src: usize, tgt: usize) -> u8 {
    let mut k = 0;
    while k < MOVES.len() {
        if MOVES[k].src == src && MOVES[k].tgt == tgt {
            return k as u8;
        }
        k += 1;
    }
    panic!("not a bead shape of MOVES")
}

/// The largest number of sentences a bead holds on one side.
pub(crate) const MAX_SIDE: usize = 8;

/// Added to [`Config::three_one_cost`] for each sentence a one-to-many bead holds beyond three: a
/// bead of one sentence against eight costs 10 nats more than one against three. Below the cost of
/// leaving a sentence unpaired (`null_cost`, 3), so a long sentence translated as many is one bead,
/// not a 1-3 bead and a run of unpaired sentences. On the dev set, 1 lets wide beads absorb the
/// unpaired sentences next to an untranslated block (partial items lose 1–2 points of pairs right),
/// 2 keeps the earlier figures (`docs/design.md`, *Long beads*) and 3 or more lose pairs of the
/// items with joined runs.
const WIDE_BEAD_SENTENCE_COST: f64 = 2.0;

/// What the cost of a non-null bead is computed from; the DP fills it from precomputed arrays.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct BeadStats {
    /// Normalized characters on the Arabic side.
    pub src_chars: f64,
    /// Normalized characters on the English side.
    pub tgt_chars: f64,
    /// Distinct number keys on the Arabic side.
    pub src_numbers: u32,
    /// Distinct number keys on the English side.
    pub tgt_numbers: u32,
    /// Number keys shared by the two sides.
    pub shared_numbers: u32,
    /// Name keys shared by the two sides.
    pub shared_names: u32,
    /// Lexicon entries shared by the two sides (an Arabic word and its English rendering).
    pub shared_words: u32,
    /// Distinct lexicon entries of the Arabic side's words.
    pub src_words: u32,
    /// Paragraph boundaries inside the bead (between its sentences, on either side).
    pub inner_paragraph_breaks: u32,
}

/// Cost of a bead's lengths under the Gale–Church model: `-ln P(|δ| ≥ observed)` where
/// `δ = (tgt − ratio · src) / sqrt(variance · mean_len)`, with the mean length taken over both sides
/// (in Arabic characters) so that the cost is symmetric.
#[inline]
pub(crate) fn length_cost(config: &Config, ratio: f64, src_chars: f64, tgt_chars: f64) -> f64 {
    tail_cost_of_square(length_delta_sq(config, ratio, src_chars, tgt_chars))
}

/// The `δ²` of a bead's lengths that [`length_cost`] reads.
#[inline]
pub(crate) fn length_delta_sq(config: &Config, ratio: f64, src_chars: f64, tgt_chars: f64) -> f64 {
    let mean_len = ((src_chars + tgt_chars / ratio) / 2.0).max(1.0);
    let diff = tgt_chars - ratio * src_chars;
    diff * diff / (config.length_variance * mean_len)
}

/// Whether the length cost of a bead ([`length_cost`]) is certainly at least `slack`, a positive
/// number, so that the dynamic program skips the tables for a bead that cannot win (most of the wide
/// ones): whether `(δ² − 1)/2 ≥ slack`. For `δ ≥ 1` the normal tail's cost is at least
/// `δ²/2 + ln δ + 0.22` (Mills' ratio), and the tables stay within 1e-2 of it, so this floor lies
/// more than 0.7 below the cost: where rounding answers either way, the cost itself is well above
/// `slack`. Found with multiplications alone, where `δ²` ([`length_delta_sq`]) takes two divisions;
/// NaN lengths are never certain.
#[inline]
pub(crate) fn length_floor_reaches(
    config: &Config,
    ratio: f64,
    src_chars: f64,
    tgt_chars: f64,
    slack: f64,
) -> bool {
    // δ² = diff² / (variance · mean_len), mean_len = max((src · ratio + tgt) / (2 · ratio), 1).
    let diff = tgt_chars - ratio * src_chars;
    let twice_mean_times_ratio = (src_chars * ratio + tgt_chars).max(2.0 * ratio);
    2.0 * ratio * diff * diff >= (2.0 * slack + 1.0) * config.length_variance * twice_mean_times_ratio
}

/// `δ²` below which the fine table is used: near 0 the cost grows like `|δ|`, not like `δ²`.
const FINE_MAX: f64 = 4.0;
/// Steps per unit of `δ²` in the fine table.
const FINE_STEPS: f64 = 1024.0;
/// Largest `δ²` the coarse table covers; beyond it the exact formula is used.
const COARSE_MAX: f64 = 2048.0;
/// Steps per unit of `δ²` in the coarse table.
const COARSE_STEPS: f64 = 8.0;

/// [`neg_ln_two_tailed`] sampled at `δ² = k / steps`, fine near 0 and coarse beyond.
pub(crate) struct TailTables {
    fine: Vec<f64>,
    coarse: Vec<f64>,
}

/// The dynamic program's hot loop interpolates in these tables instead of taking a square root and a
/// logarithm per bead. Beyond `FINE_MAX` the cost is nearly linear in `δ²` (`≈ δ²/2 + ln δ`), so
/// linear interpolation stays within 1e-3 nats of the exact value there, and within 1e-2 below.
pub(crate) static TAIL: std::sync::LazyLock<TailTables> = std::sync::LazyLock::new(|| {
    let sample = |max: f64, steps: f64| -> Vec<f64> {
        (0..=(max * steps) as usize + 1).map(|k| neg_ln_two_tailed((k as f64 / steps).sqrt())).collect()
    };
    TailTables { fine: sample(FINE_MAX, FINE_STEPS), coarse: sample(COARSE_MAX, COARSE_STEPS) }
});

/// [`neg_ln_two_tailed`] of `sqrt(delta_sq)`, interpolated in [`TAIL`].
#[inline]
pub(crate) fn tail_cost_of_square(delta_sq: f64) -> f64 {
    TAIL.cost_of_square(delta_sq)
}

impl TailTables {
    /// [`tail_cost_of_square`] read from these tables, for a caller that reads them many times.
    #[inline(always)]
    pub(crate) fn cost_of_square(&self, delta_sq: f64) -> f64 {
        let (table, steps) = match delta_sq {
            d if d < FINE_MAX => (&self.fine, FINE_STEPS),
            d if d < COARSE_MAX => (&self.coarse, COARSE_STEPS),
            // Beyond the tables, and NaN.
            d => return neg_ln_two_tailed(d.sqrt()),
        };
        let at = delta_sq.max(0.0) * steps;
        let k = at as usize;
        table[k] + (table[k + 1] - table[k]) * (at - k as f64)
    }
}

/// `-ln(2 · (1 − Φ(x)))` for `x ≥ 0`, the two-tailed normal tail in nats.
///
/// Uses the Numerical Recipes `erfcc` Chebyshev fit (fractional error below 1.2e-7), which stays in
/// log space, so large `x` do not underflow to infinity.
pub(crate) fn neg_ln_two_tailed(x: f64) -> f64 {
    // 2 (1 − Φ(x)) = erfc(x / √2)
    let z = x / std::f64::consts::SQRT_2;
    let t = 1.0 / (1.0 + 0.5 * z);
    let poly = -z * z - 1.265_512_23
        + t * (1.000_023_68
            + t * (0.374_091_96
                + t * (0.096_784_18
                    + t * (-0.186_288_06
                        + t * (0.278_868_07
                            + t * (-1.135_203_98
                                + t * (1.488_515_87 + t * (-0.822_152_23 + t * 0.170_872_77))))))));
    // erfc(z) = t · exp(poly)
    -(t.ln() + poly)
}

/// Cost of leaving one sentence of `chars` normalized characters without a counterpart.
pub(crate) fn null_cost(config: &Config, chars: f64) -> f64 {
    config.null_cost + config.null_cost_per_char * chars
}

/// Cost of a non-null bead of shape `mv`: [`evidence_cost`] plus [`length_cost`]. The dynamic program
/// adds the two itself, so that it can skip the length model when the evidence alone cannot win.
#[cfg(test)]
fn bead_cost(config: &Config, ratio: f64, mv: Move, s: &BeadStats) -> f64 {
    evidence_cost(config, mv, s) + length_cost(config, ratio, s.src_chars, s.tgt_chars)
}

/// The cost of a non-null bead's shape: 0 for 1-1, more for beads of more sentences.
pub(crate) fn shape_cost(config: &Config, mv: Move) -> f64 {
    match (mv.src, mv.tgt) {
        (1, 1) => 0.0,
        (2, 2) => config.two_two_cost,
        (3, 1) | (1, 3) => config.three_one_cost,
        (2, 1) | (1, 2) => config.two_one_cost,
        (s, t) => config.three_one_cost + WIDE_BEAD_SENTENCE_COST * s.max(t).saturating_sub(3) as f64,
    }
}

/// The part of a non-null bead's cost that is not the length model: its shape, its anchors and the
/// paragraph breaks inside it. Since the length cost is never negative, this is a lower bound on the
/// bead's cost, which lets the dynamic program skip the length model for beads that cannot win.
pub(crate) fn evidence_cost(config: &Config, mv: Move, s: &BeadStats) -> f64 {
    let shape = shape_cost(config, mv);
    let shared_numbers = s.shared_numbers.min(s.src_numbers).min(s.tgt_numbers);
    let conflicts = (s.src_numbers - shared_numbers).min(s.tgt_numbers - shared_numbers);
    let missing = s.src_numbers + s.tgt_numbers - 2 * (shared_numbers + conflicts);
    let anchors = config.number_conflict_cost * f64::from(conflicts)
        + config.number_missing_cost * f64::from(missing)
        - config.number_match_bonus * f64::from(shared_numbers.min(config.anchor_cap))
        - config.name_match_bonus * f64::from(s.shared_names.min(config.anchor_cap))
        - config.word_match_bonus * f64::from(s.shared_words.min(config.word_cap))
        + config.word_missing_cost
            * f64::from(s.src_words.saturating_sub(s.shared_words).min(config.word_cap));
    let paragraphs = config.paragraph_cost * f64::from(s.inner_paragraph_breaks);
    shape + anchors + paragraphs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_paired_move_is_expanded_once() {
        let mut expanded = Vec::new();
        macro_rules! push {
            ($s:literal, $t:literal) => {
                expanded.push(move_index($s, $t));
            };
        }
        for_each_pair_shape!(push);
        let paired: Vec<u8> = (0..MOVES.len() as u8)
            .filter(|&k| MOVES[usize::from(k)].src * MOVES[usize::from(k)].tgt > 0)
            .collect();
        assert_eq!(expanded, paired);
        assert!(MOVES.iter().all(|m| m.src <= MAX_SIDE && m.tgt <= MAX_SIDE));
    }

    #[test]
    fn wide_beads_cost_more_the_wider() {
        let config = Config::default();
        let costs: Vec<f64> = (3..=MAX_SIDE).map(|n| shape_cost(&config, Move { src: 1, tgt: n })).collect();
        assert!(costs.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(
            shape_cost(&config, Move { src: 6, tgt: 1 }),
            shape_cost(&config, Move { src: 1, tgt: 6 })
        );
    }

    #[test]
    fn tail_cost_matches_known_values() {
        // 2 (1 − Φ(x)) for x = 0, 1, 2, 3: 1, 0.3173, 0.0455, 0.0027
        for (x, p) in [(0.0, 1.0), (1.0, 0.317_310_5), (2.0, 0.045_500_26), (3.0, 0.002_699_8)] {
            let got: f64 = (-neg_ln_two_tailed(x)).exp();
            assert!((got - p).abs() < 1e-6, "x = {x}: {got} vs {p}");
        }
        assert!(neg_ln_two_tailed(100.0).is_finite());
    }

    #[test]
    fn interpolated_tail_is_close_to_the_exact_one() {
        for k in 0..20_000 {
            let x = k as f64 * 0.0025;
            let (fast, exact) = (tail_cost_of_square(x * x), neg_ln_two_tailed(x));
            let tolerance = if x < 2.0 { 1e-2 } else { 1e-3 };
            assert!((fast - exact).abs() < tolerance, "x = {x}: {fast} vs {exact}");
        }
        assert!(tail_cost_of_square(1e9).is_finite());
    }

    /// The floor [`length_floor_reaches`] compares with its `slack`, from `δ²`: `(δ² − 1)/2` for
    /// `δ ≥ 1`, else none.
    fn tail_cost_floor(delta_sq: f64) -> f64 {
        if delta_sq >= 1.0 { (delta_sq - 1.0) * 0.5 } else { f64::NEG_INFINITY }
    }

    #[test]
    fn tail_cost_floor_is_below_the_tail_cost() {
        for k in 0..400_000 {
            let delta_sq = k as f64 * 0.01;
            assert!(tail_cost_floor(delta_sq) < tail_cost_of_square(delta_sq), "δ² = {delta_sq}");
        }
        for delta_sq in [1e5, 1e9, f64::INFINITY] {
            assert!(tail_cost_floor(delta_sq) <= tail_cost_of_square(delta_sq), "δ² = {delta_sq}");
        }
        assert_eq!(tail_cost_floor(f64::NAN), f64::NEG_INFINITY);
    }

    #[test]
    fn the_length_floor_is_reached_as_its_square_says() {
        let config = Config::default();
        let r = config.length_ratio;
        for src in [0.0, 0.5, 3.0, 40.0, 120.0, 900.0] {
            for k in 0..400 {
                let tgt = k as f64 * 2.5;
                let floor = tail_cost_floor(length_delta_sq(&config, r, src, tgt));
                for slack in [0.01, 0.5, 1.0, 3.0, 7.5, 20.0] {
                    // Away from the boundary, where rounding may answer either way.
                    if (floor - slack).abs() > 1e-9 {
                        assert_eq!(length_floor_reaches(&config, r, src, tgt, slack), floor >= slack);
                    }
                }
            }
        }
        assert!(!length_floor_reaches(&config, r, f64::NAN, 10.0, 1.0));
    }

    #[test]
    fn length_cost_prefers_the_expected_ratio() {
        let config = Config::default();
        let r = config.length_ratio;
        let fit = length_cost(&config, r, 100.0, 100.0 * r);
        let short = length_cost(&config, r, 100.0, 40.0);
        let long = length_cost(&config, r, 100.0, 250.0);
        assert!(fit < 0.01);
        assert!(short > 5.0 && long > 5.0);
    }

    #[test]
    fn shared_numbers_lower_and_conflicts_raise_the_cost() {
        let config = Config::default();
        let r = config.length_ratio;
        let base = BeadStats { src_chars: 80.0, tgt_chars: 80.0 * r, ..BeadStats::default() };
        let plain = bead_cost(&config, r, MOVES[0], &base);
        let shared = BeadStats { src_numbers: 1, tgt_numbers: 1, shared_numbers: 1, ..base };
        let conflict = BeadStats { src_numbers: 1, tgt_numbers: 1, ..base };
        assert!(bead_cost(&config, r, MOVES[0], &shared) < plain);
        assert!(bead_cost(&config, r, MOVES[0], &conflict) > plain);
    }
}
