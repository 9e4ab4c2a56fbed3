//! Wards change (SPEC §13): `ward …`, `move`, `member move`, `settings`, `extract`.

use std::io::Write;
use std::path::Path;

use anyhow::Result;

use super::App;
use crate::cli::{Out, WardCmd};
use crate::domain::lookup::Dict;
use crate::domain::{register, wards};

pub fn ward(app: &App, c: WardCmd) -> Result<()> {
    match c {
        WardCmd::List { all, out } => list(app, all, &out),
        WardCmd::Add { code, name } => app.write(|tx, ctx| register::add(tx, ctx, Dict::Ward, &code, &name)),
        WardCmd::Merge { wards: listed, into, name, on } => {
            let input = wards::MergeInput { wards: listed, into, name, on };
            app.write(|tx, ctx| wards::merge(tx, ctx, &input))
        }
        WardCmd::Rename { ward, name } => app.write(|tx, ctx| wards::rename(tx, ctx, &ward, &name)),
    }
}

/// Today's wards (`code,name`, as before wards could change); `--all` every ward with the
/// day it began, the day it was dissolved and the ward that took it over.
fn list(app: &App, all: bool, out: &Out) -> Result<()> {
    let conn = app.open_read()?;
    if all {
        let mut sink = app.human_sink(&conn, out, crate::read::WARD_ALL_COLUMNS, None)?;
        crate::read::wards_all(&conn, &mut |r| sink.row(r))?;
        sink.finish()
    } else {
        let mut sink = app.human_sink(&conn, out, crate::read::DICT_COLUMNS, None)?;
        crate::read::wards_on(&conn, app.today, &mut |r| sink.row(r))?;
        sink.finish()
    }
}

pub fn settings(app: &App, key: Option<String>, value: Option<String>, out: &Out) -> Result<()> {
    match (key, value) {
        (Some(k), Some(v)) => app.write(|tx, ctx| wards::set(tx, ctx, &k, &v)),
        (Some(k), None) => {
            let said = |vi: bool| crate::w!(vi, "settings-no-value", key = &k);
            crate::refuse!("{}", said(false); "{}", said(true))
        }
        _ => {
            let conn = app.open_read()?;
            let mut sink = app.human_sink(&conn, out, crate::read::SETTINGS_COLUMNS, None)?;
            crate::read::settings(&conn, &mut |r| sink.row(r))?;
            sink.finish()
        }
    }
}

pub fn extract(app: &App, listed: &[String], dest: &Path) -> Result<()> {
    let src = app.open_read()?;
    let ctx = app.ctx();
    let key = app.key()?;
    let x = crate::domain::extract::extract(&src, &app.db, dest, listed, &ctx, key.as_ref())?;
    writeln!(std::io::stdout(), "{}", dest.display())?;
    {
        let said = |vi: bool| {
            crate::w!(
                vi,
                "wrote-register-ward-s",
                dest = (dest.display()).to_string(),
                wards = (x.wards.join(", ")).to_string(),
                persons = x.persons,
                cases = x.cases,
                members = x.members
            )
        };
        app.say(&said(false), &said(true))
    };
    Ok(())
}
