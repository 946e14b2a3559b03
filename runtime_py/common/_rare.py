# greenify: when Barrier, Timer, BrokenBarrierError, settrace, setprofile, gettrace, getprofile, settrace_all_threads, setprofile_all_threads, stack_size
# The rarer parts of `threading` both backends compute alike: the Barrier state machine
# (without the waiting), TimerBase, settrace/setprofile & co., and the argument checks of
# Semaphore.acquire and stack_size.  The green backend loads it on first use of one of these
# names; greenify ships it only to a program that names one of them (the line above).
import sys
from greenify._shared import addr
from greenify import _shared as S


class BrokenBarrierError(RuntimeError):
    pass


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
        S.Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = S.Event()

    def cancel(self):
        self.finished.set()
