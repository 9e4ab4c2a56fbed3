//! The synthetic city (`demo --size city|small`): a deterministic register at city scale, for
//! benchmarks (SPEC §10). Built through the same domain functions as the single commands —
//! every rule is checked for every row — in transactions of a few thousand cases.
//!
//! City: 300 wards, 6,000 members, 100,000 cases enrolled 2018–2023 with their assignments
//! (a fifth reassigned once), releases for about half of them, 1,000,000 reviews and some
//! supports. Small: a twentieth of that in every dimension, for CI. The random stream is a
//! fixed-seed SplitMix64, so the same build always produces the same register.

use anyhow::{Context, Result};
use chrono::{Duration, NaiveDate};
use rusqlite::Connection;

use crate::db;
use crate::domain::cases::{self, EnrollInput};
use crate::domain::members::{self, MemberInput};
use crate::domain::register::{self, InitInput, DEFAULT_CATEGORIES, DEFAULT_ORGS};
use crate::domain::types::{iso, ymd};
use crate::domain::Ctx;

/// The dimensions of a synthetic city.
#[derive(Debug, Clone, Copy)]
pub struct Size {
    pub wards: u32,
    pub members: u32,
    pub cases: u32,
    pub reviews: u32,
}

pub const CITY: Size = Size { wards: 300, members: 6_000, cases: 100_000, reviews: 1_000_000 };
pub const SMALL: Size = Size { wards: 15, members: 300, cases: 5_000, reviews: 50_000 };

/// What was built.
#[derive(Debug, Clone, Default)]
pub struct Built {
    pub members: u64,
    pub cases: u64,
    pub released: u64,
    pub reassigned: u64,
    pub reviews: u64,
    pub supports: u64,
}

/// SplitMix64: tiny, fast, and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len() as u64) as usize]
    }
}

/// The invented names' parts, as data (`city_names.txt`: family names, middle names, given
/// names, a line each, in the order the generator has always drawn from).
const NAMES: &str = include_str!("city_names.txt");

fn name(rng: &mut Rng) -> String {
    static PARTS: std::sync::OnceLock<Vec<Vec<&'static str>>> = std::sync::OnceLock::new();
    let parts = PARTS.get_or_init(|| NAMES.lines().map(|l| l.split_whitespace().collect()).collect());
    format!("{} {} {}", rng.pick(&parts[0]), rng.pick(&parts[1]), rng.pick(&parts[2]))
}

/// Build the city into a new database at `path`. `progress` is called with the number of
/// cases done. The file is removed again if anything fails.
pub fn build(path: &std::path::Path, ctx: &Ctx, size: Size, progress: &mut dyn FnMut(u64)) -> Result<Built> {
    if ctx.today < ymd(2019, 1, 1) {
        crate::refuse_w!("demo-city-too-early", today = ctx.today.to_string());
    }
    let (mut conn, file) = db::create_new(path, None)?;
    let built = fill(&mut conn, ctx, size, progress)?;
    db::finish_create(conn, file)?;
    Ok(built)
}

fn fill(conn: &mut Connection, ctx: &Ctx, size: Size, progress: &mut dyn FnMut(u64)) -> Result<Built> {
    let mut rng = Rng(0x5EED_0051_2022_0520);
    let mut built = Built::default();
    let first_day = ymd(2018, 1, 1);
    // Events run to the end of 2023, or to today when `MH51_TODAY` pins an earlier day (the
    // same seed then gives the same city, cut short).
    let last_day = ymd(2023, 12, 31).min(ctx.today);
    let span = (last_day - first_day).num_days() as u64;
    db::write(conn, |tx| {
        register::seed(
            tx,
            ctx,
            &InitInput { district: Some(crate::w!(true, "demo-city-district")), wards: size.wards, quota: 2 },
        )?;
        // Namesakes in one org and ward would be refused by `import members` as doubles, and
        // the benchmark re-imports these members; so each (name, org, ward) is unique.
        let mut seen = std::collections::HashSet::new();
        for m in 0..size.members {
            let joined = ymd(2017, 6, 1) + Duration::days(rng.below(180) as i64);
            let (org, ward) = ((m / size.wards) % 6, m % size.wards + 1);
            let mut n = name(&mut rng);
            while !seen.insert((n.clone(), org, ward)) {
                n = name(&mut rng);
            }
            members::add(
                tx,
                ctx,
                &MemberInput {
                    name: n,
                    org: DEFAULT_ORGS[org as usize].to_string(),
                    ward: ward.to_string(),
                    phone: Some(format!("09{:08}", m)),
                    joined: Some(iso(joined)),
                    allow_duplicate: false,
                },
            )?;
            built.members += 1;
        }
        Ok(())
    })
    .context("adding the members")?;

    let per_ward = (size.members / size.wards).max(1) as u64;
    let reviews_per_case = (size.reviews / size.cases.max(1)) as i64;
    const CHUNK: u32 = 5_000;
    let mut start = 0;
    while start < size.cases {
        let end = (start + CHUNK).min(size.cases);
        db::write(conn, |tx| {
            // One recorder for the chunk: it keeps the cases it records contacts for, and a
            // case is released (`one_case`'s last step) only after its last contact.
            let mut rec = cases::Recorder::new(tx)?;
            for i in start..end {
                one_case(
                    tx,
                    &mut rec,
                    ctx,
                    &mut rng,
                    &mut built,
                    i,
                    size,
                    per_ward,
                    reviews_per_case,
                    first_day,
                    span,
                    last_day,
                )?;
            }
            Ok(())
        })
        .with_context(|| format!("adding cases {start}..{end}"))?;
        progress(end as u64);
        start = end;
    }
    Ok(built)
}

#[allow(clippy::too_many_arguments)]
fn one_case(
    tx: &Connection,
    rec: &mut cases::Recorder,
    ctx: &Ctx,
    rng: &mut Rng,
    built: &mut Built,
    i: u32,
    size: Size,
    per_ward: u64,
    reviews_per_case: i64,
    first_day: NaiveDate,
    span: u64,
    last_day: NaiveDate,
) -> Result<()> {
    let ward = rng.below(size.wards as u64) + 1;
    let member_of_ward = |k: u64| (ward + (k % per_ward) * size.wards as u64).to_string();
    let k = rng.below(per_ward);
    let enrolled = first_day + Duration::days(rng.below(span - 30) as i64);
    let born = 1950 + rng.below(56);
    let category = DEFAULT_CATEGORIES[rng.below(DEFAULT_CATEGORIES.len() as u64) as usize];
    let case_no = rec.enroll(
        ctx,
        &EnrollInput {
            name: name(rng),
            ward: ward.to_string(),
            category: category.to_string(),
            born: Some(born.to_string()),
            gender: Some(if rng.below(5) == 0 { "female" } else { "male" }.to_string()),
            id_number: Some(format!("079{:09}", i)),
            date: Some(iso(enrolled)),
            member: Some(member_of_ward(k)),
            allow_duplicate: true,
            ..EnrollInput::default()
        },
    )?;
    built.cases += 1;
    let release = if rng.below(10) < 6 {
        let d = enrolled + Duration::days(90 + rng.below(900) as i64);
        (d <= last_day).then_some(d)
    } else {
        None
    };
    let until = release.unwrap_or(last_day);
    let days = (until - enrolled).num_days().max(1);
    let reassign_at = (rng.below(5) == 0).then(|| enrolled + Duration::days(days / 2));
    let mut reassigned = false;
    for j in 0..reviews_per_case {
        let d = enrolled + Duration::days((j + 1) * days / (reviews_per_case + 1));
        if let Some(r) = reassign_at.filter(|r| !reassigned && d >= *r && *r > enrolled) {
            cases::assign(tx, ctx, &case_no, &member_of_ward(k + 1), Some(&iso(r)))?;
            reassigned = true;
            built.reassigned += 1;
        }
        let class = match rng.below(100) {
            0..=54 => "A",
            55..=84 => "B",
            85..=96 => "C",
            _ => "D",
        };
        rec.review(ctx, &case_no, class, Some(&iso(d)), None, None, false)?;
        built.reviews += 1;
    }
    if rng.below(10) < 3 {
        let d = enrolled + Duration::days(days * 3 / 4);
        let (kind, amount) = match rng.below(4) {
            0 => ("loan", Some((5 + rng.below(20)) * 1_000_000)),
            1 => ("job", None),
            2 => ("training", None),
            _ => ("gift", Some(500_000)),
        };
        let amount = amount.map(|a| a.to_string());
        rec.support(ctx, &case_no, kind, amount.as_deref(), Some(&iso(d)), None, None, false)?;
        built.supports += 1;
    }
    if let Some(r) = release {
        let reason = match rng.below(100) {
            0..=69 => "progressed",
            70..=79 => "moved",
            80..=82 => "deceased",
            83..=89 => "reoffended",
            90..=94 => "institution",
            _ => "other",
        };
        cases::release(tx, ctx, &case_no, reason, Some(&iso(r)), None, None)?;
        built.released += 1;
    }
    Ok(())
}
