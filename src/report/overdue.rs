//! `report overdue`: the cases the clerk must chase (SPEC §6).
//!
//! A case is listed when it is open on D (enrolled on or before D, not released on or
//! before D: a case released on D is no longer anyone's to visit) and either its last
//! contact — the latest review on or before D, else the enrollment date — is more than N
//! days before D, or no member is assigned to it on D. Oldest contact first.
//!
//! The open cases are read in id order (`NOT INDEXED`: one pass over the cases table), so the
//! per-case lookups in `case_wards`, `reviews_case` and `assignments_case` walk each index
//! forward, each page read once, instead of jumping about in enrollment-date order (on an
//! encrypted register every page read again is decrypted again: 5 × slower that way).

use anyhow::{Context, Result};
use chrono::NaiveDate;
use rusqlite::{params, Connection};

use super::scope::Scope;
use crate::domain::types::iso;
use crate::view::{Cell, View};

pub const COLUMNS: &[&str] =
    &["case_no", "name", "ward", "member_id", "member_name", "org", "last_contact", "days_since"];
/// The columns a narrow terminal keeps.
pub const VIEW: View<'static> =
    View::with_essential(COLUMNS, &["case_no", "name", "member_name", "last_contact", "days_since"]);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub case_no: String,
    pub name: String,
    pub ward: String,
    pub member_id: Option<i64>,
    pub member_name: Option<String>,
    pub org: Option<String>,
    pub last_contact: String,
    pub days_since: i64,
}

impl Row {
    pub fn cells(&self) -> Vec<Cell> {
        vec![
            Cell::text(self.case_no.clone()),
            Cell::text(self.name.clone()),
            Cell::text(self.ward.clone()),
            Cell::opt_int(self.member_id),
            Cell::opt_text(self.member_name.clone()),
            Cell::opt_text(self.org.clone()),
            Cell::text(self.last_contact.clone()),
            Cell::Int(self.days_since),
        ]
    }
}

const SQL: &str = "
    WITH oc AS MATERIALIZED (
      SELECT c.case_no, c.person_id,
             coalesce((SELECT cw.ward_id FROM case_wards cw WHERE cw.case_id = c.id AND cw.from_on <= ?1
                       ORDER BY cw.from_on DESC LIMIT 1), c.ward_id) AS ward_id,
             coalesce((SELECT max(r.reviewed_on) FROM reviews r
                       WHERE r.case_id = c.id AND r.voided_on IS NULL AND r.reviewed_on <= ?1),
                      c.enrolled_on) AS last_contact,
             (SELECT a.member_id FROM assignments a
              WHERE a.case_id = c.id AND a.start_on <= ?1 AND (a.end_on IS NULL OR a.end_on >= ?1)
              ORDER BY a.start_on DESC, a.id DESC LIMIT 1) AS member_id
      FROM cases c NOT INDEXED
      WHERE c.enrolled_on <= ?1 AND (c.released_on IS NULL OR c.released_on > ?1))
    SELECT oc.case_no, p.name, w.code, oc.member_id, m.name, o.code, oc.last_contact,
           CAST(julianday(?1) - julianday(oc.last_contact) AS INTEGER) AS days_since
    FROM oc
    JOIN persons p ON p.id = oc.person_id
    JOIN wards w ON w.id = oc.ward_id
    LEFT JOIN members m ON m.id = oc.member_id
    LEFT JOIN orgs o ON o.id = m.org_id
    WHERE (oc.member_id IS NULL OR julianday(?1) - julianday(oc.last_contact) > ?2)
      AND (?3 IS NULL OR oc.ward_id = ?3) AND (?4 IS NULL OR m.org_id = ?4) AND (?5 IS NULL OR oc.member_id = ?5)
    ORDER BY oc.last_contact, oc.case_no";

/// Overdue and unassigned open cases as of `as_of`, with `days` the longest allowed gap,
/// handed to `f` one by one in order (SQLite sorts), so a city's worth of cases streams out in
/// constant memory.
pub fn overdue(conn: &Connection, as_of: NaiveDate, days: i64, f: &mut dyn FnMut(Row) -> Result<()>) -> Result<()> {
    overdue_in(conn, as_of, days, &Scope::default(), f)
}

/// [`overdue`] in a scope (SPEC §17): the case's ward on D, the member assigned on D and
/// that member's organization (an unassigned case is in no organization's or member's part).
pub fn overdue_in(
    conn: &Connection,
    as_of: NaiveDate,
    days: i64,
    scope: &Scope,
    f: &mut dyn FnMut(Row) -> Result<()>,
) -> Result<()> {
    let mut stmt = conn.prepare_cached(SQL).context("preparing the overdue query")?;
    let mut rows = stmt
        .query(params![iso(as_of), days, scope.ward_id(), scope.org_id(), scope.member_id()])
        .context("finding overdue cases")?;
    while let Some(r) = rows.next().context("reading overdue cases")? {
        f(Row {
            case_no: r.get(0)?,
            name: r.get(1)?,
            ward: r.get(2)?,
            member_id: r.get(3)?,
            member_name: r.get(4)?,
            org: r.get(5)?,
            last_contact: r.get(6)?,
            days_since: r.get(7)?,
        })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{full_scans, plan};

    #[test]
    fn reviews_and_assignments_are_read_per_case_by_index() {
        let none = None::<i64>;
        let pl = plan(SQL, &[&"2022-12-31", &30, &none, &none, &none]);
        assert!(full_scans(&pl, &["r", "reviews", "a", "assignments"]).is_empty(), "{pl:#?}");
    }
}
