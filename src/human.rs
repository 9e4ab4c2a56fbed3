//! How figures, dates and periods read to a person (SPEC §11), in Vietnamese or English.
//!
//! Only for human output (tables, titles, the brief). CSV, JSON and xlsx cells keep the codes,
//! ISO dates and plain numbers of Part I and never go through this module.

use chrono::{Datelike, NaiveDate};

use crate::domain::types::Period;

/// A whole number with the language's thousands separator: `298.000.000` (vi),
/// `298,000,000` (en).
pub fn int(n: i64, vi: bool) -> String {
    let sep = if vi { '.' } else { ',' };
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// A percentage with one decimal and the language's decimal mark: `12,5` (vi), `12.5` (en).
pub fn pct(v: f64, vi: bool) -> String {
    let s = format!("{v:.1}");
    if vi {
        s.replace('.', ",")
    } else {
        s
    }
}

/// A date as a person reads it: `20/05/2022` (vi), `20 May 2022` (en).
pub fn date(d: NaiveDate, vi: bool) -> String {
    if vi {
        d.format("%d/%m/%Y").to_string()
    } else {
        format!("{} {} {}", d.day(), MONTHS_EN[d.month0() as usize], d.year())
    }
}

/// A date in a table: `20/05/2022` (vi) or the ISO date (en), which sorts and never wraps.
pub fn table_date(d: NaiveDate, vi: bool) -> String {
    if vi {
        d.format("%d/%m/%Y").to_string()
    } else {
        d.format("%Y-%m-%d").to_string()
    }
}

const MONTHS_EN: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MONTHS_EN_LONG: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const ROMAN: [&str; 4] = ["I", "II", "III", "IV"];

/// What kind of period a date range is, as a person would name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Year(i32),
    /// Year and quarter 1..=4.
    Quarter(i32, u32),
    /// Year and month 1..=12.
    Month(i32, u32),
    Range,
}

fn first_of(y: i32, m: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, 1)
}

fn last_of(y: i32, m: u32) -> Option<NaiveDate> {
    let next = if m == 12 { first_of(y + 1, 1) } else { first_of(y, m + 1) };
    next.and_then(|d| d.pred_opt())
}

/// Whether the period is a whole calendar year, quarter or month, or another range.
pub fn kind(p: &Period) -> Kind {
    let (f, t) = (p.from, p.to);
    if f.year() != t.year() || f.day() != 1 || Some(t) != last_of(t.year(), t.month()) {
        return Kind::Range;
    }
    let y = f.year();
    match (f.month(), t.month()) {
        (1, 12) => Kind::Year(y),
        (a, b) if a == b => Kind::Month(y, a),
        (a, b) if (a - 1).is_multiple_of(3) && b == a + 2 => Kind::Quarter(y, (a - 1) / 3 + 1),
        _ => Kind::Range,
    }
}

/// The period in words: `quý I/2022`, `năm 2021`, `tháng 5/2022`,
/// `từ ngày 01/01/2022 đến ngày 20/05/2022` (en: `2022 Q1`, `2021`, `May 2022`,
/// `1 Jan 2022 to 20 May 2022`).
pub fn period(p: &Period, vi: bool) -> String {
    match kind(p) {
        Kind::Year(y) => crate::w!(vi, "period-in-words-year", year = y.to_string()),
        Kind::Quarter(y, q) => crate::w!(
            vi,
            "period-in-words-quarter",
            year = y.to_string(),
            quarter = crate::words::both(q, ROMAN[(q - 1) as usize])
        ),
        Kind::Month(y, m) => crate::w!(
            vi,
            "period-in-words-month",
            year = y.to_string(),
            month = crate::words::both(MONTHS_EN_LONG[(m - 1) as usize], m)
        ),
        Kind::Range => crate::w!(
            vi,
            "period-in-words-range",
            from = crate::words::both(date(p.from, false), date(p.from, true)),
            to = crate::words::both(date(p.to, false), date(p.to, true))
        ),
    }
}

/// The period of the same kind just before this one: the previous year, quarter or month; for
/// any other range, the same number of days just before it.
pub fn previous(p: &Period) -> Period {
    let shift = |y: i32, m: u32, months: i32| -> (i32, u32) {
        let idx = y * 12 + m as i32 - 1 - months;
        (idx.div_euclid(12), idx.rem_euclid(12) as u32 + 1)
    };
    let whole = |(fy, fm): (i32, u32), (ty, tm): (i32, u32)| match (first_of(fy, fm), last_of(ty, tm)) {
        (Some(from), Some(to)) => Some(Period { from, to }),
        _ => None,
    };
    let found = match kind(p) {
        Kind::Year(y) => whole((y - 1, 1), (y - 1, 12)),
        Kind::Quarter(y, q) => {
            let m = (q - 1) * 3 + 1;
            whole(shift(y, m, 3), shift(y, m + 2, 3))
        }
        Kind::Month(y, m) => whole(shift(y, m, 1), shift(y, m, 1)),
        Kind::Range => None,
    };
    found.unwrap_or_else(|| {
        let days = (p.to - p.from).num_days() + 1;
        let to = p.from.pred_opt().unwrap_or(p.from);
        Period { from: to - chrono::Duration::days(days - 1), to }
    })
}

#[cfg(test)]
#[path = "../tests/unit/human.rs"]
mod tests;
