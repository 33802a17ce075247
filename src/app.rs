//! The one orchestrator: load -> analyse -> score -> select -> render -> write.
//!
//! Each subcommand is a function here that wires the pure stages together
//! and does the I/O; the stages themselves never read or write files.

use std::process::ExitCode;

use std::io::Write;
use std::path::Path;

use anyhow::{bail, Context, Result};

use crate::cli::{CheckArgs, Cli, Command, ImportArgs};
use crate::profile::{diagnostic, import as matrix, load};

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

impl From<Exit> for ExitCode {
    fn from(e: Exit) -> ExitCode {
        match e {
            Exit::Ok => ExitCode::SUCCESS,
            Exit::SomeFailed => ExitCode::from(1),
            Exit::Invalid => ExitCode::from(2),
        }
    }
}

/// Runs one command line.
pub fn run(cli: Cli) -> Result<Exit> {
    match cli.command {
        Command::Build(_) => anyhow::bail!("build is not implemented yet"),
        Command::Match(_) => anyhow::bail!("match is not implemented yet"),
        Command::Check(args) => check(&args),
        Command::Import(args) => import(&args),
    }
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
