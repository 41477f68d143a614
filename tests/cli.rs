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
fn score_tsv_echoes_the_pairs_with_scores_and_messages() {
    let out = qalign(&["score", "--format", "tsv", "-"], PAIRS);
    let text = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows[0], ["row", "id", "score", "severity", "ar", "en", "findings"]);
    assert_eq!(rows.len(), 3);
    for (k, (row, pair)) in rows[1..].iter().zip(PAIRS.lines()).enumerate() {
        assert_eq!((row[0], row[1]), ((k + 1).to_string().as_str(), (k + 1).to_string().as_str()));
        assert!((0.0..=1.0).contains(&row[2].parse::<f64>().unwrap()));
        assert_eq!(format!("{}\t{}", row[4], row[5]), pair);
    }
    assert_eq!(rows[1][3], "major");
    assert!(rows[1][6].starts_with("major mistranslation/number: "), "{}", rows[1][6]);
}

#[test]
fn score_max_score_keeps_the_pairs_to_read_in_csv() {
    let out = qalign(&["score", "--format", "csv", "--max-score", "0.5", "-"], PAIRS);
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(lines[1].starts_with("1,1,0."), "{text}");
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
fn lexicon_train_writes_a_dictionary_that_score_reads() {
    let pairs = "القطة نائمة.\tThe cat is asleep.\nالقطة جائعة.\tThe cat is hungry.\n\
                 الكلب جائع.\tThe dog is hungry.\nالكلب نائم.\tThe dog is asleep.\n";
    let out = qalign(&["lexicon", "train", "-"], pairs);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let tsv = String::from_utf8(out.stdout).unwrap();
    assert!(tsv.lines().any(|l| l.starts_with("قطه\tcat\t")), "{tsv}");
    let path = std::env::temp_dir().join(format!("qalign-learned-{}.tsv", std::process::id()));
    std::fs::write(&path, &tsv).unwrap();
    let scored = qalign(&["score", "--dictionary", path.to_str().unwrap(), "-"], "قطة.\tA cat.\n");
    std::fs::remove_file(&path).ok();
    assert!(scored.status.success(), "{}", String::from_utf8_lossy(&scored.stderr));
    let result: serde_json::Value = serde_json::from_slice(&scored.stdout).unwrap();
    assert!(result["score"].as_f64().is_some_and(|s| s > 0.5), "{result}");
}

#[test]
fn lexicon_train_refuses_a_bad_min_score() {
    let out = qalign(&["lexicon", "train", "--min-score", "2", "-"], "");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--min-score"));
}

#[test]
fn score_termbase_flags_the_term_by_tbx_and_tsv() {
    let tbx = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/seed-terms.tbx");
    let pairs = "قاتلوا ضد الدولة الإسلامية.\tThey fought the State organization.\n\
                 قاتلوا ضد الدولة الإسلامية.\tThey fought the Islamic State.\n";
    let out = qalign(&["score", "--format", "tsv", "--termbase", tbx, "-"], pairs);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<&str> = text.lines().collect();
    assert!(rows[1].contains("minor terminology: ") && rows[1].contains("major terminology: "), "{text}");
    assert!(!rows[2].contains("terminology"), "{text}");
    let out = qalign(&["score", "--termbase", "/nonexistent/terms.tsv", "-"], pairs);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/terms.tsv"));
}
