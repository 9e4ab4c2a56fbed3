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
    if dest.exists() || dest.is_symlink() {
        refuse!("backup destination '{}' already exists; mh51 never overwrites a file: choose a new name",
                dest.display();
                "tệp sao lưu '{}' đã tồn tại; mh51 không ghi đè tệp: hãy chọn tên mới", dest.display());
    }
    // A backup of an encrypted register is encrypted with the same passphrase.
    // Opened directly, not through `App::open_read`: that one first reads the settings through
    // a cached statement on the same connection, and with that the online backup was seen to
    // copy a register half-written (tests/safety.rs, backup while clerks write).
    let key = app.key()?;
    let conn = crate::db::open_read_only(&app.db, key.as_ref())?;
    crate::db::backup_to(&conn, dest, key.as_ref())?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}", dest.display())?;
    Ok(())
}

pub fn check(app: &App) -> Result<()> {
    let conn = app.open_read()?;
    let report = crate::check::check(&conn, app.today)?;
    if report.problems.is_empty() {
        app.say(
            &format!(
                "check: '{}' is sound: SQLite integrity and foreign keys ok, {} rules of the register hold over {} cases, audit chain intact ({} rows)",
                app.db.display(),
                report.rules,
                report.cases,
                report.audit_rows
            ),
            &format!(
                "kiểm tra: '{}' toàn vẹn: SQLite và khóa ngoại đúng, {} quy tắc của sổ đúng trên {} hồ sơ, chuỗi nhật ký nguyên vẹn ({} dòng)",
                app.db.display(),
                report.rules,
                report.cases,
                report.audit_rows
            ),
        );
        return Ok(());
    }
    let n = report.problems.len();
    let list_en: Vec<String> = report.problems.iter().map(|p| format!("  {}", p.text(false))).collect();
    let list_vi: Vec<String> = report.problems.iter().map(|p| format!("  {}", p.text(true))).collect();
    refuse!("check found {} problem(s) in '{}':\n{}", n, app.db.display(), list_en.join("\n");
            "kiểm tra thấy {} lỗi trong '{}':\n{}", n, app.db.display(), list_vi.join("\n"))
}
