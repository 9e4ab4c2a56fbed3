//! What values are called in words, for the renderer ([`crate::view::Labels`]): the register's
//! own names of wards, organizations and categories, the English labels of the seeded ones,
//! the domain's closed vocabularies (reasons, genders, support kinds, review classes), months
//! and quarters in words, and dates as a table shows them. The rendering layer is given a
//! [`Vocabulary`] by the command that renders, so it depends on none of these itself.

use std::collections::HashMap;

use crate::view::{Kind, Labels, Names};

/// A seeded organization's or category's catalogue label while the register keeps the
/// seeded name (`domain::register::seeded_label`); else, and for one added later or renamed,
/// the register's own name in both languages.
fn dict_name(names: &HashMap<String, String>, dict: &str, code: &str, vi: bool) -> String {
    let Some(name) = names.get(code) else { return code.to_string() };
    if crate::domain::register::seeded_label(dict, code, true).as_deref() == Some(name.as_str()) {
        if let Some(label) = crate::domain::register::seeded_label(dict, code, vi) {
            return label;
        }
    }
    name.clone()
}

/// An organization's name as a person reads it: its English label while the register keeps
/// the seeded name, else the register's name (for titles that name a member's organization).
pub fn org_name(names: &Names, code: &str, vi: bool) -> String {
    dict_name(&names.orgs, "org", code, vi)
}

/// A closed-vocabulary code (reason, gender, support kind, review class) as a person reads
/// it, from the one table of labels in `domain::types`; an unknown code is shown as it is.
pub fn vocab(key: &str, code: &str, vi: bool) -> String {
    use crate::domain::types::{Class, Gender, Reason, SupportKind};
    let exact = |c: &str| c == code;
    match key {
        "reason" => Reason::ALL.iter().find(|r| exact(r.code())).map(|r| crate::text::capitalise(r.label(vi))),
        "gender" => Gender::ALL.iter().find(|g| exact(g.code())).map(|g| crate::text::capitalise(g.label(vi))),
        "kind" => SupportKind::ALL.iter().find(|k| exact(k.code())).map(|k| crate::text::capitalise(k.label(vi))),
        "class" => Class::ALL.iter().find(|k| exact(k.code())).map(|k| format!("{} ({})", k.code(), k.label(vi))),
        _ => None,
    }
    .unwrap_or_else(|| code.to_string())
}

/// The words a table shows for the register at hand (its [`Names`]) in either language.
pub struct Vocabulary {
    names: Names,
}

impl Vocabulary {
    pub fn new(names: Names) -> Vocabulary {
        Vocabulary { names }
    }
}

impl Labels for Vocabulary {
    fn ward(&self, code: &str) -> Option<String> {
        self.names.wards.get(code).cloned()
    }

    fn dictionary(&self, kind: Kind, code: &str, vi: bool) -> Option<String> {
        Some(match kind {
            Kind::Org => dict_name(&self.names.orgs, "org", code, vi),
            Kind::Category => dict_name(&self.names.categories, "category", code, vi),
            _ => return None,
        })
    }

    fn vocabulary(&self, kind: Kind, code: &str, vi: bool) -> Option<String> {
        let key = match kind {
            Kind::Reason => "reason",
            Kind::Gender => "gender",
            Kind::SupportKind => "kind",
            Kind::Class => "class",
            _ => return None,
        };
        Some(vocab(key, code, vi))
    }

    fn period(&self, code: &str, vi: bool) -> Option<String> {
        // Today does not matter for a month or a quarter.
        let p = crate::domain::types::Period::parse(Some(code), chrono::NaiveDate::MIN).ok()?;
        Some(crate::human::period(&p, vi))
    }

    fn date(&self, iso: &str, vi: bool) -> Option<String> {
        crate::domain::types::parse_date_any(iso).ok().map(|d| crate::human::table_date(d, vi))
    }
}

#[cfg(test)]
#[path = "../tests/unit/vocabulary.rs"]
mod tests;
