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

use std::collections::{BTreeMap, BTreeSet, HashMap};

use anyhow::{Context, Result};
use rusqlite::{params, Connection};

use crate::domain::types::{iso, Period};
use crate::output::Cell;

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

/// Find the pairs for period `p`.
pub fn find(conn: &Connection, p: &Period) -> Result<Duplicates> {
    let mut d = Duplicates::default();
    let mut s = conn.prepare(
        "SELECT id, unit_code, key_fingerprint FROM current_packages WHERE period_from = ?1 AND period_to = ?2
         ORDER BY unit_code",
    )?;
    let packages: Vec<(i64, String, Option<String>)> = s
        .query_map(params![iso(p.from), iso(p.to)], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()
        .context("reading the packages held")?;
    d.packages = packages.len();
    let mut keys: BTreeMap<String, Vec<String>> = BTreeMap::new();
    // (fingerprint, kind, token) → the (unit, case) that hold it.
    let mut seen: HashMap<(String, &'static str, String), Vec<(String, String)>> = HashMap::new();
    let mut t = conn.prepare("SELECT case_no, id_token, name_year FROM tokens WHERE package_id = ?1")?;
    for (id, unit, fp) in &packages {
        let Some(fp) = fp else {
            d.without_tokens.push(unit.clone());
            continue;
        };
        keys.entry(fp.clone()).or_default().push(unit.clone());
        let rows = t.query_map([id], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?, r.get::<_, Option<String>>(2)?))
        })?;
        for r in rows {
            let (case, strong, weak) = r.context("reading the linking tokens")?;
            for (kind, tok) in [("id", strong), ("name_year", weak)] {
                if let Some(tok) = tok {
                    seen.entry((fp.clone(), kind, tok)).or_default().push((unit.clone(), case.clone()));
                }
            }
        }
    }
    let mut strong: BTreeSet<(String, String, String, String)> = BTreeSet::new();
    let mut pairs: BTreeSet<Pair> = BTreeSet::new();
    // Strong matches first, so that a weak one for the same two cases is left out.
    for want in ["id", "name_year"] {
        for ((_, kind, _), holders) in seen.iter().filter(|((_, k, _), _)| *k == want) {
            let mut holders = holders.clone();
            holders.sort();
            for (i, a) in holders.iter().enumerate() {
                for b in &holders[i + 1..] {
                    if a.0 == b.0 {
                        continue; // the same unit: the ward's own duplicate check's business
                    }
                    let key = (a.0.clone(), a.1.clone(), b.0.clone(), b.1.clone());
                    if *kind == "id" {
                        strong.insert(key);
                    } else if strong.contains(&key) {
                        continue;
                    }
                    pairs.insert(Pair {
                        kind,
                        unit_a: a.0.clone(),
                        case_a: a.1.clone(),
                        unit_b: b.0.clone(),
                        case_b: b.1.clone(),
                    });
                }
            }
        }
    }
    d.pairs = pairs.into_iter().collect();
    if keys.len() > 1 {
        d.keys = keys;
    }
    Ok(d)
}
