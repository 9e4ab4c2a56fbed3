//! Import: bringing a clerk's spreadsheets into the register (SPEC §7, §15), and loading the
//! bundled District 6 example (SPEC §9) through the very same code.
//!
//! # Rooms
//! - [`csv`] reads a CSV file (as Excel saves it) into rows of cells;
//! - [`workbook`] reads a sheet of an `.xlsx`, `.xls` or `.ods` workbook into the same rows:
//!   it finds the header row below title rows, turns date cells into dates and numbers into
//!   text (restoring the leading zeros a spreadsheet drops), and names cells as `Sheet1!C7`;
//! - [`apply`] takes those rows, whatever file they came from, through the domain functions.
//!
//! This file holds what they share: the columns of each kind of file and their Vietnamese
//! names, the header's mapping, how problems are placed and reported, and the two passes.
//!
//! # How a header is read
//! The header row names the columns, in English (`name`, `id_number`) or Vietnamese (`Họ
//! tên`, `Số CCCD`), matched after folding case and diacritics; a `STT` (row number) column
//! is ignored. An unknown or doubled column, or a missing required one, refuses the file.
//!
//! # How a row is checked
//! Every row goes through the same domain function as the single command (`member add`,
//! `enroll` + `release`, `assign`, `review`, `support`, `member leave`), inside a
//! `SAVEPOINT`: a refused row is rolled back and checking goes on with the next, so that
//! every bad row is reported, as `FILE:LINE: column: problem` (a CSV file) or
//! `FILE:SHEET!CELL: column: problem` (a workbook). The column of a refusal is found by
//! checking the row's cells one by one with the same parsing and lookup functions the
//! domain uses (done only for a refused row, so good rows pay nothing for it). After the
//! last row, any error refuses the whole import and the caller's transaction rolls back:
//! all or nothing.
//!
//! # Duplicates
//! SPEC §7's duplicates are refused as errors, so importing a file twice writes nothing: a
//! case row whose person (identity number, or folded name and birth year) already has a
//! case enrolled on the same date, in the register or earlier in the file; a member row
//! with the same folded name, org and ward as a member already there.
//!
//! Nothing here prints: progress is reported through a callback with the bytes read.

mod apply;
mod bounds;
mod csv;
mod workbook;

use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

use anyhow::{Context, Result};
use rusqlite::Connection;

use crate::domain::{Ctx, Refusal};
use crate::text::fold;

pub use workbook::{is_workbook, MAX_WORKBOOK};

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
    /// `import reviews`: a member's sheet brought back (SPEC §17) — a review per filled row,
    /// and a support when its kind is given; rows not filled in are skipped.
    ReviewSheet,
    /// `import supports`: the columns of [`Kind::Supports`], by the rules of a sheet.
    SupportSheet,
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

/// `import reviews` (SPEC §17). Date and class are required of a filled row only (a row of
/// a sheet whose fill-in cells are all empty is a person not visited): checked by the row.
const REVIEW_SHEET_COLS: &[Col] = &[
    col("case_no", true, &["case", "ho so", "so ho so"]),
    col("reviewed_on", false, &["date", "ngay", "ngay tiep xuc", "date of contact"]),
    col("class", false, &["phan loai", "loai"]),
    col("member", false, &["by", "member id", "thanh vien", "nguoi tiep xuc"]),
    col("note", false, &["notes", "ghi chu", "nhan xet"]),
    col("support_kind", false, &["hinh thuc giup do", "hinh thuc", "kind of support"]),
    col("amount", false, &["so tien"]),
    col("support_note", false, &["ghi chu giup do", "noi dung giup do"]),
];

/// `import supports` (SPEC §17): the example's supports columns under their §17 names.
const SUPPORT_SHEET_COLS: &[Col] = &[
    col("case_no", true, &["case", "ho so", "so ho so"]),
    col("given_on", false, &["date", "ngay", "ngay giup do"]),
    col("kind", false, &["hinh thuc", "hinh thuc giup do", "support kind", "kind of support"]),
    col("amount", false, &["so tien"]),
    col("member", false, &["by", "member id", "thanh vien", "nguoi giup do"]),
    col("note", false, &["notes", "ghi chu"]),
];

/// The pre-filled columns of a member's sheet (`mh51 sheet`), ignored when it comes back.
const SHEET_IGNORED: &[&str] = &[
    "name",
    "ho ten",
    "ho va ten",
    "ward",
    "phuong",
    "address",
    "dia chi",
    "last contact",
    "last class",
    "lan tiep xuc gan nhat",
    "tiep xuc gan nhat",
    "loai gan nhat",
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
            Kind::ReviewSheet => REVIEW_SHEET_COLS,
            Kind::SupportSheet => SUPPORT_SHEET_COLS,
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
            Kind::ReviewSheet => "reviews",
            Kind::SupportSheet => "supports",
        }
    }

    /// A month's sheet brought back (`import reviews|supports`): rows not filled in are
    /// skipped, a workbook is read sheet by sheet, and the audit has a row per review or
    /// support only (the domain functions write them).
    fn is_sheet(self) -> bool {
        matches!(self, Kind::ReviewSheet | Kind::SupportSheet)
    }

    /// The fill-in columns: a row with all of them empty is a person not visited.
    fn fill_ins(self) -> &'static [usize] {
        match self {
            Kind::ReviewSheet => &[1, 2, 4, 5, 6, 7],
            Kind::SupportSheet => &[1, 2, 3, 5],
            _ => &[],
        }
    }
}

/// A header as compared: folded, every run of non-alphanumerics one space.
fn normalize_header(h: &str) -> String {
    let f = fold(h.trim_start_matches('\u{feff}'));
    let spaced: String = f.chars().map(|c| if c.is_alphanumeric() { c } else { ' ' }).collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn expected_columns(kind: Kind) -> String {
    kind.columns().iter().map(|c| c.name).collect::<Vec<_>>().join(",")
}

/// Where the rows come from, for naming a place in messages.
#[derive(Debug, Clone)]
enum Place {
    /// A CSV file: a place is its line (1 is the header).
    Csv,
    /// A sheet of a workbook: a place is a cell (`Sheet1!C7`), or a whole row (`Sheet1!7:7`).
    Sheet(String),
}

impl Place {
    /// `line` is the CSV line or the sheet's row (1-based); `col` the file's column (0-based).
    fn at(&self, line: u64, col: Option<usize>) -> String {
        match (self, col) {
            (Place::Csv, _) => line.to_string(),
            (Place::Sheet(s), Some(c)) => format!("{s}!{}{line}", column_letters(c)),
            (Place::Sheet(s), None) => format!("{s}!{line}:{line}"),
        }
    }
}

/// A spreadsheet's name for a 0-based column: A … Z, AA … AZ, BA …
pub(super) fn column_letters(mut c: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (c % 26) as u8);
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    out.reverse();
    String::from_utf8_lossy(&out).into_owned()
}

/// One problem, placed in the file.
#[derive(Debug, Clone)]
struct Problem {
    line: u64,
    /// The file's column of the cell, when the problem is in one.
    col: Option<usize>,
    column: String,
    what: Refusal,
}

/// One refusal listing every problem, one per line, as `FILE:PLACE: column: problem`.
fn report(file: &str, place: &Place, problems: &[Problem]) -> Refusal {
    let rows = {
        let mut lines: Vec<u64> = problems.iter().map(|p| p.line).collect();
        lines.dedup();
        lines.len()
    };
    let head = |vi: bool| crate::w!(vi, "import-bad-rows", file = file, rows = rows.to_string());
    let (mut en, mut vi) = (head(false), head(true));
    for p in problems {
        let at = place.at(p.line, p.col);
        en.push_str(&format!("\n{}:{}: {}: {}", file, at, p.column, p.what.en));
        vi.push_str(&format!("\n{}:{}: {}: {}", file, at, p.column, p.what.vi));
    }
    Refusal::new(en, vi)
}

/// Which of the kind's known column names a header cell is: `Some(Some(j))` column j,
/// `Some(None)` a row-number column (ignored), `None` unknown.
fn known_column(kind: Kind, cell: &str) -> Option<Option<usize>> {
    let n = normalize_header(cell);
    if IGNORED.contains(&n.as_str()) || (kind.is_sheet() && SHEET_IGNORED.contains(&n.as_str())) {
        return Some(None);
    }
    kind.columns().iter().position(|c| normalize_header(c.name) == n || c.aliases.contains(&n.as_str())).map(Some)
}

/// How `import reviews` reads a header cell: `Some(Some(column))` a column it takes,
/// `Some(None)` one it passes over (row number, a sheet's pre-filled columns), `None` one it
/// refuses. For `mh51 sheet`, whose headers must all be read back (SPEC §17).
pub fn review_sheet_column(header: &str) -> Option<Option<&'static str>> {
    known_column(Kind::ReviewSheet, header).map(|c| c.map(|j| Kind::ReviewSheet.columns()[j].name))
}

/// A file's header, mapped to the kind's columns.
struct Header {
    /// For each of the kind's columns, the index of its cell in the file's rows.
    map: Vec<Option<usize>>,
    /// For each of the kind's columns, its name as the file's header writes it (so the clerk
    /// finds it in her spreadsheet), or the canonical name where the file has no such column.
    labels: Vec<String>,
    /// The number of cells in the header row (up to its last non-empty one for a workbook).
    width: usize,
}

impl Header {
    fn label(&self, kind: Kind, canonical: &str) -> String {
        kind.columns()
            .iter()
            .position(|c| c.name == canonical)
            .map_or_else(|| canonical.to_string(), |i| self.labels[i].clone())
    }

    fn col(&self, kind: Kind, canonical: &str) -> Option<usize> {
        kind.columns().iter().position(|c| c.name == canonical).and_then(|i| self.map[i])
    }
}

/// Map the header's cells to the kind's columns; `line` is the header's place.
fn map_header(kind: Kind, file: &str, place: &Place, line: u64, header: &[&str]) -> Result<Header> {
    let cols = kind.columns();
    let mut map: Vec<Option<usize>> = vec![None; cols.len()];
    let mut problems = Vec::new();
    for (i, h) in header.iter().enumerate() {
        match known_column(kind, h) {
            Some(None) => {}
            Some(Some(j)) if map[j].is_some() => problems.push(Problem {
                line,
                col: Some(i),
                column: h.trim().to_string(),
                what: crate::refusal_w!("column-appears-twice", name = cols[j].name.to_string()),
            }),
            Some(Some(j)) => map[j] = Some(i),
            None => {
                let expected = expected_columns(kind);
                problems.push(Problem {
                    line,
                    col: Some(i),
                    column: h.trim().to_string(),
                    what: crate::refusal_w!("unknown-column-expected-their", expected = expected.to_string()),
                })
            }
        }
    }
    for (c, m) in cols.iter().zip(&map) {
        if c.required && m.is_none() {
            problems.push(Problem {
                line,
                col: None,
                column: c.name.into(),
                what: crate::refusal_w!("required-column-missing-from", name = c.name.to_string()),
            });
        }
    }
    if !problems.is_empty() {
        return Err(report(file, place, &problems).into());
    }
    let labels = cols
        .iter()
        .zip(&map)
        .map(|(c, i)| {
            i.and_then(|i| header.get(i))
                .map(|h| h.trim_start_matches('\u{feff}').trim().to_string())
                .filter(|h| !h.is_empty())
                .unwrap_or_else(|| c.name.to_string())
        })
        .collect();
    Ok(Header { map, labels, width: header.len() })
}

fn empty_file(kind: Kind, file: &str) -> anyhow::Error {
    let expected = expected_columns(kind);
    crate::refusal_w!("empty-expected-header-row", file = file.to_string(), expected = expected.to_string()).into()
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

/// The most data rows one file may hold (CSV or a workbook's sheet): twice a city's
/// 100,000 cases. Together with [`MAX_LOCK`] this bounds how long an import holds the write
/// lock, so that another clerk's command, which waits up to the busy timeout (30 s), never
/// fails because of it (SPEC §16).
pub const MAX_ROWS: usize = 200_000;

/// The longest an import may work (both passes): 20 s, well under the 30 s busy timeout. A
/// file that takes longer is refused, nothing written (on this machine 200,000 rows take
/// about 5 s; the limit is for a much slower computer).
pub const MAX_LOCK: std::time::Duration = std::time::Duration::from_secs(20);

thread_local! {
    /// When the running import began (set by [`two_passes`]).
    static STARTED: std::cell::Cell<Option<std::time::Instant>> = const { std::cell::Cell::new(None) };
}

/// Refuse a file past [`MAX_ROWS`] rows, or an import past [`MAX_LOCK`].
fn within_bounds(file: &str, rows: usize) -> Result<()> {
    if rows > MAX_ROWS {
        crate::refuse_w!("has-more-than-rows", file = file.to_string(), max_rows = MAX_ROWS.to_string());
    }
    if rows.is_multiple_of(256) && STARTED.get().is_some_and(|t| t.elapsed() > MAX_LOCK) {
        let s = MAX_LOCK.as_secs();
        crate::refuse_w!("importing-took-longer-than", file = file.to_string(), typed = s.to_string());
    }
    Ok(())
}

/// How the first pass is undone when it meets a bad row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Undo {
    /// The caller's transaction holds this import and nothing else (the `import` command):
    /// it is rolled back and begun again. Nothing is journaled for it meanwhile.
    Transaction,
    /// One savepoint around the file, rolled back to: for a transaction that did other work
    /// first (the example's files, loaded one after another into a new register).
    Savepoint,
}

/// Two passes at most. The first applies rows without a savepoint each (savepoints copy
/// every page a row touches, a sixth of the work) and stops at the first bad row; a clean
/// file is done then. Otherwise the first pass is undone ([`Undo`]) and the file read again
/// checking every row in its own savepoint, so that every bad row is reported. The domain
/// functions are the same in both passes.
///
/// With [`Undo::Transaction`] the first pass holds no savepoint at all. A savepoint around
/// the whole file made SQLite keep, in the statement journal (in memory), a copy of every
/// page of the register the import touched, and every statement with a trigger (each data
/// row's ledger trigger, in December 2026) then walked that journal to truncate its own
/// records: quadratic. On the city's register 10,000 reviews took 2.4 s, 20,000 took 9.6 s
/// and 100,000 passed the 20 s limit; without the savepoint 100,000 take about 2 s
/// (BENCHMARKS.md).
fn two_passes(conn: &Connection, undo: Undo, mut pass: impl FnMut(bool) -> Result<usize>) -> Result<usize> {
    // enroll + release + their audit rows + the checks use more statements than rusqlite
    // caches by default (16); re-preparing them for every row would double the work.
    conn.set_prepared_statement_cache_capacity(64);
    STARTED.set(Some(std::time::Instant::now()));
    if undo == Undo::Savepoint {
        conn.prepare_cached("SAVEPOINT import_file")?.execute([]).context("import savepoint")?;
    }
    let fast = pass(true);
    let needs_check = matches!(&fast, Err(e) if e.downcast_ref::<NeedsCheck>().is_some());
    if !needs_check {
        if fast.is_ok() && undo == Undo::Savepoint {
            conn.prepare_cached("RELEASE import_file")?.execute([]).context("import savepoint")?;
        }
        return fast;
    }
    match undo {
        Undo::Savepoint => {
            conn.prepare_cached("ROLLBACK TO import_file")?.execute([]).context("import savepoint")?;
            conn.prepare_cached("RELEASE import_file")?.execute([]).context("import savepoint")?;
        }
        Undo::Transaction => {
            // The write lock is let go for a moment: another clerk's write may come in, and
            // the rows are then checked against it. The ledger's record is started afresh
            // (what the hook noted of the pass just rolled back is dropped), so that if the
            // rows now all pass, what is saved is recorded as every write is.
            conn.execute_batch("ROLLBACK; BEGIN IMMEDIATE").context("beginning again to check every row")?;
            crate::domain::ledger::start(conn)?;
        }
    }
    pass(false)
}

/// Read, check and apply a whole CSV file inside the caller's transaction, which must hold
/// this import and nothing else (to list a bad file's problems it is rolled back and begun
/// again); returns the number of rows applied. `file` names the file in messages. On any
/// bad row, returns a refusal listing every problem; the caller must then roll back (as
/// `db::write` does).
pub fn import<R: Read + Seek>(
    conn: &Connection,
    ctx: &Ctx,
    kind: Kind,
    file: &str,
    input: R,
    progress: &mut dyn FnMut(u64),
) -> Result<usize> {
    import_csv(conn, ctx, kind, file, input, progress, Undo::Transaction)
}

fn import_csv<R: Read + Seek>(
    conn: &Connection,
    ctx: &Ctx,
    kind: Kind,
    file: &str,
    mut input: R,
    progress: &mut dyn FnMut(u64),
    undo: Undo,
) -> Result<usize> {
    let mut first = true;
    two_passes(conn, undo, |fast| {
        if !first {
            input.seek(SeekFrom::Start(0)).with_context(|| format!("re-reading {file}"))?;
        }
        first = false;
        csv::pass(conn, ctx, kind, file, &mut input, progress, fast)
    })
}

/// Read, check and apply one sheet of a workbook (`.xlsx`, `.xls`, `.ods`) inside the
/// caller's transaction (holding nothing else, as for [`import`]), by the same rules as a
/// CSV file (SPEC §15); `sheet` defaults to the first. `file` names the file in messages.
pub fn import_workbook(
    conn: &Connection,
    ctx: &Ctx,
    kind: Kind,
    file: &str,
    path: &Path,
    sheet: Option<&str>,
) -> Result<usize> {
    let sheet = workbook::Sheet::read(kind, file, path, sheet)?;
    two_passes(conn, Undo::Transaction, |fast| sheet.pass(conn, ctx, kind, file, fast))
}

/// `import reviews|supports FILE` (SPEC §17): a CSV file, or every sheet of a workbook that
/// has a table (or the one named), by the rules of [`import`]; every problem of every sheet
/// is listed. A file with no filled row is refused. The sheets are one import: the first
/// pass stops at the first bad row of any sheet, and the second checks every sheet.
pub fn import_sheet(
    conn: &Connection,
    ctx: &Ctx,
    kind: Kind,
    file: &str,
    path: &Path,
    sheet: Option<&str>,
) -> Result<usize> {
    let n = if workbook::is_workbook(path) {
        let sheets = match sheet {
            Some(_) => vec![workbook::Sheet::read(kind, file, path, sheet)?],
            None => workbook::Sheet::read_all(kind, file, path)?,
        };
        two_passes(conn, Undo::Transaction, |fast| {
            let mut total = 0;
            let mut refused: Vec<Refusal> = Vec::new();
            for s in &sheets {
                match s.pass(conn, ctx, kind, file, fast) {
                    Ok(n) => total += n,
                    // A refused sheet in the first pass: every sheet is checked row by row.
                    Err(e) if fast && (e.is::<Refusal>() || e.is::<NeedsCheck>()) => return Err(NeedsCheck.into()),
                    Err(e) => refused.push(e.downcast::<Refusal>()?),
                }
            }
            if !refused.is_empty() {
                let en = refused.iter().map(|r| r.en.as_str()).collect::<Vec<_>>().join("\n");
                let vi = refused.iter().map(|r| r.vi.as_str()).collect::<Vec<_>>().join("\n");
                return Err(Refusal::new(en, vi).into());
            }
            Ok(total)
        })?
    } else {
        let input = std::fs::File::open(path).with_context(|| format!("opening {file}"))?;
        import(conn, ctx, kind, file, input, &mut |_| {})?
    };
    if n == 0 {
        return Err(crate::refusal_w!("no-row-filled-date", file = file.to_string()).into());
    }
    Ok(n)
}

// The bundled example ---------------------------------------------------------------------

/// The District 6 example (SPEC §9), compiled in so `demo` runs from any directory. The
/// files are made by `examples/quan6/generate.py`; member ids and case numbers in the
/// activity files are those a fresh database gives, in file order.
pub const QUAN6: &[(Kind, &str, &str)] = &[
    (Kind::Members, "examples/quan6/members.csv", include_str!("../../examples/quan6/members.csv")),
    (Kind::Cases, "examples/quan6/cases.csv", include_str!("../../examples/quan6/cases.csv")),
    (Kind::Assignments, "examples/quan6/assignments.csv", include_str!("../../examples/quan6/assignments.csv")),
    (Kind::Reviews, "examples/quan6/reviews.csv", include_str!("../../examples/quan6/reviews.csv")),
    (Kind::Supports, "examples/quan6/supports.csv", include_str!("../../examples/quan6/supports.csv")),
    (Kind::Departures, "examples/quan6/departures.csv", include_str!("../../examples/quan6/departures.csv")),
];

/// Load the example into a freshly seeded database, inside the caller's transaction;
/// returns the rows loaded per file, in the order of [`QUAN6`].
pub fn load_quan6(conn: &Connection, ctx: &Ctx) -> Result<Vec<(Kind, usize)>> {
    let mut out = Vec::new();
    for (kind, name, text) in QUAN6 {
        let n =
            import_csv(conn, ctx, *kind, name, std::io::Cursor::new(text.as_bytes()), &mut |_| {}, Undo::Savepoint)?;
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
        for kind in [
            Kind::Members,
            Kind::Cases,
            Kind::Assignments,
            Kind::Reviews,
            Kind::Supports,
            Kind::Departures,
            Kind::ReviewSheet,
            Kind::SupportSheet,
        ] {
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
