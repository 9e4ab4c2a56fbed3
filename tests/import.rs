//! Tests: import (SPEC §7). Every file here is written out in the test, so the line numbers
//! in the expected messages can be counted by hand: the header is line 1, the first data
//! row line 2.

use crate::util::{dump, Env};

fn write(env: &Env, name: &str, text: &str) -> String {
    let p = env.path(name);
    std::fs::write(&p, text).expect("write csv");
    p.to_str().expect("utf-8 path").to_string()
}

const CASES_HEADER: &str =
    "name,ward,category,born,gender,id_number,address,enrolled,member,note,released,reason,credited\n";

#[test]
fn members_with_bom_crlf_vietnamese_headers_and_dmy_dates() {
    let env = Env::new();
    // Excel's "CSV UTF-8": a BOM, CRLF, Vietnamese headers, a row-number column (STT),
    // orgs and wards by code, name or shorthand, dates dd/mm/yyyy.
    let f = write(
        &env,
        "tv.csv",
        "\u{feff}STT,Họ tên,Đoàn thể,Phường,Điện thoại,Ngày tham gia\r\n\
         1,Nguyễn Thị Hoa,PN,Phường 3,0909 123 456,15/03/2019\r\n\
         2,  trần   văn bình ,cong an phuong,p5,,01/02/2020\r\n\
         ,,,,,\r\n",
    );
    // Two rows; the blank third row is skipped.
    assert_eq!(env.ok(&["import", "members", &f]), "2");
    assert_eq!(
        env.scalar(
            "SELECT group_concat(name || '/' || org || '/' || ward || '/' || joined_on, ';')
             FROM (SELECT * FROM v_members ORDER BY id)"
        ),
        "Nguyễn Thị Hoa/PN/3/2019-03-15;trần văn bình/CA/5/2020-02-01"
    );
    assert_eq!(env.scalar("SELECT phone FROM members WHERE id = 1"), "0909 123 456");
    // One audit row per member plus one for the import itself.
    assert_eq!(env.scalar("SELECT count(*) FROM audit_log WHERE entity = 'member'"), "2");
    assert_eq!(env.scalar("SELECT entity_key FROM audit_log WHERE action = 'import'"), "tv.csv");
    env.ok(&["check"]);
}

#[test]
fn semicolon_separated_files_are_read_too() {
    let env = Env::new();
    // Excel in a Vietnamese locale separates with ';'.
    let f = write(&env, "tv.csv", "Họ tên;Đoàn thể;Phường\nLê Văn Tâm;CCB;7\n");
    assert_eq!(env.ok(&["import", "members", &f]), "1");
    assert_eq!(env.scalar("SELECT org || ward FROM v_members"), "CCB7");
}

#[test]
fn cases_with_vietnamese_headers_and_historical_releases() {
    let env = Env::new();
    let m1 = env.member("Trần Văn Bình", "CA", "1");
    let m2 = env.member("Lê Thị Mai", "PN", "1");
    assert_eq!((m1.as_str(), m2.as_str()), ("1", "2"));
    let f = write(
        &env,
        "hs.csv",
        "\u{feff}Họ tên,Phường,Diện,Năm sinh,Giới tính,Số CCCD,Địa chỉ,Ngày vào diện,Thành viên,Ghi chú,Ngày ra khỏi diện,Lý do,Người được ghi nhận\r\n\
         Nguyễn Văn An,1,prison,12/05/1990,Nam,079090000001,\"12/3 Hậu Giang, Phường 1\",01/03/2020,1,,15/06/2021,Tiến bộ,\r\n\
         Phạm Văn Cường,Phường 1,\"Sử dụng trái phép chất ma túy, sau cai nghiện\",1985,nam,,,2020-04-02,1,,2021-07-01,progressed,2\r\n\
         Hoàng Văn Dũng,1,suspended,1988,,,,2021-01-10,2,đang làm phụ hồ,,,\r\n\
         nguyễn văn an,1,record,,male,079090000001,,2021-08-01,2,,,,\r\n",
    );
    assert_eq!(env.ok(&["import", "cases", &f]), "4");
    // Line 2: progressed with no credited member named → the member assigned that day, 1.
    // Line 3: a category by its name; progressed, credited explicitly to member 2.
    // Line 4: open, assigned to 2.
    // Line 5: the same person as line 2 (same identity number), enrolled again after the
    //         release of 2021-06-15: a new case for the same person.
    assert_eq!(
        env.scalar(
            "SELECT group_concat(case_no || '/' || category || '/' || enrolled_on || '/' || coalesce(released_on, '-') || '/'
                     || coalesce(reason, '-') || '/' || coalesce(credited_member_id, '-') || '/' || member_id, ';')
             FROM (SELECT * FROM v_cases ORDER BY case_no)"
        ),
        "2020-0001/prison/2020-03-01/2021-06-15/progressed/1/1;\
         2020-0002/drugs/2020-04-02/2021-07-01/progressed/2/1;\
         2021-0001/suspended/2021-01-10/-/-/-/2;\
         2021-0002/record/2021-08-01/-/-/-/2"
    );
    assert_eq!(env.scalar("SELECT count(DISTINCT person_id) FROM cases"), "3");
    assert_eq!(env.scalar("SELECT birth_date FROM persons WHERE id_number = '079090000001'"), "1990-05-12");
    assert_eq!(env.scalar("SELECT address FROM persons WHERE id_number = '079090000001'"), "12/3 Hậu Giang, Phường 1");
    // Releasing ended the assignments on the release dates.
    assert_eq!(
        env.scalar("SELECT group_concat(coalesce(end_on, '-'), ',') FROM (SELECT end_on FROM assignments ORDER BY id)"),
        "2021-06-15,2021-07-01,-,-"
    );
    env.ok(&["check"]);
}

#[test]
fn every_bad_case_row_is_reported_with_its_line_and_column_and_nothing_is_written() {
    let env = Env::new();
    env.member("Trần Văn Bình", "CA", "1"); // member 1
    let f = write(
        &env,
        "cases.csv",
        &format!(
            "{CASES_HEADER}\
             Nguyễn Văn An,1,prison,1990,male,079090000001,,2021-03-01,1,,,,\n\
             Phạm Văn Cường,1,prison,1985,male,,,31/02/2022,1,,,,\n\
             Hoàng Văn Dũng,1,prison,1985,male,,,2024-01-01,1,,,,\n\
             Võ Văn Hùng,99,prison,1985,male,,,2022-01-01,,,,,\n\
             Đặng Văn Long,1,pirate,1985,male,,,2022-01-01,,,,,\n\
             Bùi Văn Nam,1,prison,1985,male,,,2022-01-01,77,,,,\n\
             Đỗ Văn Phong,1,prison,1985,male,12345,,2022-01-01,,,,,\n\
             ,1,prison,1985,male,,,2022-01-01,,,,,\n\
             Nguyễn Văn An,1,prison,1990,male,079090000001,,2021-03-01,1,,,,\n\
             Hồ Văn Quang,1,prison,1980,male,,,2022-03-01,1,,2022-02-01,moved,\n\
             Ngô Văn Sơn,2,prison,1980,male,,,2020-03-01,,,2021-03-01,progressed,\n\
             Lý Văn Tài,99,prison,1985,male,12345,,2022-01-01,,,,,\n\
             Dương Văn Toàn,1,prison,1985,male,,,2022-01-01,,,2022-02-01,,\n\
             Trương Văn Vinh,1,prison,2023,male,,,2022-01-01,,,,,\n"
        ),
    );
    // Line by line (header = line 1):
    //  2 good
    //  3 31/02/2022 is no calendar day                 → enrolled
    //  4 2024-01-01 is after today (2023-06-30)        → enrolled
    //  5 ward 99 does not exist (14 wards)             → ward
    //  6 category 'pirate' does not exist              → category
    //  7 member 77 does not exist (only member 1)      → member
    //  8 identity number of 5 digits                   → id_number
    //  9 empty name                                    → name
    // 10 same identity number and date as line 2       → id_number (duplicate of line 2)
    // 11 released 2022-02-01 before enrolled 2022-03-01 → released
    // 12 progressed, nobody assigned to credit         → credited
    // 13 two bad cells: ward 99 and a 5-digit number   → ward and id_number
    // 14 a release date with no reason                 → reason
    // 15 born 2023, after the enrollment in 2022       → born
    let err = env.refused(
        &["import", "cases", &f],
        &[
            "13 bad row(s)",
            "cases.csv:3: enrolled: invalid date '31/02/2022'",
            "cases.csv:4: enrolled: date '2024-01-01' is in the future",
            "cases.csv:5: ward: unknown ward '99'",
            "cases.csv:6: category: unknown category 'pirate'",
            "cases.csv:7: member: unknown member '77'",
            "cases.csv:8: id_number: invalid identity number '12345'",
            "cases.csv:9: name: empty",
            "cases.csv:10: id_number: duplicate of line 2",
            "cases.csv:11: released: release date 2022-02-01 is before case",
            "cases.csv:12: credited: case 2020-0001 has no member assigned on 2021-03-01",
            "cases.csv:13: ward: unknown ward '99'",
            "cases.csv:13: id_number: invalid identity number '12345'",
            "cases.csv:14: reason: empty",
            "cases.csv:15: born: birth year 2023 is after the enrollment date 2022-01-01",
        ],
    );
    assert!(!err.contains("cases.csv:2:"), "the good row is not reported: {err}");
    assert_eq!(env.scalar("SELECT count(*) FROM cases"), "0");
}

#[test]
fn every_bad_member_row_is_reported() {
    let env = Env::new();
    env.member("Trần Văn Bình", "CA", "1");
    let f = write(
        &env,
        "members.csv",
        "name,org,ward,phone,joined\n\
         Tran Van Binh,CA,1,,2020-01-01\n\
         Lê Văn Cường,XYZ,1,,2020-01-01\n\
         Phan Văn Đức,CA,1,abc,2020-01-01\n\
         Phan Văn Hải,CA,1,,2030-01-01\n\
         Võ Thị Lan,PN,3,,2020-01-01\n\
         võ thị lan,Hội Liên hiệp Phụ nữ,Phường 3,,2021-01-01\n\
         Mai Văn Lộc,CA,15,,2020-01-01\n",
    );
    //  2 the same folded name, org and ward as member 1 already in the register → name
    //  3 org XYZ does not exist → org
    //  4 phone 'abc' → phone
    //  5 joined 2030-01-01 is in the future → joined
    //  6 good
    //  7 the same member as line 6 (folded name, PN by name, ward 3 by name) → name
    //  8 ward 15 does not exist (14 wards) → ward
    env.refused(
        &["import", "members", &f],
        &[
            "6 bad row(s)",
            "members.csv:2: name: duplicate: member 'Tran Van Binh' of CA in ward 1 is already in the register (id 1)",
            "members.csv:3: org: unknown organization 'XYZ'",
            "members.csv:4: phone: invalid phone 'abc'",
            "members.csv:5: joined: date '2030-01-01' is in the future",
            "members.csv:7: name: duplicate of line 6",
            "members.csv:8: ward: unknown ward '15'",
        ],
    );
}

#[test]
fn importing_the_same_file_twice_is_refused_as_duplicates() {
    let env = Env::new();
    let m = write(&env, "m.csv", "name,org,ward,joined\nTrần Văn Bình,CA,1,2020-01-01\nLê Thị Mai,PN,2,01/01/2020\n");
    assert_eq!(env.ok(&["import", "members", &m]), "2");
    env.refused(
        &["import", "members", &m],
        &["m.csv:2: name: duplicate: member 'Trần Văn Bình'", "m.csv:3: name: duplicate: member 'Lê Thị Mai'"],
    );
    let c = write(
        &env,
        "c.csv",
        &format!(
            "{CASES_HEADER}\
             Nguyễn Văn An,1,prison,1990,male,079090000001,,2021-03-01,1,,2022-01-10,progressed,\n\
             Phạm Văn Cường,2,drugs,1985,,,,2021-04-02,2,,,,\n"
        ),
    );
    assert_eq!(env.ok(&["import", "cases", &c]), "2");
    // Line 2 matches by identity number (and date): reported against id_number; line 3 by
    // folded name and birth year: against name.
    env.refused(
        &["import", "cases", &c],
        &[
            "c.csv:2: id_number: duplicate of case 2021-0001: the same person enrolled on the same date 2021-03-01",
            "c.csv:3: name: duplicate of case 2021-0002",
        ],
    );
    assert_eq!(env.scalar("SELECT count(*) FROM cases"), "2");
}

#[test]
fn dry_run_checks_and_writes_nothing() {
    let env = Env::new();
    let f = write(&env, "m.csv", "name,org,ward\nTrần Văn Bình,CA,1\nLê Thị Mai,PN,2\n");
    let before = dump(&env.db);
    assert_eq!(env.ok(&["import", "members", &f, "--dry-run"]), "2");
    assert_eq!(before, dump(&env.db), "a dry run changed the database");
    // And a dry run of a bad file is refused like the real thing.
    let bad = write(&env, "bad.csv", "name,org,ward\nTrần Văn Bình,XYZ,1\n");
    env.refused(&["import", "members", &bad, "--dry-run"], &["bad.csv:2: org: unknown organization 'XYZ'"]);
}

#[test]
fn file_level_problems_are_refused() {
    let env = Env::new();
    // A required column missing from the header.
    let f = write(&env, "a.csv", "name,ward,category,born\nNguyễn Văn An,1,prison,1990\n");
    env.refused(&["import", "cases", &f], &["a.csv:1: enrolled: required column 'enrolled' is missing"]);
    // An unknown column (a typo would otherwise be silently dropped).
    let f = write(&env, "b.csv", "name,org,ward,colour\nLê Thị Mai,PN,2,red\n");
    env.refused(&["import", "members", &f], &["b.csv:1: colour: unknown column; expected name,org,ward,phone,joined"]);
    // A column twice.
    let f = write(&env, "c.csv", "name,Họ tên,org,ward\nA,B,PN,2\n");
    env.refused(&["import", "members", &f], &["column 'name' appears twice"]);
    // An empty file, and one with only a header.
    let f = write(&env, "d.csv", "");
    env.refused(&["import", "members", &f], &["d.csv is empty", "name,org,ward,phone,joined"]);
    let f = write(&env, "e.csv", "name,org,ward\n");
    env.refused(&["import", "members", &f], &["e.csv has a header but no rows"]);
    // A row with more cells than the header.
    let f = write(&env, "g.csv", "name,org,ward\nLê Thị Mai,PN,2,extra\n");
    env.refused(&["import", "members", &f], &["g.csv:2: -: 4 cells but the header has 3 columns"]);
    // No such file.
    env.refused(&["import", "members", "nope.csv"], &["cannot read 'nope.csv': there is no such file"]);
    // In the reader's language, not the system's ("No such file or directory").
    let vi = env
        .refused(&["--lang", "vi", "import", "members", "nope.csv"], &["không đọc được 'nope.csv': không có tệp này"]);
    assert!(!vi.contains("No such file"), "{vi}");
}

#[test]
fn a_file_that_is_not_utf8_says_how_to_save_it_from_excel() {
    let env = Env::new();
    // "Nguyễn" is not in Latin-1; a Windows-1258 or Latin-1 export gives bytes like 0xE1 alone.
    let p = env.path("old.csv");
    std::fs::write(&p, b"name,org,ward\nL\xea Th\xed Mai,PN,2\n").expect("write");
    env.refused(
        &["import", "members", p.to_str().expect("path")],
        &["old.csv:2: the file is not UTF-8", "Save As", "CSV UTF-8 (Comma delimited)"],
    );
}

#[test]
fn import_needs_an_existing_database() {
    let env = Env::empty();
    let f = write(&env, "m.csv", "name,org,ward\nLê Thị Mai,PN,2\n");
    let err = env.fail(&["import", "members", &f]);
    assert!(err.contains("mh51 init"), "{err}");
    assert!(!env.db.exists());
}

#[test]
fn messages_in_vietnamese() {
    let env = Env::new();
    let f = write(&env, "m.csv", "Họ tên,Đoàn thể,Phường\nLê Thị Mai,XYZ,2\n");
    env.refused(
        &["--lang", "vi", "import", "members", &f],
        &["m.csv: 1 dòng lỗi; không nhập gì cả", "m.csv:2: Đoàn thể: không có đoàn thể 'XYZ'"],
    );
}

#[test]
fn a_file_over_200_mb_is_refused_before_reading() {
    let env = Env::new();
    // A sparse file: 201 MB long, no disk used.
    let p = env.path("huge.csv");
    std::fs::File::create(&p).expect("create").set_len(201 * 1024 * 1024).expect("set_len");
    env.refused(&["import", "cases", p.to_str().expect("path")], &["is 201 MB", "up to 200 MB"]);
}

#[test]
fn problems_name_the_column_as_the_files_header_does() {
    let env = Env::new();
    let f = write(
        &env,
        "hs.csv",
        "Họ tên,Phường,Diện,Ngày vào diện,Số CCCD\n\
         Nguyễn Văn An,1,prison,31/02/2021,123\n",
    );
    // Line 2: the date and the identity number are wrong; both named by the file's headers.
    env.refused(
        &["import", "cases", &f],
        &["hs.csv:2: Ngày vào diện: invalid date '31/02/2021'", "hs.csv:2: Số CCCD: invalid identity number '123'"],
    );
}

#[test]
fn namesakes_with_two_identity_numbers_are_two_people_but_a_bad_last_row_stops_all() {
    let env = Env::new();
    // Lines 2 and 3: same name, same birth year, same enrollment date, but two different
    // identity numbers — two people (as for `enroll`), not a duplicate.
    let f = write(
        &env,
        "ok.csv",
        &format!(
            "{CASES_HEADER}\
             Nguyễn Văn An,1,prison,1990,male,079090000001,,2021-03-01,,,,,\n\
             Nguyễn Văn An,2,prison,1990,male,079090000002,,2021-03-01,,,,,\n"
        ),
    );
    assert_eq!(env.ok(&["import", "cases", &f]), "2");
    assert_eq!(env.scalar("SELECT count(DISTINCT person_id) FROM cases"), "2");
    // 200 good rows then one bad row at the very end (line 202, ward 99): the fast pass
    // applies 200 rows before meeting it; all of that must be undone.
    let mut text = String::from(CASES_HEADER);
    for i in 0..200 {
        text.push_str(&format!("Lê Văn Hải {i},3,drugs,1980,male,,,2022-01-0{},,,,,\n", 1 + i % 9));
    }
    text.push_str("Lê Văn Cuối,99,drugs,1980,male,,,2022-02-01,,,,,\n");
    let f = write(&env, "big.csv", &text);
    let err = env.refused(&["import", "cases", &f], &["big.csv:202: ward: unknown ward '99'"]);
    assert!(err.contains("1 bad row"), "{err}");
    assert_eq!(env.scalar("SELECT count(*) FROM cases"), "2");
}
