//! Tests: reports.
