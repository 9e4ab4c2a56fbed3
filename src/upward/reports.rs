//! The city's reports (SPEC §19): `city status` and `city report summary|quota|contacts`.
//!
//! The city counts nothing: every figure is a held package's own (the ward's `report … -f
//! json`, as `report::package` put it in the file), and the city's figure is their sum.
//! - `--by unit`: one row per unit that sent the period, its package's TOTAL row;
//! - `--by org` / `--by category`: the rows of that grouping summed across units by their
//!   code (a code only some units have is summed over those);
//! - the total row: the sum of the units' TOTAL rows.
//!
//! Percentages (`pct` of quota and contacts) are recomputed from the summed counts —
//! achieved / target, contacted / cases — never averaged.
//!
//! Only the periods the wards sent are added: a package counts for `-p P` when its `from` and
//! `to` are exactly P's, so quarters are never added into a year (the year's packages are).
//! A unit registered but without a package for P is *missing*: listed, never silently left
//! out (`Consolidated::missing`). The quota's figures in a package run from 1 January to the
//! period's last day, as the ward's quota does; the report says so in its period.

use std::collections::HashMap;

use anyhow::{Context, Result};
use rusqlite::{params, Connection};
use serde_json::Value;

use crate::domain::types::{iso, Period};
use crate::report::{contacts, quota, summary};
use crate::view::Cell;

/// Which report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Summary,
    Quota,
    Contacts,
}

/// What the rows are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum By {
    Unit,
    Org,
    Category,
}

impl Kind {
    /// The ward report's columns (the same names in the city's CSV and JSON).
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            Kind::Summary => summary::COLUMNS,
            Kind::Quota => quota::COLUMNS,
            Kind::Contacts => contacts::COLUMNS,
        }
    }

    /// The `pct` column's numerator and denominator, when the report has one.
    fn pct(self) -> Option<(&'static str, &'static str)> {
        match self {
            Kind::Summary => None,
            Kind::Quota => Some(("achieved", "target")),
            Kind::Contacts => Some(("contacted", "cases")),
        }
    }

    /// The package's figures member holding the rows of `by` (a unit's row is that
    /// member's TOTAL row; any grouping's total is the same).
    fn member(self, by: By) -> Option<&'static str> {
        Some(match (self, by) {
            (Kind::Summary, By::Unit | By::Org) => "summary_by_org",
            (Kind::Summary, By::Category) => "summary_by_category",
            (Kind::Quota, By::Unit | By::Org) => "quota_by_org",
            (Kind::Contacts, By::Unit | By::Org) => "contacts_by_org",
            _ => return None,
        })
    }
}

/// The members of a package's `figures` the city reads, with the report of each.
const MEMBERS: &[(&str, Kind)] = &[
    ("summary_by_ward", Kind::Summary),
    ("summary_by_org", Kind::Summary),
    ("summary_by_category", Kind::Summary),
    ("quota_by_org", Kind::Quota),
    ("quota_by_ward", Kind::Quota),
    ("contacts_by_org", Kind::Contacts),
];

/// Check, when a package is added, that its figures have the layout the reports read: each
/// member `{"period", "rows", "total"}`, every row with the report's columns, `group` text,
/// the counts whole numbers, `pct` a number or null. `Err(why)` names what is wrong.
pub fn validate(figures: &Value) -> std::result::Result<(), String> {
    for (member, kind) in MEMBERS {
        let m = figures.get(*member).ok_or_else(|| format!("its figures have no {member}"))?;
        let rows = m.get("rows").and_then(Value::as_array).ok_or_else(|| format!("{member} has no rows"))?;
        let total = m.get("total").ok_or_else(|| format!("{member} has no total"))?;
        for row in rows.iter().chain(std::iter::once(total)) {
            for c in kind.columns() {
                let v = row.get(*c).ok_or_else(|| format!("a row of {member} has no {c}"))?;
                let ok = match *c {
                    "group" => v.is_string(),
                    "pct" => v.is_null() || v.is_number(),
                    _ => v.is_i64(),
                };
                if !ok {
                    return Err(format!("{member}: {c} is not a {}", if *c == "group" { "text" } else { "number" }));
                }
            }
        }
        let period = m.get("period");
        let date = |k: &str| period.and_then(|p| p.get(k)).and_then(Value::as_str).is_some();
        if !date("from") || !date("to") {
            return Err(format!("{member} has no period"));
        }
    }
    Ok(())
}

/// A registered unit.
#[derive(Debug, Clone)]
pub struct Unit {
    pub code: String,
    pub name: String,
}

/// Every registered unit, by code.
pub fn units(conn: &Connection) -> Result<Vec<Unit>> {
    let mut s = conn.prepare("SELECT code, name FROM units ORDER BY code")?;
    let rows = s.query_map([], |r| Ok(Unit { code: r.get(0)?, name: r.get(1)? }))?;
    rows.collect::<rusqlite::Result<Vec<_>>>().context("reading the units")
}

/// One held package's figures (the current revision of its unit for the period).
struct Held {
    unit: String,
    figures: Value,
}

/// The held packages' figures member `member` only (SQLite's `json_extract`), so that a
/// report parses a sixth of each package's figures and keeps well inside its memory.
fn held(conn: &Connection, p: &Period, member: &str) -> Result<Vec<Held>> {
    let mut s = conn.prepare(
        "SELECT unit_code, json_extract(figures, '$.' || ?3) FROM current_packages
         WHERE period_from = ?1 AND period_to = ?2 ORDER BY unit_code",
    )?;
    let rows =
        s.query_map(params![iso(p.from), iso(p.to), member], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    let mut out = Vec::new();
    for r in rows {
        let (unit, text) = r.context("reading the packages held")?;
        let figures = serde_json::from_str(&text).context("reading a package's figures")?;
        out.push(Held { unit, figures });
    }
    Ok(out)
}

/// The periods packages were sent for, `from..to`, in order (for a refusal to list).
pub fn periods(conn: &Connection) -> Result<Vec<String>> {
    let mut s =
        conn.prepare("SELECT DISTINCT period_from || '..' || period_to FROM packages ORDER BY period_from, period_to")?;
    let rows = s.query_map([], |r| r.get(0))?;
    rows.collect::<rusqlite::Result<Vec<String>>>().context("reading the periods held")
}

/// A city report, added up.
#[derive(Debug, Clone)]
pub struct Consolidated {
    pub columns: &'static [&'static str],
    /// The rows; the first cell is the unit code, or the org or category code.
    pub rows: Vec<Vec<Cell>>,
    pub total: Vec<Cell>,
    /// The period the figures cover (the quota's: 1 January to the period's last day).
    pub from: String,
    pub to: String,
    /// Units registered, and those of them without a package for the period.
    pub units: usize,
    pub missing: Vec<Unit>,
}

/// The sums of a set of rows of `kind` under `group`, `pct` recomputed.
fn sum_rows<'a>(kind: Kind, group: &str, rows: impl Iterator<Item = &'a Value>) -> Vec<Cell> {
    let cols = kind.columns();
    let mut sums: Vec<i64> = vec![0; cols.len()];
    for r in rows {
        for (i, c) in cols.iter().enumerate() {
            if *c != "group" && *c != "pct" {
                // Checked when the package was added (`validate`).
                sums[i] += r.get(*c).and_then(Value::as_i64).unwrap_or(0);
            }
        }
    }
    let at = |name: &str| cols.iter().position(|c| *c == name).map_or(0, |i| sums[i]);
    cols.iter()
        .enumerate()
        .map(|(i, c)| match *c {
            "group" => Cell::text(group),
            "pct" => match kind.pct() {
                Some((num, den)) if at(den) > 0 => Cell::Dec1(at(num) as f64 * 100.0 / at(den) as f64),
                _ => Cell::Null,
            },
            _ => Cell::Int(sums[i]),
        })
        .collect()
}

/// `city report KIND -p P --by BY`. `None` when no package for exactly P is held.
pub fn consolidate(conn: &Connection, p: &Period, kind: Kind, by: By) -> Result<Option<Consolidated>> {
    let Some(member) = kind.member(by) else {
        anyhow::bail!("{kind:?} has no rows by {by:?}");
    };
    let held = held(conn, p, member)?;
    if held.is_empty() {
        return Ok(None);
    }
    let all = units(conn)?;
    let sent: std::collections::HashSet<&str> = held.iter().map(|h| h.unit.as_str()).collect();
    let missing = all.iter().filter(|u| !sent.contains(u.code.as_str())).cloned().collect();
    let first = &held[0].figures;
    let date = |k: &str| first.get("period").and_then(|p| p.get(k)).and_then(Value::as_str).unwrap_or_default();
    let (from, to) = (date("from").to_string(), date("to").to_string());
    let figs: Vec<&Value> = held.iter().map(|h| &h.figures).collect();
    let totals: Vec<&Value> = figs.iter().map(|f| &f["total"]).collect();
    let rows = match by {
        By::Unit => held.iter().zip(&totals).map(|(h, t)| sum_rows(kind, &h.unit, std::iter::once(*t))).collect(),
        By::Org | By::Category => {
            // Groups in the order they first appear (each ward lists them in its own order).
            let mut order: Vec<String> = Vec::new();
            let mut by_group: HashMap<String, Vec<&Value>> = HashMap::new();
            for f in &figs {
                for r in f["rows"].as_array().into_iter().flatten() {
                    let g = r.get("group").and_then(Value::as_str).unwrap_or_default().to_string();
                    if !by_group.contains_key(&g) {
                        order.push(g.clone());
                    }
                    by_group.entry(g).or_default().push(r);
                }
            }
            order.iter().map(|g| sum_rows(kind, g, by_group[g].iter().copied())).collect()
        }
    };
    let total = sum_rows(kind, "TOTAL", totals.iter().copied());
    Ok(Some(Consolidated { columns: kind.columns(), rows, total, from, to, units: all.len(), missing }))
}

/// One unit's line of `city status`.
#[derive(Debug, Clone)]
pub struct Status {
    pub unit: String,
    pub name: String,
    /// The current revision, when a package for the period is held.
    pub revision: Option<i64>,
    /// How many revisions are held.
    pub revisions: i64,
    pub received_at: Option<String>,
    pub made_at: Option<String>,
    pub audit_head: Option<String>,
}

pub const STATUS_COLUMNS: &[&str] =
    &["unit", "name", "status", "revision", "revisions", "received_at", "made_at", "audit_head"];

impl Status {
    pub fn cells(&self) -> Vec<Cell> {
        vec![
            Cell::text(&self.unit),
            Cell::text(&self.name),
            Cell::text(if self.revision.is_some() { "received" } else { "missing" }),
            Cell::opt_int(self.revision),
            Cell::Int(self.revisions),
            Cell::opt_text(self.received_at.clone()),
            Cell::opt_text(self.made_at.clone()),
            Cell::opt_text(self.audit_head.clone()),
        ]
    }
}

/// `city status -p P`: every registered unit, received or missing.
pub fn status(conn: &Connection, p: &Period) -> Result<Vec<Status>> {
    let mut s = conn.prepare(
        "SELECT u.code, u.name, c.revision, c.received_at, c.made_at, c.audit_head,
                (SELECT count(*) FROM packages q WHERE q.unit_code = u.code AND q.period_from = ?1 AND q.period_to = ?2)
         FROM units u
         LEFT JOIN current_packages c ON c.unit_code = u.code AND c.period_from = ?1 AND c.period_to = ?2
         ORDER BY u.code",
    )?;
    let rows = s.query_map(params![iso(p.from), iso(p.to)], |r| {
        Ok(Status {
            unit: r.get(0)?,
            name: r.get(1)?,
            revision: r.get(2)?,
            received_at: r.get(3)?,
            made_at: r.get(4)?,
            audit_head: r.get(5)?,
            revisions: r.get(6)?,
        })
    })?;
    rows.collect::<rusqlite::Result<Vec<_>>>().context("reading the status of the units")
}

pub const UNIT_COLUMNS: &[&str] = &["unit", "name", "fingerprint", "public_key", "added_at"];

/// `city unit list`: every unit with its key's fingerprint.
pub fn unit_list(conn: &Connection) -> Result<Vec<Vec<Cell>>> {
    let mut s = conn.prepare("SELECT code, name, public_key, added_at FROM units ORDER BY code")?;
    let rows = s.query_map([], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, String>(3)?))
    })?;
    let mut out = Vec::new();
    for r in rows {
        let (code, name, key, at) = r.context("reading the units")?;
        let fp = crate::domain::signing::parse_public(&key)
            .map(|k| crate::domain::signing::fingerprint(&k))
            .unwrap_or_default();
        out.push(vec![Cell::text(code), Cell::text(name), Cell::text(fp), Cell::text(key), Cell::text(at)]);
    }
    Ok(out)
}
