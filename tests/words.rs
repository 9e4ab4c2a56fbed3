//! SPEC §18, what the tool shows it accepts: periods written as people write them and as the
//! titles print them give the very report of the period's code.

use crate::util::Env;

/// A register with one case enrolled in each quarter of 2022 and one review in May.
fn register() -> Env {
    let e = Env::new();
    e.member("Trần Thị Lan", "PN", "5");
    for (name, date) in [("Nguyễn Văn A", "2022-02-10"), ("Lê Văn B", "2022-05-03"), ("Phạm Văn C", "2022-08-20")]
    {
        e.enroll(name, "5", date, &["--member", "1"]);
    }
    e.ok(&["review", "2022-0002", "--class", "B", "--date", "2022-05-20"]);
    e
}

#[test]
fn a_period_written_as_the_titles_write_it_gives_the_same_report() {
    let e = register();
    // Rows joined by `|` (CSV lines end in CRLF), to find a row whole.
    let csv = |p: &str| {
        let rows = crate::util::csv_rows(&e.ok(&["report", "summary", "-p", p, "-f", "csv"]));
        format!("|{}|", rows.iter().map(|r| r.join(",")).collect::<Vec<_>>().join("|"))
    };
    let q1 = csv("2022-Q1");
    // Worked out by hand: Q1 takes in A only (intake 1, closing 1), on ward 5's row and the total.
    assert!(q1.contains("|5,0,1,1,0,0,0,0,0,0,0,1,0,0,0|"), "{q1}");
    for p in ["quý I/2022", "Quý i/2022", "I/2022", "Q1/2022", "2022 Q1"] {
        assert_eq!(csv(p), q1, "{p}");
    }
    let may = csv("2022-05");
    // May: A open from before (opening 1), B taken in, one contact.
    assert!(may.contains("|5,1,1,2,0,0,0,0,0,0,0,2,1,0,0|"), "{may}");
    for p in ["tháng 5/2022", "5/2022", "05/2022", "May 2022"] {
        assert_eq!(csv(p), may, "{p}");
    }
    let year = csv("2022");
    assert!(year.contains("|TOTAL,0,3,3,0,0,0,0,0,0,0,3,1,0,0|"), "{year}");
    assert_eq!(csv("năm 2022"), year);
    assert_eq!(csv("từ ngày 01/01/2022 đến ngày 31/12/2022"), year);
    assert_eq!(csv("1 Jan 2022 to 31 Dec 2022"), year);
}

#[test]
fn a_period_in_no_known_form_is_refused_naming_the_forms() {
    let e = register();
    for p in ["quý V/2022", "13/2022", "tháng 5/22", "Mai 2022"] {
        let err = e.refused(&["report", "summary", "-p", p], &[p, "quý I/2022"]);
        assert!(err.contains("2022-Q1"), "{err}");
    }
}
