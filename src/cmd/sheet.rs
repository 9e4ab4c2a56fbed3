//! `sheet -p MONTH -o FILE.xlsx|FILE.pdf|FILE.html [--ward W] [--org O] [--member M]`: the
//! month's contact sheets, one per member in charge (SPEC §17; which cases go on whose sheet
//! is said in `report::sheet`).
//!
//! The period defaults to the current month and is at most 3 months. The file is a new one
//! (mode 0600, never over an existing file) made through `paths::create_output`: it appears
//! only when the command succeeds. A PDF is the paper forms printed by the brief's Chromium
//! (`brief::print_pdf`). The path is printed on stdout; on stderr, how many sheets and cases.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};
use chrono::Datelike;

use super::App;
use crate::domain::types::{ymd, Period};
use crate::report::sheet::{self, paper, workbook};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    Xlsx,
    Html,
    Pdf,
}

/// The sheet's period: `-p` in any form the reports take, else the month of today; refused
/// when longer than [`sheet::MAX_MONTHS`] months.
fn period(typed: Option<&str>, today: chrono::NaiveDate) -> Result<Period> {
    let p = match typed {
        Some(t) => Period::parse(Some(t), today)?,
        None => {
            let from = ymd(today.year(), today.month(), 1);
            let to = from.checked_add_months(chrono::Months::new(1)).and_then(|d| d.pred_opt()).unwrap_or(from);
            Period { from, to }
        }
    };
    if !sheet::within_limit(&p) {
        let shown = typed.unwrap_or_default();
        let (f, t) = (crate::human::date(p.from, false), crate::human::date(p.to, false));
        let (fv, tv) = (crate::human::date(p.from, true), crate::human::date(p.to, true));
        crate::refuse_w!(
            "sheet-period-too-long",
            shown = shown,
            from = crate::words::both(&f, &fv),
            to = crate::words::both(&t, &tv),
            max = sheet::MAX_MONTHS
        );
    }
    Ok(p)
}

pub fn run(
    app: &App,
    typed: Option<&str>,
    output: &Path,
    chromium: Option<&Path>,
    scope: &crate::cli::Scope,
) -> Result<()> {
    let ext = output.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    let form = match ext.as_deref() {
        Some("xlsx") => Form::Xlsx,
        Some("html" | "htm") => Form::Html,
        Some("pdf") => Form::Pdf,
        _ => {
            crate::refuse_w!("sheet-written-as-file", output = output.display().to_string())
        }
    };
    crate::paths::refuse_taken(output)?;
    let p = period(typed, app.today)?;
    // Find the browser before any work, so a missing one is said at once.
    let browser = if form == Form::Pdf { Some(super::brief::find_chromium(chromium)?) } else { None };
    let conn = app.open_read()?;
    let sc = super::report::scope(&conn, scope)?;
    let part = super::report::scope_words(&sc, app.vi);
    let sheets = sheet::gather(&conn, p, &sc)?;
    let words = crate::human::period(&p, app.vi);
    if sheets.sheets.is_empty() {
        crate::refuse_w!(
            "sheet-no-case",
            period = crate::words::both(crate::human::period(&p, false), crate::human::period(&p, true)),
            scope = crate::words::both(super::report::scope_words(&sc, false), super::report::scope_words(&sc, true))
        );
    }
    let when = super::report::period_title(&p, app.vi);
    let title = crate::w!(app.vi, "sheet-title", when = &when) + &part;
    let bytes = match (form, browser) {
        (Form::Xlsx, _) => {
            let district = super::report::district_prefix(&conn)?;
            workbook::write(&sheets, &format!("{district}{title}"), app.vi)?
        }
        (_, None) => paper::page(&sheets, &district(&conn)?, &title, app.vi).into_bytes(),
        (_, Some(browser)) => {
            super::brief::print_pdf(&browser, &paper::page(&sheets, &district(&conn)?, &title, app.vi))?
        }
    };
    // Put in place when the command ends well (`cmd::run`); a failure leaves nothing.
    let mut f = crate::paths::create_output(output)?;
    f.write_all(&bytes).and_then(|()| f.sync_all()).with_context(|| format!("writing {}", output.display()))?;
    writeln!(std::io::stdout().lock(), "{}", output.display())?;
    let (n, cases, none) = (sheets.sheets.len(), sheets.cases(), sheets.unassigned());
    let path = output.display().to_string();
    let said = |vi| crate::w!(vi, "sheet-written", path = &path, n = n, words = &words, cases = cases, none = none);
    app.say(&said(false), &said(true));
    Ok(())
}

/// The register's name (setting `district`), empty when unset.
fn district(conn: &rusqlite::Connection) -> Result<String> {
    Ok(crate::domain::lookup::setting(conn, "district")?.map(|d| d.trim().to_string()).unwrap_or_default())
}
