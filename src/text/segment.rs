//! Sentence segmentation of raw article text, keeping byte offsets into the input.
//!
//! [`split_sentences`] works in two steps, each a single linear pass:
//!
//! 1. **Paragraphs.** The text is cut into lines (`\n`, `\r\n`, a lone `\r` and the Unicode line and
//!    paragraph separators all end a line). Normally every non-blank line is a paragraph. When the
//!    text separates paragraphs by blank lines *and* looks hard-wrapped (most lines that continue a
//!    block do not end in sentence punctuation), a paragraph is a block of consecutive non-blank
//!    lines and the newlines inside it are ordinary spaces. A paragraph boundary always ends a
//!    sentence, so titles and datelines without final punctuation stand alone.
//! 2. **Sentences.** Inside a paragraph a run of terminators (`.` `?` `!` `…` `؟`), together with the
//!    closing quotes and brackets right after it, ends a sentence when the next non-space character
//!    can open one: a capital, a digit, an opening quote or bracket, a currency sign, or a letter of a
//!    script without case (Arabic). English also needs whitespace after the terminators and checks
//!    the word before a lone `.` against the abbreviation table in `lang::abbreviations`
//!    (`Mr. Adams`, `the U.S. Navy`, `No. 10`, `J. K. Rowling`). Arabic also ends a sentence with no
//!    space after the terminators when an Arabic letter follows (`الأنواع...المعلومات`). Decimals
//!    (`2.5`, `٢.٥`) never split, because a digit after a `.` with no space is never a start. A single
//!    Arabic letter before a `.` is an abbreviation (`د. محمد`), and a piece with no letter or digit
//!    (a detached closing quote) is joined to the sentence before it. In Arabic, a closing quotation
//!    mark with no terminator before it also ends quoted speech (see `Quote::ends_sentence`).

use crate::lang::Lang;
use crate::lang::abbreviations::{self, AbbrevKind};
use crate::text::normalize::is_blank;
use crate::text::{is_letter, is_letter_or_digit};

/// A sentence found in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct SentenceSpan {
    /// Byte offset of the sentence's first character in the input.
    pub start: usize,
    /// Byte offset one past the sentence's last character in the input.
    pub end: usize,
    /// 0-based index of the paragraph the sentence belongs to.
    pub paragraph: usize,
}

/// Longest word, in bytes, looked up in the abbreviation table; longer words are never abbreviations.
const MAX_ABBREVIATION_BYTES: usize = 16;

/// Longest word, in bytes, compared against the sentence openers after an abbreviation.
const MAX_OPENER_BYTES: usize = 16;

/// Splits raw article text into sentences.
///
/// Contract: spans are in order, do not overlap, start and end on char boundaries, hold no leading or
/// trailing blank characters (whitespace, controls such as NUL, invisible format characters such as
/// bidi marks), and together hold every other character of `text`. Paragraph
/// indices start at 0 and never decrease. Runs in time linear in the length of `text`.
pub(crate) fn split_sentences(text: &str, lang: Lang) -> Vec<SentenceSpan> {
    let wrapped = is_hard_wrapped(text);
    let mut out = Vec::new();
    let mut paragraph = 0;
    // In wrapped mode: the byte range of the block of non-blank lines read so far.
    let mut block: Option<(usize, usize)> = None;
    for (start, end) in lines(text) {
        let blank = text[start..end].trim_matches(is_blank).is_empty();
        if !wrapped {
            if !blank {
                split_paragraph(text, start, end, lang, paragraph, &mut out);
                paragraph += 1;
            }
        } else if blank {
            if let Some((block_start, block_end)) = block.take() {
                split_paragraph(text, block_start, block_end, lang, paragraph, &mut out);
                paragraph += 1;
            }
        } else {
            block = Some((block.map_or(start, |(block_start, _)| block_start), end));
        }
    }
    if let Some((block_start, block_end)) = block {
        split_paragraph(text, block_start, block_end, lang, paragraph, &mut out);
    }
    out
}

/// Whether `c` ends a line: `\n`, `\r` (alone or before `\n`), vertical tab, form feed, next line,
/// and the Unicode line and paragraph separators.
fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// The lines of a text as byte ranges without their line break; see [`lines`].
struct Lines<'a> {
    /// The whole text.
    text: &'a str,
    /// Byte offset where the next line starts; `None` once the last line was returned.
    next: Option<usize>,
}

impl Iterator for Lines<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        let start = self.next?;
        let rest = self.text.get(start..).unwrap_or("");
        match rest.char_indices().find(|&(_, c)| is_line_break(c)) {
            Some((i, c)) => {
                let end = start + i;
                let mut after = end + c.len_utf8();
                if c == '\r' && self.text.as_bytes().get(after) == Some(&b'\n') {
                    after += 1;
                }
                self.next = Some(after);
                Some((start, end))
            }
            None => {
                self.next = None;
                Some((start, self.text.len()))
            }
        }
    }
}

/// Every line of `text` as a byte range `(start, end)` without the line break. `\r\n` is one break.
fn lines(text: &str) -> Lines<'_> {
    Lines { text, next: Some(0) }
}

/// Whether `text` looks hard-wrapped: paragraphs are separated by blank lines, and most lines that
/// are followed by another non-blank line of the same block do not end in sentence punctuation
/// (at least two such lines, so a lone title-and-dateline block does not count).
fn is_hard_wrapped(text: &str) -> bool {
    let mut seen_text = false;
    let mut pending_blank = false;
    let mut blank_separator = false;
    // Whether the previous line was non-blank, and if so whether it ended in sentence punctuation.
    let mut previous: Option<bool> = None;
    let mut open_lines = 0usize;
    let mut closed_lines = 0usize;
    for (start, end) in lines(text) {
        let line = text[start..end].trim_matches(is_blank);
        if line.is_empty() {
            pending_blank = seen_text;
            previous = None;
            continue;
        }
        blank_separator |= pending_blank;
        pending_blank = false;
        seen_text = true;
        match previous {
            Some(true) => closed_lines += 1,
            Some(false) => open_lines += 1,
            None => {}
        }
        previous = Some(ends_in_terminator(line));
    }
    blank_separator && open_lines >= 2 && open_lines > closed_lines
}

/// Whether `line` ends in sentence punctuation, possibly followed by closing quotes or brackets.
fn ends_in_terminator(line: &str) -> bool {
    line.trim_end_matches(is_closer).chars().next_back().is_some_and(is_terminator)
}

/// Whether `c` ends a sentence: full stop, question and exclamation marks (Latin and Arabic),
/// the ellipsis character and the Urdu full stop.
fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '?' | '!' | '…' | '؟' | '۔' | '‼' | '⁇' | '⁈' | '⁉')
}

/// Whether `c` may close a quotation or parenthesis right after a terminator (`."`, `.»`, `.”`,
/// `.)`). Opening curly quotes are accepted too: some texts use them as closing quotes.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '“' | '‘' | '»' | '›' | ')' | ']' | '}')
}

/// Whether `c` may open a quotation or parenthesis at the start of a sentence.
fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '‹' | '„' | '‚' | '(' | '[' | '{' | '¿' | '¡')
}

/// Whether `c` is a quotation mark that may open a quotation.
fn is_opening_quote(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '‹' | '„' | '‚')
}

/// Whether `c` is a letter of the Latin script (ASCII, Latin-1, Latin Extended-A/B and Additional).
fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic() || ('\u{C0}'..='\u{24F}').contains(&c) || ('\u{1E00}'..='\u{1EFF}').contains(&c)
}

/// Whether `c` is a letter of a script without case, such as Arabic.
fn is_uncased_letter(c: char) -> bool {
    is_letter(c) && !c.is_lowercase() && !c.is_uppercase()
}

/// Whether `c` can be the first non-space character of a sentence: a capital, a digit, an opening
/// quote or bracket, a currency sign, or any letter that is not a Latin lowercase letter.
pub(crate) fn starts_sentence(c: char) -> bool {
    (is_letter(c) && !(c.is_lowercase() && is_latin(c)))
        || c.is_numeric()
        || is_opener(c)
        || matches!(c, '$' | '£' | '€' | '¥')
}

/// The character starting at byte `i` of `s`, if any.
fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|rest| rest.chars().next())
}

/// The character ending at byte `i` of `s`, if any.
fn char_before(s: &str, i: usize) -> Option<char> {
    s.get(..i).and_then(|head| head.chars().next_back())
}

/// The byte offset of the first character at or after `i` in `s` that does not satisfy `pred`.
fn skip_while(s: &str, i: usize, pred: impl Fn(char) -> bool) -> usize {
    let rest = s.get(i..).unwrap_or("");
    i + rest.find(|c: char| !pred(c)).unwrap_or(rest.len())
}

/// A run of terminators found inside a paragraph, as byte offsets into the paragraph.
#[derive(Clone, Copy, Debug)]
struct Terminator {
    /// Start of the whitespace-delimited word the run belongs to.
    word_start: usize,
    /// Start of the run of terminators.
    run_start: usize,
    /// End of the run of terminators.
    run_end: usize,
    /// End of the closing quotes and brackets after the run (`run_end` if there are none).
    close_end: usize,
}

/// Splits the paragraph `text[start..end]` into sentences and appends them to `out`.
fn split_paragraph(
    text: &str,
    start: usize,
    end: usize,
    lang: Lang,
    paragraph: usize,
    out: &mut Vec<SentenceSpan>,
) {
    let para = &text[start..end];
    let mut sentence_start = 0;
    let mut word_start = 0;
    let mut pos = 0;
    // Where the quotation still open in this paragraph was opened (Arabic only).
    let mut open_quote: Option<usize> = None;
    while let Some(c) = char_at(para, pos) {
        if is_blank(c) {
            pos += c.len_utf8();
            word_start = pos;
            continue;
        }
        if is_quotation_mark(c) && lang == Lang::Arabic {
            // A quotation mark with a word character right after it opens a quotation; one with a
            // word character before it and a space or the end after it closes one.
            let after = pos + c.len_utf8();
            match char_at(para, after) {
                Some(next) if !is_blank(next) => open_quote = Some(pos),
                _ if pos > word_start => {
                    let quote = Quote { sentence_start, opened: open_quote.take(), at: pos, after };
                    if quote.ends_sentence(para) {
                        push_trimmed(para, start, sentence_start, after, paragraph, out);
                        sentence_start = after;
                    }
                }
                _ => {}
            }
            pos = after;
            continue;
        }
        if !is_terminator(c) {
            pos += c.len_utf8();
            continue;
        }
        let run_end = skip_while(para, pos, is_terminator);
        let close_end = skip_while(para, run_end, is_closer);
        if para[run_end..close_end].contains(is_quotation_mark) {
            // Closed after its terminators (`."`): no quotation is open any more.
            open_quote = None;
        }
        let run = Terminator { word_start, run_start: pos, run_end, close_end };
        if ends_sentence(para, run, lang) {
            push_trimmed(para, start, sentence_start, close_end, paragraph, out);
            sentence_start = close_end;
        }
        pos = close_end;
    }
    push_trimmed(para, start, sentence_start, para.len(), paragraph, out);
}

/// Whether `c` is a double quotation mark (straight, curly or angle); whether it opens or closes a
/// quotation is read from the spaces around it.
fn is_quotation_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '«' | '»' | '„')
}

/// Fewest words a quotation holds for its closing quotation mark to end an Arabic sentence without
/// punctuation.
const MIN_QUOTED_WORDS: usize = 4;

/// A closing quotation mark inside an Arabic paragraph, as byte offsets into the paragraph.
#[derive(Clone, Copy, Debug)]
struct Quote {
    /// Start of the sentence the mark is in.
    sentence_start: usize,
    /// Where the quotation it closes was opened, if the paragraph opened one.
    opened: Option<usize>,
    /// The mark itself, `at..after`.
    at: usize,
    after: usize,
}

impl Quote {
    /// Whether the mark ends a sentence that has no terminator: Arabic translations often close
    /// quoted speech without a full stop (`وقال: "... جيدا للغاية" وأردف`). It does when a space and
    /// an Arabic letter or a quotation mark follow, no comma or colon comes right before it, and the
    /// quotation it closes is quoted speech: opened in an earlier sentence of the paragraph, or at
    /// the start of this one or after a colon, with at least [`MIN_QUOTED_WORDS`] words. A quotation
    /// inside a sentence (`بأنه "فيل في الغرفة" أي`) or a stray mark goes on.
    fn ends_sentence(self, para: &str) -> bool {
        let Some(opened) = self.opened else {
            return false;
        };
        let next = char_at(para, skip_while(para, self.after, is_blank));
        if !next.is_some_and(|c| is_uncased_letter(c) || is_quotation_mark(c))
            || char_before(para, self.at).is_some_and(|c| matches!(c, '،' | ',' | '؛' | ';' | ':'))
        {
            return false;
        }
        if opened < self.sentence_start {
            return true;
        }
        let before = para[self.sentence_start..opened].trim_end_matches(is_blank);
        let words = para[opened..self.at].split(is_blank).filter(|w| !w.is_empty()).count();
        (before.is_empty() || before.ends_with(':')) && words >= MIN_QUOTED_WORDS
    }
}

/// Appends `para[from..to]`, without its surrounding whitespace, to `out` unless it is blank.
/// `offset` is the byte offset of `para` in the whole text. A piece with no letter or digit (a
/// detached closing quote, as in `the Iraqis. "`) is joined to the previous sentence of the same
/// paragraph instead.
fn push_trimmed(
    para: &str,
    offset: usize,
    from: usize,
    to: usize,
    paragraph: usize,
    out: &mut Vec<SentenceSpan>,
) {
    let piece = &para[from..to];
    let trimmed = piece.trim_matches(is_blank);
    if trimmed.is_empty() {
        return;
    }
    let start = offset + from + (piece.len() - piece.trim_start_matches(is_blank).len());
    let end = start + trimmed.len();
    if !trimmed.chars().any(is_letter_or_digit)
        && let Some(previous) = out.last_mut()
        && previous.paragraph == paragraph
    {
        previous.end = end;
        return;
    }
    out.push(SentenceSpan { start, end, paragraph });
}

/// Whether the terminator run `run` in `para` ends a sentence.
fn ends_sentence(para: &str, run: Terminator, lang: Lang) -> bool {
    let Some(after) = char_at(para, run.close_end) else {
        return true;
    };
    if !is_blank(after) {
        // No space after the run: only Arabic ends here, and only before an Arabic letter
        // (`الأنواع...المعلومات`); Latin words, digits and URLs go on.
        return lang == Lang::Arabic
            && is_uncased_letter(after)
            && abbreviation(para, run) != Some(AbbrevKind::Prefix);
    }
    let next_start = skip_while(para, run.close_end, is_blank);
    let Some(next) = char_at(para, next_start) else {
        return true;
    };
    if !starts_sentence(next) {
        return false;
    }
    match abbreviation(para, run) {
        None => true,
        Some(AbbrevKind::Prefix) => false,
        Some(AbbrevKind::BeforeDigit) => !next.is_numeric(),
        Some(AbbrevKind::Suffix) => {
            is_opening_quote(next) || abbreviations::is_sentence_opener(opener_word(para, next_start))
        }
    }
}

/// The kind of abbreviation the word before `run` is, if `run` is a lone full stop after one:
/// an entry of the abbreviation table, a single Arabic letter (`د.` for "doctor", a Prefix), a
/// single capital initial (`J.`) or a dotted acronym (`N.F.L.`), both Suffix.
fn abbreviation(para: &str, run: Terminator) -> Option<AbbrevKind> {
    if run.run_end != run.run_start + 1 || !para[run.run_start..].starts_with('.') {
        return None;
    }
    // A single Arabic letter before the full stop, with no letter before it.
    let last = char_before(para, run.run_start)?;
    let before_last = char_before(para, run.run_start - last.len_utf8());
    if is_uncased_letter(last) && !before_last.is_some_and(is_letter) {
        return Some(AbbrevKind::Prefix);
    }
    if run.run_start - run.word_start > MAX_ABBREVIATION_BYTES {
        return None;
    }
    let word = para[run.word_start..run.run_end].trim_start_matches(is_opener);
    if let Some(kind) = abbreviations::lookup(word) {
        return Some(kind);
    }
    if is_dotted_initials(word) {
        return Some(AbbrevKind::Suffix);
    }
    None
}

/// Whether `word` is one or more capital letters each followed by a full stop (`J.`, `N.F.L.`), or
/// two or more letters of either case each followed by a full stop (`a.k.a.`).
fn is_dotted_initials(word: &str) -> bool {
    let bytes = word.as_bytes();
    if bytes.is_empty() || !bytes.len().is_multiple_of(2) {
        return false;
    }
    let pairs_ok = bytes.chunks(2).all(|pair| pair[0].is_ascii_alphabetic() && pair[1] == b'.');
    pairs_ok && (bytes.len() > 2 || bytes[0].is_ascii_uppercase())
}

/// The ASCII word starting at byte `start` of `para` (`The` in `The end`, `I` in `I'm`), or `""` if
/// it is longer than [`MAX_OPENER_BYTES`].
fn opener_word(para: &str, start: usize) -> &str {
    let rest = para.get(start..).unwrap_or("");
    let len = rest.bytes().take(MAX_OPENER_BYTES + 1).take_while(u8::is_ascii_alphabetic).count();
    if len > MAX_OPENER_BYTES { "" } else { &rest[..len] }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The text of every sentence `split_sentences` finds in `text`.
    fn sentences(text: &str, lang: Lang) -> Vec<&str> {
        split_sentences(text, lang).iter().map(|s| &text[s.start..s.end]).collect()
    }

    /// Panics unless `spans` satisfies the contract of [`split_sentences`] for `text`.
    fn check_contract(text: &str, spans: &[SentenceSpan]) {
        let mut previous_end = 0;
        let mut previous_paragraph = 0;
        for span in spans {
            assert!(span.start < span.end, "empty span {span:?} in {text:?}");
            assert!(span.start >= previous_end, "overlap or disorder at {span:?} in {text:?}");
            assert!(span.paragraph >= previous_paragraph, "paragraph decreases at {span:?}");
            assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            let piece = &text[span.start..span.end];
            assert_eq!(piece, piece.trim_matches(is_blank), "untrimmed span {span:?} in {text:?}");
            assert!(
                text[previous_end..span.start].trim_matches(is_blank).is_empty(),
                "dropped text before {span:?} in {text:?}"
            );
            previous_end = span.end;
            previous_paragraph = span.paragraph;
        }
        assert!(
            text[previous_end..].trim_matches(is_blank).is_empty(),
            "dropped text at the end of {text:?}"
        );
    }

    /// Named cases: `(name, language, input, expected sentences)`.
    type Case = (&'static str, Lang, &'static str, &'static [&'static str]);

    const EN: Lang = Lang::English;
    const AR: Lang = Lang::Arabic;

    /// Basic behaviour of both languages.
    const CASES: &[Case] = &[
        ("empty", EN, "", &[]),
        ("only whitespace", AR, " \n\r\n\t ", &[]),
        ("only controls and bidi marks", AR, "\0\u{200F}\n\u{202B}\u{202C}\u{FEFF}", &[]),
        (
            "crlf ends a paragraph",
            EN,
            "Title\r\nIt rained. We left.\r\n",
            &["Title", "It rained.", "We left."],
        ),
        ("lone cr ends a paragraph", EN, "Title\rIt rained", &["Title", "It rained"]),
        ("nul is blank", EN, "\0It rained.\0 We\0left.\0", &["It rained.", "We\0left."]),
        ("bom at the start", AR, "\u{FEFF}قال الوزير.", &["قال الوزير."]),
        ("bidi mark after a full stop", EN, "It rained.\u{200F} We left.", &["It rained.", "We left."]),
        (
            "bidi embeddings around sentences",
            AR,
            "\u{202B}قال الوزير.\u{202C} \u{202B}وزار بغداد.\u{202C}",
            &["قال الوزير.", "وزار بغداد."],
        ),
        (
            "bidi mark glued between arabic sentences",
            AR,
            "قال الوزير.\u{200F}وزار بغداد.",
            &["قال الوزير.", "وزار بغداد."],
        ),
        ("line of bidi marks", AR, "قال.\n\u{200F}\u{200E}\nوزار.", &["قال.", "وزار."]),
        ("one sentence", EN, "It rained.", &["It rained."]),
        ("two sentences", EN, "It rained. We stayed in.", &["It rained.", "We stayed in."]),
        ("question and exclamation", EN, "Why? Because! Fine.", &["Why?", "Because!", "Fine."]),
        ("no final punctuation", EN, "It rained", &["It rained"]),
        ("lowercase after full stop", EN, "It rained. and then", &["It rained. and then"]),
        ("full stop glued to a word", EN, "end.Next one.", &["end.Next one."]),
        ("digit starts a sentence", EN, "It rained. 2016 was wet.", &["It rained.", "2016 was wet."]),
        ("decimal", EN, "Growth was 2.5 percent. It fell.", &["Growth was 2.5 percent.", "It fell."]),
        (
            "percent and time",
            EN,
            "Up 3.14% at 10:15 GMT. Then down.",
            &["Up 3.14% at 10:15 GMT.", "Then down."],
        ),
        ("title", EN, "Mr. Adams said so. Dr. Who agreed.", &["Mr. Adams said so.", "Dr. Who agreed."]),
        ("saint", EN, "The Bells of St. Martin's Fall Silent", &["The Bells of St. Martin's Fall Silent"]),
        ("initials", EN, "J. K. Rowling wrote it.", &["J. K. Rowling wrote it."]),
        (
            "initial before an opener",
            EN,
            "They met Malcolm X. He spoke.",
            &["They met Malcolm X.", "He spoke."],
        ),
        ("U.S. before a name", EN, "The U.S. Navy said so.", &["The U.S. Navy said so."]),
        (
            "U.S. at the end",
            EN,
            "He lives in the U.S. The rest do not.",
            &["He lives in the U.S.", "The rest do not."],
        ),
        ("U.N. and lowercase", EN, "At the U.N. there was talk.", &["At the U.N. there was talk."]),
        (
            "dotted acronym",
            EN,
            "He joined the N.F.L. The league grew.",
            &["He joined the N.F.L.", "The league grew."],
        ),
        ("e.g.", EN, "Fruit, e.g. Apples, is good.", &["Fruit, e.g. Apples, is good."]),
        (
            "etc. then capital",
            EN,
            "Pens, ink, etc. The shop closed.",
            &["Pens, ink, etc.", "The shop closed."],
        ),
        ("etc. then lowercase", EN, "Pens, ink, etc. and more.", &["Pens, ink, etc. and more."]),
        ("month", EN, "On Jan. 5 it snowed.", &["On Jan. 5 it snowed."]),
        ("May is a word", EN, "It was in May. June was dry.", &["It was in May.", "June was dry."]),
        ("number sign", EN, "He lives at No. 10 Downing Street.", &["He lives at No. 10 Downing Street."]),
        ("No. as a word", EN, "He said \"No.\" Then he left.", &["He said \"No.\"", "Then he left."]),
        (
            "a.m. before a day",
            EN,
            "At 9 a.m. Monday it began. It ended.",
            &["At 9 a.m. Monday it began.", "It ended."],
        ),
        (
            "p.m. at the end",
            EN,
            "It began at 3 p.m. The crowd cheered.",
            &["It began at 3 p.m.", "The crowd cheered."],
        ),
        ("company", EN, "Apple Inc. said so. Ltd. firms too.", &["Apple Inc. said so.", "Ltd. firms too."]),
        ("vs.", EN, "Chelsea vs. Liverpool ended 1-1.", &["Chelsea vs. Liverpool ended 1-1."]),
        ("quote after full stop", EN, "He said \"no.\" Then he left.", &["He said \"no.\"", "Then he left."]),
        ("curly quote", EN, "He said “no.” Then he left.", &["He said “no.”", "Then he left."]),
        ("quote opens next", EN, "He left. \"Why?\" she asked.", &["He left.", "\"Why?\" she asked."]),
        ("question inside quote", EN, "\"Why?\" he asked.", &["\"Why?\" he asked."]),
        ("bracket", EN, "It changed (again.) Then it stopped.", &["It changed (again.)", "Then it stopped."]),
        ("ellipsis then capital", EN, "I waited... Nobody came.", &["I waited...", "Nobody came."]),
        ("ellipsis then lowercase", EN, "I waited... and waited.", &["I waited... and waited."]),
        ("ellipsis character", EN, "I waited… Nobody came.", &["I waited…", "Nobody came."]),
        ("Arabic in English", EN, "It is called. بغداد is big.", &["It is called.", "بغداد is big."]),
        ("arabic two sentences", AR, "ذهب الولد. عاد الولد.", &["ذهب الولد.", "عاد الولد."]),
        ("arabic question", AR, "لماذا؟ لأنه تأخر.", &["لماذا؟", "لأنه تأخر."]),
        ("arabic latin question", AR, "لماذا? لأنه تأخر!", &["لماذا?", "لأنه تأخر!"]),
        ("arabic comma and semicolon", AR, "قال، ثم سكت؛ وبعد ذلك ذهب.", &["قال، ثم سكت؛ وبعد ذلك ذهب."]),
        ("arabic no space", AR, "انتهى.وبدأ غيره.", &["انتهى.", "وبدأ غيره."]),
        ("arabic ellipsis no space", AR, "الأنواع...المعلومات مهمة.", &["الأنواع...", "المعلومات مهمة."]),
        ("arabic decimal", AR, "نما بنسبة 2.5 في المئة.", &["نما بنسبة 2.5 في المئة."]),
        ("arabic-indic decimal", AR, "نما بنسبة ٢.٥ و٢٫٥ في المئة.", &["نما بنسبة ٢.٥ و٢٫٥ في المئة."]),
        ("arabic url", AR, "زوروا bbc.co.uk الآن.", &["زوروا bbc.co.uk الآن."]),
        ("arabic latin lowercase", AR, "لحرف u. وذكرت اللجنة.", &["لحرف u.", "وذكرت اللجنة."]),
        ("arabic doctor", AR, "قال د. محمد إنه بخير.", &["قال د. محمد إنه بخير."]),
        ("arabic quote", AR, "قال \"انتهى.\" ثم ذهب.", &["قال \"انتهى.\"", "ثم ذهب."]),
        ("arabic guillemet", AR, "قال «انتهى.» ثم ذهب.", &["قال «انتهى.»", "ثم ذهب."]),
        ("arabic curly quote", AR, "قال ”انتهى.” ثم ذهب.", &["قال ”انتهى.”", "ثم ذهب."]),
        ("arabic digit start", AR, "انتهى. 2016 كان عاما.", &["انتهى.", "2016 كان عاما."]),
    ];

    /// Paragraph layouts.
    const LAYOUT_CASES: &[Case] = &[
        ("line per paragraph", EN, "Title\nFirst. Second.\nThird", &["Title", "First.", "Second.", "Third"]),
        (
            "blank lines",
            EN,
            "Title\n\nPosted 12 February 2016-02:12 GMT\n\nIt began.",
            &["Title", "Posted 12 February 2016-02:12 GMT", "It began."],
        ),
        ("crlf", EN, "Title\r\nIt began.\r\n", &["Title", "It began."]),
        ("lone cr", EN, "Title\rIt began.", &["Title", "It began."]),
        ("paragraph separator", EN, "Title\u{2029}It began.", &["Title", "It began."]),
        ("lowercase next line", EN, "a title\nand a line", &["a title", "and a line"]),
        ("title and dateline block", EN, "Title\nDateline\n\nIt began.", &["Title", "Dateline", "It began."]),
        (
            "hard wrapped",
            EN,
            "Title\n\nThe minister said on Thursday that\nthe talks went well. Others were\nless sure of that.\n\nA second block\nthat is wrapped too.",
            &[
                "Title",
                "The minister said on Thursday that\nthe talks went well.",
                "Others were\nless sure of that.",
                "A second block\nthat is wrapped too.",
            ],
        ),
        (
            "not wrapped despite blank lines",
            EN,
            "One.\nTwo.\n\nThree.\nFour",
            &["One.", "Two.", "Three.", "Four"],
        ),
    ];

    /// Regressions found on real text.
    const REGRESSION_CASES: &[Case] = &[
        (
            "dateline is its own sentence",
            EN,
            "Russia boosts ties\n\nPosted 12 February 2016-02:12 GMT\n\nRussian Deputy Prime Minister",
            &["Russia boosts ties", "Posted 12 February 2016-02:12 GMT", "Russian Deputy Prime Minister"],
        ),
        (
            "No.1",
            EN,
            "China aims to be No.1 in AI innovation by 2030. Doubling funding helps.",
            &["China aims to be No.1 in AI innovation by 2030.", "Doubling funding helps."],
        ),
        (
            "Sens.",
            EN,
            "Pelley asked Republicans Sens. John Kennedy and Lindsey Graham.",
            &["Pelley asked Republicans Sens. John Kennedy and Lindsey Graham."],
        ),
        (
            "Face++",
            EN,
            "AI companies in China, Face++. In the 1980s",
            &["AI companies in China, Face++.", "In the 1980s"],
        ),
        (
            "acronym at the end",
            EN,
            "televised live on CNN. \"I'm standing",
            &["televised live on CNN.", "\"I'm standing"],
        ),
        (
            "bracket then full stop",
            EN,
            "(Member of the Welsh Parliament). It has arisen",
            &["(Member of the Welsh Parliament).", "It has arisen"],
        ),
        (
            "D.C. before lowercase",
            EN,
            "the Washington, D.C. newspaper. On Friday",
            &["the Washington, D.C. newspaper.", "On Friday"],
        ),
        ("U.S. Sen.", EN, "U.S. Sen. Elizabeth Warren spoke.", &["U.S. Sen. Elizabeth Warren spoke."]),
        ("detached closing quote", EN, "the hands of the Iraqis. \"", &["the hands of the Iraqis. \""]),
        ("punctuation only", EN, "... ?! \"", &["... ?! \""]),
        (
            "quoted speech closed without a full stop",
            AR,
            "وقال: \"كان ذلك شيئا جيدا للغاية\" وأردف أنه غادر.",
            &["وقال: \"كان ذلك شيئا جيدا للغاية\"", "وأردف أنه غادر."],
        ),
        (
            "speech opened in an earlier sentence",
            AR,
            "قالت: \"إنه رجل متواضع. كان فخورا بما فعل\" \"لكن الأمر صعب.\"",
            &["قالت: \"إنه رجل متواضع.", "كان فخورا بما فعل\"", "\"لكن الأمر صعب.\""],
        ),
        (
            "quotation closed after its full stop",
            AR,
            "قال: \"نحن هنا.\" ثم غادر المكان مسرعا جدا\" وأضاف.",
            &["قال: \"نحن هنا.\"", "ثم غادر المكان مسرعا جدا\" وأضاف."],
        ),
        (
            "short quotation inside a sentence",
            AR,
            "وصفه بأنه \"فيل في الغرفة\" أي حدث متجاهل.",
            &["وصفه بأنه \"فيل في الغرفة\" أي حدث متجاهل."],
        ),
        (
            "quotation closed by a comma",
            AR,
            "\"كنت أعاني من انهيار عصبي،\" تتذكر السيدة.",
            &["\"كنت أعاني من انهيار عصبي،\" تتذكر السيدة."],
        ),
        (
            "quotation mark between words opens",
            AR,
            "بدل كوليبالي بـ\"ريان كينت\" وكاد التبديل ينجح.",
            &["بدل كوليبالي بـ\"ريان كينت\" وكاد التبديل ينجح."],
        ),
        ("question then full stop", AR, "فسألته: لماذا؟. أخبرتني", &["فسألته: لماذا؟.", "أخبرتني"]),
        ("doubled closing quotes", AR, "السبعة.\"“ لأنها تأخرت", &["السبعة.\"“", "لأنها تأخرت"]),
        (
            "seed ellipsis",
            AR,
            "وقال للصحفيين \" نحتاج إلى دعم من مختلف الأنواع...المعلومات الاستخبارية تلعب دورا مهما.\"",
            &["وقال للصحفيين \" نحتاج إلى دعم من مختلف الأنواع...", "المعلومات الاستخبارية تلعب دورا مهما.\""],
        ),
    ];

    /// Runs every case of `cases`, also checking the contract.
    fn run_cases(cases: &[Case]) {
        for &(name, lang, input, expected) in cases {
            check_contract(input, &split_sentences(input, lang));
            assert_eq!(sentences(input, lang), expected, "case {name:?}");
        }
    }

    #[test]
    fn basic_cases() {
        run_cases(CASES);
    }

    #[test]
    fn layout_cases() {
        run_cases(LAYOUT_CASES);
    }

    #[test]
    fn regression_cases() {
        run_cases(REGRESSION_CASES);
    }

    #[test]
    fn paragraph_indices() {
        let text = "Title\n\nOne. Two.\n\nThree.";
        let paragraphs: Vec<usize> = split_sentences(text, EN).iter().map(|s| s.paragraph).collect();
        assert_eq!(paragraphs, [0, 1, 1, 2]);
    }

    /// Reads a file of the crate, relative to its root.
    fn read(path: &str) -> String {
        let full = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("cannot read {full}: {e}"))
    }

    #[test]
    fn seed_articles() {
        let en = read("examples/data/000_47fec3c5d65e0f7a.txt");
        let spans = split_sentences(&en, EN);
        check_contract(&en, &spans);
        let texts = sentences(&en, EN);
        assert_eq!(texts[0], "Russia boosts ties with Iraq in defiance of American influence");
        assert_eq!(texts[1], "Posted 12 February 2016-02:12 GMT");
        assert_eq!(spans[1].paragraph, 1);

        let ar = read("examples/data/003_02c1adf0d7f5733e.txt");
        let spans = split_sentences(&ar, AR);
        check_contract(&ar, &spans);
        let texts = sentences(&ar, AR);
        assert_eq!(texts[0], "روسيا تعزز العلاقات مع العراق في تحد للنفوذ الأمريكي");
        assert!(texts.iter().any(|s| s.ends_with("من مختلف الأنواع...")));
        let paragraphs = ar.lines().filter(|l| !l.trim().is_empty()).count();
        assert_eq!(spans.last().map(|s| s.paragraph + 1), Some(paragraphs));
    }

    /// `text` with every paragraph (non-blank line) greedily wrapped at `width` bytes and paragraphs
    /// separated by blank lines.
    fn hard_wrap(text: &str, width: usize) -> String {
        let mut out = String::new();
        for paragraph in text.lines().filter(|l| !l.trim().is_empty()) {
            let mut line_len = 0;
            for word in paragraph.split_whitespace() {
                if line_len > 0 && line_len + 1 + word.len() > width {
                    out.push('\n');
                    line_len = 0;
                } else if line_len > 0 {
                    out.push(' ');
                    line_len += 1;
                }
                out.push_str(word);
                line_len += word.len();
            }
            out.push_str("\n\n");
        }
        out
    }

    #[test]
    fn hard_wrapped_seeds_split_like_unwrapped() {
        for (path, lang) in
            [("examples/data/000_47fec3c5d65e0f7a.txt", EN), ("examples/data/003_02c1adf0d7f5733e.txt", AR)]
        {
            let plain = read(path);
            let wrapped = hard_wrap(&plain, 72);
            assert!(is_hard_wrapped(&wrapped) && !is_hard_wrapped(&plain), "{path}");
            let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
            let expected: Vec<String> = sentences(&plain, lang).into_iter().map(words).collect();
            let spans = split_sentences(&wrapped, lang);
            check_contract(&wrapped, &spans);
            let found: Vec<String> = spans.iter().map(|s| words(&wrapped[s.start..s.end])).collect();
            assert_eq!(found, expected, "{path}");
        }
    }

    /// Boundary recall and precision of one side against reference spans: the boundaries are the
    /// ends of every sentence but the last. Returns `(matched, reference, found)`.
    fn boundary_counts(reference: &[(usize, usize)], found: &[SentenceSpan]) -> (usize, usize, usize) {
        let reference: std::collections::BTreeSet<usize> =
            reference.iter().rev().skip(1).map(|&(_, end)| end).collect();
        let found: std::collections::BTreeSet<usize> = found.iter().rev().skip(1).map(|s| s.end).collect();
        (reference.intersection(&found).count(), reference.len(), found.len())
    }

    /// The reference spans of side `side` in a gold file.
    fn gold_spans(gold: &serde_json::Value, side: &str) -> Vec<(usize, usize)> {
        let spans = gold[side].as_array().unwrap_or_else(|| panic!("no {side} spans"));
        spans
            .iter()
            .map(|pair| {
                let start = pair[0].as_u64().unwrap_or_default() as usize;
                let end = pair[1].as_u64().unwrap_or_default() as usize;
                (start, end)
            })
            .collect()
    }

    /// Prints the reference boundaries missed and the extra boundaries found, with some context.
    fn print_differences(name: &str, text: &str, reference: &[(usize, usize)], found: &[SentenceSpan]) {
        let reference: std::collections::BTreeSet<usize> = reference.iter().map(|&(_, end)| end).collect();
        let found: std::collections::BTreeSet<usize> = found.iter().map(|s| s.end).collect();
        let context = |at: usize| {
            let before: String =
                text[..at].chars().rev().take(30).collect::<Vec<_>>().into_iter().rev().collect();
            let after: String = text[at..].chars().take(30).collect();
            format!("{before:?} | {after:?}")
        };
        for &at in reference.difference(&found) {
            println!("{name} missed {}", context(at));
        }
        for &at in found.difference(&reference) {
            println!("{name} extra  {}", context(at));
        }
    }

    #[test]
    fn ntrex_dev_boundaries() {
        let Some(dev) = crate::test_data::dataset("ntrex-dev") else { return };
        let dir = dev.join("raw");
        let read = |name: String| {
            let path = dir.join(name);
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
        };
        let mut names: Vec<String> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
            .filter_map(|entry| entry.ok())
            .filter_map(|entry| entry.file_name().to_str()?.strip_suffix(".gold.json").map(String::from))
            .collect();
        names.sort();
        assert!(!names.is_empty());
        for (side, lang) in [("ar", AR), ("en", EN)] {
            let (mut matched, mut reference, mut found) = (0, 0, 0);
            for name in &names {
                let gold: serde_json::Value = serde_json::from_str(&read(format!("{name}.gold.json")))
                    .unwrap_or_else(|e| panic!("bad gold for {name}: {e}"));
                let text = read(format!("{name}.{side}.txt"));
                let spans = split_sentences(&text, lang);
                check_contract(&text, &spans);
                let (m, r, f) = boundary_counts(&gold_spans(&gold, side), &spans);
                if std::env::var_os("SEGMENT_DEBUG").is_some() {
                    print_differences(name, &text, &gold_spans(&gold, side), &spans);
                }
                matched += m;
                reference += r;
                found += f;
            }
            let recall = matched as f64 / reference as f64;
            let precision = matched as f64 / found as f64;
            println!(
                "ntrex-dev {side}: {} items, recall {recall:.4} ({matched}/{reference}), precision {precision:.4} ({matched}/{found})",
                names.len()
            );
            assert!(recall >= 0.97, "{side} boundary recall {recall:.4} below 0.97");
        }
    }

    /// Odd inputs that must not break the contract.
    const ODD_INPUTS: &[&str] = &[
        "",
        ".",
        "...",
        "…",
        "?!",
        ". . . .",
        "\"",
        "\".\"",
        "\u{0}\u{1}\u{7f}",
        "\r",
        "\r\n\r\n",
        "\n\n\n",
        "a\rb\r\nc\nd",
        "\u{200f}\u{200e}\u{feff}",
        "😀. 😀! 😀",
        "é. É. ß. İ.",
        "Mr.",
        "U.S.",
        "د.",
        ".د",
        "..ب..",
        "٢.٥.",
        "\u{2028}\u{2029}\u{85}\u{b}\u{c}",
        "A.\u{a0}B.",
        "\t. \t",
        "(((((.)))))",
        "\"“”’»",
        "x.\"\"\"\"\"\"",
        "The end.\n\n\n   \n",
    ];

    #[test]
    fn odd_inputs_keep_the_contract() {
        for input in ODD_INPUTS {
            for lang in [EN, AR] {
                check_contract(input, &split_sentences(input, lang));
            }
        }
    }

    #[test]
    fn long_inputs_are_linear() {
        // Quadratic behaviour on any of these would take minutes, not milliseconds.
        let n = 200_000;
        let inputs = [
            "a.".repeat(n),
            ". ".repeat(n),
            ".".repeat(2 * n),
            "U.S.".repeat(n / 2),
            " ".repeat(2 * n) + "x. Y",
            "a".repeat(2 * n) + ". B",
            "ب.".repeat(n),
            "x\n\n".repeat(n),
            "word word\n".repeat(n / 4) + "\n" + &"word word\n".repeat(n / 4),
        ];
        for input in &inputs {
            for lang in [EN, AR] {
                check_contract(input, &split_sentences(input, lang));
            }
        }
    }

    /// Pieces the property test glues together.
    const PIECES: &[&str] = &[
        " ",
        "  ",
        "\n",
        "\n\n",
        "\r\n",
        "\r",
        "\t",
        "\u{a0}",
        ".",
        "...",
        "…",
        "?",
        "!",
        "؟",
        "،",
        "\"",
        "'",
        "“",
        "”",
        "«",
        "»",
        "(",
        ")",
        "a",
        "A",
        "The",
        "word",
        "1",
        "2.5",
        "Mr.",
        "U.S.",
        "e.g.",
        "No.",
        "J.",
        "ب",
        "د.",
        "الكلمة",
        "٢",
        "\u{0}",
        "\u{200f}",
        "é",
        "😀",
        "\u{2029}",
    ];

    proptest! {
        #[test]
        fn glued_pieces_keep_the_contract(indices in proptest::collection::vec(0..PIECES.len(), 0..60)) {
            let text: String = indices.iter().map(|&i| PIECES[i]).collect();
            for lang in [EN, AR] {
                check_contract(&text, &split_sentences(&text, lang));
            }
        }

        #[test]
        fn any_string_keeps_the_contract(text in any::<String>()) {
            for lang in [EN, AR] {
                check_contract(&text, &split_sentences(&text, lang));
            }
        }
    }
}
