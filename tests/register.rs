//! Register tests.
