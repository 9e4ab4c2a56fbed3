//! The ledger: what an audit row proves about the data rows (SPEC §16, "the data are
//! tamper-evident, not only the log").
//!
//! # What is recorded
//! Every write transaction (`db::write`) records, for every data row it inserted, updated or
//! deleted, one *row version* `(seq, tbl, key, hash)` in `row_versions`: `seq` is the newest
//! audit row of the transaction, `key` the row's primary key (the value itself for a
//! one-column key, `json_array(…)` of the values for a composite one, the rowid for a table
//! without a declared key), `hash` the SHA-256 of the row's whole content (below), or NULL
//! when the row was deleted. The transaction then appends one `ledger` row at `seq`:
//! `rows` = SHA-256 of this transaction's versions (sorted, so their order does not matter)
//! and `hash` = SHA-256 of the previous ledger row's hash (hex; 64 zeros for the first), the
//! audit row's own `hash` (hex) and `rows` (32 bytes), written as hex. The ledger hash thus
//! chains the audit chain and every row ever written: it is the register's *head*
//! (`mh51 audit head` prints `SEQ:HASH`), like Amazon QLDB's digest or SQL Server's
//! database digest.
//!
//! Which rows changed is reported by SQLite's pre-update hook (`sqlite3_preupdate_hook`,
//! [`super::preupdate`]), set up by [`start`] on the writing connection: it is called before
//! every row is inserted, updated or deleted, with the table, the rowids before and after,
//! and the row's old and new values, from which mh51 takes the key (the primary key's
//! values, or the rowid of a table keyed by it alone). mh51 keeps, in memory, the rowids of
//! rows inserted into a rowid table as ranges, the keys of rows inserted into a `WITHOUT
//! ROWID` table (`case_wards`, `member_wards`), and the keys before and after every update
//! and delete. No trigger is involved:
//! - an `AFTER INSERT` trigger made every insert a statement that may need a partial
//!   rollback, so SQLite journalled every page it touched; with four data rows per enrolled
//!   case that was the larger part of an import's time (BENCHMARKS.md, "Imports with the
//!   ledger");
//! - the `AFTER UPDATE`/`AFTER DELETE` TEMP triggers that noted the other changes until
//!   7 December 2026 were created, with their TEMP tables, by every process's first write:
//!   a third of the instructions of one `review`.
//!
//! [`finish`] reads those rows back and hashes them just before the commit: each key noted
//! by an update or a delete once (a key no longer there is a deletion, its hash NULL), and
//! each row inserted that was not changed afterwards. A row inserted and then rolled back (a
//! savepoint, a failed statement) is not there to be read, so it leaves no version. A row
//! whose update or delete was rolled back is read as it is, and its new version repeats the
//! hash it had: the hook's notes are not rolled back with a savepoint, as a trigger's were,
//! so this costs one redundant version and proves the same. mh51 writes no data table by
//! `REPLACE`, whose conflict deletions the ledger does not count on seeing.
//! Tables and columns are read from `sqlite_master` and `pragma_table_info` at run time, so a
//! table or column added by a later migration is covered without a change here. "Data
//! tables" are all tables except `audit_log` (which has its own chain), `row_versions`,
//! `ledger` and SQLite's own `sqlite_*`.
//!
//! # The row hash
//! SHA-256 of `"mh51 row v1\0"`, the table name, then for each column **that is not NULL**,
//! in the order of the column names (bytewise): the name, a type tag and the value —
//! `i` + 8 bytes big-endian for an integer, `r` + the 8 bytes of an IEEE double, `t` or `b` +
//! length + bytes for text or a blob. Every string is preceded by its length (8 bytes
//! big-endian), so no two rows serialize alike. NULL columns are left out so that a migration
//! adding a column (NULL in every existing row) changes no row's hash; setting a value to
//! NULL does change it.
//!
//! # The proof
//! [`prove`] recomputes every current row's hash and compares it with the row's newest
//! version (a row with none was added behind mh51's back; a newest version whose row is gone
//! was deleted), recomputes each ledger row's `rows` from `row_versions` and the ledger hash
//! chain from the audit log, and requires the newest audit row to be sealed by a ledger row.

use std::cell::RefCell;
use std::cmp::Ordering;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use anyhow::{bail, Context, Result};
use rusqlite::types::{ToSqlOutput, Value, ValueRef};
use rusqlite::{params, Connection, OptionalExtension};
use sha2::{Digest, Sha256};

use super::preupdate::Op;
use crate::audit;

/// Tables that are not data: the log, the ledger itself, SQLite's own.
const NOT_DATA: &[&str] = &["audit_log", "row_versions", "ledger"];

/// A data table as the file declares it.
#[derive(Debug, Clone)]
pub struct Table {
    pub name: String,
    /// Every column, sorted by name.
    cols: Vec<String>,
    /// The primary key's columns in key order; `["rowid"]` for a table without one.
    pk: Vec<String>,
    /// The same columns by position (`pragma_table_info`'s cid), as the pre-update hook
    /// reads a row's values; empty for a table keyed by its rowid alone.
    pk_cids: Vec<i32>,
    without_rowid: bool,
}

fn q(ident: &str) -> String {
    format!("\"{}\"", ident.replace('"', "\"\""))
}

/// A key as SQL over its columns (in key order): the one value, or `json_array` of them.
fn key_sql(cols: Vec<String>) -> String {
    if cols.len() == 1 {
        cols.into_iter().next().unwrap_or_default()
    } else {
        format!("json_array({})", cols.join(", "))
    }
}

impl Table {
    /// The key of a row as SQL over `alias`'s columns.
    fn key_expr(&self, alias: &str) -> String {
        key_sql(self.pk.iter().map(|c| format!("{alias}.{}", q(c))).collect())
    }

    /// `SELECT key, present, col… FROM …`: the column list after the first two.
    fn col_list(&self, alias: &str) -> String {
        self.cols.iter().map(|c| format!("{alias}.{}", q(c))).collect::<Vec<_>>().join(", ")
    }
}

/// Every data table of the file, sorted by name (bytewise, as SQLite's BINARY collation).
pub fn tables(conn: &Connection) -> Result<Vec<Table>> {
    let names: Vec<(String, String)> = conn
        .prepare_cached(
            "SELECT name, sql FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
             ORDER BY name",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()
        .context("listing the tables")?;
    let mut out = Vec::new();
    for (name, sql) in names.into_iter().filter(|(n, _)| !NOT_DATA.contains(&n.as_str())) {
        let without_rowid = is_without_rowid(&sql);
        let mut cols = Vec::new();
        let mut pk: Vec<(i64, String, i32)> = Vec::new();
        let mut stmt = conn.prepare_cached("SELECT name, pk, cid FROM pragma_table_info(?1, 'main')")?;
        let mut rows = stmt.query([&name])?;
        while let Some(r) = rows.next()? {
            let col: String = r.get(0)?;
            let k: i64 = r.get(1)?;
            if k > 0 {
                pk.push((k, col.clone(), r.get(2)?));
            }
            cols.push(col);
        }
        cols.sort();
        pk.sort();
        let pk_cids: Vec<i32> = pk.iter().map(|(_, _, cid)| *cid).collect();
        let mut pk: Vec<String> = pk.into_iter().map(|(_, c, _)| c).collect();
        if pk.is_empty() {
            pk.push("rowid".into());
        }
        out.push(Table { name, cols, pk, pk_cids, without_rowid });
    }
    Ok(out)
}

/// Whether a `CREATE TABLE` statement, as `sqlite_master` keeps it, makes a `WITHOUT ROWID`
/// table: its options follow the column list's closing parenthesis (`) STRICT, WITHOUT
/// ROWID`) and hold none. Read from the text rather than `pragma_table_list`, which prepares
/// a statement of its own for every table it is asked about (a seventh of one write's
/// instructions); `check` holds the schema to `schema.sql`'s, and the ledger's tests fail on
/// a table taken for the other kind.
fn is_without_rowid(create: &str) -> bool {
    let options = create.rsplit_once(')').map_or("", |(_, o)| o);
    let words: Vec<String> =
        options.split([',', ' ', '\t', '\n', '\r']).filter(|w| !w.is_empty()).map(str::to_ascii_uppercase).collect();
    words.windows(2).any(|w| w[0] == "WITHOUT" && w[1] == "ROWID")
}

/// The main schema's version, which every change to a table, index, trigger or view bumps.
fn schema_version(conn: &Connection) -> Result<i64> {
    Ok(conn.pragma_query_value(None, "schema_version", |r| r.get(0))?)
}

fn put_bytes(h: &mut Sha256, b: &[u8]) {
    h.update((b.len() as u64).to_be_bytes());
    h.update(b);
}

fn put_value(h: &mut Sha256, v: ValueRef<'_>) {
    match v {
        ValueRef::Null => h.update(b"n"),
        ValueRef::Integer(i) => {
            h.update(b"i");
            h.update(i.to_be_bytes());
        }
        ValueRef::Real(f) => {
            h.update(b"r");
            h.update(f.to_bits().to_be_bytes());
        }
        ValueRef::Text(t) => {
            h.update(b"t");
            put_bytes(h, t);
        }
        ValueRef::Blob(b) => {
            h.update(b"b");
            put_bytes(h, b);
        }
    }
}

/// The hash of one row: `cols` are (name, value) sorted by name (see the module docs).
pub fn row_hash<'a>(table: &str, cols: impl IntoIterator<Item = (&'a str, ValueRef<'a>)>) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(b"mh51 row v1\0");
    put_bytes(&mut h, table.as_bytes());
    for (name, v) in cols {
        if v == ValueRef::Null {
            continue;
        }
        put_bytes(&mut h, name.as_bytes());
        put_value(&mut h, v);
    }
    h.finalize().into()
}

/// One version: a table, a key and the row's hash (`None`: deleted).
#[derive(Debug, Clone)]
struct Version {
    tbl: String,
    key: Value,
    hash: Option<[u8; 32]>,
}

fn encode(v: &Version) -> Vec<u8> {
    // The same framing as the row hash, into a buffer (sorted below).
    let mut out = Vec::new();
    out.extend(table_prefix(&v.tbl));
    encode_rest(ValueRef::from(&v.key), v.hash.as_ref(), &mut out);
    out
}

/// The start of every encoding of a table's versions: the table's name, framed.
fn table_prefix(tbl: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(8 + tbl.len());
    out.extend((tbl.len() as u64).to_be_bytes());
    out.extend(tbl.as_bytes());
    out
}

/// The rest of a version's encoding, after its table's prefix: the key, then the hash.
fn encode_rest(key: ValueRef<'_>, hash: Option<&[u8; 32]>, out: &mut Vec<u8>) {
    match key {
        ValueRef::Null => out.push(b'n'),
        ValueRef::Integer(i) => {
            out.push(b'i');
            out.extend(i.to_be_bytes());
        }
        ValueRef::Real(f) => {
            out.push(b'r');
            out.extend(f.to_bits().to_be_bytes());
        }
        ValueRef::Text(t) => {
            out.push(b't');
            out.extend((t.len() as u64).to_be_bytes());
            out.extend(t);
        }
        ValueRef::Blob(b) => {
            out.push(b'b');
            out.extend((b.len() as u64).to_be_bytes());
            out.extend(b);
        }
    }
    match hash {
        None => out.push(0),
        Some(h) => {
            out.push(1);
            out.extend(h);
        }
    }
}

/// [`rows_digest`] computed as the versions come, one table at a time, so that a large
/// write's versions are never all in memory (an import of 100,000 cases writes 400,000):
/// only the current table's encodings, without their common prefix, are kept and sorted.
/// Tables must be given in the order of their prefixes (name length, then name): every
/// encoding of one table then sorts before every encoding of the next, as in
/// [`rows_digest`].
struct StreamDigest {
    h: Sha256,
    prefix: Vec<u8>,
    buf: Vec<u8>,
    spans: Vec<(usize, usize)>,
}

impl StreamDigest {
    fn new() -> Self {
        let mut h = Sha256::new();
        h.update(b"mh51 rows v1\0");
        StreamDigest { h, prefix: Vec::new(), buf: Vec::new(), spans: Vec::new() }
    }

    /// Tables in prefix order: see [`StreamDigest`].
    fn table_order(tables: &mut [Table]) {
        tables.sort_by_key(|t| table_prefix(&t.name));
    }

    fn begin_table(&mut self, tbl: &str) {
        self.end_table();
        self.prefix = table_prefix(tbl);
    }

    fn push(&mut self, key: ValueRef<'_>, hash: Option<&[u8; 32]>) {
        let start = self.buf.len();
        encode_rest(key, hash, &mut self.buf);
        self.spans.push((start, self.buf.len()));
    }

    fn end_table(&mut self) {
        let buf = &self.buf;
        self.spans.sort_unstable_by(|a, b| buf[a.0..a.1].cmp(&buf[b.0..b.1]));
        for &(a, b) in &self.spans {
            self.h.update(&self.prefix);
            self.h.update(&buf[a..b]);
        }
        self.buf.clear();
        self.spans.clear();
    }

    fn finish(mut self) -> [u8; 32] {
        self.end_table();
        self.h.finalize().into()
    }
}

/// SHA-256 over a transaction's versions, in the order of their encodings.
fn rows_digest(versions: &[Version]) -> [u8; 32] {
    let mut enc: Vec<Vec<u8>> = versions.iter().map(encode).collect();
    enc.sort();
    let mut h = Sha256::new();
    h.update(b"mh51 rows v1\0");
    for e in &enc {
        h.update(e);
    }
    h.finalize().into()
}

fn hex(bytes: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(HEX[(b >> 4) as usize] as char);
        out.push(HEX[(b & 15) as usize] as char);
    }
    out
}

/// The ledger hash of a row: previous ledger hash, the audit row's hash, the rows digest.
pub fn seal(prev: &str, audit_hash: &str, rows: &[u8]) -> String {
    let mut h = Sha256::new();
    h.update(prev.as_bytes());
    h.update(audit_hash.as_bytes());
    h.update(rows);
    hex(&h.finalize())
}

/// Whether the file has a ledger (schema version 5 on).
pub fn present(conn: &Connection) -> Result<bool> {
    Ok(conn.prepare_cached("SELECT 1 FROM main.sqlite_master WHERE type = 'table' AND name = 'ledger'")?.exists([])?)
}

/// The register's head: the newest ledger row's sequence number and hash.
pub fn head(conn: &Connection) -> Result<Option<(i64, String)>> {
    if !present(conn)? {
        return Ok(None);
    }
    conn.prepare_cached("SELECT seq, hash FROM ledger ORDER BY seq DESC LIMIT 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()
        .context("reading the head of the ledger")
}

/// What the file holds at `seq`: the ledger hash (if that audit row ends a transaction
/// recorded in the ledger) and the audit row's own hash.
pub fn at(conn: &Connection, seq: i64) -> Result<(Option<String>, Option<String>)> {
    let audit_hash: Option<String> =
        conn.query_row("SELECT hash FROM audit_log WHERE seq = ?1", [seq], |r| r.get(0)).optional()?;
    let ledger_hash = if present(conn)? {
        conn.query_row("SELECT hash FROM ledger WHERE seq = ?1", [seq], |r| r.get(0)).optional()?
    } else {
        None
    };
    Ok((ledger_hash, audit_hash))
}

// ---------------------------------------------------------------------------------------
// Recording.

/// Before a write: have SQLite report to this connection every row it is about to insert,
/// update or delete in a data table (module docs), and return the newest audit row's
/// sequence number, which [`finish`] requires to have grown.
pub fn start(conn: &Connection) -> Result<i64> {
    if !present(conn)? {
        bail!("the register has no ledger table (its schema was changed behind mh51's back): run mh51 check");
    }
    let tables = tables(conn).context("preparing to record the rows written")?;
    watch(conn, (schema_version(conn)?, tables));
    Ok(audit::last(conn)?.map_or(0, |(s, _)| s))
}

/// How a data table is keyed, as the hook needs it.
struct Shape {
    without_rowid: bool,
    /// The primary key's columns (`pragma_table_info`'s cid) in key order; empty: the rowid.
    pk: Vec<i32>,
}

/// The rows the write in progress changed, as the hook reported them.
#[derive(Default)]
struct Noted {
    /// Inserted into a rowid table: ranges of rowids in the order reported (contiguous
    /// rowids merge into one range).
    inserted: HashMap<String, Vec<(i64, i64)>>,
    /// Inserted into a `WITHOUT ROWID` table: the key of each ([`put_key`]).
    inserted_keys: HashMap<String, Keys>,
    /// Updated or deleted, in any table: the key before the change, and after an update.
    changed: HashMap<String, Keys>,
    /// Updated or deleted in a rowid table: the rowids before and after, so that a row
    /// inserted and then changed is read once, as changed.
    changed_rowids: HashMap<String, Vec<i64>>,
    /// The data tables as [`start`] read them, with the schema's version then: [`finish`]
    /// reads them again only if the write changed the schema (a migration).
    layout: Option<(i64, Vec<Table>)>,
}

/// Encoded keys, each ending at an offset of `ends`.
#[derive(Default)]
struct Keys {
    buf: Vec<u8>,
    ends: Vec<usize>,
}

impl Keys {
    fn push<'v>(&mut self, values: impl Iterator<Item = ValueRef<'v>>) {
        for v in values {
            put_key(&mut self.buf, v);
        }
        self.ends.push(self.buf.len());
    }

    /// Every key once, in the table's order by its integer key columns ([`put_key`]): a key
    /// noted twice (a row changed twice, or rolled back and its key taken again) is read once.
    fn sorted(&self) -> Vec<&[u8]> {
        let mut spans: Vec<&[u8]> = Vec::with_capacity(self.ends.len());
        let mut from = 0;
        for &end in &self.ends {
            spans.push(&self.buf[from..end]);
            from = end;
        }
        spans.sort_unstable();
        spans.dedup();
        spans
    }
}

/// One key value, tagged: `i` and the integer's 8 bytes big-endian with the sign bit flipped
/// (so that encoded keys sort as SQLite orders them by their integer columns, and [`finish`],
/// reading them back in that order, visits each page of the table once rather than once per
/// row), `r` and 8 bytes, `t`/`b` and a 4-byte length and the bytes, `n` for NULL (which no
/// primary key of a `WITHOUT ROWID` table holds).
fn put_key(buf: &mut Vec<u8>, v: ValueRef<'_>) {
    let mut bytes = |tag: u8, b: &[u8]| {
        buf.push(tag);
        buf.extend_from_slice(&(b.len() as u32).to_le_bytes());
        buf.extend_from_slice(b);
    };
    match v {
        ValueRef::Null => buf.push(b'n'),
        ValueRef::Integer(i) => {
            buf.push(b'i');
            buf.extend_from_slice(&((i as u64) ^ (1 << 63)).to_be_bytes());
        }
        ValueRef::Real(f) => {
            buf.push(b'r');
            buf.extend_from_slice(&f.to_bits().to_le_bytes());
        }
        ValueRef::Text(t) => bytes(b't', t),
        ValueRef::Blob(b) => bytes(b'b', b),
    }
}

/// The values of one key encoded by [`put_key`].
fn key_values(mut enc: &[u8]) -> Vec<ValueRef<'_>> {
    let mut out = Vec::new();
    while let Some((&tag, rest)) = enc.split_first() {
        let eight = |r: &[u8]| -> [u8; 8] { r.get(..8).and_then(|b| b.try_into().ok()).unwrap_or_default() };
        let (v, rest) = match tag {
            b'i' => (
                ValueRef::Integer((u64::from_be_bytes(eight(rest)) ^ (1 << 63)) as i64),
                rest.get(8..).unwrap_or_default(),
            ),
            b'r' => {
                (ValueRef::Real(f64::from_bits(u64::from_le_bytes(eight(rest)))), rest.get(8..).unwrap_or_default())
            }
            b't' | b'b' => {
                let n = rest.get(..4).and_then(|b| b.try_into().ok()).map_or(0, u32::from_le_bytes) as usize;
                let body = rest.get(4..4 + n).unwrap_or_default();
                let v = if tag == b't' { ValueRef::Text(body) } else { ValueRef::Blob(body) };
                (v, rest.get(4 + n..).unwrap_or_default())
            }
            _ => (ValueRef::Null, rest),
        };
        out.push(v);
        enc = rest;
    }
    out
}

/// The values of one key encoded by [`put_key`], as a statement binds them.
fn bound(enc: &[u8]) -> Vec<ToSqlOutput<'_>> {
    key_values(enc).into_iter().map(ToSqlOutput::Borrowed).collect()
}

impl Noted {
    /// A table's inserted ranges, sorted and merged (a rowid reported twice, a row rolled
    /// back and its rowid taken again, is read once), without the rowids changed since.
    fn inserted_ranges(&mut self, table: &str) -> Option<Vec<(i64, i64)>> {
        let mut ranges = self.inserted.remove(table)?;
        ranges.sort_unstable();
        let mut merged: Vec<(i64, i64)> = Vec::with_capacity(ranges.len());
        for (a, b) in ranges {
            match merged.last_mut() {
                Some(last) if a <= last.1.saturating_add(1) => last.1 = last.1.max(b),
                _ => merged.push((a, b)),
            }
        }
        let mut changed = self.changed_rowids.remove(table).unwrap_or_default();
        changed.sort_unstable();
        changed.dedup();
        Some(without(merged, &changed))
    }

    fn note_insert(&mut self, table: &str, rowid: i64) {
        let ranges = entry(&mut self.inserted, table);
        match ranges.last_mut() {
            Some(last) if last.1.checked_add(1) == Some(rowid) => last.1 = rowid,
            _ => ranges.push((rowid, rowid)),
        }
    }
}

/// A table's entry in `map`, made empty the first time (the name is copied only then: the
/// hook calls this for every row).
fn entry<'m, V: Default>(map: &'m mut HashMap<String, V>, table: &str) -> &'m mut V {
    if !map.contains_key(table) {
        map.insert(table.to_string(), V::default());
    }
    map.get_mut(table).expect("inserted just above")
}

/// Sorted, disjoint `ranges` less the sorted, distinct `points`.
fn without(ranges: Vec<(i64, i64)>, points: &[i64]) -> Vec<(i64, i64)> {
    let mut out = Vec::with_capacity(ranges.len());
    let mut p = points.iter().copied().peekable();
    for (from, to) in ranges {
        // What is left of this range starts at `rest` (None: nothing is left).
        let mut rest = Some(from);
        while let (Some(start), Some(&x)) = (rest, p.peek()) {
            if x > to {
                break;
            }
            p.next();
            if x < start {
                continue;
            }
            if x > start {
                out.push((start, x - 1));
            }
            rest = x.checked_add(1).filter(|n| *n <= to);
        }
        if let Some(start) = rest {
            out.push((start, to));
        }
    }
    out
}

thread_local! {
    /// What each connection's write in progress changed, by the connection's address: the
    /// same `Connection` is borrowed (by its transaction) from [`start`] to [`finish`], so its
    /// address cannot change in between; a later connection at the same address gets a
    /// fresh entry from its own [`start`]. SQLite calls the hook on the thread that runs the
    /// statement, which is the thread of `start` and `finish`.
    static NOTED: RefCell<HashMap<usize, Arc<Mutex<Noted>>>> = RefCell::new(HashMap::new());
}

fn address(conn: &Connection) -> usize {
    conn as *const Connection as usize
}

/// Have SQLite report every row inserted, updated or deleted in a data table of `main` from
/// now on, into a fresh record for this connection (what an earlier, rolled-back start noted
/// is dropped), which keeps `layout` (the schema's version and its data tables) for
/// [`finish`]. A table not in it (made by this very write) is noted by the rowids of its
/// inserts only.
fn watch(conn: &Connection, layout: (i64, Vec<Table>)) {
    let shapes: HashMap<String, Shape> = layout
        .1
        .iter()
        .map(|t| (t.name.clone(), Shape { without_rowid: t.without_rowid, pk: t.pk_cids.clone() }))
        .collect();
    let noted = Arc::new(Mutex::new(Noted { layout: Some(layout), ..Noted::default() }));
    let hooked = Arc::clone(&noted);
    super::preupdate::watch(conn, move |row| {
        if row.schema != "main" || NOT_DATA.contains(&row.table) {
            return;
        }
        // A panic while noting is caught by the hook and poisons the lock: `finish` then
        // refuses the write (`take_noted`) instead of committing a row without its version.
        let Ok(mut n) = hooked.lock() else { return };
        let shape = shapes.get(row.table);
        // The key of the row before the change (`old`) or after it, as its values.
        let key = |old: bool| -> Vec<ValueRef<'_>> {
            let get = |c: i32| if old { row.old_value(c) } else { row.new_value(c) }.unwrap_or(ValueRef::Null);
            match shape {
                Some(s) if !s.pk.is_empty() => s.pk.iter().map(|&c| get(c)).collect(),
                _ => vec![ValueRef::Integer(if old { row.old_rowid } else { row.new_rowid })],
            }
        };
        match (row.op, shape) {
            (Op::Insert, Some(s)) if s.without_rowid => {
                entry(&mut n.inserted_keys, row.table).push(key(false).into_iter())
            }
            (Op::Insert, _) => n.note_insert(row.table, row.new_rowid),
            (_, None) => {}
            (op, Some(s)) => {
                let update = op == Op::Update;
                if !s.without_rowid {
                    let rowids = entry(&mut n.changed_rowids, row.table);
                    rowids.push(row.old_rowid);
                    if update {
                        rowids.push(row.new_rowid);
                    }
                }
                let keys = entry(&mut n.changed, row.table);
                keys.push(key(true).into_iter());
                if update {
                    keys.push(key(false).into_iter());
                }
            }
        }
    });
    NOTED.with(|m| m.borrow_mut().insert(address(conn), noted));
}

/// What the hook noted since [`start`], and the hook removed.
fn take_noted(conn: &Connection) -> Result<Noted> {
    super::preupdate::unwatch(conn);
    let Some(noted) = NOTED.with(|m| m.borrow_mut().remove(&address(conn))) else {
        bail!("internal error: the rows written were not being recorded (ledger::start was not called)");
    };
    let noted = Arc::try_unwrap(noted)
        .map_err(|_| anyhow::anyhow!("internal error: the record of the rows written is still in use"))?
        .into_inner()
        .map_err(|_| anyhow::anyhow!("internal error: the record of the rows written is broken"))?;
    Ok(noted)
}

/// Just before the commit: hash every row this transaction changed, store the versions and
/// seal them with the newest audit row. Fails when the transaction appended no audit row
/// (every change is audited; a write that records nothing is a bug, not a user's error).
pub fn finish(conn: &Connection, started_at: i64) -> Result<()> {
    let (seq, audit_hash) = match audit::last(conn)? {
        Some(l) if l.0 > started_at => l,
        _ => bail!(
            "internal error: this write appended no audit row, so it was not saved (every change must be audited)"
        ),
    };
    let mut noted = take_noted(conn)?;
    // Each version is stored as it is read, and goes into the digest table by table.
    let mut digest = StreamDigest::new();
    let mut ins = conn.prepare_cached("INSERT INTO row_versions (seq, tbl, key, hash) VALUES (?1, ?2, ?3, ?4)")?;
    let version_now = schema_version(conn)?;
    let mut tables = match noted.layout.take() {
        Some((version, tables)) if version == version_now => tables,
        _ => tables(conn)?,
    };
    StreamDigest::table_order(&mut tables);
    for t in tables {
        let changed_keys = noted.changed.remove(&t.name).unwrap_or_default();
        let changed = changed_keys.sorted();
        let ranges = noted.inserted_ranges(&t.name);
        let inserted_keys = noted.inserted_keys.remove(&t.name);
        if changed.is_empty() && ranges.is_none() && inserted_keys.is_none() {
            continue;
        }
        digest.begin_table(&t.name);
        // Store one row's version (`present`: the row is there; its columns from index 2).
        let mut version = |r: &rusqlite::Row<'_>, present: bool| -> Result<()> {
            let key = r.get_ref(0)?;
            let hash = if present {
                // The statement selects every column after the first two: no index is out of range.
                Some(row_hash(&t.name, t.cols.iter().enumerate().map(|(i, c)| (c.as_str(), r.get_ref_unwrap(i + 2)))))
            } else {
                None
            };
            digest.push(key, hash.as_ref());
            ins.execute(params![seq, t.name, ToSqlOutput::Borrowed(key), hash.as_ref().map(|h| &h[..])])
                .context("recording the rows written")?;
            Ok(())
        };
        // Store the version of every row a statement selects as `key, present, col…`.
        let mut read = |stmt: &mut rusqlite::Statement<'_>, params: Vec<ToSqlOutput<'_>>| -> Result<()> {
            let mut rows = stmt.query(rusqlite::params_from_iter(params))?;
            while let Some(r) = rows.next()? {
                let present: bool = r.get(1)?;
                version(r, present)?;
            }
            Ok(())
        };
        // Updated or deleted: each key once, read as it is now (not there: deleted, its
        // version NULL). A change rolled back with a savepoint was noted all the same: its row
        // is read as it is, and its version repeats the one it had.
        if !changed.is_empty() {
            let ks: Vec<String> = (0..t.pk.len()).map(|i| format!("?{} AS k{i}", i + 1)).collect();
            let on: Vec<String> = t.pk.iter().enumerate().map(|(i, c)| format!("t.{} = c.k{i}", q(c))).collect();
            // The key over the noted values k0, k1, … (as `key_expr` over the row).
            let sql = format!(
                "SELECT {}, t.{} IS NOT NULL, {} FROM (SELECT {}) c LEFT JOIN main.{} t ON {}",
                key_sql((0..t.pk.len()).map(|i| format!("c.k{i}")).collect()),
                q(&t.pk[0]),
                t.col_list("t"),
                ks.join(", "),
                q(&t.name),
                on.join(" AND "),
            );
            let mut stmt =
                conn.prepare_cached(&sql).with_context(|| format!("reading the rows written to {}", t.name))?;
            for span in &changed {
                read(&mut stmt, bound(span))?;
            }
        }
        // Inserted and not changed since (read above): a row rolled back is not there to read.
        let inserted_where = |rows_where: &str| {
            let sql = format!(
                "SELECT {}, 1, {} FROM main.{} t WHERE {rows_where}",
                t.key_expr("t"),
                t.col_list("t"),
                q(&t.name),
            );
            conn.prepare_cached(&sql).with_context(|| format!("reading the rows inserted into {}", t.name))
        };
        // Into a rowid table: by the ranges the hook reported.
        if let Some(ranges) = ranges {
            let mut stmt = inserted_where("t.rowid BETWEEN ?1 AND ?2")?;
            for (from, to) in ranges {
                read(&mut stmt, vec![from.into(), to.into()])?;
            }
        }
        // Into a `WITHOUT ROWID` table: by the keys the hook reported, each once.
        if let Some(keys) = inserted_keys {
            let by_key: Vec<String> =
                t.pk.iter().enumerate().map(|(i, c)| format!("t.{} = ?{}", q(c), i + 1)).collect();
            let mut stmt = inserted_where(&by_key.join(" AND "))?;
            for span in keys.sorted().into_iter().filter(|k| changed.binary_search(k).is_err()) {
                read(&mut stmt, bound(span))?;
            }
        }
    }
    seal_rows(conn, seq, &audit_hash, &digest.finish())
}

/// One ledger row for audit row `seq`: the rows digest, chained to the previous ledger row
/// and to the audit row's hash.
fn seal_rows(conn: &Connection, seq: i64, audit_hash: &str, digest: &[u8; 32]) -> Result<()> {
    let prev: String = conn
        .prepare_cached("SELECT hash FROM ledger ORDER BY seq DESC LIMIT 1")?
        .query_row([], |r| r.get(0))
        .optional()?
        .unwrap_or_else(|| audit::GENESIS.to_string());
    conn.prepare_cached("INSERT INTO ledger (seq, rows, hash) VALUES (?1, ?2, ?3)")?
        .execute(params![seq, &digest[..], seal(&prev, audit_hash, digest)])
        .context("sealing the rows written")?;
    Ok(())
}

/// Store `versions` under audit row `seq` and seal them: one ledger row chained to the
/// previous one and to the audit row's hash.
fn store(conn: &Connection, seq: i64, audit_hash: &str, versions: &[Version]) -> Result<()> {
    let mut ins = conn.prepare_cached("INSERT INTO row_versions (seq, tbl, key, hash) VALUES (?1, ?2, ?3, ?4)")?;
    for v in versions {
        ins.execute(params![seq, v.tbl, v.key, v.hash.as_ref().map(|h| &h[..])])
            .context("recording the rows written")?;
    }
    seal_rows(conn, seq, audit_hash, &rows_digest(versions))
}

/// How many data rows the file holds (for the baseline's audit row).
pub fn count_rows(conn: &Connection) -> Result<i64> {
    let mut n = 0;
    for t in tables(conn)? {
        n += conn.query_row(&format!("SELECT count(*) FROM main.{}", q(&t.name)), [], |r| r.get::<_, i64>(0))?;
    }
    Ok(n)
}

// ---------------------------------------------------------------------------------------
// The proof.

/// One thing the proof found, naming table, key and the audit row concerned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    /// The row's content is not what its newest version (written by audit row `seq`) says.
    Differs { tbl: String, key: String, seq: i64 },
    /// A row no version describes: added behind mh51's back.
    Added { tbl: String, key: String },
    /// The newest version (audit row `seq`) describes a row that is gone.
    Deleted { tbl: String, key: String, seq: i64 },
    /// The versions recorded for audit row `seq` are not the ones its ledger row sealed.
    Versions { seq: i64 },
    /// Versions recorded for audit row `seq`, which no ledger row seals.
    Unsealed { seq: i64 },
    /// The ledger row at `seq` does not chain (to the previous ledger row or its audit row).
    Chain { seq: i64, what: &'static str },
    /// The newest audit row `seq` is not sealed by a ledger row (appended behind mh51's back).
    Tail { seq: i64, sealed: i64 },
}

/// SQLite's ordering of two values (NULL < numbers < text < blob; text and blobs bytewise).
fn cmp_value(a: &Value, b: &Value) -> Ordering {
    fn rank(v: &Value) -> u8 {
        match v {
            Value::Null => 0,
            Value::Integer(_) | Value::Real(_) => 1,
            Value::Text(_) => 2,
            Value::Blob(_) => 3,
        }
    }
    match (a, b) {
        (Value::Integer(x), Value::Integer(y)) => x.cmp(y),
        (Value::Integer(x), Value::Real(y)) => (*x as f64).partial_cmp(y).unwrap_or(Ordering::Equal),
        (Value::Real(x), Value::Integer(y)) => x.partial_cmp(&(*y as f64)).unwrap_or(Ordering::Equal),
        (Value::Real(x), Value::Real(y)) => x.partial_cmp(y).unwrap_or(Ordering::Equal),
        (Value::Text(x), Value::Text(y)) => x.as_bytes().cmp(y.as_bytes()),
        (Value::Blob(x), Value::Blob(y)) => x.cmp(y),
        _ => rank(a).cmp(&rank(b)),
    }
}

/// A key as shown in a finding: `12`, `district`, `[3,"2023-01-01"]`.
fn show(v: &Value) -> String {
    match v {
        Value::Null => "NULL".into(),
        Value::Integer(i) => i.to_string(),
        Value::Real(f) => f.to_string(),
        Value::Text(t) => t.clone(),
        Value::Blob(b) => format!("x'{}'", hex(b)),
    }
}

/// One row version as read back: its table, key, hash (None for a deletion) and audit seq.
type StoredVersion = (String, Value, Option<Vec<u8>>, i64);

/// The newest version of each (tbl, key), in (tbl, key) order.
struct Newest<'s> {
    rows: rusqlite::Rows<'s>,
    peeked: Option<StoredVersion>,
}

impl Newest<'_> {
    fn peek(&mut self) -> Result<Option<&StoredVersion>> {
        if self.peeked.is_none() {
            if let Some(r) = self.rows.next()? {
                self.peeked = Some((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?));
            }
        }
        Ok(self.peeked.as_ref())
    }
    fn take(&mut self) -> Option<StoredVersion> {
        self.peeked.take()
    }
}

/// What [`walk`] found for one row: its table, key and current hash (`None`: the row is
/// gone), and its newest version (`None`: no version describes it).
struct Step {
    tbl: String,
    key: Value,
    now: Option<[u8; 32]>,
    newest: Option<(Option<Vec<u8>>, i64)>,
}

/// Every current row of every data table beside its newest version, and every newest
/// version whose row is gone, in (table, key) order; `f` sees each. Returns how many current
/// rows were read. One pass over each table and over the versions, so memory stays small.
fn walk(conn: &Connection, mut f: impl FnMut(Step)) -> Result<i64> {
    let mut read = 0i64;
    // The bare columns beside max() are those of the row holding the maximum (SQLite's
    // documented behaviour).
    let mut vstmt =
        conn.prepare("SELECT tbl, key, hash, max(seq) FROM row_versions GROUP BY tbl, key ORDER BY tbl, key")?;
    let mut newest = Newest { rows: vstmt.query([])?, peeked: None };
    fn f_gone(v: StoredVersion) -> Step {
        Step { tbl: v.0, key: v.1, now: None, newest: Some((v.2, v.3)) }
    }
    for t in tables(conn)? {
        // Versions of tables that sort before this one and no longer exist.
        while let Some(v) = newest.peek()? {
            if v.0.as_bytes() >= t.name.as_bytes() {
                break;
            }
            f(f_gone(newest.take().expect("peeked")));
        }
        let sql =
            format!("SELECT {k}, {} FROM main.{} t ORDER BY {k}", t.col_list("t"), q(&t.name), k = t.key_expr("t"));
        let mut stmt = conn.prepare(&sql)?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            read += 1;
            let key: Value = r.get(0)?;
            // Versions of this table with a smaller key: rows that are gone.
            let mut matched = None;
            while let Some(v) = newest.peek()? {
                if v.0 != t.name {
                    break;
                }
                match cmp_value(&v.1, &key) {
                    Ordering::Less => f(f_gone(newest.take().expect("peeked"))),
                    Ordering::Equal => {
                        matched = newest.take();
                        break;
                    }
                    Ordering::Greater => break,
                }
            }
            let mut vals = Vec::with_capacity(t.cols.len());
            for (i, c) in t.cols.iter().enumerate() {
                vals.push((c.as_str(), r.get_ref(i + 1)?));
            }
            let hash = row_hash(&t.name, vals);
            f(Step { tbl: t.name.clone(), key, now: Some(hash), newest: matched.map(|m| (m.2, m.3)) });
        }
        // The rest of this table's versions: rows that are gone.
        while let Some(v) = newest.peek()? {
            if v.0 != t.name {
                break;
            }
            f(f_gone(newest.take().expect("peeked")));
        }
    }
    while newest.peek()?.is_some() {
        f(f_gone(newest.take().expect("peeked")));
    }
    Ok(read)
}

/// Bring the ledger up to the rows as they are, sealed by the newest audit row: every row
/// no version describes, or whose content is not its newest version's, gets a version, and
/// every row that is gone gets a deletion. For a register that had no ledger (older than
/// version 5) this is its baseline: every row. Used only by a migration, inside its
/// transaction, right after the migration's audit row: a migration's own changes to the
/// rows are recorded like any write's. Returns how many versions were recorded.
pub fn catch_up(conn: &Connection) -> Result<i64> {
    let (seq, audit_hash) = audit::last(conn)?.context("the ledger's catch-up needs its audit row")?;
    let mut versions = Vec::new();
    walk(conn, |s| {
        let stale = match (&s.now, &s.newest) {
            (Some(now), Some((Some(h), _))) => h[..] != now[..],
            (Some(_), _) => true,
            (None, Some((Some(_), _))) => true,
            (None, _) => false,
        };
        if stale {
            versions.push(Version { tbl: s.tbl, key: s.key, hash: s.now });
        }
    })?;
    store(conn, seq, &audit_hash, &versions)?;
    Ok(versions.len() as i64)
}

/// Prove every current row of every data table, and the ledger itself. Returns what was
/// found and how many rows were proved. A file without a ledger (older than version 5)
/// proves nothing and says so by returning `None`.
pub fn prove(conn: &Connection) -> Result<Option<(Vec<Finding>, i64)>> {
    if !present(conn)? {
        return Ok(None);
    }
    let mut found = Vec::new();
    // 1. Every row against its newest version.
    let proved = walk(conn, |s| {
        let key = show(&s.key);
        match (s.now, s.newest) {
            (Some(now), Some((Some(h), _))) if h[..] == now[..] => {}
            (Some(_), Some((Some(_), seq))) => found.push(Finding::Differs { tbl: s.tbl, key, seq }),
            (Some(_), _) => found.push(Finding::Added { tbl: s.tbl, key }),
            (None, Some((Some(_), seq))) => found.push(Finding::Deleted { tbl: s.tbl, key, seq }),
            (None, _) => {}
        }
    })?;

    // 2. The ledger: each row's versions, and the chain.
    let mut lstmt = conn.prepare(
        "SELECT l.seq, l.rows, l.hash, a.hash FROM ledger l LEFT JOIN audit_log a ON a.seq = l.seq ORDER BY l.seq",
    )?;
    let mut ledger = lstmt.query([])?;
    let mut vstmt = conn.prepare("SELECT seq, tbl, key, hash FROM row_versions ORDER BY seq")?;
    let mut vrows = vstmt.query([])?;
    let mut pending: Option<(i64, Version)> = None;
    let mut next_version = |pending: &mut Option<(i64, Version)>| -> Result<Option<(i64, Version)>> {
        if let Some(p) = pending.take() {
            return Ok(Some(p));
        }
        Ok(match vrows.next()? {
            Some(r) => {
                let hash: Option<Vec<u8>> = r.get(3)?;
                let hash = hash.map(|h| {
                    let mut a = [0u8; 32];
                    let n = h.len().min(32);
                    a[..n].copy_from_slice(&h[..n]);
                    // A hash of another length never matches a digest of 32 bytes.
                    if h.len() != 32 {
                        a[0] ^= 0xff;
                    }
                    a
                });
                Some((r.get(0)?, Version { tbl: r.get(1)?, key: r.get(2)?, hash }))
            }
            None => None,
        })
    };
    let mut prev = audit::GENESIS.to_string();
    let mut last_sealed = 0i64;
    while let Some(r) = ledger.next()? {
        let seq: i64 = r.get(0)?;
        let rows: Vec<u8> = r.get(1)?;
        let hash: String = r.get(2)?;
        let audit_hash: Option<String> = r.get(3)?;
        let mut mine = Vec::new();
        while let Some((s, v)) = next_version(&mut pending)? {
            match s.cmp(&seq) {
                Ordering::Less => {
                    if !found.contains(&Finding::Unsealed { seq: s }) {
                        found.push(Finding::Unsealed { seq: s });
                    }
                }
                Ordering::Equal => mine.push(v),
                Ordering::Greater => {
                    pending = Some((s, v));
                    break;
                }
            }
        }
        if rows_digest(&mine)[..] != rows[..] {
            found.push(Finding::Versions { seq });
        }
        match audit_hash {
            None => found.push(Finding::Chain { seq, what: "no audit row has this number" }),
            Some(a) => {
                if seal(&prev, &a, &rows) != hash {
                    found.push(Finding::Chain {
                        seq,
                        what: "its hash does not match the previous ledger row, its audit row and its versions",
                    });
                }
            }
        }
        prev = hash;
        last_sealed = seq;
    }
    while let Some((s, _)) = next_version(&mut pending)? {
        if !found.contains(&Finding::Unsealed { seq: s }) {
            found.push(Finding::Unsealed { seq: s });
        }
    }
    if let Some((last, _)) = audit::last(conn)? {
        if last != last_sealed {
            found.push(Finding::Tail { seq: last, sealed: last_sealed });
        }
    }
    Ok(Some((found, proved)))
}

/// A finding in both languages: (en, vi).
pub fn describe(f: &Finding) -> (String, String) {
    let one = |vi: bool| match f {
        Finding::Differs { tbl, key, seq } => {
            crate::w!(vi, "domain-ledger-differs", tbl = tbl, key = key, seq = seq.to_string())
        }
        Finding::Added { tbl, key } => crate::w!(vi, "domain-ledger-added", tbl = tbl, key = key),
        Finding::Deleted { tbl, key, seq } => {
            crate::w!(vi, "domain-ledger-deleted", tbl = tbl, key = key, seq = seq.to_string())
        }
        Finding::Versions { seq } => crate::w!(vi, "domain-ledger-versions", seq = seq.to_string()),
        Finding::Unsealed { seq } => crate::w!(vi, "domain-ledger-unsealed", seq = seq.to_string()),
        Finding::Chain { seq, what } => {
            crate::w!(vi, "domain-ledger-chain", seq = seq.to_string(), missing = what.starts_with("no audit row"))
        }
        Finding::Tail { seq, sealed } => {
            crate::w!(vi, "domain-ledger-tail", seq = seq.to_string(), sealed = sealed.to_string())
        }
    };
    (one(false), one(true))
}

// ---------------------------------------------------------------------------------------
// The schema against schema.sql.

/// One schema object the file holds differently from `schema.sql`: (type, name, what).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaDiff {
    pub kind: String,
    pub name: String,
    pub what: &'static str,
}

fn objects(conn: &Connection) -> Result<Vec<(String, String, String)>> {
    let mut stmt = conn.prepare(
        "SELECT type, name, coalesce(sql, '') FROM main.sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
         ORDER BY type, name",
    )?;
    let rows = stmt
        .query_map([], |r| {
            let sql: String = r.get(2)?;
            Ok((r.get(0)?, r.get(1)?, sql.split_whitespace().collect::<Vec<_>>().join(" ")))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Compare the file's tables, indexes, triggers and views with a fresh database made from
/// `schema` (whitespace normalised).
pub fn schema_diff(conn: &Connection, schema: &str) -> Result<Vec<SchemaDiff>> {
    let fresh = Connection::open_in_memory()?;
    fresh.execute_batch(schema).context("building the reference schema")?;
    let want = objects(&fresh)?;
    let have = objects(conn)?;
    let mut out = Vec::new();
    for (k, n, sql) in &want {
        match have.iter().find(|(k2, n2, _)| k2 == k && n2 == n) {
            None => out.push(SchemaDiff { kind: k.clone(), name: n.clone(), what: "missing" }),
            Some((_, _, s)) if s != sql => out.push(SchemaDiff { kind: k.clone(), name: n.clone(), what: "changed" }),
            Some(_) => {}
        }
    }
    for (k, n, _) in &have {
        if !want.iter().any(|(k2, n2, _)| k2 == k && n2 == n) {
            out.push(SchemaDiff { kind: k.clone(), name: n.clone(), what: "extra" });
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pre-update hook's record of inserts, updates and deletes gives every row a
    /// version: rows inserted by one statement and by many (`INSERT … SELECT`, which SQLite
    /// may copy without running the row loop), with an explicit id into a gap below the
    /// table's largest, inserted then changed, inserted then deleted, inserted and rolled
    /// back with a savepoint (and the rowid, or the key, taken again), into a `WITHOUT ROWID`
    /// table whose key is not its first columns in order; a change and a delete rolled back
    /// with a savepoint leave a version of the row as it is — and a second write on the same
    /// connection starts afresh.
    #[test]
    fn every_row_a_write_inserts_gets_its_version() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.db");
        let mut conn = crate::db::create(&path, None).unwrap();
        // Two `WITHOUT ROWID` tables of one shape, keyed (b, a): the second filled from the
        // first by SQLite's copy of whole records (`INSERT INTO wr3 SELECT * FROM wr2`).
        for t in ["wr", "wr2", "wr3"] {
            conn.execute_batch(&format!(
                "CREATE TABLE {t} (a INTEGER NOT NULL, v TEXT, b TEXT NOT NULL, PRIMARY KEY (b, a)) STRICT, WITHOUT ROWID"
            ))
            .unwrap();
        }
        let stamp = crate::audit::Stamp { actor: "tester".into(), at: "2026-12-07T09:00:00".into() };
        let person = |n: &str| format!("INSERT INTO persons (name, name_fold) VALUES ('{n}', '{n}')");
        crate::db::write(&mut conn, |tx| {
            for n in ["a", "b", "c", "d"] {
                tx.execute_batch(&person(n))?;
            }
            tx.execute_batch("INSERT INTO wr2 VALUES (1, 'one', 'q'), (2, NULL, 'q')")?;
            crate::audit::append(tx, &stamp, "test", "person", "1", &serde_json::json!({}))
        })
        .unwrap();
        crate::db::write(&mut conn, |tx| {
            tx.execute_batch("UPDATE persons SET name = 'b2' WHERE id = 2")?;
            tx.execute_batch(&person("e"))?;
            tx.execute_batch("UPDATE persons SET name = 'e2', name_fold = 'e2' WHERE name = 'e'")?;
            tx.execute_batch(&person("f"))?;
            tx.execute_batch("SAVEPOINT s")?;
            tx.execute_batch(&person("g"))?;
            tx.execute_batch("ROLLBACK TO s; RELEASE s")?;
            tx.execute_batch(&person("h"))?;
            tx.execute_batch("INSERT INTO persons (id, name, name_fold) VALUES (100, 'x', 'x')")?;
            tx.execute_batch(
                "INSERT INTO persons (name, name_fold) SELECT name || '!', name_fold || '!' FROM persons WHERE id <= 3",
            )?;
            // A gap below the largest id, filled by an explicit id.
            tx.execute_batch("INSERT INTO persons (id, name, name_fold) VALUES (50, 'gap', 'gap')")?;
            // Inserted then deleted; inserted, then changed by an upsert.
            tx.execute_batch("INSERT INTO settings (key, value) VALUES ('t1', '1'); DELETE FROM settings WHERE key = 't1'")?;
            tx.execute_batch(
                "INSERT INTO settings (key, value) VALUES ('t2', '2');
                 INSERT INTO settings (key, value) VALUES ('t2', '3') ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            )?;
            // The `WITHOUT ROWID` table: a row; one rolled back; one rolled back and its key
            // taken again; two by `INSERT … SELECT`; inserted then changed; inserted then
            // deleted; and a whole table copied.
            tx.execute_batch("INSERT INTO wr VALUES (1, 'one', 'x')")?;
            tx.execute_batch("SAVEPOINT s; INSERT INTO wr VALUES (2, NULL, 'y'); ROLLBACK TO s; RELEASE s")?;
            tx.execute_batch("SAVEPOINT s; INSERT INTO wr VALUES (3, NULL, 'z'); ROLLBACK TO s; RELEASE s")?;
            tx.execute_batch("INSERT INTO wr VALUES (3, 'again', 'z')")?;
            tx.execute_batch("INSERT INTO wr SELECT id, name, 'p' FROM persons WHERE id <= 2")?;
            tx.execute_batch("INSERT INTO wr VALUES (4, NULL, 'u'); UPDATE wr SET v = 'changed' WHERE a = 4")?;
            tx.execute_batch("INSERT INTO wr VALUES (5, NULL, 'd'); DELETE FROM wr WHERE a = 5")?;
            tx.execute_batch("INSERT INTO wr3 SELECT * FROM wr2")?;
            // Noted by the hook and then rolled back: the rows as they are get a version.
            tx.execute_batch("SAVEPOINT s; UPDATE persons SET name = 'zz' WHERE id = 1; ROLLBACK TO s; RELEASE s")?;
            tx.execute_batch("SAVEPOINT s; DELETE FROM wr2 WHERE a = 1; ROLLBACK TO s; RELEASE s")?;
            crate::audit::append(tx, &stamp, "test", "person", "2", &serde_json::json!({}))
        })
        .unwrap();
        let (found, proved) = prove(&conn).unwrap().unwrap();
        assert_eq!(found, vec![], "every row is proved");
        let persons: i64 = conn.query_row("SELECT count(*) FROM persons", [], |r| r.get(0)).unwrap();
        assert_eq!(persons, 4 + 3 + 1 + 3 + 1, "e, f, h, 100, three copies and 50 (g was rolled back)");
        assert!(proved >= persons);
        // The second write's versions, one each: a (its change rolled back), b (updated), e,
        // f, h (which took the rolled-back g's id), 100, the copies (101-103: after the
        // largest id), 50; t1 deleted, t2; wr2's row whose deletion was rolled back.
        let second: Vec<String> = conn
            .prepare(
                "SELECT tbl || ':' || key || ':' || (hash IS NOT NULL) FROM row_versions
                 WHERE seq = (SELECT max(seq) FROM ledger) ORDER BY tbl, key",
            )
            .unwrap()
            .query_map([], |r| r.get::<_, String>(0))
            .unwrap()
            .map(|k| k.unwrap())
            .collect();
        assert_eq!(
            second,
            [1, 2, 5, 6, 7, 50, 100, 101, 102, 103]
                .iter()
                .map(|k| format!("persons:{k}:1"))
                .chain(["settings:t1:0".to_string(), "settings:t2:1".to_string()])
                .chain(
                    [r#"["d",5]:0"#, r#"["p",1]:1"#, r#"["p",2]:1"#, r#"["u",4]:1"#, r#"["x",1]:1"#, r#"["z",3]:1"#]
                        .iter()
                        .map(|k| format!("wr:{k}")),
                )
                .chain([r#"wr2:["q",1]:1"#.to_string()])
                .chain([r#"["q",1]:1"#, r#"["q",2]:1"#].iter().map(|k| format!("wr3:{k}")))
                .collect::<Vec<_>>()
        );
        // Tampering after the fact is still caught: a row inserted behind the ledger's back.
        conn.execute_batch("INSERT INTO persons (id, name, name_fold) VALUES (40, 'behind', 'behind')").unwrap();
        conn.execute_batch("INSERT INTO wr VALUES (9, NULL, 'behind')").unwrap();
        let (found, _) = prove(&conn).unwrap().unwrap();
        assert_eq!(
            found,
            vec![
                Finding::Added { tbl: "persons".into(), key: "40".into() },
                Finding::Added { tbl: "wr".into(), key: r#"["behind",9]"#.into() }
            ]
        );
    }

    /// A write that changes the schema (as a migration would) is hashed by the columns it
    /// leaves, not by those `start` read.
    #[test]
    fn a_column_added_during_the_write_is_in_the_rows_hash() {
        let dir = tempfile::tempdir().unwrap();
        let mut conn = crate::db::create(&dir.path().join("r.db"), None).unwrap();
        let stamp = crate::audit::Stamp { actor: "tester".into(), at: "2026-12-07T09:00:00".into() };
        crate::db::write(&mut conn, |tx| {
            tx.execute_batch(
                "ALTER TABLE settings ADD COLUMN extra TEXT;
                 INSERT INTO settings (key, value, extra) VALUES ('t', '1', 'added');",
            )?;
            crate::audit::append(tx, &stamp, "test", "setting", "t", &serde_json::json!({}))
        })
        .unwrap();
        let (found, _) = prove(&conn).unwrap().unwrap();
        assert_eq!(found, vec![], "the new column's value is in the version");
    }

    #[test]
    fn a_without_rowid_table_is_known_by_its_options() {
        assert!(is_without_rowid("CREATE TABLE t (a, b, PRIMARY KEY (b, a)) STRICT, WITHOUT ROWID"));
        assert!(is_without_rowid("create table t(a primary key) without\n  rowid"));
        assert!(!is_without_rowid("CREATE TABLE t (a TEXT CHECK (a <> 'WITHOUT ROWID')) STRICT"));
        assert!(!is_without_rowid("CREATE TABLE t (id INTEGER PRIMARY KEY, note TEXT)"));
        // Every table of a new register: the two histories only.
        let dir = tempfile::tempdir().unwrap();
        let conn = crate::db::create(&dir.path().join("r.db"), None).unwrap();
        let wr: Vec<String> = tables(&conn).unwrap().into_iter().filter(|t| t.without_rowid).map(|t| t.name).collect();
        assert_eq!(wr, ["case_wards", "member_wards"]);
    }

    #[test]
    fn ranges_less_points_keep_every_other_rowid() {
        let m = i64::MAX;
        assert_eq!(without(vec![(1, 10), (20, 20), (30, m)], &[0, 1, 5, 10, 20, 25, m]), [(2, 4), (6, 9), (30, m - 1)]);
        assert_eq!(without(vec![(1, 3)], &[]), [(1, 3)]);
        assert_eq!(without(vec![(1, 3)], &[1, 2, 3]), []);
        assert_eq!(without(vec![(i64::MIN, -1), (1, 2)], &[i64::MIN, 2]), [(i64::MIN + 1, -1), (1, 1)]);
    }

    #[test]
    fn keys_encoded_come_back_whole_and_sort_by_their_integers() {
        let keys: Vec<Vec<ValueRef<'_>>> = vec![
            vec![ValueRef::Integer(300), ValueRef::Text(b"2024-01-01")],
            vec![ValueRef::Integer(-5), ValueRef::Text(b"")],
            vec![ValueRef::Integer(2), ValueRef::Blob(&[0, 255]), ValueRef::Real(1.5), ValueRef::Null],
            vec![ValueRef::Integer(i64::MIN)],
            vec![ValueRef::Integer(i64::MAX)],
            vec![ValueRef::Integer(0)],
        ];
        let encoded: Vec<Vec<u8>> = keys
            .iter()
            .map(|k| {
                let mut buf = Vec::new();
                for v in k {
                    put_key(&mut buf, *v);
                }
                buf
            })
            .collect();
        for (k, e) in keys.iter().zip(&encoded) {
            assert_eq!(&key_values(e), k);
        }
        let mut sorted = encoded.clone();
        sorted.sort();
        let firsts: Vec<i64> = sorted
            .iter()
            .map(|e| match key_values(e)[0] {
                ValueRef::Integer(i) => i,
                _ => panic!("not an integer"),
            })
            .collect();
        assert_eq!(firsts, [i64::MIN, -5, 0, 2, 300, i64::MAX]);
    }

    #[test]
    fn the_row_hash_leaves_nulls_out_and_frames_every_value() {
        let a = row_hash("t", [("a", ValueRef::Integer(1)), ("b", ValueRef::Null)]);
        let b = row_hash("t", [("a", ValueRef::Integer(1))]);
        assert_eq!(a, b, "a NULL column is not part of the row");
        // "ab" + "c" is not "a" + "bc"; an integer is not its text.
        assert_ne!(
            row_hash("t", [("a", ValueRef::Text(b"ab")), ("b", ValueRef::Text(b"c"))]),
            row_hash("t", [("a", ValueRef::Text(b"a")), ("b", ValueRef::Text(b"bc"))])
        );
        assert_ne!(row_hash("t", [("a", ValueRef::Integer(1))]), row_hash("t", [("a", ValueRef::Text(b"1"))]));
        assert_ne!(row_hash("t", [("a", ValueRef::Integer(1))]), row_hash("u", [("a", ValueRef::Integer(1))]));
    }

    #[test]
    fn the_streamed_digest_is_the_rows_digest() {
        // Tables of several name lengths, keys of every kind (negative integers sort after
        // positive ones in their encoding), deletions.
        let mut versions = Vec::new();
        for (tbl, keys) in [
            ("cases", vec![Value::Integer(10), Value::Integer(-3), Value::Integer(2)]),
            ("ab", vec![Value::Text("zz".into()), Value::Text("b".into()), Value::Blob(vec![1, 2])]),
            ("case_wards", vec![Value::Text("[1,\"2022-01-01\"]".into()), Value::Text("[10,\"x\"]".into())]),
            ("zz", vec![Value::Real(1.5), Value::Null, Value::Integer(0)]),
        ] {
            for (i, key) in keys.into_iter().enumerate() {
                let hash = if i == 1 { None } else { Some([i as u8 + tbl.len() as u8; 32]) };
                versions.push(Version { tbl: tbl.into(), key, hash });
            }
        }
        let mut names: Vec<&str> = vec!["zz", "cases", "case_wards", "ab"];
        names.sort_by_key(|n| table_prefix(n));
        let mut d = StreamDigest::new();
        for name in names {
            d.begin_table(name);
            for v in versions.iter().filter(|v| v.tbl == name) {
                d.push(ValueRef::from(&v.key), v.hash.as_ref());
            }
        }
        assert_eq!(d.finish(), rows_digest(&versions));
    }

    #[test]
    fn the_rows_digest_ignores_order() {
        let v = |k: i64| Version { tbl: "t".into(), key: Value::Integer(k), hash: Some([k as u8; 32]) };
        assert_eq!(rows_digest(&[v(1), v(2)]), rows_digest(&[v(2), v(1)]));
        assert_ne!(rows_digest(&[v(1), v(2)]), rows_digest(&[v(1)]));
    }

    #[test]
    fn values_order_as_sqlite_orders_them() {
        assert_eq!(cmp_value(&Value::Integer(9), &Value::Integer(10)), Ordering::Less);
        assert_eq!(cmp_value(&Value::Integer(99), &Value::Text("1".into())), Ordering::Less);
        assert_eq!(cmp_value(&Value::Text("B".into()), &Value::Text("a".into())), Ordering::Less);
    }
}
