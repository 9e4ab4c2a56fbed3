//! The one test binary: end-to-end tests through the real `mh51` binary, by area, plus
//! property tests that drive the library directly.

#![allow(clippy::unwrap_used)]

mod util;

mod audit;
mod brief;
mod demo;
mod export;
mod human;
mod import;
mod props;
mod protect;
mod readme;
mod refusals;
mod register;
mod reports;
mod safety;
mod scale;
mod wards;
mod words;
mod workbook;
