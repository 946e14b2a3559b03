//! The `greenify` command line. Exit status: 0 ok, 1 diagnostics with errors, 2 usage or I/O.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use greenify::emit::Backend;

#[derive(Parser)]
#[command(name = "greenify", version, about = "Make threaded Python run on MicroPython")]
struct Cli {
    /// green: rewrite blocking code to async on green threads; thread: keep code, use _thread.
    #[arg(long, value_enum, default_value = "green")]
    backend: Backend,
    /// Report problems only; write nothing. Exit status 1 when there are errors.
    #[arg(long)]
    check: bool,
    /// Folder holding the program.
    src: PathBuf,
    /// Folder to write (must not be inside SRC).
    out: PathBuf,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let opts = greenify::Options { src: cli.src, out: cli.out, backend: cli.backend, check: cli.check };
    match greenify::run(&opts) {
        Err(failure) => {
            eprintln!("greenify: error: {failure}");
            ExitCode::from(2)
        }
        Ok(outcome) => {
            for d in &outcome.diagnostics {
                eprint!("{}", d.render());
            }
            if outcome.has_errors() {
                let n = outcome.diagnostics.iter().filter(|d| d.is_error()).count();
                eprintln!("greenify: {n} error(s); nothing was written");
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
    }
}
