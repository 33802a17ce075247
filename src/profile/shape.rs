//! Every shape problem of a profile in one run: unknown keys, missing
//! fields, wrong types and bad values, each at its `file:line:column`.
//!
//! serde stops at the first problem, so a profile with an unknown key and a
//! bad level took two runs of `tailor check`. When serde refuses a profile,
//! `load` asks this module instead: it reads the YAML as a plain
//! [`serde_yaml::Value`] and walks it against the profile's JSON Schema
//! (generated from the serde types by `json_schema`, so the two never
//! disagree on what a profile may hold), collecting every problem. Dates
//! are judged by their own `Deserialize` impls, so their messages are the
//! ones a successful parse would give. It only runs on a profile serde has
//! refused: a good profile never pays for it.
//!
//! Where the profile differs only by unknown keys, [`without_unknown_keys`]
//! gives the profile without them, so `check` goes on to the checks that
//! need a loaded profile in the same run.

use serde_json::Value as Json;
use serde_yaml::Value as Yaml;

use super::diagnostic::Diagnostic;
use super::locate::Locator;
use super::schema::{End, Profile, YearMonth};

/// Every shape problem of a profile text (empty when the text does not
/// parse as YAML at all, which serde's own error reports better).
pub fn check(text: &str, file: &str) -> Vec<Diagnostic> {
    check_against(&super::json_schema::schema(), text, file)
}

/// [`check`] against a given JSON Schema (the subset schemars writes:
/// `$ref` into `$defs`, `type`, `properties`, `required`,
/// `additionalProperties`, `items`, `enum`, `anyOf`, `minimum`, `maximum`),
/// such as the shipped file, in tests.
pub fn check_against(schema: &Json, text: &str, file: &str) -> Vec<Diagnostic> {
    let Ok(value) = serde_yaml::from_str::<Yaml>(text) else {
        return Vec::new();
    };
    let mut walker = Walker {
        defs: schema.get("$defs").unwrap_or(&Json::Null),
        loc: Locator::new(text),
        file,
        out: Vec::new(),
    };
    walker.walk(schema, &value, "");
    let mut out = walker.out;
    super::diagnostic::sort(&mut out);
    out
}

/// The profile with its unknown keys left out, if that is all that stopped
/// serde; `None` when anything else is wrong.
pub fn without_unknown_keys(text: &str) -> Option<Profile> {
    let mut value = serde_yaml::from_str::<Yaml>(text).ok()?;
    let schema = super::json_schema::schema();
    let defs = schema.get("$defs").unwrap_or(&Json::Null);
    drop_unknown(&schema, defs, &mut value);
    serde_yaml::from_value(value).ok()
}

/// Removes the keys `schema` does not allow, everywhere in `value`.
fn drop_unknown(schema: &Json, defs: &Json, value: &mut Yaml) {
    let schema = resolve(schema, defs);
    if let Some(branches) = schema.get("anyOf").and_then(Json::as_array) {
        // Only the object branch can hold keys.
        if let Some(b) = branches
            .iter()
            .find(|b| resolve(b, defs).get("properties").is_some())
        {
            drop_unknown(b, defs, value);
        }
        return;
    }
    match value {
        Yaml::Mapping(map) => {
            let Some(props) = schema.get("properties").and_then(Json::as_object) else {
                return;
            };
            map.retain(|k, _| k.as_str().is_some_and(|k| props.contains_key(k)));
            for (k, v) in map.iter_mut() {
                if let Some(s) = k.as_str().and_then(|k| props.get(k)) {
                    drop_unknown(s, defs, v);
                }
            }
        }
        Yaml::Sequence(items) => {
            if let Some(s) = schema.get("items") {
                for v in items {
                    drop_unknown(s, defs, v);
                }
            }
        }
        Yaml::Tagged(t) => drop_unknown(schema, defs, &mut t.value),
        _ => {}
    }
}

/// A schema with its `$ref` (to `#/$defs/NAME`) followed.
fn resolve<'s>(schema: &'s Json, defs: &'s Json) -> &'s Json {
    match ref_name(schema).and_then(|name| defs.get(name)) {
        Some(def) => resolve(def, defs),
        None => schema,
    }
}

fn ref_name(schema: &Json) -> Option<&str> {
    schema.get("$ref")?.as_str()?.strip_prefix("#/$defs/")
}

struct Walker<'a> {
    defs: &'a Json,
    loc: Locator,
    file: &'a str,
    out: Vec<Diagnostic>,
}

impl Walker<'_> {
    fn error(&mut self, at: (usize, usize), path: &str, message: String) {
        let message = if path.is_empty() {
            message
        } else {
            format!("{path}: {message}")
        };
        self.out.push(Diagnostic::error(self.file, at, message));
    }

    /// Where the key of `path` is written, as serde gives it (the locator
    /// knows where its value is): the key on that value's line.
    fn key_position(&self, path: &str, key: &str) -> (usize, usize) {
        let line = self.loc.position(path).0;
        self.loc.find_at_or_after((line, 1), key)
    }

    fn walk(&mut self, schema: &Json, value: &Yaml, path: &str) {
        if let Yaml::Tagged(t) = value {
            return self.walk(schema, &t.value, path);
        }
        if let Some(name) = ref_name(schema) {
            // Types with their own `Deserialize` judge themselves.
            let own = match name {
                "YearMonth" => Some(serde_yaml::from_value::<YearMonth>(value.clone()).err()),
                "End" => Some(serde_yaml::from_value::<End>(value.clone()).err()),
                _ => None,
            };
            match own {
                Some(None) => {}
                Some(Some(e)) => {
                    let at = self.loc.position(path);
                    self.error(at, path, e.to_string());
                }
                None => {
                    let def = self.defs.get(name).unwrap_or(&Json::Bool(true));
                    self.walk(def, value, path);
                }
            }
            return;
        }
        if let Some(branches) = schema.get("anyOf").or_else(|| schema.get("oneOf")) {
            return self.any_of(
                branches.as_array().map_or(&[][..], Vec::as_slice),
                value,
                path,
            );
        }
        if let Some(variants) = schema.get("enum").and_then(Json::as_array) {
            let ok = value
                .as_str()
                .is_some_and(|v| variants.iter().any(|e| e.as_str() == Some(v)));
            if !ok {
                let names: Vec<&str> = variants.iter().filter_map(Json::as_str).collect();
                let at = self.loc.position(path);
                self.error(
                    at,
                    path,
                    format!(
                        "unknown variant `{}`, expected {}",
                        scalar_text(value),
                        one_of(&names)
                    ),
                );
            }
            return;
        }
        let types: Vec<&str> = match schema.get("type") {
            Some(Json::String(t)) => vec![t.as_str()],
            Some(Json::Array(ts)) => ts.iter().filter_map(Json::as_str).collect(),
            _ => return,
        };
        let Some(kind) = types.iter().copied().find(|t| fits(t, value)) else {
            let expected: Vec<&str> = types.iter().map(|t| type_name(t)).collect();
            let at = self.loc.position(path);
            self.error(
                at,
                path,
                format!(
                    "invalid type: {}, expected {}",
                    unexpected(value),
                    expected.join(" or ")
                ),
            );
            return;
        };
        match (kind, value) {
            ("integer", _) => self.range(schema, value, path),
            ("object", Yaml::Mapping(map)) => self.object(schema, map, path),
            ("array", Yaml::Sequence(items)) => {
                let item = schema.get("items").unwrap_or(&Json::Bool(true));
                for (i, v) in items.iter().enumerate() {
                    self.walk(item, v, &format!("{path}[{i}]"));
                }
            }
            _ => {}
        }
    }

    /// A value one of several schemas allows: no problem if any branch has
    /// none; else the problems of the branch of the value's kind.
    fn any_of(&mut self, branches: &[Json], value: &Yaml, path: &str) {
        let mut best: Option<Vec<Diagnostic>> = None;
        for b in branches {
            let mut trial = Walker {
                defs: self.defs,
                loc: std::mem::take(&mut self.loc),
                file: self.file,
                out: Vec::new(),
            };
            trial.walk(b, value, path);
            self.loc = trial.loc;
            if trial.out.is_empty() {
                return;
            }
            // A branch for another kind of value (null) says nothing useful.
            let resolved = resolve(b, self.defs);
            let same_kind = match resolved.get("type") {
                Some(Json::String(t)) => fits(t, value),
                _ => true,
            };
            if best.is_none() || same_kind {
                best = Some(trial.out);
            }
        }
        self.out.extend(best.unwrap_or_default());
    }

    fn range(&mut self, schema: &Json, value: &Yaml, path: &str) {
        let Some(n) = value
            .as_i64()
            .map(i128::from)
            .or(value.as_u64().map(i128::from))
        else {
            return;
        };
        let min = schema.get("minimum").and_then(Json::as_i64).map(i128::from);
        let max = schema.get("maximum").and_then(Json::as_i64).map(i128::from);
        if min.is_some_and(|m| n < m) || max.is_some_and(|m| n > m) {
            let at = self.loc.position(path);
            let bounds = format!(
                "a number from {} to {}",
                min.map_or("any".into(), |m| m.to_string()),
                max.map_or("any".into(), |m| m.to_string())
            );
            self.error(at, path, format!("invalid value: {n}, expected {bounds}"));
        }
    }

    fn object(&mut self, schema: &Json, map: &serde_yaml::Mapping, path: &str) {
        let empty = serde_json::Map::new();
        let props = schema
            .get("properties")
            .and_then(Json::as_object)
            .unwrap_or(&empty);
        let closed = schema.get("additionalProperties") == Some(&Json::Bool(false));
        let join = |key: &str| {
            if path.is_empty() {
                key.to_owned()
            } else {
                format!("{path}.{key}")
            }
        };
        for (k, v) in map {
            let key = scalar_text(k);
            match props.get(&key) {
                Some(s) => self.walk(s, v, &join(&key)),
                None if closed => {
                    let at = self.key_position(&join(&key), &key);
                    let names: Vec<&str> = props.keys().map(String::as_str).collect();
                    self.error(
                        at,
                        path,
                        format!("unknown field `{key}`, expected {}", one_of(&names)),
                    );
                }
                None => {}
            }
        }
        let required = schema.get("required").and_then(Json::as_array);
        for name in required.into_iter().flatten().filter_map(Json::as_str) {
            if map.contains_key(name) {
                continue;
            }
            // Where serde puts it: the mapping's first key.
            let at = match map.keys().next().map(scalar_text) {
                Some(k) => self.key_position(&join(&k), &k),
                None if path.is_empty() => self.loc.start(),
                None => self.loc.position(path),
            };
            self.error(at, path, format!("missing field `{name}`"));
        }
    }
}

/// Whether a value is of a JSON Schema type as serde_yaml reads it: any
/// scalar is a string, and an empty value an empty list or mapping.
fn fits(kind: &str, value: &Yaml) -> bool {
    match kind {
        "string" => matches!(
            value,
            Yaml::String(_) | Yaml::Number(_) | Yaml::Bool(_) | Yaml::Null
        ),
        "integer" => value.as_i64().is_some() || value.as_u64().is_some(),
        "number" => value.is_number(),
        "boolean" => value.is_bool(),
        "null" => value.is_null(),
        "array" => value.is_sequence() || value.is_null(),
        "object" => value.is_mapping() || value.is_null(),
        _ => true,
    }
}

fn type_name(kind: &str) -> &str {
    match kind {
        "string" => "a string",
        "integer" => "a whole number",
        "number" => "a number",
        "boolean" => "true or false",
        "null" => "nothing",
        "array" => "a sequence",
        "object" => "a mapping",
        other => other,
    }
}

/// How serde names a value it did not expect.
fn unexpected(value: &Yaml) -> String {
    match value {
        Yaml::Null => "unit value".into(),
        Yaml::Bool(b) => format!("boolean `{b}`"),
        Yaml::Number(n) => format!("number `{n}`"),
        Yaml::String(s) => format!("string {s:?}"),
        Yaml::Sequence(_) => "sequence".into(),
        Yaml::Mapping(_) => "map".into(),
        Yaml::Tagged(t) => unexpected(&t.value),
    }
}

/// A scalar as written (a key, a variant); a collection as its kind.
fn scalar_text(value: &Yaml) -> String {
    match value {
        Yaml::String(s) => s.clone(),
        Yaml::Number(n) => n.to_string(),
        Yaml::Bool(b) => b.to_string(),
        Yaml::Null => "~".into(),
        Yaml::Tagged(t) => scalar_text(&t.value),
        other => unexpected(other),
    }
}

/// serde's wording for the names it expected.
fn one_of(names: &[&str]) -> String {
    match names {
        [] => "no fields".into(),
        [a] => format!("`{a}`"),
        [a, b] => format!("`{a}` or `{b}`"),
        _ => {
            let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
            format!("one of {}", quoted.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(text: &str) -> Vec<String> {
        check(text, "p.yaml")
            .iter()
            .map(Diagnostic::located)
            .collect()
    }

    const GOOD: &str = "\
person:
  name: Ann
skills:
  - name: Cloud
    level: expert
    keywords: [AWS]
projects:
  - id: p
    name: P
    start: 2020
    end: present
    bullets:
      - id: b
        text: Built it.
        skills: [Cloud]
";

    #[test]
    fn a_good_profile_has_no_shape_problems() {
        assert!(serde_yaml::from_str::<Profile>(GOOD).is_ok());
        assert_eq!(errors(GOOD), Vec::<String>::new());
    }

    #[test]
    fn every_shape_problem_is_reported_at_once() {
        // Issue 11: an unknown key, then a bad level, took one run each.
        let text = GOOD
            .replace("  name: Ann\n", "  name: Ann\n  nmae: x\n")
            .replace("level: expert", "level: guru")
            .replace("start: 2020", "start: 20")
            .replace("    name: P\n", "")
            .replace("keywords: [AWS]", "keywords: {a: b}");
        assert_eq!(
            errors(&text),
            [
                "p.yaml:3:3: person: unknown field `nmae`, expected one of `contact`, `headline`, `name`",
                "p.yaml:6:12: skills[0].level: unknown variant `guru`, expected one of `basic`, `strong`, `advanced`, `expert`",
                "p.yaml:7:15: skills[0].keywords: invalid type: map, expected a sequence",
                "p.yaml:9:5: projects[0]: missing field `name`",
                "p.yaml:10:12: projects[0].start: invalid date \"20\": expected a year (2024) or year-month (2024-03)",
            ]
        );
    }

    #[test]
    fn the_walker_finds_what_serde_finds_where_serde_finds_it() {
        for text in [
            GOOD.replace("  name: Ann\n", "  name: Ann\n  nmae: x\n"),
            GOOD.replace("level: expert", "level: guru"),
            GOOD.replace("end: present", "end: 2020-13"),
            GOOD.replace("    name: P\n", ""),
            "person: {name: A}\nprojects: []\nskils: []\n".to_owned(),
        ] {
            let e = serde_yaml::from_str::<Profile>(&text).unwrap_err();
            let at = e.location().map(|l| (l.line(), l.column())).unwrap();
            // serde's message up to its list of names (whose order differs).
            let message = e.to_string();
            let head = message.split(" at line ").next().unwrap();
            let head = head.split(", expected").next().unwrap();
            let walked = check(&text, "p.yaml");
            assert!(
                walked
                    .iter()
                    .any(|d| (d.line, d.column) == at && d.message.starts_with(head)),
                "{message} not in {walked:?}"
            );
        }
    }

    #[test]
    fn walker_and_serde_agree_on_what_loads() {
        // Scalars serde reads as strings, empty lists, optional fields.
        for text in [
            GOOD.to_owned(),
            GOOD.replace("name: Ann", "name: 42"),
            GOOD.replace("keywords: [AWS]", "keywords:"),
            format!("{GOOD}certifications:\n  - name: C\n    year: 2020\n    issuer: ~\n"),
            format!("{GOOD}education:\n  - institution: U\n    end: \"2019-06\"\n"),
            format!("{GOOD}certifications:\n  - name: C\n    year: \"2020\"\n"),
            format!("{GOOD}certifications:\n  - name: C\n    year: 70000\n"),
            format!("{GOOD}education:\n  - institution: U\n    end: soon\n"),
            "person: [a]\n".to_owned(),
            "- a\n".to_owned(),
        ] {
            let serde_ok = serde_yaml::from_str::<Profile>(&text).is_ok();
            assert_eq!(
                errors(&text).is_empty(),
                serde_ok,
                "{text}\n{:?}",
                errors(&text)
            );
        }
    }

    #[test]
    fn unknown_keys_alone_still_give_a_profile() {
        let text = GOOD.replace(
            "        text: Built it.\n",
            "        text: Built it.\n        tgas: [x]\n",
        );
        assert!(serde_yaml::from_str::<Profile>(&text).is_err());
        let p = without_unknown_keys(&text).expect("loads without the key");
        assert_eq!(p.projects[0].bullets[0].text, "Built it.");
        assert!(without_unknown_keys(&GOOD.replace("level: expert", "level: guru")).is_none());
    }
}
