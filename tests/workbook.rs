//! Tests: importing workbooks (SPEC §15). The workbooks are built here with rust_xlsxwriter,
//! cell by cell, so every expected place (`DS!G5`) can be counted by hand: rows and columns
//! as the spreadsheet shows them, row 1 at the top, column A at the left. The `.ods` and
//! `.xls` fixtures in tests/fixtures/ are the same workbook ([`clerk_workbook`]) saved by
//! LibreOffice (tests/fixtures/make-workbooks.sh), so all three formats must give the same
//! register and the same messages.

use std::path::Path;

use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook, Worksheet};

use crate::util::Env;

fn date(y: u16, m: u8, d: u8) -> ExcelDateTime {
    ExcelDateTime::from_ymd(y, m, d).unwrap()
}

fn strings(ws: &mut Worksheet, row: u32, cells: &[&str]) {
    for (c, s) in cells.iter().enumerate() {
        ws.write_string(row, c as u16, *s).unwrap();
    }
}

/// The clerk's workbook: a cover sheet with no table ("Bìa"), the cases ("DS") below two
/// merged title rows and a blank one, and a sheet of bad rows ("Lỗi"). Rows and columns in
/// the comments are as the spreadsheet shows them.
pub fn clerk_workbook(path: &Path) {
    let mut wb = Workbook::new();
    let dmy = Format::new().set_num_format("dd/mm/yyyy");
    let long = Format::new().set_num_format("d mmmm yyyy");
    let title = Format::new().set_bold();

    let cover = wb.add_worksheet().set_name("Bìa").unwrap();
    cover.write_string(0, 0, "ỦY BAN NHÂN DÂN QUẬN 6").unwrap();
    cover.write_string(2, 0, "Sổ theo dõi mô hình 5+1, năm 2022").unwrap();

    let ds = wb.add_worksheet().set_name("DS").unwrap();
    // Rows 1–2: titles merged across A:I; row 3 blank; row 4 the header.
    ds.merge_range(0, 0, 0, 8, "DANH SÁCH ĐỐI TƯỢNG QUẢN LÝ THEO MÔ HÌNH 5+1", &title).unwrap();
    ds.merge_range(1, 0, 1, 8, "Phường 5 và Phường 10 — Quận 6", &title).unwrap();
    strings(
        ds,
        3,
        &["STT", "Họ tên", "Phường", "Diện", "Năm sinh", "Giới tính", "Số CCCD", "Ngày vào diện", "Ghi chú"],
    );
    // Row 5: numbers where a clerk types numbers; the CCCD lost its leading zero (11 digits);
    // the enrollment a date cell shown dd/mm/yyyy.
    ds.write_number(4, 0, 1).unwrap();
    strings(ds, 4, &["", "Nguyễn Văn An", "", "prison", "", "Nam"]);
    ds.write_number(4, 2, 5).unwrap();
    ds.write_number(4, 4, 1990).unwrap();
    ds.write_number(4, 6, 79_090_001_234.0).unwrap();
    ds.write_datetime_with_format(4, 7, date(2022, 3, 1), &dmy).unwrap();
    ds.write_string(4, 8, "vốn bán hàng").unwrap();
    // Row 6: text where a clerk types text: the ward by name, the CCCD as Text, the
    // enrollment as a text date; the birth a date cell.
    ds.write_number(5, 0, 2).unwrap();
    strings(ds, 5, &["", "Phạm Thị Đào", "Phường 5", "drugs", "", "Nữ", "079198000111", "15/03/2022"]);
    ds.write_datetime_with_format(5, 4, date(1998, 4, 12), &dmy).unwrap();
    // Row 7: the ward a formula (its saved value counts), a CMND of 9 digits stored as 8, the
    // enrollment a date cell in another display format.
    ds.write_number(6, 0, 3).unwrap();
    strings(ds, 6, &["", "Võ Văn Cường", "", "youth", "", "Nam"]);
    ds.write_formula(6, 2, Formula::new("=2+3").set_result("5")).unwrap();
    ds.write_number(6, 4, 2005).unwrap();
    ds.write_number(6, 6, 12_345_678.0).unwrap();
    ds.write_datetime_with_format(6, 7, date(2022, 4, 2), &long).unwrap();
    // Row 8 blank; row 9: a CMND of 9 digits kept as it is.
    ds.write_number(8, 0, 4).unwrap();
    strings(ds, 8, &["", "Lê Thị Hoa", "10", "record", "1985", "Nữ"]);
    ds.write_number(8, 6, 201_234_567.0).unwrap();
    ds.write_datetime_with_format(8, 7, date(2021, 12, 31), &dmy).unwrap();

    let bad = wb.add_worksheet().set_name("Lỗi").unwrap();
    // Header in row 1, columns A–E.
    strings(bad, 0, &["Họ tên", "Phường", "Diện", "Số CCCD", "Ngày vào diện"]);
    // Row 2: unknown ward in B2.
    strings(bad, 1, &["Trần Văn Bảy", "15", "prison", "079090009999"]);
    bad.write_datetime_with_format(1, 4, date(2022, 1, 10), &dmy).unwrap();
    // Row 3: a numeric identity number of 10 digits in D3.
    strings(bad, 2, &["Đỗ Văn Tám", "5", "prison"]);
    bad.write_number(2, 3, 7_909_000_123.0).unwrap();
    bad.write_datetime_with_format(2, 4, date(2022, 1, 11), &dmy).unwrap();
    // Row 4: an impossible text date in E4.
    strings(bad, 3, &["Hồ Văn Chín", "5", "prison", "", "31/04/2021"]);
    // Row 5: the required category empty in C5.
    strings(bad, 4, &["Lý Văn Mười", "5", ""]);
    bad.write_datetime_with_format(4, 4, date(2022, 1, 12), &dmy).unwrap();
    // Row 6: a value right of the header, in G6.
    strings(bad, 5, &["Mai Văn Một", "5", "prison"]);
    bad.write_datetime_with_format(5, 4, date(2022, 1, 13), &dmy).unwrap();
    bad.write_string(5, 6, "tổng").unwrap();

    wb.save(path).unwrap();
}

/// What every format of the clerk's workbook must put in the register (checked by hand
/// against the cells above): case, name, ward, id number, birth year, birth date, enrolled.
const CLERK_CASES: &str = "\
2021-0001|Lê Thị Hoa|10|201234567|1985||2021-12-31
2022-0001|Nguyễn Văn An|5|079090001234|1990||2022-03-01
2022-0002|Phạm Thị Đào|5|079198000111|1998|1998-04-12|2022-03-15
2022-0003|Võ Văn Cường|5|012345678|2005||2022-04-02";

fn cases_in(env: &Env) -> String {
    let c = env.raw();
    let mut s = c
        .prepare(
            "SELECT case_no, name, ward, coalesce(id_number, ''), coalesce(birth_year, ''),
                    coalesce(birth_date, ''), enrolled_on
             FROM v_cases ORDER BY case_no",
        )
        .unwrap();
    let rows: Vec<String> = s
        .query_map([], |r| {
            Ok((0..7)
                .map(|i| match r.get::<_, rusqlite::types::Value>(i).unwrap() {
                    rusqlite::types::Value::Integer(n) => n.to_string(),
                    rusqlite::types::Value::Text(t) => t,
                    v => format!("{v:?}"),
                })
                .collect::<Vec<_>>()
                .join("|"))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    rows.join("\n")
}

/// The messages the bad sheet must give, in every format (file name substituted).
fn bad_sheet_lines(file: &str) -> Vec<String> {
    [
        "Lỗi!B2: Phường: unknown ward '15'",
        "Lỗi!D3: Số CCCD: the number 7909000123 is not an identity number (9 or 12 digits)",
        "Lỗi!E4: Ngày vào diện: invalid date '31/04/2021'",
        "Lỗi!C5: Diện: empty; this column is required",
        "Lỗi!G6: -: a value in a column with no header",
    ]
    .iter()
    .map(|l| format!("{file}:{l}"))
    .collect()
}

/// The same checks on any format of the clerk's workbook.
fn check_clerk_workbook(file: &str) {
    let env = Env::new();
    let path = env.path(file);
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(file);
    if src.exists() {
        std::fs::copy(&src, &path).unwrap();
    } else {
        clerk_workbook(&path);
    }
    // The first sheet is the cover: no header row; the refusal names the sheets.
    env.refused(
        &["import", "cases", file],
        &[&format!("{file}: sheet 'Bìa' has no header row"), "the workbook's sheets are 'Bìa', 'DS', 'Lỗi'", "--sheet"],
    );
    // The bad sheet: every problem, by cell, with the column as the header names it; nothing
    // is written. `--sheet` ignores case and accents.
    let err = env.refused(&["import", "cases", file, "--sheet", "loi"], &[&format!("{file}: 5 bad row(s)")]);
    for line in bad_sheet_lines(file) {
        assert!(err.contains(&line), "expected {line:?} in:\n{err}");
    }
    assert!(err.contains("format the column as Text"), "{err}");
    // The good sheet.
    assert_eq!(env.ok(&["import", "cases", file, "--sheet", "DS", "--dry-run"]), "4");
    assert_eq!(env.scalar("SELECT count(*) FROM cases"), "0");
    assert_eq!(env.ok(&["import", "cases", file, "--sheet", "DS"]), "4");
    assert_eq!(cases_in(&env), CLERK_CASES);
    assert_eq!(env.scalar("SELECT note FROM v_cases WHERE case_no = '2022-0001'"), "vốn bán hàng");
    assert_eq!(env.scalar("SELECT entity_key FROM audit_log WHERE action = 'import'"), file);
    // Twice: refused as duplicates, by the sheet's row.
    env.refused(
        &["import", "cases", file, "--sheet", "DS"],
        &[&format!("{file}:DS!G5: Số CCCD: duplicate of case 2022-0001")],
    );
    env.ok(&["check"]);
}

#[test]
fn an_xlsx_workbook_imports_by_the_csv_rules() {
    check_clerk_workbook("clerk.xlsx");
}

#[test]
fn an_ods_workbook_saved_by_libreoffice_imports_the_same() {
    check_clerk_workbook("clerk.ods");
}

#[test]
fn an_xls_workbook_saved_by_libreoffice_imports_the_same() {
    check_clerk_workbook("clerk.xls");
}

#[test]
fn the_fixtures_exist() {
    // check_clerk_workbook falls back to building an .xlsx; the .ods and .xls must be real.
    for f in ["clerk.ods", "clerk.xls"] {
        let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(f);
        assert!(p.exists(), "{} is missing: run tests/fixtures/make-workbooks.sh", p.display());
    }
}

/// Writes the source of the .ods/.xls fixtures; run by tests/fixtures/make-workbooks.sh.
#[test]
#[ignore = "writes the fixtures' source workbook; run by tests/fixtures/make-workbooks.sh"]
fn write_fixture_source() {
    let out = std::env::var("MH51_FIXTURE_OUT").expect("MH51_FIXTURE_OUT: where to write clerk.xlsx");
    clerk_workbook(&Path::new(&out).join("clerk.xlsx"));
}

#[test]
fn members_from_a_workbook_get_the_zero_of_their_phone_back() {
    let env = Env::new();
    let path = env.path("tv.xlsx");
    let mut wb = Workbook::new();
    let dmy = Format::new().set_num_format("dd/mm/yyyy");
    let ws = wb.add_worksheet();
    strings(ws, 0, &["STT", "Họ tên", "Đoàn thể", "Phường", "Điện thoại", "Ngày tham gia"]);
    ws.write_number(1, 0, 1).unwrap();
    strings(ws, 1, &["", "Trần Thị Bích", "PN", "5"]);
    ws.write_number(1, 4, 909_123_456.0).unwrap(); // 0909123456 without its zero
    ws.write_datetime_with_format(1, 5, date(2022, 1, 3), &dmy).unwrap();
    ws.write_number(2, 0, 2).unwrap();
    strings(ws, 2, &["", "Lê Văn Hùng", "Hội Cựu chiến binh", "phuong 10", "0918765432", "03/01/2022"]);
    // Rows 4–5 of a template, numbered in advance but empty: skipped like blank rows.
    ws.write_number(3, 0, 3).unwrap();
    ws.write_number(4, 0, 4).unwrap();
    wb.save(&path).unwrap();
    assert_eq!(env.ok(&["import", "members", "tv.xlsx"]), "2");
    assert_eq!(
        env.scalar("SELECT group_concat(name || '|' || org || '|' || ward || '|' || phone || '|' || joined_on, ';') FROM v_members"),
        "Trần Thị Bích|PN|5|0909123456|2022-01-03;Lê Văn Hùng|CCB|10|0918765432|2022-01-03"
    );
}

#[test]
fn workbook_problems_that_are_not_in_a_row() {
    let env = Env::new();
    // Only a header: like a CSV file with no rows.
    let mut wb = Workbook::new();
    strings(wb.add_worksheet(), 0, &["name", "org", "ward"]);
    wb.save(env.path("only-header.xlsx")).unwrap();
    env.refused(&["import", "members", "only-header.xlsx"], &["only-header.xlsx has a header but no rows"]);
    // A header missing a required column: named at the header's row.
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("TV").unwrap();
    ws.write_string(0, 0, "Danh sách thành viên").unwrap();
    strings(ws, 2, &["Họ tên", "Phường"]);
    strings(ws, 3, &["Trần Thị Bích", "5"]);
    wb.save(env.path("no-org.xlsx")).unwrap();
    env.refused(
        &["import", "members", "no-org.xlsx"],
        &["no-org.xlsx:TV!3:3: org: required column 'org' is missing from the header"],
    );
    // A sheet that does not exist; --sheet with a CSV file; a file that is not a workbook.
    env.refused(&["import", "members", "no-org.xlsx", "--sheet", "Sheet9"], &["no sheet 'Sheet9'", "'TV'"]);
    std::fs::write(env.path("a.csv"), "name,org,ward\nAn,PN,5\n").unwrap();
    env.refused(&["import", "members", "a.csv", "--sheet", "TV"], &["--sheet is for workbooks", "a.csv"]);
    std::fs::write(env.path("fake.xlsx"), "name,org,ward\nAn,PN,5\n").unwrap();
    env.refused(&["import", "members", "fake.xlsx"], &["cannot read 'fake.xlsx' as a workbook"]);
}

#[test]
fn a_cell_showing_an_error_is_named() {
    let env = Env::new();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    strings(ws, 0, &["name", "org", "ward"]);
    strings(ws, 1, &["Trần Thị Bích", "PN"]);
    // A formula whose saved value is an error: Excel writes it as an error cell.
    ws.write_formula(1, 2, Formula::new("=1/0").set_result("#DIV/0!")).unwrap();
    wb.save(env.path("err.xlsx")).unwrap();
    let err = env.refused(
        &["import", "members", "err.xlsx"],
        &["err.xlsx: 1 bad row(s)", "err.xlsx:Sheet1!C2: ward: the cell shows the error #DIV/0!; correct its formula"],
    );
    // Reported once: the blank the reader passed on is not a second problem.
    assert_eq!(err.matches("Sheet1!C2").count(), 1, "{err}");
}

#[test]
fn a_csv_that_is_not_utf8_says_the_workbook_itself_can_be_imported() {
    let env = Env::new();
    let p = env.path("old.csv");
    std::fs::write(&p, b"name,org,ward\nL\xea Th\xed Mai,PN,2\n").unwrap();
    env.refused(&["import", "members", "old.csv"], &["or import the workbook itself (.xlsx, .xls or .ods"]);
}

#[test]
fn a_row_doubled_in_the_sheet_names_the_earlier_row() {
    let env = Env::new();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("Thành viên").unwrap();
    strings(ws, 0, &["Họ tên", "Đoàn thể", "Phường"]);
    strings(ws, 1, &["Trần Thị Bích", "PN", "5"]);
    strings(ws, 2, &["Lê Văn Hùng", "CCB", "5"]);
    strings(ws, 3, &["tran thi bich", "Hội Liên hiệp Phụ nữ", "Phường 5"]);
    wb.save(env.path("tv.xlsx")).unwrap();
    env.refused(
        &["import", "members", "tv.xlsx"],
        &["tv.xlsx:Thành viên!A4: Họ tên: duplicate of row 2: the same member 'tran thi bich' of PN in ward 5"],
    );
    let err = env.refused(
        &["--lang", "vi", "import", "members", "tv.xlsx"],
        &["tv.xlsx:Thành viên!A4: Họ tên: trùng với hàng 2"],
    );
    assert!(err.starts_with("error: tv.xlsx: 1 dòng lỗi"), "{err}");
}

#[test]
fn a_workbook_over_50_mb_is_refused_before_reading() {
    let env = Env::new();
    let f = std::fs::File::create(env.path("huge.xlsx")).unwrap();
    f.set_len(51 * 1024 * 1024).unwrap(); // sparse: takes no disk space
    env.refused(&["import", "cases", "huge.xlsx"], &["'huge.xlsx' is 51 MB", "up to 50 MB"]);
}
