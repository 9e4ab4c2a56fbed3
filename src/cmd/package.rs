//! `key show` and `report package` (SPEC §19): the register's public key for the city, and
//! the ward's signed package of a period's figures.
//!
//! The package's figures are the reports' own JSON, rendered by `cmd::report` from the same
//! report functions `report summary|quota|contacts` call; the overdue figure is the number of
//! rows `report overdue` lists on the period's last day. What is signed and how: see
//! `report::package`.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};
use serde_json::{json, Map, Value};

use super::report::{contacts_rendered, json_value, quota_rendered, summary_rendered};
use super::App;
use crate::cli::{ContactsBy, QuotaBy, SummaryBy};
use crate::domain::types::{iso, ymd, Period};
use crate::domain::{lookup, signing};
use crate::report::package::{self, LinkKey};
use crate::report::scope::Scope;
use crate::{refuse, w};

/// `key show`: the public key alone on stdout, its fingerprint on stderr.
pub fn key_show(app: &App) -> Result<()> {
    let conn = app.open_read()?;
    let public = signing::public(&conn)?;
    writeln!(std::io::stdout().lock(), "{}", signing::hex(public.as_bytes()))?;
    let fp = signing::fingerprint(&public);
    app.say(&w!(false, "key-fingerprint", fingerprint = &fp), &w!(true, "key-fingerprint", fingerprint = &fp));
    Ok(())
}

/// The linking key from `--link-key FILE`: a file readable by its owner only, as every key
/// file (`cmd::protect::read_private_file`); its first line is the key
/// (`report::package::read_link_key`).
fn link_key(path: &Path) -> Result<LinkKey> {
    let text = super::protect::read_private_file(path)?;
    package::read_link_key(&text, &path.display().to_string())
}

/// `report package -p P -o FILE.json [--link-key FILE]`.
pub fn run(app: &App, period: Option<&str>, output: &Path, link: Option<&Path>) -> Result<()> {
    // Everything that can be refused is refused before the file exists.
    let p = Period::parse(period, app.today)?;
    crate::paths::refuse_taken(output)?;
    let key = link.map(link_key).transpose()?;
    let conn = app.open_read()?;
    let unit_code = lookup::setting(&conn, "unit_code")?.map(|s| s.trim().to_string()).unwrap_or_default();
    if unit_code.is_empty() {
        refuse!("{}", w!(false, "package-no-unit-code"); "{}", w!(true, "package-no-unit-code"));
    }
    let secret = signing::secret(&conn)?;
    let all = Scope::resolve(&conn, None, None, None)?;
    // The quota is yearly: from 1 January of the period's last year to its last day.
    let year = Period { from: ymd(chrono::Datelike::year(&p.to), 1, 1), to: p.to };
    let report = |r: Result<super::report::Rendered>| r.map(|r| json_value(&r));
    let days = lookup::review_interval_days(&conn)?;
    let mut overdue = 0i64;
    crate::report::overdue::overdue_in(&conn, p.to, days, &all, &mut |_| {
        overdue += 1;
        Ok(())
    })?;
    let figures = json!({
        "summary_by_ward": report(summary_rendered(app, &conn, p, SummaryBy::Ward, None, &all))?,
        "summary_by_org": report(summary_rendered(app, &conn, p, SummaryBy::Org, None, &all))?,
        "summary_by_category": report(summary_rendered(app, &conn, p, SummaryBy::Category, None, &all))?,
        "quota_by_org": report(quota_rendered(app, &conn, year, QuotaBy::Org, None, &all))?,
        "quota_by_ward": report(quota_rendered(app, &conn, year, QuotaBy::Ward, None, &all))?,
        "contacts_by_org": report(contacts_rendered(app, &conn, p, ContactsBy::Org, &all))?,
        "overdue": {"as_of": iso(p.to), "days": days, "count": overdue},
    });
    let cases = crate::report::summary::managed_cases(&conn, p)?;
    let (seq, hash) = super::safety::head(&conn)?;
    let public = secret.verifying_key();
    let mut doc = Map::new();
    let mut put = |k: &str, v: Value| {
        doc.insert(k.to_string(), v);
    };
    put("format", json!(package::FORMAT));
    put("format_version", json!(package::FORMAT_VERSION));
    put("register", json!(lookup::setting(&conn, "district")?.unwrap_or_default().trim()));
    put("unit_code", json!(unit_code));
    put("period", json!({"from": iso(p.from), "to": iso(p.to)}));
    // Always 1 until sent periods are locked and reopened (SPEC §19, "Sent periods").
    put("revision", json!(1));
    put("made_at", json!(app.ctx().stamp.at));
    put("mh51_version", json!(env!("CARGO_PKG_VERSION")));
    put("schema_version", json!(crate::db::SCHEMA_VERSION));
    put("audit_head", json!(format!("{seq}:{hash}")));
    put("public_key", json!(signing::hex(public.as_bytes())));
    put("figures", figures);
    put("linking", package::linking(&cases, key.as_ref()));
    let signed = package::sign(doc, &secret);
    let mut bytes = serde_json::to_vec_pretty(&Value::Object(signed)).context("writing the package")?;
    bytes.push(b'\n');
    let (file, mut f) = crate::paths::NewFile::create(output)?;
    f.write_all(&bytes).with_context(|| format!("writing {}", output.display()))?;
    drop(f);
    file.commit()?;
    writeln!(std::io::stdout().lock(), "{}", output.display())?;
    let tokens = if key.is_some() { cases.len() } else { 0 };
    let said = |vi: bool| {
        w!(
            vi,
            "package-made",
            from = iso(p.from),
            to = iso(p.to),
            fingerprint = signing::fingerprint(&public),
            tokens = tokens.to_string(),
            head = format!("{seq}:{hash}")
        )
    };
    app.say(&said(false), &said(true));
    Ok(())
}
