//! `import members|cases FILE [--dry-run] [--sheet NAME]` and `demo`: open the file (CSV, or
//! a workbook by its extension) and the database, run `crate::import` in one IMMEDIATE
//! transaction (rolled back for `--dry-run` or on any bad
//! row), show progress on a terminal, and print the number of rows imported.

use std::io::{IsTerminal, Write};
use std::path::Path;

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};

use super::App;
use crate::cli::{Format, ImportWhat, Out, QuotaBy, ReportCmd, SummaryBy};
use crate::db;
use crate::domain::register::{self, InitInput};
use crate::import::{self, Kind};

/// Larger files are refused: a district register is a few megabytes; 200 MB is a mistake
/// (a wrong file, or a whole database export) and would hold the write lock for long.
const MAX_FILE: u64 = 200 * 1024 * 1024;

/// Files below this size import in well under a second: no progress bar.
const PROGRESS_FROM: u64 = 4 * 1024 * 1024;

pub fn import(app: &App, what: ImportWhat, file: &Path, dry_run: bool, sheet: Option<&str>) -> Result<()> {
    let mut conn = app.open()?;
    if dry_run {
        // A dry run works on an in-memory copy and holds no lock on the register: another
        // clerk's write during it goes on (SPEC §16).
        drop(conn);
        conn = db::snapshot(&app.db, app.key()?.as_ref())?;
    }
    let meta = match std::fs::metadata(file) {
        Ok(m) if m.is_file() => m,
        Ok(_) => crate::refuse_w!("not-file-give-path", file = file.display().to_string()),
        // The two a clerk meets said in the reader's language; any other as the system says it.
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            crate::refuse_w!("import-no-such-file", file = file.display().to_string())
        }
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => {
            crate::refuse_w!("import-file-not-permitted", file = file.display().to_string())
        }
        Err(e) => crate::refuse_w!("cannot-read", file = file.display().to_string(), value = e.to_string()),
    };
    let workbook = import::is_workbook(file);
    let max = if workbook { import::MAX_WORKBOOK } else { MAX_FILE };
    if meta.len() > max {
        crate::refuse_w!(
            "file-too-large",
            file = file.display().to_string(),
            size_mb = (meta.len() / (1024 * 1024)).to_string(),
            max_mb = max / (1024 * 1024)
        );
    }
    if sheet.is_some() && !workbook {
        crate::refuse_w!("sheet-for-workbooks-xlsx", file = file.display().to_string());
    }
    let kind = match what {
        ImportWhat::Members => Kind::Members,
        ImportWhat::Cases => Kind::Cases,
        ImportWhat::Reviews => Kind::ReviewSheet,
        ImportWhat::Supports => Kind::SupportSheet,
    };
    let name = file.display().to_string();
    let ctx = app.ctx();
    // Any error rolls the transaction back: nothing of the file is written.
    let n = db::write_or_dry_run(&mut conn, dry_run, |tx| {
        if matches!(kind, Kind::ReviewSheet | Kind::SupportSheet) {
            return import::import_sheet(tx, &ctx, kind, &name, file, sheet);
        }
        if workbook {
            // A workbook is read whole before any row is applied: no progress to show.
            return import::import_workbook(tx, &ctx, kind, &name, file, sheet);
        }
        let input = std::fs::File::open(file).with_context(|| format!("opening {}", file.display()))?;
        let bar = progress_bar(meta.len());
        let result = import::import(tx, &ctx, kind, &name, input, &mut |pos| {
            if let Some(b) = &bar {
                b.set_position(pos);
            }
        });
        if let Some(b) = &bar {
            b.finish_and_clear();
        }
        result
    })?;
    writeln!(std::io::stdout(), "{n}")?;
    let what = crate::w!(
        app.vi,
        "import-what",
        kind = match kind {
            Kind::Members => "members",
            Kind::ReviewSheet => "reviews",
            Kind::SupportSheet => "supports",
            _ => "cases",
        }
    );
    let n = n.to_string();
    if dry_run {
        app.tell(&crate::w!(app.vi, "import-dry-run-valid", n = n, name = &name, what = what));
    } else {
        app.tell(&crate::w!(app.vi, "import-done", n = n, name = &name, what = what));
    }
    Ok(())
}

/// A bar on stderr, only for a large file and only when stderr is a terminal.
fn progress_bar(len: u64) -> Option<ProgressBar> {
    if len < PROGRESS_FROM || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = ProgressBar::new(len);
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes} {elapsed}") {
        bar.set_style(style);
    }
    Some(bar)
}

/// `demo`: a new database holding the District 6 example, then its 2021 summary and its
/// 2022 quota (the figures of the May 2022 report).
/// `demo` (the District 6 example); `--size city|small` goes to `cmd::city`.
pub fn demo(app: &App) -> Result<()> {
    let last_day = crate::domain::types::ymd(2022, 5, 20);
    if app.today < last_day {
        crate::refuse_w!("district-6-example-runs", last_day = last_day.to_string(), today = app.today.to_string());
    }
    // A half-made demo file is worth nothing: it is built under a temporary name, put in
    // place whole, and removed when anything fails (`crate::paths`).
    let (mut conn, file) = db::create_new(&app.db, None)?;
    let ctx = app.ctx();
    let input = InitInput { district: Some("Quận 6".into()), wards: 14, quota: 2 };
    let loaded = db::write(&mut conn, |tx| {
        register::seed(tx, &ctx, &input)?;
        import::load_quan6(tx, &ctx)
    })?;
    db::finish_create(conn, file)?;
    let count = |k: Kind| loaded.iter().find(|(kind, _)| *kind == k).map_or(0, |(_, n)| *n);
    let (db, m, c, a, r, s_, l) = (
        app.db.display(),
        count(Kind::Members),
        count(Kind::Cases),
        count(Kind::Assignments),
        count(Kind::Reviews),
        count(Kind::Supports),
        count(Kind::Departures),
    );
    {
        let said = |vi: bool| {
            crate::w!(
                vi,
                "demo-created",
                db = (db).to_string(),
                members = m,
                cases = c,
                reassignments = a,
                reviews = r,
                supports = s_,
                left = l
            )
        };
        app.say(&said(false), &said(true))
    };
    let table = || Out { format: Format::Table, bom: false, output: None, wide: false };
    super::report::run(
        app,
        ReportCmd::Summary {
            period: Some("2021".into()),
            by: SummaryBy::Ward,
            structure: None,
            scope: Default::default(),
            out: table(),
        },
    )?;
    writeln!(std::io::stdout())?;
    super::report::run(
        app,
        ReportCmd::Quota {
            period: Some("2022-01-01..2022-05-20".into()),
            by: QuotaBy::Ward,
            structure: None,
            scope: Default::default(),
            out: table(),
        },
    )?;
    {
        let said = |vi: bool| crate::w!(vi, "try-mh51-db-report", db = (app.db.display()).to_string());
        app.say(&said(false), &said(true))
    };
    Ok(())
}
