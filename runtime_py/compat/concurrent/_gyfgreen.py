# greenify: needs concurrent._gyfbase
# greenify compat: CPython's `concurrent.futures` for the green backend (MicroPython, and green
# output on CPython). Workers are green threads; every wait is an awaitable, which the rewriter
# awaits in converted code: `await __gy.maybe(f.result())`, `await wait(fs)`, `await pool.shutdown()`,
# `async with pool:`, `async for f in as_completed(fs):`, `async for r in pool.map(...)`, and
# `await __gy.maybe(pool.map(...))` where the results are used otherwise (`list(...)`): that
# waits for all of them (`_gy_await`). At module top level the waits run the scheduler until
# they are done (plain `with pool:`, plain iteration). A converted function handed to submit/map
# or add_done_callback returns a coroutine, which the worker awaits.
# Green threads switch only at waits, so the state here needs no locks.
import sys
import threading
import queue as _queue
from greenify import _kernel as K
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
    _left,
)

_DONE = (_CANCELLED, _NOTIFIED, _FINISHED)


def _run(aw):
    # A wait in code that was not converted: at module top level the scheduler runs until it
    # is done; inside a thread this raises greenify's "blocking call in code that was not
    # converted" RuntimeError.
    return __import__("greenify").run(aw)


def _spawn(aw):
    # A converted done-callback run from plain code (set_result, add_done_callback on a done
    # future): it runs in a green thread of its own.
    threading.Thread(target=lambda: aw, daemon=True).start()


class Future:
    def __init__(self):
        self._state = _PENDING
        self._result = None
        self._exception = None
        self._callbacks = []
        self._ev = None  # an Event, made by the first waiter
        self._waiters = []  # queues of as_completed/wait: told when this future is done

    def __repr__(self):
        return _repr(self)

    def cancel(self):
        if self._state in (_RUNNING, _FINISHED):
            return False
        if self._state in (_CANCELLED, _NOTIFIED):
            return True
        self._state = _CANCELLED
        self._finish()
        return True

    def cancelled(self):
        return self._state in (_CANCELLED, _NOTIFIED)

    def running(self):
        return self._state == _RUNNING

    def done(self):
        return self._state in _DONE

    def _get(self):
        if self._state in (_CANCELLED, _NOTIFIED):
            raise CancelledError()
        if self._exception is not None:
            raise self._exception
        return self._result

    async def _wait(self, timeout):
        if self._state not in _DONE:
            if self._ev is None:
                self._ev = threading.Event()
            await self._ev.wait(timeout)
            if self._state not in _DONE:
                raise TimeoutError()

    # result()/exception(): the value itself once the future is done (plain code, e.g. a
    # done-callback or a comprehension over finished futures, may call them), else an
    # awaitable; converted code goes through `await __gy.maybe(f.result())`.
    def result(self, timeout=None):
        if self._state in _DONE:
            return self._get()
        return self._result_later(timeout)

    async def _result_later(self, timeout):
        await self._wait(timeout)
        return self._get()

    def exception(self, timeout=None):
        if self._state in _DONE:
            return self._exc()
        return self._exception_later(timeout)

    async def _exception_later(self, timeout):
        await self._wait(timeout)
        return self._exc()

    def _exc(self):
        if self._state in (_CANCELLED, _NOTIFIED):
            raise CancelledError()
        return self._exception

    def add_done_callback(self, fn):
        if self._state not in _DONE:
            self._callbacks.append(fn)
            return
        r = self._call(fn)
        if r is not None:
            _spawn(r)

    def _call(self, fn):
        # Calls a done-callback; returns the coroutine of a converted one (not awaited yet).
        try:
            r = fn(self)
        except Exception as e:
            sys.stderr.write("exception calling callback for %r: %r\n" % (self, e))
            return None
        return r if K.awaitable(r) else None

    async def _await_callback(self, r):
        try:
            await r
        except Exception as e:
            sys.stderr.write("exception calling callback for %r: %r\n" % (self, e))

    def set_running_or_notify_cancel(self):
        if self._state == _CANCELLED:
            self._state = _NOTIFIED
            return False
        if self._state == _PENDING:
            self._state = _RUNNING
            return True
        raise RuntimeError("Future in unexpected state")

    def _set(self, result, exception):
        if self._state in _DONE:
            raise InvalidStateError("%s: %r" % (self._state, self))
        self._result = result
        self._exception = exception
        self._state = _FINISHED
        return self._finish()

    def set_result(self, result):
        for r in self._set(result, None):
            _spawn(r)

    def set_exception(self, exception):
        for r in self._set(None, exception):
            _spawn(r)

    async def _complete(self, result, exception):
        # The worker's way: converted callbacks are awaited in the worker, as CPython calls
        # callbacks in the thread that completes the future.
        for r in self._set(result, exception):
            await self._await_callback(r)

    def _finish(self):
        # Wakes the waiters, runs the plain callbacks; returns the converted ones' coroutines.
        if self._ev is not None:
            self._ev.set()
        waiters, self._waiters = self._waiters, []
        callbacks, self._callbacks = self._callbacks, []
        for q in waiters:
            q.put_nowait(self)
        pending = []
        for fn in callbacks:
            r = self._call(fn)
            if r is not None:
                pending.append(r)
        return pending

    def _watch(self, q):
        # q gets this future once it is done (at once if it is)
        if self._state in _DONE:
            q.put_nowait(self)
        else:
            self._waiters.append(q)


class _Results:
    # What as_completed() and Executor.map() return: a sync iterator (top level), an async one
    # (`async for` in converted code), and `_gy_await()` for `await __gy.maybe(...)`, which
    # waits for every item first. Subclasses: _take() waits for the next item.
    def __iter__(self):
        return self

    def __next__(self):
        if self._left() == 0:
            raise StopIteration
        got = self._ready()
        return got if got is not _NONE else _run(self._take())

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self._left() == 0:
            raise StopAsyncIteration
        got = self._ready()
        return got if got is not _NONE else await self._take()

    def _gy_await(self):
        return self._all()

    async def _all(self):
        await self._fill()
        return self


_NONE = object()  # "no item ready without waiting"


class _Completed(_Results):
    def __init__(self, fs, timeout):
        self._n = len(fs)
        self._total = len(fs)
        self._deadline = None if timeout is None else _now() + timeout
        self._q = _queue.Queue()
        self._buf = []
        for f in fs:
            f._watch(self._q)

    def _left(self):
        return self._n

    def _ready(self):
        if self._buf:
            self._n -= 1
            return self._buf.pop(0)
        try:
            f = self._q.get_nowait()
        except _queue.Empty:
            return _NONE
        self._n -= 1
        return f

    async def _next(self):
        try:
            return await self._q.get(timeout=_left(self._deadline))
        except _queue.Empty:
            raise TimeoutError("%d (of %d) futures unfinished" % (self._n - len(self._buf), self._total)) from None

    async def _take(self):
        f = await self._next()
        self._n -= 1
        return f

    async def _fill(self):
        while len(self._buf) < self._n:
            self._buf.append(await self._next())


def as_completed(fs, timeout=None):
    return _Completed(list(dict.fromkeys(fs)), timeout)  # unique, in order


async def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    fs = set(fs)
    done = set(f for f in fs if f._state in _DONE)
    pending = fs - done
    if _stop_waiting(done, pending, return_when):
        return DoneAndNotDoneFutures(done, pending)
    q = _queue.Queue()
    for f in pending:
        f._watch(q)
    deadline = None if timeout is None else _now() + timeout
    while not _stop_waiting(done, pending, return_when):
        try:
            f = await q.get(timeout=_left(deadline))
        except _queue.Empty:
            break
        if f in pending:
            pending.discard(f)
            done.add(f)
    return DoneAndNotDoneFutures(done, pending)


class _Mapped(_Results):
    # Executor.map's results, in order; an error is raised at its turn and cancels the rest.
    def __init__(self, fs, timeout):
        self._fs = fs
        self._fs.reverse()
        self._deadline = None if timeout is None else _now() + timeout

    def _left(self):
        return len(self._fs)

    def _ready(self):
        f = self._fs[-1]
        if f._state not in _DONE:
            return _NONE
        self._fs.pop()
        return self._value(f)

    def _value(self, f):
        try:
            return f._get()
        except BaseException:
            self._cancel()
            raise

    async def _take(self):
        f = self._fs[-1]
        try:
            await f._wait(_left(self._deadline))
        except TimeoutError:
            self._cancel()
            raise
        self._fs.pop()
        return self._value(f)

    async def _fill(self):
        for f in reversed(self._fs):
            try:
                await f._wait(_left(self._deadline))
            except TimeoutError:
                return  # raised at its turn by the iteration (CPython raises it in list())

    def _cancel(self):
        for f in self._fs:
            f.cancel()
        self._fs = []


class Executor:
    def submit(self, fn, *args, **kwargs):
        raise NotImplementedError()

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        return _Mapped([self.submit(fn, *args) for args in zip(*iterables)], timeout)

    def shutdown(self, wait=True, *, cancel_futures=False):
        return K.NONE

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        _run(self.shutdown(wait=True))
        return False

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        await self.shutdown(wait=True)
        return False


_counter = [0]
_pools = []  # pools not shut down: the program's end shuts them down (CPython's atexit hook)


_hooked = []


def _hook_exit():
    # The runtime's _shutdown (the program's end: __gy.exit(), sys.atexit, CPython's exit)
    # first shuts the pools down, as CPython's threading._register_atexit hook does before the
    # wait for non-daemon threads.
    prev = _gth._shutdown

    def _shutdown():
        if not K.dead:
            K.run_task(_at_exit())
        prev()

    _gth._shutdown = _shutdown
    _hooked.append(True)


async def _at_exit():
    while _pools:
        await _pools[-1].shutdown(wait=True)


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
        self._shutdown = False
        self._broken = False
        _counter[0] += 1
        self._prefix = thread_name_prefix or ("ThreadPoolExecutor-%d" % (_counter[0] - 1))
        self._initializer = initializer
        self._initargs = initargs
        if not _pools and not _hooked:
            _hook_exit()
        _pools.append(self)

    def submit(self, fn, *args, **kwargs):
        if self._broken:
            raise BrokenExecutor(self._broken)
        if self._shutdown:
            raise RuntimeError("cannot schedule new futures after shutdown")
        f = Future()
        self._work.put_nowait((f, fn, args, kwargs))
        if self._idle > 0:
            self._idle -= 1
        elif len(self._threads) < self._max_workers:
            t = threading.Thread(target=self._worker, name="%s_%d" % (self._prefix, len(self._threads)))
            t.daemon = True  # the program's end shuts the pool down (_at_exit), as CPython's does
            self._threads.append(t)
            t.start()
        return f

    async def _worker(self):
        if self._initializer is not None:
            try:
                r = self._initializer(*self._initargs)
                if K.awaitable(r):
                    await r
            except BaseException:
                self._broken = "A thread initializer failed, the thread pool is not usable anymore"
                return
        while True:
            item = await self._work.get()
            if item is None:
                self._work.put_nowait(None)  # wake the next worker too
                return
            f, fn, args, kwargs = item
            if f.set_running_or_notify_cancel():
                try:
                    r = fn(*args, **kwargs)
                    if K.awaitable(r):
                        r = await r
                except BaseException as e:
                    await f._complete(None, e)
                else:
                    await f._complete(r, None)
            self._idle += 1

    def shutdown(self, wait=True, *, cancel_futures=False):
        # Returns an awaitable: the wait for the workers (a finished one when wait=False).
        if self in _pools:
            _pools.remove(self)
        self._shutdown = True
        if cancel_futures:
            while True:
                try:
                    item = self._work.get_nowait()
                except _queue.Empty:
                    break
                if item is not None:
                    item[0].cancel()
        self._work.put_nowait(None)
        return self._join() if wait else K.NONE

    async def _join(self):
        for t in self._threads:
            await t.join()
