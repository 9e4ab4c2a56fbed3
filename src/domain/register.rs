//! Setting up a district: seeding a new database, and adding wards, orgs and categories.

use anyhow::{Context, Result};
use rusqlite::{params, Connection};
use serde_json::json;

use crate::audit;
use crate::domain::lookup::Dict;
use crate::domain::types::parse_name;
use crate::domain::Ctx;
use crate::text::{clean, fold, natural_key};

pub const DEFAULT_ORGS: &[(&str, &str)] = &[
    ("MTTQ", "Ủy ban MTTQ Việt Nam phường"),
    ("CA", "Công an phường"),
    ("PN", "Hội Liên hiệp Phụ nữ"),
    ("TN", "Đoàn Thanh niên"),
    ("CCB", "Hội Cựu chiến binh"),
    ("NCT", "Hội Người cao tuổi"),
];

pub const DEFAULT_CATEGORIES: &[(&str, &str)] = &[
    ("prison", "Chấp hành xong án phạt tù"),
    ("amnesty", "Đặc xá, tha tù trước thời hạn"),
    ("suspended", "Án treo"),
    ("noncustodial", "Cải tạo không giam giữ"),
    ("supervised", "Quản chế"),
    ("ward_education", "Giáo dục tại xã, phường"),
    ("institution_return", "Từ trường giáo dưỡng, cơ sở giáo dục bắt buộc về"),
    ("drugs", "Sử dụng trái phép chất ma túy, sau cai nghiện"),
    ("youth", "Thanh thiếu niên vi phạm pháp luật"),
    ("record", "Có tiền án, tiền sự"),
    ("other", "Khác"),
];

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
    for (code, name) in DEFAULT_ORGS {
        insert_dict(conn, Dict::Org, code, name)?;
    }
    for (code, name) in DEFAULT_CATEGORIES {
        insert_dict(conn, Dict::Category, code, name)?;
    }
    for i in 1..=input.wards {
        insert_dict(conn, Dict::Ward, &i.to_string(), &format!("Phường {i}"))?;
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
