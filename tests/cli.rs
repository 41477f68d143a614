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
    // The pair whose English contradicts a percentage scores below one half (0.43), the other 0.99.
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

/// Runs `qalign` on a file holding `bytes`.
fn qalign_file(args: &[&str], name: &str, bytes: &[u8]) -> Output {
    let dir = std::env::temp_dir().join(format!("qalign-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write input");
    let path = path.to_string_lossy().into_owned();
    let args: Vec<&str> = args.iter().map(|&a| if a == "FILE" { path.as_str() } else { a }).collect();
    let out = qalign(&args, "");
    let _ = std::fs::remove_dir_all(&dir);
    out
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn score_reads_lone_cr_line_ends_and_ignores_trailing_empty_lines() {
    // Regression: lone CRs made three pairs one (exit 0); a final empty line failed the file.
    let text = PAIRS.replace('\n', "\r") + "\n\n";
    let out = qalign(&["score", "--format", "tsv", "-"], &text);
    assert!(out.status.success(), "{}", stderr(&out));
    // The header row and two pairs.
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 3);
}

#[test]
fn score_rejects_an_extra_tab() {
    // Regression: the second tab went into the English.
    let out = qalign(&["score", "-"], "قال الوزير.\tThe minister said.\tnote\n");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("line 1: more than one tab"), "{}", stderr(&out));
}

#[test]
fn score_skips_a_header_row_and_warns_of_swapped_columns() {
    let out = qalign(&["score", "--format", "tsv", "-"], &format!("ar\ten\n{PAIRS}"));
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("pair 1 looks like a header row"), "{}", stderr(&out));
    // The output's own header row and two pairs.
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 3);
    let swapped: String =
        PAIRS.lines().map(|l| l.split_once('\t').map(|(a, e)| format!("{e}\t{a}\n")).unwrap()).collect();
    let out = qalign(&["score", "--format", "tsv", "-"], &swapped);
    assert!(stderr(&out).contains("the columns look swapped"), "{}", stderr(&out));
    let out = qalign(&["score", "--format", "tsv", "-"], PAIRS);
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
}

#[test]
fn score_calls_its_input_a_pairs_file() {
    // Regression: invalid UTF-8 in a pairs file was "the source (Arabic) document", with advice to
    // use --lossy, which score does not take.
    let out = qalign_file(&["score", "FILE"], "bad.tsv", b"\xD9\tHello\n");
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(err.contains("bad.tsv: not valid UTF-8: invalid byte at offset 0"), "{err}");
    assert!(!err.contains("Arabic") && !err.contains("--lossy"), "{err}");
}

#[test]
fn files_that_are_not_text_are_named_for_what_they_are() {
    // Regression: a gzip file or a PDF was "not valid UTF-8 (--lossy replaces invalid bytes)", and
    // /dev/zero "document is 0 bytes, over the limit".
    let seed = "examples/data/000_47fec3c5d65e0f7a.txt";
    let seed = format!("{}/{seed}", env!("CARGO_MANIFEST_DIR"));
    let out = qalign_file(&["align", "FILE", &seed], "a.gz", b"\x1F\x8B\x08\x00\x00\x00\x00\x00\x00\x03");
    assert!(
        stderr(&out).contains("a.gz: source (Arabic) document is a gzip archive, not text"),
        "{}",
        stderr(&out)
    );
    let out = qalign_file(&["align", "FILE", &seed], "a.pdf", b"%PDF-1.5\n%\xB5\xB5\xB5\xB5\n");
    assert!(stderr(&out).contains("is a PDF document, not text"), "{}", stderr(&out));
    if std::path::Path::new("/dev/zero").exists() {
        let out = qalign(&["align", "/dev/zero", &seed], "");
        assert!(
            stderr(&out).contains("/dev/zero: source (Arabic) document is binary data, not text"),
            "{}",
            stderr(&out)
        );
    }
}

#[test]
fn utf16_arabic_without_a_mark_is_told_as_such() {
    // Regression: only ~18 % of its bytes are NUL, and it was read as text "not in Arabic".
    let ar = "قال الوزير إن الحرب انتهت في المدينة يوم الخميس.\n";
    let bytes: Vec<u8> = ar.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let out = qalign_file(&["align", "FILE", "-"], "ar16.txt", &bytes);
    assert!(stderr(&out).contains("looks like UTF-16 without a byte-order mark"), "{}", stderr(&out));
}

#[test]
fn strip_html_says_when_a_comment_or_script_is_never_closed() {
    // Regression: the rest of the file was blanked without a word.
    let en = format!("{}/examples/data/000_47fec3c5d65e0f7a.txt", env!("CARGO_MANIFEST_DIR"));
    let html = "<p>قال الوزير إن الحرب انتهت.</p><!-- draft\n<p>وزار بغداد يوم الخميس.</p>".as_bytes();
    let out = qalign_file(&["align", "--strip-html", "--force", "FILE", &en], "ar.html", html);
    assert!(stderr(&out).contains("--strip-html: the comment opened at byte"), "{}", stderr(&out));
    let html = "<p>قال الوزير إن الحرب انتهت.</p><script>var x = 1;".as_bytes();
    let out = qalign_file(&["align", "--strip-html", "--force", "FILE", &en], "ar2.html", html);
    assert!(stderr(&out).contains("--strip-html: the script opened at byte"), "{}", stderr(&out));
}

#[test]
fn arabic_code_pages_are_read_or_named() {
    // Regression: Windows-1256 and ISO-8859-6 Arabic were "not valid UTF-8", and --lossy aligned
    // a column of U+FFFD.
    let en = "The minister said the war was over.\nHe visited Baghdad on Thursday.\n";
    // "قال الوزير إن الحرب انتهت.\nوزار بغداد يوم الخميس.\n" in Windows-1256.
    let ar: &[u8] =
        b"\xDE\xC7\xE1 \xC7\xE1\xE6\xD2\xED\xD1 \xC5\xE4 \xC7\xE1\xCD\xD1\xC8 \xC7\xE4\xCA\xE5\xCA.\n\
                      \xE6\xD2\xC7\xD1 \xC8\xDB\xCF\xC7\xCF \xED\xE6\xE3 \xC7\xE1\xCE\xE3\xED\xD3.\n";
    let out = qalign_file(&["align", "--presegmented", "--format", "tsv", "FILE", "-"], "ar1256.txt", ar);
    // Standard input is empty here: the English comes from a second run below.
    assert!(stderr(&out).contains("read as Windows-1256"), "{}", stderr(&out));
    let dir = std::env::temp_dir().join(format!("qalign-cli-{}-enc", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (ar_path, en_path) = (dir.join("ar.txt"), dir.join("en.txt"));
    std::fs::write(&ar_path, ar).unwrap();
    std::fs::write(&en_path, en).unwrap();
    let (ar_arg, en_arg) = (ar_path.to_string_lossy().into_owned(), en_path.to_string_lossy().into_owned());
    let out = qalign(&["align", "--presegmented", "--format", "tsv", &ar_arg, &en_arg], "");
    let tsv = String::from_utf8(out.stdout).unwrap();
    assert!(tsv.contains("قال الوزير إن الحرب انتهت.\tThe minister said the war was over."), "{tsv}");
    let out = qalign(&["align", "--presegmented", "--encoding", "cp1256", &ar_arg, &en_arg], "");
    assert!(out.status.success() && stderr(&out).is_empty(), "{}", stderr(&out));
    let out = qalign(&["align", "--encoding", "ebcdic", &ar_arg, &en_arg], "");
    assert_eq!(out.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn score_bounds_the_length_of_a_line() {
    // Regression: no per-line limit (a 10 MB line of names was scored for 102 s).
    let line = format!("{}\t{}\n", "بوتين ".repeat(100_000), "Putin ".repeat(100_000));
    let out = qalign(&["score", "-"], &line);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("pair 1: 1700000 bytes, over the limit of 1048576 bytes"),
        "{}",
        stderr(&out)
    );
}
