"""greenify.threading, green backend: CPython 3.13's threading API as green threads.

One asyncio Task per Thread.  Blocking methods return an awaitable (the calling Thread
itself, a reusable awaitable, or a ready-made result) which converted code awaits;
non-blocking forms return plain values so unconverted code can call them.  Wake-ups are
FIFO hand-offs: a released Lock, Semaphore or RLock passes straight to the longest waiting
thread.  Condition, Semaphore, BoundedSemaphore, Barrier and Timer live in greenify._sync,
loaded on first use (see __getattr__ at the end).
"""
import sys
from greenify import _kernel as K
from greenify import _shared as S
from greenify._plat import MPY
from greenify._shared import ThreadError

# __all__ comes from greenify._all on first use (see __getattr__).

TIMEOUT_MAX = S.TIMEOUT_MAX
_alive = []  # started, unfinished threads in start order
_natives = []  # the _DummyThread of each native asyncio task that asked (greenify._native)
# What each wait is (deadlock report) and what its timeout returns.
_K_EVENT = ("Event.wait", False)
_K_JOIN = ("Thread.join", None)
_K_LOCK = ("Lock.acquire", False)
_stack = 0
_atexit_done = False
# Loaded on first use (module __getattr__): the module holding each of these names.  A
# program that names none of them neither loads nor (on a device) ships those modules.
_LAZY = (
    ("_sync", "Condition Semaphore BoundedSemaphore Barrier Timer"),
    ("_rare", "BrokenBarrierError settrace setprofile settrace_all_threads "
     "setprofile_all_threads gettrace getprofile"),
    ("_hook", "excepthook __excepthook__ ExceptHookArgs"),
    ("_rlock", "RLock"),
    ("_local", "local"),
)


def _lock_timeout(blocking, timeout):
    return S.check_acquire(blocking, timeout, TIMEOUT_MAX)


def _wait_timeout(timeout):
    # Condition/Event/join style: None forever, negative behaves as 0.
    if timeout is None:
        return None
    return timeout if timeout > 0 else 0


def _not_converted():
    return RuntimeError("greenify: this call would block in code that was not converted")


class _LockBase:
    # `with` in unconverted code works while the lock is free; at the top level (no
    # running loop) it runs the scheduler until acquired.
    def __enter__(self):
        if self.acquire(False):
            return True
        if K.cur_task() is None:
            return K.run_task(_await(self.acquire()))
        raise _not_converted()

    def __exit__(self, t, v, tb):
        self.release()

    def __aenter__(self):
        return self.acquire()

    def __aexit__(self, t, v, tb):
        self.release()
        return K.NONE



async def _await(aw):
    return await aw


class Lock(_LockBase):
    def __init__(self):
        self._locked = False
        self._wl = []

    def acquire(self, blocking=True, timeout=-1):
        if timeout != -1 or not blocking:
            t = _lock_timeout(blocking, timeout)
            if not blocking:
                if self._locked:
                    return False
                self._locked = True
                return True
            if t == 0 and self._locked:
                return K.FALSE
        if not self._locked:
            self._locked = True
            return K.TRUE
        return current_thread()._w_arm(self._wl, None if timeout == -1 else timeout, _K_LOCK)

    def __aenter__(self):
        # `async with lock:` without the argument checks of acquire(): the hot path.
        if not self._locked:
            self._locked = True
            return K.TRUE
        return current_thread()._w_arm(self._wl, None, _K_LOCK)

    acquire_lock = acquire

    def release(self):
        if not self._locked:
            raise RuntimeError("release unlocked lock")
        wl = self._wl
        if wl:
            K.grant(wl.pop(0))  # hand-off: stays locked, now held by the first waiter
        else:
            self._locked = False

    release_lock = release

    def locked(self):
        return self._locked

    locked_lock = locked
    _is_owned = locked

    def _release_save(self):
        self.release()
        return 1

    def _gy_take(self, w):
        if self._locked:
            return False
        self._locked = True
        return True

    def __repr__(self):
        return "<%s _thread.lock object at %s>" % (
            "locked" if self._locked else "unlocked", S.addr(self))


class Event:
    def __init__(self):
        self._flag = False
        self._wl = []

    def is_set(self):
        return self._flag

    isSet = is_set

    def set(self):
        self._flag = True
        K.wake_all(self._wl, True)

    def clear(self):
        self._flag = False

    def wait(self, timeout=None):
        if self._flag:
            return K.TRUE
        t = _wait_timeout(timeout)
        if t == 0:
            return K.FALSE
        return current_thread()._w_arm(self._wl, t, _K_EVENT)

    def __repr__(self):
        return "<threading.Event at %s: %s>" % (S.addr(self), "set" if self._flag else "unset")


class Thread(K.Waiter, S.ThreadBase):  # Waiter first: its fields are found sooner
    _jw = None  # wait list of join()ers, made by the first join()
    _ld = None  # `local` attributes of this thread
    _w_st = -1  # not started
    _keeps_target = True

    # Derived from the state instead of stored: 16 bytes per field and thread saved.
    @property
    def _ident(self):
        return id(self) if self._w_st != -1 else None

    @property
    def _started(self):
        return self._w_st != -1

    @property
    def _is_stopped(self):
        return self._w_st == 5

    def start(self):
        self._check_start()
        self._w_st = 0
        _alive.append(self)
        coro = self._gy_coro()
        if coro is None:
            t = K.spawn(self._gy_boot())
        else:
            t = K.spawn(coro)
            t.state = _on_end  # MicroPython calls it when the task ends
        K.tasks[t] = self
        # Every field a wait uses, given now: the attribute table reaches its final size
        # while the thread is made, so parking, waking and ending it allocate nothing.
        self._w_task = t
        self._w_wl = None
        self._w_val = None
        _register_atexit()

    def _gy_coro(self):
        # MicroPython: when run() or the target is an async function, its coroutine can be
        # the task itself (no wrapper: ~100 bytes less per thread); None otherwise (and
        # always on CPython, whose kernel has no ASYNC_FN).
        run = type(self).run
        try:
            if run is Thread.run:
                if type(self._target) is K.ASYNC_FN:
                    return self._target(*self._args, **self._kwargs)
            elif type(run) is K.ASYNC_FN:
                return self.run()
        except Exception:
            pass  # bad arguments: let the wrapper raise them inside the thread, as CPython
        return None

    def run(self):
        # Returns an awaitable, always: the target's coroutine when it is converted, else a
        # finished one (converted code awaits `super().run()`).
        if self._target is not None:
            r = self._target(*self._args, **self._kwargs)
            if K.awaitable(r):
                return r
        return K.NONE

    async def _gy_boot(self):
        try:
            r = self.run()
            if K.awaitable(r):
                await r
        except GeneratorExit:
            raise  # a daemon thread's task destroyed at interpreter exit (CPython)
        except KeyboardInterrupt:
            raise  # Ctrl-C belongs to the main thread (the kernel's _interrupted)
        except BaseException as e:  # noqa: B036 - report like CPython, keep others running
            if K.dead:
                raise
            r = _call_hook(e, self)
            if K.awaitable(r):  # a converted (async) excepthook
                await _hook_done(r)
        self._gy_end()

    def _gy_failed(self, e):
        r = _call_hook(e, self)
        if K.awaitable(r):
            K.spawn(self._gy_end_after(r))
        else:
            self._gy_end()

    async def _gy_end_after(self, hook_run):
        await _hook_done(hook_run)
        self._gy_end()

    def _gy_end(self):
        self._w_st = 5
        self._w_task = None  # the finished Task holds its result: let both go
        if self._ld is not None:
            self._ld = None  # this thread's `local` data ends with it, as in CPython
        _alive.remove(self)
        K.tasks.pop(K.cur_task(), None)
        if self._jw:
            K.wake_all(self._jw, None)
        # Last runnable thread gone while others wait forever: report, don't hang.
        if K.stuck():
            K.deadlock()

    def join(self, timeout=None):
        self._check_join(current_thread())
        t = _wait_timeout(timeout)
        if self._is_stopped or t == 0:
            return K.NONE
        if self._jw is None:
            self._jw = []
        return current_thread()._w_arm(self._jw, t, _K_JOIN)


def _on_end(task, er):
    # End of a thread whose task is its own coroutine (MicroPython).
    th = K.tasks.get(task)
    if isinstance(er, StopIteration):
        th._gy_end()
    else:
        th._gy_failed(er)


class _MainThread(Thread):
    def __init__(self):
        Thread.__init__(self, name="MainThread", daemon=False)
        self._w_st = 0


def current_thread():
    t = _core.cur_task  # an attribute, not a call, on MicroPython: hot path
    if t is None or t is K.main_task:
        return _main
    th = _tasks.get(t)
    if th is None:
        # A native asyncio task using the runtime (rare: greenify._native, on first use).
        from greenify._native import _DummyThread

        th = _DummyThread(t)
    return th


_tasks = K.tasks
_core = K.core


currentThread = current_thread


def main_thread():
    return _main


def enumerate():
    return [_main] + _alive + _natives


def active_count():
    return 1 + len(_alive) + len(_natives)


activeCount = active_count


def get_ident():
    return current_thread()._ident


get_native_id = get_ident


def stack_size(size=0):
    # Green threads have no stack of their own: checked as CPython does, kept only.
    global _stack
    from greenify._rare import check_stack_size

    check_stack_size(size, 32768)
    old = _stack
    _stack = size
    return old


async def _hook_done(r):
    # The coroutine of a converted excepthook; it failing is reported like a plain hook failing.
    try:
        await r
    except BaseException as e:  # noqa: B036 - a hook must never kill the runtime
        from greenify._hook import excepthook_failed

        excepthook_failed(e)


def _call_hook(e, th):
    # `threading.excepthook = f` may land on the MicroPython shim module: look there.
    from greenify import _hook as H

    m = sys.modules.get("threading")
    return H.call_excepthook(getattr(m, "excepthook", None) or H.excepthook, e, th)


async def _join_all():
    while True:
        for th in _alive:
            if not th._daemonic:
                break
        else:
            return
        await th.join()


def _shutdown():
    """Wait for every non-daemon thread (the end of the program, as CPython does)."""
    if K.dead:
        return
    for th in _alive:
        if not th._daemonic:
            K.run_task(_join_all())
            break
    if not MPY:
        K.at_shutdown()


def _atexit():
    # MicroPython aborts ("uncaught NLR") if an exception leaves an atexit function: the
    # deadlock report is printed, the exit status stays the main script's.
    try:
        _shutdown()
    except BaseException:  # noqa: B036
        pass


def _register_atexit(*args, **kw):
    # CPython host: the stdlib (concurrent.futures) registers its hooks with the real module.
    if args:
        return K.register_atexit(*args, **kw)
    # MicroPython runs sys.atexit even after main raised: non-daemon threads still finish.
    global _atexit_done
    if not _atexit_done and hasattr(sys, "atexit"):
        _atexit_done = True
        sys.atexit(_atexit)


def _local_storage():
    # Where `local` keeps this thread's attributes: dies with the thread.
    th = current_thread()
    d = th._ld
    if d is None:
        d = th._ld = {}
    return d


def __getattr__(name):
    # Condition, Timer & co.: imported on first use, then kept as module globals.
    if name == "__all__":
        from greenify._all import ALL

        return ALL["threading"]
    for m, names in _LAZY:
        if name in names.split():
            v = getattr(__import__("greenify." + m, None, None, [name]), name)
            globals()[name] = v
            return v
    raise AttributeError(name)


_main = _MainThread()
K.threads = enumerate
K.main_w = _main
S.current_thread = current_thread
S.local_storage = _local_storage
S.Thread = Thread
S.Event = Event
