//! SPEC §16 "Bad input is refused, never mangled" and "Bounded work": amounts, the text
//! gate, what reaches a terminal, query limits, and a dry run that holds no lock.

use crate::util::{csv_rows, Env};

fn district() -> (Env, String) {
    let e = Env::new();
    assert_eq!(e.member("Trần Thị Bích", "PN", "5"), "1");
    let c = e.enroll("Nguyễn Văn An", "5", "2022-03-01", &["--member", "1"]);
    (e, c)
}

#[test]
fn amounts_are_whole_dong_in_the_forms_clerks_write() {
    let (e, c) = district();
    // (typed, đồng) worked out by hand.
    for (i, (typed, want)) in [
        ("5000000", "5000000"),
        ("5.000.000", "5000000"),
        ("5,000,000", "5000000"),
        ("5 000 000", "5000000"),
        ("5tr", "5000000"),
        ("5 triệu", "5000000"),
        ("1,5tr", "1500000"),
        ("500k", "500000"),
        ("300 nghìn", "300000"),
        ("2.000.000đ", "2000000"),
    ]
    .iter()
    .enumerate()
    {
        // One day each: the same support twice on one day is refused as a double (SPEC §17).
        let day = format!("2022-04-{:02}", i + 1);
        let id = e.ok(&["support", &c, "--kind", "loan", "--amount", typed, "--date", &day]);
        assert_eq!(&e.scalar(&format!("SELECT amount FROM supports WHERE id = {id}")), want, "{typed}");
    }
    for bad in ["1.5", "0,5", "12.34.5", "5,000,000.00", "5.000,00", "-5", "1.500tr", "5 tỷ", "1.000.000.000.001"] {
        let err = e.refused(
            &["support", &c, "--kind", "loan", "--amount", bad, "--date", "2022-04-01"],
            &[&format!("'{bad}'"), "5.000.000, 5,000,000, 5 000 000, 5tr"],
        );
        assert!(err.starts_with("error: "), "{err}");
    }
}

#[test]
fn an_amount_in_an_import_follows_the_same_rule() {
    let (e, c) = district();
    // Supports are not a clerk's import, but the example's loader uses the same function:
    // check through the single command that 1.5 is refused in Vietnamese too.
    let err = e.refused(
        &["--lang", "vi", "support", &c, "--kind", "loan", "--amount", "1.5", "--date", "2022-04-01"],
        &["'1.5'", "số đồng nguyên"],
    );
    assert!(err.contains("thập phân"), "{err}");
}

#[test]
fn control_and_bidi_characters_are_refused_everywhere_text_is_stored() {
    let (e, c) = district();
    for (what, bad) in
        [("ESC", "Lê\u{1b}[2J Văn"), ("C1 CSI", "Lê\u{9b}2J"), ("BEL", "Lê\u{7}"), ("RLO", "Lê \u{202E}nạV")]
    {
        let err =
            e.refused(&["enroll", bad, "--ward", "5", "--category", "prison", "--date", "2022-03-02"], &["holds"]);
        // The message shows the character visibly, never raw.
        assert!(!err.contains('\u{1b}') && !err.contains('\u{9b}') && !err.contains('\u{202E}'), "{what}: {err:?}");
        e.refused(&["member", "add", bad, "--org", "PN", "--ward", "5"], &["holds"]);
        e.refused(&["review", &c, "--class", "A", "--date", "2022-04-01", "--note", bad], &["note", "holds"]);
        e.refused(
            &[
                "enroll",
                "Phạm Thị Hoa",
                "--ward",
                "5",
                "--category",
                "prison",
                "--date",
                "2022-03-02",
                "--address",
                bad,
            ],
            &["address", "holds"],
        );
        e.refused(&["settings", "district", bad], &["holds"]);
        e.refused(&["--actor", bad, "member", "add", "Vũ Thị Lan", "--org", "PN", "--ward", "5"], &["actor", "holds"]);
    }
    let err = e.refused(
        &["enroll", "Lê\u{1b}[2J", "--ward", "5", "--category", "prison", "--date", "2022-03-02"],
        &["U+001B", "Lê\u{241b}[2J"],
    );
    assert!(err.contains("character 3"), "{err}");
}

#[test]
fn a_note_keeps_its_line_breaks_and_nothing_else() {
    let (e, c) = district();
    let id = e.ok(&["review", &c, "--class", "A", "--date", "2022-04-01", "--note", "dòng 1\r\ndòng\t2\r"]);
    assert_eq!(e.scalar(&format!("SELECT note FROM reviews WHERE id = {id}")), "dòng 1\ndòng 2");
}

#[test]
fn zero_width_characters_are_dropped_and_the_duplicate_is_caught() {
    let (e, _) = district();
    e.refused(
        &["member", "add", "Trần\u{200B} Thị\u{FEFF} Bí\u{AD}ch", "--org", "PN", "--ward", "5"],
        &["already exists"],
    );
    let id = e.ok(&["member", "add", "Lê\u{200B} Văn\u{2060} Hùng", "--org", "CCB", "--ward", "5"]);
    assert_eq!(e.scalar(&format!("SELECT name FROM members WHERE id = {id}")), "Lê Văn Hùng");
    // A case name likewise, and the same rule in an import.
    let f = e.path("m.csv");
    std::fs::write(&f, "name,org,ward\n\u{200B}Lê Văn Hùng,CCB,5\n").unwrap();
    e.refused(&["import", "members", f.to_str().unwrap()], &["m.csv:2", "already in the register"]);
    let g = e.path("c.csv");
    std::fs::write(&g, "name,ward,category,enrolled,note\nĐỗ Văn\u{1b}[2J Tâm,5,prison,2022-03-05,\nHồ Thị Mai,5,prison,2022-03-05,a\u{202E}b\n")
        .unwrap();
    let err = e.refused(&["import", "cases", g.to_str().unwrap()], &["c.csv:2: name:", "c.csv:3: note:", "U+202E"]);
    assert!(!err.contains('\u{1b}'), "{err:?}");
}

#[test]
fn stored_escape_sequences_never_reach_the_terminal_raw() {
    let (e, c) = district();
    // Written behind mh51's back, as an old register or the sqlite3 shell could.
    e.raw()
        .execute_batch(
            "UPDATE persons SET name = 'Evil\u{1b}[2J\u{1b}]0;pwned\u{7}' ; UPDATE members SET name = 'M\u{9b}31m'",
        )
        .unwrap();
    for args in [
        vec!["list"],
        vec!["show", c.as_str()],
        vec!["member", "list"],
        vec!["query", "SELECT name FROM persons"],
        vec!["query", "SELECT name FROM members"],
    ] {
        let out = e.ok(&args);
        assert!(!out.contains('\u{1b}') && !out.contains('\u{7}') && !out.contains('\u{9b}'), "{args:?}: {out:?}");
    }
    let q = e.ok(&["query", "SELECT name FROM persons"]);
    assert!(q.contains("Evil\u{241b}[2J\u{241b}]0;pwned\u{2407}"), "{q}");
    // CSV to a pipe or a file keeps the value exactly; on a terminal it is shown visibly.
    let csv = e.ok(&["query", "-f", "csv", "SELECT name FROM persons"]);
    assert_eq!(csv_rows(&csv)[1][0], "Evil\u{1b}[2J\u{1b}]0;pwned\u{7}");
    let o =
        e.command(&["query", "-f", "csv", "SELECT name FROM persons"]).env("MH51_ASSUME_TTY", "1").output().unwrap();
    let shown = String::from_utf8(o.stdout).unwrap();
    assert!(shown.contains("Evil\u{241b}[2J") && !shown.contains('\u{1b}'), "{shown:?}");
    // JSON escapes it.
    let json = e.ok(&["query", "-f", "json", "SELECT name FROM persons"]);
    assert!(json.contains("\\u001b[2J") && !json.contains('\u{1b}'), "{json}");
}

#[test]
fn an_endless_query_stops_at_its_time_limit() {
    let (e, _) = district();
    let t = std::time::Instant::now();
    let err = e.refused(
        &[
            "query",
            "--timeout",
            "1",
            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c",
        ],
        &["stopped after 1 s", "--timeout"],
    );
    assert!(t.elapsed() < std::time::Duration::from_secs(10), "{err}");
}

#[test]
fn a_huge_query_result_is_refused() {
    let (e, _) = district();
    let endless = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c";
    e.refused(&["query", endless], &["more than 10000 rows", "--max-rows"]);
    e.refused(&["query", "--max-rows", "5", endless], &["more than 5 rows"]);
    e.refused(&["query", "SELECT length(zeroblob(100000000))"], &["larger than 16 MB"]);
    // Within the limits, all is well.
    assert_eq!(e.ok(&["query", "-f", "csv", "--max-rows", "3", "SELECT 1 UNION ALL SELECT 2"]), "1\r\n1\r\n2");
}

#[test]
fn a_long_dry_run_holds_no_lock_so_another_clerk_can_write() {
    let (e, _) = district();
    // A big file: its dry run takes a while.
    let mut csv = String::from("name,ward,category,enrolled\n");
    for i in 0..60_000 {
        csv.push_str(&format!("Người Thứ {i},5,prison,2022-03-01\n"));
    }
    let f = e.path("big.csv");
    std::fs::write(&f, csv).unwrap();
    let before = crate::util::dump(&e.db);
    let mut dry = e.command(&["import", "cases", "--dry-run", f.to_str().unwrap()]).spawn().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    // Another clerk, with a busy timeout of 1 s forced through a second command: it must not wait for the dry run.
    let t = std::time::Instant::now();
    let id = e.ok(&["member", "add", "Vũ Thị Lan", "--org", "PN", "--ward", "5"]);
    let waited = t.elapsed();
    let status = dry.wait().unwrap();
    assert!(status.success());
    assert_eq!(id, "2");
    assert!(waited < std::time::Duration::from_secs(5), "the write waited {waited:?}");
    // The dry run wrote nothing: only the member was added.
    assert_ne!(before, crate::util::dump(&e.db));
    assert_eq!(e.scalar("SELECT count(*) FROM cases"), "1");
}

/// A tiny workbook whose cells lie far apart: its dense range would be 16,384 × 1,048,576
/// cells (512 GB). It is refused naming the far cell, quickly and in little memory (a process
/// that tried would abort, not exit 1), and nothing changes.
#[test]
fn a_workbook_reaching_past_the_limits_is_refused_before_memory_is_spent() {
    use rust_xlsxwriter::Workbook;
    let (e, _) = district();
    for (name, row, col, cell) in [("far.xlsx", 1_048_575u32, 16_383u16, "XFD1048576"), ("wide.xlsx", 0, 300, "KO1")] {
        let path = e.path(name);
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        ws.write(0, 0, "name").unwrap();
        ws.write(0, 1, "ward").unwrap();
        ws.write(row, col, "x").unwrap();
        wb.save(&path).unwrap();
        assert!(std::fs::metadata(&path).unwrap().len() < 10_000, "a small file");
        let shown = format!("{name}:Sheet1!{cell}: the sheet reaches past row 201000 or column IV");
        e.refused(&["import", "cases", path.to_str().unwrap()], &[&shown]);
        e.refused(&["import", "cases", "--dry-run", path.to_str().unwrap()], &[&shown]);
    }
}
