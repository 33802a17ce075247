//! One posting's résumé: score, select, fit to `--pages`, render. No I/O.
//!
//! `app` (one posting) and `batch` (a folder) call [`tailor`] and write what
//! it returns; reading postings and writing files is `files`' job.

use anyhow::{Context, Result};

use crate::config::BuildConfig;
use crate::posting::Posting;
use crate::profile::schema::Profile;
use crate::render::{self, Format};
use crate::score::{self, Evidence, Match};
use crate::select::{self, Selection};

/// One posting's résumé, in every format asked for, and why.
#[derive(Debug)]
pub struct Built {
    pub matched: Match,
    pub selection: Selection,
    /// Bullets dropped to fit `--pages`, least relevant first.
    pub dropped: Vec<select::Chosen>,
    /// Whether the résumé fits `--pages` (always, without it).
    pub fits: bool,
    /// Rendered files, in the order of `cfg.formats`.
    pub files: Vec<(Format, Vec<u8>)>,
}

/// Scores, selects, fits to the page limit and renders one posting. No I/O.
pub fn tailor(
    cfg: &BuildConfig,
    profile: &Profile,
    ev: &Evidence,
    posting: &Posting,
) -> Result<Built> {
    let matched = score::score(ev, posting);
    let mut selection = select::select(profile, ev, &matched, &cfg.budget);
    let mut dropped = Vec::new();
    let mut fits = true;
    if let Some(pages) = cfg.pages {
        while render::pdf_page_count(&selection.tailored, &cfg.render) > pages {
            let Some(last) = selection.chosen.pop() else {
                fits = false;
                break;
            };
            // A project left with only its context bullet goes with it.
            let project = project_of(profile, &last.id);
            dropped.push(last);
            let rest = || {
                selection
                    .chosen
                    .iter()
                    .filter(|c| project.is_some() && project_of(profile, &c.id) == project)
            };
            if rest().count() > 0 && rest().all(|c| c.reason == "context") {
                let (gone, kept): (Vec<_>, Vec<_>) = std::mem::take(&mut selection.chosen)
                    .into_iter()
                    .partition(|c| project.is_some() && project_of(profile, &c.id) == project);
                selection.chosen = kept;
                dropped.extend(gone);
            }
            let ids: Vec<&str> = selection.chosen.iter().map(|c| c.id.as_str()).collect();
            selection.tailored = select::assemble(profile, ev, &matched, &cfg.budget, &ids);
        }
        selection.unshown = select::unshown(ev, &matched, &selection.tailored);
        let ids: Vec<&str> = selection.chosen.iter().map(|c| c.id.as_str()).collect();
        selection.summary = select::summary_choice(profile, ev, &matched, &cfg.budget, &ids);
    }
    let files = cfg
        .formats
        .iter()
        .map(|&f| {
            render::render(&selection.tailored, f, &cfg.render)
                .with_context(|| format!("{}: failed to render {f}", posting.source))
                .map(|bytes| (f, bytes))
        })
        .collect::<Result<_>>()?;
    Ok(Built {
        matched,
        selection,
        dropped,
        fits,
        files,
    })
}

/// The index of the project a bullet belongs to (`None` for a general
/// bullet).
fn project_of(profile: &Profile, bullet: &str) -> Option<usize> {
    profile
        .projects
        .iter()
        .position(|p| p.bullets.iter().any(|b| b.id == bullet))
}
