//! The master profile: its schema, loading, validation and import.
//!
//! - [`schema`]: the serde types of `profile.yaml`
//! - [`json_schema`]: the JSON Schema generated from them, for editors
//! - [`mod@load`]: text -> [`Profile`], with `file:line:column` errors
//! - [`cache`]: the loaded profile kept between runs, keyed by its bytes
//! - [`locate`]: where a value path sits in the YAML text
//! - [`shape`]: every unknown key, missing field and bad value at once
//! - [`validate`]: every problem of a loaded profile at once
//! - [`import`]: Markdown skills matrices -> a profile
//! - [`terms`]: the built-in tech terms (tags and spelling)
//! - [`spelling`]: the word list and the misspelling check
//! - [`diagnostic`]: one reported problem

pub mod cache;
pub mod diagnostic;
pub mod import;
pub mod json_schema;
pub mod load;
pub mod locate;
pub mod schema;
pub mod shape;
pub mod spelling;
pub mod terms;
pub mod validate;

pub use load::load;
pub use schema::Profile;
