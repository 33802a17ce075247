//! The built-in tech terms (`data/tech-terms.txt`): which hard-skill terms a
//! text mentions, and which words are tech vocabulary rather than typos.
//!
//! This is the first-pass list that `import` tags bullets with and that the
//! spelling check trusts; the keywords stage owns the real lexicon and may
//! replace [`tags_for`] wholesale.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

const TERMS: &str = include_str!("../../data/tech-terms.txt");

/// One built-in term.
#[derive(Debug)]
struct Term {
    name: String,
    implies: Vec<String>,
}

/// One way a term is written.
#[derive(Debug)]
struct Form {
    term: usize,
    text: String,
    exact_case: bool,
}

struct Table {
    terms: Vec<Term>,
    forms: Vec<Form>,
    matcher: AhoCorasick,
    by_name: HashMap<String, usize>,
    /// Lowercased word -> how the tech list writes it ("graphql" -> "GraphQL").
    words: HashMap<String, String>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| build(TERMS))
}

fn build(data: &str) -> Table {
    let mut terms = Vec::new();
    let mut forms = Vec::new();
    for line in data.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (names, implies) = match line.split_once("=>") {
            Some((n, i)) => (n, i),
            None => (line, ""),
        };
        let (canonical, others) = match names.split_once('=') {
            Some((c, o)) => (c, o),
            None => (names, ""),
        };
        let term = terms.len();
        let mut add = |raw: &str| {
            let raw = raw.trim();
            if raw.is_empty() {
                return;
            }
            let (text, marked) = match raw.strip_prefix('!') {
                Some(t) => (t, true),
                None => (raw, false),
            };
            let capitals = text
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(|c| c.is_uppercase());
            forms.push(Form {
                term,
                text: text.to_string(),
                exact_case: marked || capitals,
            });
        };
        add(canonical);
        others.split(',').for_each(&mut add);
        terms.push(Term {
            name: canonical.trim().trim_start_matches('!').to_string(),
            implies: implies
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect(),
        });
    }
    let matcher = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .build(forms.iter().map(|f| &f.text))
        .expect("the built-in tech terms compile");
    let by_name = terms
        .iter()
        .enumerate()
        .map(|(i, t)| (t.name.to_lowercase(), i))
        .collect();
    let mut words = HashMap::new();
    for f in &forms {
        for w in f.text.split(|c: char| !c.is_alphanumeric()) {
            if !w.is_empty() {
                words
                    .entry(w.to_lowercase())
                    .or_insert_with(|| w.to_string());
            }
        }
    }
    Table {
        terms,
        forms,
        matcher,
        by_name,
        words,
    }
}

/// The tech terms a text mentions, by their canonical names, in order of
/// first mention, followed by the terms those imply (Next.js -> React).
pub fn tags_for(text: &str) -> Vec<String> {
    let t = table();
    let mut found: Vec<usize> = Vec::new();
    for m in t.matcher.find_iter(text) {
        let form = &t.forms[m.pattern().as_usize()];
        let hit = &text[m.start()..m.end()];
        let before = text[..m.start()].chars().next_back();
        let after = text[m.end()..].chars().next();
        let boundary = |c: Option<char>| !c.is_some_and(char::is_alphanumeric);
        if !boundary(before) || !boundary(after) || (form.exact_case && hit != form.text) {
            continue;
        }
        if !found.contains(&form.term) {
            found.push(form.term);
        }
    }
    // Implied terms, transitively, after the ones named outright.
    let mut i = 0;
    while i < found.len() {
        for name in &t.terms[found[i]].implies {
            if let Some(&j) = t.by_name.get(&name.to_lowercase()) {
                if !found.contains(&j) {
                    found.push(j);
                }
            }
        }
        i += 1;
    }
    let mut seen = HashSet::new();
    found
        .into_iter()
        .map(|i| t.terms[i].name.clone())
        .filter(|n| seen.insert(n.clone()))
        .collect()
}

/// How the tech list writes a word, given in any case ("graphql" ->
/// "GraphQL"); `None` when no built-in term uses the word.
pub fn tech_word(word: &str) -> Option<&'static str> {
    table().words.get(&word.to_lowercase()).map(String::as_str)
}

/// Every word of the built-in terms, as the list writes them.
pub fn tech_words() -> impl Iterator<Item = &'static str> {
    table().words.values().map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_terms_as_whole_words_with_their_implications() {
        assert_eq!(
            tags_for("Used Lambda, SNS and SQS; deployed with Next.js."),
            [
                "AWS Lambda",
                "SNS",
                "SQS",
                "Next.js",
                "AWS",
                "React",
                "Node.js",
                "JavaScript"
            ]
        );
        assert!(tags_for("a snsx reactor").is_empty());
    }

    #[test]
    fn longest_form_wins() {
        assert_eq!(tags_for("React Flow diagrams")[0], "React Flow");
        assert_eq!(
            tags_for("GitHub Actions")[..2],
            ["GitHub Actions", "GitHub"]
        );
    }

    #[test]
    fn exact_case_forms_ignore_ordinary_words() {
        assert!(!tags_for("an express delivery of temporal data").contains(&"Express".to_string()));
        assert!(tags_for("Next.js/Express stack").contains(&"Express".to_string()));
        assert!(tags_for("sns").is_empty());
    }

    #[test]
    fn is_case_insensitive_for_ordinary_forms() {
        assert_eq!(tags_for("Graphql API")[0], "GraphQL");
        assert_eq!(tags_for("AWS Eventbridge")[0], "EventBridge");
    }

    #[test]
    fn knows_how_tech_words_are_written() {
        assert_eq!(tech_word("graphql"), Some("GraphQL"));
        assert_eq!(tech_word("KUBERNETES"), Some("Kubernetes"));
        assert_eq!(tech_word("kuberneties"), None);
    }

    #[test]
    fn every_implied_term_is_a_term() {
        let t = table();
        for term in &t.terms {
            for i in &term.implies {
                assert!(
                    t.by_name.contains_key(&i.to_lowercase()),
                    "{} => {i}",
                    term.name
                );
            }
        }
    }
}
