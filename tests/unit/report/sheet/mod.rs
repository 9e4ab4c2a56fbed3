//! Unit tests of `src/report/sheet/mod.rs`, compiled as its `tests` module (`#[path]`): kept out of `src/` with
//! their test data, which is Vietnamese (SPEC §18: the product's words are in `i18n/`).

use super::*;

fn m(id: i64, name: &str) -> Member {
    Member { id, name: name.into(), org: "PN".into() }
}

#[test]
fn sheet_names_are_id_and_short_name_within_excels_rules() {
    assert_eq!(sheet_name(Some(&m(12, "Trần Thị Bích")), true), "12 Trần Thị Bích");
    assert_eq!(sheet_name(None, true), "Chưa phân công");
    assert_eq!(sheet_name(None, false), "Unassigned");
    // Too long: initials and the given name.
    let long = m(104, "Nguyễn Thị Ngọc Bích Phương Thảo");
    assert_eq!(sheet_name(Some(&long), true), "104 N.T.N.B.P. Thảo");
    // Forbidden characters become spaces; decomposed accents are composed first.
    assert_eq!(sheet_name(Some(&m(3, "Lê [Văn]: A/B*?")), true), "3 Lê Văn A B");
    assert_eq!(sheet_name(Some(&m(5, "Nguye\u{0302}\u{0303}n An")), true), "5 Nguyễn An");
    // No word boundary to help: cut at 31.
    let one = m(7, &"A".repeat(40));
    let n = sheet_name(Some(&one), true);
    assert_eq!(n.chars().count(), 31);
    assert!(n.starts_with("7 AAAA"));
    // Excel's own check.
    for s in [&long, &one, &m(9, "x'")] {
        rust_xlsxwriter::utility::check_sheet_name(&sheet_name(Some(s), true)).unwrap();
    }
}

#[test]
fn a_sheet_covers_at_most_three_months() {
    let p = |a: &str, b: &str| Period { from: a.parse().unwrap(), to: b.parse().unwrap() };
    assert!(within_limit(&p("2023-06-01", "2023-06-30")));
    assert!(within_limit(&p("2023-04-01", "2023-06-30")));
    assert!(within_limit(&p("2023-01-15", "2023-04-14")));
    assert!(!within_limit(&p("2023-01-15", "2023-04-15")));
    assert!(!within_limit(&p("2023-04-01", "2023-07-01")));
    assert!(!within_limit(&p("2023-01-01", "2023-12-31")));
}

#[test]
fn every_header_is_one_import_reviews_reads() {
    for (i, key) in COLUMNS.iter().enumerate() {
        for vi in [false, true] {
            let h = header(i, vi);
            let read = crate::import::review_sheet_column(&h);
            let want = if i == 1 || i >= FIRST_FILL_IN { Some(Some(*key)) } else { Some(None) };
            assert_eq!(read, want, "{h:?} ({key})");
        }
    }
}

#[test]
fn the_query_reads_reviews_and_assignments_per_case_by_index() {
    let pl = crate::report::plan(SQL, &[&"2023-06-01", &"2023-06-30", &None::<i64>, &None::<i64>, &None::<i64>]);
    let scans = crate::report::full_scans(&pl, &["r", "reviews", "a", "assignments", "cw", "case_wards"]);
    assert!(scans.is_empty(), "{pl:#?}");
}
