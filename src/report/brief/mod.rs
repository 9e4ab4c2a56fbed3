//! `report brief`: the quarterly meeting's brief as one self-contained HTML page (SPEC §12).
//!
//! This module gathers the figures by asking the other reports — `summary` (by ward, by org,
//! the previous period, the 8-quarter or 12-month trend), `quota` (by org, 1 January to the
//! period's end), `overdue` (on the last day, and on the previous period's last day) and
//! `classes` (open cases by the class of their latest review) — and counts nothing itself, so
//! every figure on the page is the reports' own. `render` lays out the page, `svg` draws the
//! charts, `paragraph` writes the opening paragraph.

pub mod paragraph;
pub mod render;
pub mod svg;

use std::collections::HashMap;

use anyhow::Result;
use chrono::Datelike;
use rusqlite::Connection;
use serde_json::{json, Value};

use crate::domain::lookup;
use crate::domain::types::{iso, ymd, Period};
use crate::human::{self, Kind};
use crate::report::classes::{self, Classes};
use crate::report::scope::Scope;
use crate::report::{overdue, quota, summary};
use crate::view::{json_object, Cell};

/// The overdue table lists at most this many cases (the oldest contact first), so the brief
/// stays within four printed pages; the count and the key figure are always all of them.
pub const OVERDUE_ROWS: usize = 30;

/// Everything the page shows, as the reports gave it.
pub struct Brief {
    pub period: Period,
    /// The register's name (setting `district`), possibly empty.
    pub district: String,
    pub summary: summary::Summary,
    pub previous: summary::Summary,
    pub by_org: summary::Summary,
    /// 8 quarters (12 months when the period is a month) ending with the period.
    pub trend: summary::Summary,
    pub trend_months: bool,
    /// Quota by org from 1 January to the period's end.
    pub quota: quota::Quota,
    pub overdue_days: i64,
    pub overdue_count: i64,
    pub overdue_previous: i64,
    /// The first `OVERDUE_ROWS` overdue cases.
    pub overdue: Vec<overdue::Row>,
    pub classes: Classes,
    /// Code → name of wards and organizations, from the database's dictionaries.
    pub ward_names: HashMap<String, String>,
    pub org_names: HashMap<String, String>,
    /// Whether people's and members' names are shown (`--names`).
    pub names: bool,
}

/// Gather the brief of `period` from the reports.
pub fn gather(conn: &Connection, period: Period, names: bool) -> Result<Brief> {
    gather_scoped(conn, period, names, &Scope::default())
}

/// The brief of one part of the register (SPEC §17): every report it asks is scoped alike.
pub fn gather_scoped(conn: &Connection, period: Period, names: bool, scope: &Scope) -> Result<Brief> {
    let district = lookup::setting(conn, "district")?.unwrap_or_default().trim().to_string();
    let summary = summary::summary_scoped(conn, period, summary::By::Ward, None, scope)?;
    let prev = human::previous(&period);
    let previous = summary::summary_scoped(conn, prev, summary::By::Ward, None, scope)?;
    let by_org = summary::summary_scoped(conn, period, summary::By::Org, None, scope)?;
    let trend_months = matches!(human::kind(&period), Kind::Month(..));
    let trend_by = if trend_months { summary::By::Month } else { summary::By::Quarter };
    let trend = summary::summary_scoped(conn, trend_period(period, trend_months), trend_by, None, scope)?;
    let quota_period = Period { from: ymd(period.to.year(), 1, 1), to: period.to };
    let quota = quota::quota_scoped(conn, quota_period, lookup::quota(conn)?, quota::By::Org, None, scope)?;
    let overdue_days = lookup::review_interval_days(conn)?;
    let mut overdue_rows = Vec::new();
    let mut overdue_count = 0;
    overdue::overdue_in(conn, period.to, overdue_days, scope, &mut |r| {
        overdue_count += 1;
        if overdue_rows.len() < OVERDUE_ROWS {
            overdue_rows.push(r);
        }
        Ok(())
    })?;
    let mut overdue_previous = 0;
    overdue::overdue_in(conn, prev.to, overdue_days, scope, &mut |_| {
        overdue_previous += 1;
        Ok(())
    })?;
    let classes = classes::classes_in(conn, period.to, scope)?;
    let dict = crate::read::names(conn)?;
    Ok(Brief {
        period,
        district,
        summary,
        previous,
        by_org,
        trend,
        trend_months,
        quota,
        overdue_days,
        overdue_count,
        overdue_previous,
        overdue: overdue_rows,
        classes,
        ward_names: dict.wards,
        org_names: dict.orgs,
        names,
    })
}

/// The trend's dates: the 8 quarters (or 12 months) ending with the one holding the period's
/// last day, that one cut at the last day.
fn trend_period(p: Period, months: bool) -> Period {
    let (y, m) = (p.to.year(), p.to.month());
    let back = if months { 11 } else { (m - 1) % 3 + 21 };
    let idx = y * 12 + m as i32 - 1 - back as i32;
    Period { from: ymd(idx.div_euclid(12), idx.rem_euclid(12) as u32 + 1, 1), to: p.to }
}

/// A report as `report … -f json` writes it: `{"period", "rows", "total"}`.
fn report_json(p: Period, columns: &[&str], rows: Vec<Vec<Cell>>, total: Vec<Cell>) -> Value {
    let cols: Vec<String> = columns.iter().map(|c| c.to_string()).collect();
    json!({
        "period": {"from": iso(p.from), "to": iso(p.to)},
        "rows": rows.iter().map(|r| json_object(&cols, r)).collect::<Vec<_>>(),
        "total": json_object(&cols, &total),
    })
}

impl Brief {
    /// The figures embedded in the page (`<script type="application/json" id="mh51-figures">`).
    pub fn figures(&self) -> Value {
        json!({
            "period": {"from": iso(self.period.from), "to": iso(self.period.to)},
            "summary": report_json(
                self.period,
                summary::COLUMNS,
                self.summary.rows.iter().map(summary::Row::cells).collect(),
                self.summary.total.cells(),
            ),
            "quota": report_json(
                self.quota.period,
                quota::COLUMNS,
                self.quota.rows.iter().map(quota::Row::cells).collect(),
                self.quota.total.cells(),
            ),
            "overdue": self.overdue_count,
        })
    }

    /// The paragraph's figures.
    pub fn facts(&self, vi: bool) -> paragraph::Facts {
        let t = &self.summary.total;
        paragraph::Facts {
            period_words: human::period(&self.period, vi),
            range: human::kind(&self.period) == Kind::Range,
            to: Some(self.period.to),
            intake: t.intake,
            total_managed: t.total_managed,
            progressed: t.progressed,
            other_exits: [t.moved, t.deceased, t.reoffended, t.institution, t.other],
            closing: t.closing,
            members: self.classes.members,
            orgs: self.classes.orgs,
            unassigned: self.by_org.rows.iter().find(|r| r.group == "unassigned").map_or(0, |r| r.closing),
            quota_from: Some(self.quota.period.from),
            quota_members: self.quota.total.members,
            target: self.quota.total.target,
            achieved: self.quota.total.achieved,
            members_met: self.quota.total.members_met,
        }
    }

    pub fn ward_name(&self, code: &str) -> String {
        self.ward_names.get(code).cloned().unwrap_or_else(|| code.to_string())
    }

    pub fn org_name(&self, code: &str, vi: bool) -> String {
        match code {
            "unassigned" => crate::w!(vi, "brief-unassigned"),
            c => self.org_names.get(c).cloned().unwrap_or_else(|| c.to_string()),
        }
    }
}

/// Text made safe for HTML and SVG: `& < > " '`.
pub fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

/// A trend row's group (`2021-Q3`, `2021-06`) as a short label: `III/2021`, `T6/2021`
/// (en: `Q3 2021`, `Jun 2021`).
pub fn trend_label(group: &str, vi: bool) -> String {
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let (y, rest) = group.split_once('-').unwrap_or((group, ""));
    if let Some(q) = rest.strip_prefix('Q').and_then(|q| q.parse::<usize>().ok()).filter(|q| (1..=4).contains(q)) {
        if vi {
            format!("{}/{y}", ["I", "II", "III", "IV"][q - 1])
        } else {
            format!("Q{q} {y}")
        }
    } else if let Some(m) = rest.parse::<usize>().ok().filter(|m| (1..=12).contains(m)) {
        if vi {
            format!("T{m}/{y}")
        } else {
            format!("{} {y}", MONTHS[m - 1])
        }
    } else {
        group.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn trend_spans_eight_quarters_or_twelve_months() {
        let year = Period { from: d("2021-01-01"), to: d("2021-12-31") };
        assert_eq!(trend_period(year, false), Period { from: d("2020-01-01"), to: d("2021-12-31") });
        let range = Period { from: d("2022-01-01"), to: d("2022-05-20") };
        assert_eq!(trend_period(range, false), Period { from: d("2020-07-01"), to: d("2022-05-20") });
        let month = Period { from: d("2022-05-01"), to: d("2022-05-31") };
        assert_eq!(trend_period(month, true), Period { from: d("2021-06-01"), to: d("2022-05-31") });
    }

    #[test]
    fn trend_labels() {
        assert_eq!(trend_label("2021-Q3", true), "III/2021");
        assert_eq!(trend_label("2021-Q3", false), "Q3 2021");
        assert_eq!(trend_label("2021-06", true), "T6/2021");
        assert_eq!(trend_label("2021-06", false), "Jun 2021");
    }

    #[test]
    fn escapes() {
        assert_eq!(esc("<b>\"Tô & Lê\"</b> 'x'"), "&lt;b&gt;&quot;Tô &amp; Lê&quot;&lt;/b&gt; &#39;x&#39;");
    }
}
