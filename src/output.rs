//! Rendering: table, CSV, JSON (and Excel for reports), and the vi/en labels.
//!
//! Every read command produces rows of [`Cell`]s under column keys (the English snake_case
//! names of SPEC §7, which are the CSV headers and JSON keys in every language). CSV and JSON
//! write the cells as they are. Rows are written through a [`Sink`] as they come, so an export
//! of a million rows runs in constant memory (the `table` format alone buffers, to size
//! columns).
//!
//! Tables are for people (SPEC §11): headers translated, and each value shown as the reader
//! reads it ([`shown`]): names for codes, `DD/MM/YYYY` in Vietnamese, figures with the
//! language's thousands separator. On a terminal a table is laid out for its width
//! ([`terminal_width`], `layout`): lines break only at spaces, so a number, date, case
//! number or code is never broken; when even the narrowest layout does not fit, only the
//! view's `ESSENTIAL` columns are shown and stderr says `--wide` shows all. Piped, a table
//! keeps its natural widths.

use crate::platform::OpenOptionsExt;
use std::collections::HashMap;
use std::fs::OpenOptions;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::Path;
use std::rc::Rc;

use anyhow::{Context, Result};
use comfy_table::{presets::UTF8_FULL_CONDENSED, CellAlignment, ContentArrangement, Table};

use crate::cli::Format;

use crate::report::export::Table as Export;

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
    /// The width a table is laid out for: `None` when the table keeps every column at its
    /// natural width (stdout piped or redirected, `-o FILE`, `--wide`).
    pub width: Option<usize>,
    /// `Some`: tables show values as a person reads them (names for codes, dates and numbers
    /// in the reader's form; SPEC §11). `None`: values exactly as stored (`query`, whose
    /// columns are the user's own SQL).
    pub names: Option<Rc<Names>>,
    /// What a report's `group` column holds.
    pub group: Group,
    /// The output goes to a terminal (stdout, not a file): CSV there shows control
    /// characters visibly (see [`Sink`]).
    pub terminal: bool,
}

impl Style {
    pub fn new(vi: bool, format: Format, bom: bool) -> Style {
        Style { vi, format, bom, width: None, names: None, group: Group::Code, terminal: false }
    }
}

/// What a report's `group` column holds, so a table can name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Group {
    /// Shown as it is (a member id).
    #[default]
    Code,
    Ward,
    Org,
    Category,
    Month,
    Quarter,
}

impl Group {
    /// The column whose values a group holds (a ward group reads as the `ward` column does).
    fn column(self) -> Option<&'static str> {
        match self {
            Group::Ward => Some("ward"),
            Group::Org => Some("org"),
            Group::Category => Some("category"),
            Group::Code | Group::Month | Group::Quarter => None,
        }
    }
}

/// The register's own dictionaries, code → name, so tables can name wards, organizations and
/// categories (read from the database by `read::names`).
#[derive(Debug, Clone, Default)]
pub struct Names {
    pub wards: HashMap<String, String>,
    pub orgs: HashMap<String, String>,
    pub categories: HashMap<String, String>,
}

/// The width of the terminal a table is for, or `None` when stdout is not a terminal (a
/// piped or redirected table keeps its natural width, as in Part I). `COLUMNS` wins over the
/// terminal's own size. `MH51_ASSUME_TTY=1` is a test hook: it makes mh51 lay tables out as
/// on a terminal (of `COLUMNS` columns, else 80) when stdout is a pipe, so the tests can check
/// the layout without a pseudo-terminal.
pub fn terminal_width() -> Option<usize> {
    let assume = std::env::var_os("MH51_ASSUME_TTY").is_some_and(|v| v == "1");
    if !assume && !io::stdout().is_terminal() {
        return None;
    }
    let columns = std::env::var("COLUMNS").ok().and_then(|c| c.trim().parse::<usize>().ok()).filter(|c| *c > 0);
    // A pseudo-terminal may report a size of 0 (never sized): take 80 columns then.
    columns.or_else(|| comfy_table::Table::new().width().map(usize::from).filter(|w| *w > 0)).or(Some(80))
}

/// Whether stdout is a terminal (or taken as one: `MH51_ASSUME_TTY=1`, see
/// [`terminal_width`]).
pub fn stdout_is_terminal() -> bool {
    std::env::var_os("MH51_ASSUME_TTY").is_some_and(|v| v == "1") || io::stdout().is_terminal()
}

/// Open the destination: stdout, or a new file created 0600 (never overwritten).
pub fn destination(path: Option<&Path>) -> Result<Box<dyn Write>> {
    match path {
        None => Ok(Box::new(BufWriter::with_capacity(1 << 16, io::stdout().lock()))),
        Some(p) => Ok(Box::new(BufWriter::new(crate::paths::create_output(p)?))),
    }
}

/// Create a new file with mode 0600 directly, refusing an existing path (never a link): only
/// for files inside mh51's own private temporary folder (the brief's page and log). A file at
/// a path the user gives goes through `crate::paths` instead.
pub fn create_private(p: &Path) -> Result<std::fs::File> {
    crate::paths::refuse_taken(p)?;
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(p)
        .with_context(|| format!("creating {}", p.display()))
}

/// Streams rows in one format.
///
/// Nothing from the data reaches a terminal as a control character (SPEC §16): a table (on
/// a terminal or not: it is for people) shows every control, bidirectional or invisible
/// character of a value visibly ([`crate::text::visible`]: ESC as `␛`); CSV shows them so
/// only when it goes to a terminal, and keeps every value exactly as stored in a file or a
/// pipe (it is data for another program); JSON escapes control characters itself
/// (`\u001b`).
pub struct Sink<'a> {
    style: Style,
    out: Box<dyn Write + 'a>,
    columns: Vec<String>,
    title: Option<String>,
    csv: Option<csv::Writer<Box<dyn Write + 'a>>>,
    buffered: Vec<Vec<Cell>>,
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
                w.write_record(&s.columns).map_err(csv_error)?;
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
                let terminal = self.style.terminal;
                if let Some(w) = self.csv.as_mut() {
                    w.write_record(cells.iter().map(|c| {
                        let t = csv_cell(c, guard);
                        if terminal {
                            crate::text::visible(&t).into_owned()
                        } else {
                            t
                        }
                    }))
                    .map_err(csv_error)?;
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
            Format::Table | Format::Xlsx => self.buffered.push(cells.to_vec()),
        }
        Ok(())
    }

    pub fn finish(mut self) -> Result<()> {
        match self.style.format {
            Format::Csv => {
                if let Some(w) = self.csv.take() {
                    // Keep the io::Error itself (not its text), so a reader that closed the pipe
                    // is recognised as such by main and the command ends quietly.
                    let mut inner =
                        w.into_inner().map_err(|e| anyhow::Error::new(e.into_error()).context("writing CSV"))?;
                    inner.flush().context("writing CSV")?;
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

/// A CSV error with its io::Error kept as the error itself: `csv::Error` does not expose it as
/// a source, so a broken pipe would otherwise be reported as a failure.
fn csv_error(e: csv::Error) -> anyhow::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(io) => anyhow::Error::new(io).context("writing CSV"),
        other => anyhow::anyhow!("writing CSV: {other:?}"),
    }
}

/// CSV cell text; with the Excel form, a text cell that a spreadsheet would run as a
/// formula (`=`, `+`, `-`, `@`) is prefixed with `'`.
fn csv_cell(c: &Cell, guard: bool) -> String {
    match c {
        Cell::Text(s) if guard && s.starts_with(['=', '+', '-', '@']) => format!("'{s}"),
        other => other.render(),
    }
}

// ---------------------------------------------------------------------------------------
// Tables for people (SPEC §11)
// ---------------------------------------------------------------------------------------

/// One value as a person reads it in a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    pub text: String,
    /// Never broken across lines, even at a space (a date-time, a ward's name, a month).
    /// Numbers, dates, case numbers and codes hold no space, and lines only ever break at
    /// spaces, so they are never broken either.
    pub whole: bool,
    /// Right-aligned (figures).
    pub right: bool,
}

impl Shown {
    fn text(s: impl Into<String>) -> Shown {
        Shown { text: s.into(), whole: false, right: false }
    }
    fn whole(s: impl Into<String>) -> Shown {
        Shown { text: s.into(), whole: true, right: false }
    }
    fn figure(s: impl Into<String>) -> Shown {
        Shown { text: s.into(), whole: true, right: true }
    }
}

/// Columns that hold a count or an amount, besides the figures of the summary and quota
/// reports: shown with the language's thousands separator.
const OTHER_FIGURES: &[&str] = &["amount", "open_cases", "progressed_this_year", "quota", "days_since"];

/// Whether a column holds a count or an amount (every summary and quota column but `group`).
fn is_figure(key: &str) -> bool {
    crate::report::summary::COLUMNS[1..].contains(&key)
        || crate::report::quota::COLUMNS[1..].contains(&key)
        || OTHER_FIGURES.contains(&key)
}

/// Columns that hold an ISO date: `DD/MM/YYYY` in Vietnamese tables.
const DATES: &[&str] = &[
    "birth_date",
    "enrolled_on",
    "released_on",
    "last_contact",
    "joined_on",
    "left_on",
    "start_on",
    "end_on",
    "reviewed_on",
    "given_on",
    "date",
    "from_on",
    "dissolved_on",
];

/// The columns that matter most in each view: when a table cannot fit the terminal even with
/// its headers and names wrapped, only these are shown (and stderr says `--wide` shows all).
/// A view is recognised by its exact column list; any other table keeps every column.
const ESSENTIAL: &[(&[&str], &[&str])] = &[
    (
        crate::report::summary::COLUMNS,
        &["group", "opening", "intake", "total_managed", "progressed", "exits", "closing"],
    ),
    // report quota --by ward|org, and --by member
    (crate::report::quota::COLUMNS, &["group", "members", "target", "achieved", "shortfall", "pct"]),
    (crate::report::quota::MEMBER_COLUMNS, &["group", "name", "target", "achieved", "shortfall"]),
    (crate::report::overdue::COLUMNS, &["case_no", "name", "member_name", "last_contact", "days_since"]),
    (crate::read::LIST_COLUMNS, &["case_no", "name", "ward", "enrolled_on", "member_name", "last_contact"]),
    (crate::read::MEMBER_COLUMNS, &["id", "name", "org", "ward", "open_cases", "progressed_this_year"]),
    (crate::read::AUDIT_COLUMNS, &["seq", "at", "actor", "action", "entity_key"]),
    (Export::Audit.columns(), &["seq", "at", "actor", "action", "entity_key"]),
    (Export::Cases.columns(), &["case_no", "name", "ward", "category", "enrolled_on", "released_on", "reason"]),
    (Export::Members.columns(), &["id", "name", "org", "ward", "joined_on"]),
];

/// Which of `columns` are essential (all of them for a view not listed in `ESSENTIAL`).
pub fn essential(columns: &[String]) -> Vec<bool> {
    let found =
        ESSENTIAL.iter().find(|(all, _)| all.len() == columns.len() && all.iter().zip(columns).all(|(a, b)| a == b));
    match found {
        Some((_, keep)) => columns.iter().map(|c| keep.contains(&c.as_str())).collect(),
        None => vec![true; columns.len()],
    }
}

/// English labels of the seeded organizations and categories (their Vietnamese names are the
/// names kept in the register). An organization or category added later, or renamed, is
/// shown by its name in the register in both languages.
const DICT_EN: &[(&str, &str, &str)] = &[
    ("org", "MTTQ", "Fatherland Front"),
    ("org", "CA", "Ward police"),
    ("org", "PN", "Women's Union"),
    ("org", "TN", "Youth Union"),
    ("org", "CCB", "Veterans' Association"),
    ("org", "NCT", "Elderly People's Association"),
    ("category", "prison", "Served a prison sentence"),
    ("category", "amnesty", "Amnesty, early release"),
    ("category", "suspended", "Suspended sentence"),
    ("category", "noncustodial", "Non-custodial reform"),
    ("category", "supervised", "Probation (quản chế)"),
    ("category", "ward_education", "Education in the ward"),
    ("category", "institution_return", "Back from a reform school or institution"),
    ("category", "drugs", "Drug use, after rehabilitation"),
    ("category", "youth", "Young offender"),
    ("category", "record", "Criminal record"),
    ("category", "other", "Other"),
];

fn dict_name(names: &HashMap<String, String>, seeded: &[(&str, &str)], dict: &str, code: &str, vi: bool) -> String {
    let Some(name) = names.get(code) else { return code.to_string() };
    if !vi {
        // The English label only while the name is still the seeded one.
        let seeded_name = seeded.iter().find(|(c, _)| *c == code).map(|(_, n)| *n);
        if seeded_name == Some(name.as_str()) {
            if let Some((_, _, en)) = DICT_EN.iter().find(|(d, c, _)| *d == dict && *c == code) {
                return en.to_string();
            }
        }
    }
    name.clone()
}

/// An organization's name as a person reads it: its English label while the register keeps
/// the seeded name, else the register's name (for titles that name a member's organization).
pub fn org_name(names: &Names, code: &str, vi: bool) -> String {
    dict_name(&names.orgs, crate::domain::register::DEFAULT_ORGS, "org", code, vi)
}

/// A closed-vocabulary code (reason, gender, support kind, review class) as a person reads
/// it, from the one table of labels in `domain::types`; an unknown code is shown as it is.
pub fn vocab(key: &str, code: &str, vi: bool) -> String {
    use crate::domain::types::{Class, Gender, Reason, SupportKind};
    let exact = |c: &str| c == code;
    match key {
        "reason" => Reason::ALL.iter().find(|r| exact(r.code())).map(|r| crate::text::capitalise(r.label(vi))),
        "gender" => Gender::ALL.iter().find(|g| exact(g.code())).map(|g| crate::text::capitalise(g.label(vi))),
        "kind" => SupportKind::ALL.iter().find(|k| exact(k.code())).map(|k| crate::text::capitalise(k.label(vi))),
        "class" => Class::ALL.iter().find(|k| exact(k.code())).map(|k| format!("{} ({})", k.code(), k.label(vi))),
        _ => None,
    }
    .unwrap_or_else(|| code.to_string())
}

/// A month (`2022-05`) or quarter (`2022-Q2`) group in words (`tháng 5/2022`, `quý II/2022`).
fn period_group(code: &str, vi: bool) -> Option<String> {
    // Today does not matter for a month or a quarter.
    let p = crate::domain::types::Period::parse(Some(code), chrono::NaiveDate::MIN).ok()?;
    Some(crate::human::period(&p, vi))
}

/// A value of column `key` as a person reads it (SPEC §11).
pub fn shown(style: &Style, key: &str, cell: &Cell) -> Shown {
    let vi = style.vi;
    let Some(names) = style.names.as_deref() else {
        // As stored (ad-hoc queries): only figures are right-aligned.
        let s = cell.render();
        let right = matches!(cell, Cell::Int(_) | Cell::Dec1(_) | Cell::Real(_));
        return Shown { text: s, whole: false, right };
    };
    let raw = match cell {
        Cell::Null => return Shown::text(""),
        Cell::Int(n) if is_figure(key) => return Shown::figure(crate::human::int(*n, vi)),
        Cell::Dec1(f) if key == "pct" => return Shown::figure(crate::human::pct(*f, vi)),
        Cell::Int(_) | Cell::Dec1(_) | Cell::Real(_) => return Shown::figure(cell.render()),
        Cell::Text(t) => t.as_str(),
    };
    let date = |s: &str| crate::domain::types::parse_date_any(s).ok().map(|d| crate::human::table_date(d, vi));
    match key {
        k if DATES.contains(&k) => Shown::whole(date(raw).unwrap_or_else(|| raw.to_string())),
        "at" if vi => {
            let t = chrono::NaiveDateTime::parse_from_str(raw, "%Y-%m-%dT%H:%M:%S");
            Shown::whole(t.map(|t| t.format("%d/%m/%Y %H:%M:%S").to_string()).unwrap_or_else(|_| raw.to_string()))
        }
        "ward" => Shown::whole(names.wards.get(raw).cloned().unwrap_or_else(|| raw.to_string())),
        "org" => Shown::text(dict_name(&names.orgs, crate::domain::register::DEFAULT_ORGS, "org", raw, vi)),
        "category" => {
            Shown::text(dict_name(&names.categories, crate::domain::register::DEFAULT_CATEGORIES, "category", raw, vi))
        }
        "reason" => match raw.strip_suffix(" ✓") {
            Some(code) => Shown::text(format!("{} ✓", vocab(key, code, vi))),
            None => Shown::text(vocab(key, raw, vi)),
        },
        "gender" | "kind" | "class" => Shown::text(vocab(key, raw, vi)),
        "status" | "event" => Shown::text(label(raw, vi)),
        // The audit's JSON detail gets a space after each comma so it can wrap between fields.
        "detail" if raw.starts_with('{') => Shown::text(raw.replace(',', ", ")),
        // SPEC §18: a Vietnamese table says `Tổng cộng` and `Chưa phân công`; CSV, JSON and
        // xlsx never pass through here and keep `TOTAL` and `unassigned` for scripts.
        "group" if raw == "TOTAL" => Shown::whole(crate::w!(vi, "table-total")),
        "group" if raw == "unassigned" => Shown::whole(crate::w!(vi, "table-unassigned")),
        "group" => match (style.group.column(), style.group) {
            // A ward, organization or category group reads as that column does.
            (Some(k), _) => shown(style, k, cell),
            (None, Group::Month | Group::Quarter) => {
                Shown::whole(period_group(raw, vi).unwrap_or_else(|| raw.to_string()))
            }
            (None, _) => Shown::whole(raw),
        },
        _ => Shown::text(raw),
    }
}

/// A table with translated headers and values as a person reads them, laid out for the
/// terminal's width when there is one (see `layout`).
pub fn render_table(style: &Style, columns: &[String], rows: &[Vec<Cell>], title: Option<&str>) -> String {
    // A dictionary's `name` is a ward's or an organization's name, not a person's ("Họ tên").
    let dictionary = columns.iter().any(|c| c == "code" || c == "unit");
    let headers: Vec<String> = columns
        .iter()
        .map(|c| match (c.as_str(), dictionary) {
            ("name", true) => (if style.vi { "Tên" } else { "Name" }).to_string(),
            _ => header(style, c),
        })
        .collect();
    let shown: Vec<Vec<Shown>> =
        rows.iter().map(|r| columns.iter().zip(r).map(|(k, c)| shown(style, k, c)).collect()).collect();
    render_shown(style, headers, shown, essential(columns), title)
}

/// A column's header; a report's `group` column is named by what it groups ("Phường", or the
/// register's own `ward_label`; "Đoàn thể", "Tháng", …) rather than the bare word "Group".
fn header(style: &Style, column: &str) -> String {
    if column != "group" {
        return label(column, style.vi);
    }
    match (style.group.column(), style.group) {
        (Some(k), _) => label(k, style.vi),
        (None, Group::Month) => (if style.vi { "Tháng" } else { "Month" }).to_string(),
        (None, Group::Quarter) => (if style.vi { "Quý" } else { "Quarter" }).to_string(),
        (None, _) => label(column, style.vi),
    }
}

/// Display width of a line (as the terminal shows it).
fn width_of(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

/// Columns added by the table's borders and padding (`│ a ┆ b │`).
fn overhead(n: usize) -> usize {
    3 * n + 1
}

/// The narrowest a column can be without breaking a word (or a whole value), and its natural
/// width.
fn bounds(header: &str, cells: &[&Shown]) -> (usize, usize) {
    let words = |s: &str| s.split([' ', '\n']).map(width_of).max().unwrap_or(0);
    let lines = |s: &str| s.lines().map(width_of).max().unwrap_or(0);
    let mut min = words(header);
    let mut natural = lines(header);
    for c in cells {
        min = min.max(if c.whole { lines(&c.text) } else { words(&c.text) });
        natural = natural.max(lines(&c.text));
    }
    (min, natural.max(min))
}

/// Column widths for a table of `n` columns on a screen `width` wide: natural widths when
/// they fit, else each column at least its narrowest and the room left shared out to the
/// columns that want it most. `None` when even the narrowest layout does not fit.
fn layout(width: usize, b: &[(usize, usize)]) -> Option<Vec<usize>> {
    let room = width.checked_sub(overhead(b.len()))?;
    if b.iter().map(|x| x.1).sum::<usize>() <= room {
        return Some(b.iter().map(|x| x.1).collect());
    }
    let mut w: Vec<usize> = b.iter().map(|x| x.0).collect();
    let mut left = room.checked_sub(w.iter().sum())?;
    while left > 0 {
        // The column furthest from its natural width gets the next character.
        let Some((i, _)) =
            w.iter().enumerate().map(|(i, cur)| (i, b[i].1 - cur)).filter(|x| x.1 > 0).max_by_key(|x| x.1)
        else {
            break;
        };
        w[i] += 1;
        left -= 1;
    }
    Some(w)
}

/// Break text into lines of at most `width` at spaces; a word longer than the width stays
/// whole on its own line. Existing line breaks are kept.
pub fn wrap(text: &str, width: usize) -> String {
    let mut out: Vec<String> = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        for word in para.split(' ').filter(|w| !w.is_empty()) {
            if !line.is_empty() && width_of(&line) + 1 + width_of(word) > width {
                out.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        out.push(line);
    }
    out.join("\n")
}

fn render_shown(
    style: &Style,
    headers: Vec<String>,
    mut rows: Vec<Vec<Shown>>,
    essential: Vec<bool>,
    title: Option<&str>,
) -> String {
    // Nothing from the data reaches the terminal as a control character (SPEC §16).
    let seen = |s: &mut String| {
        if let std::borrow::Cow::Owned(v) = crate::text::visible(s) {
            *s = v;
        }
    };
    let mut headers = headers;
    headers.iter_mut().for_each(seen);
    rows.iter_mut().flatten().for_each(|c| seen(&mut c.text));
    let title = title.map(|t| crate::text::visible(t).into_owned());
    let title = title.as_deref();
    let n = headers.len();
    let col_bounds = |keep: &[usize]| -> Vec<(usize, usize)> {
        keep.iter().map(|&c| bounds(&headers[c], &rows.iter().filter_map(|r| r.get(c)).collect::<Vec<_>>())).collect()
    };
    let all: Vec<usize> = (0..n).collect();
    // Which columns, how wide: natural on a pipe; else all columns if they fit, else the
    // view's essential ones.
    let mut keep = all.clone();
    let mut widths: Option<Vec<usize>> = None;
    if let Some(width) = style.width {
        let b = col_bounds(&all);
        widths = layout(width, &b);
        if widths.is_none() && essential.iter().any(|e| !e) {
            let few: Vec<usize> = all.iter().copied().filter(|&c| essential[c]).collect();
            let hidden: Vec<&str> = all.iter().filter(|&&c| !essential[c]).map(|&c| headers[c].as_str()).collect();
            let note = if style.vi {
                format!(
                    "lưu ý: bảng không vừa {width} cột của màn hình; đã ẩn {} cột: {} (thêm --wide để xem mọi cột)",
                    hidden.len(),
                    hidden.join(", ")
                )
            } else {
                format!(
                    "note: the table does not fit {width} columns; {} hidden: {} (add --wide to see every column)",
                    hidden.len(),
                    hidden.join(", ")
                )
            };
            eprintln!("{}", wrap(&note, width));
            keep = few;
        }
        let b = col_bounds(&keep);
        // When even the narrowest layout overflows, take it anyway: a number is never broken.
        widths = Some(layout(width, &b).unwrap_or_else(|| b.iter().map(|x| x.0).collect()));
    }
    let fit = |text: &str, c: usize| -> String {
        match &widths {
            Some(w) => wrap(text, w[c]),
            None => text.to_string(),
        }
    };
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED);
    t.set_content_arrangement(ContentArrangement::Disabled);
    t.set_header(keep.iter().enumerate().map(|(i, &c)| fit(&headers[c], i)));
    for r in &rows {
        t.add_row(keep.iter().enumerate().map(|(i, &c)| {
            let s = r.get(c).cloned().unwrap_or_else(|| Shown::text(""));
            let text = if s.whole { s.text.clone() } else { fit(&s.text, i) };
            let cell = comfy_table::Cell::new(text);
            if s.right {
                cell.set_alignment(CellAlignment::Right)
            } else {
                cell
            }
        }));
    }
    let mut s = String::new();
    if let Some(title) = title {
        s.push_str(&match style.width {
            Some(w) => wrap(title, w),
            None => title.to_string(),
        });
        s.push('\n');
    }
    s.push_str(&t.to_string());
    s.push('\n');
    if rows.is_empty() {
        s.push_str(if style.vi { "(không có dòng nào)\n" } else { "(no rows)\n" });
    }
    s
}

/// The register's own word for its sub-units (`mh51 settings ward_label "Khu phố"`), set
/// once per run when the database is opened; table headers and titles use it for "ward".
static WARD_LABEL: std::sync::OnceLock<String> = std::sync::OnceLock::new();

pub fn set_ward_label(label: &str) {
    let _ = WARD_LABEL.set(label.to_string());
}

/// The register's own word for its sub-units, when it has set one.
pub fn ward_label() -> Option<&'static str> {
    WARD_LABEL.get().map(String::as_str)
}

/// Labels of column keys and words, from the catalogue (SPEC §18: `label-KEY`, and the sent
/// periods' `column-*`); `None` for a key with no label (shown as it is).
fn catalogued(key: &str, vi: bool) -> Option<String> {
    Some(match key {
        "case_no" => crate::w!(vi, "label-case_no"),
        "person_id" => crate::w!(vi, "label-person_id"),
        "name" => crate::w!(vi, "label-name"),
        "birth_year" => crate::w!(vi, "label-birth_year"),
        "birth_date" => crate::w!(vi, "label-birth_date"),
        "gender" => crate::w!(vi, "label-gender"),
        "id_number" => crate::w!(vi, "label-id_number"),
        "address" => crate::w!(vi, "label-address"),
        "ward" => crate::w!(vi, "label-ward"),
        "category" => crate::w!(vi, "label-category"),
        "enrolled_on" => crate::w!(vi, "label-enrolled_on"),
        "released_on" => crate::w!(vi, "label-released_on"),
        "reason" => crate::w!(vi, "label-reason"),
        "credited_member_id" => crate::w!(vi, "label-credited_member_id"),
        "member_id" => crate::w!(vi, "label-member_id"),
        "member_name" => crate::w!(vi, "label-member_name"),
        "note" => crate::w!(vi, "label-note"),
        "org" => crate::w!(vi, "label-org"),
        "last_contact" => crate::w!(vi, "label-last_contact"),
        "days_since" => crate::w!(vi, "label-days_since"),
        "id" => crate::w!(vi, "label-id"),
        "phone" => crate::w!(vi, "label-phone"),
        "joined_on" => crate::w!(vi, "label-joined_on"),
        "left_on" => crate::w!(vi, "label-left_on"),
        "open_cases" => crate::w!(vi, "label-open_cases"),
        "progressed_this_year" => crate::w!(vi, "label-progressed_this_year"),
        "quota" => crate::w!(vi, "label-quota"),
        "start_on" => crate::w!(vi, "label-start_on"),
        "end_on" => crate::w!(vi, "label-end_on"),
        "reviewed_on" => crate::w!(vi, "label-reviewed_on"),
        "class" => crate::w!(vi, "label-class"),
        "given_on" => crate::w!(vi, "label-given_on"),
        "kind" => crate::w!(vi, "label-kind"),
        "amount" => crate::w!(vi, "label-amount"),
        "code" => crate::w!(vi, "label-code"),
        "seq" => crate::w!(vi, "label-seq"),
        "at" => crate::w!(vi, "label-at"),
        "actor" => crate::w!(vi, "label-actor"),
        "action" => crate::w!(vi, "label-action"),
        "entity" => crate::w!(vi, "label-entity"),
        "entity_key" => crate::w!(vi, "label-entity_key"),
        "detail" => crate::w!(vi, "label-detail"),
        "prev_hash" => crate::w!(vi, "label-prev_hash"),
        "hash" => crate::w!(vi, "label-hash"),
        "status" => crate::w!(vi, "label-status"),
        "date" => crate::w!(vi, "label-date"),
        "event" => crate::w!(vi, "label-event"),
        "field" => crate::w!(vi, "label-field"),
        "value" => crate::w!(vi, "label-value"),
        "group" => crate::w!(vi, "label-group"),
        "opening" => crate::w!(vi, "label-opening"),
        "intake" => crate::w!(vi, "label-intake"),
        "total_managed" => crate::w!(vi, "label-total_managed"),
        "progressed" => crate::w!(vi, "label-progressed"),
        "moved" => crate::w!(vi, "label-moved"),
        "deceased" => crate::w!(vi, "label-deceased"),
        "reoffended" => crate::w!(vi, "label-reoffended"),
        "institution" => crate::w!(vi, "label-institution"),
        "other" => crate::w!(vi, "label-other"),
        "exits" => crate::w!(vi, "label-exits"),
        "closing" => crate::w!(vi, "label-closing"),
        "contacts" => crate::w!(vi, "label-contacts"),
        "supports" => crate::w!(vi, "label-supports"),
        "loan_amount" => crate::w!(vi, "label-loan_amount"),
        "members" => crate::w!(vi, "label-members"),
        "target" => crate::w!(vi, "label-target"),
        "achieved" => crate::w!(vi, "label-achieved"),
        "members_met" => crate::w!(vi, "label-members_met"),
        "shortfall" => crate::w!(vi, "label-shortfall"),
        "pct" => crate::w!(vi, "label-pct"),
        "cases" => crate::w!(vi, "label-cases"),
        "contacted" => crate::w!(vi, "label-contacted"),
        "not_contacted" => crate::w!(vi, "label-not_contacted"),
        "voided_on" => crate::w!(vi, "label-voided_on"),
        "void_reason" => crate::w!(vi, "label-void_reason"),
        "open" => crate::w!(vi, "label-open"),
        "released" => crate::w!(vi, "label-released"),
        "unassigned" => crate::w!(vi, "label-unassigned"),
        "enroll" => crate::w!(vi, "label-enroll"),
        "assign" => crate::w!(vi, "label-assign"),
        "unassign" => crate::w!(vi, "label-unassign"),
        "review" => crate::w!(vi, "label-review"),
        "support" => crate::w!(vi, "label-support"),
        "release" => crate::w!(vi, "label-release"),
        "move" => crate::w!(vi, "label-move"),
        "join" => crate::w!(vi, "label-join"),
        "merge" => crate::w!(vi, "label-merge"),
        "from_on" => crate::w!(vi, "label-from_on"),
        "dissolved_on" => crate::w!(vi, "label-dissolved_on"),
        "successor" => crate::w!(vi, "label-successor"),
        "key" => crate::w!(vi, "label-key"),
        "period" => crate::w!(vi, "column-period"),
        "period_from" => crate::w!(vi, "column-period_from"),
        "period_to" => crate::w!(vi, "column-period_to"),
        "sent_at" => crate::w!(vi, "column-sent_at"),
        "reopened_at" => crate::w!(vi, "column-reopened_at"),
        "reopen_reason" => crate::w!(vi, "column-reopen_reason"),
        "sent" => crate::w!(vi, "period-status-sent"),
        "reopened" => crate::w!(vi, "period-status-reopened"),
        _ => return None,
    })
}

/// Label of a column key or a word, in the user's language.
pub fn label(key: &str, vi: bool) -> String {
    if let Some(l) = city_label(key, vi) {
        return l;
    }
    if key == "ward" {
        if let Some(l) = WARD_LABEL.get() {
            return l.clone();
        }
    }
    catalogued(key, vi).unwrap_or_else(|| key.to_string())
}

/// The city register's own columns and values (SPEC §19), from the catalogue.
fn city_label(key: &str, vi: bool) -> Option<String> {
    Some(match key {
        "unit" => crate::w!(vi, "city-col-unit"),
        "unit_a" => crate::w!(vi, "city-col-unit-a"),
        "unit_b" => crate::w!(vi, "city-col-unit-b"),
        "case_a" => crate::w!(vi, "city-col-case-a"),
        "case_b" => crate::w!(vi, "city-col-case-b"),
        "match" => crate::w!(vi, "city-col-match"),
        "revision" => crate::w!(vi, "city-col-revision"),
        "revisions" => crate::w!(vi, "city-col-revisions"),
        "received_at" => crate::w!(vi, "city-col-received-at"),
        "made_at" => crate::w!(vi, "city-col-made-at"),
        "audit_head" => crate::w!(vi, "city-col-audit-head"),
        "fingerprint" => crate::w!(vi, "city-col-fingerprint"),
        "public_key" => crate::w!(vi, "city-col-public-key"),
        "added_at" => crate::w!(vi, "city-col-added-at"),
        "received" => crate::w!(vi, "city-status-received"),
        "missing" => crate::w!(vi, "city-status-missing"),
        _ => return None,
    })
}

/// Print a small key/value block (for `show`): each value as a person reads it.
pub fn pairs(style: &Style, out: &mut dyn Write, title: &str, pairs: &[(&str, Cell)]) -> Result<()> {
    let headers = vec![label("field", style.vi), label("value", style.vi)];
    // One value per line: all left-aligned, figures included.
    let rows: Vec<Vec<Shown>> = pairs
        .iter()
        .map(|(k, v)| vec![Shown::text(label(k, style.vi)), Shown { right: false, ..shown(style, k, v) }])
        .collect();
    let t = render_shown(style, headers, rows, vec![true, true], Some(title));
    out.write_all(t.as_bytes())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_only_at_spaces() {
        assert_eq!(wrap("Total managed", 7), "Total\nmanaged");
        assert_eq!(wrap("Total managed", 13), "Total managed");
        // A word wider than the column stays whole.
        assert_eq!(wrap("298.000.000 đ", 5), "298.000.000\nđ");
        assert_eq!(wrap("a b c", 3), "a b\nc");
    }

    #[test]
    fn layout_gives_natural_widths_when_they_fit_else_shares_the_room() {
        // Two columns: natural 10 and 20, narrowest 4 and 5; overhead 3 × 2 + 1 = 7.
        let b = [(4, 10), (5, 20)];
        assert_eq!(layout(37, &b), Some(vec![10, 20]));
        let w = layout(30, &b).unwrap();
        assert_eq!(w.iter().sum::<usize>(), 23);
        assert!(w[0] >= 4 && w[1] >= 5 && w[0] <= 10 && w[1] <= 20, "{w:?}");
        assert_eq!(layout(16, &b), Some(vec![4, 5]));
        assert_eq!(layout(15, &b), None);
    }

    #[test]
    fn figures_dates_and_names_in_the_readers_language() {
        let mut names = Names::default();
        names.wards.insert("5".into(), "Phường 5".into());
        names.orgs.insert("PN".into(), "Hội Liên hiệp Phụ nữ".into());
        names.orgs.insert("X".into(), "Tổ tự quản".into());
        let style = |vi| Style { names: Some(Rc::new(names.clone())), ..Style::new(vi, Format::Table, false) };
        let t = |vi, k: &str, c: Cell| shown(&style(vi), k, &c).text;
        assert_eq!(t(true, "loan_amount", Cell::Int(298_000_000)), "298.000.000");
        assert_eq!(t(false, "loan_amount", Cell::Int(298_000_000)), "298,000,000");
        // Ids and years are not figures.
        assert_eq!(t(false, "member_id", Cell::Int(1234)), "1234");
        assert_eq!(t(true, "birth_year", Cell::Int(1990)), "1990");
        assert_eq!(t(true, "enrolled_on", Cell::text("2022-05-20")), "20/05/2022");
        assert_eq!(t(false, "enrolled_on", Cell::text("2022-05-20")), "2022-05-20");
        assert_eq!(t(true, "ward", Cell::text("5")), "Phường 5");
        assert_eq!(t(true, "org", Cell::text("PN")), "Hội Liên hiệp Phụ nữ");
        assert_eq!(t(false, "org", Cell::text("PN")), "Women's Union");
        // An org added later has no built-in English label: its name.
        assert_eq!(t(false, "org", Cell::text("X")), "Tổ tự quản");
        assert_eq!(t(true, "reason", Cell::text("progressed ✓")), "Tiến bộ ✓");
        assert_eq!(t(false, "gender", Cell::text("female")), "Female");
        assert_eq!(t(true, "pct", Cell::Dec1(12.5)), "12,5");
        let mut g = style(true);
        g.group = Group::Ward;
        assert_eq!(shown(&g, "group", &Cell::text("5")).text, "Phường 5");
        assert_eq!(shown(&g, "group", &Cell::text("TOTAL")).text, "Tổng cộng");
        assert_eq!(shown(&g, "group", &Cell::text("unassigned")).text, "Chưa phân công");
        assert_eq!(shown(&style(false), "group", &Cell::text("TOTAL")).text, "TOTAL");
        g.group = Group::Quarter;
        assert_eq!(shown(&g, "group", &Cell::text("2022-Q1")).text, "quý I/2022");
        // Without names (query): as stored.
        let raw = Style::new(true, Format::Table, false);
        assert_eq!(shown(&raw, "enrolled_on", &Cell::text("2022-05-20")).text, "2022-05-20");
        assert_eq!(shown(&raw, "loan_amount", &Cell::Int(1000)).text, "1000");
    }

    #[test]
    fn views_have_essential_columns() {
        let cols = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let summary = essential(&cols(crate::report::summary::COLUMNS));
        assert_eq!(summary.iter().filter(|e| **e).count(), 7);
        assert!(essential(&cols(&["a", "b"])).iter().all(|e| *e));
    }
}
