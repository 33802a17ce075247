//! The command line, as clap derive types. Doc comments are the help text.
//!
//! Nothing here does work: `config` turns these into validated settings and
//! `app` runs them.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Tailor a résumé to a job posting from one master profile.
///
/// tailor reads a job posting, finds the hard skills it asks for, finds the
/// evidence for each in your profile, and writes a résumé made only of your
/// own profile text, chosen and ordered for that posting.
#[derive(Debug, Parser)]
#[command(name = "tailor", version, about, long_about, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// When to colour the report and messages: auto (on a terminal, unless
    /// NO_COLOR is set), always, or never
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,
    /// Parse the profile every run: neither read nor write the cache of
    /// parsed profiles (also TAILOR_NO_CACHE=1). The cache is in
    /// $TAILOR_CACHE_DIR, else $XDG_CACHE_HOME/tailor, else ~/.cache/tailor
    #[arg(long, global = true)]
    pub no_cache: bool,
}

/// `--color`'s values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write a tailored résumé for a posting, or one each for several or a folder
    Build(BuildArgs),
    /// Report how well the profile matches a posting (or several, best first)
    Match(MatchArgs),
    /// Validate a profile and report every problem
    Check(CheckArgs),
    /// Convert Markdown skills matrices into a profile
    Import(ImportArgs),
    /// Write a commented starter profile to fill in
    Init(InitArgs),
    /// Print a shell completion script on standard output
    Completions(CompletionsArgs),
    /// Print the man page (roff) on standard output
    Man(ManArgs),
    /// Print the JSON Schema of profile.yaml on standard output (for editors)
    Schema,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Where to write it (a folder gets a profile.yaml; - prints it)
    #[arg(value_name = "PATH", default_value = "profile.yaml")]
    pub path: PathBuf,
    /// Replace the file if it exists
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// A command's own page (tailor-build(1)) instead of tailor(1)
    #[arg(value_name = "COMMAND")]
    pub command: Option<String>,
}

#[derive(Debug, Args)]
pub struct ProfileArg {
    /// The master profile [default: $TAILOR_PROFILE, else ./profile.yaml]
    #[arg(long, short = 'p', value_name = "FILE")]
    pub profile: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct MatchArgs {
    /// A posting file (text, Markdown or HTML), or - for standard input;
    /// several postings or folders give one report each, best fit first
    #[arg(value_name = "POSTING|DIR|-", required = true, num_args = 1..)]
    pub posting: Vec<PathBuf>,
    #[command(flatten)]
    pub profile: ProfileArg,
    /// Print the report as one JSON object
    #[arg(long, conflicts_with = "explain")]
    pub json: bool,
    /// Show each bullet's term contributions
    #[arg(long)]
    pub explain: bool,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// A posting file, a folder of postings, or - for standard input;
    /// several postings or folders make one batch, ranked in one index
    #[arg(value_name = "POSTING|DIR|-", required = true, num_args = 1..)]
    pub posting: Vec<PathBuf>,
    #[command(flatten)]
    pub profile: ProfileArg,
    /// Output format(s), comma-separated: md, pdf, docx, html, txt, json-resume
    /// [default: from -o's extension, else md]
    #[arg(long, short = 'f', value_name = "FORMAT", value_delimiter = ',')]
    pub format: Vec<FormatArg>,
    /// Output file (one posting) or folder (a folder of postings)
    /// [default: out/SLUG.EXT, or stdout for Markdown when stdout is a pipe]
    #[arg(long, short = 'o', value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Paper size for PDF
    #[arg(long, value_enum, default_value_t = Paper::A4)]
    pub paper: Paper,
    /// Fit the résumé to at most N pages, dropping the least relevant bullets
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=10))]
    pub pages: Option<u32>,
    /// Most bullets per project
    #[arg(long, value_name = "N", default_value_t = 5)]
    pub max_bullets_per_project: usize,
    /// Most bullets in total
    #[arg(long, value_name = "N", default_value_t = 16)]
    pub max_bullets: usize,
    /// Most projects
    #[arg(long, value_name = "N", default_value_t = 5)]
    pub max_projects: usize,
    /// Replace files that already exist
    #[arg(long)]
    pub force: bool,
    /// Include postings in subfolders (with a folder)
    #[arg(long, short = 'r')]
    pub recursive: bool,
    /// Print nothing but errors
    #[arg(long, short = 'q', conflicts_with = "explain")]
    pub quiet: bool,
    /// Also say why each bullet and the summary were chosen (on stderr)
    #[arg(long)]
    pub explain: bool,
    /// Open with the profile summary of this id instead of the best fit
    #[arg(long, value_name = "ID")]
    pub summary: Option<String>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The profile to check, or - for standard input
    /// [default: $TAILOR_PROFILE, else ./profile.yaml]
    #[arg(value_name = "PROFILE|-")]
    pub profile: Option<PathBuf>,
    /// Also list, per bullet, the concept tags its text and tags imply
    /// through the skill graph (Prometheus -> Observability) that its tags
    /// do not name
    #[arg(long)]
    pub suggest_tags: bool,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Skills-matrix Markdown files, merged into one profile in the order
    /// given; - reads one from standard input
    #[arg(value_name = "FILE|-", required = true)]
    pub files: Vec<PathBuf>,
    /// Where to write the profile [default: stdout]
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace the output file if it exists
    #[arg(long)]
    pub force: bool,
}

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, ValueEnum)]
pub enum FormatArg {
    #[value(name = "md", alias = "markdown")]
    Markdown,
    Pdf,
    /// Word (.docx)
    Docx,
    Html,
    #[value(name = "txt", alias = "text")]
    Text,
    #[value(name = "json-resume")]
    JsonResume,
}

/// A paper size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Paper {
    #[default]
    A4,
    Letter,
}
