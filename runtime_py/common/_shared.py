# Backend-neutral core of greenify's `threading`, shared by the green and thread backends:
# exceptions, `Thread-N (target)` naming, the CPython `repr` texts, Thread attributes and
# their errors (ThreadBase).  What a program needs only sometimes lives in modules of its
# own, so a device gets only what it uses: _hook (excepthook and its output, loaded when a
# thread fails), _rare (Barrier/Timer state, settrace & co., argument checks of the rarer
# calls), _local (threading.local).  Nothing here blocks or imports `_thread`.
#
# A backend plugs itself in by setting these module globals once at import:
#   current_thread -- function returning the current Thread object (daemon inheritance)
#   local_storage  -- function returning a dict owned by the current thread, in which `local`
#                     keeps {local_object: attribute_dict}; it dies with the thread, so no leak.
#   Thread, Event  -- the backend's classes (TimerBase builds on them)
# Runs unchanged on MicroPython and CPython >= 3.8.

current_thread = None  # set by the backend
local_storage = None  # set by the backend
Thread = None  # set by the backend
Event = None  # set by the backend

# CPython's value on 64-bit Linux; backends may lower it (green: ticks window).
TIMEOUT_MAX = 9223372036.0


class ThreadError(RuntimeError):
    # CPython: threading.ThreadError is _thread.error, an alias of RuntimeError.
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


