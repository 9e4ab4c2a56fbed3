//! Import: bringing a clerk's spreadsheets into the register (SPEC §7), and loading the
//! bundled District 6 example (SPEC §9) through the very same code.
//!
//! # How a file is read
//! The file is read as a stream of CSV records (comma, or semicolon when the header has no
//! comma — Excel's choice in a Vietnamese locale). The header row names the columns, in
//! English (`name`, `id_number`) or Vietnamese (`Họ tên`, `Số CCCD`), matched after
//! folding case and diacritics; a UTF-8 BOM and Windows line endings are accepted, blank
//! rows are skipped, and a `STT` (row number) column is ignored.
//!
//! # How a row is checked
//! Every row goes through the same domain function as the single command (`member add`,
//! `enroll` + `release`, `assign`, `review`, `support`, `member leave`), inside a
//! `SAVEPOINT`: a refused row is rolled back and checking goes on with the next, so that
//! every bad row is reported, as `FILE:LINE: column: problem`. The column of a refusal is
//! found by checking the row's cells one by one with the same parsing and lookup functions
//! the domain uses (done only for a refused row, so good rows pay nothing for it). After
//! the last row, any error refuses the whole import and the caller's transaction rolls
//! back: all or nothing.
//!
//! # Duplicates
//! SPEC §7's duplicates are refused as errors, so importing a file twice writes nothing: a
//! case row whose person (identity number, or folded name and birth year) already has a
//! case enrolled on the same date, in the register or earlier in the file; a member row
//! with the same folded name, org and ward as a member already there.
//!
//! Nothing here prints: progress is reported through a callback with the bytes read.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};

use anyhow::{Context, Result};
use rusqlite::{params, Connection, OptionalExtension};
use serde_json::json;

use crate::audit;
use crate::domain::cases::{self, EnrollInput};
use crate::domain::lookup::{self, Dict};
use crate::domain::members::{self, MemberInput};
use crate::domain::types::{
    iso, parse_amount, parse_birth, parse_event_date, parse_id_number, parse_name, parse_text, Class, Gender, Reason,
    SupportKind, MAX_ADDRESS, MAX_NOTE,
};
use crate::domain::{Ctx, Refusal};
use crate::refusal;
use crate::text::fold;

/// What a file holds. `Members` and `Cases` are the `import` command's; the others load the
/// activity of the bundled example (and are the same rules as `assign`, `review`, `support`
/// and `member leave`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Members,
    Cases,
    Assignments,
    Reviews,
    Supports,
    Departures,
}

/// One column a file may have: its canonical name, whether it is required, and the other
/// headers accepted for it (already normalized: folded, punctuation as spaces).
struct Col {
    name: &'static str,
    required: bool,
    aliases: &'static [&'static str],
}

const fn col(name: &'static str, required: bool, aliases: &'static [&'static str]) -> Col {
    Col { name, required, aliases }
}

const MEMBER_COLS: &[Col] = &[
    col("name", true, &["ho ten", "ho va ten", "ten", "ten thanh vien", "ho ten thanh vien"]),
    col("org", true, &["organization", "doan the", "to chuc"]),
    col("ward", true, &["phuong"]),
    col("phone", false, &["dien thoai", "so dien thoai", "sdt"]),
    col("joined", false, &["joined on", "ngay tham gia"]),
];

const CASE_COLS: &[Col] = &[
    col("name", true, &["ho ten", "ho va ten", "ten"]),
    col("ward", true, &["phuong"]),
    col("category", true, &["dien", "dien quan ly", "loai"]),
    col("born", false, &["birth", "birth year", "nam sinh", "ngay sinh", "ngay thang nam sinh"]),
    col("gender", false, &["sex", "gioi tinh"]),
    col(
        "id_number",
        false,
        &["cccd", "cmnd", "so cccd", "so cmnd", "so cccd cmnd", "cccd cmnd", "so dinh danh", "so dinh danh ca nhan"],
    ),
    col("address", false, &["dia chi", "noi cu tru", "noi o"]),
    col("enrolled", true, &["enrolled on", "ngay vao dien", "ngay dua vao dien"]),
    col("member", false, &["member id", "thanh vien", "thanh vien phu trach", "nguoi phu trach"]),
    col("note", false, &["notes", "ghi chu"]),
    col("released", false, &["released on", "ngay ra khoi dien", "ngay dua ra khoi dien"]),
    col("reason", false, &["ly do", "ly do ra khoi dien"]),
    col("credited", false, &["credited member", "nguoi duoc ghi nhan", "thanh vien duoc ghi nhan"]),
];

const ASSIGNMENT_COLS: &[Col] = &[
    col("case", true, &["case no", "ho so", "so ho so"]),
    col("member", true, &["member id", "thanh vien", "nguoi phu trach"]),
    col("date", true, &["start on", "ngay", "ngay phan cong"]),
];

const REVIEW_COLS: &[Col] = &[
    col("case", true, &["case no", "ho so", "so ho so"]),
    col("date", true, &["reviewed on", "ngay", "ngay tiep xuc"]),
    col("class", true, &["phan loai", "loai"]),
    col("by", false, &["member", "member id", "thanh vien", "nguoi tiep xuc"]),
    col("note", false, &["notes", "ghi chu", "nhan xet"]),
];

const SUPPORT_COLS: &[Col] = &[
    col("case", true, &["case no", "ho so", "so ho so"]),
    col("date", true, &["given on", "ngay", "ngay giup do"]),
    col("kind", true, &["hinh thuc", "hinh thuc giup do"]),
    col("amount", false, &["so tien"]),
    col("by", false, &["member", "member id", "thanh vien", "nguoi giup do"]),
    col("note", false, &["notes", "ghi chu"]),
];

const DEPARTURE_COLS: &[Col] =
    &[col("member", true, &["member id", "id", "thanh vien"]), col("left", true, &["left on", "ngay nghi"])];

/// Headers that are row numbers in Vietnamese spreadsheets; their cells are ignored.
const IGNORED: &[&str] = &["stt", "so thu tu", "tt", ""];

impl Kind {
    fn columns(self) -> &'static [Col] {
        match self {
            Kind::Members => MEMBER_COLS,
            Kind::Cases => CASE_COLS,
            Kind::Assignments => ASSIGNMENT_COLS,
            Kind::Reviews => REVIEW_COLS,
            Kind::Supports => SUPPORT_COLS,
            Kind::Departures => DEPARTURE_COLS,
        }
    }

    fn what(self) -> &'static str {
        match self {
            Kind::Members => "members",
            Kind::Cases => "cases",
            Kind::Assignments => "assignments",
            Kind::Reviews => "reviews",
            Kind::Supports => "supports",
            Kind::Departures => "departures",
        }
    }
}

/// A header as compared: folded, every run of non-alphanumerics one space.
fn normalize_header(h: &str) -> String {
    let f = fold(h.trim_start_matches('\u{feff}'));
    let spaced: String = f.chars().map(|c| if c.is_alphanumeric() { c } else { ' ' }).collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One problem, placed in the file.
#[derive(Debug, Clone)]
struct Problem {
    line: u64,
    column: String,
    what: Refusal,
}

/// A row's cells by column index (None when the column is absent or the cell blank).
struct Row<'r> {
    line: u64,
    cells: Vec<Option<&'r str>>,
}

impl Row<'_> {
    fn get(&self, i: usize) -> Option<&str> {
        self.cells.get(i).copied().flatten()
    }
}

/// The result of checking one row: fine, or problems to report (the row is rolled back).
type RowResult = std::result::Result<(), CellProblems>;

/// Problems found in one row: (column, what is wrong).
type CellProblems = Vec<(String, Refusal)>;

/// Turn a domain error into a refusal to report, or pass a real failure (I/O, SQL) up.
fn as_refusal(e: anyhow::Error) -> Result<Refusal> {
    e.downcast::<Refusal>()
}

/// Check one cell with a domain function; a refusal is recorded against `column`.
fn check<T>(out: &mut Vec<(String, Refusal)>, column: &str, r: Result<T>) -> Result<Option<T>> {
    match r {
        Ok(v) => Ok(Some(v)),
        Err(e) => {
            out.push((column.to_string(), as_refusal(e)?));
            Ok(None)
        }
    }
}

/// The column a refusal that no single cell explains belongs to, from what it speaks of.
fn column_of(r: &Refusal, rules: &[(&str, &'static str)], default: &'static str) -> String {
    let en = r.en.to_lowercase();
    rules.iter().find(|(k, _)| en.contains(k)).map(|(_, c)| *c).unwrap_or(default).to_string()
}

/// Read, check and apply a whole file inside the caller's transaction; returns the number
/// of rows applied. `file` names the file in messages. On any bad row, returns a refusal
/// listing every problem; the caller must then roll back (as `db::write` does).
///
/// Two passes at most. The first applies rows without a savepoint each (savepoints copy every
/// page a row touches, a sixth of the work) inside one savepoint for the whole file, and stops
/// at the first bad row; a clean file is done then. Otherwise it rolls back to that savepoint
/// and reads the file again checking every row in its own savepoint, so that every bad row
/// is reported. The domain functions are the same in both passes.
pub fn import<R: Read + Seek>(
    conn: &Connection,
    ctx: &Ctx,
    kind: Kind,
    file: &str,
    mut input: R,
    progress: &mut dyn FnMut(u64),
) -> Result<usize> {
    // enroll + release + their audit rows + the checks use more statements than rusqlite
    // caches by default (16); re-preparing them for every row would double the work.
    conn.set_prepared_statement_cache_capacity(64);
    conn.prepare_cached("SAVEPOINT import_file")?.execute([]).context("import savepoint")?;
    let fast = pass(conn, ctx, kind, file, &mut input, progress, true);
    let needs_check = matches!(&fast, Err(e) if e.downcast_ref::<NeedsCheck>().is_some());
    if !needs_check {
        if fast.is_ok() {
            conn.prepare_cached("RELEASE import_file")?.execute([]).context("import savepoint")?;
        }
        return fast;
    }
    conn.prepare_cached("ROLLBACK TO import_file")?.execute([]).context("import savepoint")?;
    conn.prepare_cached("RELEASE import_file")?.execute([]).context("import savepoint")?;
    input.seek(SeekFrom::Start(0)).with_context(|| format!("re-reading {file}"))?;
    pass(conn, ctx, kind, file, &mut input, progress, false)
}

/// The fast pass met a bad row: the file must be checked row by row.
#[derive(Debug)]
struct NeedsCheck;

impl std::fmt::Display for NeedsCheck {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a row needs checking")
    }
}

impl std::error::Error for NeedsCheck {}

/// One pass over the file; `fast` as described on [`import`].
fn pass<R: Read>(
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
        let expected = expected_columns(kind);
        return Err(refusal!("{} is empty: expected a header row with the columns {}", file, expected;
                            "{} trống: cần một dòng tiêu đề với các cột {}", file, expected)
        .into());
    }
    let first_line = head.split(|b| *b == b'\n').next().unwrap_or_default();
    let delimiter = if !first_line.contains(&b',') && first_line.contains(&b';') { b';' } else { b',' };
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(input);

    let mut raw = csv::ByteRecord::new();
    let mut header = csv::StringRecord::new();
    if !read_record(&mut reader, &mut raw, &mut header, file)? {
        let expected = expected_columns(kind);
        return Err(refusal!("{} is empty: expected a header row with the columns {}", file, expected;
                            "{} trống: cần một dòng tiêu đề với các cột {}", file, expected)
        .into());
    }
    let map = map_header(kind, file, &header)?;
    let width = header.len();
    // Problems name a column as the file's own header does (`Ngày vào diện`), so the clerk
    // finds it in her spreadsheet; the canonical name where the file has no such column.
    let label = |canonical: &str| -> String {
        kind.columns()
            .iter()
            .zip(&map)
            .find(|(c, _)| c.name == canonical)
            .and_then(|(_, i)| i.and_then(|i| header.get(i)))
            .map(|h| h.trim_start_matches('\u{feff}').trim().to_string())
            .filter(|h| !h.is_empty())
            .unwrap_or_else(|| canonical.to_string())
    };

    let mut problems: Vec<Problem> = Vec::new();
    let mut state = State::default();
    let mut record = csv::StringRecord::new();
    let mut applied = 0usize;
    let mut seen_rows = 0usize;
    let mut sp = Savepoint { conn, active: !fast };
    while read_record(&mut reader, &mut raw, &mut record, file)? {
        if fast && !problems.is_empty() {
            return Err(NeedsCheck.into());
        }
        let line = record.position().map_or(0, csv::Position::line);
        seen_rows += 1;
        if seen_rows.is_multiple_of(4096) {
            progress(reader.position().byte());
        }
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if record.len() > width && record.iter().skip(width).any(|c| !c.trim().is_empty()) {
            problems.push(Problem {
                line,
                column: "-".into(),
                what: refusal!("{} cells but the header has {} columns; check for a stray comma", record.len(), width;
                               "{} ô nhưng dòng tiêu đề có {} cột; hãy kiểm tra dấu phẩy thừa", record.len(), width),
            });
            continue;
        }
        let cells: Vec<Option<&str>> =
            map.iter().map(|i| i.and_then(|i| record.get(i)).map(str::trim).filter(|c| !c.is_empty())).collect();
        let row = Row { line, cells };
        if let Some(missing) = kind.columns().iter().zip(&row.cells).find(|(c, v)| c.required && v.is_none()) {
            let name = missing.0.name;
            problems.push(Problem {
                line,
                column: label(name),
                what: refusal!("empty; this column is required"; "trống; cột này bắt buộc"),
            });
            continue;
        }
        sp.begin()?;
        let result = match kind {
            Kind::Members => member_row(conn, ctx, &row, &mut state),
            Kind::Cases => case_row(conn, ctx, &row, &mut state),
            Kind::Assignments => assignment_row(conn, ctx, &row),
            Kind::Reviews => review_row(conn, ctx, &row),
            Kind::Supports => support_row(conn, ctx, &row),
            Kind::Departures => departure_row(conn, ctx, &row),
        };
        match result {
            Ok(Ok(())) => {
                sp.release()?;
                applied += 1;
            }
            Ok(Err(list)) => {
                sp.rollback()?;
                problems.extend(list.into_iter().map(|(column, what)| Problem { line, column: label(&column), what }));
            }
            Err(e) => {
                sp.rollback()?;
                return Err(e.context(format!("{file}:{line}")));
            }
        }
    }
    progress(reader.position().byte());
    if fast && !problems.is_empty() {
        return Err(NeedsCheck.into());
    }
    if !problems.is_empty() {
        return Err(report(file, &problems).into());
    }
    if applied == 0 {
        return Err(refusal!("{} has a header but no rows to import", file;
                            "{} có dòng tiêu đề nhưng không có dòng dữ liệu nào", file)
        .into());
    }
    let base = std::path::Path::new(file).file_name().map_or_else(|| file.to_string(), |f| f.to_string_lossy().into());
    audit::append(conn, &ctx.stamp, "import", kind.what(), &base, &json!({"rows": applied}))?;
    Ok(applied)
}

fn expected_columns(kind: Kind) -> String {
    kind.columns().iter().map(|c| c.name).collect::<Vec<_>>().join(",")
}

/// Read the next record as text; a record that is not UTF-8 refuses the whole file.
fn read_record<R: Read>(
    reader: &mut csv::Reader<R>,
    raw: &mut csv::ByteRecord,
    out: &mut csv::StringRecord,
    file: &str,
) -> Result<bool> {
    let more = reader.read_byte_record(raw).map_err(|e| {
        let line = e.position().map_or(0, csv::Position::line);
        anyhow::Error::new(e).context(format!("reading {file}:{line}"))
    })?;
    if !more {
        return Ok(false);
    }
    let line = raw.position().map_or(0, csv::Position::line);
    *out = csv::StringRecord::from_byte_record(std::mem::take(raw)).map_err(|_| {
        refusal!("{}:{}: the file is not UTF-8 text (perhaps saved as plain \"CSV\" by Excel); in Excel use File → Save As → \"CSV UTF-8 (Comma delimited) (*.csv)\" and import that file",
                 file, line;
                 "{}:{}: tệp không phải văn bản UTF-8 (có thể Excel đã lưu dạng \"CSV\" thường); trong Excel hãy chọn File → Save As → \"CSV UTF-8 (Comma delimited) (*.csv)\" rồi nhập tệp đó",
                 file, line)
    })?;
    Ok(true)
}

/// Map the header's cells to the kind's columns: for each column, the index of its cell.
fn map_header(kind: Kind, file: &str, header: &csv::StringRecord) -> Result<Vec<Option<usize>>> {
    let cols = kind.columns();
    let mut map: Vec<Option<usize>> = vec![None; cols.len()];
    let mut problems = Vec::new();
    for (i, h) in header.iter().enumerate() {
        let n = normalize_header(h);
        if IGNORED.contains(&n.as_str()) {
            continue;
        }
        let found = cols.iter().position(|c| normalize_header(c.name) == n || c.aliases.contains(&n.as_str()));
        match found {
            Some(j) if map[j].is_some() => problems.push(Problem {
                line: 1,
                column: h.trim().to_string(),
                what: refusal!("column '{}' appears twice", cols[j].name; "cột '{}' xuất hiện hai lần", cols[j].name),
            }),
            Some(j) => map[j] = Some(i),
            None => {
                let expected = expected_columns(kind);
                problems.push(Problem {
                    line: 1,
                    column: h.trim().to_string(),
                    what: refusal!("unknown column; expected {} (or their Vietnamese names)", expected;
                                   "cột không rõ; cần {} (hoặc tên tiếng Việt)", expected),
                })
            }
        }
    }
    for (c, m) in cols.iter().zip(&map) {
        if c.required && m.is_none() {
            problems.push(Problem {
                line: 1,
                column: c.name.into(),
                what: refusal!("required column '{}' is missing from the header", c.name;
                               "thiếu cột bắt buộc '{}' ở dòng tiêu đề", c.name),
            });
        }
    }
    if !problems.is_empty() {
        return Err(report(file, &problems).into());
    }
    Ok(map)
}

/// One refusal listing every problem, one per line, as `FILE:LINE: column: problem`.
fn report(file: &str, problems: &[Problem]) -> Refusal {
    let rows = {
        let mut lines: Vec<u64> = problems.iter().map(|p| p.line).collect();
        lines.dedup();
        lines.len()
    };
    let mut en = format!("{file}: {rows} bad row(s); nothing was imported:");
    let mut vi = format!("{file}: {rows} dòng lỗi; không nhập gì cả:");
    for p in problems {
        en.push_str(&format!("\n{}:{}: {}: {}", file, p.line, p.column, p.what.en));
        vi.push_str(&format!("\n{}:{}: {}: {}", file, p.line, p.column, p.what.vi));
    }
    Refusal::new(en, vi)
}

/// A savepoint around each row, so a refused row leaves nothing behind and checking goes
/// on. Plain SQL statements (cached), because the caller holds the transaction. Inactive in
/// the fast pass, where the first bad row ends the pass anyway.
struct Savepoint<'c> {
    conn: &'c Connection,
    active: bool,
}

impl Savepoint<'_> {
    fn exec(&self, sql: &str) -> Result<()> {
        if !self.active {
            return Ok(());
        }
        self.conn.prepare_cached(sql)?.execute([]).context("import savepoint")?;
        Ok(())
    }

    fn begin(&mut self) -> Result<()> {
        self.exec("SAVEPOINT import_row")
    }

    fn release(&mut self) -> Result<()> {
        self.exec("RELEASE import_row")
    }

    fn rollback(&mut self) -> Result<()> {
        self.exec("ROLLBACK TO import_row")?;
        self.exec("RELEASE import_row")
    }
}

/// Which line of this file made which row, so a duplicate of an earlier row is reported as
/// such. Earlier good rows are already in the database (inside the transaction), so the
/// duplicate checks themselves are queries; this only remembers lines (a few bytes a row,
/// so a 100,000-row file stays small in memory).
#[derive(Default)]
struct State {
    /// case (year << 32 | sequence) → line
    cases: HashMap<u64, u64>,
    /// member id → line
    members: HashMap<i64, u64>,
}

fn case_key(case_no: &str) -> Option<u64> {
    let (y, n) = case_no.split_once('-')?;
    Some((y.parse::<u64>().ok()? << 32) | n.parse::<u64>().ok()?)
}

// Members -----------------------------------------------------------------------------

const M_NAME: usize = 0;
const M_ORG: usize = 1;
const M_WARD: usize = 2;
const M_PHONE: usize = 3;
const M_JOINED: usize = 4;

fn member_row(conn: &Connection, ctx: &Ctx, row: &Row, state: &mut State) -> Result<RowResult> {
    let name = row.get(M_NAME).unwrap_or_default();
    // SPEC §7 duplicates: same folded name, org and ward, in the register or the file.
    let org = lookup::find(conn, Dict::Org, row.get(M_ORG).unwrap_or_default()).ok();
    let ward = lookup::find(conn, Dict::Ward, row.get(M_WARD).unwrap_or_default()).ok();
    if let (Some((org_id, org)), Some((ward_id, ward))) = (org, ward) {
        let existing: Option<i64> = conn
            .prepare_cached("SELECT id FROM members WHERE name_fold = ?1 AND org_id = ?2 AND ward_id = ?3 LIMIT 1")?
            .query_row(params![fold(name), org_id, ward_id], |r| r.get(0))
            .optional()
            .context("looking for a duplicate member")?;
        if let Some(id) = existing {
            let what = match state.members.get(&id) {
                Some(l) => refusal!("duplicate of line {}: the same member '{}' of {} in ward {}", l, name, org, ward;
                                    "trùng với dòng {}: cùng thành viên '{}' thuộc {} ở phường {}", l, name, org, ward),
                None => {
                    refusal!("duplicate: member '{}' of {} in ward {} is already in the register (id {})", name, org, ward, id;
                                 "trùng: thành viên '{}' thuộc {} ở phường {} đã có (mã {})", name, org, ward, id)
                }
            };
            return Ok(Err(vec![("name".into(), what)]));
        }
    }
    let input = MemberInput {
        name: name.to_string(),
        org: row.get(M_ORG).unwrap_or_default().to_string(),
        ward: row.get(M_WARD).unwrap_or_default().to_string(),
        phone: row.get(M_PHONE).map(String::from),
        joined: row.get(M_JOINED).map(String::from),
        allow_duplicate: false,
    };
    let id = match members::add(conn, ctx, &input) {
        Ok(id) => {
            state.members.insert(id, row.line);
            return Ok(Ok(()));
        }
        Err(e) => e,
    };
    let refused = as_refusal(id)?;
    let mut out = Vec::new();
    check(&mut out, "name", parse_name(name, "member name", "tên thành viên"))?;
    check(&mut out, "org", lookup::find(conn, Dict::Org, &input.org))?;
    check(&mut out, "ward", lookup::find(conn, Dict::Ward, &input.ward))?;
    if let Some(j) = &input.joined {
        check(&mut out, "joined", parse_event_date(j, ctx.today))?;
    }
    if out.is_empty() {
        let c = column_of(&refused, &[("ward ", "ward"), ("phone", "phone"), ("date", "joined")], "name");
        out.push((c, refused));
    }
    Ok(Err(out))
}

// Cases -------------------------------------------------------------------------------

const C_NAME: usize = 0;
const C_WARD: usize = 1;
const C_CATEGORY: usize = 2;
const C_BORN: usize = 3;
const C_GENDER: usize = 4;
const C_ID: usize = 5;
const C_ADDRESS: usize = 6;
const C_ENROLLED: usize = 7;
const C_MEMBER: usize = 8;
const C_NOTE: usize = 9;
const C_RELEASED: usize = 10;
const C_REASON: usize = 11;
const C_CREDITED: usize = 12;

fn case_row(conn: &Connection, ctx: &Ctx, row: &Row, state: &mut State) -> Result<RowResult> {
    let released = row.get(C_RELEASED);
    let reason = row.get(C_REASON);
    let credited = row.get(C_CREDITED);
    match (released, reason) {
        (Some(_), None) => {
            return Ok(Err(vec![(
                "reason".into(),
                refusal!("empty, but the case has a release date; give one of {}", Reason::codes();
                         "trống, nhưng hồ sơ có ngày ra khỏi diện; cần một trong {}", Reason::codes()),
            )]))
        }
        (None, Some(r)) => {
            return Ok(Err(vec![(
                "released".into(),
                refusal!("empty, but the case has a release reason '{}'; give the release date", r;
                         "trống, nhưng hồ sơ có lý do ra khỏi diện '{}'; hãy nhập ngày ra khỏi diện", r),
            )]))
        }
        _ => {}
    }
    if let (None, Some(c)) = (released, credited) {
        return Ok(Err(vec![(
            "credited".into(),
            refusal!("'{}' given, but the case is not released; credit goes with a progressed release", c;
                     "có '{}', nhưng hồ sơ chưa ra khỏi diện; ghi nhận chỉ đi cùng việc ra khỏi diện vì tiến bộ", c),
        )]));
    }
    let input = EnrollInput {
        name: row.get(C_NAME).unwrap_or_default().to_string(),
        ward: row.get(C_WARD).unwrap_or_default().to_string(),
        category: row.get(C_CATEGORY).unwrap_or_default().to_string(),
        born: row.get(C_BORN).map(String::from),
        gender: row.get(C_GENDER).map(String::from),
        id_number: row.get(C_ID).map(String::from),
        address: row.get(C_ADDRESS).map(String::from),
        date: row.get(C_ENROLLED).map(String::from),
        member: row.get(C_MEMBER).map(String::from),
        person: None,
        note: row.get(C_NOTE).map(String::from),
        allow_duplicate: false,
    };
    if let Some(dup) = case_duplicate(conn, ctx, &input, state)? {
        return Ok(Err(vec![dup]));
    }
    let case_no = match cases::enroll(conn, ctx, &input) {
        Ok(c) => c,
        Err(e) => {
            let refused = as_refusal(e)?;
            let mut out = check_case_cells(conn, ctx, row, &input)?;
            if out.is_empty() {
                let c = column_of(
                    &refused,
                    &[
                        ("ward ", "ward"),
                        ("identity number", "id_number"),
                        ("birth", "born"),
                        ("member", "member"),
                        ("enrollment date", "enrolled"),
                    ],
                    "name",
                );
                out.push((c, refused));
            }
            return Ok(Err(out));
        }
    };
    if let (Some(date), Some(reason)) = (released, reason) {
        if let Err(e) = cases::release(conn, ctx, &case_no, reason, Some(date), credited, None) {
            let refused = as_refusal(e)?;
            let mut out = Vec::new();
            check(&mut out, "released", parse_event_date(date, ctx.today))?;
            check(&mut out, "reason", Reason::parse(reason))?;
            if let Some(c) = credited {
                check(&mut out, "credited", lookup::member(conn, c))?;
            }
            if out.is_empty() {
                let c = column_of(&refused, &[("credit", "credited"), ("member", "credited")], "released");
                out.push((c, refused));
            }
            return Ok(Err(out));
        }
    }
    if let Some(k) = case_key(&case_no) {
        state.cases.insert(k, row.line);
    }
    Ok(Ok(()))
}

/// SPEC §7: the same person (identity number, or folded name and birth year) already has a
/// case enrolled on the same date — earlier in this file, or in the register. As in
/// `enroll`, two different identity numbers mean two people, whatever their names.
fn case_duplicate(
    conn: &Connection,
    ctx: &Ctx,
    input: &EnrollInput,
    state: &State,
) -> Result<Option<(String, Refusal)>> {
    // Cells that do not parse are reported by `enroll` itself; no duplicate check then.
    let Ok(date) = parse_event_date(input.date.as_deref().unwrap_or_default(), ctx.today) else {
        return Ok(None);
    };
    let id_number = match &input.id_number {
        Some(i) => match parse_id_number(i) {
            Ok(v) => Some(v),
            Err(_) => return Ok(None),
        },
        None => None,
    };
    let birth_year = match &input.born {
        Some(b) => match parse_birth(b, ctx.today) {
            Ok((y, _)) => Some(y),
            Err(_) => return Ok(None),
        },
        None => None,
    };
    let date = iso(date);
    // `+c.enrolled_on`: find the person through their indexes first; the date index would
    // visit every case enrolled that day, a number that grows with the register.
    let existing: Option<(String, bool)> = conn
        .prepare_cached(
            "SELECT c.case_no, 1 FROM persons p JOIN cases c ON c.person_id = p.id
             WHERE p.id_number = ?1 AND +c.enrolled_on = ?4
             UNION ALL
             SELECT c.case_no, 0 FROM persons p JOIN cases c ON c.person_id = p.id
             WHERE p.name_fold = ?2 AND p.birth_year IS ?3 AND +c.enrolled_on = ?4
               AND (?1 IS NULL OR p.id_number IS NULL)
             LIMIT 1",
        )?
        .query_row(params![id_number, fold(&input.name), birth_year, date], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()
        .context("looking for a duplicate case")?;
    let Some((case_no, by_id)) = existing else {
        return Ok(None);
    };
    let column = if by_id { "id_number" } else { "name" };
    let what = match case_key(&case_no).and_then(|k| state.cases.get(&k)) {
        Some(l) => refusal!("duplicate of line {}: the same person enrolled on the same date {}", l, date;
                            "trùng với dòng {}: cùng một người, cùng ngày đưa vào diện {}", l, date),
        None => {
            refusal!("duplicate of case {}: the same person enrolled on the same date {} is already in the register", case_no, date;
                         "trùng với hồ sơ {}: cùng một người, cùng ngày đưa vào diện {} đã có trong sổ", case_no, date)
        }
    };
    Ok(Some((column.into(), what)))
}

/// For a refused case row: which of its cells the rules refuse, each on its own.
fn check_case_cells(conn: &Connection, ctx: &Ctx, row: &Row, input: &EnrollInput) -> Result<Vec<(String, Refusal)>> {
    let mut out = Vec::new();
    check(&mut out, "name", parse_name(&input.name, "name", "họ tên"))?;
    check(&mut out, "ward", lookup::find(conn, Dict::Ward, &input.ward))?;
    check(&mut out, "category", lookup::find(conn, Dict::Category, &input.category))?;
    if let Some(b) = &input.born {
        check(&mut out, "born", parse_birth(b, ctx.today))?;
    }
    if let Some(g) = &input.gender {
        check(&mut out, "gender", Gender::parse(g))?;
    }
    if let Some(i) = &input.id_number {
        check(&mut out, "id_number", parse_id_number(i))?;
    }
    check(&mut out, "address", parse_text(input.address.as_deref(), MAX_ADDRESS, "address", "địa chỉ"))?;
    check(&mut out, "note", parse_text(input.note.as_deref(), MAX_NOTE, "note", "ghi chú"))?;
    let enrolled = check(&mut out, "enrolled", parse_event_date(row.get(C_ENROLLED).unwrap_or_default(), ctx.today))?;
    if let Some(m) = &input.member {
        if let Some(m) = check(&mut out, "member", lookup::member(conn, m))? {
            if let Some(d) = enrolled {
                check(&mut out, "member", m.require_active(d, "be assigned", "được phân công"))?;
            }
        }
    }
    Ok(out)
}

// Activity (the example's reviews, supports, reassignments and departures) --------------

fn assignment_row(conn: &Connection, ctx: &Ctx, row: &Row) -> Result<RowResult> {
    let (case, member, date) = (row.get(0).unwrap_or_default(), row.get(1).unwrap_or_default(), row.get(2));
    let Err(e) = cases::assign(conn, ctx, case, member, date) else {
        return Ok(Ok(()));
    };
    let refused = as_refusal(e)?;
    let mut out = Vec::new();
    check(&mut out, "case", lookup::case(conn, case))?;
    check(&mut out, "member", lookup::member(conn, member))?;
    check(&mut out, "date", parse_event_date(date.unwrap_or_default(), ctx.today))?;
    if out.is_empty() {
        let c = column_of(
            &refused,
            &[("assignment date", "date"), ("already assigned", "member"), ("member", "member")],
            "case",
        );
        out.push((c, refused));
    }
    Ok(Err(out))
}

fn review_row(conn: &Connection, ctx: &Ctx, row: &Row) -> Result<RowResult> {
    let (case, date, class, by, note) =
        (row.get(0).unwrap_or_default(), row.get(1), row.get(2), row.get(3), row.get(4));
    let Err(e) = cases::review(conn, ctx, case, class.unwrap_or_default(), date, by, note) else {
        return Ok(Ok(()));
    };
    explain_event_row(conn, ctx, as_refusal(e)?, case, date, by, note, &mut |out| {
        check(out, "class", Class::parse(class.unwrap_or_default()))?;
        Ok(())
    })
}

fn support_row(conn: &Connection, ctx: &Ctx, row: &Row) -> Result<RowResult> {
    let case = row.get(0).unwrap_or_default();
    let (date, kind, amount, by, note) = (row.get(1), row.get(2), row.get(3), row.get(4), row.get(5));
    let Err(e) = cases::support(conn, ctx, case, kind.unwrap_or_default(), amount, date, by, note) else {
        return Ok(Ok(()));
    };
    explain_event_row(conn, ctx, as_refusal(e)?, case, date, by, note, &mut |out| {
        check(out, "kind", SupportKind::parse(kind.unwrap_or_default()))?;
        if let Some(a) = amount {
            check(out, "amount", parse_amount(a))?;
        }
        Ok(())
    })
}

/// For a refused review or support row: the cells they share (case, date, by, note) and the
/// row's own (`own`), each checked on its own; else the refusal itself, placed by its wording.
#[allow(clippy::too_many_arguments)]
fn explain_event_row(
    conn: &Connection,
    ctx: &Ctx,
    refused: Refusal,
    case: &str,
    date: Option<&str>,
    by: Option<&str>,
    note: Option<&str>,
    own: &mut dyn FnMut(&mut CellProblems) -> Result<()>,
) -> Result<RowResult> {
    let mut out = Vec::new();
    check(&mut out, "case", lookup::case(conn, case))?;
    check(&mut out, "date", parse_event_date(date.unwrap_or_default(), ctx.today))?;
    own(&mut out)?;
    if let Some(b) = by {
        check(&mut out, "by", lookup::member(conn, b))?;
    }
    check(&mut out, "note", parse_text(note, MAX_NOTE, "note", "ghi chú"))?;
    if out.is_empty() {
        let c = column_of(&refused, &[("member", "by"), ("date", "date")], "case");
        out.push((c, refused));
    }
    Ok(Err(out))
}

fn departure_row(conn: &Connection, ctx: &Ctx, row: &Row) -> Result<RowResult> {
    let (member, left) = (row.get(0).unwrap_or_default(), row.get(1));
    let Err(e) = members::leave(conn, ctx, member, left) else {
        return Ok(Ok(()));
    };
    let refused = as_refusal(e)?;
    let mut out = Vec::new();
    check(&mut out, "member", lookup::member(conn, member))?;
    check(&mut out, "left", parse_event_date(left.unwrap_or_default(), ctx.today))?;
    if out.is_empty() {
        let c = column_of(&refused, &[("date", "left")], "member");
        out.push((c, refused));
    }
    Ok(Err(out))
}

// The bundled example ---------------------------------------------------------------------

/// The District 6 example (SPEC §9), compiled in so `demo` runs from any directory. The
/// files are made by `examples/quan6/generate.py`; member ids and case numbers in the
/// activity files are those a fresh database gives, in file order.
pub const QUAN6: &[(Kind, &str, &str)] = &[
    (Kind::Members, "examples/quan6/members.csv", include_str!("../examples/quan6/members.csv")),
    (Kind::Cases, "examples/quan6/cases.csv", include_str!("../examples/quan6/cases.csv")),
    (Kind::Assignments, "examples/quan6/assignments.csv", include_str!("../examples/quan6/assignments.csv")),
    (Kind::Reviews, "examples/quan6/reviews.csv", include_str!("../examples/quan6/reviews.csv")),
    (Kind::Supports, "examples/quan6/supports.csv", include_str!("../examples/quan6/supports.csv")),
    (Kind::Departures, "examples/quan6/departures.csv", include_str!("../examples/quan6/departures.csv")),
];

/// Load the example into a freshly seeded database, inside the caller's transaction;
/// returns the rows loaded per file, in the order of [`QUAN6`].
pub fn load_quan6(conn: &Connection, ctx: &Ctx) -> Result<Vec<(Kind, usize)>> {
    let mut out = Vec::new();
    for (kind, name, text) in QUAN6 {
        let n = import(conn, ctx, *kind, name, std::io::Cursor::new(text.as_bytes()), &mut |_| {})?;
        out.push((*kind, n));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_fold_to_their_column() {
        assert_eq!(normalize_header("\u{feff}Họ tên"), "ho ten");
        assert_eq!(normalize_header(" Số CCCD/CMND "), "so cccd cmnd");
        assert_eq!(normalize_header("id_number"), "id number");
        assert_eq!(normalize_header("Người được ghi nhận"), "nguoi duoc ghi nhan");
        assert_eq!(normalize_header("Ngày ra khỏi diện"), "ngay ra khoi dien");
    }

    #[test]
    fn every_alias_is_normalized_and_unique_within_its_kind() {
        for kind in [Kind::Members, Kind::Cases, Kind::Assignments, Kind::Reviews, Kind::Supports, Kind::Departures] {
            let mut all = Vec::new();
            for c in kind.columns() {
                all.push(normalize_header(c.name));
                for a in c.aliases {
                    assert_eq!(normalize_header(a), *a, "alias {a} must be written normalized");
                    all.push(a.to_string());
                }
            }
            let n = all.len();
            all.sort();
            all.dedup();
            assert_eq!(n, all.len(), "{kind:?} has an alias used twice");
        }
    }
}
