//! The `greenify` command line, end to end: bad input, exit codes, `--check`, `--explain`,
//! `--diff`, what is written (and that nothing is written on errors), idempotence.
//!
//! Each test builds a small SRC in a scratch folder, runs the binary there with relative paths
//! (so the snapshots hold no machine paths), and snapshots exit status, stdout and stderr.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// `insta::assert_snapshot!` into tests/snapshots/cli/NAME.snap.
macro_rules! snapshot {
    ($name:expr, $value:expr) => {
        insta::with_settings!({snapshot_path => "snapshots/cli", prepend_module_to_snapshot => false, omit_expression => true}, {
            insta::assert_snapshot!($name, $value);
        })
    };
}

/// A scratch folder under cargo's target dir, emptied first.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{name}"));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

fn write(dir: &Path, rel: &str, content: impl AsRef<[u8]>) {
    let path = dir.join(rel);
    fs::create_dir_all(path.parent().expect("a file has a folder")).expect("folder");
    fs::write(path, content).expect("file");
}

fn read(dir: &Path, rel: &str) -> Vec<u8> {
    fs::read(dir.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Exit status, stdout and stderr of `greenify ARGS` run in `dir`.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    fn transcript(&self) -> String {
        format!("exit status: {}\n--- stdout\n{}--- stderr\n{}", self.code, self.stdout, self.stderr)
    }
}

fn greenify(dir: &Path, args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_greenify")).args(args).current_dir(dir).output().expect("greenify runs");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "greenify panicked:\n{stderr}");
    Run { code: out.status.code().unwrap_or(-1), stdout: String::from_utf8_lossy(&out.stdout).into_owned(), stderr }
}

/// Names in `dir` (not recursive), sorted: shows that nothing (not even a staging folder) was
/// left behind.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        fs::read_dir(dir).expect("listing").flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

/// Every file under `dir`, relative, sorted.
fn files_under(dir: &Path) -> Vec<String> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
        for entry in fs::read_dir(dir).expect("listing").flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                out.push(path.strip_prefix(root).expect("under root").to_string_lossy().into_owned());
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

/// A small threaded program: main starts a worker that blocks three calls deep.
fn blocking_program(dir: &Path) {
    write(
        dir,
        "src/main.py",
        "import threading\nfrom app import worker\n\n\ndef main():\n    t = threading.Thread(target=worker.run)\n    t.start()\n    t.join()\n\n\nif __name__ == \"__main__\":\n    main()\n",
    );
    write(dir, "src/app/__init__.py", "");
    write(
        dir,
        "src/app/worker.py",
        "import time\nfrom app import net\n\n\ndef run():\n    for i in range(2):\n        print(fetch(i))\n\n\ndef fetch(i):\n    time.sleep(0.01)\n    return net.get_item(i)\n",
    );
    write(
        dir,
        "src/app/net.py",
        "import queue\n\n_q = queue.Queue()\n\n\ndef get_item(i):\n    _q.put(i)\n    return _q.get()\n",
    );
}

// ---- bad input: one line naming the path, non-zero exit, nothing written ----

#[test]
fn missing_src() {
    let dir = scratch("missing-src");
    let run = greenify(&dir, &["nosuch", "out"]);
    snapshot!("missing_src", run.transcript());
    assert_eq!(run.code, 2);
    assert_eq!(run.stderr.lines().count(), 1);
    assert!(listing(&dir).is_empty());
}

#[test]
fn src_is_a_file() {
    let dir = scratch("src-file");
    write(&dir, "src", "x = 1\n");
    let run = greenify(&dir, &["src", "out"]);
    snapshot!("src_is_a_file", run.transcript());
    assert_eq!(listing(&dir), ["src"]);
}

#[test]
fn out_inside_src() {
    let dir = scratch("out-inside");
    write(&dir, "src/main.py", "print(1)\n");
    let run = greenify(&dir, &["src", "src/out"]);
    snapshot!("out_inside_src", run.transcript());
    assert_eq!(run.code, 2);
    assert_eq!(run.stderr.lines().count(), 1);
    assert_eq!(listing(&dir.join("src")), ["main.py"]);
    // The same through a path that only resolves into SRC, and SRC itself as OUT.
    assert_eq!(greenify(&dir, &["src", "./src/../src/deeper/out"]).code, 2);
    assert_eq!(greenify(&dir, &["src", "src"]).code, 2);
    assert_eq!(listing(&dir.join("src")), ["main.py"]);
}

#[test]
fn src_inside_out() {
    let dir = scratch("src-inside");
    write(&dir, "out/src/main.py", "print(1)\n");
    let run = greenify(&dir, &["out/src", "out"]);
    snapshot!("src_inside_out", run.transcript());
    assert_eq!(run.code, 2);
}

#[test]
fn file_that_does_not_parse() {
    let dir = scratch("syntax");
    write(&dir, "src/main.py", "import time\ntime.sleep(1)\n");
    write(&dir, "src/pkg/bad.py", "x = 1\ndef f(:\n    pass\n");
    let run = greenify(&dir, &["src", "out"]);
    snapshot!("file_that_does_not_parse", run.transcript());
    assert_eq!(run.code, 1);
    assert_eq!(run.stderr.lines().count(), 1);
    assert_eq!(listing(&dir), ["src"]);
}

#[test]
fn file_that_is_not_utf8() {
    let dir = scratch("latin1");
    write(&dir, "src/main.py", b"# -*- coding: latin-1 -*-\nname = '\xe9t\xe9'\n");
    let run = greenify(&dir, &["src", "out"]);
    snapshot!("file_that_is_not_utf8", run.transcript());
    assert_eq!(run.code, 1);
    assert_eq!(listing(&dir), ["src"]);
}

#[test]
fn several_errors_are_all_reported_with_a_count() {
    let dir = scratch("several");
    write(&dir, "src/a.py", "def f(:\n");
    write(&dir, "src/b.py", "x = )\n");
    write(&dir, "src/threading.py", "x = 1\n");
    let run = greenify(&dir, &["src", "out"]);
    snapshot!("several_errors", run.transcript());
    assert_eq!(run.code, 1);
    assert_eq!(listing(&dir), ["src"]);
}

#[test]
fn out_is_a_file() {
    let dir = scratch("out-file");
    write(&dir, "src/main.py", "print(1)\n");
    write(&dir, "out", "precious\n");
    let run = greenify(&dir, &["src", "out"]);
    snapshot!("out_is_a_file", run.transcript());
    assert_eq!(run.code, 2);
    assert_eq!(read(&dir, "out"), b"precious\n");
}

#[test]
fn parent_of_out_is_a_file() {
    let dir = scratch("out-parent-file");
    write(&dir, "src/main.py", "print(1)\n");
    write(&dir, "build", "precious\n");
    let run = greenify(&dir, &["src", "build/out"]);
    snapshot!("parent_of_out_is_a_file", run.transcript());
    assert_eq!(run.code, 2);
    assert_eq!(read(&dir, "build"), b"precious\n");
    assert_eq!(listing(&dir), ["build", "src"]);
}

#[test]
fn out_is_a_symbolic_link() {
    let dir = scratch("out-link");
    write(&dir, "src/main.py", "print(1)\n");
    assert_eq!(greenify(&dir, &["src", "real"]).code, 0);
    std::os::unix::fs::symlink("real", dir.join("out")).expect("symlink");
    let run = greenify(&dir, &["src", "out"]);
    snapshot!("out_is_a_symbolic_link", run.transcript());
    assert_eq!(run.code, 2);
    assert!(fs::symlink_metadata(dir.join("out")).expect("link").file_type().is_symlink());
    // Through the link's target it works.
    assert_eq!(greenify(&dir, &["src", "real"]).code, 0);
}

#[test]
fn out_is_not_a_previous_output() {
    let dir = scratch("out-foreign");
    write(&dir, "src/main.py", "print(1)\n");
    write(&dir, "out/notes.txt", "precious\n");
    let run = greenify(&dir, &["src", "out"]);
    snapshot!("out_is_not_a_previous_output", run.transcript());
    assert_eq!(run.code, 2);
    assert_eq!(files_under(&dir.join("out")), ["notes.txt"]);
}

#[test]
fn out_is_a_dangling_symbolic_link() {
    let dir = scratch("out-dangling");
    write(&dir, "src/main.py", "print(1)\n");
    std::os::unix::fs::symlink("nowhere", dir.join("out")).expect("symlink");
    let run = greenify(&dir, &["src", "out"]);
    snapshot!("out_is_a_dangling_symbolic_link", run.transcript());
    assert_eq!(run.code, 2);
    assert!(fs::symlink_metadata(dir.join("out")).expect("link").file_type().is_symlink());
    assert_eq!(listing(&dir), ["out", "src"]);
}

#[test]
fn a_runtime_package_beside_a_users_file_is_not_a_previous_output() {
    // Only a manifest makes a folder greenify's: greenify/__init__.py alone does not.
    let dir = scratch("out-lookalike");
    write(&dir, "src/main.py", "print(1)\n");
    write(&dir, "out/greenify/__init__.py", "x = 1\n");
    write(&dir, "out/mine.txt", "precious\n");
    let run = greenify(&dir, &["src", "out"]);
    snapshot!("runtime_package_is_not_a_previous_output", run.transcript());
    assert_eq!(run.code, 2);
    assert_eq!(files_under(&dir.join("out")), ["greenify/__init__.py", "mine.txt"]);
    assert_eq!(read(&dir, "out/mine.txt"), b"precious\n");
}

#[test]
fn the_manifest_lists_every_file_written() {
    let dir = scratch("manifest");
    blocking_program(&dir);
    write(&dir, "src/data/blob.bin", [0u8, 1, 2]);
    assert_eq!(greenify(&dir, &["src", "out"]).code, 0);
    let manifest = String::from_utf8(read(&dir, "out/.greenify-manifest")).expect("utf-8");
    assert!(manifest.starts_with("# greenify output, backend green\n"), "{manifest}");
    let listed: Vec<&str> = manifest.lines().filter(|l| !l.starts_with('#')).collect();
    let mut written = files_under(&dir.join("out"));
    written.retain(|f| f != ".greenify-manifest");
    assert_eq!(listed, written);
    assert!(listed.contains(&"data/blob.bin") && listed.contains(&"greenify/__init__.py"), "{listed:?}");
}

#[test]
fn a_file_added_to_a_previous_output_is_never_deleted() {
    let dir = scratch("out-added");
    write(&dir, "src/main.py", "print(1)\n");
    assert_eq!(greenify(&dir, &["src", "out"]).code, 0);
    write(&dir, "out/greenify/notes.txt", "precious\n");
    let run = greenify(&dir, &["src", "out"]);
    snapshot!("a_file_added_to_a_previous_output", run.transcript());
    assert_eq!(run.code, 2);
    assert_eq!(read(&dir, "out/greenify/notes.txt"), b"precious\n");
    assert_eq!(listing(&dir), ["out", "src"]);
    // A link is a file greenify did not write, too; a folder of one's own is not (it holds
    // nothing to lose) and goes with the previous output.
    fs::remove_file(dir.join("out/greenify/notes.txt")).expect("remove");
    std::os::unix::fs::symlink("../src", dir.join("out/mylink")).expect("symlink");
    assert_eq!(greenify(&dir, &["src", "out"]).code, 2);
    fs::remove_file(dir.join("out/mylink")).expect("remove");
    fs::create_dir_all(dir.join("out/empty/deeper")).expect("mkdir");
    assert_eq!(greenify(&dir, &["src", "out"]).code, 0);
    assert!(!dir.join("out/empty").exists());
    assert_eq!(listing(&dir), ["out", "src"]);
}

#[test]
fn a_previous_output_as_src_keeps_files_added_to_it() {
    // Given as SRC, a previous output's runtime and manifest are not the program; every other
    // file is, also one added after greenify wrote it.
    let dir = scratch("src-added");
    blocking_program(&dir);
    assert_eq!(greenify(&dir, &["src", "out1"]).code, 0);
    write(&dir, "out1/extra.py", "print('extra')\n");
    let run = greenify(&dir, &["out1", "out2"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert_eq!(read(&dir, "out2/extra.py"), b"print('extra')\n");
    assert_eq!(read(&dir, "out2/app/worker.py"), read(&dir, "out1/app/worker.py"));
}

/// Kills greenify at many moments of a run that replaces a previous output (a fixed sequence
/// of delays): OUT is always there and whole, the previous tree or the new one, never missing
/// and never a mix.
#[test]
fn killed_at_any_moment_out_is_the_old_or_the_new_tree() {
    let dir = scratch("killed");
    // Big enough that a run takes a while: the corpus, eight times.
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    for copy in 0..8 {
        for entry in fs::read_dir(&corpus).expect("corpus").flatten() {
            let name = entry.file_name();
            if name.to_string_lossy().ends_with(".py") {
                fs::create_dir_all(dir.join(format!("src/p{copy}"))).expect("mkdir");
                fs::copy(entry.path(), dir.join(format!("src/p{copy}")).join(&name)).expect("copy");
            }
        }
        write(&dir, &format!("src/p{copy}/__init__.py"), "");
    }
    write(&dir, "src/generation.txt", "0");
    assert_eq!(greenify(&dir, &["src", "out"]).code, 0);
    let whole = |generation: &str| {
        let manifest = String::from_utf8(read(&dir, "out/.greenify-manifest")).expect("utf-8");
        let listed: Vec<&str> = manifest.lines().filter(|l| !l.starts_with('#')).collect();
        let mut present = files_under(&dir.join("out"));
        present.retain(|f| f != ".greenify-manifest");
        assert_eq!(listed, present, "OUT is not a whole tree");
        assert_eq!(String::from_utf8(read(&dir, "out/generation.txt")).expect("utf-8"), generation);
    };
    let mut current = "0".to_string();
    for (i, delay_ms) in [0u64, 3, 7, 12, 20, 30, 45, 60, 80, 100, 130, 160, 200, 250, 320, 400].iter().enumerate() {
        let next = (i + 1).to_string();
        write(&dir, "src/generation.txt", &next);
        let mut child = Command::new(env!("CARGO_BIN_EXE_greenify"))
            .args(["src", "out"])
            .current_dir(&dir)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("greenify starts");
        std::thread::sleep(std::time::Duration::from_millis(*delay_ms));
        let _ = child.kill();
        let status = child.wait().expect("wait");
        assert!(dir.join("out").is_dir(), "OUT is missing after a kill at {delay_ms} ms");
        let generation = String::from_utf8(read(&dir, "out/generation.txt")).expect("utf-8");
        assert!(generation == current || generation == next, "generation {generation} after a kill at {delay_ms} ms");
        whole(&generation);
        if status.success() {
            assert_eq!(generation, next);
        }
        current = generation;
        // What a killed run may leave: hidden folders next to OUT (never OUT itself).
        for name in listing(&dir) {
            if name.starts_with(".out.greenify-") {
                fs::remove_dir_all(dir.join(&name)).expect("remove a leftover");
            } else {
                assert!(name == "out" || name == "src", "{name} next to OUT");
            }
        }
    }
}

#[test]
fn usage_errors_exit_2() {
    let dir = scratch("usage");
    let none = greenify(&dir, &[]);
    snapshot!("usage_no_arguments", none.transcript());
    assert_eq!(none.code, 2);
    let backend = greenify(&dir, &["--backend", "fibers", "src", "out"]);
    snapshot!("usage_bad_backend", backend.transcript());
    assert_eq!(backend.code, 2);
    assert_eq!(greenify(&dir, &["--frobnicate", "src", "out"]).code, 2);
    assert_eq!(greenify(&dir, &["src", "out", "extra"]).code, 2);
    assert_eq!(greenify(&dir, &["--help"]).code, 0);
    assert!(listing(&dir).is_empty());
}

// ---- what is written ----

#[test]
fn writes_the_program_and_the_runtime() {
    let dir = scratch("writes");
    blocking_program(&dir);
    // Not Python: copied byte for byte, whatever the bytes.
    write(&dir, "src/data/blob.bin", [0u8, 159, 146, 150, 255, b'\r', b'\n']);
    write(&dir, "src/README", "crlf\r\nline\r\n");
    // Python needing no change, in every shape of text: copied byte for byte.
    let plain: &[(&str, &[u8])] = &[
        ("src/plain/crlf.py", b"x = 1\r\nif x:\r\n\ty = 'caf\xc3\xa9'\r\n"),
        ("src/plain/no_newline.py", b"x = {'a': 1}.get('a')"),
        ("src/plain/empty.py", b""),
        ("src/plain/cr_only.py", b"x = 1\ry = 2\r"),
        ("src/plain/builtins.py", b"d = {}\nd.get(1)\n','.join(['a'])\n[].append(1)\n"),
    ];
    for (rel, bytes) in plain {
        write(&dir, rel, bytes);
    }
    write(&dir, "src/plain/bom.py", b"\xef\xbb\xbfx = 1\n");
    let run = greenify(&dir, &["src", "out"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert_eq!(run.stdout, "");
    assert_eq!(read(&dir, "out/data/blob.bin"), read(&dir, "src/data/blob.bin"));
    assert_eq!(read(&dir, "out/README"), read(&dir, "src/README"));
    for (rel, bytes) in plain {
        assert_eq!(read(&dir, &rel.replacen("src/", "out/", 1)), *bytes, "{rel}");
    }
    // The one change a file needing no other gets: MicroPython refuses a byte order mark.
    assert_eq!(read(&dir, "out/plain/bom.py"), b"x = 1\n");
    let files = files_under(&dir.join("out"));
    for expected in ["greenify/__init__.py", "threading.py", "queue.py", "main.py", "app/net.py"] {
        assert!(files.iter().any(|f| f == expected), "{expected} missing from {files:?}");
    }
    assert!(!files.iter().any(|f| f.starts_with("greenify/") && f.contains("_thread")), "{files:?}");
    // Nothing but OUT was created next to SRC.
    assert_eq!(listing(&dir), ["out", "src"]);
    // Every line of a converted file is at its number.
    let old = String::from_utf8(read(&dir, "src/app/worker.py")).expect("utf-8");
    let new = String::from_utf8(read(&dir, "out/app/worker.py")).expect("utf-8");
    assert_eq!(old.lines().count(), new.lines().count());
    assert!(new.contains("async def fetch"), "{new}");
}

#[test]
fn converted_files_keep_crlf_tabs_and_non_ascii_and_lose_the_bom() {
    let dir = scratch("odd-text");
    let source = "\u{feff}# caf\u{e9} \u{2603}\r\nimport time\r\n\r\ndef f():\r\n\tx = '\u{e9}\u{e9}'; time.sleep(0.01)\r\n\treturn x\r\n\r\ndef g():\r\n\treturn f()";
    write(&dir, "src/odd.py", source);
    let run = greenify(&dir, &["--diff", "src", "out"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    let out = String::from_utf8(read(&dir, "out/odd.py")).expect("utf-8");
    // MicroPython refuses a byte order mark; every line stays where it was.
    assert!(out.starts_with("# caf\u{e9}"), "{out:?}");
    assert!(out.contains("async def f():\r\n\tx = '\u{e9}\u{e9}'; await __gy.sleep(0.01)\r\n"), "{out:?}");
    assert!(out.contains("async def g():\r\n\treturn await f()"), "{out:?}");
    let lines = |t: &str| greenify::parse::split_lines(t).count();
    assert_eq!(lines(&out), lines(source));
    assert!(run.stdout.contains("+++ b/odd.py"));
}

#[test]
fn missing_parents_of_out_are_created() {
    let dir = scratch("out-parents");
    write(&dir, "src/main.py", "print(1)\n");
    let run = greenify(&dir, &["src", "build/device/out"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert_eq!(read(&dir, "build/device/out/main.py"), b"print(1)\n");
    assert_eq!(listing(&dir.join("build/device")), ["out"]);
}

#[test]
fn a_previous_output_is_replaced_whole() {
    let dir = scratch("replace");
    write(&dir, "src/main.py", "print(1)\n");
    write(&dir, "src/old.py", "print(2)\n");
    assert_eq!(greenify(&dir, &["src", "out"]).code, 0);
    fs::remove_file(dir.join("src/old.py")).expect("remove");
    write(&dir, "src/main.py", "print(3)\n");
    let run = greenify(&dir, &["src", "out"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert_eq!(read(&dir, "out/main.py"), b"print(3)\n");
    assert!(!dir.join("out/old.py").exists());
    assert_eq!(listing(&dir), ["out", "src"]);
    // An empty folder is fine as OUT too.
    fs::create_dir(dir.join("empty")).expect("mkdir");
    assert_eq!(greenify(&dir, &["src", "empty"]).code, 0);
}

#[test]
fn errors_leave_a_previous_output_alone() {
    let dir = scratch("errors-keep");
    write(&dir, "src/main.py", "print(1)\n");
    assert_eq!(greenify(&dir, &["src", "out"]).code, 0);
    let before = files_under(&dir.join("out"));
    write(&dir, "src/main.py", "print(1\n");
    assert_eq!(greenify(&dir, &["src", "out"]).code, 1);
    assert_eq!(files_under(&dir.join("out")), before);
    assert_eq!(read(&dir, "out/main.py"), b"print(1)\n");
}

#[test]
fn skipped_entries_are_warnings() {
    let dir = scratch("skipped");
    write(&dir, "src/main.py", "print(1)\n");
    std::os::unix::fs::symlink(".", dir.join("src/loop")).expect("symlink");
    std::os::unix::fs::symlink("nowhere", dir.join("src/dangling")).expect("symlink");
    std::os::unix::fs::symlink("main.py", dir.join("src/alias.py")).expect("symlink");
    let run = greenify(&dir, &["src", "out"]);
    snapshot!("skipped_entries", run.transcript());
    assert_eq!(run.code, 0);
    // A link to a file is copied as a file.
    assert_eq!(read(&dir, "out/alias.py"), b"print(1)\n");
    assert!(!dir.join("out/loop").exists() && !dir.join("out/dangling").exists());
}

#[test]
fn non_utf8_file_names_are_copied() {
    use std::os::unix::ffi::OsStrExt;
    let dir = scratch("names");
    write(&dir, "src/main.py", "print(1)\n");
    let odd = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
    fs::write(dir.join("src").join(odd), "x").expect("odd name");
    let run = greenify(&dir, &["src", "out"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert_eq!(fs::read(dir.join("out").join(odd)).expect("copied"), b"x");
}

// ---- --check, --explain, --diff ----

#[test]
fn check_writes_nothing() {
    let dir = scratch("check");
    blocking_program(&dir);
    let ok = greenify(&dir, &["--check", "src", "out"]);
    snapshot!("check_ok", ok.transcript());
    assert_eq!(ok.code, 0);
    assert_eq!(listing(&dir), ["src"]);
    write(&dir, "src/app/broken.py", "def f(:\n");
    let bad = greenify(&dir, &["--check", "src", "out"]);
    snapshot!("check_errors", bad.transcript());
    assert_eq!(bad.code, 1);
    assert_eq!(listing(&dir), ["src"]);
}

#[test]
fn rendered_diagnostic_points_at_the_call() {
    let dir = scratch("rendered");
    write(
        &dir,
        "src/main.py",
        "import queue\n\nq = queue.Queue()\n\n\ndef handlers():\n    return [lambda: q.get()]\n",
    );
    let run = greenify(&dir, &["--check", "src", "out"]);
    snapshot!("rendered_diagnostic", run.transcript());
    assert_eq!(run.code, 1);
}

#[test]
fn explain_prints_the_chain_down_to_the_seed() {
    let dir = scratch("explain");
    blocking_program(&dir);
    let run = greenify(&dir, &["--explain", "--check", "src", "out"]);
    snapshot!("explain", run.transcript());
    assert_eq!(run.code, 0);
}

#[test]
fn diff_prints_every_changed_file() {
    let dir = scratch("diff");
    blocking_program(&dir);
    let run = greenify(&dir, &["--diff", "src", "out"]);
    snapshot!("diff", run.transcript());
    assert_eq!(run.code, 0);
    // The diff describes exactly what was written.
    assert!(run.stdout.contains("+++ b/app/worker.py"));
    assert!(!run.stdout.contains("app/__init__.py"));
}

// ---- idempotence and the thread backend ----

#[test]
fn greenify_on_its_own_output_changes_nothing() {
    let dir = scratch("idempotent");
    blocking_program(&dir);
    assert_eq!(greenify(&dir, &["src", "out1"]).code, 0);
    let again = greenify(&dir, &["--diff", "out1", "out2"]);
    assert_eq!(again.code, 0, "{}", again.transcript());
    assert_eq!(again.stdout, "", "a second run changed files");
    let files = files_under(&dir.join("out1"));
    assert_eq!(files, files_under(&dir.join("out2")));
    for file in &files {
        assert_eq!(read(&dir, &format!("out1/{file}")), read(&dir, &format!("out2/{file}")), "{file}");
    }
}

#[test]
fn thread_backend_refuses_a_green_output() {
    let dir = scratch("thread-on-green");
    blocking_program(&dir);
    assert_eq!(greenify(&dir, &["src", "green"]).code, 0);
    let run = greenify(&dir, &["--backend", "thread", "green", "out"]);
    snapshot!("thread_on_green_output", run.transcript());
    assert_eq!(run.code, 1);
    // The other way round is fine: a thread output holds the original code.
    assert_eq!(greenify(&dir, &["--backend", "thread", "src", "thread"]).code, 0);
    assert_eq!(greenify(&dir, &["thread", "green2"]).code, 0);
    assert_eq!(read(&dir, "green2/app/worker.py"), read(&dir, "green/app/worker.py"));
}

#[test]
fn thread_backend_copies_code_and_warns_about_name_only_apis() {
    let dir = scratch("thread");
    blocking_program(&dir);
    write(&dir, "src/trace.py", "import threading\n\nthreading.settrace(print)\nfrom threading import setprofile\n");
    let run = greenify(&dir, &["--backend", "thread", "--diff", "src", "out"]);
    snapshot!("thread_backend", run.transcript());
    assert_eq!(run.code, 0);
    for file in ["main.py", "app/worker.py", "app/net.py", "trace.py"] {
        assert_eq!(read(&dir, &format!("out/{file}")), read(&dir, &format!("src/{file}")), "{file}");
    }
    assert!(dir.join("out/greenify/__init__.py").is_file());
    assert!(dir.join("out/threading.py").is_file());
}

/// The compatibility layer: a compat module goes into OUT when SRC imports it (with both
/// backends, also from inside a function), not when SRC has a module of that name, and a
/// previous output given as SRC gives the same tree again.
#[test]
fn compat_modules_are_shipped_for_what_the_program_imports() {
    let dir = scratch("compat-shipped");
    write(&dir, "src/main.py", "def load(name):\n    import importlib\n    return importlib.import_module(name)\n\n\nprint(load('plugin').NAME)\n");
    write(&dir, "src/plugin.py", "NAME = 'plugin'\n");
    for backend in ["green", "thread"] {
        let out = format!("out-{backend}");
        let run = greenify(&dir, &["--backend", backend, "src", &out]);
        assert_eq!(run.code, 0, "{}", run.transcript());
        let files = files_under(&dir.join(&out));
        assert!(files.iter().any(|f| f == "importlib.py"), "{backend}: {files:?}");
        assert!(String::from_utf8_lossy(&read(&dir, &format!("{out}/.greenify-manifest"))).contains("\nimportlib.py\n"));
    }
    // Again from the output: the compat module is greenify's, not the program's.
    let run = greenify(&dir, &["out-green", "out-again"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert_eq!(files_under(&dir.join("out-again")), files_under(&dir.join("out-green")));
    // A program without the import gets no compat module; one with its own importlib keeps it.
    write(&dir, "plain/main.py", "print(1)\n");
    assert_eq!(greenify(&dir, &["plain", "out-plain"]).code, 0);
    assert!(!files_under(&dir.join("out-plain")).iter().any(|f| f == "importlib.py"));
    write(&dir, "own/main.py", "import importlib\n");
    write(&dir, "own/importlib.py", "MINE = 1\n");
    assert_eq!(greenify(&dir, &["own", "out-own"]).code, 0);
    assert_eq!(read(&dir, "out-own/importlib.py"), b"MINE = 1\n");
}

/// GY401: one warning per import that will not resolve on the device; warnings do not stop
/// OUT from being written (exit status 0).
#[test]
fn missing_modules_are_warned_at_rewrite_time() {
    let dir = scratch("missing-modules");
    write(
        &dir,
        "src/main.py",
        "import subprocess\nimport json\nfrom multiprocessing import Process\n\ntry:\n    import ujson\nexcept ImportError:\n    ujson = json\n\n\ndef helper():\n    import ctypes\n    return ctypes\n",
    );
    let run = greenify(&dir, &["src", "out"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(dir.join("out/main.py").is_file());
    snapshot!("missing_modules", run.transcript());
}
