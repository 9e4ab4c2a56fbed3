//! Unit tests of `src/domain/amount.rs`, compiled as its `tests` module (`#[path]`): kept out of `src/` with
//! their test data, which is Vietnamese (SPEC §18: the product's words are in `i18n/`).

use super::*;

/// Every accepted form, with the value worked out by hand.
#[test]
fn accepted_forms() {
    for (typed, want) in [
        ("5000000", 5_000_000),
        ("  5000000 ", 5_000_000),
        ("0", 0),
        ("0500", 500),
        ("5.000.000", 5_000_000),
        ("5,000,000", 5_000_000),
        ("5 000 000", 5_000_000),
        ("5\u{a0}000\u{a0}000", 5_000_000),
        ("5\u{202f}000", 5_000),
        ("5.000", 5_000),
        ("1,500", 1_500),
        ("12.345.678", 12_345_678),
        ("999", 999),
        ("5tr", 5_000_000),
        ("5 tr", 5_000_000),
        ("5 triệu", 5_000_000),
        ("5 TRIỆU", 5_000_000),
        ("5 trieu", 5_000_000),
        // "triệu" typed decomposed (NFD).
        ("5 trie\u{0302}\u{0323}u", 5_000_000),
        ("1,5tr", 1_500_000),
        ("1.5tr", 1_500_000),
        ("2,75 triệu", 2_750_000),
        ("0,5tr", 500_000),
        ("500k", 500_000),
        ("500 nghìn", 500_000),
        ("500 ngàn", 500_000),
        ("2,25k", 2_250),
        ("1.5K", 1_500),
        ("5.000.000đ", 5_000_000),
        ("5.000.000 đ", 5_000_000),
        ("5.000.000 đồng", 5_000_000),
        ("5000000 VND", 5_000_000),
        ("5000000 VNĐ", 5_000_000),
        ("5 triệu đồng", 5_000_000),
        ("1.000.000.000.000", 1_000_000_000_000),
        ("1000000tr", 1_000_000_000_000),
    ] {
        assert_eq!(amount(typed), Ok(want), "{typed:?}");
        assert_eq!(parse_amount(typed).unwrap(), want, "{typed:?}");
    }
}

/// Every refused form, with the reason worked out by hand.
#[test]
fn refused_forms() {
    for (typed, why) in [
        ("", Why::NotANumber),
        ("abc", Why::NotANumber),
        ("năm triệu", Why::NotANumber),
        ("-5", Why::Negative),
        ("-5000", Why::Negative),
        ("−5000", Why::Negative),
        ("1.5", Why::Decimal),
        ("0,5", Why::Decimal),
        ("5000000.00", Why::Decimal),
        ("5000000,5", Why::Decimal),
        ("0.500", Why::Decimal),
        ("12.34.5", Why::Groups),
        ("1.5000", Why::Groups),
        ("5.00.000", Why::Groups),
        ("5000.000", Why::Groups),
        ("5..000", Why::Groups),
        ("1 5", Why::Groups),
        ("5  000", Why::Groups),
        ("5,000,000.00", Why::Mixed),
        ("5.000,00", Why::Mixed),
        ("5.000 000", Why::Mixed),
        ("5 tỷ", Why::Unit("tỷ".into())),
        ("5$", Why::Unit("$".into())),
        ("5trđ", Why::Unit("trđ".into())),
        ("+5", Why::NotANumber),
        ("1.500tr", Why::BeforeUnit),
        ("1,125tr", Why::BeforeUnit),
        ("5.000k", Why::BeforeUnit),
        ("5 000 tr", Why::BeforeUnit),
        ("5.tr", Why::BeforeUnit),
        ("1.000.000.000.001", Why::TooLarge),
        ("99999999999999999999", Why::TooLarge),
        ("1000001tr", Why::TooLarge),
        ("9999999999999999tr", Why::TooLarge),
    ] {
        assert_eq!(amount(typed), Err(why.clone()), "{typed:?}");
        let r = parse_amount(typed).unwrap_err();
        let r = r.downcast_ref::<Refusal>().expect("a refusal");
        assert!(r.en.contains(&format!("'{typed}'")) && r.en.contains("5.000.000, 5,000,000"), "{}", r.en);
        assert!(r.vi.contains("số đồng nguyên"), "{}", r.vi);
    }
}
