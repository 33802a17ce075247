//! The output folder's lock: one batch at a time writes into a folder.
//!
//! A batch creates `.tailor.lock` in its output folder exclusively
//! (`O_EXCL`), writes its process id into it, and removes it when it ends,
//! on an error and on Ctrl-C, SIGTERM or SIGHUP (the handler in `files`
//! removes it with the temporary files). A second run into the same folder
//! is refused with an error naming the folder and the lock, before it
//! writes anything. A lock whose process is gone (a run killed with
//! SIGKILL, a power cut) is stale: the next run takes it over with a note.
//! Whether a process is alive is read from `/proc/<pid>` on Linux and asked
//! of the kernel (`kill(pid, 0)`) on other Unix systems; elsewhere a lock is
//! always taken to be held.
//!
//! Which folder is locked, and when, is `batch`'s business.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

/// The lock's file name in the output folder (hidden, so never read as a
/// posting).
pub const LOCK_FILE: &str = ".tailor.lock";

/// A held lock; dropping it removes the file.
#[derive(Debug)]
pub struct Lock {
    path: PathBuf,
}

/// How taking the lock went, for the caller to report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Taken {
    /// The folder was free.
    Free,
    /// A lock left by process `pid`, no longer running, was replaced.
    Stale { pid: u32 },
}

impl Lock {
    /// Takes the lock of folder `dir`, which must exist.
    ///
    /// An error names the folder and the lock file when another live run
    /// holds it, or when the lock cannot be created (a read-only folder).
    pub fn take(dir: &Path) -> Result<(Lock, Taken)> {
        let path = dir.join(LOCK_FILE);
        let mut taken = Taken::Free;
        // Twice at most: once, and once more after removing a stale lock.
        for _ in 0..2 {
            match crate::files::create_removed_on_interrupt(&path) {
                Ok(mut file) => {
                    let lock = Lock { path };
                    // The pid is what lets a later run tell a stale lock;
                    // without it the lock still holds, it just cannot be
                    // taken over automatically.
                    let _ = writeln!(file, "{}", std::process::id());
                    return Ok((lock, taken));
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    let holder = std::fs::read_to_string(&path)
                        .ok()
                        .and_then(|s| s.trim().parse::<u32>().ok());
                    match holder {
                        Some(pid) if is_dead(pid) == Some(true) => {
                            std::fs::remove_file(&path).with_context(|| {
                                format!("failed to remove the stale lock {}", path.display())
                            })?;
                            taken = Taken::Stale { pid };
                        }
                        _ => bail!(
                            "another tailor run is writing to {} (lock {}{}); wait for it \
                             or remove the lock if no run is active\n\
                             hint: or pass -o another folder",
                            folder(dir),
                            path.display(),
                            holder.map_or_else(String::new, |pid| format!(", process {pid}"))
                        ),
                    }
                }
                Err(e) => {
                    return Err(e).with_context(|| {
                        format!(
                            "failed to create the lock {} in the output folder",
                            path.display()
                        )
                    })
                }
            }
        }
        bail!(
            "another tailor run is writing to {} (lock {}); wait for it or remove the lock \
             if no run is active",
            folder(dir),
            path.display()
        )
    }

    /// The lock file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        crate::files::forget_on_interrupt(&self.path);
        let _ = std::fs::remove_file(&self.path);
    }
}

/// `dir` as the messages show it: with a trailing slash, as a folder.
fn folder(dir: &Path) -> String {
    let s = dir.display().to_string();
    if s.ends_with('/') {
        s
    } else {
        format!("{s}/")
    }
}

/// Whether process `pid` has ended: `Some(true)` when it surely has,
/// `None` when this system cannot tell.
fn is_dead(pid: u32) -> Option<bool> {
    if pid == 0 {
        return None;
    }
    if Path::new("/proc/self").exists() {
        return Some(!Path::new("/proc").join(pid.to_string()).exists());
    }
    #[cfg(unix)]
    {
        use nix::errno::Errno;
        use nix::sys::signal::kill;
        use nix::unistd::Pid;
        let pid = i32::try_from(pid).ok()?;
        match kill(Pid::from_raw(pid), None) {
            Err(Errno::ESRCH) => Some(true),
            _ => Some(false),
        }
    }
    #[cfg(not(unix))]
    {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_on_a_folder_is_refused_naming_it_and_freed_on_drop() {
        let dir = tempfile::tempdir().unwrap();
        let (lock, taken) = Lock::take(dir.path()).unwrap();
        assert_eq!(taken, Taken::Free);
        let pid = std::fs::read_to_string(lock.path()).unwrap();
        assert_eq!(pid.trim(), std::process::id().to_string());
        let err = format!("{:#}", Lock::take(dir.path()).unwrap_err());
        assert!(
            err.starts_with("another tailor run is writing to "),
            "{err}"
        );
        assert!(err.contains(LOCK_FILE), "{err}");
        assert!(err.contains("remove the lock if no run is active"), "{err}");
        drop(lock);
        assert!(!dir.path().join(LOCK_FILE).exists());
        let (_again, taken) = Lock::take(dir.path()).unwrap();
        assert_eq!(taken, Taken::Free);
    }

    #[test]
    fn a_lock_of_a_process_that_is_gone_is_taken_over() {
        let dir = tempfile::tempdir().unwrap();
        // A child that has exited and been waited for: its pid is free.
        let Ok(mut child) = std::process::Command::new("true").spawn() else {
            eprintln!("note: no `true` command here; stale-lock check skipped");
            return;
        };
        let pid = child.id();
        child.wait().unwrap();
        std::fs::write(dir.path().join(LOCK_FILE), format!("{pid}\n")).unwrap();
        if is_dead(pid) != Some(true) {
            eprintln!("note: cannot tell dead processes here; stale-lock check skipped");
            return;
        }
        let (lock, taken) = Lock::take(dir.path()).unwrap();
        assert_eq!(taken, Taken::Stale { pid });
        let now = std::fs::read_to_string(lock.path()).unwrap();
        assert_eq!(now.trim(), std::process::id().to_string());
    }

    #[test]
    fn a_lock_without_a_pid_is_held() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(LOCK_FILE), "").unwrap();
        assert!(Lock::take(dir.path()).is_err());
        // Still there: it was not ours to remove.
        assert!(dir.path().join(LOCK_FILE).exists());
    }
}
