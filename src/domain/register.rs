//! Setting up a district: seeding a new database, and adding wards, orgs and categories.

use anyhow::{Context, Result};
use rusqlite::{params, Connection};
use serde_json::json;

use crate::audit;
use crate::domain::lookup::Dict;
use crate::domain::types::parse_name;
use crate::domain::Ctx;
use crate::text::{clean, fold, natural_key};

/// The six organizations a new register is seeded with, by code; their names are the
/// catalogue's (`dict-org-CODE`, see [`seeded_label`]).
pub const DEFAULT_ORGS: &[&str] = &["MTTQ", "CA", "PN", "TN", "CCB", "NCT"];

/// The categories a new register is seeded with, by code; names as for [`DEFAULT_ORGS`].
pub const DEFAULT_CATEGORIES: &[&str] = &[
    "prison",
    "amnesty",
    "suspended",
    "noncustodial",
    "supervised",
    "ward_education",
    "institution_return",
    "drugs",
    "youth",
    "record",
    "other",
];

/// The label of a seeded organization or category (`dict-org-CODE`, `dict-category-CODE` in
/// the catalogue): in Vietnamese the name a new register is seeded with, in English its
/// English label. `None` for a code that is not seeded.
pub fn seeded_label(dict: &str, code: &str, vi: bool) -> Option<String> {
    Some(match (dict, code) {
        ("org", "MTTQ") => crate::w!(vi, "dict-org-mttq"),
        ("org", "CA") => crate::w!(vi, "dict-org-ca"),
        ("org", "PN") => crate::w!(vi, "dict-org-pn"),
        ("org", "TN") => crate::w!(vi, "dict-org-tn"),
        ("org", "CCB") => crate::w!(vi, "dict-org-ccb"),
        ("org", "NCT") => crate::w!(vi, "dict-org-nct"),
        ("category", "prison") => crate::w!(vi, "dict-category-prison"),
        ("category", "amnesty") => crate::w!(vi, "dict-category-amnesty"),
        ("category", "suspended") => crate::w!(vi, "dict-category-suspended"),
        ("category", "noncustodial") => crate::w!(vi, "dict-category-noncustodial"),
        ("category", "supervised") => crate::w!(vi, "dict-category-supervised"),
        ("category", "ward_education") => crate::w!(vi, "dict-category-ward_education"),
        ("category", "institution_return") => crate::w!(vi, "dict-category-institution_return"),
        ("category", "drugs") => crate::w!(vi, "dict-category-drugs"),
        ("category", "youth") => crate::w!(vi, "dict-category-youth"),
        ("category", "record") => crate::w!(vi, "dict-category-record"),
        ("category", "other") => crate::w!(vi, "dict-category-other"),
        _ => return None,
    })
}

/// The name a new register gives a seeded organization or category: the catalogue's
/// Vietnamese label.
fn seeded_name(dict: &str, code: &str) -> String {
    seeded_label(dict, code, true).unwrap_or_else(|| code.to_string())
}

#[derive(Debug, Clone)]
pub struct InitInput {
    pub district: Option<String>,
    pub wards: u32,
    pub quota: u32,
}

/// Seed a fresh database: settings, the six orgs, the categories and wards 1..N.
impl InitInput {
    /// The limits of a new district; checked before any file is created.
    pub fn validate(&self) -> Result<()> {
        if self.wards > 1000 {
            crate::refuse_w!("invalid-wards-expected-0", wards = self.wards.to_string());
        }
        if self.quota > 100 {
            crate::refuse_w!("invalid-quota-expected-0", quota = self.quota.to_string());
        }
        Ok(())
    }
}

pub fn seed(conn: &Connection, ctx: &Ctx, input: &InitInput) -> Result<()> {
    input.validate()?;
    let district = input.district.as_deref().map(clean).unwrap_or_default();
    let mut set = conn.prepare_cached("INSERT INTO settings (key, value) VALUES (?1, ?2)")?;
    set.execute(params!["district", district])?;
    set.execute(params!["quota", input.quota.to_string()])?;
    set.execute(params!["review_interval_days", "30"])?;
    for code in DEFAULT_ORGS {
        insert_dict(conn, Dict::Org, code, &seeded_name("org", code))?;
    }
    for code in DEFAULT_CATEGORIES {
        insert_dict(conn, Dict::Category, code, &seeded_name("category", code))?;
    }
    for i in 1..=input.wards {
        insert_dict(conn, Dict::Ward, &i.to_string(), &crate::w!(true, "dict-ward-numbered", n = i.to_string()))?;
    }
    let public = crate::domain::signing::make(conn, &ctx.stamp.at)?;
    audit::append(
        conn,
        &ctx.stamp,
        "init",
        "database",
        "settings",
        &json!({"district": district, "wards": input.wards, "quota": input.quota,
                "schema_version": crate::db::SCHEMA_VERSION,
                // The register's signing key (SPEC §19), made now; the log names the public key only.
                "public_key": crate::domain::signing::hex(public.as_bytes())}),
    )
}

pub(crate) fn insert_dict(conn: &Connection, dict: Dict, code: &str, name: &str) -> Result<()> {
    let sql = match dict {
        Dict::Ward => "INSERT INTO wards (code, name, code_fold, name_fold, sort_key) VALUES (?1, ?2, ?3, ?4, ?5)",
        Dict::Org => "INSERT INTO orgs (code, name, code_fold, name_fold) VALUES (?1, ?2, ?3, ?4)",
        Dict::Category => "INSERT INTO categories (code, name, code_fold, name_fold) VALUES (?1, ?2, ?3, ?4)",
    };
    let mut stmt = conn.prepare_cached(sql)?;
    if dict == Dict::Ward {
        stmt.execute(params![code, name, fold(code), fold(name), natural_key(code)])
    } else {
        stmt.execute(params![code, name, fold(code), fold(name)])
    }
    .context("adding a code")?;
    Ok(())
}

/// Add a ward, org or category. Its code and its name must each be new, ignoring case and
/// diacritics, and neither may equal another entry's code or name (so lookups stay unique).
pub fn add(conn: &Connection, ctx: &Ctx, dict: Dict, code: &str, name: &str) -> Result<String> {
    let (code, name) = check_new(conn, dict, code, name)?;
    insert_dict(conn, dict, &code, &name)?;
    audit::append(conn, &ctx.stamp, "add", dict.audit_name(), &code, &json!({"name": name}))?;
    Ok(code)
}

/// The cleaned code and name of a new ward, org or category, refused unless both are new
/// (ignoring case and diacritics) and the code is well-formed. `ward merge` creates the ward
/// it merges into through the same check.
pub fn check_new(conn: &Connection, dict: Dict, code: &str, name: &str) -> Result<(String, String)> {
    let (what_en, what_vi) = dict.what();
    let code = crate::domain::types::line_text(
        code,
        &crate::w!(false, "domain-dict-code-of", what = what_en),
        &crate::w!(true, "domain-dict-code-of", what = what_vi),
    )?;
    if code.is_empty() || code.chars().count() > 40 || code.contains(',') {
        crate::refuse_w!(
            "invalid-code-expected-1",
            what = crate::words::both(what_en, what_vi),
            code = code.to_string()
        );
    }
    let name = parse_name(
        name,
        &crate::w!(false, "domain-dict-name-of", what = what_en),
        &crate::w!(true, "domain-dict-name-of", what = what_vi),
    )?;
    for typed in [&code, &name] {
        if crate::domain::lookup::find(conn, dict, typed).is_ok() {
            crate::refuse_w!(
                "already-exists-codes-names",
                what = crate::words::both(what_en, what_vi),
                typed = typed.to_string()
            );
        }
    }
    Ok((code, name))
}
