//! The master profile's data model: what `profile.yaml` holds, as serde types.
//!
//! Loading (with `file:line:column` errors) lives in `load`, checks that need
//! the whole profile in `validate`, and conversion from skills matrices in
//! `import`. Unknown keys are rejected everywhere so a typo in a key is an
//! error, never silently ignored data.

use std::fmt;

use schemars::JsonSchema;
use serde::{de, Deserialize, Deserializer, Serialize, Serializer};

/// The whole master profile.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub person: Person,
    /// Alternative summaries; the one whose tags best fit a posting is used.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub summaries: Vec<Summary>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub certifications: Vec<Certification>,
    /// Skill areas of the skills matrix, each with a level and its keywords.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skills: Vec<SkillArea>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub projects: Vec<Project>,
    /// Bullets true of all projects ("All Applications" in the matrix).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub general: Vec<Bullet>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub education: Vec<Education>,
    /// User-supplied lexicon extensions: `Google Tasks` = `Cloud Tasks`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<Alias>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub headline: String,
    #[serde(default)]
    pub contact: Contact,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub email: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub phone: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub location: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub label: String,
    pub url: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Summary {
    pub id: String,
    pub text: String,
    /// Kinds of role this summary suits ("platform", "backend", "sre").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Certification {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<u16>,
}

/// The matrix's "Basic/Strong/Advanced/Expert Understanding".
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Basic,
    Strong,
    Advanced,
    Expert,
}

impl Level {
    /// A multiplier for evidence listed under an area of this level.
    pub fn weight(self) -> f64 {
        match self {
            Level::Basic => 0.85,
            Level::Strong => 1.0,
            Level::Advanced => 1.1,
            Level::Expert => 1.2,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Level::Basic => "basic",
            Level::Strong => "strong",
            Level::Advanced => "advanced",
            Level::Expert => "expert",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SkillArea {
    /// The area's name as in the matrix ("Serverless Technologies"); bullets
    /// refer to it by this name.
    pub name: String,
    pub level: Level,
    /// Hard-skill keywords the area covers ("AWS Lambda", "SNS", "SQS").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Project {
    /// Stable id used in reports and by `--json` consumers.
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    pub start: YearMonth,
    pub end: End,
    /// The narrative paragraph(s) about the project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bullets: Vec<Bullet>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Bullet {
    /// Stable id, unique across the profile.
    pub id: String,
    /// Printed verbatim in every résumé that chooses this bullet.
    pub text: String,
    /// Names of the skill areas this bullet was listed under.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skills: Vec<String>,
    /// Hard-skill terms the bullet evidences.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Education {
    pub institution: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub degree: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<YearMonth>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<End>,
}

/// A user's own lexicon entry: `term` is the canonical name, `forms` the
/// other ways postings or the profile write it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Alias {
    pub term: String,
    pub forms: Vec<String>,
}

/// A year, or a year and month: `2024` or `2024-03`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    pub year: u16,
    pub month: Option<u8>,
}

impl YearMonth {
    /// Months since year 0, a missing month counting as January (for start)
    /// or December (for end) as the caller chooses.
    pub fn months(self, missing_month: u8) -> u32 {
        u32::from(self.year) * 12 + u32::from(self.month.unwrap_or(missing_month)) - 1
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.month {
            Some(m) => write!(f, "{:04}-{:02}", self.year, m),
            None => write!(f, "{:04}", self.year),
        }
    }
}

impl std::str::FromStr for YearMonth {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        let bad = || format!("invalid date {s:?}: expected a year (2024) or year-month (2024-03)");
        let (y, m) = match s.split_once('-') {
            Some((y, m)) => (y, Some(m)),
            None => (s, None),
        };
        if y.len() != 4 || !y.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let year: u16 = y.parse().map_err(|_| bad())?;
        let month = match m {
            None => None,
            Some(m) => {
                let m: u8 = m.parse().map_err(|_| bad())?;
                if !(1..=12).contains(&m) {
                    return Err(bad());
                }
                Some(m)
            }
        };
        Ok(YearMonth { year, month })
    }
}

impl Serialize for YearMonth {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.month {
            // A bare year stays a YAML number, as people write it.
            None => s.serialize_u16(self.year),
            Some(_) => s.serialize_str(&self.to_string()),
        }
    }
}

impl<'de> Deserialize<'de> for YearMonth {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl de::Visitor<'_> for V {
            type Value = YearMonth;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a year (2024) or year-month (\"2024-03\")")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<YearMonth, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<YearMonth, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<YearMonth, E> {
                v.parse().map_err(E::custom)
            }
        }
        d.deserialize_any(V)
    }
}

/// In the JSON Schema: a bare year (a YAML number, as people write it) or a
/// "year-month" string, the forms [`YearMonth`]'s `Deserialize` accepts.
impl JsonSchema for YearMonth {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "YearMonth".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A year (2024) or year-month (\"2024-03\").",
            "anyOf": [
                { "type": "integer", "minimum": 1000, "maximum": 9999 },
                { "type": "string", "pattern": "^\\s*[0-9]{4}(-(0?[1-9]|1[0-2]))?\\s*$" }
            ]
        })
    }
}

/// A project's end: a date, or `present`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum End {
    Present,
    Date(YearMonth),
}

impl End {
    /// Months since year 0; `present` is `now`.
    pub fn months(self, now: u32) -> u32 {
        match self {
            End::Present => now,
            End::Date(d) => d.months(12),
        }
    }
}

impl fmt::Display for End {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            End::Present => f.write_str("present"),
            End::Date(d) => d.fmt(f),
        }
    }
}

impl Serialize for End {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            End::Present => s.serialize_str("present"),
            End::Date(d) => d.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for End {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl de::Visitor<'_> for V {
            type Value = End;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a year (2024), year-month (\"2024-03\") or present")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<End, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<End, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<End, E> {
                if v.trim().eq_ignore_ascii_case("present") {
                    Ok(End::Present)
                } else {
                    v.parse().map(End::Date).map_err(E::custom)
                }
            }
        }
        d.deserialize_any(V)
    }
}

/// In the JSON Schema: a [`YearMonth`], or `present`.
impl JsonSchema for End {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "End".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let date = generator.subschema_for::<YearMonth>();
        schemars::json_schema!({
            "description": "A year (2024), year-month (\"2024-03\") or present.",
            "anyOf": [
                date,
                { "type": "string", "pattern": "^\\s*[Pp][Rr][Ee][Ss][Ee][Nn][Tt]\\s*$" }
            ]
        })
    }
}

impl Profile {
    /// Every bullet with the project it belongs to (`None` for general ones),
    /// in profile order.
    pub fn bullets(&self) -> impl Iterator<Item = (Option<&Project>, &Bullet)> {
        self.projects
            .iter()
            .flat_map(|p| p.bullets.iter().map(move |b| (Some(p), b)))
            .chain(self.general.iter().map(|b| (None, b)))
    }

    /// The skill area with this name, compared case-insensitively.
    pub fn skill_area(&self, name: &str) -> Option<&SkillArea> {
        self.skills
            .iter()
            .find(|s| s.name.eq_ignore_ascii_case(name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_years_months_and_present() {
        assert_eq!(
            "2024".parse::<YearMonth>().unwrap(),
            YearMonth {
                year: 2024,
                month: None
            }
        );
        assert_eq!(
            "2021-03".parse::<YearMonth>().unwrap(),
            YearMonth {
                year: 2021,
                month: Some(3)
            }
        );
        assert!("2021-13".parse::<YearMonth>().is_err());
        assert!("21".parse::<YearMonth>().is_err());
        let e: End = serde_yaml::from_str("present").unwrap();
        assert_eq!(e, End::Present);
        let e: End = serde_yaml::from_str("2019").unwrap();
        assert_eq!(
            e,
            End::Date(YearMonth {
                year: 2019,
                month: None
            })
        );
    }

    #[test]
    fn unknown_keys_are_rejected() {
        let err = serde_yaml::from_str::<Profile>("person: {name: A}\nskils: []\n").unwrap_err();
        assert!(err.to_string().contains("unknown field `skils`"), "{err}");
    }

    #[test]
    fn dates_round_trip_as_written() {
        let p = Project {
            id: "p".into(),
            name: "P".into(),
            client: None,
            role: None,
            start: "2020".parse().unwrap(),
            end: End::Present,
            summary: None,
            bullets: vec![],
        };
        let y = serde_yaml::to_string(&p).unwrap();
        assert!(
            y.contains("start: 2020\n") && y.contains("end: present\n"),
            "{y}"
        );
        assert_eq!(serde_yaml::from_str::<Project>(&y).unwrap(), p);
    }
}
