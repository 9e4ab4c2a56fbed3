//! `export` and `query`: both read through a read-only connection and stream their rows
//! straight into the output sink (CSV, JSON or a table), never holding a whole table.

use anyhow::Result;

use super::App;
use crate::cli::{ExportWhat, Out};
use crate::report::export::{self, AdHoc, Table};

pub fn export(app: &App, what: ExportWhat, redact: bool, out: &Out) -> Result<()> {
    let table = match what {
        ExportWhat::Cases => Table::Cases,
        ExportWhat::Members => Table::Members,
        ExportWhat::Assignments => Table::Assignments,
        ExportWhat::Reviews => Table::Reviews,
        ExportWhat::Supports => Table::Supports,
        ExportWhat::Audit => Table::Audit,
    };
    let conn = app.open_read()?;
    let mut sink = app.human_sink(&conn, out, table.columns(), None)?;
    export::export(&conn, table, redact, &mut |r| sink.row(r))?;
    sink.finish()
}

pub fn query(app: &App, sql: &str, out: &Out) -> Result<()> {
    let conn = app.open_read()?;
    let q = AdHoc::prepare(&conn, sql)?;
    let columns = q.columns();
    let cols: Vec<&str> = columns.iter().map(String::as_str).collect();
    let mut sink = app.sink(out, &cols, None)?;
    q.stream(&mut |r| sink.row(r))?;
    sink.finish()
}
