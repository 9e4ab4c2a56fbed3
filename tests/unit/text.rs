//! Unit tests of `src/text.rs`, compiled as its `tests` module (`#[path]`): kept out of `src/` with
//! their test data, which is Vietnamese (SPEC §18: the product's words are in `i18n/`).

use super::*;

#[test]
fn clean_collapses_and_composes() {
    // "Nguyễn" typed decomposed: e + circumflex + tilde as combining marks.
    let decomposed = "  Nguye\u{0302}\u{0303}n   Va\u{0306}n\tA ";
    assert_eq!(clean(decomposed), "Nguyễn Văn A");
    assert_eq!(clean(decomposed).chars().count(), 12);
}

#[test]
fn zero_width_characters_are_dropped_before_storing_and_comparing() {
    for zw in ['\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}', '\u{00AD}'] {
        let typed = format!("{zw}Nguyễn{zw} Văn{zw}{zw} {zw} A {zw}");
        assert_eq!(clean_line(&typed).unwrap(), "Nguyễn Văn A", "{zw:?}");
        assert_eq!(fold(&typed), "nguyen van a", "{zw:?}");
        // A note keeps its spaces as typed (two, where a zero-width space stood alone).
        assert_eq!(clean_note(&typed).unwrap(), "Nguyễn Văn  A", "{zw:?}");
    }
    // Between a letter and its combining mark: the NFC form is the precomposed letter.
    assert_eq!(clean_line("Nguye\u{200B}\u{0302}\u{0303}n").unwrap(), "Nguyễn");
}

#[test]
fn control_and_bidi_characters_are_refused_with_their_place() {
    let u = |ch, at, kind| Err(Unwanted { ch, at, kind });
    assert_eq!(clean_line("Lê\u{1b}[2J"), u('\u{1b}', 3, UnwantedKind::Control));
    assert_eq!(clean_line("a\u{0}b"), u('\u{0}', 2, UnwantedKind::Control));
    assert_eq!(clean_line("a\u{7f}"), u('\u{7f}', 2, UnwantedKind::Control));
    assert_eq!(clean_line("\u{9b}31m"), u('\u{9b}', 1, UnwantedKind::Control));
    assert_eq!(clean_line("ab\u{202E}cd"), u('\u{202E}', 3, UnwantedKind::Bidi));
    assert_eq!(clean_line("\u{2066}x"), u('\u{2066}', 1, UnwantedKind::Bidi));
    assert_eq!(clean_line("x\u{200F}"), u('\u{200F}', 2, UnwantedKind::Bidi));
    assert_eq!(clean_line("x\u{E0041}"), u('\u{E0041}', 2, UnwantedKind::Format));
    // Whitespace controls are whitespace in a line, as they always were.
    assert_eq!(clean_line(" Lê\tVăn\r\nAn\u{85}B\u{c} ").unwrap(), "Lê Văn An B");
    // A note keeps its line breaks, nothing else.
    assert_eq!(clean_note(" dòng 1\r\ndòng\t2\rdòng 3\u{2028}4\n ").unwrap(), "dòng 1\ndòng 2\ndòng 3\n4");
    assert_eq!(clean_note("a\u{1b}]0;x\u{7}"), u('\u{1b}', 2, UnwantedKind::Control));
    assert_eq!(clean_note("a\u{b}b"), u('\u{b}', 2, UnwantedKind::Control));
    assert_eq!(clean_note("a\u{202D}b"), u('\u{202D}', 2, UnwantedKind::Bidi));
}

#[test]
fn visible_shows_what_a_terminal_would_obey() {
    assert!(matches!(visible("Nguyễn Văn A\ndòng 2"), std::borrow::Cow::Borrowed(_)));
    assert_eq!(visible("\u{1b}[2JA"), "\u{241b}[2JA");
    assert_eq!(visible("\u{1b}]0;title\u{7}"), "\u{241b}]0;title\u{2407}");
    assert_eq!(visible("a\tb\rc\u{7f}"), "a\u{2409}b\u{240d}c\u{2421}");
    assert_eq!(visible("\u{9b}2J"), "<U+009B>2J");
    assert_eq!(visible("ab\u{202E}cd\u{200B}"), "ab<U+202E>cd<U+200B>");
}

#[test]
fn fold_strips_diacritics_and_d() {
    assert_eq!(fold("Nguyễn Văn A"), "nguyen van a");
    assert_eq!(fold("Đặng Thị Đào"), "dang thi dao");
    assert_eq!(fold("ĐẶNG  thị"), "dang thi");
    assert_eq!(fold("Phường 5"), "phuong 5");
}

#[test]
fn ascii_fast_path_agrees_with_the_general_fold() {
    for s in ["  Phuong   5 ", "ABC def", "", "x\ty", "2022-0001"] {
        let general: String = s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
        assert_eq!(fold(s), general, "{s:?}");
    }
}

#[test]
fn natural_order() {
    let mut v = vec!["10", "2", "Tân Định", "1", "02a"];
    v.sort_by_key(|s| natural_key(s));
    assert_eq!(v, vec!["1", "2", "02a", "10", "Tân Định"]);
}

#[test]
fn initials_of_vietnamese_names() {
    assert_eq!(initials("Nguyễn Văn An"), "N.V.A.");
    assert_eq!(initials("đỗ thị"), "Đ.T.");
}
