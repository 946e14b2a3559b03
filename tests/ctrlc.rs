//! Ctrl-C and signals from outside: each program of tests/ctrlc/ runs on CPython as written (the
//! reference), greenified on MicroPython (green backend) and with `--backend thread` on
//! MicroPython. The harness waits for each line `ready` on the program's stdout, lets it reach
//! its blocking call, sends the next signal (SIGINT unless the program says otherwise), and at
//! the end compares stdout and the exit status with CPython's.
//!
//! Directives in a program's leading comments:
//!   `# ctrlc: backends=green`   which MicroPython backends to run (default green,thread)
//!   `# ctrlc: signals=2,15`     the signal sent after each `ready` line (default one SIGINT)
//!
//! The exit status is compared as a shell sees it: a process ended by signal N counts as 128+N
//! (CPython re-raises SIGINT on an uncaught KeyboardInterrupt; MicroPython exits 130 itself).
//! The children start with SIGINT and SIGTERM at their default disposition, whatever the test
//! runner inherited.
#![cfg(target_os = "linux")]

mod support;

use std::io::{BufRead, BufReader, Read};
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use support::*;

/// How long a program may take to print `ready`, and to end after the last signal.
const LIMIT: Duration = Duration::from_secs(30);
/// Time given to a program after `ready` to reach its blocking call.
const SETTLE: Duration = Duration::from_millis(400);

struct Spec {
    name: String,
    path: PathBuf,
    backends: Vec<String>,
    signals: Vec<i32>,
}

fn parse(path: &Path) -> Spec {
    let text = std::fs::read_to_string(path).expect("read program");
    let mut spec = Spec {
        name: path.file_name().unwrap_or_default().to_string_lossy().into_owned(),
        path: path.to_path_buf(),
        backends: vec!["green".into(), "thread".into()],
        signals: vec![libc::SIGINT],
    };
    for line in text.lines().take_while(|l| l.starts_with('#')) {
        let Some(rest) = line.strip_prefix("# ctrlc:") else { continue };
        let (key, value) = rest.trim().split_once('=').unwrap_or((rest.trim(), ""));
        match key {
            "backends" => spec.backends = value.split(',').map(|s| s.trim().to_string()).collect(),
            "signals" => spec.signals = value.split(',').map(|s| s.trim().parse().expect("signal number")).collect(),
            other => panic!("{}: unknown directive {other}", spec.name),
        }
    }
    spec
}

fn programs() -> Vec<Spec> {
    let dir = repo().join("tests/ctrlc");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/ctrlc")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    paths.sort();
    paths.iter().map(|p| parse(p)).collect()
}

/// What a run printed and how it ended.
#[derive(Debug, PartialEq)]
struct Ending {
    stdout: String,
    status: i32,
}

/// Runs `cmd`, sending `signals[i]` after the i-th `ready` line. Err: what went wrong.
fn run_with_signals(mut cmd: Command, signals: &[i32]) -> Result<(Ending, String), String> {
    cmd.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped()).env("PYTHONUNBUFFERED", "1");
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        cmd.pre_exec(|| {
            libc::signal(libc::SIGINT, libc::SIG_DFL);
            libc::signal(libc::SIGTERM, libc::SIG_DFL);
            Ok(())
        });
    }
    let mut child = cmd.spawn().map_err(|e| format!("cannot start: {e}"))?;
    let pid = child.id() as i32;
    let stdout = child.stdout.take().ok_or("no stdout")?;
    let mut stderr = child.stderr.take().ok_or("no stderr")?;
    let (tx, rx) = mpsc::channel::<String>();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let err_reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stderr.read_to_string(&mut s);
        s
    });
    let mut lines = Vec::new();
    let start = Instant::now();
    let mut problem = None;
    for &sig in signals {
        loop {
            let left = LIMIT.saturating_sub(start.elapsed());
            match rx.recv_timeout(left) {
                Ok(line) => {
                    let ready = line == "ready";
                    lines.push(line);
                    if ready {
                        break;
                    }
                }
                Err(_) => {
                    problem = Some(format!("no `ready` line within {LIMIT:?}"));
                    break;
                }
            }
        }
        if problem.is_some() {
            break;
        }
        std::thread::sleep(SETTLE);
        // SAFETY: a plain kill(2) of our own child.
        unsafe {
            libc::kill(pid, sig);
        }
    }
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if start.elapsed() > LIMIT * 2 => {
                let _ = child.kill();
                let _ = child.wait();
                problem.get_or_insert_with(|| "did not end after the signal".to_string());
                break None;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(e) => return Err(format!("wait: {e}")),
        }
    };
    let _ = reader.join();
    lines.extend(rx.try_iter());
    let stderr = err_reader.join().unwrap_or_default();
    if let Some(p) = problem {
        return Err(format!("{p}\n--- stdout\n{}\n--- stderr\n{stderr}", lines.join("\n")));
    }
    let status = status.map_or(-1, |s| s.code().unwrap_or_else(|| 128 + s.signal().unwrap_or(0)));
    let mut stdout = lines.join("\n");
    stdout.push('\n');
    Ok((Ending { stdout, status }, stderr))
}

/// Converts a program for `backend` into a scratch OUT; returns OUT.
fn convert(spec: &Spec, backend: &str, scratch: &Scratch) -> PathBuf {
    let src = scratch.path().join("src");
    let out = scratch.path().join("out");
    std::fs::create_dir_all(&src).expect("scratch src");
    std::fs::copy(&spec.path, src.join("main.py")).expect("copy program");
    let run = Command::new(greenify_bin()).args(["--backend", backend]).arg(&src).arg(&out).output().expect("run greenify");
    assert!(run.status.success(), "{} [{backend}]: greenify failed:\n{}", spec.name, String::from_utf8_lossy(&run.stderr));
    out
}

/// MicroPython prints an uncaught exception's traceback on stdout (CPython: stderr): the lines
/// from `Traceback (most recent call last):` to the exception line are dropped.
fn without_traceback(stdout: &str) -> String {
    let mut out = String::new();
    let mut in_tb = false;
    for line in stdout.lines() {
        if line == "Traceback (most recent call last):" {
            in_tb = true;
            continue;
        }
        if in_tb {
            if line.starts_with("  ") {
                continue;
            }
            in_tb = false;
            if line.starts_with("KeyboardInterrupt") {
                continue;
            }
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

fn check(spec: &Spec) -> Vec<String> {
    let mut problems = Vec::new();
    let mut reference = Command::new(python());
    reference.arg(&spec.path);
    let reference = match run_with_signals(reference, &spec.signals) {
        Ok((ending, _)) => ending,
        Err(e) => return vec![format!("{} [cpython]: {e}", spec.name)],
    };
    for backend in &spec.backends {
        let scratch = Scratch::new(&format!("ctrlc-{backend}-{}", spec.name.trim_end_matches(".py")));
        let out = convert(spec, backend, &scratch);
        let mut cmd = Command::new(micropython());
        cmd.arg("main.py").current_dir(&out);
        match run_with_signals(cmd, &spec.signals) {
            Ok((got, stderr)) => {
                let got = Ending { stdout: without_traceback(&got.stdout), status: got.status };
                if got != reference {
                    problems.push(format!(
                        "{} [{backend}]: differs from CPython\n--- CPython (status {})\n{}--- MicroPython {backend} (status {})\n{}--- stderr\n{stderr}",
                        spec.name, reference.status, reference.stdout, got.status, got.stdout
                    ));
                }
            }
            Err(e) => problems.push(format!("{} [{backend}]: {e}", spec.name)),
        }
    }
    problems
}

#[test]
fn ctrlc_programs_end_as_on_cpython() {
    micropython();
    let specs = programs();
    assert!(specs.len() >= 5, "tests/ctrlc has only {} programs", specs.len());
    let problems: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = specs.iter().map(|spec| s.spawn(move || check(spec))).collect();
        handles.into_iter().flat_map(|h| h.join().unwrap_or_else(|_| vec!["a check panicked".into()])).collect()
    });
    assert!(problems.is_empty(), "{} problem(s):\n\n{}", problems.len(), problems.join("\n\n"));
}

#[test]
fn the_reference_is_interrupted_for_real() {
    // The harness's own check: CPython's run of a program that catches KeyboardInterrupt does
    // print the handler's line (a signal that never arrived would make every backend agree).
    let spec = parse(&repo().join("tests/ctrlc/sleep_main.py"));
    let mut cmd = Command::new(python());
    cmd.arg(&spec.path);
    let (ending, stderr) = run_with_signals(cmd, &spec.signals).expect("reference run");
    assert!(ending.stdout.contains("KeyboardInterrupt in MainThread"), "{ending:?}\n{stderr}");
    assert_eq!(ending.status, 0, "{stderr}");
}
