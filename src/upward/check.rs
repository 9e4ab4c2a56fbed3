//! `city check`: what the city register can prove about itself (SPEC §16, §19).
//!
//! - SQLite's own integrity and foreign keys;
//! - the audit chain (`audit::verify`): no row of the log edited, removed or inserted;
//! - every row against the audit row that wrote it: each unit is what its `unit-add` row
//!   recorded (code, name, public key), each package what its `package-add` row recorded
//!   (unit, period, revision, SHA-256 of its canonical form), and nothing else is there — so
//!   a row added, changed or removed with the sqlite3 shell is named, though the triggers
//!   were dropped;
//! - every package held still verifies against its unit's registered key, and its stored
//!   figures and tokens are the document's own.
//!
//! What it cannot prove: a log rewritten from its first row (compare the head with one kept
//! outside, as for a ward's register), and who typed `--actor`.

use std::collections::BTreeMap;

use anyhow::{Context, Result};
use rusqlite::Connection;
use serde_json::Value;

use crate::w;

/// What `check` found: problems in both languages, and what was looked at.
#[derive(Debug, Default)]
pub struct Report {
    pub problems: Vec<(String, String)>,
    pub units: usize,
    pub packages: usize,
    pub audit_rows: i64,
}

impl Report {
    fn say(&mut self, said: impl Fn(bool) -> String) {
        self.problems.push((said(false), said(true)));
    }
}

/// Check the city register behind `conn`.
pub fn check(conn: &Connection) -> Result<Report> {
    let mut r = Report::default();
    let integrity: String = conn.query_row("PRAGMA integrity_check", [], |row| row.get(0))?;
    if integrity != "ok" {
        r.say(|vi| w!(vi, "city-check-integrity", what = &integrity));
    }
    let fk: i64 = conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |row| row.get(0))?;
    if fk > 0 {
        r.say(|vi| w!(vi, "city-check-foreign-keys", count = fk));
    }
    r.audit_rows = crate::audit::rows(conn)?;
    if let Some((seq, why)) = crate::audit::verify(conn)? {
        r.say(|vi| w!(vi, "city-check-chain", seq = seq, why = &why));
    }
    // What the log says was written.
    let mut units_logged: BTreeMap<String, Value> = BTreeMap::new();
    let mut packages_logged: BTreeMap<i64, Value> = BTreeMap::new();
    let mut s = conn.prepare("SELECT action, detail FROM audit_log WHERE action IN ('unit-add', 'package-add')")?;
    let rows = s.query_map([], |row| Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?)))?;
    for row in rows {
        let (action, detail) = row.context("reading the audit log")?;
        let d: Value = serde_json::from_str(&detail).unwrap_or(Value::Null);
        if action == "unit-add" {
            units_logged.insert(d["code"].as_str().unwrap_or_default().to_string(), d);
        } else {
            packages_logged.insert(d["id"].as_i64().unwrap_or(-1), d);
        }
    }
    // Units.
    let mut s = conn.prepare("SELECT code, name, public_key FROM units ORDER BY code")?;
    let units: Vec<(String, String, String)> =
        s.query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?.collect::<rusqlite::Result<_>>()?;
    r.units = units.len();
    let mut keys: BTreeMap<String, String> = BTreeMap::new();
    for (code, name, key) in &units {
        match units_logged.remove(code) {
            Some(d) if d["name"] == *name && d["public_key"] == *key => {}
            Some(_) => r.say(|vi| w!(vi, "city-check-unit-differs", unit = code)),
            None => r.say(|vi| w!(vi, "city-check-unit-unlogged", unit = code)),
        }
        keys.insert(code.clone(), key.clone());
    }
    for code in units_logged.keys() {
        r.say(|vi| w!(vi, "city-check-unit-gone", unit = code));
    }
    // Packages.
    let mut s = conn.prepare(
        "SELECT id, unit_code, period_from, period_to, revision, sha256, key_fingerprint, figures, document
         FROM packages ORDER BY id",
    )?;
    let mut rows = s.query([])?;
    let mut tok =
        conn.prepare("SELECT case_no, id_token, name_year FROM tokens WHERE package_id = ?1 ORDER BY rowid")?;
    while let Some(row) = rows.next()? {
        r.packages += 1;
        let id: i64 = row.get(0)?;
        let (unit, from, to): (String, String, String) = (row.get(1)?, row.get(2)?, row.get(3)?);
        let revision: i64 = row.get(4)?;
        let (sha, fp, figures, document): (String, Option<String>, String, String) =
            (row.get(5)?, row.get(6)?, row.get(7)?, row.get(8)?);
        let name = format!("{unit} {from}..{to} r{revision}");
        match packages_logged.remove(&id) {
            Some(d)
                if d["unit"] == *unit
                    && d["from"] == *from
                    && d["to"] == *to
                    && d["revision"] == revision
                    && d["sha256"] == *sha => {}
            Some(_) => r.say(|vi| w!(vi, "city-check-package-differs", package = &name)),
            None => r.say(|vi| w!(vi, "city-check-package-unlogged", package = &name)),
        }
        let Some(key) = keys.get(&unit).and_then(|k| crate::domain::signing::parse_public(k).ok()) else {
            r.say(|vi| w!(vi, "city-check-package-no-unit", package = &name));
            continue;
        };
        let pkg = match crate::report::package::verify(document.as_bytes(), &key) {
            Ok(p) => p,
            Err(_) => {
                r.say(|vi| w!(vi, "city-check-package-signature", package = &name));
                continue;
            }
        };
        let same = crate::upward::add::digest(&pkg.document) == sha
            && pkg.unit_code == unit
            && pkg.period_from == from
            && pkg.period_to == to
            && pkg.revision == revision
            && serde_json::from_str::<Value>(&figures).ok().as_ref() == pkg.document.get("figures");
        let stored: Vec<(String, Option<String>, Option<String>)> =
            tok.query_map([id], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?.collect::<rusqlite::Result<_>>()?;
        let tokens_same = match crate::upward::add::tokens(&pkg.document) {
            Ok((f, t)) => {
                f == fp
                    && t.len() == stored.len()
                    && t.iter().zip(&stored).all(|(a, b)| a.case_no == b.0 && a.id == b.1 && a.name_year == b.2)
            }
            Err(_) => false,
        };
        if !same || !tokens_same {
            r.say(|vi| w!(vi, "city-check-package-content", package = &name));
        }
    }
    for id in packages_logged.keys() {
        let id = id.to_string();
        r.say(|vi| w!(vi, "city-check-package-gone", id = &id));
    }
    Ok(r)
}
