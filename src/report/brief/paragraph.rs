//! The brief's opening paragraph, written from the figures in the style of the District 6
//! report (SPEC §1, §12): intake and total, people taken off the list for progress, the other
//! exits, who remains and who is in charge, and the year's quota so far.
//!
//! Every sentence adapts to its figures: a zero is said in words ("không đưa thêm đối tượng
//! nào", "nobody"), never as "đã có 0 đối tượng"; English agrees in number ("1 person").
//! Plain text: the page escapes it.

use chrono::NaiveDate;

use crate::domain::types::Reason;
use crate::{human, w};

/// The figures the paragraph speaks of; all come from the reports.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    /// The period in words, as `human::period` gives it (`năm 2021`, `2022 Q1`).
    pub period_words: String,
    /// Whether the period in words is a date range (`từ ngày …`), which reads differently.
    pub range: bool,
    pub to: Option<NaiveDate>,
    pub intake: i64,
    pub total_managed: i64,
    pub progressed: i64,
    /// Other exits by reason: moved, deceased, reoffended, institution, other.
    pub other_exits: [i64; 5],
    pub closing: i64,
    /// Members and organizations in charge of the open cases on the last day.
    pub members: i64,
    pub orgs: i64,
    /// Open cases with nobody assigned on the last day.
    pub unassigned: i64,
    /// Quota from 1 January to the last day: its first day, members counted, target, achieved,
    /// members who met it.
    pub quota_from: Option<NaiveDate>,
    pub quota_members: i64,
    pub target: i64,
    pub achieved: i64,
    pub members_met: i64,
}

const OTHER_REASONS: [Reason; 5] =
    [Reason::Moved, Reason::Deceased, Reason::Reoffended, Reason::Institution, Reason::Other];

/// The paragraph in Vietnamese (`vi`) or English, sentence by sentence from the catalogue
/// (`i18n/*/brief.ftl`), which chooses the words by the figures.
pub fn paragraph(f: &Facts, vi: bool) -> String {
    let day = f.to.map(|d| human::date(d, vi)).unwrap_or_default();
    let when = crate::text::capitalise(&w!(vi, "brief-when", period = &f.period_words, range = f.range));
    let mut s = Vec::new();
    if f.total_managed == 0 {
        s.push(w!(vi, "brief-empty", when = &when));
    } else {
        s.push(w!(
            vi,
            "brief-intake",
            when = &when,
            intake = f.intake,
            total = f.total_managed,
            progressed = f.progressed
        ));
        let (others, sum) = other_exits(f, vi);
        match others.as_slice() {
            [] => {}
            [(k, why)] => s.push(w!(vi, "brief-other-exit", count = *k, why = *why)),
            many => {
                let list = many
                    .iter()
                    .map(|(k, why)| w!(vi, "brief-exit-item", count = *k, why = *why))
                    .collect::<Vec<_>>()
                    .join(&w!(vi, "brief-exit-separator"));
                s.push(w!(vi, "brief-other-exits", count = sum, list = list));
            }
        }
        s.push(w!(
            vi,
            "brief-closing",
            closing = f.closing,
            members = f.members,
            orgs = f.orgs,
            unassigned = f.unassigned,
            day = &day
        ));
    }
    if f.target > 0 {
        let since = f.quota_from.map(|d| human::date(d, vi)).unwrap_or_default();
        let pct = human::pct(f.achieved as f64 * 100.0 / f.target as f64, vi);
        s.push(w!(
            vi,
            "brief-quota",
            since = since,
            day = &day,
            achieved = f.achieved,
            target = f.target,
            members = f.quota_members,
            pct = pct,
            met = f.members_met
        ));
    }
    s.join(" ")
}

/// The exits for reasons other than progress that happened, with their reason in words, and
/// how many there were in all.
fn other_exits(f: &Facts, vi: bool) -> (Vec<(i64, &'static str)>, i64) {
    let others =
        f.other_exits.iter().zip(OTHER_REASONS).filter(|(k, _)| **k > 0).map(|(k, r)| (*k, r.label(vi))).collect();
    (others, f.other_exits.iter().sum())
}

#[cfg(test)]
mod tests {
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
            e.contains(
                "4 people also left the list for other reasons (2 moved away; 1 deceased; 1 reoffended, arrested)."
            ),
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
            e.contains(
                "On 31 May 2022, 1 person remains under management, in the charge of 1 member of 1 organization."
            ),
            "{e}"
        );
        let moved = Facts { progressed: 0, other_exits: [1, 0, 0, 0, 0], ..one.clone() };
        assert!(paragraph(&moved, false).contains("1 person also left the list: moved away."));
        let unassigned = Facts { closing: 3, members: 2, orgs: 1, unassigned: 1, ..one };
        assert!(paragraph(&unassigned, false)
            .contains("in the charge of 2 members of 1 organization; 1 has nobody assigned."));
        let range =
            Facts { period_words: "từ ngày 01/01/2022 đến ngày 20/05/2022".into(), range: true, ..quan6() };
        assert!(paragraph(&range, true).starts_with("Từ ngày 01/01/2022 đến ngày 20/05/2022, mô hình"));
    }
}
