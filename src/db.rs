//! The one way to open a database.
//!
//! # Opening
//! `create` makes a new file (mode 0600, refusing an existing path) and applies the schema;
//! `open` opens an existing file read-write without ever creating one; `open_read_only`
//! uses read-only flags plus `PRAGMA query_only`. Every connection gets the pragmas of
//! SPEC §8: foreign keys on, WAL, `synchronous=FULL`, a busy timeout.
//!
//! # Migrations
//! `schema.sql` is the whole current schema; a new database gets it in one step.
//! `MIGRATIONS` (files in `migrations/`) is an append-only list; entry *i* takes a database
//! from `user_version` *i* to *i+1*. Never edit a shipped migration: add one, and change
//! `schema.sql` to match (a test checks that a fresh and a migrated database have the same
//! schema). Opening checks `user_version` alone
//! (no work proportional to the file's size). A newer database is refused untouched; an
//! older one is first copied beside itself (`FILE.vN.bak`, e.g. `mh51.db.v1.bak`), then migrated in
//! one transaction.
//!
//! # The key (encrypted registers, SPEC §14)
//! A register may be encrypted with SQLCipher 4 (its defaults: AES-256, HMAC-SHA512 per
//! page, PBKDF2-HMAC-SHA512 with 256,000 iterations). Whether a connection needs a key is
//! decided here, from the file itself: a plain SQLite file starts with `SQLite format 3\0`,
//! an encrypted one with random salt. Every function that opens a file takes
//! `Option<&Key>`; for an encrypted file `PRAGMA key` is the first statement on the
//! connection (read-write, read-only, backup destination, migration copy, creation), for a
//! plain file the key is ignored and nothing changes. Where the passphrase comes from
//! (terminal, key file) is `cmd`'s business; it reaches this module only as a `Key`.
//! SQLCipher's own log (which would print "hmac check failed" on stderr for a wrong
//! passphrase) is switched off right after the key is given, on every keyed connection.
//!
//! # Writes
//! Every write command runs in `write`, one `BEGIN IMMEDIATE` transaction that commits only
//! if the whole closure succeeds; dropping it rolls back, so a refused command changes nothing.

use crate::platform::OpenOptionsExt;
use std::fs::OpenOptions;
use std::path::Path;
use std::time::Duration;

use anyhow::{Context, Result};
use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

use crate::{refusal, refuse};

/// The first 16 bytes of every plain SQLite file.
const PLAIN_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// Shortest passphrase accepted for a new key (SPEC §14).
pub const MIN_PASSPHRASE: usize = 12;

/// A passphrase, held only in memory while the command runs and wiped when dropped.
/// `Debug` never shows it.
#[derive(Clone)]
pub struct Key(zeroize::Zeroizing<String>);

impl Key {
    /// A passphrase to open an existing register (any length: a wrong one is refused by
    /// the file itself).
    pub fn new(passphrase: String) -> Key {
        Key(zeroize::Zeroizing::new(passphrase))
    }

    /// A passphrase to encrypt with: at least `MIN_PASSPHRASE` characters.
    pub fn new_passphrase(passphrase: String) -> Result<Key> {
        let key = Key::new(passphrase);
        let n = key.0.chars().count();
        if n < MIN_PASSPHRASE {
            refuse!("the passphrase has {} characters; it needs at least {} (a short sentence is easy to remember and hard to guess)",
                    n, MIN_PASSPHRASE;
                    "cụm mật khẩu có {} ký tự; cần ít nhất {} (một câu ngắn dễ nhớ mà khó đoán)", n, MIN_PASSPHRASE);
        }
        Ok(key)
    }

    fn secret(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Key(…)")
    }
}

/// Whether `path` is an encrypted register: an existing file of at least one header's
/// length that does not start with the plain SQLite header. (A missing or empty file is
/// not encrypted; opening it fails with its own message.)
pub fn is_encrypted(path: &Path) -> Result<bool> {
    use std::io::Read;
    let mut f = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(e).with_context(|| format!("reading {}", path.display())),
    };
    let mut head = [0u8; 16];
    let mut n = 0;
    while n < head.len() {
        match f.read(&mut head[n..]).with_context(|| format!("reading {}", path.display()))? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n == head.len() && &head != PLAIN_HEADER)
}

/// Give `key` to a fresh connection: the first statement on it. SQLCipher's log goes off
/// right after (it is global and set on first use of a key; see the module docs).
fn apply_key(conn: &Connection, key: &Key) -> Result<()> {
    conn.pragma_update(None, "key", key.secret()).context("giving the passphrase to the database")?;
    conn.pragma_update(None, "cipher_log_level", "NONE").context("silencing SQLCipher's log")?;
    Ok(())
}

/// Key a connection to an existing file when the file is encrypted; refuse when it is and
/// no key was given. Returns the key in use (`None` for a plain file, whatever was given).
fn key_existing<'k>(conn: &Connection, path: &Path, key: Option<&'k Key>) -> Result<Option<&'k Key>> {
    if !is_encrypted(path)? {
        return Ok(None);
    }
    match key {
        Some(k) => apply_key(conn, k).map(|()| Some(k)),
        None => Err(needs_key(path)),
    }
}

/// The refusal when an encrypted file is opened with no passphrase at hand.
pub fn needs_key(path: &Path) -> anyhow::Error {
    refusal!("'{}' is encrypted (or is not an mh51 register): give its passphrase with --key-file FILE (or MH51_KEY_FILE), or run mh51 on a terminal to type it",
             path.display();
             "'{}' đã được mã hóa (hoặc không phải sổ mh51): hãy cho cụm mật khẩu bằng --key-file TỆP (hoặc MH51_KEY_FILE), hoặc chạy mh51 trong cửa sổ lệnh để gõ",
             path.display())
    .into()
}

fn wrong_key(path: &Path) -> anyhow::Error {
    refusal!("the passphrase is wrong, or '{}' is not an mh51 register; the file was not touched", path.display();
             "cụm mật khẩu sai, hoặc '{}' không phải sổ mh51; tệp không bị thay đổi", path.display())
    .into()
}

/// The whole current schema, for new databases.
pub const SCHEMA: &str = include_str!("../schema.sql");

/// Schema migrations, in order. Entry 0 creates version 1 from an empty file.
pub const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/0001_initial.sql"),
    include_str!("../migrations/0002_no_delete.sql"),
    include_str!("../migrations/0003_partial_release_index.sql"),
    include_str!("../migrations/0004_ward_history.sql"),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

fn flags_rw() -> OpenFlags {
    OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX
}

/// The refusal of a database path that is already taken (a file, or a link even to nothing):
/// mh51 never overwrites a register. `create` checks it; a command that must refuse before
/// doing anything else (asking a passphrase) calls it first.
pub fn refuse_existing(path: &Path) -> Result<()> {
    if path.exists() || path.is_symlink() {
        refuse!("'{}' already exists; mh51 never overwrites a database: choose another path or move the file away",
                path.display();
                "'{}' đã tồn tại; mh51 không bao giờ ghi đè cơ sở dữ liệu: hãy chọn đường dẫn khác hoặc chuyển tệp đi",
                path.display());
    }
    Ok(())
}

/// The refusal of a database that does not exist, saying how to create one.
pub fn require_existing(path: &Path) -> Result<()> {
    if !path.is_file() {
        return Err(missing(path));
    }
    Ok(())
}

fn missing(path: &Path) -> anyhow::Error {
    refusal!("database '{}' does not exist; create one with `mh51 init --db {}` (or try `mh51 demo`)",
             path.display(), path.display();
             "không có cơ sở dữ liệu '{}'; hãy tạo bằng `mh51 init --db {}` (hoặc thử `mh51 demo`)",
             path.display(), path.display())
    .into()
}

/// Create a new database file with mode 0600 and the current schema, encrypted with `key`
/// when one is given.
pub fn create(path: &Path, key: Option<&Key>) -> Result<Connection> {
    refuse_existing(path)?;
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .with_context(|| format!("creating {}", path.display()))?;
    let mut conn =
        Connection::open_with_flags(path, flags_rw()).with_context(|| format!("opening {}", path.display()))?;
    match key {
        // An encrypted register keeps SQLCipher 4's default page size (4 KiB), so the
        // standard `sqlcipher` shell opens it with the passphrase alone.
        Some(k) => apply_key(&conn, k)?,
        // 8 KiB pages: shallower indexes for a register of a city's size (fewer page visits
        // per insert and lookup). Only possible before the first table exists.
        None => conn.pragma_update(None, "page_size", 8192).context("setting the page size")?,
    }
    configure(&conn)?;
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    tx.execute_batch(SCHEMA).context("creating the schema")?;
    tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    tx.commit().context("committing the schema")?;
    Ok(conn)
}

/// Open an existing database read-write, migrating an older schema. `key` is used only
/// when the file is encrypted.
pub fn open(path: &Path, key: Option<&Key>) -> Result<Connection> {
    require_existing(path)?;
    let mut conn =
        Connection::open_with_flags(path, flags_rw()).with_context(|| format!("opening {}", path.display()))?;
    let key = key_existing(&conn, path, key)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    let version = check_version(&conn, path)?;
    configure(&conn)?;
    if version < SCHEMA_VERSION {
        backup_before_migration(&conn, path, version, key)?;
        migrate(&mut conn, version)?;
    }
    Ok(conn)
}

/// Open read-only: read-only flags and `query_only`, so nothing can write through it.
///
/// An older schema is first migrated through a read-write open (which backs the file up
/// beside itself), so read commands work on a file from an older mh51 too.
pub fn open_read_only(path: &Path, key: Option<&Key>) -> Result<Connection> {
    require_existing(path)?;
    let conn = ro(path, key)?;
    let version = check_version(&conn, path)?;
    if version < SCHEMA_VERSION {
        drop(conn);
        drop(open(path, key)?);
        let conn = ro(path, key)?;
        check_version(&conn, path)?;
        return read_only_pragmas(conn);
    }
    read_only_pragmas(conn)
}

fn ro(path: &Path, key: Option<&Key>) -> Result<Connection> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)
        .with_context(|| format!("opening {} read-only", path.display()))?;
    key_existing(&conn, path, key)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    Ok(conn)
}

fn read_only_pragmas(conn: Connection) -> Result<Connection> {
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "query_only", "ON")?;
    Ok(conn)
}

fn check_version(conn: &Connection, path: &Path) -> Result<i64> {
    // Reading the header is also what proves an encrypted file's key: SQLCipher checks the
    // first page's HMAC here.
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(|_| {
        if is_encrypted(path).unwrap_or(true) {
            return wrong_key(path);
        }
        refusal!("'{}' is not an mh51 database (not a SQLite file)", path.display();
                     "'{}' không phải cơ sở dữ liệu mh51 (không phải tệp SQLite)", path.display())
        .into()
    })?;
    if version > SCHEMA_VERSION {
        refuse!("database '{}' has schema version {}, newer than this mh51 understands ({}); upgrade mh51 — the file was not touched",
                path.display(), version, SCHEMA_VERSION;
                "cơ sở dữ liệu '{}' có phiên bản {}, mới hơn phiên bản mh51 này hiểu ({}); hãy nâng cấp mh51 — tệp không bị thay đổi",
                path.display(), version, SCHEMA_VERSION);
    }
    if version == 0 {
        refuse!("'{}' is not an mh51 database (schema version 0)", path.display();
                "'{}' không phải cơ sở dữ liệu mh51 (phiên bản 0)", path.display());
    }
    Ok(version)
}

fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.pragma_update(None, "foreign_keys", "ON").context("enabling foreign keys")?;
    let mode: String =
        conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0)).context("setting WAL journal mode")?;
    if !mode.eq_ignore_ascii_case("wal") {
        anyhow::bail!("could not switch the database to WAL (journal mode is {mode})");
    }
    conn.pragma_update(None, "synchronous", "FULL").context("setting synchronous=FULL")?;
    // Statement journals of savepoints (import checks each row in one) stay in memory, and a
    // 16 MB page cache keeps a large import from spilling pages mid-transaction; both bounded
    // well under the 50 MB a command may use.
    conn.pragma_update(None, "temp_store", "MEMORY").context("setting temp_store")?;
    conn.pragma_update(None, "cache_size", -16_000).context("setting cache_size")?;
    Ok(())
}

fn migrate(conn: &mut Connection, from: i64) -> Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // Re-read inside the lock: another process may have migrated meanwhile.
    let current: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let start = current.max(from);
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(start as usize) {
        tx.execute_batch(sql).with_context(|| format!("applying migration {}", i + 1))?;
    }
    tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    tx.commit().context("committing the migration")?;
    Ok(())
}

/// Copy the file to `FILE.vN.bak` (`mh51.db` → `mh51.db.v1.bak`) before migrating it. An
/// existing backup is never overwritten: the next free `FILE.vN.bak.2`, `.3`, … is used, so
/// the copy always holds the file as it was just before this migration.
fn backup_before_migration(
    conn: &Connection,
    path: &Path,
    version: i64,
    key: Option<&Key>,
) -> Result<std::path::PathBuf> {
    let base = format!("{}.v{version}.bak", path.display());
    let mut dest = std::path::PathBuf::from(&base);
    let mut n = 1;
    while dest.exists() || dest.is_symlink() {
        n += 1;
        dest = std::path::PathBuf::from(format!("{base}.{n}"));
    }
    backup_to(conn, &dest, key)?;
    Ok(dest)
}

/// A consistent copy through SQLite's online backup API, created with mode 0600. `key` is
/// the key `conn` was opened with (`None` for a plain register): the copy of an encrypted
/// register is encrypted with the same passphrase (SQLCipher copies pages between two keyed
/// connections only, so the destination is keyed before the copy starts).
///
/// The copy is made in one backup step (`-1`: all pages), which holds one read transaction
/// for its whole length: in WAL mode that never blocks writers, and the copy is exactly the
/// database as of that transaction's start. (Copying in several steps would restart from
/// scratch every time another process commits, and might never finish on a busy register.)
pub fn backup_to(conn: &Connection, dest: &Path, key: Option<&Key>) -> Result<()> {
    new_copy(dest, || copy_into(conn, dest, key))
}

/// Create `dest` (mode 0600, never over an existing file) and fill it with `fill`; a copy that
/// fails half-way must not be mistaken for a register later, so it is removed (we created it,
/// so it is ours), with any journal SQLite left beside it.
fn new_copy(dest: &Path, fill: impl FnOnce() -> Result<()>) -> Result<()> {
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(dest)
        .with_context(|| format!("creating {}", dest.display()))?;
    let done = fill();
    if done.is_err() {
        discard(dest);
    }
    done
}

/// Remove a database file this process has just created and failed to fill, with any
/// journal SQLite left beside it, so a half-made file is never mistaken for a register.
/// Only for files created by `create` or `backup_to` in the same command.
pub fn discard(path: &Path) {
    for suffix in ["", "-journal", "-wal", "-shm"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(p);
    }
}

fn copy_into(conn: &Connection, dest: &Path, key: Option<&Key>) -> Result<()> {
    let mut out =
        Connection::open_with_flags(dest, flags_rw()).with_context(|| format!("opening {}", dest.display()))?;
    if let Some(k) = key {
        apply_key(&out, k)?;
    }
    {
        use rusqlite::backup::StepResult;
        let b = rusqlite::backup::Backup::new(conn, &mut out)?;
        let started = std::time::Instant::now();
        loop {
            match b.step(-1).with_context(|| format!("copying into {}", dest.display()))? {
                StepResult::Done => break,
                _ => {
                    if started.elapsed() > BUSY_TIMEOUT {
                        anyhow::bail!(
                            "copying into {}: the database stayed busy for {}s",
                            dest.display(),
                            BUSY_TIMEOUT.as_secs()
                        );
                    }
                    std::thread::sleep(Duration::from_millis(20));
                }
            }
        }
    }
    // The copy is a standalone file: no WAL side files left behind.
    out.pragma_update(None, "journal_mode", "DELETE").context("finishing the copy")?;
    Ok(())
}

/// Run `f` in one IMMEDIATE transaction; commit only if it succeeds.
pub fn write<T>(conn: &mut Connection, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate).context("beginning a write transaction")?;
    let out = f(&tx)?;
    tx.commit().context("committing")?;
    Ok(out)
}

/// [`write`], or with `dry_run` the same work rolled back at the end: every check is made,
/// nothing is kept (`import --dry-run`, `anonymise --dry-run`).
pub fn write_or_dry_run<T>(
    conn: &mut Connection,
    dry_run: bool,
    f: impl FnOnce(&Transaction) -> Result<T>,
) -> Result<T> {
    if !dry_run {
        return write(conn, f);
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate).context("beginning a dry run")?;
    let out = f(&tx)?;
    tx.rollback().context("rolling back the dry run")?;
    Ok(out)
}

/// Write a copy of the register behind `conn` to the new file `dest` (mode 0600, refusing an
/// existing path), encrypted with `key`, or plain when `key` is `None`, through SQLCipher's
/// `sqlcipher_export` (the backup API refuses to copy between a plain and an encrypted file).
/// `conn` must be a read-write connection (an attached file inherits its flags). A failed
/// copy is removed.
pub fn export_copy(conn: &Connection, dest: &Path, key: Option<&Key>) -> Result<()> {
    new_copy(dest, || {
        let done = export_into(conn, dest, key);
        // Detach whatever happened, so the connection can be used or attached again.
        let _ = conn.execute_batch("DETACH DATABASE mh51_copy");
        done
    })
}

fn export_into(conn: &Connection, dest: &Path, key: Option<&Key>) -> Result<()> {
    let name = dest.to_str().with_context(|| format!("{} is not a UTF-8 path", dest.display()))?;
    let secret = key.map_or("", Key::secret);
    conn.execute("ATTACH DATABASE ?1 AS mh51_copy KEY ?2", rusqlite::params![name, secret])
        .with_context(|| format!("opening {}", dest.display()))?;
    if key.is_none() {
        conn.pragma_update(Some("mh51_copy"), "page_size", 8192).context("setting the copy's page size")?;
    }
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    conn.query_row("SELECT sqlcipher_export('mh51_copy')", [], |_| Ok(()))
        .with_context(|| format!("copying into {}", dest.display()))?;
    conn.pragma_update(Some("mh51_copy"), "user_version", version).context("writing the copy's schema version")?;
    Ok(())
}

/// A file beside `path` with `suffix` added to its name.
pub fn beside(path: &Path, suffix: &str) -> std::path::PathBuf {
    let mut p = path.as_os_str().to_owned();
    p.push(suffix);
    std::path::PathBuf::from(p)
}

/// Replace the register at `path` by a copy encrypted with `new` (`old` opens it: `None`
/// for a plain register — `encrypt` — or its current key — `rekey`).
///
/// The copy is written beside the file (`FILE.mh51-new`), `record` appends its audit row to
/// the copy, `verify` must accept it (the caller runs `check`), then it is renamed over the
/// original in one step and the original's side files are removed. Killed at any moment,
/// this leaves either the old register or the new one, whole: before the rename the
/// original is untouched (its WAL is emptied into it first, so no frame of it can later
/// meet the new file); the rename is atomic. A leftover `FILE.mh51-new` from an
/// interrupted run is ours and is removed first.
pub fn replace_encrypted(
    path: &Path,
    old: Option<&Key>,
    new: &Key,
    record: impl FnOnce(&Transaction) -> Result<()>,
    verify: impl FnOnce(&Connection) -> Result<()>,
) -> Result<()> {
    let tmp = beside(path, ".mh51-new");
    discard(&tmp);
    let src = open(path, old)?;
    let tip = audit_tip(&src)?;
    export_copy(&src, &tmp, Some(new))?;
    let made = (|| -> Result<()> {
        let mut copy = open(&tmp, Some(new))?;
        write(&mut copy, record)?;
        verify(&copy)?;
        // Closing the only connection checkpoints the copy's WAL into it and removes it.
        copy.close().map_err(|(_, e)| e).context("closing the new copy")?;
        std::fs::File::open(&tmp).and_then(|f| f.sync_all()).context("syncing the new copy")?;
        // Nobody may have written to the register since it was copied, and its WAL must be
        // empty before the rename (the old WAL must never meet the new file).
        if wal_busy_after_truncate(&src)? || audit_tip(&src)? != tip {
            refuse!("'{}' is in use (another command is reading or writing it); run this again when nobody is using the register — nothing was changed",
                    path.display();
                    "'{}' đang được dùng (một lệnh khác đang đọc hoặc ghi); hãy chạy lại khi không ai dùng sổ — không có gì bị thay đổi",
                    path.display());
        }
        Ok(())
    })();
    if let Err(e) = made {
        discard(&tmp);
        return Err(e);
    }
    drop(src);
    std::fs::rename(&tmp, path).with_context(|| format!("replacing {}", path.display()))?;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        // Make the rename itself durable; a failure here leaves a whole file either way.
        let _ = std::fs::File::open(dir).and_then(|d| d.sync_all());
    }
    for suffix in ["-wal", "-shm", "-journal"] {
        let _ = std::fs::remove_file(beside(path, suffix));
    }
    Ok(())
}

/// Checkpoint the WAL into the file and truncate it to nothing; true when another connection
/// kept it busy (so it may still hold pages).
fn wal_busy_after_truncate(conn: &Connection) -> Result<bool> {
    let (busy, _, _): (i64, i64, i64) = conn
        .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .context("emptying the WAL")?;
    Ok(busy != 0)
}

/// The hash of the newest audit row: what changes with every write.
fn audit_tip(conn: &Connection) -> Result<String> {
    Ok(crate::audit::last(conn)?.map(|(_, h)| h).unwrap_or_default())
}

/// Before a write whose old values must not survive (`anonymise`): SQLite overwrites the
/// content it frees with zeros instead of leaving it in free space.
pub fn secure_delete(conn: &Connection) -> Result<()> {
    conn.pragma_update(None, "secure_delete", "ON").context("turning on secure_delete")
}

/// After such a write has committed: rebuild the file (`VACUUM`, which leaves no free page
/// or stale cell behind) and empty the WAL into it and truncate it to nothing, so the old
/// values are in neither the file nor its WAL.
pub fn scrub(conn: &Connection) -> Result<()> {
    conn.execute_batch("VACUUM").context("rebuilding the file (VACUUM)")?;
    if wal_busy_after_truncate(conn)? {
        anyhow::bail!(
            "the change is saved, but another command kept the WAL busy, so old values may remain in it: run this again when nobody is using the register"
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_passphrase_counts_characters_not_bytes_and_never_shows_itself() {
        // 11 characters in more bytes than 12: too short all the same.
        assert!(Key::new_passphrase("mười một ký".into()).is_err());
        let k = Key::new_passphrase("mười hai ký t".into()).unwrap();
        assert_eq!(format!("{k:?}"), "Key(…)");
    }

    #[test]
    fn only_a_file_without_the_sqlite_header_is_encrypted() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x");
        assert!(!is_encrypted(&p).unwrap(), "missing");
        std::fs::write(&p, b"").unwrap();
        assert!(!is_encrypted(&p).unwrap(), "empty");
        std::fs::write(&p, b"SQLite format 3\0and the rest").unwrap();
        assert!(!is_encrypted(&p).unwrap(), "plain");
        std::fs::write(&p, [7u8; 64]).unwrap();
        assert!(is_encrypted(&p).unwrap(), "random bytes");
    }
}
