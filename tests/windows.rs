//! mh51 on Windows (SPEC §21, issue 18) and the passphrase rules of SPEC §16.
//!
//! These tests run in the ordinary Linux suite, and again under Wine against `mh51.exe`
//! (`dist/wine-test.sh` sets `MH51_TEST_EXE` to a wrapper running `wine mh51.exe`; see
//! docs/windows.md). The tests that only mean something on Windows — a file held open by
//! another program, the PDF brief through Microsoft Edge in its standard folder, the zip —
//! need helpers that the script builds and names in `MH51_TEST_HOLD`,
//! `MH51_TEST_FAKE_BROWSER` and `MH51_TEST_ZIP`; without them (on Linux) they return at once.
//!
//! Under Wine the clerk's session is run twice, by `mh51.exe` and by the Linux build, in
//! folders with Vietnamese letters, and every output must be the same.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use unicode_normalization::UnicodeNormalization;

use crate::util::{dump, under_wine, Env};

/// A passphrase with Vietnamese letters, in NFC (precomposed, as Windows keyboards type it).
const PASS: &str = "sổ phường 5 cộng 1 của quận";
const NEW_PASS: &str = "một cụm mật khẩu mới hẳn";

/// A key file holding exactly `text`, private to its owner (mode 0600 where there are modes).
fn key_file(e: &Env, name: &str, text: &str) -> PathBuf {
    let p = e.path(name);
    std::fs::write(&p, text).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    p
}

fn run_k(e: &Env, key: &Path, args: &[&str]) -> Output {
    e.command(args).env("MH51_KEY_FILE", key).stdin(Stdio::null()).output().unwrap()
}

fn ok_k(e: &Env, key: &Path, args: &[&str]) -> String {
    succeeded(run_k(e, key, args), args)
}

fn succeeded(o: Output, args: &[&str]) -> String {
    assert!(
        o.status.success(),
        "mh51 {args:?} failed ({:?})\nstdout: {}\nstderr: {}",
        o.status.code(),
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap().trim_end().to_string()
}

/// Exit 1, one `error:` line containing every needle, nothing on stdout.
fn one_error(o: &Output, needles: &[&str]) -> String {
    let err = String::from_utf8_lossy(&o.stderr).to_string();
    assert_eq!(o.status.code(), Some(1), "exit 1 expected; stderr: {err}");
    assert!(o.stdout.is_empty(), "nothing on stdout: {}", String::from_utf8_lossy(&o.stdout));
    assert_eq!(err.lines().count(), 1, "one line on stderr: {err:?}");
    assert!(err.starts_with("error: "), "{err}");
    for n in needles {
        assert!(err.contains(n), "stderr should contain {n:?}: {err}");
    }
    err
}

/// A connection to an encrypted register keyed with exactly `pass` (no normalising here).
/// A register mh51 encrypted, opened by SQLCipher itself with the passphrase.
fn keyed(db: &Path, pass: &str) -> rusqlite::Connection {
    crate::util::keyed_as(db, pass, crate::util::MH51_LAYOUT)
}

fn persons(c: &rusqlite::Connection) -> rusqlite::Result<i64> {
    c.query_row("SELECT count(*) FROM persons", [], |r| r.get(0))
}

fn header_is_plain(db: &Path) -> bool {
    std::fs::read(db).unwrap().starts_with(b"SQLite format 3\0")
}

#[test]
fn a_passphrase_in_nfd_or_from_a_notepad_key_file_opens_a_register_made_in_nfc() {
    let nfd: String = PASS.nfd().collect();
    assert_ne!(nfd, PASS, "the two spellings differ in bytes");
    assert_eq!(nfd.chars().count(), PASS.chars().count() + 10, "ten combining marks");

    let e = Env::empty();
    let nfc_key = key_file(&e, "nfc.key", &format!("{PASS}\n"));
    ok_k(&e, &nfc_key, &["init", "--encrypt", "--district", "Quận 6"]);
    let case =
        ok_k(&e, &nfc_key, &["enroll", "Nguyễn Văn An", "--ward", "1", "--category", "prison", "--date", "2023-01-05"]);
    assert_eq!(case, "2023-0001");
    // The same passphrase typed in NFD (decomposed letters), LF.
    let nfd_key = key_file(&e, "nfd.key", &format!("{nfd}\n"));
    assert!(ok_k(&e, &nfd_key, &["list", "-f", "csv"]).contains("2023-0001"));
    // Notepad: a UTF-8 byte-order mark before it and CRLF after it (and NFD letters too).
    let notepad = key_file(&e, "notepad.key", &format!("\u{FEFF}{nfd}\r\n"));
    assert!(ok_k(&e, &notepad, &["list", "-f", "csv"]).contains("2023-0001"));
    let notepad_nfc = key_file(&e, "notepad-nfc.key", &format!("\u{FEFF}{PASS}\r\n"));
    ok_k(&e, &notepad_nfc, &["check"]);
    // Any other passphrase is still wrong, and the register is untouched.
    let before = crate::util::dump_rows_of(&keyed(&e.db, PASS), i64::MAX);
    for (name, text) in [
        ("wrong.key", format!("\u{FEFF}{PASS}x\r\n")),
        ("space.key", format!("{PASS} \r\n")),
        ("two-boms.key", format!("\u{FEFF}\u{FEFF}{PASS}\r\n")),
    ] {
        let k = key_file(&e, name, &text);
        one_error(&run_k(&e, &k, &["list"]), &["passphrase is wrong"]);
    }
    assert_eq!(crate::util::dump_rows_of(&keyed(&e.db, PASS), i64::MAX), before);

    // The key SQLCipher was given is the NFC text itself: the register opens with it directly,
    // not with the NFD bytes nor with a BOM in front.
    let p = Env::new();
    let k = key_file(&p, "notepad.key", &format!("\u{FEFF}{nfd}\r\n"));
    assert_eq!(ok_k(&p, &k, &["encrypt"]), p.db.display().to_string());
    assert!(!header_is_plain(&p.db));
    assert_eq!(persons(&keyed(&p.db, PASS)).unwrap(), 0);
    assert!(persons(&keyed(&p.db, &nfd)).is_err(), "not the NFD bytes");
    assert!(persons(&keyed(&p.db, &format!("\u{FEFF}{PASS}"))).is_err(), "not with the BOM");
    let lf = key_file(&p, "lf.key", &format!("{PASS}\n"));
    ok_k(&p, &lf, &["check"]);
    // A new passphrase is counted in NFC characters: 11 letters in NFD's 14 code points are
    // too few.
    let short = key_file(&p, "short.key", "\u{FEFF}mươ\u{300}i mô\u{323}t ky\u{301}\r\n");
    one_error(&run_k(&p, &lf, &["rekey", "--new-key-file", short.to_str().unwrap()]), &["11 characters"]);
}

/// One step of the clerk's session: the arguments, and whether the output is compared
/// (an audit head carries the time of day, so it differs between two runs).
struct Step(&'static [&'static str], bool);

/// The session, in `e` whose register is `Sổ 5+1/phường 5.db`, run by `program`; every
/// compared output with the folder's path replaced by `<dir>`.
fn session(e: &Env, program: &dyn Fn() -> Command) -> Vec<String> {
    std::fs::write(
        e.path("hồ sơ.csv"),
        "\u{FEFF}Họ tên,Phường,Diện,Năm sinh,Giới tính,Số CCCD,Địa chỉ,Ngày vào diện,Thành viên,Ghi chú\r\n\
         Lê Văn Nhập,3,drugs,1995,male,,,10/02/2023,1,\r\n",
    )
    .unwrap();
    key_file(e, "khóa.key", &format!("\u{FEFF}{PASS}\r\n"));
    key_file(e, "khóa mới.key", &format!("{NEW_PASS}\n"));
    let steps = [
        Step(&["init", "--district", "Quận 6"], true),
        Step(&["member", "add", "Trần Văn Bình", "--org", "CA", "--ward", "1", "--joined", "2020-01-01"], true),
        Step(&["member", "add", "Lê Thị Cúc", "--org", "PN", "--ward", "2", "--joined", "2020-01-01"], true),
        Step(
            &[
                "enroll",
                "Nguyễn Thị Lan",
                "--ward",
                "1",
                "--category",
                "prison",
                "--born",
                "1990-04-05",
                "--id-number",
                "079190000123",
                "--address",
                "12 Đường Số 5",
                "--date",
                "2023-01-05",
                "--member",
                "1",
                "--note",
                "ghi chú riêng",
            ],
            true,
        ),
        Step(
            &["enroll", "Phạm Văn Hai", "--ward", "2", "--category", "drugs", "--date", "2020-03-01", "--member", "2"],
            true,
        ),
        Step(&["review", "2023-0001", "--class", "B", "--date", "2023-02-01", "--note", "tiến bộ"], true),
        Step(&["support", "2023-0001", "--kind", "loan", "--amount", "3.000.000", "--date", "2023-03-01"], true),
        Step(&["release", "2020-0001", "--reason", "progressed", "--date", "2021-04-01"], true),
        Step(&["import", "cases", "hồ sơ.csv"], true),
        Step(&["list", "--status", "all", "-f", "csv"], true),
        Step(&["show", "2023-0001", "-f", "json"], true),
        Step(&["list", "--search", "lan"], true),
        Step(&["report", "summary", "-p", "2023", "-f", "csv"], true),
        Step(&["report", "summary", "-p", "2023", "--by", "org"], true),
        Step(&["report", "quota", "-p", "2023", "--by", "member", "-f", "csv"], true),
        Step(&["report", "overdue", "-f", "csv"], true),
        Step(&["report", "summary", "-p", "2023", "-f", "xlsx", "-o", "báo cáo 2023.xlsx"], true),
        Step(&["report", "brief", "-p", "2023-Q1", "--names", "-o", "giao ban.html"], true),
        Step(&["export", "cases", "--redact"], true),
        Step(&["backup", "sao lưu.db"], true),
        Step(&["--db", "sao lưu.db", "list", "--status", "all", "-f", "csv"], true),
        Step(&["extract", "--ward", "1", "-o", "phường 1.db"], true),
        Step(&["--db", "phường 1.db", "list", "-f", "csv"], true),
        Step(&["check"], false),
        Step(&["audit", "verify"], false),
        Step(&["--key-file", "khóa.key", "encrypt"], true),
        Step(&["--key-file", "khóa.key", "list", "--status", "all", "-f", "csv"], true),
        Step(&["--key-file", "khóa.key", "rekey", "--new-key-file", "khóa mới.key"], true),
        Step(&["--key-file", "khóa mới.key", "report", "summary", "-p", "2023", "-f", "csv"], true),
        Step(&["--key-file", "khóa mới.key", "decrypt", "-o", "bản rõ.db"], true),
        Step(&["--db", "bản rõ.db", "list", "--status", "all", "-f", "csv"], true),
        Step(&["--key-file", "khóa mới.key", "anonymise", "--released-before", "2022-01-01"], true),
        Step(&["--key-file", "khóa mới.key", "list", "--status", "all", "-f", "csv"], true),
        Step(&["--key-file", "khóa mới.key", "check"], false),
    ];
    let dir = e.dir.path().display().to_string();
    steps
        .iter()
        .map(|Step(args, compared)| {
            let out = succeeded(e.command_of(program(), args).stdin(Stdio::null()).output().unwrap(), args);
            if *compared {
                out.replace(&dir, "<dir>")
            } else {
                String::new()
            }
        })
        .collect()
}

fn vietnamese_folder() -> Env {
    let mut e = Env::empty();
    let folder = e.path("Sổ 5+1");
    std::fs::create_dir(&folder).unwrap();
    e.db = folder.join("phường 5.db");
    e
}

#[test]
fn every_command_works_in_a_folder_with_vietnamese_letters_as_on_linux() {
    let e = vietnamese_folder();
    let out = session(&e, &|| Command::new(crate::util::bin()));
    // Checked by hand: the numbers, the figures and the files.
    assert_eq!(out[3], "2023-0001");
    assert_eq!(out[4], "2020-0001");
    assert!(out[9].contains("2023-0002") && out[9].contains("Lê Văn Nhập"), "{}", out[9]);
    // Ward 1 in 2023: one intake (2023-0001), one contact, one loan of 3,000,000; ward 3 the
    // imported case; 2020-0001 was released in 2021.
    let summary: Vec<&str> = out[12].lines().collect();
    assert_eq!(summary[1], "1,0,1,1,0,0,0,0,0,0,0,1,1,1,3000000");
    assert_eq!(summary[3], "3,0,1,1,0,0,0,0,0,0,0,1,0,0,0");
    assert_eq!(summary[15], "TOTAL,0,2,2,0,0,0,0,0,0,0,2,1,1,3000000");
    assert_eq!(out[16], "", "a report written with -o prints nothing");
    assert!(std::fs::read(e.path("báo cáo 2023.xlsx")).unwrap().starts_with(b"PK"));
    assert!(std::fs::read_to_string(e.path("giao ban.html")).unwrap().contains("Nguyễn Thị Lan"));
    assert_eq!(out[19], "sao lưu.db");
    assert_eq!(out[20], out[9], "the backup lists what the register holds");
    assert!(!out[22].contains("Phạm Văn Hai") && out[22].contains("Nguyễn Thị Lan"), "ward 1 only: {}", out[22]);
    assert_eq!(out[25], "<dir>/Sổ 5+1/phường 5.db", "encrypt names the register as given");
    assert!(!header_is_plain(&e.db), "encrypted");
    assert_eq!(out[26], out[9], "the encrypted register lists the same");
    assert_eq!(out[29], "bản rõ.db");
    assert!(header_is_plain(&e.path("bản rõ.db")));
    assert_eq!(out[30], out[9], "the decrypted copy lists what the register held");
    assert_eq!(out[31], "1", "one person, released in 2021, anonymised");
    assert!(!out[32].contains("Phạm Văn Hai") && out[32].contains("2020-0001,Ẩn danh 2,"), "{}", out[32]);
    assert!(out[32].contains("Nguyễn Thị Lan"), "{}", out[32]);
    let files: Vec<String> = std::fs::read_dir(e.path("Sổ 5+1"))
        .unwrap()
        .map(|f| f.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(files.iter().all(|f| !f.contains("mh51-new")), "no temporary copy left: {files:?}");
    if under_wine() {
        // The same session by the Linux build: mh51.exe must say exactly the same.
        let linux = vietnamese_folder();
        let expected = session(&linux, &|| Command::new(env!("CARGO_BIN_EXE_mh51")));
        for (i, (w, l)) in out.iter().zip(&expected).enumerate() {
            assert_eq!(w, l, "step {i}: mh51.exe under Wine and the Linux build differ");
        }
    }
}

#[test]
fn several_clerks_enrolling_at_once_get_distinct_numbers_and_none_is_lost() {
    let e = Env::new();
    let clerks = 8;
    let children: Vec<_> = (0..clerks)
        .map(|i| {
            let name = format!("Người Thứ {i}");
            let ward = (i % 14 + 1).to_string();
            e.command(&["enroll", &name, "--ward", &ward, "--category", "prison", "--date", "2023-01-05"])
                .env("MH51_ACTOR", format!("clerk{i}"))
                .stdin(Stdio::null())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut numbers: Vec<String> =
        children.into_iter().map(|c| succeeded(c.wait_with_output().unwrap(), &["enroll"])).collect();
    numbers.sort();
    let expected: Vec<String> = (1..=clerks).map(|n| format!("2023-{n:04}")).collect();
    assert_eq!(numbers, expected, "every clerk got a number of their own, none skipped");
    assert_eq!(e.scalar("SELECT count(*) FROM cases"), clerks.to_string());
    assert_eq!(e.scalar("SELECT count(DISTINCT actor) FROM audit_log WHERE action = 'enroll'"), clerks.to_string());
    e.ok(&["audit", "verify"]);
    e.ok(&["check"]);
}

/// A Windows program, run under Wine in `e`'s clean environment. Wine reads the arguments
/// by the Unix locale, which the clean environment lacks: they are UTF-8.
fn wine(e: &Env, exe: &Path, args: &[&str]) -> Command {
    let mut c = Command::new("wine");
    c.arg(exe);
    let mut c = e.command_of(c, args);
    c.env("LC_ALL", "C.UTF-8");
    c
}

#[test]
fn a_register_another_program_holds_open_is_not_replaced_and_the_refusal_says_so() {
    let Some(hold) = std::env::var_os("MH51_TEST_HOLD") else { return };
    let e = Env::new();
    e.enroll("Nguyễn Văn An", "1", "2023-01-05", &[]);
    let key = key_file(&e, "mh51.key", &format!("\u{FEFF}{PASS}\r\n"));
    // Another program (as the sqlite3 shell or a backup tool would) opens the register.
    let mut held = wine(&e, Path::new(&hold), &[e.db.to_str().unwrap()])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufRead::read_line(&mut std::io::BufReader::new(held.stdout.as_mut().unwrap()), &mut line).unwrap();
    assert_eq!(line.trim(), "held");
    let before = dump(&e.db);
    let err =
        one_error(&run_k(&e, &key, &["encrypt"]), &["held open by another program", "test.db", "nothing was changed"]);
    assert!(err.contains("os error"), "the system's own words are kept: {err}");
    assert_eq!(dump(&e.db), before, "the register is untouched");
    assert!(header_is_plain(&e.db));
    assert!(!e.path("test.db.mh51-new").exists(), "the new copy is removed");
    // Once the other program lets go, encrypt works.
    drop(held.stdin.take());
    assert!(held.wait().unwrap().success());
    ok_k(&e, &key, &["encrypt"]);
    assert!(!header_is_plain(&e.db));
    // rekey is refused the same way while the file is held.
    let mut held = wine(&e, Path::new(&hold), &[e.db.to_str().unwrap()])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufRead::read_line(&mut std::io::BufReader::new(held.stdout.as_mut().unwrap()), &mut line).unwrap();
    let new = key_file(&e, "new.key", &format!("{NEW_PASS}\n"));
    one_error(&run_k(&e, &key, &["rekey", "--new-key-file", new.to_str().unwrap()]), &["held open by another program"]);
    drop(held.stdin.take());
    held.wait().unwrap();
    ok_k(&e, &key, &["check"]);
}

#[test]
fn the_pdf_brief_finds_microsoft_edge_in_its_standard_folder() {
    let Some(fake) = std::env::var_os("MH51_TEST_FAKE_BROWSER") else { return };
    let prefix = PathBuf::from(std::env::var_os("WINEPREFIX").expect("WINEPREFIX"));
    let app = prefix.join("drive_c/Program Files (x86)/Microsoft/Edge/Application");
    let edge = app.join("msedge.exe");
    let e = Env::new();
    e.enroll("Nguyễn Văn An", "1", "2023-04-05", &[]);
    // No browser anywhere: refused, saying which ones are looked for.
    let _ = std::fs::remove_file(&edge);
    e.refused(
        &["report", "brief", "-p", "2023-Q2", "-o", "brief.pdf"],
        &["Microsoft Edge", "Google Chrome", "--chromium"],
    );
    assert!(!e.path("brief.pdf").exists());
    std::fs::create_dir_all(&app).unwrap();
    std::fs::copy(&fake, &edge).unwrap();
    let printed = e.run(&["report", "brief", "-p", "2023-Q2", "-o", "brief.pdf"]);
    std::fs::remove_file(&edge).unwrap();
    assert_eq!(succeeded(printed, &["report", "brief"]), "brief.pdf");
    // The stand-in wrote the arguments it was given into the "PDF".
    let pdf = std::fs::read_to_string(e.path("brief.pdf")).unwrap();
    assert!(pdf.starts_with("%PDF"), "{pdf}");
    for arg in ["--headless", "--no-pdf-header-footer", "--print-to-pdf=", "--user-data-dir="] {
        assert!(pdf.lines().any(|l| l.starts_with(arg)), "{arg} missing: {pdf}");
    }
    let url = pdf.lines().last().unwrap();
    assert!(url.starts_with("file:///C:/") && url.ends_with("/brief.html"), "a Windows file URL: {url}");
    assert!(!pdf.contains("--no-sandbox"), "never without the sandbox on Windows: {pdf}");
}

#[test]
fn the_zip_holds_the_program_the_guide_and_completions_and_never_the_stand_in() {
    let Some(zip) = std::env::var_os("MH51_TEST_ZIP") else { return };
    let zip = PathBuf::from(zip);
    let name = format!("mh51-{}-windows-x86_64.zip", env!("CARGO_PKG_VERSION"));
    assert_eq!(zip.file_name().unwrap().to_str().unwrap(), name);
    let list = Command::new("unzip").arg("-Z1").arg(&zip).output().unwrap();
    let mut entries: Vec<String> = String::from_utf8(list.stdout).unwrap().lines().map(String::from).collect();
    entries.sort();
    assert_eq!(entries, ["HUONG-DAN.txt", "mh51-completions.ps1", "mh51.exe"]);
    assert!(!entries.iter().any(|e| e.to_ascii_lowercase().ends_with(".dll")), "no DLL in the zip");
    let e = Env::empty();
    let dest = e.path("giải nén");
    let unzipped = Command::new("unzip").arg("-q").arg(&zip).arg("-d").arg(&dest).status().unwrap();
    assert!(unzipped.success());
    let exe = std::fs::read(dest.join("mh51.exe")).unwrap();
    assert!(exe.starts_with(b"MZ"), "a Windows program");
    let guide = std::fs::read_to_string(dest.join("HUONG-DAN.txt")).unwrap();
    assert!(guide.starts_with('\u{FEFF}'), "UTF-8 with BOM for Notepad");
    assert!(guide.split_inclusive('\n').all(|l| l.ends_with("\r\n")), "CRLF line ends");
    for needle in ["chcp 65001", "[Console]::OutputEncoding = [Text.Encoding]::UTF8", "PATH", "mh51 init", "--key-file"]
    {
        let found = guide.contains(needle) || (needle == "mh51 init" && guide.contains("init --district"));
        assert!(found, "the guide says {needle:?}");
    }
    let completions = std::fs::read_to_string(dest.join("mh51-completions.ps1")).unwrap();
    assert!(completions.contains("Register-ArgumentCompleter") && completions.contains("'mh51'"), "{completions}");
    assert!(completions.contains("'encrypt'") && completions.contains("'rekey'"), "every command is completed");
    if !under_wine() {
        return;
    }
    // The unzipped program runs as the clerk would run it (the stand-in DLL is in the test
    // Wine's system32, never beside the program).
    assert!(!dest.join("bcryptprimitives.dll").exists());
    let exe = dest.join("mh51.exe");
    let run = |args: &[&str]| succeeded(wine(&e, &exe, args).stdin(Stdio::null()).output().unwrap(), args);
    assert_eq!(run(&["--version"]), format!("mh51 {}", env!("CARGO_PKG_VERSION")));
    run(&["init", "--district", "Quận 6"]);
    assert_eq!(
        run(&["enroll", "Nguyễn Văn An", "--ward", "1", "--category", "prison", "--date", "2023-01-05"]),
        "2023-0001"
    );
    let summary = run(&["report", "summary", "-p", "2023", "-f", "csv"]);
    let rows = crate::util::csv_rows(&summary);
    let ward1 = rows.iter().find(|r| r[0] == "1").unwrap_or_else(|| panic!("{summary}"));
    assert!(ward1.contains(&"1".to_string()), "ward 1 has its one case: {ward1:?}");
}
