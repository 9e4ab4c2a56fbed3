//! Cases: enroll, assign, review, support, release, reopen and correct.
//!
//! The audit rows of these operations record ids, codes and dates, never a person's name,
//! identity number or address: the audit log is append-only forever, and personal data in
//! it could never be anonymised when a closed case's retention ends.

use anyhow::{Context, Result};
use chrono::{Datelike, NaiveDate};
use std::collections::HashMap;
use std::rc::Rc;

use rusqlite::{params, Connection, OptionalExtension, Statement};
use serde::Serialize;
use serde_json::json;

use crate::audit;
use crate::domain::lookup::{self, Case, Dict, Member};
use crate::domain::types::{
    event_date_or_today, iso, parse_amount, parse_birth, parse_event_date, parse_id_number, parse_name, parse_note,
    parse_text, Class, Gender, Reason, SupportKind, MAX_ADDRESS,
};
use crate::domain::{month, sent, wards, Ctx};
use crate::text::fold;

#[derive(Debug, Clone, Default)]
pub struct EnrollInput {
    pub name: String,
    pub ward: String,
    pub category: String,
    pub born: Option<String>,
    pub gender: Option<String>,
    pub id_number: Option<String>,
    pub address: Option<String>,
    pub date: Option<String>,
    pub member: Option<String>,
    pub person: Option<String>,
    pub note: Option<String>,
    pub allow_duplicate: bool,
}

/// Open a case; returns its number. See SPEC §3 for how a returning person is matched.
pub fn enroll(conn: &Connection, ctx: &Ctx, input: &EnrollInput) -> Result<String> {
    Recorder::new(conn)?.enroll(ctx, input)
}

const INSERT_ASSIGNMENT: &str = "INSERT INTO assignments (case_id, member_id, start_on) VALUES (?1, ?2, ?3)";

fn insert_assignment(
    conn: &Connection,
    ctx: &Ctx,
    case_id: i64,
    case_no: &str,
    member_id: i64,
    date: NaiveDate,
) -> Result<()> {
    conn.prepare_cached(INSERT_ASSIGNMENT)?
        .execute(params![case_id, member_id, iso(date)])
        .context("adding the assignment")?;
    audit::append(conn, &ctx.stamp, "assign", "case", case_no, &json!({"member_id": member_id, "start_on": iso(date)}))
}

/// A new assignment is the case's current one, open-ended; it cannot go to a member who has
/// already left, even when dated on a day they still served, or it would outlast them.
fn require_serving(m: &lookup::Member, case_no: &str) -> Result<()> {
    if let Some(l) = m.left_on {
        crate::refuse_w!(
            "member-left-case-needs",
            id = m.id.to_string(),
            left = l.to_string(),
            case = case_no.to_string()
        );
    }
    Ok(())
}

fn require_open(c: &Case, doing_en: &str, doing_vi: &str) -> Result<()> {
    if let Some(r) = c.released_on {
        crate::refuse_w!(
            "case-was-released-cannot",
            case = c.no.to_string(),
            released = r.to_string(),
            doing = crate::words::both(doing_en, doing_vi)
        );
    }
    Ok(())
}

/// Assign or reassign a case; returns the case number.
pub fn assign(conn: &Connection, ctx: &Ctx, case: &str, member: &str, date: Option<&str>) -> Result<String> {
    let c = lookup::case(conn, case)?;
    let m = lookup::member(conn, member)?;
    let d = event_date_or_today(date, ctx.today)?;
    require_open(
        &c,
        crate::label_w!(false, "domain-word-be-assigned-case"),
        crate::label_w!(true, "domain-word-be-assigned-case"),
    )?;
    sent::refuse_on(conn, d)?;
    c.require_within(
        d,
        crate::label_w!(false, "domain-word-assignment"),
        crate::label_w!(true, "domain-word-assignment"),
    )?;
    m.require_active(
        d,
        crate::label_w!(false, "domain-word-be-assigned"),
        crate::label_w!(true, "domain-word-be-assigned"),
    )?;
    require_serving(&m, &c.no)?;
    let current: Option<(i64, i64, String)> = conn
        .prepare_cached("SELECT id, member_id, start_on FROM assignments WHERE case_id = ?1 AND end_on IS NULL")?
        .query_row(params![c.id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?;
    if let Some((aid, mid, start)) = current {
        if mid == m.id {
            crate::refuse_w!(
                "case-already-assigned-member",
                case = c.no.to_string(),
                id = m.id.to_string(),
                start = start.to_string()
            );
        }
        if start > iso(d) {
            crate::refuse_w!(
                "assignment-date-before-current",
                date = d.to_string(),
                case = c.no.to_string(),
                start = start.to_string()
            );
        }
        conn.prepare_cached("UPDATE assignments SET end_on = ?2 WHERE id = ?1")?.execute(params![aid, iso(d)])?;
    }
    insert_assignment(conn, ctx, c.id, &c.no, m.id, d)?;
    Ok(c.no)
}

/// Record a contact and its A–D class; returns the review id. A second contact for the same
/// case on the same day is refused (SPEC §17); [`review_with`] with `again` records it anyway.
pub fn review(
    conn: &Connection,
    ctx: &Ctx,
    case: &str,
    class: &str,
    date: Option<&str>,
    by: Option<&str>,
    note: Option<&str>,
) -> Result<i64> {
    review_with(conn, ctx, case, class, date, by, note, false)
}

/// [`review`], with `again` (`--again`): record it even when the case already has a contact
/// that day.
#[allow(clippy::too_many_arguments)]
pub fn review_with(
    conn: &Connection,
    ctx: &Ctx,
    case: &str,
    class: &str,
    date: Option<&str>,
    by: Option<&str>,
    note: Option<&str>,
    again: bool,
) -> Result<i64> {
    Recorder::new(conn)?.review(ctx, case, class, date, by, note, again)
}

/// Record help given; returns the support id. The same case, day, kind and amount as a
/// support already recorded is refused (SPEC §17); [`support_with`] with `again` records it.
#[allow(clippy::too_many_arguments)]
pub fn support(
    conn: &Connection,
    ctx: &Ctx,
    case: &str,
    kind: &str,
    amount: Option<&str>,
    date: Option<&str>,
    by: Option<&str>,
    note: Option<&str>,
) -> Result<i64> {
    support_with(conn, ctx, case, kind, amount, date, by, note, false)
}

/// [`support`], with `again` (`--again`): record it even when it repeats one already there.
#[allow(clippy::too_many_arguments)]
pub fn support_with(
    conn: &Connection,
    ctx: &Ctx,
    case: &str,
    kind: &str,
    amount: Option<&str>,
    date: Option<&str>,
    by: Option<&str>,
    note: Option<&str>,
    again: bool,
) -> Result<i64> {
    Recorder::new(conn)?.support(ctx, case, kind, amount, date, by, note, again)
}

/// Records enrollments, contacts and supports: the one place their rules are applied, for the
/// single commands (one call each) and for `import` (one for a whole pass over a file, SPEC
/// §17; [`Recorder::enroll`] for a file of cases).
///
/// What the rules read again and again is read once and kept: the sent periods, and the
/// cases, members, wards and categories named so far (each by what was typed). They cannot
/// change while it is in use: it writes contacts, supports, new cases (with their person,
/// ward history and first assignment) and their audit rows, none of which changes a kept
/// member, ward, category or sent period, or a case kept for its contacts; and an import's
/// pass holds the write lock of its one transaction throughout. The statements it runs for
/// every contact or support are prepared once, when first needed (so that a recorder made
/// for one command costs one query); a contact's member on the day and its first contact
/// that day are asked in one.
pub struct Recorder<'c> {
    conn: &'c Connection,
    locks: sent::Locks,
    cases: HashMap<String, Rc<Case>>,
    members: HashMap<String, Member>,
    wards: HashMap<String, wards::Ward>,
    categories: HashMap<String, (i64, String)>,
    audit: audit::Appender<'c>,
    stmts: [Option<Statement<'c>>; Q::COUNT],
}

/// The statements a [`Recorder`] runs for every row of a file, each prepared the first time
/// it is needed and then kept (not looked up in the connection's cache for every row).
#[derive(Clone, Copy)]
enum Q {
    ReviewFacts,
    InsertReview,
    SupportFacts,
    InsertSupport,
    IdHolder,
    Duplicate,
    InsertPerson,
    NextSeq,
    InsertCase,
    InsertAssignment,
}

impl Q {
    /// One slot per statement: the last one's number, plus one.
    const COUNT: usize = Q::InsertAssignment as usize + 1;

    fn sql(self) -> String {
        match self {
            // A contact's member on the day and its first contact that day, in one.
            Q::ReviewFacts => format!("SELECT ({}), ({})", lookup::ASSIGNED_ON, month::CONTACT_ON),
            Q::InsertReview => {
                "INSERT INTO reviews (case_id, reviewed_on, class, member_id, note) VALUES (?1, ?2, ?3, ?4, ?5)".into()
            }
            Q::SupportFacts => format!("SELECT ({}), ({})", lookup::ASSIGNED_ON, month::SUPPORT_ON),
            Q::InsertSupport => "INSERT INTO supports (case_id, given_on, kind, amount, member_id, note)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
                .into(),
            Q::IdHolder => "SELECT id FROM persons WHERE id_number = ?1".into(),
            // Same folded name and birth year as an open case (see `enroll`).
            Q::Duplicate => "SELECT c.case_no FROM persons p JOIN cases c ON c.person_id = p.id
                 WHERE p.name_fold = ?1 AND p.birth_year IS ?2 AND c.released_on IS NULL
                   AND (?3 IS NULL OR p.id_number IS NULL) LIMIT 1"
                .into(),
            Q::InsertPerson => {
                "INSERT INTO persons (name, name_fold, birth_year, birth_date, gender, id_number, address)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                    .into()
            }
            Q::NextSeq => "SELECT coalesce(max(seq), 0) + 1 FROM cases WHERE year = ?1".into(),
            Q::InsertCase => {
                "INSERT INTO cases (case_no, year, seq, person_id, ward_id, category_id, enrolled_on, note)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
                    .into()
            }
            Q::InsertAssignment => INSERT_ASSIGNMENT.into(),
        }
    }
}

/// An enrollment's audit detail (its keys in this order; `member_id` only with a member).
#[derive(Serialize)]
struct EnrollDetail<'a> {
    person_id: i64,
    ward: &'a str,
    category: &'a str,
    enrolled_on: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    member_id: Option<i64>,
}

/// A contact's audit detail (its keys in this order, as every contact's row has them).
#[derive(Serialize)]
struct ReviewDetail<'a> {
    review_id: i64,
    reviewed_on: &'a str,
    class: &'a str,
    member_id: Option<i64>,
}

/// A support's audit detail.
#[derive(Serialize)]
struct SupportDetail<'a> {
    support_id: i64,
    given_on: &'a str,
    kind: &'a str,
    amount: Option<i64>,
    member_id: Option<i64>,
}

impl<'c> Recorder<'c> {
    /// At most this many cases are kept (and wards and categories, which a register has far
    /// fewer of), so that a file of 100,000 contacts stays within a command's memory (SPEC
    /// §10); past it they are forgotten and found again.
    const KEPT: usize = 4096;
    /// At most this many members: a member is small, and a file of cases or contacts for the
    /// whole city names each of its 6,000 members again and again.
    const KEPT_MEMBERS: usize = 16_384;

    pub fn new(conn: &'c Connection) -> Result<Self> {
        Ok(Recorder {
            conn,
            locks: sent::Locks::load(conn)?,
            cases: HashMap::new(),
            members: HashMap::new(),
            wards: HashMap::new(),
            categories: HashMap::new(),
            audit: audit::Appender::new(conn),
            stmts: std::array::from_fn(|_| None),
        })
    }

    /// Statement `q`, prepared the first time.
    fn stmt(&mut self, q: Q) -> Result<&mut Statement<'c>> {
        crate::db::kept(&mut self.stmts[q as usize], self.conn, || q.sql())
    }

    /// [`enroll`]: the ward, the category and the member are found through what the recorder
    /// keeps, and the sent periods it read.
    pub fn enroll(&mut self, ctx: &Ctx, input: &EnrollInput) -> Result<String> {
        let conn = self.conn;
        let name = parse_name(
            &input.name,
            crate::label_w!(false, "domain-word-name"),
            crate::label_w!(true, "domain-word-name"),
        )?;
        let name_fold = fold(&name);
        let ward_row = self.ward(&input.ward)?;
        let (ward_id, ward) = (ward_row.id, ward_row.code.clone());
        let (category_id, category) = self.category(&input.category)?;
        let birth = input.born.as_deref().map(|b| parse_birth(b, ctx.today)).transpose()?;
        let gender = input.gender.as_deref().map(Gender::parse).transpose()?;
        let id_number = input.id_number.as_deref().map(parse_id_number).transpose()?;
        let address = parse_text(
            input.address.as_deref(),
            MAX_ADDRESS,
            crate::label_w!(false, "domain-word-address"),
            crate::label_w!(true, "domain-word-address"),
        )?;
        let note = parse_note(input.note.as_deref())?;
        let date = event_date_or_today(input.date.as_deref(), ctx.today)?;
        self.locks.refuse_on(date)?;
        ward_row.require_on(conn, date)?;
        if let Some((y, _)) = birth {
            if y > date.year() {
                crate::refuse_w!("birth-year-after-enrollment", year = y.to_string(), date = date.to_string());
            }
        }
        let member = match input.member.as_deref() {
            Some(m) => Some(self.member(m)?),
            None => None,
        };
        if let Some(m) = &member {
            m.require_active(
                date,
                crate::label_w!(false, "domain-word-be-assigned"),
                crate::label_w!(true, "domain-word-be-assigned"),
            )?;
            require_serving(m, "(new)")?;
        }

        // Birth and gender as the persons table holds them (NULL: not typed).
        let (birth_year, birth_date, gender) =
            (birth.map(|b| b.0), birth.and_then(|b| b.1).map(iso), gender.map(Gender::code));

        // Which person: named by an earlier case, or matched by identity number, or new.
        let mut person_id: Option<i64> = None;
        if let Some(p) = &input.person {
            let earlier = lookup::case(conn, p)?;
            person_id = Some(earlier.person_id);
        }
        if let Some(idn) = &id_number {
            let holder: Option<i64> = self.stmt(Q::IdHolder)?.query_row(params![idn], |r| r.get(0)).optional()?;
            match (person_id, holder) {
                (Some(p), Some(h)) if p != h => {
                    crate::refuse_w!(
                        "identity-number-belongs-another",
                        id_number = idn.to_string(),
                        person = input.person.as_deref().unwrap_or_default().to_string()
                    );
                }
                (None, Some(h)) => person_id = Some(h),
                _ => {}
            }
        }
        if let Some(pid) = person_id {
            let (stored_fold, stored_idn): (String, Option<String>) = conn
                .prepare_cached("SELECT name_fold, id_number FROM persons WHERE id = ?1")?
                .query_row(params![pid], |r| Ok((r.get(0)?, r.get(1)?)))?;
            if stored_fold != name_fold {
                crate::refuse_w!("does-not-match-name", name = name.to_string());
            }
            if let (Some(a), Some(b)) = (&stored_idn, &id_number) {
                if a != b {
                    crate::refuse_w!("identity-number-differs-from", id_number = b.to_string());
                }
            }
            let open: Option<String> = conn
                .prepare_cached("SELECT case_no FROM cases WHERE person_id = ?1 AND released_on IS NULL")?
                .query_row(params![pid], |r| r.get(0))
                .optional()?;
            if let Some(c) = open {
                crate::refuse_w!("this-person-already-has", case = c.to_string());
            }
            let last_release: Option<String> = conn
                .prepare_cached("SELECT max(released_on) FROM cases WHERE person_id = ?1")?
                .query_row(params![pid], |r| r.get(0))?;
            if let Some(r) = last_release.filter(|r| *r > iso(date)) {
                crate::refuse_w!("enrollment-date-before-this", date = date.to_string(), released = r.to_string());
            }
            // Fill in what the clerk typed this time; the name on record stays (`edit` corrects it).
            conn.prepare_cached(
                "UPDATE persons SET
                   birth_year = coalesce(?2, birth_year),
                   birth_date = CASE WHEN ?2 IS NULL THEN birth_date
                                     WHEN ?3 IS NULL AND ?2 = birth_year THEN birth_date
                                     ELSE ?3 END,
                   gender = coalesce(?4, gender),
                   id_number = coalesce(?5, id_number),
                   address = coalesce(?6, address)
                 WHERE id = ?1",
            )?
            .execute(params![pid, birth_year, birth_date, gender, id_number, address])?;
        } else {
            // Same folded name and birth year as an open case: probably the same person typed
            // again. Two different identity numbers settle it the other way, so the check only
            // applies when one side has none.
            if !input.allow_duplicate {
                let dup: Option<String> = self
                    .stmt(Q::Duplicate)?
                    .query_row(params![name_fold, birth_year, id_number], |r| r.get(0))
                    .optional()?;
                if let Some(c) = dup {
                    crate::refuse_w!(
                        "domain-person-duplicate",
                        name = &name,
                        born = birth.map(|b| b.0.to_string()).unwrap_or_default(),
                        known = birth.is_some(),
                        case = &c
                    );
                }
            }
            self.stmt(Q::InsertPerson)?
                .execute(params![name, name_fold, birth_year, birth_date, gender, id_number, address])
                .context("adding the person")?;
            person_id = Some(conn.last_insert_rowid());
        }
        let person_id = person_id.ok_or_else(|| anyhow::anyhow!("no person"))?;

        // The number is allocated inside the IMMEDIATE transaction, so parallel clerks never
        // get the same one.
        let year = date.year();
        let seq: i64 = self.stmt(Q::NextSeq)?.query_row(params![year], |r| r.get(0))?;
        let case_no = format!("{year:04}-{seq:04}");
        self.stmt(Q::InsertCase)?
            .execute(params![case_no, year, seq, person_id, ward_id, category_id, iso(date), note])
            .context("adding the case")?;
        let case_id = conn.last_insert_rowid();
        wards::start_case(conn, case_id, &ward_row, date)?;
        // One command, one audit row: an assignment made with `--member` is part of the enroll row.
        let enrolled_on = iso(date);
        if let Some(m) = &member {
            self.stmt(Q::InsertAssignment)?
                .execute(params![case_id, m.id, enrolled_on])
                .context("adding the assignment")?;
        }
        let detail = EnrollDetail {
            person_id,
            ward: &ward,
            category: &category,
            enrolled_on: &enrolled_on,
            member_id: member.as_ref().map(|m| m.id),
        };
        self.audit.append(&ctx.stamp, "enroll", "case", &case_no, &detail)?;
        Ok(case_no)
    }

    /// What `typed` names in `kept`, else found by `find` and kept (at most `max`).
    fn kept<T: Clone>(
        kept: &mut HashMap<String, T>,
        max: usize,
        typed: &str,
        find: impl FnOnce() -> Result<T>,
    ) -> Result<T> {
        if let Some(v) = kept.get(typed) {
            return Ok(v.clone());
        }
        let v = find()?;
        if kept.len() >= max {
            kept.clear();
        }
        kept.insert(typed.to_string(), v.clone());
        Ok(v)
    }

    /// The member typed, as [`lookup::member`] finds it.
    fn member(&mut self, typed: &str) -> Result<Member> {
        let conn = self.conn;
        Self::kept(&mut self.members, Self::KEPT_MEMBERS, typed, || lookup::member(conn, typed))
    }

    /// The ward typed, as [`wards::find`] finds it.
    fn ward(&mut self, typed: &str) -> Result<wards::Ward> {
        let conn = self.conn;
        Self::kept(&mut self.wards, Self::KEPT, typed, || wards::find(conn, typed))
    }

    /// The category typed (id and code), as [`lookup::find`] finds it.
    fn category(&mut self, typed: &str) -> Result<(i64, String)> {
        let conn = self.conn;
        Self::kept(&mut self.categories, Self::KEPT, typed, || lookup::find(conn, Dict::Category, typed))
    }

    /// The case typed, as [`lookup::case`] finds it.
    fn case(&mut self, typed: &str) -> Result<Rc<Case>> {
        let conn = self.conn;
        Self::kept(&mut self.cases, Self::KEPT, typed, || Ok(Rc::new(lookup::case(conn, typed)?)))
    }

    /// The member acting: the one named (active that day), or else the one assigned that day.
    fn acting(
        &mut self,
        by: Option<&str>,
        assigned: Option<i64>,
        d: NaiveDate,
        doing_en: &str,
        doing_vi: &str,
    ) -> Result<Option<i64>> {
        let Some(typed) = by else { return Ok(assigned) };
        let m = self.member(typed)?;
        m.require_active(d, doing_en, doing_vi)?;
        Ok(Some(m.id))
    }

    /// Record a contact and its A–D class; returns the review id ([`review_with`]).
    #[allow(clippy::too_many_arguments)]
    pub fn review(
        &mut self,
        ctx: &Ctx,
        case: &str,
        class: &str,
        date: Option<&str>,
        by: Option<&str>,
        note: Option<&str>,
        again: bool,
    ) -> Result<i64> {
        let c = self.case(case)?;
        let class = Class::parse(class)?;
        let d = event_date_or_today(date, ctx.today)?;
        let note = parse_note(note)?;
        let (en, vi) = (crate::label_w!(false, "domain-entry-review"), crate::label_w!(true, "domain-entry-review"));
        c.require_within(d, en, vi)?;
        self.locks.refuse_on(d)?;
        let on = iso(d);
        let (assigned, first): (Option<i64>, Option<i64>) =
            self.stmt(Q::ReviewFacts)?.query_row(params![c.id, on], |r| Ok((r.get(0)?, r.get(1)?)))?;
        let member = self.acting(by, assigned, d, en, vi)?;
        if !again {
            month::refuse_double_review(&c, d, first)?;
        }
        self.stmt(Q::InsertReview)?.execute(params![c.id, on, class.code(), member, note])?;
        let id = self.conn.last_insert_rowid();
        let detail = ReviewDetail { review_id: id, reviewed_on: &on, class: class.code(), member_id: member };
        self.audit.append(&ctx.stamp, "review", "case", &c.no, &detail)?;
        Ok(id)
    }

    /// Record help given; returns the support id ([`support_with`]).
    #[allow(clippy::too_many_arguments)]
    pub fn support(
        &mut self,
        ctx: &Ctx,
        case: &str,
        kind: &str,
        amount: Option<&str>,
        date: Option<&str>,
        by: Option<&str>,
        note: Option<&str>,
        again: bool,
    ) -> Result<i64> {
        let c = self.case(case)?;
        let kind = SupportKind::parse(kind)?;
        let amount = amount.map(parse_amount).transpose()?;
        let d = event_date_or_today(date, ctx.today)?;
        let note = parse_note(note)?;
        c.require_within(
            d,
            crate::label_w!(false, "domain-entry-support"),
            crate::label_w!(true, "domain-entry-support"),
        )?;
        self.locks.refuse_on(d)?;
        let on = iso(d);
        let (assigned, first): (Option<i64>, Option<i64>) = self
            .stmt(Q::SupportFacts)?
            .query_row(params![c.id, on, kind.code(), amount], |r| Ok((r.get(0)?, r.get(1)?)))?;
        let member = self.acting(
            by,
            assigned,
            d,
            crate::label_w!(false, "domain-word-give-support"),
            crate::label_w!(true, "domain-word-give-support"),
        )?;
        if !again {
            month::refuse_double_support(&c, d, kind, amount, first)?;
        }
        self.stmt(Q::InsertSupport)?.execute(params![c.id, on, kind.code(), amount, member, note])?;
        let id = self.conn.last_insert_rowid();
        let detail = SupportDetail { support_id: id, given_on: &on, kind: kind.code(), amount, member_id: member };
        self.audit.append(&ctx.stamp, "support", "case", &c.no, &detail)?;
        Ok(id)
    }
}

/// The latest event dated on a case (assignment start, review, support); voided contacts and
/// supports count nowhere, so they do not hold a release back either.
fn last_event(conn: &Connection, case_id: i64) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached(
            "SELECT max(d) FROM (
               SELECT max(start_on) AS d FROM assignments WHERE case_id = ?1
               UNION ALL SELECT max(reviewed_on) FROM reviews WHERE case_id = ?1 AND voided_on IS NULL
               UNION ALL SELECT max(given_on) FROM supports WHERE case_id = ?1 AND voided_on IS NULL)",
        )?
        .query_row(params![case_id], |r| r.get(0))?)
}

fn first_event(conn: &Connection, case_id: i64) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached(
            "SELECT min(d) FROM (
               SELECT min(start_on) AS d FROM assignments WHERE case_id = ?1
               UNION ALL SELECT min(reviewed_on) FROM reviews WHERE case_id = ?1 AND voided_on IS NULL
               UNION ALL SELECT min(given_on) FROM supports WHERE case_id = ?1 AND voided_on IS NULL)",
        )?
        .query_row(params![case_id], |r| r.get(0))?)
}

/// Close a case; returns its number. A `progressed` release credits the member assigned on
/// the release day unless `credit` names another, and is refused with nobody to credit.
pub fn release(
    conn: &Connection,
    ctx: &Ctx,
    case: &str,
    reason: &str,
    date: Option<&str>,
    credit: Option<&str>,
    note: Option<&str>,
) -> Result<String> {
    let c = lookup::case(conn, case)?;
    let reason = Reason::parse(reason)?;
    let d = event_date_or_today(date, ctx.today)?;
    let note = parse_note(note)?;
    if let Some(r) = c.released_on {
        crate::refuse_w!("case-was-already-released", case = c.no.to_string(), released = r.to_string());
    }
    c.require_within(d, crate::label_w!(false, "domain-word-release"), crate::label_w!(true, "domain-word-release"))?;
    sent::refuse_on(conn, d)?;
    if let Some(moved) = wards::case_last_move(conn, c.id)?.filter(|m| *m > d) {
        crate::refuse_w!(
            "release-date-before-case",
            date = d.to_string(),
            case = c.no.to_string(),
            moved = moved.to_string()
        );
    }
    if let Some(last) = last_event(conn, c.id)?.filter(|l| *l > iso(d)) {
        crate::refuse_w!(
            "release-date-before-event",
            date = d.to_string(),
            case = c.no.to_string(),
            last = last.to_string()
        );
    }
    let credited = if reason == Reason::Progressed {
        match credit {
            Some(typed) => {
                let m = lookup::member(conn, typed)?;
                m.require_active(
                    d,
                    crate::label_w!(false, "domain-word-be-credited"),
                    crate::label_w!(true, "domain-word-be-credited"),
                )?;
                Some(m.id)
            }
            None => Some(lookup::assigned_on(conn, c.id, d)?.ok_or_else(|| {
                crate::refusal_w!("case-has-no-member", case = c.no.to_string(), date = d.to_string())
            })?),
        }
    } else {
        if let Some(typed) = credit {
            crate::refuse_w!(
                "credit-applies-only-progressed",
                typed = typed.to_string(),
                reason = reason.code().to_string()
            );
        }
        None
    };
    conn.prepare_cached(
        "UPDATE cases SET released_on = ?2, reason = ?3, credited_member_id = ?4,
           note = coalesce(?5, note) WHERE id = ?1",
    )?
    .execute(params![c.id, iso(d), reason.code(), credited, note])?;
    conn.prepare_cached("UPDATE assignments SET end_on = ?2 WHERE case_id = ?1 AND end_on IS NULL")?
        .execute(params![c.id, iso(d)])?;
    wards::case_released(conn, c.id, d)?;
    audit::append(
        conn,
        &ctx.stamp,
        "release",
        "case",
        &c.no,
        &json!({"released_on": iso(d), "reason": reason.code(), "credited_member_id": credited}),
    )?;
    Ok(c.no)
}

/// Undo a release recorded by mistake: the case is open again and the assignment that the
/// release ended is current again — unless that member has left since, in which case the
/// case reopens unassigned (`report overdue` lists it until someone is assigned).
pub fn reopen(conn: &Connection, ctx: &Ctx, case: &str) -> Result<String> {
    let c = lookup::case(conn, case)?;
    let Some(released) = c.released_on else {
        crate::refuse_w!("case-open-only-released", case = c.no.to_string());
    };
    // Undoing the release changes the days from it on.
    sent::refuse_span(conn, sent::Who::Case(&c.no), released, sent::OPEN_END)?;
    let other: Option<String> = conn
        .prepare_cached("SELECT case_no FROM cases WHERE person_id = ?1 AND released_on IS NULL")?
        .query_row(params![c.person_id], |r| r.get(0))
        .optional()?;
    if let Some(o) = other {
        crate::refuse_w!("cannot-reopen-case-same", case = c.no.to_string(), other = o.to_string());
    }
    let later: Option<String> = conn
        .prepare_cached("SELECT case_no FROM cases WHERE person_id = ?1 AND enrolled_on > ?2 LIMIT 1")?
        .query_row(params![c.person_id, iso(c.enrolled_on)], |r| r.get(0))
        .optional()?;
    if let Some(o) = later {
        crate::refuse_w!("cannot-reopen-case-same-2", case = c.no.to_string(), other = o.to_string());
    }
    conn.prepare_cached("UPDATE cases SET released_on = NULL, reason = NULL, credited_member_id = NULL WHERE id = ?1")?
        .execute(params![c.id])?;
    conn.prepare_cached(
        "UPDATE assignments SET end_on = NULL WHERE id = (
           SELECT a.id FROM assignments a JOIN members m ON m.id = a.member_id
           WHERE a.case_id = ?1 AND a.end_on = ?2
           ORDER BY a.start_on DESC, a.id DESC LIMIT 1)
         AND (SELECT m.left_on FROM assignments a JOIN members m ON m.id = a.member_id
              WHERE a.id = assignments.id) IS NULL",
    )?
    .execute(params![c.id, iso(released)])?;
    wards::case_reopened(conn, c.id)?;
    audit::append(
        conn,
        &ctx.stamp,
        "reopen",
        "case",
        &c.no,
        &json!({"undone_release": {"released_on": iso(released), "reason": c.reason, "credited_member_id": c.credited}}),
    )?;
    Ok(c.no)
}

#[derive(Debug, Clone, Default)]
pub struct CaseEdit {
    pub name: Option<String>,
    pub born: Option<String>,
    pub gender: Option<String>,
    pub id_number: Option<String>,
    pub address: Option<String>,
    pub ward: Option<String>,
    pub category: Option<String>,
    pub date: Option<String>,
    pub note: Option<String>,
}

/// Correct a case or its person; returns the case number. The audit row names the fields
/// changed (with new values for codes and dates; personal values are not copied into it).
pub fn edit(conn: &Connection, ctx: &Ctx, case: &str, e: &CaseEdit) -> Result<String> {
    let c = lookup::case(conn, case)?;
    if e.ward.is_some() || e.category.is_some() || e.date.is_some() {
        // The case's whole span changes ward or category; a new enrollment date changes the
        // days between the old and the new one too.
        let mut from = c.enrolled_on;
        if let Some(dt) = &e.date {
            from = from.min(parse_event_date(dt, ctx.today)?);
        }
        sent::refuse_span(conn, sent::Who::Case(&c.no), from, c.released_on.unwrap_or(sent::OPEN_END))?;
    }
    let mut changed = serde_json::Map::new();
    if let Some(n) = &e.name {
        let n = parse_name(n, crate::label_w!(false, "domain-word-name"), crate::label_w!(true, "domain-word-name"))?;
        conn.prepare_cached("UPDATE persons SET name = ?2, name_fold = ?3 WHERE id = ?1")?.execute(params![
            c.person_id,
            n,
            fold(&n)
        ])?;
        changed.insert("name".into(), json!("changed"));
    }
    if let Some(b) = &e.born {
        let (y, d) = parse_birth(b, ctx.today)?;
        if y > c.enrolled_on.year() {
            crate::refuse_w!(
                "birth-year-after-case",
                year = y.to_string(),
                case = c.no.to_string(),
                enrolled_on = c.enrolled_on.to_string()
            );
        }
        conn.prepare_cached("UPDATE persons SET birth_year = ?2, birth_date = ?3 WHERE id = ?1")?.execute(params![
            c.person_id,
            y,
            d.map(iso)
        ])?;
        changed.insert("born".into(), json!("changed"));
    }
    if let Some(g) = &e.gender {
        let g = Gender::parse(g)?;
        conn.prepare_cached("UPDATE persons SET gender = ?2 WHERE id = ?1")?.execute(params![c.person_id, g.code()])?;
        changed.insert("gender".into(), json!("changed"));
    }
    if let Some(i) = &e.id_number {
        let i = parse_id_number(i)?;
        let holder: Option<i64> = conn
            .prepare_cached("SELECT id FROM persons WHERE id_number = ?1 AND id <> ?2")?
            .query_row(params![i, c.person_id], |r| r.get(0))
            .optional()?;
        if holder.is_some() {
            crate::refuse_w!("identity-number-already-belongs", id_number = i.to_string());
        }
        conn.prepare_cached("UPDATE persons SET id_number = ?2 WHERE id = ?1")?.execute(params![c.person_id, i])?;
        changed.insert("id_number".into(), json!("changed"));
    }
    if let Some(a) = &e.address {
        let a = parse_text(
            Some(a),
            MAX_ADDRESS,
            crate::label_w!(false, "domain-word-address"),
            crate::label_w!(true, "domain-word-address"),
        )?;
        conn.prepare_cached("UPDATE persons SET address = ?2 WHERE id = ?1")?.execute(params![c.person_id, a])?;
        changed.insert("address".into(), json!("changed"));
    }
    if let Some(w) = &e.ward {
        // A correction from the first day (see wards::correct_case_ward); a move is `mh51 move`.
        let code = wards::correct_case_ward(conn, &c, w)?;
        changed.insert("ward".into(), json!(code));
    }
    if let Some(k) = &e.category {
        let (id, code) = lookup::find(conn, Dict::Category, k)?;
        conn.prepare_cached("UPDATE cases SET category_id = ?2 WHERE id = ?1")?.execute(params![c.id, id])?;
        changed.insert("category".into(), json!(code));
    }
    if let Some(dt) = &e.date {
        let d = parse_event_date(dt, ctx.today)?;
        if d.year() != c.enrolled_on.year() {
            crate::refuse_w!("enrollment-date-another-year", date = d.to_string(), case = c.no.to_string());
        }
        if let Some(first) = first_event(conn, c.id)?.filter(|f| *f < iso(d)) {
            crate::refuse_w!(
                "enrollment-date-after-event",
                date = d.to_string(),
                case = c.no.to_string(),
                first = first.to_string()
            );
        }
        if let Some(r) = c.released_on.filter(|r| *r < d) {
            crate::refuse_w!(
                "enrollment-date-after-case",
                date = d.to_string(),
                case = c.no.to_string(),
                released = r.to_string()
            );
        }
        let prev: Option<String> = conn
            .prepare_cached(
                "SELECT max(released_on) FROM cases WHERE person_id = ?1 AND id <> ?2 AND enrolled_on <= ?3",
            )?
            .query_row(params![c.person_id, c.id, iso(c.enrolled_on)], |r| r.get(0))?;
        if let Some(p) = prev.filter(|p| *p > iso(d)) {
            crate::refuse_w!("enrollment-date-before-this-2", date = d.to_string(), released = p.to_string());
        }
        wards::case_start_changed(conn, &c, d)?;
        conn.prepare_cached("UPDATE cases SET enrolled_on = ?2 WHERE id = ?1")?.execute(params![c.id, iso(d)])?;
        changed.insert("enrolled_on".into(), json!(iso(d)));
    }
    if let Some(n) = &e.note {
        let n = parse_note(Some(n))?;
        conn.prepare_cached("UPDATE cases SET note = ?2 WHERE id = ?1")?.execute(params![c.id, n])?;
        changed.insert("note".into(), json!("changed"));
    }
    if changed.is_empty() {
        crate::refuse_w!("nothing-change-for-case", case = c.no.to_string());
    }
    audit::append(conn, &ctx.stamp, "edit", "case", &c.no, &serde_json::Value::Object(changed))?;
    Ok(c.no)
}
