//! "Say what was recorded" (SPEC §17): on a terminal, each write command also tells the clerk
//! on stderr, in words and in their language, what it recorded — the case number with the
//! person's name, the date (and whether it is today), the class, the member — so a mistyped
//! case number is seen at once. stdout still holds only the id.
//!
//! Shown only when stderr is a terminal (`MH51_ASSUME_TTY=1` forces it, for tests and the
//! docs); names go to the clerk's own screen, never to a log or a pipe.

use std::io::IsTerminal;

use anyhow::Result;
use rusqlite::Connection;

use super::App;
use crate::domain::types::from_iso;
use crate::read::{self, facts};
use crate::vocabulary::vocab;

/// Which write a message is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Said {
    Enroll,
    Assign,
    Review,
    Support,
    Release,
    Reopen,
    Move,
    Edit,
    MemberAdd,
    MemberEdit,
    MemberLeave,
    MemberMove,
    Void { review: bool },
    Amend { review: bool },
}

/// Whether writes should say what they recorded: stderr is a terminal.
pub fn telling() -> bool {
    std::env::var_os("MH51_ASSUME_TTY").is_some_and(|v| v == "1") || std::io::stderr().is_terminal()
}

struct Words<'a> {
    app: &'a App,
    names: crate::view::Names,
}

impl Words<'_> {
    fn vi(&self) -> bool {
        self.app.vi
    }

    /// `10/04/2022 (hôm nay)`, `2022-04-10 (today)`.
    fn date(&self, iso: &str) -> String {
        let Ok(d) = from_iso(iso) else { return iso.to_string() };
        let mut s = crate::human::table_date(d, self.vi());
        let today = self.app.today;
        if d == today {
            s.push_str(&format!(" {}", crate::w!(self.vi(), "said-today")));
        } else if Some(d) == today.pred_opt() {
            s.push_str(&format!(" {}", crate::w!(self.vi(), "said-yesterday")));
        }
        s
    }

    fn ward(&self, code: &str) -> String {
        let name = self.names.wards.get(code).cloned().unwrap_or_else(|| code.to_string());
        if name == code {
            format!("{} {code}", crate::w!(self.vi(), "said-ward"))
        } else {
            name
        }
    }

    fn org(&self, code: &str) -> String {
        self.names.orgs.get(code).cloned().unwrap_or_else(|| code.to_string())
    }

    fn member(&self, conn: &Connection, id: Option<i64>) -> Result<String> {
        let Some(id) = id else { return Ok(crate::w!(self.vi(), "said-no-member")) };
        let name = facts::member(conn, id)?.map(|m| m.name).unwrap_or_default();
        Ok(format!("{} {id} {name}", crate::w!(self.vi(), "said-member")))
    }

    fn case(&self, conn: &Connection, no: &str) -> Result<String> {
        let name = facts::case(conn, no)?.map(|c| c.name).unwrap_or_default();
        Ok(format!("{no} {name}"))
    }

    fn entry(&self, conn: &Connection, review: bool, e: &facts::Entry) -> Result<String> {
        let what = if review {
            format!("{} {}", crate::w!(self.vi(), "said-class"), e.code)
        } else {
            let mut k = vocab("kind", &e.code, self.vi()).to_lowercase();
            if let Some(a) = e.amount {
                k.push_str(&format!(" {}", crate::w!(self.vi(), "timeline-amount", amount = a)));
            }
            k
        };
        Ok(format!(
            "{}, {} {}, {what}, {}",
            self.case(conn, &e.case_no)?,
            crate::w!(self.vi(), "said-on"),
            self.date(&e.on),
            self.member(conn, e.member_id)?
        ))
    }
}

/// The sentence for what `said` recorded under `key` (a case number, member id or entry id).
pub fn describe(conn: &Connection, app: &App, said: Said, key: &str) -> Result<Option<String>> {
    let w = Words { app, names: read::names(conn)? };
    let id = key.parse::<i64>().ok();
    let text = match said {
        Said::Enroll | Said::Assign | Said::Release | Said::Reopen | Said::Move | Said::Edit => {
            let Some(c) = facts::case(conn, key)? else { return Ok(None) };
            let who = format!("{} {}", c.no, c.name);
            let member = c.member.as_ref().map(|m| m.0);
            match said {
                Said::Enroll => {
                    let category = w.names.categories.get(&c.category).cloned().unwrap_or(c.category.clone());
                    let mut s = format!(
                        "{} {who}: {}, {}, {} {}",
                        crate::w!(w.vi(), "said-enrolled-case"),
                        w.ward(&c.ward),
                        category,
                        crate::w!(w.vi(), "said-on"),
                        w.date(&c.enrolled_on)
                    );
                    if member.is_some() {
                        s.push_str(&format!(", {}", w.member(conn, member)?));
                    }
                    s
                }
                Said::Assign => {
                    let from = c.member.as_ref().map(|m| m.1.clone()).unwrap_or_default();
                    format!(
                        "{} {who} {} {}, {} {}",
                        crate::w!(w.vi(), "said-assigned-case"),
                        crate::w!(w.vi(), "said-to"),
                        w.member(conn, member)?,
                        crate::w!(w.vi(), "said-from"),
                        w.date(&from)
                    )
                }
                Said::Release => {
                    let reason = c.reason.as_deref().map(|r| vocab("reason", r, w.vi()).to_lowercase());
                    let mut s = format!(
                        "{} {who}, {} {}, {} {}",
                        crate::w!(w.vi(), "said-released-case"),
                        crate::w!(w.vi(), "said-on"),
                        w.date(c.released_on.as_deref().unwrap_or_default()),
                        crate::w!(w.vi(), "said-reason"),
                        reason.unwrap_or_default()
                    );
                    if c.credited.is_some() {
                        s.push_str(&format!(
                            ", {} {}",
                            crate::w!(w.vi(), "said-credited-to"),
                            w.member(conn, c.credited)?
                        ));
                    }
                    s
                }
                Said::Reopen => format!("{} {who}", crate::w!(w.vi(), "said-reopened-case")),
                Said::Move => format!(
                    "{} {who}: {} {}",
                    crate::w!(w.vi(), "said-moved-case"),
                    crate::w!(w.vi(), "said-now-in"),
                    w.ward(&c.ward)
                ),
                _ => format!("{} {who}", crate::w!(w.vi(), "said-corrected-case")),
            }
        }
        Said::MemberAdd | Said::MemberEdit | Said::MemberLeave | Said::MemberMove => {
            let Some(m) = id.map(|i| facts::member(conn, i)).transpose()?.flatten() else { return Ok(None) };
            let who = format!("{} {} ({}, {})", m.id, m.name, w.org(&m.org), w.ward(&m.ward));
            match said {
                Said::MemberAdd => format!(
                    "{} {who}, {} {}",
                    crate::w!(w.vi(), "said-added-member"),
                    crate::w!(w.vi(), "said-joined"),
                    w.date(&m.joined_on)
                ),
                Said::MemberLeave => format!(
                    "{} {who} {} {}",
                    crate::w!(w.vi(), "said-member"),
                    crate::w!(w.vi(), "said-leaves-last-day"),
                    w.date(m.left_on.as_deref().unwrap_or_default())
                ),
                Said::MemberMove => format!("{} {who}", crate::w!(w.vi(), "said-moved-member")),
                _ => format!("{} {who}", crate::w!(w.vi(), "said-corrected-member")),
            }
        }
        Said::Review | Said::Support | Said::Void { .. } | Said::Amend { .. } => {
            let review = match said {
                Said::Review => true,
                Said::Support => false,
                Said::Void { review } | Said::Amend { review } => review,
                _ => true,
            };
            let Some(e) = id.map(|i| facts::entry(conn, review, i)).transpose()?.flatten() else { return Ok(None) };
            let noun = if review { crate::w!(w.vi(), "said-contact") } else { crate::w!(w.vi(), "said-support") };
            let verb = match said {
                Said::Void { .. } => crate::w!(w.vi(), "said-voided"),
                Said::Amend { .. } => crate::w!(w.vi(), "said-corrected"),
                _ => crate::w!(w.vi(), "said-recorded"),
            };
            format!("{verb} {noun} {key}: {}", w.entry(conn, review, &e)?)
        }
    };
    Ok(Some(text))
}
