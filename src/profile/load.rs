//! Reading `profile.yaml` into a [`Profile`], with errors that name the file,
//! line and column.
//!
//! serde_yaml does the parsing; this adds what it lacks: the file name, a
//! position for duplicate keys and for a missing top-level field (which it
//! reports at 1:1 or not at all), and plain messages for text that is not
//! UTF-8, empty, or indented with tabs; and limits, checked before anything
//! walks the tree, so an alias bomb or a deep nest is refused in
//! milliseconds and a few megabytes. Checks on a well-formed profile live
//! in `validate`.

use std::path::Path;

use anyhow::{Context, Result};

use super::cache::{Cache, Index};
use super::diagnostic::Diagnostic;
use super::locate::Locator;
use super::schema::Profile;

/// Reads and parses a profile file; the error lists every problem found, one
/// `path:line:column: message` a line.
pub fn load(path: &Path) -> Result<Profile> {
    load_bytes(&read(path)?, path)
}

/// A profile loaded through the cache.
#[derive(Debug)]
pub struct Loaded {
    pub profile: Profile,
    /// Its index for scoring, when the cache had that too.
    pub index: Option<Index>,
    /// The file's bytes: the cache's key, for storing the index once it is
    /// worked out.
    pub bytes: Vec<u8>,
}

/// The profile for these bytes (what [`read`] read) from `cache`, or the
/// bytes back when it does not have them ([`parse_loaded`] then). Nothing
/// is stored here: the caller stores the profile with its index once it
/// has indexed it ([`Cache::put`]), so that a miss writes one file, not
/// two. Only a valid profile reaches it, so errors are always the YAML's,
/// with their positions.
pub fn from_cache(bytes: Vec<u8>, cache: Option<&Cache>) -> Result<Loaded, Vec<u8>> {
    match cache.and_then(|c| c.get(&bytes)) {
        Some((profile, index)) => Ok(Loaded {
            profile,
            index,
            bytes,
        }),
        None => Err(bytes),
    }
}

/// The bytes of the profile file at `path` parsed and validated, on a
/// cache miss or without a cache.
pub fn parse_loaded(bytes: Vec<u8>, path: &Path) -> Result<Loaded> {
    let profile = load_bytes(&bytes, path)?;
    Ok(Loaded {
        profile,
        index: None,
        bytes,
    })
}

/// Parses and validates the bytes of the profile file at `path`.
fn load_bytes(bytes: &[u8], path: &Path) -> Result<Profile> {
    let file = path.display().to_string();
    let located = |diags: Vec<Diagnostic>| {
        let lines: Vec<String> = diags.iter().map(Diagnostic::located).collect();
        anyhow::anyhow!("{}", lines.join("\n"))
    };
    let text = decode(bytes, &file).map_err(|d| located(vec![d]))?;
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
    // Before anything walks the tree: a deep nest or an alias bomb would
    // cost minutes and gigabytes there.
    if let Some(d) = too_deep(text, file).or_else(|| too_big_expanded(text, file)) {
        return Err(vec![d]);
    }
    let parsed = serde_yaml::from_str(text);
    let mut diags = tab_errors(text, file);
    // Every mapping of a profile is a struct that refuses unknown fields,
    // and serde refuses a field given twice: a duplicate key fails the
    // parse, so only a failed parse is scanned for them (the scan is a
    // tenth of loading a profile). The full scan, with every path's
    // position, only when there is something to report.
    let duplicates = if parsed.is_err() && Locator::has_duplicates(text) {
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
    parsed.map_err(|e| {
        // serde stops at the first problem; the shape walk finds them all.
        let all = super::shape::check(text, file);
        if all.is_empty() {
            vec![serde_error(&e, text, &Locator::new(text), file)]
        } else {
            all
        }
    })
}

/// How deeply a profile may nest flow collections (`[`, `{`). A profile
/// nests four or five levels; libyaml takes time quadratic in the depth
/// (100,000 `[` took 25 s to reject), so a deep nest is refused before it.
pub const MAX_DEPTH: usize = 64;

/// How much text a profile may hold once its aliases (`*name`) are
/// expanded: four times the largest file, so a few anchors reused for
/// repeated text pass, and an alias bomb (23 KB of nested anchors grew to
/// gigabytes) is refused.
pub const MAX_EXPANDED_BYTES: u64 = 4 * MAX_PROFILE_BYTES;

/// How many values (scalars, lists, mappings) a profile may hold once its
/// aliases are expanded; a 4 MB profile written out holds about 200,000.
pub const MAX_EXPANDED_NODES: u64 = 1_000_000;

/// An error at the first flow collection nested deeper than [`MAX_DEPTH`].
///
/// A cheap scan of the text: in block context a `[` or `{` opens a flow
/// collection only where a value starts (after indentation, `- ` or `: `),
/// so brackets inside plain text do not count; inside a flow collection
/// every bracket outside quotes does.
fn too_deep(text: &str, file: &str) -> Option<Diagnostic> {
    // Each level opens with a bracket: too few of them, and no walk.
    if text.bytes().filter(|b| matches!(b, b'[' | b'{')).count() <= MAX_DEPTH {
        return None;
    }
    let mut depth = 0usize;
    let mut quote: Option<u8> = None;
    let mut value_starts = true;
    let (mut line, mut line_start) = (1, 0);
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' {
            line += 1;
            line_start = i + 1;
            value_starts = depth == 0 || value_starts;
            if depth == 0 {
                quote = None;
            }
            i += 1;
            continue;
        }
        match quote {
            Some(b'"') if b == b'\\' => i += 1,
            Some(q) if b == q => {
                // '' inside single quotes is an escaped quote.
                if q == b'\'' && bytes.get(i + 1) == Some(&b'\'') {
                    i += 1;
                } else {
                    quote = None;
                }
            }
            Some(_) => {}
            None => match b {
                b' ' | b'\t' => {}
                b'#' if i == line_start || matches!(bytes[i - 1], b' ' | b'\t') => {
                    // A comment: skip to the end of the line.
                    i = bytes[i..]
                        .iter()
                        .position(|&c| c == b'\n')
                        .map_or(bytes.len(), |p| i + p);
                    continue;
                }
                b'[' | b'{' if depth > 0 || value_starts => {
                    depth += 1;
                    value_starts = true;
                    if depth > MAX_DEPTH {
                        let column = text[line_start..i].chars().count() + 1;
                        return Some(Diagnostic::error(
                            file,
                            (line, column),
                            format!(
                                "lists or mappings nested more than {MAX_DEPTH} levels deep; \
                                 a profile nests a few levels, is this the right file?"
                            ),
                        ));
                    }
                }
                b']' | b'}' if depth > 0 => {
                    depth -= 1;
                    value_starts = false;
                }
                b',' if depth > 0 => value_starts = true,
                b'"' | b'\'' if value_starts || depth > 0 => {
                    quote = Some(b);
                    value_starts = false;
                }
                b'-' | b'?'
                    if depth == 0 && matches!(bytes.get(i + 1), Some(b' ' | b'\n') | None) =>
                {
                    value_starts = true;
                }
                b':' if matches!(bytes.get(i + 1), Some(b' ' | b'\n') | None) => {
                    value_starts = true
                }
                _ => value_starts = false,
            },
        }
        i += 1;
    }
    None
}

/// An error when the profile's aliases (`*name`) expand to more than
/// [`MAX_EXPANDED_BYTES`] of text or [`MAX_EXPANDED_NODES`] values.
///
/// Rather than guess what an anchor spans from the text, this walks the
/// document as serde_yaml expands it, counting and keeping nothing, and
/// stops as soon as a limit is passed: time and memory stay bounded by the
/// limits, not by what the aliases would expand to. Only a profile with
/// both an anchor (`&`) and an alias (`*`) character is walked.
fn too_big_expanded(text: &str, file: &str) -> Option<Diagnostic> {
    use serde::de::DeserializeSeed;
    if !(text.contains('&') && text.contains('*')) {
        return None;
    }
    let count = Count::default();
    let walked = Walk(&count).deserialize(serde_yaml::Deserializer::from_str(text));
    // serde_yaml's own guard against repeated aliases is the same problem.
    let repeated = walked
        .as_ref()
        .is_err_and(|e| e.to_string().contains("repetition limit exceeded"));
    if !(count.over() || repeated) {
        // Any other error is the real parse's to report, with its position.
        return None;
    }
    Some(Diagnostic::error(
        file,
        first_alias(text),
        format!(
            "aliases (*name) expand the profile past {} MB or {} values; \
             a profile is tens of kilobytes, write repeated text out instead",
            MAX_EXPANDED_BYTES / (1024 * 1024),
            MAX_EXPANDED_NODES
        ),
    ))
}

/// Line and column of the first alias (`*name` where a value starts).
fn first_alias(text: &str) -> (usize, usize) {
    let bytes = text.as_bytes();
    let at = (0..bytes.len()).find(|&i| {
        bytes[i] == b'*'
            && (i == 0 || matches!(bytes[i - 1], b' ' | b'\t' | b'\n' | b'[' | b'{' | b','))
            && bytes
                .get(i + 1)
                .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-'))
    });
    let Some(at) = at else { return (1, 1) };
    let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = bytes[..at]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    (line, text[line_start..at].chars().count() + 1)
}

/// What a [`Walk`] has seen so far.
#[derive(Default)]
struct Count {
    nodes: std::cell::Cell<u64>,
    bytes: std::cell::Cell<u64>,
}

impl Count {
    fn over(&self) -> bool {
        self.nodes.get() > MAX_EXPANDED_NODES || self.bytes.get() > MAX_EXPANDED_BYTES
    }

    /// Counts one value of `len` bytes; an error once past a limit.
    fn add<E: serde::de::Error>(&self, len: usize) -> Result<(), E> {
        self.nodes.set(self.nodes.get() + 1);
        self.bytes.set(self.bytes.get().saturating_add(len as u64));
        if self.over() {
            return Err(E::custom("expanded past the limit"));
        }
        Ok(())
    }
}

/// Walks any YAML value, counting into a [`Count`] and keeping nothing.
#[derive(Clone, Copy)]
struct Walk<'a>(&'a Count);

impl<'de> serde::de::DeserializeSeed<'de> for Walk<'_> {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Walk<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<(), E> {
        self.0.add(0)
    }

    fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<(), E> {
        self.0.add(0)
    }

    fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<(), E> {
        self.0.add(0)
    }

    fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<(), E> {
        self.0.add(0)
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<(), E> {
        self.0.add(v.len())
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<(), E> {
        self.0.add(0)
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<(), E> {
        self.0.add(0)
    }

    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        self.0.add(0)?;
        while seq.next_element_seed(self)?.is_some() {}
        Ok(())
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        self.0.add(0)?;
        while map.next_key_seed(self)?.is_some() {
            map.next_value_seed(self)?;
        }
        Ok(())
    }

    fn visit_enum<A: serde::de::EnumAccess<'de>>(self, data: A) -> Result<(), A::Error> {
        // A tagged value (`!tag value`): the tag, then the value.
        use serde::de::VariantAccess;
        let ((), value) = data.variant_seed(self)?;
        value.newtype_variant_seed(self)
    }
}

/// One error for each line whose indentation holds a tab, which YAML forbids.
fn tab_errors(text: &str, file: &str) -> Vec<Diagnostic> {
    if !text.contains('\t') {
        return Vec::new();
    }
    text.lines()
        .enumerate()
        .filter_map(|(i, line)| {
            let indent = &line[..line.len() - line.trim_start().len()];
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

    /// Nine levels of ten aliases to a 300-byte string: 300 GB expanded.
    fn alias_bomb() -> String {
        let mut s = format!(
            "person:\n  name: X\naliases:\n  - term: t0\n    forms: &a0 [\"{}\"]\n",
            "lol".repeat(100)
        );
        for i in 1..10 {
            let refs = vec![format!("*a{}", i - 1); 10].join(", ");
            s.push_str(&format!("  - term: t{i}\n    forms: &a{i} [{refs}]\n"));
        }
        s
    }

    #[test]
    fn an_alias_bomb_is_refused_at_its_first_alias() {
        // Issue 13, 6: 23 KB of nested anchors peaked at 1.07 GB.
        let e = errors(&alias_bomb());
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(
            e[0].starts_with("p.yaml:7:17: aliases (*name) expand the profile past 16 MB"),
            "{e:?}"
        );
    }

    #[test]
    fn a_few_aliases_still_load() {
        let p = parse(
            "person:\n  name: X\naliases:\n  - term: a\n    forms: &f [x, y]\n  - term: b\n    forms: *f\n",
            "p.yaml",
        )
        .unwrap();
        assert_eq!(p.aliases[1].forms, ["x", "y"]);
    }

    #[test]
    fn deep_flow_nesting_is_refused_where_it_passes_the_limit() {
        // Issue 13, 6: 100,000 `[` took 25 s to reject.
        let text = format!("person:\n  name: X\nprojects: {}\n", "[".repeat(100_000));
        let e = errors(&text);
        assert_eq!(
            e,
            [
                "p.yaml:3:75: lists or mappings nested more than 64 levels deep; \
              a profile nests a few levels, is this the right file?"
            ]
        );
        // At the limit it is serde_yaml's to judge.
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(too_deep(&format!("x: {ok}\n"), "p").is_none());
    }

    #[test]
    fn brackets_in_text_quotes_and_comments_are_no_nesting() {
        let mut text = String::from("general:\n");
        for i in 0..100 {
            text.push_str(&format!(
                "  - id: b{i}\n    text: Built a [thing {{ with \"[[\" and '[{{' # [[[\n"
            ));
        }
        text.push_str(
            "# [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n",
        );
        text.push_str(&format!("x: \"{}\"\n", "[".repeat(100)));
        assert!(too_deep(&text, "p").is_none());
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
