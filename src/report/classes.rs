//! The cases open on a day, by the A–D class of their latest review (SPEC §12, chart (d)),
//! and how many members are in charge of them.
//!
//! A case is open on D when it was enrolled on or before D and not released on or before D
//! (the `closing` of a summary ending on D, and the cases `report overdue` looks at). Its class
//! is that of its latest review on or before D (of two on that day, the later recorded);
//! a case never reviewed by D is counted under "no review". The member in charge is the one
//! assigned on D (SPEC §3). Reviews and assignments are read per case through their indexes.

use anyhow::{Context, Result};
use chrono::NaiveDate;
use rusqlite::{params, Connection};

use super::scope::Scope;
use crate::domain::types::iso;

/// Open cases on one day by class, and the members and organizations in charge of them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Classes {
    pub on: Option<NaiveDate>,
    /// Cases whose latest review is class A, B, C, D (the order of `Class::ALL`).
    pub by_class: [i64; 4],
    /// Open cases with no review on or before the day.
    pub no_review: i64,
    /// Distinct members assigned on the day to an open case.
    pub members: i64,
    /// Distinct organizations of those members.
    pub orgs: i64,
}

impl Classes {
    /// Every open case, whatever its class.
    pub fn open(&self) -> i64 {
        self.by_class.iter().sum::<i64>() + self.no_review
    }
}

const SQL: &str = "
    WITH oc AS MATERIALIZED (
      SELECT (SELECT r.class FROM reviews r
              WHERE r.case_id = c.id AND r.voided_on IS NULL AND r.reviewed_on <= ?1
              ORDER BY r.reviewed_on DESC, r.id DESC LIMIT 1) AS class,
             (SELECT a.member_id FROM assignments a
              WHERE a.case_id = c.id AND a.start_on <= ?1 AND (a.end_on IS NULL OR a.end_on >= ?1)
              ORDER BY a.start_on DESC, a.id DESC LIMIT 1) AS member_id
      FROM cases c
      WHERE c.enrolled_on <= ?1 AND (c.released_on IS NULL OR c.released_on > ?1)
        AND (?2 IS NULL OR coalesce((SELECT cw.ward_id FROM case_wards cw WHERE cw.case_id = c.id AND cw.from_on <= ?1
                                     ORDER BY cw.from_on DESC LIMIT 1), c.ward_id) = ?2))
    SELECT coalesce(sum(class = 'A'), 0), coalesce(sum(class = 'B'), 0),
           coalesce(sum(class = 'C'), 0), coalesce(sum(class = 'D'), 0),
           coalesce(sum(class IS NULL), 0),
           count(DISTINCT oc.member_id), count(DISTINCT m.org_id)
    FROM oc LEFT JOIN members m ON m.id = oc.member_id
    WHERE (?3 IS NULL OR m.org_id = ?3) AND (?4 IS NULL OR oc.member_id = ?4)";

/// The open cases on `on` by the class of their latest review, with the members in charge.
pub fn classes(conn: &Connection, on: NaiveDate) -> Result<Classes> {
    classes_in(conn, on, &Scope::default())
}

/// [`classes`] of one part (SPEC §17): the case's ward on the day, the member assigned on
/// the day and that member's organization.
pub fn classes_in(conn: &Connection, on: NaiveDate, scope: &Scope) -> Result<Classes> {
    let mut stmt = conn.prepare_cached(SQL).context("preparing the class count")?;
    stmt.query_row(params![iso(on), scope.ward_id(), scope.org_id(), scope.member_id()], |r| {
        Ok(Classes {
            on: Some(on),
            by_class: [r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?],
            no_review: r.get(4)?,
            members: r.get(5)?,
            orgs: r.get(6)?,
        })
    })
    .context("counting open cases by class")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{full_scans, plan};

    #[test]
    fn reviews_and_assignments_are_read_per_case_by_index() {
        let none = None::<i64>;
        let pl = plan(SQL, &[&"2022-12-31", &none, &none, &none]);
        assert!(full_scans(&pl, &["r", "reviews", "a", "assignments"]).is_empty(), "{pl:#?}");
    }
}
