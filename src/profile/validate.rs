//! `tailor check`: every problem of a profile at once, each with its
//! `file:line:column`.
//!
//! Shape errors (unknown keys, wrong types, bad values) come from `load`,
//! all at once via `shape`; a profile whose only shape errors are unknown
//! keys is still checked without them. The rest are checks on a loaded
//! [`Profile`]:
//! duplicate ids, empty texts, dates that end before they start, bullets
//! naming skill areas that do not exist, placeholders left in the person and
//! contact (warnings), and likely misspellings (warnings, via `spelling`).
//! Positions come from `locate`, since serde_yaml gives none for values.

use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};

use super::diagnostic::Diagnostic;
use super::load;
use super::locate::Locator;
use super::schema::{End, Profile, YearMonth};
use super::spelling;
use super::terms;

/// Checks a profile file's bytes.
pub fn check_bytes(bytes: &[u8], file: &str) -> Vec<Diagnostic> {
    let text = match load::decode(bytes, file) {
        Ok(t) => t,
        Err(d) => return vec![d],
    };
    match load::parse(text, file) {
        Ok(profile) => validate(&profile, text, file),
        Err(mut diags) => {
            // Unknown keys alone leave a profile to check in the same run.
            // Only then: other errors (an alias bomb refused before any
            // parse) must not be parsed again.
            let unknown_keys_only = diags.iter().all(|d| d.message.contains("unknown field `"));
            if unknown_keys_only {
                if let Some(profile) = super::shape::without_unknown_keys(text) {
                    diags.extend(validate(&profile, text, file));
                }
            }
            diags
        }
    }
}

/// The errors of a loaded profile (no warnings, no spelling): what makes
/// it unusable for a résumé, such as two bullets with one id.
pub fn errors(profile: &Profile, text: &str, file: &str) -> Vec<Diagnostic> {
    let mut v = Validator::new(text, file);
    v.errors_only = true;
    v.structure(profile);
    v.out
        .retain(|d| d.severity == super::diagnostic::Severity::Error);
    v.out
}

/// Every problem of a loaded profile; `text` is the YAML it came from.
pub fn validate(profile: &Profile, text: &str, file: &str) -> Vec<Diagnostic> {
    let mut v = Validator::new(text, file);
    v.structure(profile);
    v.spelling(profile);
    v.tag_spelling(profile);
    v.out
}

/// The person and contact warnings alone (placeholders, a missing name or
/// e-mail): what `build` repeats from `check`, without the cost of the
/// spelling dictionary.
pub fn person_warnings(profile: &Profile, text: &str, file: &str) -> Vec<Diagnostic> {
    let mut v = Validator::new(text, file);
    v.person(profile);
    v.out
}

struct Validator<'a> {
    text: &'a str,
    /// Scanned on first use: a profile without problems never needs a
    /// position, and `tailor match` loads one on every run.
    loc: OnceCell<Locator>,
    file: &'a str,
    out: Vec<Diagnostic>,
    /// Skip warnings (for `errors`).
    errors_only: bool,
}

impl<'a> Validator<'a> {
    fn new(text: &'a str, file: &'a str) -> Self {
        Validator {
            text,
            loc: OnceCell::new(),
            file,
            out: Vec::new(),
            errors_only: false,
        }
    }

    /// Every check but spelling.
    fn structure(&mut self, profile: &Profile) {
        self.person(profile);
        self.ids(profile);
        self.texts(profile);
        self.dates(profile);
        self.skill_refs(profile);
    }

    fn loc(&self) -> &Locator {
        self.loc.get_or_init(|| Locator::new(self.text))
    }

    fn error(&mut self, path: &str, message: String) {
        let at = self.loc().position(path);
        self.out.push(Diagnostic::error(self.file, at, message));
    }

    fn warning(&mut self, path: &str, message: String) {
        if self.errors_only {
            return;
        }
        let at = self.loc().position(path);
        self.out.push(Diagnostic::warning(self.file, at, message));
    }

    /// Placeholders in the person and contact: warnings, since an imported
    /// profile starts with them.
    fn person(&mut self, p: &Profile) {
        let person = &p.person;
        let c = &person.contact;
        let mut fields = vec![
            ("person.name", "name", person.name.as_str()),
            ("person.headline", "headline", person.headline.as_str()),
            ("person.contact.email", "email", c.email.as_str()),
            ("person.contact.phone", "phone", c.phone.as_str()),
            ("person.contact.location", "location", c.location.as_str()),
        ];
        let links: Vec<(String, &str)> = c
            .links
            .iter()
            .enumerate()
            .flat_map(|(i, l)| {
                [
                    (format!("person.contact.links[{i}].label"), l.label.as_str()),
                    (format!("person.contact.links[{i}].url"), l.url.as_str()),
                ]
            })
            .collect();
        fields.extend(links.iter().map(|(p, v)| (p.as_str(), "link", *v)));
        for (path, what, value) in fields {
            let required = matches!(what, "name" | "email");
            if value.trim().is_empty() {
                if required {
                    self.warning(path, format!("the {what} is empty; résumés need one"));
                }
            } else if let Some(why) = placeholder(value) {
                self.warning(
                    path,
                    format!("the {what} \"{value}\" looks like a placeholder ({why})"),
                );
            }
        }
    }

    /// Ids must be unique: projects among projects, bullets across the whole
    /// profile, summaries among summaries.
    fn ids(&mut self, p: &Profile) {
        let projects: Vec<(String, &str)> = p
            .projects
            .iter()
            .enumerate()
            .map(|(i, pr)| (format!("projects[{i}].id"), pr.id.as_str()))
            .collect();
        self.unique("project", &projects);
        let mut bullets: Vec<(String, &str)> = Vec::new();
        for (i, pr) in p.projects.iter().enumerate() {
            for (j, b) in pr.bullets.iter().enumerate() {
                bullets.push((format!("projects[{i}].bullets[{j}].id"), b.id.as_str()));
            }
        }
        for (k, b) in p.general.iter().enumerate() {
            bullets.push((format!("general[{k}].id"), b.id.as_str()));
        }
        self.unique("bullet", &bullets);
        let summaries: Vec<(String, &str)> = p
            .summaries
            .iter()
            .enumerate()
            .map(|(i, s)| (format!("summaries[{i}].id"), s.id.as_str()))
            .collect();
        self.unique("summary", &summaries);
        let areas: Vec<(String, String)> = p
            .skills
            .iter()
            .enumerate()
            .map(|(i, s)| (format!("skills[{i}].name"), s.name.to_lowercase()))
            .collect();
        let areas: Vec<(String, &str)> =
            areas.iter().map(|(a, b)| (a.clone(), b.as_str())).collect();
        self.unique("skill area", &areas);
    }

    fn unique(&mut self, what: &str, ids: &[(String, &str)]) {
        let mut seen: HashMap<&str, &str> = HashMap::new();
        for (path, id) in ids {
            if id.trim().is_empty() {
                continue; // reported as empty by `texts`
            }
            match seen.get(id) {
                Some(first) => {
                    let line = self.loc().position(first).0;
                    self.error(
                        path,
                        format!("duplicate {what} id `{id}` (first used on line {line})")
                            .replace("skill area id", "skill area name"),
                    );
                }
                None => {
                    seen.insert(id, path);
                }
            }
        }
    }

    /// Required texts must not be empty.
    fn texts(&mut self, p: &Profile) {
        // (path, what) of each empty text, in profile order; a path is
        // written out only for a text that is empty.
        let mut empty: Vec<(String, &str)> = Vec::new();
        let mut need = |value: &str, what: &'static str, path: &dyn Fn() -> String| {
            if value.trim().is_empty() {
                empty.push((path(), what));
            }
        };
        for (i, s) in p.summaries.iter().enumerate() {
            need(&s.id, "summary id", &|| format!("summaries[{i}].id"));
            need(&s.text, "summary text", &|| format!("summaries[{i}].text"));
        }
        for (i, c) in p.certifications.iter().enumerate() {
            need(&c.name, "certification name", &|| {
                format!("certifications[{i}].name")
            });
        }
        for (i, s) in p.skills.iter().enumerate() {
            need(&s.name, "skill area name", &|| format!("skills[{i}].name"));
            for (k, kw) in s.keywords.iter().enumerate() {
                need(kw, "keyword", &|| format!("skills[{i}].keywords[{k}]"));
            }
        }
        for (i, pr) in p.projects.iter().enumerate() {
            need(&pr.id, "project id", &|| format!("projects[{i}].id"));
            need(&pr.name, "project name", &|| format!("projects[{i}].name"));
            for (j, b) in pr.bullets.iter().enumerate() {
                need(&b.id, "bullet id", &|| {
                    format!("projects[{i}].bullets[{j}].id")
                });
                need(&b.text, "bullet text", &|| {
                    format!("projects[{i}].bullets[{j}].text")
                });
            }
        }
        for (k, b) in p.general.iter().enumerate() {
            need(&b.id, "bullet id", &|| format!("general[{k}].id"));
            need(&b.text, "bullet text", &|| format!("general[{k}].text"));
        }
        for (i, e) in p.education.iter().enumerate() {
            need(&e.institution, "institution", &|| {
                format!("education[{i}].institution")
            });
        }
        let mut no_forms = Vec::new();
        for (i, a) in p.aliases.iter().enumerate() {
            need(&a.term, "alias term", &|| format!("aliases[{i}].term"));
            if a.forms.is_empty() {
                no_forms.push(i);
            }
            for (k, f) in a.forms.iter().enumerate() {
                need(f, "alias form", &|| format!("aliases[{i}].forms[{k}]"));
            }
        }
        for i in no_forms {
            self.error(
                &format!("aliases[{i}].forms"),
                format!("alias \"{}\" has no forms", p.aliases[i].term),
            );
        }
        for (path, what) in empty {
            self.error(&path, format!("the {what} is empty"));
        }
    }

    /// A project (or education) must not end before it starts.
    fn dates(&mut self, p: &Profile) {
        for (i, pr) in p.projects.iter().enumerate() {
            if ends_before(pr.start, pr.end) {
                self.error(
                    &format!("projects[{i}].end"),
                    format!(
                        "project `{}` ends ({}) before it starts ({})",
                        pr.id, pr.end, pr.start
                    ),
                );
            }
        }
        for (i, e) in p.education.iter().enumerate() {
            if let (Some(start), Some(end)) = (e.start, e.end) {
                if ends_before(start, end) {
                    self.error(
                        &format!("education[{i}].end"),
                        format!("education ends ({end}) before it starts ({start})"),
                    );
                }
            }
        }
    }

    /// Bullets may only name skill areas the profile defines.
    fn skill_refs(&mut self, p: &Profile) {
        // Only an unknown name's path is written out.
        let mut refs: Vec<(String, &str, &str)> = Vec::new();
        for (i, pr) in p.projects.iter().enumerate() {
            for (j, b) in pr.bullets.iter().enumerate() {
                for (k, s) in b.skills.iter().enumerate() {
                    if p.skill_area(s).is_none() {
                        let path = format!("projects[{i}].bullets[{j}].skills[{k}]");
                        refs.push((path, &b.id, s));
                    }
                }
            }
        }
        for (j, b) in p.general.iter().enumerate() {
            for (k, s) in b.skills.iter().enumerate() {
                if p.skill_area(s).is_none() {
                    refs.push((format!("general[{j}].skills[{k}]"), &b.id, s));
                }
            }
        }
        for (path, id, name) in refs {
            let closest = p
                .skills
                .iter()
                .map(|s| {
                    (
                        strsim::normalized_levenshtein(
                            &s.name.to_lowercase(),
                            &name.to_lowercase(),
                        ),
                        &s.name,
                    )
                })
                .filter(|(score, _)| *score >= 0.7)
                .max_by(|a, b| a.0.total_cmp(&b.0));
            let hint = match closest {
                Some((_, n)) => format!("; did you mean \"{n}\"?"),
                None => "; add it under `skills:`".to_string(),
            };
            let at = if self.loc().has(&path) {
                self.loc().position(&path)
            } else {
                let parent = &path[..path.rfind('[').unwrap_or(path.len())];
                self.loc().find_from(parent, name)
            };
            self.out.push(Diagnostic::error(
                self.file,
                at,
                format!("bullet `{id}` names unknown skill area \"{name}\"{hint}"),
            ));
        }
    }

    /// Likely misspellings in every text that reaches a résumé.
    fn spelling(&mut self, p: &Profile) {
        let mut extra: HashSet<String> = HashSet::new();
        let mut add_words = |s: &str| {
            for w in s.split(|c: char| !c.is_alphanumeric() && c != '\'') {
                if !w.is_empty() {
                    extra.insert(w.to_lowercase());
                }
            }
        };
        for s in &p.skills {
            s.keywords.iter().for_each(|k| add_words(k));
        }
        for (_, b) in p.bullets() {
            b.tags.iter().for_each(|t| add_words(t));
        }
        for a in &p.aliases {
            add_words(&a.term);
            a.forms.iter().for_each(|f| add_words(f));
        }
        for s in &p.summaries {
            s.tags.iter().for_each(|t| add_words(t));
        }

        let mut texts: Vec<(String, &str)> = vec![("person.headline".into(), &p.person.headline)];
        for (i, s) in p.summaries.iter().enumerate() {
            texts.push((format!("summaries[{i}].text"), &s.text));
        }
        for (i, c) in p.certifications.iter().enumerate() {
            texts.push((format!("certifications[{i}].name"), &c.name));
        }
        for (i, s) in p.skills.iter().enumerate() {
            texts.push((format!("skills[{i}].name"), &s.name));
        }
        for (i, pr) in p.projects.iter().enumerate() {
            texts.push((format!("projects[{i}].name"), &pr.name));
            if let Some(r) = &pr.role {
                texts.push((format!("projects[{i}].role"), r));
            }
            if let Some(s) = &pr.summary {
                texts.push((format!("projects[{i}].summary"), s));
            }
            for (j, b) in pr.bullets.iter().enumerate() {
                texts.push((format!("projects[{i}].bullets[{j}].text"), &b.text));
            }
        }
        for (k, b) in p.general.iter().enumerate() {
            texts.push((format!("general[{k}].text"), &b.text));
        }
        for (i, e) in p.education.iter().enumerate() {
            if let Some(d) = &e.degree {
                texts.push((format!("education[{i}].degree"), d));
            }
        }
        for (path, text) in texts {
            for m in spelling::check(text, &extra) {
                // The n-th occurrence of the word in this text is the n-th
                // after the value's position in the file.
                let nth = text[..m.offset].matches(m.word.as_str()).count();
                let at = self.find_nth(&path, &m.word, nth);
                let message = if m.case_only {
                    format!("\"{}\" is written \"{}\"", m.word, m.suggestion)
                } else {
                    format!(
                        "possible misspelling \"{}\" (did you mean \"{}\"?)",
                        m.word, m.suggestion
                    )
                };
                self.out.push(Diagnostic::warning(self.file, at, message));
            }
        }
    }

    /// Tags and skill keywords that are near misses of a lexicon term
    /// ("Kuberneties"): a tag tailor does not know matches no posting, so
    /// a misspelt one silently hides the evidence it was meant to show.
    /// One warning a misspelt word, where it is first written, with how
    /// many more places repeat it. Tags the lexicon knows, and the
    /// profile's own aliases, are never flagged.
    fn tag_spelling(&mut self, p: &Profile) {
        let mut names: Vec<(String, &str)> = Vec::new();
        for (i, s) in p.skills.iter().enumerate() {
            for (k, kw) in s.keywords.iter().enumerate() {
                names.push((format!("skills[{i}].keywords[{k}]"), kw));
            }
        }
        for (i, pr) in p.projects.iter().enumerate() {
            for (j, b) in pr.bullets.iter().enumerate() {
                for (k, t) in b.tags.iter().enumerate() {
                    names.push((format!("projects[{i}].bullets[{j}].tags[{k}]"), t));
                }
            }
        }
        for (j, b) in p.general.iter().enumerate() {
            for (k, t) in b.tags.iter().enumerate() {
                names.push((format!("general[{j}].tags[{k}]"), t));
            }
        }
        let mut aliases: HashSet<String> = HashSet::new();
        for a in &p.aliases {
            for name in std::iter::once(&a.term).chain(&a.forms) {
                aliases.insert(name.to_lowercase());
                for w in name.split(|c: char| !c.is_alphanumeric() && c != '\'') {
                    aliases.insert(w.to_lowercase());
                }
            }
        }
        // Each distinct name once: the first place, and how many more.
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut firsts: Vec<(String, &str, usize)> = Vec::new();
        for (path, name) in names {
            let key = name.trim().to_lowercase();
            match seen.get(&key) {
                Some(&i) => firsts[i].2 += 1,
                None => {
                    seen.insert(key, firsts.len());
                    firsts.push((path, name, 0));
                }
            }
        }
        for (path, name, more) in firsts {
            if aliases.contains(&name.trim().to_lowercase()) || terms::is_known(name) {
                continue;
            }
            let misspelt = spelling::check(name, &aliases)
                .into_iter()
                .find(|m| !m.case_only);
            let Some(m) = misspelt else { continue };
            let at = if self.loc().has(&path) {
                self.loc().position(&path)
            } else {
                let parent = &path[..path.rfind('[').unwrap_or(path.len())];
                self.loc().find_from(parent, name)
            };
            let kind = if path.starts_with("skills") {
                "keyword"
            } else {
                "tag"
            };
            let fixed = format!(
                "{}{}{}",
                &name[..m.offset],
                m.suggestion,
                &name[m.offset + m.word.len()..]
            );
            let also = match more {
                0 => String::new(),
                1 => " (and in 1 more place)".to_owned(),
                n => format!(" (and in {n} more places)"),
            };
            self.out.push(Diagnostic::warning(
                self.file,
                at,
                format!(
                    "{kind} \"{name}\" is not a term tailor knows, and matches no posting; \
                     did you mean \"{fixed}\"?{also}"
                ),
            ));
        }
    }

    fn find_nth(&self, path: &str, word: &str, nth: usize) -> (usize, usize) {
        let mut at = self.loc().find_from(path, word);
        for _ in 0..nth {
            at = self.loc().find_at_or_after((at.0, at.1 + 1), word);
        }
        at
    }
}

fn ends_before(start: YearMonth, end: End) -> bool {
    match end {
        End::Present => false,
        End::Date(d) => d.months(12) < start.months(1),
    }
}

/// Why a person or contact value looks like a placeholder, if it does.
fn placeholder(value: &str) -> Option<&'static str> {
    let v = value.to_lowercase();
    if v.contains("todo") || v.contains("tbd") || v.contains("fixme") {
        Some("it says TODO")
    } else if v == "your name" || v == "first last" || v == "name surname" {
        Some("not a real name")
    } else if v.contains("example.com") || v.contains("example.org") || v.contains("@example.") {
        Some("example.com is a placeholder domain")
    } else if v.contains("555-") || v.contains("xxx") {
        Some("not a real number")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str) -> Vec<String> {
        let mut d = check_bytes(text.as_bytes(), "p.yaml");
        super::super::diagnostic::sort(&mut d);
        d.iter().map(ToString::to_string).collect()
    }

    const GOOD: &str = "\
person:
  name: Ann Example
  contact:
    email: ann@annsmith.dev
skills:
- name: Serverless
  level: expert
  keywords: [AWS Lambda]
projects:
- id: p
  name: Project
  start: 2020
  end: 2021
  bullets:
  - id: p-one
    text: Built serverless services with Kubernetes and DynamoDB.
    skills: [Serverless]
";

    #[test]
    fn a_clean_profile_has_no_problems() {
        assert_eq!(check(GOOD), Vec::<String>::new());
    }

    #[test]
    fn parse_errors_come_from_load() {
        let d = check("person:\n  name: a\n  nmae: b\n");
        assert!(
            d.contains(&"p.yaml:3:3: error: person: unknown field `nmae`, expected one of `contact`, `headline`, `name`".to_owned()),
            "{d:?}"
        );
    }

    #[test]
    fn shape_and_profile_problems_in_one_run() {
        // Issue 11: an unknown key hid every other problem until fixed.
        let text = GOOD
            .replace("  name: Ann Example\n", "  name: Ann Example\n  nmae: x\n")
            .replace("- id: p-one\n", "- id: p-one\n    text: x\n  - id: p-one\n");
        let d = check(&text);
        assert_eq!(
            d,
            [
                "p.yaml:3:3: error: person: unknown field `nmae`, expected one of `contact`, `headline`, `name`",
                "p.yaml:18:9: error: duplicate bullet id `p-one` (first used on line 16)",
            ]
        );
        // A bad level and an unknown key: both in one run.
        let d = check(&text.replace("level: expert", "level: guru"));
        assert!(
            d.len() == 2 && d[1].contains("unknown variant `guru`"),
            "{d:?}"
        );
    }

    #[test]
    fn duplicate_ids_are_errors_at_the_second() {
        let text = GOOD.replace("- id: p-one\n", "- id: p-one\n    text: x\n  - id: p-one\n");
        assert_eq!(
            check(&text),
            vec!["p.yaml:17:9: error: duplicate bullet id `p-one` (first used on line 15)"]
        );
    }

    #[test]
    fn duplicate_project_and_summary_ids() {
        let text = format!(
            "{GOOD}- id: p\n  name: Again\n  start: 2020\n  end: 2020\nsummaries:\n- id: s\n  text: Hello.\n- id: s\n  text: Hi.\n"
        );
        assert_eq!(
            check(&text),
            vec![
                "p.yaml:18:7: error: duplicate project id `p` (first used on line 10)",
                "p.yaml:25:7: error: duplicate summary id `s` (first used on line 23)",
            ]
        );
    }

    #[test]
    fn empty_texts_are_errors() {
        let text = GOOD.replace("name: Project", "name: ''").replace(
            "text: Built serverless services with Kubernetes and DynamoDB.",
            "text: \"  \"",
        );
        assert_eq!(
            check(&text),
            vec![
                "p.yaml:11:9: error: the project name is empty",
                "p.yaml:16:11: error: the bullet text is empty",
            ]
        );
    }

    #[test]
    fn end_before_start_is_an_error() {
        let text = GOOD.replace("end: 2021", "end: 2019-06");
        assert_eq!(
            check(&text),
            vec!["p.yaml:13:8: error: project `p` ends (2019-06) before it starts (2020)"]
        );
        assert!(check(&GOOD.replace("end: 2021", "end: 2020")).is_empty());
    }

    #[test]
    fn unknown_skill_areas_are_errors_with_a_suggestion() {
        let text = GOOD.replace("skills: [Serverless]", "skills: [Serverles, Cooking]");
        assert_eq!(
            check(&text),
            vec![
                "p.yaml:17:14: error: bullet `p-one` names unknown skill area \"Serverles\"; did you mean \"Serverless\"?",
                "p.yaml:17:25: error: bullet `p-one` names unknown skill area \"Cooking\"; add it under `skills:`",
            ]
        );
    }

    #[test]
    fn placeholders_are_warnings() {
        let text = GOOD
            .replace("name: Ann Example", "name: Your Name")
            .replace("ann@annsmith.dev", "you@example.com\n    phone: TODO");
        assert_eq!(
            check(&text),
            vec![
                "p.yaml:2:9: warning: the name \"Your Name\" looks like a placeholder (not a real name)",
                "p.yaml:4:12: warning: the email \"you@example.com\" looks like a placeholder (example.com is a placeholder domain)",
                "p.yaml:5:12: warning: the phone \"TODO\" looks like a placeholder (it says TODO)",
            ]
        );
        let empty = GOOD.replace("name: Ann Example", "name: ''");
        assert_eq!(
            check(&empty),
            vec!["p.yaml:2:9: warning: the name is empty; résumés need one"]
        );
    }

    #[test]
    fn misspellings_are_warnings_at_the_word() {
        let text = GOOD.replace(
            "Built serverless services with Kubernetes and DynamoDB.",
            "Built robusteness into Kuberneties and Graphql, then robusteness again.",
        );
        assert_eq!(
            check(&text),
            vec![
                "p.yaml:16:17: warning: possible misspelling \"robusteness\" (did you mean \"robustness\"?)",
                "p.yaml:16:34: warning: possible misspelling \"Kuberneties\" (did you mean \"Kubernetes\"?)",
                "p.yaml:16:50: warning: \"Graphql\" is written \"GraphQL\"",
                "p.yaml:16:64: warning: possible misspelling \"robusteness\" (did you mean \"robustness\"?)",
            ]
        );
    }

    #[test]
    fn profile_keywords_and_tags_are_not_misspellings() {
        let text = GOOD
            .replace("keywords: [AWS Lambda]", "keywords: [AWS Lambda, Zorblaxx]")
            .replace("with Kubernetes", "with Zorblaxx");
        assert_eq!(check(&text), Vec::<String>::new());
    }

    #[test]
    fn misspelt_tags_and_keywords_are_warnings_with_the_term() {
        // Issue 11: tags saying "Kuberneties" passed check and matched nothing.
        let text = GOOD
            .replace(
                "keywords: [AWS Lambda]",
                "keywords: [AWS Lambda, Kuberneties]",
            )
            .replace(
                "    skills: [Serverless]\n",
                "    skills: [Serverless]\n    tags: [DynamoDB, Kuberneties, Terrafrom]\n",
            );
        assert_eq!(
            check(&text),
            [
                "p.yaml:8:26: warning: keyword \"Kuberneties\" is not a term tailor knows, and matches no posting; did you mean \"Kubernetes\"? (and in 1 more place)",
                "p.yaml:18:35: warning: tag \"Terrafrom\" is not a term tailor knows, and matches no posting; did you mean \"Terraform\"?",
            ]
        );
        // The profile's own aliases are its own terms.
        let own = format!("{text}aliases:\n- term: Kuberneties\n  forms: [kuberneties]\n- term: Terrafrom\n  forms: [terrafrom]\n");
        assert_eq!(check(&own), Vec::<String>::new());
    }

    #[test]
    fn every_problem_is_reported_in_one_run() {
        let text = GOOD
            .replace("name: Ann Example", "name: TODO")
            .replace("end: 2021", "end: 2019")
            .replace("skills: [Serverless]", "skills: [Nope]")
            .replace("with Kubernetes", "with Kuberneties");
        let d = check(&text);
        assert_eq!(d.len(), 4, "{d:#?}");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]

        /// No input makes check panic: YAML-ish fragments in any order.
        #[test]
        fn check_never_panics(parts in proptest::collection::vec(
            proptest::sample::select(&[
                "person:", "\n", "  ", "- ", "name: ", "id: x", "text: ", "\"", "'", "[", "]",
                "{", "}", "#", "\t", "---\n", "projects:", "start: 2020", "end: 1999",
                "skills: [A]", "é", "\u{feff}", "|\n", ": ", "Kuberneties", "\r\n",
            ][..]),
            0..40,
        )) {
            let text = parts.concat();
            let _ = check_bytes(text.as_bytes(), "p.yaml");
        }

        #[test]
        fn check_never_panics_on_bytes(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..200)) {
            let _ = check_bytes(&bytes, "p.yaml");
        }
    }
}
