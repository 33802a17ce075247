//! The Word résumé (`.docx`): the PDF's layout as a real Word document.
//!
//! Built with docx-rs: one column, Word's own styles (`Title`, `Subtitle`,
//! `Heading 1` for sections, `Heading 2` for projects, `List Bullet` for
//! bullets) so an ATS or a screen reader sees the structure, and bullets as
//! a real list (a numbering definition with `w:numPr` on each item), never
//! "•" typed into the text. No tables, text boxes, images, headers or
//! footers: everything is body text in reading order, as in the PDF.
//!
//! Dates sit on the title line at a right tab stop, as in the PDF. The
//! document's title and author are set in `docProps/core.xml`.
//!
//! Output is byte-for-byte reproducible. docx-rs numbers paragraphs and
//! hyperlinks from counters that live as long as the process (or thread)
//! and lists hyperlink relationships in hash order, so this module gives
//! every paragraph and link its own id, sorts the relationships, writes its
//! own core properties, and zips the parts itself with fixed timestamps
//! (the zip crate stamps the current time when its `time` feature is on).
//! Choosing content is `select`'s job; this module only lays it out.

use std::io::{Cursor, Write as _};

use anyhow::{bail, Context, Result};
use docx_rs::{
    AbstractNumbering, AlignmentType, BorderType, Docx, Hyperlink, HyperlinkData, IndentLevel,
    Level, LevelJc, LevelText, LineSpacing, NumberFormat, Numbering, NumberingId, PageMargin,
    Paragraph, ParagraphBorder, ParagraphBorderPosition, ParagraphBorders, ParagraphChild,
    ParagraphProperty, Run, RunFonts, SpecialIndentType, Start, Style, StyleType, Tab,
    TabValueType,
};

use super::{
    certification_line, contact_items, document_title, education_dates, education_title, heading,
    one_line, paragraphs, pdf::display_url, project_subtitle, RenderOptions,
};
use crate::tailored::Tailored;

/// The font every paragraph uses: Arial, which Word has everywhere and
/// LibreOffice maps to Liberation Sans, the PDF's font (same metrics).
const FONT: &str = "Arial";

/// Sizes in half-points, as Word counts them: the PDF's 20, 11.5, 10, 12
/// and 10.5 pt (Word has no quarter points: 11.5 is 23).
const NAME_SIZE: usize = 40;
const HEADLINE_SIZE: usize = 23;
const CONTACT_SIZE: usize = 20;
const HEADING_SIZE: usize = 24;
const BODY_SIZE: usize = 21;

/// Colours: the PDF's text, muted and accent greys and blue.
const TEXT: &str = "1A1A1A";
const MUTED: &str = "545454";
const ACCENT: &str = "1F3B66";
const RULE: &str = "999999";

/// Twips (1/20 pt) per millimetre.
const TWIPS_PER_MM: f32 = 1440.0 / 25.4;

/// The PDF's margins: 18 mm left and right, 16 mm top and bottom.
const MARGIN_X_MM: f32 = 18.0;
const MARGIN_Y_MM: f32 = 16.0;

/// Bullet indent: text at 13 pt from the margin, like the PDF's.
const BULLET_INDENT: i32 = 260;

/// The bullet list's numbering ids (1 is docx-rs's default list).
const BULLET_LIST: usize = 2;

/// The style of bullet paragraphs, Word's built-in "List Bullet".
const STYLE_LIST: &str = "ListBullet";

/// Renders the résumé as the bytes of a `.docx` file.
pub fn render(t: &Tailored, opts: &RenderOptions) -> Result<Vec<u8>> {
    check_text(t)?;
    let (w_mm, h_mm) = opts.paper.size_mm();
    let twips = |mm: f32| (mm * TWIPS_PER_MM).round() as i32;
    let text_width = twips(w_mm - 2.0 * MARGIN_X_MM);

    let mut doc = Body::default();
    let name = one_line(&t.person.name);
    if !name.is_empty() {
        doc.push(
            Paragraph::new()
                .style("Title")
                .add_run(Run::new().add_text(name)),
        );
    }
    let headline = one_line(&t.person.headline);
    if !headline.is_empty() {
        doc.push(
            Paragraph::new()
                .style("Subtitle")
                .add_run(Run::new().add_text(headline)),
        );
    }
    let contact = contact_paragraph(t, &mut doc.links);
    if let Some(p) = contact {
        doc.push(p);
    }

    let summary = t.summary.as_deref().map(paragraphs).unwrap_or_default();
    if !summary.is_empty() {
        doc.heading(heading::SUMMARY);
        for p in summary {
            doc.push(Paragraph::new().add_run(Run::new().add_text(p)));
        }
    }

    let rows = super::skill_rows(t);
    if !rows.is_empty() {
        doc.heading(heading::SKILLS);
        for (label, skills) in &rows {
            let mut p = Paragraph::new();
            if let Some(l) = label {
                p = p.add_run(Run::new().add_text(format!("{l}: ")).bold());
            }
            doc.push(p.add_run(Run::new().add_text(skills.join(", "))));
        }
    }

    if !t.experience.is_empty() {
        doc.heading(heading::EXPERIENCE);
        for p in &t.experience {
            let has_bullets = p.bullets.iter().any(|b| !one_line(&b.text).is_empty());
            doc.push(
                titled(
                    "Heading2",
                    &one_line(&p.name),
                    &one_line(&p.dates),
                    text_width,
                )
                .keep_next(has_bullets),
            );
            if let Some(sub) = project_subtitle(p.role.as_deref(), p.client.as_deref()) {
                doc.push(
                    Paragraph::new()
                        .style("Role")
                        .keep_next(has_bullets)
                        .add_run(Run::new().add_text(sub)),
                );
            }
            for b in &p.bullets {
                doc.bullet(&b.text);
            }
        }
    }

    if !t.highlights.is_empty() {
        doc.heading(heading::HIGHLIGHTS);
        for b in &t.highlights {
            doc.bullet(&b.text);
        }
    }

    if !t.certifications.is_empty() {
        doc.heading(heading::CERTIFICATIONS);
        for c in &t.certifications {
            doc.bullet(&certification_line(c));
        }
    }

    if !t.education.is_empty() {
        doc.heading(heading::EDUCATION);
        for e in &t.education {
            let dates = education_dates(e).unwrap_or_default();
            doc.push(titled("Entry", &education_title(e), &dates, text_width));
        }
    }

    let mut docx = Docx::new()
        .page_size(twips(w_mm) as u32, twips(h_mm) as u32)
        .page_margin(
            PageMargin::new()
                .top(twips(MARGIN_Y_MM))
                .bottom(twips(MARGIN_Y_MM))
                .left(twips(MARGIN_X_MM))
                .right(twips(MARGIN_X_MM))
                .header(twips(MARGIN_Y_MM / 2.0))
                .footer(twips(MARGIN_Y_MM / 2.0)),
        )
        .default_fonts(fonts())
        .default_size(BODY_SIZE)
        .default_line_spacing(spacing(0, 40))
        .add_abstract_numbering(
            AbstractNumbering::new(BULLET_LIST).add_level(
                Level::new(
                    0,
                    Start::new(1),
                    NumberFormat::new("bullet"),
                    LevelText::new("•"),
                    LevelJc::new("left"),
                )
                .indent(
                    Some(BULLET_INDENT),
                    Some(SpecialIndentType::Hanging(BULLET_INDENT - 60)),
                    None,
                    None,
                )
                .color(MUTED)
                .fonts(fonts()),
            ),
        )
        .add_numbering(Numbering::new(BULLET_LIST, BULLET_LIST));
    for s in styles() {
        docx = docx.add_style(s);
    }
    for p in doc.paragraphs {
        docx = docx.add_paragraph(p);
    }

    let mut xml = docx.build();
    xml.document_rels = sorted_relationships(&xml.document_rels);
    xml.styles = normal_as_default(&xml.styles);
    xml.doc_props.core = core_properties(t)?.into_bytes();
    zip_parts(&xml)
}

/// The document body as it is built: paragraphs with their own ids, and
/// the hyperlinks numbered in order.
#[derive(Default)]
struct Body {
    paragraphs: Vec<Paragraph>,
    links: usize,
}

impl Body {
    /// Adds a paragraph with the next id (`w14:paraId`, eight hex digits
    /// below 0x80000000 as Word requires).
    fn push(&mut self, p: Paragraph) {
        let id = format!("{:08X}", self.paragraphs.len() + 1);
        self.paragraphs.push(p.id(id));
    }

    fn heading(&mut self, title: &str) {
        self.push(
            Paragraph::new()
                .style("Heading1")
                .add_run(Run::new().add_text(title)),
        );
    }

    /// A list item of the bullet list; empty text is skipped.
    fn bullet(&mut self, text: &str) {
        let text = one_line(text);
        if text.is_empty() {
            return;
        }
        self.push(
            Paragraph::new()
                .style(STYLE_LIST)
                .numbering(NumberingId::new(BULLET_LIST), IndentLevel::new(0))
                .add_run(Run::new().add_text(text)),
        );
    }
}

/// A paragraph of `style` with the title, then the dates at a right tab
/// stop at the text's right edge (the PDF's title line).
fn titled(style: &str, title: &str, dates: &str, text_width: i32) -> Paragraph {
    let mut p = Paragraph::new()
        .style(style)
        .add_run(Run::new().add_text(title));
    if !dates.is_empty() {
        p = p
            .add_tab(
                Tab::new()
                    .val(TabValueType::Right)
                    .pos(text_width.max(0) as usize),
            )
            .add_run(
                Run::new()
                    .add_tab()
                    .add_text(dates)
                    .disable_bold()
                    .color(MUTED),
            );
    }
    p
}

/// The contact line: items separated by ` · `, the e-mail address and the
/// profile's links as hyperlinks showing their address (as the PDF does).
fn contact_paragraph(t: &Tailored, links: &mut usize) -> Option<Paragraph> {
    let items = contact_items(&t.person);
    if items.is_empty() {
        return None;
    }
    let mut p = Paragraph::new().style("Contact");
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            p = p.add_run(Run::new().add_text(" · ").color(MUTED));
        }
        let text = match (&item.url, item.is_link) {
            (Some(url), true) => display_url(url).to_owned(),
            _ => item.text.to_string(),
        };
        match &item.url {
            Some(url) => {
                *links += 1;
                let link = Hyperlink {
                    link: HyperlinkData::External {
                        rid: format!("rIdLink{links}"),
                        path: escape(url),
                    },
                    history: None,
                    children: vec![ParagraphChild::Run(Box::new(
                        Run::new().add_text(text).color(TEXT),
                    ))],
                };
                p = p.add_hyperlink(link);
            }
            None => p = p.add_run(Run::new().add_text(text)),
        }
    }
    Some(p)
}

fn fonts() -> RunFonts {
    RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .cs(FONT)
        .east_asia(FONT)
}

/// Space in twips before and after a paragraph, and the line height as
/// Word's `line` (240 = single): the PDF's 1.3 leading is about 1.15 lines
/// of Word's (which already adds the font's own line gap).
fn spacing(before: u32, after: u32) -> LineSpacing {
    LineSpacing::new().before(before).after(after).line(264)
}

/// Word's built-in styles the résumé uses, by their built-in names, so Word
/// shows them as Title, Heading 1, … and the navigation pane lists the
/// sections and projects.
fn styles() -> Vec<Style> {
    let para = |id: &str, name: &str| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
    };
    let mut title = para("Title", "Title").size(NAME_SIZE).bold();
    title.paragraph_property = ParagraphProperty::new().line_spacing(spacing(0, 0));
    let mut subtitle = para("Subtitle", "Subtitle")
        .size(HEADLINE_SIZE)
        .color(MUTED);
    subtitle.paragraph_property = ParagraphProperty::new().line_spacing(spacing(0, 0));
    let mut contact = para("Contact", "Contact").size(CONTACT_SIZE);
    contact.paragraph_property = ParagraphProperty::new().line_spacing(spacing(40, 0));

    // Section headings: bold, accent blue, a thin rule beneath, kept with
    // what follows.
    let mut h1 = para("Heading1", "heading 1")
        .size(HEADING_SIZE)
        .bold()
        .color(ACCENT);
    h1.paragraph_property = ParagraphProperty::new()
        .line_spacing(spacing(240, 80))
        .keep_next(true)
        .keep_lines(true)
        .outline_lvl(0)
        .set_borders(
            ParagraphBorders::with_empty().set(
                ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                    .val(BorderType::Single)
                    .size(4)
                    .space(1)
                    .color(RULE),
            ),
        );
    // Project titles: bold body text, space above.
    let mut h2 = para("Heading2", "heading 2").size(BODY_SIZE).bold();
    h2.paragraph_property = ParagraphProperty::new()
        .line_spacing(spacing(160, 0))
        .keep_next(true)
        .keep_lines(true)
        .outline_lvl(1);
    let mut role = para("Role", "Role").color(MUTED);
    role.paragraph_property = ParagraphProperty::new().line_spacing(spacing(0, 20));
    let mut entry = para("Entry", "Entry").bold();
    entry.paragraph_property = ParagraphProperty::new().line_spacing(spacing(80, 0));
    let mut list = para(STYLE_LIST, "List Bullet");
    list.paragraph_property = ParagraphProperty::new()
        .line_spacing(spacing(50, 0))
        .keep_lines(true)
        .align(AlignmentType::Left);
    vec![title, subtitle, contact, h1, h2, role, entry, list]
}

/// An error for a character an XML 1.0 document cannot hold (most control
/// characters): Word would refuse the file.
fn check_text(t: &Tailored) -> Result<()> {
    let json = serde_json::to_string(t).context("failed to read the résumé")?;
    let value: serde_json::Value = serde_json::from_str(&json)?;
    let mut bad = None;
    strings(&value, &mut |s| {
        if bad.is_none() {
            if let Some(c) = s.chars().find(|&c| !xml_char(c)) {
                bad = Some((c, s.to_owned()));
            }
        }
    });
    if let Some((c, s)) = bad {
        bail!(
            "a Word document cannot hold the control character U+{:04X} in {s:?}\n\
             hint: remove it from the profile, or use another format (md, pdf, txt)",
            u32::from(c)
        );
    }
    Ok(())
}

fn strings(v: &serde_json::Value, f: &mut impl FnMut(&str)) {
    match v {
        serde_json::Value::String(s) => f(s),
        serde_json::Value::Array(a) => a.iter().for_each(|v| strings(v, f)),
        serde_json::Value::Object(o) => o.values().for_each(|v| strings(v, f)),
        _ => {}
    }
}

/// Whether XML 1.0 allows `c` in text.
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}')
        || u32::from(c) >= 0x10000
}

/// Escapes text for XML content and double-quoted attributes.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// The styles part with docx-rs's `Normal` style marked as the default
/// paragraph style (`w:default="1"`), which Word and python-docx look for;
/// docx-rs cannot mark it.
fn normal_as_default(xml: &[u8]) -> Vec<u8> {
    const NORMAL: &str = "<w:style w:type=\"paragraph\" w:styleId=\"Normal\">";
    match std::str::from_utf8(xml) {
        Ok(s) => s
            .replacen(
                NORMAL,
                "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">",
                1,
            )
            .into_bytes(),
        Err(_) => xml.to_vec(),
    }
}

/// `docProps/core.xml`: title, author, subject and fixed dates (docx-rs
/// cannot set the title or author).
fn core_properties(t: &Tailored) -> Result<String> {
    let epoch = super::pdf::creation_epoch(std::env::var("SOURCE_DATE_EPOCH").ok().as_deref())?;
    let date = w3c_date(epoch);
    let author = escape(&one_line(&t.person.name));
    Ok(format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <cp:coreProperties \
         xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" \
         xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
         <dc:title>{title}</dc:title>\
         <dc:subject>Résumé</dc:subject>\
         <dc:creator>{author}</dc:creator>\
         <cp:lastModifiedBy>{author}</cp:lastModifiedBy>\
         <cp:revision>1</cp:revision>\
         <dcterms:created xsi:type=\"dcterms:W3CDTF\">{date}</dcterms:created>\
         <dcterms:modified xsi:type=\"dcterms:W3CDTF\">{date}</dcterms:modified>\
         </cp:coreProperties>",
        title = escape(&document_title(t)),
    ))
}

/// Seconds since 1970 as a W3C date-time in UTC (`2000-01-01T00:00:00Z`).
fn w3c_date(epoch: i64) -> String {
    let days = epoch.div_euclid(86_400);
    let secs = epoch.rem_euclid(86_400);
    // Howard Hinnant's days-to-civil.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

/// The relationships part with its `<Relationship>` elements in a fixed
/// order (docx-rs adds hyperlinks in hash order).
fn sorted_relationships(xml: &[u8]) -> Vec<u8> {
    let Ok(s) = std::str::from_utf8(xml) else {
        return xml.to_vec();
    };
    let (Some(first), Some(end)) = (s.find("<Relationship "), s.rfind("</Relationships>")) else {
        return xml.to_vec();
    };
    let mut items: Vec<&str> = s[first..end]
        .split_inclusive("/>")
        .map(str::trim)
        .filter(|i| !i.is_empty())
        .collect();
    items.sort_by_key(|i| {
        let id = i
            .split("Id=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .unwrap_or_default();
        let digits: String = id.chars().filter(char::is_ascii_digit).collect();
        let letters: String = id.chars().filter(|c| !c.is_ascii_digit()).collect();
        (letters, digits.len(), digits)
    });
    let mut out = String::with_capacity(s.len());
    out.push_str(&s[..first]);
    for i in items {
        out.push_str(i);
    }
    out.push_str(&s[end..]);
    out.into_bytes()
}

/// The package as a zip archive: parts in a fixed order, every entry dated
/// 1980-01-01 (the zip format's earliest date) and deflated.
fn zip_parts(xml: &docx_rs::XMLDocx) -> Result<Vec<u8>> {
    use zip::write::SimpleFileOptions;
    let opts = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    let parts: [(&str, &[u8]); 14] = [
        ("[Content_Types].xml", &xml.content_type),
        ("_rels/.rels", &xml.rels),
        ("docProps/app.xml", &xml.doc_props.app),
        ("docProps/core.xml", &xml.doc_props.core),
        ("docProps/custom.xml", &xml.doc_props.custom),
        ("word/_rels/document.xml.rels", &xml.document_rels),
        ("word/document.xml", &xml.document),
        ("word/styles.xml", &xml.styles),
        ("word/settings.xml", &xml.settings),
        ("word/fontTable.xml", &xml.font_table),
        ("word/comments.xml", &xml.comments),
        ("word/numbering.xml", &xml.numberings),
        ("word/commentsExtended.xml", &xml.comments_extended),
        ("word/footnotes.xml", &xml.footnotes),
    ];
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in parts {
        zip.start_file(name, opts)
            .and_then(|()| zip.write_all(bytes).map_err(Into::into))
            .with_context(|| format!("failed to write {name} of the Word document"))?;
    }
    let out = zip
        .finish()
        .context("failed to write the Word document")?
        .into_inner();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::Paper;
    use crate::tailored::sample;
    use std::io::Read as _;

    fn part(docx: &[u8], name: &str) -> String {
        let mut zip = zip::ZipArchive::new(Cursor::new(docx)).unwrap();
        let mut s = String::new();
        zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
        s
    }

    #[test]
    fn dates_are_w3c_in_utc() {
        assert_eq!(w3c_date(0), "1970-01-01T00:00:00Z");
        assert_eq!(w3c_date(946_684_800), "2000-01-01T00:00:00Z");
        assert_eq!(w3c_date(1_709_251_199), "2024-02-29T23:59:59Z");
        assert_eq!(w3c_date(-1), "1969-12-31T23:59:59Z");
    }

    #[test]
    fn equal_input_gives_equal_bytes_across_threads() {
        let t = sample();
        let opts = RenderOptions::default();
        let a = render(&t, &opts).unwrap();
        // docx-rs's counters move on in this thread and start afresh in
        // another; neither may show in the bytes.
        let b = render(&t, &opts).unwrap();
        let c = std::thread::spawn(move || render(&sample(), &RenderOptions::default()).unwrap())
            .join()
            .unwrap();
        assert!(a == b && a == c);
        let mut zip = zip::ZipArchive::new(Cursor::new(&a[..])).unwrap();
        for i in 0..zip.len() {
            let f = zip.by_index(i).unwrap();
            let m = f.last_modified().unwrap();
            assert_eq!((m.year(), m.month(), m.day()), (1980, 1, 1), "{}", f.name());
        }
    }

    #[test]
    fn title_author_and_links_are_set() {
        let mut t = sample();
        t.person.contact.links[0].url = "https://example.com/?a=1&b=<2>".into();
        let docx = render(&t, &RenderOptions::default()).unwrap();
        let core = part(&docx, "docProps/core.xml");
        assert!(core.contains(
            "<dc:title>Anna Müller-Lüdenscheidt — Résumé for Staff Platform Engineer at Globex</dc:title>"
        ), "{core}");
        assert!(core.contains("<dc:creator>Anna Müller-Lüdenscheidt</dc:creator>"));
        let rels = part(&docx, "word/_rels/document.xml.rels");
        let doc = roxmltree::Document::parse(&rels).unwrap();
        let targets: Vec<&str> = doc
            .descendants()
            .filter(|n| n.attribute("TargetMode") == Some("External"))
            .filter_map(|n| n.attribute("Target"))
            .collect();
        assert_eq!(
            targets,
            [
                "mailto:anna.mueller@example.com",
                "https://example.com/?a=1&b=<2>",
                "https://www.linkedin.com/in/anna-example/"
            ]
        );
    }

    #[test]
    fn paper_sets_the_page_size() {
        for (paper, w) in [(Paper::A4, "11906"), (Paper::Letter, "12240")] {
            let docx = render(&sample(), &RenderOptions { paper }).unwrap();
            let doc = part(&docx, "word/document.xml");
            assert!(doc.contains(&format!("w:w=\"{w}\"")), "{paper:?}");
        }
    }

    #[test]
    fn a_control_character_is_a_clear_error() {
        let mut t = sample();
        t.highlights[0].text = "Bell \u{7} here".into();
        let err = render(&t, &RenderOptions::default())
            .unwrap_err()
            .to_string();
        assert!(err.contains("U+0007") && err.contains("hint:"), "{err}");
    }

    #[test]
    fn relationships_sort_by_id() {
        let xml = br#"<?xml version="1.0"?><Relationships x="y"><Relationship Id="rIdLink2" T="b" /><Relationship Id="rId10" T="c" /><Relationship Id="rId2" T="a" /></Relationships>"#;
        let s = String::from_utf8(sorted_relationships(xml)).unwrap();
        let ids: Vec<&str> = s
            .split("Id=\"")
            .skip(1)
            .map(|r| &r[..r.find('"').unwrap()])
            .collect();
        assert_eq!(ids, ["rId2", "rId10", "rIdLink2"]);
        assert!(s.ends_with("</Relationships>"));
    }
}
