//! Tests: the audit log (SPEC §8) recomputed from outside, and the audit row each write command
//! leaves. The chain is checked here with its own SHA-256 over the documented serialization
//! (audit.rs's module doc: the previous hash, then the JSON array `[seq, at, actor, action,
//! entity, entity_key, detail]`), never with the product's `row_hash`.

use sha2::{Digest, Sha256};

use crate::util::Env;

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

fn json_str(s: &str) -> String {
    serde_json::to_string(s).unwrap()
}

/// Every audit row: seq, at, actor, action, entity, entity_key, detail, prev_hash, hash.
type AuditRow = (i64, String, String, String, String, String, String, String, String);

fn audit_rows(env: &Env) -> Vec<AuditRow> {
    let c = env.raw();
    let mut st = c
        .prepare(
            "SELECT seq, at, actor, action, entity, entity_key, detail, prev_hash, hash FROM audit_log ORDER BY seq",
        )
        .unwrap();
    st.query_map([], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?, r.get(8)?))
    })
    .unwrap()
    .map(Result::unwrap)
    .collect()
}

#[test]
fn the_audit_chain_is_sha256_of_the_previous_hash_and_the_row() {
    // The SHA-256 used here, on the FIPS 180-2 test vector.
    assert_eq!(sha256_hex(b"abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    let env = Env::new();
    // An actor whose name needs escaping in JSON, and Vietnamese letters.
    let actor = "Cán bộ \"Tư\" \\ phường 5";
    let run = |args: &[&str]| {
        let o = env.command(args).env("MH51_ACTOR", actor).output().unwrap();
        assert!(o.status.success(), "{args:?}: {}", String::from_utf8_lossy(&o.stderr));
    };
    run(&["member", "add", "Trần Thị Lan", "--org", "PN", "--ward", "5", "--joined", "2020-01-01"]);
    run(&["enroll", "Nguyễn Văn An", "--ward", "5", "--category", "prison", "--date", "2022-01-10", "--member", "1"]);
    run(&["review", "2022-0001", "--class", "B", "--date", "2022-02-01"]);
    run(&["release", "2022-0001", "--reason", "progressed", "--date", "2022-06-01"]);
    let rows = audit_rows(&env);
    assert_eq!(rows.len(), 5, "init and four writes");
    let mut prev = "0".repeat(64);
    for (i, (seq, at, who, action, entity, key, detail, prev_hash, hash)) in rows.iter().enumerate() {
        assert_eq!(*seq, i as i64 + 1);
        assert_eq!(prev_hash, &prev, "row {seq} links to the previous row's hash");
        let content = format!(
            "[{seq},{},{},{},{},{},{}]",
            json_str(at),
            json_str(who),
            json_str(action),
            json_str(entity),
            json_str(key),
            json_str(detail)
        );
        let want = sha256_hex(format!("{prev}{content}").as_bytes());
        assert_eq!(hash, &want, "row {seq}: {content}");
        prev = want;
    }
    assert_eq!(rows[1].2, actor);
    assert_eq!(rows[4].3, "release");
    // The newest hash is what `export audit` shows for anchoring (README).
    let csv = env.ok(&["export", "audit", "-f", "csv"]);
    assert!(csv.lines().last().unwrap().ends_with(&prev), "{csv}");
}

#[test]
fn every_write_command_leaves_one_audit_row_without_personal_data() {
    let env = Env::new();
    env.member("Trần Thị Lan", "PN", "5");
    env.member("Lê Văn Hùng", "CCB", "5");
    let c = env.enroll("Nguyễn Văn An", "5", "2022-01-10", &["--member", "1", "--id-number", "079090001234"]);
    let before = audit_rows(&env).len();
    // Each command, and the row it must add: action, entity, key, detail (by hand, from the
    // command: ids, codes and dates only; `edit` names the fields changed, not their values).
    let steps: &[(&[&str], [&str; 4])] = &[
        (
            &["assign", &c, "2", "--date", "2022-02-01"],
            ["assign", "case", "2022-0001", r#"{"member_id":2,"start_on":"2022-02-01"}"#],
        ),
        (
            &["member", "edit", "1", "--phone", "0909123456", "--name", "Trần Thị Lan Anh"],
            ["edit", "member", "1", r#"{"name":"changed","phone":"changed"}"#],
        ),
        (&["member", "leave", "1", "--date", "2022-03-01"], ["leave", "member", "1", r#"{"left_on":"2022-03-01"}"#]),
        (&["ward", "add", "15", "Phường 15"], ["add", "ward", "15", r#"{"name":"Phường 15"}"#]),
        (&["org", "add", "HND", "Hội Nông dân"], ["add", "organization", "HND", r#"{"name":"Hội Nông dân"}"#]),
        (&["category", "add", "fraud", "Lừa đảo"], ["add", "category", "fraud", r#"{"name":"Lừa đảo"}"#]),
    ];
    for (i, (args, want)) in steps.iter().enumerate() {
        env.ok(args);
        let rows = audit_rows(&env);
        assert_eq!(rows.len(), before + i + 1, "{args:?} adds exactly one audit row");
        let r = rows.last().unwrap();
        assert_eq!([r.3.as_str(), r.4.as_str(), r.5.as_str(), r.6.as_str()], *want, "{args:?}");
        assert_eq!(r.2, "tester");
    }
    env.ok(&["audit", "verify"]);
    let all = env.ok(&["export", "audit", "-f", "csv"]);
    for personal in ["Trần", "Lan Anh", "0909123456", "Nguyễn", "079090001234"] {
        assert!(!all.contains(personal), "the audit log holds {personal:?}:\n{all}");
    }
}
