//! Amounts of money (SPEC §16 "Bad input is refused, never mangled"): whole đồng, written as
//! a clerk writes them, and nothing that could be read two ways.
//!
//! Accepted:
//! - plain digits: `5000000` (leading zeros are harmless: `0500` is 500);
//! - digits grouped in threes after a first group of 1 to 3 digits, with one kind of
//!   separator throughout — `.` (the Vietnamese way), `,` (the English way) or a space (also
//!   the no-break spaces U+00A0 and U+202F that spreadsheets write): `5.000.000`,
//!   `5,000,000`, `5 000 000`, `5.000`;
//! - a plain number followed by a unit word: `tr`/`triệu` (a million) or `k`/`nghìn`/`ngàn`
//!   (a thousand), with or without a space, and with at most two decimals before the unit
//!   (`1,5tr` or `1.5tr` = 1,500,000; `2,25k` = 2,250); any such amount is a whole number of
//!   đồng;
//! - any of these followed by `đ`, `đồng`, `VND` or `VNĐ` (`5.000.000đ`, `5 triệu đồng`).
//!
//! Refused, each saying what would be accepted: a negative amount; a decimal without a unit
//! (`1.5`, `0,5`, `5000000.00` — đồng have no fractions, and `1.5` might be 15 or 1.5
//! million); groups that are not threes (`12.34.5`); two kinds of separator (`5,000,000.00`,
//! `5.000,00`); three or more decimals before a unit (`1.500tr` — 1500 million or 1.5?);
//! grouping before a unit (`5.000k`); an unknown unit (`5 tỷ`, `5$`); more than
//! [`MAX_AMOUNT`]. Zero is accepted (the register's rule is a whole number ≥ 0).

use crate::domain::error::Refusal;

/// The largest amount accepted: a thousand billion đồng, far beyond any support.
pub const MAX_AMOUNT: i64 = 1_000_000_000_000;

/// Why an amount was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Why {
    NotANumber,
    Negative,
    Decimal,
    Groups,
    Mixed,
    Unit(String),
    BeforeUnit,
    TooLarge,
}

/// A non-negative amount in whole đồng, by the rules of the module doc.
pub fn parse_amount(s: &str) -> anyhow::Result<i64> {
    amount(s).map_err(|why| refusal_for(s, &why).into())
}

fn refusal_for(s: &str, why: &Why) -> Refusal {
    let (why, unit) = match why {
        Why::NotANumber => ("not-a-number", ""),
        Why::Negative => ("negative", ""),
        Why::Decimal => ("decimal", ""),
        Why::Groups => ("groups", ""),
        Why::Mixed => ("mixed", ""),
        Why::Unit(u) => ("unit", u.as_str()),
        Why::BeforeUnit => ("before-unit", ""),
        Why::TooLarge => ("too-large", ""),
    };
    crate::refusal_w!("domain-amount-invalid", typed = s, why = why, unit = unit)
}

/// A character that may be part of the number itself (digits and separators).
fn in_number(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '.' | ',' | ' ' | '\u{a0}' | '\u{202f}')
}

fn amount(s: &str) -> Result<i64, Why> {
    let t = s.trim();
    if t.starts_with(['-', '−']) {
        return Err(Why::Negative);
    }
    let split = t.find(|c| !in_number(c)).unwrap_or(t.len());
    let (num, unit) = (t[..split].trim(), &t[split..]);
    if !num.starts_with(|c: char| c.is_ascii_digit()) {
        return Err(Why::NotANumber);
    }
    let folded = crate::text::fold(unit);
    let mut words: Vec<&str> = folded.split_whitespace().collect();
    if matches!(words.last(), Some(&("d" | "dong" | "vnd"))) {
        words.pop();
    }
    let multiplier = match words.as_slice() {
        [] => 1,
        ["tr" | "trieu"] => 1_000_000,
        ["k" | "nghin" | "ngan"] => 1_000,
        _ => return Err(Why::Unit(unit.trim().to_string())),
    };
    if multiplier == 1 {
        grouped(num)
    } else {
        before_unit(num, multiplier)
    }
}

/// Digits as a number, at most [`MAX_AMOUNT`].
fn whole(digits: &str) -> Result<i64, Why> {
    let digits = digits.trim_start_matches('0');
    if digits.len() > 13 {
        return Err(Why::TooLarge);
    }
    let v: i64 = if digits.is_empty() { 0 } else { digits.parse().map_err(|_| Why::NotANumber)? };
    if v > MAX_AMOUNT {
        return Err(Why::TooLarge);
    }
    Ok(v)
}

/// A number without a unit: plain digits, or groups of three with one kind of separator.
fn grouped(num: &str) -> Result<i64, Why> {
    let is_space = |c: char| matches!(c, ' ' | '\u{a0}' | '\u{202f}');
    let mut kinds: Vec<char> =
        num.chars().filter(|c| !c.is_ascii_digit()).map(|c| if is_space(c) { ' ' } else { c }).collect();
    if kinds.is_empty() {
        return whole(num);
    }
    kinds.sort_unstable();
    kinds.dedup();
    if kinds.len() > 1 {
        return Err(Why::Mixed);
    }
    let groups: Vec<&str> = num.split(|c: char| !c.is_ascii_digit()).collect();
    let first = groups[0];
    let rest = &groups[1..];
    let decimal_like = kinds[0] != ' ' && rest.len() == 1 && rest[0].len() < 3;
    if decimal_like || (kinds[0] != ' ' && first.starts_with('0')) {
        return Err(Why::Decimal);
    }
    if !(1..=3).contains(&first.len()) || first.starts_with('0') || rest.iter().any(|g| g.len() != 3) {
        return Err(Why::Groups);
    }
    whole(&groups.concat())
}

/// The number before `tr` or `k`: plain digits, perhaps one decimal separator and one or
/// two decimals.
fn before_unit(num: &str, multiplier: i64) -> Result<i64, Why> {
    let (int, frac) = match num.find(['.', ',']) {
        Some(i) => (&num[..i], Some(&num[i + 1..])),
        None => (num, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(int) || frac.is_some_and(|f| !digits(f) || f.len() > 2) {
        return Err(Why::BeforeUnit);
    }
    let int = whole(int)?;
    let (frac, scale) = match frac {
        Some(f) => (f.parse::<i64>().map_err(|_| Why::BeforeUnit)?, 10i64.pow(f.len() as u32)),
        None => (0, 1),
    };
    // multiplier is 1,000 or 1,000,000 and scale at most 100: the result is whole đồng.
    let v = int.checked_mul(multiplier).and_then(|v| v.checked_add(frac * multiplier / scale)).ok_or(Why::TooLarge)?;
    if v > MAX_AMOUNT {
        return Err(Why::TooLarge);
    }
    Ok(v)
}

#[cfg(test)]
#[path = "../../tests/unit/domain/amount.rs"]
mod tests;
