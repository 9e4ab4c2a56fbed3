//! The rules of the register (SPEC §3), as functions over an open transaction.
//!
//! Every operation validates its input, refuses with a [`Refusal`] naming the bad value, and
//! writes its rows and its audit row through the connection it is given; the caller owns the
//! transaction (see `db::write`), so a refusal anywhere leaves nothing behind. The single
//! commands and `import` call the very same functions. Nothing here prints, reads the
//! environment or the clock: today's date and the actor arrive in [`Ctx`].

pub mod amount;
pub mod anonymise;
pub mod cases;
pub mod error;
pub mod extract;
pub mod ledger;
pub mod lookup;
pub mod members;
pub mod month;
pub mod preupdate;
pub mod register;
pub mod sent;
pub mod signing;
pub mod types;
pub mod wards;

use chrono::NaiveDate;

pub use error::Refusal;

use crate::audit::Stamp;

/// What every operation needs to know about the world: who acts, and what day it is.
#[derive(Debug, Clone)]
pub struct Ctx {
    pub stamp: Stamp,
    pub today: NaiveDate,
}
