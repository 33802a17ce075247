//! How a run ends: the process exit codes, and which errors are no failure.
//!
//! Commands return an [`Exit`]; `main` maps it (or an error, 2) to the code.

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

/// Whether an error is a closed pipe (`tailor … | head`), which is not a failure.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
