//! `export` and `query`: both read through a read-only connection and stream their rows
//! straight into the output sink (CSV, JSON or a table), never holding a whole table.

use anyhow::Result;

use super::App;
use crate::cli::{ExportWhat, Out};
use crate::report::export::{self, AdHoc, Limits, Table};

pub fn export(app: &App, what: ExportWhat, redact: bool, period: Option<&str>, voided: bool, out: &Out) -> Result<()> {
    let table = match what {
        ExportWhat::Cases => Table::Cases,
        ExportWhat::Members => Table::Members,
        ExportWhat::Assignments => Table::Assignments,
        ExportWhat::Reviews => Table::Reviews,
        ExportWhat::Supports => Table::Supports,
        ExportWhat::Audit => Table::Audit,
    };
    let period = period.map(|p| crate::domain::types::Period::parse(Some(p), app.today)).transpose()?;
    let o = export::Options { redact, period, voided };
    export::check(table, &o)?;
    let conn = app.open_read()?;
    let mut sink = app.human_sink(&conn, out, &export::columns(table, &o), None)?;
    export::export_with(&conn, table, &o, &mut |r| sink.row(r))?;
    sink.finish()
}

/// Rows a `query` may return by default: a table is held in memory to be laid out and is
/// read by a person; CSV and JSON stream.
pub const QUERY_ROWS_TABLE: u64 = 10_000;
pub const QUERY_ROWS_STREAM: u64 = 1_000_000;
/// Bytes of values a `query` may return: a table 64 MB (held in memory), CSV/JSON 1 GB.
pub const QUERY_BYTES_TABLE: u64 = 64 * 1024 * 1024;
pub const QUERY_BYTES_STREAM: u64 = 1024 * 1024 * 1024;

pub fn query(app: &App, sql: &str, timeout: u64, max_rows: Option<u64>, out: &Out) -> Result<()> {
    if timeout == 0 {
        crate::refuse_w!("timeout-0-give-time");
    }
    let conn = app.open_read()?;
    let q = AdHoc::prepare(&conn, sql)?;
    let columns = q.columns();
    let cols: Vec<&str> = columns.iter().map(String::as_str).collect();
    let mut sink = app.sink(out, &cols, None)?;
    let table = out.format == crate::cli::Format::Table;
    let limits = Limits {
        timeout: std::time::Duration::from_secs(timeout),
        max_rows: max_rows.unwrap_or(if table { QUERY_ROWS_TABLE } else { QUERY_ROWS_STREAM }),
        max_bytes: if table { QUERY_BYTES_TABLE } else { QUERY_BYTES_STREAM },
    };
    q.stream_within(limits, &mut |r| sink.row(r))?;
    sink.finish()
}
