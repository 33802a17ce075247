//! The master profile: its schema, loading, validation and import.

pub mod load;
pub mod schema;

pub use load::load;
pub use schema::Profile;
