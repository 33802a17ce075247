//! `tailor check`: every problem of a profile at once.

use super::diagnostic::Diagnostic;

/// Placeholder.
pub fn check_bytes(bytes: &[u8], file: &str) -> Vec<Diagnostic> {
    match super::load::parse_bytes(bytes, file) {
        Ok(_) => vec![],
        Err(d) => d,
    }
}
