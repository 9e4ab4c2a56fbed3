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
