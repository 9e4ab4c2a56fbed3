//! Exports and ad-hoc queries (SPEC §7).
//!
//! # Exports
//! One statement per table with exactly the columns of SPEC §7, in a stable order (case
//! number, id, sequence). Rows go to a callback as SQLite steps through them, so a million
//! reviews leave memory flat. `--redact` is applied per row: names become initials; identity
//! numbers, addresses, phones and exact birth dates are emptied (the birth year stays).
//!
//! # Ad-hoc queries
//! `mh51 query` is for someone preparing a meeting, who must not be able to damage the
//! register by a slip of the keyboard. The connection is already read-only (read-only open
//! flags and `query_only`; the column `signing_key.secret` reads as NULL, by SQLite's
//! authorizer); on top of that [`AdHoc::prepare`] accepts exactly one statement,
//! that starts with SELECT, WITH or VALUES and that SQLite itself reports read-only. That
//! shuts out writes, `ATTACH`/`DETACH` (which SQLite counts as read-only), `PRAGMA` (which
//! can change connection state) and transaction control; `pragma_table_info('v_cases')`
//! and friends remain available as table-valued functions inside a SELECT.

use anyhow::{Context, Result};
use rusqlite::types::ValueRef;
use rusqlite::{Connection, Statement};

use crate::text::initials;
use crate::view::{Cell, View};

pub type RowFn<'a> = dyn FnMut(&[Cell]) -> Result<()> + 'a;

/// The tables `export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    Cases,
    Members,
    Assignments,
    Reviews,
    Supports,
    Audit,
}

/// What redaction does to one column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Redact {
    Keep,
    Initials,
    Empty,
}

use Redact::{Empty, Initials, Keep};

impl Table {
    /// The exact columns of SPEC §7.
    pub const fn columns(self) -> &'static [&'static str] {
        match self {
            Table::Cases => &[
                "case_no",
                "person_id",
                "name",
                "birth_year",
                "birth_date",
                "gender",
                "id_number",
                "address",
                "ward",
                "category",
                "enrolled_on",
                "released_on",
                "reason",
                "credited_member_id",
                "member_id",
                "note",
            ],
            Table::Members => &["id", "name", "org", "ward", "phone", "joined_on", "left_on"],
            Table::Assignments => &["case_no", "member_id", "start_on", "end_on"],
            Table::Reviews => &["id", "case_no", "reviewed_on", "class", "member_id", "note"],
            Table::Supports => &["id", "case_no", "given_on", "kind", "amount", "member_id", "note"],
            Table::Audit => &["seq", "at", "actor", "action", "entity", "entity_key", "detail", "prev_hash", "hash"],
        }
    }

    fn redaction(self) -> &'static [Redact] {
        match self {
            Table::Cases => {
                &[Keep, Keep, Initials, Keep, Empty, Keep, Empty, Empty, Keep, Keep, Keep, Keep, Keep, Keep, Keep, Keep]
            }
            Table::Members => &[Keep, Initials, Keep, Keep, Empty, Keep, Keep],
            _ => &[],
        }
    }

    fn sql(self) -> &'static str {
        match self {
            // member_id: the current assignment, or for a closed case the last one (v_cases).
            Table::Cases => {
                "SELECT case_no, person_id, name, birth_year, birth_date, gender, id_number, address, ward,
                        category, enrolled_on, released_on, reason, credited_member_id, member_id, note
                 FROM v_cases
                 ORDER BY CAST(substr(case_no, 1, 4) AS INTEGER), CAST(substr(case_no, 6) AS INTEGER)"
            }
            Table::Members => {
                "SELECT m.id, m.name, o.code, w.code, m.phone, m.joined_on, m.left_on
                 FROM members m JOIN orgs o ON o.id = m.org_id JOIN wards w ON w.id = m.ward_id
                 ORDER BY m.id"
            }
            // An assignment is dated by its first day.
            Table::Assignments => {
                "SELECT c.case_no, a.member_id, a.start_on, a.end_on
                 FROM assignments a JOIN cases c ON c.id = a.case_id
                 WHERE ?1 IS NULL OR a.start_on BETWEEN ?1 AND ?2
                 ORDER BY a.id"
            }
            // Voided rows are left out (?3 = 0), or are the only ones (?3 = 1, `--voided`);
            // ?1..?2 is the period (NULL: every date).
            Table::Reviews => {
                "SELECT r.id, c.case_no, r.reviewed_on, r.class, r.member_id, r.note, r.voided_on, r.void_reason
                 FROM reviews r JOIN cases c ON c.id = r.case_id
                 WHERE (r.voided_on IS NOT NULL) = ?3
                   AND (?1 IS NULL OR r.reviewed_on BETWEEN ?1 AND ?2)
                 ORDER BY r.id"
            }
            Table::Supports => {
                "SELECT s.id, c.case_no, s.given_on, s.kind, s.amount, s.member_id, s.note, s.voided_on, s.void_reason
                 FROM supports s JOIN cases c ON c.id = s.case_id
                 WHERE (s.voided_on IS NOT NULL) = ?3
                   AND (?1 IS NULL OR s.given_on BETWEEN ?1 AND ?2)
                 ORDER BY s.id"
            }
            Table::Audit => {
                "SELECT seq, at, actor, action, entity, entity_key, detail, prev_hash, hash
                 FROM audit_log ORDER BY seq"
            }
        }
    }
}

/// What an export takes beyond its table (SPEC §17).
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    pub redact: bool,
    /// Only rows dated in this period (reviews, supports, assignments).
    pub period: Option<crate::domain::types::Period>,
    /// Reviews or supports: only the voided ones, with `voided_on,void_reason` appended.
    pub voided: bool,
}

/// The views of the exports that a narrow terminal shortens (the others keep every column).
pub const AUDIT_VIEW: View<'static> =
    View::with_essential(Table::Audit.columns(), &["seq", "at", "actor", "action", "entity_key"]);
pub const CASES_VIEW: View<'static> = View::with_essential(
    Table::Cases.columns(),
    &["case_no", "name", "ward", "category", "enrolled_on", "released_on", "reason"],
);
pub const MEMBERS_VIEW: View<'static> =
    View::with_essential(Table::Members.columns(), &["id", "name", "org", "ward", "joined_on"]);

/// The columns of an export of `table` with these options.
pub fn columns(table: Table, o: &Options) -> Vec<&'static str> {
    let mut v = table.columns().to_vec();
    if o.voided {
        v.extend(["voided_on", "void_reason"]);
    }
    v
}

/// Stream every row of `table` to `f`, redacted if asked.
pub fn export(conn: &Connection, table: Table, redact: bool, f: &mut RowFn) -> Result<()> {
    export_with(conn, table, &Options { redact, ..Options::default() }, f)
}

/// Refuse `-p` and `--voided` where the table has no such rows (before any file is made).
pub fn check(table: Table, o: &Options) -> Result<()> {
    if o.period.is_some() && !matches!(table, Table::Reviews | Table::Supports | Table::Assignments) {
        crate::refuse_w!("export-period-not-dated");
    }
    if o.voided && !matches!(table, Table::Reviews | Table::Supports) {
        crate::refuse_w!("export-voided-only");
    }
    Ok(())
}

/// Stream the rows of `table` that `o` asks for to `f`. Voided reviews and supports are left
/// out, unless `o.voided` asks for them alone.
pub fn export_with(conn: &Connection, table: Table, o: &Options, f: &mut RowFn) -> Result<()> {
    check(table, o)?;
    let width = columns(table, o).len();
    let rules = if o.redact { table.redaction() } else { &[] };
    let mut stmt = conn.prepare(table.sql()).context("preparing the export")?;
    let n = stmt.parameter_count();
    let (from, to) =
        (o.period.map(|p| crate::domain::types::iso(p.from)), o.period.map(|p| crate::domain::types::iso(p.to)));
    let p: [&dyn rusqlite::ToSql; 3] = [&from, &to, &o.voided];
    let mut rows = stmt.query(&p[..n]).context("exporting")?;
    // The same cells, refilled for every row (`db::refill`): no string allocated per value.
    let mut buf: Vec<Cell> = vec![Cell::Null; width];
    while let Some(r) = rows.next().context("exporting")? {
        for (i, cell) in buf.iter_mut().enumerate() {
            match rules.get(i).copied().unwrap_or(Keep) {
                Empty => *cell = Cell::Null,
                rule => {
                    crate::db::refill(cell, r.get_ref(i)?);
                    if let (Initials, Cell::Text(s)) = (rule, &mut *cell) {
                        *s = initials(s);
                    }
                }
            }
        }
        f(&buf)?;
    }
    Ok(())
}

/// One checked, read-only ad-hoc statement.
pub struct AdHoc<'c> {
    stmt: Statement<'c>,
    interrupt: rusqlite::InterruptHandle,
}

/// How much work an ad-hoc query may do (SPEC §16 "Bounded work").
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Wall-clock time from the first step to the last row written; then the statement is
    /// interrupted.
    pub timeout: std::time::Duration,
    /// Rows in the result.
    pub max_rows: u64,
    /// Bytes of the result's values (text and blobs as their length, numbers 8 each).
    pub max_bytes: u64,
}

/// The longest single value (text or blob) SQLite may build for an ad-hoc query: 16 MB
/// (SQLite's own limit is 1 GB). Applied to the query's connection before it runs.
pub const MAX_VALUE: i32 = 16 * 1024 * 1024;

/// The first keyword of `sql`, skipping whitespace and comments, upper-cased.
fn first_keyword(sql: &str) -> String {
    let mut s = sql;
    loop {
        s = s.trim_start();
        if let Some(rest) = s.strip_prefix("--") {
            s = rest.split_once('\n').map_or("", |(_, r)| r);
        } else if let Some(rest) = s.strip_prefix("/*") {
            s = rest.split_once("*/").map_or("", |(_, r)| r);
        } else {
            break;
        }
    }
    s.chars().take_while(|c| c.is_ascii_alphabetic()).collect::<String>().to_ascii_uppercase()
}

/// At most this many characters of the user's SQL are echoed in a message.
fn shown(sql: &str) -> String {
    let t = sql.trim();
    if t.chars().count() > 60 {
        format!("{}…", t.chars().take(60).collect::<String>())
    } else {
        t.to_string()
    }
}

impl<'c> AdHoc<'c> {
    pub fn prepare(conn: &'c Connection, sql: &str) -> Result<AdHoc<'c>> {
        let kw = first_keyword(sql);
        if !matches!(kw.as_str(), "SELECT" | "WITH" | "VALUES") {
            let what = if kw.is_empty() { shown(sql) } else { kw };
            crate::refuse_w!("export-query-read-only-start", what = &what);
        }
        // The register's secret signing key is read as NULL (SPEC §19; src/domain/signing.rs):
        // the authorizer hides the column from every statement this connection prepares.
        conn.authorizer(Some(|ctx: rusqlite::hooks::AuthContext<'_>| match ctx.action {
            rusqlite::hooks::AuthAction::Read { table_name, column_name }
                if table_name.eq_ignore_ascii_case("signing_key") && column_name.eq_ignore_ascii_case("secret") =>
            {
                rusqlite::hooks::Authorization::Ignore
            }
            _ => rusqlite::hooks::Authorization::Allow,
        }));
        let stmt = match conn.prepare(sql) {
            Ok(s) => s,
            Err(rusqlite::Error::MultipleStatement) => {
                crate::refuse_w!("export-query-one-statement", sql = shown(sql))
            }
            Err(e) => {
                crate::refuse_w!("export-query-invalid", sql = shown(sql), error = e.to_string())
            }
        };
        if !stmt.readonly() || stmt.column_count() == 0 {
            crate::refuse_w!("export-query-changes", sql = shown(sql));
        }
        conn.set_limit(rusqlite::limits::Limit::SQLITE_LIMIT_LENGTH, MAX_VALUE).context("limiting the query")?;
        Ok(AdHoc { stmt, interrupt: conn.get_interrupt_handle() })
    }

    /// [`AdHoc::stream`] within `limits`: interrupted after the time limit, refused past the
    /// row or byte limit (the rows already given to `f` stay given).
    pub fn stream_within(self, limits: Limits, f: &mut RowFn) -> Result<()> {
        use std::sync::mpsc;
        let (done, wait) = mpsc::channel::<()>();
        let handle = self.interrupt;
        let timeout = limits.timeout;
        let timer = std::thread::spawn(move || {
            let fired = wait.recv_timeout(timeout) == Err(mpsc::RecvTimeoutError::Timeout);
            if fired {
                handle.interrupt();
            }
            fired
        });
        let (mut rows, mut bytes) = (0u64, 0u64);
        let result = Self::run(self.stmt, &mut |r: &[Cell]| {
            rows += 1;
            bytes += r.iter().map(cell_bytes).sum::<u64>();
            if rows > limits.max_rows {
                crate::refuse_w!("export-query-too-many-rows", max = limits.max_rows);
            }
            if bytes > limits.max_bytes {
                let mb = limits.max_bytes / (1024 * 1024);
                crate::refuse_w!("export-query-too-large", mb = mb);
            }
            f(r)
        });
        let _ = done.send(());
        // The timer thread only waits on the channel: it cannot panic.
        let fired = timer.join().unwrap_or(false);
        match result {
            Err(e) if fired && interrupted(&e) => {
                let s = limits.timeout.as_secs();
                crate::refuse_w!("export-query-timeout", seconds = s)
            }
            Err(e) if too_big(&e) => {
                let mb = MAX_VALUE / (1024 * 1024);
                crate::refuse_w!("export-query-value-too-large", mb = mb)
            }
            other => other,
        }
    }

    pub fn columns(&self) -> Vec<String> {
        self.stmt.column_names().into_iter().map(String::from).collect()
    }

    /// Step through the rows; floating-point values are kept in full.
    pub fn stream(self, f: &mut RowFn) -> Result<()> {
        Self::run(self.stmt, f)
    }

    fn run(mut stmt: Statement<'c>, f: &mut RowFn) -> Result<()> {
        let width = stmt.column_count();
        let mut rows = stmt.query([]).context("running the query")?;
        let mut buf: Vec<Cell> = vec![Cell::Null; width];
        while let Some(r) = rows.next().context("running the query")? {
            for (i, cell) in buf.iter_mut().enumerate() {
                match r.get_ref(i)? {
                    ValueRef::Real(v) => *cell = Cell::Real(v),
                    v => crate::db::refill(cell, v),
                }
            }
            f(&buf)?;
        }
        Ok(())
    }
}

/// What a value weighs in [`Limits::max_bytes`].
fn cell_bytes(c: &Cell) -> u64 {
    match c {
        Cell::Text(s) => s.len() as u64,
        _ => 8,
    }
}

/// Whether an error is SQLite's "interrupted" (the time limit fired).
fn interrupted(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        matches!(c.downcast_ref::<rusqlite::Error>(),
                 Some(rusqlite::Error::SqliteFailure(f, _)) if f.code == rusqlite::ErrorCode::OperationInterrupted)
    })
}

/// Whether an error is SQLite's "string or blob too big" (the value limit).
fn too_big(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        matches!(c.downcast_ref::<rusqlite::Error>(),
                 Some(rusqlite::Error::SqliteFailure(f, _)) if f.code == rusqlite::ErrorCode::TooBig)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_keyword_skips_comments() {
        assert_eq!(first_keyword("  -- who\n /* x */ select 1"), "SELECT");
        assert_eq!(first_keyword("with a as (select 1) select * from a"), "WITH");
        assert_eq!(first_keyword("/* unterminated"), "");
        assert_eq!(first_keyword("ATTACH 'x' AS y"), "ATTACH");
    }

    #[test]
    fn adhoc_refuses_everything_but_one_read() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1);").unwrap();
        assert!(AdHoc::prepare(&conn, "SELECT x FROM t").is_ok());
        assert!(AdHoc::prepare(&conn, "SELECT x FROM t; ").is_ok());
        assert!(AdHoc::prepare(&conn, "VALUES (1), (2)").is_ok());
        for bad in [
            "SELECT 1; DELETE FROM t",
            "DELETE FROM t",
            "WITH a AS (SELECT 1) DELETE FROM t",
            "ATTACH 'other.db' AS o",
            "PRAGMA query_only = 0",
            "BEGIN",
            "",
            "SELEC 1",
        ] {
            assert!(AdHoc::prepare(&conn, bad).is_err(), "{bad}");
        }
    }
}
