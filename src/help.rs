//! What `--help` ends with (SPEC §18, "Help a person can read"): two or three examples per
//! command, from the catalogue (`i18n/*/help.ftl`, message `examples-PATH`, PATH the command's
//! words joined by `-`: `examples-report-summary`), under the heading `help-examples`.
//! A command without such a message ends as clap writes it. Every example shown is run by the
//! test `words::every_example_in_the_help_runs` against the District 6 example, so none can
//! go stale.
//!
//! The global options' heading ([`crate::cli::GLOBAL`]) is put in the reader's language in
//! the rendered text (`cli_vi::clap_words`), from `help-global-options`.

use clap::Command;

/// The catalogue id of a command's examples.
pub fn examples_id(path: &[&str]) -> String {
    if path.is_empty() {
        "examples".to_string()
    } else {
        format!("examples-{}", path.join("-"))
    }
}

/// The examples of every command that has some, after its help, in the reader's language.
pub fn decorate(cmd: Command, vi: bool) -> Command {
    fn walk(mut cmd: Command, path: &mut Vec<String>, vi: bool) -> Command {
        let words: Vec<&str> = path.iter().map(String::as_str).collect();
        let id = examples_id(&words);
        if crate::words::has(&id) {
            let text = crate::words::text(vi, &id, &[]);
            let lines: Vec<String> = text.lines().map(|l| format!("  {}", l.trim())).collect();
            cmd = cmd.after_help(format!("{}\n{}", crate::w!(vi, "help-examples"), lines.join("\n")));
        }
        let names: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
        for name in names {
            path.push(name.clone());
            let mut p = path.clone();
            cmd = cmd.mut_subcommand(&name, |s| walk(s, &mut p, vi));
            path.pop();
        }
        cmd
    }
    walk(cmd, &mut Vec::new(), vi)
}

/// Every example of every command, with its command's path, for the test that runs them.
pub fn all_examples(cmd: &Command) -> Vec<(String, Vec<String>)> {
    fn walk(cmd: &Command, path: &mut Vec<String>, out: &mut Vec<(String, Vec<String>)>) {
        let words: Vec<&str> = path.iter().map(String::as_str).collect();
        let id = examples_id(&words);
        if crate::words::has(&id) {
            let text = crate::words::text(false, &id, &[]);
            out.push((id, text.lines().map(|l| l.trim().to_string()).filter(|l| !l.is_empty()).collect()));
        }
        for s in cmd.get_subcommands() {
            path.push(s.get_name().to_string());
            walk(s, path, out);
            path.pop();
        }
    }
    let mut out = Vec::new();
    walk(cmd, &mut Vec::new(), &mut out);
    out
}
