//! The one test binary: end-to-end tests through the real `mh51` binary, by area, plus
//! property tests that drive the library directly.

#![allow(clippy::unwrap_used)]

mod util;

mod anonymise;
mod audit;
mod brief;
mod city;
mod demo;
mod document;
mod export;
mod files;
mod human;
mod import;
mod input;
mod kdf;
mod ledger;
mod month;
mod one_language;
mod package;
mod props;
mod protect;
mod readme;
mod refusals;
mod register;
mod reports;
mod safety;
mod scale;
mod sent;
mod sheet;
mod sheet_out;
mod wards;
mod windows;
mod words;
mod workbook;
