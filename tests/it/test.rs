//! The fluent builder the integration tests run the real binary with (just's
//! `tests/test.rs` is the model), and the snapshot files they compare
//! output with.
//!
//! ```ignore
//! Test::new()
//!     .args(["check", "-"])
//!     .stdin("person: {name: A}\n")
//!     .expect_status(0)
//!     .stdout_has("0 errors")
//!     .run();
//! ```
//!
//! A run starts from a clean environment for what tailor reads
//! (`TAILOR_PROFILE`, `NO_COLOR`, `CLICOLOR`, `CLICOLOR_FORCE`,
//! `TAILOR_NO_CACHE`, `XDG_CACHE_HOME` unset), with a profile cache of its
//! own (`TAILOR_CACHE_DIR`, a fresh temporary folder unless
//! [`Test::cache_dir`] names one), in the repository root or, with
//! [`Test::in_temp`], in a fresh folder. Tests that run the binary without
//! this builder start it with [`tailor_command`], without a cache: no test
//! touches the real cache in the home folder, and no two share one by
//! chance.
//! Standard output and error are pipes, as in a script.
//!
//! Snapshots live in `tests/snapshots/` and are compared byte for byte;
//! `TAILOR_UPDATE_SNAPSHOTS=1 cargo test --test it` rewrites the ones that
//! differ (review them with `git diff tests/snapshots` before committing).

#![allow(dead_code)] // each helper is used by some modules, not all

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The environment variable that rewrites snapshots instead of comparing.
pub const UPDATE: &str = "TAILOR_UPDATE_SNAPSHOTS";

/// The binary as a [`Command`], for tests that run it themselves: with the
/// profile cache turned off, so that they never read or write the real one
/// in the home folder.
pub fn tailor_command() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tailor"));
    cmd.env("TAILOR_NO_CACHE", "1");
    cmd
}

/// One run of `tailor`, built up and then [`run`](Test::run).
#[must_use = "a Test does nothing until .run()"]
pub struct Test {
    args: Vec<OsString>,
    dir: PathBuf,
    temp: Option<tempfile::TempDir>,
    /// The profile cache's folder: this run's own, or one tests share.
    cache: Cache,
    env: Vec<(String, Option<OsString>)>,
    stdin: Option<Vec<u8>>,
    status: i32,
    stdout: Option<String>,
    stderr: Option<String>,
    stdout_has: Vec<String>,
    stderr_has: Vec<String>,
    stdout_lacks: Vec<String>,
}

impl Test {
    /// A run in the repository root, expected to exit 0.
    pub fn new() -> Test {
        Test {
            args: Vec::new(),
            dir: root(),
            temp: None,
            cache: Cache::Own(tempfile::tempdir().expect("a temporary cache folder")),
            env: [
                "TAILOR_PROFILE",
                "NO_COLOR",
                "CLICOLOR",
                "CLICOLOR_FORCE",
                "TAILOR_NO_CACHE",
                "XDG_CACHE_HOME",
            ]
            .into_iter()
            .map(|k| (k.to_owned(), None))
            .collect(),
            stdin: None,
            status: 0,
            stdout: None,
            stderr: None,
            stdout_has: Vec::new(),
            stderr_has: Vec::new(),
            stdout_lacks: Vec::new(),
        }
    }

    /// A run in a fresh temporary folder (kept until the [`Done`] drops).
    pub fn in_temp() -> Test {
        let temp = tempfile::tempdir().expect("a temporary folder");
        Test {
            dir: temp.path().to_path_buf(),
            temp: Some(temp),
            ..Test::new()
        }
    }

    /// The folder the run starts in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Keeps the profile cache in `dir` (which the caller owns), so that
    /// runs can share it.
    pub fn cache_dir(mut self, dir: impl Into<PathBuf>) -> Test {
        self.cache = Cache::Shared(dir.into());
        self
    }

    pub fn arg(mut self, arg: impl Into<OsString>) -> Test {
        self.args.push(arg.into());
        self
    }

    pub fn args<I: IntoIterator<Item = S>, S: Into<OsString>>(mut self, args: I) -> Test {
        self.args.extend(args.into_iter().map(Into::into));
        self
    }

    pub fn env(mut self, key: &str, value: impl Into<OsString>) -> Test {
        self.env.push((key.to_owned(), Some(value.into())));
        self
    }

    pub fn stdin(mut self, input: impl Into<Vec<u8>>) -> Test {
        self.stdin = Some(input.into());
        self
    }

    /// Writes a file (its folders made) relative to the run's folder.
    pub fn write(self, path: &str, content: impl AsRef<[u8]>) -> Test {
        let path = self.dir.join(path);
        std::fs::create_dir_all(path.parent().expect("a file has a folder")).unwrap();
        std::fs::write(&path, content).unwrap();
        self
    }

    /// Copies a file of the repository into the run's folder, same path.
    pub fn copy(self, path: &str) -> Test {
        let content = std::fs::read(root().join(path)).unwrap();
        self.write(path, content)
    }

    pub fn expect_status(mut self, code: i32) -> Test {
        self.status = code;
        self
    }

    /// Standard output must be exactly this.
    pub fn expect_stdout(mut self, s: impl Into<String>) -> Test {
        self.stdout = Some(s.into());
        self
    }

    /// Standard error must be exactly this.
    pub fn expect_stderr(mut self, s: impl Into<String>) -> Test {
        self.stderr = Some(s.into());
        self
    }

    pub fn stdout_has(mut self, s: impl Into<String>) -> Test {
        self.stdout_has.push(s.into());
        self
    }

    pub fn stdout_lacks(mut self, s: impl Into<String>) -> Test {
        self.stdout_lacks.push(s.into());
        self
    }

    pub fn stderr_has(mut self, s: impl Into<String>) -> Test {
        self.stderr_has.push(s.into());
        self
    }

    /// Runs the binary and checks every expectation, panicking with the
    /// command and both outputs on the first that fails.
    pub fn run(self) -> Done {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_tailor"));
        cmd.args(&self.args)
            .current_dir(&self.dir)
            .stdin(if self.stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let cache = match &self.cache {
            Cache::Own(t) => t.path(),
            Cache::Shared(p) => p.as_path(),
        };
        cmd.env("TAILOR_CACHE_DIR", cache);
        for (k, v) in &self.env {
            match v {
                Some(v) => cmd.env(k, v),
                None => cmd.env_remove(k),
            };
        }
        let mut child = cmd.spawn().expect("tailor runs");
        if let Some(input) = &self.stdin {
            // A command that stops reading early is not the test's failure.
            let _ = child.stdin.take().expect("piped").write_all(input);
        }
        let out = child.wait_with_output().expect("tailor ends");
        let done = Done {
            status: out.status.code(),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stdout_bytes: out.stdout,
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
            dir: self.dir.clone(),
            _temp: self.temp,
        };
        let what = format!(
            "tailor {}\n--- stdout\n{}\n--- stderr\n{}",
            self.args
                .iter()
                .map(|a| a.to_string_lossy())
                .collect::<Vec<_>>()
                .join(" "),
            done.stdout,
            done.stderr
        );
        assert_eq!(done.status, Some(self.status), "exit status of {what}");
        if let Some(want) = &self.stdout {
            assert_eq!(&done.stdout, want, "stdout of {what}");
        }
        if let Some(want) = &self.stderr {
            assert_eq!(&done.stderr, want, "stderr of {what}");
        }
        for s in &self.stdout_has {
            assert!(done.stdout.contains(s), "stdout lacks {s:?}: {what}");
        }
        for s in &self.stdout_lacks {
            assert!(!done.stdout.contains(s), "stdout has {s:?}: {what}");
        }
        for s in &self.stderr_has {
            assert!(done.stderr.contains(s), "stderr lacks {s:?}: {what}");
        }
        done
    }
}

/// Where a run keeps its profile cache.
enum Cache {
    Own(tempfile::TempDir),
    Shared(PathBuf),
}

/// A finished run.
pub struct Done {
    pub status: Option<i32>,
    pub stdout: String,
    pub stdout_bytes: Vec<u8>,
    pub stderr: String,
    /// The folder it ran in.
    pub dir: PathBuf,
    _temp: Option<tempfile::TempDir>,
}

impl Done {
    /// A file the run left, relative to its folder.
    pub fn read(&self, path: &str) -> String {
        std::fs::read_to_string(self.dir.join(path))
            .unwrap_or_else(|e| panic!("{path} after the run: {e}"))
    }
}

/// Compares `actual` with `tests/snapshots/NAME` byte for byte, or writes
/// it there when `TAILOR_UPDATE_SNAPSHOTS` is set. Returns whether it
/// matched (so a caller can check many and report every difference).
pub fn snapshot(name: &str, actual: &[u8]) -> bool {
    let path = root().join("tests/snapshots").join(name);
    if std::env::var_os(UPDATE).is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        if std::fs::read(&path).ok().as_deref() != Some(actual) {
            std::fs::write(&path, actual).unwrap();
            eprintln!("updated tests/snapshots/{name}");
        }
        return true;
    }
    match std::fs::read(&path) {
        Ok(want) if want == actual => true,
        Ok(_) => {
            eprintln!("tests/snapshots/{name} differs from the output");
            false
        }
        Err(_) => {
            eprintln!("tests/snapshots/{name} is missing");
            false
        }
    }
}

/// Panics naming how to update, unless every snapshot matched.
pub fn assert_snapshots(all_matched: bool) {
    assert!(
        all_matched,
        "snapshots differ (listed above); if the change is intended, run \
         `{UPDATE}=1 cargo test --test it` and review `git diff tests/snapshots`"
    );
}
