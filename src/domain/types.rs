//! Typed values of the register: dates, periods, case numbers and the closed vocabularies
//! (review class, release reason, support kind, gender). Parsing lives here, once.

use chrono::{Datelike, NaiveDate};

use crate::domain::error::Refusal;

pub type Result<T> = std::result::Result<T, anyhow::Error>;

/// Longest free text we accept (notes, addresses): a register is not a document store.
pub const MAX_NOTE: usize = 4000;
pub const MAX_NAME: usize = 200;
pub const MAX_ADDRESS: usize = 500;

/// Parse `YYYY-MM-DD` or `DD/MM/YYYY` (also `D/M/YYYY`). No future check here.
pub fn parse_date_any(s: &str) -> std::result::Result<NaiveDate, Refusal> {
    let t = s.trim();
    let bad = || crate::refusal_w!("invalid-date-expected-yyyy", typed = s.to_string());
    if t.len() > 10 {
        return Err(bad());
    }
    let (y, m, d) = if let Some((a, rest)) = t.split_once('/') {
        let (b, c) = rest.split_once('/').ok_or_else(bad)?;
        if c.len() != 4 {
            return Err(bad());
        }
        (c, b, a)
    } else {
        let mut it = t.splitn(3, '-');
        let (a, b, c) = (it.next(), it.next(), it.next());
        match (a, b, c) {
            (Some(a), Some(b), Some(c)) if a.len() == 4 && b.len() == 2 && c.len() == 2 => (a, b, c),
            _ => return Err(bad()),
        }
    };
    let num = |x: &str| -> Option<u32> {
        if x.is_empty() || x.len() > 4 || !x.bytes().all(|b| b.is_ascii_digit()) {
            None
        } else {
            x.parse().ok()
        }
    };
    let (y, m, d) = (num(y).ok_or_else(bad)?, num(m).ok_or_else(bad)?, num(d).ok_or_else(bad)?);
    if !(1900..=9999).contains(&y) {
        return Err(bad());
    }
    NaiveDate::from_ymd_opt(y as i32, m, d).ok_or_else(bad)
}

/// Parse an event date: a valid date not after `today`.
pub fn parse_event_date(s: &str, today: NaiveDate) -> Result<NaiveDate> {
    let d = parse_date_any(s)?;
    if d > today {
        crate::refuse_w!("date-future-today-give", typed = s.to_string(), today = today.to_string());
    }
    Ok(d)
}

/// An optional event date defaulting to today.
pub fn event_date_or_today(s: Option<&str>, today: NaiveDate) -> Result<NaiveDate> {
    match s {
        Some(s) => parse_event_date(s, today),
        None => Ok(today),
    }
}

pub fn iso(d: NaiveDate) -> String {
    // Hand-formatted: chrono's strftime parses its pattern on every call, and imports call
    // this for every date of every row.
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// Dates read back from the database were written by us as ISO text.
pub fn from_iso(s: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| anyhow::anyhow!("stored date '{s}' is not ISO: {e}"))
}

/// Birth: a year (`1990`) or a full date. Returns (year, exact date if given).
pub fn parse_birth(s: &str, today: NaiveDate) -> Result<(i32, Option<NaiveDate>)> {
    let t = s.trim();
    if t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()) {
        let y: i32 = t.parse()?;
        if y < 1900 || y > today.year() {
            crate::refuse_w!("invalid-birth-year-expected", typed = s.to_string(), today = today.year().to_string());
        }
        return Ok((y, None));
    }
    let d = parse_date_any(t).map_err(|_| crate::refusal_w!("invalid-birth-expected-year", typed = s.to_string()))?;
    if d > today {
        crate::refuse_w!("birth-date-future", typed = s.to_string());
    }
    Ok((d.year(), Some(d)))
}

/// A case number `YYYY-NNNN`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct CaseNo {
    pub year: i32,
    pub seq: i64,
}

impl CaseNo {
    pub fn parse(s: &str) -> Result<CaseNo> {
        let t = s.trim();
        let bad = || crate::refusal_w!("invalid-case-number-expected", typed = s.to_string());
        let (y, n) = t.split_once('-').ok_or_else(bad)?;
        if y.len() != 4 || n.is_empty() || n.len() > 9 {
            return Err(bad().into());
        }
        if !y.bytes().all(|b| b.is_ascii_digit()) || !n.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad().into());
        }
        let year: i32 = y.parse().map_err(|_| bad())?;
        let seq: i64 = n.parse().map_err(|_| bad())?;
        if seq < 1 {
            return Err(bad().into());
        }
        Ok(CaseNo { year, seq })
    }
}

impl std::fmt::Display for CaseNo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:04}", self.year, self.seq)
    }
}

/// A closed vocabulary: its key and its values' codes. The vocabulary's name and each value's
/// label are in the catalogue (`i18n/*/domain.ftl`): `vocab-KEY` and `vocab-KEY-CODE`.
macro_rules! vocab {
    ($name:ident, $key:literal, [$(($var:ident, $code:literal)),+ $(,)?]) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name { $($var),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$var),+];

            pub fn code(self) -> &'static str {
                match self { $($name::$var => $code),+ }
            }

            pub fn label(self, vietnamese: bool) -> &'static str {
                match self { $($name::$var => crate::words::label(vietnamese, concat!("vocab-", $key, "-", $code))),+ }
            }

            /// The vocabulary's name (`review class`), from the catalogue.
            pub fn what(vietnamese: bool) -> &'static str {
                crate::words::label(vietnamese, concat!("vocab-", $key))
            }

            pub fn codes() -> String {
                Self::ALL.iter().map(|v| v.code()).collect::<Vec<_>>().join(", ")
            }

            /// The vocabulary's name in the catalogue's alias ids (`alias-reason-moved`).
            pub const KEY: &'static str = $key;

            /// Accepts the code, either label, or an alias the catalogue lists
            /// (`i18n/*/aliases.ftl`: header words and the ways clerks say it), ignoring case
            /// and diacritics (SPEC §18).
            pub fn parse(s: &str) -> Result<$name> {
                // The exact code is what scripts and imports send: no folding needed.
                if let Some(v) = Self::ALL.iter().find(|v| v.code() == s) {
                    return Ok(*v);
                }
                let f = crate::text::fold(s);
                for v in Self::ALL {
                    if f == crate::text::fold(v.code())
                        || f == crate::text::fold(v.label(false))
                        || f == crate::text::fold(v.label(true))
                        || crate::words::aliases($key, v.code()).iter().any(|a| f == crate::text::fold(a))
                    {
                        return Ok(*v);
                    }
                }
                let list = |vi: bool| {
                    Self::ALL
                        .iter()
                        .map(|v| if v.label(vi) == v.code() { v.code().to_string() } else { format!("{} ({})", v.code(), v.label(vi)) })
                        .collect::<Vec<_>>()
                        .join("; ")
                };
                crate::refuse_w!(
                    "domain-vocab-invalid",
                    what = crate::words::both(Self::what(false), Self::what(true)),
                    typed = s,
                    list = crate::words::both(list(false), list(true))
                )
            }
        }
    };
}

vocab!(Class, "class", [(A, "A"), (B, "B"), (C, "C"), (D, "D"),]);

vocab!(
    Reason,
    "reason",
    [
        (Progressed, "progressed"),
        (Moved, "moved"),
        (Deceased, "deceased"),
        (Reoffended, "reoffended"),
        (Institution, "institution"),
        (Other, "other"),
    ]
);

vocab!(SupportKind, "kind", [(Job, "job"), (Loan, "loan"), (Training, "training"), (Gift, "gift"), (Other, "other"),]);

vocab!(Gender, "gender", [(Male, "male"), (Female, "female"),]);

/// An identity number (CCCD 12 digits, CMND 9 digits).
pub fn parse_id_number(s: &str) -> Result<String> {
    let t = s.trim();
    if (t.len() == 9 || t.len() == 12) && t.bytes().all(|b| b.is_ascii_digit()) {
        Ok(t.to_string())
    } else {
        crate::refuse_w!("invalid-identity-number-expected", typed = s.to_string())
    }
}

/// The refusal for a text holding a character the register does not store (see
/// [`crate::text`]): the text is echoed with that character made visible.
pub fn unwanted(u: &crate::text::Unwanted, typed: &str, what_en: &str, what_vi: &str) -> Refusal {
    use crate::text::UnwantedKind;
    let shown = crate::text::visible(typed);
    let code = format!("U+{:04X}", u.ch as u32);
    let kind = match u.kind {
        UnwantedKind::Control => "control",
        UnwantedKind::Bidi => "bidi",
        UnwantedKind::Format => "format",
    };
    crate::refusal_w!(
        "domain-unwanted-character",
        what = crate::words::both(what_en, what_vi),
        shown = shown.as_ref(),
        kind = kind,
        code = &code,
        at = u.at
    )
}

/// A one-line text cleaned for storing ([`crate::text::clean_line`]), or its refusal.
pub fn line_text(s: &str, what_en: &str, what_vi: &str) -> Result<String> {
    crate::text::clean_line(s).map_err(|u| unwanted(&u, s, what_en, what_vi).into())
}

/// A cleaned, non-empty name of bounded length.
pub fn parse_name(s: &str, what_en: &str, what_vi: &str) -> Result<String> {
    let n = line_text(s, what_en, what_vi)?;
    if n.is_empty() {
        crate::refuse_w!("empty-give-name-with", what = crate::words::both(what_en, what_vi));
    }
    if n.chars().count() > MAX_NAME {
        crate::refuse_w!(
            "too-long-characters-at",
            what = crate::words::both(what_en, what_vi),
            count = n.chars().count().to_string(),
            max_name = MAX_NAME.to_string()
        );
    }
    Ok(n)
}

/// Optional one-line text (an address, a phone): cleaned as a name is, bounded,
/// empty → None.
pub fn parse_text(s: Option<&str>, max: usize, what_en: &str, what_vi: &str) -> Result<Option<String>> {
    let Some(s) = s else { return Ok(None) };
    bounded(line_text(s, what_en, what_vi)?, max, what_en, what_vi)
}

/// An optional note: its line breaks kept ([`crate::text::clean_note`]), at most
/// [`MAX_NOTE`] characters, empty → None. A refusal calls it "note" (`domain-word-note`).
pub fn parse_note(s: Option<&str>) -> Result<Option<String>> {
    let Some(s) = s else { return Ok(None) };
    let (what_en, what_vi) = crate::label_w!("domain-word-note");
    let t = crate::text::clean_note(s).map_err(|u| unwanted(&u, s, what_en, what_vi))?;
    bounded(t, MAX_NOTE, what_en, what_vi)
}

fn bounded(t: String, max: usize, what_en: &str, what_vi: &str) -> Result<Option<String>> {
    if t.is_empty() {
        return Ok(None);
    }
    let n = t.chars().count();
    if n > max {
        crate::refuse_w!(
            "too-long-characters-at-2",
            what = crate::words::both(what_en, what_vi),
            count = n.to_string(),
            max = max.to_string()
        );
    }
    Ok(Some(t))
}

/// Amounts are whole đồng: see [`crate::domain::amount`].
pub use crate::domain::amount::parse_amount;

/// A closed date range, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Period {
    /// `2022`, `2022-Q1`/`2022q1`, `2022-05`, `2022-01-01..2022-05-20`, and the forms people
    /// write and the titles print (SPEC §18): `quý I/2022`, `I/2022`, `Q1/2022`, `2022 Q1`,
    /// `tháng 5/2022`, `5/2022`, `05/2022`, `May 2022`, `năm 2022`, `từ ngày 01/01/2022 đến
    /// ngày 20/05/2022`, `1 Jan 2022 to 20 May 2022`; None = this year to today.
    pub fn parse(s: Option<&str>, today: NaiveDate) -> Result<Period> {
        let Some(s) = s else {
            return Ok(Period { from: ymd(today.year(), 1, 1), to: today });
        };
        let t = s.trim();
        let bad = || crate::refusal_w!("invalid-period-expected-2022", typed = s.to_string());
        if let Some(p) = written(t) {
            if p.to < p.from {
                crate::refuse_w!("invalid-period-it-ends", typed = s.to_string());
            }
            return Ok(p);
        }
        let year = four_digit_year;
        let p = if let Some((a, b)) = t.split_once("..") {
            let from = parse_date_any(a).map_err(|_| bad())?;
            let to = parse_date_any(b).map_err(|_| bad())?;
            if to < from {
                crate::refuse_w!("invalid-period-it-ends-2", typed = s.to_string());
            }
            Period { from, to }
        } else if !t.is_ascii() || t.len() < 4 {
            return Err(bad().into());
        } else if let Some(y) = year(t) {
            Period { from: ymd(y, 1, 1), to: ymd(y, 12, 31) }
        } else {
            let y = year(&t[..4]).ok_or_else(bad)?;
            let rest = t[4..].to_ascii_lowercase();
            if let Some(q) = rest.strip_prefix("-q").or_else(|| rest.strip_prefix('q')) {
                q.parse().ok().and_then(|q| quarter(y, q)).ok_or_else(bad)?
            } else if let Some(m) = rest.strip_prefix('-') {
                month(y, m).ok_or_else(bad)?
            } else {
                return Err(bad().into());
            }
        };
        Ok(p)
    }

    /// The month or quarter sub-periods covering this period, clipped to it.
    pub fn split(&self, by_quarter: bool) -> Vec<(String, Period)> {
        let mut out = Vec::new();
        let mut y = self.from.year();
        let mut m = self.from.month();
        if by_quarter {
            m = (m - 1) / 3 * 3 + 1;
        }
        loop {
            let start = ymd(y, m, 1);
            if start > self.to {
                break;
            }
            let step = if by_quarter { 3 } else { 1 };
            let (ny, nm) = if m + step > 12 { (y + 1, m + step - 12) } else { (y, m + step) };
            let end = ymd(ny, nm, 1).pred_opt().unwrap_or(start);
            let label = if by_quarter { format!("{y}-Q{}", (m - 1) / 3 + 1) } else { format!("{y}-{m:02}") };
            out.push((label, Period { from: start.max(self.from), to: end.min(self.to) }));
            y = ny;
            m = nm;
        }
        out
    }
}

/// A period as people write it and as the titles print it (see [`Period::parse`]), compared
/// without case or diacritics; `None` when `t` is none of these forms.
fn written(t: &str) -> Option<Period> {
    let f = crate::text::fold(t);
    let f = f.as_str();
    let year = four_digit_year;
    let roman = |q: &str| ["i", "ii", "iii", "iv"].iter().position(|r| *r == q).map(|i| i as u32 + 1);
    let quarter_no = |q: &str| -> Option<u32> {
        let q = q.trim();
        roman(q).or_else(|| q.strip_prefix('q').unwrap_or(q).parse().ok().filter(|n| (1..=4).contains(n)))
    };
    // Ranges: `từ ngày A đến ngày B` and `A to B`, each date in any accepted form.
    let date = |d: &str| -> Option<NaiveDate> {
        let d = d.trim();
        let d = d.strip_prefix("ngay ").unwrap_or(d).trim();
        parse_date_any(d).ok().or_else(|| english_date(d))
    };
    if let Some(rest) = f.strip_prefix("tu ") {
        let (a, b) = rest.split_once(" den ")?;
        return Some(Period { from: date(a)?, to: date(b)? });
    }
    if let Some((a, b)) = f.split_once(" to ") {
        return Some(Period { from: date(a)?, to: date(b)? });
    }
    if let Some(y) = f.strip_prefix("nam ").and_then(|y| year(y.trim())) {
        return Some(Period { from: ymd(y, 1, 1), to: ymd(y, 12, 31) });
    }
    if let Some((a, b)) = f.split_once(' ') {
        // `2022 Q1` (the English titles).
        if let (Some(y), Some(q)) = (year(a), b.strip_prefix('q').and_then(quarter_no)) {
            return quarter(y, q);
        }
        // `May 2022`.
        if let (Some(m), Some(y)) = (MONTHS_EN.iter().position(|n| *n == a), year(b)) {
            return month(y, &format!("{:02}", m + 1));
        }
    }
    // `quý I/2022`, `I/2022`, `Q1/2022`, `tháng 5/2022`, `5/2022`, `05/2022`.
    let (head, y) = f.rsplit_once('/')?;
    let y = year(y.trim())?;
    let head = head.trim();
    if let Some(q) = head.strip_prefix("quy ") {
        return quarter(y, quarter_no(q)?);
    }
    if let Some(q) = roman(head).or_else(|| head.strip_prefix('q').and_then(quarter_no)) {
        return quarter(y, q);
    }
    let m = head.strip_prefix("thang ").unwrap_or(head).trim();
    if (1..=2).contains(&m.len()) && m.bytes().all(|b| b.is_ascii_digit()) {
        return month(y, &format!("{m:0>2}"));
    }
    None
}

const MONTHS_EN: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// `1 Jan 2022` / `1 January 2022` (the English titles' dates).
fn english_date(d: &str) -> Option<NaiveDate> {
    let mut w = d.split_whitespace();
    let (day, mon, year) = (w.next()?, w.next()?, w.next()?);
    if w.next().is_some() {
        return None;
    }
    let m = MONTHS_EN.iter().position(|n| n.eq_ignore_ascii_case(mon) || n[..3].eq_ignore_ascii_case(mon))?;
    NaiveDate::from_ymd_opt(year.parse().ok()?, m as u32 + 1, day.parse().ok()?)
}

/// A year of four digits, 1900 or later.
fn four_digit_year(y: &str) -> Option<i32> {
    if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) {
        y.parse().ok().filter(|v| *v >= 1900)
    } else {
        None
    }
}

/// Quarter `q` (1..=4) of year `y`.
fn quarter(y: i32, q: u32) -> Option<Period> {
    if !(1..=4).contains(&q) {
        return None;
    }
    let from = NaiveDate::from_ymd_opt(y, (q - 1) * 3 + 1, 1)?;
    let to = if q == 4 {
        NaiveDate::from_ymd_opt(y, 12, 31)?
    } else {
        NaiveDate::from_ymd_opt(y, q * 3 + 1, 1)?.pred_opt()?
    };
    Some(Period { from, to })
}

fn month(y: i32, m: &str) -> Option<Period> {
    if m.len() != 2 {
        return None;
    }
    let m: u32 = m.parse().ok().filter(|m| (1..=12).contains(m))?;
    let from = NaiveDate::from_ymd_opt(y, m, 1)?;
    let to =
        if m == 12 { NaiveDate::from_ymd_opt(y, 12, 31)? } else { NaiveDate::from_ymd_opt(y, m + 1, 1)?.pred_opt()? };
    Some(Period { from, to })
}

/// A calendar date known to be valid (callers pass month 1..=12 and day 1).
pub fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    // Invariant: every caller passes a real day (day 1, or 31 December) of a year in range.
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

#[cfg(test)]
#[path = "../../tests/unit/domain/types.rs"]
mod tests;
