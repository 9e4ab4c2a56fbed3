//! `import` and `demo`: owned by the import work (issue 4).

use std::path::Path;

use anyhow::Result;

use super::App;
use crate::cli::{DemoSize, ImportWhat};

pub fn import(_app: &App, _what: ImportWhat, _file: &Path, _dry_run: bool) -> Result<()> {
    crate::refuse!("import is not available in this build yet"; "nhập dữ liệu chưa có trong bản này")
}

pub fn demo(_app: &App, _size: Option<DemoSize>) -> Result<()> {
    crate::refuse!("demo is not available in this build yet"; "demo chưa có trong bản này")
}
