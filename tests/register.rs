//! The clerk's daily commands (issue 2): what they store, what they print, what they audit.

use std::os::unix::fs::PermissionsExt;

use crate::util::{csv_rows, Env};

#[test]
fn init_creates_a_private_database_with_the_seeds_and_pragmas() {
    let e = Env::new();
    let mode = std::fs::metadata(&e.db).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    assert_eq!(e.scalar("SELECT count(*) FROM wards"), "14");
    assert_eq!(
        e.scalar("SELECT group_concat(code, ',') FROM (SELECT code FROM orgs ORDER BY id)"),
        "MTTQ,CA,PN,TN,CCB,NCT"
    );
    assert_eq!(e.scalar("SELECT count(*) FROM categories"), "11");
    assert_eq!(e.scalar("SELECT value FROM settings WHERE key = 'quota'"), "2");
    assert_eq!(e.scalar("SELECT value FROM settings WHERE key = 'district'"), "Quận 6");
    assert_eq!(e.scalar("PRAGMA journal_mode"), "wal");
    assert_eq!(e.scalar("SELECT name FROM wards WHERE code = '14'"), "Phường 14");
    // init is itself audited.
    assert_eq!(e.scalar("SELECT action FROM audit_log WHERE seq = 1"), "init");

    let e2 = Env::empty();
    e2.ok(&["init", "--wards", "3", "--quota", "4"]);
    assert_eq!(e2.scalar("SELECT count(*) FROM wards"), "3");
    assert_eq!(e2.scalar("SELECT value FROM settings WHERE key = 'quota'"), "4");
}

#[test]
fn ward_org_category_lists_and_adds() {
    let e = Env::new();
    // Natural order: 2 before 10.
    let csv = e.ok(&["ward", "list", "-f", "csv"]);
    let rows = csv_rows(&csv);
    assert_eq!(rows[0], vec!["code", "name"]);
    let codes: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(codes[..3], ["1", "2", "3"]);
    assert_eq!(codes[13], "14");
    assert_eq!(e.ok(&["ward", "add", "TĐ", "Phường Tân Định"]), "TĐ");
    assert_eq!(e.ok(&["org", "add", "HND", "Hội Nông dân"]), "HND");
    assert_eq!(e.ok(&["category", "add", "traffic", "Vi phạm giao thông"]), "traffic");
    // Found by name without accents.
    e.member("Đỗ Thị Lan", "hoi nong dan", "phuong tan dinh");
    assert_eq!(e.scalar("SELECT w.code || '/' || o.code FROM members m JOIN wards w ON w.id = m.ward_id JOIN orgs o ON o.id = m.org_id"), "TĐ/HND");
    e.refused(&["ward", "add", "td", "Another"], &["already exists"]);
    e.refused(&["org", "add", "X", "hội nông dân"], &["already exists"]);
    let json = e.ok(&["org", "list", "-f", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 7);
    assert_eq!(v[6]["code"], "HND");
}

#[test]
fn ward_lookup_by_code_name_and_shorthand() {
    let e = Env::new();
    for w in ["5", "Phường 5", "phuong 5", "PHƯỜNG 5", "p5", "05"] {
        let id = e.ok(&["member", "add", "Hồ Văn Tâm", "--org", "TN", "--ward", w, "--allow-duplicate"]);
        assert_eq!(
            e.scalar(&format!("SELECT w.code FROM members m JOIN wards w ON w.id = m.ward_id WHERE m.id = {id}")),
            "5",
            "{w}"
        );
    }
}

#[test]
fn names_are_cleaned_nfc_and_sql_is_literal() {
    let e = Env::new();
    // Decomposed input (e + combining circumflex + combining tilde), extra spaces.
    let decomposed = "  Nguye\u{0302}\u{0303}n   Va\u{0306}n   A ";
    let c = e.enroll(decomposed, "1", "2022-01-10", &[]);
    assert_eq!(e.scalar("SELECT name FROM persons"), "Nguyễn Văn A");
    assert_eq!(e.scalar("SELECT length(name) FROM persons"), "12");
    let sql = "Robert'); DROP TABLE cases;--";
    let c2 = e.enroll(sql, "1", "2022-01-11", &[]);
    assert_eq!(
        e.scalar(&format!("SELECT p.name FROM persons p JOIN cases c ON c.person_id = p.id WHERE c.case_no = '{c2}'")),
        sql
    );
    assert_eq!(e.scalar("SELECT count(*) FROM cases"), "2");
    assert_eq!(c, "2022-0001");
}

#[test]
fn enroll_prints_the_case_number_alone_and_numbers_per_year() {
    let e = Env::new();
    let o = e.run(&["enroll", "Lý Thị Hoa", "--ward", "3", "--category", "drugs", "--date", "15/12/2021"]);
    assert!(o.status.success());
    assert_eq!(String::from_utf8(o.stdout).unwrap(), "2021-0001\n");
    assert_eq!(e.enroll("Ngô Văn Dũng", "3", "2022-01-02", &[]), "2022-0001");
    assert_eq!(e.enroll("Dương Văn Phúc", "3", "2022-01-03", &[]), "2022-0002");
    assert_eq!(e.enroll("Bùi Thị Yến", "3", "2021-12-20", &[]), "2021-0002");
    // Default date is today (2023-06-30 in tests).
    assert_eq!(e.ok(&["enroll", "Huỳnh Văn Lộc", "--ward", "3", "--category", "youth"]), "2023-0001");
    assert_eq!(e.scalar("SELECT enrolled_on FROM cases WHERE case_no = '2023-0001'"), "2023-06-30");
    assert_eq!(e.scalar("SELECT enrolled_on FROM cases WHERE case_no = '2021-0001'"), "2021-12-15");
}

#[test]
fn a_released_person_enrolled_again_gets_a_new_case_for_the_same_person() {
    let e = Env::new();
    let m = e.member("Trần Thị Bích", "PN", "5");
    let c1 = e.enroll(
        "Nguyễn Văn An",
        "5",
        "2021-03-01",
        &["--id-number", "079090001234", "--born", "1990", "--member", &m],
    );
    e.ok(&["release", &c1, "--reason", "progressed", "--date", "2021-12-01"]);
    // Matched by identity number.
    let c2 = e.enroll("nguyen van an", "5", "2022-02-01", &["--id-number", "079090001234"]);
    assert_eq!(e.scalar("SELECT count(DISTINCT person_id) FROM cases"), "1");
    // The name on record stays as first typed.
    assert_eq!(e.scalar("SELECT name FROM persons"), "Nguyễn Văn An");
    e.ok(&["release", &c2, "--reason", "moved", "--date", "2022-03-01"]);
    // Matched by --person naming an earlier case.
    let c3 = e.enroll("Nguyễn Văn An", "6", "2022-04-01", &["--person", &c1]);
    assert_eq!(
        e.scalar(&format!(
            "SELECT count(*) FROM cases WHERE person_id = (SELECT person_id FROM cases WHERE case_no = '{c3}')"
        )),
        "3"
    );
    // A name that does not match the person on record is refused.
    e.ok(&["release", &c3, "--reason", "moved", "--date", "2022-05-01"]);
    e.refused(
        &["enroll", "Phạm Văn Bình", "--ward", "5", "--category", "prison", "--person", &c1],
        &["does not match"],
    );
}

#[test]
fn re_enrolling_with_a_birth_year_keeps_the_exact_birth_date() {
    let e = Env::new();
    let c1 = e.enroll("Nguyễn Văn An", "5", "2021-03-01", &["--id-number", "079090001234", "--born", "12/05/1990"]);
    e.ok(&["release", &c1, "--reason", "moved", "--date", "2021-06-01"]);
    // Same year typed again: the exact date on record stays.
    let c2 = e.enroll("Nguyễn Văn An", "5", "2022-01-05", &["--id-number", "079090001234", "--born", "1990"]);
    assert_eq!(e.scalar("SELECT birth_year || '/' || birth_date FROM persons"), "1990/1990-05-12");
    e.ok(&["release", &c2, "--reason", "moved", "--date", "2022-02-01"]);
    // Another year is a correction: the old exact date no longer fits and is dropped.
    e.enroll("Nguyễn Văn An", "5", "2022-03-01", &["--id-number", "079090001234", "--born", "1991"]);
    assert_eq!(e.scalar("SELECT birth_year || '/' || coalesce(birth_date, '-') FROM persons"), "1991/-");
}

#[test]
fn assignment_history_reassign_and_release_credit() {
    let e = Env::new();
    let m1 = e.member("Trần Thị Bích", "PN", "5");
    let m2 = e.member("Lê Văn Hùng", "CCB", "5");
    let c = e.enroll("Nguyễn Văn An", "5", "2022-01-10", &["--member", &m1]);
    assert_eq!(e.ok(&["assign", &c, &m2, "--date", "2022-03-01"]), c);
    // History: member 1 from 01-10 to 03-01, member 2 from 03-01, open.
    let csv = e.ok(&["show", &c, "-f", "csv"]);
    let rows = csv_rows(&csv);
    assert_eq!(rows[0], vec!["date", "event", "member_id", "detail"]);
    assert!(rows.contains(&vec!["2022-03-01".into(), "unassign".into(), m1.clone(), "".into()]));
    assert!(rows.contains(&vec!["2022-03-01".into(), "assign".into(), m2.clone(), "".into()]));
    assert_eq!(e.scalar("SELECT count(*) FROM assignments WHERE end_on IS NULL"), "1");
    // A review without --by is by the member assigned that day; on the reassignment day the later one.
    let r1 = e.ok(&["review", &c, "--class", "B", "--date", "2022-02-01"]);
    let r2 = e.ok(&["review", &c, "--class", "A", "--date", "2022-03-01"]);
    assert_eq!(e.scalar(&format!("SELECT member_id FROM reviews WHERE id = {r1}")), m1);
    assert_eq!(e.scalar(&format!("SELECT member_id FROM reviews WHERE id = {r2}")), m2);
    // Progressed release credits the member assigned on the release day and ends the assignment.
    e.ok(&["release", &c, "--reason", "progressed", "--date", "2022-06-15"]);
    assert_eq!(e.scalar("SELECT credited_member_id FROM cases"), m2);
    assert_eq!(e.scalar("SELECT count(*) FROM assignments WHERE end_on IS NULL"), "0");
    assert_eq!(e.scalar(&format!("SELECT end_on FROM assignments WHERE member_id = {m2}")), "2022-06-15");
    // Reopen undoes it: open, no credit, member 2 current again.
    assert_eq!(e.ok(&["reopen", &c]), c);
    assert_eq!(
        e.scalar("SELECT coalesce(released_on, 'open') || coalesce(credited_member_id, '-') FROM cases"),
        "open-"
    );
    assert_eq!(e.scalar("SELECT member_id FROM assignments WHERE end_on IS NULL"), m2);
    // --credit names someone else.
    e.ok(&["release", &c, "--reason", "tiến bộ", "--date", "2022-06-20", "--credit", &m1]);
    assert_eq!(e.scalar("SELECT credited_member_id || reason FROM cases"), format!("{m1}progressed"));
}

#[test]
fn supports_record_amount_kind_and_member() {
    let e = Env::new();
    let m = e.member("Trần Thị Bích", "PN", "5");
    let c = e.enroll("Nguyễn Văn An", "5", "2022-01-10", &["--member", &m]);
    let s = e.ok(&[
        "support",
        &c,
        "--kind",
        "loan",
        "--amount",
        "5.000.000",
        "--date",
        "2022-02-01",
        "--note",
        "vốn bán hàng",
    ]);
    assert_eq!(
        e.scalar(&format!("SELECT kind || ' ' || amount || ' ' || member_id FROM supports WHERE id = {s}")),
        format!("loan 5000000 {m}")
    );
    let s2 = e.ok(&["support", &c, "--kind", "học nghề", "--date", "2022-02-02"]);
    assert_eq!(e.scalar(&format!("SELECT kind || coalesce(amount, '-') FROM supports WHERE id = {s2}")), "training-");
}

#[test]
fn list_filters_and_search_ignore_case_and_diacritics() {
    let e = Env::new();
    let m1 = e.member("Trần Thị Bích", "PN", "5");
    let m2 = e.member("Lê Văn Hùng", "CCB", "6");
    let a = e.enroll("Nguyễn Văn Đạt", "5", "2022-01-10", &["--member", &m1, "--id-number", "079090001234"]);
    let b = e.enroll("Phạm Thị Đào", "6", "2022-01-11", &["--member", &m2]);
    let c = e.enroll("Võ Văn Cường", "6", "2022-01-12", &[]);
    e.ok(&["release", &c, "--reason", "moved", "--date", "2022-02-01"]);
    let col = |args: &[&str]| -> Vec<String> {
        let mut v = vec!["list", "-f", "csv"];
        v.extend_from_slice(args);
        csv_rows(&e.ok(&v))[1..].iter().map(|r| r[0].clone()).collect()
    };
    assert_eq!(col(&[]), vec![a.clone(), b.clone()]);
    assert_eq!(col(&["--status", "all"]), vec![a.clone(), b.clone(), c.clone()]);
    assert_eq!(col(&["--status", "released"]), vec![c.clone()]);
    assert_eq!(col(&["--ward", "6"]), vec![b.clone()]);
    assert_eq!(col(&["--org", "PN"]), vec![a.clone()]);
    assert_eq!(col(&["--member", &m2]), vec![b.clone()]);
    assert_eq!(col(&["--category", "prison", "--status", "all"]).len(), 3);
    assert_eq!(col(&["--search", "nguyen van dat"]), vec![a.clone()]);
    assert_eq!(col(&["--search", "ĐÀO"]), vec![b.clone()]);
    assert_eq!(col(&["--search", "dao"]), vec![b.clone()]);
    assert_eq!(col(&["--search", "0790900"]), vec![a.clone()]);
    assert_eq!(col(&["--search", "2022-0002"]), vec![b.clone()]);
    assert!(col(&["--search", "không ai"]).is_empty());
    // CSV header is the contract's English snake_case whatever the language.
    let csv = e.ok(&["--lang", "vi", "list", "-f", "csv"]);
    assert!(csv.starts_with("case_no,name,birth_year,ward,category,enrolled_on"), "{csv}");
    // JSON keys too.
    let v: serde_json::Value = serde_json::from_str(&e.ok(&["--lang", "vi", "list", "-f", "json"])).unwrap();
    assert_eq!(v[0]["case_no"], a);
    assert_eq!(v[0]["member_id"], m1.parse::<i64>().unwrap());
    // Tables are labelled in the chosen language.
    assert!(e.ok(&["--lang", "vi", "list"]).contains("Số hồ sơ"));
    assert!(e.ok(&["--lang", "en", "list"]).contains("Case"));
}

#[test]
fn show_has_the_person_case_and_timeline() {
    let e = Env::new();
    let m = e.member("Trần Thị Bích", "PN", "5");
    let c = e.enroll(
        "Nguyễn Văn An",
        "5",
        "2022-01-10",
        &["--member", &m, "--born", "12/03/1990", "--gender", "nam", "--address", "12 Hậu Giang"],
    );
    e.ok(&["review", &c, "--class", "B", "--date", "2022-02-01", "--note", "có việc làm"]);
    let v: serde_json::Value = serde_json::from_str(&e.ok(&["show", &c, "-f", "json"])).unwrap();
    assert_eq!(v["case"]["name"], "Nguyễn Văn An");
    assert_eq!(v["case"]["birth_date"], "1990-03-12");
    assert_eq!(v["case"]["birth_year"], 1990);
    assert_eq!(v["case"]["gender"], "male");
    assert_eq!(v["case"]["status"], "open");
    assert_eq!(v["case"]["last_contact"], "2022-02-01");
    let events: Vec<&str> = v["timeline"].as_array().unwrap().iter().map(|t| t["event"].as_str().unwrap()).collect();
    assert_eq!(events, vec!["enroll", "assign", "review"]);
    assert_eq!(v["timeline"][2]["detail"], "B: có việc làm");
    let t = e.ok(&["--lang", "vi", "show", &c]);
    assert!(t.contains("Diễn biến") && t.contains("đang quản lý") && t.contains("tiếp xúc"), "{t}");
    let t = e.ok(&["show", &c]);
    assert!(t.contains("Timeline") && t.contains("enrolled") && !t.contains("tiếp xúc"), "{t}");
}

#[test]
fn edit_corrects_case_and_person() {
    let e = Env::new();
    let c = e.enroll("Nguyen Van An", "5", "2022-01-10", &[]);
    assert_eq!(
        e.ok(&[
            "edit",
            &c,
            "--name",
            "Nguyễn Văn An",
            "--born",
            "1990",
            "--ward",
            "6",
            "--category",
            "drugs",
            "--date",
            "2022-01-05",
            "--id-number",
            "123456789"
        ]),
        c
    );
    assert_eq!(
        e.scalar("SELECT p.name || '|' || p.birth_year || '|' || w.code || '|' || k.code || '|' || c.enrolled_on || '|' || p.id_number FROM cases c JOIN persons p ON p.id = c.person_id JOIN wards w ON w.id = c.ward_id JOIN categories k ON k.id = c.category_id"),
        "Nguyễn Văn An|1990|6|drugs|2022-01-05|123456789"
    );
    // The audit row names what changed but does not copy personal values.
    let detail = e.scalar("SELECT detail FROM audit_log WHERE action = 'edit'");
    assert!(detail.contains("\"ward\":\"6\"") && detail.contains("\"name\":\"changed\""), "{detail}");
    assert!(!detail.contains("Nguyễn") && !detail.contains("123456789"), "{detail}");
}

#[test]
fn members_list_show_leave_edit() {
    let e = Env::new();
    let m1 = e.member("Trần Thị Bích", "PN", "5");
    let m2 = e.member("Lê Văn Hùng", "CCB", "10");
    let m3 = e.member("Đặng Văn Sơn", "CA", "2");
    let c1 = e.enroll("Nguyễn Văn An", "5", "2023-01-10", &["--member", &m1]);
    let c2 = e.enroll("Phạm Văn Bình", "5", "2023-01-11", &["--member", &m1]);
    e.enroll("Võ Thị Cúc", "5", "2023-01-12", &["--member", &m1]);
    e.ok(&["release", &c1, "--reason", "progressed", "--date", "2023-05-01"]);
    e.ok(&["release", &c2, "--reason", "moved", "--date", "2023-05-02"]);
    // Member 1: one open case left (the third), one progressed release this year (2023).
    let rows = csv_rows(&e.ok(&["member", "list", "-f", "csv"]));
    assert_eq!(
        rows[0],
        vec![
            "id",
            "name",
            "org",
            "ward",
            "phone",
            "joined_on",
            "left_on",
            "open_cases",
            "progressed_this_year",
            "quota"
        ]
    );
    // Ordered by ward naturally: 2, 5, 10.
    let ids: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(ids, vec![m3.as_str(), m1.as_str(), m2.as_str()]);
    let r1 = &rows[2];
    assert_eq!((r1[7].as_str(), r1[8].as_str(), r1[9].as_str()), ("1", "1", "2"));
    assert_eq!(e.ok(&["member", "leave", &m2, "--date", "2023-03-01"]), m2);
    let rows = csv_rows(&e.ok(&["member", "list", "-f", "csv"]));
    assert_eq!(rows.len(), 3, "a member who left is hidden without --all");
    let rows = csv_rows(&e.ok(&["member", "list", "--all", "-f", "csv", "--ward", "10"]));
    assert_eq!(rows[1][6], "2023-03-01");
    assert_eq!(e.ok(&["member", "edit", &m3, "--phone", "0909 123 456", "--org", "TN"]), m3);
    assert_eq!(
        e.scalar(&format!("SELECT phone || o.code FROM members m JOIN orgs o ON o.id = m.org_id WHERE m.id = {m3}")),
        "0909 123 456TN"
    );
    e.refused(&["member", "edit", &m3, "--phone", "12ab"], &["'12ab'"]);
    let v: serde_json::Value = serde_json::from_str(&e.ok(&["member", "show", &m1, "-f", "json"])).unwrap();
    assert_eq!(v["member"]["open_cases"], 1);
    assert_eq!(v["cases"].as_array().unwrap().len(), 3);
}

#[test]
fn every_write_is_audited_and_the_chain_verifies() {
    let e = Env::new();
    let m = e.member("Trần Thị Bích", "PN", "5");
    let c = e.enroll("Nguyễn Văn An", "5", "2022-01-10", &["--member", &m]);
    e.ok(&["review", &c, "--class", "A", "--date", "2022-02-01"]);
    e.ok(&["support", &c, "--kind", "gift", "--date", "2022-02-02"]);
    e.ok(&["release", &c, "--reason", "progressed", "--date", "2022-03-01"]);
    e.ok(&["reopen", &c]);
    e.ok(&["edit", &c, "--note", "sửa"]);
    // init, member add, enroll (with its --member assignment in the same row), review,
    // support, release, reopen, edit = 8 rows.
    assert_eq!(e.scalar("SELECT count(*) FROM audit_log"), "8");
    assert_eq!(
        e.scalar("SELECT group_concat(action, ',') FROM (SELECT action FROM audit_log ORDER BY seq)"),
        "init,add,enroll,review,support,release,reopen,edit"
    );
    assert!(e.scalar("SELECT detail FROM audit_log WHERE action = 'enroll'").contains(&format!("\"member_id\":{m}")));
    assert_eq!(e.scalar("SELECT count(DISTINCT actor) FROM audit_log"), "1");
    assert_eq!(e.scalar("SELECT actor FROM audit_log LIMIT 1"), "tester");
    let o = e.run(&["audit", "verify"]);
    assert!(o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("8 rows"));
    let rows = csv_rows(&e.ok(&["audit", "--case", &c, "-f", "csv"]));
    assert_eq!(rows.len(), 1 + 6, "enroll, review, support, release, reopen, edit");
    let rows = csv_rows(&e.ok(&["audit", "--since", "2099-01-01", "-f", "csv"]));
    assert_eq!(rows.len(), 1);
    // --actor is recorded.
    e.ok(&["--actor", "Cán bộ Hòa", "edit", &c, "--note", "lần 2"]);
    assert_eq!(e.scalar("SELECT actor FROM audit_log ORDER BY seq DESC LIMIT 1"), "Cán bộ Hòa");
    // The log is append-only.
    let raw = e.raw();
    assert!(raw.execute("UPDATE audit_log SET actor = 'x'", []).is_err());
    assert!(raw.execute("DELETE FROM audit_log", []).is_err());
}

#[test]
fn audit_verify_names_the_first_broken_row() {
    let e = Env::new();
    e.member("Trần Thị Bích", "PN", "5");
    e.member("Lê Văn Hùng", "CCB", "5");
    let raw = e.raw();
    raw.execute_batch("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET detail = '{}' WHERE seq = 2;").unwrap();
    drop(raw);
    let err = e.fail(&["audit", "verify"]);
    assert!(err.contains("row 2"), "{err}");
}

#[test]
fn completions_for_bash() {
    let e = Env::empty();
    let out = e.ok(&["completions", "bash"]);
    assert!(out.contains("mh51") && out.contains("enroll"));
}
