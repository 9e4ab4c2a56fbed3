//! The rows and columns every view is made of (SPEC §18, issue 19 item 5): the cell, the
//! output format, what each column holds (its [`Kind`]), and a view's columns with the ones
//! that matter most. The rendering layer (`crate::output`, `crate::xlsx`) reads these; the
//! reports and read commands declare their views with them, beside their SQL.
//!
//! This module imports nothing of the crate (a unit test of `output` reads both sources to
//! keep it so): the reports depend on it, the renderers depend on it, and neither on the other.
//! What a value is called in words (a ward's name, a reason's label, a month in words) is
//! not here: the renderer asks the [`Labels`] its caller gives it.

use std::collections::HashMap;

/// One value in a row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Null,
    Text(String),
    Int(i64),
    /// A percentage or ratio shown with one decimal.
    Dec1(f64),
    /// A floating-point value shown in full (ad-hoc queries).
    Real(f64),
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }
    pub fn opt_text(s: Option<String>) -> Cell {
        s.map(Cell::Text).unwrap_or(Cell::Null)
    }
    pub fn opt_int(v: Option<i64>) -> Cell {
        v.map(Cell::Int).unwrap_or(Cell::Null)
    }
    pub fn render(&self) -> String {
        match self {
            Cell::Null => String::new(),
            Cell::Text(s) => s.clone(),
            Cell::Int(i) => i.to_string(),
            Cell::Dec1(f) => format!("{f:.1}"),
            Cell::Real(f) => f.to_string(),
        }
    }
    pub fn json(&self) -> serde_json::Value {
        match self {
            Cell::Null => serde_json::Value::Null,
            Cell::Text(s) => serde_json::Value::String(s.clone()),
            Cell::Int(i) => serde_json::Value::from(*i),
            Cell::Dec1(f) => serde_json::Value::from((f * 10.0).round() / 10.0),
            Cell::Real(f) => serde_json::Value::from(*f),
        }
    }
}

/// A row as one JSON object, keyed by the columns.
pub fn json_object(columns: &[String], cells: &[Cell]) -> serde_json::Value {
    let mut m = serde_json::Map::with_capacity(columns.len());
    for (c, v) in columns.iter().zip(cells) {
        m.insert(c.clone(), v.json());
    }
    serde_json::Value::Object(m)
}

/// Output format of a read command (`-f`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum Format {
    #[default]
    Table,
    Csv,
    Json,
    /// Excel workbook (reports only; needs -o FILE)
    Xlsx,
}

/// What a report's `group` column holds, so a table can name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Group {
    /// Shown as it is (a member id).
    #[default]
    Code,
    Ward,
    Org,
    Category,
    Month,
    Quarter,
}

impl Group {
    /// The column whose values a group holds (a ward group reads, and is headed, as the
    /// `ward` column is).
    pub fn column(self) -> Option<&'static str> {
        match self {
            Group::Ward => Some("ward"),
            Group::Org => Some("org"),
            Group::Category => Some("category"),
            Group::Code | Group::Month | Group::Quarter => None,
        }
    }

    /// What the column of [`Group::column`] holds.
    pub fn kind(self) -> Option<Kind> {
        self.column().map(kind_of)
    }
}

/// The register's own dictionaries, code → name, so tables can name wards, organizations and
/// categories (read from the database by `read::names`).
#[derive(Debug, Clone, Default)]
pub struct Names {
    pub wards: HashMap<String, String>,
    pub orgs: HashMap<String, String>,
    pub categories: HashMap<String, String>,
}

/// What a column holds, which decides how a person reads it in a table (SPEC §11): CSV, JSON
/// and xlsx keep every value as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Shown as it is (names, notes, case numbers, ids).
    Text,
    /// A count or an amount: the language's thousands separator, right-aligned.
    Figure,
    /// A percentage with one decimal, in the language's form.
    Percent,
    /// An ISO date: `DD/MM/YYYY` in Vietnamese.
    Date,
    /// An ISO date-time (the audit's `at`): `DD/MM/YYYY HH:MM:SS` in Vietnamese.
    DateTime,
    /// A ward's code: its name in the register; never broken across lines.
    Ward,
    /// An organization's code: its label.
    Org,
    /// A category's code: its label.
    Category,
    /// A release reason's code (a trailing ` ✓` kept: credited to the member).
    Reason,
    /// A person's gender code.
    Gender,
    /// A support's kind.
    SupportKind,
    /// A review's class: the code with its label.
    Class,
    /// A word of the catalogue (a status, a timeline event).
    Word,
    /// The audit's JSON detail: a space after each comma, so it can wrap between fields.
    Detail,
    /// A report's `group` column: `TOTAL` and `unassigned` in words, else as [`Group`] says.
    Group,
}

/// Every column key of every view, with what it holds: one fact, one rendering — a key reads
/// the same in every view it appears in. A key missing here is [`Kind::Text`]; the views'
/// test (`every_view_column_has_its_kind`) fails for a key of a declared view that is not
/// listed, so a new figure column cannot silently lose its number format.
const KINDS: &[(&str, Kind)] = &[
    // Text.
    ("case_no", Kind::Text),
    ("person_id", Kind::Text),
    ("name", Kind::Text),
    ("birth_year", Kind::Text),
    ("id_number", Kind::Text),
    ("address", Kind::Text),
    ("note", Kind::Text),
    ("member_id", Kind::Text),
    ("credited_member_id", Kind::Text),
    ("member_name", Kind::Text),
    ("id", Kind::Text),
    ("phone", Kind::Text),
    ("code", Kind::Text),
    ("seq", Kind::Text),
    ("actor", Kind::Text),
    ("action", Kind::Text),
    ("entity", Kind::Text),
    ("entity_key", Kind::Text),
    ("prev_hash", Kind::Text),
    ("hash", Kind::Text),
    ("key", Kind::Text),
    ("value", Kind::Text),
    ("successor", Kind::Text),
    ("void_reason", Kind::Text),
    ("match", Kind::Text),
    ("unit", Kind::Text),
    ("unit_a", Kind::Text),
    ("unit_b", Kind::Text),
    ("case_a", Kind::Text),
    ("case_b", Kind::Text),
    ("fingerprint", Kind::Text),
    ("public_key", Kind::Text),
    ("audit_head", Kind::Text),
    ("revision", Kind::Text),
    ("period", Kind::Text),
    ("reopen_reason", Kind::Text),
    // Figures: the summary's, the quota's, the contacts', and the members' counts.
    ("opening", Kind::Figure),
    ("intake", Kind::Figure),
    ("total_managed", Kind::Figure),
    ("progressed", Kind::Figure),
    ("moved", Kind::Figure),
    ("deceased", Kind::Figure),
    ("reoffended", Kind::Figure),
    ("institution", Kind::Figure),
    ("other", Kind::Figure),
    ("exits", Kind::Figure),
    ("closing", Kind::Figure),
    ("contacts", Kind::Figure),
    ("supports", Kind::Figure),
    ("loan_amount", Kind::Figure),
    ("members", Kind::Figure),
    ("target", Kind::Figure),
    ("achieved", Kind::Figure),
    ("members_met", Kind::Figure),
    ("shortfall", Kind::Figure),
    ("cases", Kind::Figure),
    ("contacted", Kind::Figure),
    ("not_contacted", Kind::Figure),
    ("amount", Kind::Figure),
    ("open_cases", Kind::Figure),
    ("progressed_this_year", Kind::Figure),
    ("quota", Kind::Figure),
    ("days_since", Kind::Figure),
    ("revisions", Kind::Figure),
    ("pct", Kind::Percent),
    // Dates.
    ("birth_date", Kind::Date),
    ("enrolled_on", Kind::Date),
    ("released_on", Kind::Date),
    ("last_contact", Kind::Date),
    ("joined_on", Kind::Date),
    ("left_on", Kind::Date),
    ("start_on", Kind::Date),
    ("end_on", Kind::Date),
    ("reviewed_on", Kind::Date),
    ("given_on", Kind::Date),
    ("date", Kind::Date),
    ("from_on", Kind::Date),
    ("dissolved_on", Kind::Date),
    ("voided_on", Kind::Date),
    ("period_from", Kind::Date),
    ("period_to", Kind::Date),
    ("at", Kind::DateTime),
    ("sent_at", Kind::DateTime),
    ("reopened_at", Kind::DateTime),
    ("received_at", Kind::DateTime),
    ("made_at", Kind::DateTime),
    ("added_at", Kind::DateTime),
    // Vocabularies.
    ("ward", Kind::Ward),
    ("org", Kind::Org),
    ("category", Kind::Category),
    ("reason", Kind::Reason),
    ("gender", Kind::Gender),
    ("kind", Kind::SupportKind),
    ("class", Kind::Class),
    ("status", Kind::Word),
    ("event", Kind::Word),
    ("detail", Kind::Detail),
    ("group", Kind::Group),
];

/// What the column `key` holds ([`KINDS`]; [`Kind::Text`] for a key not listed).
pub fn kind_of(key: &str) -> Kind {
    KINDS.iter().find(|(k, _)| *k == key).map_or(Kind::Text, |(_, kind)| *kind)
}

/// Whether `key` is listed in [`KINDS`] (for the views' test).
pub fn has_kind(key: &str) -> bool {
    KINDS.iter().any(|(k, _)| *k == key)
}

/// A view: its columns (the English snake_case keys of SPEC §7: CSV headers and JSON keys in
/// every language) and those that matter most — when a table cannot fit the terminal even
/// with its headers and names wrapped, only these are shown (stderr says `--wide` shows all).
/// `essential: None`: every column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct View<'a> {
    pub columns: &'a [&'a str],
    pub essential: Option<&'a [&'a str]>,
}

impl<'a> View<'a> {
    /// A view whose columns are all essential (ad-hoc columns, small views).
    pub const fn all(columns: &'a [&'a str]) -> View<'a> {
        View { columns, essential: None }
    }

    /// A view that keeps `essential` when a table must narrow.
    pub const fn with_essential(columns: &'a [&'a str], essential: &'a [&'a str]) -> View<'a> {
        View { columns, essential: Some(essential) }
    }

    /// Which columns are essential, in order.
    pub fn essential_mask(&self) -> Vec<bool> {
        match self.essential {
            Some(keep) => self.columns.iter().map(|c| keep.contains(c)).collect(),
            None => vec![true; self.columns.len()],
        }
    }
}

/// What values are called in words, given to the renderer by its caller (the register's
/// names and the domain's vocabularies live outside this layer): `None` where there is no
/// word for a value, which is then shown as it is.
pub trait Labels {
    /// A ward's name.
    fn ward(&self, code: &str) -> Option<String>;
    /// An organization's or a category's label (`kind` is [`Kind::Org`] or [`Kind::Category`]).
    fn dictionary(&self, kind: Kind, code: &str, vi: bool) -> Option<String>;
    /// A reason's, gender's, support kind's or review class's label, as a table shows it.
    fn vocabulary(&self, kind: Kind, code: &str, vi: bool) -> Option<String>;
    /// A month (`2022-05`) or quarter (`2022-Q2`) in words.
    fn period(&self, code: &str, vi: bool) -> Option<String>;
    /// An ISO date as a table shows it.
    fn date(&self, iso: &str, vi: bool) -> Option<String>;
}
