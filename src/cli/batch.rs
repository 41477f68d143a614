//! `qalign batch`: JSON lines of document pairs in, one JSON line per pair out, in order (the format
//! of `qalign::batch`). The input is read a chunk of lines at a time and each chunk aligned on every
//! core, so memory stays bounded whatever the input's size.

use std::io::{self, BufRead, Write};
use std::path::Path;

use anyhow::Context;
use qalign::Aligner;

/// Lines aligned together: enough to keep every core busy between two reads.
const CHUNK_LINES: usize = 256;

/// Bytes of input read before a chunk is aligned, whatever its number of lines.
const CHUNK_BYTES: usize = 16 << 20;

/// Aligns every record of `path` (`-` for standard input) and writes the output lines to standard
/// output, one per record, in order. A line over twice the aligner's `max_input_bytes` (two
/// documents at the limit) is not read: its output line is an error with a `null` id.
pub fn run(aligner: &Aligner, path: &Path) -> anyhow::Result<()> {
    let mut input: Box<dyn BufRead> = if path.as_os_str() == "-" {
        Box::new(io::stdin().lock())
    } else {
        let file = std::fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
        Box::new(io::BufReader::with_capacity(1 << 16, file))
    };
    let line_limit = 2 * aligner.config().max_input_bytes;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut line_number = 0;
    loop {
        let mut chunk: Vec<Line> = Vec::with_capacity(CHUNK_LINES);
        let mut bytes = 0;
        while chunk.len() < CHUNK_LINES && bytes < CHUNK_BYTES {
            line_number += 1;
            let Some(line) = read_line(&mut input, line_limit, line_number)
                .with_context(|| format!("cannot read {}", path.display()))?
            else {
                break;
            };
            bytes += match &line {
                Line::Record(bytes) => bytes.len(),
                Line::TooLong(_) => 0,
            };
            chunk.push(line);
        }
        if chunk.is_empty() {
            break;
        }
        let records: Vec<&[u8]> = chunk
            .iter()
            .map(|line| match line {
                Line::Record(bytes) => bytes.as_slice(),
                Line::TooLong(_) => &[],
            })
            .collect();
        let aligned = qalign::batch::align_records(aligner, &records);
        for (line, aligned) in chunk.iter().zip(aligned) {
            match (line, aligned) {
                (Line::TooLong(message), _) => {
                    serde_json::to_writer(&mut out, &serde_json::json!({"id": null, "error": message}))?
                }
                (Line::Record(_), Some(aligned)) => out.write_all(aligned.as_bytes())?,
                (Line::Record(_), None) => continue,
            }
            out.write_all(b"\n")?;
        }
        // Whoever reads the output (a pipe from Spark or Hadoop) gets each chunk as soon as it is done.
        out.flush()?;
    }
    Ok(())
}

/// One input line.
enum Line {
    /// The line's bytes, without its line end.
    Record(Vec<u8>),
    /// A line over the limit, skipped, with the message saying so.
    TooLong(String),
}

/// Reads the next line, or `None` at the end of the input. A line over `limit` bytes is skipped.
fn read_line<R: BufRead>(input: &mut R, limit: usize, number: usize) -> io::Result<Option<Line>> {
    let mut bytes = Vec::new();
    let read = io::Read::take(&mut *input, limit as u64 + 1).read_until(b'\n', &mut bytes)?;
    if read == 0 {
        return Ok(None);
    }
    if bytes.last() == Some(&b'\n') {
        bytes.pop();
    } else if bytes.len() > limit {
        input.skip_until(b'\n')?;
        let message = format!("line {number} is over the limit of {limit} bytes");
        return Ok(Some(Line::TooLong(message)));
    }
    Ok(Some(Line::Record(bytes)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_over_the_limit_are_skipped_whole() {
        let mut input = io::Cursor::new(b"short\nthis line is long\r\n\nlast".to_vec());
        let mut read = || read_line(&mut input, 8, 0).unwrap();
        assert!(matches!(read(), Some(Line::Record(b)) if b == b"short"));
        assert!(matches!(read(), Some(Line::TooLong(m)) if m == "line 0 is over the limit of 8 bytes"));
        assert!(matches!(read(), Some(Line::Record(b)) if b.is_empty()));
        assert!(matches!(read(), Some(Line::Record(b)) if b == b"last"));
        assert!(read().is_none());
    }
}
