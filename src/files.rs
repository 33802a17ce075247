//! The files tailor reads and writes: postings in (a file or standard
//! input), résumés out, each written whole or not at all.
//!
//! What a posting says is `posting`'s business; what goes in a résumé is
//! `build`'s. This module only names, reads and writes files.

use std::collections::HashMap;
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use crate::posting::{self, Posting};

/// The largest posting tailor reads. A posting is tens of kilobytes, a
/// saved web page with its scripts a few megabytes; more is the wrong file
/// (or a device that never ends), and reading stops there.
pub const MAX_POSTING_BYTES: u64 = 8 * 1024 * 1024;

/// Reads and analyses a posting from a file, or stdin for `-`.
pub fn read_posting(path: &Path) -> Result<Posting> {
    let (bytes, name) = if path.as_os_str() == "-" {
        let stdin = std::io::stdin();
        if stdin.is_terminal() {
            let _ = writeln!(
                std::io::stderr(),
                "reading the posting from standard input (end with Ctrl-D)…"
            );
        }
        let name = "<stdin>";
        let bytes = read_limited(stdin.lock(), name, 0)
            .context("failed to read the posting from standard input")?;
        (bytes, name.to_owned())
    } else {
        let name = path.display().to_string();
        if is_url(&name) && !occupied(path) {
            bail!(
                "{name}: tailor does not fetch URLs; save the page or paste its text\n\
                 hint: save the page as posting.html and pass that file, or paste the text into `tailor build -`"
            );
        }
        if path.is_dir() {
            bail!(
                "{name} is a folder, not a posting\nhint: `tailor build {name}` does every posting in it"
            );
        }
        let context = || format!("failed to read posting {name}");
        let file = std::fs::File::open(path).with_context(context)?;
        // A named pipe (`<(curl …)`) or a device is read too, up to the
        // limit; the size of a regular file is known before reading.
        let len = file.metadata().with_context(context)?.len();
        if len > MAX_POSTING_BYTES {
            bail!(too_big(&name, Some(len)));
        }
        (read_limited(file, &name, len).with_context(context)?, name)
    };
    posting_from_bytes(&bytes, &name)
}

/// Reads at most [`MAX_POSTING_BYTES`]; more is an error, found without
/// reading further. `size`, when known, sizes the buffer: one read call,
/// not a dozen doubling ones.
fn read_limited(r: impl Read, name: &str, size: u64) -> Result<Vec<u8>> {
    let mut buf = Vec::with_capacity(usize::try_from(size.min(MAX_POSTING_BYTES))?);
    r.take(MAX_POSTING_BYTES + 1).read_to_end(&mut buf)?;
    if buf.len() as u64 > MAX_POSTING_BYTES {
        bail!(too_big(name, None));
    }
    Ok(buf)
}

/// The message for a posting over [`MAX_POSTING_BYTES`].
fn too_big(name: &str, len: Option<u64>) -> String {
    let size = match len {
        Some(len) => format!("is {:.1} MB", len as f64 / 1e6),
        None => "goes on past".to_owned(),
    };
    format!(
        "{name}: the posting {size}, more than the {} MB a posting may be\n\
         hint: is this the right file? A posting is text of tens of kilobytes",
        MAX_POSTING_BYTES / (1024 * 1024)
    )
}

/// Whether a posting argument is a web address.
fn is_url(arg: &str) -> bool {
    let lower = arg.get(..8).unwrap_or(arg).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("www.")
}

/// Decodes and analyses posting bytes; errors name the source.
///
/// A PDF or a Word document is named as such, with how to get its text,
/// rather than refused as binary or, for an uncompressed PDF, scored as
/// text.
pub fn posting_from_bytes(bytes: &[u8], name: &str) -> Result<Posting> {
    let start = bytes.trim_ascii_start();
    if start.starts_with(b"%PDF") {
        let file = if name == "<stdin>" {
            "posting.pdf"
        } else {
            name
        };
        bail!(
            "{name}: this is a PDF; tailor reads text\n\
             hint: try `pdftotext {file}` and pass the .txt file it writes"
        );
    }
    if start.starts_with(b"PK\x03\x04") || start.starts_with(b"\xd0\xcf\x11\xe0") {
        bail!(
            "{name}: this is a Word document or another packed file; tailor reads text\n\
             hint: save it as plain text (.txt) or copy its text into `tailor build -`"
        );
    }
    let text = posting::decode(bytes).map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
    posting::analyse(&text, name).map_err(|e| anyhow::anyhow!("{name}: {e}"))
}

/// Writes `bytes` to standard output and flushes it; an error names it
/// ("failed to write to standard output: No space left on device").
pub fn to_stdout(bytes: &[u8]) -> Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .context("failed to write to standard output")
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

pub(crate) fn create_parent(path: &Path) -> Result<()> {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => std::fs::create_dir_all(d)
            .with_context(|| format!("failed to create folder {}", d.display())),
        _ => Ok(()),
    }
}

/// Temporary files being written, removed by the Ctrl-C handler so an
/// interrupted run leaves nothing half-written behind.
static IN_FLIGHT: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

/// On Ctrl-C, SIGTERM or SIGHUP: remove the temporary files being written,
/// then exit as shells expect (130, 143, 129: 128 and the signal's
/// number). Finished files stay; unfinished ones never appear under their
/// real names. Call it first thing, before any thread starts.
pub fn clean_up_on_interrupt() {
    #[cfg(unix)]
    exit_on_signal();
    // Failing to install the handler only loses the clean-up.
    #[cfg(not(unix))]
    let _ = ctrlc::set_handler(|| stop("interrupted", 130));
}

/// SIGINT, SIGTERM and SIGHUP are blocked in this thread, so in every
/// thread started after it, and one thread of their own waits for them:
/// one thread for the three (ctrlc's handler took a thread of its own for
/// Ctrl-C, and could not tell SIGTERM from it), which a one-posting run
/// pays for in its start-up time.
#[cfg(unix)]
fn exit_on_signal() {
    use nix::sys::signal::{SigSet, Signal};
    let mut set = SigSet::empty();
    set.add(Signal::SIGINT);
    set.add(Signal::SIGTERM);
    set.add(Signal::SIGHUP);
    if set.thread_block().is_err() {
        return;
    }
    let waiter = std::thread::Builder::new().spawn(move || {
        if let Ok(signal) = set.wait() {
            let what = match signal {
                Signal::SIGINT => "interrupted",
                Signal::SIGHUP => "hung up",
                _ => "terminated",
            };
            stop(what, 128 + signal as i32);
        }
        // The wait failed: this thread takes the signals unblocked, and
        // they act as they would have (only the clean-up is lost).
        let _ = set.thread_unblock();
        loop {
            std::thread::park();
        }
    });
    // Without a thread to take them, the signals act as they would have:
    // only the clean-up is lost.
    if waiter.is_err() {
        let _ = set.thread_unblock();
    }
}

/// Removes the temporary files being written and exits with `code`.
fn stop(what: &str, code: i32) -> ! {
    let files = IN_FLIGHT.lock().unwrap_or_else(|e| e.into_inner());
    for f in files.iter() {
        let _ = std::fs::remove_file(f);
    }
    // Standard error may be closed or full: the exit code still says it.
    let _ = writeln!(std::io::stderr(), "{what}");
    std::process::exit(code);
}

/// Creates `path` exclusively (`O_EXCL`, never through a link) and records
/// it for the Ctrl-C handler, under its lock, so an interrupt either finds
/// the file or comes before it exists: the batch's lock file.
pub(crate) fn create_removed_on_interrupt(path: &Path) -> std::io::Result<std::fs::File> {
    let mut files = IN_FLIGHT.lock().unwrap_or_else(|e| e.into_inner());
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    files.push(path.to_owned());
    Ok(file)
}

/// Stops the Ctrl-C handler removing `path` (before it is removed anyway).
pub(crate) fn forget_on_interrupt(path: &Path) {
    let mut files = IN_FLIGHT.lock().unwrap_or_else(|e| e.into_inner());
    files.retain(|f| f != path);
}

/// Writes a file whole or not at all: a temporary file beside it, renamed
/// over `path`.
///
/// The temporary file gets an unpredictable name and is created
/// exclusively (`O_EXCL`), so a link planted beside `path` is never
/// followed; the rename replaces `path` itself, never what a link there
/// points to. A file replaced keeps its permissions (0600 stays 0600); a
/// new one gets the usual ones (0666 less the umask).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomic_all(&[(path.to_owned(), bytes)])
}

/// Writes several files as [`write_atomic`] does, all or none: every one is
/// written in full beside its place before any is renamed into it, so a
/// full disk leaves none of them (a failing rename, which writes nothing,
/// is all that could split them).
pub fn write_atomic_all(files: &[(PathBuf, &[u8])]) -> Result<()> {
    let mut staged = Vec::new();
    let mut made = Vec::new();
    let result = (|| {
        for (path, bytes) in files {
            let tmp = stage(path, bytes, &mut made)
                .with_context(|| format!("failed to write {}", path.display()))?;
            staged.push((tmp, path));
        }
        // A folder in a file's place would fail its rename after others
        // succeeded: refuse before any.
        if let Some((_, path)) = staged.iter().find(|(_, p)| p.is_dir()) {
            bail!(
                "failed to write {}: a folder is in its place",
                path.display()
            );
        }
        for (tmp, path) in staged.drain(..) {
            // On failure the temporary file is dropped, which removes it.
            tmp.persist(path)
                .map_err(|e| e.error)
                .with_context(|| format!("failed to write {}", path.display()))?;
        }
        Ok(())
    })();
    // Dropped here, the unrenamed temporary files are removed.
    drop(staged);
    let mut in_flight = IN_FLIGHT.lock().unwrap_or_else(|e| e.into_inner());
    in_flight.retain(|f| !made.contains(f));
    result
}

/// `bytes` in a new temporary file beside `path`, with the permissions of
/// the file it will replace; its path is recorded for the Ctrl-C handler
/// and in `made`.
fn stage(path: &Path, bytes: &[u8], made: &mut Vec<PathBuf>) -> Result<tempfile::NamedTempFile> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .with_context(|| format!("{} is not a file name", path.display()))?;
    let replaced = std::fs::symlink_metadata(path)
        .ok()
        .filter(|m| m.is_file())
        .map(|m| m.permissions());
    let prefix = format!(".{}.", name.to_string_lossy());
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    // Created and recorded under the lock, so the Ctrl-C handler either
    // sees the file or runs before it exists.
    let mut tmp = {
        let mut files = IN_FLIGHT.lock().unwrap_or_else(|e| e.into_inner());
        let tmp = builder.tempfile_in(dir)?;
        files.push(tmp.path().to_owned());
        made.push(tmp.path().to_owned());
        tmp
    };
    if let Some(perms) = replaced {
        tmp.as_file().set_permissions(perms)?;
    }
    // No fsync: the rename is what makes the file appear whole; a
    // thousand fsyncs would triple a batch's time for crash-safety
    // build tools do not promise either.
    tmp.write_all(bytes)?;
    Ok(tmp)
}

/// Whether something is at `path`: a file, a folder, or a link, even one
/// that points nowhere (which `Path::exists` says is not there).
pub fn occupied(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok()
}

/// The files a run reads: the profile and the postings. tailor never
/// writes over them, whatever the flags, `--force` included.
#[derive(Debug, Default)]
pub struct Inputs {
    by_id: HashMap<FileId, (PathBuf, &'static str)>,
}

impl Inputs {
    /// Records `path` as read; `what` names it in errors ("posting").
    /// Both the path and, for a link, the file it points to count.
    pub fn add(&mut self, path: &Path, what: &'static str) {
        let ids = [
            std::fs::metadata(path).ok(),
            std::fs::symlink_metadata(path).ok(),
        ];
        for m in ids.iter().flatten() {
            if let Some(id) = file_id(m, path) {
                self.by_id.insert(id, (path.to_owned(), what));
            }
        }
    }

    /// An error naming the input if writing `out` would replace one.
    pub fn check(&self, out: &Path) -> Result<()> {
        let Some(id) = std::fs::symlink_metadata(out)
            .ok()
            .and_then(|m| file_id(&m, out))
        else {
            return Ok(());
        };
        let Some((input, what)) = self.by_id.get(&id) else {
            return Ok(());
        };
        let which = if input == out {
            format!("over the {what} {}", input.display())
        } else {
            format!("{}: it is the {what} {}", out.display(), input.display())
        };
        bail!(
            "refusing to write {which}; tailor never writes over its inputs, even with --force\n\
             hint: pass -o another file or folder"
        )
    }
}

/// What makes two paths the same file.
#[cfg(unix)]
type FileId = (u64, u64);
#[cfg(not(unix))]
type FileId = PathBuf;

#[cfg(unix)]
fn file_id(m: &std::fs::Metadata, _path: &Path) -> Option<FileId> {
    use std::os::unix::fs::MetadataExt;
    Some((m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn file_id(_m: &std::fs::Metadata, path: &Path) -> Option<FileId> {
    std::fs::canonicalize(path).ok()
}

/// Whether two paths name the same existing file or folder.
pub fn same_file(a: &Path, b: &Path) -> bool {
    let id = |p: &Path| std::fs::metadata(p).ok().and_then(|m| file_id(&m, p));
    matches!((id(a), id(b)), (Some(x), Some(y)) if x == y)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn write_atomic_never_follows_a_link_planted_at_a_temporary_name() {
        // Issue 13, 3: the temporary file was `.{name}.{pid}.tmp`, opened
        // with `File::create`, so a link planted there was written through.
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        std::fs::write(&victim, "keep").unwrap();
        let planted = dir
            .path()
            .join(format!(".cv.md.{}.tmp", std::process::id()));
        std::os::unix::fs::symlink(&victim, &planted).unwrap();
        let cv = dir.path().join("cv.md");
        write_atomic(&cv, b"resume\n").unwrap();
        assert_eq!(std::fs::read(&victim).unwrap(), b"keep");
        assert_eq!(std::fs::read(&cv).unwrap(), b"resume\n");
        // Nothing left behind but the planted link.
        let mut names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        let planted = planted.file_name().unwrap().to_string_lossy().into_owned();
        assert_eq!(names, [planted, "cv.md".to_owned(), "victim".to_owned()]);
    }

    #[cfg(unix)]
    #[test]
    fn a_replaced_file_keeps_its_permissions_and_a_new_one_gets_the_usual() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        let old = dir.path().join("old.md");
        std::fs::write(&old, "x").unwrap();
        std::fs::set_permissions(&old, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&old, b"y").unwrap();
        assert_eq!(mode(&old), 0o640);
        // What `File::create` would give under this process's umask.
        let plain = dir.path().join("plain");
        std::fs::File::create(&plain).unwrap();
        let new = dir.path().join("new.md");
        write_atomic(&new, b"y").unwrap();
        assert_eq!(mode(&new), mode(&plain));
    }

    #[test]
    fn write_atomic_all_writes_every_file_or_none() {
        // Issue 13, 12: index.md was written and index.json was not.
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("index.md");
        let names = || -> Vec<String> {
            let mut v: Vec<String> = std::fs::read_dir(dir.path())
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect();
            v.sort();
            v
        };
        // The second cannot be staged (no such folder): neither appears.
        let missing = dir.path().join("gone/index.json");
        let err = write_atomic_all(&[(a.clone(), b"a"), (missing, b"b")]).unwrap_err();
        assert!(format!("{err:#}").contains("gone/index.json"), "{err:#}");
        assert!(names().is_empty(), "{:?}", names());
        // A folder in the second's place: refused before the first's rename.
        std::fs::create_dir(dir.path().join("index.json")).unwrap();
        let b = dir.path().join("index.json");
        let err = write_atomic_all(&[(a.clone(), b"a"), (b.clone(), b"b")]).unwrap_err();
        assert!(
            format!("{err:#}").contains("a folder is in its place"),
            "{err:#}"
        );
        assert_eq!(names(), ["index.json"]);
        std::fs::remove_dir(&b).unwrap();
        write_atomic_all(&[(a.clone(), b"a"), (b.clone(), b"b")]).unwrap();
        assert_eq!(names(), ["index.json", "index.md"]);
        // Nothing of ours left for the Ctrl-C handler (other tests may be
        // writing elsewhere meanwhile).
        let in_flight = IN_FLIGHT.lock().unwrap();
        assert!(in_flight.iter().all(|f| !f.starts_with(dir.path())));
    }

    #[test]
    fn an_input_is_refused_by_any_name_and_other_files_pass() {
        let dir = tempfile::tempdir().unwrap();
        let posting = dir.path().join("p.txt");
        std::fs::write(&posting, "x").unwrap();
        let mut inputs = Inputs::default();
        inputs.add(&posting, "posting");
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        let again = dir.path().join("sub/../p.txt");
        let err = inputs.check(&again).unwrap_err().to_string();
        assert!(err.contains("it is the posting"), "{err}");
        assert!(inputs.check(&dir.path().join("q.txt")).is_ok());
        #[cfg(unix)]
        {
            // A link to the posting may be replaced: the posting is not.
            let link = dir.path().join("link.txt");
            std::os::unix::fs::symlink(&posting, &link).unwrap();
            assert!(inputs.check(&link).is_ok());
            // A posting given as a link: neither the link nor its target.
            let mut inputs = Inputs::default();
            inputs.add(&link, "posting");
            assert!(inputs.check(&link).is_err());
            assert!(inputs.check(&posting).is_err());
        }
    }
}
