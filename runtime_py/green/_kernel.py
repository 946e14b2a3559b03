"""Green kernel for MicroPython: park and wake asyncio tasks without allocating.

Every green thread is its own reusable awaitable (Thread inherits Waiter).  A blocking call
*arms* the current thread (puts it on the primitive's wait list, a plain list, FIFO) and
returns it; `await` then *parks* the task: it yields None and is queued nowhere.  A waker
*delivers* a value and pushes the task back on asyncio's run queue.  A timeout is the task
itself queued with a deadline key, removed again when woken early.

The result comes back through a preallocated StopIteration (None/True/False) or a
StopIteration(value) built under heap_lock in the static emergency exception object
(0 bytes; see _hl below).  Waiter fields are prefixed `_w_` (they live on user Thread
subclasses) and stay class defaults until used: every instance attribute costs 16 bytes per
thread.  CPython (host testing) runs greenify._hostkernel instead, which has the same names;
greenify/__init__.py picks one, and this module is never imported there.
"""
import sys
from asyncio import core
from time import ticks_ms, ticks_add, ticks_diff

tasks = {}  # asyncio Task -> green Thread (main thread's run tasks too)
dead = False  # set once a deadlock was reported: nothing waits any more
threads = None  # set by threading: lists every thread, for the deadlock report
main_task = None  # the task running the main thread's blocking call (greenify.run)
main_w = None  # the main thread (set by threading)
sigint = None  # a Python SIGINT handler set through signal.signal (compat signal module)
sw = False  # a thread waited since the guard's slice began (greenify._guard)
ASYNC_FN = type(lambda: (yield))  # async functions are generator functions here

_ST = StopIteration(True)
_SF = StopIteration(False)
_SN = StopIteration(None)
_sv = None  # fallback only: last StopIteration(value) a Waiter raised, reused for the same value
_hl = None  # micropython.heap_lock when a value can travel without allocating
_hu = None  # and micropython.heap_unlock
_CHUNK = 1 << 28  # ms: longest single deadline, inside every port's ticks window


def _stop(v):
    # The preallocated StopIteration that makes `await` return None/True/False.
    s = _SN if v is None else _ST if v is True else _SF
    s.__traceback__ = None
    return s


class Done:
    """Awaitable of a result known at once (reusable singletons TRUE, FALSE, NONE)."""

    def __init__(self, v):
        self.v = v
        self.s = _stop(v)

    def __iter__(self):
        return self

    __await__ = __iter__

    def __next__(self):
        s = self.s
        s.__traceback__ = None
        raise s

    def __bool__(self):
        # Lets unconverted code test `if lock.acquire(timeout=0):`.
        return self.v is True


TRUE = Done(True)
FALSE = Done(False)
NONE = Done(None)


def _exhausted():
    return
    yield


# Inside a task, Queue.put() returns this exhausted generator: `await` of it gives None at
# native speed (no __iter__/__next__ calls, no raise); ~0.8 us less per put than NONE.  At
# top level NONE stays (greenify.run() returns a Done without running the loop).
DONE = _exhausted()
for _ in DONE:
    pass


class Value:
    """The awaitable of a value known at once (Queue.get of a waiting item).

    One object for every thread: `await q.get()` consumes it before any other thread can
    run.  The fallback path reuses its StopIteration while the same object comes again."""

    v = None
    s = None

    def __iter__(self):
        return self

    __await__ = __iter__

    def __next__(self):
        v = self.v
        self.v = None
        if v is None or v is True or v is False:
            raise _stop(v)
        if _hl is not None:
            # As in Waiter.__next__: built and raised here, under the lock (0 bytes).
            _hl()
            try:
                raise StopIteration(v)
            finally:
                _hu()
        s = self.s
        if s is None or s.value is not v:
            s = self.s = StopIteration(v)
        s.__traceback__ = None
        raise s


VALUE = Value()
_GEN = type(DONE)


def cur_task():
    return core.cur_task


def idle():
    # Nothing runnable, sleeping or waiting for I/O.
    return core._task_queue.peek() is None and not core._io_queue.map


def spawn(coro):
    return core.create_task(coro)


def run_task(coro):
    return _run(core.create_task(coro), core.run_until_complete)


def awaitable(x):
    # _AW: the tuple built once (a literal here would allocate one per call to maybe()).
    return isinstance(x, _AW)


def clock():
    # Seconds on a monotonic clock (for deadlines spanning several waits).
    return ticks_diff(ticks_ms(), _T0) / 1000


_T0 = ticks_ms()


def _probe():
    # True when StopIteration(o) made under heap_lock keeps its arg.  A function: its
    # stores are local; a module-global store while locked raises MemoryError.
    o = object()
    try:
        micropython.heap_lock()
        try:
            s = StopIteration(o)
        finally:
            micropython.heap_unlock()
    except Exception:  # a port that raises MemoryError instead
        return False
    return s.value is o


try:
    import micropython
except ImportError:
    micropython = None
if hasattr(micropython, "heap_lock") and hasattr(micropython, "heap_unlock"):
    if not _probe() and hasattr(micropython, "alloc_emergency_exception_buf"):
        # Bare-metal ports start with no emergency buffer: give it the size the
        # MicroPython docs suggest for ISRs.  Only when the probe failed, so a buffer
        # the user made larger is never shrunk.
        micropython.alloc_emergency_exception_buf(100)
    if _probe():
        _hl = micropython.heap_lock
        _hu = micropython.heap_unlock
    # else: values travel in allocated StopIterations (the _sv cache), as before.


class _Canceller:
    # Task.cancel() calls task.data.remove(task) for a task parked off the run queue;
    # the waiter's own cleanup runs when CancelledError is thrown into it.
    def remove(self, task):
        pass


_CANCEL = _Canceller()


def _arm_clock(w, timeout):
    # Never shorter than asked: ticks_ms() truncates, so one more millisecond.
    w._w_t0 = ticks_ms()
    w._w_ms = int(timeout * 1000) + 1 if timeout > 0 else 0


def _park(w):
    t = core.cur_task
    if w._w_task is not t:
        w._w_task = t
    ms = w._w_ms
    if ms is None:
        t.data = _CANCEL
        return None
    if ms > _CHUNK:
        ms = _CHUNK
    w._w_ms -= ms
    w._w_t0 = ticks_add(w._w_t0, ms)
    core._task_queue.push(t, w._w_t0)
    return None


def _unpark(w):
    q = core._task_queue
    if w._w_ms is not None:
        q.remove(w._w_task)
    q.push(w._w_task)


def _expired(w):
    # Woken by the clock: a very long timeout may still have chunks to go.
    ms = w._w_ms
    return ms is not None and ms <= 0


def _untime(w):
    core._task_queue.remove(w._w_task)
    w._w_task.data = _CANCEL


def stuck():
    """True when no thread can ever run again: nothing runnable, sleeping or waiting for
    I/O, and the main thread is blocked too (parked, or a native asyncio loop runs)."""
    if core._task_queue.peek() is not None or core._io_queue.map or sigint is not None:
        return False  # (with a SIGINT handler, Ctrl-C can still wake a thread)
    return main_task is None or main_w._w_st == 2


def _run(task, until):
    # Run the scheduler until `task` (the main thread's blocking call) completes.
    global main_task
    if core.cur_task is not None:
        raise RuntimeError("greenify: blocking call in code that was not converted")
    prev = main_task
    main_task = task
    try:
        while True:
            try:
                r = until(task)
                if sigint is None or task.done():
                    return r
                e = None  # every thread blocked, a SIGINT handler set: only Ctrl-C goes on
            except SystemExit as x:
                # A thread task ended by SystemExit escapes the loop; the thread ends (its
                # excepthook decides, the default one is silent) and the loop goes on.
                t = core.cur_task
                th = tasks.get(t)
                if dead or t is task or th is None:
                    raise
                th._gy_failed(x)
                continue
            except KeyboardInterrupt as x:
                e = x
            # Ctrl-C: greenify._intr, shipped to programs that name KeyboardInterrupt or
            # signal.  Without it the program ends; the loop is left at top level.
            try:
                from greenify import _intr
            except (ImportError, AttributeError):  # (the package's __getattr__ says which)
                core.cur_task = None
                raise e
            return _intr.resume(task, until, e)
    finally:
        main_task = prev


class Waiter:
    """Mixed into Thread: the thread is the reusable awaitable of its blocking calls.

    _w_st: 0 running, 1 armed (on a wait list, not yet parked), 2 parked, 3 result ready,
    4 exception ready (in _w_val); Thread adds -1 not started and 5 ended.
    _w_val: while waiting, the kind of the wait: (what, timeout result), e.g. ("Queue.get",
    Empty), the report's text and what a timeout returns (an exception class is raised);
    once woken, the value (or exception) delivered.  One field for both: every instance
    field costs 16 bytes per thread, and Thread.start() gives a thread all its fields at
    once, so parking, waking and ending a thread never grow its attribute table.
    """

    _w_st = 0
    _w_task = None
    _w_wl = None  # the wait list we sit on
    _w_ms = None  # None: no timeout
    _w_t0 = 0
    _w_val = None  # value (or exception) to deliver
    _w_lk = None  # lock to re-acquire after a Condition wait
    _w_cnt = 1  # RLock recursion count to restore with it
    _w_ret = True  # what a lock grant delivers (False: Condition wait timed out)
    _w_item = None  # a put() waiting for room keeps its item here

    def _w_arm(self, wl, timeout, kind):
        """Queue on wait list `wl`; returns self, to be awaited."""
        wl.append(self)  # first: if the list cannot grow (MemoryError) nothing changed
        self._w_st = 1
        # Stores are slow on classes with properties (MicroPython looks for a setter in
        # every base first): store only what changed, loads are cheap.
        if self._w_wl is not wl:
            self._w_wl = wl
        if self._w_val is not kind:
            self._w_val = kind
        if timeout is not None:
            _arm_clock(self, timeout)
        elif self._w_ms is not None:
            self._w_ms = None
        return self

    def __iter__(self):
        return self

    __await__ = __iter__

    def __next__(self):
        global sw
        # Hot path: every store to a Thread costs ~1 us (setter lookup through the bases),
        # every call more: inline, and store only what must change.
        st = self._w_st
        if st == 1:
            self._w_st = 2
            sw = True  # one store: the guard's slice passes to the next thread
            if self._w_ms is None:
                t = core.cur_task
                if self._w_task is not t:
                    self._w_task = t
                t.data = _CANCEL
                if core._task_queue.peek() is None and stuck():
                    deadlock()
                return None
            return _park(self)
        if st == 2:
            # Resumed without a wake-up: the deadline passed.
            if not _expired(self) or self._w_timeout():
                return _park(self)
            st = self._w_st
        # The state stays 3/4 ("running", like 0) until the next arm: one store less.
        v = self._w_val
        if v is None:
            s = _SN
        elif v is True:
            s = _ST
        elif v is False:
            s = _SF
        elif st == 4:
            self._w_st = 0
            self._w_val = None  # do not keep the exception alive
            if self._w_item is not None:
                self._w_item = None  # a put that timed out or met shutdown
            raise v() if isinstance(v, type) else v
        else:
            # A value must travel in a StopIteration, whose args are fixed at creation.
            # With the heap locked the exception is the static emergency object and its
            # one arg goes in the emergency buffer, so nothing is allocated.  It must be
            # raised in this very frame while still locked: the traceback entry for this
            # frame is added when the raise leaves it and must fail to allocate too (a
            # helper function would leave __next__ after the unlock).  The finally
            # re-raises without a new entry, and the awaiting frame takes the value at
            # once, before anything can reuse the emergency object.
            if _hl is not None:
                _hl()
                try:
                    raise StopIteration(v)
                finally:
                    _hu()
            # Fallback (no emergency buffer): reuse the last StopIteration when it carries
            # the same object (a token passed around), else allocate one (~96 B).  One
            # cache for all threads: a module store is cheap, a Thread store is not.
            # _w_val keeps the item until the next wake.
            global _sv
            s = _sv
            if s is None or s.value is not v:
                s = _sv = StopIteration(v)
        s.__traceback__ = None
        raise s

    def _w_timeout(self):
        # Returns True when the thread must park again (re-acquiring a lock).
        self._w_wl.remove(self)
        self._w_ms = None
        lk = self._w_lk
        if lk is not None:
            self._w_lk = None
            if not lk._gy_take(self):
                # Condition.wait timed out but the lock is held: wait for it, then False.
                self._w_ret = False
                self._w_wl = lk._wl
                lk._wl.append(self)
                return True
        t = self._w_val[1]
        self._w_val = t
        self._w_st = 4 if isinstance(t, type) else 3
        return False

    def _w_wake(self, v, err=False):
        """Deliver v (an exception when err) to this thread, already off its wait list."""
        if self._w_val is not v:
            self._w_val = v
        if self._w_st == 2:
            if self._w_ms is None:
                core._task_queue.push(self._w_task)
            else:
                _unpark(self)
        self._w_st = 4 if err else 3

    def _w_untime(self):
        # Condition.notify: the wait is over; re-acquiring the lock has no deadline.
        if self._w_ms is not None:
            if self._w_st == 2:
                _untime(self)
            self._w_ms = None

    def throw(self, exc, val=None, tb=None):
        # Task cancelled (or an exception thrown in) while parked: leave the wait list.
        if self._w_st in (1, 2) and self in self._w_wl:
            self._w_wl.remove(self)
        self._w_st = 0
        self._w_lk = None
        self._w_ret = True
        self._w_item = None
        raise exc if val is None else val


_AW = (_GEN, Waiter, Done, Value, core.SingletonGenerator)


def grant(w):
    # A lock passed to waiter w: True, or False for a Condition wait that timed out.
    r = w._w_ret
    if r is not True:
        w._w_ret = True
    w._w_wake(r)


def wake_all(wl, v, err=False):
    while wl:
        wl.pop(0)._w_wake(v, err)


def deadlock():
    """Every thread waits and nothing can wake one: report on stderr, exit status 3.

    MicroPython has no frame objects: each thread's line names the kind of wait only."""
    global dead
    dead = True
    err = sys.stderr
    print("greenify: deadlock: every thread is blocked", file=err)
    for th in threads():
        if th._w_st == 2:
            print("  %s: %s" % (th.name, th._w_val[0]), file=err)
    sys.exit(3)
