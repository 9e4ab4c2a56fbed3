//! `report summary|quota|overdue`: resolve the period and options, call the report, and
//! render its rows as a table, CSV, JSON (`{"period", "rows", "total"}`) or an Excel
//! workbook. Titles name the period in words and state its dates (SPEC §6, §11), so a
//! printed report says what it covers; tables name each row's ward, organization, category,
//! month or quarter (the `group` cell itself stays a code in CSV, JSON and xlsx).

use std::io::Write;

use anyhow::Result;
use serde_json::{json, Value};

use super::App;
use crate::cli::{ContactsBy, Format, Out, QuotaBy, ReportCmd, Scope as ScopeArgs, SummaryBy};
use crate::domain::lookup;
use crate::domain::types::{iso, parse_date_any, Period};
use crate::report::scope::Scope;
use crate::report::{contacts, overdue, quota, summary};
use crate::view::{json_object, Cell, Group};

pub fn run(app: &App, c: ReportCmd) -> Result<()> {
    match c {
        ReportCmd::Summary { period, by, structure, scope, out } => {
            run_summary(app, period.as_deref(), by, structure.as_deref(), &scope, &out)
        }
        ReportCmd::Quota { period, by, structure, scope, out } => {
            run_quota(app, period.as_deref(), by, structure.as_deref(), &scope, &out)
        }
        ReportCmd::Overdue { as_of, days, scope, out } => run_overdue(app, as_of.as_deref(), days, &scope, &out),
        ReportCmd::Contacts { period, by, scope, out } => run_contacts(app, period.as_deref(), by, &scope, &out),
        ReportCmd::Brief { period, output, names, chromium, scope } => {
            super::brief::run(app, period.as_deref(), &output, names, chromium.as_deref(), &scope)
        }
        ReportCmd::Document { period, output, number, place, date, signer, signer_title, recipient } => {
            let o = super::document::Options { number, place, date, signer, signer_title, recipients: recipient };
            super::document::run(app, period.as_deref(), &output, o)
        }
        ReportCmd::Package { period, output, link_key } => {
            super::package::run(app, period.as_deref(), &output, link_key.as_deref())
        }
    }
}

/// `-f xlsx` needs a file: a workbook on a terminal helps nobody.
fn check_out(out: &Out) -> Result<()> {
    if out.format == Format::Xlsx && out.output.is_none() {
        crate::refuse_w!("xlsx-needs-output");
    }
    Ok(())
}

/// "Quận 6 — " when the district is set, so a report sent upward says whose it is.
pub(crate) fn district_prefix(conn: &rusqlite::Connection) -> Result<String> {
    Ok(match lookup::setting(conn, "district")?.filter(|d| !d.trim().is_empty()) {
        Some(d) => format!("{d} — "),
        None => String::new(),
    })
}

/// "by ward", "theo đoàn thể", …: the grouping in a title; a ward is called by the register's
/// own word when it has one (settings `ward_label`).
fn by_word(key: &str, vi: bool) -> String {
    if let (Some(l), "ward") = (crate::labels::ward_label(), key) {
        return l.to_lowercase();
    }
    match key {
        "ward" => crate::w!(vi, "report-by-ward"),
        "org" => crate::w!(vi, "report-by-org"),
        "category" => crate::w!(vi, "report-by-category"),
        "month" => crate::w!(vi, "report-by-month"),
        "quarter" => crate::w!(vi, "report-by-quarter"),
        _ => crate::w!(vi, "report-by-member"),
    }
}

/// The period in words and, for a named period, its dates as the tables show them:
/// `quý I/2022 (01/01/2022 – 31/03/2022)`, `2022 Q1 (2022-01-01 to 2022-03-31)`; a range is
/// its dates in words already (`từ ngày 01/01/2022 đến ngày 20/05/2022`).
pub(crate) fn period_title(p: &Period, vi: bool) -> String {
    let words = crate::human::period(p, vi);
    if crate::human::kind(p) == crate::human::Kind::Range {
        return words;
    }
    let (f, t) = (crate::human::table_date(p.from, vi), crate::human::table_date(p.to, vi));
    crate::w!(vi, "report-period-span", words = words, from = f, to = t)
}

fn period_json(p: Period) -> Value {
    json!({"from": iso(p.from), "to": iso(p.to)})
}

/// One rendered report.
pub(crate) struct Rendered<'a> {
    title: String,
    sheet: String,
    columns: &'a [&'a str],
    rows: Vec<Vec<Cell>>,
    total: Option<Vec<Cell>>,
    /// The keys of the JSON object before `rows` (period, or as_of and days).
    json_head: Vec<(&'a str, Value)>,
    /// What the `group` column holds, for a table to name it.
    group: Group,
}

fn emit(app: &App, conn: &rusqlite::Connection, out: &Out, r: Rendered) -> Result<()> {
    match out.format {
        Format::Xlsx => {
            // check_out ran first; the path is there.
            let Some(path) = out.output.as_deref() else { return check_out(out) };
            crate::xlsx::write_report(path, app.vi, &r.sheet, &r.title, r.columns, &r.rows, r.total.as_deref())
        }
        Format::Json => {
            let mut w = crate::paths::destination(out.output.as_deref())?;
            serde_json::to_writer_pretty(&mut w, &json_value(&r))?;
            writeln!(w)?;
            w.flush()?;
            Ok(())
        }
        Format::Table | Format::Csv => {
            let mut style = app.human_style(conn, out)?;
            style.group = r.group;
            let mut sink = app.human_sink_with(style, out, r.columns, Some(r.title))?;
            for row in &r.rows {
                sink.row(row)?;
            }
            if let Some(t) = &r.total {
                sink.row(t)?;
            }
            sink.finish()
        }
    }
}

/// A report's JSON: `{"period" (or the head's keys), "rows", "total"}` — what `-f json`
/// writes, and what the ward's package holds (SPEC §19).
pub(crate) fn json_value(r: &Rendered) -> Value {
    let cols: Vec<String> = r.columns.iter().map(|c| c.to_string()).collect();
    let mut m = serde_json::Map::new();
    for (k, v) in &r.json_head {
        m.insert(k.to_string(), v.clone());
    }
    m.insert("rows".into(), Value::Array(r.rows.iter().map(|row| json_object(&cols, row)).collect()));
    if let Some(t) = &r.total {
        m.insert("total".into(), json_object(&cols, t));
    }
    Value::Object(m)
}

/// `--structure D`: a date, and only with `--by ward` (checked before opening anything).
fn parse_structure(s: Option<&str>, by_ward: bool) -> Result<Option<chrono::NaiveDate>> {
    let Some(s) = s else { return Ok(None) };
    let d = parse_date_any(s)?;
    if !by_ward {
        crate::report::refuse_structure()?;
    }
    Ok(Some(d))
}

/// ", as wards were on D" in a title.
fn structure_words(d: Option<chrono::NaiveDate>, vi: bool) -> String {
    match (d, vi) {
        (None, _) => String::new(),
        (Some(d), vi) => crate::w!(vi, "report-structure-on", date = crate::human::date(d, vi)),
    }
}

/// The scope typed, resolved on the open register.
pub(crate) fn scope(conn: &rusqlite::Connection, s: &ScopeArgs) -> Result<Scope> {
    Scope::resolve(conn, s.ward.as_deref(), s.org.as_deref(), s.member.as_deref())
}

/// " — chỉ phường 5, đoàn thể PN, thành viên 12 Trần Thị Bích" in a title: which part a scoped
/// report covers (SPEC §17).
pub(crate) fn scope_words(s: &Scope, vi: bool) -> String {
    let mut parts = Vec::new();
    if let Some((_, code)) = &s.ward {
        parts.push(format!("{} {code}", by_word("ward", vi)));
    }
    if let Some((_, code)) = &s.org {
        parts.push(format!("{} {code}", by_word("org", vi)));
    }
    if let Some((id, name)) = &s.member {
        parts.push(format!("{} {id} {name}", by_word("member", vi)));
    }
    if parts.is_empty() {
        return String::new();
    }
    format!(" {}", crate::w!(vi, "report-scope-only", parts = parts.join(", ")))
}

fn run_summary(
    app: &App,
    period: Option<&str>,
    by: SummaryBy,
    structure: Option<&str>,
    sc: &ScopeArgs,
    out: &Out,
) -> Result<()> {
    check_out(out)?;
    let p = Period::parse(period, app.today)?;
    let structure = parse_structure(structure, by == SummaryBy::Ward)?;
    let conn = app.open_read()?;
    let sc = scope(&conn, sc)?;
    let r = summary_rendered(app, &conn, p, by, structure, &sc)?;
    emit(app, &conn, out, r)
}

/// `report summary` rendered (the rows counted by `report::summary`).
pub(crate) fn summary_rendered(
    app: &App,
    conn: &rusqlite::Connection,
    p: Period,
    by: SummaryBy,
    structure: Option<chrono::NaiveDate>,
    sc: &Scope,
) -> Result<Rendered<'static>> {
    let (rby, key, group) = match by {
        SummaryBy::Ward => (summary::By::Ward, "ward", Group::Ward),
        SummaryBy::Org => (summary::By::Org, "org", Group::Org),
        SummaryBy::Category => (summary::By::Category, "category", Group::Category),
        SummaryBy::Month => (summary::By::Month, "month", Group::Month),
        SummaryBy::Quarter => (summary::By::Quarter, "quarter", Group::Quarter),
    };
    let s = summary::summary_scoped(conn, p, rby, structure, sc)?;
    let d = district_prefix(conn)?;
    let sw = structure_words(structure, app.vi) + &scope_words(sc, app.vi);
    let when = period_title(&p, app.vi);
    let title = format!("{d}{}{sw}", crate::w!(app.vi, "report-title-summary", when = when, by = by_word(key, app.vi)));
    Ok(Rendered {
        title,
        sheet: crate::w!(app.vi, "report-sheet-summary"),
        columns: summary::COLUMNS,
        rows: s.rows.iter().map(summary::Row::cells).collect(),
        total: Some(s.total.cells()),
        json_head: vec![("period", period_json(p))],
        group,
    })
}

fn run_quota(
    app: &App,
    period: Option<&str>,
    by: QuotaBy,
    structure: Option<&str>,
    sc: &ScopeArgs,
    out: &Out,
) -> Result<()> {
    check_out(out)?;
    let p = Period::parse(period, app.today)?;
    let structure = parse_structure(structure, by == QuotaBy::Ward)?;
    let conn = app.open_read()?;
    let sc = scope(&conn, sc)?;
    let r = quota_rendered(app, &conn, p, by, structure, &sc)?;
    emit(app, &conn, out, r)
}

/// `report quota` rendered (the rows counted by `report::quota`).
pub(crate) fn quota_rendered(
    app: &App,
    conn: &rusqlite::Connection,
    p: Period,
    by: QuotaBy,
    structure: Option<chrono::NaiveDate>,
    sc: &Scope,
) -> Result<Rendered<'static>> {
    let (rby, key, group) = match by {
        QuotaBy::Ward => (quota::By::Ward, "ward", Group::Ward),
        QuotaBy::Org => (quota::By::Org, "org", Group::Org),
        QuotaBy::Member => (quota::By::Member, "member", Group::Code),
    };
    let n = lookup::quota(conn)?;
    let q = quota::quota_scoped(conn, p, n, rby, structure, sc)?;
    let d = district_prefix(conn)?;
    let sw = structure_words(structure, app.vi) + &scope_words(sc, app.vi);
    let when = period_title(&p, app.vi);
    let title =
        format!("{d}{}{sw}", crate::w!(app.vi, "report-title-quota", n = n, when = when, by = by_word(key, app.vi)));
    Ok(Rendered {
        title,
        sheet: crate::w!(app.vi, "report-sheet-quota"),
        columns: if rby == quota::By::Member { quota::MEMBER_COLUMNS } else { quota::COLUMNS },
        rows: q.rows.iter().map(quota::Row::cells).collect(),
        total: Some(q.total.cells()),
        json_head: vec![("period", period_json(p))],
        group,
    })
}

fn run_overdue(app: &App, as_of: Option<&str>, days: Option<u32>, sc: &ScopeArgs, out: &Out) -> Result<()> {
    check_out(out)?;
    let as_of = match as_of {
        Some(s) => parse_date_any(s)?,
        None => app.today,
    };
    let conn = app.open_read()?;
    let sc = scope(&conn, sc)?;
    let sw = scope_words(&sc, app.vi);
    let days = match days {
        Some(d) => i64::from(d),
        None => lookup::review_interval_days(&conn)?,
    };
    let d = district_prefix(&conn)?;
    let on = crate::human::date(as_of, app.vi);
    let title = format!("{d}{}{sw}", crate::w!(app.vi, "report-title-overdue", on = on, days = days));
    // A whole city's open cases can be overdue (as of a late date): CSV and JSON stream them.
    match out.format {
        Format::Csv => {
            let mut sink = app.sink(out, overdue::COLUMNS, Some(title))?;
            overdue::overdue_in(&conn, as_of, days, &sc, &mut |r| sink.row(&r.cells()))?;
            sink.finish()
        }
        Format::Json => {
            let cols: Vec<String> = overdue::COLUMNS.iter().map(|c| c.to_string()).collect();
            let mut w = crate::paths::destination(out.output.as_deref())?;
            write!(w, "{{\"as_of\": {}, \"days\": {}, \"rows\": [", json!(iso(as_of)), days)?;
            let mut first = true;
            overdue::overdue_in(&conn, as_of, days, &sc, &mut |r| {
                w.write_all(if first { b"\n  " } else { b",\n  " })?;
                first = false;
                serde_json::to_writer(&mut w, &json_object(&cols, &r.cells()))?;
                Ok(())
            })?;
            writeln!(w, "\n]}}")?;
            w.flush()?;
            Ok(())
        }
        Format::Table | Format::Xlsx => {
            let mut rows = Vec::new();
            overdue::overdue_in(&conn, as_of, days, &sc, &mut |r| {
                rows.push(r.cells());
                Ok(())
            })?;
            emit(
                app,
                &conn,
                out,
                Rendered {
                    title,
                    sheet: crate::w!(app.vi, "report-sheet-overdue"),
                    columns: overdue::COLUMNS,
                    rows,
                    total: None,
                    json_head: Vec::new(),
                    group: Group::Code,
                },
            )
        }
    }
}

fn run_contacts(app: &App, period: Option<&str>, by: ContactsBy, sc: &ScopeArgs, out: &Out) -> Result<()> {
    check_out(out)?;
    let p = Period::parse(period, app.today)?;
    let conn = app.open_read()?;
    let sc = scope(&conn, sc)?;
    let r = contacts_rendered(app, &conn, p, by, &sc)?;
    emit(app, &conn, out, r)
}

/// `report contacts` rendered (the rows counted by `report::contacts`).
pub(crate) fn contacts_rendered(
    app: &App,
    conn: &rusqlite::Connection,
    p: Period,
    by: ContactsBy,
    sc: &Scope,
) -> Result<Rendered<'static>> {
    let (rby, key, group) = match by {
        ContactsBy::Member => (contacts::By::Member, "member", Group::Code),
        ContactsBy::Ward => (contacts::By::Ward, "ward", Group::Ward),
        ContactsBy::Org => (contacts::By::Org, "org", Group::Org),
    };
    let c = contacts::contacts(conn, p, rby, sc)?;
    let d = district_prefix(conn)?;
    let sw = scope_words(sc, app.vi);
    let when = period_title(&p, app.vi);
    let on = crate::human::date(p.to, app.vi);
    let title = format!(
        "{d}{}{sw}",
        crate::w!(app.vi, "report-title-contacts", when = when, by = by_word(key, app.vi), on = on)
    );
    Ok(Rendered {
        title,
        sheet: crate::w!(app.vi, "report-sheet-contacts"),
        columns: if rby == contacts::By::Member { contacts::MEMBER_COLUMNS } else { contacts::COLUMNS },
        rows: c.rows.iter().map(contacts::Row::cells).collect(),
        total: Some(c.total.cells()),
        json_head: vec![("period", period_json(p))],
        group,
    })
}
