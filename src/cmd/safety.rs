//! `backup` and `check`: the two commands that keep a register trustworthy over years.
//!
//! `backup` copies through SQLite's online backup API, so the copy is one consistent
//! snapshot even while clerks keep writing; `check` re-verifies the whole file (see
//! `crate::check`) through a read-only connection, so running it can never change anything.

use std::io::Write;
use std::path::Path;

use anyhow::Result;

use super::App;
use crate::refuse;

pub fn backup(app: &App, dest: &Path) -> Result<()> {
    crate::paths::refuse_taken(dest)?;
    // A backup of an encrypted register is encrypted with the same passphrase.
    // Opened directly, not through `App::open_read`: that one first reads the settings through
    // a cached statement on the same connection, and with that the online backup was seen to
    // copy a register half-written (tests/safety.rs, backup while clerks write).
    let key = app.key()?;
    let conn = crate::db::open_read_only(&app.db, key.as_ref())?;
    crate::db::backup_to(&conn, dest, key.as_ref())?;
    // Said after the copy (see above on reading through the connection before it).
    app.warn_unfinished(&conn);
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}", dest.display())?;
    drop(out);
    // The head of the copy: the register as of the copy's snapshot. Read from the copy, not
    // the original, which clerks may have written to meanwhile.
    let copy = crate::db::open_read_only(dest, key.as_ref())?;
    say_head(app, &head(&copy)?);
    Ok(())
}

/// The head of the register (`SEQ`, ledger hash): what `audit head` prints.
pub fn head(conn: &rusqlite::Connection) -> Result<(i64, String)> {
    match crate::domain::ledger::head(conn)? {
        Some(h) => Ok(h),
        None => refuse!("{}", crate::w!(false, "audit-no-head"); "{}", crate::w!(true, "audit-no-head")),
    }
}

fn say_head(app: &App, (seq, hash): &(i64, String)) {
    let said = |vi: bool| crate::w!(vi, "audit-head-said", head = format!("{seq}:{hash}"));
    app.say(&said(false), &said(true));
}

pub fn check(app: &App) -> Result<()> {
    let conn = app.open_read()?;
    if crate::db::is_encrypted(&app.db)? {
        cipher_pages(app, &conn)?;
    }
    let report = crate::check::check(&conn, app.today)?;
    if report.problems.is_empty() {
        {
            let said = |vi: bool| {
                crate::w!(
                    vi,
                    "check-sound-sqlite-integrity",
                    db = (app.db.display()).to_string(),
                    rules = report.rules,
                    cases = report.cases,
                    audit_rows = report.audit_rows
                )
            };
            app.say(&said(false), &said(true))
        };
        {
            let said = |vi: bool| {
                crate::w!(vi, "check-every-row-matches", rows_proved = report.rows_proved, tables = report.tables)
            };
            app.say(&said(false), &said(true))
        };
        if crate::db::is_encrypted(&app.db)? {
            // An older layout is named, each in its own words (the ids stay literals, for the
            // catalogue's test); mh51's own says nothing.
            let said: Option<fn(bool, String) -> String> = match crate::db::Layout::of(&conn)? {
                crate::db::Layout::Defaults => Some(|vi, db| crate::w!(vi, "check-older-layout", db = db)),
                crate::db::Layout::Eight => Some(|vi, db| crate::w!(vi, "check-eight-layout", db = db)),
                crate::db::Layout::Mh51 => None,
            };
            if let Some(said) = said {
                let db = app.db.display().to_string();
                app.say(&said(false, db.clone()), &said(true, db));
            }
        }
        if let Some(h) = &report.head {
            say_head(app, h);
        }
        return Ok(());
    }
    let n = report.problems.len();
    let list_en: Vec<String> = report.problems.iter().map(|p| format!("  {}", p.text(false))).collect();
    let list_vi: Vec<String> = report.problems.iter().map(|p| format!("  {}", p.text(true))).collect();
    crate::refuse_w!(
        "check-found",
        n = n.to_string(),
        db = app.db.display().to_string(),
        list = crate::words::both(list_en.join("\n"), list_vi.join("\n"))
    )
}

/// Every page of an encrypted register against its HMAC (`PRAGMA cipher_integrity_check`),
/// before anything else reads them: a damaged page is named, not taken for a wrong passphrase.
fn cipher_pages(app: &App, conn: &rusqlite::Connection) -> Result<()> {
    let mut stmt = conn.prepare("PRAGMA cipher_integrity_check")?;
    let found: Vec<String> = stmt.query_map([], |r| r.get::<_, String>(0))?.collect::<rusqlite::Result<_>>()?;
    if found.is_empty() {
        return Ok(());
    }
    let n = found.len();
    let list: Vec<String> = found.iter().take(20).map(|p| format!("  {p}")).collect();
    crate::refuse_w!(
        "check-damaged-pages",
        n = n.to_string(),
        db = app.db.display().to_string(),
        list = list.join("\n")
    )
}

/// `migrate`: upgrade a register written by an older mh51 — a backup copy `FILE.vN.bak` first,
/// then every migration in one transaction with one `migrate` audit row (from, to). A current
/// register is left as it is.
pub fn migrate(app: &App) -> Result<()> {
    let key = app.key()?;
    let (from, bak) = crate::db::migrate_file(&app.db, key.as_ref())?;
    let to = crate::db::SCHEMA_VERSION;
    writeln!(std::io::stdout(), "{}", app.db.display())?;
    match bak {
        None => {
            let said =
                |vi: bool| crate::w!(vi, "already-at-schema-version", db = (app.db.display()).to_string(), to = to);
            app.say(&said(false), &said(true))
        }
        Some(b) => {
            let said = |vi: bool| {
                crate::w!(
                    vi,
                    "upgraded-from-schema-version",
                    db = (app.db.display()).to_string(),
                    from = from,
                    to = to,
                    backup = (b.display()).to_string()
                )
            };
            app.say(&said(false), &said(true))
        }
    }
    Ok(())
}
