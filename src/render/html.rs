//! The HTML résumé: the Markdown résumé rendered by comrak, inside a
//! minimal standalone HTML5 page with a small print-friendly stylesheet.
//!
//! All escaping of profile text happens twice and in one direction: the
//! Markdown renderer escapes Markdown syntax, comrak escapes HTML. Raw HTML
//! in profile text never reaches the page as markup (Markdown escapes `<`,
//! and comrak's default options would omit raw HTML anyway).

use comrak::{markdown_to_html, Options};

use super::{document_title, markdown, one_line};
use crate::tailored::Tailored;

/// The page's stylesheet: one column, system fonts, no colour that would
/// print badly, headings kept with what follows them.
const CSS: &str = "\
body{font-family:\"Liberation Sans\",Arial,Helvetica,sans-serif;font-size:10.5pt;line-height:1.4;color:#222;max-width:46rem;margin:2rem auto;padding:0 1rem}
h1{font-size:20pt;margin:0 0 .2rem}
h1+p{font-size:11.5pt;color:#444;margin:.1rem 0}
h2{font-size:12pt;text-transform:uppercase;letter-spacing:.04em;border-bottom:1px solid #999;padding-bottom:.1rem;margin:1.2rem 0 .4rem}
h3{font-size:10.5pt;margin:.8rem 0 .1rem}
h2,h3{break-after:avoid;page-break-after:avoid}
h3+p{margin:0 0 .2rem;color:#444}
p{margin:.3rem 0}
ul{margin:.2rem 0;padding-left:1.2rem}
li{margin:.1rem 0;break-inside:avoid}
a{color:inherit}
@page{margin:18mm}
@media print{body{margin:0;max-width:none;padding:0}}
";

/// Renders the résumé as a standalone HTML5 document.
pub fn render(t: &Tailored) -> String {
    let body = markdown_to_html(&markdown::render(t), &Options::default());
    let mut out = String::with_capacity(body.len() + CSS.len() + 512);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let author = one_line(&t.person.name);
    if !author.is_empty() {
        out.push_str(&format!(
            "<meta name=\"author\" content=\"{}\">\n",
            escape(&author)
        ));
    }
    out.push_str(&format!("<title>{}</title>\n", escape(&document_title(t))));
    out.push_str("<style>\n");
    out.push_str(CSS);
    out.push_str("</style>\n</head>\n<body>\n<main>\n");
    out.push_str(&body);
    out.push_str("</main>\n</body>\n</html>\n");
    out
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
        assert!(html.contains("<a href=\"https://github.com/anna-example\">GitHub</a>"));
        assert!(html.ends_with("</html>\n"));
    }
}
