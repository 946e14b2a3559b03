# greenify: host
"""Green kernel for CPython (host testing of greenified output): the names of _kernel.py.

greenify/__init__.py loads this module instead of greenify._kernel when not on MicroPython
(never on a device, never counted in its footprint).  The protocol is the MicroPython
kernel's (Waiter fields `_w_*`, wait lists, Done/Value awaitables, the deadlock report);
what differs is the parking: a parked thread awaits a Future of the running loop, a waker
resolves it, a timeout is a `loop.call_at` handle.  Nothing here has to be small or
allocation-free: it runs the battery and the corpus on CPython.
"""
import asyncio
import inspect
import os
import sys
from time import monotonic as clock

from greenify import _host

tasks = {}  # asyncio Task -> green Thread (main thread's run tasks too)
dead = False  # set once a deadlock was reported: nothing waits any more
threads = None  # set by threading: lists every thread, for the deadlock report
main_task = None  # the task running the main thread's blocking call (greenify.run)
main_w = None  # the main thread (set by threading)
sw = False  # a thread waited since the guard's slice began (greenify._guard)
ASYNC_FN = None  # no async-function task shortcut on CPython (see Thread._gy_coro)
_the_loop = None


class Done:
    """Awaitable of a result known at once (singletons TRUE, FALSE, NONE)."""

    def __init__(self, v):
        self.v = v

    def __iter__(self):
        return self

    __await__ = __iter__

    def __next__(self):
        raise StopIteration(self.v)

    def __bool__(self):
        # Lets unconverted code test `if lock.acquire(timeout=0):`.
        return self.v is True


TRUE = Done(True)
FALSE = Done(False)
NONE = Done(None)
DONE = NONE  # MicroPython's exhausted-generator shortcut for Queue.put has no CPython twin


class Value:
    """The awaitable of a value known at once (Queue.get of a waiting item), shared."""

    v = None

    def __iter__(self):
        return self

    __await__ = __iter__

    def __next__(self):
        v = self.v
        self.v = None
        raise StopIteration(v)


VALUE = Value()


def cur_task():
    loop = asyncio._get_running_loop()
    return asyncio.current_task(loop) if loop is not None else None


class _Core:
    # What threading/queue read as `core.cur_task` on MicroPython (asyncio.core).
    @property
    def cur_task(self):
        return cur_task()


core = _Core()


def _loop():
    global _the_loop
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        pass
    if _the_loop is None or _the_loop.is_closed():
        _the_loop = asyncio.new_event_loop()
    return _the_loop


def idle():
    # Nothing ready, no live timer, no file descriptor watched but the loop's self-pipe.
    loop = asyncio._get_running_loop()
    if loop is None or loop._ready:
        return False
    for h in loop._scheduled:
        if not h._cancelled:
            return False
    return len(loop._selector.get_map()) <= 1


def spawn(coro):
    return _loop().create_task(coro)


def run_task(coro):
    loop = _loop()
    return _run(loop.create_task(coro), loop.run_until_complete)


def awaitable(x):
    return inspect.isawaitable(x)


def _arm_clock(w, timeout):
    w._w_t0 = clock() + timeout
    w._w_ms = 1


def _park(w):
    loop = asyncio.get_running_loop()
    w._w_task = asyncio.current_task(loop)
    f = w._w_fut = loop.create_future()
    f._asyncio_future_blocking = True
    if w._w_ms is not None:
        w._w_h = loop.call_at(w._w_t0, _fire, f)
        w._w_ms = 0
    return f


def _fire(f):
    if not f.done():
        f.set_result(None)


def _unpark(w):
    _untime(w)
    _fire(w._w_fut)


def _untime(w):
    if w._w_h is not None:
        w._w_h.cancel()
        w._w_h = None


def stuck():
    """True when no thread can ever run again (see _kernel.stuck)."""
    if not idle():
        return False
    return main_task is None or main_w._w_st == 2


def _run(task, until):
    # Run the loop until `task` (the main thread's blocking call) completes.
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
    """Mixed into Thread: the fields and states of _kernel.Waiter, parked on a Future."""

    _w_st = 0
    _w_task = None
    _w_wl = None
    _w_ms = None  # None: no timeout; 1 armed with one; 0 its timer handle is set
    _w_t0 = 0  # deadline (loop time)
    _w_val = None
    _w_lk = None
    _w_cnt = 1
    _w_ret = True
    _w_kind = None
    _w_item = None
    _w_fut = None  # the Future a parked thread awaits
    _w_h = None  # its timeout handle

    def _w_arm(self, wl, timeout, kind):
        wl.append(self)
        self._w_st = 1
        self._w_wl = wl
        self._w_kind = kind
        if timeout is not None:
            _arm_clock(self, timeout)
        else:
            self._w_ms = None
        return self

    def __iter__(self):
        return self

    __await__ = __iter__

    def __next__(self):
        global sw
        st = self._w_st
        if st == 1:
            self._w_st = 2
            sw = True
            f = _park(self)
            if self._w_ms is None and stuck():
                deadlock()
            return f
        if st == 2:
            # Resumed by the timer, or by a notify() that made the wait untimed meanwhile.
            self._w_h = None
            if self._w_ms is None or self._w_timeout():
                return _park(self)
            st = self._w_st
        v = self._w_val
        if st == 4:
            self._w_st = 0
            self._w_val = None
            self._w_item = None
            raise v() if isinstance(v, type) else v
        raise StopIteration(v)

    def _w_timeout(self):
        # Returns True when the thread must park again (re-acquiring a lock).
        self._w_wl.remove(self)
        self._w_ms = None
        lk = self._w_lk
        if lk is not None:
            self._w_lk = None
            if not lk._gy_take(self):
                self._w_ret = False
                self._w_wl = lk._wl
                lk._wl.append(self)
                return True
        t = self._w_kind[1]
        self._w_val = t
        self._w_st = 4 if isinstance(t, type) else 3
        return False

    def _w_wake(self, v, err=False):
        self._w_val = v
        if self._w_st == 2:
            _unpark(self)
        self._w_st = 4 if err else 3

    def _w_untime(self):
        if self._w_ms is not None:
            if self._w_st == 2:
                _untime(self)
            self._w_ms = None

    def throw(self, exc, val=None, tb=None):
        if self._w_st in (1, 2) and self in self._w_wl:
            self._w_wl.remove(self)
        _untime(self)
        self._w_st = 0
        self._w_lk = None
        self._w_ret = True
        self._w_item = None
        raise exc if val is None else val


def grant(w):
    r = w._w_ret
    w._w_ret = True
    w._w_wake(r)


def wake_all(wl, v, err=False):
    while wl:
        wl.pop(0)._w_wake(v, err)


_OWN = (os.path.dirname(os.path.abspath(__file__)) + os.sep, os.path.dirname(asyncio.__file__) + os.sep)


def _user(f):
    return f is not None and not f.f_code.co_filename.startswith(_OWN)


def _where(w):
    # Innermost user frame of the parked coroutine: " at file:line".  The main thread's
    # blocking call at module level waits in greenify.run, with no coroutine of the user's:
    # its line is the caller's, on the interpreter's stack (the report runs on that thread).
    c = w._w_task.get_coro() if w._w_task is not None else None
    f = None
    while c is not None and hasattr(c, "cr_frame"):
        if _user(c.cr_frame):
            f = c.cr_frame
        c = c.cr_await
    if f is None and w is main_w:
        f = sys._getframe(1)
        while f is not None and not _user(f):
            f = f.f_back
    return "" if f is None else " at %s:%d" % (f.f_code.co_filename, f.f_lineno)


def deadlock():
    """The report of _kernel.deadlock with source lines; leaves through os._exit(3) so
    pending tasks do not print warnings on the way out."""
    global dead
    dead = True
    err = sys.stderr
    print("greenify: deadlock: every thread is blocked", file=err)
    for th in threads():
        if th._w_st == 2:
            print("  %s: %s%s" % (th.name, th._w_kind[0], _where(th)), file=err)
    sys.stdout.flush()
    err.flush()
    os._exit(3)


def at_shutdown():
    # Daemon threads are abandoned silently, as CPython's are; then the real threading's own.
    for t in tasks:
        t._log_destroy_pending = False
    r = _host.real.get("threading")
    if r is not None:
        r._shutdown()


def register_atexit(*args, **kw):
    # The stdlib (concurrent.futures) registers its exit hooks with the real module.
    return _host.real["threading"]._register_atexit(*args, **kw)
