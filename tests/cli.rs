//! The `tailor match` command run as a user would: the real binary.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

fn tailor() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_tailor"));
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
fn match_reads_stdin_and_is_deterministic() {
    let text = std::fs::read(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(sample())).unwrap();
    let run = || {
        let mut child = tailor()
            .args(["match", "--json", "-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(&text).unwrap();
        child.wait_with_output().unwrap()
    };
    let (a, b) = (run(), run());
    assert!(a.status.success());
    assert_eq!(a.stdout, b.stdout);
    let v: serde_json::Value = serde_json::from_slice(&a.stdout).unwrap();
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
