//! Aligns an Arabic article with its English translation and prints every pair readably.
//!
//! ```text
//! cargo run --release --example align                 # the bundled seed pair
//! cargo run --release --example align -- AR.txt EN.txt
//! cargo run --release --example align -- --html report.html   # also write the HTML QA report
//! ```

use std::path::{Path, PathBuf};

use anyhow::Context;
use qalign::output::{Format, HtmlOptions, write_alignment, write_html};
use qalign::{
    Aligner, Document,
    document::{Lang, Segmentation},
    verdict::Verdict,
};

fn main() -> anyhow::Result<()> {
    let mut args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let mut html = None;
    if let Some(k) = args.iter().position(|a| a.as_os_str() == "--html") {
        anyhow::ensure!(k + 1 < args.len(), "--html needs an output file");
        html = Some(args.remove(k + 1));
        args.remove(k);
    }
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data");
    let (ar_path, en_path) = match args.as_slice() {
        [] => (data.join("003_02c1adf0d7f5733e.txt"), data.join("000_47fec3c5d65e0f7a.txt")),
        [ar, en] => (ar.clone(), en.clone()),
        _ => anyhow::bail!("usage: align [--html OUT] [AR_FILE EN_FILE]"),
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
    if let Some(path) = html {
        let src = Document::new(&ar, Lang::Arabic, Segmentation::Raw);
        let tgt = Document::new(&en, Lang::English, Segmentation::Raw);
        let name =
            |p: &Path| p.file_name().map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into());
        let options = HtmlOptions::new()
            .title(format!("{} ↔ {}", name(&ar_path), name(&en_path)))
            .verdict(Verdict::new(&alignment, &src, &tgt));
        let mut out = Vec::new();
        write_html(&mut out, &alignment, &options)?;
        std::fs::write(&path, out).with_context(|| format!("cannot write {}", path.display()))?;
        println!("report written to {}", path.display());
    }
    Ok(())
}
