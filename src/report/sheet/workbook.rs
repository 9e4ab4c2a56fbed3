//! The month's sheets as an Excel workbook: one worksheet per member (SPEC §17).
//!
//! Each worksheet: the title (the register, the period in words and its dates, the part of
//! the register), the member's id, name and organization, a line saying what to fill in,
//! then the table — the headers `import reviews` reads, one row per case. The pre-filled
//! columns are locked and the sheet protected without a password (so a slip of the mouse does
//! not change a case number; anyone may lift it from the Review tab); the cells to fill in
//! are unlocked. The date of contact must be a date in the period, the class one of A–D and
//! the support kind one of the kinds (drop-down lists, in the reader's language — `import`
//! accepts a kind by its code or either label), the amount a number of đồng not below 0.
//! Printed on A4 landscape, one page wide, the header row on every page, the member named
//! in the page header and the pages numbered in the footer.
//!
//! Cells keep codes and ISO dates (SPEC §11): the ward is its code, the last contact a date
//! cell shown `yyyy-mm-dd`, its class the letter.

use anyhow::{Context, Result};
use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, DataValidationRule, ExcelDateTime, Format, FormatAlign, FormatBorder,
    ProtectionOptions, Workbook, Worksheet,
};

use super::{column_header, header, sheet_name, Sheet, Sheets, COLUMNS, FIRST_FILL_IN};
use crate::domain::types::{Class, SupportKind};
use crate::human;

/// Row (0-based) of the header; above it the title, the member and what to fill in.
pub const HEADER_ROW: u32 = 3;

/// Excel's paper size code for A4.
const PAPER_A4: u8 = 9;

/// Column widths, in Excel's character units, in the order of [`COLUMNS`].
const WIDTHS: [f64; 13] = [5.0, 11.0, 22.0, 7.0, 26.0, 12.0, 8.0, 12.0, 9.0, 24.0, 17.0, 12.0, 20.0];

/// The member a worksheet is for, as its second line says it.
pub fn member_line(s: &Sheets, sheet: &Sheet, vi: bool) -> String {
    match &sheet.member {
        Some(m) => crate::w!(vi, "sheet-member-line", id = m.id, name = &m.name, org = s.org_name(&m.org, vi)),
        None => crate::w!(vi, "sheet-member-none"),
    }
}

/// What to fill in, under the member's line.
pub fn instructions(vi: bool) -> String {
    crate::w!(vi, "sheet-instructions")
}

/// `&` is a code in Excel's page headers: written `&&`.
fn page_text(s: &str) -> String {
    s.replace('&', "&&")
}

fn date(d: chrono::NaiveDate) -> Result<ExcelDateTime> {
    use chrono::Datelike;
    let y = u16::try_from(d.year()).context("a date before year 0")?;
    // Month and day always fit in a u8.
    ExcelDateTime::from_ymd(y, d.month() as u8, d.day() as u8).context("a date for Excel")
}

/// The workbook's bytes. `title` is the first line of every worksheet.
pub fn write(s: &Sheets, title: &str, vi: bool) -> Result<Vec<u8>> {
    let mut wb = Workbook::new();
    let f = Formats::new();
    let mut used: Vec<String> = Vec::new();
    for sheet in &s.sheets {
        let mut name = sheet_name(sheet.member.as_ref(), vi);
        // Member ids make names unique; should two ever meet (Excel ignores case), number them.
        let mut n = 2;
        while used.iter().any(|u| crate::text::fold(u) == crate::text::fold(&name)) {
            name = format!("{} ({n})", sheet_name(sheet.member.as_ref(), vi).chars().take(25).collect::<String>());
            n += 1;
        }
        used.push(name.clone());
        let ws = wb.add_worksheet();
        ws.set_name(&name).with_context(|| format!("naming the worksheet '{name}'"))?;
        worksheet(ws, s, sheet, title, vi, &f).with_context(|| format!("writing the worksheet '{name}'"))?;
    }
    wb.save_to_buffer().context("building the workbook")
}

struct Formats {
    title: Format,
    bold: Format,
    note: Format,
    head: Format,
    text: Format,
    wrap: Format,
    center: Format,
    day: Format,
    fill_day: Format,
    fill_center: Format,
    fill_wrap: Format,
    fill_text: Format,
    fill_amount: Format,
}

impl Formats {
    fn new() -> Formats {
        let cell = Format::new().set_border(FormatBorder::Thin).set_align(FormatAlign::Top);
        let fill = cell.clone().set_unlocked().set_background_color(0xFFFDE7);
        Formats {
            title: Format::new().set_bold().set_font_size(13),
            bold: Format::new().set_bold(),
            note: Format::new().set_italic().set_font_size(9),
            head: cell.clone().set_bold().set_text_wrap().set_align(FormatAlign::Center).set_background_color(0xDDE6F0),
            text: cell.clone(),
            wrap: cell.clone().set_text_wrap(),
            center: cell.clone().set_align(FormatAlign::Center),
            day: cell.clone().set_num_format("yyyy-mm-dd").set_align(FormatAlign::Center),
            fill_day: fill.clone().set_num_format("yyyy-mm-dd").set_align(FormatAlign::Center),
            fill_center: fill.clone().set_align(FormatAlign::Center),
            fill_wrap: fill.clone().set_text_wrap(),
            fill_text: fill.clone(),
            fill_amount: fill.set_num_format("#,##0"),
        }
    }
}

fn worksheet(ws: &mut Worksheet, s: &Sheets, sheet: &Sheet, title: &str, vi: bool, f: &Formats) -> Result<()> {
    let who = member_line(s, sheet, vi);
    ws.write_string_with_format(0, 0, title, &f.title)?;
    ws.write_string_with_format(1, 0, &who, &f.bold)?;
    ws.write_string_with_format(2, 0, instructions(vi), &f.note)?;
    for (c, w) in WIDTHS.iter().enumerate() {
        let col = c as u16;
        ws.set_column_width(col, *w)?;
        ws.write_string_with_format(HEADER_ROW, col, header(c, vi), &f.head)?;
    }
    ws.set_row_height(HEADER_ROW, 30)?;
    let first = HEADER_ROW + 1;
    for (i, r) in sheet.rows.iter().enumerate() {
        let row = first + u32::try_from(i).context("too many rows")?;
        ws.write_number_with_format(row, 0, (i + 1) as f64, &f.center)?;
        ws.write_string_with_format(row, 1, &r.case_no, &f.text)?;
        ws.write_string_with_format(row, 2, &r.name, &f.wrap)?;
        ws.write_string_with_format(row, 3, &r.ward, &f.center)?;
        match &r.address {
            Some(a) => ws.write_string_with_format(row, 4, a, &f.wrap)?,
            None => ws.write_blank(row, 4, &f.wrap)?,
        };
        match &r.last {
            Some((d, class)) => {
                ws.write_datetime_with_format(row, 5, date(*d)?, &f.day)?;
                ws.write_string_with_format(row, 6, class, &f.center)?
            }
            None => {
                ws.write_blank(row, 5, &f.day)?;
                ws.write_blank(row, 6, &f.center)?
            }
        };
        // The cells to fill in: unlocked, tinted.
        let fill = [&f.fill_day, &f.fill_center, &f.fill_wrap, &f.fill_text, &f.fill_amount, &f.fill_wrap];
        for (k, fmt) in fill.iter().enumerate() {
            ws.write_blank(row, (FIRST_FILL_IN + k) as u16, fmt)?;
        }
    }
    let last = first + u32::try_from(sheet.rows.len().saturating_sub(1)).context("too many rows")?;
    validations(ws, s, first, last, vi)?;

    ws.set_freeze_panes(first, 0)?;
    // Protected without a password: the pre-filled cells are locked against a slip, and a
    // member may still widen a column or a row to read a long address.
    let mut options = ProtectionOptions::new();
    options.format_columns = true;
    options.format_rows = true;
    ws.protect_with_options(&options);
    // Printed as the office prints (SPEC §11, §17): A4 landscape, one page wide, the header
    // row on every page, the member named at the top of each page.
    ws.set_paper_size(PAPER_A4);
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    ws.set_margins(0.4, 0.4, 0.6, 0.6, 0.3, 0.3);
    ws.set_repeat_rows(HEADER_ROW, HEADER_ROW)?;
    let period = human::period(&s.period, vi);
    ws.set_header(format!("&L{}&R{}", page_text(&who), page_text(&period)));
    ws.set_footer(crate::w!(vi, "sheet-page-footer"));
    Ok(())
}

/// The checks on the cells to fill in, rows `first..=last`.
fn validations(ws: &mut Worksheet, s: &Sheets, first: u32, last: u32, vi: bool) -> Result<()> {
    let col = |key: &str| COLUMNS.iter().position(|k| *k == key).map(|c| c as u16);
    let (Some(day), Some(class), Some(kind), Some(amount)) =
        (col("reviewed_on"), col("class"), col("support_kind"), col("amount"))
    else {
        // The columns are the constant COLUMNS above: always there.
        anyhow::bail!("the sheet's columns are missing a fill-in column");
    };
    let (from, to) = (human::date(s.period.from, vi), human::date(s.period.to, vi));
    let words = human::period(&s.period, vi);
    let dv = DataValidation::new()
        .allow_date(DataValidationRule::Between(date(s.period.from)?, date(s.period.to)?))
        .set_error_style(DataValidationErrorStyle::Stop)
        .set_input_title(column_header("reviewed_on", vi))?
        .set_input_message(crate::w!(vi, "sheet-day-input", from = &from, to = &to))?
        .set_error_title(crate::w!(vi, "sheet-day-error-title"))?
        .set_error_message(crate::w!(vi, "sheet-day-error", words = &words, from = &from, to = &to))?;
    ws.add_data_validation(first, day, last, day, &dv)?;

    let codes: Vec<&str> = Class::ALL.iter().map(|c| c.code()).collect();
    let meaning: Vec<String> = Class::ALL.iter().map(|c| format!("{}: {}", c.code(), c.label(vi))).collect();
    let dv = DataValidation::new()
        .allow_list_strings(&codes)?
        .set_input_title(column_header("class", vi))?
        .set_input_message(meaning.join("\n"))?
        .set_error_title(crate::w!(vi, "sheet-class-error-title"))?
        .set_error_message(crate::w!(vi, "sheet-class-error"))?;
    ws.add_data_validation(first, class, last, class, &dv)?;

    let kinds: Vec<String> = SupportKind::ALL.iter().map(|k| crate::text::capitalise(k.label(vi))).collect();
    let dv = DataValidation::new()
        .allow_list_strings(&kinds)?
        .set_input_title(column_header("support_kind", vi))?
        .set_input_message(crate::w!(vi, "sheet-kind-input"))?
        .set_error_title(crate::w!(vi, "sheet-kind-error-title"))?
        .set_error_message(crate::w!(vi, "sheet-kind-error"))?;
    ws.add_data_validation(first, kind, last, kind, &dv)?;

    let dv = DataValidation::new()
        .allow_decimal_number(DataValidationRule::GreaterThanOrEqualTo(0.0))
        .set_error_title(crate::w!(vi, "sheet-amount-error-title"))?
        .set_error_message(crate::w!(vi, "sheet-amount-error"))?;
    ws.add_data_validation(first, amount, last, amount, &dv)?;
    Ok(())
}
