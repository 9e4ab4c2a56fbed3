//! Wards change (SPEC §13): a ward's existence, mergers, moves, and the ward of a case or a
//! member on each day.
//!
//! # The model
//! A ward exists from `wards.from_on` (NULL: since the register began) until the day before
//! `wards.dissolved_on`; a dissolved ward names its `successor_id`. The ward of a case on day
//! d is the row of `case_wards` with the greatest `from_on` <= d (members: `member_wards`);
//! the first row starts on the enrollment (joining) day. This is the one definition: the
//! reports inline it as the correlated subquery
//! `SELECT ward_id FROM case_wards WHERE case_id = c.id AND from_on <= d ORDER BY from_on
//! DESC LIMIT 1`, an index seek on the primary key (case_id, from_on), and
//! [`case_ward_on`] answers it for one case. `cases.ward_id` / `members.ward_id` hold the
//! current (or last) ward — the ward of the latest row — and every function here that
//! changes a history keeps them in step, so `v_cases`, `list --ward` and scripts need not
//! know about history.
//!
//! # Operations
//! `merge` dissolves wards into another on a day (one audit row); `move_case` and
//! `move_member` add a row (the history is kept, unlike `edit --ward`, a correction:
//! [`correct_case_ward`] rewrites the ward from the first day, and is refused once the case
//! has moved or been merged, because a correction cannot know which part of a history was
//! wrong). Moves are recorded in order: a move dated on or before the latest change of the
//! same history is refused.

use std::collections::HashMap;

use anyhow::{Context, Result};
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
use serde_json::json;

use crate::audit;
use crate::domain::lookup::{self, Case, Dict, Member};
use crate::domain::register;
use crate::domain::types::{event_date_or_today, from_iso, iso, parse_event_date, parse_name};
use crate::domain::{sent, Ctx};
use crate::text::{clean, fold};

/// A ward as the rules need it.
#[derive(Debug, Clone)]
pub struct Ward {
    pub id: i64,
    pub code: String,
    pub from_on: Option<NaiveDate>,
    pub dissolved_on: Option<NaiveDate>,
    pub successor: Option<i64>,
}

/// A ward row as read: id, code, from_on, dissolved_on, successor_id.
type WardRow = (i64, String, Option<String>, Option<String>, Option<i64>);

fn ward_row(r: &rusqlite::Row) -> rusqlite::Result<WardRow> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
}

fn to_ward((id, code, from, dissolved, successor): WardRow) -> Result<Ward> {
    Ok(Ward {
        id,
        code,
        from_on: from.as_deref().map(from_iso).transpose()?,
        dissolved_on: dissolved.as_deref().map(from_iso).transpose()?,
        successor,
    })
}

pub fn ward_by_id(conn: &Connection, id: i64) -> Result<Ward> {
    let row = conn
        .prepare_cached("SELECT id, code, from_on, dissolved_on, successor_id FROM wards WHERE id = ?1")?
        .query_row(params![id], ward_row)
        .context("looking up a ward")?;
    to_ward(row)
}

/// A ward by what the clerk typed (code or name): one lookup in the common case (every
/// enrollment of an import comes here), `lookup::find` for shorthands and the refusal.
pub fn find(conn: &Connection, typed: &str) -> Result<Ward> {
    let row = conn
        .prepare_cached(
            "SELECT id, code, from_on, dissolved_on, successor_id FROM wards WHERE code_fold = ?1 OR name_fold = ?1",
        )?
        .query_row(params![fold(typed)], ward_row)
        .optional()
        .context("looking up a ward")?;
    match row {
        Some(row) => to_ward(row),
        None => {
            let (id, _) = lookup::find(conn, Dict::Ward, typed)?;
            ward_by_id(conn, id)
        }
    }
}

/// The code of the ward that has taken over `w` today (following every merger forward).
fn last_successor(conn: &Connection, w: &Ward) -> Result<String> {
    let mut cur = w.clone();
    // A successor chain is finite: each merger dissolves a ward that existed, into one that
    // is not dissolved; the bound only guards against a hand-edited cycle.
    for _ in 0..1000 {
        match cur.successor {
            Some(s) => cur = ward_by_id(conn, s)?,
            None => break,
        }
    }
    Ok(cur.code)
}

impl Ward {
    /// Refuse unless the ward exists on `d`; a dissolved ward names its successor.
    pub fn require_on(&self, conn: &Connection, d: NaiveDate) -> Result<()> {
        self.require_span(conn, d, Some(d))
    }

    /// Refuse unless the ward exists on every day of [from, to] (`to` None: from on, for good).
    pub fn require_span(&self, conn: &Connection, from: NaiveDate, to: Option<NaiveDate>) -> Result<()> {
        if let Some(f) = self.from_on.filter(|f| *f > from) {
            crate::refuse_w!(
                "ward-exists-only-from",
                code = self.code.to_string(),
                from = f.to_string(),
                day = from.to_string()
            );
        }
        if let Some(dd) = self.dissolved_on.filter(|dd| to.is_none_or(|t| *dd <= t)) {
            let s = last_successor(conn, self)?;
            let day = dd.max(from);
            crate::refuse_w!(
                "ward-was-dissolved-merged",
                code = self.code.to_string(),
                date = dd.to_string(),
                typed = s.to_string(),
                day = day.to_string()
            );
        }
        Ok(())
    }
}

/// The ward of a case on day `d` (the enrollment ward before its first day).
pub fn case_ward_on(conn: &Connection, case_id: i64, d: NaiveDate) -> Result<Option<i64>> {
    conn.prepare_cached(
        "SELECT ward_id FROM case_wards WHERE case_id = ?1 AND from_on <= ?2 ORDER BY from_on DESC LIMIT 1",
    )?
    .query_row(params![case_id, iso(d)], |r| r.get(0))
    .optional()
    .context("finding a case's ward")
}

/// The two histories, told apart by these statements (never by formatting SQL).
struct Hist {
    insert: &'static str,
    last: &'static str,
    rows: &'static str,
    sync: &'static str,
    first_cause: &'static str,
    /// The day of the latest move.
    last_move: &'static str,
    /// Remove the merger rows after a day (released or left before the merger).
    drop_merges_after: &'static str,
    /// A merger of ?1 into ?2 on ?3: rows in ?1 dated ?3 or later (typed before the merger
    /// was recorded) are put in ?2.
    absorb_later: &'static str,
    /// A merger of ?1 into ?2 on ?3: everyone there on the day before moves on ?3.
    absorb: &'static str,
    /// Everyone whose current ward is ?1 gets the ward of their latest history row.
    sync_ward: &'static str,
}

const CASE: Hist = Hist {
    insert: "INSERT INTO case_wards (case_id, from_on, ward_id, cause) VALUES (?1, ?2, ?3, ?4)",
    last: "SELECT from_on, ward_id FROM case_wards WHERE case_id = ?1 ORDER BY from_on DESC LIMIT 1",
    rows: "SELECT count(*) FROM case_wards WHERE case_id = ?1",
    sync: "UPDATE cases SET ward_id = (SELECT ward_id FROM case_wards WHERE case_id = cases.id
             ORDER BY from_on DESC LIMIT 1) WHERE id = ?1",
    first_cause: "enroll",
    last_move: "SELECT max(from_on) FROM case_wards WHERE case_id = ?1 AND cause = 'move'",
    drop_merges_after: "DELETE FROM case_wards WHERE case_id = ?1 AND cause = 'merge' AND from_on > ?2",
    absorb_later: "UPDATE case_wards SET ward_id = ?2 WHERE ward_id = ?1 AND from_on >= ?3",
    absorb: "INSERT INTO case_wards (case_id, from_on, ward_id, cause)
             SELECT c.id, ?3, ?2, 'merge' FROM cases c
             WHERE c.id IN (SELECT case_id FROM case_wards WHERE ward_id = ?1)
               AND c.enrolled_on <= ?3 AND (c.released_on IS NULL OR c.released_on >= ?3)
               AND (SELECT cw.ward_id FROM case_wards cw WHERE cw.case_id = c.id AND cw.from_on < ?3
                    ORDER BY cw.from_on DESC LIMIT 1) = ?1
               AND NOT EXISTS (SELECT 1 FROM case_wards cw WHERE cw.case_id = c.id AND cw.from_on = ?3)",
    sync_ward: "UPDATE cases SET ward_id = (SELECT ward_id FROM case_wards WHERE case_id = cases.id
           ORDER BY from_on DESC LIMIT 1) WHERE ward_id = ?1",
};

const MEMBER: Hist = Hist {
    insert: "INSERT INTO member_wards (member_id, from_on, ward_id, cause) VALUES (?1, ?2, ?3, ?4)",
    last: "SELECT from_on, ward_id FROM member_wards WHERE member_id = ?1 ORDER BY from_on DESC LIMIT 1",
    rows: "SELECT count(*) FROM member_wards WHERE member_id = ?1",
    sync: "UPDATE members SET ward_id = (SELECT ward_id FROM member_wards WHERE member_id = members.id
             ORDER BY from_on DESC LIMIT 1) WHERE id = ?1",
    first_cause: "join",
    last_move: "SELECT max(from_on) FROM member_wards WHERE member_id = ?1 AND cause = 'move'",
    drop_merges_after: "DELETE FROM member_wards WHERE member_id = ?1 AND cause = 'merge' AND from_on > ?2",
    absorb_later: "UPDATE member_wards SET ward_id = ?2 WHERE ward_id = ?1 AND from_on >= ?3",
    absorb: "INSERT INTO member_wards (member_id, from_on, ward_id, cause)
             SELECT m.id, ?3, ?2, 'merge' FROM members m
             WHERE m.id IN (SELECT member_id FROM member_wards WHERE ward_id = ?1)
               AND m.joined_on <= ?3 AND (m.left_on IS NULL OR m.left_on >= ?3)
               AND (SELECT mw.ward_id FROM member_wards mw WHERE mw.member_id = m.id AND mw.from_on < ?3
                    ORDER BY mw.from_on DESC LIMIT 1) = ?1
               AND NOT EXISTS (SELECT 1 FROM member_wards mw WHERE mw.member_id = m.id AND mw.from_on = ?3)",
    sync_ward: "UPDATE members SET ward_id = (SELECT ward_id FROM member_wards WHERE member_id = members.id
           ORDER BY from_on DESC LIMIT 1) WHERE ward_id = ?1",
};

impl Hist {
    fn last(&self, conn: &Connection, id: i64) -> Result<Option<(NaiveDate, i64)>> {
        let row: Option<(String, i64)> = conn
            .prepare_cached(self.last)?
            .query_row(params![id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()
            .context("reading ward history")?;
        row.map(|(d, w)| Ok((from_iso(&d)?, w))).transpose()
    }

    fn add(&self, conn: &Connection, id: i64, d: NaiveDate, ward: i64, cause: &str) -> Result<()> {
        conn.prepare_cached(self.insert)?
            .execute(params![id, iso(d), ward, cause])
            .context("recording ward history")?;
        conn.prepare_cached(self.sync)?.execute(params![id])?;
        Ok(())
    }

    /// Begin a history in `ward`; one that a merger recorded earlier dissolves later follows
    /// the merger. One insert when the ward is not dissolved (an import of a city's cases does
    /// this 100,000 times).
    fn start(&self, conn: &Connection, id: i64, ward: &Ward, first: NaiveDate) -> Result<()> {
        conn.prepare_cached(self.insert)?
            .execute(params![id, iso(first), ward.id, self.first_cause])
            .context("recording the ward")?;
        if ward.dissolved_on.is_some() {
            self.follow_merges(conn, id, None)?;
        }
        Ok(())
    }

    fn last_move(&self, conn: &Connection, id: i64) -> Result<Option<NaiveDate>> {
        let d: Option<String> = conn.prepare_cached(self.last_move)?.query_row(params![id], |r| r.get(0))?;
        d.as_deref().map(from_iso).transpose()
    }

    /// Gone on `d` (released, left): not there for a merger after `d`, so the merger rows
    /// received since are removed (a history covers its owner's own days only).
    fn ended(&self, conn: &Connection, id: i64, d: NaiveDate) -> Result<()> {
        conn.prepare_cached(self.drop_merges_after)?.execute(params![id, iso(d)])?;
        conn.prepare_cached(self.sync)?.execute(params![id])?;
        Ok(())
    }

    /// Ward `from` is taken over by `into` on `d`; how many rows changed.
    fn take_over(&self, conn: &Connection, from: i64, into: i64, d: NaiveDate) -> Result<usize> {
        let p = params![from, into, iso(d)];
        let mut n = conn.prepare_cached(self.absorb_later)?.execute(p)?;
        n += conn.prepare_cached(self.absorb)?.execute(p)?;
        conn.prepare_cached(self.sync_ward)?.execute(params![from])?;
        Ok(n)
    }

    fn rows(&self, conn: &Connection, id: i64) -> Result<i64> {
        Ok(conn.prepare_cached(self.rows)?.query_row(params![id], |r| r.get(0))?)
    }

    /// While the latest ward was dissolved on a day the owner was still there (open until
    /// `until`, None = still open), follow the merger: the owner moves to the successor on
    /// that day. For a move or reopen into a ward that a merger recorded earlier dissolved.
    fn follow_merges(&self, conn: &Connection, id: i64, until: Option<NaiveDate>) -> Result<()> {
        for _ in 0..1000 {
            let Some((_, w)) = self.last(conn, id)? else { return Ok(()) };
            let ward = ward_by_id(conn, w)?;
            match (ward.dissolved_on, ward.successor) {
                (Some(dd), Some(s)) if until.is_none_or(|u| u >= dd) => self.add(conn, id, dd, s, "merge")?,
                _ => return Ok(()),
            }
        }
        Ok(())
    }
}

/// Begin a new case's history in `ward` (checked by [`require_ward_on`]); a case enrolled in
/// a ward that a merger recorded earlier dissolves later follows the merger. One insert when
/// the ward is not dissolved (an import of a city's cases does this 100,000 times).
pub fn start_case(conn: &Connection, case_id: i64, ward: &Ward, enrolled: NaiveDate) -> Result<()> {
    CASE.start(conn, case_id, ward, enrolled)
}

/// Begin a new member's history, following later mergers likewise.
pub fn start_member(conn: &Connection, member_id: i64, ward: &Ward, joined: NaiveDate) -> Result<()> {
    MEMBER.start(conn, member_id, ward, joined)
}

/// The day of a case's latest move, if it ever moved (a release cannot be dated before it).
pub fn case_last_move(conn: &Connection, case_id: i64) -> Result<Option<NaiveDate>> {
    CASE.last_move(conn, case_id)
}

pub fn member_last_move(conn: &Connection, member_id: i64) -> Result<Option<NaiveDate>> {
    MEMBER.last_move(conn, member_id)
}

/// A case released on `d` was not there for a merger after `d`: the merger rows a case
/// open until now had received are removed (a case's history covers its own days only).
pub fn case_released(conn: &Connection, case_id: i64, d: NaiveDate) -> Result<()> {
    CASE.ended(conn, case_id, d)
}

/// The same for a member who leaves on `d`.
pub fn member_left(conn: &Connection, member_id: i64, d: NaiveDate) -> Result<()> {
    MEMBER.ended(conn, member_id, d)
}

/// After a reopen: a case released before its ward was merged follows the merger.
pub fn case_reopened(conn: &Connection, case_id: i64) -> Result<()> {
    CASE.follow_merges(conn, case_id, None)
}

/// `move CASE --ward W [--date D]`: the person lives in ward W from D on.
pub fn move_case(conn: &Connection, ctx: &Ctx, case: &str, ward: &str, date: Option<&str>) -> Result<String> {
    let c = lookup::case(conn, case)?;
    let w = find(conn, ward)?;
    let d = event_date_or_today(date, ctx.today)?;
    c.require_within(d, crate::label_w!(false, "domain-word-move"), crate::label_w!(true, "domain-word-move"))?;
    sent::refuse_on(conn, d)?;
    w.require_on(conn, d)?;
    let from = require_after_last(
        conn,
        &CASE,
        c.id,
        d,
        w.id,
        &w.code,
        crate::label_w!(false, "domain-word-case"),
        crate::label_w!(true, "domain-word-case"),
        &c.no,
    )?;
    CASE.add(conn, c.id, d, w.id, "move")?;
    CASE.follow_merges(conn, c.id, c.released_on)?;
    audit::append(conn, &ctx.stamp, "move", "case", &c.no, &json!({"from_ward": from, "ward": w.code, "on": iso(d)}))?;
    Ok(c.no)
}

/// `member move ID --ward W [--date D]`.
pub fn move_member(conn: &Connection, ctx: &Ctx, id: &str, ward: &str, date: Option<&str>) -> Result<i64> {
    let m = lookup::member(conn, id)?;
    let w = find(conn, ward)?;
    let d = event_date_or_today(date, ctx.today)?;
    m.require_active(d, crate::label_w!(false, "domain-word-move"), crate::label_w!(true, "domain-word-move"))?;
    sent::refuse_on(conn, d)?;
    w.require_on(conn, d)?;
    let key = m.id.to_string();
    let from = require_after_last(
        conn,
        &MEMBER,
        m.id,
        d,
        w.id,
        &w.code,
        crate::label_w!(false, "domain-word-member"),
        crate::label_w!(true, "domain-word-member"),
        &key,
    )?;
    MEMBER.add(conn, m.id, d, w.id, "move")?;
    MEMBER.follow_merges(conn, m.id, m.left_on)?;
    audit::append(conn, &ctx.stamp, "move", "member", &key, &json!({"from_ward": from, "ward": w.code, "on": iso(d)}))?;
    Ok(m.id)
}

/// A move must come after the latest change of the history and go somewhere else; returns
/// the code of the ward moved from.
#[allow(clippy::too_many_arguments)]
fn require_after_last(
    conn: &Connection,
    h: &Hist,
    id: i64,
    d: NaiveDate,
    to: i64,
    to_code: &str,
    what_en: &str,
    what_vi: &str,
    key: &str,
) -> Result<String> {
    let Some((last_on, last_ward)) = h.last(conn, id)? else {
        anyhow::bail!("{what_en} {key} has no ward history (run `mh51 check`)");
    };
    let last_code = ward_by_id(conn, last_ward)?.code;
    if d <= last_on {
        crate::refuse_w!(
            "move-date-not-after",
            date = d.to_string(),
            what = crate::words::both(what_en, what_vi),
            key = key.to_string(),
            last_on = last_on.to_string(),
            last_code = last_code.to_string()
        );
    }
    if last_ward == to {
        crate::refuse_w!(
            "already-ward",
            what = crate::words::both(what_en, what_vi),
            key = key.to_string(),
            to_code = to_code.to_string(),
            date = d.to_string()
        );
    }
    Ok(last_code)
}

/// `edit CASE --ward W`: a correction of the ward the case was enrolled in, from its first
/// day. Refused once the case has moved or been merged (its history has more than one row):
/// a correction cannot tell which part of a history was wrong.
pub fn correct_case_ward(conn: &Connection, c: &Case, typed: &str) -> Result<String> {
    let w = find(conn, typed)?;
    if CASE.rows(conn, c.id)? > 1 {
        crate::refuse_w!("case-has-changed-ward", case = c.no.to_string(), code = w.code.to_string());
    }
    w.require_span(conn, c.enrolled_on, c.released_on)?;
    conn.prepare_cached("UPDATE case_wards SET ward_id = ?2 WHERE case_id = ?1")?.execute(params![c.id, w.id])?;
    conn.prepare_cached(CASE.sync)?.execute(params![c.id])?;
    Ok(w.code)
}

/// `member edit ID --ward W`: the same correction for a member.
pub fn correct_member_ward(conn: &Connection, m: &Member, typed: &str) -> Result<String> {
    let w = find(conn, typed)?;
    if MEMBER.rows(conn, m.id)? > 1 {
        crate::refuse_w!("member-has-changed-ward", id = m.id.to_string(), code = w.code.to_string());
    }
    w.require_span(conn, m.joined_on, m.left_on)?;
    conn.prepare_cached("UPDATE member_wards SET ward_id = ?2 WHERE member_id = ?1")?.execute(params![m.id, w.id])?;
    conn.prepare_cached(MEMBER.sync)?.execute(params![m.id])?;
    Ok(w.code)
}

/// A corrected enrollment date moves the first history row with it: refused when the new
/// date is on or after a later ward change, or the ward did not exist yet.
pub fn case_start_changed(conn: &Connection, c: &Case, new: NaiveDate) -> Result<()> {
    start_changed(
        conn,
        true,
        c.id,
        c.enrolled_on,
        new,
        &c.no,
        crate::label_w!(false, "domain-word-case"),
        crate::label_w!(true, "domain-word-case"),
    )
}

pub fn member_start_changed(conn: &Connection, m: &Member, new: NaiveDate) -> Result<()> {
    start_changed(
        conn,
        false,
        m.id,
        m.joined_on,
        new,
        &m.id.to_string(),
        crate::label_w!(false, "domain-word-member"),
        crate::label_w!(true, "domain-word-member"),
    )
}

#[allow(clippy::too_many_arguments)]
fn start_changed(
    conn: &Connection,
    is_case: bool,
    id: i64,
    old: NaiveDate,
    new: NaiveDate,
    key: &str,
    what_en: &str,
    what_vi: &str,
) -> Result<()> {
    let (second_sql, first_sql, update_sql) = if is_case {
        (
            "SELECT min(from_on) FROM case_wards WHERE case_id = ?1 AND from_on > ?2",
            "SELECT ward_id FROM case_wards WHERE case_id = ?1 ORDER BY from_on LIMIT 1",
            "UPDATE case_wards SET from_on = ?3 WHERE case_id = ?1 AND from_on = ?2",
        )
    } else {
        (
            "SELECT min(from_on) FROM member_wards WHERE member_id = ?1 AND from_on > ?2",
            "SELECT ward_id FROM member_wards WHERE member_id = ?1 ORDER BY from_on LIMIT 1",
            "UPDATE member_wards SET from_on = ?3 WHERE member_id = ?1 AND from_on = ?2",
        )
    };
    let second: Option<String> = conn.prepare_cached(second_sql)?.query_row(params![id, iso(old)], |r| r.get(0))?;
    if let Some(s) = second.filter(|s| *s <= iso(new)) {
        crate::refuse_w!(
            "date-not-before-s",
            new = new.to_string(),
            what = crate::words::both(what_en, what_vi),
            key = key.to_string(),
            typed = s.to_string()
        );
    }
    let first: i64 = conn.prepare_cached(first_sql)?.query_row(params![id], |r| r.get(0))?;
    let w = ward_by_id(conn, first)?;
    if let Some(f) = w.from_on.filter(|f| *f > new) {
        crate::refuse_w!(
            "ward-exists-only-from-2",
            code = w.code.to_string(),
            from = f.to_string(),
            new = new.to_string()
        );
    }
    conn.prepare_cached(update_sql)?.execute(params![id, iso(old), iso(new)])?;
    Ok(())
}

/// What `ward merge` was asked.
#[derive(Debug, Clone, Default)]
pub struct MergeInput {
    pub wards: Vec<String>,
    pub into: String,
    pub name: Option<String>,
    pub on: String,
}

/// `ward merge CODE… --into CODE [--name NAME] --on D`: on D the listed wards are dissolved
/// and `into` (created with NAME if new) takes over every case under management on D
/// (released on D included) and every member who had not left before D; cases and members
/// put in a dissolved ward on or after D (typed before the merger was recorded) belong to
/// `into` from their first day there. One audit row. Returns the code of `into`.
pub fn merge(conn: &Connection, ctx: &Ctx, input: &MergeInput) -> Result<String> {
    let d = parse_event_date(&input.on, ctx.today)?;
    sent::refuse_on(conn, d)?;
    let mut listed: Vec<Ward> = Vec::new();
    for typed in &input.wards {
        let w = find(conn, typed)?;
        if let Some(dd) = w.dissolved_on {
            let s = last_successor(conn, &w)?;
            crate::refuse_w!(
                "ward-was-already-dissolved",
                code = w.code.to_string(),
                date = dd.to_string(),
                typed = s.to_string()
            );
        }
        if let Some(f) = w.from_on.filter(|f| *f >= d) {
            crate::refuse_w!(
                "ward-exists-only-from-3",
                code = w.code.to_string(),
                from = f.to_string(),
                date = d.to_string()
            );
        }
        // A ward that takes over another on or after D must still exist then.
        let later: Option<(String, String)> = conn
            .prepare_cached(
                "SELECT code, dissolved_on FROM wards WHERE successor_id = ?1 AND dissolved_on >= ?2
                 ORDER BY dissolved_on DESC LIMIT 1",
            )?
            .query_row(params![w.id, iso(d)], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        if let Some((other, on)) = later {
            crate::refuse_w!(
                "ward-takes-over-ward",
                code = w.code.to_string(),
                other = other.to_string(),
                date = on.to_string(),
                date2 = d.to_string()
            );
        }
        if !listed.iter().any(|x| x.id == w.id) {
            listed.push(w);
        }
    }
    // The ward that takes over: an existing one (which must exist on D and not be one of
    // those dissolved), or a new one created on D.
    let existing = lookup::find(conn, Dict::Ward, &input.into).ok();
    let (into, created) = match existing {
        Some((id, _)) => {
            let w = ward_by_id(conn, id)?;
            if listed.iter().any(|x| x.id == w.id) {
                crate::refuse_w!("ward-both-dissolved-ward", code = w.code.to_string());
            }
            w.require_on(conn, d)?;
            if let Some(n) = &input.name {
                let current: String =
                    conn.query_row("SELECT name FROM wards WHERE id = ?1", params![w.id], |r| r.get(0))?;
                if fold(n) != fold(&current) {
                    crate::refuse_w!(
                        "ward-already-exists-named",
                        code = w.code.to_string(),
                        current = current.to_string(),
                        count = n.to_string()
                    );
                }
            }
            (w, false)
        }
        None => {
            let Some(name) = &input.name else {
                crate::refuse_w!("ward-does-not-exist", into = clean(&input.into).to_string());
            };
            let (code, name) = register::check_new(conn, Dict::Ward, &input.into, name)?;
            register::insert_dict(conn, Dict::Ward, &code, &name)?;
            let id = conn.last_insert_rowid();
            conn.prepare_cached("UPDATE wards SET from_on = ?2 WHERE id = ?1")?.execute(params![id, iso(d)])?;
            (ward_by_id(conn, id)?, true)
        }
    };
    let (mut cases, mut members) = (0usize, 0usize);
    for w in &listed {
        let (c, m) = take_over(conn, w.id, into.id, d)?;
        cases += c;
        members += m;
        conn.prepare_cached("UPDATE wards SET dissolved_on = ?3, successor_id = ?2 WHERE id = ?1")?
            .execute(params![w.id, into.id, iso(d)])?;
    }
    // `into` may itself be dissolved later (a merger recorded earlier): those who came to it
    // on D follow that merger too, and so on down the chain.
    let mut next = into.clone();
    for _ in 0..1000 {
        let (Some(dd), Some(s)) = (next.dissolved_on, next.successor) else { break };
        take_over(conn, next.id, s, dd)?;
        next = ward_by_id(conn, s)?;
    }
    let codes: Vec<&str> = listed.iter().map(|w| w.code.as_str()).collect();
    let mut detail = json!({"wards": codes, "into": into.code, "on": iso(d), "cases": cases, "members": members});
    if created {
        detail["created"] = json!(true);
        detail["name"] =
            json!(conn.query_row("SELECT name FROM wards WHERE id = ?1", params![into.id], |r| r.get::<_, String>(0))?);
    }
    audit::append(conn, &ctx.stamp, "merge", "ward", &into.code, &detail)?;
    Ok(into.code)
}

/// Ward `from` is taken over by `into` on `d`: every case under management on d (released
/// on d included) and every member who had not left before d whose ward on the day before
/// was `from` moves on d; rows in `from` dated d or later (typed before the merger was
/// recorded) are put in `into`. Returns how many case and member rows changed.
fn take_over(conn: &Connection, from: i64, into: i64, d: NaiveDate) -> Result<(usize, usize)> {
    Ok((CASE.take_over(conn, from, into, d)?, MEMBER.take_over(conn, from, into, d)?))
}

/// `ward rename CODE NAME`.
pub fn rename(conn: &Connection, ctx: &Ctx, typed: &str, name: &str) -> Result<String> {
    let w = find(conn, typed)?;
    let name = parse_name(
        name,
        crate::label_w!(false, "domain-word-ward-name"),
        crate::label_w!(true, "domain-word-ward-name"),
    )?;
    if let Ok((other, code)) = lookup::find(conn, Dict::Ward, &name) {
        if other != w.id {
            crate::refuse_w!("already-ward-s-code", name = name.to_string(), code = code.to_string());
        }
    }
    let old: String = conn.query_row("SELECT name FROM wards WHERE id = ?1", params![w.id], |r| r.get(0))?;
    if old == name {
        crate::refuse_w!("ward-already-named", code = w.code.to_string(), name = name.to_string());
    }
    conn.prepare_cached("UPDATE wards SET name = ?2, name_fold = ?3 WHERE id = ?1")?
        .execute(params![w.id, name, fold(&name)])
        .context("renaming a ward")?;
    audit::append(conn, &ctx.stamp, "rename", "ward", &w.code, &json!({"name": name, "was": old}))?;
    Ok(w.code)
}

/// The settings a clerk may change with `mh51 settings KEY VALUE`.
/// `issuer_parent` and `issuer` head the official report (SPEC §20): the body it belongs to
/// and the issuing body, e.g. "ỦY BAN MTTQ VIỆT NAM QUẬN 6" and "BAN CHỈ ĐẠO MÔ HÌNH 5+1".
/// `unit_code` is the ward's code in the city's list of units, written into every report
/// package (SPEC §19).
pub const SETTABLE: &[&str] = &["district", "ward_label", "issuer_parent", "issuer", "unit_code"];

/// `mh51 settings district NAME` / `settings ward_label LABEL` / `settings issuer NAME`;
/// returns the key.
pub fn set(conn: &Connection, ctx: &Ctx, key: &str, value: &str) -> Result<String> {
    let max = match key {
        "district" => 200,
        "ward_label" | "unit_code" => 40,
        "issuer_parent" | "issuer" => 200,
        _ => {
            crate::refuse_w!(
                "unknown-setting-expected-one",
                key = key.to_string(),
                settable = SETTABLE.join(", ").to_string()
            );
        }
    };
    let v = crate::domain::types::line_text(value, key, key)?;
    if v.is_empty() || v.chars().count() > max {
        crate::refuse_w!(
            "invalid-expected-1-characters",
            key = key.to_string(),
            value = value.to_string(),
            max = max.to_string()
        );
    }
    conn.prepare_cached(
        "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )?
    .execute(params![key, v])
    .context("saving a setting")?;
    audit::append(conn, &ctx.stamp, "set", "setting", key, &json!({"value": v}))?;
    Ok(key.to_string())
}

/// `--structure D`: each ward code mapped to (code, sort key) of the ward that had taken it
/// over by day D, following mergers forward; a ward not merged by D maps to itself.
pub fn structure_map(conn: &Connection, d: NaiveDate) -> Result<HashMap<String, (String, String)>> {
    let mut stmt = conn.prepare_cached("SELECT id, code, sort_key, dissolved_on, successor_id FROM wards")?;
    let all: HashMap<i64, (String, String, Option<String>, Option<i64>)> = stmt
        .query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))))?
        .collect::<rusqlite::Result<_>>()
        .context("reading wards")?;
    let day = iso(d);
    let mut out = HashMap::new();
    for (id, (code, _, _, _)) in &all {
        let mut cur = *id;
        for _ in 0..all.len() {
            match all.get(&cur) {
                Some((_, _, Some(dd), Some(s))) if *dd <= day => cur = *s,
                _ => break,
            }
        }
        if let Some((c, k, _, _)) = all.get(&cur) {
            out.insert(code.clone(), (c.clone(), k.clone()));
        }
    }
    Ok(out)
}
