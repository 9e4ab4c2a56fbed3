//! How a path the user gives becomes a file (SPEC §16, "a path is a path"). The one place
//! that decides it; every command that writes a file comes here.
//!
//! - **A new file** ([`NewFile`]): the destination must not exist, not even as a link (a
//!   dangling or live symlink is refused, never followed). The content is written to a private
//!   temporary name beside it, `.NAME.mh51-tmp-PID` (created exclusively, mode 0600), synced,
//!   and then hard-linked to the destination — a link never replaces an existing name, so a
//!   file that appeared meanwhile is refused, not overwritten — and the temporary name is
//!   removed. A command that fails drops its `NewFile`, which removes the temporary file with
//!   any journal SQLite left beside it: nothing is left at the destination. A command killed
//!   (SIGKILL) leaves either the whole file at the destination or nothing there; at worst a
//!   leftover `.NAME.mh51-tmp-PID` (and its `-wal`/`-shm`/`-journal`), which is never read
//!   by mh51 and may be deleted. The temporary copy of an encrypted register (backup,
//!   extract, migration copy) is encrypted like the copy; the one of `decrypt -o` is the plain
//!   copy that command writes by design.
//! - **Read commands' `-o`** ([`create_output`]): the same, held until the command ends;
//!   `cmd::run` links them into place when the command succeeds and removes them when it fails.
//! - **SQLite never sees a URI** ([`for_sqlite`]): the bundled SQLite is built with
//!   `SQLITE_USE_URI`, so a name beginning `file:` (`file:other.db?mode=rw`) would be read as
//!   a URI, also in `ATTACH`. Every name handed to SQLite is made absolute first (an absolute
//!   path begins with `/`, or a drive or `\\` on Windows), so it is always a file name: a file
//!   called `file:x.db?mode=rw` in the current folder is just that file.
//! - **An existing register** ([`real`]) is resolved once, at open, to the file it names
//!   (symlinks followed), so commands that replace the file (`encrypt`, `rekey`) replace the
//!   real file and the link keeps working, and no plaintext stays at the link's target.
//!
//! Where hard links are impossible (some network or FAT file systems) the temporary file is
//! renamed instead, after checking the destination is still free: on those file systems two
//! commands writing the same new name in the same instant could race.

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use anyhow::{Context, Result};

use crate::platform::OpenOptionsExt;

/// The refusal of a path that is already taken (a file, a folder, or a link even to nothing).
pub fn refuse_taken(path: &Path) -> Result<()> {
    if std::fs::symlink_metadata(path).is_ok() {
        return Err(taken(path));
    }
    Ok(())
}

fn taken(path: &Path) -> anyhow::Error {
    crate::refusal_w!("file-exists-never-overwrite", path = path.display().to_string()).into()
}

/// `path` as an absolute path, for SQLite: never read as a URI.
pub fn for_sqlite(path: &Path) -> Result<PathBuf> {
    if path.is_absolute() {
        return Ok(path.to_path_buf());
    }
    let cwd = std::env::current_dir().context("reading the current folder")?;
    Ok(cwd.join(path))
}

/// The real file an existing path names (links followed), absolute; the path as given, made
/// absolute, when it cannot be resolved (a missing file is refused by the caller).
pub fn real(path: &Path) -> Result<PathBuf> {
    match std::fs::canonicalize(path) {
        Ok(p) => Ok(p),
        Err(_) => for_sqlite(path),
    }
}

/// The folder a new file goes in, resolved (absolute), and the file's own name.
fn split(dest: &Path) -> Result<(PathBuf, std::ffi::OsString)> {
    let Some(name) = dest.file_name().filter(|n| !n.is_empty()) else {
        crate::refuse_w!("not-a-file-name", path = dest.display().to_string());
    };
    let parent = dest.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let dir = match std::fs::canonicalize(parent) {
        Ok(d) if d.is_dir() => d,
        _ => crate::refuse_w!(
            "folder-does-not-exist",
            folder = parent.display().to_string(),
            path = dest.display().to_string()
        ),
    };
    Ok((dir, name.to_owned()))
}

/// A new file being written under a private temporary name, linked to its destination by
/// [`NewFile::commit`]; removed when dropped uncommitted.
#[derive(Debug)]
pub struct NewFile {
    /// The destination as the user typed it (for messages).
    shown: PathBuf,
    /// The destination, absolute.
    dest: PathBuf,
    tmp: PathBuf,
    done: bool,
}

/// The suffix that marks mh51's temporary files: `.NAME.mh51-tmp-PID`.
pub const TMP_MARK: &str = ".mh51-tmp-";

impl NewFile {
    /// Refuse a taken `dest`, then create its private temporary file (exclusive, 0600).
    pub fn create(dest: &Path) -> Result<(NewFile, File)> {
        refuse_taken(dest)?;
        let (dir, name) = split(dest)?;
        let pid = std::process::id();
        let mut n = 0u32;
        loop {
            let mut t = std::ffi::OsString::from(".");
            t.push(&name);
            t.push(format!("{TMP_MARK}{pid}"));
            if n > 0 {
                t.push(format!("-{n}"));
            }
            let tmp = dir.join(&t);
            match OpenOptions::new().write(true).create_new(true).mode(0o600).open(&tmp) {
                Ok(f) => {
                    let nf = NewFile { shown: dest.to_path_buf(), dest: dir.join(&name), tmp, done: false };
                    return Ok((nf, f));
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && n < 1000 => n += 1,
                Err(e) => return Err(e).with_context(|| format!("creating a file beside {}", dest.display())),
            }
        }
    }

    /// The temporary file being written (absolute: safe to hand to SQLite).
    pub fn tmp(&self) -> &Path {
        &self.tmp
    }

    /// The destination, absolute.
    pub fn dest(&self) -> &Path {
        &self.dest
    }

    /// Sync the temporary file and put it in place at the destination without ever replacing
    /// an existing file; then the temporary name is gone.
    pub fn commit(mut self) -> Result<()> {
        // Opened for writing: Windows refuses to flush a read-only handle.
        OpenOptions::new()
            .write(true)
            .open(&self.tmp)
            .and_then(|f| f.sync_all())
            .with_context(|| format!("writing {}", self.shown.display()))?;
        match std::fs::hard_link(&self.tmp, &self.dest) {
            Ok(()) => {
                let _ = std::fs::remove_file(&self.tmp);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => return Err(taken(&self.shown)),
            Err(_) => {
                // No hard links here (see the module docs): rename after a last look.
                refuse_taken(&self.dest).map_err(|_| taken(&self.shown))?;
                std::fs::rename(&self.tmp, &self.dest).with_context(|| format!("writing {}", self.shown.display()))?;
            }
        }
        self.done = true;
        sync_dir(&self.dest);
        Ok(())
    }
}

impl Drop for NewFile {
    fn drop(&mut self) {
        if !self.done {
            for suffix in ["", "-journal", "-wal", "-shm"] {
                let mut p = self.tmp.as_os_str().to_owned();
                p.push(suffix);
                let _ = std::fs::remove_file(p);
            }
        }
    }
}

/// Make a new name in `path`'s folder durable (best effort: the file is whole either way).
pub fn sync_dir(path: &Path) {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        let _ = File::open(dir).and_then(|d| d.sync_all());
    }
}

/// Files of `-o` waiting for their command to end.
static PENDING: Mutex<Vec<NewFile>> = Mutex::new(Vec::new());

/// A new file for a command's `-o`: written under its temporary name, put in place by
/// [`finish_outputs`] when the command succeeds.
pub fn create_output(dest: &Path) -> Result<File> {
    let (nf, f) = NewFile::create(dest)?;
    PENDING.lock().unwrap_or_else(|p| p.into_inner()).push(nf);
    Ok(f)
}

/// The end of a command: on success every pending `-o` file is put in place; on failure
/// (or when one cannot be put in place) all that are still pending are removed.
pub fn finish_outputs(ok: bool) -> Result<()> {
    let pending: Vec<NewFile> = std::mem::take(&mut *PENDING.lock().unwrap_or_else(|p| p.into_inner()));
    if !ok {
        return Ok(());
    }
    // On the first failure the rest are dropped, which removes them.
    for nf in pending {
        nf.commit()?;
    }
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_new_file_appears_only_when_committed_and_never_over_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("out.csv");
        let (nf, mut f) = NewFile::create(&dest).unwrap();
        std::io::Write::write_all(&mut f, b"x").unwrap();
        assert!(!dest.exists());
        assert!(nf.tmp().file_name().unwrap().to_string_lossy().starts_with(".out.csv.mh51-tmp-"));
        nf.commit().unwrap();
        assert_eq!(std::fs::read(&dest).unwrap(), b"x");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary left");

        let (nf, _) = NewFile::create(&dir.path().join("dropped")).unwrap();
        drop(nf);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "a dropped file leaves nothing");

        let link = dir.path().join("link");
        std::os::unix::fs::symlink(dir.path().join("nowhere"), &link).unwrap();
        assert!(NewFile::create(&link).is_err());
        // A name taken between creation and commit is refused, not replaced.
        let late = dir.path().join("late");
        let (nf, _) = NewFile::create(&late).unwrap();
        std::fs::write(&late, b"theirs").unwrap();
        assert!(nf.commit().is_err());
        assert_eq!(std::fs::read(&late).unwrap(), b"theirs");
    }

    #[test]
    fn names_for_sqlite_are_absolute() {
        let p = for_sqlite(Path::new("file:x.db?mode=rw")).unwrap();
        assert!(p.is_absolute() && p.ends_with("file:x.db?mode=rw"));
    }
}

/// Open the destination: stdout, or a new file created 0600 (never overwritten).
pub fn destination(path: Option<&Path>) -> Result<Box<dyn std::io::Write>> {
    match path {
        None => Ok(Box::new(std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock()))),
        Some(p) => Ok(Box::new(std::io::BufWriter::new(create_output(p)?))),
    }
}

/// Create a new file with mode 0600 directly, refusing an existing path (never a link): only
/// for files inside mh51's own private temporary folder (the brief's page and log). A file at
/// a path the user gives goes through [`create_output`] instead.
pub fn create_private(p: &Path) -> Result<std::fs::File> {
    refuse_taken(p)?;
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(p)
        .with_context(|| format!("creating {}", p.display()))
}
