//! The audit log: append and verify.
//!
//! Each row's `hash` is the SHA-256 (hex) of the previous row's hash followed by this row's
//! content, serialized as a JSON array `[seq, at, actor, action, entity, entity_key,
//! detail]` so no two different rows serialize alike. The first row's `prev_hash` is 64
//! zeros. Editing, deleting or inserting a row breaks the chain at that row.

use anyhow::{Context, Result};
use rusqlite::{params, Connection, OptionalExtension, Statement};
use sha2::{Digest, Sha256};

pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Who did it and when: what every write records.
#[derive(Debug, Clone)]
pub struct Stamp {
    pub actor: String,
    /// Local date and time, `YYYY-MM-DDTHH:MM:SS`.
    pub at: String,
}

pub fn row_hash(
    prev: &str,
    seq: i64,
    at: &str,
    actor: &str,
    action: &str,
    entity: &str,
    key: &str,
    detail: &str,
) -> String {
    // A tuple serializes as the JSON array it always was, without building a `Value` first.
    let content = serde_json::to_string(&(seq, at, actor, action, entity, key, detail)).expect("strings serialize");
    let mut h = Sha256::new();
    h.update(prev.as_bytes());
    h.update(content.as_bytes());
    let digest = h.finalize();
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push(HEX[(b >> 4) as usize] as char);
        out.push(HEX[(b & 15) as usize] as char);
    }
    out
}

/// The newest audit row's sequence number and hash (`None` for an empty log): what every
/// write changes.
pub fn last(conn: &Connection) -> Result<Option<(i64, String)>> {
    head_from(&mut *conn.prepare_cached(LAST)?)
}

const LAST: &str = "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1";
const INSERT: &str = "INSERT INTO audit_log (seq, at, actor, action, entity, entity_key, detail, prev_hash, hash)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";

fn head_from(last: &mut Statement<'_>) -> Result<Option<(i64, String)>> {
    last.query_row([], |r| Ok((r.get(0)?, r.get(1)?))).optional().context("reading the last audit row")
}

/// Append one row, chained to the last. Call inside the write's transaction. `detail` is
/// any value serializing as a JSON object (a `json!` map, whose keys keep the order written,
/// or a struct, whose fields serialize in the order declared), stored compact.
pub fn append<D: serde::Serialize + ?Sized>(
    conn: &Connection,
    stamp: &Stamp,
    action: &str,
    entity: &str,
    key: &str,
    detail: &D,
) -> Result<()> {
    append_with(
        &mut *conn.prepare_cached(LAST)?,
        &mut *conn.prepare_cached(INSERT)?,
        stamp,
        action,
        entity,
        key,
        detail,
    )
}

/// [`append`] through two statements prepared once, for a writer that appends a row for each
/// of many changes (`cases::Recorder`, over an import's whole file): the same rows, without
/// looking the statements up in the connection's cache for each. The chain's head is read
/// from the log every time, never kept, so a row rolled back (a savepoint) or appended by
/// another path in between cannot be chained past.
pub struct Appender<'c> {
    conn: &'c Connection,
    last: Option<Statement<'c>>,
    insert: Option<Statement<'c>>,
}

impl<'c> Appender<'c> {
    /// Prepares nothing until the first row.
    pub fn new(conn: &'c Connection) -> Self {
        Appender { conn, last: None, insert: None }
    }

    /// [`append`].
    pub fn append<D: serde::Serialize + ?Sized>(
        &mut self,
        stamp: &Stamp,
        action: &str,
        entity: &str,
        key: &str,
        detail: &D,
    ) -> Result<()> {
        let last = crate::db::kept(&mut self.last, self.conn, || LAST.into())?;
        let insert = crate::db::kept(&mut self.insert, self.conn, || INSERT.into())?;
        append_with(last, insert, stamp, action, entity, key, detail)
    }
}

fn append_with<D: serde::Serialize + ?Sized>(
    last: &mut Statement<'_>,
    insert: &mut Statement<'_>,
    stamp: &Stamp,
    action: &str,
    entity: &str,
    key: &str,
    detail: &D,
) -> Result<()> {
    let (seq, prev) = match head_from(last)? {
        Some((s, h)) => (s + 1, h),
        None => (1, GENESIS.to_string()),
    };
    let detail = serde_json::to_string(detail).context("writing an audit row's detail")?;
    let hash = row_hash(&prev, seq, &stamp.at, &stamp.actor, action, entity, key, &detail);
    insert
        .execute(params![seq, stamp.at, stamp.actor, action, entity, key, detail, prev, hash])
        .context("appending to the audit log")?;
    Ok(())
}

/// How many rows the log holds.
pub fn rows(conn: &Connection) -> Result<i64> {
    conn.query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0)).context("counting audit rows")
}

/// The first broken link, if any: (seq, what is wrong).
pub fn verify(conn: &Connection) -> Result<Option<(i64, String)>> {
    let mut stmt = conn.prepare(
        "SELECT seq, at, actor, action, entity, entity_key, detail, prev_hash, hash
         FROM audit_log ORDER BY seq",
    )?;
    let mut rows = stmt.query([])?;
    let mut prev = GENESIS.to_string();
    let mut expected_seq = 1i64;
    while let Some(r) = rows.next()? {
        let seq: i64 = r.get(0)?;
        let (at, actor, action, entity, key, detail, prev_hash, hash): (
            String,
            String,
            String,
            String,
            String,
            String,
            String,
            String,
        ) = (r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?, r.get(8)?);
        if seq != expected_seq {
            return Ok(Some((
                seq,
                format!("expected row {expected_seq} next but found row {seq} (a row was deleted or inserted)"),
            )));
        }
        if prev_hash != prev {
            return Ok(Some((seq, "prev_hash does not match the previous row's hash".into())));
        }
        let want = row_hash(&prev, seq, &at, &actor, &action, &entity, &key, &detail);
        if hash != want {
            return Ok(Some((seq, "hash does not match the row's content (the row was edited)".into())));
        }
        prev = hash;
        expected_seq += 1;
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hash's content is the JSON array of the row's fields, as `json!` writes it: the
    /// chains of every register written before must still verify.
    #[test]
    fn a_rows_content_is_the_json_array_of_its_fields() {
        let detail = r#"{"a":"\"x\" \u00e9","b":null}"#;
        let (at, actor, action, entity, key) =
            ("2026-12-07T09:00:00", "L\u{ea} Th\u{1ecb} \"B\"", "review", "case", "2024-0001");
        let want = serde_json::json!([7, at, actor, action, entity, key, detail]).to_string();
        let mut h = Sha256::new();
        h.update(GENESIS.as_bytes());
        h.update(want.as_bytes());
        let want: String = h.finalize().iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(row_hash(GENESIS, 7, at, actor, action, entity, key, detail), want);
    }
}
