//! The one orchestrator: load -> analyse -> score -> select -> render -> write.
//!
//! Each subcommand is a function here that wires the pure stages together
//! and does the I/O; the stages themselves never read or write files.

use std::io::{IsTerminal, Read, Write};
use std::path::Path;

use anyhow::{Context, Result};

use crate::cli::{Cli, Command, MatchArgs};
use crate::keywords::Lexicon;
use crate::posting::{self, Posting};
use crate::profile;
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
        Command::Check(_) => anyhow::bail!("check is not implemented yet"),
        Command::Import(_) => anyhow::bail!("import is not implemented yet"),
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

/// Whether an error is a closed pipe (`tailor … | head`), which is not a failure.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
