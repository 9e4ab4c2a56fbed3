//! Unit tests of `src/db.rs`, compiled as its `tests` module (`#[path]`): kept out of `src/` with
//! their test data, which is Vietnamese (SPEC §18: the product's words are in `i18n/`).

use super::*;

/// OpenSSL's PBKDF2-HMAC-SHA512 gives the published vector and what RustCrypto's
/// independent implementation gives, at SQLCipher 4's 256,000 iterations too.
#[test]
fn the_key_derivation_is_pbkdf2_hmac_sha512() {
    let mut out = [0u8; 64];
    pbkdf2_sha512(b"password", b"salt", 1, &mut out).unwrap();
    let mut want = String::new();
    push_hex(&mut want, &out);
    assert_eq!(
        want,
        "867f70cf1ade02cff3752599a3a53dc4af34c7a669815ae5d513554e1c8cf252\
         c02d470a285a0501bad999bfe943c08f050235d7d68b1da55e63f73b60a57fce"
    );
    for (pass, salt, iterations) in
        [("mật khẩu của phường 5", &[7u8; SALT_LEN][..], KDF_ITERATIONS), ("x", b"", 2), ("", b"s", 1000)]
    {
        let mut ours = [0u8; KEY_LEN];
        pbkdf2_sha512(pass.as_bytes(), salt, iterations, &mut ours).unwrap();
        let mut theirs = [0u8; KEY_LEN];
        pbkdf2::pbkdf2_hmac::<sha2::Sha512>(pass.as_bytes(), salt, iterations, &mut theirs);
        assert_eq!(ours, theirs, "{pass:?}, {iterations} iterations");
    }
}

#[test]
fn a_new_passphrase_counts_characters_not_bytes_and_never_shows_itself() {
    // 11 characters in more bytes than 12: too short all the same.
    assert!(Key::new_passphrase("mười một ký".into()).is_err());
    let k = Key::new_passphrase("mười hai ký t".into()).unwrap();
    assert_eq!(format!("{k:?}"), "Key(…)");
}

#[test]
fn a_passphrase_is_nfc_normalised() {
    // "phường" with a precomposed ờ (U+1EDD) and with o + horn (U+031B) + grave (U+0300).
    let nfc = Key::new("sổ phường 5 cộng 1".into());
    let nfd = Key::new("so\u{0302}\u{0309} phu\u{031B}o\u{031B}\u{0300}ng 5 co\u{0323}\u{0302}ng 1".into());
    assert_eq!(nfc.passphrase.as_str(), "s\u{1ED5} ph\u{01B0}\u{1EDD}ng 5 c\u{1ED9}ng 1");
    assert_eq!(nfd.passphrase.as_str(), nfc.passphrase.as_str());
    // Counted after normalising: 12 characters, however many code points were typed.
    assert!(Key::new_passphrase("mươ\u{0300}i hai ky\u{0301} t".into()).is_ok());
    assert!(Key::new_passphrase("mươ\u{0300}i mô\u{0323}t ky\u{0301}".into()).is_err());
}

#[test]
fn only_a_file_without_the_sqlite_header_is_encrypted() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("x");
    assert!(!is_encrypted(&p).unwrap(), "missing");
    std::fs::write(&p, b"").unwrap();
    assert!(!is_encrypted(&p).unwrap(), "empty");
    std::fs::write(&p, b"SQLite format 3\0and the rest").unwrap();
    assert!(!is_encrypted(&p).unwrap(), "plain");
    std::fs::write(&p, [7u8; 64]).unwrap();
    assert!(is_encrypted(&p).unwrap(), "random bytes");
}

/// Migration 9: the four lists of values in CHECK constraints are written as comparisons, in
/// a new register and in one migrated from version 1. The same values are refused, and no
/// insert builds a temporary B-tree of the list (SQLite did, for every row: it made each
/// contact's insert twice as slow).
#[test]
fn the_lists_of_values_refuse_the_same_values_without_a_temporary_btree() {
    let dir = tempfile::tempdir().unwrap();
    let fresh = dir.path().join("new.db");
    drop(create(&fresh, None).unwrap());
    let old = dir.path().join("v1.db");
    std::fs::copy(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/v1.db"), &old).unwrap();
    assert_eq!(migrate_file(&old, None).unwrap().0, 1, "the fixture is a version 1 register");
    let inserts = [
        ("INSERT INTO reviews (case_id, reviewed_on, class) VALUES (1, '2024-01-02', ?1)", "E", "A"),
        ("INSERT INTO supports (case_id, given_on, kind) VALUES (1, '2024-01-02', ?1)", "cash", "other"),
        ("INSERT INTO case_wards (case_id, from_on, ward_id, cause) VALUES (1, '2024-01-02', 1, ?1)", "moved", "move"),
        (
            "INSERT INTO member_wards (member_id, from_on, ward_id, cause) VALUES (1, '2024-01-02', 1, ?1)",
            "enroll",
            "join",
        ),
    ];
    for path in [&fresh, &old] {
        let conn = Connection::open(path).unwrap();
        assert_eq!(conn.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0)).unwrap(), SCHEMA_VERSION);
        for (sql, bad, good) in inserts {
            let mut explain = conn.prepare(&format!("EXPLAIN {sql}")).unwrap();
            let ops: Vec<String> =
                explain.query_map([good], |r| r.get::<_, String>(1)).unwrap().map(|o| o.unwrap()).collect();
            assert!(ops.iter().any(|o| o == "Insert" || o == "IdxInsert"), "{sql}: {ops:?}");
            assert!(!ops.iter().any(|o| o == "OpenEphemeral"), "{}: {sql} builds a temporary B-tree", path.display());
            let err = conn.execute(sql, [bad]).unwrap_err().to_string();
            assert!(err.contains("CHECK constraint failed"), "{}: {sql} with {bad:?}: {err}", path.display());
        }
        assert!(crate::domain::ledger::schema_diff(&conn, SCHEMA).unwrap().is_empty(), "{}", path.display());
    }
}

/// A cell refilled row after row holds exactly what a fresh `FromSql` read gives, whatever it
/// held before: shorter text after longer, text after a number or NULL and back, text that is
/// not UTF-8, a blob, a real.
#[test]
fn a_refilled_cell_is_what_a_fresh_read_gives() {
    use crate::view::Cell;
    use rusqlite::types::{FromSql, ValueRef};
    let values: Vec<ValueRef<'_>> = vec![
        ValueRef::Text("Nguyễn Văn Bình, phường 5".as_bytes()),
        ValueRef::Text(b"An"),
        ValueRef::Integer(-42),
        ValueRef::Text(b"sau"),
        ValueRef::Null,
        ValueRef::Text(b"ab\xffcd"),
        ValueRef::Blob(&[1, 2, 3]),
        ValueRef::Text(b""),
        ValueRef::Real(12.25),
        ValueRef::Text(b"cuoi"),
    ];
    let mut cell = Cell::Null;
    for v in values {
        refill(&mut cell, v);
        assert_eq!(cell, Cell::column_result(v).unwrap(), "{v:?}");
    }
    assert_eq!(cell, Cell::Text("cuoi".into()));
    let mut lossy = Cell::Text("long text before".into());
    refill(&mut lossy, ValueRef::Text(b"ab\xffcd"));
    assert_eq!(lossy, Cell::Text("ab\u{fffd}cd".into()));
}
