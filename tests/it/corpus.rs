//! Every posting of `../shared/corpus` goes through the whole of `tailor
//! build` — analysis, scoring, selection and rendering — without a panic,
//! and every result keeps its promises (fit in 0–100, no term twice, only
//! profile bullets, each once). Skipped, with a note, where the corpus is
//! absent. Markdown, text and JSON Resume for each; Markdown and PDF for
//! every twentieth one checked (layout and font subsetting are the slow
//! part in debug).
//!
//! A debug build checks every tenth posting (15–30 seconds on two cores); a
//! release build (`cargo test --release --test it corpus::`) or
//! `TAILOR_CORPUS_ALL=1` checks all of them. `scripts/bench-batch.sh 6641`
//! runs the real binary over all of them, PDF included.

use std::path::Path;

use rayon::prelude::*;
use tailor::config::{BuildConfig, Input, Output};
use tailor::keywords::Lexicon;
use tailor::render::{Format, RenderOptions};
use tailor::score::{self, Evidence};
use tailor::select::Budget;

fn config(formats: &[Format]) -> BuildConfig {
    BuildConfig {
        input: Input::Stdin,
        profile: "profile.yaml".into(),
        formats: formats.to_vec(),
        output: Output::Stdout,
        render: RenderOptions::default(),
        pages: None,
        budget: Budget::default(),
        force: false,
        recursive: false,
        quiet: true,
        explain: false,
    }
}

#[test]
fn every_corpus_posting_goes_through_build() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus = root.join("../shared/corpus/remote-jobs.jsonl");
    let Ok(text) = std::fs::read_to_string(&corpus) else {
        eprintln!("skipped: ../shared/corpus absent (CI has it; see README, Development)");
        return;
    };
    let promised = promised_postings(&corpus.with_file_name("README.md"));
    let profile = tailor::profile::load(&root.join("profile.yaml")).expect("profile.yaml loads");
    let ev = Evidence::new(&profile, Lexicon::builtin(), score::profile_now(&profile));
    let bullets: std::collections::HashSet<&str> =
        profile.bullets().map(|(_, b)| b.text.as_str()).collect();
    let text_formats = config(&[Format::Markdown, Format::Text, Format::JsonResume]);
    let with_pdf = config(&[Format::Markdown, Format::Pdf]);
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let all = !cfg!(debug_assertions) || std::env::var_os("TAILOR_CORPUS_ALL").is_some();
    let step = if all { 1 } else { 10 };
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
            let cfg = if i % (20 * step) == 0 {
                &with_pdf
            } else {
                &text_formats
            };
            let built = tailor::build::tailor(cfg, &profile, &ev, &posting)
                .unwrap_or_else(|e| panic!("{name}: {e:#}"));
            let ids: Vec<&str> = built.selection.tailored.bullet_ids().collect();
            let unique: std::collections::HashSet<&str> = ids.iter().copied().collect();
            assert_eq!(unique.len(), ids.len(), "{name}: a bullet twice");
            for t in built.selection.tailored.bullet_texts() {
                assert!(bullets.contains(t), "{name}: not a profile bullet: {t}");
            }
            let m = built.matched;
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
        Some(lines.len()),
        promised,
        "the corpus README's title says how many postings it holds"
    );
    assert!(
        scored * 10 >= checked.len() * 9,
        "only {scored} of {} postings scored",
        checked.len()
    );
}

/// The count the corpus README's title promises ("# corpus/ — 6,641 real
/// job postings"), so the check follows the corpus instead of a copy of it.
fn promised_postings(readme: &Path) -> Option<usize> {
    let text = std::fs::read_to_string(readme).ok()?;
    let title = text.lines().next()?;
    let digits: String = title
        .split_whitespace()
        .find(|w| w.starts_with(|c: char| c.is_ascii_digit()))?
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}
