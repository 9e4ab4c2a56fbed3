//! `report summary`: the meeting's figures for a period [F, T] (SPEC §6).
//!
//! One SQL statement per row set does the counting. A CTE picks the cases that matter for
//! the period (enrolled by T and not released before F) with their group; the case counts,
//! the reviews and the supports are then each aggregated per group and joined onto the full
//! list of groups, so a ward with nothing to report still shows a row of zeros. Reviews and
//! supports are read through their date indexes (`reviews_date`, `supports_date`), never by
//! scanning every review of every year.
//!
//! The cases of the period are read in one pass over the cases table in id order (`NOT
//! INDEXED`), not through `cases_enrolled`: the date index hands them out in date order, so
//! every row fetched from the table and every per-case lookup (ward history, assignment) lands
//! on a page far from the last — and on an encrypted register each page fetched again is
//! decrypted and authenticated again. In id order each page is read once (BENCHMARKS.md,
//! "Encrypted registers": 3 × less work encrypted, a quarter less plain).
//!
//! `--by month|quarter` counts the stock on the period's first day, then every flow per
//! sub-period in one pass over the date indexes; each row's opening is the previous row's
//! closing, which is exactly "each row counted over its own dates".

use anyhow::{Context, Result};
use chrono::NaiveDate;
use rusqlite::{params, Connection};

use super::scope::{case_in_scope, Scope};
use crate::domain::types::{iso, Period};
use crate::view::{Cell, View};

/// CSV columns, in the order of SPEC §6.
pub const COLUMNS: &[&str] = &[
    "group",
    "opening",
    "intake",
    "total_managed",
    "progressed",
    "moved",
    "deceased",
    "reoffended",
    "institution",
    "other",
    "exits",
    "closing",
    "contacts",
    "supports",
    "loan_amount",
];

/// The summary's view: the columns a narrow terminal keeps.
pub const VIEW: View<'static> =
    View::with_essential(COLUMNS, &["group", "opening", "intake", "total_managed", "progressed", "exits", "closing"]);

/// Which rows a summary has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum By {
    Ward,
    Org,
    Category,
    Month,
    Quarter,
}

/// One row of the summary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Row {
    pub group: String,
    pub opening: i64,
    pub intake: i64,
    pub total_managed: i64,
    pub progressed: i64,
    pub moved: i64,
    pub deceased: i64,
    pub reoffended: i64,
    pub institution: i64,
    pub other: i64,
    pub exits: i64,
    pub closing: i64,
    pub contacts: i64,
    pub supports: i64,
    pub loan_amount: i64,
}

impl Row {
    pub fn cells(&self) -> Vec<Cell> {
        let mut v = vec![Cell::text(self.group.clone())];
        v.extend(
            [
                self.opening,
                self.intake,
                self.total_managed,
                self.progressed,
                self.moved,
                self.deceased,
                self.reoffended,
                self.institution,
                self.other,
                self.exits,
                self.closing,
                self.contacts,
                self.supports,
                self.loan_amount,
            ]
            .into_iter()
            .map(Cell::Int),
        );
        v
    }

    /// Fill the derived columns from the counted ones.
    fn derive(mut self) -> Row {
        self.total_managed = self.opening + self.intake;
        self.exits = self.progressed + self.moved + self.deceased + self.reoffended + self.institution + self.other;
        self.closing = self.total_managed - self.exits;
        self
    }

    /// Add another row's additive columns (everything but the group).
    fn add(&mut self, o: &Row) {
        self.opening += o.opening;
        self.intake += o.intake;
        self.progressed += o.progressed;
        self.moved += o.moved;
        self.deceased += o.deceased;
        self.reoffended += o.reoffended;
        self.institution += o.institution;
        self.other += o.other;
        self.contacts += o.contacts;
        self.supports += o.supports;
        self.loan_amount += o.loan_amount;
    }
}

/// A summary: its period, its rows in group order, and the TOTAL row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub period: Period,
    pub rows: Vec<Row>,
    pub total: Row,
}

/// The cases `total_managed` counts for a period [?1, ?2]: enrolled by its last day and not
/// released before its first (opening + intake). One condition, used by the summary and by
/// [`managed_cases`], so the package's tokens are exactly the cases its figures count.
macro_rules! managed {
    () => {
        "c.enrolled_on <= ?2 AND (c.released_on IS NULL OR c.released_on >= ?1)"
    };
}

/// Every case counted in the whole register's `total_managed` for `p`, in case-number order,
/// with what the package's linking tokens are made of (SPEC §19): identity number, folded
/// name, birth year. Only `report::package` uses these values, and only to hash them.
pub fn managed_cases(conn: &Connection, p: Period) -> Result<Vec<crate::report::package::Managed>> {
    let mut stmt = conn
        .prepare_cached(concat!(
            "SELECT c.case_no, pe.id_number, pe.name_fold, pe.birth_year
             FROM cases c JOIN persons pe ON pe.id = c.person_id
             WHERE ",
            managed!(),
            " ORDER BY c.case_no"
        ))
        .context("preparing the list of managed cases")?;
    let rows = stmt
        .query_map(params![iso(p.from), iso(p.to)], |r| {
            Ok(crate::report::package::Managed {
                case_no: r.get(0)?,
                id_number: r.get(1)?,
                name_fold: r.get(2)?,
                birth_year: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()
        .context("reading the managed cases")?;
    Ok(rows)
}

/// The statement for one grouping: `$g` is the group id of a case `c` (the period's last
/// day is ?2), `$groups` lists every group as (g, code, sort key).
macro_rules! summary_sql {
    ($g:literal, $groups:literal) => {
        concat!(
            "WITH cg AS MATERIALIZED (
               SELECT c.id, c.enrolled_on, c.released_on, c.reason, ",
            $g,
            " AS g
               FROM cases c NOT INDEXED
               WHERE ",
            managed!(),
            " AND ",
            case_in_scope!("?3", "?4", "?5"),
            "),
             cc AS (
               SELECT g,
                      sum(enrolled_on < ?1) AS opening,
                      sum(enrolled_on >= ?1) AS intake,
                      sum(released_on <= ?2 AND reason = 'progressed') AS progressed,
                      sum(released_on <= ?2 AND reason = 'moved') AS moved,
                      sum(released_on <= ?2 AND reason = 'deceased') AS deceased,
                      sum(released_on <= ?2 AND reason = 'reoffended') AS reoffended,
                      sum(released_on <= ?2 AND reason = 'institution') AS institution,
                      sum(released_on <= ?2 AND reason = 'other') AS other
               FROM cg GROUP BY g),
             rv AS (
               SELECT cg.g, count(*) AS n
               FROM reviews r JOIN cg ON cg.id = r.case_id
               WHERE r.reviewed_on BETWEEN ?1 AND ?2 AND r.voided_on IS NULL
               GROUP BY cg.g),
             sp AS (
               SELECT cg.g, count(*) AS n,
                      sum(CASE WHEN s.kind = 'loan' THEN coalesce(s.amount, 0) ELSE 0 END) AS loan
               FROM supports s JOIN cg ON cg.id = s.case_id
               WHERE s.given_on BETWEEN ?1 AND ?2 AND s.voided_on IS NULL
               GROUP BY cg.g),
             gr (g, code, k) AS (",
            $groups,
            ")
             SELECT gr.code,
                    coalesce(cc.opening, 0), coalesce(cc.intake, 0),
                    coalesce(cc.progressed, 0), coalesce(cc.moved, 0), coalesce(cc.deceased, 0),
                    coalesce(cc.reoffended, 0), coalesce(cc.institution, 0), coalesce(cc.other, 0),
                    coalesce(rv.n, 0), coalesce(sp.n, 0), coalesce(sp.loan, 0)
             FROM gr
             LEFT JOIN cc ON cc.g = gr.g
             LEFT JOIN rv ON rv.g = gr.g
             LEFT JOIN sp ON sp.g = gr.g
             ORDER BY gr.k, gr.code"
        )
    };
}

/// The ward of the case on its last open day in the period: T, or its release date when
/// released by T (SPEC §13; the one definition is in `domain::wards`), an index seek on
/// `case_wards` (case_id, from_on). The rows are every ward that existed on some day of the
/// period, and any other ward a case is counted in (none in a register `check` passes), so
/// the rows always add up to the total.
const BY_WARD: &str = summary_sql!(
    "coalesce((SELECT cw.ward_id FROM case_wards cw
                WHERE cw.case_id = c.id
                  AND cw.from_on <= (CASE WHEN c.released_on <= ?2 THEN c.released_on ELSE ?2 END)
                ORDER BY cw.from_on DESC LIMIT 1), c.ward_id)",
    "SELECT id, code, sort_key FROM wards
     WHERE ((from_on IS NULL OR from_on <= ?2) AND (dissolved_on IS NULL OR dissolved_on > ?1))
        OR id IN (SELECT g FROM cc)"
);

const BY_CATEGORY: &str = summary_sql!("c.category_id", "SELECT id, code, code FROM categories");

/// The org of the member assigned on the case's last open day in the period: T, or its
/// release date when released by T (SPEC §3 "assigned on day d"); 0 = unassigned, which
/// sorts after every org.
const BY_ORG: &str = summary_sql!(
    "coalesce((SELECT m.org_id FROM assignments a JOIN members m ON m.id = a.member_id
                WHERE a.case_id = c.id
                  AND a.start_on <= (CASE WHEN c.released_on <= ?2 THEN c.released_on ELSE ?2 END)
                  AND (a.end_on IS NULL
                       OR a.end_on >= (CASE WHEN c.released_on <= ?2 THEN c.released_on ELSE ?2 END))
                ORDER BY a.start_on DESC, a.id DESC LIMIT 1), 0)",
    "SELECT id, code, '0' || code FROM orgs UNION ALL SELECT 0, 'unassigned', '1'"
);

/// Month or quarter rows: the stock on the first day, then every flow counted per
/// sub-period through its date index (intake by `cases_enrolled`, exits by
/// `cases_released`, contacts by `reviews_date`, supports by `supports_date`). Each row's
/// opening is the previous row's closing, so only the first one is counted from cases.
/// ?3 is 1 for quarters (`2022-Q1`), 0 for months (`2022-01`).
macro_rules! sub_label {
    ($d:literal) => {
        concat!(
            "CASE WHEN ?3 THEN substr(",
            $d,
            ", 1, 4) || '-Q' || ((CAST(substr(",
            $d,
            ", 6, 2) AS INTEGER) + 2) / 3) ELSE substr(",
            $d,
            ", 1, 7) END"
        )
    };
}

const FLOWS: &str = concat!(
    "WITH sc AS MATERIALIZED (
       SELECT c.id FROM cases c NOT INDEXED
       WHERE ?7 AND c.enrolled_on <= ?2 AND (c.released_on IS NULL OR c.released_on >= ?1) AND ",
    case_in_scope!("?4", "?5", "?6"),
    ")
     SELECT 'opening', '', count(*), 0 FROM cases NOT INDEXED
       WHERE enrolled_on < ?1 AND (released_on IS NULL OR released_on >= ?1) AND (NOT ?7 OR id IN sc)
     UNION ALL
     SELECT 'intake', ",
    sub_label!("enrolled_on"),
    ", count(*), 0 FROM cases WHERE enrolled_on BETWEEN ?1 AND ?2 AND (NOT ?7 OR id IN sc) GROUP BY 2
     UNION ALL
     SELECT reason, ",
    sub_label!("released_on"),
    ", count(*), 0 FROM cases WHERE released_on BETWEEN ?1 AND ?2 AND (NOT ?7 OR id IN sc) GROUP BY 1, 2
     UNION ALL
     SELECT 'contacts', ",
    sub_label!("reviewed_on"),
    ", count(*), 0 FROM reviews
       WHERE reviewed_on BETWEEN ?1 AND ?2 AND voided_on IS NULL AND (NOT ?7 OR case_id IN sc) GROUP BY 2
     UNION ALL
     SELECT 'supports', ",
    sub_label!("given_on"),
    ", count(*), sum(CASE WHEN kind = 'loan' THEN coalesce(amount, 0) ELSE 0 END)
       FROM supports WHERE given_on BETWEEN ?1 AND ?2 AND voided_on IS NULL AND (NOT ?7 OR case_id IN sc) GROUP BY 2"
);

/// Month or quarter rows of `period`, chained from its opening stock.
fn by_sub_period(conn: &Connection, period: Period, quarter: bool, scope: &Scope) -> Result<Vec<Row>> {
    let mut rows: Vec<Row> =
        period.split(quarter).into_iter().map(|(group, _)| Row { group, ..Row::default() }).collect();
    let mut opening = 0;
    let mut stmt = conn.prepare_cached(FLOWS).context("preparing the summary query")?;
    let mut q = stmt
        .query(params![
            iso(period.from),
            iso(period.to),
            quarter,
            scope.ward_id(),
            scope.org_id(),
            scope.member_id(),
            !scope.is_all()
        ])
        .context("counting the summary")?;
    while let Some(r) = q.next().context("reading the summary")? {
        let (kind, label, n, loan): (String, String, i64, i64) = (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?);
        if kind == "opening" {
            opening = n;
            continue;
        }
        // Every dated row falls in [F, T], so its label is one of the sub-periods.
        let Some(row) = rows.iter_mut().find(|x| x.group == label) else { continue };
        match kind.as_str() {
            "intake" => row.intake += n,
            "progressed" => row.progressed += n,
            "moved" => row.moved += n,
            "deceased" => row.deceased += n,
            "reoffended" => row.reoffended += n,
            "institution" => row.institution += n,
            "contacts" => row.contacts += n,
            "supports" => {
                row.supports += n;
                row.loan_amount += loan;
            }
            _ => row.other += n,
        }
    }
    for r in rows.iter_mut() {
        r.opening = opening;
        *r = std::mem::take(r).derive();
        opening = r.closing;
    }
    Ok(rows)
}

/// The group every total row carries.
pub const TOTAL: &str = "TOTAL";

fn run(conn: &Connection, sql: &str, p: Period, scope: &Scope) -> Result<Vec<Row>> {
    let mut stmt = conn.prepare_cached(sql).context("preparing the summary query")?;
    let rows = stmt
        .query_map(params![iso(p.from), iso(p.to), scope.ward_id(), scope.org_id(), scope.member_id()], |r| {
            Ok(Row {
                group: r.get(0)?,
                opening: r.get(1)?,
                intake: r.get(2)?,
                progressed: r.get(3)?,
                moved: r.get(4)?,
                deceased: r.get(5)?,
                reoffended: r.get(6)?,
                institution: r.get(7)?,
                other: r.get(8)?,
                contacts: r.get(9)?,
                supports: r.get(10)?,
                loan_amount: r.get(11)?,
                ..Row::default()
            }
            .derive())
        })
        .context("counting the summary")?
        .collect::<rusqlite::Result<Vec<Row>>>()
        .context("reading the summary")?;
    Ok(rows)
}

/// The summary of `period`, grouped `by`.
pub fn summary(conn: &Connection, period: Period, by: By) -> Result<Summary> {
    summary_in(conn, period, by, None)
}

/// `--structure D` (SPEC §13): with `--by ward`, each row's ward is put under the ward that
/// had taken it over by D (following mergers forward), and rows that land in the same ward
/// are added up. Totals never change. Refused with any other grouping.
pub fn summary_in(conn: &Connection, period: Period, by: By, structure: Option<NaiveDate>) -> Result<Summary> {
    summary_scoped(conn, period, by, structure, &Scope::default())
}

/// [`summary_in`] of one part of the register: with a `scope` (SPEC §17) only the cases in
/// that part are counted — their ward and member on their last open day in the period, as
/// for grouping — and, by ward, org or category, only the groups with something to report
/// are listed.
pub fn summary_scoped(
    conn: &Connection,
    period: Period,
    by: By,
    structure: Option<NaiveDate>,
    scope: &Scope,
) -> Result<Summary> {
    let mut s = summary_by(conn, period, by, scope)?;
    if !scope.is_all() && !matches!(by, By::Month | By::Quarter) {
        s.rows.retain(|r| r.cells()[1..].iter().any(|c| !matches!(c, Cell::Int(0))));
    }
    if let Some(d) = structure {
        let rows = std::mem::take(&mut s.rows);
        let rows = super::regroup(conn, d, by == By::Ward, rows, |r| &mut r.group, Row::add)?;
        s.rows = rows.into_iter().map(Row::derive).collect();
    }
    Ok(s)
}

fn summary_by(conn: &Connection, period: Period, by: By, scope: &Scope) -> Result<Summary> {
    match by {
        By::Ward | By::Org | By::Category => {
            let sql = match by {
                By::Ward => BY_WARD,
                By::Org => BY_ORG,
                _ => BY_CATEGORY,
            };
            let rows = run(conn, sql, period, scope)?;
            // Every case is in exactly one group, so the total is the sum of the rows.
            let mut total = Row { group: TOTAL.into(), ..Row::default() };
            for r in &rows {
                total.add(r);
            }
            Ok(Summary { period, rows, total: total.derive() })
        }
        By::Month | By::Quarter => {
            let rows = by_sub_period(conn, period, by == By::Quarter, scope)?;
            // The sub-periods tile the period: its opening is the first row's, its closing
            // the last row's, and every flow is the sum of the rows' flows.
            let mut total = Row { group: TOTAL.into(), ..Row::default() };
            for r in &rows {
                total.add(r);
            }
            total.opening = rows.first().map_or(0, |r| r.opening);
            Ok(Summary { period, rows, total: total.derive() })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{full_scans, plan};

    #[test]
    fn no_period_statement_scans_reviews_or_supports() {
        let none = None::<i64>;
        let p: [&dyn rusqlite::ToSql; 5] = [&"2022-01-01", &"2022-12-31", &none, &none, &none];
        for sql in [BY_WARD, BY_ORG, BY_CATEGORY] {
            let pl = plan(sql, &p);
            assert!(full_scans(&pl, &["r", "reviews", "s", "supports"]).is_empty(), "{pl:#?}");
        }
        // The ward on the last open day: a seek on the history's key, never a scan of it.
        let pl = plan(BY_WARD, &p);
        assert!(full_scans(&pl, &["cw", "case_wards"]).is_empty(), "{pl:#?}");
        assert!(pl.iter().any(|l| l.contains("SEARCH cw USING PRIMARY KEY")), "{pl:#?}");
        let none = None::<i64>;
        let pl = plan(FLOWS, &[&"2022-01-01", &"2022-12-31", &true, &none, &none, &none, &false]);
        // `cases` is read whole, in id order, on purpose (NOT INDEXED: each page decrypted once,
        // BENCHMARKS.md); reviews and supports never are.
        assert!(full_scans(&pl, &["reviews", "supports"]).is_empty(), "{pl:#?}");
        assert!(pl.iter().any(|l| l.contains("reviews_date")), "{pl:#?}");
    }
}
