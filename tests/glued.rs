//! Arabic words run together, read apart, on real text: the dev set's Arabic, whose corpus lost the
//! spaces between words in some sentences, and tatoeba-val's, which has none of that.

use qalign::document::{Document, Lang, Segmentation};

mod common;
use common::data;
use common::devset::clean_items;

/// The words a sentence's normalized view has more than its text: the spaces put back.
fn spaces_put_back(doc: &Document, k: usize) -> usize {
    let s = &doc.sentences()[k];
    let read = doc.normalized(s).split(' ').count();
    read.saturating_sub(doc.sentence_text(s).split_whitespace().count())
}

#[test]
fn glued_arabic_gets_its_length_back() {
    let Some(dev) = data::dataset("ntrex-dev") else { return };
    // English and Arabic characters of the 1-1 pairs whose Arabic had spaces put back (with and
    // without them) and of the others.
    let (mut glued, mut glued_before, mut glued_en, mut other, mut other_en) = (0, 0, 0, 0, 0);
    for (ar, en, _) in clean_items(&dev).expect("dev set readable") {
        let ar = Document::new(&ar, Lang::Arabic, Segmentation::Lines);
        let en = Document::new(&en, Lang::English, Segmentation::Lines);
        assert_eq!(ar.sentences().len(), en.sentences().len(), "clean items are 1-1");
        for (k, (a, e)) in ar.sentences().iter().zip(en.sentences()).enumerate() {
            match spaces_put_back(&ar, k) {
                0 => (other, other_en) = (other + a.chars(), other_en + e.chars()),
                added => {
                    (glued, glued_en) = (glued + a.chars(), glued_en + e.chars());
                    glued_before += a.chars() - added;
                }
            }
        }
    }
    let ratio = |en: usize, ar: usize| en as f64 / ar.max(1) as f64;
    let (after, before, usual) =
        (ratio(glued_en, glued), ratio(glued_en, glued_before), ratio(other_en, other));
    // Measured: English characters per Arabic one 1.119 in the glued sentences as written, 1.092
    // once read apart, 1.075 in the others.
    assert!(glued > 0, "the corpus has glued sentences");
    assert!(
        (after - usual).abs() <= 0.5 * (before - usual).abs(),
        "glued {before:.3} read apart {after:.3}, others {usual:.3}"
    );
}

#[test]
fn arabic_with_its_spaces_is_left_as_it_is() {
    let Some(tatoeba) = data::dataset("tatoeba-val") else { return };
    let qe = std::fs::read_to_string(tatoeba.join("qe.tsv")).expect("tatoeba-val readable");
    let arabic: Vec<&str> = qe.lines().filter_map(|l| l.split('\t').nth(2)).collect();
    let doc = Document::new(&arabic.join("\n"), Lang::Arabic, Segmentation::Lines);
    assert!(doc.sentences().len() >= 2000);
    let split: Vec<&str> = (0..doc.sentences().len())
        .filter(|&k| spaces_put_back(&doc, k) > 0)
        .map(|k| doc.sentence_text(&doc.sentences()[k]))
        .collect();
    assert!(split.is_empty(), "{split:?}");
}
