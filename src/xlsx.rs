//! Excel workbooks for reports (`report … -f xlsx -o FILE`), the form clerks send upward.
//!
//! One sheet: the title (with the period in words) in the first row, the translated headers in bold
//! in the third, then the rows. Numbers are written as numbers (so the receiving office can
//! add them up), percentages with one decimal, empty cells left blank. The workbook is built
//! in memory (a report has at most a few hundred rows) and written to a new file created
//! with mode 0600, never over an existing one. It prints on A4, one page wide, landscape when
//! the table is wide, the header row repeated on every page.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};
use rust_xlsxwriter::{Format, Workbook};

use crate::labels::label;
use crate::view::Cell;

/// Row (0-based) of the header; the title is in row 0, row 1 is left blank.
pub const HEADER_ROW: u32 = 2;

/// Excel's paper size code for A4.
const PAPER_A4: u8 = 9;

/// Total column width (in Excel's character units) that an A4 portrait page holds at 100 %
/// with the default margins; a wider table is printed landscape.
const PORTRAIT_WIDTH: f64 = 90.0;

/// Write a report to `path` as an Excel workbook.
pub fn write_report(
    path: &Path,
    vi: bool,
    sheet: &str,
    title: &str,
    columns: &[&str],
    rows: &[Vec<Cell>],
    total: Option<&[Cell]>,
) -> Result<()> {
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold();
    let dec1 = Format::new().set_num_format("0.0");
    let bold_dec1 = Format::new().set_bold().set_num_format("0.0");
    let ws = wb.add_worksheet();
    ws.set_name(sheet).context("naming the worksheet")?;
    ws.write_string_with_format(0, 0, title, &bold).context("writing the title")?;
    let mut total_width = 0.0;
    for (c, key) in columns.iter().enumerate() {
        let col = u16::try_from(c).context("too many columns")?;
        ws.write_string_with_format(HEADER_ROW, col, label(key, vi), &bold).context("writing the header")?;
        let width = if c == 0 { 14.0 } else { (label(key, vi).chars().count() as f64 + 2.0).max(10.0) };
        ws.set_column_width(col, width).context("sizing a column")?;
        total_width += width;
    }
    // Printed as the office prints it (SPEC §11): A4, one page wide, the header row on
    // every page; landscape when the columns are wider than a portrait page holds at 100 %.
    ws.set_paper_size(PAPER_A4);
    if total_width > PORTRAIT_WIDTH {
        ws.set_landscape();
    }
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(HEADER_ROW, HEADER_ROW).context("repeating the header row")?;
    let all = rows.iter().map(|r| (r.as_slice(), false)).chain(total.map(|t| (t, true)));
    for (i, (cells, is_total)) in all.enumerate() {
        let row = HEADER_ROW + 1 + u32::try_from(i).context("too many rows")?;
        for (c, cell) in cells.iter().enumerate() {
            let col = u16::try_from(c).context("too many columns")?;
            let r = match (cell, is_total) {
                (Cell::Null, _) => continue,
                (Cell::Text(s), false) => ws.write_string(row, col, s),
                (Cell::Text(s), true) => ws.write_string_with_format(row, col, s, &bold),
                (Cell::Int(v), false) => ws.write_number(row, col, *v as f64),
                (Cell::Int(v), true) => ws.write_number_with_format(row, col, *v as f64, &bold),
                (Cell::Dec1(v), false) => ws.write_number_with_format(row, col, round1(*v), &dec1),
                (Cell::Dec1(v), true) => ws.write_number_with_format(row, col, round1(*v), &bold_dec1),
                (Cell::Real(v), false) => ws.write_number(row, col, *v),
                (Cell::Real(v), true) => ws.write_number_with_format(row, col, *v, &bold),
            };
            r.map(|_| ()).context("writing a cell")?;
        }
    }
    ws.set_freeze_panes(HEADER_ROW + 1, 0).context("freezing the header")?;
    let bytes = wb.save_to_buffer().context("building the workbook")?;
    let mut f = crate::paths::create_output(path)?;
    f.write_all(&bytes).with_context(|| format!("writing {}", path.display()))?;
    f.sync_all().with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}
