fn main() {
    let kind = std::env::args().nth(1).unwrap_or_default();
    let text = std::fs::read_to_string("tests/data/ntrex-dev/qe.tsv").unwrap();
    for line in text.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        if f[1] != kind {
            continue;
        }
        let q = qalign::score_pair(f[2], f[3]);
        let c = &q.components;
        println!(
            "{:.3} len={:.1} num s{} m{} a{} c{} names m{} u{} lex {}/{} | {}\n    AR {}\n    FIND {:?}",
            q.score,
            c.length,
            c.numbers_shared,
            c.numbers_missing,
            c.numbers_added,
            c.numbers_contradicted,
            c.names_matched,
            c.names_unmatched,
            c.lexicon_matched,
            c.lexicon_words,
            f[3],
            f[2],
            q.findings.iter().map(|f| format!("{}:{}", f.kind, f.evidence)).collect::<Vec<_>>()
        );
    }
}
