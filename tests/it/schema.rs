//! The profile's JSON Schema and the documents that must agree with it:
//! the shipped `schema/profile.schema.json` against the types, the
//! `# yaml-language-server` line of the profiles tailor writes and ships,
//! those profiles against the schema, and the example in docs/profile.md
//! against `tailor check`.

use tailor::profile::json_schema::{self, MODELINE_PREFIX};
use tailor::profile::shape;

use crate::test::{root, Test, UPDATE};

const SHIPPED: &str = "schema/profile.schema.json";

#[test]
fn the_shipped_schema_is_the_one_the_types_give() {
    let printed = Test::new().arg("schema").run();
    assert_eq!(printed.stdout, json_schema::text());
    let path = root().join(SHIPPED);
    if std::env::var_os(UPDATE).is_some() {
        std::fs::write(&path, &printed.stdout).unwrap();
    }
    let shipped = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        shipped == printed.stdout,
        "{SHIPPED} is not what the types in src/profile/schema.rs give; \
         run `{UPDATE}=1 cargo test --test it schema` (or `tailor schema > {SHIPPED}`) \
         and commit it"
    );
}

/// The path a profile's first line points editors at, if it has the line.
fn modeline_target(text: &str) -> Option<&str> {
    text.lines().next()?.strip_prefix(MODELINE_PREFIX)
}

/// Shape problems of a profile text, judged against the shipped schema file.
fn against_schema(text: &str, file: &str) -> Vec<String> {
    let shipped = std::fs::read_to_string(root().join(SHIPPED)).unwrap();
    let schema: serde_json::Value = serde_json::from_str(&shipped).unwrap();
    shape::check_against(&schema, text, file)
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn the_shipped_schema_rejects_what_check_rejects() {
    // So "fits the schema" below means something: a bad level, an unknown
    // key and a wrong type are each found against the file.
    for (text, want) in [
        (
            "person: {name: A}\nskills: [{name: C, level: guru}]\n",
            "unknown variant `guru`",
        ),
        ("person: {name: A, nmae: B}\n", "unknown field `nmae`"),
        ("person: {name: A}\nprojects: 5\n", "invalid type"),
        ("projects: []\n", "missing field `person`"),
    ] {
        let found = against_schema(text, "p.yaml");
        assert!(found.iter().any(|d| d.contains(want)), "{text}: {found:?}");
    }
}

#[test]
fn the_shipped_profile_points_at_the_shipped_schema_and_fits_it() {
    let text = std::fs::read_to_string(root().join("profile.yaml")).unwrap();
    assert_eq!(modeline_target(&text), Some(SHIPPED));
    assert!(root().join(SHIPPED).is_file());
    assert_eq!(against_schema(&text, "profile.yaml"), Vec::<String>::new());
}

#[test]
fn init_writes_the_schema_line_and_the_schema_beside_the_profile() {
    let done = Test::in_temp()
        .arg("init")
        .stderr_has("wrote profile.schema.json")
        .run();
    let profile = done.read("profile.yaml");
    let target = modeline_target(&profile).expect("the schema line first");
    assert_eq!(done.read(target), json_schema::text());
    assert_eq!(
        against_schema(&profile, "profile.yaml"),
        Vec::<String>::new()
    );
    // A second init with --force rewrites both; without, neither.
    std::fs::write(done.dir.join(target), "{}").unwrap();
    Test::new()
        .arg("init")
        .arg(done.dir.join("profile.yaml"))
        .expect_status(2)
        .stderr_has("already exists")
        .run();
    assert_eq!(done.read(target), "{}");
    Test::new()
        .args(["init", "--force"])
        .arg(done.dir.join("profile.yaml"))
        .run();
    assert_eq!(done.read(target), json_schema::text());
}

#[test]
fn import_writes_the_schema_line_too() {
    let seed = std::fs::read(root().join("tests/fixtures/seeds/000_ab4b6636d989a7da.txt")).unwrap();
    let done = Test::in_temp()
        .write("matrix.md", &seed)
        .args(["import", "matrix.md", "-o", "profile.yaml"])
        .run();
    let profile = done.read("profile.yaml");
    assert_eq!(modeline_target(&profile), Some(json_schema::FILE_NAME));
    assert_eq!(done.read(json_schema::FILE_NAME), json_schema::text());
    assert_eq!(
        against_schema(&profile, "profile.yaml"),
        Vec::<String>::new()
    );
    // From standard input, to standard output: the line, no schema file,
    // and `-o -` is standard output too (no file named "-").
    for args in [&["import", "-"][..], &["import", "-", "-o", "-"]] {
        let piped = Test::in_temp().args(args).stdin(seed.clone()).run();
        assert_eq!(modeline_target(&piped.stdout), Some(json_schema::FILE_NAME));
        assert!(!piped.dir.join(json_schema::FILE_NAME).exists());
        assert!(!piped.dir.join("-").exists());
    }
}

#[test]
fn init_to_standard_output_writes_no_file() {
    let done = Test::in_temp().args(["init", "-"]).run();
    assert_eq!(done.stdout, tailor::init::starter());
    assert_eq!(std::fs::read_dir(&done.dir).unwrap().count(), 0);
}

/// The YAML blocks of a Markdown file, each with the line it starts on.
fn yaml_blocks(markdown: &str) -> Vec<(usize, String)> {
    let mut blocks = Vec::new();
    let mut current: Option<(usize, String)> = None;
    for (i, line) in markdown.lines().enumerate() {
        match &mut current {
            None if line.trim_start().starts_with("```yaml") => {
                current = Some((i + 2, String::new()));
            }
            Some(_) if line.trim_start().starts_with("```") => {
                blocks.push(current.take().unwrap());
            }
            Some((_, text)) => {
                text.push_str(line);
                text.push('\n');
            }
            None => {}
        }
    }
    blocks
}

#[test]
fn the_complete_example_in_docs_profile_md_passes_check() {
    // Issue 11: the example named a skill area it did not define.
    let doc = std::fs::read_to_string(root().join("docs/profile.md")).unwrap();
    let blocks = yaml_blocks(&doc);
    assert!(!blocks.is_empty(), "docs/profile.md has no ```yaml block");
    for (line, yaml) in blocks {
        let done = Test::new().args(["check", "-"]).stdin(yaml.clone()).run();
        assert!(
            done.stdout.ends_with("<stdin>: 0 errors, 0 warnings\n"),
            "the YAML block at docs/profile.md:{line} does not pass check:\n{}",
            done.stdout
        );
        assert_eq!(
            against_schema(&yaml, "docs/profile.md"),
            Vec::<String>::new()
        );
    }
}

#[test]
fn yaml_blocks_are_found_with_their_lines() {
    let md = "# t\n\n```yaml\na: 1\n```\ntext\n```sh\nx\n```\n```yaml\nb: 2\n```\n";
    assert_eq!(
        yaml_blocks(md),
        [(4, "a: 1\n".to_owned()), (11, "b: 2\n".to_owned())]
    );
}
