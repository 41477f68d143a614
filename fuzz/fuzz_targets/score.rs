//! The `qalign score` input: a pairs file read by `read_pairs` and scored pair by pair. Either the
//! file is refused (a line with no tab, or two) or every line gives one pair, each scored between 0
//! and 1.
#![no_main]

use libfuzzer_sys::fuzz_target;
use qalign::{Scorer, bilingual::read_pairs};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(pairs) = read_pairs(&text) else { return };
    // Lines end in `\n`, `\r\n` or a lone `\r`; empty lines at the end do not count.
    let normalized = text.replace("\r\n", "\n").replace('\r', "\n");
    let lines = normalized.trim_end_matches('\n').split('\n').count();
    assert!(pairs.is_empty() || pairs.len() == lines);
    for quality in Scorer::new().score_batch(&pairs) {
        assert!((0.0..=1.0).contains(&quality.score));
    }
});
