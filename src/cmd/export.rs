//! `export` and `query`: owned by the reports work (issue 3).

use std::path::PathBuf;

use anyhow::Result;

use super::App;
use crate::cli::{ExportWhat, Out};

pub fn export(_app: &App, _what: ExportWhat, _redact: bool, _out: &Out) -> Result<()> {
    crate::refuse!("export is not available in this build yet"; "xuất dữ liệu chưa có trong bản này")
}

pub fn query(_app: &App, _sql: &str, _out: &Out) -> Result<()> {
    let _ = PathBuf::new();
    crate::refuse!("query is not available in this build yet"; "truy vấn chưa có trong bản này")
}
