//! The starter profile `tailor init` writes: every section a first profile
//! needs, commented, with placeholders the user replaces.
//!
//! Writing it (and refusing to replace a file) is `app`'s; the format it
//! follows is `profile::schema`'s, and `tests/it/cli.rs` holds the starter
//! to `tailor check` with only the placeholder warnings, and to the JSON
//! Schema its first line points editors at.

use crate::profile::json_schema;

/// The starter `profile.yaml`: the line that points editors at the schema
/// `init` writes beside it, then [`STARTER`].
pub fn starter() -> String {
    format!("{}{STARTER}", json_schema::modeline(json_schema::FILE_NAME))
}

/// The starter's body, below the schema line.
pub const STARTER: &str = r#"# Your master profile: every résumé line tailor writes comes from here,
# word for word, so write each text as you want it printed.
# Replace every example below with your own; `tailor check` lists what is
# left to fix (the full format: docs/profile.md in tailor's repository).

person:
  name: Your Name                        # as printed at the top
  headline: Software Engineer            # optional: a line under the name
  contact:                               # every field optional
    email: you@example.com
    location: City, Country
    links:
      - label: GitHub
        url: https://github.com/your-name

# Alternative opening paragraphs: the one whose tags best fit a posting is
# used. Add one per kind of role you apply for.
summaries:
  - id: general
    text: Software engineer with five years of experience building and running web services in the cloud.
    tags: [backend, cloud]               # kinds of role it suits

# Skill areas with a level (basic, strong, advanced or expert) and the
# hard-skill terms each covers.
skills:
  - name: Cloud Infrastructure
    level: strong
    keywords: [AWS, Terraform, Docker]
  - name: Backend Development
    level: advanced
    keywords: [Python, PostgreSQL, REST APIs]

# Your projects or jobs, each with the bullets that are evidence of your
# skills. tailor picks the projects and bullets that fit each posting.
projects:
  - id: example-project                  # short and stable: reports use it
    name: Example Project
    client: Example Company              # optional
    role: Software Engineer              # optional
    start: 2022                          # a year, or "2022-03"
    end: present                         # a year, "2024-06", or present
    bullets:
      - id: example-project-api          # unique in the whole profile
        text: Built a REST API in Python on PostgreSQL serving two million requests a day.
        skills: [Backend Development]    # skill-area names from `skills`
        tags: [Python, PostgreSQL, REST APIs]   # the terms it shows: used for matching, never printed
      - id: example-project-infra
        text: Moved the service to AWS with Terraform and Docker, cutting hosting costs by a third.
        skills: [Cloud Infrastructure]
        tags: [AWS, Terraform, Docker]
"#;
