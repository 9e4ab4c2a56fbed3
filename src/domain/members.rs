//! Members of the model: joining, leaving, corrections.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
use serde_json::json;

use crate::audit;
use crate::domain::lookup::{self, Dict};
use crate::domain::types::{event_date_or_today, iso, parse_event_date, parse_name, parse_text};
use crate::domain::{sent, wards, Ctx};
use crate::text::fold;

#[derive(Debug, Clone, Default)]
pub struct MemberInput {
    pub name: String,
    pub org: String,
    pub ward: String,
    pub phone: Option<String>,
    pub joined: Option<String>,
    pub allow_duplicate: bool,
}

/// Check a phone number: digits with optional leading +, spaces, dots or dashes, 8–15 digits.
fn parse_phone(p: Option<&str>) -> Result<Option<String>> {
    let Some(p) =
        parse_text(p, 40, crate::label_w!(false, "domain-word-phone"), crate::label_w!(true, "domain-word-phone"))?
    else {
        return Ok(None);
    };
    let digits = p.chars().filter(char::is_ascii_digit).count();
    let ok = p.chars().enumerate().all(|(i, c)| c.is_ascii_digit() || " .-".contains(c) || (i == 0 && c == '+'));
    if !ok || !(8..=15).contains(&digits) {
        crate::refuse_w!("invalid-phone-expected-8", phone = p.to_string());
    }
    Ok(Some(p))
}

/// Add a member; returns the new id. Refuses a current member with the same folded name,
/// org and ward unless `allow_duplicate` (the rule import uses to skip doubles).
pub fn add(conn: &Connection, ctx: &Ctx, input: &MemberInput) -> Result<i64> {
    let name = parse_name(
        &input.name,
        crate::label_w!(false, "domain-word-member-name"),
        crate::label_w!(true, "domain-word-member-name"),
    )?;
    let (org_id, org) = lookup::find(conn, Dict::Org, &input.org)?;
    let ward_row = wards::find(conn, &input.ward)?;
    let (ward_id, ward) = (ward_row.id, ward_row.code.clone());
    let phone = parse_phone(input.phone.as_deref())?;
    let joined = event_date_or_today(input.joined.as_deref(), ctx.today)?;
    sent::refuse_on(conn, joined)?;
    ward_row.require_on(conn, joined)?;
    let name_fold = fold(&name);
    if !input.allow_duplicate {
        let existing: Option<i64> = conn
            .prepare_cached(
                "SELECT id FROM members WHERE name_fold = ?1 AND org_id = ?2 AND ward_id = ?3
                 AND left_on IS NULL LIMIT 1",
            )?
            .query_row(params![name_fold, org_id, ward_id], |r| r.get(0))
            .optional()?;
        if let Some(id) = existing {
            crate::refuse_w!(
                "member-ward-already-exists",
                name = name.to_string(),
                org = org.to_string(),
                ward = ward.to_string(),
                id = id.to_string()
            );
        }
    }
    conn.prepare_cached(
        "INSERT INTO members (name, name_fold, org_id, ward_id, phone, joined_on)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![name, name_fold, org_id, ward_id, phone, iso(joined)])?;
    let id = conn.last_insert_rowid();
    wards::start_member(conn, id, &ward_row, joined)?;
    audit::append(
        conn,
        &ctx.stamp,
        "add",
        "member",
        &id.to_string(),
        &json!({"org": org, "ward": ward, "joined_on": iso(joined)}),
    )?;
    Ok(id)
}

/// Latest date on which the member did anything recorded (assignment start, review,
/// support, credit), so that leaving or a later `joined` cannot strand those events.
fn activity_bounds(conn: &Connection, member_id: i64) -> Result<(Option<String>, Option<String>)> {
    Ok(conn
        .prepare_cached(
            "SELECT min(d), max(d) FROM (
               SELECT start_on AS d FROM assignments WHERE member_id = ?1
               UNION ALL SELECT end_on FROM assignments WHERE member_id = ?1 AND end_on IS NOT NULL
               UNION ALL SELECT reviewed_on FROM reviews WHERE member_id = ?1 AND voided_on IS NULL
               UNION ALL SELECT given_on FROM supports WHERE member_id = ?1 AND voided_on IS NULL
               UNION ALL SELECT released_on FROM cases WHERE credited_member_id = ?1)",
        )?
        .query_row(params![member_id], |r| Ok((r.get(0)?, r.get(1)?)))?)
}

/// A member leaves on `date` (their last day). Refused while they still hold open cases
/// (reassign them first) or have events recorded after that day.
pub fn leave(conn: &Connection, ctx: &Ctx, typed: &str, date: Option<&str>) -> Result<i64> {
    let m = lookup::member(conn, typed)?;
    let d = event_date_or_today(date, ctx.today)?;
    if let Some(l) = m.left_on {
        crate::refuse_w!("member-already-left", id = m.id.to_string(), left = l.to_string());
    }
    sent::refuse_on(conn, d)?;
    if d < m.joined_on {
        crate::refuse_w!(
            "leaving-date-before-member",
            date = d.to_string(),
            id = m.id.to_string(),
            joined_on = m.joined_on.to_string()
        );
    }
    let open: Vec<String> = conn
        .prepare_cached(
            "SELECT c.case_no FROM assignments a JOIN cases c ON c.id = a.case_id
             WHERE a.member_id = ?1 AND a.end_on IS NULL ORDER BY c.case_no",
        )?
        .query_map(params![m.id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    if !open.is_empty() {
        let list = open.join(", ");
        crate::refuse_w!("member-still-has-open", id = m.id.to_string(), list = list.to_string());
    }
    if let Some(moved) = wards::member_last_move(conn, m.id)?.filter(|x| *x > d) {
        crate::refuse_w!(
            "leaving-date-before-member-2",
            date = d.to_string(),
            id = m.id.to_string(),
            moved = moved.to_string()
        );
    }
    if let (_, Some(last)) = activity_bounds(conn, m.id)? {
        if last > iso(d) {
            crate::refuse_w!(
                "member-has-activity-recorded",
                id = m.id.to_string(),
                last = last.to_string(),
                date = d.to_string()
            );
        }
    }
    conn.prepare_cached("UPDATE members SET left_on = ?2 WHERE id = ?1")?.execute(params![m.id, iso(d)])?;
    wards::member_left(conn, m.id, d)?;
    audit::append(conn, &ctx.stamp, "leave", "member", &m.id.to_string(), &json!({"left_on": iso(d)}))?;
    Ok(m.id)
}

#[derive(Debug, Clone, Default)]
pub struct MemberEdit {
    pub name: Option<String>,
    pub org: Option<String>,
    pub ward: Option<String>,
    pub phone: Option<String>,
    pub joined: Option<String>,
}

/// Correct a member's details. Changing org, or the ward from the first day (refused once
/// the member has moved), regroups their past credits in reports, which is what a
/// correction means; a real move is `mh51 member move`, which keeps the history.
pub fn edit(conn: &Connection, ctx: &Ctx, typed: &str, e: &MemberEdit) -> Result<i64> {
    let m = lookup::member(conn, typed)?;
    let mut changed = serde_json::Map::new();
    if let Some(n) = &e.name {
        let n = parse_name(
            n,
            crate::label_w!(false, "domain-word-member-name"),
            crate::label_w!(true, "domain-word-member-name"),
        )?;
        conn.prepare_cached("UPDATE members SET name = ?2, name_fold = ?3 WHERE id = ?1")?.execute(params![
            m.id,
            n,
            fold(&n)
        ])?;
        changed.insert("name".into(), json!("changed"));
    }
    if let Some(o) = &e.org {
        let (id, code) = lookup::find(conn, Dict::Org, o)?;
        conn.prepare_cached("UPDATE members SET org_id = ?2 WHERE id = ?1")?.execute(params![m.id, id])?;
        changed.insert("org".into(), json!(code));
    }
    if let Some(w) = &e.ward {
        let code = wards::correct_member_ward(conn, &m, w)?;
        changed.insert("ward".into(), json!(code));
    }
    if let Some(p) = &e.phone {
        let p = parse_phone(Some(p))?;
        conn.prepare_cached("UPDATE members SET phone = ?2 WHERE id = ?1")?.execute(params![m.id, p])?;
        changed.insert("phone".into(), json!("changed"));
    }
    if let Some(j) = &e.joined {
        let d: NaiveDate = parse_event_date(j, ctx.today)?;
        sent::refuse_span(conn, sent::Who::Member(m.id), d.min(m.joined_on), d.max(m.joined_on))?;
        if let Some(l) = m.left_on.filter(|l| d > *l) {
            crate::refuse_w!(
                "joining-date-after-member",
                date = d.to_string(),
                id = m.id.to_string(),
                left = l.to_string()
            );
        }
        if let (Some(first), _) = activity_bounds(conn, m.id)? {
            if first < iso(d) {
                crate::refuse_w!(
                    "member-has-activity-recorded-2",
                    id = m.id.to_string(),
                    first = first.to_string(),
                    date = d.to_string()
                );
            }
        }
        wards::member_start_changed(conn, &m, d)?;
        conn.prepare_cached("UPDATE members SET joined_on = ?2 WHERE id = ?1")?.execute(params![m.id, iso(d)])?;
        changed.insert("joined_on".into(), json!(iso(d)));
    }
    if changed.is_empty() {
        crate::refuse_w!("nothing-change-for-member", id = m.id.to_string());
    }
    audit::append(conn, &ctx.stamp, "edit", "member", &m.id.to_string(), &serde_json::Value::Object(changed))?;
    Ok(m.id)
}
