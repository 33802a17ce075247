//! Rendering: one [`Tailored`] value in, the bytes of one résumé file out.
//!
//! Each format is one small module with a `render(&Tailored, &RenderOptions)`
//! function; this file owns the list of formats, the options they share, and
//! the few helpers that keep the formats saying the same thing (contact items,
//! certification and education lines, whitespace). Renderers print the
//! value's strings verbatim and add only section headings, dates, contact
//! labels and separators. Choosing content is `select`'s job; writing files
//! is `app`'s.
//!
//! A new format is a new module here plus one arm in [`render`] and in
//! [`Format`].

use std::borrow::Cow;
use std::fmt;

use anyhow::Result;

use crate::profile::schema::{Certification, Education, End, Person};
use crate::tailored::{display_date, display_dates, Tailored};

pub mod docx;
pub mod html;
pub mod json_resume;
pub mod markdown;
pub mod pdf;
pub mod text;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    /// CommonMark with standard résumé headings.
    Markdown,
    /// A one-column PDF with an embedded font and a real text layer.
    Pdf,
    /// The Markdown rendered to a standalone, print-friendly HTML page.
    Html,
    /// Plain text for pasting into application forms.
    Text,
    /// A JSON Resume (jsonresume.org schema v1) document.
    JsonResume,
    /// A Word document (Office Open XML), laid out like the PDF.
    Docx,
}

impl Format {
    /// Every format, in the order help texts list them.
    pub const ALL: [Format; 6] = [
        Format::Markdown,
        Format::Pdf,
        Format::Docx,
        Format::Html,
        Format::Text,
        Format::JsonResume,
    ];

    /// The file extension, without the dot: `md`, `pdf`, `docx`, `html`,
    /// `txt`, `json`.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Pdf => "pdf",
            Format::Html => "html",
            Format::Text => "txt",
            Format::JsonResume => "json",
            Format::Docx => "docx",
        }
    }

    /// The format a file extension (without the dot, any case) stands for.
    pub fn from_extension(ext: &str) -> Option<Format> {
        match ext.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(Format::Markdown),
            "pdf" => Some(Format::Pdf),
            "html" | "htm" => Some(Format::Html),
            "txt" | "text" => Some(Format::Text),
            "json" => Some(Format::JsonResume),
            "docx" => Some(Format::Docx),
            _ => None,
        }
    }

    /// The format's name for messages: `Markdown`, `PDF`, `Word`, `HTML`,
    /// `plain text`, `JSON Resume`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Markdown => "Markdown",
            Format::Pdf => "PDF",
            Format::Html => "HTML",
            Format::Text => "plain text",
            Format::JsonResume => "JSON Resume",
            Format::Docx => "Word",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A paper size for paged formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Paper {
    /// ISO A4, 210 × 297 mm.
    #[default]
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
}

impl Paper {
    /// Width and height in millimetres.
    pub fn size_mm(self) -> (f32, f32) {
        match self {
            Paper::A4 => (210.0, 297.0),
            Paper::Letter => (215.9, 279.4),
        }
    }
}

/// Settings every renderer receives; most ignore most of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RenderOptions {
    /// Paper size (PDF only).
    pub paper: Paper,
}

/// Renders a résumé in one format.
///
/// The same input always gives the same bytes. Errors are rare and mean the
/// content cannot be shown faithfully in that format (a character the PDF
/// font lacks, say); they never come from I/O.
pub fn render(t: &Tailored, format: Format, opts: &RenderOptions) -> Result<Vec<u8>> {
    match format {
        Format::Markdown => Ok(markdown::render(t).into_bytes()),
        Format::Pdf => pdf::render(t, opts),
        Format::Html => Ok(html::render(t).into_bytes()),
        Format::Text => Ok(text::render(t).into_bytes()),
        Format::JsonResume => json_resume::render(t),
        Format::Docx => docx::render(t, opts),
    }
}

/// How many pages the PDF of this résumé has: layout only, no PDF is built,
/// so `--pages N` can call it after each bullet it drops.
pub fn pdf_page_count(t: &Tailored, opts: &RenderOptions) -> usize {
    pdf::page_count(t, opts)
}

/// How many pages the PDF of this résumé has, and the share of its last
/// page's text area (between the margins) that its lines take, 0 to 1:
/// layout only, like [`pdf_page_count`].
pub fn pdf_page_fill(t: &Tailored, opts: &RenderOptions) -> (usize, f32) {
    pdf::page_fill(t, opts)
}

/// The page budget without `--pages`: a résumé whose last page would be
/// filled less than this share ends a page earlier, its least relevant
/// bullets dropped. A third of an A4 text area is about 18 lines of body
/// text, five or six bullets: a page that thin reads as an overflow, not as
/// content, and recruiters take a full page as the résumé's length. In the
/// first 200 batch résumés 158 were 2 pages with a median of 12 lines on
/// the second (issue 10); the sample postings' second pages held 26 to 38%
/// of a page. More than a third is kept: it is content worth its page.
pub const MIN_LAST_PAGE_FILL: f32 = 1.0 / 3.0;

/// Ending a page earlier drops at most this many bullets: a third of a
/// page is five or six of them, one more when a project's title must move
/// with its first bullet. A résumé that needs more is left as it is.
pub const MAX_FILL_DROPS: usize = 7;

/// Ending a page earlier never drops more than this share of the
/// résumé's bullets: a short last page is better than a thin résumé.
pub const MAX_FILL_SHARE: f32 = 0.5;

/// The skills to print, each on one line, empty ones left out.
pub(crate) fn skill_lines(t: &Tailored) -> Vec<String> {
    clean_skills(&t.skills)
}

fn clean_skills(skills: &[String]) -> Vec<String> {
    skills
        .iter()
        .map(|s| one_line(s).into_owned())
        .filter(|s| !s.is_empty())
        .collect()
}

/// The skills section as rows: one per group (its heading and its skills),
/// or one row without a heading when the skills are not grouped. Empty
/// skills and empty groups are left out.
pub(crate) fn skill_rows(t: &Tailored) -> Vec<(Option<&str>, Vec<String>)> {
    if t.skill_groups.is_empty() {
        let all = skill_lines(t);
        return if all.is_empty() {
            Vec::new()
        } else {
            vec![(None, all)]
        };
    }
    t.skill_groups
        .iter()
        .map(|g| (Some(g.name.as_str()), clean_skills(&g.skills)))
        .filter(|(_, s)| !s.is_empty())
        .collect()
}

/// A skills row as résumés print it: "Languages: Python, SQL".
pub(crate) fn skill_row_text(label: Option<&str>, skills: &[String]) -> String {
    match label {
        Some(l) => format!("{l}: {}", skills.join(", ")),
        None => skills.join(", "),
    }
}

/// Profile text on one line: runs of ASCII whitespace (newlines from YAML
/// block scalars, tabs, double spaces) become one space, ends are trimmed.
/// Words and no-break spaces are untouched; this is the only change
/// renderers make to text.
pub(crate) fn one_line(s: &str) -> Cow<'_, str> {
    let clean = !s.starts_with(' ')
        && !s.ends_with(' ')
        && !s.contains("  ")
        && !s.bytes().any(|b| b.is_ascii_whitespace() && b != b' ');
    if clean {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(
            s.split(|c: char| c.is_ascii_whitespace())
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" "),
        )
    }
}

/// Profile text split into paragraphs at blank lines, each on one line
/// (see [`one_line`]); empty paragraphs are dropped.
pub(crate) fn paragraphs(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for line in s.lines() {
        if line.trim().is_empty() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(line);
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out.into_iter()
        .map(|p| one_line(&p).into_owned())
        .filter(|p| !p.is_empty())
        .collect()
}

/// One item of the contact line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ContactItem<'a> {
    /// What a link shows (its label), or the item itself.
    pub text: Cow<'a, str>,
    /// Where the item links to, if anywhere.
    pub url: Option<String>,
    /// Whether this is one of the profile's links (not email/phone/location).
    pub is_link: bool,
}

/// The contact line's items in order: email, phone, location, then links.
/// Empty fields are skipped.
pub(crate) fn contact_items(p: &Person) -> Vec<ContactItem<'_>> {
    let c = &p.contact;
    let mut items = Vec::new();
    let email = one_line(&c.email);
    if !email.is_empty() {
        items.push(ContactItem {
            url: Some(format!("mailto:{email}")),
            text: email,
            is_link: false,
        });
    }
    for field in [&c.phone, &c.location] {
        let text = one_line(field);
        if !text.is_empty() {
            items.push(ContactItem {
                text,
                url: None,
                is_link: false,
            });
        }
    }
    for link in &c.links {
        let url = one_line(&link.url);
        if url.is_empty() {
            continue;
        }
        let label = one_line(&link.label);
        items.push(ContactItem {
            text: if label.is_empty() { url.clone() } else { label },
            url: Some(url.into_owned()),
            is_link: true,
        });
    }
    items
}

/// A certification as one line: `Name — Issuer, 2023`.
pub(crate) fn certification_line(c: &Certification) -> String {
    let mut line = one_line(&c.name).into_owned();
    let details: Vec<String> = c
        .issuer
        .iter()
        .map(|i| one_line(i).into_owned())
        .filter(|i| !i.is_empty())
        .chain(c.year.map(|y| y.to_string()))
        .collect();
    if !details.is_empty() {
        line.push_str(" — ");
        line.push_str(&details.join(", "));
    }
    line
}

/// An education entry's dates for display, if it has any.
pub(crate) fn education_dates(e: &Education) -> Option<String> {
    match (e.start, e.end) {
        (Some(s), Some(end)) => Some(display_dates(s, end)),
        (Some(s), None) => Some(display_date(s)),
        (None, Some(End::Date(d))) => Some(display_date(d)),
        (None, Some(End::Present)) => Some("Present".to_string()),
        (None, None) => None,
    }
}

/// An education entry as one line, dates apart: `MSc Computer Science — ETH Zürich`.
pub(crate) fn education_title(e: &Education) -> String {
    let institution = one_line(&e.institution);
    match e.degree.as_deref().map(one_line).filter(|d| !d.is_empty()) {
        Some(d) => format!("{d} — {institution}"),
        None => institution.into_owned(),
    }
}

/// The line under a project's title: its role and employer,
/// `Lead · Eli Lilly`, either alone, or nothing.
///
/// The employer is not joined to the project's name: names carry dashes of
/// their own ("Maestro - Study Orchestration"), and a dash of tailor's
/// beside them read as one mixed separator (issue 10). Every format shows
/// a project the same way: the name (with the dates on its line where the
/// format has a right edge), then this line.
pub(crate) fn project_subtitle(role: Option<&str>, client: Option<&str>) -> Option<String> {
    let parts: Vec<String> = [role, client]
        .into_iter()
        .flatten()
        .map(|s| one_line(s).into_owned())
        .filter(|s| !s.is_empty())
        .collect();
    (!parts.is_empty()).then(|| parts.join(PROJECT_SEPARATOR))
}

/// What separates a project's role, employer and dates on one line.
pub(crate) const PROJECT_SEPARATOR: &str = " · ";

/// The résumé's document title for metadata: `Name — Résumé`, or
/// `Name — Résumé for Title at Company` when the posting is known.
pub(crate) fn document_title(t: &Tailored) -> String {
    let name = one_line(&t.person.name);
    let title = t.target.title.as_deref().map(one_line);
    let company = t.target.company.as_deref().map(one_line);
    match (title, company) {
        (Some(ti), Some(co)) => format!("{name} — Résumé for {ti} at {co}"),
        (Some(ti), None) => format!("{name} — Résumé for {ti}"),
        (None, Some(co)) => format!("{name} — Résumé for {co}"),
        (None, None) => format!("{name} — Résumé"),
    }
}

/// Section headings, shared so every format uses the words an ATS expects.
pub(crate) mod heading {
    pub const SUMMARY: &str = "Summary";
    pub const SKILLS: &str = "Skills";
    pub const EXPERIENCE: &str = "Experience";
    /// The profile's general bullets are true of all projects: experience
    /// that belongs to no one project. "Additional Experience" is a heading
    /// ATS parsers and recruiters know, and unlike "Achievements" it makes no
    /// claim the bullets themselves do not make.
    pub const HIGHLIGHTS: &str = "Additional Experience";
    pub const CERTIFICATIONS: &str = "Certifications";
    pub const EDUCATION: &str = "Education";
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tailored::sample;

    #[test]
    fn extensions_round_trip() {
        for f in Format::ALL {
            assert_eq!(Format::from_extension(f.extension()), Some(f));
        }
        assert_eq!(Format::from_extension("PDF"), Some(Format::Pdf));
        assert_eq!(Format::from_extension("DOCX"), Some(Format::Docx));
        assert_eq!(Format::from_extension("doc"), None);
    }

    #[test]
    fn one_line_collapses_whitespace_only() {
        assert_eq!(one_line("a b"), "a b");
        assert!(matches!(one_line("a b"), Cow::Borrowed(_)));
        assert_eq!(one_line(" a\n  b\tc "), "a b c");
        assert_eq!(one_line("2\u{a0}000"), "2\u{a0}000");
    }

    #[test]
    fn paragraphs_split_at_blank_lines() {
        assert_eq!(paragraphs("a\nb\n\n  \nc "), ["a b", "c"]);
        assert!(paragraphs(" \n").is_empty());
    }

    #[test]
    fn every_format_renders_the_sample_deterministically() {
        let t = sample();
        let opts = RenderOptions::default();
        for f in Format::ALL {
            let a = render(&t, f, &opts).unwrap();
            let b = render(&t, f, &opts).unwrap();
            assert!(!a.is_empty(), "{f}");
            assert!(a == b, "{f} output differs between two renders");
        }
    }

    /// `cargo test -- --ignored write_samples` writes the sample résumé in
    /// every format to `target/samples/` for a person (or
    /// `scripts/validate-json-resume.sh`) to check.
    #[test]
    #[ignore = "writes files for a person to look at"]
    fn write_samples() {
        let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/target/samples"));
        std::fs::create_dir_all(dir).unwrap();
        for f in Format::ALL {
            let bytes = render(&sample(), f, &RenderOptions::default()).unwrap();
            std::fs::write(dir.join(format!("sample.{}", f.extension())), bytes).unwrap();
        }
    }

    #[test]
    fn an_empty_resume_renders_in_every_format() {
        let mut t = sample();
        t.person = Person::default();
        t.summary = None;
        t.skills.clear();
        t.skill_groups.clear();
        t.experience.clear();
        t.highlights.clear();
        t.certifications.clear();
        t.education.clear();
        t.target = Default::default();
        for f in Format::ALL {
            render(&t, f, &RenderOptions::default()).unwrap();
        }
        assert_eq!(pdf_page_count(&t, &RenderOptions::default()), 1);
    }

    #[test]
    fn a_project_subtitle_joins_role_and_employer_or_is_absent() {
        let sub = |r, c| project_subtitle(r, c);
        assert_eq!(
            sub(Some("Lead"), Some("Eli Lilly")).unwrap(),
            "Lead · Eli Lilly"
        );
        assert_eq!(sub(None, Some(" Eli\nLilly ")).unwrap(), "Eli Lilly");
        assert_eq!(sub(Some("Lead"), Some(" ")).unwrap(), "Lead");
        assert_eq!(sub(None, None), None);
        assert_eq!(sub(Some(""), None), None);
    }

    /// Issue 10: a project with no role and no employer (the
    /// pharmacovigilance one) showed a bare "2024" under its name.
    #[test]
    fn a_project_without_role_or_employer_is_its_name_and_dates() {
        let mut t = sample();
        t.experience[1].role = None;
        t.experience[1].client = None;
        let text = |f| String::from_utf8(render(&t, f, &RenderOptions::default()).unwrap());
        let md = text(Format::Markdown).unwrap();
        assert!(
            md.contains("### Routing Engine · 2018 – Feb 2021\n\n- 1\\. Designed"),
            "{md}"
        );
        let txt = text(Format::Text).unwrap();
        assert!(
            txt.contains("\nRouting Engine · 2018 – Feb 2021\n- 1. Designed"),
            "{txt}"
        );
        let html = text(Format::Html).unwrap();
        assert!(html.contains(
            "<div class=\"entry\"><h3>Routing Engine</h3>\
             <span class=\"dates\">2018 – Feb 2021</span></div>\n<ul>"
        ));
        // Every format: no separator left dangling, no empty line of its own.
        for f in [Format::Markdown, Format::Text, Format::Html] {
            let s = text(f).unwrap();
            assert!(
                !s.contains("· \n")
                    && !s.contains("\n· ")
                    && !s.contains("\n**\n")
                    && !s.contains("<p class=\"role\"></p>"),
                "{f}"
            );
        }
    }

    #[test]
    fn contact_items_skip_empty_fields() {
        let mut p = sample().person;
        p.contact.phone.clear();
        let items = contact_items(&p);
        let texts: Vec<&str> = items.iter().map(|i| i.text.as_ref()).collect();
        assert_eq!(
            texts,
            [
                "anna.mueller@example.com",
                "Zürich, Switzerland",
                "GitHub",
                "LinkedIn"
            ]
        );
        assert_eq!(
            items[0].url.as_deref(),
            Some("mailto:anna.mueller@example.com")
        );
    }
}
