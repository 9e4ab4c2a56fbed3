//! The month's contacts (SPEC §17): voiding and amending a review or a support, and the rule
//! that a contact or a support is never recorded twice by mistake.
//!
//! A voided row stays in its table with `voided_on` (the day it was voided) and `void_reason`;
//! every count, the last contact, overdue, the brief's classes and the exports leave it out.
//! A voided row cannot be amended or voided again: to correct it, record it anew.
//!
//! The audit rows hold ids, codes, dates and amounts, old and new; of a note only that it
//! changed, and of a void's reason only that one was given: both are free text a clerk may fill
//! with names, and the audit log is kept forever. The reason is in the row, for `show`.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
use serde_json::{json, Map, Value};

use crate::audit;
use crate::domain::lookup::{self, Case};
use crate::domain::types::{from_iso, iso, parse_amount, parse_event_date, parse_text, Class, SupportKind, MAX_NOTE};
use crate::domain::{sent, Ctx};

/// Which table a void or amend is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    Review,
    Support,
}

impl Entry {
    fn words(self) -> (&'static str, &'static str) {
        match self {
            Entry::Review => {
                (crate::label_w!(false, "domain-entry-review"), crate::label_w!(true, "domain-entry-review"))
            }
            Entry::Support => {
                (crate::label_w!(false, "domain-entry-support"), crate::label_w!(true, "domain-entry-support"))
            }
        }
    }
}

/// The first contact of case `?1` on day `?2` (ISO) that is not voided: what a second
/// contact that day is refused for.
pub(crate) const CONTACT_ON: &str =
    "SELECT id FROM reviews WHERE case_id = ?1 AND voided_on IS NULL AND reviewed_on = ?2 ORDER BY id LIMIT 1";

/// The first support of case `?1` on day `?2` (ISO) of kind `?3` and amount `?4` that is not
/// voided: what the same support again is refused for.
pub(crate) const SUPPORT_ON: &str = "SELECT id FROM supports WHERE case_id = ?1 AND voided_on IS NULL AND given_on = ?2
       AND kind = ?3 AND amount IS ?4
     ORDER BY id LIMIT 1";

/// Refuse a second contact for case `c` on day `d` (voided ones do not count), given the
/// first one that day ([`CONTACT_ON`]).
pub fn refuse_double_review(c: &Case, d: NaiveDate, existing: Option<i64>) -> Result<()> {
    if let Some(id) = existing {
        crate::refuse_w!(
            "case-already-has-contact",
            case = c.no.to_string(),
            date = d.to_string(),
            id = id.to_string()
        );
    }
    Ok(())
}

/// Refuse a support repeating one of case `c` on day `d` with the same kind and amount,
/// given the first such one ([`SUPPORT_ON`]).
pub fn refuse_double_support(
    c: &Case,
    d: NaiveDate,
    kind: SupportKind,
    amount: Option<i64>,
    existing: Option<i64>,
) -> Result<()> {
    if let Some(id) = existing {
        crate::refuse_w!(
            "domain-support-double",
            case = c.no.to_string(),
            date = d.to_string(),
            kind = kind.code(),
            amount = amount.map(|a| a.to_string()).unwrap_or_default(),
            given = amount.is_some(),
            id = id.to_string()
        );
    }
    Ok(())
}

/// A review or support as stored.
struct Stored {
    id: i64,
    case: Case,
    on: NaiveDate,
    /// The class of a review, the kind of a support.
    code: String,
    amount: Option<i64>,
    member_id: Option<i64>,
    voided_on: Option<String>,
}

fn stored(conn: &Connection, e: Entry, typed: &str) -> Result<Stored> {
    let (en, vi) = e.words();
    let bad = || crate::refusal_w!("domain-entry-unknown", what = crate::words::both(en, vi), typed = typed);
    let id: i64 = typed.trim().parse().map_err(|_| bad())?;
    let sql = match e {
        Entry::Review => {
            "SELECT r.id, c.case_no, r.reviewed_on, r.class, NULL, r.member_id, r.voided_on
             FROM reviews r JOIN cases c ON c.id = r.case_id WHERE r.id = ?1"
        }
        Entry::Support => {
            "SELECT s.id, c.case_no, s.given_on, s.kind, s.amount, s.member_id, s.voided_on
             FROM supports s JOIN cases c ON c.id = s.case_id WHERE s.id = ?1"
        }
    };
    #[allow(clippy::type_complexity)]
    let row: Option<(i64, String, String, String, Option<i64>, Option<i64>, Option<String>)> = conn
        .prepare_cached(sql)?
        .query_row(params![id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?)))
        .optional()?;
    let Some((id, case_no, on, code, amount, member_id, voided_on)) = row else {
        return Err(bad().into());
    };
    let case = lookup::case_by_no(conn, &case_no)?.ok_or_else(bad)?;
    Ok(Stored { id, case, on: from_iso(&on)?, code, amount, member_id, voided_on })
}

/// `doing` is what was asked: `void` (again) or `amend`.
fn refuse_voided(s: &Stored, e: Entry, doing: &str) -> Result<()> {
    let (en, vi) = e.words();
    if let Some(v) = &s.voided_on {
        crate::refuse_w!(
            "domain-entry-voided",
            what = crate::words::both(en, vi),
            id = s.id.to_string(),
            case = s.case.no.to_string(),
            voided = v,
            doing = doing
        );
    }
    Ok(())
}

/// Void a review or support recorded by mistake; returns its id. The row stays.
pub fn void(conn: &Connection, ctx: &Ctx, e: Entry, typed: &str, reason: &str) -> Result<i64> {
    let s = stored(conn, e, typed)?;
    refuse_voided(&s, e, "void")?;
    sent::refuse_on(conn, s.on)?;
    let Some(reason) = parse_text(
        Some(reason),
        MAX_NOTE,
        crate::label_w!(false, "domain-word-reason"),
        crate::label_w!(true, "domain-word-reason"),
    )?
    else {
        crate::refuse_w!("reason-must-say-why");
    };
    let sql = match e {
        Entry::Review => "UPDATE reviews SET voided_on = ?2, void_reason = ?3 WHERE id = ?1",
        Entry::Support => "UPDATE supports SET voided_on = ?2, void_reason = ?3 WHERE id = ?1",
    };
    conn.prepare_cached(sql)?.execute(params![s.id, iso(ctx.today), reason])?;
    let (action, key) = match e {
        Entry::Review => ("void_review", "review_id"),
        Entry::Support => ("void_support", "support_id"),
    };
    let mut detail = json!({key: s.id, "voided_on": iso(ctx.today), "reason": "given"});
    match e {
        Entry::Review => {
            detail["reviewed_on"] = json!(iso(s.on));
            detail["class"] = json!(s.code);
        }
        Entry::Support => {
            detail["given_on"] = json!(iso(s.on));
            detail["kind"] = json!(s.code);
            detail["amount"] = json!(s.amount);
        }
    }
    detail["member_id"] = json!(s.member_id);
    audit::append(conn, &ctx.stamp, action, "case", &s.case.no, &detail)?;
    Ok(s.id)
}

/// What `amend review|support` may change; `code` is the class (review) or kind (support).
#[derive(Debug, Clone, Default)]
pub struct Amend {
    pub code: Option<String>,
    pub amount: Option<String>,
    pub date: Option<String>,
    pub by: Option<String>,
    pub note: Option<String>,
}

fn change(changed: &mut Map<String, Value>, key: &str, old: Value, new: Value) {
    if old != new {
        changed.insert(key.into(), json!({"old": old, "new": new}));
    }
}

/// Correct a review or support in place, by the rules of recording it; returns its id.
pub fn amend(conn: &Connection, ctx: &Ctx, e: Entry, typed: &str, a: &Amend) -> Result<i64> {
    let s = stored(conn, e, typed)?;
    refuse_voided(&s, e, "amend")?;
    let (en, vi) = e.words();
    if a.code.is_none() && a.amount.is_none() && a.date.is_none() && a.by.is_none() && a.note.is_none() {
        let flags = match e {
            Entry::Review => "--class, --date, --by or --note",
            Entry::Support => "--kind, --amount, --date, --by or --note",
        };
        crate::refuse_w!(
            "domain-entry-nothing-to-change",
            what = crate::words::both(en, vi),
            id = s.id.to_string(),
            flags = flags
        );
    }
    let code = match (e, a.code.as_deref()) {
        (_, None) => s.code.clone(),
        (Entry::Review, Some(c)) => Class::parse(c)?.code().to_string(),
        (Entry::Support, Some(k)) => SupportKind::parse(k)?.code().to_string(),
    };
    let amount = match a.amount.as_deref() {
        Some(x) => Some(parse_amount(x)?),
        None => s.amount,
    };
    let on = match a.date.as_deref() {
        Some(d) => parse_event_date(d, ctx.today)?,
        None => s.on,
    };
    let note = a
        .note
        .as_deref()
        .map(|n| {
            parse_text(
                Some(n),
                MAX_NOTE,
                crate::label_w!(false, "domain-word-note"),
                crate::label_w!(true, "domain-word-note"),
            )
        })
        .transpose()?;
    s.case.require_within(on, en, vi)?;
    sent::refuse_on(conn, s.on)?;
    sent::refuse_on(conn, on)?;
    let member_id = match a.by.as_deref() {
        Some(b) => {
            let m = lookup::member(conn, b)?;
            m.require_active(on, en, vi)?;
            Some(m.id)
        }
        None => {
            if let Some(m) = s.member_id.map(|id| lookup::member_by_id(conn, id)).transpose()?.flatten() {
                m.require_active(on, en, vi)?;
            }
            s.member_id
        }
    };
    // The amended row must not become a double of another (SPEC §17).
    let other: Option<i64> = match e {
        Entry::Review => conn
            .prepare_cached(
                "SELECT id FROM reviews WHERE case_id = ?1 AND voided_on IS NULL AND reviewed_on = ?2 AND id <> ?3
                 ORDER BY id LIMIT 1",
            )?
            .query_row(params![s.case.id, iso(on), s.id], |r| r.get(0))
            .optional()?,
        Entry::Support => conn
            .prepare_cached(
                "SELECT id FROM supports WHERE case_id = ?1 AND voided_on IS NULL AND given_on = ?2
                   AND kind = ?3 AND amount IS ?4 AND id <> ?5 ORDER BY id LIMIT 1",
            )?
            .query_row(params![s.case.id, iso(on), code, amount, s.id], |r| r.get(0))
            .optional()?,
    };
    let identity_changed = on != s.on || (e == Entry::Support && (code != s.code || amount != s.amount));
    if let Some(o) = other.filter(|_| identity_changed) {
        crate::refuse_w!(
            "domain-entry-would-double",
            what = crate::words::both(en, vi),
            id = s.id.to_string(),
            other = o.to_string(),
            case = s.case.no.to_string(),
            date = on.to_string()
        );
    }
    let mut changed = Map::new();
    match e {
        Entry::Review => {
            conn.prepare_cached(
                "UPDATE reviews SET class = ?2, reviewed_on = ?3, member_id = ?4, note = coalesce(?5, note) WHERE id = ?1",
            )?
            .execute(params![s.id, code, iso(on), member_id, note])?;
            change(&mut changed, "class", json!(s.code), json!(code));
            change(&mut changed, "reviewed_on", json!(iso(s.on)), json!(iso(on)));
        }
        Entry::Support => {
            conn.prepare_cached(
                "UPDATE supports SET kind = ?2, amount = ?3, given_on = ?4, member_id = ?5, note = coalesce(?6, note)
                 WHERE id = ?1",
            )?
            .execute(params![s.id, code, amount, iso(on), member_id, note])?;
            change(&mut changed, "kind", json!(s.code), json!(code));
            change(&mut changed, "amount", json!(s.amount), json!(amount));
            change(&mut changed, "given_on", json!(iso(s.on)), json!(iso(on)));
        }
    }
    change(&mut changed, "member_id", json!(s.member_id), json!(member_id));
    if note.is_some() {
        changed.insert("note".into(), json!("changed"));
    }
    let (action, key) = match e {
        Entry::Review => ("amend_review", "review_id"),
        Entry::Support => ("amend_support", "support_id"),
    };
    let mut detail = Map::new();
    detail.insert(key.into(), json!(s.id));
    detail.extend(changed);
    audit::append(conn, &ctx.stamp, action, "case", &s.case.no, &Value::Object(detail))?;
    Ok(s.id)
}
