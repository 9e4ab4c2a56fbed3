//! Tests: a month's sheet brought back (SPEC §17 "Bringing the sheet back"). A small world:
//! member m1 (ward 2) in charge of c1 and c2, member m2 (ward 10) of c3; all enrolled on
//! 2022-01-10. Every value below is worked out by hand from the files written here.

use rust_xlsxwriter::Workbook;

use crate::util::Env;

struct World {
    e: Env,
    m: [String; 2],
    c: [String; 3],
}

fn world() -> World {
    let e = Env::new();
    let m1 = e.member("Trần Thị Lan", "PN", "2");
    let m2 = e.member("Lê Văn Hùng", "CCB", "10");
    let c1 = e.enroll("Nguyễn Văn An", "2", "2022-01-10", &["--member", &m1]);
    let c2 = e.enroll("Phạm Văn Bình", "2", "2022-01-10", &["--member", &m1]);
    let c3 = e.enroll("Võ Văn Cường", "10", "2022-01-10", &["--member", &m2]);
    World { e, m: [m1, m2], c: [c1, c2, c3] }
}

fn write(e: &Env, name: &str, text: &str) -> String {
    let p = e.path(name);
    std::fs::write(&p, text).unwrap();
    p.display().to_string()
}

/// Rows: c1 visited (B, and a loan of 5,000,000), c2 not visited (only its pre-filled
/// cells), c3 visited (A) by member m1 named instead of its own m2.
fn good_csv(w: &World) -> String {
    format!(
        "STT,Số hồ sơ,Họ tên,Phường,Ngày tiếp xúc,Phân loại,Thành viên,Ghi chú,Hình thức giúp đỡ,Số tiền,Ghi chú giúp đỡ\n\
         1,{},Nguyễn Văn An,2,2022-05-03,B,,đã gặp,loan,5000000,vốn bán hàng\n\
         2,{},Phạm Văn Bình,2,,,,,,,\n\
         3,{},Võ Văn Cường,10,05/05/2022,A,{},,,,\n",
        w.c[0], w.c[1], w.c[2], w.m[0]
    )
}

#[test]
fn a_filled_csv_records_reviews_and_supports_and_skips_blank_rows() {
    let w = world();
    let f = write(&w.e, "may.csv", &good_csv(&w));
    let audit_before: i64 = w.e.scalar("SELECT count(*) FROM audit_log").parse().unwrap();
    // Two filled rows (the blank one skipped).
    assert_eq!(w.e.ok(&["import", "reviews", &f]), "2");
    assert_eq!(w.e.scalar("SELECT count(*) FROM reviews"), "2");
    let c1 = format!("(SELECT id FROM cases WHERE case_no = '{}')", w.c[0]);
    let c3 = format!("(SELECT id FROM cases WHERE case_no = '{}')", w.c[2]);
    assert_eq!(
        w.e.scalar(&format!(
            "SELECT reviewed_on || ' ' || class || ' ' || member_id || ' ' || note FROM reviews WHERE case_id = {c1}"
        )),
        format!("2022-05-03 B {} đã gặp", w.m[0])
    );
    // The member named on the row, not the one assigned (m2).
    assert_eq!(
        w.e.scalar(&format!(
            "SELECT reviewed_on || ' ' || class || ' ' || member_id FROM reviews WHERE case_id = {c3}"
        )),
        format!("2022-05-05 A {}", w.m[0])
    );
    assert_eq!(
        w.e.scalar("SELECT given_on || ' ' || kind || ' ' || amount || ' ' || note FROM supports"),
        "2022-05-03 loan 5000000 vốn bán hàng"
    );
    // One audit row per review or support: 2 + 1.
    let audit_after: i64 = w.e.scalar("SELECT count(*) FROM audit_log").parse().unwrap();
    assert_eq!(audit_after - audit_before, 3);
    // Brought back a second time: refused, nothing doubled, the database unchanged.
    let err = w
        .e
        .refused(&["import", "reviews", &f], &["duplicate", "may.csv:2: Ngày tiếp xúc:", "may.csv:4: Ngày tiếp xúc:"]);
    assert!(!err.contains("may.csv:3"), "the blank row is no problem: {err}");
    assert_eq!(w.e.scalar("SELECT count(*) FROM reviews"), "2");
}

#[test]
fn bad_cells_are_reported_with_file_line_and_column_and_nothing_is_written() {
    let w = world();
    let f = write(
        &w.e,
        "bad.csv",
        &format!(
            "case_no,reviewed_on,class,member,note\n{},2022-05-03,B,,\n{},2022-13-01,E,,\n2022-9999,2022-05-01,A,,\n{},,C,,\n",
            w.c[0], w.c[1], w.c[2]
        ),
    );
    let err = w.e.refused(
        &["import", "reviews", &f],
        &[
            "bad.csv:3: reviewed_on: invalid date '2022-13-01'",
            "bad.csv:3: class: invalid review class 'E'",
            "bad.csv:4: case_no: unknown case '2022-9999'",
            "bad.csv:5: reviewed_on: empty",
        ],
    );
    assert!(!err.contains("bad.csv:2"), "{err}");
    // The good row 2 was not kept either: all or nothing.
    assert_eq!(w.e.scalar("SELECT count(*) FROM reviews"), "0");
}

#[test]
fn a_dry_run_checks_everything_and_writes_nothing() {
    let w = world();
    let f = write(&w.e, "may.csv", &good_csv(&w));
    let before = crate::util::dump(&w.e.db);
    assert_eq!(w.e.ok(&["import", "reviews", &f, "--dry-run"]), "2");
    assert_eq!(before, crate::util::dump(&w.e.db));
}

#[test]
fn import_supports_records_supports_and_refuses_them_twice() {
    let w = world();
    let f = write(
        &w.e,
        "s.csv",
        &format!("case_no,given_on,kind,amount,member,note\n{},2022-05-04,loan,100000,,\n{},,,,,\n", w.c[0], w.c[1]),
    );
    assert_eq!(w.e.ok(&["import", "supports", &f]), "1");
    assert_eq!(w.e.scalar("SELECT given_on || ' ' || kind || ' ' || amount FROM supports"), "2022-05-04 loan 100000");
    w.e.refused(&["import", "supports", &f], &["s.csv:2: given_on: duplicate"]);
}

#[test]
fn every_worksheet_of_a_workbook_is_imported_and_problems_name_the_cell() {
    let w = world();
    let path = w.e.path("may.xlsx");
    let mut wb = Workbook::new();
    let header = ["STT", "Số hồ sơ", "Họ tên", "Ngày tiếp xúc", "Phân loại", "Ghi chú"];
    let cover = wb.add_worksheet().set_name("Hướng dẫn").unwrap();
    cover.write_string(0, 0, "Điền ngày và phân loại").unwrap();
    for (name, rows) in [
        ("1 Lan", vec![[w.c[0].as_str(), "An", "2022-05-03", "B"], [w.c[1].as_str(), "Bình", "", ""]]),
        ("2 Hùng", vec![[w.c[2].as_str(), "Cường", "2022-05-07", "C"]]),
    ] {
        let ws = wb.add_worksheet().set_name(name).unwrap();
        // Row 1 a title, row 2 the header, rows 3… the cases.
        ws.write_string(0, 0, "Phiếu tiếp xúc tháng 5 năm 2022").unwrap();
        for (c, h) in header.iter().enumerate() {
            ws.write_string(1, c as u16, *h).unwrap();
        }
        for (r, row) in rows.iter().enumerate() {
            ws.write_number(2 + r as u32, 0, (r + 1) as f64).unwrap();
            for (c, v) in row.iter().enumerate() {
                if !v.is_empty() {
                    ws.write_string(2 + r as u32, 1 + c as u16, *v).unwrap();
                }
            }
        }
    }
    wb.save(&path).unwrap();
    let f = path.display().to_string();
    assert_eq!(w.e.ok(&["import", "reviews", &f]), "2");
    assert_eq!(
        w.e.scalar("SELECT group_concat(reviewed_on || class, ' ') FROM (SELECT * FROM reviews ORDER BY id)"),
        "2022-05-03B 2022-05-07C"
    );
    // Again: every duplicate named by its sheet and cell (D = Ngày tiếp xúc).
    w.e.refused(
        &["import", "reviews", &f],
        &["may.xlsx:1 Lan!D3: Ngày tiếp xúc: duplicate", "may.xlsx:2 Hùng!D3: Ngày tiếp xúc: duplicate"],
    );
    // One sheet only.
    w.e.refused(&["import", "reviews", &f, "--sheet", "2 Hùng"], &["may.xlsx:2 Hùng!D3"]);
}
