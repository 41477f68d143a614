//! A bead's JSON object written straight into a buffer: the bytes `serde_json` gives for a
//! [`Bead`], without its serializer's calls per key and value, and with a string that needs no
//! escape (most: the texts, evidence and messages) copied whole after one check of its bytes.
//! A test checks the bytes against `serde_json`'s on real beads.

use crate::document::Span;
use crate::error::Side;
use crate::quality::Components;
use crate::{Bead, Finding};

/// Appends the JSON object of `bead`, as `serde_json::to_writer` writes it.
pub(crate) fn bead(buf: &mut Vec<u8>, bead: &Bead) -> serde_json::Result<()> {
    buf.extend_from_slice(br#"{"src":"#);
    numbers(buf, &bead.src);
    buf.extend_from_slice(br#","tgt":"#);
    numbers(buf, &bead.tgt);
    buf.extend_from_slice(br#","src_spans":"#);
    spans(buf, &bead.src_spans);
    buf.extend_from_slice(br#","tgt_spans":"#);
    spans(buf, &bead.tgt_spans);
    buf.extend_from_slice(br#","src_text":"#);
    string(buf, &bead.src_text)?;
    buf.extend_from_slice(br#","tgt_text":"#);
    string(buf, &bead.tgt_text)?;
    buf.extend_from_slice(br#","cost":"#);
    float(buf, bead.cost)?;
    buf.extend_from_slice(br#","score":"#);
    float(buf, bead.score)?;
    buf.extend_from_slice(br#","findings":["#);
    for (k, f) in bead.findings.iter().enumerate() {
        if k > 0 {
            buf.push(b',');
        }
        finding(buf, f)?;
    }
    buf.extend_from_slice(br#"],"components":"#);
    components(buf, &bead.components)?;
    buf.push(b'}');
    Ok(())
}

/// Appends the JSON object of a finding.
fn finding(buf: &mut Vec<u8>, f: &Finding) -> serde_json::Result<()> {
    buf.extend_from_slice(br#"{"kind":"#);
    string(buf, f.kind.as_str())?;
    buf.extend_from_slice(br#","severity":"#);
    string(buf, f.severity.as_str())?;
    buf.extend_from_slice(br#","side":"#);
    buf.extend_from_slice(match f.side {
        Side::Source => br#""source""#,
        Side::Target => br#""target""#,
    });
    buf.extend_from_slice(br#","span":"#);
    span(buf, f.span);
    buf.extend_from_slice(br#","evidence":"#);
    string(buf, &f.evidence)?;
    buf.extend_from_slice(br#","message":"#);
    string(buf, &f.message)?;
    if let Some(other) = f.other_span {
        buf.extend_from_slice(br#","other_span":"#);
        span(buf, other);
    }
    if !f.others.is_empty() {
        buf.extend_from_slice(br#","others":"#);
        numbers(buf, &f.others);
    }
    buf.push(b'}');
    Ok(())
}

/// Appends the JSON object of a bead's components.
fn components(buf: &mut Vec<u8>, c: &Components) -> serde_json::Result<()> {
    buf.extend_from_slice(br#"{"length":"#);
    float(buf, c.length)?;
    let counts = [
        (&br#","numbers_shared":"#[..], c.numbers_shared),
        (br#","numbers_missing":"#, c.numbers_missing),
        (br#","numbers_added":"#, c.numbers_added),
        (br#","numbers_contradicted":"#, c.numbers_contradicted),
        (br#","names_matched":"#, c.names_matched),
        (br#","names_unmatched":"#, c.names_unmatched),
        (br#","punctuation":"#, c.punctuation),
        (br#","lexicon_words":"#, c.lexicon_words),
        (br#","lexicon_matched":"#, c.lexicon_matched),
        (br#","lexicon_function_words":"#, c.lexicon_function_words),
        (br#","lexicon_function_matched":"#, c.lexicon_function_matched),
        (br#","dictionary_words":"#, c.dictionary_words),
        (br#","dictionary_matched":"#, c.dictionary_matched),
    ];
    for (key, n) in counts {
        buf.extend_from_slice(key);
        buf.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
    }
    buf.extend_from_slice(br#","arabic_in_target":"#);
    float(buf, c.arabic_in_target)?;
    buf.extend_from_slice(br#","target_text":"#);
    float(buf, c.target_text)?;
    buf.extend_from_slice(br#","mojibake":"#);
    buf.extend_from_slice(itoa::Buffer::new().format(c.mojibake).as_bytes());
    buf.extend_from_slice(br#","polarity_mismatch":"#);
    boolean(buf, c.polarity_mismatch);
    buf.extend_from_slice(br#","open_end":"#);
    boolean(buf, c.open_end);
    buf.extend_from_slice(br#","alignment":"#);
    match c.alignment {
        Some(a) => float(buf, a)?,
        None => buf.extend_from_slice(b"null"),
    }
    buf.push(b'}');
    Ok(())
}

/// Appends a JSON string: whole between quotes when no byte needs an escape (a control character,
/// a quotation mark, a backslash), else as `serde_json` escapes it.
fn string(buf: &mut Vec<u8>, s: &str) -> serde_json::Result<()> {
    // Every byte checked, without an early exit, which the compiler vectorizes.
    let plain = s.bytes().fold(true, |plain, b| plain & (b >= 0x20) & (b != b'"') & (b != b'\\'));
    if plain {
        buf.push(b'"');
        buf.extend_from_slice(s.as_bytes());
        buf.push(b'"');
        Ok(())
    } else {
        serde_json::to_writer(buf, s)
    }
}

/// Appends a number as `serde_json` writes it (`null` when not finite).
fn float(buf: &mut Vec<u8>, x: f64) -> serde_json::Result<()> {
    serde_json::to_writer(buf, &x)
}

/// Appends `true` or `false`.
fn boolean(buf: &mut Vec<u8>, b: bool) {
    buf.extend_from_slice(if b { b"true" } else { b"false" });
}

/// Appends an array of whole numbers.
fn numbers(buf: &mut Vec<u8>, list: &[usize]) {
    buf.push(b'[');
    for (k, &n) in list.iter().enumerate() {
        if k > 0 {
            buf.push(b',');
        }
        buf.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
    }
    buf.push(b']');
}

/// Appends a span as its two-element array.
fn span(buf: &mut Vec<u8>, s: Span) {
    numbers(buf, &[s.start, s.end]);
}

/// Appends an array of spans.
fn spans(buf: &mut Vec<u8>, list: &[Span]) {
    buf.push(b'[');
    for (k, &s) in list.iter().enumerate() {
        if k > 0 {
            buf.push(b',');
        }
        span(buf, s);
    }
    buf.push(b']');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(b: &Bead) -> String {
        let mut buf = Vec::new();
        bead(&mut buf, b).unwrap();
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn beads_are_written_as_serde_json_writes_them() {
        let ar = include_str!("../../examples/data/003_02c1adf0d7f5733e.txt");
        let en = include_str!("../../examples/data/000_47fec3c5d65e0f7a.txt");
        let alignment = crate::Aligner::new().align(ar, en).unwrap();
        assert!(alignment.beads.iter().any(|b| !b.findings.is_empty()));
        for b in &alignment.beads {
            assert_eq!(written(b), serde_json::to_string(b).unwrap());
        }
    }

    #[test]
    fn escapes_other_spans_and_odd_numbers_are_written_as_serde_json_writes_them() {
        let ar = include_str!("../../examples/data/003_02c1adf0d7f5733e.txt");
        let en = include_str!("../../examples/data/000_47fec3c5d65e0f7a.txt");
        let mut b = crate::Aligner::new().align(ar, en).unwrap().beads.swap_remove(0);
        b.src_text = "a \"quoted\" \\ back\tslash\n\u{1} é \u{7f} قال".to_owned();
        b.cost = f64::NAN;
        b.score = 1e-300;
        b.components.length = f64::INFINITY;
        b.components.alignment = None;
        b.components.open_end = true;
        let mut f = b.findings.first().cloned().unwrap_or_else(|| Finding {
            kind: crate::FindingKind::Consistency,
            severity: crate::quality::Severity::Minor,
            side: Side::Target,
            span: Span { start: 1, end: 2 },
            evidence: String::new(),
            message: String::new(),
            other_span: None,
            others: Vec::new(),
        });
        f.evidence = "\"".to_owned();
        f.other_span = Some(Span { start: 3, end: 4 });
        f.others = vec![7, 12];
        b.findings.push(f);
        assert_eq!(written(&b), serde_json::to_string(&b).unwrap());
    }
}
