//! The sweep: greenify over a large body of real Python no one here wrote, the CPython standard
//! library on this machine (`sysconfig.get_paths()['stdlib']`, all `.py` files, the third-party
//! `site-packages` left out), with the green backend:
//!
//! * as one program, through the `greenify` binary: it reports errors (the library has files
//!   that do not parse on purpose, and its own `threading.py`/`queue.py`), so it must exit 1 and
//!   write nothing at all (not even a staging folder);
//! * as one program and file by file through the library (in memory, in parallel), checking
//!   each output: it parses again, keeps every line at its number, greenify changes nothing more
//!   when run on it, and files without anything that can block or start a thread are untouched;
//! * every changed output compiles with CPython (one `python3` process compiles them all).
//!
//! Never panicking is checked throughout: a panic fails the test naming the file; so does an
//! internal error (GY999), and a run over the whole library that seems hung (see `limit`).
//! Timings of each phase are printed (`cargo test --release --test sweep -- --nocapture`). A debug build sweeps
//! a sample (see SAMPLE).

mod support;

use std::collections::BTreeMap;
use std::fs;
use std::io::Write as _;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use greenify::diag::Code;
use greenify::emit::Backend;
use greenify::parse::split_lines;
use greenify::project::{self, Program};
use greenify::work::{self, parallel_map};

use support::lines::{kept_in, lines_kept};

/// Where the library of the running `python3` is.
fn stdlib() -> PathBuf {
    let out = Command::new("python3")
        .args(["-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"])
        .output()
        .expect("python3 is needed for the sweep");
    assert!(out.status.success(), "python3 failed: {}", String::from_utf8_lossy(&out.stderr));
    PathBuf::from(String::from_utf8_lossy(&out.stdout).trim())
}

/// A debug build parses about ten times slower: it sweeps every SAMPLE-th file only (and says
/// so); the project's test command (`cargo test --release`) sweeps them all.
const SAMPLE: usize = if cfg!(debug_assertions) { 10 } else { 1 };

/// The `.py` files of the standard library (path relative to it, bytes).
fn stdlib_sources(root: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let exclude = [PathBuf::from("site-packages"), PathBuf::from("dist-packages")];
    let tree = project::scan(root, &exclude).expect("the standard library can be listed");
    let files = tree.python_files.into_iter().step_by(SAMPLE).collect();
    parallel_map(files, |rel| {
        let bytes = fs::read(root.join(&rel)).unwrap_or_else(|e| panic!("{}: {e}", rel.display()));
        (rel, bytes)
    })
}

/// A scratch folder under cargo's target dir, emptied first.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

/// What went wrong, per check, with the files concerned.
#[derive(Default)]
struct Findings(BTreeMap<&'static str, Vec<String>>);

impl Findings {
    fn add(&mut self, check: &'static str, what: String) {
        self.0.entry(check).or_default().push(what);
    }
    fn merge(&mut self, other: Findings) {
        for (check, mut whats) in other.0 {
            self.0.entry(check).or_default().append(&mut whats);
        }
    }
}

/// Runs `f` (which records its findings); a panic becomes a finding that names `what`.
fn no_panic(what: &str, f: impl FnOnce(&mut Findings)) -> Findings {
    let mut findings = Findings::default();
    if let Err(e) = panic::catch_unwind(AssertUnwindSafe(|| f(&mut findings))) {
        let message = e.downcast_ref::<String>().cloned().or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()));
        findings.add("panics", format!("{what}: {}", message.unwrap_or_default()));
    }
    findings
}

/// An output file to compile with CPython: where it was written.
struct Written {
    path: PathBuf,
}

/// The checks on one changed output: line numbers kept (`support::lines`).
fn check_lines(rel: &Path, old: &str, new: &str, findings: &mut Findings) {
    if let Err(problem) = lines_kept(rel, old, new) {
        findings.add("line kept", problem);
    }
}

fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Words without which a file can neither block nor start a thread: a file with none of them
/// must come out byte for byte (file by file: no other module can make it block).
const BLOCKING_WORDS: &[&str] =
    &["sleep", "join", "get", "put", "acquire", "wait", "with", "hread", "Timer", "Barrier", "Event", "__main__"];

/// File by file: each file is a program of its own.
fn sweep_each(sources: &[(PathBuf, Vec<u8>)], out_dir: &Path) -> (Findings, Vec<Written>, usize) {
    let results = parallel_map(sources.iter().collect(), |(rel, bytes)| {
        let mut written = None;
        let mut changed = false;
        let findings = no_panic(&rel.display().to_string(), |findings| {
            let program = Program::from_sources(vec![(rel.clone(), bytes.clone())], Vec::new());
            let analysis = greenify::analyse(&program, Backend::Green);
            internal_errors(&analysis, findings);
            let Some(module) = program.modules.first() else { return };
            match analysis.texts.first().cloned().flatten() {
                None => {}
                Some(new) => {
                    changed = true;
                    // A byte order mark is taken off every file (MicroPython refuses it).
                    let text = without_bom(&module.file.text);
                    // The compat edits (builtin names MicroPython lacks, `metaclass=`, data class
                    // fields, enum seals) change any file.
                    let compat = greenify::compat::module_edits(&module.file.source, &module.file.suite);
                    if BLOCKING_WORDS.iter().all(|w| !text.contains(w)) && compat.is_empty() && new != text {
                        findings.add("untouched", format!("{}: changed without blocking code", rel.display()));
                    }
                    check_lines(rel, text, &new, findings);
                    let again = Program::from_sources(vec![(rel.clone(), new.clone().into_bytes())], Vec::new());
                    if !again.syntax_errors.is_empty() {
                        findings.add("output parses", format!("{}", rel.display()));
                    } else if let Some(Some(third)) = greenify::analyse(&again, Backend::Green).texts.first() {
                        findings.add("idempotent", format!("{}:{}", rel.display(), first_difference(&new, third)));
                    }
                    written = Some(write_output(out_dir, rel, &new));
                }
            }
        });
        (findings, written, changed)
    });
    let mut findings = Findings::default();
    let mut written = Vec::new();
    let mut changed = 0;
    for (f, w, c) in results {
        findings.merge(f);
        written.extend(w);
        changed += usize::from(c);
    }
    (findings, written, changed)
}

/// As one program, in memory: analysis, then the same checks on the outputs, and greenify run
/// again over the whole output program.
fn sweep_whole(sources: &[(PathBuf, Vec<u8>)], out_dir: &Path) -> (Findings, Vec<Written>, usize) {
    let mut written = Vec::new();
    let mut changed = 0;
    let findings = no_panic("the standard library as one program", |findings| {
        let program = Program::from_sources(sources.to_vec(), Vec::new());
        let analysis = greenify::analyse(&program, Backend::Green);
        internal_errors(&analysis, findings);
        printed_once(&analysis, findings);
        let mut again_sources = Vec::new();
        for (module, text) in program.modules.iter().zip(&analysis.texts) {
            let rel = &module.file.rel;
            match text {
                None => again_sources.push((rel.clone(), module.file.text.clone().into_bytes())),
                Some(new) => {
                    changed += 1;
                    check_lines(rel, without_bom(&module.file.text), new, findings);
                    written.push(write_output(out_dir, rel, new));
                    again_sources.push((rel.clone(), new.clone().into_bytes()));
                }
            }
        }
        let again = Program::from_sources(again_sources, Vec::new());
        for error in &again.syntax_errors {
            findings.add("output parses", format!("{}:{}:{}: {}", error.rel.display(), error.line, error.col, error.message));
        }
        let second = greenify::analyse(&again, Backend::Green);
        for (module, text) in again.modules.iter().zip(&second.texts) {
            if let Some(third) = text {
                findings.add("idempotent", format!("{}:{}", module.file.rel.display(), first_difference(&module.file.text, third)));
            }
        }
    });
    (findings, written, changed)
}

/// Where greenify changed its own output: `LINE: "before" -> "after"` of the first changed line.
fn first_difference(output: &str, again: &str) -> String {
    let mut pairs = split_lines(output).zip(split_lines(again)).enumerate();
    match pairs.find(|(_, (a, b))| a != b) {
        Some((number, (a, b))) => format!("{}: {a:?} -> {b:?}", number + 1),
        None => " lines added at the end".into(),
    }
}

/// An internal error (GY999: overlapping edits, output that would not compile) is a bug of
/// greenify's, not an outcome: a finding.
fn internal_errors(analysis: &greenify::Analysis, findings: &mut Findings) {
    for d in analysis.diagnostics.iter().filter(|d| d.code == Code::Internal) {
        let (line, col) = d.position().unwrap_or_default();
        findings.add("internal errors", format!("{}:{line}:{col}: {}", d.rel().display(), d.message));
    }
}

/// The same diagnostic (same place, code and text) is printed once, however many ways the
/// analysis reached it.
fn printed_once(analysis: &greenify::Analysis, findings: &mut Findings) {
    let mut seen = std::collections::HashSet::new();
    for d in &analysis.diagnostics {
        let text = d.render();
        if !seen.insert(text.clone()) {
            findings.add("diagnostics printed once", text.lines().next().unwrap_or("").to_string());
        }
    }
}

fn write_output(out_dir: &Path, rel: &Path, text: &str) -> Written {
    let path = out_dir.join(rel);
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).expect("output folder");
    }
    fs::write(&path, text).expect("output file");
    Written { path }
}

/// Compiles every written output with CPython in one process; returns the failures.
fn compile_all(written: &[Written]) -> Vec<String> {
    const SCRIPT: &str = "import sys, warnings\nwarnings.simplefilter('ignore')\nfor path in sys.stdin.read().splitlines():\n    try:\n        with open(path, 'rb') as f:\n            compile(f.read(), path, 'exec', dont_inherit=True)\n    except Exception as e:\n        print(f'{path}: {type(e).__name__}: {e}')\n";
    let mut child = Command::new("python3")
        .args(["-c", SCRIPT])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3 runs");
    let list: String = written.iter().map(|w| format!("{}\n", w.path.display())).collect();
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(list.as_bytes()).expect("list of files to python3");
    }
    let out = child.wait_with_output().expect("python3 finishes");
    assert!(out.status.success(), "the compile script failed");
    String::from_utf8_lossy(&out.stdout).lines().map(str::to_string).collect()
}

/// How long a run over the whole library may take before the sweep calls it hung (seconds;
/// `GREENIFY_SWEEP_LIMIT` overrides). A guard against hangs and runaway (quadratic) work, not a
/// speed test: timings are printed, never asserted (speed is measured in benches/).
fn limit() -> Duration {
    let seconds = std::env::var("GREENIFY_SWEEP_LIMIT").ok().and_then(|s| s.parse().ok()).unwrap_or(600);
    Duration::from_secs(seconds)
}

/// Starts `f` on a thread of its own (with a big stack); its result arrives on the receiver.
/// The sweep waits at most [`limit`] for it, so a run that takes too long fails the sweep
/// instead of hanging it.
fn start<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> std::sync::mpsc::Receiver<T> {
    let (send, receive) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .stack_size(work::WORKER_STACK)
        .spawn(move || send.send(f()))
        .expect("a thread for the sweep");
    receive
}

/// The result of a run started at `started`, waiting until `limit()` after it.
fn wait_for<T>(receive: &std::sync::mpsc::Receiver<T>, started: Instant) -> Option<T> {
    receive.recv_timeout(limit().saturating_sub(started.elapsed())).ok()
}

/// The one-program run through the binary, on a mirror of the library made of links to its files:
/// errors are expected (files that do not parse on purpose, its own `threading.py`), and then
/// nothing may be written (neither OUT nor a staging folder next to it). Returns the exit
/// status and stderr.
fn run_binary(root: &Path, sources: &[(PathBuf, Vec<u8>)], findings: &mut Findings) -> (i32, String) {
    let base = scratch("sweep-binary");
    let src = base.join("src");
    for (rel, _) in sources {
        let link = src.join(rel);
        fs::create_dir_all(link.parent().expect("a file has a folder")).expect("mirror folder");
        std::os::unix::fs::symlink(root.join(rel), &link).expect("mirror link");
    }
    let out = base.join("out");
    let mut child = Command::new(env!("CARGO_BIN_EXE_greenify"))
        .arg(&src)
        .arg(&out)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("greenify runs");
    let mut stderr = String::new();
    let reader = child.stderr.take().map(|mut pipe| {
        std::thread::spawn(move || {
            let mut text = String::new();
            let _ = std::io::Read::read_to_string(&mut pipe, &mut text);
            text
        })
    });
    let deadline = Instant::now() + limit();
    let code = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status.code().unwrap_or(-1),
            Ok(None) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(50)),
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                findings.add("time", format!("the greenify binary took more than {} s", limit().as_secs()));
                break -1;
            }
        }
    };
    if let Some(text) = reader.and_then(|r| r.join().ok()) {
        stderr = text;
    }
    if stderr.contains("panicked") {
        findings.add("panics", format!("greenify binary: {}", stderr.lines().next().unwrap_or("")));
    }
    if code == 0 && !out.join("greenify/__init__.py").is_file() {
        findings.add("errors mean nothing written", "exit status 0 but OUT has no runtime".into());
    }
    if code == 1 {
        let left: Vec<String> = fs::read_dir(&base)
            .expect("scratch folder")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|name| name != "src")
            .collect();
        if !left.is_empty() {
            findings.add("errors mean nothing written", format!("found {left:?} next to SRC"));
        }
    }
    let _ = fs::remove_dir_all(&base);
    (code, stderr)
}

/// Broken input of every shape: every 7th file of the library cut at a few places (inside a
/// string, a bracket, a line end...) and with bytes swapped in, each cut file a program of its
/// own. greenify must report or convert each, never panic.
#[test]
fn cut_and_damaged_files_never_panic() {
    let root = stdlib();
    let sources = stdlib_sources(&root);
    let mut damaged = Vec::new();
    for (index, (rel, bytes)) in sources.iter().enumerate().step_by(7) {
        for cut in 1..=3 {
            let at = bytes.len() * cut / 4;
            damaged.push((rel.clone(), bytes[..at].to_vec()));
            let mut swapped = bytes.clone();
            if let Some(b) = swapped.get_mut(at) {
                *b = [b'(', b'"', b'\t', b'\r', 0xc3, b':'][(index + cut) % 6];
            }
            damaged.push((rel.clone(), swapped));
        }
    }
    let findings = parallel_map(damaged, |(rel, bytes)| {
        no_panic(&rel.display().to_string(), |findings| {
            let program = Program::from_sources(vec![(rel.clone(), bytes)], Vec::new());
            let analysis = greenify::analyse(&program, Backend::Green);
            internal_errors(&analysis, findings);
            for d in &analysis.diagnostics {
                let _ = d.render();
            }
        })
    });
    let mut all = Findings::default();
    findings.into_iter().for_each(|f| all.merge(f));
    let report: Vec<String> = all.0.iter().flat_map(|(check, whats)| whats.iter().take(10).map(move |w| format!("{check}: {w}"))).collect();
    assert!(report.is_empty(), "{}", report.join("\n"));
}

#[test]
fn line_check_allows_insertions_and_callee_replacements_only() {
    assert!(kept_in("def f():", "async def f():"));
    assert!(kept_in("    x = q.get().y", "    x = (await q.get()).y"));
    assert!(kept_in("    time.sleep(1)", "    await __gy.sleep(1)"));
    assert!(kept_in("    r = _real_select(a, b)", "    r = await __gy.gselect.select(a, b)"));
    assert!(kept_in("x = 1", "import greenify as __gy; x = 1"));
    assert!(!kept_in("    time.sleep(1)", "    await __gy.sleep(2)"));
    assert!(!kept_in("x = 1", "y = 1"));
    assert!(!kept_in("f(a + b)", "__gy.f(b)"));
    let rel = Path::new("m.py");
    let field = "    a: Dict[str, \"Q\"]  # c\n";
    assert!(lines_kept(rel, field, "    a: Dict[str, \"Q\"]; __gyann__ = ((\"a\", \"Dict[str, \\\"Q\\\"]\"),)  # c\n").is_ok());
    assert!(lines_kept(rel, field, "    a: Dict[str, \"Q\"]; __gyann__ = ((\"a\", \"x\"),); y = 1  # c\n").is_err());
    let member = "    RED = 1  # c\n";
    let seal = "; __gy_seal__ = __import__(\"enum\").__dict__.get(\"_gy_order\", lambda *n: None)(\"RED\", \"BLUE\")";
    assert!(lines_kept(rel, member, &format!("    RED = 1{seal}  # c\n")).is_ok());
    assert!(lines_kept(rel, member, &format!("    RED = 2{seal}  # c\n")).is_err());
}

#[test]
fn standard_library_sweep() {
    let sweep_start = Instant::now();
    let mut timings: Vec<(&str, Duration)> = Vec::new();
    let mut lap = {
        let mut last = Instant::now();
        move |what: &'static str, timings: &mut Vec<(&str, Duration)>| {
            timings.push((what, last.elapsed()));
            last = Instant::now();
        }
    };
    let root = stdlib();
    let sources = stdlib_sources(&root);
    let lines: usize = sources.iter().map(|(_, b)| b.iter().filter(|&&c| c == b'\n').count()).sum();
    assert!(sources.len() * SAMPLE > 500, "{}: expected the standard library, found {} .py files", root.display(), sources.len());
    if SAMPLE > 1 {
        println!("debug build: sweeping every {SAMPLE}th file only; `cargo test --release` sweeps them all");
    }
    lap("read the library", &mut timings);

    // Three runs at once (the machine's cores are shared by them): the binary over the library
    // as one program, the same in memory with the checks of its output, and file by file.
    let started = Instant::now();
    let out_base = scratch("sweep-out");
    let binary = {
        let (root, sources) = (root.clone(), sources.clone());
        start(move || {
            let mut findings = Findings::default();
            let (code, stderr) = run_binary(&root, &sources, &mut findings);
            (findings, code, stderr)
        })
    };
    let whole = {
        let (sources, out) = (sources.clone(), out_base.join("whole"));
        start(move || sweep_whole(&sources, &out))
    };
    let (mut findings, mut written, changed_each) = sweep_each(&sources, &out_base.join("each"));
    lap("file by file, in memory, with their checks", &mut timings);

    let changed_whole = match wait_for(&whole, started) {
        Some((whole, written_whole, changed)) => {
            findings.merge(whole);
            written.extend(written_whole);
            changed
        }
        None => {
            findings.add("time", format!("the library as one program took more than {} s in memory", limit().as_secs()));
            0
        }
    };
    lap("one program, in memory, with its checks (after the above)", &mut timings);
    let (code, stderr) = match wait_for(&binary, started) {
        Some((binary_findings, code, stderr)) => {
            findings.merge(binary_findings);
            (code, stderr)
        }
        None => {
            findings.add("time", format!("the greenify binary took more than {} s", limit().as_secs()));
            (-1, String::new())
        }
    };
    let errors = stderr.lines().filter(|l| l.contains(": error[")).count();
    if code != 1 && code != 0 && !findings.0.contains_key("time") {
        findings.add("exit status", format!("greenify exited with {code} on the library:\n{stderr}"));
    }
    lap("one program, greenify binary (after the above)", &mut timings);

    for failure in compile_all(&written) {
        findings.add("compiles with CPython", failure);
    }
    lap("CPython compiles every changed output", &mut timings);
    let _ = fs::remove_dir_all(&out_base);

    println!("sweep of {} ({} files, {lines} lines):", root.display(), sources.len());
    let written_note = if code == 1 { ", nothing written" } else { "" };
    println!("  binary, one program: exit status {code}, {errors} errors reported{written_note}");
    println!("  changed files: {changed_whole} as one program, {changed_each} file by file; {} outputs compiled", written.len());
    for (what, took) in &timings {
        println!("  {:>7.2} s  {what}", took.as_secs_f64());
    }
    println!("  {:>7.2} s  total wall time", sweep_start.elapsed().as_secs_f64());
    let mut report = String::new();
    for (check, whats) in &findings.0 {
        report.push_str(&format!("{check}: {} file(s)\n", whats.len()));
        for what in whats.iter().take(10) {
            report.push_str(&format!("    {what}\n"));
        }
    }
    assert!(report.is_empty(), "the sweep found problems:\n{report}");
}
