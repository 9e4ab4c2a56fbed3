//! Unit tests of `src/report/brief/svg.rs`, compiled as its `tests` module (`#[path]`): kept out of `src/` with
//! their test data, which is Vietnamese (SPEC §18: the product's words are in `i18n/`).

use super::*;

#[test]
fn labels_wrap_between_words() {
    assert_eq!(wrap("Phường 10", 6), vec!["Phường", "10"]);
    assert_eq!(wrap("Phường 10", 12), vec!["Phường 10"]);
    assert_eq!(wrap("III/2021", 4), vec!["III/2021"]);
}

#[test]
fn round_scales() {
    assert_eq!(scale(263), (300.0, 100.0));
    assert_eq!(scale(59), (60.0, 20.0));
    assert_eq!(scale(0), (1.0, 1.0));
    assert_eq!(scale(7), (8.0, 2.0));
}

#[test]
fn every_value_and_label_is_written_and_escaped() {
    let s = Series { label: "Cuối kỳ".into(), values: vec![263, 0], texts: vec!["263".into(), "0".into()] };
    let svg = bars("w", "Theo phường", "Số đối tượng", &["Phường <5>".into(), "P & 6".into()], &[s]);
    assert!(svg.contains(">263</text>") && svg.contains(">0</text>"), "{svg}");
    assert!(svg.contains("Phường &lt;5&gt;") && svg.contains("P &amp; 6"), "{svg}");
    assert!(svg.contains(">Theo phường</text>") && svg.contains(">Số đối tượng</text>"));
}
