//! The city register as a file: created new (0600, never over an existing file, through
//! `db::create_new_kind`), opened through `db::open_kind` with the same key handling as a
//! ward's register (so `city init --encrypt`, `--key-file` and `MH51_KEY_FILE` work alike),
//! and told apart from a ward's register by two marks: `PRAGMA application_id` (in the file's
//! header, read before anything else) and `settings kind = 'city'`.

use std::path::Path;

use anyhow::{Context, Result};
use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::audit::Stamp;
use crate::db::{self, Key};
use crate::paths::NewFile;
use crate::upward::refused;
use crate::w;

/// The refusal a ward command gives a city register.
pub fn not_a_ward(path: &Path) -> anyhow::Error {
    let p = path.display().to_string();
    refused(|vi| w!(vi, "city-not-a-ward", path = &p))
}

/// The refusal a city command gives a ward's register (or any other file).
fn not_a_city(path: &Path, ward: bool) -> anyhow::Error {
    let p = path.display().to_string();
    if ward {
        refused(|vi| w!(vi, "city-ward-register", path = &p))
    } else {
        refused(|vi| w!(vi, "city-not-a-city", path = &p))
    }
}

/// A new city register at `path` named `name`, with its first audit row; put in place only
/// by [`finish`] (a failure leaves nothing at `path`).
pub fn create(path: &Path, key: Option<&Key>, name: &str, stamp: &Stamp) -> Result<(Connection, NewFile)> {
    let (mut conn, file) = db::create_new_kind(
        path,
        key,
        crate::upward::schema(),
        crate::upward::SCHEMA_VERSION,
        crate::upward::APPLICATION_ID,
    )?;
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    for (k, v) in [("kind", "city"), ("name", name), ("created_at", stamp.at.as_str())] {
        tx.execute("INSERT INTO settings (key, value) VALUES (?1, ?2)", params![k, v])
            .context("writing the settings")?;
    }
    crate::audit::append(&tx, stamp, "city-init", "city", "", &serde_json::json!({"name": name}))?;
    tx.commit().context("committing the new city register")?;
    Ok((conn, file))
}

/// Put a new city register in place.
pub fn finish(conn: Connection, file: NewFile) -> Result<()> {
    db::finish_create(conn, file)
}

/// Open the city register at `path` (read-only or for writing), refusing a ward's register
/// or any other file, and one written by a newer mh51.
pub fn open(path: &Path, key: Option<&Key>, read_only: bool) -> Result<Connection> {
    let (conn, version, app_id) = db::open_kind(path, key, read_only)?;
    if app_id != crate::upward::APPLICATION_ID {
        // A ward's register has application_id 0 and a schema version of its own.
        return Err(not_a_city(path, app_id == 0 && version > 0));
    }
    let kind: Option<String> =
        conn.query_row("SELECT value FROM settings WHERE key = 'kind'", [], |r| r.get(0)).optional().unwrap_or(None);
    if kind.as_deref() != Some("city") {
        return Err(not_a_city(path, false));
    }
    if version > crate::upward::SCHEMA_VERSION {
        let (p, v, n) = (path.display().to_string(), version, crate::upward::SCHEMA_VERSION);
        return Err(refused(|vi| w!(vi, "city-too-new", path = &p, version = v, known = n)));
    }
    Ok(conn)
}

/// One write on the city register: a `BEGIN IMMEDIATE` transaction (`db::begin_write`) that
/// commits only when `f` succeeds; a refusal rolls everything back.
pub fn write<T>(conn: &mut Connection, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
    let tx = db::begin_write(&*conn)?;
    let out = f(&tx)?;
    tx.commit().context("committing")?;
    Ok(out)
}

/// The city's name (`city init --name`).
pub fn name(conn: &Connection) -> Result<String> {
    Ok(conn
        .query_row("SELECT value FROM settings WHERE key = 'name'", [], |r| r.get(0))
        .optional()
        .context("reading the city's name")?
        .unwrap_or_default())
}

/// The audit head, `SEQ:HASH` (the newest row of the city's own log).
pub fn head(conn: &Connection) -> Result<String> {
    Ok(crate::audit::last(conn)?.map(|(s, h)| format!("{s}:{h}")).unwrap_or_default())
}
