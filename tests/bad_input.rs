//! Every bad input a person might hand tailor: the exit code, and one clear
//! message that names the file (and line, where there is one). Nothing is
//! written for a failed run, and nothing panics.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

const POSTING: &str = "job-descriptions/northwind-health-platform-engineer.md";

/// One case: files to create in a fresh folder, the command line (run in
/// that folder; `{root}` is the repository), the exit code, and fragments
/// the standard error must contain.
struct Case {
    name: &'static str,
    files: &'static [(&'static str, &'static [u8])],
    args: &'static [&'static str],
    code: i32,
    stderr: &'static [&'static str],
}

const PROFILE: &str = "--profile={root}/profile.yaml";

fn cases() -> Vec<Case> {
    vec![
        // The profile.
        Case {
            name: "malformed YAML",
            files: &[("p.yaml", b"person:\n  name: \"unclosed\n")],
            args: &["match", "-p", "p.yaml", "{root}/POSTING"],
            code: 2,
            stderr: &["p.yaml:"],
        },
        Case {
            name: "tab indentation",
            files: &[("p.yaml", b"person:\n\tname: X\n")],
            args: &["match", "-p", "p.yaml", "{root}/POSTING"],
            code: 2,
            stderr: &["p.yaml:2:1:", "tab"],
        },
        Case {
            name: "wrong type",
            files: &[("p.yaml", b"person:\n  name: X\nprojects: 5\n")],
            args: &["match", "-p", "p.yaml", "{root}/POSTING"],
            code: 2,
            stderr: &["p.yaml:3:11:", "expected a sequence"],
        },
        Case {
            name: "unknown key",
            files: &[("p.yaml", b"person:\n  name: X\n  nmae: Y\n")],
            args: &["match", "-p", "p.yaml", "{root}/POSTING"],
            code: 2,
            stderr: &["p.yaml:3:3:", "unknown field `nmae`"],
        },
        Case {
            name: "missing required field",
            files: &[("p.yaml", b"person:\n  name: X\nprojects:\n  - id: a\n")],
            args: &["match", "-p", "p.yaml", "{root}/POSTING"],
            code: 2,
            stderr: &["p.yaml:4:", "missing field `name`"],
        },
        Case {
            name: "duplicate key",
            files: &[("p.yaml", b"person:\n  name: X\nperson:\n  name: Y\n")],
            args: &["match", "-p", "p.yaml", "{root}/POSTING"],
            code: 2,
            stderr: &["p.yaml:3:1:", "duplicate key `person`"],
        },
        Case {
            name: "duplicate id",
            files: &[(
                "p.yaml",
                b"person:\n  name: X\nprojects:\n  - id: a\n    name: A\n    start: 2020\n    end: 2021\n    bullets: []\n  - id: a\n    name: B\n    start: 2020\n    end: 2021\n    bullets: []\n",
            )],
            args: &["build", "-p", "p.yaml", "{root}/POSTING", "-o", "cv.md"],
            code: 2,
            stderr: &["p.yaml:9:", "duplicate project id `a`", "hint: `tailor check"],
        },
        Case {
            name: "profile not UTF-8",
            files: &[("p.yaml", b"person:\n  name: J\xe9r\xf4me\n")],
            args: &["match", "-p", "p.yaml", "{root}/POSTING"],
            code: 2,
            stderr: &["p.yaml:2:", "not UTF-8"],
        },
        Case {
            name: "empty profile",
            files: &[("p.yaml", b"")],
            args: &["match", "-p", "p.yaml", "{root}/POSTING"],
            code: 2,
            stderr: &["p.yaml:1:1:", "empty"],
        },
        Case {
            name: "missing profile",
            files: &[],
            args: &["match", "{root}/POSTING"],
            code: 2,
            stderr: &["profile profile.yaml not found", "hint: give the path of your profile"],
        },
        // The posting.
        Case {
            name: "empty posting",
            files: &[("p.txt", b"")],
            args: &["build", PROFILE, "p.txt", "-o", "cv.md"],
            code: 2,
            stderr: &["p.txt: the posting is empty"],
        },
        Case {
            name: "whitespace-only posting",
            files: &[("p.txt", b" \n\t\n  \n")],
            args: &["build", PROFILE, "p.txt", "-o", "cv.md"],
            code: 2,
            stderr: &["p.txt: the posting is empty"],
        },
        Case {
            name: "binary posting",
            files: &[("p.md", b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00")],
            args: &["build", PROFILE, "p.md", "-o", "cv.md"],
            code: 2,
            stderr: &["p.md:", "binary"],
        },
        Case {
            name: "Latin-1 posting is read",
            files: &[("p.txt", b"Ingenieur f\xfcr Kubernetes und AWS, Terraform.\n")],
            args: &["build", "-q", PROFILE, "p.txt", "-o", "cv.md"],
            code: 0,
            stderr: &[],
        },
        Case {
            name: "only boilerplate",
            files: &[(
                "p.md",
                b"## About us\n\nWe build software.\n\n## Benefits\n\n- Dental\n\n## Equal opportunity\n\nWe are an equal opportunity employer.\n",
            )],
            args: &["build", PROFILE, "p.md", "-o", "cv.md"],
            code: 0,
            stderr: &["fit 0/100, 0 of 0 terms"],
        },
        Case {
            name: "another language",
            files: &[(
                "p.md",
                b"# Pflegefachkraft\n\n## Ihr Profil\n\n- Abgeschlossene Ausbildung\n- Teamf\xc3\xa4higkeit und Empathie\n",
            )],
            args: &["build", PROFILE, "p.md", "-o", "cv.md"],
            code: 0,
            stderr: &["Pflegefachkraft", "fit 0/100"],
        },
        Case {
            name: "a whole HTML page",
            files: &[(
                "p.html",
                b"<!DOCTYPE html><html><head><title>Jobs</title><style>.x{}</style><script>var a='<li>Rust</li>';</script></head><body><nav>Home | Jobs</nav><h1>Platform Engineer</h1><h2>Requirements</h2><ul><li>Kubernetes &amp; Terraform</li></ul></body></html>",
            )],
            args: &["build", PROFILE, "p.html", "-o", "cv.md"],
            code: 0,
            stderr: &["Platform Engineer: fit 100/100"],
        },
        Case {
            name: "missing posting",
            files: &[],
            args: &["build", PROFILE, "nope.md", "-o", "cv.md"],
            code: 2,
            stderr: &["failed to read posting nope.md", "No such file"],
        },
        Case {
            name: "a folder given to match",
            files: &[],
            args: &["match", PROFILE, "{root}/job-descriptions"],
            code: 2,
            stderr: &["is a folder, not a posting", "hint: `tailor build"],
        },
        // The output.
        Case {
            name: "an output folder that cannot be made",
            files: &[("file", b"x")],
            args: &["build", PROFILE, "{root}/POSTING", "-o", "file/sub/cv.md"],
            code: 2,
            stderr: &["file/sub"],
        },
        Case {
            name: "an existing file",
            files: &[("cv.md", b"mine")],
            args: &["build", PROFILE, "{root}/POSTING", "-o", "cv.md"],
            code: 2,
            stderr: &["cv.md already exists", "hint: pass --force"],
        },
        Case {
            name: "an unknown output extension",
            files: &[],
            args: &["build", PROFILE, "{root}/POSTING", "-o", "cv.docx"],
            code: 2,
            stderr: &["cv.docx", "hint:"],
        },
        Case {
            name: "a title that would escape the output folder",
            files: &[("p.md", b"# ../../etc/passwd\n### /abs/path\n\n## Requirements\n- AWS\n")],
            args: &["build", "-q", PROFILE, "p.md", "-o", "out/"],
            code: 0,
            stderr: &[],
        },
        Case {
            name: "odd characters in a posting name",
            files: &[("wéird näme ☃ (1).md", b"Kubernetes and AWS\n")],
            args: &["build", "-q", PROFILE, "wéird näme ☃ (1).md", "-o", "out/"],
            code: 0,
            stderr: &[],
        },
        // The command line.
        Case {
            name: "unknown flag",
            files: &[],
            args: &["build", "--frobnicate", "x.md"],
            code: 2,
            stderr: &["unexpected argument '--frobnicate'"],
        },
        Case {
            name: "conflicting flags",
            files: &[],
            args: &["match", "--json", "--explain", "x.md"],
            code: 2,
            stderr: &["cannot be used with"],
        },
        Case {
            name: "several formats to one file",
            files: &[],
            args: &["build", PROFILE, "{root}/POSTING", "-f", "md,pdf", "-o", "cv.md"],
            code: 2,
            stderr: &["hint: pass -o with a folder"],
        },
        Case {
            name: "a folder to standard output",
            files: &[],
            args: &["build", PROFILE, "{root}/job-descriptions", "-o", "-"],
            code: 2,
            stderr: &["cannot be written to standard output"],
        },
    ]
}

fn run(case: &Case) -> (Option<i32>, String, PathBuf, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in case.files {
        let p = dir.path().join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }
    let root = root();
    let args: Vec<String> = case
        .args
        .iter()
        .map(|a| {
            a.replace("{root}", &root.display().to_string())
                .replace("POSTING", POSTING)
        })
        .collect();
    let out = Command::new(env!("CARGO_BIN_EXE_tailor"))
        .current_dir(dir.path())
        .args(&args)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    let path = dir.path().to_path_buf();
    (out.status.code(), err, path, dir)
}

/// Files under `dir`, relative, sorted.
fn files(dir: &Path) -> Vec<String> {
    let mut v = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                v.push(p.strip_prefix(dir).unwrap().display().to_string());
            }
        }
    }
    v.sort();
    v
}

#[test]
fn every_bad_input_gets_its_exit_code_and_a_clear_message() {
    let mut failed = Vec::new();
    for case in cases() {
        let (code, err, dir, _keep) = run(&case);
        let mut problems = Vec::new();
        if code != Some(case.code) {
            problems.push(format!("exit {code:?}, want {}", case.code));
        }
        for want in case.stderr {
            if !err.contains(want) {
                problems.push(format!("stderr lacks {want:?}"));
            }
        }
        if err.contains("panicked") || err.contains("RUST_BACKTRACE") {
            problems.push("panicked".into());
        }
        if case.code == 2 && !case.name.starts_with("unknown flag") && !err.starts_with("error: ") {
            problems.push("message does not start with `error: `".into());
        }
        // A failed run writes nothing; input files stay as they were.
        let before: Vec<String> = case.files.iter().map(|(n, _)| (*n).to_owned()).collect();
        let mut before = before;
        before.sort();
        let after = files(&dir);
        if case.code != 0 && after != before {
            problems.push(format!("files changed: {after:?}"));
        }
        for (name, bytes) in case.files {
            if std::fs::read(dir.join(name)).ok().as_deref() != Some(*bytes) {
                problems.push(format!("{name} was changed"));
            }
        }
        if case.code == 0 {
            // Output stays inside the folder asked for, with a plain name.
            let new: Vec<&String> = after.iter().filter(|f| !before.contains(f)).collect();
            if new.is_empty() {
                problems.push("nothing written".into());
            }
            for f in new {
                let ok = f
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-./".contains(c));
                if !ok || f.contains("..") {
                    problems.push(format!("odd output name {f:?}"));
                }
            }
        }
        if !problems.is_empty() {
            failed.push(format!(
                "{}: {}\n  stderr: {err}",
                case.name,
                problems.join("; ")
            ));
        }
    }
    assert!(failed.is_empty(), "\n{}", failed.join("\n"));
}

#[test]
fn a_10_mb_profile_is_refused_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut yaml = String::from("person:\n  name: X\ngeneral:\n");
    let mut i = 0;
    while yaml.len() < 10 * 1024 * 1024 {
        yaml.push_str(&format!(
            "  - id: b{i}\n    text: Built a thing with Kubernetes and AWS, number {i}.\n"
        ));
        i += 1;
    }
    std::fs::write(dir.path().join("big.yaml"), yaml).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_tailor"))
        .current_dir(dir.path())
        .args(["build", "-p", "big.yaml", "-o", "cv.md"])
        .arg(root().join(POSTING))
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("error: big.yaml: the profile is 10.5 MB"),
        "{err}"
    );
    assert!(err.contains("hint:"));
    assert!(!dir.path().join("cv.md").exists());
}
