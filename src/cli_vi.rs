//! The command line's help and usage errors in Vietnamese (SPEC §11: "`mh51 --help` and every
//! command's help are in the reader's language").
//!
//! `cli.rs` keeps clap's derive types with English doc comments. When the reader's language
//! is Vietnamese (known before parsing: `--lang`, else `MH51_LANG`, else `LANG`), `main` walks
//! the built command tree and replaces every about and help text by its translation from the
//! catalogue (`i18n/*/cli.ftl`, found by its English: [`vi_of`]); clap's own fixed words
//! ("Usage:", "Options:", "[default: …]", error sentences) are replaced in the rendered text
//! from the catalogue too (`i18n/*/clap.ftl`). A text with no translation
//! stays English — the unit test `every_help_text_is_translated` names each one.

use std::collections::HashMap;
use std::ffi::OsString;
use std::sync::OnceLock;

use clap::builder::StyledStr;
use clap::Command;

/// The catalogue's help texts (`i18n/en/cli.ftl`), whose ids are read from the file.
const EN_CLI: &str = include_str!("../i18n/en/cli.ftl");

/// The ids of the command tree's help texts, `cli-…`, in the catalogue's order.
pub fn help_ids() -> impl Iterator<Item = &'static str> {
    EN_CLI.lines().filter_map(|l| l.split_once(" =").map(|(id, _)| id)).filter(|id| id.starts_with("cli-"))
}

/// Every about/help text of the command tree, English (as clap holds it) and Vietnamese, from
/// the catalogue's `cli-*` messages; the longest English first (see [`clap_words`]).
fn help_pairs() -> &'static [(String, String)] {
    static PAIRS: OnceLock<Vec<(String, String)>> = OnceLock::new();
    PAIRS.get_or_init(|| {
        let mut v: Vec<(String, String)> =
            help_ids().map(|id| (crate::words::text(false, id, &[]), crate::words::text(true, id, &[]))).collect();
        v.sort_by_key(|(en, _)| std::cmp::Reverse(en.len()));
        v
    })
}

/// The Vietnamese of the English help text `en`, if the catalogue has it.
pub fn vi_of(en: &str) -> Option<&'static str> {
    static MAP: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    MAP.get_or_init(|| help_pairs().iter().map(|(e, v)| (e.as_str(), v.as_str())).collect()).get(en).copied()
}

/// clap's fixed English words in help and error messages and their Vietnamese, from the
/// catalogue (`i18n/*/clap.ftl`), applied in the catalogue's order to the rendered text.
fn clap_pairs() -> &'static [(String, String)] {
    static PAIRS: OnceLock<Vec<(String, String)>> = OnceLock::new();
    PAIRS.get_or_init(|| {
        include_str!("../i18n/en/clap.ftl")
            .lines()
            .filter_map(|l| l.split_once(" =").map(|(id, _)| id))
            .filter(|id| id.starts_with("clap-"))
            .map(|id| (crate::words::text(false, id, &[]), crate::words::text(true, id, &[])))
            .collect()
    })
}

/// Whether the reader's language is Vietnamese, from the raw arguments and environment, as
/// `main` decides it after parsing: `--lang vi|en` (anywhere before `--`), else `MH51_LANG`,
/// else `LANG` starting with `vi`.
pub fn peek_vi(args: &[OsString]) -> bool {
    let mut it = args.iter().skip(1).map(|a| a.to_string_lossy());
    let mut from_args = None;
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        if a == "--lang" {
            from_args = it.next().map(|v| v.to_string());
        } else if let Some(v) = a.strip_prefix("--lang=") {
            from_args = Some(v.to_string());
        }
    }
    let lang = from_args.or_else(|| std::env::var("MH51_LANG").ok());
    match lang.as_deref() {
        Some(l) if l.eq_ignore_ascii_case("vi") => true,
        Some(l) if l.eq_ignore_ascii_case("en") => false,
        _ => vi_from_locale(),
    }
}

/// Without `--lang` or `MH51_LANG`: Vietnamese when the locale (`LANG`) is (SPEC §4).
pub fn vi_from_locale() -> bool {
    std::env::var("LANG").is_ok_and(|l| l.starts_with("vi"))
}

fn tr(s: Option<&StyledStr>) -> Option<&'static str> {
    s.and_then(|t| vi_of(&t.to_string()))
}

/// The command tree with every about and help text in Vietnamese (those without a
/// translation stay English). The tree is built first so that clap's own `--help`,
/// `--version` and `help` are in it too.
pub fn translate(mut cmd: Command) -> Command {
    cmd.build();
    translate_built(cmd)
}

fn translate_built(mut cmd: Command) -> Command {
    if let Some(v) = tr(cmd.get_about()) {
        cmd = cmd.about(v);
    }
    if let Some(v) = tr(cmd.get_long_about()) {
        cmd = cmd.long_about(v);
    }
    let ids: Vec<clap::Id> = cmd.get_arguments().map(|a| a.get_id().clone()).collect();
    for id in ids {
        cmd = cmd.mut_arg(id, |mut a| {
            if let Some(v) = tr(a.get_help()) {
                a = a.help(v);
            }
            if let Some(v) = tr(a.get_long_help()) {
                a = a.long_help(v);
            }
            a
        });
    }
    let subs: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
    for name in subs {
        cmd = cmd.mut_subcommand(name, translate_built);
    }
    cmd
}

/// clap's own words in a rendered help or error, in Vietnamese.
pub fn clap_words(text: &str) -> String {
    let mut s = text.replace(&format!("{}:", crate::cli::GLOBAL), &crate::w!(true, "help-global-options"));
    for (en, vi) in clap_pairs() {
        s = s.replace(en, vi);
    }
    // Possible values' own help (`--help`) is not reachable through the tree: replace it
    // in the text.
    for (en, vi) in help_pairs() {
        s = s.replace(&format!(" {en}\n"), &format!(" {vi}\n"));
    }
    if !s.ends_with('\n') {
        s.push('\n');
    }
    s
}

/// Every about/help text of the tree (after build), with where it is, for the test below
/// and for translators.
pub fn texts(cmd: &Command) -> Vec<(String, String)> {
    let mut out = Vec::new();
    fn walk(cmd: &Command, path: &str, out: &mut Vec<(String, String)>) {
        let here = if path.is_empty() { cmd.get_name().to_string() } else { format!("{path} {}", cmd.get_name()) };
        for s in [cmd.get_about(), cmd.get_long_about()].into_iter().flatten() {
            out.push((here.clone(), s.to_string()));
        }
        for a in cmd.get_arguments() {
            for s in [a.get_help(), a.get_long_help()].into_iter().flatten() {
                out.push((format!("{here} {}", a.get_id()), s.to_string()));
            }
            for pv in a.get_possible_values() {
                if let Some(h) = pv.get_help() {
                    out.push((format!("{here} {} {}", a.get_id(), pv.get_name()), h.to_string()));
                }
            }
        }
        for s in cmd.get_subcommands() {
            walk(s, &here, out);
        }
    }
    walk(cmd, "", &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn every_help_text_is_translated() {
        let mut cmd = crate::cli::Cli::command();
        cmd.build();
        // One line per English text, with one place it is used.
        let mut missing: std::collections::BTreeMap<String, String> = std::collections::BTreeMap::new();
        for (at, en) in texts(&cmd) {
            if vi_of(&en).is_none() {
                missing.entry(en).or_insert(at);
            }
        }
        let missing: Vec<String> = missing.iter().map(|(en, at)| format!("{en:?} (at `{at}`)")).collect();
        assert!(
            missing.is_empty(),
            "help texts without a Vietnamese translation in i18n/*/cli.ftl:\n{}",
            missing.join("\n")
        );
    }

    /// Every help text of the catalogue is one the command tree shows (none unused), and is
    /// read back from the catalogue as it is written there (no id without a Vietnamese text).
    #[test]
    fn every_help_text_of_the_catalogue_is_used() {
        let mut cmd = crate::cli::Cli::command();
        cmd.build();
        let shown: std::collections::HashSet<String> = texts(&cmd).into_iter().map(|(_, t)| t).collect();
        let ids: Vec<&str> = help_ids().collect();
        assert!(ids.len() > 200, "the command line's help is in i18n/*/cli.ftl: {} ids", ids.len());
        for id in ids {
            let en = crate::words::text(false, id, &[]);
            assert!(shown.contains(&en), "{id} = {en:?} is not a help text of the command tree");
            let vi = crate::words::text(true, id, &[]);
            assert!(vi != en && vi != id, "{id}: no Vietnamese text");
        }
    }

    /// clap's words are all in the catalogue, in both languages, read back whole (a quoted
    /// literal keeps its spaces: " a similar value exists: ").
    #[test]
    fn clap_words_come_from_the_catalogue() {
        let pairs = clap_pairs();
        assert!(pairs.len() >= 37, "{} of clap's words in i18n/*/clap.ftl", pairs.len());
        for (en, vi) in pairs {
            assert!(!en.starts_with("clap-") && !vi.starts_with("clap-") && en != vi, "{en:?} → {vi:?}");
        }
        assert!(pairs.contains(&(" a similar value exists: ".to_string(), " có giá trị gần giống: ".to_string())));
        assert_eq!(clap_words("Usage: mh51 [OPTIONS]\n"), "Cách dùng: mh51 [TÙY CHỌN]\n");
    }

    /// Every command and every argument says what it is for (an empty help line is no help in
    /// either language).
    #[test]
    fn every_command_and_argument_has_help() {
        let mut cmd = crate::cli::Cli::command();
        cmd.build();
        let mut missing = Vec::new();
        fn walk(cmd: &Command, path: &str, missing: &mut Vec<String>) {
            let here = if path.is_empty() { cmd.get_name().to_string() } else { format!("{path} {}", cmd.get_name()) };
            if cmd.get_about().is_none() && !path.is_empty() {
                missing.push(here.clone());
            }
            for a in cmd.get_arguments() {
                if a.get_help().is_none() && a.get_long_help().is_none() {
                    missing.push(format!("{here} {}", a.get_id()));
                }
            }
            for s in cmd.get_subcommands() {
                walk(s, &here, missing);
            }
        }
        walk(&cmd, "", &mut missing);
        assert!(missing.is_empty(), "without help:\n{}", missing.join("\n"));
    }

    #[test]
    fn translated_tree_is_vietnamese() {
        let cmd = translate(crate::cli::Cli::command());
        let help = clap_words(&cmd.clone().render_help().to_string());
        assert!(help.contains("Cách dùng:") && help.contains("Lệnh:") && help.contains("Tùy chọn:"), "{help}");
        assert!(!help.contains("Usage:") && !help.contains("Options:"), "{help}");
    }

    #[test]
    fn language_is_peeked_from_the_arguments() {
        let a = |v: &[&str]| v.iter().map(OsString::from).collect::<Vec<_>>();
        assert!(peek_vi(&a(&["mh51", "--lang", "vi", "list"])));
        assert!(peek_vi(&a(&["mh51", "list", "--lang=vi"])));
        assert!(!peek_vi(&a(&["mh51", "--lang", "en", "list"])));
        assert!(!peek_vi(&a(&["mh51", "--lang", "vi", "--lang", "en", "list"])));
    }
}
