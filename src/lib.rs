//! tailor: tailor a résumé to a job posting from one master profile.
//!
//! The pipeline, one module a stage, in the order data flows:
//!
//! - [`cli`]: the command line (clap types only)
//! - [`config`]: arguments -> validated settings (formats inferred, paths classified)
//! - [`app`]: the orchestrator: one function per command, on top of all below
//! - [`exit`]: how a run ends, as exit codes
//! - [`files`]: reading postings, naming and writing files whole
//! - [`profile`]: the master profile: schema, load, validate, import
//! - [`engine`]: the matching engine, in one folder:
//!   - [`posting`]: raw posting text -> title, company and sectioned lines
//!   - [`sections`]: which heading starts which kind of section (corpus data)
//!   - [`keywords`]: the skill lexicon and finding its terms in text
//!   - [`score`]: posting terms x profile evidence -> fit, matches, ranked bullets
//!   - [`weights`]: every tuning number of the engine, each with why
//! - [`report`]: the match report for people
//! - [`select`]: match + budget -> the chosen projects, bullets, skills, summary
//! - [`tailored`]: the chosen résumé content every renderer reads
//! - [`render`]: one module per output format over a [`tailored::Tailored`]
//! - [`build`]: one posting's résumé: score, select, fit the pages, render
//! - [`batch`]: a folder of postings, in parallel, ranked by fit
//! - [`lock`]: one batch at a time in an output folder
//! - [`init`]: the commented starter profile `tailor init` writes
//! - [`color`]: when and how the report and messages are coloured

pub mod app;
pub mod batch;
pub mod build;
pub mod cli;
pub mod color;
pub mod config;
pub mod engine;
pub mod exit;
pub mod files;
pub mod init;
pub mod lock;
pub mod profile;
pub mod render;
pub mod report;
pub mod select;
pub mod tailored;

pub use engine::{keywords, posting, score, sections, weights};
