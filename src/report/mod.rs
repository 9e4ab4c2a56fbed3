//! Reports (SPEC §6): one file per report, each a few SQL queries returning typed rows.
