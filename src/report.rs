//! The match report for people: fit, matched and missing terms, the top
//! projects and bullets, and with `--explain` each bullet's contributions.
//!
//! `--json` output is `score::Match` serialised as is (docs/match-json.md).

use std::borrow::Cow;
use std::fmt::Write;

use crate::posting::Because;
use crate::score::{Evidence, How, Keyword, Match};

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

/// Renders the human-readable report, without colour.
pub fn human(m: &Match, ev: &Evidence, explain: bool) -> String {
    human_styled(m, ev, explain, false)
}

/// Renders the human-readable report; with `color`, the title, the fit and
/// the missing required terms stand out (`color` says when).
pub fn human_styled(m: &Match, ev: &Evidence, explain: bool, color: bool) -> String {
    use crate::color::{fit_style, paint, ERROR, HEADING};
    let mut s = String::new();
    let title = m.posting.name(" — ");
    let fit = format!("{:.0}/100", m.fit);
    let _ = writeln!(
        s,
        "{}\nsource: {}\nfit: {}\n",
        paint(&printable(&title), HEADING, color),
        printable(&m.posting.source),
        paint(&fit, fit_style(m.fit), color)
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
            let _ = write!(s, "  (posting line {}; {}", k.line, section_rule(k));
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
        // Padded before painting: escapes have no width.
        let term = format!("{:<28}", k.term);
        let (term, why) = if k.required {
            (paint(&term, ERROR, color), paint("required", ERROR, color))
        } else {
            (term.into(), k.section.as_str().into())
        };
        if explain {
            let _ = writeln!(
                s,
                "  {term} {why}  (posting line {}; {})",
                k.line,
                section_rule(k)
            );
        } else {
            let _ = writeln!(s, "  {term} {why}");
        }
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
    build_summary_styled(b, written, explain, false)
}

/// [`build_summary`], with the fit and the missing required terms in
/// colour when `color`.
pub fn build_summary_styled(
    b: &crate::build::Built,
    written: &[std::path::PathBuf],
    explain: bool,
    color: bool,
) -> String {
    use crate::color::{fit_style, paint, ERROR};
    let m = &b.matched;
    let mut s = String::new();
    let name = m.posting.name(" at ");
    let name = printable(&name);
    let total = m.keywords.len();
    let matched = m.keywords.iter().filter(|k| k.matched).count();
    let fit = format!("fit {:.0}/100", m.fit);
    let _ = writeln!(
        s,
        "{name}: {}, {matched} of {total} terms evidenced",
        paint(&fit, fit_style(m.fit), color)
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
            let label = if label == "missing (required)" {
                paint(label, ERROR, color)
            } else {
                label.into()
            };
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
    if let Some(f) = &b.page_fill {
        let _ = writeln!(s, "  {}", page_fill_note(f));
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

/// What ending on a well-filled page did, in one line: which page would
/// have been thin, what was dropped, and how to keep it.
pub fn page_fill_note(f: &crate::build::PageFill) -> String {
    let ids: Vec<&str> = f.dropped.iter().map(|c| c.id.as_str()).collect();
    format!(
        "note: page {} would have held {:.0}% of a page; dropped the {} least relevant \
         bullet{} to end on page {}: {} (--pages {} keeps them)",
        f.pages_before,
        f.last_page_before * 100.0,
        ids.len(),
        if ids.len() == 1 { "" } else { "s" },
        f.pages,
        ids.join(", "),
        f.pages_before
    )
}

/// The rule that put a term in its section, for `--explain`: "required
/// by the heading on line 12", "preferred by its clause on line 20".
fn section_rule(k: &Keyword) -> String {
    match k.because {
        (b @ Because::Heading(_), _) | (b @ Because::Opening, _) => {
            format!("{} by {b}", k.section.as_str())
        }
        (b, line) => format!("{} by {b} on line {line}", k.section.as_str()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_is_only_added_when_asked() {
        let ev = Evidence::new(
            &crate::profile::load::parse(
                "person: {name: A}\nskills: [{name: Cloud, level: strong, keywords: [AWS]}]\n",
                "p.yaml",
            )
            .unwrap(),
            crate::keywords::Lexicon::builtin(),
            crate::score::profile_now(&Default::default()),
        );
        let posting = crate::posting::analyse(
            "Engineer\n\nRequirements:\n- AWS\n- Kubernetes is required\n",
            "p.txt",
        )
        .unwrap();
        let m = crate::score::score(&ev, &posting);
        let plain = human_styled(&m, &ev, false, false);
        assert_eq!(plain, human(&m, &ev, false));
        assert!(!plain.contains('\x1b'));
        let colored = human_styled(&m, &ev, false, true);
        assert!(colored.contains("\x1b["), "{colored}");
        // The same text once the escapes are taken out.
        assert_eq!(anstream::adapter::strip_str(&colored).to_string(), plain);
    }

    #[test]
    fn printable_drops_escapes_and_keeps_text() {
        let t = "\x1b[2J\x1b]0;pwned\x07Platform\u{202E} Engineer\r\n\tok";
        assert_eq!(printable(t), "[2J]0;pwnedPlatform Engineer\n\tok");
        assert!(matches!(printable("Zoë — ok"), Cow::Borrowed(_)));
    }
}
