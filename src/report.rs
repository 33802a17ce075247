//! The match report for people: fit, matched and missing terms, the top
//! projects and bullets, and with `--explain` each bullet's contributions.
//!
//! `--json` output is `score::Match` serialised as is (docs/match-json.md).

use std::borrow::Cow;
use std::fmt::Write;

use crate::score::{Evidence, How, Match};

/// Text from a posting (or a file name) made safe to print on a terminal:
/// control characters are dropped, so an escape sequence in a title cannot
/// clear the screen or retitle the window, and so are bidirectional
/// overrides, which reorder what follows them. Newlines and tabs stay.
pub fn printable(text: &str) -> Cow<'_, str> {
    let unsafe_char = |c: char| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    };
    if text.contains(unsafe_char) {
        Cow::Owned(text.chars().filter(|&c| !unsafe_char(c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// Renders the human-readable report.
pub fn human(m: &Match, ev: &Evidence, explain: bool) -> String {
    let mut s = String::new();
    let title = m.posting.name(" — ");
    let _ = writeln!(
        s,
        "{}\nsource: {}\nfit: {:.0}/100\n",
        printable(&title),
        printable(&m.posting.source),
        m.fit
    );

    let matched: Vec<_> = m.keywords.iter().filter(|k| k.matched).collect();
    let _ = writeln!(s, "matched ({}):", matched.len());
    for k in &matched {
        let how = match k.how {
            Some(How::Exact) => "exact",
            Some(How::Alias) => "alias",
            Some(How::Stem) => "stem",
            Some(How::Fuzzy) => "fuzzy",
            Some(How::Implied) => "implied",
            None => "",
        };
        let forms = k.forms.join(", ");
        let mut ev_ids: Vec<&str> = k.evidence.iter().map(String::as_str).take(4).collect();
        if k.evidence.len() > 4 {
            ev_ids.push("…");
        }
        let _ = write!(
            s,
            "  {:<28} {:<16} {:<5}  as \"{}\"  in {}",
            k.term,
            k.section.as_str(),
            how,
            printable(&forms),
            ev_ids.join(" ")
        );
        if explain {
            // Where the posting asks for it, and the chain of an implied match.
            let _ = write!(s, "  (posting line {}", k.line);
            if let Some(v) = &k.via {
                let _ = write!(s, "; implied by {v}");
            }
            s.push(')');
        }
        s.push('\n');
    }
    let mut missing: Vec<_> = m.keywords.iter().filter(|k| !k.matched).collect();
    missing.sort_by_key(|k| !k.required);
    let _ = writeln!(
        s,
        "\nmissing ({}) — add evidence to your profile only if it is true:",
        missing.len()
    );
    for k in missing {
        let _ = writeln!(
            s,
            "  {:<28} {}",
            k.term,
            if k.required {
                "required"
            } else {
                k.section.as_str()
            }
        );
    }
    let _ = writeln!(s, "\ntop projects:");
    for p in m.projects.iter().filter(|p| p.score > 0.0).take(5) {
        let _ = writeln!(s, "  {:>6.2}  {} ({})", p.score, p.name, p.id);
    }
    let _ = writeln!(s, "\ntop bullets:");
    for b in m.bullets.iter().take(if explain { usize::MAX } else { 8 }) {
        let text = &ev.bullets[b.index].text;
        let short: String = text.chars().take(90).collect();
        let ell = if short.len() < text.len() { "…" } else { "" };
        let _ = writeln!(s, "  {:>6.2}  {:<14} {short}{ell}", b.score, b.id);
        if explain {
            for (t, c) in &b.terms {
                let _ = writeln!(s, "            + {c:>5.2}  {t}");
            }
        }
    }
    s
}

/// What `tailor build` says on stderr for one posting: fit, missing terms,
/// what `--pages` dropped, and the files written.
pub fn build_summary(
    b: &crate::build::Built,
    written: &[std::path::PathBuf],
    explain: bool,
) -> String {
    let m = &b.matched;
    let mut s = String::new();
    let name = m.posting.name(" at ");
    let name = printable(&name);
    let total = m.keywords.len();
    let matched = m.keywords.iter().filter(|k| k.matched).count();
    let _ = writeln!(
        s,
        "{name}: fit {:.0}/100, {matched} of {total} terms evidenced",
        m.fit
    );
    let list = |required: bool| -> Vec<&str> {
        m.keywords
            .iter()
            .filter(|k| !k.matched && k.required == required)
            .map(|k| k.term.as_str())
            .collect()
    };
    for (label, terms) in [("missing (required)", list(true)), ("missing", list(false))] {
        if !terms.is_empty() {
            let more = terms.len().saturating_sub(8);
            let mut line = terms[..terms.len().min(8)].join(", ");
            if more > 0 {
                let _ = write!(line, " and {more} more");
            }
            let _ = writeln!(s, "  {label}: {line}");
        }
    }
    if !b.selection.unshown.is_empty() {
        let _ = writeln!(
            s,
            "  evidenced but not shown (a bullet in the profile would show it): {}",
            b.selection.unshown.join(", ")
        );
    }
    if !b.dropped.is_empty() {
        let ids: Vec<&str> = b.dropped.iter().map(|c| c.id.as_str()).collect();
        let _ = writeln!(
            s,
            "  dropped to fit the page limit, least relevant first: {}",
            ids.join(", ")
        );
    }
    if !b.fits {
        let _ = writeln!(
            s,
            "  warning: does not fit the page limit even without bullets"
        );
    }
    if explain {
        let _ = writeln!(s, "  chosen bullets, in the order chosen:");
        for c in &b.selection.chosen {
            let why = match (c.reason, c.new_terms.is_empty()) {
                ("coverage", _) => format!("first to show {}", c.new_terms.join(", ")),
                ("relevance", false) => format!(
                    "relevance {:.2}, first to show {}",
                    c.score,
                    c.new_terms.join(", ")
                ),
                ("relevance", true) => format!("relevance {:.2}", c.score),
                (other, _) => other.to_owned(),
            };
            let _ = writeln!(s, "    {:<40} {why}", c.id);
        }
    }
    for p in written {
        let _ = writeln!(s, "  wrote {}", p.display());
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printable_drops_escapes_and_keeps_text() {
        let t = "\x1b[2J\x1b]0;pwned\x07Platform\u{202E} Engineer\r\n\tok";
        assert_eq!(printable(t), "[2J]0;pwnedPlatform Engineer\n\tok");
        assert!(matches!(printable("Zoë — ok"), Cow::Borrowed(_)));
    }
}
