//! Bad input, case by case: encodings, line ends, control and bidi characters, empty files, swapped
//! languages, extreme lengths, HTML, limits. Each case asserts the exact behaviour, in the library
//! and, where a file is read, in the `qalign` command line.

use std::path::{Path, PathBuf};
use std::process::Command;

use qalign::input::{
    Encoding, ScriptCounts, check_pair, check_script, check_text, decode, decode_lossy, strip_html,
};
use qalign::{Aligner, Alignment, Error, document::Lang, error::Side};

mod common;
use common::data;

fn read(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The seed pair: an Arabic article and its English machine translation.
fn seed() -> (String, String) {
    (read("003_02c1adf0d7f5733e.txt"), read("000_47fec3c5d65e0f7a.txt"))
}

/// Bead shapes with texts: what a reader sees, independent of byte offsets.
fn shape(a: &Alignment) -> Vec<(Vec<usize>, Vec<usize>, String, String)> {
    a.beads.iter().map(|b| (b.src.clone(), b.tgt.clone(), b.src_text.clone(), b.tgt_text.clone())).collect()
}

/// Bead shapes with the texts' visible characters only (no whitespace, controls or bidi marks).
fn visible(a: &Alignment) -> Vec<(Vec<usize>, Vec<usize>, String, String)> {
    let squash = |t: &str| t.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect();
    a.beads.iter().map(|b| (b.src.clone(), b.tgt.clone(), squash(&b.src_text), squash(&b.tgt_text))).collect()
}

fn indices(a: &Alignment) -> Vec<(Vec<usize>, Vec<usize>)> {
    a.beads.iter().map(|b| (b.src.clone(), b.tgt.clone())).collect()
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
    for unit in text.encode_utf16() {
        out.extend(if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() });
    }
    out
}

// ---------------------------------------------------------------- encodings

#[test]
fn invalid_utf8_names_the_byte_offset() {
    let (ar, _) = seed();
    let mut bytes = ar.clone().into_bytes();
    // Cut an Arabic letter in half in the middle of the article.
    let at = (1000..).find(|&i| ar.is_char_boundary(i) && bytes[i] >= 0xC0).unwrap();
    bytes.remove(at + 1);
    let err = decode(&bytes, Side::Source).unwrap_err();
    assert!(matches!(err, Error::InvalidUtf8 { side: Side::Source, offset } if offset == at));
    assert_eq!(
        err.to_string(),
        format!("source (Arabic) document is not valid UTF-8: invalid byte at offset {at}")
    );
    // Lossy decoding replaces the broken letter with one U+FFFD and keeps everything else.
    let lossy = decode_lossy(&bytes);
    assert_eq!(lossy.replaced, 1);
    assert_eq!(lossy.text.len(), ar.len() + 1);
    assert_eq!(&lossy.text[at..at + 3], "\u{FFFD}");
    assert_eq!(lossy.text[..at], ar[..at]);
    assert_eq!(lossy.text[at + 3..], ar[at + 2..]);
}

#[test]
fn utf8_bom_is_kept_and_offsets_stay_file_offsets() {
    let (ar, en) = seed();
    let plain = Aligner::new().align(&ar, &en).unwrap();
    let bytes = [b"\xEF\xBB\xBF".as_slice(), ar.as_bytes()].concat();
    let decoded = decode(&bytes, Side::Source).unwrap();
    assert_eq!(decoded.encoding, Encoding::Utf8Bom);
    assert_eq!(decoded.text.len(), bytes.len());
    let with_bom = Aligner::new().align(&decoded.text, &en).unwrap();
    assert_eq!(shape(&with_bom), shape(&plain));
    for (a, b) in with_bom.beads.iter().zip(&plain.beads) {
        for (sa, sb) in a.src_spans.iter().zip(&b.src_spans) {
            assert_eq!((sa.start, sa.end), (sb.start + 3, sb.end + 3));
            assert_eq!(&bytes[sa.start..sa.end], &ar.as_bytes()[sb.start..sb.end]);
        }
    }
}

#[test]
fn utf16_with_bom_is_transcoded() {
    let (ar, en) = seed();
    let plain = Aligner::new().align(&ar, &en).unwrap();
    for big_endian in [false, true] {
        let src = decode(&utf16(&ar, big_endian), Side::Source).unwrap();
        let tgt = decode(&utf16(&en, big_endian), Side::Target).unwrap();
        let want = if big_endian { Encoding::Utf16Be } else { Encoding::Utf16Le };
        assert_eq!((src.encoding, tgt.encoding), (want, want));
        // The byte-order mark is not in the text: offsets are into the UTF-8 text, as if it had
        // been given as UTF-8 in the first place.
        assert_eq!((src.text.as_str(), tgt.text.as_str()), (ar.as_str(), en.as_str()));
        assert_eq!(Aligner::new().align(&src.text, &tgt.text).unwrap(), plain);
    }
}

/// The library's byte and file entry points read the seed pair as the command line does: UTF-16
/// and a byte-order mark give the alignment of the text; swapped files are refused.
#[test]
fn align_bytes_and_files_read_as_the_command_line_does() {
    let (ar, en) = seed();
    let plain = Aligner::new().align(&ar, &en).unwrap();
    let aligner = Aligner::new();
    assert_eq!(aligner.align_bytes(&utf16(&ar, true), &utf16(&en, false)).unwrap(), plain);
    assert!(matches!(aligner.align_bytes(en.as_bytes(), ar.as_bytes()), Err(Error::Swapped)));
    assert!(matches!(
        aligner.align_bytes(b" \n", en.as_bytes()),
        Err(Error::EmptyInput { side: Side::Source })
    ));
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data");
    let files = aligner
        .align_files(dir.join("003_02c1adf0d7f5733e.txt"), dir.join("000_47fec3c5d65e0f7a.txt"))
        .unwrap();
    assert_eq!(files, plain);
    assert!(matches!(
        aligner.align_files(dir.join("no such file"), dir.join("no such file")),
        Err(Error::Io(_))
    ));
}

#[test]
fn bad_utf16_is_an_error_or_replaced() {
    // "a", a lone high surrogate, "b", then an odd trailing byte.
    let bytes = [0xFF, 0xFE, b'a', 0, 0x00, 0xD8, b'b', 0, b'c'];
    let err = decode(&bytes, Side::Target).unwrap_err();
    assert!(matches!(err, Error::InvalidUtf16 { side: Side::Target, offset: 4 }), "{err}");
    let lossy = decode_lossy(&bytes);
    assert_eq!((lossy.text.as_str(), lossy.replaced), ("a\u{FFFD}b\u{FFFD}", 2));
}

#[test]
fn utf16_without_bom_is_recognised() {
    let (_, en) = seed();
    let bytes: Vec<u8> = en.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let err = decode(&bytes, Side::Target).unwrap_err();
    assert!(matches!(err, Error::Utf16WithoutBom { side: Side::Target }));
    assert_eq!(
        err.to_string(),
        "target (English) document looks like UTF-16 without a byte-order mark; convert it to UTF-8"
    );
}

// ---------------------------------------------------------------- line ends, controls, bidi

#[test]
fn crlf_and_lone_cr_align_like_lf() {
    let (ar, en) = seed();
    let plain = Aligner::new().align(&ar, &en).unwrap();
    for eol in ["\r\n", "\r"] {
        let (ar2, en2) = (ar.replace('\n', eol), en.replace('\n', eol));
        let a = Aligner::new().align(&ar2, &en2).unwrap();
        assert_eq!(shape(&a), shape(&plain), "line end {eol:?}");
        for b in &a.beads {
            assert!(!b.src_text.contains('\r') && !b.tgt_text.contains('\r'));
        }
        // Pre-split input: line numbers count `\r\n` and a lone `\r` as one line end each.
        let lines = Aligner::new().align_lines(&ar2, &en2).unwrap();
        assert_eq!(indices(&lines), indices(&Aligner::new().align_lines(&ar, &en).unwrap()));
    }
}

#[test]
fn nul_bytes_are_blank() {
    let (ar, en) = seed();
    let plain = Aligner::new().align(&ar, &en).unwrap();
    // NULs between sentences and at the ends change nothing but offsets.
    let en_nul = format!("\0\0{}\0", en.replace(". ", ".\0 "));
    let decoded = decode(en_nul.as_bytes(), Side::Target).unwrap();
    let a = Aligner::new().align(&ar, &decoded.text).unwrap();
    assert_eq!(visible(&a), visible(&plain));
    // A NUL inside a sentence stays in its text and counts as a space.
    let a = Aligner::new().align("قال الوزير.", "The\0minister said.").unwrap();
    assert_eq!(a.beads[0].tgt_text, "The\0minister said.");
    // A file of NULs holds no text.
    assert!(matches!(check_text("\0\0\0\n\0", Side::Source), Err(Error::EmptyInput { side: Side::Source })));
    assert!(Aligner::new().align("\0\0\0", "").unwrap().beads.is_empty());
}

#[test]
fn bidi_controls_do_not_change_the_alignment() {
    let (ar, en) = seed();
    let plain = Aligner::new().align(&ar, &en).unwrap();
    // Each Arabic paragraph in a right-to-left embedding, a right-to-left mark after every full
    // stop, and left-to-right marks around the English sentences.
    let ar_bidi: String =
        ar.lines().map(|l| format!("\u{202B}{}\u{202C}\n", l.replace('.', ".\u{200F}"))).collect();
    let en_bidi = en.replace(". ", ".\u{200E} \u{200E}");
    let a = Aligner::new().align(&ar_bidi, &en_bidi).unwrap();
    assert_eq!(indices(&a), indices(&plain));
    // The marks are not part of any sentence's ends.
    for b in &a.beads {
        for text in [&b.src_text, &b.tgt_text] {
            assert!(!text.starts_with(['\u{202B}', '\u{200E}']), "{text:?}");
            assert!(!text.ends_with(['\u{202C}', '\u{200F}', '\u{200E}']), "{text:?}");
        }
    }
}

// ---------------------------------------------------------------- empty input

#[test]
fn empty_and_blank_inputs() {
    let (ar, en) = seed();
    let en_count = Aligner::new().align(&ar, &en).unwrap().beads.iter().map(|b| b.tgt.len()).sum::<usize>();
    for blank in ["", " \n\t\r\n ", "\u{FEFF}\u{200F}\n"] {
        assert!(Aligner::new().align(blank, blank).unwrap().beads.is_empty());
        // The API aligns what there is: each English sentence in a 0-1 bead.
        let a = Aligner::new().align(blank, &en).unwrap();
        assert_eq!(a.beads.len(), en_count);
        assert!(a.beads.iter().all(|b| b.src.is_empty() && b.tgt.len() == 1 && b.score == 0.0));
        let err = check_text(blank, Side::Target).unwrap_err();
        assert_eq!(err.to_string(), "target (English) document is empty");
        assert!(matches!(check_pair(&ar, blank), Err(Error::EmptyInput { side: Side::Target })));
    }
}

// ---------------------------------------------------------------- languages

#[test]
fn swapped_and_same_language_documents() {
    let (ar, en) = seed();
    assert!(check_pair(&ar, &en).is_ok());
    assert!(matches!(check_pair(&en, &ar), Err(Error::Swapped)));
    let err = check_pair(&en, &read("001_d0f8828e819dcbff.txt")).unwrap_err();
    assert!(matches!(err, Error::WrongScript { side: Side::Source, expected: Lang::Arabic, .. }));
    let err = check_pair(&ar, &ar).unwrap_err();
    assert!(matches!(err, Error::WrongScript { side: Side::Target, expected: Lang::English, .. }));
    // The article quotes Latin names and the translation keeps a few Arabic words: still fine.
    let counts = ScriptCounts::of(&ar);
    assert!(counts.arabic > 1000 && counts.share(Lang::Arabic).unwrap() > 0.9);
    assert!(check_script(&format!("{ar} Rogozin Gazprom NATO"), Lang::Arabic, Side::Source).is_ok());
    // Digits alone say nothing.
    assert!(check_script("2016 - 12 - 02", Lang::English, Side::Target).is_ok());
}

#[test]
fn no_dev_set_pair_is_refused() {
    let Some(dev) = data::dataset("ntrex-dev") else { return };
    let mut checked = 0;
    for entry in std::fs::read_dir(dev.join("raw")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.to_string_lossy().into_owned();
        if let Some(stem) = name.strip_suffix(".ar.txt") {
            let ar = std::fs::read_to_string(&path).unwrap();
            let en = std::fs::read_to_string(format!("{stem}.en.txt")).unwrap();
            assert!(check_pair(&ar, &en).is_ok(), "{name}");
            checked += 1;
        }
    }
    assert_eq!(checked, 62);
}

// ---------------------------------------------------------------- lengths and limits

/// Dev-set articles in `lang` ("ar" or "en") from `dev`, in file order, until they hold `chars`
/// characters.
fn padding(dev: &Path, lang: &str, chars: usize) -> String {
    let dir = dev.join("raw");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    paths.retain(|p| p.to_string_lossy().ends_with(&format!(".{lang}.txt")));
    paths.sort();
    let mut out = String::new();
    for path in paths {
        if out.chars().count() >= chars {
            break;
        }
        out.push_str(&std::fs::read_to_string(path).unwrap());
        out.push_str("\n\n");
    }
    out
}

/// The translation with ten times its length of other articles before or after it, on either side:
/// the true pairs are found as before and every added sentence is unpaired.
#[test]
fn extreme_length_mismatch_pairs_what_it_can() {
    let Some(dev) = data::dataset("ntrex-dev") else { return };
    let (ar, en) = seed();
    let plain = Aligner::new().align(&ar, &en).unwrap();
    let pairs = |a: &Alignment, ar_shift: usize, en_shift: usize| {
        a.pairs()
            .map(|b| {
                let shift =
                    |ids: &[usize], by: usize| ids.iter().map(|i| i.wrapping_sub(by)).collect::<Vec<_>>();
                (shift(&b.src, ar_shift), shift(&b.tgt, en_shift), b.src_text.clone(), b.tgt_text.clone())
            })
            .collect::<Vec<_>>()
    };
    let sentences = |text: &str, lang| {
        qalign::Document::new(text, lang, qalign::document::Segmentation::Raw).sentences().len()
    };
    let en_pad = padding(&dev, "en", 10 * ar.chars().count());
    let ar_pad = padding(&dev, "ar", 10 * en.chars().count());
    // (Arabic, English, sentences added before the Arabic and before the English.) With ten
    // articles before the Arabic, the English dateline "Posted 12 February 2016" meets a dateline of
    // another article ("نشر في 5 فبراير 2015", same month); both are page furniture, cheaper to leave
    // unpaired than to pair across articles, so the English title still finds its own.
    for (ar_text, en_text, ar_shift, en_shift) in [
        (ar.clone(), format!("{en}\n\n{en_pad}"), 0, 0),
        (ar.clone(), format!("{en_pad}{en}"), 0, sentences(&en_pad, Lang::English)),
        (format!("{ar}\n\n{ar_pad}"), en.clone(), 0, 0),
        (format!("{ar_pad}{ar}"), en.clone(), sentences(&ar_pad, Lang::Arabic), 0),
    ] {
        assert!(ar_text.len().max(en_text.len()) > 5 * ar_text.len().min(en_text.len()));
        let a = Aligner::new().align(&ar_text, &en_text).unwrap();
        let (got, want) = (pairs(&a, ar_shift, en_shift), pairs(&plain, 0, 0));
        assert_eq!(got, want);
        assert_eq!(a.beads.iter().map(|b| b.src.len()).sum::<usize>(), sentences(&ar_text, Lang::Arabic));
        assert_eq!(a.beads.iter().map(|b| b.tgt.len()).sum::<usize>(), sentences(&en_text, Lang::English));
    }
}

#[test]
fn limits_are_errors() {
    let (ar, en) = seed();
    let aligner = Aligner::builder().max_input_bytes(3000).build().unwrap();
    let err = aligner.align(&ar, &en).unwrap_err();
    assert!(matches!(err, Error::InputTooLarge { side: Side::Source, limit: 3000, .. }));
    let aligner = Aligner::builder().max_sentence_bytes(400).build().unwrap();
    let err = aligner.align(&ar, &en).unwrap_err();
    let Error::SentenceTooLong { side: Side::Source, sentence, size, limit: 400 } = err else {
        panic!("{err}");
    };
    assert!(size > 400 && sentence > 0);
    // Pre-split input names the line.
    let lines = format!("one\n\n{}\nfour", "x".repeat(401));
    let err = aligner.align_lines("واحد", &lines).unwrap_err();
    assert!(matches!(err, Error::SentenceTooLong { side: Side::Target, sentence: 2, size: 401, limit: 400 }));
    assert!(Aligner::builder().max_sentence_bytes(0).build().is_err());
}

/// A single line of 24 MB without sentence punctuation is one sentence over the default limit: an
/// error found by the segmenter, before any sentence is prepared.
#[test]
fn single_unpunctuated_line_of_tens_of_megabytes() {
    let line = "كلمة ".repeat(24_000_000 / 9);
    let err = Aligner::new().align(&line, "The minister said so.").unwrap_err();
    assert!(matches!(
        err,
        Error::SentenceTooLong { side: Side::Source, sentence: 0, size: 23_999_993, limit: 1_048_576 }
    ));
}

/// A single line of 24 MB of sentences is cut into sentences and aligned, against a short English
/// text and against a line as long. Too slow for a debug build: CI runs it in release
/// (`cargo test --release --test robust -- --ignored`); peak memory is measured in the README.
#[test]
#[ignore]
fn single_line_of_tens_of_megabytes() {
    let ar_piece = "قال الوزير إن 60% من السكان غادروا المدينة. ";
    let en_piece = "The minister said 60% of the people left the city. ";
    let n = 24_000_000 / ar_piece.len();
    let ar = ar_piece.repeat(n);
    for m in [n / 1000, n] {
        let en = en_piece.repeat(m);
        let started = std::time::Instant::now();
        let a = Aligner::new().align(&ar, &en).unwrap();
        assert_eq!(a.beads.iter().map(|b| b.src.len()).sum::<usize>(), n);
        assert_eq!(a.beads.iter().map(|b| b.tgt.len()).sum::<usize>(), m);
        println!("{n} Arabic sentences, {m} English: {:?}", started.elapsed());
    }
}

// ---------------------------------------------------------------- HTML

#[test]
fn html_is_blanked_in_place() {
    let (ar, en) = seed();
    let plain = Aligner::new().align(&ar, &en).unwrap();
    let html = format!(
        "<!DOCTYPE html>\n<html><head><title>x</title><style>p {{ color: red; }}</style>\
         <script>var a = \"<p>\";</script></head><body>\n{}</body></html>\n",
        en.split("\n\n")
            .map(|p| format!("<p class=\"x\">{}</p>", p.replace("Iraq", "<b>Iraq</b>")))
            .collect::<String>()
    );
    let text = strip_html(&html);
    assert_eq!(text.len(), html.len());
    let a = Aligner::new().align(&ar, &text).unwrap();
    // Same beads, except that the page title is a sentence of its own.
    let renumbered: Vec<_> = visible(&a)
        .into_iter()
        .filter(|(_, t, _, e)| !(t == &[0] && e == "x"))
        .map(|(s, t, a, e)| (s, t.iter().map(|i| i - 1).collect::<Vec<_>>(), a, e))
        .collect();
    assert_eq!(renumbered, visible(&plain));
    // Spans point into the HTML itself.
    for b in a.beads.iter().filter(|b| b.tgt.len() == 1) {
        let s = b.tgt_spans[0];
        assert_eq!(strip_html(&html[s.start..s.end]), b.tgt_text);
    }
}

#[test]
fn character_references_and_stray_brackets() {
    let visible = |text: String| text.replace(['\u{AD}', '\u{2060}'], "_");
    // Regression: references were padded with spaces, which split `&#1602;&#x644;` into two words.
    assert_eq!(visible(strip_html("AT&amp;T &lt; 5 &#1602;&#x644; a < b")), "AT&__T <_ 5 ق__ل__ a < b");
    assert_eq!(strip_html("&unknown; &#0; &#xD800;"), "&unknown; &#0; &#xD800;");
    assert_eq!(strip_html("x <!-- a > b --> y"), "x                y");
    assert_eq!(strip_html("tag <not closed"), "tag <not closed");
    assert_eq!(strip_html("<br/>\u{0642}"), "\n    \u{0642}");
    assert_eq!(strip_html("<a title=\"x > y\">link</a>"), "                 link    ");
    assert_eq!(strip_html("<a title=\"open"), "<a title=\"open");
    // Unclosed quotes and comments cost linear time.
    for piece in ["<a \"", "<!--", "<script>", "&#", "&amp"] {
        let text = piece.repeat(200_000);
        assert_eq!(strip_html(&text).len(), text.len());
    }
}

// ---------------------------------------------------------------- the command line

fn qalign(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_qalign")).args(args).output().unwrap();
    let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
    (out.status.code().unwrap_or(-1), text(out.stdout), text(out.stderr))
}

/// Writes `bytes` to a fresh file in a per-test directory.
fn file(test: &str, name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("qalign-robust-{}-{test}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn cli_messages_and_exit_codes() {
    let (ar, en) = seed();
    let ar_path = file("cli", "ar.txt", ar.as_bytes());
    let en_path = file("cli", "en.txt", en.as_bytes());
    let (ar_file, en_file) = (ar_path.to_str().unwrap(), en_path.to_str().unwrap());
    let (code, out, err) = qalign(&["align", ar_file, en_file]);
    assert_eq!((code, err.as_str()), (0, ""));
    let lines = out.lines().count();

    let empty = file("cli", "empty.txt", b" \r\n");
    let empty = empty.to_str().unwrap();
    let (code, out, err) = qalign(&["align", ar_file, empty]);
    assert_eq!((code, out.as_str()), (1, ""));
    assert_eq!(err, format!("qalign: {empty}: target (English) document is empty\n"));

    let (code, _, err) = qalign(&["align", en_file, ar_file]);
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "qalign: the documents look swapped: the source is in Latin script and the target in Arabic \
         script (use --force to align anyway)\n"
    );
    let (code, _, err) = qalign(&["align", ar_file, ar_file]);
    assert_eq!(code, 1);
    assert!(
        err.starts_with(&format!(
            "qalign: {ar_file}: target (English) document is not in English: 0% of its "
        ))
    );
    assert!(err.ends_with(" Arabic and Latin letters are Latin (use --force to align anyway)\n"));
    let (code, out, _) = qalign(&["align", "--force", ar_file, ar_file]);
    assert_eq!(code, 0);
    assert!(!out.is_empty());

    let mut bad = ar.clone().into_bytes();
    bad[10] = 0xFF;
    let bad = file("cli", "bad.txt", &bad);
    let bad = bad.to_str().unwrap();
    let (code, _, err) = qalign(&["align", bad, en_file]);
    assert_eq!(code, 1);
    assert_eq!(
        err,
        format!(
            "qalign: {bad}: source (Arabic) document is not valid UTF-8: invalid byte at offset 10 \
             (--lossy replaces invalid bytes)\n"
        )
    );
    let (code, out, err) = qalign(&["align", "--lossy", bad, en_file]);
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), lines);
    assert_eq!(err, format!("qalign: warning: {bad}: replaced 1 invalid sequences by U+FFFD\n"));

    let utf16 = file("cli", "en16.txt", &utf16(&en, true));
    let (code, out16, _) = qalign(&["align", ar_file, utf16.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert_eq!(out16, qalign(&["align", ar_file, en_file]).1);

    let html = file(
        "cli",
        "en.html",
        format!("<html><body><p>{}</p></body></html>", en.replace("\n\n", "</p><p>")).as_bytes(),
    );
    let html = html.to_str().unwrap();
    let (code, out, _) = qalign(&["align", "--strip-html", "--format", "tsv", ar_file, html]);
    assert_eq!(code, 0);
    assert!(!out.contains("<p>"));

    let (code, _, err) = qalign(&["align", "--no-such-flag", ar_file, en_file]);
    assert_eq!(code, 2);
    assert!(err.contains("--no-such-flag"));
    let (code, _, err) = qalign(&["align", "missing.txt", en_file]);
    assert_eq!(code, 1);
    assert!(err.starts_with("qalign: cannot read missing.txt: "));
}
