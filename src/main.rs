//! The `qalign` command line: arguments, files and exit codes. All logic lives in the library.

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::{Parser, Subcommand, ValueEnum};
use qalign::input::{self, Decoded};
use qalign::output::{Format, write_alignment};
use qalign::{Aligner, Side};

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
        /// Replace invalid UTF-8 (or UTF-16) by U+FFFD instead of failing; spans are then offsets
        /// into the repaired text.
        #[arg(long)]
        lossy: bool,
        /// Align even when a document is not in its language's script (swapped or same-language
        /// files).
        #[arg(long)]
        force: bool,
        /// Blank out HTML tags, comments, scripts and styles, and decode character references;
        /// every byte keeps its offset.
        #[arg(long)]
        strip_html: bool,
        /// The Arabic document (`-` for standard input).
        ar_file: PathBuf,
        /// The English document (`-` for standard input).
        en_file: PathBuf,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Jsonl,
    Tsv,
    Text,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Jsonl => Format::Jsonl,
            FormatArg::Tsv => Format::Tsv,
            FormatArg::Text => Format::Text,
        }
    }
}

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
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Align { presegmented, format, lossy, force, strip_html, ar_file, en_file } => {
            if is_stdin(&ar_file) && is_stdin(&en_file) {
                bail!("only one of AR_FILE and EN_FILE can be `-` (standard input)");
            }
            let aligner = Aligner::new();
            let read = |path: &Path, side| -> anyhow::Result<String> {
                let text = read_input(path, side, lossy, aligner.config().max_input_bytes)?;
                let text = if strip_html { input::strip_html(&text) } else { text };
                input::check_text(&text, side).with_context(|| path.display().to_string())?;
                Ok(text)
            };
            let ar = read(&ar_file, Side::Source)?;
            let en = read(&en_file, Side::Target)?;
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
            let alignment =
                if presegmented { aligner.align_lines(&ar, &en)? } else { aligner.align(&ar, &en)? };
            let stdout = io::stdout();
            let mut out = io::BufWriter::new(stdout.lock());
            write_alignment(&mut out, &alignment, format.into()).map_err(io_error)?;
            out.flush()?;
        }
    }
    Ok(())
}

fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Reads a whole input file (or standard input) and decodes it (see `qalign::input::decode`).
fn read_input(path: &Path, side: Side, lossy: bool, limit: usize) -> anyhow::Result<String> {
    // UTF-16 takes up to twice the bytes of its UTF-8 text: read no more than that, so that a huge
    // file is refused without being held in memory.
    let most = 2 * limit as u64 + 2;
    let mut bytes = Vec::new();
    if is_stdin(path) {
        io::stdin().take(most + 1).read_to_end(&mut bytes).context("cannot read standard input")?;
    } else {
        let file = std::fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
        file.take(most + 1)
            .read_to_end(&mut bytes)
            .with_context(|| format!("cannot read {}", path.display()))?;
    }
    if bytes.len() as u64 > most {
        let size = std::fs::metadata(path).map_or(bytes.len(), |m| m.len() as usize);
        return Err(qalign::Error::InputTooLarge { side, size, limit }.into());
    }
    let decoded: Decoded = if lossy {
        input::decode_lossy(&bytes)
    } else {
        input::decode(&bytes, side).map_err(|e| {
            let hint = match e {
                qalign::Error::InvalidUtf8 { .. } | qalign::Error::InvalidUtf16 { .. } => {
                    " (--lossy replaces invalid bytes)"
                }
                _ => "",
            };
            anyhow::anyhow!("{}: {e}{hint}", path.display())
        })?
    };
    if decoded.replaced > 0 {
        eprintln!(
            "qalign: warning: {}: replaced {} invalid sequences by U+FFFD",
            path.display(),
            decoded.replaced
        );
    }
    Ok(decoded.text)
}

/// Unwraps an I/O error from the library's error so a broken pipe is recognised.
fn io_error(err: qalign::Error) -> anyhow::Error {
    match err {
        qalign::Error::Io(e) => e.into(),
        other => other.into(),
    }
}
