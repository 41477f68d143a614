//! Page furniture: the lines of a news web page that are not article text.
//!
//! Articles copied from the web carry picture captions and credits (`Image copyright Getty Images`,
//! `صورة أرشيفية`), prompts (`Follow us on Twitter`, `تابعونا على تويتر`, `Share this article`),
//! related-links headers (`Read more:`, `المزيد من الاقتصاد`), datelines and timestamps (`Posted 4
//! March 2017-18:54 GMT`, `2016-09-08 10:30`), bylines (`By Staff Reporter`) and advertisement
//! labels. A translation keeps some of them and drops others, so they are the likeliest sentences to
//! have no counterpart; the aligner lowers the cost of leaving them unpaired (see
//! [`crate::Config::furniture_null_cost`]).
//!
//! A furniture line is short (at most [`MAX_WORDS`] words), does not end as a sentence does (`.`,
//! `!`, `?`), and either opens with a furniture phrase of [`crate::lang::furniture`], is a byline or
//! an agency credit, or holds only a date and time. A credit written as a sentence (`Reuters
//! contributed to this report.`) and a separator line with no word at all (`* * *`) are furniture
//! too.

use std::collections::HashSet;
use std::sync::LazyLock;

use super::is_letter_or_digit;
use super::normalize::normalize;
use crate::lang::furniture::{
    ARABIC_OPENERS, BYLINE_OPENERS, CREDIT_CLOSINGS, CREDIT_ENDINGS, CREDIT_WORDS, ENGLISH_OPENERS,
    TIMESTAMP_WORDS,
};
use crate::lang::numbers::{ARABIC_WORDS, ENGLISH_WORDS, Role, TIME_OF_DAY_WORDS};

/// A furniture line has at most this many words with a letter in them.
const MAX_WORDS: usize = 8;

/// A furniture line has at most this many bytes: longer lines are not split into words at all.
const MAX_BYTES: usize = 160;

/// A credit that names its source before [`CREDIT_ENDINGS`] has at most this many words.
const MAX_CREDIT_WORDS: usize = 4;

/// The phrase tables, normalized and split into words once.
struct Tables {
    /// Phrases that open a furniture line, in both languages.
    openers: Vec<Vec<String>>,
    /// Phrases that open a byline.
    bylines: Vec<Vec<String>>,
    /// The words an agency credit is made of.
    credit: HashSet<String>,
    /// The last words of a credit that names its source first.
    credit_endings: HashSet<String>,
    /// Every word a timestamp line may hold besides numbers.
    timestamp: HashSet<String>,
}

static TABLES: LazyLock<Tables> = LazyLock::new(|| {
    let phrase = |p: &&str| words(&normalize(p).text).collect::<Vec<String>>();
    let months = ENGLISH_WORDS
        .iter()
        .chain(ARABIC_WORDS)
        .filter(|(_, role)| matches!(role, Role::Month(_) | Role::AmbiguousMonth(_) | Role::MonthLead(_)));
    Tables {
        openers: ENGLISH_OPENERS.iter().chain(ARABIC_OPENERS).map(phrase).collect(),
        bylines: BYLINE_OPENERS.iter().map(phrase).collect(),
        credit: CREDIT_WORDS.iter().flat_map(phrase).collect(),
        credit_endings: CREDIT_ENDINGS.iter().flat_map(phrase).collect(),
        timestamp: months
            .map(|(word, _)| word)
            .chain(TIMESTAMP_WORDS)
            .chain(TIME_OF_DAY_WORDS)
            .flat_map(phrase)
            .collect(),
    }
});

/// The words of normalized text, lower-cased: runs of letters and digits.
fn words(normalized: &str) -> impl Iterator<Item = String> + '_ {
    normalized.split(|c: char| !is_letter_or_digit(c)).filter(|w| !w.is_empty()).map(str::to_lowercase)
}

/// Whether a sentence, given as normalized text, is page furniture: `Image copyright Getty Images`
/// is, `He said more in a statement.` is not.
pub(crate) fn is_furniture(normalized: &str) -> bool {
    let body = normalized.trim_end_matches(['"', '\'', ')', ']', '»', ' ']);
    if body.is_empty() || body.len() > MAX_BYTES {
        return false;
    }
    if body.ends_with(['.', '!', '?']) {
        // Compared as bytes, before any word is cut: most sentences end this way.
        let sentence = body.trim_end_matches(['.', '!', '?']).as_bytes();
        return CREDIT_CLOSINGS.iter().any(|c| {
            sentence.len() >= c.len()
                && sentence[sentence.len() - c.len()..].eq_ignore_ascii_case(c.as_bytes())
        });
    }
    let words: Vec<String> = words(body).collect();
    if words.iter().filter(|w| w.chars().any(char::is_alphabetic)).count() > MAX_WORDS {
        return false;
    }
    // A line of symbols only (`* * *`, `---`) is a separator.
    if words.is_empty() {
        return true;
    }
    let tables = &*TABLES;
    let opens = |phrases: &[Vec<String>]| phrases.iter().any(|p| words.starts_with(p));
    let credit = words.iter().all(|w| tables.credit.contains(w))
        || (words.len() <= MAX_CREDIT_WORDS
            && words.last().is_some_and(|w| tables.credit_endings.contains(w)));
    let is_number = |w: &String| w.bytes().all(|b| b.is_ascii_digit());
    let numbers = words.iter().filter(|w| is_number(w)).count();
    // A timestamp: numbers and date or time words only, and more than a lone number.
    let timestamp =
        numbers > 0 && words.len() > 1 && words.iter().all(|w| is_number(w) || tables.timestamp.contains(w));
    opens(&tables.openers) || (opens(&tables.bylines) && numbers == 0) || credit || timestamp
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Asserts of every line (raw text) whether it is furniture.
    fn check(lines: &[&str], furniture: bool) {
        for line in lines {
            assert_eq!(is_furniture(&normalize(line).text), furniture, "{line}");
        }
    }

    #[test]
    fn captions_prompts_and_link_headers_are_furniture() {
        check(
            &[
                "Image copyright Getty Images",
                "Photo: AFP/Getty Images",
                "Story continues below",
                "More in Business",
                "Share this article",
                "See also",
                "Related:",
                "Follow us on Twitter",
                "تابعونا على تويتر",
                "اقرأ أيضاً:",
                "المزيد من أخبار العالم",
                "صورة أرشيفية",
                "شاهد الفيديو",
                "إعلان",
                "المصدر: الفرنسية",
            ],
            true,
        );
    }

    #[test]
    fn datelines_timestamps_and_bylines_are_furniture() {
        check(
            &[
                "Posted 4 March 2017-18:54 GMT",
                "2016-09-08 10:30",
                "Monday 5 March 2018, 10:30 am",
                "نشر في 5 فبراير 2015 - 19:19 بتوقيت غرينتش",
                "٢٢ آذار ٢٠١٩",
                "By Staff Reporter",
                "بقلم محمد علي",
                "* * *",
            ],
            true,
        );
    }

    #[test]
    fn agency_credits_are_furniture() {
        check(
            &[
                "Reuters",
                "(AFP)",
                "From staff and wire reports",
                "BBC Monitoring and agencies",
                "Reuters contributed to this report.",
                "رويترز",
                "خاص - وكالات",
                "(أ ف ب)",
                "(إعداد وتحرير: قسم الأخبار)",
            ],
            true,
        );
    }

    #[test]
    fn sentences_and_headlines_are_not_furniture() {
        check(
            &[
                "More than 800 people died in the tsunami.",
                "Share prices fell sharply on Monday",
                "By 2030 half of new cars will be electric",
                "Police clash with Catalan separatists ahead of independence vote anniversary",
                "Photos of the flood were shared by thousands of people across the country on Monday night",
                "It is very bad.",
                "Reuters reported the deal on Monday.",
                "France and the agency agreed",
                "شارك الآلاف في المظاهرة.",
                "تحرير الموصل من قبضة التنظيم",
                "تحديث أنظمة الدفاع الجوي",
                "ارتفاع عدد الوفيات جراء أمواج تسونامي في إندونيسيا",
                "2016",
                "",
            ],
            false,
        );
    }
}
