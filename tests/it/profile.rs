//! `tailor import` and `tailor check` through the real binary: the seeds
//! against a golden profile, merging, every validation message, and bad
//! input (not UTF-8, empty, malformed) ending in exit 2 with the file named
//! and no panic.
//!
//! Regenerate the golden file on purpose with `TAILOR_UPDATE_SNAPSHOTS=1
//! cargo test --test it` (as every snapshot; `TAILOR_BLESS=1` too) and review
//! the diff.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A tiny builder around one run of the binary.
struct Run {
    cmd: Command,
}

impl Run {
    fn new(args: &[&str]) -> Self {
        let mut cmd = crate::test::tailor_command();
        cmd.args(args).current_dir(root());
        Run { cmd }
    }

    fn arg(mut self, a: impl AsRef<std::ffi::OsStr>) -> Self {
        self.cmd.arg(a);
        self
    }

    fn output(mut self) -> Done {
        let out: Output = self.cmd.output().expect("the binary runs");
        let done = Done {
            code: out.status.code(),
            stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
        };
        assert!(!done.stderr.contains("panicked"), "{}", done.stderr);
        done
    }
}

struct Done {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Done {
    fn code(&self, code: i32) -> &Self {
        assert_eq!(
            self.code,
            Some(code),
            "stdout:\n{}\nstderr:\n{}",
            self.stdout,
            self.stderr
        );
        self
    }

    fn stderr_has(&self, s: &str) -> &Self {
        assert!(
            self.stderr.contains(s),
            "{s:?} not in stderr:\n{}",
            self.stderr
        );
        self
    }

    fn stdout_has(&self, s: &str) -> &Self {
        assert!(
            self.stdout.contains(s),
            "{s:?} not in stdout:\n{}",
            self.stdout
        );
        self
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

const SEED_NEW: &str = "tests/fixtures/seeds/000_ab4b6636d989a7da.txt";
const SEED_OLD: &str = "tests/fixtures/seeds/001_57b7c0c645f2306d.txt";
const SEED_QA: &str = "tests/fixtures/seeds/003_b179156f6cf76e14.txt";

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

// --- import ----------------------------------------------------------------

#[test]
fn import_of_the_seeds_matches_the_golden_profile() {
    let done = Run::new(&["import", SEED_NEW, SEED_OLD]).output();
    done.code(0);
    let golden = root().join("tests/golden/import-seeds.yaml");
    if std::env::var_os("TAILOR_BLESS").is_some() || std::env::var_os(crate::test::UPDATE).is_some()
    {
        std::fs::write(&golden, &done.stdout).unwrap();
    }
    let want =
        std::fs::read_to_string(&golden).expect("golden file; TAILOR_UPDATE_SNAPSHOTS=1 makes it");
    assert!(
        done.stdout == want,
        "import output differs from tests/golden/import-seeds.yaml; \
         rerun with TAILOR_UPDATE_SNAPSHOTS=1 and review the diff"
    );
    // The report: merges and everything that could not be placed.
    done.stderr_has(&format!(
        "{SEED_NEW}:24: merged project \"SRE Responsibilities & IMS\" into \
         \"LillyDev SRE Responsibilities & IMS (Inventory Management System)\""
    ))
    .stderr_has(&format!(
        "{SEED_OLD}:17: merged project \"LillyDev SRE Responsibilities & IMS\""
    ))
    .stderr_has(&format!("{SEED_NEW}:3: not placed: code block \"Notes:"))
    .stderr_has(&format!("{SEED_NEW}:59: not placed: note \"MORE HERE\""))
    .stderr_has(&format!(
        "{SEED_OLD}:5: not placed: sub-item \"No additional details needed here"
    ))
    .stderr_has("import: 5 projects, 83 bullets (3 general), 12 skill areas");
}

#[test]
fn imported_seeds_pass_check_with_their_typos_as_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("p.yaml");
    Run::new(&["import", SEED_NEW, SEED_OLD, "-o"])
        .arg(&out)
        .output()
        .code(0)
        .stderr_has("import: wrote");
    let done = Run::new(&["check"]).arg(&out).output();
    done.code(0)
        .stdout_has("possible misspelling \"Kuberneties\" (did you mean \"Kubernetes\"?)")
        .stdout_has("possible misspelling \"robusteness\" (did you mean \"robustness\"?)")
        .stdout_has("\"Graphql\" is written \"GraphQL\"")
        .stdout_has("0 errors,");
}

#[test]
fn import_merges_projects_and_bullets_but_keeps_different_figures() {
    let dir = tempfile::tempdir().unwrap();
    let new = write(
        dir.path(),
        "new.md",
        b"## Basic Understanding\n\n### Scaling\n**LillyDev SRE Responsibilities & IMS**\n\
          - Scaled ECS services for high availability, reducing downtime by 40%.\n\
          - Developed event-driven workflows using Lambda, SNS, and SQS. Used SQS retries.\n",
    );
    let old = write(
        dir.path(),
        "old.md",
        b"## Expert Understanding\n\n### Serverless\n**SRE Responsibilities & IMS**\n\
          - Scaled ECS services for high availability, reducing downtime by 30%.\n\
          - Developed event-driven workflows using Lambda, SNS, and SQS.\n",
    );
    let done = Run::new(&["import"]).arg(&new).arg(&old).output();
    done.code(0)
        .stderr_has("old.md:4: merged project \"SRE Responsibilities & IMS\" into \"LillyDev SRE Responsibilities & IMS\"")
        .stderr_has("old.md:6: merged into ")
        .stderr_has("new.md:6 (kept the fuller text): dropped \"Developed event-driven workflows using Lambda, SNS, and SQS.\"")
        .stderr_has("old.md:5: kept apart from ")
        .stderr_has("1 project, 3 bullets")
        .stdout_has("reducing downtime by 40%")
        .stdout_has("reducing downtime by 30%")
        .stdout_has("start: TODO");
}

#[test]
fn import_refuses_to_overwrite_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let out = write(dir.path(), "profile.yaml", b"keep me\n");
    Run::new(&["import", SEED_NEW, "-o"])
        .arg(&out)
        .output()
        .code(2)
        .stderr_has("already exists")
        .stderr_has("hint: pass --force");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep me\n");
    Run::new(&["import", SEED_NEW, "--force", "-o"])
        .arg(&out)
        .output()
        .code(0);
    assert!(std::fs::read_to_string(&out).unwrap().contains("projects:"));
}

#[test]
fn import_of_bad_input_exits_2_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let latin1 = write(
        dir.path(),
        "latin1.md",
        b"## Basic Understanding\n\ncaf\xe9\n",
    );
    let empty = write(dir.path(), "empty.md", b"  \n");
    let prose = write(dir.path(), "prose.md", b"Just some notes.\n\n- a list\n");
    Run::new(&["import"])
        .arg(&latin1)
        .output()
        .code(2)
        .stderr_has("latin1.md:3:4: not UTF-8 text (invalid byte 0xe9)");
    Run::new(&["import"])
        .arg(&empty)
        .output()
        .code(2)
        .stderr_has("empty.md:1:1: the file is empty");
    Run::new(&["import"])
        .arg(&prose)
        .output()
        .code(2)
        .stderr_has("prose.md: no skills matrix found");
    Run::new(&["import", SEED_QA])
        .output()
        .code(2)
        .stderr_has("003_b179156f6cf76e14.txt: no skills matrix found");
    Run::new(&["import", "no/such/file.md"])
        .output()
        .code(2)
        .stderr_has("failed to read matrix no/such/file.md");
}

// --- check -----------------------------------------------------------------

#[test]
fn the_shipped_profile_passes_with_only_placeholder_warnings() {
    let done = Run::new(&["check", "profile.yaml"]).output();
    done.code(0);
    let lines: Vec<&str> = done.stdout.lines().collect();
    assert_eq!(
        lines,
        [
            "profile.yaml:13:9: warning: the name \"Your Name\" looks like a placeholder (not a real name)",
            "profile.yaml:15:12: warning: the email \"you@example.com\" looks like a placeholder (example.com is a placeholder domain)",
            "profile.yaml: 0 errors, 2 warnings",
        ]
    );
}

#[test]
fn the_shipped_profile_has_the_agreed_projects() {
    let text = std::fs::read_to_string(root().join("profile.yaml")).unwrap();
    let p: tailor::profile::Profile = serde_yaml::from_str(&text).unwrap();
    let ids: Vec<&str> = p.projects.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "maestro",
            "pv-saas",
            "ims",
            "ects",
            "data-marketplace",
            "trial-guide"
        ]
    );
    assert_eq!(p.certifications.len(), 2);
    assert!((2..=4).contains(&p.summaries.len()));
    for (_, b) in p.bullets() {
        for typo in [
            "Kuberneties",
            "parody",
            "robusteness",
            "schama",
            "SASS",
            "Graphql",
        ] {
            assert!(!b.text.contains(typo), "{typo} in {}", b.id);
        }
    }
}

const BAD: &str = "\
person:
  name: Your Name
  contact:
    email: you@example.com
summaries:
- id: s
  text: Hello.
- id: s
  text: ''
skills:
- name: Serverless
  level: expert
projects:
- id: p
  name: Project
  start: 2021
  end: 2020
  bullets:
  - id: b
    text: Deployed to Kuberneties.
    skills: [Serverles]
  - id: b
    text: ' '
- id: p
  name: Again
  start: 2020
  end: present
";

#[test]
fn check_reports_every_problem_in_one_run() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "bad.yaml", BAD.as_bytes());
    let done = Run::new(&["check"]).arg(&path).output();
    done.code(2);
    let f = path.display();
    let want = [
        format!("{f}:2:9: warning: the name \"Your Name\" looks like a placeholder (not a real name)"),
        format!("{f}:4:12: warning: the email \"you@example.com\" looks like a placeholder (example.com is a placeholder domain)"),
        format!("{f}:8:7: error: duplicate summary id `s` (first used on line 6)"),
        format!("{f}:9:9: error: the summary text is empty"),
        format!("{f}:17:8: error: project `p` ends (2020) before it starts (2021)"),
        format!("{f}:20:23: warning: possible misspelling \"Kuberneties\" (did you mean \"Kubernetes\"?)"),
        format!("{f}:21:14: error: bullet `b` names unknown skill area \"Serverles\"; did you mean \"Serverless\"?"),
        format!("{f}:22:9: error: duplicate bullet id `b` (first used on line 19)"),
        format!("{f}:23:11: error: the bullet text is empty"),
        format!("{f}:24:7: error: duplicate project id `p` (first used on line 14)"),
        format!("{f}: 7 errors, 3 warnings"),
    ];
    let got: Vec<&str> = done.stdout.lines().collect();
    assert_eq!(got, want);
}

#[test]
fn check_of_bad_input_exits_2_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, &[u8], &str); 7] = [
        (
            "latin1.yaml",
            b"person:\n  name: Ren\xe9\n",
            "latin1.yaml:2:12: error: not UTF-8 text",
        ),
        (
            "empty.yaml",
            b"",
            "empty.yaml:1:1: error: the profile is empty",
        ),
        (
            "tabs.yaml",
            b"person:\n\tname: a\n",
            "tabs.yaml:2:1: error: tab character in indentation",
        ),
        (
            "dup.yaml",
            b"person:\n  name: a\n  name: b\n",
            "dup.yaml:3:3: error: duplicate key `person.name` (first given on line 2)",
        ),
        (
            "nop.yaml",
            b"# profile\nprojects: []\n",
            "nop.yaml:2:1: error: missing field `person`",
        ),
        ("junk.yaml", b"person: [unclosed\n", "junk.yaml:"),
        (
            "list.yaml",
            b"- just\n- a list\n",
            "list.yaml:1:1: error: invalid type: sequence",
        ),
    ];
    for (name, bytes, want) in cases {
        let path = write(dir.path(), name, bytes);
        let done = Run::new(&["check"]).arg(&path).output();
        done.code(2)
            .stdout_has(want)
            .stdout_has("1 error, 0 warnings");
    }
    Run::new(&["check", "no/such/profile.yaml"])
        .output()
        .code(2)
        .stderr_has("error: profile no/such/profile.yaml not found");
}
