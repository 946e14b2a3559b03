# `from time import *` together with `from threading import *` (names from both used in threads),
# a class used as a decorator (`@counted`: calls go through `__call__`, which blocks because the
# wrapped def does), a decorator factory with closures (`@with_retries(3)`), a class defined in a
# class body holding a queue, a handler factory stored in a module dict and used as a default
# argument, blocking calls in `finally` and `except` blocks, blocking at module top level in a
# class body.
from time import *
from threading import *
import queue as _q


class counted:
    def __init__(self, fn):
        self.fn = fn
        self.calls = 0

    def __call__(self, *a, **kw):
        for attempt in range(3):
            self.calls += 1
            try:
                return self.fn(*a, **kw)
            except ValueError:
                sleep(0.001)
        return "gave up"


def with_retries(times):
    def deco(fn):
        def wrapper(*a, **kw):
            failures = 0
            for i in range(times):
                try:
                    return fn(*a, **kw)
                except KeyError:
                    failures += 1
                    sleep(0.001)
            return "failed %d times" % failures
        return wrapper
    return deco


FAILS = {"n": 2}


@counted
def flaky(q):
    if FAILS["n"] > 0:
        FAILS["n"] -= 1
        raise ValueError("not yet")
    return q.get()


@with_retries(3)
def lookup(d, k):
    return d[k]


class Outer:
    class Inner:
        def __init__(self):
            self.q = _q.Queue()

        def pull(self):
            return self.q.get()

    def __init__(self):
        self.inner = Outer.Inner()


def make_handler(q):
    def h(x):
        q.put(x)
        return "queued " + str(x)
    return h


shared = _q.Queue()
HANDLERS = {"h": make_handler(shared)}


class Startup:
    ready = Event()
    ready.set()
    was_ready = ready.wait(0.1)


def run(cb=HANDLERS["h"]):
    try:
        return cb(1)
    finally:
        shared.put("from finally")


def worker(lock, cond, box):
    with lock:
        box.append("locked")
    with cond:
        while not box or box[-1] != "go":
            cond.wait()
        box.append("went")


def main():
    shared.put("item")
    print(flaky(shared), flaky.calls)
    print(lookup({"a": 1}, "a"), lookup({}, "zz"))
    o = Outer()
    Thread(target=o.inner.q.put, args=("inner",)).start()
    print(o.inner.pull())
    print(run(), shared.get(), shared.get())
    try:
        raise RuntimeError("x")
    except RuntimeError:
        shared.put("in except")
        print(shared.get())

    lock = Lock()
    cond = Condition(lock)
    box = []
    t = Thread(target=worker, args=(lock, cond, box))
    t.start()
    while not box:
        sleep(0.001)
    with lock:
        box.append("go")
        cond.notify()
    t.join()
    print(box, Startup.was_ready, active_count())


if __name__ == "__main__":
    main()
