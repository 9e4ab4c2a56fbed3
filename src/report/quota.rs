//! `report quota`: how far each member is toward the yearly quota (chỉ tiêu) of people
//! helped to make progress (SPEC §6).
//!
//! The members counted are those whose membership overlaps [F, T]; each one's credit is the
//! number of `progressed` releases in [F, T] credited to them (index `cases_credited`). The
//! per-member figures are computed once in SQL and aggregated per ward, org or member.
//! Quotas are yearly, so a period must lie within one calendar year.

use anyhow::{Context, Result};
use chrono::{Datelike, NaiveDate};
use rusqlite::{params, Connection};

use super::scope::Scope;
use crate::domain::types::{iso, Period};
use crate::view::{Cell, View};

pub const COLUMNS: &[&str] = &["group", "members", "target", "achieved", "members_met", "shortfall", "pct"];
pub const MEMBER_COLUMNS: &[&str] =
    &["group", "name", "org", "ward", "members", "target", "achieved", "members_met", "shortfall", "pct"];

/// The quota's views (by ward or organization; by member): the columns a narrow terminal keeps.
pub const VIEW: View<'static> =
    View::with_essential(COLUMNS, &["group", "members", "target", "achieved", "shortfall", "pct"]);
pub const MEMBER_VIEW: View<'static> =
    View::with_essential(MEMBER_COLUMNS, &["group", "name", "target", "achieved", "shortfall"]);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum By {
    Ward,
    Org,
    Member,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Row {
    pub group: String,
    /// Name, org and ward of the member (`--by member` only).
    pub member: Option<(String, String, String)>,
    pub members: i64,
    pub target: i64,
    pub achieved: i64,
    pub members_met: i64,
    pub shortfall: i64,
}

impl Row {
    /// achieved / target × 100, None when the target is 0.
    pub fn pct(&self) -> Option<f64> {
        (self.target > 0).then(|| self.achieved as f64 * 100.0 / self.target as f64)
    }

    pub fn cells(&self) -> Vec<Cell> {
        let mut v = vec![Cell::text(self.group.clone())];
        if let Some((name, org, ward)) = &self.member {
            let t = |s: &String| if s.is_empty() { Cell::Null } else { Cell::text(s.clone()) };
            v.extend([t(name), t(org), t(ward)]);
        }
        v.extend([self.members, self.target, self.achieved, self.members_met, self.shortfall].map(Cell::Int));
        v.push(self.pct().map_or(Cell::Null, Cell::Dec1));
        v
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Quota {
    pub period: Period,
    pub quota: i64,
    pub rows: Vec<Row>,
    pub total: Row,
}

/// The member's ward on their last day of membership in the period (T, or the day they
/// left), SPEC §13: an index seek on `member_wards` (member_id, from_on).
macro_rules! ward_in_period {
    () => {
        "coalesce((SELECT mw.ward_id FROM member_wards mw
                    WHERE mw.member_id = m.id
                      AND mw.from_on <= (CASE WHEN m.left_on <= ?2 THEN m.left_on ELSE ?2 END)
                    ORDER BY mw.from_on DESC LIMIT 1), m.ward_id)"
    };
}

/// Per-member credit in [?1, ?2] with quota ?3, aggregated per `$key` of the member (one
/// pass over the members), then joined onto the groups `$groups` (g, code, sort key), which
/// may name `ag` (the groups that have members).
macro_rules! quota_sql {
    ($key:literal, $groups:literal) => {
        concat!(
            "WITH mm AS MATERIALIZED (
               SELECT m.id, ",
            ward_in_period!(),
            " AS ward_id, m.org_id,
                      (SELECT count(*) FROM cases c
                       WHERE c.credited_member_id = m.id AND c.released_on BETWEEN ?1 AND ?2) AS credited
               FROM members m
               WHERE m.joined_on <= ?2 AND (m.left_on IS NULL OR m.left_on >= ?1)
                 AND (?5 IS NULL OR m.org_id = ?5) AND (?6 IS NULL OR m.id = ?6)),
             ag AS MATERIALIZED (
               SELECT ",
            $key,
            " AS g, count(*) AS n, sum(credited) AS achieved, sum(credited >= ?3) AS met,
                      sum(max(0, ?3 - credited)) AS short
               FROM mm WHERE ?4 IS NULL OR mm.ward_id = ?4 GROUP BY 1),
             gr (g, code, k) AS (",
            $groups,
            ")
             SELECT gr.code, '', '', '', coalesce(ag.n, 0), coalesce(ag.achieved, 0),
                    coalesce(ag.met, 0), coalesce(ag.short, 0)
             FROM gr LEFT JOIN ag ON ag.g = gr.g
             ORDER BY gr.k, gr.code"
        )
    };
}

const BY_WARD: &str = quota_sql!(
    "ward_id",
    "SELECT id, code, sort_key FROM wards
     WHERE ((from_on IS NULL OR from_on <= ?2) AND (dissolved_on IS NULL OR dissolved_on > ?1))
        OR id IN (SELECT g FROM ag)"
);
const BY_ORG: &str = quota_sql!("org_id", "SELECT id, code, code FROM orgs");
const BY_MEMBER: &str = concat!(
    "
    WITH mm AS MATERIALIZED (
      SELECT m.id, m.name, ",
    ward_in_period!(),
    " AS ward_id, m.org_id,
             (SELECT count(*) FROM cases c
              WHERE c.credited_member_id = m.id AND c.released_on BETWEEN ?1 AND ?2) AS credited
      FROM members m
      WHERE m.joined_on <= ?2 AND (m.left_on IS NULL OR m.left_on >= ?1)
        AND (?5 IS NULL OR m.org_id = ?5) AND (?6 IS NULL OR m.id = ?6))
    SELECT CAST(mm.id AS TEXT), mm.name, o.code, w.code, 1, mm.credited,
           mm.credited >= ?3, max(0, ?3 - mm.credited)
    FROM mm JOIN orgs o ON o.id = mm.org_id JOIN wards w ON w.id = mm.ward_id
    WHERE ?4 IS NULL OR mm.ward_id = ?4
    ORDER BY mm.id"
);

pub const TOTAL: &str = "TOTAL";

/// Quota figures of `period` with `quota` people per member, grouped `by`.
pub fn quota(conn: &Connection, period: Period, quota: i64, by: By) -> Result<Quota> {
    quota_in(conn, period, quota, by, None)
}

/// With `structure` (SPEC §13, `--by ward` only): each ward row under the ward that had
/// taken it over by that day, rows landing in the same ward added up.
pub fn quota_in(conn: &Connection, period: Period, quota: i64, by: By, structure: Option<NaiveDate>) -> Result<Quota> {
    quota_scoped(conn, period, quota, by, structure, &Scope::default())
}

/// [`quota_in`] of one part: with a `scope` (SPEC §17) only the members in that part are
/// counted — their own ward in the period (as for grouping), their organization, or the one
/// member — and only the groups that have members in that part are listed.
pub fn quota_scoped(
    conn: &Connection,
    period: Period,
    quota: i64,
    by: By,
    structure: Option<NaiveDate>,
    scope: &Scope,
) -> Result<Quota> {
    let mut q = quota_by(conn, period, quota, by, scope)?;
    if !scope.is_all() {
        q.rows.retain(|r| r.members > 0);
    }
    if let Some(d) = structure {
        let rows = std::mem::take(&mut q.rows);
        q.rows = super::regroup(
            conn,
            d,
            by == By::Ward,
            rows,
            |r| &mut r.group,
            |e, r| {
                e.members += r.members;
                e.target += r.target;
                e.achieved += r.achieved;
                e.members_met += r.members_met;
                e.shortfall += r.shortfall;
            },
        )?;
    }
    Ok(q)
}

fn quota_by(conn: &Connection, period: Period, quota: i64, by: By, scope: &Scope) -> Result<Quota> {
    if period.from.year() != period.to.year() {
        crate::refuse_w!(
            "quota-period-crosses-year",
            from = period.from.to_string(),
            to = period.to.to_string(),
            year = period.from.year()
        );
    }
    let sql = match by {
        By::Ward => BY_WARD,
        By::Org => BY_ORG,
        By::Member => BY_MEMBER,
    };
    let mut stmt = conn.prepare_cached(sql).context("preparing the quota query")?;
    let rows = stmt
        .query_map(
            params![iso(period.from), iso(period.to), quota, scope.ward_id(), scope.org_id(), scope.member_id()],
            |r| {
                let members: i64 = r.get(4)?;
                Ok(Row {
                    group: r.get(0)?,
                    member: if by == By::Member { Some((r.get(1)?, r.get(2)?, r.get(3)?)) } else { None },
                    members,
                    target: quota * members,
                    achieved: r.get(5)?,
                    members_met: r.get(6)?,
                    shortfall: r.get(7)?,
                })
            },
        )
        .context("counting quotas")?
        .collect::<rusqlite::Result<Vec<Row>>>()
        .context("reading quotas")?;
    let mut total = Row { group: TOTAL.into(), ..Row::default() };
    if by == By::Member {
        total.member = Some((String::new(), String::new(), String::new()));
    }
    for r in &rows {
        total.members += r.members;
        total.target += r.target;
        total.achieved += r.achieved;
        total.members_met += r.members_met;
        total.shortfall += r.shortfall;
    }
    Ok(Quota { period, quota, rows, total })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{full_scans, plan};

    #[test]
    fn credits_come_from_the_credited_index() {
        for sql in [BY_WARD, BY_ORG, BY_MEMBER] {
            let none = None::<i64>;
            let pl = plan(sql, &[&"2022-01-01", &"2022-12-31", &2, &none, &none, &none]);
            assert!(full_scans(&pl, &["c", "cases"]).is_empty(), "{pl:#?}");
            assert!(pl.iter().any(|l| l.contains("cases_credited")), "{pl:#?}");
            assert!(full_scans(&pl, &["mw", "member_wards"]).is_empty(), "{pl:#?}");
        }
    }
}
