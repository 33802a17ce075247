//! One batch at a time in an output folder (issue 13, item 13): a second
//! run while the lock is held is refused and writes nothing, a lock whose
//! process is gone is taken over, and the previous run's index never
//! survives into a new run.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const LOCK: &str = ".tailor.lock";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn build(postings: &Path, out: &Path) -> Output {
    crate::test::tailor_command()
        .current_dir(root())
        .args(["build", "--profile", "profile.yaml", "-f", "md", "-o"])
        .arg(out)
        .arg(postings)
        .stdin(Stdio::null())
        .output()
        .expect("tailor runs")
}

/// A folder with two sample postings.
fn postings() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in [
        "northwind-health-platform-engineer.md",
        "tallyrock-financial-devops-engineer.md",
    ] {
        std::fs::copy(
            root().join("job-descriptions").join(name),
            dir.path().join(name),
        )
        .unwrap();
    }
    dir
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// The pid of a process that has ended and been waited for, or `None`
/// where that cannot be arranged.
fn dead_pid() -> Option<u32> {
    let mut child = Command::new("true").spawn().ok()?;
    let pid = child.id();
    child.wait().ok()?;
    // Only where /proc tells the living (Linux), as tailor's check does.
    (Path::new("/proc/self").exists() && !Path::new(&format!("/proc/{pid}")).exists())
        .then_some(pid)
}

#[test]
fn a_second_run_while_the_lock_is_held_is_refused_and_writes_nothing() {
    let postings = postings();
    let out = tempfile::tempdir().unwrap();
    // Held by a live process: this test's own.
    std::fs::write(out.path().join(LOCK), format!("{}\n", std::process::id())).unwrap();
    let o = build(postings.path(), out.path());
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8(o.stderr).unwrap();
    let shown = format!("{}/", out.path().display());
    assert!(
        err.contains(&format!("another tailor run is writing to {shown}")),
        "{err}"
    );
    assert!(err.contains(&format!("{shown}{LOCK}")), "{err}");
    assert!(
        err.contains("wait for it or remove the lock if no run is active"),
        "{err}"
    );
    // Nothing written, and the other run's lock left alone.
    assert_eq!(names(out.path()), [LOCK]);
    assert_eq!(
        std::fs::read_to_string(out.path().join(LOCK)).unwrap(),
        format!("{}\n", std::process::id())
    );
}

#[test]
fn a_stale_lock_is_taken_over_with_a_note_and_removed_at_the_end() {
    let Some(pid) = dead_pid() else {
        eprintln!("note: cannot find a dead process id here; stale-lock check skipped");
        return;
    };
    let postings = postings();
    let out = tempfile::tempdir().unwrap();
    std::fs::write(out.path().join(LOCK), format!("{pid}\n")).unwrap();
    let o = build(postings.path(), out.path());
    let err = String::from_utf8(o.stderr).unwrap();
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(
        err.contains(&format!(
            "took over the lock {}/{LOCK} of an earlier run (process {pid})",
            out.path().display()
        )),
        "{err}"
    );
    let files = names(out.path());
    assert!(!files.contains(&LOCK.to_owned()), "{files:?}");
    assert!(files.contains(&"index.json".to_owned()), "{files:?}");
    assert_eq!(files.len(), 4, "{files:?}");
}

#[test]
fn the_previous_runs_index_is_gone_before_a_new_run_writes() {
    // A run that cannot write its index (a folder in index.md's place)
    // must not leave the last run's index.json over its new résumés.
    let postings = postings();
    let out = tempfile::tempdir().unwrap();
    std::fs::create_dir(out.path().join("index.md")).unwrap();
    std::fs::write(
        out.path().join("index.json"),
        r#"{"postings": [{"posting": "old.md", "files": ["old-resume.md"]}]}"#,
    )
    .unwrap();
    let o = build(postings.path(), out.path());
    assert_eq!(o.status.code(), Some(1));
    let files = names(out.path());
    assert!(!files.contains(&"index.json".to_owned()), "{files:?}");
    assert!(!files.contains(&LOCK.to_owned()), "{files:?}");
    // The résumés were written all the same.
    assert_eq!(
        files.iter().filter(|f| f.ends_with(".md")).count(),
        3,
        "{files:?}"
    );
}
