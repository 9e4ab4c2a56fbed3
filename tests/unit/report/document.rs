//! Unit tests of `src/report/document.rs`, compiled as its `tests` module (`#[path]`): kept out of `src/` with
//! their test data, which is Vietnamese (SPEC §18: the product's words are in `i18n/`).

use super::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn dates_as_the_decree_writes_them() {
    // Decree 30/2020/NĐ-CP, Appendix I: a 0 before days below 10 and months 1 and 2.
    assert_eq!(decree_date(d("2026-01-05")), "ngày 05 tháng 01 năm 2026");
    assert_eq!(decree_date(d("2026-02-28")), "ngày 28 tháng 02 năm 2026");
    assert_eq!(decree_date(d("2026-04-15")), "ngày 15 tháng 4 năm 2026");
    assert_eq!(decree_date(d("2026-03-02")), "ngày 02 tháng 3 năm 2026");
    assert_eq!(decree_date(d("2025-12-31")), "ngày 31 tháng 12 năm 2025");
}

#[test]
fn place_names() {
    assert_eq!(place_of("Phường Bình Tiên"), "Bình Tiên");
    assert_eq!(place_of("Quận 6"), "Quận 6");
    assert_eq!(place_of("Phường 5"), "Phường 5");
    assert_eq!(place_of("Thành phố Thủ Đức"), "Thành phố Thủ Đức");
    assert_eq!(place_of("Bình Tiên"), "Bình Tiên");
}

#[test]
fn margins_are_within_the_decree() {
    for (mm, lo, hi) in [
        (MARGIN_TOP_MM, 20.0, 25.0),
        (MARGIN_BOTTOM_MM, 20.0, 25.0),
        (MARGIN_LEFT_MM, 30.0, 35.0),
        (MARGIN_RIGHT_MM, 15.0, 20.0),
    ] {
        assert!((lo..=hi).contains(&mm));
    }
    assert_eq!(twips(20.0), 1134);
    assert_eq!(twips(30.0), 1701);
}

#[test]
fn the_first_row_of_each_table_is_its_header() {
    let xml = "<w:body><w:tbl><w:tblPr/><w:tr><w:trPr><w:cantSplit /></w:trPr></w:tr><w:tr><w:trPr><w:cantSplit /></w:trPr></w:tr></w:tbl><w:p/><w:tbl><w:tr><w:trPr></w:trPr></w:tr></w:tbl></w:body>";
    assert_eq!(
        mark_header_rows(xml),
        "<w:body><w:tbl><w:tblPr/><w:tr><w:trPr><w:tblHeader /><w:cantSplit /></w:trPr></w:tr><w:tr><w:trPr><w:cantSplit /></w:trPr></w:tr></w:tbl><w:p/><w:tbl><w:tr><w:trPr><w:tblHeader /></w:trPr></w:tr></w:tbl></w:body>"
    );
}
