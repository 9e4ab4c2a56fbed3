//! The README's and the clerk's guide's console examples are proofs: every command shown runs,
//! and every output line shown under it is what the command prints.
//!
//! The documents are `README.md` and every `docs/*.md` (found on disk, so a new guide file is
//! run without being listed here). Each document runs on its own, in a temp directory of its
//! own, in parallel with the others; a document that builds on another's register says so on
//! its first line, `<!-- needs: import.md day.md -->`, and those documents' steps run first in
//! the same directory. Every failure of every document is reported (a failing step does not
//! stop the rest of its document), so one broken example does not hide another.
//!
//! Convention: fenced blocks marked ```console hold a clerk's session. A line starting with
//! `$ ` is a command; the lines under it, up to the next command or the end of the block, are
//! its output: stdout and stderr together, interleaved as a terminal shows them. Commands run
//! in order through bash (the guide uses pipes, `$(…)`, variables and the example script,
//! which trycmd's own command runner does not), with the built `mh51` first on PATH, a clean
//! environment (English, actor `clerk`) and "today" pinned to 2023-06-30 (so the dates in the
//! guide stay valid).
//!
//! - A command must exit 0, unless its line ends with `# error`: then it must exit 1 and print
//!   an `error:` line.
//! - A command with no lines under it is not compared (its output is simply not shown).
//! - A command with lines under it must print exactly those lines, compared by snapbox (the
//!   matcher trycmd is built on): a line `...` on its own stands for any number of whole lines;
//!   every other line must be equal, character for character — so changing any figure shown
//!   makes `cargo test` fail (proved by `a_changed_figure_fails_the_comparison` below).
//!   Inline wildcards (`[..]`) are not used.
//!
//! Blocks marked ```sh (cargo commands, crontab lines) and plain ``` blocks are not run.

use std::path::Path;
use std::process::Command;

use snapbox::{Assert, Data};

use crate::util::bin;

/// One command of a console block and the output lines shown under it.
#[derive(Debug, PartialEq)]
struct Step {
    /// The README line of the command (1-based), for messages.
    line: usize,
    cmd: String,
    shown: Vec<String>,
}

/// The steps of every ```console block, in order.
fn console_steps(readme: &str) -> Vec<Step> {
    let mut out: Vec<Step> = Vec::new();
    let mut in_console = false;
    let mut in_block = false;
    for (i, line) in readme.lines().enumerate() {
        let t = line.trim_start();
        if t.starts_with("```") {
            if in_block {
                in_block = false;
                in_console = false;
            } else {
                in_block = true;
                in_console = t.trim_start_matches('`').trim() == "console";
            }
            continue;
        }
        if !in_console {
            continue;
        }
        if let Some(cmd) = line.strip_prefix("$ ") {
            out.push(Step { line: i + 1, cmd: cmd.to_string(), shown: Vec::new() });
        } else if let Some(step) = out.last_mut() {
            step.shown.push(line.to_string());
        }
    }
    out
}

/// Compare a command's real output with the lines shown (`...` elides whole lines).
fn compare(actual: &str, shown: &[String]) -> Result<(), String> {
    let mut expected = shown.join("\n");
    expected.push('\n');
    let mut actual = actual.to_string();
    if !actual.ends_with('\n') {
        actual.push('\n');
    }
    Assert::new()
        .palette(snapbox::report::Palette::plain())
        .try_eq(Some(&"real output"), Data::text(actual), Data::text(expected))
        .map_err(|e| e.to_string())
}

/// Run one step in `dir` through bash; returns (exit code, stdout and stderr interleaved).
fn run(dir: &Path, cmd: &str) -> (Option<i32>, String) {
    let bindir = bin().parent().expect("bin dir").to_path_buf();
    let o = Command::new("bash")
        .arg("-c")
        .arg(format!("set -o pipefail; {{ {cmd}\n}} 2>&1"))
        .env_clear()
        .env("PATH", format!("{}:{}", bindir.display(), std::env::var("PATH").unwrap_or_default()))
        .env("MH51_TODAY", "2023-06-30")
        .env("MH51_ACTOR", "clerk")
        .env("HOME", dir)
        .current_dir(dir)
        .output()
        .expect("bash");
    (o.status.code(), String::from_utf8_lossy(&o.stdout).into_owned())
}

/// Run one step and judge it: `None` when it did what the document says.
fn judge(dir: &Path, doc: &str, s: &Step) -> Option<String> {
    let (code, output) = run(dir, &s.cmd);
    let expect_error = s.cmd.trim_end().ends_with("# error");
    let at = format!("{doc}:{}: {}", s.line, s.cmd);
    if expect_error {
        if code != Some(1) || !output.contains("error:") {
            return Some(format!("{at}\nshould be refused (exit 1, `error:`); got {code:?}:\n{output}"));
        }
    } else if code != Some(0) {
        return Some(format!("{at}\nfailed ({code:?}):\n{output}"));
    }
    if !s.shown.is_empty() {
        if let Err(e) = compare(&output, &s.shown) {
            return Some(format!("{at}\nthe output shown differs from the real one:\n{e}"));
        }
    }
    None
}

/// Run every step in order in one directory; the first failure is returned.
fn check_steps(dir: &Path, steps: &[Step]) -> Result<(), String> {
    steps.iter().find_map(|s| judge(dir, "README.md", s)).map_or(Ok(()), Err)
}

/// Run every step of a document in order, going on after a failure; every failure is returned.
fn check_all(dir: &Path, doc: &str, steps: &[Step]) -> Vec<String> {
    steps.iter().filter_map(|s| judge(dir, doc, s)).collect()
}

/// The documents whose examples are run: README.md and docs/*.md, by name relative to the
/// repository.
fn documents(root: &str) -> Vec<String> {
    let mut docs: Vec<String> = std::fs::read_dir(format!("{root}/docs"))
        .expect("docs/")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".md"))
        .map(|n| format!("docs/{n}"))
        .collect();
    docs.sort();
    docs.insert(0, "README.md".to_string());
    docs
}

/// The documents a document builds on (`<!-- needs: a.md b.md -->` on its first line), as
/// paths relative to the repository, in the order given.
fn needs(doc: &str, text: &str) -> Vec<String> {
    let first = text.lines().next().unwrap_or("").trim();
    let Some(list) = first.strip_prefix("<!-- needs:").and_then(|r| r.strip_suffix("-->")) else {
        return Vec::new();
    };
    let dir = Path::new(doc).parent().map(|p| p.to_string_lossy().into_owned()).unwrap_or_default();
    list.split_whitespace().map(|n| if dir.is_empty() { n.to_string() } else { format!("{dir}/{n}") }).collect()
}

/// Run one document (after the ones it needs) in a fresh directory; its failures.
fn run_document(root: &str, doc: &str) -> Vec<String> {
    let read = |d: &str| std::fs::read_to_string(format!("{root}/{d}")).unwrap_or_else(|e| panic!("{d}: {e}"));
    let text = read(doc);
    let dir = tempfile::tempdir().expect("tempdir");
    // The example script and data are referenced relative to the repository.
    std::os::unix::fs::symlink(format!("{root}/examples"), dir.path().join("examples")).expect("symlink");
    let mut failures = Vec::new();
    for before in needs(doc, &text) {
        let steps = console_steps(&read(&before));
        for f in check_all(dir.path(), &before, &steps) {
            failures.push(format!("(setting up {doc}) {f}"));
        }
    }
    failures.extend(check_all(dir.path(), doc, &console_steps(&text)));
    failures
}

#[test]
fn every_example_of_the_readme_and_the_guide_runs_and_prints_what_it_shows() {
    let root = env!("CARGO_MANIFEST_DIR");
    let docs = documents(root);
    let mut total = 0;
    for d in &docs {
        let text = std::fs::read_to_string(format!("{root}/{d}")).expect("document");
        total += console_steps(&text).iter().filter(|s| !s.shown.is_empty()).count();
    }
    assert!(docs.len() >= 8, "the guide should have its files in docs/; found {docs:?}");
    assert!(total >= 40, "the guide should show real output; only {total} commands show any");
    // Each document in a thread of its own: they are independent (temp dirs of their own).
    let failures: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = docs.iter().map(|d| s.spawn(move || run_document(root, d))).collect();
        handles.into_iter().flat_map(|h| h.join().expect("document thread")).collect()
    });
    assert!(failures.is_empty(), "{} example(s) failed:\n\n{}", failures.len(), failures.join("\n\n"));
}

#[test]
fn a_document_names_the_documents_it_builds_on() {
    assert_eq!(needs("docs/brief.md", "<!-- needs: import.md day.md -->\n# Brief"), ["docs/import.md", "docs/day.md"]);
    assert!(needs("docs/day.md", "# A clerk's day\n<!-- needs: x.md -->").is_empty(), "only the first line counts");
    let docs = documents(env!("CARGO_MANIFEST_DIR"));
    assert!(docs.contains(&"docs/day.md".to_string()) && docs[0] == "README.md", "{docs:?}");
}

/// A README-like text: a session whose figures are right, then the same with one figure
/// changed, one line dropped, or a line added: each must fail.
#[test]
fn a_changed_figure_fails_the_comparison() {
    let good = "\
Some prose.

```console
$ printf 'group,opening,intake\\n5,3,1\\n10,2,0\\nTOTAL,5,1\\n'
group,opening,intake
...
TOTAL,5,1
$ echo created >&2; echo 2022-0001
created
2022-0001
$ false   # error
```

```sh
$ this is not run
```
";
    let steps = console_steps(good);
    assert_eq!(steps.len(), 3, "{steps:?}");
    assert_eq!(steps[0].shown, ["group,opening,intake", "...", "TOTAL,5,1"]);
    assert_eq!(steps[1].line, 8);
    let dir = tempfile::tempdir().expect("tempdir");
    // `false` exits 1 but prints no `error:`: the refused step itself fails...
    let err = check_steps(dir.path(), &steps).unwrap_err();
    assert!(err.contains("README.md:11: false"), "{err}");
    // ...so prove the comparison on the first two steps.
    check_steps(dir.path(), &steps[..2]).expect("the shown output is the real one");

    for (from, to) in [
        ("TOTAL,5,1\n$", "TOTAL,5,2\n$"),             // a changed figure
        ("TOTAL,5,1\n$", "TOTAL,5,1\nTOTAL,5,1\n$"),  // a line the command does not print
        ("created\n2022-0001", "2022-0001"),          // a line dropped (stderr is compared too)
        ("created\n2022-0001", "2022-0001\ncreated"), // the wrong order
        ("...\nTOTAL", "TOTAL"),                      // elision only where `...` says so
    ] {
        assert!(good.contains(from), "{from:?}");
        let bad = good.replacen(from, to, 1);
        let steps = console_steps(&bad);
        let err = check_steps(dir.path(), &steps[..2]).expect_err(&format!("{from:?} → {to:?} must fail"));
        assert!(err.contains("the output shown differs"), "{err}");
    }
}

/// The real guide with one District 6 figure changed (closing 263 → 264) fails at that line.
#[test]
fn the_real_guide_with_a_changed_figure_fails() {
    let root = env!("CARGO_MANIFEST_DIR");
    let readme = std::fs::read_to_string(format!("{root}/docs/import.md")).expect("docs/import.md");
    let from = "TOTAL,271,55,326,59,2,1,1,0,0,63,263\n";
    assert_eq!(readme.matches(from).count(), 1, "the guide shows the 2021 TOTAL line once");
    let bad = readme.replace(from, "TOTAL,271,55,326,59,2,1,1,0,0,63,264\n");
    // Only the steps up to the changed one need to run.
    let steps: Vec<Step> = console_steps(&bad);
    let upto = steps.iter().position(|s| s.shown.iter().any(|l| l.ends_with(",63,264"))).expect("changed step");
    let dir = tempfile::tempdir().expect("tempdir");
    std::os::unix::fs::symlink(format!("{root}/examples"), dir.path().join("examples")).expect("symlink");
    let err = check_steps(dir.path(), &steps[..=upto]).expect_err("a changed figure must fail");
    assert!(err.contains("report summary -p 2021") && err.contains("63,264"), "{err}");
}
