//! Green I/O and the MQTT device agent against a real broker (issue 7).
//!
//! * `gsocket_unit_*`: greenify.gsocket / greenify.gselect driven by asyncio directly (no rewriter):
//!   MicroPython and CPython print the expected block at the end of tests/io/gsocket_unit.py.
//! * `recv_ticker_*`: tests/io/recv_ticker.py, a threaded program in which one thread is blocked in
//!   `recv` / `poll` while another keeps ticking: CPython is the reference; greenified on MicroPython,
//!   the thread backend on MicroPython and greenified on CPython must print the same.
//! * `agent_*`: examples/agent (with umqtt/simple.py fetched by scripts/agent_setup.sh) run by
//!   examples/agent/tools/driver.py: mosquitto on a free 127.0.0.1 port, 50 commands incl. 5 long
//!   `sleep 1` jobs, heartbeat count, broker restart + reconnect, quit. On CPython, greenified on
//!   MicroPython, with the thread backend on MicroPython, and greenified on CPython.
//! * `agent_*_192k`: the same greenified on MicroPython with `-X heapsize=192k` (the heap
//!   docs/AGENT.md states, with its margin), and the driver's `chaos` scenario there (seeded: floods
//!   while every worker is busy, the broker killed and restarted): the agent drops and counts what
//!   does not fit, never stops, answers afterwards and exits 0 on `quit`; once with the bounded
//!   inbox, once with an unbounded one so that the heap itself runs out in the message callback.
//! * `agent_callback_memory_error_*`: a MemoryError in the message callback drops and counts the
//!   message (deterministic: an inbox that raises it).
//!
//! Missing tools are failures naming the setup command, never skips.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use support::{greenify, micropython, normalise, python, repo, run_with_timeout, Run, Scratch};

const SETUP: &str = "scripts/agent_setup.sh";

/// .venv's python with paho-mqtt (the driver's interpreter).
fn driver_python() -> PathBuf {
    let py = repo().join(".venv/bin/python");
    assert!(
        py.is_file(),
        "{} missing: run `scripts/setup.sh` then `{SETUP}`",
        py.display()
    );
    let ok = Command::new(&py)
        .args(["-c", "import paho.mqtt.client"])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    assert!(ok, "paho-mqtt is not installed in .venv: run `{SETUP}`");
    py
}

fn mosquitto() -> PathBuf {
    if let Some(p) = std::env::var_os("GREENIFY_MOSQUITTO") {
        let p = PathBuf::from(p);
        assert!(p.is_file(), "GREENIFY_MOSQUITTO={} does not exist: run `{SETUP}` or unset it", p.display());
        return p;
    }
    for dir in std::env::var("PATH").unwrap_or_default().split(':').chain(["/usr/sbin", "/usr/bin"]) {
        let p = Path::new(dir).join("mosquitto");
        if p.is_file() {
            return p;
        }
    }
    panic!("mosquitto (the MQTT broker) is not installed: run `{SETUP}` (installs the Debian package)");
}

fn agent_src() -> PathBuf {
    let src = repo().join("examples/agent");
    assert!(
        src.join("umqtt/simple.py").is_file(),
        "examples/agent/umqtt/simple.py is missing (third-party, not committed): run `{SETUP}`"
    );
    src
}

fn free_port() -> u16 {
    let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind a free port");
    l.local_addr().expect("local addr").port()
}

fn copy_tree(from: &Path, to: &Path, skip: &[&str]) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read_dir") {
        let entry = entry.expect("dir entry");
        let name = entry.file_name();
        let name_s = name.to_string_lossy();
        if skip.contains(&name_s.as_ref()) || name_s == "__pycache__" {
            continue;
        }
        let path = entry.path();
        if path.is_dir() {
            copy_tree(&path, &to.join(&name), &[]);
        } else {
            std::fs::copy(&path, to.join(&name)).expect("copy");
        }
    }
}

fn show(run: &Run) -> String {
    format!(
        "status {:?}{}\n---- stdout ----\n{}---- stderr ----\n{}",
        run.status,
        if run.timed_out { " (timed out)" } else { "" },
        run.stdout,
        run.stderr
    )
}

// ---- gsocket / gselect unit test ------------------------------------------------------------

/// A folder with a `greenify` package holding only the green I/O modules (and the platform flag they read).
fn io_package(scratch: &Path) -> PathBuf {
    let pkg = scratch.join("greenify");
    std::fs::create_dir_all(&pkg).expect("mkdir");
    std::fs::write(pkg.join("__init__.py"), "").expect("write");
    for f in ["green/gsocket.py", "green/gselect.py", "common/_plat.py"] {
        let name = Path::new(f).file_name().expect("file name");
        std::fs::copy(repo().join("runtime_py").join(f), pkg.join(name)).expect("copy runtime");
    }
    std::fs::copy(repo().join("tests/io/gsocket_unit.py"), scratch.join("gsocket_unit.py")).expect("copy");
    scratch.to_path_buf()
}

fn expected_unit_output() -> String {
    let text = std::fs::read_to_string(repo().join("tests/io/gsocket_unit.py")).expect("read");
    let block = text.split("# expected:\n").nth(1).expect("expected block");
    block.lines().map(|l| format!("{}\n", l.trim_start_matches("# ").trim_start_matches('#'))).collect()
}

fn gsocket_unit(interp: PathBuf, extra: &[&str], tag: &str) {
    let scratch = Scratch::new(tag);
    let dir = io_package(scratch.path());
    let (port, dead) = (free_port(), free_port());
    let mut cmd = Command::new(&interp);
    cmd.args(extra).arg("gsocket_unit.py").arg(port.to_string()).arg(dead.to_string()).current_dir(&dir);
    let run = run_with_timeout(cmd, Duration::from_secs(30));
    assert_eq!(run.stdout, expected_unit_output(), "gsocket unit test on {}:\n{}", interp.display(), show(&run));
    assert_eq!(run.status, Some(0), "{}", show(&run));
}

#[test]
fn gsocket_unit_micropython() {
    gsocket_unit(micropython(), &[], "gsock-mp");
}

#[test]
fn gsocket_unit_cpython() {
    gsocket_unit(python(), &["-u"], "gsock-cp");
}

// ---- a thread blocked in recv does not block the others ------------------------------------

fn recv_ticker_src(scratch: &Path) -> PathBuf {
    let src = scratch.join("src");
    std::fs::create_dir_all(&src).expect("mkdir");
    std::fs::copy(repo().join("tests/io/recv_ticker.py"), src.join("recv_ticker.py")).expect("copy");
    src
}

fn run_script(interp: &Path, extra: &[&str], dir: &Path, script: &str, args: &[String]) -> Run {
    let mut cmd = Command::new(interp);
    cmd.args(extra).arg(script).args(args).current_dir(dir);
    run_with_timeout(cmd, Duration::from_secs(30))
}

fn recv_ticker_reference() -> String {
    let scratch = Scratch::new("ticker-ref");
    let src = recv_ticker_src(scratch.path());
    let run = run_script(&python(), &["-u"], &src, "recv_ticker.py", &[free_port().to_string()]);
    assert_eq!(run.status, Some(0), "CPython reference run of recv_ticker.py:\n{}", show(&run));
    assert!(run.stdout.contains("ticker kept ticking while I was blocked: True"), "{}", show(&run));
    normalise(&run.stdout)
}

fn recv_ticker_converted(backend: &str, interp: PathBuf, extra: &[&str]) {
    let reference = recv_ticker_reference();
    let scratch = Scratch::new(&format!("ticker-{backend}"));
    let src = recv_ticker_src(scratch.path());
    let out = scratch.path().join("out");
    greenify(&src, &out, backend);
    let run = run_script(&interp, extra, &out, "recv_ticker.py", &[free_port().to_string()]);
    assert_eq!(
        normalise(&run.stdout),
        reference,
        "recv_ticker.py ({backend} backend on {}) differs from CPython:\n{}",
        interp.display(),
        show(&run)
    );
    assert_eq!(run.status, Some(0), "{}", show(&run));
}

#[test]
fn recv_ticker_green_micropython() {
    recv_ticker_converted("green", micropython(), &[]);
}

#[test]
fn recv_ticker_thread_micropython() {
    recv_ticker_converted("thread", micropython(), &[]);
}

#[test]
fn recv_ticker_green_cpython() {
    recv_ticker_converted("green", python(), &["-u"]);
}

// ---- the agent against mosquitto ---------------------------------------------------------------

fn drive(agent_dir: &Path, agent_cmd: &[&str], what: &str) {
    drive_with(agent_dir, agent_cmd, &[], &[], what);
}

/// Runs the driver with extra driver options (`--scenario chaos --seed 1`) and extra environment
/// for the agent (the driver passes its own environment on).
fn drive_with(agent_dir: &Path, agent_cmd: &[&str], options: &[&str], env: &[(&str, &str)], what: &str) -> Run {
    let py = driver_python();
    let broker = mosquitto();
    let mut cmd = Command::new(py);
    cmd.arg(repo().join("examples/agent/tools/driver.py"))
        .arg("--mosquitto")
        .arg(&broker)
        .arg("--cwd")
        .arg(agent_dir)
        .args(options)
        .arg("--")
        .args(agent_cmd)
        .envs(env.iter().copied());
    let run = run_with_timeout(cmd, Duration::from_secs(180));
    assert!(
        run.status == Some(0) && run.stdout.contains("driver: PASS"),
        "agent scenario failed ({what}):\n{}",
        show(&run)
    );
    run
}

/// examples/agent without the driver (a tool of the example, not part of the device program).
fn agent_tree(scratch: &Path) -> PathBuf {
    let src = scratch.join("src");
    copy_tree(&agent_src(), &src, &["tools", "agent-data"]);
    src
}

#[test]
fn agent_cpython() {
    let scratch = Scratch::new("agent-cp");
    let src = agent_tree(scratch.path());
    let py = python();
    drive(&src, &[py.to_str().unwrap(), "-u", "main.py"], "CPython, unconverted");
}

#[test]
fn agent_green_micropython() {
    let scratch = Scratch::new("agent-green");
    let src = agent_tree(scratch.path());
    let out = scratch.path().join("out");
    greenify(&src, &out, "green");
    let mp = micropython();
    drive(&out, &[mp.to_str().unwrap(), "main.py"], "greenified, MicroPython");
}

#[test]
fn agent_green_cpython() {
    let scratch = Scratch::new("agent-green-cp");
    let src = agent_tree(scratch.path());
    let out = scratch.path().join("out");
    greenify(&src, &out, "green");
    let py = python();
    drive(&out, &[py.to_str().unwrap(), "-u", "main.py"], "greenified, CPython");
}

#[test]
fn agent_thread_micropython() {
    let scratch = Scratch::new("agent-thread");
    let src = agent_tree(scratch.path());
    let out = scratch.path().join("out");
    greenify(&src, &out, "thread");
    let mp = micropython();
    drive(&out, &[mp.to_str().unwrap(), "main.py"], "thread backend, MicroPython");
}

// ---- a small heap and broker chaos ---------------------------------------------------------------

/// The heap docs/AGENT.md says the agent runs in (measured need plus a margin).
const SMALL_HEAP: &str = "heapsize=192k";

fn green_agent(tag: &str) -> (Scratch, PathBuf) {
    let scratch = Scratch::new(tag);
    let src = agent_tree(scratch.path());
    let out = scratch.path().join("out");
    greenify(&src, &out, "green");
    (scratch, out)
}

#[test]
fn agent_green_micropython_192k() {
    let (_scratch, out) = green_agent("agent-green-192k");
    let mp = micropython();
    drive(&out, &[mp.to_str().unwrap(), "-X", SMALL_HEAP, "main.py"], "greenified, MicroPython, 192k heap");
}

#[test]
fn agent_chaos_green_micropython_192k() {
    let (_scratch, out) = green_agent("agent-chaos");
    let mp = micropython();
    let run = drive_with(
        &out,
        &[mp.to_str().unwrap(), "-X", SMALL_HEAP, "main.py"],
        &["--scenario", "chaos", "--seed", "1"],
        &[],
        "broker chaos, greenified, MicroPython, 192k heap",
    );
    // The floods overflow the bounded inbox: what did not fit was dropped and counted.
    assert!(run.stdout.contains(" dropped="), "{}", show(&run));
}

#[test]
fn agent_chaos_unbounded_inbox_green_micropython_192k() {
    // With no bound on the inbox, a flood exhausts the heap: the allocation that fails is the
    // queue's, inside the message callback (the case of issue 16).
    let (_scratch, out) = green_agent("agent-chaos-unbounded");
    let mp = micropython();
    drive_with(
        &out,
        &[mp.to_str().unwrap(), "-X", SMALL_HEAP, "main.py"],
        &["--scenario", "chaos", "--seed", "2"],
        &[("AGENT_INBOX", "0")],
        "broker chaos with an unbounded inbox, greenified, MicroPython, 192k heap",
    );
}

/// A script run inside the agent's tree: the message callback given an inbox whose `put_nowait`
/// raises MemoryError (then one that is full) must return normally and count both messages.
const CALLBACK_PROBE: &str = r#"
from queue import Full
from devagent.config import Config
from devagent.link import Link


class Exhausted:
    def put_nowait(self, item):
        raise MemoryError("memory allocation failed")


class Crowded:
    def put_nowait(self, item):
        raise Full


link = Link(Config(["main.py"]), Exhausted())
link.on_message(b"agent/x/cmd", b"1 echo a")
link.inbox = Crowded()
link.on_message(b"agent/x/cmd", b"2 echo b")
print("received", link.received, "dropped", link.dropped)
"#;

fn callback_memory_error(dir: &Path, interp: PathBuf, what: &str) {
    std::fs::write(dir.join("probe_callback.py"), CALLBACK_PROBE).expect("write the probe");
    let run = run_script(&interp, &[], dir, "probe_callback.py", &[]);
    assert_eq!(run.stdout, "received 2 dropped 2\n", "{what}:\n{}", show(&run));
    assert_eq!(run.status, Some(0), "{what}:\n{}", show(&run));
}

#[test]
fn agent_callback_memory_error_green_micropython() {
    let (_scratch, out) = green_agent("agent-callback-green");
    callback_memory_error(&out, micropython(), "greenified, MicroPython");
}

#[test]
fn agent_callback_memory_error_cpython() {
    let scratch = Scratch::new("agent-callback-cp");
    let src = agent_tree(scratch.path());
    callback_memory_error(&src, python(), "CPython, unconverted");
}
