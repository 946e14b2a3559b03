"""Green kernel: park and wake asyncio tasks without allocating, on MicroPython and CPython.

Every green thread owns one reusable Waiter.  A blocking call *arms* it (puts it on the
primitive's wait list, notes the deadline) and returns it; `await` then *parks* the task:
the task is queued nowhere (MicroPython) or waits on a Future (CPython).  A waker
*delivers* a value and pushes the task back on the run queue.  A deadline is the task
itself queued with a future key, removed again when woken early.

MicroPython: parking yields None, the result comes back through a preallocated
StopIteration (0 bytes) or StopIteration(value) for values other than None/True/False.
CPython (host testing): parking yields a Future, timeouts are loop.call_later handles.
"""
import sys
import asyncio

MPY = sys.implementation.name == "micropython"
tasks = {}  # asyncio Task -> green Thread (the main thread's run task included)
dead = False  # set once a deadlock was reported: nothing must wait any more
threads = None  # set by threading: function listing every thread, for the deadlock report
main_task = None  # the task running the main thread's blocking call (greenify.run)
main_w = None  # the main thread's Waiter (set by threading)

_ST = StopIteration(True)
_SF = StopIteration(False)
_SN = StopIteration(None)
_CHUNK = 1 << 28  # ms; longest single deadline, fits every port's ticks window


def _stop(v):
    # The StopIteration that makes `await` return v; only other values allocate.
    if v is None:
        s = _SN
    elif v is True:
        s = _ST
    elif v is False:
        s = _SF
    else:
        return StopIteration(v)
    s.__traceback__ = None
    return s


class Done:
    """Awaitable of an already known result (reusable: True, False, None singletons)."""

    def __init__(self, v):
        self.v = v

    def __iter__(self):
        return self

    __await__ = __iter__

    def __next__(self):
        raise _stop(self.v)

    def __bool__(self):
        # Lets unconverted code test `if lock.acquire(timeout=0):`.
        return bool(self.v)


TRUE = Done(True)
FALSE = Done(False)
NONE = Done(None)


if MPY:
    from asyncio import core as _core
    from time import ticks_ms, ticks_add, ticks_diff

    _GEN = type((lambda: (yield))())

    def cur_task():
        return _core.cur_task

    def idle():
        # Nothing runnable, sleeping or waiting for I/O.
        return _core._task_queue.peek() is None and not _core._io_queue.map

    def spawn(coro):
        return _core.create_task(coro)

    def run_task(coro):
        return _run(_core.create_task(coro), _core.run_until_complete)

    def clock():
        # Seconds on a monotonic clock (for deadlines spanning several waits).
        return ticks_diff(ticks_ms(), _T0) / 1000

    _T0 = ticks_ms()

    def awaitable(x):
        return isinstance(x, (_GEN, Waiter, Done, _core.SingletonGenerator))

    def _deadline(timeout):
        # Milliseconds from now, rounded so that a wait is never shorter than asked.
        ms = int(timeout * 1000) + 1 if timeout > 0 else 0
        return ms

    def _park(w):
        t = _core.cur_task
        w.task = t
        if w.ms is None:
            t.data = w  # lets Task.cancel() find and unpark us (it calls w.remove)
            return None
        ms = w.ms
        if ms > _CHUNK:
            ms = _CHUNK
        w.ms -= ms
        _core._task_queue.push(t, ticks_add(w.t0, ms))
        w.t0 = ticks_add(w.t0, ms)
        return None

    def _unpark(w):
        q = _core._task_queue
        if w.ms is not None:
            q.remove(w.task)
        q.push(w.task)

    def _expired(w):
        # Woken by the clock: a long timeout may still have chunks left.
        return w.ms <= 0

    def _arm_clock(w, timeout):
        w.t0 = ticks_ms()
        w.ms = _deadline(timeout)

else:
    import inspect
    from time import monotonic

    def cur_task():
        loop = asyncio._get_running_loop()
        return asyncio.current_task(loop) if loop is not None else None

    def _loop():
        global _the_loop
        try:
            return asyncio.get_running_loop()
        except RuntimeError:
            pass
        if _the_loop is None or _the_loop.is_closed():
            _the_loop = asyncio.new_event_loop()
        return _the_loop

    _the_loop = None

    def idle():
        loop = asyncio._get_running_loop()
        if loop is None or loop._ready:
            return False
        for h in loop._scheduled:
            if not h._cancelled:
                return False
        return len(loop._selector.get_map()) <= 1  # the loop's own self-pipe

    def spawn(coro):
        return _loop().create_task(coro)

    def run_task(coro):
        loop = _loop()
        return _run(loop.create_task(coro), loop.run_until_complete)

    clock = monotonic

    def awaitable(x):
        return inspect.isawaitable(x)

    def _park(w):
        loop = asyncio.get_running_loop()
        w.task = asyncio.current_task(loop)
        f = w.fut = loop.create_future()
        f._asyncio_future_blocking = True
        if w.ms is not None:
            w.h = loop.call_at(w.t0, _fire, f)
            w.ms = 0
        return f

    def _fire(f):
        if not f.done():
            f.set_result(None)

    def _unpark(w):
        if w.h is not None:
            w.h.cancel()
            w.h = None
        _fire(w.fut)

    def _expired(w):
        w.h = None
        return True

    def _arm_clock(w, timeout):
        w.t0 = monotonic() + timeout
        w.ms = 1


def stuck():
    """True when no thread can ever run again: nothing runnable, sleeping or waiting for
    I/O, and the main thread is blocked too (parked, or a native asyncio loop runs)."""
    return idle() and (main_task is None or main_w.st == 2)


def _run(task, until):
    # Run the scheduler until `task` (the main thread's blocking call) completes.
    global main_task
    if cur_task() is not None:
        raise RuntimeError("greenify: blocking call in code that was not converted")
    prev = main_task
    main_task = task
    try:
        return until(task)
    finally:
        main_task = prev


class Waiter:
    """One per green thread: the reusable awaitable of every blocking call.

    st: 0 idle, 1 armed (on a wait list, not yet parked), 2 parked, 3 result ready.
    """

    task = None
    wl = None  # the wait list (a plain list) we sit on
    ms = None  # None: no timeout; else ms still to wait (MicroPython)
    t0 = 0
    val = None  # value to deliver
    err = None  # exception (class or instance) to raise instead
    tmo = False  # result on timeout (an exception class is raised)
    lk = None  # lock to re-acquire after a Condition wait
    cnt = 1  # RLock recursion count to restore with it
    ret = True  # what a lock grant delivers (False: a Condition wait that timed out)
    what = None  # "Lock.acquire"...: for the deadlock report
    obj = None
    item = None  # a put() waiting for room keeps its item here
    fut = None
    h = None

    def __init__(self, thread):
        self.th = thread
        self.st = 0

    def arm(self, wl, timeout, tmo, what, obj):
        """Queue on wait list `wl` (FIFO); returns self, to be awaited."""
        self.st = 1
        self.wl = wl
        wl.append(self)
        self.tmo = tmo
        self.what = what
        self.obj = obj
        self.val = self.err = None
        if timeout is None:
            self.ms = None
        else:
            _arm_clock(self, timeout)
        return self

    def done(self, v):
        # An immediate result delivered through this (reusable) awaitable.
        self.st = 3
        self.val = v
        self.err = None
        return self

    def __iter__(self):
        return self

    __await__ = __iter__

    def __next__(self):
        st = self.st
        if st == 1:
            self.st = 2
            r = _park(self)
            if self.ms is None and stuck():
                deadlock()
            return r
        if st == 2:
            # Resumed without a wake-up: the deadline passed.
            if not _expired(self):
                return _park(self)
            if self._timeout():
                return _park(self)  # re-parked waiting for a lock, no deadline
        return self._deliver()

    def _timeout(self):
        self.wl.remove(self)
        self.wl = None
        self.ms = None
        lk = self.lk
        if lk is not None and not lk._gy_take(self):
            # Condition.wait timed out but the lock is held: wait for it, report False.
            self.ret = False
            self.wl = lk._wl
            lk._wl.append(self)
            return True
        self.st = 3
        t = self.tmo
        if isinstance(t, type):
            self.err = t
        else:
            self.val = t
        return False

    def _deliver(self):
        self.st = 0
        self.task = self.lk = self.obj = None
        e = self.err
        if e is not None:
            self.err = None
            raise e() if isinstance(e, type) else e
        v = self.val
        self.val = None
        raise _stop(v)

    def wake(self, v, err=None):
        """Deliver v (or raise err) to this waiter; it must already be off its wait list."""
        self.wl = None
        self.val = v
        self.err = err
        if self.st == 2:
            _unpark(self)
        self.st = 3

    def untime(self):
        # Condition.notify: the wait is over, the lock re-acquire has no deadline.
        if self.ms is not None and self.st == 2:
            if MPY:
                _core._task_queue.remove(self.task)
                self.task.data = self
            else:
                _unpark_clock(self)
        self.ms = None

    def throw(self, exc, val=None, tb=None):
        # Task cancelled (or exception thrown in) while parked: leave the wait list.
        if self.wl is not None:
            self.wl.remove(self)
            self.wl = None
        if not MPY and self.h is not None:
            self.h.cancel()
            self.h = None
        self.st = 0
        self.lk = None
        raise exc if val is None else val

    def remove(self, task):
        # Called by MicroPython's Task.cancel(); cleanup happens in throw().
        pass


def _unpark_clock(w):
    if w.h is not None:
        w.h.cancel()
        w.h = None


def wake_first(wl, v):
    # FIFO hand-off: wake the longest waiting thread of `wl` with value v.
    w = wl.pop(0)
    w.wake(v)
    return w


def wake_all(wl, v, err=None):
    while wl:
        wl.pop(0).wake(v, err)


def describe(w):
    s = w.what
    if not MPY and w.task is not None:
        # Innermost user frame of the parked coroutine: "file:line".
        c = w.task.get_coro()
        f = None
        while c is not None and hasattr(c, "cr_frame"):
            f = c.cr_frame or f
            c = c.cr_await
        if f is not None:
            s += " at %s:%d" % (f.f_code.co_filename, f.f_lineno)
    return s


def deadlock():
    """Every thread waits and nothing can wake one: report on stderr and exit(3)."""
    global dead
    dead = True
    err = sys.stderr
    print("greenify: deadlock: every thread is blocked", file=err)
    for th in threads():
        w = th._w
        if w is not None and w.st == 2:
            print("  %s: %s %s" % (th.name, describe(w), _objrepr(w.obj)), file=err)
    if not MPY:
        # Leave at once: pending tasks must not print warnings on the way out.
        import os

        sys.stdout.flush()
        err.flush()
        os._exit(3)
    sys.exit(3)


def _objrepr(o):
    try:
        return repr(o)
    except Exception:
        return ""
