//! Tests: wards change (SPEC §13) — mergers, moves, the ward on the last open day, the
//! structure of a later day, and handing a ward its own register. Every expected figure
//! below is worked out by hand from the history the test writes (see the comments).

use std::collections::BTreeMap;

use crate::util::{csv_rows, Env};

/// A register whose "today" is late 2025, so mergers of 1 July 2025 can be recorded.
fn env() -> Env {
    let mut e = Env::empty();
    e.today = "2025-12-31".into();
    e.ok(&["init", "--district", "Quận 6"]);
    e
}

/// Summary (or quota) CSV as group → figures (every column after `group`, as text).
fn report(e: &Env, args: &[&str]) -> BTreeMap<String, Vec<String>> {
    let mut a = vec!["report"];
    a.extend_from_slice(args);
    a.extend_from_slice(&["-f", "csv"]);
    csv_rows(&e.ok(&a)).into_iter().skip(1).map(|r| (r[0].clone(), r[1..].to_vec())).collect()
}

/// The summary's opening, intake, exits and closing of one row.
fn oiec(rows: &BTreeMap<String, Vec<String>>, g: &str) -> [i64; 4] {
    let r = rows.get(g).unwrap_or_else(|| panic!("no row {g} in {rows:?}"));
    let n = |i: usize| r[i].parse::<i64>().unwrap();
    [n(0), n(1), n(9), n(10)]
}

fn groups(rows: &BTreeMap<String, Vec<String>>) -> Vec<String> {
    rows.keys().cloned().collect()
}

/// The hand-worked history of the merger tests:
/// - 2025-0001 ward 1, enrolled 2025-01-10, open;
/// - 2025-0002 ward 2, enrolled 2025-02-01, released (moved) 2025-06-30, the day before;
/// - 2025-0003 ward 7, enrolled 2025-03-01, released (deceased) 2025-07-01, the merger day;
/// - 2025-0004 ward 3, enrolled 2025-04-01, open (ward 3 is not merged);
///
/// then wards 1, 2, 7 merged into the new ward BT on 2025-07-01.
fn merged() -> Env {
    let e = env();
    assert_eq!(e.enroll("Khách Một", "1", "2025-01-10", &[]), "2025-0001");
    assert_eq!(e.enroll("Khách Hai", "2", "2025-02-01", &[]), "2025-0002");
    assert_eq!(e.enroll("Khách Ba", "7", "2025-03-01", &[]), "2025-0003");
    assert_eq!(e.enroll("Khách Bốn", "3", "2025-04-01", &[]), "2025-0004");
    e.ok(&["release", "2025-0002", "--reason", "moved", "--date", "2025-06-30"]);
    e.ok(&["release", "2025-0003", "--reason", "deceased", "--date", "2025-07-01"]);
    e
}

fn merge_bt(e: &Env) {
    let out =
        e.ok(&["ward", "merge", "1", "2", "7", "--into", "BT", "--name", "Phường Bình Tiên", "--on", "2025-07-01"]);
    assert_eq!(out, "BT");
}

#[test]
fn a_merger_on_the_first_day_of_a_period() {
    let e = merged();
    merge_bt(&e);
    // 2025-Q3 begins on the merger day: wards 1, 2, 7 no longer exist on any of its days, so
    // they have no row; BT does. BT opens with 0001 and 0003 (0003 is released on the first
    // day, so it is in the opening stock and exits); 0002 left the day before: nowhere.
    let s = report(&e, &["summary", "-p", "2025-Q3"]);
    for gone in ["1", "2", "7"] {
        assert!(!s.contains_key(gone), "ward {gone} was dissolved before the period: {s:?}");
    }
    assert_eq!(oiec(&s, "BT"), [2, 0, 1, 1]);
    assert_eq!(oiec(&s, "3"), [1, 0, 0, 1]);
    assert_eq!(oiec(&s, "TOTAL"), [3, 0, 1, 2]);
    assert_eq!(s.len(), 11 + 1 + 1, "wards 3–6 and 8–14, BT, TOTAL: {:?}", groups(&s));
    e.ok(&["check"]);
}

#[test]
fn a_merger_on_the_last_day_of_a_period() {
    let e = merged();
    merge_bt(&e);
    // 2025-01-01..2025-07-01 ends on the merger day: every ward existed on some day of it.
    // Each case sits in its ward on its last open day: 0001 (open) on 07-01 → BT; 0002
    // (released 06-30) → 2; 0003 (released on the merger day, 07-01) → BT; 0004 → 3.
    let p = "2025-01-01..2025-07-01";
    let s = report(&e, &["summary", "-p", p]);
    assert_eq!(oiec(&s, "BT"), [0, 2, 1, 1]);
    assert_eq!(oiec(&s, "2"), [0, 1, 1, 0]);
    assert_eq!(oiec(&s, "1"), [0, 0, 0, 0]);
    assert_eq!(oiec(&s, "7"), [0, 0, 0, 0]);
    assert_eq!(oiec(&s, "3"), [0, 1, 0, 1]);
    assert_eq!(oiec(&s, "TOTAL"), [0, 4, 2, 2]);
    // The structure of the merger day puts 1, 2 and 7 under BT: BT takes 0002 too.
    let t = report(&e, &["summary", "-p", p, "--structure", "2025-07-01"]);
    assert_eq!(oiec(&t, "BT"), [0, 3, 2, 1]);
    assert!(!t.contains_key("1") && !t.contains_key("2") && !t.contains_key("7"), "{t:?}");
    assert_eq!(t["TOTAL"], s["TOTAL"], "totals never change with grouping");
}

#[test]
fn a_merger_recorded_today_never_changes_an_earlier_period() {
    let e = merged();
    let periods = ["2025-Q1", "2025-Q2", "2025-06", "2024", "2025-01-01..2025-06-30"];
    let before: Vec<String> = periods.iter().map(|p| e.ok(&["report", "summary", "-p", p, "-f", "csv"])).collect();
    let quota_before = e.ok(&["report", "quota", "-p", "2025-Q2", "-f", "csv"]);
    merge_bt(&e);
    for (p, b) in periods.iter().zip(&before) {
        assert_eq!(&e.ok(&["report", "summary", "-p", p, "-f", "csv"]), b, "period {p}");
    }
    assert_eq!(e.ok(&["report", "quota", "-p", "2025-Q2", "-f", "csv"]), quota_before);
    // Q2 regrouped by the wards of 1 July: 1 (0001 open), 2 (0002 opens, exits), 7 (0003
    // open) all land in BT: opening 3, one exit, closing 2; ward 3 takes in 0004.
    let t = report(&e, &["summary", "-p", "2025-Q2", "--structure", "2025-07-01"]);
    assert_eq!(oiec(&t, "BT"), [3, 0, 1, 2]);
    assert_eq!(oiec(&t, "3"), [0, 1, 0, 1]);
    assert_eq!(oiec(&t, "TOTAL"), [3, 1, 1, 3]);
    // A structure before the merger changes nothing.
    assert_eq!(
        report(&e, &["summary", "-p", "2025-Q2", "--structure", "2025-06-30"]),
        report(&e, &["summary", "-p", "2025-Q2"])
    );
}

#[test]
fn a_case_released_on_the_merger_day_moves_with_its_ward() {
    let e = merged();
    merge_bt(&e);
    // 0003 was under management on 07-01 (released that day): it moved to BT on 07-01;
    // 0002, released the day before, stays in ward 2 for good.
    let ward = |c: &str| e.scalar(&format!("SELECT ward FROM v_cases WHERE case_no = '{c}'"));
    assert_eq!(ward("2025-0003"), "BT");
    assert_eq!(ward("2025-0002"), "2");
    assert_eq!(ward("2025-0001"), "BT");
    assert_eq!(ward("2025-0004"), "3");
    let show = e.ok(&["show", "2025-0003", "-f", "csv"]);
    assert!(show.contains("2025-07-01,merge,,7 → BT"), "{show}");
    // July alone: 0003 opens and exits in BT.
    let s = report(&e, &["summary", "-p", "2025-07"]);
    assert_eq!(oiec(&s, "BT"), [2, 0, 1, 1]);
}

#[test]
fn a_move_and_a_merger_of_the_same_case() {
    let e = env();
    // Enrolled in ward 1 on 2024-01-05, moved to ward 2 on 2024-06-01; ward 2 (with 9) is
    // merged into the new ward BTY on 2025-07-01.
    let c = e.enroll("Người Chuyển", "1", "2024-01-05", &[]);
    assert_eq!(e.ok(&["move", &c, "--ward", "2", "--date", "2024-06-01"]), c);
    e.ok(&["ward", "merge", "2", "9", "--into", "BTY", "--name", "Phường Bình Tây", "--on", "2025-07-01"]);
    // Up to 31 May 2024 the case was in ward 1; for 2024 as a whole (last day 12-31) in 2.
    let may = report(&e, &["summary", "-p", "2024-01-01..2024-05-31"]);
    assert_eq!(oiec(&may, "1"), [0, 1, 0, 1]);
    assert_eq!(oiec(&may, "2"), [0, 0, 0, 0]);
    let y2024 = report(&e, &["summary", "-p", "2024"]);
    assert_eq!(oiec(&y2024, "2"), [0, 1, 0, 1]);
    assert_eq!(oiec(&y2024, "1"), [0, 0, 0, 0]);
    assert!(!y2024.contains_key("BTY"), "BTY did not exist in 2024");
    // 2024 by the wards of 2026: ward 2 is BTY's; ward 1 was not merged and stays itself.
    let s = report(&e, &["summary", "-p", "2024", "--structure", "2026-01-01"]);
    assert_eq!(oiec(&s, "BTY"), [0, 1, 0, 1]);
    assert_eq!(oiec(&s, "1"), [0, 0, 0, 0]);
    assert!(!s.contains_key("2") && !s.contains_key("9"));
    let y2025 = report(&e, &["summary", "-p", "2025"]);
    assert_eq!(oiec(&y2025, "BTY"), [1, 0, 0, 1]);
    let show = e.ok(&["show", &c, "-f", "csv"]);
    assert!(show.contains("2024-06-01,move,,1 → 2"), "{show}");
    assert!(show.contains("2025-07-01,merge,,2 → BTY"), "{show}");
    // The table a person reads shows them too, in their language.
    let table = e.ok(&["--lang", "vi", "show", &c]);
    assert!(table.contains("chuyển phường") && table.contains("1 → 2"), "{table}");
    assert!(table.contains("sáp nhập phường") && table.contains("2 → BTY"), "{table}");
    assert_eq!(e.scalar(&format!("SELECT ward FROM v_cases WHERE case_no = '{c}'")), "BTY");
    e.ok(&["check"]);
    // Moves are recorded in order, into wards that exist on their day, and somewhere new.
    e.refused(&["move", &c, "--ward", "3", "--date", "2024-03-01"], &["2024-03-01", "2025-07-01"]);
    e.refused(&["move", &c, "--ward", "2", "--date", "2025-08-01"], &["ward 2 was dissolved on 2025-07-01", "BTY"]);
    e.refused(&["move", &c, "--ward", "BTY", "--date", "2025-08-01"], &["already in ward BTY"]);
    e.refused(&["move", &c, "--ward", "99", "--date", "2025-08-01"], &["unknown ward '99'"]);
    e.refused(&["move", &c, "--ward", "3", "--date", "2026-02-01"], &["2026-02-01"]);
    e.refused(&["move", "2024-0099", "--ward", "3"], &["2024-0099"]);
    // A correction can no longer rewrite a history that has moves in it.
    e.refused(&["edit", &c, "--ward", "3"], &[&c, "mh51 move"]);
    // A release cannot be dated before a move; one dated before the merger takes the case
    // out of the merger (it was no longer there on 1 July).
    e.refused(&["release", &c, "--reason", "other", "--date", "2024-05-31"], &["2024-06-01"]);
    e.ok(&["release", &c, "--reason", "other", "--date", "2025-06-30"]);
    assert_eq!(e.scalar(&format!("SELECT ward FROM v_cases WHERE case_no = '{c}'")), "2");
    assert_eq!(oiec(&report(&e, &["summary", "-p", "2025"]), "2"), [1, 0, 1, 0]);
    e.ok(&["check"]);
    e.ok(&["reopen", &c]);
    assert_eq!(e.scalar(&format!("SELECT ward FROM v_cases WHERE case_no = '{c}'")), "BTY");
    e.ok(&["check"]);
}

#[test]
fn quota_puts_a_member_in_their_ward_on_their_last_day() {
    let e = env();
    // M1 ward 1, left 2025-03-31 (before the merger); M2 ward 1, still serving; M3 joined
    // ward 2 on 2025-01-01 and moved to ward 3 on 2025-05-01. Wards 1 and 2 merged into BT
    // on 2025-07-01. M2 is credited one progressed release on 2025-09-01.
    let m1 = e.member("Thành Viên Một", "PN", "1");
    let m2 = e.member("Thành Viên Hai", "CA", "1");
    let m3 = e.ok(&["member", "add", "Thành Viên Ba", "--org", "TN", "--ward", "2", "--joined", "2025-01-01"]);
    e.ok(&["member", "leave", &m1, "--date", "2025-03-31"]);
    assert_eq!(e.ok(&["member", "move", &m3, "--ward", "3", "--date", "2025-05-01"]), m3);
    let c = e.enroll("Người Tiến Bộ", "1", "2024-02-01", &["--member", &m2]);
    e.ok(&["ward", "merge", "1", "2", "--into", "BT", "--name", "Phường Bình Tiên", "--on", "2025-07-01"]);
    e.ok(&["release", &c, "--reason", "progressed", "--date", "2025-09-01"]);
    // 2025: M1's last day of membership is 03-31 → ward 1; M2's is 12-31 → BT; M3's → 3.
    let q = report(&e, &["quota", "-p", "2025"]);
    let members = |g: &str| q[g][0].clone();
    let achieved = |g: &str| q[g][2].clone();
    assert_eq!(
        (members("1"), members("2"), members("3"), members("BT")),
        ("1".into(), "0".into(), "1".into(), "1".into())
    );
    assert_eq!(achieved("BT"), "1");
    assert_eq!(q["TOTAL"][0], "3");
    // The structure of 2026: wards 1 and 2 are BT's.
    let s = report(&e, &["quota", "-p", "2025", "--structure", "2026-01-01"]);
    assert_eq!(s["BT"][..4], ["2", "4", "1", "0"]);
    assert_eq!(s["3"][0], "1");
    assert_eq!(s["TOTAL"], q["TOTAL"]);
    // 2025-Q1: M1 and M2 in ward 1, M3 still in ward 2; BT did not exist yet.
    let q1 = report(&e, &["quota", "-p", "2025-Q1"]);
    assert_eq!((q1["1"][0].as_str(), q1["2"][0].as_str()), ("2", "1"));
    assert!(!q1.contains_key("BT"));
    // M1 left before the merger: not moved; M2 was.
    assert_eq!(e.scalar(&format!("SELECT count(*) FROM member_wards WHERE member_id = {m1}")), "1");
    assert_eq!(e.scalar(&format!("SELECT ward FROM v_members WHERE id = {m2}")), "BT");
    assert_eq!(e.scalar(&format!("SELECT ward FROM v_members WHERE id = {m1}")), "1");
    // --by member shows the ward of the period.
    let by_member = e.ok(&["report", "quota", "-p", "2025-Q1", "--by", "member", "-f", "csv"]);
    assert!(by_member.contains(&format!("{m3},Thành Viên Ba,TN,2,")), "{by_member}");
    e.ok(&["check"]);
    e.refused(&["member", "move", &m1, "--ward", "3", "--date", "2025-05-01"], &["left on 2025-03-31"]);
    e.refused(&["member", "move", &m2, "--ward", "1", "--date", "2025-08-01"], &["dissolved", "BT"]);
    e.refused(&["member", "edit", &m3, "--ward", "4"], &["member move"]);
    e.refused(&["member", "leave", &m3, "--date", "2025-04-30"], &["2025-05-01"]);
}

#[test]
fn a_case_typed_into_a_ward_after_its_merger_belongs_to_the_new_ward() {
    let e = env();
    // Typed before the merger was recorded: enrolled in ward 8 on 2025-08-01.
    let c = e.enroll("Người Đến Sau", "8", "2025-08-01", &[]);
    let m = e.ok(&["member", "add", "Thành Viên Sau", "--org", "PN", "--ward", "8", "--joined", "2025-09-01"]);
    e.ok(&["ward", "merge", "8", "--into", "BT", "--name", "Phường Bình Tiên", "--on", "2025-07-01"]);
    assert_eq!(e.scalar(&format!("SELECT ward FROM v_cases WHERE case_no = '{c}'")), "BT");
    assert_eq!(e.scalar(&format!("SELECT ward FROM v_members WHERE id = {m}")), "BT");
    assert_eq!(e.scalar("SELECT count(*) FROM case_wards"), "1", "one row, BT from the first day");
    let s = report(&e, &["summary", "-p", "2025"]);
    assert_eq!(oiec(&s, "BT"), [0, 1, 0, 1]);
    assert_eq!(oiec(&s, "8"), [0, 0, 0, 0]);
    e.ok(&["check"]);
    // From now on ward 8 is refused, naming BT.
    e.refused(
        &["enroll", "Người Mới", "--ward", "8", "--category", "prison", "--date", "2025-10-01"],
        &["ward 8 was dissolved on 2025-07-01", "ward BT"],
    );
    e.refused(
        &["member", "add", "Thành Viên Mới", "--org", "PN", "--ward", "phuong 8", "--joined", "2025-10-01"],
        &["ward BT"],
    );
    // Before its creation BT does not exist either.
    e.refused(
        &["enroll", "Người Cũ", "--ward", "BT", "--category", "prison", "--date", "2025-06-01"],
        &["ward BT exists only from 2025-07-01"],
    );
    // But a case of June may still be typed into ward 8: it existed then; the case follows
    // the merger to BT on 1 July.
    let june = e.enroll("Người Tháng Sáu", "8", "2025-06-01", &[]);
    assert_eq!(e.scalar(&format!("SELECT ward FROM v_cases WHERE case_no = '{june}'")), "BT");
    let june_q2 = report(&e, &["summary", "-p", "2025-Q2"]);
    assert_eq!(oiec(&june_q2, "8"), [0, 1, 0, 1]);
    e.ok(&["check"]);
}

#[test]
fn merge_refusals_name_the_bad_value_and_change_nothing() {
    let e = merged();
    merge_bt(&e);
    e.refused(&["ward", "merge", "99", "--into", "3", "--on", "2025-08-01"], &["unknown ward '99'"]);
    e.refused(
        &["ward", "merge", "1", "--into", "3", "--on", "2025-08-01"],
        &["ward 1 was already dissolved on 2025-07-01", "merged into ward BT"],
    );
    e.refused(&["ward", "merge", "4", "--into", "3", "--on", "2026-03-01"], &["2026-03-01"]);
    e.refused(&["ward", "merge", "4", "--into", "1", "--on", "2025-08-01"], &["ward 1 was dissolved", "ward BT"]);
    e.refused(&["ward", "merge", "4", "--into", "NEW", "--on", "2025-08-01"], &["'NEW' does not exist", "--name"]);
    e.refused(&["ward", "merge", "4", "--into", "4", "--on", "2025-08-01"], &["ward 4 is both"]);
    e.refused(
        &["ward", "merge", "4", "--into", "BT", "--name", "Tên Khác", "--on", "2025-08-01"],
        &["--name 'Tên Khác'"],
    );
    e.refused(
        &["ward", "merge", "4", "--into", "NEW", "--name", "Phường 5", "--on", "2025-08-01"],
        &["'Phường 5' already exists"],
    );
    e.refused(&["ward", "merge", "BT", "--into", "4", "--on", "2025-06-01"], &["ward BT exists only from 2025-07-01"]);
    e.refused(&["ward", "rename", "BT", "Phường 5"], &["'Phường 5'", "ward 5"]);
    e.refused(&["ward", "rename", "42", "Phường Mới"], &["unknown ward '42'"]);
    e.refused(&["ward", "rename", "BT", "Phường Bình Tiên"], &["ward BT is already named 'Phường Bình Tiên'"]);
    // A ward that takes another over on a day cannot be dissolved before that day.
    e.ok(&["ward", "merge", "6", "--into", "3", "--on", "2025-08-01"]);
    e.refused(
        &["ward", "merge", "3", "--into", "5", "--on", "2025-07-15"],
        &["ward 3 takes over ward 6 on 2025-08-01", "cannot be dissolved on 2025-07-15"],
    );
    e.refused(&["settings", "colour", "blue"], &["unknown setting 'colour'", "district, ward_label"]);
    e.refused(&["settings", "ward_label", "  "], &["invalid ward_label"]);
    e.refused(&["settings", "district"], &["give a value for 'district'"]);
    e.refused(&["edit", "2025-0004", "--ward", "1"], &["ward 1 was dissolved on 2025-07-01", "BT"]);
    // --structure regroups wards only.
    e.refused(&["report", "summary", "-p", "2025", "--by", "org", "--structure", "2025-07-01"], &["--by ward"]);
    e.refused(&["report", "quota", "-p", "2025", "--by", "member", "--structure", "2025-07-01"], &["--by ward"]);
    e.refused(&["report", "summary", "-p", "2025", "--structure", "31/02/2025"], &["31/02/2025"]);
}

#[test]
fn each_ward_change_is_one_audited_transaction() {
    let e = merged();
    let rows = || e.scalar("SELECT count(*) FROM audit_log").parse::<i64>().unwrap();
    let n = rows();
    merge_bt(&e);
    e.ok(&["move", "2025-0004", "--ward", "4", "--date", "2025-08-01"]);
    e.ok(&["ward", "rename", "BT", "Phường Bình Tiên Mới"]);
    e.ok(&["settings", "district", "Phường Bình Tiên"]);
    e.ok(&["settings", "ward_label", "Khu phố"]);
    assert_eq!(rows(), n + 5);
    let actions = e.ok(&[
        "query",
        "SELECT action || ':' || entity || ':' || entity_key FROM audit_log ORDER BY seq DESC LIMIT 5",
        "-f",
        "csv",
    ]);
    assert_eq!(
        csv_rows(&actions).into_iter().skip(1).map(|r| r[0].clone()).collect::<Vec<_>>(),
        ["set:setting:ward_label", "set:setting:district", "rename:ward:BT", "move:case:2025-0004", "merge:ward:BT"]
    );
    let merge = e.scalar("SELECT detail FROM audit_log WHERE action = 'merge'");
    assert!(merge.contains("\"wards\":[\"1\",\"2\",\"7\"]") && merge.contains("\"on\":\"2025-07-01\""), "{merge}");
    e.ok(&["audit", "verify"]);
    // The register's own name and word for its sub-units in titles and headers.
    let t = e.ok(&["report", "summary", "-p", "2025", "--lang", "vi"]);
    assert!(t.starts_with("Phường Bình Tiên — ") && t.contains("theo khu phố"), "{t}");
    let l = e.ok(&["list"]);
    assert!(l.contains("Khu phố") && !l.contains("Ward"), "{l}");
    let listed = e.ok(&["settings", "-f", "csv"]);
    assert!(listed.contains("district,Phường Bình Tiên") && listed.contains("ward_label,Khu phố"), "{listed}");
    // ward list: today's wards; --all every ward with its dates.
    let today = e.ok(&["ward", "list", "-f", "csv"]);
    assert!(!today.contains("\n1,") && today.contains("\nBT,Phường Bình Tiên Mới"), "{today}");
    let all = e.ok(&["ward", "list", "--all", "-f", "csv"]);
    assert!(all.contains("1,Phường 1,,2025-07-01,BT") && all.contains("BT,Phường Bình Tiên Mới,2025-07-01,,"), "{all}");
}

#[test]
fn edit_ward_corrects_from_the_first_day() {
    let e = env();
    let c = e.enroll("Người Sửa", "5", "2022-03-01", &[]);
    e.ok(&["edit", &c, "--ward", "6"]);
    // A correction: 2022 counts the case in ward 6, as if it had been typed right.
    let s = report(&e, &["summary", "-p", "2022"]);
    assert_eq!(oiec(&s, "6"), [0, 1, 0, 1]);
    assert_eq!(oiec(&s, "5"), [0, 0, 0, 0]);
    assert_eq!(e.scalar("SELECT count(*) || ':' || min(from_on) FROM case_wards"), "1:2022-03-01");
    // And a corrected enrollment date carries the history's first day with it.
    e.ok(&["edit", &c, "--date", "2022-02-01"]);
    assert_eq!(e.scalar("SELECT min(from_on) FROM case_wards"), "2022-02-01");
    e.ok(&["move", &c, "--ward", "7", "--date", "2022-05-01"]);
    e.refused(&["edit", &c, "--date", "2022-06-01"], &["2022-05-01"]);
    e.ok(&["check"]);
}

#[test]
fn check_finds_a_broken_ward_history() {
    let e = merged();
    merge_bt(&e);
    let raw = e.raw();
    raw.execute_batch(
        "UPDATE case_wards SET ward_id = (SELECT id FROM wards WHERE code = '1') WHERE from_on = '2025-07-01';
         UPDATE case_wards SET from_on = '2025-04-02' WHERE case_id = 4;
         UPDATE cases SET ward_id = (SELECT id FROM wards WHERE code = '5') WHERE id = 1;",
    )
    .unwrap();
    drop(raw);
    // `check` finds every broken rule and stays read-only while doing so.
    e.refused(
        &["check"],
        &[
            "case 2025-0001: a case is in a ward on a day the ward did not exist",
            "case 2025-0004: a case's ward history does not begin on its enrollment day",
            "case 2025-0001: a case's ward is not the ward of its latest ward history row",
        ],
    );
}

/// A source register for the hand-over: wards 1, 2, 3 with people who never met.
/// - 2022-0001 "Alpha Một" in ward 1 (id 079090001111, address "Hẻm Alpha"), reviewed, helped;
/// - 2022-0002 "Zyxw Qwerty" in ward 2 (id 079090002222, address "Đường Betaxyz") — never in 1;
/// - 2022-0003 "Gamma Ba" enrolled in ward 3, moved to ward 1 on 2023-02-01, released
///   (progressed) 2023-05-01; enrolled again in ward 3 as 2023-0001 — the same person;
/// - members: 1 in ward 1, 2 in ward 2, 3 in ward 3 (assigned 2022-0003 in ward 3).
fn handover_source() -> Env {
    let e = Env::new();
    let m1 = e.member("Thành Viên Alpha", "PN", "1");
    let m2 = e.member("Thành Viên Zulu", "CA", "2");
    let m3 = e.member("Thành Viên Gamma", "TN", "3");
    e.enroll(
        "Alpha Một",
        "1",
        "2022-01-10",
        &["--id-number", "079090001111", "--address", "Hẻm Alpha", "--member", &m1],
    );
    e.enroll(
        "Zyxw Qwerty",
        "2",
        "2022-01-11",
        &["--id-number", "079090002222", "--address", "Đường Betaxyz", "--member", &m2],
    );
    let g = e.enroll("Gamma Ba", "3", "2022-02-01", &["--id-number", "079090003333", "--member", &m3]);
    e.ok(&["review", "2022-0001", "--class", "A", "--date", "2022-03-01"]);
    e.ok(&["review", "2022-0002", "--class", "B", "--date", "2022-03-02", "--note", "Ghi chú Qwerty"]);
    e.ok(&["support", "2022-0001", "--kind", "loan", "--amount", "5000000", "--date", "2022-04-01"]);
    e.ok(&["move", &g, "--ward", "1", "--date", "2023-02-01"]);
    e.ok(&["release", &g, "--reason", "progressed", "--date", "2023-05-01"]);
    e.enroll("Gamma Ba", "3", "2023-06-01", &["--person", &g]);
    e
}

#[test]
fn extract_hands_a_ward_its_own_register() {
    let e = handover_source();
    let out = e.path("phuong1.db");
    let printed = e.ok(&["extract", "--ward", "1", "-o", out.to_str().unwrap()]);
    assert_eq!(printed, out.to_str().unwrap());
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(std::fs::metadata(&out).unwrap().permissions().mode() & 0o777, 0o600);
    // No byte of anyone else's data: the ward-2 person's name, id number, address, note.
    let bytes = std::fs::read(&out).unwrap();
    let has = |s: &str| bytes.windows(s.len()).any(|w| w == s.as_bytes());
    for other in ["Qwerty", "079090002222", "Betaxyz", "Thành Viên Zulu"] {
        assert!(!has(other), "{other} must not be in the extracted register");
    }
    // Its own people are: Alpha, and Gamma, whose 2022 case ended in ward 1 (moved there, then
    // released). Gamma's later case, opened in ward 3, is ward 3's business: not copied.
    assert!(has("Alpha M") && has("079090001111") && has("079090003333"));
    assert!(!std::path::Path::new(&format!("{}-wal", out.display())).exists());
    let x = Env { dir: tempfile::tempdir().unwrap(), db: out.clone(), today: e.today.clone() };
    let cases = x.ok(&["list", "--status", "all", "-f", "csv"]);
    let nos: Vec<String> = csv_rows(&cases).into_iter().skip(1).map(|r| r[0].clone()).collect();
    assert_eq!(nos, ["2022-0001", "2022-0003"]);
    x.ok(&["check"]);
    x.ok(&["audit", "verify"]);
    // Its audit chain starts with one extract row naming the source and its newest hash.
    assert_eq!(x.scalar("SELECT count(*) FROM audit_log"), "1");
    let src_hash = e.scalar("SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1");
    let detail = x.scalar("SELECT action || ' ' || entity_key || ' ' || detail FROM audit_log");
    assert!(detail.starts_with("extract test.db "), "{detail}");
    assert!(detail.contains(&src_hash) && detail.contains("\"wards\":[\"1\"]"), "{detail}");
    // For ward 1, every report gives the same row on both registers.
    for p in ["2022", "2023", "2023-Q1", "2023-05", "2022-01-01..2023-12-31"] {
        let a = report(&e, &["summary", "-p", p]);
        let b = report(&x, &["summary", "-p", p]);
        assert_eq!(a["1"], b["1"], "summary ward 1 over {p}");
        let a = report(&e, &["quota", "-p", &p[..4]]);
        let b = report(&x, &["quota", "-p", &p[..4]]);
        assert_eq!(a["1"], b["1"], "quota ward 1 over {p}");
    }
    // Overdue cases of ward 1 (with their members) are the same on both.
    let overdue = |env: &Env| -> Vec<Vec<String>> {
        csv_rows(&env.ok(&["report", "overdue", "--as-of", "2023-06-30", "-f", "csv"]))
            .into_iter()
            .filter(|r| r[2] == "1")
            .collect()
    };
    assert_eq!(overdue(&e).len(), 1, "2022-0001, last seen 2022-03-01");
    assert_eq!(overdue(&e), overdue(&x));
    // The ward's clerk names the new register and works on in it.
    x.ok(&["settings", "district", "Phường 1"]);
    x.ok(&["review", "2022-0001", "--class", "A", "--date", "2023-06-01"]);
    x.ok(&["check"]);
    x.ok(&["audit", "verify"]);
    // The source was only read.
    e.ok(&["check"]);
}

#[test]
fn extract_leaves_out_a_person_who_moved_away() {
    // SPEC §13: the cases whose current or last ward is one of the wards. Delta lived in ward 1
    // in 2022 and moved to ward 2 in 2023: ward 2's person now, so not in ward 1's register.
    let e = Env::new();
    let m1 = e.member("Thành Viên Alpha", "PN", "1");
    e.enroll("Alpha Một", "1", "2022-01-10", &["--id-number", "079090001111", "--member", &m1]);
    let d = e.enroll("Delta Bốn", "1", "2022-01-12", &["--id-number", "079090004444", "--address", "Hẻm Deltaqq"]);
    e.ok(&["move", &d, "--ward", "2", "--date", "2023-03-01"]);
    let out = e.path("p1.db");
    e.ok(&["extract", "--ward", "1", "-o", out.to_str().unwrap()]);
    let bytes = std::fs::read(&out).unwrap();
    let has = |s: &str| bytes.windows(s.len()).any(|w| w == s.as_bytes());
    assert!(has("079090001111"));
    for other in ["Delta", "079090004444", "Deltaqq"] {
        assert!(!has(other), "{other} moved away and must not be in ward 1's register");
    }
    let x = Env { dir: tempfile::tempdir().unwrap(), db: out.clone(), today: e.today.clone() };
    x.ok(&["check"]);
    // After the move, ward 1's rows agree; in 2022 the source still counts Delta in ward 1
    // (2 cases open at the end of 2022) and the extract has only Alpha.
    let a = report(&e, &["summary", "-p", "2023-Q2"]);
    let b = report(&x, &["summary", "-p", "2023-Q2"]);
    assert_eq!(a["1"], b["1"]);
    assert_eq!(report(&e, &["summary", "-p", "2022"])["1"][10], "2");
    assert_eq!(report(&x, &["summary", "-p", "2022"])["1"][10], "1");
}

#[test]
fn extract_refusals_leave_nothing_behind() {
    let e = handover_source();
    let out = e.path("x.db");
    e.refused(&["extract", "--ward", "99", "-o", out.to_str().unwrap()], &["unknown ward '99'"]);
    assert!(!out.exists());
    std::fs::write(&out, b"keep me").unwrap();
    e.refused(&["extract", "--ward", "1", "-o", out.to_str().unwrap()], &["already exists"]);
    assert_eq!(std::fs::read(&out).unwrap(), b"keep me");
}

/// Every report of the District 6 example as the previous mh51 (schema version 3, commit
/// 419d17e) printed it: `$ ARGS` lines, each followed by its CSV (tests/fixtures/README.md).
fn v3_reports() -> Vec<(Vec<String>, String)> {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/quan6-reports-v3.txt")).unwrap();
    let mut out: Vec<(Vec<String>, String)> = Vec::new();
    for line in text.lines() {
        if let Some(args) = line.strip_prefix("$ ") {
            out.push((args.split(' ').map(String::from).collect(), String::new()));
        } else if let Some(last) = out.last_mut() {
            last.1.push_str(line);
            last.1.push('\n');
        }
    }
    assert!(out.len() > 30);
    out
}

/// A copy of `src` as the previous mh51 would have left it: the schema of migrations 1–3 and
/// every row of the tables it had (the District 6 example has no moves or mergers, so its rows
/// are what the previous version writes for the same files).
fn as_version_3(src: &std::path::Path, dest: &std::path::Path) {
    let c = rusqlite::Connection::open(dest).unwrap();
    for m in &mh51::db::MIGRATIONS[..3] {
        c.execute_batch(m).unwrap();
    }
    c.execute_batch("PRAGMA user_version = 3;").unwrap();
    c.execute("ATTACH DATABASE ?1 AS s", [src.to_str().unwrap()]).unwrap();
    c.execute_batch(
        "INSERT INTO settings SELECT * FROM s.settings;
         INSERT INTO wards SELECT id, code, name, code_fold, name_fold, sort_key FROM s.wards;
         INSERT INTO orgs SELECT * FROM s.orgs;
         INSERT INTO categories SELECT * FROM s.categories;
         INSERT INTO persons SELECT * FROM s.persons;
         INSERT INTO members SELECT * FROM s.members;
         INSERT INTO cases SELECT * FROM s.cases;
         INSERT INTO assignments SELECT * FROM s.assignments;
         INSERT INTO reviews SELECT id, case_id, reviewed_on, class, member_id, note FROM s.reviews;
         INSERT INTO supports SELECT id, case_id, given_on, kind, amount, member_id, note FROM s.supports;
         INSERT INTO audit_log SELECT * FROM s.audit_log;
         DETACH DATABASE s;",
    )
    .unwrap();
}

#[test]
fn the_district_6_example_gives_the_previous_versions_figures_before_and_after_migration() {
    let e = Env::empty();
    e.ok(&["demo", "--db", e.db.to_str().unwrap()]);
    let old = Env::empty();
    as_version_3(&e.db, &old.db);
    assert_eq!(old.scalar("PRAGMA user_version"), "3");
    // Reports only read: the version-3 copy is migrated (backed up first) by `migrate`.
    old.ok(&["migrate"]);
    for (args, want) in v3_reports() {
        let a: Vec<&str> = args.iter().map(String::as_str).collect();
        // CSV rows end in CRLF (RFC 4180); the fixture is kept with plain line ends.
        let run = |env: &Env| format!("{}\n", env.ok(&a).replace("\r\n", "\n"));
        assert_eq!(run(&e), want, "new register: {args:?}");
        assert_eq!(run(&old), want, "migrated register: {args:?}");
    }
    assert_eq!(old.scalar("PRAGMA user_version"), mh51::db::SCHEMA_VERSION.to_string());
    assert!(old.path("test.db.v3.bak").exists());
    assert_eq!(old.scalar("SELECT count(*) FROM case_wards"), old.scalar("SELECT count(*) FROM cases"));
    old.ok(&["check"]);
}

#[test]
fn the_v1_fixture_gives_the_same_figures_after_migration() {
    // The v1 fixture (tests/fixtures/README.md): wards 1–3; 2022-0001 in ward 1, enrolled
    // 2022-03-01, reviewed once, a loan, released progressed; 2023-0001 enrolled 2023-01-10.
    // Before migration the previous versions grouped a case by its one stored ward; the
    // figures below are worked from the fixture's raw rows that way.
    let fixture = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/v1.db"));
    let raw = rusqlite::Connection::open_with_flags(fixture, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let rows: Vec<(String, String, Option<String>)> = raw
        .prepare("SELECT w.code, c.enrolled_on, c.released_on FROM cases c JOIN wards w ON w.id = c.ward_id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    drop(raw);
    let e = Env::empty();
    std::fs::copy(fixture, &e.db).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&e.db, std::fs::Permissions::from_mode(0o600)).unwrap();
    e.ok(&["migrate"]);
    for (p, f, t) in [
        ("2022", "2022-01-01", "2022-12-31"),
        ("2023", "2023-01-01", "2023-06-30"),
        ("2022-Q1", "2022-01-01", "2022-03-31"),
        ("2022-01-01..2023-06-30", "2022-01-01", "2023-06-30"),
    ] {
        let s = report(&e, &["summary", "-p", p]);
        for ward in ["1", "2", "3"] {
            let mut want = [0i64; 4];
            for (w, en, rel) in &rows {
                if w != ward || en.as_str() > t || rel.as_deref().is_some_and(|r| r < f) {
                    continue;
                }
                if en.as_str() < f {
                    want[0] += 1;
                } else {
                    want[1] += 1;
                }
                if rel.as_deref().is_some_and(|r| r <= t) {
                    want[2] += 1;
                } else {
                    want[3] += 1;
                }
            }
            assert_eq!(oiec(&s, ward), want, "ward {ward} over {p}");
        }
    }
    e.ok(&["check"]);
}

#[test]
fn import_refuses_a_dissolved_ward_in_its_column() {
    let e = env();
    e.ok(&["ward", "merge", "1", "--into", "2", "--on", "2025-07-01"]);
    let f = e.path("cases.csv");
    std::fs::write(
        &f,
        "name,ward,category,enrolled\nLê Văn Tám,1,prison,2025-08-01\nLê Văn Chín,1,prison,2025-05-01\n",
    )
    .unwrap();
    e.refused(
        &["import", "cases", f.to_str().unwrap()],
        &["cases.csv:2: ward: ward 1 was dissolved on 2025-07-01 and merged into ward 2"],
    );
    let m = e.path("members.csv");
    std::fs::write(&m, "name,org,ward,joined\nLê Văn Mười,PN,1,2025-08-01\n").unwrap();
    e.refused(&["import", "members", m.to_str().unwrap()], &["members.csv:2: ward: ward 1 was dissolved"]);
    // The row dated before the merger alone is accepted, and follows the merger.
    std::fs::write(&f, "name,ward,category,enrolled\nLê Văn Chín,1,prison,2025-05-01\n").unwrap();
    e.ok(&["import", "cases", f.to_str().unwrap()]);
    assert_eq!(e.scalar("SELECT ward FROM v_cases"), "2");
    e.ok(&["check"]);
}

#[test]
fn member_show_lists_the_members_wards_over_time() {
    let e = Env::new();
    let m = e.member("Thành Viên Một", "PN", "1");
    e.ok(&["member", "move", &m, "--ward", "2", "--date", "2022-03-01"]);
    e.ok(&["ward", "merge", "2", "--into", "3", "--on", "2023-01-01"]);
    let v: serde_json::Value = serde_json::from_str(&e.ok(&["member", "show", &m, "-f", "json"])).unwrap();
    let wards: Vec<(String, String, String)> = v["wards"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| {
            let s = |k: &str| w[k].as_str().unwrap().to_string();
            (s("from_on"), s("ward"), s("event"))
        })
        .collect();
    let want = [("2020-01-01", "1", "join"), ("2022-03-01", "2", "move"), ("2023-01-01", "3", "merge")];
    assert_eq!(wards, want.map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string())));
    let t = e.ok(&["--lang", "vi", "member", "show", &m]);
    assert!(t.contains("Lịch sử phường") && t.contains("01/03/2022") && t.contains("sáp nhập phường"), "{t}");
    // A member who never changed ward gets no history table.
    let other = e.member("Thành Viên Hai", "CA", "5");
    assert!(!e.ok(&["member", "show", &other]).contains("Ward history"));
}
