//! Rendering: table, CSV, JSON (and Excel for reports), and the vi/en labels.
//!
//! Every read command produces rows of [`Cell`]s under column keys (the English snake_case
//! names of SPEC §7, which are the CSV headers and JSON keys in every language). Tables show
//! the keys translated. Rows are written through a [`Sink`] as they come, so an export of a
//! million rows runs in constant memory (the `table` format alone buffers, to size columns).

use crate::platform::OpenOptionsExt;
use std::fs::OpenOptions;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::Path;

use anyhow::{Context, Result};
use comfy_table::{presets::UTF8_FULL_CONDENSED, CellAlignment, ContentArrangement, Table};

use crate::cli::Format;
use crate::refuse;

/// One value in a row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Null,
    Text(String),
    Int(i64),
    /// A percentage or ratio shown with one decimal.
    Dec1(f64),
    /// A floating-point value shown in full (ad-hoc queries).
    Real(f64),
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }
    pub fn opt_text(s: Option<String>) -> Cell {
        s.map(Cell::Text).unwrap_or(Cell::Null)
    }
    pub fn opt_int(v: Option<i64>) -> Cell {
        v.map(Cell::Int).unwrap_or(Cell::Null)
    }
    pub fn render(&self) -> String {
        match self {
            Cell::Null => String::new(),
            Cell::Text(s) => s.clone(),
            Cell::Int(i) => i.to_string(),
            Cell::Dec1(f) => format!("{f:.1}"),
            Cell::Real(f) => f.to_string(),
        }
    }
    fn json(&self) -> serde_json::Value {
        match self {
            Cell::Null => serde_json::Value::Null,
            Cell::Text(s) => serde_json::Value::String(s.clone()),
            Cell::Int(i) => serde_json::Value::from(*i),
            Cell::Dec1(f) => serde_json::Value::from((f * 10.0).round() / 10.0),
            Cell::Real(f) => serde_json::Value::from(*f),
        }
    }
}

impl rusqlite::types::FromSql for Cell {
    fn column_result(v: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        use rusqlite::types::ValueRef;
        Ok(match v {
            ValueRef::Null => Cell::Null,
            ValueRef::Integer(i) => Cell::Int(i),
            ValueRef::Real(f) => Cell::Dec1(f),
            ValueRef::Text(t) => Cell::Text(String::from_utf8_lossy(t).into_owned()),
            ValueRef::Blob(b) => Cell::Text(format!("<{} bytes>", b.len())),
        })
    }
}

/// Where output goes and how.
#[derive(Debug, Clone)]
pub struct Style {
    pub vi: bool,
    pub format: Format,
    pub bom: bool,
}

/// Open the destination: stdout, or a new file created 0600 (never overwritten).
pub fn destination(path: Option<&Path>) -> Result<Box<dyn Write>> {
    match path {
        None => Ok(Box::new(BufWriter::with_capacity(1 << 16, io::stdout().lock()))),
        Some(p) => Ok(Box::new(BufWriter::new(create_private(p)?))),
    }
}

/// Create a new file with mode 0600, refusing an existing path.
pub fn create_private(p: &Path) -> Result<std::fs::File> {
    if p.exists() {
        refuse!("'{}' already exists; choose a new file name (mh51 never overwrites files)", p.display();
                "'{}' đã tồn tại; hãy chọn tên tệp mới (mh51 không ghi đè tệp)", p.display());
    }
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(p)
        .with_context(|| format!("creating {}", p.display()))
}

/// Streams rows in one format.
pub struct Sink<'a> {
    style: Style,
    out: Box<dyn Write + 'a>,
    columns: Vec<String>,
    title: Option<String>,
    csv: Option<csv::Writer<Box<dyn Write + 'a>>>,
    buffered: Vec<Vec<String>>,
    json_rows: usize,
}

impl<'a> Sink<'a> {
    pub fn new(style: Style, out: Box<dyn Write + 'a>, columns: &[&str], title: Option<String>) -> Result<Sink<'a>> {
        let mut s = Sink {
            style,
            out,
            columns: columns.iter().map(|c| c.to_string()).collect(),
            title,
            csv: None,
            buffered: Vec::new(),
            json_rows: 0,
        };
        match s.style.format {
            Format::Csv => {
                let mut inner: Box<dyn Write + 'a> = std::mem::replace(&mut s.out, Box::new(io::sink()));
                if s.style.bom {
                    inner.write_all("\u{feff}".as_bytes())?;
                }
                let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(inner);
                w.write_record(&s.columns)?;
                s.csv = Some(w);
            }
            Format::Json => s.out.write_all(b"[")?,
            Format::Table | Format::Xlsx => {}
        }
        Ok(s)
    }

    pub fn row(&mut self, cells: &[Cell]) -> Result<()> {
        match self.style.format {
            Format::Csv => {
                let guard = self.style.bom;
                if let Some(w) = self.csv.as_mut() {
                    w.write_record(cells.iter().map(|c| csv_cell(c, guard)))?;
                }
            }
            Format::Json => {
                if self.json_rows > 0 {
                    self.out.write_all(b",")?;
                }
                self.out.write_all(b"\n")?;
                let obj = json_object(&self.columns, cells);
                serde_json::to_writer(&mut self.out, &obj)?;
                self.json_rows += 1;
            }
            Format::Table | Format::Xlsx => self.buffered.push(cells.iter().map(Cell::render).collect()),
        }
        Ok(())
    }

    pub fn finish(mut self) -> Result<()> {
        match self.style.format {
            Format::Csv => {
                if let Some(w) = self.csv.take() {
                    let mut inner = w.into_inner().map_err(|e| anyhow::anyhow!("writing CSV: {}", e.error()))?;
                    inner.flush()?;
                }
            }
            Format::Json => {
                self.out.write_all(b"\n]\n")?;
                self.out.flush()?;
            }
            Format::Table | Format::Xlsx => {
                let t = render_table(&self.style, &self.columns, &self.buffered, self.title.as_deref());
                self.out.write_all(t.as_bytes())?;
                self.out.flush()?;
            }
        }
        Ok(())
    }
}

pub fn json_object(columns: &[String], cells: &[Cell]) -> serde_json::Value {
    let mut m = serde_json::Map::with_capacity(columns.len());
    for (c, v) in columns.iter().zip(cells) {
        m.insert(c.clone(), v.json());
    }
    serde_json::Value::Object(m)
}

/// CSV cell text; with the Excel form, a text cell that a spreadsheet would run as a
/// formula (`=`, `+`, `-`, `@`) is prefixed with `'`.
fn csv_cell(c: &Cell, guard: bool) -> String {
    match c {
        Cell::Text(s) if guard && s.starts_with(['=', '+', '-', '@']) => format!("'{s}"),
        other => other.render(),
    }
}

/// A comfy table with translated headers; fixed width when stdout is not a terminal so
/// output is stable in scripts and tests.
pub fn render_table(style: &Style, columns: &[String], rows: &[Vec<String>], title: Option<&str>) -> String {
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED);
    if io::stdout().is_terminal() {
        t.set_content_arrangement(ContentArrangement::Dynamic);
    } else {
        t.set_content_arrangement(ContentArrangement::Disabled);
    }
    t.set_header(columns.iter().map(|c| label(c, style.vi)));
    for r in rows {
        t.add_row(r.iter().map(|c| {
            let cell = comfy_table::Cell::new(c);
            if c.parse::<f64>().is_ok() {
                cell.set_alignment(CellAlignment::Right)
            } else {
                cell
            }
        }));
    }
    let mut s = String::new();
    if let Some(title) = title {
        s.push_str(title);
        s.push('\n');
    }
    s.push_str(&t.to_string());
    s.push('\n');
    if rows.is_empty() {
        s.push_str(if style.vi { "(không có dòng nào)\n" } else { "(no rows)\n" });
    }
    s
}

/// Label of a column key or a word, in the user's language.
pub fn label(key: &str, vi: bool) -> String {
    let (en, v) = match key {
        "case_no" => ("Case", "Số hồ sơ"),
        "person_id" => ("Person", "Mã người"),
        "name" => ("Name", "Họ tên"),
        "birth_year" => ("Born", "Năm sinh"),
        "birth_date" => ("Birth date", "Ngày sinh"),
        "gender" => ("Gender", "Giới tính"),
        "id_number" => ("ID number", "Số CCCD/CMND"),
        "address" => ("Address", "Địa chỉ"),
        "ward" => ("Ward", "Phường"),
        "category" => ("Category", "Diện"),
        "enrolled_on" => ("Enrolled", "Ngày vào diện"),
        "released_on" => ("Released", "Ngày ra khỏi diện"),
        "reason" => ("Reason", "Lý do"),
        "credited_member_id" => ("Credited", "Thành viên được ghi nhận"),
        "member_id" => ("Member", "Mã thành viên"),
        "member_name" => ("Member name", "Thành viên phụ trách"),
        "note" => ("Note", "Ghi chú"),
        "org" => ("Org", "Đoàn thể"),
        "last_contact" => ("Last contact", "Lần tiếp xúc cuối"),
        "days_since" => ("Days since", "Số ngày"),
        "id" => ("Id", "Mã"),
        "phone" => ("Phone", "Điện thoại"),
        "joined_on" => ("Joined", "Ngày tham gia"),
        "left_on" => ("Left", "Ngày nghỉ"),
        "open_cases" => ("Open cases", "Đang phụ trách"),
        "progressed_this_year" => ("Progressed this year", "Tiến bộ trong năm"),
        "quota" => ("Quota", "Chỉ tiêu"),
        "start_on" => ("From", "Từ ngày"),
        "end_on" => ("To", "Đến ngày"),
        "reviewed_on" => ("Date", "Ngày"),
        "class" => ("Class", "Phân loại"),
        "given_on" => ("Date", "Ngày"),
        "kind" => ("Kind", "Hình thức"),
        "amount" => ("Amount (đ)", "Số tiền (đ)"),
        "code" => ("Code", "Mã"),
        "seq" => ("#", "STT"),
        "at" => ("At", "Thời điểm"),
        "actor" => ("Actor", "Người thực hiện"),
        "action" => ("Action", "Thao tác"),
        "entity" => ("Entity", "Đối tượng"),
        "entity_key" => ("Key", "Khóa"),
        "detail" => ("Detail", "Chi tiết"),
        "prev_hash" => ("Previous hash", "Băm trước"),
        "hash" => ("Hash", "Băm"),
        "status" => ("Status", "Trạng thái"),
        "date" => ("Date", "Ngày"),
        "event" => ("Event", "Sự kiện"),
        "field" => ("Field", "Mục"),
        "value" => ("Value", "Giá trị"),
        "group" => ("Group", "Nhóm"),
        "opening" => ("Opening", "Đầu kỳ"),
        "intake" => ("Intake", "Tiếp nhận"),
        "total_managed" => ("Total managed", "Tổng quản lý"),
        "progressed" => ("Progressed", "Tiến bộ"),
        "moved" => ("Moved", "Chuyển đi"),
        "deceased" => ("Deceased", "Chết"),
        "reoffended" => ("Reoffended", "Tái phạm"),
        "institution" => ("Institution", "Đưa vào cơ sở"),
        "other" => ("Other", "Khác"),
        "exits" => ("Exits", "Ra khỏi diện"),
        "closing" => ("Closing", "Cuối kỳ"),
        "contacts" => ("Contacts", "Lượt tiếp xúc"),
        "supports" => ("Supports", "Lượt giúp đỡ"),
        "loan_amount" => ("Loans (đ)", "Vốn hỗ trợ (đ)"),
        "members" => ("Members", "Thành viên"),
        "target" => ("Target", "Chỉ tiêu"),
        "achieved" => ("Achieved", "Đạt"),
        "members_met" => ("Members met", "Thành viên đạt"),
        "shortfall" => ("Shortfall", "Còn thiếu"),
        "pct" => ("%", "%"),
        "open" => ("open", "đang quản lý"),
        "released" => ("released", "đã ra khỏi diện"),
        "unassigned" => ("unassigned", "chưa phân công"),
        "enroll" => ("enrolled", "đưa vào diện"),
        "assign" => ("assigned", "phân công"),
        "unassign" => ("assignment ended", "kết thúc phân công"),
        "review" => ("review", "tiếp xúc"),
        "support" => ("support", "giúp đỡ"),
        "release" => ("released", "đưa ra khỏi diện"),
        other => (other, other),
    };
    if vi {
        v.to_string()
    } else {
        en.to_string()
    }
}

/// Print a small key/value block (for `show`).
pub fn pairs(style: &Style, out: &mut dyn Write, title: &str, pairs: &[(&str, Cell)]) -> Result<()> {
    let columns: Vec<String> = vec!["field".into(), "value".into()];
    let rows: Vec<Vec<String>> = pairs.iter().map(|(k, v)| vec![label(k, style.vi), v.render()]).collect();
    let t = render_table(style, &columns, &rows, Some(title));
    out.write_all(t.as_bytes())?;
    Ok(())
}
