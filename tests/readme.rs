//! Every command shown in README.md works.
//!
//! Convention: fenced blocks marked ```console hold a clerk's session. Lines starting with
//! `$ ` are commands; they run in order, in one temp directory shared by all blocks, through
//! bash with the built `mh51` first on PATH and "today" pinned to 2023-06-30 (so the dates
//! in the README stay valid). A command must exit 0, unless its line ends with `# error`, in
//! which case it must exit 1 and print an `error:` line. Other lines are sample output and
//! are not compared. Blocks marked ```sh (cargo commands) are not run here.

use std::process::Command;

use crate::util::bin;

fn console_commands(readme: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_console = false;
    for line in readme.lines() {
        let t = line.trim_start();
        if t.starts_with("```") {
            in_console = !in_console && t.trim_start_matches('`').trim() == "console";
            continue;
        }
        if in_console {
            if let Some(cmd) = t.strip_prefix("$ ") {
                out.push(cmd.to_string());
            }
        }
    }
    out
}

#[test]
fn every_readme_command_works() {
    let root = env!("CARGO_MANIFEST_DIR");
    let readme = std::fs::read_to_string(format!("{root}/README.md")).expect("README.md");
    let cmds = console_commands(&readme);
    assert!(cmds.len() >= 10, "README should show a clerk's day; found {} commands", cmds.len());
    let dir = tempfile::tempdir().expect("tempdir");
    let bindir = bin().parent().expect("bin dir").to_path_buf();
    // The example script and data are referenced relative to the repository.
    std::os::unix::fs::symlink(format!("{root}/examples"), dir.path().join("examples")).expect("symlink");
    for cmd in cmds {
        let expect_error = cmd.trim_end().ends_with("# error");
        let o = Command::new("bash")
            .arg("-c")
            .arg(format!("set -o pipefail; {cmd}"))
            .env_clear()
            .env("PATH", format!("{}:{}", bindir.display(), std::env::var("PATH").unwrap_or_default()))
            .env("MH51_TODAY", "2023-06-30")
            .env("MH51_ACTOR", "clerk")
            .env("HOME", dir.path())
            .current_dir(dir.path())
            .output()
            .expect("bash");
        let stderr = String::from_utf8_lossy(&o.stderr);
        if expect_error {
            assert_eq!(o.status.code(), Some(1), "README command should be refused: {cmd}\n{stderr}");
            assert!(stderr.contains("error:"), "README command should print error: {cmd}\n{stderr}");
        } else {
            assert!(
                o.status.success(),
                "README command failed: {cmd}\nstdout: {}\nstderr: {stderr}",
                String::from_utf8_lossy(&o.stdout)
            );
        }
    }
}
