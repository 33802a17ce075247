//! `tailor import`: Markdown skills matrices -> a [`Profile`], and a report
//! of what was merged and what could not be placed.
//!
//! The matrix format (see `docs/profile.md`): `## Basic Understanding` …
//! `## Expert Understanding` give levels, `###` headings skill areas, a bold
//! line (`**Maestro - Study Orchestration**`) a project and the list under it
//! its bullets; `## Certifications` lists certifications; `## Experience`
//! has one `### Name(2024-Present):` narrative per project. Several files
//! merge into one profile, the first file winning ties. Nothing is dropped
//! silently: every list item, paragraph or block ends up in the profile, in
//! a merge, or in [`Report::unplaced`].
//!
//! This module is pure: `app` reads the files and writes the YAML.

use std::collections::{BTreeSet, HashMap};
use std::fmt;

use comrak::nodes::{AstNode, NodeValue};
use comrak::{parse_document, Arena, Options};

use super::schema::{
    Bullet, Certification, End, Level, Person, Profile, Project, SkillArea, Summary, YearMonth,
};
use super::terms;

/// Where something came from: a file as the user named it and a 1-based line.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Source {
    pub file: String,
    pub line: usize,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// A profile made from matrices, and what happened on the way.
#[derive(Debug, Clone, PartialEq)]
pub struct Import {
    pub profile: Profile,
    pub report: Report,
    /// Ids of projects no narrative gave dates for; their `start`/`end` are
    /// written as `TODO` so that loading the file fails until they are set.
    pub undated: Vec<String>,
    /// Files that gave nothing at all: no matrix bullet, narrative,
    /// certification or summary.
    pub empty_files: Vec<String>,
}

/// What an import merged, kept apart or could not place.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    pub merged_projects: Vec<MergedProject>,
    pub merged_bullets: Vec<MergedBullet>,
    pub kept_apart: Vec<KeptApart>,
    pub unplaced: Vec<Unplaced>,
    /// Other things worth a look (undated projects, conflicting levels).
    pub notes: Vec<(Source, String)>,
}

/// A project name folded into another project.
#[derive(Debug, Clone, PartialEq)]
pub struct MergedProject {
    pub name: String,
    pub source: Source,
    /// The name the project has in the profile.
    pub into: String,
}

/// A bullet (or narrative) folded into a near-duplicate.
#[derive(Debug, Clone, PartialEq)]
pub struct MergedBullet {
    /// The text that is not in the profile.
    pub dropped: String,
    pub dropped_source: Source,
    /// Where the text that was kept came from.
    pub kept_source: Source,
}

/// Two similar bullets both kept because their figures differ.
#[derive(Debug, Clone, PartialEq)]
pub struct KeptApart {
    pub first: Source,
    pub second: Source,
}

/// Content the import found no place for.
#[derive(Debug, Clone, PartialEq)]
pub struct Unplaced {
    pub source: Source,
    /// What it is ("code block", "sub-item", "paragraph").
    pub kind: String,
    /// Its full text.
    pub text: String,
}

/// Merges skills matrices, given as (file name, text) pairs, newest and
/// fullest first.
pub fn import(files: &[(String, String)]) -> Import {
    let mut raw = Raw::default();
    for (name, text) in files {
        scan(name, text, &mut raw);
    }
    assemble(raw)
}

// ---------------------------------------------------------------------------
// Scanning one file

#[derive(Debug, Default)]
struct Raw {
    bullets: Vec<RawBullet>,
    /// Every project mention, matrix or narrative, in reading order.
    mentions: Vec<(String, Source)>,
    narratives: Vec<Narrative>,
    areas: Vec<(String, Level, Source)>,
    certifications: Vec<(String, Source)>,
    summaries: Vec<(String, Source)>,
    unplaced: Vec<Unplaced>,
    notes: Vec<(Source, String)>,
}

#[derive(Debug, Clone)]
struct RawBullet {
    text: String,
    area: String,
    /// `None` for "All Applications".
    project: Option<String>,
    source: Source,
}

#[derive(Debug, Clone)]
struct Narrative {
    name: String,
    dates: Option<(YearMonth, End)>,
    paragraphs: Vec<String>,
    source: Source,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Section {
    Preamble,
    Level(Level),
    Certifications,
    Experience,
    Other,
}

#[derive(Debug, Clone, PartialEq)]
enum Owner {
    Project(String),
    General,
}

fn scan(file: &str, text: &str, raw: &mut Raw) {
    let arena = Arena::new();
    let root = parse_document(&arena, text, &Options::default());
    let src = |node: &AstNode| Source {
        file: file.to_string(),
        line: node.data().sourcepos.start.line,
    };
    let mut section = Section::Preamble;
    let mut area: Option<String> = None;
    let mut owner: Option<Owner> = None;
    let mut narrative: Option<usize> = None;
    for node in root.children() {
        let value = node.data().value.clone();
        match value {
            NodeValue::Heading(h) => {
                let title = inline_text(node);
                match h.level {
                    1 => {
                        section = Section::Preamble;
                        (area, owner, narrative) = (None, None, None);
                    }
                    2 => {
                        section = classify_section(&title);
                        (area, owner, narrative) = (None, None, None);
                        if section == Section::Other {
                            raw.unplaced(src(node), "section heading", &title);
                        }
                    }
                    3 if matches!(section, Section::Level(_)) => {
                        if let Section::Level(level) = section {
                            raw.areas.push((title.clone(), level, src(node)));
                        }
                        area = Some(title);
                        owner = None;
                    }
                    3 if section == Section::Experience => {
                        let n = parse_narrative(&title, src(node));
                        if n.dates.is_none() {
                            raw.notes.push((
                                n.source.clone(),
                                format!("no dates in heading \"{title}\" (expected \"Name(2020-2021):\")"),
                            ));
                        }
                        raw.mentions.push((n.name.clone(), n.source.clone()));
                        raw.narratives.push(n);
                        narrative = Some(raw.narratives.len() - 1);
                    }
                    _ => raw.unplaced(src(node), "heading", &title),
                }
            }
            NodeValue::Paragraph => {
                if let Some(name) = bold_only(node) {
                    if matches!(section, Section::Level(_)) && area.is_some() {
                        let name = name.trim_end_matches(':').trim().to_string();
                        owner = Some(if is_general(&name) {
                            Owner::General
                        } else {
                            raw.mentions.push((name.clone(), src(node)));
                            Owner::Project(name)
                        });
                        continue;
                    }
                }
                let text = inline_text(node);
                match narrative {
                    Some(i) if section == Section::Experience => {
                        raw.narratives[i].paragraphs.push(text)
                    }
                    _ => raw.unplaced(src(node), "paragraph", &text),
                }
            }
            NodeValue::List(_) => match (&section, &area, &owner) {
                (Section::Level(_), Some(area), Some(owner)) => {
                    for item in node.children() {
                        let Some(text) = item_text(item, file, raw) else {
                            continue;
                        };
                        raw.bullets.push(RawBullet {
                            text,
                            area: area.clone(),
                            project: match owner {
                                Owner::Project(p) => Some(p.clone()),
                                Owner::General => None,
                            },
                            source: src(item),
                        });
                    }
                }
                (Section::Certifications, _, _) => {
                    for item in node.children() {
                        if let Some(text) = item_text(item, file, raw) {
                            for name in text.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                                raw.certifications.push((name.to_string(), src(item)));
                            }
                        }
                    }
                }
                (Section::Experience, _, _) if narrative.is_none() => {
                    summaries_from(node, file, raw);
                }
                _ => unplaced_list(node, file, raw, "list item"),
            },
            NodeValue::ThematicBreak => {}
            NodeValue::CodeBlock(cb) => {
                raw.unplaced(src(node), "code block", cb.literal.trim_end());
            }
            _ => {
                let text = node.collect_text();
                raw.unplaced(src(node), "block", text.trim());
            }
        }
    }
}

impl Raw {
    fn unplaced(&mut self, source: Source, kind: &str, text: &str) {
        self.unplaced.push(Unplaced {
            source,
            kind: kind.to_string(),
            text: text.to_string(),
        });
    }
}

fn classify_section(title: &str) -> Section {
    let lower = title.to_lowercase();
    if lower.contains("understanding") {
        let level = match lower.split_whitespace().next() {
            Some("basic") => Some(Level::Basic),
            Some("strong") => Some(Level::Strong),
            Some("advanced") => Some(Level::Advanced),
            Some("expert") => Some(Level::Expert),
            _ => None,
        };
        if let Some(l) = level {
            return Section::Level(l);
        }
    }
    if lower.starts_with("certification") {
        Section::Certifications
    } else if lower.contains("experience") {
        Section::Experience
    } else {
        Section::Other
    }
}

fn is_general(name: &str) -> bool {
    let n = name.to_lowercase();
    n == "all applications" || n == "all projects" || n == "general"
}

/// `Maestro - Study Orchestration(2024-Present):` -> name and dates.
fn parse_narrative(title: &str, source: Source) -> Narrative {
    let t = title.trim().trim_end_matches(':').trim();
    let mut name = t.to_string();
    let mut dates = None;
    if let (Some(open), true) = (t.rfind('('), t.ends_with(')')) {
        if let Some(d) = parse_dates(&t[open + 1..t.len() - 1]) {
            name = t[..open].trim().to_string();
            dates = Some(d);
        }
    }
    Narrative {
        name,
        dates,
        paragraphs: Vec::new(),
        source,
    }
}

/// `2024-Present`, `2020 - 2021`, `2019`, `2020-03 – 2021-11`.
fn parse_dates(s: &str) -> Option<(YearMonth, End)> {
    let s: String = s
        .chars()
        .map(|c| if c == '–' || c == '—' { '-' } else { c })
        .filter(|c| !c.is_whitespace())
        .collect();
    let parts: Vec<&str> = s.split('-').collect();
    let ym = |y: &str, m: Option<&str>| -> Option<YearMonth> {
        match m {
            Some(m) => format!("{y}-{m}").parse().ok(),
            None => y.parse().ok(),
        }
    };
    let end = |p: &[&str]| -> Option<End> {
        match p {
            [e] if e.eq_ignore_ascii_case("present") => Some(End::Present),
            [y] => ym(y, None).map(End::Date),
            [y, m] => ym(y, Some(m)).map(End::Date),
            _ => None,
        }
    };
    match parts.as_slice() {
        [y] => ym(y, None).map(|d| (d, End::Date(d))),
        [y, rest @ ..] if rest.len() == 1 => Some((ym(y, None)?, end(rest)?)),
        [y, m, rest @ ..] if m.len() <= 2 && !rest.is_empty() => {
            Some((ym(y, Some(m))?, end(rest)?))
        }
        [y, rest @ ..] => Some((ym(y, None)?, end(rest)?)),
        [] => None,
    }
}

/// The text of a paragraph that is nothing but one bold span.
fn bold_only<'a>(para: &'a AstNode<'a>) -> Option<String> {
    let mut strong = None;
    for child in para.children() {
        match &child.data().value {
            NodeValue::Strong if strong.is_none() => strong = Some(inline_text(child)),
            NodeValue::Text(t) if t.trim().is_empty() || t.trim() == ":" => {}
            NodeValue::SoftBreak | NodeValue::LineBreak => {}
            _ => return None,
        }
    }
    strong.filter(|s| !s.is_empty())
}

/// Inline content as plain text: markup dropped, line breaks as spaces,
/// whitespace collapsed.
fn inline_text<'a>(node: &'a AstNode<'a>) -> String {
    let mut out = String::new();
    push_inline(node, &mut out);
    collapse(&out)
}

fn push_inline<'a>(node: &'a AstNode<'a>, out: &mut String) {
    for child in node.children() {
        match &child.data().value {
            NodeValue::Text(t) => out.push_str(t),
            NodeValue::Code(c) => out.push_str(&c.literal),
            NodeValue::HtmlInline(h) => out.push_str(h),
            NodeValue::SoftBreak | NodeValue::LineBreak => out.push(' '),
            _ => push_inline(child, out),
        }
    }
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A list item's text (its first paragraph). Lines of that paragraph that
/// are only emphasis (`*MORE HERE*`, a lazy continuation), further blocks
/// and sub-lists are reported as unplaced.
fn item_text<'a>(item: &'a AstNode<'a>, file: &str, raw: &mut Raw) -> Option<String> {
    let mut text = None;
    for child in item.children() {
        let line = child.data().sourcepos.start.line;
        let source = Source {
            file: file.to_string(),
            line,
        };
        match child.data().value.clone() {
            NodeValue::Paragraph if text.is_none() => {
                let (own, notes) = split_note_lines(child);
                for (offset, note) in notes {
                    raw.unplaced(
                        Source {
                            file: file.to_string(),
                            line: line + offset,
                        },
                        "note",
                        &note,
                    );
                }
                text = Some(own).filter(|t| !t.is_empty());
            }
            NodeValue::List(_) => unplaced_list(child, file, raw, "sub-item"),
            NodeValue::CodeBlock(cb) => raw.unplaced(source, "code block", cb.literal.trim_end()),
            _ => {
                let t = collapse(&child.collect_text());
                raw.unplaced(source, "paragraph", &t);
            }
        }
    }
    text
}

/// Splits a paragraph into its own text and the lines after the first that
/// hold nothing but emphasis (with their line offsets).
fn split_note_lines<'a>(para: &'a AstNode<'a>) -> (String, Vec<(usize, String)>) {
    let mut lines: Vec<Vec<&'a AstNode<'a>>> = vec![Vec::new()];
    for child in para.children() {
        match child.data().value {
            NodeValue::SoftBreak | NodeValue::LineBreak => lines.push(Vec::new()),
            _ => lines.last_mut().expect("one line at least").push(child),
        }
    }
    let mut own = String::new();
    let mut notes = Vec::new();
    for (i, nodes) in lines.iter().enumerate() {
        let mut text = String::new();
        let mut emphasis_only = true;
        for n in nodes {
            match &n.data().value {
                NodeValue::Emph | NodeValue::Strong => push_inline(n, &mut text),
                NodeValue::Text(t) => {
                    emphasis_only &= t.trim().is_empty();
                    text.push_str(t);
                }
                NodeValue::Code(c) => {
                    emphasis_only = false;
                    text.push_str(&c.literal);
                }
                NodeValue::HtmlInline(h) => {
                    emphasis_only = false;
                    text.push_str(h);
                }
                _ => {
                    emphasis_only = false;
                    push_inline(n, &mut text);
                }
            }
        }
        let text = collapse(&text);
        if i > 0 && emphasis_only && !text.is_empty() {
            notes.push((i, text));
        } else {
            if !own.is_empty() {
                own.push(' ');
            }
            own.push_str(&text);
        }
    }
    (collapse(&own), notes)
}

/// Reports every item of a list (and its sub-lists) as unplaced.
fn unplaced_list<'a>(list: &'a AstNode<'a>, file: &str, raw: &mut Raw, kind: &str) {
    for item in list.children() {
        let source = Source {
            file: file.to_string(),
            line: item.data().sourcepos.start.line,
        };
        if let Some(text) = item_text(item, file, raw) {
            raw.unplaced(source, kind, &text);
        }
    }
}

/// `- **Work Experience**:` with sub-items: each sub-item is a summary
/// sentence; a plain item is one too.
fn summaries_from<'a>(list: &'a AstNode<'a>, file: &str, raw: &mut Raw) {
    for item in list.children() {
        let source = Source {
            file: file.to_string(),
            line: item.data().sourcepos.start.line,
        };
        for child in item.children() {
            match child.data().value {
                NodeValue::Paragraph => {
                    // A bold label ("**Work Experience**:") is structure.
                    if bold_only(child).is_none() {
                        let (own, _) = split_note_lines(child);
                        raw.summaries.push((own, source.clone()));
                    }
                }
                NodeValue::List(_) => {
                    for sub in child.children() {
                        let s = Source {
                            file: file.to_string(),
                            line: sub.data().sourcepos.start.line,
                        };
                        if let Some(t) = item_text(sub, file, raw) {
                            raw.summaries.push((t, s));
                        }
                    }
                }
                _ => {
                    let t = collapse(&child.collect_text());
                    raw.unplaced(source.clone(), "block", &t);
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Merging everything into one profile

/// A project being assembled: every name it was seen under.
#[derive(Debug)]
struct Cluster {
    names: Vec<(String, Source)>,
    narrative: Option<usize>,
    bullets: Vec<Merged>,
}

/// A bullet being assembled.
#[derive(Debug)]
struct Merged {
    text: String,
    source: Source,
    skills: Vec<String>,
}

fn assemble(raw: Raw) -> Import {
    let mut report = Report {
        unplaced: raw.unplaced.clone(),
        notes: raw.notes.clone(),
        ..Report::default()
    };
    let mut placed: BTreeSet<String> = BTreeSet::new();

    // Projects: cluster the names.
    let mut clusters: Vec<Cluster> = Vec::new();
    for (name, source) in &raw.mentions {
        let found = clusters
            .iter()
            .position(|c| c.names.iter().any(|(n, _)| same_project(n, name)));
        let i = match found {
            Some(i) => i,
            None => {
                clusters.push(Cluster {
                    names: Vec::new(),
                    narrative: None,
                    bullets: Vec::new(),
                });
                clusters.len() - 1
            }
        };
        if !clusters[i].names.iter().any(|(n, _)| n == name) {
            clusters[i].names.push((name.clone(), source.clone()));
        }
    }
    let cluster_of = |name: &str, clusters: &[Cluster]| {
        clusters
            .iter()
            .position(|c| c.names.iter().any(|(n, _)| n == name))
            .expect("every mention was clustered")
    };

    // Narratives: the first one of a project wins; others merge into it.
    for (ni, n) in raw.narratives.iter().enumerate() {
        placed.insert(n.source.file.clone());
        let ci = cluster_of(&n.name, &clusters);
        match clusters[ci].narrative {
            None => clusters[ci].narrative = Some(ni),
            Some(first) => {
                let kept = &raw.narratives[first];
                let (a, b) = (kept.paragraphs.join("\n\n"), n.paragraphs.join("\n\n"));
                if a != b || kept.dates != n.dates {
                    report.merged_bullets.push(MergedBullet {
                        dropped: b,
                        dropped_source: n.source.clone(),
                        kept_source: kept.source.clone(),
                    });
                }
            }
        }
    }

    // Bullets, project by project, in reading order.
    let mut general: Vec<Merged> = Vec::new();
    for b in &raw.bullets {
        placed.insert(b.source.file.clone());
        let list = match &b.project {
            Some(p) => {
                let ci = cluster_of(p, &clusters);
                &mut clusters[ci].bullets
            }
            None => &mut general,
        };
        add_bullet(list, b, &mut report);
    }

    // Names: a narrative's name, else the fullest one.
    let mut projects = Vec::new();
    let mut ids: HashMap<String, usize> = HashMap::new();
    let mut undated = Vec::new();
    for c in &clusters {
        let narrative = c.narrative.map(|i| &raw.narratives[i]);
        let name = match narrative {
            Some(n) => n.name.clone(),
            None => c
                .names
                .iter()
                .max_by_key(|(n, _)| (tokens(n).len(), n.len()))
                .map(|(n, _)| n.clone())
                .unwrap_or_default(),
        };
        for (n, source) in &c.names {
            if *n != name {
                report.merged_projects.push(MergedProject {
                    name: n.clone(),
                    source: source.clone(),
                    into: name.clone(),
                });
            }
        }
        let id = unique(&mut ids, slug(&strip_parens(&name), 6));
        let (start, end) = match narrative.and_then(|n| n.dates) {
            Some(d) => d,
            None => {
                undated.push(id.clone());
                report.notes.push((
                    c.names[0].1.clone(),
                    format!(
                        "project \"{name}\" has no dates: start and end are written as TODO; set them"
                    ),
                ));
                let zero = YearMonth {
                    year: 0,
                    month: None,
                };
                (zero, End::Present)
            }
        };
        let summary = narrative
            .map(|n| n.paragraphs.join("\n\n"))
            .filter(|s| !s.is_empty());
        let mut bullet_ids: HashMap<String, usize> = HashMap::new();
        let bullets = c
            .bullets
            .iter()
            .map(|m| finish(m, &id, &mut bullet_ids, &mut ids))
            .collect();
        projects.push(Project {
            id,
            name,
            client: None,
            role: None,
            start,
            end,
            summary,
            bullets,
        });
    }
    // Most recent first; undated last, in reading order.
    projects.sort_by_key(|p| {
        let dated = !undated.contains(&p.id);
        (
            std::cmp::Reverse(dated),
            std::cmp::Reverse(p.end.months(u32::MAX)),
            std::cmp::Reverse(p.start.months(1)),
        )
    });
    let mut general_ids = HashMap::new();
    let general = general
        .iter()
        .map(|m| finish(m, "general", &mut general_ids, &mut ids))
        .collect();

    // Skill areas: the first level given wins; keywords from their bullets.
    let mut skills: Vec<SkillArea> = Vec::new();
    for (name, level, source) in &raw.areas {
        match skills.iter().find(|s| s.name.eq_ignore_ascii_case(name)) {
            Some(s) if s.level != *level => report.notes.push((
                source.clone(),
                format!(
                    "skill area \"{name}\" is {} here but {} earlier; kept {}",
                    level.as_str(),
                    s.level.as_str(),
                    s.level.as_str()
                ),
            )),
            Some(_) => {}
            None => skills.push(SkillArea {
                name: name.clone(),
                level: *level,
                keywords: Vec::new(),
            }),
        }
    }
    let mut profile = Profile {
        person: Person {
            name: "Your Name".to_string(),
            headline: String::new(),
            contact: super::schema::Contact {
                email: "you@example.com".to_string(),
                ..Default::default()
            },
        },
        projects,
        general,
        skills,
        ..Profile::default()
    };
    let mut keywords: Vec<(String, Vec<String>)> = Vec::new();
    for (_, b) in profile.bullets() {
        for area in &b.skills {
            let i = match keywords.iter().position(|(a, _)| a == area) {
                Some(i) => i,
                None => {
                    keywords.push((area.clone(), Vec::new()));
                    keywords.len() - 1
                }
            };
            for t in &b.tags {
                if !keywords[i].1.contains(t) {
                    keywords[i].1.push(t.clone());
                }
            }
        }
    }
    for s in &mut profile.skills {
        if let Some((_, k)) = keywords.iter().find(|(a, _)| a == &s.name) {
            s.keywords = k.clone();
        }
    }

    for (name, source) in &raw.certifications {
        placed.insert(source.file.clone());
        if !profile.certifications.iter().any(|c| &c.name == name) {
            profile.certifications.push(Certification {
                name: name.clone(),
                issuer: None,
                year: None,
            });
        }
    }
    let mut summary_ids = HashMap::new();
    for (text, source) in &raw.summaries {
        placed.insert(source.file.clone());
        if !profile.summaries.iter().any(|s| &s.text == text) {
            let id = unique(&mut summary_ids, slug(text, 3));
            profile.summaries.push(Summary {
                id,
                text: text.clone(),
                tags: Vec::new(),
            });
        }
    }

    let mut empty_files: Vec<String> = Vec::new();
    for u in report
        .unplaced
        .iter()
        .map(|u| &u.source.file)
        .chain(raw.mentions.iter().map(|(_, s)| &s.file))
    {
        if !placed.contains(u) && !empty_files.contains(u) {
            empty_files.push(u.clone());
        }
    }
    Import {
        profile,
        report,
        undated,
        empty_files,
    }
}

/// Adds a bullet to a project's list: merged into a near-duplicate (the
/// fuller text kept, skill areas joined) unless their figures differ.
fn add_bullet(list: &mut Vec<Merged>, b: &RawBullet, report: &mut Report) {
    for m in list.iter_mut() {
        if !similar(&m.text, &b.text) {
            continue;
        }
        if figures_conflict(&m.text, &b.text) {
            report.kept_apart.push(KeptApart {
                first: m.source.clone(),
                second: b.source.clone(),
            });
            continue;
        }
        if !m.skills.contains(&b.area) {
            m.skills.push(b.area.clone());
        }
        if m.text != b.text {
            if fuller(&b.text, &m.text) {
                report.merged_bullets.push(MergedBullet {
                    dropped: std::mem::replace(&mut m.text, b.text.clone()),
                    dropped_source: std::mem::replace(&mut m.source, b.source.clone()),
                    kept_source: b.source.clone(),
                });
            } else {
                report.merged_bullets.push(MergedBullet {
                    dropped: b.text.clone(),
                    dropped_source: b.source.clone(),
                    kept_source: m.source.clone(),
                });
            }
        }
        return;
    }
    list.push(Merged {
        text: b.text.clone(),
        source: b.source.clone(),
        skills: vec![b.area.clone()],
    });
}

fn finish(
    m: &Merged,
    prefix: &str,
    local: &mut HashMap<String, usize>,
    global: &mut HashMap<String, usize>,
) -> Bullet {
    let base = format!("{prefix}-{}", slug(&m.text, 3));
    let id = unique(local, base);
    let id = unique(global, id);
    Bullet {
        id,
        text: m.text.clone(),
        skills: m.skills.clone(),
        tags: tags_for(&m.text),
    }
}

/// The hard-skill terms a bullet evidences. One function so the keywords
/// stage can swap in the real lexicon.
fn tags_for(text: &str) -> Vec<String> {
    terms::tags_for(text)
}

/// `base`, or `base-2`, `base-3`… if already taken.
fn unique(taken: &mut HashMap<String, usize>, base: String) -> String {
    let n = taken.entry(base.clone()).or_insert(0);
    *n += 1;
    if *n == 1 {
        base
    } else {
        let id = format!("{base}-{n}");
        taken.insert(id.clone(), 1);
        id
    }
}

const STOP: &[&str] = &[
    "a", "an", "and", "the", "of", "to", "for", "in", "on", "with", "by", "via", "as", "at",
    "from", "that", "this", "was", "were", "is", "are", "be", "it", "its", "into", "over", "our",
    "my", "i",
];

/// Lowercase words (letters and digits) of a text.
fn tokens(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// A slug of the first `words` significant words.
fn slug(s: &str, words: usize) -> String {
    let t: Vec<String> = tokens(&fold(s))
        .into_iter()
        .filter(|w| !STOP.contains(&w.as_str()))
        .take(words)
        .collect();
    if t.is_empty() {
        "item".to_string()
    } else {
        t.join("-")
    }
}

/// Accents folded to ASCII where possible (é -> e), for slugs and similarity.
fn fold(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfkd()
        .filter(|c| c.is_ascii() || c.is_alphanumeric() && !is_mark(*c))
        .collect()
}

fn is_mark(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

fn strip_parens(s: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Two names of one project: the same words, one's words all within the
/// other's (two words at least, or the same first word: "eCTS" and "eCTS
/// (Enterprise Clinical Trial System)"), or nearly the same letters.
pub(crate) fn same_project(a: &str, b: &str) -> bool {
    let (ta, tb) = (tokens(&fold(a)), tokens(&fold(b)));
    if ta.is_empty() || tb.is_empty() {
        return false;
    }
    if ta == tb {
        return true;
    }
    let (small, large) = if ta.len() <= tb.len() {
        (&ta, &tb)
    } else {
        (&tb, &ta)
    };
    if small.iter().all(|w| large.contains(w)) && (small.len() >= 2 || small[0] == large[0]) {
        return true;
    }
    strsim::sorensen_dice(&ta.join(" "), &tb.join(" ")) >= 0.85
}

/// Near-duplicate bullets: their first sentences (the claim) are the same
/// words, one's words all within the other's in order (an older, shorter
/// version), or share most letter pairs.
pub(crate) fn similar(a: &str, b: &str) -> bool {
    let (ta, tb) = (
        tokens(&fold(first_sentence(a))),
        tokens(&fold(first_sentence(b))),
    );
    if ta.is_empty() || tb.is_empty() {
        return ta == tb;
    }
    let (small, large) = if ta.len() <= tb.len() {
        (&ta, &tb)
    } else {
        (&tb, &ta)
    };
    if small.len() >= 5 && is_subsequence(small, large) {
        return true;
    }
    strsim::sorensen_dice(&ta.join(" "), &tb.join(" ")) >= 0.8
}

/// Whether every word of `small` appears in `large`, in order.
fn is_subsequence(small: &[String], large: &[String]) -> bool {
    let mut rest = large.iter();
    small.iter().all(|w| rest.any(|l| l == w))
}

/// Up to the first ". " before a capital letter.
fn first_sentence(s: &str) -> &str {
    let mut from = 0;
    while let Some(i) = s[from..].find(". ") {
        let at = from + i;
        if s[at + 2..].starts_with(|c: char| c.is_uppercase()) {
            return &s[..at + 1];
        }
        from = at + 2;
    }
    s
}

/// The figures of a text: words with a digit ("30%", "2–3", "180").
fn figures(s: &str) -> BTreeSet<String> {
    s.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '%'))
        .filter(|w| w.chars().any(|c| c.is_ascii_digit()))
        .map(str::to_lowercase)
        .collect()
}

/// Figures conflict when each text has one the other lacks.
fn figures_conflict(a: &str, b: &str) -> bool {
    let (fa, fb) = (figures(a), figures(b));
    !fa.is_subset(&fb) && !fb.is_subset(&fa)
}

/// Whether `a` is the fuller of two near-duplicates: more figures, else
/// more words; a tie keeps the one already there.
fn fuller(a: &str, b: &str) -> bool {
    (figures(a).len(), tokens(a).len()) > (figures(b).len(), tokens(b).len())
}

// ---------------------------------------------------------------------------
// Output

impl Import {
    /// The profile as YAML, with a header naming the sources, and `TODO`
    /// for dates no narrative gave.
    pub fn to_yaml(&self, sources: &[String]) -> String {
        let mut value = serde_yaml::to_value(&self.profile).expect("a profile serialises");
        if let Some(projects) = value
            .get_mut("projects")
            .and_then(serde_yaml::Value::as_sequence_mut)
        {
            for p in projects {
                let undated = p
                    .get("id")
                    .and_then(serde_yaml::Value::as_str)
                    .is_some_and(|id| self.undated.iter().any(|u| u == id));
                if let (true, Some(map)) = (undated, p.as_mapping_mut()) {
                    map.insert("start".into(), "TODO".into());
                    map.insert("end".into(), "TODO".into());
                }
            }
        }
        let body = serde_yaml::to_string(&value).expect("a YAML value serialises");
        let mut out = String::new();
        out.push_str("# Made by `tailor import` from ");
        out.push_str(&sources.join(", "));
        out.push_str(".\n# Review it: set person and contact, check the merges `tailor import`\n");
        out.push_str("# reported, then run `tailor check`. Format: docs/profile.md\n");
        out.push_str(&body);
        out
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for m in &self.merged_projects {
            writeln!(
                f,
                "{}: merged project \"{}\" into \"{}\"",
                m.source, m.name, m.into
            )?;
        }
        for m in &self.merged_bullets {
            writeln!(
                f,
                "{}: merged into {} (kept the fuller text): dropped \"{}\"",
                m.dropped_source,
                m.kept_source,
                excerpt(&m.dropped)
            )?;
        }
        for k in &self.kept_apart {
            writeln!(
                f,
                "{}: kept apart from {}: similar, but the figures differ",
                k.second, k.first
            )?;
        }
        for u in &self.unplaced {
            writeln!(
                f,
                "{}: not placed: {} \"{}\"",
                u.source,
                u.kind,
                excerpt(&u.text)
            )?;
        }
        for (s, n) in &self.notes {
            writeln!(f, "{s}: note: {n}")?;
        }
        Ok(())
    }
}

/// A text on one line, cut to about 70 characters.
fn excerpt(s: &str) -> String {
    let line = collapse(s);
    let mut out: String = line.chars().take(70).collect();
    if line.chars().count() > 70 {
        out.push('…');
    }
    out
}

impl Import {
    /// "5 projects, 58 bullets (3 general), 17 skill areas, 2 certifications,
    /// 1 summary".
    pub fn counts(&self) -> String {
        let p = &self.profile;
        let n =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        format!(
            "{}, {} ({} general), {}, {}, {}",
            n(p.projects.len(), "project", "projects"),
            n(p.bullets().count(), "bullet", "bullets"),
            p.general.len(),
            n(p.skills.len(), "skill area", "skill areas"),
            n(p.certifications.len(), "certification", "certifications"),
            n(p.summaries.len(), "summary", "summaries"),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn run(files: &[(&str, &str)]) -> Import {
        let files: Vec<(String, String)> = files
            .iter()
            .map(|(n, t)| (n.to_string(), t.to_string()))
            .collect();
        import(&files)
    }

    const NEW: &str = "\
# Matrix

## Certifications
- Cert One, Cert Two
  - a sub note

## Basic Understanding

### Serverless
**Alpha Project**
- Built Lambda services with SNS and SQS to process orders quickly.
- Reduced downtime by 40% with health checks.
*MORE HERE*

**All Applications**
- Used automated testing in CI pipelines.

## Expert Understanding

### Design
**Alpha Project**
- Built Lambda services with SNS and SQS to process orders quickly.
- Designed the schema for tenant data.

```
notes
```

## **Experience**
- **Work Experience**:
   - Ten years of experience.

### Alpha Project (Platform)(2021 - Present):

First paragraph.

Second paragraph.
";

    const OLD: &str = "\
## Basic Understanding

### Serverless
**Old Alpha Project**
- Built Lambda services with SNS and SQS to process orders.
- Reduced downtime by 30% with health checks.
- Designed the schema for tenant data, cutting costs by 20%.
";

    #[test]
    fn reads_levels_areas_projects_and_bullets() {
        let i = run(&[("new.md", NEW)]);
        let p = &i.profile;
        assert_eq!(p.skills.len(), 2);
        assert_eq!(
            (p.skills[0].name.as_str(), p.skills[0].level),
            ("Serverless", Level::Basic)
        );
        assert_eq!(p.skills[1].level, Level::Expert);
        assert_eq!(p.projects.len(), 1);
        let alpha = &p.projects[0];
        assert_eq!(alpha.name, "Alpha Project (Platform)");
        assert_eq!(alpha.id, "alpha-project");
        assert_eq!(alpha.start.to_string(), "2021");
        assert_eq!(alpha.end, End::Present);
        assert_eq!(
            alpha.summary.as_deref(),
            Some("First paragraph.\n\nSecond paragraph.")
        );
        assert_eq!(alpha.bullets.len(), 3);
        // Listed under two areas: one bullet carrying both.
        assert_eq!(alpha.bullets[0].skills, ["Serverless", "Design"]);
        assert_eq!(
            alpha.bullets[0].tags[..3],
            ["AWS Lambda", "Amazon SNS", "Amazon SQS"]
        );
        assert_eq!(alpha.bullets[0].id, "alpha-project-built-lambda-services");
        assert_eq!(p.general.len(), 1);
        assert_eq!(p.general[0].id, "general-used-automated-testing");
        let certs: Vec<&str> = p.certifications.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(certs, ["Cert One", "Cert Two"]);
        assert_eq!(p.summaries[0].text, "Ten years of experience.");
    }

    #[test]
    fn reports_what_it_cannot_place_with_lines() {
        let i = run(&[("new.md", NEW)]);
        let unplaced: Vec<(usize, &str, &str)> = i
            .report
            .unplaced
            .iter()
            .map(|u| (u.source.line, u.kind.as_str(), u.text.as_str()))
            .collect();
        assert_eq!(
            unplaced,
            [
                (5, "sub-item", "a sub note"),
                (13, "note", "MORE HERE"),
                (25, "code block", "notes"),
            ]
        );
        let text = i.report.to_string();
        assert!(
            text.contains("new.md:13: not placed: note \"MORE HERE\""),
            "{text}"
        );
    }

    #[test]
    fn merges_projects_and_near_duplicate_bullets_across_files() {
        let i = run(&[("new.md", NEW), ("old.md", OLD)]);
        let p = &i.profile;
        assert_eq!(p.projects.len(), 1, "{:#?}", p.projects);
        let merged: Vec<(&str, &str)> = i
            .report
            .merged_projects
            .iter()
            .map(|m| (m.name.as_str(), m.into.as_str()))
            .collect();
        assert_eq!(
            merged,
            [
                ("Alpha Project", "Alpha Project (Platform)"),
                ("Old Alpha Project", "Alpha Project (Platform)"),
            ]
        );
        assert_eq!(i.report.merged_projects[1].source.to_string(), "old.md:4");
        let texts: Vec<&str> = p.projects[0]
            .bullets
            .iter()
            .map(|b| b.text.as_str())
            .collect();
        assert_eq!(
            texts,
            [
                // The fuller text is kept.
                "Built Lambda services with SNS and SQS to process orders quickly.",
                "Reduced downtime by 40% with health checks.",
                // Figures the newer text lacks win.
                "Designed the schema for tenant data, cutting costs by 20%.",
                // Different figures: both kept.
                "Reduced downtime by 30% with health checks.",
            ]
        );
        assert_eq!(i.report.kept_apart.len(), 1);
        let dropped: Vec<&str> = i
            .report
            .merged_bullets
            .iter()
            .map(|m| m.dropped.as_str())
            .collect();
        assert_eq!(
            dropped,
            [
                "Built Lambda services with SNS and SQS to process orders.",
                "Designed the schema for tenant data.",
            ]
        );
    }

    #[test]
    fn undated_projects_get_todo_dates_and_a_note() {
        let i = run(&[("old.md", OLD)]);
        assert_eq!(i.undated, ["old-alpha-project"]);
        let yaml = i.to_yaml(&["old.md".into()]);
        assert!(yaml.contains("start: TODO\n  end: TODO\n"), "{yaml}");
        assert!(i.report.to_string().contains("has no dates"));
    }

    #[test]
    fn files_without_a_matrix_are_named() {
        let i = run(&[("new.md", NEW), ("notes.md", "# Notes\n\nJust text.\n")]);
        assert_eq!(i.empty_files, ["notes.md"]);
    }

    #[test]
    fn output_is_deterministic() {
        let a = run(&[("new.md", NEW), ("old.md", OLD)]).to_yaml(&[]);
        let b = run(&[("new.md", NEW), ("old.md", OLD)]).to_yaml(&[]);
        assert_eq!(a, b);
    }

    #[test]
    fn project_names_match_by_words() {
        assert!(same_project(
            "LillyDev SRE Responsibilities & IMS",
            "SRE Responsibilities & IMS"
        ));
        assert!(same_project(
            "eCTS",
            "eCTS (Enterprise Clinical Trial System)"
        ));
        assert!(same_project("Data Marketplace", "Data  Marketplace"));
        assert!(!same_project(
            "Lilly Trial Guide",
            "Maestro - Study Orchestration"
        ));
        assert!(!same_project("Trial", "Lilly Trial Guide"));
    }

    #[test]
    fn dates_parse_in_the_forms_people_write() {
        let d = |s: &str| parse_dates(s).map(|(a, b)| format!("{a}..{b}"));
        assert_eq!(d("2024-Present").as_deref(), Some("2024..present"));
        assert_eq!(d("2020 - 2021").as_deref(), Some("2020..2021"));
        assert_eq!(d("2019").as_deref(), Some("2019..2019"));
        assert_eq!(d("2020-03 – 2021-11").as_deref(), Some("2020-03..2021-11"));
        assert_eq!(d("Inventory Management System"), None);
    }

    const VOCAB: &[&str] = &[
        "built",
        "designed",
        "services",
        "with",
        "Lambda",
        "SNS",
        "queues",
        "for",
        "the",
        "platform",
        "reducing",
        "costs",
        "by",
        "30%",
        "40%",
        "data",
        "pipelines",
        "fast",
    ];

    fn sentence() -> impl Strategy<Value = String> {
        proptest::collection::vec(proptest::sample::select(VOCAB), 1..10)
            .prop_map(|w| format!("{}.", w.join(" ")))
    }

    /// A list item and its optional sub-item.
    type Item = (String, Option<String>);
    /// (level, area, project, items) blocks of a generated matrix.
    type Block = (usize, usize, usize, Vec<Item>);

    fn blocks() -> impl Strategy<Value = Vec<Block>> {
        proptest::collection::vec(
            (
                0..4usize,
                0..3usize,
                0..4usize,
                proptest::collection::vec((sentence(), proptest::option::of(sentence())), 0..5),
            ),
            1..8,
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// No Markdown makes import panic.
        #[test]
        fn import_never_panics(parts in proptest::collection::vec(
            proptest::sample::select(&[
                "# T\n", "## Basic Understanding\n", "## Experience\n", "## Certifications\n",
                "### Area\n", "### P(2020-2021):\n", "### Q(x):\n", "**P**\n", "**All Applications**\n",
                "- item\n", "  - sub\n", "*note*\n", "```\ncode\n```\n", "\n", "> quote\n",
                "text ", "1. one\n", "---\n", "<div>\n", "|a|b|\n", "é", "\t",
            ][..]),
            0..40,
        )) {
            let text = parts.concat();
            let i = import(&[("m.md".to_string(), text)]);
            let yaml = i.to_yaml(&[]);
            let _ = i.report.to_string();
            // What import writes loads back, unless it asks for dates.
            if i.undated.is_empty() {
                let back = super::super::load::parse(&yaml, "out.yaml");
                prop_assert!(back.is_ok(), "{yaml}\n{back:?}");
            }
        }

        /// Import never loses a bullet: every list item of the Markdown is
        /// in the profile, merged into another (and reported), or reported
        /// as unplaced.
        #[test]
        fn import_never_loses_a_bullet(a in blocks(), b in blocks()) {
            const LEVELS: [&str; 4] = ["Basic", "Strong", "Advanced", "Expert"];
            const PROJECTS: [&str; 4] = ["Alpha Project", "Old Alpha Project", "Beta", "All Applications"];
            let mut files = Vec::new();
            let mut items = Vec::new();
            for (n, blocks) in [a, b].into_iter().enumerate() {
                let mut md = String::from("# Matrix\n\n");
                for (level, area, project, list) in blocks {
                    md.push_str(&format!(
                        "## {} Understanding\n\n### Area {area}\n**{}**\n",
                        LEVELS[level], PROJECTS[project]
                    ));
                    for (text, sub) in list {
                        md.push_str(&format!("- {text}\n"));
                        items.push(text);
                        if let Some(sub) = sub {
                            md.push_str(&format!("  - {sub}\n"));
                            items.push(sub);
                        }
                    }
                    md.push('\n');
                }
                files.push((format!("m{n}.md"), md));
            }
            let i = import(&files);
            let mut kept: Vec<&str> = i.profile.bullets().map(|(_, b)| b.text.as_str()).collect();
            kept.extend(i.report.unplaced.iter().map(|u| u.text.as_str()));
            kept.extend(i.report.merged_bullets.iter().map(|m| m.dropped.as_str()));
            for item in &items {
                prop_assert!(kept.contains(&item.as_str()), "lost {item:?}");
            }
        }
    }
}
