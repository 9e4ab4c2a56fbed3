//! What values are called in words, for the renderer ([`crate::view::Labels`]): the register's
//! own names of wards, organizations and categories, the English labels of the seeded ones,
//! the domain's closed vocabularies (reasons, genders, support kinds, review classes), months
//! and quarters in words, and dates as a table shows them. The rendering layer is given a
//! [`Vocabulary`] by the command that renders, so it depends on none of these itself.

use std::collections::HashMap;

use crate::view::{Kind, Labels, Names};

/// The label of a seeded organization or category (`dict-org-CODE`, `dict-category-CODE` in
/// the catalogue): in English its English label, in Vietnamese the name the register was
/// seeded with (a test keeps the two equal). Shown only while the register keeps the seeded
/// name: an organization or category added later, or renamed, is shown by its name in the
/// register in both languages.
fn seeded_label(dict: &str, code: &str, vi: bool) -> Option<String> {
    Some(match (dict, code) {
        ("org", "MTTQ") => crate::w!(vi, "dict-org-mttq"),
        ("org", "CA") => crate::w!(vi, "dict-org-ca"),
        ("org", "PN") => crate::w!(vi, "dict-org-pn"),
        ("org", "TN") => crate::w!(vi, "dict-org-tn"),
        ("org", "CCB") => crate::w!(vi, "dict-org-ccb"),
        ("org", "NCT") => crate::w!(vi, "dict-org-nct"),
        ("category", "prison") => crate::w!(vi, "dict-category-prison"),
        ("category", "amnesty") => crate::w!(vi, "dict-category-amnesty"),
        ("category", "suspended") => crate::w!(vi, "dict-category-suspended"),
        ("category", "noncustodial") => crate::w!(vi, "dict-category-noncustodial"),
        ("category", "supervised") => crate::w!(vi, "dict-category-supervised"),
        ("category", "ward_education") => crate::w!(vi, "dict-category-ward_education"),
        ("category", "institution_return") => crate::w!(vi, "dict-category-institution_return"),
        ("category", "drugs") => crate::w!(vi, "dict-category-drugs"),
        ("category", "youth") => crate::w!(vi, "dict-category-youth"),
        ("category", "record") => crate::w!(vi, "dict-category-record"),
        ("category", "other") => crate::w!(vi, "dict-category-other"),
        _ => return None,
    })
}

fn dict_name(names: &HashMap<String, String>, seeded: &[(&str, &str)], dict: &str, code: &str, vi: bool) -> String {
    let Some(name) = names.get(code) else { return code.to_string() };
    // The catalogue's label only while the name is still the seeded one.
    let seeded_name = seeded.iter().find(|(c, _)| *c == code).map(|(_, n)| *n);
    if seeded_name == Some(name.as_str()) {
        if let Some(label) = seeded_label(dict, code, vi) {
            return label;
        }
    }
    name.clone()
}

/// An organization's name as a person reads it: its English label while the register keeps
/// the seeded name, else the register's name (for titles that name a member's organization).
pub fn org_name(names: &Names, code: &str, vi: bool) -> String {
    dict_name(&names.orgs, crate::domain::register::DEFAULT_ORGS, "org", code, vi)
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
            Kind::Org => dict_name(&self.names.orgs, crate::domain::register::DEFAULT_ORGS, "org", code, vi),
            Kind::Category => {
                dict_name(&self.names.categories, crate::domain::register::DEFAULT_CATEGORIES, "category", code, vi)
            }
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
mod tests {
    use std::rc::Rc;

    use super::*;
    use crate::output::{self, Style};
    use crate::view::{Cell, Format, Group};

    #[test]
    fn the_vietnamese_labels_of_seeded_names_are_the_seeded_names() {
        use crate::domain::register::{DEFAULT_CATEGORIES, DEFAULT_ORGS};
        for (dict, seeded) in [("org", DEFAULT_ORGS), ("category", DEFAULT_CATEGORIES)] {
            for (code, name) in seeded {
                assert_eq!(seeded_label(dict, code, true).as_deref(), Some(*name), "{dict} {code}");
                assert!(seeded_label(dict, code, false).is_some_and(|l| !l.is_empty()), "{dict} {code}");
            }
        }
    }

    #[test]
    fn figures_dates_and_names_in_the_readers_language() {
        let mut names = Names::default();
        names.wards.insert("5".into(), "Phường 5".into());
        names.orgs.insert("PN".into(), "Hội Liên hiệp Phụ nữ".into());
        names.orgs.insert("X".into(), "Tổ tự quản".into());
        let style = |vi| Style {
            labels: Some(Rc::new(Vocabulary::new(names.clone())) as Rc<dyn Labels>),
            ..Style::new(vi, Format::Table, false)
        };
        let t = |vi, k: &str, c: Cell| output::shown(&style(vi), k, &c).text;
        assert_eq!(t(true, "loan_amount", Cell::Int(298_000_000)), "298.000.000");
        assert_eq!(t(false, "loan_amount", Cell::Int(298_000_000)), "298,000,000");
        // Ids and years are not figures.
        assert_eq!(t(false, "member_id", Cell::Int(1234)), "1234");
        assert_eq!(t(true, "birth_year", Cell::Int(1990)), "1990");
        assert_eq!(t(true, "enrolled_on", Cell::text("2022-05-20")), "20/05/2022");
        assert_eq!(t(false, "enrolled_on", Cell::text("2022-05-20")), "2022-05-20");
        assert_eq!(t(true, "ward", Cell::text("5")), "Phường 5");
        assert_eq!(t(true, "org", Cell::text("PN")), "Hội Liên hiệp Phụ nữ");
        assert_eq!(t(false, "org", Cell::text("PN")), "Women's Union");
        // An org added later has no built-in English label: its name.
        assert_eq!(t(false, "org", Cell::text("X")), "Tổ tự quản");
        assert_eq!(t(true, "reason", Cell::text("progressed ✓")), "Tiến bộ ✓");
        assert_eq!(t(false, "gender", Cell::text("female")), "Female");
        assert_eq!(t(true, "pct", Cell::Dec1(12.5)), "12,5");
        // One key, one rendering (view::KINDS): the contacts' counts are figures as the
        // summary's are, and every date column reads as a date.
        assert_eq!(t(true, "contacted", Cell::Int(1234)), "1.234");
        assert_eq!(t(false, "not_contacted", Cell::Int(1234)), "1,234");
        assert_eq!(t(true, "voided_on", Cell::text("2023-02-01")), "01/02/2023");
        assert_eq!(t(true, "received_at", Cell::text("2023-07-01T08:00:00")), "01/07/2023 08:00:00");
        let mut g = style(true);
        g.group = Group::Ward;
        assert_eq!(output::shown(&g, "group", &Cell::text("5")).text, "Phường 5");
        assert_eq!(output::shown(&g, "group", &Cell::text("TOTAL")).text, "Tổng cộng");
        assert_eq!(output::shown(&g, "group", &Cell::text("unassigned")).text, "Chưa phân công");
        assert_eq!(output::shown(&style(false), "group", &Cell::text("TOTAL")).text, "TOTAL");
        g.group = Group::Quarter;
        assert_eq!(output::shown(&g, "group", &Cell::text("2022-Q1")).text, "quý I/2022");
        // Without names (query): as stored.
        let raw = Style::new(true, Format::Table, false);
        assert_eq!(output::shown(&raw, "enrolled_on", &Cell::text("2022-05-20")).text, "2022-05-20");
        assert_eq!(output::shown(&raw, "loan_amount", &Cell::Int(1000)).text, "1000");
    }
}
