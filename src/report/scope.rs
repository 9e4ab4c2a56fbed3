//! `--ward W`, `--org O`, `--member M` on the reports (SPEC §17): one part of the register.
//!
//! A scope is resolved once from what the clerk typed (codes or names, a member by id or by
//! name) into ids, which every report's SQL takes as three parameters, each `NULL` for "any".
//! What "in the part" means is each report's own rule, written beside its SQL: the case's ward
//! and the member in charge on the report's day for case reports, the member's own ward and
//! organization for quota. A scoped report lists only the groups that have something in that
//! part, and its total is the total of the part.

use anyhow::Result;
use rusqlite::Connection;

use crate::domain::lookup::{self, Dict};
use crate::domain::wards;

/// The part of the register a report looks at; `None` everywhere is the whole register.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scope {
    /// Ward id and code.
    pub ward: Option<(i64, String)>,
    /// Organization id and code.
    pub org: Option<(i64, String)>,
    /// Member id and name.
    pub member: Option<(i64, String)>,
}

impl Scope {
    /// Resolve the typed values; an unknown or ambiguous one is refused.
    pub fn resolve(conn: &Connection, ward: Option<&str>, org: Option<&str>, member: Option<&str>) -> Result<Scope> {
        let ward = ward.map(|w| wards::find(conn, w)).transpose()?.map(|w| (w.id, w.code));
        let org = org.map(|o| lookup::find(conn, Dict::Org, o)).transpose()?;
        let member = match member {
            Some(m) => {
                let m = lookup::member(conn, m)?;
                let name: String =
                    conn.prepare_cached("SELECT name FROM members WHERE id = ?1")?.query_row([m.id], |r| r.get(0))?;
                Some((m.id, name))
            }
            None => None,
        };
        Ok(Scope { ward, org, member })
    }

    pub fn is_all(&self) -> bool {
        self.ward.is_none() && self.org.is_none() && self.member.is_none()
    }

    pub fn ward_id(&self) -> Option<i64> {
        self.ward.as_ref().map(|w| w.0)
    }

    pub fn org_id(&self) -> Option<i64> {
        self.org.as_ref().map(|o| o.0)
    }

    pub fn member_id(&self) -> Option<i64> {
        self.member.as_ref().map(|m| m.0)
    }
}

/// The SQL condition "case `c` is in the scope" for a period report, its ward and member
/// taken on the case's last open day in the period (T = ?2, or its release date when released
/// by T) — the day `report summary` groups it by. `$w`, `$o`, `$m` name the parameters
/// holding the ward, org and member ids (NULL for any).
macro_rules! case_in_scope {
    ($w:literal, $o:literal, $m:literal) => {
        concat!(
            "((",
            $w,
            " IS NULL OR coalesce((SELECT cw.ward_id FROM case_wards cw
                WHERE cw.case_id = c.id
                  AND cw.from_on <= (CASE WHEN c.released_on <= ?2 THEN c.released_on ELSE ?2 END)
                ORDER BY cw.from_on DESC LIMIT 1), c.ward_id) = ",
            $w,
            ")
             AND ((",
            $o,
            " IS NULL AND ",
            $m,
            " IS NULL) OR EXISTS (
                SELECT 1 FROM (SELECT a.member_id FROM assignments a
                               WHERE a.case_id = c.id
                                 AND a.start_on <= (CASE WHEN c.released_on <= ?2 THEN c.released_on ELSE ?2 END)
                                 AND (a.end_on IS NULL
                                      OR a.end_on >= (CASE WHEN c.released_on <= ?2 THEN c.released_on ELSE ?2 END))
                               ORDER BY a.start_on DESC, a.id DESC LIMIT 1) x
                JOIN members m ON m.id = x.member_id
                WHERE (",
            $o,
            " IS NULL OR m.org_id = ",
            $o,
            ") AND (",
            $m,
            " IS NULL OR m.id = ",
            $m,
            "))))"
        )
    };
}
pub(crate) use case_in_scope;
