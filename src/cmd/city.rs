//! `demo --size city|small`: build the synthetic city and say what was built.

use std::io::{IsTerminal, Write};
use std::time::Instant;

use anyhow::Result;

use super::App;
use crate::city;
use crate::cli::DemoSize;

pub fn run(app: &App, size: DemoSize) -> Result<()> {
    let dims = if size == DemoSize::City { city::CITY } else { city::SMALL };
    let bar = if std::io::stderr().is_terminal() {
        let b = indicatif::ProgressBar::new(dims.cases as u64);
        if let Ok(style) = indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} cases {elapsed}") {
            b.set_style(style);
        }
        Some(b)
    } else {
        None
    };
    let t0 = Instant::now();
    let built = city::build(&app.db, &app.ctx(), dims, &mut |n| {
        if let Some(b) = &bar {
            b.set_position(n);
        }
    })?;
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    writeln!(std::io::stdout(), "{}", app.db.display())?;
    let secs = t0.elapsed().as_secs_f64();
    app.say(
        &format!(
            "built {}: {} wards, {} members, {} cases ({} released, {} reassigned), {} reviews, {} supports in {:.1} s",
            app.db.display(),
            dims.wards,
            built.members,
            built.cases,
            built.released,
            built.reassigned,
            built.reviews,
            built.supports,
            secs
        ),
        &format!(
            "đã tạo {}: {} phường, {} thành viên, {} hồ sơ ({} đã ra khỏi diện, {} phân công lại), {} lượt tiếp xúc, {} lượt giúp đỡ trong {:.1} giây",
            app.db.display(),
            dims.wards,
            built.members,
            built.cases,
            built.released,
            built.reassigned,
            built.reviews,
            built.supports,
            secs
        ),
    );
    Ok(())
}
