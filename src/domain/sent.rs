//! Sent periods (SPEC §19, "Sent periods are locked"): once a package for a period is
//! written, the period is *sent*, and a write dated in it is refused until the period is
//! reopened.
//!
//! # What is locked
//! A period is sent while its newest revision in `sent_periods` has no `reopened_at`. Then
//! these writes are refused when their date lies in it (`from ≤ date ≤ to`), naming the
//! period, the revision and when it was sent:
//! - `enroll` (the enrollment date), `assign` (the assignment date), `review` and `support`
//!   (their date), `release` (the release date), `reopen` of a released case (the release date
//!   it undoes), `move` of a case or a member (the move date), `member add` (the joining date)
//!   and `member leave` (the leaving date), `ward merge` (the day it takes effect);
//! - `void` and `amend` of a contact or a support (its date, and for `amend --date` the new
//!   date too);
//! - `edit` of a case's ward, category or enrollment date when the case's span (its
//!   enrollment, or the new enrollment date if earlier, to its release or today) meets the
//!   period.
//!
//! The same rules hold inside `import`, which calls the same functions.
//!
//! # What the lock does not see, and how it is caught
//! A period's figures can also change by writes dated *outside* it: a case enrolled before the
//! period counts in its opening figure, the year's quota runs from 1 January, the overdue count
//! looks back, an identity number corrected changes a linking token. Locking every earlier date
//! as well would freeze the register's whole past once a quarter is sent, which SPEC §19 does
//! not ask; instead the package records the SHA-256 of its figures and linking tokens
//! (`figures_hash`), and making the package of a sent period again compares them: the same →
//! the same revision, with the same `made_at` and audit head, so the file is the one sent
//! (Ed25519 signatures are deterministic); different → refused, saying that a change dated
//! outside the period changed them and that `period reopen` is needed to send the next
//! revision.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde_json::json;

use crate::audit;
use crate::domain::error::Refusal;
use crate::domain::types::{from_iso, iso, Period};
use crate::domain::Ctx;
use crate::w;

/// Longest reason for reopening a period, in characters.
pub const MAX_REASON: usize = 4000;

/// One revision of a period's package, as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sent {
    pub from: String,
    pub to: String,
    pub revision: i64,
    pub sent_at: String,
    pub audit_head: String,
    pub figures_hash: String,
    pub reopened_at: Option<String>,
    pub reopen_reason: Option<String>,
}

const COLS: &str = "period_from, period_to, revision, sent_at, audit_head, figures_hash, reopened_at, reopen_reason";

fn sent(r: &Row) -> rusqlite::Result<Sent> {
    Ok(Sent {
        from: r.get(0)?,
        to: r.get(1)?,
        revision: r.get(2)?,
        sent_at: r.get(3)?,
        audit_head: r.get(4)?,
        figures_hash: r.get(5)?,
        reopened_at: r.get(6)?,
        reopen_reason: r.get(7)?,
    })
}

/// A period as `-p` takes it back: `2022`, `2022-Q1`, `2022-05`, else `FROM..TO`.
pub fn code(from: &str, to: &str) -> String {
    let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d");
    let (Ok(f), Ok(t)) = (day(from), day(to)) else { return format!("{from}..{to}") };
    code_of(Period { from: f, to: t })
}

/// [`code`] of a parsed period.
pub fn code_of(p: Period) -> String {
    use chrono::Datelike;
    let (f, t) = (p.from, p.to);
    let next = t.succ_opt();
    let starts_month = f.day() == 1;
    let ends_month = next.is_some_and(|n| n.day() == 1);
    if starts_month && ends_month && f.year() == t.year() {
        if f.month() == 1 && t.month() == 12 {
            return f.year().to_string();
        }
        if f.month() == t.month() {
            return format!("{}-{:02}", f.year(), f.month());
        }
        if (f.month() - 1) % 3 == 0 && t.month() == f.month() + 2 {
            return format!("{}-Q{}", f.year(), (f.month() - 1) / 3 + 1);
        }
    }
    format!("{}..{}", iso(f), iso(t))
}

/// The `figures_hash` of a package: SHA-256 (hex) of the canonical JSON of its figures and
/// linking tokens.
pub fn figures_hash(canonical: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    crate::domain::signing::hex(&Sha256::digest(canonical))
}

/// Every revision ever sent, oldest period first, revisions in order.
pub fn all(conn: &Connection) -> Result<Vec<Sent>> {
    let mut stmt =
        conn.prepare_cached(&format!("SELECT {COLS} FROM sent_periods ORDER BY period_from, period_to, revision"))?;
    let rows = stmt.query_map([], sent)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// The newest revision of exactly this period, if it was ever sent.
pub fn latest(conn: &Connection, p: Period) -> Result<Option<Sent>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {COLS} FROM sent_periods WHERE period_from = ?1 AND period_to = ?2 ORDER BY revision DESC LIMIT 1"
        ))?
        .query_row(params![iso(p.from), iso(p.to)], sent)
        .optional()?)
}

/// The sent periods (not reopened), read once: what the lock of a date looks at. A run of
/// writes that sends and reopens no period (an import's pass, inside its one transaction)
/// keeps one and asks it for every row instead of querying again.
pub struct Locks(Vec<(NaiveDate, NaiveDate, Sent)>);

impl Locks {
    pub fn load(conn: &Connection) -> Result<Locks> {
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT {COLS} FROM sent_periods INDEXED BY sent_periods_open
             WHERE reopened_at IS NULL ORDER BY period_from, period_to"
        ))?;
        let rows = stmt.query_map([], sent)?.collect::<rusqlite::Result<Vec<_>>>()?;
        let days = |s: Sent| Ok((from_iso(&s.from)?, from_iso(&s.to)?, s));
        Ok(Locks(rows.into_iter().map(days).collect::<Result<_>>()?))
    }

    /// The sent period that meets `from..=to`, if any (the earliest).
    fn meeting(&self, from: NaiveDate, to: NaiveDate) -> Option<&Sent> {
        self.0.iter().find(|(f, t, _)| *f <= to && *t >= from).map(|(_, _, s)| s)
    }

    /// Refuse a write dated `d` when `d` lies in a sent period.
    pub fn refuse_on(&self, d: NaiveDate) -> Result<()> {
        match self.meeting(d, d) {
            Some(s) => Err(locked(s, |vi| w!(vi, "period-locked-date", date = iso(d)))),
            None => Ok(()),
        }
    }
}

fn locked(s: &Sent, said: impl Fn(bool) -> String) -> anyhow::Error {
    let period = code(&s.from, &s.to);
    let words = |vi: bool| {
        w!(
            vi,
            "period-locked",
            what = said(vi),
            period = &period,
            from = &s.from,
            to = &s.to,
            revision = s.revision,
            next = s.revision + 1,
            sent = &s.sent_at
        )
    };
    Refusal::new(words(false), words(true)).into()
}

/// Refuse a write dated `d` when `d` lies in a sent period.
pub fn refuse_on(conn: &Connection, d: NaiveDate) -> Result<()> {
    Locks::load(conn)?.refuse_on(d)
}

/// Whose span a change touches, for the refusal's words.
#[derive(Debug, Clone, Copy)]
pub enum Who<'a> {
    Case(&'a str),
    Member(i64),
}

/// The last day of an open span (a case not released): the lock looks that far.
pub const OPEN_END: NaiveDate = match NaiveDate::from_ymd_opt(9999, 12, 31) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// Refuse a change to `who` over the days `from..=to` when they meet a sent period.
pub fn refuse_span(conn: &Connection, who: Who, from: NaiveDate, to: NaiveDate) -> Result<()> {
    let locks = Locks::load(conn)?;
    let Some(s) = locks.meeting(from.min(to), from.max(to)) else { return Ok(()) };
    Err(locked(s, |vi| {
        let who = match who {
            Who::Case(c) => w!(vi, "period-who-case", case = c),
            Who::Member(m) => w!(vi, "period-who-member", member = m),
        };
        w!(vi, "period-locked-span", who = who, from = iso(from), to = iso(to), open = to >= OPEN_END)
    }))
}

/// What making the package of a period again means, given its latest revision and the hash
/// of the figures and tokens read now (see the module docs).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// Never sent, or reopened since its last revision: this revision, to be recorded now.
    New { revision: i64 },
    /// Sent and unchanged: the sent revision again, its time and audit head, recorded nowhere.
    Same { revision: i64, sent_at: String, audit_head: String },
    /// Sent and changed since (by a write dated outside the period): refused until reopened.
    Changed { revision: i64, sent_at: String },
}

/// The revision rule of `report package` (SPEC §19): the next revision after a reopening
/// (1 first), the same one when the figures are those sent, else a refusal.
pub fn decide(latest: Option<Sent>, hash: &str) -> Decision {
    match latest {
        None => Decision::New { revision: 1 },
        Some(s) if s.reopened_at.is_some() => Decision::New { revision: s.revision + 1 },
        Some(s) if s.figures_hash == hash => {
            Decision::Same { revision: s.revision, sent_at: s.sent_at, audit_head: s.audit_head }
        }
        Some(s) => Decision::Changed { revision: s.revision, sent_at: s.sent_at },
    }
}

/// Record that revision `revision` of `p` was sent (a new row), audited.
pub fn record(
    conn: &Connection,
    ctx: &Ctx,
    p: Period,
    revision: i64,
    audit_head: &str,
    figures_hash: &str,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO sent_periods (period_from, period_to, revision, sent_at, audit_head, figures_hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![iso(p.from), iso(p.to), revision, ctx.stamp.at, audit_head, figures_hash])?;
    audit::append(
        conn,
        &ctx.stamp,
        "send",
        "period",
        &code_of(p),
        &json!({"from": iso(p.from), "to": iso(p.to), "revision": revision, "audit_head": audit_head, "figures_hash": figures_hash}),
    )?;
    Ok(())
}

/// `period reopen P --reason TEXT`: the sent period `p` (as `typed`) is open for writes
/// again, and its next package is the next revision. Returns the revision reopened.
pub fn reopen(conn: &Connection, ctx: &Ctx, p: Period, typed: &str, reason: &str) -> Result<i64> {
    let reason = reason.trim();
    let n = reason.chars().count();
    if n == 0 || n > MAX_REASON {
        let said = |vi: bool| w!(vi, "period-reason", max = MAX_REASON, chars = n);
        return Err(Refusal::new(said(false), said(true)).into());
    }
    let period = code_of(p);
    let Some(s) = latest(conn, p)? else {
        let said = |vi: bool| w!(vi, "period-not-sent", typed = typed, period = &period);
        return Err(Refusal::new(said(false), said(true)).into());
    };
    if let Some(at) = &s.reopened_at {
        let said = |vi: bool| w!(vi, "period-already-reopened", period = &period, revision = s.revision, at = at);
        return Err(Refusal::new(said(false), said(true)).into());
    }
    conn.prepare_cached(
        "UPDATE sent_periods SET reopened_at = ?4, reopen_reason = ?5
         WHERE period_from = ?1 AND period_to = ?2 AND revision = ?3",
    )?
    .execute(params![s.from, s.to, s.revision, ctx.stamp.at, reason])?;
    audit::append(
        conn,
        &ctx.stamp,
        "reopen",
        "period",
        &period,
        &json!({"from": s.from, "to": s.to, "revision": s.revision, "sent_at": s.sent_at, "reason": reason}),
    )?;
    Ok(s.revision)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::types::ymd;

    #[test]
    fn periods_are_named_as_p_takes_them() {
        let c = |a: (i32, u32, u32), b: (i32, u32, u32)| {
            code_of(Period { from: ymd(a.0, a.1, a.2), to: ymd(b.0, b.1, b.2) })
        };
        assert_eq!(c((2022, 1, 1), (2022, 12, 31)), "2022");
        assert_eq!(c((2022, 4, 1), (2022, 6, 30)), "2022-Q2");
        assert_eq!(c((2022, 10, 1), (2022, 12, 31)), "2022-Q4");
        assert_eq!(c((2024, 2, 1), (2024, 2, 29)), "2024-02");
        assert_eq!(c((2022, 2, 1), (2022, 4, 30)), "2022-02-01..2022-04-30");
        assert_eq!(c((2022, 1, 1), (2022, 6, 30)), "2022-01-01..2022-06-30");
        assert_eq!(c((2022, 1, 2), (2022, 1, 31)), "2022-01-02..2022-01-31");
        assert_eq!(c((2021, 1, 1), (2022, 12, 31)), "2021-01-01..2022-12-31");
        // Each name reads back as the same period.
        let today = ymd(2026, 12, 2);
        for (f, t) in [((2022, 4, 1), (2022, 6, 30)), ((2022, 2, 1), (2022, 4, 30)), ((2024, 2, 1), (2024, 2, 29))] {
            let p = Period { from: ymd(f.0, f.1, f.2), to: ymd(t.0, t.1, t.2) };
            assert_eq!(Period::parse(Some(&code_of(p)), today).unwrap(), p);
        }
    }

    #[test]
    fn a_period_is_sent_again_as_it_was_renewed_after_a_reopening_and_refused_when_changed() {
        let sent = |revision: i64, hash: &str, reopened: bool| Sent {
            from: "2022-01-01".into(),
            to: "2022-03-31".into(),
            revision,
            sent_at: format!("sent {revision}"),
            audit_head: format!("head {revision}"),
            figures_hash: hash.into(),
            reopened_at: reopened.then(|| "later".to_string()),
            reopen_reason: reopened.then(|| "a correction".to_string()),
        };
        assert_eq!(decide(None, "h"), Decision::New { revision: 1 });
        assert_eq!(
            decide(Some(sent(1, "h", false)), "h"),
            Decision::Same { revision: 1, sent_at: "sent 1".into(), audit_head: "head 1".into() }
        );
        assert_eq!(
            decide(Some(sent(2, "h", false)), "other"),
            Decision::Changed { revision: 2, sent_at: "sent 2".into() }
        );
        // Reopened: the next revision, whether the figures changed or not.
        assert_eq!(decide(Some(sent(2, "h", true)), "h"), Decision::New { revision: 3 });
        assert_eq!(decide(Some(sent(2, "h", true)), "other"), Decision::New { revision: 3 });
    }
}
