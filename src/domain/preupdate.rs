//! SQLite's pre-update hook (`sqlite3_preupdate_hook`), for the ledger's record of the rows a
//! write inserts, updates and deletes (`ledger::start`).
//!
//! Why not rusqlite's safe `preupdate_hook`: its feature turns on `buildtime_bindgen`, which
//! needs libclang on every machine that builds mh51 (and the MinGW headers for the Windows
//! build). The bindings rusqlite ships already declare the hook's functions; SQLite only has
//! to be compiled with `SQLITE_ENABLE_PREUPDATE_HOOK`, which `.cargo/config.toml` passes to
//! libsqlite3-sys's build through `LIBSQLITE3_FLAGS`. A build without that flag does not
//! link (the functions are missing), so it cannot silently lose the ledger's inserts.
//!
//! This is the only module with `unsafe` code. Its rules:
//! - the hook's argument is always a `*mut Callback` made by [`watch`], so the previous
//!   argument SQLite hands back on every (re)registration is freed as one; nothing else in
//!   mh51 registers a pre-update hook (rusqlite's feature is off);
//! - the callback runs only inside SQLite's call on the connection's own thread, never
//!   unwinds into C (a panic is caught), and reads the row's old and new values only while
//!   SQLite's call lasts. The ledger's callback notes a row under its record's lock, so a
//!   panic there poisons the lock and `ledger::finish` refuses to commit, rather than commit
//!   a row without its version.
//!
//! A connection closed while watched keeps its callback allocated until the process ends (the
//! ledger unwatches on every commit, so only a failed write leaves one).

#![allow(unsafe_code)]

use std::ffi::{c_char, c_int, c_void, CStr};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::ptr;

use rusqlite::ffi;
use rusqlite::types::ValueRef;
use rusqlite::Connection;

/// What is about to happen to the row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Insert,
    Update,
    Delete,
}

/// A row about to be inserted, updated or deleted, as SQLite reports it.
pub struct Change<'a> {
    db: *mut ffi::sqlite3,
    pub op: Op,
    /// The schema: `main`, `temp` or an attached name.
    pub schema: &'a str,
    pub table: &'a str,
    /// The row's rowid before the change (an update or a delete) and after it (an insert or
    /// an update); undefined for a `WITHOUT ROWID` table.
    pub old_rowid: i64,
    pub new_rowid: i64,
}

impl Change<'_> {
    /// Column `i` of the row after the change (an insert or an update), in the table's
    /// declared order (`pragma_table_info`'s cid); an `INTEGER PRIMARY KEY` column gives the
    /// rowid, as SQLite stores it.
    pub fn new_value(&self, i: i32) -> Option<ValueRef<'_>> {
        self.value(i, ffi::sqlite3_preupdate_new)
    }

    /// Column `i` of the row before the change (an update or a delete).
    pub fn old_value(&self, i: i32) -> Option<ValueRef<'_>> {
        self.value(i, ffi::sqlite3_preupdate_old)
    }

    fn value(
        &self,
        i: i32,
        get: unsafe extern "C" fn(*mut ffi::sqlite3, c_int, *mut *mut ffi::sqlite3_value) -> c_int,
    ) -> Option<ValueRef<'_>> {
        let mut v: *mut ffi::sqlite3_value = ptr::null_mut();
        // SAFETY: `db` is the connection SQLite is calling the hook for, during that call
        // (a `Change` never outlives it); SQLite checks `i` against the column count, and
        // refuses (SQLITE_MISUSE) the old values of an insert and the new ones of a delete.
        let rc = unsafe { get(self.db, i, &mut v) };
        if rc != ffi::SQLITE_OK || v.is_null() {
            return None;
        }
        // SAFETY: `v` is a protected value owned by SQLite until the hook returns; the slices
        // borrow it no longer than `self`, which lives only as long as the call.
        unsafe {
            Some(match ffi::sqlite3_value_type(v) {
                ffi::SQLITE_INTEGER => ValueRef::Integer(ffi::sqlite3_value_int64(v)),
                ffi::SQLITE_FLOAT => ValueRef::Real(ffi::sqlite3_value_double(v)),
                ffi::SQLITE_TEXT => {
                    let p = ffi::sqlite3_value_text(v);
                    let n = ffi::sqlite3_value_bytes(v);
                    if p.is_null() || n <= 0 {
                        ValueRef::Text(b"")
                    } else {
                        ValueRef::Text(std::slice::from_raw_parts(p, n as usize))
                    }
                }
                ffi::SQLITE_BLOB => {
                    let p = ffi::sqlite3_value_blob(v).cast::<u8>();
                    let n = ffi::sqlite3_value_bytes(v);
                    if p.is_null() || n <= 0 {
                        ValueRef::Blob(b"")
                    } else {
                        ValueRef::Blob(std::slice::from_raw_parts(p, n as usize))
                    }
                }
                _ => ValueRef::Null,
            })
        }
    }
}

type Callback = Box<dyn FnMut(&Change<'_>) + Send>;

unsafe extern "C" fn call(
    arg: *mut c_void,
    db: *mut ffi::sqlite3,
    op: c_int,
    schema: *const c_char,
    table: *const c_char,
    old_key: i64,
    new_key: i64,
) {
    let op = match op {
        ffi::SQLITE_INSERT => Op::Insert,
        ffi::SQLITE_UPDATE => Op::Update,
        ffi::SQLITE_DELETE => Op::Delete,
        _ => return,
    };
    if arg.is_null() || schema.is_null() || table.is_null() {
        return;
    }
    // SAFETY: SQLite passes NUL-terminated names valid for the call, and `arg` is the
    // `*mut Callback` given to it by `watch` (module docs), not freed while registered.
    let (schema, table, f) = unsafe { (CStr::from_ptr(schema), CStr::from_ptr(table), &mut *arg.cast::<Callback>()) };
    let (Ok(schema), Ok(table)) = (schema.to_str(), table.to_str()) else {
        return;
    };
    let row = Change { db, op, schema, table, old_rowid: old_key, new_rowid: new_key };
    let _ = catch_unwind(AssertUnwindSafe(|| f(&row)));
}

/// Frees the argument of a hook this module registered.
fn free(arg: *mut c_void) {
    if !arg.is_null() {
        // SAFETY: every argument ever registered is a `Box<Callback>` from `watch`, and SQLite
        // returned it because it no longer holds it.
        drop(unsafe { Box::from_raw(arg.cast::<Callback>()) });
    }
}

/// From now on, `f` sees every row about to be inserted, updated or deleted through `conn`
/// (any table, any schema), until [`unwatch`] or the next `watch`.
pub fn watch(conn: &Connection, f: impl FnMut(&Change<'_>) + Send + 'static) {
    let arg: *mut Callback = Box::into_raw(Box::new(Box::new(f)));
    // SAFETY: the handle is the open connection's; `call` matches the hook's signature and
    // `arg` stays valid until SQLite hands it back (then freed above).
    let old = unsafe { ffi::sqlite3_preupdate_hook(conn.handle(), Some(call), arg.cast()) };
    free(old);
}

/// Stop watching `conn`'s changes.
pub fn unwatch(conn: &Connection) {
    // SAFETY: as in `watch`; with no callback SQLite calls nothing.
    let old = unsafe { ffi::sqlite3_preupdate_hook(conn.handle(), None, ptr::null_mut()) };
    free(old);
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};

    #[test]
    fn the_hook_sees_every_change_with_its_old_and_new_values() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE TABLE r (id INTEGER PRIMARY KEY, v TEXT);
             CREATE TABLE w (a INTEGER, b TEXT, c BLOB, PRIMARY KEY (b, a)) WITHOUT ROWID;",
        )
        .unwrap();
        let seen = Arc::new(Mutex::new(Vec::<String>::new()));
        let s = Arc::clone(&seen);
        watch(&conn, move |row| {
            let old: Vec<String> = (0..3).map(|i| format!("{:?}", row.old_value(i))).collect();
            let new: Vec<String> = (0..3).map(|i| format!("{:?}", row.new_value(i))).collect();
            // The rowids SQLite defines: the old one of an update or a delete, the new one of
            // an insert or an update (of a rowid table).
            let rowids = match (row.table, row.op) {
                ("r", Op::Insert) => format!(" >{}", row.new_rowid),
                ("r", Op::Update) => format!(" {}>{}", row.old_rowid, row.new_rowid),
                ("r", Op::Delete) => format!(" {}>", row.old_rowid),
                _ => String::new(),
            };
            s.lock().unwrap().push(format!(
                "{:?} {}.{}{rowids} [{}] [{}]",
                row.op,
                row.schema,
                row.table,
                old.join(" "),
                new.join(" ")
            ));
        });
        conn.execute_batch(
            "INSERT INTO r (id, v) VALUES (7, 'x');
             INSERT INTO w VALUES (1, 'b', x'0102');
             UPDATE r SET v = 'y';
             UPDATE r SET id = 8;
             UPDATE w SET a = 2;
             DELETE FROM w;
             DELETE FROM r;",
        )
        .unwrap();
        unwatch(&conn);
        conn.execute_batch("INSERT INTO r (v) VALUES ('after')").unwrap();
        let seen = seen.lock().unwrap().clone();
        let (n, i7, i8, x, y) =
            ("None", "Some(Integer(7))", "Some(Integer(8))", "Some(Text([120]))", "Some(Text([121]))");
        let (i1, i2, b, blob) = ("Some(Integer(1))", "Some(Integer(2))", "Some(Text([98]))", "Some(Blob([1, 2]))");
        assert_eq!(
            seen,
            [
                format!("Insert main.r >7 [{n} {n} {n}] [{i7} {x} {n}]"),
                format!("Insert main.w [{n} {n} {n}] [{i1} {b} {blob}]"),
                format!("Update main.r 7>7 [{i7} {x} {n}] [{i7} {y} {n}]"),
                // The rowid (an `INTEGER PRIMARY KEY`) changed: old and new both reported.
                format!("Update main.r 7>8 [{i7} {y} {n}] [{i8} {y} {n}]"),
                format!("Update main.w [{i1} {b} {blob}] [{i2} {b} {blob}]"),
                format!("Delete main.w [{i2} {b} {blob}] [{n} {n} {n}]"),
                format!("Delete main.r 8> [{i8} {y} {n}] [{n} {n} {n}]"),
            ],
            "every change, with its values before and after; nothing after unwatch"
        );
    }
}
