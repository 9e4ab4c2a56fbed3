//! Reports (SPEC §6): one file per report, each a few SQL queries returning typed rows.
//! The counting is done by SQL (GROUP BY over indexed date ranges), never by loading cases
//! into Rust; the Rust side only adds up a handful of group rows for the TOTAL row.
//! `export` holds the streamed table exports and the guarded ad-hoc query of SPEC §7.

pub mod export;
pub mod overdue;
pub mod quota;
pub mod summary;
