//! `backup` and `check`: owned by the safety work (issue 5).

use std::path::Path;

use anyhow::Result;

use super::App;

pub fn backup(_app: &App, _dest: &Path) -> Result<()> {
    crate::refuse!("backup is not available in this build yet"; "sao lưu chưa có trong bản này")
}

pub fn check(_app: &App) -> Result<()> {
    crate::refuse!("check is not available in this build yet"; "kiểm tra chưa có trong bản này")
}
