//! `report document`: the official report that goes upward on paper, as a Word file in the
//! layout of Decree 30/2020/NĐ-CP, Appendix I (SPEC §20). Always in Vietnamese.
//!
//! The figures are the brief's (`brief::gather`, which asks the reports and counts nothing
//! itself), the opening paragraph is the brief's (`paragraph::paragraph`); this module only
//! lays them out with docx-rs. What the Decree fixes and how it is followed here:
//!
//! - A4 portrait (11906 × 16838 twips); margins top 20 mm, bottom 20 mm, left 30 mm, right
//!   15 mm (the low end of each range of the Decree, to keep the tables on few pages);
//!   Times New Roman, black; page numbers from page 2, centred in the top margin, 13 pt.
//! - Header block as a borderless two-column table: left the body it belongs to
//!   (`issuer_parent`, upper case, 13 pt), the issuing body (`issuer`, upper case, 13 pt,
//!   bold), a short line under it, `Số: …` (13 pt); right the national title (upper case, 12 pt,
//!   bold), the motto (13 pt, bold, underlined, so the line under it is as long as the motto),
//!   place and date (14 pt, italic), the date written `ngày 05 tháng 01 năm 2026` (a leading 0
//!   for days below 10 and for January and February, as the Decree requires).
//! - `BÁO CÁO` (14 pt bold) and its subject (14 pt bold) centred, a short line under it.
//! - The body 14 pt, justified, first line indented 1.27 cm, 6 pt between paragraphs; the
//!   tables 12 pt (the ward table, ten columns wide, 11 pt).
//! - `Nơi nhận:` 12 pt bold italic and its list 11 pt, ending with `- Lưu: VT.`; the signer's
//!   title 14 pt bold upper case, room for signature and seal, and the name 14 pt bold.
//!
//! Tables: every row is `cantSplit` (never split across pages) and every row but the last
//! keeps with the next, so a table that fits on a page is never broken. The first row of
//! every table is a header row repeated on each page (`tblHeader`), so a table longer than a
//! page (a register of more than about 35 wards) shows its column names again; docx-rs
//! 0.4.22 cannot write that property, so [`repeat_header_rows`] adds it to the packed file.

use chrono::{Datelike, NaiveDate};
use docx_rs::{
    AlignmentType, BorderType, Docx, Footer, Header, LineSpacing, LineSpacingType, PageMargin, PageNum, Paragraph,
    ParagraphBorder, ParagraphBorderPosition, ParagraphBorders, Run, RunFonts, SpecialIndentType, Table, TableCell,
    TableCellMargins, TableLayoutType, TableRow, VAlignType, WidthType,
};

use super::brief::{paragraph, Brief};
use crate::report::quota;
use crate::report::summary::Row;
use crate::{human, w};

/// What the clerk typed or set, beyond the figures.
#[derive(Debug, Clone, Default)]
pub struct Heading {
    /// Setting `issuer_parent`, e.g. "ỦY BAN MTTQ VIỆT NAM QUẬN 6" (may be empty).
    pub issuer_parent: String,
    /// Setting `issuer`, else the district (may be empty).
    pub issuer: String,
    /// `--number`, e.g. "12/BC-MTTQ"; None leaves room to write it.
    pub number: Option<String>,
    /// `--place`, else the district's name; None leaves room to write it.
    pub place: Option<String>,
    pub date: NaiveDate,
    pub signer: Option<String>,
    pub signer_title: Option<String>,
    pub recipients: Vec<String>,
    /// The register's word for a ward (setting `ward_label`), else "Phường".
    pub ward_word: String,
}

const FONT: &str = "Times New Roman";
/// A4 in twips.
const PAGE_W: u32 = 11906;
const PAGE_H: u32 = 16838;
/// Twips per millimetre.
const MM: f64 = 1440.0 / 25.4;
pub const MARGIN_TOP_MM: f64 = 20.0;
pub const MARGIN_BOTTOM_MM: f64 = 20.0;
pub const MARGIN_LEFT_MM: f64 = 30.0;
pub const MARGIN_RIGHT_MM: f64 = 15.0;

fn twips(mm: f64) -> i32 {
    (mm * MM).round() as i32
}

/// The width of the text between the margins, in twips.
fn text_width() -> usize {
    (PAGE_W as i32 - twips(MARGIN_LEFT_MM) - twips(MARGIN_RIGHT_MM)) as usize
}

/// The date as the Decree writes it: `ngày 05 tháng 01 năm 2026`, `ngày 15 tháng 4 năm 2026`.
pub fn decree_date(d: NaiveDate) -> String {
    let month = if d.month() < 3 { format!("{:02}", d.month()) } else { d.month().to_string() };
    w!(true, "doc-date", day = format!("{:02}", d.day()), month = month, year = d.year().to_string())
}

/// The place name from a district or ward name: the unit word goes when a name follows it
/// ("Phường Bình Tiên" → "Bình Tiên"), and stays before a number ("Quận 6", "Phường 5"), as
/// place names are written on documents.
pub fn place_of(district: &str) -> String {
    let d = district.trim();
    for unit in ["Thị trấn ", "Phường ", "Xã ", "Quận ", "Huyện ", "Đặc khu "] {
        if let Some(rest) = d.strip_prefix(unit) {
            if !rest.trim().is_empty() && !rest.trim().chars().all(|c| c.is_ascii_digit()) {
                return rest.trim().to_string();
            }
        }
    }
    d.to_string()
}

/// Text safe for a document: no control characters (they cannot stand in XML).
fn plain(s: &str) -> String {
    s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

/// A run of text in `size` points (whole or half).
fn run(text: &str, size: f32, bold: bool, italic: bool) -> Run {
    let mut r = Run::new()
        .add_text(plain(text))
        .size((size * 2.0).round() as usize)
        .fonts(RunFonts::new().ascii(FONT).hi_ansi(FONT).cs(FONT).east_asia(FONT));
    if bold {
        r = r.bold();
    }
    if italic {
        r = r.italic();
    }
    r
}

/// Spacing in twips before and after, single line spacing.
fn spacing(before: u32, after: u32) -> LineSpacing {
    LineSpacing::new().before(before).after(after).line(240).line_rule(LineSpacingType::Auto)
}

fn para(align: AlignmentType) -> Paragraph {
    Paragraph::new().align(align).line_spacing(spacing(0, 0))
}

fn centred(text: &str, size: f32, bold: bool, italic: bool) -> Paragraph {
    para(AlignmentType::Center).add_run(run(text, size, bold, italic))
}

/// A short centred line `width` twips long: an empty paragraph with a bottom border, indented
/// from both sides of its column of `column` twips.
fn short_line(column: usize, width: usize) -> Paragraph {
    let side = column.saturating_sub(width) as i32 / 2;
    let mut p =
        para(AlignmentType::Center).indent(Some(side), None, Some(side), None).add_run(run("", 2.0, false, false));
    p.property = p.property.set_borders(ParagraphBorders::with_empty().set(
        ParagraphBorder::new(ParagraphBorderPosition::Bottom).val(BorderType::Single).size(6).space(0).color("000000"),
    ));
    p
}

/// A paragraph of the body: 14 pt, justified, first line indented 1.27 cm, 6 pt after.
fn body(text: &str) -> Paragraph {
    Paragraph::new()
        .align(AlignmentType::Both)
        .indent(None, Some(SpecialIndentType::FirstLine(720)), None, None)
        .line_spacing(spacing(0, 120))
        .add_run(run(text, 14.0, false, false))
}

/// A heading of the body: 14 pt bold, kept with what follows.
fn heading(text: &str) -> Paragraph {
    Paragraph::new()
        .align(AlignmentType::Both)
        .indent(None, Some(SpecialIndentType::FirstLine(720)), None, None)
        .line_spacing(spacing(120, 120))
        .keep_next(true)
        .add_run(run(text, 14.0, true, false))
}

/// One cell of a figures table.
fn cell(text: &str, width: usize, size: f32, bold: bool, align: AlignmentType, keep: bool) -> TableCell {
    TableCell::new()
        .width(width, WidthType::Dxa)
        .vertical_align(VAlignType::Center)
        .add_paragraph(para(align).keep_next(keep).add_run(run(text, size, bold, false)))
}

/// A figures table: the header row in bold and centred, the first column left, the figures
/// right; `total` rows in bold. Every row `cantSplit`; every row but the last kept with the
/// next, so the table stays on one page when it fits.
fn figures_table(widths: &[usize], size: f32, head: &[String], rows: &[(Vec<String>, bool)]) -> Table {
    let n = rows.len();
    let mut out = Vec::with_capacity(n + 1);
    let hcells = head.iter().zip(widths).map(|(h, w)| cell(h, *w, size, true, AlignmentType::Center, true)).collect();
    out.push(TableRow::new(hcells).cant_split());
    for (i, (cells, total)) in rows.iter().enumerate() {
        let keep = i + 1 < n;
        let cs = cells
            .iter()
            .zip(widths)
            .enumerate()
            .map(|(j, (t, w))| {
                let align = if j == 0 { AlignmentType::Left } else { AlignmentType::Right };
                cell(t, *w, size, *total, align, keep)
            })
            .collect();
        out.push(TableRow::new(cs).cant_split());
    }
    Table::new(out)
        .set_grid(widths.to_vec())
        .width(widths.iter().sum(), WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .margins(TableCellMargins::new().margin(20, 70, 20, 70))
}

/// Column widths in twips: the first `first` share of the text width, the rest shared evenly
/// with `weights`.
fn columns(first: f64, weights: &[f64]) -> Vec<usize> {
    let total = text_width() as f64;
    let a = (total * first).round() as usize;
    let sum: f64 = weights.iter().sum();
    let mut w = vec![a];
    w.extend(weights.iter().map(|x| ((total - a as f64) * x / sum).floor() as usize));
    w
}

fn n(v: i64) -> String {
    human::int(v, true)
}

/// The change from the previous period: `+5`, `−3`, `không đổi`.
fn change(now: i64, before: i64) -> String {
    match now - before {
        0 => w!(true, "doc-no-change"),
        d if d > 0 => format!("+{}", n(d)),
        d => format!("−{}", n(-d)),
    }
}

/// The subject line: `Kết quả thực hiện mô hình “5+1” quý I/2026`.
pub fn subject(b: &Brief) -> String {
    w!(true, "doc-subject", period = human::period(&b.period, true))
}

/// The whole document.
pub fn document(b: &Brief, h: &Heading) -> Docx {
    let width = text_width();
    let left = (width as f64 * 0.40).round() as usize;
    let right = width - left;
    let fonts = RunFonts::new().ascii(FONT).hi_ansi(FONT).cs(FONT).east_asia(FONT);
    let page_no = Header::new()
        .add_paragraph(para(AlignmentType::Center).add_page_num(PageNum::new()).size(26).fonts(fonts.clone()));
    let mut doc = Docx::new()
        .page_size(PAGE_W, PAGE_H)
        .page_margin(PageMargin {
            top: twips(MARGIN_TOP_MM),
            left: twips(MARGIN_LEFT_MM),
            bottom: twips(MARGIN_BOTTOM_MM),
            right: twips(MARGIN_RIGHT_MM),
            header: twips(10.0),
            footer: twips(10.0),
            gutter: 0,
        })
        .default_fonts(fonts)
        .default_size(28)
        .header(page_no)
        .first_header(Header::new())
        .footer(Footer::new())
        .first_footer(Footer::new())
        .title_pg()
        .created_at(&format!("{}T00:00:00Z", h.date))
        .updated_at(&format!("{}T00:00:00Z", h.date));

    // The header block: issuer and number left, national title, motto, place and date right.
    let mut l = TableCell::new().width(left, WidthType::Dxa);
    if !h.issuer_parent.trim().is_empty() {
        l = l.add_paragraph(centred(&h.issuer_parent.to_uppercase(), 13.0, false, false));
    }
    let issuer = h.issuer.to_uppercase();
    l = l.add_paragraph(centred(&issuer, 13.0, true, false));
    l = l.add_paragraph(short_line(left, left / 3));
    let mut r = TableCell::new().width(right, WidthType::Dxa);
    r = r.add_paragraph(centred(&w!(true, "doc-nation"), 12.0, true, false));
    r = r.add_paragraph(
        para(AlignmentType::Center).add_run(run(&w!(true, "doc-motto"), 13.0, true, false).underline("single")),
    );
    let number = match &h.number {
        Some(s) => w!(true, "doc-number", number = s),
        None => w!(true, "doc-number-blank"),
    };
    let place = h.place.clone().unwrap_or_else(|| w!(true, "doc-place-blank"));
    let l2 = TableCell::new().width(left, WidthType::Dxa).add_paragraph(
        para(AlignmentType::Center).line_spacing(spacing(120, 0)).add_run(run(&number, 13.0, false, false)),
    );
    let r2 = TableCell::new().width(right, WidthType::Dxa).add_paragraph(
        para(AlignmentType::Center).line_spacing(spacing(120, 0)).add_run(run(
            &format!("{place}, {}", decree_date(h.date)),
            14.0,
            false,
            true,
        )),
    );
    let top =
        Table::without_borders(vec![TableRow::new(vec![l, r]).cant_split(), TableRow::new(vec![l2, r2]).cant_split()])
            .set_grid(vec![left, right])
            .width(width, WidthType::Dxa)
            .layout(TableLayoutType::Fixed)
            .margins(TableCellMargins::new().margin(0, 40, 0, 40));
    doc = doc.add_table(top);

    // Name of the kind and the subject.
    doc = doc
        .add_paragraph(centred(&w!(true, "doc-kind"), 14.0, true, false).line_spacing(spacing(360, 0)).keep_next(true))
        .add_paragraph(centred(&subject(b), 14.0, true, false).keep_next(true))
        .add_paragraph(short_line(width, width / 5).line_spacing(spacing(0, 240)));

    // I. Results.
    doc = doc
        .add_paragraph(heading(&w!(true, "doc-part-results")))
        .add_paragraph(heading(&w!(true, "doc-general")))
        .add_paragraph(body(&paragraph::paragraph(&b.facts(true), true)));

    // 2. Key figures against the previous period.
    let t = &b.summary.total;
    let pt = &b.previous.total;
    let now_words = crate::text::capitalise(&human::period(&b.period, true));
    let prev_words = crate::text::capitalise(&human::period(&b.previous.period, true));
    doc = doc.add_paragraph(heading(&w!(true, "doc-key-figures")));
    let key: Vec<(String, i64, i64)> = vec![
        (w!(true, "doc-opening"), t.opening, pt.opening),
        (w!(true, "doc-intake"), t.intake, pt.intake),
        (w!(true, "doc-total-managed"), t.total_managed, pt.total_managed),
        (w!(true, "doc-progressed"), t.progressed, pt.progressed),
        (w!(true, "doc-exits"), t.exits, pt.exits),
        (w!(true, "doc-closing"), t.closing, pt.closing),
        (w!(true, "doc-contacts"), t.contacts, pt.contacts),
        (w!(true, "doc-supports"), t.supports, pt.supports),
        (w!(true, "doc-loan"), t.loan_amount, pt.loan_amount),
        (w!(true, "doc-overdue"), b.overdue_count, b.overdue_previous),
    ];
    let rows: Vec<(Vec<String>, bool)> =
        key.iter().map(|(label, a, p)| (vec![label.clone(), n(*a), n(*p), change(*a, *p)], false)).collect();
    doc = doc.add_table(figures_table(
        &columns(0.43, &[1.0, 1.0, 1.0]),
        12.0,
        &[
            w!(true, "doc-col-item"),
            now_words.clone(),
            w!(true, "doc-col-previous", period = prev_words),
            w!(true, "doc-col-change"),
        ],
        &rows,
    ));

    // 3. By ward.
    doc = doc.add_paragraph(heading(&w!(true, "doc-by-ward", ward = h.ward_word.to_lowercase())));
    let vals = |r: &Row| {
        [r.opening, r.intake, r.total_managed, r.progressed, r.exits, r.closing, r.contacts, r.supports, r.loan_amount]
    };
    let mut rows: Vec<(Vec<String>, bool)> = b
        .summary
        .rows
        .iter()
        .map(|r| {
            let mut c = vec![b.ward_name(&r.group)];
            c.extend(vals(r).iter().map(|v| n(*v)));
            (c, false)
        })
        .collect();
    let mut total = vec![w!(true, "doc-total")];
    total.extend(vals(&b.summary.total).iter().map(|v| n(*v)));
    rows.push((total, true));
    let head: Vec<String> = vec![
        h.ward_word.clone(),
        w!(true, "doc-opening"),
        w!(true, "doc-col-intake"),
        w!(true, "doc-col-total-managed"),
        w!(true, "doc-col-progressed"),
        w!(true, "doc-col-exits"),
        w!(true, "doc-closing"),
        w!(true, "doc-col-contacts"),
        w!(true, "doc-col-supports"),
        w!(true, "doc-loan"),
    ];
    doc = doc.add_table(figures_table(
        &columns(0.15, &[1.0, 1.0, 1.1, 1.0, 1.0, 1.0, 1.05, 1.0, 1.75]),
        11.0,
        &head,
        &rows,
    ));

    // 4. Quota by organization.
    let q = &b.quota;
    doc = doc.add_paragraph(heading(&w!(
        true,
        "doc-by-org",
        quota = q.quota.to_string(),
        from = human::date(q.period.from, true),
        to = human::date(q.period.to, true)
    )));
    let qrow = |name: String, r: &quota::Row, total: bool| {
        let mut c = vec![name];
        c.extend([r.members, r.target, r.achieved, r.members_met, r.shortfall].iter().map(|v| n(*v)));
        c.push(r.pct().map(|p| human::pct(p, true)).unwrap_or_default());
        (c, total)
    };
    let mut rows: Vec<(Vec<String>, bool)> =
        q.rows.iter().map(|r| qrow(b.org_name(&r.group, true), r, false)).collect();
    rows.push(qrow(w!(true, "doc-total"), &q.total, true));
    let head: Vec<String> = vec![
        w!(true, "doc-col-org"),
        w!(true, "doc-col-members"),
        w!(true, "doc-col-target"),
        w!(true, "doc-col-achieved"),
        w!(true, "doc-col-members-met"),
        w!(true, "doc-col-shortfall"),
        w!(true, "doc-col-pct"),
    ];
    doc = doc.add_table(figures_table(&columns(0.30, &[1.0, 1.0, 1.0, 1.3, 1.0, 1.0]), 12.0, &head, &rows));

    // II. Tasks ahead: left for the clerk to write.
    doc = doc.add_paragraph(heading(&w!(true, "doc-part-tasks")).line_spacing(spacing(240, 120)));
    for _ in 0..3 {
        doc = doc.add_paragraph(body(""));
    }
    doc =
        doc.add_paragraph(body(&w!(true, "doc-closing-line", period = human::period(&b.period, true))).keep_next(true));

    // Recipients left, the signer right.
    let mut l = TableCell::new().width(left, WidthType::Dxa).add_paragraph(
        para(AlignmentType::Left).line_spacing(spacing(240, 0)).add_run(run(
            &w!(true, "doc-recipients"),
            12.0,
            true,
            true,
        )),
    );
    for rcp in &h.recipients {
        let t = rcp.trim().trim_end_matches([';', '.', ',']).trim();
        l = l.add_paragraph(para(AlignmentType::Left).add_run(run(&format!("- {t};"), 11.0, false, false)));
    }
    l = l.add_paragraph(para(AlignmentType::Left).add_run(run(&w!(true, "doc-archive"), 11.0, false, false)));
    let mut r = TableCell::new().width(right, WidthType::Dxa);
    let title = h.signer_title.clone().unwrap_or_default();
    let mut first = true;
    for line in title.lines().map(str::trim).filter(|s| !s.is_empty()) {
        let p = centred(&line.to_uppercase(), 14.0, true, false);
        r = r.add_paragraph(if first { p.line_spacing(spacing(240, 0)) } else { p });
        first = false;
    }
    if first {
        r = r.add_paragraph(centred("", 14.0, true, false).line_spacing(spacing(240, 0)));
    }
    // Room for the signature and the seal.
    for _ in 0..4 {
        r = r.add_paragraph(centred("", 14.0, false, false));
    }
    r = r.add_paragraph(centred(h.signer.as_deref().unwrap_or(""), 14.0, true, false));
    let foot = Table::without_borders(vec![TableRow::new(vec![l, r]).cant_split()])
        .set_grid(vec![left, right])
        .width(width, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .margins(TableCellMargins::new().margin(0, 40, 0, 40));
    doc.add_table(foot)
}

/// Mark the first row of every table of a packed .docx as a header row repeated at the top
/// of each page (`<w:tblHeader />` in its `<w:trPr>`), which docx-rs cannot write. Every
/// other part of the package is copied as it is. The tables of [`document`] all begin with a
/// row that has a `<w:trPr>` (every row is `cantSplit`); the header block and the signature
/// table, a page at most, are never repeated in practice.
pub fn repeat_header_rows(docx: &[u8]) -> anyhow::Result<Vec<u8>> {
    use std::io::{Read, Write};
    let mut zin = zip::ZipArchive::new(std::io::Cursor::new(docx))?;
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..zin.len() {
        let mut f = zin.by_index(i)?;
        let name = f.name()?.to_string();
        let opts = zip::write::SimpleFileOptions::default().compression_method(f.compression());
        let mut data = Vec::new();
        f.read_to_end(&mut data)?;
        if name == "word/document.xml" {
            data = mark_header_rows(std::str::from_utf8(&data)?).into_bytes();
        }
        out.start_file(name, opts)?;
        out.write_all(&data)?;
    }
    Ok(out.finish()?.into_inner())
}

/// `<w:tblHeader />` into the first `<w:trPr>` after each `<w:tbl>` (tables are not nested).
fn mark_header_rows(xml: &str) -> String {
    const TBL: &str = "<w:tbl>";
    const TRPR: &str = "<w:trPr>";
    let mut out = String::with_capacity(xml.len() + 256);
    let mut rest = xml;
    while let Some(i) = rest.find(TBL) {
        out.push_str(&rest[..i + TBL.len()]);
        rest = &rest[i + TBL.len()..];
        if let Some(j) = rest.find(TRPR) {
            out.push_str(&rest[..j + TRPR.len()]);
            out.push_str("<w:tblHeader />");
            rest = &rest[j + TRPR.len()..];
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
#[path = "../../tests/unit/report/document.rs"]
mod tests;
