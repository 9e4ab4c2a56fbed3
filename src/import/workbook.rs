//! Workbooks into rows (SPEC §15): one sheet of an `.xlsx`, `.xls` or `.ods` file, read with
//! `calamine`, becomes the same rows of text cells a CSV file gives, so every rule after this
//! is the CSV one.
//!
//! - The header row is the first row whose non-empty cells are all known column names (or
//!   `STT`); title rows above it ("DANH SÁCH ĐỐI TƯỢNG …", merged cells, blank rows) are
//!   skipped. A sheet without one is refused, naming the workbook's sheets. Below it, a row
//!   with nothing in the table's columns is skipped, even if its `STT` cell is numbered.
//! - A date cell is a date whatever its display format (`dd/mm/yyyy`, `d mmm yyyy`): it
//!   becomes ISO text. A text cell is taken as typed, and follows the CSV rules (a text
//!   `01/03/2022` is a date as in a CSV file). A formula gives its saved value.
//! - Spreadsheets drop leading zeros from numbers: a numeric identity number of 11 or 8
//!   digits, or a numeric phone number of 9 digits, gets its `0` back; an identity number of
//!   12 or 9 digits is taken as it is; any other numeric identity number is refused with the
//!   advice to format the column as Text. Other numbers become their plain decimal text
//!   (`1990`, `5000000`).
//! - A cell showing an error (`#N/A`, `#REF!`) is refused, naming it.
//! - Places are cells as the spreadsheet shows them: `Sheet1!C7`.

use std::path::Path;

use anyhow::Result;
use calamine::{open_workbook, open_workbook_auto, Data, Reader, Sheets, Xlsx};
use rusqlite::Connection;

use super::apply::{Applier, CellProblems};
use super::{expected_columns, known_column, map_header, Header, Kind, Place};
use crate::domain::{Ctx, Refusal};
use crate::text::fold;

/// The file names read as workbooks (by extension, any case); everything else is CSV.
const EXTENSIONS: &[&str] = &["xlsx", "xlsm", "xls", "ods"];

/// Workbooks are read whole into memory: 50 MB of compressed sheet is far beyond a district's
/// register (100,000 cases make about 6 MB) and would need a gigabyte to open.
pub const MAX_WORKBOOK: u64 = 50 * 1024 * 1024;

/// The most rows a sheet may reach (its last filled row, counted from the top): an import's
/// [`super::MAX_ROWS`] rows with room above and between them for a title, a header and
/// blank lines. A cell further down is refused as soon as it is read, before the sheet's
/// cells are kept (SPEC §16: a 2 KB workbook with one cell at row 1,048,576 once made the
/// process ask for 512 GB).
pub const MAX_SHEET_ROWS: u32 = 201_000;
/// The most columns (`IV`, the old limit of Excel): the widest import has under 20.
pub const MAX_SHEET_COLUMNS: u32 = 256;
/// The most filled cells a workbook may hold (all its sheets together).
pub const MAX_CELLS: usize = 4_000_000;

/// A sheet's filled cells, row by row from its first filled cell (`start`, absolute and
/// 0-based); each row holds its cells up to its own last filled one, so memory follows what
/// is filled, never the span between two far-apart cells.
pub(super) struct Grid {
    start: (usize, usize),
    rows: Vec<Vec<Data>>,
}

impl Grid {
    fn rows(&self) -> impl Iterator<Item = &[Data]> {
        self.rows.iter().map(Vec::as_slice)
    }

    /// From cells in any order (absolute positions), each already within the limits.
    fn from_cells(cells: Vec<((u32, u32), Data)>) -> Grid {
        let r0 = cells.iter().map(|c| c.0 .0).min().unwrap_or(0);
        let c0 = cells.iter().map(|c| c.0 .1).min().unwrap_or(0);
        let r1 = cells.iter().map(|c| c.0 .0).max().unwrap_or(0);
        let mut rows: Vec<Vec<Data>> =
            if cells.is_empty() { Vec::new() } else { vec![Vec::new(); (r1 - r0 + 1) as usize] };
        for ((r, c), d) in cells {
            let row = &mut rows[(r - r0) as usize];
            let c = (c - c0) as usize;
            if row.len() <= c {
                row.resize(c + 1, Data::Empty);
            }
            row[c] = d;
        }
        Grid { start: (r0 as usize, c0 as usize), rows }
    }
}

/// A workbook open for reading: an `.xlsx`/`.xlsm` is read cell by cell, so the limits hold
/// before anything is kept; `.xls` and `.ods` through calamine's whole-sheet reader, once
/// [`super::bounds::check`] has measured what that reader would build. What is kept is
/// counted across the whole workbook (`import reviews` reads every sheet).
struct Book {
    inner: Inner,
    budget: Budget,
}

/// What a workbook's sheets have cost so far: filled cells kept, their text, and every cell
/// met (blank ones too).
#[derive(Default)]
struct Budget {
    kept: usize,
    text: u64,
    seen: u64,
}

enum Inner {
    Xlsx(Xlsx<std::io::BufReader<std::fs::File>>),
    Other(Sheets<std::io::BufReader<std::fs::File>>),
}

/// Cells an `.xlsx` sheet may list, blank (styled) ones included: reading them is the time
/// an import spends before its first row, whatever the sheet holds.
const MAX_SEEN: u64 = 50_000_000;

impl Book {
    fn open(file: &str, path: &Path) -> Result<Book> {
        super::bounds::check(file, path)?;
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or_default().to_ascii_lowercase();
        let opened = if ext == "xlsx" || ext == "xlsm" {
            open_workbook::<Xlsx<_>, _>(path).map(Inner::Xlsx).map_err(|e| e.to_string())
        } else {
            open_workbook_auto(path).map(Inner::Other).map_err(|e| e.to_string())
        };
        match opened {
            Ok(inner) => {
                let book = Book { inner, budget: Budget::default() };
                if book.sheet_names().len() > super::bounds::MAX_SHEETS {
                    return Err(super::bounds::too_many_sheets(file));
                }
                Ok(book)
            }
            Err(e) => {
                crate::refuse_w!("cannot-read-as-workbook-2", file = file.to_string(), value = e.to_string())
            }
        }
    }

    fn sheet_names(&self) -> Vec<String> {
        match &self.inner {
            Inner::Xlsx(w) => w.sheet_names(),
            Inner::Other(w) => w.sheet_names(),
        }
    }

    /// One sheet's cells, refusing a cell past the limits as soon as it is met.
    fn grid(&mut self, file: &str, name: &str) -> Result<Grid> {
        let cant = |e: String| -> anyhow::Error {
            crate::refusal_w!(
                "cannot-read-sheet",
                name = name.to_string(),
                file = file.to_string(),
                value = e.to_string()
            )
            .into()
        };
        let mut cells: Vec<((u32, u32), Data)> = Vec::new();
        match &mut self.inner {
            Inner::Xlsx(w) => {
                let mut reader = w.worksheet_cells_reader(name).map_err(|e| cant(e.to_string()))?;
                while let Some(cell) = reader.next_cell().map_err(|e| cant(e.to_string()))? {
                    self.budget.seen += 1;
                    if self.budget.seen > MAX_SEEN {
                        let at = format!(
                            "{}{}",
                            super::column_letters(cell.get_position().1 as usize),
                            cell.get_position().0 as u64 + 1
                        );
                        crate::refuse_w!(
                            "workbook-lists-more-than",
                            file = file.to_string(),
                            name = name.to_string(),
                            at = at.to_string(),
                            max_seen = MAX_SEEN.to_string()
                        );
                    }
                    let pos = cell.get_position();
                    // Blank cells are passed over before their value is copied out; a shared
                    // string is copied only once its cell is within the limits.
                    if matches!(cell.get_value(), calamine::DataRef::Empty) {
                        continue;
                    }
                    check_place(file, name, self.budget.kept, pos)?;
                    let d = Data::from(cell.get_value().clone());
                    if is_blank(&d) {
                        continue;
                    }
                    self.budget.keep(file, name, &mut cells, pos, d)?;
                }
            }
            Inner::Other(w) => {
                let range = w.worksheet_range(name).map_err(|e| cant(e.to_string()))?;
                let start = range.start().unwrap_or((0, 0));
                let mut kept = Vec::new();
                for (r, c, d) in range.used_cells() {
                    if is_blank(d) {
                        continue;
                    }
                    kept.push(((start.0 + r as u32, start.1 + c as u32), d.clone()));
                }
                drop(range);
                for (pos, d) in kept {
                    self.budget.keep(file, name, &mut cells, pos, d)?;
                }
            }
        }
        Ok(Grid::from_cells(cells))
    }
}

impl Budget {
    /// Keep one filled cell, or refuse the workbook when it lies past the limits.
    fn keep(
        &mut self,
        file: &str,
        sheet: &str,
        cells: &mut Vec<((u32, u32), Data)>,
        pos: (u32, u32),
        d: Data,
    ) -> Result<()> {
        check_place(file, sheet, self.kept, pos)?;
        self.text += match &d {
            Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.len() as u64,
            _ => 0,
        };
        if self.text > super::bounds::MAX_TEXT {
            let at = format!("{}{}", super::column_letters(pos.1 as usize), pos.0 as u64 + 1);
            return Err(super::bounds::too_much_text(file, sheet, &at));
        }
        self.kept += 1;
        cells.push((pos, d));
        Ok(())
    }
}

/// Refuse a cell past the rows, columns or cell count read.
fn check_place(file: &str, sheet: &str, kept: usize, pos: (u32, u32)) -> Result<()> {
    let at = || format!("{}{}", super::column_letters(pos.1 as usize), pos.0 as u64 + 1);
    if pos.0 >= MAX_SHEET_ROWS || pos.1 >= MAX_SHEET_COLUMNS {
        return Err(past_limits(file, sheet, &at()));
    }
    if kept >= MAX_CELLS {
        return Err(too_many_cells(file, sheet, &at()));
    }
    Ok(())
}

/// The refusal of a filled cell at `at` (`IW1`) past row [`MAX_SHEET_ROWS`] or column `IV`.
pub(super) fn past_limits(file: &str, sheet: &str, at: &str) -> anyhow::Error {
    crate::refusal_w!(
        "sheet-reaches-past-row",
        file = file.to_string(),
        sheet = sheet.to_string(),
        at = at.to_string(),
        max_sheet_rows = MAX_SHEET_ROWS.to_string(),
        max_sheet_columns = MAX_SHEET_COLUMNS.to_string()
    )
    .into()
}

/// The refusal of the filled cell at `at` beyond [`MAX_CELLS`].
pub(super) fn too_many_cells(file: &str, sheet: &str, at: &str) -> anyhow::Error {
    crate::refusal_w!(
        "workbook-has-more-than-3",
        file = file.to_string(),
        sheet = sheet.to_string(),
        at = at.to_string(),
        max_cells = MAX_CELLS.to_string()
    )
    .into()
}

/// Whether `path` names a workbook (`.xlsx`, `.xlsm`, `.xls`, `.ods`).
pub fn is_workbook(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// One sheet, read and with its header found; the rows are applied by [`Sheet::pass`].
pub(super) struct Sheet {
    name: String,
    range: Grid,
    /// The absolute (0-based) row and column of the range's first cell.
    start: (usize, usize),
    /// The header's row within the range (0-based).
    header_row: usize,
    header: Header,
}

impl Sheet {
    /// Open the workbook, choose the sheet (`sheet`, or the first), find its header row.
    pub(super) fn read(kind: Kind, file: &str, path: &Path, sheet: Option<&str>) -> Result<Sheet> {
        let mut wb = Book::open(file, path)?;
        let names = wb.sheet_names();
        let listed = names.iter().map(|n| format!("'{n}'")).collect::<Vec<_>>().join(", ");
        let name = match sheet {
            None => match names.first() {
                Some(n) => n.clone(),
                None => crate::refuse_w!("has-no-sheets", file = file.to_string()),
            },
            Some(s) => {
                let exact = names.iter().find(|n| n.as_str() == s);
                // Typed without accents or in another case: accepted when it names one sheet.
                let folded: Vec<&String> = names.iter().filter(|n| fold(n.trim()) == fold(s.trim())).collect();
                match (exact, folded.as_slice()) {
                    (Some(n), _) => n.clone(),
                    (None, [n]) => (*n).clone(),
                    _ => crate::refuse_w!(
                        "has-no-sheet-its",
                        file = file.to_string(),
                        typed = s.to_string(),
                        listed = listed.to_string()
                    ),
                }
            }
        };
        let grid = wb.grid(file, &name)?;
        match Sheet::from_grid(kind, file, name.clone(), grid)? {
            Some(s) => Ok(s),
            None => {
                let expected = expected_columns(kind);
                crate::refuse_w!(
                    "sheet-has-no-header",
                    file = file.to_string(),
                    name = name.to_string(),
                    expected = expected.to_string(),
                    listed = listed.to_string()
                );
            }
        }
    }

    /// Every sheet of the workbook that has a header row (`import reviews|supports`, SPEC
    /// §17: a sheet per member); sheets without one (a cover, notes) are passed over. None
    /// at all is refused.
    pub(super) fn read_all(kind: Kind, file: &str, path: &Path) -> Result<Vec<Sheet>> {
        let mut wb = Book::open(file, path)?;
        let names = wb.sheet_names();
        let mut out = Vec::new();
        for name in &names {
            let grid = wb.grid(file, name)?;
            if let Some(s) = Sheet::from_grid(kind, file, name.clone(), grid)? {
                out.push(s);
            }
        }
        if out.is_empty() {
            let expected = expected_columns(kind);
            let listed = names.iter().map(|n| format!("'{n}'")).collect::<Vec<_>>().join(", ");
            crate::refuse_w!(
                "no-sheet-has-header",
                file = file.to_string(),
                expected = expected.to_string(),
                listed = listed.to_string()
            );
        }
        Ok(out)
    }

    /// A sheet's table: None when it has no header row.
    fn from_grid(kind: Kind, file: &str, name: String, range: Grid) -> Result<Option<Sheet>> {
        let start = range.start;
        let Some(header_row) = find_header(kind, &range) else {
            return Ok(None);
        };
        // The header's cells by absolute column (columns left of the range are blank).
        let mut cells: Vec<String> = vec![String::new(); start.1];
        if let Some(row) = range.rows().nth(header_row) {
            cells.extend(row.iter().map(|d| header_text(d).unwrap_or_default()));
        }
        while cells.last().is_some_and(|c| c.is_empty()) {
            cells.pop();
        }
        let refs: Vec<&str> = cells.iter().map(String::as_str).collect();
        let place = Place::Sheet(name.clone());
        let header = map_header(kind, file, &place, (start.0 + header_row + 1) as u64, &refs)?;
        Ok(Some(Sheet { name, range, start, header_row, header }))
    }

    /// One pass over the rows below the header; `fast` as described on
    /// [`super::two_passes`].
    pub(super) fn pass(&self, conn: &Connection, ctx: &Ctx, kind: Kind, file: &str, fast: bool) -> Result<usize> {
        let place = Place::Sheet(self.name.clone());
        let mut applier = Applier::new(conn, ctx, kind, file, &place, &self.header, fast);
        for (r, row) in self.range.rows().enumerate().skip(self.header_row + 1) {
            applier.continue_fast()?;
            let line = (self.start.0 + r + 1) as u64;
            // Blank: nothing in any column of the table. A row holding only its `STT` number
            // is blank too (templates number their empty rows in advance).
            let cell = |col: usize| col.checked_sub(self.start.1).and_then(|c| row.get(c));
            if row.iter().all(is_blank) || self.header.map.iter().flatten().all(|&c| cell(c).is_none_or(is_blank)) {
                let stray = row.iter().enumerate().any(|(c, d)| self.start.1 + c >= self.header.width && !is_blank(d));
                if !stray {
                    continue;
                }
            }
            let mut stray = false;
            for (c, d) in row.iter().enumerate() {
                let col = self.start.1 + c;
                if col >= self.header.width && !is_blank(d) {
                    stray = true;
                    applier.problem(line, Some(col), "-", crate::refusal_w!("value-column-with-no"));
                }
            }
            if stray {
                continue;
            }
            let mut texts: Vec<Option<String>> = Vec::with_capacity(kind.columns().len());
            let mut found: CellProblems = Vec::new();
            for (col, at) in kind.columns().iter().zip(&self.header.map) {
                let cell = at.and_then(|a| a.checked_sub(self.start.1)).and_then(|c| row.get(c));
                match cell.map(|d| cell_text(d, col.name)) {
                    None | Some(Ok(None)) => texts.push(None),
                    Some(Ok(Some(t))) => texts.push(Some(t)),
                    Some(Err(what)) => {
                        texts.push(None);
                        found.push((col.name.to_string(), what));
                    }
                }
            }
            let cells: Vec<Option<&str>> = texts.iter().map(|t| t.as_deref()).collect();
            applier.row(line, cells, found)?;
        }
        applier.finish()
    }
}

/// The first row whose non-empty cells are all column names of `kind` (or row-number
/// columns), at least one of them a real column.
fn find_header(kind: Kind, range: &Grid) -> Option<usize> {
    range.rows().position(|row| {
        let texts: Vec<String> = row.iter().filter_map(header_text).filter(|t| !t.is_empty()).collect();
        let known: Vec<Option<Option<usize>>> = texts.iter().map(|t| known_column(kind, t)).collect();
        !texts.is_empty() && known.iter().all(Option::is_some) && known.iter().any(|k| matches!(k, Some(Some(_))))
    })
}

/// A header cell as text (a header of numbers is not one, but is shown as typed).
fn header_text(d: &Data) -> Option<String> {
    match d {
        Data::Empty => None,
        Data::String(s) => Some(s.trim().to_string()),
        other => Some(other.to_string().trim().to_string()),
    }
}

fn is_blank(d: &Data) -> bool {
    match d {
        Data::Empty => true,
        Data::String(s) => s.trim().is_empty(),
        _ => false,
    }
}

/// A cell as the text a CSV file would hold for it (None when blank), by the rules of the
/// module doc; `column` is the kind's column it is in.
fn cell_text(d: &Data, column: &str) -> std::result::Result<Option<String>, Refusal> {
    let text = match d {
        Data::Empty => return Ok(None),
        Data::String(s) => s.trim().to_string(),
        Data::Int(i) => return Ok(Some(number(*i as f64, column)?)),
        Data::Float(f) => return Ok(Some(number(*f, column)?)),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{d:02}")
        }
        Data::DateTime(dt) => return Ok(Some(number(dt.as_f64(), column)?)),
        // An .ods date: ISO text, perhaps with a time after `T`.
        Data::DateTimeIso(s) => s.split('T').next().unwrap_or_default().trim().to_string(),
        Data::DurationIso(s) => s.trim().to_string(),
        Data::Error(e) => return Err(crate::refusal_w!("cell-shows-error-correct", value = e.to_string())),
    };
    Ok(Some(text).filter(|t| !t.is_empty()))
}

/// A numeric cell as text: whole numbers without a decimal point; the leading zeros of
/// identity and phone numbers put back (SPEC §15).
fn number(f: f64, column: &str) -> std::result::Result<String, Refusal> {
    let whole = f.fract() == 0.0 && f.abs() < 1e15;
    let text = if whole { format!("{}", f as i64) } else { format!("{f}") };
    match column {
        "id_number" => {
            let digits = if whole && f >= 0.0 { text.len() } else { 0 };
            match digits {
                8 | 11 => Ok(format!("0{text}")),
                9 | 12 => Ok(text),
                _ => Err(crate::refusal_w!("number-not-identity-number", text = text.to_string())),
            }
        }
        "phone" if whole && f >= 0.0 && text.len() == 9 => Ok(format!("0{text}")),
        _ => Ok(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_become_the_text_a_csv_file_would_hold() {
        assert_eq!(number(1990.0, "born").unwrap(), "1990");
        assert_eq!(number(5_000_000.0, "amount").unwrap(), "5000000");
        assert_eq!(number(2.5, "amount").unwrap(), "2.5");
        // Leading zeros put back: CCCD of 12 digits stored as 11, CMND of 9 as 8, phone of 10 as 9.
        assert_eq!(number(79_090_001_234.0, "id_number").unwrap(), "079090001234");
        assert_eq!(number(12_345_678.0, "id_number").unwrap(), "012345678");
        assert_eq!(number(909_123_456.0, "phone").unwrap(), "0909123456");
        assert_eq!(number(123_456_789.0, "id_number").unwrap(), "123456789");
        assert_eq!(number(201_234_567_890.0, "id_number").unwrap(), "201234567890");
        // A 10-digit number could be a CCCD missing two zeros or a typo: refused.
        let r = number(7_909_000_123.0, "id_number").unwrap_err();
        assert!(r.en.contains("7909000123") && r.en.contains("format the column as Text"), "{}", r.en);
        assert!(number(79.5, "id_number").is_err());
        // Only a 9-digit phone is missing its zero; others are as typed.
        assert_eq!(number(84_909_123_456.0, "phone").unwrap(), "84909123456");
    }

    #[test]
    fn workbooks_are_known_by_their_extension() {
        for f in ["a.xlsx", "b.XLSX", "c.xls", "d.ods", "e.xlsm"] {
            assert!(is_workbook(Path::new(f)), "{f}");
        }
        for f in ["a.csv", "b.txt", "xlsx", "d.ods.csv"] {
            assert!(!is_workbook(Path::new(f)), "{f}");
        }
    }
}
