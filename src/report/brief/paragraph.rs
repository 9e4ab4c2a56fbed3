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
#[path = "../../../tests/unit/report/brief/paragraph.rs"]
mod tests;
