//! Unit tests of `src/report/brief/paragraph.rs`, compiled as its `tests` module (`#[path]`): kept out of `src/` with
//! their test data, which is Vietnamese (SPEC §18: the product's words are in `i18n/`).

use super::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// District 6 in 2021, as the article and SPEC §9 give it (members and quota invented).
fn quan6() -> Facts {
    Facts {
        period_words: "năm 2021".into(),
        range: false,
        to: Some(d("2021-12-31")),
        intake: 55,
        total_managed: 326,
        progressed: 59,
        other_exits: [2, 1, 1, 0, 0],
        closing: 263,
        members: 150,
        orgs: 6,
        unassigned: 0,
        quota_from: Some(d("2021-01-01")),
        quota_members: 170,
        target: 340,
        achieved: 59,
        members_met: 5,
    }
}

#[test]
fn the_district_6_sentence() {
    let p = paragraph(&quan6(), true);
    assert!(
        p.starts_with(
            "Năm 2021, mô hình “5+1” đã đưa thêm 55 đối tượng vào diện quản lý, nâng tổng số đối tượng quản lý là 326; đã có 59 đối tượng tiến bộ được đưa ra khỏi diện."
        ),
        "{p}"
    );
    assert!(
        p.contains(
            "Ngoài ra, 4 đối tượng ra khỏi diện vì lý do khác (2 chuyển nơi cư trú; 1 qua đời; 1 tái phạm, bị bắt)."
        ),
        "{p}"
    );
    assert!(
        p.contains(
            "Đến ngày 31/12/2021, còn 263 đối tượng đang được quản lý, do 150 thành viên của 6 đoàn thể phụ trách."
        ),
        "{p}"
    );
    // 59 / 340 = 17.35…%
    assert!(
        p.contains("các thành viên đã giúp 59 đối tượng tiến bộ, đạt 17,4% chỉ tiêu (340 người cho 170 thành viên); 5 thành viên đã hoàn thành chỉ tiêu."),
        "{p}"
    );
    let e = paragraph(&Facts { period_words: "2021".into(), ..quan6() }, false);
    assert!(
        e.starts_with("In 2021 the “5+1” model took in 55 more people, bringing the total under management to 326; 59 who made progress were taken off the list."),
        "{e}"
    );
    assert!(
        e.contains(
            "On 31 Dec 2021, 263 people remain under management, in the charge of 150 members of 6 organizations."
        ),
        "{e}"
    );
    assert!(
        e.contains("4 people also left the list for other reasons (2 moved away; 1 deceased; 1 reoffended, arrested)."),
        "{e}"
    );
}

#[test]
fn zeros_are_said_in_words() {
    let f = Facts {
        intake: 0,
        total_managed: 271,
        progressed: 0,
        other_exits: [0; 5],
        closing: 271,
        achieved: 0,
        members_met: 0,
        ..quan6()
    };
    let p = paragraph(&f, true);
    assert!(!p.contains(" 0 "), "no figure 0 in words: {p}");
    assert!(p.contains("không đưa thêm đối tượng nào vào diện quản lý; tổng số đối tượng quản lý là 271"), "{p}");
    assert!(p.contains("chưa có đối tượng nào tiến bộ được đưa ra khỏi diện."), "{p}");
    assert!(!p.contains("Ngoài ra"), "no other exits, no sentence: {p}");
    assert!(p.contains("chưa có đối tượng tiến bộ nào được ghi nhận"), "{p}");
    assert!(p.contains("chưa thành viên nào hoàn thành chỉ tiêu"), "{p}");
    let e = paragraph(&Facts { period_words: "2021".into(), ..f }, false);
    assert!(!e.contains(" 0 "), "{e}");
    assert!(e.contains("took in nobody new") && e.contains("nobody has yet been taken off the list"), "{e}");

    // An empty register: one sentence, no zeros, no quota sentence without members.
    let empty = Facts {
        period_words: "quý I/2022".into(),
        to: Some(d("2022-03-31")),
        quota_from: Some(d("2022-01-01")),
        ..Facts::default()
    };
    let p = paragraph(&empty, true);
    assert_eq!(p, "Quý I/2022, mô hình “5+1” không có đối tượng nào trong diện quản lý.");
    let e = paragraph(&Facts { period_words: "2022 Q1".into(), ..empty }, false);
    assert_eq!(e, "In 2022 Q1 the “5+1” model had nobody under management.");

    // Everyone released: nobody remains.
    let gone = Facts { closing: 0, progressed: 300, other_exits: [26, 0, 0, 0, 0], ..quan6() };
    assert!(paragraph(&gone, true).contains("Đến ngày 31/12/2021, không còn đối tượng nào đang được quản lý."));
    assert!(paragraph(&gone, true).contains("Ngoài ra, 26 đối tượng ra khỏi diện do chuyển nơi cư trú."));
}

#[test]
fn single_cases_read_in_the_singular() {
    let one = Facts {
        period_words: "May 2022".into(),
        to: Some(d("2022-05-31")),
        intake: 1,
        total_managed: 1,
        progressed: 1,
        other_exits: [0; 5],
        closing: 0,
        members: 0,
        orgs: 0,
        quota_from: Some(d("2022-01-01")),
        quota_members: 1,
        target: 2,
        achieved: 1,
        members_met: 0,
        ..Facts::default()
    };
    let e = paragraph(&one, false);
    assert!(e.starts_with("In May 2022 the “5+1” model took in 1 more person, bringing the total under management to 1; 1 person who made progress was taken off the list."), "{e}");
    assert!(e.contains("On 31 May 2022 nobody remains under management."), "{e}");
    assert!(e.contains("From 1 Jan 2022 to 31 May 2022, the members helped 1 person make progress: 50.0% of the target of 2 for 1 member; no member has met the quota yet."), "{e}");
    let open = Facts { closing: 1, progressed: 0, members: 1, orgs: 1, unassigned: 0, achieved: 0, ..one.clone() };
    let e = paragraph(&open, false);
    assert!(
        e.contains("On 31 May 2022, 1 person remains under management, in the charge of 1 member of 1 organization."),
        "{e}"
    );
    let moved = Facts { progressed: 0, other_exits: [1, 0, 0, 0, 0], ..one.clone() };
    assert!(paragraph(&moved, false).contains("1 person also left the list: moved away."));
    let unassigned = Facts { closing: 3, members: 2, orgs: 1, unassigned: 1, ..one };
    assert!(
        paragraph(&unassigned, false).contains("in the charge of 2 members of 1 organization; 1 has nobody assigned.")
    );
    let range = Facts { period_words: "từ ngày 01/01/2022 đến ngày 20/05/2022".into(), range: true, ..quan6() };
    assert!(paragraph(&range, true).starts_with("Từ ngày 01/01/2022 đến ngày 20/05/2022, mô hình"));
}
