//! Section cues from corpus data: which heading starts which kind of
//! section.
//!
//! `data/section-cues.tsv` classifies the headings of the corpus that cover
//! 97% of its heading lines (reviewed by hand, counted by
//! `tools/gen_sections.py`); `data/section-rules.tsv` is a decision list of
//! word stems the generator derived from those reviewed headings, for the
//! tail, after two phrase rules (combined headings, if-clause headings)
//! that stems cannot read. Finding heading lines and splitting a posting is
//! `posting`'s job.

use std::sync::OnceLock;

use crate::posting::SectionKind;

/// `data/section-cues.tsv` compiled by `build.rs`: `[offset, length,
/// kind]` rows sorted by heading, each heading a slice of `HEADINGS` and
/// its kind an index into `KINDS`.
mod table {
    include!(concat!(env!("OUT_DIR"), "/section_cues.rs"));
}

static RULES: &str = include_str!("../../data/section-rules.tsv");

/// What a heading-like line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    /// It starts a section of this kind.
    Starts(SectionKind),
    /// It looks like a heading but starts nothing: a bold skill label
    /// inside a list, a bold sentence. The current section goes on and the
    /// line is content.
    NotAHeading,
}

fn kind(name: &str) -> Option<Cue> {
    Some(match name {
        "required" => Cue::Starts(SectionKind::Required),
        "preferred" => Cue::Starts(SectionKind::Preferred),
        "responsibilities" => Cue::Starts(SectionKind::Responsibilities),
        "boilerplate" => Cue::Starts(SectionKind::Boilerplate),
        "other" => Cue::Starts(SectionKind::Other),
        "not-a-heading" => Cue::NotAHeading,
        _ => return None,
    })
}

/// What the reviewed data says a normalised heading is.
fn cue(heading: &str) -> Option<Cue> {
    let at = |r: &[u32; 3]| &table::HEADINGS[r[0] as usize..(r[0] + r[1]) as usize];
    let i = table::CUES.binary_search_by(|r| at(r).cmp(heading)).ok()?;
    kind(table::KINDS[table::CUES[i][2] as usize])
}

/// The stem rules of `data/section-rules.tsv`, in order.
fn rules() -> &'static [(&'static str, Cue)] {
    static RULES_READ: OnceLock<Vec<(&'static str, Cue)>> = OnceLock::new();
    RULES_READ.get_or_init(|| {
        RULES
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let mut f = l.split('\t');
                Some((f.next()?, kind(f.next()?)?))
            })
            .collect()
    })
}

/// Classifies a heading's text (markup already gone). `company` is the
/// posting's company when known, so "About Acme" reads as "about
/// {company}". `None`: the data says nothing.
pub fn classify(heading: &str, company: Option<&str>) -> Option<Cue> {
    let h = normalise(heading, company);
    if h.split(' ').count() > MAX_HEADING_WORDS {
        return Some(Cue::NotAHeading);
    }
    if let Some(c) = cue(&h) {
        return Some(c);
    }
    if let Some(k) = phrased(&h) {
        return Some(Cue::Starts(k));
    }
    // A rule may not make a section boilerplate: dropping a posting's
    // content costs more than keeping some noise, and a stem that names
    // hiring processes ("proces") also heads a bulletin's skills ("Process
    // notes"). Only a reviewed heading drops its section.
    // A boilerplate rule only says a new section starts: it is then Other
    // unless a later rule knows better.
    let keys = keywords(&h);
    let mut fired = rules().iter().filter(|(k, _)| keys.iter().any(|x| x == k));
    let first = fired.next().map(|&(_, c)| c)?;
    if first != Cue::Starts(SectionKind::Boilerplate) {
        return Some(first);
    }
    Some(
        fired
            .map(|&(_, c)| c)
            .find(|c| *c != Cue::Starts(SectionKind::Boilerplate))
            .unwrap_or(Cue::Starts(SectionKind::Other)),
    )
}

/// The two shapes of heading that word stems cannot read, decided before
/// the stem rules; `tools/gen_sections.py` (`phrase_rule`) holds the same
/// rules, checks the reviewed headings against them and counts what they
/// decide in `tools/heading_rules.md`. `None` when neither applies or the
/// heading negates ("Although not a requirement, bonus points if", "You
/// shouldn't apply if"): the stem rules decide.
///
/// A combined heading names the must-have list and then, joined by "and",
/// "&", "or", "/" or a comma, the preferred one ("Qualifications,
/// Requirements & Preferred Skills", "Skills and Qualifications Required
/// and Preferred"): its list is required (CONVENTIONS.md's REQUIRED rule),
/// and a line of it marked "preferred" or "a plus" is preferred by its own
/// words (`posting::clauses`). The stem rule `prefer` read all 5 such
/// unreviewed corpus headings (5 postings) as preferred; the one reviewed,
/// "Requirements and Preferred Experience" (3 postings), is required.
///
/// A heading that ends in an if-clause addressed to the reader ("You'll
/// thrive in this role if you:", "You might be a fit if") introduces the list
/// that completes it: required, or preferred when the heading says the list
/// is extra ("Bonus points if you have", "It would be great if you had").
/// Of the 68 reviewed headings of that shape that do not negate, all 39
/// required and 29 preferred agree; of 69 unreviewed corpus headings (69
/// postings) it decides, the stem rules gave 42 no kind or another one
/// ("You will be successful if you" fell to "you will": responsibilities).
fn phrased(h: &str) -> Option<SectionKind> {
    let negated = find_words(h, "not").is_some()
        || find_words(h, "never").is_some()
        || h.match_indices("n't")
            .any(|(at, m)| !h[at + m.len()..].starts_with(char::is_alphanumeric));
    // Combined: tokens are `&`, `/`, `,` and runs of anything else but space.
    let mut spaced = String::with_capacity(h.len() + 8);
    for c in h.chars() {
        if matches!(c, '&' | '/' | ',') {
            spaced.extend([' ', c, ' ']);
        } else {
            spaced.push(c);
        }
    }
    let tokens: Vec<&str> = spaced.split_whitespace().collect();
    let position = |stems: &[&str]| {
        tokens
            .iter()
            .position(|t| stems.iter().any(|s| t.starts_with(s)))
    };
    let must = position(&["requirement", "required", "qualification", "must"]);
    let extra = position(&["prefer", "desir", "nice", "bonus"]);
    if let (Some(m), Some(e)) = (must, extra) {
        if m < e
            && tokens[m + 1..e]
                .iter()
                .any(|t| matches!(*t, "and" | "&" | "or" | "/" | ","))
        {
            return (!negated).then_some(SectionKind::Required);
        }
    }
    // If-clause: words as the stem rules take them, "you'll" one word.
    let words = words(h);
    let last_if = words.iter().rposition(|w| w == "if")?;
    if words.len() - 1 - last_if > IF_TAIL || negated {
        return None;
    }
    Some(if IF_PREFERRED.iter().any(|p| find_words(h, p).is_some()) {
        SectionKind::Preferred
    } else {
        SectionKind::Required
    })
}

/// Words after a heading's last "if" for it to end in an if-clause ("if you
/// have the following").
const IF_TAIL: usize = 4;

/// What makes an if-clause heading's list extra.
const IF_PREFERRED: [&str; 24] = [
    "bonus",
    "plus",
    "nice",
    "be great",
    "it's great",
    "love it",
    "edge",
    "advantage",
    "advantageous",
    "extra",
    "even better",
    "hurt",
    "it helps",
    "especially",
    "particularly",
    "additionally",
    "stand out",
    "appreciate",
    "brownie",
    "desirable",
    "desired",
    "preferred",
    "preferably",
    "beneficial",
];

/// The section a plain line starts when it is, word for word, a heading
/// the reviewed data knows ("About the job", "Requirements" on a line of
/// their own, as LinkedIn and job-board pages are pasted). Stem rules do
/// not apply: a plain line needs the reviewed table's word.
pub fn plain_heading(line: &str, company: Option<&str>) -> Option<SectionKind> {
    let h = normalise(line, company);
    if h.starts_with('{') || h.split(' ').count() > MAX_PLAIN_HEADING_WORDS {
        return None;
    }
    match cue(&h) {
        Some(Cue::Starts(k)) if k != SectionKind::Other => Some(k),
        _ => None,
    }
}

/// Plain lines of more words are content, whatever they say: the reviewed
/// headings a plain line is read as are short ("What you'll do", "About
/// the job", "Nice to have").
pub const MAX_PLAIN_HEADING_WORDS: usize = 6;

/// A heading of more words is a sentence (the generator's `{sentence}`).
const MAX_HEADING_WORDS: usize = 16;

/// The generator's normalisation (tools/gen_sections.py, steps 1-3 and 5):
/// curly apostrophes straight, lower case, spaces collapsed, punctuation
/// and emoji trimmed from both ends, the company's name as `{company}`.
pub fn normalise(heading: &str, company: Option<&str>) -> String {
    // A job board's meta line under the title (globe: location, money bag:
    // salary) is no section heading: the introduction follows it.
    if heading.contains(['\u{1f30e}', '\u{1f4b0}']) {
        return "{location}".to_owned();
    }
    let folded: String = heading
        .chars()
        .map(|c| match c {
            '\u{2019}' | '\u{2018}' | '\u{2bc}' => '\'',
            c => c,
        })
        .collect::<String>()
        .to_lowercase();
    let mut h = folded.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some(c) = company {
        for form in company_forms(c) {
            if let Some(at) = find_words(&h, &form) {
                h.replace_range(at..at + form.len(), "{company}");
                break;
            }
        }
    }
    trim_edges(&h).to_owned()
}

fn edge(c: char) -> bool {
    !(c.is_alphanumeric() || matches!(c, '{' | '}' | '+' | '#'))
}

fn trim_edges(s: &str) -> &str {
    let s = s.trim_start_matches(edge);
    let mut end = s.len();
    for (i, c) in s.char_indices().rev() {
        if !edge(c) || (c == ')' && s[..i].contains('(')) {
            break;
        }
        end = i;
    }
    s[..end].trim()
}

/// The ways a heading may write a company: its name, without a
/// parenthesis, without a legal suffix.
fn company_forms(company: &str) -> Vec<String> {
    let full = trim_edges(&company.to_lowercase()).to_owned();
    if full.is_empty() || full == "none" {
        return Vec::new();
    }
    let mut forms = vec![full.clone()];
    let bare = match (full.find('('), full.rfind(')')) {
        (Some(a), Some(b)) if a < b => format!("{} {}", &full[..a], &full[b + 1..]),
        _ => full.clone(),
    };
    let bare = bare.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut c = bare.trim_matches([' ', ',', '.']).to_owned();
    forms.push(c.clone());
    const SUFFIXES: [&str; 12] = [
        " inc",
        " llc",
        " ltd",
        " limited",
        " gmbh",
        " corp",
        " corporation",
        " plc",
        " technologies",
        " technology",
        " labs",
        " group",
    ];
    while let Some(s) = SUFFIXES
        .iter()
        .find(|s| c.trim_end_matches('.').ends_with(*s))
    {
        let t = c.trim_end_matches('.');
        c = t[..t.len() - s.len()]
            .trim_end_matches([' ', ','])
            .to_owned();
        if c.is_empty() {
            break;
        }
        forms.push(c.clone());
    }
    // "About Tallyrock" for "Tallyrock Financial": a company's first word
    // names it when it is a word of its own (not "The", not "Data").
    if let Some((first, _)) = c.split_once(' ') {
        if first.len() >= 5 {
            forms.push(first.to_owned());
        }
    }
    forms.retain(|f| !f.is_empty());
    forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
    forms.dedup();
    forms
}

/// Byte offset of `needle` in `hay` as whole words.
fn find_words(hay: &str, needle: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = hay[from..].find(needle) {
        let at = from + i;
        let end = at + needle.len();
        let before = hay[..at].chars().next_back();
        let after = hay[end..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            return Some(at);
        }
        from = at + needle.len().max(1);
        while !hay.is_char_boundary(from) {
            from += 1;
        }
    }
    None
}

const STOP: [&str; 28] = [
    "a", "an", "and", "the", "of", "to", "in", "for", "with", "at", "on", "or", "as", "by", "&",
    "is", "are", "be", "this", "that", "it", "from", "de", "la", "le", "et", "des", "du",
];

/// A word's stem as the generator takes it: 's and a plural s dropped,
/// the first six letters kept.
fn stem(word: &str) -> String {
    if word == "{company}" {
        return word.to_owned();
    }
    let mut w = word.strip_suffix("'s").unwrap_or(word);
    if w.chars().count() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
    {
        w = &w[..w.len() - 1];
    }
    w.chars().take(6).collect()
}

/// The words of a normalised heading: runs of letters and digits, one
/// inner apostrophe part kept ("we're", "you'll"), `{company}` one word.
fn words(h: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut rest = h;
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix("{company}") {
            words.push("{company}".to_owned());
            rest = r;
            continue;
        }
        let c = rest.chars().next().unwrap_or(' ');
        if c.is_alphanumeric() {
            // A word, with one inner apostrophe part ("we're", "you'll").
            let mut end = rest
                .find(|c: char| !c.is_alphanumeric())
                .unwrap_or(rest.len());
            if rest[end..].starts_with('\'')
                && rest[end + 1..].starts_with(|c: char| c.is_alphanumeric())
            {
                end += 1 + rest[end + 1..]
                    .find(|c: char| !c.is_alphanumeric())
                    .unwrap_or(rest.len() - end - 1);
            }
            words.push(rest[..end].to_owned());
            rest = &rest[end..];
        } else {
            rest = &rest[c.len_utf8()..];
        }
    }
    words
}

/// The unigram and bigram stems of a normalised heading.
fn keywords(h: &str) -> Vec<String> {
    let words = words(h);
    let stems: Vec<String> = words.iter().map(|w| stem(w)).collect();
    let stop = |s: &str| STOP.contains(&s);
    let mut out: Vec<String> = stems.iter().filter(|s| !stop(s)).cloned().collect();
    for pair in stems.windows(2) {
        if !(stop(&pair[0]) && stop(&pair[1])) {
            out.push(format!("{} {}", pair[0], pair[1]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_corpus_headings_classify_as_reviewed() {
        let fixture = include_str!("../../tests/fixtures/corpus-headings.tsv");
        let companies = ["Mozilla", "JumpCloud", "EarnIn"];
        let mut wrong = Vec::new();
        for line in fixture
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
        {
            let (h, want) = line.split_once('\t').unwrap();
            let company = companies
                .iter()
                .find(|c| h.to_lowercase().contains(&c.to_lowercase()))
                .copied();
            let got = classify(h, company);
            if got != kind(want.trim()) {
                wrong.push(format!("{h:?}: {got:?}, want {want}"));
            }
        }
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    #[test]
    fn the_tail_falls_to_the_generated_rules() {
        // Unreviewed headings, decided by a rule's stem.
        assert_eq!(
            classify("What we need from you", None),
            Some(Cue::Starts(SectionKind::Required))
        );
        // Only a reviewed heading makes a section boilerplate: after a
        // boilerplate rule the next rule decides, else the section is Other.
        assert_eq!(
            classify("Process notes", None),
            Some(Cue::Starts(SectionKind::Other))
        );
        assert_eq!(
            classify("What we need from you", None),
            Some(Cue::Starts(SectionKind::Required))
        );
    }

    #[test]
    fn a_combined_heading_is_required_not_preferred() {
        // Unreviewed corpus headings as written; the stem rule `prefer`
        // read each as preferred.
        for h in [
            "Qualifications, Requirements & Preferred Skills",
            "Qualifications, Requirements, Preferred Skills",
            "Requirements & Preferred Skills",
            "Skills and Qualifications Required and Preferred:",
            "Tools Required or Desired",
        ] {
            assert_eq!(
                classify(h, None),
                Some(Cue::Starts(SectionKind::Required)),
                "{h}"
            );
        }
        // A preferred word first, or a negated must-have, is no combination.
        for h in [
            "Preferred Qualifications and Requirements",
            "Nice to have requirements",
            "Although not a requirement, bonus points if",
        ] {
            assert_eq!(
                classify(h, None),
                Some(Cue::Starts(SectionKind::Preferred)),
                "{h}"
            );
        }
    }

    #[test]
    fn a_heading_ending_in_an_if_clause_heads_the_list_it_introduces() {
        // Unreviewed corpus headings as written.
        for (h, want) in [
            ("You are a great fit if:", SectionKind::Required),
            ("You will be successful if you:", SectionKind::Required),
            (
                "You’ll thrive as a Frontend Engineer if you:",
                SectionKind::Required,
            ),
            ("You will shine if you are or have:", SectionKind::Required),
            (
                "We'll be excited to reach out to you if also know:",
                SectionKind::Required,
            ),
            ("It would be great if you had", SectionKind::Preferred),
            (
                "Additionally, we'd appreciate if you have:",
                SectionKind::Preferred,
            ),
            (
                "We’d especially love to hear from you if you:",
                SectionKind::Preferred,
            ),
            ("Extra credit if you", SectionKind::Preferred),
        ] {
            assert_eq!(classify(h, None), Some(Cue::Starts(want)), "{h}");
        }
        // A negated if-clause, or an "if" far from the end, decides nothing.
        assert_eq!(phrased("you should not apply if"), None);
        assert_eq!(phrased("our role won't be for you if"), None);
        assert_eq!(
            phrased("how to know if you're a good fit for this role"),
            None
        );
    }

    #[test]
    fn the_company_name_is_read_as_the_company() {
        assert_eq!(
            normalise("About Acme Labs, Inc.:", Some("Acme Labs, Inc.")),
            "about {company}"
        );
        assert_eq!(normalise("Why Acme?", Some("Acme")), "why {company}");
        assert_eq!(
            normalise("About Tallyrock", Some("Tallyrock Financial")),
            "about {company}"
        );
        assert_eq!(normalise("What You’ll Do:", None), "what you'll do");
        assert_eq!(normalise("\u{1f30e} Remote", None), "{location}");
    }
}
