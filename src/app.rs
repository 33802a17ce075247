//! The one orchestrator: load -> analyse -> score -> select -> render -> write.
//!
//! Each subcommand is a function here that wires the pure stages together
//! and does the I/O; the stages themselves never read or write files.

use std::process::ExitCode;

use anyhow::Result;

use crate::cli::{Cli, Command};

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
        Command::Check(_) => anyhow::bail!("check is not implemented yet"),
        Command::Import(_) => anyhow::bail!("import is not implemented yet"),
    }
}

/// Whether an error is a closed pipe (`tailor … | head`), which is not a failure.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
