//! `tailor build -f docx`: the Word résumé read back the way Word and an
//! ATS read it — unzipped, `word/document.xml` parsed as XML — holds every
//! chosen bullet in order, verbatim, as a real list item; comes out the
//! same twice; and works in a batch. (`scripts/validate-docx.sh` reads it
//! with python-docx and LibreOffice too.)

use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::Stdio;

use tailor::build;
use tailor::config::{BuildConfig, Input, Output as Out};
use tailor::keywords::Lexicon;
use tailor::render::{Format, RenderOptions};
use tailor::score::{self, Evidence};
use tailor::select::Budget;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// One part of the package, as text.
pub fn part(docx: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip archive");
    let mut s = String::new();
    zip.by_name(name)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .read_to_string(&mut s)
        .unwrap();
    s
}

/// A paragraph of the body: its style, whether it is a list item, its text.
#[derive(Debug)]
pub struct Para {
    pub style: Option<String>,
    pub listed: bool,
    pub text: String,
}

/// The body's paragraphs in order, with their text as Word shows it (runs
/// joined, a tab as a space).
pub fn paragraphs(docx: &[u8]) -> Vec<Para> {
    let xml = part(docx, "word/document.xml");
    let doc = roxmltree::Document::parse(&xml).expect("document.xml is well-formed XML");
    let is = |n: &roxmltree::Node, name: &str| n.tag_name() == (W, name).into();
    doc.descendants()
        .filter(|n| is(n, "p"))
        .map(|p| {
            let ppr = p.children().find(|c| is(c, "pPr"));
            let style = ppr
                .and_then(|r| r.children().find(|c| is(c, "pStyle")))
                .and_then(|s| s.attribute((W, "val")).map(str::to_owned));
            let listed = ppr.is_some_and(|r| r.children().any(|c| is(&c, "numPr")));
            let mut text = String::new();
            for n in p.descendants() {
                if is(&n, "t") {
                    text.push_str(n.text().unwrap_or_default());
                } else if is(&n, "tab") && n.parent().is_some_and(|r| is(&r, "r")) {
                    text.push(' ');
                }
            }
            Para {
                style,
                listed,
                text,
            }
        })
        .collect()
}

/// All the text a reader sees, one paragraph a line.
pub fn visible_text(docx: &[u8]) -> String {
    paragraphs(docx)
        .into_iter()
        .map(|p| p.text)
        .collect::<Vec<_>>()
        .join("\n")
}

fn built(posting: &str, formats: &[Format]) -> build::Built {
    let p = tailor::profile::load(&root().join("profile.yaml")).unwrap();
    let ev = Evidence::new(&p, Lexicon::builtin(), score::profile_now(&p));
    let posting = tailor::files::read_posting(&root().join(posting)).unwrap();
    let cfg = BuildConfig {
        input: Input::Stdin,
        profile: root().join("profile.yaml"),
        formats: formats.to_vec(),
        output: Out::Stdout,
        render: RenderOptions::default(),
        pages: None,
        budget: Budget::default(),
        force: false,
        recursive: false,
        quiet: true,
        explain: false,
    };
    build::tailor(&cfg, &p, &ev, &posting).unwrap()
}

const SAMPLES: [&str; 3] = [
    "job-descriptions/northwind-health-platform-engineer.md",
    "job-descriptions/quarry-lane-analytics-backend-data-engineer.txt",
    "job-descriptions/pocketmeadow-ios-engineer.md",
];

#[test]
fn every_chosen_bullet_is_a_list_item_in_order_verbatim() {
    for posting in SAMPLES {
        let b = built(posting, &[Format::Docx]);
        let paras = paragraphs(&b.files[0].1);
        let t = &b.selection.tailored;
        let bullets: Vec<String> = t
            .bullet_texts()
            .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect();
        assert!(!bullets.is_empty(), "{posting}");
        // The list items are the bullets, then the certifications: in
        // order, whole, nothing between.
        let items: Vec<&str> = paras
            .iter()
            .filter(|p| p.listed)
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(&items[..bullets.len()], &bullets[..], "{posting}");
        assert_eq!(items.len(), bullets.len() + t.certifications.len());
        for p in paras.iter().filter(|p| p.listed) {
            assert_eq!(p.style.as_deref(), Some("ListBullet"), "{p:?}");
            assert!(!p.text.starts_with('•'), "a typed bullet: {p:?}");
        }
        // Real headings, in the PDF's order.
        let headings: Vec<&str> = paras
            .iter()
            .filter(|p| p.style.as_deref() == Some("Heading1"))
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(headings.first(), Some(&"Summary"), "{posting}");
        assert!(headings.contains(&"Experience"), "{headings:?}");
        // One heading 2 per project, its dates on its line.
        let projects: Vec<&Para> = paras
            .iter()
            .filter(|p| p.style.as_deref() == Some("Heading2"))
            .collect();
        assert_eq!(projects.len(), t.experience.len());
        for (p, x) in projects.iter().zip(&t.experience) {
            assert_eq!(p.text, format!("{} {}", x.name, x.dates));
        }
        // The same words as the PDF, in the same order.
        let pdf_built = built(posting, &[Format::Pdf]);
        let doc = lopdf::Document::load_mem(&pdf_built.files[0].1).unwrap();
        let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
        let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let pdf_text = squash(&doc.extract_text(&pages).unwrap());
        let docx_text = squash(&visible_text(&b.files[0].1).replace('•', ""));
        assert_eq!(
            docx_text,
            squash(&pdf_text.replace('•', "")),
            "{posting}: the Word and PDF résumés differ"
        );
    }
}

#[test]
fn the_package_has_no_tables_images_or_typed_bullets_and_names_its_author() {
    let b = built(SAMPLES[0], &[Format::Docx]);
    let docx = &b.files[0].1;
    let body = part(docx, "word/document.xml");
    for tag in [
        "<w:tbl",
        "<w:drawing",
        "<w:pict",
        "<w:txbxContent",
        "<w:framePr",
    ] {
        assert!(!body.contains(tag), "{tag} in the body");
    }
    // One column: the one section says so.
    assert_eq!(body.matches("<w:sectPr").count(), 1);
    assert!(
        body.contains("<w:cols w:space=\"425\" w:num=\"1\" />"),
        "{body}"
    );
    let numbering = part(docx, "word/numbering.xml");
    assert!(numbering.contains("w:val=\"bullet\""), "{numbering}");
    let core = part(docx, "docProps/core.xml");
    let name = &b.selection.tailored.person.name;
    assert!(
        core.contains(&format!("<dc:creator>{name}</dc:creator>")),
        "{core}"
    );
    assert!(core.contains("<dc:title>") && core.contains("Résumé for Senior Platform Engineer"));
    let styles = part(docx, "word/styles.xml");
    assert!(styles.contains("w:default=\"1\" w:styleId=\"Normal\""));
    assert!(styles.contains("<w:name w:val=\"heading 1\" />"));
}

fn run(args: &[&str], out: &Path) -> Vec<(String, Vec<u8>)> {
    let o = crate::test::tailor_command()
        .current_dir(root())
        .env_remove("SOURCE_DATE_EPOCH")
        .args(["build", "-q", "-p", "profile.yaml"])
        .args(args)
        .arg("-o")
        .arg(out)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(out)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .filter(|(n, _)| n.ends_with(".docx"))
        .collect();
    files.sort();
    files
}

#[test]
fn two_builds_give_the_same_bytes_and_the_batch_writes_docx() {
    let dir = tempfile::tempdir().unwrap();
    // One posting, format from -o's extension.
    let one = dir.path().join("one");
    std::fs::create_dir(&one).unwrap();
    for i in 0..2 {
        let o = crate::test::tailor_command()
            .current_dir(root())
            .args(["build", "-q", "-p", "profile.yaml", SAMPLES[0], "-o"])
            .arg(one.join(format!("cv{i}.docx")))
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    let a = std::fs::read(one.join("cv0.docx")).unwrap();
    let b = std::fs::read(one.join("cv1.docx")).unwrap();
    assert!(a.starts_with(b"PK\x03\x04"));
    assert!(a == b, "two builds differ");

    // A batch, twice, on several threads: one .docx per posting, equal bytes.
    let jobs = root().join("job-descriptions");
    let first = run(
        &["-f", "md,docx", jobs.to_str().unwrap()],
        &dir.path().join("b1"),
    );
    let second = run(
        &["-f", "docx", jobs.to_str().unwrap()],
        &dir.path().join("b2"),
    );
    let postings = std::fs::read_dir(&jobs).unwrap().count();
    assert_eq!(first.len(), postings);
    assert_eq!(first, second);
    let index = std::fs::read_to_string(dir.path().join("b1/index.md")).unwrap();
    assert!(index.contains(".docx"), "{index}");
}

/// The Word résumé as a reviewer reads it: one paragraph a line, with its
/// style and `•` for a list item, so a change of structure shows in a diff.
fn outline(docx: &[u8]) -> String {
    let mut s = String::new();
    for p in paragraphs(docx) {
        let style = p.style.as_deref().unwrap_or("Normal");
        let mark = if p.listed { " •" } else { "" };
        s.push_str(&format!("[{style}{mark}] {}\n", p.text));
    }
    s
}

#[test]
fn every_sample_postings_word_resume_matches_its_reviewed_snapshot() {
    // Golden Word résumés beside the text formats' in tests/snapshots/
    // (`TAILOR_UPDATE_SNAPSHOTS=1` rewrites them): the document's outline,
    // since the zip's bytes do not diff.
    let mut postings: Vec<PathBuf> = std::fs::read_dir(root().join("job-descriptions"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    postings.sort();
    let mut all = true;
    for posting in postings {
        let stem = posting.file_stem().unwrap().to_string_lossy().into_owned();
        let relative = posting.strip_prefix(root()).unwrap().to_path_buf();
        let done = crate::test::Test::new()
            .args(["build", "-q", "-f", "docx", "-o", "-"])
            .arg(&relative)
            .run();
        assert!(done.stdout_bytes.starts_with(b"PK\x03\x04"), "{stem}");
        let text = outline(&done.stdout_bytes);
        all &= crate::test::snapshot(&format!("{stem}/resume.docx.txt"), text.as_bytes());
    }
    crate::test::assert_snapshots(all);
}
