//! Consistency findings across a document or a file of pairs: the same Arabic translated differently,
//! or the same English given for different Arabic (Xbench's "inconsistency in source / target").
//!
//! Sentences are compared normalized (see the crate docs), without punctuation, English in lower
//! case. Each inconsistency is reported once, on its first pair, with the indices of the others.

use crate::document::Span;
use crate::error::Side;
use crate::quality::finding::{Finding, FindingKind, Severity};
use crate::text::normalize::normalize;
use crate::text::{CharClass, LETTERS_OR_DIGITS, push_lowercase};

/// What two texts share when they are the same: a 64-bit hash of their normalized letters and
/// digits, words separated by one space, in lower case. Two different texts of a document share
/// one with odds of about n² / 2⁶⁵ for n pairs (below 10⁻⁷ for a million), and a key costs eight
/// bytes whatever the text's length, `None` included (a hash of 0 is read as 1).
pub(crate) type Key = std::num::NonZeroU64;

/// The key of a text, or `None` when it holds no letter or digit.
pub(crate) fn key(text: &str) -> Option<Key> {
    normalized_key([normalize(text).text.as_str()].into_iter())
}

/// [`key`] of a text given as its sentences' normalized texts.
pub(crate) fn normalized_key<'a>(parts: impl Iterator<Item = &'a str> + Clone) -> Option<Key> {
    use std::hash::Hasher;
    let words = key_text(parts);
    // FxHash with its fixed seed: the same hash on every run.
    let mut hasher = rustc_hash::FxHasher::default();
    hasher.write(&words);
    (!words.is_empty()).then(|| Key::new(hasher.finish()).unwrap_or(Key::MIN))
}

/// Each ASCII byte in a key's text: a letter or digit in lower case, 0 for any other byte.
static ASCII_KEY_BYTES: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            table[b] = c.to_ascii_lowercase();
        }
        b += 1;
    }
    table
};

/// What [`normalized_key`] hashes: the runs of letters and digits of `parts` in lower case, one
/// space between them, read in one pass over the bytes. ASCII is lowered from a table and
/// Arabic-block characters (which have no case) are copied; a word with any other character is
/// lowered whole by [`push_lowercase`].
fn key_text<'a>(parts: impl Iterator<Item = &'a str> + Clone) -> Vec<u8> {
    let mut words: Vec<u8> = Vec::with_capacity(parts.clone().map(str::len).sum());
    let mut lowered = String::new();
    let class: &CharClass = &LETTERS_OR_DIGITS;
    for part in parts {
        let bytes = part.as_bytes();
        // Where the current word starts in `part` and in `words`, when inside one.
        let mut word: Option<(usize, usize)> = None;
        let mut i = 0;
        while i < bytes.len() {
            // ASCII, most bytes, from a table.
            if let Some(&lower) = ASCII_KEY_BYTES.get(usize::from(bytes[i])) {
                if lower == 0 {
                    word = None;
                } else {
                    if word.is_none() {
                        if !words.is_empty() {
                            words.push(b' ');
                        }
                        word = Some((i, words.len()));
                    }
                    words.push(lower);
                }
                i += 1;
                continue;
            }
            let (width, member) = class.at(part, i);
            if !member {
                word = None;
                i += width;
                continue;
            }
            let (start, at) = *word.get_or_insert_with(|| {
                if !words.is_empty() {
                    words.push(b' ');
                }
                (i, words.len())
            });
            // ASCII is read above: an Arabic-block character, or another.
            match width {
                2 if matches!(bytes[i], 0xD8..=0xDB) => words.extend_from_slice(&bytes[i..i + 2]),
                _ => {
                    // The whole word lowered at once (a final `Σ` lowers as `ς`).
                    let mut end = i;
                    while end < bytes.len() {
                        let (width, member) = class.at(part, end);
                        if !member {
                            break;
                        }
                        end += width;
                    }
                    lowered.clear();
                    push_lowercase(&mut lowered, part.get(start..end).unwrap_or(""));
                    words.truncate(at);
                    words.extend_from_slice(lowered.as_bytes());
                    word = None;
                    i = end;
                    continue;
                }
            }
            i += width;
        }
    }
    words
}

/// The consistency findings of a sequence of pairs given as the keys of their two sides ([`key`]
/// or [`normalized_key`]), as `(index of the pair, finding)`. Pairs with a side without letters or
/// digits are left out. `segment(i, side)` gives the span of that side of pair `i` in its input and
/// its text, read only for the pairs that get a finding; `index` maps a pair's position to the index
/// stored in [`Finding::others`] (a bead number, say); `first` is added to it in the messages (1 for
/// the rows of a pairs file). Pairs are grouped by sorting their keys: a long document's pairs
/// cost sixteen bytes each.
pub(crate) fn consistency(
    keys: &[(Option<Key>, Option<Key>)],
    segment: &dyn Fn(usize, Side) -> (Span, String),
    index: &dyn Fn(usize) -> usize,
    first: usize,
) -> Vec<(usize, Finding)> {
    let mut findings = Vec::new();
    for (side, this, other) in [(Side::Source, 0, 1), (Side::Target, 1, 0)] {
        let pick = |k: &(Option<Key>, Option<Key>), which: usize| if which == 0 { k.0 } else { k.1 };
        // The pairs with both keys, by their key on this side, in pair order within a key.
        let mut by_key: Vec<(Key, usize)> = keys
            .iter()
            .enumerate()
            .filter_map(|(i, k)| match *k {
                (Some(src), Some(tgt)) => Some((if this == 0 { src } else { tgt }, i)),
                _ => None,
            })
            .collect();
        by_key.sort_unstable();
        // The groups of two pairs or more, in the order of their first pair.
        let mut groups: Vec<&[(Key, usize)]> =
            by_key.chunk_by(|a, b| a.0 == b.0).filter(|g| g.len() > 1).collect();
        groups.sort_unstable_by_key(|group| group[0].1);
        for group in groups {
            let first_other = pick(&keys[group[0].1], other);
            if group.iter().all(|&(_, i)| pick(&keys[i], other) == first_other) {
                continue;
            }
            let (i, others) = (group[0].1, group[1..].iter().map(|&(_, o)| index(o)).collect::<Vec<_>>());
            let list = others.iter().map(|o| format!("#{}", o + first)).collect::<Vec<_>>().join(", ");
            let message = match side {
                Side::Source => format!("the same Arabic is translated differently in {list}"),
                Side::Target => format!("the same English renders different Arabic in {list}"),
            };
            let (span, evidence) = segment(i, side);
            findings.push((
                i,
                Finding {
                    kind: FindingKind::Consistency,
                    severity: Severity::Minor,
                    side,
                    span,
                    evidence,
                    message,
                    other_span: None,
                    others,
                },
            ));
        }
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    fn consistency_of(pairs: &[(&str, &str)], first: usize) -> Vec<(usize, Finding)> {
        let keys: Vec<_> = pairs.iter().map(|(a, e)| (key(a), key(e))).collect();
        let segment = |i: usize, side: Side| {
            let text = if side == Side::Source { pairs[i].0 } else { pairs[i].1 };
            (Span { start: 0, end: text.len() }, text.to_owned())
        };
        consistency(&keys, &segment, &|i| i, first)
    }

    proptest::proptest! {
        #[test]
        fn key_text_is_the_lowered_words_joined(
            parts in proptest::collection::vec("(\\PC|[\u{0600}-\u{06FF} a-zA-Z'-]|Σ){0,30}", 1..3)
        ) {
            let mut plain = String::new();
            for part in &parts {
                for word in crate::text::runs(part, &LETTERS_OR_DIGITS) {
                    if !plain.is_empty() {
                        plain.push(' ');
                    }
                    push_lowercase(&mut plain, word);
                }
            }
            proptest::prop_assert_eq!(key_text(parts.iter().map(String::as_str)), plain.into_bytes());
        }
    }

    #[test]
    fn keys_fold_case_and_punctuation() {
        let parts = ["ΟΔΥΣΣΕΥΣ ΣΑ", "Qalign's 2014 قال"];
        assert_eq!(key_text(parts.into_iter()), "οδυσσευς σα qalign s 2014 قال".as_bytes());
        assert_eq!(normalized_key(["The minister, said."].into_iter()), key("the minister said"));
        assert_eq!(key("..."), None);
    }

    #[test]
    fn same_source_different_target_and_back() {
        let pairs = [
            ("قال الوزير إن الحرب انتهت.", "The minister said the war was over."),
            ("ارتفعت الأسعار.", "Prices rose."),
            ("قال الوزير إن الحرب إنتهت", "the minister said the war was over"),
            ("قال الوزير إن الحرب انتهت.", "The minister said the war had ended."),
            ("صعدت الأسعار.", "Prices rose."),
        ];
        let found = consistency_of(&pairs, 1);
        let summary: Vec<(usize, Side, Vec<usize>)> =
            found.iter().map(|(i, f)| (*i, f.side, f.others.clone())).collect();
        // Pair 2 differs from pair 0 in letter variants and punctuation only: the same sentence.
        assert_eq!(summary, [(0, Side::Source, vec![2, 3]), (1, Side::Target, vec![4])]);
        assert_eq!(found[0].1.message, "the same Arabic is translated differently in #3, #4");
        assert!(consistency_of(&pairs[..3], 0).is_empty());
    }
}
