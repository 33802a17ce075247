//! Reviewed snapshots of what tailor prints for the sample postings in
//! `job-descriptions/` with the shipped `profile.yaml`: `match --json`, the
//! human match report, and the résumé in each text format (md, txt, html,
//! json-resume). Each is a file under `tests/snapshots/POSTING/`, compared
//! byte for byte.
//!
//! A change to matching, selection or rendering changes them on purpose:
//! `TAILOR_UPDATE_SNAPSHOTS=1 cargo test --test it snapshots` rewrites the
//! files that differ, and `git diff tests/snapshots` is the review.

use std::path::PathBuf;

use crate::test::{assert_snapshots, root, snapshot, Test};

/// The sample postings, sorted.
fn samples() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root().join("job-descriptions"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    v.sort();
    assert!(v.len() >= 5, "sample postings: {v:?}");
    v
}

/// (snapshot file name, tailor's arguments before the posting).
const OUTPUTS: [(&str, &[&str]); 6] = [
    ("match.json", &["match", "--json"]),
    ("match.txt", &["--color", "never", "match"]),
    ("resume.md", &["build", "-q", "-f", "md", "-o", "-"]),
    ("resume.txt", &["build", "-q", "-f", "txt", "-o", "-"]),
    ("resume.html", &["build", "-q", "-f", "html", "-o", "-"]),
    (
        "resume.json",
        &["build", "-q", "-f", "json-resume", "-o", "-"],
    ),
];

#[test]
fn every_sample_posting_prints_its_reviewed_snapshots() {
    let mut all = true;
    for posting in samples() {
        let stem = posting.file_stem().unwrap().to_string_lossy().into_owned();
        let relative = posting.strip_prefix(root()).unwrap().to_path_buf();
        for (file, args) in OUTPUTS {
            let done = Test::new().args(args.iter().copied()).arg(&relative).run();
            assert!(!done.stdout_bytes.is_empty(), "{file} of {stem} is empty");
            all &= snapshot(&format!("{stem}/{file}"), &done.stdout_bytes);
        }
    }
    assert_snapshots(all);
}

#[test]
fn a_changed_output_fails_its_snapshot() {
    // The comparison is byte for byte: one byte more is a difference.
    let posting = &samples()[0];
    let stem = posting.file_stem().unwrap().to_string_lossy().into_owned();
    let name = format!("{stem}/match.json");
    let Ok(mut bytes) = std::fs::read(root().join("tests/snapshots").join(&name)) else {
        return; // not made yet: the test above says so
    };
    if std::env::var_os(crate::test::UPDATE).is_some() {
        return;
    }
    assert!(snapshot(&name, &bytes));
    bytes.push(b'\n');
    assert!(!snapshot(&name, &bytes));
}
