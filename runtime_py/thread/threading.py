# greenify: needs _rare, _hook, _local
"""greenify thread backend: CPython 3.13's `threading` on MicroPython's `_thread`.

Built on `_thread.allocate_lock`, `start_new_thread` and `get_ident` only.  The unix port runs
threads without a GIL, so every shared structure here is touched under a lock.

Here: Thread, the thread registry, current_thread & co., stack_size, waiting for threads at
exit.  The locks and conditions are greenify._sync's, timed waits greenify._wait's (see
docs/THREAD_BACKEND.md), the line-atomic print greenify._lineprint's.
"""
import sys

try:
    import _thread
except ImportError:
    raise ImportError("greenify: this port has no _thread; convert with the green backend")
from greenify import _lineprint, _shared, _rare, _hook
from greenify._shared import ThreadBase, ThreadError, newname
from greenify._hook import ExceptHookArgs, call_excepthook
from greenify._local import local
from greenify._rare import (
    BrokenBarrierError, settrace, setprofile, settrace_all_threads, setprofile_all_threads,
    gettrace, getprofile,
)
from greenify._sync import Lock, RLock, Condition, Semaphore, BoundedSemaphore, Event, Barrier
from greenify._wait import TIMEOUT_MAX, _alloc, timed, unwaiter, waiter

__all__ = [
    "get_ident", "active_count", "Condition", "current_thread", "enumerate", "main_thread",
    "TIMEOUT_MAX", "Event", "Lock", "RLock", "Semaphore", "BoundedSemaphore", "Thread",
    "Barrier", "BrokenBarrierError", "Timer", "ThreadError", "ExceptHookArgs", "setprofile",
    "settrace", "local", "stack_size", "excepthook", "get_native_id", "getprofile", "gettrace",
    "setprofile_all_threads", "settrace_all_threads",
]

get_ident = _thread.get_ident
get_native_id = _thread.get_ident  # no OS thread id on MicroPython: the ident stands in
excepthook = __excepthook__ = _hook.excepthook


def _start_error(cause):
    # MicroPython has no exception chaining (`raise ... from` only prints a warning): a
    # RuntimeError subclass, named RuntimeError in tracebacks, carries __cause__.
    class RuntimeError(_RuntimeError):
        pass

    e = RuntimeError("can't start new thread")
    e.__cause__ = cause
    return e


_RuntimeError = RuntimeError

_active_lock = _alloc()  # guards _active, _limbo, the started/stopped flags
_active = {}  # ident -> Thread
_limbo = {}  # Thread -> Thread, between start() and the thread running
_stack_lock = _alloc()  # stack_size get/restore and start_new_thread
_STACK_MIN = 4096
_init_lock = _alloc()  # Thread.__init__: default names
_exit_registered = False


def _call_hook(exc, thread):
    # A user may replace `threading.excepthook` on the shim module the program imported
    # as `threading` (its globals are a copy of ours): honour that one too.
    h = excepthook
    if h is __excepthook__:
        m = sys.modules.get("threading")
        if m is not None:
            h = getattr(m, "excepthook", h)
    if h is not __excepthook__:
        call_excepthook(h, exc, thread)
        return
    # The default hook only prints: keep its report in one piece (no other thread's print
    # lands inside the traceback).
    _lineprint.whole(call_excepthook, h, exc, thread)


_SPARE = ("_gy_s0", "_gy_s1", "_gy_s2", "_gy_s3", "_gy_s4", "_gy_s5", "_gy_s6", "_gy_s7",
          "_gy_s8", "_gy_s9", "_gy_sa", "_gy_sb", "_gy_sc", "_gy_sd", "_gy_se", "_gy_sf")


def _spare(obj):
    # Room for attributes a subclass's run() adds later (self.result = ...): a deleted slot
    # is reused without growing the map, so readers in other threads stay safe.
    for n in _SPARE:
        setattr(obj, n, None)
    for n in _SPARE:
        delattr(obj, n)


class Thread(ThreadBase):
    _done = None

    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None):
        with _init_lock:  # the shared Thread-N counter is a plain global
            ThreadBase.__init__(self, group, target, name, args, kwargs, daemon=daemon)
        # Every attribute any thread will ever write exists from here on. ThreadBase keeps
        # state in class defaults to save RAM; but adding an attribute grows the instance's
        # map, and without a GIL a reader in another thread then reads a freed table (seen:
        # attributes of a Thread vanishing after start/join).
        self._name = self.name
        self._started = False
        self._is_stopped = False
        self._ident = None
        self._daemonic = self._daemonic
        self._target = self._target
        self._args = self._args
        self._kwargs = self._kwargs
        self._done = None  # raw lock, held from start() until the thread ended
        self._gy_locals = {}
        _spare(self)

    def start(self):
        self._check_start()
        done = _alloc()
        done.acquire()
        with _active_lock:
            if self._done is not None:
                raise RuntimeError("threads can only be started once")
            self._done = done
            _limbo[self] = self
        sl = waiter()
        try:
            with _stack_lock:
                _thread.start_new_thread(self._bootstrap, (sl,))
        except (MemoryError, OSError, RuntimeError) as e:
            with _active_lock:
                _limbo.pop(self, None)
            done.release()
            unwaiter(sl)
            raise _start_error(e)
        _first_start()
        sl.acquire()  # until the new thread is registered and marked started
        unwaiter(sl)

    def run(self):
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            self._target = self._args = self._kwargs = None

    def _bootstrap(self, sl):
        try:
            me = get_ident()
            with _active_lock:
                self._ident = me
                _active[me] = self
                _limbo.pop(self, None)
                self._started = True
            sl.release()
            tr = gettrace()
            if tr is not None and hasattr(sys, "settrace"):
                sys.settrace(tr)
            try:
                self.run()
            except BaseException as e:  # SystemExit too: only the default hook is silent
                _call_hook(e, self)
        finally:
            with _active_lock:
                _active.pop(self._ident, None)
                self._is_stopped = True
            self._gy_locals = {}
            self._done.release()

    def join(self, timeout=None):
        self._check_join(current_thread())
        d = self._done
        if timeout is None:
            d.acquire(1)
            d.release()
        elif timeout > TIMEOUT_MAX:
            raise OverflowError("timeout value is too large")
        elif timed(d, timeout):
            d.release()


class _MainThread(Thread):
    def __init__(self):
        Thread.__init__(self, name="MainThread", daemon=False)
        self._done = _alloc()
        self._done.acquire()
        self._started = True
        self._ident = get_ident()


class _DummyThread(Thread):
    def __init__(self):
        with _init_lock:
            name = newname("Dummy-%d")
        Thread.__init__(self, name=name, daemon=True)
        self._done = _alloc()
        self._done.acquire()
        self._started = True
        self._ident = get_ident()
        with _active_lock:
            _active[self._ident] = self

    def is_alive(self):
        return True

    def join(self, timeout=None):
        raise RuntimeError("cannot join a dummy thread")


class Timer(_rare.TimerBase, Thread):
    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


def current_thread():
    me = get_ident()
    with _active_lock:
        t = _active.get(me)
    if t is None:
        t = _DummyThread()
    return t


currentThread = current_thread


def main_thread():
    return _main


def enumerate():
    with _active_lock:
        return list(_active.values()) + list(_limbo)


def active_count():
    with _active_lock:
        return len(_active) + len(_limbo)


activeCount = active_count


def stack_size(size=None):
    # MicroPython's stack_size() without argument resets the size to the default: read
    # and restore under a lock, so a thread started meanwhile gets the right stack.
    with _stack_lock:
        if size is None:
            old = _thread.stack_size()
            _thread.stack_size(old)
            return old
        # CPython's minimum is 32 KiB; boards run threads in 4-8 KiB, so ours is 4 KiB.
        _rare.check_stack_size(size, _STACK_MIN)
        return _thread.stack_size(size)


def _local_storage():
    return current_thread()._gy_locals


def _shutdown():
    """Wait for every non-daemon thread (CPython does this at interpreter exit)."""
    me = get_ident()
    while True:
        with _active_lock:
            ts = [t for t in list(_active.values()) + list(_limbo)
                  if not t._daemonic and t is not _main and t._ident != me]
        if not ts:
            return
        for t in ts:
            t._done.acquire(1)
            t._done.release()


def _first_start():
    # Runs once, when the first thread starts: from then on code runs in parallel.
    global _exit_registered
    if _exit_registered:
        return
    with _active_lock:
        if _exit_registered:
            return
        _exit_registered = True
    reg = getattr(sys, "atexit", None)
    if reg is None:
        return  # no sys.atexit: _thread threads keep running after main.py anyway
    prev = []

    def _atexit():
        # An exception escaping an atexit function kills MicroPython ("uncaught NLR"):
        # report it like CPython reports errors in exit handlers, then go on.
        for f in (_shutdown, prev[0] if prev else None):
            if f is not None:
                try:
                    f()
                except BaseException as e:
                    try:
                        _hook.print_exc(e, sys.stderr)
                    except BaseException:
                        pass

    prev.append(reg(_atexit))


_shared.current_thread = current_thread
_shared.local_storage = _local_storage
_shared.Thread = Thread
_shared.Event = Event
_main = _MainThread()
with _active_lock:
    _active[_main._ident] = _main
_lineprint.install()
_builtin_print = _lineprint.builtin_print  # the original print (None when not replaced)
