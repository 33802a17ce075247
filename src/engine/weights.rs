//! Every tuning number of the matching engine, in one place, each with why.
//!
//! Scoring (`score`) reads these; nothing else in the engine carries a
//! weight of its own. Change one only with `scripts/eval.sh` figures on
//! both halves of the development set before and after, and a reason that
//! holds for postings in general (corpus counts or CONVENTIONS.md), never
//! for one posting.

use crate::posting::SectionKind;

/// What a mention in each section says about how much the posting wants a
/// skill: a must-have list most, the job's duties next, the introduction
/// (often the company's own stack) less, nice-to-haves about half, and a
/// company blurb little.
pub fn section(kind: SectionKind) -> f64 {
    match kind {
        SectionKind::Required => 1.0,
        SectionKind::Responsibilities => 0.8,
        SectionKind::Other => 0.7,
        SectionKind::Preferred => 0.55,
        SectionKind::Boilerplate => 0.25,
    }
}

/// Extra weight of a term the posting's title names ("Python Engineer").
pub const IN_TITLE: f64 = 0.5;

/// Extra weight per further mention, up to [`MAX_EXTRA_MENTIONS`]: a
/// posting that repeats a skill wants it more, with quickly diminishing
/// returns so a long posting does not swamp the rest.
pub const PER_MENTION: f64 = 0.25;
pub const MAX_EXTRA_MENTIONS: f64 = 4.0;

/// Specificity is the term's corpus IDF divided by this, clamped to
/// [`MIN_SPECIFICITY`, `MAX_SPECIFICITY`]: rare terms say more about a
/// posting than ones every posting names, but no term may dominate.
pub const IDF_SCALE: f64 = 3.0;
pub const MIN_SPECIFICITY: f64 = 0.35;
pub const MAX_SPECIFICITY: f64 = 1.6;

/// What a bullet's implied term (FastAPI -> Python) is worth against a
/// term it names: it shows the skill, but less plainly.
pub const IMPLIED_CREDIT: f64 = 0.6;

/// Toward fit, a match evidenced only by a skills list, certificate,
/// summary or project name counts this much of one a bullet describes.
pub const CLAIM_CREDIT: f64 = 0.5;

/// Bullet length normalisation: a bullet's score is divided by
/// `1 + LENGTH_PENALTY * characters`, so long bullets are not better for
/// being long (a 200-character bullet loses about a third).
pub const LENGTH_PENALTY: f64 = 0.002;

/// Scale of bullet scores, so a typical strong bullet scores a few points
/// (readability of `--explain` only; rankings do not depend on it).
pub const BULLET_SCALE: f64 = 1.3;

/// A project scores its best [`PROJECT_BULLETS`] bullets, the r-th (from 0)
/// divided by `1 + PROJECT_DECAY * r`: depth counts, with diminishing
/// returns.
pub const PROJECT_BULLETS: usize = 5;
pub const PROJECT_DECAY: f64 = 0.5;

/// Recency: a bullet's project ended `age` years before the profile's
/// "now" counts `1 / (1 + RECENCY_DECAY * age)`, never below
/// [`MIN_RECENCY`]; a general (project-less) bullet counts
/// [`GENERAL_RECENCY`].
pub const RECENCY_DECAY: f64 = 0.12;
pub const MIN_RECENCY: f64 = 0.5;
pub const GENERAL_RECENCY: f64 = 0.9;

/// The least total weight fit is a share of: what the tenth of corpus
/// postings that ask for least ask for in all (`scripts/fit-floor.sh`:
/// p10 11.0, p25 15.9, median 23.1 over every tenth posting), so two
/// matched terms of a two-term posting are not a fit of 100.
pub const MIN_ASKED_WEIGHT: f64 = 11.0;

/// Typo-tolerant matching of a posting form to a profile form: both
/// similarities must hold (Jaro-Winkler favours shared prefixes,
/// Levenshtein bounds the edits).
pub const FUZZY_JARO_WINKLER: f64 = 0.95;
pub const FUZZY_LEVENSHTEIN: f64 = 0.8;

/// Word-set overlap (Jaccard) at which two bullets say the same thing.
pub const NEAR_DUPLICATE: f64 = 0.6;
