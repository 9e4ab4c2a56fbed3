//! Tests: safety.
