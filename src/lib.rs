//! tailor: tailor a résumé to a job posting from one master profile.
//!
//! The pipeline, one module a stage, in the order data flows:
//!
//! - [`cli`]: the command line (clap types only)
//! - [`config`]: arguments -> validated settings (formats inferred, paths classified)
//! - [`app`]: the orchestrator, the only place that does I/O
//! - [`profile`]: the master profile: schema, load, validate, import
//! - [`posting`]: raw posting text -> title, company and sectioned lines
//! - [`keywords`]: the skill lexicon and finding its terms in text
//! - [`score`]: posting terms x profile evidence -> fit, matches, ranked bullets
//! - [`report`]: the match report for people
//! - [`select`]: match + budget -> the chosen projects, bullets, skills, summary
//! - [`tailored`]: the chosen résumé content every renderer reads
//! - [`render`]: one module per output format over a [`tailored::Tailored`]
//! - [`batch`]: a folder of postings, in parallel, ranked by fit

pub mod app;
pub mod batch;
pub mod cli;
pub mod config;
pub mod keywords;
pub mod posting;
pub mod profile;
pub mod render;
pub mod report;
pub mod score;
pub mod select;
pub mod tailored;
