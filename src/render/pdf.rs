//! The PDF résumé: one column, an embedded and subset TrueType font, and a
//! real text layer that reads in the same order the page does.
//!
//! Work happens in three steps, each a plain function over plain data:
//! `layout` turns the résumé into blocks of lines (word-wrapped with the
//! font's own glyph advances), `paginate` places blocks on pages (never
//! splitting a line or a bullet, keeping a heading with what follows it),
//! and `draw` turns placed lines into printpdf operations. `page_count`
//! stops after the second step, which is what makes `--pages N` cheap.
//!
//! Every text run is its own text section at an absolute position, so text
//! extraction (and ATS parsing) sees whole lines in reading order. Output is
//! byte-for-byte reproducible: fixed font resource names, a document id
//! derived from the content, and a creation date from `SOURCE_DATE_EPOCH`
//! (else 2000-01-01). The font is Liberation Sans (SIL OFL 1.1, see
//! `assets/fonts/LICENSE`), chosen for Arial-compatible metrics that every
//! reader and ATS renders predictably.

use std::borrow::Cow;
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;

use anyhow::{bail, Context, Result};
use printpdf::{
    Actions, BorderArray, Color, ColorArray, FontId, Line as PdfLine, LineDashPattern, LinePoint,
    LinkAnnotation, Mm, Op, ParsedFont, PdfDocument, PdfFont, PdfFontHandle, PdfPage,
    PdfSaveOptions, Point, Pt, Rect, Rgb, TextItem,
};

use super::{
    certification_line, contact_items, document_title, education_dates, education_title, heading,
    one_line, paragraphs, project_subtitle, RenderOptions,
};
use crate::tailored::Tailored;

const REGULAR_TTF: &[u8] = include_bytes!("../../assets/fonts/LiberationSans-Regular.ttf");
const BOLD_TTF: &[u8] = include_bytes!("../../assets/fonts/LiberationSans-Bold.ttf");

/// Font resource names. Fixed (printpdf would pick random ones) so output
/// is reproducible; six capitals because printpdf uses the first six
/// characters as the subset tag (`TLRREG+LiberationSans`).
const REGULAR_ID: &str = "TLRREG";
const BOLD_ID: &str = "TLRBLD";

/// The creation date when `SOURCE_DATE_EPOCH` is not set: 2000-01-01 UTC.
const DEFAULT_EPOCH: i64 = 946_684_800;

// Layout, in points (1 mm = 2.834 pt).
const MARGIN_X: f32 = 18.0 * MM;
const MARGIN_TOP: f32 = 16.0 * MM;
const MARGIN_BOTTOM: f32 = 16.0 * MM;
const MM: f32 = 72.0 / 25.4;

const NAME_SIZE: f32 = 20.0;
const HEADLINE_SIZE: f32 = 11.5;
const CONTACT_SIZE: f32 = 10.0;
const HEADING_SIZE: f32 = 12.0;
const BODY_SIZE: f32 = 10.5;
/// Line height as a multiple of the font size.
const LEADING: f32 = 1.3;
/// Where the bullet glyph and the bullet's text start, from the left margin.
const BULLET_X: f32 = 3.0;
const BULLET_TEXT_X: f32 = 13.0;
/// Least gap between a heading and the dates set flush right on its line.
const DATES_GAP: f32 = 12.0;

const TEXT: f32 = 0.10;
const MUTED: f32 = 0.33;
const ACCENT: (f32, f32, f32) = (0.12, 0.23, 0.40);
const RULE: f32 = 0.60;

/// The two faces the résumé uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Face {
    Regular,
    Bold,
}

struct Fonts {
    regular: ParsedFont,
    bold: ParsedFont,
}

/// The parsed fonts, parsed once per process: parsing is the slow part of
/// layout, and `--pages` lays out many times.
fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| {
        let parse = |bytes: &[u8]| {
            ParsedFont::from_bytes(bytes, 0, &mut Vec::new())
                .expect("the font shipped in assets/fonts parses")
        };
        Fonts {
            regular: parse(REGULAR_TTF),
            bold: parse(BOLD_TTF),
        }
    })
}

impl Face {
    fn font(self) -> &'static ParsedFont {
        match self {
            Face::Regular => &fonts().regular,
            Face::Bold => &fonts().bold,
        }
    }

    fn id(self) -> FontId {
        FontId(
            match self {
                Face::Regular => REGULAR_ID,
                Face::Bold => BOLD_ID,
            }
            .to_string(),
        )
    }

    /// The width of `s` set in this face at `size` points, from the glyph
    /// advances (printpdf sets text glyph by glyph, without kerning, so this
    /// is exactly the width it draws).
    fn width(self, s: &str, size: f32) -> f32 {
        let font = self.font();
        let units: u32 = typed(s)
            .chars()
            .map(|c| {
                let gid = font.lookup_glyph_index(u32::from(c)).unwrap_or(0);
                u32::from(font.get_horizontal_advance(gid))
            })
            .sum();
        units as f32 * size / f32::from(font.font_metrics.units_per_em.max(1))
    }

    /// Whether this face has a glyph for `c`.
    fn has(self, c: char) -> bool {
        self.font().lookup_glyph_index(u32::from(c)).is_some()
    }
}

/// Text as the PDF sets it, so it prints as typed: NFC (a pasted "Zoë" in
/// decomposed form would set its diaeresis as a glyph of its own, over the
/// next letter) and every Unicode space or line/paragraph separator the
/// font has no glyph for as a plain space (U+3000, U+205F, U+1680, U+2028,
/// … would print as boxes). Spaces the font has (a no-break space) stay.
pub fn typed(s: &str) -> Cow<'_, str> {
    let odd_space =
        |c: char| is_separator(c) && c != ' ' && !(Face::Regular.has(c) && Face::Bold.has(c));
    let nfc =
        unicode_normalization::is_nfc_quick(s.chars()) == unicode_normalization::IsNormalized::Yes;
    if nfc && !s.chars().any(odd_space) {
        return Cow::Borrowed(s);
    }
    let composed: String = if nfc { s.to_owned() } else { s.nfc().collect() };
    if !composed.chars().any(odd_space) {
        return Cow::Owned(composed);
    }
    Cow::Owned(
        composed
            .chars()
            .map(|c| if odd_space(c) { ' ' } else { c })
            .collect(),
    )
}

/// Unicode's space separators (Zs), line separator (Zl) and paragraph
/// separator (Zp): a fixed list since Unicode 6.
fn is_separator(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}' | '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}' | '\u{3000}'
    )
}

/// The right-to-left script `c` belongs to, if any. The PDF sets glyphs
/// left to right without shaping, so such text would print mirrored and
/// unjoined.
fn right_to_left(c: char) -> Option<&'static str> {
    Some(match u32::from(c) {
        0x0590..=0x05FF | 0xFB1D..=0xFB4F => "Hebrew",
        0x0600..=0x06FF | 0x0750..=0x077F | 0x0870..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => {
            "Arabic"
        }
        0x0700..=0x074F | 0x0860..=0x086F => "Syriac",
        0x0780..=0x07BF => "Thaana",
        0x07C0..=0x07FF => "N'Ko",
        0x0800..=0x085F | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF => "a right-to-left script",
        _ => return None,
    })
}

/// What the PDF cannot show of a profile, found once before any posting:
/// right-to-left text is an error naming the field (and its line in the
/// profile file, when found there); so are characters the font lacks,
/// listed each once with where it is first used, since they would print
/// as boxes. `raw` is the profile file's text, for lines.
pub fn check_profile(
    profile: &crate::profile::schema::Profile,
    file: &str,
    raw: Option<&str>,
) -> Result<()> {
    let value = serde_json::to_value(profile).context("failed to read the profile's text")?;
    let mut texts = Vec::new();
    strings(&value, String::new(), &mut texts);
    let line_of = |c: char| {
        raw.and_then(|r| r.lines().position(|l| l.contains(c)))
            .map_or_else(String::new, |n| format!(":{}", n + 1))
    };
    let mut missing: Vec<(char, String)> = Vec::new();
    for (field, text) in &texts {
        let text = typed(text);
        for c in text.chars() {
            if let Some(script) = right_to_left(c) {
                bail!(
                    "{file}{}: {field} is written in {script}, which the PDF cannot show \
                     (it would print mirrored)\n\
                     hint: use another format for this profile (-f md, html, docx or txt), \
                     or write {field} in a left-to-right script",
                    line_of(c)
                );
            }
            if !c.is_ascii()
                && !c.is_whitespace()
                && (!Face::Regular.has(c) || !Face::Bold.has(c))
                && !missing.iter().any(|(m, _)| *m == c)
            {
                missing.push((c, field.clone()));
            }
        }
    }
    if missing.is_empty() {
        return Ok(());
    }
    const SHOWN: usize = 12;
    let mut s = format!(
        "{file}: the PDF font has no glyph for {} character{} of the profile (they would print as boxes):",
        missing.len(),
        if missing.len() == 1 { "" } else { "s" }
    );
    for (c, field) in missing.iter().take(SHOWN) {
        let _ = std::fmt::Write::write_fmt(
            &mut s,
            format_args!(
                "\n  {c:?} (U+{:04X}) in {field}{}",
                u32::from(*c),
                line_of(*c).replacen(':', ", line ", 1)
            ),
        );
    }
    if missing.len() > SHOWN {
        let _ = std::fmt::Write::write_fmt(
            &mut s,
            format_args!("\n  and {} more", missing.len() - SHOWN),
        );
    }
    s.push_str("\nhint: write them another way in the profile, or use another format (md, html, docx, txt)");
    bail!("{s}")
}

/// Every string of a profile that may reach the résumé, with its field
/// (`projects[0].bullets[2].text`); ids and aliases are never printed.
fn strings(v: &serde_json::Value, at: String, out: &mut Vec<(String, String)>) {
    match v {
        serde_json::Value::String(s) => out.push((at, s.clone())),
        serde_json::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                strings(item, format!("{at}[{i}]"), out);
            }
        }
        serde_json::Value::Object(map) => {
            for (k, item) in map {
                if k == "id" || k == "aliases" {
                    continue;
                }
                let at = if at.is_empty() {
                    k.clone()
                } else {
                    format!("{at}.{k}")
                };
                strings(item, at, out);
            }
        }
        _ => {}
    }
}

/// A piece of text at a horizontal position on a line.
#[derive(Debug, Clone, PartialEq)]
struct Run {
    /// From the left margin, in points.
    x: f32,
    text: String,
    face: Face,
    size: f32,
    gray: f32,
    /// Accent colour instead of gray (section headings).
    accent: bool,
    link: Option<String>,
}

impl Run {
    fn new(x: f32, text: impl Into<String>, face: Face, size: f32, gray: f32) -> Run {
        let text: String = text.into();
        Run {
            x,
            text: match typed(&text) {
                Cow::Borrowed(_) => text,
                Cow::Owned(t) => t,
            },
            face,
            size,
            gray,
            accent: false,
            link: None,
        }
    }
}

/// One line of the page: text runs, or a horizontal rule.
#[derive(Debug, Clone, PartialEq)]
struct Line {
    /// The vertical space the line takes, in points.
    height: f32,
    /// From the top of the line to the baseline.
    baseline: f32,
    runs: Vec<Run>,
    rule: bool,
}

impl Line {
    fn text(size: f32, runs: Vec<Run>) -> Line {
        Line {
            height: size * LEADING,
            baseline: size,
            runs,
            rule: false,
        }
    }

    fn rule() -> Line {
        Line {
            height: 6.0,
            baseline: 2.0,
            runs: Vec::new(),
            rule: true,
        }
    }
}

/// Lines that go on one page together.
#[derive(Debug, Clone, PartialEq)]
struct Block {
    /// Space above the block, dropped at the top of a page.
    space_before: f32,
    lines: Vec<Line>,
    /// Keep this block on the same page as the next one (a heading with its
    /// first entry, a project's title with its first bullet).
    keep_with_next: bool,
}

impl Block {
    fn height(&self) -> f32 {
        self.lines.iter().map(|l| l.height).sum()
    }
}

/// Breaks `text` into lines no wider than `width`, at spaces; a word wider
/// than a whole line is broken between characters.
fn wrap(text: &str, face: Face, size: f32, width: f32) -> Vec<String> {
    let text = typed(text);
    let space = face.width(" ", size);
    let mut lines = Vec::new();
    let mut cur = String::new();
    let mut cur_w = 0.0;
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let w = face.width(word, size);
        if !cur.is_empty() && cur_w + space + w <= width {
            cur.push(' ');
            cur.push_str(word);
            cur_w += space + w;
            continue;
        }
        if !cur.is_empty() {
            lines.push(std::mem::take(&mut cur));
        }
        if w <= width {
            cur.push_str(word);
            cur_w = w;
            continue;
        }
        // A word (a long URL, say) wider than the line.
        cur_w = 0.0;
        for c in word.chars() {
            let cw = face.width(c.encode_utf8(&mut [0; 4]), size);
            if !cur.is_empty() && cur_w + cw > width {
                lines.push(std::mem::take(&mut cur));
                cur_w = 0.0;
            }
            cur.push(c);
            cur_w += cw;
        }
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}

/// A URL as a résumé prints it: without the scheme, `www.` or a trailing
/// slash (the link annotation keeps the whole URL).
pub(super) fn display_url(url: &str) -> &str {
    let s = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or(url);
    let s = s.strip_prefix("www.").unwrap_or(s);
    let s = s.strip_suffix('/').unwrap_or(s);
    if s.is_empty() {
        url
    } else {
        s
    }
}

/// Lays the résumé out as blocks of lines `width` points wide.
fn layout(t: &Tailored, width: f32) -> Vec<Block> {
    let mut blocks = Vec::new();
    let para = |text: &str, face: Face, size: f32, gray: f32, space_before: f32| Block {
        space_before,
        lines: wrap(text, face, size, width)
            .into_iter()
            .map(|l| Line::text(size, vec![Run::new(0.0, l, face, size, gray)]))
            .collect(),
        keep_with_next: false,
    };

    // Header: name, headline, contact line(s).
    let mut head = Vec::new();
    let name = one_line(&t.person.name);
    if !name.is_empty() {
        head.extend(para(&name, Face::Bold, NAME_SIZE, TEXT, 0.0).lines);
    }
    let headline = one_line(&t.person.headline);
    if !headline.is_empty() {
        head.extend(para(&headline, Face::Regular, HEADLINE_SIZE, MUTED, 0.0).lines);
    }
    head.extend(contact_lines(t, width));
    if !head.is_empty() {
        blocks.push(Block {
            space_before: 0.0,
            lines: head,
            keep_with_next: false,
        });
    }

    let summary = t.summary.as_deref().map(paragraphs).unwrap_or_default();
    if !summary.is_empty() {
        blocks.push(section_heading(heading::SUMMARY));
        for (i, p) in summary.iter().enumerate() {
            let gap = if i == 0 { 0.0 } else { 4.0 };
            blocks.push(para(p, Face::Regular, BODY_SIZE, TEXT, gap));
        }
    }

    let rows = super::skill_rows(t);
    if !rows.is_empty() {
        blocks.push(section_heading(heading::SKILLS));
        for (i, (label, skills)) in rows.iter().enumerate() {
            let gap = if i == 0 { 0.0 } else { 2.0 };
            blocks.push(para(
                &super::skill_row_text(*label, skills),
                Face::Regular,
                BODY_SIZE,
                TEXT,
                gap,
            ));
        }
    }

    if !t.experience.is_empty() {
        blocks.push(section_heading(heading::EXPERIENCE));
        for (i, p) in t.experience.iter().enumerate() {
            let mut lines = titled_line(&one_line(&p.name), &one_line(&p.dates), width);
            if let Some(role) = project_subtitle(p.role.as_deref(), p.client.as_deref()) {
                lines.extend(para(&role, Face::Regular, BODY_SIZE, MUTED, 0.0).lines);
            }
            let has_bullets = p.bullets.iter().any(|b| !one_line(&b.text).is_empty());
            blocks.push(Block {
                space_before: if i == 0 { 0.0 } else { 8.0 },
                lines,
                keep_with_next: has_bullets,
            });
            for b in &p.bullets {
                blocks.extend(bullet(&b.text, width));
            }
        }
    }

    if !t.highlights.is_empty() {
        blocks.push(section_heading(heading::HIGHLIGHTS));
        for b in &t.highlights {
            blocks.extend(bullet(&b.text, width));
        }
    }

    if !t.certifications.is_empty() {
        blocks.push(section_heading(heading::CERTIFICATIONS));
        for c in &t.certifications {
            blocks.extend(bullet(&certification_line(c), width));
        }
    }

    if !t.education.is_empty() {
        blocks.push(section_heading(heading::EDUCATION));
        for (i, e) in t.education.iter().enumerate() {
            let dates = education_dates(e).unwrap_or_default();
            blocks.push(Block {
                space_before: if i == 0 { 0.0 } else { 4.0 },
                lines: titled_line(&education_title(e), &dates, width),
                keep_with_next: false,
            });
        }
    }

    // A section heading is never the last thing on a page.
    if let Some(last) = blocks.last_mut() {
        last.keep_with_next = false;
    }
    blocks
}

fn section_heading(title: &str) -> Block {
    let mut run = Run::new(0.0, title, Face::Bold, HEADING_SIZE, TEXT);
    run.accent = true;
    let mut text = Line::text(HEADING_SIZE, vec![run]);
    text.height = HEADING_SIZE * 1.15;
    Block {
        space_before: 12.0,
        lines: vec![text, Line::rule()],
        keep_with_next: true,
    }
}

/// A bold title with dates flush right on its first line; a title too long
/// to share the line wraps within the space the dates leave.
fn titled_line(title: &str, dates: &str, width: f32) -> Vec<Line> {
    let dates_w = if dates.is_empty() {
        0.0
    } else {
        Face::Regular.width(dates, BODY_SIZE)
    };
    let room = if dates.is_empty() {
        width
    } else {
        (width - dates_w - DATES_GAP).max(width / 3.0)
    };
    let mut lines: Vec<Line> = wrap(title, Face::Bold, BODY_SIZE, room)
        .into_iter()
        .map(|l| {
            Line::text(
                BODY_SIZE,
                vec![Run::new(0.0, l, Face::Bold, BODY_SIZE, TEXT)],
            )
        })
        .collect();
    if !dates.is_empty() {
        let run = Run::new(width - dates_w, dates, Face::Regular, BODY_SIZE, MUTED);
        match lines.first_mut() {
            Some(first) => first.runs.push(run),
            None => lines.push(Line::text(BODY_SIZE, vec![run])),
        }
    }
    lines
}

/// A bullet: the glyph, then the text with a hanging indent.
fn bullet(text: &str, width: f32) -> Option<Block> {
    let text = one_line(text);
    if text.is_empty() {
        return None;
    }
    let lines = wrap(&text, Face::Regular, BODY_SIZE, width - BULLET_TEXT_X)
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            let mut runs = Vec::new();
            if i == 0 {
                runs.push(Run::new(BULLET_X, "•", Face::Regular, BODY_SIZE, MUTED));
            }
            runs.push(Run::new(BULLET_TEXT_X, l, Face::Regular, BODY_SIZE, TEXT));
            Line::text(BODY_SIZE, runs)
        })
        .collect();
    Some(Block {
        space_before: 2.5,
        lines,
        keep_with_next: false,
    })
}

/// The contact items separated by ` · `, wrapped between items; email and
/// links are runs of their own so each can carry a link annotation.
fn contact_lines(t: &Tailored, width: f32) -> Vec<Line> {
    const SEP: &str = " · ";
    let face = Face::Regular;
    let size = CONTACT_SIZE;
    let sep_w = face.width(SEP, size);
    let mut lines: Vec<Vec<Run>> = Vec::new();
    let mut cur: Vec<Run> = Vec::new();
    let mut x = 0.0;
    for item in contact_items(&t.person) {
        let text = match (&item.url, item.is_link) {
            (Some(url), true) => display_url(url).to_string(),
            _ => item.text.into_owned(),
        };
        let w = face.width(&text, size);
        if !cur.is_empty() && x + sep_w + w > width {
            lines.push(std::mem::take(&mut cur));
            x = 0.0;
        }
        if !cur.is_empty() {
            cur.push(Run::new(x, SEP, face, size, MUTED));
            x += sep_w;
        }
        // One item wider than the line (a very long URL) wraps on its own.
        let parts = wrap(&text, face, size, width);
        let n = parts.len();
        for (i, part) in parts.into_iter().enumerate() {
            let pw = face.width(&part, size);
            let mut run = Run::new(x, part, face, size, TEXT);
            run.link.clone_from(&item.url);
            cur.push(run);
            x += pw;
            if i + 1 < n {
                lines.push(std::mem::take(&mut cur));
                x = 0.0;
            }
        }
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    let mut out: Vec<Line> = lines.into_iter().map(|r| Line::text(size, r)).collect();
    if let Some(first) = out.first_mut() {
        // A little air between the headline and the contact line.
        first.height += 2.0;
        first.baseline += 2.0;
    }
    out
}

/// A line placed on a page: its top edge, in points from the page's top.
struct Placed<'a> {
    top: f32,
    line: &'a Line,
}

/// Places blocks on pages of `height` points (margins included). A block
/// never splits unless it alone is taller than a page; a chain of
/// keep-with-next blocks moves to a new page together when it fits on one.
fn paginate(blocks: &[Block], height: f32) -> Vec<Vec<Placed<'_>>> {
    let bottom = height - MARGIN_BOTTOM;
    let usable = bottom - MARGIN_TOP;
    let mut pages: Vec<Vec<Placed<'_>>> = vec![Vec::new()];
    let mut y = MARGIN_TOP;
    for (i, block) in blocks.iter().enumerate() {
        let at_top = pages.last().is_some_and(Vec::is_empty);
        let gap = if at_top { 0.0 } else { block.space_before };
        // The chain: this block and those it must stay with. The next block
        // must show at least its first line (its first bullet, usually).
        let mut need = gap + block.height();
        let mut j = i;
        while blocks[j].keep_with_next && j + 1 < blocks.len() {
            j += 1;
            need += blocks[j].space_before + blocks[j].height();
        }
        let chain_fits_a_page = need - gap <= usable;
        if !at_top && y + need > bottom && (chain_fits_a_page || y + gap + block.height() > bottom)
        {
            pages.push(Vec::new());
            y = MARGIN_TOP;
        } else {
            y += gap;
        }
        for line in &block.lines {
            let page_empty = pages.last().is_some_and(Vec::is_empty);
            if !page_empty && y + line.height > bottom {
                // Only a block taller than a whole page gets here.
                pages.push(Vec::new());
                y = MARGIN_TOP;
            }
            if let Some(page) = pages.last_mut() {
                page.push(Placed { top: y, line });
            }
            y += line.height;
        }
    }
    pages
}

/// The number of pages the résumé's PDF has (see [`super::pdf_page_count`]).
pub fn page_count(t: &Tailored, opts: &RenderOptions) -> usize {
    let (w, h) = opts.paper.size_mm();
    let blocks = layout(t, w * MM - 2.0 * MARGIN_X);
    paginate(&blocks, h * MM).len()
}

/// The pages and the last page's fill (see [`super::pdf_page_fill`]).
pub fn page_fill(t: &Tailored, opts: &RenderOptions) -> (usize, f32) {
    let (w, h) = opts.paper.size_mm();
    let height = h * MM;
    let blocks = layout(t, w * MM - 2.0 * MARGIN_X);
    let pages = paginate(&blocks, height);
    let usable = height - MARGIN_TOP - MARGIN_BOTTOM;
    let used = pages
        .last()
        .and_then(|p| p.last())
        .map_or(0.0, |l| l.top + l.line.height - MARGIN_TOP);
    (pages.len(), (used / usable).clamp(0.0, 1.0))
}

/// The creation date: `SOURCE_DATE_EPOCH` (reproducible-builds.org) when
/// set, else a fixed date, never the clock.
pub(super) fn creation_epoch(source_date_epoch: Option<&str>) -> Result<i64> {
    match source_date_epoch.map(str::trim) {
        Some(v) if !v.is_empty() => v
            .parse::<i64>()
            .ok()
            .filter(|&e| printpdf::OffsetDateTime::from_unix_timestamp(e).is_ok())
            .with_context(|| {
                format!("invalid SOURCE_DATE_EPOCH {v:?}: expected whole seconds since 1970-01-01")
            }),
        _ => Ok(DEFAULT_EPOCH),
    }
}

/// 128 bits of FNV-1a over `bytes`, as 32 hex digits: a stable document id
/// (std's hashers may change between Rust releases).
fn content_id(bytes: &[u8]) -> String {
    let fnv = |seed: u64| {
        bytes.iter().fold(seed, |h, &b| {
            (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
        })
    };
    format!(
        "{:016x}{:016x}",
        fnv(0xcbf2_9ce4_8422_2325),
        fnv(0x6c62_272e_07bb_0142)
    )
}

/// Renders the résumé as PDF bytes.
pub fn render(t: &Tailored, opts: &RenderOptions) -> Result<Vec<u8>> {
    let (w_mm, h_mm) = opts.paper.size_mm();
    let (width, height) = (w_mm * MM, h_mm * MM);
    let blocks = layout(t, width - 2.0 * MARGIN_X);
    // Right-to-left text would print mirrored: refused (build names the
    // profile field before any posting). A character the font lacks prints
    // as the font's box; build has warned of it once, up front.
    for run in blocks.iter().flat_map(|b| &b.lines).flat_map(|l| &l.runs) {
        if let Some(script) = run.text.chars().find_map(right_to_left) {
            bail!(
                "the PDF cannot show right-to-left text ({script}) in {:?}\n\
                 hint: use another format (md, html, docx, txt)",
                run.text
            );
        }
    }
    let pages: Vec<PdfPage> = paginate(&blocks, height)
        .iter()
        .map(|placed| PdfPage::new(Mm(w_mm), Mm(h_mm), draw(placed, width, height)))
        .collect();

    let epoch = creation_epoch(std::env::var("SOURCE_DATE_EPOCH").ok().as_deref())?;
    let date = printpdf::OffsetDateTime::from_unix_timestamp(epoch)
        .map_err(|e| anyhow::anyhow!("invalid SOURCE_DATE_EPOCH {epoch}: {e}"))?;
    let mut doc = PdfDocument::new(&document_title(t));
    let info = &mut doc.metadata.info;
    info.author = one_line(&t.person.name).into_owned();
    info.subject = "Résumé".to_string();
    info.creator = "tailor".to_string();
    info.producer = "tailor (printpdf 0.12)".to_string();
    info.creation_date = date;
    info.modification_date = date;
    info.metadata_date = date;
    for face in [Face::Regular, Face::Bold] {
        doc.resources
            .fonts
            .map
            .insert(face.id(), PdfFont::new(face.font().clone()));
    }
    doc.with_pages(pages);

    let mut warnings = Vec::new();
    let mut lo = doc.to_lopdf_document(&PdfSaveOptions::default(), &mut warnings);
    // printpdf draws the trailer id from a process-wide counter; derive it
    // from the content instead so equal input gives equal bytes.
    let mut seed = serde_json::to_vec(t).context("failed to hash the résumé")?;
    seed.extend_from_slice(format!("{w_mm}x{h_mm}@{epoch}").as_bytes());
    let id = lopdf::Object::String(content_id(&seed).into_bytes(), lopdf::StringFormat::Literal);
    lo.trailer
        .set("ID", lopdf::Object::Array(vec![id.clone(), id]));
    tidy_metadata(&mut lo);
    lo.compress();
    let mut out = Vec::new();
    lo.save_to(&mut out).context("failed to write the PDF")?;
    Ok(out)
}

/// Drops the empty entries printpdf writes into the document info: an
/// empty `GTS_PDFXVersion` makes some readers report the file as PDF/X,
/// which it is not. Asks viewers to show the title, not the file name.
fn tidy_metadata(doc: &mut lopdf::Document) {
    if let Ok(info) = doc
        .trailer
        .get(b"Info")
        .and_then(lopdf::Object::as_reference)
    {
        if let Ok(dict) = doc.get_dictionary_mut(info) {
            for key in ["GTS_PDFXVersion", "Identifier", "Keywords", "Trapped"] {
                dict.remove(key.as_bytes());
            }
        }
    }
    if let Ok(root) = doc
        .trailer
        .get(b"Root")
        .and_then(lopdf::Object::as_reference)
    {
        if let Ok(catalog) = doc.get_dictionary_mut(root) {
            let mut prefs = lopdf::Dictionary::new();
            prefs.set("DisplayDocTitle", true);
            catalog.set("ViewerPreferences", prefs);
        }
    }
}

/// The operations that draw one page's lines.
fn draw(placed: &[Placed<'_>], width: f32, height: f32) -> Vec<Op> {
    let mut ops = Vec::new();
    for p in placed {
        let baseline = height - (p.top + p.line.baseline);
        if p.line.rule {
            ops.push(Op::SetOutlineColor { col: gray(RULE) });
            ops.push(Op::SetOutlineThickness { pt: Pt(0.6) });
            ops.push(Op::SetLineDashPattern {
                dash: LineDashPattern::default(),
            });
            ops.push(Op::DrawLine {
                line: PdfLine {
                    points: vec![
                        LinePoint {
                            p: Point::new(Mm(MARGIN_X / MM), Mm(baseline / MM)),
                            bezier: false,
                        },
                        LinePoint {
                            p: Point::new(Mm((width - MARGIN_X) / MM), Mm(baseline / MM)),
                            bezier: false,
                        },
                    ],
                    is_closed: false,
                },
            });
        }
        for run in &p.line.runs {
            let x = MARGIN_X + run.x;
            let col = if run.accent {
                Color::Rgb(Rgb::new(ACCENT.0, ACCENT.1, ACCENT.2, None))
            } else {
                gray(run.gray)
            };
            ops.push(Op::SetFillColor { col });
            ops.push(Op::StartTextSection);
            ops.push(Op::SetFont {
                font: PdfFontHandle::External(run.face.id()),
                size: Pt(run.size),
            });
            ops.push(Op::SetTextCursor {
                pos: Point {
                    x: Pt(x),
                    y: Pt(baseline),
                },
            });
            ops.push(Op::ShowText {
                items: vec![TextItem::Text(run.text.clone())],
            });
            ops.push(Op::EndTextSection);
            if let Some(url) = &run.link {
                let w = run.face.width(&run.text, run.size);
                let rect = Rect::from_xywh(
                    Pt(x),
                    Pt(baseline - run.size * 0.25),
                    Pt(w),
                    Pt(run.size * 1.2),
                );
                ops.push(Op::LinkAnnotation {
                    link: LinkAnnotation::new(
                        rect,
                        Actions::Uri(url.clone()),
                        Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                        Some(ColorArray::Transparent),
                        None,
                    ),
                });
            }
        }
    }
    ops
}

fn gray(level: f32) -> Color {
    Color::Rgb(Rgb::new(level, level, level, None))
}

#[cfg(test)]
mod tests {
    use lopdf::{Document, Object};

    use super::*;
    use crate::render::Paper;
    use crate::tailored::{sample, TailoredBullet};

    fn a4() -> RenderOptions {
        RenderOptions { paper: Paper::A4 }
    }

    /// A résumé long enough for two pages: the sample's projects, repeated.
    fn two_pages() -> Tailored {
        let mut t = sample();
        let projects = t.experience.clone();
        for i in 0..3 {
            for p in &projects {
                let mut p = p.clone();
                p.id = format!("{}-{i}", p.id);
                for b in &mut p.bullets {
                    b.id = format!("{}-{i}", b.id);
                    b.text = format!("{} (copy {i})", b.text);
                }
                t.experience.push(p);
            }
        }
        t
    }

    fn squash(s: &str) -> String {
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// All text of the PDF, pages in order, whitespace squashed.
    fn extracted(pdf: &[u8]) -> (Document, String) {
        let doc = Document::load_mem(pdf).expect("the PDF parses");
        let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
        let text = doc.extract_text(&pages).expect("text extracts");
        (doc, squash(&text))
    }

    #[test]
    fn every_bullet_is_in_the_text_layer_in_order() {
        for t in [sample(), two_pages()] {
            let pdf = render(&t, &a4()).unwrap();
            let (_, text) = extracted(&pdf);
            let mut from = 0;
            for b in t.bullet_texts() {
                let b = squash(b);
                // Wrapping turns spaces into line breaks, squashed above.
                let at = text[from..]
                    .find(&b)
                    .unwrap_or_else(|| panic!("{b:?} missing after byte {from} of\n{text}"));
                from += at + b.len();
            }
            for s in [
                "Anna Müller-Lüdenscheidt",
                "anna.mueller@example.com",
                "github.com/anna-example",
                "Payments Platform",
                "Lead Platform Engineer · Acme Bank",
                "Mar 2021 – Present",
                "Additional Experience",
                "MSc Computer Science — ETH Zürich",
            ] {
                assert!(text.contains(s), "{s:?} missing from\n{text}");
            }
        }
    }

    #[test]
    fn embeds_a_subset_font_and_stays_small() {
        let t = two_pages();
        let pdf = render(&t, &a4()).unwrap();
        assert_eq!(page_count(&t, &a4()), 2);
        let (doc, _) = extracted(&pdf);
        assert_eq!(doc.get_pages().len(), 2);
        let font_files = doc
            .objects
            .values()
            .filter_map(|o| match o {
                Object::Dictionary(d) => Some(d),
                _ => None,
            })
            .filter(|d| d.has(b"FontFile2"))
            .count();
        assert_eq!(font_files, 2, "both faces embedded");
        assert!(pdf.len() < 100_000, "2 pages took {} bytes", pdf.len());
    }

    #[test]
    fn page_fill_is_the_share_of_the_last_page_used() {
        let (pages, fill) = page_fill(&sample(), &a4());
        assert_eq!(pages, 1);
        assert!(fill > 0.2 && fill < 0.9, "{fill}");
        let t = two_pages();
        let (pages, fill) = page_fill(&t, &a4());
        assert_eq!(pages, page_count(&t, &a4()));
        let mut longer = t.clone();
        longer.highlights.push(longer.highlights[0].clone());
        let (more_pages, more) = page_fill(&longer, &a4());
        assert!(more_pages > pages || more > fill, "{fill} -> {more}");
    }

    #[test]
    fn page_count_matches_the_rendered_pages() {
        let mut t = two_pages();
        for _ in 0..4 {
            let pdf = render(&t, &a4()).unwrap();
            let (doc, _) = extracted(&pdf);
            assert_eq!(doc.get_pages().len(), page_count(&t, &a4()));
            let more = t.clone();
            t.experience.extend(more.experience);
        }
    }

    #[test]
    fn equal_input_gives_equal_bytes() {
        let t = sample();
        let a = render(&t, &a4()).unwrap();
        let _other = render(&two_pages(), &a4()).unwrap();
        let b = render(&t, &a4()).unwrap();
        assert!(a == b);
    }

    #[test]
    fn the_date_comes_from_source_date_epoch_or_is_fixed() {
        assert_eq!(creation_epoch(None).unwrap(), DEFAULT_EPOCH);
        assert_eq!(creation_epoch(Some("")).unwrap(), DEFAULT_EPOCH);
        assert_eq!(creation_epoch(Some("1700000000\n")).unwrap(), 1_700_000_000);
        let err = creation_epoch(Some("yesterday")).unwrap_err().to_string();
        assert!(
            err.starts_with("invalid SOURCE_DATE_EPOCH \"yesterday\""),
            "{err}"
        );
        assert!(creation_epoch(Some("99999999999999999")).is_err());
    }

    #[test]
    fn paper_sets_the_media_box() {
        let t = sample();
        for (paper, w, h) in [(Paper::A4, 595.0, 842.0), (Paper::Letter, 612.0, 792.0)] {
            let pdf = render(&t, &RenderOptions { paper }).unwrap();
            let doc = Document::load_mem(&pdf).unwrap();
            let page = doc.get_pages()[&1];
            let dict = doc.get_dictionary(page).unwrap();
            let mb: Vec<f32> = dict
                .get(b"MediaBox")
                .unwrap()
                .as_array()
                .unwrap()
                .iter()
                .map(|o| o.as_float().unwrap())
                .collect();
            assert!(
                (mb[2] - w).abs() < 1.0 && (mb[3] - h).abs() < 1.0,
                "{paper:?}: {mb:?}"
            );
        }
    }

    #[test]
    fn has_title_author_and_link_annotations() {
        let pdf = render(&sample(), &a4()).unwrap();
        let doc = Document::load_mem(&pdf).unwrap();
        let info = doc.trailer.get(b"Info").unwrap().as_reference().unwrap();
        let info = doc.get_dictionary(info).unwrap();
        let utf16 = |key: &[u8]| {
            let bytes = info.get(key).unwrap().as_str().unwrap();
            let units: Vec<u16> = bytes[2..]
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            String::from_utf16(&units).unwrap()
        };
        assert_eq!(
            utf16(b"Title"),
            "Anna Müller-Lüdenscheidt — Résumé for Staff Platform Engineer at Globex"
        );
        assert_eq!(utf16(b"Author"), "Anna Müller-Lüdenscheidt");
        let mut uris = Vec::new();
        for page in doc.get_pages().values() {
            let page = doc.get_dictionary(*page).unwrap();
            for annot in page.get(b"Annots").unwrap().as_array().unwrap() {
                let action = annot
                    .as_dict()
                    .unwrap()
                    .get(b"A")
                    .unwrap()
                    .as_dict()
                    .unwrap();
                let uri = action.get(b"URI").unwrap().as_str().unwrap();
                uris.push(String::from_utf8_lossy(uri).into_owned());
            }
        }
        for want in [
            "mailto:anna.mueller@example.com",
            "https://github.com/anna-example",
            "https://www.linkedin.com/in/anna-example/",
        ] {
            assert!(uris.iter().any(|u| u == want), "{want} not in {uris:?}");
        }
    }

    #[test]
    #[ignore = "writes files for a person to look at"]
    fn write_samples() {
        let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/target/samples"));
        std::fs::create_dir_all(dir).unwrap();
        std::fs::write(
            dir.join("two-pages.pdf"),
            render(&two_pages(), &a4()).unwrap(),
        )
        .unwrap();
        let letter = RenderOptions {
            paper: Paper::Letter,
        };
        let mut t = two_pages();
        t.experience[0].name =
            "Global Card Payments Modernisation and Real-Time Settlement Programme".into();
        t.experience[0].client = Some("Acme Bank (Retail & Corporate Banking Division)".into());
        std::fs::write(dir.join("letter.pdf"), render(&t, &letter).unwrap()).unwrap();
        eprintln!("wrote PDFs to {}", dir.display());
    }

    #[test]
    fn wrapping_fits_the_width_and_keeps_every_word() {
        let text = "Migrated 40 services from EC2 to EKS → cut monthly compute cost by 35 % \
                    https://example.com/a/very/long/path/that/cannot/fit/on/one/line/at/all";
        let lines = wrap(text, Face::Regular, BODY_SIZE, 120.0);
        assert!(lines.len() > 3, "{lines:?}");
        for l in &lines {
            assert!(Face::Regular.width(l, BODY_SIZE) <= 120.0 + 0.01, "{l:?}");
        }
        assert_eq!(lines.concat().replace(' ', ""), text.replace(' ', ""));
    }

    #[test]
    fn a_heading_is_never_the_last_thing_on_a_page() {
        let t = two_pages();
        for paper in [Paper::A4, Paper::Letter] {
            let (w, h) = paper.size_mm();
            let blocks = layout(&t, w * MM - 2.0 * MARGIN_X);
            let held: Vec<&Line> = blocks
                .iter()
                .filter(|b| b.keep_with_next)
                .flat_map(|b| &b.lines)
                .collect();
            let pages = paginate(&blocks, h * MM);
            assert!(pages.len() > 1);
            for page in &pages[..pages.len() - 1] {
                let last = page.last().unwrap().line;
                assert!(
                    !held.iter().any(|l| std::ptr::eq(*l, last)),
                    "{paper:?}: a page ends with a heading: {:?}",
                    last.runs
                );
            }
        }
    }

    #[test]
    fn a_character_the_font_lacks_is_refused_once_up_front_naming_where() {
        // Issue 13, item 10: once, before any posting, not per posting.
        let raw = "person:\n  name: Ada\nprojects:\n  - bullets:\n      - text: Wrote 日本 docs, 日本 again\n";
        let mut p = crate::profile::schema::Profile::default();
        p.person.name = "Ada".into();
        p.person.headline = "日本".into();
        let warning = check_profile(&p, "profile.yaml", Some(raw))
            .unwrap_err()
            .to_string();
        assert!(
            warning.starts_with("profile.yaml: the PDF font has no glyph for 2 characters"),
            "{warning}"
        );
        assert!(
            warning.contains("'日' (U+65E5) in person.headline, line 5"),
            "{warning}"
        );
        assert_eq!(warning.matches("U+65E5").count(), 1, "{warning}");
        assert!(warning.contains("hint: "), "{warning}");
        p.person.headline = "Zoe\u{308}\u{3000}Nguye\u{302}\u{303}n".into();
        assert!(check_profile(&p, "profile.yaml", None).is_ok());
        // Render alone still draws what it is given.
        let mut t = sample();
        t.highlights.push(TailoredBullet {
            id: "x".into(),
            text: "Wrote 日本 docs".into(),
        });
        assert!(render(&t, &a4()).is_ok());
    }

    #[test]
    fn unicode_spaces_the_font_lacks_print_as_spaces() {
        let mut t = sample();
        t.highlights.push(TailoredBullet {
            id: "x".into(),
            text: "Go\u{3000}and\u{2028}Rust\u{205f}with\u{1680}Kafka\u{2029}daily".into(),
        });
        let (_, text) = extracted(&render(&t, &a4()).unwrap());
        assert!(text.contains("Go and Rust with Kafka daily"), "{text}");
        assert_eq!(typed("a\u{3000}b\u{2029}c"), "a b c");
        // A no-break space the font has is kept: it is meant.
        assert_eq!(typed("2\u{a0}000"), "2\u{a0}000");
        assert!(matches!(typed("plain text"), Cow::Borrowed(_)));
    }

    #[test]
    fn decomposed_accents_are_composed_before_layout() {
        let mut t = sample();
        t.person.name = "Zoe\u{308} Nguye\u{302}\u{303}n".into();
        let (_, text) = extracted(&render(&t, &a4()).unwrap());
        assert!(text.contains("Zoë Nguyễn"), "{text}");
        assert!(!text.contains('\u{308}'), "{text}");
    }

    #[test]
    fn right_to_left_text_is_refused_naming_the_field_and_line() {
        let raw = "person:\n  name: Ada\n  headline: מהנדסת תוכנה\n";
        let mut p = crate::profile::schema::Profile::default();
        p.person.headline = "מהנדסת תוכנה".into();
        let err = check_profile(&p, "profile.yaml", Some(raw))
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("profile.yaml:3: person.headline is written in Hebrew"),
            "{err}"
        );
        assert!(err.contains("hint: use another format"), "{err}");
        p.person.headline = "مهندسة برمجيات".into();
        let err = check_profile(&p, "profile.yaml", None)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("person.headline is written in Arabic"),
            "{err}"
        );
        // And render refuses it too, rather than print it mirrored.
        let mut t = sample();
        t.person.headline = "מהנדסת".into();
        let err = render(&t, &a4()).unwrap_err().to_string();
        assert!(err.contains("right-to-left text (Hebrew)"), "{err}");
    }
}
