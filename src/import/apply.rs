//! Rows through the domain: whatever file a row came from (a CSV line, a sheet's row), its
//! cells, by column, go through the same functions as the single commands, each row inside
//! its own savepoint when every problem must be listed. See the module above for the rules.

use std::collections::HashMap;

use anyhow::{Context, Result};
use rusqlite::{params, Connection, OptionalExtension};
use serde_json::json;

use super::{report, Header, Kind, NeedsCheck, Place, Problem};
use crate::audit;
use crate::domain::cases::{self, EnrollInput};
use crate::domain::lookup::{self, Dict};
use crate::domain::members::{self, MemberInput};
use crate::domain::types::{
    iso, parse_amount, parse_birth, parse_event_date, parse_id_number, parse_name, parse_note, parse_text, Class,
    Gender, Reason, SupportKind, MAX_ADDRESS,
};
use crate::domain::{Ctx, Refusal};
use crate::text::fold;

/// A row's cells by the kind's column (None when the column is absent or the cell blank).
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
pub(super) type CellProblems = Vec<(String, Refusal)>;

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

/// One pass over a file's rows: the file's reader hands each row to [`Applier::row`], then
/// calls [`Applier::finish`]. In the fast pass (no savepoint per row) the first problem ends
/// the pass with [`NeedsCheck`] at the next row.
pub(super) struct Applier<'a> {
    conn: &'a Connection,
    ctx: &'a Ctx,
    kind: Kind,
    file: &'a str,
    place: &'a Place,
    header: &'a Header,
    fast: bool,
    problems: Vec<Problem>,
    state: State,
    applied: usize,
    /// Rows seen in this pass (blank rows not counted).
    rows: usize,
    sp: Savepoint<'a>,
    /// Contacts and supports are recorded through one for the whole pass (made at its first
    /// row, whatever the kind: a few statements prepared).
    recorder: Option<cases::Recorder<'a>>,
}

impl<'a> Applier<'a> {
    pub(super) fn new(
        conn: &'a Connection,
        ctx: &'a Ctx,
        kind: Kind,
        file: &'a str,
        place: &'a Place,
        header: &'a Header,
        fast: bool,
    ) -> Self {
        let mut state = State::default();
        if matches!(place, Place::Sheet(_)) {
            state.unit = crate::label_w!("import-word-row");
        }
        Applier {
            conn,
            ctx,
            kind,
            file,
            place,
            header,
            fast,
            problems: Vec::new(),
            state,
            applied: 0,
            rows: 0,
            sp: Savepoint { conn, active: !fast },
            recorder: None,
        }
    }

    /// In the fast pass, a problem already found ends it: the file is checked row by row.
    pub(super) fn continue_fast(&self) -> Result<()> {
        if self.fast && !self.problems.is_empty() {
            return Err(NeedsCheck.into());
        }
        Ok(())
    }

    /// A problem the reader found outside the kind's columns (`column` as shown).
    pub(super) fn problem(&mut self, line: u64, col: Option<usize>, column: &str, what: Refusal) {
        self.problems.push(Problem { line, col, column: column.to_string(), what });
    }

    /// Check and apply one row. `cells` are by the kind's columns, trimmed, blank as None;
    /// `found` are problems the reader already found in its cells (those cells are None).
    pub(super) fn row(&mut self, line: u64, cells: Vec<Option<&str>>, mut found: CellProblems) -> Result<()> {
        self.continue_fast()?;
        self.rows += 1;
        super::within_bounds(self.file, self.rows)?;
        if self.kind.is_sheet()
            && found.is_empty()
            && self.kind.fill_ins().iter().all(|&i| cells.get(i).copied().flatten().is_none())
        {
            // A person not visited (SPEC §17): skipped, not an error.
            return Ok(());
        }
        let row = Row { line, cells };
        let missing = self
            .kind
            .columns()
            .iter()
            .zip(&row.cells)
            .find(|(c, v)| c.required && v.is_none() && !found.iter().any(|(n, _)| n == c.name));
        if let Some((c, _)) = missing {
            found.push((c.name.into(), crate::refusal_w!("empty-this-column-required")));
            self.push(line, found);
            return Ok(());
        }
        if self.fast && !found.is_empty() {
            self.push(line, found);
            return Ok(());
        }
        let (conn, ctx) = (self.conn, self.ctx);
        let rec = match self.recorder.take() {
            Some(r) => r,
            None => cases::Recorder::new(conn)?,
        };
        let rec = self.recorder.insert(rec);
        self.sp.begin()?;
        let result = match self.kind {
            Kind::Members => member_row(conn, ctx, &row, &mut self.state),
            Kind::Cases => case_row(conn, ctx, rec, &row, &mut self.state),
            Kind::Assignments => assignment_row(conn, ctx, &row),
            Kind::Reviews => review_row(conn, ctx, rec, &row),
            Kind::Supports => support_row(conn, ctx, rec, &row),
            Kind::Departures => departure_row(conn, ctx, &row),
            Kind::ReviewSheet => review_sheet_row(conn, ctx, rec, &row),
            Kind::SupportSheet => support_sheet_row(conn, ctx, rec, &row),
        };
        match result {
            Ok(Ok(())) if found.is_empty() => {
                self.sp.release()?;
                self.applied += 1;
            }
            Ok(Ok(())) => {
                // The rest of the row was good, but a cell of it was not: not applied.
                self.sp.rollback()?;
                self.state.forget(line);
            }
            Ok(Err(list)) => {
                self.sp.rollback()?;
                // A cell the reader refused was given as blank: its blankness is no news.
                let list: CellProblems = list.into_iter().filter(|(c, _)| !found.iter().any(|(f, _)| f == c)).collect();
                found.extend(list);
            }
            Err(e) => {
                self.sp.rollback()?;
                return Err(e.context(format!("{}:{}", self.file, self.place.at(line, None))));
            }
        }
        self.push(line, found);
        Ok(())
    }

    fn push(&mut self, line: u64, found: CellProblems) {
        for (column, what) in found {
            let col = self.header.col(self.kind, &column);
            let column = self.header.label(self.kind, &column);
            self.problems.push(Problem { line, col, column, what });
        }
    }

    /// After the last row: every problem refuses the file; else its audit row.
    pub(super) fn finish(self) -> Result<usize> {
        self.continue_fast()?;
        let file = self.file;
        if !self.problems.is_empty() {
            return Err(report(file, self.place, &self.problems).into());
        }
        if self.kind.is_sheet() {
            // Every review and support has its own audit row; an empty sheet is no problem
            // while another sheet of the file has rows (the caller checks the whole file).
            return Ok(self.applied);
        }
        if self.applied == 0 {
            return Err(crate::refusal_w!("has-header-but-no", file = file.to_string()).into());
        }
        let base =
            std::path::Path::new(file).file_name().map_or_else(|| file.to_string(), |f| f.to_string_lossy().into());
        audit::append(self.conn, &self.ctx.stamp, "import", self.kind.what(), &base, &json!({"rows": self.applied}))?;
        Ok(self.applied)
    }
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
struct State {
    /// case (year << 32 | sequence) → line
    cases: HashMap<u64, u64>,
    /// member id → line
    members: HashMap<i64, u64>,
    /// What a line is called in messages: a CSV file's line, a sheet's row.
    unit: (&'static str, &'static str),
}

impl Default for State {
    fn default() -> Self {
        State { cases: HashMap::new(), members: HashMap::new(), unit: crate::label_w!("import-word-line") }
    }
}

impl State {
    /// A row that was applied and then rolled back made nothing.
    fn forget(&mut self, line: u64) {
        self.cases.retain(|_, l| *l != line);
        self.members.retain(|_, l| *l != line);
    }
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
                Some(l) => {
                    crate::refusal_w!(
                        "import-duplicate-member-in-file",
                        unit = crate::words::both(state.unit.0, state.unit.1),
                        at = l.to_string(),
                        name = name.to_string(),
                        org = org.to_string(),
                        ward = ward.to_string()
                    )
                }
                None => {
                    crate::refusal_w!(
                        "duplicate-member-ward-already",
                        name = name.to_string(),
                        org = org.to_string(),
                        ward = ward.to_string(),
                        id = id.to_string()
                    )
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
    check(
        &mut out,
        "name",
        parse_name(
            name,
            crate::label_w!(false, "domain-word-member-name"),
            crate::label_w!(true, "domain-word-member-name"),
        ),
    )?;
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

fn case_row(
    conn: &Connection,
    ctx: &Ctx,
    rec: &mut cases::Recorder,
    row: &Row,
    state: &mut State,
) -> Result<RowResult> {
    let released = row.get(C_RELEASED);
    let reason = row.get(C_REASON);
    let credited = row.get(C_CREDITED);
    match (released, reason) {
        (Some(_), None) => {
            return Ok(Err(vec![(
                "reason".into(),
                crate::refusal_w!("empty-but-case-has", codes = Reason::codes().to_string()),
            )]))
        }
        (None, Some(r)) => {
            return Ok(Err(vec![(
                "released".into(),
                crate::refusal_w!("empty-but-case-has-2", reason = r.to_string()),
            )]))
        }
        _ => {}
    }
    if let (None, Some(c)) = (released, credited) {
        return Ok(Err(vec![("credited".into(), crate::refusal_w!("given-but-case-not", case = c.to_string()))]));
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
    let case_no = match rec.enroll(ctx, &input) {
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
        Some(l) => crate::refusal_w!(
            "import-duplicate-case-in-file",
            unit = crate::words::both(state.unit.0, state.unit.1),
            at = l.to_string(),
            date = date.to_string()
        ),
        None => {
            crate::refusal_w!("duplicate-case-same-person", case = case_no.to_string(), date = date.to_string())
        }
    };
    Ok(Some((column.into(), what)))
}

/// For a refused case row: which of its cells the rules refuse, each on its own.
fn check_case_cells(conn: &Connection, ctx: &Ctx, row: &Row, input: &EnrollInput) -> Result<Vec<(String, Refusal)>> {
    let mut out = Vec::new();
    check(
        &mut out,
        "name",
        parse_name(&input.name, crate::label_w!(false, "domain-word-name"), crate::label_w!(true, "domain-word-name")),
    )?;
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
    check(
        &mut out,
        "address",
        parse_text(
            input.address.as_deref(),
            MAX_ADDRESS,
            crate::label_w!(false, "domain-word-address"),
            crate::label_w!(true, "domain-word-address"),
        ),
    )?;
    check(&mut out, "note", parse_note(input.note.as_deref()))?;
    let enrolled = check(&mut out, "enrolled", parse_event_date(row.get(C_ENROLLED).unwrap_or_default(), ctx.today))?;
    if let Some(m) = &input.member {
        if let Some(m) = check(&mut out, "member", lookup::member(conn, m))? {
            if let Some(d) = enrolled {
                check(
                    &mut out,
                    "member",
                    m.require_active(
                        d,
                        crate::label_w!(false, "domain-word-be-assigned"),
                        crate::label_w!(true, "domain-word-be-assigned"),
                    ),
                )?;
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

fn review_row(conn: &Connection, ctx: &Ctx, rec: &mut cases::Recorder, row: &Row) -> Result<RowResult> {
    let (case, date, class, by, note) =
        (row.get(0).unwrap_or_default(), row.get(1), row.get(2), row.get(3), row.get(4));
    let Err(e) = rec.review(ctx, case, class.unwrap_or_default(), date, by, note, false) else {
        return Ok(Ok(()));
    };
    explain_event_row(conn, ctx, as_refusal(e)?, case, date, by, note, &mut |out| {
        check(out, "class", Class::parse(class.unwrap_or_default()))?;
        Ok(())
    })
}

fn support_row(conn: &Connection, ctx: &Ctx, rec: &mut cases::Recorder, row: &Row) -> Result<RowResult> {
    let case = row.get(0).unwrap_or_default();
    let (date, kind, amount, by, note) = (row.get(1), row.get(2), row.get(3), row.get(4), row.get(5));
    let Err(e) = rec.support(ctx, case, kind.unwrap_or_default(), amount, date, by, note, false) else {
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
    check(&mut out, "note", parse_note(note))?;
    if out.is_empty() {
        let c = column_of(&refused, &[("member", "by"), ("date", "date")], "case");
        out.push((c, refused));
    }
    Ok(Err(out))
}

/// The fill-in cells a filled row must have: the date and the class of `import reviews`, the
/// date and kind of `import supports`.
/// A fill-in cell a filled row needs: its index, its column, and its name in the catalogue
/// (in the reader's language).
type Needed<'a> = (usize, &'a str, fn(bool) -> String);

fn required_of_filled(row: &Row, cols: &[Needed]) -> CellProblems {
    cols.iter()
        .filter(|(i, ..)| row.get(*i).is_none())
        .map(|(_, c, what)| {
            (
                c.to_string(),
                crate::refusal_w!("import-filled-row-needs", what = crate::words::both(what(false), what(true))),
            )
        })
        .collect()
}

/// `import reviews` (SPEC §17): a review by the rules of `review` (a second contact for the
/// case that day refused: no `--again` here), then, when its kind is given, a support by the
/// rules of `support` on the same day by the same member.
fn review_sheet_row(conn: &Connection, ctx: &Ctx, rec: &mut cases::Recorder, row: &Row) -> Result<RowResult> {
    let case = row.get(0).unwrap_or_default();
    let (date, class, by, note) = (row.get(1), row.get(2), row.get(3), row.get(4));
    let (kind, amount, support_note) = (row.get(5), row.get(6), row.get(7));
    let mut out = required_of_filled(
        row,
        &[
            (1, "reviewed_on", |vi| crate::w!(vi, "import-needs-date-of-contact")),
            (2, "class", |vi| crate::w!(vi, "import-needs-class")),
        ],
    );
    if kind.is_none() && (amount.is_some() || support_note.is_some()) {
        out.push((
            "support_kind".into(),
            crate::refusal_w!("empty-but-row-has", codes = SupportKind::codes().to_string()),
        ));
    }
    if !out.is_empty() {
        return Ok(Err(out));
    }
    if let Err(e) = rec.review(ctx, case, class.unwrap_or_default(), date, by, note, false) {
        let refused = as_refusal(e)?;
        if let Some(d) = duplicate(&refused) {
            return Ok(Err(vec![("reviewed_on".into(), d)]));
        }
        let r = explain_event_row(conn, ctx, refused, case, date, by, note, &mut |out| {
            check(out, "class", Class::parse(class.unwrap_or_default()))?;
            Ok(())
        })?;
        return Ok(r.map_err(|list| rename(list, &[("case", "case_no"), ("date", "reviewed_on"), ("by", "member")])));
    }
    let Some(kind) = kind else {
        return Ok(Ok(()));
    };
    let Err(e) = rec.support(ctx, case, kind, amount, date, by, support_note, false) else {
        return Ok(Ok(()));
    };
    let refused = as_refusal(e)?;
    if let Some(d) = duplicate(&refused) {
        return Ok(Err(vec![("support_kind".into(), d)]));
    }
    let mut out = Vec::new();
    check(&mut out, "support_kind", SupportKind::parse(kind))?;
    if let Some(a) = amount {
        check(&mut out, "amount", parse_amount(a))?;
    }
    check(&mut out, "support_note", parse_note(support_note))?;
    if out.is_empty() {
        let c = column_of(&refused, &[("amount", "amount")], "support_kind");
        out.push((c, refused));
    }
    Ok(Err(out))
}

/// `import supports` (SPEC §17): a support by the rules of `support`, no `--again`.
fn support_sheet_row(conn: &Connection, ctx: &Ctx, rec: &mut cases::Recorder, row: &Row) -> Result<RowResult> {
    let case = row.get(0).unwrap_or_default();
    let (date, kind, amount, by, note) = (row.get(1), row.get(2), row.get(3), row.get(4), row.get(5));
    let out = required_of_filled(
        row,
        &[
            (1, "given_on", |vi| crate::w!(vi, "import-needs-date-of-support")),
            (2, "kind", |vi| crate::w!(vi, "import-needs-kind-of-support")),
        ],
    );
    if !out.is_empty() {
        return Ok(Err(out));
    }
    let Err(e) = rec.support(ctx, case, kind.unwrap_or_default(), amount, date, by, note, false) else {
        return Ok(Ok(()));
    };
    let refused = as_refusal(e)?;
    if let Some(d) = duplicate(&refused) {
        return Ok(Err(vec![("given_on".into(), d)]));
    }
    let r = explain_event_row(conn, ctx, refused, case, date, by, note, &mut |out| {
        check(out, "kind", SupportKind::parse(kind.unwrap_or_default()))?;
        if let Some(a) = amount {
            check(out, "amount", parse_amount(a))?;
        }
        Ok(())
    })?;
    Ok(r.map_err(|list| rename(list, &[("case", "case_no"), ("date", "given_on"), ("by", "member")])))
}

/// The domain's refusal of a second contact (or the same support) that day, as a sheet's
/// problem: `--again` is not offered here, since a sheet brought back twice must never double
/// (SPEC §17); the single command records a real second contact.
fn duplicate(r: &Refusal) -> Option<Refusal> {
    if !r.en.contains("--again") {
        return None;
    }
    let cut = |t: &str| t.rsplit_once("; ").map_or(t, |(a, _)| a).to_string();
    let (en, vi) = (cut(&r.en), cut(&r.vi));
    Some(crate::refusal_w!("import-sheet-duplicate", what = crate::words::both(&en, &vi)))
}

/// The shared explanation's column names as a sheet's columns are named.
fn rename(list: CellProblems, names: &[(&str, &str)]) -> CellProblems {
    list.into_iter()
        .map(|(c, r)| {
            let c = names.iter().find(|(from, _)| *from == c).map_or(c, |(_, to)| to.to_string());
            (c, r)
        })
        .collect()
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
