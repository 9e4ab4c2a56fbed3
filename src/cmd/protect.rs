//! Protecting the register (SPEC §14): where a passphrase comes from, and the commands
//! `init --encrypt`'s key, `encrypt`, `rekey`, `decrypt -o` and `anonymise`.
//!
//! A passphrase is read here — from the terminal without echo, or from the first line of a
//! key file readable by its owner only — and handed to `db` as a [`Key`], never from the
//! command line or an environment variable holding it (`MH51_KEY_FILE` names the file).
//! Whether a register needs one is `db::is_encrypted`'s answer: a plain register never asks.

use std::io::{IsTerminal, Write};
use std::path::Path;

use anyhow::{Context, Result};
use serde_json::json;

use super::App;
use crate::db::{self, Key};
use crate::domain::anonymise;
use crate::domain::error::Unfinished;
use crate::{audit, refuse, w};

/// The bytes of a key file (a passphrase's, or the city's linking key), refused unless it is
/// a file only its owner can read (or write).
pub fn read_private_file(path: &Path) -> Result<zeroize::Zeroizing<Vec<u8>>> {
    let shown = path.display().to_string();
    let meta = match std::fs::metadata(path) {
        Ok(m) if m.is_file() => m,
        Ok(_) => {
            refuse!("{}", w!(false, "key-file-not-file", path = &shown); "{}", w!(true, "key-file-not-file", path = &shown))
        }
        Err(e) => refuse!("{}", w!(false, "key-file-unreadable", path = &shown, error = e.to_string());
                          "{}", w!(true, "key-file-unreadable", path = &shown, error = e.to_string())),
    };
    if let Some(mode) = crate::platform::open_to_others(&meta) {
        let mode = format!("{mode:o}");
        refuse!("{}", w!(false, "key-file-open", path = &shown, mode = &mode);
                "{}", w!(true, "key-file-open", path = &shown, mode = &mode));
    }
    let text = std::fs::read(path).with_context(|| format!("reading key file {shown}"))?;
    Ok(zeroize::Zeroizing::new(text))
}

/// The first line of a key file, refused unless only its owner can read (or write) it.
pub fn read_key_file(path: &Path, new: bool) -> Result<Key> {
    let text = read_private_file(path)?;
    let shown = path.display().to_string();
    let line = key_file_line(&text);
    let Ok(line) = std::str::from_utf8(line) else {
        refuse!("{}", w!(false, "key-file-not-text", path = &shown); "{}", w!(true, "key-file-not-text", path = &shown));
    };
    if line.is_empty() {
        refuse!("{}", w!(false, "key-file-empty", path = &shown); "{}", w!(true, "key-file-empty", path = &shown));
    }
    if new {
        Key::new_passphrase(line.to_string())
    } else {
        Ok(Key::new(line.to_string()))
    }
}

/// The passphrase's bytes in a key file: its first line, without a UTF-8 byte-order mark
/// before it (Notepad writes one) and without the line end (LF or CRLF) after it (SPEC §16).
fn key_file_line(text: &[u8]) -> &[u8] {
    crate::text::first_line(text)
}

fn no_terminal(what_en: &str, what_vi: &str) -> anyhow::Error {
    crate::refusal_w!("there-no-terminal-type", what = crate::words::both(what_en, what_vi)).into()
}

/// Ask on the terminal, without echo; `said` is the catalogue's prompt (a space follows it).
fn prompt(said: &str) -> Result<String> {
    rpassword::prompt_password(format!("{said} ")).context("reading the passphrase from the terminal")
}

/// The passphrase of an existing encrypted register: the key file, else the terminal.
pub fn existing_key(app: &App) -> Result<Key> {
    if let Some(f) = &app.key_file {
        return read_key_file(f, false);
    }
    if !std::io::stdin().is_terminal() {
        return Err(db::needs_key(&app.db));
    }
    Ok(Key::new(prompt(&crate::w!(app.vi, "prompt-passphrase"))?))
}

/// A new passphrase: from `file` when given, else typed twice on the terminal.
pub fn new_key(app: &App, file: Option<&Path>) -> Result<Key> {
    if let Some(f) = file {
        return read_key_file(f, true);
    }
    if !std::io::stdin().is_terminal() {
        return Err(no_terminal(
            &crate::w!(false, "a-new-passphrase-is-needed"),
            &crate::w!(true, "a-new-passphrase-is-needed"),
        ));
    }
    {
        let said =
            |vi: bool| crate::w!(vi, "choose-passphrase-at-least", min_passphrase = (db::MIN_PASSPHRASE).to_string());
        app.say(&said(false), &said(true))
    };
    let first = zeroize::Zeroizing::new(prompt(&crate::w!(app.vi, "prompt-new-passphrase"))?);
    let key = Key::new_passphrase(first.to_string())?;
    let again = zeroize::Zeroizing::new(prompt(&crate::w!(app.vi, "prompt-again"))?);
    if *again != *first {
        crate::refuse_w!("two-passphrases-differ-nothing");
    }
    Ok(key)
}

/// Run `check` on a new copy before it replaces anything.
fn verified(app: &App) -> impl Fn(&rusqlite::Connection) -> Result<()> + '_ {
    move |conn| {
        let report = crate::check::check(conn, app.today)?;
        if !report.problems.is_empty() {
            crate::refuse_w!(
                "check-finds-problem-s",
                problems_count = report.problems.len().to_string(),
                db = app.db.display().to_string()
            );
        }
        Ok(())
    }
}

pub fn encrypt(app: &App) -> Result<()> {
    db::require_existing(&app.db)?;
    if db::is_encrypted(&app.db)? {
        crate::refuse_w!("already-encrypted-not-mh51", db = app.db.display().to_string());
    }
    // Opening first refuses a file that is not a register before any passphrase is asked.
    app.warn_unfinished(&db::open(&app.db, None)?);
    let key = new_key(app, app.key_file.as_deref())?;
    let ctx = app.ctx();
    // The real file, links resolved: through a symlink the register itself is replaced (and
    // the link keeps working), never the link with the plaintext left at its target.
    db::replace_encrypted(
        &crate::paths::real(&app.db)?,
        None,
        &key,
        |tx| audit::append(tx, &ctx.stamp, "encrypt", "register", "", &json!({})),
        verified(app),
    )?;
    writeln!(std::io::stdout(), "{}", app.db.display())?;
    {
        let said = |vi: bool| crate::w!(vi, "encrypted-place-checked-plain", db = (app.db.display()).to_string());
        app.say(&said(false), &said(true))
    };
    Ok(())
}

pub fn rekey(app: &App, new_key_file: Option<&Path>) -> Result<()> {
    db::require_existing(&app.db)?;
    if !db::is_encrypted(&app.db)? {
        crate::refuse_w!("not-encrypted-encrypt-it", db = app.db.display().to_string());
    }
    let old = app.key()?;
    // Prove the old passphrase before asking for a new one.
    app.warn_unfinished(&db::open_read_only(&app.db, old.as_ref())?);
    let new = new_key(app, new_key_file)?;
    let ctx = app.ctx();
    // The real file, as for `encrypt`.
    db::replace_encrypted(
        &crate::paths::real(&app.db)?,
        old.as_ref(),
        &new,
        |tx| audit::append(tx, &ctx.stamp, "rekey", "register", "", &json!({})),
        verified(app),
    )?;
    writeln!(std::io::stdout(), "{}", app.db.display())?;
    {
        let said = |vi: bool| crate::w!(vi, "changed-passphrase-backups-made", db = (app.db.display()).to_string());
        app.say(&said(false), &said(true))
    };
    Ok(())
}

pub fn decrypt(app: &App, output: &Path) -> Result<()> {
    db::require_existing(&app.db)?;
    if !db::is_encrypted(&app.db)? {
        crate::refuse_w!("not-encrypted-for-copy", db = app.db.display().to_string());
    }
    crate::paths::refuse_taken(output)?;
    let key = app.key()?;
    let mut conn = db::open(&app.db, key.as_ref())?;
    app.warn_unfinished(&conn);
    // The plain copy stays under its temporary name until the audit row is saved; a failure
    // removes it (dropping `file`), and a kill leaves no partial copy at `output`.
    let file = db::export_new(&conn, output, None)?;
    let ctx = app.ctx();
    let shown = output.display().to_string();
    db::write(&mut conn, |tx| {
        audit::append(tx, &ctx.stamp, "decrypt", "register", &shown, &json!({ "output": shown }))
    })?;
    file.commit()?;
    writeln!(std::io::stdout(), "{}", output.display())?;
    {
        let said = |vi: bool| crate::w!(vi, "wrote-plain-unencrypted-copy", output = (output.display()).to_string());
        app.say(&said(false), &said(true))
    };
    Ok(())
}

pub fn anonymise(app: &App, released_before: &str, dry_run: bool) -> Result<()> {
    let before = anonymise::cutoff(released_before, app.today)?;
    let mut conn = app.open_quiet()?;
    if dry_run {
        // Only a dry run leaves an earlier unfinished anonymisation as it is; a real one
        // finishes it with its own scrub.
        app.warn_unfinished(&conn);
    }
    db::secure_delete(&conn)?;
    let ctx = app.ctx();
    let c = db::write_or_dry_run(&mut conn, dry_run, |tx| anonymise::anonymise(tx, &ctx, before))?;
    let d = before.format("%Y-%m-%d").to_string();
    if !dry_run {
        db::test_pause("anonymise-committed");
        scrub_and_clear(app, &mut conn, &d)?;
    }
    writeln!(std::io::stdout(), "{}", c.persons)?;
    app.tell(&crate::w!(
        app.vi,
        "anonymise-done",
        dry_run = dry_run,
        persons = c.persons.to_string(),
        day = d.as_str(),
        case_notes = c.case_notes.to_string(),
        review_notes = c.review_notes.to_string(),
        support_notes = c.support_notes.to_string(),
        member_phones = c.member_phones.to_string()
    ));
    Ok(())
}

/// `anonymise --finish`: scrub the file again and clear the marker, so nothing of the old
/// values of an interrupted anonymisation is left. Harmless when none is unfinished.
pub fn finish_anonymise(app: &App) -> Result<()> {
    let mut conn = app.open_quiet()?;
    let pending = anonymise::unfinished(&conn)?;
    db::secure_delete(&conn)?;
    scrub_and_clear(app, &mut conn, pending.as_deref().unwrap_or("-"))?;
    match pending {
        Some(d) => {
            let said = |vi: bool| {
                crate::w!(
                    vi,
                    "finished-anonymisation-persons-released",
                    date = (d).to_string(),
                    db = (app.db.display()).to_string()
                )
            };
            app.say(&said(false), &said(true))
        }
        None => {
            let said = |vi: bool| crate::w!(vi, "no-anonymisation-was-unfinished", db = (app.db.display()).to_string());
            app.say(&said(false), &said(true))
        }
    }
    Ok(())
}

/// The scrub after an anonymisation's commit, then the marker cleared. When the scrub cannot
/// finish (a reader holds an old snapshot), the change stays saved and marked: the error
/// says so and exits with its own status ([`Unfinished::EXIT`]), not 1.
fn scrub_and_clear(app: &App, conn: &mut rusqlite::Connection, d: &str) -> Result<()> {
    if let Err(e) = db::scrub(conn) {
        let path = app.db.display();
        return Err(Unfinished(crate::refusal_w!(
            "anonymise-scrub-failed",
            day = d,
            path = path.to_string(),
            error = format!("{e:#}")
        ))
        .into());
    }
    db::test_pause("anonymise-scrubbed");
    if anonymise::unfinished(conn)?.is_some() {
        // Clearing the marker is a change like any other: audited (and sealed in the ledger).
        let stamp = app.ctx().stamp;
        db::write(conn, |tx| {
            anonymise::clear_unfinished(tx)?;
            audit::append(tx, &stamp, "anonymise-finished", "register", d, &json!({ "released_before": d }))
        })?;
    }
    db::test_pause("anonymise-cleared");
    db::truncate_wal(conn);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::key_file_line;

    #[test]
    fn a_key_file_is_its_first_line_without_bom_or_line_end() {
        assert_eq!(key_file_line(b"mat khau dai du\n"), b"mat khau dai du");
        assert_eq!(key_file_line(b"mat khau dai du"), b"mat khau dai du");
        // Notepad: UTF-8 with a byte-order mark, CRLF line ends.
        assert_eq!(key_file_line("\u{FEFF}mật khẩu dài đủ\r\n".as_bytes()), "mật khẩu dài đủ".as_bytes());
        assert_eq!(key_file_line(b"\xEF\xBB\xBFfirst\r\nsecond\r\n"), b"first");
        // Only one mark is the file's; a second one is part of the passphrase.
        assert_eq!(key_file_line(b"\xEF\xBB\xBF\xEF\xBB\xBFx"), b"\xEF\xBB\xBFx");
        // A lone CR inside the line stays (only the line end goes).
        assert_eq!(key_file_line(b"a\rb\r\n"), b"a\rb");
        assert_eq!(key_file_line(b"\xEF\xBB\xBF\r\n"), b"");
    }
}
