//! Tests: demo and the bundled District 6 example (SPEC §9).
//!
//! The expected figures are not computed from the data: they are the article's, the May
//! 2022 report of District 6 (SPEC §1):
//!   2021: intake 55, total under management 326, 59 progressed and taken off the list;
//!         326 − 59 − 4 other exits = 263 at the end of the year;
//!   2022: 263 under management on 1 January, all assigned, across 6 organizations and
//!         14 wards, 2 per member — so at least ⌈263 / 2⌉ = 132 members.

use std::sync::OnceLock;

use crate::util::{csv_rows, Env};

/// One demo database shared by the read-only tests below (building it takes a moment).
fn demo() -> &'static Env {
    static DEMO: OnceLock<Env> = OnceLock::new();
    DEMO.get_or_init(|| {
        let env = Env::empty();
        let out = env.ok(&["demo"]);
        // The two reports, as tables on stdout.
        assert!(out.contains("Summary, 2021 (2021-01-01 to 2021-12-31), by ward"), "{out}");
        assert!(out.contains("Quota (2 people per member), 1 Jan 2022 to 20 May 2022, by ward"), "{out}");
        env
    })
}

/// The TOTAL row of a CSV report, by column name.
fn total(env: &Env, args: &[&str]) -> std::collections::HashMap<String, String> {
    let rows = csv_rows(&env.ok(args));
    let header = rows[0].clone();
    let last = rows.last().expect("rows").clone();
    assert_eq!(last[0], "TOTAL");
    header.into_iter().zip(last).collect()
}

#[test]
fn the_2021_summary_gives_the_articles_figures() {
    let env = demo();
    let t = total(env, &["report", "summary", "-p", "2021", "-f", "csv"]);
    assert_eq!(t["opening"], "271"); // 326 − 55
    assert_eq!(t["intake"], "55");
    assert_eq!(t["total_managed"], "326");
    assert_eq!(t["progressed"], "59");
    let others: i64 = ["moved", "deceased", "reoffended", "institution", "other"]
        .iter()
        .map(|k| t[*k].parse::<i64>().expect("number"))
        .sum();
    assert_eq!(others, 4);
    assert_eq!(t["exits"], "63"); // 59 + 4
    assert_eq!(t["closing"], "263"); // 326 − 63
}

#[test]
fn in_2022_the_263_open_cases_are_all_assigned_to_members_of_the_six_orgs() {
    let env = demo();
    let t = total(env, &["report", "summary", "-p", "2022-01-01..2022-05-20", "-f", "csv"]);
    assert_eq!(t["opening"], "263");
    // No intake before the report: the total under management in 2022 is the article's 263.
    assert_eq!(t["total_managed"], "263");
    // Cases open on 2022-01-01, each with the member assigned that day (SPEC §3), in one of
    // the six default organizations.
    let assigned = env.scalar(
        "SELECT count(*) FROM cases c
         WHERE c.enrolled_on < '2022-01-01' AND (c.released_on IS NULL OR c.released_on >= '2022-01-01')
           AND (SELECT o.code FROM assignments a JOIN members m ON m.id = a.member_id JOIN orgs o ON o.id = m.org_id
                WHERE a.case_id = c.id AND a.start_on <= '2022-01-01' AND (a.end_on IS NULL OR a.end_on >= '2022-01-01')
                ORDER BY a.start_on DESC, a.id DESC LIMIT 1) IN ('MTTQ', 'CA', 'PN', 'TN', 'CCB', 'NCT')",
    );
    assert_eq!(assigned, "263");
    // By org (SPEC §6: the member on each case's last open day), nobody is unassigned and
    // the six orgs share the 263.
    let rows = csv_rows(&env.ok(&["report", "summary", "-p", "2022-01-01..2022-05-20", "--by", "org", "-f", "csv"]));
    let orgs: Vec<&str> =
        rows[1..rows.len() - 1].iter().filter(|r| r[0] != "unassigned").map(|r| r[0].as_str()).collect();
    assert_eq!(orgs, ["CA", "CCB", "MTTQ", "NCT", "PN", "TN"]);
    for r in &rows {
        if r[0] == "unassigned" {
            assert_eq!((r[1].as_str(), r[3].as_str()), ("0", "0"), "{r:?}");
        }
    }
    let shared: i64 = rows[1..rows.len() - 1].iter().map(|r| r[3].parse::<i64>().expect("number")).sum();
    assert_eq!(shared, 263);
}

#[test]
fn members_wards_and_quota() {
    let env = demo();
    assert_eq!(env.scalar("SELECT count(*) FROM wards"), "14");
    assert_eq!(env.scalar("SELECT count(*) FROM orgs"), "6");
    assert_eq!(env.scalar("SELECT value FROM settings WHERE key = 'quota'"), "2");
    assert_eq!(env.scalar("SELECT value FROM settings WHERE key = 'district'"), "Quận 6");
    let serving: i64 = env
        .scalar("SELECT count(*) FROM members WHERE joined_on <= '2022-01-01' AND (left_on IS NULL OR left_on >= '2022-01-01')")
        .parse()
        .expect("number");
    assert!(serving >= 132, "{serving} members serve in 2022; 263 cases at 2 each need 132");
    // Every ward has members of every org.
    assert_eq!(env.scalar("SELECT count(DISTINCT ward_id || '/' || org_id) FROM members"), "84"); // 14 × 6
    let t = total(env, &["report", "quota", "-p", "2022-01-01..2022-05-20", "-f", "csv"]);
    let members: i64 = t["members"].parse().expect("number");
    assert_eq!(members, serving, "members counted in the 2022 quota are those serving");
    assert_eq!(t["target"], (2 * members).to_string());
}

#[test]
fn the_example_looks_like_real_work() {
    let env = demo();
    // Enrollments over several years, released historical cases before 2021.
    assert_eq!(env.scalar("SELECT min(substr(enrolled_on, 1, 4)) FROM cases"), "2016");
    let early: i64 = env.scalar("SELECT count(*) FROM cases WHERE released_on < '2021-01-01'").parse().expect("n");
    assert!(early >= 100, "{early} historical releases");
    // Monthly-ish reviews with mostly A and B.
    let reviews: i64 = env.scalar("SELECT count(*) FROM reviews").parse().expect("n");
    let ab: i64 = env.scalar("SELECT count(*) FROM reviews WHERE class IN ('A', 'B')").parse().expect("n");
    assert!((1000..5000).contains(&reviews), "{reviews} reviews");
    assert!(ab * 10 >= reviews * 8, "A/B should be most of the reviews: {ab} of {reviews}");
    assert_eq!(env.scalar("SELECT count(DISTINCT class) FROM reviews"), "4");
    // Supports of every kind, loans with amounts in đồng.
    assert_eq!(env.scalar("SELECT count(DISTINCT kind) FROM supports"), "5");
    assert_eq!(env.scalar("SELECT count(*) FROM supports WHERE kind = 'loan' AND amount IS NULL"), "0");
    // Reassignments, members who left (with no open case left behind), members who joined
    // in 2021, and people enrolled a second time.
    let reassigned: i64 = env.scalar("SELECT count(*) FROM assignments WHERE end_on IS NOT NULL AND end_on IN (SELECT start_on FROM assignments a2 WHERE a2.case_id = assignments.case_id AND a2.id <> assignments.id)").parse().expect("n");
    assert!(reassigned >= 10, "{reassigned} reassignments");
    assert_eq!(env.scalar("SELECT count(*) FROM members WHERE left_on BETWEEN '2021-01-01' AND '2021-12-31'"), "5");
    assert_eq!(
        env.scalar("SELECT count(*) FROM assignments a JOIN members m ON m.id = a.member_id WHERE m.left_on IS NOT NULL AND a.end_on IS NULL"),
        "0"
    );
    let joined: i64 = env.scalar("SELECT count(*) FROM members WHERE joined_on >= '2021-01-01'").parse().expect("n");
    assert!(joined >= 3, "{joined} members joined in 2021");
    assert_eq!(
        env.scalar("SELECT count(*) FROM (SELECT person_id FROM cases GROUP BY person_id HAVING count(*) > 1)"),
        "6"
    );
    // The register is sound: integrity, foreign keys, the rules of SPEC §3, the audit chain.
    env.ok(&["check"]);
    env.ok(&["audit", "verify"]);
}

#[test]
fn demo_refuses_an_existing_file() {
    let env = Env::empty();
    std::fs::write(&env.db, b"not mine").expect("write");
    let err = env.fail(&["demo"]);
    assert!(err.contains("already exists"), "{err}");
    assert_eq!(std::fs::read(&env.db).expect("read"), b"not mine");
    // And an existing demo database is not rebuilt either.
    let other = env.path("quan6.db");
    env.ok(&["demo", "--db", other.to_str().expect("path")]);
    let before = crate::util::dump(&other);
    let err = env.fail(&["demo", "--db", other.to_str().expect("path")]);
    assert!(err.contains("already exists"), "{err}");
    assert_eq!(before, crate::util::dump(&other));
}

#[test]
fn demo_runs_from_any_directory_with_its_default_path() {
    // No --db and no MH51_DB: the default mh51-demo.db in the current directory; the data is
    // compiled in, so the directory needs no examples/.
    let env = Env::empty();
    let o = env.command(&["demo"]).env_remove("MH51_DB").output().expect("run");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(env.path("mh51-demo.db").is_file());
    // The example's counts (README "The District 6 example"), said on stderr and in the file.
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("174 members, 576 cases, 24 reassignments, 3212 reviews, 158 supports, 5 members left"),
        "{err}"
    );
    let c = rusqlite::Connection::open(env.path("mh51-demo.db")).unwrap();
    let n: i64 = c.query_row("SELECT count(*) FROM cases", [], |r| r.get(0)).unwrap();
    assert_eq!(n, 576);
}
