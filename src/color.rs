//! Colour for people: the fit and missing required terms of the match
//! report, and the `error:`, `warning:` and `hint:` labels of messages.
//!
//! `--color auto` (the default) colours a stream that is a terminal, unless
//! `NO_COLOR` is set (`CLICOLOR_FORCE` colours a pipe too); `always` and
//! `never` decide alone. anstream (clap's own) judges all that, once per
//! stream; the renderers take a plain `bool` and stay pure. JSON, résumés
//! and every file written are never coloured.

use std::borrow::Cow;

use anstyle::{AnsiColor, Style};

use crate::cli::ColorWhen;
use crate::profile::diagnostic::{Diagnostic, Severity};

/// `error:` and missing required terms.
pub const ERROR: Style = AnsiColor::Red.on_default().bold();
/// `warning:` and a middling fit.
pub const WARNING: Style = AnsiColor::Yellow.on_default().bold();
/// `hint:`.
pub const HINT: Style = AnsiColor::Cyan.on_default().bold();
/// A good fit.
pub const GOOD: Style = AnsiColor::Green.on_default().bold();
/// Headings of the report.
pub const HEADING: Style = Style::new().bold();

/// Sets the choice every later [`stdout`] and [`stderr`] call follows.
pub fn choose(when: ColorWhen) {
    anstream::ColorChoice::write_global(match when {
        ColorWhen::Auto => anstream::ColorChoice::Auto,
        ColorWhen::Always => anstream::ColorChoice::Always,
        ColorWhen::Never => anstream::ColorChoice::Never,
    });
}

/// Whether to colour what goes to standard output.
pub fn stdout() -> bool {
    on(anstream::AutoStream::choice(&std::io::stdout()))
}

/// Whether to colour what goes to standard error.
pub fn stderr() -> bool {
    on(anstream::AutoStream::choice(&std::io::stderr()))
}

fn on(choice: anstream::ColorChoice) -> bool {
    !matches!(choice, anstream::ColorChoice::Never)
}

/// `text` in `style` when `color`, else as is.
pub fn paint(text: &str, style: Style, color: bool) -> Cow<'_, str> {
    if color {
        Cow::Owned(format!("{style}{text}{style:#}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// The style of a fit out of 100: green from 70, yellow from 40, else red.
pub fn fit_style(fit: f64) -> Style {
    if fit >= 70.0 {
        GOOD
    } else if fit >= 40.0 {
        WARNING
    } else {
        ERROR
    }
}

/// A diagnostic as `tailor check` prints it, its severity coloured.
pub fn diagnostic(d: &Diagnostic, color: bool) -> String {
    let style = match d.severity {
        Severity::Error => ERROR,
        Severity::Warning => WARNING,
    };
    format!(
        "{}:{}:{}: {}: {}",
        d.file,
        d.line,
        d.column,
        paint(d.severity.as_str(), style, color),
        d.message
    )
}

/// An error message as `main` prints it: `error: ` before the first line,
/// and the `hint:`, `error:` and `warning:` labels that start a line (or
/// follow its `file:line:column: `) coloured.
pub fn error_message(message: &str, color: bool) -> String {
    let first = format!("{}: ", paint("error", ERROR, color));
    if !color {
        return format!("{first}{message}");
    }
    let lines: Vec<String> = message.lines().map(color_labels).collect();
    format!("{first}{}", lines.join("\n"))
}

/// One line with its leading label coloured.
fn color_labels(line: &str) -> String {
    for (label, style) in [("hint: ", HINT), ("error: ", ERROR), ("warning: ", WARNING)] {
        if let Some(rest) = line.strip_prefix(label) {
            return format!("{}{rest}", paint(label, style, true));
        }
        // `file:3:7: warning: …`
        if let Some(at) = line.find(&format!(": {label}")) {
            let (head, tail) = line.split_at(at + 2);
            let rest = &tail[label.len()..];
            return format!("{head}{}{rest}", paint(label, style, true));
        }
    }
    line.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paint_adds_escapes_only_when_asked() {
        assert_eq!(paint("x", ERROR, false), "x");
        let red = paint("x", ERROR, true);
        assert!(red.starts_with("\x1b[") && red.contains('x') && red.ends_with("\x1b[0m"));
    }

    #[test]
    fn labels_are_coloured_where_they_start_a_line() {
        let plain = error_message("bad thing\nhint: do this", false);
        assert_eq!(plain, "error: bad thing\nhint: do this");
        let colored = error_message("p.yaml:1:1: bad\nhint: do this", true);
        assert!(
            colored.contains(&format!("{HINT}hint: {HINT:#}do this")),
            "{colored:?}"
        );
        assert!(colored.starts_with(&format!("{ERROR}error{ERROR:#}: ")));
        // "hint:" in the middle of a message is no label.
        assert_eq!(color_labels("see the hint: no"), "see the hint: no");
    }

    #[test]
    fn diagnostics_colour_their_severity() {
        let d = Diagnostic::warning("p.yaml", (3, 7), "odd");
        assert_eq!(diagnostic(&d, false), d.to_string());
        assert!(diagnostic(&d, true).contains(&format!("{WARNING}warning{WARNING:#}")));
    }
}
