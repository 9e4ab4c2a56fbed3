//! Safety (SPEC §8, issue 5): `check` names every broken rule, the audit chain catches
//! tampering, backups are consistent and private, parallel clerks all succeed, a killed
//! import leaves all or nothing, migrations keep old files and refuse new ones, garbage
//! input is refused cleanly.
//!
//! The tamper tests open the file directly, as someone holding it with the `sqlite3` shell
//! would: they drop the guarding index or trigger first, or switch off CHECKs and foreign
//! keys, then break exactly one rule and require `check` to name it and its row.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::util::{bin, dump, Env};

/// A small register with every kind of row, built through the binary.
///
/// - member 1 Trần Văn Bình (CA, ward 1), member 2 Lê Thị Cúc (PN, ward 1), member 3
///   Võ Văn Giang (CCB, ward 2) who left on 2022-12-31; all joined 2020-01-01.
/// - case 2022-0001 Hoàng Văn Em (person 1): enrolled 2022-05-05, member 1, released
///   `moved` 2022-12-01.
/// - case 2023-0001 Nguyễn Văn An (person 2, id 079090001234, born 1990): enrolled
///   2023-01-05, member 1, review 1 (class A, 2023-02-01, by member 1). Open.
/// - case 2023-0002 Phạm Thị Dung (person 3): enrolled 2023-02-01, member 2, support 1
///   (loan 5,000,000 on 2023-03-01, by member 2), released `progressed` 2023-04-01,
///   credited to member 2.
fn world() -> Env {
    let e = Env::new();
    assert_eq!(e.member("Trần Văn Bình", "CA", "1"), "1");
    assert_eq!(e.member("Lê Thị Cúc", "PN", "1"), "2");
    assert_eq!(e.member("Võ Văn Giang", "CCB", "2"), "3");
    e.ok(&["member", "leave", "3", "--date", "2022-12-31"]);
    assert_eq!(e.enroll("Hoàng Văn Em", "1", "2022-05-05", &["--member", "1"]), "2022-0001");
    e.ok(&["release", "2022-0001", "--reason", "moved", "--date", "2022-12-01"]);
    assert_eq!(
        e.enroll(
            "Nguyễn Văn An",
            "1",
            "2023-01-05",
            &["--member", "1", "--id-number", "079090001234", "--born", "1990"]
        ),
        "2023-0001"
    );
    assert_eq!(e.ok(&["review", "2023-0001", "--class", "A", "--date", "2023-02-01"]), "1");
    assert_eq!(e.enroll("Phạm Thị Dung", "2", "2023-02-01", &["--member", "2"]), "2023-0002");
    assert_eq!(e.ok(&["support", "2023-0002", "--kind", "loan", "--amount", "5000000", "--date", "2023-03-01"]), "1");
    e.ok(&["release", "2023-0002", "--reason", "progressed", "--date", "2023-04-01"]);
    e
}

/// Break the world with `sql` (run on a raw connection), then `check` must exit 1, name
/// every needle, and leave the file as it found it.
fn broken(sql: &str, needles: &[&str]) -> String {
    let e = world();
    e.raw().execute_batch(sql).expect("tampering");
    e.refused(&["check"], needles)
}

#[test]
fn check_passes_on_a_sound_register() {
    let e = world();
    let o = e.run(&["check"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "check should pass: {err}");
    // 3 cases in the world.
    assert!(err.contains("over 3 cases"), "{err}");
    assert!(err.contains("audit chain intact"), "{err}");
    assert!(o.stdout.is_empty());
}

#[test]
fn check_opens_read_only_and_never_writes() {
    let e = world();
    let before = std::fs::read(&e.db).unwrap();
    std::fs::set_permissions(&e.db, std::fs::Permissions::from_mode(0o400)).unwrap();
    e.ok(&["check"]);
    std::fs::set_permissions(&e.db, std::fs::Permissions::from_mode(0o600)).unwrap();
    assert_eq!(before, std::fs::read(&e.db).unwrap());
}

#[test]
fn check_finds_two_open_cases_of_one_person() {
    // Person 3 (case 2023-0002) becomes person 2, who already has open case 2023-0001.
    broken(
        "DROP INDEX cases_one_open;
         UPDATE cases SET person_id = 2, released_on = NULL, reason = NULL, credited_member_id = NULL
         WHERE case_no = '2023-0002';",
        &["person 2: a person has more than one open case", "2023-0001, 2023-0002"],
    );
}

#[test]
fn check_finds_overlapping_cases_of_one_person() {
    // 2022-0001 moves to person 2 and now ends 2023-02-01, after 2023-0001 began (2023-01-05).
    broken(
        "UPDATE cases SET person_id = 2, released_on = '2023-02-01' WHERE case_no = '2022-0001';
         UPDATE assignments SET end_on = '2023-02-01' WHERE case_id = (SELECT id FROM cases WHERE case_no = '2022-0001');",
        &["case 2023-0001: two cases of the same person overlap in time", "2022-0001"],
    );
}

#[test]
fn check_finds_two_current_assignments() {
    broken(
        "DROP INDEX assignments_one_current;
         INSERT INTO assignments (case_id, member_id, start_on)
           VALUES ((SELECT id FROM cases WHERE case_no = '2023-0001'), 2, '2023-03-01');",
        &["case 2023-0001: a case has more than one current assignment", "members 1, 2"],
    );
}

#[test]
fn check_finds_a_released_case_still_assigned() {
    broken(
        "UPDATE assignments SET end_on = NULL WHERE case_id = (SELECT id FROM cases WHERE case_no = '2023-0002');",
        &["case 2023-0002: a released case still has a current assignment", "member 2 still assigned"],
    );
}

#[test]
fn check_finds_overlapping_assignments() {
    // Member 2 from 2023-01-10 to 2023-01-20 while member 1 holds the case since 2023-01-05.
    broken(
        "INSERT INTO assignments (case_id, member_id, start_on, end_on)
           VALUES ((SELECT id FROM cases WHERE case_no = '2023-0001'), 2, '2023-01-10', '2023-01-20');",
        &["case 2023-0001: two assignments of a case overlap in time"],
    );
}

#[test]
fn check_finds_an_assignment_before_enrollment() {
    broken(
        "UPDATE assignments SET start_on = '2023-01-01' WHERE case_id = (SELECT id FROM cases WHERE case_no = '2023-0001');",
        &["case 2023-0001: an assignment lies outside its case's enrollment and release dates", "from 2023-01-01"],
    );
}

#[test]
fn check_finds_events_outside_the_case() {
    broken(
        "UPDATE reviews SET reviewed_on = '2022-12-31' WHERE id = 1;",
        &["case 2023-0001: a review is dated outside", "review 1 on 2022-12-31"],
    );
    // Support 1 after 2023-0002 was released (2023-04-01).
    broken(
        "UPDATE supports SET given_on = '2023-05-01' WHERE id = 1;",
        &["case 2023-0002: a support is dated outside", "support 1 on 2023-05-01"],
    );
}

#[test]
fn check_finds_an_inconsistent_release() {
    broken(
        "PRAGMA ignore_check_constraints = ON; UPDATE cases SET reason = NULL WHERE case_no = '2022-0001';",
        &["case 2022-0001: a release is incomplete or inconsistent", "reason none"],
    );
    broken(
        "PRAGMA ignore_check_constraints = ON; UPDATE cases SET credited_member_id = NULL WHERE case_no = '2023-0002';",
        &["case 2023-0002: a release is incomplete or inconsistent", "credited member none"],
    );
}

#[test]
fn check_finds_a_credit_to_a_member_not_active() {
    // Member 2 leaves on 2023-03-01 but is credited on 2023-04-01.
    broken(
        "UPDATE members SET left_on = '2023-03-01' WHERE id = 2;",
        &[
            "case 2023-0002: the member credited with a progressed release does not exist or was not active",
            "credited member 2",
        ],
    );
    // A credit to member 99, who never existed (foreign keys switched off).
    broken(
        "PRAGMA foreign_keys = OFF; UPDATE cases SET credited_member_id = 99 WHERE case_no = '2023-0002';",
        &["credited member 99", "no such member", "cases row 3: refers to a missing row"],
    );
}

#[test]
fn check_finds_an_assignment_to_a_member_not_yet_joined() {
    // Member 1 now joins 2023-02-01, after being assigned 2022-05-05 and 2023-01-05.
    broken(
        "UPDATE members SET joined_on = '2023-02-01' WHERE id = 1;",
        &[
            "case 2022-0001: a case is assigned to a member who was not active on the assignment's first day",
            "case 2023-0001: a case is assigned to a member who was not active",
        ],
    );
}

#[test]
fn check_finds_an_assignment_past_the_members_leaving() {
    // Member 1 leaves 2023-03-01 while still holding 2023-0001.
    broken(
        "UPDATE members SET left_on = '2023-03-01' WHERE id = 1;",
        &["case 2023-0001: an assignment runs past the day its member left", "member 1 left 2023-03-01"],
    );
}

#[test]
fn check_finds_reviews_and_supports_by_members_who_left() {
    // Member 3 left 2022-12-31.
    broken(
        "UPDATE reviews SET member_id = 3 WHERE id = 1;",
        &["case 2023-0001: a review is recorded by a member who was not active that day", "by member 3"],
    );
    broken(
        "UPDATE supports SET member_id = 3 WHERE id = 1;",
        &["case 2023-0002: a support is recorded by a member who was not active that day", "by member 3"],
    );
}

#[test]
fn check_finds_bad_identity_numbers_without_printing_them() {
    let err = broken(
        "PRAGMA ignore_check_constraints = ON; UPDATE persons SET id_number = '07909' WHERE id = 2;",
        &["person 2: an identity number is not 9 or 12 digits", "5 characters"],
    );
    assert!(!err.contains("07909"), "check must not print identity numbers: {err}");
    let err = broken(
        "DROP INDEX persons_id_number; UPDATE persons SET id_number = '079090001234' WHERE id = 3;",
        &["person 2: an identity number is held by more than one person", "persons 2, 3"],
    );
    assert!(!err.contains("079090001234"), "{err}");
}

#[test]
fn check_finds_impossible_dates() {
    // 31 February passes the GLOB of the schema but is no calendar day.
    broken(
        "UPDATE cases SET enrolled_on = '2023-02-31' WHERE case_no = '2023-0002';",
        &["case 2023-0002: a date is not a real calendar day", "enrolled_on '2023-02-31'"],
    );
    // reviewed_on has no CHECK at all: a DD/MM/YYYY string slipped in by hand.
    broken(
        "UPDATE reviews SET reviewed_on = '01/02/2023' WHERE id = 1;",
        &["case 2023-0001: a date is not a real calendar day", "review 1 reviewed_on '01/02/2023'"],
    );
    broken(
        "UPDATE members SET joined_on = '1899-12-31' WHERE id = 3;",
        &["member 3: a date is not a real calendar day", "joined_on '1899-12-31'"],
    );
}

#[test]
fn check_finds_future_dates() {
    // Today is 2023-06-30 in tests.
    broken(
        "UPDATE reviews SET reviewed_on = '2023-07-15' WHERE id = 1;",
        &["case 2023-0001: a date is in the future", "review 1 on 2023-07-15"],
    );
}

#[test]
fn check_finds_a_case_number_not_matching_year_and_sequence() {
    broken(
        "UPDATE cases SET seq = 7 WHERE case_no = '2023-0002';",
        &["case 2023-0002: a case number does not match its year and sequence", "seq 7"],
    );
    // The enrollment moved to 2022 but the number kept 2023.
    broken(
        "PRAGMA ignore_check_constraints = ON; UPDATE cases SET enrolled_on = '2022-12-30' WHERE case_no = '2023-0002';",
        &["case 2023-0002: a case number does not match", "enrolled 2022-12-30"],
    );
}

#[test]
fn check_finds_values_outside_their_vocabulary() {
    broken(
        "PRAGMA ignore_check_constraints = ON;
         UPDATE reviews SET class = 'E' WHERE id = 1;
         UPDATE supports SET amount = -5 WHERE id = 1;
         UPDATE persons SET gender = 'x' WHERE id = 1;
         UPDATE members SET left_on = '2019-01-01' WHERE id = 3;",
        &[
            "case 2023-0001: a value is outside its vocabulary or limits (review 1 class 'E')",
            "case 2023-0002: a value is outside its vocabulary or limits (support 1 amount -5)",
            "person 1: a value is outside its vocabulary or limits (gender 'x')",
            "member 3: a member left before joining",
        ],
    );
}

#[test]
fn check_finds_birth_after_enrollment() {
    // Person 2 born 2024 (allowed by the CHECK, 1900..2100), enrolled 2023.
    broken(
        "UPDATE persons SET birth_year = 2024 WHERE id = 2;",
        &["case 2023-0001: a person was born after one of their cases was enrolled", "born 2024"],
    );
}

#[test]
fn check_finds_a_person_without_a_case() {
    broken(
        "INSERT INTO persons (name, name_fold) VALUES ('Đỗ Văn Hùng', 'do van hung');",
        &["person 4: a person has no case"],
    );
}

#[test]
fn check_finds_names_not_clean_or_badly_folded_without_printing_them() {
    // "Nguyễn" decomposed (e + U+0302 + U+0303): looks the same, is not NFC.
    let err = broken(
        "UPDATE persons SET name = 'Nguye\u{0302}\u{0303}n Văn An' WHERE id = 2;",
        &["person 2: a name is not stored cleaned"],
    );
    assert!(!err.contains("Văn An"), "check must not print names: {err}");
    broken(
        "UPDATE persons SET name_fold = 'pham thi dun' WHERE id = 3;
         UPDATE members SET name = 'Lê  Thị Cúc' WHERE id = 2;
         UPDATE wards SET code_fold = 'x3' WHERE code = '3';",
        &[
            "person 3: a folded search key does not match its name",
            "member 2: a name is not stored cleaned",
            "ward 3: a folded search key does not match",
        ],
    );
}

#[test]
fn check_finds_a_missing_foreign_row() {
    broken(
        "PRAGMA foreign_keys = OFF; UPDATE reviews SET case_id = 999 WHERE id = 1;",
        &["reviews row 1: refers to a missing row (in cases)"],
    );
}

#[test]
fn check_runs_sqlite_integrity_check() {
    // The index cases_enrolled is redefined over another column behind SQLite's back: its
    // entries no longer match the table, which only integrity_check can see.
    broken(
        "PRAGMA writable_schema = ON;
         UPDATE sqlite_master SET sql = 'CREATE INDEX cases_enrolled ON cases (released_on)' WHERE name = 'cases_enrolled';",
        &["SQLite integrity check failed", "cases_enrolled"],
    );
}

// ---------------------------------------------------------------------------------------
// The audit chain: edited, deleted, inserted rows (issue 5 item 5).

/// Both `audit verify` and `check` must name the broken row.
fn chain_broken(e: &Env, seq: i64, why: &str) {
    let err = e.refused(&["audit", "verify"], &[&format!("audit chain broken at row {seq}"), why]);
    assert!(err.starts_with("error: "));
    e.refused(&["check"], &[&format!("audit row {seq}: the audit hash chain is broken"), why]);
}

#[test]
fn audit_chain_catches_an_edited_row() {
    let e = world();
    e.ok(&["audit", "verify"]);
    e.raw()
        .execute_batch("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'mallory' WHERE seq = 5;")
        .unwrap();
    chain_broken(&e, 5, "the row was edited");
}

#[test]
fn audit_chain_catches_a_deleted_row() {
    let e = world();
    // As someone holding the file would: foreign keys off (the ledger's rows refer to audit rows).
    e.raw()
        .execute_batch(
            "PRAGMA foreign_keys = OFF; DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq = 5;",
        )
        .unwrap();
    chain_broken(&e, 6, "expected row 5 next but found row 6");
}

#[test]
fn audit_chain_catches_an_inserted_row_even_with_a_correct_hash() {
    let e = world();
    // Make room at seq 5 (negate, then shift, so the primary key never collides), then
    // forge a row there whose own hash is computed correctly from row 4.
    let c = e.raw();
    c.execute_batch(
        "PRAGMA foreign_keys = OFF;
         DROP TRIGGER audit_log_no_update;
         UPDATE audit_log SET seq = -seq WHERE seq >= 5;
         UPDATE audit_log SET seq = 1 - seq WHERE seq < 0;",
    )
    .unwrap();
    let prev: String = c.query_row("SELECT hash FROM audit_log WHERE seq = 4", [], |r| r.get(0)).unwrap();
    let (at, actor, action, entity, key, detail) =
        ("2023-06-30T10:00:00", "mallory", "release", "case", "2023-0001", "{}");
    let hash = mh51::audit::row_hash(&prev, 5, at, actor, action, entity, key, detail);
    c.execute(
        "INSERT INTO audit_log VALUES (5, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        rusqlite::params![at, actor, action, entity, key, detail, prev, hash],
    )
    .unwrap();
    drop(c);
    // Row 5 is self-consistent; the old row 5, now 6, no longer chains to it, and its
    // content (which includes its seq) no longer matches its hash.
    chain_broken(&e, 6, "prev_hash does not match");
}

#[test]
fn check_catches_the_tail_of_the_audit_log_cut_off() {
    // Cutting the newest rows leaves an audit chain that verifies on its own; but the ledger
    // row that sealed the cut row is left without it, the rows it described remain, and
    // check also sees that case 2023-0003 has no history.
    let e = world();
    assert_eq!(e.enroll("Bùi Thị Hoa", "3", "2023-05-05", &[]), "2023-0003");
    let last = e.scalar("SELECT max(seq) FROM audit_log");
    e.raw()
        .execute_batch(
            "PRAGMA foreign_keys = OFF; DROP TRIGGER audit_log_no_delete;
             DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log);",
        )
        .unwrap();
    let sealed = format!("audit row {last}: the ledger chain is broken (no audit row has this number)");
    e.refused(&["audit", "verify"], &[&sealed]);
    e.refused(&["check"], &["case 2023-0003: a case or member has no audit row", &sealed]);
}

// ---------------------------------------------------------------------------------------
// Backups.

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

#[test]
fn backup_is_private_checked_and_refuses_an_existing_file() {
    let e = world();
    let dest = e.path("copy.db");
    assert_eq!(e.ok(&["backup", dest.to_str().unwrap()]), dest.to_str().unwrap());
    assert_eq!(mode(&dest), 0o600);
    // A standalone file: no WAL side files next to it.
    assert!(!e.path("copy.db-wal").exists());
    assert_eq!(dump(&dest), dump(&e.db));
    let o = e.command(&["check"]).env("MH51_DB", &dest).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    // Again to the same name: refused, naming it, the existing copy untouched.
    let before = std::fs::read(&dest).unwrap();
    e.refused(&["backup", dest.to_str().unwrap()], &["copy.db", "already exists"]);
    assert_eq!(before, std::fs::read(&dest).unwrap());
}

// ---------------------------------------------------------------------------------------
// Several clerks at once.

/// Start `n` shell loops that each wait for the file `go`, then run `script` (with `$W` set
/// to the worker number and `mh51` on PATH). All are started before any is waited on.
fn workers(e: &Env, n: usize, script: &str) -> Vec<std::process::Child> {
    let bindir = bin().parent().unwrap().to_path_buf();
    (0..n)
        .map(|w| {
            let mut c = Command::new("bash");
            c.arg("-c")
                .arg(format!("while [ ! -e go ]; do sleep 0.005; done; {script}"))
                .env_clear()
                .env("PATH", format!("{}:{}", bindir.display(), std::env::var("PATH").unwrap_or_default()))
                .env("MH51_DB", &e.db)
                .env("MH51_TODAY", &e.today)
                .env("MH51_ACTOR", format!("clerk{w}"))
                .env("W", w.to_string())
                .current_dir(e.dir.path())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped());
            c.spawn().expect("spawning a worker")
        })
        .collect()
}

#[test]
fn eight_clerks_enrolling_at_once_all_succeed() {
    let e = Env::new();
    let mut kids = workers(
        &e,
        8,
        r#"for i in $(seq 25); do mh51 enroll "Lê Văn Thử $W $i" --ward 1 --category prison --date 2023-03-01 || exit 1; done"#,
    );
    std::fs::write(e.path("go"), "").unwrap();
    let mut numbers = Vec::new();
    for k in kids.drain(..) {
        let o = k.wait_with_output().unwrap();
        assert!(o.status.success(), "a clerk failed: {}", String::from_utf8_lossy(&o.stderr));
        numbers.extend(String::from_utf8(o.stdout).unwrap().lines().map(String::from));
    }
    // 8 clerks × 25 enrollments = 200 cases, numbered 2023-0001 … 2023-0200 with no gap
    // and no number given twice.
    numbers.sort();
    let want: Vec<String> = (1..=200).map(|i| format!("2023-{i:04}")).collect();
    assert_eq!(numbers, want);
    assert_eq!(e.scalar("SELECT count(DISTINCT case_no) FROM cases"), "200");
    // One audit row per enrollment: 200, in one unbroken chain.
    assert_eq!(e.scalar("SELECT count(*) FROM audit_log WHERE action = 'enroll'"), "200");
    e.ok(&["audit", "verify"]);
    e.ok(&["check"]);
}

#[test]
fn backup_while_clerks_write_is_consistent() {
    let e = Env::new();
    e.member("Trần Văn Bình", "CA", "1");
    let mut kids = workers(
        &e,
        3,
        r#"for i in $(seq 30); do c=$(mh51 enroll "Đặng Thị Thử $W $i" --ward 2 --category drugs --date 2023-03-01 --member 1) || exit 1;
           mh51 review "$c" --class B --date 2023-04-01 >/dev/null || exit 1; done"#,
    );
    std::fs::write(e.path("go"), "").unwrap();
    // Copies one after another for as long as the clerks write (each takes a few ms; the
    // writing takes about a second), so some copies must catch the register half-written.
    let mut copies = Vec::new();
    let mut outputs = Vec::new();
    while !kids.is_empty() && copies.len() < 400 {
        let dest = e.path(&format!("during-{}.db", copies.len()));
        e.ok(&["backup", dest.to_str().unwrap()]);
        copies.push(dest);
        let mut i = 0;
        while i < kids.len() {
            if kids[i].try_wait().unwrap().is_some() {
                outputs.push(kids.remove(i).wait_with_output().unwrap());
            } else {
                i += 1;
            }
        }
    }
    for k in kids.drain(..) {
        outputs.push(k.wait_with_output().unwrap());
    }
    for o in outputs {
        assert!(o.status.success(), "a clerk failed: {}", String::from_utf8_lossy(&o.stderr));
    }
    let mut seen = Vec::new();
    let mut checked = 0;
    for dest in &copies {
        assert_eq!(mode(dest), 0o600);
        let c = rusqlite::Connection::open(dest).unwrap();
        let (cases, audited): (i64, i64) = c
            .query_row(
                "SELECT (SELECT count(*) FROM cases), (SELECT count(*) FROM audit_log WHERE action = 'enroll')",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        // A snapshot: every case in the copy has its audit row and nothing more.
        assert_eq!(cases, audited);
        seen.push(cases);
        // `check` and `audit verify` on the first copies, the last, and up to 8 partial ones
        // (a process each: all of them would take long).
        let partial = cases > 0 && cases < 90;
        if !(checked < 3 || (partial && checked < 11) || Some(dest) == copies.last()) {
            continue;
        }
        checked += 1;
        for cmd in [&["check"][..], &["audit", "verify"][..]] {
            let o = e.command(cmd).env("MH51_DB", dest).output().unwrap();
            assert_eq!(
                o.status.code(),
                Some(0),
                "{cmd:?} on {}: {}",
                dest.display(),
                String::from_utf8_lossy(&o.stderr)
            );
        }
    }
    // 3 clerks × 30 = 90 cases at the end; the copies saw the register grow, and at least one
    // caught it between the first and the last write: a consistent partial state.
    assert_eq!(e.scalar("SELECT count(*) FROM cases"), "90");
    assert!(seen.windows(2).all(|w| w[0] <= w[1]), "{seen:?}");
    assert!(seen.iter().any(|&n| n > 0 && n < 90), "no copy caught the clerks mid-way: {seen:?}");
}

// ---------------------------------------------------------------------------------------
// Schema versions and migrations.

fn fixture_v1() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/v1.db"))
}

/// An Env whose database is a copy of the version 1 fixture.
fn env_from_v1() -> Env {
    let e = Env::empty();
    std::fs::copy(fixture_v1(), &e.db).unwrap();
    std::fs::set_permissions(&e.db, std::fs::Permissions::from_mode(0o600)).unwrap();
    e
}

/// The schema as sorted `type name sql` lines, whitespace normalised.
fn schema_of(db: &Path) -> Vec<String> {
    let c = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let mut stmt = c
        .prepare("SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
        .unwrap();
    let mut v: Vec<String> = stmt
        .query_map([], |r| {
            let sql: String = r.get(3)?;
            Ok(format!(
                "{} {} {} {}",
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                sql.split_whitespace().collect::<Vec<_>>().join(" ")
            ))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    v.sort();
    v
}

fn user_version(db: &Path) -> i64 {
    let c = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    c.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap()
}

/// The data of every table, without the schema version line.
fn data(db: &Path) -> String {
    crate::util::dump_rows(db).lines().filter(|l| !l.starts_with("user_version")).collect::<Vec<_>>().join("\n")
}

#[test]
fn a_newer_database_is_refused_and_left_byte_for_byte_unchanged() {
    let e = world();
    e.raw().execute_batch("PRAGMA user_version = 99;").unwrap();
    let before = std::fs::read(&e.db).unwrap();
    let dest = e.path("copy.db");
    for args in [
        &["list"][..],
        &["check"],
        &["audit", "verify"],
        &["review", "2023-0001", "--class", "B"],
        &["enroll", "Mai Văn Tâm", "--ward", "1", "--category", "prison"],
        &["backup", dest.to_str().unwrap()],
    ] {
        e.refused(args, &["schema version 99, newer than this mh51 understands", "the file was not touched"]);
    }
    assert_eq!(before, std::fs::read(&e.db).unwrap(), "a newer database must be left byte for byte");
    assert!(!dest.exists());
    let side: Vec<_> = std::fs::read_dir(e.dir.path()).unwrap().map(|d| d.unwrap().file_name()).collect();
    assert!(!side.iter().any(|n| n.to_string_lossy().contains(".bak")), "no backup of a newer file: {side:?}");
}

#[test]
fn the_v1_fixture_is_backed_up_then_migrated() {
    assert_eq!(user_version(fixture_v1()), 1);
    let e = env_from_v1();
    let original = data(&e.db);
    let seq_before: i64 = e.scalar("SELECT max(seq) FROM audit_log").parse().unwrap();
    // A read command never migrates (SPEC §16): it says `mh51 migrate` does, and leaves the
    // file byte for byte; `migrate` then backs it up and migrates it, audited.
    let bytes = std::fs::read(&e.db).unwrap();
    e.refused(&["list", "--status", "all", "-f", "csv"], &["mh51 migrate", "schema version 1"]);
    assert_eq!(std::fs::read(&e.db).unwrap(), bytes);
    e.ok(&["migrate"]);
    let listed = e.ok(&["list", "--status", "all", "-f", "csv"]);
    assert!(listed.contains("2022-0001") && listed.contains("2023-0001"), "{listed}");
    let bak = e.path("test.db.v1.bak");
    assert!(bak.exists(), "the v1 file must be kept beside the database");
    assert_eq!(mode(&bak), 0o600);
    assert_eq!(user_version(&bak), 1);
    assert_eq!(data(&bak), original, "the backup holds the file as it was");
    // Migrations 2 (no-delete triggers), 3 (partial release-date index) and 4 (ward
    // history: three empty columns on wards, two new tables) applied, and every later one
    // (5: the ledger, two new tables and one `baseline` audit row).
    assert_eq!(user_version(&e.db), mh51::db::SCHEMA_VERSION);
    let old_rows = |d: &str| -> String {
        let mut table = String::new();
        let mut kept = Vec::new();
        for l in d.lines() {
            if let Some(t) = l.strip_prefix("== ") {
                table = t.to_string();
            }
            // Migration 7 adds `signing_key` with the register's new key: a new row, not an old one;
            // migration 8 adds `sent_periods`, empty.
            if ["case_wards", "member_wards", "row_versions", "ledger", "signing_key", "sent_periods"]
                .contains(&table.as_str())
            {
                continue;
            }
            if table == "audit_log" && l.contains("Text(\"baseline\")") {
                continue;
            }
            kept.push(match table.as_str() {
                "wards" => l.trim_end_matches("|Null|Null|Null"),
                // Migration 6: voided_on and void_reason, empty.
                "reviews" | "supports" if !l.starts_with("== ") => l.strip_suffix("|Null|Null").unwrap_or(l),
                _ => l,
            });
        }
        kept.join("\n")
    };
    // The rows of the register as they were (the audit log up to its old end), plus one
    // `migrate` row.
    let c = rusqlite::Connection::open_with_flags(&e.db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let kept = crate::util::dump_rows_of(&c, seq_before);
    let kept: String = kept.lines().filter(|l| !l.starts_with("user_version")).collect::<Vec<_>>().join("\n");
    assert_eq!(old_rows(&kept), original, "migrating changes the schema, never the rows");
    assert_eq!(e.scalar("SELECT count(*) FROM audit_log"), (seq_before + 1).to_string());
    assert_eq!(e.scalar("SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1"), "migrate");
    e.ok(&["check"]);
    e.ok(&["audit", "verify"]);
    // And it keeps working: a new enrollment continues the 2023 numbering.
    assert_eq!(e.enroll("Mai Văn Tâm", "1", "2023-06-01", &[]), "2023-0002");
    // Opening again migrates nothing and makes no second backup.
    e.ok(&["check"]);
    assert!(!e.path("test.db.v1.bak.2").exists());
}

#[test]
fn a_migrated_database_has_the_schema_of_a_fresh_one() {
    let fresh = Env::new();
    let migrated = env_from_v1();
    migrated.ok(&["migrate"]);
    let (a, b) = (schema_of(&fresh.db), schema_of(&migrated.db));
    assert!(a.len() > 20, "{a:?}");
    assert_eq!(a, b);
    assert_eq!(user_version(&fresh.db), user_version(&migrated.db));
}

#[test]
fn a_failed_migration_leaves_the_old_version_whole() {
    // A v1 file in which someone already created a trigger named like one of migration 2:
    // migration 2 fails half-way, and its transaction leaves nothing of it behind.
    let e = env_from_v1();
    e.raw().execute_batch("CREATE TRIGGER reviews_no_delete BEFORE DELETE ON reviews BEGIN SELECT 1; END;").unwrap();
    let before = schema_of(&e.db);
    let err = e.fail(&["migrate"]);
    assert!(err.contains("applying migration 2"), "{err}");
    assert_eq!(user_version(&e.db), 1);
    assert_eq!(schema_of(&e.db), before, "no trigger of migration 2 may remain");
}

#[test]
fn nothing_can_be_deleted_from_the_register() {
    let e = world();
    let raw = e.raw();
    for t in ["persons", "cases", "members", "assignments", "reviews", "supports", "audit_log"] {
        let r = raw.execute(&format!("DELETE FROM {t}"), []);
        assert!(r.is_err(), "DELETE FROM {t} should be refused");
    }
    drop(raw);
    e.ok(&["check"]);
}

// ---------------------------------------------------------------------------------------
// Files that hold personal data are private (0600), whatever the umask.

/// Run `script` through bash with umask 000, `mh51` on PATH, in the test's environment.
fn sh_umask0(e: &Env, script: &str) -> std::process::Output {
    let bindir = bin().parent().unwrap().to_path_buf();
    Command::new("bash")
        .arg("-c")
        .arg(format!("umask 000; {script}"))
        .env_clear()
        .env("PATH", format!("{}:{}", bindir.display(), std::env::var("PATH").unwrap_or_default()))
        .env("MH51_DB", &e.db)
        .env("MH51_TODAY", &e.today)
        .env("MH51_ACTOR", "tester")
        .current_dir(e.dir.path())
        .output()
        .unwrap()
}

#[test]
fn every_file_with_personal_data_is_0600_even_with_umask_000() {
    let e = Env::empty();
    let o = sh_umask0(
        &e,
        r#"set -e
           mh51 init
           mh51 enroll "Nguyễn Văn An" --ward 1 --category prison --date 2023-01-05 >/dev/null
           mh51 backup copy.db >/dev/null
           mh51 list -f csv -o list.csv
           mh51 report summary -p 2023 -f xlsx -o summary.xlsx
           touch plain-file"#,
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    // The control: with umask 000 an ordinary file is world-writable.
    assert_eq!(mode(&e.path("plain-file")), 0o666);
    for f in ["test.db", "copy.db", "list.csv", "summary.xlsx"] {
        assert_eq!(mode(&e.path(f)), 0o600, "{f}");
    }
}

#[test]
fn wal_and_shm_side_files_are_0600() {
    let e = world();
    // Keep a reader open so the side files stay after mh51 exits (SQLite removes the WAL
    // when the last connection closes), then write through the binary.
    let holder = e.raw();
    let _: i64 = holder.query_row("SELECT count(*) FROM cases", [], |r| r.get(0)).unwrap();
    std::fs::remove_file(e.path("test.db-wal")).ok();
    let o = sh_umask0(&e, "mh51 review 2023-0001 --class B --date 2023-03-01");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    for f in ["test.db-wal", "test.db-shm"] {
        assert!(e.path(f).exists(), "{f} should exist while a connection is open");
        assert_eq!(mode(&e.path(f)), 0o600, "{f}");
    }
    drop(holder);
}

#[test]
fn the_migration_backup_is_0600_even_from_a_world_readable_file() {
    let e = env_from_v1();
    std::fs::set_permissions(&e.db, std::fs::Permissions::from_mode(0o644)).unwrap();
    let o = sh_umask0(&e, "mh51 migrate");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(mode(&e.path("test.db.v1.bak")), 0o600);
}

// ---------------------------------------------------------------------------------------
// No personal data in error messages beyond what the user typed.

#[test]
fn refusals_never_reveal_the_stored_person() {
    let e = world();
    for lang in ["en", "vi"] {
        // The duplicate check: a folded name and birth year like the person of open case
        // 2023-0001 (stored as "Nguyễn Văn An", identity number 079090001234).
        let err = e.refused(
            &["--lang", lang, "enroll", "nguyen van an", "--born", "1990", "--ward", "1", "--category", "prison"],
            &["nguyen van an", "2023-0001"],
        );
        assert!(!err.contains("Nguyễn") && !err.contains("079090001234"), "{err}");
        // The identity number typed belongs to a person with another name.
        let err = e.refused(
            &[
                "--lang",
                lang,
                "enroll",
                "Trịnh Văn Sơn",
                "--id-number",
                "079090001234",
                "--ward",
                "1",
                "--category",
                "prison",
            ],
            &["Trịnh Văn Sơn"],
        );
        assert!(!err.contains("Nguyễn") && !err.contains("Văn An") && !err.contains("1990"), "{err}");
        // Re-enrolling through --person with another name: the stored name stays hidden.
        let err = e.refused(
            &[
                "--lang",
                lang,
                "enroll",
                "Hoàng Văn Minh",
                "--person",
                "2022-0001",
                "--ward",
                "1",
                "--category",
                "prison",
            ],
            &["Hoàng Văn Minh"],
        );
        assert!(!err.contains("Hoàng Văn Em"), "{err}");
        // Correcting a case to an identity number held by someone else.
        let err = e.refused(&["--lang", lang, "edit", "2023-0002", "--id-number", "079090001234"], &["079090001234"]);
        assert!(!err.contains("Nguyễn") && !err.contains("2023-0001"), "{err}");
    }
}

// ---------------------------------------------------------------------------------------
// Garbage in.

#[test]
fn a_huge_note_is_refused_with_its_limit() {
    let e = world();
    // 100,000 characters (Linux allows 128 KiB per argument); the limit is 4000.
    let note = "a".repeat(100_000);
    e.refused(
        &["review", "2023-0001", "--class", "A", "--note", &note],
        &["note is too long (100000 characters): at most 4000"],
    );
    // 4001 of a two-byte letter: counted in characters, not bytes.
    let note = "ă".repeat(4001);
    e.refused(&["support", "2023-0001", "--kind", "gift", "--note", &note], &["(4001 characters): at most 4000"]);
    let name = "Nguyễn ".repeat(40);
    e.refused(&["enroll", &name, "--ward", "1", "--category", "prison"], &["name is too long", "at most 200"]);
    // Exactly at the limit is fine.
    e.ok(&["review", "2023-0001", "--class", "A", "--note", &"â".repeat(4000)]);
}

#[test]
fn invalid_utf8_in_arguments_is_a_clear_usage_error() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let e = world();
    for args in [
        vec![
            OsStr::new("enroll"),
            OsStr::from_bytes(b"Nguy\xffn V\xe3n"),
            "--ward".as_ref(),
            "1".as_ref(),
            "--category".as_ref(),
            "prison".as_ref(),
        ],
        vec![
            OsStr::new("review"),
            "2023-0001".as_ref(),
            "--class".as_ref(),
            "A".as_ref(),
            "--note".as_ref(),
            OsStr::from_bytes(b"\xc3\x28"),
        ],
        vec![OsStr::new("list"), "--search".as_ref(), OsStr::from_bytes(b"\xff\xfe")],
    ] {
        let before = dump(&e.db);
        let mut c = e.command(&[]);
        c.args(&args);
        let o = c.output().unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{err}");
        assert!(err.starts_with("error: invalid UTF-8 was detected"), "{err}");
        assert!(o.stdout.is_empty());
        assert_eq!(before, dump(&e.db));
    }
}

mod fuzz {
    //! Property tests: every parser of typed input, fed arbitrary text, either accepts it or
    //! refuses with a `Refusal` (which `main` prints as `error: …`), and never panics.

    use chrono::NaiveDate;
    use mh51::domain::types::{
        parse_amount, parse_birth, parse_date_any, parse_event_date, parse_id_number, CaseNo, Period,
    };
    use mh51::domain::Refusal;
    use proptest::prelude::*;

    /// Cases per property: 8 properties below × 4,000 = 32,000 parser runs per `cargo test`.
    const CASES: u32 = 4000;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2023, 6, 30).unwrap()
    }

    fn refused<T: std::fmt::Debug>(r: anyhow::Result<T>) -> bool {
        match r {
            Ok(_) => false,
            Err(e) => {
                let refusal = e.downcast_ref::<Refusal>().unwrap_or_else(|| panic!("not a Refusal: {e:#}"));
                assert!(!refusal.en.is_empty() && !refusal.vi.is_empty());
                true
            }
        }
    }

    /// Text that looks like what a clerk types: digits and separators, sometimes junk.
    fn clerkish() -> impl Strategy<Value = String> {
        prop_oneof![
            "[0-9]{0,5}[-/.q Q]{0,2}[0-9]{0,4}[-/.]{0,2}[0-9]{0,5}",
            "[0-9]{4}-[0-9]{2}-[0-9]{2}\\.\\.[0-9]{4}-[0-9]{2}-[0-9]{2}",
            "[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}",
            any::<String>(),
            proptest::collection::vec(any::<u8>(), 0..40).prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: CASES, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn dates_parse_or_refuse(s in clerkish()) {
            if let Ok(d) = parse_date_any(&s) {
                // Whatever is accepted is a real day that reads back the same in ISO.
                let iso = d.format("%Y-%m-%d").to_string();
                prop_assert_eq!(parse_date_any(&iso).ok(), Some(d));
            }
            if let Ok(d) = parse_event_date(&s, today()) {
                prop_assert!(d <= today());
            } else {
                prop_assert!(refused(parse_event_date(&s, today())));
            }
        }

        #[test]
        fn birth_parses_or_refuses(s in clerkish()) {
            let r = parse_birth(&s, today());
            if let Ok((y, d)) = &r {
                prop_assert!((1900..=2023).contains(y));
                prop_assert!(d.is_none_or(|d| d <= today()));
            } else {
                prop_assert!(refused(r));
            }
        }

        #[test]
        fn periods_parse_or_refuse(s in clerkish()) {
            let r = Period::parse(Some(&s), today());
            if let Ok(p) = &r {
                prop_assert!(p.from <= p.to);
            } else {
                prop_assert!(refused(r));
            }
        }

        #[test]
        fn case_numbers_parse_or_refuse(s in prop_oneof!["[0-9]{4}-[0-9]{1,10}", "[ 0-9-]{0,16}", any::<String>()]) {
            let r = CaseNo::parse(&s);
            if let Ok(c) = &r {
                prop_assert!(c.seq >= 1);
                prop_assert_eq!(CaseNo::parse(&c.to_string()).ok(), Some(*c));
            } else {
                prop_assert!(refused(r));
            }
        }

        #[test]
        fn amounts_parse_or_refuse(s in prop_oneof!["[-0-9., ]{0,24}", any::<String>()]) {
            let r = parse_amount(&s);
            if let Ok(v) = &r {
                prop_assert!(*v >= 0);
            } else {
                prop_assert!(refused(r));
            }
        }

        #[test]
        fn identity_numbers_parse_or_refuse(s in prop_oneof!["[0-9 ]{0,14}", any::<String>()]) {
            let r = parse_id_number(&s);
            if let Ok(v) = &r {
                prop_assert!(v.len() == 9 || v.len() == 12);
                prop_assert!(v.bytes().all(|b| b.is_ascii_digit()));
            } else {
                prop_assert!(refused(r));
            }
        }

        #[test]
        fn any_string_as_any_vocabulary_parses_or_refuses(s in any::<String>()) {
            use mh51::domain::types::{Class, Gender, Reason, SupportKind};
            // Accepted: the value is the one its own code (and labels) name, and the text
            // folds to one of them. Refused: a bilingual refusal naming the text and the codes.
            macro_rules! parses_or_refuses {
                ($t:ty) => {
                    match <$t>::parse(&s) {
                        Ok(v) => {
                            prop_assert_eq!(<$t>::parse(v.code()).ok(), Some(v));
                            let f = mh51::text::fold(&s);
                            // The code, a label, or one of the catalogue's aliases (SPEC §18).
                            let aliases = mh51::words::aliases(<$t>::KEY, v.code());
                            prop_assert!(
                                [v.code(), v.label(false), v.label(true)].iter().any(|l| mh51::text::fold(l) == f)
                                    || aliases.iter().any(|a| mh51::text::fold(a) == f),
                                "{:?} accepted as {:?}", s, v
                            );
                        }
                        Err(e) => {
                            let en = e.downcast_ref::<Refusal>().map(|r| r.en.clone()).unwrap_or_default();
                            prop_assert!(refused::<()>(Err(e)));
                            // Names the value, and lists every accepted code (with its label).
                            prop_assert!(en.contains(&format!("'{s}'")), "{}", en);
                            for v in <$t>::ALL {
                                prop_assert!(en.contains(v.code()), "{} does not list {}", en, v.code());
                            }
                        }
                    }
                };
            }
            parses_or_refuses!(Class);
            parses_or_refuses!(Reason);
            parses_or_refuses!(SupportKind);
            parses_or_refuses!(Gender);
        }

        #[test]
        fn names_and_texts_are_cleaned_or_refused(s in any::<String>()) {
            use mh51::domain::types::{parse_name, parse_text};
            match parse_name(&s, "name", "họ tên") {
                Ok(n) => {
                    prop_assert_eq!(mh51::text::clean(&n), n.clone());
                    prop_assert!(n.chars().count() <= 200);
                }
                Err(e) => prop_assert!(refused::<()>(Err(e))),
            }
            match parse_text(Some(&s), 4000, "note", "ghi chú") {
                Ok(_) => {}
                Err(e) => prop_assert!(refused::<()>(Err(e))),
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Crash safety: a killed import leaves every row or none.

/// A cases file of `n` invented people, enrolled on 2022-03-01 in wards 1..14.
fn cases_csv(n: usize) -> String {
    let mut s = String::from("name,ward,category,born,gender,id_number,address,enrolled,member,note\n");
    for i in 0..n {
        s.push_str(&format!("Nguyễn Văn Thử {i},{},prison,1990,male,,,2022-03-01,,ghi chú {i}\n", i % 14 + 1));
    }
    s
}

#[test]
fn an_import_killed_at_any_moment_leaves_all_or_nothing() {
    const N: usize = 2000;
    let template = Env::new();
    std::fs::write(template.path("big.csv"), cases_csv(N)).unwrap();
    let pristine = std::fs::read(&template.db).unwrap();
    let fresh = || {
        let e = Env::empty();
        std::fs::write(&e.db, &pristine).unwrap();
        std::fs::set_permissions(&e.db, std::fs::Permissions::from_mode(0o600)).unwrap();
        std::fs::copy(template.path("big.csv"), e.path("big.csv")).unwrap();
        e
    };
    // How long a whole import takes here, so that kill points can be placed across it and
    // around its commit.
    let whole = fresh();
    let t0 = std::time::Instant::now();
    assert_eq!(whole.ok(&["import", "cases", "big.csv"]), N.to_string());
    let full = t0.elapsed();
    assert_eq!(whole.scalar("SELECT count(*) FROM cases"), N.to_string());
    whole.ok(&["check"]);

    let ms = |f: f64| std::time::Duration::from_secs_f64(full.as_secs_f64() * f);
    // Fixed early points, then every tenth of the measured run and a few around its end
    // (where the commit happens): 21 kill points.
    let mut points: Vec<std::time::Duration> = [20, 50, 150, 400].map(std::time::Duration::from_millis).to_vec();
    points.extend([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.98, 1.0, 1.02, 1.05, 1.1, 1.25, 1.5].map(ms));
    let (mut none, mut all) = (0, 0);
    for &at in &points {
        let e = fresh();
        let mut child =
            e.command(&["import", "cases", "big.csv"]).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap();
        std::thread::sleep(at);
        let finished = child.try_wait().unwrap().is_some();
        child.kill().ok(); // SIGKILL on Unix: no destructor, no rollback, no cleanup runs.
        child.wait().unwrap();
        e.ok(&["check"]);
        e.ok(&["audit", "verify"]);
        let cases: usize = e.scalar("SELECT count(*) FROM cases").parse().unwrap();
        let audited: usize = e.scalar("SELECT count(*) FROM audit_log WHERE action = 'enroll'").parse().unwrap();
        assert!(cases == 0 || cases == N, "killed after {at:?}: {cases} of {N} rows were written");
        assert_eq!(cases, audited, "every case has its audit row");
        if finished {
            assert_eq!(cases, N);
        }
        if cases == 0 {
            none += 1;
            // The register is usable at once: the same file imports whole.
            assert_eq!(e.ok(&["import", "cases", "big.csv"]), N.to_string());
            e.ok(&["check"]);
        } else {
            all += 1;
        }
    }
    eprintln!(
        "import of {N} rows ({full:?}) killed at {} points: {none} left nothing, {all} left every row",
        points.len()
    );
    assert!(none >= 2, "the early kill points must interrupt the import");
}

#[test]
fn a_ten_megabyte_cell_is_refused_with_its_limit() {
    let e = Env::new();
    let mut csv = String::from("name,ward,category,enrolled,note\n");
    csv.push_str("Nguyễn Văn An,1,prison,2023-01-05,");
    csv.push_str(&"x".repeat(10 * 1024 * 1024));
    csv.push('\n');
    std::fs::write(e.path("huge.csv"), csv).unwrap();
    let err = e.refused(&["import", "cases", "huge.csv"], &["huge.csv:2", "note", "at most 4000"]);
    assert!(err.len() < 2000, "the message must not echo the cell: {} bytes", err.len());
}

mod fuzz_import {
    //! The CSV importer fed arbitrary bytes and near-valid files: it imports or refuses,
    //! never panics, and a refusal is a `Refusal` or an error with context (printed as
    //! `error: …` by `main`). Runs through the library for speed; a few files also go
    //! through the binary to check the exit code.

    use mh51::audit::Stamp;
    use mh51::domain::register::{seed, InitInput};
    use mh51::domain::Ctx;
    use mh51::import::{import, Kind};
    use proptest::prelude::*;

    /// 3,000 generated files per `cargo test`.
    const CASES: u32 = 3000;

    fn cell() -> impl Strategy<Value = String> {
        prop_oneof![
            Just(String::new()),
            Just("Nguyễn Văn An".to_string()),
            Just("Phường 2".to_string()),
            Just("1".to_string()),
            Just("prison".to_string()),
            Just("2023-01-05".to_string()),
            Just("31/02/2022".to_string()),
            Just("2099-01-01".to_string()),
            Just("079090001234".to_string()),
            Just("progressed".to_string()),
            Just("\"quoted, with comma\"".to_string()),
            Just("\"unterminated".to_string()),
            Just("=cmd|'/c calc'!A1".to_string()),
            "[0-9/-]{0,12}",
            any::<String>(),
        ]
    }

    fn header() -> impl Strategy<Value = String> {
        let cols = [
            "name",
            "ward",
            "category",
            "born",
            "gender",
            "id_number",
            "address",
            "enrolled",
            "member",
            "note",
            "released",
            "reason",
            "credited",
            "Họ tên",
            "Phường",
            "STT",
            "bogus",
        ];
        proptest::sample::subsequence(cols.to_vec(), 0..cols.len()).prop_shuffle().prop_map(|v| v.join(","))
    }

    fn file() -> impl Strategy<Value = Vec<u8>> {
        prop_oneof![
            proptest::collection::vec(any::<u8>(), 0..300),
            (
                any::<bool>(),
                header(),
                proptest::collection::vec(proptest::collection::vec(cell(), 0..14), 0..6),
                prop_oneof![Just("\n"), Just("\r\n"), Just(";")]
            )
                .prop_map(|(bom, h, rows, sep)| {
                    let mut s = if bom { "\u{feff}".to_string() } else { String::new() };
                    s.push_str(&h);
                    for r in rows {
                        s.push_str(sep);
                        s.push_str(&r.join(","));
                    }
                    s.into_bytes()
                }),
        ]
    }

    fn register() -> (tempfile::TempDir, rusqlite::Connection, Ctx) {
        let dir = tempfile::tempdir().unwrap();
        let mut conn = mh51::db::create(&dir.path().join("fuzz.db"), None).unwrap();
        let ctx = Ctx {
            stamp: Stamp { actor: "fuzz".into(), at: "2023-06-30T09:00:00".into() },
            today: chrono::NaiveDate::from_ymd_opt(2023, 6, 30).unwrap(),
        };
        mh51::db::write(&mut conn, |tx| seed(tx, &ctx, &InitInput { district: None, wards: 3, quota: 2 })).unwrap();
        (dir, conn, ctx)
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: CASES, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn any_file_imports_or_is_refused(bytes in file(), members in any::<bool>()) {
            thread_local! {
                static REG: std::cell::RefCell<Option<(tempfile::TempDir, rusqlite::Connection, Ctx)>> =
                    const { std::cell::RefCell::new(None) };
            }
            REG.with(|r| {
                let mut r = r.borrow_mut();
                let (_, conn, ctx) = r.get_or_insert_with(register);
                let tx = conn.transaction().unwrap();
                let kind = if members { Kind::Members } else { Kind::Cases };
                let out = import(&tx, ctx, kind, "fuzz.csv", std::io::Cursor::new(bytes.as_slice()), &mut |_| {});
                if let Err(e) = out {
                    let text = format!("{e:#}");
                    assert!(!text.is_empty());
                    if e.downcast_ref::<mh51::domain::Refusal>().is_none() {
                        // Not a rule: must be a read error with its context (file:line).
                        assert!(text.starts_with("reading fuzz.csv"), "unexpected error: {text}");
                    }
                }
                tx.rollback().unwrap();
            });
        }
    }

    #[test]
    fn garbage_files_through_the_binary_exit_0_or_1() {
        let e = crate::util::Env::new();
        let files: [&[u8]; 6] = [
            b"\xff\xfe\x00n\x00a\x00m\x00e",
            b"name,ward,category,enrolled\n\"Nguy\xe1n\",1,prison,2023-01-01\n",
            b"name,ward,category,enrolled\n\"open quote,1,prison,2023-01-01\n",
            b"",
            b"\xef\xbb\xbf",
            b"name;ward;category;enrolled\r\nL\xc3\xaa V\xc4\x83n B\xc3\xacnh;1;prison;01/02/2023\r\n",
        ];
        for (i, f) in files.iter().enumerate() {
            let name = format!("g{i}.csv");
            std::fs::write(e.path(&name), f).unwrap();
            let o = e.run(&["import", "cases", &name]);
            let err = String::from_utf8_lossy(&o.stderr);
            match o.status.code() {
                Some(0) => {}
                Some(1) => assert!(err.starts_with("error: "), "{name}: {err}"),
                other => panic!("{name}: exit {other:?}: {err}"),
            }
        }
        e.ok(&["check"]);
    }
}

// Anonymisation (formerly a hand-written SQL block in the README) is `mh51 anonymise`,
// tested in tests/protect.rs.

mod rules_agree {
    //! The commands and `check` state the same rules from two sides: whatever sequence of
    //! commands a clerk runs (each accepted or refused), `check` finds nothing wrong. A
    //! sequence that ends in a state `check` rejects is either a command letting a broken
    //! register through or `check` crying wolf; both must be fixed.

    use chrono::{Duration, NaiveDate};
    use mh51::audit::Stamp;
    use mh51::domain::cases::{self, CaseEdit, EnrollInput};
    use mh51::domain::members::{self, MemberEdit, MemberInput};
    use mh51::domain::register::{seed, InitInput};
    use mh51::domain::Ctx;
    use proptest::prelude::*;

    /// 100 histories of up to 60 commands per `cargo test`.
    const CASES: u32 = 100;

    #[derive(Debug, Clone)]
    enum Op {
        Member { ward: u8, joined: u16 },
        Leave { member: u8, day: u16 },
        Enroll { who: u8, ward: u8, day: u16, member: Option<u8>, id: bool, born: Option<u16> },
        Assign { case: u8, member: u8, day: u16 },
        Review { case: u8, day: u16, by: Option<u8> },
        Support { case: u8, day: u16, by: Option<u8> },
        Release { case: u8, day: u16, progressed: bool, credit: Option<u8> },
        Reopen { case: u8 },
        EditDate { case: u8, day: u16 },
        EditJoined { member: u8, day: u16 },
    }

    fn op() -> impl Strategy<Value = Op> {
        let day = 0u16..560;
        let small = 0u8..6;
        prop_oneof![
            (0u8..3, day.clone()).prop_map(|(ward, joined)| Op::Member { ward, joined }),
            (small.clone(), day.clone()).prop_map(|(member, day)| Op::Leave { member, day }),
            (
                0u8..8,
                0u8..3,
                day.clone(),
                proptest::option::of(small.clone()),
                any::<bool>(),
                proptest::option::of(0u16..40)
            )
                .prop_map(|(who, ward, day, member, id, born)| Op::Enroll {
                    who,
                    ward,
                    day,
                    member,
                    id,
                    born
                }),
            (0u8..10, small.clone(), day.clone()).prop_map(|(case, member, day)| Op::Assign { case, member, day }),
            (0u8..10, day.clone(), proptest::option::of(small.clone())).prop_map(|(case, day, by)| Op::Review {
                case,
                day,
                by
            }),
            (0u8..10, day.clone(), proptest::option::of(small.clone())).prop_map(|(case, day, by)| Op::Support {
                case,
                day,
                by
            }),
            (0u8..10, day.clone(), any::<bool>(), proptest::option::of(small.clone()))
                .prop_map(|(case, day, progressed, credit)| Op::Release { case, day, progressed, credit }),
            (0u8..10).prop_map(|case| Op::Reopen { case }),
            (0u8..10, day.clone()).prop_map(|(case, day)| Op::EditDate { case, day }),
            (small, day).prop_map(|(member, day)| Op::EditJoined { member, day }),
        ]
    }

    fn date(day: u16) -> String {
        let d = NaiveDate::from_ymd_opt(2022, 1, 1).unwrap() + Duration::days(i64::from(day));
        d.format("%Y-%m-%d").to_string()
    }

    const NAMES: [&str; 8] = [
        "Nguyễn Văn An",
        "Trần Thị Bình",
        "Lê Văn Cường",
        "Phạm Thị Dung",
        "Hoàng Văn Em",
        "Võ Thị Giang",
        "Đặng Văn Hải",
        "Bùi Thị Hoa",
    ];

    fn apply(conn: &rusqlite::Connection, ctx: &Ctx, op: &Op, cases_seen: &[String]) -> anyhow::Result<Option<String>> {
        let case =
            |i: u8| cases_seen.get(usize::from(i) % cases_seen.len().max(1)).cloned().unwrap_or("2022-0001".into());
        let m = |i: u8| (i + 1).to_string();
        match op {
            Op::Member { ward, joined } => {
                let input = MemberInput {
                    name: format!("Thành Viên {}", NAMES[usize::from(*ward) % 8]),
                    org: "CA".into(),
                    ward: (ward + 1).to_string(),
                    joined: Some(date(*joined)),
                    allow_duplicate: true,
                    ..MemberInput::default()
                };
                members::add(conn, ctx, &input).map(|_| None)
            }
            Op::Leave { member, day } => members::leave(conn, ctx, &m(*member), Some(&date(*day))).map(|_| None),
            Op::Enroll { who, ward, day, member, id, born } => {
                let input = EnrollInput {
                    name: NAMES[usize::from(*who)].into(),
                    ward: (ward + 1).to_string(),
                    category: "prison".into(),
                    born: born.map(|b| (1970 + b).to_string()),
                    id_number: id.then(|| format!("0790900012{:02}", who)),
                    date: Some(date(*day)),
                    member: member.map(m),
                    ..EnrollInput::default()
                };
                cases::enroll(conn, ctx, &input).map(Some)
            }
            Op::Assign { case: c, member, day } => {
                cases::assign(conn, ctx, &case(*c), &m(*member), Some(&date(*day))).map(|_| None)
            }
            Op::Review { case: c, day, by } => {
                cases::review(conn, ctx, &case(*c), "B", Some(&date(*day)), by.map(m).as_deref(), None).map(|_| None)
            }
            Op::Support { case: c, day, by } => cases::support(
                conn,
                ctx,
                &case(*c),
                "gift",
                Some("100000"),
                Some(&date(*day)),
                by.map(m).as_deref(),
                None,
            )
            .map(|_| None),
            Op::Release { case: c, day, progressed, credit } => cases::release(
                conn,
                ctx,
                &case(*c),
                if *progressed { "progressed" } else { "moved" },
                Some(&date(*day)),
                credit.map(m).as_deref(),
                None,
            )
            .map(|_| None),
            Op::Reopen { case: c } => cases::reopen(conn, ctx, &case(*c)).map(|_| None),
            Op::EditDate { case: c, day } => {
                cases::edit(conn, ctx, &case(*c), &CaseEdit { date: Some(date(*day)), ..CaseEdit::default() })
                    .map(|_| None)
            }
            Op::EditJoined { member, day } => {
                members::edit(conn, ctx, &m(*member), &MemberEdit { joined: Some(date(*day)), ..MemberEdit::default() })
                    .map(|_| None)
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: CASES, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn no_sequence_of_commands_breaks_a_rule_check_verifies(ops in proptest::collection::vec(op(), 1..60)) {
            let dir = tempfile::tempdir().unwrap();
            let mut conn = mh51::db::create(&dir.path().join("h.db"), None).unwrap();
            let today = NaiveDate::from_ymd_opt(2023, 6, 30).unwrap();
            let ctx = Ctx { stamp: Stamp { actor: "prop".into(), at: "2023-06-30T09:00:00".into() }, today };
            mh51::db::write(&mut conn, |tx| seed(tx, &ctx, &InitInput { district: None, wards: 3, quota: 2 })).unwrap();
            let mut cases_seen: Vec<String> = Vec::new();
            for op in &ops {
                // Each command is one write, as the binary makes it (ledger included); a
                // refused one is rolled back whole.
                if let Ok(made) = mh51::db::write(&mut conn, |tx| apply(tx, &ctx, op, &cases_seen)) {
                    cases_seen.extend(made);
                }
            }
            let report = mh51::check::check(&conn, today).unwrap();
            let lines: Vec<&str> = report.problems.iter().map(|p| p.en.as_str()).collect();
            prop_assert!(lines.is_empty(), "after {:?}\ncheck found:\n{}", ops, lines.join("\n"));
        }
    }
}

/// Found by `rules_agree`: a current assignment must never stay with a member who has left.
/// `assign` dated on a day before they left is refused (the assignment would outlast them),
/// and `reopen` of a case released before its member left reopens it unassigned.
#[test]
fn a_departed_member_never_keeps_a_case() {
    let e = world();
    // Member 3 served until 2022-12-31: assigning a 2022 case to them on 2022-06-01, a day
    // they served, would leave them in charge after they left.
    assert_eq!(e.enroll("Mai Văn Tâm", "2", "2022-06-01", &[]), "2022-0002");
    e.refused(&["assign", "2022-0002", "3", "--date", "2022-06-01"], &["member 3 left on 2022-12-31"]);
    e.refused(
        &["enroll", "Mai Văn Tú", "--ward", "2", "--category", "prison", "--date", "2022-06-01", "--member", "3"],
        &["member 3 left"],
    );
    // Member 2 was credited for 2023-0002 (released 2023-04-01); they leave, then the
    // release is undone: the case is open again, with nobody assigned.
    e.ok(&["member", "leave", "2", "--date", "2023-05-01"]);
    assert_eq!(e.ok(&["reopen", "2023-0002"]), "2023-0002");
    assert_eq!(e.scalar("SELECT count(*) FROM assignments a JOIN cases c ON c.id = a.case_id WHERE c.case_no = '2023-0002' AND a.end_on IS NULL"), "0");
    let overdue = e.ok(&["report", "overdue", "-f", "csv"]);
    assert!(overdue.lines().any(|l| l.starts_with("2023-0002,")), "{overdue}");
    e.ok(&["check"]);
}

#[test]
fn check_passes_on_the_bundled_example_and_the_small_city() {
    // Registers built by other code paths (import, the city generator) hold no false
    // positives for check.
    let e = Env::empty();
    e.ok(&["demo"]); // into MH51_DB, the test's database
    e.ok(&["check"]);
    // The city's events run to the end of 2023.
    let mut city = Env::empty();
    city.today = "2024-06-30".into();
    city.ok(&["demo", "--size", "small"]);
    city.ok(&["check"]);
}

// ---------------------------------------------------------------------------------------
// Connection settings (SPEC §8), the views (SPEC §7), and the dump the refusal tests rely on.

fn pragma(c: &rusqlite::Connection, name: &str) -> String {
    c.pragma_query_value(None, name, |r| {
        let v: rusqlite::types::Value = r.get(0)?;
        Ok(match v {
            rusqlite::types::Value::Integer(i) => i.to_string(),
            rusqlite::types::Value::Text(t) => t,
            other => format!("{other:?}"),
        })
    })
    .unwrap()
}

#[test]
fn every_connection_has_the_settings_of_spec_8() {
    let e = Env::new();
    // The read-write connection every write command uses.
    let c = mh51::db::open(&e.db, None).unwrap();
    assert_eq!(pragma(&c, "foreign_keys"), "1");
    assert_eq!(pragma(&c, "synchronous"), "2", "synchronous=FULL");
    assert_eq!(pragma(&c, "journal_mode"), "wal");
    assert!(pragma(&c, "busy_timeout").parse::<i64>().unwrap() >= 5000);
    drop(c);
    // The read-only one of reports and `query`.
    let r = mh51::db::open_read_only(&e.db, None).unwrap();
    assert_eq!(pragma(&r, "foreign_keys"), "1");
    assert_eq!(pragma(&r, "query_only"), "1");
    assert!(pragma(&r, "busy_timeout").parse::<i64>().unwrap() >= 5000);
    // And as the binary's `query` sees its own connection.
    let out = e.ok(&["query", "SELECT foreign_keys FROM pragma_foreign_keys", "-f", "csv"]);
    assert_eq!(out.lines().collect::<Vec<_>>(), ["foreign_keys", "1"]);
}

#[test]
fn a_write_waits_for_another_writer_and_then_succeeds() {
    let e = Env::new();
    // Another clerk (here a plain connection) holds the write lock for 3 s.
    let other = e.raw();
    other.execute_batch("BEGIN IMMEDIATE; INSERT INTO settings SELECT * FROM settings WHERE 0;").unwrap();
    let start = std::time::Instant::now();
    let child = e
        .command(&["member", "add", "Trần Thị Lan", "--org", "PN", "--ward", "5", "--joined", "2020-01-01"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_secs(3));
    other.execute_batch("COMMIT").unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success(), "the write should have waited: {}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(String::from_utf8_lossy(&o.stdout).trim(), "1");
    assert!(start.elapsed() >= std::time::Duration::from_secs(3), "it cannot have written while the lock was held");
    assert_eq!(e.scalar("SELECT count(*) FROM members"), "1");
}

#[test]
fn the_views_have_the_columns_of_spec_7() {
    let e = Env::new();
    let cols = |view: &str| -> Vec<String> {
        let c = e.raw();
        let mut st = c.prepare("SELECT name FROM pragma_table_info(?1) ORDER BY cid").unwrap();
        st.query_map([view], |r| r.get(0)).unwrap().map(Result::unwrap).collect()
    };
    // SPEC §7: the `export cases` columns plus member_name, org, last_contact.
    let cases = "case_no,person_id,name,birth_year,birth_date,gender,id_number,address,ward,category,enrolled_on,released_on,reason,credited_member_id,member_id,note";
    assert_eq!(cols("v_cases").join(","), format!("{cases},member_name,org,last_contact"));
    // The `export members` columns plus open_cases.
    assert_eq!(cols("v_members").join(","), "id,name,org,ward,phone,joined_on,left_on,open_cases");
}

#[test]
fn the_dump_of_refused_commands_sees_the_schema_too() {
    let e = Env::new();
    let before = dump(&e.db);
    // No row changes, only the schema: the dump must differ.
    e.raw().execute_batch("CREATE INDEX extra_idx ON members (phone)").unwrap();
    let after = dump(&e.db);
    assert_ne!(before, after);
    assert!(after.contains("extra_idx"), "{after}");
    e.raw().execute_batch("DROP INDEX extra_idx").unwrap();
    assert_eq!(before, dump(&e.db));
}
