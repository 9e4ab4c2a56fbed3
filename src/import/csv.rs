//! CSV files into rows: comma, or semicolon when the header has no comma (Excel's choice in a
//! Vietnamese locale); a UTF-8 BOM and Windows line endings are accepted, blank rows are
//! skipped; a record that is not UTF-8 refuses the file, saying how to save one from Excel
//! (or to import the workbook itself). Places are line numbers (1 is the header).

use std::io::{BufRead, BufReader, Read};

use anyhow::{Context, Result};
use rusqlite::Connection;

use super::apply::Applier;
use super::{empty_file, map_header, Kind, Place};
use crate::domain::Ctx;

/// One pass over the file; `fast` as described on [`super::two_passes`].
pub(super) fn pass<R: Read>(
    conn: &Connection,
    ctx: &Ctx,
    kind: Kind,
    file: &str,
    input: R,
    progress: &mut dyn FnMut(u64),
    fast: bool,
) -> Result<usize> {
    let mut input = BufReader::with_capacity(1 << 16, input);
    let head = input.fill_buf().with_context(|| format!("reading {file}"))?;
    if head.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(empty_file(kind, file));
    }
    let first_line = head.split(|b| *b == b'\n').next().unwrap_or_default();
    let delimiter = if !first_line.contains(&b',') && first_line.contains(&b';') { b';' } else { b',' };
    let mut reader =
        ::csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(input);

    let mut raw = ::csv::ByteRecord::new();
    let mut header = ::csv::StringRecord::new();
    if !read_record(&mut reader, &mut raw, &mut header, file)? {
        return Err(empty_file(kind, file));
    }
    let place = Place::Csv;
    let cells: Vec<&str> = header.iter().collect();
    let header = map_header(kind, file, &place, 1, &cells)?;
    let width = header.width;

    let mut applier = Applier::new(conn, ctx, kind, file, &place, &header, fast);
    let mut record = ::csv::StringRecord::new();
    let mut seen_rows = 0usize;
    while read_record(&mut reader, &mut raw, &mut record, file)? {
        applier.continue_fast()?;
        let line = record.position().map_or(0, ::csv::Position::line);
        seen_rows += 1;
        if seen_rows.is_multiple_of(4096) {
            progress(reader.position().byte());
        }
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if record.len() > width && record.iter().skip(width).any(|c| !c.trim().is_empty()) {
            applier.problem(
                line,
                None,
                "-",
                crate::refusal_w!(
                    "cells-but-header-has",
                    record_count = record.len().to_string(),
                    width = width.to_string()
                ),
            );
            continue;
        }
        let cells: Vec<Option<&str>> =
            header.map.iter().map(|i| i.and_then(|i| record.get(i)).map(str::trim).filter(|c| !c.is_empty())).collect();
        applier.row(line, cells, Vec::new())?;
    }
    progress(reader.position().byte());
    applier.finish()
}

/// Read the next record as text; a record that is not UTF-8 refuses the whole file.
fn read_record<R: Read>(
    reader: &mut ::csv::Reader<R>,
    raw: &mut ::csv::ByteRecord,
    out: &mut ::csv::StringRecord,
    file: &str,
) -> Result<bool> {
    let more = reader.read_byte_record(raw).map_err(|e| {
        let line = e.position().map_or(0, ::csv::Position::line);
        anyhow::Error::new(e).context(format!("reading {file}:{line}"))
    })?;
    if !more {
        return Ok(false);
    }
    let line = raw.position().map_or(0, ::csv::Position::line);
    *out = ::csv::StringRecord::from_byte_record(std::mem::take(raw))
        .map_err(|_| crate::refusal_w!("file-not-utf-8", file = file.to_string(), line = line.to_string()))?;
    Ok(true)
}
