//! tailor: tailor a résumé to a job posting from one master profile.
//!
//! The pipeline, one module a stage, in the order data flows:
//!
//! - [`cli`]: the command line (clap types only)
//! - [`app`]: the orchestrator, the only place that does I/O
//! - [`profile`]: the master profile: schema, load, validate, import
//! - [`tailored`]: the chosen résumé content every renderer reads
//! - [`render`]: `Tailored` -> the bytes of a Markdown, PDF, HTML, text or JSON Resume file

pub mod app;
pub mod cli;
pub mod profile;
pub mod render;
pub mod tailored;
