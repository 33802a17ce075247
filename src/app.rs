//! The one orchestrator: load -> analyse -> score -> select -> render -> write.
//!
//! Each subcommand is a function here that wires the pure stages together
//! and does the I/O; the stages themselves never read or write files.

use std::io::{IsTerminal, Read, Write};
use std::path::Path;

use anyhow::{bail, Context, Result};

use crate::cli::{CheckArgs, Cli, Command, ImportArgs, MatchArgs};
use crate::keywords::Lexicon;
use crate::posting::{self, Posting};
use crate::profile::{self, diagnostic, import as matrix, load};
use crate::score::{self, Evidence};

/// How a run ended, as the process exit code says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Everything worked.
    Ok,
    /// Some postings of a batch failed (1).
    SomeFailed,
    /// Bad input or usage (2), when reported without an `Err`.
    Invalid,
}

impl From<Exit> for std::process::ExitCode {
    fn from(e: Exit) -> std::process::ExitCode {
        match e {
            Exit::Ok => std::process::ExitCode::SUCCESS,
            Exit::SomeFailed => std::process::ExitCode::from(1),
            Exit::Invalid => std::process::ExitCode::from(2),
        }
    }
}

/// Runs one command line.
pub fn run(cli: Cli) -> Result<Exit> {
    match cli.command {
        Command::Build(_) => anyhow::bail!("build is not implemented yet"),
        Command::Match(args) => run_match(&args),
        Command::Check(args) => check(&args),
        Command::Import(args) => import(&args),
    }
}

fn run_match(args: &MatchArgs) -> Result<Exit> {
    let ev = load_evidence(&args.profile.profile)?;
    let posting = read_posting(&args.posting)?;
    let m = score::score(&ev, &posting);
    let out = if args.json {
        let mut s = serde_json::to_string_pretty(&m)?;
        s.push('\n');
        s
    } else {
        crate::report::human(&m, &ev, args.explain)
    };
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(out.as_bytes())?;
    stdout.flush()?;
    Ok(Exit::Ok)
}

/// Loads a profile and indexes it for scoring.
pub fn load_evidence(path: &Path) -> Result<Evidence> {
    let profile = profile::load(path)?;
    let now = score::profile_now(&profile);
    Ok(Evidence::new(&profile, Lexicon::builtin(), now))
}

/// Reads and analyses a posting from a file, or stdin for `-`.
pub fn read_posting(path: &Path) -> Result<Posting> {
    let (bytes, name) = if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        let stdin = std::io::stdin();
        if stdin.is_terminal() {
            eprintln!("reading the posting from standard input (end with Ctrl-D)…");
        }
        stdin
            .lock()
            .read_to_end(&mut buf)
            .context("failed to read the posting from standard input")?;
        (buf, "<stdin>".to_owned())
    } else {
        let bytes = std::fs::read(path)
            .with_context(|| format!("failed to read posting {}", path.display()))?;
        (bytes, path.display().to_string())
    };
    posting_from_bytes(&bytes, &name)
}

/// Decodes and analyses posting bytes; errors name the source.
pub fn posting_from_bytes(bytes: &[u8], name: &str) -> Result<Posting> {
    let text = posting::decode(bytes).map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
    posting::analyse(&text, name).map_err(|e| anyhow::anyhow!("{name}: {e}"))
}

/// `tailor import`: matrices -> profile YAML on stdout or in `-o`, the report
/// on stderr.
fn import(args: &ImportArgs) -> Result<Exit> {
    if let Some(out) = &args.output {
        if out.exists() && !args.force {
            bail!(
                "{} already exists\nhint: pass --force to replace it, or -o another file",
                out.display()
            );
        }
    }
    let mut inputs = Vec::new();
    for path in &args.files {
        let name = path.display().to_string();
        let bytes = std::fs::read(path).with_context(|| format!("failed to read matrix {name}"))?;
        let text = load::decode(&bytes, &name).map_err(|d| anyhow::anyhow!(d.located()))?;
        if text.trim().is_empty() {
            bail!("{name}:1:1: the file is empty; expected a Markdown skills matrix");
        }
        inputs.push((name, text.to_string()));
    }
    let result = matrix::import(&inputs);
    if let Some(file) = result.empty_files.first() {
        bail!(
            "{file}: no skills matrix found: no `## … Understanding` section with `### area`, \
             `**Project**` and bullets, no `## Certifications` and no `## Experience`\n\
             hint: docs/profile.md describes the matrix format"
        );
    }
    let names: Vec<String> = inputs.into_iter().map(|(n, _)| n).collect();
    let yaml = result.to_yaml(&names);
    let mut err = std::io::stderr().lock();
    write!(err, "{}", result.report)?;
    writeln!(err, "import: {}", result.counts())?;
    match &args.output {
        Some(out) => {
            write_atomic(out, yaml.as_bytes())?;
            writeln!(err, "import: wrote {}", out.display())?;
        }
        None => std::io::stdout().lock().write_all(yaml.as_bytes())?,
    }
    Ok(Exit::Ok)
}

/// `tailor check`: every problem of a profile, then a one-line summary.
fn check(args: &CheckArgs) -> Result<Exit> {
    let path = &args.profile;
    let bytes = std::fs::read(path)
        .with_context(|| format!("failed to read profile {}", path.display()))?;
    let mut diags = crate::profile::validate::check_bytes(&bytes, &path.display().to_string());
    diagnostic::sort(&mut diags);
    let mut out = std::io::stdout().lock();
    for d in &diags {
        writeln!(out, "{d}")?;
    }
    writeln!(out, "{}: {}", path.display(), diagnostic::summary(&diags))?;
    let failed = diags
        .iter()
        .any(|d| d.severity == diagnostic::Severity::Error);
    Ok(if failed { Exit::Invalid } else { Exit::Ok })
}

/// Writes a file whole or not at all: a temporary file beside it, renamed.
fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .with_context(|| format!("{} is not a file name", path.display()))?;
    let tmp = dir.join(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.with_context(|| format!("failed to write {}", path.display()))
}

/// Whether an error is a closed pipe (`tailor … | head`), which is not a failure.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
