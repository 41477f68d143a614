//! Consistency findings across a document or a file of pairs: the same Arabic translated differently,
//! or the same English given for different Arabic (Xbench's "inconsistency in source / target").
//!
//! Sentences are compared normalized (see the crate docs), without punctuation, English in lower
//! case. Each inconsistency is reported once, on its first pair, with the indices of the others.

use rustc_hash::FxHashMap as HashMap;

use crate::document::Span;
use crate::error::Side;
use crate::quality::finding::{Finding, FindingKind, Severity};
use crate::text::is_letter_or_digit;
use crate::text::normalize::normalize;

/// One side of a pair as the check reads it: its text, its span in the side's input, and its key
/// ([`key`] or [`normalized_key`]).
#[derive(Clone, Debug)]
pub(crate) struct Segment<'a> {
    pub text: std::borrow::Cow<'a, str>,
    pub span: Span,
    pub key: Option<Key>,
}

/// What two texts share when they are the same: a 64-bit hash of their normalized letters and
/// digits, words separated by one space, in lower case. Two different texts of a document share
/// one with odds of about n² / 2⁶⁵ for n pairs (below 10⁻⁷ for a million), and a key costs eight
/// bytes whatever the text's length.
pub(crate) type Key = u64;

/// The key of a text, or `None` when it holds no letter or digit.
pub(crate) fn key(text: &str) -> Option<Key> {
    normalized_key([normalize(text).text.as_str()].into_iter())
}

/// [`key`] of a text given as its sentences' normalized texts.
pub(crate) fn normalized_key<'a>(parts: impl Iterator<Item = &'a str>) -> Option<Key> {
    use std::hash::{Hash, Hasher};
    let mut words = String::new();
    for part in parts {
        for word in part.split(|c: char| !is_letter_or_digit(c)).filter(|w| !w.is_empty()) {
            if !words.is_empty() {
                words.push(' ');
            }
            crate::text::push_lowercase(&mut words, word);
        }
    }
    // The standard library's SipHash with its fixed keys: the same hash on every run.
    let mut hasher = std::hash::DefaultHasher::new();
    words.hash(&mut hasher);
    (!words.is_empty()).then(|| hasher.finish())
}

/// The consistency findings of a sequence of pairs, as `(index of the pair, finding)`. Pairs with a
/// side without letters or digits are left out. `index` maps a pair's position to the index stored
/// in [`Finding::others`] (a bead number, say); `first` is added to it in the messages (1 for the
/// rows of a pairs file).
pub(crate) fn consistency(
    pairs: &[(Segment, Segment)],
    index: &dyn Fn(usize) -> usize,
    first: usize,
) -> Vec<(usize, Finding)> {
    let keys: Vec<(Option<Key>, Option<Key>)> = pairs.iter().map(|(a, e)| (a.key, e.key)).collect();
    let mut findings = Vec::new();
    for (side, this, other) in [(Side::Source, 0, 1), (Side::Target, 1, 0)] {
        let pick = |k: &(Option<Key>, Option<Key>), which: usize| if which == 0 { k.0 } else { k.1 };
        let mut groups: HashMap<Key, Vec<usize>> = HashMap::default();
        let mut order = Vec::new();
        for (i, k) in keys.iter().enumerate() {
            let (Some(src), Some(tgt)) = *k else { continue };
            let group_key = if this == 0 { src } else { tgt };
            let group = groups.entry(group_key).or_default();
            if group.is_empty() {
                order.push(group_key);
            }
            group.push(i);
        }
        for group_key in order {
            let group = &groups[&group_key];
            let first_other = pick(&keys[group[0]], other);
            if group.iter().all(|&i| pick(&keys[i], other) == first_other) {
                continue;
            }
            let (i, others) = (group[0], group[1..].iter().map(|&o| index(o)).collect::<Vec<_>>());
            let list = others.iter().map(|o| format!("#{}", o + first)).collect::<Vec<_>>().join(", ");
            let message = match side {
                Side::Source => format!("the same Arabic is translated differently in {list}"),
                Side::Target => format!("the same English renders different Arabic in {list}"),
            };
            let segment = if side == Side::Source { &pairs[i].0 } else { &pairs[i].1 };
            findings.push((
                i,
                Finding {
                    kind: FindingKind::Consistency,
                    severity: Severity::Minor,
                    side,
                    span: segment.span,
                    evidence: segment.text.to_string(),
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

    fn segments<'a>(pairs: &[(&'a str, &'a str)]) -> Vec<(Segment<'a>, Segment<'a>)> {
        let span = |t: &str| Span { start: 0, end: t.len() };
        pairs
            .iter()
            .map(|(a, e)| {
                let segment = |t: &'a str| Segment { text: t.into(), span: span(t), key: key(t) };
                (segment(a), segment(e))
            })
            .collect()
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
        let found = consistency(&segments(&pairs), &|i| i, 1);
        let summary: Vec<(usize, Side, Vec<usize>)> =
            found.iter().map(|(i, f)| (*i, f.side, f.others.clone())).collect();
        // Pair 2 differs from pair 0 in letter variants and punctuation only: the same sentence.
        assert_eq!(summary, [(0, Side::Source, vec![2, 3]), (1, Side::Target, vec![4])]);
        assert_eq!(found[0].1.message, "the same Arabic is translated differently in #3, #4");
        assert!(consistency(&segments(&pairs[..3]), &|i| i, 0).is_empty());
    }
}
