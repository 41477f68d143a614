//! English words that are capitalized inside names without being names: the generic head nouns that
//! names of institutions, places, events, awards, laws and works are built on, and unit symbols.
//!
//! A capitalized word such as `Prize` in `Nobel Peace Prize`, `Ministry` in `Ministry of Defence` or
//! `Street` in `Oxford Street` is translated (`جائزة`, `وزارة`, `شارع`), not transliterated, so it is
//! no evidence of a missing name; `GHz` is written `غيغاهرتز` or kept in Latin letters.
//!
//! [`TITLE_WORDS`] is a closed class: the common nouns that English proper names of these kinds end
//! or start with (the categories of a gazetteer: government bodies, organizations, education,
//! culture, sport, events, legal texts, streets and buildings, and the calendar words `Day`, `Week`,
//! `Year` of named days). [`UNIT_SYMBOLS`] are the SI and common unit symbols that start with a
//! capital letter (lower-case ones are never read as names).

/// Generic head nouns of names, lower case, sorted; see the module documentation.
pub(crate) static TITLE_WORDS: &[&str] = &[
    "academy",
    "accord",
    "act",
    "administration",
    "agency",
    "agreement",
    "airport",
    "alliance",
    "assembly",
    "association",
    "authority",
    "avenue",
    "award",
    "bank",
    "bay",
    "bill",
    "board",
    "boulevard",
    "bridge",
    "bureau",
    "cabinet",
    "cathedral",
    "center",
    "centre",
    "championship",
    "charter",
    "church",
    "city",
    "club",
    "coalition",
    "college",
    "commission",
    "committee",
    "company",
    "conference",
    "congress",
    "constitution",
    "convention",
    "corporation",
    "council",
    "court",
    "cup",
    "day",
    "declaration",
    "department",
    "district",
    "embassy",
    "federation",
    "festival",
    "force",
    "forum",
    "foundation",
    "front",
    "fund",
    "games",
    "government",
    "group",
    "hall",
    "highway",
    "hospital",
    "house",
    "institute",
    "island",
    "lake",
    "law",
    "league",
    "library",
    "mosque",
    "mountain",
    "movement",
    "museum",
    "office",
    "organisation",
    "organization",
    "palace",
    "park",
    "parliament",
    "party",
    "plan",
    "police",
    "port",
    "prize",
    "program",
    "programme",
    "province",
    "race",
    "region",
    "republic",
    "resolution",
    "river",
    "road",
    "school",
    "sea",
    "senate",
    "service",
    "square",
    "stadium",
    "state",
    "station",
    "street",
    "summit",
    "system",
    "temple",
    "theatre",
    "tournament",
    "tower",
    "treaty",
    "trophy",
    "union",
    "university",
    "war",
    "week",
    "year",
];

/// Unit symbols that start with a capital letter, as written (case matters: `Mt` megatonne, `MT`
/// an acronym), sorted case-insensitively.
pub(crate) static UNIT_SYMBOLS: &[&str] = &[
    "Bq", "Ga", "Gb", "Gbps", "GeV", "GHz", "GiB", "Gt", "GWh", "Gy", "Hz", "Kbps", "KiB", "Mb", "Mbps",
    "MeV", "MHz", "MiB", "Mt", "MWh", "Pa", "Sv", "Tbps", "TeV", "THz", "TiB", "TWh", "Wb", "Wh",
];

/// Whether a capitalized English word (lower case) is a generic head noun of names, singular or
/// plural (`Awards`, `Games`).
pub(crate) fn is_title_word(lower: &str) -> bool {
    let found = |w: &str| TITLE_WORDS.binary_search(&w).is_ok();
    found(lower)
        || lower.strip_suffix('s').is_some_and(found)
        || lower.strip_suffix("ies").is_some_and(|stem| found(&format!("{stem}y")))
}

/// Whether `word`, as written, is a unit symbol of [`UNIT_SYMBOLS`].
pub(crate) fn is_unit_symbol(word: &str) -> bool {
    UNIT_SYMBOLS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_and_lower_case() {
        assert!(TITLE_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(TITLE_WORDS.iter().all(|w| w.bytes().all(|b| b.is_ascii_lowercase())));
        let mut units = UNIT_SYMBOLS.to_vec();
        units.sort_unstable_by_key(|u| u.to_ascii_lowercase());
        assert_eq!(units, UNIT_SYMBOLS);
        assert!(UNIT_SYMBOLS.iter().all(|u| u.starts_with(|c: char| c.is_ascii_uppercase())));
    }

    /// Named cases: (case, word, title word, unit symbol).
    const CASES: &[(&str, &str, bool, bool)] = &[
        ("prize", "prize", true, false),
        ("plural awards", "awards", true, false),
        ("plural ies", "academies", true, false),
        ("games", "games", true, false),
        ("a name", "wagner", false, false),
        ("gigahertz", "GHz", false, true),
        ("megatonne", "Mt", false, true),
        ("acronym is no unit", "MT", false, false),
    ];

    #[test]
    fn named_cases() {
        for (case, word, title, unit) in CASES {
            assert_eq!(is_title_word(word), *title, "{case}");
            assert_eq!(is_unit_symbol(word), *unit, "{case}");
        }
    }
}
