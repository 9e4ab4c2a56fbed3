//! `report brief -p P -o FILE.html|FILE.pdf [--names] [--chromium PATH]`: gather the brief
//! from the reports, render the page, and write it as a new private file (SPEC §12).
//!
//! A PDF is the same page printed by a locally installed Chromium: the page is written to a
//! private temporary directory (0700, removed afterwards, with a fresh empty browser profile),
//! Chromium prints it there with networking extras off, and the PDF's bytes are copied into a
//! new 0600 file. Nothing is fetched: the page refers to nothing outside itself.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};

use super::App;
use crate::domain::types::Period;
use crate::paths::create_private;
use crate::report::brief;

/// How long a browser may take to print before it is stopped.
const PRINT_TIMEOUT: Duration = Duration::from_secs(120);

pub fn run(
    app: &App,
    period: Option<&str>,
    output: &Path,
    names: bool,
    chromium: Option<&Path>,
    scope: &crate::cli::Scope,
) -> Result<()> {
    let p = Period::parse(period, app.today)?;
    let ext = output.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    let pdf = match ext.as_deref() {
        Some("html" | "htm") => false,
        Some("pdf") => true,
        _ => crate::refuse_w!("brief-written-as-file", output = output.display().to_string()),
    };
    crate::paths::refuse_taken(output)?;
    // Find the browser before any work, so a missing one is said at once.
    let browser = if pdf { Some(find_chromium(chromium)?) } else { None };
    let conn = app.open_read()?;
    let scope = super::report::scope(&conn, scope)?;
    let mut b = brief::gather_scoped(&conn, p, names, &scope)?;
    // The part of the register the brief covers is said where the register is named.
    b.district.push_str(&super::report::scope_words(&scope, app.vi));
    let b = b;
    let html = brief::render::page(&b, app.vi);
    let bytes = match browser {
        None => html.into_bytes(),
        Some(browser) => print_pdf(&browser, &html)?,
    };
    // Written under a temporary name and put in place whole: a half-written brief is worse
    // than none, so a failure (or a kill) leaves nothing at `output` (`crate::paths`).
    let (file, mut f) = crate::paths::NewFile::create(output)?;
    f.write_all(&bytes).and_then(|()| f.sync_all()).with_context(|| format!("writing {}", output.display()))?;
    drop(f);
    file.commit()?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}", output.display())?;
    Ok(())
}

/// `--chromium PATH`, else the first browser found where it is normally installed
/// ([`crate::platform::browser_candidates`]: chromium, chromium-browser, google-chrome on
/// PATH on Unix; Google Chrome and Microsoft Edge in their standard folders on Windows).
pub(crate) fn find_chromium(given: Option<&Path>) -> Result<PathBuf> {
    if let Some(p) = given {
        if p.is_file() {
            return Ok(p.to_path_buf());
        }
        crate::refuse_w!("chromium-no-such-program", path = p.display().to_string(), example = EXAMPLE.to_string());
    }
    let candidates = crate::platform::browser_candidates(|v| std::env::var_os(v));
    if let Some(c) = candidates.into_iter().find(|c| c.is_file()) {
        return Ok(c);
    }
    if cfg!(windows) {
        crate::refuse_w!("no-microsoft-edge-google")
    }
    crate::refuse_w!("no-chromium-print-pdf")
}

/// An example `--chromium` path for this system.
const EXAMPLE: &str =
    if cfg!(windows) { r"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe" } else { "/usr/bin/chromium" };

/// The name of the brief's temporary directories begins so: `mh51-brief-PID-RANDOM`.
const TEMP_PREFIX: &str = "mh51-brief-";

/// Remove the brief's temporary directories (the page to print, which may hold names) left
/// by an mh51 that was killed while printing: every `mh51-brief-PID-…` in the temporary
/// folder whose process is gone. On Linux a process is alive while `/proc/PID` exists;
/// elsewhere (Windows), a directory older than an hour is taken as left behind (a print is
/// refused after two minutes). Run at the start of every command; errors are ignored
/// (another user's directory, one removed meanwhile).
pub fn sweep() {
    let Ok(entries) = std::fs::read_dir(std::env::temp_dir()) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(rest) = name.to_str().and_then(|n| n.strip_prefix(TEMP_PREFIX)) else {
            continue;
        };
        let Some(pid) = rest.split('-').next().and_then(|p| p.parse::<u32>().ok()) else {
            continue;
        };
        if pid == std::process::id() {
            continue;
        }
        // Linux only: under Wine (and so on Windows) `/proc` may be the Unix one, whose
        // process ids are not Windows'.
        let gone = if cfg!(target_os = "linux") {
            !Path::new(&format!("/proc/{pid}")).exists()
        } else {
            entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age > Duration::from_secs(3600))
        };
        if gone && entry.file_type().is_ok_and(|t| t.is_dir()) {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// Print `html` to PDF with `browser` in a private temporary directory; the PDF's bytes.
pub(crate) fn print_pdf(browser: &Path, html: &str) -> Result<Vec<u8>> {
    // tempfile creates the directory 0700; it is removed when `dir` drops, on every path but
    // a kill: its name carries this process's id, so the next mh51 removes it ([`sweep`]).
    let prefix = format!("{TEMP_PREFIX}{}-", std::process::id());
    let dir = tempfile::Builder::new().prefix(&prefix).tempdir().context("creating a temporary directory")?;
    let page = dir.path().join("brief.html");
    create_private(&page)?.write_all(html.as_bytes()).context("writing the page to print")?;
    let pdf = dir.path().join("brief.pdf");
    let profile = dir.path().join("profile");
    std::fs::create_dir(&profile).context("creating the browser profile")?;
    let log = dir.path().join("browser.log");
    let mut cmd = Command::new(browser);
    cmd.arg("--headless");
    if crate::platform::is_root() {
        cmd.arg("--no-sandbox");
    }
    cmd.args([
        "--disable-gpu",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--no-pdf-header-footer",
    ])
    .arg(format!("--user-data-dir={}", profile.display()))
    .arg(format!("--print-to-pdf={}", pdf.display()))
    .arg(crate::platform::file_url(&page))
    .stdin(Stdio::null())
    .stdout(Stdio::null())
    .stderr(create_private(&log)?);
    let mut child = cmd.spawn().with_context(|| format!("starting {}", browser.display()))?;
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().context("waiting for the browser")? {
            break s;
        }
        if start.elapsed() > PRINT_TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            crate::refuse_w!(
                "did-not-finish-printing",
                browser = browser.display().to_string(),
                print_timeout = PRINT_TIMEOUT.as_secs().to_string()
            );
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let bytes = std::fs::read(&pdf).ok().filter(|b| b.starts_with(b"%PDF"));
    match bytes {
        Some(b) if status.success() => Ok(b),
        _ => {
            let tail = std::fs::read_to_string(&log).unwrap_or_default();
            let tail: Vec<&str> = tail.lines().rev().take(5).collect();
            let tail: Vec<&str> = tail.into_iter().rev().collect();
            crate::refuse_w!(
                "brief-could-not-print",
                browser = browser.display().to_string(),
                status = status.to_string(),
                log = tail.join(" / ")
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_urls_are_encoded() {
        assert_eq!(crate::platform::file_url(Path::new("/tmp/a b/brief.html")), "file:///tmp/a%20b/brief.html");
        assert_eq!(crate::platform::file_url(Path::new("/tmp/x#y")), "file:///tmp/x%23y");
    }
}
