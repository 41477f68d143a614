//! Tables of the form checks: what follows a number without being part of a code, the English words
//! that grammar allows twice in a row, and the Arabic interrogatives.

/// Letters written right after a number that make it a quantity, not a code (`10km`, `3pm`, `21st`,
/// `1990s`, `2bn`), in lower case, sorted. Criterion: the SI unit symbols and their common multiples,
/// the customary units of US and UK English (length, mass, volume, speed, temperature, power, data),
/// the abbreviations of time, clock time and magnitudes used in news (`k`, `m`, `bn`, `tn`), the
/// English ordinal suffixes and the plural `s` of decades. A number with any other letters after it
/// (`802.11n`, `7e`) is read as a code.
pub(crate) static QUANTITY_SUFFIXES: &[&str] = &[
    "a", "am", "b", "bn", "bp", "c", "cc", "cl", "cm", "d", "db", "f", "ft", "g", "gb", "gbps", "gw", "gwh",
    "h", "ha", "hp", "hr", "hrs", "hz", "in", "k", "kb", "kbps", "kg", "kgs", "khz", "km", "kmh", "kph",
    "kt", "kv", "kw", "kwh", "l", "lb", "lbs", "m", "mb", "mbps", "mg", "mhz", "mi", "min", "mins", "ml",
    "mm", "mn", "mph", "ms", "mt", "mw", "mwh", "nd", "nm", "oz", "p", "pc", "pm", "pt", "rd", "s", "sec",
    "secs", "sq", "st", "t", "tb", "th", "tn", "tr", "ts", "v", "w", "x", "yd", "yds", "yr", "yrs",
];

/// English words that grammar or common usage writes twice in a row (`had had`, `that that`, `very
/// very`, `bye bye`), in lower case, sorted: the form check does not call them repeated words.
/// Criterion: the auxiliary `had` and the pronoun-conjunction `that`, which English grammar doubles,
/// and the words English reduplicates for emphasis or as an interjection in general usage.
pub(crate) static DOUBLED_WORDS: &[&str] = &[
    "bye", "chop", "far", "ha", "had", "hey", "knock", "long", "many", "more", "much", "no", "now", "oh",
    "over", "really", "so", "that", "there", "too", "very", "well", "yeah", "yes",
];

/// Arabic interrogative words (normalized: `ا` for every alef), which start a question even when the
/// question mark is left out. Criterion: the interrogative particles and pronouns of Arabic grammar
/// (a closed class), with the negative questions `الم`, `اليس`; sorted by code point.
pub(crate) static ARABIC_INTERROGATIVES: &[&str] =
    &["الم", "اليس", "اين", "ايها", "كم", "كيف", "لماذا", "ما", "ماذا", "متي", "من", "هل"];

/// Whether a normalized Arabic word is an interrogative of [`ARABIC_INTERROGATIVES`].
pub(crate) fn is_arabic_interrogative(word: &str) -> bool {
    ARABIC_INTERROGATIVES.binary_search(&word).is_ok()
}

/// Whether `suffix` (lower case) after a number makes it a quantity.
pub(crate) fn is_quantity_suffix(suffix: &str) -> bool {
    QUANTITY_SUFFIXES.binary_search(&suffix).is_ok()
}

/// Whether English writes `word` (lower case) twice in a row on purpose.
pub(crate) fn is_doubled_word(word: &str) -> bool {
    DOUBLED_WORDS.binary_search(&word).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_unique_and_lower_case() {
        for table in [QUANTITY_SUFFIXES, DOUBLED_WORDS] {
            assert!(table.windows(2).all(|w| w[0] < w[1]));
            assert!(table.iter().all(|w| w.bytes().all(|b| b.is_ascii_lowercase())));
        }
        assert!(ARABIC_INTERROGATIVES.windows(2).all(|w| w[0] < w[1]));
        for w in ARABIC_INTERROGATIVES {
            assert_eq!(crate::text::normalize::normalize(w).text, *w);
        }
    }
}
