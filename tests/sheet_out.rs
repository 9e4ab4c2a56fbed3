//! Tests: the month's sheet going out (SPEC §17 "The month's sheet"), `mh51 sheet`, and its
//! round trip back through `import reviews`.
//!
//! A small world, worked out by hand ("today" is 2023-06-30). Member 1 Trần Thị Lan (PN,
//! ward 2) and member 2 Lê Văn Hùng (CCB, ward 10); cases, all enrolled 2023-01-10:
//!
//! | case      | name          | ward | member                      | release         | contacts               |
//! |-----------|---------------|------|-----------------------------|-----------------|------------------------|
//! | 2023-0001 | Nguyễn Văn An | 2    | 1                           |                 | 04-03 B, 05-10 C voided |
//! | 2023-0002 | Phạm Văn Bình | 2    | 1, then 2 from 2023-06-15   |                 |                        |
//! | 2023-0003 | Võ Văn Cường  | 10   | 2                           | moved 2023-05-20 |                        |
//! | 2023-0004 | Đỗ Thị Dung   | 10   | none                        |                 | 05-02 A                |
//! | 2023-0005 | Hoàng Văn Em  | 2    | 1                           | moved 2023-06-10 |                        |
//!
//! June's sheets: member 1 has 0001 and 0005 (released in June, in member 1's charge on its
//! release day), member 2 has 0002 (in charge on 30 June), 0004 is on the sheet of cases with
//! no member, 0003 (released in May) is on none.
//!
//! The round trip fills the workbook with openpyxl, as a spreadsheet program would. `.ci/run`
//! installs it and sets `MH51_REQUIRE_OPENPYXL=1`, so in CI a missing openpyxl FAILS the
//! test; elsewhere it is skipped with a note on stderr. The PDF test needs Chromium and
//! pdfinfo likewise (`MH51_REQUIRE_CHROMIUM=1`).

use std::io::Read;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use calamine::{open_workbook, Data, Reader, Xlsx};

use crate::util::{csv_rows, dump, Env};

fn world() -> Env {
    let e = Env::new();
    assert_eq!(e.member("Trần Thị Lan", "PN", "2"), "1");
    assert_eq!(e.member("Lê Văn Hùng", "CCB", "10"), "2");
    let d = "2023-01-10";
    assert_eq!(e.enroll("Nguyễn Văn An", "2", d, &["--member", "1", "--address", "12 Hậu Giang"]), "2023-0001");
    assert_eq!(e.enroll("Phạm Văn Bình", "2", d, &["--member", "1"]), "2023-0002");
    assert_eq!(e.enroll("Võ Văn Cường", "10", d, &["--member", "2"]), "2023-0003");
    assert_eq!(e.enroll("Đỗ Thị Dung", "10", d, &["--address", "45 Minh Phụng"]), "2023-0004");
    assert_eq!(e.enroll("Hoàng Văn Em", "2", d, &["--member", "1"]), "2023-0005");
    e.ok(&["assign", "2023-0002", "2", "--date", "2023-06-15"]);
    e.ok(&["release", "2023-0003", "--reason", "moved", "--date", "2023-05-20"]);
    e.ok(&["release", "2023-0005", "--reason", "moved", "--date", "2023-06-10"]);
    e.ok(&["review", "2023-0001", "--class", "B", "--date", "2023-04-03"]);
    let voided = e.ok(&["review", "2023-0001", "--class", "C", "--date", "2023-05-10"]);
    e.ok(&["void", "review", &voided, "--reason", "ghi nhầm"]);
    e.ok(&["review", "2023-0004", "--class", "A", "--date", "2023-05-02"]);
    e
}

/// Run `sheet` with `args` writing `name`; the file's path.
fn sheet(e: &Env, name: &str, args: &[&str]) -> PathBuf {
    let path = e.path(name);
    let mut all = vec!["sheet", "-o", path.to_str().unwrap()];
    all.extend_from_slice(args);
    let out = e.ok(&all);
    assert_eq!(out, path.display().to_string(), "the path alone on stdout");
    path
}

/// A cell as text: numbers without `.0`, dates as ISO dates, blanks empty.
fn text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) if f.fract() == 0.0 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::DateTime(dt) => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{d:02}")
        }
        other => other.to_string(),
    }
}

/// Every worksheet, in order: its name and its rows (absolute, from A1), as text.
fn read(path: &Path) -> Vec<(String, Vec<Vec<String>>)> {
    let mut wb: Xlsx<_> = open_workbook(path).unwrap();
    let names = wb.sheet_names();
    names
        .into_iter()
        .map(|n| {
            let range = wb.worksheet_range(&n).unwrap();
            let (h, w) = range.end().map(|(r, c)| (r + 1, c + 1)).unwrap_or((0, 0));
            let rows = (0..h)
                .map(|r| (0..w).map(|c| range.get_value((r, c)).map(text).unwrap_or_default()).collect())
                .collect();
            (n, rows)
        })
        .collect()
}

const EN_HEADERS: [&str; 13] = [
    "#",
    "Case no.",
    "Name",
    "Ward",
    "Address",
    "Last contact",
    "Last class",
    "Date of contact",
    "Class",
    "Note",
    "Support kind",
    "Amount",
    "Support note",
];
const VI_HEADERS: [&str; 13] = [
    "STT",
    "Số hồ sơ",
    "Họ tên",
    "Phường",
    "Địa chỉ",
    "Lần tiếp xúc gần nhất",
    "Loại gần nhất",
    "Ngày tiếp xúc",
    "Phân loại",
    "Ghi chú",
    "Hình thức giúp đỡ",
    "Số tiền",
    "Ghi chú giúp đỡ",
];

/// A table row as written: the pre-filled cells, then six empty ones to fill in.
fn row(cells: [&str; 7]) -> Vec<String> {
    cells.iter().map(|c| c.to_string()).chain(std::iter::repeat_n(String::new(), 6)).collect()
}

/// The table of a sheet: its rows from the header (row 4) down.
fn table(rows: &[Vec<String>]) -> &[Vec<String>] {
    &rows[3..]
}

#[test]
fn one_worksheet_per_member_in_charge_and_one_for_cases_with_no_member() {
    let e = world();
    let path = sheet(&e, "june.xlsx", &["-p", "2023-06"]);
    assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
    let sheets = read(&path);
    let names: Vec<&str> = sheets.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["1 Trần Thị Lan", "2 Lê Văn Hùng", "Unassigned"]);

    let (_, lan) = &sheets[0];
    assert_eq!(lan[0][0], "Quận 6 — Contact and support sheet, June 2023 (2023-06-01 to 2023-06-30)");
    assert_eq!(lan[1][0], "Member: 1 Trần Thị Lan — Women's Union");
    assert_eq!(
        table(lan),
        [
            EN_HEADERS.iter().map(|h| h.to_string()).collect::<Vec<_>>(),
            row(["1", "2023-0001", "Nguyễn Văn An", "2", "12 Hậu Giang", "2023-04-03", "B"]),
            row(["2", "2023-0005", "Hoàng Văn Em", "2", "", "", ""]),
        ]
    );
    let (_, hung) = &sheets[1];
    assert_eq!(hung[1][0], "Member: 2 Lê Văn Hùng — Veterans' Association");
    assert_eq!(table(hung)[1..], [row(["1", "2023-0002", "Phạm Văn Bình", "2", "", "", ""])]);
    let (_, none) = &sheets[2];
    assert_eq!(none[1][0], "Cases with no member in charge");
    assert_eq!(table(none)[1..], [row(["1", "2023-0004", "Đỗ Thị Dung", "10", "45 Minh Phụng", "2023-05-02", "A"])]);
}

#[test]
fn in_vietnamese_the_headers_names_and_titles_are_vietnamese() {
    let e = world();
    let path = sheet(&e, "t6.xlsx", &["-p", "tháng 6/2023", "--lang", "vi"]);
    let sheets = read(&path);
    let names: Vec<&str> = sheets.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["1 Trần Thị Lan", "2 Lê Văn Hùng", "Chưa phân công"]);
    let (_, lan) = &sheets[0];
    assert_eq!(lan[0][0], "Quận 6 — Phiếu theo dõi tiếp xúc, giúp đỡ tháng 6/2023 (từ 01/06/2023 đến 30/06/2023)");
    assert_eq!(lan[1][0], "Thành viên: 1 Trần Thị Lan — Hội Liên hiệp Phụ nữ");
    assert_eq!(table(lan)[0], VI_HEADERS);
    assert_eq!(sheets[2].1[1][0], "Đối tượng chưa có thành viên phụ trách");
}

#[test]
fn a_case_goes_on_the_sheet_of_its_member_on_its_last_day_in_the_period() {
    let e = world();
    // May: 0002 is still member 1's; 0003, released on 20 May, is member 2's (in charge that
    // day); 0005 is open. The voided contact of 10 May is no last contact.
    let path = sheet(&e, "may.xlsx", &["-p", "2023-05"]);
    let sheets = read(&path);
    let cases = |i: usize| -> Vec<(String, String, String)> {
        table(&sheets[i].1)[1..].iter().map(|r| (r[1].clone(), r[5].clone(), r[6].clone())).collect()
    };
    let names: Vec<&str> = sheets.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["1 Trần Thị Lan", "2 Lê Văn Hùng", "Unassigned"]);
    let s = |a: &str, b: &str, c: &str| (a.to_string(), b.to_string(), c.to_string());
    assert_eq!(cases(0), [s("2023-0001", "2023-04-03", "B"), s("2023-0002", "", ""), s("2023-0005", "", "")]);
    assert_eq!(cases(1), [s("2023-0003", "", "")]);
    assert_eq!(cases(2), [s("2023-0004", "2023-05-02", "A")]);
    // April: the last contact is the one dated by the period's end (3 April), not May's.
    let april = read(&sheet(&e, "april.xlsx", &["-p", "2023-04"]));
    assert_eq!(april[2].1[4][5], "", "0004's contact of 2 May is after April");
    assert_eq!(april[0].1[4][5], "2023-04-03");
    // Without -p: this month (today is 2023-06-30), the very sheets of -p 2023-06.
    let default = read(&sheet(&e, "now.xlsx", &[]));
    let june = read(&sheet(&e, "june.xlsx", &["-p", "2023-06"]));
    assert_eq!(default, june);
    // A quarter is the longest period: Q2 has all five (0003 was open until 20 May), 0003 on
    // member 2's sheet after 0002 (ward 2 before ward 10).
    let q2 = read(&sheet(&e, "q2.xlsx", &["-p", "quý II/2023"]));
    let all: Vec<String> = q2.iter().flat_map(|(_, r)| table(r)[1..].iter().map(|r| r[1].clone())).collect();
    assert_eq!(all, ["2023-0001", "2023-0005", "2023-0002", "2023-0003", "2023-0004"]);
}

#[test]
fn ward_org_and_member_narrow_the_sheets() {
    let e = world();
    let names = |args: &[&str], file: &str| -> Vec<(String, Vec<String>)> {
        let mut a = vec!["-p", "2023-06"];
        a.extend_from_slice(args);
        read(&sheet(&e, file, &a))
            .into_iter()
            .map(|(n, r)| (n, table(&r)[1..].iter().map(|r| r[1].clone()).collect()))
            .collect()
    };
    let one = |n: &str, cases: &[&str]| vec![(n.to_string(), cases.iter().map(|c| c.to_string()).collect())];
    assert_eq!(names(&["--ward", "10"], "w10.xlsx"), one("Unassigned", &["2023-0004"]));
    assert_eq!(names(&["--ward", "Phường 2"], "w2.xlsx").len(), 2);
    assert_eq!(names(&["--org", "PN"], "pn.xlsx"), one("1 Trần Thị Lan", &["2023-0001", "2023-0005"]));
    assert_eq!(names(&["--member", "le van hung"], "m2.xlsx"), one("2 Lê Văn Hùng", &["2023-0002"]));
    assert_eq!(names(&["--member", "1", "--ward", "2"], "m1.xlsx"), one("1 Trần Thị Lan", &["2023-0001", "2023-0005"]));
    // The title says which part.
    let w = read(&e.path("w10.xlsx"));
    assert!(w[0].1[0][0].ends_with(" — only ward 10"), "{}", w[0].1[0][0]);
}

/// The zip entry `name` of the workbook at `path`, as text.
fn entry(path: &Path, name: &str) -> String {
    let mut z = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut s = String::new();
    z.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

/// The value of attribute `attr` in the first element of `xml` that starts with `start`.
fn attr<'a>(xml: &'a str, start: &str, attr: &str) -> Option<&'a str> {
    let at = xml.find(start)?;
    let tag = &xml[at..at + xml[at..].find('>')?];
    let key = format!(" {attr}=\"");
    let v = tag.find(&key)? + key.len();
    Some(&tag[v..v + tag[v..].find('"')?])
}

/// The style (index into cellXfs) of cell `cell` of a worksheet's XML.
fn style_of(sheet: &str, cell: &str) -> usize {
    attr(sheet, &format!("<c r=\"{cell}\""), "s").map_or(0, |s| s.parse().unwrap())
}

/// Whether the cellXfs style `i` of styles.xml leaves its cells unlocked.
fn unlocked(styles: &str, i: usize) -> bool {
    let xfs = &styles[styles.find("<cellXfs").unwrap()..styles.find("</cellXfs>").unwrap()];
    // Each <xf …/> or <xf …>…</xf>.
    let parts: Vec<&str> = xfs.split("<xf ").skip(1).collect();
    let xf = parts[i];
    xf.contains("<protection locked=\"0\"/>")
}

/// Excel's serial number of a date (days since 1899-12-30).
fn serial(d: &str) -> i64 {
    let d: chrono::NaiveDate = d.parse().unwrap();
    (d - chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap()).num_days()
}

#[test]
fn the_workbook_is_protected_checked_and_set_up_for_printing() {
    let e = world();
    let path = sheet(&e, "june.xlsx", &["-p", "2023-06"]);
    let s1 = entry(&path, "xl/worksheets/sheet1.xml");
    let styles = entry(&path, "xl/styles.xml");
    let book = entry(&path, "xl/workbook.xml");
    // Protected, without a password; columns and rows may still be resized.
    assert!(s1.contains("<sheetProtection "), "{s1}");
    assert_eq!(attr(&s1, "<sheetProtection ", "password"), None);
    assert_eq!(attr(&s1, "<sheetProtection ", "formatColumns"), Some("0"));
    // The fill-in cells (H–M) of both rows are unlocked; the pre-filled ones (A–G) are not.
    for r in [5, 6] {
        for c in ["H", "I", "J", "K", "L", "M"] {
            assert!(unlocked(&styles, style_of(&s1, &format!("{c}{r}"))), "{c}{r} should be unlocked");
        }
        for c in ["A", "B", "C", "D", "E", "F", "G"] {
            assert!(!unlocked(&styles, style_of(&s1, &format!("{c}{r}"))), "{c}{r} should be locked");
        }
    }
    // The header and the title are locked too.
    assert!(!unlocked(&styles, style_of(&s1, "H4")));
    // A date in June, on the two rows.
    let dv = |kind: &str| -> String {
        let at = s1.find(&format!("<dataValidation type=\"{kind}\"")).unwrap_or_else(|| panic!("{kind}: {s1}"));
        s1[at..at + s1[at..].find("</dataValidation>").unwrap()].to_string()
    };
    let date = dv("date");
    assert_eq!(attr(&date, "<dataValidation", "sqref"), Some("H5:H6"));
    assert!(
        date.contains(&format!(
            "<formula1>{}</formula1><formula2>{}</formula2>",
            serial("2023-06-01"),
            serial("2023-06-30")
        )),
        "{date}"
    );
    assert_eq!(attr(&date, "<dataValidation", "errorStyle"), None, "stop, Excel's default: {date}");
    // The drop-downs: the class and the support kinds, in the reader's language.
    let lists: Vec<&str> = s1.match_indices("<dataValidation type=\"list\"").map(|(i, _)| &s1[i..]).collect();
    assert_eq!(lists.len(), 2);
    assert!(
        lists[0].contains("sqref=\"I5:I6\"") && lists[0].contains("<formula1>\"A,B,C,D\"</formula1>"),
        "{}",
        lists[0]
    );
    assert!(
        lists[1].contains("sqref=\"K5:K6\"")
            && lists[1].contains("<formula1>\"Job placement,Loan,Vocational training,Gift,Other\"</formula1>"),
        "{}",
        lists[1]
    );
    assert!(s1.contains("<dataValidation type=\"decimal\" operator=\"greaterThanOrEqual\""), "{s1}");
    // A4, landscape, one page wide, as many pages down as needed.
    assert_eq!(attr(&s1, "<pageSetup ", "paperSize"), Some("9"));
    assert_eq!(attr(&s1, "<pageSetup ", "orientation"), Some("landscape"));
    assert_eq!(attr(&s1, "<pageSetup ", "fitToHeight"), Some("0"));
    // fitToWidth="1" is the default, so it may be left out; fitToPage must be on.
    assert_ne!(attr(&s1, "<pageSetup ", "fitToWidth"), Some("0"));
    assert!(s1.contains("<pageSetUpPr fitToPage=\"1\"/>"), "{s1}");
    // The header row (row 4) printed on every page, on every sheet.
    for (i, name) in ["'1 Trần Thị Lan'", "'2 Lê Văn Hùng'", "Unassigned"].iter().enumerate() {
        let want = format!("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"{i}\">{name}!$4:$4</definedName>");
        assert!(book.contains(&want), "{want} in {book}");
    }
    // The member named at the top of every printed page, the pages numbered.
    assert!(s1.contains("<oddHeader>&amp;LMember: 1 Trần Thị Lan — Women's Union&amp;RJune 2023</oddHeader>"), "{s1}");
    assert!(s1.contains("<oddFooter>&amp;CPage &amp;P of &amp;N</oddFooter>"), "{s1}");

    // In Vietnamese the kinds are listed by their Vietnamese names.
    let vi = sheet(&e, "vi.xlsx", &["-p", "2023-06", "--lang", "vi"]);
    let s1 = entry(&vi, "xl/worksheets/sheet1.xml");
    assert!(s1.contains("<formula1>\"Giới thiệu việc làm,Hỗ trợ vốn,Học nghề,Tặng quà,Khác\"</formula1>"), "{s1}");
    assert!(s1.contains("<oddFooter>&amp;CTrang &amp;P/&amp;N</oddFooter>"), "{s1}");
}

/// python3 with openpyxl, or None (with a loud note) when missing and not required.
fn openpyxl() -> Option<()> {
    let ok = Command::new("python3").args(["-c", "import openpyxl"]).output().is_ok_and(|o| o.status.success());
    if ok {
        return Some(());
    }
    if std::env::var("MH51_REQUIRE_OPENPYXL").is_ok_and(|v| v == "1") {
        panic!("python3 with openpyxl is required for the sheet's round trip (MH51_REQUIRE_OPENPYXL=1): pip install openpyxl");
    }
    eprintln!("NOTE: python3 with openpyxl not found; SKIPPING the sheet's round-trip test (pip install openpyxl)");
    None
}

/// Fill cells of the workbook as a person would (openpyxl: load, set values, save as a new
/// file). `fills`: (sheet, case number, column letter, value); a value `date:YYYY-MM-DD` is
/// a date, `num:N` a number, anything else text.
const FILL: &str = r#"
import datetime, json, sys
import openpyxl
src, dst, fills = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
wb = openpyxl.load_workbook(src)
for sheet, case, col, value in fills:
    ws = wb[sheet]
    row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 2).value == case)
    if value.startswith("date:"):
        value = datetime.date.fromisoformat(value[5:])
    elif value.startswith("num:"):
        value = int(value[4:])
    ws[f"{col}{row}"] = value
wb.save(dst)
"#;

fn fill(src: &Path, dst: &Path, fills: &[(&str, &str, &str, &str)]) {
    let json = serde_json::to_string(fills).unwrap();
    let o = Command::new("python3").args(["-c", FILL]).arg(src).arg(dst).arg(json).output().unwrap();
    assert!(o.status.success(), "openpyxl: {}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn a_filled_workbook_comes_back_through_import_reviews_once() {
    let Some(()) = openpyxl() else { return };
    let e = world();
    let out = sheet(&e, "t6.xlsx", &["-p", "2023-06", "--lang", "vi"]);
    let filled = e.path("t6-filled.xlsx");
    fill(
        &out,
        &filled,
        &[
            ("1 Trần Thị Lan", "2023-0001", "H", "date:2023-06-12"),
            ("1 Trần Thị Lan", "2023-0001", "I", "A"),
            ("1 Trần Thị Lan", "2023-0001", "J", "đã gặp, đã đi làm"),
            ("1 Trần Thị Lan", "2023-0001", "K", "Hỗ trợ vốn"),
            ("1 Trần Thị Lan", "2023-0001", "L", "num:3000000"),
            ("1 Trần Thị Lan", "2023-0001", "M", "vốn bán hàng"),
            ("1 Trần Thị Lan", "2023-0005", "H", "date:2023-06-05"),
            ("1 Trần Thị Lan", "2023-0005", "I", "C"),
            ("2 Lê Văn Hùng", "2023-0002", "H", "date:2023-06-20"),
            ("2 Lê Văn Hùng", "2023-0002", "I", "B"),
        ],
    );
    let audit: i64 = e.scalar("SELECT count(*) FROM audit_log").parse().unwrap();
    // Three filled rows; 0004 left blank is a person not visited.
    assert_eq!(e.ok(&["import", "reviews", filled.to_str().unwrap()]), "3");
    let reviews = csv_rows(&e.ok(&["export", "reviews", "-p", "2023-06", "-f", "csv"]));
    let mut got: Vec<Vec<String>> = reviews[1..].iter().map(|r| r[1..].to_vec()).collect();
    got.sort();
    let r = |c: &[&str]| c.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(
        got,
        [
            r(&["2023-0001", "2023-06-12", "A", "1", "đã gặp, đã đi làm"]),
            // Member 2 took 0002 over on 15 June: the contact of the 20th is theirs.
            r(&["2023-0002", "2023-06-20", "B", "2", ""]),
            r(&["2023-0005", "2023-06-05", "C", "1", ""]),
        ]
    );
    let supports = csv_rows(&e.ok(&["export", "supports", "-p", "2023-06", "-f", "csv"]));
    assert_eq!(
        supports[1..].iter().map(|r| r[1..].to_vec()).collect::<Vec<_>>(),
        [r(&["2023-0001", "2023-06-12", "loan", "3000000", "1", "vốn bán hàng"])]
    );
    // Nothing else: the three contacts of before (one voided) and these three; one support.
    assert_eq!(e.scalar("SELECT count(*) FROM reviews"), "6");
    assert_eq!(e.scalar("SELECT count(*) FROM supports"), "1");
    // One audit row per review and support.
    let after: i64 = e.scalar("SELECT count(*) FROM audit_log").parse().unwrap();
    assert_eq!(after - audit, 4);
    // Who has reported: the cases open on 30 June (0005 was released on the 10th).
    let contacts = csv_rows(&e.ok(&["report", "contacts", "-p", "2023-06", "-f", "csv"]));
    assert_eq!(
        contacts,
        [
            r(&["group", "name", "org", "ward", "cases", "contacted", "not_contacted", "contacts", "pct"]),
            r(&["1", "Trần Thị Lan", "PN", "2", "1", "1", "0", "1", "100.0"]),
            r(&["2", "Lê Văn Hùng", "CCB", "10", "1", "1", "0", "1", "100.0"]),
            r(&["unassigned", "", "", "", "1", "0", "1", "0", "0.0"]),
            r(&["TOTAL", "", "", "", "3", "2", "1", "2", "66.7"]),
        ]
    );
    // Brought back twice: refused as duplicates, naming the cells, and nothing changes.
    let err = e.refused(
        &["import", "reviews", filled.to_str().unwrap()],
        &[
            "duplicate",
            "t6-filled.xlsx:1 Trần Thị Lan!H5",
            "t6-filled.xlsx:1 Trần Thị Lan!H6",
            "t6-filled.xlsx:2 Lê Văn Hùng!H5",
        ],
    );
    assert!(!err.contains("Chưa phân công"), "the blank sheet is no problem: {err}");
}

/// The files in the test's directory other than the database (and its side files).
fn files(e: &Env) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(e.dir.path())
        .unwrap()
        .map(|d| d.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with("test.db"))
        .collect();
    v.sort();
    v
}

#[test]
fn bad_input_is_refused_naming_it_and_leaves_no_file() {
    let e = world();
    e.member("Vũ Thị Hoa", "TN", "5");
    let before = dump(&e.db);
    for (args, needles) in [
        (&["-p", "2023", "-o", "a.xlsx"][..], &["'2023'", "at most 3 months", "2023-Q2"][..]),
        (&["-p", "2023-04-01..2023-07-01", "-o", "a.xlsx"], &["'2023-04-01..2023-07-01'", "3 months"]),
        (&["-p", "tháng 13/2023", "-o", "a.xlsx"], &["'tháng 13/2023'"]),
        (&["-p", "2023-06", "-o", "a.xlsx", "--ward", "99"], &["'99'"]),
        (&["-p", "2023-06", "-o", "a.xlsx", "--member", "99"], &["'99'"]),
        (&["-p", "2023-06", "-o", "a.xlsx", "--member", "Không Có Ai"], &["'Không Có Ai'"]),
        (&["-p", "2023-06", "-o", "a.xlsx", "--org", "XYZ"], &["'XYZ'"]),
        (&["-p", "2023-06", "-o", "a.docx"], &["'a.docx'", "FILE.xlsx"]),
        (&["-p", "2023-06", "-o", "noext"], &["'noext'"]),
        // A member with no case in charge: no sheet to write.
        (&["-p", "2023-06", "-o", "a.xlsx", "--member", "3"], &["no case", "June 2023", "member 3 Vũ Thị Hoa"]),
        (&["-p", "2023-06", "-o", "missing/a.xlsx"], &["missing"]),
    ] {
        let mut a = vec!["sheet"];
        a.extend_from_slice(args);
        e.refused(&a, needles);
        assert_eq!(files(&e), Vec::<String>::new(), "{args:?} left a file");
    }
    // An existing file is never overwritten, whatever its form.
    for name in ["old.xlsx", "old.html", "old.pdf"] {
        std::fs::write(e.path(name), b"mine").unwrap();
        e.refused(&["sheet", "-p", "2023-06", "-o", name], &[name, "already exists"]);
        assert_eq!(std::fs::read(e.path(name)).unwrap(), b"mine");
    }
    assert_eq!(files(&e), ["old.html", "old.pdf", "old.xlsx"]);
    // Vietnamese refusals name the value too.
    e.refused(&["sheet", "-p", "2023", "-o", "a.xlsx", "--lang", "vi"], &["'2023'", "tối đa 3 tháng"]);
    assert_eq!(before, dump(&e.db), "sheet never changes the register");
}

#[test]
fn the_paper_forms_have_a_page_per_member_with_its_cases_and_boxes_to_fill() {
    let e = world();
    let path = sheet(&e, "t6.html", &["-p", "2023-06", "--lang", "vi"]);
    assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(html.contains("@page { size: A4 landscape;"));
    let sections: Vec<&str> = html.split("<section class=\"sheet\">").skip(1).collect();
    assert_eq!(sections.len(), 3);
    let cases = |s: &str| -> Vec<String> {
        s.match_indices("<tr data-case=\"").map(|(i, m)| s[i + m.len()..i + m.len() + 9].to_string()).collect()
    };
    for (s, who, want) in [
        (sections[0], "Thành viên: 1 Trần Thị Lan — Hội Liên hiệp Phụ nữ", &["2023-0001", "2023-0005"][..]),
        (sections[1], "Thành viên: 2 Lê Văn Hùng — Hội Cựu chiến binh", &["2023-0002"]),
        (sections[2], "Đối tượng chưa có thành viên phụ trách", &["2023-0004"]),
    ] {
        assert!(s.contains(&format!("<p class=\"who\">{who}</p>")), "{who}: {s}");
        assert!(s.contains("<h1>Phiếu theo dõi tiếp xúc, giúp đỡ tháng 6/2023 (từ 01/06/2023 đến 30/06/2023)</h1>"));
        assert!(s.contains("<p class=\"register\">Quận 6</p>"));
        assert_eq!(cases(s), want, "{who}");
        // Every header, in the order of the workbook.
        let heads: Vec<&str> = s
            .split("<th data-col=\"")
            .skip(1)
            .map(|t| {
                let t = &t[t.find("\">").unwrap() + 2..];
                &t[..t.find("</th>").unwrap()]
            })
            .collect();
        assert_eq!(heads, VI_HEADERS, "{who}");
        // Six boxes to fill per case, the class one to circle.
        assert_eq!(s.matches("<td class=\"box").count(), 6 * want.len());
        assert_eq!(s.matches("<td class=\"box pick\">A B C D</td>").count(), want.len());
    }
    // The pre-filled cells as people read them: the ward's name, the date DD/MM/YYYY.
    assert!(sections[0].contains("<td>Nguyễn Văn An</td><td>Phường 2</td><td>12 Hậu Giang</td><td class=\"c n\">03/04/2023</td><td class=\"c\">B</td>"), "{}", sections[0]);
    assert!(sections[0].contains("A — chấp hành tốt, ổn định"));
    assert!(sections[0].contains("giới thiệu việc làm, hỗ trợ vốn, học nghề, tặng quà, khác"));
}

#[test]
fn the_pdf_prints_on_a4_a_page_per_member() {
    let Some(_) = crate::brief::tool(&["chromium", "chromium-browser", "google-chrome"], "chromium") else { return };
    let Some(pdfinfo) = crate::brief::tool(&["pdfinfo"], "poppler-utils") else { return };
    let e = world();
    let path = sheet(&e, "t6.pdf", &["-p", "2023-06", "--lang", "vi"]);
    assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
    assert!(std::fs::read(&path).unwrap().starts_with(b"%PDF"));
    let info = Command::new(&pdfinfo).arg(&path).output().unwrap();
    let info = String::from_utf8_lossy(&info.stdout).to_string();
    let pages: u32 = info.lines().find_map(|l| l.strip_prefix("Pages:")).map(|v| v.trim().parse().unwrap()).unwrap();
    assert_eq!(pages, 3, "one page per member and one for the cases with no member: {info}");
    assert!(info.contains("(A4)"), "{info}");
    // A member with many cases runs onto more pages, each member still starting a page.
    for i in 0..30 {
        e.enroll(&format!("Người Số {i}"), "2", "2023-02-01", &["--member", "1"]);
    }
    let path = sheet(&e, "many.pdf", &["-p", "2023-06"]);
    let info = Command::new(&pdfinfo).arg(&path).output().unwrap();
    let info = String::from_utf8_lossy(&info.stdout).to_string();
    let pages: u32 = info.lines().find_map(|l| l.strip_prefix("Pages:")).map(|v| v.trim().parse().unwrap()).unwrap();
    assert!(pages > 3, "32 cases for member 1 need more than a page: {info}");
}
