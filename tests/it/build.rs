//! `tailor build` on the shipped profile and sample postings: the résumé
//! says only what the profile says, shows what the posting asks for, and
//! comes out the same every time.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use tailor::build::{self, Built};
use tailor::config::{BuildConfig, Input, Output as Out};
use tailor::keywords::Lexicon;
use tailor::profile::schema::Profile;
use tailor::render::{Format, RenderOptions};
use tailor::score::{self, Evidence};
use tailor::select::{Budget, SKILL_GROUPS};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn tailor() -> Command {
    let mut c = crate::test::tailor_command();
    c.current_dir(root()).env_remove("SOURCE_DATE_EPOCH");
    c
}

fn run(c: &mut Command) -> Output {
    let out = c.stdin(Stdio::null()).output().expect("tailor runs");
    assert!(
        out.status.success(),
        "{:?} failed: {}",
        c,
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn profile() -> Profile {
    tailor::profile::load(&root().join("profile.yaml")).expect("the shipped profile loads")
}

/// Every sample posting shipped in job-descriptions/.
fn samples() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root().join("job-descriptions"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.extension()
                .is_some_and(|e| ["md", "txt", "html"].contains(&e.to_str().unwrap()))
        })
        .collect();
    v.sort();
    assert!(v.len() >= 5, "sample postings: {v:?}");
    v
}

fn config(formats: &[Format], pages: Option<usize>) -> BuildConfig {
    BuildConfig {
        input: Input::Stdin,
        profile: root().join("profile.yaml"),
        formats: formats.to_vec(),
        output: Out::Stdout,
        render: RenderOptions::default(),
        pages,
        budget: Budget::default(),
        force: false,
        recursive: false,
        quiet: true,
        explain: false,
    }
}

fn build(p: &Profile, path: &Path, formats: &[Format], pages: Option<usize>) -> Built {
    let ev = Evidence::new(p, Lexicon::builtin(), score::profile_now(p));
    let posting = tailor::files::read_posting(path).unwrap();
    build::tailor(&config(formats, pages), p, &ev, &posting).unwrap()
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The terms the profile's text names, as written there: a project's
/// narrative, a summary or a bullet ("TypeScript" in "…with TypeScript,
/// AWS Lambdas…"). The skills line may list one the posting requires.
fn narrative_names(p: &Profile) -> Vec<String> {
    let ev = Evidence::new(p, Lexicon::builtin(), score::profile_now(p));
    p.projects
        .iter()
        .filter_map(|pr| pr.summary.as_deref())
        .chain(p.summaries.iter().map(|s| s.text.as_str()))
        .chain(p.bullets().map(|(_, b)| b.text.as_str()))
        .flat_map(|t| tailor::keywords::mentions(&ev.lexicon, t))
        .map(|m| m.surface)
        .collect()
}

/// Every string of the profile a résumé may print, longest first.
fn profile_strings(p: &Profile) -> Vec<String> {
    let mut v: Vec<String> = Vec::new();
    let person = &p.person;
    v.extend([&person.name, &person.headline].map(Clone::clone));
    let c = &person.contact;
    v.extend([&c.email, &c.phone, &c.location].map(Clone::clone));
    for l in &c.links {
        v.extend([l.label.clone(), l.url.clone()]);
    }
    v.extend(p.summaries.iter().map(|s| s.text.clone()));
    v.extend(p.skills.iter().flat_map(|s| s.keywords.iter().cloned()));
    // A skill area's name may reach the skills line too.
    v.extend(p.skills.iter().map(|s| s.name.clone()));
    for pr in &p.projects {
        v.push(pr.name.clone());
        v.extend(pr.client.iter().chain(&pr.role).cloned());
    }
    v.extend(p.bullets().map(|(_, b)| b.text.clone()));
    // A bullet's tag may reach the skills line when the posting asks for it.
    v.extend(p.bullets().flat_map(|(_, b)| b.tags.iter().cloned()));
    // So may a required term a narrative names, as written.
    v.extend(narrative_names(p));
    // Skills-line group headings are tailor's, like section headings.
    // (JSON Resume has them as a skill's `name`, without the colon.)
    v.extend(SKILL_GROUPS.iter().map(|g| format!("{g}:")));
    v.extend(SKILL_GROUPS.iter().map(|g| (*g).to_owned()));
    for c in &p.certifications {
        v.push(c.name.clone());
        v.extend(c.issuer.clone());
    }
    for e in &p.education {
        v.push(e.institution.clone());
        v.extend(e.degree.clone());
    }
    let mut v: Vec<String> = v
        .iter()
        .map(|s| squash(s))
        .filter(|s| !s.is_empty())
        .collect();
    v.sort_by_key(|s| std::cmp::Reverse(s.len()));
    v.dedup();
    v
}

/// What is left of a résumé's text once every profile string is taken out:
/// it may hold only headings, dates, labels and separators.
fn residue(text: &str, strings: &[String]) -> Vec<String> {
    let mut t = squash(text);
    for s in strings {
        t = t.replace(s.as_str(), " ");
    }
    const WORDS: [&str; 21] = [
        "summary",
        "skills",
        "experience",
        "additional",
        "certifications",
        "education",
        "present",
        "jan",
        "feb",
        "mar",
        "apr",
        "may",
        "jun",
        "jul",
        "aug",
        "sep",
        "oct",
        "nov",
        "dec",
        "mailto:",
        "—",
    ];
    t.split_whitespace()
        .filter(|w| {
            !w.chars()
                .all(|c| c.is_ascii_digit() || !c.is_alphanumeric())
        })
        .filter(|w| !WORDS.contains(&w.to_lowercase().as_str()))
        .map(str::to_owned)
        .collect()
}

/// The text a reader (or an applicant tracking system) sees in a file.
fn visible_text(format: Format, bytes: &[u8]) -> String {
    let s = || String::from_utf8(bytes.to_vec()).unwrap();
    match format {
        Format::Markdown => {
            let arena = comrak::Arena::new();
            let root = comrak::parse_document(&arena, &s(), &comrak::Options::default());
            let mut out = String::new();
            for n in root.descendants() {
                match &n.data.borrow().value {
                    comrak::nodes::NodeValue::Text(t) => out.push_str(t),
                    comrak::nodes::NodeValue::Code(c) => out.push_str(&c.literal),
                    comrak::nodes::NodeValue::SoftBreak
                    | comrak::nodes::NodeValue::LineBreak
                    | comrak::nodes::NodeValue::Paragraph
                    | comrak::nodes::NodeValue::Heading(_)
                    | comrak::nodes::NodeValue::Item(_) => out.push(' '),
                    _ => {}
                }
            }
            out
        }
        Format::Text => s(),
        Format::Docx => crate::docx::visible_text(bytes),
        Format::Html => tailor::posting::html_to_text(&s()),
        Format::Pdf => {
            let doc = lopdf::Document::load_mem(bytes).unwrap();
            let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
            doc.extract_text(&pages).unwrap()
        }
        Format::JsonResume => {
            fn strings(v: &serde_json::Value, out: &mut String) {
                match v {
                    serde_json::Value::String(s) => {
                        out.push_str(s);
                        out.push(' ');
                    }
                    serde_json::Value::Array(a) => a.iter().for_each(|v| strings(v, out)),
                    serde_json::Value::Object(o) => o.values().for_each(|v| strings(v, out)),
                    _ => {}
                }
            }
            let mut out = String::new();
            strings(&serde_json::from_slice(bytes).unwrap(), &mut out);
            out
        }
    }
}

#[test]
fn every_format_says_only_what_the_profile_says() {
    let p = profile();
    let strings = profile_strings(&p);
    // The check itself catches words of tailor's own.
    assert_eq!(
        residue("Skills Present 2024 – invented", &strings),
        ["invented"]
    );
    for posting in samples() {
        let built = build(&p, &posting, &Format::ALL, None);
        assert!(!built.selection.chosen.is_empty(), "{posting:?}");
        for (format, bytes) in &built.files {
            let text = visible_text(*format, bytes);
            let left = residue(&text, &strings);
            // JSON Resume names its sections and dates in keys and ISO
            // dates, and a profile's links as networks: nothing else.
            let left: Vec<&String> = left
                .iter()
                .filter(|w| *format != Format::JsonResume || w.parse::<f64>().is_err())
                .collect();
            assert!(
                left.is_empty(),
                "{posting:?} as {format}: text not from the profile: {left:?}"
            );
            // And every chosen bullet is there, whole.
            let squashed = squash(&text);
            for b in built.selection.tailored.bullet_texts() {
                assert!(
                    squashed.contains(&squash(b)),
                    "{posting:?} as {format}: bullet missing: {b}"
                );
            }
        }
    }
}

#[test]
fn every_evidenced_term_is_shown_without_a_page_limit() {
    let p = profile();
    let mut shown_elsewhere = 0;
    let mut capped = 0;
    for posting in samples() {
        // --pages 10: no page limit, and no ending a page earlier.
        let built = build(&p, &posting, &[Format::Markdown], Some(10));
        let t = &built.selection.tailored;
        let chosen: HashSet<&str> = t.bullet_ids().collect();
        let md = String::from_utf8(built.files[0].1.clone()).unwrap();
        for k in built.matched.keywords.iter().filter(|k| k.matched) {
            let bullets: Vec<&String> = k.evidence.iter().filter(|e| !e.contains(':')).collect();
            if bullets.is_empty() {
                // Only a skill list, certificate or project narrative says
                // it: shown by the skills, summary or certifications, or
                // reported as not shown.
                shown_elsewhere += usize::from(!built.selection.unshown.contains(&k.term));
                continue;
            }
            if !bullets.iter().any(|b| chosen.contains(b.as_str())) {
                // Space did not allow: every bullet that shows it belongs to
                // a project already at its bullet limit, or the résumé is
                // at its total.
                let budget = Budget::default();
                let full_total = chosen.len() >= budget.max_bullets;
                let full = |id: &str| {
                    p.projects.iter().any(|pr| {
                        pr.bullets.iter().any(|b| b.id == id)
                            && t.experience
                                .iter()
                                .find(|x| x.id == pr.id)
                                .is_some_and(|x| x.bullets.len() >= budget.max_bullets_per_project)
                    })
                };
                assert!(
                    full_total || bullets.iter().all(|b| full(b)),
                    "{posting:?}: {} (evidenced by {bullets:?}) is not shown though space allows",
                    k.term
                );
                // Reported as not shown unless the skills line shows it.
                capped += 1;
                continue;
            }
            assert!(
                !built.selection.unshown.contains(&k.term),
                "{posting:?}: {} is in a chosen bullet but reported as not shown",
                k.term
            );
        }
        // What is reported as not shown really is not in the résumé.
        for term in &built.selection.unshown {
            assert!(!md.contains(term.as_str()), "{posting:?}: {term} is shown");
        }
    }
    assert!(shown_elsewhere > 0, "skills and summaries show terms too");
    // Limits leave few terms to the skills list alone.
    assert!(
        capped <= 3,
        "{capped} terms not shown by a bullet for lack of space"
    );
}

#[test]
fn the_pdf_holds_the_chosen_bullets_in_order_with_an_embedded_font() {
    let p = profile();
    let posting = root().join("job-descriptions/northwind-health-platform-engineer.md");
    let built = build(&p, &posting, &[Format::Pdf], None);
    let pdf = &built.files[0].1;
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = squash(&doc.extract_text(&pages).unwrap());
    let mut from = 0;
    for b in built.selection.tailored.bullet_texts() {
        let b = squash(b);
        let at = text[from..]
            .find(&b)
            .unwrap_or_else(|| panic!("{b:?} not found in order"));
        from += at + b.len();
    }
    let embedded = doc.objects.values().any(|o| {
        o.as_dict()
            .is_ok_and(|d| d.has(b"FontFile2") && d.get(b"FontName").is_ok())
    });
    assert!(embedded, "no embedded TrueType font");
    assert!(pdf.len() < 100 * 1024, "{} bytes", pdf.len());
}

#[test]
fn pages_1_gives_one_page_dropping_the_least_relevant_bullets() {
    let p = profile();
    let posting = root().join("job-descriptions/northwind-health-platform-engineer.md");
    // --pages 10 limits nothing, and turns off ending on a full page.
    let free = build(&p, &posting, &[Format::Pdf], Some(10));
    let one = build(&p, &posting, &[Format::Pdf], Some(1));
    let doc = lopdf::Document::load_mem(&one.files[0].1).unwrap();
    assert_eq!(doc.get_pages().len(), 1);
    assert!(one.fits);
    // What was dropped is the tail of the unlimited choice, in reverse.
    let all: Vec<&str> = free
        .selection
        .chosen
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    let kept: Vec<&str> = one.selection.chosen.iter().map(|c| c.id.as_str()).collect();
    let dropped: Vec<&str> = one.dropped.iter().rev().map(|c| c.id.as_str()).collect();
    assert_eq!([kept.clone(), dropped.clone()].concat(), all);
    if lopdf::Document::load_mem(&free.files[0].1)
        .unwrap()
        .get_pages()
        .len()
        > 1
    {
        assert!(!dropped.is_empty());
    }
}

#[test]
fn two_runs_give_the_same_bytes_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let mut outputs = Vec::new();
    for run_no in 0..2 {
        let out = dir.path().join(format!("run{run_no}"));
        run(tailor()
            .args(["build", "-q", "-f", "md,pdf,html,txt,json-resume", "-o"])
            .arg(format!("{}/", out.display()))
            .arg("job-descriptions/tallyrock-financial-devops-engineer.md"));
        let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&out)
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                (
                    e.file_name().to_string_lossy().into_owned(),
                    std::fs::read(e.path()).unwrap(),
                )
            })
            .collect();
        files.sort();
        assert_eq!(files.len(), 5, "{files:?}");
        outputs.push(files);
    }
    assert_eq!(outputs[0], outputs[1]);
}

#[test]
fn markdown_goes_to_a_pipe_and_the_summary_to_stderr() {
    let out = run(tailor()
        .args(["build"])
        .arg("job-descriptions/northwind-health-platform-engineer.md"));
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.starts_with("# "), "{md}");
    assert!(md.contains("\n## Experience\n"));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("fit ") && err.contains("/100"), "{err}");
    let quiet = run(tailor()
        .args(["build", "-q"])
        .arg("job-descriptions/northwind-health-platform-engineer.md"));
    assert!(quiet.stderr.is_empty());
    assert_eq!(quiet.stdout, md.as_bytes());
    let explained = run(tailor()
        .args(["build", "--explain"])
        .arg("job-descriptions/northwind-health-platform-engineer.md"));
    let err = String::from_utf8(explained.stderr).unwrap();
    assert!(
        err.contains("chosen bullets")
            && err.contains("first to show ")
            && err.contains("Kubernetes"),
        "{err}"
    );
    assert_eq!(explained.stdout, md.as_bytes());
}

#[test]
fn stdin_and_an_inferred_format() {
    let dir = tempfile::tempdir().unwrap();
    let cv = dir.path().join("nested/cv.pdf");
    let posting = std::fs::read(
        root().join("job-descriptions/cobalt-fern-therapeutics-site-reliability-engineer.md"),
    )
    .unwrap();
    let mut child = tailor()
        .args(["build", "-q", "-", "-o"])
        .arg(&cv)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(&posting).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(std::fs::read(&cv).unwrap().starts_with(b"%PDF-"));
}

#[test]
fn an_existing_file_is_kept_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let cv = dir.path().join("cv.md");
    std::fs::write(&cv, "mine").unwrap();
    let out = tailor()
        .args([
            "build",
            "job-descriptions/northwind-health-platform-engineer.md",
            "-o",
        ])
        .arg(&cv)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("already exists") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&cv).unwrap(), "mine");
    run(tailor()
        .args([
            "build",
            "-q",
            "--force",
            "job-descriptions/northwind-health-platform-engineer.md",
            "-o",
        ])
        .arg(&cv));
    assert!(std::fs::read_to_string(&cv).unwrap().starts_with("# "));
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(names.len(), 1, "no temporary file left behind");
}

#[test]
fn an_unknown_extension_names_the_file_and_hints() {
    let out = tailor()
        .args([
            "build",
            "job-descriptions/northwind-health-platform-engineer.md",
            "-o",
            "cv.odt",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cv.odt") && err.contains("hint:"), "{err}");
    assert!(!root().join("cv.odt").exists());
}

/// Issue 10: a platform-engineer and a solutions-architect posting both got
/// the serverless summary; nothing said why; it could not be chosen.
#[test]
fn the_summary_follows_the_title_says_why_and_can_be_chosen() {
    let p = profile();
    let text = |id: &str| squash(&p.summaries.iter().find(|s| s.id == id).unwrap().text);
    for (posting, id) in [
        ("northwind-health-platform-engineer.md", "platform"),
        (
            "cobalt-fern-therapeutics-site-reliability-engineer.md",
            "platform",
        ),
        ("veridian-assurance-solutions-architect.html", "lead"),
    ] {
        let out = run(tailor()
            .args(["build", "--explain"])
            .arg(format!("job-descriptions/{posting}")));
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains(&format!("summary {id}: ")), "{posting}: {err}");
        assert!(err.contains("the title names"), "{posting}: {err}");
        let md = squash(&String::from_utf8(out.stdout).unwrap());
        assert!(md.contains(&text(id)), "{posting}: not the {id} summary");
    }
    let chosen = run(tailor()
        .args(["build", "--summary", "full-stack"])
        .arg("job-descriptions/northwind-health-platform-engineer.md"));
    let md = squash(&String::from_utf8(chosen.stdout).unwrap());
    assert!(md.contains(&text("full-stack")));
    assert!(!md.contains(&text("platform")));

    let bad = tailor()
        .args(["build", "--summary", "nope"])
        .arg("job-descriptions/northwind-health-platform-engineer.md")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    let err = String::from_utf8(bad.stderr).unwrap();
    assert!(
        err.contains("--summary nope")
            && err.contains("hint: its summaries are lead, platform, serverless, full-stack"),
        "{err}"
    );
    assert!(bad.stdout.is_empty());
}

/// Issue 10: `build` said nothing of the placeholder name and e-mail, and
/// gave an off-target posting (fit 3) a full résumé without a word.
#[test]
fn build_warns_of_placeholders_and_of_a_low_fit() {
    let nurse = run(tailor()
        .arg("build")
        .arg("job-descriptions/bellhaven-medical-center-registered-nurse.md"));
    let err = String::from_utf8(nurse.stderr).unwrap();
    assert!(
        err.contains("profile.yaml:")
            && err.contains("the name \"Your Name\" looks like a placeholder"),
        "{err}"
    );
    assert!(
        err.contains("the email \"you@example.com\" looks like a placeholder"),
        "{err}"
    );
    assert!(
        err.contains("note: fit ") && err.contains("asks for little"),
        "{err}"
    );
    let platform = run(tailor()
        .arg("build")
        .arg("job-descriptions/northwind-health-platform-engineer.md"));
    let err = String::from_utf8(platform.stderr).unwrap();
    assert!(err.contains("placeholder"), "{err}");
    assert!(!err.contains("note: fit"), "{err}");

    // A finished profile: no warning.
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("profile.yaml");
    let yaml = std::fs::read_to_string(root().join("profile.yaml"))
        .unwrap()
        .replace("Your Name", "Ann Smith")
        .replace("you@example.com", "ann@annsmith.dev");
    std::fs::write(&real, yaml).unwrap();
    let done = run(tailor()
        .args(["build", "-p"])
        .arg(&real)
        .arg("job-descriptions/northwind-health-platform-engineer.md"));
    let err = String::from_utf8(done.stderr).unwrap();
    assert!(!err.contains("warning"), "{err}");
}

/// Issue 10: the pharmacovigilance project's context bullet ("Worked on a
/// multi-tenant pharmacovigilance SaaS platform…") came last and was the
/// first `--pages` dropped, leaving the project without an introduction.
#[test]
fn a_shown_project_opens_with_its_context_bullet_with_or_without_pages() {
    let p = profile();
    let mut seen = 0;
    for posting in samples() {
        for pages in [None, Some(1)] {
            let built = build(&p, &posting, &[Format::Markdown], pages);
            for project in &built.selection.tailored.experience {
                if project.id == "pv-saas" {
                    seen += 1;
                    assert_eq!(
                        project.bullets[0].id, "pv-saas-worked-multi-tenant",
                        "{posting:?} pages {pages:?}"
                    );
                }
            }
        }
    }
    assert!(seen > 0, "no sample shows the pv-saas project");
}

/// Issue 10: every résumé listed 30 skills, the same filler on each.
#[test]
fn the_skills_line_is_short_profile_text_and_not_the_same_everywhere() {
    let p = profile();
    let mut words: HashSet<String> = p
        .skills
        .iter()
        .flat_map(|s| s.keywords.iter().chain(std::iter::once(&s.name)))
        .cloned()
        .collect();
    words.extend(p.bullets().flat_map(|(_, b)| b.tags.iter().cloned()));
    words.extend(narrative_names(&p));
    let mut lines = HashSet::new();
    for posting in samples() {
        let built = build(&p, &posting, &[Format::Markdown], None);
        let skills = &built.selection.tailored.skills;
        assert!(
            !skills.is_empty() && skills.len() <= Budget::default().max_skills,
            "{posting:?}: {skills:?}"
        );
        for s in skills {
            assert!(words.contains(s), "{posting:?}: {s} is not profile text");
            assert!(!s.contains(','), "{posting:?}: {s}");
        }
        assert!(!skills.iter().any(|s| s == "Azure Enterprise Apps"));
        // A tag only the profile knows, always beside a domain, is a domain.
        for g in &built.selection.tailored.skill_groups {
            if g.skills.iter().any(|s| s == "Pharmacovigilance") {
                assert_eq!(g.name, "Domains", "{posting:?}");
            }
        }
        lines.insert(skills.clone());
    }
    assert!(lines.len() > samples().len() / 2, "{lines:?}");
}

/// Scores posting text against the shipped profile.
fn match_text(p: &Profile, text: &str) -> tailor::score::Match {
    let ev = Evidence::new(p, Lexicon::builtin(), score::profile_now(p));
    let posting = tailor::posting::analyse(text, "t").expect("a posting");
    score::score(&ev, &posting)
}

#[test]
fn a_bold_about_the_role_line_keeps_the_posting_and_its_fit_honest() {
    // Regression (corpus row 768): "**About This Role:**" made the rest of
    // the posting boilerplate, and 2 terms scored fit 100.
    let p = profile();
    let m = match_text(
        &p,
        "**About This Role:**\nYou will run our clinical platform.\n\n**What you'll need:**\n- Kubernetes and Terraform\n- Java, Kotlin and Scala\n- Salesforce administration\n",
    );
    let terms: Vec<&str> = m.keywords.iter().map(|k| k.term.as_str()).collect();
    for t in ["Kubernetes", "Terraform", "Java", "Kotlin", "Scala"] {
        assert!(terms.contains(&t), "{t} not in {terms:?}");
    }
    assert!(m.keywords.iter().filter(|k| k.required).count() >= 5);
    assert!(
        m.fit < 70.0,
        "fit {} from a posting the profile half meets",
        m.fit
    );
    // A posting that asks for two things the profile has is no fit of 100.
    let m = match_text(&p, "We need Kubernetes and Terraform.\n");
    assert!(m.keywords.iter().all(|k| k.matched));
    assert!(m.fit < 50.0, "fit {} from two terms", m.fit);
}
