//! Many postings: a folder in, one résumé each out, ranked by fit.
//!
//! Postings are streamed: they are named and scheduled from their paths,
//! and each is read when a worker takes it. A first parallel pass reads and
//! analyses every posting for its file name alone, so every one has a name
//! before any is written (names never collide, and do not depend on which
//! thread finishes first); a second reads each again, tailors, renders and
//! writes it. Only a small result a posting is kept (its index line, its
//! terms in one tally), so memory stays flat in the number of postings. A
//! posting that fails is reported and skipped; the others go on. At the end
//! `index.md` and `index.json` rank the postings by fit and list the
//! failures and the gaps across the folder.
//!
//! A batch holds the output folder's lock (`lock`) from before it writes
//! anything to the end, and removes the previous run's index first, so
//! two runs never mix their files and an interrupted rerun never leaves an
//! old ranking over new résumés.

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::io::{IsTerminal, Write as _};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use anyhow::{Context, Result};
use rayon::prelude::*;
use serde::Serialize;

use crate::build::{self, Built};
use crate::config::{BuildConfig, Output};
use crate::exit::Exit;
use crate::files::{self, Inputs};
use crate::lock::{Lock, Taken, LOCK_FILE};
use crate::profile::schema::Profile;
use crate::score::Evidence;

/// File extensions read as postings.
const POSTING_EXTENSIONS: [&str; 5] = ["txt", "md", "markdown", "html", "htm"];

/// Names the summary files take; no résumé may be named like them.
const RESERVED: [&str; 1] = ["index"];

/// The summary files a batch writes beside the résumés.
const INDEX_MD: &str = "index.md";
const INDEX_JSON: &str = "index.json";
const RESERVED_FILES: [&str; 2] = [INDEX_MD, INDEX_JSON];

/// The first line of `index.md`, by which tailor knows its own.
const INDEX_HEADING: &str = "# Postings ranked by fit";

/// How many terms the index lists per posting.
const TOP_TERMS: usize = 5;

/// One posting's line in the index.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entry {
    /// The posting file, as given on the command line.
    pub posting: String,
    pub title: Option<String>,
    pub company: Option<String>,
    pub fit: f64,
    /// The most important matched terms.
    pub matched: Vec<String>,
    /// Required terms the profile does not evidence.
    pub missing_required: Vec<String>,
    /// Files written, relative to the output folder.
    pub files: Vec<String>,
    /// Fit under `select::LOW_FIT`: the posting asks for little the
    /// profile evidences, and the résumé shows mostly recent work.
    pub low_fit: bool,
    /// Pages of the PDF layout, and the share of the last one filled.
    pub pages: usize,
    pub last_page_fill: f64,
    /// Bullets dropped so the résumé ends on a well-filled page.
    pub shortened: usize,
}

impl Entry {
    /// "Title — Company", either alone, else `otherwise`.
    fn name(&self, sep: &str, otherwise: &str) -> String {
        crate::score::posting_name(
            self.title.as_deref(),
            self.company.as_deref(),
            otherwise,
            sep,
        )
    }
}

/// A posting that could not be done.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Failure {
    pub posting: String,
    pub error: String,
}

/// One term across the folder.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Gap {
    pub term: String,
    /// Postings that ask for it.
    pub postings: usize,
    /// Postings that require it.
    pub required: usize,
    /// Whether the profile evidences it.
    pub evidenced: bool,
}

/// What `index.json` holds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Index {
    /// Highest fit first.
    pub postings: Vec<Entry>,
    pub failures: Vec<Failure>,
    /// Most asked-for first.
    pub gaps: Vec<Gap>,
}

/// Builds a résumé for every posting in `paths`: the postings of each
/// folder, and each file (`tailor build job-descriptions/*.md`), as one
/// batch with one index.
///
/// `inputs` holds the profile; the postings found join it, and no file
/// written may replace one of them.
pub fn run(
    cfg: &BuildConfig,
    profile: &Profile,
    ev: &Evidence,
    paths: &[PathBuf],
    mut inputs: Inputs,
) -> Result<Exit> {
    let Output::Dir(out) = &cfg.output else {
        unreachable!("config gives a folder of postings an output folder")
    };
    let Found {
        postings: files,
        skipped,
    } = postings_of(paths, cfg.recursive, out)?;
    // No silent skips: a PDF or a Word file in the folder is named, with
    // how to get its text, before any work.
    if !skipped.is_empty() && !cfg.quiet {
        let _ = write!(std::io::stderr(), "{}", skipped_note(&skipped));
    }
    if files.is_empty() {
        anyhow::bail!(
            "{}: no postings found (looked for .{} files{})\nhint: {}",
            paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", "),
            POSTING_EXTENSIONS.join(", ."),
            if cfg.recursive {
                ", in subfolders too"
            } else {
                ""
            },
            if cfg.recursive {
                "put job postings in the folder as text, Markdown or HTML files"
            } else {
                "pass --recursive to look in subfolders"
            }
        );
    }
    for f in &files {
        inputs.add(f, "posting");
    }
    // A posting named like the index would be lost at the very end: refuse
    // before any work.
    for name in RESERVED_FILES {
        inputs.check(&out.join(name))?;
    }
    std::fs::create_dir_all(out)
        .with_context(|| format!("failed to create output folder {}", out.display()))?;
    // One run at a time writes here (held to the end, removed on Ctrl-C);
    // the last run's index goes before any résumé, so an interrupted run
    // never leaves an old ranking over new files.
    let (_lock, taken) = Lock::take(out)?;
    if let Taken::Stale { pid } = taken {
        if !cfg.quiet {
            let _ = writeln!(
                std::io::stderr(),
                "note: took over the lock {} of an earlier run (process {pid}) that is no longer running",
                crate::report::printable(&out.join(LOCK_FILE).display().to_string())
            );
        }
    }
    remove_index(out)?;

    let progress = progress_bar(cfg, files.len() as u64);
    // Names first, so they never depend on which thread finishes first: each
    // posting is read and analysed when a worker takes it, and only its name
    // is kept. Memory stays flat in the number of postings.
    let budget = InFlight::default();
    let alone: Vec<bool> = files.iter().map(|p| budget.size(p) > ALONE_BYTES).collect();
    let stems: Vec<Result<String>> = each(&alone, |i| {
        let p = &files[i];
        let _held = budget.take(p);
        files::read_posting(p).map(|posting| files::slug(&posting, &files::file_stem(p)))
    });
    let mut taken: HashSet<String> = RESERVED.iter().map(|s| (*s).to_owned()).collect();
    let slugs: Vec<Result<String>> = stems
        .into_iter()
        .map(|r| {
            let slug = unique(r?, &mut taken);
            // A posting whose résumé would replace an input (its own
            // file, when -o is its folder) fails; nothing is written.
            for format in &cfg.formats {
                let name = format!("{slug}.{}", format.extension());
                inputs.check(&out.join(name))?;
            }
            Ok(slug)
        })
        .collect();

    // Then each posting is read again when a worker takes it, tailored,
    // rendered and written; only its index line is kept, and its terms
    // join the tally at once (a thousand rendered PDFs held to the end
    // would cost hundreds of megabytes, their term lists megabytes more).
    let tally = Mutex::new(Tally::default());
    let results: Vec<Result<Entry>> = each(&alone, |i| {
        let path = &files[i];
        let r = match &slugs[i] {
            Err(e) => Err(anyhow::anyhow!("{e:#}")),
            Ok(slug) => (|| {
                let _held = budget.take(path);
                let posting = files::read_posting(path)?;
                let built = build::tailor(cfg, profile, ev, &posting)?;
                let mut written = Vec::new();
                for (format, bytes) in &built.files {
                    let name = format!("{slug}.{}", format.extension());
                    files::write_atomic(&out.join(&name), bytes)?;
                    written.push(name);
                }
                let asked = asked(&built);
                tally
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner)
                    .add(&asked);
                Ok(entry(path, &built, written))
            })(),
        };
        progress.inc(1);
        r
    });
    progress.finish_and_clear();

    let mut index = Index {
        postings: Vec::new(),
        failures: Vec::new(),
        gaps: Vec::new(),
    };
    for (path, r) in files.iter().zip(results) {
        match r {
            Ok(e) => index.postings.push(e),
            Err(err) => index.failures.push(Failure {
                posting: path.display().to_string(),
                error: format!("{err:#}"),
            }),
        }
    }
    index.postings.sort_by(|a, b| {
        b.fit
            .total_cmp(&a.fit)
            .then_with(|| a.posting.cmp(&b.posting))
    });
    index.gaps = tally
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .gaps();

    // Both index files or neither, after every résumé; a failure to write
    // them (a full disk) loses none of the report below, and is said last.
    let md = index_markdown(&index);
    let mut json = serde_json::to_string_pretty(&index)?;
    json.push('\n');
    let written = files::write_atomic_all(&[
        (out.join(INDEX_MD), md.as_bytes()),
        (out.join(INDEX_JSON), json.as_bytes()),
    ]);

    // An unwritable standard error loses the report, not the run.
    let mut err = std::io::stderr().lock();
    if !cfg.quiet {
        let _ = write!(err, "{}", stderr_summary(&index, out, written.is_ok()));
    } else {
        for f in &index.failures {
            let _ = writeln!(err, "error: {}", crate::report::printable(&f.error));
        }
    }
    if let Err(e) = &written {
        let _ = writeln!(
            err,
            "error: {}\nhint: the résumés above were written; free some space and run again for the ranking",
            crate::report::printable(&format!("{e:#}"))
        );
    }
    Ok(if index.failures.is_empty() && written.is_ok() {
        Exit::Ok
    } else {
        Exit::SomeFailed
    })
}

/// `f` of every index, in order: those not `alone` in parallel, then the
/// `alone` ones one after another on this thread. A posting over
/// [`ALONE_BYTES`] goes alone: one thread's allocator then serves every
/// large one, instead of each thread keeping the peak of its own.
fn each<T: Send>(alone: &[bool], f: impl Fn(usize) -> T + Sync) -> Vec<T> {
    let mut done: Vec<(usize, T)> = (0..alone.len())
        .into_par_iter()
        .filter(|&i| !alone[i])
        .map(|i| (i, f(i)))
        .collect();
    done.extend((0..alone.len()).filter(|&i| alone[i]).map(|i| (i, f(i))));
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, t)| t).collect()
}

/// Postings larger than this (a hundred times the usual 10 KB) are done one
/// at a time, on one thread, after the others.
const ALONE_BYTES: u64 = 1024 * 1024;

/// Posting bytes being worked on at once, at most [`IN_FLIGHT_BYTES`]: a
/// posting costs about 25 times its size while it is analysed, so two
/// 8 MB postings side by side would pass 300 MB where one stays near 200.
/// Postings of the usual size (10 KB) never wait; a large one waits for
/// room, and one larger than the budget goes alone.
#[derive(Debug, Default)]
struct InFlight {
    bytes: Mutex<u64>,
    freed: std::sync::Condvar,
}

/// The bytes of posting text a batch works on at once.
const IN_FLIGHT_BYTES: u64 = files::MAX_POSTING_BYTES;

impl InFlight {
    /// The posting at `path`'s size on disk, at most the posting limit.
    fn size(&self, path: &Path) -> u64 {
        std::fs::metadata(path)
            .map_or(0, |m| m.len())
            .min(files::MAX_POSTING_BYTES)
    }

    /// Waits for room for the posting at `path` and holds it until the
    /// guard is dropped.
    fn take(&self, path: &Path) -> InFlightGuard<'_> {
        let n = self.size(path);
        let mut bytes = self.bytes.lock().unwrap_or_else(|e| e.into_inner());
        while *bytes > 0 && *bytes + n > IN_FLIGHT_BYTES {
            bytes = self.freed.wait(bytes).unwrap_or_else(|e| e.into_inner());
        }
        *bytes += n;
        InFlightGuard { of: self, n }
    }
}

/// Room held in an [`InFlight`], given back when dropped.
struct InFlightGuard<'a> {
    of: &'a InFlight,
    n: u64,
}

impl Drop for InFlightGuard<'_> {
    fn drop(&mut self) {
        let mut bytes = self.of.bytes.lock().unwrap_or_else(|e| e.into_inner());
        *bytes -= self.n;
        self.of.freed.notify_all();
    }
}

/// Removes the index files a previous run left in `out` (a folder in their
/// place is left for the final write to report).
fn remove_index(out: &Path) -> Result<()> {
    for name in RESERVED_FILES {
        let path = out.join(name);
        match std::fs::symlink_metadata(&path) {
            Ok(m) if !m.is_dir() => std::fs::remove_file(&path).with_context(|| {
                format!("failed to remove the previous run's {}", path.display())
            })?,
            _ => {}
        }
    }
    Ok(())
}

/// What a folder holds: the postings, and the other files, each with why
/// it is not read.
#[derive(Debug, Default)]
pub struct Found {
    /// Posting files, sorted.
    pub postings: Vec<PathBuf>,
    /// Files that are not postings, sorted, with the reason and a hint.
    pub skipped: Vec<(PathBuf, &'static str)>,
}

/// The postings of a batch given as paths: each folder's, as
/// [`postings_in`] finds them, then each file named, in the order given and
/// without repeats. A file is taken whatever its extension: one named on
/// the command line is meant, and reading it says what is wrong with it.
pub fn postings_of(paths: &[PathBuf], recursive: bool, out: &Path) -> Result<Found> {
    let mut postings: Vec<PathBuf> = Vec::new();
    let mut skipped = Vec::new();
    let mut seen: HashSet<PathBuf> = HashSet::new();
    for path in paths {
        let found = if path.is_dir() {
            postings_in(path, recursive, out)?
        } else {
            Found {
                postings: vec![path.clone()],
                skipped: Vec::new(),
            }
        };
        for p in found.postings {
            // The same file named twice (a folder and a file in it).
            let key = std::fs::canonicalize(&p).unwrap_or_else(|_| p.clone());
            if seen.insert(key) {
                postings.push(p);
            }
        }
        skipped.extend(found.skipped);
    }
    Ok(Found { postings, skipped })
}

/// Posting files in `dir` (and its subfolders with `recursive`), sorted.
/// Hidden files and folders are skipped; symbolic links to folders are not
/// followed, so a link loop cannot trap the walk. Only regular files are
/// postings: a named pipe or a device would hang the batch or never end.
///
/// tailor's own output is never read back: the output folder `out` is
/// skipped when it lies inside `dir`, and when it is `dir` itself its index
/// files and the résumés the last run listed in `index.json` are skipped.
pub fn postings_in(dir: &Path, recursive: bool, out: &Path) -> Result<Found> {
    let ours = own_outputs(out);
    let mut found = Vec::new();
    let mut skipped = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let is_out = files::same_file(&d, out);
        let entries = std::fs::read_dir(&d)
            .with_context(|| format!("failed to read folder {}", d.display()))?;
        for e in entries {
            let e = e.with_context(|| format!("failed to read folder {}", d.display()))?;
            let path = e.path();
            let name = e.file_name();
            if name.to_string_lossy().starts_with('.') || (is_out && ours.contains(&name)) {
                continue;
            }
            let kind = e
                .file_type()
                .with_context(|| format!("failed to read {}", path.display()))?;
            if kind.is_dir() {
                if recursive && !files::same_file(&path, out) {
                    stack.push(path);
                }
            } else if let Some(why) = not_a_posting(&path) {
                skipped.push((path, why));
            } else {
                found.push(path);
            }
        }
    }
    found.sort();
    skipped.sort();
    Ok(Found {
        postings: found,
        skipped,
    })
}

/// Why a file in a folder is not read as a posting, or `None` when it is
/// one: a regular file (or a link to one) with a posting extension.
fn not_a_posting(path: &Path) -> Option<&'static str> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    if !POSTING_EXTENSIONS.contains(&ext.as_str()) {
        return Some(match ext.as_str() {
            "pdf" => "a PDF; tailor reads text: try `pdftotext` on it",
            "doc" | "docx" | "odt" | "rtf" | "pages" => {
                "a word-processor file; save it as plain text (.txt)"
            }
            _ => "not a posting: tailor reads .txt, .md, .markdown, .html and .htm files",
        });
    }
    match std::fs::metadata(path) {
        Ok(m) if m.is_file() => None,
        Ok(_) => Some("not a regular file (a named pipe or a device), which could hang the run"),
        Err(_) => Some("a link that points nowhere"),
    }
}

/// The skipped files, one a line, at most 20 named.
pub fn skipped_note(skipped: &[(PathBuf, &str)]) -> String {
    const SHOWN: usize = 20;
    let mut s = if skipped.len() == 1 {
        "skipped 1 file that is not a posting:\n".to_owned()
    } else {
        format!("skipped {} files that are not postings:\n", skipped.len())
    };
    for (path, why) in skipped.iter().take(SHOWN) {
        let _ = writeln!(
            s,
            "  {}: {why}",
            crate::report::printable(&path.display().to_string())
        );
    }
    if skipped.len() > SHOWN {
        let _ = writeln!(s, "  and {} more", skipped.len() - SHOWN);
    }
    s
}

/// The names of the files a previous run wrote in `out`: its index files
/// (`index.md` only when it is tailor's) and the résumés `index.json` lists.
fn own_outputs(out: &Path) -> HashSet<std::ffi::OsString> {
    let mut ours = HashSet::new();
    ours.insert(INDEX_JSON.into());
    let md = out.join(INDEX_MD);
    let mut head = [0u8; INDEX_HEADING.len()];
    let is_ours = std::fs::File::open(&md)
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut head))
        .is_ok_and(|()| head == INDEX_HEADING.as_bytes());
    if is_ours {
        ours.insert(INDEX_MD.into());
    }
    let listed = std::fs::read(out.join(INDEX_JSON))
        .ok()
        .and_then(|b| serde_json::from_slice::<serde_json::Value>(&b).ok());
    if let Some(postings) = listed.as_ref().and_then(|v| v["postings"].as_array()) {
        for f in postings
            .iter()
            .filter_map(|p| p["files"].as_array())
            .flatten()
            .filter_map(|f| f.as_str())
        {
            // Only plain names, as tailor writes them.
            if Path::new(f).file_name() == Some(std::ffi::OsStr::new(f)) {
                ours.insert(f.into());
            }
        }
    }
    ours
}

/// `slug`, or `slug-2`, `slug-3`, … : the first not yet taken.
fn unique(slug: String, taken: &mut HashSet<String>) -> String {
    let mut name = slug.clone();
    let mut n = 2;
    while !taken.insert(name.clone()) {
        name = format!("{slug}-{n}");
        n += 1;
    }
    name
}

fn progress_bar(cfg: &BuildConfig, len: u64) -> indicatif::ProgressBar {
    if cfg.quiet || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len);
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} postings {elapsed}")
    {
        bar.set_style(style);
    }
    bar
}

fn entry(path: &Path, built: &Built, files: Vec<String>) -> Entry {
    let m = &built.matched;
    Entry {
        posting: path.display().to_string(),
        title: m.posting.title.clone(),
        company: m.posting.company.clone(),
        fit: m.fit,
        matched: m
            .keywords
            .iter()
            .filter(|k| k.matched)
            .take(TOP_TERMS)
            .map(|k| k.term.clone())
            .collect(),
        missing_required: m
            .keywords
            .iter()
            .filter(|k| !k.matched && k.required)
            .map(|k| k.term.clone())
            .collect(),
        files,
        low_fit: m.fit < crate::select::LOW_FIT,
        pages: built.pages.0,
        // Two decimals: enough to read, and the same on every machine.
        last_page_fill: (f64::from(built.pages.1) * 100.0).round() / 100.0,
        shortened: built.page_fill.as_ref().map_or(0, |f| f.dropped.len()),
    }
}

/// One term a posting asks for, as the gap report counts it.
#[derive(Debug, Clone, PartialEq)]
pub struct Asked {
    pub term: String,
    pub required: bool,
    pub matched: bool,
}

fn asked(built: &Built) -> Vec<Asked> {
    built
        .matched
        .keywords
        .iter()
        .map(|k| Asked {
            term: k.term.clone(),
            required: k.required,
            matched: k.matched,
        })
        .collect()
}

/// Terms across the folder as postings are done: how many ask for each
/// (and require it), and whether the profile evidences it. One entry a
/// term, not a list a posting, so a batch's memory does not grow with it.
#[derive(Debug, Default)]
pub struct Tally {
    by_term: BTreeMap<String, Gap>,
}

impl Tally {
    /// Counts one posting's terms.
    pub fn add(&mut self, asked: &[Asked]) {
        for k in asked {
            if !self.by_term.contains_key(&k.term) {
                self.by_term.insert(
                    k.term.clone(),
                    Gap {
                        term: k.term.clone(),
                        postings: 0,
                        required: 0,
                        evidenced: false,
                    },
                );
            }
            if let Some(g) = self.by_term.get_mut(&k.term) {
                g.postings += 1;
                g.required += usize::from(k.required);
                g.evidenced |= k.matched;
            }
        }
    }

    /// The terms, most asked-for first (then most required, then by name):
    /// the same whatever order the postings were added in.
    pub fn gaps(self) -> Vec<Gap> {
        let mut v: Vec<Gap> = self.by_term.into_values().collect();
        v.sort_by(|a, b| {
            b.postings
                .cmp(&a.postings)
                .then(b.required.cmp(&a.required))
                .then_with(|| a.term.cmp(&b.term))
        });
        v
    }
}

/// Terms across the folder: how many postings ask for each (and require
/// it), and whether the profile evidences it; most asked-for first.
pub fn gaps(postings: &[Vec<Asked>]) -> Vec<Gap> {
    let mut tally = Tally::default();
    for p in postings {
        tally.add(p);
    }
    tally.gaps()
}

/// Text for index.md, shown as typed: Markdown and HTML characters are
/// escaped, so a posting titled `<img src=x onerror=…>` is text, not an
/// image; control characters go; newlines become spaces (one table row).
fn cell(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    for c in crate::report::printable(text).chars() {
        match c {
            '<' => s.push_str("&lt;"),
            '>' => s.push_str("&gt;"),
            '&' => s.push_str("&amp;"),
            '\n' | '\t' => s.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '!' | '#' | '$' => {
                s.push('\\');
                s.push(c);
            }
            c => s.push(c),
        }
    }
    s
}

/// The index as a Markdown page: the ranking, the failures, the gaps.
pub fn index_markdown(index: &Index) -> String {
    let mut s = format!("{INDEX_HEADING}\n\n");
    if index.postings.is_empty() {
        s.push_str("No posting could be built.\n");
    } else {
        s.push_str("| Fit | Posting | Matched | Missing (required) | Résumé |\n");
        s.push_str("|---:|---|---|---|---|\n");
        for e in &index.postings {
            let name = e.name(" — ", "");
            let file = Path::new(&e.posting)
                .file_name()
                .map(|f| f.to_string_lossy().into_owned())
                .unwrap_or_default();
            let links: Vec<String> = e
                .files
                .iter()
                .map(|f| {
                    format!(
                        "[{}](<{f}>)",
                        Path::new(f)
                            .extension()
                            .map_or_else(String::new, |x| x.to_string_lossy().into_owned())
                    )
                })
                .collect();
            let _ = writeln!(
                s,
                "| {:.0}{} | {}{}{} | {} | {} | {} |",
                e.fit,
                if e.low_fit { " (low)" } else { "" },
                cell(&name),
                if name.is_empty() { "" } else { "<br>" },
                cell(&file),
                cell(&e.matched.join(", ")),
                cell(&e.missing_required.join(", ")),
                links.join(" ")
            );
        }
    }
    let low: Vec<&Entry> = index.postings.iter().filter(|e| e.low_fit).collect();
    if !low.is_empty() {
        let _ = writeln!(
            s,
            "\n{} of {} postings have a low fit (under {:.0}): each asks for little the \
             profile evidences, and its résumé shows mostly recent work.",
            low.len(),
            index.postings.len(),
            crate::select::LOW_FIT
        );
    }
    if !index.failures.is_empty() {
        s.push_str("\n## Failed\n\n");
        for f in &index.failures {
            let _ = writeln!(s, "- {}", cell(&f.error));
        }
    }
    let asked: Vec<&Gap> = index.gaps.iter().filter(|g| g.postings > 1).collect();
    if !index.gaps.is_empty() {
        let n = index.postings.len();
        s.push_str("\n## Gaps across the postings\n\n");
        let missing: Vec<&Gap> = index
            .gaps
            .iter()
            .filter(|g| !g.evidenced)
            .take(15)
            .collect();
        if !missing.is_empty() {
            s.push_str(
                "Asked for most often and not evidenced by the profile: learn them, or \
                 document them if you already have them.\n\n",
            );
            s.push_str("| Term | Postings | Required in |\n|---|---:|---:|\n");
            for g in missing {
                let _ = writeln!(
                    s,
                    "| {} | {} of {n} | {} |",
                    cell(&g.term),
                    g.postings,
                    g.required
                );
            }
        }
        let evidenced: Vec<&str> = asked
            .iter()
            .filter(|g| g.evidenced)
            .take(15)
            .map(|g| g.term.as_str())
            .collect();
        if !evidenced.is_empty() {
            let _ = writeln!(
                s,
                "\nAsked for by more than one posting and evidenced: {}.",
                cell(&evidenced.join(", "))
            );
        }
    }
    s
}

/// The closing summary on stderr: the ranking, the failures, where it went.
fn stderr_summary(index: &Index, out: &Path, indexed: bool) -> String {
    let mut s = String::new();
    for e in &index.postings {
        let name = e.name(" at ", &e.posting);
        let _ = write!(s, "{:>4.0}  {}", e.fit, crate::report::printable(&name));
        if e.low_fit {
            let _ = write!(s, "  (low fit: asks for little the profile evidences)");
        }
        s.push('\n');
    }
    let low = index.postings.iter().filter(|e| e.low_fit).count();
    if low > 0 {
        let _ = writeln!(
            s,
            "note: {low} of {} postings have a fit under {:.0}: their résumés show mostly recent work",
            index.postings.len(),
            crate::select::LOW_FIT
        );
    }
    let shortened = index.postings.iter().filter(|e| e.shortened > 0).count();
    if shortened > 0 {
        let _ = writeln!(
            s,
            "note: {shortened} résumés end a page earlier, their least relevant bullets dropped \
             (a last page under a third full; --pages N keeps them)"
        );
    }
    for f in &index.failures {
        let _ = writeln!(s, "error: {}", crate::report::printable(&f.error));
    }
    let total = index.postings.len() + index.failures.len();
    let _ = write!(
        s,
        "built {} of {total} résumés in {}",
        index.postings.len(),
        crate::report::printable(&out.display().to_string())
    );
    if indexed {
        let _ = write!(
            s,
            "; ranking and gaps in {}",
            crate::report::printable(&out.join(INDEX_MD).display().to_string())
        );
    }
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_postings_go_alone_and_results_keep_the_postings_order() {
        let alone = [false, true, false, true, false];
        let on_this_thread = std::thread::current().id();
        let r = each(&alone, |i| {
            (i, std::thread::current().id() == on_this_thread)
        });
        let order: Vec<usize> = r.iter().map(|(i, _)| *i).collect();
        assert_eq!(order, [0, 1, 2, 3, 4]);
        // The large ones ran here, one after another.
        assert!(r[1].1 && r[3].1);
    }

    #[test]
    fn in_flight_room_is_given_back() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.md");
        std::fs::write(&p, "x".repeat(100)).unwrap();
        let budget = InFlight::default();
        {
            let _a = budget.take(&p);
            let _b = budget.take(&p);
            assert_eq!(*budget.bytes.lock().unwrap(), 200);
        }
        assert_eq!(*budget.bytes.lock().unwrap(), 0);
    }

    #[test]
    fn names_never_collide_nor_take_the_index_name() {
        let mut taken: HashSet<String> = RESERVED.iter().map(|s| (*s).to_owned()).collect();
        let names: Vec<String> = ["a", "a", "index", "a-2", "a"]
            .into_iter()
            .map(|s| unique(s.to_owned(), &mut taken))
            .collect();
        assert_eq!(names, ["a", "a-2", "index-2", "a-2-2", "a-3"]);
    }

    #[test]
    fn gaps_count_postings_and_sort_most_asked_first() {
        let a = |term: &str, required, matched| Asked {
            term: term.into(),
            required,
            matched,
        };
        let g = gaps(&[
            vec![a("Go", true, false), a("AWS", false, true)],
            vec![a("Go", false, false), a("Rust", true, false)],
        ]);
        let rows: Vec<(&str, usize, usize, bool)> = g
            .iter()
            .map(|g| (g.term.as_str(), g.postings, g.required, g.evidenced))
            .collect();
        assert_eq!(
            rows,
            [
                ("Go", 2, 1, false),
                ("Rust", 1, 1, false),
                ("AWS", 1, 0, true)
            ]
        );
    }

    #[test]
    fn only_posting_files_are_read_and_hidden_ones_skipped() {
        let dir = tempfile::tempdir().unwrap();
        for f in ["b.md", "a.txt", "c.HTML", "d.pdf", ".e.md", "sub/f.md"] {
            let p = dir.path().join(f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, "x").unwrap();
        }
        let names = |rec| -> Vec<String> {
            postings_in(dir.path(), rec, &dir.path().join("out"))
                .unwrap()
                .postings
                .iter()
                .map(|p| p.strip_prefix(dir.path()).unwrap().display().to_string())
                .collect()
        };
        assert_eq!(names(false), ["a.txt", "b.md", "c.HTML"]);
        assert_eq!(names(true), ["a.txt", "b.md", "c.HTML", "sub/f.md"]);
    }

    #[test]
    fn the_output_folder_and_tailors_own_files_are_not_postings() {
        let dir = tempfile::tempdir().unwrap();
        let write = |f: &str, text: &str| {
            let p = dir.path().join(f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        };
        write("a.md", "x");
        write("acme-engineer.md", "an earlier résumé");
        write("index.md", &format!("{INDEX_HEADING}\n\n"));
        write(
            "index.json",
            r#"{"postings": [{"files": ["acme-engineer.md", "../a.md"]}]}"#,
        );
        write("out/old.md", "x");
        write("sub/b.md", "x");
        let names = |out: &Path| -> Vec<String> {
            postings_in(dir.path(), true, out)
                .unwrap()
                .postings
                .iter()
                .map(|p| p.strip_prefix(dir.path()).unwrap().display().to_string())
                .collect()
        };
        // Out elsewhere: all are postings, but out/ under the walk is not.
        assert_eq!(
            names(&dir.path().join("out")),
            ["a.md", "acme-engineer.md", "index.md", "sub/b.md"]
        );
        // Out is the folder: its index and the résumés it lists are skipped.
        assert_eq!(names(dir.path()), ["a.md", "out/old.md", "sub/b.md"]);
        // An index.md that is not tailor's is the user's posting.
        write("index.md", "# Platform Engineer\n");
        assert_eq!(
            names(dir.path()),
            ["a.md", "index.md", "out/old.md", "sub/b.md"]
        );
    }

    #[test]
    fn index_cells_show_markdown_and_html_as_typed() {
        assert_eq!(
            cell("<img src=x onerror=alert(1)> *R&D* [x](y) | a_b\n\x1b[2J"),
            "&lt;img src=x onerror=alert(1)&gt; \\*R&amp;D\\* \\[x\\](y) \\| a\\_b \\[2J"
        );
    }
}
