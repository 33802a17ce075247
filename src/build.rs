//! One posting's résumé: score, select, fit to `--pages` (or, without it,
//! end on a well-filled page), render. No I/O.
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
    /// Without `--pages`: the bullets dropped so the PDF ends on a
    /// well-filled page, if any were.
    pub page_fill: Option<PageFill>,
    /// The PDF layout of the résumé as built: its pages, and the share of
    /// the last page's text area its lines take.
    pub pages: (usize, f32),
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
    let mut page_fill = None;
    let mut layout = None;
    if let Some(pages) = cfg.pages {
        fits = drop_until(
            profile,
            ev,
            &matched,
            cfg,
            &mut selection,
            &mut dropped,
            |t| render::pdf_page_count(t, &cfg.render) <= pages,
        );
    } else {
        page_fill = fill_last_page(profile, ev, &matched, cfg, &mut selection, &mut layout);
    }
    let pages = layout.unwrap_or_else(|| render::pdf_page_fill(&selection.tailored, &cfg.render));
    if cfg.pages.is_some() || page_fill.is_some() {
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
        page_fill,
        pages,
        files,
    })
}

/// Drops the least relevant chosen bullets, one at a time, until `done`
/// holds for the résumé; whether it does in the end. A project left with
/// only its context bullet goes with it; the context bullet itself is
/// never dropped while a later bullet of its project is shown (it is
/// chosen before them, and bullets go in reverse order of choice).
fn drop_until(
    profile: &Profile,
    ev: &Evidence,
    matched: &Match,
    cfg: &BuildConfig,
    selection: &mut Selection,
    dropped: &mut Vec<select::Chosen>,
    done: impl Fn(&crate::tailored::Tailored) -> bool,
) -> bool {
    while !done(&selection.tailored) {
        let Some(last) = selection.chosen.pop() else {
            return false;
        };
        let project = project_of(profile, &last.id);
        dropped.push(last);
        let rest = |chosen: &[select::Chosen]| {
            let mut of_project = chosen
                .iter()
                .filter(|c| project.is_some() && project_of(profile, &c.id) == project)
                .peekable();
            of_project.peek().is_some() && of_project.all(|c| c.reason == "context")
        };
        if rest(&selection.chosen) {
            let (gone, kept): (Vec<_>, Vec<_>) = std::mem::take(&mut selection.chosen)
                .into_iter()
                .partition(|c| project.is_some() && project_of(profile, &c.id) == project);
            selection.chosen = kept;
            dropped.extend(gone);
        }
        let ids: Vec<&str> = selection.chosen.iter().map(|c| c.id.as_str()).collect();
        selection.tailored = select::assemble(profile, ev, matched, &cfg.budget, &ids);
    }
    true
}

/// What ending on a well-filled page did: without `--pages`, a PDF whose
/// last page would be thin ends a page earlier.
#[derive(Debug, Clone, PartialEq)]
pub struct PageFill {
    /// The PDF's pages before, and the share of the last one's text area
    /// its lines took.
    pub pages_before: usize,
    pub last_page_before: f32,
    /// The pages after.
    pub pages: usize,
    /// Bullets dropped, least relevant first.
    pub dropped: Vec<select::Chosen>,
}

/// Without `--pages`: when the PDF's last page would hold only a few lines
/// (less than [`render::MIN_LAST_PAGE_FILL`] of it), drops the least
/// relevant bullets so the résumé ends a page earlier; but never more than
/// [`render::MAX_FILL_DROPS`] of them, nor more than
/// [`render::MAX_FILL_SHARE`] of its bullets: then the résumé is left as
/// it was. What was done, if anything. Every format gets the shortened
/// résumé, so they all say the same thing. `layout` gets the résumé's pages and last-page fill
/// as left.
fn fill_last_page(
    profile: &Profile,
    ev: &Evidence,
    matched: &Match,
    cfg: &BuildConfig,
    selection: &mut Selection,
    layout: &mut Option<(usize, f32)>,
) -> Option<PageFill> {
    let (pages, fill) = render::pdf_page_fill(&selection.tailored, &cfg.render);
    *layout = Some((pages, fill));
    if pages < 2 || fill >= render::MIN_LAST_PAGE_FILL {
        return None;
    }
    let mut trial = selection.clone();
    let mut dropped = Vec::new();
    let most = render::MAX_FILL_DROPS
        .min((selection.chosen.len() as f32 * render::MAX_FILL_SHARE) as usize);
    let ended = drop_until(profile, ev, matched, cfg, &mut trial, &mut dropped, |t| {
        render::pdf_page_count(t, &cfg.render) < pages
    });
    if !ended || dropped.len() > most {
        return None;
    }
    *selection = trial;
    let now = render::pdf_page_fill(&selection.tailored, &cfg.render);
    *layout = Some(now);
    Some(PageFill {
        pages_before: pages,
        last_page_before: fill,
        pages: now.0,
        dropped,
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
