//! Skills: the built-in lexicon and finding its terms in text.

pub mod extract;
pub mod lexicon;
pub mod normalize;

pub use extract::{extract, mentions, Found, Mention};
pub use lexicon::{Lexicon, TermId};
