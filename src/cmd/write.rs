//! Write commands: each one transaction, its result alone on stdout.

use std::io::Write;

use anyhow::Result;

use super::App;
use crate::cli::{DictCmd, EditArgs, EnrollArgs, MemberCmd};
use crate::db;
use crate::domain::lookup::Dict;
use crate::domain::{cases, members, register};

pub fn init(app: &App, district: Option<String>, wards: u32, quota: u32, encrypt: bool) -> Result<()> {
    let input = register::InitInput { district, wards, quota };
    // Refused before the file exists, so a refused init leaves nothing behind.
    input.validate()?;
    // Before any passphrase is asked.
    db::refuse_existing(&app.db)?;
    let key = if encrypt { Some(super::protect::new_key(app, app.key_file.as_deref())?) } else { None };
    let mut conn = db::create(&app.db, key.as_ref())?;
    let ctx = app.ctx();
    let res = db::write(&mut conn, |tx| register::seed(tx, &ctx, &input));
    if let Err(e) = res {
        drop(conn);
        db::discard(&app.db);
        return Err(e);
    }
    writeln!(std::io::stdout(), "{}", app.db.display())?;
    app.say(
        &format!("created {} with {} wards, 6 organizations, quota {}", app.db.display(), wards, quota),
        &format!("đã tạo {} với {} phường, 6 đoàn thể, chỉ tiêu {}", app.db.display(), wards, quota),
    );
    Ok(())
}

pub fn dict(app: &App, d: Dict, c: DictCmd) -> Result<()> {
    match c {
        DictCmd::List { out } => super::read::dict(app, d, &out),
        DictCmd::Add { code, name } => app.write(|tx, ctx| register::add(tx, ctx, d, &code, &name)),
    }
}

pub fn member(app: &App, c: MemberCmd) -> Result<()> {
    match c {
        MemberCmd::Add { name, org, ward, phone, joined, allow_duplicate } => {
            let input = members::MemberInput { name, org, ward, phone, joined, allow_duplicate };
            app.write(|tx, ctx| members::add(tx, ctx, &input))
        }
        MemberCmd::Move { id, ward, date } => {
            app.write(|tx, ctx| crate::domain::wards::move_member(tx, ctx, &id, &ward, date.as_deref()))
        }
        MemberCmd::Leave { id, date } => app.write(|tx, ctx| members::leave(tx, ctx, &id, date.as_deref())),
        MemberCmd::Edit { id, name, org, ward, phone, joined } => {
            let e = members::MemberEdit { name, org, ward, phone, joined };
            app.write(|tx, ctx| members::edit(tx, ctx, &id, &e))
        }
        MemberCmd::List { ward, org, all, out } => super::read::members(app, ward, org, all, &out),
        MemberCmd::Show { id, out } => super::read::member_show(app, &id, &out),
    }
}

pub fn enroll(app: &App, a: EnrollArgs) -> Result<()> {
    let input = cases::EnrollInput {
        name: a.name,
        ward: a.ward,
        category: a.category,
        born: a.born,
        gender: a.gender,
        id_number: a.id_number,
        address: a.address,
        date: a.date,
        member: a.member,
        person: a.person,
        note: a.note,
        allow_duplicate: a.allow_duplicate,
    };
    app.write(|tx, ctx| cases::enroll(tx, ctx, &input))
}

pub fn edit(app: &App, a: EditArgs) -> Result<()> {
    let e = cases::CaseEdit {
        name: a.name,
        born: a.born,
        gender: a.gender,
        id_number: a.id_number,
        address: a.address,
        ward: a.ward,
        category: a.category,
        date: a.date,
        note: a.note,
    };
    app.write(|tx, ctx| cases::edit(tx, ctx, &a.case, &e))
}
