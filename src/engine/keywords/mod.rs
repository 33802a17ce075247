//! Skills: the built-in lexicon, the skill graph over it, and finding its
//! terms in text.

pub mod extract;
pub mod graph;
pub mod lexicon;
pub mod normalize;

pub use extract::{extract, mentions, Found, Mention};
pub use graph::Graph;
pub use lexicon::{Category, Lexicon, TermId};
