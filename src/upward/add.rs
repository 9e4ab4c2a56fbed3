//! Writing to the city register: `city unit add` and `city add` (SPEC §19).
//!
//! # A unit
//! A ward the city registers: its code (the ward's `settings unit_code`), a name, and the
//! public key the ward's `mh51 key show` printed. A code is registered once, a key belongs to
//! one unit; neither is ever changed (a ward with a new key is a question for the city's
//! officer, not a silent update).
//!
//! # A package
//! Each file is verified with `report::package::verify` against the key **the city
//! registered** for the unit the file names — never against the key the file carries. Then:
//! - an unknown unit code, a signature that fails (altered, forged, another ward's key), a
//!   package whose figures are not the reports' own layout: refused;
//! - the same unit and period (exact `from`/`to`) already held at a newer revision: refused;
//!   at the same revision, the same package (the same canonical form, so a re-indented file
//!   is the same) is "already held" and changes nothing, a different one is refused;
//! - a newer revision is added beside the older one, which stays (the newest is the current
//!   one the reports read: view `current_packages`).
//!
//! Every row written gets its audit row, whose detail holds what `check` compares the row
//! with (`upward::check`). The caller runs all files of one command in one transaction, so
//! one refusal adds none of them.

use anyhow::{Context, Result};
use rusqlite::{params, OptionalExtension, Transaction};
use serde::Deserialize;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use crate::audit::Stamp;
use crate::domain::signing;
use crate::report::package;
use crate::upward::refused;
use crate::w;

/// A unit code: 1 to 64 letters, digits, `-`, `_` or `.` (what a ward types in
/// `settings unit_code` and a file name can hold).
fn valid_code(code: &str) -> bool {
    (1..=64).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b))
}

/// The unit a code names: (name, public key hex).
pub fn unit(tx: &rusqlite::Connection, code: &str) -> Result<Option<(String, String)>> {
    tx.prepare_cached("SELECT name, public_key FROM units WHERE code = ?1")?
        .query_row([code], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()
        .context("reading the units")
}

/// The unit a public key is registered to.
fn unit_of_key(tx: &rusqlite::Connection, key_hex: &str) -> Result<Option<String>> {
    tx.prepare_cached("SELECT code FROM units WHERE public_key = ?1")?
        .query_row([key_hex], |r| r.get(0))
        .optional()
        .context("reading the units")
}

/// `city unit add CODE NAME --key KEY`: register a ward. Returns the code.
pub fn add_unit(tx: &Transaction, stamp: &Stamp, code: &str, name: &str, key: &str) -> Result<String> {
    let code = code.trim();
    if !valid_code(code) {
        return Err(refused(|vi| w!(vi, "city-unit-code-invalid", code = code)));
    }
    let what = |vi: bool| w!(vi, "city-unit-name-what");
    let name = crate::domain::types::parse_name(name, &what(false), &what(true))?;
    let public = signing::parse_public(key)?;
    let key_hex = signing::hex(public.as_bytes());
    if let Some((held, _)) = unit(tx, code)? {
        return Err(refused(|vi| w!(vi, "city-unit-exists", code = code, name = &held)));
    }
    if let Some(other) = unit_of_key(tx, &key_hex)? {
        return Err(refused(|vi| w!(vi, "city-unit-key-taken", other = &other)));
    }
    tx.prepare_cached("INSERT INTO units (code, name, public_key, added_at) VALUES (?1, ?2, ?3, ?4)")?
        .execute(params![code, name, key_hex, stamp.at])
        .context("registering the unit")?;
    let detail = json!({"code": code, "name": name, "public_key": key_hex, "added_at": stamp.at});
    crate::audit::append(tx, stamp, "unit-add", "unit", code, &detail)?;
    Ok(code.to_string())
}

/// What became of one file of `city add`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Added; `replaced` is the revision it replaces as current, if one was held.
    Added { replaced: Option<i64> },
    /// The same package was held already: nothing changed.
    Held,
}

/// One file of `city add`, received.
#[derive(Debug, Clone)]
pub struct Received {
    pub unit: String,
    pub from: String,
    pub to: String,
    pub revision: i64,
    pub tokens: usize,
    pub outcome: Outcome,
}

/// The members read before the signature is checked: which unit's key to check it with.
#[derive(Deserialize)]
struct Head {
    unit_code: Option<serde_json::Value>,
    public_key: Option<serde_json::Value>,
}

/// The canonical form's SHA-256, hex: two files are the same package when it is equal.
pub fn digest(document: &Value) -> String {
    signing::hex(&Sha256::digest(package::canonical(document)))
}

/// One linking token of a package, as stored.
pub struct Token {
    pub case_no: String,
    pub id: Option<String>,
    pub name_year: Option<String>,
}

/// The package's linking key fingerprint and tokens (none when it was made without a
/// linking key). `Err(why)` when the member is not as `report::package::linking` writes it.
pub fn tokens(document: &Value) -> std::result::Result<(Option<String>, Vec<Token>), String> {
    let linking = document.get("linking").ok_or("no linking member")?;
    let list = match linking.get("tokens") {
        None => return Err("no linking tokens member".into()),
        Some(Value::Null) => return Ok((None, Vec::new())),
        Some(Value::Array(a)) => a,
        Some(_) => return Err("linking tokens are not a list".into()),
    };
    let fp = linking.get("key_fingerprint").and_then(Value::as_str).ok_or("linking tokens without key_fingerprint")?;
    let hex64 = |v: Option<&Value>| -> std::result::Result<Option<String>, String> {
        match v {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) if s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit()) => Ok(Some(s.clone())),
            Some(_) => Err("a linking token is not 64 hex digits".into()),
        }
    };
    let mut out = Vec::with_capacity(list.len());
    for t in list {
        let case_no = t.get("case_no").and_then(Value::as_str).ok_or("a linking token without case_no")?;
        out.push(Token {
            case_no: case_no.to_string(),
            id: hex64(t.get("id"))?,
            name_year: hex64(t.get("name_year"))?,
        });
    }
    Ok((Some(fp.to_string()), out))
}

/// The refusal of a package that is not valid, saying why (`package-invalid`).
fn invalid(why: &str) -> anyhow::Error {
    refused(|vi| w!(vi, "package-invalid", why = why))
}

/// Add one package file's `bytes` (inside the command's transaction).
pub fn add_package(tx: &Transaction, stamp: &Stamp, bytes: &[u8]) -> Result<Received> {
    let head: Head = serde_json::from_slice(bytes).map_err(|e| invalid(&format!("not JSON ({e})")))?;
    let Some(code) = head.unit_code.as_ref().and_then(Value::as_str).map(str::to_string) else {
        return Err(invalid("no unit_code (not an mh51 ward package)"));
    };
    let Some((_, key_hex)) = unit(tx, &code)? else {
        return Err(refused(|vi| w!(vi, "city-add-unknown-unit", unit = &code)));
    };
    let registered = signing::parse_public(&key_hex)?;
    let pkg = match package::verify(bytes, &registered) {
        Ok(p) => p,
        Err(e) => {
            // Say whose key signed it when the file names a key other than the unit's.
            let named = head.public_key.as_ref().and_then(Value::as_str).map(|s| s.trim().to_ascii_lowercase());
            if let Some(named) = named.filter(|k| *k != key_hex) {
                if let Some(other) = unit_of_key(tx, &named)? {
                    return Err(refused(|vi| w!(vi, "city-add-other-unit-key", unit = &code, other = &other)));
                }
                let fp = signing::parse_public(&named).map(|k| signing::fingerprint(&k)).unwrap_or(named.clone());
                let want = signing::fingerprint(&registered);
                return Err(refused(|vi| {
                    w!(vi, "city-add-unknown-key", unit = &code, fingerprint = &fp, registered = &want)
                }));
            }
            return Err(e);
        }
    };
    for d in [&pkg.period_from, &pkg.period_to] {
        if chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_err() {
            return Err(invalid("its period is not two ISO dates"));
        }
    }
    let figures = pkg.document.get("figures").cloned().unwrap_or(Value::Null);
    crate::upward::reports::validate(&figures).map_err(|why| invalid(&why))?;
    let (fingerprint, toks) = tokens(&pkg.document).map_err(|why| invalid(&why))?;
    let made_at = pkg.document.get("made_at").and_then(Value::as_str).unwrap_or_default().to_string();
    let sha = digest(&pkg.document);
    let held: Option<(i64, String)> = tx
        .prepare_cached(
            "SELECT revision, sha256 FROM packages WHERE unit_code = ?1 AND period_from = ?2 AND period_to = ?3
             ORDER BY revision DESC LIMIT 1",
        )?
        .query_row(params![code, pkg.period_from, pkg.period_to], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()
        .context("reading the packages held")?;
    let (from, to, rev) = (pkg.period_from.clone(), pkg.period_to.clone(), pkg.revision);
    let received = |outcome| Received {
        unit: code.clone(),
        from: from.clone(),
        to: to.clone(),
        revision: rev,
        tokens: toks.len(),
        outcome,
    };
    let replaced = match held {
        Some((h, _)) if rev < h => {
            return Err(refused(|vi| {
                w!(vi, "city-add-older", unit = &code, from = &from, to = &to, revision = rev, held = h)
            }))
        }
        Some((h, s)) if rev == h && s == sha => return Ok(received(Outcome::Held)),
        Some((h, _)) if rev == h => {
            return Err(refused(|vi| {
                w!(vi, "city-add-same-revision", unit = &code, from = &from, to = &to, revision = rev)
            }))
        }
        Some((h, _)) => Some(h),
        None => None,
    };
    let document = std::str::from_utf8(bytes).context("reading the package as text")?;
    let figures_text = figures.to_string();
    tx.prepare_cached(
        "INSERT INTO packages (unit_code, period_from, period_to, revision, made_at, received_at, audit_head,
                               key_fingerprint, sha256, figures, document)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![code, from, to, rev, made_at, stamp.at, pkg.audit_head, fingerprint, sha, figures_text, document])
    .context("storing the package")?;
    let id = tx.last_insert_rowid();
    {
        let mut ins =
            tx.prepare_cached("INSERT INTO tokens (package_id, case_no, id_token, name_year) VALUES (?1, ?2, ?3, ?4)")?;
        for t in &toks {
            ins.execute(params![id, t.case_no, t.id, t.name_year]).context("storing the linking tokens")?;
        }
    }
    let detail = json!({
        "id": id, "unit": code, "from": from, "to": to, "revision": rev, "sha256": sha,
        "made_at": made_at, "ward_audit_head": pkg.audit_head, "tokens": toks.len(),
        "key_fingerprint": fingerprint, "replaces": replaced,
    });
    crate::audit::append(tx, stamp, "package-add", "package", &format!("{code} {from}..{to} r{rev}"), &detail)?;
    Ok(received(Outcome::Added { replaced }))
}
