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

/// The whole current schema, for new databases.
pub const SCHEMA: &str = include_str!("../schema.sql");

/// Schema migrations, in order. Entry 0 creates version 1 from an empty file.
pub const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/0001_initial.sql"),
    include_str!("../migrations/0002_no_delete.sql"),
    include_str!("../migrations/0003_partial_release_index.sql"),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

fn flags_rw() -> OpenFlags {
    OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX
}

fn missing(path: &Path) -> anyhow::Error {
    refusal!("database '{}' does not exist; create one with `mh51 init --db {}` (or try `mh51 demo`)",
             path.display(), path.display();
             "không có cơ sở dữ liệu '{}'; hãy tạo bằng `mh51 init --db {}` (hoặc thử `mh51 demo`)",
             path.display(), path.display())
    .into()
}

/// Create a new database file with mode 0600 and the current schema.
pub fn create(path: &Path) -> Result<Connection> {
    if path.exists() {
        refuse!("'{}' already exists; mh51 never overwrites a database: choose another path or move the file away",
                path.display();
                "'{}' đã tồn tại; mh51 không bao giờ ghi đè cơ sở dữ liệu: hãy chọn đường dẫn khác hoặc chuyển tệp đi",
                path.display());
    }
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .with_context(|| format!("creating {}", path.display()))?;
    let mut conn =
        Connection::open_with_flags(path, flags_rw()).with_context(|| format!("opening {}", path.display()))?;
    // 8 KiB pages: shallower indexes for a register of a city's size (fewer page visits per
    // insert and lookup). Only possible before the first table exists.
    conn.pragma_update(None, "page_size", 8192).context("setting the page size")?;
    configure(&conn)?;
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    tx.execute_batch(SCHEMA).context("creating the schema")?;
    tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    tx.commit().context("committing the schema")?;
    Ok(conn)
}

/// Open an existing database read-write, migrating an older schema.
pub fn open(path: &Path) -> Result<Connection> {
    if !path.is_file() {
        return Err(missing(path));
    }
    let mut conn =
        Connection::open_with_flags(path, flags_rw()).with_context(|| format!("opening {}", path.display()))?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    let version = check_version(&conn, path)?;
    configure(&conn)?;
    if version < SCHEMA_VERSION {
        backup_before_migration(&conn, path, version)?;
        migrate(&mut conn, version)?;
    }
    Ok(conn)
}

/// Open read-only: read-only flags and `query_only`, so nothing can write through it.
///
/// An older schema is first migrated through a read-write open (which backs the file up
/// beside itself), so read commands work on a file from an older mh51 too.
pub fn open_read_only(path: &Path) -> Result<Connection> {
    if !path.is_file() {
        return Err(missing(path));
    }
    let conn = ro(path)?;
    let version = check_version(&conn, path)?;
    if version < SCHEMA_VERSION {
        drop(conn);
        drop(open(path)?);
        let conn = ro(path)?;
        check_version(&conn, path)?;
        return read_only_pragmas(conn);
    }
    read_only_pragmas(conn)
}

fn ro(path: &Path) -> Result<Connection> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)
        .with_context(|| format!("opening {} read-only", path.display()))?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    Ok(conn)
}

fn read_only_pragmas(conn: Connection) -> Result<Connection> {
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "query_only", "ON")?;
    Ok(conn)
}

fn check_version(conn: &Connection, path: &Path) -> Result<i64> {
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(|_| {
        refusal!("'{}' is not an mh51 database (not a SQLite file)", path.display();
                     "'{}' không phải cơ sở dữ liệu mh51 (không phải tệp SQLite)", path.display())
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
fn backup_before_migration(conn: &Connection, path: &Path, version: i64) -> Result<std::path::PathBuf> {
    let base = format!("{}.v{version}.bak", path.display());
    let mut dest = std::path::PathBuf::from(&base);
    let mut n = 1;
    while dest.exists() || dest.is_symlink() {
        n += 1;
        dest = std::path::PathBuf::from(format!("{base}.{n}"));
    }
    backup_to(conn, &dest)?;
    Ok(dest)
}

/// A consistent copy through SQLite's online backup API, created with mode 0600.
///
/// The copy is made in one backup step (`-1`: all pages), which holds one read transaction
/// for its whole length: in WAL mode that never blocks writers, and the copy is exactly the
/// database as of that transaction's start. (Copying in several steps would restart from
/// scratch every time another process commits, and might never finish on a busy register.)
pub fn backup_to(conn: &Connection, dest: &Path) -> Result<()> {
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(dest)
        .with_context(|| format!("creating {}", dest.display()))?;
    let copied = copy_into(conn, dest);
    if copied.is_err() {
        // A half-written copy must not be mistaken for a backup later: remove it (we created
        // it above, so it is ours), with any journal SQLite left beside it.
        discard(dest);
    }
    copied
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

fn copy_into(conn: &Connection, dest: &Path) -> Result<()> {
    let mut out =
        Connection::open_with_flags(dest, flags_rw()).with_context(|| format!("opening {}", dest.display()))?;
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
