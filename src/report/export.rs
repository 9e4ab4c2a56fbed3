//! Exports and ad-hoc queries (SPEC §7): filled in below.
