//! A text as sentences: byte spans into the original, a normalized view, lengths and anchors, and
//! the index the aligner reads.

pub(crate) mod index;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::anchors::names::{NameAnchor, extract_names};
use crate::anchors::numbers::{NumberAnchor, extract_numbers};
pub use crate::lang::Lang;
use crate::text::furniture::is_furniture;
use crate::text::glued::split_glued;
use crate::text::normalize::{Normalized, is_blank, normalize};
use crate::text::segment::{SentenceSpan, split_sentences};
use index::{ChunkPostings, IndexLists, IndexWords, SideData};

/// A byte range `[start, end)` into an input text. Serialized as a two-element array.
///
/// ```
/// use qalign::document::Span;
/// let span = Span { start: 3, end: 7 };
/// assert_eq!(span.len(), 4);
/// assert_eq!(serde_json::to_string(&span).unwrap(), "[3,7]");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "(usize, usize)", into = "(usize, usize)")]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// The number of bytes in the span.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the span holds no bytes.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl From<(usize, usize)> for Span {
    fn from((start, end): (usize, usize)) -> Span {
        Span { start, end }
    }
}

impl From<Span> for (usize, usize) {
    fn from(span: Span) -> (usize, usize) {
        (span.start, span.end)
    }
}

/// How a text is cut into sentences.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Segmentation {
    /// Raw article text: sentences are found by the segmenter. This is the default.
    #[default]
    Raw,
    /// Pre-split text: one sentence per line, used as given. Blank lines hold no sentence, and a
    /// sentence's index is its line number.
    Lines,
}

/// Sentences one task prepares: a document no longer than this is prepared on the calling thread,
/// where handing it to another thread would cost about as much as preparing it.
const PREPARE_CHUNK_SENTENCES: usize = 64;

/// Sentences prepared at a time: the numbers and index keys each finds are gathered, and join the
/// document's lists while the next batch is prepared (two batches are held at once).
const PREPARE_BATCH_SENTENCES: usize = 1024;

/// One sentence of a [`Document`]: where it lies in the document's text and what the aligner reads
/// of it. Its normalized text is not kept, which would take about as much memory as the text
/// itself: [`Document::normalized`] makes it again.
#[derive(Clone, Debug)]
pub struct Sentence {
    id: usize,
    span: Span,
    paragraph: usize,
    /// The length of the normalized text in characters.
    chars: u32,
    /// Where the sentence's numbers lie in the document's list of numbers.
    numbers: std::ops::Range<u32>,
    furniture: bool,
}

impl Sentence {
    /// The sentence's index: its ordinal among the document's sentences for raw text, its 0-based
    /// line number for pre-split text.
    pub fn id(&self) -> usize {
        self.id
    }

    /// The sentence's bytes in the document's text.
    pub fn span(&self) -> Span {
        self.span
    }

    /// The 0-based paragraph the sentence belongs to.
    pub fn paragraph(&self) -> usize {
        self.paragraph
    }

    /// The length of the normalized text in characters: the length model's unit.
    pub fn chars(&self) -> usize {
        self.chars as usize
    }

    /// Whether the sentence is page furniture: a line of a web page that is not article text, such as
    /// a picture caption or credit, a "follow us" or "read more" prompt, a dateline or a byline. The
    /// aligner leaves such lines unpaired cheaply, and an unpaired one is a minor finding.
    ///
    /// ```
    /// use qalign::document::{Document, Lang, Segmentation};
    ///
    /// let doc = Document::new("Image copyright Getty Images\nThe minister resigned.", Lang::English, Segmentation::Lines);
    /// let furniture: Vec<bool> = doc.sentences().iter().map(|s| s.is_furniture()).collect();
    /// assert_eq!(furniture, [true, false]);
    /// ```
    pub fn is_furniture(&self) -> bool {
        self.furniture
    }
}

/// A sentence as the matchers read it: its record, its normalized text (made again from the
/// document's text, see [`Document::normalized_sentences`]) and its numbers.
#[derive(Clone, Debug)]
pub(crate) struct NormalizedSentence {
    sentence: Sentence,
    normalized: Normalized,
    numbers: Vec<NumberAnchor>,
    /// The language, which the name anchors are read in: they are not kept (48 bytes each, and an
    /// Arabic sentence has one for nearly every word), but read again from the normalized text
    /// when they are needed ([`NormalizedSentence::names`]).
    lang: Lang,
}

impl NormalizedSentence {
    /// See [`Sentence::id`].
    pub(crate) fn id(&self) -> usize {
        self.sentence.id
    }

    /// See [`Sentence::span`].
    pub(crate) fn span(&self) -> Span {
        self.sentence.span
    }

    /// The normalized text used for matching (see the crate docs on normalization).
    pub(crate) fn normalized(&self) -> &str {
        &self.normalized.text
    }

    /// See [`Sentence::chars`].
    pub(crate) fn chars(&self) -> usize {
        self.sentence.chars()
    }

    pub(crate) fn numbers(&self) -> &[NumberAnchor] {
        &self.numbers
    }

    /// The sentence's name anchors, read from its normalized text.
    pub(crate) fn names(&self) -> Vec<NameAnchor> {
        extract_names(&self.normalized.text, self.lang)
    }

    /// See [`Sentence::is_furniture`].
    pub(crate) fn is_furniture(&self) -> bool {
        self.sentence.furniture
    }

    /// Maps a byte range of the normalized text to the sentence's bytes in the document's text.
    pub(crate) fn original_span(&self, range: std::ops::Range<usize>) -> Span {
        let start = self.sentence.span.start;
        Span {
            start: start + self.normalized.offset(range.start),
            end: start + self.normalized.offset(range.end),
        }
    }
}

/// A text cut into sentences, each normalized once to read its length and numbers (and, for the
/// aligner, its index keys); the normalized text is made again when a matcher reads it
/// ([`Document::normalized`]), so that a long document keeps little more than its text.
///
/// ```
/// use qalign::document::{Document, Lang, Segmentation};
///
/// let doc = Document::new("Title\n\nHe paid $2 billion. It rose 60%.", Lang::English, Segmentation::Raw);
/// let texts: Vec<&str> = doc.sentences().iter().map(|s| doc.sentence_text(s)).collect();
/// assert_eq!(texts, ["Title", "He paid $2 billion.", "It rose 60%."]);
///
/// let lines = Document::new("first\n\nthird\n", Lang::English, Segmentation::Lines);
/// let ids: Vec<usize> = lines.sentences().iter().map(|s| s.id()).collect();
/// assert_eq!(ids, [0, 2]);
/// ```
#[derive(Clone, Debug)]
pub struct Document {
    text: String,
    lang: Lang,
    segmentation: Segmentation,
    sentences: Vec<Sentence>,
    /// The numbers of every sentence in turn.
    numbers: Vec<NumberAnchor>,
    /// What the aligner reads of the sentences (lengths, anchor counts, inverted anchor indexes),
    /// built when first read, once, so that a document aligned with several others is indexed once
    /// and a pair that is only scored is not indexed at all.
    index: std::sync::OnceLock<SideData>,
}

impl Document {
    /// Cuts `text` into sentences and prepares each one for alignment.
    pub fn new(text: &str, lang: Lang, segmentation: Segmentation) -> Document {
        let spans = segment(text, lang, segmentation);
        Document::from_spans(text.to_owned(), lang, segmentation, spans, None)
    }

    /// [`Document::new`] on a text the document takes over, with the aligner's index built in the
    /// same pass as the sentences are prepared (see [`Document::with_limit`]).
    pub(crate) fn indexed(
        text: String,
        lang: Lang,
        segmentation: Segmentation,
        index: IndexWords,
    ) -> Document {
        let spans = segment(&text, lang, segmentation);
        Document::from_spans(text, lang, segmentation, spans, Some(index))
    }

    /// Like [`Document::new`], but fails before any sentence is prepared when one is longer than
    /// `max_sentence_bytes`, returning that sentence's id and size. The document keeps `text`, with
    /// no copy of it. With `index`, the aligner's index of the document is built in the same pass,
    /// from each sentence's normalized text as it is prepared.
    pub(crate) fn with_limit(
        text: String,
        lang: Lang,
        segmentation: Segmentation,
        max_sentence_bytes: usize,
        index: Option<IndexWords>,
    ) -> std::result::Result<Document, (usize, usize)> {
        let spans = segment(&text, lang, segmentation);
        if let Some((ordinal, s)) =
            spans.iter().enumerate().find(|(_, s)| s.end - s.start > max_sentence_bytes)
        {
            return Err((sentence_id(segmentation, ordinal, s), s.end - s.start));
        }
        Ok(Document::from_spans(text, lang, segmentation, spans, index))
    }

    /// The same document with its sentences also cut at the byte offsets `cuts` (in increasing
    /// order; offsets outside a sentence's inside are ignored). Each piece keeps its sentence's
    /// paragraph and loses its surrounding blanks; the pieces are prepared, the other sentences kept
    /// as they are (renumbered: raw text only, where a sentence's id is its ordinal).
    pub(crate) fn with_cuts(self, cuts: &[usize]) -> Document {
        let Document { text, lang, segmentation, sentences: old, numbers: old_numbers, .. } = self;
        let sentences = Vec::with_capacity(old.len() + cuts.len());
        let index = std::sync::OnceLock::new();
        let mut doc = Document { text, lang, segmentation, sentences, numbers: Vec::new(), index };
        let mut next = cuts.iter().copied().peekable();
        for s in old {
            let (mut start, end, paragraph) = (s.span.start, s.span.end, s.paragraph);
            let mut pieces = Vec::new();
            while let Some(cut) = next.next_if(|&cut| cut < end) {
                if cut > start {
                    push_piece(&doc.text, start, cut, paragraph, &mut pieces);
                    start = cut;
                }
            }
            if pieces.is_empty() {
                let numbers = &old_numbers[s.numbers.start as usize..s.numbers.end as usize];
                let id = doc.sentences.len();
                doc.push(Sentence { id, ..s }, numbers.to_vec());
            } else {
                push_piece(&doc.text, start, end, paragraph, &mut pieces);
                for piece in pieces {
                    let s = prepare(&doc.text, doc.lang, doc.sentences.len(), piece);
                    doc.push(s.sentence, s.numbers);
                }
            }
        }
        doc.numbers.shrink_to_fit();
        doc
    }

    /// Prepares the sentences at `spans`, and with `index` builds the aligner's index of them in the
    /// same pass. Sentences are prepared independently, in parallel, a batch at a time, and their
    /// records, numbers and index keys join the document's lists in order.
    fn from_spans(
        text: String,
        lang: Lang,
        segmentation: Segmentation,
        spans: Vec<SentenceSpan>,
        index: Option<IndexWords>,
    ) -> Document {
        // The text joins the document once its sentences are read from it.
        let mut doc = Document {
            text: String::new(),
            lang,
            segmentation,
            sentences: Vec::with_capacity(spans.len()),
            numbers: Vec::new(),
            index: std::sync::OnceLock::new(),
        };
        let mut lists = index.map(|words| IndexLists::new((words.most)(spans.len())));
        let id = |ordinal: usize, s: &SentenceSpan| sentence_id(segmentation, ordinal, s);
        // One task's sentences, from sentence `first` on: each normalized once, for its record and
        // numbers and, while its normalized text is at hand, its index keys.
        let read = |first: usize, chunk: &[SentenceSpan]| {
            let mut read = PreparedChunk::default();
            let mut entries = Vec::new();
            for (k, span) in (first..).zip(chunk) {
                let s = prepare(&text, lang, id(k, span), *span);
                if let Some(words) = index {
                    let postings = (&mut read.postings.0, &mut read.postings.1);
                    index::sentence_postings(&s, k as u32, words, &mut entries, postings);
                }
                read.sentences.push((s.sentence, s.numbers));
            }
            read
        };
        // A batch's records and keys join the document's lists while the next batch is prepared.
        let mut absorb = |prepared: Vec<PreparedChunk>| {
            for chunk in prepared {
                for (sentence, numbers) in chunk.sentences {
                    doc.push(sentence, numbers);
                }
                if let Some(lists) = &mut lists {
                    lists.extend(chunk.postings);
                }
            }
        };
        let mut pending = Vec::new();
        for (b, batch) in spans.chunks(PREPARE_BATCH_SENTENCES).enumerate() {
            let first = b * PREPARE_BATCH_SENTENCES;
            let prepare = || -> Vec<PreparedChunk> {
                if batch.len() <= PREPARE_CHUNK_SENTENCES {
                    vec![read(first, batch)]
                } else {
                    batch
                        .par_chunks(PREPARE_CHUNK_SENTENCES)
                        .enumerate()
                        .map(|(c, chunk)| read(first + c * PREPARE_CHUNK_SENTENCES, chunk))
                        .collect()
                }
            };
            pending = if pending.is_empty() {
                prepare()
            } else {
                let previous = std::mem::take(&mut pending);
                rayon::join(prepare, || absorb(previous)).0
            };
        }
        absorb(pending);
        doc.numbers.shrink_to_fit();
        doc.text = text;
        if let Some(lists) = lists {
            let side = SideData::with_postings(&doc, 0..doc.sentences.len(), lists.into_postings());
            doc.index = std::sync::OnceLock::from(side);
        }
        doc
    }

    /// Appends a sentence and its numbers.
    fn push(&mut self, mut sentence: Sentence, numbers: Vec<NumberAnchor>) {
        let start = u32::try_from(self.numbers.len()).unwrap_or(u32::MAX);
        let end = u32::try_from(self.numbers.len() + numbers.len()).unwrap_or(u32::MAX);
        sentence.numbers = start..end;
        self.numbers.extend(numbers);
        self.sentences.push(sentence);
    }

    /// The original text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The language the document was read as.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// How the text was cut into sentences.
    pub fn segmentation(&self) -> Segmentation {
        self.segmentation
    }

    /// The sentences, in document order.
    pub fn sentences(&self) -> &[Sentence] {
        &self.sentences
    }

    /// What the aligner reads of this document, built by `build` from the document on first use.
    pub(crate) fn index_or_init(&self, build: impl FnOnce(&Document) -> SideData) -> &SideData {
        self.index.get_or_init(|| build(self))
    }

    /// The original text of a sentence of this document.
    pub fn sentence_text(&self, sentence: &Sentence) -> &str {
        self.text.get(sentence.span.start..sentence.span.end).unwrap_or("")
    }

    /// The normalized text of a sentence of this document, made again from its text: what the
    /// matchers read (see the crate docs on normalization).
    ///
    /// ```
    /// use qalign::document::{Document, Lang, Segmentation};
    ///
    /// let doc = Document::new("بلغ العدد ٢٠١٤.", Lang::Arabic, Segmentation::Lines);
    /// assert_eq!(doc.normalized(&doc.sentences()[0]), "بلغ العدد 2014.");
    /// ```
    pub fn normalized(&self, sentence: &Sentence) -> String {
        normalize_sentence(self.sentence_text(sentence), self.lang).text
    }

    /// The numbers of a sentence of this document.
    pub(crate) fn numbers_of(&self, sentence: &Sentence) -> &[NumberAnchor] {
        let range = sentence.numbers.start as usize..sentence.numbers.end as usize;
        self.numbers.get(range).unwrap_or_default()
    }

    /// Sentence `k` with its normalized text, made again, and its numbers.
    pub(crate) fn normalized_sentence(&self, k: usize) -> NormalizedSentence {
        let sentence = &self.sentences[k];
        NormalizedSentence {
            sentence: sentence.clone(),
            normalized: normalize_sentence(self.sentence_text(sentence), self.lang),
            numbers: self.numbers_of(sentence).to_vec(),
            lang: self.lang,
        }
    }

    /// Sentences `range` with their normalized text, made again, and their numbers.
    pub(crate) fn normalized_sentences(&self, range: std::ops::Range<usize>) -> Vec<NormalizedSentence> {
        range.map(|k| self.normalized_sentence(k)).collect()
    }
}

/// The sentences of a pre-split text, each with its normalized text and numbers, without a
/// [`Document`]: a pair being scored, whose sentences are each read once.
pub(crate) fn normalized_lines(text: &str, lang: Lang) -> Vec<NormalizedSentence> {
    split_lines(text).into_iter().map(|s| prepare(text, lang, s.paragraph, s)).collect()
}

/// Appends `text[start..end]` without its surrounding blanks to `spans`, unless it is blank.
fn push_piece(text: &str, start: usize, end: usize, paragraph: usize, spans: &mut Vec<SentenceSpan>) {
    let piece = text.get(start..end).unwrap_or("");
    let trimmed = piece.trim_matches(is_blank);
    if !trimmed.is_empty() {
        let start = start + (piece.len() - piece.trim_start_matches(is_blank).len());
        spans.push(SentenceSpan { start, end: start + trimmed.len(), paragraph });
    }
}

/// The sentences of `text` as spans.
fn segment(text: &str, lang: Lang, segmentation: Segmentation) -> Vec<SentenceSpan> {
    match segmentation {
        Segmentation::Raw => split_sentences(text, lang),
        Segmentation::Lines => split_lines(text),
    }
}

/// A sentence's id: its line number for pre-split text, its ordinal otherwise.
fn sentence_id(segmentation: Segmentation, ordinal: usize, s: &SentenceSpan) -> usize {
    match segmentation {
        Segmentation::Lines => s.paragraph,
        _ => ordinal,
    }
}

/// The sentences of one task of [`Document::from_spans`], in order, each with its numbers, and
/// their index postings.
#[derive(Default)]
struct PreparedChunk {
    sentences: Vec<(Sentence, Vec<NumberAnchor>)>,
    postings: ChunkPostings,
}

/// Builds a sentence: normalizes its text to read its length and numbers, which a document keeps
/// apart (in one list), with the normalized text (which a document does not keep).
fn prepare(text: &str, lang: Lang, id: usize, s: SentenceSpan) -> NormalizedSentence {
    let original = text.get(s.start..s.end).unwrap_or("");
    let normalized = normalize_sentence(original, lang);
    let numbers = extract_numbers(&normalized.text, lang);
    let sentence = Sentence {
        id,
        span: Span { start: s.start, end: s.end },
        paragraph: s.paragraph,
        chars: u32::try_from(normalized.chars).unwrap_or(u32::MAX),
        numbers: 0..0,
        furniture: is_furniture(&normalized.text),
    };
    NormalizedSentence { sentence, normalized, numbers, lang }
}

/// The normalized view of a sentence's text: Arabic words the text ran together read apart
/// ([`split_glued`]).
fn normalize_sentence(original: &str, lang: Lang) -> Normalized {
    match lang {
        Lang::Arabic => split_glued(original, normalize(original)),
        _ => normalize(original),
    }
}

/// One sentence per line; `paragraph` carries the line number. Lines holding only blank characters
/// (whitespace, controls, invisible format characters) hold no sentence, and a sentence's span
/// leaves them out at both ends. `\n`, `\r\n` and a lone `\r` all end a line.
fn split_lines(text: &str) -> Vec<SentenceSpan> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut line_start = 0;
    let mut line_no = 0;
    loop {
        let rest = bytes.get(line_start..).unwrap_or_default();
        let end = memchr::memchr2(b'\n', b'\r', rest).map_or(bytes.len(), |k| line_start + k);
        let line = text.get(line_start..end).unwrap_or_default();
        let trimmed = line.trim_matches(is_blank);
        if !trimmed.is_empty() {
            let start = line_start + (line.len() - line.trim_start_matches(is_blank).len());
            out.push(SentenceSpan { start, end: start + trimmed.len(), paragraph: line_no });
        }
        if end == bytes.len() {
            return out;
        }
        let crlf = bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n');
        line_start = end + if crlf { 2 } else { 1 };
        line_no += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line_texts(text: &str) -> Vec<(usize, &str)> {
        split_lines(text).iter().map(|s| (s.paragraph, &text[s.start..s.end])).collect()
    }

    #[test]
    fn lines_keep_their_numbers() {
        assert_eq!(line_texts("a\nb\n\n c \n"), [(0, "a"), (1, "b"), (3, "c")]);
        assert_eq!(line_texts("a\r\nb\rc"), [(0, "a"), (1, "b"), (2, "c")]);
        assert_eq!(line_texts(""), []);
        assert_eq!(line_texts("\n\n"), []);
        assert_eq!(line_texts("\u{FEFF}a\0\r\n\u{200F}\r\n\0b"), [(0, "a"), (2, "b")]);
    }

    #[test]
    fn the_index_made_while_preparing_is_the_index_made_after() {
        use crate::align::dp::{index_words, side_data_of};
        let arabic = [
            "قال نائب رئيس الوزراء الروسي ديمتري روجوزين إن روسيا مستعدة لبيع طائرات للعراق.",
            "وزار الوفد بغداد، وضم نحو 100 مسؤول من الحكومة وقطاع الأعمال.",
            "لم يذكر الوزير روجوزين ثمن الطائرات، وقال إن العراق وروسيا شريكان.",
        ];
        let english = [
            "Russian Deputy Prime Minister Dmitry Rogozin said Russia was ready to sell planes to Iraq.",
            "The delegation visited Baghdad with about 100 officials from government and business.",
            "Minister Rogozin did not name a price, and said Iraq and Russia were partners.",
        ];
        // Past two batches of sentences, with numbers that differ from line to line.
        for (lang, lines) in [(Lang::Arabic, arabic), (Lang::English, english)] {
            let text: String =
                (0..2 * PREPARE_BATCH_SENTENCES + 37).map(|k| format!("{} {k}\n", lines[k % 3])).collect();
            let fused = Document::with_limit(
                text.clone(),
                lang,
                Segmentation::Lines,
                usize::MAX,
                Some(index_words(lang)),
            )
            .unwrap();
            let plain = Document::new(&text, lang, Segmentation::Lines);
            let after = side_data_of(&plain, 0..plain.sentences().len());
            assert_eq!(format!("{:?}", crate::align::dp::side_data(&fused)), format!("{after:?}"));
            assert_eq!(format!("{:?}", fused.sentences()), format!("{:?}", plain.sentences()));
            assert_eq!(format!("{:?}", fused.numbers), format!("{:?}", plain.numbers));
        }
    }

    #[test]
    fn original_span_maps_normalized_ranges() {
        let text = "x. قال ٢٠١٤ هنا";
        let doc = Document::new(text, Lang::Arabic, Segmentation::Lines);
        let s = doc.normalized_sentence(0);
        let at = s.normalized().find("2014").unwrap();
        let span = s.original_span(at..at + 4);
        assert_eq!(&text[span.start..span.end], "٢٠١٤");
    }
}
