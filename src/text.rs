//! Text rules shared by every layer: how names are cleaned before they are stored, and
//! how they are folded for search and duplicate checks (SPEC §3).
//!
//! - `clean` trims, collapses inner whitespace and normalizes to NFC, so a name typed in
//!   decomposed Unicode is stored the same as one typed precomposed.
//! - `fold` lowercases and strips Vietnamese diacritics (`đ` → `d`), so `nguyen van a`
//!   finds `Nguyễn Văn A`.
//! - `natural_key` orders codes the way people count: `2` before `10`.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Trim, collapse runs of whitespace to one space, and normalize to NFC.
pub fn clean(s: &str) -> String {
    let collapsed = s.split_whitespace().collect::<Vec<_>>().join(" ");
    collapsed.nfc().collect()
}

/// Fold for comparison: clean, decompose, drop combining marks, map đ/Đ to d, lowercase.
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        // Codes, numbers and unaccented text: nothing to decompose.
        let mut out = String::with_capacity(s.len());
        for w in s.split_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.extend(w.chars().map(|c| c.to_ascii_lowercase()));
        }
        return out;
    }
    let collapsed = s.split_whitespace().collect::<Vec<_>>().join(" ");
    collapsed
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            other => other,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// The text with its first letter in upper case (`tiến bộ` → `Tiến bộ`), for a label that
/// starts a sentence or a cell.
pub fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// A sort key in which every run of ASCII digits is left-padded to 10 places, so codes sort
/// naturally (`2` < `10` < `Tân Định`).
pub fn natural_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 10);
    let mut digits = String::new();
    for c in fold(s).chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else {
            flush_digits(&mut out, &mut digits);
            out.push(c);
        }
    }
    flush_digits(&mut out, &mut digits);
    out
}

fn flush_digits(out: &mut String, digits: &mut String) {
    if !digits.is_empty() {
        let trimmed = digits.trim_start_matches('0');
        for _ in trimmed.len()..10 {
            out.push('0');
        }
        out.push_str(trimmed);
        digits.clear();
    }
}

/// Initials for redacted exports: `Nguyễn Văn An` → `N.V.A.`.
pub fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|w| w.nfc().next())
        .flat_map(|c| c.to_uppercase().chain(std::iter::once('.')))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_collapses_and_composes() {
        // "Nguyễn" typed decomposed: e + circumflex + tilde as combining marks.
        let decomposed = "  Nguye\u{0302}\u{0303}n   Va\u{0306}n\tA ";
        assert_eq!(clean(decomposed), "Nguyễn Văn A");
        assert_eq!(clean(decomposed).chars().count(), 12);
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
}
