//! Raw-text segmentation (with normalization and anchor extraction) of any text, in both languages:
//! sentence spans are ordered, non-empty, on char boundaries, and only blank text lies between them.
#![no_main]

use libfuzzer_sys::fuzz_target;
use qalign::document::{Document, Lang, Segmentation};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for lang in [Lang::Arabic, Lang::English] {
        let doc = Document::new(&text, lang, Segmentation::Raw);
        let mut end = 0;
        for (k, s) in doc.sentences().iter().enumerate() {
            let span = s.span();
            assert_eq!(s.id(), k);
            assert!(end <= span.start && span.start < span.end && span.end <= text.len());
            assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            assert!(!text[end..span.start].chars().any(char::is_alphanumeric));
            end = span.end;
        }
        assert!(!text[end..].chars().any(char::is_alphanumeric));
    }
});
