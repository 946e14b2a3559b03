# Thread-backend behaviour of CPython 3.13 that the host's older CPython cannot show
# (queue shutdown, 3.13 error texts) and MicroPython specifics. Self-checking: prints
# "FAIL ..." for each mismatch, "end" at the end.
import sys
import threading
import queue
import time


def check(what, got, want):
    if got != want:
        print("FAIL", what, "got", repr(got), "want", repr(want))


def err(fn, *a, **k):
    try:
        r = fn(*a, **k)
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)
    return "ok %r" % (r,)


lk = threading.Lock()
check("negative timeout", err(lk.acquire, True, -2), "ValueError: timeout value must be a non-negative number")
check("huge timeout", err(lk.acquire, True, 9223372036.5), "OverflowError: timeout value is too large")
check("queue negative timeout", err(queue.Queue().get, True, -1), "ValueError: 'timeout' must be a non-negative number")

# shutdown(): put raises ShutDown, get drains what is left then raises ShutDown.
q = queue.Queue()
q.put(1)
q.shutdown()
check("put after shutdown", err(q.put, 2), "ShutDown: ")
check("get drains", q.get(), 1)
check("get after drain", err(q.get), "ShutDown: ")
check("get_nowait after drain", err(q.get_nowait), "ShutDown: ")

# shutdown() wakes a blocked getter and a blocked putter.
out = []


def getter(qq):
    try:
        qq.get()
    except queue.ShutDown:
        out.append("get ShutDown")


def putter(qq):
    try:
        qq.put("x")
    except queue.ShutDown:
        out.append("put ShutDown")


q1 = queue.Queue()
q2 = queue.Queue(1)
q2.put(0)
ts = [threading.Thread(target=getter, args=(q1,)), threading.Thread(target=putter, args=(q2,))]
for t in ts:
    t.start()
time.sleep(0.05)
q1.shutdown()
q2.shutdown()
for t in ts:
    t.join()
check("blocked woken", sorted(out), ["get ShutDown", "put ShutDown"])

# shutdown(immediate=True) drops the items and releases join().
iq = queue.Queue()
for i in range(3):
    iq.put(i)
joined = []
jt = threading.Thread(target=lambda: (iq.join(), joined.append(1)))
jt.start()
time.sleep(0.05)
iq.shutdown(immediate=True)
jt.join(2)
check("immediate join released", joined, [1])
check("immediate drained", (iq.qsize(), iq.unfinished_tasks), (0, 0))
check("immediate get", err(iq.get), "ShutDown: ")

# stack_size: MicroPython's _thread.stack_size() resets; ours only reads.
old = threading.stack_size(64 * 1024)
check("stack_size read", threading.stack_size(), 64 * 1024)
check("stack_size read twice", threading.stack_size(), 64 * 1024)
ok = []
st = threading.Thread(target=lambda: ok.append(1))
st.start()
st.join()
check("thread with stack_size", ok, [1])
check("stack_size reset", threading.stack_size(old), 64 * 1024)
check("stack_size negative", err(threading.stack_size, -1), "ValueError: size must be 0 or a positive value")

# A thread that cannot start: RuntimeError("can't start new thread"), cause chained.
if sys.implementation.name == "micropython":
    threading.stack_size(1 << 44)
    bad = threading.Thread(target=print)
    try:
        bad.start()
        check("start failure", "started", "RuntimeError")
    except RuntimeError as e:
        check("start failure text", str(e), "can't start new thread")
        check("start failure cause", isinstance(getattr(e, "__cause__", None), (OSError, MemoryError)), True)
    threading.stack_size(0)
    check("failed thread not listed", bad in threading.enumerate(), False)
    check("failed thread repr", repr(bad).endswith("initial)>"), True)
    good = threading.Thread(target=ok.append, args=(2,))
    good.start()
    good.join()
    check("start after failure", ok, [1, 2])

# Default excepthook reads a hook assigned on the module the program imported.
hooked = []
threading.excepthook = lambda a: hooked.append((a.exc_type.__name__, a.thread.name))
ht = threading.Thread(target=lambda: 1 / 0, name="zd")
ht.start()
ht.join()
st2 = threading.Thread(target=sys.exit, name="se")
st2.start()
st2.join()
threading.excepthook = threading.__excepthook__
check("custom hook", hooked, [("ZeroDivisionError", "zd"), ("SystemExit", "se")])

# A raw _thread thread is a _DummyThread (daemon, alive, not joinable).
import _thread

seen = []
done = threading.Event()


def raw():
    ct = threading.current_thread()
    seen.append((type(ct).__name__, ct.name.startswith("Dummy-"), ct.daemon, ct.is_alive(),
                 err(ct.join)))
    done.set()


_thread.start_new_thread(raw, ())
done.wait(5)
check("dummy thread", seen, [("_DummyThread", True, True, True, "RuntimeError: cannot join a dummy thread")])
# print after threads started: one line per call, sep/end/file honoured, errors like CPython.
if sys.implementation.name == "micropython":
    import io

    buf = io.StringIO()
    print("a", 1, None, sep="-", end="!\n", file=buf)
    print(file=buf)
    print("x", "y", sep=None, end=None, file=buf)
    check("print to file", buf.getvalue(), "a-1-None!\n\nx y\n")
    check("print bad sep", err(print, "a", sep=3), "TypeError: sep must be None or a string, not int")
    inner = io.StringIO()

    class Echo(io.IOBase):
        def write(self, s):  # a stream whose write() prints: no self-deadlock
            if s:
                print("echo:", bytes(s).decode().strip(), file=inner)
            return len(s)

    print("nested", file=Echo())
    check("print from write()", inner.getvalue(), "echo: nested\n")

    # A Thread subclass whose run() adds attributes while another thread reads the object
    # (MicroPython grows the attribute map; the runtime leaves spare room so readers are safe).
    class Worker(threading.Thread):
        def run(self):
            self.r1, self.r2, self.r3, self.r4, self.r5, self.r6 = 1, 2, 3, 4, 5, 6

    total = 0
    for i in range(300):
        w = Worker()
        w.start()
        while w.is_alive():
            w.name
        w.join()
        total += w.r1 + w.r6
    check("subclass attributes", total, 2100)

    # Lines of parallel printers never tear (MicroPython's own print writes piece by piece).
    shared = io.StringIO()

    def printer(tag):
        for i in range(300):
            print(tag * 20, i, file=shared)

    ps = [threading.Thread(target=printer, args=(c,)) for c in "abcd"]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    got = shared.getvalue().split("\n")
    check("line count", len(got), 1201)
    bad = [ln for ln in got[:-1] if len(ln.split(" ")) != 2 or len(set(ln.split(" ")[0])) != 1]
    check("torn lines", bad[:3], [])
print("end")
