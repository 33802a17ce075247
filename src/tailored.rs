//! `Tailored`: the one value every renderer reads — the chosen, ordered
//! pieces of the profile for one posting.
//!
//! `select` builds it; `render::*` turn it into bytes. Every string in it
//! that reaches a résumé is copied verbatim from the profile: nothing here is
//! reworded, and renderers must not add text of their own beyond section
//! headings, dates and contact labels.

use serde::Serialize;

use crate::profile::schema::{Certification, Education, End, Person, YearMonth};

/// A résumé for one posting.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tailored {
    pub person: Person,
    /// The best-fitting profile summary, if the profile has any.
    pub summary: Option<String>,
    /// Skill keywords from the profile: the entries of `skill_groups` in
    /// order.
    pub skills: Vec<String>,
    /// The skills line grouped by area, the most relevant group first;
    /// empty when a résumé's skills are not grouped (then `skills` is
    /// printed as one list).
    pub skill_groups: Vec<SkillGroup>,
    /// Chosen projects, most recent first.
    pub experience: Vec<TailoredProject>,
    /// Chosen general ("all projects") bullets.
    pub highlights: Vec<TailoredBullet>,
    pub certifications: Vec<Certification>,
    pub education: Vec<Education>,
    /// What the résumé was made for (used in metadata, never printed as
    /// résumé content).
    pub target: Target,
}

/// The posting a résumé was tailored to.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Target {
    pub title: Option<String>,
    pub company: Option<String>,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TailoredProject {
    pub id: String,
    pub name: String,
    pub client: Option<String>,
    pub role: Option<String>,
    /// Display dates, e.g. "2021 – 2024" or "2024 – Present"
    /// (see [`display_dates`]).
    pub dates: String,
    /// The project's start as the profile gives it, for formats that want
    /// machine-readable dates (JSON Resume).
    pub start: YearMonth,
    /// The project's end as the profile gives it.
    pub end: End,
    pub bullets: Vec<TailoredBullet>,
}

/// Skills of one area ("Languages", "Infrastructure", …). The name is a
/// heading; every skill is profile text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SkillGroup {
    pub name: String,
    pub skills: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TailoredBullet {
    pub id: String,
    pub text: String,
}

/// English month abbreviations, for display dates.
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A profile date as résumés print it: `2024` or `Mar 2024`.
pub fn display_date(d: YearMonth) -> String {
    match d
        .month
        .and_then(|m| MONTHS.get(usize::from(m).wrapping_sub(1)))
    {
        Some(m) => format!("{m} {}", d.year),
        None => d.year.to_string(),
    }
}

/// A date range as résumés print it: `2021 – 2024`, `Mar 2024 – Present`,
/// or a single date when start and end are the same.
pub fn display_dates(start: YearMonth, end: End) -> String {
    match end {
        End::Present => format!("{} – Present", display_date(start)),
        End::Date(e) if e == start => display_date(start),
        End::Date(e) => format!("{} – {}", display_date(start), display_date(e)),
    }
}

impl Tailored {
    /// Every bullet id in reading order: experience, then highlights.
    pub fn bullet_ids(&self) -> impl Iterator<Item = &str> {
        self.experience
            .iter()
            .flat_map(|p| p.bullets.iter())
            .chain(self.highlights.iter())
            .map(|b| b.id.as_str())
    }

    /// Every bullet text in reading order: experience, then highlights.
    pub fn bullet_texts(&self) -> impl Iterator<Item = &str> {
        self.experience
            .iter()
            .flat_map(|p| p.bullets.iter())
            .chain(self.highlights.iter())
            .map(|b| b.text.as_str())
    }
}

/// A small but awkward résumé for renderer tests: Unicode, Markdown-special
/// characters, a bullet long enough to wrap, links, every section filled.
#[cfg(test)]
pub(crate) fn sample() -> Tailored {
    use crate::profile::schema::{Contact, Link};

    let ym = |s: &str| s.parse::<YearMonth>().expect("valid sample date");
    let bullet = |id: &str, text: &str| TailoredBullet {
        id: id.into(),
        text: text.into(),
    };
    let project = |id: &str,
                   name: &str,
                   client: Option<&str>,
                   role: Option<&str>,
                   start: &str,
                   end: End,
                   bullets: Vec<TailoredBullet>| {
        let start = ym(start);
        TailoredProject {
            id: id.into(),
            name: name.into(),
            client: client.map(Into::into),
            role: role.map(Into::into),
            dates: display_dates(start, end),
            start,
            end,
            bullets,
        }
    };
    Tailored {
        person: Person {
            name: "Anna Müller-Lüdenscheidt".into(),
            headline: "Senior Platform Engineer — Cloud & Kubernetes".into(),
            contact: Contact {
                email: "anna.mueller@example.com".into(),
                phone: "+41 79 123 45 67".into(),
                location: "Zürich, Switzerland".into(),
                links: vec![
                    Link {
                        label: "GitHub".into(),
                        url: "https://github.com/anna-example".into(),
                    },
                    Link {
                        label: "LinkedIn".into(),
                        url: "https://www.linkedin.com/in/anna-example/".into(),
                    },
                ],
            },
        },
        summary: Some(
            "Platform engineer with 12 years of building reliable, observable systems on AWS and \
             Kubernetes; happiest turning slow, manual releases into boring, automated ones."
                .into(),
        ),
        skills: ["Rust", "C#", "Kubernetes", "AWS Lambda", "Terraform", "CI/CD", "Node.js"]
            .map(String::from)
            .to_vec(),
        skill_groups: vec![
            SkillGroup {
                name: "Languages".into(),
                skills: vec!["Rust".into(), "C#".into()],
            },
            SkillGroup {
                name: "Infrastructure".into(),
                skills: ["Kubernetes", "AWS Lambda", "Terraform", "CI/CD"]
                    .map(String::from)
                    .to_vec(),
            },
            SkillGroup {
                name: "Frameworks & tools".into(),
                skills: vec!["Node.js".into()],
            },
        ],
        experience: vec![
            project(
                "payments",
                "Payments Platform",
                Some("Acme Bank"),
                Some("Lead Platform Engineer"),
                "2021-03",
                End::Present,
                vec![
                    bullet(
                        "pay-1",
                        "Migrated 40 services from EC2 to EKS → cut monthly compute cost by 35 % and \
                         deploy time from 45 minutes to under 6 minutes, with zero customer-facing \
                         downtime during the whole cut-over, across three regions and two data centres.",
                    ),
                    bullet(
                        "pay-2",
                        "Built *idempotent* payment retries with SQS & AWS Lambda [event-driven] <async> \
                         using snake_case_names and `backticks` \\ escapes.",
                    ),
                    bullet(
                        "pay-3",
                        "+40 % throughput after profiling the Rust settlement engine with perf.",
                    ),
                ],
            ),
            project(
                "routing",
                "Routing Engine",
                None,
                Some("Backend Engineer"),
                "2018",
                End::Date(ym("2021-02")),
                vec![
                    bullet(
                        "route-1",
                        "1. Designed a café-delivery routing service in C# handling 2 000 req/s.",
                    ),
                    bullet(
                        "route-2",
                        "# Wrote Terraform modules used by 12 teams for réseau-wide provisioning.",
                    ),
                ],
            ),
        ],
        highlights: vec![bullet(
            "gen-1",
            "Mentored 8 engineers; ran the internal Kubernetes guild for four years.",
        )],
        certifications: vec![
            Certification {
                name: "Certified Kubernetes Administrator (CKA)".into(),
                issuer: Some("CNCF".into()),
                year: Some(2022),
            },
            Certification {
                name: "AWS Certified Solutions Architect – Professional".into(),
                issuer: None,
                year: None,
            },
        ],
        education: vec![Education {
            institution: "ETH Zürich".into(),
            degree: Some("MSc Computer Science".into()),
            start: Some(ym("2008")),
            end: Some(End::Date(ym("2010"))),
        }],
        target: Target {
            title: Some("Staff Platform Engineer".into()),
            company: Some("Globex".into()),
            source: "postings/globex.txt".into(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_display_as_resumes_print_them() {
        let ym = |s: &str| s.parse::<YearMonth>().unwrap();
        assert_eq!(
            display_dates(ym("2021"), End::Date(ym("2024"))),
            "2021 – 2024"
        );
        assert_eq!(
            display_dates(ym("2024-03"), End::Present),
            "Mar 2024 – Present"
        );
        assert_eq!(
            display_dates(ym("2020-12"), End::Date(ym("2020-12"))),
            "Dec 2020"
        );
    }

    #[test]
    fn sample_bullets_are_in_reading_order() {
        let t = sample();
        let ids: Vec<&str> = t
            .experience
            .iter()
            .flat_map(|p| &p.bullets)
            .chain(&t.highlights)
            .map(|b| b.id.as_str())
            .collect();
        assert_eq!(
            ids,
            ["pay-1", "pay-2", "pay-3", "route-1", "route-2", "gen-1"]
        );
        assert_eq!(t.bullet_texts().count(), 6);
    }
}
