//! Reports (SPEC §6): one file per report, each a few SQL queries returning typed rows.
//! The counting is done by SQL (GROUP BY over indexed date ranges), never by loading cases
//! into Rust; the Rust side only adds up a handful of group rows for the TOTAL row.
//! `export` holds the streamed table exports and the guarded ad-hoc query of SPEC §7.

pub mod brief;
pub mod classes;
pub mod contacts;
pub mod document;
pub mod export;
pub mod overdue;
pub mod package;
pub mod quota;
pub mod scope;
pub mod sheet;
pub mod summary;

/// `--structure D` (SPEC §13) for any report by ward: each row's ward is put under the ward
/// that had taken it over by D (following mergers forward), and rows that land in the same
/// ward are added up with `add`, in the wards' order. Totals never change. Refused unless the
/// report is `--by ward`.
pub(crate) fn regroup<R>(
    conn: &rusqlite::Connection,
    d: chrono::NaiveDate,
    by_ward: bool,
    rows: Vec<R>,
    group: fn(&mut R) -> &mut String,
    add: fn(&mut R, &R),
) -> anyhow::Result<Vec<R>> {
    use std::collections::btree_map::Entry;
    if !by_ward {
        refuse_structure()?;
    }
    let map = crate::domain::wards::structure_map(conn, d)?;
    let mut acc: std::collections::BTreeMap<(String, String), R> = std::collections::BTreeMap::new();
    for mut r in rows {
        let g = group(&mut r);
        let (code, key) = map.get(g.as_str()).cloned().unwrap_or_else(|| (g.clone(), g.clone()));
        g.clone_from(&code);
        match acc.entry((key, code)) {
            Entry::Vacant(v) => {
                v.insert(r);
            }
            Entry::Occupied(mut o) => add(o.get_mut(), &r),
        }
    }
    Ok(acc.into_values().collect())
}

/// Every view declared with the columns a narrow terminal keeps, each beside its SQL (in its
/// report's or read command's module). A table of any other columns keeps every column.
const VIEWS: &[crate::view::View<'static>] = &[
    summary::VIEW,
    quota::VIEW,
    quota::MEMBER_VIEW,
    overdue::VIEW,
    crate::read::LIST_VIEW,
    crate::read::MEMBER_VIEW,
    crate::read::AUDIT_VIEW,
    export::AUDIT_VIEW,
    export::CASES_VIEW,
    export::MEMBERS_VIEW,
];

/// The view of a table with exactly these columns: a declared one (the city's summary and
/// quota are the ward's columns, so they narrow alike), else every column essential.
pub fn view_of<'a>(columns: &'a [&'a str]) -> crate::view::View<'a> {
    match VIEWS.iter().find(|v| v.columns == columns) {
        Some(v) => crate::view::View { columns, essential: v.essential },
        None => crate::view::View::all(columns),
    }
}

/// `--structure` regroups wards; other groupings have nothing to regroup.
pub fn refuse_structure() -> anyhow::Result<()> {
    crate::refuse_w!("report-structure-needs-ward")
}

/// Query plans of the report statements on a fresh database, for the tests that check
/// that no period report reads every review or support.
#[cfg(test)]
pub(crate) fn plan(sql: &str, params: &[&dyn rusqlite::ToSql]) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let conn = crate::db::create(&dir.path().join("plan.db"), None).unwrap();
    let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
    stmt.query_map(params, |r| r.get::<_, String>(3)).unwrap().map(Result::unwrap).collect()
}

/// A full scan of a big table in a plan line (`SCAN r`, `SCAN reviews`, …).
#[cfg(test)]
pub(crate) fn full_scans(plan: &[String], tables: &[&str]) -> Vec<String> {
    plan.iter()
        .filter(|l| {
            let l = l.trim();
            tables.iter().any(|t| l == format!("SCAN {t}") || l.starts_with(&format!("SCAN {t} ")))
        })
        .cloned()
        .collect()
}

#[cfg(test)]
mod view_tests {
    use super::*;

    /// Every column of every view reads by what it holds (`view::kind_of`): a key of a declared
    /// view or column list that is missing from `view::KINDS` fails here, so a new figure
    /// column cannot silently lose its number format; and a narrow terminal keeps each
    /// declared view's essential columns (issue 19 item 5).
    #[test]
    fn every_view_column_has_its_kind() {
        use crate::view::{has_kind, kind_of, Kind};
        let lists: &[&[&str]] = &[
            summary::COLUMNS,
            quota::COLUMNS,
            quota::MEMBER_COLUMNS,
            contacts::COLUMNS,
            contacts::MEMBER_COLUMNS,
            overdue::COLUMNS,
            crate::read::LIST_COLUMNS,
            crate::read::MEMBER_COLUMNS,
            crate::read::AUDIT_COLUMNS,
            crate::read::DICT_COLUMNS,
            crate::read::WARD_ALL_COLUMNS,
            crate::read::SETTINGS_COLUMNS,
            crate::read::TIMELINE_COLUMNS,
            crate::read::OTHER_CASES_COLUMNS,
            crate::read::MEMBER_CASES_COLUMNS,
            crate::read::MEMBER_WARDS_COLUMNS,
            crate::cmd::package::PERIOD_COLUMNS,
            crate::upward::duplicates::COLUMNS,
            crate::upward::reports::STATUS_COLUMNS,
            crate::upward::reports::UNIT_COLUMNS,
            &["voided_on", "void_reason"],
        ];
        let exports = [
            export::Table::Cases,
            export::Table::Members,
            export::Table::Assignments,
            export::Table::Reviews,
            export::Table::Supports,
            export::Table::Audit,
        ];
        let all =
            lists.iter().copied().chain(exports.iter().map(|t| t.columns())).chain(VIEWS.iter().map(|v| v.columns));
        let missing: Vec<&str> = all.flat_map(|cols| cols.iter().copied()).filter(|c| !has_kind(c)).collect();
        assert!(missing.is_empty(), "columns with no kind in view::KINDS: {missing:?}");
        // The contacts' counts are figures like the summary's (they were not, before).
        for c in ["cases", "contacted", "not_contacted", "contacts", "loan_amount", "days_since"] {
            assert_eq!(kind_of(c), Kind::Figure, "{c}");
        }
        assert_eq!(kind_of("pct"), Kind::Percent);
        assert_eq!(kind_of("member_id"), Kind::Text, "an id is not a figure");
        assert_eq!(kind_of("last_contact"), Kind::Date);
        // Views: the declared ones narrow to their essential columns, any other keeps all.
        let summary = view_of(summary::COLUMNS).essential_mask();
        assert_eq!(summary.iter().filter(|e| **e).count(), 7);
        assert!(view_of(&["a", "b"]).essential_mask().iter().all(|e| *e));
        for v in VIEWS {
            let keep = v.essential.unwrap_or_default();
            assert!(!keep.is_empty() && keep.iter().all(|k| v.columns.contains(k)), "{v:?}");
        }
    }
}
