//! Write commands: each one transaction, its result alone on stdout.

use std::io::Write;

use anyhow::Result;

use super::said::Said;
use super::App;
use crate::cli::{AmendCmd, DictCmd, EditArgs, EnrollArgs, EntryWhat, MemberCmd};
use crate::db;
use crate::domain::lookup::Dict;
use crate::domain::month::{self, Entry};
use crate::domain::{cases, members, register};

pub fn init(app: &App, district: Option<String>, wards: u32, quota: u32, encrypt: bool) -> Result<()> {
    let input = register::InitInput { district, wards, quota };
    // Refused before the file exists, so a refused init leaves nothing behind.
    input.validate()?;
    // Before any passphrase is asked.
    db::refuse_existing(&app.db)?;
    let key = if encrypt { Some(super::protect::new_key(app, app.key_file.as_deref())?) } else { None };
    // Built under a temporary name and put in place whole (a failure or a kill leaves no
    // register at the path; see `crate::paths`).
    let (mut conn, file) = db::create_new(&app.db, key.as_ref())?;
    let ctx = app.ctx();
    db::write(&mut conn, |tx| register::seed(tx, &ctx, &input))?;
    db::finish_create(conn, file)?;
    writeln!(std::io::stdout(), "{}", app.db.display())?;
    {
        let said = |vi: bool| {
            crate::w!(
                vi,
                "created-with-wards-6",
                db = (app.db.display()).to_string(),
                wards = (wards).to_string(),
                quota = quota
            )
        };
        app.say(&said(false), &said(true))
    };
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
            app.write_said(Said::MemberAdd, |tx, ctx| members::add(tx, ctx, &input))
        }
        MemberCmd::Move { id, ward, date } => app.write_said(Said::MemberMove, |tx, ctx| {
            crate::domain::wards::move_member(tx, ctx, &id, &ward, date.as_deref())
        }),
        MemberCmd::Leave { id, date } => {
            app.write_said(Said::MemberLeave, |tx, ctx| members::leave(tx, ctx, &id, date.as_deref()))
        }
        MemberCmd::Edit { id, name, org, ward, phone, joined } => {
            let e = members::MemberEdit { name, org, ward, phone, joined };
            app.write_said(Said::MemberEdit, |tx, ctx| members::edit(tx, ctx, &id, &e))
        }
        MemberCmd::List { ward, org, all, search, out } => {
            super::read::members(app, ward, org, all, search.as_deref(), &out)
        }
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
    app.write_said(Said::Enroll, |tx, ctx| cases::enroll(tx, ctx, &input))
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
    app.write_said(Said::Edit, |tx, ctx| cases::edit(tx, ctx, &a.case, &e))
}

fn entry(what: EntryWhat) -> Entry {
    match what {
        EntryWhat::Review => Entry::Review,
        EntryWhat::Support => Entry::Support,
    }
}

pub fn void(app: &App, what: EntryWhat, id: &str, reason: &str) -> Result<()> {
    app.write_said(Said::Void { review: what == EntryWhat::Review }, |tx, ctx| {
        month::void(tx, ctx, entry(what), id, reason)
    })
}

pub fn amend(app: &App, c: AmendCmd) -> Result<()> {
    let (e, id, a) = match c {
        AmendCmd::Review { id, class, date, by, note } => {
            (Entry::Review, id, month::Amend { code: class, amount: None, date, by, note })
        }
        AmendCmd::Support { id, kind, amount, date, by, note } => {
            (Entry::Support, id, month::Amend { code: kind, amount, date, by, note })
        }
    };
    app.write_said(Said::Amend { review: e == Entry::Review }, |tx, ctx| month::amend(tx, ctx, e, &id, &a))
}
