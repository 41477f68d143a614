//! The side-by-side HTML QA report: one self-contained page for a reviewer.

use std::fmt::Write as _;
use std::io::Write;
use std::ops::Range;

use crate::output::{side_code, xml_safe};
use crate::text::is_arabic_letter;
use crate::{
    Alignment, Bead, Finding, FindingKind, Result, align::GOOD_SCORE, document::Span, error::Side,
    verdict::Verdict,
};

/// Pairs scoring at least this are coloured as good; from [`GOOD_SCORE`] up to it as fair; below
/// [`GOOD_SCORE`] as poor.
const HIGH_SCORE: f64 = 0.8;

/// Bars of the score histogram, each covering an equal share of 0–1.
const HISTOGRAM_BINS: usize = 10;

/// What [`write_html`] puts in the report besides the alignment.
///
/// ```
/// use qalign::{Aligner, output::{HtmlOptions, write_html}};
///
/// let alignment = Aligner::new().align("قال الوزير.", "The minister said.")?;
/// let mut page = Vec::new();
/// write_html(&mut page, &alignment, &HtmlOptions::new().title("article.ar.txt ↔ article.en.txt"))?;
/// assert!(String::from_utf8(page)?.contains("article.ar.txt ↔ article.en.txt"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct HtmlOptions {
    title: String,
    verdict: Option<Verdict>,
}

impl HtmlOptions {
    /// No title, no verdict (the defaults).
    pub fn new() -> HtmlOptions {
        HtmlOptions::default()
    }

    /// A line under the heading naming the documents, e.g. their file names. Default empty.
    pub fn title(mut self, title: impl Into<String>) -> HtmlOptions {
        self.title = title.into();
        self
    }

    /// The document verdict to show in the summary, as [`Verdict::new`] computes it for the same
    /// alignment. Default none: the summary then says that no verdict was computed.
    pub fn verdict(mut self, verdict: Verdict) -> HtmlOptions {
        self.verdict = Some(verdict);
        self
    }
}

/// Writes an alignment as one self-contained HTML page (inline CSS and JavaScript, nothing loaded
/// from the network), readable when opened from disk.
///
/// At the top, a summary: the document verdict (when given in `options`), the document score and
/// coverage from [`Alignment::summary`], the number of findings of each kind and a histogram of the
/// pairs' scores (inline SVG). Then one table row per bead, in document order: the Arabic text
/// (`dir="rtl"`, `lang="ar"`), the English text, and the findings with their severity, the side and
/// number of the sentence they are in, their evidence and message (shown left to right, its Arabic
/// words isolated, so that a message starting with Arabic keeps its reading order). Rows are
/// coloured by score (good from 0.8, fair from [`GOOD_SCORE`], poor below); unpaired
/// sentences are shown in their place with the other side marked as missing. The evidence of each
/// finding is highlighted in the text, located by the finding's byte span. A slider shows only the rows
/// scoring below a chosen value, and a menu only the rows with findings of one type.
///
/// All text is escaped; characters that XML 1.0 forbids (control characters other than tab, newline
/// and carriage return) are shown as U+FFFD, as in TMX.
///
/// ```
/// use qalign::{Aligner, output::{HtmlOptions, write_html}};
///
/// let alignment = Aligner::new().align("قال الوزير إن الأسعار ارتفعت 60%.", "The minister said prices rose 16%.")?;
/// let mut out = Vec::new();
/// write_html(&mut out, &alignment, &HtmlOptions::new())?;
/// let html = String::from_utf8(out).unwrap();
/// assert!(html.contains(r#"<td class="ar" dir="rtl" lang="ar">"#));
/// assert!(html.contains(r#"<mark class="k-number""#)); // 16% is highlighted
/// # Ok::<(), qalign::Error>(())
/// ```
///
/// # Errors
/// [`crate::Error::Io`] when writing fails.
pub fn write_html<W: Write>(out: &mut W, alignment: &Alignment, options: &HtmlOptions) -> Result<()> {
    let mut page = String::with_capacity(4096 + alignment.beads.len() * 1024);
    page.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    page.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(page, "<title>qalign QA report{}</title>", title_suffix(&options.title));
    let _ = writeln!(page, "<style>{STYLE}</style>\n</head>\n<body>");
    page.push_str("<header>\n<h1>Translation QA report</h1>\n");
    if !options.title.is_empty() {
        let _ = writeln!(page, "<p class=\"docs\"><bdi>{}</bdi></p>", escape(&options.title));
    }
    page.push_str("</header>\n");
    write_summary(&mut page, alignment, options.verdict.as_ref());
    write_controls(&mut page, alignment);
    write_pairs(&mut page, alignment);
    let _ = writeln!(page, "<script>{SCRIPT}</script>\n</body>\n</html>");
    out.write_all(page.as_bytes())?;
    Ok(())
}

fn title_suffix(title: &str) -> String {
    if title.is_empty() { String::new() } else { format!(": {}", escape(title)) }
}

fn write_summary(page: &mut String, alignment: &Alignment, verdict: Option<&Verdict>) {
    let summary = &alignment.summary;
    let pairs: Vec<&Bead> = alignment.pairs().collect();
    let unpaired_ar = alignment.beads.iter().filter(|b| b.tgt.is_empty()).map(|b| b.src.len()).sum::<usize>();
    let unpaired_en = alignment.beads.iter().filter(|b| b.src.is_empty()).map(|b| b.tgt.len()).sum::<usize>();
    page.push_str("<section id=\"summary\">\n");
    match verdict {
        Some(v) if v.is_translation => {
            let _ = writeln!(
                page,
                "<p class=\"verdict yes\">Verdict: a translation <span class=\"num\">{:.3}</span></p>",
                v.score
            );
        }
        Some(v) => {
            let _ = writeln!(
                page,
                "<p class=\"verdict no\">Verdict: not a translation <span class=\"num\">{:.3}</span></p>",
                v.score
            );
        }
        None => page.push_str("<p class=\"verdict\">Verdict: not computed</p>\n"),
    }
    page.push_str("<div class=\"cards\">\n<dl>\n");
    let _ = writeln!(page, "<dt>Document score</dt><dd class=\"num\">{:.3}</dd>", summary.score);
    let _ = writeln!(
        page,
        "<dt>Coverage</dt><dd><span class=\"num\">{:.1}%</span> of the Arabic text in pairs scoring ≥ {GOOD_SCORE}</dd>",
        summary.coverage * 100.0
    );
    let _ = writeln!(page, "<dt>Pairs</dt><dd class=\"num\">{}</dd>", pairs.len());
    let _ = writeln!(page, "<dt>Unpaired sentences</dt><dd>{unpaired_ar} Arabic, {unpaired_en} English</dd>");
    if let Some(v) = verdict {
        let e = &v.evidence;
        let _ = writeln!(
            page,
            "<dt>Verdict evidence</dt><dd>anchor agreement {:.2}, in order {:.2}, length fit {:.2}, script fit {:.2}</dd>",
            e.anchor_agreement, e.anchor_locality, e.length_fit, e.script_fit
        );
    }
    page.push_str("</dl>\n<table class=\"kinds\">\n<caption>Findings by type</caption>\n");
    for (kind, count) in &summary.findings {
        let _ = writeln!(
            page,
            "<tr class=\"{}\"><th><span class=\"swatch {}\"></span>{kind}</th><td class=\"num\">{count}</td></tr>",
            if *count == 0 { "zero" } else { "some" },
            kind_class(*kind)
        );
    }
    page.push_str("</table>\n");
    write_histogram(page, &pairs);
    page.push_str("</div>\n</section>\n");
}

/// Inline SVG bars: how many pairs score in each tenth of 0–1.
fn write_histogram(page: &mut String, pairs: &[&Bead]) {
    let mut bins = [0usize; HISTOGRAM_BINS];
    for b in pairs {
        let k = (b.score.clamp(0.0, 1.0) * HISTOGRAM_BINS as f64) as usize;
        bins[k.min(HISTOGRAM_BINS - 1)] += 1;
    }
    let max = bins.iter().copied().max().unwrap_or(0).max(1);
    // Bars stand on a baseline `top + height` below the top edge, leaving room for their counts.
    let (bar, gap, height, top) = (24.0, 4.0, 90.0, 14.0);
    let width = HISTOGRAM_BINS as f64 * (bar + gap);
    page.push_str("<figure class=\"hist\">\n<figcaption>Pair scores</figcaption>\n");
    let _ = writeln!(
        page,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"histogram of pair scores\">",
        w = width,
        h = top + height + 24.0
    );
    for (k, &n) in bins.iter().enumerate() {
        let lo = k as f64 / HISTOGRAM_BINS as f64;
        let hi = (k + 1) as f64 / HISTOGRAM_BINS as f64;
        let h = height * n as f64 / max as f64;
        let x = k as f64 * (bar + gap);
        let _ = writeln!(
            page,
            "<rect class=\"{}\" x=\"{x}\" y=\"{y:.1}\" width=\"{bar}\" height=\"{h:.1}\"><title>{lo:.1}–{hi:.1}: {n} pairs</title></rect>",
            band_class(lo),
            y = top + height - h
        );
        if n > 0 {
            let _ = writeln!(
                page,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{n}</text>",
                x + bar / 2.0,
                top + height - h - 3.0
            );
        }
    }
    for (label, x) in [("0", 0.0), ("0.5", width / 2.0), ("1", width - gap)] {
        let anchor = if x == 0.0 {
            "start"
        } else if label == "1" {
            "end"
        } else {
            "middle"
        };
        let _ = writeln!(
            page,
            "<text x=\"{x}\" y=\"{:.1}\" text-anchor=\"{anchor}\">{label}</text>",
            top + height + 16.0
        );
    }
    page.push_str("</svg>\n</figure>\n");
}

fn write_controls(page: &mut String, alignment: &Alignment) {
    page.push_str(concat!(
        "<section id=\"controls\">\n",
        "<label for=\"cut\">Show rows scoring below <output id=\"cutv\" for=\"cut\">all</output></label>\n",
        "<input type=\"range\" id=\"cut\" min=\"0\" max=\"100\" step=\"5\" value=\"100\">\n",
        "<label for=\"kind\">with findings of type</label>\n<select id=\"kind\"><option value=\"\">any or none</option>",
    ));
    // The kinds found, in the order of their names.
    for (kind, _) in alignment.summary.findings.iter().filter(|(_, n)| **n > 0) {
        let _ = write!(page, "<option value=\"{kind}\">{kind}</option>");
    }
    page.push_str(concat!(
        "</select>\n",
        "<span id=\"shown\"></span>\n",
        "<span class=\"legend\"><span class=\"swatch good\"></span>≥ 0.8 <span class=\"swatch fair\"></span>≥ 0.5 ",
        "<span class=\"swatch poor\"></span>&lt; 0.5 <span class=\"swatch unpaired\"></span>unpaired</span>\n",
        "</section>\n",
    ));
}

fn write_pairs(page: &mut String, alignment: &Alignment) {
    page.push_str(concat!(
        "<table id=\"pairs\">\n<thead><tr><th>#</th><th>score</th>",
        "<th class=\"ar\" dir=\"rtl\" lang=\"ar\">العربية</th><th>English</th><th>findings</th></tr></thead>\n<tbody>\n"
    ));
    for (k, bead) in alignment.beads.iter().enumerate() {
        let class = if bead.is_null() { "unpaired" } else { band_class(bead.score) };
        let mut kinds: Vec<&str> = bead.findings.iter().map(|f| f.kind.as_str()).collect();
        kinds.sort_unstable();
        kinds.dedup();
        let _ = write!(
            page,
            "<tr id=\"b{k}\" class=\"{class}\" data-score=\"{:.4}\" data-kinds=\"{}\"><td class=\"n\">{k}</td>",
            bead.score,
            kinds.join(" ")
        );
        if bead.is_null() {
            page.push_str("<td class=\"score\">–</td>");
        } else {
            let _ = write!(page, "<td class=\"score num\">{:.2}</td>", bead.score);
        }
        page.push_str("<td class=\"ar\" dir=\"rtl\" lang=\"ar\">");
        write_side(page, bead, Side::Source);
        page.push_str("</td><td class=\"en\" dir=\"ltr\" lang=\"en\">");
        write_side(page, bead, Side::Target);
        page.push_str("</td><td class=\"findings\">");
        write_findings(page, bead);
        page.push_str("</td></tr>\n");
    }
    page.push_str("</tbody>\n</table>\n");
}

/// One side's text with the findings' evidence marked, or a placeholder for a missing side.
fn write_side(page: &mut String, bead: &Bead, side: Side) {
    let (ids, spans, text) = match side {
        Side::Source => (&bead.src, &bead.src_spans, &bead.src_text),
        Side::Target => (&bead.tgt, &bead.tgt_spans, &bead.tgt_text),
    };
    if ids.is_empty() {
        let missing = match side {
            Side::Source => "no Arabic counterpart",
            Side::Target => "no English counterpart",
        };
        let _ = write!(page, "<span class=\"missing\" dir=\"ltr\" lang=\"en\">{missing}</span>");
        return;
    }
    let mut at = 0;
    for (range, f) in marks(text, spans, &bead.findings, side) {
        page.push_str(&escape(&text[at..range.start]));
        let _ = write!(
            page,
            "<mark class=\"{}\" title=\"{}: {}\">{}</mark>",
            kind_class(f.kind),
            f.kind,
            escape(&f.message),
            escape(&text[range.clone()])
        );
        at = range.end;
    }
    page.push_str(&escape(&text[at..]));
}

/// Where each finding on `side` lies in `text`, the bead's sentences joined by one space: the
/// finding's byte span is located in the sentence span that holds it. A finding is left unmarked
/// when its span is empty, lies in no sentence, or the text there is not its evidence (so a text
/// that does not match its spans is never cut wrongly). Overlapping marks keep the first.
fn marks<'f>(
    text: &str,
    spans: &[Span],
    findings: &'f [Finding],
    side: Side,
) -> Vec<(Range<usize>, &'f Finding)> {
    let mut starts = Vec::with_capacity(spans.len());
    let mut offset = 0;
    for span in spans {
        starts.push(offset);
        offset += span.len() + 1;
    }
    let mut found: Vec<(Range<usize>, &Finding)> = findings
        .iter()
        .filter(|f| f.side == side && !f.span.is_empty())
        .filter_map(|f| {
            let k = spans.iter().position(|s| s.start <= f.span.start && f.span.end <= s.end)?;
            let start = starts[k] + (f.span.start - spans[k].start);
            let range = start..start + f.span.len();
            (text.get(range.clone()) == Some(f.evidence.as_str())).then_some((range, f))
        })
        .collect();
    found.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
    let mut end = 0;
    found.retain(|(r, _)| {
        let keep = r.start >= end;
        if keep {
            end = r.end;
        }
        keep
    });
    found
}

fn write_findings(page: &mut String, bead: &Bead) {
    if bead.findings.is_empty() {
        return;
    }
    page.push_str("<ul>");
    for f in &bead.findings {
        let severity = f.severity.as_str();
        let _ = write!(
            page,
            "<li class=\"{severity}\"><span class=\"swatch {}\"></span><b>{}</b> <span class=\"sev\">{severity}</span>",
            kind_class(f.kind),
            f.kind,
        );
        if let Some(sentence) = sentence_of(bead, f) {
            let _ = write!(page, " <span class=\"where\">{} {sentence}</span>", side_code(f.side));
        }
        if !f.evidence.is_empty() && f.evidence.chars().count() <= 60 {
            let _ = write!(page, " <q><bdi>{}</bdi></q>", escape(&f.evidence));
        }
        let _ = write!(page, "<br><span class=\"msg\" dir=\"ltr\">{}</span></li>", message_html(&f.message));
    }
    page.push_str("</ul>");
}

/// The number of the sentence (as the bead lists it) that holds the start of a finding's span, if
/// the span lies in one of the bead's sentences on the finding's side.
fn sentence_of(bead: &Bead, f: &Finding) -> Option<usize> {
    let (ids, spans) = match f.side {
        Side::Source => (&bead.src, &bead.src_spans),
        Side::Target => (&bead.tgt, &bead.tgt_spans),
    };
    let k = spans.iter().position(|s| s.start <= f.span.start && f.span.start < s.end.max(s.start + 1))?;
    ids.get(k).copied()
}

/// A message escaped for HTML, in left-to-right order, each run of Arabic in it isolated (`<bdi>`),
/// so that a message starting with an Arabic word keeps its reading order.
fn message_html(message: &str) -> String {
    let mut out = String::with_capacity(message.len() + 32);
    let mut rest = message;
    while !rest.is_empty() {
        let Some(start) = rest.find(is_arabic_letter) else {
            out.push_str(&escape(rest));
            break;
        };
        out.push_str(&escape(&rest[..start]));
        // The run goes on over Arabic letters and the spaces, marks and digits between them.
        let run = &rest[start..];
        let mut end = 0;
        for (i, c) in run.char_indices() {
            if is_arabic_letter(c) || unicode_normalization::char::is_combining_mark(c) || c == '\u{0640}' {
                end = i + c.len_utf8();
            } else if !(c == ' ' || c.is_numeric()) {
                break;
            }
        }
        let _ = write!(out, "<bdi dir=\"rtl\" lang=\"ar\">{}</bdi>", escape(&run[..end]));
        rest = &run[end..];
    }
    out
}

/// The CSS class of a finding kind.
fn kind_class(kind: FindingKind) -> &'static str {
    match kind {
        FindingKind::Omission => "k-omission",
        FindingKind::Addition => "k-addition",
        FindingKind::Number => "k-number",
        FindingKind::Name => "k-name",
        FindingKind::Polarity => "k-polarity",
        FindingKind::Untranslated => "k-untranslated",
        FindingKind::Truncation => "k-truncation",
        FindingKind::Misalignment => "k-misalignment",
        FindingKind::Terminology => "k-terminology",
        FindingKind::Consistency => "k-consistency",
        FindingKind::Brackets
        | FindingKind::RepeatedWord
        | FindingKind::Code
        | FindingKind::Tag
        | FindingKind::Punctuation
        | FindingKind::Spacing => "k-form",
    }
}

/// The colour band of a score.
fn band_class(score: f64) -> &'static str {
    if score >= HIGH_SCORE {
        "good"
    } else if score >= GOOD_SCORE {
        "fair"
    } else {
        "poor"
    }
}

/// Text for HTML content or a quoted attribute value.
fn escape(text: &str) -> String {
    let text = xml_safe(text);
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = r##"
:root { --good: #dff3e4; --fair: #fff3cd; --poor: #fbdcdc; --unpaired: #eceff3; --ink: #1d2430; --muted: #5f6b7a; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans Arabic", sans-serif; color: var(--ink); margin: 0 auto; max-width: 1400px; padding: 16px 24px 48px; }
h1 { font-size: 22px; margin: 0; }
.docs { color: var(--muted); margin: 2px 0 12px; }
.num { font-variant-numeric: tabular-nums; }
.verdict { font-size: 18px; font-weight: 600; padding: 8px 12px; border-radius: 6px; background: var(--unpaired); display: inline-block; margin: 4px 0 12px; }
.verdict.yes { background: var(--good); }
.verdict.no { background: var(--poor); }
.cards { display: flex; flex-wrap: wrap; gap: 24px; align-items: flex-start; }
dl { display: grid; grid-template-columns: max-content auto; gap: 4px 12px; margin: 0; max-width: 460px; }
dt { font-weight: 600; }
dd { margin: 0; }
table.kinds { border-collapse: collapse; }
table.kinds caption, figcaption { font-weight: 600; text-align: left; margin-bottom: 4px; }
table.kinds th { text-align: left; font-weight: normal; padding: 1px 12px 1px 0; }
table.kinds tr.zero { color: var(--muted); }
figure.hist { margin: 0; }
figure.hist text { font-size: 11px; fill: var(--muted); }
rect.good { fill: #58b26e; } rect.fair { fill: #e0b341; } rect.poor { fill: #d9534f; }
#controls { position: sticky; top: 0; background: #fff; padding: 10px 0; margin-top: 16px; border-bottom: 1px solid #d0d7de; display: flex; gap: 12px; align-items: center; flex-wrap: wrap; z-index: 1; }
#controls output { font-weight: 600; min-width: 2.5em; display: inline-block; }
#shown { color: var(--muted); }
.legend { margin-left: auto; color: var(--muted); }
.swatch { display: inline-block; width: 11px; height: 11px; border-radius: 2px; margin: 0 4px 0 8px; vertical-align: baseline; }
.swatch.good { background: #58b26e; } .swatch.fair { background: #e0b341; } .swatch.poor { background: #d9534f; } .swatch.unpaired { background: #9aa5b1; }
table#pairs { border-collapse: separate; border-spacing: 0 3px; width: 100%; margin-top: 8px; }
#pairs th { text-align: left; color: var(--muted); font-weight: 600; padding: 4px 8px; }
#pairs th.ar { text-align: right; }
#pairs td { padding: 6px 8px; vertical-align: top; white-space: pre-wrap; overflow-wrap: anywhere; }
#pairs td.ar { width: 36%; font-size: 17px; text-align: right; }
#pairs td.en { width: 36%; }
#pairs td.n, #pairs td.score { color: var(--muted); white-space: nowrap; }
#pairs td.findings { width: 22%; font-size: 13px; white-space: normal; }
tr.good td { background: var(--good); } tr.fair td { background: var(--fair); } tr.poor td { background: var(--poor); }
tr.unpaired td { background: var(--unpaired); }
tr.good td:first-child { border-left: 4px solid #58b26e; } tr.fair td:first-child { border-left: 4px solid #e0b341; }
tr.poor td:first-child { border-left: 4px solid #d9534f; } tr.unpaired td:first-child { border-left: 4px solid #9aa5b1; }
.missing { color: var(--muted); font-style: italic; font-size: 14px; }
.findings ul { margin: 0; padding: 0; list-style: none; }
.findings li { margin-bottom: 4px; }
.findings .sev, .findings .where { color: var(--muted); }
.findings li.critical .sev { color: #b02a2a; font-weight: 600; } .findings li.major .sev { color: #9a5b00; }
mark { background: none; border-radius: 3px; padding: 0 1px; box-shadow: inset 0 -0.45em 0 rgba(217, 83, 79, 0.35); }
mark.k-number { box-shadow: inset 0 -0.55em 0 rgba(217, 83, 79, 0.45); }
mark.k-name { box-shadow: inset 0 -0.55em 0 rgba(91, 110, 225, 0.40); }
mark.k-polarity { box-shadow: inset 0 -0.55em 0 rgba(230, 126, 34, 0.40); }
mark.k-omission, mark.k-addition, mark.k-truncation, mark.k-misalignment { box-shadow: none; text-decoration: underline dotted #9aa5b1; }
mark.k-untranslated { box-shadow: inset 0 -0.55em 0 rgba(155, 89, 182, 0.40); }
mark.k-terminology { box-shadow: inset 0 -0.55em 0 rgba(22, 160, 133, 0.40); }
mark.k-consistency, mark.k-form { box-shadow: none; text-decoration: underline wavy #16a085; }
.swatch.k-number { background: #d9534f; } .swatch.k-name { background: #5b6ee1; } .swatch.k-polarity { background: #e67e22; } .swatch.k-untranslated { background: #9b59b6; }
.swatch.k-terminology { background: #16a085; } .swatch.k-consistency { background: #2c7fb8; } .swatch.k-form { background: #b8a22c; }
.swatch.k-omission, .swatch.k-addition { background: #9aa5b1; } .swatch.k-truncation { background: #e08a41; } .swatch.k-misalignment { background: #333; }
"##;

const SCRIPT: &str = r##"
(function () {
  var cut = document.getElementById("cut");
  var shown = document.getElementById("shown");
  var label = document.getElementById("cutv");
  var rows = document.querySelectorAll("#pairs tbody tr");
  var kind = document.getElementById("kind");
  function apply() {
    var limit = Number(cut.value) / 100, n = 0, want = kind.value;
    for (var i = 0; i < rows.length; i++) {
      var kinds = rows[i].getAttribute("data-kinds").split(" ");
      var show = (limit >= 1 || Number(rows[i].getAttribute("data-score")) < limit)
        && (want === "" || kinds.indexOf(want) >= 0);
      rows[i].hidden = !show;
      if (show) { n++; }
    }
    label.textContent = limit >= 1 ? "all" : limit.toFixed(2);
    shown.textContent = n + " of " + rows.length + " rows shown";
  }
  cut.addEventListener("input", apply);
  kind.addEventListener("change", apply);
  apply();
  document.body.setAttribute("data-ready", "1");
})();
"##;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quality::Severity;

    fn finding(side: Side, span: (usize, usize), evidence: &str) -> Finding {
        Finding {
            kind: FindingKind::Number,
            severity: Severity::Major,
            side,
            span: span.into(),
            evidence: evidence.into(),
            message: "m".into(),
            other_span: None,
            others: Vec::new(),
        }
    }

    #[test]
    fn messages_read_left_to_right_with_arabic_isolated() {
        assert_eq!(
            message_html("`الدولة الإسلامية` is rendered <otherwise>"),
            "`<bdi dir=\"rtl\" lang=\"ar\">الدولة الإسلامية</bdi>` is rendered &lt;otherwise&gt;"
        );
        assert_eq!(message_html("no Arabic"), "no Arabic");
        assert_eq!(message_html("مرحبا 2 و"), "<bdi dir=\"rtl\" lang=\"ar\">مرحبا 2 و</bdi>");
    }

    #[test]
    fn findings_name_their_sentence_not_bytes() {
        let alignment = crate::Aligner::new()
            .align(
                "قال الوزير إن الحرب انتهت. وارتفعت الأسعار 60%.",
                "The minister said the war was over and prices rose 16%.",
            )
            .unwrap();
        let mut page = String::new();
        let bead = alignment
            .beads
            .iter()
            .find(|b| b.findings.iter().any(|f| f.kind == FindingKind::Number))
            .unwrap();
        write_findings(&mut page, bead);
        assert!(
            page.contains("<span class=\"where\">en 0</span>")
                || page.contains("<span class=\"where\">ar 1</span>"),
            "{page}"
        );
        assert!(
            !page.contains(&format!("{}-{}", bead.findings[0].span.start, bead.findings[0].span.end)),
            "{page}"
        );
    }

    #[test]
    fn marks_follow_spans_across_joined_sentences() {
        // Two sentences at bytes 10..16 and 17..29 of the input, joined by one space.
        let text = "He won. It rose 16%.";
        let spans = [Span { start: 10, end: 17 }, Span { start: 18, end: 30 }];
        let findings = [finding(Side::Target, (26, 29), "16%"), finding(Side::Source, (26, 29), "16%")];
        let found = marks(text, &spans, &findings, Side::Target);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].0.clone()], "16%");
    }

    #[test]
    fn marks_skip_spans_that_do_not_match_the_text() {
        let text = "مرحبا 60";
        let spans = [Span { start: 0, end: text.len() }];
        // A span cutting an Arabic letter in half, one past the end, and one with other evidence.
        let findings = [
            finding(Side::Source, (1, 3), "x"),
            finding(Side::Source, (9, 40), "60"),
            finding(Side::Source, (11, 13), "61"),
            finding(Side::Source, (11, 13), "60"),
        ];
        let found = marks(text, &spans, &findings, Side::Source);
        assert_eq!(found.iter().map(|(r, _)| &text[r.clone()]).collect::<Vec<_>>(), ["60"]);
    }

    #[test]
    fn overlapping_marks_keep_the_first() {
        let text = "rose 16% in 2014";
        let spans = [Span { start: 0, end: text.len() }];
        let findings =
            [finding(Side::Target, (5, 16), "16% in 2014"), finding(Side::Target, (12, 16), "2014")];
        assert_eq!(marks(text, &spans, &findings, Side::Target).len(), 1);
    }

    #[test]
    fn escape_covers_markup_and_forbidden_characters() {
        assert_eq!(
            escape("<a href='x'>&\"\u{1}</a>"),
            "&lt;a href=&#39;x&#39;&gt;&amp;&quot;\u{FFFD}&lt;/a&gt;"
        );
    }
}
