//! mh51: the register of the community 5+1 model. Parse, run, and turn an error into a
//! message and an exit code (0 success, 1 refused or failed, 2 usage — clap's own, 3 saved
//! but not finished: an anonymisation whose scrub could not finish, see docs/anonymise.md).
//!
//! The reader's language is peeked from the raw arguments before parsing, so that help and
//! usage errors are in Vietnamese too (`cli_vi`).

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};
use mh51::{cli, cli_vi, cmd, domain};

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let vi_help = cli_vi::peek_vi(&args);
    // The tree clap prints from: every command's examples after its help, in the reader's
    // language. Made only when something is to be printed (help, a usage error): a command
    // line that parses never shows it, and making it was a sixth of one write's work.
    let printed = || {
        let command = mh51::help::decorate(cli::Cli::command(), vi_help);
        if vi_help {
            cli_vi::translate(command)
        } else {
            command
        }
    };
    // `mh51` alone shows the help (SPEC §18), on stderr with exit 2 as clap's own "help
    // instead of a missing command" does — also when MH51_DB or MH51_LANG is set, which clap
    // would count as arguments given.
    if args.len() <= 1 {
        let help = printed().render_help();
        let terminal = std::io::stderr().is_terminal();
        let text = if terminal { help.ansi().to_string() } else { help.to_string() };
        let text = if vi_help { cli_vi::clap_words(&text) } else { text };
        let _ = std::io::stderr().write_all(text.as_bytes());
        return ExitCode::from(2);
    }
    let parse = |mut command: clap::Command| {
        let parsed = command.try_get_matches_from_mut(&args).and_then(|m| cli::Cli::from_arg_matches(&m));
        // The tree is not used again, and the process ends with the command: freeing its
        // thousands of small strings was a twelfth of one write's instructions.
        std::mem::forget(command);
        parsed
    };
    // The decorated tree differs only in its help texts, so it parses as the plain one does;
    // on any error (`--help` and `--version` are errors to clap) it is parsed again to print.
    let cli = match parse(cli::Cli::command()) {
        Ok(c) => c,
        Err(_) => match parse(printed()) {
            Ok(c) => c,
            Err(e) if vi_help => return clap_exit_vi(&e),
            Err(e) => e.exit(),
        },
    };
    let vi = match cli.lang {
        Some(l) => l == cli::Lang::Vi,
        None => cli_vi::vi_from_locale(),
    };
    // For the test that a command derives its key at most once (SPEC §14): the count on
    // stderr at exit, and SQLCipher's own log of how each connection was keyed.
    let count_kdf = switched_on("MH51_COUNT_KDF");
    if count_kdf {
        mh51::db::trace_key_derivation();
    }
    // For bench/encrypted.sh: how long this run spent deriving keys, so that the time beyond
    // the key derivation is measured per run, not estimated from another command's.
    let time_kdf = switched_on("MH51_KDF_TIME");
    // For bench/encrypted.sh: a run on a plain register that also derives one key (used for
    // nothing), the plain side of the comparison "beyond one key derivation".
    let bench_derive = switched_on("MH51_BENCH_DERIVE");
    let done = if bench_derive {
        mh51::db::Key::bench_derivation().and_then(|()| cmd::run(cli, vi))
    } else {
        cmd::run(cli, vi)
    };
    if count_kdf {
        eprintln!("mh51: key derivations: {}", mh51::db::Key::derivations());
    }
    if time_kdf {
        eprintln!("mh51: key derivation time: {} us", mh51::db::Key::derivation_micros());
    }
    match done {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            if let Some(u) = e.downcast_ref::<domain::error::Unfinished>() {
                eprintln!("error: {}", u.0.text(vi));
                return ExitCode::from(domain::error::Unfinished::EXIT);
            }
            match e.downcast_ref::<domain::Refusal>() {
                // A message may echo a stored or typed value: never a control character
                // to the terminal (SPEC §16).
                Some(r) => eprintln!("error: {}", mh51::text::visible(r.text(vi))),
                None => eprintln!("error: {}", mh51::text::visible(&format!("{e:#}"))),
            }
            ExitCode::from(1)
        }
    }
}

/// Help, version or a usage error, in Vietnamese: what `clap::Error::exit` does, with clap's
/// own words translated.
fn clap_exit_vi(e: &clap::Error) -> ExitCode {
    let styled = e.render();
    let to_stderr = e.use_stderr();
    let terminal = if to_stderr { std::io::stderr().is_terminal() } else { std::io::stdout().is_terminal() };
    let text = if terminal { styled.ansi().to_string() } else { styled.to_string() };
    let text = cli_vi::clap_words(&text);
    // A closed pipe (`mh51 --help | head`) is not worth a word.
    let _ = if to_stderr {
        std::io::stderr().write_all(text.as_bytes())
    } else {
        std::io::stdout().write_all(text.as_bytes())
    };
    ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2))
}

/// The reader closed the pipe (`mh51 export reviews | head`): nothing more to say, exit 0.
/// Writers that wrap the io::Error without exposing it as a source (csv, serde_json) are
/// looked into too.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == BrokenPipe)
            || c.downcast_ref::<csv::Error>()
                .is_some_and(|e| matches!(e.kind(), csv::ErrorKind::Io(io) if io.kind() == BrokenPipe))
            || c.downcast_ref::<serde_json::Error>().is_some_and(|j| j.io_error_kind() == Some(BrokenPipe))
    })
}

/// Whether the environment variable `name` is `1` (the switches for tests and benchmarks).
fn switched_on(name: &str) -> bool {
    std::env::var_os(name).is_some_and(|v| v == "1")
}
