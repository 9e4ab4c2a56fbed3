//! `sheet`: the month's contact sheets (SPEC §17, "The month's sheet"): for each member in
//! charge, the cases to visit, with empty columns to fill in and bring back with
//! `import reviews`.
//!
//! # Which cases, on whose sheet
//! A case is on the sheets of a period [F, T] when it is open at some time in the period:
//! enrolled on or before T and not released before F (the cases `report summary` counts as
//! managed in the period). It is on the sheet of the member in charge of it on **its last open
//! day in the period** — T, or its release day when it was released in the period (the day
//! `report summary` and the scope of every period report use; see `scope::case_in_scope`).
//! For a case still open on T that is exactly `report contacts`' rule, "the member assigned
//! on T", so a member's sheet lists the cases `report contacts` counts in their charge, plus
//! any case released during the period, which the member may have visited before it closed.
//! A case with no member on that day goes on the sheet of cases with no member.
//!
//! The ward shown (and the one `--ward` selects by) is the case's ward on that same day; the
//! organization (`--org`) is that of the member in charge.
//!
//! # What each row holds
//! Row number, case number, name, ward, address, and the case's last contact — its latest
//! review not voided dated on or before T, with its class — so a contact already recorded
//! this month shows on the sheet and is not written twice. Rows are in the ward's order, then
//! by case number; sheets by member id, the cases with no member last.
//!
//! `workbook` writes the sheets as an Excel workbook (one worksheet per member, the fill-in
//! cells unlocked, drop-downs and a date check), `paper` as an HTML page of paper forms (one
//! member per printed page) that `cmd::sheet` may print to PDF.

pub mod paper;
pub mod workbook;

use anyhow::{Context, Result};
use chrono::NaiveDate;
use rusqlite::{params, Connection};

use crate::domain::types::{iso, Period};
use crate::report::scope::Scope;
use crate::view::Names;

/// The columns of a sheet, in order, by key; their headers are `sheet-col-KEY` in the catalogue.
/// Every header is one `import reviews` recognises (the filled-in columns) or ignores (the
/// pre-filled ones, and the row number): checked by the unit test
/// `every_header_is_one_import_reviews_reads`.
pub const COLUMNS: &[&str] = &[
    "stt",
    "case_no",
    "name",
    "ward",
    "address",
    "last_contact",
    "last_class",
    "reviewed_on",
    "class",
    "note",
    "support_kind",
    "amount",
    "support_note",
];

/// The index in [`COLUMNS`] of the first column to fill in; those before are pre-filled.
pub const FIRST_FILL_IN: usize = 7;

/// The header of column `i` in the reader's language.
pub fn header(i: usize, vi: bool) -> String {
    column_header(COLUMNS[i], vi)
}

/// The header of the column `key` in the reader's language.
pub fn column_header(key: &str, vi: bool) -> String {
    match key {
        "stt" => crate::w!(vi, "sheet-col-stt"),
        "case_no" => crate::w!(vi, "sheet-col-case_no"),
        "name" => crate::w!(vi, "sheet-col-name"),
        "ward" => crate::w!(vi, "sheet-col-ward"),
        "address" => crate::w!(vi, "sheet-col-address"),
        "last_contact" => crate::w!(vi, "sheet-col-last_contact"),
        "last_class" => crate::w!(vi, "sheet-col-last_class"),
        "reviewed_on" => crate::w!(vi, "sheet-col-reviewed_on"),
        "class" => crate::w!(vi, "sheet-col-class"),
        "note" => crate::w!(vi, "sheet-col-note"),
        "support_kind" => crate::w!(vi, "sheet-col-support_kind"),
        "amount" => crate::w!(vi, "sheet-col-amount"),
        "support_note" => crate::w!(vi, "sheet-col-support_note"),
        // COLUMNS is the constant above: every key has its header.
        other => other.to_string(),
    }
}

/// The member a sheet is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub id: i64,
    pub name: String,
    /// The organization's code.
    pub org: String,
}

/// One case on a sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub case_no: String,
    pub name: String,
    /// The ward's code (its name is in [`Sheets::names`]).
    pub ward: String,
    pub address: Option<String>,
    /// The latest contact dated on or before the period's end, and its class.
    pub last: Option<(NaiveDate, String)>,
}

/// One member's sheet (`member` is None for the cases with no member).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    pub member: Option<Member>,
    pub rows: Vec<Row>,
}

/// Every sheet of a period, in order.
pub struct Sheets {
    pub period: Period,
    pub sheets: Vec<Sheet>,
    /// Code → name of wards and organizations.
    pub names: Names,
}

impl Sheets {
    pub fn cases(&self) -> usize {
        self.sheets.iter().map(|s| s.rows.len()).sum()
    }

    /// The number of cases with no member.
    pub fn unassigned(&self) -> usize {
        self.sheets.iter().filter(|s| s.member.is_none()).map(|s| s.rows.len()).sum()
    }

    /// A ward's name as the register writes it (its code when it has none).
    pub fn ward_name(&self, code: &str) -> String {
        self.names.wards.get(code).cloned().unwrap_or_else(|| code.to_string())
    }

    /// The member's organization as a person reads it.
    pub fn org_name(&self, code: &str, vi: bool) -> String {
        crate::vocabulary::org_name(&self.names, code, vi)
    }
}

/// The cases of the period with their member, ward and last contact, in the scope ?3 (ward),
/// ?4 (org), ?5 (member); `d` is the case's last open day in the period.
const SQL: &str = "
WITH k AS MATERIALIZED (
  SELECT c.id, c.case_no, c.person_id, c.ward_id,
         CASE WHEN c.released_on <= ?2 THEN c.released_on ELSE ?2 END AS d
  FROM cases c NOT INDEXED
  WHERE c.enrolled_on <= ?2 AND (c.released_on IS NULL OR c.released_on >= ?1)),
oc AS MATERIALIZED (
  SELECT k.id, k.case_no, k.person_id,
         coalesce((SELECT cw.ward_id FROM case_wards cw WHERE cw.case_id = k.id AND cw.from_on <= k.d
                   ORDER BY cw.from_on DESC LIMIT 1), k.ward_id) AS ward_id,
         (SELECT a.member_id FROM assignments a
          WHERE a.case_id = k.id AND a.start_on <= k.d AND (a.end_on IS NULL OR a.end_on >= k.d)
          ORDER BY a.start_on DESC, a.id DESC LIMIT 1) AS member_id,
         (SELECT r.id FROM reviews r
          WHERE r.case_id = k.id AND r.voided_on IS NULL AND r.reviewed_on <= ?2
          ORDER BY r.reviewed_on DESC, r.id DESC LIMIT 1) AS last_id
  FROM k)
SELECT oc.member_id, m.name, o.code, oc.case_no, p.name, w.code, p.address, r.reviewed_on, r.class
FROM oc
JOIN persons p ON p.id = oc.person_id
JOIN wards w ON w.id = oc.ward_id
LEFT JOIN members m ON m.id = oc.member_id
LEFT JOIN orgs o ON o.id = m.org_id
LEFT JOIN reviews r ON r.id = oc.last_id
WHERE (?3 IS NULL OR oc.ward_id = ?3) AND (?4 IS NULL OR m.org_id = ?4) AND (?5 IS NULL OR oc.member_id = ?5)
ORDER BY oc.member_id IS NULL, oc.member_id, w.sort_key, w.code, oc.case_no";

/// The sheets of `period` in `scope`; none when no case is in it.
pub fn gather(conn: &Connection, period: Period, scope: &Scope) -> Result<Sheets> {
    let mut stmt = conn.prepare_cached(SQL).context("preparing the sheets' query")?;
    let mut rows = stmt
        .query(params![iso(period.from), iso(period.to), scope.ward_id(), scope.org_id(), scope.member_id()])
        .context("reading the sheets' cases")?;
    let mut sheets: Vec<Sheet> = Vec::new();
    while let Some(r) = rows.next().context("reading the sheets' cases")? {
        let member = match r.get::<_, Option<i64>>(0)? {
            Some(id) => Some(Member { id, name: r.get(1)?, org: r.get(2)? }),
            None => None,
        };
        let last = match (r.get::<_, Option<String>>(7)?, r.get::<_, Option<String>>(8)?) {
            (Some(d), Some(class)) => {
                let d = NaiveDate::parse_from_str(&d, "%Y-%m-%d").context("reading a review's date")?;
                Some((d, class))
            }
            _ => None,
        };
        let row = Row { case_no: r.get(3)?, name: r.get(4)?, ward: r.get(5)?, address: r.get(6)?, last };
        match sheets.last_mut() {
            Some(s) if s.member.as_ref().map(|m| m.id) == member.as_ref().map(|m| m.id) => s.rows.push(row),
            _ => sheets.push(Sheet { member, rows: vec![row] }),
        }
    }
    Ok(Sheets { period, sheets, names: crate::read::names(conn)? })
}

/// The longest period a sheet covers: 3 months (a quarter). A member fills one row per case,
/// so a longer period would hide all but one of its contacts.
pub const MAX_MONTHS: u32 = 3;

/// Whether `p` is at most [`MAX_MONTHS`] long: it ends before the same day three months after
/// it starts (1 April for a period from 1 January: a quarter is the longest).
pub fn within_limit(p: &Period) -> bool {
    match p.from.checked_add_months(chrono::Months::new(MAX_MONTHS)) {
        Some(limit) => p.to < limit,
        None => false,
    }
}

/// The worksheet's name: the member's id and short name — the name itself when it fits
/// Excel's 31 characters, else its initials and given name (`12 N.T.N. Bích`), cut at 31 as a
/// last resort — with none of the characters Excel forbids (`[]:*?/\`, an apostrophe at
/// either end). Unique, as member ids are.
pub fn sheet_name(member: Option<&Member>, vi: bool) -> String {
    let Some(m) = member else {
        return crate::w!(vi, "sheet-unassigned");
    };
    use unicode_normalization::UnicodeNormalization;
    let clean: String = m.name.nfc().map(|c| if "[]:*?/\\".contains(c) || c.is_control() { ' ' } else { c }).collect();
    let words: Vec<&str> = clean.split_whitespace().collect();
    let fits = |s: &str| s.encode_utf16().count() <= 31;
    let full = format!("{} {}", m.id, words.join(" "));
    let name = if fits(&full) {
        full
    } else {
        let short = match words.split_last() {
            Some((last, first)) => {
                let initials: String =
                    first.iter().filter_map(|w| w.chars().next()).flat_map(|c| c.to_uppercase().chain(['.'])).collect();
                [m.id.to_string(), initials, last.to_string()]
                    .into_iter()
                    .filter(|p| !p.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ")
            }
            None => m.id.to_string(),
        };
        if fits(&short) {
            short
        } else {
            let mut cut = String::new();
            for c in short.chars() {
                if !fits(&format!("{cut}{c}")) {
                    break;
                }
                cut.push(c);
            }
            cut
        }
    };
    name.trim_end().trim_end_matches('\'').trim_end().to_string()
}

#[cfg(test)]
#[path = "../../../tests/unit/report/sheet/mod.rs"]
mod tests;
