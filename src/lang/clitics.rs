//! The Arabic clitics that the lexical layers strip from a word before looking it up: one inventory,
//! read by the quality lexicon and the dictionary learner.

/// Proclitics stripped from an Arabic word (normalized), longest first: conjunction, preposition and
/// article, alone or fused (`وال`, `لل`), and the future prefix `س`.
pub(crate) const PROCLITICS: &[&str] =
    &["وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك", "س"];

/// Suffixes stripped from an Arabic word (normalized), longest first: attached pronouns, plural and
/// dual endings, and the alif of the indefinite accusative (`كلبا` a dog, `سابقا` formerly).
pub(crate) const ENCLITICS: &[&str] =
    &["هما", "ها", "هم", "هن", "كم", "نا", "ات", "ون", "ين", "ان", "ه", "ي", "ا"];

/// The proclitics that can be stripped without a dictionary to confirm the rest: the article and the
/// conjunctions, alone or fused with a preposition. The one-letter prepositions `ب`, `ل` and `ك`
/// begin too many words as root letters.
const SAFE_PROCLITICS: &[&str] = &["وال", "فال", "بال", "كال", "لل", "ال", "و", "ف"];

/// A normalized Arabic word without its article and conjunction (the longest of [`SAFE_PROCLITICS`]
/// that leaves at least three letters): `والحكومه` is `حكومه`, `ولد` stays whole.
pub(crate) fn strip_article_and_conjunction(word: &str) -> &str {
    SAFE_PROCLITICS
        .iter()
        .filter_map(|p| word.strip_prefix(p))
        .find(|rest| rest.chars().nth(2).is_some())
        .unwrap_or(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_article_and_conjunction_come_off_and_root_letters_stay() {
        assert_eq!(strip_article_and_conjunction("والحكومه"), "حكومه");
        assert_eq!(strip_article_and_conjunction("للشركات"), "شركات");
        assert_eq!(strip_article_and_conjunction("ولد"), "ولد");
        assert_eq!(strip_article_and_conjunction("بيت"), "بيت");
    }

    #[test]
    fn every_safe_proclitic_is_a_proclitic() {
        assert!(SAFE_PROCLITICS.iter().all(|p| PROCLITICS.contains(p)));
    }
}
