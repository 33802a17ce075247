//! Likely misspellings in prose: a word found in no dictionary that is one
//! or two edits from a dictionary word or a tech term ("Kuberneties" ->
//! "Kubernetes"), and tech names in the wrong case ("Graphql" -> "GraphQL").
//!
//! The dictionary is SCOWL's American list (`data/words.txt`, see
//! `data/gen-words.sh` and `data/LICENSE-words.txt`) plus tech vocabulary
//! (`data/tech-words.txt`) and the words of the built-in tech terms. Where a
//! word sits in the profile is `validate`'s business.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use super::terms;

const WORDS: &str = include_str!("../../data/words.txt");
const TECH_WORDS: &str = include_str!("../../data/tech-words.txt");

/// A word that looks misspelt, where it starts in the text, and a fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Misspelling {
    pub word: String,
    /// Byte offset of the word in the checked text.
    pub offset: usize,
    pub suggestion: String,
    /// True when only the case is wrong ("Graphql").
    pub case_only: bool,
}

struct Dictionary {
    /// Lowercased English and tech-vocabulary words (not tech names).
    known: HashSet<String>,
    /// Words the dictionary writes with inner capitals ("GitHub"), by
    /// their lowercase form.
    mixed: HashMap<String, String>,
    /// Every candidate for a suggestion, lowercased and as written, by
    /// character count.
    by_len: Vec<Vec<(String, String)>>,
}

fn dictionary() -> &'static Dictionary {
    static DICT: OnceLock<Dictionary> = OnceLock::new();
    DICT.get_or_init(|| {
        let known: HashSet<String> = WORDS
            .lines()
            .chain(TECH_WORDS.lines().filter(|l| !l.starts_with('#')))
            .map(str::trim)
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        let mut by_len: Vec<Vec<(String, String)>> = Vec::new();
        let mut seen = HashSet::new();
        let written = WORDS.lines().chain(terms::tech_words());
        for w in written.chain(TECH_WORDS.lines().filter(|l| !l.starts_with('#'))) {
            let w = w.trim();
            if w.is_empty() || !seen.insert(w.to_lowercase()) {
                continue;
            }
            let n = w.chars().count();
            if by_len.len() <= n {
                by_len.resize(n + 1, Vec::new());
            }
            by_len[n].push((w.to_lowercase(), w.to_string()));
        }
        for bucket in &mut by_len {
            bucket.sort();
        }
        // Only names with lowercase letters too ("GitHub", not "IN"), and
        // only where no plain form exists.
        let plain: HashSet<&str> = WORDS
            .lines()
            .filter(|w| !w.chars().any(char::is_uppercase))
            .collect();
        let mixed = WORDS
            .lines()
            .filter(|w| w.chars().skip(1).any(char::is_uppercase))
            .filter(|w| w.chars().any(char::is_lowercase))
            .map(|w| (w.to_lowercase(), w.to_string()))
            .filter(|(l, _)| !plain.contains(l.as_str()))
            .collect();
        Dictionary {
            known,
            mixed,
            by_len,
        }
    })
}

/// Checks prose; `extra` holds more words to accept (lowercased), such as
/// the profile's own skill keywords and tags.
pub fn check(text: &str, extra: &HashSet<String>) -> Vec<Misspelling> {
    let dict = dictionary();
    let mut out = Vec::new();
    for (offset, word) in words(text) {
        if let Some(m) = check_word(word, dict, extra) {
            out.push(Misspelling { offset, ..m });
        }
    }
    out
}

fn check_word(word: &str, dict: &Dictionary, extra: &HashSet<String>) -> Option<Misspelling> {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    let upper = letters.iter().filter(|c| c.is_uppercase()).count();
    // Acronyms (IMS, SASS) and CamelCase names (LillyDev) are not prose.
    if letters.len() < 2 || upper == letters.len() {
        return None;
    }
    let lower = word.to_lowercase().replace('’', "'");
    let known = |w: &str| dict.known.contains(w) || extra.contains(w);
    let has_inner_capital = |w: &str| w.chars().skip(1).any(char::is_uppercase);
    let tech = terms::tech_word(&lower);
    // Casing advice for mixed-case names (GraphQL), not for acronyms a
    // word also spells (IDS, AS).
    let proper = tech
        .filter(|t| has_inner_capital(t) && t.chars().any(char::is_lowercase))
        .or_else(|| dict.mixed.get(&lower).map(String::as_str));
    if let Some(proper) = proper {
        if word != proper && upper > 0 {
            return Some(Misspelling {
                word: word.to_string(),
                offset: 0,
                suggestion: proper.to_string(),
                case_only: true,
            });
        }
        return None;
    }
    if tech.is_some() || terms::is_form(&lower) {
        return None;
    }
    if word.chars().skip(1).any(char::is_uppercase) {
        return None;
    }
    let base = lower
        .strip_suffix("'s")
        .or_else(|| lower.strip_suffix('\''))
        .unwrap_or(&lower);
    if known(&lower) || known(base) || plural_of_known(base, &known) {
        return None;
    }
    if base.chars().count() < 4 || base.contains('\'') {
        return None;
    }
    let suggestion = suggest(base, dict)?;
    Some(Misspelling {
        word: word.to_string(),
        offset: 0,
        suggestion: match_case(word, &suggestion),
        case_only: false,
    })
}

/// "Lambdas", "DataLoaders": a known word with a plural ending.
fn plural_of_known(w: &str, known: &dyn Fn(&str) -> bool) -> bool {
    let tech = |s: &str| terms::tech_word(s).is_some() || known(s);
    w.strip_suffix('s').is_some_and(tech) || w.strip_suffix("es").is_some_and(tech)
}

/// The closest known word: one edit away for short words, two for longer
/// ones, starting with the same letter; ties go to the alphabetically first.
fn suggest(w: &str, dict: &Dictionary) -> Option<String> {
    let n = w.chars().count();
    let max = if n <= 5 { 1 } else { 2 };
    let first = w.chars().next()?;
    let mut best: Option<(usize, &String)> = None;
    for len in n.saturating_sub(max)..=n + max {
        for (c, cand) in dict.by_len.get(len).into_iter().flatten() {
            if !c.starts_with(first) {
                continue;
            }
            let d = strsim::damerau_levenshtein(w, c);
            if d <= max && best.is_none_or(|(bd, bw)| (d, cand) < (bd, bw)) {
                best = Some((d, cand));
            }
        }
    }
    best.map(|(_, w)| w.clone())
}

/// The suggestion in the case the word was written in: a capitalised word
/// gets a capitalised suggestion; a suggestion with capitals of its own
/// (a tech name) keeps them.
fn match_case(word: &str, suggestion: &str) -> String {
    if suggestion.chars().any(char::is_uppercase) {
        return suggestion.to_string();
    }
    let mut chars = suggestion.chars();
    match (word.chars().next(), chars.next()) {
        (Some(w), Some(s)) if w.is_uppercase() => s.to_uppercase().chain(chars).collect(),
        _ => suggestion.to_string(),
    }
}

/// The words of a text to check, with their byte offsets: runs of letters
/// (with inner apostrophes), skipping URLs, e-mail addresses, file paths and
/// anything with a digit.
fn words(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut chunk_start = 0;
    for chunk in text.split_inclusive(char::is_whitespace) {
        let start = chunk_start;
        chunk_start += chunk.len();
        let chunk = chunk.trim_end();
        let is_address = chunk.contains("://")
            || chunk.contains('@')
            || chunk.starts_with("www.")
            || chunk.contains('_')
            || chunk.contains('`');
        if is_address {
            continue;
        }
        let mut word_start: Option<usize> = None;
        let bytes: Vec<(usize, char)> = chunk.char_indices().collect();
        for (k, &(i, c)) in bytes.iter().enumerate() {
            let next_is_letter = bytes.get(k + 1).is_some_and(|(_, n)| n.is_alphabetic());
            let inner_apostrophe =
                (c == '\'' || c == '’') && word_start.is_some() && next_is_letter;
            if c.is_alphanumeric() || inner_apostrophe {
                word_start.get_or_insert(i);
            } else if let Some(s) = word_start.take() {
                out.push((start + s, &chunk[s..i]));
            }
        }
        if let Some(s) = word_start {
            out.push((start + s, &chunk[s..]));
        }
    }
    out.retain(|(_, w)| !w.chars().any(|c| c.is_ascii_digit()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixes(text: &str) -> Vec<(String, String)> {
        check(text, &HashSet::new())
            .into_iter()
            .map(|m| (m.word, m.suggestion))
            .collect()
    }

    #[test]
    fn catches_the_seed_typos() {
        let text = "Managed Kuberneties, robusteness, schama, Gitub, environement, \
                    benifit, transfering, notifactions, pruduct, Memebers, neccessary, \
                    resoure, accross, exexuted, dissallowed, Reaserched, seemless, \
                    inconsistant, architecure, adherance, maintaing, developent";
        let found = fixes(text);
        let words: Vec<&str> = found.iter().map(|(w, _)| w.as_str()).collect();
        assert_eq!(words.len(), 22, "{found:?}");
        assert!(
            found.contains(&("Kuberneties".into(), "Kubernetes".into())),
            "{found:?}"
        );
        assert!(
            found.contains(&("robusteness".into(), "robustness".into())),
            "{found:?}"
        );
        assert!(
            found.contains(&("schama".into(), "schema".into())),
            "{found:?}"
        );
        assert!(
            found.contains(&("Gitub".into(), "GitHub".into())),
            "{found:?}"
        );
    }

    #[test]
    fn accepts_tech_names_acronyms_and_addresses() {
        let text = "Used DynamoDB, GraphQL, Kubernetes, PynamoDB, IMS, SASS, S3, \
                    https://exampel.com/x you@exampel.com Lambdas and the LillyDev site \
                    with couldn't and application’s features";
        assert_eq!(fixes(text), vec![]);
    }

    #[test]
    fn flags_tech_names_in_the_wrong_case() {
        let m = check("a Graphql API", &HashSet::new());
        assert_eq!(m.len(), 1);
        assert!(m[0].case_only);
        assert_eq!((m[0].suggestion.as_str(), m[0].offset), ("GraphQL", 2));
        // All lowercase is how packages and commands are written.
        assert_eq!(fixes("ran graphql and localstack"), vec![]);
    }

    #[test]
    fn extra_words_are_accepted() {
        let extra: HashSet<String> = ["kubernetties".to_string()].into();
        assert!(check("Kubernetties", &extra).is_empty());
    }

    #[test]
    fn offsets_point_at_the_word() {
        let text = "Good text, then robusteness.";
        let m = check(text, &HashSet::new());
        assert_eq!(
            &text[m[0].offset..m[0].offset + m[0].word.len()],
            "robusteness"
        );
    }
}
