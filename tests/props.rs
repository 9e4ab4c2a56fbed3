//! Tests: properties of the reports over random histories (proptest).
//!
//! Each history is built through the domain layer (the very functions the commands call:
//! `enroll`, `assign`, `review`, `support`, `release`, `members::leave`), each operation in
//! its own transaction; operations the rules refuse (a date in the future, a member who has
//! left, a progressed release with nobody to credit…) are simply skipped, so the history is
//! always one the register accepts. The reports are then checked against an independent
//! model computed in plain Rust from the raw rows, straight from the definitions of SPEC §6,
//! and against their identities: opening + intake − exits = closing in every row, rows sum to
//! TOTAL, the ward, org and category totals agree, month and quarter rows (their months and
//! quarters computed here from the calendar) chain and their total is the whole period's.
//! `report quota` is checked the same way against a model of its members, target,
//! achievements, members met, shortfall and percentage. Histories use every review class and
//! every support kind, with and without amounts.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{Duration, NaiveDate};
use mh51::audit::Stamp;
use mh51::domain::cases::{self, EnrollInput};
use mh51::domain::members::{self, MemberInput};
use mh51::domain::register::{self, InitInput};
use mh51::domain::types::{iso, Period};
use mh51::domain::wards;
use mh51::domain::Ctx;
use mh51::report::quota;
use mh51::report::summary::{self, By, Row};
use proptest::prelude::*;
use rusqlite::{Connection, Transaction};

const WARDS: [&str; 4] = ["1", "2", "10", "11"];
const ORGS: [&str; 6] = ["MTTQ", "CA", "PN", "TN", "CCB", "NCT"];
const CATEGORIES: [&str; 3] = ["prison", "drugs", "youth"];
const REASONS: [&str; 6] = ["progressed", "moved", "deceased", "reoffended", "institution", "other"];
const CLASSES: [&str; 4] = ["A", "B", "C", "D"];
const KINDS: [&str; 5] = ["job", "loan", "training", "gift", "other"];
const FAMILY: [&str; 4] = ["Nguyễn", "Trần", "Lê", "Phạm"];
const GIVEN: [&str; 8] = ["An", "Bình", "Cường", "Dũng", "Em", "Phúc", "Giang", "Hải"];

fn day(n: u16) -> NaiveDate {
    NaiveDate::from_ymd_opt(2021, 1, 1).unwrap() + Duration::days(i64::from(n))
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2023, 12, 31).unwrap()
}

#[derive(Debug, Clone)]
struct MemberPlan {
    org: usize,
    ward: usize,
    joined: u16,
    leave: Option<u16>,
    /// A move to another ward on a day (SPEC §13).
    moves: Option<(u16, usize)>,
}

#[derive(Debug, Clone)]
struct CasePlan {
    ward: usize,
    category: usize,
    enroll: u16,
    member: Option<usize>,
    reassign: Option<(u16, usize)>,
    /// (day offset, class)
    reviews: Vec<(u16, usize)>,
    /// (day offset, kind, amount): every kind, with or without an amount, so that
    /// `loan_amount` must pick the loans out.
    supports: Vec<(u16, usize, Option<u32>)>,
    release: Option<(u16, usize)>,
    /// Moves to other wards, days after enrollment (SPEC §13).
    moves: Vec<(u16, usize)>,
}

/// A merger recorded after everything else (as a clerk records 1 July 2025 later on): on
/// day `.0`, ward `.1` is dissolved into ward `.2` (indexes into `MERGE_WARDS`).
type MergePlan = (u16, usize, usize);

/// The wards of the random histories plus one that only ever receives mergers.
const MERGE_WARDS: [&str; 5] = ["1", "2", "10", "11", "3"];

fn merge_plan() -> impl Strategy<Value = MergePlan> {
    (0..1095u16, 0..4usize, 0..5usize)
}

fn member_plan() -> impl Strategy<Value = MemberPlan> {
    (0..6usize, 0..4usize, 0..500u16, proptest::option::of(0..1095u16), proptest::option::of((0..1095u16, 0..4usize)))
        .prop_map(|(org, ward, joined, leave, moves)| MemberPlan { org, ward, joined, leave, moves })
}

fn case_plan() -> impl Strategy<Value = CasePlan> {
    (
        (0..4usize, 0..3usize, 0..1000u16),
        proptest::option::of(0..8usize),
        proptest::option::of((0..300u16, 0..8usize)),
        proptest::collection::vec((0..400u16, 0..4usize), 0..3),
        proptest::collection::vec((0..300u16, 0..5usize, proptest::option::of(0..3_000_000u32)), 0..3),
        proptest::option::of((0..500u16, 0..6usize)),
        proptest::collection::vec((0..500u16, 0..4usize), 0..3),
    )
        .prop_map(|((ward, category, enroll), member, reassign, reviews, supports, release, moves)| CasePlan {
            ward,
            category,
            enroll,
            member,
            reassign,
            reviews,
            supports,
            release,
            moves,
        })
}

/// Run one operation in its own transaction; a refusal rolls it back and is skipped.
fn attempt<T>(conn: &mut Connection, f: impl FnOnce(&Transaction) -> anyhow::Result<T>) -> Option<T> {
    mh51::db::write(conn, f).ok()
}

/// What the plan did, as the model needs it: each case's and member's ward as typed
/// (first day, ward) and the moves that were accepted, and the mergers accepted (day, from,
/// into) — recorded from the plan, never read back from the product's ward history.
#[derive(Debug, Default)]
struct Plan {
    cases: BTreeMap<i64, Vec<(String, String)>>,
    members: BTreeMap<i64, Vec<(String, String)>>,
    merges: Vec<(String, String, String)>,
}

fn build(path: &Path, ms: &[MemberPlan], cs: &[CasePlan]) -> (Connection, Plan) {
    let mut plan = Plan::default();
    let mut conn = mh51::db::create(path, None).unwrap();
    // Durability is not under test here; speed is welcome.
    conn.pragma_update(None, "synchronous", "OFF").unwrap();
    let ctx = Ctx { stamp: Stamp { actor: "prop".into(), at: "2023-12-31T00:00:00".into() }, today: today() };
    attempt(&mut conn, |tx| register::seed(tx, &ctx, &InitInput { district: None, wards: 11, quota: 2 })).unwrap();
    let mut ids = Vec::new();
    for (i, m) in ms.iter().enumerate() {
        let input = MemberInput {
            name: format!("Thành Viên {}", GIVEN[i % 8]),
            org: ORGS[m.org].into(),
            ward: WARDS[m.ward].into(),
            joined: Some(iso(day(m.joined))),
            allow_duplicate: true,
            ..MemberInput::default()
        };
        let id = attempt(&mut conn, |tx| members::add(tx, &ctx, &input)).unwrap();
        plan.members.insert(id, vec![(iso(day(m.joined)), WARDS[m.ward].to_string())]);
        ids.push(id.to_string());
    }
    let member = |k: usize| ids[k % ids.len()].clone();
    for (i, c) in cs.iter().enumerate() {
        let input = EnrollInput {
            name: format!("{} Văn {}", FAMILY[i % 4], GIVEN[(i / 4) % 8]),
            ward: WARDS[c.ward].into(),
            category: CATEGORIES[c.category].into(),
            date: Some(iso(day(c.enroll))),
            ..EnrollInput::default()
        };
        let Some(no) = attempt(&mut conn, |tx| cases::enroll(tx, &ctx, &input)) else { continue };
        let d = |off: u16| Some(iso(day(c.enroll.saturating_add(off))));
        let case_id: i64 = conn.query_row("SELECT id FROM cases WHERE case_no = ?1", [&no], |r| r.get(0)).unwrap();
        let mut hist = vec![(iso(day(c.enroll)), WARDS[c.ward].to_string())];
        let mut moves = c.moves.clone();
        moves.sort();
        for (off, w) in moves {
            let on = d(off).unwrap();
            if attempt(&mut conn, |tx| wards::move_case(tx, &ctx, &no, WARDS[w], Some(&on))).is_some() {
                hist.push((on, WARDS[w].to_string()));
            }
        }
        plan.cases.insert(case_id, hist);
        if let Some(k) = c.member {
            attempt(&mut conn, |tx| cases::assign(tx, &ctx, &no, &member(k), d(0).as_deref()));
        }
        // (day offset, what: 0 review / 1 reassign / 2 support, index into its list)
        let mut events: Vec<(u16, u8, usize)> = c.reviews.iter().enumerate().map(|(i, r)| (r.0, 0, i)).collect();
        if let Some((off, _)) = c.reassign {
            events.push((off, 1, 0));
        }
        events.extend(c.supports.iter().enumerate().map(|(i, s)| (s.0, 2, i)));
        events.sort();
        for (off, what, i) in events {
            match what {
                0 => {
                    let class = CLASSES[c.reviews[i].1];
                    attempt(&mut conn, |tx| cases::review(tx, &ctx, &no, class, d(off).as_deref(), None, None))
                        .map(drop)
                }
                1 => {
                    let k = c.reassign.map_or(0, |r| r.1);
                    attempt(&mut conn, |tx| cases::assign(tx, &ctx, &no, &member(k), d(off).as_deref())).map(drop)
                }
                _ => {
                    let (_, kind, amount) = c.supports[i];
                    let amount = amount.map(|a| a.to_string());
                    attempt(&mut conn, |tx| {
                        cases::support(tx, &ctx, &no, KINDS[kind], amount.as_deref(), d(off).as_deref(), None, None)
                    })
                    .map(drop)
                }
            };
        }
        if let Some((off, r)) = c.release {
            attempt(&mut conn, |tx| cases::release(tx, &ctx, &no, REASONS[r], d(off).as_deref(), None, None));
        }
    }
    for (i, m) in ms.iter().enumerate() {
        if let Some((on, w)) = m.moves {
            let id = ids[i].clone();
            let on = iso(day(on));
            if attempt(&mut conn, |tx| wards::move_member(tx, &ctx, &id, WARDS[w], Some(&on))).is_some() {
                plan.members.get_mut(&id.parse::<i64>().unwrap()).unwrap().push((on, WARDS[w].to_string()));
            }
        }
    }
    for (i, m) in ms.iter().enumerate() {
        if let Some(l) = m.leave {
            let id = ids[i].clone();
            attempt(&mut conn, |tx| members::leave(tx, &ctx, &id, Some(&iso(day(l)))));
        }
    }
    (conn, plan)
}

/// Record the mergers (after everything else); the accepted ones join the plan.
fn apply_merges(conn: &mut Connection, plan: &mut Plan, merges: &[MergePlan]) {
    let ctx = Ctx { stamp: Stamp { actor: "prop".into(), at: "2023-12-31T00:00:00".into() }, today: today() };
    for (on, from, into) in merges {
        let input = wards::MergeInput {
            wards: vec![MERGE_WARDS[*from].into()],
            into: MERGE_WARDS[*into].into(),
            name: None,
            on: iso(day(*on)),
        };
        if attempt(conn, |tx| wards::merge(tx, &ctx, &input)).is_some() {
            plan.merges.push((iso(day(*on)), MERGE_WARDS[*from].into(), MERGE_WARDS[*into].into()));
        }
    }
}

/// The model's ward of a history on day `d` (SPEC §13): the latest typed ward on or before
/// d, then every merger of that ward dated on or before d, followed forward.
fn model_ward(hist: &[(String, String)], merges: &[(String, String, String)], d: &str) -> String {
    let mut w = hist.iter().rfind(|(from, _)| from.as_str() <= d).unwrap_or(&hist[0]).1.clone();
    while let Some((_, _, into)) = merges.iter().find(|(on, from, _)| *from == w && on.as_str() <= d) {
        w = into.clone();
    }
    w
}

/// id, ward, category, enrolled, released, reason
type RawCase = (i64, String, String, String, Option<String>, Option<String>);

/// The raw rows, read without any grouping.
struct Raw {
    cases: Vec<RawCase>,
    /// id, case_id, member org, start, end
    assignments: Vec<(i64, i64, String, String, Option<String>)>,
    reviews: Vec<(i64, String)>,
    /// case_id, date, kind, amount (None when not given)
    supports: Vec<(i64, String, String, Option<i64>)>,
    /// id, org, ward, joined, left
    members: Vec<(i64, String, String, String, Option<String>)>,
    /// credited member id, release date: the progressed releases
    credits: Vec<(i64, String)>,
}

fn raw(conn: &Connection) -> Raw {
    let all = |sql: &str| -> Vec<Vec<rusqlite::types::Value>> {
        let mut st = conn.prepare(sql).unwrap();
        let n = st.column_count();
        st.query_map([], |r| (0..n).map(|i| r.get(i)).collect()).unwrap().map(Result::unwrap).collect()
    };
    use rusqlite::types::Value as V;
    let s = |v: &V| match v {
        V::Text(t) => t.clone(),
        V::Integer(i) => i.to_string(),
        _ => String::new(),
    };
    let o = |v: &V| match v {
        V::Null => None,
        other => Some(s(other)),
    };
    let i = |v: &V| match v {
        V::Integer(i) => *i,
        _ => 0,
    };
    Raw {
        cases: all("SELECT c.id, w.code, k.code, c.enrolled_on, c.released_on, c.reason
             FROM cases c JOIN wards w ON w.id = c.ward_id JOIN categories k ON k.id = c.category_id")
        .iter()
        .map(|r| (i(&r[0]), s(&r[1]), s(&r[2]), s(&r[3]), o(&r[4]), o(&r[5])))
        .collect(),
        assignments: all("SELECT a.id, a.case_id, o.code, a.start_on, a.end_on
             FROM assignments a JOIN members m ON m.id = a.member_id JOIN orgs o ON o.id = m.org_id")
        .iter()
        .map(|r| (i(&r[0]), i(&r[1]), s(&r[2]), s(&r[3]), o(&r[4])))
        .collect(),
        reviews: all("SELECT case_id, reviewed_on FROM reviews").iter().map(|r| (i(&r[0]), s(&r[1]))).collect(),
        supports: all("SELECT case_id, given_on, kind, amount FROM supports")
            .iter()
            .map(|r| (i(&r[0]), s(&r[1]), s(&r[2]), o(&r[3]).map(|_| i(&r[3]))))
            .collect(),
        members: all("SELECT m.id, o.code, w.code, m.joined_on, m.left_on
             FROM members m JOIN orgs o ON o.id = m.org_id JOIN wards w ON w.id = m.ward_id")
        .iter()
        .map(|r| (i(&r[0]), s(&r[1]), s(&r[2]), s(&r[3]), o(&r[4])))
        .collect(),
        credits: all("SELECT credited_member_id, released_on FROM cases WHERE reason = 'progressed'")
            .iter()
            .map(|r| (i(&r[0]), s(&r[1])))
            .collect(),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Key {
    Ward,
    Org,
    Category,
    All,
}

/// The model: SPEC §6 definitions, case by case. Returns group → figures, with `closing`
/// counted directly (enrolled by T and not released by T), not derived.
fn model(raw: &Raw, plan: &Plan, p: Period, key: Key) -> BTreeMap<String, Row> {
    let (f, t) = (iso(p.from), iso(p.to));
    let mut out: BTreeMap<String, Row> = BTreeMap::new();
    let mut group_of: BTreeMap<i64, String> = BTreeMap::new();
    for (id, ward, cat, enrolled, released, reason) in &raw.cases {
        if *enrolled > t || released.as_ref().is_some_and(|r| *r < f) {
            continue;
        }
        let last = match released {
            Some(r) if *r <= t => r.clone(),
            _ => t.clone(),
        };
        let g = match key {
            // The ward on the case's last open day in the period (SPEC §13).
            Key::Ward => plan.cases.get(id).map_or_else(|| ward.clone(), |h| model_ward(h, &plan.merges, &last)),
            Key::Category => cat.clone(),
            Key::All => "TOTAL".into(),
            Key::Org => raw
                .assignments
                .iter()
                .filter(|a| a.1 == *id && a.3 <= last && a.4.as_ref().is_none_or(|e| *e >= last))
                .max_by(|a, b| (&a.3, a.0).cmp(&(&b.3, b.0)))
                .map_or("unassigned".to_string(), |a| a.2.clone()),
        };
        group_of.insert(*id, g.clone());
        let row = out.entry(g.clone()).or_insert_with(|| Row { group: g, ..Row::default() });
        if *enrolled < f {
            row.opening += 1;
        } else {
            row.intake += 1;
        }
        let out_by_t = released.as_ref().is_some_and(|r| *r <= t);
        if out_by_t {
            match reason.as_deref() {
                Some("progressed") => row.progressed += 1,
                Some("moved") => row.moved += 1,
                Some("deceased") => row.deceased += 1,
                Some("reoffended") => row.reoffended += 1,
                Some("institution") => row.institution += 1,
                _ => row.other += 1,
            }
            row.exits += 1;
        } else {
            row.closing += 1;
        }
        row.total_managed += 1;
    }
    for (case_id, d) in &raw.reviews {
        if *d >= f && *d <= t {
            let g = &group_of[case_id];
            out.get_mut(g).unwrap().contacts += 1;
        }
    }
    for (case_id, d, kind, amount) in &raw.supports {
        if *d >= f && *d <= t {
            let r = out.get_mut(&group_of[case_id]).unwrap();
            r.supports += 1;
            if kind == "loan" {
                r.loan_amount += amount.unwrap_or(0);
            }
        }
    }
    out
}

/// The months (or quarters) of a period, each cut to the period: SPEC §6's `--by month` and
/// `--by quarter` rows, computed here from the calendar, not by the product's `Period`.
fn sub_periods(p: Period, quarter: bool) -> Vec<(String, Period)> {
    use chrono::Datelike;
    let mut out = Vec::new();
    let mut from = p.from;
    while from <= p.to {
        let (y, m) = (from.year(), from.month());
        let (label, first, len) = if quarter {
            (format!("{y}-Q{}", (m - 1) / 3 + 1), (m - 1) / 3 * 3 + 1, 3)
        } else {
            (format!("{y}-{m:02}"), m, 1)
        };
        let next = if first + len > 12 {
            NaiveDate::from_ymd_opt(y + 1, first + len - 12, 1)
        } else {
            NaiveDate::from_ymd_opt(y, first + len, 1)
        }
        .unwrap();
        let to = (next - Duration::days(1)).min(p.to);
        out.push((label, Period { from, to }));
        from = next;
    }
    out
}

/// The quota model (SPEC §6), quota 2: the members whose membership overlaps [F, T], grouped
/// by `key` (their ward, org, or id); each one's progressed releases in [F, T] credited to
/// them; target, members met, shortfall and pct from those counts.
/// members, target, achieved, members_met, shortfall, pct
type QuotaFigures = (i64, i64, i64, i64, i64, Option<f64>);

fn quota_model(raw: &Raw, plan: &Plan, p: Period, key: &str) -> BTreeMap<String, QuotaFigures> {
    let (f, t) = (iso(p.from), iso(p.to));
    let mut out: BTreeMap<String, QuotaFigures> = BTreeMap::new();
    for (id, org, _ward, joined, left) in &raw.members {
        if *joined > t || left.as_ref().is_some_and(|l| *l < f) {
            continue;
        }
        let credited = raw.credits.iter().filter(|(m, d)| m == id && *d >= f && *d <= t).count() as i64;
        // A member's ward on their last day of membership in the period (SPEC §13).
        let last = left.as_ref().filter(|l| **l <= t).unwrap_or(&t);
        let g = match key {
            "ward" => model_ward(&plan.members[id], &plan.merges, last),
            "org" => org.clone(),
            "member" => id.to_string(),
            _ => "TOTAL".to_string(),
        };
        let e = out.entry(g).or_default();
        e.0 += 1;
        e.1 += 2;
        e.2 += credited;
        e.3 += i64::from(credited >= 2);
        e.4 += (2 - credited).max(0);
    }
    for e in out.values_mut() {
        e.5 = (e.1 > 0).then(|| e.2 as f64 * 100.0 / e.1 as f64);
    }
    out
}

fn check_quota(conn: &Connection, raw: &Raw, plan: &Plan, p: Period) {
    let whole = quota_model(raw, plan, p, "all").remove("TOTAL").unwrap_or_default();
    for (by, key) in [(quota::By::Ward, "ward"), (quota::By::Org, "org"), (quota::By::Member, "member")] {
        let q = quota::quota(conn, p, 2, by).unwrap();
        let m = quota_model(raw, plan, p, key);
        let got = |r: &quota::Row| (r.members, r.target, r.achieved, r.members_met, r.shortfall);
        for r in q.rows.iter().chain([&q.total]) {
            let want = if r.group == "TOTAL" { whole } else { m.get(&r.group).copied().unwrap_or_default() };
            assert_eq!(got(r), (want.0, want.1, want.2, want.3, want.4), "quota {key} group {} over {p:?}", r.group);
            match (r.pct(), want.5) {
                (None, None) => {}
                (Some(a), Some(b)) => assert!((a - b).abs() < 1e-9, "pct {a} vs {b}, {key} {} over {p:?}", r.group),
                (a, b) => panic!("pct {a:?} vs {b:?}, {key} {} over {p:?}", r.group),
            }
        }
        // Every group of the model is a row (a member counted is never lost).
        for g in m.keys() {
            assert!(q.rows.iter().any(|r| &r.group == g), "quota {key}: group {g} missing over {p:?}");
        }
    }
}

fn figures(r: &Row) -> [i64; 14] {
    [
        r.opening,
        r.intake,
        r.total_managed,
        r.progressed,
        r.moved,
        r.deceased,
        r.reoffended,
        r.institution,
        r.other,
        r.exits,
        r.closing,
        r.contacts,
        r.supports,
        r.loan_amount,
    ]
}

fn check_row(r: &Row) {
    assert_eq!(r.opening + r.intake, r.total_managed, "{r:?}");
    assert_eq!(r.progressed + r.moved + r.deceased + r.reoffended + r.institution + r.other, r.exits, "{r:?}");
    assert_eq!(r.opening + r.intake - r.exits, r.closing, "{r:?}");
}

fn check_sum(s: &summary::Summary) {
    let mut sum = [0i64; 14];
    for r in &s.rows {
        check_row(r);
        for (a, b) in sum.iter_mut().zip(figures(r)) {
            *a += b;
        }
    }
    check_row(&s.total);
    assert_eq!(sum, figures(&s.total), "rows sum to TOTAL");
    assert_eq!(s.total.group, "TOTAL");
}

fn check(conn: &Connection, raw: &Raw, plan: &Plan, p: Period) {
    let whole = model(raw, plan, p, Key::All).remove("TOTAL").unwrap_or_default();
    let mut totals = Vec::new();
    for (by, key) in [(By::Ward, Key::Ward), (By::Org, Key::Org), (By::Category, Key::Category)] {
        let s = summary::summary(conn, p, by).unwrap();
        check_sum(&s);
        let m = model(raw, plan, p, key);
        for r in &s.rows {
            let want = m.get(&r.group).cloned().unwrap_or_default();
            assert_eq!(figures(r), figures(&want), "{by:?} group {} over {p:?}", r.group);
        }
        assert_eq!(figures(&s.total), figures(&whole), "{by:?} total over {p:?}");
        totals.push(figures(&s.total));
    }
    // Wards in natural order, every ward that existed on some day of the period.
    let wards: Vec<String> = summary::summary(conn, p, By::Ward).unwrap().rows.into_iter().map(|r| r.group).collect();
    let keys: Vec<String> = wards.iter().map(|w| mh51::text::natural_key(w)).collect();
    assert!(keys.windows(2).all(|k| k[0] < k[1]), "{wards:?}");
    for w in ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"] {
        let gone = plan.merges.iter().any(|(on, from, _)| from == w && *on <= iso(p.from));
        assert_eq!(wards.iter().any(|x| x == w), !gone, "ward {w} over {p:?}, mergers {:?}", plan.merges);
    }
    // --structure D: each ward under the ward that had taken it over by D; totals unchanged.
    for d in [p.to, today()] {
        let s = summary::summary_in(conn, p, By::Ward, Some(d)).unwrap();
        check_sum(&s);
        let mut want: BTreeMap<String, Row> = BTreeMap::new();
        for (g, r) in model(raw, plan, p, Key::Ward) {
            let g = model_ward(&[(String::new(), g)], &plan.merges, &iso(d));
            let e = want.entry(g.clone()).or_insert_with(|| Row { group: g, ..Row::default() });
            for (a, b) in [
                (&mut e.opening, r.opening),
                (&mut e.intake, r.intake),
                (&mut e.total_managed, r.total_managed),
                (&mut e.progressed, r.progressed),
                (&mut e.moved, r.moved),
                (&mut e.deceased, r.deceased),
                (&mut e.reoffended, r.reoffended),
                (&mut e.institution, r.institution),
                (&mut e.other, r.other),
                (&mut e.exits, r.exits),
                (&mut e.closing, r.closing),
                (&mut e.contacts, r.contacts),
                (&mut e.supports, r.supports),
                (&mut e.loan_amount, r.loan_amount),
            ] {
                *a += b;
            }
        }
        for r in &s.rows {
            let w = want.get(&r.group).cloned().unwrap_or_default();
            assert_eq!(figures(r), figures(&w), "structure {d} group {} over {p:?}", r.group);
        }
        assert_eq!(figures(&s.total), figures(&whole), "structure {d} total over {p:?}");
    }
    // Quota by ward: each member in their ward on their last day of membership in the period.
    if p.from.format("%Y").to_string() == p.to.format("%Y").to_string() {
        let q = quota::quota(conn, p, 2, quota::By::Ward).unwrap();
        let (f, t) = (iso(p.from), iso(p.to));
        let mut want: BTreeMap<String, (i64, i64)> = BTreeMap::new();
        for (id, _, _, joined, left) in &raw.members {
            if *joined > t || left.as_ref().is_some_and(|l| *l < f) {
                continue;
            }
            let last = left.as_ref().filter(|l| **l <= t).unwrap_or(&t);
            let w = model_ward(&plan.members[id], &plan.merges, last);
            let credited = raw.credits.iter().filter(|(m, r)| m == id && *r >= f && *r <= t).count() as i64;
            let e = want.entry(w).or_default();
            e.0 += 1;
            e.1 += credited;
        }
        for r in &q.rows {
            assert_eq!(
                (r.members, r.achieved),
                want.get(&r.group).copied().unwrap_or_default(),
                "quota ward {} over {p:?}",
                r.group
            );
        }
        let total: (i64, i64) = want.values().fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
        assert_eq!((q.total.members, q.total.achieved), total);
    }
    for (by, quarter) in [(By::Month, false), (By::Quarter, true)] {
        let s = summary::summary(conn, p, by).unwrap();
        let mut sum = [0i64; 14];
        for r in &s.rows {
            check_row(r);
            for (i, (a, b)) in sum.iter_mut().zip(figures(r)).enumerate() {
                // opening and closing are stocks, not flows: they do not add up.
                if i != 0 && i != 2 && i != 10 {
                    *a += b;
                }
            }
        }
        for pair in s.rows.windows(2) {
            assert_eq!(
                pair[0].closing, pair[1].opening,
                "{by:?}: {} closes where {} opens",
                pair[0].group, pair[1].group
            );
        }
        let sub = sub_periods(p, quarter);
        assert_eq!(s.rows.len(), sub.len());
        for (r, (label, sp)) in s.rows.iter().zip(&sub) {
            assert_eq!(&r.group, label);
            let want = model(raw, plan, *sp, Key::All).remove("TOTAL").unwrap_or_default();
            assert_eq!(figures(r), figures(&want), "{by:?} row {label}");
        }
        assert_eq!(figures(&s.total), figures(&whole), "{by:?} total is the whole period");
        let flows = figures(&s.total);
        for i in [1, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13] {
            assert_eq!(sum[i], flows[i], "{by:?} column {i} sums to TOTAL");
        }
    }
    assert!(totals.windows(2).all(|w| w[0] == w[1]), "ward, org and category totals agree");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn summary_identities_hold_for_any_history(
        ms in proptest::collection::vec(member_plan(), 1..5),
        cs in proptest::collection::vec(case_plan(), 0..12),
        merges in proptest::collection::vec(merge_plan(), 0..3),
        start in 0..1095u16,
        len in 0..500u16,
    ) {
        let dir = tempfile::tempdir().unwrap();
        let (mut conn, mut plan) = build(&dir.path().join("p.db"), &ms, &cs);
        // Periods that end before every merger: their figures, before the mergers are recorded.
        let early: Vec<Period> = merges.iter().map(|m| Period { from: day(0), to: day(m.0.saturating_sub(1)) })
            .chain([Period::parse(Some("2021"), today()).unwrap()]).collect();
        let before: Vec<_> = early.iter().map(|p| summary::summary(&conn, *p, By::Ward).unwrap()).collect();
        apply_merges(&mut conn, &mut plan, &merges);
        let first_merger = plan.merges.iter().map(|m| m.0.clone()).min();
        for (p, b) in early.iter().zip(&before) {
            if first_merger.as_ref().is_none_or(|m| iso(p.to) < *m) {
                prop_assert_eq!(&summary::summary(&conn, *p, By::Ward).unwrap(), b, "a merger changed {:?}", p);
            }
        }
        let problems: Vec<String> = mh51::check::check(&conn, today()).unwrap().problems.into_iter().map(|p| p.en).collect();
        prop_assert!(problems.is_empty(), "check: {:?}", problems);
        let raw = raw(&conn);
        let from = day(start);
        let to = (from + Duration::days(i64::from(len))).min(today());
        let to = to.max(from);
        check(&conn, &raw, &plan, Period { from, to });
        // Whole years and a quarter, the forms clerks use.
        for s in ["2021", "2022", "2022-Q3", "2023"] {
            check(&conn, &raw, &plan, Period::parse(Some(s), today()).unwrap());
        }
        // Periods ending on a reassignment day: both members qualify, the later one wins.
        let mut starts: Vec<&String> = raw.assignments.iter().map(|a| &a.3).collect();
        starts.sort();
        for d in starts.iter().rev().take(3) {
            let p = Period { from: day(0), to: mh51::domain::types::from_iso(d).unwrap() };
            let s = summary::summary(&conn, p, By::Org).unwrap();
            let m = model(&raw, &plan, p, Key::Org);
            for r in &s.rows {
                let want = m.get(&r.group).cloned().unwrap_or_default();
                prop_assert_eq!(figures(r), figures(&want), "org group {} over {:?}", r.group, p);
            }
        }
        // Quota against its model, for whole years, a quarter and a stretch within a year.
        for s in ["2021", "2022", "2023", "2022-Q3"] {
            check_quota(&conn, &raw, &plan, Period::parse(Some(s), today()).unwrap());
        }
        let (qy, qa, qb) = (2021 + i32::from(start % 3), i64::from(len % 365), i64::from(start % 365));
        let jan1 = NaiveDate::from_ymd_opt(qy, 1, 1).unwrap();
        let (a, b) = (jan1 + Duration::days(qa.min(qb)), jan1 + Duration::days(qa.max(qb)));
        check_quota(&conn, &raw, &plan, Period { from: a, to: b.min(NaiveDate::from_ymd_opt(qy, 12, 31).unwrap()) });
        // Quota: member rows add up to the ward and org totals.
        let p = Period::parse(Some("2022"), today()).unwrap();
        let w = quota::quota(&conn, p, 2, quota::By::Ward).unwrap();
        let o = quota::quota(&conn, p, 2, quota::By::Org).unwrap();
        let m = quota::quota(&conn, p, 2, quota::By::Member).unwrap();
        let t = |q: &quota::Quota| (q.total.members, q.total.target, q.total.achieved, q.total.members_met, q.total.shortfall);
        prop_assert_eq!(t(&w), t(&o));
        prop_assert_eq!(t(&w), t(&m));
        // Achieved is every progressed release of 2022 (each credited to a serving member).
        let progressed = raw.cases.iter().filter(|c| c.5.as_deref() == Some("progressed")
            && c.4.as_ref().is_some_and(|r| r.starts_with("2022"))).count() as i64;
        prop_assert_eq!(w.total.achieved, progressed);
        for r in &m.rows {
            prop_assert_eq!(r.shortfall, (2 - r.achieved).max(0));
            prop_assert_eq!(r.members_met, i64::from(r.achieved >= 2));
        }
    }
}

/// `report contacts` (SPEC §17) against a model written from its definitions, over the raw
/// rows: for the period [F, T], the cases open on T (enrolled by T, not released by T) in each
/// group's charge — the member assigned on T (latest start on or before T, not ended before
/// T; of two, the later), the case's ward on T, that member's organization; `unassigned` when
/// nobody — those with at least one contact not voided dated in [F, T], and those contacts.
mod contacts_model {
    use super::*;
    use mh51::domain::month::{self, Entry};
    use mh51::report::contacts::{self, By as CBy};
    use mh51::report::scope::Scope;

    /// case_id, reviewed_on, voided
    pub fn reviews(conn: &Connection) -> Vec<(i64, String, bool)> {
        let mut st = conn.prepare("SELECT case_id, reviewed_on, voided_on IS NOT NULL FROM reviews").unwrap();
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap().map(Result::unwrap).collect()
    }

    /// id, case_id, member_id, start, end
    pub fn assignments(conn: &Connection) -> Vec<(i64, i64, i64, String, Option<String>)> {
        let mut st = conn.prepare("SELECT id, case_id, member_id, start_on, end_on FROM assignments").unwrap();
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    }

    /// group → (cases, contacted, contacts), and each open case's (ward, member group, org group).
    pub fn model(
        conn: &Connection,
        raw: &Raw,
        plan: &Plan,
        p: Period,
        by: CBy,
        ward_only: Option<&str>,
    ) -> BTreeMap<String, (i64, i64, i64)> {
        let (f, t) = (iso(p.from), iso(p.to));
        let revs = reviews(conn);
        let asg = assignments(conn);
        let org_of: BTreeMap<i64, String> = raw.members.iter().map(|m| (m.0, m.1.clone())).collect();
        let mut out: BTreeMap<String, (i64, i64, i64)> = BTreeMap::new();
        for (id, ward, _, enrolled, released, _) in &raw.cases {
            if *enrolled > t || released.as_ref().is_some_and(|r| *r <= t) {
                continue;
            }
            let w = plan.cases.get(id).map_or_else(|| ward.clone(), |h| model_ward(h, &plan.merges, &t));
            if ward_only.is_some_and(|x| x != w) {
                continue;
            }
            let member = asg
                .iter()
                .filter(|a| a.1 == *id && a.3 <= t && a.4.as_ref().is_none_or(|e| *e >= t))
                .max_by(|a, b| (&a.3, a.0).cmp(&(&b.3, b.0)))
                .map(|a| a.2);
            let g = match by {
                CBy::Member => member.map_or("unassigned".to_string(), |m| m.to_string()),
                CBy::Ward => w,
                CBy::Org => member.map_or("unassigned".to_string(), |m| org_of[&m].clone()),
            };
            let n = revs.iter().filter(|r| r.0 == *id && !r.2 && r.1 >= f && r.1 <= t).count() as i64;
            let e = out.entry(g).or_default();
            e.0 += 1;
            e.1 += i64::from(n > 0);
            e.2 += n;
        }
        out
    }

    pub fn check(conn: &Connection, raw: &Raw, plan: &Plan, p: Period) {
        for by in [CBy::Member, CBy::Ward, CBy::Org] {
            for ward_only in [None, Some("2")] {
                let scope = match ward_only {
                    Some(w) => Scope::resolve(conn, Some(w), None, None).unwrap(),
                    None => Scope::default(),
                };
                let got = contacts::contacts(conn, p, by, &scope).unwrap();
                let want = model(conn, raw, plan, p, by, ward_only);
                let mut total = (0, 0, 0);
                for r in &got.rows {
                    let w = want.get(&r.group).copied().unwrap_or_default();
                    assert_eq!(
                        (r.cases, r.contacted, r.contacts),
                        w,
                        "{by:?} {ward_only:?} group {} over {p:?}",
                        r.group
                    );
                    assert_eq!(r.not_contacted(), w.0 - w.1);
                    match r.pct() {
                        None => assert_eq!(w.0, 0),
                        Some(v) => assert!((v - w.1 as f64 * 100.0 / w.0 as f64).abs() < 1e-9),
                    }
                    total = (total.0 + w.0, total.1 + w.1, total.2 + w.2);
                }
                // Every group of the model is a row, and the rows add up to the model's whole.
                for g in want.keys() {
                    assert!(got.rows.iter().any(|r| r.group == *g), "{by:?}: group {g} missing over {p:?}");
                }
                let all = want.values().fold((0, 0, 0), |a, v| (a.0 + v.0, a.1 + v.1, a.2 + v.2));
                assert_eq!(total, all);
                assert_eq!((got.total.cases, got.total.contacted, got.total.contacts), all, "{by:?} total over {p:?}");
                if ward_only.is_some() {
                    assert!(got.rows.iter().all(|r| r.cases > 0), "a scoped report lists groups with cases");
                }
            }
        }
        // The summary's contacts leave voided reviews out too.
        let (f, t) = (iso(p.from), iso(p.to));
        let counted: Vec<i64> =
            raw.cases.iter().filter(|c| c.3 <= t && c.4.as_ref().is_none_or(|r| *r >= f)).map(|c| c.0).collect();
        let n = reviews(conn).iter().filter(|r| !r.2 && r.1 >= f && r.1 <= t && counted.contains(&r.0)).count() as i64;
        assert_eq!(summary::summary(conn, p, By::Ward).unwrap().total.contacts, n, "summary contacts over {p:?}");
        assert_eq!(summary::summary(conn, p, By::Month).unwrap().total.contacts, n, "by month over {p:?}");
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

        #[test]
        fn contacts_match_a_plain_model(
            ms in proptest::collection::vec(member_plan(), 1..5),
            cs in proptest::collection::vec(case_plan(), 0..12),
            voids in proptest::collection::vec(0..40i64, 0..6),
            doubles in proptest::collection::vec((0..40i64, 0..4usize), 0..4),
            start in 0..1095u16,
            len in 0..400u16,
        ) {
            let dir = tempfile::tempdir().unwrap();
            let (mut conn, plan) = build(&dir.path().join("p.db"), &ms, &cs);
            let ctx = Ctx { stamp: Stamp { actor: "prop".into(), at: "2023-12-31T00:00:00".into() }, today: today() };
            // Second contacts on a day already contacted (--again), then some reviews voided.
            for (k, class) in &doubles {
                let row: Option<(String, String)> = conn
                    .query_row(
                        "SELECT c.case_no, r.reviewed_on FROM reviews r JOIN cases c ON c.id = r.case_id WHERE r.id = ?1",
                        [k + 1],
                        |r| Ok((r.get(0)?, r.get(1)?)),
                    )
                    .ok();
                if let Some((no, d)) = row {
                    prop_assert!(attempt(&mut conn, |tx| cases::review(tx, &ctx, &no, CLASSES[*class], Some(&d), None, None)).is_none(),
                        "a second contact on the same day is refused");
                    attempt(&mut conn, |tx| cases::review_with(tx, &ctx, &no, CLASSES[*class], Some(&d), None, None, true));
                }
            }
            for k in &voids {
                attempt(&mut conn, |tx| month::void(tx, &ctx, Entry::Review, &(k + 1).to_string(), "test"));
            }
            let problems: Vec<String> = mh51::check::check(&conn, today()).unwrap().problems.into_iter().map(|p| p.en).collect();
            prop_assert!(problems.is_empty(), "check: {:?}", problems);
            let raw = raw(&conn);
            let from = day(start);
            let to = (from + Duration::days(i64::from(len))).min(today()).max(from);
            check(&conn, &raw, &plan, Period { from, to });
            for s in ["2021", "2022-05", "2022-Q3", "2023"] {
                check(&conn, &raw, &plan, Period::parse(Some(s), today()).unwrap());
            }
            // Reassignment days as T: both members qualify, the later one wins.
            let mut starts: Vec<String> = assignments(&conn).into_iter().map(|a| a.3).collect();
            starts.sort();
            for d in starts.iter().rev().take(3) {
                let t = mh51::domain::types::from_iso(d).unwrap();
                check(&conn, &raw, &plan, Period { from: t - Duration::days(30), to: t });
            }
        }
    }
}
