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
use crate::domain::{lookup, sent, signing};
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
///
/// The figures are read, the period's revision decided and the send recorded in one write
/// transaction, so the figures, the audit head and the lock are one state of the register
/// (`domain::sent` says what the lock covers; `sent::decide` is the revision rule):
/// - never sent, or reopened since its last revision: the next revision (1 first), recorded;
/// - sent and unchanged: the same revision, `made_at` and audit head again, recorded nowhere
///   (the file is the one sent; Ed25519 signatures are deterministic);
/// - sent and changed by a write dated outside the period: refused until `period reopen`.
pub fn run(app: &App, period: Option<&str>, output: &Path, link: Option<&Path>) -> Result<()> {
    // Everything that can be refused is refused before the file exists.
    let p = Period::parse(period, app.today)?;
    crate::paths::refuse_taken(output)?;
    let key = link.map(link_key).transpose()?;
    let mut conn = app.open()?;
    let ctx = app.ctx();
    let made = crate::db::write_if(&mut conn, |tx| {
        let conn: &rusqlite::Connection = tx;
        let unit_code = lookup::setting(conn, "unit_code")?.map(|s| s.trim().to_string()).unwrap_or_default();
        if unit_code.is_empty() {
            refuse!("{}", w!(false, "package-no-unit-code"); "{}", w!(true, "package-no-unit-code"));
        }
        let secret = signing::secret(conn)?;
        let all = Scope::resolve(conn, None, None, None)?;
        // The quota is yearly: from 1 January of the period's last year to its last day.
        let year = Period { from: ymd(chrono::Datelike::year(&p.to), 1, 1), to: p.to };
        let report = |r: Result<super::report::Rendered>| r.map(|r| json_value(&r));
        let days = lookup::review_interval_days(conn)?;
        let mut overdue = 0i64;
        crate::report::overdue::overdue_in(conn, p.to, days, &all, &mut |_| {
            overdue += 1;
            Ok(())
        })?;
        let figures = json!({
            "summary_by_ward": report(summary_rendered(app, conn, p, SummaryBy::Ward, None, &all))?,
            "summary_by_org": report(summary_rendered(app, conn, p, SummaryBy::Org, None, &all))?,
            "summary_by_category": report(summary_rendered(app, conn, p, SummaryBy::Category, None, &all))?,
            "quota_by_org": report(quota_rendered(app, conn, year, QuotaBy::Org, None, &all))?,
            "quota_by_ward": report(quota_rendered(app, conn, year, QuotaBy::Ward, None, &all))?,
            "contacts_by_org": report(contacts_rendered(app, conn, p, ContactsBy::Org, &all))?,
            "overdue": {"as_of": iso(p.to), "days": days, "count": overdue},
        });
        let cases = crate::report::summary::managed_cases(conn, p)?;
        let linking = package::linking(&cases, key.as_ref());
        let hash = sent::figures_hash(&package::canonical(&json!({"figures": &figures, "linking": &linking})));
        let (seq, h) = super::safety::head(conn)?;
        let now_head = format!("{seq}:{h}");
        let code = sent::code_of(p);
        let (revision, made_at, head, fresh) = match sent::decide(sent::latest(conn, p)?, &hash) {
            sent::Decision::New { revision } => (revision, ctx.stamp.at.clone(), now_head, true),
            sent::Decision::Same { revision, sent_at, audit_head } => (revision, sent_at, audit_head, false),
            sent::Decision::Changed { revision, sent_at } => {
                let said =
                    |vi: bool| w!(vi, "period-figures-changed", period = &code, revision = revision, sent = &sent_at);
                refuse!("{}", said(false); "{}", said(true));
            }
        };
        if fresh {
            sent::record(conn, &ctx, p, revision, &head, &hash)?;
        }
        let public = secret.verifying_key();
        let mut doc = Map::new();
        let mut put = |k: &str, v: Value| {
            doc.insert(k.to_string(), v);
        };
        put("format", json!(package::FORMAT));
        put("format_version", json!(package::FORMAT_VERSION));
        put("register", json!(lookup::setting(conn, "district")?.unwrap_or_default().trim()));
        put("unit_code", json!(unit_code));
        put("period", json!({"from": iso(p.from), "to": iso(p.to)}));
        put("revision", json!(revision));
        put("made_at", json!(made_at));
        put("mh51_version", json!(env!("CARGO_PKG_VERSION")));
        put("schema_version", json!(crate::db::SCHEMA_VERSION));
        put("audit_head", json!(head));
        put("public_key", json!(signing::hex(public.as_bytes())));
        put("figures", figures);
        put("linking", linking);
        let signed = package::sign(doc, &secret);
        let mut bytes = serde_json::to_vec_pretty(&Value::Object(signed)).context("writing the package")?;
        bytes.push(b'\n');
        let made = Made {
            bytes,
            code,
            revision,
            fresh,
            sent_at: made_at,
            head,
            fingerprint: signing::fingerprint(&public),
            tokens: if key.is_some() { cases.len() } else { 0 },
        };
        Ok((made, fresh))
    })?;
    let (file, mut f) = crate::paths::NewFile::create(output)?;
    f.write_all(&made.bytes).with_context(|| format!("writing {}", output.display()))?;
    drop(f);
    file.commit()?;
    writeln!(std::io::stdout().lock(), "{}", output.display())?;
    let said = |vi: bool| {
        w!(
            vi,
            "package-made",
            from = iso(p.from),
            to = iso(p.to),
            fingerprint = &made.fingerprint,
            tokens = made.tokens.to_string(),
            head = &made.head
        )
    };
    app.say(&said(false), &said(true));
    let sent_words = |vi: bool| {
        if made.fresh {
            w!(vi, "period-sent", period = &made.code, revision = made.revision)
        } else {
            w!(vi, "period-sent-again", period = &made.code, revision = made.revision, sent = &made.sent_at)
        }
    };
    app.say(&sent_words(false), &sent_words(true));
    Ok(())
}

/// What `report package` made inside its transaction.
struct Made {
    bytes: Vec<u8>,
    code: String,
    revision: i64,
    fresh: bool,
    sent_at: String,
    head: String,
    fingerprint: String,
    tokens: usize,
}

/// The columns of `period list`.
pub const PERIOD_COLUMNS: &[&str] = &[
    "period",
    "period_from",
    "period_to",
    "revision",
    "status",
    "sent_at",
    "audit_head",
    "reopened_at",
    "reopen_reason",
];

/// `period list` and `period reopen P --reason TEXT`.
pub fn period(app: &App, c: crate::cli::PeriodCmd) -> Result<()> {
    use crate::view::Cell;
    match c {
        crate::cli::PeriodCmd::List { out } => {
            let conn = app.open_read()?;
            let mut sink = app.human_sink(&conn, &out, PERIOD_COLUMNS, None)?;
            for s in sent::all(&conn)? {
                let status = if s.reopened_at.is_some() { "reopened" } else { "sent" };
                sink.row(&[
                    Cell::text(sent::code(&s.from, &s.to)),
                    Cell::text(s.from),
                    Cell::text(s.to),
                    Cell::Int(s.revision),
                    Cell::text(status),
                    Cell::text(s.sent_at),
                    Cell::text(s.audit_head),
                    Cell::opt_text(s.reopened_at),
                    Cell::opt_text(s.reopen_reason),
                ])?;
            }
            sink.finish()
        }
        crate::cli::PeriodCmd::Reopen { period, reason } => {
            let p = Period::parse(Some(&period), app.today)?;
            let mut conn = app.open()?;
            let ctx = app.ctx();
            let revision = crate::db::write(&mut conn, |tx| sent::reopen(tx, &ctx, p, &period, &reason))?;
            let code = sent::code_of(p);
            writeln!(std::io::stdout().lock(), "{code}")?;
            let said = |vi: bool| w!(vi, "period-reopened", period = &code, revision = revision, next = revision + 1);
            app.say(&said(false), &said(true));
            Ok(())
        }
    }
}
