#!/usr/bin/env python3
"""Applies the word-table criteria to qalign's word lists and rewrites them.

The lists say which words are not names (the stopwords of `src/anchors/names.rs`), which English
words inside institution names are common words (`NAME_WORDS`), and which Arabic news words the
lexicon's `AR_EN_MORE` block holds. Every word must pass a criterion that reads no evaluation data:

- a closed-class word of the grammar, written out below (pronouns, determiners, prepositions,
  conjunctions, particles, auxiliaries, interrogatives, negations, number words, weekdays, titles);
- or a word of general text: its Zipf frequency in the `wordfreq` package (log10 of its count per
  billion words) is at least the list's threshold, and its most common use is not as a proper name
  (country, city, person, organization) or as the transliteration of a foreign word or letter.

Arabic frequencies are those of the normalized form (no diacritics, `ا` for every alef, `ي` for
final `ى` and for `ئ`, `و` for `ؤ`, `ه` for final `ة`): the sum over every spelling that normalizes
to it, as written and with the article `ال`, since the lookups strip the article.

The core vocabulary (`core_lexicon.tsv`) is checked, not rewritten: each of its Arabic forms must be
one of the 40,000 most frequent forms of wordfreq's Arabic list, of three letters or more; its English
renderings were written by hand.

The candidate words are the lists as they stand plus the closed classes below; the script keeps
those that pass and writes them back sorted by code point. A word is added to a list by adding it
to its file and running the script again.

Usage (needs `pip install wordfreq`):

    python3 scripts/tables.py           # report what would change
    python3 scripts/tables.py --write   # rewrite the lists
"""

import argparse
import itertools
import math
import re
import sys
import unicodedata
from pathlib import Path

from wordfreq import top_n_list, word_frequency

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "lang" / "data"
LEXICON = ROOT / "src" / "lang" / "lexicon.rs"

# Thresholds, in Zipf units: 4.0 is ten times per million words (the ~7,000 most frequent English
# words), 3.5 about three times, 3.0 once.
ENGLISH_STOPWORD_ZIPF = 4.0
ARABIC_STOPWORD_ZIPF = 4.0
NAME_WORD_ZIPF = 3.5
LEXICON_ZIPF = 3.0

# Stopwords hold at most this many bytes of UTF-8 (`text::PACKED_WORD_BYTES`).
MAX_WORD_BYTES = 16

# ---------------------------------------------------------------------------------------------
# English closed classes.

EN_PRONOUNS = """
i me my mine myself you your yours yourself yourselves he him his himself she her hers herself
it its itself we us our ours ourselves they them their theirs themselves one oneself
who whom whose which what that whoever whomever whatever whichever
anybody anyone anything everybody everyone everything nobody none nothing somebody someone
something
"""
EN_DETERMINERS = """
a an the this these those some any no every each either neither all both half several many much
few little more most less least other another such enough
"""
EN_PREPOSITIONS = """
about above across after against along alongside amid amidst among amongst around as at before
behind below beneath beside besides between beyond by despite down during except for from in
inside into like near of off on onto opposite out outside over past per since than through
throughout till to toward towards under underneath unlike until up upon via with within without
"""
EN_CONJUNCTIONS = """
and but or nor so yet because although though while whereas unless if whether once when whenever
where wherever whereby lest
"""
EN_AUXILIARIES = """
be am is are was were been being have has had having do does did doing done
will would shall should can could may might must ought
"""
EN_ADVERBS = """
not also too very here there now then how why again ever never always often just only still
even already however therefore thus yes
"""
EN_NUMBERS = """
zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred
thousand million billion trillion hundreds thousands millions billions
first second third fourth fifth sixth seventh eighth ninth tenth
"""
EN_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday"
# Titles and their abbreviations, and the name particles `al`, `el`, `le`, `jr`, `sr`: they stand
# before or after a name and are not one.
EN_TITLES = """
mr mrs ms miss mister madam sir dame dr prof rev gen col lt sgt capt gov sen rep st jr sr
al el le
"""
# The months are left out on purpose: Arabic transliterates them (`فبراير`, `يونيو`).

# ---------------------------------------------------------------------------------------------
# Arabic closed classes, written normalized.

AR_PRONOUNS = "انا انت انتما انتم انتن هو هي هما هم هن نحن"
AR_DEMONSTRATIVES = "هذا هذه هذان هذين هاتان هاتين ذلك تلك ذاك اوليك هولاء هنا هناك هنالك"
AR_RELATIVES = "الذي التي الذين اللذان اللذين اللتان اللتين اللاتي اللواتي اللايي"
AR_PREPOSITIONS = """
في من الي علي عن مع حتي منذ عند لدي بين فوق تحت امام خلف وراء قبل بعد حول دون ضد نحو عبر
خلال بدون سوي غير مثل اثناء ضمن عدا خلا حسب وفق وفقا لدن تجاه رغم داخل خارج
"""
AR_CONJUNCTIONS = """
ثم او ام بل لكن حتي اذ اذا لو لولا كي لكي لان بينما حيث كما كلما عندما حينما لما مما بما فيما
طالما مثلما اما ان كان كانما
"""
AR_PARTICLES = "قد لقد سوف لن لم لا ما ليس ليست ليسوا الا هل نعم كلا بلي اجل انما لعل ليت"
AR_AUXILIARIES = "كان كانت كانوا يكون تكون اصبح اصبحت ظل بات صار زال مازال لازال يزال تزال"
AR_INTERROGATIVES = "ماذا متي اين كيف كم لماذا اي ايه"
AR_NUMBERS = """
واحد واحده اثنان اثنين اثنتان اثنتين ثلاث ثلاثه اربع اربعه خمس خمسه ست سته سبع سبعه ثمان
ثماني ثمانيه تسع تسعه عشر عشره احد احدي عشرون عشرين ثلاثون ثلاثين اربعون اربعين خمسون خمسين
ستون ستين سبعون سبعين ثمانون ثمانين تسعون تسعين مايه ميه مايتان مايتين ميتان ميتين الف الفان
الفين الاف مليون ملايين مليار مليارات
اول اولي ثاني ثانيه ثالث ثالثه رابع رابعه خامس خامسه سادس سادسه سابع سابعه ثامن ثامنه تاسع
تاسعه عاشر عاشره
"""
AR_WEEKDAYS = "احد اثنين ثلاثاء اربعاء خميس جمعه سبت يوم"

# Prepositions and particles that take an attached pronoun, and the pronouns.
AR_PRONOUN_HOSTS = "ب ل في من عن علي الي مع عند لدي ان لكن"
AR_PRONOUN_SUFFIXES = "ي ك ه ها نا كم كن هم هن هما كما"

# Proper names and transliterations that general frequency would otherwise admit: their most common
# use is as a name, or as the spelling of a foreign word or letter (`تي`, `بي` are English T and B,
# as in `بي بي سي`). They are left out even when a closed class would admit them.
ARABIC_NOT_GENERAL = {"تي", "بي", "وبي", "فبي"}
ENGLISH_NOT_GENERAL = set()


# The generic head nouns that English proper names of institutions, places, events, awards, laws and
# works are built on (the categories of a gazetteer: government bodies, organizations, education,
# culture, sport, events, legal texts, streets and buildings, and the calendar words of named days):
# a closed class, translated rather than transliterated (`Prize` جائزة, `Ministry` وزارة).
EN_NAME_HEAD_NOUNS = """
    academy accord act administration agency agreement airport alliance assembly association authority avenue
    award bank bay bill board boulevard bridge bureau cabinet cathedral center centre
    championship charter church city club coalition college commission committee company conference congress
    constitution convention corporation council court cup day declaration department district embassy federation
    festival force forum foundation front fund games government group hall highway hospital
    house institute island lake law league library mosque mountain movement museum office
    organisation organization palace park parliament party plan police port prize program programme
    province race region republic resolution river road school sea senate service square
    stadium state station street summit system temple theatre tournament tower treaty trophy
    union university war week year
"""


def words(text):
    return set(text.split())


def attached_pronouns():
    """Every host with every attached pronoun, spelled as Arabic writes them."""
    out = set()
    for host in AR_PRONOUN_HOSTS.split():
        for suffix in AR_PRONOUN_SUFFIXES.split():
            if host.endswith("ي") and suffix == "ي":
                out.add(host)  # `فيّ`, `عليّ`: the doubled ya is one letter once the shadda goes
            elif host in ("ان", "لكن") and suffix in ("ي", "نا"):
                out.add(host + "ن" + suffix[-1] if suffix == "ي" else host + suffix)  # `انني`, `اننا`
                out.add(host + suffix if suffix == "ي" else host[:-1] + suffix)  # `اني`, `انا`
            elif host.endswith("ن") and suffix == "نا":
                out.add(host[:-1] + suffix)  # `منا`, `عنا`: the doubled nun is one letter
            else:
                out.add(host + suffix)
    return out


def english_closed():
    return words(
        EN_PRONOUNS
        + EN_DETERMINERS
        + EN_PREPOSITIONS
        + EN_CONJUNCTIONS
        + EN_AUXILIARIES
        + EN_ADVERBS
        + EN_NUMBERS
        + EN_WEEKDAYS
        + EN_TITLES
    )


def arabic_closed():
    base = words(
        " ".join(
            [
                AR_PRONOUNS,
                AR_DEMONSTRATIVES,
                AR_RELATIVES,
                AR_PREPOSITIONS,
                AR_CONJUNCTIONS,
                AR_PARTICLES,
                AR_AUXILIARIES,
                AR_INTERROGATIVES,
                AR_NUMBERS,
                AR_WEEKDAYS,
            ]
        )
    )
    base |= attached_pronouns()
    # A lookup strips `و` or `ف` only when three letters remain, so the two-letter pronouns,
    # prepositions and particles are listed with the conjunction written on (`وهو`, `فلا`).
    hosts = words(" ".join([AR_PRONOUNS, AR_PREPOSITIONS, AR_PARTICLES])) | attached_pronouns()
    base |= {c + w for w in hosts for c in "وف" if len(w) < 3}
    return base


def normalize_arabic(word):
    """The normalized form of an Arabic word, as `text::normalize` makes it."""
    out = []
    for c in unicodedata.normalize("NFD", word):
        if unicodedata.combining(c) or c == "\u0640":
            continue
        out.append({"ى": "ي", "ی": "ي", "ة": "ه", "ۃ": "ه", "ہ": "ه", "ھ": "ه", "ک": "ك", "ٱ": "ا"}.get(c, c))
    return "".join(out)


def arabic_spellings(word):
    """Every spelling whose normalized form is `word` (hamza seats, madda, final `ى` and `ة`)."""
    options = []
    for i, c in enumerate(word):
        final = i == len(word) - 1
        if c == "ا":
            options.append("اأإآ")
        elif c == "ي":
            options.append("يئى" if final else "يئ")
        elif c == "و":
            options.append("وؤ")
        elif c == "ه" and final:
            options.append("هة")
        else:
            options.append(c)
    return ("".join(t) for t in itertools.product(*options))


def zipf(frequency):
    return math.log10(frequency * 1e9) if frequency > 0 else 0.0


def arabic_zipf(word):
    """Zipf frequency of a normalized Arabic form, with and without the article."""
    forms = list(arabic_spellings(word))
    return zipf(sum(word_frequency(s, "ar") + word_frequency("ال" + s, "ar") for s in forms))


def english_zipf(word):
    return zipf(word_frequency(word, "en"))


def read_list(path):
    """The words of a list file: one a line, `#` lines are the header."""
    if not path.exists():
        return []
    return [l.strip() for l in path.read_text(encoding="utf-8").splitlines() if l.strip() and not l.startswith("#")]


def write_list(path, header, kept):
    body = "".join(f"# {h}\n" if h else "#\n" for h in header) + "".join(w + "\n" for w in kept)
    path.write_text(body, encoding="utf-8")


def select(name, current, closed, freq, threshold, not_general, valid):
    """Closed-class words plus current words of general frequency; prints what changes."""
    kept = set()
    for w in set(current) | closed:
        if not valid(w):
            print(f"{name}: {w!r} is not a valid entry", file=sys.stderr)
            continue
        if w not in not_general and (w in closed or freq(w) >= threshold):
            kept.add(w)
    kept = sorted(kept)
    dropped = sorted(set(current) - set(kept))
    added = sorted(set(kept) - set(current))
    print(f"{name}: {len(current)} -> {len(kept)} words, {len(dropped)} dropped, {len(added)} added")
    print(f"  dropped: {' '.join(f'{w}({freq(w):.2f})' for w in dropped)}")
    print(f"  added: {' '.join(added)}")
    return kept


def valid_arabic(w):
    return w == normalize_arabic(w) and len(w.encode()) <= MAX_WORD_BYTES and re.fullmatch("[\u0621-\u064a]+", w)


def valid_english(w):
    return re.fullmatch("[a-z]+", w) is not None


LEXICON_ENTRY = re.compile(r'^\s*\("([^"]+)", &\[')


def lexicon_block(text, name):
    """The line range of the `name` table in lexicon.rs."""
    lines = text.splitlines(keepends=True)
    start = next(i for i, l in enumerate(lines) if f"static {name}:" in l)
    end = next(i for i in range(start, len(lines)) if lines[i].startswith("];"))
    return lines, start, end


def check_lexicon(write):
    text = LEXICON.read_text(encoding="utf-8")
    lines, start, end = lexicon_block(text, "AR_EN")
    rare = [m.group(1) for l in lines[start:end] if (m := LEXICON_ENTRY.match(l))]
    rare = [w for w in rare if arabic_zipf(normalize_arabic(w)) < LEXICON_ZIPF]
    print(f"AR_EN: {len(rare)} entries under {LEXICON_ZIPF} (kept): {' '.join(rare)}")
    lines, start, end = lexicon_block(text, "AR_EN_MORE")
    out, dropped, total = [], [], 0
    for i, l in enumerate(lines):
        m = LEXICON_ENTRY.match(l) if start < i < end else None
        if m:
            total += 1
            z = arabic_zipf(normalize_arabic(m.group(1)))
            if z < LEXICON_ZIPF:
                dropped.append(f"{m.group(1)}({z:.2f})")
                continue
        out.append(l)
    print(f"AR_EN_MORE: {total} -> {total - len(dropped)} entries, dropped: {' '.join(dropped)}")
    if write:
        LEXICON.write_text("".join(out), encoding="utf-8")


HEADER_NOTE = "Generated by scripts/tables.py from this file and the closed classes written there."


CORE = DATA / "core_lexicon.tsv"
CORE_TOP = 40_000


def check_core():
    """The core vocabulary's criterion: every form is one of the CORE_TOP most frequent Arabic word
    forms of wordfreq (normalized), of three letters or more, and each line is well formed."""
    top = {normalize_arabic(w) for w in top_n_list("ar", CORE_TOP)}
    bad = []
    for line in CORE.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        form, _, renderings = line.partition("\t")
        if form not in top or len(form) < 3 or not renderings:
            bad.append(form)
    print(f"core_lexicon: {len(bad)} forms outside the criterion: {' '.join(bad[:50])}")
    return not bad


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true", help="rewrite the lists")
    args = parser.parse_args()

    path = DATA / "english_stopwords.txt"
    en = select(
        "english_stopwords",
        read_list(path),
        english_closed(),
        english_zipf,
        ENGLISH_STOPWORD_ZIPF,
        ENGLISH_NOT_GENERAL,
        valid_english,
    )
    if args.write:
        write_list(
            path,
            [
                "English words that are not names, lower case, sorted by code point.",
                "A word is here if it is a closed-class word (pronoun, determiner, preposition,",
                "conjunction, auxiliary or modal, number word, weekday, title, name particle), or if",
                f"its wordfreq Zipf frequency is at least {ENGLISH_STOPWORD_ZIPF} and its most common use is",
                "not as a proper name. Months are left out: Arabic transliterates them.",
                HEADER_NOTE,
            ],
            en,
        )

    path = DATA / "arabic_stopwords.txt"
    ar = select(
        "arabic_stopwords",
        read_list(path),
        arabic_closed(),
        arabic_zipf,
        ARABIC_STOPWORD_ZIPF,
        ARABIC_NOT_GENERAL,
        valid_arabic,
    )
    if args.write:
        write_list(
            path,
            [
                "Arabic words that are not names, normalized (no diacritics, ا for every alef, ي for",
                "final ى and for ئ, و for ؤ, ه for final ة), sorted by code point.",
                "A word is here if it is a closed-class word (pronoun, demonstrative, relative,",
                "preposition, conjunction, particle, auxiliary, interrogative, negation, number word,",
                "weekday, a preposition or particle with an attached pronoun), or if its wordfreq Zipf",
                f"frequency is at least {ARABIC_STOPWORD_ZIPF}, summed over the spellings that normalize to it, with",
                "and without the article, and its most common use is not as a proper name or a",
                "transliteration.",
                HEADER_NOTE,
            ],
            ar,
        )

    path = DATA / "name_words.txt"
    nw = select(
        "name_words",
        read_list(path),
        words(EN_NAME_HEAD_NOUNS),
        english_zipf,
        NAME_WORD_ZIPF,
        ENGLISH_NOT_GENERAL,
        valid_english,
    )
    if args.write:
        write_list(
            path,
            [
                "Common English words that often stand capitalized inside names of institutions,",
                "places and events, lower case, sorted by code point.",
                "A word is here if it is a generic head noun of names (a closed class: government",
                "bodies, organizations, education, culture, sport, events, legal texts, streets and",
                "buildings, named days), or if its wordfreq Zipf frequency is at least",
                f"{NAME_WORD_ZIPF} and its most common use is as a common noun or adjective, not as a",
                "proper name.",
                HEADER_NOTE,
            ],
            nw,
        )

    check_lexicon(args.write)
    if not check_core():
        sys.exit(1)


if __name__ == "__main__":
    main()
