//! Short documents built from the dev set: excerpts of a few consecutive sentences of each clean
//! document of `ntrex-dev/presegmented`, Arabic and English (a paragraph each), excerpt `i` of one
//! side translating excerpt `i` of the other.
//!
//! A module of `tests/common` (`tests/matching.rs` asserts how they are matched), also included by
//! path from `examples/evaluate_matching.rs` (which reports it per half and fits the verdict on half A).
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The clean documents of a `presegmented` directory, sorted by name, as (Arabic, English)
/// sentences, one sentence a line: the `*.clean.ar` files and their `.clean.en` translations.
pub fn clean_documents(presegmented: &Path) -> anyhow::Result<Vec<(Vec<String>, Vec<String>)>> {
    let read = |p: &Path| {
        std::fs::read_to_string(p).map_err(|e| anyhow::anyhow!("cannot read {}: {e}", p.display()))
    };
    let mut names: Vec<PathBuf> = std::fs::read_dir(presegmented)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".clean.ar"))
        .collect();
    names.sort();
    let mut docs = Vec::new();
    for path in &names {
        let ar: Vec<String> = read(path)?.lines().map(str::to_owned).collect();
        let en: Vec<String> = read(&path.with_extension("en"))?.lines().map(str::to_owned).collect();
        anyhow::ensure!(ar.len() == en.len(), "{} is not 1-1", path.display());
        docs.push((ar, en));
    }
    Ok(docs)
}

/// One excerpt of `k` consecutive sentences of each document `d` for which `keep(d)` holds and that
/// has that many, as (Arabic excerpts, English excerpts) in document order. The excerpt's start moves
/// with the document's index and the length, so that excerpts of different lengths come from
/// different parts of a document.
pub fn excerpts(
    docs: &[(Vec<String>, Vec<String>)],
    k: usize,
    keep: impl Fn(usize) -> bool,
) -> (Vec<String>, Vec<String>) {
    let (mut ar, mut en) = (Vec::new(), Vec::new());
    for (d, (a, e)) in docs.iter().enumerate().filter(|(d, (a, _))| keep(*d) && a.len() >= k) {
        let start = (d * 7 + k * 3) % (a.len() - k + 1);
        ar.push(a[start..start + k].join(" "));
        en.push(e[start..start + k].join(" "));
    }
    (ar, en)
}
