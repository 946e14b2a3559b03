//! Differential tests: a program must print the same stdout on CPython (the reference), greenified
//! on MicroPython (green backend), on MicroPython with the thread backend, and greenified on
//! CPython. Idents and addresses are normalised (tests/support); nothing else is.

mod support;

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

use support::{normalise, Scratch};

const LIMIT: Duration = Duration::from_secs(60);

/// One way of running a program.
#[derive(Clone, Copy, Debug)]
#[allow(clippy::enum_variant_names)] // each names backend and interpreter; the common suffix is the point
enum Variant {
    GreenMicroPython,
    ThreadMicroPython,
    GreenCPython,
}

impl Variant {
    const ALL: [Variant; 3] = [Variant::GreenMicroPython, Variant::ThreadMicroPython, Variant::GreenCPython];

    fn backend(self) -> &'static str {
        match self {
            Variant::ThreadMicroPython => "thread",
            _ => "green",
        }
    }
}

/// A program of the corpus: a single file, or a folder whose entry is `main.py`.
struct Program {
    name: String,
    /// The folder greenify converts.
    src: PathBuf,
    /// The entry script, relative to `src`.
    entry: PathBuf,
}

/// Output of one run, with the facts a comparison needs.
struct Outcome {
    stdout: String,
    stderr: String,
    status: Option<i32>,
}

/// Converts and runs `program` in `variant`; a conversion failure or a hang is an error text.
fn try_variant(program: &Program, variant: Variant, scratch: &Scratch) -> Result<Outcome, String> {
    let out = scratch.path().join(format!("{variant:?}"));
    support::try_greenify(&program.src, &out, variant.backend())?;
    let script = out.join(&program.entry);
    let run = match variant {
        Variant::GreenCPython => support::run_cpython(&script, LIMIT),
        _ => support::run_micropython(&script, &[], LIMIT),
    };
    if run.timed_out {
        return Err(format!("did not finish in {LIMIT:?}:\n{}{}", run.stdout, run.stderr));
    }
    Ok(Outcome { stdout: normalise(&run.stdout), stderr: run.stderr, status: run.status })
}

fn run_variant(program: &Program, variant: Variant, scratch: &Scratch) -> Outcome {
    try_variant(program, variant, scratch).unwrap_or_else(|e| panic!("{} ({variant:?}): {e}", program.name))
}

fn reference(program: &Program) -> Outcome {
    let run = support::run_cpython(&program.src.join(&program.entry), LIMIT);
    assert!(!run.timed_out, "{} did not finish on CPython", program.name);
    Outcome { stdout: normalise(&run.stdout), stderr: run.stderr, status: run.status }
}

/// The first line of stderr when it is CPython's report of an exception in a thread.
fn thread_exception_line(stderr: &str) -> Option<&str> {
    stderr.lines().find(|l| l.starts_with("Exception in thread"))
}

/// Compares one variant's outcome with the reference; returns a description of the difference.
fn compare(program: &Program, variant: Variant, reference: &Outcome, got: &Outcome) -> Option<String> {
    let mut problems = Vec::new();
    if got.stdout != reference.stdout {
        problems.push(format!(
            "stdout differs\n--- CPython\n{}--- {variant:?}\n{}",
            reference.stdout, got.stdout
        ));
    }
    if let Some(expected) = thread_exception_line(&reference.stderr) {
        if thread_exception_line(&got.stderr) != Some(expected) {
            problems.push(format!("stderr lacks `{expected}`:\n{}", got.stderr));
        }
    }
    if got.status != reference.status {
        problems.push(format!("exit status {:?}, CPython {:?}\n{}", got.status, reference.status, got.stderr));
    }
    if problems.is_empty() {
        None
    } else {
        Some(format!("== {} ({variant:?}): {}", program.name, problems.join("\n")))
    }
}

fn corpus() -> Vec<Program> {
    let dir = support::repo().join("tests/corpus");
    let mut programs = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/corpus exists")
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if path.is_dir() && path.join("main.py").is_file() {
            programs.push(Program { name, src: path, entry: PathBuf::from("main.py") });
        } else if path.extension().is_some_and(|e| e == "py") {
            // A single-file program is converted on its own, in a folder of its own.
            programs.push(Program { name, src: path.clone(), entry: PathBuf::new() });
        }
    }
    programs
}

/// Copies a single-file program into a folder of its own, so greenify converts only it.
fn isolate(program: &Program, scratch: &Scratch) -> Program {
    if !program.entry.as_os_str().is_empty() {
        return Program { name: program.name.clone(), src: program.src.clone(), entry: program.entry.clone() };
    }
    let src = scratch.path().join("src");
    std::fs::create_dir_all(&src).expect("create src");
    let file = program.src.file_name().expect("file name");
    std::fs::copy(&program.src, src.join(file)).expect("copy program");
    Program { name: program.name.clone(), src, entry: PathBuf::from(file) }
}

fn check_program(program: &Program) -> Vec<String> {
    let scratch = Scratch::new(&format!("diff-{}", program.name.trim_end_matches(".py")));
    let program = isolate(program, &scratch);
    let reference = reference(&program);
    Variant::ALL
        .iter()
        .filter_map(|&v| match try_variant(&program, v, &scratch) {
            Ok(got) => compare(&program, v, &reference, &got),
            Err(e) => Some(format!("== {} ({v:?}): {e}", program.name)),
        })
        .collect()
}

#[test]
fn corpus_prints_the_same_everywhere() {
    support::micropython();
    let mut programs = corpus();
    assert!(programs.len() >= 30, "the conformance corpus has only {} programs", programs.len());
    // `GREENIFY_CORPUS=a,b` runs only those programs (names without `.py`), for quick checks.
    if let Ok(only) = std::env::var("GREENIFY_CORPUS") {
        let wanted: Vec<&str> = only.split(',').map(str::trim).filter(|n| !n.is_empty()).collect();
        programs.retain(|p| wanted.contains(&p.name.trim_end_matches(".py")));
        assert!(!programs.is_empty(), "GREENIFY_CORPUS={only}: no such program in tests/corpus");
    }
    let next = Mutex::new(0usize);
    let failures = Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..3 {
            s.spawn(|| loop {
                let index = {
                    let mut n = next.lock().expect("lock");
                    *n += 1;
                    *n - 1
                };
                let Some(program) = programs.get(index) else { break };
                let problems = check_program(program);
                failures.lock().expect("lock").extend(problems);
            });
        }
    });
    let mut failures = failures.into_inner().expect("lock");
    failures.sort();
    let summary: Vec<&str> = failures.iter().filter_map(|f| f.lines().next()).collect();
    assert!(
        failures.is_empty(),
        "{} of {} runs differ:\n{}\n\n{}",
        failures.len(),
        programs.len() * Variant::ALL.len(),
        summary.join("\n"),
        failures.join("\n\n")
    );
}

/// The customer's scenario. Its two threads race on CPython (a put wakes the consumer while the
/// producer logs), so lines are compared per thread, in order, plus the whole multiset; the
/// timestamps are masked.
#[test]
fn torn_cpython_lines_are_cut_back_into_records() {
    let torn = "<Thread(t1, started 1)> <time> enqueue 0<Thread(t2, started 2)> <time> dequeue 0\n\n<Thread(t1, started 1)> <time> x\n";
    assert_eq!(untear(torn), "<Thread(t1, started 1)> <time> enqueue 0\n<Thread(t2, started 2)> <time> dequeue 0\n<Thread(t1, started 1)> <time> x\n");
}

#[test]
fn validation_scenario_matches_cpython_on_both_backends() {
    support::micropython();
    let src = support::repo().join("examples/validation");
    let program = Program { name: "validation".into(), src, entry: PathBuf::from("main.py") };
    let scratch = Scratch::new("validation");
    // CPython's print writes a line's text and its newline in two calls, so two threads can tear a
    // line ("rec-a rec-b\n\n"); the reference is cut back into records (each starts with the
    // thread's repr). greenify's runs must be clean as they are.
    let reference = untear(&mask_clock(&reference(&program).stdout));
    assert!(is_clean_log(&reference), "CPython printed:\n{reference}");
    for variant in [Variant::GreenMicroPython, Variant::ThreadMicroPython] {
        let got = mask_clock(&run_variant(&program, variant, &scratch).stdout);
        assert!(is_clean_log(&got), "{variant:?} printed:\n{got}");
        assert_eq!(per_thread(&got), per_thread(&reference), "{variant:?} per-thread lines:\n{got}");
        assert_eq!(sorted_lines(&got), sorted_lines(&reference), "{variant:?}:\n{got}");
        assert!(got.lines().next().is_some_and(|l| l.contains("MainThread") && l.ends_with("Started.")));
        assert!(got.lines().last().is_some_and(|l| l.contains("MainThread") && l.ends_with("finished.")));
    }
}

/// Sleeps are real: four one-second sleeps in the producer.
#[test]
fn validation_scenario_sleeps_for_real_on_green() {
    let src = support::repo().join("examples/validation");
    let scratch = Scratch::new("validation-time");
    let out = scratch.path().join("green");
    support::greenify(&src, &out, "green");
    let run = support::run_micropython(&out.join("main.py"), &[], LIMIT);
    assert_eq!(run.status, Some(0), "{}", run.stderr);
    assert!(run.elapsed >= Duration::from_secs(4), "finished after {:?}: sleeps were not real", run.elapsed);
}

/// The green output works without `_thread`: a wrapper makes `import _thread` fail, then runs
/// the program; and no file of the green tree mentions `_thread` in code.
#[test]
fn green_output_runs_without_thread_module() {
    let src = support::repo().join("examples/validation");
    let scratch = Scratch::new("no-thread");
    let out = scratch.path().join("green");
    support::greenify(&src, &out, "green");
    std::fs::write(
        out.join("no_thread_wrapper.py"),
        "import builtins\n\
         _real_import = builtins.__import__\n\
         def _no_thread(name, *args):\n\
         \x20   if name == '_thread':\n\
         \x20       raise ImportError('_thread is made unavailable by this test')\n\
         \x20   return _real_import(name, *args)\n\
         builtins.__import__ = _no_thread\n\
         exec(open('main.py').read(), {'__name__': '__main__'})\n",
    )
    .expect("write wrapper");
    let run = support::run_micropython(&out.join("no_thread_wrapper.py"), &[], LIMIT);
    assert_eq!(run.status, Some(0), "green tree failed without _thread:\n{}{}", run.stdout, run.stderr);
    assert_eq!(run.stdout.lines().count(), 12, "{}", run.stdout);
    for file in python_files(&out) {
        let text = std::fs::read_to_string(&file).expect("read output");
        for line in text.lines() {
            let code = line.split('#').next().unwrap_or("").trim_start();
            let imports_thread = code.split(';').map(str::trim).any(|stmt| {
                stmt.starts_with("from _thread ")
                    || (stmt.starts_with("import ") && stmt[7..].split(',').any(|m| m.trim().starts_with("_thread")))
            });
            assert!(
                !imports_thread,
                "{} uses _thread: {line}",
                file.display()
            );
        }
    }
}

/// Every original line keeps its number: the greenified file has the same lines (plus the exit
/// line at the end), each with only greenify's insertions (`support::lines`).
#[test]
fn greenified_files_keep_line_numbers() {
    let mut sources = vec![support::repo().join("examples/validation")];
    sources.extend(corpus().into_iter().filter(|p| p.src.is_dir()).map(|p| p.src));
    for src in sources {
        let scratch = Scratch::new("lines");
        let out = scratch.path().join("green");
        support::greenify(&src, &out, "green");
        for file in python_files(&src) {
            let rel = file.strip_prefix(&src).expect("inside src");
            let before = std::fs::read_to_string(&file).expect("read input");
            let after = std::fs::read_to_string(out.join(rel)).expect("read output");
            support::lines::assert_lines_kept(rel, &before, &after);
        }
    }
}

fn python_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("read dir").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "py") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// Twelve whole log lines: each is one thread's repr, the masked clock, and a message.
fn is_clean_log(text: &str) -> bool {
    text.lines().count() == 12
        && text.lines().all(|l| l.starts_with('<') && l.matches("> <time> ").count() == 1 && l.matches('<').count() == 2)
}

/// One record per line: splits where a record starts (`<_MainThread(`, `<Thread(`), drops the
/// empty lines left by a torn line.
fn untear(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let mut rest = line;
        while !rest.is_empty() {
            let next = [rest.get(1..).and_then(|r| r.find("<_MainThread(")), rest.get(1..).and_then(|r| r.find("<Thread("))]
                .into_iter()
                .flatten()
                .min()
                .map_or(rest.len(), |i| i + 1);
            let record = rest[..next].trim();
            if !record.is_empty() {
                out.push_str(record);
                out.push('\n');
            }
            rest = &rest[next..];
        }
    }
    out
}

/// Replaces `YYYY-MM-DDTHH:MM:SS` timestamps by a fixed mask.
fn mask_clock(text: &str) -> String {
    text.lines()
        .map(|line| {
            line.split(' ')
                .map(|w| if is_timestamp(w) { "<time>" } else { w })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .map(|l| l + "\n")
        .collect()
}

fn is_timestamp(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() == 19
        && b[4] == b'-'
        && b[7] == b'-'
        && b[10] == b'T'
        && b[13] == b':'
        && b[16] == b':'
        && word.chars().filter(|c| c.is_ascii_digit()).count() == 14
}

/// Lines grouped by the thread repr that starts them, in order.
fn per_thread(text: &str) -> Vec<(String, Vec<String>)> {
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for line in text.lines() {
        let thread = line.split('>').next().unwrap_or("").to_string();
        match groups.iter_mut().find(|(t, _)| *t == thread) {
            Some((_, lines)) => lines.push(line.to_string()),
            None => groups.push((thread, vec![line.to_string()])),
        }
    }
    groups.sort();
    groups
}

fn sorted_lines(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    lines.sort();
    lines
}
