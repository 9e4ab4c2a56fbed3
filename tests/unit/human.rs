//! Unit tests of `src/human.rs`, compiled as its `tests` module (`#[path]`): kept out of `src/` with
//! their test data, which is Vietnamese (SPEC §18: the product's words are in `i18n/`).

use super::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}
fn p(a: &str, b: &str) -> Period {
    Period { from: d(a), to: d(b) }
}

#[test]
fn thousands() {
    assert_eq!(int(298_000_000, true), "298.000.000");
    assert_eq!(int(298_000_000, false), "298,000,000");
    assert_eq!(int(0, true), "0");
    assert_eq!(int(999, true), "999");
    assert_eq!(int(1000, false), "1,000");
    assert_eq!(int(-1234, false), "-1,234");
    assert_eq!(pct(12.5, true), "12,5");
}

#[test]
fn periods_in_words() {
    assert_eq!(period(&p("2022-01-01", "2022-03-31"), true), "quý I/2022");
    assert_eq!(period(&p("2022-10-01", "2022-12-31"), true), "quý IV/2022");
    assert_eq!(period(&p("2021-01-01", "2021-12-31"), true), "năm 2021");
    assert_eq!(period(&p("2022-05-01", "2022-05-31"), true), "tháng 5/2022");
    assert_eq!(period(&p("2022-01-01", "2022-05-20"), true), "từ ngày 01/01/2022 đến ngày 20/05/2022");
    assert_eq!(period(&p("2022-01-01", "2022-03-31"), false), "2022 Q1");
    assert_eq!(period(&p("2021-01-01", "2021-12-31"), false), "2021");
    assert_eq!(period(&p("2022-05-01", "2022-05-31"), false), "May 2022");
    assert_eq!(period(&p("2022-01-01", "2022-05-20"), false), "1 Jan 2022 to 20 May 2022");
    assert_eq!(period(&p("2024-02-01", "2024-02-29"), true), "tháng 2/2024");
    // Two months is not a named period.
    assert_eq!(kind(&p("2022-01-01", "2022-02-28")), Kind::Range);
}

#[test]
fn previous_periods() {
    assert_eq!(previous(&p("2022-01-01", "2022-03-31")), p("2021-10-01", "2021-12-31"));
    assert_eq!(previous(&p("2022-04-01", "2022-06-30")), p("2022-01-01", "2022-03-31"));
    assert_eq!(previous(&p("2021-01-01", "2021-12-31")), p("2020-01-01", "2020-12-31"));
    assert_eq!(previous(&p("2022-03-01", "2022-03-31")), p("2022-02-01", "2022-02-28"));
    assert_eq!(previous(&p("2022-01-01", "2022-01-31")), p("2021-12-01", "2021-12-31"));
    // 140 days (1 Jan – 20 May 2022) → the 140 days before.
    assert_eq!(previous(&p("2022-01-01", "2022-05-20")), p("2021-08-14", "2021-12-31"));
}
