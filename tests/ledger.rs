//! Tests: the data are tamper-evident, not only the log (SPEC §16). Each test changes the
//! file behind mh51's back as someone holding it with the sqlite3 shell would, and requires
//! `check` (and `audit verify`) to exit 1 naming the table and the key; a head taken before
//! catches even a rewrite of the whole chain.

use sha2::{Digest, Sha256};

use crate::util::Env;

/// A small register: members 1 and 2, case 2023-0001 (review 1, class A), case 2023-0002
/// (support 1, loan 5,000,000, released progressed).
fn world() -> Env {
    let e = Env::new();
    assert_eq!(e.member("Trần Văn Bình", "CA", "1"), "1");
    assert_eq!(e.member("Lê Thị Cúc", "PN", "1"), "2");
    assert_eq!(e.enroll("Nguyễn Văn An", "1", "2023-01-05", &["--member", "1"]), "2023-0001");
    assert_eq!(e.ok(&["review", "2023-0001", "--class", "A", "--date", "2023-02-01"]), "1");
    assert_eq!(e.enroll("Phạm Thị Dung", "2", "2023-02-01", &["--member", "2"]), "2023-0002");
    assert_eq!(e.ok(&["support", "2023-0002", "--kind", "loan", "--amount", "5000000", "--date", "2023-03-01"]), "1");
    e.ok(&["release", "2023-0002", "--reason", "progressed", "--date", "2023-04-01"]);
    e
}

/// Tamper with `sql`, then `check` and `audit verify` must exit 1 naming every needle.
fn caught(e: &Env, sql: &str, needles: &[&str]) {
    e.raw().execute_batch(sql).expect("tampering");
    e.refused(&["check"], needles);
    e.refused(&["audit", "verify"], needles);
}

#[test]
fn a_sound_register_passes_and_prints_its_head() {
    let e = world();
    let o = e.run(&["check"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{err}");
    let head = e.ok(&["audit", "head"]);
    let (seq, hash) = head.trim().split_once(':').unwrap();
    assert_eq!(seq, e.scalar("SELECT max(seq) FROM audit_log"), "the head is the newest audit row");
    assert_eq!(hash.len(), 64);
    assert!(err.contains(&format!("audit head: {}", head.trim())), "{err}");
    e.ok(&["audit", "verify", "--head", head.trim()]);
    // backup prints the head of the copy on stderr.
    let dest = e.path("copy.db");
    let o = e.run(&["backup", dest.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&o.stderr).contains(&format!("audit head: {}", head.trim())));
}

#[test]
fn every_changed_value_is_named_by_table_and_key() {
    for (sql, needle) in [
        ("UPDATE reviews SET class = 'B' WHERE id = 1", "reviews row 1: the row is not what the audit log recorded"),
        ("UPDATE supports SET amount = 50000000 WHERE id = 1", "supports row 1: the row is not what"),
        (
            "UPDATE cases SET reason = 'moved', credited_member_id = NULL WHERE id = 2",
            "cases row 2: the row is not what",
        ),
        ("UPDATE members SET org_id = 5 WHERE id = 2", "members row 2: the row is not what"),
        ("UPDATE settings SET value = 'Quận 7' WHERE key = 'district'", "settings row district: the row is not what"),
        ("UPDATE persons SET address = 'x' WHERE id = 1", "persons row 1: the row is not what"),
        (
            "UPDATE case_wards SET cause = 'move' WHERE case_id = 1",
            "case_wards row [1,\"2023-01-05\"]: the row is not what",
        ),
    ] {
        let e = world();
        caught(&e, sql, &[needle]);
    }
}

#[test]
fn a_value_set_to_null_is_caught() {
    let e = world();
    caught(&e, "UPDATE reviews SET member_id = NULL WHERE id = 1", &["reviews row 1: the row is not what"]);
}

#[test]
fn a_row_inserted_behind_recreated_triggers_is_caught() {
    let e = world();
    caught(
        &e,
        "DROP TRIGGER reviews_no_delete;
         INSERT INTO reviews (case_id, reviewed_on, class) VALUES (1, '2023-03-01', 'A');
         CREATE TRIGGER reviews_no_delete BEFORE DELETE ON reviews
         BEGIN
             SELECT RAISE(ABORT, 'mh51 never deletes reviews');
         END;",
        &["reviews row 2: the row was added behind mh51's back"],
    );
}

#[test]
fn a_deleted_row_is_caught() {
    let e = world();
    caught(
        &e,
        "DROP TRIGGER supports_no_delete; DELETE FROM supports WHERE id = 1;",
        &["supports row 1: the row was deleted behind mh51's back", "schema: trigger supports_no_delete is missing"],
    );
}

#[test]
fn the_schema_must_be_schema_sqls() {
    let e = world();
    caught(
        &e,
        "CREATE TRIGGER sneaky AFTER INSERT ON reviews BEGIN SELECT 1; END;
         DROP VIEW v_members; CREATE VIEW v_members AS SELECT 1;",
        &["schema: trigger sneaky is not in schema.sql", "schema: view v_members differs from its definition"],
    );
}

#[test]
fn an_edited_row_version_is_caught() {
    let e = world();
    caught(
        &e,
        "DROP TRIGGER row_versions_no_update;
         UPDATE row_versions SET hash = zeroblob(32) WHERE tbl = 'reviews' AND key = 1;",
        &["reviews row 1: the row is not what", "the row versions recorded for it were changed"],
    );
}

fn sha256_hex(b: &[u8]) -> String {
    Sha256::digest(b).iter().map(|x| format!("{x:02x}")).collect()
}

#[test]
fn a_whole_rewrite_is_caught_only_by_a_head_kept_elsewhere() {
    let e = world();
    let head = e.ok(&["audit", "head"]).trim().to_string();
    let c = e.raw();
    // Rewrite audit row 2 (member 1's addition: actor) and recompute the audit chain and the
    // ledger chain from there, by the formulas documented in audit.rs and domain/ledger.rs.
    c.execute_batch(
        "DROP TRIGGER audit_log_no_update; DROP TRIGGER ledger_no_update;
         UPDATE audit_log SET actor = 'mallory' WHERE seq = 2;",
    )
    .unwrap();
    let rows: Vec<(i64, String, String, String, String, String, String)> = {
        let mut st =
            c.prepare("SELECT seq, at, actor, action, entity, entity_key, detail FROM audit_log ORDER BY seq").unwrap();
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    let mut prev = "0".repeat(64);
    let mut lprev = "0".repeat(64);
    for (seq, at, actor, action, entity, key, detail) in rows {
        let content = serde_json::json!([seq, at, actor, action, entity, key, detail]).to_string();
        let hash = sha256_hex(format!("{prev}{content}").as_bytes());
        c.execute("UPDATE audit_log SET prev_hash = ?1, hash = ?2 WHERE seq = ?3", rusqlite::params![prev, hash, seq])
            .unwrap();
        let digest: Option<Vec<u8>> = c.query_row("SELECT rows FROM ledger WHERE seq = ?1", [seq], |r| r.get(0)).ok();
        if let Some(d) = digest {
            let mut buf = lprev.clone().into_bytes();
            buf.extend(hash.as_bytes());
            buf.extend(&d);
            let l = sha256_hex(&buf);
            c.execute("UPDATE ledger SET hash = ?1 WHERE seq = ?2", rusqlite::params![l, seq]).unwrap();
            lprev = l;
        }
        prev = hash;
    }
    c.execute_batch(
        "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
         BEGIN
             SELECT RAISE(ABORT, 'audit_log is append-only');
         END;
         CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger
         BEGIN
             SELECT RAISE(ABORT, 'ledger is append-only');
         END;",
    )
    .unwrap();
    drop(c);
    // The file alone cannot tell: the rewrite is consistent.
    e.ok(&["check"]);
    e.ok(&["audit", "verify"]);
    // The head written down before does.
    let seq = head.split_once(':').unwrap().0;
    e.refused(&["audit", "verify", "--head", &head], &[&format!("audit row {seq} no longer holds head {head}")]);
}

#[test]
fn a_head_beyond_the_log_or_malformed_is_refused() {
    let e = world();
    let head = e.ok(&["audit", "head"]).trim().to_string();
    let hash = head.split_once(':').unwrap().1;
    e.refused(&["audit", "verify", "--head", &format!("999:{hash}")], &["audit row 999 of head", "is not in the log"]);
    e.refused(&["audit", "verify", "--head", "12abc"], &["'12abc' is not a head"]);
    // An audit row's own hash (as `export audit` shows it) is accepted as proof of the log.
    let audit_hash = e.scalar("SELECT hash FROM audit_log WHERE seq = 3");
    e.ok(&["audit", "verify", "--head", &format!("3:{audit_hash}")]);
}

#[test]
fn a_forged_audit_row_without_its_seal_is_caught() {
    let e = world();
    let c = e.raw();
    let (seq, prev): (i64, String) = c
        .query_row("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap();
    let (at, actor, action, entity, key, detail) =
        ("2023-06-30T10:00:00", "mallory", "review", "case", "2023-0001", "{}");
    let hash = mh51::audit::row_hash(&prev, seq + 1, at, actor, action, entity, key, detail);
    c.execute(
        "INSERT INTO audit_log VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        rusqlite::params![seq + 1, at, actor, action, entity, key, detail, prev, hash],
    )
    .unwrap();
    drop(c);
    e.refused(&["check"], &[&format!("audit row {}: the newest audit rows", seq + 1), "not sealed"]);
}

#[test]
fn every_write_records_its_rows_and_deletions_of_ward_history_too() {
    // A ward merge deletes and adds case_wards rows: still sound afterwards.
    let e = world();
    e.ok(&["ward", "merge", "1", "2", "--into", "x", "--name", "Phường X", "--on", "2023-05-01"]);
    e.ok(&["check"]);
    assert!(e.scalar("SELECT count(*) FROM row_versions").parse::<i64>().unwrap() > 20);
}

#[test]
fn the_v1_fixture_gets_its_baseline() {
    let e = Env::empty();
    std::fs::copy(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/v1.db"), &e.db).unwrap();
    let before: i64 = e.scalar("SELECT count(*) FROM audit_log").parse().unwrap();
    e.ok(&["migrate"]);
    e.ok(&["check"]);
    let c = e.raw();
    let (seq, action, detail): (i64, String, String) = c
        .query_row("SELECT seq, action, detail FROM audit_log ORDER BY seq DESC LIMIT 1", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .unwrap();
    assert_eq!((seq, action.as_str()), (before + 1, "migrate"), "one audit row for the migration and its baseline");
    // Every row of the v1 register is in the baseline, sealed by the migrate row: counted
    // here table by table, not by mh51.
    let mut rows = 0i64;
    for t in
        ["settings", "wards", "orgs", "categories", "members", "persons", "cases", "assignments", "reviews", "supports"]
    {
        rows += c.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get::<_, i64>(0)).unwrap();
    }
    let versions: i64 = c.query_row("SELECT count(*) FROM row_versions WHERE seq = ?1", [seq], |r| r.get(0)).unwrap();
    let all: i64 = c.query_row("SELECT count(*) FROM row_versions", [], |r| r.get(0)).unwrap();
    assert_eq!(versions, all, "the baseline is the only versions so far");
    assert!(versions >= rows, "{versions} versions for {rows} rows of the v1 tables");
    assert!(detail.contains(&format!("\"rows\":{versions}")), "{detail} vs {versions}");
    drop(c);
    e.ok(&["review", "2023-0001", "--class", "B", "--date", "2023-06-01"]);
    e.ok(&["check"]);
    e.raw().execute_batch("UPDATE settings SET value = 'x' WHERE key = 'district'").unwrap();
    e.refused(&["check"], &["settings row district: the row is not what"]);
}

#[test]
fn a_random_sequence_of_commands_leaves_a_register_that_check_proves() {
    // A small deterministic generator (no dependency): several seeds, each a random mix of
    // enrollments, reviews, supports, assignments, releases, reopenings and member changes.
    for seed in [1u64, 7, 42] {
        let e = Env::new();
        let mut s = seed;
        let mut next = |n: u64| {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (s >> 33) % n
        };
        e.member("Trần Văn Bình", "CA", "1");
        e.member("Lê Thị Cúc", "PN", "2");
        let mut cases: Vec<String> = Vec::new();
        for i in 0..25 {
            let day = format!("2023-0{}-{:02}", 1 + next(5), 1 + next(28));
            let case = cases.get(next(cases.len().max(1) as u64) as usize).cloned();
            let args: Vec<String> = match (next(7), case) {
                (0, _) | (_, None) => {
                    let name = format!("Người Thứ {i}");
                    vec![
                        "enroll".into(),
                        name,
                        "--ward".into(),
                        "1".into(),
                        "--category".into(),
                        "prison".into(),
                        "--date".into(),
                        "2023-01-02".into(),
                        "--member".into(),
                        "1".into(),
                    ]
                }
                (1, Some(c)) => vec!["review".into(), c, "--class".into(), "B".into(), "--date".into(), day],
                (2, Some(c)) => vec![
                    "support".into(),
                    c,
                    "--kind".into(),
                    "gift".into(),
                    "--amount".into(),
                    "100000".into(),
                    "--date".into(),
                    day,
                ],
                (3, Some(c)) => vec!["assign".into(), c, "2".into(), "--date".into(), day],
                (4, Some(c)) => vec!["release".into(), c, "--reason".into(), "moved".into(), "--date".into(), day],
                (5, Some(c)) => vec!["reopen".into(), c],
                (_, Some(_)) => {
                    vec!["member".into(), "edit".into(), "2".into(), "--phone".into(), format!("09{:08}", next(1000))]
                }
            };
            let argv: Vec<&str> = args.iter().map(String::as_str).collect();
            let o = e.run(&argv);
            if o.status.success() && args[0] == "enroll" {
                cases.push(String::from_utf8_lossy(&o.stdout).trim().to_string());
            }
            // A refused command is fine (a date before enrollment, …): it changed nothing.
        }
        let o = e.run(&["check"]);
        assert_eq!(o.status.code(), Some(0), "seed {seed}: {}", String::from_utf8_lossy(&o.stderr));
        e.ok(&["audit", "verify", "--head", e.ok(&["audit", "head"]).trim()]);
    }
}
