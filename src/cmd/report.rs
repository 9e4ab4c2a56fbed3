//! `report summary|quota|overdue`: owned by the reports work (issue 3).

use anyhow::Result;

use super::App;
use crate::cli::ReportCmd;

pub fn run(_app: &App, _c: ReportCmd) -> Result<()> {
    crate::refuse!("report is not available in this build yet"; "báo cáo chưa có trong bản này")
}
