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

/// Every bead shape the aligner considers, in the order back-pointers index them.
pub(crate) const MOVES: [Move; 8] = [
    Move { src: 1, tgt: 1 },
    Move { src: 1, tgt: 0 },
    Move { src: 0, tgt: 1 },
    Move { src: 2, tgt: 1 },
    Move { src: 1, tgt: 2 },
    Move { src: 2, tgt: 2 },
    Move { src: 3, tgt: 1 },
    Move { src: 1, tgt: 3 },
];

/// The largest number of sentences a bead holds on one side.
pub(crate) const MAX_SIDE: usize = 3;

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
    /// Paragraph boundaries inside the bead (between its sentences, on either side).
    pub inner_paragraph_breaks: u32,
}

/// Cost of a bead's lengths under the Gale–Church model: `-ln P(|δ| ≥ observed)` where
/// `δ = (tgt − ratio · src) / sqrt(variance · mean_len)`, with the mean length taken over both sides
/// (in Arabic characters) so that the cost is symmetric.
pub(crate) fn length_cost(config: &Config, ratio: f64, src_chars: f64, tgt_chars: f64) -> f64 {
    let mean_len = ((src_chars + tgt_chars / ratio) / 2.0).max(1.0);
    let delta = (tgt_chars - ratio * src_chars) / (config.length_variance * mean_len).sqrt();
    neg_ln_two_tailed(delta.abs())
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

/// Cost of a non-null bead of shape `mv`.
pub(crate) fn bead_cost(config: &Config, ratio: f64, mv: Move, s: &BeadStats) -> f64 {
    let shape = match (mv.src, mv.tgt) {
        (1, 1) => 0.0,
        (2, 2) => config.two_two_cost,
        (3, 1) | (1, 3) => config.three_one_cost,
        _ => config.two_one_cost,
    };
    let length = length_cost(config, ratio, s.src_chars, s.tgt_chars);
    let shared_numbers = s.shared_numbers.min(s.src_numbers).min(s.tgt_numbers);
    let conflicts = (s.src_numbers - shared_numbers).min(s.tgt_numbers - shared_numbers);
    let missing = s.src_numbers + s.tgt_numbers - 2 * (shared_numbers + conflicts);
    let anchors = config.number_conflict_cost * f64::from(conflicts)
        + config.number_missing_cost * f64::from(missing)
        - config.number_match_bonus * f64::from(shared_numbers.min(config.anchor_cap))
        - config.name_match_bonus * f64::from(s.shared_names.min(config.anchor_cap));
    let paragraphs = config.paragraph_cost * f64::from(s.inner_paragraph_breaks);
    shape + length + anchors + paragraphs
}

#[cfg(test)]
mod tests {
    use super::*;

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
