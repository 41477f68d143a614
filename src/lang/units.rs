//! Unit symbols that start with a capital letter: capitalized without being names (`GHz` is written
//! `غيغاهرتز` or kept in Latin letters). [`UNIT_SYMBOLS`] are the SI and common unit symbols of that
//! kind (lower-case ones are never read as names). The generic head nouns of names (`Prize`,
//! `Ministry`) are in the name words of [`crate::lang::lexicon`].

/// Unit symbols that start with a capital letter, as written (case matters: `Mt` megatonne, `MT`
/// an acronym), sorted case-insensitively.
pub(crate) static UNIT_SYMBOLS: &[&str] = &[
    "Bq", "Ga", "Gb", "Gbps", "GeV", "GHz", "GiB", "Gt", "GWh", "Gy", "Hz", "Kbps", "KiB", "Mb", "Mbps",
    "MeV", "MHz", "MiB", "Mt", "MWh", "Pa", "Sv", "Tbps", "TeV", "THz", "TiB", "TWh", "Wb", "Wh",
];

/// Whether `word`, as written, is a unit symbol of [`UNIT_SYMBOLS`].
pub(crate) fn is_unit_symbol(word: &str) -> bool {
    UNIT_SYMBOLS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_are_sorted() {
        let mut units = UNIT_SYMBOLS.to_vec();
        units.sort_unstable_by_key(|u| u.to_ascii_lowercase());
        assert_eq!(units, UNIT_SYMBOLS);
        assert!(UNIT_SYMBOLS.iter().all(|u| u.starts_with(|c: char| c.is_ascii_uppercase())));
    }

    /// Named cases: (case, word, unit symbol).
    const CASES: &[(&str, &str, bool)] = &[
        ("a name", "Wagner", false),
        ("gigahertz", "GHz", true),
        ("megatonne", "Mt", true),
        ("acronym is no unit", "MT", false),
    ];

    #[test]
    fn named_cases() {
        for (case, word, unit) in CASES {
            assert_eq!(is_unit_symbol(word), *unit, "{case}");
        }
    }
}
