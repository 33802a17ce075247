//! The matching engine, in one place: what a posting asks for and what the
//! profile evidences.
//!
//! - [`posting`]: raw posting text -> title, company and sectioned lines
//! - [`sections`]: which heading starts which kind of section (corpus data)
//! - [`keywords`]: the skill lexicon, the skill graph, and finding terms in text
//! - [`score`]: posting terms x profile evidence -> fit, matches, ranked bullets
//! - [`weights`]: every tuning number of the engine, each with why
//!
//! Its data is generated from `../shared` by `tools/gen_lexicon.py`,
//! `tools/gen_sections.py` and `tools/gen_titles.py` into `data/`. The
//! crate re-exports each module at its root (`tailor::score`), where the
//! rest of the pipeline uses them.

pub mod keywords;
pub mod posting;
pub mod score;
pub mod sections;
pub mod weights;
