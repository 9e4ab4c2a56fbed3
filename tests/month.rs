//! Tests: the month's contacts (SPEC §17) — void and amend, no silent doubles, saying what was
//! recorded, `report contacts`, scoped reports, members by name. One small month, every
//! figure worked out by hand below.
//!
//! Members (joined 2020-01-01):
//!   m1 Trần Thị Lan  PN  ward 2
//!   m2 Lê Văn Hùng   CCB ward 10
//!   m3 Trần Thị Lan  TN  ward 10 (the same name as m1: a name that is ambiguous)
//!   m4 Đỗ Văn Minh   CA  ward 2
//! Cases:
//!   c1 ward 2  enrolled 2022-01-10, m1
//!   c2 ward 2  enrolled 2022-02-01, m1
//!   c3 ward 10 enrolled 2022-02-15, m2
//!   c4 ward 10 enrolled 2022-03-01, nobody assigned
//!   c5 ward 2  enrolled 2021-05-01, m4; released progressed 2022-04-20 (credited m4)
//! Reviews: r1 c1 05-03 B · r2 c1 05-20 A · r3 c2 04-28 C · r4 c3 05-10 B ·
//!          r5 c3 05-12 A (voided: typed twice) · r6 c4 05-15 C by m2
//! Supports: s1 c1 loan 5,000,000 on 05-03 · s2 the same again (--again), then voided.
//!
//! May 2022 (T = 05-31): open on T c1..c4 (c5 was released on 04-20).
//!   m1: c1, c2 — c1 contacted (r1, r2) → cases 2, contacted 1, not 1, contacts 2, 50.0
//!   m2: c3 — r4 (r5 voided) → 1, 1, 0, 1, 100.0
//!   unassigned: c4 — r6 → 1, 1, 0, 1, 100.0
//!   TOTAL 4, 3, 1, 4, 75.0
//!   ward 2 (c1, c2): 2, 1, 1, 2, 50.0 · ward 10 (c3, c4): 2, 2, 0, 2, 100.0

use crate::util::{csv_rows, Env};

struct Month {
    e: Env,
    m: [String; 4],
    c: [String; 5],
    r: [String; 6],
    s: [String; 2],
}

fn month() -> Month {
    let e = Env::new();
    let m1 = e.member("Trần Thị Lan", "PN", "2");
    let m2 = e.member("Lê Văn Hùng", "CCB", "10");
    let m3 = e.ok(&["member", "add", "Trần Thị Lan", "--org", "TN", "--ward", "10", "--joined", "2020-01-01"]);
    let m4 = e.member("Đỗ Văn Minh", "CA", "2");
    let c1 = e.enroll("Nguyễn Văn An", "2", "2022-01-10", &["--member", &m1]);
    let c2 = e.enroll("Phạm Văn Bình", "2", "2022-02-01", &["--member", &m1]);
    let c3 = e.enroll("Võ Văn Cường", "10", "2022-02-15", &["--member", &m2]);
    let c4 = e.enroll("Bùi Thị Dung", "10", "2022-03-01", &[]);
    let c5 = e.enroll("Ngô Văn Phúc", "2", "2021-05-01", &["--member", &m4]);
    e.ok(&["release", &c5, "--reason", "progressed", "--date", "2022-04-20"]);
    let r1 = e.ok(&["review", &c1, "--class", "B", "--date", "2022-05-03"]);
    let r2 = e.ok(&["review", &c1, "--class", "A", "--date", "2022-05-20"]);
    let r3 = e.ok(&["review", &c2, "--class", "C", "--date", "2022-04-28"]);
    let r4 = e.ok(&["review", &c3, "--class", "B", "--date", "2022-05-10"]);
    let r5 = e.ok(&["review", &c3, "--class", "A", "--date", "2022-05-12"]);
    let r6 = e.ok(&["review", &c4, "--class", "C", "--date", "2022-05-15", "--by", &m2]);
    let s1 = e.ok(&["support", &c1, "--kind", "loan", "--amount", "5000000", "--date", "2022-05-03"]);
    let s2 = e.ok(&["support", &c1, "--kind", "loan", "--amount", "5000000", "--date", "2022-05-03", "--again"]);
    assert_eq!(e.ok(&["void", "review", &r5, "--reason", "typed twice"]), r5);
    assert_eq!(e.ok(&["void", "support", &s2, "--reason", "typed twice"]), s2);
    Month { e, m: [m1, m2, m3, m4], c: [c1, c2, c3, c4, c5], r: [r1, r2, r3, r4, r5, r6], s: [s1, s2] }
}

fn csv(e: &Env, args: &[&str]) -> Vec<Vec<String>> {
    let mut a = args.to_vec();
    a.extend(["-f", "csv"]);
    csv_rows(&e.ok(&a))
}

fn row<'a>(rows: &'a [Vec<String>], group: &str) -> &'a [String] {
    rows.iter().find(|r| r[0] == group).unwrap_or_else(|| panic!("no row {group} in {rows:?}"))
}

fn strs(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

#[test]
fn contacts_by_member_ward_and_org_as_worked_out_by_hand() {
    let w = month();
    let e = &w.e;
    let rows = csv(e, &["report", "contacts", "-p", "2022-05"]);
    assert_eq!(
        rows[0],
        strs(&["group", "name", "org", "ward", "cases", "contacted", "not_contacted", "contacts", "pct"])
    );
    let body: Vec<Vec<String>> = rows[1..].to_vec();
    assert_eq!(
        body,
        vec![
            strs(&[&w.m[0], "Trần Thị Lan", "PN", "2", "2", "1", "1", "2", "50.0"]),
            strs(&[&w.m[1], "Lê Văn Hùng", "CCB", "10", "1", "1", "0", "1", "100.0"]),
            strs(&["unassigned", "", "", "", "1", "1", "0", "1", "100.0"]),
            strs(&["TOTAL", "", "", "", "4", "3", "1", "4", "75.0"]),
        ]
    );
    let rows = csv(e, &["report", "contacts", "-p", "2022-05", "--by", "ward"]);
    assert_eq!(rows[0], strs(&["group", "cases", "contacted", "not_contacted", "contacts", "pct"]));
    assert_eq!(rows.len(), 1 + 14 + 1, "every ward and the total");
    assert_eq!(row(&rows, "2"), strs(&["2", "2", "1", "1", "2", "50.0"]));
    assert_eq!(row(&rows, "10"), strs(&["10", "2", "2", "0", "2", "100.0"]));
    assert_eq!(row(&rows, "5"), strs(&["5", "0", "0", "0", "0", ""]));
    assert_eq!(row(&rows, "TOTAL"), strs(&["TOTAL", "4", "3", "1", "4", "75.0"]));
    let rows = csv(e, &["report", "contacts", "-p", "2022-05", "--by", "org"]);
    assert_eq!(row(&rows, "PN"), strs(&["PN", "2", "1", "1", "2", "50.0"]));
    assert_eq!(row(&rows, "CCB"), strs(&["CCB", "1", "1", "0", "1", "100.0"]));
    assert_eq!(row(&rows, "unassigned"), strs(&["unassigned", "1", "1", "0", "1", "100.0"]));
    assert_eq!(row(&rows, "CA"), strs(&["CA", "0", "0", "0", "0", ""]));
    assert_eq!(row(&rows, "TOTAL"), strs(&["TOTAL", "4", "3", "1", "4", "75.0"]));
    // April (T = 04-30; c5 was released on 04-20): r3 is the only contact, of m1's c2.
    let rows = csv(e, &["report", "contacts", "-p", "2022-04", "--by", "member"]);
    assert_eq!(row(&rows, &w.m[0])[4..], strs(&["2", "1", "1", "1", "50.0"]));
    assert_eq!(row(&rows, "TOTAL")[4..], strs(&["4", "1", "3", "1", "25.0"]));
    // JSON: period, rows, total.
    let v: serde_json::Value =
        serde_json::from_str(&e.ok(&["report", "contacts", "-p", "2022-05", "--by", "ward", "-f", "json"])).unwrap();
    assert_eq!(v["period"]["to"], "2022-05-31");
    assert_eq!(v["total"]["contacted"], 3);
    // A table in Vietnamese says what it is.
    let t = e.ok(&["--lang", "vi", "report", "contacts", "-p", "2022-05"]);
    assert!(t.contains("Tiếp xúc tháng 5/2022"), "{t}");
}

#[test]
fn scoped_reports_count_only_their_part() {
    let w = month();
    let e = &w.e;
    // Contacts of ward 2 by member: m1 only, no unassigned row; the total is the ward's.
    let rows = csv(e, &["report", "contacts", "-p", "2022-05", "--ward", "2"]);
    assert_eq!(rows.len(), 3, "{rows:?}");
    assert_eq!(rows[1][0], w.m[0]);
    assert_eq!(row(&rows, "TOTAL")[4..], strs(&["2", "1", "1", "2", "50.0"]));
    let rows = csv(e, &["report", "contacts", "-p", "2022-05", "--org", "CCB", "--by", "ward"]);
    assert_eq!(rows[1..], [strs(&["10", "1", "1", "0", "1", "100.0"]), strs(&["TOTAL", "1", "1", "0", "1", "100.0"])]);
    // Summary of ward 10 in May: c3 and c4 open all month; contacts r4, r6 (r5 voided).
    let rows = csv(e, &["report", "summary", "-p", "2022-05", "--ward", "10"]);
    assert_eq!(rows.len(), 3, "only ward 10 and the total: {rows:?}");
    let want = strs(&["2", "0", "2", "0", "0", "0", "0", "0", "0", "0", "2", "2", "0", "0"]);
    assert_eq!(row(&rows, "10")[1..], want);
    assert_eq!(row(&rows, "TOTAL")[1..], want);
    // Summary of member 1 by month over April–May: c1, c2 (c5 was m4's); r3 in April, r1 r2 in May; s1.
    let rows = csv(e, &["report", "summary", "-p", "2022-04-01..2022-05-31", "--by", "month", "--member", &w.m[0]]);
    assert_eq!(row(&rows, "2022-04")[12], "1");
    assert_eq!(row(&rows, "2022-05")[12..], strs(&["2", "1", "5000000"]));
    assert_eq!(
        row(&rows, "TOTAL")[1..],
        strs(&["2", "0", "2", "0", "0", "0", "0", "0", "0", "0", "2", "3", "1", "5000000"])
    );
    // Quota of ward 2 in 2022: m1 and m4; m4 credited with c5 → target 4, achieved 1, shortfall 3.
    let rows = csv(e, &["report", "quota", "-p", "2022", "--ward", "2"]);
    assert_eq!(
        rows[1..],
        [strs(&["2", "2", "4", "1", "0", "3", "25.0"]), strs(&["TOTAL", "2", "4", "1", "0", "3", "25.0"])]
    );
    let rows = csv(e, &["report", "quota", "-p", "2022", "--by", "member", "--org", "CA"]);
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[1][0], w.m[3]);
    // Overdue on 31/05 (30 days): c2 (last 04-28, 33 days) and c4 (unassigned); ward 2 → c2 only.
    let rows = csv(e, &["report", "overdue", "--as-of", "2022-05-31"]);
    let cases: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(cases, [w.c[1].as_str(), w.c[3].as_str()]);
    let rows = csv(e, &["report", "overdue", "--as-of", "2022-05-31", "--ward", "2"]);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1][0], w.c[1]);
    let rows = csv(e, &["report", "overdue", "--as-of", "2022-05-31", "--member", &w.m[1]]);
    assert_eq!(rows.len(), 1, "m2's c3 was contacted on 05-10: {rows:?}");
    // Titles say which part.
    let t = e.ok(&["report", "summary", "-p", "2022-05", "--ward", "10"]);
    assert!(t.contains("— only ward 10"), "{t}");
    let t = e.ok(&["--lang", "vi", "report", "overdue", "--as-of", "2022-05-31", "--org", "PN"]);
    assert!(t.contains("— chỉ đoàn thể PN"), "{t}");
    // list --member by name.
    let rows = csv(e, &["list", "--member", "le van hung"]);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1][0], w.c[2]);
}

#[test]
fn voided_rows_count_nowhere_and_show_says_why() {
    let w = month();
    let e = &w.e;
    // Summary of May: contacts r1 r2 r4 r6 (not r5); supports s1 only, its loan once.
    let rows = csv(e, &["report", "summary", "-p", "2022-05"]);
    assert_eq!(row(&rows, "TOTAL")[12..], strs(&["4", "1", "5000000"]));
    let rows = csv(e, &["report", "summary", "-p", "2022-05", "--by", "month"]);
    assert_eq!(row(&rows, "TOTAL")[12..], strs(&["4", "1", "5000000"]));
    // c3's last contact is r4 (05-10), not the voided r5 (05-12).
    assert_eq!(e.scalar(&format!("SELECT last_contact FROM v_cases WHERE case_no = '{}'", w.c[2])), "2022-05-10");
    let rows = csv(e, &["report", "overdue", "--as-of", "2022-06-10"]);
    let c3 = row(&rows, &w.c[2]);
    assert_eq!(c3[6..], strs(&["2022-05-10", "31"]));
    // The views leave voided rows out; the tables keep them.
    assert_eq!(e.scalar("SELECT count(*) FROM v_reviews"), "5");
    assert_eq!(e.scalar("SELECT count(*) FROM reviews"), "6");
    assert_eq!(e.scalar("SELECT count(*) FROM v_supports"), "1");
    assert_eq!(e.scalar("SELECT sum(amount) FROM v_supports WHERE kind = 'loan'"), "5000000");
    // show: the voided contact, marked, with its reason.
    let t = e.ok(&["show", &w.c[2]]);
    assert!(t.contains(&format!("#{} A (complying, settled) — VOIDED on 2023-06-30: typed twice", w.r[4])), "{t}");
    let t = e.ok(&["--lang", "vi", "show", &w.c[2]]);
    assert!(t.contains("ĐÃ HỦY ngày 30/06/2023: typed twice"), "{t}");
    let c = e.ok(&["show", &w.c[2], "-f", "csv"]);
    assert!(c.contains("2022-05-12,review,2,A [voided 2023-06-30: typed twice]"), "{c}");
    // Exports leave them out; --voided lists them alone, with the two columns.
    let rows = csv(e, &["export", "reviews"]);
    let ids: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(ids.len(), 5);
    assert!(!ids.contains(&w.r[4].as_str()));
    let rows = csv(e, &["export", "reviews", "--voided"]);
    assert_eq!(
        rows[0],
        strs(&["id", "case_no", "reviewed_on", "class", "member_id", "note", "voided_on", "void_reason"])
    );
    assert_eq!(rows[1..], [strs(&[&w.r[4], &w.c[2], "2022-05-12", "A", &w.m[1], "", "2023-06-30", "typed twice"])]);
    let rows = csv(e, &["export", "supports", "--voided"]);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1][0], w.s[1]);
    // export -p: rows dated in the period only.
    let rows = csv(e, &["export", "reviews", "-p", "2022-05"]);
    let ids: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(ids, [w.r[0].as_str(), w.r[1].as_str(), w.r[3].as_str(), w.r[5].as_str()]);
    let rows = csv(e, &["export", "assignments", "-p", "2022-02"]);
    assert_eq!(rows.len(), 3, "c2 and c3 were assigned in February: {rows:?}");
    e.refused(&["export", "cases", "-p", "2022-05"], &["-p applies to reviews, supports and assignments"]);
    e.refused(&["export", "members", "--voided"], &["--voided applies to reviews and supports"]);
    // The audit row says it was voided, with codes and dates, never the reason's words.
    let d = e.scalar("SELECT detail FROM audit_log WHERE action = 'void_review'");
    assert!(d.contains(&format!("\"review_id\":{}", w.r[4])) && d.contains("\"voided_on\":\"2023-06-30\""), "{d}");
    assert!(!d.contains("typed twice"), "{d}");
    assert_eq!(e.scalar("SELECT count(*) FROM audit_log WHERE detail LIKE '%typed twice%'"), "0");
    e.ok(&["check"]);
    e.ok(&["audit", "verify"]);
}

#[test]
fn voiding_and_amending_are_refused_as_recording_is() {
    let w = month();
    let e = &w.e;
    e.refused(&["void", "review", &w.r[4], "--reason", "again"], &["was voided on 2023-06-30"]);
    e.refused(&["amend", "review", &w.r[4], "--class", "B"], &["was voided on 2023-06-30", "cannot be amended"]);
    e.refused(&["void", "review", "999", "--reason", "x"], &["unknown review '999'"]);
    e.refused(&["void", "support", "abc", "--reason", "x"], &["unknown support 'abc'"]);
    e.refused(&["void", "review", &w.r[0], "--reason", "  "], &["--reason must say why"]);
    e.refused(&["amend", "review", &w.r[2]], &["nothing to change"]);
    // c2 was enrolled on 2022-02-01; today is 2023-06-30.
    e.refused(&["amend", "review", &w.r[2], "--date", "2022-01-15"], &["before case", "was enrolled (2022-02-01)"]);
    e.refused(&["amend", "review", &w.r[2], "--date", "2023-07-01"], &["2023-07-01"]);
    e.refused(&["amend", "review", &w.r[2], "--class", "E"], &["'E'"]);
    e.refused(&["amend", "support", &w.s[0], "--amount", "-5"], &["cannot be negative"]);
    // c5 was released on 2022-04-20: nothing of it can move after that.
    // Moving r1 onto r2's day would double c1's contact of 05-20.
    e.refused(&["amend", "review", &w.r[0], "--date", "2022-05-20"], &["would then double", &w.r[1]]);
    // A member who had left cannot be named for a day after they left.
    e.ok(&["member", "leave", &w.m[2], "--date", "2022-03-31"]);
    e.refused(&["amend", "review", &w.r[2], "--by", &w.m[2]], &["left on 2022-03-31"]);
    // The ambiguous name is refused listing each candidate with id, org and ward only —
    // m3 has left, so "Trần Thị Lan" is now m1 alone.
    e.ok(&["amend", "review", &w.r[2], "--by", "tran thi lan"]);
    assert_eq!(e.scalar(&format!("SELECT member_id FROM reviews WHERE id = {}", w.r[2])), w.m[0]);
}

#[test]
fn an_amendment_is_audited_with_old_and_new_values_and_moves_the_figures() {
    let w = month();
    let e = &w.e;
    assert_eq!(
        e.ok(&["amend", "review", &w.r[2], "--date", "02/05/2022", "--class", "B", "--note", "gặp tại nhà"]),
        w.r[2]
    );
    let d = e.scalar("SELECT detail FROM audit_log WHERE action = 'amend_review'");
    let v: serde_json::Value = serde_json::from_str(&d).unwrap();
    assert_eq!(v["review_id"].to_string(), w.r[2]);
    assert_eq!(v["reviewed_on"], serde_json::json!({"old": "2022-04-28", "new": "2022-05-02"}));
    assert_eq!(v["class"], serde_json::json!({"old": "C", "new": "B"}));
    assert_eq!(v["note"], "changed");
    assert!(v.get("member_id").is_none(), "unchanged values are not listed: {d}");
    assert!(!d.contains("gặp tại nhà"));
    // m1's c2 is now contacted in May: m1 2 cases, 2 contacted, 3 contacts.
    let rows = csv(e, &["report", "contacts", "-p", "2022-05"]);
    assert_eq!(row(&rows, &w.m[0])[4..], strs(&["2", "2", "0", "3", "100.0"]));
    assert_eq!(row(&rows, "TOTAL")[4..], strs(&["4", "4", "0", "5", "100.0"]));
    // The support: 5,000,000 was really 3,000,000.
    e.ok(&["amend", "support", &w.s[0], "--amount", "3.000.000"]);
    let d = e.scalar("SELECT detail FROM audit_log WHERE action = 'amend_support'");
    assert!(d.contains("\"amount\":{\"old\":5000000,\"new\":3000000}"), "{d}");
    let rows = csv(e, &["report", "summary", "-p", "2022-05"]);
    assert_eq!(row(&rows, "TOTAL")[14], "3000000");
    e.ok(&["check"]);
}

#[test]
fn a_second_contact_on_the_same_day_is_refused_unless_again() {
    let w = month();
    let e = &w.e;
    let err = e.refused(
        &["review", &w.c[0], "--class", "A", "--date", "03/05/2022"],
        &[&w.c[0], "already has a contact on 2022-05-03", &format!("review {}", w.r[0]), "--again"],
    );
    assert!(err.contains("--again"));
    let vi = e.refused(&["--lang", "vi", "review", &w.c[0], "--class", "A", "--date", "2022-05-03"], &["--again"]);
    assert!(vi.contains("đã có lần tiếp xúc ngày 2022-05-03"), "{vi}");
    let again = e.ok(&["review", &w.c[0], "--class", "A", "--date", "2022-05-03", "--again"]);
    assert_eq!(e.scalar(&format!("SELECT class FROM reviews WHERE id = {again}")), "A");
    // A voided contact does not count: c3's 05-12 may be recorded anew.
    e.ok(&["review", &w.c[2], "--class", "A", "--date", "2022-05-12"]);
    // Supports: the same case, day, kind and amount is refused; another amount or kind is not.
    e.refused(
        &["support", &w.c[0], "--kind", "loan", "--amount", "5000000", "--date", "2022-05-03"],
        &["already has this support on 2022-05-03", &format!("support {}", w.s[0]), "--again"],
    );
    e.ok(&["support", &w.c[0], "--kind", "loan", "--amount", "2000000", "--date", "2022-05-03"]);
    e.ok(&["support", &w.c[0], "--kind", "gift", "--date", "2022-05-03"]);
    e.refused(&["support", &w.c[0], "--kind", "gift", "--date", "2022-05-03"], &["amount none"]);
}

#[test]
fn members_are_found_by_name_and_an_ambiguous_name_is_refused() {
    let w = month();
    let e = &w.e;
    let err = e.refused(
        &["review", &w.c[0], "--class", "B", "--date", "2022-05-25", "--by", "tran thi lan"],
        &[
            "'tran thi lan' is the name of 2 current members",
            &format!("{} (PN, ward 2)", w.m[0]),
            &format!("{} (TN, ward 10)", w.m[2]),
        ],
    );
    assert!(!err.contains("Trần"), "no stored names in the refusal: {err}");
    e.refused(&["assign", &w.c[3], "Nobody Here"], &["unknown member 'Nobody Here'"]);
    assert_eq!(e.ok(&["assign", &w.c[3], "LÊ VĂN HÙNG", "--date", "2022-06-01"]), w.c[3]);
    assert_eq!(e.scalar("SELECT member_id FROM assignments WHERE end_on IS NULL AND case_id = 4"), w.m[1]);
    let v: serde_json::Value = serde_json::from_str(&e.ok(&["member", "show", "do van minh", "-f", "json"])).unwrap();
    assert_eq!(v["member"]["id"].to_string(), w.m[3]);
    e.ok(&["member", "edit", "Đỗ Văn Minh", "--phone", "0909123456"]);
    // member list --search: part of a name, ignoring case and accents.
    let rows = csv(e, &["member", "list", "--search", "tran"]);
    let ids: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(ids.len(), 2);
    assert!(ids.contains(&w.m[0].as_str()) && ids.contains(&w.m[2].as_str()));
}

#[test]
fn on_a_terminal_each_write_says_what_it_recorded() {
    let w = month();
    let e = &w.e;
    let tty = |args: &[&str], lang: &str| {
        let mut a = vec!["--lang", lang];
        a.extend_from_slice(args);
        let o = e.command(&a).env("MH51_ASSUME_TTY", "1").output().unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        (String::from_utf8(o.stdout).unwrap(), String::from_utf8(o.stderr).unwrap())
    };
    let (out, err) = tty(&["review", &w.c[0], "--class", "B", "--date", "2023-06-30"], "vi");
    let id = out.trim();
    assert!(id.parse::<i64>().is_ok(), "stdout is only the id: {out:?}");
    assert_eq!(
        err.trim(),
        format!(
            "đã ghi tiếp xúc {id}: {} Nguyễn Văn An, ngày 30/06/2023 (hôm nay), loại B, thành viên {} Trần Thị Lan",
            w.c[0], w.m[0]
        )
    );
    let (out, err) = tty(&["support", &w.c[1], "--kind", "loan", "--amount", "2000000", "--date", "2023-06-29"], "en");
    assert_eq!(
        err.trim(),
        format!(
            "recorded support {}: {} Phạm Văn Bình, on 2023-06-29 (yesterday), loan 2,000,000 đ, member {} Trần Thị Lan",
            out.trim(),
            w.c[1],
            w.m[0]
        )
    );
    let (_, err) = tty(&["void", "review", id, "--reason", "nhầm"], "vi");
    assert!(err.starts_with(&format!("đã hủy tiếp xúc {id}: {} Nguyễn Văn An", w.c[0])), "{err}");
    let (_, err) = tty(&["assign", &w.c[3], &w.m[1], "--date", "2022-06-01"], "en");
    assert_eq!(
        err.trim(),
        format!("assigned case {} Bùi Thị Dung to member {} Lê Văn Hùng, from 2022-06-01", w.c[3], w.m[1])
    );
    let (out, err) =
        tty(&["enroll", "Lý Văn Tám", "--ward", "5", "--category", "prison", "--date", "2023-06-01"], "vi");
    assert!(err.starts_with(&format!("đã đưa vào diện hồ sơ {} Lý Văn Tám: Phường 5,", out.trim())), "{err}");
    let (_, err) = tty(&["member", "add", "Hồ Thị Yến", "--org", "PN", "--ward", "3", "--joined", "2023-01-01"], "vi");
    assert!(err.contains("Hồ Thị Yến (Hội Liên hiệp Phụ nữ, Phường 3)"), "{err}");
    // Not on a terminal (piped, as in scripts): nothing on stderr.
    let o = e.command(&["review", &w.c[1], "--class", "A", "--date", "2023-06-30"]).output().unwrap();
    assert!(o.status.success() && o.stderr.is_empty(), "{}", String::from_utf8_lossy(&o.stderr));
    // Names never reach the audit log.
    assert_eq!(e.scalar("SELECT count(*) FROM audit_log WHERE detail LIKE '%Nguyễn%' OR detail LIKE '%Lý Văn%'"), "0");
}

#[test]
fn a_scoped_brief_says_which_part_it_covers() {
    let w = month();
    let e = &w.e;
    let out = e.path("b.html");
    e.ok(&["report", "brief", "-p", "2022-05", "-o", out.to_str().unwrap(), "--ward", "10"]);
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.contains("Quận 6 — only ward 10"), "{html}");
    let out = e.path("b-vi.html");
    e.ok(&["--lang", "vi", "report", "brief", "-p", "2022-05", "-o", out.to_str().unwrap(), "--org", "PN"]);
    assert!(std::fs::read_to_string(&out).unwrap().contains("Quận 6 — chỉ đoàn thể PN"));
    e.refused(&["report", "brief", "-p", "2022-05", "-o", "x.html", "--ward", "99"], &["unknown ward '99'"]);
}
