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

/// Build a refusal as a value (for `ok_or_else`).
#[macro_export]
macro_rules! refusal {
    ($($en:expr),+ ; $($vi:expr),+) => {
        $crate::domain::error::Refusal::new(format!($($en),+), format!($($vi),+))
    };
}
