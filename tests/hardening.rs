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
