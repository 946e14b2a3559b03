//! The compatibility modules (runtime_py/compat/) against CPython: tests/compat/<module>/*.py
//! are programs written for CPython that exercise one module and print what they see. Each
//! runs as `main.py`
//!   * on CPython (the reference: the real standard library),
//!   * `plain`: on MicroPython with the compat files beside it (runtime_py/compat copied in),
//!   * `green` / `thread`: converted by greenify with that backend, on MicroPython. Until
//!     greenify itself ships compat files into OUT, the harness copies them in; once OUT has
//!     any of them, what greenify shipped is what runs.
//!   * `host`: the green output on CPython, where each compat file hands over to the real
//!     standard library module (runtime_py/compat/_gyreal.py).
//!
//! stdout must be byte-identical (thread idents and addresses normalised) and every run must
//! exit with status 0. A missing MicroPython is a failure, never a skip.
//!
//! Directive in a program's leading comments:
//!   `# compat: runs=green,thread`  which runs to make (default plain,green,thread,host);
//!                                  programs using threading leave out `plain`.

mod support;

use std::path::{Path, PathBuf};
use std::time::Duration;
use support::*;

const LIMIT: Duration = Duration::from_secs(60);
const RUNS: [&str; 4] = ["plain", "green", "thread", "host"];

fn programs(module: &str) -> Vec<PathBuf> {
    let dir = repo().join("tests/compat").join(module);
    let mut progs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    progs.sort();
    assert!(!progs.is_empty(), "no programs in {}", dir.display());
    progs
}

fn runs_of(text: &str) -> Vec<String> {
    for line in text.lines().take_while(|l| l.starts_with('#')) {
        if let Some(v) = line.strip_prefix("# compat: runs=") {
            return v.split(',').map(|s| s.trim().to_string()).collect();
        }
    }
    RUNS.map(String::from).to_vec()
}

/// Copies runtime_py/compat (files and package folders) into `dest`.
fn copy_compat(dest: &Path) {
    copy_tree(&repo().join("runtime_py/compat"), dest);
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap_or_else(|e| panic!("{}: {e}", from.display())).flatten() {
        let p = e.path();
        let name = e.file_name();
        if p.is_dir() {
            if name != "__pycache__" {
                copy_tree(&p, &to.join(&name));
            }
        } else if p.extension().is_some_and(|x| x == "py") {
            std::fs::copy(&p, to.join(&name)).unwrap();
        }
    }
}

/// Whether greenify already put a compat module into OUT (then it is tested as shipped).
fn ships_compat(out: &Path) -> bool {
    let compat = repo().join("runtime_py/compat");
    std::fs::read_dir(&compat).unwrap().flatten().any(|e| out.join(e.file_name()).exists())
}

fn run_one(prog: &Path, run: &str, scratch: &Path) -> Run {
    let src = scratch.join(format!("src-{run}"));
    std::fs::create_dir_all(&src).unwrap();
    std::fs::copy(prog, src.join("main.py")).unwrap();
    let dir = if run == "plain" {
        copy_compat(&src);
        src
    } else {
        let out = scratch.join(format!("out-{run}"));
        greenify(&src, &out, if run == "thread" { "thread" } else { "green" });
        if !ships_compat(&out) {
            copy_compat(&out);
        }
        out
    };
    if run == "host" {
        return run_cpython(&dir.join("main.py"), LIMIT);
    }
    run_micropython(&dir.join("main.py"), &[], LIMIT)
}

fn check_module(module: &str) {
    let mut failures = Vec::new();
    for prog in programs(module) {
        let name = prog.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&prog).unwrap();
        let scratch = Scratch::new(&format!("compat-{module}-{}", name.trim_end_matches(".py")));
        let refdir = scratch.path().join("ref");
        std::fs::create_dir_all(&refdir).unwrap();
        std::fs::copy(&prog, refdir.join("main.py")).unwrap();
        let reference = run_cpython(&refdir.join("main.py"), LIMIT);
        assert!(
            reference.status == Some(0) && !reference.timed_out,
            "{module}/{name}: CPython run failed ({:?}):\n{}{}",
            reference.status,
            reference.stdout,
            reference.stderr
        );
        assert!(!reference.stdout.is_empty(), "{module}/{name}: prints nothing on CPython");
        let want = normalise(&reference.stdout);
        for run in runs_of(&text) {
            assert!(RUNS.contains(&run.as_str()), "{module}/{name}: unknown run {run:?}");
            let got = run_one(&prog, &run, scratch.path());
            let mut problems = Vec::new();
            if got.timed_out {
                problems.push(format!("timed out after {:?}", got.elapsed));
            }
            if got.status != Some(0) {
                problems.push(format!("exit status {:?}", got.status));
            }
            if normalise(&got.stdout) != want {
                problems.push(format!(
                    "stdout differs\n--- CPython\n{want}--- MicroPython ({run})\n{}",
                    normalise(&got.stdout)
                ));
            }
            if !problems.is_empty() {
                failures.push(format!("{module}/{name} [{run}]: {}\nstderr:\n{}", problems.join("\n"), got.stderr));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

macro_rules! modules {
    ($($name:ident),* $(,)?) => { $( #[test] fn $name() { check_module(stringify!($name).trim_start_matches("r#")); } )* };
}

modules!(time, logging, functools, traceback, abc, collections, contextlib, os, typing, __future__, r#enum, importlib);
// compat-ext's modules
modules!(itertools, operator, dataclasses, socket, concurrent, socketserver);
