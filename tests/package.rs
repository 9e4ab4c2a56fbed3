//! The ward's signing key and its package for the city (SPEC §19): `key show`, the key made
//! by `init`, `extract` and the migration, `report package` (its figures against the reports'
//! own JSON, its tokens, no personal data, its signature), its refusals, and the secret key
//! never printed.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::util::Env;

/// `key show` on `db`: (the public key line, stderr).
fn key_show(e: &Env, db: &Path) -> (String, String) {
    let o = e.run(&["--db", db.to_str().unwrap(), "key", "show"]);
    assert!(o.status.success(), "key show: {}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8(o.stdout).unwrap();
    assert_eq!(out.lines().count(), 1, "one line: {out:?}");
    assert!(out.ends_with('\n'));
    let line = out.trim_end().to_string();
    // A valid Ed25519 public key, 64 lowercase hex digits.
    assert_eq!(line.len(), 64, "{line}");
    assert!(line.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)), "{line}");
    mh51::domain::signing::parse_public(&line).unwrap();
    (line, String::from_utf8(o.stderr).unwrap())
}

/// The secret seed of the register at `db`, as lowercase hex, read straight from the file.
fn secret_hex(db: &Path) -> String {
    let c = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let s: String = c.query_row("SELECT lower(hex(secret)) FROM signing_key", [], |r| r.get(0)).unwrap();
    assert_eq!(s.len(), 64);
    s
}

fn link_key(e: &Env, name: &str, text: &str) -> PathBuf {
    let p = e.path(name);
    std::fs::write(&p, text).unwrap();
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o600)).unwrap();
    p
}

const LINK: &str = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

/// The District 6 example with its unit code.
fn demo() -> Env {
    let e = Env::empty();
    e.ok(&["demo"]);
    e.ok(&["settings", "unit_code", "Q6"]);
    e
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|err| panic!("{err}: {text}"))
}

#[test]
fn init_makes_a_key_that_key_show_prints_and_every_register_has_its_own() {
    let a = Env::new();
    let (ka, err) = key_show(&a, &a.db);
    let fp = mh51::domain::signing::fingerprint(&mh51::domain::signing::parse_public(&ka).unwrap());
    assert!(err.contains(&fp), "the fingerprint on stderr: {err}");
    assert_eq!(key_show(&a, &a.db).0, ka, "the same key each time");
    let b = Env::new();
    assert_ne!(key_show(&b, &b.db).0, ka, "two registers, two keys");
    // The init audit row names the public key (never the secret).
    let detail = a.scalar("SELECT detail FROM audit_log WHERE action = 'init'");
    assert!(detail.contains(&ka), "{detail}");
    assert!(!detail.contains(&secret_hex(&a.db)));
    a.ok(&["check"]);
}

#[test]
fn extract_gives_the_ward_a_new_key() {
    let e = Env::new();
    e.enroll("Nguyễn Văn An", "1", "2022-01-10", &[]);
    let out = e.path("ward1.db");
    e.ok(&["extract", "--ward", "1", "-o", out.to_str().unwrap()]);
    let (src, _) = key_show(&e, &e.db);
    let (ward, _) = key_show(&e, &out);
    assert_ne!(src, ward, "the ward's key is its own");
    assert_ne!(secret_hex(&e.db), secret_hex(&out));
    e.ok(&["--db", out.to_str().unwrap(), "check"]);
}

#[test]
fn an_older_register_gets_a_key_when_migrated() {
    let e = Env::empty();
    std::fs::copy(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/v1.db"), &e.db).unwrap();
    // A read-only command does not migrate (SPEC §16), so no key yet.
    e.refused(&["key", "show"], &["mh51 migrate"]);
    e.ok(&["migrate"]);
    let (k, _) = key_show(&e, &e.db);
    let detail = e.scalar("SELECT detail FROM audit_log WHERE action = 'migrate' ORDER BY seq DESC LIMIT 1");
    assert!(detail.contains(&k), "{detail}");
    assert!(!detail.contains(&secret_hex(&e.db)));
    e.ok(&["check"]);
}

#[test]
fn check_names_a_missing_or_mismatched_key() {
    let e = Env::new();
    let c = e.raw();
    c.execute_batch(
        "DROP TRIGGER signing_key_no_update;
         UPDATE signing_key SET secret = zeroblob(32);",
    )
    .unwrap();
    drop(c);
    let err = e.fail(&["check"]);
    assert!(err.contains("secret key is not the one of the stored public key"), "{err}");
    e.refused(&["report", "package", "-p", "2022", "-o", "p.json"], &["unit code"]);
    e.ok(&["settings", "unit_code", "P1"]);
    e.refused(&["report", "package", "-p", "2022", "-o", "p.json"], &["does not match its public key"]);
    assert!(!e.path("p.json").exists());
}

/// The package of the District 6 example for the first quarter of 2022, with tokens.
fn quarter_package(e: &Env) -> (String, Value) {
    let key = link_key(e, "city.key", &format!("\u{feff}{LINK}\r\n"));
    let out = e.path("q1.json");
    let printed = e.ok(&["report", "package", "-p", "2022-Q1", "-o", "q1.json", "--link-key", key.to_str().unwrap()]);
    assert_eq!(printed, "q1.json");
    let meta = std::fs::metadata(&out).unwrap();
    assert_eq!(meta.permissions().mode() & 0o777, 0o600);
    let text = std::fs::read_to_string(&out).unwrap();
    let v = json(&text);
    (text, v)
}

#[test]
fn the_package_holds_the_reports_own_figures_and_one_token_per_managed_case() {
    let e = demo();
    let (_, p) = quarter_package(&e);
    assert_eq!(p["format"], "mh51 ward package");
    assert_eq!(p["unit_code"], "Q6");
    assert_eq!(p["register"], "Quận 6");
    assert_eq!(p["revision"], 1);
    assert_eq!(p["period"], serde_json::json!({"from": "2022-01-01", "to": "2022-03-31"}));
    assert_eq!(p["schema_version"], e.scalar("PRAGMA user_version").parse::<i64>().unwrap());
    assert_eq!(p["mh51_version"], env!("CARGO_PKG_VERSION"));
    // The head the figures were read at: the one just before the package's own `send` row
    // (SPEC §19: making the package marks the period sent, an audited write).
    let head = p["audit_head"].as_str().unwrap();
    let send_seq: i64 = e.scalar("SELECT seq FROM audit_log WHERE action = 'send'").parse().unwrap();
    assert_eq!(head.split(':').next().unwrap(), (send_seq - 1).to_string());
    assert_eq!(e.scalar("SELECT count(*) FROM audit_log"), send_seq.to_string(), "the send is the last row");
    e.ok(&["audit", "verify", "--head", head]);
    assert_eq!(p["public_key"], key_show(&e, &e.db).0);
    let f = &p["figures"];
    let report = |args: &[&str]| {
        let mut a = vec!["report"];
        a.extend_from_slice(args);
        a.extend_from_slice(&["-f", "json"]);
        json(&e.ok(&a))
    };
    let q1 = "2022-Q1";
    let ytd = "2022-01-01..2022-03-31";
    assert_eq!(f["summary_by_ward"], report(&["summary", "-p", q1, "--by", "ward"]));
    assert_eq!(f["summary_by_org"], report(&["summary", "-p", q1, "--by", "org"]));
    assert_eq!(f["summary_by_category"], report(&["summary", "-p", q1, "--by", "category"]));
    assert_eq!(f["quota_by_org"], report(&["quota", "-p", ytd, "--by", "org"]));
    assert_eq!(f["quota_by_ward"], report(&["quota", "-p", ytd, "--by", "ward"]));
    assert_eq!(f["contacts_by_org"], report(&["contacts", "-p", q1, "--by", "org"]));
    let overdue = report(&["overdue", "--as-of", "2022-03-31"]);
    assert_eq!(f["overdue"]["count"], overdue["rows"].as_array().unwrap().len());
    assert_eq!(f["overdue"]["as_of"], "2022-03-31");
    assert_eq!(f["overdue"]["days"], overdue["days"]);

    // One token per case counted in total_managed, each beside its own case number.
    let managed = f["summary_by_ward"]["total"]["total_managed"].as_u64().unwrap();
    assert!(managed > 100, "{managed}");
    let tokens = p["linking"]["tokens"].as_array().unwrap();
    assert_eq!(tokens.len() as u64, managed);
    let mut cases: Vec<&str> = tokens.iter().map(|t| t["case_no"].as_str().unwrap()).collect();
    cases.dedup();
    assert_eq!(cases.len() as u64, managed, "one token per case");
    let want: Vec<String> = {
        let c = e.raw();
        let mut s = c
            .prepare(
                "SELECT case_no FROM cases WHERE enrolled_on <= '2022-03-31'
                 AND (released_on IS NULL OR released_on >= '2022-01-01') ORDER BY case_no",
            )
            .unwrap();
        s.query_map([], |r| r.get(0)).unwrap().collect::<Result<_, _>>().unwrap()
    };
    assert_eq!(cases, want.iter().map(String::as_str).collect::<Vec<_>>());
    let hex64 = |v: &Value| v.as_str().is_some_and(|s| s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit()));
    assert!(tokens.iter().filter(|t| !t["id"].is_null()).all(|t| hex64(&t["id"])));
    assert!(tokens.iter().any(|t| hex64(&t["id"])), "identity numbers give strong tokens");
    assert!(tokens.iter().filter(|t| !t["name_year"].is_null()).all(|t| hex64(&t["name_year"])));
    assert!(p["linking"]["weak"].as_str().unwrap().contains("name_year"));

    // The same case's strong token is the HMAC of its identity number under the city's key.
    let (no, id): (String, String) = e
        .raw()
        .query_row(
            "SELECT c.case_no, p.id_number FROM cases c JOIN persons p ON p.id = c.person_id
             WHERE p.id_number IS NOT NULL AND c.case_no = ?1",
            [tokens.iter().find(|t| !t["id"].is_null()).unwrap()["case_no"].as_str().unwrap()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let k = mh51::report::package::LinkKey::from_hex(LINK).unwrap();
    let t = tokens.iter().find(|t| t["case_no"] == no.as_str()).unwrap();
    assert_eq!(t["id"], k.id_token(&id));
}

#[test]
fn no_personal_value_is_in_the_package() {
    let e = demo();
    let (text, p) = quarter_package(&e);
    let c = e.raw();
    let mut values: Vec<String> = Vec::new();
    for sql in [
        "SELECT name FROM persons",
        "SELECT id_number FROM persons",
        "SELECT address FROM persons",
        "SELECT birth_date FROM persons",
        "SELECT name FROM members",
        "SELECT phone FROM members",
        "SELECT note FROM cases",
        "SELECT note FROM reviews",
        "SELECT note FROM supports",
    ] {
        let mut s = c.prepare(sql).unwrap();
        let got: Vec<Option<String>> = s.query_map([], |r| r.get(0)).unwrap().collect::<Result<_, _>>().unwrap();
        values.extend(got.into_iter().flatten().filter(|v| !v.trim().is_empty()));
    }
    assert!(values.len() > 1000, "the example holds personal data: {}", values.len());
    for v in &values {
        assert!(!text.contains(v.as_str()), "{v:?} is in the package");
    }
    // Nor the folded names, nor the birth years beside a name.
    let folds: Vec<String> = c
        .prepare("SELECT name_fold FROM persons")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    for v in folds {
        assert!(!text.contains(&v), "{v:?} is in the package");
    }
    assert!(p["linking"]["tokens"].as_array().unwrap().len() > 100);
}

#[test]
fn the_package_verifies_with_the_key_show_key_and_an_edit_breaks_it() {
    let e = demo();
    let (text, _) = quarter_package(&e);
    let public = mh51::domain::signing::parse_public(&key_show(&e, &e.db).0).unwrap();
    let p = mh51::report::package::verify(text.as_bytes(), &public).unwrap();
    assert_eq!((p.unit_code.as_str(), p.period_from.as_str(), p.revision), ("Q6", "2022-01-01", 1));
    // One figure changed by hand, in the text as an editor would.
    let needle = "\"contacts\": ";
    let at = text.find(needle).unwrap() + needle.len();
    let end = at + text[at..].find(|c: char| !c.is_ascii_digit()).unwrap();
    let n: i64 = text[at..end].parse().unwrap();
    let edited = format!("{}{}{}", &text[..at], n + 1, &text[end..]);
    assert!(mh51::report::package::verify(edited.as_bytes(), &public).is_err());
    // Another register's key does not verify it.
    let other = Env::new();
    let k = mh51::domain::signing::parse_public(&key_show(&other, &other.db).0).unwrap();
    assert!(mh51::report::package::verify(text.as_bytes(), &k).is_err());
}

#[test]
fn without_a_link_key_there_are_no_tokens_and_the_file_says_so() {
    let e = demo();
    e.ok(&["report", "package", "-p", "2022-05", "-o", "may.json"]);
    let p = json(&std::fs::read_to_string(e.path("may.json")).unwrap());
    assert!(p["linking"]["tokens"].is_null());
    assert!(p["linking"]["note"].as_str().unwrap().contains("--link-key"));
    assert_eq!(p["period"]["to"], "2022-05-31");
}

#[test]
fn refusals_name_the_value_and_leave_nothing() {
    let e = demo();
    let good = link_key(&e, "ok.key", LINK);
    let g = good.to_str().unwrap();
    // An existing output file is kept as it was.
    std::fs::write(e.path("taken.json"), "mine").unwrap();
    e.refused(&["report", "package", "-p", "2022-Q1", "-o", "taken.json"], &["taken.json"]);
    assert_eq!(std::fs::read_to_string(e.path("taken.json")).unwrap(), "mine");
    e.refused(&["report", "package", "-p", "2022-13", "-o", "p.json", "--link-key", g], &["2022-13"]);
    let short = link_key(&e, "short.key", "abcd\n");
    e.refused(
        &["report", "package", "-p", "2022-Q1", "-o", "p.json", "--link-key", short.to_str().unwrap()],
        &["short.key", "64"],
    );
    let odd = link_key(&e, "odd.key", &format!("{LINK}0"));
    e.refused(
        &["report", "package", "-p", "2022-Q1", "-o", "p.json", "--link-key", odd.to_str().unwrap()],
        &["odd.key"],
    );
    e.refused(&["report", "package", "-p", "2022-Q1", "-o", "p.json", "--link-key", "missing.key"], &["missing.key"]);
    let open = link_key(&e, "open.key", LINK);
    std::fs::set_permissions(&open, std::fs::Permissions::from_mode(0o644)).unwrap();
    e.refused(
        &["report", "package", "-p", "2022-Q1", "-o", "p.json", "--link-key", open.to_str().unwrap()],
        &["open.key", "chmod 600"],
    );
    assert!(!e.path("p.json").exists());
    let leftovers: Vec<_> = std::fs::read_dir(e.dir.path())
        .unwrap()
        .map(|d| d.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.contains("p.json"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn the_secret_key_is_never_printed() {
    let e = demo();
    let (text, _) = quarter_package(&e);
    let secret = secret_hex(&e.db);
    let upper = secret.to_uppercase();
    let mut seen = vec![("package".to_string(), text)];
    for args in [
        &["audit", "-f", "csv"][..],
        &["audit", "-f", "json"],
        &["audit", "verify"],
        &["audit", "head"],
        &["export", "audit"],
        &["export", "cases"],
        &["settings"],
        &["check"],
        &["key", "show"],
        &["query", "SELECT * FROM signing_key"],
        &["query", "SELECT hex(secret), secret FROM signing_key", "-f", "json"],
        &["query", "SELECT hex(hash) FROM row_versions WHERE tbl = 'signing_key'", "-f", "csv"],
    ] {
        let o = e.run(args);
        assert!(o.status.success(), "{args:?}: {}", String::from_utf8_lossy(&o.stderr));
        seen.push((
            format!("{args:?}"),
            String::from_utf8_lossy(&o.stdout).to_string() + &String::from_utf8_lossy(&o.stderr),
        ));
    }
    for (what, out) in &seen {
        assert!(!out.contains(&secret) && !out.contains(&upper), "the secret key is in the output of {what}");
    }
    // The query reads the secret as NULL.
    let q = json(&e.ok(&["query", "SELECT secret, public_key FROM signing_key", "-f", "json"]));
    assert!(q.to_string().contains("null"), "{q}");
}
