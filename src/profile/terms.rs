//! The profile's view of the skill lexicon: which hard-skill terms a text
//! mentions (the tags `import` gives a bullet) and which words are tech
//! vocabulary rather than typos (for `tailor check`'s spelling).
//!
//! There is one lexicon, `keywords::Lexicon` (data/lexicon.tsv); this module
//! only reads it. What a tag implies (FastAPI -> Python) is not written into
//! the profile: the skill graph carries it when scoring.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::keywords::{mentions, Lexicon};

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(Lexicon::builtin)
}

/// The hard-skill terms a text mentions, by their canonical names, in order
/// of first mention. Gazetteer-only (weak) terms and business words are
/// left out: a tag is a claim the user reads and keeps.
pub fn tags_for(text: &str) -> Vec<String> {
    let lex = lexicon();
    let mut out: Vec<String> = Vec::new();
    for m in mentions(lex, text) {
        let t = lex.term(m.term);
        if t.weak || t.category == crate::keywords::Category::Business {
            continue;
        }
        if !out.iter().any(|n| n == &*t.name) {
            out.push(t.name.to_string());
        }
    }
    out
}

/// Lower-cased word -> how the lexicon writes it: the one-word names of
/// curated terms that are their own form, not everyday words ("GraphQL",
/// "Kubernetes"; not "As" or "By", which name products only in capitals).
fn words() -> &'static HashMap<String, &'static str> {
    static WORDS: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let lex = lexicon();
        let mut map = HashMap::new();
        for t in lex.terms().filter(|t| !t.weak && !t.user) {
            let name: &'static str = t.name;
            if name.contains(' ') || name.len() < 2 {
                continue;
            }
            let lower = name.to_lowercase();
            let own = lex
                .lookup(&crate::keywords::normalize::norm(&lower))
                .is_some_and(|f| !f.cased && lex.term(f.term).name == name);
            if own {
                map.entry(lower).or_insert(name);
            }
        }
        map
    })
}

/// How the lexicon writes a word, given in any case ("graphql" ->
/// "GraphQL"); `None` when no curated term uses the word.
pub fn tech_word(word: &str) -> Option<&'static str> {
    words().get(&word.to_lowercase()).copied()
}

/// Whether a lower-case word is itself a curated form of a skill
/// ("postgres", "k8s"): tech vocabulary, not a typo.
pub fn is_form(word: &str) -> bool {
    let lex = lexicon();
    lex.lookup(word)
        .is_some_and(|f| !f.cased && !lex.term(f.term).weak)
}

/// Whether the lexicon knows a tag or keyword as a form of some term, in
/// any case ("k8s", "AWS Lambda", "kubernetes").
pub fn is_known(text: &str) -> bool {
    let form = crate::keywords::normalize::norm(text);
    !form.is_empty() && lexicon().lookup(&form).is_some()
}

/// Every word of the curated terms, as the lexicon writes them.
pub fn tech_words() -> impl Iterator<Item = &'static str> {
    words().values().copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_the_lexicon_terms_a_text_names() {
        assert_eq!(
            tags_for("Used Lambda, SNS and SQS; deployed with Next.js."),
            ["AWS Lambda", "Amazon SNS", "Amazon SQS", "Next.js"]
        );
        assert!(tags_for("a snsx reactor").is_empty());
        // What a tag implies is the skill graph's job, not the profile's.
        assert!(!tags_for("FastAPI services").contains(&"Python".to_owned()));
    }

    #[test]
    fn everyday_words_are_no_tags() {
        assert!(!tags_for("an express delivery of temporal data").contains(&"Express".to_owned()));
    }

    #[test]
    fn knows_how_tech_words_are_written() {
        assert_eq!(tech_word("graphql"), Some("GraphQL"));
        assert_eq!(tech_word("KUBERNETES"), Some("Kubernetes"));
        assert_eq!(tech_word("kuberneties"), None);
    }
}
