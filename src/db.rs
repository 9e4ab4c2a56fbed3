//! The one way to open a database.
//!
//! # Opening
//! `create_new` makes a new file (mode 0600, refusing an existing path; put in place by
//! `finish_create`) and applies the schema;
//! `open` opens an existing file read-write without ever creating one; `open_read_only`
//! uses read-only flags plus `PRAGMA query_only`. Every connection gets the pragmas of
//! SPEC §8: foreign keys on, WAL, `synchronous=FULL`, a busy timeout.
//!
//! # Migrations
//! `schema.sql` is the whole current schema; a new database gets it in one step.
//! `MIGRATIONS` (files in `migrations/`) is an append-only list; entry *i* takes a database
//! from `user_version` *i* to *i+1*. Never edit a shipped migration: add one, and change
//! `schema.sql` to match (a test checks that a fresh and a migrated database have the same
//! schema). Opening checks `user_version` alone
//! (no work proportional to the file's size). A newer database is refused untouched. An
//! older one is refused untouched by a read-only open (SPEC §16: `mh51 migrate` upgrades it);
//! a read-write open (`mh51 migrate`, or any write command) first copies it beside itself
//! (`FILE.vN.bak`, e.g. `mh51.db.v1.bak`), then migrates it in one transaction that also
//! appends one `migrate` audit row (from, to).
//!
//! # Paths
//! Every name handed to SQLite is absolute (an existing register resolved to its real file,
//! links followed), so it is never read as a URI; every new file (register, copy) is made
//! through `crate::paths::NewFile`: built under a temporary name and put in place whole.
//!
//! # The key (encrypted registers, SPEC §14)
//! A register may be encrypted with SQLCipher 4 (AES-256, PBKDF2-HMAC-SHA512 with 256,000
//! iterations; 16 KiB pages with HMAC-SHA256 per page, or in a register an earlier mh51
//! encrypted 8 KiB pages with HMAC-SHA256 or SQLCipher's default 4 KiB pages with HMAC-SHA512:
//! [`Layout`]). Whether a connection needs a key is
//! decided here, from the file itself: a plain SQLite file starts with `SQLite format 3\0`,
//! an encrypted one with random salt. Every function that opens a file takes
//! `Option<&Key>`; for an encrypted file `PRAGMA key` and the file's layout are the first
//! statements on the connection (read-write, read-only, backup destination, migration copy, creation), for a
//! plain file the key is ignored and nothing changes. Where the passphrase comes from
//! (terminal, key file) is `cmd`'s business; it reaches this module only as a `Key`.
//! SQLCipher's own log (which would print "hmac check failed" on stderr for a wrong
//! passphrase) is switched off right after the key is given, on every keyed connection.
//!
//! # Writes
//! Every write command runs in `write`, one `BEGIN IMMEDIATE` transaction that commits only
//! if the whole closure succeeds; dropping it rolls back, so a refused command changes nothing.

use crate::paths::{self, NewFile};
use std::path::Path;
use std::time::Duration;

use anyhow::{Context, Result};
use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

/// The first 16 bytes of every plain SQLite file.
const PLAIN_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// Shortest passphrase accepted for a new key (SPEC §14).
pub const MIN_PASSPHRASE: usize = 12;

/// A passphrase, held only in memory while the command runs and wiped when dropped, with the
/// keys derived from it in this run. `Debug` never shows either.
///
/// SQLCipher 4 turns a passphrase into the file's key with PBKDF2-HMAC-SHA512 over the
/// file's 16-byte salt (the file's first 16 bytes), 256,000 iterations, 32 bytes: about 0.1–0.2 s
/// of CPU, paid by every connection given the passphrase. mh51 does that derivation itself,
/// once per salt per run ([`Key::derivations`] counts them), and gives every connection the
/// raw key (`PRAGMA key = "x'…'"`), which SQLCipher uses as is. The file is the same as if
/// SQLCipher had derived the key: any SQLCipher 4 tool opens it with the passphrase (and the
/// two `PRAGMA`s of [`Layout::Mh51`]).
/// Clones share what was derived, so a command that opens several connections derives once.
///
/// The passphrase is NFC-normalised (SPEC §16): "phường" typed with a precomposed "ờ" (as
/// Windows keyboards and Unikey write it) and with "o" + two combining marks (as some
/// systems and copied text do) is the same passphrase, so a register encrypted on one
/// machine opens on another.
#[derive(Clone)]
pub struct Key {
    passphrase: zeroize::Zeroizing<String>,
    derived: std::sync::Arc<std::sync::Mutex<Vec<Derived>>>,
}

/// One derived key and the salt it was derived over.
struct Derived {
    salt: [u8; SALT_LEN],
    key: zeroize::Zeroizing<[u8; KEY_LEN]>,
}

/// SQLCipher 4's defaults (`cipher_default_kdf_iter`, key and salt sizes): never lowered.
pub const KDF_ITERATIONS: u32 = 256_000;
const KEY_LEN: usize = 32;
const SALT_LEN: usize = 16;

/// How many keys this process has derived from a passphrase (PBKDF2 runs), for the test that
/// a command derives at most once (`MH51_COUNT_KDF=1` prints it at exit).
static DERIVATIONS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// The time this process has spent in those derivations, in microseconds (`MH51_KDF_TIME=1`
/// prints it at exit, for bench/encrypted.sh).
static DERIVATION_MICROS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// Set by [`trace_key_derivation`]: SQLCipher logs every key it is given on stderr.
static TRACE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// For the test that counts key derivations (`MH51_COUNT_KDF=1`, read by `main`): SQLCipher's
/// own debug log stays on, so stderr shows how each connection got its key — `using raw key
/// from hex`, or `deriving key using full PBKDF2` if SQLCipher ever derived one itself (never).
pub fn trace_key_derivation() {
    TRACE.store(true, std::sync::atomic::Ordering::Relaxed);
}

impl Key {
    /// A passphrase to open an existing register (any length: a wrong one is refused by
    /// the file itself).
    pub fn new(passphrase: String) -> Key {
        use unicode_normalization::UnicodeNormalization;
        let passphrase = zeroize::Zeroizing::new(passphrase);
        Key { passphrase: zeroize::Zeroizing::new(passphrase.nfc().collect()), derived: Default::default() }
    }

    /// A passphrase to encrypt with: at least `MIN_PASSPHRASE` characters.
    pub fn new_passphrase(passphrase: String) -> Result<Key> {
        let key = Key::new(passphrase);
        let n = key.passphrase.chars().count();
        if n < MIN_PASSPHRASE {
            crate::refuse_w!("db-passphrase-short", n = n, min = MIN_PASSPHRASE);
        }
        Ok(key)
    }

    /// The number of key derivations this process has run so far.
    pub fn derivations() -> usize {
        DERIVATIONS.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// The time this process has spent deriving keys so far, in microseconds.
    pub fn derivation_micros() -> u64 {
        DERIVATION_MICROS.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// For bench/encrypted.sh (`MH51_BENCH_DERIVE=1`, read by `main`): one derivation exactly
    /// like a register's (PBKDF2-HMAC-SHA512, [`KDF_ITERATIONS`], by OpenSSL) of a fixed
    /// passphrase and salt, whose key is used for nothing, so that a run on a plain register
    /// can carry the same derivation as one on an encrypted register and the two be compared
    /// beyond it. Its time is added to [`Key::derivation_micros`]; it is not counted in
    /// [`Key::derivations`] (no register's key was derived).
    pub fn bench_derivation() -> Result<()> {
        let mut key = zeroize::Zeroizing::new([0u8; KEY_LEN]);
        timed_pbkdf2(b"mh51 bench", &[0x5a; SALT_LEN], &mut key[..])
    }

    fn cache(&self) -> std::sync::MutexGuard<'_, Vec<Derived>> {
        // A panic while holding the lock cannot leave the list half-changed (one push).
        self.derived.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The key of a file whose salt is `salt`, derived now unless this run already has it.
    ///
    /// PBKDF2-HMAC-SHA512 through OpenSSL, the library SQLCipher itself uses (vendored by
    /// rusqlite; the `openssl` crate links the same copy): the derivation is then also
    /// OpenSSL's start (its providers, and the tables of the MACs and digests SQLCipher
    /// fetches for every page), which the first page read paid for after the derivation when
    /// it was done by the `sha2` crate — about 1.5 ms of every command on an encrypted
    /// register (BENCHMARKS.md, issue 20) — and OpenSSL's SHA-512 is faster here. A unit test
    /// checks it against RustCrypto's `pbkdf2` and RFC test vectors; every encrypted test
    /// checks it against SQLCipher's own derivation (files made by one open with the other).
    fn derive(&self, salt: [u8; SALT_LEN]) -> Result<zeroize::Zeroizing<[u8; KEY_LEN]>> {
        let mut cache = self.cache();
        if let Some(d) = cache.iter().find(|d| d.salt == salt) {
            return Ok(d.key.clone());
        }
        let mut key = zeroize::Zeroizing::new([0u8; KEY_LEN]);
        timed_pbkdf2(self.passphrase.as_bytes(), &salt, &mut key[..])?;
        DERIVATIONS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        cache.push(Derived { salt, key: key.clone() });
        Ok(key)
    }

    /// SQLCipher's raw key for an existing file with salt `salt`: `x'<64 hex>'` (SQLCipher
    /// reads the salt from the file and derives nothing).
    fn raw_existing(&self, salt: [u8; SALT_LEN]) -> Result<zeroize::Zeroizing<String>> {
        let key = self.derive(salt)?;
        let mut s = zeroize::Zeroizing::new(String::with_capacity(3 + 2 * KEY_LEN));
        s.push_str("x'");
        push_hex(&mut s, &key[..]);
        s.push('\'');
        Ok(s)
    }

    /// SQLCipher's raw key and salt for a new, empty file: `x'<64 hex key><32 hex salt>'`.
    /// A file made in a run that already derived a key (a backup, an extract, a migration
    /// copy of an open register) takes that key and its salt, deriving nothing; otherwise a
    /// random salt is drawn and the key derived over it once (`init --encrypt`, `encrypt`,
    /// `rekey`'s new passphrase).
    fn raw_new(&self) -> Result<zeroize::Zeroizing<String>> {
        let known = self.cache().first().map(|d| d.salt);
        let salt = match known {
            Some(s) => s,
            None => {
                let mut s = [0u8; SALT_LEN];
                getrandom::fill(&mut s).map_err(|e| anyhow::anyhow!("drawing a random salt: {e}"))?;
                s
            }
        };
        let key = self.derive(salt)?;
        let mut s = zeroize::Zeroizing::new(String::with_capacity(3 + 2 * (KEY_LEN + SALT_LEN)));
        s.push_str("x'");
        push_hex(&mut s, &key[..]);
        push_hex(&mut s, &salt);
        s.push('\'');
        Ok(s)
    }

    /// The raw key for the file at `path`: its own salt when it is an encrypted file, a new
    /// file's key and salt when it is empty or missing.
    fn raw_for(&self, path: &Path) -> Result<zeroize::Zeroizing<String>> {
        match salt_of(path)? {
            Some(salt) => self.raw_existing(salt),
            None => self.raw_new(),
        }
    }
}

fn push_hex(s: &mut String, bytes: &[u8]) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    for b in bytes {
        s.push(HEX[usize::from(b >> 4)] as char);
        s.push(HEX[usize::from(b & 15)] as char);
    }
}

/// The salt of an encrypted file (its first 16 bytes); `None` for a missing or empty file
/// (a new one) or one too short to have been written by SQLCipher.
fn salt_of(path: &Path) -> Result<Option<[u8; SALT_LEN]>> {
    use std::io::Read;
    let mut f = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e).with_context(|| format!("reading {}", path.display())),
    };
    let mut head = [0u8; SALT_LEN];
    let mut n = 0;
    while n < head.len() {
        match f.read(&mut head[n..]).with_context(|| format!("reading {}", path.display()))? {
            0 => break,
            k => n += k,
        }
    }
    Ok((n == head.len()).then_some(head))
}

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Key(…)")
    }
}

/// Whether `path` is an encrypted register: an existing file of at least one header's
/// length that does not start with the plain SQLite header. (A missing or empty file is
/// not encrypted; opening it fails with its own message.)
pub fn is_encrypted(path: &Path) -> Result<bool> {
    use std::io::Read;
    let mut f = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(e).with_context(|| format!("reading {}", path.display())),
    };
    let mut head = [0u8; 16];
    let mut n = 0;
    while n < head.len() {
        match f.read(&mut head[n..]).with_context(|| format!("reading {}", path.display()))? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n == head.len() && &head != PLAIN_HEADER)
}

/// How an encrypted file's pages are laid out (SPEC §14 revised, issue 20). The key
/// derivation (PBKDF2-HMAC-SHA512, 256,000 iterations, 16-byte salt) and AES-256 are SQLCipher
/// 4's in every layout; what differs is the page size and the HMAC that authenticates every
/// page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// What mh51 writes since 7 December 2026: 16 KiB pages and HMAC-SHA256 per page.
    /// Measured on the city (BENCHMARKS.md): what an encrypted report costs beyond the key is
    /// the check and decryption of every page it reads, part by the byte (the HMAC and AES)
    /// and part by the page (SQLCipher's set-up of both for each page, the read, the copy);
    /// SQLCipher's defaults (HMAC-SHA512 over 4 KiB pages) could not keep `overdue` and
    /// `list` within 1.2 × the plain register, and 8 KiB pages with HMAC-SHA256 only just.
    /// Another SQLCipher 4 tool opens such a file after `PRAGMA key = '…'; PRAGMA
    /// cipher_page_size = 16384; PRAGMA cipher_hmac_algorithm = HMAC_SHA256;`
    /// (docs/encryption.md). A plain register keeps its 8 KiB pages.
    Mh51,
    /// 8 KiB pages and HMAC-SHA256: what mh51 wrote from 3 to 7 December 2026. Such
    /// registers open and work as before, their backups keep it, and `rekey` rewrites them as
    /// [`Layout::Mh51`].
    Eight,
    /// SQLCipher 4's defaults: 4 KiB pages, HMAC-SHA512. Registers encrypted by an mh51
    /// before December 2026 have it; as [`Layout::Eight`], they keep working until `rekey`.
    Defaults,
}

impl Layout {
    /// Every layout mh51 opens, in the order an existing file is tried: the newest first.
    const ALL: [Layout; 3] = [Layout::Mh51, Layout::Eight, Layout::Defaults];

    /// The `PRAGMA`s that give this layout: `cipher_` to a keyed connection's file, before
    /// its first page is read; `cipher_default_` to the files attached after them.
    fn pragmas(self, prefix: &str) -> String {
        let hmac = match self {
            Layout::Mh51 | Layout::Eight => "HMAC_SHA256",
            Layout::Defaults => "HMAC_SHA512",
        };
        let page = self.page_size();
        format!("PRAGMA {prefix}page_size = {page}; PRAGMA {prefix}hmac_algorithm = {hmac};")
    }

    fn page_size(self) -> u64 {
        match self {
            Layout::Mh51 => 16384,
            Layout::Eight => 8192,
            Layout::Defaults => 4096,
        }
    }

    /// The layout of the encrypted file that `conn` has open (`check` names an older one).
    pub fn of(conn: &Connection) -> Result<Layout> {
        let page: u64 = conn
            .query_row("PRAGMA cipher_page_size", [], |r| r.get::<_, String>(0))
            .context("reading the register's page size")?
            .parse()
            .context("reading the register's page size")?;
        Ok(Layout::ALL.into_iter().find(|l| l.page_size() == page).unwrap_or(Layout::Mh51))
    }
}

/// The layout of the existing encrypted file at `path`, found by opening its first page
/// with `raw` (its raw key) in each layout on a connection of its own; `None` when none
/// opens it (a wrong passphrase or a damaged first page: the command's own connection then
/// says which). No key is derived: `raw` is the key itself.
fn layout_of_file(path: &Path, raw: &str) -> Option<Layout> {
    let real = paths::real(path).ok()?;
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let opens = |layout: Layout| -> Result<()> {
        let conn = Connection::open_with_flags(&real, flags)?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        key_with(&conn, raw, layout)?;
        conn.query_row("SELECT count(*) FROM sqlite_master", [], |_| Ok(()))?;
        Ok(())
    };
    Layout::ALL.into_iter().find(|&l| opens(l).is_ok())
}

/// `ATTACH DATABASE name AS schema KEY secret` (`secret` empty: a plain file), in `layout`
/// when encrypted. SQLite reads an attached file's first page at once, with SQLCipher's
/// defaults for new connections, so those are set to `layout` first (every keyed connection
/// of mh51 sets its own layout, so nothing else depends on them).
fn attach(conn: &Connection, name: &str, schema: &str, secret: &str, layout: Option<Layout>) -> Result<()> {
    if let Some(layout) = layout {
        conn.execute_batch(&layout.pragmas("cipher_default_"))
            .context("setting the page layout of the file to attach")?;
    }
    conn.execute(&format!("ATTACH DATABASE ?1 AS {schema} KEY ?2"), rusqlite::params![name, secret])?;
    Ok(())
}

/// Give `key` to a fresh connection: the first statements on it, the raw key for the
/// connection's file (see [`Key`]: derived at most once per run and salt) and its
/// [`Layout`] — the file's own for an existing one, [`Layout::Mh51`] for a new one.
fn apply_key(conn: &Connection, key: &Key) -> Result<()> {
    let path = Path::new(conn.path().filter(|p| !p.is_empty()).context("giving the key to a database without a file")?);
    match salt_of(path)? {
        Some(salt) => {
            let raw = key.raw_existing(salt)?;
            // The file's layout is found on this connection itself: keyed in mh51's layout
            // and then, if its first page does not open, keyed again in each older one
            // (SQLCipher attaches a new key to a connection whose key has not yet read a
            // page). A second connection to try them cost every command on an encrypted
            // register about 2 ms (BENCHMARKS.md, issue 20).
            conn.busy_timeout(BUSY_TIMEOUT)?;
            let mut layout = None;
            for l in Layout::ALL {
                key_with(conn, &raw, l)?;
                if conn.query_row("PRAGMA user_version", [], |_| Ok(())).is_ok() {
                    layout = Some(l);
                    break;
                }
            }
            match layout {
                // The first page opened, so the key is right: a length that is not a whole
                // number of the file's pages is damage (a command that never reads the last
                // page would not see it).
                Some(l) if std::fs::metadata(path).is_ok_and(|m| m.len() % l.page_size() != 0) => Err(damaged(path)),
                Some(_) => Ok(()),
                // None opened it (a wrong passphrase or a damaged first page): keyed as
                // a new file would be, and the command's first read says which.
                None => key_with(conn, &raw, Layout::Mh51),
            }
        }
        None => key_with(conn, &key.raw_new()?, Layout::Mh51),
    }
}

/// [`pbkdf2_sha512`] with [`KDF_ITERATIONS`], its time added to [`DERIVATION_MICROS`].
fn timed_pbkdf2(pass: &[u8], salt: &[u8], out: &mut [u8]) -> Result<()> {
    let started = std::time::Instant::now();
    pbkdf2_sha512(pass, salt, KDF_ITERATIONS, out)?;
    let micros = u64::try_from(started.elapsed().as_micros()).unwrap_or(u64::MAX);
    DERIVATION_MICROS.fetch_add(micros, std::sync::atomic::Ordering::Relaxed);
    Ok(())
}

/// PBKDF2-HMAC-SHA512 of `pass` and `salt` into `out`, by OpenSSL (see [`Key::derive`]).
fn pbkdf2_sha512(pass: &[u8], salt: &[u8], iterations: u32, out: &mut [u8]) -> Result<()> {
    openssl::pkcs5::pbkdf2_hmac(pass, salt, iterations as usize, openssl::hash::MessageDigest::sha512(), out)
        .map_err(|e| anyhow::anyhow!("deriving the key (OpenSSL: {e})"))
}

/// `PRAGMA key` with the raw key `raw`, then `layout`'s settings. SQLCipher's log goes off
/// right after the key (it is global and set on first use of a key; see the module docs).
fn key_with(conn: &Connection, raw: &str, layout: Layout) -> Result<()> {
    let trace = TRACE.load(std::sync::atomic::Ordering::Relaxed);
    if trace {
        conn.pragma_update(None, "cipher_log_level", "DEBUG").context("turning on SQLCipher's log")?;
    }
    // Built and dropped as a wiped string; SQLCipher keeps its own copy.
    let sql = zeroize::Zeroizing::new(format!("PRAGMA key = \"{raw}\""));
    conn.execute_batch(&sql).context("giving the key to the database")?;
    if !trace {
        conn.pragma_update(None, "cipher_log_level", "NONE").context("silencing SQLCipher's log")?;
    }
    conn.execute_batch(&layout.pragmas("cipher_")).context("setting the register's page layout")?;
    Ok(())
}

/// Key a connection to an existing file when the file is encrypted; refuse when it is and
/// no key was given. Returns the key in use (`None` for a plain file, whatever was given).
fn key_existing<'k>(conn: &Connection, path: &Path, key: Option<&'k Key>) -> Result<Option<&'k Key>> {
    if !is_encrypted(path)? {
        return Ok(None);
    }
    match key {
        Some(k) => apply_key(conn, k).map(|()| Some(k)),
        None => Err(needs_key(path)),
    }
}

/// The refusal when an encrypted file is opened with no passphrase at hand.
pub fn needs_key(path: &Path) -> anyhow::Error {
    crate::refusal_w!("db-needs-key", path = path.display().to_string()).into()
}

fn wrong_key(path: &Path) -> anyhow::Error {
    crate::refusal_w!("db-wrong-key", path = path.display().to_string()).into()
}

/// Whether an encrypted file whose first page did not open has a length that is not a whole
/// number of pages of the smallest layout's size (or is less than one): it was cut short or
/// grown by something else than SQLite, so it is damage, not a wrong passphrase.
fn truncated(path: &Path) -> bool {
    let page = Layout::ALL.into_iter().map(Layout::page_size).min().unwrap_or(4096);
    std::fs::metadata(path).is_ok_and(|m| m.len() < page || m.len() % page != 0)
}

/// The refusal of a register whose file is damaged (SPEC §16: named for what it is).
pub fn damaged(path: &Path) -> anyhow::Error {
    crate::refusal_w!("db-damaged", path = path.display().to_string()).into()
}

/// Whether `e` is SQLite reporting a damaged file (a page that fails SQLCipher's check or
/// SQLite's own structure checks) on a file whose first page opened.
pub fn is_damage(e: &anyhow::Error) -> bool {
    use rusqlite::ErrorCode::{DatabaseCorrupt, NotADatabase};
    e.chain().any(|c| {
        matches!(c.downcast_ref::<rusqlite::Error>(),
                 Some(rusqlite::Error::SqliteFailure(f, _)) if matches!(f.code, DatabaseCorrupt | NotADatabase))
    })
}

/// Whether an encrypted register has a page that fails SQLCipher's check (`PRAGMA
/// cipher_integrity_check`), asked after a command on it failed with a SQLite error: SQLCipher
/// reports such a page as a plain "SQL logic error", so the file is looked at to say which it
/// was. False when it cannot tell (no key, first page unreadable).
pub fn cipher_damaged(path: &Path, key: Option<&Key>) -> bool {
    let Some(key) = key else { return false };
    if !is_encrypted(path).unwrap_or(false) {
        return false;
    }
    let Ok(conn) = ro(path, Some(key)) else { return false };
    if check_version(&conn, path).is_err() {
        return false;
    }
    let found = conn
        .prepare("PRAGMA cipher_integrity_check")
        .and_then(|mut s| s.query_map([], |r| r.get::<_, String>(0))?.collect::<rusqlite::Result<Vec<String>>>());
    found.is_ok_and(|f| !f.is_empty())
}

/// Whether `e` comes from SQLite (not a refusal of mh51's own).
pub fn is_sqlite_error(e: &anyhow::Error) -> bool {
    e.chain().any(|c| c.downcast_ref::<rusqlite::Error>().is_some())
}

/// The whole current schema, for new databases.
pub const SCHEMA: &str = include_str!("../schema.sql");

/// Schema migrations, in order. Entry 0 creates version 1 from an empty file.
pub const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/0001_initial.sql"),
    include_str!("../migrations/0002_no_delete.sql"),
    include_str!("../migrations/0003_partial_release_index.sql"),
    include_str!("../migrations/0004_ward_history.sql"),
    include_str!("../migrations/0005_ledger.sql"),
    include_str!("../migrations/0006_void_contacts.sql"),
    include_str!("../migrations/0007_signing_key.sql"),
    include_str!("../migrations/0008_sent_periods.sql"),
    include_str!("../migrations/0009_check_lists.sql"),
];

/// The migrations that edit table definitions in `sqlite_schema` (by their number): SQLite's
/// procedure for changing a CHECK constraint without rewriting a row. [`migrate`] opens the
/// schema for writing around them and then bumps `schema_version`, so that every connection
/// reads the new definitions.
const EDITS_DEFINITIONS: &[usize] = &[9];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// A read-write connection's page cache: 16 MB (negative `cache_size` is KiB), bounded well under the
/// 50 MB a command may use.
const CACHE_KIB: i64 = -16_000;

/// A read-only connection's page cache: 8 MB (see `read_only_pragmas`).
const READ_CACHE_KIB: i64 = -8_000;

fn flags_rw() -> OpenFlags {
    OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX
}

/// The refusal of a database path that is already taken (a file, or a link even to nothing):
/// mh51 never overwrites a register. `create` checks it; a command that must refuse before
/// doing anything else (asking a passphrase) calls it first.
///
/// A journal left beside the name by an earlier file (`NAME-wal`, `NAME-journal`) is refused
/// too: SQLite would replay it into the new register the first time it is opened.
pub fn refuse_existing(path: &Path) -> Result<()> {
    paths::refuse_taken(path)?;
    for suffix in ["-wal", "-journal", "-shm"] {
        let side = beside(path, suffix);
        if std::fs::symlink_metadata(&side).is_ok() {
            crate::refuse_w!(
                "db-side-file-exists",
                side = side.display().to_string(),
                path = path.display().to_string()
            );
        }
    }
    Ok(())
}

/// The refusal of a database that does not exist, saying how to create one.
pub fn require_existing(path: &Path) -> Result<()> {
    if !path.is_file() {
        return Err(missing(path));
    }
    Ok(())
}

/// SPEC §18: the message names the folder looked in, `--db` and `MH51_DB`.
fn missing(path: &Path) -> anyhow::Error {
    let folder = match path.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(p) => std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf()),
        None => std::env::current_dir().unwrap_or_default(),
    };
    let (p, f) = (path.display().to_string(), folder.display().to_string());
    crate::domain::error::Refusal::new(
        crate::w!(false, "db-missing", path = &p, folder = &f),
        crate::w!(true, "db-missing", path = &p, folder = &f),
    )
    .into()
}

/// Create a new database (mode 0600, refusing a taken path, never following a link) with
/// the current schema, encrypted with `key` when one is given. It is built under a private
/// temporary name beside `path` (`crate::paths::NewFile`); [`finish_create`] puts it in
/// place, and dropping the `NewFile` instead (the command failed) removes it.
pub fn create_new(path: &Path, key: Option<&Key>) -> Result<(Connection, NewFile)> {
    create_new_kind(path, key, SCHEMA, SCHEMA_VERSION, 0)
}

/// [`create_new`] for a file of any kind mh51 writes: the ward's register (`application_id`
/// 0, as it always was) or the city register (`crate::upward`, its own schema, version and
/// `PRAGMA application_id`, so that no command takes one for the other).
pub fn create_new_kind(
    path: &Path,
    key: Option<&Key>,
    schema: &str,
    version: i64,
    application_id: i32,
) -> Result<(Connection, NewFile)> {
    refuse_existing(path)?;
    let (file, f) = NewFile::create(path)?;
    drop(f);
    let tmp = file.tmp();
    let mut conn =
        Connection::open_with_flags(tmp, flags_rw()).with_context(|| format!("opening {}", path.display()))?;
    match key {
        // An encrypted register gets mh51's layout (16 KiB pages, HMAC-SHA256: `Layout`).
        Some(k) => apply_key(&conn, k)?,
        // 8 KiB pages: shallower indexes for a register of a city's size (fewer page visits
        // per insert and lookup). Only possible before the first table exists.
        None => conn.pragma_update(None, "page_size", 8192).context("setting the page size")?,
    }
    configure(&conn)?;
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    tx.execute_batch(schema).context("creating the schema")?;
    tx.pragma_update(None, "user_version", version)?;
    if application_id != 0 {
        tx.pragma_update(None, "application_id", application_id)?;
    }
    tx.commit().context("committing the schema")?;
    Ok((conn, file))
}

/// A new database with only the schema, put in place at once, and opened (for tools and
/// tests that fill a register themselves; commands use [`create_new`]).
pub fn create(path: &Path, key: Option<&Key>) -> Result<Connection> {
    let (conn, file) = create_new(path, key)?;
    finish_create(conn, file)?;
    open(path, key)
}

/// Close a database made by [`create_new`] (which empties its WAL into it) and put it in
/// place.
pub fn finish_create(conn: Connection, file: NewFile) -> Result<()> {
    conn.close().map_err(|(_, e)| e).context("closing the new database")?;
    file.commit()
}

/// Open an existing database read-write, migrating an older schema (after a backup copy,
/// with one `migrate` audit row). `key` is used only when the file is encrypted. SQLite is
/// given the real file (links resolved, absolute: never a URI, see `crate::paths`).
pub fn open(path: &Path, key: Option<&Key>) -> Result<Connection> {
    require_existing(path)?;
    let real = paths::real(path)?;
    let before = file_id(path);
    let mut conn =
        Connection::open_with_flags(&real, flags_rw()).with_context(|| format!("opening {}", path.display()))?;
    let key = key_existing(&conn, path, key)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    let version = check_version(&conn, path)?;
    configure(&conn)?;
    remember_file(&conn, path, before)?;
    if version < SCHEMA_VERSION {
        backup_before_migration(&conn, path, version, key)?;
        migrate(&mut conn, version)?;
    }
    Ok(conn)
}

/// Open read-only: read-only flags and `query_only`, so nothing can write through it.
///
/// An older schema is refused, untouched, saying that `mh51 migrate` upgrades it (SPEC §16:
/// a read-only command never migrates).
pub fn open_read_only(path: &Path, key: Option<&Key>) -> Result<Connection> {
    require_existing(path)?;
    let conn = ro(path, key)?;
    let version = check_version(&conn, path)?;
    if version < SCHEMA_VERSION {
        crate::refuse_w!(
            "db-older-read-only",
            path = path.display().to_string(),
            version = version,
            current = SCHEMA_VERSION
        );
    }
    read_only_pragmas(conn)
}

/// `mh51 migrate`: the schema version the file had, and the backup copy when it was
/// older (`None`: already current, nothing done).
pub fn migrate_file(path: &Path, key: Option<&Key>) -> Result<(i64, Option<std::path::PathBuf>)> {
    require_existing(path)?;
    let real = paths::real(path)?;
    let mut conn =
        Connection::open_with_flags(&real, flags_rw()).with_context(|| format!("opening {}", path.display()))?;
    let key = key_existing(&conn, path, key)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    let version = check_version(&conn, path)?;
    configure(&conn)?;
    if version == SCHEMA_VERSION {
        return Ok((version, None));
    }
    let bak = backup_before_migration(&conn, path, version, key)?;
    migrate(&mut conn, version)?;
    Ok((version, Some(bak)))
}

fn ro(path: &Path, key: Option<&Key>) -> Result<Connection> {
    let real = paths::real(path)?;
    let conn = Connection::open_with_flags(&real, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)
        .with_context(|| format!("opening {} read-only", path.display()))?;
    key_existing(&conn, path, key)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    Ok(conn)
}

fn read_only_pragmas(conn: Connection) -> Result<Connection> {
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // An 8 MB page cache (SQLite's default is 2 MB): on an encrypted register a page read
    // again after it left the cache is decrypted and authenticated again. Not the 16 MB of a
    // read-write connection: a city's report then peaked at 46 MB against the 50 MB bound,
    // for no measurable gain once the reports read their pages in order (BENCHMARKS.md).
    conn.pragma_update(None, "cache_size", READ_CACHE_KIB)?;
    conn.pragma_update(None, "query_only", "ON")?;
    Ok(conn)
}

/// Open an existing file of another kind than a ward's register (the city register,
/// `crate::upward`): the same path rules, key, flags and pragmas as [`open`] and
/// [`open_read_only`], and no migration. Returns the connection with the file's
/// `user_version` and `application_id`, for the caller to decide whether it is its kind.
pub fn open_kind(path: &Path, key: Option<&Key>, read_only: bool) -> Result<(Connection, i64, i32)> {
    require_existing(path)?;
    let conn = if read_only {
        ro(path, key)?
    } else {
        let real = paths::real(path)?;
        let before = file_id(path);
        let conn =
            Connection::open_with_flags(&real, flags_rw()).with_context(|| format!("opening {}", path.display()))?;
        key_existing(&conn, path, key)?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        header_version(&conn, path)?;
        configure(&conn)?;
        remember_file(&conn, path, before)?;
        conn
    };
    let version = header_version(&conn, path)?;
    let app_id: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
    let conn = if read_only { read_only_pragmas(conn)? } else { conn };
    Ok((conn, version, app_id))
}

fn check_version(conn: &Connection, path: &Path) -> Result<i64> {
    let version = header_version(conn, path)?;
    // A city register is a file of its own kind (SPEC §19): no ward command reads or
    // migrates it.
    let app_id: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
    if app_id == crate::upward::APPLICATION_ID {
        return Err(crate::upward::store::not_a_ward(path));
    }
    if version > SCHEMA_VERSION {
        crate::refuse_w!("db-newer", path = path.display().to_string(), version = version, current = SCHEMA_VERSION);
    }
    if version == 0 {
        crate::refuse_w!("db-version-zero", path = path.display().to_string());
    }
    Ok(version)
}

/// The file's `user_version`, read from its header; reading it is also what proves an
/// encrypted file's key (SQLCipher checks the first page's HMAC here).
fn header_version(conn: &Connection, path: &Path) -> Result<i64> {
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(|_| {
        if is_encrypted(path).unwrap_or(true) {
            // A length that is not a whole number of pages is damage whatever the key: say
            // so instead of blaming the passphrase.
            if truncated(path) {
                return damaged(path);
            }
            return wrong_key(path);
        }
        crate::refusal_w!("db-not-sqlite", path = path.display().to_string()).into()
    })?;
    Ok(version)
}

fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.pragma_update(None, "foreign_keys", "ON").context("enabling foreign keys")?;
    let mode: String =
        conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0)).context("setting WAL journal mode")?;
    if !mode.eq_ignore_ascii_case("wal") {
        anyhow::bail!("could not switch the database to WAL (journal mode is {mode})");
    }
    conn.pragma_update(None, "synchronous", "FULL").context("setting synchronous=FULL")?;
    // Statement journals of savepoints (import checks each row in one) stay in memory, and a
    // 16 MB page cache keeps a large import from spilling pages mid-transaction; both bounded
    // well under the 50 MB a command may use.
    conn.pragma_update(None, "temp_store", "MEMORY").context("setting temp_store")?;
    conn.pragma_update(None, "cache_size", CACHE_KIB).context("setting cache_size")?;
    Ok(())
}

/// Who migrates, for the `migrate` audit row: set once per run by `cmd` (the actor and the
/// time of the command); without it, `unknown` now.
static STAMP: std::sync::OnceLock<crate::audit::Stamp> = std::sync::OnceLock::new();

/// Say who acts in this run, for audit rows written while opening (migrations).
pub fn set_stamp(stamp: crate::audit::Stamp) {
    let _ = STAMP.set(stamp);
}

fn migration_stamp() -> crate::audit::Stamp {
    STAMP.get().cloned().unwrap_or_else(|| crate::audit::Stamp {
        actor: "unknown".into(),
        at: chrono::Local::now().naive_local().format("%Y-%m-%dT%H:%M:%S").to_string(),
    })
}

fn migrate(conn: &mut Connection, from: i64) -> Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // Re-read inside the lock: another process may have migrated meanwhile.
    let current: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let start = current.max(from);
    if start >= SCHEMA_VERSION {
        return Ok(());
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(start as usize) {
        // For a migration that edits definitions: the schema version it starts from.
        let edited_from: Option<i64> = if EDITS_DEFINITIONS.contains(&(i + 1)) {
            tx.pragma_update(None, "writable_schema", true)?;
            Some(tx.pragma_query_value(None, "schema_version", |r| r.get(0))?)
        } else {
            None
        };
        tx.execute_batch(sql).with_context(|| format!("applying migration {}", i + 1))?;
        if let Some(v) = edited_from {
            tx.pragma_update(None, "schema_version", v + 1)?;
            tx.pragma_update(None, "writable_schema", false)?;
        }
    }
    tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    // Version 7 gives every register its signing key (SPEC §19): made here, from the
    // system's random source, as SQL cannot; the ledger's catch-up below records the row.
    let stamp = migration_stamp();
    let made =
        if crate::domain::signing::present(&tx)? { None } else { Some(crate::domain::signing::make(&tx, &stamp.at)?) };
    // One audit row for the whole migration; the ledger is then brought up to the rows as
    // they are and sealed by it (SPEC §16): for a register from before the ledger, every row
    // is its baseline (`rows` says how many); a later migration records whatever it changed.
    let rows = crate::domain::ledger::count_rows(&tx)?;
    let mut detail = serde_json::json!({ "from": start, "to": SCHEMA_VERSION, "rows": rows });
    if let Some(k) = made {
        // The public key only: the secret is never in the log.
        detail["public_key"] = crate::domain::signing::hex(k.as_bytes()).into();
    }
    crate::audit::append(&tx, &stamp, "migrate", "register", "", &detail).context("recording the migration")?;
    crate::domain::ledger::catch_up(&tx).context("bringing the ledger up to the migrated rows")?;
    tx.commit().context("committing the migration")?;
    Ok(())
}

/// Copy the file to `FILE.vN.bak` (`mh51.db` → `mh51.db.v1.bak`) before migrating it. An
/// existing backup is never overwritten: the next free `FILE.vN.bak.2`, `.3`, … is used, so
/// the copy always holds the file as it was just before this migration.
fn backup_before_migration(
    conn: &Connection,
    path: &Path,
    version: i64,
    key: Option<&Key>,
) -> Result<std::path::PathBuf> {
    let base = format!("{}.v{version}.bak", path.display());
    let mut dest = std::path::PathBuf::from(&base);
    let mut n = 1;
    while std::fs::symlink_metadata(&dest).is_ok() {
        n += 1;
        dest = std::path::PathBuf::from(format!("{base}.{n}"));
    }
    backup_to(conn, &dest, key)?;
    Ok(dest)
}

/// A consistent copy through SQLite's online backup API, created with mode 0600. `key` is
/// the key `conn` was opened with (`None` for a plain register): the copy of an encrypted
/// register is encrypted with the same passphrase (SQLCipher copies pages between two keyed
/// connections only, so the destination is keyed before the copy starts).
///
/// The copy is made in one backup step (`-1`: all pages), which holds one read transaction
/// for its whole length: in WAL mode that never blocks writers, and the copy is exactly the
/// database as of that transaction's start. (Copying in several steps would restart from
/// scratch every time another process commits, and might never finish on a busy register.)
pub fn backup_to(conn: &Connection, dest: &Path, key: Option<&Key>) -> Result<()> {
    new_copy(dest, |tmp| copy_into(conn, tmp, key))?.commit()
}

/// Create `dest` (mode 0600, never over an existing file or link) through a private
/// temporary file beside it (`crate::paths::NewFile`) that `fill` fills; the `NewFile` puts it
/// in place on `commit`, and a copy that fails half-way is removed with any journal SQLite
/// left beside it (dropping the `NewFile`), so it is never mistaken for a register later.
fn new_copy(dest: &Path, fill: impl FnOnce(&Path) -> Result<()>) -> Result<NewFile> {
    refuse_existing(dest)?;
    let (file, f) = NewFile::create(dest)?;
    drop(f);
    fill(file.tmp())?;
    Ok(file)
}

/// Remove a database file this process has just created and failed to fill, with any
/// journal SQLite left beside it, so a half-made file is never mistaken for a register.
/// Only for files created by `create` or `backup_to` in the same command.
pub fn discard(path: &Path) {
    for suffix in ["", "-journal", "-wal", "-shm"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(p);
    }
}

fn copy_into(conn: &Connection, dest: &Path, key: Option<&Key>) -> Result<()> {
    let mut out = Connection::open_with_flags(paths::for_sqlite(dest)?, flags_rw())
        .with_context(|| format!("opening {}", dest.display()))?;
    if let Some(k) = key {
        // A copy page for page (the backup API): the source's own layout, whichever it is.
        key_with(&out, &k.raw_new()?, Layout::of(conn)?)?;
    }
    {
        use rusqlite::backup::StepResult;
        let b = rusqlite::backup::Backup::new(conn, &mut out)?;
        let started = std::time::Instant::now();
        loop {
            match b.step(-1).with_context(|| format!("copying into {}", dest.display()))? {
                StepResult::Done => break,
                _ => {
                    if started.elapsed() > BUSY_TIMEOUT {
                        anyhow::bail!(
                            "copying into {}: the database stayed busy for {}s",
                            dest.display(),
                            BUSY_TIMEOUT.as_secs()
                        );
                    }
                    std::thread::sleep(Duration::from_millis(20));
                }
            }
        }
    }
    // The copy is a standalone file: no WAL side files left behind.
    out.pragma_update(None, "journal_mode", "DELETE").context("finishing the copy")?;
    Ok(())
}

/// A statement a caller keeps for many executions (a recorder's, over a whole file),
/// prepared as rusqlite prepares the statements of its cache: marked persistent, so that
/// SQLite does not take its long-lived memory from the connection's small lookaside pool.
/// A plain `prepare` kept alive does, and every statement run afterwards then allocates with
/// `malloc` instead: an import of cases executed 5 % more instructions that way (BENCHMARKS.md).
pub fn prepare_kept<'c>(conn: &'c Connection, sql: &str) -> rusqlite::Result<rusqlite::Statement<'c>> {
    conn.prepare_with_flags(sql, rusqlite::PrepFlags::SQLITE_PREPARE_PERSISTENT)
}

/// The statement kept in `slot`, prepared from `sql` ([`prepare_kept`]) the first time: for
/// a writer that runs a few statements for each of many rows, and prepares none it does not use.
pub fn kept<'s, 'c>(
    slot: &'s mut Option<rusqlite::Statement<'c>>,
    conn: &'c Connection,
    sql: impl FnOnce() -> String,
) -> Result<&'s mut rusqlite::Statement<'c>> {
    if slot.is_none() {
        *slot = Some(prepare_kept(conn, &sql())?);
    }
    slot.as_mut().ok_or_else(|| anyhow::anyhow!("internal error: a statement was not prepared"))
}

/// Run `f` in one IMMEDIATE transaction; commit only if it succeeds.
///
/// Every row the closure inserts, updates or deletes is recorded in the ledger and sealed with
/// the transaction's newest audit row just before the commit (`domain::ledger`); a closure
/// that appends no audit row fails, and nothing is kept.
pub fn write<T>(conn: &mut Connection, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
    let tx = begin_write(&*conn)?;
    let started = crate::domain::ledger::start(&tx)?;
    let out = f(&tx)?;
    crate::domain::ledger::finish(&tx, started)?;
    tx.commit().context("committing")?;
    Ok(out)
}

/// [`write`] for a command that finds out inside the transaction whether it has anything to
/// record (`report package` of a period already sent, unchanged): `f` returns its result and
/// whether it wrote; when it did not, the transaction is rolled back, as there is nothing to
/// seal (the transaction still held the write lock, so what `f` read is one state).
pub fn write_if<T>(conn: &mut Connection, f: impl FnOnce(&Transaction) -> Result<(T, bool)>) -> Result<T> {
    let tx = begin_write(&*conn)?;
    let started = crate::domain::ledger::start(&tx)?;
    let (out, wrote) = f(&tx)?;
    if wrote {
        crate::domain::ledger::finish(&tx, started)?;
        tx.commit().context("committing")?;
    } else {
        tx.rollback().context("ending the transaction")?;
    }
    Ok(out)
}

/// [`write`], or with `dry_run` the same work rolled back at the end: every check is made,
/// nothing is kept (`import --dry-run`, `anonymise --dry-run`).
pub fn write_or_dry_run<T>(
    conn: &mut Connection,
    dry_run: bool,
    f: impl FnOnce(&Transaction) -> Result<T>,
) -> Result<T> {
    if !dry_run {
        return write(conn, f);
    }
    let tx = begin_write(&*conn)?;
    let out = f(&tx)?;
    tx.rollback().context("rolling back the dry run")?;
    Ok(out)
}

/// A private in-memory copy of the register at `path` (`key` opens it when it is
/// encrypted), for a dry run that must hold no lock on the file (SPEC §16: "a dry run never
/// makes another clerk's command fail"): `import --dry-run` does all its work, audit rows
/// included, in a transaction on this copy and rolls it back, so other clerks' writes go on
/// meanwhile. The copy is one consistent snapshot (one read transaction of the file); it
/// lives in memory only — about the register's size — so no plaintext of an encrypted
/// register reaches the disk. The path is made absolute and the copy's connection has no
/// URI flag, so the path is never read as a URI.
pub fn snapshot(path: &Path, key: Option<&Key>) -> Result<Connection> {
    require_existing(path)?;
    let abs = std::path::absolute(path).with_context(|| format!("opening {}", path.display()))?;
    let name = abs.to_str().with_context(|| format!("{} is not a UTF-8 path", path.display()))?;
    let conn = Connection::open_in_memory_with_flags(
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .context("opening an in-memory copy")?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    // The source's own key, derived once per run for its salt (as every connection gets it).
    let (secret, layout) = match key.filter(|_| is_encrypted(path).unwrap_or(false)) {
        Some(k) => {
            let raw = k.raw_for(path)?;
            let layout = layout_of_file(path, &raw).unwrap_or(Layout::Mh51);
            (raw, Some(layout))
        }
        None => (zeroize::Zeroizing::new(String::new()), None),
    };
    attach(&conn, name, "mh51_source", &secret, layout).with_context(|| format!("opening {}", path.display()))?;
    let copied = (|| -> Result<()> {
        let version: i64 = conn.pragma_query_value(Some("mh51_source"), "user_version", |r| r.get(0))?;
        conn.query_row("SELECT sqlcipher_export('main', 'mh51_source')", [], |_| Ok(()))
            .with_context(|| format!("copying {} into memory", path.display()))?;
        conn.pragma_update(None, "user_version", version)?;
        Ok(())
    })();
    let _ = conn.execute_batch("DETACH DATABASE mh51_source");
    copied?;
    conn.pragma_update(None, "foreign_keys", "ON").context("enabling foreign keys")?;
    Ok(conn)
}

/// Write a copy of the register behind `conn` to the new file `dest` (mode 0600, refusing an
/// existing path), encrypted with `key`, or plain when `key` is `None`, through SQLCipher's
/// `sqlcipher_export` (the backup API refuses to copy between a plain and an encrypted file).
/// `conn` must be a read-write connection (an attached file inherits its flags). A failed
/// copy is removed.
pub fn export_copy(conn: &Connection, dest: &Path, key: Option<&Key>) -> Result<()> {
    export_new(conn, dest, key)?.commit()
}

/// [`export_copy`], left under its temporary name until the caller commits the `NewFile`
/// (`decrypt` first records its audit row).
pub fn export_new(conn: &Connection, dest: &Path, key: Option<&Key>) -> Result<NewFile> {
    new_copy(dest, |tmp| {
        let done = export_into(conn, tmp, key);
        // Detach whatever happened, so the connection can be used or attached again.
        let _ = conn.execute_batch("DETACH DATABASE mh51_copy");
        done
    })
}

fn export_into(conn: &Connection, dest: &Path, key: Option<&Key>) -> Result<()> {
    // Absolute, so ATTACH never reads it as a URI (see `crate::paths`).
    let dest = &paths::for_sqlite(dest)?;
    let name = dest.to_str().with_context(|| format!("{} is not a UTF-8 path", dest.display()))?;
    let secret = match key {
        Some(k) => k.raw_new()?,
        None => zeroize::Zeroizing::new(String::new()),
    };
    // A new file written row by row (`sqlcipher_export`): mh51's layout when encrypted.
    attach(conn, name, "mh51_copy", &secret, key.map(|_| Layout::Mh51))
        .with_context(|| format!("opening {}", dest.display()))?;
    if key.is_none() {
        conn.pragma_update(Some("mh51_copy"), "page_size", 8192).context("setting the copy's page size")?;
    }
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    conn.query_row("SELECT sqlcipher_export('mh51_copy')", [], |_| Ok(()))
        .with_context(|| format!("copying into {}", dest.display()))?;
    conn.pragma_update(Some("mh51_copy"), "user_version", version).context("writing the copy's schema version")?;
    Ok(())
}

/// A file beside `path` with `suffix` added to its name.
pub fn beside(path: &Path, suffix: &str) -> std::path::PathBuf {
    let mut p = path.as_os_str().to_owned();
    p.push(suffix);
    std::path::PathBuf::from(p)
}

/// Replace the register at `path` by a copy encrypted with `new` (`old` opens it: `None`
/// for a plain register — `encrypt` — or its current key — `rekey`).
///
/// The copy is written beside the file (`FILE.mh51-new`), `record` appends its audit row to
/// the copy, `verify` must accept it (the caller runs `check`), then it is renamed over the
/// original in one step and the original's side files are removed. Killed at any moment,
/// this leaves either the old register or the new one, whole: before the rename the
/// original is untouched; the rename is atomic. A leftover `FILE.mh51-new` from an
/// interrupted run is ours and is removed first.
///
/// **Nothing another clerk writes meanwhile is lost** (SPEC §16). The rename happens while
/// this connection holds the register's write lock (`BEGIN IMMEDIATE`), after its WAL was
/// emptied and with proof (`PRAGMA data_version`) that nobody committed since the copy was
/// begun; so every write acknowledged before the rename is in the copy. A writer waiting
/// for the lock gets it only after the rename, on the old file it had opened: [`write`]
/// then sees (`ensure_same_file`) that its path names another file, rolls back and refuses.
/// The first copy is made without the lock (nobody waits); when a write came in meanwhile,
/// the copy is made again while holding the lock, so other writers wait (at most the busy
/// timeout, then they are refused, changing nothing).
pub fn replace_encrypted(
    path: &Path,
    old: Option<&Key>,
    new: &Key,
    record: impl Fn(&Transaction) -> Result<()>,
    verify: impl Fn(&Connection) -> Result<()>,
) -> Result<()> {
    let tmp = beside(path, ".mh51-new");
    discard(&tmp);
    let src = open(path, old)?;
    // 1. Optimistic: copy while others may write, then check nobody did.
    let seen = data_version(&src)?;
    make_encrypted_copy(&src, &tmp, new, &record, &verify)?;
    test_pause("replace-copied");
    if cfg!(windows) {
        return replace_unlocked(path, &tmp, src, seen);
    }
    if let Some(tx) = lock_with_empty_wal(&src, &tmp)? {
        if data_version(&tx)? == seen {
            return rename_over(path, &tmp, tx);
        }
        // A write came in during the copy. Keep the lock (the WAL is still empty: nobody
        // can have committed since it was taken) and copy again through a second
        // connection, which reads the latest state while nobody can change it.
        discard(&tmp);
        let reader = open(path, old)?;
        make_encrypted_copy(&reader, &tmp, new, &record, &verify)?;
        drop(reader);
        test_pause("replace-copied-locked");
        return rename_over(path, &tmp, tx);
    }
    unreachable_busy(path)
}

/// The rename on Windows, which will not replace a file that any handle holds open — this
/// command's own connection and its lock included. So the proof is made first (the WAL
/// emptied, and nobody committed since the copy was begun), then the connection is closed
/// and the copy renamed over the register at once. A writer that commits in the moment
/// between the two has its change in the old file only; on Unix the rename happens under
/// the write lock instead ([`rename_over`]). A file another program holds open is refused,
/// naming that cause, and nothing changes.
fn replace_unlocked(path: &Path, tmp: &Path, src: Connection, seen: i64) -> Result<()> {
    if wal_busy_after_truncate(&src)? || data_version(&src)? != seen {
        discard(tmp);
        return unreachable_busy(path);
    }
    drop(src);
    rename_into_place(path, tmp)
}

/// Rename the finished copy `tmp` over `path`, make the rename durable and remove the old
/// file's side files. A file another program holds open (Windows will not replace it: another
/// mh51, the sqlite3 shell, a backup or antivirus program) is refused, naming that cause;
/// on any failure the copy is removed and the register is untouched.
fn rename_into_place(path: &Path, tmp: &Path) -> Result<()> {
    if let Err(e) = std::fs::rename(tmp, path) {
        discard(tmp);
        if crate::platform::held_open(&e) {
            crate::refuse_w!("db-held-open", path = path.display().to_string(), error = e.to_string());
        }
        return Err(e).with_context(|| format!("replacing {}", path.display()));
    }
    test_pause("replace-renamed");
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        // Make the rename itself durable; a failure here leaves a whole file either way.
        let _ = std::fs::File::open(dir).and_then(|d| d.sync_all());
    }
    for suffix in ["-wal", "-shm", "-journal"] {
        let _ = std::fs::remove_file(beside(path, suffix));
    }
    Ok(())
}

/// The refusal when readers keep the WAL from being emptied.
fn unreachable_busy(path: &Path) -> Result<()> {
    crate::refuse_w!("db-in-use", path = path.display().to_string());
}

/// Export `src` into the new file `tmp` encrypted with `new`, record and verify it, and sync
/// it whole to disk; a failed copy is removed.
fn make_encrypted_copy(
    src: &Connection,
    tmp: &Path,
    new: &Key,
    record: &impl Fn(&Transaction) -> Result<()>,
    verify: &impl Fn(&Connection) -> Result<()>,
) -> Result<()> {
    export_copy(src, tmp, Some(new))?;
    let made = (|| -> Result<()> {
        let mut copy = open(tmp, Some(new))?;
        write(&mut copy, record)?;
        verify(&copy)?;
        // Closing the only connection checkpoints the copy's WAL into it and removes it.
        copy.close().map_err(|(_, e)| e).context("closing the new copy")?;
        // Opened for writing: Windows refuses to flush a handle opened read-only ("Access
        // denied"), and nothing is written through it.
        std::fs::OpenOptions::new().write(true).open(tmp).and_then(|f| f.sync_all()).context("syncing the new copy")?;
        Ok(())
    })();
    if made.is_err() {
        discard(tmp);
    }
    made
}

/// Empty the WAL, then take the write lock with the WAL still empty: a few tries, as a writer
/// may commit between the two steps. `None` (after removing `tmp`) when readers keep the WAL
/// busy. Readers that hold an old snapshot make the truncation fail; writers are waited for.
fn lock_with_empty_wal<'c>(src: &'c Connection, tmp: &Path) -> Result<Option<Transaction<'c>>> {
    for attempt in 0..50u64 {
        if wal_busy_after_truncate(src)? {
            std::thread::sleep(Duration::from_millis(20 * attempt.min(10)));
            continue;
        }
        let emptied = data_version(src)?;
        // Checked on a shared borrow first, then the transaction is begun for real: nothing
        // between these lines can commit for another connection but a writer, which the
        // data version shows.
        let tx = begin_write(src).inspect_err(|_| discard(tmp))?;
        if data_version(&tx)? == emptied {
            return Ok(Some(tx));
        }
        drop(tx);
    }
    discard(tmp);
    Ok(None)
}

/// Rename the finished copy over `path` while `lock` holds the old file's write lock, make
/// the rename durable, and remove the old file's side files; the lock is released (rolled
/// back: nothing was written through it) only after.
fn rename_over(path: &Path, tmp: &Path, lock: Transaction<'_>) -> Result<()> {
    rename_into_place(path, tmp)?;
    drop(lock);
    Ok(())
}

/// `PRAGMA data_version`: changes when another connection commits to the file.
fn data_version(conn: &Connection) -> Result<i64> {
    conn.pragma_query_value(None, "data_version", |r| r.get(0)).context("reading the data version")
}

/// Begin a write transaction (`BEGIN IMMEDIATE`, waiting at most the busy timeout for other
/// writers) on the file the connection opened, refusing when the path names another file
/// by now (see [`ensure_same_file`]) or the register stayed locked.
pub fn begin_write(conn: &Connection) -> Result<Transaction<'_>> {
    let busy = |e: &rusqlite::Error| e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy);
    let path = conn.path().unwrap_or_default().to_string();
    let tx = match Transaction::new_unchecked(conn, TransactionBehavior::Immediate) {
        Ok(tx) => tx,
        Err(e) if busy(&e) => {
            crate::refuse_w!("db-stayed-locked", path = path.to_string(), seconds = BUSY_TIMEOUT.as_secs())
        }
        Err(e) => return Err(e).context("beginning a write transaction"),
    };
    ensure_same_file(&tx)?;
    Ok(tx)
}

/// Refuse to write when the path this connection opened names another file by now:
/// `encrypt` or `rekey` (in another window) replaced the register after this connection
/// opened it, so a change committed here would go into the old, unlinked file and be lost.
/// The file's identity (device and inode on Unix, see `platform::file_id`) is remembered
/// when the connection is opened ([`remember_file`]) and compared with what the path names
/// now. Where the system gives no identity the check passes — on Windows a rename over an
/// open file fails anyway.
pub fn ensure_same_file(conn: &Connection) -> Result<()> {
    use rusqlite::OptionalExtension;
    let Some(path) = conn.path().filter(|p| !p.is_empty()).map(std::path::PathBuf::from) else {
        return Ok(());
    };
    let known: Option<(i64, i64)> =
        match conn.query_row("SELECT dev, ino FROM temp.mh51_opened", [], |r| Ok((r.get(0)?, r.get(1)?))).optional() {
            Ok(k) => k,
            // A connection opened without it (none of `open`'s): nothing to compare.
            Err(_) => return Ok(()),
        };
    let Some(known) = known else { return Ok(()) };
    if file_id(&path) != Some(known) {
        crate::refuse_w!("db-replaced-meanwhile", path = path.display().to_string());
    }
    Ok(())
}

/// The identity of the file `path` names now, as two integers (`None`: no such file, or the
/// system gives none).
fn file_id(path: &Path) -> Option<(i64, i64)> {
    let (dev, ino) = crate::platform::file_id(&std::fs::metadata(path).ok()?)?;
    // Stored in SQLite integers: the same bits either way.
    Some((dev as i64, ino as i64))
}

/// Remember, in the connection's own temporary table (in memory), which file it opened:
/// `before` is the identity `path` named just before SQLite opened it; when it names another
/// now, the file was swapped during the open and is refused.
fn remember_file(conn: &Connection, path: &Path, before: Option<(i64, i64)>) -> Result<()> {
    let now = file_id(path);
    if now != before {
        crate::refuse_w!("db-replaced-while-opening", path = path.display().to_string());
    }
    let Some((dev, ino)) = now else { return Ok(()) };
    conn.execute_batch(
        "CREATE TEMP TABLE IF NOT EXISTS mh51_opened (dev INTEGER, ino INTEGER); DELETE FROM temp.mh51_opened",
    )
    .context("remembering which file was opened")?;
    conn.execute("INSERT INTO temp.mh51_opened (dev, ino) VALUES (?1, ?2)", rusqlite::params![dev, ino])
        .context("remembering which file was opened")?;
    Ok(())
}

/// A test hook: with `MH51_TEST_PAUSE_AT=POINT`, the process stops at `POINT` (saying so on
/// stderr) for a minute, so the tests can kill it exactly there. Never set in normal use.
pub fn test_pause(point: &str) {
    if std::env::var("MH51_TEST_PAUSE_AT").is_ok_and(|p| p == point) {
        eprintln!("paused at {point}");
        std::thread::sleep(Duration::from_secs(60));
    }
}

/// Checkpoint the WAL into the file and truncate it to nothing; true when another connection
/// kept it busy (so it may still hold pages).
fn wal_busy_after_truncate(conn: &Connection) -> Result<bool> {
    let (busy, _, _): (i64, i64, i64) = conn
        .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .context("emptying the WAL")?;
    Ok(busy != 0)
}

/// Before a write whose old values must not survive (`anonymise`): SQLite overwrites the
/// content it frees with zeros instead of leaving it in free space.
pub fn secure_delete(conn: &Connection) -> Result<()> {
    conn.pragma_update(None, "secure_delete", "ON").context("turning on secure_delete")
}

/// After such a write has committed: rebuild the file (`VACUUM`, which leaves no free page
/// or stale cell behind) and empty the WAL into it and truncate it to nothing, so the old
/// values are in neither the file nor its WAL (the `-shm` holds page numbers only; in WAL
/// mode there is no rollback journal, and `temp_store=MEMORY` keeps VACUUM's temporary copy
/// in memory). An error means the scrub could not finish — most often because another
/// command holds a read transaction, whose snapshot still needs the old pages; running it
/// again later finishes it.
pub fn scrub(conn: &Connection) -> Result<()> {
    conn.execute_batch("VACUUM").context("rebuilding the file (VACUUM)")?;
    test_pause("scrub-vacuumed");
    if wal_busy_after_truncate(conn)? {
        anyhow::bail!("another command is reading the register, so old pages are still in the file or its WAL");
    }
    Ok(())
}

/// Empty the WAL once more after a small write that follows a scrub (its pages hold no old
/// value, so a busy WAL here is no loss, and is not reported).
pub fn truncate_wal(conn: &Connection) {
    let _ = wal_busy_after_truncate(conn);
}

/// Set `cell` to the value `v`, as [`FromSql`](rusqlite::types::FromSql) for `Cell` makes
/// it, keeping the cell's text buffer when it held text and gets text again: an export fills
/// the same cells row after row, so a million rows do not allocate a string per value.
pub fn refill(cell: &mut crate::view::Cell, v: rusqlite::types::ValueRef<'_>) {
    use crate::view::Cell;
    use rusqlite::types::ValueRef;
    match (v, &mut *cell) {
        (ValueRef::Text(t), Cell::Text(s)) => {
            s.clear();
            match std::str::from_utf8(t) {
                Ok(t) => s.push_str(t),
                Err(_) => s.push_str(&String::from_utf8_lossy(t)),
            }
        }
        (ValueRef::Integer(i), _) => *cell = Cell::Int(i),
        (ValueRef::Null, _) => *cell = Cell::Null,
        (v, _) => {
            *cell = rusqlite::types::FromSql::column_result(v).unwrap_or(Cell::Null);
        }
    }
}

/// A cell as SQLite gives it (the rendering layer's type, read here with the database code).
impl rusqlite::types::FromSql for crate::view::Cell {
    fn column_result(v: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        use crate::view::Cell;
        use rusqlite::types::ValueRef;
        Ok(match v {
            ValueRef::Null => Cell::Null,
            ValueRef::Integer(i) => Cell::Int(i),
            ValueRef::Real(f) => Cell::Dec1(f),
            ValueRef::Text(t) => Cell::Text(String::from_utf8_lossy(t).into_owned()),
            ValueRef::Blob(b) => Cell::Text(format!("<{} bytes>", b.len())),
        })
    }
}

#[cfg(test)]
#[path = "../tests/unit/db.rs"]
mod tests;
