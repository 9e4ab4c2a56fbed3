//! `city duplicates -p P`: people counted by two or more units, found by their linking tokens
//! (SPEC §19), without a name — the city holds none, only the tokens and the wards' case
//! numbers beside them.
//!
//! A token is compared only with tokens made under the same linking key (the package's
//! `key_fingerprint`): under another key the same identity number gives another token, so
//! packages made under different keys cannot be compared, and packages made without a
//! linking key hold no tokens at all; [`Duplicates`] lists both kinds of unit so the report
//! can say so. A **strong** match (`id`) is the same identity number; a **weak** one
//! (`name_year`) is the same folded name and birth year, which different people can share —
//! a weak match already found as a strong one for the same two cases is not listed again.
//! Only the current revision of each unit's package for exactly P is read.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use anyhow::{Context, Result};
use rusqlite::{params, Connection};

use crate::domain::types::{iso, Period};
use crate::view::Cell;

pub const COLUMNS: &[&str] = &["match", "unit_a", "case_a", "unit_b", "case_b"];

/// One pair of cases in two units that share a token.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pair {
    /// `id` (strong) or `name_year` (weak).
    pub kind: &'static str,
    pub unit_a: String,
    pub case_a: String,
    pub unit_b: String,
    pub case_b: String,
}

impl Pair {
    pub fn cells(&self) -> Vec<Cell> {
        vec![
            Cell::text(self.kind),
            Cell::text(&self.unit_a),
            Cell::text(&self.case_a),
            Cell::text(&self.unit_b),
            Cell::text(&self.case_b),
        ]
    }
}

/// What `city duplicates` found.
#[derive(Debug, Clone, Default)]
pub struct Duplicates {
    pub pairs: Vec<Pair>,
    /// Units whose package holds no tokens (made without `--link-key`).
    pub without_tokens: Vec<String>,
    /// Linking key fingerprints with their units, when more than one key was used: tokens
    /// were compared within each group only.
    pub keys: BTreeMap<String, Vec<String>>,
    /// How many packages were read.
    pub packages: usize,
}

/// The pairs of cases in two units whose strong (`id_token`) or weak (`name_year`) tokens
/// are equal, under the same linking key, among the current packages of the period. SQL
/// does the matching through the token indexes, so memory holds the pairs found, never every
/// token.
/// The pairs of cases of two units, under the same key, whose token `col` is the same.
/// `col` is one of the two token columns (`id_token`, `name_year`): never a typed value.
macro_rules! pairs_on {
    ($col:literal) => {
        concat!(
            "WITH cur AS (SELECT id, unit_code, key_fingerprint FROM current_packages
                          WHERE period_from = ?1 AND period_to = ?2 AND key_fingerprint IS NOT NULL)
             SELECT a.unit_code, ta.case_no, b.unit_code, tb.case_no
             FROM cur a JOIN tokens ta ON ta.package_id = a.id
             JOIN tokens tb ON tb.",
            $col,
            " = ta.",
            $col,
            "
             JOIN cur b ON b.id = tb.package_id
             WHERE ta.",
            $col,
            " IS NOT NULL AND b.key_fingerprint = a.key_fingerprint AND b.unit_code > a.unit_code"
        )
    };
}
const PAIRS_ID: &str = pairs_on!("id_token");
const PAIRS_NAME_YEAR: &str = pairs_on!("name_year");

/// Find the pairs for period `p`.
pub fn find(conn: &Connection, p: &Period) -> Result<Duplicates> {
    let mut d = Duplicates::default();
    let mut s = conn.prepare(
        "SELECT unit_code, key_fingerprint FROM current_packages WHERE period_from = ?1 AND period_to = ?2
         ORDER BY unit_code",
    )?;
    let packages: Vec<(String, Option<String>)> = s
        .query_map(params![iso(p.from), iso(p.to)], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()
        .context("reading the packages held")?;
    d.packages = packages.len();
    let mut keys: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (unit, fp) in packages {
        match fp {
            Some(fp) => keys.entry(fp).or_default().push(unit),
            None => d.without_tokens.push(unit),
        }
    }
    let mut strong: HashSet<(String, String, String, String)> = HashSet::new();
    let mut pairs: BTreeSet<Pair> = BTreeSet::new();
    // Strong matches first, so that a weak one for the same two cases is left out.
    for (kind, sql) in [("id", PAIRS_ID), ("name_year", PAIRS_NAME_YEAR)] {
        let mut q = conn.prepare(sql)?;
        let rows = q.query_map(params![iso(p.from), iso(p.to)], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, String>(3)?))
        })?;
        for r in rows {
            let key = r.context("matching the linking tokens")?;
            if kind == "id" {
                strong.insert(key.clone());
            } else if strong.contains(&key) {
                continue;
            }
            let (unit_a, case_a, unit_b, case_b) = key;
            pairs.insert(Pair { kind, unit_a, case_a, unit_b, case_b });
        }
    }
    d.pairs = pairs.into_iter().collect();
    if keys.len() > 1 {
        d.keys = keys;
    }
    Ok(d)
}
