//! mh51: the register of the community 5+1 model (mô hình 5+1).
//!
//! Data flows one way: `cli` (what the user typed) → `cmd` (resolve the environment) →
//! `domain` (rules, one transaction with its audit row) or `report` (SQL does the counting)
//! → `output` (table, CSV, JSON). `domain` and `report` never print, read the environment
//! or exit; `cli` and `output` never touch SQL.

pub mod audit;
pub mod check;
pub mod city;
pub mod cli;
pub mod cli_vi;
pub mod cmd;
pub mod db;
pub mod domain;
pub mod help;
pub mod human;
pub mod import;
pub mod labels;
pub mod output;
pub mod paths;
pub mod platform;
pub mod read;
pub mod report;
pub mod text;
pub mod upward;
pub mod view;
pub mod vocabulary;
pub mod words;
pub mod xlsx;
