//! Read queries of the register (list, show, members, audit): SQL in, typed cells out.
//! Rows are handed to a callback as they are read, so callers can stream them.

use anyhow::{Context, Result};
use rusqlite::{params, Connection};

use crate::domain::lookup::{self, Dict};
use crate::domain::types::{iso, parse_date_any};
use crate::text::fold;
use crate::view::{Cell, Names, View};

pub type RowFn<'a> = dyn FnMut(&[Cell]) -> Result<()> + 'a;

fn stream(conn: &Connection, sql: &str, p: &[&dyn rusqlite::ToSql], width: usize, f: &mut RowFn) -> Result<()> {
    let mut stmt = conn.prepare_cached(sql).context("preparing a query")?;
    let mut rows = stmt.query(p)?;
    // The same cells, refilled for every row (`db::refill`).
    let mut buf: Vec<Cell> = vec![Cell::Null; width];
    while let Some(r) = rows.next()? {
        for (i, cell) in buf.iter_mut().enumerate() {
            crate::db::refill(cell, r.get_ref(i)?);
        }
        f(&buf)?;
    }
    Ok(())
}

pub const DICT_COLUMNS: &[&str] = &["code", "name"];

pub fn dict(conn: &Connection, d: Dict, f: &mut RowFn) -> Result<()> {
    stream(conn, d.list_sql(), &[], 2, f)
}

/// The wards that exist on `d` (code, name): those not created after it nor dissolved by it.
pub fn wards_on(conn: &Connection, d: chrono::NaiveDate, f: &mut RowFn) -> Result<()> {
    stream(
        conn,
        "SELECT code, name FROM wards
         WHERE (from_on IS NULL OR from_on <= ?1) AND (dissolved_on IS NULL OR dissolved_on > ?1)
         ORDER BY sort_key, code",
        params![iso(d)],
        2,
        f,
    )
}

pub const WARD_ALL_COLUMNS: &[&str] = &["code", "name", "from_on", "dissolved_on", "successor"];

/// Every ward ever: `from_on` empty for wards there since the register began, `dissolved_on`
/// and `successor` (the ward that took it over) empty while it exists.
pub fn wards_all(conn: &Connection, f: &mut RowFn) -> Result<()> {
    stream(
        conn,
        "SELECT w.code, w.name, w.from_on, w.dissolved_on, s.code FROM wards w
         LEFT JOIN wards s ON s.id = w.successor_id ORDER BY w.sort_key, w.code",
        &[],
        5,
        f,
    )
}

pub const SETTINGS_COLUMNS: &[&str] = &["key", "value"];

pub fn settings(conn: &Connection, f: &mut RowFn) -> Result<()> {
    stream(conn, "SELECT key, value FROM settings ORDER BY key", &[], 2, f)
}

pub const LIST_COLUMNS: &[&str] = &[
    "case_no",
    "name",
    "birth_year",
    "ward",
    "category",
    "enrolled_on",
    "released_on",
    "reason",
    "member_id",
    "member_name",
    "org",
    "last_contact",
];
/// The columns of `list` that a narrow terminal keeps.
pub const LIST_VIEW: View<'static> =
    View::with_essential(LIST_COLUMNS, &["case_no", "name", "ward", "enrolled_on", "member_name", "last_contact"]);

#[derive(Debug, Clone, Default)]
pub struct ListFilter {
    /// "open", "released" or "all".
    pub status: &'static str,
    pub ward: Option<String>,
    pub org: Option<String>,
    pub member: Option<String>,
    pub category: Option<String>,
    pub search: Option<String>,
}

/// Cases, filtered; `--org` and `--member` go by the current (or, for a closed case, last)
/// assignment; `--search` matches the folded name, the case number or the identity number.
/// Read through the view `v_cases`, which holds the one definition of a case's member and
/// last contact (also used by `show`, `export cases` and ad-hoc queries).
pub fn list(conn: &Connection, flt: &ListFilter, f: &mut RowFn) -> Result<()> {
    let code = |dict, typed: &Option<String>| -> Result<Option<String>> {
        typed.as_deref().map(|t| lookup::find(conn, dict, t)).transpose().map(|x| x.map(|(_, code)| code))
    };
    let (ward, org, category) =
        (code(Dict::Ward, &flt.ward)?, code(Dict::Org, &flt.org)?, code(Dict::Category, &flt.category)?);
    let member = flt.member.as_deref().map(|m| lookup::member(conn, m)).transpose()?.map(|m| m.id);
    let search = flt.search.as_deref().map(fold).filter(|s| !s.is_empty());
    stream(
        conn,
        "SELECT v.case_no, v.name, v.birth_year, v.ward, v.category, v.enrolled_on, v.released_on, v.reason,
                v.member_id, v.member_name, v.org, v.last_contact
         FROM v_cases v
         JOIN persons p ON p.id = v.person_id
         WHERE (?1 = 'all' OR (?1 = 'open' AND v.released_on IS NULL) OR (?1 = 'released' AND v.released_on IS NOT NULL))
           AND (?2 IS NULL OR v.ward = ?2)
           AND (?3 IS NULL OR v.org = ?3)
           AND (?4 IS NULL OR v.member_id = ?4)
           AND (?5 IS NULL OR v.category = ?5)
           AND (?6 IS NULL OR instr(p.name_fold, ?6) > 0 OR instr(v.case_no, ?6) > 0
                OR instr(coalesce(v.id_number, ''), ?6) > 0)
         ORDER BY CAST(substr(v.case_no, 1, 4) AS INTEGER), CAST(substr(v.case_no, 6) AS INTEGER)",
        params![flt.status, ward, org, member, category, search],
        LIST_COLUMNS.len(),
        f,
    )
}

pub const CASE_FIELDS: &[&str] = &[
    "case_no",
    "status",
    "name",
    "birth_year",
    "birth_date",
    "gender",
    "id_number",
    "address",
    "ward",
    "category",
    "enrolled_on",
    "released_on",
    "reason",
    "credited_member_id",
    "member_id",
    "member_name",
    "org",
    "last_contact",
    "note",
];

/// One case's fields, in `CASE_FIELDS` order. A released case shows its last member, as
/// `list`, `export cases` and `v_cases` do (SPEC §18, "one fact, one rendering"): the
/// member who had it when it was released.
pub fn case_fields(conn: &Connection, typed: &str) -> Result<Vec<Cell>> {
    let c = lookup::case(conn, typed)?;
    let mut stmt = conn.prepare_cached(
        "SELECT v.case_no, CASE WHEN v.released_on IS NULL THEN 'open' ELSE 'released' END,
                v.name, v.birth_year, v.birth_date, v.gender, v.id_number, v.address, v.ward, v.category,
                v.enrolled_on, v.released_on, v.reason, v.credited_member_id,
                v.member_id, v.member_name, v.org,
                v.last_contact, v.note
         FROM v_cases v WHERE v.case_no = ?1",
    )?;
    let cells = stmt.query_row(params![c.no], |r| {
        (0..CASE_FIELDS.len()).map(|i| r.get::<_, Cell>(i)).collect::<rusqlite::Result<Vec<_>>>()
    })?;
    Ok(cells)
}

pub const TIMELINE_COLUMNS: &[&str] = &["date", "event", "member_id", "detail"];

/// Everything that happened to a case, in date order: the `TIMELINE_COLUMNS`, then the parts
/// of `detail` for a table to name in the reader's language — the code (category, class,
/// support kind or reason), the amount and the note, and for a review or support its id,
/// `voided_on` and `void_reason` (a voided one is shown, marked, with its reason: SPEC §17).
/// Moves (`move`) and mergers (`merge`) show as `OLD → NEW` ward codes.
pub fn timeline(conn: &Connection, typed: &str, f: &mut RowFn) -> Result<()> {
    let c = lookup::case(conn, typed)?;
    stream(
        conn,
        "SELECT d, event, member_id, detail, code, amount, note, eid, voided_on, void_reason FROM (
           SELECT enrolled_on AS d, 0 AS o, 0 AS i, 'enroll' AS event, NULL AS member_id,
                  (SELECT k.code FROM categories k WHERE k.id = c.category_id) AS detail,
                  (SELECT k.code FROM categories k WHERE k.id = c.category_id) AS code,
                  NULL AS amount, NULL AS note, NULL AS eid, NULL AS voided_on, NULL AS void_reason
             FROM cases c WHERE c.id = ?1
           UNION ALL SELECT from_on, 0, 1, cause, NULL, prev || ' → ' || code, NULL, NULL, NULL, NULL, NULL, NULL FROM (
               SELECT cw.from_on, cw.cause, w.code, lag(w.code) OVER (ORDER BY cw.from_on) AS prev
               FROM case_wards cw JOIN wards w ON w.id = cw.ward_id WHERE cw.case_id = ?1)
             WHERE prev IS NOT NULL
           UNION ALL SELECT start_on, 1, id, 'assign', member_id, NULL, NULL, NULL, NULL, NULL, NULL, NULL
             FROM assignments WHERE case_id = ?1
           UNION ALL SELECT end_on, 2, id, 'unassign', member_id, NULL, NULL, NULL, NULL, NULL, NULL, NULL
             FROM assignments WHERE case_id = ?1 AND end_on IS NOT NULL
           UNION ALL SELECT reviewed_on, 3, id, 'review', member_id,
                  class || CASE WHEN note IS NULL THEN '' ELSE ': ' || note END
                        || CASE WHEN voided_on IS NULL THEN ''
                                ELSE ' [voided ' || voided_on || ': ' || void_reason || ']' END,
                  class, NULL, note, id, voided_on, void_reason
             FROM reviews WHERE case_id = ?1
           UNION ALL SELECT given_on, 4, id, 'support', member_id,
                  kind || CASE WHEN amount IS NULL THEN '' ELSE ' ' || amount || ' đ' END
                       || CASE WHEN note IS NULL THEN '' ELSE ': ' || note END
                       || CASE WHEN voided_on IS NULL THEN ''
                               ELSE ' [voided ' || voided_on || ': ' || void_reason || ']' END,
                  kind, amount, note, id, voided_on, void_reason
             FROM supports WHERE case_id = ?1
           UNION ALL SELECT released_on, 5, 0, 'release', credited_member_id, reason, reason, NULL, NULL,
                  NULL, NULL, NULL
             FROM cases WHERE id = ?1 AND released_on IS NOT NULL)
         ORDER BY d, o, i",
        params![c.id],
        TIMELINE_COLUMNS.len() + 6,
        f,
    )
}

/// The register's dictionaries, code → name, for tables.
pub fn names(conn: &Connection) -> Result<Names> {
    let map = |sql: &str| -> Result<std::collections::HashMap<String, String>> {
        let mut stmt = conn.prepare_cached(sql).context("reading the dictionaries")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    };
    Ok(Names {
        wards: map(Dict::Ward.list_sql())?,
        orgs: map(Dict::Org.list_sql())?,
        categories: map(Dict::Category.list_sql())?,
    })
}

pub const OTHER_CASES_COLUMNS: &[&str] = &["case_no", "enrolled_on", "released_on", "reason"];

/// The same person's other cases.
pub fn other_cases(conn: &Connection, typed: &str, f: &mut RowFn) -> Result<()> {
    let c = lookup::case(conn, typed)?;
    stream(
        conn,
        "SELECT case_no, enrolled_on, released_on, reason FROM cases
         WHERE person_id = ?1 AND id <> ?2 ORDER BY enrolled_on",
        params![c.person_id, c.id],
        4,
        f,
    )
}

pub const MEMBER_COLUMNS: &[&str] =
    &["id", "name", "org", "ward", "phone", "joined_on", "left_on", "open_cases", "progressed_this_year", "quota"];
/// The columns of `member list` that a narrow terminal keeps.
pub const MEMBER_VIEW: View<'static> =
    View::with_essential(MEMBER_COLUMNS, &["id", "name", "org", "ward", "open_cases", "progressed_this_year"]);

/// Which members `member list` shows.
#[derive(Debug, Clone, Default)]
pub struct MemberFilter<'a> {
    pub ward: Option<&'a str>,
    pub org: Option<&'a str>,
    /// Members who have left too.
    pub all: bool,
    /// Text in the folded name (`--search`).
    pub search: Option<&'a str>,
    /// One member only (`member show`).
    pub only: Option<i64>,
}

/// Members with their open cases and progressed releases credited from 1 January of
/// `today`'s year to `today`.
pub fn members(conn: &Connection, flt: &MemberFilter, today: chrono::NaiveDate, f: &mut RowFn) -> Result<()> {
    use chrono::Datelike;
    let ward = flt.ward.map(|w| lookup::find(conn, Dict::Ward, w)).transpose()?.map(|x| x.0);
    let org = flt.org.map(|o| lookup::find(conn, Dict::Org, o)).transpose()?.map(|x| x.0);
    let (all, only) = (flt.all, flt.only);
    let search = flt.search.map(fold).filter(|s| !s.is_empty());
    let from = format!("{:04}-01-01", today.year());
    let quota = lookup::quota(conn)?;
    stream(
        conn,
        "SELECT m.id, m.name, o.code, w.code, m.phone, m.joined_on, m.left_on,
                (SELECT count(*) FROM assignments a JOIN cases c ON c.id = a.case_id
                  WHERE a.member_id = m.id AND a.end_on IS NULL AND c.released_on IS NULL),
                (SELECT count(*) FROM cases c WHERE c.credited_member_id = m.id
                  AND c.released_on BETWEEN ?4 AND ?5),
                ?6
         FROM members m JOIN orgs o ON o.id = m.org_id JOIN wards w ON w.id = m.ward_id
         WHERE (?1 IS NULL OR m.ward_id = ?1) AND (?2 IS NULL OR m.org_id = ?2)
           AND (?3 OR m.left_on IS NULL OR m.left_on >= ?5)
           AND (?7 IS NULL OR m.id = ?7)
           AND (?8 IS NULL OR instr(m.name_fold, ?8) > 0)
         ORDER BY w.sort_key, o.id, m.name_fold, m.id",
        params![ward, org, all, from, iso(today), quota, only, search],
        MEMBER_COLUMNS.len(),
        f,
    )
}

pub const MEMBER_CASES_COLUMNS: &[&str] = &["case_no", "name", "start_on", "end_on", "released_on", "reason"];

/// A member's assignments, newest first, with whether each case was credited to them.
pub fn member_cases(conn: &Connection, id: i64, f: &mut RowFn) -> Result<()> {
    stream(
        conn,
        "SELECT c.case_no, p.name, a.start_on, a.end_on, c.released_on,
                CASE WHEN c.credited_member_id = ?1 THEN c.reason || ' ✓' ELSE c.reason END
         FROM assignments a JOIN cases c ON c.id = a.case_id JOIN persons p ON p.id = c.person_id
         WHERE a.member_id = ?1
         UNION
         SELECT c.case_no, p.name, NULL, NULL, c.released_on, c.reason || ' ✓'
         FROM cases c JOIN persons p ON p.id = c.person_id
         WHERE c.credited_member_id = ?1
           AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.case_id = c.id AND a.member_id = ?1)
         ORDER BY 3 DESC, 1",
        params![id],
        MEMBER_CASES_COLUMNS.len(),
        f,
    )
}

pub const MEMBER_WARDS_COLUMNS: &[&str] = &["from_on", "ward", "event"];

/// A member's wards over time (SPEC §13): the ward they joined in, then each move and merger.
pub fn member_wards(conn: &Connection, id: i64, f: &mut RowFn) -> Result<()> {
    stream(
        conn,
        "SELECT mw.from_on, w.code, mw.cause FROM member_wards mw JOIN wards w ON w.id = mw.ward_id
         WHERE mw.member_id = ?1 ORDER BY mw.from_on",
        params![id],
        MEMBER_WARDS_COLUMNS.len(),
        f,
    )
}

pub const AUDIT_COLUMNS: &[&str] = &["seq", "at", "actor", "action", "entity", "entity_key", "detail"];
/// The columns of `audit` that a narrow terminal keeps.
pub const AUDIT_VIEW: View<'static> =
    View::with_essential(AUDIT_COLUMNS, &["seq", "at", "actor", "action", "entity_key"]);

pub fn audit(conn: &Connection, case: Option<&str>, since: Option<&str>, f: &mut RowFn) -> Result<()> {
    let case = case.map(|c| lookup::case(conn, c)).transpose()?.map(|c| c.no);
    let since = since.map(parse_date_any).transpose()?.map(iso);
    stream(
        conn,
        "SELECT seq, at, actor, action, entity, entity_key, detail FROM audit_log
         WHERE (?1 IS NULL OR (entity = 'case' AND entity_key = ?1)) AND (?2 IS NULL OR at >= ?2)
         ORDER BY seq",
        params![case, since],
        AUDIT_COLUMNS.len(),
        f,
    )
}

/// What a write command recorded, read back for the clerk's terminal (SPEC §17: "say what
/// was recorded"). Names are read here for the clerk's own screen only, never for a log.
pub mod facts {
    use anyhow::Result;
    use rusqlite::{params, Connection, OptionalExtension};

    /// A case: its number, the person's name, ward, category, dates and current member.
    #[derive(Debug, Clone, Default)]
    pub struct Case {
        pub no: String,
        pub name: String,
        pub ward: String,
        pub category: String,
        pub enrolled_on: String,
        pub released_on: Option<String>,
        pub reason: Option<String>,
        pub credited: Option<i64>,
        /// The current (or last) assignment: member and first day.
        pub member: Option<(i64, String)>,
    }

    pub fn case(conn: &Connection, no: &str) -> Result<Option<Case>> {
        Ok(conn
            .prepare_cached(
                "SELECT v.case_no, v.name, v.ward, v.category, v.enrolled_on, v.released_on, v.reason,
                        v.credited_member_id, v.member_id,
                        (SELECT a.start_on FROM assignments a JOIN cases c ON c.id = a.case_id
                         WHERE c.case_no = v.case_no ORDER BY a.start_on DESC, a.id DESC LIMIT 1)
                 FROM v_cases v WHERE v.case_no = ?1",
            )?
            .query_row(params![no], |r| {
                let m: Option<i64> = r.get(8)?;
                let start: Option<String> = r.get(9)?;
                Ok(Case {
                    no: r.get(0)?,
                    name: r.get(1)?,
                    ward: r.get(2)?,
                    category: r.get(3)?,
                    enrolled_on: r.get(4)?,
                    released_on: r.get(5)?,
                    reason: r.get(6)?,
                    credited: r.get(7)?,
                    member: m.zip(start),
                })
            })
            .optional()?)
    }

    /// A member: name, org code, ward code, joined, left.
    #[derive(Debug, Clone, Default)]
    pub struct Member {
        pub id: i64,
        pub name: String,
        pub org: String,
        pub ward: String,
        pub joined_on: String,
        pub left_on: Option<String>,
    }

    pub fn member(conn: &Connection, id: i64) -> Result<Option<Member>> {
        Ok(conn
            .prepare_cached(
                "SELECT m.id, m.name, o.code, w.code, m.joined_on, m.left_on
                 FROM members m JOIN orgs o ON o.id = m.org_id JOIN wards w ON w.id = m.ward_id WHERE m.id = ?1",
            )?
            .query_row(params![id], |r| {
                Ok(Member {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    org: r.get(2)?,
                    ward: r.get(3)?,
                    joined_on: r.get(4)?,
                    left_on: r.get(5)?,
                })
            })
            .optional()?)
    }

    /// A review or support: case number, date, class or kind, amount, member, voided_on.
    #[derive(Debug, Clone, Default)]
    pub struct Entry {
        pub case_no: String,
        pub on: String,
        pub code: String,
        pub amount: Option<i64>,
        pub member_id: Option<i64>,
        pub voided_on: Option<String>,
    }

    pub fn entry(conn: &Connection, review: bool, id: i64) -> Result<Option<Entry>> {
        let sql = if review {
            "SELECT c.case_no, r.reviewed_on, r.class, NULL, r.member_id, r.voided_on
             FROM reviews r JOIN cases c ON c.id = r.case_id WHERE r.id = ?1"
        } else {
            "SELECT c.case_no, s.given_on, s.kind, s.amount, s.member_id, s.voided_on
             FROM supports s JOIN cases c ON c.id = s.case_id WHERE s.id = ?1"
        };
        Ok(conn
            .prepare_cached(sql)?
            .query_row(params![id], |r| {
                Ok(Entry {
                    case_no: r.get(0)?,
                    on: r.get(1)?,
                    code: r.get(2)?,
                    amount: r.get(3)?,
                    member_id: r.get(4)?,
                    voided_on: r.get(5)?,
                })
            })
            .optional()?)
    }
}
