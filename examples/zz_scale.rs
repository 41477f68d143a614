use qalign::{Aligner, Document, Lang, Segmentation};
#[path = "../tests/common/devset.rs"]
mod devset;
fn cpu() -> f64 {
    let s = std::fs::read_to_string("/proc/self/stat").unwrap();
    let f: Vec<&str> = s.rsplit(')').next().unwrap().split_whitespace().collect();
    (f[11].parse::<f64>().unwrap() + f[12].parse::<f64>().unwrap()) / 100.0
}
fn main() {
    let d = std::path::Path::new("benches/data");
    let ar = std::fs::read_to_string(d.join("scale.ar")).unwrap();
    let en = std::fs::read_to_string(d.join("scale.en")).unwrap();
    let gold = std::fs::read_to_string(d.join("scale.gold")).unwrap();
    let t = std::time::Instant::now();
    let src = Document::new(&ar, Lang::Arabic, Segmentation::Lines);
    let tgt = Document::new(&en, Lang::English, Segmentation::Lines);
    eprintln!("prepare {:?}", t.elapsed());
    for w in std::env::args().skip(1) {
        let w: usize = w.parse().unwrap();
        let aligner = Aligner::builder().band_width(w).build().unwrap();
        let c0 = cpu();
        let t = std::time::Instant::now();
        let a = aligner.align_documents(&src, &tgt);
        let el = t.elapsed();
        let c = devset::score_presegmented(&a, &gold);
        eprintln!("w={w} {:?} cpu={:.2} f1={:.4}", el, cpu() - c0, c.link_f1());
    }
}
