//! The plain-text résumé, for pasting into application forms.
//!
//! No markup at all: headings in capitals, bullets as `- `, links written
//! out as `Label: URL`. Lines are not hard-wrapped, because forms re-wrap
//! text themselves and a hard break mid-bullet pastes as a broken line.

use super::{
    certification_line, contact_items, education_dates, education_title, heading, one_line,
    paragraphs, project_subtitle, PROJECT_SEPARATOR,
};
use crate::tailored::Tailored;

/// Renders the résumé as plain text, ending in one newline.
pub fn render(t: &Tailored) -> String {
    let mut blocks: Vec<String> = Vec::new();

    let mut head = Vec::new();
    for s in [one_line(&t.person.name), one_line(&t.person.headline)] {
        if !s.is_empty() {
            head.push(s.into_owned());
        }
    }
    let items = contact_items(&t.person);
    let plain: Vec<String> = items
        .iter()
        .filter(|c| !c.is_link)
        .map(|c| c.text.to_string())
        .collect();
    if !plain.is_empty() {
        head.push(plain.join(" · "));
    }
    for link in items.iter().filter(|c| c.is_link) {
        match &link.url {
            Some(url) if *url != link.text => head.push(format!("{}: {url}", link.text)),
            _ => head.push(link.text.to_string()),
        }
    }
    if !head.is_empty() {
        blocks.push(head.join("\n"));
    }

    let summary = t.summary.as_deref().map(paragraphs).unwrap_or_default();
    if !summary.is_empty() {
        blocks.push(section(heading::SUMMARY, &summary.join("\n\n")));
    }

    let rows = super::skill_rows(t);
    if !rows.is_empty() {
        let lines: Vec<String> = rows
            .iter()
            .map(|(label, skills)| super::skill_row_text(*label, skills))
            .collect();
        blocks.push(section(heading::SKILLS, &lines.join("\n")));
    }

    if !t.experience.is_empty() {
        let projects: Vec<String> = t
            .experience
            .iter()
            .map(|p| {
                // The dates on the title's line, as the PDF has them; role
                // and employer beneath.
                let dates = one_line(&p.dates);
                let mut title = one_line(&p.name).into_owned();
                if !dates.is_empty() {
                    title.push_str(PROJECT_SEPARATOR);
                    title.push_str(&dates);
                }
                let mut lines = vec![title];
                lines.extend(project_subtitle(p.role.as_deref(), p.client.as_deref()));
                lines.extend(bullets(p.bullets.iter().map(|b| b.text.as_str())));
                lines.join("\n")
            })
            .collect();
        blocks.push(section(heading::EXPERIENCE, &projects.join("\n\n")));
    }

    if !t.highlights.is_empty() {
        let lines = bullets(t.highlights.iter().map(|b| b.text.as_str()));
        blocks.push(section(heading::HIGHLIGHTS, &lines.join("\n")));
    }

    if !t.certifications.is_empty() {
        let lines: Vec<String> = t
            .certifications
            .iter()
            .map(|c| format!("- {}", certification_line(c)))
            .collect();
        blocks.push(section(heading::CERTIFICATIONS, &lines.join("\n")));
    }

    if !t.education.is_empty() {
        let lines: Vec<String> = t
            .education
            .iter()
            .map(|e| match education_dates(e) {
                Some(d) => format!("- {} · {d}", education_title(e)),
                None => format!("- {}", education_title(e)),
            })
            .collect();
        blocks.push(section(heading::EDUCATION, &lines.join("\n")));
    }

    let mut out = blocks.join("\n\n");
    out.push('\n');
    out
}

/// A heading in capitals, underlined, then the body.
fn section(title: &str, body: &str) -> String {
    let caps = title.to_uppercase();
    let rule = "=".repeat(caps.chars().count());
    format!("{caps}\n{rule}\n{body}")
}

fn bullets<'a>(texts: impl Iterator<Item = &'a str>) -> Vec<String> {
    texts
        .map(one_line)
        .filter(|t| !t.is_empty())
        .map(|t| format!("- {t}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tailored::sample;

    #[test]
    fn every_bullet_is_one_line_verbatim() {
        let t = sample();
        let txt = render(&t);
        let lines: Vec<&str> = txt.lines().collect();
        for b in t.bullet_texts() {
            assert!(
                lines.contains(&format!("- {b}").as_str()),
                "{b:?} in\n{txt}"
            );
        }
    }

    #[test]
    fn looks_like_a_plain_resume() {
        let txt = render(&sample());
        assert!(txt.starts_with(
            "Anna Müller-Lüdenscheidt\nSenior Platform Engineer — Cloud & Kubernetes\n\
             anna.mueller@example.com · +41 79 123 45 67 · Zürich, Switzerland\n\
             GitHub: https://github.com/anna-example\n"
        ));
        assert!(txt.contains(
            "\n\nEXPERIENCE\n==========\nPayments Platform · Mar 2021 – Present\n\
             Lead Platform Engineer · Acme Bank\n- Migrated"
        ));
        assert!(txt.contains("ADDITIONAL EXPERIENCE\n=====================\n- Mentored"));
        assert!(txt.ends_with("- MSc Computer Science — ETH Zürich · 2008 – 2010\n"));
        assert!(!txt.contains("##"));
    }
}
