//! The synthetic city (issue 6): the dimensions asked for, the same register every time,
//! every rule held (check passes), and reports whose identities hold at that size.

use crate::util::{csv_rows, Env};

fn small_city() -> Env {
    let mut e = Env::empty();
    e.today = "2024-06-30".into();
    e.ok(&["demo", "--size", "small"]);
    e
}

#[test]
fn small_city_has_its_dimensions_and_is_deterministic() {
    let a = small_city();
    // SMALL in src/city.rs: 15 wards, 300 members, 5,000 cases, 10 reviews each.
    assert_eq!(a.scalar("SELECT count(*) FROM wards"), "15");
    assert_eq!(a.scalar("SELECT count(*) FROM members"), "300");
    assert_eq!(a.scalar("SELECT count(*) FROM cases"), "5000");
    assert_eq!(a.scalar("SELECT count(*) FROM reviews"), "50000");
    assert_eq!(
        a.scalar("SELECT min(enrolled_on) >= '2018-01-01' AND max(enrolled_on) <= '2023-12-31' FROM cases"),
        "1"
    );
    // Reassignments and releases of every reason are there.
    assert!(a.scalar("SELECT count(*) FROM assignments").parse::<i64>().unwrap() > 5000);
    assert_eq!(a.scalar("SELECT count(DISTINCT reason) FROM cases"), "6");
    // Every case has one audit row for its enrollment (with its first assignment).
    assert_eq!(a.scalar("SELECT count(*) FROM audit_log WHERE action = 'enroll'"), "5000");
    a.ok(&["check"]);
    // A second build is the same register, row for row (the audit log's clock aside).
    let b = small_city();
    for what in ["cases", "members", "assignments", "reviews", "supports"] {
        assert_eq!(a.ok(&["export", what, "-f", "csv"]), b.ok(&["export", what, "-f", "csv"]), "{what}");
    }
}

#[test]
fn reports_add_up_at_city_scale() {
    let e = small_city();
    let total = |by: &str| -> Vec<String> {
        let rows = csv_rows(&e.ok(&["report", "summary", "-p", "2018-01-01..2023-12-31", "--by", by, "-f", "csv"]));
        rows.last().unwrap().clone()
    };
    let ward = total("ward");
    assert_eq!(ward[0], "TOTAL");
    // Over the whole history: nothing open before 2018, so opening 0 and intake = all cases.
    assert_eq!((ward[1].as_str(), ward[2].as_str()), ("0", "5000"));
    // closing = total managed − exits, and equals the cases still open at the end.
    let closing: i64 = ward[11].parse().unwrap();
    assert_eq!(closing.to_string(), e.scalar("SELECT count(*) FROM cases WHERE released_on IS NULL"));
    assert_eq!(ward[12], "50000", "every review is counted once");
    for by in ["org", "category", "quarter"] {
        assert_eq!(total(by)[1..], ward[1..], "--by {by} total differs from --by ward");
    }
    // A city that stops at a pinned today: the same seed, cut short.
    let mut early = Env::empty();
    early.today = "2020-06-30".into();
    early.ok(&["demo", "--size", "small"]);
    assert_eq!(
        early.scalar("SELECT max(max(enrolled_on), max(coalesce(released_on, ''))) <= '2020-06-30' FROM cases"),
        "1"
    );
    early.ok(&["check"]);
}

/// Before 2019 there is no synthetic city to build: refused in the reader's language, naming
/// the day, and no register is left behind.
#[test]
fn a_city_asked_for_before_it_starts_is_refused_and_no_file_is_made() {
    let mut e = Env::empty();
    e.today = "2018-06-01".into();
    let err = e.fail(&["demo", "--size", "small"]);
    assert!(err.contains("the synthetic city starts in 2018") && err.contains("2018-06-01"), "{err}");
    assert!(!e.db.exists(), "no register is made");
    let o = e.command(&["demo", "--size", "small"]).env("MH51_LANG", "vi").output().unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1));
    assert!(err.contains("thành phố mẫu bắt đầu từ năm 2018") && err.contains("2018-06-01"), "{err}");
    assert!(!e.db.exists(), "no register is made");
}
