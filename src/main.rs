//! The `qalign` command line: arguments, files and exit codes. All logic lives in the library.

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::{Parser, Subcommand, ValueEnum};
use qalign::input::{self, Decoded};
use qalign::output::{
    BeadWriter, Format, HtmlOptions, ScoreFormat, ScoredUnit, TmxOptions, write_alignment_below, write_html,
    write_tmx, write_units,
};
use qalign::{
    Aligner, Scorer,
    align::Scoring,
    dictionary::Dictionary,
    document::{Lang, Segmentation},
    error::Side,
    termbase::Termbase,
    verdict::Verdict,
};

#[path = "cli/batch.rs"]
mod batch;

/// Sentence alignment and translation-quality checks for Arabic articles and their English translations.
#[derive(Parser)]
#[command(name = "qalign", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Align an Arabic document with its English translation, sentence by sentence.
    Align {
        /// The input is pre-split: one sentence per line; indices are line numbers.
        #[arg(long)]
        presegmented: bool,
        /// Output format.
        #[arg(long, value_enum, default_value_t = FormatArg::Jsonl)]
        format: FormatArg,
        /// What `score` measures: translation quality with findings, or only the aligner's
        /// confidence (faster, for corpus alignment).
        #[arg(long, value_enum, default_value_t = ScoringArg::Quality)]
        scoring: ScoringArg,
        /// With `--format tmx`: keep only pairs scoring at least this (0–1).
        #[arg(long, value_name = "SCORE", default_value_t = 0.0)]
        min_score: f64,
        /// Keep only the beads scoring below this (0–1), the ones a reviewer must read, in every
        /// format; the document summary still covers every bead.
        #[arg(long, value_name = "SCORE")]
        max_score: Option<f64>,
        /// With `--format tmx`: also write unpaired sentences, as `<tu>`s with one `<tuv>`.
        #[arg(long)]
        include_unpaired: bool,
        /// Replace invalid UTF-8 (or UTF-16) by U+FFFD instead of failing; spans are then offsets
        /// into the repaired text.
        #[arg(long)]
        lossy: bool,
        /// Read both documents in this encoding (`utf-8`, `utf-16le`, `utf-16be`, `windows-1256`,
        /// `iso-8859-6`, or another name of one of them, such as `cp1256`), instead of telling it
        /// from the bytes.
        #[arg(long, value_name = "NAME")]
        encoding: Option<String>,
        /// Align even when a document is not in its language's script (swapped or same-language
        /// files).
        #[arg(long)]
        force: bool,
        /// Blank out HTML tags, comments, scripts and styles, and decode character references;
        /// every byte keeps its offset.
        #[arg(long)]
        strip_html: bool,
        /// A bilingual dictionary for the quality score: a dictd `.index` (with its `.dict.dz` or
        /// `.dict` beside it, as Debian's `dict-freedict-ara-eng` installs) or an
        /// `arabic<TAB>english` TSV. Repeatable.
        #[arg(long, value_name = "FILE")]
        dictionary: Vec<PathBuf>,
        /// A termbase: TBX (TBX-Basic or TBX v3, as CAT tools export) or an
        /// `arabic<TAB>english[<TAB>forbidden]` TSV. A pair whose Arabic holds a term and whose English
        /// lacks every allowed rendering, or uses a forbidden one, gets a `terminology` finding.
        /// Repeatable.
        #[arg(long, value_name = "FILE")]
        termbase: Vec<PathBuf>,
        /// The Arabic document (`-` for standard input).
        ar_file: PathBuf,
        /// The English document (`-` for standard input).
        en_file: PathBuf,
    },
    /// Find, for each Arabic document, the English document that translates it, or none.
    ///
    /// Prints one line per Arabic file: `ar_file<TAB>en_file<TAB>score`, or `ar_file<TAB>-<TAB>score`
    /// when none qualifies (the score of the best rejected candidate; 0.0000 when there is no English
    /// file at all). Directories stand for the `*.txt` files inside them, sorted by name.
    Match {
        /// Arabic files or directories.
        #[arg(long, required = true, num_args = 1..)]
        ar: Vec<PathBuf>,
        /// English files or directories.
        #[arg(long, required = true, num_args = 1..)]
        en: Vec<PathBuf>,
        /// Output format: `tsv` lines, or `jsonl` with the evidence and candidates.
        #[arg(long, value_enum, default_value_t = MatchFormatArg::Tsv)]
        format: MatchFormatArg,
    },
    /// Score pairs aligned elsewhere: `ar<TAB>en` lines, a TMX translation memory or an XLIFF 1.2 or
    /// 2.x file (chosen by content), one result per pair or unit, in order; several files make one
    /// report, each unit's id prefixed by its file.
    Score {
        /// Output format: `jsonl` (id, score, components, findings), `tsv` or `csv` (row, id, score,
        /// severity, the pair, the findings' messages).
        #[arg(long, value_enum, default_value_t = ScoreFormatArg::Jsonl)]
        format: ScoreFormatArg,
        /// Keep only the pairs scoring below this (0–1): the ones a reviewer must read. The totals
        /// printed on standard error count every pair.
        #[arg(long, value_name = "SCORE")]
        max_score: Option<f64>,
        /// A bilingual dictionary for the quality score: a dictd `.index` (with its `.dict.dz` or
        /// `.dict` beside it, as Debian's `dict-freedict-ara-eng` installs) or an
        /// `arabic<TAB>english` TSV. Repeatable.
        #[arg(long, value_name = "FILE")]
        dictionary: Vec<PathBuf>,
        /// A termbase: TBX (TBX-Basic or TBX v3, as CAT tools export) or an
        /// `arabic<TAB>english[<TAB>forbidden]` TSV. A pair whose Arabic holds a term and whose English
        /// lacks every allowed rendering, or uses a forbidden one, gets a `terminology` finding.
        /// Repeatable.
        #[arg(long, value_name = "FILE")]
        termbase: Vec<PathBuf>,
        /// The pairs files (`-` for standard input).
        #[arg(required = true, num_args = 1..)]
        pairs_file: Vec<PathBuf>,
    },
    /// Dictionaries learned from the user's own data.
    Lexicon {
        #[command(subcommand)]
        command: LexiconCommand,
    },
    /// Align many document pairs, for engines (Spark, Hadoop streaming, GNU parallel): JSON lines
    /// `{"id":…,"ar":…,"en":…}` in, one line per pair out, in order: `{"id":…,"beads":[…],"summary":{…}}`
    /// as `align --format json` writes it, or `{"id":…,"error":"…"}` for a pair that cannot be aligned.
    Batch {
        /// Output format: JSON lines.
        #[arg(long, value_enum, default_value_t = BatchFormatArg::Jsonl)]
        format: BatchFormatArg,
        /// What `score` measures: translation quality with findings, or only the aligner's
        /// confidence (faster, for corpus alignment).
        #[arg(long, value_enum, default_value_t = ScoringArg::Quality)]
        scoring: ScoringArg,
        /// A bilingual dictionary for the quality score (as for `align`). Repeatable.
        #[arg(long, value_name = "FILE")]
        dictionary: Vec<PathBuf>,
        /// A termbase (as for `align`). Repeatable.
        #[arg(long, value_name = "FILE")]
        termbase: Vec<PathBuf>,
        /// The JSON lines file (`-`, the default, for standard input).
        #[arg(default_value = "-")]
        file: PathBuf,
    },
}

#[derive(Subcommand)]
enum LexiconCommand {
    /// Learn word translations from aligned pairs (IBM Model 1), written as an `arabic<TAB>english<TAB>probability`
    /// dictionary that `--dictionary` reads. Only the pairs the quality score finds confident are learned from.
    Train {
        /// The pairs file, as `score` reads it: `ar<TAB>en` lines, a TMX or an XLIFF (`-` for standard input).
        pairs_file: PathBuf,
        /// A dictionary to score the pairs with and to learn around (repeatable), as for `score`.
        #[arg(long, value_name = "FILE")]
        dictionary: Vec<PathBuf>,
        /// The lowest quality score of a pair learned from (0–1).
        #[arg(long, value_name = "SCORE", default_value_t = 0.5)]
        min_score: f64,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum BatchFormatArg {
    Jsonl,
}

#[derive(Clone, Copy, ValueEnum)]
enum ScoringArg {
    /// Translation quality: score, signals and findings.
    Quality,
    /// The aligner's confidence alone; only unpaired-sentence and misalignment findings.
    Confidence,
}

#[derive(Clone, Copy, ValueEnum)]
enum MatchFormatArg {
    Tsv,
    Jsonl,
}

#[derive(Clone, Copy, ValueEnum)]
enum ScoreFormatArg {
    Jsonl,
    Tsv,
    Csv,
}

impl From<ScoreFormatArg> for ScoreFormat {
    fn from(f: ScoreFormatArg) -> ScoreFormat {
        match f {
            ScoreFormatArg::Jsonl => ScoreFormat::Jsonl,
            ScoreFormatArg::Tsv => ScoreFormat::Tsv,
            ScoreFormatArg::Csv => ScoreFormat::Csv,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Jsonl,
    Tsv,
    /// The TSV columns as comma-separated values, for spreadsheets.
    Csv,
    Text,
    Json,
    /// TMX 1.4b translation memory.
    Tmx,
    /// A self-contained side-by-side HTML QA report.
    Html,
}

/// A use of the command line that clap accepts but the command does not (options that do not go
/// together): exit status 2, as for clap's own usage errors.
#[derive(Debug)]
struct UsageError(String);

impl std::fmt::Display for UsageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            // A closed pipe (e.g. `| head`) is not an error worth a message.
            if err.downcast_ref::<io::Error>().is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe) {
                return ExitCode::SUCCESS;
            }
            eprintln!("qalign: {err:#}");
            if err.downcast_ref::<UsageError>().is_some() { ExitCode::from(2) } else { ExitCode::FAILURE }
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Align {
            presegmented,
            format,
            scoring,
            min_score,
            max_score,
            include_unpaired,
            lossy,
            encoding,
            force,
            strip_html,
            dictionary,
            termbase,
            ar_file,
            en_file,
        } => {
            if is_stdin(&ar_file) && is_stdin(&en_file) {
                bail!(UsageError("only one of AR_FILE and EN_FILE can be `-` (standard input)".to_owned()));
            }
            if !matches!(format, FormatArg::Tmx) && (min_score != 0.0 || include_unpaired) {
                bail!(UsageError("--min-score and --include-unpaired apply only to --format tmx".to_owned()));
            }
            let encoding = match encoding.as_deref().map(|name| (name, input::Encoding::from_label(name))) {
                None => None,
                Some((_, Some(encoding))) => Some(encoding),
                Some((name, None)) => bail!(UsageError(format!(
                    "--encoding {name}: not one of utf-8, utf-16le, utf-16be, windows-1256, iso-8859-6"
                ))),
            };
            if encoding.is_some() && lossy {
                bail!(UsageError("--encoding and --lossy do not go together".to_owned()));
            }
            let aligner = build_aligner(scoring, &dictionary, &termbase)?;
            let limit = aligner.config().max_input_bytes;
            let mut options = input::ReadOptions::new().lossy(lossy).strip_html(strip_html);
            if let Some(encoding) = encoding {
                options = options.encoding(encoding);
            }
            let read = |path: &Path, side| -> anyhow::Result<input::ReadText> {
                let bytes =
                    read_bytes(path, side, limit).map_err(|e| match e.downcast::<qalign::Error>() {
                        Ok(e) => anyhow::anyhow!("{}: {e}", path.display()),
                        Err(e) => e,
                    })?;
                let read = input::read(bytes, side, options).map_err(|e| {
                    let hint = match e {
                        qalign::Error::InvalidUtf8 { .. } | qalign::Error::InvalidUtf16 { .. }
                            if encoding.is_none() =>
                        {
                            " (--lossy replaces invalid bytes)"
                        }
                        _ => "",
                    };
                    anyhow::anyhow!("{}: {e}{hint}", path.display())
                })?;
                if encoding.is_none()
                    && matches!(read.encoding, input::Encoding::Windows1256 | input::Encoding::Iso8859_6)
                {
                    let name = if read.encoding == input::Encoding::Windows1256 {
                        "Windows-1256"
                    } else {
                        "ISO-8859-6"
                    };
                    eprintln!(
                        "qalign: {}: read as {name} (not UTF-8); spans are offsets into its UTF-8 form \
                         (--encoding NAME reads another)",
                        path.display()
                    );
                }
                if let Some(open) = read.unterminated {
                    eprintln!(
                        "qalign: {}: --strip-html: the {} opened at byte {} is never closed; \
                         everything after it was taken for markup and left out",
                        path.display(),
                        open.what,
                        open.at
                    );
                }
                Ok(read)
            };
            // Both files are read at once; what they report comes in order, the Arabic file first.
            let (ar, en) = rayon::join(|| read(&ar_file, Side::Source), || read(&en_file, Side::Target));
            let check =
                |read: anyhow::Result<input::ReadText>, path: &Path, side| -> anyhow::Result<String> {
                    let read = read?;
                    warn_replaced(path, read.replaced);
                    input::check_text(&read.text, side).with_context(|| path.display().to_string())?;
                    Ok(read.text)
                };
            let ar = check(ar, &ar_file, Side::Source)?;
            let en = check(en, &en_file, Side::Target)?;
            if !force {
                input::check_pair(&ar, &en).map_err(|e| {
                    let file = match &e {
                        qalign::Error::WrongScript { side: Side::Source, .. } => {
                            format!("{}: ", ar_file.display())
                        }
                        qalign::Error::WrongScript { side: Side::Target, .. } => {
                            format!("{}: ", en_file.display())
                        }
                        _ => String::new(),
                    };
                    anyhow::anyhow!("{file}{e} (use --force to align anyway)")
                })?;
            }
            let segmentation = if presegmented { Segmentation::Lines } else { Segmentation::Raw };
            // The documents take the texts over: no second copy of them.
            let (src, tgt) = aligner.prepare_owned(ar, en, segmentation)?;
            let below = max_score_limit(max_score)?;
            let stdout = io::stdout();
            let mut out = io::BufWriter::new(stdout.lock());
            let streamed = match format {
                FormatArg::Jsonl => Some(Format::Jsonl),
                FormatArg::Tsv => Some(Format::Tsv),
                FormatArg::Csv => Some(Format::Csv),
                FormatArg::Json => Some(Format::Json),
                FormatArg::Text | FormatArg::Tmx | FormatArg::Html => None,
            };
            if let Some(format) = streamed {
                // Beads are written as they are scored, never all held.
                let mut writer = BeadWriter::new(&mut out, format, below).map_err(io_error)?;
                let summary = aligner
                    .align_documents_with(&src, &tgt, |beads| writer.write(&beads))
                    .map_err(io_error)?;
                writer.finish(&summary).map_err(io_error)?;
                out.flush()?;
                // The process ends here: freeing the documents' many small allocations one by one
                // would take longer than the exit that releases them all.
                std::mem::forget((src, tgt));
                return Ok(());
            }
            let mut alignment = aligner.align_documents(&src, &tgt);
            // The text listing ends with the verdict, the HTML report shows it.
            let verdict = matches!(format, FormatArg::Text | FormatArg::Html)
                .then(|| Verdict::new(&alignment, &src, &tgt));
            let written = match format {
                FormatArg::Tmx => {
                    // The summary stays the whole document's.
                    alignment.beads.retain(|b| b.score < below);
                    let options = TmxOptions::new().min_score(min_score).include_unpaired(include_unpaired);
                    write_tmx(&mut out, &alignment, &options)
                }
                FormatArg::Html => {
                    alignment.beads.retain(|b| b.score < below);
                    let title = format!("{} ↔ {}", ar_file.display(), en_file.display());
                    let mut options = HtmlOptions::new().title(title);
                    if let Some(verdict) = verdict {
                        options = options.verdict(verdict);
                    }
                    write_html(&mut out, &alignment, &options)
                }
                // The text listing: the other formats are streamed above.
                _ => write_alignment_below(&mut out, &alignment, Format::Text, below).and_then(|()| {
                    match &verdict {
                        Some(verdict) => qalign::output::write_text_verdict(&mut out, verdict),
                        None => Ok(()),
                    }
                }),
            };
            written.map_err(io_error)?;
            out.flush()?;
            // The process ends here: freeing the documents' and beads' many small allocations one
            // by one would take longer than the exit that releases them all.
            std::mem::forget((src, tgt, alignment));
        }
        Command::Match { ar, en, format } => {
            let ar_files = expand_inputs(&ar)?;
            let en_files = expand_inputs(&en)?;
            let limit = qalign::Config::default().max_input_bytes;
            let read_all = |files: &[PathBuf], side| {
                files.iter().map(|p| read_text(p, side, limit)).collect::<anyhow::Result<Vec<_>>>()
            };
            let ar_texts = read_all(&ar_files, Side::Source)?;
            let en_texts = read_all(&en_files, Side::Target)?;
            let matches = qalign::matching::Matcher::new().match_texts(&ar_texts, &en_texts)?;
            let names = |files: &[PathBuf]| files.iter().map(|p| p.display().to_string()).collect::<Vec<_>>();
            let format = match format {
                MatchFormatArg::Tsv => qalign::output::MatchFormat::Tsv,
                MatchFormatArg::Jsonl => qalign::output::MatchFormat::Jsonl,
            };
            let stdout = io::stdout();
            let mut out = io::BufWriter::new(stdout.lock());
            qalign::output::write_matches(&mut out, &matches, &names(&ar_files), &names(&en_files), format)
                .map_err(io_error)?;
            out.flush()?;
        }
        Command::Lexicon { command: LexiconCommand::Train { pairs_file, dictionary, min_score } } => {
            anyhow::ensure!((0.0..=1.0).contains(&min_score), "--min-score must be from 0 to 1");
            let units = read_pairs_units(&pairs_file)?;
            let pairs: Vec<(&str, &str)> = units.iter().map(|u| (u.ar.as_str(), u.en.as_str())).collect();
            let prior = read_dictionaries(&dictionary)?;
            let qualities = Scorer::new().with_dictionary(&prior).score_batch(&pairs);
            let confident: Vec<(&str, &str)> =
                pairs.iter().zip(&qualities).filter(|(_, q)| q.score >= min_score).map(|(p, _)| *p).collect();
            eprintln!(
                "qalign: learning from {} of {} pairs (score >= {min_score})",
                confident.len(),
                pairs.len()
            );
            let learned = Dictionary::learn(&confident, &prior);
            let stdout = io::stdout();
            let mut out = io::BufWriter::new(stdout.lock());
            learned.write_tsv(&mut out)?;
            out.flush()?;
        }
        Command::Score { format, max_score, dictionary, termbase, pairs_file } => {
            let several = pairs_file.len() > 1;
            let mut units = Vec::new();
            for path in &pairs_file {
                units.extend(read_pairs_units(path)?.into_iter().map(|mut unit| {
                    if several {
                        unit.id = format!("{}:{}", path.display(), unit.id);
                    }
                    unit
                }));
            }
            let pairs: Vec<(&str, &str)> = units.iter().map(|u| (u.ar.as_str(), u.en.as_str())).collect();
            let qualities = Scorer::new()
                .with_dictionary(&read_dictionaries(&dictionary)?)
                .with_termbase(&read_termbases(&termbase)?)
                .score_document(&pairs);
            let below = max_score_limit(max_score)?;
            let scored: Vec<ScoredUnit> = units
                .iter()
                .zip(&qualities)
                .filter(|(_, q)| q.score < below)
                .map(|(unit, quality)| ScoredUnit { unit, quality })
                .collect();
            if several {
                let findings: usize = qualities.iter().map(|q| q.findings.len()).sum();
                let good = qualities.iter().filter(|q| q.score >= qalign::align::GOOD_SCORE).count();
                eprintln!(
                    "qalign: {} files, {} pairs, {good} scoring at least {}, {findings} findings",
                    pairs_file.len(),
                    qualities.len(),
                    qalign::align::GOOD_SCORE
                );
            }
            let stdout = io::stdout();
            let mut out = io::BufWriter::new(stdout.lock());
            write_units(&mut out, &scored, format.into()).map_err(io_error)?;
            out.flush()?;
        }
        Command::Batch { format: BatchFormatArg::Jsonl, scoring, dictionary, termbase, file } => {
            let aligner = build_aligner(scoring, &dictionary, &termbase)?;
            batch::run(&aligner, &file)?;
        }
    }
    Ok(())
}

/// The aligner of `align` and `batch`: the scoring mode, the dictionaries and the termbases asked for.
fn build_aligner(
    scoring: ScoringArg,
    dictionary: &[PathBuf],
    termbase: &[PathBuf],
) -> anyhow::Result<Aligner> {
    let scoring = match scoring {
        ScoringArg::Quality => Scoring::Quality,
        ScoringArg::Confidence => Scoring::Confidence,
    };
    Ok(Aligner::builder()
        .scoring(scoring)
        .dictionary(read_dictionaries(dictionary)?)
        .termbase(read_termbases(termbase)?)
        .build()?)
}

/// The pairs of a pairs file (`ar<TAB>en` lines, a TMX or an XLIFF; see
/// `qalign::bilingual::read_units`), each within the aligner's limit on one sentence, with the
/// warnings of [`warn_pairs`].
fn read_pairs_units(path: &Path) -> anyhow::Result<Vec<qalign::bilingual::Unit>> {
    let text = read_pairs_file(path, qalign::Config::default().max_input_bytes)?;
    let mut units = qalign::bilingual::read_units(&text).with_context(|| format!("{}", path.display()))?;
    // A pair is a pair of sentences: the aligner's limit on one sentence bounds the work on it.
    let limit = qalign::Config::default().max_sentence_bytes;
    if let Some(unit) = units.iter().find(|u| u.ar.len() + u.en.len() > limit) {
        bail!(
            "{}: pair {}: {} bytes, over the limit of {limit} bytes for one pair",
            path.display(),
            unit.id,
            unit.ar.len() + unit.en.len()
        );
    }
    warn_pairs(path, &mut units);
    Ok(units)
}

/// Warns about a pairs file that does not read as Arabic then English: a first pair that is a header
/// row (no Arabic letter in it, where later pairs have some) is left out, and columns that look
/// swapped are reported (scored as they are).
fn warn_pairs(path: &Path, units: &mut Vec<qalign::bilingual::Unit>) {
    let arabic = |text: &str| input::ScriptCounts::of(text).arabic > 0;
    let header = units.first().is_some_and(|u| {
        let short = |t: &str| t.split_whitespace().count() <= 3;
        !arabic(&u.ar)
            && !arabic(&u.en)
            && short(&u.ar)
            && short(&u.en)
            && units[1..].iter().any(|u| arabic(&u.ar))
    });
    if header {
        eprintln!(
            "qalign: {}: pair 1 looks like a header row (no Arabic in it); it is not scored, so results start at pair 2",
            path.display()
        );
        units.remove(0);
    }
    let (mut first, mut second) = (input::ScriptCounts::default(), input::ScriptCounts::default());
    for u in units.iter() {
        let (a, e) = (input::ScriptCounts::of(&u.ar), input::ScriptCounts::of(&u.en));
        (first.arabic, first.latin) = (first.arabic + a.arabic, first.latin + a.latin);
        (second.arabic, second.latin) = (second.arabic + e.arabic, second.latin + e.latin);
    }
    let off = |counts: &input::ScriptCounts, lang| counts.share(lang).is_some_and(|share| share < 0.5);
    if off(&first, Lang::Arabic) && off(&second, Lang::English) {
        eprintln!(
            "qalign: {}: the columns look swapped: the first is in Latin script and the second in Arabic script \
             (each line is the Arabic, a tab and the English)",
            path.display()
        );
    }
}

/// Files as given, with each directory replaced by the `*.txt` files inside it, sorted by name.
fn expand_inputs(paths: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut inside = Vec::new();
            for entry in std::fs::read_dir(path).with_context(|| format!("cannot read {}", path.display()))? {
                let entry = entry.with_context(|| format!("cannot read {}", path.display()))?;
                let name = entry.file_name();
                if Path::new(&name).extension().is_some_and(|e| e == "txt") && !entry.path().is_dir() {
                    inside.push(name);
                }
            }
            inside.sort();
            files.extend(inside.into_iter().map(|name| path.join(name)));
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
}

/// The dictionaries of `--dictionary`, merged (empty without one).
fn read_dictionaries(paths: &[PathBuf]) -> anyhow::Result<Dictionary> {
    let mut dictionary = Dictionary::new();
    for path in paths {
        dictionary.extend(Dictionary::from_file(path)?);
    }
    Ok(dictionary)
}

/// The score below which `--max-score` keeps pairs: its value, checked to lie in 0–1, or infinity
/// (every pair) without it.
fn max_score_limit(max_score: Option<f64>) -> anyhow::Result<f64> {
    match max_score {
        None => Ok(f64::INFINITY),
        Some(s) if (0.0..=1.0).contains(&s) => Ok(s),
        Some(s) => bail!("--max-score {s}: must lie between 0 and 1"),
    }
}

/// The termbases of `--termbase`, merged (empty without one).
fn read_termbases(paths: &[PathBuf]) -> anyhow::Result<Termbase> {
    let mut termbase = Termbase::new();
    for path in paths {
        termbase.extend(Termbase::from_file(path).with_context(|| path.display().to_string())?);
    }
    Ok(termbase)
}

fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Reads a whole input file (or standard input) and decodes it strictly (nothing is replaced).
fn read_text(path: &Path, side: Side, limit: usize) -> anyhow::Result<String> {
    Ok(read_input(path, side, false, limit)?.text)
}

/// Reads a pairs file for `score`: as [`read_text`], with messages that call it a pairs file.
fn read_pairs_file(path: &Path, limit: usize) -> anyhow::Result<String> {
    let bytes = read_bytes(path, Side::Source, limit).map_err(|e| match e.downcast::<qalign::Error>() {
        Ok(e) => anyhow::anyhow!("{}: {}", path.display(), pairs_file_message(&e)),
        Err(e) => e,
    })?;
    let decoded = input::decode_owned(bytes, Side::Source)
        .map_err(|e| anyhow::anyhow!("{}: {}", path.display(), pairs_file_message(&e)))?;
    Ok(decoded.text)
}

/// What a reading error says about a pairs file, which is neither side's document.
fn pairs_file_message(e: &qalign::Error) -> String {
    match e {
        qalign::Error::InvalidUtf8 { offset, .. } => {
            format!("not valid UTF-8: invalid byte at offset {offset}")
        }
        qalign::Error::InvalidUtf16 { offset, .. } => {
            format!("not valid UTF-16: invalid code unit at byte offset {offset}")
        }
        qalign::Error::Utf16WithoutBom { .. } => {
            "looks like UTF-16 without a byte-order mark; convert it to UTF-8".to_owned()
        }
        qalign::Error::NotText { kind, .. } => format!("the file is {kind}, not text"),
        qalign::Error::InputTooLarge { size, limit, .. } => {
            format!("the file is {size} bytes, over the limit of {limit} bytes")
        }
        other => other.to_string(),
    }
}

/// Reads a whole input file (or standard input) and decodes it (see `qalign::input::decode`); a
/// lossy decoding's replacements are for the caller to report ([`warn_replaced`]).
fn read_input(path: &Path, side: Side, lossy: bool, limit: usize) -> anyhow::Result<Decoded> {
    let bytes = read_bytes(path, side, limit).map_err(|e| match e.downcast::<qalign::Error>() {
        Ok(e) => anyhow::anyhow!("{}: {e}", path.display()),
        Err(e) => e,
    })?;
    let decoded: Decoded = if lossy {
        input::decode_lossy(&bytes)
    } else {
        input::decode_owned(bytes, side).map_err(|e| {
            let hint = match e {
                qalign::Error::InvalidUtf8 { .. } | qalign::Error::InvalidUtf16 { .. } => {
                    " (--lossy replaces invalid bytes)"
                }
                _ => "",
            };
            anyhow::anyhow!("{}: {e}{hint}", path.display())
        })?
    };
    Ok(decoded)
}

/// Reads the bytes of an input file (or standard input). A file that is not text (see
/// `qalign::input::binary_kind`) fails on its first 64 KiB, before the rest is read, and so does an
/// endless one (`/dev/zero`); a file over the limit fails with its size, or the bytes read when it
/// has none (a pipe).
fn read_bytes(path: &Path, side: Side, limit: usize) -> anyhow::Result<Vec<u8>> {
    // UTF-16 takes up to twice the bytes of its UTF-8 text: read no more than that, so that a huge
    // file is refused without being held in memory.
    let most = 2 * limit as u64 + 2;
    let mut bytes = Vec::new();
    let mut reader: Box<dyn Read> = if is_stdin(path) {
        Box::new(io::stdin().lock())
    } else {
        let file = std::fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
        // Room for the whole file at once (and one byte more, to see the end).
        let size = file.metadata().map_or(0, |m| m.len().min(most + 1));
        bytes.reserve_exact(usize::try_from(size).unwrap_or(0) + 1);
        Box::new(file)
    };
    let cannot_read = || {
        if is_stdin(path) {
            "cannot read standard input".to_owned()
        } else {
            format!("cannot read {}", path.display())
        }
    };
    (&mut reader).take(1 << 16).read_to_end(&mut bytes).with_context(cannot_read)?;
    if let Some(kind) = input::binary_kind(&bytes) {
        return Err(qalign::Error::NotText { side, kind }.into());
    }
    reader.take(most + 1 - bytes.len() as u64).read_to_end(&mut bytes).with_context(cannot_read)?;
    if bytes.len() as u64 > most {
        let size = std::fs::metadata(path).map_or(0, |m| m.len() as usize).max(bytes.len());
        return Err(qalign::Error::InputTooLarge { side, size, limit }.into());
    }
    Ok(bytes)
}

/// Warns that `replaced` invalid sequences of the file at `path` were replaced, if any were.
fn warn_replaced(path: &Path, replaced: usize) {
    if replaced > 0 {
        eprintln!("qalign: warning: {}: replaced {replaced} invalid sequences by U+FFFD", path.display());
    }
}

/// Unwraps an I/O error from the library's error so a broken pipe is recognised.
fn io_error(err: qalign::Error) -> anyhow::Error {
    match err {
        qalign::Error::Io(e) => e.into(),
        other => other.into(),
    }
}
