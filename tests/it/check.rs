//! `tailor check` through the real binary: every problem in one run (shape
//! and profile problems alike), standard input, and tags and keywords
//! spell-checked against the lexicon.

use crate::test::Test;

/// The starter profile `init` writes, as text.
fn starter() -> String {
    tailor::init::starter()
}

#[test]
fn an_unknown_key_a_bad_level_and_a_duplicate_id_in_one_run() {
    // Issue 11: an unknown key, then a bad level, took one run each.
    let text = starter()
        .replace(
            "  headline: Software Engineer",
            "  headlin: Software Engineer",
        )
        .replace("level: strong", "level: guru");
    let done = Test::new()
        .args(["check", "-"])
        .stdin(text)
        .expect_status(2)
        .run();
    let errors: Vec<&str> = done
        .stdout
        .lines()
        .filter(|l| l.contains(": error: "))
        .collect();
    assert_eq!(errors.len(), 2, "{}", done.stdout);
    assert!(errors[0].starts_with("<stdin>:9:3: error: person: unknown field `headlin`"));
    assert!(errors[1].contains("skills[0].level: unknown variant `guru`"));
    // Unknown keys alone: the profile's own checks run in the same pass.
    let text = starter()
        .replace(
            "  headline: Software Engineer",
            "  headlin: Software Engineer",
        )
        .replace("id: example-project-infra", "id: example-project-api");
    let done = Test::new()
        .args(["check", "-"])
        .stdin(text)
        .expect_status(2)
        .stdout_has("unknown field `headlin`")
        .stdout_has("error: duplicate bullet id `example-project-api`")
        .stdout_has("<stdin>: 2 errors, 2 warnings")
        .run();
    assert!(done.stdout.lines().all(|l| l.starts_with("<stdin>:")));
}

#[test]
fn the_shipped_profile_has_no_spelling_warnings() {
    let done = Test::new().args(["check", "profile.yaml"]).run();
    assert!(
        !done.stdout.contains("misspelling") && !done.stdout.contains("not a term"),
        "{}",
        done.stdout
    );
}

#[test]
fn a_misspelt_tag_everywhere_is_one_warning_with_the_term() {
    // Issue 11: tags saying "Kuberneties" passed check and matched nothing.
    let text = starter()
        .replace(
            "tags: [Python, PostgreSQL, REST APIs]",
            "tags: [Python, Kuberneties]",
        )
        .replace("tags: [AWS, Terraform, Docker]", "tags: [AWS, Kuberneties]");
    let done = Test::new().args(["check", "-"]).stdin(text).run();
    let spelling: Vec<&str> = done
        .stdout
        .lines()
        .filter(|l| l.contains("Kuberneties"))
        .collect();
    assert_eq!(spelling.len(), 1, "{}", done.stdout);
    assert!(
        spelling[0].contains(": warning: tag \"Kuberneties\"")
            && spelling[0].contains("did you mean \"Kubernetes\"? (and in 1 more place)"),
        "{}",
        spelling[0]
    );
}

#[test]
fn suggest_tags_lists_the_concepts_a_bullet_implies() {
    // The skill graph: Terraform is infrastructure as code, PostgreSQL is
    // SQL. Tagging a concept removes it from the suggestions.
    let done = Test::new()
        .args(["check", "--suggest-tags", "-"])
        .stdin(starter())
        .expect_status(0)
        .run();
    let line = |id: &str| {
        done.stdout
            .lines()
            .find(|l| l.trim_start().starts_with(id))
            .unwrap_or_else(|| panic!("{id} not in:\n{}", done.stdout))
            .to_owned()
    };
    assert!(line("example-project-infra:").contains("Infrastructure as code (from Terraform)"));
    assert!(line("example-project-api:").contains("SQL (from PostgreSQL)"));
    let tagged = starter().replace(
        "tags: [Python, PostgreSQL, REST APIs]",
        "tags: [Python, PostgreSQL, REST APIs, SQL]",
    );
    let done = Test::new()
        .args(["check", "--suggest-tags", "-"])
        .stdin(tagged)
        .expect_status(0)
        .run();
    assert!(
        !done.stdout.contains("SQL (from PostgreSQL)"),
        "{}",
        done.stdout
    );
    // Without the flag, check says nothing of it.
    Test::new()
        .args(["check", "-"])
        .stdin(starter())
        .stdout_lacks("concept tags")
        .run();
}
