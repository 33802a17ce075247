//! One reported problem in a file: `path:line:column: severity: message`.
//!
//! `load` and `validate` produce these; `app` prints them. Nothing here reads
//! files or decides what counts as a problem.

use std::fmt;

/// How bad a problem is: errors make `tailor check` exit 2, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// A problem at a place in a file. Lines and columns are 1-based.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file as the user named it.
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub severity: Severity,
    pub message: String,
}

impl Diagnostic {
    pub fn error(file: &str, (line, column): (usize, usize), message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.to_string(),
            line,
            column,
            severity: Severity::Error,
            message: message.into(),
        }
    }

    pub fn warning(file: &str, (line, column): (usize, usize), message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, (line, column), message)
        }
    }

    /// `path:line:column: message`, without the severity (for errors that stop
    /// a command, which `main` prefixes with `error:`).
    pub fn located(&self) -> String {
        format!(
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}: {}",
            self.file,
            self.line,
            self.column,
            self.severity.as_str(),
            self.message
        )
    }
}

/// Sorts by position, errors before warnings at the same place, and drops
/// exact repeats, so output is stable whatever order checks ran in.
pub fn sort(diags: &mut Vec<Diagnostic>) {
    diags.sort_by(|a, b| {
        (a.line, a.column, a.severity, &a.message).cmp(&(b.line, b.column, b.severity, &b.message))
    });
    diags.dedup();
}

/// "2 errors, 1 warning".
pub fn summary(diags: &[Diagnostic]) -> String {
    let errors = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = diags.len() - errors;
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    format!(
        "{}, {}",
        plural(errors, "error"),
        plural(warnings, "warning")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_with_and_without_severity() {
        let d = Diagnostic::warning("p.yaml", (3, 7), "odd");
        assert_eq!(d.to_string(), "p.yaml:3:7: warning: odd");
        assert_eq!(d.located(), "p.yaml:3:7: odd");
    }

    #[test]
    fn summary_counts_and_pluralises() {
        let e = Diagnostic::error("f", (1, 1), "x");
        let w = Diagnostic::warning("f", (1, 1), "y");
        assert_eq!(summary(&[]), "0 errors, 0 warnings");
        assert_eq!(summary(&[e.clone(), w.clone(), w]), "1 error, 2 warnings");
    }
}
