"""Backend-neutral parts of greenify's `threading`: shared by the green and thread backends.

What lives here is logic whose behaviour must be identical whatever runs the threads:
exceptions, `Thread-N (target)` naming, the CPython `repr` texts, Thread attributes and
their errors (ThreadBase), ExceptHookArgs and the default excepthook output, the Barrier
state machine (without the waiting), and `local`.  Nothing here blocks or imports `_thread`.

A backend plugs itself in by setting these module globals once at import:
  current_thread -- function returning the current Thread object (daemon inheritance)
  local_storage  -- function returning a dict owned by the current thread, in which `local`
                    keeps {local_object: attribute_dict}; it dies with the thread, so no leak.
  Thread, Event  -- the backend's classes (TimerBase builds on them)
Runs unchanged on MicroPython and CPython >= 3.8.
"""
import sys
from greenify._plat import MPY

current_thread = None  # set by the backend
local_storage = None  # set by the backend
Thread = None  # set by the backend
Event = None  # set by the backend

# CPython's value on 64-bit Linux; backends may lower it (green: ticks window).
TIMEOUT_MAX = 9223372036.0


class ThreadError(RuntimeError):
    # CPython: threading.ThreadError is _thread.error, an alias of RuntimeError.
    pass


class BrokenBarrierError(RuntimeError):
    pass


_counter = 0


def newnumber():
    # One counter for every default name, as in CPython (Thread-N, Dummy-N).
    global _counter
    _counter += 1
    return _counter


def newname(template="Thread-%d"):
    return template % newnumber()


def addr(obj):
    # `id()` rendered like CPython's `%#x` / `%p` in reprs.
    return hex(id(obj))


def target_name(target):
    # `Thread-N (name)`: MicroPython's built-in functions have no __name__; find a builtin
    # (`Thread(target=print)`) by identity instead. Bound methods of built-in types stay nameless.
    n = getattr(target, "__name__", None)
    if n is None and target is not None:
        import builtins
        for k in dir(builtins):
            if getattr(builtins, k, None) is target:
                return k
    return n


def check_timeout(timeout, maxval):
    # Same errors as CPython's lock.acquire(timeout=...).
    if timeout is None or timeout == -1:
        return None
    if timeout < 0:
        raise ValueError("timeout value must be a non-negative number")
    if timeout > maxval:
        raise OverflowError("timeout value is too large")
    return timeout


def check_acquire(blocking, timeout, maxval):
    # Lock/RLock.acquire's argument rules: 0 (do not wait), None (forever) or seconds.
    if not blocking:
        if timeout != -1:
            raise ValueError("can't specify a timeout for a non-blocking call")
        return 0
    return check_timeout(timeout, maxval)


def check_sem_acquire(blocking, timeout):
    # Semaphore.acquire's argument rule (its timeout is None, not -1, when absent).
    if not blocking and timeout is not None:
        raise ValueError("can't specify timeout for non-blocking acquire")


def check_stack_size(size, minimum):
    # CPython's errors; `minimum` is the backend's smallest stack (CPython's is 32 KiB).
    if size < 0:
        raise ValueError("size must be 0 or a positive value")
    if 0 < size < minimum:
        raise ValueError("size not valid: %d bytes" % size)


# settrace/setprofile: the hooks are kept for gettrace/getprofile; a backend with OS
# threads installs the trace function in each new thread where the port has sys.settrace.
# Green threads all run in one OS thread: only the *_all_threads forms install anything.
_trace = None
_profile = None


def settrace(func):
    global _trace
    _trace = func


def setprofile(func):
    global _profile
    _profile = func


def settrace_all_threads(func):
    settrace(func)
    if hasattr(sys, "settrace"):
        sys.settrace(func)


def setprofile_all_threads(func):
    setprofile(func)
    if hasattr(sys, "setprofile"):
        sys.setprofile(func)


def gettrace():
    return _trace


def getprofile():
    return _profile


class ThreadBase:
    """Attributes, naming, repr and argument checks of threading.Thread.

    Backends subclass it and add start/run/join.  State lives in class defaults until a
    thread differs (an instance attribute costs 16 bytes each on MicroPython):
    _started, _is_stopped, _ident, _daemonic, _target, _args, _kwargs.  The default name is
    made on first use from _nn (the Thread-N number) and _tn (the target's name).
    """

    _started = False
    _is_stopped = False
    _ident = None
    _daemonic = False
    _target = None
    _args = ()
    _kwargs = {}  # shared and never mutated: a thread without kwargs stores none
    _name = None
    _nn = None
    _tn = None
    _keeps_target = False  # a backend that keeps _target after run() needs no _tn

    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None):
        if group is not None:
            raise AssertionError("group argument must be None for now")
        if name:
            self._name = str(name)
        else:
            self._nn = newnumber()
            if target is not None and not self._keeps_target:
                self._tn = target_name(target)
        if target is not None:
            self._target = target
        if args:
            self._args = args
        if kwargs:
            self._kwargs = kwargs
        if daemon is None:
            cur = current_thread()
            daemon = cur.daemon if cur is not None else False
        if daemon:
            self._daemonic = True

    def _check_init(self):
        if self._name is None and self._nn is None:
            raise RuntimeError("Thread.__init__() not called")

    def _check_start(self):
        # Shared preconditions of start().
        if self._name is None and self._nn is None:
            raise RuntimeError("thread.__init__() not called")
        if self._started:
            raise RuntimeError("threads can only be started once")

    def _check_join(self, cur):
        self._check_init()
        if not self._started:
            raise RuntimeError("cannot join thread before it is started")
        if self is cur:
            raise RuntimeError("cannot join current thread")

    def __repr__(self):
        status = "initial"
        if self._started:
            status = "started"
        if self._is_stopped:
            status = "stopped"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += " %s" % self._ident
        return "<%s(%s, %s)>" % (type(self).__name__, self.name, status)

    @property
    def name(self):
        n = self._name
        if n is None:
            n = "Thread-%d" % self._nn
            tn = self._tn
            if tn is None and self._keeps_target:
                tn = target_name(self._target)
            if tn is not None:
                n += " (%s)" % tn
            self._name = n
        return n

    @name.setter
    def name(self, name):
        self._check_init()
        self._name = str(name)

    @property
    def ident(self):
        return self._ident

    @property
    def native_id(self):
        # No OS thread id on a device: the ident stands in (documented).
        return self._ident

    @property
    def daemon(self):
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        self._check_init()
        if self._started:
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = bool(daemonic)

    def is_alive(self):
        return self._started and not self._is_stopped

    # Deprecated camelCase aliases (CPython warns; we stay silent to save bytes).
    def isDaemon(self):
        return self.daemon

    def setDaemon(self, daemonic):
        self.daemon = daemonic

    def getName(self):
        return self.name

    def setName(self, name):
        self.name = name


class ExceptHookArgs:
    """CPython's structseq: built from one 4-sequence, readable by name or index."""

    def __init__(self, args):
        self.exc_type, self.exc_value, self.exc_traceback, self.thread = args
        self._t = tuple(args)

    def __getitem__(self, i):
        return self._t[i]

    def __len__(self):
        return 4

    def __iter__(self):
        return iter(self._t)


def print_exc(exc, file):
    # Traceback text to `file`, the native way on each implementation.
    if hasattr(sys, "print_exception"):
        sys.print_exception(exc, file)
    else:
        import traceback

        traceback.print_exception(type(exc), exc, exc.__traceback__, file=file)


def excepthook(args):
    """Default threading.excepthook: CPython's text, SystemExit silent."""
    if args.exc_type is SystemExit or isinstance(args.exc_value, SystemExit):
        return
    err = sys.stderr
    if err is None:
        return
    th = args.thread
    who = th.name if th is not None else (current_thread() and current_thread().ident)
    print("Exception in thread %s:" % who, file=err)
    print_exc(args.exc_value, err)
    if hasattr(err, "flush"):
        err.flush()


def call_excepthook(hook, exc, thread):
    """Run the (possibly user-replaced) hook for `exc`; a failing hook is reported, not raised.
    Returns what the hook returns (a converted hook's coroutine, for the green backend to await)."""
    try:
        return hook(ExceptHookArgs((type(exc), exc, getattr(exc, "__traceback__", None), thread)))
    except BaseException as e:  # noqa: B036 - a hook must never kill the runtime
        excepthook_failed(e)


def excepthook_failed(e):
    """What CPython prints when threading.excepthook itself raises (SystemExit: nothing)."""
    if isinstance(e, SystemExit):
        return
    print("Exception in threading.excepthook:", file=sys.stderr)
    print_exc(e, sys.stderr)


class BarrierBase:
    """threading.Barrier's state machine; the backend adds `wait` and its waiting.

    _state: 0 filling, 1 draining, -1 resetting, -2 broken (CPython's encoding).
    The backend must hold its lock around every call and implement _notify_all().
    Backend wait(): while self._must_wait_enter(): wait;  self._check_broken();
    index = self._arrive(); if index + 1 == parties: self._release() else wait until
    self._state != 0 (timeout -> self._break(); raise BrokenBarrierError), then
    self._check_broken(); finally self._leave().
    """

    def __init__(self, parties, action=None, timeout=None):
        if parties < 1:
            raise ValueError("parties must be >= 1")
        self._parties = parties
        self._action = action
        self._timeout = timeout
        self._state = 0
        self._count = 0

    def _must_wait_enter(self):
        # A new round cannot start while the previous one drains or resets.
        return self._state in (-1, 1)

    def _check_broken(self):
        if self._state < 0:
            raise BrokenBarrierError

    def _arrive(self):
        i = self._count
        self._count += 1
        return i

    def _release(self):
        # Last party: run the action, then let everyone go (or break on error).
        try:
            if self._action:
                self._action()
            self._state = 1
            self._notify_all()
        except BaseException:
            self._break()
            raise

    def _leave(self):
        self._count -= 1
        if self._count == 0 and self._state in (-1, 1):
            self._state = 0
            self._notify_all()

    def _reset(self):
        if self._count > 0:
            if self._state in (0, -2):
                self._state = -1
        else:
            self._state = 0
        self._notify_all()

    def _break(self):
        self._state = -2
        self._notify_all()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        return self._count if self._state == 0 else 0

    @property
    def broken(self):
        return self._state == -2

    def __repr__(self):
        if self.broken:
            return "<threading.%s at %s: broken>" % (type(self).__name__, addr(self))
        return "<threading.%s at %s: waiters=%d/%d>" % (
            type(self).__name__, addr(self), self.n_waiting, self._parties)


class TimerBase:
    """threading.Timer without its waiting: a backend writes class Timer(TimerBase, Thread)
    and adds run() (wait `interval` on `finished`, then call unless cancelled)."""

    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()

    def cancel(self):
        self.finished.set()


class _LocalDict:
    """`local.__dict__` on MicroPython: the current thread's attributes, as a mapping."""

    def __init__(self, loc):
        self._loc = loc

    def _d(self):
        return self._loc._gy_dict()

    def __getitem__(self, k):
        return self._d()[k]

    def __setitem__(self, k, v):
        self._d()[k] = v

    def __delitem__(self, k):
        del self._d()[k]

    def __contains__(self, k):
        return k in self._d()

    def __iter__(self):
        return iter(self._d())

    def __len__(self):
        return len(self._d())

    def __eq__(self, other):
        return self._d() == other

    def __repr__(self):
        return repr(self._d())

    def __getattr__(self, name):  # keys, values, items, get, pop, setdefault, update, clear, copy
        return getattr(self._d(), name)


class local:
    """threading.local: attributes live in a dict owned by the current thread.

    Limitation (no __getattribute__ on MicroPython): a class attribute of a subclass
    shadows the per-thread value of the same name; set defaults in __init__ instead.
    """

    def __new__(cls, *args, **kw):
        if (args or kw) and cls.__init__ is local.__init__:
            raise TypeError("Initialization arguments are not supported")
        self = object.__new__(cls)
        object.__setattr__(self, "_gy_args", (args, kw))
        if MPY:  # `x.__dict__` is read from the instance before any class lookup
            object.__setattr__(self, "__dict__", _LocalDict(self))
        local_storage()[self] = {}  # the creating thread is initialised by __init__ itself
        return self

    if not MPY:

        @property
        def __dict__(self):
            return self._gy_dict()

    def __init__(self, *args, **kw):
        pass

    def _gy_dict(self):
        st = local_storage()
        d = st.get(self)
        if d is None:
            # First use in this thread: fresh attributes, then re-run __init__ like CPython.
            d = st[self] = {}
            a, k = self._gy_args
            if type(self).__init__ is not local.__init__:
                self.__init__(*a, **k)
        return d

    def __getattr__(self, name):
        try:
            return self._gy_dict()[name]
        except KeyError:
            raise AttributeError("'%s' object has no attribute '%s'" % (type(self).__name__, name))

    def __setattr__(self, name, value):
        self._gy_dict()[name] = value

    def __delattr__(self, name):
        try:
            del self._gy_dict()[name]
        except KeyError:
            raise AttributeError(name)
