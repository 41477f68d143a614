//! Partial translations: a long run of one document with no counterpart in the other (an
//! untranslated half, a dropped middle), found as one block with the pairs on either side of it
//! right.
//!
//! The configured costs weigh an unpaired sentence against a merged or shifted pair one bead at a
//! time, and where the evidence is thin they often split an untranslated block into a shorter run
//! plus a few merged beads and shifted pairs: pairs that are wrong and look confident. A document
//! pair whose sentence counts differ by at least [`MIN_BLOCK_SENTENCES`] is therefore first
//! aligned with the costs of a partial translation ([`partial_config`]: merges dearer, a run of
//! unpaired sentences cheaper, words of the lexicon weighed more, for and against a pair). If that
//! path leaves such a run of one side unpaired, it is the alignment; else the configured costs
//! align the pair, as they do every pair whose counts fit.

use super::Config;
use super::dp::{Prepared, Step, best_path};

/// The fewest consecutive unpaired sentences of one side that make a block.
const MIN_BLOCK_SENTENCES: usize = 4;

/// The costs of a partial translation: merges dearer, a run of unpaired sentences cheaper, and
/// words of the lexicon weighed more, both shared ones and Arabic ones the English does not render,
/// so that a pair with nothing in common is left apart rather than shifted into place. Each is the
/// configured value or this, whichever is higher. Chosen on the dev set's partial items (each clean
/// article with the English of its first half, its second half or its middle third taken out),
/// among two-one costs 5–8, run discounts 2.5–3, word bonuses 0.5–1 and word costs 0.25–0.5.
fn partial_config(config: &Config) -> Config {
    Config {
        two_one_cost: config.two_one_cost.max(7.0),
        two_two_cost: config.two_two_cost.max(10.0),
        null_run_discount: config.null_run_discount.max(2.5).min(config.null_cost),
        word_match_bonus: config.word_match_bonus.max(1.0),
        word_missing_cost: config.word_missing_cost.max(0.25),
        ..config.clone()
    }
}

/// The best path of a document pair: under [`partial_config`] when the whole table is small
/// enough to be computed (`Config::full_table_cells`), the sentence counts differ by at least
/// [`MIN_BLOCK_SENTENCES`] and that path leaves a block of one side unpaired; else [`best_path`].
/// Larger pairs keep [`best_path`], whose coarse guide finds a long block on its own.
pub(crate) fn path(config: &Config, ratio: f64, prep: &Prepared) -> Vec<Step> {
    let (n, m) = (prep.src.len(), prep.tgt.len());
    let small = (n + 1).saturating_mul(m + 1) <= config.full_table_cells;
    if small && n.abs_diff(m) >= MIN_BLOCK_SENTENCES {
        let partial = best_path(&partial_config(config), ratio, prep);
        if has_block(&partial) {
            return partial;
        }
    }
    best_path(config, ratio, prep)
}

/// Whether `path` leaves at least [`MIN_BLOCK_SENTENCES`] consecutive sentences of one side unpaired.
fn has_block(path: &[Step]) -> bool {
    let mut run = (0, 0);
    for step in path {
        let shape = (step.to.0 - step.from.0, step.to.1 - step.from.1);
        run = match shape {
            (1, 0) if run.0 == 1 => (1, run.1 + 1),
            (0, 1) if run.0 == 2 => (2, run.1 + 1),
            (1, 0) => (1, 1),
            (0, 1) => (2, 1),
            _ => (0, 0),
        };
        if run.1 >= MIN_BLOCK_SENTENCES {
            return true;
        }
    }
    false
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
        assert!(!has_block(&arabic_run));
        assert!(has_block(&four));
        // Two sentences of each side in turn are no block.
        let mixed = [step((0, 0), (1, 0)), step((1, 0), (1, 1)), step((1, 1), (2, 1)), step((2, 1), (2, 2))];
        assert!(!has_block(&mixed));
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
        let src = Document::new(&ar.join("\n"), Lang::Arabic, Segmentation::Lines);
        let tgt = Document::new(&kept.join("\n"), Lang::English, Segmentation::Lines);
        let prep = Prepared::new(&src, &tgt);
        let config = Config::default();
        let got: Vec<((usize, usize), (usize, usize))> =
            path(&config, config.length_ratio, &prep).iter().map(|s| (s.from, s.to)).collect();
        let mut want: Vec<((usize, usize), (usize, usize))> =
            (0..4).map(|k| ((k, k), (k + 1, k + 1))).collect();
        want.extend((4..8).map(|k| ((k, 4), (k + 1, 4))));
        want.extend((8..12).map(|k| ((k, k - 4), (k + 1, k - 3))));
        assert_eq!(got, want);
    }

    #[test]
    fn a_sentence_translated_as_eight_is_one_bead_not_a_block() {
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
        // Seven more English sentences than Arabic ones, and a run of eight that a partial
        // translation's costs could read as unpaired: the wide bead stays.
        let a = crate::Aligner::new()
            .align_lines(&format!("قال.\n{ar}\nانتهى."), &format!("He said.\n{}\nThe end.", en.join("\n")))
            .unwrap();
        let shape: Vec<(usize, usize)> = a.beads.iter().map(|b| (b.src.len(), b.tgt.len())).collect();
        assert_eq!(shape, [(1, 1), (1, 8), (1, 1)]);
    }
}
