//! Number words, magnitudes, fractions, multiples, month names and currency words of Arabic and
//! English, as read by `anchors::numbers`.
//!
//! Every Arabic entry is in the folded form `text::normalize` produces: no diacritics, `ا` for every
//! alef with hamza or madda, `ه` for teh marbuta, `ي` for alef maqsura, `و`/`ي` for the hamza carriers
//! (so `مائة` is `مايه` and `مئتين` is `ميتين`). A unit test checks that every entry is its own
//! normalization.
//! Arabic entries are bare stems: the reader strips the clitics `و ف ب ل ك` and the article `ال`
//! itself. English entries are lower case; the reader lower-cases ASCII words before looking them up.

/// How many of a magnitude a magnitude word denotes by itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Count {
    /// Singular: one of it (`million`, `مليون`), or the multiplier of a preceding number.
    One,
    /// Arabic dual: two of it (`مليونين`, `ملياري`).
    Two,
    /// Plural: only a multiplier after a number (`3 ملايين`); alone it is indefinite (`millions`) and
    /// yields no value.
    Many,
}

/// What a number-related word means.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Role {
    /// A cardinal below twenty (English) or up to ten (Arabic).
    Unit(u8),
    /// Arabic units used only before `عشر`/`عشره` (`احد عشر`, `اثنا عشر`); alone they mean "one of".
    CompoundUnit(u8),
    /// A multiple of ten from twenty to ninety.
    Tens(u8),
    /// `hundred` (English, a multiplier) or an Arabic word for a whole number of hundreds
    /// (`مايه` 100, `ميتين` 200, `ثلاثمايه` 300).
    Hundreds(u16),
    /// `thousand`, `million`, `مليار` ... with how many of it the word means alone.
    Magnitude(f64, Count),
    /// `dozen`: twelve.
    Dozen,
    /// A fraction word by itself (`half`, `quarter`, `نصف`, `ثلث`, `ثلثي`).
    Fraction(f64),
    /// A plural fraction word that needs a numerator (`thirds`, `quarters`, `ارباع`): the denominator.
    FractionPlural(u8),
    /// An ordinal word (`third`, `ثالث`).
    Ordinal(u8),
    /// An Arabic ordinal that counts only with the article (`الثانيه`; bare `ثانيه` is "a second" of
    /// time).
    OrdinalWithArticle(u8),
    /// A multiple (`double`, `twice`, `ضعف`, `مثلين`).
    Multiple(u8),
    /// A plural multiple word that needs a number before it (`اضعاف`).
    MultiplePlural,
    /// An Arabic dual noun that says "two of" by itself (`عامين` two years).
    Dual,
    /// A month name (1 to 12).
    Month(u8),
    /// A month name that is also a common word (`May`, `March`, `مارس`, `اب`): it counts only next to
    /// a number or after a date cue word.
    AmbiguousMonth(u8),
    /// The first word of a two-word Levantine month (`كانون`, `تشرين`): the month is `base` with
    /// `الاول` and `base + 1` with `الثاني`; `base` is 12 for `كانون` (December, then January).
    MonthLead(u8),
    /// A currency word (`dollars`, `دولار`).
    Currency,
    /// A percent word (`percent`, `بالمايه`).
    Percent,
    /// An Arabic decade word (`ثمانينيات` the eighties): its tens value.
    Decade(u8),
}

/// English number-related words (lower case) and their roles.
pub(crate) static ENGLISH_WORDS: &[(&str, Role)] = &[
    ("zero", Role::Unit(0)),
    ("one", Role::Unit(1)),
    ("two", Role::Unit(2)),
    ("three", Role::Unit(3)),
    ("four", Role::Unit(4)),
    ("five", Role::Unit(5)),
    ("six", Role::Unit(6)),
    ("seven", Role::Unit(7)),
    ("eight", Role::Unit(8)),
    ("nine", Role::Unit(9)),
    ("ten", Role::Unit(10)),
    ("eleven", Role::Unit(11)),
    ("twelve", Role::Unit(12)),
    ("thirteen", Role::Unit(13)),
    ("fourteen", Role::Unit(14)),
    ("fifteen", Role::Unit(15)),
    ("sixteen", Role::Unit(16)),
    ("seventeen", Role::Unit(17)),
    ("eighteen", Role::Unit(18)),
    ("nineteen", Role::Unit(19)),
    ("twenty", Role::Tens(20)),
    ("thirty", Role::Tens(30)),
    ("forty", Role::Tens(40)),
    ("fifty", Role::Tens(50)),
    ("sixty", Role::Tens(60)),
    ("seventy", Role::Tens(70)),
    ("eighty", Role::Tens(80)),
    ("ninety", Role::Tens(90)),
    ("hundred", Role::Hundreds(100)),
    ("thousand", Role::Magnitude(1e3, Count::One)),
    ("million", Role::Magnitude(1e6, Count::One)),
    ("billion", Role::Magnitude(1e9, Count::One)),
    ("trillion", Role::Magnitude(1e12, Count::One)),
    ("bn", Role::Magnitude(1e9, Count::One)),
    ("mn", Role::Magnitude(1e6, Count::One)),
    ("tn", Role::Magnitude(1e12, Count::One)),
    ("dozen", Role::Dozen),
    ("half", Role::Fraction(0.5)),
    ("quarter", Role::Fraction(0.25)),
    ("halves", Role::FractionPlural(2)),
    ("thirds", Role::FractionPlural(3)),
    ("quarters", Role::FractionPlural(4)),
    ("fourths", Role::FractionPlural(4)),
    ("fifths", Role::FractionPlural(5)),
    ("sixths", Role::FractionPlural(6)),
    ("eighths", Role::FractionPlural(8)),
    ("tenths", Role::FractionPlural(10)),
    ("first", Role::Ordinal(1)),
    ("second", Role::Ordinal(2)),
    ("third", Role::Ordinal(3)),
    ("fourth", Role::Ordinal(4)),
    ("fifth", Role::Ordinal(5)),
    ("sixth", Role::Ordinal(6)),
    ("seventh", Role::Ordinal(7)),
    ("eighth", Role::Ordinal(8)),
    ("ninth", Role::Ordinal(9)),
    ("tenth", Role::Ordinal(10)),
    ("eleventh", Role::Ordinal(11)),
    ("twelfth", Role::Ordinal(12)),
    ("double", Role::Multiple(2)),
    ("doubled", Role::Multiple(2)),
    ("doubles", Role::Multiple(2)),
    ("doubling", Role::Multiple(2)),
    ("twice", Role::Multiple(2)),
    ("twofold", Role::Multiple(2)),
    ("triple", Role::Multiple(3)),
    ("tripled", Role::Multiple(3)),
    ("triples", Role::Multiple(3)),
    ("tripling", Role::Multiple(3)),
    ("treble", Role::Multiple(3)),
    ("trebled", Role::Multiple(3)),
    ("threefold", Role::Multiple(3)),
    ("thrice", Role::Multiple(3)),
    ("quadruple", Role::Multiple(4)),
    ("quadrupled", Role::Multiple(4)),
    ("fourfold", Role::Multiple(4)),
    ("january", Role::Month(1)),
    ("jan", Role::AmbiguousMonth(1)),
    ("february", Role::Month(2)),
    ("feb", Role::Month(2)),
    ("march", Role::AmbiguousMonth(3)),
    ("mar", Role::AmbiguousMonth(3)),
    ("april", Role::Month(4)),
    ("apr", Role::Month(4)),
    ("may", Role::AmbiguousMonth(5)),
    ("june", Role::Month(6)),
    ("jun", Role::Month(6)),
    ("july", Role::Month(7)),
    ("jul", Role::Month(7)),
    ("august", Role::Month(8)),
    ("aug", Role::Month(8)),
    ("september", Role::Month(9)),
    ("sept", Role::Month(9)),
    ("sep", Role::Month(9)),
    ("october", Role::Month(10)),
    ("oct", Role::Month(10)),
    ("november", Role::Month(11)),
    ("nov", Role::Month(11)),
    ("december", Role::Month(12)),
    ("dec", Role::AmbiguousMonth(12)),
    ("dollar", Role::Currency),
    ("dollars", Role::Currency),
    ("usd", Role::Currency),
    ("euro", Role::Currency),
    ("euros", Role::Currency),
    ("eur", Role::Currency),
    ("pound", Role::Currency),
    ("pounds", Role::Currency),
    ("sterling", Role::Currency),
    ("gbp", Role::Currency),
    ("pence", Role::Currency),
    ("cents", Role::Currency),
    ("yen", Role::Currency),
    ("yuan", Role::Currency),
    ("renminbi", Role::Currency),
    ("rupee", Role::Currency),
    ("rupees", Role::Currency),
    ("riyal", Role::Currency),
    ("riyals", Role::Currency),
    ("rial", Role::Currency),
    ("rials", Role::Currency),
    ("dirham", Role::Currency),
    ("dirhams", Role::Currency),
    ("dinar", Role::Currency),
    ("dinars", Role::Currency),
    ("lira", Role::Currency),
    ("liras", Role::Currency),
    ("rouble", Role::Currency),
    ("roubles", Role::Currency),
    ("ruble", Role::Currency),
    ("rubles", Role::Currency),
    ("percent", Role::Percent),
    ("pct", Role::Percent),
];

/// Magnitude abbreviations written straight after digits (`5bn`, `$3m`): the word, the factor, and
/// whether it counts only after a currency sign (`5m` alone is five metres).
pub(crate) static ENGLISH_MAGNITUDE_SUFFIXES: &[(&str, f64, bool)] = &[
    ("bn", 1e9, false),
    ("mn", 1e6, false),
    ("tn", 1e12, false),
    ("trn", 1e12, false),
    ("m", 1e6, true),
    ("b", 1e9, true),
    ("k", 1e3, true),
];

/// Ordinal suffixes written straight after digits (`21st`, `30th`) and the decade plural (`1990s`).
/// Words after a time written with a dot (`5.30pm`, `4.40 صباحا`) that make it hours and minutes
/// rather than a decimal: English `am`/`pm`, Arabic morning, noon, afternoon, evening and night
/// (normalized: no tanwin).
pub(crate) static TIME_OF_DAY_WORDS: &[&str] = &["am", "pm", "صباحا", "ظهرا", "عصرا", "مساء", "مساءا", "ليلا"];

pub(crate) static ENGLISH_DIGIT_SUFFIXES: &[&str] = &["st", "nd", "rd", "th", "s"];

/// Currency signs written before or after a number.
pub(crate) static CURRENCY_SIGNS: &[char] = &['$', '€', '£', '¥', '₹', '₽'];

/// Words after which an ambiguous English month name is a month (`in May`, `last March`).
pub(crate) static ENGLISH_MONTH_CUES: &[&str] = &[
    "in", "of", "since", "until", "till", "by", "early", "late", "mid", "last", "next", "this", "from", "on",
    "during", "before", "after", "through", "end", "between", "and", "to",
];

/// The English `of` between a day and a month (`30th of September`).
pub(crate) static ENGLISH_DAY_MONTH_LINK: &[&str] = &["of"];

/// English words after `half` that make it part of another word (`half-time`); `quarter-final`
/// stays a fraction since Arabic says `ربع النهائي`.
pub(crate) static ENGLISH_HALF_BLOCKERS: &[&str] = &["time"];

/// The English `second`: an ordinal, or a unit of time (see [`ENGLISH_BEFORE_TIME_UNIT`] and
/// [`ENGLISH_BEFORE_TIME_SECOND`]).
pub(crate) const ENGLISH_SECOND: &str = "second";

/// English words after which `second` is always a unit of time: `per second`, `split second`.
pub(crate) static ENGLISH_BEFORE_TIME_UNIT: &[&str] = &["per", "split"];

/// English determiners after which `second` is a unit of time when no noun follows it (`a second`,
/// `every second`), and an ordinal before its noun (`a second term`).
pub(crate) static ENGLISH_BEFORE_TIME_SECOND: &[&str] = &["a", "an", "each", "every", "that", "this"];

/// Words after `a second` that are no noun it could qualify, so that it is a unit of time: the
/// adverbs of time that follow a duration (`a second later`, `ago`), and the coordinating
/// conjunctions and the prepositions of a duration (`a second or two`, `a second of silence`, `for a
/// second in`).
pub(crate) static ENGLISH_AFTER_TIME_SECOND: &[&str] = &[
    "after", "ago", "and", "at", "before", "but", "earlier", "for", "in", "later", "longer", "of", "or", "to",
];

/// English words that start an article-led number: `a million`, `a third of`, `an hour` (no number).
pub(crate) static ENGLISH_ARTICLES: &[&str] = &["a", "an"];

/// The English word joining hundreds and tens (`two hundred and fifty`).
pub(crate) const ENGLISH_AND: &str = "and";

/// The English `per` of `per cent`, followed by one of [`ENGLISH_CENT`].
pub(crate) const ENGLISH_PER: &str = "per";

/// The English `cent` of `per cent`.
pub(crate) const ENGLISH_CENT: &str = "cent";

/// Arabic number-related words (folded, without clitics or article) and their roles.
pub(crate) static ARABIC_WORDS: &[(&str, Role)] = &[
    ("واحد", Role::Unit(1)),
    ("واحده", Role::Unit(1)),
    ("واحدا", Role::Unit(1)),
    ("احد", Role::CompoundUnit(1)),
    ("احدي", Role::CompoundUnit(1)),
    ("اثنان", Role::Unit(2)),
    ("اثنين", Role::Unit(2)),
    ("اثنتان", Role::Unit(2)),
    ("اثنتين", Role::Unit(2)),
    ("اثنا", Role::CompoundUnit(2)),
    ("اثني", Role::CompoundUnit(2)),
    ("اثنتا", Role::CompoundUnit(2)),
    ("اثنتي", Role::CompoundUnit(2)),
    ("ثلاث", Role::Unit(3)),
    ("ثلاثه", Role::Unit(3)),
    ("اربع", Role::Unit(4)),
    ("اربعه", Role::Unit(4)),
    ("خمس", Role::Unit(5)),
    ("خمسه", Role::Unit(5)),
    ("ست", Role::Unit(6)),
    ("سته", Role::Unit(6)),
    ("سبع", Role::Unit(7)),
    ("سبعه", Role::Unit(7)),
    ("ثمان", Role::Unit(8)),
    ("ثماني", Role::Unit(8)),
    ("ثمانيه", Role::Unit(8)),
    ("تسع", Role::Unit(9)),
    ("تسعه", Role::Unit(9)),
    ("عشر", Role::Unit(10)),
    ("عشره", Role::Unit(10)),
    ("عشرون", Role::Tens(20)),
    ("عشرينيات", Role::Decade(20)),
    ("عشرينات", Role::Decade(20)),
    ("ثلاثينيات", Role::Decade(30)),
    ("ثلاثينات", Role::Decade(30)),
    ("اربعينيات", Role::Decade(40)),
    ("اربعينات", Role::Decade(40)),
    ("خمسينيات", Role::Decade(50)),
    ("خمسينات", Role::Decade(50)),
    ("ستينيات", Role::Decade(60)),
    ("ستينات", Role::Decade(60)),
    ("سبعينيات", Role::Decade(70)),
    ("سبعينات", Role::Decade(70)),
    ("ثمانينيات", Role::Decade(80)),
    ("ثمانينات", Role::Decade(80)),
    ("تسعينيات", Role::Decade(90)),
    ("تسعينات", Role::Decade(90)),
    ("عشرين", Role::Tens(20)),
    ("ثلاثون", Role::Tens(30)),
    ("ثلاثين", Role::Tens(30)),
    ("اربعون", Role::Tens(40)),
    ("اربعين", Role::Tens(40)),
    ("خمسون", Role::Tens(50)),
    ("خمسين", Role::Tens(50)),
    ("ستون", Role::Tens(60)),
    ("ستين", Role::Tens(60)),
    ("سبعون", Role::Tens(70)),
    ("سبعين", Role::Tens(70)),
    ("ثمانون", Role::Tens(80)),
    ("ثمانين", Role::Tens(80)),
    ("تسعون", Role::Tens(90)),
    ("تسعين", Role::Tens(90)),
    ("ميه", Role::Hundreds(100)),
    ("مايه", Role::Hundreds(100)),
    ("ميتان", Role::Hundreds(200)),
    ("ميتين", Role::Hundreds(200)),
    ("ميتي", Role::Hundreds(200)),
    ("مايتان", Role::Hundreds(200)),
    ("مايتين", Role::Hundreds(200)),
    ("مايتا", Role::Hundreds(200)),
    ("مايتي", Role::Hundreds(200)),
    ("ثلاثميه", Role::Hundreds(300)),
    ("ثلاثمايه", Role::Hundreds(300)),
    ("اربعميه", Role::Hundreds(400)),
    ("اربعمايه", Role::Hundreds(400)),
    ("خمسميه", Role::Hundreds(500)),
    ("خمسمايه", Role::Hundreds(500)),
    ("ستميه", Role::Hundreds(600)),
    ("ستمايه", Role::Hundreds(600)),
    ("سبعميه", Role::Hundreds(700)),
    ("سبعمايه", Role::Hundreds(700)),
    ("ثمانميه", Role::Hundreds(800)),
    ("ثمانمايه", Role::Hundreds(800)),
    ("ثمانيميه", Role::Hundreds(800)),
    ("ثمانيمايه", Role::Hundreds(800)),
    ("تسعميه", Role::Hundreds(900)),
    ("تسعمايه", Role::Hundreds(900)),
    ("الف", Role::Magnitude(1e3, Count::One)),
    ("الفا", Role::Magnitude(1e3, Count::One)),
    ("الفان", Role::Magnitude(1e3, Count::Two)),
    ("الفين", Role::Magnitude(1e3, Count::Two)),
    ("الفي", Role::Magnitude(1e3, Count::Two)),
    ("الاف", Role::Magnitude(1e3, Count::Many)),
    ("الوف", Role::Magnitude(1e3, Count::Many)),
    ("مليون", Role::Magnitude(1e6, Count::One)),
    ("مليونا", Role::Magnitude(1e6, Count::One)),
    ("مليونان", Role::Magnitude(1e6, Count::Two)),
    ("مليونين", Role::Magnitude(1e6, Count::Two)),
    ("مليوني", Role::Magnitude(1e6, Count::Two)),
    ("ملايين", Role::Magnitude(1e6, Count::Many)),
    ("مليار", Role::Magnitude(1e9, Count::One)),
    ("مليارا", Role::Magnitude(1e9, Count::One)),
    ("ملياران", Role::Magnitude(1e9, Count::Two)),
    ("مليارين", Role::Magnitude(1e9, Count::Two)),
    ("ملياري", Role::Magnitude(1e9, Count::Two)),
    ("مليارات", Role::Magnitude(1e9, Count::Many)),
    ("بليون", Role::Magnitude(1e9, Count::One)),
    ("بليونا", Role::Magnitude(1e9, Count::One)),
    ("بليونان", Role::Magnitude(1e9, Count::Two)),
    ("بليونين", Role::Magnitude(1e9, Count::Two)),
    ("بليوني", Role::Magnitude(1e9, Count::Two)),
    ("بلايين", Role::Magnitude(1e9, Count::Many)),
    ("تريليون", Role::Magnitude(1e12, Count::One)),
    ("تريليونا", Role::Magnitude(1e12, Count::One)),
    ("تريليونين", Role::Magnitude(1e12, Count::Two)),
    ("تريليوني", Role::Magnitude(1e12, Count::Two)),
    ("تريليونات", Role::Magnitude(1e12, Count::Many)),
    ("نصف", Role::Fraction(0.5)),
    ("ثلث", Role::Fraction(1.0 / 3.0)),
    ("ثلثا", Role::Fraction(2.0 / 3.0)),
    ("ثلثي", Role::Fraction(2.0 / 3.0)),
    ("ثلثين", Role::Fraction(2.0 / 3.0)),
    ("ربع", Role::Fraction(0.25)),
    ("اثلاث", Role::FractionPlural(3)),
    ("ارباع", Role::FractionPlural(4)),
    ("ضعف", Role::Multiple(2)),
    ("ضعفين", Role::Multiple(2)),
    ("ضعفي", Role::Multiple(2)),
    ("ضعفا", Role::Multiple(2)),
    ("مثلين", Role::Multiple(2)),
    ("مرتين", Role::Multiple(2)),
    ("يضاعف", Role::Multiple(2)),
    ("تضاعف", Role::Multiple(2)),
    ("تضاعفت", Role::Multiple(2)),
    ("يتضاعف", Role::Multiple(2)),
    ("ضاعف", Role::Multiple(2)),
    ("ضاعفت", Role::Multiple(2)),
    ("مضاعفه", Role::Multiple(2)),
    ("اضعاف", Role::MultiplePlural),
    ("اول", Role::Ordinal(1)),
    ("اولي", Role::Ordinal(1)),
    ("حادي", Role::Ordinal(1)),
    ("ثاني", Role::Ordinal(2)),
    ("ثان", Role::Ordinal(2)),
    ("ثانيه", Role::OrdinalWithArticle(2)),
    ("ثالث", Role::Ordinal(3)),
    ("ثالثه", Role::Ordinal(3)),
    ("رابع", Role::Ordinal(4)),
    ("رابعه", Role::Ordinal(4)),
    ("خامس", Role::Ordinal(5)),
    ("خامسه", Role::Ordinal(5)),
    ("سادس", Role::Ordinal(6)),
    ("سادسه", Role::Ordinal(6)),
    ("سابع", Role::Ordinal(7)),
    ("سابعه", Role::Ordinal(7)),
    ("ثامن", Role::Ordinal(8)),
    ("ثامنه", Role::Ordinal(8)),
    ("تاسع", Role::Ordinal(9)),
    ("تاسعه", Role::Ordinal(9)),
    ("عاشر", Role::Ordinal(10)),
    ("عاشره", Role::Ordinal(10)),
    ("عامين", Role::Dual),
    ("عامان", Role::Dual),
    ("سنتين", Role::Dual),
    ("سنتان", Role::Dual),
    ("يومين", Role::Dual),
    ("يومان", Role::Dual),
    ("شهرين", Role::Dual),
    ("شهران", Role::Dual),
    ("اسبوعين", Role::Dual),
    ("اسبوعان", Role::Dual),
    ("ساعتين", Role::Dual),
    ("ساعتان", Role::Dual),
    ("دقيقتين", Role::Dual),
    ("دقيقتان", Role::Dual),
    ("ثانيتين", Role::Dual),
    ("ثانيتان", Role::Dual),
    ("هدفين", Role::Dual),
    ("هدفان", Role::Dual),
    ("شخصين", Role::Dual),
    ("رجلين", Role::Dual),
    ("طفلين", Role::Dual),
    ("ولدين", Role::Dual),
    ("دولتين", Role::Dual),
    ("نقطتين", Role::Dual),
    ("قرنين", Role::Dual),
    ("عقدين", Role::Dual),
    ("يناير", Role::Month(1)),
    ("فبراير", Role::Month(2)),
    ("مارس", Role::AmbiguousMonth(3)),
    ("ابريل", Role::Month(4)),
    ("مايو", Role::Month(5)),
    ("يونيو", Role::Month(6)),
    ("يونيه", Role::Month(6)),
    ("يوليو", Role::Month(7)),
    ("يوليه", Role::Month(7)),
    ("اغسطس", Role::Month(8)),
    ("سبتمبر", Role::Month(9)),
    ("اكتوبر", Role::Month(10)),
    ("نوفمبر", Role::Month(11)),
    ("ديسمبر", Role::Month(12)),
    ("شباط", Role::Month(2)),
    ("اذار", Role::Month(3)),
    ("نيسان", Role::AmbiguousMonth(4)),
    ("ايار", Role::Month(5)),
    ("حزيران", Role::Month(6)),
    ("تموز", Role::AmbiguousMonth(7)),
    ("اب", Role::AmbiguousMonth(8)),
    ("ايلول", Role::Month(9)),
    ("كانون", Role::MonthLead(12)),
    ("تشرين", Role::MonthLead(10)),
    ("دولار", Role::Currency),
    ("دولارا", Role::Currency),
    ("دولارات", Role::Currency),
    ("يورو", Role::Currency),
    ("جنيه", Role::Currency),
    ("جنيها", Role::Currency),
    ("جنيهات", Role::Currency),
    ("استرليني", Role::Currency),
    ("ريال", Role::Currency),
    ("ريالا", Role::Currency),
    ("ريالات", Role::Currency),
    ("درهم", Role::Currency),
    ("درهما", Role::Currency),
    ("دراهم", Role::Currency),
    ("دينار", Role::Currency),
    ("دينارا", Role::Currency),
    ("دنانير", Role::Currency),
    ("ليره", Role::Currency),
    ("ليرات", Role::Currency),
    ("روبيه", Role::Currency),
    ("روبل", Role::Currency),
    ("ين", Role::Currency),
    ("يوان", Role::Currency),
    ("سنت", Role::Currency),
    ("سنتا", Role::Currency),
    ("بنس", Role::Currency),
];

/// Arabic words after `في` that make a preceding number a percentage (`60 في المايه`).
pub(crate) static ARABIC_PERCENT_AFTER_FI: &[&str] = &["المايه", "الميه"];

/// The Arabic preposition `في` of `في المايه`.
pub(crate) const ARABIC_FI: &str = "في";

/// Arabic one-word percent phrases after a number (`5 بالمايه`).
pub(crate) static ARABIC_PERCENT_WORDS: &[&str] = &["بالمايه", "بالميه"];

/// Arabic words after `نصف` that make it "semi-" (`نصف النهايي`, from `نصف النهائي`, semi-final), not a half.
/// `القرن` (the century) after a decade word: `ثمانينيات القرن العشرين`, the eighties of the
/// twentieth century.
pub(crate) const ARABIC_CENTURY: &str = "القرن";

/// Words after `القرن` that name the last century, the twentieth: `الماضي`, `المنصرم`.
pub(crate) static ARABIC_LAST_CENTURY: &[&str] = &["الماضي", "المنصرم"];

/// `من` (of) between a decade word and `القرن` or `عمره`.
pub(crate) const ARABIC_OF: &str = "من";

/// Words after a decade word and `من` that make it an age: `في الثمانينيات من عمره`, in his eighties.
pub(crate) static ARABIC_AGE_WORDS: &[&str] = &["عمره", "عمرها", "عمرهم", "العمر"];

pub(crate) static ARABIC_HALF_BLOCKERS: &[&str] = &["النهايي", "نهايي"];

/// Arabic fractions spelled like the feminine cardinal (the unvocalized `خُمس` a fifth and `خمس` five,
/// and so on for seven, nine and ten), with their denominators; the other fractions are spelled
/// apart from their cardinals (`ثلث`/`ثلاث`, `ربع`/`اربع`, `سدس`/`ست`, `ثمن`/`ثمان`).
pub(crate) static ARABIC_FRACTION_HOMOGRAPHS: &[(&str, u8)] =
    &[("خمس", 5), ("سبع", 7), ("تسع", 9), ("عشر", 10)];

/// Arabic function words that start with the letters of the article `ال` but are no definite nouns:
/// the prepositions `الي` (`إلى`) and `الا`, the relative pronouns and `الان` (now).
pub(crate) static ARABIC_ARTICLE_FUNCTION_WORDS: &[&str] =
    &["الا", "الان", "التي", "الذي", "الذين", "اللاتي", "اللتين", "اللذين", "اللواتي", "الي"];

/// Arabic number words spelled like a common abstract noun, which they are when they take the
/// article: `ضعف` double, and `ضَعف` weakness (`نقاط الضعف`, weak points). A multiple is used in
/// construct (`ضعف العدد`, double the number) or indefinite, not with the article.
pub(crate) static ARABIC_NOUN_HOMOGRAPHS: &[&str] = &["ضعف"];

/// Endings of the Arabic sound masculine plural (`ين` oblique, `ون` nominative), which an adjective
/// agreeing with it repeats.
pub(crate) static ARABIC_PLURAL_ENDINGS: &[&str] = &["ين", "ون"];

/// Arabic `عشر`/`عشره`: the second word of the numbers eleven to nineteen.
pub(crate) static ARABIC_TEEN_TAILS: &[&str] = &["عشر", "عشره"];

/// The ordinal words that follow `كانون`/`تشرين`: `الاول` (month `base`) and `الثاني` (`base + 1`).
pub(crate) static ARABIC_MONTH_TAILS: &[(&str, u8)] = &[("الاول", 0), ("الثاني", 1)];

/// Words (folded, bare) after which an ambiguous Arabic month name is a month (`في مارس`, `شهر اب`).
pub(crate) static ARABIC_MONTH_CUES: &[&str] = &[
    "في",
    "منذ",
    "حتي",
    "خلال",
    "شهر",
    "بحلول",
    "اواخر",
    "اوايل",
    "مطلع",
    "منتصف",
    "نهايه",
    "بدايه",
    "من",
    "الي",
    "قبل",
    "بعد",
    "اواسط",
];

/// The Arabic `من` between a day and a month (`30 من سبتمبر`).
pub(crate) static ARABIC_DAY_MONTH_LINK: &[&str] = &["من"];

/// Arabic proclitics that may precede a number word, outermost first: conjunctions, then
/// prepositions; the article `ال` (or `ل` after the preposition `ل`) comes last.
pub(crate) static ARABIC_CONJUNCTIONS: &[&str] = &["و", "ف"];

/// Arabic prepositional proclitics (`ب`, `ل`, `ك`).
pub(crate) static ARABIC_PREPOSITIONS: &[&str] = &["ب", "ل", "ك"];

/// The Arabic definite article.
pub(crate) const ARABIC_ARTICLE: &str = "ال";
