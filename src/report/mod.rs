//! Reports (SPEC §6): one file per report, each a few SQL queries returning typed rows.
//! The counting is done by SQL (GROUP BY over indexed date ranges), never by loading cases
//! into Rust; the Rust side only adds up a handful of group rows for the TOTAL row.
//! `export` holds the streamed table exports and the guarded ad-hoc query of SPEC §7.

pub mod brief;
pub mod classes;
pub mod export;
pub mod overdue;
pub mod quota;
pub mod summary;

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
