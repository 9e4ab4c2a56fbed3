//! Tests: export (SPEC §7 columns, CSV and JSON, --redact, --bom), the guarded `query`, and
//! the ad-hoc questions shown in the README, each with its expected answer worked out by hand.

use crate::util::{csv_rows, Env};

/// The README's reports database (the same commands as the README's reports section).
///
/// Members: 1 Trần Thị Lan PN ward 5; 2 Lê Văn Hùng CCB ward 5; 3 Đỗ Thị Mai TN ward 10 (joined 2022-07-01).
/// Cases:
///   2021-0001 Nguyễn Văn An   ward 5  prison, 2021-03-01, member 1; released progressed 2023-04-10
///   2022-0001 Phạm Văn Bình   ward 5  drugs,  2022-02-10, member 2; loan 5 000 000 on 2023-03-01,
///             review B 2023-04-20
///   2022-0002 Võ Văn Cường    ward 10 youth,  2022-11-20, member 3
///   2023-0001 Hoàng Văn Khoa  ward 5  record, 2023-01-15, member 2
///   2023-0002 Bùi Thị Dung    ward 10 drugs,  2023-02-01, nobody assigned
///   2023-0003 Nguyễn Văn An again (same person), ward 5 record, 2023-06-01, member 1
pub fn readme_db() -> Env {
    let env = Env::empty();
    let cmds: &[&[&str]] = &[
        &["init", "--district", "Quận 6"],
        &["member", "add", "Trần Thị Lan", "--org", "PN", "--ward", "5", "--joined", "2020-01-01"],
        &["member", "add", "Lê Văn Hùng", "--org", "CCB", "--ward", "5", "--joined", "2020-01-01"],
        &["member", "add", "Đỗ Thị Mai", "--org", "TN", "--ward", "10", "--joined", "2022-07-01"],
        &["enroll", "Nguyễn Văn An", "--ward", "5", "--category", "prison", "--date", "2021-03-01", "--member", "1"],
        &["enroll", "Phạm Văn Bình", "--ward", "5", "--category", "drugs", "--date", "2022-02-10", "--member", "2"],
        &["enroll", "Võ Văn Cường", "--ward", "10", "--category", "youth", "--date", "2022-11-20", "--member", "3"],
        &["enroll", "Hoàng Văn Khoa", "--ward", "5", "--category", "record", "--date", "2023-01-15", "--member", "2"],
        &["enroll", "Bùi Thị Dung", "--ward", "10", "--category", "drugs", "--date", "2023-02-01"],
        &["support", "2022-0001", "--kind", "loan", "--amount", "5000000", "--date", "2023-03-01"],
        &["review", "2022-0001", "--class", "B", "--date", "2023-04-20"],
        &["release", "2021-0001", "--reason", "progressed", "--date", "2023-04-10"],
        &[
            "enroll",
            "Nguyễn Văn An",
            "--ward",
            "5",
            "--category",
            "record",
            "--person",
            "2021-0001",
            "--date",
            "2023-06-01",
            "--member",
            "1",
        ],
    ];
    for c in cmds {
        env.ok(c);
    }
    env
}

fn query(env: &Env, sql: &str) -> Vec<String> {
    csv_rows(&env.ok(&["query", sql, "-f", "csv"])).iter().map(|r| r.join("|")).collect()
}

// The README's ad-hoc questions, verbatim.
pub const Q_OVERDUE_WARD5: &str = "SELECT case_no, name, member_name, last_contact FROM v_cases WHERE ward = '5' AND released_on IS NULL AND last_contact < '2023-05-31' ORDER BY last_contact";
pub const Q_NO_PROGRESS: &str = "SELECT id, name, org, ward FROM v_members WHERE left_on IS NULL AND id NOT IN (SELECT credited_member_id FROM v_cases WHERE reason = 'progressed' AND released_on >= '2023-01-01') ORDER BY id";
pub const Q_LOAD: &str =
    "SELECT id, name, org, ward, open_cases FROM v_members WHERE left_on IS NULL ORDER BY open_cases DESC, id";
pub const Q_UNASSIGNED: &str =
    "SELECT case_no, name, ward, enrolled_on FROM v_cases WHERE released_on IS NULL AND member_id IS NULL";
pub const Q_REPEAT: &str = "SELECT person_id, name, count(*) AS cases, min(enrolled_on) AS first_enrolled FROM v_cases GROUP BY person_id HAVING count(*) > 1";

#[test]
fn readme_questions_have_the_expected_answers() {
    let env = readme_db();
    // Ward 5 open cases: 2022-0001 (last contact its review 2023-04-20), 2023-0001 (never
    // reviewed: enrolled 2023-01-15), 2023-0003 (enrolled 2023-06-01, after the cut-off).
    assert_eq!(
        query(&env, Q_OVERDUE_WARD5),
        [
            "case_no|name|member_name|last_contact",
            "2023-0001|Hoàng Văn Khoa|Lê Văn Hùng|2023-01-15",
            "2022-0001|Phạm Văn Bình|Lê Văn Hùng|2023-04-20",
        ]
    );
    // Member 1 was credited with 2021-0001 on 2023-04-10; members 2 and 3 have nobody yet.
    assert_eq!(query(&env, Q_NO_PROGRESS), ["id|name|org|ward", "2|Lê Văn Hùng|CCB|5", "3|Đỗ Thị Mai|TN|10"]);
    // Member 2: 2022-0001 and 2023-0001; member 1: 2023-0003; member 3: 2022-0002.
    assert_eq!(
        query(&env, Q_LOAD),
        ["id|name|org|ward|open_cases", "2|Lê Văn Hùng|CCB|5|2", "1|Trần Thị Lan|PN|5|1", "3|Đỗ Thị Mai|TN|10|1"]
    );
    assert_eq!(query(&env, Q_UNASSIGNED), ["case_no|name|ward|enrolled_on", "2023-0002|Bùi Thị Dung|10|2023-02-01"]);
    assert_eq!(query(&env, Q_REPEAT), ["person_id|name|cases|first_enrolled", "1|Nguyễn Văn An|2|2021-03-01"]);
}

#[test]
fn readme_reports_figures() {
    let env = readme_db();
    // 2023-Q2: opening = open on 2023-04-01: 2021-0001, 2022-0001, 2022-0002, 2023-0001,
    // 2023-0002 → 5; intake 2023-0003 → 1; progressed 2021-0001 → 1; closing 5; contacts:
    // the review of 2023-04-20 → 1; the loan was in Q1.
    let rows = csv_rows(&env.ok(&["report", "summary", "-p", "2023-Q2", "-f", "csv"]));
    assert_eq!(rows.last().unwrap().join(","), "TOTAL,5,1,6,1,0,0,0,0,0,1,5,1,0,0");
    // Ward 5 holds all but the two ward-10 cases: opening 3, intake 1, progressed 1, closing 3.
    assert_eq!(rows[5].join(","), "5,3,1,4,1,0,0,0,0,0,1,3,1,0,0");
}

#[test]
fn export_columns_are_exactly_spec_7() {
    let env = readme_db();
    let expect = [
        ("cases", "case_no,person_id,name,birth_year,birth_date,gender,id_number,address,ward,category,enrolled_on,released_on,reason,credited_member_id,member_id,note"),
        ("members", "id,name,org,ward,phone,joined_on,left_on"),
        ("assignments", "case_no,member_id,start_on,end_on"),
        ("reviews", "id,case_no,reviewed_on,class,member_id,note"),
        ("supports", "id,case_no,given_on,kind,amount,member_id,note"),
        ("audit", "seq,at,actor,action,entity,entity_key,detail,prev_hash,hash"),
    ];
    for (what, header) in expect {
        let out = env.ok(&["export", what, "-f", "csv"]);
        assert_eq!(out.lines().next().unwrap(), header, "{what}");
        let json: serde_json::Value = serde_json::from_str(&env.ok(&["export", what, "-f", "json"])).unwrap();
        let first = json[0].as_object().unwrap();
        let mut keys: Vec<&str> = first.keys().map(String::as_str).collect();
        let mut want: Vec<&str> = header.split(',').collect();
        keys.sort();
        want.sort();
        assert_eq!(keys, want, "{what}");
    }
    // 6 cases, 3 members, 5 assignments (every --member), 1 review, 1 support.
    assert_eq!(csv_rows(&env.ok(&["export", "cases", "-f", "csv"])).len(), 7);
    assert_eq!(csv_rows(&env.ok(&["export", "assignments", "-f", "csv"])).len(), 6);
    let cases = csv_rows(&env.ok(&["export", "cases", "-f", "csv"]));
    // The closed case keeps its last member (1) and its credit (1).
    assert_eq!(cases[1].join(","), "2021-0001,1,Nguyễn Văn An,,,,,,5,prison,2021-03-01,2023-04-10,progressed,1,1,");
    assert_eq!(cases[5].join(","), "2023-0002,5,Bùi Thị Dung,,,,,,10,drugs,2023-02-01,,,,,");
    let a = csv_rows(&env.ok(&["export", "assignments", "-f", "csv"]));
    // The release ended member 1's assignment on its release date.
    assert_eq!(a[1].join(","), "2021-0001,1,2021-03-01,2023-04-10");
    let s = csv_rows(&env.ok(&["export", "supports", "-f", "csv"]));
    assert_eq!(s[1].join(","), "1,2022-0001,2023-03-01,loan,5000000,2,");
    let r = csv_rows(&env.ok(&["export", "reviews", "-f", "csv"]));
    assert_eq!(r[1].join(","), "1,2022-0001,2023-04-20,B,2,");
}

#[test]
fn redact_and_bom() {
    let env = Env::new();
    let m = env.ok(&[
        "member",
        "add",
        "Trần Thị Lan",
        "--org",
        "PN",
        "--ward",
        "5",
        "--phone",
        "0909123456",
        "--joined",
        "2020-01-01",
    ]);
    let c = env.enroll(
        "Nguyễn Văn An",
        "5",
        "2022-01-10",
        &[
            "--born",
            "1990-04-02",
            "--id-number",
            "079090001234",
            "--address",
            "12 Hậu Giang",
            "--gender",
            "male",
            "--member",
            &m,
            "--note",
            "=HYPERLINK(\"x\")",
        ],
    );
    let plain = csv_rows(&env.ok(&["export", "cases", "-f", "csv"]));
    assert_eq!(
        plain[1].join("|"),
        format!("{c}|1|Nguyễn Văn An|1990|1990-04-02|male|079090001234|12 Hậu Giang|5|prison|2022-01-10||||{m}|=HYPERLINK(\"x\")")
    );
    // Redacted: initials, year kept, date, identity number and address emptied.
    let red = csv_rows(&env.ok(&["export", "cases", "--redact", "-f", "csv"]));
    assert_eq!(red[1].join("|"), format!("{c}|1|N.V.A.|1990||male|||5|prison|2022-01-10||||{m}|=HYPERLINK(\"x\")"));
    let j: serde_json::Value = serde_json::from_str(&env.ok(&["export", "members", "--redact", "-f", "json"])).unwrap();
    assert_eq!(j[0]["name"], "T.T.L.");
    assert_eq!(j[0]["phone"], serde_json::Value::Null);
    // --bom: a BOM first, and the formula-like note is quoted for spreadsheets.
    let o = env.run(&["export", "cases", "-f", "csv", "--bom"]);
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(text.starts_with('\u{feff}'));
    let rows = csv_rows(text.trim_start_matches('\u{feff}'));
    assert_eq!(rows[1][15], "'=HYPERLINK(\"x\")");
    // To a file: created 0600, never overwritten.
    use std::os::unix::fs::PermissionsExt;
    let path = env.path("cases.csv");
    env.ok(&["export", "cases", "-f", "csv", "-o", path.to_str().unwrap()]);
    assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
    env.refused(&["export", "cases", "-f", "csv", "-o", path.to_str().unwrap()], &["already exists"]);
    env.refused(&["export", "cases", "-f", "xlsx", "-o", "x.xlsx"], &["xlsx"]);
}

#[test]
fn query_refuses_anything_but_one_read() {
    let env = readme_db();
    env.refused(&["query", "DELETE FROM cases"], &["'DELETE' is not allowed"]);
    env.refused(&["query", "UPDATE members SET name = 'x'"], &["'UPDATE'"]);
    env.refused(&["query", "SELECT 1; DELETE FROM cases"], &["exactly one statement"]);
    env.refused(&["query", "SELECT 1; SELECT 2"], &["exactly one statement"]);
    env.refused(&["query", "WITH x AS (SELECT 1) DELETE FROM cases"], &["read-only"]);
    env.refused(&["query", "ATTACH 'other.db' AS o"], &["'ATTACH'"]);
    env.refused(&["query", "PRAGMA query_only = 0"], &["'PRAGMA'"]);
    env.refused(&["query", "PRAGMA journal_mode = DELETE"], &["'PRAGMA'"]);
    env.refused(&["query", "VACUUM"], &["'VACUUM'"]);
    env.refused(&["query", "BEGIN"], &["'BEGIN'"]);
    env.refused(&["query", "  "], &["SELECT"]);
    env.refused(&["query", "SELECT * FROM nosuchtable"], &["nosuchtable"]);
    env.refused(&["query", "SELECT 1", "-f", "xlsx", "-o", "q.xlsx"], &["xlsx"]);
    assert!(!env.path("other.db").exists());
    // Reads work, in every format, with comments and a trailing semicolon.
    assert_eq!(query(&env, "/* how many */ SELECT count(*) AS n FROM v_cases; -- all\n"), ["n", "6"]);
    let j: serde_json::Value =
        serde_json::from_str(&env.ok(&["query", "SELECT 1.25 AS x, 'a' AS y", "-f", "json"])).unwrap();
    assert_eq!(j, serde_json::json!([{"x": 1.25, "y": "a"}]));
    let t = env.ok(&["query", "SELECT name FROM pragma_table_info('v_members') ORDER BY cid"]);
    assert!(t.contains("open_cases"));
}

/// Run examples/monthly-export.sh in the env's directory with `mh51` from this build.
fn script(env: &Env, args: &[&str]) -> std::process::Output {
    std::process::Command::new("bash")
        .arg(format!("{}/examples/monthly-export.sh", env!("CARGO_MANIFEST_DIR")))
        .args(args)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("MH51_BIN", crate::util::bin())
        .env("MH51_DB", &env.db)
        .env("MH51_TODAY", &env.today)
        .env("MH51_ACTOR", "cron")
        .current_dir(env.dir.path())
        .output()
        .unwrap()
}

#[test]
fn monthly_export_script_writes_last_months_csvs() {
    use std::os::unix::fs::PermissionsExt;
    let env = readme_db();
    let before = crate::util::dump(&env.db);
    // Today is 2023-06-30, so the month just ended is 2023-05.
    let o = script(&env, &[]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(String::from_utf8_lossy(&o.stdout).trim(), "exports/2023-05");
    let dir = env.path("exports/2023-05");
    let mut names: Vec<String> =
        std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    assert_eq!(
        names,
        [
            "mh51-2023-05-assignments.csv",
            "mh51-2023-05-cases-redacted.csv",
            "mh51-2023-05-overdue.csv",
            "mh51-2023-05-quota-ytd.csv",
            "mh51-2023-05-reviews.csv",
            "mh51-2023-05-summary-by-org.csv",
            "mh51-2023-05-summary-by-ward.csv",
            "mh51-2023-05-supports.csv",
        ]
    );
    for n in &names {
        assert_eq!(std::fs::metadata(dir.join(n)).unwrap().permissions().mode() & 0o777, 0o600, "{n}");
    }
    let read = |n: &str| csv_rows(&std::fs::read_to_string(dir.join(n)).unwrap());
    // May 2023: open on 1 May are 2022-0001, 2022-0002, 2023-0001, 2023-0002 (2021-0001 left
    // in April); nothing enrolled, released, reviewed or given in May.
    let s = read("mh51-2023-05-summary-by-ward.csv");
    assert_eq!(s.last().unwrap().join(","), "TOTAL,4,0,4,0,0,0,0,0,0,0,4,0,0,0");
    // Quota 2023-01-01..2023-05-31: member 1 credited once (2021-0001, 10 April).
    let q = read("mh51-2023-05-quota-ytd.csv");
    assert_eq!(q[1].join(","), "1,Trần Thị Lan,PN,5,1,2,1,0,1,50.0");
    assert_eq!(q.last().unwrap().join(","), "TOTAL,,,,3,6,1,0,5,16.7");
    // Overdue on 2023-05-31, oldest contact first: 2022-0002 (enrolled 2022-11-20, 192 days),
    // 2023-0001 (2023-01-15, 136), 2023-0002 (2023-02-01, 119, unassigned), 2022-0001
    // (review 2023-04-20, 41).
    let od: Vec<String> =
        read("mh51-2023-05-overdue.csv").iter().skip(1).map(|r| format!("{}:{}", r[0], r[7])).collect();
    assert_eq!(od, ["2022-0002:192", "2023-0001:136", "2023-0002:119", "2022-0001:41"]);
    assert_eq!(read("mh51-2023-05-cases-redacted.csv")[1][2], "N.V.A.");
    assert_eq!(read("mh51-2023-05-reviews.csv").len(), 2);
    // A re-run leaves the month alone; another month by argument; a bad month is refused.
    assert!(script(&env, &[]).status.success());
    let o = script(&env, &["-o", "out", "-b", "2023-02"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let feb = std::fs::read_to_string(env.path("out/2023-02/mh51-2023-02-summary-by-ward.csv")).unwrap();
    assert!(feb.starts_with('\u{feff}'));
    let o = script(&env, &["2023-13"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("2023-13"));
    // January: the month before is December of the year before.
    let mut jan = Env::empty();
    jan.today = "2023-01-01".into();
    let o = std::process::Command::new("bash")
        .arg(format!("{}/examples/monthly-export.sh", env!("CARGO_MANIFEST_DIR")))
        .args(["-d", env.db.to_str().unwrap()])
        .env("MH51_BIN", crate::util::bin())
        .env("MH51_TODAY", &jan.today)
        .current_dir(jan.dir.path())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(String::from_utf8_lossy(&o.stdout).trim(), "exports/2022-12");
    // Only reads: the register is untouched.
    assert_eq!(before, crate::util::dump(&env.db));
}

#[test]
fn readme_shows_the_tested_questions_verbatim() {
    let readme = std::fs::read_to_string(format!("{}/docs/reports.md", env!("CARGO_MANIFEST_DIR"))).unwrap();
    for q in [Q_OVERDUE_WARD5, Q_NO_PROGRESS, Q_LOAD, Q_UNASSIGNED, Q_REPEAT] {
        assert!(readme.contains(&format!("$ mh51 query \"{q}\"")), "README should show: {q}");
    }
}

/// SPEC §7: with `--bom`, a text cell beginning with `=`, `+`, `-` or `@` gets a `'` in front,
/// in every export (and never without `--bom`, where scripts want the value as stored).
#[test]
fn the_formula_guard_covers_every_starting_character_and_every_export() {
    let env = Env::new();
    // A member whose phone starts with + (an international number is a valid phone).
    let m = env.ok(&[
        "member",
        "add",
        "Trần Thị Lan",
        "--org",
        "PN",
        "--ward",
        "5",
        "--phone",
        "+84909123456",
        "--joined",
        "2020-01-01",
    ]);
    let c =
        env.enroll("Nguyễn Văn An", "5", "2022-01-10", &["--member", &m, "--note", "=1+2", "--address=-5 Hậu Giang"]);
    env.ok(&["review", &c, "--class", "B", "--date", "2022-02-01", "--note", "@chủ tịch"]);
    env.ok(&["support", &c, "--kind", "loan", "--amount", "1000000", "--date", "2022-03-01", "--note", "+vốn"]);
    let o = env
        .command(&["member", "edit", &m, "--phone", "0909123456"])
        .env("MH51_ACTOR", "=cmd|' /C calc'!A0")
        .output()
        .unwrap();
    assert!(o.status.success());
    let export = |what: &str, bom: bool| -> Vec<Vec<String>> {
        let mut args = vec!["export", what, "-f", "csv"];
        if bom {
            args.push("--bom");
        }
        let text = String::from_utf8(env.run(&args).stdout).unwrap();
        assert_eq!(text.starts_with('\u{feff}'), bom);
        csv_rows(text.trim_start_matches('\u{feff}'))
    };
    let col = |rows: &[Vec<String>], name: &str| rows[0].iter().position(|h| h == name).unwrap();
    // (export, column, row, the stored value); audit rows: init, add, enroll, review, support, edit
    let cells: &[(&str, &str, usize, &str)] = &[
        ("cases", "note", 1, "=1+2"),
        ("cases", "address", 1, "-5 Hậu Giang"),
        ("reviews", "note", 1, "@chủ tịch"),
        ("supports", "note", 1, "+vốn"),
        ("audit", "actor", 6, "=cmd|' /C calc'!A0"),
    ];
    for (what, column, row, stored) in cells {
        let plain = export(what, false);
        assert_eq!(plain[*row][col(&plain, column)], *stored, "{what}.{column} without --bom");
        let guarded = export(what, true);
        assert_eq!(guarded[*row][col(&guarded, column)], format!("'{stored}"), "{what}.{column} with --bom");
    }
    // Numbers are never text cells: the amount stays a number.
    let s = export("supports", true);
    assert_eq!(s[1][col(&s, "amount")], "1000000");
    // The member's old phone started with +: guarded in the members export before the edit.
    let env2 = Env::new();
    env2.ok(&[
        "member",
        "add",
        "Lê Văn Hùng",
        "--org",
        "CCB",
        "--ward",
        "5",
        "--phone",
        "+84909000111",
        "--joined",
        "2020-01-01",
    ]);
    let text = String::from_utf8(env2.run(&["export", "members", "-f", "csv", "--bom"]).stdout).unwrap();
    let rows = csv_rows(text.trim_start_matches('\u{feff}'));
    assert_eq!(rows[1][col(&rows, "phone")], "'+84909000111");
}
