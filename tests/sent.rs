//! Sent periods are locked (SPEC §19): once `report package -p P` is written, every write
//! dated in P is refused — naming the period, the revision and when it was sent — and leaves
//! the register exactly as it was, until `period reopen P --reason`; the next package is
//! then the next revision. Making the package again without any change gives the same file;
//! a change dated outside the period that changes its figures is caught then.

use serde_json::Value;

use crate::util::{csv_rows, Env};

/// The District 6 example with its unit code.
fn demo() -> Env {
    let e = Env::empty();
    e.ok(&["demo"]);
    e.ok(&["settings", "unit_code", "Q6"]);
    e
}

fn package(e: &Env, period: &str, file: &str) -> Value {
    assert_eq!(e.ok(&["report", "package", "-p", period, "-o", file]), file);
    serde_json::from_str(&std::fs::read_to_string(e.path(file)).unwrap()).unwrap()
}

fn audit_rows(e: &Env, action: &str) -> i64 {
    e.scalar(&format!("SELECT count(*) FROM audit_log WHERE action = '{action}' AND entity = 'period'"))
        .parse()
        .unwrap()
}

/// `period list -f csv` as rows (header first).
fn periods(e: &Env) -> Vec<Vec<String>> {
    csv_rows(&e.ok(&["period", "list", "-f", "csv"]))
}

/// The ids of a review and a support of case 2016-0004 (open all of 2022 in the example) dated in Q1.
fn q1_entries(e: &Env) -> (String, String) {
    let review = e.scalar(
        "SELECT r.id FROM reviews r JOIN cases c ON c.id = r.case_id
         WHERE c.case_no = '2016-0004' AND r.reviewed_on BETWEEN '2022-01-01' AND '2022-03-31' ORDER BY r.id LIMIT 1",
    );
    let support = e.scalar(
        "SELECT id FROM supports WHERE given_on BETWEEN '2022-01-01' AND '2022-03-31' AND voided_on IS NULL ORDER BY id LIMIT 1",
    );
    assert!(!review.is_empty() && !support.is_empty());
    (review, support)
}

#[test]
fn every_write_dated_in_a_sent_period_is_refused_until_it_is_reopened() {
    let e = demo();
    let first = package(&e, "2022-Q1", "q1.json");
    assert_eq!(first["revision"], 1);
    // The send is recorded, audited, and listed.
    assert_eq!(audit_rows(&e, "send"), 1);
    let rows = periods(&e);
    assert_eq!(
        rows[0],
        [
            "period",
            "period_from",
            "period_to",
            "revision",
            "status",
            "sent_at",
            "audit_head",
            "reopened_at",
            "reopen_reason"
        ]
    );
    assert_eq!(rows.len(), 2);
    assert_eq!(&rows[1][..5], ["2022-Q1", "2022-01-01", "2022-03-31", "1", "sent"]);
    let sent_at = rows[1][5].clone();
    assert_eq!(sent_at, first["made_at"].as_str().unwrap());
    assert_eq!(rows[1][6], first["audit_head"].as_str().unwrap());

    let (review, support) = q1_entries(&e);
    // A case released in Q1 (2016-0043 on 2022-01-11, by the example's data), and one
    // review of 2016-0004 dated in Q2, which `amend --date` would move into Q1.
    assert_eq!(e.scalar("SELECT released_on FROM cases WHERE case_no = '2016-0043'"), "2022-01-11");
    let q2_review = e.scalar(
        "SELECT r.id FROM reviews r JOIN cases c ON c.id = r.case_id
         WHERE c.case_no = '2016-0004' AND r.reviewed_on BETWEEN '2022-04-01' AND '2022-06-30' ORDER BY r.id LIMIT 1",
    );
    assert!(!q2_review.is_empty());
    let csv = e.path("q1-reviews.csv");
    std::fs::write(&csv, "case_no,reviewed_on,class,member,note\n2016-0004,2022-04-20,B,,\n2016-0004,2022-02-03,A,,\n")
        .unwrap();
    let csv = csv.to_str().unwrap().to_string();
    let locked: Vec<(&str, Vec<&str>)> = vec![
        ("enroll", vec!["enroll", "Lâm Thử Nghiệm", "--ward", "1", "--category", "prison", "--date", "2022-02-01"]),
        ("assign", vec!["assign", "2016-0004", "1", "--date", "2022-02-01"]),
        ("review", vec!["review", "2016-0004", "--class", "A", "--date", "2022-02-01"]),
        ("support", vec!["support", "2016-0004", "--kind", "loan", "--amount", "1000000", "--date", "2022-02-01"]),
        ("release", vec!["release", "2016-0004", "--reason", "moved", "--date", "2022-03-31"]),
        ("reopen a case released in it", vec!["reopen", "2016-0043"]),
        ("move", vec!["move", "2016-0004", "--ward", "2", "--date", "2022-01-01"]),
        ("member add", vec!["member", "add", "Đỗ Thử", "--org", "PN", "--ward", "1", "--joined", "2022-03-01"]),
        ("member leave", vec!["member", "leave", "1", "--date", "2022-03-01"]),
        ("member move", vec!["member", "move", "1", "--ward", "2", "--date", "2022-03-01"]),
        ("member edit --joined", vec!["member", "edit", "1", "--joined", "2022-02-01"]),
        ("ward merge", vec!["ward", "merge", "13", "14", "--into", "12", "--on", "2022-02-01"]),
        ("void a review", vec!["void", "review", &review, "--reason", "nhầm"]),
        ("void a support", vec!["void", "support", &support, "--reason", "nhầm"]),
        ("amend a review", vec!["amend", "review", &review, "--class", "D"]),
        ("amend a review into it", vec!["amend", "review", &q2_review, "--date", "2022-03-30"]),
        ("edit --category", vec!["edit", "2016-0004", "--category", "noncustodial"]),
        ("edit --ward", vec!["edit", "2016-0004", "--ward", "3"]),
        ("import reviews", vec!["import", "reviews", &csv]),
    ];
    for (what, args) in &locked {
        let err = e.refused(args, &["2022-Q1", "2022-01-01 to 2022-03-31", "revision 1", &sent_at, "period reopen"]);
        assert!(err.lines().count() <= 2, "{what}: one clear message, got {err}");
    }
    // In Vietnamese too, naming the same period and revision.
    let vi = e.refused(
        &["--lang", "vi", "review", "2016-0004", "--class", "A", "--date", "2022-02-01"],
        &["ngày 2022-02-01", "kỳ 2022-Q1", "lần 1", &sent_at, "period reopen 2022-Q1"],
    );
    assert!(!vi.contains("sent to the city"), "{vi}");

    // Writes dated outside the period, and undated corrections, go on.
    e.ok(&["review", "2016-0004", "--class", "B", "--date", "2022-04-20"]);
    e.ok(&["edit", "2016-0004", "--note", "ghi chú mới"]);

    // Reopened: audited with its reason, listed, and the same writes are accepted.
    assert_eq!(e.ok(&["period", "reopen", "quý I/2022", "--reason", "sửa một lần tiếp xúc ghi nhầm"]), "2022-Q1");
    assert_eq!(audit_rows(&e, "reopen"), 1);
    let detail = e.scalar("SELECT detail FROM audit_log WHERE action = 'reopen' AND entity = 'period'");
    let detail: Value = serde_json::from_str(&detail).unwrap();
    assert_eq!(detail["reason"], "sửa một lần tiếp xúc ghi nhầm");
    assert_eq!(detail["revision"], 1);
    let rows = periods(&e);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1][4], "reopened");
    assert_eq!(rows[1][8], "sửa một lần tiếp xúc ghi nhầm");
    assert!(!rows[1][7].is_empty());
    let contacts_before = first["figures"]["contacts_by_org"]["total"]["contacts"].as_i64().unwrap();
    e.ok(&["review", "2016-0004", "--class", "A", "--date", "2022-02-01"]);

    // The next package is revision 2, with the new contact, signed, and sent again.
    let second = package(&e, "2022-Q1", "q1-r2.json");
    assert_eq!(second["revision"], 2);
    assert_eq!(second["figures"]["contacts_by_org"]["total"]["contacts"].as_i64().unwrap(), contacts_before + 1);
    let key = e.ok(&["key", "show"]);
    let public = mh51::domain::signing::parse_public(&key).unwrap();
    let bytes = std::fs::read(e.path("q1-r2.json")).unwrap();
    assert_eq!(mh51::report::package::verify(&bytes, &public).unwrap().revision, 2);
    let rows = periods(&e);
    assert_eq!(rows.len(), 3);
    assert_eq!(&rows[2][3..5], ["2", "sent"]);
    e.refused(&["review", "2016-0004", "--class", "A", "--date", "2022-02-02"], &["2022-Q1", "revision 2"]);
    // Other periods are not locked by it.
    e.ok(&["review", "2016-0004", "--class", "A", "--date", "2022-05-02"]);
}

#[test]
fn making_the_package_again_gives_the_same_file_and_records_nothing() {
    let e = demo();
    let a = package(&e, "2022-Q1", "a.json");
    let audit_before = e.scalar("SELECT count(*) FROM audit_log");
    let err = {
        let o = e.run(&["report", "package", "-p", "2022-Q1", "-o", "b.json"]);
        assert!(o.status.success());
        String::from_utf8(o.stderr).unwrap()
    };
    assert!(err.contains("nothing in it has changed"), "{err}");
    assert_eq!(e.scalar("SELECT count(*) FROM audit_log"), audit_before, "a package made again is no write");
    // Byte for byte the same file: same revision, made_at, audit head, signature.
    assert_eq!(std::fs::read(e.path("a.json")).unwrap(), std::fs::read(e.path("b.json")).unwrap());
    assert_eq!(a["revision"], 1);
    assert_eq!(periods(&e).len(), 2);
    // A write dated after the period changes nothing in it: still the same package.
    e.ok(&["review", "2016-0004", "--class", "B", "--date", "2022-04-20"]);
    package(&e, "2022-Q1", "c.json");
    assert_eq!(std::fs::read(e.path("a.json")).unwrap(), std::fs::read(e.path("c.json")).unwrap());
    // Another period is its own: revision 1, both locked.
    assert_eq!(package(&e, "2022-Q2", "q2.json")["revision"], 1);
    e.refused(&["review", "2016-0004", "--class", "A", "--date", "2022-05-02"], &["2022-Q2", "revision 1"]);
}

#[test]
fn a_change_dated_before_the_period_that_changes_its_figures_is_caught_at_the_next_package() {
    let e = demo();
    package(&e, "2022-Q1", "a.json");
    // Enrolled in December 2021: not in Q1, so accepted, but Q1's opening figure now differs.
    e.enroll("Lâm Văn Trước", "1", "2021-12-01", &[]);
    e.refused(
        &["report", "package", "-p", "2022-Q1", "-o", "b.json"],
        &["2022-Q1", "revision 1", "no longer", "period reopen 2022-Q1"],
    );
    assert!(!e.path("b.json").exists());
    // Another linking key gives other tokens: the same refusal (the package would differ).
    e.ok(&["period", "reopen", "2022-Q1", "--reason", "ghi bổ sung hồ sơ tháng 12"]);
    assert_eq!(package(&e, "2022-Q1", "b.json")["revision"], 2);
    let key = e.path("city.key");
    std::fs::write(&key, "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\n").unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o600)).unwrap();
    e.refused(
        &["report", "package", "-p", "2022-Q1", "-o", "c.json", "--link-key", key.to_str().unwrap()],
        &["2022-Q1", "revision 2", "--link-key"],
    );
}

#[test]
fn period_reopen_refuses_what_cannot_be_reopened_and_changes_nothing() {
    let e = demo();
    e.refused(&["period", "reopen", "2022-Q1", "--reason", "x"], &["'2022-Q1'", "never been sent"]);
    package(&e, "2022-Q1", "a.json");
    e.refused(&["period", "reopen", "2022-Q1", "--reason", "  "], &["--reason", "4000"]);
    e.refused(&["period", "reopen", "2022-Q5", "--reason", "x"], &["2022-Q5"]);
    // The same days written another way are another period: never sent.
    e.refused(&["period", "reopen", "2022-01-01..2022-03-30", "--reason", "x"], &["never been sent"]);
    e.ok(&["period", "reopen", "2022-Q1", "--reason", "x"]);
    e.refused(&["period", "reopen", "2022-Q1", "--reason", "again"], &["2022-Q1", "already reopened", "revision 1"]);
    let long = "x".repeat(4001);
    package(&e, "2022-Q1", "b.json");
    e.refused(&["period", "reopen", "2022-Q1", "--reason", &long], &["4000", "4001"]);
}

#[test]
fn the_record_of_a_sent_period_cannot_be_rewritten_or_deleted_behind_mh51s_back() {
    let e = demo();
    package(&e, "2022-Q1", "a.json");
    let c = e.raw();
    for sql in [
        "DELETE FROM sent_periods",
        "UPDATE sent_periods SET figures_hash = lower(hex(randomblob(32)))",
        "UPDATE sent_periods SET revision = 2",
    ] {
        let err = c.execute(sql, []).unwrap_err().to_string();
        assert!(err.contains("sent period"), "{sql}: {err}");
    }
    // Reopening behind mh51's back (the one update the triggers allow) leaves no ledger
    // version for the new row: `check` finds it.
    c.execute("UPDATE sent_periods SET reopened_at = '2023-01-01T00:00:00', reopen_reason = 'x'", []).unwrap();
    drop(c);
    let o = e.run(&["check"]);
    assert_eq!(o.status.code(), Some(1), "{}", String::from_utf8_lossy(&o.stdout));
    let out = String::from_utf8_lossy(&o.stdout).to_string() + &String::from_utf8_lossy(&o.stderr);
    assert!(out.contains("sent_periods"), "{out}");
}
