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
    let figures = [
        dims.wards as u64,
        built.members,
        built.cases,
        built.released,
        built.reassigned,
        built.reviews,
        built.supports,
    ];
    let [w, m, c, rel, re, rev, sup] = figures;
    let db = app.db.display();
    app.tell(&crate::w!(
        app.vi,
        "city-demo-built",
        db = db.to_string(),
        wards = w.to_string(),
        members = m.to_string(),
        cases = c.to_string(),
        released = rel.to_string(),
        reassigned = re.to_string(),
        reviews = rev.to_string(),
        supports = sup.to_string(),
        secs = format!("{secs:.1}")
    ));
    Ok(())
}
