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

/// A posting that states no title or company: its résumé takes its name.
const UNTITLED: &[u8] = b"We need someone with Kubernetes, Terraform and AWS.\n";

/// A title that clears the screen and retitles the terminal window.
const ESCAPES: &[u8] =
    b"# \x1b[2J\x1b]0;pwned\x07Platform Engineer\n\n## Requirements\n- Kubernetes and AWS\n";

/// "# Platform Engineer / ## Requirements / - Kubernetes and AWS" as
/// Notepad's "Unicode" saves it: UTF-16LE with a byte-order mark.
const UTF16: &[u8] = b"\xff\xfe#\x00 \x00P\x00l\x00a\x00t\x00f\x00o\x00r\x00m\x00 \x00E\x00n\x00g\x00i\x00n\x00e\x00e\x00r\x00\x0a\x00\x0a\x00#\x00#\x00 \x00R\x00e\x00q\x00u\x00i\x00r\x00e\x00m\x00e\x00n\x00t\x00s\x00\x0a\x00-\x00 \x00K\x00u\x00b\x00e\x00r\x00n\x00e\x00t\x00e\x00s\x00 \x00a\x00n\x00d\x00 \x00A\x00W\x00S\x00\x0a\x00";

const SHIPPED_PROFILE: &[u8] = include_bytes!("../../profile.yaml");

/// A profile whose headline is Hebrew.
const RTL_PROFILE: &[u8] = "person:\n  name: Ada Lovelace\n  headline: מהנדסת תוכנה\n  contact:\n    email: ada@lovelace.dev\n".as_bytes();

/// A profile with two characters Liberation Sans lacks, and an ideographic
/// space (which prints as a space, unreported).
const CJK_PROFILE: &[u8] = "person:\n  name: Ada Lovelace\n  headline: Engineer 日本 and 日\n  contact:\n    email: ada@lovelace.dev\nskills:\n  - name: Infrastructure\n    level: advanced\n    keywords: [Kubernetes]\ngeneral:\n  - id: a\n    text: Ran Kubernetes\u{3000}clusters on AWS\n    skills: [Infrastructure]\n".as_bytes();

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
            args: &["match", "-p", "profile.yaml", "{root}/POSTING"],
            code: 2,
            stderr: &["profile profile.yaml not found", "hint: give the path of your profile"],
        },
        Case {
            name: "no profile given or found (issue 11)",
            files: &[],
            args: &["match", "{root}/POSTING"],
            code: 2,
            stderr: &[
                "error: no profile: TAILOR_PROFILE is not set and there is no profile.yaml",
                "hint: pass -p FILE",
            ],
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
            stderr: &["Platform Engineer: fit", "2 of 2 terms evidenced"],
        },
        Case {
            name: "missing posting",
            files: &[],
            args: &["build", PROFILE, "nope.md", "-o", "cv.md"],
            code: 2,
            stderr: &["failed to read posting nope.md", "No such file"],
        },
        // A folder to match is its postings, one report each (issue 11).
        Case {
            name: "a folder without postings given to match",
            files: &[("drafts/cv.pdf", b"%PDF-1.4\n")],
            args: &["match", PROFILE, "drafts"],
            code: 2,
            stderr: &[
                "error: no postings found in drafts\nskipped 1 file that is not a posting:\n  drafts/cv.pdf: ",
                "\nhint: ",
            ],
        },
        // Postings that are not text, or not files (issue 13, 5 and 11).
        Case {
            name: "a PDF posting",
            files: &[("p.pdf", b"%PDF-1.4\n1 0 obj\n<< /Producer (ReportLab) >>\nendobj\n(Kubernetes and AWS) Tj\n")],
            args: &["build", PROFILE, "p.pdf", "-o", "cv.md"],
            code: 2,
            stderr: &["p.pdf: this is a PDF; tailor reads text", "hint: try `pdftotext p.pdf`"],
        },
        Case {
            name: "a PDF saved as .txt",
            files: &[("p.txt", b"\n%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")],
            args: &["match", PROFILE, "p.txt"],
            code: 2,
            stderr: &["p.txt: this is a PDF", "pdftotext p.txt"],
        },
        Case {
            name: "a UTF-16 posting with a byte-order mark",
            files: &[("p.txt", UTF16)],
            args: &["build", PROFILE, "p.txt", "-o", "cv.md"],
            code: 0,
            stderr: &["Platform Engineer: fit", "2 of 2 terms evidenced"],
        },
        Case {
            name: "a UTF-8 posting with one bad byte",
            files: &[("p.md", b"# Ing\xc3\xa9nieur Plateforme \xe2\x80\x94 Z\xc3\xbcrich \xff\n\n## Requirements\n- Kubernetes and AWS\n")],
            args: &["build", PROFILE, "p.md", "-o", "cv.md"],
            code: 0,
            stderr: &["Ingénieur Plateforme — Zürich \u{fffd}: fit"],
        },
        Case {
            name: "a Word document",
            files: &[("p.docx", b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml")],
            args: &["build", PROFILE, "p.docx", "-o", "cv.md"],
            code: 2,
            stderr: &["p.docx: this is a Word document", "hint: save it as plain text"],
        },
        Case {
            name: "a URL as the posting",
            files: &[],
            args: &["build", PROFILE, "https://jobs.example.com/123", "-o", "cv.md"],
            code: 2,
            stderr: &[
                "https://jobs.example.com/123: tailor does not fetch URLs; save the page or paste its text",
                "hint: save the page",
            ],
        },
        Case {
            name: "an endless device as the posting",
            files: &[],
            args: &["match", PROFILE, "/dev/zero"],
            code: 2,
            stderr: &["/dev/zero: the posting goes on past", "more than the 8 MB a posting may be"],
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
            args: &["build", PROFILE, "{root}/POSTING", "-o", "cv.odt"],
            code: 2,
            stderr: &["cv.odt", "hint:"],
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
        // Mismatches (issue 11): refused before any work, nothing written.
        Case {
            name: "a format the output extension contradicts",
            files: &[],
            args: &["build", PROFILE, "{root}/POSTING", "-f", "pdf", "-o", "cv.md"],
            code: 2,
            stderr: &["error: --format pdf disagrees with -o cv.md", "hint: pass -o cv.pdf"],
        },
        Case {
            name: "a folder of postings to a file name",
            files: &[],
            args: &["build", PROFILE, "{root}/job-descriptions", "-o", "x.md"],
            code: 2,
            stderr: &["error: -o x.md looks like a file", "hint: pass -o with a folder"],
        },
        Case {
            name: "no projects",
            files: &[],
            args: &["build", PROFILE, "{root}/POSTING", "--max-projects", "0"],
            code: 2,
            stderr: &["error: --max-projects 0 would leave the résumé without projects", "hint:"],
        },
        Case {
            name: "no bullets",
            files: &[],
            args: &["build", PROFILE, "{root}/POSTING", "--max-bullets", "0"],
            code: 2,
            stderr: &["error: --max-bullets 0 would leave the résumé without bullets"],
        },
        Case {
            name: "no bullets per project",
            files: &[],
            args: &["build", PROFILE, "{root}/POSTING", "--max-bullets-per-project", "0"],
            code: 2,
            stderr: &["error: --max-bullets-per-project 0 would leave"],
        },
        // Inputs are never written over, whatever the flags (issue 13, 1).
        Case {
            name: "a posting whose résumé would take its own name (-o its folder)",
            files: &[("posting.txt", UNTITLED)],
            args: &["build", PROFILE, "posting.txt", "-f", "txt", "-o", "."],
            code: 2,
            stderr: &[
                "refusing to write ./posting.txt: it is the posting posting.txt",
                "never writes over its inputs",
                "hint: pass -o another",
            ],
        },
        Case {
            name: "the same with --force",
            files: &[("posting.txt", UNTITLED)],
            args: &["build", "--force", PROFILE, "posting.txt", "-f", "txt", "-o", "."],
            code: 2,
            stderr: &["refusing to write ./posting.txt: it is the posting posting.txt"],
        },
        Case {
            name: "-o the posting itself, with --force",
            files: &[("p.md", b"# Platform Engineer\n\nKubernetes and AWS.\n")],
            args: &["build", "--force", PROFILE, "p.md", "-o", "p.md"],
            code: 2,
            stderr: &["refusing to write over the posting p.md", "even with --force"],
        },
        Case {
            name: "-o the profile, with --force",
            files: &[("profile.yaml", SHIPPED_PROFILE)],
            args: &[
                "build", "--force", "-p", "profile.yaml", "{root}/POSTING", "-f", "md", "-o",
                "profile.yaml",
            ],
            code: 2,
            stderr: &["refusing to write over the profile profile.yaml"],
        },
        Case {
            name: "a résumé in -o's folder named like the profile",
            files: &[("p.md", SHIPPED_PROFILE), ("p.txt", UNTITLED)],
            args: &["build", "-p", "p.md", "p.txt", "-f", "md", "-o", "."],
            code: 2,
            stderr: &["refusing to write ./p.md: it is the profile p.md"],
        },
        Case {
            name: "import -o one of its matrices, with --force",
            files: &[("m.md", b"## Basic Understanding\n\n### Go\n**P**\n- Wrote Go.\n")],
            args: &["import", "--force", "m.md", "-o", "m.md"],
            code: 2,
            stderr: &["refusing to write over the matrix m.md"],
        },
        // The PDF's text as typed (issue 13, 10): right-to-left text is
        // refused before any posting, naming the field and line.
        Case {
            name: "right-to-left text for a PDF",
            files: &[("p.yaml", RTL_PROFILE)],
            args: &["build", "-p", "p.yaml", "{root}/POSTING", "-o", "cv.pdf"],
            code: 2,
            stderr: &[
                "p.yaml:3: person.headline is written in Hebrew, which the PDF cannot show",
                "hint: use another format",
            ],
        },
        Case {
            name: "right-to-left text for a batch with PDF",
            files: &[("p.yaml", RTL_PROFILE)],
            args: &["build", "-p", "p.yaml", "{root}/job-descriptions", "-f", "md,pdf", "-o", "out"],
            code: 2,
            stderr: &["p.yaml:3: person.headline is written in Hebrew"],
        },
        Case {
            name: "a character the PDF font lacks is refused naming it and its line",
            files: &[("p.yaml", CJK_PROFILE)],
            args: &["build", "-p", "p.yaml", "{root}/POSTING", "-o", "cv.pdf"],
            code: 2,
            stderr: &[
                "p.yaml: the PDF font has no glyph for 2 characters of the profile (they would print as boxes)",
                "'日' (U+65E5) in person.headline, line 3",
            ],
        },
        // Nothing from a posting reaches the terminal live (issue 13, 4).
        Case {
            name: "terminal escapes in a title, build",
            files: &[("p.md", ESCAPES)],
            args: &["build", PROFILE, "p.md", "-o", "cv.md"],
            code: 0,
            stderr: &["Platform Engineer", ": fit"],
        },
        Case {
            name: "terminal escapes in a title, match",
            files: &[("p.md", ESCAPES)],
            args: &["match", PROFILE, "p.md"],
            code: 0,
            stderr: &[],
        },
        Case {
            name: "terminal escapes in a posting's file name",
            files: &[("e\u{1b}[2J\u{7}.txt", b"")],
            args: &["build", PROFILE, "e\u{1b}[2J\u{7}.txt", "-o", "cv.md"],
            code: 2,
            stderr: &["e[2J.txt: the posting is empty"],
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

fn run(case: &Case) -> (Option<i32>, String, String, PathBuf, tempfile::TempDir) {
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
    let out = crate::test::tailor_command()
        .current_dir(dir.path())
        .args(&args)
        .env_remove("TAILOR_PROFILE")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let path = dir.path().to_path_buf();
    (out.status.code(), stdout, err, path, dir)
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

/// Standard error without the warnings `build` gives first about the
/// shipped profile's placeholder name and e-mail.
fn without_profile_warnings(err: &str) -> &str {
    let mut rest = err;
    while let Some((line, tail)) = rest.split_once('\n') {
        if !line.contains(": warning: ") {
            break;
        }
        rest = tail;
    }
    rest
}

#[test]
fn every_bad_input_gets_its_exit_code_and_a_clear_message() {
    let mut failed = Vec::new();
    for case in cases() {
        let (code, stdout, err, dir, _keep) = run(&case);
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
        // Nothing printed carries a terminal control sequence.
        for (what, text) in [("stdout", &stdout), ("stderr", &err)] {
            if text.contains(|c: char| c.is_control() && c != '\n' && c != '\t') {
                problems.push(format!("{what} has a control character: {text:?}"));
            }
        }
        if case.code == 2
            && !case.name.starts_with("unknown flag")
            && !without_profile_warnings(&err).starts_with("error: ")
        {
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
        if case.code == 0 && case.args[0] == "build" {
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
    let out = crate::test::tailor_command()
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

/// Runs tailor in `dir` with `args` (`{root}` is the repository).
fn tailor_in(dir: &Path, args: &[&str]) -> std::process::Output {
    let root = root().display().to_string();
    crate::test::tailor_command()
        .current_dir(dir)
        .args(
            args.iter()
                .map(|a| a.replace("{root}", &root).replace("POSTING", POSTING)),
        )
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

/// Every file under `dir` with its bytes, to see what a run changed.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    files(dir)
        .into_iter()
        .map(|f| {
            let bytes = std::fs::read(dir.join(&f)).unwrap();
            (f, bytes)
        })
        .collect()
}

fn postings_seen(index: &Path) -> usize {
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(index).unwrap()).unwrap();
    v["postings"].as_array().unwrap().len() + v["failures"].as_array().unwrap().len()
}

#[test]
fn a_batch_into_its_own_folder_never_overwrites_nor_rereads_a_posting() {
    // Issue 13, 1 and 2: `-o` the postings' folder made each run read the
    // last run's résumés and index as postings (7 -> 29 -> 95), and a
    // posting stating no title was replaced by its own résumé.
    let dir = tempfile::tempdir().unwrap();
    let mut n = 0;
    for e in std::fs::read_dir(root().join("job-descriptions")).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, dir.path().join(p.file_name().unwrap())).unwrap();
        n += 1;
    }
    std::fs::write(dir.path().join("posting.txt"), UNTITLED).unwrap();
    let inputs = snapshot(dir.path());
    for run in 1..=3 {
        let o = tailor_in(
            dir.path(),
            &["build", PROFILE, ".", "-o", ".", "-f", "md,txt,html"],
        );
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "run {run}: {err}");
        assert!(
            err.contains("error: refusing to write over the posting ./posting.txt"),
            "run {run}: {err}"
        );
        assert_eq!(
            postings_seen(&dir.path().join("index.json")),
            n + 1,
            "run {run}"
        );
        let after = snapshot(dir.path());
        for (name, bytes) in &inputs {
            let now = after.iter().find(|(f, _)| f == name);
            assert_eq!(
                now.map(|(_, b)| b),
                Some(bytes),
                "run {run}: {name} changed"
            );
        }
    }
}

#[test]
fn the_default_out_folder_under_recursive_is_not_read_back() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("jobs")).unwrap();
    std::fs::copy(root().join(POSTING), dir.path().join("jobs/a.md")).unwrap();
    std::fs::write(dir.path().join("b.txt"), UNTITLED).unwrap();
    for run in 1..=2 {
        let o = tailor_in(
            dir.path(),
            &["build", "-q", PROFILE, ".", "-r", "-f", "md,txt"],
        );
        assert!(o.status.success(), "run {run}: {o:?}");
        assert_eq!(
            postings_seen(&dir.path().join("out/index.json")),
            2,
            "run {run}"
        );
    }
}

#[test]
fn a_posting_named_index_md_in_the_output_folder_stops_the_batch() {
    // Not tailor's index, so a posting: the index would replace it.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("index.md"),
        "# Platform Engineer\n\nKubernetes.\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("b.txt"), UNTITLED).unwrap();
    let before = snapshot(dir.path());
    let o = tailor_in(dir.path(), &["build", PROFILE, ".", "-o", "."]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        without_profile_warnings(&err)
            .starts_with("error: refusing to write over the posting ./index.md"),
        "{err}"
    );
    assert_eq!(snapshot(dir.path()), before, "nothing written");
}

#[cfg(unix)]
#[test]
fn a_dangling_link_at_o_is_replaced_only_with_force_and_never_followed() {
    // Issue 13, 3: `Path::exists` is false for a link pointing nowhere, so
    // the link was replaced without --force.
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink("target.md", dir.path().join("cv.md")).unwrap();
    let o = tailor_in(
        dir.path(),
        &["build", PROFILE, "{root}/POSTING", "-o", "cv.md"],
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.starts_with("error: cv.md already exists (a symbolic link)\nhint: pass --force"),
        "{err}"
    );
    let link = std::fs::symlink_metadata(dir.path().join("cv.md")).unwrap();
    assert!(link.file_type().is_symlink());
    assert_eq!(files(dir.path()), ["cv.md"]);

    let o = tailor_in(
        dir.path(),
        &["build", "--force", PROFILE, "{root}/POSTING", "-o", "cv.md"],
    );
    assert!(o.status.success(), "{o:?}");
    let cv = std::fs::symlink_metadata(dir.path().join("cv.md")).unwrap();
    assert!(cv.is_file(), "the link itself is replaced");
    assert!(
        !dir.path().join("target.md").exists(),
        "never written through"
    );
}

#[cfg(unix)]
#[test]
fn force_keeps_the_replaced_files_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let cv = dir.path().join("cv.md");
    std::fs::write(&cv, "private").unwrap();
    std::fs::set_permissions(&cv, std::fs::Permissions::from_mode(0o600)).unwrap();
    let o = tailor_in(
        dir.path(),
        &["build", "--force", PROFILE, "{root}/POSTING", "-o", "cv.md"],
    );
    assert!(o.status.success(), "{o:?}");
    assert_ne!(std::fs::read(&cv).unwrap(), b"private");
    let mode = std::fs::metadata(&cv).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "{mode:o}");
}

#[test]
fn a_batch_prints_titles_inert_and_index_md_shows_them_as_text() {
    // Issue 13, 4: escapes reached the terminal from the ranking, and an
    // HTML title landed live in index.md.
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("in")).unwrap();
    std::fs::write(dir.path().join("in/a.md"), ESCAPES).unwrap();
    std::fs::write(
        dir.path().join("in/b.md"),
        "# <img src=x onerror=alert(1)> Engineer\n\n## Requirements\n- Kubernetes and AWS\n",
    )
    .unwrap();
    let o = tailor_in(dir.path(), &["build", PROFILE, "in", "-o", "out"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert!(err.contains("Platform Engineer"), "{err}");
    assert!(!err.contains(['\x1b', '\x07']), "{err:?}");
    let md = std::fs::read_to_string(dir.path().join("out/index.md")).unwrap();
    assert!(
        md.contains("&lt;img src=x onerror=alert(1)&gt; Engineer"),
        "{md}"
    );
    assert!(!md.contains("<img src"), "{md}");
    assert!(!md.contains(['\x1b', '\x07']), "{md:?}");
}

/// Runs tailor in `dir` under a 512 MB address-space limit (`ulimit -v`),
/// so a run that would balloon fails instead of swapping the machine.
#[cfg(unix)]
fn tailor_limited(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new("sh")
        .current_dir(dir)
        .arg("-c")
        .arg("ulimit -v 524288 && exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_tailor"))
        .args(args)
        .env("TAILOR_NO_CACHE", "1")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

#[cfg(unix)]
#[test]
fn a_yaml_alias_bomb_and_a_deep_nest_are_refused_naming_the_file() {
    // Issue 13, 6: 23 KB of nested anchors peaked at 1.07 GB (8.2 GB for
    // 1.4 MB); 100,000 `[` took 25 s to reject. Under the limit the bomb
    // below aborted (it took 117 s and 1 GB without one).
    let dir = tempfile::tempdir().unwrap();
    // 140 KB: a 100 KB string and 10,000 aliases to it, 1 GB expanded.
    let bomb = format!(
        "person:\n  name: X\naliases:\n  - term: t0\n    forms: [&s \"{}\"]\n  - term: t1\n    forms: [{}]\n",
        "lol ".repeat(25_000),
        vec!["*s"; 10_000].join(", ")
    );
    std::fs::write(dir.path().join("bomb.yaml"), bomb).unwrap();
    let deep = format!("person:\n  name: X\nprojects: {}\n", "[".repeat(100_000));
    std::fs::write(dir.path().join("deep.yaml"), deep).unwrap();
    let posting = root().join(POSTING).display().to_string();
    let cases = [
        (
            "bomb.yaml:7:13:",
            "aliases (*name) expand the profile past 16 MB",
        ),
        (
            "deep.yaml:3:75:",
            "lists or mappings nested more than 64 levels deep",
        ),
    ];
    for (at, want) in cases {
        let file = &at[..at.find(':').unwrap()];
        for args in [
            vec!["check", file],
            vec!["build", "-p", file, &posting, "-o", "cv.md"],
        ] {
            let o = tailor_limited(dir.path(), &args);
            let err = String::from_utf8_lossy(&o.stderr);
            let out = String::from_utf8_lossy(&o.stdout);
            assert_eq!(o.status.code(), Some(2), "{args:?}: {err}{out}");
            let said = format!("{err}{out}");
            assert!(said.contains(at) && said.contains(want), "{args:?}: {said}");
        }
    }
    assert!(!dir.path().join("cv.md").exists());
}

#[test]
fn a_posting_over_8_mb_is_refused_naming_the_file() {
    // Issue 13, 5: 50 MB took more than 10 minutes and 1.27 GB.
    let dir = tempfile::tempdir().unwrap();
    let line = "Kubernetes, Terraform and AWS. ";
    let big = line.repeat(9 * 1024 * 1024 / line.len());
    std::fs::write(dir.path().join("big.txt"), big).unwrap();
    let o = tailor_in(dir.path(), &["build", PROFILE, "big.txt", "-o", "cv.md"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains(
            "error: big.txt: the posting is 9.4 MB, more than the 8 MB a posting may be\nhint:"
        ),
        "{err}"
    );
    assert!(!dir.path().join("cv.md").exists());
}

#[cfg(unix)]
#[test]
fn a_folder_builds_its_postings_and_names_every_file_it_skips() {
    // Issue 13, 5: a FIFO or /dev/zero in a folder hung the batch; issue
    // 11: a PDF or a Word file in it was skipped without a word.
    let dir = tempfile::tempdir().unwrap();
    let jobs = dir.path().join("jobs");
    std::fs::create_dir(&jobs).unwrap();
    std::fs::copy(root().join(POSTING), jobs.join("a.md")).unwrap();
    std::fs::write(jobs.join("b.pdf"), "%PDF-1.4\n").unwrap();
    std::fs::write(jobs.join("c.docx"), "PK\x03\x04").unwrap();
    std::fs::write(jobs.join("d.png"), "x").unwrap();
    std::os::unix::fs::symlink("/dev/zero", jobs.join("zero.txt")).unwrap();
    let fifo = Command::new("mkfifo")
        .arg(jobs.join("pipe.md"))
        .status()
        .unwrap();
    assert!(fifo.success());
    let o = tailor_in(dir.path(), &["build", PROFILE, "jobs", "-o", "out"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(
        err.contains("skipped 5 files that are not postings:\n"),
        "{err}"
    );
    for want in [
        "jobs/b.pdf: a PDF; tailor reads text: try `pdftotext` on it\n",
        "jobs/c.docx: a word-processor file; save it as plain text (.txt)\n",
        "jobs/d.png: not a posting: tailor reads .txt, .md",
        "jobs/pipe.md: not a regular file (a named pipe or a device)",
        "jobs/zero.txt: not a regular file (a named pipe or a device)",
        "built 1 of 1 résumés in out",
    ] {
        assert!(err.contains(want), "lacks {want:?}: {err}");
    }
    assert_eq!(postings_seen(&dir.path().join("out/index.json")), 1);
}

#[test]
fn a_batch_that_cannot_write_its_index_reports_every_failure_and_says_so_last() {
    // Issue 13, 12: a full disk while writing the index exited 2, left
    // index.md without index.json, and dropped the failure list.
    let dir = tempfile::tempdir().unwrap();
    let jobs = dir.path().join("jobs");
    std::fs::create_dir(&jobs).unwrap();
    std::fs::copy(root().join(POSTING), jobs.join("a.md")).unwrap();
    std::fs::write(jobs.join("empty.txt"), "").unwrap();
    // A folder where index.json goes: its rename must fail.
    std::fs::create_dir_all(dir.path().join("out/index.json")).unwrap();
    let o = tailor_in(dir.path(), &["build", PROFILE, "jobs", "-o", "out"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("error: jobs/empty.txt: the posting is empty\n"),
        "{err}"
    );
    assert!(err.contains("built 1 of 2 résumés in out\n"), "{err}");
    assert!(!err.contains("ranking and gaps in"), "{err}");
    let last = err.trim_end().rsplit_once("\nerror: ").map(|(_, l)| l);
    assert!(
        last.is_some_and(
            |l| l.starts_with("failed to write out/index.json: a folder is in its place\nhint:")
        ),
        "{err}"
    );
    // Both index files or neither; the résumé is there.
    let names = files(&dir.path().join("out"));
    assert!(!names.contains(&"index.md".to_owned()), "{names:?}");
    assert!(names.iter().any(|n| n.ends_with(".md")), "{names:?}");
    assert!(names.iter().all(|n| !n.ends_with(".tmp")), "{names:?}");
}

#[cfg(unix)]
#[test]
fn sigterm_exits_143_after_cleaning_up() {
    // Issue 13, 14: SIGTERM exited 130, as Ctrl-C does.
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("posting.txt");
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let child = crate::test::tailor_command()
        .current_dir(dir.path())
        .args([
            "match",
            PROFILE
                .replace("{root}", &root().display().to_string())
                .as_str(),
        ])
        .arg(&fifo)
        .stdin(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Opening the pipe's other end waits until tailor has opened it, long
    // after its handlers were set: no sleep, no race.
    let writer = std::fs::OpenOptions::new().write(true).open(&fifo).unwrap();
    assert!(Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap()
        .success());
    let out = child.wait_with_output().unwrap();
    drop(writer);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(143), "{err}");
    assert!(err.ends_with("terminated\n"), "{err}");
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_standard_output_is_named_and_a_full_standard_error_does_not_panic() {
    // Issue 13, 14: `> /dev/full` said "No space left on device" without
    // naming standard output; `2> /dev/full` panicked with exit 101.
    let full = || std::fs::OpenOptions::new().write(true).open("/dev/full");
    if full().is_err() {
        eprintln!("note: no /dev/full here; check skipped");
        return;
    }
    let posting = root().join(POSTING);
    let run = |args: &[&str], stdout: Stdio, stderr: Stdio| {
        crate::test::tailor_command()
            .arg(args[0])
            .arg(PROFILE.replace("{root}", &root().display().to_string()))
            .args(&args[1..])
            .stdin(Stdio::null())
            .stdout(stdout)
            .stderr(stderr)
            .output()
            .unwrap()
    };
    let posting = posting.to_str().unwrap();
    for args in [vec!["match", posting], vec!["build", posting, "-f", "md"]] {
        let o = run(&args, full().unwrap().into(), Stdio::piped());
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.contains("error: failed to write to standard output: No space left on device"),
            "{args:?}: {err}"
        );
    }
    // An error that cannot be printed still exits 2, and a run that can
    // only not print its report is no panic either.
    let o = run(&["match", "nope.md"], Stdio::null(), full().unwrap().into());
    assert_eq!(o.status.code(), Some(2), "{o:?}");
    let o = run(&["match", posting], Stdio::null(), full().unwrap().into());
    assert_ne!(o.status.code(), Some(101), "{o:?}");
}

#[test]
fn a_character_the_pdf_font_lacks_is_refused_once_per_batch() {
    // Issue 13, item 10: once, before any posting, exit 2, nothing written.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("p.yaml"), CJK_PROFILE).unwrap();
    let jobs = root().join("job-descriptions");
    let o = tailor_in(
        dir.path(),
        &[
            "build",
            "-p",
            "p.yaml",
            jobs.to_str().unwrap(),
            "-f",
            "pdf",
            "-o",
            "out",
        ],
    );
    let err = String::from_utf8(o.stderr).unwrap();
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert_eq!(err.matches("no glyph for").count(), 1, "{err}");
    assert_eq!(err.matches("U+65E5").count(), 1, "{err}");
    assert!(!err.contains("U+3000"), "{err}");
    let written = std::fs::read_dir(dir.path().join("out")).map_or(0, |d| d.count());
    assert_eq!(written, 0, "{written} files");
}
