//! Sentence boundaries that the translation shows and the punctuation does not.
//!
//! Raw text sometimes runs sentences together without punctuation: an Arabic paragraph with no full
//! stops, a summary line joined to the next by a space. The segmenter cannot see those boundaries,
//! and the aligner pairs the run with the several sentences that translate it, a 1-N bead. The other
//! side's sentences say where the run breaks: [`guided_cuts`] cuts the run at the word boundaries
//! nearest to where the other side's sentences end, in proportion to their lengths, and the
//! documents are segmented again with those cuts before the final alignment. A cut always falls
//! before a word that can start a sentence, so an English sentence that renders two Arabic ones is
//! cut only where a capital, a digit or a quotation follows (`the war was over and prices rose`
//! stays whole).

use crate::document::Document;
use crate::text::segment::starts_sentence;

use super::dp::Step;

/// Fewest characters each sentence of the other side holds for a run to be cut against them: a
/// short piece (a name, a dateline) says little about where the run breaks.
const MIN_PIECE_CHARS: usize = 20;

/// The byte offsets at which to cut sentences of each document, from a first alignment `path` of
/// `src` and `tgt`: for every bead of one sentence on one side and two or more on the other, the
/// one sentence is cut into as many pieces, each as long (in proportion) as the sentence it renders.
/// Returns the Arabic cuts and the English cuts, in increasing order.
pub(crate) fn guided_cuts(path: &[Step], src: &Document, tgt: &Document) -> (Vec<usize>, Vec<usize>) {
    let mut src_cuts = Vec::new();
    let mut tgt_cuts = Vec::new();
    for step in path {
        let (pi, pj) = step.from;
        let (i, j) = step.to;
        if i == pi + 1 && j >= pj + 2 {
            cut_against(src, pi, tgt, pj..j, &mut src_cuts);
        } else if j == pj + 1 && i >= pi + 2 {
            cut_against(tgt, pj, src, pi..i, &mut tgt_cuts);
        }
    }
    (src_cuts, tgt_cuts)
}

/// Cuts sentence `k` of `doc` against the sentences `others` of `other`, appending the cuts to `out`.
fn cut_against(
    doc: &Document,
    k: usize,
    other: &Document,
    others: std::ops::Range<usize>,
    out: &mut Vec<usize>,
) {
    let pieces = &other.sentences()[others];
    if pieces.iter().any(|s| s.chars() < MIN_PIECE_CHARS) {
        return;
    }
    let sentence = &doc.sentences()[k];
    let span = sentence.span();
    let text = doc.sentence_text(sentence);
    // Word starts inside the sentence that can start a sentence (not a Latin lowercase letter: in
    // English `over and prices` is not cut): (byte offset into it, characters before it).
    let starts: Vec<(usize, usize)> = text
        .char_indices()
        .enumerate()
        .zip(text.chars().skip(1))
        .filter(|&((_, (_, c)), next)| c.is_whitespace() && starts_sentence(next))
        .map(|((n, (at, c)), _)| (at + c.len_utf8(), n + 1))
        .collect();
    if starts.len() + 1 < pieces.len() {
        return;
    }
    let chars = text.chars().count();
    let total: usize = pieces.iter().map(|s| s.chars()).sum();
    let mut so_far = 0;
    let mut last = 0;
    for piece in &pieces[..pieces.len() - 1] {
        so_far += piece.chars();
        let target = chars * so_far / total.max(1);
        let nearest =
            starts.iter().copied().filter(|&(at, _)| at > last).min_by_key(|&(_, n)| n.abs_diff(target));
        let Some((at, _)) = nearest else { return };
        out.push(span.start + at);
        last = at;
    }
}

#[cfg(test)]
mod tests {
    use crate::Aligner;

    #[test]
    fn an_unpunctuated_run_is_cut_where_the_translation_breaks() {
        let ar = "قال وزير الخارجية إن المحادثات مع الجانب الروسي كانت مثمرة للغاية ووصل الوفد إلى بغداد صباح يوم الخميس في زيارة رسمية";
        let en = "The foreign minister said the talks with the Russian side were very fruitful. \
                  The delegation arrived in Baghdad on Thursday morning on an official visit.";
        let alignment = Aligner::new().align(ar, en).unwrap();
        let shapes: Vec<(usize, usize)> =
            alignment.beads.iter().map(|b| (b.src.len(), b.tgt.len())).collect();
        assert_eq!(shapes, [(1, 1), (1, 1)]);
        // The cut falls on the word boundary nearest to where the English lengths put it.
        assert!(alignment.beads[0].src_text.starts_with("قال وزير"), "{}", alignment.beads[0].src_text);
        assert!(alignment.beads[1].src_text.contains("ووصل الوفد"), "{}", alignment.beads[1].src_text);
    }

    #[test]
    fn a_sentence_that_ends_a_bead_alone_is_kept() {
        let ar = "قال الوزير إن المحادثات كانت مثمرة.";
        let en = "The minister said the talks were fruitful.";
        let alignment = Aligner::new().align(ar, en).unwrap();
        assert_eq!(alignment.beads.len(), 1);
        assert_eq!(alignment.beads[0].src_text, ar);
    }
}
