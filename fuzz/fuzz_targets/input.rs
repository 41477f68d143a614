//! Decoding any bytes, blanking HTML and checking scripts: nothing panics, strict decoding agrees
//! with lossy decoding when it succeeds on Unicode (and reads an Arabic code page only in bytes
//! that are not UTF-8), and HTML blanking moves no byte.
#![no_main]

use libfuzzer_sys::fuzz_target;
use qalign::error::Side;
use qalign::input::{Encoding, check_pair, decode, decode_lossy, strip_html};

fuzz_target!(|data: &[u8]| {
    let lossy = decode_lossy(data);
    if let Ok(strict) = decode(data, Side::Source) {
        if matches!(strict.encoding, Encoding::Windows1256 | Encoding::Iso8859_6) {
            // Read in an Arabic code page: the bytes are not UTF-8.
            assert!(lossy.replaced > 0);
        } else {
            assert_eq!(strict.text, lossy.text);
            assert_eq!(lossy.replaced, 0);
        }
    }
    let stripped = strip_html(&lossy.text);
    assert_eq!(stripped.len(), lossy.text.len());
    // Markup becomes ASCII blanks; every other character stays where it was.
    for (i, c) in stripped.char_indices() {
        assert!(c.is_ascii() || lossy.text.is_char_boundary(i));
    }
    let mut mid = stripped.len() / 2;
    while !stripped.is_char_boundary(mid) {
        mid -= 1;
    }
    let (ar, en) = stripped.split_at(mid);
    let _ = check_pair(ar, en);
});
