//! `Tailored`: the one value every renderer reads — the chosen, ordered
//! pieces of the profile for one posting.
//!
//! `select` builds it; `render::*` turn it into bytes. Every string in it
//! that reaches a résumé is copied verbatim from the profile: nothing here is
//! reworded, and renderers must not add text of their own beyond section
//! headings, dates and contact labels.

use serde::Serialize;

use crate::profile::schema::{Certification, Education, Person};

/// A résumé for one posting.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tailored {
    pub person: Person,
    /// The best-fitting profile summary, if the profile has any.
    pub summary: Option<String>,
    /// Skill keywords from the profile, most relevant to the posting first.
    pub skills: Vec<String>,
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
    /// Display dates, e.g. "2021 – 2024" or "2024 – Present".
    pub dates: String,
    pub bullets: Vec<TailoredBullet>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TailoredBullet {
    pub id: String,
    pub text: String,
}

impl Tailored {
    /// Every bullet text in reading order: experience, then highlights.
    pub fn bullet_texts(&self) -> impl Iterator<Item = &str> {
        self.experience
            .iter()
            .flat_map(|p| p.bullets.iter())
            .chain(self.highlights.iter())
            .map(|b| b.text.as_str())
    }
}
