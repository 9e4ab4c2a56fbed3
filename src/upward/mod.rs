//! The city register (SPEC §19 "The city"): the wards' signed packages in, verified against
//! the key each ward registered, and the city's figures added up from them — apart from the
//! ward register's domain, sharing only `db` (opening, keys, transactions), `audit` (the
//! hash chain), `output` and the package's own verification (`report::package::verify`).
//!
//! - [`store`]: the file of its own kind — create, open, refuse a ward's register.
//! - [`add`]: registering a unit, adding packages (all files of one command or none).
//! - [`reports`]: `city status` and `city report summary|quota|contacts`: the held packages'
//!   own figures, summed; nothing is counted from cases, as the city holds none.
//! - [`duplicates`]: linking tokens found in two or more units.
//! - [`check`]: the audit chain, every row against the audit row that wrote it, every
//!   package against its unit's key.
//! - [`brief`]: the city's brief page, with the ward brief's CSS and charts.
//!
//! Nothing here prints, reads the environment or exits (`cmd::upward` does).

pub mod add;
pub mod brief;
pub mod check;
pub mod duplicates;
pub mod reports;
pub mod store;

/// `PRAGMA application_id` of a city register: "M51C" in ASCII. A ward's register keeps 0.
pub const APPLICATION_ID: i32 = 0x4D35_3143;

/// The city register's schema, whole (there are no migrations yet: version 1).
pub const SCHEMA: &str = include_str!("city.sql");

/// The schema version this build writes for a city register.
pub const SCHEMA_VERSION: i64 = 1;

/// A refusal in both languages from one catalogue message, given as a closure of the language.
pub(crate) fn refused(said: impl Fn(bool) -> String) -> anyhow::Error {
    crate::domain::Refusal::new(said(false), said(true)).into()
}
