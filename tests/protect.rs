//! Protecting the register (SPEC §14, issue 11): encryption at rest and anonymisation.
//!
//! The encrypted tests run the same clerk's session on a plain and an encrypted register
//! and require the same output; then they search the raw bytes of the file, its `-wal`,
//! its `-shm` and a backup for the name, identity number and address typed — the plain
//! twin must contain them (so the search can fail), the encrypted one must not.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Stdio;

use crate::util::{dump, Env};

const PASS: &str = "một câu dài khó đoán 2023";
const NAME: &str = "Nguyễn Thị Bảo Mật";
const ID: &str = "079123456789";
const ADDRESS: &str = "12 Đường Kín Đáo";
const NOTE: &str = "ghi chú riêng tư";

/// A key file holding `pass`, mode 0600.
fn key_file(e: &Env, name: &str, pass: &str) -> PathBuf {
    let p = e.path(name);
    std::fs::write(&p, format!("{pass}\n")).unwrap();
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o600)).unwrap();
    p
}

/// Run with `MH51_KEY_FILE` set (stdin not a terminal).
fn run_k(e: &Env, key: &Path, args: &[&str]) -> std::process::Output {
    e.command(args).env("MH51_KEY_FILE", key).stdin(Stdio::null()).output().unwrap()
}

fn ok_k(e: &Env, key: &Path, args: &[&str]) -> String {
    let o = run_k(e, key, args);
    assert!(
        o.status.success(),
        "mh51 {args:?} failed: {}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap().trim_end().to_string()
}

/// `one_error`, and the register at `db` (encrypted: opened with `pass`) holds the same rows,
/// audit log included, afterwards: a refused command wrote nothing.
fn refused_k(e: &Env, key: &Path, db: &Path, pass: Option<&str>, args: &[&str], needle: &str) -> String {
    let snap = || match pass {
        Some(p) => dump_conn(&keyed(db, p), i64::MAX),
        None => crate::util::dump(db),
    };
    let before = snap();
    let err = one_error(&run_k(e, key, args), needle);
    assert_eq!(snap(), before, "refused {args:?} changed the register");
    err
}

/// The command fails with exactly one `error:` line on stderr containing `needle`.
fn one_error(o: &std::process::Output, needle: &str) -> String {
    let err = String::from_utf8_lossy(&o.stderr).to_string();
    assert_eq!(o.status.code(), Some(1), "exit 1 expected; stderr: {err}");
    assert!(o.stdout.is_empty(), "nothing on stdout: {}", String::from_utf8_lossy(&o.stdout));
    assert_eq!(err.lines().count(), 1, "exactly one line on stderr, got: {err:?}");
    assert!(err.starts_with("error: ") && err.contains(needle), "stderr should name {needle:?}: {err}");
    err
}

/// A keyed connection for tests that look inside (rusqlite here is SQLCipher too).
/// A register mh51 encrypted, opened by SQLCipher itself with the passphrase.
fn keyed(db: &Path, pass: &str) -> rusqlite::Connection {
    crate::util::keyed_as(db, pass, crate::util::MH51_LAYOUT)
}

use crate::util::dump_rows_of as dump_conn;

fn plain_dump(db: &Path, max_seq: i64) -> String {
    dump_conn(&rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap(), max_seq)
}

fn header_is_plain(db: &Path) -> bool {
    std::fs::read(db).unwrap().starts_with(b"SQLite format 3\0")
}

/// The bytes of the file and whichever of its side files exist.
fn bytes_of(db: &Path) -> Vec<(String, Option<Vec<u8>>)> {
    ["", "-wal", "-shm", "-journal"]
        .iter()
        .map(|s| {
            let mut p = db.as_os_str().to_owned();
            p.push(s);
            (s.to_string(), std::fs::read(PathBuf::from(p)).ok())
        })
        .collect()
}

fn contains(hay: &[u8], needle: &str) -> bool {
    hay.windows(needle.len()).any(|w| w == needle.as_bytes())
}

/// The clerk's session run on both registers: every command's stdout, in order.
fn session(e: &Env, key: &Path) -> Vec<String> {
    std::fs::write(
        e.path("cases.csv"),
        "name,ward,category,born,gender,id_number,address,enrolled,member,note\n\
         Lê Văn Nhập,3,drugs,1995,male,,,2023-02-10,1,\n",
    )
    .unwrap();
    let script: &[&[&str]] = &[
        &["member", "add", "Trần Văn Bình", "--org", "CA", "--ward", "1", "--joined", "2020-01-01"],
        &["member", "add", "Lê Thị Cúc", "--org", "PN", "--ward", "2", "--joined", "2020-01-01"],
        &[
            "enroll",
            NAME,
            "--ward",
            "1",
            "--category",
            "prison",
            "--born",
            "1990-04-05",
            "--id-number",
            ID,
            "--address",
            ADDRESS,
            "--date",
            "2023-01-05",
            "--member",
            "1",
            "--note",
            NOTE,
        ],
        &["enroll", "Phạm Văn Hai", "--ward", "2", "--category", "drugs", "--date", "2022-03-01", "--member", "2"],
        &["review", "2023-0001", "--class", "B", "--date", "2023-02-01", "--note", NOTE],
        &["support", "2023-0001", "--kind", "loan", "--amount", "3000000", "--date", "2023-03-01"],
        &["release", "2022-0001", "--reason", "progressed", "--date", "2023-04-01"],
        &["import", "cases", "cases.csv"],
        &["list", "--status", "all", "-f", "csv"],
        &["show", "2023-0001", "-f", "json"],
        &["list", "--search", "bao mat"],
        &["report", "summary", "-p", "2023", "-f", "csv"],
        &["report", "summary", "-p", "2023", "--by", "org"],
        &["report", "quota", "-p", "2023", "--by", "member", "-f", "csv"],
        &["report", "overdue", "-f", "csv"],
        &["export", "cases", "--redact"],
        &["query", "SELECT count(*) AS n FROM v_cases WHERE released_on IS NULL", "-f", "csv"],
        &["member", "list", "-f", "csv"],
        // Ward history, the brief and a hand-over work the same on an encrypted register.
        &["move", "2023-0001", "--ward", "3", "--date", "2023-05-01"],
        &["ward", "merge", "4", "--into", "5", "--on", "2023-06-01"],
        &["report", "summary", "-p", "2023", "--structure", "2023-06-30", "-f", "csv"],
        &["report", "brief", "-p", "2023-Q2", "--names", "-o", "brief.html"],
        &["extract", "--ward", "3", "-o", "ward3.db"],
        &["check"],
        &["audit", "verify"],
    ];
    script.iter().map(|a| ok_k(e, key, a)).collect()
}

#[test]
fn an_encrypted_register_works_the_same_and_holds_no_plaintext() {
    let plain = Env::new();
    let k0 = key_file(&plain, "unused.key", PASS);
    let enc = Env::empty();
    let key = key_file(&enc, "mh51.key", PASS);
    assert_eq!(ok_k(&enc, &key, &["init", "--district", "Quận 6", "--encrypt"]), enc.db.display().to_string());
    assert!(!header_is_plain(&enc.db), "the file must not start with the SQLite header");
    assert_eq!(std::fs::metadata(&enc.db).unwrap().permissions().mode() & 0o777, 0o600);

    // A reader holding both files open keeps their -wal and -shm on disk while the session
    // writes, so there is something to search.
    let hold_plain = rusqlite::Connection::open(&plain.db).unwrap();
    hold_plain.query_row("SELECT count(*) FROM wards", [], |r| r.get::<_, i64>(0)).unwrap();
    let hold_enc = keyed(&enc.db, PASS);
    hold_enc.query_row("SELECT count(*) FROM wards", [], |r| r.get::<_, i64>(0)).unwrap();

    // The key file set for a plain register is ignored: nothing is asked, nothing changes.
    let a = session(&plain, &k0);
    let b = session(&enc, &key);
    assert_eq!(a, b, "every command prints the same on both registers");
    assert!(b[10].contains("2023-0001"), "search finds the person: {}", b[10]);

    let wal = |e: &Env| e.dir.path().join("test.db-wal");
    assert!(wal(&plain).exists() && wal(&enc).exists(), "the -wal files are there to search");
    assert!(plain.dir.path().join("test.db-shm").exists() && enc.dir.path().join("test.db-shm").exists());
    ok_k(&plain, &k0, &["backup", "b.db"]);
    ok_k(&enc, &key, &["backup", "b.db"]);
    let mut searched = 0;
    for (e, encrypted) in [(&plain, false), (&enc, true)] {
        let mut all = Vec::new();
        for (suffix, bytes) in bytes_of(&e.db) {
            if let Some(b) = bytes {
                searched += 1;
                for needle in [NAME, ID, ADDRESS, NOTE] {
                    if encrypted {
                        assert!(!contains(&b, needle), "{needle:?} found in the encrypted file{suffix}");
                    }
                }
                all.extend(b);
            }
        }
        let backup = std::fs::read(e.path("b.db")).unwrap();
        for needle in [NAME, ID, ADDRESS, NOTE] {
            if encrypted {
                assert!(!contains(&backup, needle), "{needle:?} found in the encrypted backup");
            } else {
                // The search can find them: the plain twin has them in its file or WAL and its backup.
                assert!(contains(&all, needle) && contains(&backup, needle), "{needle:?} not found in the plain twin");
            }
        }
    }
    assert_eq!(searched, 6, "file, -wal and -shm of both registers");
    // The brief is the same page from both registers.
    assert_eq!(std::fs::read(plain.path("brief.html")).unwrap(), std::fs::read(enc.path("brief.html")).unwrap());
    // The hand-over of ward 3 (where the person moved) from the encrypted register is encrypted
    // with the same passphrase; from the plain one it is plain and holds the person.
    let x_plain = std::fs::read(plain.path("ward3.db")).unwrap();
    let x_enc = std::fs::read(enc.path("ward3.db")).unwrap();
    assert!(header_is_plain(&plain.path("ward3.db")) && !header_is_plain(&enc.path("ward3.db")));
    for needle in [NAME, ID, ADDRESS, NOTE] {
        assert!(contains(&x_plain, needle), "{needle:?} should be in ward 3's plain hand-over");
        assert!(!contains(&x_enc, needle), "{needle:?} found in the encrypted hand-over");
    }
    let o = enc.command(&["--db", "ward3.db", "check"]).env("MH51_KEY_FILE", &key).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    drop((hold_plain, hold_enc));

    // The encrypted backup: encrypted, opens with the same passphrase, passes check.
    assert!(!header_is_plain(&enc.path("b.db")));
    let o = enc.command(&["--db", "b.db", "check"]).env("MH51_KEY_FILE", &key).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    one_error(&enc.command(&["--db", "b.db", "list"]).stdin(Stdio::null()).output().unwrap(), "--key-file");

    // The sqlite3 shell cannot read it.
    if let Ok(o) = std::process::Command::new("sqlite3").arg(&enc.db).arg("SELECT count(*) FROM persons").output() {
        assert!(!o.status.success(), "sqlite3 read the encrypted file: {}", String::from_utf8_lossy(&o.stdout));
        let o =
            std::process::Command::new("sqlite3").arg(&plain.db).arg("SELECT count(*) FROM persons").output().unwrap();
        assert_eq!(String::from_utf8_lossy(&o.stdout).trim(), "3", "the shell does read the plain twin");
    }
}

#[test]
fn a_wrong_or_missing_passphrase_is_one_error_line_and_touches_nothing() {
    let e = Env::empty();
    let key = key_file(&e, "mh51.key", PASS);
    ok_k(&e, &key, &["init", "--encrypt"]);
    ok_k(&e, &key, &["enroll", NAME, "--ward", "1", "--category", "prison", "--date", "2023-01-05"]);
    let wrong = key_file(&e, "wrong.key", "không phải cụm này đâu");
    // A reader keeps the side files, so they are compared too.
    let hold = keyed(&e.db, PASS);
    hold.query_row("SELECT count(*) FROM cases", [], |r| r.get::<_, i64>(0)).unwrap();
    let before = bytes_of(&e.db);
    assert!(before[1].1.is_some() && before[2].1.is_some());
    for args in [
        &["list"][..],
        &["report", "summary", "-p", "2023"],
        &["check"],
        &["audit", "verify"],
        &["backup", "x.db"],
        &["decrypt", "-o", "x.db"],
        &["rekey", "--new-key-file", "mh51.key"],
        &["enroll", "Lê Văn Sai", "--ward", "1", "--category", "prison"],
        &["anonymise", "--released-before", "2023-01-01"],
        &["query", "SELECT 1"],
    ] {
        one_error(&run_k(&e, &wrong, args), "passphrase is wrong");
        // Missing: no key file and stdin is not a terminal.
        one_error(&e.command(args).stdin(Stdio::null()).output().unwrap(), "--key-file");
        assert!(bytes_of(&e.db) == before, "{args:?} changed the register's files");
        assert!(!e.path("x.db").exists(), "{args:?} left a file behind");
    }
    drop(hold);
}

#[test]
fn key_files_and_new_passphrases_are_checked() {
    let e = Env::empty();
    let open = e.path("open.key");
    std::fs::write(&open, format!("{PASS}\n")).unwrap();
    std::fs::set_permissions(&open, std::fs::Permissions::from_mode(0o640)).unwrap();
    one_error(&run_k(&e, &open, &["init", "--encrypt"]), "chmod 600");
    let short = key_file(&e, "short.key", "ngắn quá");
    one_error(&run_k(&e, &short, &["init", "--encrypt"]), "at least 12");
    let empty = key_file(&e, "empty.key", "");
    one_error(&run_k(&e, &empty, &["init", "--encrypt"]), "empty");
    one_error(&run_k(&e, &e.path("none.key"), &["init", "--encrypt"]), "none.key");
    // No key file and no terminal: refused, never a default passphrase.
    one_error(&e.command(&["init", "--encrypt"]).stdin(Stdio::null()).output().unwrap(), "--key-file");
    assert!(std::fs::read_dir(e.dir.path()).unwrap().all(|f| !f
        .unwrap()
        .file_name()
        .to_string_lossy()
        .starts_with("test.db")));
    // The passphrase is never an argument or an environment variable: no such option exists.
    assert_eq!(e.run(&["init", "--encrypt", "--key", PASS]).status.code(), Some(2));
    // Only the first line counts; a CRLF line end is not part of it.
    let crlf = e.path("crlf.key");
    std::fs::write(&crlf, format!("{PASS}\r\nsecond line ignored\n")).unwrap();
    std::fs::set_permissions(&crlf, std::fs::Permissions::from_mode(0o600)).unwrap();
    ok_k(&e, &crlf, &["init", "--encrypt"]);
    let lf = key_file(&e, "lf.key", PASS);
    ok_k(&e, &lf, &["check"]);
}

#[test]
fn encrypt_replaces_a_plain_register_with_a_checked_encrypted_one() {
    let e = Env::new();
    let key = key_file(&e, "mh51.key", PASS);
    e.ok(&[
        "enroll",
        NAME,
        "--ward",
        "1",
        "--category",
        "prison",
        "--id-number",
        ID,
        "--address",
        ADDRESS,
        "--date",
        "2023-01-05",
    ]);
    e.ok(&["backup", "old-backup.db"]);
    let seq: i64 = e.scalar("SELECT max(seq) FROM audit_log").parse().unwrap();
    let before = plain_dump(&e.db, seq);
    let o = run_k(&e, &key, &["encrypt"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(String::from_utf8_lossy(&o.stdout).trim(), e.db.display().to_string());
    let said = String::from_utf8_lossy(&o.stderr);
    assert!(said.contains("still hold the data in plain text"), "{said}");
    assert!(!header_is_plain(&e.db));
    assert_eq!(std::fs::metadata(&e.db).unwrap().permissions().mode() & 0o777, 0o600);
    for side in ["test.db-wal", "test.db-shm", "test.db.mh51-new"] {
        assert!(!e.path(side).exists(), "{side} left behind");
    }
    let c = keyed(&e.db, PASS);
    assert_eq!(dump_conn(&c, seq), before, "the encrypted register holds exactly the same rows");
    let (action, n): (String, i64) = c
        .query_row("SELECT action, seq FROM audit_log ORDER BY seq DESC LIMIT 1", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap();
    assert_eq!((action.as_str(), n), ("encrypt", seq + 1));
    drop(c);
    ok_k(&e, &key, &["check"]);
    for needle in [NAME, ID, ADDRESS] {
        assert!(!contains(&std::fs::read(&e.db).unwrap(), needle));
    }
    // Again: refused, and said why.
    refused_k(&e, &key, &e.db, Some(PASS), &["encrypt"], "already encrypted");
    // The earlier backup is still plain, as the message warned.
    assert!(header_is_plain(&e.path("old-backup.db")));
}

#[test]
fn rekey_and_decrypt() {
    let e = Env::empty();
    let key = key_file(&e, "mh51.key", PASS);
    let new = key_file(&e, "new.key", "một cụm mật khẩu mới hẳn");
    ok_k(&e, &key, &["init", "--encrypt"]);
    ok_k(&e, &key, &["enroll", NAME, "--ward", "1", "--category", "prison", "--id-number", ID, "--date", "2023-01-05"]);
    ok_k(&e, &key, &["backup", "before-rekey.db"]);
    let short = key_file(&e, "short.key", "ngắn");
    refused_k(&e, &key, &e.db, Some(PASS), &["rekey", "--new-key-file", short.to_str().unwrap()], "at least 12");
    assert_eq!(ok_k(&e, &key, &["rekey", "--new-key-file", "new.key"]), e.db.display().to_string());
    one_error(&run_k(&e, &key, &["list"]), "passphrase is wrong");
    assert!(ok_k(&e, &new, &["list", "-f", "csv"]).contains("2023-0001"));
    ok_k(&e, &new, &["check"]);
    // The backup made before keeps the old passphrase.
    assert!(ok_k(&e, &key, &["--db", "before-rekey.db", "list", "-f", "csv"]).contains("2023-0001"));

    // decrypt -o: a plain copy, 0600, audited in the register; never overwrites.
    assert_eq!(ok_k(&e, &new, &["decrypt", "-o", "plain.db"]), "plain.db");
    let plain = e.path("plain.db");
    assert!(header_is_plain(&plain));
    assert_eq!(std::fs::metadata(&plain).unwrap().permissions().mode() & 0o777, 0o600);
    let seq: i64 = keyed(&e.db, "một cụm mật khẩu mới hẳn")
        .query_row("SELECT max(seq) FROM audit_log WHERE action = 'decrypt'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        plain_dump(&plain, seq - 1),
        dump_conn(&keyed(&e.db, "một cụm mật khẩu mới hẳn"), seq - 1),
        "the plain copy holds the register as it was"
    );
    let o = e.command(&["--db", "plain.db", "check"]).stdin(Stdio::null()).output().unwrap();
    assert!(o.status.success(), "the plain copy is a sound register: {}", String::from_utf8_lossy(&o.stderr));
    let (np, plain_bytes) = ("một cụm mật khẩu mới hẳn", std::fs::read(&plain).unwrap());
    refused_k(&e, &new, &e.db, Some(np), &["decrypt", "-o", "plain.db"], "already exists");
    assert_eq!(std::fs::read(&plain).unwrap(), plain_bytes, "the existing file was not touched");
    refused_k(&e, &new, &plain, None, &["--db", "plain.db", "decrypt", "-o", "x.db"], "not encrypted");
    assert!(!e.path("x.db").exists());
    refused_k(&e, &new, &plain, None, &["--db", "plain.db", "rekey", "--new-key-file", "new.key"], "not encrypted");
}

/// A register big enough that `encrypt` takes a while: 2,000 cases.
fn big_plain() -> Env {
    let e = Env::new();
    let mut s = String::from("name,ward,category,born,gender,id_number,address,enrolled,member,note\n");
    for i in 0..2000 {
        s.push_str(&format!(
            "Nguyễn Văn Thử {i},{},prison,1990,male,,số {i} đường Bí Mật,2022-03-01,,ghi chú {i}\n",
            i % 14 + 1
        ));
    }
    std::fs::write(e.path("big.csv"), s).unwrap();
    e.ok(&["import", "cases", "big.csv"]);
    e
}

#[test]
fn encrypt_killed_at_any_moment_leaves_the_plain_or_the_encrypted_register_whole() {
    let template = big_plain();
    let seq: i64 = template.scalar("SELECT max(seq) FROM audit_log").parse().unwrap();
    let before = plain_dump(&template.db, seq);
    let pristine = std::fs::read(&template.db).unwrap();
    let fresh = || {
        let e = Env::empty();
        std::fs::write(&e.db, &pristine).unwrap();
        std::fs::set_permissions(&e.db, std::fs::Permissions::from_mode(0o600)).unwrap();
        let k = key_file(&e, "mh51.key", PASS);
        (e, k)
    };
    let (whole, k) = fresh();
    let t0 = std::time::Instant::now();
    ok_k(&whole, &k, &["encrypt"]);
    let full = t0.elapsed();
    assert!(!header_is_plain(&whole.db));

    let ms = |f: f64| std::time::Duration::from_secs_f64(full.as_secs_f64() * f);
    let mut points: Vec<std::time::Duration> = [5, 20, 50].map(std::time::Duration::from_millis).to_vec();
    points.extend([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0, 1.05, 1.1, 1.2, 1.3, 1.5, 2.0, 3.0].map(ms));
    let (mut plain, mut encrypted) = (0, 0);
    for &at in &points {
        let (e, k) = fresh();
        let mut child = e
            .command(&["encrypt"])
            .env("MH51_KEY_FILE", &k)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(at);
        let finished = child.try_wait().unwrap().is_some();
        child.kill().ok(); // SIGKILL: nothing of mh51 runs after it.
        child.wait().unwrap();
        if header_is_plain(&e.db) {
            assert!(!finished, "a finished encrypt left a plain file (killed after {at:?})");
            plain += 1;
            assert_eq!(plain_dump(&e.db, i64::MAX), before, "killed after {at:?}: the plain register changed");
            e.ok(&["check"]);
            // Usable at once: encrypting again works (the leftover copy is replaced).
            ok_k(&e, &k, &["encrypt"]);
        } else {
            encrypted += 1;
            assert_eq!(
                dump_conn(&keyed(&e.db, PASS), seq),
                before,
                "killed after {at:?}: the encrypted register differs"
            );
            for needle in ["Nguyễn Văn Thử", "đường Bí Mật"] {
                for (suffix, bytes) in bytes_of(&e.db) {
                    assert!(!bytes.is_some_and(|b| contains(&b, needle)), "plaintext in test.db{suffix} after {at:?}");
                }
            }
        }
        ok_k(&e, &k, &["check"]);
        ok_k(&e, &k, &["audit", "verify"]);
    }
    eprintln!("encrypt of 2,000 cases ({full:?}) killed at {} points: {plain} left the plain register, {encrypted} the encrypted one", points.len());
    assert!(plain >= 2, "the early kill points must interrupt the encryption");
    assert!(encrypted >= 1, "the late kill points come after the rename");
}

// Anonymisation.

/// Two closed cases and one open: 2022-0001 (person 1, released 2022-12-01), 2023-0002
/// (person 3, released 2023-04-01, with an address, id number, notes, a review and a
/// support); 2023-0001 (person 2) open. Member 3 left on 2022-12-31 and has a phone.
fn world() -> Env {
    let e = Env::new();
    e.ok(&["member", "add", "Trần Văn Bình", "--org", "CA", "--ward", "1", "--joined", "2020-01-01"]);
    e.ok(&[
        "member",
        "add",
        "Lê Thị Cúc",
        "--org",
        "PN",
        "--ward",
        "1",
        "--joined",
        "2020-01-01",
        "--phone",
        "0901234567",
    ]);
    e.ok(&[
        "member",
        "add",
        "Võ Văn Giang",
        "--org",
        "CCB",
        "--ward",
        "2",
        "--joined",
        "2020-01-01",
        "--phone",
        "0907654321",
    ]);
    e.ok(&["member", "leave", "3", "--date", "2022-12-31"]);
    e.enroll("Hoàng Văn Em", "1", "2022-05-05", &["--member", "1", "--note", "Hoàng có nợ"]);
    e.ok(&["release", "2022-0001", "--reason", "moved", "--date", "2022-12-01"]);
    e.enroll(
        "Nguyễn Văn An",
        "1",
        "2023-01-05",
        &["--member", "1", "--id-number", "079090001234", "--born", "1990", "--note", "An giữ lại"],
    );
    e.enroll(
        "Phạm Thị Dung",
        "2",
        "2023-02-01",
        &[
            "--member",
            "2",
            "--born",
            "1985-07-08",
            "--id-number",
            "079185004321",
            "--address",
            "12 Hậu Giang",
            "--note",
            "có con nhỏ",
        ],
    );
    e.ok(&["review", "2023-0002", "--class", "A", "--date", "2023-02-20", "--note", "Dung ổn định"]);
    e.ok(&[
        "support",
        "2023-0002",
        "--kind",
        "loan",
        "--amount",
        "5000000",
        "--date",
        "2023-03-01",
        "--note",
        "vay mua máy may",
    ]);
    e.ok(&["release", "2023-0002", "--reason", "progressed", "--date", "2023-04-01", "--note", "Dung tiến bộ"]);
    e
}

fn reports(e: &Env, periods: &[&str]) -> String {
    let mut out = String::new();
    for p in periods {
        for by in ["ward", "org", "category", "month", "quarter"] {
            out += &e.ok(&["report", "summary", "-p", p, "--by", by, "-f", "csv"]);
        }
        for by in ["ward", "org", "member"] {
            out += &e.ok(&["report", "quota", "-p", p, "--by", by, "-f", "csv"]);
        }
    }
    out + &e.ok(&["report", "overdue", "-f", "csv"])
}

#[test]
fn anonymise_empties_personal_values_beyond_recovery_and_keeps_every_figure() {
    let e = world();
    let old = [
        "Hoàng Văn Em",
        "Phạm Thị Dung",
        "pham thi dung",
        "079185004321",
        "12 Hậu Giang",
        "1985-07-08",
        "Dung ổn định",
        "vay mua máy may",
        "Dung tiến bộ",
        "Hoàng có nợ",
        "0907654321",
    ];
    let figures = reports(&e, &["2022", "2023"]);

    // A dry run counts and writes nothing.
    let before = dump(&e.db);
    let o = e.run(&["anonymise", "--released-before", "2023-06-01", "--dry-run"]);
    assert!(o.status.success());
    assert_eq!(String::from_utf8_lossy(&o.stdout).trim(), "2");
    assert!(String::from_utf8_lossy(&o.stderr).contains("would anonymise (dry run, nothing written) 2 person(s)"));
    assert_eq!(dump(&e.db), before, "a dry run writes nothing");
    // A date in the future is refused.
    e.refused(&["anonymise", "--released-before", "2023-07-01"], &["2023-07-01", "future"]);

    // The old values are on disk now (the search can find them), in the file or its WAL.
    let disk = |e: &Env| bytes_of(&e.db).into_iter().filter_map(|(_, b)| b).flatten().collect::<Vec<u8>>();
    let hold = e.raw(); // a reader keeps the WAL on disk between commands
    hold.query_row("SELECT count(*) FROM cases", [], |r| r.get::<_, i64>(0)).unwrap();
    let missing: Vec<&&str> = old.iter().filter(|v| !contains(&disk(&e), v)).collect();
    assert!(missing.is_empty(), "the values to erase are on disk before: {missing:?} are not");
    drop(hold);

    let o = e.run(&["anonymise", "--released-before", "2023-06-01"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(String::from_utf8_lossy(&o.stdout).trim(), "2");
    assert_eq!(
        String::from_utf8_lossy(&o.stderr).trim(),
        "anonymised 2 person(s) whose every case was released before 2023-06-01; notes emptied on 2 case(s), 1 review(s), 1 support(s); phone numbers removed from 1 member(s) who left before 2023-06-01"
    );
    for v in old {
        assert!(!contains(&disk(&e), v), "{v:?} can still be read from the file or its WAL");
    }
    assert_eq!(
        e.scalar("SELECT group_concat(name, '|') FROM (SELECT name FROM persons ORDER BY id)"),
        "Ẩn danh 1|Nguyễn Văn An|Ẩn danh 3"
    );
    assert_eq!(
        e.scalar("SELECT group_concat(coalesce(birth_year, '-') || '/' || coalesce(gender, '-'), ' ') FROM persons"),
        "-/- 1990/- 1985/-"
    );
    assert_eq!(e.scalar("SELECT count(*) FROM persons WHERE id <> 2 AND (address IS NOT NULL OR id_number IS NOT NULL OR birth_date IS NOT NULL)"), "0");
    assert_eq!(e.scalar("SELECT group_concat(coalesce(note, '-'), '|') FROM cases"), "-|An giữ lại|-");
    assert_eq!(e.scalar("SELECT group_concat(coalesce(phone, '-'), '|') FROM members"), "-|0901234567|-");
    assert_eq!(e.scalar("SELECT id_number FROM persons WHERE id = 2"), "079090001234");
    // One audit row for the change, with counts and the date, and no personal value; then
    // one for the scrub's end (the unfinished marker cleared, itself a change in the ledger).
    assert_eq!(
        e.scalar("SELECT group_concat(action || ' ' || entity_key || ' ' || detail, '\n') FROM (SELECT * FROM audit_log ORDER BY seq DESC LIMIT 2)"),
        concat!(
            r#"anonymise-finished 2023-06-01 {"released_before":"2023-06-01"}"#,
            "\n",
            r#"anonymise 2023-06-01 {"released_before":"2023-06-01","persons":2,"case_notes":2,"review_notes":1,"support_notes":1,"member_phones":1}"#
        )
    );
    assert_eq!(e.scalar("SELECT count(*) FROM audit_log WHERE action = 'anonymise'"), "1");
    e.ok(&["check"]);
    e.ok(&["audit", "verify"]);
    assert_eq!(reports(&e, &["2022", "2023"]), figures, "anonymising must not change any figure");
    assert!(!e.path("test.db-wal").exists() || std::fs::metadata(e.path("test.db-wal")).unwrap().len() == 0);

    // Again: nothing left to do, still one honest audit row.
    assert_eq!(e.ok(&["anonymise", "--released-before", "2023-06-01"]), "0");
    // Search finds the anonymised by their new name.
    assert!(e.ok(&["list", "--status", "all", "--search", "an danh 3", "-f", "csv"]).contains("2023-0002"));
}

#[test]
fn anonymising_the_district_6_example_before_2021_keeps_its_2021_and_2022_figures() {
    let e = Env::empty();
    e.ok(&["demo"]);
    let periods = ["2019", "2020", "2021", "2022", "2021-Q4", "2022-01-01..2022-05-20"];
    let figures = reports(&e, &periods);
    let released_before: i64 =
        e.scalar("SELECT count(*) FROM (SELECT person_id FROM cases GROUP BY person_id HAVING count(released_on) = count(*) AND max(released_on) < '2021-01-01')").parse().unwrap();
    assert!(released_before > 0, "the example has people released before 2021");
    assert_eq!(e.ok(&["anonymise", "--released-before", "2021-01-01"]), released_before.to_string());
    assert_eq!(e.scalar("SELECT count(*) FROM persons WHERE name LIKE 'Ẩn danh %'"), released_before.to_string());
    assert_eq!(reports(&e, &periods), figures, "the 2021 and 2022 figures (and every other) are unchanged");
    e.ok(&["check"]);
    // The article's figures still come out.
    let s = e.ok(&["report", "summary", "-p", "2021", "-f", "csv"]);
    let total = s.lines().last().unwrap();
    assert!(total.starts_with("TOTAL,") && total.contains(",55,326,59,"), "{total}");
}

#[test]
fn anonymise_works_on_an_encrypted_register_too() {
    let e = Env::empty();
    let key = key_file(&e, "mh51.key", PASS);
    ok_k(&e, &key, &["init", "--encrypt"]);
    ok_k(&e, &key, &["enroll", NAME, "--ward", "1", "--category", "prison", "--date", "2022-01-05"]);
    ok_k(&e, &key, &["release", "2022-0001", "--reason", "moved", "--date", "2022-02-01"]);
    assert_eq!(ok_k(&e, &key, &["anonymise", "--released-before", "2023-01-01"]), "1");
    assert!(ok_k(&e, &key, &["show", "2022-0001"]).contains("Ẩn danh 1"));
    ok_k(&e, &key, &["check"]);
    assert!(!header_is_plain(&e.db));
}

/// Run `mh51 ARGS` on a pseudo-terminal (util-linux `script`), typing `lines` one by one
/// after the prompts; None when `script` is not installed.
fn on_terminal(e: &Env, args: &str, lines: &[&str]) -> Option<(bool, String)> {
    if std::process::Command::new("script").arg("--version").output().is_err() {
        eprintln!("skipped: util-linux `script` is not installed");
        return None;
    }
    let mut typed = String::from("sleep 0.7");
    for l in lines {
        typed += &format!("; printf '%s\\n' '{l}'; sleep 0.7");
    }
    let cmd = format!("{} --db {} {args}", crate::util::bin().display(), e.db.display());
    let o = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!("({typed}) | script -qec \"$CMD\" /dev/null"))
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("CMD", cmd)
        .env("MH51_TODAY", crate::util::TODAY)
        .env("MH51_ACTOR", "tester")
        .env("HOME", e.dir.path())
        .current_dir(e.dir.path())
        .output()
        .ok()?;
    Some((o.status.success(), String::from_utf8_lossy(&o.stdout).to_string()))
}

#[test]
fn on_a_terminal_the_passphrase_is_asked_without_echo() {
    let e = Env::empty();
    // Two different passphrases: refused, no file.
    let Some((_, out)) = on_terminal(&e, "init --encrypt", &[PASS, "một câu khác hẳn luôn"]) else { return };
    assert!(out.contains("the two passphrases differ"), "{out}");
    assert!(!e.db.exists());
    let (ok, out) = on_terminal(&e, "init --encrypt", &[PASS, PASS]).unwrap();
    assert!(ok, "{out}");
    assert!(out.contains("New passphrase:") && out.contains("Again:"), "{out}");
    assert!(!out.contains(PASS), "the passphrase was echoed: {out}");
    assert!(!header_is_plain(&e.db));
    let (ok, out) = on_terminal(&e, "list -f csv", &[PASS]).unwrap();
    assert!(ok && out.contains("Passphrase:") && !out.contains(PASS), "{out}");
    let (ok, out) = on_terminal(&e, "list -f csv", &["sai rồi sai rồi sai rồi"]).unwrap();
    assert!(!ok && out.contains("error: the passphrase is wrong"), "{out}");
}

#[test]
fn an_encrypted_register_from_an_older_mh51_is_backed_up_encrypted_then_migrated() {
    // The version 1 fixture, encrypted as an older mh51 with encryption would have left it.
    let e = Env::empty();
    let key = key_file(&e, "mh51.key", PASS);
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/v1.db");
    let src = rusqlite::Connection::open_with_flags(fixture, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let old = dump_conn(&src, i64::MAX);
    drop(src);
    std::fs::copy(fixture, e.path("v1-plain.db")).unwrap();
    let c = rusqlite::Connection::open(e.path("v1-plain.db")).unwrap();
    c.execute("ATTACH DATABASE ?1 AS enc KEY ?2", rusqlite::params![e.db.to_str().unwrap(), PASS]).unwrap();
    c.query_row("SELECT sqlcipher_export('enc')", [], |_| Ok(())).unwrap();
    c.execute_batch("PRAGMA enc.user_version = 1; DETACH DATABASE enc").unwrap();
    drop(c);
    std::fs::set_permissions(&e.db, std::fs::Permissions::from_mode(0o600)).unwrap();
    assert!(!header_is_plain(&e.db));

    ok_k(&e, &key, &["migrate"]);
    ok_k(&e, &key, &["list", "--status", "all"]);
    let bak = e.path("test.db.v1.bak");
    assert!(!header_is_plain(&bak), "the migration copy of an encrypted register is encrypted");
    // Both keep SQLCipher 4's defaults, the layout the older mh51 wrote: the passphrase alone.
    let older = |p: &Path| crate::util::keyed_as(p, PASS, "");
    assert_eq!(dump_conn(&older(&bak), i64::MAX), old, "it holds the register as it was");
    assert!(!header_is_plain(&e.db));
    let v: i64 = older(&e.db).query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert!(v > 1, "migrated");
    ok_k(&e, &key, &["check"]);
}

/// Whether SQLCipher itself opens the encrypted `db` with `pass` and then `layout`'s
/// `PRAGMA`s (as another tool would), reading its first page.
fn opens(db: &Path, pass: &str, layout: &str) -> bool {
    crate::util::keyed_as(db, pass, layout).query_row("SELECT count(*) FROM sqlite_master", [], |_| Ok(())).is_ok()
}

#[test]
fn every_file_mh51_encrypts_opens_in_sqlcipher_with_the_passphrase_and_exactly_the_two_pragmas() {
    // SPEC §14 revised (issue 20): 16 KiB pages and HMAC-SHA256, the key derivation
    // untouched. Another SQLCipher 4 tool needs exactly the two PRAGMAs docs/encryption.md
    // gives; without them it refuses the file ("file is not a database").
    let e = Env::empty();
    let key = key_file(&e, "k", PASS);
    ok_k(&e, &key, &["init", "--encrypt"]);
    ok_k(&e, &key, &["member", "add", "Trần Văn Một", "--org", "TN", "--ward", "1", "--joined", "2020-01-01"]);
    ok_k(
        &e,
        &key,
        &["enroll", "Lê Văn Hai", "--ward", "1", "--category", "prison", "--date", "2023-01-10", "--member", "1"],
    );
    ok_k(&e, &key, &["backup", "b.db"]);
    ok_k(&e, &key, &["extract", "--ward", "1", "-o", "w.db"]);
    let plain = Env::new();
    plain.enroll("Phạm Thị Ba", "2", "2023-02-01", &[]);
    ok_k(&plain, &key, &["encrypt"]);
    for db in [e.db.clone(), e.path("b.db"), e.path("w.db"), plain.db.clone()] {
        assert!(opens(&db, PASS, crate::util::MH51_LAYOUT), "{} does not open with the two PRAGMAs", db.display());
        assert!(!opens(&db, PASS, ""), "{} opened with SQLCipher's defaults: not mh51's layout", db.display());
        let page: String = crate::util::keyed_as(&db, PASS, crate::util::MH51_LAYOUT)
            .query_row("PRAGMA cipher_page_size", [], |r| r.get(0))
            .unwrap();
        assert_eq!(page, "16384", "{}", db.display());
        assert_eq!(std::fs::metadata(&db).unwrap().len() % 16384, 0, "{} is whole 16 KiB pages", db.display());
    }
    // Still a wrong passphrase for a wrong passphrase, whatever the layout.
    assert!(!opens(&e.db, "not the passphrase at all", crate::util::MH51_LAYOUT));
}

#[test]
fn a_register_encrypted_by_an_earlier_mh51_keeps_working_and_rekey_gives_it_the_new_layout() {
    // The register an mh51 before December 2026 wrote: SQLCipher 4's defaults (4 KiB pages,
    // HMAC-SHA512), which another tool opens with the passphrase alone.
    earlier_layout_keeps_working("", "is encrypted in SQLCipher 4's default layout");
}

#[test]
fn a_register_in_the_8_kib_layout_of_early_december_keeps_working_and_rekey_gives_it_16_kib_pages() {
    // The register mh51 wrote from 3 to 7 December 2026: 8 KiB pages, HMAC-SHA256.
    earlier_layout_keeps_working(
        "PRAGMA cipher_page_size = 8192; PRAGMA cipher_hmac_algorithm = HMAC_SHA256;",
        "in the layout mh51 wrote from 3 to 7 December 2026 (8 KiB pages, HMAC-SHA256)",
    );
}

/// A register encrypted in `layout` (the `PRAGMA`s another tool needs after the key; `""`
/// for SQLCipher's defaults) by an earlier mh51: every kind of use works and keeps its layout,
/// `check` says `check_says` and names `rekey`, and `rekey` rewrites it in today's layout.
fn earlier_layout_keeps_working(layout: &str, check_says: &str) {
    let e = Env::new();
    e.enroll("Lê Văn Hai", "1", "2023-01-10", &[]);
    e.enroll("Phạm Thị Ba", "2", "2023-02-01", &[]);
    let key = key_file(&e, "k", PASS);
    let older = e.path("older.db");
    let c = rusqlite::Connection::open(&e.db).unwrap();
    c.execute("ATTACH DATABASE ?1 AS enc KEY ?2", rusqlite::params![older.to_str().unwrap(), PASS]).unwrap();
    // The attached file's layout, before its first page is written.
    c.execute_batch(&layout.replace("PRAGMA cipher_", "PRAGMA enc.cipher_")).unwrap();
    c.query_row("SELECT sqlcipher_export('enc')", [], |_| Ok(())).unwrap();
    let v: i64 = c.query_row("PRAGMA main.user_version", [], |r| r.get(0)).unwrap();
    c.execute_batch(&format!("PRAGMA enc.user_version = {v}; DETACH DATABASE enc")).unwrap();
    drop(c);
    std::fs::set_permissions(&older, std::fs::Permissions::from_mode(0o600)).unwrap();
    assert!(opens(&older, PASS, layout) && !opens(&older, PASS, crate::util::MH51_LAYOUT));
    let before = dump_conn(&crate::util::keyed_as(&older, PASS, layout), i64::MAX);
    let on = |args: &[&str]| {
        let mut all = vec!["--db", older.to_str().unwrap()];
        all.extend_from_slice(args);
        ok_k(&e, &key, &all)
    };

    // Every kind of use: reads, a write, a dry run (its in-memory copy), check, copies.
    assert_eq!(on(&["list", "-f", "csv"]).lines().count(), 3);
    let csv = e.path("c.csv");
    std::fs::write(&csv, "name,ward,category,enrolled_on\nNguyễn Văn Bốn,1,prison,2023-03-01\n").unwrap();
    on(&["import", "cases", csv.to_str().unwrap(), "--dry-run"]);
    on(&["enroll", "Đỗ Văn Năm", "--ward", "3", "--category", "prison", "--date", "2023-03-02"]);
    let check = || {
        let o = run_k(&e, &key, &["--db", older.to_str().unwrap(), "check"]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        String::from_utf8_lossy(&o.stderr).to_string()
    };
    let said = check();
    assert!(said.contains(check_says) && said.contains("mh51 rekey"), "{said}");
    on(&["backup", "ob.db"]);
    on(&["extract", "--ward", "1", "-o", "ow.db"]);
    // The register and its backup (a page-for-page copy) keep the layout they had; the
    // extract is a new file, so it has mh51's.
    for db in [older.clone(), e.path("ob.db")] {
        assert!(opens(&db, PASS, layout) && !opens(&db, PASS, crate::util::MH51_LAYOUT), "{}", db.display());
    }
    assert!(opens(&e.path("ow.db"), PASS, crate::util::MH51_LAYOUT) && !opens(&e.path("ow.db"), PASS, ""));
    let cases = |db: &Path, layout: &str| -> i64 {
        crate::util::keyed_as(db, PASS, layout).query_row("SELECT count(*) FROM cases", [], |r| r.get(0)).unwrap()
    };
    assert_eq!(cases(&older, layout), 3);
    assert_eq!(cases(&e.path("ob.db"), layout), 3);
    assert_ne!(dump_conn(&crate::util::keyed_as(&older, PASS, layout), i64::MAX), before, "the enrolment was written");

    // `rekey`, even to the same passphrase, rewrites it in mh51's layout, every row kept.
    let kept = dump_conn(&crate::util::keyed_as(&older, PASS, layout), i64::MAX);
    on(&["rekey", "--new-key-file", key.to_str().unwrap()]);
    assert!(opens(&older, PASS, crate::util::MH51_LAYOUT) && !opens(&older, PASS, layout));
    let seq: i64 = crate::util::keyed_as(&older, PASS, crate::util::MH51_LAYOUT)
        .query_row("SELECT max(seq) FROM audit_log", [], |r| r.get(0))
        .unwrap();
    assert_eq!(dump_conn(&crate::util::keyed_as(&older, PASS, crate::util::MH51_LAYOUT), seq - 1), kept);
    assert_eq!(on(&["list", "-f", "csv"]).lines().count(), 4);
    let said = check();
    assert!(said.contains("is sound") && !said.contains("layout"), "{said}");
}
