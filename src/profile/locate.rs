//! Where things are in YAML text: a line scanner that maps value paths
//! (`projects[2].bullets[0].text`, the form serde_yaml uses in its errors)
//! to their line and column, and finds duplicate keys.
//!
//! serde_yaml gives positions only with errors, never for values, and none
//! at all for a duplicate key; this fills that gap for the block-style YAML
//! people write. It does not parse YAML: flow collections (`[a, b]`) and
//! multi-line scalars are skipped over, and a path inside them resolves to
//! the nearest enclosing path it did see.

use rustc_hash::FxHashMap;

/// A key that appears twice in one mapping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuplicateKey {
    /// The path of the mapping's second entry (`person.name`).
    pub path: String,
    pub line: usize,
    pub column: usize,
    /// The line of the first occurrence.
    pub first_line: usize,
}

/// Positions of the paths in one YAML text.
#[derive(Debug, Default)]
pub struct Locator {
    positions: FxHashMap<String, (usize, usize)>,
    duplicates: Vec<DuplicateKey>,
    /// The text, for `find_at_or_after` (one copy, not one per line).
    text: String,
    /// The first line that is neither blank nor a comment.
    first_content: Option<(usize, usize)>,
}

#[derive(Debug)]
struct Frame {
    /// Column (0-based) of the key or the dash that opened this frame;
    /// -1 for the document.
    indent: isize,
    path: String,
    is_item: bool,
    keys: FxHashMap<String, usize>,
    items: usize,
}

impl Frame {
    fn new(indent: isize, path: String, is_item: bool) -> Self {
        Frame {
            indent,
            path,
            is_item,
            keys: FxHashMap::default(),
            items: 0,
        }
    }
}

impl Locator {
    /// Scans a YAML text.
    pub fn new(text: &str) -> Self {
        Self::scan(text, true)
    }

    /// Whether a YAML text repeats a key in one mapping: the scan without
    /// the paths and positions, for loading a profile, which needs them
    /// only to report a problem.
    pub fn has_duplicates(text: &str) -> bool {
        !Self::scan(text, false).duplicates.is_empty()
    }

    /// Scans a YAML text; without `positions`, only finds whether there are
    /// duplicate keys (their paths are left empty).
    fn scan(text: &str, positions: bool) -> Self {
        let mut loc = Locator {
            text: if positions {
                text.to_owned()
            } else {
                String::new()
            },
            ..Locator::default()
        };
        let mut stack = vec![Frame::new(-1, String::new(), false)];
        // Lines indented deeper than this belong to a scalar already seen.
        let mut skip_deeper_than: Option<isize> = None;
        for (idx, raw) in text.lines().enumerate() {
            let line_no = idx + 1;
            let line = raw.strip_prefix('\u{feff}').unwrap_or(raw);
            let trimmed = line.trim_start_matches(' ');
            let indent = (line.len() - trimmed.len()) as isize;
            if trimmed.trim().is_empty() || trimmed.starts_with('#') {
                continue;
            }
            if let Some(limit) = skip_deeper_than {
                if indent > limit {
                    continue;
                }
                skip_deeper_than = None;
            }
            if indent == 0 && (trimmed.starts_with("---") || trimmed.starts_with("...")) {
                if loc.first_content.is_some() {
                    // A second document: not part of a profile.
                    break;
                }
                continue;
            }
            if loc.first_content.is_none() {
                loc.first_content = Some((line_no, col_of(line, indent as usize)));
            }
            let mut col = indent;
            let mut rest = trimmed;
            let mut last_dash = None;
            // A run of dashes: `- - x` opens nested sequences.
            while let Some(after) = rest
                .strip_prefix('-')
                .filter(|a| a.is_empty() || a.starts_with(' '))
            {
                while stack.len() > 1 {
                    let top = stack.last().expect("stack has a root");
                    if top.indent > col || (top.indent == col && top.is_item) {
                        stack.pop();
                    } else {
                        break;
                    }
                }
                let parent = stack.last_mut().expect("stack has a root");
                let index = parent.items;
                parent.items += 1;
                let spaces = after.len() - after.trim_start_matches(' ').len();
                let value_col = col + 1 + spaces as isize;
                let mut path = String::new();
                if positions {
                    path = format!("{}[{index}]", parent.path);
                    loc.positions
                        .entry(path.clone())
                        .or_insert((line_no, col_of(line, value_col as usize)));
                }
                stack.push(Frame::new(col, path, true));
                last_dash = Some(col);
                rest = after.trim_start_matches(' ');
                col = value_col;
            }
            if rest.is_empty() || rest.starts_with('#') {
                continue;
            }
            match split_key(rest) {
                Some((key, value_offset)) => {
                    while stack.len() > 1 && stack.last().expect("root").indent >= col {
                        stack.pop();
                    }
                    let parent = stack.last_mut().expect("stack has a root");
                    let path = if !positions {
                        String::new()
                    } else if parent.path.is_empty() {
                        key.clone()
                    } else {
                        format!("{}.{key}", parent.path)
                    };
                    if let Some(&first_line) = parent.keys.get(&key) {
                        loc.duplicates.push(DuplicateKey {
                            path: path.clone(),
                            line: line_no,
                            column: col_of(line, col as usize),
                            first_line,
                        });
                    } else {
                        parent.keys.insert(key, line_no);
                    }
                    let value = rest[value_offset..].trim_start_matches(' ');
                    let value_col = col + (rest.len() - value.len()) as isize;
                    let has_value = !value.is_empty() && !value.starts_with('#');
                    let at = if has_value { value_col } else { col };
                    // A second occurrence must not move the first one's position.
                    if positions {
                        loc.positions
                            .entry(path.clone())
                            .or_insert((line_no, col_of(line, at as usize)));
                    }
                    stack.push(Frame::new(col, path, false));
                    if has_value {
                        skip_deeper_than = Some(col);
                    }
                }
                None => {
                    // A scalar item (`- text`) or a stray scalar: anything
                    // deeper continues it.
                    skip_deeper_than = Some(last_dash.unwrap_or(col - 1));
                }
            }
        }
        loc
    }

    /// The position of `path`, or of the nearest enclosing path the scanner
    /// saw, or of the document's start.
    pub fn position(&self, path: &str) -> (usize, usize) {
        let mut p = path;
        loop {
            if let Some(&pos) = self.positions.get(p) {
                return pos;
            }
            match p.rfind(['.', '[']) {
                Some(i) => p = &p[..i],
                None => return self.start(),
            }
        }
    }

    /// Whether the scanner saw exactly this path.
    pub fn has(&self, path: &str) -> bool {
        self.positions.contains_key(path)
    }

    /// Where `needle` first occurs at or after `path`'s position (for values
    /// inside flow collections or long scalars).
    pub fn find_from(&self, path: &str, needle: &str) -> (usize, usize) {
        self.find_at_or_after(self.position(path), needle)
    }

    /// Where `needle` first occurs at or after a position, looking a few
    /// hundred lines ahead; the position itself if not found.
    pub fn find_at_or_after(&self, (line, col): (usize, usize), needle: &str) -> (usize, usize) {
        if needle.is_empty() || line == 0 {
            return (line, col);
        }
        for (i, text) in self.text.lines().enumerate().skip(line - 1).take(400) {
            let from = if i + 1 == line {
                byte_of_col(text, col)
            } else {
                0
            };
            if let Some(b) = text.get(from..).and_then(|t| t.find(needle)) {
                return (i + 1, text[..from + b].chars().count() + 1);
            }
        }
        (line, col)
    }

    /// The first non-blank, non-comment line (1:1 for an empty text).
    pub fn start(&self) -> (usize, usize) {
        self.first_content.unwrap_or((1, 1))
    }

    pub fn duplicates(&self) -> &[DuplicateKey] {
        &self.duplicates
    }
}

/// Splits `key: value` (or `key:`), returning the unquoted key and the byte
/// offset just after the colon.
fn split_key(s: &str) -> Option<(String, usize)> {
    let is_end = |rest: &str| rest.is_empty() || rest.starts_with(' ') || rest.starts_with('\t');
    if let Some(q) = s.chars().next().filter(|c| *c == '"' || *c == '\'') {
        let close = s[1..].find(q)? + 1;
        let after = &s[close + 1..];
        let after_trim = after.trim_start_matches(' ');
        let colon = after_trim.strip_prefix(':')?;
        if !is_end(colon) {
            return None;
        }
        let offset = s.len() - colon.len();
        return Some((s[1..close].to_string(), offset));
    }
    if s.starts_with(['[', '{', '|', '>', '&', '*', '!', '%', '@', '`']) {
        return None;
    }
    let mut from = 0;
    while let Some(i) = s[from..].find(':') {
        let at = from + i;
        if is_end(&s[at + 1..]) {
            let key = s[..at].trim_end();
            if key.contains(" #") {
                return None;
            }
            return Some((key.to_string(), at + 1));
        }
        from = at + 1;
    }
    None
}

/// 1-based character column of a 0-based byte offset.
fn col_of(line: &str, byte: usize) -> usize {
    line.get(..byte.min(line.len()))
        .map_or(byte, |s| s.chars().count())
        + 1
}

/// 0-based byte offset of a 1-based character column.
fn byte_of_col(line: &str, col: usize) -> usize {
    line.char_indices()
        .nth(col.saturating_sub(1))
        .map_or(line.len(), |(b, _)| b)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "\
# a profile
person:
  name: Ann
  contact:
    email: a@b.c
projects:
- id: one
  bullets:
    - id: one-a
      text: >-
        folded text
        id: not-a-key
      skills: [A, B]
    - id: one-b
      text: \"quoted: text\"
- id: two
  name: Two
";

    #[test]
    fn finds_keys_items_and_values() {
        let loc = Locator::new(TEXT);
        assert_eq!(loc.position("person"), (2, 1));
        assert_eq!(loc.position("person.name"), (3, 9));
        assert_eq!(loc.position("person.contact.email"), (5, 12));
        assert_eq!(loc.position("projects[0].id"), (7, 7));
        assert_eq!(loc.position("projects[0].bullets[0].id"), (9, 11));
        assert_eq!(loc.position("projects[0].bullets[1].text"), (15, 13));
        assert_eq!(loc.position("projects[1].name"), (17, 9));
        assert!(!loc.has("projects[0].bullets[0].text.id"));
        assert!(loc.duplicates().is_empty(), "{:?}", loc.duplicates());
    }

    #[test]
    fn unknown_paths_fall_back_to_their_parent() {
        let loc = Locator::new(TEXT);
        assert_eq!(loc.position("projects[0].bullets[0].skills[1]"), (13, 15));
        assert_eq!(
            loc.find_from("projects[0].bullets[0].skills", "B"),
            (13, 19)
        );
        assert_eq!(loc.position("nothing"), (2, 1));
    }

    #[test]
    fn reports_duplicate_keys_in_the_same_mapping_only() {
        let loc = Locator::new("a:\n  x: 1\n  y: 2\n  x: 3\nb:\n  x: 1\na: 2\n");
        let d: Vec<_> = loc
            .duplicates()
            .iter()
            .map(|d| (d.path.as_str(), d.line, d.column, d.first_line))
            .collect();
        assert_eq!(d, vec![("a.x", 4, 3, 2), ("a", 7, 1, 1)]);
    }

    #[test]
    fn duplicate_keys_in_list_items_are_per_item() {
        let loc = Locator::new("l:\n- id: a\n  id: b\n- id: c\n");
        assert_eq!(loc.duplicates().len(), 1);
        assert_eq!(loc.duplicates()[0].line, 3);
    }

    #[test]
    fn the_quick_scan_finds_the_same_duplicates() {
        for text in [
            "a:\n  x: 1\n  y: 2\n  x: 3\nb:\n  x: 1\na: 2\n",
            "l:\n- id: a\n  id: b\n- id: c\n",
            "l:\n- id: a\n- id: a\nm:\n  - - k: 1\n    - k: 2\n",
            TEXT,
            include_str!("../../profile.yaml"),
        ] {
            let full = !Locator::new(text).duplicates().is_empty();
            assert_eq!(Locator::has_duplicates(text), full, "{text}");
        }
    }

    #[test]
    fn empty_and_comment_only_texts_start_at_one_one() {
        assert_eq!(Locator::new("").start(), (1, 1));
        assert_eq!(Locator::new("# c\n\n  x: 1\n").start(), (3, 3));
    }
}
