//! mh51: the register of the community 5+1 model. Parse, run, and turn an error into a
//! message and an exit code (0 success, 1 refused or failed, 2 usage — clap's own).

use std::process::ExitCode;

use clap::Parser;
use mh51::{cli, cmd, domain};

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    let vi = match cli.lang {
        Some(l) => l == cli::Lang::Vi,
        None => std::env::var("LANG").is_ok_and(|l| l.starts_with("vi")),
    };
    match cmd::run(cli, vi) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            match e.downcast_ref::<domain::Refusal>() {
                Some(r) => eprintln!("error: {}", r.text(vi)),
                None => eprintln!("error: {e:#}"),
            }
            ExitCode::from(1)
        }
    }
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
