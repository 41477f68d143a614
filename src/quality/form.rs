//! Form checks, as the QA step of CAT tools runs them: brackets and quotes without their pair, a
//! word repeated, a URL, e-mail address or code on one side only, markup tags that differ, final
//! punctuation of another type, and spacing. Each gives typed findings with spans; they never change
//! the score.
//!
//! The checks read each side's original text sentence by sentence (codes on the Arabic side are read
//! in its normalized text, where Arabic-Indic digits are ASCII digits). What the Arabic does itself
//! (an unpaired quote of a quotation cut by the segmenter) the English may do too: brackets are
//! flagged only when the Arabic is balanced, and only the English is checked for repeated words and
//! spacing.

use crate::document::{NormalizedSentence, Span};
use crate::lang::form::{is_arabic_interrogative, is_doubled_word, is_quantity_suffix};
use crate::quality::finding::{Finding, FindingKind, Severity};
use crate::quality::signals::SideText;
use crate::text::is_letter;

/// Adds the form findings of a pair to `findings`.
pub(crate) fn form(src: SideText, tgt: SideText, findings: &mut Vec<Finding>) {
    // One pass over each side first: most pairs hold no bracket, code or tag to check.
    let arabic = src.sentences.iter().fold(0, |acc, s| acc | classes(s.normalized()));
    let english = classes(tgt.original());
    // A bracket is flagged only where the Arabic uses its kind.
    if english & BRACKET != 0 && arabic & BRACKET != 0 {
        brackets(src, tgt, findings);
    }
    repeated_words(tgt, findings);
    let url = |side: SideText| memchr::memmem::find(side.original().as_bytes(), b"www.").is_some();
    if (arabic | english) & CODE != 0 || url(src) || url(tgt) {
        codes(src, tgt, findings);
    }
    if (arabic | english) & TAG != 0 {
        tags(src, tgt, findings);
    }
    final_punctuation(src, tgt, findings);
    spacing(tgt, findings);
}

/// A byte that may be (or start) a bracket or quotation mark: `( ) [ ] { } "`, and the lead bytes of
/// `“ ”` (0xE2) and `« »` (0xC2).
const BRACKET: u8 = 1;

/// A byte a code or URL holds: an ASCII digit, `@`, `/`.
const CODE: u8 = 2;

/// A byte that starts a tag or placeholder: `<`, `{`, `%`.
const TAG: u8 = 4;

/// The classes of each byte value.
static CLASSES: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = match c {
            b'(' | b')' | b'[' | b']' | b'}' | b'"' | 0xE2 | 0xC2 => BRACKET,
            b'{' => BRACKET | TAG,
            b'0'..=b'9' | b'@' | b'/' => CODE,
            b'<' | b'%' => TAG,
            _ => 0,
        };
        b += 1;
    }
    table
};

/// The classes of the bytes of `text`, or-ed together.
fn classes(text: &str) -> u8 {
    text.bytes().fold(0, |acc, b| acc | CLASSES[b as usize])
}

/// Each sentence of a side with its original text.
fn sentences<'a>(side: SideText<'a>) -> impl Iterator<Item = (&'a NormalizedSentence, &'a str)> {
    side.sentences.iter().map(move |s| (s, side.text.get(s.span().start..s.span().end).unwrap_or("")))
}

/// A kind of bracket: parentheses, square brackets, braces or quotation marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Bracket {
    Round,
    Square,
    Curly,
    Quote,
}

/// What a character is to the bracket check: an opening or closing bracket of a kind, or a straight
/// double quote, which opens or closes depending on what is open.
fn bracket(c: char) -> Option<(Bracket, Option<bool>)> {
    Some(match c {
        '(' => (Bracket::Round, Some(true)),
        ')' => (Bracket::Round, Some(false)),
        '[' => (Bracket::Square, Some(true)),
        ']' => (Bracket::Square, Some(false)),
        '{' => (Bracket::Curly, Some(true)),
        '}' => (Bracket::Curly, Some(false)),
        '“' | '«' => (Bracket::Quote, Some(true)),
        '”' | '»' => (Bracket::Quote, Some(false)),
        '"' => (Bracket::Quote, None),
        _ => return None,
    })
}

/// The brackets of a side that have no pair, with their spans.
fn unpaired_brackets(side: SideText) -> Vec<(Bracket, Span)> {
    let mut open: Vec<(Bracket, Span)> = Vec::new();
    let mut unpaired = Vec::new();
    for (s, text) in sentences(side) {
        // Only the bytes that may start a bracket are decoded.
        let at = text.bytes().enumerate().filter(|(_, b)| CLASSES[usize::from(*b)] & BRACKET != 0);
        for (i, c) in at.filter_map(|(i, _)| Some((i, text.get(i..)?.chars().next()?))) {
            let Some((kind, opens)) = bracket(c) else { continue };
            let span = Span { start: s.span().start + i, end: s.span().start + i + c.len_utf8() };
            // A straight quote closes an open quote, and opens one otherwise.
            let opens = opens.unwrap_or_else(|| open.iter().rev().all(|(k, _)| *k != Bracket::Quote));
            if opens {
                open.push((kind, span));
            } else if let Some(at) = open.iter().rposition(|(k, _)| *k == kind) {
                // Brackets opened inside it and left open are unpaired.
                unpaired.extend(open.drain(at..).skip(1));
            } else {
                unpaired.push((kind, span));
            }
        }
    }
    unpaired.extend(open);
    unpaired
}

/// `form/brackets`: a bracket or quotation mark of the English without its pair, when the Arabic has
/// every bracket of that kind paired.
fn brackets(src: SideText, tgt: SideText, findings: &mut Vec<Finding>) {
    let english = unpaired_brackets(tgt);
    if english.is_empty() {
        return;
    }
    let arabic = unpaired_brackets(src);
    for (kind, span) in english {
        // The Arabic must use brackets of this kind, and pair them all: a translator often drops
        // the quotation marks of a quotation the segmenter cut, or adds their own.
        let uses = |s: &NormalizedSentence| {
            s.normalized().chars().any(|c| bracket(c).is_some_and(|(k, _)| k == kind))
        };
        // A quotation mark that opens or closes a sentence may open or close a quotation over
        // several sentences, which the segmenter cut.
        let at_edge = kind == Bracket::Quote && at_sentence_edge(tgt, span);
        if !at_edge && src.sentences.iter().any(uses) && arabic.iter().all(|(k, _)| *k != kind) {
            let what = if kind == Bracket::Quote { "quotation mark" } else { "bracket" };
            let message = format!("a {what} without its pair in the English (the Arabic pairs its own)");
            findings.push(tgt.finding(FindingKind::Brackets, Severity::Minor, span, message));
        }
    }
}

/// Whether `span` holds the first or the last character of one of the side's sentences, punctuation
/// after it aside (`...success."`, `said: "`).
fn at_sentence_edge(side: SideText, span: Span) -> bool {
    sentences(side).any(|(s, text)| {
        let (start, end) = (s.span().start, s.span().start + text.len());
        let before = text.get(..span.start.saturating_sub(start)).unwrap_or("");
        let after = text.get(span.end.saturating_sub(start).min(text.len())..).unwrap_or("");
        let blank = |t: &str| t.chars().all(|c| !c.is_alphanumeric());
        (start..end).contains(&span.start) && (blank(before) || blank(after))
    })
}

/// `form/repeated-word`: the same English word twice in a row, separated by white space only (`the
/// the`), unless English writes it so on purpose (`had had`).
fn repeated_words(tgt: SideText, findings: &mut Vec<Finding>) {
    for (s, text) in sentences(tgt) {
        // A quick look first: two neighbouring tokens equal, punctuation at their ends aside.
        let mut tokens = text.split_ascii_whitespace().map(trim_ascii_punctuation);
        let mut last = tokens.next().unwrap_or("");
        let candidate = tokens.any(|t| {
            let same = !t.is_empty() && t.eq_ignore_ascii_case(last);
            last = t;
            same
        });
        if !candidate {
            continue;
        }
        let mut previous: Option<(usize, &str)> = None;
        for (start, word) in letter_runs(text) {
            // A capitalized word written twice is a name (`Bora Bora`); a sentence's first word
            // repeated in lower case (`The the`) is not.
            if let Some((p_start, p)) = previous
                && p.eq_ignore_ascii_case(word)
                && !word.starts_with(char::is_uppercase)
                && text[p_start + p.len()..start].chars().all(char::is_whitespace)
                && !is_doubled_word(&word.to_lowercase())
            {
                let span = Span { start: s.span().start + p_start, end: s.span().start + start + word.len() };
                let message = format!("`{word}` is written twice in a row");
                findings.push(tgt.finding(FindingKind::RepeatedWord, Severity::Minor, span, message));
            }
            previous = Some((start, word));
        }
    }
}

/// `token` without the ASCII punctuation at its ends.
fn trim_ascii_punctuation(token: &str) -> &str {
    let bytes = token.as_bytes();
    let start = bytes.iter().position(|b| !b.is_ascii_punctuation()).unwrap_or(bytes.len());
    let end = bytes.iter().rposition(|b| !b.is_ascii_punctuation()).map_or(start, |e| e + 1);
    // ASCII bytes never fall inside a character: both ends are character boundaries.
    token.get(start..end.max(start)).unwrap_or("")
}

/// The runs of letters (and apostrophes) of `text`, with their byte offsets.
fn letter_runs(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut chars = text.char_indices().peekable();
    let is_word = |c: char| is_letter(c) || c == '\'';
    std::iter::from_fn(move || {
        while chars.next_if(|&(_, c)| !is_word(c)).is_some() {}
        let (start, _) = *chars.peek()?;
        let mut end = start;
        while let Some((i, c)) = chars.next_if(|&(_, c)| is_word(c)) {
            end = i + c.len_utf8();
        }
        Some((start, &text[start..end]))
    })
}

/// What a code is: a URL, an e-mail address or an alphanumeric code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CodeKind {
    Url,
    Email,
    Code,
}

/// A code of a side: its kind, its key (lower case, hyphens dropped, trailing punctuation cut) and its
/// span in the side's input.
#[derive(Clone, Debug)]
struct Code {
    kind: CodeKind,
    key: String,
    digits: Vec<String>,
    span: Span,
}

/// The codes of a side, read in its normalized text (digits of every script are ASCII digits there).
fn side_codes(side: SideText) -> Vec<Code> {
    let mut out = Vec::new();
    for s in side.sentences {
        let text = s.normalized();
        let mut at = 0;
        for token in text.split(' ') {
            let start = at;
            at += token.len() + 1;
            // Most words are no code: a code has a digit or `@`, a URL `/` or `.` too.
            if !token.bytes().any(|b| CLASSES[usize::from(b)] & CODE != 0 || b == b'.') {
                continue;
            }
            // Punctuation around the token is not part of it.
            let lead = token.len() - token.trim_start_matches(|c: char| !c.is_ascii_alphanumeric()).len();
            let trimmed = token.trim_matches(|c: char| !c.is_ascii_alphanumeric() && c != '/');
            let trimmed = trimmed.trim_end_matches('/');
            let Some(kind) = code_kind(trimmed) else { continue };
            let range = start + lead..start + lead + trimmed.len();
            let key = trimmed.to_ascii_lowercase().replace('-', "");
            let digits = trimmed
                .split(|c: char| !c.is_ascii_digit())
                .filter(|d| !d.is_empty())
                .map(str::to_owned)
                .collect();
            out.push(Code { kind, key, digits, span: s.original_span(range) });
        }
    }
    out
}

/// The kind of code `token` (ASCII letters, digits and inner punctuation at both ends) is, if any.
fn code_kind(token: &str) -> Option<CodeKind> {
    let starts = |prefix: &str| token.get(..prefix.len()).is_some_and(|p| p.eq_ignore_ascii_case(prefix));
    if starts("http://") || starts("https://") || starts("www.") {
        return Some(CodeKind::Url);
    }
    if let Some((user, domain)) = token.split_once('@')
        && !user.is_empty()
        && domain.contains('.')
        && token.chars().all(|c| c.is_ascii_alphanumeric() || "@.-_+".contains(c))
    {
        return Some(CodeKind::Email);
    }
    if !token.chars().all(|c| c.is_ascii_alphanumeric() || "-./".contains(c)) {
        return None;
    }
    let letters = token.chars().any(|c| c.is_ascii_alphabetic());
    let digits = token.chars().any(|c| c.is_ascii_digit());
    // `No.1` is "number one".
    let numero = starts("no.") && token[3..].bytes().all(|b| b.is_ascii_digit());
    if !letters || !digits || numero {
        return None;
    }
    // Part by part (between hyphens and slashes): a part that mixes letters and digits is a code
    // (`A320`, `802.11n`), unless it is a number with a unit, a magnitude or an ordinal after it
    // (`10km`, `2bn`, `19th`); letters followed by a number (`COVID-19`, `F-16`) are one too.
    let mut previous_letters = false;
    for part in token.split(['-', '/']) {
        let part_letters = part.bytes().any(|b| b.is_ascii_alphabetic());
        let part_digits = part.bytes().any(|b| b.is_ascii_digit());
        if part_letters && part_digits && !is_quantity(part) {
            return Some(CodeKind::Code);
        }
        if previous_letters && part_digits && !part_letters {
            return Some(CodeKind::Code);
        }
        previous_letters = part_letters && !part_digits;
    }
    None
}

/// Whether `part` (ASCII letters, digits and `.`, `,`) is a number with a unit, a magnitude or an
/// ordinal after it: `10km`, `2.5bn`, `21st`.
fn is_quantity(part: &str) -> bool {
    let first_letter = part.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(0);
    let (number, rest) = part.split_at(first_letter);
    !number.is_empty()
        && number.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
        && rest.bytes().all(|b| b.is_ascii_alphabetic())
        && is_quantity_suffix(&rest.to_ascii_lowercase())
}

/// `form/code`: a URL, e-mail address or alphanumeric code on one side that the other lacks. Codes
/// are compared in lower case without hyphens (`COVID-19` is `covid19`). An English code the Arabic
/// does not write in Latin letters is accepted when the Arabic has its digits (`كوفيد-19`) and no
/// Latin code with the same digits.
fn codes(src: SideText, tgt: SideText, findings: &mut Vec<Finding>) {
    let (arabic, english) = (side_codes(src), side_codes(tgt));
    if arabic.is_empty() && english.is_empty() {
        return;
    }
    let arabic_digits = || -> Vec<&str> {
        src.sentences
            .iter()
            .flat_map(|s| s.normalized().split(|c: char| !c.is_ascii_digit()).filter(|d| !d.is_empty()))
            .collect()
    };
    let name = |kind| match kind {
        CodeKind::Url => "URL",
        CodeKind::Email => "e-mail address",
        CodeKind::Code => "code",
    };
    for code in &arabic {
        if !english.iter().any(|e| e.key == code.key) {
            let message = format!("{} `{}` of the Arabic is not in the English", name(code.kind), code.key);
            findings.push(src.finding(FindingKind::Code, Severity::Major, code.span, message));
        }
    }
    let digits = arabic_digits();
    for code in &english {
        if arabic.iter().any(|a| a.key == code.key) {
            continue;
        }
        // Digits the Arabic has in a Latin code of its own are a changed code, not a transliteration.
        let transliterated = code.kind == CodeKind::Code
            && code.digits.iter().all(|d| digits.contains(&d.as_str()))
            && !arabic.iter().any(|a| a.digits == code.digits);
        if !transliterated {
            let message = format!("{} `{}` of the English is not in the Arabic", name(code.kind), code.key);
            findings.push(tgt.finding(FindingKind::Code, Severity::Major, code.span, message));
        }
    }
}

/// The markup tags of a side (`<b>`, `</b>`, `<br/>`, `<x id="1"/>`) and placeholders (`{0}`,
/// `%s`, `%1$s`), with their spans.
fn side_tags(side: SideText) -> Vec<(String, Span)> {
    let mut out = Vec::new();
    for (s, text) in sentences(side) {
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let end = match bytes[i] {
                b'<' => tag_end(text, i),
                b'{' => text[i + 1..]
                    .find('}')
                    .filter(|&n| n > 0 && text[i + 1..i + 1 + n].bytes().all(|b| b.is_ascii_digit()))
                    .map(|n| i + n + 2),
                b'%' => placeholder_end(bytes, i),
                _ => None,
            };
            match end {
                Some(end) => {
                    let tag = &text[i..end];
                    // A tag is compared by its name and whether it opens, closes or stands alone.
                    let key = match tag.strip_prefix('<') {
                        Some(inner) => {
                            let close = inner.starts_with('/');
                            let name: String = inner
                                .trim_start_matches('/')
                                .chars()
                                .take_while(|c| c.is_ascii_alphanumeric() || ":_-".contains(*c))
                                .collect();
                            let alone = inner.ends_with("/>");
                            format!(
                                "<{}{}{}>",
                                if close { "/" } else { "" },
                                name.to_ascii_lowercase(),
                                if alone { "/" } else { "" }
                            )
                        }
                        None => tag.to_owned(),
                    };
                    out.push((key, Span { start: s.span().start + i, end: s.span().start + end }));
                    i = end;
                }
                None => i += 1,
            }
        }
    }
    out
}

/// The end of the markup tag starting at byte `i` of `text` (a `<`), if one starts there: `<` or
/// `</`, a letter, name characters, attributes without `<`, and `>` on the same line.
fn tag_end(text: &str, i: usize) -> Option<usize> {
    let rest = &text[i + 1..];
    let name = rest.strip_prefix('/').unwrap_or(rest);
    if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let close = rest.find('>')?;
    let inside = &rest[..close];
    let name = inside.strip_prefix('/').unwrap_or(inside);
    let name_len =
        name.find(|c: char| !(c.is_ascii_alphanumeric() || ":_-".contains(c))).unwrap_or(name.len());
    let after_name = &name[name_len..];
    let attributes_ok = after_name.is_empty() || after_name.starts_with([' ', '/']);
    (attributes_ok && !inside.contains(['<', '\n'])).then_some(i + 1 + close + 1)
}

/// The end of a printf placeholder (`%s`, `%d`, `%1$s`) starting at byte `i`, if one starts there and
/// is not a percentage (`50%`) or a word after a percent sign.
fn placeholder_end(bytes: &[u8], i: usize) -> Option<usize> {
    if i > 0 && bytes[i - 1].is_ascii_alphanumeric() {
        return None;
    }
    let mut j = i + 1;
    if bytes.get(j).is_some_and(u8::is_ascii_digit) && bytes.get(j + 1) == Some(&b'$') {
        j += 2;
    }
    let conversion = bytes.get(j).filter(|b| matches!(b, b's' | b'd' | b'@'))?;
    let _ = conversion;
    let next = bytes.get(j + 1);
    next.is_none_or(|b| !b.is_ascii_alphanumeric()).then_some(j + 1)
}

/// `form/tag`: a markup tag or placeholder on one side with no counterpart on the other.
fn tags(src: SideText, tgt: SideText, findings: &mut Vec<Finding>) {
    let (mut arabic, mut english) = (side_tags(src), side_tags(tgt));
    if arabic.is_empty() && english.is_empty() {
        return;
    }
    // Pair equal tags, in order; what is left is on one side only.
    english.retain(|(key, _)| match arabic.iter().position(|(k, _)| k == key) {
        Some(at) => {
            arabic.remove(at);
            false
        }
        None => true,
    });
    for (side, list, other) in [(src, arabic, "English"), (tgt, english, "Arabic")] {
        for (key, span) in list {
            let message = format!("tag `{key}` has no counterpart in the {other}");
            findings.push(side.finding(FindingKind::Tag, Severity::Major, span, message));
        }
    }
}

/// Whether a side's last sentence ends with a question mark (`?`, or the Arabic `؟`, which normalizes
/// to it), closing quotes and brackets aside, with the span of its last mark.
fn final_mark(side: SideText) -> Option<(bool, Span)> {
    let s = side.sentences.last()?;
    let text = s.normalized();
    let (i, c) = text.char_indices().rev().find(|(_, c)| !matches!(c, '"' | '\'' | ')' | ']' | ' '))?;
    let span = s.original_span(i..i + c.len_utf8());
    Some((c == '?', span)).filter(|_| !c.is_alphanumeric() || c == '?')
}

/// `form/punctuation`: a question whose English does not end with a question mark, or an English
/// question mark where the Arabic ends with other punctuation and does not open with an
/// interrogative (an Arabic question often leaves its mark out). Exclamation marks and full stops
/// trade places in good translations, and are not compared.
fn final_punctuation(src: SideText, tgt: SideText, findings: &mut Vec<Finding>) {
    let (Some((a, a_span)), Some((e, e_span))) = (final_mark(src), final_mark(tgt)) else { return };
    if a == e {
        return;
    }
    let asks = || {
        let last = src.sentences.last().map_or("", |s| s.normalized());
        last.split(' ').next().is_some_and(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            is_arabic_interrogative(w) || w.strip_prefix(['و', 'ف']).is_some_and(is_arabic_interrogative)
        }) || last.contains('?')
    };
    let message = if a {
        "the Arabic ends with a question mark and the English does not"
    } else if asks() {
        return;
    } else {
        "the English ends with a question mark and the Arabic does not"
    };
    let mut f = tgt.finding(FindingKind::Punctuation, Severity::Minor, e_span, message);
    f.other_span = Some(a_span);
    findings.push(f);
}

/// `form/spacing`: two or more spaces between words, or a space before `,`, `.`, `;`, `:`, `!` or
/// `?`, in the English.
fn spacing(tgt: SideText, findings: &mut Vec<Finding>) {
    for (s, text) in sentences(tgt) {
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] != b' ' {
                i += 1;
                continue;
            }
            let run = bytes[i..].iter().take_while(|&&b| b == b' ').count();
            let (before, after) = (i.checked_sub(1).map(|k| bytes[k]), bytes.get(i + run).copied());
            let span = Span { start: s.span().start + i, end: s.span().start + i + run };
            let between_words = before.is_some_and(|b| b != b'\n') && after.is_some_and(|b| b != b'\n');
            if run >= 2 && between_words {
                let message = format!("{run} spaces in a row");
                findings.push(tgt.finding(FindingKind::Spacing, Severity::Minor, span, message));
            } else if let Some(p) = after.filter(|p| b",.;:!?".contains(p))
                && before.is_some_and(|b| b.is_ascii_alphanumeric())
                // An ellipsis or a decimal (`.5`) may follow a space.
                && !(p == b'.' && bytes.get(i + run + 1).is_some_and(|b| *b == b'.' || b.is_ascii_digit()))
            {
                let message = format!("a space before `{}`", p as char);
                findings.push(tgt.finding(FindingKind::Spacing, Severity::Minor, span, message));
            }
            i += run;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{FindingKind, score_pair};

    /// The form findings of a pair: (kind, evidence).
    fn form(ar: &str, en: &str) -> Vec<(FindingKind, String)> {
        score_pair(ar, en)
            .findings
            .into_iter()
            .filter(|f| f.kind.as_str().starts_with("form/"))
            .map(|f| (f.kind, f.evidence))
            .collect()
    }

    /// A named case: (case, Arabic, English, expected form findings).
    type Case = (&'static str, &'static str, &'static str, &'static [(FindingKind, &'static str)]);

    const CASES: &[Case] = &[
        (
            "clean pair",
            "قال الوزير (وزير المالية) إن النمو تباطأ.",
            "The minister (of finance) said growth slowed.",
            &[],
        ),
        (
            "unclosed bracket",
            "قال الوزير (وزير المالية) إن النمو تباطأ.",
            "The minister (of finance said growth slowed.",
            &[(FindingKind::Brackets, "(")],
        ),
        (
            "unclosed quote",
            "قال \"نحن بحاجة إلى الدعم\" أمس.",
            "He said \"we need support yesterday.",
            &[(FindingKind::Brackets, "\"")],
        ),
        ("quotation over several sentences", "\"نحن بحاجة إلى الدعم\"", "\"We need support.", &[]),
        ("quote the Arabic does not use", "قال إننا بحاجة إلى الدعم.", "He said \"we need support.", &[]),
        ("quote cut by the Arabic too", "قال \"نحن بحاجة إلى الدعم.", "He said \"we need support.", &[]),
        ("curly quotes pair", "قال «نحن بحاجة إلى الدعم».", "He said “we need support”.", &[]),
        (
            "repeated word",
            "ذهب إلى السوق.",
            "He went to the the market.",
            &[(FindingKind::RepeatedWord, "the the")],
        ),
        (
            "repetition across case",
            "ذهب إلى السوق.",
            "The the market was closed.",
            &[(FindingKind::RepeatedWord, "The the")],
        ),
        ("had had", "كان قد أكل.", "He had had lunch.", &[]),
        ("a name", "في فندق Roa Roa.", "At the Roa Roa Hotel.", &[]),
        ("repetition across a comma", "قال نعم، نعم.", "He said yes, yes.", &[]),
        ("code kept", "اشترت الشركة طائرات A320 جديدة.", "The company bought new A320 planes.", &[]),
        (
            "url without a digit",
            "زوروا www.example.org اليوم.",
            "Visit our site today.",
            &[(FindingKind::Code, "www.example.org")],
        ),
        (
            "code changed",
            "اشترت الشركة طائرات A320 جديدة.",
            "The company bought new A330 planes.",
            &[(FindingKind::Code, "A320"), (FindingKind::Code, "A330")],
        ),
        ("code in Arabic letters", "انتشر فيروس كوفيد-19 بسرعة.", "The COVID-19 virus spread fast.", &[]),
        ("code with Arabic-Indic digits", "يدعم المعيار 802.11n.", "It supports the 802.11n standard.", &[]),
        (
            "Arabic-Indic digits in the code",
            "يدعم المعيار 802.١١n.",
            "It supports the 802.11ac standard.",
            &[(FindingKind::Code, "802.١١n"), (FindingKind::Code, "802.11ac")],
        ),
        ("quantity is no code", "قطع 10 كيلومترات.", "He ran 10km.", &[]),
        (
            "ordinal in a compound is no code",
            "في صراع دموي في القرن التاسع عشر.",
            "In a bloody 19th-century conflict.",
            &[],
        ),
        ("number sign is no code", "تهدف لأن تصبح الأولى.", "It aims to be No.1 in AI.", &[]),
        (
            "letters then a number",
            "طائرات إف-16 ووباء كوفيد.",
            "F-16 jets and the COVID-19 pandemic.",
            &[(FindingKind::Code, "COVID-19")],
        ),
        (
            "url dropped",
            "للمزيد زوروا https://example.org/news اليوم.",
            "For more, visit our site today.",
            &[(FindingKind::Code, "https://example.org/news")],
        ),
        (
            "e-mail changed",
            "راسلونا على info@example.org.",
            "Write to news@example.org.",
            &[(FindingKind::Code, "info@example.org"), (FindingKind::Code, "news@example.org")],
        ),
        ("tags kept", "اضغط <b>حفظ</b> الآن.", "Press <b>Save</b> now.", &[]),
        ("tag dropped", "اضغط <b>حفظ</b> الآن.", "Press <b>Save now.", &[(FindingKind::Tag, "</b>")]),
        (
            "placeholder changed",
            "تم حذف {0} ملفات.",
            "{1} files were deleted.",
            &[(FindingKind::Tag, "{0}"), (FindingKind::Tag, "{1}")],
        ),
        ("less-than is no tag", "السعر < 5 دولارات.", "The price is < 5 dollars.", &[]),
        ("question kept", "هل ستأتي غدا؟", "Will you come tomorrow?", &[]),
        ("question lost", "هل ستأتي غدا؟", "Will you come tomorrow.", &[(FindingKind::Punctuation, ".")]),
        ("question added", "ستأتي غدا.", "Will you come tomorrow?", &[(FindingKind::Punctuation, "?")]),
        ("colon and full stop agree enough", "قال ما يلي:", "He said the following.", &[]),
        ("exclamation and full stop trade places", "أنا جائع.", "I'm hungry!", &[]),
        ("Arabic question without its mark", "هل نحن مستعدون للذهاب.", "Are we good to go?", &[]),
        ("Arabic without final punctuation", "إنتظر", "Wait?", &[]),
        ("double space", "ذهب إلى السوق.", "He went  to the market.", &[(FindingKind::Spacing, "  ")]),
        ("space before comma", "ذهب، ثم عاد.", "He went , then came back.", &[(FindingKind::Spacing, " ")]),
        ("ellipsis after a space", "وقال...", "And he said ...", &[]),
    ];

    #[test]
    fn named_cases() {
        for (case, ar, en, expected) in CASES {
            let expected: Vec<(FindingKind, String)> =
                expected.iter().map(|(k, e)| (*k, (*e).to_owned())).collect();
            assert_eq!(form(ar, en), expected, "{case}");
        }
    }
}
