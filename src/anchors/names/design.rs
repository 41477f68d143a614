//! The key design of [`Options::DEFAULT`] checked on the NTREX dev set's parallel lines.
//!
//! For each design, two figures over the dev documents (`presegmented/*.clean.{ar,en}`, line *i* of
//! one side translating line *i* of the other):
//! - **recall**: the share of English name words (not acronyms) with a same-key Arabic anchor in the
//!   parallel line (for any reading of the word);
//! - **noise**: English words with a shared key per non-parallel (English line, Arabic line) pair of
//!   the same document, not counting a name of the parallel line that the other line repeats.
//!
//! `cargo test --lib key_design -- --nocapture` prints the table that [`Options::DEFAULT`]'s
//! documentation quotes.

use super::{ACRONYM_TAG, NameAnchor, Options, extract_with};
use crate::lang::Lang;
use crate::text::normalize::normalize;

/// A dev document: its Arabic and English lines, normalized.
type Lines = (Vec<String>, Vec<String>);

/// The dev set's documents, or `None` when there is no data root.
fn dev_documents() -> Option<Vec<Lines>> {
    let dir = crate::test_data::dataset("ntrex-dev")?.join("presegmented");
    let mut stems: Vec<String> = std::fs::read_dir(&dir)
        .expect("readable presegmented directory")
        .filter_map(|entry| {
            let name = entry.ok()?.file_name().into_string().ok()?;
            name.strip_suffix(".clean.ar").map(str::to_owned)
        })
        .collect();
    stems.sort();
    let read = |path: std::path::PathBuf| -> Vec<String> {
        std::fs::read_to_string(path).expect("readable dev file").lines().map(|l| normalize(l).text).collect()
    };
    Some(
        stems
            .iter()
            .map(|stem| {
                (read(dir.join(format!("{stem}.clean.ar"))), read(dir.join(format!("{stem}.clean.en"))))
            })
            .collect(),
    )
}

/// Recall and noise of one design, as the module documentation defines them. A design that gives
/// fewer English anchors has a smaller recall denominator: compare `found` across such designs.
#[derive(Debug)]
struct Figures {
    /// English name words with a same-key Arabic anchor in the parallel line.
    found: usize,
    recall: f64,
    noise: f64,
}

/// Measures `opts` over `docs`.
fn measure(docs: &[Lines], opts: &Options) -> Figures {
    let (mut words, mut found, mut pairs, mut spurious) = (0usize, 0usize, 0usize, 0usize);
    for (ar_lines, en_lines) in docs {
        let ar: Vec<Vec<NameAnchor>> = ar_lines.iter().map(|l| extract_with(l, Lang::Arabic, opts)).collect();
        let en: Vec<Vec<NameAnchor>> =
            en_lines.iter().map(|l| extract_with(l, Lang::English, opts)).collect();
        for (i, e) in en.iter().enumerate() {
            let Some(parallel) = ar.get(i) else { continue };
            // Each English word with its readings (anchors with one span, in a row).
            let words_of = e.chunk_by(|a, b| a.span == b.span);
            for readings in words_of.clone().filter(|r| r[0].key & ACRONYM_TAG == 0) {
                words += 1;
                found += usize::from(readings.iter().any(|x| parallel.iter().any(|y| y.key == x.key)));
            }
            for other in ar.iter().enumerate().filter(|&(j, _)| j != i).map(|(_, line)| line) {
                pairs += 1;
                // A shared key is a repeated name, not noise, when the parallel line has the same key
                // with the same skeleton as the word found in the other line.
                let spurious_key = |x: &NameAnchor| {
                    let hits: Vec<&NameAnchor> = other.iter().filter(|y| y.key == x.key).collect();
                    let repeated =
                        |y: &&NameAnchor| parallel.iter().any(|z| z.key == x.key && z.skeleton == y.skeleton);
                    !hits.is_empty() && !hits.iter().any(repeated)
                };
                spurious += words_of.clone().filter(|readings| readings.iter().any(spurious_key)).count();
            }
        }
    }
    Figures {
        found,
        recall: found as f64 / words.max(1) as f64,
        noise: spurious as f64 / pairs.max(1) as f64,
    }
}

/// The default keys three classes long: two classes give far more noise, four lose recall; each of
/// the other default choices keeps recall that turning it off loses.
#[test]
fn key_design() {
    let Some(docs) = dev_documents() else { return };
    let default = Options::DEFAULT;
    let with_len = |key_len| Options { key_len, ..default };
    let chosen = measure(&docs, &default);
    let short = measure(&docs, &with_len(2));
    let long = measure(&docs, &with_len(4));
    let no_article = measure(&docs, &Options { keep_article: false, ..default });
    let vowel = measure(&docs, &Options { vowel_flag: true, ..default });
    let min_three = measure(&docs, &Options { min_len: 3, ..default });
    for (name, f) in [
        ("default (3 classes)", &chosen),
        ("2 classes", &short),
        ("4 classes", &long),
        ("without the article reading", &no_article),
        ("with the vowel flag", &vowel),
        ("3-class skeletons at least", &min_three),
    ] {
        println!(
            "{name:28} {:4} found, recall {:5.1} %, noise {:.3} keys per non-parallel pair",
            f.found,
            100.0 * f.recall,
            f.noise
        );
    }
    assert!(chosen.recall >= 0.74 && chosen.noise <= 0.03, "{chosen:?}");
    assert!(short.noise > 3.0 * chosen.noise, "two classes: {short:?}");
    assert!(long.recall < chosen.recall, "four classes: {long:?}");
    assert!(no_article.recall < chosen.recall, "no article: {no_article:?}");
    assert!(vowel.recall < chosen.recall, "vowel flag: {vowel:?}");
    assert!(min_three.found < chosen.found, "3-class skeletons: {min_three:?}");
}
