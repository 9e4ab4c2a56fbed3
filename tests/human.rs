//! Human output (SPEC §11): tables in the reader's language, laid out for the terminal's
//! width without ever breaking a figure, help in Vietnamese, the xlsx page setup, and a pipe
//! closed early.
//!
//! Width tests run the binary with stdout piped and the documented test hook
//! `MH51_ASSUME_TTY=1` plus `COLUMNS` (mh51 then lays tables out as on a terminal of that
//! width); one test runs it on a real pseudo-terminal through util-linux `script`.

use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::sync::OnceLock;

use crate::util::{csv_rows, Env};

/// The bundled District 6 example, built once for the read-only tests here.
fn demo() -> &'static Env {
    static DEMO: OnceLock<Env> = OnceLock::new();
    DEMO.get_or_init(|| {
        let env = Env::empty();
        env.ok(&["demo", "--db", env.db.to_str().unwrap()]);
        env
    })
}

/// A whole number with a thousands separator, written here from SPEC §11's examples
/// (`298.000.000` vi, `298,000,000` en), not with the product's function.
fn grouped(n: &str, sep: char) -> String {
    let digits: Vec<char> = n.chars().collect();
    let mut out = String::new();
    for (i, c) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(*c);
    }
    out
}

/// Run with stdout piped but laid out as on a terminal `width` columns wide.
fn on_terminal(env: &Env, width: usize, args: &[&str]) -> (String, String) {
    let o =
        env.command(args).env("MH51_ASSUME_TTY", "1").env("COLUMNS", width.to_string()).output().expect("running mh51");
    assert!(o.status.success(), "{args:?}: {}", String::from_utf8_lossy(&o.stderr));
    (String::from_utf8(o.stdout).unwrap(), String::from_utf8(o.stderr).unwrap())
}

/// The cells of each body row of a table (lines between `│`, split at `┆`), trimmed.
fn table_rows(t: &str) -> Vec<Vec<String>> {
    t.lines()
        .filter(|l| l.starts_with('│'))
        .map(|l| l.trim_matches('│').split('┆').map(|c| c.trim().to_string()).collect())
        .collect()
}

fn assert_fits(t: &str, width: usize) {
    for l in t.lines() {
        assert!(l.chars().count() <= width, "line wider than {width}:\n{l}\nin\n{t}");
    }
}

#[test]
fn summary_on_a_100_column_terminal_shows_the_essential_columns_with_whole_figures() {
    let e = demo();
    let csv = csv_rows(&e.ok(&["report", "summary", "-p", "2021", "-f", "csv"]));
    // group, opening, intake, total_managed, progressed, exits, closing (SPEC §11).
    let essential = [0, 1, 2, 3, 4, 10, 11];
    for (lang, sep) in [("en", ','), ("vi", '.')] {
        let (t, err) = on_terminal(e, 100, &["--lang", lang, "report", "summary", "-p", "2021"]);
        assert_fits(&t, 100);
        assert!(err.contains("--wide"), "stderr should say how to see every column: {err}");
        let rows = table_rows(&t);
        // Header (one or more lines), 14 wards and TOTAL, each on one line.
        let body: Vec<&Vec<String>> =
            rows.iter().filter(|r| !r[1].is_empty() && r[1].chars().all(|c| c.is_ascii_digit() || c == sep)).collect();
        assert_eq!(body.len(), 15, "{t}");
        for (row, want) in body.iter().zip(&csv[1..]) {
            assert_eq!(row.len(), 7, "{t}");
            for (k, &c) in essential.iter().enumerate().skip(1) {
                assert_eq!(row[k], grouped(&want[c], sep), "column {} of {:?}\n{t}", csv[0][c], want);
            }
        }
        // The ward's name; the total row in the reader's language (catalogue table-total).
        assert_eq!(body[4][0], "Phường 5");
        assert_eq!(body[14][0], if lang == "vi" { "Tổng cộng" } else { "TOTAL" });
        assert_eq!(body[14][1..], ["271", "55", "326", "59", "63", "263"]);
    }
}

#[test]
fn a_wide_terminal_gets_every_column_and_wide_shows_all_anyway() {
    let e = demo();
    let (t, err) = on_terminal(e, 200, &["--lang", "vi", "report", "summary", "-p", "2021"]);
    assert_fits(&t, 200);
    assert!(err.is_empty(), "{err}");
    // The total row, in Vietnamese (catalogue table-total).
    let total = table_rows(&t).into_iter().find(|r| r[0] == "Tổng cộng").unwrap();
    // 2,357 contacts and 298,000,000 đ of loans in 2021 (the District 6 example).
    assert_eq!(total.len(), 15);
    assert_eq!(total[12], "2.357");
    assert_eq!(total[14], "298.000.000");
    // --wide: every column at its natural width whatever the terminal, as when piped.
    let (wide, err) = on_terminal(e, 100, &["--lang", "vi", "report", "summary", "-p", "2021", "--wide"]);
    assert!(err.is_empty(), "{err}");
    assert_eq!(wide, e.ok(&["--lang", "vi", "report", "summary", "-p", "2021"]) + "\n");
    assert!(wide.lines().any(|l| l.chars().count() > 100));
}

#[test]
fn list_and_members_fit_80_columns_and_never_break_a_case_number_or_date() {
    let e = demo();
    let csv = csv_rows(&e.ok(&["list", "-f", "csv"]));
    for (lang, width) in [("en", 80), ("vi", 100)] {
        let (t, err) = on_terminal(e, width, &["--lang", lang, "list"]);
        assert_fits(&t, width);
        assert!(err.contains("--wide"), "{err}");
        let rows = table_rows(&t);
        let cases: Vec<&str> = rows.iter().map(|r| r[0].as_str()).filter(|c| !c.is_empty()).collect();
        // Every case number appears whole, in order (the header's first cell comes first).
        let want: Vec<&str> = csv[1..].iter().map(|r| r[0].as_str()).collect();
        assert_eq!(cases[cases.len() - want.len()..], want[..]);
        // The first case's enrollment date, whole, in the reader's form.
        let d = &csv[1][5];
        let shown = if lang == "vi" { format!("{}/{}/{}", &d[8..10], &d[5..7], &d[..4]) } else { d.clone() };
        assert!(rows.iter().any(|r| r.contains(&shown)), "{shown} in\n{t}");
    }
    let (t, _) = on_terminal(e, 80, &["member", "list"]);
    assert_fits(&t, 80);
}

#[test]
fn a_real_terminal_is_laid_out_for_its_width() {
    // util-linux `script` runs the command on a pseudo-terminal.
    if std::process::Command::new("script").arg("--version").output().is_err() {
        eprintln!("skipped: util-linux `script` is not installed");
        return;
    }
    let e = demo();
    let cmd = format!("{} report summary -p 2021", crate::util::bin().display());
    let o = std::process::Command::new("script")
        .args(["-qec", &cmd, "/dev/null"])
        .env("MH51_DB", &e.db)
        .env("COLUMNS", "100")
        .env("MH51_TODAY", "2023-06-30")
        .env("MH51_LANG", "en")
        .output()
        .unwrap();
    assert!(o.status.success());
    let t = String::from_utf8_lossy(&o.stdout).replace('\r', "");
    assert_fits(&t, 100);
    assert!(t.contains("--wide"), "stderr shares the terminal: {t}");
    let total = table_rows(&t).into_iter().find(|r| r[0] == "TOTAL").expect("a TOTAL row");
    assert_eq!(total, ["TOTAL", "271", "55", "326", "59", "63", "263"], "{t}");
}

#[test]
fn tables_read_in_the_readers_language_and_csv_keeps_the_codes() {
    let e = Env::new();
    let m = e.member("Trần Thị Bích", "PN", "5");
    let c = e.enroll("Nguyễn Văn An", "5", "2022-01-10", &["--member", &m, "--gender", "male", "--born", "1990"]);
    e.ok(&["review", &c, "--class", "B", "--date", "2022-02-01", "--note", "có việc làm"]);
    e.ok(&["support", &c, "--kind", "loan", "--amount", "5000000", "--date", "2022-03-01"]);
    e.ok(&["release", &c, "--reason", "progressed", "--date", "2022-12-20"]);

    let vi = e.ok(&["--lang", "vi", "show", &c]);
    for want in [
        "Chấp hành xong án phạt tù",
        "Nam",
        "Phường 5",
        "10/01/2022",
        "20/12/2022",
        "B (chấp hành nhưng còn khó khăn): có việc làm",
        "Hỗ trợ vốn 5.000.000 đ",
        "Tiến bộ",
        "đã ra khỏi diện",
    ] {
        assert!(vi.contains(want), "{want:?} in\n{vi}");
    }
    assert!(!vi.contains("2022-01-10") && !vi.contains("prison") && !vi.contains("progressed"), "{vi}");
    let en = e.ok(&["--lang", "en", "show", &c]);
    for want in [
        "Served a prison sentence",
        "Male",
        "Phường 5",
        "2022-01-10",
        "B (complying, struggling): có việc làm",
        "Loan 5,000,000 đ",
        "Made progress",
    ] {
        assert!(en.contains(want), "{want:?} in\n{en}");
    }
    let list = e.ok(&["--lang", "vi", "list", "--status", "all"]);
    assert!(list.contains("Hội Liên hiệp Phụ nữ") && list.contains("Tiến bộ") && list.contains("10/01/2022"), "{list}");
    // CSV and JSON keep codes and ISO dates (Part I).
    let csv = e.ok(&["--lang", "vi", "list", "--status", "all", "-f", "csv"]);
    assert!(csv.contains(",5,prison,2022-01-10,2022-12-20,progressed,"), "{csv}");
    let csv = e.ok(&["--lang", "vi", "show", &c, "-f", "csv"]);
    assert!(csv.contains("2022-03-01,support,1,loan 5000000 đ"), "{csv}");
    // Report groups: org names in vi, the total row and the no-member group in Vietnamese
    // (SPEC §18: catalogue table-total, table-unassigned); quarters in words.
    let t = e.ok(&["--lang", "vi", "report", "summary", "-p", "2022", "--by", "org"]);
    assert!(t.contains("Hội Liên hiệp Phụ nữ") && t.contains("Chưa phân công") && t.contains("Tổng cộng"), "{t}");
    assert!(!t.contains("unassigned") && !t.contains("TOTAL"), "{t}");
    let csv = e.ok(&["--lang", "vi", "report", "summary", "-p", "2022", "--by", "org", "-f", "csv"]);
    assert!(csv.contains("\nunassigned,") && csv.contains("\nTOTAL,"), "CSV keeps the codes: {csv}");
    assert!(t.contains("5.000.000"), "{t}");
    let t = e.ok(&["--lang", "vi", "report", "summary", "-p", "2022", "--by", "quarter"]);
    assert!(t.contains("quý I/2022") && t.contains("quý IV/2022"), "{t}");
    let t = e.ok(&["--lang", "en", "report", "summary", "-p", "2022-Q1", "--by", "month"]);
    assert!(t.contains("Summary, 2022 Q1 (2022-01-01 to 2022-03-31), by month") && t.contains("March 2022"), "{t}");
    let t = e.ok(&["--lang", "vi", "report", "quota", "-p", "2022"]);
    assert!(t.contains("Báo cáo chỉ tiêu (2 người mỗi thành viên), năm 2022 (từ 01/01/2022 đến 31/12/2022)"), "{t}");
    // The group column is named by what it groups, not "Nhóm"/"Group".
    let header = |args: &[&str]| -> String {
        let t = e.ok(args);
        t.lines()
            .find(|l| l.starts_with('│'))
            .unwrap_or_default()
            .split('┆')
            .next()
            .unwrap()
            .trim_matches(['│', ' '])
            .to_string()
    };
    assert_eq!(header(&["--lang", "vi", "report", "summary", "-p", "2022"]), "Phường");
    assert_eq!(header(&["--lang", "vi", "report", "summary", "-p", "2022", "--by", "org"]), "Đoàn thể");
    assert_eq!(header(&["--lang", "vi", "report", "summary", "-p", "2022", "--by", "month"]), "Tháng");
    assert_eq!(header(&["--lang", "en", "report", "quota", "-p", "2022", "--by", "org"]), "Org");
    // A dictionary's name column is a name, not a person's full name.
    let t = e.ok(&["--lang", "vi", "org", "list"]);
    assert!(t.contains("Tên") && !t.contains("Họ tên"), "{t}");
    e.ok(&["settings", "ward_label", "Khu phố"]);
    assert_eq!(header(&["--lang", "vi", "report", "summary", "-p", "2022"]), "Khu phố");
}

#[test]
fn help_and_usage_errors_in_vietnamese() {
    let e = Env::new();
    let help = e.ok(&["--lang", "vi", "--help"]);
    assert!(help.contains("Cách dùng:") && help.contains("Lệnh:") && help.contains("Tùy chọn:"), "{help}");
    assert!(!help.contains("Usage:") && !help.contains("Commands:") && !help.contains("Options:"), "{help}");
    assert!(help.contains("Báo cáo giao ban"), "{help}");
    // From the environment, for a subcommand.
    let o = e.command(&["report", "summary", "--help"]).env("LANG", "vi_VN.UTF-8").output().unwrap();
    let h = String::from_utf8(o.stdout).unwrap();
    assert!(
        o.status.success() && h.contains("Cách dùng: mh51 report summary") && h.contains("Định dạng đầu ra"),
        "{h}"
    );
    let o = e.command(&["import", "--help"]).env("MH51_LANG", "vi").output().unwrap();
    let h = String::from_utf8(o.stdout).unwrap();
    assert!(h.contains("Tham số:") && !h.contains("Arguments:"), "{h}");
    // A usage error: exit 2, `error:` first, the usage line in Vietnamese.
    let err = e.usage(&["--lang", "vi", "list", "--bogus"]);
    assert!(err.starts_with("error: ") && err.contains("Cách dùng: mh51 list") && !err.contains("Usage:"), "{err}");
    // English stays clap's own.
    let err = e.usage(&["--lang", "en", "list", "--bogus"]);
    assert!(err.contains("Usage: mh51 list"), "{err}");
}

#[test]
fn xlsx_prints_on_a4_one_page_wide_with_the_header_repeated() {
    let e = demo();
    let dir = tempfile::tempdir().unwrap();
    let unzip = |file: &std::path::Path, part: &str| -> String {
        let o = std::process::Command::new("unzip").arg("-p").arg(file).arg(part).output().expect("unzip");
        assert!(o.status.success(), "unzip {part}");
        String::from_utf8(o.stdout).unwrap()
    };
    let wide = dir.path().join("summary.xlsx");
    e.ok(&["--lang", "vi", "report", "summary", "-p", "2022-Q1", "-f", "xlsx", "-o", wide.to_str().unwrap()]);
    let sheet = unzip(&wide, "xl/worksheets/sheet1.xml");
    assert!(sheet.contains(r#"<pageSetUpPr fitToPage="1"/>"#), "{sheet}");
    let setup = &sheet[sheet.find("<pageSetup ").expect("pageSetup")..];
    let setup = &setup[..setup.find("/>").unwrap()];
    // A4, landscape (15 columns), one page wide (fitToWidth defaults to 1), any height.
    assert!(setup.contains(r#"paperSize="9""#) && setup.contains(r#"orientation="landscape""#), "{setup}");
    assert!(setup.contains(r#"fitToHeight="0""#) && !setup.contains("fitToWidth=\"0\""), "{setup}");
    let book = unzip(&wide, "xl/workbook.xml");
    assert!(
        book.contains(r#"<definedName name="_xlnm.Print_Titles" localSheetId="0">'Tổng hợp'!$3:$3</definedName>"#),
        "{book}"
    );
    // The title names the period in words; the cells keep codes.
    let shared = unzip(&wide, "xl/sharedStrings.xml");
    assert!(shared.contains("Báo cáo tổng hợp quý I/2022 (từ 01/01/2022 đến 31/03/2022), theo phường"), "{shared}");
    assert!(shared.contains("<t>TOTAL</t>") && !shared.contains("Phường 5"), "{shared}");
    // The quota by org is narrow: portrait.
    let narrow = dir.path().join("quota.xlsx");
    e.ok(&["report", "quota", "-p", "2022", "--by", "org", "-f", "xlsx", "-o", narrow.to_str().unwrap()]);
    let sheet = unzip(&narrow, "xl/worksheets/sheet1.xml");
    assert!(sheet.contains(r#"paperSize="9""#) && !sheet.contains("landscape"), "{sheet}");
}

#[test]
fn a_pipe_closed_early_ends_quietly() {
    let e = demo();
    for format in ["csv", "json", "table"] {
        // The whole export is far more than a pipe holds (64 KiB), so the writer is still
        // writing when the reader goes.
        let full = e.run(&["export", "reviews", "-f", format]);
        assert!(full.stdout.len() > 65536, "{format}: {} bytes", full.stdout.len());
        let mut child = e
            .command(&["export", "reviews", "-f", format])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
        // The reader is dropped here: the pipe is closed.
        let o = child.wait_with_output().unwrap();
        assert!(!first.is_empty());
        assert_eq!(o.status.code(), Some(0), "{format}: {}", String::from_utf8_lossy(&o.stderr));
        assert!(o.stderr.is_empty(), "{format}: {}", String::from_utf8_lossy(&o.stderr));
    }
}

#[test]
fn every_view_fits_80_and_100_columns() {
    let e = demo();
    let views: &[&[&str]] = &[
        &["report", "summary", "-p", "2022-01-01..2022-05-20", "--by", "org"],
        &["report", "summary", "-p", "2021", "--by", "category"],
        &["report", "quota", "-p", "2022", "--by", "member"],
        &["report", "quota", "-p", "2022", "--by", "org"],
        &["report", "overdue", "--as-of", "2022-05-20"],
        &["list", "--status", "all", "--ward", "5"],
        &["member", "list", "--all"],
        &["member", "show", "1"],
        &["show", "2021-0001"],
        &["audit", "--case", "2021-0001"],
        &["ward", "list"],
    ];
    for lang in ["vi", "en"] {
        for width in [80, 100] {
            for v in views {
                let mut args = vec!["--lang", lang];
                args.extend_from_slice(v);
                let (t, _) = on_terminal(e, width, &args);
                assert_fits(&t, width);
            }
        }
    }
    // The quota by member: every member's figures whole, in the table's own rows.
    let csv = csv_rows(&e.ok(&["report", "quota", "-p", "2022", "--by", "member", "-f", "csv"]));
    let (t, _) = on_terminal(e, 80, &["--lang", "vi", "report", "quota", "-p", "2022", "--by", "member"]);
    let rows = table_rows(&t);
    let total = rows.iter().find(|r| r[0] == "Tổng cộng").expect("the total row (catalogue table-total)");
    let want = csv.last().unwrap();
    // Essential: group, name, target, achieved, shortfall (columns 0, 1, 5, 6, 8 of the CSV).
    assert_eq!(total[2..], [grouped(&want[5], '.'), grouped(&want[6], '.'), grouped(&want[8], '.')], "{t}");
}
