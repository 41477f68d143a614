//! `qalign batch` against `qalign align --format json`, pair by pair, on 1,000 pairs built from the
//! dev set's documents (whole, cut to their first or last paragraphs, and mixed with another
//! document's English), the seed pair and a few bad records.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use common::data::dataset;

/// Pairs built from the dev set (the seed pair and the bad records come on top).
const PAIRS: usize = 1000;

fn qalign(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_qalign")).args(args).stdin(Stdio::null()).output().expect("qalign runs")
}

/// The dev set's raw documents, as (Arabic, English) texts, in file order.
fn dev_documents(dev: &Path) -> Vec<(String, String)> {
    let raw = dev.join("raw");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&raw)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".ar.txt"))
        .collect();
    names.sort();
    names
        .iter()
        .map(|ar| {
            let en = PathBuf::from(ar.to_string_lossy().replace(".ar.txt", ".en.txt"));
            (std::fs::read_to_string(ar).unwrap(), std::fs::read_to_string(en).unwrap())
        })
        .collect()
}

/// The first (`from_end` false) or last `n` paragraphs of a text.
fn paragraphs(text: &str, n: usize, from_end: bool) -> String {
    let all: Vec<&str> = text.split("\n\n").collect();
    let n = n.min(all.len());
    let kept = if from_end { &all[all.len() - n..] } else { &all[..n] };
    kept.join("\n\n")
}

/// `PAIRS` pairs: each document whole, then cuts and mixtures chosen by a fixed pseudo-random walk.
fn build_pairs(docs: &[(String, String)]) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = docs.to_vec();
    let mut state: u64 = 18;
    let mut next = |bound: usize| {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (state >> 33) as usize % bound
    };
    while pairs.len() < PAIRS {
        let (ar, en) = &docs[next(docs.len())];
        let n = 1 + next(6);
        let pair = match next(4) {
            0 | 1 => (paragraphs(ar, n, false), paragraphs(en, n, false)),
            2 => (paragraphs(ar, n, true), paragraphs(en, n, true)),
            // Another document's English: a pair that is not a translation.
            _ => (paragraphs(ar, n, false), paragraphs(&docs[next(docs.len())].1, n, false)),
        };
        pairs.push(pair);
    }
    pairs
}

#[test]
fn batch_gives_what_align_gives_for_each_pair() {
    let Some(dev) = dataset("ntrex-dev") else { return };
    let mut pairs = build_pairs(&dev_documents(&dev));
    let seed = |name: &str| std::fs::read_to_string(Path::new("examples/data").join(name)).unwrap();
    pairs.push((seed("003_02c1adf0d7f5733e.txt"), seed("000_47fec3c5d65e0f7a.txt")));
    // Bad pairs: each must give an error record, as `qalign align` gives an error.
    pairs.push((String::new(), "An English text.".into()));
    pairs.push(("The minister said.".into(), "قال الوزير.".into()));

    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("batch");
    std::fs::create_dir_all(&dir).unwrap();
    let mut input = String::new();
    let mut ids = Vec::new();
    for (k, (ar, en)) in pairs.iter().enumerate() {
        // Ids as numbers and as strings, echoed as given.
        let id = if k % 2 == 0 { serde_json::json!(k) } else { serde_json::json!(format!("doc-{k}")) };
        input.push_str(&serde_json::json!({"id": id, "ar": ar, "en": en}).to_string());
        input.push('\n');
        if k % 100 == 0 {
            input.push('\n'); // a blank line gives nothing
        }
        ids.push(id);
    }
    input.push_str("{\"id\": 5, \"ar\": \"no English\"}\n");
    let input_path = dir.join("pairs.jsonl");
    std::fs::write(&input_path, &input).unwrap();

    let out = qalign(&["batch", input_path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), pairs.len() + 1);
    assert_eq!(
        lines[pairs.len()],
        r#"{"id":5,"error":"invalid record: missing field `en` at line 1 column 29"}"#
    );

    // Each pair through `qalign align --format json`, on two threads.
    let check = |k: usize| {
        let (ar, en) = &pairs[k];
        let (ar_path, en_path) = (dir.join(format!("{k}.ar")), dir.join(format!("{k}.en")));
        std::fs::write(&ar_path, ar).unwrap();
        std::fs::write(&en_path, en).unwrap();
        let align =
            qalign(&["align", "--format", "json", ar_path.to_str().unwrap(), en_path.to_str().unwrap()]);
        let id = ids[k].to_string();
        let line = lines[k]
            .strip_prefix(&format!(r#"{{"id":{id},"#))
            .unwrap_or_else(|| panic!("pair {k}: {}", lines[k]));
        if align.status.success() {
            let json = String::from_utf8(align.stdout).unwrap();
            assert_eq!(format!("{{{line}\n"), json, "pair {k}");
        } else {
            let message = String::from_utf8(align.stderr).unwrap();
            let error: serde_json::Value = serde_json::from_str(&format!("{{{line}")).unwrap();
            let error = error["error"].as_str().unwrap_or_else(|| panic!("pair {k}: {line}"));
            assert!(message.contains(error), "pair {k}: {error} against {message}");
        }
    };
    std::thread::scope(|scope| {
        for start in 0..2 {
            let check = &check;
            let count = pairs.len();
            scope.spawn(move || (start..count).step_by(2).for_each(check));
        }
    });
    let errors = lines.iter().filter(|l| l.contains(r#","error":"#)).count();
    assert_eq!(errors, 3, "only the bad records are errors");
}

#[test]
fn batch_reads_standard_input_and_survives_a_bad_line() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_qalign"))
        .args(["batch", "--format", "jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let input = "{\"id\":\"a\",\"ar\":\"قال الوزير.\",\"en\":\"The minister said.\"}\n\
                 {\"id\":\"b\",\"ar\":\"قال\n\
                 {\"id\":[1],\"ar\":\"شكرا.\",\"en\":\"Thanks.\"}";
    use std::io::Write;
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3);
    assert!(lines[0].starts_with(r#"{"id":"a","beads":[{"src":[0],"tgt":[0],"#));
    assert!(lines[1].starts_with(r#"{"id":null,"error":"invalid record: EOF while parsing"#), "{}", lines[1]);
    assert!(lines[2].starts_with(r#"{"id":[1],"beads":"#));
}
