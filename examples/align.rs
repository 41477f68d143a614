//! Aligns an Arabic article with its English translation and prints every pair readably.
//!
//! ```text
//! cargo run --release --example align                 # the bundled seed pair
//! cargo run --release --example align -- AR.txt EN.txt
//! ```

use std::path::{Path, PathBuf};

use anyhow::Context;
use qalign::Aligner;
use qalign::output::{Format, write_alignment};

fn main() -> anyhow::Result<()> {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data");
    let (ar_path, en_path) = match args.as_slice() {
        [] => (data.join("003_02c1adf0d7f5733e.txt"), data.join("000_47fec3c5d65e0f7a.txt")),
        [ar, en] => (ar.clone(), en.clone()),
        _ => anyhow::bail!("usage: align [AR_FILE EN_FILE]"),
    };
    let ar =
        std::fs::read_to_string(&ar_path).with_context(|| format!("cannot read {}", ar_path.display()))?;
    let en =
        std::fs::read_to_string(&en_path).with_context(|| format!("cannot read {}", en_path.display()))?;
    let alignment = Aligner::new().align(&ar, &en)?;
    println!("{} (Arabic)  ↔  {} (English)\n", ar_path.display(), en_path.display());
    write_alignment(&mut std::io::stdout().lock(), &alignment, Format::Text)?;
    let pairs = alignment.pairs().count();
    println!("{pairs} pairs, {} unpaired sentences", alignment.beads.len() - pairs);
    Ok(())
}
