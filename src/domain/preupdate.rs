//! SQLite's pre-update hook (`sqlite3_preupdate_hook`), for the ledger's record of the rows a
//! write inserts (`ledger::start`).
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
//!   unwinds into C (a panic is caught), and reads the new row's values only while SQLite's
//!   call lasts. The ledger's callback notes a row under its record's lock, so a panic there
//!   poisons the lock and `ledger::finish` refuses to commit, rather than commit a row
//!   without its version.
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

/// A row about to be inserted, as SQLite reports it.
pub struct Insert<'a> {
    db: *mut ffi::sqlite3,
    /// The schema: `main`, `temp` or an attached name.
    pub schema: &'a str,
    pub table: &'a str,
    /// The new row's rowid; 0 for a `WITHOUT ROWID` table.
    pub rowid: i64,
}

impl Insert<'_> {
    /// Column `i` of the new row, in the table's declared order (`pragma_table_info`'s cid).
    pub fn value(&self, i: i32) -> Option<ValueRef<'_>> {
        let mut v: *mut ffi::sqlite3_value = ptr::null_mut();
        // SAFETY: `db` is the connection SQLite is calling the hook for, during that call
        // (an `Insert` never outlives it); SQLite checks `i` against the column count.
        let rc = unsafe { ffi::sqlite3_preupdate_new(self.db, i, &mut v) };
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

type Callback = Box<dyn FnMut(&Insert<'_>) + Send>;

unsafe extern "C" fn call(
    arg: *mut c_void,
    db: *mut ffi::sqlite3,
    op: c_int,
    schema: *const c_char,
    table: *const c_char,
    _old_key: i64,
    new_key: i64,
) {
    if op != ffi::SQLITE_INSERT || arg.is_null() || schema.is_null() || table.is_null() {
        return;
    }
    // SAFETY: SQLite passes NUL-terminated names valid for the call, and `arg` is the
    // `*mut Callback` given to it by `watch` (module docs), not freed while registered.
    let (schema, table, f) = unsafe { (CStr::from_ptr(schema), CStr::from_ptr(table), &mut *arg.cast::<Callback>()) };
    let (Ok(schema), Ok(table)) = (schema.to_str(), table.to_str()) else {
        return;
    };
    let row = Insert { db, schema, table, rowid: new_key };
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

/// From now on, `f` sees every row about to be inserted through `conn` (any table, any
/// schema), until [`unwatch`] or the next `watch`.
pub fn watch(conn: &Connection, f: impl FnMut(&Insert<'_>) + Send + 'static) {
    let arg: *mut Callback = Box::into_raw(Box::new(Box::new(f)));
    // SAFETY: the handle is the open connection's; `call` matches the hook's signature and
    // `arg` stays valid until SQLite hands it back (then freed above).
    let old = unsafe { ffi::sqlite3_preupdate_hook(conn.handle(), Some(call), arg.cast()) };
    free(old);
}

/// Stop watching `conn`'s inserts.
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
    fn the_hook_sees_rowids_and_the_key_values_of_a_without_rowid_table() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE TABLE r (id INTEGER PRIMARY KEY, v TEXT);
             CREATE TABLE w (a INTEGER, b TEXT, c BLOB, PRIMARY KEY (b, a)) WITHOUT ROWID;",
        )
        .unwrap();
        let seen = Arc::new(Mutex::new(Vec::<String>::new()));
        let s = Arc::clone(&seen);
        watch(&conn, move |row| {
            let cols: Vec<String> = (0..3).map(|i| format!("{:?}", row.value(i))).collect();
            s.lock().unwrap().push(format!("{}.{} {} {}", row.schema, row.table, row.rowid, cols.join(" ")));
        });
        conn.execute_batch(
            "INSERT INTO r (id, v) VALUES (7, 'x');
             INSERT INTO w VALUES (1, 'b', x'0102');
             UPDATE r SET v = 'y';
             DELETE FROM w;",
        )
        .unwrap();
        unwatch(&conn);
        conn.execute_batch("INSERT INTO r (v) VALUES ('after')").unwrap();
        let seen = seen.lock().unwrap().clone();
        assert_eq!(
            seen,
            [
                "main.r 7 Some(Integer(7)) Some(Text([120])) None",
                "main.w 0 Some(Integer(1)) Some(Text([98])) Some(Blob([1, 2]))",
            ],
            "inserts only, with their values; nothing after unwatch"
        );
    }
}
