# time.monotonic deadlines polled by a thread, perf_counter(_ns)/monotonic_ns/process_time, strftime of
# gmtime, contextlib (contextmanager swallowing an exception, suppress, closing, ExitStack with a
# callback), os.path and os.environ, traceback.format_exc in a thread, format_exception_only,
# importlib.import_module of built-in modules (json, os.path).
import contextlib
import os
import os.path
import sys
import threading
import time
import traceback
import importlib
from contextlib import contextmanager, suppress, closing, ExitStack

class Conn:
    def __init__(self, name):
        self.name = name
    def close(self):
        print("closed", self.name)

@contextmanager
def section(label):
    print("enter", label)
    try:
        yield label.upper()
    except KeyError as e:
        print("caught in cm", type(e).__name__)
    finally:
        print("exit", label)

deadline = time.monotonic() + 0.05
polls = 0
ev = threading.Event()
def poller():
    global polls
    while time.monotonic() < deadline:
        polls += 1
        time.sleep(0.01)
    ev.set()
th = threading.Thread(target=poller, daemon=True)
th.start()
ev.wait()
print("polled", polls >= 2, time.monotonic() >= deadline)
t0 = time.perf_counter(); t0n = time.perf_counter_ns(); m = time.monotonic_ns()
time.sleep(0.02)
print(time.perf_counter() - t0 >= 0.015, (time.perf_counter_ns() - t0n) // 1000000 >= 15, time.monotonic_ns() > m, time.process_time() >= 0)
print(time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(86400 * 365)), time.strftime("%a %b %d %j %p %I", time.gmtime(1e9)))

with section("a") as s:
    print("inside", s)
with section("b"):
    raise KeyError("k")
with suppress(ZeroDivisionError, ValueError):
    1 / 0
print("after suppress")
with closing(Conn("c1")):
    print("using c1")
with ExitStack() as stack:
    for n in ("x", "y"):
        stack.enter_context(closing(Conn(n)))
    stack.callback(print, "callback ran")
print(os.path.join("a", "b", "c.txt"), os.path.basename("/x/y.log"), os.path.dirname("/x/y.log"), os.path.splitext("f.tar.gz"))
print(os.path.exists("/nonexistent_zz"), os.path.isdir("."), os.path.isabs("/a"), os.path.normpath("a//b/../c"))
print(os.environ.get("GY_NOPE", "dflt"), os.getenv("GY_NOPE2") is None, os.sep)
def fail():
    raise ValueError("bad value")
def worker():
    try:
        fail()
    except ValueError:
        text = traceback.format_exc()
        print(text.splitlines()[0], "|", text.splitlines()[-1])
w = threading.Thread(target=worker)
w.start(); w.join()
try:
    raise LookupError("no such sensor")
except LookupError as e:
    print("".join(traceback.format_exception_only(type(e), e)).strip())
mod = importlib.import_module("json"); print(importlib.import_module("os.path").join("p", "q"))
print(mod.dumps({"a": 1}))
