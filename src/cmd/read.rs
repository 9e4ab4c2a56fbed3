//! Read commands of the register: list, show, members, dictionaries, audit.

use std::io::Write;

use anyhow::Result;

use super::App;
use crate::cli::{AuditArgs, AuditCmd, Format, ListArgs, Out, Status};
use crate::domain::lookup::{self, Dict};
use crate::output;
use crate::view::{json_object, Cell, View};
use crate::{audit, read};

pub fn dict(app: &App, d: Dict, out: &Out) -> Result<()> {
    let conn = app.open_read()?;
    let mut sink = app.human_sink(&conn, out, read::DICT_COLUMNS, None)?;
    read::dict(&conn, d, &mut |r| sink.row(r))?;
    sink.finish()
}

pub fn list(app: &App, a: ListArgs) -> Result<()> {
    let conn = app.open_read()?;
    let flt = read::ListFilter {
        status: match a.status {
            Status::Open => "open",
            Status::Released => "released",
            Status::All => "all",
        },
        ward: a.ward,
        org: a.org,
        member: a.member,
        category: a.category,
        search: a.search,
    };
    let mut sink = app.human_sink(&conn, &a.out, read::LIST_COLUMNS, None)?;
    read::list(&conn, &flt, &mut |r| sink.row(r))?;
    sink.finish()
}

pub fn show(app: &App, case: &str, out: &Out) -> Result<()> {
    let conn = app.open_read()?;
    let fields = read::case_fields(&conn, case)?;
    let mut timeline: Vec<Vec<Cell>> = Vec::new();
    read::timeline(&conn, case, &mut |r| {
        timeline.push(r.to_vec());
        Ok(())
    })?;
    let mut others: Vec<Vec<Cell>> = Vec::new();
    read::other_cases(&conn, case, &mut |r| {
        others.push(r.to_vec());
        Ok(())
    })?;
    let strings = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    match out.format {
        Format::Json => {
            let tl = strings(read::TIMELINE_COLUMNS);
            let oc = strings(read::OTHER_CASES_COLUMNS);
            let v = serde_json::json!({
                "case": json_object(&strings(read::CASE_FIELDS), &fields),
                "timeline": timeline.iter().map(|r| json_object(&tl, &r[..tl.len()])).collect::<Vec<_>>(),
                "other_cases": others.iter().map(|r| json_object(&oc, r)).collect::<Vec<_>>(),
            });
            let mut w = crate::paths::destination(out.output.as_deref())?;
            serde_json::to_writer_pretty(&mut w, &v)?;
            writeln!(w)?;
            w.flush()?;
            Ok(())
        }
        Format::Csv | Format::Xlsx => {
            let mut sink = app.sink(out, read::TIMELINE_COLUMNS, None)?;
            for r in &timeline {
                sink.row(&r[..read::TIMELINE_COLUMNS.len()])?;
            }
            sink.finish()
        }
        Format::Table => {
            let style = app.human_style(&conn, out)?;
            let mut w = crate::paths::destination(out.output.as_deref())?;
            let pairs: Vec<(&str, Cell)> = read::CASE_FIELDS.iter().copied().zip(fields).collect();
            let title = &crate::w!(app.vi, "show-title-case");
            output::pairs(&style, &mut w, title, &pairs)?;
            // Events and their details in the reader's language (CSV and JSON keep the codes).
            let rows: Vec<Vec<Cell>> = timeline.iter().map(|r| timeline_row(&style, r)).collect();
            let t = output::render_table(
                &style,
                View::all(read::TIMELINE_COLUMNS),
                &rows,
                Some(&crate::w!(app.vi, "show-title-timeline")),
            );
            w.write_all(t.as_bytes())?;
            if !others.is_empty() {
                let t = output::render_table(
                    &style,
                    View::all(read::OTHER_CASES_COLUMNS),
                    &others,
                    Some(&crate::w!(app.vi, "show-title-other-cases")),
                );
                w.write_all(t.as_bytes())?;
            }
            w.flush()?;
            Ok(())
        }
    }
}

pub fn members(
    app: &App,
    ward: Option<String>,
    org: Option<String>,
    all: bool,
    search: Option<&str>,
    out: &Out,
) -> Result<()> {
    let conn = app.open_read()?;
    let mut sink = app.human_sink(&conn, out, read::MEMBER_COLUMNS, None)?;
    let flt = read::MemberFilter { ward: ward.as_deref(), org: org.as_deref(), all, search, only: None };
    read::members(&conn, &flt, app.today, &mut |r| sink.row(r))?;
    sink.finish()
}

pub fn member_show(app: &App, id: &str, out: &Out) -> Result<()> {
    let conn = app.open_read()?;
    let m = lookup::member(&conn, id)?;
    let mut fields: Vec<Cell> = Vec::new();
    let flt = read::MemberFilter { all: true, only: Some(m.id), ..read::MemberFilter::default() };
    read::members(&conn, &flt, app.today, &mut |r| {
        fields = r.to_vec();
        Ok(())
    })?;
    let mut cases: Vec<Vec<Cell>> = Vec::new();
    read::member_cases(&conn, m.id, &mut |r| {
        cases.push(r.to_vec());
        Ok(())
    })?;
    let mut wards: Vec<Vec<Cell>> = Vec::new();
    read::member_wards(&conn, m.id, &mut |r| {
        wards.push(r.to_vec());
        Ok(())
    })?;
    let strings = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    match out.format {
        Format::Json => {
            let cc = strings(read::MEMBER_CASES_COLUMNS);
            let wc = strings(read::MEMBER_WARDS_COLUMNS);
            let v = serde_json::json!({
                "member": json_object(&strings(read::MEMBER_COLUMNS), &fields),
                "cases": cases.iter().map(|r| json_object(&cc, r)).collect::<Vec<_>>(),
                "wards": wards.iter().map(|r| json_object(&wc, r)).collect::<Vec<_>>(),
            });
            let mut w = crate::paths::destination(out.output.as_deref())?;
            serde_json::to_writer_pretty(&mut w, &v)?;
            writeln!(w)?;
            w.flush()?;
            Ok(())
        }
        Format::Csv | Format::Xlsx => {
            let mut sink = app.sink(out, read::MEMBER_CASES_COLUMNS, None)?;
            for r in &cases {
                sink.row(r)?;
            }
            sink.finish()
        }
        Format::Table => {
            let style = app.human_style(&conn, out)?;
            let mut w = crate::paths::destination(out.output.as_deref())?;
            let pairs: Vec<(&str, Cell)> = read::MEMBER_COLUMNS.iter().copied().zip(fields).collect();
            output::pairs(&style, &mut w, &crate::w!(app.vi, "show-title-member"), &pairs)?;
            let t = output::render_table(
                &style,
                View::all(read::MEMBER_CASES_COLUMNS),
                &cases,
                Some(&crate::w!(app.vi, "show-title-member-cases")),
            );
            w.write_all(t.as_bytes())?;
            // The ward history, when the member has moved or their ward was merged (SPEC §13).
            if wards.len() > 1 {
                let t = output::render_table(
                    &style,
                    View::all(read::MEMBER_WARDS_COLUMNS),
                    &wards,
                    Some(&crate::w!(app.vi, "show-title-ward-history")),
                );
                w.write_all(t.as_bytes())?;
            }
            w.flush()?;
            Ok(())
        }
    }
}

pub fn audit(app: &App, a: AuditArgs) -> Result<()> {
    match a.verify {
        Some(AuditCmd::Head) => {
            let conn = app.open_read()?;
            let (seq, hash) = super::safety::head(&conn)?;
            let mut out = std::io::stdout().lock();
            writeln!(out, "{seq}:{hash}")?;
            return Ok(());
        }
        Some(AuditCmd::Verify { head }) => {
            // A malformed head is refused before the file is read.
            let head = head.as_deref().map(parse_head).transpose()?;
            let conn = app.open_read()?;
            return verify(app, &conn, head);
        }
        None => {}
    }
    let conn = app.open_read()?;
    let mut sink = app.human_sink(&conn, &a.out, read::AUDIT_COLUMNS, None)?;
    read::audit(&conn, a.case.as_deref(), a.since.as_deref(), &mut |r| sink.row(r))?;
    sink.finish()
}

/// `SEQ:HASH` as `audit head` prints it (the hash in hex, either case).
fn parse_head(s: &str) -> Result<(i64, String)> {
    let parsed = s.trim().split_once(':').and_then(|(seq, hash)| {
        let seq: i64 = seq.trim().parse().ok().filter(|n| *n >= 1)?;
        let hash = hash.trim().to_ascii_lowercase();
        (hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_hexdigit())).then_some((seq, hash))
    });
    match parsed {
        Some(h) => Ok(h),
        None => {
            crate::refuse_w!("audit-not-a-head", typed = s)
        }
    }
}

/// `audit verify [--head SEQ:HASH]`: the chain, every data row against the ledger, and the
/// head when one is given.
fn verify(app: &App, conn: &rusqlite::Connection, head: Option<(i64, String)>) -> Result<()> {
    if let Some((seq, what)) = audit::verify(conn)? {
        crate::refuse_w!("audit-chain-broken", seq = seq.to_string(), what = &what);
    }
    let (mut problems, proved, tables) = crate::check::data(conn)?;
    problems.extend(crate::check::schema(conn)?);
    if !problems.is_empty() {
        let en: Vec<String> = problems.iter().map(|p| format!("  {}", p.text(false))).collect();
        let vi: Vec<String> = problems.iter().map(|p| format!("  {}", p.text(true))).collect();
        crate::refuse_w!(
            "audit-data-do-not-match",
            n = problems.len().to_string(),
            list = crate::words::both(en.join("\n"), vi.join("\n"))
        );
    }
    // The head is judged before anything is said, so a refusal is the only thing printed.
    let held = match head {
        None => None,
        Some((seq, hash)) => {
            let (ledger_hash, audit_hash) = crate::domain::ledger::at(conn, seq)?;
            if ledger_hash.as_deref() == Some(hash.as_str()) {
                Some(crate::w!(app.vi, "audit-head-held", seq = seq.to_string(), hash = &hash))
            } else if audit_hash.as_deref() == Some(hash.as_str()) {
                // An audit row's own hash (from `export audit`, as older READMEs said to keep):
                // it proves the log up to that row; the ledger hash would prove the data too.
                Some(crate::w!(app.vi, "audit-row-held", seq = seq.to_string(), hash = &hash))
            } else if audit_hash.is_none() {
                let last = audit::last(conn)?.map_or(0, |(s, _)| s);
                crate::refuse_w!("audit-head-row-gone", seq = seq.to_string(), hash = &hash, last = last.to_string());
            } else {
                let now = ledger_hash.or(audit_hash).unwrap_or_default();
                crate::refuse_w!("audit-head-rewritten", seq = seq.to_string(), hash = &hash, now = &now)
            }
        }
    };
    let n = audit::rows(conn)?;
    app.tell(&crate::w!(app.vi, "audit-chain-intact", n = n.to_string()));
    app.tell(&crate::w!(app.vi, "audit-data-match", proved = proved.to_string(), tables = tables.to_string()));
    if let Some(said) = held {
        app.tell(&said);
    }
    Ok(())
}

/// One timeline row for a table: the detail rebuilt from its parts in the reader's language
/// (category, class, support kind and reason by name, the amount with thousands separators).
fn timeline_row(style: &output::Style, r: &[Cell]) -> Vec<Cell> {
    let vi = style.vi;
    let text = |c: &Cell| match c {
        Cell::Text(t) => Some(t.clone()),
        _ => None,
    };
    let (event, code, note) = (r[1].render(), text(&r[4]), text(&r[6]));
    // Moves and mergers carry no code: their detail (`OLD → NEW`) is shown as it is.
    let named = code
        .map(|c| match event.as_str() {
            "enroll" => output::shown(style, "category", &Cell::Text(c)).text,
            "review" => crate::vocabulary::vocab("class", &c, vi),
            "support" => crate::vocabulary::vocab("kind", &c, vi),
            "release" => crate::vocabulary::vocab("reason", &c, vi),
            _ => c,
        })
        .or_else(|| text(&r[3]));
    let mut detail = named.unwrap_or_default();
    if let Cell::Int(amount) = r[5] {
        detail.push_str(&format!(" {}", crate::w!(vi, "timeline-amount", amount = amount)));
    }
    if let Some(n) = note {
        detail.push_str(&format!(": {n}"));
    }
    // A review or support is named by its id, which `void` and `amend` take.
    if let Cell::Int(id) = r[7] {
        detail = format!("#{id} {detail}");
    }
    if let (Cell::Text(on), Some(why)) = (&r[8], text(&r[9])) {
        let on =
            crate::domain::types::from_iso(on).map(|d| crate::human::table_date(d, vi)).unwrap_or_else(|_| on.clone());
        detail.push_str(&format!(" {}", crate::w!(vi, "timeline-voided", on = on, why = why)));
    }
    let detail = if detail.is_empty() { Cell::Null } else { Cell::Text(detail) };
    vec![r[0].clone(), r[1].clone(), r[2].clone(), detail]
}
