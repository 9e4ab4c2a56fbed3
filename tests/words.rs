//! SPEC §18, what the tool shows it accepts: periods written as people write them and as the
//! titles print them give the very report of the period's code.

use crate::util::Env;

/// A register with one case enrolled in each quarter of 2022 and one review in May.
fn register() -> Env {
    let e = Env::new();
    e.member("Trần Thị Lan", "PN", "5");
    for (name, date) in [("Nguyễn Văn A", "2022-02-10"), ("Lê Văn B", "2022-05-03"), ("Phạm Văn C", "2022-08-20")]
    {
        e.enroll(name, "5", date, &["--member", "1"]);
    }
    e.ok(&["review", "2022-0002", "--class", "B", "--date", "2022-05-20"]);
    e
}

#[test]
fn a_period_written_as_the_titles_write_it_gives_the_same_report() {
    let e = register();
    // Rows joined by `|` (CSV lines end in CRLF), to find a row whole.
    let csv = |p: &str| {
        let rows = crate::util::csv_rows(&e.ok(&["report", "summary", "-p", p, "-f", "csv"]));
        format!("|{}|", rows.iter().map(|r| r.join(",")).collect::<Vec<_>>().join("|"))
    };
    let q1 = csv("2022-Q1");
    // Worked out by hand: Q1 takes in A only (intake 1, closing 1), on ward 5's row and the total.
    assert!(q1.contains("|5,0,1,1,0,0,0,0,0,0,0,1,0,0,0|"), "{q1}");
    for p in ["quý I/2022", "Quý i/2022", "I/2022", "Q1/2022", "2022 Q1"] {
        assert_eq!(csv(p), q1, "{p}");
    }
    let may = csv("2022-05");
    // May: A open from before (opening 1), B taken in, one contact.
    assert!(may.contains("|5,1,1,2,0,0,0,0,0,0,0,2,1,0,0|"), "{may}");
    for p in ["tháng 5/2022", "5/2022", "05/2022", "May 2022"] {
        assert_eq!(csv(p), may, "{p}");
    }
    let year = csv("2022");
    assert!(year.contains("|TOTAL,0,3,3,0,0,0,0,0,0,0,3,1,0,0|"), "{year}");
    assert_eq!(csv("năm 2022"), year);
    assert_eq!(csv("từ ngày 01/01/2022 đến ngày 31/12/2022"), year);
    assert_eq!(csv("1 Jan 2022 to 31 Dec 2022"), year);
}

#[test]
fn a_period_in_no_known_form_is_refused_naming_the_forms() {
    let e = register();
    for p in ["quý V/2022", "13/2022", "tháng 5/22", "Mai 2022"] {
        let err = e.refused(&["report", "summary", "-p", p], &[p, "quý I/2022"]);
        assert!(err.contains("2022-Q1"), "{err}");
    }
}

/// SPEC §18 "What the tool shows, it accepts": a vocabulary value by its Vietnamese label,
/// its table header word and the catalogue's aliases (`i18n/*/aliases.ftl`), ignoring case
/// and diacritics; each is stored as its code.
#[test]
fn vocabulary_is_accepted_as_the_tool_shows_it_and_as_clerks_say_it() {
    let e = register();
    // Support kinds: the label, the aliases the issue names.
    for (i, kind) in ["vốn", "hỗ trợ vốn", "cho vay", "Hỗ trợ vốn", "VON"].iter().enumerate() {
        let day = format!("2022-06-{:02}", i + 1);
        e.ok(&["support", "2022-0001", "--kind", kind, "--amount", "100000", "--date", &day]);
    }
    assert_eq!(e.scalar("SELECT group_concat(DISTINCT kind) FROM supports"), "loan");
    e.ok(&["support", "2022-0001", "--kind", "học nghề", "--date", "2022-06-10"]);
    assert_eq!(e.scalar("SELECT kind FROM supports ORDER BY id DESC LIMIT 1"), "training");
    // Release reasons: an alias, and the summary table's header word ("Tái phạm").
    e.ok(&["release", "2022-0001", "--reason", "chuyển đi", "--date", "2022-07-01"]);
    e.ok(&["release", "2022-0002", "--reason", "Tái phạm", "--date", "2022-07-01"]);
    assert_eq!(
        e.scalar(
            "SELECT group_concat(reason, ',') FROM (SELECT reason FROM cases WHERE reason IS NOT NULL ORDER BY id)"
        ),
        "moved,reoffended"
    );
    // Organizations and categories by the names clerks use.
    let m = e.ok(&["member", "add", "Lê Thị Hoa", "--org", "Hội Phụ nữ", "--ward", "5"]);
    assert_eq!(
        e.scalar(&format!("SELECT o.code FROM members m JOIN orgs o ON o.id = m.org_id WHERE m.id = {}", m.trim())),
        "PN"
    );
    let m = e.ok(&["member", "add", "Võ Văn Nam", "--org", "cuu chien binh", "--ward", "5"]);
    assert_eq!(
        e.scalar(&format!("SELECT o.code FROM members m JOIN orgs o ON o.id = m.org_id WHERE m.id = {}", m.trim())),
        "CCB"
    );
    let c = e.enroll("Đỗ Văn Tư", "5", "2022-09-01", &[]);
    let c2 = e.ok(&["enroll", "Đỗ Văn Năm", "--ward", "5", "--category", "ma túy", "--date", "2022-09-02"]);
    assert_eq!(
        e.scalar(&format!(
            "SELECT k.code FROM cases c JOIN categories k ON k.id = c.category_id WHERE c.case_no = '{}'",
            c2.trim()
        )),
        "drugs"
    );
    assert!(!c.is_empty());
}

/// A value that is none of these is refused, listing what is accepted in the reader's
/// language, and nothing changes.
#[test]
fn a_refused_vocabulary_value_lists_the_accepted_ones_in_the_readers_language() {
    let e = register();
    let vi = e.refused(&["--lang", "vi", "support", "2022-0001", "--kind", "tiền mặt"], &["error:"]);
    assert!(vi.contains("hình thức giúp đỡ không hợp lệ 'tiền mặt': cần một trong: job (giới thiệu việc làm); loan (hỗ trợ vốn); training (học nghề); gift (tặng quà); other (khác)"), "{vi}");
    let en = e.refused(&["--lang", "en", "support", "2022-0001", "--kind", "cash"], &["error:"]);
    assert!(en.contains("invalid support kind 'cash': expected one of: job (job placement); loan; training (vocational training); gift; other"), "{en}");
    let vi = e.refused(&["--lang", "vi", "release", "2022-0001", "--reason", "bỏ đi"], &["error:"]);
    assert!(vi.contains("deceased (qua đời)") && vi.contains("moved (chuyển nơi cư trú)"), "{vi}");
    let org = e.refused(&["member", "add", "Lê Thị Hoa", "--org", "Hội Nông dân", "--ward", "5"], &["error:"]);
    assert!(org.contains("PN (Hội Liên hiệp Phụ nữ)") && org.contains("CCB (Hội Cựu chiến binh)"), "{org}");
}

/// SPEC §18: a missing register's message names the folder it looked in, `--db` and
/// `MH51_DB`, in the reader's language, and creates nothing.
#[test]
fn a_missing_register_names_the_folder_db_and_mh51_db() {
    let e = Env::empty();
    let folder = e.db.parent().unwrap().display().to_string();
    let en = e.fail(&["--lang", "en", "list"]);
    assert!(en.contains(&format!("database '{}' does not exist (looked in {folder})", e.db.display())), "{en}");
    assert!(en.contains("--db PATH") && en.contains("MH51_DB") && en.contains("mh51 init --db"), "{en}");
    let vi = e.fail(&["--lang", "vi", "list"]);
    assert!(
        vi.contains(&format!("(đã tìm trong thư mục {folder})")) && vi.contains("--db") && vi.contains("MH51_DB"),
        "{vi}"
    );
    assert!(!e.db.exists(), "nothing was created");
}

/// SPEC §18: every command's help ends with examples (`src/help.rs`), and each example shown
/// is a real command that works: every line of every command's examples is run, in order,
/// through bash in a folder holding the District 6 example as `mh51.db` (the default), and
/// must exit 0. Then `--help` of those commands ends with exactly those lines, in both
/// languages, under the heading of the reader's language, after the "Global options" group.
#[test]
fn every_example_in_the_help_runs_and_ends_the_help() {
    use clap::CommandFactory;
    let examples = mh51::help::all_examples(&mh51::cli::Cli::command());
    assert!(examples.len() >= 20, "{examples:?}");
    let demo = Env::empty();
    demo.ok(&["demo"]);
    for (id, lines) in &examples {
        let dir = tempfile::tempdir().unwrap();
        std::fs::copy(&demo.db, dir.path().join("mh51.db")).unwrap();
        for line in lines {
            assert!(line.starts_with("mh51 "), "{id}: {line}");
            let o = crate::util::bash_in(dir.path(), line, &[]);
            assert!(
                o.status.success(),
                "{id}: `{line}` failed: {}{}",
                String::from_utf8_lossy(&o.stdout),
                String::from_utf8_lossy(&o.stderr)
            );
        }
        // The help ends with them.
        let path: Vec<&str> = id.strip_prefix("examples").unwrap().split('-').filter(|w| !w.is_empty()).collect();
        for (lang, heading, global) in [("en", "Examples:", "Global options:"), ("vi", "Ví dụ:", "Tùy chọn chung:")]
        {
            let mut args = vec!["--lang", lang];
            args.extend(&path);
            args.push("--help");
            let help = demo.ok(&args);
            let shown: Vec<String> = lines.iter().map(|l| format!("  {l}")).collect();
            let want = format!("{heading}\n{}", shown.join("\n"));
            assert!(help.ends_with(&want), "{id} ({lang}): the help should end with\n{want}\n---\n{help}");
            let g = help.find(global).unwrap_or_else(|| panic!("{id} ({lang}): no {global}\n{help}"));
            assert!(g < help.rfind(heading).unwrap(), "{id} ({lang}): global options before the examples");
        }
    }
}

/// SPEC §18: `mh51` alone shows the help (exit 2, as a usage error), and help is wrapped at
/// the terminal's width (COLUMNS) at word boundaries, in both languages.
#[test]
fn mh51_alone_shows_the_help_and_help_wraps_at_the_width() {
    let e = Env::new();
    let o = e.run(&[]);
    assert_eq!(o.status.code(), Some(2));
    let text = String::from_utf8_lossy(&o.stdout).to_string() + &String::from_utf8_lossy(&o.stderr);
    assert!(text.contains("Usage: mh51") && text.contains("Commands:") && text.contains("  mh51 demo"), "{text}");
    for lang in ["en", "vi"] {
        let o = e.command(&["--lang", lang, "enroll", "--help"]).env("COLUMNS", "60").output().unwrap();
        let help = String::from_utf8(o.stdout).unwrap();
        let words: std::collections::BTreeSet<&str> = help.split_whitespace().collect();
        // The usage line is clap's, never wrapped; every other line is.
        for line in help.lines().filter(|l| !l.starts_with("Usage:") && !l.starts_with("Cách dùng:")) {
            // Translated fixed words may run a few columns past the width; never a long line.
            assert!(line.chars().count() <= 72, "{lang}: a line of {} columns:\n{line}", line.chars().count());
        }
        // Wrapped between words: every word of the one-line description is whole somewhere.
        let about = mh51::cli_vi::texts(&<mh51::cli::Cli as clap::CommandFactory>::command())
            .into_iter()
            .find(|(w, _)| w == "mh51 enroll")
            .map(|(_, t)| t)
            .unwrap();
        let about = if lang == "vi" { mh51::cli_vi::vi_of(&about).map(str::to_string).unwrap() } else { about };
        for w in about.split_whitespace() {
            assert!(words.contains(w), "{lang}: '{w}' of the description was broken:\n{help}");
        }
    }
}

/// SPEC §18, "one fact, one rendering": a released case's member is the same in `show`,
/// `list`, `export cases` and `v_cases` — the member who had it when it was released (before,
/// `show` left it empty while the others gave it).
#[test]
fn a_released_cases_member_is_the_same_in_every_view() {
    let e = Env::new();
    let m = e.member("Võ Thị Hạnh", "PN", "2");
    let case = e.enroll("Đặng Văn Thử", "2", "2023-01-10", &["--member", &m]);
    e.ok(&["release", &case, "--reason", "progressed", "--date", "2023-05-01"]);
    let show = e.ok(&["show", &case, "-f", "json"]);
    let show: serde_json::Value = serde_json::from_str(&show).unwrap();
    let case_obj = &show["case"];
    assert_eq!(case_obj["status"], "released", "{show}");
    assert_eq!(case_obj["member_id"].to_string().trim_matches('"'), m, "show: {show}");
    assert_eq!(case_obj["member_name"], "Võ Thị Hạnh");
    assert_eq!(case_obj["org"], "PN");
    let list = crate::util::csv_rows(&e.ok(&["list", "--status", "released", "-f", "csv"]));
    let col = |rows: &[Vec<String>], name: &str| rows[0].iter().position(|c| c == name).unwrap();
    let row = list.iter().find(|r| r[0] == case).unwrap();
    assert_eq!(row[col(&list, "member_id")], m);
    assert_eq!(row[col(&list, "member_name")], "Võ Thị Hạnh");
    assert_eq!(row[col(&list, "org")], "PN");
    let export = crate::util::csv_rows(&e.ok(&["export", "cases", "-f", "csv"]));
    let row = export.iter().find(|r| r[0] == case).unwrap();
    assert_eq!(row[col(&export, "member_id")], m);
    assert_eq!(e.scalar(&format!("SELECT member_name FROM v_cases WHERE case_no = '{case}'")), "Võ Thị Hạnh");
}
