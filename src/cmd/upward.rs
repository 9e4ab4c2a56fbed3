//! `mh51 city …` (SPEC §19): resolve the environment, open the city register (never a ward's:
//! `upward::store`), call `upward`, and render. Reports render as the ward's reports do
//! (table, CSV, JSON `{"period", …, "rows", "total"}`, xlsx), with the ward reports' column
//! names; `--by unit` names its first column `unit`.

use std::io::{Read, Write};
use std::path::Path;
use std::rc::Rc;

use anyhow::{Context, Result};
use rusqlite::Connection;
use serde_json::{json, Value};

use super::App;
use crate::cli::{CityBy, CityByOrg, CityCmd, CityReportCmd, CityUnitCmd, Format, Out};
use crate::domain::types::{iso, Period};
use crate::domain::Refusal;
use crate::output;
use crate::upward::add::{self, Outcome};
use crate::upward::reports::{self, By, Consolidated, Kind};
use crate::upward::{duplicates, refused, store};
use crate::view::{json_object, Cell, Group, Names};
use crate::w;

/// The largest package file read (a ward of 500 cases writes about 150 kB).
const MAX_PACKAGE_BYTES: u64 = 64 << 20;

pub fn run(app: &App, c: CityCmd) -> Result<()> {
    match c {
        CityCmd::Init { name, encrypt } => init(app, &name, encrypt),
        CityCmd::Unit(CityUnitCmd::Add { code, name, key }) => unit_add(app, &code, &name, &key),
        CityCmd::Unit(CityUnitCmd::List { out }) => unit_list(app, &out),
        CityCmd::Add { files } => add_files(app, &files),
        CityCmd::Status { period, out } => status(app, &period, &out),
        CityCmd::Report(r) => {
            let (kind, by, period, out) = match r {
                CityReportCmd::Summary { period, by, out } => (Kind::Summary, by_of(by), period, out),
                CityReportCmd::Quota { period, by, out } => (Kind::Quota, by_org(by), period, out),
                CityReportCmd::Contacts { period, by, out } => (Kind::Contacts, by_org(by), period, out),
            };
            report(app, kind, by, &period, &out)
        }
        CityCmd::Duplicates { period, out } => dups(app, &period, &out),
        CityCmd::Brief { period, output } => brief(app, &period, &output),
        CityCmd::Check => check(app),
    }
}

fn by_of(b: CityBy) -> By {
    match b {
        CityBy::Unit => By::Unit,
        CityBy::Org => By::Org,
        CityBy::Category => By::Category,
    }
}

fn by_org(b: CityByOrg) -> By {
    match b {
        CityByOrg::Unit => By::Unit,
        CityByOrg::Org => By::Org,
    }
}

fn open(app: &App, read_only: bool) -> Result<Connection> {
    let key = app.key()?;
    store::open(&app.db, key.as_ref(), read_only)
}

/// `city init --name NAME [--encrypt]`.
fn init(app: &App, name: &str, encrypt: bool) -> Result<()> {
    let what = |vi: bool| w!(vi, "city-name-what");
    let name = crate::domain::types::parse_name(name, &what(false), &what(true))?;
    // Refused before any passphrase is asked, and before the file exists.
    crate::db::refuse_existing(&app.db)?;
    let key = if encrypt { Some(super::protect::new_key(app, app.key_file.as_deref())?) } else { None };
    let (conn, file) = store::create(&app.db, key.as_ref(), &name, &app.ctx().stamp)?;
    store::finish(conn, file)?;
    writeln!(std::io::stdout(), "{}", app.db.display())?;
    let p = app.db.display().to_string();
    app.say(&w!(false, "city-created", path = &p, name = &name), &w!(true, "city-created", path = &p, name = &name));
    Ok(())
}

/// `--key KEY`: the hex itself, or `@FILE` whose first line it is.
fn key_text(given: &str) -> Result<String> {
    let Some(file) = given.strip_prefix('@') else { return Ok(given.trim().to_string()) };
    let bytes = std::fs::read(file).with_context(|| format!("reading {file}"))?;
    Ok(String::from_utf8_lossy(crate::text::first_line(&bytes)).trim().to_string())
}

fn unit_add(app: &App, code: &str, name: &str, key: &str) -> Result<()> {
    let key = key_text(key)?;
    let mut conn = open(app, false)?;
    let stamp = app.ctx().stamp;
    let code = store::write(&mut conn, |tx| add::add_unit(tx, &stamp, code, name, &key))?;
    writeln!(std::io::stdout(), "{code}")?;
    let public = crate::domain::signing::parse_public(&key)?;
    let fp = crate::domain::signing::fingerprint(&public);
    app.say(
        &w!(false, "city-unit-added", unit = &code, fingerprint = &fp),
        &w!(true, "city-unit-added", unit = &code, fingerprint = &fp),
    );
    Ok(())
}

/// A refusal about one file, naming it, and saying that nothing was added.
fn in_file(e: anyhow::Error, shown: &str) -> anyhow::Error {
    match e.downcast_ref::<Refusal>() {
        Some(r) => {
            let (en, vi) = (r.text(false).to_string(), r.text(true).to_string());
            Refusal::new(
                w!(false, "city-add-refused", file = shown, why = en),
                w!(true, "city-add-refused", file = shown, why = vi),
            )
            .into()
        }
        None => e.context(format!("adding {shown}; nothing was added")),
    }
}

/// A package file's bytes, bounded.
fn read_package(path: &Path) -> Result<Vec<u8>> {
    let f = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let meta = f.metadata().with_context(|| format!("reading {}", path.display()))?;
    if !meta.is_file() {
        return Err(refused(|vi| w!(vi, "city-add-not-a-file")));
    }
    if meta.len() > MAX_PACKAGE_BYTES {
        return Err(refused(|vi| {
            w!(vi, "city-add-too-big", bytes = meta.len() as i64, max = MAX_PACKAGE_BYTES as i64)
        }));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    f.take(MAX_PACKAGE_BYTES + 1).read_to_end(&mut bytes).with_context(|| format!("reading {}", path.display()))?;
    Ok(bytes)
}

/// `city add FILE…`: every file in one transaction.
fn add_files(app: &App, files: &[std::path::PathBuf]) -> Result<()> {
    let mut conn = open(app, false)?;
    let stamp = app.ctx().stamp;
    let done = store::write(&mut conn, |tx| {
        let mut done = Vec::with_capacity(files.len());
        for f in files {
            let shown = f.display().to_string();
            let r = read_package(f).and_then(|b| add::add_package(tx, &stamp, &b)).map_err(|e| in_file(e, &shown))?;
            done.push((shown, r));
        }
        Ok(done)
    })?;
    let mut out = std::io::stdout().lock();
    for (file, r) in &done {
        let (from, to, rev) = (r.from.as_str(), r.to.as_str(), r.revision);
        let said = |vi: bool| match r.outcome {
            Outcome::Added { replaced: None } => {
                w!(
                    vi,
                    "city-add-added",
                    file = file,
                    unit = &r.unit,
                    from = from,
                    to = to,
                    revision = rev,
                    tokens = r.tokens
                )
            }
            Outcome::Added { replaced: Some(old) } => {
                w!(
                    vi,
                    "city-add-replaced",
                    file = file,
                    unit = &r.unit,
                    from = from,
                    to = to,
                    revision = rev,
                    old = old
                )
            }
            Outcome::Held => w!(vi, "city-add-held", file = file, unit = &r.unit, from = from, to = to, revision = rev),
        };
        writeln!(out, "{}", crate::text::visible(&said(app.vi)))?;
    }
    Ok(())
}

/// A period as the city's commands take it: the same forms as the ward's `-p`.
fn period(app: &App, p: &str) -> Result<Period> {
    Period::parse(Some(p), app.today)
}

/// How a city table looks: the seeded organizations and categories named (the city holds
/// no dictionaries of its own; a code a ward added is shown as it is).
fn style(app: &App, out: &Out, group: Group) -> output::Style {
    let mut s = app.style(out);
    if out.format == Format::Table {
        s.labels = Some(Rc::new(crate::vocabulary::Vocabulary::new(Names::default())));
    }
    s.group = group;
    s
}

fn unit_list(app: &App, out: &Out) -> Result<()> {
    let conn = open(app, true)?;
    let rows = reports::unit_list(&conn)?;
    let title = w!(app.vi, "city-units-title", name = store::name(&conn)?);
    let mut sink = app.human_sink_with(style(app, out, Group::Code), out, reports::UNIT_COLUMNS, Some(title))?;
    for r in &rows {
        sink.row(r)?;
    }
    sink.finish()
}

fn status(app: &App, p: &str, out: &Out) -> Result<()> {
    let p = period(app, p)?;
    let conn = open(app, true)?;
    let rows = reports::status(&conn, &p)?;
    let when = super::report::period_title(&p, app.vi);
    let received = rows.iter().filter(|r| r.revision.is_some()).count();
    let title = w!(app.vi, "city-status-title", name = store::name(&conn)?, period = &when);
    let mut sink = app.human_sink_with(style(app, out, Group::Code), out, reports::STATUS_COLUMNS, Some(title))?;
    for r in &rows {
        sink.row(&r.cells())?;
    }
    sink.finish()?;
    let (n, m) = (rows.len(), rows.len() - received);
    app.say(
        &w!(false, "city-status-counts", units = n, received = received, missing = m, head = store::head(&conn)?),
        &w!(true, "city-status-counts", units = n, received = received, missing = m, head = store::head(&conn)?),
    );
    Ok(())
}

/// The refusal of a period no package was sent for, listing those that were.
fn no_packages(conn: &Connection, p: &Period) -> Result<anyhow::Error> {
    let held = reports::periods(conn)?;
    let (from, to) = (iso(p.from), iso(p.to));
    let list = if held.is_empty() { "-".to_string() } else { held.join(", ") };
    Ok(refused(|vi| w!(vi, "city-report-no-packages", from = &from, to = &to, held = &list)))
}

/// Say on stderr which registered units sent nothing for the period.
fn say_missing(app: &App, c: &Consolidated) {
    if c.missing.is_empty() {
        return;
    }
    let list: Vec<&str> = c.missing.iter().map(|u| u.code.as_str()).collect();
    let (n, all, l) = (c.missing.len(), c.units, list.join(", "));
    app.say(
        &w!(false, "city-report-missing", count = n, units = all, list = &l),
        &w!(true, "city-report-missing", count = n, units = all, list = &l),
    );
}

fn report(app: &App, kind: Kind, by: By, p: &str, out: &Out) -> Result<()> {
    check_xlsx(out)?;
    let p = period(app, p)?;
    let conn = open(app, true)?;
    let Some(c) = reports::consolidate(&conn, &p, kind, by)? else { return Err(no_packages(&conn, &p)?) };
    let when = super::report::period_title(&p, app.vi);
    let name = store::name(&conn)?;
    let by_word = match by {
        By::Unit => w!(app.vi, "city-by-unit"),
        By::Org => w!(app.vi, "city-by-org"),
        By::Category => w!(app.vi, "city-by-category"),
    };
    let (title, sheet) = match kind {
        Kind::Summary => (
            w!(app.vi, "city-title-summary", name = &name, period = &when, by = &by_word),
            w!(app.vi, "city-sheet-summary"),
        ),
        Kind::Quota => {
            let (f, t) = (c.from.as_str(), c.to.as_str());
            (
                w!(app.vi, "city-title-quota", name = &name, period = &when, by = &by_word, from = f, to = t),
                w!(app.vi, "city-sheet-quota"),
            )
        }
        Kind::Contacts => (
            w!(app.vi, "city-title-contacts", name = &name, period = &when, by = &by_word),
            w!(app.vi, "city-sheet-contacts"),
        ),
    };
    let mut columns: Vec<&str> = c.columns.to_vec();
    let group = match by {
        By::Unit => {
            columns[0] = "unit";
            Group::Code
        }
        By::Org => Group::Org,
        By::Category => Group::Category,
    };
    let head = vec![
        ("period", json!({"from": c.from, "to": c.to})),
        ("units", json!(c.units)),
        ("missing", Value::Array(c.missing.iter().map(|u| json!(u.code)).collect())),
    ];
    let mut rows = c.rows.clone();
    let mut total = c.total.clone();
    if by == By::Unit && out.format == Format::Table {
        // A person reads the unit's name (and its code), and the total row in words.
        let names: std::collections::HashMap<String, String> =
            reports::units(&conn)?.into_iter().map(|u| (u.code, u.name)).collect();
        for r in &mut rows {
            if let Some(Cell::Text(code)) = r.first().cloned() {
                let shown = names.get(&code).map_or(code.clone(), |n| format!("{n} ({code})"));
                r[0] = Cell::text(shown);
            }
        }
        total[0] = Cell::text(w!(app.vi, "table-total"));
    }
    emit(app, out, &title, &sheet, &columns, &rows, &total, head, group)?;
    say_missing(app, &c);
    Ok(())
}

/// `-f xlsx` needs a file.
fn check_xlsx(out: &Out) -> Result<()> {
    if out.format == Format::Xlsx && out.output.is_none() {
        return Err(refused(|vi| w!(vi, "city-xlsx-needs-file")));
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn emit(
    app: &App,
    out: &Out,
    title: &str,
    sheet: &str,
    columns: &[&str],
    rows: &[Vec<Cell>],
    total: &[Cell],
    head: Vec<(&str, Value)>,
    group: Group,
) -> Result<()> {
    match out.format {
        Format::Xlsx => {
            let Some(path) = out.output.as_deref() else { return check_xlsx(out) };
            crate::xlsx::write_report(path, app.vi, sheet, title, columns, rows, Some(total))
        }
        Format::Json => {
            let cols: Vec<String> = columns.iter().map(|c| c.to_string()).collect();
            let mut m = serde_json::Map::new();
            for (k, v) in head {
                m.insert(k.to_string(), v);
            }
            m.insert("rows".into(), Value::Array(rows.iter().map(|r| json_object(&cols, r)).collect()));
            m.insert("total".into(), json_object(&cols, total));
            let mut w = crate::paths::destination(out.output.as_deref())?;
            serde_json::to_writer_pretty(&mut w, &Value::Object(m))?;
            writeln!(w)?;
            w.flush()?;
            Ok(())
        }
        Format::Table | Format::Csv => {
            let mut sink = app.human_sink_with(style(app, out, group), out, columns, Some(title.to_string()))?;
            for r in rows {
                sink.row(r)?;
            }
            sink.row(total)?;
            sink.finish()
        }
    }
}

fn dups(app: &App, p: &str, out: &Out) -> Result<()> {
    let p = period(app, p)?;
    let conn = open(app, true)?;
    let d = duplicates::find(&conn, &p)?;
    if d.packages == 0 {
        return Err(no_packages(&conn, &p)?);
    }
    let when = super::report::period_title(&p, app.vi);
    let title = w!(app.vi, "city-duplicates-title", name = store::name(&conn)?, period = &when);
    let mut sink = app.human_sink_with(style(app, out, Group::Code), out, duplicates::COLUMNS, Some(title))?;
    for r in &d.pairs {
        sink.row(&r.cells())?;
    }
    sink.finish()?;
    let strong = d.pairs.iter().filter(|r| r.kind == "id").count();
    let weak = d.pairs.len() - strong;
    let n = d.packages;
    app.say(
        &w!(false, "city-duplicates-found", strong = strong, weak = weak, packages = n),
        &w!(true, "city-duplicates-found", strong = strong, weak = weak, packages = n),
    );
    if !d.without_tokens.is_empty() {
        let l = d.without_tokens.join(", ");
        app.say(
            &w!(false, "city-duplicates-no-tokens", units = &l),
            &w!(true, "city-duplicates-no-tokens", units = &l),
        );
    }
    for (fp, units) in &d.keys {
        let l = units.join(", ");
        app.say(
            &w!(false, "city-duplicates-other-key", fingerprint = fp, units = &l),
            &w!(true, "city-duplicates-other-key", fingerprint = fp, units = &l),
        );
    }
    Ok(())
}

fn brief(app: &App, p: &str, output: &Path) -> Result<()> {
    let p = period(app, p)?;
    let ext = output.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    if !matches!(ext.as_deref(), Some("html" | "htm")) {
        let shown = output.display().to_string();
        return Err(refused(|vi| w!(vi, "city-brief-html-only", path = &shown)));
    }
    crate::paths::refuse_taken(output)?;
    let conn = open(app, true)?;
    let get = |k, b| reports::consolidate(&conn, &p, k, b);
    let (Some(summary), Some(quota), Some(contacts)) =
        (get(Kind::Summary, By::Unit)?, get(Kind::Quota, By::Unit)?, get(Kind::Contacts, By::Unit)?)
    else {
        return Err(no_packages(&conn, &p)?);
    };
    let names = reports::units(&conn)?.into_iter().map(|u| (u.code, u.name)).collect();
    let b = crate::upward::brief::CityBrief { name: store::name(&conn)?, period: p, summary, quota, contacts, names };
    let html = crate::upward::brief::page(&b, app.vi);
    let (file, mut f) = crate::paths::NewFile::create(output)?;
    f.write_all(html.as_bytes())
        .and_then(|()| f.sync_all())
        .with_context(|| format!("writing {}", output.display()))?;
    drop(f);
    file.commit()?;
    writeln!(std::io::stdout(), "{}", output.display())?;
    say_missing(app, &b.summary);
    Ok(())
}

fn check(app: &App) -> Result<()> {
    let conn = open(app, true)?;
    let r = crate::upward::check::check(&conn)?;
    let p = app.db.display().to_string();
    if r.problems.is_empty() {
        let (u, k, a, h) = (r.units, r.packages, r.audit_rows, store::head(&conn)?);
        app.say(
            &w!(false, "city-check-ok", path = &p, units = u, packages = k, rows = a, head = &h),
            &w!(true, "city-check-ok", path = &p, units = u, packages = k, rows = a, head = &h),
        );
        return Ok(());
    }
    let n = r.problems.len();
    let en: Vec<String> = r.problems.iter().map(|(e, _)| format!("  {e}")).collect();
    let vi: Vec<String> = r.problems.iter().map(|(_, v)| format!("  {v}")).collect();
    Err(Refusal::new(
        format!("{}\n{}", w!(false, "city-check-failed", path = &p, count = n), en.join("\n")),
        format!("{}\n{}", w!(true, "city-check-failed", path = &p, count = n), vi.join("\n")),
    )
    .into())
}
