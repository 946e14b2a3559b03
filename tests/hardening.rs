//! Issue 16: what greenify writes always runs. Cases that need the interpreters (the CLI-only
//! cases are in tests/cli.rs, error positions in tests/positions.rs, the fuzz target in
//! tests/fuzz.rs).
//!
//! * A byte order mark: MicroPython refuses it (a SyntaxError on line 1, even for `print(1)`);
//!   both backends take it off, and the output runs on MicroPython.

mod support;

use std::path::Path;
use std::time::Duration;

use support::{greenify, run_cpython, run_micropython, Scratch};

const LIMIT: Duration = Duration::from_secs(30);

fn write(dir: &Path, rel: &str, content: &[u8]) {
    let path = dir.join(rel);
    std::fs::create_dir_all(path.parent().expect("a file has a folder")).expect("folder");
    std::fs::write(path, content).expect("write");
}

#[test]
fn byte_order_mark_output_runs_on_micropython() {
    for backend in ["green", "thread"] {
        let scratch = Scratch::new(&format!("bom-{backend}"));
        let src = scratch.path().join("src");
        // One file that needs no other change, one the green backend converts, both with a BOM.
        write(&src, "main.py", b"\xef\xbb\xbfimport worker\nprint(1)\nworker.run()\n");
        write(
            &src,
            "worker.py",
            b"\xef\xbb\xbfimport threading\nimport time\n\n\ndef job():\n    time.sleep(0.01)\n    print(2)\n\n\ndef run():\n    t = threading.Thread(target=job)\n    t.start()\n    t.join()\n",
        );
        let out = scratch.path().join("out");
        greenify(&src, &out, backend);
        for file in ["main.py", "worker.py"] {
            let text = std::fs::read(out.join(file)).expect("output");
            assert!(!text.starts_with(b"\xef\xbb\xbf"), "{backend}: {file} kept its byte order mark");
        }
        let run = run_micropython(&out.join("main.py"), &[], LIMIT);
        assert_eq!((run.stdout.as_str(), run.status), ("1\n2\n", Some(0)), "{backend} on MicroPython:\n{}", run.stderr);
        let reference = run_cpython(&src.join("main.py"), LIMIT);
        assert_eq!(reference.stdout, "1\n2\n", "CPython:\n{}", reference.stderr);
    }
}

/// The deadlock report on CPython (host testing) names the user's line for every thread, the
/// main thread's blocking call at module level included (it pointed into the runtime).
#[test]
fn deadlock_report_on_cpython_points_at_the_users_lines() {
    let scratch = Scratch::new("deadlock-lines");
    let src = scratch.path().join("src");
    let program = "import threading\n\nlock = threading.Lock()\nev = threading.Event()\n\n\ndef worker():\n    with lock:\n        ev.wait()\n\n\nt = threading.Thread(target=worker, name=\"w1\")\nt.start()\nt.join()\n";
    write(&src, "main.py", program.as_bytes());
    let out = scratch.path().join("out");
    greenify(&src, &out, "green");
    let run = run_cpython(&out.join("main.py"), LIMIT);
    assert_eq!(run.status, Some(3), "{}", run.stderr);
    let main = out.join("main.py").display().to_string();
    let expected = format!(
        "greenify: deadlock: every thread is blocked\n  MainThread: Thread.join at {main}:14\n  w1: Event.wait at {main}:9\n"
    );
    assert_eq!(run.stderr, expected);
}

/// Deep input (issue 16): long operator chains, attribute chains, nested brackets and calls,
/// deep indentation. None may abort greenify (it overflowed a stack: SIGABRT) in either mode;
/// each is an error at `path:line:col`, with CPython's reason, and no staging folder is left.
#[test]
fn deep_input_is_a_diagnostic_never_an_abort() {
    let plus: String = format!("x = {}\n", vec!["1"; 35_000].join("+"));
    let attrs = format!("x = a{}\n", ".b".repeat(50_000));
    let parens = format!("x = {}1{}\n", "(".repeat(5_000), ")".repeat(5_000));
    let lists = format!("x = {}{}\n", "[".repeat(5_000), "]".repeat(5_000));
    let calls = format!("x = {}{}\n", "f(".repeat(5_000), ")".repeat(5_000));
    let call_chain = format!("import time\n\n\ndef f():\n    time.sleep(0)\n    x = g{}\n", "()".repeat(40_000));
    let long_plus = format!("x = {}\n", vec!["1"; 2_000_000].join("+"));
    let unclosed = format!("x = {})\n", vec!["1"; 2_000_000].join("+"));
    let ifs: String = (0..150).map(|i| format!("{}if x:\n", " ".repeat(i))).collect::<String>() + &" ".repeat(150) + "pass\n";
    let cases: [(&str, String, &str); 9] = [
        ("plus", plus, "main.py:1:5: error[GY001]: file does not parse: nested too deeply"),
        ("attrs", attrs, "main.py:1:1: error[GY001]: file does not parse: nested too deeply"),
        ("parens", parens, "main.py:1:205: error[GY001]: file does not parse: too many nested parentheses"),
        ("lists", lists, "main.py:1:205: error[GY001]: file does not parse: too many nested parentheses"),
        ("calls", calls, "main.py:1:406: error[GY001]: file does not parse: too many nested parentheses"),
        ("call_chain", call_chain, "main.py:6:9: error[GY001]: file does not parse: nested too deeply"),
        ("long_plus", long_plus, "main.py:1:1: error[GY001]: file does not parse: nested too deeply"),
        ("unclosed", unclosed, "main.py:1:1: error[GY001]: file does not parse: nested too deeply"),
        ("indentation", ifs, "main.py:101:1: error[GY001]: file does not parse: too many levels of indentation"),
    ];
    for (name, text, expected) in cases {
        let scratch = Scratch::new(&format!("deep-{name}"));
        let src = scratch.path().join("src");
        write(&src, "main.py", text.as_bytes());
        let out = scratch.path().join("out");
        for check in [true, false] {
            let mut cmd = std::process::Command::new(support::greenify_bin());
            if check {
                cmd.arg("--check");
            }
            cmd.arg(&src).arg(&out);
            let run = support::run_with_timeout(cmd, Duration::from_secs(120));
            assert_eq!(run.status, Some(1), "{name} (check: {check}): {}", run.stderr);
            assert!(run.stderr.starts_with(expected), "{name} (check: {check}): {}", &run.stderr[..run.stderr.len().min(300)]);
            let left: Vec<String> = std::fs::read_dir(scratch.path())
                .expect("listing")
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect();
            assert_eq!(left, ["src"], "{name}: greenify left {left:?}");
        }
    }
}

/// Just inside the limit (3000 levels, as CPython), every shape of deep expression is analysed
/// and rewritten: greenify succeeds and CPython compiles what it wrote.
#[test]
fn deep_input_within_the_limit_is_converted() {
    // Depth counted as CPython does: the function (1), the statement (2), then the expression.
    let n = 2_900;
    let shapes = [
        ("plus", vec!["a"; n].join("+")),
        ("attrs", format!("a{}", ".b".repeat(n))),
        ("call_chain", format!("g{}", "()".repeat(n))),
        ("subscripts", format!("a{}", "[0]".repeat(n))),
        ("not", format!("{}a", "not ".repeat(n))),
        ("conditional", format!("{}c", "a if b else ".repeat(n))),
        ("lambda", format!("{}c", "lambda: ".repeat(n))),
        ("power", vec!["a"; n].join("**")),
    ];
    let scratch = Scratch::new("deep-within");
    let src = scratch.path().join("src");
    let mut modules = Vec::new();
    for (name, expr) in &shapes {
        let text = format!("import time\n\n\ndef f(a, b, c, g):\n    time.sleep(0)\n    return {expr}\n");
        write(&src, &format!("{name}.py"), text.as_bytes());
        modules.push(format!("{name}.py"));
    }
    let out = scratch.path().join("out");
    greenify(&src, &out, "green");
    let script = "import sys\nfor f in sys.argv[1:]:\n    compile(open(f).read(), f, 'exec')\n    assert 'async def f' in open(f).read(), f\n";
    let mut cmd = std::process::Command::new(support::python());
    cmd.arg("-c").arg(script).args(&modules).current_dir(&out);
    let run = support::run_with_timeout(cmd, LIMIT);
    assert_eq!(run.status, Some(0), "{}", run.stderr);
}

/// A big input (issue 16): one 5 MB module of threaded code (15,000 functions and classes)
/// converts and keeps its lines. No timing is asserted; docs/BENCHMARKS.md has the numbers
/// for 5 to 20 MB.
#[test]
fn a_five_megabyte_module_converts() {
    let block = |i: usize| {
        format!(
            "\n\ndef worker_{i}(q, n):\n    total = 0\n    for k in range(n):\n        total += q.get() * {i}\n        time.sleep(0)\n    return total\n\n\nclass Box_{i}:\n    def __init__(self):\n        self.lock = threading.Lock()\n\n    def add(self, x):\n        with self.lock:\n            return x\n"
        )
    };
    let mut text = String::from("import threading\nimport time\n");
    let mut i = 0;
    while text.len() < 5_000_000 {
        text.push_str(&block(i));
        i += 1;
    }
    let scratch = Scratch::new("big-input");
    let src = scratch.path().join("src");
    write(&src, "big.py", text.as_bytes());
    let out = scratch.path().join("out");
    greenify(&src, &out, "green");
    let new = std::fs::read_to_string(out.join("big.py")).expect("output");
    support::lines::assert_lines_kept(Path::new("big.py"), &text, &new);
    assert_eq!(new.matches("async def worker_").count(), i);
    assert_eq!(new.matches("await __gy.sleep(0)").count(), i);
}
