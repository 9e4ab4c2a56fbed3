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
//! flags and `query_only`); on top of that [`AdHoc::prepare`] accepts exactly one statement,
//! that starts with SELECT, WITH or VALUES and that SQLite itself reports read-only. That
//! shuts out writes, `ATTACH`/`DETACH` (which SQLite counts as read-only), `PRAGMA` (which
//! can change connection state) and transaction control; `pragma_table_info('v_cases')`
//! and friends remain available as table-valued functions inside a SELECT.

use anyhow::{Context, Result};
use rusqlite::types::ValueRef;
use rusqlite::{Connection, Statement};

use crate::output::Cell;
use crate::refuse;
use crate::text::initials;

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
            Table::Assignments => {
                "SELECT c.case_no, a.member_id, a.start_on, a.end_on
                 FROM assignments a JOIN cases c ON c.id = a.case_id
                 ORDER BY a.id"
            }
            Table::Reviews => {
                "SELECT r.id, c.case_no, r.reviewed_on, r.class, r.member_id, r.note
                 FROM reviews r JOIN cases c ON c.id = r.case_id
                 ORDER BY r.id"
            }
            Table::Supports => {
                "SELECT s.id, c.case_no, s.given_on, s.kind, s.amount, s.member_id, s.note
                 FROM supports s JOIN cases c ON c.id = s.case_id
                 ORDER BY s.id"
            }
            Table::Audit => {
                "SELECT seq, at, actor, action, entity, entity_key, detail, prev_hash, hash
                 FROM audit_log ORDER BY seq"
            }
        }
    }
}

/// Stream every row of `table` to `f`, redacted if asked.
pub fn export(conn: &Connection, table: Table, redact: bool, f: &mut RowFn) -> Result<()> {
    let width = table.columns().len();
    let rules = if redact { table.redaction() } else { &[] };
    let mut stmt = conn.prepare(table.sql()).context("preparing the export")?;
    let mut rows = stmt.query([]).context("exporting")?;
    let mut buf: Vec<Cell> = Vec::with_capacity(width);
    while let Some(r) = rows.next().context("exporting")? {
        buf.clear();
        for i in 0..width {
            let cell: Cell = r.get(i)?;
            buf.push(match (rules.get(i).copied().unwrap_or(Keep), cell) {
                (Initials, Cell::Text(s)) => Cell::Text(initials(&s)),
                (Empty, _) => Cell::Null,
                (_, c) => c,
            });
        }
        f(&buf)?;
    }
    Ok(())
}

/// One checked, read-only ad-hoc statement.
pub struct AdHoc<'c> {
    stmt: Statement<'c>,
}

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
            refuse!("query runs one read-only statement starting with SELECT, WITH or VALUES; '{}' is not allowed (nothing was changed)", what;
                    "query chỉ chạy một câu lệnh chỉ đọc bắt đầu bằng SELECT, WITH hoặc VALUES; không được dùng '{}' (không có gì bị thay đổi)", what);
        }
        let stmt = match conn.prepare(sql) {
            Ok(s) => s,
            Err(rusqlite::Error::MultipleStatement) => {
                refuse!("query runs exactly one statement; remove what follows the first ';' in '{}'", shown(sql);
                        "query chỉ chạy đúng một câu lệnh; hãy bỏ phần sau dấu ';' đầu tiên trong '{}'", shown(sql))
            }
            Err(e) => {
                refuse!("invalid SQL '{}': {}", shown(sql), e; "câu SQL không hợp lệ '{}': {}", shown(sql), e)
            }
        };
        if !stmt.readonly() || stmt.column_count() == 0 {
            refuse!("query is read-only: '{}' would change the database (nothing was changed)", shown(sql);
                    "query chỉ để đọc: '{}' sẽ thay đổi cơ sở dữ liệu (không có gì bị thay đổi)", shown(sql));
        }
        Ok(AdHoc { stmt })
    }

    pub fn columns(&self) -> Vec<String> {
        self.stmt.column_names().into_iter().map(String::from).collect()
    }

    /// Step through the rows; floating-point values are kept in full.
    pub fn stream(mut self, f: &mut RowFn) -> Result<()> {
        let width = self.stmt.column_count();
        let mut rows = self.stmt.query([]).context("running the query")?;
        let mut buf: Vec<Cell> = Vec::with_capacity(width);
        while let Some(r) = rows.next().context("running the query")? {
            buf.clear();
            for i in 0..width {
                buf.push(match r.get_ref(i)? {
                    ValueRef::Real(v) => Cell::Real(v),
                    _ => r.get::<_, Cell>(i)?,
                });
            }
            f(&buf)?;
        }
        Ok(())
    }
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
