//! Many postings: keep going past a failure, report at the end.

use std::path::Path;

use anyhow::{bail, Result};

use crate::app::Exit;
use crate::config::BuildConfig;
use crate::profile::schema::Profile;
use crate::score::Evidence;

/// Builds a résumé for every posting in `dir`.
pub fn run(_cfg: &BuildConfig, _profile: &Profile, _ev: &Evidence, dir: &Path) -> Result<Exit> {
    bail!(
        "{}: building a folder of postings is not implemented yet",
        dir.display()
    )
}
