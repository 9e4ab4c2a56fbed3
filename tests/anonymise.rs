//! Anonymisation is whole or visibly unfinished (SPEC §16, issue 21): killed at every stage,
//! or run beside a reader, `anonymise` leaves either no old value in any file of the register,
//! or a register on which every command warns and `check` fails until `anonymise --finish`.

use std::path::PathBuf;
use std::process::Stdio;

use crate::util::Env;

const NAME: &str = "Nguyễn Văn Kín";
const ID: &str = "079123456789";
const ADDRESS: &str = "12 Đường Bí Mật";
const NOTE: &str = "ghi chú riêng tư";

/// One closed case with every personal value, released before the cut-off.
fn world() -> Env {
    let e = Env::new();
    e.enroll(
        NAME,
        "1",
        "2022-01-05",
        &["--id-number", ID, "--address", ADDRESS, "--note", NOTE, "--born", "1990-04-05"],
    );
    e.ok(&["release", "2022-0001", "--reason", "moved", "--date", "2022-02-01"]);
    e
}

/// Whether any old value is in the file or one of its side files.
fn old_on_disk(e: &Env) -> Vec<String> {
    let mut found = Vec::new();
    for s in ["", "-wal", "-shm", "-journal"] {
        let mut p = e.db.as_os_str().to_owned();
        p.push(s);
        if let Ok(b) = std::fs::read(PathBuf::from(p)) {
            for v in [NAME, ID, ADDRESS, NOTE] {
                if b.windows(v.len()).any(|w| w == v.as_bytes()) {
                    found.push(format!("{v} in test.db{s}"));
                }
            }
        }
    }
    found
}

fn anonymised(e: &Env) -> bool {
    e.scalar("SELECT name FROM persons WHERE id = 1") == "Ẩn danh 1"
}

/// Every command warns, and `check` fails naming the unfinished anonymisation.
fn visibly_unfinished(e: &Env) {
    for args in [&["list", "--status", "all"][..], &["show", "2022-0001"], &["report", "summary", "-p", "2022"]] {
        let o = e.run(args);
        assert!(o.status.success());
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains("anonymisation (released before 2023-01-01) is unfinished")
                && err.contains("mh51 anonymise --finish"),
            "{args:?}: {err}"
        );
    }
    let o = e.run(&["check"]);
    assert_eq!(o.status.code(), Some(1), "check fails while the anonymisation is unfinished");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("an anonymisation (released before 2023-01-01) is unfinished"), "{err}");
}

fn finish(e: &Env) {
    let o = e.run(&["anonymise", "--finish"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stderr)
        .contains("finished the anonymisation of the persons released before 2023-01-01"));
    assert!(old_on_disk(e).is_empty(), "after --finish: {:?}", old_on_disk(e));
    let o = e.run(&["check"]);
    assert!(o.status.success() && !String::from_utf8_lossy(&o.stderr).contains("unfinished"));
}

#[test]
fn anonymise_killed_at_every_stage_is_whole_or_visibly_unfinished() {
    let mut unfinished = 0;
    for point in ["anonymise-committed", "scrub-vacuumed", "anonymise-scrubbed", "anonymise-cleared"] {
        let e = world();
        let hold = e.raw(); // keeps the WAL on disk between commands, as a second clerk would
        hold.query_row("SELECT count(*) FROM persons", [], |r| r.get::<_, i64>(0)).unwrap();
        drop(hold);
        assert!(!old_on_disk(&e).is_empty(), "the search can find the values before");
        let mut child = e
            .command(&["anonymise", "--released-before", "2023-01-01"])
            .env("MH51_TEST_PAUSE_AT", point)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Wait for the pause, then SIGKILL.
        let mut err = std::io::BufReader::new(child.stderr.take().unwrap());
        let mut line = String::new();
        std::io::BufRead::read_line(&mut err, &mut line).unwrap();
        assert!(line.contains(point), "paused at {point}: {line:?}");
        child.kill().unwrap();
        child.wait().unwrap();
        assert!(anonymised(&e), "killed at {point}: the change was committed before");
        if old_on_disk(&e).is_empty()
            && e.scalar("SELECT count(*) FROM settings WHERE key = 'anonymise_unfinished'") == "0"
        {
            e.ok(&["check"]);
        } else {
            unfinished += 1;
            visibly_unfinished(&e);
            finish(&e);
        }
        e.ok(&["audit", "verify"]);
    }
    assert!(unfinished >= 2, "the kills before the scrub finished leave it visibly unfinished");
}

#[test]
fn anonymise_killed_after_random_delays_never_hides_old_values() {
    for ms in [0u64, 5, 20, 40, 80, 150, 300] {
        let e = world();
        let mut child = e
            .command(&["anonymise", "--released-before", "2023-01-01"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(ms));
        child.kill().ok();
        child.wait().unwrap();
        let marked = e.scalar("SELECT count(*) FROM settings WHERE key = 'anonymise_unfinished'") == "1";
        if !anonymised(&e) {
            assert!(!marked, "killed after {ms} ms before the commit: no marker");
            e.ok(&["check"]);
        } else if marked {
            visibly_unfinished(&e);
            finish(&e);
        } else {
            assert!(old_on_disk(&e).is_empty(), "killed after {ms} ms, unmarked: {:?}", old_on_disk(&e));
        }
    }
}

#[test]
fn anonymise_beside_a_reader_exits_3_says_so_and_finish_completes_it() {
    let e = world();
    let reader = e.raw();
    reader.execute_batch("BEGIN").unwrap();
    reader.query_row("SELECT count(*) FROM persons", [], |r| r.get::<_, i64>(0)).unwrap();
    let o = e.run(&["anonymise", "--released-before", "2023-01-01"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(3), "saved but unfinished: {err}");
    assert!(
        err.starts_with("error: the anonymisation (released before 2023-01-01) is saved")
            && err.contains("mh51 anonymise --finish"),
        "{err}"
    );
    assert!(!old_on_disk(&e).is_empty(), "the reader's snapshot keeps the old pages (the case this is about)");
    visibly_unfinished(&e);
    // Still beside the reader, --finish either finishes (nothing old left) or says it could
    // not (status 3, the marker kept).
    match e.run(&["anonymise", "--finish"]).status.code() {
        Some(0) => assert!(old_on_disk(&e).is_empty(), "finished beside the reader: {:?}", old_on_disk(&e)),
        Some(3) => visibly_unfinished(&e),
        c => panic!("--finish beside a reader: exit {c:?}"),
    }
    reader.execute_batch("COMMIT").unwrap();
    drop(reader);
    if e.scalar("SELECT count(*) FROM settings WHERE key = 'anonymise_unfinished'") == "1" {
        finish(&e);
    }
    assert!(old_on_disk(&e).is_empty());
    e.ok(&["check"]);
    assert!(anonymised(&e));
}

#[test]
fn a_refused_anonymise_exits_1_and_changes_nothing() {
    let e = world();
    e.refused(&["anonymise", "--released-before", "2023-07-01"], &["2023-07-01"]);
    e.usage(&["anonymise", "--finish", "--released-before", "2023-01-01"]);
}

/// Writers enrolling while `encrypt` and `rekey` run: every case number acknowledged is in
/// the final register; every refused writer exited 1 with an `error:` line.
#[test]
fn writes_during_encrypt_and_rekey_are_kept_or_refused_never_lost() {
    use std::os::unix::fs::PermissionsExt;
    let e = Env::new();
    for (n, p) in [("a.key", "một câu dài khó đoán 2023"), ("b.key", "một câu khác cũng dài 2024")] {
        std::fs::write(e.path(n), format!("{p}\n")).unwrap();
        std::fs::set_permissions(e.path(n), std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    let writers: Vec<_> = (0..3)
        .map(|w| {
            let mut c = e.command(&[]);
            let script = format!(
                "for i in $(seq 1 25); do if out=$(\"$MH51\" enroll \"Người {w} $i\" --ward 1 --category drugs --date 2023-01-01 2>err{w}); then echo \"$out\" >> ok{w}; else echo \"$?\" >> bad{w}; cat err{w} >> errs{w}; fi; [ -f b.ready ] && export MH51_KEY_FILE=b.key; done"
            );
            c.env("MH51", crate::util::bin()).env("MH51_KEY_FILE", e.path("a.key"));
            let mut sh = std::process::Command::new("sh");
            sh.arg("-c").arg(script).current_dir(e.dir.path());
            for (k, v) in c.get_envs() {
                if let Some(v) = v {
                    sh.env(k, v);
                }
            }
            sh.spawn().unwrap()
        })
        .collect();
    std::thread::sleep(std::time::Duration::from_millis(300));
    let o = e.command(&["encrypt"]).env("MH51_KEY_FILE", e.path("a.key")).stdin(Stdio::null()).output().unwrap();
    let encrypted = o.status.success();
    assert!(encrypted || o.status.code() == Some(1), "{}", String::from_utf8_lossy(&o.stderr));
    if encrypted {
        let o = e
            .command(&["rekey", "--new-key-file", "b.key"])
            .env("MH51_KEY_FILE", e.path("a.key"))
            .stdin(Stdio::null())
            .output()
            .unwrap();
        if o.status.success() {
            std::fs::write(e.path("b.ready"), "").unwrap();
        }
    }
    for mut w in writers {
        w.wait().unwrap();
    }
    let key = if e.path("b.ready").exists() { "b.key" } else { "a.key" };
    let listed = e
        .command(&["list", "--status", "all", "-f", "csv"])
        .env("MH51_KEY_FILE", e.path(key))
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(listed.status.success(), "{}", String::from_utf8_lossy(&listed.stderr));
    let listed = String::from_utf8_lossy(&listed.stdout).to_string();
    let mut acked = 0;
    for w in 0..3 {
        for case in std::fs::read_to_string(e.path(&format!("ok{w}"))).unwrap_or_default().lines() {
            acked += 1;
            assert!(listed.contains(case.trim()), "acknowledged case {case} was lost");
        }
        for code in std::fs::read_to_string(e.path(&format!("bad{w}"))).unwrap_or_default().lines() {
            assert_eq!(code.trim(), "1", "a refused writer exits 1");
        }
        for line in std::fs::read_to_string(e.path(&format!("errs{w}"))).unwrap_or_default().lines() {
            assert!(line.starts_with("error: "), "a clear message: {line}");
        }
    }
    eprintln!("writers acknowledged {acked} enrolments; encrypt succeeded: {encrypted}");
    assert!(acked > 0);
}
