//! Matching speed: lexicon load, profile indexing, and in-process
//! analyse + score throughput over ../shared/corpus (every posting, so it
//! doubles as a no-panic run over the whole corpus).
//!
//! Run: `cargo bench --bench match` (add `-- N` to use the first N postings).

use std::path::Path;
use std::time::Instant;

use tailor::keywords::Lexicon;
use tailor::score::{self, Evidence};

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let limit: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(usize::MAX);
    let corpus = root.join("../shared/corpus/remote-jobs.jsonl");
    let text = std::fs::read_to_string(&corpus).expect("the corpus beside the repo");
    let postings: Vec<String> = text
        .lines()
        .take(limit)
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("a JSON line");
            v["text"].as_str().unwrap_or_default().to_owned()
        })
        .collect();

    let t = Instant::now();
    let runs = 20;
    for _ in 0..runs {
        std::hint::black_box(Lexicon::builtin());
    }
    let lex_ms = t.elapsed().as_secs_f64() * 1000.0 / f64::from(runs);

    let profile = tailor::profile::load(
        &std::env::var_os("TAILOR_PROFILE").map_or_else(|| root.join("profile.yaml"), Into::into),
    )
    .expect("profile.yaml");
    let t = Instant::now();
    let ev = Evidence::new(&profile, Lexicon::builtin(), score::profile_now(&profile));
    let ev_ms = t.elapsed().as_secs_f64() * 1000.0;

    let t = Instant::now();
    let (mut ok, mut bad, mut terms) = (0usize, 0usize, 0usize);
    for (i, p) in postings.iter().enumerate() {
        match tailor::files::posting_from_bytes(p.as_bytes(), &format!("corpus:{i}")) {
            Ok(posting) => {
                let m = score::score(&ev, &posting);
                terms += m.keywords.len();
                ok += 1;
            }
            Err(_) => bad += 1,
        }
    }
    let secs = t.elapsed().as_secs_f64();
    let bytes: usize = postings.iter().map(String::len).sum();
    println!("lexicon load        {lex_ms:8.2} ms");
    println!("profile index       {ev_ms:8.2} ms");
    println!(
        "analyse + score     {:8.0} postings/s  ({} postings, {:.1} MB, {:.3} ms each, {} rejected, {:.1} terms each)",
        postings.len() as f64 / secs,
        postings.len(),
        bytes as f64 / 1e6,
        secs * 1000.0 / postings.len() as f64,
        bad,
        terms as f64 / ok.max(1) as f64
    );
}
