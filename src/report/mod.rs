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

/// `--structure` regroups wards; other groupings have nothing to regroup.
pub fn refuse_structure() -> anyhow::Result<()> {
    crate::refuse!("--structure regroups wards and applies only with --by ward";
                   "--structure gộp theo phường và chỉ dùng với --by ward")
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
