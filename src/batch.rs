//! The batch format for engines (Spark, Hadoop streaming, GNU parallel): many document pairs, one
//! JSON object per line.
//!
//! Each input line is a record `{"id":…, "ar":…, "en":…}` holding a pair's raw article texts; the
//! `id` is any JSON value (or absent, read as `null`) and comes back exactly as written. Each record
//! gives one output line, `{"id":…, "beads":[…], "summary":{…}}` (the beads and summary exactly as
//! `qalign align --format json` writes them for that pair), or `{"id":…, "error":"…"}` when the pair
//! cannot be aligned: a line that is not such a record, an empty document, documents in the wrong
//! script or swapped ([`crate::input::check_pair`]), or a limit of the [`Aligner`]'s configuration.
//! Blank lines are not records and give nothing. `qalign batch` and the Python package write this
//! format through [`align_records`].
//!
//! ```
//! use qalign::{Aligner, batch::align_record};
//!
//! let aligner = Aligner::new();
//! let out = align_record(&aligner, r#"{"id": 7, "ar": "قال الوزير.", "en": "The minister said."}"#.as_bytes());
//! assert!(out.unwrap().starts_with(r#"{"id":7,"beads":[{"src":[0],"tgt":[0],"#));
//! let out = align_record(&aligner, br#"{"id": "a-1", "ar": "", "en": "Hello."}"#);
//! assert_eq!(out.unwrap(), r#"{"id":"a-1","error":"source (Arabic) document is empty"}"#);
//! assert_eq!(align_record(&aligner, b"  \r"), None);
//! ```

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::{Aligner, Bead, Summary};

/// One input record. Unknown fields are ignored.
#[derive(Deserialize)]
#[serde(expecting = r#"an object {"id", "ar", "en"}"#)]
struct Record<'a> {
    #[serde(borrow, default)]
    id: Option<&'a RawValue>,
    ar: String,
    en: String,
}

/// What is left of a record that did not read: its id, if it has one.
#[derive(Deserialize)]
struct IdOnly<'a> {
    #[serde(borrow, default)]
    id: Option<&'a RawValue>,
}

/// An output line for an aligned pair.
#[derive(Serialize)]
struct Aligned<'a> {
    id: &'a RawValue,
    beads: &'a [Bead],
    summary: &'a Summary,
}

/// An output line for a pair that could not be aligned.
#[derive(Serialize)]
struct Failed<'a> {
    id: &'a RawValue,
    error: &'a str,
}

/// Aligns the pair of one input line and returns its output line (without a line end), or `None`
/// for a blank line. Never fails: what goes wrong is the output line's `error`.
///
/// The pair is checked as `qalign align` checks two files ([`crate::input::check_pair`]), then
/// aligned with [`Aligner::align`].
pub fn align_record(aligner: &Aligner, line: &[u8]) -> Option<String> {
    if line.iter().all(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r')) {
        return None;
    }
    let record = match serde_json::from_slice::<Record>(line) {
        Ok(record) => record,
        Err(e) => {
            let id = serde_json::from_slice::<IdOnly>(line).ok().and_then(|r| r.id);
            return Some(failed(id, &format!("invalid record: {e}")));
        }
    };
    let aligned =
        crate::input::check_pair(&record.ar, &record.en).and_then(|()| aligner.align(&record.ar, &record.en));
    let id = record.id.unwrap_or(RawValue::NULL);
    Some(match aligned {
        Ok(alignment) => {
            let out = Aligned { id, beads: &alignment.beads, summary: &alignment.summary };
            serde_json::to_string(&out).unwrap_or_else(|e| failed(Some(id), &e.to_string()))
        }
        Err(e) => failed(Some(id), &e.to_string()),
    })
}

/// [`align_record`] on many lines in parallel (rayon); the output lines come back in input order.
///
/// ```
/// use qalign::{Aligner, batch::align_records};
///
/// let lines = [r#"{"id":1,"ar":"شكرا.","en":"Thanks."}"#, "", r#"{"id":2,"ar":"مرحبا."}"#];
/// let out = align_records(&Aligner::new(), &lines);
/// assert!(out[0].as_ref().unwrap().starts_with(r#"{"id":1,"beads":"#));
/// assert_eq!(out[1], None);
/// assert_eq!(out[2].as_deref(), Some(r#"{"id":2,"error":"invalid record: missing field `en` at line 1 column 27"}"#));
/// ```
pub fn align_records<L: AsRef<[u8]> + Sync>(aligner: &Aligner, lines: &[L]) -> Vec<Option<String>> {
    use rayon::prelude::*;
    lines.par_iter().map(|line| align_record(aligner, line.as_ref())).collect()
}

/// The error line for a record.
fn failed(id: Option<&RawValue>, error: &str) -> String {
    let out = Failed { id: id.unwrap_or(RawValue::NULL), error };
    // Serializing a raw value and a string cannot fail.
    serde_json::to_string(&out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Named cases: (name, input line, the output's start).
    const CASES: &[(&str, &str, &str)] = &[
        ("string id", r#"{"id":"x","ar":"قال.","en":"He said."}"#, r#"{"id":"x","beads":["#),
        (
            "number id as written",
            r#"{"id": 1.50e3, "ar":"قال.","en":"He said."}"#,
            r#"{"id":1.50e3,"beads":["#,
        ),
        (
            "big number id",
            r#"{"id":123456789012345678901234567890,"ar":"قال.","en":"He said."}"#,
            r#"{"id":123456789012345678901234567890,"#,
        ),
        ("object id", r#"{"id":{"doc":3},"ar":"قال.","en":"He said."}"#, r#"{"id":{"doc":3},"beads""#),
        ("no id", r#"{"ar":"قال.","en":"He said."}"#, r#"{"id":null,"beads":["#),
        (
            "unknown fields ignored",
            r#"{"id":2,"lang":"ar","ar":"قال.","en":"He said."}"#,
            r#"{"id":2,"beads""#,
        ),
        ("not json", "id=3", r#"{"id":null,"error":"invalid record: expected value"#),
        (
            "not an object",
            "\"text\"",
            r#"{"id":null,"error":"invalid record: invalid type: string \"text\", expected an object {\"id\", \"ar\", \"en\"}"#,
        ),
        (
            "ar not a string",
            r#"{"id":4,"ar":5,"en":"x"}"#,
            r#"{"id":4,"error":"invalid record: invalid type: integer `5`"#,
        ),
        (
            "empty english",
            r#"{"id":5,"ar":"قال.","en":" \n"}"#,
            r#"{"id":5,"error":"target (English) document is empty"}"#,
        ),
        (
            "swapped",
            r#"{"id":6,"ar":"He said.","en":"قال."}"#,
            r#"{"id":6,"error":"the documents look swapped"#,
        ),
    ];

    #[test]
    fn records_give_their_lines() {
        let aligner = Aligner::new();
        for (name, line, start) in CASES {
            let out = align_record(&aligner, line.as_bytes()).unwrap();
            assert!(out.starts_with(start), "{name}: {out}");
            assert!(!out.contains('\n'), "{name}");
        }
        let mut bad_utf8 = br#"{"id":8,"ar":""#.to_vec();
        bad_utf8.extend_from_slice(b"\xC3\x28\",\"en\":\"x\"}");
        let out = align_record(&aligner, &bad_utf8).unwrap();
        assert!(out.starts_with(r#"{"id":8,"error":"invalid record: invalid unicode"#), "{out}");
    }

    #[test]
    fn beads_and_summary_are_those_of_the_alignment() {
        let aligner = Aligner::new();
        let (ar, en) = ("قال الوزير إن 60% غادروا. ثم عاد.", "The minister said 16% left. Then he returned.");
        let line = serde_json::json!({"id": "p", "ar": ar, "en": en}).to_string();
        let out = align_record(&aligner, line.as_bytes()).unwrap();
        let alignment = serde_json::to_string(&aligner.align(ar, en).unwrap()).unwrap();
        assert_eq!(out, format!(r#"{{"id":"p",{}"#, &alignment[1..]));
    }

    #[test]
    fn limits_are_error_records() {
        let aligner = Aligner::builder().max_input_bytes(8).build().unwrap();
        let out =
            align_record(&aligner, r#"{"id":1,"ar":"قال الوزير.","en":"He said."}"#.as_bytes()).unwrap();
        assert_eq!(
            out,
            r#"{"id":1,"error":"source (Arabic) document is 20 bytes, over the limit of 8 bytes"}"#
        );
    }
}
