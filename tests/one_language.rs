//! SPEC §18, "one catalogue per language": Vietnamese output holds no English text and English
//! output no Vietnamese, for every command's help and a session of every command — the
//! `error:` prefix, command and option names, and the codes of CSV/JSON stay as they are.
//!
//! The session is every example every command's help shows (`src/help.rs`: each command has
//! two or three, and they run on the District 6 example), run once in each language, plus a
//! refusal of each kind a clerk meets most (a bad value, an unknown case, a bad period, a file
//! that exists, a missing register). What counts as a word of the other language is decided
//! from the catalogues themselves, independently of the code: a word of three letters or more
//! that the English catalogue uses and the Vietnamese one never does is English (and the
//! reverse), so words both use (SQLite, PDF, mh51, codes quoted in both) are not counted.
//! Not looked at: what is between backticks (commands to type), option names (`--…`), the
//! command path after `mh51`, and the stdout of CSV/JSON output and `query` (codes, by SPEC).
//! In English, a Vietnamese gloss in parentheses (`Wards (phường)`) is the help's design and
//! the register's own data (names, wards, notes) is not the program's words.

use crate::util::{bash_in, dump, Env};
use std::collections::BTreeSet;
use std::path::Path;

/// The words (three letters or more) of a language's catalogue, lower-cased, from the values
/// of its messages (comments and ids left out).
fn catalogue_words(lang: &str) -> BTreeSet<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("i18n").join(lang);
    let mut out = BTreeSet::new();
    for e in std::fs::read_dir(&dir).unwrap() {
        let text = std::fs::read_to_string(e.unwrap().path()).unwrap();
        for line in text.lines() {
            let t = line.trim_start();
            if t.starts_with('#') {
                continue;
            }
            // `id = value`: only the value; a continuation line is all value.
            let value = match (line.starts_with(' '), line.split_once(" = ")) {
                (false, Some((_, v))) => v,
                (false, None) => continue,
                (true, _) => t,
            };
            // Variables and selectors are not words of the language.
            let value = strip_between(value, '{', '}');
            out.extend(words(&value));
        }
    }
    out
}

/// The text with every `open…close` span removed (non-nested is enough here).
fn strip_between(s: &str, open: char, close: char) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in s.chars() {
        if c == open {
            depth += 1;
            out.push(' ');
        } else if c == close && depth > 0 {
            depth -= 1;
        } else if depth == 0 {
            out.push(c);
        }
    }
    out
}

/// Runs of letters (Unicode), with `_` and digits inside a word keeping it whole (`case_no`
/// is a code, not "case"), three letters or more, lower-cased.
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| w.chars().count() >= 3 && w.chars().all(char::is_alphabetic))
        .map(str::to_lowercase)
        .collect()
}

/// A value the user typed, quoted as `'…'` in a message (an apostrophe inside a word, as in
/// "month's", is not a quote).
fn strip_quoted(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let opens = chars[i] == '\'' && (i == 0 || !chars[i - 1].is_alphanumeric());
        let close =
            (i + 1..chars.len()).find(|&j| chars[j] == '\'' && chars.get(j + 1).is_none_or(|c| !c.is_alphanumeric()));
        match (opens, close) {
            (true, Some(j)) => {
                out.push(' ');
                i = j + 1;
            }
            _ => {
                out.push(chars[i]);
                i += 1;
            }
        }
    }
    out
}

/// A code or a name to type, in the help's layout: a command in the list of commands
/// (`  void   Hủy …`) or a value in the list of values (`- reviews: …`).
fn is_code(tok: &str) -> bool {
    let t = tok.trim_end_matches(':');
    !t.is_empty() && t.chars().all(|c| c.is_ascii_lowercase() || c == '-')
}

/// What of a text the check reads: backticked spans, option names and their `<VALUE>`,
/// clap's `[…]` notes (defaults, values), values the user typed (`'…'`), the command after
/// `mh51`, commands and values listed by the help, and the `error:` prefix taken out.
fn readable(text: &str) -> String {
    let text = strip_quoted(&strip_between(&strip_between(&strip_between(text, '`', '`'), '<', '>'), '[', ']'));
    let mut out = String::new();
    for line in text.lines() {
        let line = line.strip_prefix("error: ").unwrap_or(line);
        let indented = line.starts_with("  ");
        let mut toks: Vec<&str> = line.split(' ').collect();
        // The first word of an indented line followed by two spaces or nothing: a command
        // of the list; after `- `: a value of the list.
        let first = toks.iter().position(|t| !t.is_empty());
        if let Some(f) = first {
            if toks[f] == "-" && toks.get(f + 1).is_some_and(|t| is_code(t)) {
                toks[f + 1] = "";
            } else if indented && is_code(toks[f]) && toks.get(f + 1).is_none_or(|t| t.is_empty()) {
                toks[f] = "";
            }
        }
        let mut after_mh51 = false;
        for tok in toks {
            if tok == "mh51" || tok.ends_with("mh51") || tok.ends_with("mh51.exe") {
                after_mh51 = true;
                continue;
            }
            // The command's path: lower-case words right after `mh51`.
            if after_mh51 && !tok.is_empty() && tok.chars().all(|c| c.is_ascii_lowercase() || c == '-') {
                continue;
            }
            after_mh51 = false;
            if tok.trim_start_matches(['(', '[', '\'', '"']).starts_with('-') {
                continue;
            }
            out.push_str(tok);
            out.push(' ');
        }
        out.push('\n');
    }
    out
}

/// Every command path of the command line (`[]`, `["report"]`, `["report", "summary"]`, …).
fn command_paths() -> Vec<Vec<String>> {
    use clap::CommandFactory;
    fn walk(cmd: &clap::Command, path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
        out.push(path.clone());
        for s in cmd.get_subcommands() {
            if s.get_name() == "help" {
                continue;
            }
            path.push(s.get_name().to_string());
            walk(s, path, out);
            path.pop();
        }
    }
    let mut out = Vec::new();
    walk(&mh51::cli::Cli::command(), &mut Vec::new(), &mut out);
    out
}

/// One thing said: the command, and the text the check reads of its output.
struct Said {
    line: String,
    text: String,
}

/// Run `line` through bash in `dir` (which holds the District 6 example as `mh51.db`), in
/// `lang`; what it printed, less the stdout of machine formats.
fn run(dir: &Path, lang: &str, line: &str) -> Said {
    let o = bash_in(dir, line, &[("MH51_LANG", lang), ("COLUMNS", "100")]);
    let machine = ["-f csv", "-f json", "--format csv", "--format json", "mh51 query", "completions", "key show"]
        .iter()
        .any(|m| line.contains(m))
        || line.starts_with("mh51 export");
    let mut text = String::new();
    if !machine {
        text.push_str(&String::from_utf8_lossy(&o.stdout));
    }
    text.push_str(&String::from_utf8_lossy(&o.stderr));
    Said { line: line.to_string(), text }
}

/// The session in one language: every command's help, every example, and the refusals.
fn session(demo: &Path, lang: &str) -> Vec<Said> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(demo, dir.path().join("mh51.db")).unwrap();
    let mut said = Vec::new();
    for path in command_paths() {
        said.push(run(dir.path(), lang, &format!("mh51 {} --help", path.join(" "))));
    }
    for (_, lines) in mh51::help::all_examples(&{
        use clap::CommandFactory;
        mh51::cli::Cli::command()
    }) {
        for line in lines {
            said.push(run(dir.path(), lang, &line));
        }
    }
    for line in [
        "mh51 enroll 'Lê Văn Tư' --ward 99 --category prison --date 2023-06-01",
        "mh51 enroll 'Lê Văn Tư' --ward 5 --category nothing --date 2023-06-01",
        "mh51 support 2016-0001 --kind moon --date 2023-06-01",
        "mh51 release 2099-0001 --reason progressed --date 2023-06-01",
        "mh51 release 2016-0001 --reason away --date 2023-06-01",
        "mh51 review 2016-0001 --class E --date 2023-06-01",
        "mh51 report summary -p sometime",
        "mh51 list --status nowhere",
        "mh51 member add 'Trần Văn Mới' --org XYZ --ward 5 --joined 2020-01-01",
        "mh51 backup mh51.db",
        "mh51 report summary -p 2022 -f xlsx",
        "mh51 --db missing.db list",
        "mh51 check",
        "mh51 audit verify",
        "mh51 import cases nothing.csv",
    ] {
        said.push(run(dir.path(), lang, line));
    }
    said
}

#[test]
fn vietnamese_output_holds_no_english_and_english_none_of_vietnamese() {
    let en = catalogue_words("en");
    let vi = catalogue_words("vi");
    let english: BTreeSet<&String> = en.difference(&vi).collect();
    let vietnamese: BTreeSet<&String> = vi.difference(&en).collect();
    assert!(english.len() > 500 && vietnamese.len() > 300, "{} {}", english.len(), vietnamese.len());

    let demo = Env::empty();
    demo.ok(&["demo"]);
    // The register's own words (names, wards, notes, the district): data, not the program's.
    let data: BTreeSet<String> = words(&dump(&demo.db)).into_iter().collect();

    let mut found = Vec::new();
    let (vi_said, en_said) = (session(&demo.db, "vi"), session(&demo.db, "en"));
    // The sessions are real: every command's help and its examples ran and said something,
    // in their language.
    for (said, word) in [(&vi_said, "được"), (&en_said, "whose")] {
        assert!(said.len() > 100, "{}", said.len());
        assert!(said.iter().filter(|s| words(&s.text).iter().any(|w| w == word)).count() > 5, "{word}");
    }
    for s in vi_said {
        let bad: BTreeSet<String> =
            words(&readable(&s.text)).into_iter().filter(|w| english.contains(w) && !data.contains(w)).collect();
        if !bad.is_empty() {
            found.push(format!("vi `{}`: English {:?}", s.line, bad));
        }
    }
    for s in en_said {
        let text = strip_between(&readable(&s.text), '(', ')');
        let bad: BTreeSet<String> =
            words(&text).into_iter().filter(|w| vietnamese.contains(w) && !data.contains(w)).collect();
        if !bad.is_empty() {
            found.push(format!("en `{}`: Vietnamese {:?}", s.line, bad));
        }
    }
    assert!(found.is_empty(), "{} outputs hold words of the other language:\n{}", found.len(), found.join("\n"));
}

/// The check itself can fail: an English word in Vietnamese output, or a Vietnamese word in
/// English output, is found; backticks, options and data are not.
#[test]
fn the_language_check_finds_a_word_of_the_other_language() {
    let en = catalogue_words("en");
    let vi = catalogue_words("vi");
    assert!(en.contains("whose") && !vi.contains("whose"));
    assert!(vi.contains("được") && !en.contains("được"));
    let read = words(&readable("error: hồ sơ đã whose; hãy chạy `mh51 list --status whose` --whose 'whose' [whose]"));
    assert_eq!(read.iter().filter(|w| *w == "whose").count(), 1, "{read:?}");
    // A command listed by the help is a name to type; a sentence after it is read.
    assert_eq!(words(&readable("  void   whose\n")), vec!["whose".to_string()]);
    assert_eq!(
        words(&readable("          - reviews:  A month's sheet\n")),
        vec!["month".to_string(), "sheet".to_string()]
    );
    assert!(!words(&readable("mh51 report summary -p 2022")).contains(&"summary".to_string()));
    // A code with `_` is one token, not a word: `case_no` is not "case".
    assert_eq!(words("case_no progressed"), vec!["progressed".to_string()]);
}
