//! `extract --ward CODE… -o FILE` (SPEC §13): hand wards their own register.
//!
//! The new file is made by `db::create` (mode 0600, refusing an existing path, built under a
//! temporary name and put in place whole by `db::finish_create`) and filled in
//! one transaction with rows copied under their own ids, so case numbers, member ids and
//! every reference stay what they were. What goes in:
//! - the cases whose current or last ward is one of the wards (SPEC §13: "only its people"),
//!   and every earlier case of the same persons, with their whole history (ward history,
//!   assignments, reviews, supports). A person who moved away to another ward before the
//!   hand-over is that ward's person and is not copied: privacy first. So the new file's
//!   rows for a past period equal the source's except for people who have since moved out
//!   (they still count in the source's rows for those wards);
//! - the members who ever served in those wards, and every member those cases' history
//!   names (assigned, reviewing, giving support, credited), with their ward history;
//! - the dictionaries (wards, orgs, categories) and the settings;
//! - a signing key of its own (SPEC §19), made now: the source's key is never copied, so a
//!   package the ward signs cannot pass for the district's, nor the district's for the ward's.
//!
//! Nothing else: no other person's row is ever read into the new file, which starts empty, so
//! no byte of another person's data can be in it. Its audit log starts afresh with one
//! `extract` row naming the source file, the hash and sequence number of the source's newest
//! audit row (so the hand-over can be traced back to the source's chain) and the wards.
//! The source is only read.

use std::collections::HashSet;
use std::path::Path;

use anyhow::{Context, Result};
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection};
use serde_json::json;

use crate::audit;
use crate::db;
use crate::domain::lookup::{self, Dict};
use crate::domain::Ctx;

/// What was copied.
#[derive(Debug, Clone, Default)]
pub struct Extracted {
    pub wards: Vec<String>,
    pub persons: usize,
    pub cases: usize,
    pub members: usize,
}

/// Which rows of a table go into the new file: those whose column `.1` is in the set.
#[derive(Clone, Copy)]
enum Keep {
    All,
    Person(usize),
    Case(usize),
    Member(usize),
}

/// Tables in the order their references need, each as (read, write, which rows). Both files
/// have this build's schema, so `SELECT *` and `VALUES` agree on the columns.
const TABLES: &[(&str, &str, Keep)] = &[
    (
        "SELECT * FROM settings WHERE key <> 'anonymise_unfinished' ORDER BY key",
        "INSERT INTO settings VALUES (?1, ?2)",
        Keep::All,
    ),
    ("SELECT * FROM orgs ORDER BY id", "INSERT INTO orgs VALUES (?1, ?2, ?3, ?4, ?5)", Keep::All),
    ("SELECT * FROM categories ORDER BY id", "INSERT INTO categories VALUES (?1, ?2, ?3, ?4, ?5)", Keep::All),
    (
        "SELECT * FROM persons ORDER BY id",
        "INSERT INTO persons VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        Keep::Person(0),
    ),
    (
        "SELECT * FROM members ORDER BY id",
        "INSERT INTO members VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        Keep::Member(0),
    ),
    (
        "SELECT * FROM cases ORDER BY id",
        "INSERT INTO cases VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        Keep::Case(0),
    ),
    (
        "SELECT * FROM case_wards ORDER BY case_id, from_on",
        "INSERT INTO case_wards VALUES (?1, ?2, ?3, ?4)",
        Keep::Case(0),
    ),
    (
        "SELECT * FROM member_wards ORDER BY member_id, from_on",
        "INSERT INTO member_wards VALUES (?1, ?2, ?3, ?4)",
        Keep::Member(0),
    ),
    ("SELECT * FROM assignments ORDER BY id", "INSERT INTO assignments VALUES (?1, ?2, ?3, ?4, ?5)", Keep::Case(1)),
    ("SELECT * FROM reviews ORDER BY id", "INSERT INTO reviews VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", Keep::Case(1)),
    (
        "SELECT * FROM supports ORDER BY id",
        "INSERT INTO supports VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        Keep::Case(1),
    ),
];

fn ids(conn: &Connection, sql: &str, p: impl rusqlite::Params) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let v = stmt.query_map(p, |r| r.get(0))?.collect::<rusqlite::Result<Vec<i64>>>()?;
    Ok(v)
}

/// Write the register of `wards` (codes or names, as typed) from `src` into the new file `dest`.
/// `key`: the source's passphrase when it is encrypted — the extract is then encrypted with it
/// too, so handing a ward its register never leaves a plaintext copy behind.
pub fn extract(
    src: &Connection,
    src_path: &Path,
    dest: &Path,
    wards: &[String],
    ctx: &Ctx,
    key: Option<&db::Key>,
) -> Result<Extracted> {
    // Everything is resolved before the new file exists, so a refusal leaves nothing behind.
    let mut ward_ids: Vec<i64> = Vec::new();
    let mut codes: Vec<String> = Vec::new();
    for typed in wards {
        let (id, code) = lookup::find(src, Dict::Ward, typed)?;
        if !ward_ids.contains(&id) {
            ward_ids.push(id);
            codes.push(code);
        }
    }
    crate::paths::refuse_taken(dest)?;
    let mut cases: HashSet<i64> = HashSet::new();
    let mut members: HashSet<i64> = HashSet::new();
    for w in &ward_ids {
        cases.extend(ids(src, "SELECT id FROM cases WHERE ward_id = ?1", params![w])?);
        members.extend(ids(src, "SELECT DISTINCT member_id FROM member_wards WHERE ward_id = ?1", params![w])?);
    }
    // Every earlier case of the same persons (a later case elsewhere is that ward's business).
    let in_wards: Vec<i64> = cases.iter().copied().collect();
    for c in in_wards {
        cases.extend(ids(
            src,
            "SELECT e.id FROM cases c JOIN cases e ON e.person_id = c.person_id AND e.enrolled_on <= c.enrolled_on
             WHERE c.id = ?1",
            params![c],
        )?);
    }
    let mut persons: HashSet<i64> = HashSet::new();
    for c in &cases {
        persons.extend(ids(src, "SELECT person_id FROM cases WHERE id = ?1", params![c])?);
    }
    for c in &cases {
        members.extend(ids(
            src,
            "SELECT member_id FROM assignments WHERE case_id = ?1
             UNION SELECT member_id FROM reviews WHERE case_id = ?1 AND member_id IS NOT NULL
             UNION SELECT member_id FROM supports WHERE case_id = ?1 AND member_id IS NOT NULL
             UNION SELECT credited_member_id FROM cases WHERE id = ?1 AND credited_member_id IS NOT NULL",
            params![c],
        )?);
    }
    let source_last = audit::last(src).context("reading the source's audit log")?;

    let (mut out, file) = db::create_new(dest, key)?;
    let res = db::write(&mut out, |tx| {
        copy_wards(src, tx)?;
        for (read, write, keep) in TABLES {
            copy(src, tx, read, write, *keep, &persons, &cases, &members)?;
        }
        let name = src_path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
        // A key of its own (SPEC §19): the ward signs its packages, never with the source's key.
        let public = crate::domain::signing::make(tx, &ctx.stamp.at)?;
        let (seq, hash) = source_last.clone().unwrap_or((0, audit::GENESIS.to_string()));
        audit::append(
            tx,
            &ctx.stamp,
            "extract",
            "database",
            &name,
            &json!({"source": name, "source_seq": seq, "source_hash": hash, "wards": codes,
                    "persons": persons.len(), "cases": cases.len(), "members": members.len(),
                    // `check` reads these: rows up to them were handed over, not typed here.
                    "last_case_id": cases.iter().max().copied().unwrap_or(0),
                    "last_member_id": members.iter().max().copied().unwrap_or(0),
                    "public_key": crate::domain::signing::hex(public.as_bytes())}),
        )
    })
    .and_then(|()| {
        // One self-contained file, no WAL beside it.
        out.pragma_update(None, "journal_mode", "DELETE").context("finishing the new register")
    });
    // A failure drops `file`, which removes the half-made register.
    res?;
    db::finish_create(out, file)?;
    Ok(Extracted { wards: codes, persons: persons.len(), cases: cases.len(), members: members.len() })
}

/// Wards first, without their successors (a successor may have a higher id), then the
/// successors, so the foreign key holds at every statement.
fn copy_wards(src: &Connection, dst: &Connection) -> Result<()> {
    let mut read = src.prepare(
        "SELECT id, code, name, code_fold, name_fold, sort_key, from_on, dissolved_on, successor_id
         FROM wards ORDER BY id",
    )?;
    let rows: Vec<[Value; 9]> = read
        .query_map([], |r| {
            Ok([r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?, r.get(8)?])
        })?
        .collect::<rusqlite::Result<_>>()
        .context("reading wards")?;
    let mut ins = dst.prepare(
        "INSERT INTO wards (id, code, name, code_fold, name_fold, sort_key, from_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for r in &rows {
        ins.execute(params_from_iter(r[..7].iter()))?;
    }
    let mut upd = dst.prepare("UPDATE wards SET dissolved_on = ?2, successor_id = ?3 WHERE id = ?1")?;
    for r in &rows {
        if r[8] != Value::Null {
            upd.execute(params![r[0], r[7], r[8]])?;
        }
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn copy(
    src: &Connection,
    dst: &Connection,
    read: &str,
    write: &str,
    keep: Keep,
    persons: &HashSet<i64>,
    cases: &HashSet<i64>,
    members: &HashSet<i64>,
) -> Result<()> {
    let mut stmt = src.prepare(read).context("reading the source")?;
    let n = stmt.column_count();
    let mut ins = dst.prepare(write).context("preparing the copy")?;
    let mut rows = stmt.query([])?;
    let mut buf: Vec<Value> = Vec::with_capacity(n);
    while let Some(r) = rows.next()? {
        let wanted = |i: usize, set: &HashSet<i64>| -> rusqlite::Result<bool> {
            Ok(r.get::<_, Option<i64>>(i)?.is_some_and(|id| set.contains(&id)))
        };
        let take = match keep {
            Keep::All => true,
            Keep::Person(i) => wanted(i, persons)?,
            Keep::Case(i) => wanted(i, cases)?,
            Keep::Member(i) => wanted(i, members)?,
        };
        if !take {
            continue;
        }
        buf.clear();
        for i in 0..n {
            buf.push(r.get(i)?);
        }
        ins.execute(params_from_iter(buf.iter())).context("copying a row")?;
    }
    Ok(())
}
