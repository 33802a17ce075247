//! The integration tests, in one binary (one link, one build cache): each
//! module drives the real `tailor` binary or the library the way a user or
//! another program would.

mod bad_input;
mod batch;
mod build;
mod cache;
mod check;
mod cli;
mod color;
mod corpus;
mod docx;
mod lock;
mod pages;
mod profile;
mod schema;
mod select;
mod several;
mod snapshots;
mod test;
