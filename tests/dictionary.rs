//! The dictionary loader on the real FreeDict dictionaries, read where Debian's
//! `dict-freedict-ara-eng` and `dict-freedict-eng-ara` install them. They are under the GPL and are
//! never copied into the repository; where they are not installed, the tests say so and pass.

use std::path::Path;
use std::sync::LazyLock;

use qalign::dictionary::Dictionary;

mod common;

/// Where Debian installs dictd dictionaries.
const DICTD: &str = "/usr/share/dictd";

/// The Arabic–English dictionary, the English–Arabic one, and the two merged; `None` when they are
/// not installed.
static FREEDICT: LazyLock<Option<(Dictionary, Dictionary, Dictionary)>> = LazyLock::new(|| {
    let index = |name: &str| Path::new(DICTD).join(format!("{name}.index"));
    let (ara_eng, eng_ara) = (index("freedict-ara-eng"), index("freedict-eng-ara"));
    if !ara_eng.exists() || !eng_ara.exists() {
        eprintln!(
            "FreeDict dictionaries not installed (apt-get install dict-freedict-ara-eng dict-freedict-eng-ara): skipped"
        );
        return None;
    }
    let ara_eng = Dictionary::from_file(&ara_eng).expect("reads freedict-ara-eng");
    // The English–Arabic dictionary named by its data file.
    let eng_ara =
        Dictionary::from_file(Path::new(DICTD).join("freedict-eng-ara.dict.dz")).expect("reads eng-ara");
    let mut both = ara_eng.clone();
    both.extend(eng_ara.clone());
    Some((ara_eng, eng_ara, both))
});

/// Whether `dictionary` renders the Arabic `arabic` as `english`.
fn renders(dictionary: &Dictionary, arabic: &str, english: &str) -> bool {
    dictionary.get(arabic).is_some_and(|renderings| renderings.iter().any(|r| r == english))
}

#[test]
fn sizes() {
    let Some((ara_eng, eng_ara, both)) = &*FREEDICT else { return };
    // 52,996 headwords, some with several forms (`آذار، مارس`), most nouns also without the article.
    assert!((60_000..80_000).contains(&ara_eng.len()), "ara-eng: {}", ara_eng.len());
    // 87,424 English headwords, inverted.
    assert!((60_000..90_000).contains(&eng_ara.len()), "eng-ara: {}", eng_ara.len());
    assert!(both.len() >= ara_eng.len().max(eng_ara.len()) && both.len() < ara_eng.len() + eng_ara.len());
    let forms: Vec<&str> = both.entries().map(|(arabic, _)| arabic).collect();
    assert!(forms.windows(2).all(|w| w[0] < w[1]), "sorted, each form once");
    for (arabic, english) in both.entries() {
        assert!(!arabic.is_empty() && !english.is_empty(), "{arabic}");
        assert!(!arabic.bytes().any(|b| b.is_ascii_alphabetic()), "{arabic}");
        for e in english {
            assert!(
                !e.is_empty() && e.trim() == e && !e.contains("  ") && !e.contains('/'),
                "{arabic}: {e:?}"
            );
            assert!(*e == e.to_lowercase() && !e.starts_with("to "), "{arabic}: {e:?}");
        }
    }
}

#[test]
fn common_words() {
    let Some((ara_eng, _, both)) = &*FREEDICT else { return };
    // (Arabic as a reader might write it, an English rendering FreeDict gives).
    let cases = [
        ("كتاب", "book"),
        ("الكتاب", "book"),
        ("بيت", "home"),
        ("حكومة", "government"),
        ("الحكومة", "government"),
        ("مدرسة", "school"),
        ("سيارة", "car"),
        ("ماء", "water"),
        ("رئيس", "president"),
        ("وزير", "minister"),
        ("يوم", "day"),
        ("شمس", "sun"),
        ("كبير", "big"),
        ("جديد", "new"),
        ("اقتصاد", "economy"),
        ("مدينة", "city"),
        ("رجل", "man"),
        ("امرأة", "woman"),
        ("حرب", "war"),
        ("سلام", "peace"),
        ("سنة", "year"),
    ];
    for (arabic, english) in cases {
        assert!(
            renders(ara_eng, arabic, english),
            "ara-eng: {arabic} → {english}: {:?}",
            ara_eng.get(arabic)
        );
        assert!(renders(both, arabic, english), "both: {arabic} → {english}");
    }
    // Diacritics and hamza forms are normalized away when looking up.
    assert!(renders(both, "كِتَابٌ", "book"));
    assert!(renders(both, "إمرأة", "woman"));
}

#[test]
fn english_arabic_is_inverted() {
    let Some((_, eng_ara, both)) = &*FREEDICT else { return };
    // `Government /ɡˈʌvənmənt/` → `الحكومة`, read as الحكومة → government.
    for (arabic, english) in [("الحكومة", "government"), ("حكومة", "government"), ("الكتاب", "book")]
    {
        assert!(
            renders(eng_ara, arabic, english),
            "eng-ara: {arabic} → {english}: {:?}",
            eng_ara.get(arabic)
        );
    }
    // `Home /hˈəʊm/` → `البيت`, `House /hˈaʊs/` → `المنزل`.
    assert!(renders(eng_ara, "بيت", "home"));
    assert!(renders(both, "منزل", "house"));
    // A gloss with an explanation after ` - ` gives the part before it: `ساوثامبتون - مدينة في بريطانيا`.
    assert!(renders(eng_ara, "ساوثامبتون", "southampton"));
}

/// A dictionary learned from the clean dev-set documents' sentence pairs (IBM Model 1) is written as
/// TSV, reads back the same, and holds content words only.
#[test]
fn learned_from_the_dev_set() {
    let Some(dev) = common::data::dataset("ntrex-dev") else { return };
    let dir = dev.join("presegmented");
    let mut pairs: Vec<(String, String)> = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.to_string_lossy().ends_with(".clean.ar") {
            let ar = std::fs::read_to_string(&path).unwrap();
            let en = std::fs::read_to_string(path.with_extension("en")).unwrap();
            pairs.extend(ar.lines().zip(en.lines()).map(|(a, e)| (a.to_owned(), e.to_owned())));
        }
    }
    assert!(pairs.len() > 1000);
    let learned = Dictionary::learn(&pairs, &Dictionary::new());
    assert!(learned.len() > 300, "{} forms", learned.len());
    let mut tsv = Vec::new();
    learned.write_tsv(&mut tsv).unwrap();
    let read_back = Dictionary::from_tsv(std::str::from_utf8(&tsv).unwrap()).unwrap();
    assert_eq!(read_back, learned);
    for (arabic, english) in learned.entries() {
        assert!(!english.is_empty() && english.len() <= 4, "{arabic}: {english:?}");
        for e in english {
            assert!(e.len() >= 3 && !["the", "and", "with", "that"].contains(&e.as_str()), "{arabic}: {e}");
        }
        let weights = learned.weights(arabic).unwrap();
        assert!(weights.iter().all(|w| (0.1..=1.0).contains(w)), "{arabic}: {weights:?}");
    }
}
