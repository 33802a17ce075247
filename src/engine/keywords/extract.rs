//! Finding lexicon terms in text: a [`Posting`] -> the weighted terms it asks
//! for, and any text -> the terms it mentions (used for profile evidence).
//!
//! Matching is a longest-first walk over token n-grams, so "AWS Lambda" wins
//! over "AWS" and "Java" never matches inside "JavaScript". Forms that are
//! everyday words (Go, Express) must be capitalised and stand near other
//! technical terms; one- and two-letter names (C, R, AI) must stand alone.

use std::collections::HashMap;

use super::lexicon::{Lexicon, TermId};
use super::normalize::{nfkc, tokenize, Token};
use crate::posting::{Because, Line, Posting, SectionKind};

/// One mention of a term in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub term: TermId,
    /// The words as written.
    pub surface: String,
    /// Index of the first token.
    pub token: usize,
    /// The lexicon form it matched only when capitalised.
    cased: bool,
    /// Index of the token after it.
    next: usize,
    /// Byte range in the NFKC form of the text.
    start: usize,
    end: usize,
}

/// A term a posting asks for, gathered over all its mentions.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub term: TermId,
    /// Surface forms in order of first appearance.
    pub forms: Vec<String>,
    /// The posting's phrases around it outside the boilerplate, in order of
    /// first appearance (`phrases_around`).
    pub phrases: Vec<String>,
    /// The most demanding section it was mentioned in.
    pub section: SectionKind,
    /// Mentions outside boilerplate.
    pub count: u32,
    /// Mentioned in the posting's title.
    pub in_title: bool,
    /// 1-based line of the first mention.
    pub line: usize,
    /// The one-of group ("Terraform, Ansible or similar") it was asked for
    /// in, when it was never asked for on its own.
    pub group: Option<u32>,
    /// Why its mention in `section` is in that section, and on which line.
    pub because: (Because, usize),
}

/// Every lexicon term mentioned in `text`, in order.
pub fn mentions(lex: &Lexicon, text: &str) -> Vec<Mention> {
    mentions_in(lex, &nfkc(text))
}

/// [`mentions`] of text already NFKC-normalised (offsets are into it).
fn mentions_in(lex: &Lexicon, text: &str) -> Vec<Mention> {
    let lower = text.to_ascii_lowercase();
    let toks = tokenize(text, &lower);
    let mut out = Vec::new();
    let mut key = String::new();
    let mut i = 0;
    // Mentions that count only beside another term: (index, its form).
    let mut needs: Vec<(usize, &str)> = Vec::new();
    // Whether the text is written in capitals, worked out when first asked.
    let mut capitals: Option<bool> = None;
    while i < toks.len() {
        if let Some((m, skip)) = coordinated(lex, text, &toks, i, &mut key) {
            // "unit and integration testing": unit testing here, the rest
            // from the next word on.
            out.push(m);
            i += skip;
            continue;
        }
        let mut hit = None;
        // A name starts at a word's start, not inside a hyphenated word:
        // "cutting-edge AI" is no edge AI, "mission-critical systems" no
        // critical systems. Two names joined ("Agile-Scrum") are two names.
        if i > 0
            && hyphen(&text[toks[i - 1].end..toks[i].start])
            && out.last().is_none_or(|m: &Mention| m.next != i)
        {
            i += 1;
            continue;
        }
        // A name never runs over a comma, colon or semicolon: in "Gitlab:
        // CI/CD, Python: Django" the label ends where its list begins.
        let span = lex.span_from(toks[i].norm).min(toks.len() - i);
        let span = (1..span)
            .find(|&n| breaks(&text[toks[i + n - 1].end..toks[i + n].start]))
            .unwrap_or(span);
        for n in (1..=span).rev() {
            key.clear();
            for (k, t) in toks[i..i + n].iter().enumerate() {
                if k > 0 {
                    key.push(' ');
                }
                key.push_str(t.norm);
            }
            if let Some(form) = lex.lookup(&key) {
                let surface = &text[toks[i].start..toks[i + n - 1].end];
                let after = &text[toks[i + n - 1].end..];
                let name = lex.term(form.term).name;
                let another = other_acronym(surface, name)
                    && !*capitals.get_or_insert_with(|| in_capitals(text));
                // A slash joins a short name to another name ("C/C#",
                // ".NET/C#", "Python/R", "JS/TS"), not to a word ("A/B",
                // "CS/EE", "N/A").
                let slashed = Slashed {
                    before: out.last().is_some_and(|m: &Mention| m.next == i),
                    after: toks
                        .get(i + n)
                        .is_some_and(|t| lex.lookup(t.norm).is_some()),
                };
                if bracketed_ok(surface, after)
                    && !proper_noun(surface, after, name)
                    && !currency(&text[..toks[i].start], surface, after)
                    && !another
                    && (!form.cased || cased_ok(text, &toks[i], surface, name, slashed))
                {
                    hit = Some((n, form.term, surface.to_owned(), form.cased, form.context));
                    break;
                }
            }
        }
        match hit {
            Some((n, term, surface, cased, context)) => {
                if let Some(c) = context {
                    needs.push((out.len(), c));
                }
                out.push(Mention {
                    term,
                    surface,
                    token: i,
                    cased,
                    next: i + n,
                    start: toks[i].start,
                    end: toks[i + n - 1].end,
                });
                i += n;
            }
            None => i += 1,
        }
    }
    if !needs.is_empty() {
        let present: std::collections::HashSet<TermId> = out.iter().map(|m| m.term).collect();
        let drop: std::collections::HashSet<usize> = needs
            .iter()
            .filter(|(_, c)| {
                let want = lex.lookup(&c.replace('_', " ")).map(|f| f.term);
                !want.is_some_and(|w| present.contains(&w))
            })
            .map(|&(i, _)| i)
            .collect();
        let mut k = 0;
        out.retain(|_| {
            k += 1;
            !drop.contains(&(k - 1))
        });
    }
    // An everyday word (Go, Flow) counts only near another technical term,
    // or when the next word says it is a skill ("Go experience is a plus").
    let anchors: Vec<usize> = out
        .iter()
        .filter(|m| !m.cased && !lex.term(m.term).weak)
        .map(|m| m.token)
        .collect();
    // `anchors` is in token order: the nearest ones are found by search,
    // so a long line costs no scan of every anchor per mention.
    let near = |t: usize| {
        let k = anchors.partition_point(|&a| a < t.saturating_sub(8));
        anchors[k..]
            .iter()
            .take_while(|&&a| a <= t + 8)
            .any(|&a| a != t)
    };
    // A list item that is the name alone ("- Helm", "- Go") names the skill.
    let alone = |m: &Mention| m.token == 0 && m.next == toks.len();
    // In text written in capitals (a bulletin's "SERVES AS A LEAD"), a
    // capital says nothing: an everyday word needs company there too.
    let shouting =
        out.iter().any(|m| m.cased) && *capitals.get_or_insert_with(|| in_capitals(text));
    out.retain(|m| {
        !m.cased
            || (!shouting && !m.surface.chars().any(char::is_lowercase))
            || alone(m)
            || near(m.token)
            || toks
                .get(m.next)
                .is_some_and(|t| SKILL_NOUNS.contains(&t.norm))
    });
    out
}

/// Whether the text between two tokens ends a name: a comma, colon,
/// semicolon or line break ("queues, pub/sub" is two names, not the
/// gazetteer's "queues pub sub"). (Not a bracket: "Enterprise Resource
/// Planning (ERP)" is one name with its acronym.)
fn breaks(gap: &str) -> bool {
    gap.contains([',', ':', ';', '\n'])
}

/// Whether a three-capital word is the currency of an amount: "$90,000
/// CAD", "CAD $130,100" (corpus: CAD in 64 postings' reports, 42 of them
/// from salaries).
fn currency(before: &str, surface: &str, after: &str) -> bool {
    let code = surface.len() == 3 && surface.bytes().all(|b| b.is_ascii_uppercase());
    // An amount, not any number ("IEC 61850 MMS" is a protocol): a
    // currency sign, a thousands separator or a k/M after the digits.
    let word = before.trim_end();
    let word = &word[word.rfind(char::is_whitespace).map_or(0, |k| k + 1)..];
    let digits = word.trim_end_matches(['k', 'K', 'M']);
    let amount_before = digits.ends_with(|c: char| c.is_ascii_digit())
        && (digits.len() < word.len() || word.contains(['$', ',', '\u{20ac}', '\u{a3}']));
    let amount_after = after
        .trim_start()
        .trim_start_matches('~')
        .starts_with(['$', '\u{20ac}', '\u{a3}']);
    code && (amount_before || amount_after)
}

/// Whether two tokens are parts of one hyphenated word ("cutting-edge").
fn hyphen(gap: &str) -> bool {
    matches!(gap, "-" | "\u{2010}" | "\u{2011}")
}

/// Whether an acronym's name written as a word opens a proper noun: "San
/// Francisco" is no SAN. (Corpus: of 255 "San" against 17 "SAN", 240
/// stand before a capitalised word: Francisco, Diego, Antonio.)
fn proper_noun(surface: &str, after: &str, name: &str) -> bool {
    let acronym = name.len() >= 3 && name.bytes().all(|b| b.is_ascii_uppercase());
    let mut cs = surface.chars();
    let word = cs.next().is_some_and(char::is_uppercase) && cs.all(char::is_lowercase);
    acronym
        && word
        && after.starts_with(' ')
        && after
            .trim_start_matches(' ')
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
}

/// Whether a word in capitals is another acronym than the plural name it
/// spells: "ACLS" (life support) is no "ACLs", "CVS" no "CVs". (Corpus:
/// such capitals are mostly other acronyms: CVS 6, DBS 2, VPS 2, SPS 1
/// against VLANS 5, SOPS 3.) Text written in capitals is exempt.
fn other_acronym(surface: &str, name: &str) -> bool {
    let Some(stem) = name.strip_suffix('s') else {
        return false;
    };
    stem.len() >= 2
        && stem.bytes().all(|b| b.is_ascii_uppercase())
        && surface.len() == name.len()
        && surface.bytes().all(|b| b.is_ascii_uppercase())
        && surface.eq_ignore_ascii_case(name)
}

/// Whether a name written over a bracket is one: a name with its acronym,
/// "Enterprise Resource Planning (ERP)", closes the bracket where it ends;
/// "AWS (ECS/Lambda)" is AWS and a list.
fn bracketed_ok(surface: &str, after: &str) -> bool {
    match surface.find(['(', ')', '[', ']']) {
        None => true,
        Some(_) => {
            !surface.contains([')', ']'])
                && after.trim_start().starts_with([')', ']'])
                && surface.matches(['(', '[']).count() == 1
        }
    }
}

/// The most heads a shared tail is read for.
const MAX_HEADS: usize = 8;

/// Words that, right after a name, make it a skill: "Go experience",
/// "Flow programming" (and not "Go to our careers page").
const SKILL_NOUNS: [&str; 14] = [
    "experience",
    "expertise",
    "proficiency",
    "knowledge",
    "skills",
    "programming",
    "development",
    "developer",
    "developers",
    "engineer",
    "engineers",
    "engineering",
    "code",
    "codebase",
];

/// "A and B tail", where "A tail" and "B tail" both name terms (unit and
/// integration testing, Azure or AWS Lambda is not one: "Azure Lambda" is
/// no term): the mention of "A tail" that the shared tail hides, and how
/// many tokens it takes. A list works the same way: in "unit, integration
/// and load testing" "A" is unit and "B" load.
fn coordinated(
    lex: &Lexicon,
    text: &str,
    toks: &[Token],
    i: usize,
    key: &mut String,
) -> Option<(Mention, usize)> {
    // Single words joined by commas up to the conjunction.
    let comma = |k: usize| text[toks[k].end..toks[k + 1].start].trim() == ",";
    // A list of heads sharing a tail is short ("unit, integration, and
    // performance testing"); bounding it keeps a long line linear.
    let mut c = i + 1;
    while c + 1 < toks.len()
        && c < i + MAX_HEADS
        && comma(c - 1)
        && !matches!(toks[c].norm, "and" | "or")
    {
        c += 1;
    }
    let conj = toks.get(c)?;
    if !matches!(conj.norm, "and" | "or") || toks.len() < c + 3 {
        return None;
    }
    // A head that is a name of its own is not shared out: "Terraform,
    // CloudFormation or AWS CDK" lists tools, not "Terraform CDK".
    if lex.lookup(toks[i].norm).is_some() {
        return None;
    }
    let skip = if c == i + 1 { 2 } else { 1 };
    // The heads listed before this one ("unit, integration, e2e and …" at
    // e2e) share the tail too.
    let first = (i.saturating_sub(MAX_HEADS)..i)
        .rev()
        .take_while(|&k| comma(k))
        .last()
        .unwrap_or(i);
    let (a, b) = (&toks[i], &toks[c + 1]);
    for n in (1..=lex.max_tokens.saturating_sub(1).min(toks.len() - c - 2)).rev() {
        let tail = &toks[c + 2..c + 2 + n];
        let form = |head: &Token, key: &mut String| {
            key.clear();
            key.push_str(head.norm);
            for t in tail {
                key.push(' ');
                key.push_str(t.norm);
            }
            lex.lookup(key).filter(|f| !f.cased)
        };
        // The tail is shared when another head names a term with it too:
        // "unit, integration, e2e and security tests" names unit, integration
        // and end-to-end testing although "security tests" is no term.
        let Some(fa) = form(a, key) else {
            continue;
        };
        if !toks[first..c]
            .iter()
            .chain([b])
            .any(|h| !std::ptr::eq(h, a) && form(h, key).is_some())
        {
            continue;
        }
        let surface = format!(
            "{} {}",
            &text[a.start..a.end],
            &text[tail[0].start..tail[n - 1].end]
        );
        let m = Mention {
            term: fa.term,
            surface,
            token: i,
            cased: false,
            next: i + 1,
            start: a.start,
            end: tail[n - 1].end,
        };
        return Some((m, skip));
    }
    None
}

/// Whether text is written in capitals: most of its letters, and enough of
/// them to tell (an acronym alone is not shouting).
fn in_capitals(text: &str) -> bool {
    let (mut upper, mut letters) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        upper += usize::from(c.is_uppercase());
    }
    letters >= CAPITALS_MIN_LETTERS && upper * 5 >= letters * 4
}

/// Letters a text needs before [`in_capitals`] calls it shouting: about
/// three words.
const CAPITALS_MIN_LETTERS: usize = 12;

/// Whether a name stands beside the slash before it, and a name may start
/// beside the slash after it.
#[derive(Debug, Clone, Copy)]
struct Slashed {
    before: bool,
    after: bool,
}

/// A cased form must start with a capital; a one- or two-letter one must
/// be written as the term is ("Go") or in capitals ("C", "AI"), and stand
/// apart ("C-suite", "R&D" and "A/B" are not languages), or be joined by a
/// slash to another name (`slashed`: "C/C#").
fn cased_ok(text: &str, tok: &Token, surface: &str, name: &str, slashed: Slashed) -> bool {
    let first = surface.chars().next().unwrap_or(' ');
    if !first.is_uppercase() {
        return false;
    }
    // A name written in capitals (REST) is the everyday word otherwise
    // ("the rest of the team").
    if surface.len() > 2
        && name.split(' ').any(|w| {
            w.len() == surface.len()
                && w.eq_ignore_ascii_case(surface)
                && !w.chars().any(char::is_lowercase)
        })
        && surface.chars().any(char::is_lowercase)
    {
        return false;
    }
    if surface.len() <= 2 {
        if surface != name && surface.chars().any(|c| c.is_lowercase()) {
            return false;
        }
        let before = text[..tok.start].chars().next_back();
        let after = text[tok.end..].chars().next();
        let apart = |c: Option<char>| {
            c.is_none_or(|c| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | ':'))
        };
        // A '.' ends it when a sentence or a dotted name follows: "C#.NET"
        // is C# and .NET, as the tokenizer reads it.
        let end_ok = apart(after)
            || (after == Some('.')
                && text[tok.end + 1..].chars().next().is_none_or(|c| {
                    c.is_whitespace()
                        || (c.is_ascii_alphanumeric() && !surface.ends_with(char::is_alphanumeric))
                }));
        return (apart(before) || (before == Some('/') && slashed.before))
            && (end_ok || (after == Some('/') && slashed.after));
    }
    true
}

/// The terms a posting asks for, with the most demanding section each is
/// mentioned in. Boilerplate mentions count only for terms mentioned nowhere
/// else, and then as boilerplate.
pub fn extract(lex: &Lexicon, posting: &Posting) -> Vec<Found> {
    let mut found: Vec<Found> = Vec::new();
    let mut next_group = 0;
    let mut index: HashMap<TermId, usize> = HashMap::new();
    // Terms asked for on their own somewhere: never part of a group.
    let mut alone: std::collections::HashSet<TermId> = std::collections::HashSet::new();
    let mut note = |m: Mention,
                    phrases: Vec<String>,
                    (kind, because): (SectionKind, Because),
                    line: usize,
                    in_title: bool,
                    group: Option<u32>| {
        if group.is_none() && kind != SectionKind::Boilerplate {
            alone.insert(m.term);
        }
        let i = *index.entry(m.term).or_insert_with(|| {
            found.push(Found {
                term: m.term,
                forms: Vec::new(),
                phrases: Vec::new(),
                section: kind,
                count: 0,
                in_title: false,
                line,
                group,
                because: (because, line),
            });
            found.len() - 1
        });
        let f = &mut found[i];
        if f.group.is_none() && kind != SectionKind::Boilerplate {
            f.group = group;
        }
        if !f.forms.contains(&m.surface) {
            f.forms.push(m.surface);
        }
        if kind != SectionKind::Boilerplate {
            for p in phrases {
                if f.phrases.len() < MAX_PHRASES && !f.phrases.contains(&p) {
                    f.phrases.push(p);
                }
            }
        }
        if kind < f.section {
            f.because = (because, line);
        }
        f.section = f.section.min(kind);
        f.in_title |= in_title;
        if kind != SectionKind::Boilerplate {
            f.count += 1;
        }
    };
    if let Some(title) = &posting.title {
        for m in mentions(lex, title) {
            note(
                m,
                Vec::new(),
                (SectionKind::Other, Because::Opening),
                1,
                true,
                None,
            );
        }
    }
    // The list after "one or more of the following:" is one choice: any of
    // its items meets it (a bulletin's "areas", a list of certifications).
    let mut choice: Option<Choice> = None;
    for (n, line) in posting.lines.iter().enumerate() {
        let prev = n.checked_sub(1).map(|p| &posting.lines[p]);
        choice = match choice {
            Some(c) if c.goes_on(n, prev, line) => Some(c),
            _ => prev
                .filter(|p| p.kind == line.kind && introduces_choice(&p.text))
                .map(|_| {
                    next_group += 1;
                    Choice {
                        group: next_group - 1,
                        marker: marker(&line.text),
                        first: n,
                    }
                }),
        };
        for (kind, clause) in crate::posting::clauses(line.kind, &line.text) {
            let text = nfkc(clause);
            let mut ms = mentions_in(lex, &text);
            if let Some(fields) = degree_fields(&text) {
                ms.retain(|m| !fields.contains(&m.start));
            }
            let colleagues = partners(&text, &ms);
            if colleagues.iter().any(|&c| c) {
                let mut k = 0;
                ms.retain(|_| {
                    k += 1;
                    !colleagues[k - 1]
                });
            }
            let mut groups = one_of(&text, &ms, &mut next_group);
            if let Some(c) = &choice {
                groups.fill(Some(c.group));
            }
            let because = if kind == line.kind {
                line.because
            } else {
                Because::Clause
            };
            for (m, g) in ms.into_iter().zip(groups) {
                let phrases = phrases_around(&text, &m);
                note(m, phrases, (kind, because), line.number, false, g);
            }
        }
    }
    for f in &mut found {
        if alone.contains(&f.term) {
            f.group = None;
        }
    }
    // The employer is no skill (CONVENTIONS.md: what the company sells is
    // boilerplate): "Fetch" in Fetch's posting, "Nielsen" in Nielsen's.
    if let Some(company) = &posting.company {
        let first = company.split_whitespace().next().unwrap_or("");
        found.retain(|f| {
            !f.forms
                .iter()
                .all(|s| s.eq_ignore_ascii_case(company) || s.eq_ignore_ascii_case(first))
        });
    }
    found
}

/// The most phrases kept for a term: enough for any bullet to echo one,
/// and a bound on the work per mention however long the posting (a term
/// written beside 100,000 different words keeps the first of them).
const MAX_PHRASES: usize = 16;

/// Words that make no phrase with a term beside them: they tie it into
/// the sentence ("experience with Docker", "Docker and Kubernetes") or say
/// how well it is known ("strong Python", "Kubernetes expertise"), not what
/// the posting does with it.
const GLUE: &str = "\
    and the for with from into onto via per over under using use used uses including include \
    includes like such etc are was were will would can could should must may have has you your \
    our their its this that these those which also plus strong solid proven experience \
    knowledge skills expertise";

/// The posting's phrases around a mention in `text`: the mention with the
/// word right after it, and with the word right before it, where a single
/// space joins them and the word is a content word (three letters or more,
/// not [`GLUE`]): "containerized applications" and "operating
/// containerized" in "operating containerized applications using Docker".
/// A term in a list ("Python, Go and Rust") has none: commas and glue
/// words part it from its neighbours.
fn phrases_around(text: &str, m: &Mention) -> Vec<String> {
    let content = |w: &str| {
        w.len() >= 3
            && w.bytes().all(|b| b.is_ascii_alphabetic())
            && !GLUE.split(' ').any(|g| w.eq_ignore_ascii_case(g))
    };
    let mut out = Vec::new();
    if let Some(rest) = text[m.end..].strip_prefix(' ') {
        let end = rest
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(rest.len());
        let w = &rest[..end];
        if content(w) {
            out.push(format!("{} {w}", m.surface));
        }
    }
    if let Some(rest) = text[..m.start].strip_suffix(' ') {
        let start = rest.rfind(|c: char| !c.is_alphanumeric()).map_or(0, |i| {
            i + rest[i..].chars().next().map_or(1, char::len_utf8)
        });
        let w = &rest[start..];
        if content(w) {
            out.push(format!("{w} {}", m.surface));
        }
    }
    out
}

/// At most [`WINDOW`] bytes of `text` before byte `at`, on a char boundary.
/// The fields of study a degree is asked in: "Bachelor's degree in Computer
/// Science, Computer Engineering, or a related field" (1,655 corpus
/// postings write such a span). CONVENTIONS.md counts no degree a skill, so
/// names there are none (Python after "or related field" still is).
fn degree_fields(text: &str) -> Option<std::ops::Range<usize>> {
    let lower = text.to_ascii_lowercase();
    const DEGREES: [&str; 11] = [
        "degree",
        "bachelor",
        "bachelor's",
        "bachelors",
        "master's",
        "masters",
        "bs",
        "ms",
        "phd",
        "bsc",
        "msc",
    ];
    // Where the first degree word ends: the least end among the places any
    // of them stands as a whole word.
    let degree = crate::posting::whole_words(&lower, &DEGREES)
        .map(|(at, w)| at + w.len())
        .min()?;
    // The fields follow "in" right after the degree ("degree in", "BS in").
    let rest = &lower[degree..];
    let at = rest.find(" in ").filter(|&i| i <= 30)?;
    let degree_words = rest[..at]
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| DEGREE_WORDS.contains(&w));
    if !degree_words {
        return None;
    }
    let open = degree + at + 4;
    // ... and end where the list is closed: "or a related field", "or
    // equivalent", "(or comparable experience)".
    let close = ["related", "equivalent", "comparable", "similar", "("]
        .iter()
        .filter_map(|w| lower[open..].find(w))
        .min()?;
    (close <= 200).then_some(open..open + close)
}

/// Which mentions name whom the role works with, not a skill: the teams
/// after "collaborate with", "partner with", "work closely with",
/// "coordinate with" or "in partnership with" ("Collaborate
/// with Product Management, Design and QA"). Only names and list words
/// may stand between the cue and the mention, so "collaborate with
/// engineers to build Kafka pipelines" still asks for Kafka. A bare "work
/// with" is no such cue: "experience working with Kubernetes" asks for it.
/// Text in capitals says nothing by its capitals, so it is left as is.
/// (Corpus: 535 reports in 6,575 postings stood only there, Product
/// Management 143, QA 54, DevOps 52; 30 of 30 sampled were colleagues.)
fn partners(text: &str, ms: &[Mention]) -> Vec<bool> {
    let mut out = vec![false; ms.len()];
    // Every cue has a "with": most clauses are done without a copy.
    if ms.is_empty()
        || !text
            .as_bytes()
            .windows(4)
            .any(|w| w.eq_ignore_ascii_case(b"with"))
        || in_capitals(text)
    {
        return out;
    }
    let lower = text.to_ascii_lowercase();
    // Words with their byte ranges.
    let words: Vec<(usize, usize)> = {
        let mut v = Vec::new();
        let mut start = None;
        for (i, c) in lower.char_indices() {
            let part = c.is_alphanumeric() || c == '-' || c == '\'';
            match (part, start) {
                (true, None) => start = Some(i),
                (false, Some(s0)) => {
                    v.push((s0, i));
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s0) = start {
            v.push((s0, lower.len()));
        }
        v
    };
    let word = |k: usize| words.get(k).map_or("", |&(a, b)| &lower[a..b]);
    // Where each cue ends.
    let mut cues = Vec::new();
    for k in 0..words.len() {
        let w = word(k);
        let verb = PARTNER_VERBS.iter().any(|v| w.starts_with(v));
        let work = matches!(w, "work" | "works" | "working" | "worked");
        let end = if verb && word(k + 1) == "with" {
            Some(k + 1)
        } else if (verb && word(k + 1) == "closely" || work && WORK_HOW.contains(&word(k + 1)))
            && word(k + 2) == "with"
        {
            Some(k + 2)
        } else if w == "in" && matches!(word(k + 1), "collaboration" | "partnership") {
            (word(k + 2) == "with").then_some(k + 2)
        } else if w == "in" && word(k + 1) == "close" {
            (matches!(word(k + 2), "collaboration" | "partnership") && word(k + 3) == "with")
                .then_some(k + 3)
        } else {
            None
        };
        if let Some(e) = end {
            cues.push(words[e].1);
        }
    }
    if cues.is_empty() {
        return out;
    }
    // Only names, list words and separators between two points, and not
    // many of them: each test reads a bounded gap, so a long line costs
    // time in proportion to its length.
    let glue = |from: usize, to: usize| {
        let gap = &text[from..to];
        let first = words.partition_point(|&(a, _)| a < from);
        to - from <= PARTNER_MAX_GAP
            && !gap.contains(['.', ';', ':', '\n', '(', ')'])
            && words[first..]
                .iter()
                .take_while(|&&(_, b)| b <= to)
                .all(|&(a, b)| {
                    PARTNER_GLUE.contains(&&lower[a..b])
                        || text[a..].starts_with(|c: char| c.is_uppercase())
                })
    };
    // A chain: the cue, then names one after another. Mentions come in
    // order, so the last cue before each is found walking forward.
    let mut chain: Option<usize> = None;
    let mut next_cue = 0;
    for (i, m) in ms.iter().enumerate() {
        while next_cue < cues.len() && cues[next_cue] <= m.start {
            next_cue += 1;
        }
        let cue = next_cue.checked_sub(1).map(|k| cues[k]);
        // The later of the two (`None` orders first).
        let from = chain.max(cue);
        out[i] = from.is_some_and(|f| f <= m.start && glue(f, m.start));
        chain = out[i].then_some(m.end);
    }
    out
}

/// The most text between a cue and a colleague's name, or between two
/// names of one list: "Collaborate with Product Management, Customer
/// Success, Technical Support and Documentation" is 74 bytes.
const PARTNER_MAX_GAP: usize = 120;

/// Verbs whose "with" names colleagues ("collaborate with", "partnering
/// with", "coordinates with", "liaise with").
const PARTNER_VERBS: [&str; 4] = ["collaborat", "partner", "coordinat", "liais"];

/// How one works with colleagues: "work closely with", "working together
/// with".
const WORK_HOW: [&str; 3] = ["closely", "together", "cross-functionally"];

/// Words that may stand between the cue and the names: "with the", "with
/// our", "Product, Design and QA".
const PARTNER_GLUE: [&str; 8] = [
    "the",
    "our",
    "other",
    "internal",
    "cross-functional",
    "and",
    "or",
    "both",
];

/// Words between a degree and its "in": "Bachelor's or Master's degree
/// (or higher) in".
const DEGREE_WORDS: [&str; 14] = [
    "s",
    "degree",
    "degrees",
    "program",
    "or",
    "and",
    "master",
    "masters",
    "bachelor",
    "bachelors",
    "higher",
    "advanced",
    "a",
    "ms",
];

/// A list of alternatives a posting introduces with "one or more of the
/// following": the group its terms share, and how its items are marked.
#[derive(Debug, Clone, Copy)]
struct Choice {
    group: u32,
    marker: Marker,
    first: usize,
}

/// How a list item is marked, once Markdown bullets are gone: "1.", "a)",
/// or not at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    Number,
    Letter,
    None,
}

/// The most items a choice runs to: longer, and it is no list of options.
const CHOICE_MAX_ITEMS: usize = 30;

impl Choice {
    /// Whether `line` is the next item of the list: right below the last
    /// one (no blank line), in its section, marked like the first item.
    /// `n` is the line's index among the posting's lines.
    fn goes_on(&self, n: usize, prev: Option<&Line>, line: &Line) -> bool {
        n < self.first + CHOICE_MAX_ITEMS
            && prev.is_some_and(|p| p.number + 1 == line.number && p.kind == line.kind)
            && marker(&line.text) == self.marker
    }
}

fn marker(text: &str) -> Marker {
    let head = text.split_whitespace().next().unwrap_or("");
    let Some(label) = head.strip_suffix(['.', ')']) else {
        return Marker::None;
    };
    if !label.is_empty() && label.len() <= 3 && label.bytes().all(|b| b.is_ascii_digit()) {
        Marker::Number
    } else if label.len() == 1 && label.bytes().all(|b| b.is_ascii_alphabetic()) {
        Marker::Letter
    } else {
        Marker::None
    }
}

/// Whether a line introduces a list of alternatives: "Experience in one or
/// more of the following areas:", "any of the following". (Corpus: "one or
/// more of the following" in 98 postings, "one of the following" 75, "any
/// of the following" 60, "at least one of the following" 54.)
fn introduces_choice(text: &str) -> bool {
    let t = text.to_ascii_lowercase();
    let Some(at) = t.find(" of the following") else {
        return false;
    };
    let before = t[..at].trim_end();
    [
        "one or more",
        "one",
        "any",
        "any one",
        "at least one",
        "any combination",
    ]
    .iter()
    .any(|q| ends_with_words(before, q))
}

/// Whether `text` ends with the words `tail`, whole: "tools like" ends with
/// "like", "unlike" does not.
fn ends_with_words(text: &str, tail: &str) -> bool {
    text.strip_suffix(tail)
        .is_some_and(|rest| !rest.chars().next_back().is_some_and(char::is_alphanumeric))
}

fn window_before(text: &str, at: usize) -> &str {
    let mut from = at.saturating_sub(WINDOW);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    text.get(from..at).unwrap_or("")
}

/// At most [`WINDOW`] bytes of `text` from byte `at`, on a char boundary.
fn window_after(text: &str, at: usize) -> &str {
    let mut to = (at + WINDOW).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    text.get(at..to).unwrap_or("")
}

/// Bytes around a list that can hold its lead ("such as") or its close
/// ("or equivalent").
const WINDOW: usize = 32;

/// Words that may stand between two names of one list.
const LIST_WORDS: [&str; 2] = ["or", "and"];

/// Which mentions of a clause form one-of groups, as group ids: a list of
/// names joined by "or", led by "such as" / "e.g." / "like", or closed by
/// "etc." / "or similar" / "or equivalent" asks for any one of them
/// ("Terraform, Ansible, CloudFormation, etc."). `next` numbers groups
/// across the posting.
fn one_of(text: &str, ms: &[Mention], next: &mut u32) -> Vec<Option<u32>> {
    let mut out = vec![None; ms.len()];
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_ascii_lowercase)
            .collect()
    };
    let gap = |a: &Mention, b: &Mention| -> Option<Vec<String>> {
        let g = text.get(a.end..b.start)?;
        let w = words(g);
        (g.len() <= 24 && w.iter().all(|w| LIST_WORDS.contains(&w.as_str()))).then_some(w)
    };
    let mut i = 0;
    while i < ms.len() {
        let mut j = i;
        let mut or = false;
        while j + 1 < ms.len() {
            match gap(&ms[j], &ms[j + 1]) {
                Some(w) => {
                    or |= w.iter().any(|w| w == "or");
                    j += 1;
                }
                None => break,
            }
        }
        if j > i {
            // Only the words next to the list matter: a window keeps the
            // work linear in a long line.
            let before = window_before(text, ms[i].start).to_ascii_lowercase();
            let before = before.trim_end_matches([' ', '(', ':', ',']);
            let after = words(window_after(text, ms[j].end));
            let led = ["such as", "e.g.", "e.g", "eg", "like", "for example"]
                .iter()
                .any(|c| ends_with_words(before, c))
                // "we would like", "we'd like": a wish, not "tools like".
                && !["would like", "'d like"].iter().any(|c| before.ends_with(c));
            let closed = after.first().is_some_and(|w| w == "etc")
                || (after.first().is_some_and(|w| w == "or")
                    && after.get(1).is_some_and(|w| {
                        [
                            "similar",
                            "equivalent",
                            "comparable",
                            "other",
                            "related",
                            "alternatives",
                        ]
                        .contains(&w.as_str())
                    }));
            if or || led || closed {
                for g in &mut out[i..=j] {
                    *g = Some(*next);
                }
                *next += 1;
            }
        }
        i = j + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The phrases around each mention of `text` ([`phrases_around`]).
    fn phrases(text: &str) -> Vec<(String, Vec<String>)> {
        let lex = Lexicon::builtin();
        let text = nfkc(text);
        mentions_in(&lex, &text)
            .iter()
            .map(|m| (lex.term(m.term).name.to_string(), phrases_around(&text, m)))
            .collect()
    }

    #[test]
    fn a_terms_phrase_is_the_content_word_beside_it() {
        let got = phrases("operating containerized applications using Docker");
        assert_eq!(
            got[0],
            (
                "Containers".to_owned(),
                vec![
                    "containerized applications".to_owned(),
                    "operating containerized".to_owned()
                ]
            ),
            "{got:?}"
        );
        // "using" is glue: Docker has no phrase.
        assert_eq!(got[1], ("Docker".to_owned(), Vec::new()), "{got:?}");
    }

    #[test]
    fn a_term_keeps_a_bounded_number_of_phrases() {
        // A term beside thousands of different words: the work per mention
        // stays bounded (an unbounded list made a 1.8 MB line take minutes).
        // Words of letters only ("baa", "bab", …): digits make no phrase.
        let word = |i: usize| -> String {
            let mut w = String::from("b");
            for k in [i / 676, i / 26 % 26, i % 26] {
                w.push(char::from(b'a' + k as u8));
            }
            w
        };
        let words: Vec<String> = (0..2000).map(|i| format!("Python {}", word(i))).collect();
        let text = format!("# Engineer\n\n## Requirements\n* {}\n", words.join(" "));
        let p = crate::posting::analyse(&text, "t").unwrap();
        let found = extract(&Lexicon::builtin(), &p);
        let python = found
            .iter()
            .find(|f| !f.phrases.is_empty())
            .expect("Python with its phrases");
        assert_eq!(python.phrases.len(), MAX_PHRASES);
        assert_eq!(python.phrases[0], "Python baaa");
    }

    #[test]
    fn a_term_in_a_list_has_no_phrase() {
        let got = phrases("Experience with Python, Terraform and Kubernetes.");
        assert!(got.len() == 3, "{got:?}");
        assert!(got.iter().all(|(_, p)| p.is_empty()), "{got:?}");
    }

    fn names(text: &str) -> Vec<String> {
        let lex = Lexicon::builtin();
        mentions(&lex, text)
            .into_iter()
            .map(|m| lex.term(m.term).name.to_string())
            .collect()
    }

    #[test]
    fn longest_form_wins_and_java_is_not_javascript() {
        assert_eq!(
            names("AWS Lambda and JavaScript"),
            ["AWS Lambda", "JavaScript"]
        );
        assert_eq!(names("Java, not JavaScript"), ["Java", "JavaScript"]);
    }

    #[test]
    fn in_a_line_in_capitals_an_everyday_word_needs_company() {
        // A bulletin in capitals: the capital of "GO" or "IT" says nothing.
        assert!(names("EXPERIENCE WITH GO IS REQUIRED FOR THIS ROLE AT THE CITY").is_empty());
        assert!(names("SERVES AS A LEAD AND DOES IT WELL IN THE OFFICE").is_empty());
        assert_eq!(
            names("EXPERIENCE WITH GO AND KUBERNETES IS REQUIRED"),
            ["Go", "Kubernetes"]
        );
        // An acronym in a line of ordinary case is still a name.
        assert_eq!(names("Knowledge of C and Java"), ["C", "Java"]);
    }

    #[test]
    fn a_name_starts_at_a_words_start_not_inside_a_hyphenated_word() {
        assert!(names("cutting-edge AI research")
            .iter()
            .all(|n| !n.contains("Edge")));
        assert!(names("we are proud go-getters").is_empty());
        assert_eq!(names("Edge AI on devices"), ["Edge Computing & AIoT"]);
        // Two names joined by a hyphen are both named.
        assert_eq!(names("an Agile-Scrum team"), ["Agile", "Scrum"]);
    }

    #[test]
    fn a_currency_beside_an_amount_is_no_skill() {
        assert!(names("Pay: $90,000 - $150,000 CAD").is_empty());
        assert!(names("CAD $130,100~$176,000").is_empty());
        assert_eq!(names("Build CAD tools in C++"), ["CAD", "C++"]);
    }

    #[test]
    fn a_slash_joins_a_short_name_to_another_name_not_to_a_word() {
        assert_eq!(
            names("Python, SQL, and C/C#."),
            ["Python", "SQL", "C", "C#"]
        );
        assert_eq!(names("Strong .NET/C# skills"), [".NET", "C#"]);
        assert_eq!(names("Python/R for analysis"), ["Python", "R"]);
        assert!(names("a CS/EE degree, N/A").is_empty());
    }

    #[test]
    fn an_office_tools_short_name_counts_with_a_capital() {
        assert_eq!(
            names("reports in Crystal Reports, Excel, or SSRS"),
            ["SAP Crystal Reports", "Microsoft Excel", "SSRS"]
        );
        assert!(names("you excel at building teams").is_empty());
    }

    #[test]
    fn a_prefix_is_no_name() {
        // "pre" starts a hyphenated word in 585 of its 642 corpus uses.
        assert!(names("a pre-IPO company").is_empty());
        assert_eq!(names("micro-frontends"), ["Micro frontends"]);
        assert_eq!(names("Pre-sales experience"), ["Pre-Sales"]);
    }

    #[test]
    fn a_short_alias_joins_no_two_names() {
        // linguist's FreeBASIC alias "fb" once merged Facebook into it.
        assert_eq!(names("the Facebook Graph API"), ["Facebook"]);
    }

    #[test]
    fn everyday_words_need_a_capital_and_company() {
        assert!(names("you will go far").is_empty());
        assert_eq!(names("We use Go and Kubernetes"), ["Go", "Kubernetes"]);
        assert!(names("Go to our careers page").iter().all(|n| n != "Go"));
    }

    #[test]
    fn coordinated_names_share_their_tail() {
        assert_eq!(
            names("unit and integration testing"),
            ["Unit testing", "Integration testing"]
        );
        // The last head need not name a term for the others to share it.
        let got = names("test suites for unit, integration, e2e, and whatever tests");
        for want in ["Unit testing", "Integration testing", "End-to-end testing"] {
            assert!(got.iter().any(|n| n == want), "{want} in {got:?}");
        }
        // A head that is a name of its own shares no tail.
        assert!(!names("Python, Go and load testing").contains(&"Python testing".to_string()));
    }

    #[test]
    fn a_name_ends_at_a_comma_a_colon_and_a_bracket_it_does_not_close() {
        // "Gitlab: CI/CD" is a label and its list, not "GitLab CI" and "/CD".
        let got = names("Familiarity with Gitlab: CI/CD, Python: Django");
        assert!(got.contains(&"CI/CD".to_string()), "{got:?}");
        assert!(got.contains(&"GitLab".to_string()), "{got:?}");
        // "AWS (ECS/Lambda)" is AWS and a list; a name with its acronym in
        // brackets is one name.
        // A comma separates names: "queues, pub/sub" is no "queues pub sub".
        assert!(names("(e.g. queues, pub/sub, web sockets)").contains(&"Pub/Sub".to_string()));
        let got = names("Tech stack: AWS (ECS/Lambda)");
        assert!(got.contains(&"AWS".to_string()), "{got:?}");
        assert!(got.contains(&"Amazon ECS".to_string()), "{got:?}");
    }

    #[test]
    fn a_degree_field_is_no_skill() {
        let g = grouped(
            "Requirements:\n- Bachelor's degree in Computer Engineering, Cybersecurity, or a related field and 3 years of Python\n",
        );
        let names: Vec<_> = g.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["Python"]);
        // "MS SQL Server in production" is no degree.
        let g =
            grouped("Requirements:\n- MS SQL Server in production, Cybersecurity or equivalent\n");
        assert!(g.iter().any(|(n, _)| n == "Cybersecurity"), "{g:?}");
        // Without a degree the same names are asked for.
        let g = grouped("Requirements:\n- Cybersecurity and Python\n");
        assert!(g.iter().any(|(n, _)| n == "Cybersecurity"), "{g:?}");
    }

    #[test]
    fn the_employer_is_no_skill() {
        let g = grouped(
            "# Android Engineer\n## Fetch\n\nRequirements:\n- Kotlin\n- Fetch rewards app\n",
        );
        assert!(g.iter().any(|(n, _)| n == "Kotlin"), "{g:?}");
        assert!(!g.iter().any(|(n, _)| n.contains("Fetch")), "{g:?}");
        // Without the company named, the same line names the term.
        let g = grouped("# Android Engineer\n\nRequirements:\n- Kotlin\n- Fetch rewards app\n");
        assert!(g.iter().any(|(n, _)| n == "Fetch"), "{g:?}");
    }

    #[test]
    fn an_acronym_in_capitals_is_no_plural_name() {
        assert!(!names("Current BLS and ACLS certification").contains(&"ACLs".to_string()));
        assert_eq!(names("Manage ACLs on the firewall"), ["ACLs"]);
        // Text in capitals writes the plural name in capitals too.
        assert_eq!(names("MANAGE ACLS ON THE FIREWALL"), ["ACLs"]);
    }

    #[test]
    fn a_place_is_no_acronym() {
        assert!(names("Hybrid, South San Francisco, CA").is_empty());
        assert_eq!(names("SAN and NAS storage"), ["SAN", "NAS"]);
    }

    #[test]
    fn c_sharp_dot_net_is_two_names() {
        assert_eq!(names("C#.NET"), ["C#", ".NET"]);
    }

    #[test]
    fn a_vendor_certification_is_its_own_term() {
        assert_eq!(
            names("Relevant Azure certifications are a plus"),
            ["Azure certification"]
        );
        assert_eq!(names("AWS Certified Developer"), ["AWS certification"]);
    }

    #[test]
    fn listed_names_share_their_tail() {
        assert_eq!(
            names("unit, integration, and performance testing"),
            ["Unit testing", "Integration testing", "Performance testing"]
        );
        // "cost" alone names nothing: only the listed phrase does.
        assert_eq!(
            names("governmental, cost and commercial accounting"),
            [
                "Governmental accounting",
                "Cost accounting",
                "Commercial accounting"
            ]
        );
        // Regression: a list of names is no list of heads.
        assert_eq!(
            names("either Terraform, CloudFormation, or AWS CDK"),
            ["Terraform", "AWS CloudFormation", "AWS CDK"]
        );
        assert_eq!(
            names("Python, Azure or AWS Lambda"),
            ["Python", "Azure", "AWS Lambda"]
        );
    }

    #[test]
    fn a_name_in_capitals_is_not_the_everyday_word() {
        assert_eq!(names("REST and GraphQL"), ["REST APIs", "GraphQL"]);
        assert!(names("Rest of the day, with GraphQL")
            .iter()
            .all(|n| n != "REST APIs"));
    }

    #[test]
    fn apollo_is_graphql_only_beside_graphql() {
        assert_eq!(names("GraphQL/Apollo"), ["GraphQL", "Apollo GraphQL"]);
        assert!(names("Salesforce, Apollo, Outreach")
            .iter()
            .all(|n| n != "Apollo GraphQL"));
    }

    #[test]
    fn short_names_stand_alone() {
        assert!(!names("work with the C-suite on R&D")
            .iter()
            .any(|n| n == "C" || n == "R"));
        assert_eq!(names("C or R."), ["C", "R"]);
    }

    #[test]
    fn curated_concepts_need_no_capital_but_products_do() {
        // Regression: "containers" and "healthcare" were cased like "Go"
        // because their display name is the everyday word itself.
        assert_eq!(
            names("production work with containers and monitoring"),
            ["Containers", "Observability"]
        );
        assert_eq!(names("change the healthcare system"), ["Healthcare"]);
        assert!(names("we flow data with Kubernetes")
            .iter()
            .all(|n| n != "Flow"));
    }

    #[test]
    fn well_known_tags_count_without_corpus_postings() {
        assert_eq!(names("RTOS (e.g., FreeRTOS, Zephyr)")[1], "freertos");
    }

    #[test]
    fn a_product_named_like_a_word_counts_alone_or_beside_tech_not_in_prose() {
        assert_eq!(names("Helm"), ["Helm"]);
        assert_eq!(names("Helm and Kubernetes"), ["Helm", "Kubernetes"]);
        assert!(names("You will be at the helm of our growth").is_empty());
    }

    #[test]
    fn two_letter_words_in_capitals_are_no_language() {
        assert!(names("CANDIDATES MUST BE AVAILABLE").is_empty());
    }

    #[test]
    fn an_everyday_name_followed_by_experience_is_a_skill() {
        // Regression: "Go experience is a plus" alone on a line was lost
        // for want of another technical term nearby.
        assert_eq!(names("Go experience is a plus"), ["Go"]);
        assert_eq!(names("Strong Go programming skills"), ["Go"]);
        assert!(names("Go to our careers page").is_empty());
    }

    fn grouped(text: &str) -> Vec<(String, Option<u32>)> {
        let lex = Lexicon::builtin();
        let p = crate::posting::analyse(text, "t").unwrap();
        extract(&lex, &p)
            .into_iter()
            .map(|f| (lex.term(f.term).name.to_string(), f.group))
            .collect()
    }

    #[test]
    fn the_teams_one_works_with_are_no_skills() {
        let names = |text: &str| -> Vec<String> {
            let mut n: Vec<String> = grouped(text).into_iter().map(|(n, _)| n).collect();
            n.sort();
            n
        };
        let says = "# Engineer\n\nResponsibilities:\n\
            - Collaborate with Product Management, Design and QA on Python services\n\
            - Work closely with the DevOps team\n";
        assert_eq!(names(says), ["Python"]);
        // Between the cue and a name, only names and list words.
        assert_eq!(
            names("# Engineer\n\nResponsibilities:\n- Collaborate with engineers to build Kafka pipelines\n"),
            ["Kafka"]
        );
        // A bare "work with" asks for the skill.
        assert_eq!(
            names(
                "# Engineer\n\nRequirements:\n- Experience working with Kubernetes and Terraform\n"
            ),
            ["Kubernetes", "Terraform"]
        );
        // In capitals, every word looks like a name.
        assert_eq!(
            names("# Engineer\n\nRequirements:\n- COLLABORATE WITH ENGINEERING TEAMS TO DEPLOY KUBERNETES\n"),
            ["Kubernetes"]
        );
        // Overlapping mentions never slice backwards.
        let _ = names("Collaborate with unit and integration testing teams, QA and DevOps");
    }

    #[test]
    fn alternatives_form_one_of_groups() {
        let g = grouped("Requirements:\n- Terraform, Ansible, Chef, etc.\n- Python\n");
        assert!(g[..3].iter().all(|(_, grp)| *grp == Some(0)), "{g:?}");
        assert_eq!(g[3], ("Python".to_owned(), None));
        let g = grouped("Requirements:\n- Go or Python\n");
        assert!(g.iter().all(|(_, grp)| grp.is_some()), "{g:?}");
        let g = grouped("Requirements:\n- cloud platforms (e.g., AWS, GCP)\n");
        assert_eq!(g[0], ("Cloud infrastructure".to_owned(), None));
        assert!(g[1..].iter().all(|(_, grp)| grp.is_some()), "{g:?}");
        // A plain list asks for every name.
        let g = grouped("Requirements:\n- Python, Kubernetes and Terraform\n");
        assert!(g.iter().all(|(_, grp)| grp.is_none()), "{g:?}");
        // A name asked for on its own elsewhere is no group member.
        let g = grouped("Requirements:\n- Python\n- Go or Python\n");
        assert_eq!(g[0], ("Python".to_owned(), None));
        // Review: "would like" is no "like" lead; "e.g." (no comma) is one.
        let g = grouped("Requirements:\n- We would like Python, SQL and AWS\n");
        assert!(g.iter().all(|(_, grp)| grp.is_none()), "{g:?}");
        let g = grouped("Requirements:\n- cloud platforms (e.g. AWS, GCP)\n");
        assert!(g[1..].iter().all(|(_, grp)| grp.is_some()), "{g:?}");
    }

    #[test]
    fn the_list_after_one_of_the_following_is_one_choice() {
        let text = "Requirements:\n\
            - Python\n\
            - Experience in at least one of the following:\n\
            - GraphQL APIs\n\
            - Kafka pipelines\n\
            \n\
            - Terraform\n";
        let g = grouped(text);
        let group = |name: &str| g.iter().find(|(n, _)| n == name).map(|(_, grp)| *grp);
        assert_eq!(group("Python"), Some(None));
        assert!(group("GraphQL").flatten().is_some(), "{g:?}");
        assert_eq!(group("GraphQL"), group("Kafka"), "{g:?}");
        // A blank line ends the list.
        assert_eq!(group("Terraform"), Some(None), "{g:?}");
        // Numbered items after lettered ones are the outer list again.
        let g = grouped(
            "Requirements:\n1. Experience in one or more of the following areas:\n\
             a. Java\nb. Kafka\n2. Terraform\n",
        );
        let group = |name: &str| g.iter().find(|(n, _)| n == name).map(|(_, grp)| *grp);
        assert_eq!(group("Java"), group("Kafka"), "{g:?}");
        assert_eq!(group("Terraform"), Some(None), "{g:?}");
        // "two of the following" asks for two: no choice of one.
        assert!(!introduces_choice("Experience in two of the following:"));
        assert!(!introduces_choice("Someone of the following mindset"));
        assert!(introduces_choice("Any of the following is a plus:"));
    }

    #[test]
    fn phrasings_of_one_practice_are_one_term() {
        let lex = Lexicon::builtin();
        for (a, b) in [
            ("continuous integration and deployment", "CI/CD"),
            ("release pipelines", "CI/CD"),
            ("Site Reliability", "SRE"),
            ("financial statements", "Financial reporting"),
            ("streaming technologies", "Data streaming"),
        ] {
            assert_eq!(lex.find(a), lex.find(b), "{a} = {b}");
            assert!(lex.find(a).is_some(), "{a}");
        }
        assert!(lex.find("problem solving").is_none());
    }
}
