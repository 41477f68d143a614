//! Bilingual files from CAT tools scored unit by unit: an XLIFF 1.2 and an XLIFF 2.0 file written by
//! hand after the standards, and the TMX that `qalign align --format tmx` writes, give the scores of
//! the equivalent `ar<TAB>en` lines.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The TSV the XLIFF files in `tests/data` hold: (id, Arabic, English).
const UNITS: [(&str, &str, &str); 4] = [
    ("title", "روسيا تعزز العلاقات مع العراق", "Russia boosts ties with Iraq"),
    ("s1", "ارتفعت الأسعار بنسبة 60% في 2014.", "Prices rose by 16% in 2014."),
    ("s2", "قال الوزير إن الحرب انتهت.", "The minister said the war was over."),
    (
        "s3",
        "وقع المسؤولون مذكرة تفاهم & اتفاقية تجارة.",
        "Officials signed a memorandum & a trade agreement.",
    ),
];

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name)
}

fn qalign(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_qalign")).args(args).output().expect("qalign runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// `(id, score)` per line of `qalign score` JSON lines.
fn scores(jsonl: &str) -> Vec<(String, f64)> {
    jsonl
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            (v["id"].as_str().unwrap().to_owned(), v["score"].as_f64().unwrap())
        })
        .collect()
}

fn temp_file(name: &str, text: &str) -> PathBuf {
    let path = std::env::temp_dir().join(format!("qalign-bilingual-{}-{name}", std::process::id()));
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn xliff_files_score_as_their_tsv() {
    let tsv: String = UNITS.iter().map(|(_, ar, en)| format!("{ar}\t{en}\n")).collect();
    let tsv_file = temp_file("units.tsv", &tsv);
    let expected = scores(&qalign(&["score", tsv_file.to_str().unwrap()]));
    for name in ["pairs-1.2.xlf", "pairs-2.0.xlf"] {
        let units = qalign::bilingual::read_units(&std::fs::read_to_string(data(name)).unwrap()).unwrap();
        let read: Vec<(&str, &str, &str)> =
            units.iter().map(|u| (u.id.as_str(), u.ar.as_str(), u.en.as_str())).collect();
        assert_eq!(read, UNITS, "{name}");
        let got = scores(&qalign(&["score", data(name).to_str().unwrap()]));
        let ids: Vec<&str> = got.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids, UNITS.map(|u| u.0), "{name}");
        let values = |s: &[(String, f64)]| s.iter().map(|(_, v)| *v).collect::<Vec<_>>();
        assert_eq!(values(&got), values(&expected), "{name}");
    }
    // Findings are reported by unit id: the 16% for 60% is unit `s1`.
    let out = qalign(&["score", "--format", "tsv", data("pairs-2.0.xlf").to_str().unwrap()]);
    let number_row = out.lines().find(|l| l.contains("mistranslation/number")).unwrap();
    assert!(number_row.starts_with("2\ts1\t"), "{number_row}");
    std::fs::remove_file(tsv_file).unwrap();
}

#[test]
fn tmx_of_align_scores_as_its_tsv_and_files_make_one_report() {
    let (ar, en) = (
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/003_02c1adf0d7f5733e.txt"),
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/000_47fec3c5d65e0f7a.txt"),
    );
    let tmx = qalign(&["align", "--format", "tmx", ar.to_str().unwrap(), en.to_str().unwrap()]);
    let tmx_file = temp_file("seed.tmx", &tmx);
    let units = qalign::bilingual::read_units(&tmx).unwrap();
    assert!(units.len() > 10);
    let tsv: String = units.iter().map(|u| format!("{}\t{}\n", u.ar, u.en)).collect();
    let tsv_file = temp_file("seed.tsv", &tsv);
    let from_tmx = scores(&qalign(&["score", tmx_file.to_str().unwrap()]));
    let from_tsv = scores(&qalign(&["score", tsv_file.to_str().unwrap()]));
    assert_eq!(from_tmx.len(), from_tsv.len());
    for ((tmx_id, a), (_, b)) in from_tmx.iter().zip(&from_tsv) {
        assert_eq!(a, b, "unit {tmx_id}");
    }
    // The ids are the beads' `tuid`s, as `align --format tmx` numbers them.
    let first = &units[0].id;
    assert_eq!(&from_tmx[0].0, first);
    // Two files, one report: every unit once, ids prefixed by their file.
    let both =
        scores(&qalign(&["score", tmx_file.to_str().unwrap(), data("pairs-1.2.xlf").to_str().unwrap()]));
    assert_eq!(both.len(), from_tmx.len() + UNITS.len());
    assert!(both.last().unwrap().0.ends_with("pairs-1.2.xlf:s3"));
    std::fs::remove_file(tmx_file).unwrap();
    std::fs::remove_file(tsv_file).unwrap();
}
