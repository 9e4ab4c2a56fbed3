//! Tests: reports (SPEC §6). One small history, every figure worked out by hand below.
//!
//! Members (joined 2020-01-01 unless noted):
//!   m1 Trần Thị Lan   PN  ward 2
//!   m2 Lê Văn Hùng    CCB ward 10
//!   m3 Đỗ Thị Mai     TN  ward 2, joined 2022-07-01 (mid-year)
//!   m4 Huỳnh Văn Tâm  CA  ward 10, left 2022-04-30
//! Cases:
//!   c1 ward 2  enrolled 2021-03-01, m1; released progressed 2022-01-01 (first day of 2022), credited m1
//!   c2 ward 10 enrolled 2021-06-15, m4; review 2022-02-01 (by m4); reassigned to m2 on 2022-03-31
//!      (last day of Q1); open
//!   c3 ward 2  enrolled 2022-02-10, m1; loan 3 000 000 on 2022-02-20; released progressed 2022-08-15
//!      with --credit m3 (credited to someone other than the assigned m1)
//!   c4 ward 10 enrolled 2022-05-05, nobody assigned; released moved 2022-06-01
//!   c5 ward 2  enrolled 2022-11-20 (category drugs), m3; review 2022-12-01; open
//!   c6 ward 10 enrolled 2020-05-01, m2; released deceased 2021-12-31 (before 2022: in no 2022 figure)

use crate::util::{csv_rows, Env};

struct World {
    env: Env,
    m: [String; 4],
    c: [String; 6],
}

fn world() -> World {
    let env = Env::new();
    let m1 = env.member("Trần Thị Lan", "PN", "2");
    let m2 = env.member("Lê Văn Hùng", "CCB", "10");
    let m3 = env.ok(&["member", "add", "Đỗ Thị Mai", "--org", "TN", "--ward", "2", "--joined", "2022-07-01"]);
    let m4 = env.member("Huỳnh Văn Tâm", "CA", "10");
    let c1 = env.enroll("Nguyễn Văn An", "2", "2021-03-01", &["--member", &m1]);
    let c2 = env.enroll("Phạm Văn Bình", "10", "2021-06-15", &["--member", &m4]);
    let c6 = env.enroll("Ngô Văn Phúc", "10", "2020-05-01", &["--member", &m2]);
    env.ok(&["release", &c6, "--reason", "deceased", "--date", "2021-12-31"]);
    env.ok(&["release", &c1, "--reason", "progressed", "--date", "2022-01-01"]);
    env.ok(&["review", &c2, "--class", "B", "--date", "2022-02-01"]);
    let c3 = env.enroll("Võ Văn Cường", "2", "2022-02-10", &["--member", &m1]);
    env.ok(&["support", &c3, "--kind", "loan", "--amount", "3000000", "--date", "2022-02-20"]);
    env.ok(&["assign", &c2, &m2, "--date", "2022-03-31"]);
    env.ok(&["member", "leave", &m4, "--date", "2022-04-30"]);
    let c4 = env.enroll("Bùi Thị Dung", "10", "2022-05-05", &[]);
    env.ok(&["release", &c4, "--reason", "moved", "--date", "2022-06-01"]);
    env.ok(&["release", &c3, "--reason", "progressed", "--date", "2022-08-15", "--credit", &m3]);
    let c5 = env.ok(&[
        "enroll",
        "Đặng Văn Em",
        "--ward",
        "2",
        "--category",
        "drugs",
        "--date",
        "2022-11-20",
        "--member",
        &m3,
    ]);
    env.ok(&["review", &c5, "--class", "A", "--date", "2022-12-01"]);
    World { env, m: [m1, m2, m3, m4], c: [c1, c2, c3, c4, c5, c6] }
}

/// CSV rows without the header, as joined strings for compact comparison.
fn lines(env: &Env, args: &[&str]) -> Vec<String> {
    let mut a = args.to_vec();
    a.extend(["-f", "csv"]);
    let rows = csv_rows(&env.ok(&a));
    rows.iter().map(|r| r.join(",")).collect()
}

fn row<'a>(lines: &'a [String], group: &str) -> &'a str {
    lines.iter().find(|l| l.split(',').next() == Some(group)).map(String::as_str).unwrap_or("<missing>")
}

const SUMMARY_HEADER: &str = "group,opening,intake,total_managed,progressed,moved,deceased,reoffended,institution,other,exits,closing,contacts,supports,loan_amount";

#[test]
fn summary_2022_by_ward() {
    let w = world();
    let l = lines(&w.env, &["report", "summary", "-p", "2022"]);
    assert_eq!(l[0], SUMMARY_HEADER);
    // Ward 2: c1 (opening; released progressed on the first day F), c3 (intake, progressed),
    // c5 (intake, open). Contacts: c5's review of 2022-12-01. Supports: c3's loan.
    assert_eq!(row(&l, "2"), "2,1,2,3,2,0,0,0,0,0,2,1,1,1,3000000");
    // Ward 10: c2 (opening, open), c4 (intake, moved); c6 released 2021-12-31 is not here.
    // Contacts: c2's review of 2022-02-01.
    assert_eq!(row(&l, "10"), "10,1,1,2,0,1,0,0,0,0,1,1,1,0,0");
    assert_eq!(row(&l, "1"), "1,0,0,0,0,0,0,0,0,0,0,0,0,0,0");
    // TOTAL: opening 2, intake 3, managed 5, progressed 2, moved 1, exits 3, closing 2.
    assert_eq!(l.last().unwrap(), "TOTAL,2,3,5,2,1,0,0,0,0,3,2,2,1,3000000");
    // 14 wards + header + TOTAL, wards in natural order (2 before 10).
    let groups: Vec<&str> = l.iter().map(|r| r.split(',').next().unwrap()).collect();
    let mut expected = vec!["group".to_string()];
    expected.extend((1..=14).map(|i| i.to_string()));
    expected.push("TOTAL".into());
    assert_eq!(groups, expected);
}

#[test]
fn released_on_the_first_day_counts_in_opening_and_exits_not_the_day_after() {
    let w = world();
    // F = 2022-01-02: c1 (released 2022-01-01) was released before F, so it is in no figure.
    // opening: c2 → 1; intake c3, c4, c5 → 3; progressed c3, moved c4 → exits 2; closing 2.
    let l = lines(&w.env, &["report", "summary", "-p", "2022-01-02..2022-12-31"]);
    assert_eq!(l.last().unwrap(), "TOTAL,1,3,4,1,1,0,0,0,0,2,2,2,1,3000000");
    // One day, 2022-01-01: c1 and c2 open at the start; c1 released that day.
    let l = lines(&w.env, &["report", "summary", "-p", "01/01/2022..01/01/2022"]);
    assert_eq!(l.last().unwrap(), "TOTAL,2,0,2,1,0,0,0,0,0,1,1,0,0,0");
}

#[test]
fn summary_by_org_uses_the_member_of_the_last_open_day() {
    let w = world();
    let l = lines(&w.env, &["report", "summary", "-p", "2022", "--by", "org"]);
    // c1: last open day its release 2022-01-01, m1 → PN. c3: released 2022-08-15 while assigned
    // to m1 → PN (the credit to m3 does not move it). PN: opening 1 (c1), intake 1 (c3),
    // progressed 2, closing 0, the loan of c3.
    assert_eq!(row(&l, "PN"), "PN,1,1,2,2,0,0,0,0,0,2,0,0,1,3000000");
    // c2: m2 since 2022-03-31 → CCB; its review (made by m4 of CA) counts in its case's row.
    assert_eq!(row(&l, "CCB"), "CCB,1,0,1,0,0,0,0,0,0,0,1,1,0,0");
    // c5: m3 → TN, with its review.
    assert_eq!(row(&l, "TN"), "TN,0,1,1,0,0,0,0,0,0,0,1,1,0,0");
    assert_eq!(row(&l, "CA"), "CA,0,0,0,0,0,0,0,0,0,0,0,0,0,0");
    // c4: nobody assigned → unassigned, last before TOTAL.
    assert_eq!(l[l.len() - 2], "unassigned,0,1,1,0,1,0,0,0,0,1,0,0,0,0");
    let groups: Vec<&str> = l.iter().map(|r| r.split(',').next().unwrap()).collect();
    assert_eq!(groups, ["group", "CA", "CCB", "MTTQ", "NCT", "PN", "TN", "unassigned", "TOTAL"]);
    // Same total as by ward.
    assert_eq!(l.last().unwrap(), "TOTAL,2,3,5,2,1,0,0,0,0,3,2,2,1,3000000");
}

#[test]
fn reassignment_on_the_last_day_goes_to_the_new_member() {
    let w = world();
    let l = lines(&w.env, &["report", "summary", "-p", "2022-Q1", "--by", "org"]);
    // On 2022-03-31 both m4 (ended that day) and m2 (started that day) qualify: the later, m2 (CCB).
    assert_eq!(row(&l, "CCB"), "CCB,1,0,1,0,0,0,0,0,0,0,1,1,0,0");
    assert_eq!(row(&l, "CA"), "CA,0,0,0,0,0,0,0,0,0,0,0,0,0,0");
    // PN: c1 (opening, progressed on 01-01) and c3 (intake 02-10, open on 03-31, loan).
    assert_eq!(row(&l, "PN"), "PN,1,1,2,1,0,0,0,0,0,1,1,0,1,3000000");
    assert_eq!(row(&l, "unassigned"), "unassigned,0,0,0,0,0,0,0,0,0,0,0,0,0,0");
    // Q1 ends the day before: m4 (CA) still had c2 on 2022-03-30.
    let l = lines(&w.env, &["report", "summary", "-p", "2022-01-01..2022-03-30", "--by", "org"]);
    assert_eq!(row(&l, "CA"), "CA,1,0,1,0,0,0,0,0,0,0,1,1,0,0");
    assert_eq!(row(&l, "CCB"), "CCB,0,0,0,0,0,0,0,0,0,0,0,0,0,0");
}

#[test]
fn summary_by_category() {
    let w = world();
    let l = lines(&w.env, &["report", "summary", "-p", "2022", "--by", "category"]);
    // drugs: c5 only (intake, open, one review); prison: the other four of 2022.
    assert_eq!(row(&l, "drugs"), "drugs,0,1,1,0,0,0,0,0,0,0,1,1,0,0");
    assert_eq!(row(&l, "prison"), "prison,2,2,4,2,1,0,0,0,0,3,1,1,1,3000000");
    // Categories sorted by code.
    assert_eq!(l[1].split(',').next(), Some("amnesty"));
    assert_eq!(l.last().unwrap(), "TOTAL,2,3,5,2,1,0,0,0,0,3,2,2,1,3000000");
}

#[test]
fn months_chain_and_total_the_whole_period() {
    let w = world();
    let l = lines(&w.env, &["report", "summary", "-p", "2022", "--by", "month"]);
    assert_eq!(l.len(), 14, "header, 12 months, TOTAL");
    // January: c1 and c2 open on the 1st, c1 released that day.
    assert_eq!(row(&l, "2022-01"), "2022-01,2,0,2,1,0,0,0,0,0,1,1,0,0,0");
    // February: c3 enrolled; c2's review; c3's loan.
    assert_eq!(row(&l, "2022-02"), "2022-02,1,1,2,0,0,0,0,0,0,0,2,1,1,3000000");
    // May: c4 enrolled. June: c4 moved. August: c3 progressed. November: c5. December: its review.
    assert_eq!(row(&l, "2022-05"), "2022-05,2,1,3,0,0,0,0,0,0,0,3,0,0,0");
    assert_eq!(row(&l, "2022-06"), "2022-06,3,0,3,0,1,0,0,0,0,1,2,0,0,0");
    assert_eq!(row(&l, "2022-08"), "2022-08,2,0,2,1,0,0,0,0,0,1,1,0,0,0");
    assert_eq!(row(&l, "2022-11"), "2022-11,1,1,2,0,0,0,0,0,0,0,2,0,0,0");
    assert_eq!(row(&l, "2022-12"), "2022-12,2,0,2,0,0,0,0,0,0,0,2,1,0,0");
    // Each closing is the next opening.
    for pair in l[1..13].windows(2) {
        let a: Vec<&str> = pair[0].split(',').collect();
        let b: Vec<&str> = pair[1].split(',').collect();
        assert_eq!(a[11], b[1], "closing of {} is the opening of {}", a[0], b[0]);
    }
    // The total row is the whole year (same as by ward).
    assert_eq!(l.last().unwrap(), "TOTAL,2,3,5,2,1,0,0,0,0,3,2,2,1,3000000");

    let q = lines(&w.env, &["report", "summary", "-p", "2022", "--by", "quarter"]);
    // Q1: c1 out, c3 in; Q2: c4 in and out; Q3: c3 out; Q4: c5 in.
    assert_eq!(
        q[1..].to_vec(),
        [
            "2022-Q1,2,1,3,1,0,0,0,0,0,1,2,1,1,3000000",
            "2022-Q2,2,1,3,0,1,0,0,0,0,1,2,0,0,0",
            "2022-Q3,2,0,2,1,0,0,0,0,0,1,1,0,0,0",
            "2022-Q4,1,1,2,0,0,0,0,0,0,0,2,1,0,0",
            "TOTAL,2,3,5,2,1,0,0,0,0,3,2,2,1,3000000",
        ]
    );
    // A period starting mid-month: the first row is clipped to the period.
    let l = lines(&w.env, &["report", "summary", "-p", "2022-02-15..2022-03-31", "--by", "month"]);
    // 2022-02-15..28: c2, c3 open at the start (c3 enrolled 02-10); the loan of 02-20.
    assert_eq!(row(&l, "2022-02"), "2022-02,2,0,2,0,0,0,0,0,0,0,2,0,1,3000000");
}

#[test]
fn period_forms_and_titles() {
    let w = world();
    let t = w.env.ok(&["report", "summary", "-p", "2022-Q1"]);
    assert!(t.lines().next().unwrap().contains("2022-01-01 to 2022-03-31"), "{t}");
    assert!(t.contains("Opening") && t.contains("Total managed") && t.contains("TOTAL"));
    assert_eq!(
        lines(&w.env, &["report", "summary", "-p", "2022q1"]),
        lines(&w.env, &["report", "summary", "-p", "2022-Q1"])
    );
    let t = w.env.ok(&["report", "summary", "-p", "2022-05"]);
    assert!(t.lines().next().unwrap().contains("Summary, May 2022 (2022-05-01 to 2022-05-31), by ward"), "{t}");
    let t = w.env.ok(&["report", "summary"]);
    // Default: this year (2023) up to today (2023-06-30): a range, named by its dates in words
    // (SPEC §11).
    assert!(t.lines().next().unwrap().contains("Summary, 1 Jan 2023 to 30 Jun 2023, by ward"), "{t}");
    // 2023 so far: c2 and c5 open from the start, nothing else → opening 2, closing 2.
    assert_eq!(lines(&w.env, &["report", "summary"]).last().unwrap(), "TOTAL,2,0,2,0,0,0,0,0,0,0,2,0,0,0");
    let t = w.env.ok(&["--lang", "vi", "report", "summary", "-p", "2022", "--by", "org"]);
    assert!(t.contains("Báo cáo tổng hợp năm 2022 (từ 01/01/2022 đến 31/12/2022), theo đoàn thể"), "{t}");
    assert!(t.contains("Đầu kỳ") && t.contains("Tiếp nhận") && t.contains("Cuối kỳ") && t.contains("Quận 6"), "{t}");
    // CSV headers stay English in Vietnamese.
    let c = w.env.ok(&["--lang", "vi", "report", "summary", "-p", "2022", "-f", "csv"]);
    assert!(c.starts_with(SUMMARY_HEADER));
}

#[test]
fn json_shape() {
    let w = world();
    let j: serde_json::Value =
        serde_json::from_str(&w.env.ok(&["report", "summary", "-p", "2022-Q1", "-f", "json"])).unwrap();
    let obj = j.as_object().unwrap();
    let mut keys: Vec<&String> = obj.keys().collect();
    keys.sort();
    assert_eq!(keys, ["period", "rows", "total"]);
    assert_eq!(j["period"], serde_json::json!({"from": "2022-01-01", "to": "2022-03-31"}));
    assert_eq!(j["rows"].as_array().unwrap().len(), 14);
    assert_eq!(j["rows"][1]["group"], "2");
    // Ward 2 in Q1: c1 opening and progressed, c3 intake with its loan.
    assert_eq!(j["rows"][1]["opening"], 1);
    assert_eq!(j["rows"][1]["loan_amount"], 3000000);
    assert_eq!(j["total"]["group"], "TOTAL");
    // Q1 total: opening c1, c2; intake c3; progressed c1; closing c2, c3.
    assert_eq!(j["total"]["total_managed"], 3);
    assert_eq!(j["total"]["closing"], 2);
    let q: serde_json::Value =
        serde_json::from_str(&w.env.ok(&["report", "quota", "-p", "2022", "-f", "json"])).unwrap();
    assert_eq!(q["total"]["pct"], 25.0);
}

const QUOTA_HEADER: &str = "group,members,target,achieved,members_met,shortfall,pct";

#[test]
fn quota_2022() {
    let w = world();
    let [m1, m2, m3, m4] = &w.m;
    // Members overlapping 2022: all four (m3 joined in July, m4 left in April).
    // Credits in 2022: m1 one (c1, 2022-01-01), m3 one (c3, credited by --credit), m2 and m4 none.
    let l = lines(&w.env, &["report", "quota", "-p", "2022", "--by", "member"]);
    assert_eq!(l[0], "group,name,org,ward,members,target,achieved,members_met,shortfall,pct");
    assert_eq!(
        l[1..].to_vec(),
        [
            format!("{m1},Trần Thị Lan,PN,2,1,2,1,0,1,50.0"),
            format!("{m2},Lê Văn Hùng,CCB,10,1,2,0,0,2,0.0"),
            format!("{m3},Đỗ Thị Mai,TN,2,1,2,1,0,1,50.0"),
            format!("{m4},Huỳnh Văn Tâm,CA,10,1,2,0,0,2,0.0"),
            "TOTAL,,,,4,8,2,0,6,25.0".to_string(),
        ]
    );
    let l = lines(&w.env, &["report", "quota", "-p", "2022"]);
    assert_eq!(l[0], QUOTA_HEADER);
    // Ward 2: m1 and m3, 2 credits of 4; ward 10: m2 and m4, none of 4.
    assert_eq!(row(&l, "2"), "2,2,4,2,0,2,50.0");
    assert_eq!(row(&l, "10"), "10,2,4,0,0,4,0.0");
    // No members: target 0, pct empty.
    assert_eq!(row(&l, "1"), "1,0,0,0,0,0,");
    assert_eq!(l.last().unwrap(), "TOTAL,4,8,2,0,6,25.0");
    let l = lines(&w.env, &["report", "quota", "-p", "2022", "--by", "org"]);
    assert_eq!(
        l[1..].to_vec(),
        [
            "CA,1,2,0,0,2,0.0",
            "CCB,1,2,0,0,2,0.0",
            "MTTQ,0,0,0,0,0,",
            "NCT,0,0,0,0,0,",
            "PN,1,2,1,0,1,50.0",
            "TN,1,2,1,0,1,50.0",
            "TOTAL,4,8,2,0,6,25.0",
        ]
    );
}

#[test]
fn quota_counts_members_whose_membership_overlaps_the_period() {
    let w = world();
    // Q1: m3 not yet joined → m1, m2, m4; m1 credited c1 → 1 of 6 = 16.7 %.
    let l = lines(&w.env, &["report", "quota", "-p", "2022-Q1"]);
    assert_eq!(l.last().unwrap(), "TOTAL,3,6,1,0,5,16.7");
    // Second half: m4 has left → m1, m2, m3; m3 credited c3 → 1 of 6.
    let l = lines(&w.env, &["report", "quota", "-p", "2022-07-01..2022-12-31", "--by", "member"]);
    let groups: Vec<&str> = l[1..].iter().map(|r| r.split(',').next().unwrap()).collect();
    assert_eq!(groups, [w.m[0].as_str(), w.m[1].as_str(), w.m[2].as_str(), "TOTAL"]);
    assert_eq!(l.last().unwrap(), "TOTAL,,,,3,6,1,0,5,16.7");
    // The title says the quota and the dates.
    let t = w.env.ok(&["report", "quota", "-p", "2022-Q1"]);
    assert!(t.lines().next().unwrap().contains("2 people per member") && t.contains("2022-01-01 to 2022-03-31"));
}

#[test]
fn quota_members_met_with_a_quota_of_one() {
    let env = Env::new();
    env.ok(&["init", "--db", "q1.db", "--quota", "1"]);
    let db = ["--db", "q1.db"];
    let run = |a: &[&str]| {
        let mut v = db.to_vec();
        v.extend_from_slice(a);
        env.ok(&v)
    };
    let m1 = run(&["member", "add", "Trương Văn Long", "--org", "MTTQ", "--ward", "3", "--joined", "2021-01-01"]);
    let _m2 = run(&["member", "add", "Phan Thị Nga", "--org", "MTTQ", "--ward", "3", "--joined", "2021-01-01"]);
    for (name, d) in [("Hồ Văn Ân", "2022-02-01"), ("Lưu Văn Bảo", "2022-03-01")] {
        let c = run(&["enroll", name, "--ward", "3", "--category", "youth", "--date", "2021-06-01", "--member", &m1]);
        run(&["release", &c, "--reason", "progressed", "--date", d]);
    }
    // m1: 2 credits ≥ 1 → met, shortfall 0; m2: 0 → shortfall 1. Target 2, achieved 2, 100.0 %.
    let rows = csv_rows(&run(&["report", "quota", "-p", "2022", "--by", "org", "-f", "csv"]));
    let mttq = rows.iter().find(|r| r[0] == "MTTQ").unwrap().join(",");
    assert_eq!(mttq, "MTTQ,2,2,2,1,1,100.0");
}

#[test]
fn quota_period_crossing_a_year_is_refused() {
    let w = world();
    w.env.refused(&["report", "quota", "-p", "2022-07-01..2023-06-30"], &["2022-07-01", "2023-06-30", "one year"]);
    // Bad periods and -f xlsx without a file.
    w.env.refused(&["report", "summary", "-p", "2022-13"], &["2022-13", "2022-Q1"]);
    w.env.refused(&["report", "summary", "-p", "2022-Q5"], &["2022-Q5"]);
    w.env.refused(&["report", "summary", "-p", "2022-05-20..2022-01-01"], &["ends before it starts"]);
    w.env.refused(&["report", "summary", "-f", "xlsx"], &["-o"]);
    w.env.refused(&["report", "overdue", "--as-of", "31/02/2022"], &["31/02/2022"]);
}

const OVERDUE_HEADER: &str = "case_no,name,ward,member_id,member_name,org,last_contact,days_since";

#[test]
fn overdue_lists_stale_and_unassigned_cases() {
    let w = world();
    let [_, c2, c3, c4, c5, _] = &w.c;
    let (m1, m2, m3) = (&w.m[0], &w.m[1], &w.m[2]);
    // As of 2022-05-20: c2 last contact 2022-02-01 (108 days); c3 never reviewed, enrolled
    // 2022-02-10 (99 days); c4 enrolled 2022-05-05 (15 days) but nobody assigned.
    let l = lines(&w.env, &["report", "overdue", "--as-of", "2022-05-20", "--days", "30"]);
    assert_eq!(l[0], OVERDUE_HEADER);
    assert_eq!(
        l[1..].to_vec(),
        [
            format!("{c2},Phạm Văn Bình,10,{m2},Lê Văn Hùng,CCB,2022-02-01,108"),
            format!("{c3},Võ Văn Cường,2,{m1},Trần Thị Lan,PN,2022-02-10,99"),
            format!("{c4},Bùi Thị Dung,10,,,,2022-05-05,15"),
        ]
    );
    // As of 2022-06-01 c4 is released that day: no longer listed.
    let l = lines(&w.env, &["report", "overdue", "--as-of", "2022-06-01"]);
    assert!(!l.iter().any(|r| r.starts_with(c4.as_str())), "{l:?}");
    // As of 2022-12-31: c5 reviewed 2022-12-01, exactly 30 days → not overdue; c2 333 days.
    let l = lines(&w.env, &["report", "overdue", "--as-of", "2022-12-31"]);
    assert_eq!(l[1..].to_vec(), [format!("{c2},Phạm Văn Bình,10,{m2},Lê Văn Hùng,CCB,2022-02-01,333")]);
    // One day later, 31 days → c5 is overdue too, after c2 (older contact first).
    let l = lines(&w.env, &["report", "overdue", "--as-of", "2023-01-01"]);
    assert_eq!(l.len(), 3);
    assert_eq!(l[2], format!("{c5},Đặng Văn Em,2,{m3},Đỗ Thị Mai,TN,2022-12-01,31"));
    // Defaults: as of today 2023-06-30, 30 days (the setting). c2: 514 days, c5: 211 days.
    let l = lines(&w.env, &["report", "overdue"]);
    assert_eq!(l[1].rsplit(',').next(), Some("514"));
    assert_eq!(l[2].rsplit(',').next(), Some("211"));
    // --days 400: only c2. No TOTAL row in overdue.
    let l = lines(&w.env, &["report", "overdue", "--days", "400"]);
    assert_eq!(l.len(), 2);
    let t = w.env.ok(&["report", "overdue"]);
    assert!(t.lines().next().unwrap().contains("Overdue as of 30 Jun 2023") && !t.contains("TOTAL"), "{t}");
    let j: serde_json::Value = serde_json::from_str(&w.env.ok(&["report", "overdue", "-f", "json"])).unwrap();
    assert_eq!(j["as_of"], "2023-06-30");
    assert_eq!(j["days"], 30);
    assert_eq!(j["rows"][0]["member_id"], serde_json::json!(m2.parse::<i64>().unwrap()));
}

#[test]
fn xlsx_workbook_has_title_bold_header_numbers_and_total() {
    use calamine::{open_workbook, Data, Reader, Xlsx};
    use std::os::unix::fs::PermissionsExt;
    let w = world();
    let path = w.env.path("q1.xlsx");
    w.env.ok(&["report", "summary", "-p", "2022-Q1", "-f", "xlsx", "-o", path.to_str().unwrap()]);
    assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
    let mut wb: Xlsx<_> = open_workbook(&path).unwrap();
    let range = wb.worksheet_range("Summary").unwrap();
    let title = range.get_value((0, 0)).unwrap().to_string();
    assert!(title.contains("2022-01-01 to 2022-03-31"), "{title}");
    assert_eq!(range.get_value((2, 0)), Some(&Data::String("Group".into())));
    assert_eq!(range.get_value((2, 1)), Some(&Data::String("Opening".into())));
    // Row 3 is ward 1, row 4 ward 2: Q1 opening 1, intake 1 (c1, c3), loan 3 000 000 — as numbers.
    assert_eq!(range.get_value((4, 0)), Some(&Data::String("2".into())));
    assert_eq!(range.get_value((4, 1)), Some(&Data::Float(1.0)));
    assert_eq!(range.get_value((4, 14)), Some(&Data::Float(3_000_000.0)));
    // Total row after the 14 wards (rows 3..=16).
    assert_eq!(range.get_value((17, 0)), Some(&Data::String("TOTAL".into())));
    assert_eq!(range.get_value((17, 3)), Some(&Data::Float(3.0)));
    // An existing file is never overwritten.
    w.env.refused(
        &["report", "summary", "-p", "2022-Q1", "-f", "xlsx", "-o", path.to_str().unwrap()],
        &["already exists"],
    );
    // Quota in Vietnamese: pct as a number, empty when the target is 0.
    let path = w.env.path("quota.xlsx");
    w.env.ok(&["--lang", "vi", "report", "quota", "-p", "2022", "-f", "xlsx", "-o", path.to_str().unwrap()]);
    let mut wb: Xlsx<_> = open_workbook(&path).unwrap();
    let range = wb.worksheet_range("Chỉ tiêu").unwrap();
    assert_eq!(range.get_value((2, 1)), Some(&Data::String("Thành viên".into())));
    // Ward 1 (row 3) has no member: pct blank; ward 2 (row 4) 50.0.
    assert!(matches!(range.get_value((3, 6)), None | Some(Data::Empty)));
    assert_eq!(range.get_value((4, 6)), Some(&Data::Float(50.0)));
    assert_eq!(range.get_value((17, 0)), Some(&Data::String("TOTAL".into())));
    assert_eq!(range.get_value((17, 6)), Some(&Data::Float(25.0)));
}

#[test]
fn report_csv_to_a_file_with_bom() {
    let w = world();
    let path = w.env.path("s.csv");
    w.env.ok(&["report", "summary", "-p", "2022", "-f", "csv", "--bom", "-o", path.to_str().unwrap()]);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with('\u{feff}'));
    assert!(text.trim_end().ends_with("TOTAL,2,3,5,2,1,0,0,0,0,3,2,2,1,3000000"));
}
