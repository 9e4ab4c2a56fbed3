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
//! view's essential columns ([`View`]) are shown and stderr says `--wide` shows all. Piped, a table
//! keeps its natural widths.

use std::io::{self, IsTerminal, Write};
use std::rc::Rc;

use anyhow::{Context, Result};
use comfy_table::{presets::UTF8_FULL_CONDENSED, CellAlignment, ContentArrangement, Table};

use crate::labels::label;
use crate::view::{json_object, kind_of, Cell, Format, Group, Kind, Labels, View};

/// Where output goes and how.
#[derive(Clone)]
pub struct Style {
    pub vi: bool,
    pub format: Format,
    pub bom: bool,
    /// The width a table is laid out for: `None` when the table keeps every column at its
    /// natural width (stdout piped or redirected, `-o FILE`, `--wide`).
    pub width: Option<usize>,
    /// `Some`: tables show values as a person reads them (names for codes, dates and numbers
    /// in the reader's form; SPEC §11), with these words for them. `None`: values exactly as
    /// stored (`query`, whose columns are the user's own SQL).
    pub labels: Option<Rc<dyn Labels>>,
    /// What a report's `group` column holds.
    pub group: Group,
    /// The output goes to a terminal (stdout, not a file): CSV there shows control
    /// characters visibly (see [`Sink`]).
    pub terminal: bool,
}

impl Style {
    pub fn new(vi: bool, format: Format, bom: bool) -> Style {
        Style { vi, format, bom, width: None, labels: None, group: Group::Code, terminal: false }
    }
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
    essential: Vec<bool>,
    title: Option<String>,
    csv: Option<csv::Writer<Box<dyn Write + 'a>>>,
    /// A CSV value that is not the cell's own text, written here (see `csv_cell`).
    scratch: String,
    buffered: Vec<Vec<Cell>>,
    json_rows: usize,
}

impl<'a> Sink<'a> {
    pub fn new(style: Style, out: Box<dyn Write + 'a>, view: View<'_>, title: Option<String>) -> Result<Sink<'a>> {
        let mut s = Sink {
            style,
            out,
            columns: view.columns.iter().map(|c| c.to_string()).collect(),
            essential: view.essential_mask(),
            title,
            csv: None,
            scratch: String::new(),
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
                    for c in cells {
                        let t = csv_cell(c, guard, &mut self.scratch);
                        let t = if terminal { crate::text::visible(t) } else { std::borrow::Cow::Borrowed(t) };
                        w.write_field(t.as_bytes()).map_err(csv_error)?;
                    }
                    // Ends the record (the fields above are its fields).
                    w.write_record(None::<&[u8]>).map_err(csv_error)?;
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
                let t = table_of(&self.style, &self.columns, &self.essential, &self.buffered, self.title.as_deref());
                self.out.write_all(t.as_bytes())?;
                self.out.flush()?;
            }
        }
        Ok(())
    }
}

/// A CSV error with its io::Error kept as the error itself: `csv::Error` does not expose it as
/// a source, so a broken pipe would otherwise be reported as a failure.
fn csv_error(e: csv::Error) -> anyhow::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(io) => anyhow::Error::new(io).context("writing CSV"),
        other => anyhow::anyhow!("writing CSV: {other:?}"),
    }
}

/// A cell as CSV writes it: [`Cell::render`], except that with the Excel form a text cell a
/// spreadsheet would run as a formula (`=`, `+`, `-`, `@`) is prefixed with `'`. Borrowed from
/// the cell when it is its own text, else written into `scratch` (reused from cell to cell).
fn csv_cell<'s>(c: &'s Cell, guard: bool, scratch: &'s mut String) -> &'s str {
    use std::fmt::Write as _;
    scratch.clear();
    // Writing to a String cannot fail.
    let _ = match c {
        Cell::Null => return "",
        Cell::Text(s) if guard && s.starts_with(['=', '+', '-', '@']) => write!(scratch, "'{s}"),
        Cell::Text(s) => return s,
        Cell::Int(i) => write!(scratch, "{i}"),
        Cell::Dec1(f) => write!(scratch, "{f:.1}"),
        Cell::Real(f) => write!(scratch, "{f}"),
    };
    scratch
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

/// A value of column `key` as a person reads it (SPEC §11): by what the column holds
/// ([`view::kind_of`]), the same in every view.
pub fn shown(style: &Style, key: &str, cell: &Cell) -> Shown {
    shown_as(style, kind_of(key), cell)
}

/// A value of a column of kind `kind` as a person reads it.
fn shown_as(style: &Style, kind: Kind, cell: &Cell) -> Shown {
    let vi = style.vi;
    let Some(labels) = style.labels.as_deref() else {
        // As stored (ad-hoc queries): only figures are right-aligned.
        let s = cell.render();
        let right = matches!(cell, Cell::Int(_) | Cell::Dec1(_) | Cell::Real(_));
        return Shown { text: s, whole: false, right };
    };
    let raw = match cell {
        Cell::Null => return Shown::text(""),
        Cell::Int(n) if matches!(kind, Kind::Figure | Kind::Percent) => {
            return Shown::figure(crate::human::int(*n, vi))
        }
        Cell::Dec1(f) if kind == Kind::Percent => return Shown::figure(crate::human::pct(*f, vi)),
        Cell::Int(_) | Cell::Dec1(_) | Cell::Real(_) => return Shown::figure(cell.render()),
        Cell::Text(t) => t.as_str(),
    };
    let or_raw = |s: Option<String>| s.unwrap_or_else(|| raw.to_string());
    match kind {
        Kind::Date => Shown::whole(or_raw(labels.date(raw, vi))),
        Kind::DateTime if vi => {
            let t = chrono::NaiveDateTime::parse_from_str(raw, "%Y-%m-%dT%H:%M:%S");
            Shown::whole(t.map(|t| t.format("%d/%m/%Y %H:%M:%S").to_string()).unwrap_or_else(|_| raw.to_string()))
        }
        Kind::Ward => Shown::whole(or_raw(labels.ward(raw))),
        Kind::Org | Kind::Category => Shown::text(or_raw(labels.dictionary(kind, raw, vi))),
        Kind::Reason => match raw.strip_suffix(" ✓") {
            Some(code) => {
                Shown::text(format!("{} ✓", labels.vocabulary(kind, code, vi).unwrap_or_else(|| code.to_string())))
            }
            None => Shown::text(or_raw(labels.vocabulary(kind, raw, vi))),
        },
        Kind::Gender | Kind::SupportKind | Kind::Class => Shown::text(or_raw(labels.vocabulary(kind, raw, vi))),
        Kind::Word => Shown::text(label(raw, vi)),
        // The audit's JSON detail gets a space after each comma so it can wrap between fields.
        Kind::Detail if raw.starts_with('{') => Shown::text(raw.replace(',', ", ")),
        // SPEC §18: a Vietnamese table says `Tổng cộng` and `Chưa phân công`; CSV, JSON and
        // xlsx never pass through here and keep `TOTAL` and `unassigned` for scripts.
        Kind::Group if raw == "TOTAL" => Shown::whole(crate::w!(vi, "table-total")),
        Kind::Group if raw == "unassigned" => Shown::whole(crate::w!(vi, "table-unassigned")),
        Kind::Group => match (style.group.kind(), style.group) {
            // A ward, organization or category group reads as that column does.
            (Some(k), _) => shown_as(style, k, cell),
            (None, Group::Month | Group::Quarter) => Shown::whole(or_raw(labels.period(raw, vi))),
            (None, _) => Shown::whole(raw),
        },
        _ => Shown::text(raw),
    }
}

/// A table with translated headers and values as a person reads them, laid out for the
/// terminal's width when there is one (see `layout`).
pub fn render_table(style: &Style, view: View<'_>, rows: &[Vec<Cell>], title: Option<&str>) -> String {
    let columns: Vec<String> = view.columns.iter().map(|c| c.to_string()).collect();
    table_of(style, &columns, &view.essential_mask(), rows, title)
}

fn table_of(style: &Style, columns: &[String], essential: &[bool], rows: &[Vec<Cell>], title: Option<&str>) -> String {
    // A dictionary's `name` is a ward's or an organization's name, not a person's ("Họ tên").
    let dictionary = columns.iter().any(|c| c == "code" || c == "unit");
    let headers: Vec<String> = columns
        .iter()
        .map(|c| match (c.as_str(), dictionary) {
            ("name", true) => crate::w!(style.vi, "table-dictionary-name"),
            _ => header(style, c),
        })
        .collect();
    let shown: Vec<Vec<Shown>> =
        rows.iter().map(|r| columns.iter().zip(r).map(|(k, c)| shown(style, k, c)).collect()).collect();
    render_shown(style, headers, shown, essential.to_vec(), title)
}

/// A column's header; a report's `group` column is named by what it groups ("Phường", or the
/// register's own `ward_label`; "Đoàn thể", "Tháng", …) rather than the bare word "Group".
fn header(style: &Style, column: &str) -> String {
    if column != "group" {
        return label(column, style.vi);
    }
    match (style.group.column(), style.group) {
        (Some(k), _) => label(k, style.vi),
        (None, Group::Month) => crate::w!(style.vi, "table-group-month"),
        (None, Group::Quarter) => crate::w!(style.vi, "table-group-quarter"),
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
            let note = crate::w!(
                style.vi,
                "table-hidden-columns",
                width = width,
                count = hidden.len(),
                hidden = hidden.join(", ")
            );
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
        s.push_str(&crate::w!(style.vi, "table-no-rows"));
        s.push('\n');
    }
    s
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

    /// A CSV value is the cell's rendering, a formula's first character guarded when asked,
    /// whatever the scratch buffer held before (it is shared by every cell of an export).
    #[test]
    fn a_csv_value_is_the_cells_rendering_whatever_came_before() {
        let cells = [
            Cell::Text("=1+2".into()),
            Cell::Int(-7),
            Cell::Null,
            Cell::Dec1(33.349),
            Cell::Real(0.1),
            Cell::Text("@x".into()),
            Cell::Text("plain".into()),
            Cell::Int(1_000_000),
        ];
        let mut scratch = String::from("left over from before");
        for guard in [false, true] {
            for c in &cells {
                let want = match c {
                    Cell::Text(t) if guard && t.starts_with(['=', '+', '-', '@']) => format!("'{t}"),
                    other => other.render(),
                };
                assert_eq!(csv_cell(c, guard, &mut scratch), want, "{c:?}, guard {guard}");
            }
        }
        assert_eq!(csv_cell(&Cell::Dec1(33.349), false, &mut scratch), "33.3");
        assert_eq!(csv_cell(&Cell::Text("-5".into()), true, &mut scratch), "'-5");
    }

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

    /// SPEC §18, issue 19 item 5: the rendering layer is a leaf. `output` reads the view types
    /// (`crate::view`, which imports nothing of the crate) and text helpers only — never a
    /// report, a read command, the command line, the domain or the database — and no report
    /// reads `output`.
    #[test]
    fn the_rendering_layer_depends_on_nothing_of_the_reports_or_the_domain() {
        // The code above the tests, without comments (docs may name other modules).
        let product = |src: &'static str| -> String {
            let code = src.split("#[cfg(test)]").next().unwrap_or(src);
            code.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n")
        };
        let output = &product(include_str!("output.rs"));
        for forbidden in ["report", "read", "cmd", "cli", "domain", "db", "vocabulary", "upward", "import"] {
            let path = format!("crate::{forbidden}");
            let found = output.lines().any(|l| {
                l.match_indices(&path)
                    .any(|(i, _)| !l[i + path.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_'))
            });
            assert!(!found, "output.rs uses {path}");
        }
        assert!(!output.contains("use crate::{"), "output.rs imports through a group; name each module");
        let view = &product(include_str!("view.rs"));
        assert!(!view.contains("crate::"), "view.rs must import nothing of the crate");
        let labels = &product(include_str!("labels.rs"));
        let uses: Vec<&str> = labels.match_indices("crate::").map(|(i, _)| &labels[i..i + 9]).collect();
        assert!(uses.iter().all(|u| *u == "crate::w!"), "labels.rs reads the catalogue only: {uses:?}");
        let reports = [
            include_str!("report/summary.rs"),
            include_str!("report/quota.rs"),
            include_str!("report/overdue.rs"),
            include_str!("report/contacts.rs"),
            include_str!("report/export.rs"),
            include_str!("report/classes.rs"),
            include_str!("report/scope.rs"),
            include_str!("report/package.rs"),
            include_str!("report/document.rs"),
            include_str!("report/mod.rs"),
            include_str!("report/brief/mod.rs"),
            include_str!("report/brief/render.rs"),
            include_str!("report/sheet/mod.rs"),
            include_str!("report/sheet/paper.rs"),
            include_str!("report/sheet/workbook.rs"),
            include_str!("report/brief/paragraph.rs"),
            include_str!("report/brief/svg.rs"),
            include_str!("read.rs"),
            include_str!("upward/reports.rs"),
            include_str!("upward/brief.rs"),
            include_str!("upward/duplicates.rs"),
        ];
        for r in reports {
            assert!(!r.contains("crate::output"), "a report imports output: {}", &r[..r.len().min(120)]);
        }
    }
}
