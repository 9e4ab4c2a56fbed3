//! Running a parsed command: resolve the environment once (database path, language, actor,
//! today), call the domain or a report, hand the rows to `output`.

pub mod brief;
pub mod city;
pub mod document;
pub mod export;
pub mod import;
pub mod package;
pub mod protect;
pub mod read;
pub mod report;
pub mod safety;
pub mod said;
pub mod sheet;
pub mod upward;
pub mod wards;
pub mod write;

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::{Connection, Transaction};

use crate::audit::Stamp;
use crate::cli::{Cli, Command, DemoSize, Out};
use crate::db;
use crate::domain::Ctx;
use crate::output::{self, Sink, Style};

/// The resolved environment of one run.
pub struct App {
    pub db: PathBuf,
    pub vi: bool,
    pub actor: String,
    pub today: NaiveDate,
    /// `--key-file` / `MH51_KEY_FILE`: where an encrypted register's passphrase is read.
    pub key_file: Option<PathBuf>,
    /// The passphrase once read, so one run asks at most once.
    key: std::cell::OnceCell<db::Key>,
}

impl App {
    pub fn new(cli: &Cli, vi: bool) -> Result<App> {
        let db = cli.db.clone().unwrap_or_else(|| {
            if matches!(cli.command, Command::Demo { .. }) {
                PathBuf::from("mh51-demo.db")
            } else if matches!(cli.command, Command::City(..)) {
                PathBuf::from("mh51-city.db")
            } else {
                PathBuf::from("mh51.db")
            }
        });
        let actor = cli
            .actor
            .clone()
            .or_else(|| std::env::var("USER").ok())
            .or_else(|| std::env::var("LOGNAME").ok())
            .or_else(crate::platform::os_user)
            .unwrap_or_else(|| "unknown".into());
        let actor = crate::domain::types::line_text(
            &actor,
            crate::label_w!(false, "word-actor"),
            crate::label_w!(true, "word-actor"),
        )?;
        // MH51_TODAY pins "today" for reproducible tests and examples.
        let today = match std::env::var("MH51_TODAY") {
            Ok(s) => crate::domain::types::parse_date_any(&s)?,
            Err(_) => chrono::Local::now().date_naive(),
        };
        Ok(App { db, vi, actor, today, key_file: cli.key_file.clone(), key: std::cell::OnceCell::new() })
    }

    pub fn ctx(&self) -> Ctx {
        let now = chrono::Local::now().naive_local();
        let at = if std::env::var("MH51_TODAY").is_ok() {
            format!("{}T{}", self.today.format("%Y-%m-%d"), now.format("%H:%M:%S"))
        } else {
            now.format("%Y-%m-%dT%H:%M:%S").to_string()
        };
        Ctx { stamp: Stamp { actor: self.actor.clone(), at }, today: self.today }
    }

    pub fn open(&self) -> Result<Connection> {
        let conn = self.open_quiet()?;
        self.warn_unfinished(&conn);
        Ok(conn)
    }

    /// [`App::open`] without the warning of an unfinished anonymisation (for `anonymise`,
    /// which finishes it).
    pub fn open_quiet(&self) -> Result<Connection> {
        let conn = db::open(&self.db, self.key()?.as_ref())?;
        ward_label(&conn)?;
        Ok(conn)
    }

    pub fn open_read(&self) -> Result<Connection> {
        let conn = db::open_read_only(&self.db, self.key()?.as_ref())?;
        ward_label(&conn)?;
        self.warn_unfinished(&conn);
        Ok(conn)
    }

    /// Say on stderr, when an anonymisation's scrub was interrupted, that old values may
    /// still be in the file and how to finish it (SPEC §16). Every command that opens the
    /// register calls this.
    pub fn warn_unfinished(&self, conn: &Connection) {
        if let Ok(Some(d)) = crate::domain::anonymise::unfinished(conn) {
            let (day, path) = (d.to_string(), self.db.display().to_string());
            let said = |vi: bool| crate::w!(vi, "anonymise-unfinished", day = &day, path = &path);
            self.say(&said(false), &said(true));
        }
    }

    /// The passphrase of the register when it is encrypted (read once, from the key file or
    /// the terminal); `None` for a plain register, which never asks.
    pub fn key(&self) -> Result<Option<db::Key>> {
        if !db::is_encrypted(&self.db)? {
            return Ok(None);
        }
        if let Some(k) = self.key.get() {
            return Ok(Some(k.clone()));
        }
        let k = protect::existing_key(self)?;
        Ok(Some(self.key.get_or_init(|| k).clone()))
    }

    /// Run one write in one IMMEDIATE transaction and print its result alone on stdout.
    pub fn write<T: std::fmt::Display>(&self, f: impl FnOnce(&Transaction, &Ctx) -> Result<T>) -> Result<()> {
        let mut conn = self.open()?;
        let ctx = self.ctx();
        let id = db::write(&mut conn, |tx| f(tx, &ctx))?;
        let mut out = std::io::stdout().lock();
        writeln!(out, "{}", crate::text::visible(&id.to_string()))?;
        Ok(())
    }

    /// [`App::write`], and on a terminal also say on stderr, in words, what was recorded
    /// (SPEC §17). The words are read inside the transaction; a failure to find them never
    /// undoes the write.
    pub fn write_said<T: std::fmt::Display>(
        &self,
        said: said::Said,
        f: impl FnOnce(&Transaction, &Ctx) -> Result<T>,
    ) -> Result<()> {
        let mut conn = self.open()?;
        let ctx = self.ctx();
        let tell = said::telling();
        let mut words = None;
        let id = db::write(&mut conn, |tx| {
            let id = f(tx, &ctx)?;
            if tell {
                words = said::describe(tx, self, said, &id.to_string()).ok().flatten();
            }
            Ok(id)
        })?;
        let mut out = std::io::stdout().lock();
        writeln!(out, "{id}")?;
        out.flush()?;
        if let Some(w) = words {
            eprintln!("{w}");
        }
        Ok(())
    }

    /// How output looks, values as stored (for `query`, whose columns are the user's SQL).
    pub fn style(&self, out: &Out) -> Style {
        let mut s = Style::new(self.vi, out.format, out.bom);
        // A table on a terminal is laid out for its width; in a file, piped, or with --wide,
        // every column keeps its natural width.
        if out.format == crate::cli::Format::Table && out.output.is_none() && !out.wide {
            s.width = output::terminal_width();
        }
        s.terminal = out.output.is_none() && output::stdout_is_terminal();
        s
    }

    /// How output looks for a person: tables name codes and show dates and figures in the
    /// reader's form (SPEC §11); CSV and JSON are unchanged.
    pub fn human_style(&self, conn: &Connection, out: &Out) -> Result<Style> {
        let mut s = self.style(out);
        if out.format == crate::cli::Format::Table {
            s.labels = Some(std::rc::Rc::new(crate::vocabulary::Vocabulary::new(crate::read::names(conn)?)));
        }
        Ok(s)
    }

    /// A sink for a read command's rows.
    pub fn sink(&self, out: &Out, columns: &[&str], title: Option<String>) -> Result<Sink<'static>> {
        self.human_sink_with(self.style(out), out, columns, title)
    }

    /// A sink for a read command's rows, shown to a person as [`App::human_style`] says.
    pub fn human_sink(
        &self,
        conn: &Connection,
        out: &Out,
        columns: &[&str],
        title: Option<String>,
    ) -> Result<Sink<'static>> {
        self.human_sink_with(self.human_style(conn, out)?, out, columns, title)
    }

    /// A sink with a given style (reports set what their group column holds); `-f xlsx` is
    /// refused here, as it is only for reports.
    pub fn human_sink_with(
        &self,
        style: Style,
        out: &Out,
        columns: &[&str],
        title: Option<String>,
    ) -> Result<Sink<'static>> {
        if out.format == crate::cli::Format::Xlsx {
            crate::refuse!("{}", crate::w!(false, "xlsx-reports-only"); "{}", crate::w!(true, "xlsx-reports-only"));
        }
        Sink::new(style, crate::paths::destination(out.output.as_deref())?, crate::report::view_of(columns), title)
    }

    /// A message for humans, on stderr.
    pub fn say(&self, en: &str, vi: &str) {
        eprintln!("{}", crate::text::visible(if self.vi { vi } else { en }));
    }

    /// A message for humans, on stderr, already in the reader's language (a text of the
    /// catalogue, made by `crate::w!` with `app.vi`).
    pub fn tell(&self, text: &str) {
        eprintln!("{}", crate::text::visible(text));
    }
}

/// The register's word for a ward, when it has one (SPEC §13), for headers and titles.
fn ward_label(conn: &Connection) -> Result<()> {
    if let Some(l) = crate::domain::lookup::setting(conn, "ward_label")? {
        crate::labels::set_ward_label(&l);
    }
    Ok(())
}

pub fn run(cli: Cli, vi: bool) -> Result<()> {
    // No page of a brief outlives a killed mh51 (SPEC §16).
    brief::sweep();
    let app = App::new(&cli, vi)?;
    db::set_stamp(app.ctx().stamp);
    let done = dispatch(&app, cli.command).map_err(|e| {
        // A page that fails its check after the file opened: the file is damaged (SPEC §16).
        if e.downcast_ref::<crate::domain::Refusal>().is_none()
            && db::is_sqlite_error(&e)
            && (db::is_damage(&e) || db::cipher_damaged(&app.db, app.key.get()))
        {
            return db::damaged(&app.db);
        }
        e
    });
    // Files of `-o` appear only now, whole, when the command succeeded; a failed command
    // leaves none (`crate::paths`).
    crate::paths::finish_outputs(done.is_ok())?;
    done
}

fn dispatch(app: &App, command: Command) -> Result<()> {
    match command {
        Command::Init { district, wards, quota, encrypt } => write::init(app, district, wards, quota, encrypt),
        Command::Ward(c) => wards::ward(app, c),
        Command::Org(c) => write::dict(app, crate::domain::lookup::Dict::Org, c),
        Command::Category(c) => write::dict(app, crate::domain::lookup::Dict::Category, c),
        Command::Member(c) => write::member(app, c),
        Command::Enroll(a) => write::enroll(app, a),
        Command::Assign { case, member, date } => app.write_said(said::Said::Assign, |tx, ctx| {
            crate::domain::cases::assign(tx, ctx, &case, &member, date.as_deref())
        }),
        Command::Review { case, class, date, by, note, again } => app.write_said(said::Said::Review, |tx, ctx| {
            crate::domain::cases::review_with(
                tx,
                ctx,
                &case,
                &class,
                date.as_deref(),
                by.as_deref(),
                note.as_deref(),
                again,
            )
        }),
        Command::Support { case, kind, amount, date, by, note, again } => {
            app.write_said(said::Said::Support, |tx, ctx| {
                crate::domain::cases::support_with(
                    tx,
                    ctx,
                    &case,
                    &kind,
                    amount.as_deref(),
                    date.as_deref(),
                    by.as_deref(),
                    note.as_deref(),
                    again,
                )
            })
        }
        Command::Void { what, id, reason } => write::void(app, what, &id, &reason),
        Command::Amend(c) => write::amend(app, c),
        Command::Release { case, reason, date, credit, note } => app.write_said(said::Said::Release, |tx, ctx| {
            crate::domain::cases::release(tx, ctx, &case, &reason, date.as_deref(), credit.as_deref(), note.as_deref())
        }),
        Command::Reopen { case } => {
            app.write_said(said::Said::Reopen, |tx, ctx| crate::domain::cases::reopen(tx, ctx, &case))
        }
        Command::Move { case, ward, date } => app.write_said(said::Said::Move, |tx, ctx| {
            crate::domain::wards::move_case(tx, ctx, &case, &ward, date.as_deref())
        }),
        Command::Settings { key, value, out } => wards::settings(app, key, value, &out),
        Command::Extract { ward, output } => wards::extract(app, &ward, &output),
        Command::Edit(a) => write::edit(app, a),
        Command::Show { case, out } => read::show(app, &case, &out),
        Command::List(a) => read::list(app, a),
        Command::Audit(a) => read::audit(app, a),
        Command::Key(crate::cli::KeyCmd::Show) => package::key_show(app),
        Command::Period(c) => package::period(app, c),
        Command::City(c) => upward::run(app, c),
        Command::Completions { shell } => {
            use clap::CommandFactory;
            clap_complete::generate(shell, &mut Cli::command(), "mh51", &mut std::io::stdout());
            Ok(())
        }
        Command::Report(c) => report::run(app, c),
        Command::Sheet { period, output, chromium, scope } => {
            sheet::run(app, period.as_deref(), &output, chromium.as_deref(), &scope)
        }
        Command::Import { what, file, dry_run, sheet } => import::import(app, what, &file, dry_run, sheet.as_deref()),
        Command::Export { what, redact, period, voided, out } => {
            export::export(app, what, redact, period.as_deref(), voided, &out)
        }
        Command::Query { sql, timeout, max_rows, out } => export::query(app, &sql, timeout, max_rows, &out),
        Command::Backup { dest } => safety::backup(app, &dest),
        Command::Check => safety::check(app),
        Command::Migrate => safety::migrate(app),
        Command::Encrypt => protect::encrypt(app),
        Command::Rekey { new_key_file } => protect::rekey(app, new_key_file.as_deref()),
        Command::Decrypt { output } => protect::decrypt(app, &output),
        Command::Anonymise { released_before: Some(d), dry_run, finish: false } => protect::anonymise(app, &d, dry_run),
        Command::Anonymise { .. } => protect::finish_anonymise(app),
        Command::Demo { size: Some(size @ (DemoSize::City | DemoSize::Small)) } => city::run(app, size),
        Command::Demo { .. } => import::demo(app),
    }
}
