//! A command derives an encrypted register's key at most once (SPEC §14, issue 20), counted,
//! not timed: with `MH51_COUNT_KDF=1` mh51 prints how many PBKDF2 derivations it ran
//! (`mh51: key derivations: N`) and leaves SQLCipher's debug log on, which says how each
//! connection was keyed — `using raw key from hex` when mh51 gave it the derived key, or
//! `deriving key using full PBKDF2` had SQLCipher derived one itself. Both are counted: a
//! command's derivations are mh51's plus SQLCipher's.
//!
//! The files made this way must still open with the passphrase alone in SQLCipher (rusqlite
//! here is SQLCipher 4 too, given the passphrase, not the raw key).

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Stdio;

use crate::util::Env;

const PASS: &str = "một câu dài khó đoán 2023";
const NEW_PASS: &str = "a second passphrase, long enough";

fn key_file(e: &Env, name: &str, pass: &str) -> PathBuf {
    let p = e.path(name);
    std::fs::write(&p, format!("{pass}\n")).unwrap();
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o600)).unwrap();
    p
}

/// Run `args` with `envs` and the derivation counter; require success; (stdout, stderr).
fn run(e: &Env, envs: &[(&str, &str)], args: &[&str]) -> (String, String) {
    let mut c = e.command(args);
    c.env("MH51_COUNT_KDF", "1").stdin(Stdio::null());
    for (k, v) in envs {
        c.env(k, v);
    }
    let o = c.output().unwrap();
    let err = String::from_utf8_lossy(&o.stderr).to_string();
    assert!(o.status.success(), "mh51 {args:?} failed: {err}");
    (String::from_utf8(o.stdout).unwrap(), err)
}

/// The value mh51 printed on stderr after `prefix` (a line `mh51: …: VALUE`).
fn reported<'a>(err: &'a str, prefix: &str) -> &'a str {
    err.lines().find_map(|l| l.strip_prefix(prefix)).unwrap_or_else(|| panic!("no {prefix:?} on stderr: {err}")).trim()
}

/// Run with the key file and the counter; require success; (mh51's count, SQLCipher's own
/// derivations, connections given a raw key).
fn counted(e: &Env, key: &Path, args: &[&str]) -> (usize, usize, usize) {
    let (_, err) = run(e, &[("MH51_KEY_FILE", key.to_str().unwrap())], args);
    let ours = reported(&err, "mh51: key derivations: ").parse().unwrap();
    let sqlcipher = err.matches("deriving key using full PBKDF2").count();
    let raw = err.matches("using raw key from hex").count();
    (ours, sqlcipher, raw)
}

/// The number of rows of `cases` in `db`, opened by SQLCipher itself with the passphrase.
fn cases_with_passphrase(db: &Path, pass: &str) -> i64 {
    let c = crate::util::keyed_as(db, pass, crate::util::MH51_LAYOUT);
    c.query_row("SELECT count(*) FROM cases", [], |r| r.get(0)).unwrap()
}

fn encrypted_register() -> (Env, PathBuf) {
    let e = Env::empty();
    let key = key_file(&e, "k", PASS);
    let (ours, sqlcipher, raw) = counted(&e, &key, &["init", "--encrypt"]);
    assert_eq!((ours, sqlcipher), (1, 0), "init --encrypt");
    assert!(raw >= 1, "the new register was keyed with the raw key");
    for args in [
        &["member", "add", "Trần Văn Một", "--org", "TN", "--ward", "1", "--joined", "2020-01-01"][..],
        &["enroll", "Lê Văn Hai", "--ward", "1", "--category", "prison", "--date", "2023-01-10", "--member", "1"],
        &["review", "2023-0001", "--class", "A", "--date", "2023-02-01"],
    ] {
        assert_eq!(counted(&e, &key, args).0, 1, "{args:?}");
    }
    (e, key)
}

#[test]
fn every_command_derives_the_key_once_and_sqlcipher_never_does() {
    let (e, key) = encrypted_register();
    for args in [
        &["list"][..],
        &["report", "summary", "-p", "2023"],
        &["report", "overdue", "--as-of", "2023-06-30"],
        &["export", "reviews"],
        &["enroll", "Phạm Thị Ba", "--ward", "2", "--category", "prison", "--date", "2023-02-01"],
        &["check"],
        &["backup", "b.db"],
        &["extract", "--ward", "1", "-o", "w1.db"],
    ] {
        let (ours, sqlcipher, raw) = counted(&e, &key, args);
        assert_eq!(ours, 1, "mh51 {args:?} derived the key {ours} times");
        assert_eq!(sqlcipher, 0, "SQLCipher derived a key itself in {args:?}");
        assert!(raw >= 1, "{args:?} opened no keyed connection? (the log is the proof it was raw)");
    }
    // Files keyed with the raw key are standard SQLCipher 4 files: the passphrase alone opens them.
    assert_eq!(cases_with_passphrase(&e.db, PASS), 2);
    assert_eq!(cases_with_passphrase(&e.path("b.db"), PASS), 2);
    assert_eq!(cases_with_passphrase(&e.path("w1.db"), PASS), 1);
    // A backup is a copy: same passphrase, same salt (its first 16 bytes), so no second derivation.
    let head = |p: &Path| std::fs::read(p).unwrap()[..16].to_vec();
    assert_eq!(head(&e.db), head(&e.path("b.db")));
}

#[test]
fn a_wrong_passphrase_is_still_refused_after_one_derivation() {
    let (e, _) = encrypted_register();
    let wrong = key_file(&e, "wrong", "not the passphrase at all");
    let o = e.command(&["list"]).env("MH51_KEY_FILE", &wrong).stdin(Stdio::null()).output().unwrap();
    let err = String::from_utf8_lossy(&o.stderr).to_string();
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("error: ") && err.contains("passphrase is wrong"), "{err}");
}

#[test]
fn encrypt_derives_once_and_rekey_once_per_passphrase() {
    // encrypt: only the new passphrase, over a fresh random salt, once — the check of the new
    // copy and its audit row reuse it.
    let e = Env::new();
    e.enroll("Lê Văn Hai", "1", "2023-01-10", &[]);
    let key = key_file(&e, "k", PASS);
    let before = std::fs::read(&e.db).unwrap()[..16].to_vec();
    assert_eq!(counted(&e, &key, &["encrypt"]).0, 1);
    assert_eq!(counted(&e, &key, &["list"]).0, 1);
    assert_eq!(cases_with_passphrase(&e.db, PASS), 1);
    assert_ne!(std::fs::read(&e.db).unwrap()[..16].to_vec(), before, "a salt, not the plain header");

    // rekey: two passphrases, each derived once (old over the file's salt, new over a fresh
    // one): "at most once" is per passphrase.
    let new = key_file(&e, "new", NEW_PASS);
    let salt = std::fs::read(&e.db).unwrap()[..16].to_vec();
    let (ours, sqlcipher, _) = counted(&e, &key, &["rekey", "--new-key-file", new.to_str().unwrap()]);
    assert_eq!((ours, sqlcipher), (2, 0));
    assert_ne!(std::fs::read(&e.db).unwrap()[..16].to_vec(), salt, "rekey draws a new salt");
    assert_eq!(cases_with_passphrase(&e.db, NEW_PASS), 1);
    assert_eq!(counted(&e, &new, &["list"]).0, 1);
}

#[test]
fn a_plain_register_derives_nothing() {
    let e = Env::new();
    let key = key_file(&e, "k", PASS);
    assert_eq!(counted(&e, &key, &["list"]), (0, 0, 0));
}

/// The time on stderr with `MH51_KDF_TIME=1` (µs), and the run's stdout; no register's key
/// may be derived.
fn timed(e: &Env, envs: &[(&str, &str)], args: &[&str]) -> (u64, String) {
    let (out, err) = run(e, &[envs, &[("MH51_KDF_TIME", "1")]].concat(), args);
    assert!(err.contains("mh51: key derivations: 0"), "no register key derived: {err}");
    let micros = reported(&err, "mh51: key derivation time: ").strip_suffix(" us").unwrap().parse().unwrap();
    (micros, out)
}

/// bench/encrypted.sh's plain side "with one derivation" (`MH51_BENCH_DERIVE=1`): the run
/// derives one key, timed like a register's, counted as no register's key, and the command
/// itself is unchanged.
#[test]
fn a_bench_derivation_on_a_plain_register_is_timed_and_changes_nothing() {
    let e = Env::new();
    e.ok(&["enroll", "Lê Văn Hai", "--ward", "1", "--category", "prison", "--date", "2023-01-10"]);
    let (none, plain_out) = timed(&e, &[], &["list", "-f", "csv"]);
    assert_eq!(none, 0, "a plain run derives nothing");
    let (micros, out) = timed(&e, &[("MH51_BENCH_DERIVE", "1")], &["list", "-f", "csv"]);
    // 256,000 iterations of PBKDF2-HMAC-SHA512 take tens of milliseconds on any machine.
    assert!(micros >= 1_000, "the derivation took {micros} us");
    assert_eq!(out, plain_out);
    assert!(out.lines().count() > 1, "the list is not empty: {out}");
}
