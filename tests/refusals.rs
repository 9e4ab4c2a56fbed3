//! Every refusal of the register (SPEC §3, issue 2 item 4): exit 1, a message starting
//! `error:` that names the bad value and what would be accepted, and the database exactly
//! as it was (`Env::refused` compares a full dump of every table, audit log included).

use crate::util::Env;

/// A district with two members in ward 5 and one open case assigned to member 1.
fn district() -> (Env, String) {
    let e = Env::new();
    assert_eq!(e.member("Trần Thị Bích", "PN", "5"), "1");
    assert_eq!(e.member("Lê Văn Hùng", "CCB", "5"), "2");
    let c = e.enroll(
        "Nguyễn Văn An",
        "5",
        "2022-03-01",
        &["--born", "1990", "--id-number", "079090001234", "--member", "1"],
    );
    assert_eq!(c, "2022-0001");
    (e, c)
}

#[test]
fn future_and_impossible_dates() {
    let (e, c) = district();
    // Today is pinned to 2023-06-30 by the test environment.
    e.refused(&["review", &c, "--class", "A", "--date", "2023-07-01"], &["2023-07-01", "future"]);
    e.refused(&["review", &c, "--class", "A", "--date", "31/02/2022"], &["31/02/2022", "YYYY-MM-DD or DD/MM/YYYY"]);
    e.refused(
        &["enroll", "Phạm Văn Bình", "--ward", "5", "--category", "prison", "--date", "2022-13-01"],
        &["2022-13-01"],
    );
    e.refused(
        &["member", "add", "Võ Thị Mai", "--org", "PN", "--ward", "5", "--joined", "2099-01-01"],
        &["2099-01-01", "future"],
    );
    e.refused(&["release", &c, "--reason", "moved", "--date", "29/02/2023"], &["29/02/2023"]);
    e.refused(&["enroll", "Phạm Văn Bình", "--ward", "5", "--category", "prison", "--born", "2030"], &["2030", "1900"]);
}

#[test]
fn unknown_ward_org_category_member_case() {
    let (e, c) = district();
    e.refused(&["enroll", "Phạm Văn Bình", "--ward", "99", "--category", "prison"], &["'99'", "ward", "1, 2, 3"]);
    e.refused(
        &["member", "add", "Võ Thị Mai", "--org", "XYZ", "--ward", "5"],
        // Every organization by code, with its name (SPEC §18: what is accepted, as shown).
        &["'XYZ'", "MTTQ (", "CA (Công an phường)", "PN (Hội Liên hiệp Phụ nữ)", "TN (", "CCB (", "NCT ("],
    );
    e.refused(&["enroll", "Phạm Văn Bình", "--ward", "5", "--category", "robbery"], &["'robbery'", "prison"]);
    e.refused(&["assign", &c, "42"], &["'42'", "member"]);
    e.refused(&["assign", &c, "abc"], &["'abc'", "member id"]);
    e.refused(&["review", "2022-0099", "--class", "A"], &["'2022-0099'", "case"]);
    e.refused(&["review", "22-1", "--class", "A"], &["'22-1'", "YYYY-NNNN"]);
    // Each accepted code with its label in the reader's language (SPEC §18).
    e.refused(&["review", &c, "--class", "E"], &["'E'", "A (complying, settled); B (", "; D ("]);
    e.refused(&["release", &c, "--reason", "bored"], &["'bored'", "progressed (made progress); moved (moved away)"]);
    e.refused(&["support", &c, "--kind", "cash"], &["'cash'", "job (job placement); loan"]);
    e.refused(
        &["enroll", "Phạm Văn Bình", "--ward", "5", "--category", "prison", "--gender", "x"],
        &["'x'", "male; female"],
    );
}

#[test]
fn bad_identity_number_and_empty_name() {
    let (e, _) = district();
    for bad in ["12345", "0790900012345", "07909000123a", "079 090 001"] {
        e.refused(
            &["enroll", "Phạm Văn Bình", "--ward", "5", "--category", "prison", "--id-number", bad],
            &[bad, "9 digits", "12 digits"],
        );
    }
    e.refused(&["enroll", "   ", "--ward", "5", "--category", "prison"], &["empty name"]);
    e.refused(&["member", "add", "", "--org", "PN", "--ward", "5"], &["empty member name"]);
}

#[test]
fn second_open_case_same_identity_number() {
    let (e, _) = district();
    let err = e.refused(
        &["enroll", "Nguyễn Văn An", "--ward", "6", "--category", "drugs", "--id-number", "079090001234"],
        &["2022-0001", "open case"],
    );
    assert!(err.contains("at most one open case"), "{err}");
}

#[test]
fn same_folded_name_and_birth_year_needs_allow_duplicate() {
    let (e, _) = district();
    // "nguyen van AN" folds to the same as "Nguyễn Văn An"; same birth year 1990.
    e.refused(
        &["enroll", "nguyen van AN", "--ward", "7", "--category", "drugs", "--born", "1990"],
        &["--allow-duplicate", "2022-0001"],
    );
    // The open case 2022-0001 has identity number 079090001234; a namesake of 1990 with another
    // number is another person, so no flag is needed.
    assert_eq!(
        e.enroll("Nguyễn Văn An", "9", "2022-04-03", &["--born", "1990", "--id-number", "079090009999"]),
        "2022-0002"
    );
    // Another birth year is another person.
    assert_eq!(e.enroll("nguyễn văn an", "7", "2022-04-01", &["--born", "1991"]), "2022-0003");
    // With the flag, a namesake of the same year (without an identity number) is enrolled.
    assert_eq!(e.enroll("Nguyễn Văn An", "8", "2022-04-02", &["--born", "1990", "--allow-duplicate"]), "2022-0004");
    // Now an open namesake without a number exists: even a numbered newcomer is asked.
    e.refused(
        &[
            "enroll",
            "Nguyen Van An",
            "--ward",
            "9",
            "--category",
            "drugs",
            "--born",
            "1990",
            "--id-number",
            "079090008888",
        ],
        &["--allow-duplicate"],
    );
}

#[test]
fn events_outside_the_case_dates() {
    let (e, c) = district();
    e.refused(&["review", &c, "--class", "A", "--date", "2022-02-28"], &["2022-02-28", "before", "2022-03-01"]);
    e.refused(&["support", &c, "--kind", "gift", "--date", "2022-02-01"], &["2022-02-01", "before"]);
    e.refused(&["assign", &c, "2", "--date", "2022-01-01"], &["2022-01-01"]);
    e.ok(&["review", &c, "--class", "B", "--date", "2022-05-01"]);
    e.ok(&["release", &c, "--reason", "moved", "--date", "2022-06-01"]);
    e.refused(&["review", &c, "--class", "A", "--date", "2022-06-02"], &["2022-06-02", "after", "2022-06-01"]);
    // Both ends are included: a review on the release day is accepted.
    e.ok(&["review", &c, "--class", "A", "--date", "2022-06-01"]);
}

#[test]
fn release_before_a_recorded_event_is_refused() {
    let (e, c) = district();
    e.ok(&["review", &c, "--class", "B", "--date", "2022-05-01"]);
    e.refused(&["release", &c, "--reason", "moved", "--date", "2022-04-30"], &["2022-04-30", "2022-05-01"]);
}

#[test]
fn member_who_left_cannot_be_assigned_review_or_be_credited() {
    let (e, c) = district();
    // Member 2 has no cases; leaves on 2022-04-30 (their last day).
    e.ok(&["member", "leave", "2", "--date", "2022-04-30"]);
    e.refused(&["assign", &c, "2", "--date", "2022-05-01"], &["member 2 left on 2022-04-30"]);
    e.refused(&["review", &c, "--class", "A", "--date", "2022-05-01", "--by", "2"], &["member 2 left on 2022-04-30"]);
    e.refused(
        &["release", &c, "--reason", "progressed", "--date", "2022-05-01", "--credit", "2"],
        &["member 2 left on 2022-04-30"],
    );
    // On their last day they still count.
    e.ok(&["review", &c, "--class", "A", "--date", "2022-04-30", "--by", "2"]);
    // A member holding open cases cannot leave until they are reassigned.
    e.refused(&["member", "leave", "1", "--date", "2022-05-01"], &["2022-0001", "reassign"]);
    e.refused(&["member", "leave", "2"], &["already left"]);
}

#[test]
fn double_release_and_progressed_without_member() {
    let (e, c) = district();
    e.ok(&["release", &c, "--reason", "moved", "--date", "2022-05-01"]);
    e.refused(
        &["release", &c, "--reason", "moved", "--date", "2022-05-02"],
        &["2022-0001", "already released on 2022-05-01"],
    );
    // A case nobody is assigned to cannot be released as progressed without --credit.
    let c2 = e.enroll("Phạm Văn Bình", "5", "2022-03-01", &[]);
    e.refused(&["release", &c2, "--reason", "progressed", "--date", "2022-06-01"], &[&c2, "--credit"]);
    // --credit on a non-progressed release makes no sense.
    e.refused(&["release", &c2, "--reason", "moved", "--credit", "1"], &["--credit", "progressed"]);
}

#[test]
fn negative_and_malformed_amounts() {
    let (e, c) = district();
    e.refused(
        &["support", &c, "--kind", "loan", "--amount", "-5000", "--date", "2022-04-01"],
        &["'-5000'", "negative"],
    );
    e.refused(
        &["support", &c, "--kind", "loan", "--amount", "5 tỷ", "--date", "2022-04-01"],
        &["'5 tỷ'", "whole đồng"],
    );
}

#[test]
fn init_over_an_existing_file() {
    let e = Env::new();
    let err = e.refused(&["init"], &["already exists"]);
    assert!(err.contains(&e.db.display().to_string()), "{err}");
    // A file that is not a database is not overwritten either.
    let other = e.path("notes.txt");
    std::fs::write(&other, "hello").unwrap();
    e.fail(&["--db", other.to_str().unwrap(), "init"]);
    assert_eq!(std::fs::read_to_string(&other).unwrap(), "hello");
}

#[test]
fn missing_database_says_how_to_create_one() {
    let e = Env::empty();
    let err = e.fail(&["list"]);
    assert!(err.contains("mh51 init"), "{err}");
    assert!(!e.db.exists(), "a read command must not create the database");
    e.fail(&["enroll", "Phạm Văn Bình", "--ward", "5", "--category", "prison"]);
    assert!(!e.db.exists(), "a write command other than init must not create the database");
}

#[test]
fn too_long_values_are_refused_with_the_limit() {
    let (e, c) = district();
    let note = "x".repeat(4001);
    e.refused(&["review", &c, "--class", "A", "--date", "2022-04-01", "--note", &note], &["4000"]);
    let name = "Nguyễn ".repeat(40);
    e.refused(&["enroll", &name, "--ward", "5", "--category", "prison"], &["too long", "200"]);
}

#[test]
fn usage_errors_exit_2() {
    let (e, c) = district();
    e.usage(&["enroll", "Phạm Văn Bình"]);
    e.usage(&["review", &c]);
    e.usage(&["list", "--status", "closed"]);
    e.usage(&["frobnicate"]);
}

#[test]
fn reassign_rules() {
    let (e, c) = district();
    e.refused(&["assign", &c, "1", "--date", "2022-04-01"], &["already assigned to member 1"]);
    e.ok(&["assign", &c, "2", "--date", "2022-05-01"]);
    // Cannot reassign before the current assignment began.
    e.refused(&["assign", &c, "1", "--date", "2022-04-30"], &["2022-04-30", "2022-05-01"]);
}

#[test]
fn reopen_rules() {
    let (e, c) = district();
    e.refused(&["reopen", &c], &["only a released case"]);
    e.ok(&["release", &c, "--reason", "moved", "--date", "2022-05-01"]);
    // The same person enrolled again (matched by identity number): the old case stays closed.
    let c2 = e.enroll("Nguyễn Văn An", "6", "2022-06-01", &["--id-number", "079090001234"]);
    e.refused(&["reopen", &c], &[&c2]);
}

#[test]
fn edit_refusals() {
    let (e, c) = district();
    e.refused(&["edit", &c], &["nothing to change"]);
    e.refused(&["edit", &c, "--date", "2021-12-31"], &["2021-12-31", "another year"]);
    e.ok(&["review", &c, "--class", "A", "--date", "2022-03-05"]);
    e.refused(&["edit", &c, "--date", "2022-03-10"], &["2022-03-10", "2022-03-01"]);
    let c2 = e.enroll("Phạm Văn Bình", "5", "2022-03-01", &[]);
    e.refused(&["edit", &c2, "--id-number", "079090001234"], &["079090001234", "another person"]);
    e.refused(&["edit", &c2, "--id-number", "12"], &["'12'"]);
}

#[test]
fn vietnamese_messages() {
    let (e, c) = district();
    let err = e.refused(&["--lang", "vi", "review", &c, "--class", "Z"], &["'Z'"]);
    assert!(err.contains("không hợp lệ"), "{err}");
    let err = e.refused(&["--lang", "vi", "enroll", "X", "--ward", "99", "--category", "prison"], &["'99'"]);
    assert!(err.contains("phường"), "{err}");
    // LANG=vi_VN selects Vietnamese too.
    let o = e.command(&["review", &c, "--class", "Z"]).env("LANG", "vi_VN.UTF-8").output().unwrap();
    assert!(String::from_utf8_lossy(&o.stderr).contains("phân loại không hợp lệ"));
}

#[test]
fn init_limits_are_checked_before_any_file_exists() {
    let e = Env::empty();
    let err = e.fail(&["init", "--wards", "5000"]);
    assert!(err.contains("'5000'") && err.contains("0 to 1000"), "{err}");
    let err = e.fail(&["init", "--quota", "101"]);
    assert!(err.contains("'101'") && err.contains("0 to 100"), "{err}");
    let left: Vec<_> = std::fs::read_dir(e.dir.path()).unwrap().collect();
    assert!(left.is_empty(), "a refused init leaves no file behind: {left:?}");
}

#[test]
fn member_and_dictionary_corrections_that_say_nothing_or_too_much() {
    let (e, _) = district();
    e.refused(&["member", "edit", "1"], &["nothing to change for member 1"]);
    e.refused(&["member", "edit", "9"], &["'9'", "member"]);
    e.refused(&["member", "leave", "1", "--date", "2019-12-31"], &["2019-12-31", "before member 1 joined"]);
    // The org change is applied before the joining date is found wrong (member 1 has held case
    // 2022-0001 since 2022-03-01): the whole edit must be undone.
    e.refused(
        &["member", "edit", "1", "--org", "NCT", "--joined", "2022-06-01"],
        &["2022-03-01", "before the joining date"],
    );
    e.refused(&["ward", "add", "a,b", "Phường A"], &["'a,b'", "no comma"]);
    e.refused(&["category", "add", "new", ""], &["empty"]);
    e.refused(
        &["member", "add", "Võ Thị Mai", "--org", "PN", "--ward", "5", "--phone", "12"],
        &["'12'", "8 to 15 digits"],
    );
    e.refused(
        &["member", "add", "Trần Thị Bích", "--org", "PN", "--ward", "5"],
        &["already exists (id 1)", "--allow-duplicate"],
    );
}
