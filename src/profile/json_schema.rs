//! The JSON Schema of `profile.yaml`, generated from the serde types in
//! `schema` (schemars), so editors complete and check a profile as tailor
//! reads it.
//!
//! The repository ships it as `schema/profile.schema.json`; a test keeps
//! that file equal to [`text`] (`TAILOR_UPDATE_SNAPSHOTS=1 cargo test
//! --test it schema` rewrites it). `tailor schema` prints it, `tailor init`
//! and `tailor import -o` write it beside the profile, and the profiles they
//! write start with [`modeline`], the line YAML editors (the YAML language
//! server of VS Code, Neovim, Helix, …) read to find it. `shape` walks a
//! profile against it to report every shape problem at once.

use super::schema::Profile;

/// The file name the schema gets beside a profile.
pub const FILE_NAME: &str = "profile.schema.json";

/// What a YAML editor's first line must say before the schema's path.
pub const MODELINE_PREFIX: &str = "# yaml-language-server: $schema=";

/// The schema, as a JSON value.
pub fn schema() -> serde_json::Value {
    let mut schema = schemars::schema_for!(Profile).to_value();
    if let Some(root) = schema.as_object_mut() {
        root.insert("title".into(), "tailor profile".into());
        root.insert(
            "description".into(),
            "A master profile for tailor (profile.yaml): the person, summaries, skill areas, \
             projects with tagged evidence bullets, education and aliases. \
             `tailor check` validates it with file:line:column messages."
                .into(),
        );
    }
    schema
}

/// The schema as the file tailor ships and writes: pretty JSON, one final
/// newline.
pub fn text() -> String {
    let mut s = serde_json::to_string_pretty(&schema()).expect("a JSON value serialises");
    s.push('\n');
    s
}

/// The first line of a profile that points editors at the schema;
/// `reference` is a path relative to the profile, or a URL.
pub fn modeline(reference: &str) -> String {
    format!("{MODELINE_PREFIX}{reference}\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schema_closes_every_mapping_and_knows_the_levels() {
        let s = schema();
        assert_eq!(s["additionalProperties"], false);
        assert_eq!(s["required"], serde_json::json!(["person"]));
        let defs = s["$defs"].as_object().unwrap();
        for (name, def) in defs {
            if def.get("properties").is_some() {
                assert_eq!(def["additionalProperties"], false, "{name} is open");
            }
        }
        assert_eq!(
            defs["Level"]["enum"],
            serde_json::json!(["basic", "strong", "advanced", "expert"])
        );
    }

    #[test]
    fn modeline_is_one_comment_line() {
        assert_eq!(
            modeline("profile.schema.json"),
            "# yaml-language-server: $schema=profile.schema.json\n"
        );
    }
}
