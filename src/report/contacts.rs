//! `report contacts`: who has reported this period (SPEC §17).
//!
//! For a period [F, T] and each group — the member assigned on T, the ward of the case on T,
//! or the organization of that member (`unassigned` when nobody is) — `cases` are the cases
//! open on T (enrolled on or before T, not released on or before T) in the group's charge,
//! `contacted` those of them with at least one contact (a review not voided) dated in [F, T],
//! `not_contacted` the rest, `contacts` the contacts dated in [F, T] of those cases, and
//! `pct` = contacted / cases × 100 with one decimal (empty when there are no cases).
//!
//! Rows: every organization and `unassigned` (`--by org`); every ward existing on T, and any
//! other ward a case is in (`--by ward`); every member in charge of a case on T and
//! `unassigned` (`--by member`). A scoped report (`--ward/--org/--member`, the same
//! definitions) lists only the groups with cases in that part. One pass over the open cases
//! with three index seeks each (ward history, assignment, the case's contacts in the period).

use anyhow::{Context, Result};
use rusqlite::{params, Connection};

use super::scope::Scope;
use crate::domain::types::{iso, Period};
use crate::view::Cell;

pub const COLUMNS: &[&str] = &["group", "cases", "contacted", "not_contacted", "contacts", "pct"];
pub const MEMBER_COLUMNS: &[&str] =
    &["group", "name", "org", "ward", "cases", "contacted", "not_contacted", "contacts", "pct"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum By {
    Member,
    Ward,
    Org,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Row {
    pub group: String,
    /// Name, org and ward of the member (`--by member` only; empty for `unassigned`, TOTAL).
    pub member: Option<(String, String, String)>,
    pub cases: i64,
    pub contacted: i64,
    pub contacts: i64,
}

impl Row {
    pub fn not_contacted(&self) -> i64 {
        self.cases - self.contacted
    }

    /// contacted / cases × 100, None when there are no cases.
    pub fn pct(&self) -> Option<f64> {
        (self.cases > 0).then(|| self.contacted as f64 * 100.0 / self.cases as f64)
    }

    pub fn cells(&self) -> Vec<Cell> {
        let mut v = vec![Cell::text(self.group.clone())];
        if let Some((name, org, ward)) = &self.member {
            let t = |s: &String| if s.is_empty() { Cell::Null } else { Cell::text(s.clone()) };
            v.extend([t(name), t(org), t(ward)]);
        }
        v.extend([self.cases, self.contacted, self.not_contacted(), self.contacts].map(Cell::Int));
        v.push(self.pct().map_or(Cell::Null, Cell::Dec1));
        v
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contacts {
    pub period: Period,
    pub rows: Vec<Row>,
    pub total: Row,
}

/// The open cases on T (?2) with their ward, member, org and contacts in [?1, ?2], in the
/// scope ?3 (ward), ?4 (org), ?5 (member); then `$tail`, which groups `sc`.
macro_rules! contacts_sql {
    ($tail:literal) => {
        concat!(
            "WITH oc AS MATERIALIZED (
               SELECT coalesce((SELECT cw.ward_id FROM case_wards cw WHERE cw.case_id = c.id AND cw.from_on <= ?2
                                ORDER BY cw.from_on DESC LIMIT 1), c.ward_id) AS ward_id,
                      (SELECT a.member_id FROM assignments a
                       WHERE a.case_id = c.id AND a.start_on <= ?2 AND (a.end_on IS NULL OR a.end_on >= ?2)
                       ORDER BY a.start_on DESC, a.id DESC LIMIT 1) AS member_id,
                      (SELECT count(*) FROM reviews r
                       WHERE r.case_id = c.id AND r.voided_on IS NULL AND r.reviewed_on BETWEEN ?1 AND ?2) AS n
               -- In the cases' own order (NOT INDEXED), so that each case's reviews, assignments
               -- and wards are read in their indexes' order too: through cases_enrolled the
               -- lookups jump about, and every page that leaves the cache is read (and, in an
               -- encrypted register, decrypted and authenticated) again: 4 x slower encrypted.
               FROM cases c NOT INDEXED
               WHERE c.enrolled_on <= ?2 AND (c.released_on IS NULL OR c.released_on > ?2)),
             sc AS MATERIALIZED (
               SELECT oc.ward_id, oc.member_id, coalesce(m.org_id, 0) AS org_id, oc.n
               FROM oc LEFT JOIN members m ON m.id = oc.member_id
               WHERE (?3 IS NULL OR oc.ward_id = ?3) AND (?4 IS NULL OR m.org_id = ?4)
                 AND (?5 IS NULL OR oc.member_id = ?5)),
             ag AS (SELECT ",
            $tail
        )
    };
}

/// ?6 is 1 when scoped: only groups with cases are listed.
const BY_WARD: &str = contacts_sql!(
    "ward_id AS g, count(*) AS cases, sum(n > 0) AS contacted, sum(n) AS contacts FROM sc GROUP BY 1)
     SELECT w.code, '', '', '', coalesce(ag.cases, 0), coalesce(ag.contacted, 0), coalesce(ag.contacts, 0)
     FROM wards w LEFT JOIN ag ON ag.g = w.id
     WHERE ag.g IS NOT NULL
        OR (NOT ?6 AND (w.from_on IS NULL OR w.from_on <= ?2) AND (w.dissolved_on IS NULL OR w.dissolved_on > ?2))
     ORDER BY w.sort_key, w.code"
);

const BY_ORG: &str = contacts_sql!(
    "org_id AS g, count(*) AS cases, sum(n > 0) AS contacted, sum(n) AS contacts FROM sc GROUP BY 1),
     gr (g, code, k) AS (SELECT id, code, '0' || code FROM orgs UNION ALL SELECT 0, 'unassigned', '1')
     SELECT gr.code, '', '', '', coalesce(ag.cases, 0), coalesce(ag.contacted, 0), coalesce(ag.contacts, 0)
     FROM gr LEFT JOIN ag ON ag.g = gr.g
     WHERE ag.g IS NOT NULL OR NOT ?6
     ORDER BY gr.k"
);

/// Members by id; `unassigned` last (always, unscoped; when it has cases, scoped).
const BY_MEMBER: &str = contacts_sql!(
    "coalesce(member_id, 0) AS g, count(*) AS cases, sum(n > 0) AS contacted, sum(n) AS contacts FROM sc GROUP BY 1),
     gr (g) AS (SELECT g FROM ag UNION SELECT 0 WHERE NOT ?6)
     SELECT CASE WHEN gr.g = 0 THEN 'unassigned' ELSE CAST(gr.g AS TEXT) END,
            coalesce(m.name, ''), coalesce(o.code, ''),
            coalesce(w.code, ''),
            coalesce(ag.cases, 0), coalesce(ag.contacted, 0), coalesce(ag.contacts, 0)
     FROM gr LEFT JOIN ag ON ag.g = gr.g
     LEFT JOIN members m ON m.id = gr.g
     LEFT JOIN orgs o ON o.id = m.org_id
     LEFT JOIN wards w ON w.id = coalesce((SELECT mw.ward_id FROM member_wards mw
                                           WHERE mw.member_id = m.id AND mw.from_on <= ?2
                                           ORDER BY mw.from_on DESC LIMIT 1), m.ward_id)
     ORDER BY gr.g = 0, gr.g"
);

pub const TOTAL: &str = "TOTAL";

/// The contacts report of `period`, grouped `by`, in `scope`.
pub fn contacts(conn: &Connection, period: Period, by: By, scope: &Scope) -> Result<Contacts> {
    let sql = match by {
        By::Ward => BY_WARD,
        By::Org => BY_ORG,
        By::Member => BY_MEMBER,
    };
    let mut stmt = conn.prepare_cached(sql).context("preparing the contacts query")?;
    let rows = stmt
        .query_map(
            params![
                iso(period.from),
                iso(period.to),
                scope.ward_id(),
                scope.org_id(),
                scope.member_id(),
                !scope.is_all()
            ],
            |r| {
                Ok(Row {
                    group: r.get(0)?,
                    member: if by == By::Member { Some((r.get(1)?, r.get(2)?, r.get(3)?)) } else { None },
                    cases: r.get(4)?,
                    contacted: r.get(5)?,
                    contacts: r.get(6)?,
                })
            },
        )
        .context("counting contacts")?
        .collect::<rusqlite::Result<Vec<Row>>>()
        .context("reading contacts")?;
    let mut total = Row { group: TOTAL.into(), ..Row::default() };
    if by == By::Member {
        total.member = Some(Default::default());
    }
    for r in &rows {
        total.cases += r.cases;
        total.contacted += r.contacted;
        total.contacts += r.contacts;
    }
    Ok(Contacts { period, rows, total })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{full_scans, plan};

    #[test]
    fn reviews_are_read_per_case_by_index() {
        for sql in [BY_WARD, BY_ORG, BY_MEMBER] {
            let pl = plan(sql, &[&"2022-01-01", &"2022-12-31", &None::<i64>, &None::<i64>, &None::<i64>, &false]);
            assert!(full_scans(&pl, &["r", "reviews", "a", "assignments", "cw", "case_wards"]).is_empty(), "{pl:#?}");
            // The open cases in the table's own order, never through an index on their dates
            // (whose order would make every per-case lookup jump about: issue 20).
            assert!(pl.iter().any(|l| l.contains("SCAN c")), "{pl:#?}");
            assert!(!pl.iter().any(|l| l.contains("SEARCH c USING INDEX")), "{pl:#?}");
        }
    }
}
