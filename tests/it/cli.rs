//! The `tailor match` command run as a user would: the real binary.

use std::path::PathBuf;

use crate::test::Test;
use std::process::Command;

fn tailor() -> Command {
    let mut c = crate::test::tailor_command();
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

fn sample() -> PathBuf {
    PathBuf::from("job-descriptions/northwind-health-platform-engineer.md")
}

#[test]
fn match_json_reports_aliases_sections_and_missing_terms() {
    let out = tailor()
        .args(["match", "--json"])
        .arg(sample())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["posting"]["title"], "Senior Platform Engineer");
    assert_eq!(v["posting"]["company"], "Northwind Health");
    let kw = v["keywords"].as_array().unwrap();
    let find = |t: &str| {
        kw.iter()
            .find(|k| k["term"] == t || k["forms"].as_array().unwrap().iter().any(|f| f == t))
            .unwrap_or_else(|| panic!("{t} in {kw:?}"))
    };
    let k8s = find("Kubernetes");
    assert_eq!(k8s["matched"], true);
    assert!(k8s["forms"].as_array().unwrap().iter().any(|f| f == "k8s"));
    assert_eq!(k8s["required"], true);
    assert_eq!(find("Kafka")["matched"], false);
    let kafka = find("Kafka")["term"].clone();
    assert!(v["missing"].as_array().unwrap().contains(&kafka));
    // Benefits are boilerplate: "dental" and "vision" ask for no skill.
    assert!(kw.iter().all(|k| k["term"] != "Vision"));
    let fit = v["fit"].as_f64().unwrap();
    assert!((50.0..=100.0).contains(&fit), "fit {fit}");
    let projects = v["projects"].as_array().unwrap();
    assert!(projects
        .windows(2)
        .all(|w| w[0]["score"].as_f64() >= w[1]["score"].as_f64()));
}

#[test]
fn the_company_s_own_field_and_benefits_ask_for_no_skill() {
    let terms = |posting: &str| -> Vec<String> {
        let out = Test::new()
            .args(["match", "--json", "-"])
            .stdin(posting.as_bytes().to_vec())
            .run();
        let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
        v["keywords"]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| k["term"].as_str().unwrap().to_owned())
            .collect()
    };
    let about = "# Platform Engineer\n\nRequirements:\n- Python and Terraform\n\n\
                 About us:\nAcme is a global leader in healthcare software.\n\n\
                 Benefits:\n- Private healthcare\n";
    let mut found = terms(about);
    found.sort();
    assert_eq!(found, ["Python", "Terraform"]);
    // Asked for, the field is a skill.
    let asked = "# Platform Engineer\n\nRequirements:\n- Python\n- Healthcare experience\n";
    assert!(terms(asked).contains(&"Healthcare".to_owned()));
}

#[test]
fn match_reads_stdin_and_is_deterministic() {
    let text = std::fs::read(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(sample())).unwrap();
    let run = || {
        Test::new()
            .args(["match", "--json", "-"])
            .stdin(text.clone())
            .run()
    };
    let (a, b) = (run(), run());
    assert_eq!(a.stdout, b.stdout);
    let v: serde_json::Value = serde_json::from_str(&a.stdout).unwrap();
    assert_eq!(v["posting"]["source"], "<stdin>");
}

#[test]
fn an_empty_or_binary_posting_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in [
        ("empty.txt", &b"  \n"[..]),
        ("bin.txt", &b"\x00\x01\x02\x03"[..]),
    ] {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        let out = tailor().arg("match").arg(&p).output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.starts_with("error: ") && err.contains(name), "{err}");
        assert!(out.stdout.is_empty());
    }
}

/// Runs tailor in `dir` without `TAILOR_PROFILE`, unless `env` sets it.
fn tailor_in(dir: &std::path::Path, env: Option<&std::path::Path>) -> Command {
    let mut c = crate::test::tailor_command();
    c.current_dir(dir).env_remove("TAILOR_PROFILE");
    if let Some(p) = env {
        c.env("TAILOR_PROFILE", p);
    }
    c
}

#[test]
fn the_profile_without_p_is_tailor_profile_then_the_local_file() {
    // Issue 11: without -p every command read ./profile.yaml only.
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let shipped = root.join("profile.yaml");
    let posting = root.join(sample());
    let dir = tempfile::tempdir().unwrap();
    for args in [&["check"][..], &["match", "--json"][..], &["build"][..]] {
        let mut c = tailor_in(dir.path(), None);
        c.args(args);
        if args[0] != "check" {
            c.arg(&posting);
        }
        let out = c.output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.starts_with(
                "error: no profile: TAILOR_PROFILE is not set and there is no profile.yaml \
                 in the current folder\nhint: "
            ),
            "{args:?}: {err}"
        );
    }
    // TAILOR_PROFILE, for match and check.
    let out = tailor_in(dir.path(), Some(&shipped))
        .args(["match", "--json"])
        .arg(&posting)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = tailor_in(dir.path(), Some(&shipped))
        .arg("check")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains(&*shipped.display().to_string()), "{text}");
    // A TAILOR_PROFILE naming nothing says so.
    let out = tailor_in(dir.path(), Some(&dir.path().join("gone.yaml")))
        .arg("check")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("TAILOR_PROFILE names") && err.contains("gone.yaml"),
        "{err}"
    );
    // ./profile.yaml, with TAILOR_PROFILE unset.
    std::fs::copy(&shipped, dir.path().join("profile.yaml")).unwrap();
    let out = tailor_in(dir.path(), None)
        .args(["build", "-q", "-o", "cv.md"])
        .arg(&posting)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(dir.path().join("cv.md").is_file());
    // -p wins over both.
    let out = tailor_in(dir.path(), Some(&shipped))
        .args(["check", "nope.yaml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nope.yaml"));
}

#[test]
fn completions_for_every_shell_name_the_commands_and_flags() {
    // Issue 11: no completions.
    for (shell, marker) in [
        ("bash", "complete -F _tailor"),
        ("zsh", "#compdef tailor"),
        ("fish", "complete -c tailor"),
        ("powershell", "Register-ArgumentCompleter"),
        ("elvish", "set edit:completion:arg-completer[tailor]"),
    ] {
        Test::new()
            .args(["completions", shell])
            .stdout_has(marker)
            .stdout_has("build")
            .stdout_has("max-bullets-per-project")
            .stdout_has("json-resume")
            .run();
    }
    Test::new()
        .args(["completions", "tcsh"])
        .expect_status(2)
        .run();
}

#[test]
fn man_prints_tailor_1_and_each_commands_page() {
    // Issue 11: no man page.
    Test::new()
        .arg("man")
        .stdout_has(".TH tailor 1")
        .stdout_has("tailor\\-build(1)")
        .run();
    Test::new()
        .args(["man", "build"])
        .stdout_has(".TH tailor-build 1  \"tailor ")
        .stdout_has("\\-\\-max\\-projects")
        .run();
    let err = Test::new()
        .args(["man", "nope"])
        .expect_status(2)
        .run()
        .stderr;
    assert!(
        err.starts_with("error: tailor has no command `nope`\nhint: the commands are build,"),
        "{err}"
    );
}

#[test]
fn init_writes_a_starter_that_checks_with_only_placeholder_warnings() {
    // Issue 11: a new user had no way to start a profile but by hand.
    let dir = tempfile::tempdir().unwrap();
    let out = tailor_in(dir.path(), None).arg("init").output().unwrap();
    assert!(out.status.success(), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("init: wrote profile.yaml\n"), "{err}");
    let starter = std::fs::read_to_string(dir.path().join("profile.yaml")).unwrap();
    assert!(starter.starts_with("# "), "commented: {starter}");
    for section in [
        "person:",
        "summaries:",
        "skills:",
        "projects:",
        "bullets:",
        "tags:",
    ] {
        assert!(starter.contains(section), "lacks {section}");
    }
    // Editors find the schema written beside it (tests/it/schema.rs).
    assert!(
        starter.starts_with("# yaml-language-server: $schema=profile.schema.json\n"),
        "{starter}"
    );
    // `check` (finding ./profile.yaml) says only what is left to fill in.
    let out = tailor_in(dir.path(), None).arg("check").output().unwrap();
    let report = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{report}");
    let lines: Vec<&str> = report.lines().collect();
    assert!(lines.len() >= 2, "{report}");
    let (summary, diags) = lines.split_last().unwrap();
    assert!(
        diags
            .iter()
            .all(|l| l.contains(": warning: ") && l.contains("placeholder")),
        "{report}"
    );
    assert_eq!(
        *summary,
        format!("profile.yaml: 0 errors, {} warnings", diags.len())
    );
    // And it builds a résumé from its example project.
    let out = tailor_in(dir.path(), None)
        .args(["build", "-q", "-o", "cv.md"])
        .arg(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(sample()))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let cv = std::fs::read_to_string(dir.path().join("cv.md")).unwrap();
    assert!(cv.contains("### Example Project"), "{cv}");
}

#[test]
fn init_never_replaces_a_file_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let mine = dir.path().join("profile.yaml");
    std::fs::write(&mine, "person:\n  name: Me\n").unwrap();
    let out = tailor_in(dir.path(), None).arg("init").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("error: profile.yaml already exists\nhint: pass --force"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(&mine).unwrap(),
        "person:\n  name: Me\n"
    );
    // A folder gets a profile.yaml: the same file, the same refusal.
    let out = tailor_in(dir.path(), None)
        .args(["init", "."])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(&mine).unwrap(),
        "person:\n  name: Me\n"
    );
    let out = tailor_in(dir.path(), None)
        .args(["init", "--force"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(std::fs::read_to_string(&mine)
        .unwrap()
        .contains("name: Your Name"));
    // Another path, its folder made.
    let out = tailor_in(dir.path(), None)
        .args(["init", "cv/me.yaml"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(dir.path().join("cv/me.yaml").is_file());
}

#[test]
fn explain_names_the_rule_that_put_each_term_in_its_section() {
    let text = Test::new()
        .args(["match", "--explain", "-"])
        .stdin("We build things.\n\nRequirements\n- Kubernetes; Docker is a plus\n- experience with Terraform\n")
        .expect_status(0)
        .run()
        .stdout;
    let line_of = |term: &str| {
        text.lines()
            .find(|l| l.trim_start().starts_with(term))
            .unwrap_or_else(|| panic!("{term} not in:\n{text}"))
            .to_owned()
    };
    assert!(
        line_of("Kubernetes").contains("required by the heading on line 3"),
        "{text}"
    );
    assert!(
        line_of("Docker ").contains("preferred by its clause on line 4"),
        "{text}"
    );
}
