//! The one orchestrator: load -> analyse -> score -> select -> render -> write.
//!
//! Each subcommand is a function here that wires the pure stages together
//! and does the I/O; the stages themselves never read or write files.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use crate::cli::{BuildArgs, CheckArgs, Cli, Command, ImportArgs, MatchArgs};
use crate::config::{BuildConfig, Input, Output};
use crate::keywords::Lexicon;
use crate::posting::{self, Posting};
use crate::profile::schema::Profile;
use crate::profile::{self, diagnostic, import as matrix, load};
use crate::render::{self, Format};
use crate::score::{self, Evidence, Match};
use crate::select::{self, Selection};

/// How a run ended, as the process exit code says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Everything worked.
    Ok,
    /// Some postings of a batch failed (1).
    SomeFailed,
    /// Bad input or usage (2), when reported without an `Err`.
    Invalid,
}

impl From<Exit> for std::process::ExitCode {
    fn from(e: Exit) -> std::process::ExitCode {
        match e {
            Exit::Ok => std::process::ExitCode::SUCCESS,
            Exit::SomeFailed => std::process::ExitCode::from(1),
            Exit::Invalid => std::process::ExitCode::from(2),
        }
    }
}

/// Runs one command line.
pub fn run(cli: Cli) -> Result<Exit> {
    match cli.command {
        Command::Build(args) => build(&args),
        Command::Match(args) => run_match(&args),
        Command::Check(args) => check(&args),
        Command::Import(args) => import(&args),
    }
}

fn run_match(args: &MatchArgs) -> Result<Exit> {
    let ev = load_evidence(&args.profile.profile)?;
    let posting = read_posting(&args.posting)?;
    let m = score::score(&ev, &posting);
    let out = if args.json {
        let mut s = serde_json::to_string_pretty(&m)?;
        s.push('\n');
        s
    } else {
        crate::report::human(&m, &ev, args.explain)
    };
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(out.as_bytes())?;
    stdout.flush()?;
    exit_without_freeing(ev);
    Ok(Exit::Ok)
}

/// Leaks a structure the process is about to exit with: freeing the
/// profile index (the lexicon's 16,000-form map and its strings) one
/// allocation at a time costs `tailor match` about a millisecond, and the
/// operating system reclaims it all at once anyway. For one-shot paths only;
/// a batch frees nothing per posting.
fn exit_without_freeing<T>(big: T) {
    std::mem::forget(big);
}

/// `tailor build`: one posting (file or stdin) or a folder of them.
fn build(args: &BuildArgs) -> Result<Exit> {
    let cfg = BuildConfig::new(args, std::io::stdout().is_terminal())?;
    if let Output::File(out) = &cfg.output {
        // Before any work: a kept file should cost the user no wait.
        if out.exists() && !cfg.force {
            bail!(
                "{} already exists\nhint: pass --force to replace it, or -o another file",
                out.display()
            );
        }
    }
    let (profile, lexicon) = load_profile_and_lexicon(&cfg.profile)?;
    let ev = Evidence::new(&profile, lexicon, score::profile_now(&profile));
    let exit = match &cfg.input {
        Input::Dir(dir) => crate::batch::run(&cfg, &profile, &ev, dir),
        Input::Stdin | Input::File(_) => build_one(&cfg, &profile, &ev),
    };
    exit_without_freeing((ev, profile));
    exit
}

fn build_one(cfg: &BuildConfig, profile: &Profile, ev: &Evidence) -> Result<Exit> {
    let (path, stem) = match &cfg.input {
        Input::File(p) => (p.as_path(), file_stem(p)),
        _ => (Path::new("-"), "posting".to_owned()),
    };
    let posting = read_posting(path)?;
    let built = tailor(cfg, profile, ev, &posting)?;
    let slug = slug(&posting, &stem);
    let mut written = Vec::new();
    match &cfg.output {
        Output::Stdout => {
            let (format, bytes) = &built.files[0];
            let mut stdout = std::io::stdout().lock();
            if *format == Format::Pdf && stdout.is_terminal() {
                bail!(
                    "not writing a PDF to the terminal\n\
                     hint: redirect it (> cv.pdf) or pass -o cv.pdf"
                );
            }
            stdout.write_all(bytes)?;
            stdout.flush()?;
        }
        Output::File(out) => {
            create_parent(out)?;
            write_atomic(out, &built.files[0].1)?;
            written.push(out.clone());
        }
        Output::Dir(dir) => {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("failed to create output folder {}", dir.display()))?;
            for (format, bytes) in &built.files {
                let out = dir.join(format!("{slug}.{}", format.extension()));
                write_atomic(&out, bytes)?;
                written.push(out);
            }
        }
    }
    if !cfg.quiet {
        let mut err = std::io::stderr().lock();
        write!(
            err,
            "{}",
            crate::report::build_summary(&built, &written, cfg.explain)
        )?;
    }
    Ok(Exit::Ok)
}

/// One posting's résumé, in every format asked for, and why.
#[derive(Debug)]
pub struct Built {
    pub matched: Match,
    pub selection: Selection,
    /// Bullets dropped to fit `--pages`, least relevant first.
    pub dropped: Vec<select::Chosen>,
    /// Whether the résumé fits `--pages` (always, without it).
    pub fits: bool,
    /// Rendered files, in the order of `cfg.formats`.
    pub files: Vec<(Format, Vec<u8>)>,
}

/// Scores, selects, fits to the page limit and renders one posting. No I/O.
pub fn tailor(
    cfg: &BuildConfig,
    profile: &Profile,
    ev: &Evidence,
    posting: &Posting,
) -> Result<Built> {
    let matched = score::score(ev, posting);
    let mut selection = select::select(profile, ev, &matched, &cfg.budget);
    let mut dropped = Vec::new();
    let mut fits = true;
    if let Some(pages) = cfg.pages {
        while render::pdf_page_count(&selection.tailored, &cfg.render) > pages {
            let Some(last) = selection.chosen.pop() else {
                fits = false;
                break;
            };
            dropped.push(last);
            let ids: Vec<&str> = selection.chosen.iter().map(|c| c.id.as_str()).collect();
            selection.tailored = select::assemble(profile, ev, &matched, &cfg.budget, &ids);
        }
        selection.unshown = select::unshown(ev, &matched, &selection.tailored);
    }
    let files = cfg
        .formats
        .iter()
        .map(|&f| {
            render::render(&selection.tailored, f, &cfg.render)
                .with_context(|| format!("{}: failed to render {f}", posting.source))
                .map(|bytes| (f, bytes))
        })
        .collect::<Result<_>>()?;
    Ok(Built {
        matched,
        selection,
        dropped,
        fits,
        files,
    })
}

/// A file name for a posting's résumé: company and title when the posting
/// states them, else `fallback` (the posting's file stem); lowercase ASCII
/// letters, digits and hyphens, never empty, never a path.
pub fn slug(posting: &Posting, fallback: &str) -> String {
    let named: Vec<&str> = [posting.company.as_deref(), posting.title.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    [named.join(" ").as_str(), fallback]
        .into_iter()
        .map(slugify)
        .find(|s| !s.is_empty())
        .unwrap_or_else(|| "resume".to_owned())
}

/// Lowercase ASCII letters and digits, other runs as one hyphen, at most
/// 80 characters; accents are dropped from their letters.
fn slugify(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;

    let mut out = String::new();
    for c in text.nfkd() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if (c.is_whitespace() || c.is_ascii_punctuation()) && !out.ends_with('-') {
            out.push('-');
        }
    }
    let mut out: String = out.trim_matches('-').chars().take(80).collect();
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// A file's name without its extension, for naming its résumé.
pub(crate) fn file_stem(p: &Path) -> String {
    p.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn create_parent(path: &Path) -> Result<()> {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => std::fs::create_dir_all(d)
            .with_context(|| format!("failed to create folder {}", d.display())),
        _ => Ok(()),
    }
}

/// Loads a profile and indexes it for scoring.
pub fn load_evidence(path: &Path) -> Result<Evidence> {
    let (profile, lexicon) = load_profile_and_lexicon(path)?;
    let now = score::profile_now(&profile);
    Ok(Evidence::new(&profile, lexicon, now))
}

/// Loads the profile and the built-in lexicon side by side: each is about
/// a third of a one-posting run, and they do not depend on each other.
fn load_profile_and_lexicon(path: &Path) -> Result<(Profile, Lexicon)> {
    std::thread::scope(|s| {
        let lexicon = s.spawn(Lexicon::builtin);
        let profile = profile::load(path);
        let lexicon = lexicon
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e));
        Ok((profile?, lexicon))
    })
}

/// Reads and analyses a posting from a file, or stdin for `-`.
pub fn read_posting(path: &Path) -> Result<Posting> {
    let (bytes, name) = if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        let stdin = std::io::stdin();
        if stdin.is_terminal() {
            eprintln!("reading the posting from standard input (end with Ctrl-D)…");
        }
        stdin
            .lock()
            .read_to_end(&mut buf)
            .context("failed to read the posting from standard input")?;
        (buf, "<stdin>".to_owned())
    } else {
        if path.is_dir() {
            bail!(
                "{} is a folder, not a posting\nhint: `tailor build {}` does every posting in it",
                path.display(),
                path.display()
            );
        }
        let bytes = std::fs::read(path)
            .with_context(|| format!("failed to read posting {}", path.display()))?;
        (bytes, path.display().to_string())
    };
    posting_from_bytes(&bytes, &name)
}

/// Decodes and analyses posting bytes; errors name the source.
pub fn posting_from_bytes(bytes: &[u8], name: &str) -> Result<Posting> {
    let text = posting::decode(bytes).map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
    posting::analyse(&text, name).map_err(|e| anyhow::anyhow!("{name}: {e}"))
}

/// `tailor import`: matrices -> profile YAML on stdout or in `-o`, the report
/// on stderr.
fn import(args: &ImportArgs) -> Result<Exit> {
    if let Some(out) = &args.output {
        if out.exists() && !args.force {
            bail!(
                "{} already exists\nhint: pass --force to replace it, or -o another file",
                out.display()
            );
        }
    }
    let mut inputs = Vec::new();
    for path in &args.files {
        let name = path.display().to_string();
        let bytes = std::fs::read(path).with_context(|| format!("failed to read matrix {name}"))?;
        let text = load::decode(&bytes, &name).map_err(|d| anyhow::anyhow!(d.located()))?;
        if text.trim().is_empty() {
            bail!("{name}:1:1: the file is empty; expected a Markdown skills matrix");
        }
        inputs.push((name, text.to_string()));
    }
    let result = matrix::import(&inputs);
    if let Some(file) = result.empty_files.first() {
        bail!(
            "{file}: no skills matrix found: no `## … Understanding` section with `### area`, \
             `**Project**` and bullets, no `## Certifications` and no `## Experience`\n\
             hint: docs/profile.md describes the matrix format"
        );
    }
    let names: Vec<String> = inputs.into_iter().map(|(n, _)| n).collect();
    let yaml = result.to_yaml(&names);
    let mut err = std::io::stderr().lock();
    write!(err, "{}", result.report)?;
    writeln!(err, "import: {}", result.counts())?;
    match &args.output {
        Some(out) => {
            write_atomic(out, yaml.as_bytes())?;
            writeln!(err, "import: wrote {}", out.display())?;
        }
        None => std::io::stdout().lock().write_all(yaml.as_bytes())?,
    }
    Ok(Exit::Ok)
}

/// `tailor check`: every problem of a profile, then a one-line summary.
fn check(args: &CheckArgs) -> Result<Exit> {
    let path = &args.profile;
    let bytes = load::read(path)?;
    let mut diags = crate::profile::validate::check_bytes(&bytes, &path.display().to_string());
    diagnostic::sort(&mut diags);
    let mut out = std::io::stdout().lock();
    for d in &diags {
        writeln!(out, "{d}")?;
    }
    writeln!(out, "{}: {}", path.display(), diagnostic::summary(&diags))?;
    let failed = diags
        .iter()
        .any(|d| d.severity == diagnostic::Severity::Error);
    Ok(if failed { Exit::Invalid } else { Exit::Ok })
}

/// Temporary files being written, removed by the Ctrl-C handler so an
/// interrupted run leaves nothing half-written behind.
static IN_FLIGHT: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

/// On Ctrl-C (or SIGTERM): remove the temporary files being written, then
/// exit 130 as shells expect. Finished files stay; unfinished ones never
/// appear under their real names.
pub fn clean_up_on_interrupt() {
    // Failing to install the handler only loses the clean-up.
    let _ = ctrlc::set_handler(|| {
        let files = IN_FLIGHT.lock().unwrap_or_else(|e| e.into_inner());
        for f in files.iter() {
            let _ = std::fs::remove_file(f);
        }
        eprintln!("interrupted");
        std::process::exit(130);
    });
}

/// Writes a file whole or not at all: a temporary file beside it, renamed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .with_context(|| format!("{} is not a file name", path.display()))?;
    let tmp = dir.join(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let track = |add: bool| {
        let mut files = IN_FLIGHT.lock().unwrap_or_else(|e| e.into_inner());
        if add {
            files.push(tmp.clone());
        } else if let Some(i) = files.iter().position(|f| *f == tmp) {
            files.swap_remove(i);
        }
    };
    track(true);
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        // No fsync: the rename is what makes the file appear whole; a
        // thousand fsyncs would triple a batch's time for crash-safety
        // build tools do not promise either.
        f.write_all(bytes)?;
        drop(f);
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    track(false);
    result.with_context(|| format!("failed to write {}", path.display()))
}

/// Whether an error is a closed pipe (`tailor … | head`), which is not a failure.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
