//! The one orchestrator: load -> analyse -> score -> select -> render -> write.
//!
//! Each subcommand is a function here that wires the pure stages together
//! and does the I/O; the stages themselves never read or write files.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use clap::CommandFactory;

use crate::build::tailor;
use crate::cli::{BuildArgs, CheckArgs, Cli, Command, ImportArgs, InitArgs, MatchArgs};
use crate::config::{profile_path, BuildConfig, Input, Output};
use crate::exit::Exit;
use crate::files::{
    create_parent, file_stem, occupied, read_posting, slug, to_stdout, write_atomic, Inputs,
};
use crate::keywords::Lexicon;
use crate::profile::cache::Cache;
use crate::profile::load::Loaded;
use crate::profile::schema::Profile;
use crate::profile::{self, diagnostic, import as matrix, load};
use crate::render::Format;
use crate::score::{self, Evidence};

/// Runs one command line.
pub fn run(cli: Cli) -> Result<Exit> {
    crate::color::choose(cli.color);
    let cache = crate::config::profile_cache(cli.no_cache);
    let cache = cache.as_ref();
    match cli.command {
        Command::Build(args) => build(&args, cache),
        Command::Match(args) => run_match(&args, cache),
        Command::Check(args) => check(&args),
        Command::Import(args) => import(&args),
        Command::Init(args) => init(&args),
        Command::Completions(args) => completions(args.shell),
        Command::Man(args) => man(args.command.as_deref()),
        Command::Schema => {
            to_stdout(profile::json_schema::text().as_bytes())?;
            Ok(Exit::Ok)
        }
    }
}

/// `tailor init [PATH]`: the starter profile, never over an existing file
/// without `--force`.
fn init(args: &InitArgs) -> Result<Exit> {
    if args.path.as_os_str() == "-" {
        // `tailor init - > elsewhere.yaml`: the starter alone, no schema file.
        to_stdout(crate::init::starter().as_bytes())?;
        return Ok(Exit::Ok);
    }
    let path = if args.path.is_dir() {
        args.path.join(crate::config::DEFAULT_PROFILE)
    } else {
        args.path.clone()
    };
    if !args.force && occupied(&path) {
        bail!(
            "{} already exists\nhint: pass --force to replace it, or give another path \
             (tailor init PATH)",
            path.display()
        );
    }
    create_parent(&path)?;
    write_atomic(&path, crate::init::starter().as_bytes())?;
    let mut err = std::io::stderr().lock();
    writeln!(err, "init: wrote {}", path.display())?;
    if let Some(schema) = write_schema_beside(&path, args.force)? {
        writeln!(err, "init: wrote {} (for editors)", schema.display())?;
    }
    writeln!(
        err,
        "  next: replace its examples with your own, then `tailor check {}`",
        path.display()
    )?;
    Ok(Exit::Ok)
}

/// Writes the profile JSON Schema beside `profile`, where the
/// `# yaml-language-server` line of the profiles tailor writes points;
/// an existing file is kept unless `force`. The path written, if any.
fn write_schema_beside(profile: &Path, force: bool) -> Result<Option<PathBuf>> {
    let path = profile.with_file_name(profile::json_schema::FILE_NAME);
    if !force && occupied(&path) {
        return Ok(None);
    }
    write_atomic(&path, profile::json_schema::text().as_bytes())?;
    Ok(Some(path))
}

/// `tailor completions SHELL`: the script, generated from the clap types so
/// it never falls behind the flags.
fn completions(shell: clap_complete::Shell) -> Result<Exit> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "tailor", &mut out);
    to_stdout(&out)?;
    Ok(Exit::Ok)
}

/// `tailor man [COMMAND]`: tailor(1), or a command's page (tailor-build(1)).
fn man(command: Option<&str>) -> Result<Exit> {
    let mut cli = Cli::command();
    cli.build();
    let page = match command {
        None => cli,
        Some(name) => {
            let names: Vec<String> = cli
                .get_subcommands()
                .map(|c| c.get_name().to_owned())
                .filter(|n| n != "help")
                .collect();
            match cli.find_subcommand(name) {
                // Built: its display name is `tailor-NAME`, the page title.
                Some(sub) if name != "help" => sub.clone(),
                _ => bail!(
                    "tailor has no command `{name}`\nhint: the commands are {}",
                    names.join(", ")
                ),
            }
        }
    };
    let mut out = Vec::new();
    clap_mangen::Man::new(page)
        .source(concat!("tailor ", env!("CARGO_PKG_VERSION")))
        .render(&mut out)
        .context("failed to render the man page")?;
    to_stdout(&out)?;
    Ok(Exit::Ok)
}

fn run_match(args: &MatchArgs, cache: Option<&Cache>) -> Result<Exit> {
    let profile = profile_path(args.profile.profile.as_deref())?;
    let one = match args.posting.as_slice() {
        [one] if !one.is_dir() => one,
        many => return match_many(args, many, load_evidence(&profile, cache)?),
    };
    // A posting in a regular file is read and analysed while the profile
    // loads (when it must be parsed; see load_profile_beside); standard
    // input or a pipe only after it, so that a profile error never waits
    // on them.
    let (profile, ev, posting) = if one.as_os_str() != "-" && one.is_file() {
        load_evidence_beside(&profile, cache, || read_posting(one))?
    } else {
        let (profile, ev, ()) = load_evidence_beside(&profile, cache, || ())?;
        (profile, ev, read_posting(one))
    };
    let posting = posting?;
    let m = score::score(&ev, &posting);
    let out = if args.json {
        let mut s = serde_json::to_string_pretty(&m)?;
        s.push('\n');
        s
    } else {
        crate::report::human_styled(&m, &ev, args.explain, crate::color::stdout())
    };
    to_stdout(out.as_bytes())?;
    exit_without_freeing((ev, profile));
    Ok(Exit::Ok)
}

/// `tailor match` of several postings or folders: one report each, the
/// best fit first (with `--json`, one array); a posting that cannot be read
/// is named on stderr and the others go on (exit 1).
fn match_many(args: &MatchArgs, paths: &[PathBuf], ev: Evidence) -> Result<Exit> {
    if paths.iter().any(|p| p.as_os_str() == "-") {
        bail!(
            "- (standard input) cannot be one of several postings\n\
             hint: save the posting to a file and name it with the others"
        );
    }
    let out = Path::new(crate::config::DEFAULT_OUT_DIR);
    let found = crate::batch::postings_of(paths, false, out)?;
    // No silent skips: a PDF in a folder is named, with how to get its text.
    let skipped = if found.skipped.is_empty() {
        String::new()
    } else {
        crate::batch::skipped_note(&found.skipped)
    };
    if found.postings.is_empty() {
        bail!(
            "no postings found in {}\n{skipped}hint: name posting files (text, Markdown or HTML)",
            paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    write!(std::io::stderr().lock(), "{skipped}")?;
    let mut matches = Vec::new();
    let mut failed = false;
    let color = crate::color::stderr();
    for path in &found.postings {
        match read_posting(path) {
            Ok(posting) => matches.push(score::score(&ev, &posting)),
            Err(err) => {
                failed = true;
                let message =
                    crate::report::printable(&format!("{}: {err:#}", path.display())).into_owned();
                let mut stderr = std::io::stderr().lock();
                writeln!(stderr, "{}", crate::color::error_message(&message, color))?;
            }
        }
    }
    matches.sort_by(|a, b| {
        b.fit
            .total_cmp(&a.fit)
            .then_with(|| a.posting.source.cmp(&b.posting.source))
    });
    let out = if args.json {
        let mut s = serde_json::to_string_pretty(&matches)?;
        s.push('\n');
        s
    } else {
        let color = crate::color::stdout();
        let reports: Vec<String> = matches
            .iter()
            .map(|m| crate::report::human_styled(m, &ev, args.explain, color))
            .collect();
        reports.join("\n")
    };
    to_stdout(out.as_bytes())?;
    exit_without_freeing(ev);
    Ok(if failed { Exit::SomeFailed } else { Exit::Ok })
}

/// Leaks a structure the process is about to exit with: freeing the
/// profile and its index (their maps, and the strings of every form and
/// source) one allocation at a time costs `tailor match` about half a
/// million instructions, and the operating system reclaims it all at once
/// anyway. For one-shot paths only;
/// a batch frees nothing per posting.
fn exit_without_freeing<T>(big: T) {
    std::mem::forget(big);
}

/// `tailor build`: one posting (file or stdin) or a folder of them.
fn build(args: &BuildArgs, cache: Option<&Cache>) -> Result<Exit> {
    let cfg = BuildConfig::new(args, std::io::stdout().is_terminal())?;
    let mut inputs = Inputs::default();
    inputs.add(&cfg.profile, "profile");
    if let Input::File(p) = &cfg.input {
        inputs.add(p, "posting");
    }
    if let Output::File(out) = &cfg.output {
        // Before any work: a kept file should cost the user no wait.
        inputs.check(out)?;
        if !cfg.force {
            refuse_to_replace(out)?;
        }
    }
    let (loaded, lexicon, ()) = load_profile_beside(&cfg.profile, cache, || ());
    let loaded = loaded?;
    let profile = &loaded.profile;
    if let Some(id) = &cfg.budget.summary {
        check_summary_id(profile, id)?;
    }
    if !cfg.quiet {
        warn_placeholders(&cfg.profile, profile)?;
    }
    if cfg.formats.contains(&Format::Pdf) {
        check_pdf_text(&cfg, profile)?;
    }
    let (profile, ev) = index(loaded, lexicon, cache);
    let exit = match &cfg.input {
        Input::Batch(paths) => crate::batch::run(&cfg, &profile, &ev, paths, inputs),
        Input::Stdin | Input::File(_) => build_one(&cfg, &profile, &ev, &inputs),
    };
    exit_without_freeing((ev, profile));
    exit
}

/// An error naming the profile's summaries if none has the id `--summary`
/// asks for.
fn check_summary_id(profile: &Profile, id: &str) -> Result<()> {
    if profile.summaries.iter().any(|s| s.id == id) {
        return Ok(());
    }
    let ids: Vec<&str> = profile.summaries.iter().map(|s| s.id.as_str()).collect();
    if ids.is_empty() {
        bail!("--summary {id}: the profile has no summaries");
    }
    bail!(
        "--summary {id}: the profile has no summary with that id\n\
         hint: its summaries are {}",
        ids.join(", ")
    );
}

/// The warnings `tailor check` gives about the person and contact
/// (a placeholder or empty name or e-mail), on stderr: a résumé going out
/// as "Your Name" is worth a word. Only the person is validated, and only
/// when a quick look finds something placeholder-like, so a finished
/// profile costs a build nothing.
fn warn_placeholders(path: &Path, profile: &Profile) -> Result<()> {
    let p = &profile.person;
    let c = &p.contact;
    let values = [&p.name, &p.headline, &c.email, &c.phone, &c.location]
        .into_iter()
        .chain(c.links.iter().flat_map(|l| [&l.label, &l.url]));
    // A superset of what `check` calls a placeholder.
    const HINTS: [&str; 9] = [
        "todo",
        "tbd",
        "fixme",
        "your name",
        "first last",
        "name surname",
        "example.",
        "555-",
        "xxx",
    ];
    let suspect = p.name.trim().is_empty()
        || c.email.trim().is_empty()
        || values
            .map(|v| v.to_lowercase())
            .any(|v| HINTS.iter().any(|h| v.contains(h)));
    if !suspect {
        return Ok(());
    }
    let bytes = load::read(path)?;
    let name = path.display().to_string();
    let Ok(text) = load::decode(&bytes, &name) else {
        return Ok(());
    };
    let diags = crate::profile::validate::person_warnings(profile, text, &name);
    let color = crate::color::stderr();
    let mut err = std::io::stderr().lock();
    for d in diags.iter().filter(|d| {
        d.severity == diagnostic::Severity::Warning
            && (d.message.contains("placeholder") || d.message.contains("résumés need one"))
    }) {
        writeln!(err, "{}", crate::color::diagnostic(d, color))?;
    }
    Ok(())
}

/// What the PDF cannot show of the profile, said once before any posting:
/// right-to-left text and characters the font lacks are errors naming the
/// field and line. The file is read again for line numbers only when there
/// is something to say.
fn check_pdf_text(cfg: &BuildConfig, profile: &Profile) -> Result<()> {
    let name = cfg.profile.display().to_string();
    let check = |raw: Option<&str>| crate::render::pdf::check_profile(profile, &name, raw);
    if check(None).is_ok() {
        return Ok(());
    }
    let raw = std::fs::read(&cfg.profile)
        .ok()
        .map(|b| String::from_utf8_lossy(&b).into_owned());
    check(raw.as_deref())
}

/// An error if something is at `out` (a link pointing nowhere included).
fn refuse_to_replace(out: &Path) -> Result<()> {
    if occupied(out) {
        let link = std::fs::symlink_metadata(out).is_ok_and(|m| m.file_type().is_symlink());
        bail!(
            "{} already exists{}\nhint: pass --force to replace it, or -o another file",
            out.display(),
            if link { " (a symbolic link)" } else { "" }
        );
    }
    Ok(())
}

fn build_one(cfg: &BuildConfig, profile: &Profile, ev: &Evidence, inputs: &Inputs) -> Result<Exit> {
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
            if matches!(format, Format::Pdf | Format::Docx) && std::io::stdout().is_terminal() {
                let ext = format.extension();
                bail!(
                    "not writing a {format} file to the terminal\n\
                     hint: redirect it (> cv.{ext}) or pass -o cv.{ext}"
                );
            }
            to_stdout(bytes)?;
        }
        Output::File(out) => {
            create_parent(out)?;
            write_atomic(out, &built.files[0].1)?;
            written.push(out.clone());
        }
        Output::Dir(dir) => {
            let outs: Vec<PathBuf> = built
                .files
                .iter()
                .map(|(format, _)| dir.join(format!("{slug}.{}", format.extension())))
                .collect();
            // All or none: a refused name stops the run before any write.
            for out in &outs {
                inputs.check(out)?;
            }
            std::fs::create_dir_all(dir)
                .with_context(|| format!("failed to create output folder {}", dir.display()))?;
            for (out, (_, bytes)) in outs.into_iter().zip(&built.files) {
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
            crate::report::build_summary_styled(
                &built,
                &written,
                cfg.explain,
                crate::color::stderr(),
            )
        )?;
        if cfg.explain {
            if let Some(s) = &built.selection.summary {
                writeln!(err, "  {}", s.reason)?;
            }
        }
        if built.matched.fit < crate::select::LOW_FIT {
            writeln!(
                err,
                "  note: fit {:.0}/100: {}",
                built.matched.fit,
                crate::select::LOW_FIT_NOTE
            )?;
        }
    }
    Ok(Exit::Ok)
}

/// Loads a profile (through `cache`, when given) and indexes it for
/// scoring.
pub fn load_evidence(path: &Path, cache: Option<&Cache>) -> Result<Evidence> {
    load_evidence_beside(path, cache, || ()).map(|(_, ev, ())| ev)
}

/// [`load_evidence`], with `beside` run on another thread while the
/// profile loads; the profile is returned too, for a caller that exits
/// without freeing it.
fn load_evidence_beside<T: Send>(
    path: &Path,
    cache: Option<&Cache>,
    beside: impl FnOnce() -> T + Send,
) -> Result<(Profile, Evidence, T)> {
    let (loaded, lexicon, t) = load_profile_beside(path, cache, beside);
    let (profile, ev) = index(loaded?, lexicon, cache);
    Ok((profile, ev, t))
}

/// Indexes a loaded profile for scoring, from the cache's index of it
/// when it had one; when it did not, the cache gets the profile and its
/// index, so the next run reads neither the YAML nor the texts.
fn index(loaded: Loaded, lexicon: Lexicon, cache: Option<&Cache>) -> (Profile, Evidence) {
    let Loaded {
        profile,
        index,
        bytes,
    } = loaded;
    // Kept only to store: freed first, their pages take the index's
    // first allocations instead of pages not yet touched.
    let store = cache.filter(|_| index.is_none()).map(|c| (c, bytes));
    let now = score::profile_now(&profile);
    let (ev, index) = Evidence::indexed(&profile, lexicon, now, index);
    if let (Some((cache, bytes)), Some(index)) = (store, index) {
        cache.put(&bytes, &profile, Some(&index));
    }
    (profile, ev)
}

/// Loads the profile and the built-in lexicon, and runs `beside`. A
/// profile the cache has loads in a fraction of a millisecond, so all
/// three run on this thread: another would cost about what it saves (its
/// start, its stack and malloc arena), and more on a busy machine. On a
/// miss, parsing the profile's YAML is the longest step of a one-posting
/// run, and the lexicon and `beside`, which do not depend on it, run on
/// another thread meanwhile.
fn load_profile_beside<T: Send>(
    path: &Path,
    cache: Option<&Cache>,
    beside: impl FnOnce() -> T + Send,
) -> (Result<Loaded>, Lexicon, T) {
    let bytes = match load::read(path) {
        Ok(bytes) => bytes,
        Err(err) => return (Err(err), Lexicon::builtin(), beside()),
    };
    let bytes = match load::from_cache(bytes, cache) {
        Ok(loaded) => return (Ok(loaded), Lexicon::builtin(), beside()),
        Err(bytes) => bytes,
    };
    std::thread::scope(|s| {
        let other = s.spawn(|| (Lexicon::builtin(), beside()));
        let profile = load::parse_loaded(bytes, path);
        let (lexicon, t) = other
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e));
        (profile, lexicon, t)
    })
}

/// `tailor import`: matrices -> profile YAML on stdout or in `-o`, the report
/// on stderr.
fn import(args: &ImportArgs) -> Result<Exit> {
    // `-o -` is standard output, as no -o is.
    let output = args.output.as_ref().filter(|o| o.as_os_str() != "-");
    if let Some(out) = output {
        let mut inputs = Inputs::default();
        for path in &args.files {
            inputs.add(path, "matrix");
        }
        inputs.check(out)?;
        if !args.force {
            refuse_to_replace(out)?;
        }
    }
    let mut inputs = Vec::new();
    for path in &args.files {
        let (name, bytes) = if path.as_os_str() == "-" {
            (STDIN_NAME.to_owned(), read_stdin("matrix")?)
        } else {
            let name = path.display().to_string();
            let bytes =
                std::fs::read(path).with_context(|| format!("failed to read matrix {name}"))?;
            (name, bytes)
        };
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
    // Editors find the schema beside the profile (written there with -o).
    let yaml = format!(
        "{}{}",
        profile::json_schema::modeline(profile::json_schema::FILE_NAME),
        result.to_yaml(&names)
    );
    let mut err = std::io::stderr().lock();
    write!(err, "{}", result.report)?;
    writeln!(err, "import: {}", result.counts())?;
    match output {
        Some(out) => {
            write_atomic(out, yaml.as_bytes())?;
            writeln!(err, "import: wrote {}", out.display())?;
            if let Some(schema) = write_schema_beside(out, false)? {
                writeln!(err, "import: wrote {} (for editors)", schema.display())?;
            }
        }
        None => to_stdout(yaml.as_bytes())?,
    }
    Ok(Exit::Ok)
}

/// `tailor check`: every problem of a profile, then a one-line summary.
fn check(args: &CheckArgs) -> Result<Exit> {
    let stdin = args
        .profile
        .as_deref()
        .is_some_and(|p| p.as_os_str() == "-");
    let (name, bytes) = if stdin {
        (STDIN_NAME.to_owned(), read_stdin("profile")?)
    } else {
        let path = profile_path(args.profile.as_deref())?;
        (path.display().to_string(), load::read(&path)?)
    };
    let mut diags = crate::profile::validate::check_bytes(&bytes, &name);
    diagnostic::sort(&mut diags);
    let color = crate::color::stdout();
    let mut out = String::new();
    for d in &diags {
        out.push_str(&crate::color::diagnostic(d, color));
        out.push('\n');
    }
    out.push_str(&format!("{name}: {}\n", diagnostic::summary(&diags)));
    let failed = diags
        .iter()
        .any(|d| d.severity == diagnostic::Severity::Error);
    if args.suggest_tags && !failed {
        if let Ok(profile) = load::parse_bytes(&bytes, &name) {
            let now = score::profile_now(&profile);
            let ev = Evidence::new(&profile, Lexicon::builtin(), now);
            let suggested = ev.suggested_tags();
            out.push_str(&format!(
                "\nconcept tags the bullets imply ({} bullets; they count already, a tag makes them plain):\n",
                suggested.len()
            ));
            for (id, tags) in suggested {
                let tags: Vec<String> = tags
                    .iter()
                    .map(|(t, via)| format!("{t} (from {via})"))
                    .collect();
                let p = crate::report::printable;
                out.push_str(&format!("  {}: {}\n", p(id), p(&tags.join(", "))));
            }
        }
    }
    to_stdout(out.as_bytes())?;
    Ok(if failed { Exit::Invalid } else { Exit::Ok })
}

/// How messages name standard input (`check -`, `import -`).
const STDIN_NAME: &str = "<stdin>";

/// Standard input, whole, up to the largest profile tailor reads.
fn read_stdin(what: &str) -> Result<Vec<u8>> {
    use std::io::Read;
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        let _ = writeln!(
            std::io::stderr(),
            "reading the {what} from standard input (end with Ctrl-D)…"
        );
    }
    let mut bytes = Vec::new();
    stdin
        .lock()
        .take(load::MAX_PROFILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .with_context(|| format!("failed to read the {what} from standard input"))?;
    if bytes.len() as u64 > load::MAX_PROFILE_BYTES {
        bail!(
            "{STDIN_NAME}: more than {} MB on standard input, more than a {what} may be",
            load::MAX_PROFILE_BYTES / (1024 * 1024)
        );
    }
    Ok(bytes)
}
