//! A small builder around the real binary: a temp directory and database per test, a clean
//! environment (fixed "today", fixed actor, English), and helpers that check the contract of
//! SPEC §4 — exit codes, `error:` messages, and that a refused command changes nothing.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use tempfile::TempDir;

/// "Today" for tests unless a test says otherwise.
pub const TODAY: &str = "2023-06-30";

/// The program under test: the Linux build, or what `MH51_TEST_EXE` names — a wrapper that
/// runs `mh51.exe` under Wine (`dist/wine-test.sh` makes one and runs a part of the suite
/// through it; see docs/windows.md).
pub fn bin() -> PathBuf {
    match std::env::var_os("MH51_TEST_EXE") {
        Some(exe) if !exe.is_empty() => PathBuf::from(exe),
        _ => PathBuf::from(env!("CARGO_BIN_EXE_mh51")),
    }
}

/// Whether the program under test is `mh51.exe` under Wine.
pub fn under_wine() -> bool {
    std::env::var_os("MH51_TEST_EXE").is_some_and(|e| !e.is_empty())
}

/// Run a line as a clerk types it, through bash in `dir` (mh51 on the PATH, a clean
/// environment with the tests' "today", actor `clerk`, `dir` as home, and `env` besides): for
/// the help's examples, which are shell lines.
pub fn bash_in(dir: &Path, line: &str, env: &[(&str, &str)]) -> Output {
    let bindir = bin().parent().expect("the binary's folder").to_path_buf();
    let mut c = Command::new("bash");
    c.arg("-c")
        .arg(line)
        .env_clear()
        .env("PATH", format!("{}:{}", bindir.display(), std::env::var("PATH").unwrap_or_default()))
        .env("MH51_TODAY", "2023-06-30")
        .env("MH51_ACTOR", "clerk")
        .env("HOME", dir)
        .current_dir(dir);
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().expect("running bash")
}

/// One test's world: a temp dir holding the database.
pub struct Env {
    pub dir: TempDir,
    pub db: PathBuf,
    pub today: String,
}

impl Env {
    /// An empty directory, no database yet.
    pub fn empty() -> Env {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join("test.db");
        Env { dir, db, today: TODAY.to_string() }
    }

    /// A database made by `init` (14 wards, quota 2).
    pub fn new() -> Env {
        let e = Env::empty();
        e.ok(&["init", "--district", "Quận 6"]);
        e
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// A command with the clean environment, not yet run.
    pub fn command(&self, args: &[&str]) -> Command {
        self.command_of(Command::new(bin()), args)
    }

    /// [`Env::command`] for another program (another build of mh51, or `wine` with an exe).
    pub fn command_of(&self, mut c: Command, args: &[&str]) -> Command {
        c.env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("MH51_DB", &self.db)
            .env("MH51_TODAY", &self.today)
            .env("MH51_ACTOR", "tester")
            .env("HOME", self.dir.path())
            .current_dir(self.dir.path())
            .args(args);
        // Wine's own settings (its prefix, its silenced debug channels, the test-only DLL
        // override) reach the wrapper; the program sees only the variables set above.
        for (k, v) in std::env::vars_os() {
            if k.to_str().is_some_and(|k| k.starts_with("WINE")) {
                c.env(k, v);
            }
        }
        c
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("running mh51")
    }

    /// Run, require exit 0, return stdout trimmed.
    pub fn ok(&self, args: &[&str]) -> String {
        let o = self.run(args);
        assert!(
            o.status.success(),
            "mh51 {args:?} failed ({:?})\nstdout: {}\nstderr: {}",
            o.status.code(),
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        );
        String::from_utf8(o.stdout).expect("utf-8 stdout").trim_end().to_string()
    }

    /// Run, require exit 1 and an `error:` message on stderr; return stderr.
    pub fn fail(&self, args: &[&str]) -> String {
        let o = self.run(args);
        let err = String::from_utf8_lossy(&o.stderr).to_string();
        assert_eq!(o.status.code(), Some(1), "mh51 {args:?} should be refused with exit 1; stderr: {err}");
        assert!(err.starts_with("error: "), "stderr should start with 'error: ', got: {err}");
        assert!(
            o.stdout.is_empty(),
            "a refused command prints nothing on stdout: {}",
            String::from_utf8_lossy(&o.stdout)
        );
        err
    }

    /// The command is refused, the message contains every needle, and the database is
    /// exactly as it was (every row of every table, including the audit log).
    pub fn refused(&self, args: &[&str], needles: &[&str]) -> String {
        let before = dump(&self.db);
        let err = self.fail(args);
        for n in needles {
            assert!(err.contains(n), "stderr of {args:?} should contain {n:?}, got: {err}");
        }
        let after = dump(&self.db);
        assert_eq!(before, after, "refused command {args:?} changed the database");
        err
    }

    /// Run a usage error: exit 2, database unchanged.
    pub fn usage(&self, args: &[&str]) -> String {
        let before = dump(&self.db);
        let o = self.run(args);
        assert_eq!(o.status.code(), Some(2), "mh51 {args:?} should be a usage error");
        assert_eq!(before, dump(&self.db));
        String::from_utf8_lossy(&o.stderr).to_string()
    }

    /// One value from the database (read-only connection).
    pub fn scalar(&self, sql: &str) -> String {
        let c =
            rusqlite::Connection::open_with_flags(&self.db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).expect("open");
        c.query_row(sql, [], |r| {
            let v: rusqlite::types::Value = r.get(0)?;
            Ok(match v {
                rusqlite::types::Value::Null => String::new(),
                rusqlite::types::Value::Integer(i) => i.to_string(),
                rusqlite::types::Value::Real(f) => f.to_string(),
                rusqlite::types::Value::Text(t) => t,
                rusqlite::types::Value::Blob(b) => format!("{b:?}"),
            })
        })
        .expect("query")
    }

    /// Open a read-write connection for tests that tamper with the file directly.
    pub fn raw(&self) -> rusqlite::Connection {
        rusqlite::Connection::open(&self.db).expect("open")
    }

    /// A member in ward `ward` of `org`, joined on 2020-01-01; returns the id.
    pub fn member(&self, name: &str, org: &str, ward: &str) -> String {
        self.ok(&["member", "add", name, "--org", org, "--ward", ward, "--joined", "2020-01-01"])
    }

    /// Enroll with the given extra arguments; returns the case number.
    pub fn enroll(&self, name: &str, ward: &str, date: &str, extra: &[&str]) -> String {
        let mut args = vec!["enroll", name, "--ward", ward, "--category", "prison", "--date", date];
        args.extend_from_slice(extra);
        self.ok(&args)
    }
}

/// What another SQLCipher 4 tool must run after `PRAGMA key` to open a register mh51
/// encrypts (docs/encryption.md): its pages are 16 KiB and authenticated by HMAC-SHA256.
/// A register encrypted by an earlier mh51 has SQLCipher's defaults and needs nothing.
pub const MH51_LAYOUT: &str = "PRAGMA cipher_page_size = 16384; PRAGMA cipher_hmac_algorithm = HMAC_SHA256;";

/// An encrypted file opened read-only as another SQLCipher tool would: the passphrase
/// itself (SQLCipher derives the key), then `layout` (`MH51_LAYOUT`, or `""` for SQLCipher
/// 4's defaults). Whether it opened shows on the first query.
pub fn keyed_as(db: &Path, pass: &str, layout: &str) -> rusqlite::Connection {
    let c = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    c.pragma_update(None, "key", pass).unwrap();
    c.pragma_update(None, "cipher_log_level", "NONE").unwrap();
    c.execute_batch(layout).unwrap();
    c
}

/// The schema (every table, index, view and trigger with its SQL) and every table's rows, in
/// a stable order, as text: two dumps are equal iff the schema and the data are.
pub fn dump(db: &Path) -> String {
    if !db.exists() {
        return "<no database>".into();
    }
    let c = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).expect("open");
    let mut out = String::new();
    let schema: Vec<String> = c
        .prepare("SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_master ORDER BY type, name")
        .unwrap()
        .query_map([], |r| {
            Ok(format!(
                "{} {} on {}: {}",
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?
            ))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    out.push_str("== sqlite_master\n");
    for line in schema {
        out.push_str(&line);
        out.push('\n');
    }
    out.push_str(&dump_rows(db));
    out
}

/// Every table's rows and the schema version, without the schema itself (for comparing the
/// data of two schema versions).
pub fn dump_rows(db: &Path) -> String {
    if !db.exists() {
        return "<no database>".into();
    }
    let c = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).expect("open");
    dump_rows_of(&c, i64::MAX)
}

/// [`dump_rows`] over an open connection (a keyed one for an encrypted register), the audit
/// log up to row `max_seq`.
pub fn dump_rows_of(c: &rusqlite::Connection, max_seq: i64) -> String {
    let mut out = String::new();
    let tables: Vec<String> = c
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for t in tables {
        out.push_str(&format!("== {t}\n"));
        let filter = if ["audit_log", "ledger", "row_versions"].contains(&t.as_str()) {
            format!(" WHERE seq <= {max_seq}")
        } else {
            String::new()
        };
        // WITHOUT ROWID tables (the ward history) have no rowid: their key order instead.
        let mut stmt = c
            .prepare(&format!("SELECT * FROM \"{t}\"{filter} ORDER BY rowid"))
            .or_else(|_| c.prepare(&format!("SELECT * FROM \"{t}\"{filter} ORDER BY 1, 2")))
            .unwrap();
        let n = stmt.column_count();
        let mut rows = stmt.query([]).unwrap();
        while let Some(r) = rows.next().unwrap() {
            let vals: Vec<String> =
                (0..n).map(|i| format!("{:?}", r.get::<_, rusqlite::types::Value>(i).unwrap())).collect();
            out.push_str(&vals.join("|"));
            out.push('\n');
        }
    }
    let v: i64 = c.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    out.push_str(&format!("user_version {v}\n"));
    out
}

/// Parse CSV text into rows of strings (header included).
pub fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let mut r = csv::ReaderBuilder::new().has_headers(false).from_reader(text.as_bytes());
    r.records().map(|rec| rec.unwrap().iter().map(String::from).collect()).collect()
}
