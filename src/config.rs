//! Command-line arguments -> validated settings, once, before any work.
//!
//! Paths are classified (file, folder, standard input or output), formats
//! are inferred from `-o`'s extension, and every contradiction is an error
//! with a hint here; no clap type is used past this module.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use anyhow::{bail, Result};

use crate::cli::{self, BuildArgs, FormatArg};
use crate::render::{Format, Paper, RenderOptions};
use crate::select::Budget;

/// Where the postings come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Stdin,
    File(PathBuf),
    /// A folder of postings, or several postings (a batch): each folder's
    /// postings and each file, ranked together in one index.
    Batch(Vec<PathBuf>),
}

/// Where the résumés go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Output {
    Stdout,
    /// One file, named by the user.
    File(PathBuf),
    /// A folder; files in it are named after the posting.
    Dir(PathBuf),
}

/// The folder résumés go to when `-o` is not given.
pub const DEFAULT_OUT_DIR: &str = "out";

/// The environment variable naming the profile when `-p` is not given.
pub const PROFILE_ENV: &str = "TAILOR_PROFILE";

/// The profile looked for in the current folder when neither `-p` nor
/// `TAILOR_PROFILE` names one.
pub const DEFAULT_PROFILE: &str = "profile.yaml";

/// The environment variables that choose the profile cache's folder, or
/// turn it off, as `--no-cache` does.
pub const CACHE_DIR_ENV: &str = "TAILOR_CACHE_DIR";
pub const NO_CACHE_ENV: &str = "TAILOR_NO_CACHE";

/// The cache of parsed profiles, unless `--no-cache` or `TAILOR_NO_CACHE`
/// turns it off or no folder can be named.
pub fn profile_cache(no_cache: bool) -> Option<crate::profile::cache::Cache> {
    cache_dir(no_cache, |k| std::env::var_os(k)).map(crate::profile::cache::Cache::new)
}

/// The cache folder: `TAILOR_CACHE_DIR`, else `XDG_CACHE_HOME/tailor` (an
/// absolute path only, as the XDG spec says), else `~/.cache/tailor`
/// (`%LOCALAPPDATA%\tailor\cache` on Windows); `None` when turned off
/// (`TAILOR_NO_CACHE` set to anything but empty or `0`). Never beside
/// the user's files.
fn cache_dir(no_cache: bool, env: impl Fn(&str) -> Option<OsString>) -> Option<PathBuf> {
    let set = |k: &str| env(k).filter(|v| !v.is_empty());
    if no_cache || set(NO_CACHE_ENV).is_some_and(|v| v != "0") {
        return None;
    }
    if let Some(dir) = set(CACHE_DIR_ENV) {
        return Some(PathBuf::from(dir));
    }
    if let Some(xdg) = set("XDG_CACHE_HOME").map(PathBuf::from) {
        if xdg.is_absolute() {
            return Some(xdg.join("tailor"));
        }
    }
    if cfg!(windows) {
        return set("LOCALAPPDATA").map(|d| PathBuf::from(d).join("tailor").join("cache"));
    }
    set("HOME").map(|h| PathBuf::from(h).join(".cache").join("tailor"))
}

/// The profile a command reads: `-p` (or `check`'s argument), else
/// `TAILOR_PROFILE`, else `./profile.yaml`; an error naming both places
/// when neither has one.
pub fn profile_path(given: Option<&Path>) -> Result<PathBuf> {
    resolve_profile(given, std::env::var_os(PROFILE_ENV), |p| {
        std::fs::symlink_metadata(p).is_ok()
    })
}

/// [`profile_path`] with the environment and the file system passed in.
fn resolve_profile(
    given: Option<&Path>,
    env: Option<OsString>,
    exists: impl Fn(&Path) -> bool,
) -> Result<PathBuf> {
    if let Some(p) = given {
        return Ok(p.to_path_buf());
    }
    if let Some(p) = env.filter(|v| !v.is_empty()).map(PathBuf::from) {
        if !exists(&p) {
            bail!(
                "{PROFILE_ENV} names {}, which does not exist\n\
                 hint: set {PROFILE_ENV} to your profile, or pass -p FILE",
                p.display()
            );
        }
        return Ok(p);
    }
    let local = PathBuf::from(DEFAULT_PROFILE);
    if exists(&local) {
        return Ok(local);
    }
    bail!(
        "no profile: {PROFILE_ENV} is not set and there is no {DEFAULT_PROFILE} \
         in the current folder\n\
         hint: pass -p FILE, set {PROFILE_ENV}=FILE, run tailor from your profile's folder, \
         or start one with `tailor init`"
    )
}

/// Settings for `tailor build`.
#[derive(Debug, Clone, PartialEq)]
pub struct BuildConfig {
    pub input: Input,
    pub profile: PathBuf,
    /// At least one, without repeats, in the order given.
    pub formats: Vec<Format>,
    pub output: Output,
    pub render: RenderOptions,
    pub pages: Option<usize>,
    pub budget: Budget,
    pub force: bool,
    pub recursive: bool,
    pub quiet: bool,
    /// Say why each bullet was chosen.
    pub explain: bool,
}

impl BuildConfig {
    /// Validates `tailor build`'s arguments. `stdout_is_terminal` decides
    /// whether Markdown goes to standard output when `-o` is not given.
    pub fn new(args: &BuildArgs, stdout_is_terminal: bool) -> Result<BuildConfig> {
        let input = match args.posting.as_slice() {
            [one] if one.as_os_str() == "-" => Input::Stdin,
            [one] if !one.is_dir() => Input::File(one.clone()),
            many => {
                if many.iter().any(|p| p.as_os_str() == "-") {
                    bail!(
                        "- (standard input) cannot be one of several postings\n\
                         hint: save the posting to a file and name it with the others"
                    );
                }
                Input::Batch(many.to_vec())
            }
        };
        if args.recursive && !matches!(input, Input::Batch(_)) {
            bail!("--recursive needs a folder of postings, not a single posting");
        }
        let mut formats: Vec<Format> = Vec::new();
        for f in &args.format {
            let f = format(*f);
            if !formats.contains(&f) {
                formats.push(f);
            }
        }
        let output = match (&input, &args.output) {
            (Input::Batch(_), Some(o)) if o.as_os_str() == "-" => bail!(
                "a folder of postings cannot be written to standard output\n\
                 hint: pass -o with a folder, or leave -o out to write to {DEFAULT_OUT_DIR}/"
            ),
            (Input::Batch(_), Some(o)) if o.is_file() => bail!(
                "-o {} is a file, but a folder of postings needs an output folder",
                o.display()
            ),
            (Input::Batch(_), Some(o))
                if o.extension().is_some() && !o.is_dir() && !ends_with_separator(o) =>
            {
                bail!(
                    "-o {} looks like a file, but a folder of postings needs an output folder\n\
                     hint: pass -o with a folder (e.g. -o {DEFAULT_OUT_DIR}/), \
                     or end the name in / to mean a folder",
                    o.display()
                )
            }
            (Input::Batch(_), Some(o)) => Output::Dir(o.clone()),
            (Input::Batch(_), None) => Output::Dir(PathBuf::from(DEFAULT_OUT_DIR)),
            (_, Some(o)) if o.as_os_str() == "-" => Output::Stdout,
            (_, Some(o)) if o.is_dir() || ends_with_separator(o) => Output::Dir(o.clone()),
            (_, Some(o)) => {
                if formats.is_empty() {
                    formats.push(infer_format(o)?);
                } else {
                    refuse_format_mismatch(&formats, o)?;
                }
                Output::File(o.clone())
            }
            (_, None) if !stdout_is_terminal && formats.iter().all(|f| *f == Format::Markdown) => {
                Output::Stdout
            }
            (_, None) => Output::Dir(PathBuf::from(DEFAULT_OUT_DIR)),
        };
        if formats.is_empty() {
            formats.push(Format::Markdown);
        }
        if formats.len() > 1 && matches!(output, Output::File(_) | Output::Stdout) {
            let names: Vec<&str> = formats.iter().map(|f| f.extension()).collect();
            bail!(
                "{} formats ({}) cannot go to one {}\n\
                 hint: pass -o with a folder (e.g. -o {DEFAULT_OUT_DIR}/), one file per format",
                formats.len(),
                names.join(", "),
                if output == Output::Stdout {
                    "standard output"
                } else {
                    "file"
                }
            );
        }
        for (flag, n) in [
            ("--max-projects", args.max_projects),
            ("--max-bullets", args.max_bullets),
            ("--max-bullets-per-project", args.max_bullets_per_project),
        ] {
            if n == 0 {
                bail!(
                    "{flag} 0 would leave the résumé without {}\n\
                     hint: pass {flag} 1 or more, or leave it out for the default",
                    if flag == "--max-projects" {
                        "projects"
                    } else {
                        "bullets"
                    }
                );
            }
        }
        Ok(BuildConfig {
            input,
            profile: profile_path(args.profile.profile.as_deref())?,
            formats,
            output,
            render: RenderOptions {
                paper: match args.paper {
                    cli::Paper::A4 => Paper::A4,
                    cli::Paper::Letter => Paper::Letter,
                },
            },
            pages: args.pages.map(|n| n as usize),
            budget: Budget {
                max_projects: args.max_projects,
                max_bullets_per_project: args.max_bullets_per_project,
                max_bullets: args.max_bullets,
                summary: args.summary.clone(),
                ..Budget::default()
            },
            force: args.force,
            recursive: args.recursive,
            quiet: args.quiet,
            explain: args.explain,
        })
    }
}

fn format(f: FormatArg) -> Format {
    match f {
        FormatArg::Markdown => Format::Markdown,
        FormatArg::Pdf => Format::Pdf,
        FormatArg::Docx => Format::Docx,
        FormatArg::Html => Format::Html,
        FormatArg::Text => Format::Text,
        FormatArg::JsonResume => Format::JsonResume,
    }
}

fn ends_with_separator(p: &Path) -> bool {
    let s = p.as_os_str().to_string_lossy();
    s.ends_with('/') || s.ends_with(std::path::MAIN_SEPARATOR)
}

/// An error if `-o`'s extension names a format other than the one
/// `--format` asks for: `-f pdf -o cv.md` would put PDF bytes in a `.md`
/// file. An extension tailor does not know (or none) is the user's choice.
fn refuse_format_mismatch(formats: &[Format], path: &Path) -> Result<()> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().into_owned())
        .unwrap_or_default();
    match (formats, Format::from_extension(&ext)) {
        ([given], Some(named)) if *given != named => bail!(
            "--format {} disagrees with -o {}, a {} file name\n\
             hint: pass -o {} or --format {}",
            given.extension(),
            path.display(),
            named.name(),
            path.with_extension(given.extension()).display(),
            named.extension()
        ),
        _ => Ok(()),
    }
}

/// The format an output file's extension names.
fn infer_format(path: &Path) -> Result<Format> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().into_owned())
        .unwrap_or_default();
    match Format::from_extension(&ext) {
        Some(f) => Ok(f),
        None => {
            let what = if ext.is_empty() {
                "it has no extension".to_owned()
            } else {
                format!("`.{ext}` is not a format tailor writes")
            };
            bail!(
                "could not infer the output format of {}: {what}\n\
                 hint: end the name in .md, .pdf, .docx, .html, .txt or .json, \
                 or pass --format (md, pdf, docx, html, txt, json-resume)",
                path.display()
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::{Cli, Command};
    use clap::Parser;

    fn cache(no_cache: bool, vars: &[(&str, &str)]) -> Option<PathBuf> {
        cache_dir(no_cache, |k| {
            vars.iter()
                .find(|(name, _)| *name == k)
                .map(|(_, v)| OsString::from(v))
        })
    }

    #[test]
    fn the_cache_folder_is_chosen_in_order() {
        let all = [
            ("TAILOR_CACHE_DIR", "/t"),
            ("XDG_CACHE_HOME", "/x"),
            ("HOME", "/h"),
        ];
        assert_eq!(cache(false, &all), Some(PathBuf::from("/t")));
        assert_eq!(cache(false, &all[1..]), Some(PathBuf::from("/x/tailor")));
        if !cfg!(windows) {
            assert_eq!(
                cache(false, &all[2..]),
                Some(PathBuf::from("/h/.cache/tailor"))
            );
            // A relative XDG_CACHE_HOME is ignored, as the spec says.
            assert_eq!(
                cache(false, &[("XDG_CACHE_HOME", "rel"), ("HOME", "/h")]),
                Some(PathBuf::from("/h/.cache/tailor"))
            );
        }
        assert_eq!(cache(false, &[]), None);
    }

    #[test]
    fn the_cache_is_turned_off_by_flag_or_environment() {
        let dir = ("TAILOR_CACHE_DIR", "/t");
        assert_eq!(cache(true, &[dir]), None);
        assert_eq!(cache(false, &[dir, ("TAILOR_NO_CACHE", "1")]), None);
        assert!(cache(false, &[dir, ("TAILOR_NO_CACHE", "0")]).is_some());
        assert!(cache(false, &[dir, ("TAILOR_NO_CACHE", "")]).is_some());
    }

    fn config(args: &[&str], tty: bool) -> Result<BuildConfig> {
        let cli = Cli::try_parse_from(["tailor", "build"].iter().chain(args))?;
        match cli.command {
            Command::Build(b) => BuildConfig::new(&b, tty),
            _ => unreachable!("parsed a build command"),
        }
    }

    #[test]
    fn format_comes_from_the_output_extension_unless_given() {
        let c = config(&["p.md", "-o", "cv.pdf"], true).unwrap();
        assert_eq!(c.formats, [Format::Pdf]);
        assert_eq!(c.output, Output::File("cv.pdf".into()));
        let c = config(&["p.md", "-o", "cv.markdown", "-f", "md"], true).unwrap();
        assert_eq!(c.formats, [Format::Markdown]);
        // An extension tailor does not write is the user's to choose.
        let c = config(&["p.md", "-o", "cv.notes", "-f", "txt"], true).unwrap();
        assert_eq!(c.formats, [Format::Text]);
    }

    #[test]
    fn a_format_the_output_extension_contradicts_is_refused() {
        // Issue 11: `-f pdf -o cv.md` wrote PDF bytes into cv.md.
        let e = config(&["p.md", "-f", "pdf", "-o", "cv.md"], true).unwrap_err();
        let msg = format!("{e:#}");
        assert!(
            msg.starts_with("--format pdf disagrees with -o cv.md, a Markdown file name\n"),
            "{msg}"
        );
        assert!(msg.contains("hint: pass -o cv.pdf or --format md"), "{msg}");
        assert!(config(&["p.md", "-f", "md", "-o", "cv.PDF"], true).is_err());
    }

    #[test]
    fn a_folder_of_postings_to_a_file_name_is_refused() {
        // Issue 11: `build DIR -o x.md` made a folder named x.md.
        let dir = tempfile::tempdir().unwrap();
        let jobs = dir.path().to_str().unwrap();
        let e = config(&[jobs, "-o", "x.md"], true).unwrap_err();
        let msg = format!("{e:#}");
        assert!(
            msg.starts_with("-o x.md looks like a file")
                && msg.contains("hint: pass -o with a folder"),
            "{msg}"
        );
        assert_eq!(
            config(&[jobs, "-o", "x.md/"], true).unwrap().output,
            Output::Dir("x.md/".into())
        );
        assert_eq!(
            config(&[jobs, "-o", "cvs"], true).unwrap().output,
            Output::Dir("cvs".into())
        );
    }

    #[test]
    fn a_zero_budget_is_refused() {
        // Issue 11: `--max-projects 0` was taken as 1 without a word.
        for flag in [
            "--max-projects",
            "--max-bullets",
            "--max-bullets-per-project",
        ] {
            let e = config(&["p.md", flag, "0"], true).unwrap_err();
            let msg = format!("{e:#}");
            assert!(msg.starts_with(&format!("{flag} 0 would leave")), "{msg}");
            assert!(msg.contains("hint:"), "{msg}");
            assert!(config(&["p.md", flag, "1"], true).is_ok());
        }
    }

    #[test]
    fn an_unknown_extension_is_an_error_with_a_hint() {
        let e = config(&["p.md", "-o", "cv.odt"], true).unwrap_err();
        let msg = format!("{e:#}");
        assert!(msg.contains("cv.odt") && msg.contains("hint:"), "{msg}");
        let c = config(&["p.md", "-o", "cv.docx"], true).unwrap();
        assert_eq!(c.formats, [Format::Docx]);
        assert!(config(&["p.md", "-o", "cv"], true).is_err());
    }

    #[test]
    fn markdown_goes_to_a_pipe_and_files_to_out() {
        assert_eq!(config(&["p.md"], false).unwrap().output, Output::Stdout);
        assert_eq!(
            config(&["p.md"], true).unwrap().output,
            Output::Dir("out".into())
        );
        assert_eq!(
            config(&["p.md", "-f", "pdf"], false).unwrap().output,
            Output::Dir("out".into())
        );
        assert_eq!(
            config(&["-", "-o", "-", "-f", "pdf"], true).unwrap().output,
            Output::Stdout
        );
    }

    #[test]
    fn several_formats_need_a_folder() {
        let e = config(&["p.md", "-f", "md,pdf", "-o", "cv.md"], true).unwrap_err();
        assert!(format!("{e:#}").contains("hint: pass -o with a folder"));
        let c = config(&["p.md", "-f", "md,pdf,md", "-o", "cvs/"], true).unwrap();
        assert_eq!(c.formats, [Format::Markdown, Format::Pdf]);
        assert_eq!(c.output, Output::Dir("cvs/".into()));
    }

    #[test]
    fn the_profile_is_p_then_tailor_profile_then_the_local_file() {
        let none = |_: &Path| false;
        let all = |_: &Path| true;
        let env = || Some(std::ffi::OsString::from("/home/me/cv.yaml"));
        let p = resolve_profile(Some(Path::new("mine.yaml")), env(), none).unwrap();
        assert_eq!(p, Path::new("mine.yaml"));
        assert_eq!(
            resolve_profile(None, env(), all).unwrap(),
            Path::new("/home/me/cv.yaml")
        );
        assert_eq!(
            resolve_profile(None, Some("".into()), all).unwrap(),
            Path::new("profile.yaml")
        );
        assert_eq!(
            resolve_profile(None, None, all).unwrap(),
            Path::new("profile.yaml")
        );
        let e = format!("{:#}", resolve_profile(None, env(), none).unwrap_err());
        assert!(
            e.starts_with("TAILOR_PROFILE names /home/me/cv.yaml, which does not exist\nhint:"),
            "{e}"
        );
        let e = format!("{:#}", resolve_profile(None, None, none).unwrap_err());
        assert!(
            e.starts_with(
                "no profile: TAILOR_PROFILE is not set and there is no profile.yaml \
                 in the current folder\nhint: pass -p FILE"
            ),
            "{e}"
        );
    }

    #[test]
    fn recursive_needs_a_folder() {
        assert!(config(&["p.md", "-r"], true).is_err());
    }
}
