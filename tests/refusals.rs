//! Refusal tests.
