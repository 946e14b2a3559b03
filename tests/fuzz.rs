//! Issue 16: a bounded fuzz target, run with the suite. Corpus programs (tests/corpus/*.py) are
//! mutated by a deterministic mutator with a fixed seed (lines deleted and duplicated,
//! `time.sleep(0)` inserted, the program wrapped in a function, words swapped, bytes inserted)
//! and each mutant goes through the whole pipeline, in memory, on a worker's stack. What must
//! hold for every mutant: greenify does not panic or abort; when it would write (no error), every
//! output parses, keeps the source's lines, is a fixpoint (greenify on it changes nothing), and
//! compiles with CPython (all outputs in one CPython process).
//!
//! `GREENIFY_FUZZ_ROUNDS=N` runs N mutants per corpus program (default 4) and
//! `GREENIFY_FUZZ_SEED=S` another seed, to look further than the suite does.

mod support;

use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

use greenify::emit::Backend;
use greenify::project::Program;
use support::lines::lines_kept;
use support::{python, repo, run_with_timeout, Scratch};

/// xorshift64*: small, deterministic, good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// Bytes that break things: brackets, quotes, colons, a backslash, tabs and line ends, a
/// non-ASCII letter, a byte that is not UTF-8, a byte order mark.
const GARBAGE: &[&[u8]] = &[
    b"(", b")", b"[", b"]", b"{", b"}", b":", b"'", b"\"", b"\"\"\"", b"\\", b"\t", b"\r", b"\r\n", b"\n", b"\xc3\xa9", b"\xff", b"\xef\xbb\xbf",
    b"*", b"await ", b"yield ", b"return ", b"lambda: ", b"nonlocal x\n", b"break\n", b" if ", b",",
];

fn lines_of(text: &[u8]) -> Vec<Vec<u8>> {
    text.split_inclusive(|&b| b == b'\n').map(<[u8]>::to_vec).collect()
}

fn indentation(line: &[u8]) -> Vec<u8> {
    line.iter().take_while(|&&b| b == b' ' || b == b'\t').copied().collect()
}

/// One mutation of `text`.
fn mutate(rng: &mut Rng, text: &[u8]) -> Vec<u8> {
    let mut lines = lines_of(text);
    if lines.is_empty() {
        return b"import time\ntime.sleep(0)\n".to_vec();
    }
    let at = rng.below(lines.len());
    match rng.below(6) {
        0 => {
            lines.remove(at);
        }
        1 => {
            let line = lines[at].clone();
            lines.insert(at, line);
        }
        2 => {
            let mut sleep = indentation(&lines[at]);
            sleep.extend_from_slice(b"time.sleep(0)\n");
            lines.insert(at, sleep);
            lines.insert(0, b"import time\n".to_vec());
        }
        3 => {
            let mut wrapped = vec![b"import time\n".to_vec(), b"def _fuzz_wrapped():\n".to_vec()];
            for line in lines {
                let mut indented = b"    ".to_vec();
                indented.extend_from_slice(&line);
                wrapped.push(indented);
            }
            if wrapped.last().is_some_and(|l| !l.ends_with(b"\n")) {
                wrapped.push(b"\n".to_vec());
            }
            wrapped.push(b"_fuzz_wrapped()\n".to_vec());
            return wrapped.concat();
        }
        4 => {
            let line = String::from_utf8_lossy(&lines[at]).into_owned();
            let mut words: Vec<&str> = line.split(' ').collect();
            if words.len() > 1 {
                let (i, j) = (rng.below(words.len()), rng.below(words.len()));
                words.swap(i, j);
            }
            let mut joined = words.join(" ").into_bytes();
            if !joined.ends_with(b"\n") && lines[at].ends_with(b"\n") {
                joined.push(b'\n');
            }
            lines[at] = joined;
        }
        _ => {
            let line = &mut lines[at];
            let offset = rng.below(line.len() + 1);
            let garbage = GARBAGE[rng.below(GARBAGE.len())];
            line.splice(offset..offset, garbage.iter().copied());
        }
    }
    lines.concat()
}

fn corpus() -> Vec<(String, Vec<u8>)> {
    let dir = repo().join("tests/corpus");
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .expect("tests/corpus")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .map(|p| (p.file_stem().expect("stem").to_string_lossy().into_owned(), std::fs::read(&p).expect("corpus file")))
        .collect();
    files.sort();
    assert!(files.len() > 20, "expected the corpus programs in {}", dir.display());
    files
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// What one mutant gave: the output to compile with CPython, or the problems found.
struct Outcome {
    written: Option<(PathBuf, String)>,
    problems: Vec<String>,
}

/// Runs the pipeline on one mutant, as the command would (green backend), and checks it.
fn check_mutant(name: &str, bytes: Vec<u8>) -> Outcome {
    let rel = PathBuf::from(format!("{name}.py"));
    let mut problems = Vec::new();
    let program = Program::from_sources(vec![(rel.clone(), bytes)], Vec::new());
    let analysis = greenify::analyse(&program, Backend::Green);
    if analysis.diagnostics.iter().any(|d| d.is_error()) {
        return Outcome { written: None, problems };
    }
    let Some(module) = program.modules.first() else {
        problems.push(format!("{name}: no error, yet no module"));
        return Outcome { written: None, problems };
    };
    let output = analysis.texts.first().cloned().flatten().unwrap_or_else(|| module.file.text.clone());
    if !greenify::parse::parses(&output) {
        problems.push(format!("{name}: the output does not parse"));
    }
    if let Err(problem) = lines_kept(&rel, module.file.text.trim_start_matches('\u{feff}'), &output) {
        problems.push(problem);
    }
    let again = Program::from_sources(vec![(rel.clone(), output.clone().into_bytes())], Vec::new());
    let second = greenify::analyse(&again, Backend::Green);
    if let Some(Some(third)) = second.texts.first() {
        if *third != output {
            problems.push(format!("{name}: greenify changes its own output"));
        }
    }
    if second.diagnostics.iter().any(|d| d.is_error()) {
        problems.push(format!("{name}: its own output has errors: {}", second.diagnostics[0].render()));
    }
    Outcome { written: Some((rel, output)), problems }
}

#[test]
fn mutated_corpus_programs_never_break_greenify() {
    let rounds = env_number("GREENIFY_FUZZ_ROUNDS", 4) as usize;
    let mut rng = Rng(env_number("GREENIFY_FUZZ_SEED", 16).max(1));
    let mut mutants = Vec::new();
    for (name, text) in corpus() {
        for round in 0..rounds {
            let mut bytes = text.clone();
            for _ in 0..1 + rng.below(3) {
                bytes = mutate(&mut rng, &bytes);
            }
            mutants.push((format!("{name}_{round}"), bytes));
        }
    }
    let count = mutants.len();
    // The command runs its passes on a worker's stack; so does this.
    let outcomes = std::thread::Builder::new()
        .stack_size(greenify::work::WORKER_STACK)
        .spawn(move || mutants.into_iter().map(|(name, bytes)| check_mutant(&name, bytes)).collect::<Vec<_>>())
        .expect("worker thread")
        .join()
        .expect("greenify panicked on a mutant");
    let mut problems: Vec<String> = outcomes.iter().flat_map(|o| o.problems.clone()).collect();
    let written: Vec<&(PathBuf, String)> = outcomes.iter().filter_map(|o| o.written.as_ref()).collect();
    // Enough mutants must get through for the output checks to mean something.
    assert!(written.len() * 5 > count, "only {} of {count} mutants would be written", written.len());

    let scratch = Scratch::new("fuzz");
    for (rel, text) in &written {
        std::fs::write(scratch.path().join(rel), text).expect("output");
    }
    let script = "import sys\nfor f in sys.argv[1:]:\n    try:\n        compile(open(f, encoding='utf-8').read(), f, 'exec')\n    except (SyntaxError, ValueError) as e:\n        print(f, e)\n";
    let mut cmd = Command::new(python());
    cmd.arg("-c").arg(script).args(written.iter().map(|(rel, _)| rel)).current_dir(scratch.path());
    let run = run_with_timeout(cmd, Duration::from_secs(120));
    assert_eq!(run.status, Some(0), "{}", run.stderr);
    problems.extend(run.stdout.lines().map(|line| format!("CPython does not compile the output of {line}")));
    assert!(problems.is_empty(), "{} of {count} mutants:\n{}", problems.len(), problems.join("\n"));
}
