//! Unit tests of `src/vocabulary.rs`, compiled as its `tests` module (`#[path]`): kept out of `src/` with
//! their test data, which is Vietnamese (SPEC §18: the product's words are in `i18n/`).

use std::rc::Rc;

use super::*;
use crate::output::{self, Style};
use crate::view::{Cell, Format, Group};

/// Every seeded code has a name to seed with and an English label of its own.
#[test]
fn every_seeded_organization_and_category_has_both_labels() {
    use crate::domain::register::{seeded_label, DEFAULT_CATEGORIES, DEFAULT_ORGS};
    for (dict, seeded) in [("org", DEFAULT_ORGS), ("category", DEFAULT_CATEGORIES)] {
        for code in seeded {
            let vi = seeded_label(dict, code, true);
            let en = seeded_label(dict, code, false);
            assert!(vi.as_ref().is_some_and(|l| !l.is_empty()), "{dict} {code}");
            assert!(en.as_ref().is_some_and(|l| !l.is_empty()) && en != vi, "{dict} {code}");
        }
    }
}

#[test]
fn figures_dates_and_names_in_the_readers_language() {
    let mut names = Names::default();
    names.wards.insert("5".into(), "Phường 5".into());
    names.orgs.insert("PN".into(), "Hội Liên hiệp Phụ nữ".into());
    names.orgs.insert("X".into(), "Tổ tự quản".into());
    let style = |vi| Style {
        labels: Some(Rc::new(Vocabulary::new(names.clone())) as Rc<dyn Labels>),
        ..Style::new(vi, Format::Table, false)
    };
    let t = |vi, k: &str, c: Cell| output::shown(&style(vi), k, &c).text;
    assert_eq!(t(true, "loan_amount", Cell::Int(298_000_000)), "298.000.000");
    assert_eq!(t(false, "loan_amount", Cell::Int(298_000_000)), "298,000,000");
    // Ids and years are not figures.
    assert_eq!(t(false, "member_id", Cell::Int(1234)), "1234");
    assert_eq!(t(true, "birth_year", Cell::Int(1990)), "1990");
    assert_eq!(t(true, "enrolled_on", Cell::text("2022-05-20")), "20/05/2022");
    assert_eq!(t(false, "enrolled_on", Cell::text("2022-05-20")), "2022-05-20");
    assert_eq!(t(true, "ward", Cell::text("5")), "Phường 5");
    assert_eq!(t(true, "org", Cell::text("PN")), "Hội Liên hiệp Phụ nữ");
    assert_eq!(t(false, "org", Cell::text("PN")), "Women's Union");
    // An org added later has no built-in English label: its name.
    assert_eq!(t(false, "org", Cell::text("X")), "Tổ tự quản");
    assert_eq!(t(true, "reason", Cell::text("progressed ✓")), "Tiến bộ ✓");
    assert_eq!(t(false, "gender", Cell::text("female")), "Female");
    assert_eq!(t(true, "pct", Cell::Dec1(12.5)), "12,5");
    // One key, one rendering (view::KINDS): the contacts' counts are figures as the
    // summary's are, and every date column reads as a date.
    assert_eq!(t(true, "contacted", Cell::Int(1234)), "1.234");
    assert_eq!(t(false, "not_contacted", Cell::Int(1234)), "1,234");
    assert_eq!(t(true, "voided_on", Cell::text("2023-02-01")), "01/02/2023");
    assert_eq!(t(true, "received_at", Cell::text("2023-07-01T08:00:00")), "01/07/2023 08:00:00");
    let mut g = style(true);
    g.group = Group::Ward;
    assert_eq!(output::shown(&g, "group", &Cell::text("5")).text, "Phường 5");
    assert_eq!(output::shown(&g, "group", &Cell::text("TOTAL")).text, "Tổng cộng");
    assert_eq!(output::shown(&g, "group", &Cell::text("unassigned")).text, "Chưa phân công");
    assert_eq!(output::shown(&style(false), "group", &Cell::text("TOTAL")).text, "TOTAL");
    g.group = Group::Quarter;
    assert_eq!(output::shown(&g, "group", &Cell::text("2022-Q1")).text, "quý I/2022");
    // Without names (query): as stored.
    let raw = Style::new(true, Format::Table, false);
    assert_eq!(output::shown(&raw, "enrolled_on", &Cell::text("2022-05-20")).text, "2022-05-20");
    assert_eq!(output::shown(&raw, "loan_amount", &Cell::Int(1000)).text, "1000");
}
