//! The `qalign score` and `qalign align --format json` interfaces, run as a user runs them.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn qalign(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_qalign"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("qalign runs");
    child.stdin.take().expect("stdin").write_all(stdin.as_bytes()).expect("write stdin");
    child.wait_with_output().expect("qalign finishes")
}

const PAIRS: &str = "ارتفعت الأسعار بنسبة 60% في 2014.\tPrices rose by 16% in 2014.\n\
                     قال الوزير إن الحرب انتهت.\tThe minister said the war was over.\n";

#[test]
fn score_prints_one_json_object_per_line_in_order() {
    let out = qalign(&["score", "-"], PAIRS);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    for line in &lines {
        for key in ["score", "findings", "components"] {
            assert!(line.get(key).is_some(), "{key} missing: {line}");
        }
    }
    assert_eq!(lines[0]["findings"][0]["kind"], "mistranslation/number");
    assert!(lines[0]["score"].as_f64() < lines[1]["score"].as_f64());
}

#[test]
fn score_tsv_prints_the_score_alone() {
    let out = qalign(&["score", "--format", "tsv", "-"], PAIRS);
    let text = String::from_utf8(out.stdout).unwrap();
    let scores: Vec<f64> = text.lines().map(|l| l.parse().unwrap()).collect();
    assert_eq!(scores.len(), 2);
    assert!(scores.iter().all(|s| (0.0..=1.0).contains(s)));
}

#[test]
fn score_names_a_line_without_a_tab() {
    let out = qalign(&["score", "-"], "مرحبا\tHello\nno tab\n");
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("line 2: no tab"), "{err}");
}

/// The Arabic of the `align` tests, read from a file: the English comes on stdin.
const ARABIC: &str = "قال الوزير إن الحرب انتهت. وزار بغداد يوم الخميس.";

/// Runs `qalign align OPTIONS AR_FILE -` with [`ARABIC`] in a file of its own (named after `test`)
/// and `en` on stdin.
fn align_arabic_file(test: &str, options: &[&str], en: &str) -> Output {
    let dir = std::env::temp_dir().join(format!("qalign-cli-{}-{test}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let ar = dir.join("ar.txt");
    std::fs::write(&ar, ARABIC).unwrap();
    let args: Vec<&str> =
        ["align"].into_iter().chain(options.iter().copied()).chain([ar.to_str().unwrap(), "-"]).collect();
    let out = qalign(&args, en);
    std::fs::remove_dir_all(&dir).ok();
    out
}

#[test]
fn align_json_prints_one_document_object() {
    let out = align_arabic_file(
        "json",
        &["--format", "json"],
        "The minister said the war was over. He visited Baghdad on Thursday. Posted today.",
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["beads"].as_array().map(Vec::len), Some(3));
    assert_eq!(doc["summary"]["findings"]["addition"], 1);
    assert!(doc["summary"]["coverage"].as_f64().is_some_and(|c| c > 0.5));
}

#[test]
fn align_scoring_confidence_prints_the_aligner_confidence() {
    let en = "The minister said the war was over. He visited Baghdad on Thursday.";
    let out = align_arabic_file("confidence", &["--scoring", "confidence"], en);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    let beads: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(beads.len(), 2);
    for bead in &beads {
        assert_eq!(bead["score"], bead["components"]["alignment"], "{bead}");
    }
}

#[test]
fn options_that_do_not_go_together_are_a_usage_error() {
    // Regression: these exited with status 1, which the README reserves for bad input.
    for args in [
        &["align", "--format", "tsv", "--min-score", "0.5", "a.txt", "b.txt"][..],
        &["align", "--include-unpaired", "a.txt", "b.txt"],
        &["align", "-", "-"],
    ] {
        let out = qalign(args, "");
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    }
}
