//! What a workbook may cost, checked before calamine is let near it (SPEC §16 "Bounded
//! work": a workbook is refused before it is expanded beyond the stated limits — cells, rows,
//! bytes after decompression — and no input file can abort the process or take more than the
//! stated memory).
//!
//! calamine opens an `.xls` or `.ods` file by reading *every* sheet into a dense rectangle at
//! once, and an `.xlsx` by reading its shared strings whole; a small hostile file can make it
//! ask for gigabytes (an `.ods` cell repeated 16,384 columns by 1,048,576 rows, an `.xls`
//! whose `DIMENSIONS` record claims 4 billion rows or whose one long shared string is copied
//! into a million cells, a zip part that inflates a thousand-fold). So the file is first read
//! here, streaming and with small buffers, and what calamine *would* build is added up:
//!
//! - **every zip-based workbook** (`.xlsx`, `.xlsm`, `.ods`): at most [`MAX_PARTS`] parts,
//!   together at most [`MAX_UNPACKED`] bytes once inflated — counted by inflating them, never
//!   by trusting the sizes the file declares;
//! - **`.ods`**: `content.xml` walked element by element, repeats (`number-rows-repeated`,
//!   `number-columns-repeated`) multiplied out as calamine does: no filled cell past row
//!   [`MAX_SHEET_ROWS`] or column `IV`, at most [`MAX_CELLS`] filled cells, at most
//!   [`MAX_BOX`] cells in the rectangles calamine makes of all sheets, at most [`MAX_TEXT`]
//!   bytes of cell text once repeated;
//! - **`.xls`**: the compound file read with the `cfb` crate (which refuses loops in its
//!   sector chains), its `Workbook` stream walked record by record as calamine walks it: the
//!   same limits, plus each sheet's `DIMENSIONS` record (calamine reserves room for it), the
//!   shared strings' count, and the text every `LABELSST` cell copies out of them.
//!
//! A file within these limits is then read by calamine in under 1 GB (820 MB measured for an
//! `.ods` of 4,000,000 filled cells, the most allowed; BENCHMARKS.md, "Hostile workbooks"); a
//! file outside them is refused naming the sheet and, where there is one, the cell. The limits are far above any register's file: 200,000 cases
//! of 20 columns fill 4,000,000 cells and some 40 MB of text.

use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use anyhow::Result;
use quick_xml::events::{BytesStart, Event};

use super::workbook::{MAX_CELLS, MAX_SHEET_COLUMNS, MAX_SHEET_ROWS};

/// Parts a zip-based workbook may hold (a workbook of a few sheets has some 20).
pub const MAX_PARTS: usize = 10_000;
/// Bytes all parts of a zip-based workbook may inflate to: a sheet of 200,000 rows of 20
/// columns is about 160 MB of XML.
pub const MAX_UNPACKED: u64 = 256 * 1024 * 1024;
/// Cells in the rectangles (first to last filled row, column A to the last filled column)
/// calamine builds for the sheets of an `.xls` or `.ods` file, all sheets together: 200,000
/// rows of 25 columns.
pub const MAX_BOX: u64 = 5_000_000;
/// Bytes of text the cells of one workbook may hold once repeats and shared strings are
/// copied out.
pub const MAX_TEXT: u64 = 128 * 1024 * 1024;
/// Sheets a workbook may have.
pub const MAX_SHEETS: usize = 1_000;

/// Check the workbook at `path` (named `file` to the user) against the limits, by its
/// extension; CSV files and `.xlsx` sheets themselves are bounded where they are read.
pub(super) fn check(file: &str, path: &Path) -> Result<()> {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or_default().to_ascii_lowercase();
    match ext.as_str() {
        "xlsx" | "xlsm" => zip_parts(file, path, None),
        "ods" => zip_parts(file, path, Some("content.xml")),
        "xls" => xls(file, path),
        _ => Ok(()),
    }
}

fn damaged(file: &str, what: impl std::fmt::Display) -> anyhow::Error {
    crate::refusal_w!("cannot-read-as-workbook", file = file.to_string(), what = what.to_string()).into()
}

/// A reader that counts what comes out of it and fails past a budget it shares.
struct Counted<'a, R> {
    inner: R,
    used: &'a mut u64,
}

impl<R: Read> Read for Counted<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        *self.used += n as u64;
        if *self.used > MAX_UNPACKED {
            return Err(std::io::Error::other(Overflow));
        }
        Ok(n)
    }
}

#[derive(Debug)]
struct Overflow;
impl std::fmt::Display for Overflow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("over the unpacked limit")
    }
}
impl std::error::Error for Overflow {}

fn is_overflow(e: &std::io::Error) -> bool {
    e.get_ref().is_some_and(|i| i.is::<Overflow>())
}

fn too_big_unpacked(file: &str, part: &str) -> anyhow::Error {
    let mb = MAX_UNPACKED >> 20;
    crate::refusal_w!(
        "workbook-unpacks-more-than",
        file = file.to_string(),
        mb = mb.to_string(),
        part = part.to_string()
    )
    .into()
}

/// Inflate every part of a zip-based workbook, counting bytes; `scan` names the part that is
/// also walked as an `.ods` sheet.
fn zip_parts(file: &str, path: &Path, scan: Option<&str>) -> Result<()> {
    let f = std::fs::File::open(path).map_err(|e| damaged(file, e))?;
    let mut zip = zip::ZipArchive::new(BufReader::new(f)).map_err(|e| damaged(file, e))?;
    if zip.len() > MAX_PARTS {
        crate::refuse_w!(
            "workbook-has-parts-mh51",
            file = file.to_string(),
            zip_count = zip.len().to_string(),
            max_parts = MAX_PARTS.to_string()
        );
    }
    let mut used = 0u64;
    let mut buf = vec![0u8; 64 * 1024];
    for i in 0..zip.len() {
        let entry = zip.by_index(i).map_err(|e| damaged(file, e))?;
        let name = entry.name().map(|n| n.into_owned()).map_err(|e| damaged(file, e))?;
        let mut r = Counted { inner: entry, used: &mut used };
        if scan == Some(name.as_str()) {
            ods_content(file, BufReader::new(&mut r)).map_err(|e| match e.downcast_ref::<std::io::Error>() {
                Some(io) if is_overflow(io) => too_big_unpacked(file, &name),
                _ => e,
            })?;
            // What the walk left unread (nothing, for a well-formed file) is counted too.
            std::io::copy(&mut r, &mut std::io::sink()).map_err(|e| unpack_error(file, &name, e))?;
            continue;
        }
        loop {
            match r.read(&mut buf) {
                Ok(0) => break,
                Ok(_) => {}
                Err(e) => return Err(unpack_error(file, &name, e)),
            }
        }
    }
    Ok(())
}

fn unpack_error(file: &str, part: &str, e: std::io::Error) -> anyhow::Error {
    if is_overflow(&e) {
        too_big_unpacked(file, part)
    } else {
        damaged(file, format!("{part}: {e}"))
    }
}

/// What calamine would build for a workbook's sheets, added up across all of them.
#[derive(Default)]
struct Tally {
    cells: u64,
    boxed: u64,
    text: u64,
    sheets: usize,
}

/// One sheet's extent: its first and last filled row, its last filled column.
#[derive(Default)]
struct Extent {
    first_row: Option<u64>,
    last_row: u64,
    last_col: u64,
}

impl Extent {
    fn add(&mut self, row0: u64, row1: u64, col1: u64) {
        self.first_row = Some(self.first_row.map_or(row0, |r| r.min(row0)));
        self.last_row = self.last_row.max(row1);
        self.last_col = self.last_col.max(col1);
    }

    /// The cells of calamine's rectangle for the sheet.
    fn cells(&self) -> u64 {
        self.first_row.map_or(0, |r0| (self.last_row - r0 + 1).saturating_mul(self.last_col + 1))
    }
}

fn cell_name(row: u64, col: u64) -> String {
    format!("{}{}", super::column_letters(col.min(u32::MAX as u64) as usize), row.saturating_add(1))
}

impl Tally {
    /// A filled cell at (`row`, `col`) repeated over `rows` × `cols`, holding `text` bytes.
    fn cell(
        &mut self,
        file: &str,
        sheet: &str,
        ext: &mut Extent,
        at: (u64, u64),
        reps: (u64, u64),
        text: u64,
    ) -> Result<()> {
        let (row, col) = at;
        let last = (row.saturating_add(reps.0.max(1) - 1), col.saturating_add(reps.1.max(1) - 1));
        if last.0 >= MAX_SHEET_ROWS as u64 || last.1 >= MAX_SHEET_COLUMNS as u64 {
            // The first cell of the run, in reading order, that lies past the limits.
            let (r, c) = if last.1 >= MAX_SHEET_COLUMNS as u64 {
                (row, col.max(MAX_SHEET_COLUMNS as u64))
            } else {
                (row.max(MAX_SHEET_ROWS as u64), col)
            };
            return Err(super::workbook::past_limits(file, sheet, &cell_name(r, c)));
        }
        let n = reps.0.max(1).saturating_mul(reps.1.max(1));
        self.cells = self.cells.saturating_add(n);
        if self.cells > MAX_CELLS as u64 {
            return Err(super::workbook::too_many_cells(file, sheet, &cell_name(row, col)));
        }
        self.text = self.text.saturating_add(n.saturating_mul(text));
        if self.text > MAX_TEXT {
            return Err(too_much_text(file, sheet, &cell_name(row, col)));
        }
        ext.add(row, last.0, last.1);
        Ok(())
    }

    /// One more sheet.
    fn sheet(&mut self, file: &str) -> Result<()> {
        self.sheets += 1;
        if self.sheets > MAX_SHEETS {
            return Err(too_many_sheets(file));
        }
        Ok(())
    }

    /// A rectangle calamine fills for a sheet, added to the workbook's.
    fn rectangle(&mut self, file: &str, sheet: &str, ext: &Extent) -> Result<()> {
        self.boxed = self.boxed.saturating_add(ext.cells());
        if self.boxed > MAX_BOX {
            let r0 = ext.first_row.unwrap_or(0);
            let span = format!("A{}:{}", r0 + 1, cell_name(ext.last_row, ext.last_col));
            crate::refuse_w!(
                "filled-cells-workbook-s",
                file = file.to_string(),
                sheet = sheet.to_string(),
                span = span.to_string(),
                max_box = MAX_BOX.to_string()
            );
        }
        Ok(())
    }
}

pub(super) fn too_many_sheets(file: &str) -> anyhow::Error {
    crate::refusal_w!("workbook-has-more-than", file = file.to_string(), max_sheets = MAX_SHEETS.to_string()).into()
}

pub(super) fn too_much_text(file: &str, sheet: &str, at: &str) -> anyhow::Error {
    let mb = MAX_TEXT >> 20;
    crate::refusal_w!(
        "workbook-s-cells-hold",
        file = file.to_string(),
        sheet = sheet.to_string(),
        at = at.to_string(),
        mb = mb.to_string()
    )
    .into()
}

fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes().flatten().find(|a| a.key.as_ref() == name).map(|a| a.value.into_owned())
}

/// A repeat count (`number-rows-repeated`, `number-columns-repeated`); calamine refuses what
/// does not parse, and so does this.
fn repeats(file: &str, e: &BytesStart<'_>, name: &str) -> Result<u64> {
    match attr(e, name) {
        None => Ok(1),
        Some(v) => v.trim().parse::<u64>().map_err(|_| damaged(file, format!("{name} = '{v}'"))),
    }
}

/// Walk an `.ods` file's `content.xml` as calamine reads it (`ods.rs`: a cell is filled when
/// it has a value attribute, is of type string, or has a formula; rows and cells repeat).
fn ods_content(file: &str, input: impl BufRead) -> Result<()> {
    let mut reader = quick_xml::Reader::from_reader(input);
    let mut buf = Vec::with_capacity(4096);
    let mut tally = Tally::default();
    let mut sheet = String::new();
    let mut ext = Extent::default();
    let mut in_table = false;
    let (mut row, mut row_reps) = (0u64, 1u64);
    let mut col = 0u64;
    // The cell being read: its column, repeats, whether filled, its text so far.
    let mut open: Option<(u64, u64, bool, u64)> = None;
    loop {
        buf.clear();
        let ev = reader.read_event_into(&mut buf).map_err(|e| match e {
            quick_xml::Error::Io(io) if is_overflow(&io) => anyhow::Error::new(std::io::Error::other(Overflow)),
            e => damaged(file, format!("content.xml: {e}")),
        })?;
        match ev {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(ev, Event::Empty(_));
                match e.name().as_ref() {
                    "table:table" => {
                        sheet = attr(e, "table:name").unwrap_or_default();
                        ext = Extent::default();
                        row = 0;
                        in_table = !empty;
                        if empty {
                            tally.sheet(file)?;
                        }
                    }
                    "table:table-row" if in_table => {
                        row_reps = repeats(file, e, "table:number-rows-repeated")?;
                        col = 0;
                        if empty {
                            row = row.saturating_add(row_reps);
                        }
                    }
                    "table:table-cell" | "table:covered-table-cell" if in_table => {
                        let reps = repeats(file, e, "table:number-columns-repeated")?;
                        let mut filled = false;
                        let mut text = 0u64;
                        for a in e.attributes().flatten() {
                            match a.key.as_ref() {
                                "office:value"
                                | "office:string-value"
                                | "office:date-value"
                                | "office:time-value"
                                | "office:boolean-value" => {
                                    filled = true;
                                    text += a.value.len() as u64;
                                }
                                "office:value-type" if a.value.as_ref() == "string" => filled = true,
                                "table:formula" if !a.value.is_empty() => {
                                    filled = true;
                                    text += a.value.len() as u64;
                                }
                                _ => {}
                            }
                        }
                        if empty {
                            if filled {
                                tally.cell(file, &sheet, &mut ext, (row, col), (row_reps, reps), text)?;
                            }
                            col = col.saturating_add(reps);
                        } else {
                            open = Some((col, reps, filled, text));
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(ref t) => {
                if let Some(c) = open.as_mut() {
                    c.3 += t.len() as u64;
                }
            }
            Event::GeneralRef(ref t) => {
                if let Some(c) = open.as_mut() {
                    c.3 += t.len() as u64 + 2;
                }
            }
            Event::End(ref e) => match e.name().as_ref() {
                "table:table-cell" | "table:covered-table-cell" => {
                    if let Some((c, reps, filled, text)) = open.take() {
                        if filled {
                            tally.cell(file, &sheet, &mut ext, (row, c), (row_reps, reps), text)?;
                        }
                        col = c.saturating_add(reps);
                    }
                }
                "table:table-row" if in_table => row = row.saturating_add(row_reps),
                "table:table" if in_table => {
                    in_table = false;
                    tally.sheet(file)?;
                    tally.rectangle(file, &sheet, &ext)?;
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(())
}

// ---- .xls ----------------------------------------------------------------------------------

fn u16_at(d: &[u8], i: usize) -> Option<u64> {
    d.get(i..i + 2).map(|b| u16::from_le_bytes([b[0], b[1]]) as u64)
}

fn u32_at(d: &[u8], i: usize) -> Option<u64> {
    d.get(i..i + 4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as u64)
}

/// One BIFF record as calamine sees it: the `CONTINUE` records after it are its own.
struct Record<'a> {
    typ: u16,
    data: &'a [u8],
    cont: Vec<&'a [u8]>,
}

/// The records from `stream`, as calamine's `RecordIter` splits them (a short stream ends
/// the walk; calamine refuses it, so nothing more is needed here).
fn records(mut stream: &[u8]) -> impl Iterator<Item = Record<'_>> {
    std::iter::from_fn(move || {
        let typ = u16_at(stream, 0)? as u16;
        let len = u16_at(stream, 2)? as usize;
        let data = stream.get(4..4 + len)?;
        stream = &stream[4 + len..];
        let mut cont = Vec::new();
        while u16_at(stream, 0) == Some(0x003C) && stream.len() > 4 {
            let l = u16_at(stream, 2)? as usize;
            cont.push(stream.get(4..4 + l)?);
            stream = &stream[4 + l..];
        }
        Some(Record { typ, data, cont })
    })
}

/// The UTF-8 bytes of each shared string (SST, MS-XLS 2.4.265), walked as calamine's
/// `read_rich_extended_string` reads them: a Latin-1 character becomes at most 2 bytes, a
/// UTF-16 one at most 3.
fn sst_lengths(file: &str, r: &Record<'_>) -> Result<Vec<u64>> {
    let bad = || damaged(file, "SST");
    let mut segs = std::iter::once(r.data).chain(r.cont.iter().copied());
    let mut cur: &[u8] = segs.next().unwrap_or_default();
    cur = cur.get(8..).ok_or_else(bad)?;
    let mut out = Vec::new();
    // Take `n` bytes, crossing into continue records.
    fn skip<'a>(cur: &mut &'a [u8], segs: &mut impl Iterator<Item = &'a [u8]>, mut n: u64) -> bool {
        while n > 0 {
            if cur.is_empty() {
                match segs.next() {
                    Some(s) => *cur = s,
                    None => return false,
                }
                continue;
            }
            let l = (cur.len() as u64).min(n);
            *cur = &cur[l as usize..];
            n -= l;
        }
        true
    }
    loop {
        if cur.is_empty() {
            match segs.next() {
                Some(s) => cur = s,
                None => break,
            }
            continue;
        }
        if out.len() >= MAX_CELLS {
            crate::refuse_w!("workbook-has-more-than-2", file = file.to_string(), max_cells = MAX_CELLS.to_string());
        }
        let cch = u16_at(cur, 0).ok_or_else(bad)?;
        let flags = *cur.get(2).ok_or_else(bad)?;
        cur = &cur[3..];
        let mut head = 0u64;
        let runs = if flags & 0x8 != 0 {
            head += 2;
            u16_at(cur, 0).ok_or_else(bad)?
        } else {
            0
        };
        let ext = if flags & 0x4 != 0 {
            let e = u32_at(cur, head as usize).ok_or_else(bad)?;
            head += 4;
            e
        } else {
            0
        };
        cur = cur.get(head as usize..).ok_or_else(bad)?;
        let (mut left, mut high, mut bytes) = (cch, flags & 1 != 0, 0u64);
        while left > 0 {
            let per = if high { 2 } else { 1 };
            let here = (cur.len() as u64 / per).min(left);
            cur = &cur[(here * per) as usize..];
            bytes += here * if high { 3 } else { 2 };
            left -= here;
            if left > 0 {
                cur = segs.next().ok_or_else(bad)?;
                high = cur.first().ok_or_else(bad)? & 1 != 0;
                cur = &cur[1..];
            }
        }
        if !skip(&mut cur, &mut segs, runs * 4 + ext) {
            return Err(bad());
        }
        out.push(bytes);
    }
    Ok(out)
}

/// A BoundSheet8 record's sheet: its stream position and name (MS-XLS 2.4.28).
fn bound_sheet(d: &[u8]) -> Option<(usize, String)> {
    let pos = u32_at(d, 0)? as usize;
    let cch = *d.get(6)? as usize;
    let name = match d.get(7) {
        Some(f) if f & 1 != 0 => {
            let units: Vec<u16> = d.get(8..8 + 2 * cch)?.chunks(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect();
            String::from_utf16_lossy(&units)
        }
        _ => d.get(8..8 + cch).map(|b| b.iter().map(|&c| c as char).collect()).unwrap_or_default(),
    };
    Some((pos, name))
}

/// Walk an `.xls` file's `Workbook` stream as calamine's `parse_workbook` does.
fn xls(file: &str, path: &Path) -> Result<()> {
    let mut cf = cfb::open(path).map_err(|e| damaged(file, e))?;
    let name = ["/Workbook", "/Book"]
        .into_iter()
        .find(|n| cf.is_stream(n))
        .ok_or_else(|| damaged(file, "no Workbook stream"))?;
    let mut stream = Vec::new();
    cf.open_stream(name)
        .map_err(|e| damaged(file, e))?
        .take(super::workbook::MAX_WORKBOOK * 2)
        .read_to_end(&mut stream)
        .map_err(|e| damaged(file, e))?;
    // The globals: shared strings and the sheets' positions.
    let mut strings: Vec<u64> = Vec::new();
    let mut sheets: Vec<(usize, String)> = Vec::new();
    for r in records(&stream) {
        match r.typ {
            0x0085 => {
                if let Some(s) = bound_sheet(r.data) {
                    sheets.push(s);
                }
                if sheets.len() > MAX_SHEETS {
                    return Err(too_many_sheets(file));
                }
            }
            0x00FC => strings = sst_lengths(file, &r)?,
            0x000A => break,
            _ => {}
        }
    }
    let mut tally = Tally::default();
    let mut walked = 0usize;
    for (pos, sheet) in &sheets {
        let Some(sh) = stream.get(*pos..) else { continue };
        let mut ext = Extent::default();
        let mut fext = Extent::default();
        let (mut seen_bof, mut depth) = (false, 0usize);
        for r in records(sh) {
            // Sheets that overlap would make calamine read the same records again and again.
            walked += 4 + r.data.len() + r.cont.iter().map(|c| 4 + c.len()).sum::<usize>();
            if walked > stream.len() {
                return Err(damaged(file, format!("sheet '{sheet}' overlaps another")));
            }
            if depth > 0 {
                match r.typ {
                    0x0809 => depth += 1,
                    0x000A => depth -= 1,
                    _ => {}
                }
                continue;
            }
            let d = r.data;
            let pos = |d: &[u8]| Some((u16_at(d, 0)?, u16_at(d, 2)?));
            match r.typ {
                0x0809 if seen_bof => depth += 1,
                0x0809 => seen_bof = true,
                0x0200 => {
                    // calamine reserves rows × columns cells for the DIMENSIONS it is told.
                    let (rf, rl, cf, cl) = match d.len() {
                        10 => (u16_at(d, 0), u16_at(d, 2), u16_at(d, 4), u16_at(d, 6)),
                        14 | 16 => (u32_at(d, 0), u32_at(d, 4), u16_at(d, 8), u16_at(d, 10)),
                        _ => continue,
                    };
                    let (Some(rf), Some(rl), Some(c0), Some(cl)) = (rf, rl, cf, cl) else { continue };
                    let cf = if c0 > 0xFF || cl < c0 { 0 } else { c0 };
                    let (end_r, end_c) = if rl >= 1 && cl >= 1 { (rl - 1, cl - 1) } else { (rf, cf) };
                    let rows = (end_r as u32).wrapping_sub(rf as u32).wrapping_add(1) as u64;
                    let cols = (end_c as u32).wrapping_sub(cf as u32).wrapping_add(1) as u64;
                    if rows.saturating_mul(cols) > MAX_BOX {
                        crate::refuse_w!(
                            "sheet-declares-rows-columns",
                            file = file.to_string(),
                            sheet = sheet.to_string(),
                            rows = rows.to_string(),
                            cols = cols.to_string(),
                            max_box = MAX_BOX.to_string()
                        );
                    }
                }
                // NUMBER, BOOLERR, RK: a value of fixed size.
                0x0203 | 0x0205 | 0x027E => {
                    if let Some((r0, c0)) = pos(d) {
                        tally.cell(file, sheet, &mut ext, (r0, c0), (1, 1), 24)?;
                    }
                }
                // LABEL, RSTRING, and a formula's STRING: text of their own.
                0x0204 | 0x00D6 => {
                    if let Some((r0, c0)) = pos(d) {
                        tally.cell(file, sheet, &mut ext, (r0, c0), (1, 1), 3 * d.len() as u64)?;
                    }
                }
                0x0207 => tally.text = tally.text.saturating_add(3 * d.len() as u64),
                // LABELSST: a copy of a shared string.
                0x00FD => {
                    if let (Some((r0, c0)), Some(i)) = (pos(d), u32_at(d, 6)) {
                        if let Some(&len) = strings.get(i as usize) {
                            tally.cell(file, sheet, &mut ext, (r0, c0), (1, 1), len)?;
                        }
                    }
                }
                // MULRK: several numbers in a row.
                0x00BD => {
                    if let (Some((r0, c0)), Some(c1)) = (pos(d), d.len().checked_sub(2).and_then(|i| u16_at(d, i))) {
                        if c1 >= c0 {
                            tally.cell(file, sheet, &mut ext, (r0, c0), (1, c1 - c0 + 1), 24)?;
                        }
                    }
                }
                // FORMULA: its value, and its text in a second rectangle.
                0x0006 => {
                    if let Some((r0, c0)) = pos(d) {
                        tally.cell(file, sheet, &mut ext, (r0, c0), (1, 1), 24)?;
                        fext.add(r0, r0, c0);
                        tally.text = tally.text.saturating_add(8 * d.len() as u64);
                    }
                }
                0x000A => break,
                _ => {}
            }
        }
        tally.sheet(file)?;
        tally.rectangle(file, sheet, &ext)?;
        tally.rectangle(file, sheet, &fext)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ods(cells: &str) -> Result<()> {
        let xml = format!(
            r#"<office:document-content><office:body><office:spreadsheet><table:table table:name="Sheet1">{cells}</table:table></office:spreadsheet></office:body></office:document-content>"#
        );
        ods_content("f.ods", xml.as_bytes())
    }

    fn refused(r: Result<()>) -> String {
        r.unwrap_err().downcast::<crate::domain::Refusal>().expect("a refusal").en
    }

    #[test]
    fn an_ods_sheet_is_measured_with_its_repeats_multiplied_out() {
        // A legitimate sheet: a header and two rows, then LibreOffice's trailing empty run.
        ods(r#"<table:table-row><table:table-cell office:value-type="string"><text:p>case_no</text:p></table:table-cell></table:table-row>
               <table:table-row table:number-rows-repeated="2"><table:table-cell office:value-type="float" office:value="1"/><table:table-cell table:number-columns-repeated="1020"/></table:table-row>
               <table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>"#)
        .unwrap();
        // One filled cell repeated across 16,384 columns: refused at the first column past IV.
        let e = refused(ods(
            r#"<table:table-row><table:table-cell office:value-type="string" table:number-columns-repeated="16384"><text:p>x</text:p></table:table-cell></table:table-row>"#,
        ));
        assert!(e.starts_with("f.ods:Sheet1!IW1: the sheet reaches past row 201000"), "{e}");
        // Repeated down past the last row read.
        let e = refused(ods(
            r#"<table:table-row table:number-rows-repeated="300000"><table:table-cell office:value="1"/></table:table-row>"#,
        ));
        assert!(e.starts_with("f.ods:Sheet1!A201001: the sheet reaches past"), "{e}");
        // Within rows and columns, but 200,000 × 200 filled cells is more than 4,000,000.
        let e = refused(ods(
            r#"<table:table-row table:number-rows-repeated="200000"><table:table-cell office:value="1" table:number-columns-repeated="200"/></table:table-row>"#,
        ));
        assert!(e.contains("more than 4000000 filled cells"), "{e}");
        // Two cells far apart make a rectangle calamine would fill: A1 and IV200000.
        let e = refused(ods(r#"<table:table-row><table:table-cell office:value="1"/></table:table-row>
               <table:table-row table:number-rows-repeated="199998"><table:table-cell/></table:table-row>
               <table:table-row><table:table-cell table:number-columns-repeated="255"/><table:table-cell office:value="1"/></table:table-row>"#));
        assert!(e.contains("Sheet1!A1:IV200000: the filled cells"), "{e}");
        // A long text repeated: the copies count.
        let long = "x".repeat(100_000);
        let e = refused(ods(&format!(
            r#"<table:table-row table:number-rows-repeated="2000"><table:table-cell office:value-type="string"><text:p>{long}</text:p></table:table-cell></table:table-row>"#
        )));
        assert!(e.contains("more than 128 MB of text"), "{e}");
        // A styled empty cell or one holding only a comment is not filled (as calamine reads it).
        ods(r#"<table:table-row table:number-rows-repeated="1000000"><table:table-cell table:style-name="ce1" table:number-columns-repeated="16000"/></table:table-row>"#).unwrap();
    }

    #[test]
    fn the_shared_strings_of_an_xls_are_measured_across_continue_records() {
        // Two strings: "ab" (Latin-1) and a 3-character UTF-16 one split by a CONTINUE record
        // whose first byte switches it to Latin-1.
        let mut sst = vec![0u8; 8];
        sst.extend([2, 0, 0, b'a', b'b']);
        sst.extend([3, 0, 1, b'x', 0]);
        let cont: &[u8] = &[0, b'y', b'z'];
        let r = Record { typ: 0x00FC, data: &sst, cont: vec![cont] };
        assert_eq!(sst_lengths("f.xls", &r).unwrap(), vec![4, 3 + 2 * 2]);
        // A string that claims more characters than there are: damaged, not a panic.
        let short = [0u8, 0, 0, 0, 0, 0, 0, 0, 9, 0, 0, b'a'];
        let r = Record { typ: 0x00FC, data: &short, cont: vec![] };
        assert!(sst_lengths("f.xls", &r).is_err());
    }
}
