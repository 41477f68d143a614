//! Every output format gives back the aligned text unchanged: markup characters, quotes, tabs,
//! newlines and bidi marks included. Each format is read back the way its consumers read it: TMX with
//! an XML reader, TSV by unescaping its fields, JSON with serde, HTML by finding the escaped text.

use std::path::Path;

mod common;

use qalign::output::{Format, HtmlOptions, TmxOptions, write_alignment, write_html, write_tmx};
use qalign::{
    Aligner, Alignment, Bead, Document, FindingKind,
    document::{Lang, Segmentation},
    error::Side,
    quality::Severity,
    verdict::Verdict,
};
use quick_xml::events::Event;

/// A short Arabic–English pair whose sentences carry `<`, `>`, `&`, both quotes, a tab, right-to-left
/// marks and embeddings, aligned by the library, plus a hand-made bead whose texts hold newlines, a
/// carriage return and bidi isolates (raw text is split at newlines, so no aligned sentence has one).
fn tricky() -> Alignment {
    let ar = "قال \"الوزير\" إن <الأسعار> & الأجور\tارتفعت 60% في 2014\n\
              بحسب \u{200F}التقرير\u{200F} الرسمي.\n\n\
              وأضاف أن \u{202B}العراق\u{202C} يحتاج إلى 'دعم'.\n";
    let en = "The \"minister\" said <prices> & wages\trose 16% in 2014\n\
              according to the \u{200F}official\u{200F} report.\n\n\
              He added that Iraq's \u{202B}needs\u{202C} are great.\n";
    let mut alignment = Aligner::new().align(ar, en).unwrap();
    let src_text = "سطر أول\nسطر \u{2067}ثان\u{2069}\r\nو<ثالث>".to_owned();
    let tgt_text = "first line\nsecond \u{2066}line\u{2069}\r\nand <third> & \"fourth\"".to_owned();
    let (src_start, tgt_start) = (ar.len() + 1, en.len() + 1);
    let third = tgt_text.find("<third>").unwrap();
    // Output types are `#[non_exhaustive]`: a bead and a finding are made by changing real ones.
    let mut bead = alignment.beads[0].clone();
    (bead.src, bead.tgt) = (vec![3], vec![3]);
    bead.src_spans = vec![(src_start, src_start + src_text.len()).into()];
    bead.tgt_spans = vec![(tgt_start, tgt_start + tgt_text.len()).into()];
    let mut finding = alignment
        .beads
        .iter()
        .flat_map(|b| b.findings.iter())
        .next()
        .cloned()
        .expect("the tricky pair has a finding");
    finding.kind = FindingKind::Addition;
    finding.severity = Severity::Minor;
    finding.side = Side::Target;
    finding.span = (tgt_start + third, tgt_start + third + 7).into();
    finding.evidence = "<third>".into();
    finding.message = "added \"<third>\" & more".into();
    finding.other_span = None;
    finding.others = Vec::new();
    bead.findings = vec![finding];
    (bead.src_text, bead.tgt_text) = (src_text, tgt_text);
    alignment.beads.push(bead);
    alignment
}

/// The characters the tests must see in the aligned text itself, so that a change in segmentation
/// cannot make them vacuous.
#[test]
fn tricky_text_reaches_the_beads() {
    let alignment = tricky();
    let all: String =
        alignment.beads.iter().flat_map(|b| [b.src_text.as_str(), b.tgt_text.as_str()]).collect();
    for c in ['<', '>', '&', '"', '\'', '\t', '\n', '\r', '\u{200F}', '\u{202B}', '\u{2066}', '\u{2069}'] {
        assert!(all.contains(c), "{c:?} missing from the beads");
    }
    assert!(alignment.beads.len() >= 3);
}

/// The `<tu>`s of a TMX file: for each, its `tuid`, properties `(type, value)` and `(lang, seg text)`.
type Tu = (String, Vec<(String, String)>, Vec<(String, String)>);

fn read_tmx(tmx: &str) -> Vec<Tu> {
    let mut reader = quick_xml::Reader::from_str(tmx);
    let (mut tus, mut lang, mut prop, mut text) = (Vec::<Tu>::new(), String::new(), String::new(), None);
    let attr = |e: &quick_xml::events::BytesStart, name: &str| {
        e.try_get_attribute(name)
            .unwrap()
            .map(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).unwrap().into_owned())
            .unwrap_or_default()
    };
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) => match e.name().as_ref() {
                "tu" => tus.push((attr(&e, "tuid"), Vec::new(), Vec::new())),
                "tuv" => lang = attr(&e, "xml:lang"),
                "prop" => (prop, text) = (attr(&e, "type"), Some(String::new())),
                "seg" => text = Some(String::new()),
                _ => {}
            },
            Event::Text(t) => {
                if let Some(text) = text.as_mut() {
                    text.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) => {
                let name: &str = &r;
                let escaped = format!("&{name};");
                let resolved = quick_xml::escape::unescape(&escaped).unwrap();
                text.as_mut().expect("a reference outside text").push_str(&resolved);
            }
            Event::End(e) => match e.name().as_ref() {
                "seg" => tus.last_mut().unwrap().2.push((lang.clone(), text.take().unwrap())),
                "prop" => {
                    let value = text.take().unwrap();
                    if let Some(tu) = tus.last_mut() {
                        tu.1.push((prop.clone(), value));
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    tus
}

fn tmx_of(alignment: &Alignment, options: &TmxOptions) -> String {
    let mut out = Vec::new();
    write_tmx(&mut out, alignment, options).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn tmx_gives_back_every_pair_unchanged() {
    let alignment = tricky();
    let tus = read_tmx(&tmx_of(&alignment, &TmxOptions::new()));
    let pairs: Vec<(usize, &Bead)> =
        alignment.beads.iter().enumerate().filter(|(_, b)| !b.is_null()).collect();
    assert_eq!(tus.len(), pairs.len());
    for ((tuid, props, segs), (k, bead)) in tus.iter().zip(pairs) {
        assert_eq!(*tuid, k.to_string());
        assert_eq!(
            segs,
            &[("ar".to_owned(), bead.src_text.clone()), ("en".to_owned(), bead.tgt_text.clone())]
        );
        assert!(props.contains(&("x-qalign-score".to_owned(), format!("{:.4}", bead.score))));
        let findings: Vec<&String> =
            props.iter().filter(|(t, _)| t == "x-qalign-finding").map(|(_, v)| v).collect();
        assert_eq!(findings.len(), bead.findings.len());
        for (value, f) in findings.iter().zip(&bead.findings) {
            assert!(value.starts_with(&format!("{}[", f.kind)) && value.ends_with(&f.message), "{value}");
        }
    }
}

#[test]
fn tmx_replaces_characters_xml_forbids() {
    let mut alignment = tricky();
    alignment.beads[0].tgt_text = "bell\u{7} escape\u{1B} nul\u{0} tab\t ok".into();
    let tmx = tmx_of(&alignment, &TmxOptions::new());
    assert!(!tmx.chars().any(|c| c < ' ' && !matches!(c, '\t' | '\n' | '\r')));
    let tus = read_tmx(&tmx);
    assert_eq!(tus[0].2[1].1, "bell\u{FFFD} escape\u{FFFD} nul\u{FFFD} tab\t ok");
}

fn seed_alignment() -> (Alignment, Verdict) {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data");
    let ar = std::fs::read_to_string(data.join("003_02c1adf0d7f5733e.txt")).unwrap();
    let en = std::fs::read_to_string(data.join("000_47fec3c5d65e0f7a.txt")).unwrap();
    let src = Document::new(&ar, Lang::Arabic, Segmentation::Raw);
    let tgt = Document::new(&en, Lang::English, Segmentation::Raw);
    let alignment = Aligner::new().align_documents(&src, &tgt);
    let verdict = Verdict::new(&alignment, &src, &tgt);
    (alignment, verdict)
}

#[test]
fn tmx_options_filter_pairs_and_unpaired_sentences() {
    let (alignment, _) = seed_alignment();
    let unpaired = alignment.beads.iter().filter(|b| b.is_null()).count();
    assert!(unpaired > 0, "the seed translation has a dateline with no Arabic counterpart");
    let all = read_tmx(&tmx_of(&alignment, &TmxOptions::new().include_unpaired(true)));
    assert_eq!(all.len(), alignment.beads.len());
    for (tu, bead) in all.iter().zip(&alignment.beads) {
        let langs: Vec<&str> = tu.2.iter().map(|(l, _)| l.as_str()).collect();
        let expected: &[&str] = match (bead.src.is_empty(), bead.tgt.is_empty()) {
            (true, _) => &["en"],
            (_, true) => &["ar"],
            _ => &["ar", "en"],
        };
        assert_eq!(langs, expected);
    }
    // A cut between the pairs' scores: the median pair's.
    let mut scores: Vec<f64> = alignment.pairs().map(|b| b.score).collect();
    scores.sort_by(f64::total_cmp);
    let cut = scores[scores.len() / 2];
    let good = read_tmx(&tmx_of(&alignment, &TmxOptions::new().min_score(cut)));
    let expected: Vec<String> = alignment
        .beads
        .iter()
        .enumerate()
        .filter(|(_, b)| !b.is_null() && b.score >= cut)
        .map(|(k, _)| k.to_string())
        .collect();
    assert!(!expected.is_empty() && expected.len() < alignment.pairs().count());
    assert_eq!(good.iter().map(|tu| tu.0.clone()).collect::<Vec<_>>(), expected);
}

fn unescape_tsv(field: &str) -> String {
    let mut out = String::new();
    let mut chars = field.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('\\') => out.push('\\'),
            other => panic!("bad escape \\{other:?} in {field:?}"),
        }
    }
    out
}

#[test]
fn tsv_gives_back_every_bead_unchanged() {
    let mut alignment = tricky();
    alignment.beads[0].tgt_text.push_str(" C:\\path\\n");
    let mut out = Vec::new();
    write_alignment(&mut out, &alignment, Format::Tsv).unwrap();
    let tsv = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = tsv.lines().collect();
    assert_eq!(lines[0], "row\tscore\tseverity\tar\ten\tfindings");
    assert_eq!(lines.len(), alignment.beads.len() + 1);
    for (k, (line, bead)) in lines[1..].iter().zip(&alignment.beads).enumerate() {
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields.len(), 6, "{line}");
        assert_eq!(fields[0], k.to_string());
        assert_eq!(fields[1], format!("{:.4}", bead.score));
        let worst = bead.findings.iter().map(|f| f.severity).max();
        assert_eq!(fields[2], worst.map_or("", |s| s.as_str()));
        assert_eq!(unescape_tsv(fields[3]), bead.src_text);
        assert_eq!(unescape_tsv(fields[4]), bead.tgt_text);
        let findings: Vec<String> = bead
            .findings
            .iter()
            .map(|f| {
                let side = if f.side == Side::Source { "ar" } else { "en" };
                format!("{f} [{side}:{}-{}]", f.span.start, f.span.end)
            })
            .collect();
        assert_eq!(unescape_tsv(fields[5]), findings.join(" | "));
    }
    assert!(tsv.contains("major mistranslation/number: "), "the 16% for 60% is listed");
}

#[test]
fn json_formats_give_back_every_bead_unchanged() {
    let alignment = tricky();
    let mut out = Vec::new();
    write_alignment(&mut out, &alignment, Format::Json).unwrap();
    assert_eq!(serde_json::from_slice::<Alignment>(&out).unwrap(), alignment);
    let mut out = Vec::new();
    write_alignment(&mut out, &alignment, Format::Jsonl).unwrap();
    let beads: Vec<Bead> =
        String::from_utf8(out).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(beads, alignment.beads);
}

fn html_of(alignment: &Alignment, options: &HtmlOptions) -> String {
    let mut out = Vec::new();
    write_html(&mut out, alignment, options).unwrap();
    String::from_utf8(out).unwrap()
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// The page without its `<mark …>` and `</mark>` tags, so that highlighted text reads as plain text.
fn without_marks(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html.replace("</mark>", "");
    while let Some(i) = rest.find("<mark ") {
        out.push_str(&rest[..i]);
        let end = i + rest[i..].find('>').unwrap() + 1;
        rest = rest[end..].to_owned();
    }
    out.push_str(&rest);
    out
}

#[test]
fn html_shows_every_text_escaped() {
    let alignment = tricky();
    let html = html_of(&alignment, &HtmlOptions::new().title("<a> & \"b\""));
    let plain = without_marks(&html);
    for bead in &alignment.beads {
        for text in [&bead.src_text, &bead.tgt_text] {
            assert!(plain.contains(&escape_html(text)), "{text:?} missing");
        }
    }
    assert!(html.contains("&lt;a&gt; &amp; &quot;b&quot;"));
    // The hand-made bead's addition finding marks `<third>` in the English text.
    assert!(html.contains(r#"<mark class="k-addition" title="addition: added &quot;&lt;third&gt;&quot; &amp; more">&lt;third&gt;</mark>"#));
    assert!(!html.contains("<third>") && !html.contains("<الأسعار>"));
}

#[test]
fn html_report_of_the_seed_pair() {
    let (alignment, verdict) = seed_alignment();
    let html = html_of(&alignment, &HtmlOptions::new().title("003 ↔ 000").verdict(verdict.clone()));
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(verdict.is_translation);
    assert!(
        html.contains(&format!("Verdict: a translation <span class=\"num\">{:.3}</span>", verdict.score))
    );
    assert!(html.contains(&format!("{:.1}%</span> of the Arabic text", alignment.summary.coverage * 100.0)));
    // One row per bead, in order; every Arabic cell is right-to-left.
    assert_eq!(html.matches("<tr id=\"b").count(), alignment.beads.len());
    assert_eq!(html.matches(r#"<td class="ar" dir="rtl" lang="ar">"#).count(), alignment.beads.len());
    for (k, bead) in alignment.beads.iter().enumerate() {
        assert!(html.contains(&format!("<tr id=\"b{k}\"")));
        if bead.src.is_empty() {
            let row = &html[html.find(&format!("<tr id=\"b{k}\"")).unwrap()..];
            assert!(row[..row.find("</tr>").unwrap()].contains("no Arabic counterpart"));
        }
    }
    // Each number finding's evidence is highlighted.
    for f in alignment.beads.iter().flat_map(|b| &b.findings).filter(|f| f.kind == FindingKind::Number) {
        assert!(html.contains(&format!(">{}</mark>", escape_html(&f.evidence))), "{f:?}");
    }
    assert!(alignment.summary.findings[&FindingKind::Number] > 0);
    // Self-contained: nothing is fetched.
    for needle in ["src=", "href=", "@import", "url(", "https://"] {
        assert!(!html.contains(needle), "{needle}");
    }
    assert!(html.contains(r#"<input type="range" id="cut""#));
    // The menu filters by the finding types found; rows carry theirs.
    assert!(
        html.contains(r#"<select id="kind">"#)
            && html.contains(r#"<option value="omission">omission</option>"#)
    );
    assert!(html.contains(r#"data-kinds="omission""#));
}

fn qalign(args: &[&str]) -> (bool, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_qalign"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    (out.status.success(), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

const SEED_AR: &str = "examples/data/003_02c1adf0d7f5733e.txt";
const SEED_EN: &str = "examples/data/000_47fec3c5d65e0f7a.txt";

#[test]
fn cli_writes_tmx_and_html() {
    let (alignment, verdict) = seed_alignment();
    let (ok, tmx, _) = qalign(&["align", "--format", "tmx", SEED_AR, SEED_EN]);
    assert!(ok);
    assert_eq!(read_tmx(&tmx).len(), alignment.pairs().count());
    let (ok, tmx, _) =
        qalign(&["align", "--format", "tmx", "--min-score", "0.9", "--include-unpaired", SEED_AR, SEED_EN]);
    assert!(ok);
    let expected = alignment.beads.iter().filter(|b| b.is_null() || b.score >= 0.9).count();
    assert_eq!(read_tmx(&tmx).len(), expected);
    let (ok, html, _) = qalign(&["align", "--format", "html", SEED_AR, SEED_EN]);
    assert!(ok);
    assert!(html.contains(&format!("{SEED_AR} ↔ {SEED_EN}")));
    assert!(
        html.contains(&format!("Verdict: a translation <span class=\"num\">{:.3}</span>", verdict.score))
    );
}

#[test]
fn cli_rejects_tmx_options_elsewhere_and_bad_scores() {
    let (ok, _, err) = qalign(&["align", "--format", "tsv", "--min-score", "0.5", SEED_AR, SEED_EN]);
    assert!(!ok && err.contains("--format tmx"), "{err}");
    let (ok, _, err) = qalign(&["align", "--format", "tmx", "--min-score", "2", SEED_AR, SEED_EN]);
    assert!(!ok && err.contains("min_score"), "{err}");
}

/// Sentence-like pieces with markup characters, controls, bidi marks and arbitrary text.
fn piece() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    prop_oneof![
        Just("قال <الوزير> & \"الرئيس\" إن 60% من السكان.".to_owned()),
        Just("He said 'no' & <left>\t16% of it.".to_owned()),
        Just("\u{200F}\u{202B}مرحبا\u{202C} \u{2067}x\u{2069}.".to_owned()),
        Just("bell\u{7} nul\u{0} esc\u{1B} del\u{7F} \u{FFFE}.".to_owned()),
        Just("\n\n".to_owned()),
        Just("\r\n".to_owned()),
        "\\PC{0,30}",
        "[\u{0}-\u{7F}]{0,20}",
        "[\u{0621}-\u{064A} <&>]{0,30}[.؟]",
    ]
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    /// Whatever the text, every writer succeeds, the TMX parses and gives back each pair's text (with
    /// XML-forbidden characters as U+FFFD), and the HTML holds each text escaped.
    #[test]
    fn writers_never_fail_and_stay_faithful(
        ar in proptest::collection::vec(piece(), 0..8),
        en in proptest::collection::vec(piece(), 0..8),
    ) {
        let (ar, en) = (ar.join(" "), en.join(" "));
        let alignment = Aligner::new().align(&ar, &en).unwrap();
        let safe = |t: &str| -> String {
            t.chars()
                .map(|c| match c {
                    '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'.. => c,
                    _ => '\u{FFFD}',
                })
                .collect()
        };
        let tus = read_tmx(&tmx_of(&alignment, &TmxOptions::new().include_unpaired(true)));
        proptest::prop_assert_eq!(tus.len(), alignment.beads.len());
        for (tu, bead) in tus.iter().zip(&alignment.beads) {
            let mut expected = Vec::new();
            if !bead.src.is_empty() {
                expected.push(("ar".to_owned(), safe(&bead.src_text)));
            }
            if !bead.tgt.is_empty() {
                expected.push(("en".to_owned(), safe(&bead.tgt_text)));
            }
            proptest::prop_assert_eq!(&tu.2, &expected);
        }
        let plain = without_marks(&html_of(&alignment, &HtmlOptions::new()));
        for bead in &alignment.beads {
            for text in [&bead.src_text, &bead.tgt_text] {
                proptest::prop_assert!(plain.contains(&escape_html(&safe(text))), "{:?} missing", text);
            }
        }
        for format in [Format::Jsonl, Format::Json, Format::Tsv, Format::Text] {
            write_alignment(&mut Vec::new(), &alignment, format).unwrap();
        }
    }
}

/// Beads handed out as they are scored, a chunk at a time, are the whole alignment's, and written
/// chunk by chunk give the bytes of the whole alignment written at once, in every format, with and
/// without a score limit: on the first 9,000 lines of the 20,000-sentence news item, three chunks.
#[test]
fn streamed_output_is_the_whole_alignment() {
    use qalign::output::{BeadWriter, write_alignment_below};
    let Some(dev) = common::data::dataset("ntrex-dev") else { return };
    let head = |name: &str| -> String {
        let text = std::fs::read_to_string(dev.join("scale").join(name)).unwrap();
        text.lines().take(9000).map(|l| format!("{l}\n")).collect()
    };
    let aligner = Aligner::new();
    let (src, tgt) = aligner.prepare(&head("scale.ar"), &head("scale.en"), Segmentation::Lines).unwrap();
    let whole = aligner.align_documents(&src, &tgt);
    let mut chunks: Vec<Vec<Bead>> = Vec::new();
    let summary = aligner
        .align_documents_with(&src, &tgt, |beads| {
            chunks.push(beads);
            Ok::<(), std::io::Error>(())
        })
        .unwrap();
    assert_eq!(chunks.len(), 3);
    assert!(chunks.concat() == whole.beads && summary == whole.summary);
    for format in [Format::Jsonl, Format::Json, Format::Tsv, Format::Csv, Format::Text] {
        for below in [f64::INFINITY, 0.5] {
            let mut expected = Vec::new();
            write_alignment_below(&mut expected, &whole, format, below).unwrap();
            let mut streamed = Vec::new();
            let mut writer = BeadWriter::new(&mut streamed, format, below).unwrap();
            for chunk in &chunks {
                writer.write(chunk).unwrap();
            }
            writer.finish(&summary).unwrap();
            assert!(streamed == expected, "{format:?} below {below}");
        }
    }
}
