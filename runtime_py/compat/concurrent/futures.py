# greenify: needs _gycompat, collections
# greenify compat: CPython's `concurrent.futures` (ThreadPoolExecutor, Future, as_completed,
# wait) on MicroPython, built on the program's `threading` and `queue` (greenify's runtime).
# Thread backend only: on the green backend the waits here would have to be converted code
# (the rewriter does not model this module yet), so importing it there is an ImportError that
# says so, rather than a program that stops at its first result().
import sys
import threading
import queue as _queue
from collections import namedtuple

_g = __import__("greenify")
if getattr(_g, "BACKEND", "green") != "thread":
    raise ImportError("greenify: concurrent.futures works with the thread backend only (greenify --backend thread)")

FIRST_COMPLETED = "FIRST_COMPLETED"
FIRST_EXCEPTION = "FIRST_EXCEPTION"
ALL_COMPLETED = "ALL_COMPLETED"

_c = __import__("_gycompat")
TimeoutError = _c.TimeoutError


class Error(Exception):
    pass


class CancelledError(Error):
    pass


class InvalidStateError(Error):
    pass


class BrokenExecutor(RuntimeError):
    pass


_PENDING, _RUNNING, _CANCELLED, _NOTIFIED, _FINISHED = "PENDING", "RUNNING", "CANCELLED", "CANCELLED_AND_NOTIFIED", "FINISHED"
_STATE_REPR = {_PENDING: "pending", _RUNNING: "running", _CANCELLED: "cancelled", _NOTIFIED: "cancelled", _FINISHED: "finished"}

DoneAndNotDoneFutures = namedtuple("DoneAndNotDoneFutures", "done not_done")


class Future:
    def __init__(self):
        self._cond = threading.Condition()
        self._state = _PENDING
        self._result = None
        self._exception = None
        self._callbacks = []
        self._waiters = []  # queues of as_completed/wait: told when this future is done

    def __repr__(self):
        with self._cond:
            st = _STATE_REPR[self._state]
            if self._state == _FINISHED:
                if self._exception is not None:
                    return "<Future at 0x%x state=%s raised %s>" % (id(self), st, type(self._exception).__name__)
                return "<Future at 0x%x state=%s returned %s>" % (id(self), st, type(self._result).__name__)
            return "<Future at 0x%x state=%s>" % (id(self), st)

    def _done_locked(self):
        return self._state in (_CANCELLED, _NOTIFIED, _FINISHED)

    def cancel(self):
        with self._cond:
            if self._state in (_RUNNING, _FINISHED):
                return False
            if self._state in (_CANCELLED, _NOTIFIED):
                return True
            self._state = _CANCELLED
            self._cond.notify_all()
        self._finish()
        return True

    def cancelled(self):
        with self._cond:
            return self._state in (_CANCELLED, _NOTIFIED)

    def running(self):
        with self._cond:
            return self._state == _RUNNING

    def done(self):
        with self._cond:
            return self._done_locked()

    def _get(self):
        if self._state in (_CANCELLED, _NOTIFIED):
            raise CancelledError()
        if self._exception is not None:
            raise self._exception
        return self._result

    def _wait(self, timeout):
        with self._cond:
            if not self._done_locked():
                self._cond.wait(timeout)
            if not self._done_locked():
                raise TimeoutError()

    def result(self, timeout=None):
        self._wait(timeout)
        return self._get()

    def exception(self, timeout=None):
        self._wait(timeout)
        if self._state in (_CANCELLED, _NOTIFIED):
            raise CancelledError()
        return self._exception

    def add_done_callback(self, fn):
        with self._cond:
            if not self._done_locked():
                self._callbacks.append(fn)
                return
        self._call(fn)

    def _call(self, fn):
        try:
            fn(self)
        except Exception as e:
            sys.stderr.write("exception calling callback for %r: %r\n" % (self, e))

    def set_running_or_notify_cancel(self):
        with self._cond:
            if self._state == _CANCELLED:
                self._state = _NOTIFIED
                return False
            if self._state == _PENDING:
                self._state = _RUNNING
                return True
            raise RuntimeError("Future in unexpected state")

    def set_result(self, result):
        with self._cond:
            if self._done_locked():
                raise InvalidStateError("%s: %r" % (self._state, self))
            self._result = result
            self._state = _FINISHED
            self._cond.notify_all()
        self._finish()

    def set_exception(self, exception):
        with self._cond:
            if self._done_locked():
                raise InvalidStateError("%s: %r" % (self._state, self))
            self._exception = exception
            self._state = _FINISHED
            self._cond.notify_all()
        self._finish()

    def _finish(self):
        with self._cond:
            waiters, self._waiters = self._waiters, []
            callbacks, self._callbacks = self._callbacks, []
        for q in waiters:
            q.put(self)
        for fn in callbacks:
            self._call(fn)

    def _watch(self, q):
        # q gets this future once it is done (at once if it is)
        with self._cond:
            if not self._done_locked():
                self._waiters.append(q)
                return
        q.put(self)


def as_completed(fs, timeout=None):
    fs = list(dict.fromkeys(fs))  # unique, in order
    deadline = None if timeout is None else _now() + timeout
    q = _queue.Queue()
    for f in fs:
        f._watch(q)
    return _yield_completed(q, len(fs), deadline)


def _yield_completed(q, n, deadline):
    for _ in range(n):
        try:
            if deadline is None:
                f = q.get()
            else:
                f = q.get(timeout=max(0.0, deadline - _now()))
        except _queue.Empty:
            raise TimeoutError("%d (of %d) futures unfinished" % (n - _, n)) from None
        yield f


def _now():
    import time

    return time.monotonic() if hasattr(time, "monotonic") else time.ticks_ms() / 1000


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    fs = set(fs)
    done = set(f for f in fs if f.done())
    pending = fs - done
    stop = lambda: (  # noqa: E731
        (return_when == FIRST_COMPLETED and done)
        or (return_when == FIRST_EXCEPTION and any(not f.cancelled() and f.exception() is not None for f in done))
        or not pending
    )
    if stop():
        return DoneAndNotDoneFutures(done, pending)
    q = _queue.Queue()
    for f in pending:
        f._watch(q)
    deadline = None if timeout is None else _now() + timeout
    while not stop():
        try:
            f = q.get() if deadline is None else q.get(timeout=max(0.0, deadline - _now()))
        except _queue.Empty:
            break
        if f in pending:
            pending.discard(f)
            done.add(f)
    return DoneAndNotDoneFutures(done, pending)


class Executor:
    def submit(self, fn, *args, **kwargs):
        raise NotImplementedError()

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        deadline = None if timeout is None else _now() + timeout
        fs = [self.submit(fn, *args) for args in zip(*iterables)]
        return _results(fs, deadline)

    def shutdown(self, wait=True, *, cancel_futures=False):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.shutdown(wait=True)
        return False


def _results(fs, deadline):
    try:
        fs.reverse()
        while fs:
            f = fs.pop()
            yield f.result() if deadline is None else f.result(max(0.0, deadline - _now()))
    finally:
        for f in fs:
            f.cancel()


_counter = [0]


class ThreadPoolExecutor(Executor):
    def __init__(self, max_workers=None, thread_name_prefix="", initializer=None, initargs=()):
        if max_workers is None:
            max_workers = 5  # CPython: cpu_count() + 4, at most 32; one core here
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._max_workers = max_workers
        self._work = _queue.Queue()
        self._threads = []
        self._idle = 0
        self._lock = threading.Lock()
        self._shutdown = False
        self._broken = False
        _counter[0] += 1
        self._prefix = thread_name_prefix or ("ThreadPoolExecutor-%d" % (_counter[0] - 1))
        self._initializer = initializer
        self._initargs = initargs

    def submit(self, fn, *args, **kwargs):
        with self._lock:
            if self._broken:
                raise BrokenExecutor(self._broken)
            if self._shutdown:
                raise RuntimeError("cannot schedule new futures after shutdown")
            f = Future()
            self._work.put((f, fn, args, kwargs))
            if self._idle > 0:
                self._idle -= 1
            elif len(self._threads) < self._max_workers:
                t = threading.Thread(target=self._worker, name="%s_%d" % (self._prefix, len(self._threads)))
                t.daemon = True  # the interpreter's exit waits through shutdown(), as CPython's atexit does
                self._threads.append(t)
                t.start()
            return f

    def _worker(self):
        if self._initializer is not None:
            try:
                self._initializer(*self._initargs)
            except BaseException:
                with self._lock:
                    self._broken = "A thread initializer failed, the thread pool is not usable anymore"
                return
        while True:
            item = self._work.get()
            if item is None:
                self._work.put(None)  # wake the next worker too
                return
            f, fn, args, kwargs = item
            if f.set_running_or_notify_cancel():
                try:
                    r = fn(*args, **kwargs)
                except BaseException as e:
                    f.set_exception(e)
                else:
                    f.set_result(r)
            with self._lock:
                self._idle += 1

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._lock:
            self._shutdown = True
            if cancel_futures:
                while True:
                    try:
                        item = self._work.get_nowait()
                    except _queue.Empty:
                        break
                    if item is not None:
                        item[0].cancel()
            self._work.put(None)
        if wait:
            for t in self._threads:
                t.join()


ProcessPoolExecutor = ThreadPoolExecutor  # a device has one process: threads do the work
