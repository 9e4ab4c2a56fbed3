//! `anonymise --released-before D` (SPEC §14): when the purpose of keeping a person's data is
//! fulfilled, make it anonymous in place, keeping every figure of every report.
//!
//! For every person whose every case was released before D: the name becomes `Ẩn danh N`
//! (N the person's id, so two anonymised people never look like one duplicate), the exact
//! birth date, identity number and address are emptied (the birth year stays: it is not
//! identifying alone and the duplicate rule of §3 uses it), and the notes of their cases,
//! reviews and supports are emptied. Members who left before D lose their phone number.
//! Gender, ward, category, dates, classes, amounts and release reasons stay — reports count
//! only those — so every report of every period is unchanged.
//!
//! Rows are only updated (the schema refuses DELETE). Wiping the old values from the file's
//! free space and WAL (`secure_delete`, `VACUUM`, truncating the WAL) is the caller's part,
//! through `db`, after the commit.
//!
//! **Whole or visibly unfinished (SPEC §16).** The same transaction that changes the rows
//! sets the setting [`MARKER`] (`anonymise_unfinished` = the cut-off date); the caller clears
//! it only once the scrub has finished. While it is set, every command warns and `check`
//! reports it, until `mh51 anonymise --finish` scrubs the file again. The marker holds a date
//! only, no personal value; it is not a setting a clerk can change (`wards::SETTABLE`).

use anyhow::{Context, Result};
use chrono::NaiveDate;
use rusqlite::{params, Connection};
use serde_json::json;

use super::types::parse_event_date;
use super::Ctx;
use crate::audit;

/// What an anonymisation changed (or, in a dry run, would change).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Persons whose name and identifying details were emptied.
    pub persons: u64,
    /// Cases, reviews and supports whose note was emptied.
    pub case_notes: u64,
    pub review_notes: u64,
    pub support_notes: u64,
    /// Members who left before the cut-off and lost their phone number.
    pub member_phones: u64,
}

/// The name an anonymised person gets.
pub fn anonymous_name(person_id: i64) -> String {
    format!("Ẩn danh {person_id}")
}

/// Parse the cut-off: a date, not in the future.
pub fn cutoff(typed: &str, today: NaiveDate) -> Result<NaiveDate> {
    parse_event_date(typed, today)
}

/// Anonymise inside the caller's transaction and append one audit row (the counts and the
/// cut-off, no personal values). Persons already anonymised are not counted again.
pub fn anonymise(conn: &Connection, ctx: &Ctx, before: NaiveDate) -> Result<Counts> {
    let d = before.format("%Y-%m-%d").to_string();
    conn.execute_batch(
        "CREATE TEMP TABLE IF NOT EXISTS mh51_gone (id INTEGER PRIMARY KEY); DELETE FROM temp.mh51_gone;",
    )
    .context("preparing the list of persons")?;
    conn.execute(
        "INSERT INTO temp.mh51_gone (id)
         SELECT person_id FROM cases GROUP BY person_id
         HAVING count(released_on) = count(*) AND max(released_on) < ?1",
        params![d],
    )
    .context("finding persons whose every case was released before the cut-off")?;

    let mut counts = Counts::default();
    let ids: Vec<i64> = conn
        .prepare(
            "SELECT p.id FROM persons p JOIN temp.mh51_gone g ON g.id = p.id
             WHERE p.name IS NOT ('Ẩn danh ' || p.id) OR p.birth_date IS NOT NULL
                OR p.id_number IS NOT NULL OR p.address IS NOT NULL
             ORDER BY p.id",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()
        .context("listing persons to anonymise")?;
    {
        let mut upd = conn.prepare(
            "UPDATE persons SET name = ?2, name_fold = ?3, birth_date = NULL, id_number = NULL, address = NULL
             WHERE id = ?1",
        )?;
        for id in &ids {
            let name = anonymous_name(*id);
            upd.execute(params![id, name, crate::text::fold(&name)]).context("anonymising a person")?;
        }
    }
    counts.persons = ids.len() as u64;
    counts.case_notes = conn
        .execute(
            "UPDATE cases SET note = NULL WHERE note IS NOT NULL AND person_id IN (SELECT id FROM temp.mh51_gone)",
            [],
        )
        .context("emptying case notes")? as u64;
    counts.review_notes = conn
        .execute(
            "UPDATE reviews SET note = NULL WHERE note IS NOT NULL
               AND case_id IN (SELECT c.id FROM cases c JOIN temp.mh51_gone g ON g.id = c.person_id)",
            [],
        )
        .context("emptying review notes")? as u64;
    counts.support_notes = conn
        .execute(
            "UPDATE supports SET note = NULL WHERE note IS NOT NULL
               AND case_id IN (SELECT c.id FROM cases c JOIN temp.mh51_gone g ON g.id = c.person_id)",
            [],
        )
        .context("emptying support notes")? as u64;
    counts.member_phones = conn
        .execute("UPDATE members SET phone = NULL WHERE phone IS NOT NULL AND left_on < ?1", params![d])
        .context("removing phone numbers of members who left")? as u64;
    conn.execute_batch("DROP TABLE temp.mh51_gone").context("dropping the list of persons")?;

    audit::append(
        conn,
        &ctx.stamp,
        "anonymise",
        "register",
        &d,
        &json!({
            "released_before": d,
            "persons": counts.persons,
            "case_notes": counts.case_notes,
            "review_notes": counts.review_notes,
            "support_notes": counts.support_notes,
            "member_phones": counts.member_phones,
        }),
    )?;
    mark_unfinished(conn, &d)?;
    Ok(counts)
}

/// The setting that says an anonymisation's change is saved but its scrub has not finished.
pub const MARKER: &str = "anonymise_unfinished";

/// Set the marker (inside the anonymisation's own transaction).
fn mark_unfinished(conn: &Connection, d: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![MARKER, d],
    )
    .context("marking the anonymisation unfinished")?;
    Ok(())
}

/// The cut-off date of an anonymisation whose scrub has not finished, if any.
pub fn unfinished(conn: &Connection) -> Result<Option<String>> {
    use rusqlite::OptionalExtension;
    // A plain (uncached) statement: nothing stays prepared on the connection.
    conn.query_row("SELECT value FROM settings WHERE key = ?1", params![MARKER], |r| r.get(0))
        .optional()
        .context("reading whether an anonymisation is unfinished")
}

/// Clear the marker once the scrub has finished; true when there was one.
pub fn clear_unfinished(conn: &Connection) -> Result<bool> {
    let n = conn
        .execute("DELETE FROM settings WHERE key = ?1", params![MARKER])
        .context("clearing the unfinished anonymisation")?;
    Ok(n > 0)
}
