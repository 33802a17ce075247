//! Every posting of `../shared/corpus` goes through posting analysis and
//! scoring without a panic, and every report keeps its promises (fit in
//! 0–100, no term twice). Skipped, with a note, where the corpus is absent.
//!
//! A debug build checks every fifth posting (about ten seconds on two
//! cores); a release build (`cargo test --release --test corpus`) or
//! `TAILOR_CORPUS_ALL=1` checks all of them. `cargo bench --bench match`
//! runs all of them too.

use std::path::Path;

use rayon::prelude::*;
use tailor::keywords::Lexicon;
use tailor::score::{self, Evidence};

#[test]
fn every_corpus_posting_is_analysed_and_scored() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus = root.join("../shared/corpus/remote-jobs.jsonl");
    let Ok(text) = std::fs::read_to_string(&corpus) else {
        eprintln!("note: {} is absent; corpus check skipped", corpus.display());
        return;
    };
    let profile = tailor::profile::load(&root.join("profile.yaml")).expect("profile.yaml loads");
    let ev = Evidence::new(&profile, Lexicon::builtin(), score::profile_now(&profile));
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let all = !cfg!(debug_assertions) || std::env::var_os("TAILOR_CORPUS_ALL").is_some();
    let step = if all { 1 } else { 5 };
    let checked: Vec<(usize, &&str)> = lines.iter().enumerate().step_by(step).collect();
    let scored: usize = checked
        .par_iter()
        .map(|&(i, line)| {
            let v: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
            let body = v["text"].as_str().unwrap_or_default();
            let name = format!("corpus line {}", i + 1);
            let Ok(text) = tailor::posting::decode(body.as_bytes()) else {
                return 0;
            };
            let Ok(posting) = tailor::posting::analyse(&text, &name) else {
                return 0;
            };
            let m = score::score(&ev, &posting);
            assert!((0.0..=100.0).contains(&m.fit), "{name}: fit {}", m.fit);
            let mut terms: Vec<&str> = m.keywords.iter().map(|k| k.term.as_str()).collect();
            terms.sort_unstable();
            let n = terms.len();
            terms.dedup();
            assert_eq!(terms.len(), n, "{name}: a term reported twice");
            1
        })
        .sum();
    assert_eq!(
        lines.len(),
        6665,
        "the corpus README promises 6,665 postings"
    );
    assert!(
        scored * 10 >= checked.len() * 9,
        "only {scored} of {} postings scored",
        checked.len()
    );
}
