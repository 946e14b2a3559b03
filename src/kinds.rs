//! The catalog of what blocks: the runtime object kinds (threads, locks, queues, sockets...), the
//! constructors that build them, their blocking methods and the arguments that make a call
//! non-blocking, and the module functions that block (`time.sleep`, `select.select`).
//!
//! Everything here is data about the outside world (CPython's and MicroPython's modules); the
//! analysis that decides which values have which kind lives in `resolve`.

use crate::parse::ast::{self, Expr};

/// The kind of a runtime object, as far as blocking is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Thread,
    /// A `threading.Timer`: a thread whose `run` waits on its `finished` Event, then calls its
    /// function.
    Timer,
    Lock,
    Condition,
    Semaphore,
    Event,
    Barrier,
    Queue,
    Socket,
    Poll,
    /// A `concurrent.futures` thread pool (`ThreadPoolExecutor`): `submit`/`map` run callables as
    /// thread bodies; `with pool:` waits for them at its end.
    Executor,
    /// A `concurrent.futures.Future`: `result()`/`exception()` wait for it.
    Future,
    /// A future known to be done: what a done-callback gets, what `as_completed` yields, the
    /// `done` set of `wait`. Its `result()` returns at once (the runtime gives the value).
    DoneFuture,
    /// What `Executor.map` and `as_completed` return: iterating it waits for the next result.
    Results,
}

impl Kind {
    /// The name used in messages and `--explain`, e.g. `Queue`.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Thread => "Thread",
            Kind::Timer => "Timer",
            Kind::Lock => "Lock",
            Kind::Condition => "Condition",
            Kind::Semaphore => "Semaphore",
            Kind::Event => "Event",
            Kind::Barrier => "Barrier",
            Kind::Queue => "Queue",
            Kind::Socket => "socket",
            Kind::Poll => "poll",
            Kind::Executor => "ThreadPoolExecutor",
            Kind::Future | Kind::DoneFuture => "Future",
            Kind::Results => "results iterator",
        }
    }

    /// Whether `with x:` on this kind acquires (and so may block): becomes `async with`.
    pub fn is_lock_like(self) -> bool {
        matches!(self, Kind::Lock | Kind::Condition | Kind::Semaphore)
    }

    /// Whether `with x:` on this kind may block (lock-like kinds acquire, a thread pool's end
    /// waits for its work): becomes `async with`.
    pub fn with_blocks(self) -> bool {
        self.is_lock_like() || self == Kind::Executor
    }

    /// Threads and timers.
    pub fn is_thread(self) -> bool {
        matches!(self, Kind::Thread | Kind::Timer)
    }

    /// Whether `method` of this kind can block (ignoring arguments). A thread's `run` runs its
    /// target (`super().run()` in a subclass), which may block.
    pub fn blocks(self, method: &str) -> bool {
        match self {
            Kind::Thread | Kind::Timer => matches!(method, "join" | "run"),
            Kind::Lock | Kind::Semaphore => method == "acquire",
            Kind::Condition => matches!(method, "acquire" | "wait" | "wait_for"),
            Kind::Event | Kind::Barrier => method == "wait",
            Kind::Queue => matches!(method, "get" | "put" | "join"),
            Kind::Socket => SOCKET_METHODS.contains(&method),
            Kind::Poll => matches!(method, "poll" | "ipoll"),
            Kind::Executor => matches!(method, "shutdown" | "map"),
            Kind::Future => matches!(method, "result" | "exception"),
            Kind::DoneFuture | Kind::Results => false,
        }
    }
}

/// The socket methods that wait for the network.
pub const SOCKET_METHODS: &[&str] =
    &["connect", "accept", "recv", "recvfrom", "recv_into", "read", "readinto", "readline", "send", "sendall", "sendto", "write"];

/// Every method name that blocks on some kind: the names the unknown-receiver rule looks at
/// (not `run`: an unknown `x.run()` is seldom a thread's).
pub fn is_blocking_name(method: &str) -> Option<Kind> {
    const ORDER: &[Kind] =
        &[Kind::Queue, Kind::Thread, Kind::Lock, Kind::Condition, Kind::Event, Kind::Barrier, Kind::Socket, Kind::Poll];
    if method == "run" {
        return None;
    }
    ORDER.iter().copied().find(|k| k.blocks(method))
}

/// The runtime objects a runtime object holds as attributes: a Timer's `finished` Event.
pub fn runtime_attribute(kind: Kind, attr: &str) -> Option<Kind> {
    match (kind, attr) {
        (Kind::Timer, "finished") => Some(Kind::Event),
        _ => None,
    }
}

/// Whether a dotted name outside SRC is a module greenify knows blocking functions of (`time`,
/// `utime`, `select`, `socket`, greenify's own `greenify`, `greenify.gselect`...), as opposed to
/// one of their functions.
pub fn is_module_name(q: &str) -> bool {
    matches!(canonical_module(q), "time" | "select" | "socket" | "greenify" | "greenify.gselect" | "greenify.gsocket")
}

/// The external modules whose names matter. `u`-prefixed MicroPython names are the same module.
pub fn canonical_module(name: &str) -> &str {
    match name {
        "utime" => "time",
        "usocket" => "socket",
        "uselect" => "select",
        "uqueue" => "queue",
        other => other,
    }
}

/// The modules greenify knows the blocking parts of (canonical names). MicroPython has them
/// built in, so a file of SRC with one of these names is a CPython stand-in, never the module.
pub fn is_known_module(module: &str) -> bool {
    matches!(module, "threading" | "queue" | "time" | "socket" | "select")
}

/// What calling a known external function does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum External {
    /// Builds a runtime object of this kind; `replace` is the runtime's constructor that takes the
    /// callee's place (sockets and polls), if any.
    Constructor { kind: Kind, replace: Option<&'static str> },
    /// Blocks; the callee is replaced by the runtime's awaitable version, which returns a runtime
    /// object of kind `returns`, if any (`socket.create_connection` returns a socket).
    Blocking { replace: &'static str, returns: Option<Kind> },
    /// Returns an existing thread (`current_thread()`).
    CurrentThread,
}

/// `module.name` (canonical module name) as a known external function.
pub fn external_function(module: &str, name: &str) -> Option<External> {
    use External::*;
    let ctor = |kind| Some(Constructor { kind, replace: None });
    match (canonical_module(module), name) {
        ("threading", "Thread") => ctor(Kind::Thread),
        ("threading", "Timer") => ctor(Kind::Timer),
        ("threading", "Lock" | "RLock") => ctor(Kind::Lock),
        ("threading", "Condition") => ctor(Kind::Condition),
        ("threading", "Semaphore" | "BoundedSemaphore") => ctor(Kind::Semaphore),
        ("threading", "Event") => ctor(Kind::Event),
        ("threading", "Barrier") => ctor(Kind::Barrier),
        ("threading", "current_thread" | "main_thread" | "currentThread") => Some(CurrentThread),
        ("concurrent.futures", "ThreadPoolExecutor" | "ProcessPoolExecutor") => ctor(Kind::Executor),
        ("concurrent.futures", "Future") => ctor(Kind::Future),
        ("queue", "Queue" | "LifoQueue" | "PriorityQueue" | "SimpleQueue") => ctor(Kind::Queue),
        ("time", "sleep") => Some(Blocking { replace: "sleep", returns: None }),
        ("time", "sleep_ms") => Some(Blocking { replace: "sleep_ms", returns: None }),
        ("time", "sleep_us") => Some(Blocking { replace: "sleep_us", returns: None }),
        ("socket", "socket") => Some(Constructor { kind: Kind::Socket, replace: Some("gsocket.socket") }),
        ("select", "poll") => Some(Constructor { kind: Kind::Poll, replace: Some("gselect.poll") }),
        ("select", "select") => Some(Blocking { replace: "gselect.select", returns: None }),
        // greenify's own output (`__gy.sleep(...)`, `__gy.gsocket.socket()`), read again.
        ("greenify", "sleep") => Some(Blocking { replace: "sleep", returns: None }),
        ("greenify", "sleep_ms") => Some(Blocking { replace: "sleep_ms", returns: None }),
        ("greenify", "sleep_us") => Some(Blocking { replace: "sleep_us", returns: None }),
        ("greenify.gsocket", "socket") => Some(Constructor { kind: Kind::Socket, replace: Some("gsocket.socket") }),
        ("greenify.gsocket", "create_connection") => {
            Some(Blocking { replace: "gsocket.create_connection", returns: Some(Kind::Socket) })
        }
        ("greenify.gselect", "poll") => Some(Constructor { kind: Kind::Poll, replace: Some("gselect.poll") }),
        ("greenify.gselect", "select") => Some(Blocking { replace: "gselect.select", returns: None }),
        ("socket", "create_connection") => {
            Some(Blocking { replace: "gsocket.create_connection", returns: Some(Kind::Socket) })
        }
        _ => None,
    }
}

/// Whether `module.name` is a thread constructor whose callable argument the runtime calls (and
/// awaits): `Thread(target=f, args, kwargs)`, `Timer(interval, function, args, kwargs)`.
pub fn thread_target_params(module: &str, name: &str) -> Option<ThreadParams> {
    match (canonical_module(module), name) {
        ("threading", "Thread") => Some(ThreadParams { target: ("target", 1), args: ("args", 3), kwargs: ("kwargs", 4) }),
        ("threading", "Timer") => Some(ThreadParams { target: ("function", 1), args: ("args", 2), kwargs: ("kwargs", 3) }),
        _ => None,
    }
}

/// Keyword name and positional index of a thread constructor's parameters.
#[derive(Debug, Clone, Copy)]
pub struct ThreadParams {
    pub target: (&'static str, usize),
    pub args: (&'static str, usize),
    pub kwargs: (&'static str, usize),
}

/// Whether a queue constructor call builds a queue without a bound, whose `put` never blocks:
/// `SimpleQueue()`, `Queue()`, `Queue(0)`, `LifoQueue(maxsize=-1)`.
pub fn queue_unbounded(constructor: &str, call: &ast::ExprCall) -> bool {
    if constructor == "SimpleQueue" {
        return true;
    }
    let maxsize = call.args.first().or_else(|| call.keywords.iter().find(|k| k.arg.as_ref().is_some_and(|a| a.as_str() == "maxsize")).map(|k| &k.value));
    match maxsize {
        None => true,
        Some(Expr::Constant(c)) => matches!(&c.value, ast::Constant::Int(i) if i.to_string() == "0"),
        Some(Expr::UnaryOp(u)) => matches!(u.op, ast::UnaryOp::USub) && matches!(&*u.operand, Expr::Constant(_)),
        Some(_) => false,
    }
}

/// Whether the arguments make a blocking method return at once (`acquire(False)`,
/// `get(block=False)`, `put(x, False)`): then it is a plain call.
pub fn non_blocking_call(kind: Kind, method: &str, call: &ast::ExprCall) -> bool {
    non_blocking_call_at(kind, method, call, 0)
}

/// `non_blocking_call` for a call whose first `skip` positional arguments come before the
/// method's own (`queue.Queue.get(q, False)`: the receiver).
pub fn non_blocking_call_at(kind: Kind, method: &str, call: &ast::ExprCall, skip: usize) -> bool {
    let (keyword, position) = match (kind, method) {
        (Kind::Lock | Kind::Semaphore | Kind::Condition, "acquire") => ("blocking", 0),
        (Kind::Queue, "get") => ("block", 0),
        (Kind::Queue, "put") => ("block", 1),
        (Kind::Executor, "shutdown") => ("wait", 0),
        _ => return false,
    };
    let by_keyword = call.keywords.iter().any(|k| k.arg.as_ref().is_some_and(|a| a.as_str() == keyword) && is_false(&k.value));
    by_keyword || call.args.get(position + skip).is_some_and(is_false)
}

fn is_false(expr: &Expr) -> bool {
    match expr {
        Expr::Constant(c) => match &c.value {
            ast::Constant::Bool(b) => !b,
            ast::Constant::Int(i) => i.to_string() == "0",
            _ => false,
        },
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::ast::{self, Expr};
    use rustpython_parser::Parse;

    fn call(src: &str) -> ast::ExprCall {
        match ast::Expr::parse(src, "<test>") {
            Ok(Expr::Call(c)) => c,
            _ => panic!("not a call: {src}"),
        }
    }

    #[test]
    fn queues_without_a_bound() {
        assert!(queue_unbounded("Queue", &call("queue.Queue()")));
        assert!(queue_unbounded("Queue", &call("Queue(0)")));
        assert!(queue_unbounded("LifoQueue", &call("LifoQueue(maxsize=-1)")));
        assert!(queue_unbounded("SimpleQueue", &call("SimpleQueue()")));
        assert!(!queue_unbounded("Queue", &call("Queue(2)")));
        assert!(!queue_unbounded("Queue", &call("Queue(maxsize=n)")));
    }

    #[test]
    fn false_arguments_make_blocking_methods_plain() {
        assert!(non_blocking_call(Kind::Lock, "acquire", &call("l.acquire(False)")));
        assert!(non_blocking_call(Kind::Lock, "acquire", &call("l.acquire(blocking=False)")));
        assert!(non_blocking_call(Kind::Queue, "get", &call("q.get(False)")));
        assert!(non_blocking_call(Kind::Queue, "put", &call("q.put(x, False)")));
        assert!(non_blocking_call(Kind::Queue, "put", &call("q.put(x, block=False)")));
        assert!(!non_blocking_call(Kind::Queue, "put", &call("q.put(False)")));
        assert!(!non_blocking_call(Kind::Queue, "get", &call("q.get(True, 1)")));
        assert!(!non_blocking_call(Kind::Thread, "join", &call("t.join(0)")));
        assert!(non_blocking_call(Kind::Executor, "shutdown", &call("ex.shutdown(wait=False)")));
        assert!(!non_blocking_call(Kind::Executor, "shutdown", &call("ex.shutdown(cancel_futures=False)")));
    }

    #[test]
    fn u_modules_are_the_same_module() {
        assert_eq!(external_function("utime", "sleep_ms"), Some(External::Blocking { replace: "sleep_ms", returns: None }));
        assert!(matches!(external_function("usocket", "socket"), Some(External::Constructor { kind: Kind::Socket, .. })));
        assert_eq!(external_function("os", "sleep"), None);
        assert!(Kind::Queue.blocks("get") && !Kind::Queue.blocks("get_nowait"));
        assert!(Kind::Condition.is_lock_like() && !Kind::Event.is_lock_like());
    }
}
