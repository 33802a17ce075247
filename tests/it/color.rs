//! Colour: `--color always` colours the match report and the error labels,
//! a pipe gets none by default, `NO_COLOR` wins over auto (and over
//! `CLICOLOR_FORCE`), and JSON is never coloured.

use crate::test::Test;

const POSTING: &str = "job-descriptions/northwind-health-platform-engineer.md";
const ESC: &str = "\x1b[";

#[test]
fn always_colours_the_report_and_a_pipe_gets_plain_text() {
    let plain = Test::new().args(["match", POSTING]).run();
    assert!(!plain.stdout.contains(ESC), "{}", plain.stdout);
    let colored = Test::new()
        .args(["--color", "always", "match", POSTING])
        .run();
    assert!(colored.stdout.contains(ESC));
    // The same report under the colour.
    let stripped =
        String::from_utf8(anstream::adapter::strip_bytes(&colored.stdout_bytes).into_vec())
            .unwrap();
    assert_eq!(stripped, plain.stdout);
    // CLICOLOR_FORCE colours a pipe under auto.
    let forced = Test::new()
        .args(["match", POSTING])
        .env("CLICOLOR_FORCE", "1")
        .run();
    assert!(forced.stdout.contains(ESC));
}

#[test]
fn no_color_wins_over_auto_but_not_over_always() {
    let done = Test::new()
        .args(["--color", "auto", "match", POSTING])
        .env("CLICOLOR_FORCE", "1")
        .env("NO_COLOR", "1")
        .run();
    assert!(!done.stdout.contains(ESC), "{}", done.stdout);
    let always = Test::new()
        .args(["match", POSTING, "--color", "always"])
        .env("NO_COLOR", "1")
        .run();
    assert!(always.stdout.contains(ESC));
}

#[test]
fn error_labels_are_coloured_and_json_never_is() {
    let done = Test::new()
        .args(["--color", "always", "check", "no/such.yaml"])
        .expect_status(2)
        .run();
    let plain = anstream::adapter::strip_str(&done.stderr).to_string();
    assert!(done.stderr.starts_with(ESC), "{:?}", done.stderr);
    assert!(
        plain.starts_with("error: profile no/such.yaml not found\nhint: "),
        "{plain}"
    );
    let (error, hint) = (tailor::color::ERROR, tailor::color::HINT);
    assert!(done.stderr.starts_with(&format!("{error}error{error:#}: ")));
    assert!(done.stderr.contains(&format!("\n{hint}hint: {hint:#}give")));
    Test::new()
        .args(["--color", "never", "check", "no/such.yaml"])
        .expect_status(2)
        .expect_stderr(plain)
        .run();
    let json = Test::new()
        .args(["--color", "always", "match", "--json", POSTING])
        .run();
    assert!(!json.stdout.contains(ESC));
    let check = Test::new()
        .args(["--color", "always", "check", "profile.yaml"])
        .run();
    assert!(check.stdout.contains(ESC) && check.stdout.contains("warning"));
}

#[test]
fn build_colours_its_fit_on_stderr_only_when_asked() {
    let args = ["build", "-f", "md", "-o", "-", POSTING];
    let plain = Test::new().args(args).run();
    assert!(plain.stderr.contains(": fit ") && !plain.stderr.contains(ESC));
    let colored = Test::new().arg("--color=always").args(args).run();
    let fit = colored.stderr.lines().find(|l| l.contains("fit")).unwrap();
    assert!(fit.contains(ESC), "{fit:?}");
    // The résumé itself is never coloured.
    assert_eq!(colored.stdout, plain.stdout);
}
