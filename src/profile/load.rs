//! Reading `profile.yaml` into a [`Profile`], with errors that name the file,
//! line and column.
//!
//! serde_yaml does the parsing; this adds what it lacks: the file name, a
//! position for duplicate keys and for a missing top-level field (which it
//! reports at 1:1 or not at all), and plain messages for text that is not
//! UTF-8, empty, or indented with tabs. Checks on a well-formed profile live
//! in `validate`.

use std::path::Path;

use anyhow::{Context, Result};

use super::diagnostic::Diagnostic;
use super::locate::Locator;
use super::schema::Profile;

/// Reads and parses a profile file; the error lists every problem found, one
/// `path:line:column: message` a line.
pub fn load(path: &Path) -> Result<Profile> {
    let bytes = read(path)?;
    let file = path.display().to_string();
    let located = |diags: Vec<Diagnostic>| {
        let lines: Vec<String> = diags.iter().map(Diagnostic::located).collect();
        anyhow::anyhow!("{}", lines.join("\n"))
    };
    let text = decode(&bytes, &file).map_err(|d| located(vec![d]))?;
    let profile = parse(text, &file).map_err(located)?;
    let errors = super::validate::errors(&profile, text, &file);
    if !errors.is_empty() {
        let lines: Vec<String> = errors.iter().map(Diagnostic::located).collect();
        anyhow::bail!(
            "{}\nhint: `tailor check {file}` lists every problem, warnings too",
            lines.join("\n")
        );
    }
    Ok(profile)
}

/// The largest profile tailor reads. A hand-kept profile is tens of
/// kilobytes; a file a hundred times that is the wrong file, and parsing it
/// would take seconds.
pub const MAX_PROFILE_BYTES: u64 = 4 * 1024 * 1024;

/// Reads a profile file's bytes, refusing one too large to be a profile.
pub fn read(path: &Path) -> Result<Vec<u8>> {
    let context = || format!("failed to read profile {}", path.display());
    let len = match std::fs::metadata(path) {
        Ok(m) => m.len(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => anyhow::bail!(
            "profile {} not found\n\
             hint: give the path of your profile (build and match take --profile FILE), \
             or make one from skills matrices with `tailor import`",
            path.display()
        ),
        Err(e) => return Err(e).with_context(context),
    };
    if len > MAX_PROFILE_BYTES {
        anyhow::bail!(
            "{}: the profile is {:.1} MB, more than the {} MB a profile may be\n\
             hint: is this the right file? A profile is a hand-kept YAML file of tens of kilobytes",
            path.display(),
            len as f64 / 1e6,
            MAX_PROFILE_BYTES / (1024 * 1024)
        );
    }
    std::fs::read(path).with_context(context)
}

/// Decodes and parses profile bytes; `file` is only used in messages.
pub fn parse_bytes(bytes: &[u8], file: &str) -> Result<Profile, Vec<Diagnostic>> {
    let text = decode(bytes, file).map_err(|d| vec![d])?;
    parse(text, file)
}

/// The text of a file that must be UTF-8, without a byte-order mark, or an
/// error naming the line and column of the first bad byte.
pub fn decode<'a>(bytes: &'a [u8], file: &str) -> Result<&'a str, Diagnostic> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let good = &bytes[..e.valid_up_to()];
        let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = good.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&good[line_start..]).chars().count() + 1;
        Diagnostic::error(
            file,
            (line, column),
            format!(
                "not UTF-8 text (invalid byte 0x{:02x}); save the file as UTF-8",
                bytes[e.valid_up_to()]
            ),
        )
    })
}

/// Parses profile text; `file` is only used in messages.
pub fn parse(text: &str, file: &str) -> Result<Profile, Vec<Diagnostic>> {
    let only_comments = text
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'));
    if only_comments {
        return Err(vec![Diagnostic::error(
            file,
            (1, 1),
            "the profile is empty; `tailor import` makes one from skills matrices, docs/profile.md shows the format",
        )]);
    }
    let mut diags = tab_errors(text, file);
    // The full scan, with every path's position, only when there is
    // something to report.
    let duplicates = if Locator::has_duplicates(text) {
        Locator::new(text).duplicates().to_vec()
    } else {
        Vec::new()
    };
    for d in duplicates {
        diags.push(Diagnostic::error(
            file,
            (d.line, d.column),
            format!(
                "duplicate key `{}` (first given on line {})",
                d.path, d.first_line
            ),
        ));
    }
    if !diags.is_empty() {
        return Err(diags);
    }
    serde_yaml::from_str(text).map_err(|e| vec![serde_error(&e, text, &Locator::new(text), file)])
}

/// One error for each line whose indentation holds a tab, which YAML forbids.
fn tab_errors(text: &str, file: &str) -> Vec<Diagnostic> {
    text.lines()
        .enumerate()
        .filter_map(|(i, line)| {
            let indent: String = line.chars().take_while(|c| c.is_whitespace()).collect();
            let col = indent.chars().position(|c| c == '\t')? + 1;
            // A tab after the indentation of a blank line is harmless.
            (!line.trim().is_empty()).then(|| {
                Diagnostic::error(
                    file,
                    (i + 1, col),
                    "tab character in indentation; YAML indents with spaces",
                )
            })
        })
        .collect()
}

/// A serde_yaml error as a diagnostic, with its position moved to where the
/// problem is when serde_yaml does not know.
fn serde_error(e: &serde_yaml::Error, text: &str, loc: &Locator, file: &str) -> Diagnostic {
    let full = e.to_string();
    let message = strip_position(&full);
    if message.contains("more than one document") {
        let line = text
            .lines()
            .enumerate()
            .filter(|(_, l)| l.starts_with("---"))
            .map(|(i, _)| i + 1)
            .find(|&l| l > loc.start().0)
            .unwrap_or(1);
        return Diagnostic::error(
            file,
            (line, 1),
            "a second YAML document starts here; a profile is one document",
        );
    }
    let at = match e.location() {
        Some(l) if !(l.line() == 1 && l.column() == 1) => (l.line(), l.column()),
        _ => {
            // A missing top-level field: point at the mapping that lacks it.
            loc.start()
        }
    };
    Diagnostic::error(file, at, message)
}

/// serde_yaml's message without its trailing " at line L column C".
fn strip_position(message: &str) -> String {
    let cut = message
        .find(" at line ")
        .filter(|&i| message[i + 9..].contains(" column "));
    match cut {
        Some(i) => {
            let tail = &message[i + 9..];
            // Keep what follows the position (", while scanning …").
            let after = tail
                .find(',')
                .map(|c| tail[c..].to_string())
                .unwrap_or_default();
            format!("{}{after}", &message[..i])
        }
        None => message.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(text: &str) -> Vec<String> {
        match parse(text, "p.yaml") {
            Ok(_) => vec![],
            Err(d) => d.iter().map(Diagnostic::located).collect(),
        }
    }

    #[test]
    fn a_minimal_profile_loads() {
        let p = parse("person:\n  name: Ann\n", "p.yaml").unwrap();
        assert_eq!(p.person.name, "Ann");
    }

    #[test]
    fn empty_and_comment_only_files_are_errors() {
        for t in ["", "  \n\n", "# nothing\n"] {
            let e = errors(t);
            assert!(
                e[0].starts_with("p.yaml:1:1: the profile is empty"),
                "{e:?}"
            );
        }
    }

    #[test]
    fn missing_top_level_field_points_at_the_document() {
        let e = errors("# c\n\nprojects: []\n");
        assert_eq!(e, vec!["p.yaml:3:1: missing field `person`"]);
    }

    #[test]
    fn missing_nested_field_keeps_serde_position() {
        let e = errors("person:\n  headline: x\n");
        assert_eq!(e, vec!["p.yaml:2:3: person: missing field `name`"]);
    }

    #[test]
    fn duplicate_keys_are_found_where_they_are() {
        let e = errors("person:\n  name: a\n  name: b\nperson: {}\n");
        assert_eq!(
            e,
            vec![
                "p.yaml:3:3: duplicate key `person.name` (first given on line 2)",
                "p.yaml:4:1: duplicate key `person` (first given on line 1)",
            ]
        );
    }

    #[test]
    fn tabs_are_named_with_their_line() {
        let e = errors("person:\n\tname: a\n");
        assert_eq!(
            e,
            vec!["p.yaml:2:1: tab character in indentation; YAML indents with spaces"]
        );
    }

    #[test]
    fn type_errors_keep_path_and_position() {
        let e = errors("person:\n  name: a\nprojects:\n  - id: a\n    name: A\n    start: x\n    end: present\n");
        assert_eq!(e.len(), 1);
        assert!(
            e[0].starts_with("p.yaml:6:12: projects[0].start: invalid date"),
            "{e:?}"
        );
    }

    #[test]
    fn unknown_keys_are_errors() {
        let e = errors("person:\n  name: a\n  nmae: b\n");
        assert!(
            e[0].starts_with("p.yaml:3:3: person: unknown field `nmae`"),
            "{e:?}"
        );
    }

    #[test]
    fn non_utf8_names_line_and_column() {
        let d = decode(b"person:\n  name: \xff\n", "p.yaml").unwrap_err();
        assert_eq!(
            d.located(),
            "p.yaml:2:9: not UTF-8 text (invalid byte 0xff); save the file as UTF-8"
        );
        assert_eq!(decode(b"\xef\xbb\xbfa: 1", "f").unwrap(), "a: 1");
    }

    #[test]
    fn two_documents_are_an_error_at_the_second() {
        let e = errors("person:\n  name: a\n---\nperson:\n  name: b\n");
        assert_eq!(
            e,
            vec!["p.yaml:3:1: a second YAML document starts here; a profile is one document"]
        );
    }

    #[test]
    fn strip_position_keeps_the_tail() {
        assert_eq!(
            strip_position("found x at line 2 column 1, while scanning y"),
            "found x, while scanning y"
        );
        assert_eq!(strip_position("a: b at line 3 column 4"), "a: b");
        assert_eq!(strip_position("no position"), "no position");
    }
}
