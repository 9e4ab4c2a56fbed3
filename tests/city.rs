//! The city register (SPEC §19): wards' packages in, verified against the keys the city
//! registered, the city's figures out. End to end through the real binary: the District 6
//! example is split into three wards' registers (`extract`), each packages two periods, and
//! the city's figures are checked against the sum of the wards' own reports, computed here
//! from the wards' own `report … -f json`.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::util::{dump, Env};

const LINK: &str = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

/// The three wards cut from the District 6 example: (unit code, name, wards of the district).
const WARDS: &[(&str, &str, &[&str])] = &[
    ("P-A", "Phường A", &["1", "2", "3", "4", "5"]),
    ("P-B", "Phường B", &["6", "7", "8", "9"]),
    ("P-C", "Phường C", &["10", "11", "12", "13", "14"]),
];

/// The periods every ward sends.
const PERIODS: &[&str] = &["2022-Q1", "2022"];

/// A person enrolled in two wards (invented), and the identity number both hold.
const TWICE: &str = "Lê Thị Hai Nơi";
const TWICE_ID: &str = "079300000042";

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|err| panic!("{err}: {text}"))
}

/// The world of a city test: the wards' registers and packages beside an (empty) city path
/// `e.db`.
struct City {
    e: Env,
    /// Ward register of each unit code.
    wards: Vec<(String, PathBuf)>,
    /// A registered ward that never sends anything.
    silent: PathBuf,
    link: PathBuf,
}

impl City {
    fn ward_db(&self, code: &str) -> &Path {
        &self.wards.iter().find(|(c, _)| c == code).unwrap().1
    }

    /// `mh51 --db WARD …`.
    fn on(&self, db: &Path, args: &[&str]) -> String {
        let mut a = vec!["--db", db.to_str().unwrap()];
        a.extend_from_slice(args);
        self.e.ok(&a)
    }

    fn key(&self, db: &Path) -> String {
        self.on(db, &["key", "show"])
    }

    /// The package file of a unit and period.
    fn package(&self, code: &str, period: &str) -> PathBuf {
        self.e.path(&format!("{code}-{period}.json"))
    }

    fn package_arg(&self, code: &str, period: &str) -> String {
        self.package(code, period).to_str().unwrap().to_string()
    }

    /// Rows of a table of the city register (read-only).
    fn count(&self, table: &str) -> i64 {
        self.e.scalar(&format!("SELECT count(*) FROM {table}")).parse().unwrap()
    }
}

/// The District 6 example split into three wards (a person enrolled in two of them with the
/// same identity number), each with its unit code and two packages made with the city's
/// linking key; a fourth ward registered but silent; the city register made and every ward
/// registered — nothing added yet.
fn city() -> City {
    let e = Env::empty();
    let district = e.path("quan6.db");
    let d = district.to_str().unwrap();
    e.ok(&["--db", d, "demo"]);
    let link = e.path("city.key");
    std::fs::write(&link, format!("{LINK}\n")).unwrap();
    std::fs::set_permissions(&link, std::fs::Permissions::from_mode(0o600)).unwrap();
    let mut wards = Vec::new();
    for (code, _, parts) in WARDS {
        let db = e.path(&format!("{code}.db"));
        let mut a = vec!["--db", d, "extract", "-o", db.to_str().unwrap(), "--ward"];
        a.extend_from_slice(parts);
        e.ok(&a);
        let w = db.to_str().unwrap();
        e.ok(&["--db", w, "settings", "unit_code", code]);
        wards.push((code.to_string(), db));
    }
    // The same person in wards A (ward 1) and B (ward 6).
    for (code, ward) in [("P-A", "1"), ("P-B", "6")] {
        let w = e.path(&format!("{code}.db"));
        e.ok(&[
            "--db",
            w.to_str().unwrap(),
            "enroll",
            TWICE,
            "--ward",
            ward,
            "--category",
            "prison",
            "--date",
            "2022-02-10",
            "--born",
            "1990",
            "--id-number",
            TWICE_ID,
        ]);
    }
    let silent = e.path("P-D.db");
    e.ok(&["--db", silent.to_str().unwrap(), "init", "--district", "Phường D"]);
    let c = City { e, wards, silent, link };
    for (code, db) in &c.wards {
        for p in PERIODS {
            let out = c.package_arg(code, p);
            c.on(db, &["report", "package", "-p", p, "-o", &out, "--link-key", c.link.to_str().unwrap()]);
        }
    }
    c.e.ok(&["city", "init", "--name", "TP. Thử Nghiệm"]);
    for (code, name, _) in WARDS {
        let key = c.key(c.ward_db(code));
        assert_eq!(c.e.ok(&["city", "unit", "add", code, name, "--key", &key]), *code);
    }
    let key = c.key(&c.silent);
    c.e.ok(&["city", "unit", "add", "P-D", "Phường D", "--key", &key]);
    c
}

/// Add every package of every ward.
fn add_all(c: &City) {
    let mut files = Vec::new();
    for (code, _) in &c.wards {
        for p in PERIODS {
            files.push(c.package_arg(code, p));
        }
    }
    let mut args = vec!["city", "add"];
    args.extend(files.iter().map(String::as_str));
    let out = c.e.ok(&args);
    assert_eq!(out.lines().count(), files.len(), "{out}");
    assert!(out.lines().all(|l| l.contains(": added unit ")), "{out}");
}

/// The sum over the wards of `column` in their own JSON report's rows whose group is
/// `group` (the TOTAL rows for "TOTAL").
fn ward_sum(reports: &[Value], group: &str, column: &str) -> (i64, bool) {
    let mut sum = 0;
    let mut found = false;
    for r in reports {
        let rows: Vec<&Value> =
            if group == "TOTAL" { vec![&r["total"]] } else { r["rows"].as_array().unwrap().iter().collect() };
        for row in rows.into_iter().filter(|row| row["group"] == group) {
            sum += row[column].as_i64().unwrap_or_else(|| panic!("{column} in {row}"));
            found = true;
        }
    }
    (sum, found)
}

/// The city's figures equal the wards' own reports added up, for every column, row by row,
/// in every period sent and every grouping; percentages are recomputed from the sums.
#[test]
fn the_city_adds_up_the_wards_own_reports() {
    let c = city();
    add_all(&c);
    for p in PERIODS {
        // The quota of a package runs from 1 January to the period's end.
        let year = &p[..4];
        let quota_p = if p.len() == 4 { p.to_string() } else { format!("{year}-01-01..{year}-03-31") };
        let cases: &[(&str, &str, &str, &[&str], &str)] = &[
            ("summary", "org", p, &[], ""),
            ("summary", "category", p, &[], ""),
            ("quota", "org", &quota_p, &["achieved", "target"], ""),
            ("contacts", "org", p, &["contacted", "cases"], ""),
        ];
        for (report, by, ward_p, pct, _) in cases {
            let own: Vec<Value> = c
                .wards
                .iter()
                .map(|(_, db)| json(&c.on(db, &["report", report, "-p", ward_p, "--by", by, "-f", "json"])))
                .collect();
            let city = |by: &str| {
                let o = c.e.run(&["city", "report", report, "-p", p, "--by", by, "-f", "json"]);
                assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
                let err = String::from_utf8_lossy(&o.stderr).to_string();
                // The silent ward is said, not silently dropped.
                assert!(err.contains("1 of 4 units sent no package") && err.contains("P-D"), "{err}");
                json(&String::from_utf8(o.stdout).unwrap())
            };
            let by_group = city(by);
            let by_unit = city("unit");
            assert_eq!(by_unit["missing"], serde_json::json!(["P-D"]));
            assert_eq!(by_unit["units"], 4);
            let columns: Vec<String> = own[0]["total"].as_object().unwrap().keys().cloned().collect();
            let check_pct = |row: &Value, what: &str| {
                if let [num, den] = pct {
                    let (n, d) = (row[*num].as_i64().unwrap(), row[*den].as_i64().unwrap());
                    let want = if d > 0 {
                        serde_json::json!(((n as f64 * 100.0 / d as f64) * 10.0).round() / 10.0)
                    } else {
                        Value::Null
                    };
                    assert_eq!(row["pct"], want, "{report} {p} {what}: pct from the summed counts");
                }
            };
            for col in columns.iter().filter(|k| *k != "group" && *k != "pct") {
                let (want, _) = ward_sum(&own, "TOTAL", col);
                assert_eq!(by_group["total"][col], want, "{report} {p} --by {by} TOTAL {col}");
                assert_eq!(by_unit["total"][col], want, "{report} {p} --by unit TOTAL {col}");
                // Each org or category row: that group's rows of the wards, added up.
                for row in by_group["rows"].as_array().unwrap() {
                    let g = row["group"].as_str().unwrap();
                    let (want, found) = ward_sum(&own, g, col);
                    assert!(found, "{g} is in no ward's report");
                    assert_eq!(row[col], want, "{report} {p} --by {by} {g} {col}");
                }
                // Each unit's row: that ward's own TOTAL.
                for (i, (code, _)) in c.wards.iter().enumerate() {
                    let row = by_unit["rows"].as_array().unwrap().iter().find(|r| r["unit"] == *code.as_str()).unwrap();
                    assert_eq!(row[col], own[i]["total"][col], "{report} {p} --by unit {code} {col}");
                }
            }
            check_pct(&by_group["total"], "TOTAL");
            for row in by_group["rows"].as_array().unwrap().iter().chain(by_unit["rows"].as_array().unwrap()) {
                check_pct(row, "row");
            }
            // Every group of every ward is a row of the city's.
            for r in &own {
                for row in r["rows"].as_array().unwrap() {
                    assert!(
                        by_group["rows"].as_array().unwrap().iter().any(|x| x["group"] == row["group"]),
                        "{report} {p}: {} missing",
                        row["group"]
                    );
                }
            }
            assert_eq!(by_unit["rows"].as_array().unwrap().len(), 3, "one row per unit that sent");
        }
    }
    // CSV has the ward report's columns, `unit` first for --by unit; xlsx and table work.
    let csv = c.e.ok(&["city", "report", "summary", "-p", "2022", "-f", "csv"]);
    let first = csv.lines().next().unwrap();
    assert_eq!(first, format!("unit,{}", mh51::report::summary::COLUMNS[1..].join(",")));
    assert!(csv.lines().last().unwrap().starts_with("TOTAL,"), "{csv}");
    let csv = c.e.ok(&["city", "report", "quota", "-p", "2022", "--by", "org", "-f", "csv"]);
    assert_eq!(csv.lines().next().unwrap(), mh51::report::quota::COLUMNS.join(","));
    c.e.ok(&["city", "report", "contacts", "-p", "2022-Q1", "-f", "xlsx", "-o", "c.xlsx"]);
    assert!(std::fs::metadata(c.e.path("c.xlsx")).unwrap().len() > 1000);
    let table = c.e.ok(&["city", "report", "summary", "-p", "2022-Q1"]);
    assert!(table.contains("Phường A (P-A)") && table.contains("TOTAL"), "{table}");
    let vi = c.e.ok(&["--lang", "vi", "city", "report", "summary", "-p", "2022-Q1", "--by", "org"]);
    assert!(vi.contains("Tổng cộng") && vi.contains("Đoàn thể"), "{vi}");
    // Only the periods sent: quarters are not added into a year, nor a year cut into quarters.
    c.e.refused(
        &["city", "report", "summary", "-p", "2022-Q2"],
        &["no package for 2022-04-01 to 2022-06-30", "2022-01-01..2022-03-31"],
    );
    c.e.refused(&["city", "report", "summary", "-p", "2022-01-01..2022-06-30"], &["no package"]);
    // --by category is for the summary only.
    c.e.usage(&["city", "report", "quota", "-p", "2022", "--by", "category"]);
}

#[test]
fn status_lists_every_unit_received_or_missing() {
    let c = city();
    let s = json(&c.e.ok(&["city", "status", "-p", "2022-Q1", "-f", "json"]));
    assert!(s.as_array().unwrap().iter().all(|r| r["status"] == "missing"), "{s}");
    c.e.ok(&["city", "add", &c.package_arg("P-A", "2022-Q1"), &c.package_arg("P-C", "2022-Q1")]);
    let o = c.e.run(&["city", "status", "-p", "2022-Q1", "-f", "json"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("4 units: 2 received, 2 missing"), "{err}");
    let s = json(&String::from_utf8(o.stdout).unwrap());
    let by: std::collections::HashMap<&str, &Value> =
        s.as_array().unwrap().iter().map(|r| (r["unit"].as_str().unwrap(), r)).collect();
    assert_eq!(by.len(), 4);
    for code in ["P-A", "P-C"] {
        let r = by[code];
        assert_eq!(r["status"], "received");
        assert_eq!(r["revision"], 1);
        let p = json(&std::fs::read_to_string(c.package(code, "2022-Q1")).unwrap());
        assert_eq!(r["audit_head"], p["audit_head"]);
        assert_eq!(r["made_at"], p["made_at"]);
        assert!(r["received_at"].as_str().unwrap().starts_with("2023-06-30T"));
    }
    for code in ["P-B", "P-D"] {
        assert_eq!(by[code]["status"], "missing");
        assert_eq!(by[code]["revision"], Value::Null);
    }
    // Another period: nothing received.
    let s = json(&c.e.ok(&["city", "status", "-p", "2022", "-f", "json"]));
    assert!(s.as_array().unwrap().iter().all(|r| r["status"] == "missing"));
    let table = c.e.ok(&["--lang", "vi", "city", "status", "-p", "2022-Q1"]);
    assert!(table.contains("còn thiếu") && table.contains("đã nhận"), "{table}");
    let units = json(&c.e.ok(&["city", "unit", "list", "-f", "json"]));
    assert_eq!(units.as_array().unwrap().len(), 4);
    let a = &units[0];
    let fp = mh51::domain::signing::fingerprint(
        &mh51::domain::signing::parse_public(a["public_key"].as_str().unwrap()).unwrap(),
    );
    assert_eq!(a["fingerprint"], fp.as_str());
}

/// Edit a package's JSON and sign it again with the ward's own key, read from its register
/// (`signing_key.secret`, the 32-byte Ed25519 seed).
fn resign(ward: &Path, package: &Path, out: &Path, edit: impl FnOnce(&mut Value)) {
    let conn = rusqlite::Connection::open_with_flags(ward, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let seed: Vec<u8> = conn.query_row("SELECT secret FROM signing_key WHERE id = 1", [], |r| r.get(0)).unwrap();
    let key = ed25519_dalek::SigningKey::from_bytes(&<[u8; 32]>::try_from(seed.as_slice()).unwrap());
    let mut v = json(&std::fs::read_to_string(package).unwrap());
    edit(&mut v);
    let Value::Object(m) = v else { panic!("not an object") };
    let signed = mh51::report::package::sign(m, &key);
    std::fs::write(out, serde_json::to_vec_pretty(&Value::Object(signed)).unwrap()).unwrap();
}

fn audit(c: &City) -> Vec<(String, String)> {
    let conn = c.e.raw();
    let mut s = conn.prepare("SELECT action, detail FROM audit_log ORDER BY seq").unwrap();
    s.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().collect::<Result<_, _>>().unwrap()
}

#[test]
fn a_newer_revision_replaces_the_older_which_is_kept_and_an_older_one_is_refused() {
    let c = city();
    let a = c.ward_db("P-A").to_path_buf();
    let r1 = c.package_arg("P-A", "2022-Q1");
    c.e.ok(&["city", "add", &r1]);
    let r2 = c.e.path("P-A-2022-Q1-r2.json");
    resign(&a, Path::new(&r1), &r2, |v| {
        v["revision"] = serde_json::json!(2);
        let t = &mut v["figures"]["summary_by_org"]["total"]["contacts"];
        *t = serde_json::json!(t.as_i64().unwrap() + 7);
    });
    let before = json(&c.e.ok(&["city", "report", "summary", "-p", "2022-Q1", "-f", "json"]));
    let out = c.e.ok(&["city", "add", r2.to_str().unwrap()]);
    assert!(out.contains("revision 2, which replaces revision 1 (kept)"), "{out}");
    assert_eq!(c.count("packages"), 2, "both kept");
    let after = json(&c.e.ok(&["city", "report", "summary", "-p", "2022-Q1", "-f", "json"]));
    assert_eq!(after["total"]["contacts"].as_i64().unwrap(), before["total"]["contacts"].as_i64().unwrap() + 7);
    let s = json(&c.e.ok(&["city", "status", "-p", "2022-Q1", "-f", "json"]));
    assert_eq!(s[0]["revision"], 2);
    assert_eq!(s[0]["revisions"], 2);
    // The audit log names both, the second replacing the first.
    let log = audit(&c);
    let adds: Vec<Value> = log.iter().filter(|(a, _)| a == "package-add").map(|(_, d)| json(d)).collect();
    assert_eq!(adds.len(), 2);
    assert_eq!((adds[0]["revision"].as_i64(), adds[0]["replaces"].clone()), (Some(1), Value::Null));
    assert_eq!((adds[1]["revision"].as_i64(), adds[1]["replaces"].as_i64()), (Some(2), Some(1)));
    c.e.ok(&["city", "check"]);
    // The older revision again: refused, nothing changes.
    c.e.refused(
        &["city", "add", &r1],
        &[&format!("'{r1}'"), "revision 1 is older than revision 2", "nothing was added"],
    );
    // Revision 2 again, re-indented: the same package, already held.
    let compact = c.e.path("r2-compact.json");
    std::fs::write(&compact, serde_json::to_vec(&json(&std::fs::read_to_string(&r2).unwrap())).unwrap()).unwrap();
    let before = dump(&c.e.db);
    let out = c.e.ok(&["city", "add", compact.to_str().unwrap()]);
    assert!(out.contains("already held"), "{out}");
    assert_eq!(before, dump(&c.e.db), "already held changes nothing");
    // The same revision with other content: refused.
    let other = c.e.path("r2-other.json");
    resign(&a, &r2, &other, |v| v["figures"]["overdue"]["count"] = serde_json::json!(999));
    c.e.refused(&["city", "add", other.to_str().unwrap()], &["revision 2 is held already with different content"]);
    c.e.ok(&["city", "check"]);
}

/// SPEC §19 end to end, with the ward's own commands: a write into a sent period is refused
/// until the ward reopens it; then its next package is revision 2, which replaces revision 1
/// at the city (both kept), and revision 1 cannot come back.
#[test]
fn a_ward_corrects_a_sent_period_and_the_city_takes_only_the_new_revision() {
    let c = city();
    add_all(&c);
    let a = c.ward_db("P-A").to_path_buf();
    // A case of ward A under management all through 2022.
    let ward = Env { dir: tempfile::tempdir().unwrap(), db: a.clone(), today: c.e.today.clone() };
    let case = ward.scalar(
        "SELECT case_no FROM cases WHERE enrolled_on < '2022-01-01' AND (released_on IS NULL OR released_on > '2022-12-31')
         ORDER BY id LIMIT 1",
    );
    assert!(!case.is_empty());
    let case = case.as_str();
    let before_ward = json(&c.on(&a, &["report", "summary", "-p", "2022-Q1", "--by", "org", "-f", "json"]));
    let before_city = json(&c.e.ok(&["city", "report", "summary", "-p", "2022-Q1", "-f", "json"]));
    // The write into the sent period is refused and changes nothing in the ward's register.
    ward.refused(
        &["review", case, "--class", "A", "--date", "2022-02-14"],
        &["2022-Q1", "revision 1", "period reopen"],
    );
    // Reopened, written, sent again: revision 2, with one more contact.
    // The year 2022 was sent too, and holds the same day: both are reopened.
    c.on(&a, &["period", "reopen", "2022-Q1", "--reason", "bổ sung một lần tiếp xúc"]);
    ward.refused(&["review", case, "--class", "A", "--date", "2022-02-14"], &["lies in 2022 (", "revision 1"]);
    c.on(&a, &["period", "reopen", "2022", "--reason", "bổ sung một lần tiếp xúc"]);
    c.on(&a, &["review", case, "--class", "A", "--date", "2022-02-14"]);
    let r2 = c.e.path("P-A-2022-Q1-r2.json");
    let r2s = r2.to_str().unwrap();
    c.on(&a, &["report", "package", "-p", "2022-Q1", "-o", r2s, "--link-key", c.link.to_str().unwrap()]);
    let pkg = json(&std::fs::read_to_string(&r2).unwrap());
    assert_eq!(pkg["revision"], 2);
    let want = before_ward["total"]["contacts"].as_i64().unwrap() + 1;
    assert_eq!(pkg["figures"]["summary_by_org"]["total"]["contacts"].as_i64().unwrap(), want);
    // The city takes it in place of revision 1, keeping both.
    let out = c.e.ok(&["city", "add", r2s]);
    assert!(out.contains("revision 2, which replaces revision 1 (kept)"), "{out}");
    let after_city = json(&c.e.ok(&["city", "report", "summary", "-p", "2022-Q1", "-f", "json"]));
    assert_eq!(
        after_city["total"]["contacts"].as_i64().unwrap(),
        before_city["total"]["contacts"].as_i64().unwrap() + 1,
        "the city's total follows the ward's correction"
    );
    let s = json(&c.e.ok(&["city", "status", "-p", "2022-Q1", "-f", "json"]));
    let row = s.as_array().unwrap().iter().find(|r| r["unit"] == "P-A").unwrap().clone();
    assert_eq!((row["revision"].as_i64(), row["revisions"].as_i64()), (Some(2), Some(2)));
    // Revision 1 cannot come back.
    let r1 = c.package_arg("P-A", "2022-Q1");
    c.e.refused(&["city", "add", &r1], &["revision 1 is older than revision 2"]);
    // And the ward's period is locked again, at revision 2.
    ward.refused(&["review", case, "--class", "B", "--date", "2022-02-15"], &["2022-Q1", "revision 2"]);
    c.e.ok(&["city", "check"]);
}

#[test]
fn every_refusal_names_the_file_and_adds_nothing() {
    let c = city();
    c.e.ok(&["city", "add", &c.package_arg("P-C", "2022")]);
    let good = c.package_arg("P-A", "2022-Q1");
    // A figure changed by hand.
    let text = std::fs::read_to_string(&good).unwrap();
    let mut v = json(&text);
    let t = &mut v["figures"]["summary_by_ward"]["total"]["total_managed"];
    *t = serde_json::json!(t.as_i64().unwrap() + 1);
    let altered = c.e.path("altered.json");
    std::fs::write(&altered, serde_json::to_vec_pretty(&v).unwrap()).unwrap();
    let alt = altered.to_str().unwrap();
    c.e.refused(&["city", "add", alt], &["'", "altered.json", "signature does not match", "nothing was added"]);
    // With good files before and after it: none of them is added.
    let b = c.package_arg("P-B", "2022-Q1");
    let err = c.e.refused(&["city", "add", &good, alt, &b], &["altered.json"]);
    assert!(!err.contains("P-B-2022-Q1"), "the refusal names the bad file: {err}");
    assert_eq!(c.count("packages"), 1);
    // Not JSON.
    let junk = c.e.path("junk.json");
    std::fs::write(&junk, "this is not a package").unwrap();
    c.e.refused(&["city", "add", junk.to_str().unwrap()], &["junk.json", "not JSON"]);
    // A package of a unit code the city never registered.
    let stranger = c.e.path("stranger.db");
    let s = stranger.to_str().unwrap();
    c.e.ok(&["--db", s, "init"]);
    c.e.ok(&["--db", s, "settings", "unit_code", "P-X"]);
    let sp = c.e.path("stranger.json");
    c.e.ok(&["--db", s, "report", "package", "-p", "2022-Q1", "-o", sp.to_str().unwrap()]);
    c.e.refused(&["city", "add", sp.to_str().unwrap()], &["stranger.json", "unit 'P-X', which is not registered"]);
    // A known unit code, signed by a key the city does not know (a forged package).
    c.e.ok(&["--db", s, "settings", "unit_code", "P-B"]);
    let forged = c.e.path("forged.json");
    c.e.ok(&["--db", s, "report", "package", "-p", "2022-Q1", "-o", forged.to_str().unwrap()]);
    c.e.refused(&["city", "add", forged.to_str().unwrap()], &["forged.json", "a key the city has not registered"]);
    // Another registered ward's key under this unit's code.
    let d = c.silent.to_str().unwrap();
    c.e.ok(&["--db", d, "settings", "unit_code", "P-B"]);
    let borrowed = c.e.path("borrowed.json");
    c.on(&c.silent, &["report", "package", "-p", "2022-Q1", "-o", borrowed.to_str().unwrap()]);
    c.e.refused(&["city", "add", borrowed.to_str().unwrap()], &["borrowed.json", "key registered to unit P-D"]);
    // A file that is not there, and a folder.
    c.e.refused(&["city", "add", "nowhere.json"], &["nowhere.json"]);
    c.e.refused(&["city", "add", c.e.dir.path().to_str().unwrap()], &["not a file"]);
    // Units: bad hex, a code taken, a key taken.
    let key_a = c.key(c.ward_db("P-A"));
    c.e.refused(&["city", "unit", "add", "P-Z", "Z", "--key", "abc"], &["invalid public key"]);
    c.e.refused(&["city", "unit", "add", "P-A", "Again", "--key", &"0".repeat(64)], &["P-A is already registered"]);
    c.e.refused(&["city", "unit", "add", "P-Z", "Z", "--key", &key_a], &["already registered to unit P-A"]);
    c.e.refused(&["city", "unit", "add", "bad code", "Z", "--key", &key_a], &["invalid unit code"]);
    // `--key @FILE` reads the key from a file.
    let kf = c.e.path("stranger.pub");
    std::fs::write(&kf, format!("{}\n", c.on(&stranger, &["key", "show"]))).unwrap();
    c.e.ok(&["city", "unit", "add", "P-X", "Phường X", "--key", &format!("@{}", kf.display())]);
    c.e.ok(&["city", "add", sp.to_str().unwrap()]);
    assert_eq!(c.count("packages"), 2);
    c.e.ok(&["city", "check"]);
}

#[test]
fn a_person_in_two_wards_is_found_by_their_token_without_a_name() {
    let c = city();
    add_all(&c);
    let case_in = |code: &str| {
        let conn = rusqlite::Connection::open(c.ward_db(code)).unwrap();
        conn.query_row(
            "SELECT c.case_no FROM cases c JOIN persons p ON p.id = c.person_id WHERE p.id_number = ?1",
            [TWICE_ID],
            |r| r.get::<_, String>(0),
        )
        .unwrap()
    };
    let (ca, cb) = (case_in("P-A"), case_in("P-B"));
    let o = c.e.run(&["city", "duplicates", "-p", "2022-Q1", "-f", "json"]);
    assert!(o.status.success());
    let text = String::from_utf8(o.stdout).unwrap();
    let err = String::from_utf8_lossy(&o.stderr).to_string();
    let d = json(&text);
    let pair = d
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["match"] == "id" && r["unit_a"] == "P-A" && r["case_a"] == ca.as_str())
        .unwrap_or_else(|| panic!("the pair: {text}"));
    assert_eq!((pair["unit_b"].as_str(), pair["case_b"].as_str()), (Some("P-B"), Some(cb.as_str())));
    // The weak match of the same two cases is not listed again.
    assert!(!d
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["match"] == "name_year" && r["case_a"] == ca.as_str() && r["case_b"] == cb.as_str()));
    assert!(err.contains("strong match"), "{err}");
    // No name, no identity number: not the person's, not anyone's in the wards.
    let conn = rusqlite::Connection::open(c.ward_db("P-A")).unwrap();
    let names: Vec<String> = conn
        .prepare("SELECT name FROM persons")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    for shown in [&text, &err, &c.e.ok(&["city", "duplicates", "-p", "2022-Q1"])] {
        assert!(!shown.contains(TWICE) && !shown.contains(TWICE_ID), "{shown}");
        for n in &names {
            assert!(!shown.contains(n.as_str()), "{n} in {shown}");
        }
    }
    // A ward that used another linking key: said, and compared only among its own kind.
    let other = c.e.path("other.key");
    std::fs::write(&other, format!("{}\n", "ab".repeat(32))).unwrap();
    std::fs::set_permissions(&other, std::fs::Permissions::from_mode(0o600)).unwrap();
    let p = c.e.path("P-C-2022-Q1-b.json");
    // The period was sent: another package of it, under another key, is its next revision,
    // once the ward has reopened it (SPEC §19).
    c.on(c.ward_db("P-C"), &["period", "reopen", "2022-Q1", "--reason", "khóa liên kết mới"]);
    c.on(
        c.ward_db("P-C"),
        &["report", "package", "-p", "2022-Q1", "-o", p.to_str().unwrap(), "--link-key", other.to_str().unwrap()],
    );
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
    assert_eq!(v["revision"], 2);
    c.e.ok(&["city", "add", p.to_str().unwrap()]);
    let o = c.e.run(&["city", "duplicates", "-p", "2022-Q1"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("cannot be compared") && err.contains("P-C"), "{err}");
}

#[test]
fn a_ward_register_and_a_city_register_refuse_each_others_commands() {
    let c = city();
    add_all(&c);
    let city_db = c.e.db.to_str().unwrap().to_string();
    for args in [
        vec!["list"],
        vec!["check"],
        vec!["report", "summary", "-p", "2022"],
        vec!["key", "show"],
        vec!["migrate"],
        vec!["enroll", "X", "--ward", "1", "--category", "prison"],
        vec!["backup", "copy.db"],
    ] {
        let err = c.e.refused(&args, &[&format!("'{city_db}' is a city register"), "mh51 city"]);
        assert!(!err.contains("schema version"), "{err}");
    }
    assert!(!c.e.path("copy.db").exists());
    let ward = c.ward_db("P-A").to_str().unwrap().to_string();
    let before = dump(c.ward_db("P-A"));
    for args in [
        vec!["city", "status", "-p", "2022"],
        vec!["city", "add", &c.package_arg("P-A", "2022")],
        vec!["city", "unit", "add", "Q", "Q", "--key", &"0".repeat(64)],
        vec!["city", "check"],
        vec!["city", "report", "summary", "-p", "2022"],
    ] {
        let mut a = vec!["--db", ward.as_str()];
        a.extend(args.iter().copied());
        let err = c.e.fail(&a);
        assert!(err.contains(&format!("'{ward}' is a ward's register, not a city register")), "{err}");
    }
    assert_eq!(before, dump(c.ward_db("P-A")), "the ward's register is untouched");
    // `city init` never over an existing file, a ward's or a city's.
    c.e.refused(&["city", "init", "--name", "Again"], &["already exists"]);
    let e = &c.e;
    let o = e.run(&["--db", &ward, "city", "init", "--name", "X"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(before, dump(c.ward_db("P-A")));
    // Mode 0600, its own kind in its header.
    assert_eq!(std::fs::metadata(&c.e.db).unwrap().permissions().mode() & 0o777, 0o600);
    assert_eq!(c.e.scalar("PRAGMA application_id"), mh51::upward::APPLICATION_ID.to_string());
    // A file that is no register at all.
    std::fs::write(c.e.path("plain.txt"), "hello").unwrap();
    let err = c.e.fail(&["--db", c.e.path("plain.txt").to_str().unwrap(), "city", "status", "-p", "2022"]);
    assert!(err.contains("not an mh51 database"), "{err}");
}

#[test]
fn check_proves_every_row_and_every_signature() {
    let c = city();
    add_all(&c);
    let ok = c.e.run(&["city", "check"]);
    assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stderr));
    assert!(String::from_utf8_lossy(&ok.stderr).contains("6 packages, each verified"));
    // A figure changed inside the stored document (triggers dropped, as an attacker would).
    let conn = c.e.raw();
    conn.execute_batch(
        "DROP TRIGGER packages_no_update;
         UPDATE packages SET document = replace(document, '\"total_managed\": ', '\"total_managed\": 1') WHERE id = 1;",
    )
    .unwrap();
    drop(conn);
    let err = c.e.fail(&["city", "check"]);
    assert!(err.contains("no longer verifies against its unit's key"), "{err}");
    // A unit's key swapped, a package deleted.
    let conn = c.e.raw();
    conn.execute_batch(
        "DROP TRIGGER units_no_update; DROP TRIGGER packages_no_delete; DROP TRIGGER tokens_no_delete;
         UPDATE units SET name = 'Changed' WHERE code = 'P-B';
         DELETE FROM tokens WHERE package_id = 6; DELETE FROM packages WHERE id = 6;",
    )
    .unwrap();
    drop(conn);
    let err = c.e.fail(&["city", "check"]);
    assert!(err.contains("unit P-B is not what the audit log recorded"), "{err}");
    assert!(err.contains("package id 6 is in the audit log but not in the register"), "{err}");
    // An audit row edited.
    let conn = c.e.raw();
    conn.execute_batch("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'someone' WHERE seq = 2;")
        .unwrap();
    drop(conn);
    let err = c.e.fail(&["city", "check"]);
    assert!(err.contains("audit log is broken at row 2"), "{err}");
}

#[test]
fn the_city_brief_shows_the_units_and_their_figures() {
    let c = city();
    add_all(&c);
    let out = c.e.ok(&["city", "brief", "-p", "2022", "-o", "city.html"]);
    assert_eq!(out, "city.html");
    let html = std::fs::read_to_string(c.e.path("city.html")).unwrap();
    assert_eq!(std::fs::metadata(c.e.path("city.html")).unwrap().permissions().mode() & 0o777, 0o600);
    for (_, name, _) in WARDS {
        assert!(html.contains(name), "{name}");
    }
    assert!(html.contains("<svg") && html.contains("id=\"missing\"") && html.contains("Phường D"));
    let start = html.find("id=\"mh51-figures\">").unwrap() + "id=\"mh51-figures\">".len();
    let end = start + html[start..].find("</script>").unwrap();
    let figures = json(&html[start..end].replace("<\\/", "</"));
    let summary = json(&c.e.ok(&["city", "report", "summary", "-p", "2022", "-f", "json"]));
    assert_eq!(figures["summary"]["total"], summary["total"]);
    assert!(!html.contains(TWICE));
    c.e.refused(&["city", "brief", "-p", "2022", "-o", "city.html"], &["already exists"]);
    c.e.refused(&["city", "brief", "-p", "2022-Q2", "-o", "q2.html"], &["no package"]);
    assert!(!c.e.path("q2.html").exists());
}
