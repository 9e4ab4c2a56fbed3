//! Finding things by what a clerk types: wards, orgs and categories by code or name
//! (ignoring case and diacritics), members by id or name, cases by number.

use anyhow::{Context, Result};
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

use crate::domain::types::{from_iso, CaseNo};
use crate::text::fold;

/// The three small dictionaries a clerk can extend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dict {
    Ward,
    Org,
    Category,
}

impl Dict {
    /// What the dictionary holds, in English and Vietnamese (from the catalogue).
    pub fn what(self) -> (&'static str, &'static str) {
        match self {
            Dict::Ward => (crate::label_w!(false, "domain-dict-ward"), crate::label_w!(true, "domain-dict-ward")),
            Dict::Org => (crate::label_w!(false, "domain-dict-org"), crate::label_w!(true, "domain-dict-org")),
            Dict::Category => {
                (crate::label_w!(false, "domain-dict-category"), crate::label_w!(true, "domain-dict-category"))
            }
        }
    }

    /// The dictionary's name in the audit log (fixed: not a text for people).
    pub fn audit_name(self) -> &'static str {
        match self {
            Dict::Ward => "ward",
            Dict::Org => "organization",
            Dict::Category => "category",
        }
    }

    fn find_sql(self) -> &'static str {
        match self {
            Dict::Ward => "SELECT id, code FROM wards WHERE code_fold = ?1 OR name_fold = ?1",
            Dict::Org => "SELECT id, code FROM orgs WHERE code_fold = ?1 OR name_fold = ?1",
            Dict::Category => "SELECT id, code FROM categories WHERE code_fold = ?1 OR name_fold = ?1",
        }
    }

    pub fn list_sql(self) -> &'static str {
        match self {
            Dict::Ward => "SELECT code, name FROM wards ORDER BY sort_key, code",
            Dict::Org => "SELECT code, name FROM orgs ORDER BY id",
            Dict::Category => "SELECT code, name FROM categories ORDER BY id",
        }
    }
}

/// Resolve a code or name to (id, code).
pub fn find(conn: &Connection, dict: Dict, typed: &str) -> Result<(i64, String)> {
    let f = fold(typed);
    let mut found = conn
        .prepare_cached(dict.find_sql())?
        .query_row(params![f], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()
        .context("looking up a code")?;
    if found.is_none() && dict == Dict::Ward {
        // `p5`, `phuong 05`: a clerk's shorthand for ward codes that are numbers.
        let digits = f.trim_start_matches("phuong").trim_start_matches('p').trim();
        if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            let n = digits.trim_start_matches('0');
            let n = if n.is_empty() { "0" } else { n };
            found = conn
                .prepare_cached(dict.find_sql())?
                .query_row(params![n], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?;
        }
    }
    if found.is_none() && dict != Dict::Ward {
        // The catalogue's other names for the seeded organizations and categories ("Hội Phụ
        // nữ" for PN, `i18n/*/aliases.ftl`), ignoring case and diacritics (SPEC §18).
        let (key, seeded) = match dict {
            Dict::Org => ("org", crate::domain::register::DEFAULT_ORGS),
            _ => ("category", crate::domain::register::DEFAULT_CATEGORIES),
        };
        if let Some(code) = seeded.iter().find(|code| crate::words::aliases(key, code).iter().any(|a| fold(a) == f)) {
            found = conn
                .prepare_cached(dict.find_sql())?
                .query_row(params![fold(code)], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?;
        }
    }
    match found {
        Some(v) => Ok(v),
        None => {
            let codes = codes(conn, dict)?;
            let (en, vi) = dict.what();
            crate::refuse_w!("domain-dict-unknown", what = crate::words::both(en, vi), typed = typed, codes = &codes)
        }
    }
}

/// What a refusal lists as accepted: the codes, with their names for organizations and
/// categories (`PN (Hội Liên hiệp Phụ nữ)`), so the reader sees the words they know.
fn codes(conn: &Connection, dict: Dict) -> Result<String> {
    let mut stmt = conn.prepare_cached(dict.list_sql())?;
    let all: Vec<String> = stmt
        .query_map([], |r| {
            let (code, name): (String, String) = (r.get(0)?, r.get(1)?);
            Ok(if dict == Dict::Ward || name == code { code } else { format!("{code} ({name})") })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let shown: Vec<&str> = all.iter().take(30).map(String::as_str).collect();
    let mut s = shown.join(", ");
    if all.len() > 30 {
        s.push_str(&format!(", … ({} in all)", all.len()));
    }
    if s.is_empty() {
        s = "(none)".into();
    }
    Ok(s)
}

/// A member as the rules need it.
#[derive(Debug, Clone)]
pub struct Member {
    pub id: i64,
    pub org_id: i64,
    pub ward_id: i64,
    pub joined_on: NaiveDate,
    pub left_on: Option<NaiveDate>,
}

impl Member {
    /// Refuse unless the member serves on `d`; `doing` says what was attempted.
    pub fn require_active(&self, d: NaiveDate, doing_en: &str, doing_vi: &str) -> Result<()> {
        if let Some(l) = self.left_on.filter(|l| d > *l) {
            crate::refuse_w!(
                "member-left-cannot-choose",
                id = self.id.to_string(),
                left = l.to_string(),
                doing = crate::words::both(doing_en, doing_vi),
                date = d.to_string()
            );
        }
        if d < self.joined_on {
            crate::refuse_w!(
                "member-joined-cannot-before",
                id = self.id.to_string(),
                joined_on = self.joined_on.to_string(),
                doing = crate::words::both(doing_en, doing_vi),
                date = d.to_string()
            );
        }
        Ok(())
    }
}

/// A member by id, or by the name of exactly one current member, ignoring case and
/// diacritics (SPEC §17). Several current members of that name are refused, each listed with
/// id, organization and ward only — no other personal data.
pub fn member(conn: &Connection, typed: &str) -> Result<Member> {
    let bad = || crate::refusal_w!("unknown-member-give-member", typed = typed.to_string());
    if let Ok(id) = typed.trim().parse::<i64>() {
        return member_by_id(conn, id)?.ok_or_else(|| bad().into());
    }
    let f = fold(typed);
    if f.is_empty() {
        return Err(bad().into());
    }
    let mut stmt = conn.prepare_cached(
        "SELECT m.id, o.code, w.code FROM members m JOIN orgs o ON o.id = m.org_id JOIN wards w ON w.id = m.ward_id
         WHERE m.name_fold = ?1 AND m.left_on IS NULL ORDER BY m.id",
    )?;
    let found: Vec<(i64, String, String)> = stmt
        .query_map(params![f], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()
        .context("looking up a member by name")?;
    match found.as_slice() {
        [] => {
            crate::refuse_w!("unknown-member-no-current", typed = typed.to_string())
        }
        [(id, _, _)] => member_by_id(conn, *id)?.ok_or_else(|| bad().into()),
        many => {
            let list = |vi: bool| {
                many.iter()
                    .map(|(id, o, w)| crate::w!(vi, "domain-member-named", id = id.to_string(), org = o, ward = w))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            crate::refuse_w!(
                "domain-member-name-ambiguous",
                typed = typed,
                count = many.len().to_string(),
                list = crate::words::both(list(false), list(true))
            )
        }
    }
}

pub fn member_by_id(conn: &Connection, id: i64) -> Result<Option<Member>> {
    let row = conn
        .prepare_cached("SELECT id, org_id, ward_id, joined_on, left_on FROM members WHERE id = ?1")?
        .query_row(params![id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, Option<String>>(4)?,
            ))
        })
        .optional()
        .context("looking up a member")?;
    let Some((id, org_id, ward_id, joined, left)) = row else {
        return Ok(None);
    };
    Ok(Some(Member {
        id,
        org_id,
        ward_id,
        joined_on: from_iso(&joined)?,
        left_on: left.as_deref().map(from_iso).transpose()?,
    }))
}

/// A case as the rules need it.
#[derive(Debug, Clone)]
pub struct Case {
    pub id: i64,
    pub no: String,
    pub person_id: i64,
    pub enrolled_on: NaiveDate,
    pub released_on: Option<NaiveDate>,
    pub reason: Option<String>,
    pub credited: Option<i64>,
}

impl Case {
    /// Refuse an event dated outside [enrolled, released] (both included).
    pub fn require_within(&self, d: NaiveDate, what_en: &str, what_vi: &str) -> Result<()> {
        if d < self.enrolled_on {
            crate::refuse_w!(
                "date-before-case-was",
                what = crate::words::both(what_en, what_vi),
                date = d.to_string(),
                case = self.no.to_string(),
                enrolled_on = self.enrolled_on.to_string()
            );
        }
        if let Some(r) = self.released_on.filter(|r| d > *r) {
            crate::refuse_w!(
                "date-after-case-was",
                what = crate::words::both(what_en, what_vi),
                date = d.to_string(),
                case = self.no.to_string(),
                released = r.to_string()
            );
        }
        Ok(())
    }
}

pub fn case(conn: &Connection, typed: &str) -> Result<Case> {
    let no = CaseNo::parse(typed)?.to_string();
    case_by_no(conn, &no)?.ok_or_else(|| crate::refusal_w!("unknown-case-no-case", typed = typed.to_string()).into())
}

pub fn case_by_no(conn: &Connection, no: &str) -> Result<Option<Case>> {
    let row = conn
        .prepare_cached(
            "SELECT id, case_no, person_id, enrolled_on, released_on, reason, credited_member_id
             FROM cases WHERE case_no = ?1",
        )?
        .query_row(params![no], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, Option<String>>(5)?,
                r.get::<_, Option<i64>>(6)?,
            ))
        })
        .optional()
        .context("looking up a case")?;
    let Some((id, no, person_id, enrolled, released, reason, credited)) = row else {
        return Ok(None);
    };
    Ok(Some(Case {
        id,
        no,
        person_id,
        enrolled_on: from_iso(&enrolled)?,
        released_on: released.as_deref().map(from_iso).transpose()?,
        reason,
        credited,
    }))
}

/// The member assigned to case `?1` on day `?2` (ISO), as [`assigned_on`] asks it; a contact
/// asks it with its other facts in one statement (`cases::Recorder`).
pub(crate) const ASSIGNED_ON: &str = "SELECT member_id FROM assignments
     WHERE case_id = ?1 AND start_on <= ?2 AND (end_on IS NULL OR end_on >= ?2)
     ORDER BY start_on DESC, id DESC LIMIT 1";

/// The member assigned to a case on day `d`: started on or before d, not ended before d;
/// of two (a reassignment on d), the later.
pub fn assigned_on(conn: &Connection, case_id: i64, d: NaiveDate) -> Result<Option<i64>> {
    let d = crate::domain::types::iso(d);
    conn.prepare_cached(ASSIGNED_ON)?
        .query_row(params![case_id, d], |r| r.get(0))
        .optional()
        .context("finding the assigned member")
}

pub fn setting(conn: &Connection, key: &str) -> Result<Option<String>> {
    conn.prepare_cached("SELECT value FROM settings WHERE key = ?1")?
        .query_row(params![key], |r| r.get(0))
        .optional()
        .context("reading a setting")
}

pub fn quota(conn: &Connection) -> Result<i64> {
    Ok(setting(conn, "quota")?.and_then(|v| v.parse().ok()).unwrap_or(2))
}

/// The longest allowed gap between contacts (setting `review_interval_days`, default 30).
pub fn review_interval_days(conn: &Connection) -> Result<i64> {
    Ok(setting(conn, "review_interval_days")?.and_then(|v| v.parse().ok()).unwrap_or(30))
}
