//! The runtime battery: tests/runtime/*.py, plain threaded programs organised by primitive,
//! written against CPython's threading/queue (the reference). Each program runs
//!   * on CPython as written (the reference output),
//!   * greenified (green backend) on MicroPython,
//!   * with `--backend thread` on MicroPython,
//!   * greenified on CPython (host testing of the green runtime).
//!
//! Every run must print the reference's stdout (idents and addresses normalised) and
//! exit with the expected status. A missing MicroPython is a failure (run scripts/setup.sh),
//! never a skip.
//!
//! Directives in a program's leading comments, one per line:
//!   `# battery: backends=green,host`  which runs to make (cpython, green, thread, host;
//!                                     default all); without cpython the expected stdout
//!                                     is given by `# expect: LINE` lines
//!   `# battery: status=3`             expected exit status (default 0)
//!   `# battery: stderr=TEXT`          green runs' stderr must contain TEXT
//!   `# battery: stderr-first-line`    first stderr line must equal CPython's
//!   `# battery: args=-X heapsize=1M`  extra MicroPython arguments
//!   `# battery: port`                 argv[1] is a free TCP port on 127.0.0.1 (new per run)

mod support;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};
use std::time::Duration;
use support::*;

const LIMIT: Duration = Duration::from_secs(90);

#[derive(Clone, Debug)]
struct Spec {
    path: PathBuf,
    name: String,
    backends: Vec<String>,
    status: i32,
    stderr: Vec<String>,
    stderr_first_line: bool,
    args: Vec<String>,
    port: bool,
    expect: Option<String>,
}

fn parse(path: &Path) -> Spec {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut spec = Spec {
        path: path.to_path_buf(),
        name: path.file_name().unwrap().to_string_lossy().into_owned(),
        backends: ["cpython", "green", "thread", "host"].map(String::from).to_vec(),
        status: 0,
        stderr: Vec::new(),
        stderr_first_line: false,
        args: Vec::new(),
        port: false,
        expect: None,
    };
    let mut expect = String::new();
    for line in text.lines().take_while(|l| l.starts_with('#')) {
        if let Some(e) = line.strip_prefix("# expect: ") {
            expect.push_str(e);
            expect.push('\n');
        }
        let Some(d) = line.strip_prefix("# battery: ") else { continue };
        let (key, value) = d.split_once('=').unwrap_or((d, ""));
        match key.trim() {
            "backends" => spec.backends = value.split(',').map(|s| s.trim().to_string()).collect(),
            "status" => spec.status = value.trim().parse().expect("status=N"),
            "stderr" => spec.stderr.push(value.to_string()),
            "stderr-first-line" => spec.stderr_first_line = true,
            "args" => spec.args = value.split_whitespace().map(String::from).collect(),
            "port" => spec.port = true,
            other => panic!("{}: unknown battery directive {other:?}", spec.name),
        }
    }
    if !expect.is_empty() {
        spec.expect = Some(expect);
    }
    assert!(
        spec.backends.iter().any(|b| b == "cpython") || spec.expect.is_some(),
        "{}: without a CPython run, `# expect:` lines must give the output",
        spec.name
    );
    spec
}

fn battery() -> Vec<Spec> {
    let dir = repo().join("tests/runtime");
    let mut progs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    progs.sort();
    assert!(!progs.is_empty(), "no programs in tests/runtime");
    progs.iter().map(|p| parse(p)).collect()
}

/// The program copied as `main.py` into a fresh source folder (the layout a user has).
fn source(spec: &Spec, tag: &str) -> (Scratch, PathBuf) {
    let scratch = Scratch::new(&format!("battery-{tag}-{}", spec.name.trim_end_matches(".py")));
    let src = scratch.path().join("src");
    std::fs::create_dir_all(&src).unwrap();
    std::fs::copy(&spec.path, src.join("main.py")).unwrap();
    (scratch, src)
}

/// What CPython printed for the original program.
#[derive(Clone, Debug)]
struct Reference {
    status: Option<i32>,
    stdout: String,
    stderr: String,
    timed_out: bool,
}

/// CPython's run of the original program, once per program for all tests of this file.
fn reference(spec: &Spec) -> Option<Reference> {
    if !spec.backends.iter().any(|b| b == "cpython") {
        return None;
    }
    static CACHE: OnceLock<Mutex<HashMap<String, Reference>>> = OnceLock::new();
    let cache = CACHE.get_or_init(|| Mutex::new(HashMap::new()));
    if let Some(r) = cache.lock().unwrap().get(&spec.name) {
        return Some(r.clone());
    }
    let (_scratch, src) = source(spec, "ref");
    let run = run_script(spec, "python", &src.join("main.py"));
    let r = Reference { status: run.status, stdout: run.stdout, stderr: run.stderr, timed_out: run.timed_out };
    cache.lock().unwrap().insert(spec.name.clone(), r.clone());
    Some(r)
}

/// MicroPython prints an uncaught exception's traceback on stdout (CPython: stderr): drop
/// that block ("Traceback ...", the indented frames, the exception line), keep the rest.
fn strip_traceback(stdout: &str) -> String {
    let mut out = String::new();
    let mut lines = stdout.lines();
    while let Some(line) = lines.next() {
        if line == "Traceback (most recent call last):" {
            for frame in lines.by_ref() {
                if !frame.starts_with("  ") {
                    break; // the exception line ends the block
                }
            }
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// A TCP port nobody listens on right now (the OS picks it; released before the run).
fn free_port() -> u16 {
    let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
    l.local_addr().expect("local_addr").port()
}

/// Runs `script` from its folder on CPython (`-u`) or MicroPython (with the spec's
/// interpreter arguments), passing a free port as argv[1] when the spec asks for one.
fn run_script(spec: &Spec, interp: &str, script: &Path) -> Run {
    let mut cmd = if interp == "python" {
        let mut c = std::process::Command::new(python());
        c.arg("-u");
        c
    } else {
        let mut c = std::process::Command::new(micropython());
        c.args(&spec.args);
        c
    };
    cmd.arg(script.file_name().expect("script file name"));
    if spec.port {
        cmd.arg(free_port().to_string());
    }
    cmd.current_dir(script.parent().expect("script folder"));
    run_with_timeout(cmd, LIMIT)
}

/// Checks one run against the spec (and the reference); returns the problems found.
fn check(spec: &Spec, backend: &str, run: &Run, reference: Option<&Reference>) -> Option<String> {
    let mut problems = Vec::new();
    if run.timed_out {
        problems.push(format!("timed out after {:?}", run.elapsed));
    }
    if run.status != Some(spec.status) {
        problems.push(format!("exit status {:?}, expected {}", run.status, spec.status));
    }
    let stdout = if backend == "host" { run.stdout.clone() } else { strip_traceback(&run.stdout) };
    let want = match (&spec.expect, reference) {
        (Some(e), _) => e.clone(),
        (None, Some(r)) => r.stdout.clone(),
        (None, None) => unreachable!("parse() requires one"),
    };
    if normalise(&want) != normalise(&stdout) {
        problems.push(format!("stdout differs\n--- expected\n{}--- got\n{}", normalise(&want), normalise(&stdout)));
    }
    if backend != "thread" {
        for s in &spec.stderr {
            if !run.stderr.contains(s.as_str()) {
                problems.push(format!("stderr lacks {s:?}"));
            }
        }
    }
    if backend != "thread" && spec.stderr.is_empty() && reference.is_some_and(|r| r.stderr.is_empty()) && !run.stderr.is_empty()
    {
        problems.push("stderr should be empty, as CPython's is".to_string());
    }
    if spec.stderr_first_line {
        let want = reference.and_then(|r| r.stderr.lines().next()).unwrap_or("");
        let got = run.stderr.lines().next().unwrap_or("");
        if want != got {
            problems.push(format!("first stderr line {got:?}, CPython's {want:?}"));
        }
    }
    if problems.is_empty() {
        None
    } else {
        Some(format!("{} [{backend}]: {}\n--- stderr\n{}", spec.name, problems.join("\n"), tail(&run.stderr)))
    }
}

fn tail(s: &str) -> String {
    let lines: Vec<&str> = s.lines().collect();
    let start = lines.len().saturating_sub(25);
    lines[start..].join("\n")
}

/// Runs the battery for one backend: "green", "thread" (MicroPython) or "host" (green on CPython).
fn run_backend(backend: &str) {
    if backend != "host" {
        micropython(); // fails at once, naming scripts/setup.sh, when MicroPython is missing
    }
    let specs = battery();
    let mut failures = Vec::new();
    let mut ran = 0;
    for spec in specs.iter().filter(|s| s.backends.iter().any(|b| b == backend)) {
        ran += 1;
        let reference = reference(spec);
        if let Some(r) = &reference {
            if r.status != Some(spec.status) || r.timed_out {
                failures.push(format!("{} [cpython]: reference run failed ({:?})\n{}", spec.name, r.status, r.stderr));
                continue;
            }
        }
        let (scratch, src) = source(spec, backend);
        let out = scratch.path().join("out");
        greenify(&src, &out, if backend == "thread" { "thread" } else { "green" });
        let main = out.join("main.py");
        let run = run_script(spec, if backend == "host" { "python" } else { "micropython" }, &main);
        if let Some(f) = check(spec, backend, &run, reference.as_ref()) {
            failures.push(f);
        }
    }
    assert!(ran > 0, "no battery program runs on {backend}");
    assert!(
        failures.is_empty(),
        "{} of {ran} battery programs fail on {backend}:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

/// The battery's own sanity: CPython runs every reference program as its spec says.
#[test]
fn battery_reference_runs_on_cpython() {
    let mut failures = Vec::new();
    for spec in battery() {
        if let Some(r) = reference(&spec) {
            if r.timed_out || r.status != Some(spec.status) {
                failures.push(format!("{}: status {:?}\n{}", spec.name, r.status, r.stderr));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn battery_green_on_micropython() {
    run_backend("green");
}

#[test]
fn battery_thread_backend_on_micropython() {
    run_backend("thread");
}

#[test]
fn battery_green_on_cpython() {
    run_backend("host");
}
