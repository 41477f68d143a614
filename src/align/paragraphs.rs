//! Paragraph-first alignment: when both raw documents have paragraphs, the paragraphs are aligned
//! first, and the sentence program is then held inside the paragraph beads it trusts.
//!
//! 1. **Paragraphs.** Each paragraph is a unit with its characters, its distinct number and name
//!    keys and the cost of leaving its sentences unpaired. A small dynamic program over the whole
//!    table pairs them in beads of 1-1, 1-0, 0-1, 1-2, 2-1 and 2-2 paragraphs, costed like sentence
//!    beads: shape, Gale–Church length of the whole paragraphs, shared anchors. Whole paragraphs
//!    give the length model more to go on than single sentences, so parallel paragraphs are found
//!    even where a sentence alone is ambiguous.
//! 2. **Trust, per document.** The paragraphs are trusted only when at least
//!    [`MIN_PARALLEL_SHARE`] of the sentences of both documents lie in 1-1 paragraph beads, each
//!    cheaper than leaving its paragraphs unpaired: news with parallel paragraphs. Otherwise (a
//!    translation that re-paragraphs, one side without paragraph breaks) the program runs flat.
//! 3. **Sections.** A border is kept between two consecutive paragraph beads when both are paired
//!    and cheaper than leaving their paragraphs unpaired; around unpaired or doubtful paragraphs (a
//!    web page's boilerplate on one side) there is none. The sentences between two borders form a
//!    section, and the sentence program aligns each section on its own: the flat program where the
//!    paragraphs disagree, and never a bead across a trusted border. A section's ends are not the
//!    document's, so a sentence left unpaired there pays the full null cost (no `end_null_factor`).

use std::ops::Range;

use crate::document::Document;

use super::Config;
use super::cost::{length_cost, null_cost};

/// Largest paragraph table, (Arabic paragraphs + 1) × (English paragraphs + 1), aligned (the whole
/// table, about 512 paragraphs a side); larger documents are aligned flat.
const MAX_CELLS: usize = 1 << 18;

/// Least share of the sentences of both documents in trusted 1-1 paragraph beads for the paragraphs
/// to be followed.
pub(crate) const MIN_PARALLEL_SHARE: f64 = 0.6;

/// At most this many shared numbers, and as many shared names, count for a paragraph bead.
const PARAGRAPH_ANCHOR_CAP: usize = 8;

/// One paragraph of a document, as the paragraph program reads it.
#[derive(Clone, Debug, Default)]
struct Paragraph {
    /// One past its last sentence.
    to: usize,
    /// Normalized characters.
    chars: f64,
    /// Cost of leaving each of its sentences unpaired, summed.
    null: f64,
    /// Distinct number keys, sorted.
    numbers: Vec<u64>,
    /// Distinct name keys, sorted.
    names: Vec<u64>,
}

/// The paragraphs of `doc`, in order.
fn paragraphs(config: &Config, doc: &Document) -> Vec<Paragraph> {
    let mut out: Vec<Paragraph> = Vec::new();
    let mut current: Option<usize> = None;
    for (k, s) in doc.sentences().iter().enumerate() {
        if current != Some(s.paragraph()) {
            current = Some(s.paragraph());
            out.push(Paragraph::default());
        }
        if let Some(p) = out.last_mut() {
            p.to = k + 1;
            p.chars += s.chars() as f64;
            p.null += null_cost(config, s.chars() as f64);
            p.numbers.extend(doc.numbers_of(s).iter().map(|n| n.key()));
            // The names are read again from the normalized text, made again.
            p.names.extend(doc.normalized_sentence(k).names().iter().map(|n| n.key));
        }
    }
    for p in &mut out {
        for keys in [&mut p.numbers, &mut p.names] {
            keys.sort_unstable();
            keys.dedup();
        }
    }
    out
}

/// How many distinct keys of `b1` and `b2` occur in `a1` or `a2` (each sorted and distinct).
fn shared(a1: &[u64], a2: &[u64], b1: &[u64], b2: &[u64]) -> usize {
    let in_a = |key: &u64| a1.binary_search(key).is_ok() || a2.binary_search(key).is_ok();
    b1.iter().filter(|key| in_a(key)).count()
        + b2.iter().filter(|key| b1.binary_search(key).is_err() && in_a(key)).count()
}

/// One paragraph bead: paragraphs `from.0..to.0` of the Arabic, `from.1..to.1` of the English, and
/// its cost.
#[derive(Clone, Copy, Debug)]
struct ParagraphBead {
    from: (usize, usize),
    to: (usize, usize),
    cost: f64,
}

impl ParagraphBead {
    fn is_null(&self) -> bool {
        self.from.0 == self.to.0 || self.from.1 == self.to.1
    }
}

/// The paragraph shapes tried, `(Arabic, English)`.
const SHAPES: [(usize, usize); 6] = [(1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2)];

/// The cost of a paired paragraph bead of Arabic paragraphs `src` and English paragraphs `tgt`.
fn paired_cost(config: &Config, ratio: f64, src: &[Paragraph], tgt: &[Paragraph]) -> f64 {
    let shape = match (src.len(), tgt.len()) {
        (1, 1) => 0.0,
        (2, 2) => config.two_two_cost,
        _ => config.two_one_cost,
    };
    let chars = |ps: &[Paragraph]| ps.iter().map(|p| p.chars).sum::<f64>();
    // The keys of a side's first and second paragraph (none for a bead of one).
    fn keys(ps: &[Paragraph], pick: fn(&Paragraph) -> &[u64]) -> (&[u64], &[u64]) {
        (ps.first().map_or(&[][..], pick), ps.get(1).map_or(&[][..], pick))
    }
    fn numbers(p: &Paragraph) -> &[u64] {
        &p.numbers
    }
    fn names(p: &Paragraph) -> &[u64] {
        &p.names
    }
    let ((sn1, sn2), (tn1, tn2)) = (keys(src, numbers), keys(tgt, numbers));
    let ((sa1, sa2), (ta1, ta2)) = (keys(src, names), keys(tgt, names));
    let numbers = shared(sn1, sn2, tn1, tn2).min(PARAGRAPH_ANCHOR_CAP);
    let names = shared(sa1, sa2, ta1, ta2).min(PARAGRAPH_ANCHOR_CAP);
    shape + length_cost(config, ratio, chars(src), chars(tgt))
        - config.number_match_bonus * numbers as f64
        - config.name_match_bonus * names as f64
}

/// The best paragraph beads over the whole table, in order.
fn align(config: &Config, ratio: f64, src: &[Paragraph], tgt: &[Paragraph]) -> Vec<ParagraphBead> {
    let (n, m) = (src.len(), tgt.len());
    let width = m + 1;
    let mut best = vec![f64::INFINITY; (n + 1) * width];
    let mut back = vec![0u8; (n + 1) * width];
    best[0] = 0.0;
    for i in 0..=n {
        for j in 0..=m {
            if i + j == 0 {
                continue;
            }
            for (s, &(a, e)) in SHAPES.iter().enumerate() {
                if a > i || e > j {
                    continue;
                }
                let before = best[(i - a) * width + j - e];
                let cost = match (a, e) {
                    (1, 0) => src[i - 1].null,
                    (0, 1) => tgt[j - 1].null,
                    _ => paired_cost(config, ratio, &src[i - a..i], &tgt[j - e..j]),
                };
                if before + cost < best[i * width + j] {
                    best[i * width + j] = before + cost;
                    back[i * width + j] = s as u8;
                }
            }
        }
    }
    let mut beads = Vec::new();
    let (mut i, mut j) = (n, m);
    while i + j > 0 {
        let (a, e) = SHAPES[usize::from(back[i * width + j])];
        let cost = best[i * width + j] - best[(i - a) * width + j - e];
        beads.push(ParagraphBead { from: (i - a, j - e), to: (i, j), cost });
        (i, j) = (i - a, j - e);
    }
    beads.reverse();
    beads
}

/// A pair of sentence ranges, one of each document, that the sentence program aligns on its own.
pub(crate) type Section = (Range<usize>, Range<usize>);

/// The sections the sentence program should align one by one, in order and covering both documents,
/// when both have paragraphs and they are parallel enough to be trusted; `None` for the flat
/// program.
pub(crate) fn sections(config: &Config, ratio: f64, src: &Document, tgt: &Document) -> Option<Vec<Section>> {
    let (sp, tp) = (paragraphs(config, src), paragraphs(config, tgt));
    if sp.len() < 2 || tp.len() < 2 || (sp.len() + 1).saturating_mul(tp.len() + 1) > MAX_CELLS {
        return None;
    }
    let beads = align(config, ratio, &sp, &tp);
    // The first sentence of paragraph `k`, or the sentence count when `k` is past the last.
    let start = |ps: &[Paragraph], k: usize| if k == 0 { 0 } else { ps[k - 1].to };
    // A paired bead cheaper than leaving its paragraphs unpaired.
    let trusted = |b: &ParagraphBead| {
        let unpaired: f64 = sp[b.from.0..b.to.0].iter().chain(&tp[b.from.1..b.to.1]).map(|p| p.null).sum();
        !b.is_null() && b.cost < unpaired
    };
    let in_one_one: usize = beads
        .iter()
        .filter(|b| b.to.0 - b.from.0 == 1 && b.to.1 - b.from.1 == 1 && trusted(b))
        .map(|b| sp[b.from.0].to - start(&sp, b.from.0) + tp[b.from.1].to - start(&tp, b.from.1))
        .sum();
    let total = src.sentences().len() + tgt.sentences().len();
    if (in_one_one as f64) < MIN_PARALLEL_SHARE * total as f64 {
        return None;
    }
    let mut out = Vec::new();
    let mut from = (0, 0);
    for pair in beads.windows(2) {
        if trusted(&pair[0]) && trusted(&pair[1]) {
            let to = (start(&sp, pair[0].to.0), start(&tp, pair[0].to.1));
            out.push((from.0..to.0, from.1..to.1));
            from = to;
        }
    }
    out.push((from.0..src.sentences().len(), from.1..tgt.sentences().len()));
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Segmentation;
    use crate::lang::Lang;

    fn doc(text: &str, lang: Lang) -> Document {
        Document::new(text, lang, Segmentation::Raw)
    }

    const AR: &str = "قال الوزير إن المحادثات كانت مثمرة. وأضاف أن الوفد سيعود في 2019.\n\n\
                      ارتفعت الأسعار بنسبة 60% في بغداد. وقال التجار إن الطلب ضعيف.\n\n\
                      وانتهى الاجتماع مساء الخميس.";
    const EN: &str = "The minister said the talks were fruitful. He added that the delegation would return in 2019.\n\n\
                      Prices rose by 60% in Baghdad. Traders said demand was weak.\n\n\
                      The meeting ended on Thursday evening.";

    #[test]
    fn parallel_paragraphs_give_sections() {
        let config = Config::default();
        let (src, tgt) = (doc(AR, Lang::Arabic), doc(EN, Lang::English));
        let sections = sections(&config, 1.078, &src, &tgt).expect("parallel paragraphs are trusted");
        assert_eq!(sections, [(0..2, 0..2), (2..4, 2..4), (4..5, 4..5)]);
    }

    #[test]
    fn one_paragraph_on_one_side_is_flat() {
        let config = Config::default();
        let flat = EN.replace("\n\n", " ");
        assert!(sections(&config, 1.078, &doc(AR, Lang::Arabic), &doc(&flat, Lang::English)).is_none());
    }

    #[test]
    fn paragraphs_joined_on_one_side_pair_as_two_to_one() {
        let config = Config::default();
        let joined = EN.replacen("\n\n", " ", 1);
        let (sp, tp) =
            (paragraphs(&config, &doc(AR, Lang::Arabic)), paragraphs(&config, &doc(&joined, Lang::English)));
        let beads = align(&config, 1.078, &sp, &tp);
        let shapes: Vec<((usize, usize), (usize, usize))> = beads.iter().map(|b| (b.from, b.to)).collect();
        assert_eq!(shapes, [((0, 0), (2, 1)), ((2, 1), (3, 2))]);
    }
}
