//! Files and paths (SPEC §16 "a path is a path", "nothing partial", "read-only commands
//! change nothing", "faults are named"): every file mh51 writes is a new file at exactly the
//! path given — never a SQLite URI, never through a symlink, never over an existing file —
//! whole or absent after a failure or a SIGKILL; a register reached through a link is
//! encrypted for real; read commands never migrate; damage is called damage.

use std::os::unix::fs::{symlink, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::Stdio;

use crate::util::{dump, Env};

const PASS: &str = "một câu dài khó đoán 2023";
const NAME: &str = "Nguyễn Thị Bảo Mật";

fn key_file(e: &Env, pass: &str) -> PathBuf {
    let p = e.path("mh51.key");
    std::fs::write(&p, format!("{pass}\n")).unwrap();
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o600)).unwrap();
    p
}

fn run_k(e: &Env, key: &Path, args: &[&str]) -> std::process::Output {
    e.command(args).env("MH51_KEY_FILE", key).stdin(Stdio::null()).output().unwrap()
}

fn ok_k(e: &Env, key: &Path, args: &[&str]) -> String {
    let o = run_k(e, key, args);
    assert!(o.status.success(), "mh51 {args:?}: {}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).unwrap()
}

fn fail_k(e: &Env, key: &Path, args: &[&str]) -> String {
    let o = run_k(e, key, args);
    let err = String::from_utf8_lossy(&o.stderr).to_string();
    assert_eq!(o.status.code(), Some(1), "mh51 {args:?} should fail: {err}");
    assert!(err.starts_with("error: "), "{err}");
    err
}

fn header_is_plain(p: &Path) -> bool {
    std::fs::read(p).unwrap().starts_with(b"SQLite format 3\0")
}

fn contains(hay: &[u8], needle: &str) -> bool {
    hay.windows(needle.len()).any(|w| w == needle.as_bytes())
}

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

/// The names in the test's directory, sorted, but for the register's own WAL side files
/// (which SQLite makes and removes as connections come and go).
fn names(e: &Env) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(e.dir.path())
        .unwrap()
        .map(|d| d.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n != "test.db-wal" && n != "test.db-shm")
        .collect();
    v.sort();
    v
}

/// A register with one known person in it.
fn world() -> Env {
    let e = Env::new();
    e.enroll(NAME, "1", "2023-01-10", &["--born", "1990"]);
    e
}

/// Every command that writes a file, with `{}` where its path goes.
fn writers() -> Vec<Vec<&'static str>> {
    vec![
        vec!["backup", "{}"],
        vec!["extract", "--ward", "1", "-o", "{}"],
        vec!["export", "cases", "-f", "csv", "-o", "{}"],
        vec!["query", "SELECT 1", "-f", "json", "-o", "{}"],
        vec!["list", "-f", "csv", "-o", "{}"],
        vec!["report", "summary", "-p", "2023", "-f", "csv", "-o", "{}"],
        vec!["report", "summary", "-p", "2023", "-f", "xlsx", "-o", "{}"],
        vec!["audit", "-f", "csv", "-o", "{}"],
    ]
}

fn with_path(args: &[&'static str], p: &str) -> Vec<String> {
    args.iter().map(|a| if *a == "{}" { p.to_string() } else { a.to_string() }).collect()
}

fn strs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

#[test]
fn every_writer_refuses_an_existing_file_and_any_symlink_and_writes_0600() {
    let e = world();
    let victim = e.path("victim.html");
    std::fs::write(&victim, b"keep me").unwrap();
    std::fs::set_permissions(&victim, std::fs::Permissions::from_mode(0o644)).unwrap();
    let mut all = writers();
    all.push(vec!["report", "brief", "-p", "2023", "-o", "{}"]);
    for (i, w) in all.iter().enumerate() {
        let ext = "html";
        // An existing file.
        let args = with_path(w, victim.to_str().unwrap());
        e.refused(&strs(&args), &["already exists"]);
        assert_eq!(std::fs::read(&victim).unwrap(), b"keep me");
        // A live link to it, and a dangling link: neither followed.
        let live = e.path(&format!("live{i}.{ext}"));
        symlink(&victim, &live).unwrap();
        e.refused(&strs(&with_path(w, live.to_str().unwrap())), &["already exists"]);
        assert_eq!(std::fs::read(&victim).unwrap(), b"keep me", "{w:?} wrote through a link");
        let target = e.path(&format!("target{i}"));
        let dangling = e.path(&format!("dangling{i}.{ext}"));
        symlink(&target, &dangling).unwrap();
        e.refused(&strs(&with_path(w, dangling.to_str().unwrap())), &["already exists"]);
        assert!(!target.exists(), "{w:?} created the target of a dangling link");
        // A new name: a private file, and nothing else left beside it.
        let before = names(&e);
        let fresh = format!("new{i}.{ext}");
        e.ok(&strs(&with_path(w, &fresh)));
        assert_eq!(mode(&e.path(&fresh)), 0o600, "{w:?}");
        let mut want = before.clone();
        want.push(fresh);
        want.sort();
        assert_eq!(names(&e), want, "{w:?} left something beside its file");
    }
    // init and demo refuse a link as the new register, and leave its target absent.
    let target = e.path("nothing-here.db");
    let link = e.path("reg-link.db");
    symlink(&target, &link).unwrap();
    for cmd in [&["init"][..], &["demo"]] {
        let mut args = vec!["--db", link.to_str().unwrap()];
        args.extend_from_slice(cmd);
        let err = e.fail(&args);
        assert!(err.contains("already exists"), "{err}");
        assert!(!target.exists());
    }
}

#[test]
fn sqlite_never_reads_a_path_as_a_uri() {
    // `victim.db` is another register in the working folder; every hostile name below would,
    // read as a URI, name it (or open it read-write).
    let e = world();
    let victim = Env::new();
    let v = e.path("victim.db");
    std::fs::copy(&victim.db, &v).unwrap();
    let victim_bytes = std::fs::read(&v).unwrap();
    let hostile = [
        "file:victim.db",
        "file:victim.db?mode=rw",
        "file:victim.db?mode=rwc&cache=shared",
        "file:victim.db#frag",
        "a?b#c%41.db",
        "line\nbreak.db",
        "-leading.db",
    ];
    let enc = Env::empty();
    std::fs::copy(&e.db, &enc.db).unwrap();
    let enc_key = key_file(&enc, PASS);
    ok_k(&enc, &enc_key, &["encrypt"]);
    for (i, h) in hostile.iter().enumerate() {
        for (j, w) in [vec!["backup", "--", "{}"], vec!["extract", "--ward", "1", "--output", "{}"]].iter().enumerate()
        {
            // Each name new, and still (read as a URI) naming victim.db.
            let name = if h.starts_with("file:") {
                format!("{h}{}n={i}{j}", if h.contains('?') { '&' } else { '?' })
            } else if j == 1 && h.starts_with('-') {
                continue;
            } else {
                format!("{h}.{i}{j}")
            };
            let args = with_path(w, &name);
            e.ok(&strs(&args));
            assert_eq!(std::fs::read(&v).unwrap(), victim_bytes, "{args:?} wrote into victim.db");
            let made = e.path(&name);
            assert!(made.is_file(), "{args:?}: no file named {name:?}");
            assert_eq!(mode(&made), 0o600);
            // It is a register of its own, opened by its name with --db.
            let o = e.command(&["--db", made.to_str().unwrap(), "check"]).output().unwrap();
            assert!(o.status.success(), "{name:?}: {}", String::from_utf8_lossy(&o.stderr));
        }
        // decrypt -o from an encrypted register: a plain file at exactly that name.
        let name = if h.starts_with("file:") {
            format!("{h}{}n={i}p", if h.contains('?') { '&' } else { '?' })
        } else {
            format!("{i}p{h}")
        };
        std::fs::copy(&v, enc.path("victim.db")).unwrap();
        let before = std::fs::read(enc.path("victim.db")).unwrap();
        ok_k(&enc, &enc_key, &["decrypt", "-o", &name]);
        assert!(header_is_plain(&enc.path(&name)), "{name:?}");
        assert_eq!(std::fs::read(enc.path("victim.db")).unwrap(), before, "decrypt -o {name:?} wrote into victim.db");
        std::fs::remove_file(enc.path("victim.db")).unwrap();
    }
    // --db: `file:victim.db` is a file of that name, which does not exist.
    let err = e.fail(&["--db", "file:victim.db?mode=rw", "list"]);
    assert!(err.contains("does not exist"), "{err}");
    let err = e.fail(&["--db", "file:victim.db", "enroll", "Mai Văn Tâm", "--ward", "1", "--category", "prison"]);
    assert!(err.contains("does not exist"), "{err}");
    assert_eq!(std::fs::read(&v).unwrap(), victim_bytes);
    // And a register really named so is used as itself.
    std::fs::copy(&e.db, e.path("file:x.db?mode=ro")).unwrap();
    e.ok(&["--db", "file:x.db?mode=ro", "enroll", "Mai Văn Tâm", "--ward", "1", "--category", "prison"]);
}

#[test]
fn a_failed_command_leaves_no_file() {
    let e = world();
    let before = names(&e);
    // The error comes from SQLite while rows are already being written.
    e.fail(&["query", "SELECT 1 AS a UNION ALL SELECT abs(-9223372036854775808)", "-f", "csv", "-o", "q.csv"]);
    e.fail(&["query", "SELECT nope FROM nowhere", "-o", "q2.csv"]);
    e.fail(&["extract", "--ward", "no-such-ward", "-o", "x.db"]);
    e.fail(&["report", "brief", "-p", "2023", "-o", "b.pdf", "--chromium", "/bin/false"]);
    e.fail(&["backup", "no-such-folder/b.db"]);
    assert_eq!(names(&e), before, "a failed command left a file");
}

/// A register of 2,000 cases (so copies take long enough to be killed half-way).
fn big() -> Env {
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
    std::fs::remove_file(e.path("big.csv")).unwrap();
    e
}

/// Run `args` (with `key` when given) once to time it, then kill it at many moments: each
/// time the destination is absent or whole (`whole` checks it), and nothing else is left but
/// recognisable temporaries.
fn killed_at_many_moments(e: &Env, key: Option<&Path>, args: &[&str], dest: &str, whole: &dyn Fn(&Path)) {
    let spawn = |args: &[&str]| {
        let mut c = e.command(args);
        if let Some(k) = key {
            c.env("MH51_KEY_FILE", k);
        }
        c.stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap()
    };
    let t0 = std::time::Instant::now();
    assert!(spawn(args).wait().unwrap().success(), "{args:?}");
    let full = t0.elapsed();
    whole(&e.path(dest));
    for side in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(e.path(&format!("{dest}{side}")));
    }
    let base = names(e);
    let (mut absent, mut present) = (0, 0);
    let mut points: Vec<std::time::Duration> = [1, 3, 8, 15].map(std::time::Duration::from_millis).to_vec();
    points.extend(
        [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0, 1.1, 1.3, 2.0]
            .map(|f| std::time::Duration::from_secs_f64(full.as_secs_f64() * f)),
    );
    for at in points {
        let mut child = spawn(args);
        std::thread::sleep(at);
        child.kill().ok(); // SIGKILL: nothing of mh51 runs after it.
        child.wait().unwrap();
        let p = e.path(dest);
        if p.exists() {
            present += 1;
            whole(&p);
            for side in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(e.path(&format!("{dest}{side}")));
            }
        } else {
            absent += 1;
        }
        for n in names(e) {
            if !base.contains(&n) {
                assert!(n.starts_with(&format!(".{dest}.mh51-tmp-")), "killed after {at:?}: {n:?} left behind");
                std::fs::remove_file(e.path(&n)).unwrap();
            }
        }
    }
    eprintln!("{args:?} ({full:?}) killed at many moments: {absent} left nothing, {present} the whole file");
    assert!(absent >= 2, "the early kills must interrupt {args:?}");
}

#[test]
fn backup_and_extract_killed_at_any_moment_leave_a_whole_file_or_none() {
    let e = big();
    let whole = |p: &Path| {
        let c = rusqlite::Connection::open_with_flags(p, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
        let ok: String = c.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
        assert_eq!(ok, "ok");
        let n: i64 = c.query_row("SELECT count(*) FROM cases", [], |r| r.get(0)).unwrap();
        assert_eq!(n, 2000);
    };
    killed_at_many_moments(&e, None, &["backup", "b.db"], "b.db", &whole);
    let whole_ward = |p: &Path| {
        let c = rusqlite::Connection::open_with_flags(p, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
        let n: i64 = c.query_row("SELECT count(*) FROM cases", [], |r| r.get(0)).unwrap();
        // Wards 1 and 2 of `i % 14 + 1`.
        assert_eq!(n, 2 * 2000 / 14 + 1);
    };
    killed_at_many_moments(&e, None, &["extract", "--ward", "1", "--ward", "2", "-o", "x.db"], "x.db", &whole_ward);
    let whole_csv = |p: &Path| {
        let t = std::fs::read_to_string(p).unwrap();
        assert_eq!(t.lines().count(), 2001, "a partial export");
        assert!(t.ends_with("\r\n"));
    };
    killed_at_many_moments(&e, None, &["export", "cases", "-f", "csv", "-o", "c.csv"], "c.csv", &whole_csv);
}

#[test]
fn init_and_demo_killed_at_any_moment_leave_a_whole_register_or_none() {
    let e = Env::empty();
    let whole = |p: &Path| {
        let c = rusqlite::Connection::open_with_flags(p, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
        let ok: String = c.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
        assert_eq!(ok, "ok");
        // The District 6 example: 14 wards, and its cases all there.
        let wards: i64 = c.query_row("SELECT count(*) FROM wards", [], |r| r.get(0)).unwrap();
        assert_eq!(wards, 14);
        let cases: i64 = c.query_row("SELECT count(*) FROM cases", [], |r| r.get(0)).unwrap();
        assert!(cases > 100, "{cases}");
    };
    killed_at_many_moments(&e, None, &["demo"], "test.db", &whole);
}

#[test]
fn decrypt_killed_at_any_moment_leaves_a_whole_plain_copy_or_none() {
    let e = big();
    let key = key_file(&e, PASS);
    ok_k(&e, &key, &["encrypt"]);
    let whole = |p: &Path| {
        assert!(header_is_plain(p));
        assert_eq!(mode(p), 0o600);
        let c = rusqlite::Connection::open_with_flags(p, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
        let n: i64 = c.query_row("SELECT count(*) FROM cases", [], |r| r.get(0)).unwrap();
        assert_eq!(n, 2000);
    };
    killed_at_many_moments(&e, Some(&key), &["decrypt", "-o", "plain.db"], "plain.db", &whole);
    // The backup of an encrypted register, killed or not, is never plaintext.
    let encrypted = |p: &Path| {
        let b = std::fs::read(p).unwrap();
        assert!(!b.starts_with(b"SQLite format 3\0") && !contains(&b, "Nguyễn Văn Thử"));
    };
    killed_at_many_moments(&e, Some(&key), &["backup", "enc.db"], "enc.db", &encrypted);
}

#[test]
fn encrypt_through_a_symlink_encrypts_the_real_file_and_the_link_still_works() {
    let e = world();
    let real = e.path("real.db");
    std::fs::rename(&e.db, &real).unwrap();
    symlink("real.db", &e.db).unwrap();
    let key = key_file(&e, PASS);
    ok_k(&e, &key, &["encrypt"]);
    assert!(std::fs::symlink_metadata(&e.db).unwrap().file_type().is_symlink(), "the link was replaced");
    let b = std::fs::read(&real).unwrap();
    assert!(!b.starts_with(b"SQLite format 3\0"), "the real file is still plain");
    assert!(!contains(&b, NAME), "the name is in the real file's bytes");
    for n in names(&e) {
        if let Ok(b) = std::fs::read(e.path(&n)) {
            assert!(!contains(&b, NAME), "plaintext left in {n}");
        }
    }
    assert!(ok_k(&e, &key, &["list", "-f", "csv"]).contains(NAME));
    // rekey and decrypt through the link too.
    let new = e.path("new.key");
    std::fs::write(&new, "một câu khác hẳn luôn nhé\n").unwrap();
    std::fs::set_permissions(&new, std::fs::Permissions::from_mode(0o600)).unwrap();
    ok_k(&e, &key, &["rekey", "--new-key-file", new.to_str().unwrap()]);
    assert!(std::fs::symlink_metadata(&e.db).unwrap().file_type().is_symlink());
    ok_k(&e, &new, &["check"]);
    ok_k(&e, &new, &["decrypt", "-o", "plain.db"]);
    assert!(header_is_plain(&e.path("plain.db")));
}

fn v1() -> Env {
    let e = Env::empty();
    std::fs::copy(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/v1.db"), &e.db).unwrap();
    std::fs::set_permissions(&e.db, std::fs::Permissions::from_mode(0o600)).unwrap();
    e
}

#[test]
fn read_commands_never_migrate_an_older_register() {
    let e = v1();
    let bytes = std::fs::read(&e.db).unwrap();
    let before = names(&e);
    for args in [
        &["check"][..],
        &["list"],
        &["show", "2022-0001"],
        &["export", "cases"],
        &["query", "SELECT 1"],
        &["report", "summary", "-p", "2022"],
        &["report", "quota", "-p", "2022"],
        &["audit", "verify"],
        &["audit"],
        &["member", "list"],
        &["ward", "list"],
        &["settings"],
        &["backup", "b.db"],
        &["export", "cases", "-o", "e.csv"],
    ] {
        let err = e.fail(args);
        assert!(err.contains("mh51 migrate") && err.contains("schema version 1"), "{args:?}: {err}");
        assert_eq!(std::fs::read(&e.db).unwrap(), bytes, "{args:?} changed the file");
        assert_eq!(names(&e), before, "{args:?} left a file (a backup copy?)");
    }
}

#[test]
fn migrate_backs_up_migrates_and_audits_once() {
    let e = v1();
    let original = dump(&e.db);
    let rows: i64 = e.scalar("SELECT count(*) FROM audit_log").parse().unwrap();
    e.ok(&["migrate"]);
    let bak = e.path("test.db.v1.bak");
    assert_eq!(mode(&bak), 0o600);
    assert_eq!(dump(&bak), original, "the backup holds the register as it was");
    assert_eq!(e.scalar("PRAGMA user_version"), mh51::db::SCHEMA_VERSION.to_string());
    assert_eq!(e.scalar("SELECT count(*) FROM audit_log"), (rows + 1).to_string());
    assert_eq!(e.scalar("SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1"), "migrate");
    let details = e.scalar("SELECT detail FROM audit_log ORDER BY seq DESC LIMIT 1");
    let d: serde_json::Value = serde_json::from_str(&details).unwrap();
    assert_eq!(d["from"], 1);
    assert_eq!(d["to"], mh51::db::SCHEMA_VERSION);
    e.ok(&["audit", "verify"]);
    e.ok(&["check"]);
    // Again: nothing to do, no second backup, no second row.
    let now = dump(&e.db);
    e.ok(&["migrate"]);
    assert_eq!(dump(&e.db), now);
    assert!(!e.path("test.db.v1.bak.2").exists());

    // A write command on an older register migrates it too, with the same audit row.
    let w = v1();
    w.enroll("Mai Văn Tâm", "1", "2023-06-01", &[]);
    assert!(w.path("test.db.v1.bak").exists());
    assert_eq!(w.scalar("SELECT count(*) FROM audit_log WHERE action = 'migrate'"), "1");
    w.ok(&["audit", "verify"]);
}

#[test]
fn a_damaged_encrypted_file_is_called_damaged_not_a_wrong_passphrase() {
    let e = big();
    let key = key_file(&e, PASS);
    ok_k(&e, &key, &["encrypt"]);
    let pristine = std::fs::read(&e.db).unwrap();
    let wrong = e.path("wrong.key");
    std::fs::write(&wrong, "không phải cụm này đâu nhé\n").unwrap();
    std::fs::set_permissions(&wrong, std::fs::Permissions::from_mode(0o600)).unwrap();
    let err = fail_k(&e, &wrong, &["list"]);
    assert!(err.contains("the passphrase is wrong"), "{err}");

    // Cut short mid-page: damaged, whatever the key. A quarter page of mh51's 16 KiB is a whole
    // number of SQLCipher's default 4 KiB pages: damaged too, with the key.
    std::fs::write(&e.db, &pristine[..pristine.len() - 1000]).unwrap();
    for k in [&key, &wrong] {
        let err = fail_k(&e, k, &["list"]);
        assert!(err.contains("is damaged") && !err.contains("passphrase is wrong"), "{err}");
    }
    std::fs::write(&e.db, &pristine[..pristine.len() - 4096]).unwrap();
    let err = fail_k(&e, &key, &["list"]);
    assert!(err.contains("is damaged") && !err.contains("passphrase is wrong"), "{err}");

    // One page in the middle overwritten: the first page opens with the key, so a command
    // that reads the damaged page names the damage, `check` names it, and writes are refused.
    let mut bad = pristine.clone();
    let page = 16384 * (pristine.len() / 16384 / 2);
    for b in &mut bad[page + 100..page + 200] {
        *b ^= 0x55;
    }
    std::fs::write(&e.db, &bad).unwrap();
    let err = fail_k(&e, &key, &["check"]);
    assert!(err.contains("damaged page"), "{err}");
    assert!(!err.contains("passphrase is wrong"), "{err}");
    // Commands that read every page: the backup copy, and the re-encrypted copy of `rekey`.
    let before = names(&e);
    let err = fail_k(&e, &key, &["backup", "b.db"]);
    assert!(err.contains("is damaged") && err.contains("mh51 check"), "{err}");
    let new = e.path("new.key");
    std::fs::write(&new, "một câu khác hẳn luôn nhé\n").unwrap();
    std::fs::set_permissions(&new, std::fs::Permissions::from_mode(0o600)).unwrap();
    let err = fail_k(&e, &key, &["rekey", "--new-key-file", new.to_str().unwrap()]);
    assert!(err.contains("damaged"), "{err}");
    assert!(!err.contains("passphrase is wrong"), "{err}");
    let mut want = before.clone();
    want.push("new.key".into());
    want.sort();
    assert_eq!(names(&e), want, "a failed command left a file");
    assert_eq!(std::fs::read(&e.db).unwrap(), bad, "a refused command changed the damaged file");
}

#[test]
fn a_journal_left_beside_a_new_registers_name_is_refused_not_replayed() {
    // SQLite replays `NAME-wal` into a file called NAME the first time it opens it: a new
    // register never starts beside someone else's journal.
    let e = world();
    for (args, side) in [
        (&["backup", "b.db"][..], "b.db-wal"),
        (&["extract", "--ward", "1", "-o", "x.db"], "x.db-journal"),
        (&["--db", "n.db", "init"], "n.db-wal"),
    ] {
        std::fs::write(e.path(side), b"an old journal").unwrap();
        let before = dump(&e.db);
        let err = e.fail(args);
        assert!(err.contains(side) && err.contains("move it away"), "{err}");
        assert_eq!(dump(&e.db), before);
        let made = side.split('-').next().unwrap();
        assert!(!e.path(made).exists(), "{args:?} made {made}");
        assert_eq!(std::fs::read(e.path(side)).unwrap(), b"an old journal");
    }
}
