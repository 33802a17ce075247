//! The files tailor reads and writes: postings in (a file or standard
//! input), résumés out, each written whole or not at all.
//!
//! What a posting says is `posting`'s business; what goes in a résumé is
//! `build`'s. This module only names, reads and writes files.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use crate::posting::{self, Posting};

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
        if path.is_dir() {
            bail!(
                "{} is a folder, not a posting\nhint: `tailor build {}` does every posting in it",
                path.display(),
                path.display()
            );
        }
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

/// A file name for a posting's résumé: company and title when the posting
/// states them, else `fallback` (the posting's file stem); lowercase ASCII
/// letters, digits and hyphens, never empty, never a path.
pub fn slug(posting: &Posting, fallback: &str) -> String {
    let named: Vec<&str> = [posting.company.as_deref(), posting.title.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    [named.join(" ").as_str(), fallback]
        .into_iter()
        .map(slugify)
        .find(|s| !s.is_empty())
        .unwrap_or_else(|| "resume".to_owned())
}

/// Lowercase ASCII letters and digits, other runs as one hyphen, at most
/// 80 characters; accents are dropped from their letters.
fn slugify(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;

    let mut out = String::new();
    for c in text.nfkd() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if (c.is_whitespace() || c.is_ascii_punctuation()) && !out.ends_with('-') {
            out.push('-');
        }
    }
    let mut out: String = out.trim_matches('-').chars().take(80).collect();
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// A file's name without its extension, for naming its résumé.
pub(crate) fn file_stem(p: &Path) -> String {
    p.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

pub(crate) fn create_parent(path: &Path) -> Result<()> {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => std::fs::create_dir_all(d)
            .with_context(|| format!("failed to create folder {}", d.display())),
        _ => Ok(()),
    }
}

/// Temporary files being written, removed by the Ctrl-C handler so an
/// interrupted run leaves nothing half-written behind.
static IN_FLIGHT: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

/// On Ctrl-C (or SIGTERM): remove the temporary files being written, then
/// exit 130 as shells expect. Finished files stay; unfinished ones never
/// appear under their real names.
pub fn clean_up_on_interrupt() {
    // Failing to install the handler only loses the clean-up.
    let _ = ctrlc::set_handler(|| {
        let files = IN_FLIGHT.lock().unwrap_or_else(|e| e.into_inner());
        for f in files.iter() {
            let _ = std::fs::remove_file(f);
        }
        eprintln!("interrupted");
        std::process::exit(130);
    });
}

/// Writes a file whole or not at all: a temporary file beside it, renamed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
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
    let track = |add: bool| {
        let mut files = IN_FLIGHT.lock().unwrap_or_else(|e| e.into_inner());
        if add {
            files.push(tmp.clone());
        } else if let Some(i) = files.iter().position(|f| *f == tmp) {
            files.swap_remove(i);
        }
    };
    track(true);
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        // No fsync: the rename is what makes the file appear whole; a
        // thousand fsyncs would triple a batch's time for crash-safety
        // build tools do not promise either.
        f.write_all(bytes)?;
        drop(f);
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    track(false);
    result.with_context(|| format!("failed to write {}", path.display()))
}
