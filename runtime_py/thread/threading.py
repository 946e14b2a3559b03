"""greenify thread backend: CPython 3.13's `threading` on MicroPython's `_thread`.

Built on `_thread.allocate_lock`, `start_new_thread` and `get_ident` only.  The unix port runs
threads without a GIL, so every shared structure here is touched under a lock.

Waiting (see docs/THREAD_BACKEND.md):
* Every waiter blocks on a lock of its own (a "waiter lock", acquired once, then acquired
  again to park); the waker releases it.  Untimed waits therefore block in the OS: no CPU,
  no latency.  Conditions keep their waiters in a list, so wake-up order is FIFO.
* `_thread` locks have no timeout: a timed wait polls its own waiter lock with an
  exponential back-off sleep (_POLL_MIN_US doubling up to _POLL_MAX_US).  It never returns
  before the deadline; a wake-up by release/notify is seen at most _POLL_MAX_US late.
"""
import sys

try:
    import _thread
except ImportError:
    raise ImportError("greenify: this port has no _thread; convert with the green backend")
from greenify import _shared
from greenify._shared import (
    ThreadBase, BarrierBase, BrokenBarrierError, ThreadError, ExceptHookArgs, local,
    check_timeout, addr, newname, call_excepthook,
)

__all__ = [
    "get_ident", "active_count", "Condition", "current_thread", "enumerate", "main_thread",
    "TIMEOUT_MAX", "Event", "Lock", "RLock", "Semaphore", "BoundedSemaphore", "Thread",
    "Barrier", "BrokenBarrierError", "Timer", "ThreadError", "ExceptHookArgs", "setprofile",
    "settrace", "local", "stack_size", "excepthook", "get_native_id", "getprofile", "gettrace",
    "setprofile_all_threads", "settrace_all_threads",
]

_alloc = _thread.allocate_lock
get_ident = _thread.get_ident
get_native_id = _thread.get_ident  # no OS thread id on MicroPython: the ident stands in
excepthook = __excepthook__ = _shared.excepthook

# Back-off of timed waits, in microseconds (greenify.set_poll_interval tunes it). On a
# microcontroller, sleeps shorter than the RTOS tick may be busy-waits (holding the GIL):
# start at 1 ms there, and wake less often (power).
if sys.platform in ("linux", "darwin", "win32", "freebsd", "webassembly"):
    _POLL_MIN_US = 50
    _POLL_MAX_US = 5000
else:
    _POLL_MIN_US = 1000
    _POLL_MAX_US = 10000

try:
    from time import ticks_us as _ticks_us, ticks_ms as _ticks_ms, ticks_diff as _tdiff
    from time import ticks_add as _tadd, sleep_us as _sleep_us

    _NATIVE = False
    # Deadlines of the waiting loops are raw ticks: they must stay within half the ticks
    # period (2**62 on unix: microsecond ticks; 2**30 on boards: millisecond ticks).
    _HALF = (_tadd(0, -1) + 1) >> 1
    if _HALF // 1000000 > _shared.TIMEOUT_MAX:
        _clock, _UNIT = _ticks_us, 1000000
    else:
        _clock, _UNIT = _ticks_ms, 1000
    TIMEOUT_MAX = min(_shared.TIMEOUT_MAX, float(_HALF // _UNIT - 1))

    def _deadline(timeout):
        # +1 tick: two truncated readings may under-measure by up to one tick; never early.
        return _tadd(_clock(), int(timeout * _UNIT) + 1)

    def _left(deadline):
        return _tdiff(deadline, _clock()) / _UNIT

except ImportError:  # CPython host run: its locks have timeouts
    from time import monotonic as _mono

    _NATIVE = True
    TIMEOUT_MAX = _shared.TIMEOUT_MAX

    def _deadline(timeout):
        return _mono() + timeout

    def _left(deadline):
        return deadline - _mono()


def _timed(lock, timeout):
    """Acquire the raw `lock` within `timeout` seconds; True if acquired.

    Polls with an exponential back-off; elapsed time is summed from consecutive short
    tick differences, so it is correct for any timeout whatever the ticks period.
    """
    if lock.acquire(0):
        return True
    if timeout <= 0:
        return False
    if _NATIVE:
        return lock.acquire(True, timeout)
    left = int(timeout * 1000000) + 1
    d = _POLL_MIN_US
    cap = _POLL_MAX_US
    t0 = _ticks_us()
    while True:
        _sleep_us(d if d < left else left)
        if lock.acquire(0):
            return True
        t1 = _ticks_us()
        left -= _tdiff(t1, t0)
        if left <= 0:
            return False
        t0 = t1
        if d < cap:
            d += d
            if d > cap:
                d = cap


def _start_error(cause):
    # MicroPython has no exception chaining (`raise ... from` only prints a warning): a
    # RuntimeError subclass, named RuntimeError in tracebacks, carries __cause__.
    class RuntimeError(_RuntimeError):
        pass

    e = RuntimeError("can't start new thread")
    e.__cause__ = cause
    return e


_RuntimeError = RuntimeError


# ---------------------------------------------------------------------------- locks

def _check_acquire(blocking, timeout):
    # CPython's argument errors; returns None (wait forever) or the timeout in seconds.
    if not blocking:
        if timeout != -1:
            raise ValueError("can't specify a timeout for a non-blocking call")
        return 0
    return check_timeout(timeout, TIMEOUT_MAX)


class Lock:
    """threading.Lock: a `_thread` lock plus timed acquire (not FIFO, like CPython's)."""

    def __init__(self):
        self._l = _alloc()

    def acquire(self, blocking=True, timeout=-1):
        t = _check_acquire(blocking, timeout)
        if t is None:
            return self._l.acquire(1)
        return _timed(self._l, t)

    def __enter__(self):
        return self._l.acquire(1)

    def release(self):
        try:
            self._l.release()
        except RuntimeError:
            raise RuntimeError("release unlocked lock")

    def __exit__(self, t, v, tb):
        try:
            self._l.release()
        except RuntimeError:
            raise RuntimeError("release unlocked lock")

    def locked(self):
        return self._l.locked()

    acquire_lock = acquire
    release_lock = release
    locked_lock = locked

    def __repr__(self):
        return "<%s _thread.lock object at %s>" % (
            "locked" if self._l.locked() else "unlocked", addr(self))


class RLock:
    """threading.RLock: owner ident + count over one `_thread` lock."""

    def __init__(self):
        self._l = _alloc()
        self._owner = None  # only its owner ever writes its own ident here
        self._count = 0

    def acquire(self, blocking=True, timeout=-1):
        me = get_ident()
        if self._owner == me:
            self._count += 1
            return True
        t = _check_acquire(blocking, timeout)
        if t is None:
            self._l.acquire(1)
        elif not _timed(self._l, t):
            return False
        self._owner = me
        self._count = 1
        return True

    __enter__ = acquire

    def release(self):
        if self._owner != get_ident():
            raise RuntimeError("cannot release un-acquired lock")
        self._count -= 1
        if not self._count:
            self._owner = None
            self._l.release()

    def __exit__(self, t, v, tb):
        self.release()

    def locked(self):
        return self._l.locked()

    # Condition support: release fully, later restore the recursion level.
    def _release_save(self):
        if self._owner != get_ident():
            raise RuntimeError("cannot release un-acquired lock")
        state = self._count, self._owner
        self._count = 0
        self._owner = None
        self._l.release()
        return state

    def _acquire_restore(self, state):
        self._l.acquire(1)
        self._count, self._owner = state

    def _is_owned(self):
        return self._owner == get_ident()

    def __repr__(self):
        o = self._owner
        return "<%s _thread.RLock object owner=%d count=%d at %s>" % (
            "locked" if self._l.locked() else "unlocked", o or 0, self._count, addr(self))


_pool = []  # armed (acquired) waiter locks for reuse: allocating a _thread lock costs ~30 us
_pool_lock = _alloc()


def _waiter():
    with _pool_lock:
        if _pool:
            return _pool.pop()
    w = _alloc()
    w.acquire()
    return w


def _unwaiter(w):
    # `w` must be armed (held) and in no waiter list: nobody will release it any more.
    with _pool_lock:
        if len(_pool) < 32:
            _pool.append(w)


def _restorer(raw):
    def restore(saved):
        raw.acquire(1)

    return restore


class Condition:
    """threading.Condition: FIFO list of waiter locks, protected by the user's lock."""

    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release
        self._ent = self._ext = None
        if type(lock) is Lock:
            # Our Lock: go straight to its _thread lock on the with/wait/notify paths.
            raw = lock._l
            self._ent = raw.acquire
            self._ext = lock.release
            self._is_owned = raw.locked
            self._release_save = raw.release
            self._acquire_restore = _restorer(raw)
        else:
            for n in ("_release_save", "_acquire_restore", "_is_owned"):
                try:
                    setattr(self, n, getattr(lock, n))
                except AttributeError:
                    pass
        self._waiters = []

    def __enter__(self):
        e = self._ent
        if e is None:
            return self._lock.__enter__()
        return e()

    def __exit__(self, t, v, tb):
        x = self._ext
        if x is None:
            return self._lock.__exit__(t, v, tb)
        x()

    def __repr__(self):
        return "<Condition(%r, %d)>" % (self._lock, len(self._waiters))

    def _release_save(self):
        self._lock.release()

    def _acquire_restore(self, x):
        self._lock.acquire()

    def _is_owned(self):
        if self._lock.acquire(False):
            self._lock.release()
            return False
        return True

    def wait(self, timeout=None):
        if not self._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        w = _waiter()
        self._waiters.append(w)
        saved = self._release_save()
        got = False
        try:
            if timeout is None:
                got = w.acquire(1)
            else:
                got = _timed(w, timeout)
        finally:
            # Notifiers release waiter locks only while holding our lock: once it is back,
            # `w` is either still listed (nobody will release it) or already released.
            self._acquire_restore(saved)
            if not got:
                try:
                    self._waiters.remove(w)
                except ValueError:
                    # A notify took us off the list while we timed out: the wake-up is
                    # delivered, not lost. Re-arm the lock for reuse.
                    w.acquire(0)
                    got = True
            _unwaiter(w)
        return got

    def wait_for(self, predicate, timeout=None):
        end = None
        wt = timeout
        result = predicate()
        while not result:
            if wt is not None:
                if end is None:
                    end = _deadline(wt)
                else:
                    wt = _left(end)
                    if wt <= 0:
                        break
            self.wait(wt)
            result = predicate()
        return result

    def notify(self, n=1):
        if not self._is_owned():
            raise RuntimeError("cannot notify on un-acquired lock")
        ws = self._waiters
        while n > 0 and ws:
            ws.pop(0).release()
            n -= 1

    def notify_all(self):
        self.notify(len(self._waiters))

    notifyAll = notify_all


class Semaphore:
    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._cond = Condition(Lock())
        self._value = value

    def __repr__(self):
        return "<threading.%s at %s: value=%d>" % (type(self).__name__, addr(self), self._value)

    def acquire(self, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        rc = False
        end = None
        with self._cond:
            while self._value == 0:
                if not blocking:
                    break
                if timeout is not None:
                    if end is None:
                        end = _deadline(timeout)
                    else:
                        timeout = _left(end)
                        if timeout <= 0:
                            break
                self._cond.wait(timeout)
            else:
                self._value -= 1
                rc = True
        return rc

    __enter__ = acquire

    def release(self, n=1):
        if n < 1:
            raise ValueError("n must be one or more")
        with self._cond:
            self._value += n
            self._cond.notify(n)

    def __exit__(self, t, v, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._initial_value = value

    def __repr__(self):
        return "<threading.%s at %s: value=%d/%d>" % (
            type(self).__name__, addr(self), self._value, self._initial_value)

    def release(self, n=1):
        if n < 1:
            raise ValueError("n must be one or more")
        with self._cond:
            if self._value + n > self._initial_value:
                raise ValueError("Semaphore released too many times")
            self._value += n
            self._cond.notify(n)


class Event:
    def __init__(self):
        self._cond = Condition(Lock())
        self._flag = False

    def __repr__(self):
        return "<threading.%s at %s: %s>" % (
            type(self).__name__, addr(self), "set" if self._flag else "unset")

    def is_set(self):
        return self._flag

    isSet = is_set

    def set(self):
        with self._cond:
            self._flag = True
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            self._flag = False

    def wait(self, timeout=None):
        with self._cond:
            signaled = self._flag
            if not signaled:
                signaled = self._cond.wait(timeout)
            return signaled


class Barrier(BarrierBase):
    def __init__(self, parties, action=None, timeout=None):
        BarrierBase.__init__(self, parties, action, timeout)
        self._cond = Condition(Lock())

    def _notify_all(self):
        self._cond.notify_all()

    def wait(self, timeout=None):
        if timeout is None:
            timeout = self._timeout
        c = self._cond
        with c:
            while self._must_wait_enter():
                c.wait()
            self._check_broken()
            index = self._arrive()
            try:
                if index + 1 == self._parties:
                    self._release()
                else:
                    if not c.wait_for(lambda: self._state != 0, timeout):
                        self._break()
                        raise BrokenBarrierError
                    self._check_broken()
                return index
            finally:
                self._leave()

    def reset(self):
        with self._cond:
            self._reset()

    def abort(self):
        with self._cond:
            self._break()


# ---------------------------------------------------------------------------- threads

_active_lock = _alloc()  # guards _active, _limbo, the started/stopped flags
_active = {}  # ident -> Thread
_limbo = {}  # Thread -> Thread, between start() and the thread running
_stack_lock = _alloc()  # stack_size get/restore and start_new_thread
_STACK_MIN = 4096
_init_lock = _alloc()  # Thread.__init__: default names
_exit_registered = False
_trace_hook = None
_profile_hook = None


def _call_hook(exc, thread):
    # A user may replace `threading.excepthook` on the shim module the program imported
    # as `threading` (its globals are a copy of ours): honour that one too.
    global _print_owner
    h = excepthook
    if h is __excepthook__:
        m = sys.modules.get("threading")
        if m is not None:
            h = getattr(m, "excepthook", h)
    if h is not __excepthook__ or _builtin_print is None:
        call_excepthook(h, exc, thread)
        return
    # The default hook only prints: keep its report in one piece (no other thread's print
    # lands inside the traceback).
    with _print_lock:
        _print_owner = get_ident()
        try:
            call_excepthook(h, exc, thread)
        finally:
            _print_owner = None


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
        sl = _waiter()
        try:
            with _stack_lock:
                _thread.start_new_thread(self._bootstrap, (sl,))
        except (MemoryError, OSError, RuntimeError) as e:
            with _active_lock:
                _limbo.pop(self, None)
            done.release()
            _unwaiter(sl)
            raise _start_error(e)
        _first_start()
        sl.acquire()  # until the new thread is registered and marked started
        _unwaiter(sl)

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
            if _trace_hook is not None and hasattr(sys, "settrace"):
                sys.settrace(_trace_hook)
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
        elif _timed(d, timeout):
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


class Timer(Thread):
    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()

    def cancel(self):
        self.finished.set()

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
        if size < 0:
            raise ValueError("size must be 0 or a positive value")
        if 0 < size < _STACK_MIN:
            # CPython's minimum is 32 KiB; boards run threads in 4-8 KiB, so ours is 4 KiB.
            raise ValueError("size not valid: %d bytes" % size)
        return _thread.stack_size(size)


def settrace(func):
    global _trace_hook
    _trace_hook = func


def setprofile(func):
    global _profile_hook
    _profile_hook = func  # MicroPython has no profiler: kept for getprofile() only


def settrace_all_threads(func):
    settrace(func)
    if hasattr(sys, "settrace"):
        sys.settrace(func)


def setprofile_all_threads(func):
    setprofile(func)


def gettrace():
    return _trace_hook


def getprofile():
    return _profile_hook


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
                        _shared.print_exc(e, sys.stderr)
                    except BaseException:
                        pass

    prev.append(reg(_atexit))


# MicroPython's print writes its arguments, separators and `end` one by one, and without a
# GIL two threads printing at once tear each other's lines (the customer's scenario did so in
# most runs). When this module is imported, builtins.print is replaced by one that writes each
# line as one string under a lock (import-time, so `log = print` in the program is covered).
_print_lock = _alloc()
_print_owner = None
_builtin_print = None


# Defined as `print` so that its __name__ is "print" (`Thread(target=print)` is "Thread-N (print)").
def print(*args, sep=" ", end="\n", file=None, flush=False):
    global _print_owner
    if sep is None:
        sep = " "
    elif not isinstance(sep, str):
        raise TypeError("sep must be None or a string, not %s" % type(sep).__name__)
    if end is None:
        end = "\n"
    elif not isinstance(end, str):
        raise TypeError("end must be None or a string, not %s" % type(end).__name__)
    line = sep.join([str(a) for a in args]) + end
    me = get_ident()
    if _print_owner == me:  # a file object's write() that prints: no self-deadlock
        _builtin_print(line, end="", file=sys.stdout if file is None else file)
        return
    with _print_lock:
        _print_owner = me
        try:
            _builtin_print(line, end="", file=sys.stdout if file is None else file)
            if flush:
                f = getattr(sys.stdout if file is None else file, "flush", None)
                if f is not None:
                    f()
        finally:
            _print_owner = None


_line_print = print
del print


def _install_print():
    global _builtin_print
    if sys.implementation.name != "micropython":
        return
    try:
        import builtins

        _builtin_print = builtins.print
        builtins.print = _line_print
    except (ImportError, AttributeError, TypeError):
        pass  # a port that cannot override builtins keeps its print


_shared.current_thread = current_thread
_shared.local_storage = _local_storage
_main = _MainThread()
with _active_lock:
    _active[_main._ident] = _main
_install_print()
