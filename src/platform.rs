//! What differs between Unix and other systems (the district offices run Windows), kept in one
//! place so the rest of the code compiles everywhere.
//!
//! - **File modes.** On Unix every file mh51 creates that holds personal data is created mode
//!   0600 (SPEC §8). Elsewhere there are no Unix modes: [`OpenOptionsExt::mode`] does nothing
//!   and a new file gets the access rights of the folder it is created in (on Windows, the
//!   ACL inherited from the folder: keep the register in the clerk's own profile folder, which
//!   other accounts cannot read).
//! - **The OS user** (the default `--actor`) is read from `/etc/passwd` on Unix when `USER`
//!   and `LOGNAME` are not set (as under cron); elsewhere from `USERNAME`.
//! - **Key files** (SPEC §14) are refused on Unix when their mode lets anyone but the owner
//!   read or write them; elsewhere there is no mode to check, and the key file must be kept in
//!   the clerk's own profile folder (the README says so).
//! - **Root** (Chromium's sandbox refuses it, so the brief's PDF printing turns it off only
//!   then) is uid 0 on Unix; elsewhere never.
//! - **`file://` URLs** for local pages: the path's bytes on Unix, `file:///C:/…` elsewhere.
//! - **The browser** that prints the brief's PDF, when no `--chromium` is given: on PATH on
//!   Unix; on Windows in the standard install folders of Google Chrome and Microsoft Edge
//!   (which every Windows 10 and 11 has), never on PATH (neither installer puts itself there).
//! - **A file held open** by another program: Windows refuses to replace or remove it
//!   (a sharing violation); [`held_open`] says whether an error is that.

use std::fs::OpenOptions;

/// `mode` for [`OpenOptions`] on every system: the Unix permission bits where there are
/// some, nothing elsewhere. Import this instead of `std::os::unix::fs::OpenOptionsExt`.
pub trait OpenOptionsExt {
    fn mode(&mut self, mode: u32) -> &mut Self;
}

impl OpenOptionsExt for OpenOptions {
    #[cfg(unix)]
    fn mode(&mut self, mode: u32) -> &mut Self {
        std::os::unix::fs::OpenOptionsExt::mode(self, mode)
    }

    #[cfg(not(unix))]
    fn mode(&mut self, _mode: u32) -> &mut Self {
        self
    }
}

/// The login name of the current user from the system, when the environment does not say.
#[cfg(unix)]
pub fn os_user() -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let uid = std::fs::metadata("/proc/self").ok()?.uid().to_string();
    let passwd = std::fs::read_to_string("/etc/passwd").ok()?;
    passwd.lines().find_map(|l| {
        let mut f = l.split(':');
        let name = f.next()?;
        (f.nth(1)? == uid).then(|| name.to_string())
    })
}

/// The login name of the current user from the system, when the environment does not say.
#[cfg(not(unix))]
pub fn os_user() -> Option<String> {
    std::env::var("USERNAME").ok()
}

/// The permission bits of a file that let others than its owner at it (`None`: private, or
/// no Unix modes on this system).
#[cfg(unix)]
pub fn open_to_others(meta: &std::fs::Metadata) -> Option<u32> {
    use std::os::unix::fs::PermissionsExt;
    let mode = meta.permissions().mode() & 0o777;
    (mode & 0o077 != 0).then_some(mode)
}

/// The permission bits of a file that let others than its owner at it (`None`: private, or
/// no Unix modes on this system).
#[cfg(not(unix))]
pub fn open_to_others(_meta: &std::fs::Metadata) -> Option<u32> {
    None
}

/// Whether this process runs as root.
#[cfg(unix)]
pub fn is_root() -> bool {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0)
}

/// Whether this process runs as root.
#[cfg(not(unix))]
pub fn is_root() -> bool {
    false
}

/// A `file://` URL for an absolute path, percent-encoding all but unreserved bytes and `/`.
pub fn file_url(p: &std::path::Path) -> String {
    #[cfg(unix)]
    let (prefix, bytes) = {
        use std::os::unix::ffi::OsStrExt;
        ("file://", p.as_os_str().as_bytes().to_vec())
    };
    #[cfg(not(unix))]
    let (prefix, bytes) = ("file:///", p.to_string_lossy().replace('\\', "/").into_bytes());
    let mut u = String::from(prefix);
    for b in bytes {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) || (cfg!(not(unix)) && b == b':') {
            u.push(b as char);
        } else {
            u.push_str(&format!("%{b:02X}"));
        }
    }
    u
}

/// Where a Chromium-family browser is normally installed on Windows, in the order tried:
/// Google Chrome (installed by the clerk for everyone, then for the clerk alone, then the
/// 32-bit one), then Microsoft Edge (64-bit folder first; Edge has lived under
/// `Program Files (x86)` since it came with Windows 10). `var` reads an environment variable.
#[cfg_attr(not(windows), allow(dead_code))]
pub fn windows_browsers(var: impl Fn(&str) -> Option<std::ffi::OsString>) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let mut add = |base: &str, parts: &[&str]| {
        if let Some(b) = var(base).filter(|b| !b.is_empty()) {
            out.push(parts.iter().fold(std::path::PathBuf::from(b), |p, s| p.join(s)));
        }
    };
    let chrome = ["Google", "Chrome", "Application", "chrome.exe"];
    let edge = ["Microsoft", "Edge", "Application", "msedge.exe"];
    add("ProgramFiles", &chrome);
    add("LocalAppData", &chrome);
    add("ProgramFiles(x86)", &chrome);
    add("ProgramFiles(x86)", &edge);
    add("ProgramFiles", &edge);
    out
}

/// The browsers to try for the brief's PDF, in order, when no `--chromium` is given.
#[cfg(windows)]
pub fn browser_candidates(var: impl Fn(&str) -> Option<std::ffi::OsString>) -> Vec<std::path::PathBuf> {
    windows_browsers(var)
}

/// The browsers to try for the brief's PDF, in order, when no `--chromium` is given.
#[cfg(not(windows))]
pub fn browser_candidates(var: impl Fn(&str) -> Option<std::ffi::OsString>) -> Vec<std::path::PathBuf> {
    let path = var("PATH").unwrap_or_default();
    let dirs: Vec<std::path::PathBuf> = std::env::split_paths(&path).collect();
    ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]
        .iter()
        .flat_map(|name| dirs.iter().map(move |d| d.join(name)))
        .collect()
}

/// Whether `e` is Windows refusing to replace, remove or open a file because another process
/// holds it open (ERROR_SHARING_VIOLATION 32, ERROR_LOCK_VIOLATION 33, or ERROR_ACCESS_DENIED
/// 5, which `MoveFileEx` returns when the target is open without delete sharing). Never on Unix,
/// where an open file can always be replaced.
pub fn held_open(e: &std::io::Error) -> bool {
    cfg!(windows) && matches!(e.raw_os_error(), Some(5 | 32 | 33))
}

#[cfg(test)]
mod browser_tests {
    use super::*;

    #[test]
    fn windows_browsers_are_looked_for_in_their_standard_folders() {
        let dir = tempfile::tempdir().unwrap();
        let pf = dir.path().join("Program Files");
        let pf86 = dir.path().join("Program Files (x86)");
        let local = dir.path().join("AppData").join("Local");
        let env = |v: &str| match v {
            "ProgramFiles" => Some(pf.clone().into_os_string()),
            "ProgramFiles(x86)" => Some(pf86.clone().into_os_string()),
            "LocalAppData" => Some(local.clone().into_os_string()),
            _ => None,
        };
        let edge = pf86.join("Microsoft").join("Edge").join("Application").join("msedge.exe");
        let user_chrome = local.join("Google").join("Chrome").join("Application").join("chrome.exe");
        let chrome = pf.join("Google").join("Chrome").join("Application").join("chrome.exe");
        let found = || windows_browsers(env).into_iter().find(|c| c.is_file());
        assert_eq!(found(), None, "nothing installed");
        for p in [&edge, &user_chrome, &chrome] {
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        }
        std::fs::write(&edge, b"MZ").unwrap();
        assert_eq!(found().as_ref(), Some(&edge), "Edge alone, as on a new Windows 10 or 11");
        std::fs::write(&user_chrome, b"MZ").unwrap();
        assert_eq!(found().as_ref(), Some(&user_chrome), "Chrome installed for the clerk alone");
        std::fs::write(&chrome, b"MZ").unwrap();
        assert_eq!(found().as_ref(), Some(&chrome), "Chrome installed for everyone");
        // An unset or empty variable adds nothing (no relative path is ever tried).
        let none = windows_browsers(|v| (v == "ProgramFiles").then(std::ffi::OsString::new));
        assert!(none.is_empty(), "{none:?}");
    }
}

/// A file's identity: device and inode on Unix, so a file renamed over another is told
/// apart from the one a connection opened. `None` elsewhere (std gives no stable file index
/// on Windows; a rename over an open file fails there anyway).
#[cfg(unix)]
pub fn file_id(meta: &std::fs::Metadata) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino()))
}

/// A file's identity: none on this system (see the Unix twin).
#[cfg(not(unix))]
pub fn file_id(_meta: &std::fs::Metadata) -> Option<(u64, u64)> {
    None
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn mode_sets_the_unix_permission_bits() {
        let dir = std::env::temp_dir().join(format!("mh51-platform-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("f");
        let _ = std::fs::remove_file(&p);
        OpenOptions::new().write(true).create_new(true).mode(0o600).open(&p).unwrap();
        assert_eq!(std::fs::metadata(&p).unwrap().permissions().mode() & 0o777, 0o600);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
