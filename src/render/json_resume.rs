//! The JSON Resume document (jsonresume.org, `@jsonresume/schema` v1), for
//! tools and themes that read that format.
//!
//! Only what `Tailored` holds goes in, each string in the field that means
//! it: a project is a `work` entry (client as the organisation when there
//! is one, the project name as its `description`), its bullets are the
//! entry's `highlights`, and there is no `summary` because a project's
//! narrative is not part of a tailored résumé. The profile's general
//! bullets have no home in the schema; they become one `projects` entry
//! named after the section heading the other formats use. Skills are a flat
//! list in the profile, so each is one `skills` entry with only a `name`:
//! grouping them would invent group names. `scripts/validate-json-resume.sh`
//! checks output against the published schema.

use anyhow::{Context, Result};
use serde::Serialize;

use super::{heading, one_line, paragraphs};
use crate::profile::schema::End;
use crate::tailored::Tailored;

#[derive(Serialize)]
struct Resume {
    basics: Basics,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    work: Vec<Work>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    projects: Vec<Project>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    skills: Vec<Skill>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    certificates: Vec<Certificate>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    education: Vec<Education>,
}

#[derive(Serialize)]
struct Basics {
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    label: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    phone: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    location: Option<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    profiles: Vec<Profile>,
}

/// The profile's location is free text ("Zürich, Switzerland"); splitting
/// it into city and country would be guessing, so it goes in `address`.
#[derive(Serialize)]
struct Location {
    address: String,
}

#[derive(Serialize)]
struct Profile {
    network: String,
    url: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Work {
    name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    position: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    start_date: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_date: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    highlights: Vec<String>,
}

#[derive(Serialize)]
struct Project {
    name: String,
    highlights: Vec<String>,
}

#[derive(Serialize)]
struct Skill {
    name: String,
    /// A group's skills (JSON Resume's `keywords`); absent for an
    /// ungrouped skill, which is its own `name`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    keywords: Vec<String>,
}

#[derive(Serialize)]
struct Certificate {
    name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    issuer: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Education {
    institution: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    study_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    start_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_date: Option<String>,
}

/// Profile text on one line, or `None` when it is empty.
fn text(s: &str) -> Option<String> {
    Some(one_line(s).into_owned()).filter(|s| !s.is_empty())
}

fn texts<'a>(items: impl Iterator<Item = &'a str>) -> Vec<String> {
    items.filter_map(text).collect()
}

/// Skills as JSON Resume holds them: one entry per group (its heading as
/// `name`, its skills as `keywords`), or one entry per skill when the
/// résumé's skills are not grouped.
fn skills(t: &Tailored) -> Vec<Skill> {
    if t.skill_groups.is_empty() {
        return texts(t.skills.iter().map(String::as_str))
            .into_iter()
            .map(|name| Skill {
                name,
                keywords: Vec::new(),
            })
            .collect();
    }
    t.skill_groups
        .iter()
        .filter_map(|g| {
            let keywords = texts(g.skills.iter().map(String::as_str));
            (!keywords.is_empty()).then(|| Skill {
                name: g.name.clone(),
                keywords,
            })
        })
        .collect()
}

/// `End::Present` has no end date in JSON Resume: the field is left out.
fn end_date(end: End) -> Option<String> {
    match end {
        End::Present => None,
        End::Date(d) => Some(d.to_string()),
    }
}

/// Renders the résumé as pretty-printed JSON, ending in one newline.
pub fn render(t: &Tailored) -> Result<Vec<u8>> {
    let p = &t.person;
    let summary = t.summary.as_deref().map(paragraphs).unwrap_or_default();
    let basics = Basics {
        name: text(&p.name),
        label: text(&p.headline),
        email: text(&p.contact.email),
        phone: text(&p.contact.phone),
        summary: Some(summary.join("\n\n")).filter(|s| !s.is_empty()),
        location: text(&p.contact.location).map(|address| Location { address }),
        profiles: p
            .contact
            .links
            .iter()
            .filter_map(|l| {
                let url = text(&l.url)?;
                Some(Profile {
                    network: text(&l.label).unwrap_or_else(|| url.clone()),
                    url,
                })
            })
            .collect(),
    };
    let work = t
        .experience
        .iter()
        .map(|proj| {
            let name = text(&proj.name).unwrap_or_default();
            let (org, description) = match proj.client.as_deref().and_then(text) {
                Some(client) => (client, Some(name).filter(|n| !n.is_empty())),
                None => (name, None),
            };
            Work {
                name: org,
                position: proj.role.as_deref().and_then(text),
                description,
                start_date: proj.start.to_string(),
                end_date: end_date(proj.end),
                highlights: texts(proj.bullets.iter().map(|b| b.text.as_str())),
            }
        })
        .collect();
    let highlights = texts(t.highlights.iter().map(|b| b.text.as_str()));
    let projects = if highlights.is_empty() {
        Vec::new()
    } else {
        vec![Project {
            name: heading::HIGHLIGHTS.to_string(),
            highlights,
        }]
    };
    let resume = Resume {
        basics,
        work,
        projects,
        skills: skills(t),
        certificates: t
            .certifications
            .iter()
            .filter_map(|c| {
                Some(Certificate {
                    name: text(&c.name)?,
                    issuer: c.issuer.as_deref().and_then(text),
                    date: c.year.map(|y| format!("{y:04}")),
                })
            })
            .collect(),
        education: t
            .education
            .iter()
            .filter_map(|e| {
                Some(Education {
                    institution: text(&e.institution)?,
                    study_type: e.degree.as_deref().and_then(text),
                    start_date: e.start.map(|d| d.to_string()),
                    end_date: e.end.and_then(end_date),
                })
            })
            .collect(),
    };
    let mut out = serde_json::to_vec_pretty(&resume).context("failed to write json resume")?;
    out.push(b'\n');
    Ok(out)
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::*;
    use crate::tailored::sample;

    fn parsed() -> Value {
        serde_json::from_slice(&render(&sample()).unwrap()).unwrap()
    }

    fn is_date(v: &Value) -> bool {
        let Some(s) = v.as_str() else { return false };
        let b = s.as_bytes();
        let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
        match b.len() {
            4 => digits(0..4),
            7 => digits(0..4) && b[4] == b'-' && digits(5..7),
            10 => digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10),
            _ => false,
        }
    }

    #[test]
    fn has_the_shape_the_schema_requires() {
        let v = parsed();
        let top: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        for k in &top {
            assert!(
                [
                    "basics",
                    "work",
                    "projects",
                    "skills",
                    "certificates",
                    "education"
                ]
                .contains(k),
                "unexpected top-level key {k}"
            );
        }
        let basics = &v["basics"];
        for k in ["name", "label", "email", "phone", "summary"] {
            assert!(basics[k].is_string(), "basics.{k}");
        }
        assert_eq!(basics["location"]["address"], "Zürich, Switzerland");
        assert_eq!(basics["profiles"][0]["network"], "GitHub");
        assert_eq!(
            basics["profiles"][0]["url"],
            "https://github.com/anna-example"
        );
        for w in v["work"].as_array().unwrap() {
            assert!(w["name"].is_string());
            assert!(is_date(&w["startDate"]), "{w}");
            assert!(w["endDate"].is_null() || is_date(&w["endDate"]), "{w}");
            assert!(w["highlights"]
                .as_array()
                .unwrap()
                .iter()
                .all(Value::is_string));
        }
        for s in v["skills"].as_array().unwrap() {
            assert!(s["name"].is_string());
        }
        assert_eq!(v["skills"][0]["name"], "Languages");
        assert_eq!(
            v["skills"][0]["keywords"],
            serde_json::json!(["Rust", "C#"])
        );
        for c in v["certificates"].as_array().unwrap() {
            assert!(c["name"].is_string());
            assert!(c["date"].is_null() || is_date(&c["date"]));
        }
        for e in v["education"].as_array().unwrap() {
            assert!(e["institution"].is_string());
            assert!(is_date(&e["startDate"]) && is_date(&e["endDate"]));
        }
    }

    #[test]
    fn projects_map_to_work_with_bullets_as_highlights() {
        let v = parsed();
        let w = &v["work"];
        assert_eq!(w[0]["name"], "Acme Bank");
        assert_eq!(w[0]["description"], "Payments Platform");
        assert_eq!(w[0]["position"], "Lead Platform Engineer");
        assert_eq!(w[0]["startDate"], "2021-03");
        assert!(w[0].get("endDate").is_none(), "present has no end date");
        assert!(w[0].get("summary").is_none());
        assert_eq!(w[1]["name"], "Routing Engine");
        assert_eq!(w[1]["startDate"], "2018");
        assert_eq!(w[1]["endDate"], "2021-02");
        assert_eq!(v["projects"][0]["name"], "Additional Experience");
    }

    #[test]
    fn every_bullet_appears_verbatim_in_order() {
        let t = sample();
        let v = parsed();
        let got: Vec<&str> = v["work"]
            .as_array()
            .unwrap()
            .iter()
            .chain(v["projects"].as_array().unwrap())
            .flat_map(|w| w["highlights"].as_array().unwrap())
            .map(|h| h.as_str().unwrap())
            .collect();
        assert_eq!(got, t.bullet_texts().collect::<Vec<_>>());
    }
}
