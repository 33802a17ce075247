//! Page fill (issue 10): without `--pages` a résumé whose PDF would end on
//! a thin last page ends a page earlier, its least relevant bullets
//! dropped and a note on stderr; a shown project keeps its context bullet;
//! `--pages N` stays the explicit limit.

use std::path::PathBuf;
use std::process::Stdio;

use tailor::build::{self, Built};
use tailor::config::{BuildConfig, Input, Output as Out};
use tailor::keywords::Lexicon;
use tailor::render::{self, Format, RenderOptions};
use tailor::score::{self, Evidence};
use tailor::select::Budget;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn built(posting: &str, pages: Option<usize>) -> Built {
    let p = tailor::profile::load(&root().join("profile.yaml")).unwrap();
    let ev = Evidence::new(&p, Lexicon::builtin(), score::profile_now(&p));
    let posting = tailor::files::read_posting(&root().join(posting)).unwrap();
    let cfg = BuildConfig {
        input: Input::Stdin,
        profile: root().join("profile.yaml"),
        formats: vec![Format::Pdf, Format::Markdown],
        output: Out::Stdout,
        render: RenderOptions::default(),
        pages,
        budget: Budget::default(),
        force: false,
        recursive: false,
        quiet: true,
        explain: false,
    };
    build::tailor(&cfg, &p, &ev, &posting).unwrap()
}

fn pdf_pages(b: &Built) -> usize {
    lopdf::Document::load_mem(&b.files[0].1)
        .unwrap()
        .get_pages()
        .len()
}

const THIN: &str = "job-descriptions/northwind-health-platform-engineer.md";

#[test]
fn a_thin_last_page_is_dropped_with_the_least_relevant_bullets() {
    let free = built(THIN, Some(10));
    let (pages, fill) = render::pdf_page_fill(&free.selection.tailored, &RenderOptions::default());
    // The premise: this posting's full résumé ends on a thin second page.
    assert_eq!(pages, 2);
    assert!(fill < render::MIN_LAST_PAGE_FILL, "{fill}");
    assert!(free.page_fill.is_none(), "--pages is the explicit limit");

    let b = built(THIN, None);
    let f = b.page_fill.as_ref().expect("ends a page earlier");
    assert_eq!((f.pages_before, f.pages), (2, 1));
    assert_eq!(pdf_pages(&b), 1);
    assert!(!f.dropped.is_empty() && f.dropped.len() <= render::MAX_FILL_DROPS);
    assert!(b.dropped.is_empty(), "nothing dropped for --pages");
    // What was dropped is the tail of the full choice, in reverse.
    let all: Vec<&str> = free
        .selection
        .chosen
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    let kept: Vec<&str> = b.selection.chosen.iter().map(|c| c.id.as_str()).collect();
    let dropped: Vec<&str> = f.dropped.iter().rev().map(|c| c.id.as_str()).collect();
    assert_eq!([kept, dropped].concat(), all);
    // Every format says the same: the Markdown lacks the dropped bullets.
    let md = String::from_utf8(b.files[1].1.clone()).unwrap();
    for c in &f.dropped {
        let (_, bullet) = tailor::profile::load(&root().join("profile.yaml"))
            .unwrap()
            .bullets()
            .find(|(_, x)| x.id == c.id)
            .map(|(p, x)| (p.map(|p| p.id.clone()), x.text.clone()))
            .unwrap();
        assert!(!md.contains(&bullet), "{} still in the Markdown", c.id);
    }
}

#[test]
fn a_shown_project_keeps_its_context_bullet() {
    let profile = tailor::profile::load(&root().join("profile.yaml")).unwrap();
    for posting in [
        THIN,
        "job-descriptions/cobalt-fern-therapeutics-site-reliability-engineer.md",
        "job-descriptions/veridian-assurance-solutions-architect.html",
    ] {
        for pages in [None, Some(1)] {
            let b = built(posting, pages);
            let dropped = b
                .dropped
                .iter()
                .chain(b.page_fill.iter().flat_map(|f| &f.dropped));
            for c in dropped.filter(|c| c.reason == "context") {
                let project = profile
                    .projects
                    .iter()
                    .find(|p| p.bullets.iter().any(|x| x.id == c.id))
                    .unwrap();
                assert!(
                    !b.selection
                        .tailored
                        .experience
                        .iter()
                        .any(|x| x.id == project.id),
                    "{posting} {pages:?}: {} shown without its context bullet {}",
                    project.id,
                    c.id
                );
            }
            // And a shown project whose context bullet was chosen opens with it.
            for x in &b.selection.tailored.experience {
                let ctx = b
                    .selection
                    .chosen
                    .iter()
                    .find(|c| c.reason == "context" && x.bullets.iter().any(|y| y.id == c.id));
                if let Some(ctx) = ctx {
                    assert_eq!(x.bullets[0].id, ctx.id, "{posting}");
                }
            }
        }
    }
}

#[test]
fn build_says_so_on_stderr_unless_quiet() {
    let run = |quiet: bool| {
        let mut c = crate::test::tailor_command();
        c.current_dir(root())
            .args(["build", "-p", "profile.yaml", THIN, "-f", "md", "-o", "-"]);
        if quiet {
            c.arg("-q");
        }
        let o = c.stdin(Stdio::null()).output().unwrap();
        assert!(o.status.success());
        String::from_utf8(o.stderr).unwrap()
    };
    let err = run(false);
    assert!(
        err.contains("note: page 2 would have held ")
            && err.contains("to end on page 1: ")
            && err.contains("(--pages 2 keeps them)"),
        "{err}"
    );
    assert!(!run(true).contains("note: page"));
}
