//! Reading `profile.yaml` into a [`Profile`], with errors that name the file,
//! line and column.

use std::path::Path;

use anyhow::{bail, Context, Result};

use super::schema::Profile;

/// Reads and parses a profile file.
pub fn load(path: &Path) -> Result<Profile> {
    let bytes = std::fs::read(path)
        .with_context(|| format!("failed to read profile {}", path.display()))?;
    let text = std::str::from_utf8(&bytes).map_err(|e| {
        anyhow::anyhow!(
            "{}: not UTF-8 text (byte {})",
            path.display(),
            e.valid_up_to()
        )
    })?;
    parse(text, path)
}

/// Parses profile text; `path` is only used in messages.
pub fn parse(text: &str, path: &Path) -> Result<Profile> {
    if text.trim().is_empty() {
        bail!("{}: the profile is empty", path.display());
    }
    serde_yaml::from_str(text).map_err(|e| match e.location() {
        Some(l) => anyhow::anyhow!("{}:{}:{}: {}", path.display(), l.line(), l.column(), e),
        None => anyhow::anyhow!("{}: {}", path.display(), e),
    })
}
