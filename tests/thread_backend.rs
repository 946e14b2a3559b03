//! The thread backend (`greenify --backend thread`) on the real MicroPython unix port, whose
//! `_thread` runs without a GIL: contention stress with exact totals, timed waits that never
//! return early, the wait for non-daemon threads at exit, API conformance against CPython,
//! and the conformance corpus run with this backend. (The runtime battery, tests/runtime, runs
//! on this backend from tests/runtime_battery.rs.)
//!
//! The programs live in tests/thread/*.py. A missing MicroPython fails (never skips): run
//! scripts/setup.sh.

mod support;

use std::path::{Path, PathBuf};
use std::time::Duration;
use support::*;

/// Converts the one-file program `prog` with `--backend thread` and returns (scratch, main.py).
fn convert(prog: &Path) -> (Scratch, PathBuf) {
    micropython(); // fail early, with the setup hint, when MicroPython is missing
    let name = prog.file_stem().unwrap().to_string_lossy().into_owned();
    let scratch = Scratch::new(&format!("thread-{name}"));
    let src = scratch.path().join("src");
    let out = scratch.path().join("out");
    std::fs::create_dir_all(&src).unwrap();
    std::fs::copy(prog, src.join("main.py")).unwrap();
    greenify(&src, &out, "thread");
    for f in ["greenify/threading.py", "greenify/queue.py", "greenify/__init__.py", "threading.py", "queue.py"] {
        assert!(out.join(f).is_file(), "greenify --backend thread did not write {f}");
    }
    let main = out.join("main.py");
    (scratch, main)
}

fn program(name: &str) -> PathBuf {
    repo().join("tests/thread").join(name)
}

/// Runs tests/thread/NAME on MicroPython with the thread backend.
fn run_thread(name: &str, limit: Duration) -> Run {
    let (_scratch, main) = convert(&program(name));
    let run = run_micropython(&main, &[], limit);
    assert!(!run.timed_out, "{name} did not finish within {limit:?}\nstdout:\n{}\nstderr:\n{}", run.stdout, run.stderr);
    run
}

fn field<'a>(line: &'a str, key: &str) -> &'a str {
    line.strip_prefix(key).unwrap_or_else(|| panic!("expected a line starting {key:?}, got {line:?}")).trim()
}

#[test]
fn stress_lock_and_queue_totals_are_exact() {
    let run = run_thread("stress.py", Duration::from_secs(180));
    assert_eq!(run.status, Some(0), "stress.py failed:\n{}\n{}", run.stdout, run.stderr);
    assert!(run.stderr.is_empty(), "stress.py wrote to stderr:\n{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 6, "unexpected output:\n{}", run.stdout);
    assert_eq!(field(lines[0], "lock total"), "80000", "8 x 10,000 Lock-protected increments");
    assert_eq!(field(lines[1], "rlock total"), "80000", "8 x 10,000 RLock-protected increments");
    assert_eq!(field(lines[2], "queue count"), "20000", "items through Queue(maxsize=8)");
    assert_eq!(field(lines[3], "queue sum"), "199990000 expected 199990000");
    assert_eq!(field(lines[4], "queue dup"), "0 missing 0");
    assert_eq!(field(lines[5], "left"), "0 0 1", "queue empty, no unfinished task, only main alive");
}

#[test]
fn timed_waits_never_return_early_and_wake_promptly() {
    // Generous upper bound: the machine has 2 shared cores and other tests run meanwhile.
    const LATE_US: i64 = 1_500_000;
    let run = run_thread("timeouts.py", Duration::from_secs(120));
    assert_eq!(run.status, Some(0), "timeouts.py failed:\n{}\n{}", run.stdout, run.stderr);
    assert!(run.stderr.is_empty(), "timeouts.py wrote to stderr:\n{}", run.stderr);
    let mut cases = 0;
    for line in run.stdout.lines() {
        if line == "done" {
            continue;
        }
        let f: Vec<&str> = line.split(' ').collect();
        assert_eq!(f.len(), 5, "bad line {line:?}");
        let (case, kind, result) = (f[0], f[1], f[4]);
        let timeout: i64 = f[2].parse().unwrap();
        let elapsed: i64 = f[3].parse().unwrap();
        match kind {
            "expire" => {
                assert!(elapsed >= timeout, "{case}: returned {} us before its {} us deadline", timeout - elapsed, timeout);
                assert!(elapsed <= timeout + LATE_US, "{case}: returned {} us after its deadline", elapsed - timeout);
                let want: &[&str] = match case {
                    "queue.get" | "queue.get[4threads]" | "simplequeue.get" => &["Empty"],
                    "queue.put" => &["Full"],
                    "barrier.wait" => &["BrokenBarrierError"],
                    "thread.join" => &["True"], // still alive after join(timeout)
                    _ => &["False"],
                };
                assert!(want.contains(&result), "{case}: result {result}, expected {want:?}");
            }
            "wake" => {
                // Woken ~0.1 s in, long before the 5 s timeout.
                assert!(elapsed >= 90_000, "{case}: woke after {elapsed} us, before the waker acted");
                assert!(elapsed < 3_000_000, "{case}: took {elapsed} us to notice the wake-up");
                assert!(result == "True" || result == "item", "{case}: result {result}");
            }
            _ => panic!("bad kind in {line:?}"),
        }
        cases += 1;
    }
    assert!(cases >= 24, "only {cases} cases ran:\n{}", run.stdout);
    assert!(run.stdout.ends_with("done\n"), "timeouts.py did not finish:\n{}", run.stdout);
}

#[test]
fn timeouts_racing_notifications_lose_and_leave_no_wake_up() {
    let run = run_thread("cond_race.py", Duration::from_secs(120));
    assert_eq!(run.status, Some(0), "cond_race.py failed:\n{}\n{}", run.stdout, run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{}", run.stdout);
    assert_eq!(lines[0], "waits 1600");
    assert!(lines[1].starts_with("woken "), "{}", run.stdout);
    assert_eq!(lines[2], "spurious wake-ups 0 waiters left 0");
}

#[test]
fn finished_threads_leave_no_garbage_on_a_small_heap() {
    let (_scratch, main) = convert(&program("no_leak.py"));
    let run = run_micropython(&main, &["-X", "heapsize=256k"], Duration::from_secs(120));
    assert!(!run.timed_out && run.status == Some(0), "no_leak.py failed:\n{}\n{}", run.stdout, run.stderr);
    assert_eq!(run.stdout, "no leak 1\n", "2,000 threads started and joined one after another grew the heap");
}

#[test]
fn exit_waits_for_non_daemon_threads_only() {
    let run = run_thread("exit_wait.py", Duration::from_secs(30));
    assert_eq!(run.status, Some(0), "{}", run.stderr);
    assert_eq!(run.stdout, "main end\nworker 0 done\nworker 1 done\n");
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    // The daemon thread loops forever: the program must not wait for it.
    assert!(run.elapsed < Duration::from_secs(15), "exit took {:?}", run.elapsed);
}

#[test]
fn exit_waits_after_main_raised() {
    let run = run_thread("exit_raise.py", Duration::from_secs(30));
    assert_eq!(run.status, Some(1), "{}\n{}", run.stdout, run.stderr);
    // The unix port prints the main script's traceback on stdout; CPython on stderr. Either
    // way it comes before the wait for the worker.
    let all = format!("{}{}", run.stdout, run.stderr);
    assert!(run.stdout.starts_with("main raising\n"), "{}", run.stdout);
    assert!(run.stdout.ends_with("worker done\n"), "the worker was not waited for:\n{all}");
    assert_eq!(run.stdout.matches("worker done").count(), 1);
    assert!(all.contains("Traceback (most recent call last):\n"), "{all}");
    assert!(all.contains("ValueError: main failed\n"), "{all}");
}

#[test]
fn exit_waits_after_sys_exit_and_keeps_status() {
    let run = run_thread("exit_sysexit.py", Duration::from_secs(30));
    assert_eq!(run.status, Some(3), "{}", run.stderr);
    assert_eq!(run.stdout, "main exiting\nworker done\n");
}

#[test]
fn exit_wait_chains_an_earlier_atexit_function() {
    let run = run_thread("exit_chain.py", Duration::from_secs(30));
    assert_eq!(run.status, Some(0), "{}", run.stderr);
    assert_eq!(run.stdout, "main end\nworker done\nuser atexit\n");
}

#[test]
fn api_matches_cpython() {
    let prog = program("api.py");
    let want = run_cpython(&prog, Duration::from_secs(60));
    assert_eq!(want.status, Some(0), "CPython reference run failed:\n{}", want.stderr);
    let run = run_thread("api.py", Duration::from_secs(60));
    assert_eq!(run.status, Some(0), "api.py failed on MicroPython:\n{}\n{}", run.stdout, run.stderr);
    pretty_assertions::assert_eq!(normalise(&want.stdout), normalise(&run.stdout));
}

#[test]
fn api_313_and_micropython_specifics() {
    let run = run_thread("api313.py", Duration::from_secs(60));
    assert_eq!(run.status, Some(0), "api313.py failed:\n{}\n{}", run.stdout, run.stderr);
    assert_eq!(run.stdout, "end\n", "mismatches:\n{}", run.stdout);
}

#[test]
fn uncaught_thread_exception_is_reported_like_cpython() {
    let run = run_thread("thread_crash.py", Duration::from_secs(30));
    assert_eq!(run.status, Some(0), "{}", run.stderr);
    assert_eq!(run.stdout, "main goes on\nsilent exit done\n");
    let mut lines = run.stderr.lines();
    assert_eq!(lines.next(), Some("Exception in thread crasher:"), "{}", run.stderr);
    assert_eq!(lines.next(), Some("Traceback (most recent call last):"), "{}", run.stderr);
    assert!(run.stderr.ends_with("ValueError: boom\n"), "{}", run.stderr);
    assert_eq!(run.stderr.matches("Exception in thread").count(), 1, "SystemExit must be silent:\n{}", run.stderr);
}

/// Runs every program of `dir` on CPython (the reference) and with the thread backend on
/// MicroPython; stdout (normalised) and exit status must match.
fn differential_dir(dir: &str) {
    let mut progs: Vec<PathBuf> = std::fs::read_dir(repo().join(dir))
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    progs.sort();
    assert!(!progs.is_empty(), "no programs in {dir}");
    let mut failures = Vec::new();
    for prog in &progs {
        let want = run_cpython(prog, Duration::from_secs(60));
        let (_scratch, main) = convert(prog);
        let got = run_micropython(&main, &[], Duration::from_secs(60));
        let name = prog.file_name().unwrap().to_string_lossy();
        if got.timed_out {
            failures.push(format!("{name}: timed out\n{}", got.stderr));
        } else if normalise(&want.stdout) != normalise(&got.stdout) || want.status != got.status {
            failures.push(format!(
                "{name}: CPython (status {:?}):\n{}\nthread backend (status {:?}):\n{}\nstderr:\n{}",
                want.status, want.stdout, got.status, got.stdout, got.stderr
            ));
        }
    }
    assert!(failures.is_empty(), "{} of {} programs in {dir} differ:\n\n{}", failures.len(), progs.len(), failures.join("\n\n"));
}

/// The conformance corpus prints the same stdout with `--backend thread` as on CPython.
#[test]
fn corpus_matches_cpython() {
    differential_dir("tests/corpus");
}
