//! The master profile: its schema, loading, validation and import.
//!
//! - [`schema`]: the serde types of `profile.yaml`
//! - [`mod@load`]: text -> [`Profile`], with `file:line:column` errors
//! - [`locate`]: where a value path sits in the YAML text
//! - [`validate`]: every problem of a loaded profile at once
//! - [`import`]: Markdown skills matrices -> a profile
//! - [`terms`]: the built-in tech terms (tags and spelling)
//! - [`spelling`]: the word list and the misspelling check
//! - [`diagnostic`]: one reported problem

pub mod diagnostic;
pub mod import;
pub mod load;
pub mod locate;
pub mod schema;
pub mod spelling;
pub mod terms;
pub mod validate;

pub use load::load;
pub use schema::Profile;
