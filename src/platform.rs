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
