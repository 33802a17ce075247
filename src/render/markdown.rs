//! The Markdown résumé: CommonMark with the section headings ATS parsers
//! know (`# Name`, `## Summary`, `## Skills`, `## Experience`, …).
//!
//! Profile text is escaped just enough that it reads back as the same text
//! (a bullet starting `1.` or `+` stays a bullet, `*` stays a star), and no
//! more, so the `.md` file stays pleasant to read and edit. The HTML format
//! renders this output; layout choices for paper live in `pdf`.

use std::fmt::Write as _;

use super::{
    certification_line, contact_items, education_dates, education_title, heading, one_line,
    paragraphs, project_subtitle, PROJECT_SEPARATOR,
};
use crate::tailored::Tailored;

/// Renders the résumé as CommonMark, ending in one newline.
pub fn render(t: &Tailored) -> String {
    let mut out = String::new();
    let name = one_line(&t.person.name);
    if !name.is_empty() {
        block(&mut out, &format!("# {}", escape(&name)));
    }
    let headline = one_line(&t.person.headline);
    if !headline.is_empty() {
        block(&mut out, &escape(&headline));
    }
    let contact: Vec<String> = contact_items(&t.person)
        .iter()
        .map(|c| match &c.url {
            Some(url) => format!("[{}]({})", escape_inner(&c.text), destination(url)),
            None => escape_inner(&c.text),
        })
        .collect();
    if !contact.is_empty() {
        // Only the first item starts the line, so only it needs the
        // line-start escapes (a phone number `+41 …` would start a list).
        block(&mut out, &escape_start(&contact.join(" · ")));
    }

    let summary = t.summary.as_deref().map(paragraphs).unwrap_or_default();
    if !summary.is_empty() {
        section(&mut out, heading::SUMMARY);
        for p in &summary {
            block(&mut out, &escape(p));
        }
    }

    let rows = super::skill_rows(t);
    if !rows.is_empty() {
        section(&mut out, heading::SKILLS);
        for (label, skills) in &rows {
            let list: Vec<String> = skills.iter().map(|s| escape_inner(s)).collect();
            let list = list.join(", ");
            match label {
                Some(l) => block(&mut out, &format!("**{}:** {list}", escape_inner(l))),
                None => block(&mut out, &escape_start(&list)),
            }
        }
    }

    if !t.experience.is_empty() {
        section(&mut out, heading::EXPERIENCE);
        for p in &t.experience {
            // The dates on the title's line, as the PDF has them; role and
            // employer beneath, so a project with neither has no bare line.
            let dates = one_line(&p.dates);
            let mut title = format!("### {}", escape(&one_line(&p.name)));
            if !dates.is_empty() {
                title.push_str(PROJECT_SEPARATOR);
                title.push_str(&escape_inner(&dates));
            }
            block(&mut out, &title);
            if let Some(sub) = project_subtitle(p.role.as_deref(), p.client.as_deref()) {
                block(&mut out, &format!("*{}*", escape_inner(&sub)));
            }
            list(
                &mut out,
                p.bullets.iter().map(|b| one_line(&b.text).into_owned()),
            );
        }
    }

    if !t.highlights.is_empty() {
        section(&mut out, heading::HIGHLIGHTS);
        list(
            &mut out,
            t.highlights.iter().map(|b| one_line(&b.text).into_owned()),
        );
    }

    if !t.certifications.is_empty() {
        section(&mut out, heading::CERTIFICATIONS);
        list(&mut out, t.certifications.iter().map(certification_line));
    }

    if !t.education.is_empty() {
        section(&mut out, heading::EDUCATION);
        list(
            &mut out,
            t.education.iter().map(|e| match education_dates(e) {
                Some(d) => format!("{} · {d}", education_title(e)),
                None => education_title(e),
            }),
        );
    }

    if out.is_empty() {
        out.push('\n');
    }
    out
}

/// Appends a one-line block, separated from the block before it by a blank
/// line, so the output ends in exactly one newline.
fn block(out: &mut String, text: &str) {
    if !out.is_empty() {
        out.push('\n');
    }
    out.push_str(text);
    out.push('\n');
}

fn section(out: &mut String, title: &str) {
    block(out, &format!("## {title}"));
}

/// A tight `-` list, one item per text; empty texts are skipped.
fn list(out: &mut String, items: impl Iterator<Item = String>) {
    let mut body = String::new();
    for item in items.filter(|i| !i.is_empty()) {
        let _ = writeln!(body, "- {}", escape(&item));
    }
    if !body.is_empty() {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&body);
    }
}

/// Escapes text that starts a line (or follows a list marker or heading
/// marker), so it reads back as exactly this text.
pub(crate) fn escape(s: &str) -> String {
    escape_start(&escape_inner(s))
}

/// Escapes inline syntax anywhere in a line: emphasis, code, links, raw
/// HTML, entities, backslashes, and `#` that could close an ATX heading.
fn escape_inner(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut prev_space = true;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        // `&` only matters where it could start an entity (`&amp;`, `&#38;`).
        let entity = c == '&'
            && chars
                .peek()
                .is_some_and(|n| n.is_alphanumeric() || *n == '#');
        let special = matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '~')
            || entity
            || (c == '#' && prev_space);
        if special {
            out.push('\\');
        }
        out.push(c);
        prev_space = c.is_whitespace();
    }
    out
}

/// Escapes what only matters at the start of a line, on text that has been
/// through [`escape_inner`]: block quotes, list markers (`-`, `+`, `1.`,
/// `1)`), and setext underlines. (`#` and `*` are escaped everywhere.)
fn escape_start(s: &str) -> String {
    let first = s.chars().next();
    match first {
        Some('>' | '-' | '+' | '=') => format!("\\{s}"),
        Some(c) if c.is_ascii_digit() => {
            let digits = s.bytes().take_while(u8::is_ascii_digit).count();
            match s.as_bytes().get(digits) {
                Some(b'.' | b')') => format!("{}\\{}", &s[..digits], &s[digits..]),
                _ => s.to_string(),
            }
        }
        _ => s.to_string(),
    }
}

/// A link destination in pointy brackets, so spaces and parentheses need no
/// escaping; the three characters that could still break out are
/// percent-encoded, which leaves the URL meaning the same.
fn destination(url: &str) -> String {
    let mut out = String::with_capacity(url.len() + 2);
    out.push('<');
    for c in url.chars() {
        match c {
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '\\' => out.push_str("%5C"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('>');
    out
}

#[cfg(test)]
mod tests {
    use comrak::nodes::{AstNode, NodeValue};
    use comrak::{parse_document, Arena, Options};

    use super::*;
    use crate::tailored::sample;

    /// What a reader of the Markdown sees: headings and list items in order.
    #[derive(Debug, PartialEq)]
    enum Block {
        Heading(u8, String),
        Para(String),
        Item(String),
    }

    fn blocks(md: &str) -> Vec<Block> {
        let arena = Arena::new();
        let root = parse_document(&arena, md, &Options::default());
        let mut out = Vec::new();
        for node in root.children() {
            collect(node, &mut out);
        }
        out
    }

    fn collect<'a>(node: &'a AstNode<'a>, out: &mut Vec<Block>) {
        match &node.data().value {
            NodeValue::Heading(h) => out.push(Block::Heading(h.level, node.collect_text())),
            NodeValue::Paragraph => out.push(Block::Para(node.collect_text())),
            NodeValue::List(_) => {
                for item in node.children() {
                    assert_eq!(
                        item.children().count(),
                        1,
                        "a list item holds exactly one paragraph"
                    );
                    out.push(Block::Item(item.collect_text()));
                }
            }
            other => panic!("unexpected block {other:?}"),
        }
    }

    #[test]
    fn output_parses_back_to_the_same_structure_and_text() {
        let t = sample();
        let md = render(&t);
        let got = blocks(&md);
        let headings: Vec<(u8, &str)> = got
            .iter()
            .filter_map(|b| match b {
                Block::Heading(l, s) => Some((*l, s.as_str())),
                _ => None,
            })
            .collect();
        assert_eq!(
            headings,
            [
                (1, "Anna Müller-Lüdenscheidt"),
                (2, "Summary"),
                (2, "Skills"),
                (2, "Experience"),
                (3, "Payments Platform · Mar 2021 – Present"),
                (3, "Routing Engine · 2018 – Feb 2021"),
                (2, "Additional Experience"),
                (2, "Certifications"),
                (2, "Education"),
            ],
            "{md}"
        );
        let items: Vec<&str> = got
            .iter()
            .filter_map(|b| match b {
                Block::Item(s) => Some(s.as_str()),
                _ => None,
            })
            .collect();
        let bullets: Vec<&str> = t.bullet_texts().collect();
        assert_eq!(&items[..bullets.len()], &bullets[..], "{md}");
        assert_eq!(
            &items[bullets.len()..],
            [
                "Certified Kubernetes Administrator (CKA) — CNCF, 2022",
                "AWS Certified Solutions Architect – Professional",
                "MSc Computer Science — ETH Zürich · 2008 – 2010",
            ]
        );
        assert!(got.contains(&Block::Para(
            "Senior Platform Engineer — Cloud & Kubernetes".into()
        )));
        assert!(got.contains(&Block::Para("Lead Platform Engineer · Acme Bank".into())));
        for line in [
            "Languages: Rust, C#",
            "Infrastructure: Kubernetes, AWS Lambda, Terraform, CI/CD",
            "Frameworks & tools: Node.js",
        ] {
            assert!(got.contains(&Block::Para(line.into())), "{line}: {got:?}");
        }
        // Ungrouped skills are one line.
        let mut flat = sample();
        flat.skill_groups.clear();
        assert!(blocks(&render(&flat)).contains(&Block::Para(
            "Rust, C#, Kubernetes, AWS Lambda, Terraform, CI/CD, Node.js".into()
        )));
        assert!(got.contains(&Block::Para(
            "anna.mueller@example.com · +41 79 123 45 67 · Zürich, Switzerland · GitHub · LinkedIn"
                .into()
        )));
    }

    #[test]
    fn links_keep_their_urls() {
        let md = render(&sample());
        assert!(
            md.contains("[GitHub](<https://github.com/anna-example>)"),
            "{md}"
        );
        assert!(md.contains("[anna.mueller@example.com](<mailto:anna.mueller@example.com>)"));
    }

    #[test]
    fn tricky_text_round_trips() {
        for text in [
            "1) numbered",
            "2024. A year",
            "- dash",
            "+ plus",
            "> quote",
            "=== setext",
            "# hash and C# and trailing #",
            "a *star* _under_ `code` [link](x) <b>html</b> &amp; \\ back\\",
            "~~strike~~ ![img](y)",
            "AT&T &copy; &#169; & done",
            "***",
            "12345",
        ] {
            let mut t = sample();
            t.experience[0].bullets[0].text = text.into();
            t.experience[0].name = text.into();
            let md = render(&t);
            let got = blocks(&md);
            assert!(got.contains(&Block::Item(text.into())), "{text:?}:\n{md}");
            assert!(
                got.contains(&Block::Heading(3, format!("{text} · Mar 2021 – Present"))),
                "{text:?}:\n{md}"
            );
        }
    }

    #[test]
    fn a_contact_line_starting_with_a_phone_number_stays_a_paragraph() {
        let mut t = sample();
        t.person.contact.email.clear();
        let got = blocks(&render(&t));
        assert!(got.contains(&Block::Para(
            "+41 79 123 45 67 · Zürich, Switzerland · GitHub · LinkedIn".into()
        )));
    }

    proptest::proptest! {
        #[test]
        fn any_bullet_round_trips(text in "[ab1 .)+*_#>=<&;`\\[\\]()!\\\\~|:\u{a0}é→\t\n-]{1,24}") {
            let text = one_line(&text).into_owned();
            proptest::prop_assume!(!text.is_empty());
            let mut t = sample();
            t.experience[0].bullets[0].text = text.clone();
            t.experience[0].name = text.clone();
            let md = render(&t);
            let got = blocks(&md);
            proptest::prop_assert!(got.contains(&Block::Item(text.clone())), "{:?}:\n{}", text, md);
            proptest::prop_assert!(
                got.contains(&Block::Heading(3, format!("{text} · Mar 2021 – Present"))),
                "{:?}:\n{}", text, md
            );
        }
    }

    #[test]
    fn empty_sections_are_omitted() {
        let mut t = sample();
        t.highlights.clear();
        t.certifications.clear();
        t.summary = Some("  \n".into());
        let md = render(&t);
        assert!(!md.contains("## Additional Experience"));
        assert!(!md.contains("## Certifications"));
        assert!(!md.contains("## Summary"));
        assert!(
            md.ends_with("2008 – 2010\n") && !md.ends_with("\n\n"),
            "{md}"
        );
    }
}
