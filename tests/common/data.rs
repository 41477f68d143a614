//! Where the evaluation data sets are: the one place that finds them.
//!
//! The data sets (`ntrex-dev/`, `tatoeba-val/`, `tatoeba-mt/`) are not part of the repository.
//! Their root is the directory named by the environment variable `QALIGN_DATA` if it is set, else
//! `../shared/data` beside the repository if that is a directory. Without either, tests that need a
//! data set pass after one line on standard error, benches skip the groups that need one after the
//! same line, and examples that need one print it and exit with status 2. A `QALIGN_DATA`, or a data
//! root, that does not hold what is asked for is a configuration error, never a skip.
//!
//! Included by path from `tests/common/mod.rs`, from the examples and benches that read data, and
//! from `src/lib.rs` for the unit tests; each uses only part of it.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};

/// The line printed when no data root is found.
pub const MISSING: &str = "QALIGN_DATA not set and ../shared/data not found: dev-set checks skipped";

/// The data set `name` (e.g. `"ntrex-dev"`): `Ok(None)` when there is no data root, an error
/// message when the root or the data set in it is not a directory.
fn locate(name: &str) -> Result<Option<PathBuf>, String> {
    let root = match std::env::var_os("QALIGN_DATA") {
        Some(dir) => {
            let dir = PathBuf::from(dir);
            if !dir.is_dir() {
                return Err(format!("QALIGN_DATA={} is not a directory", dir.display()));
            }
            dir
        }
        None => {
            let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
            if !dir.is_dir() {
                return Ok(None);
            }
            dir
        }
    };
    let set = root.join(name);
    if set.is_dir() { Ok(Some(set)) } else { Err(format!("data set {name} not found in {}", root.display())) }
}

/// For tests and for the benches' groups: the data set `name`, or `None` after printing [`MISSING`]
/// to standard error when there is no data root (a test then returns early and passes, a bench skips
/// the groups that need it). Panics on a configuration error.
pub fn dataset(name: &str) -> Option<PathBuf> {
    match locate(name) {
        Ok(Some(dir)) => Some(dir),
        Ok(None) => {
            // Straight to standard error: the test harness would hide `eprintln!` of a passing test.
            let _ = writeln!(std::io::stderr(), "{MISSING}");
            None
        }
        Err(message) => panic!("{message}"),
    }
}

/// For examples: the data set `name`; without it, prints why to standard error and exits with
/// status 2.
pub fn dataset_or_exit(name: &str) -> PathBuf {
    match locate(name) {
        Ok(Some(dir)) => dir,
        Ok(None) => {
            eprintln!("{MISSING}");
            std::process::exit(2)
        }
        Err(message) => {
            eprintln!("{message}");
            std::process::exit(2)
        }
    }
}

/// The good pairs (label 1) of a `qe.tsv` text, `label<TAB>type<TAB>ar<TAB>en` a line, as
/// `(ar, en)`.
pub fn good_pairs(qe: &str) -> Vec<(&str, &str)> {
    qe.lines()
        .filter_map(|line| match line.split('\t').collect::<Vec<_>>()[..] {
            ["1", _, ar, en] => Some((ar, en)),
            _ => None,
        })
        .collect()
}
