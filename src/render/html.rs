//! The HTML résumé: a standalone HTML5 page laid out like the PDF.
//!
//! Written straight from the [`Tailored`] value (not through the Markdown),
//! so it can look like the same résumé as the PDF: the same section
//! headings (bold, accent blue, a rule beneath, not capitals), each
//! project's dates flush right on its name's line with `Role · Employer`
//! beneath, the same contact line with links showing their address. A
//! small inline stylesheet, one column, prints well.
//!
//! Every piece of profile text goes through `escape` once; raw HTML in a
//! profile is shown as text, never interpreted.

use std::fmt::Write as _;

use super::{
    certification_line, contact_items, document_title, education_dates, education_title, heading,
    one_line, paragraphs, pdf::display_url, project_subtitle, skill_rows,
};
use crate::tailored::Tailored;

/// The page's stylesheet: the PDF's font, sizes, colours and margins; one
/// column; headings kept with what follows them.
const CSS: &str = "\
body{font-family:\"Liberation Sans\",Arial,Helvetica,sans-serif;font-size:10.5pt;line-height:1.3;color:#1a1a1a;max-width:174mm;margin:2rem auto;padding:0 1rem}
h1{font-size:20pt;margin:0}
.headline{font-size:11.5pt;color:#545454;margin:0}
.contact{font-size:10pt;margin:.3rem 0 0}
h2{font-size:12pt;color:#1f3b66;border-bottom:.6pt solid #999;padding-bottom:1pt;margin:12pt 0 4pt}
.entry{display:flex;justify-content:space-between;align-items:baseline;gap:12pt;margin:8pt 0 0}
h2+.entry,h2+article>.entry{margin-top:0}
.entry h3,.entry p{font-size:10.5pt;font-weight:bold;margin:0}
.dates{color:#545454;white-space:nowrap}
.role{color:#545454;margin:0}
p{margin:0 0 2pt}
ul{margin:0;padding-left:13pt}
li{margin:2.5pt 0 0;break-inside:avoid}
li::marker{color:#545454}
a{color:inherit;text-decoration:none}
h2,.entry,.role{break-after:avoid;page-break-after:avoid}
@page{margin:16mm 18mm}
@media print{body{margin:0;max-width:none;padding:0}}
";

/// Renders the résumé as a standalone HTML5 document.
pub fn render(t: &Tailored) -> String {
    let mut out = String::with_capacity(8192);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let author = one_line(&t.person.name);
    if !author.is_empty() {
        let _ = writeln!(
            out,
            "<meta name=\"author\" content=\"{}\">",
            escape(&author)
        );
    }
    let _ = writeln!(out, "<title>{}</title>", escape(&document_title(t)));
    out.push_str("<style>\n");
    out.push_str(CSS);
    out.push_str("</style>\n</head>\n<body>\n<main>\n");
    body(t, &mut out);
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// The résumé's content, in the PDF's order.
fn body(t: &Tailored, out: &mut String) {
    let name = one_line(&t.person.name);
    let headline = one_line(&t.person.headline);
    let contact: Vec<String> = contact_items(&t.person)
        .iter()
        .map(|c| match (&c.url, c.is_link) {
            (Some(url), true) => link(url, display_url(url)),
            (Some(url), false) => link(url, &c.text),
            (None, _) => escape(&c.text),
        })
        .collect();
    if !name.is_empty() || !headline.is_empty() || !contact.is_empty() {
        out.push_str("<header>\n");
        if !name.is_empty() {
            let _ = writeln!(out, "<h1>{}</h1>", escape(&name));
        }
        if !headline.is_empty() {
            let _ = writeln!(out, "<p class=\"headline\">{}</p>", escape(&headline));
        }
        if !contact.is_empty() {
            let _ = writeln!(out, "<p class=\"contact\">{}</p>", contact.join(" · "));
        }
        out.push_str("</header>\n");
    }

    let summary = t.summary.as_deref().map(paragraphs).unwrap_or_default();
    if !summary.is_empty() {
        open(out, heading::SUMMARY);
        for p in &summary {
            let _ = writeln!(out, "<p>{}</p>", escape(p));
        }
        out.push_str("</section>\n");
    }

    let rows = skill_rows(t);
    if !rows.is_empty() {
        open(out, heading::SKILLS);
        for (label, skills) in &rows {
            let list = escape(&skills.join(", "));
            match label {
                Some(l) => {
                    let _ = writeln!(out, "<p><strong>{}:</strong> {list}</p>", escape(l));
                }
                None => {
                    let _ = writeln!(out, "<p>{list}</p>");
                }
            }
        }
        out.push_str("</section>\n");
    }

    if !t.experience.is_empty() {
        open(out, heading::EXPERIENCE);
        for p in &t.experience {
            out.push_str("<article>\n");
            entry(out, "h3", &one_line(&p.name), &one_line(&p.dates));
            if let Some(sub) = project_subtitle(p.role.as_deref(), p.client.as_deref()) {
                let _ = writeln!(out, "<p class=\"role\">{}</p>", escape(&sub));
            }
            list(out, p.bullets.iter().map(|b| b.text.clone()));
            out.push_str("</article>\n");
        }
        out.push_str("</section>\n");
    }

    if !t.highlights.is_empty() {
        open(out, heading::HIGHLIGHTS);
        list(out, t.highlights.iter().map(|b| b.text.clone()));
        out.push_str("</section>\n");
    }

    if !t.certifications.is_empty() {
        open(out, heading::CERTIFICATIONS);
        list(out, t.certifications.iter().map(certification_line));
        out.push_str("</section>\n");
    }

    if !t.education.is_empty() {
        open(out, heading::EDUCATION);
        for e in &t.education {
            let dates = education_dates(e).unwrap_or_default();
            entry(out, "p", &education_title(e), &dates);
        }
        out.push_str("</section>\n");
    }
}

fn open(out: &mut String, title: &str) {
    let _ = writeln!(out, "<section>\n<h2>{}</h2>", escape(title));
}

/// A title with its dates flush right on the same line (the PDF's title
/// line).
fn entry(out: &mut String, tag: &str, title: &str, dates: &str) {
    let _ = write!(out, "<div class=\"entry\"><{tag}>{}</{tag}>", escape(title));
    if !dates.is_empty() {
        let _ = write!(out, "<span class=\"dates\">{}</span>", escape(dates));
    }
    out.push_str("</div>\n");
}

/// A bullet list; empty items are skipped.
fn list(out: &mut String, items: impl Iterator<Item = String>) {
    let items: Vec<String> = items
        .map(|i| one_line(&i).into_owned())
        .filter(|i| !i.is_empty())
        .collect();
    if items.is_empty() {
        return;
    }
    out.push_str("<ul>\n");
    for i in items {
        let _ = writeln!(out, "<li>{}</li>", escape(&i));
    }
    out.push_str("</ul>\n");
}

fn link(url: &str, text: &str) -> String {
    format!("<a href=\"{}\">{}</a>", escape(url), escape(text))
}

/// Escapes text for HTML element content and double-quoted attributes.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tailored::sample;

    fn unescape(s: &str) -> String {
        s.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&")
    }

    /// The text of every `<li>` in the page, tags stripped, entities decoded.
    fn list_items(html: &str) -> Vec<String> {
        html.split("<li>")
            .skip(1)
            .map(|rest| {
                let inner = rest.split("</li>").next().unwrap_or_default();
                let mut text = String::new();
                let mut in_tag = false;
                for c in inner.chars() {
                    match c {
                        '<' => in_tag = true,
                        '>' => in_tag = false,
                        c if !in_tag => text.push(c),
                        _ => {}
                    }
                }
                unescape(&text)
            })
            .collect()
    }

    #[test]
    fn every_bullet_is_a_list_item_verbatim() {
        let t = sample();
        let html = render(&t);
        let items = list_items(&html);
        let bullets: Vec<String> = t.bullet_texts().map(String::from).collect();
        assert_eq!(&items[..bullets.len()], &bullets[..], "{html}");
    }

    #[test]
    fn is_a_standalone_page_with_escaped_metadata() {
        let mut t = sample();
        t.person.name = "Ann <script>\"&".into();
        let html = render(&t);
        assert!(html
            .starts_with("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">"));
        assert!(html.contains(
            "<title>Ann &lt;script&gt;&quot;&amp; — Résumé for Staff Platform Engineer at Globex</title>"
        ));
        assert!(html.contains("<meta name=\"author\" content=\"Ann &lt;script&gt;&quot;&amp;\">"));
        assert!(!html.contains("<script>"));
        assert!(html.contains("<h2>Experience</h2>"));
        assert!(html
            .contains("<a href=\"https://github.com/anna-example\">github.com/anna-example</a>"));
        // Like the PDF: dates on the project's line, role and employer
        // beneath, headings not in capitals.
        assert!(html.contains(
            "<div class=\"entry\"><h3>Payments Platform</h3>\
             <span class=\"dates\">Mar 2021 – Present</span></div>\n\
             <p class=\"role\">Lead Platform Engineer · Acme Bank</p>"
        ));
        assert!(html.contains("<div class=\"entry\"><h3>Routing Engine</h3>"));
        assert!(!html.contains("uppercase"));
        assert!(html.ends_with("</html>\n"));
    }
}
