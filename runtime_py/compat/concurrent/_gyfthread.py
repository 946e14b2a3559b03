# greenify: needs concurrent._gyfbase
# greenify compat: CPython's `concurrent.futures` (ThreadPoolExecutor, Future, as_completed,
# wait) for the thread backend, built on the program's `threading` and `queue` (greenify's
# runtime on `_thread`). concurrent/futures.py loads it.
import sys
import threading
import queue as _queue
import greenify.threading as _gth
from concurrent._gyfbase import (
    CancelledError,
    InvalidStateError,
    BrokenExecutor,
    TimeoutError,
    DoneAndNotDoneFutures,
    ALL_COMPLETED,
    _PENDING,
    _RUNNING,
    _CANCELLED,
    _NOTIFIED,
    _FINISHED,
    _repr,
    _stop_waiting,
    _now,
)


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
            return _repr(self)

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


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    fs = set(fs)
    done = set(f for f in fs if f.done())
    pending = fs - done
    stop = lambda: _stop_waiting(done, pending, return_when)  # noqa: E731
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
_plock = threading.Lock()
_pools = []  # pools not shut down: the program's end shuts them down (CPython's atexit hook)


_hooked = []


def _hook_exit():
    # The runtime's _shutdown (the program's end) first shuts the pools down, as CPython's
    # threading._register_atexit hook does before the wait for non-daemon threads.
    prev = _gth._shutdown

    def _shutdown():
        while _pools:
            _pools[-1].shutdown(wait=True)
        prev()

    _gth._shutdown = _shutdown
    _hooked.append(True)


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
        with _plock:
            if not _pools and not _hooked:
                _hook_exit()
            _pools.append(self)

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
        with _plock:
            if self in _pools:
                _pools.remove(self)
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

