//! Refusals: the one error type the rules raise.
//!
//! A refusal carries its message in English and Vietnamese, because the domain layer does
//! not know the user's language; `main` picks one. Every refusal names the bad value (only
//! what the user typed, never stored personal data) and says what would be accepted.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub en: String,
    pub vi: String,
}

impl Refusal {
    pub fn new(en: impl Into<String>, vi: impl Into<String>) -> Self {
        Refusal { en: en.into(), vi: vi.into() }
    }

    pub fn text(&self, vietnamese: bool) -> &str {
        if vietnamese {
            &self.vi
        } else {
            &self.en
        }
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en)
    }
}

impl std::error::Error for Refusal {}

/// A change that is saved but whose follow-up could not finish (an anonymisation whose scrub
/// failed): not a refusal — `main` exits with [`Unfinished::EXIT`], not 1, so a script can
/// tell a saved change from a refused one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unfinished(pub Refusal);

impl Unfinished {
    /// The exit status of a saved change whose follow-up could not finish.
    pub const EXIT: u8 = 3;
}

impl fmt::Display for Unfinished {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.en)
    }
}

impl std::error::Error for Unfinished {}

/// Return early with a refusal: `refuse!("en {}", x; "vi {}", x)`.
#[macro_export]
macro_rules! refuse {
    ($($en:expr),+ ; $($vi:expr),+) => {
        return Err($crate::domain::error::Refusal::new(format!($($en),+), format!($($vi),+)).into())
    };
}

/// Refuse with a message of the catalogue, in both languages:
/// `refuse_w!(ID, name = value, …)` (the id a literal, the arguments as [`crate::w!`] takes them;
/// `crate::words::both(en, vi)` for a word the caller has in both languages).
#[macro_export]
macro_rules! refuse_w {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        return Err($crate::refusal_w!($id $(, $name = $value)*).into())
    };
}

/// [`refuse_w!`] as a value (for `ok_or_else`).
#[macro_export]
macro_rules! refusal_w {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::domain::error::Refusal::new(
            $crate::words::text(false, $id, &[$((stringify!($name), $crate::words::Arg::from($value))),*]),
            $crate::words::text(true, $id, &[$((stringify!($name), $crate::words::Arg::from($value))),*]),
        )
    };
}

/// Build a refusal as a value (for `ok_or_else`).
#[macro_export]
macro_rules! refusal {
    ($($en:expr),+ ; $($vi:expr),+) => {
        $crate::domain::error::Refusal::new(format!($($en),+), format!($($vi),+))
    };
}
