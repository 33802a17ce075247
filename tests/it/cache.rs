//! The profile cache through the real binary: a run that finds the profile
//! in the cache prints and writes exactly what a run that parses it does,
//! on every command; a damaged cache file, a changed profile, an
//! unwritable cache folder and `--no-cache` are each a parse, never an
//! error; and a hit really is read from the cache.

use std::path::{Path, PathBuf};

use crate::test::{root, Done, Test};

const POSTING: &str = "job-descriptions/northwind-health-platform-engineer.md";

/// One run in a fresh folder holding the shipped profile and [`POSTING`],
/// with the cache in `cache`, or `--no-cache` when `None`.
fn run(cache: Option<&Path>, args: &[&str]) -> Done {
    let t = Test::in_temp()
        .copy("profile.yaml")
        .copy(POSTING)
        .env("SOURCE_DATE_EPOCH", "1700000000");
    let t = match cache {
        Some(dir) => t.cache_dir(dir),
        None => t.arg("--no-cache"),
    };
    t.args(args).run()
}

/// The cache files in `dir`.
fn files(dir: &Path) -> Vec<PathBuf> {
    match std::fs::read_dir(dir) {
        Ok(entries) => entries.map(|e| e.unwrap().path()).collect(),
        Err(_) => Vec::new(),
    }
}

/// What a run shows: standard output and error, and the file it wrote.
fn shown(done: &Done, out: Option<&str>) -> (Vec<u8>, String, Option<Vec<u8>>) {
    let file = out.map(|o| std::fs::read(done.dir.join(o)).expect("the output file"));
    (done.stdout_bytes.clone(), done.stderr.clone(), file)
}

#[test]
fn a_hit_prints_and_writes_what_a_miss_does_on_every_command() {
    let commands: &[(&[&str], Option<&str>)] = &[
        (&["match", POSTING], None),
        (&["match", "--json", POSTING], None),
        (&["match", "--explain", POSTING], None),
        (&["build", POSTING, "-f", "md", "-o", "-"], None),
        (
            &["build", "--explain", POSTING, "-f", "md", "-o", "-"],
            None,
        ),
        (&["build", POSTING, "-f", "json-resume", "-o", "-"], None),
        (&["build", POSTING, "-o", "cv.pdf"], Some("cv.pdf")),
        (&["build", POSTING, "-o", "cv.docx"], Some("cv.docx")),
        (&["check", "profile.yaml"], None),
        (&["check", "--suggest-tags", "profile.yaml"], None),
    ];
    for (args, out) in commands {
        let cache = tempfile::tempdir().unwrap();
        let uncached = shown(&run(None, args), *out);
        let miss = shown(&run(Some(cache.path()), args), *out);
        let stored = files(cache.path());
        let hit = shown(&run(Some(cache.path()), args), *out);
        assert!(
            miss == uncached && hit == uncached,
            "tailor {}: outputs differ\n--- uncached stderr\n{}\n--- miss stderr\n{}\n--- hit stderr\n{}",
            args.join(" "),
            uncached.1,
            miss.1,
            hit.1
        );
        if args[0] == "check" {
            // check reports on the YAML itself, positions and all.
            assert!(stored.is_empty(), "check wrote {stored:?}");
        } else {
            assert_eq!(stored.len(), 1, "tailor {}: {stored:?}", args.join(" "));
            assert_eq!(files(cache.path()), stored, "a hit writes nothing");
        }
    }
    // The shipped profile's placeholders are warned of on a hit too.
    let cache = tempfile::tempdir().unwrap();
    for _ in 0..2 {
        let done = run(
            Some(cache.path()),
            &["build", POSTING, "-f", "md", "-o", "-"],
        );
        assert!(
            done.stderr
                .contains("the name \"Your Name\" looks like a placeholder"),
            "{}",
            done.stderr
        );
    }
}

/// A hit is read from the cache, not parsed again: an entry planted for
/// the profile's bytes (another profile's content) is what the run uses.
#[test]
fn a_hit_is_read_from_the_cache() {
    let cache = tempfile::tempdir().unwrap();
    let bytes = std::fs::read(root().join("profile.yaml")).unwrap();
    let mut planted = tailor::profile::load(&root().join("profile.yaml")).unwrap();
    planted.person.name = "Planted Name".into();
    tailor::profile::cache::Cache::new(cache.path()).put(&bytes, &planted, None);
    let args = ["build", POSTING, "-f", "md", "-o", "-"];
    let hit = run(Some(cache.path()), &args);
    assert!(hit.stdout.contains("Planted Name"), "{}", hit.stdout);
    // Without the cache, the profile itself.
    let parsed = run(None, &args);
    assert!(!parsed.stdout.contains("Planted Name"), "{}", parsed.stdout);
}

#[test]
fn a_damaged_cache_file_is_parsed_again_and_replaced() {
    let cache = tempfile::tempdir().unwrap();
    let args = ["match", "--json", POSTING];
    let want = run(None, &args).stdout_bytes;
    run(Some(cache.path()), &args);
    let [file] = files(cache.path()).try_into().expect("one cache file");
    let good = std::fs::read(&file).unwrap();
    let mut flipped = good.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0x01;
    let damages: [&[u8]; 5] = [
        &good[..good.len() / 2],
        &good[..good.len() - 1],
        &flipped,
        b"",
        b"not a cache file at all\n",
    ];
    for damaged in damages {
        std::fs::write(&file, damaged).unwrap();
        let done = run(Some(cache.path()), &args);
        assert_eq!(done.stdout_bytes, want);
        assert_eq!(done.stderr, "");
        assert_eq!(std::fs::read(&file).unwrap(), good, "the file is replaced");
    }
}

#[test]
fn a_profile_changed_by_one_byte_is_parsed_again() {
    let cache = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("profile.yaml");
    let yaml = std::fs::read_to_string(root().join("profile.yaml")).unwrap();
    std::fs::write(&profile, &yaml).unwrap();
    let args = |p: &Path| {
        vec![
            "build".to_owned(),
            "-p".to_owned(),
            p.display().to_string(),
            root().join(POSTING).display().to_string(),
            "-f".to_owned(),
            "md".to_owned(),
            "-o".to_owned(),
            "-".to_owned(),
        ]
    };
    let first = Test::new()
        .cache_dir(cache.path())
        .args(args(&profile))
        .run();
    assert!(first.stdout.contains("Your Name"), "{}", first.stdout);
    // One byte: "Your Name" -> "Your Nbme".
    let changed = yaml.replacen("Your Name", "Your Nbme", 1);
    assert_eq!(changed.len(), yaml.len());
    std::fs::write(&profile, &changed).unwrap();
    let second = Test::new()
        .cache_dir(cache.path())
        .args(args(&profile))
        .run();
    assert!(second.stdout.contains("Your Nbme"), "{}", second.stdout);
    assert!(!second.stdout.contains("Your Name"), "{}", second.stdout);
    assert_eq!(files(cache.path()).len(), 2, "one file per profile");
}

#[test]
fn no_cache_reads_and_writes_nothing() {
    let cache = tempfile::tempdir().unwrap();
    let store = cache.path().join("store");
    let args = ["match", POSTING];
    run(Some(&store), &["--no-cache", "match", POSTING]);
    assert!(!store.exists(), "--no-cache made {}", store.display());
    Test::in_temp()
        .copy("profile.yaml")
        .copy(POSTING)
        .cache_dir(&store)
        .env("TAILOR_NO_CACHE", "1")
        .args(args)
        .run();
    assert!(
        !store.exists(),
        "TAILOR_NO_CACHE=1 made {}",
        store.display()
    );
    run(Some(&store), &args);
    assert_eq!(
        files(&store).len(),
        1,
        "without either, the cache is written"
    );
}

#[test]
fn an_unusable_cache_folder_is_no_error() {
    let dir = tempfile::tempdir().unwrap();
    // A file where the folder should be: it can be neither made nor written.
    let blocked = dir.path().join("file");
    std::fs::write(&blocked, "x").unwrap();
    let args = ["match", POSTING];
    let want = run(None, &args);
    for cache in [blocked.clone(), blocked.join("tailor")] {
        let done = run(Some(&cache), &args);
        assert_eq!(done.stdout_bytes, want.stdout_bytes);
        assert_eq!(done.stderr, want.stderr);
    }
    assert_eq!(std::fs::read(&blocked).unwrap(), b"x");
}

#[test]
fn an_invalid_profile_is_not_cached_and_keeps_its_positions() {
    let cache = tempfile::tempdir().unwrap();
    for _ in 0..2 {
        Test::in_temp()
            .write("profile.yaml", "person:\n  name: A\nprojects:\n  - id: p\n")
            .copy(POSTING)
            .cache_dir(cache.path())
            .args(["match", POSTING])
            .expect_status(2)
            .stderr_has("profile.yaml:4:5: projects[0]: missing field `name`")
            .run();
    }
    assert!(files(cache.path()).is_empty());
}
