# greenify: when Condition, Semaphore, BoundedSemaphore, Barrier, Timer
# greenify: needs _rare, _rlock
"""greenify.threading's rarer classes (green backend): Condition, Semaphore,
BoundedSemaphore, Barrier and Timer.

greenify.threading loads this module on first use of one of these names (its module
`__getattr__`), so a program that only starts threads and uses locks, events and queues
never loads it.  Waiting is the kernel's: arm the current thread on a wait list, return it
to be awaited; a release/notify hands over to the longest waiting thread (FIFO).
"""
from greenify import _kernel as K
from greenify import _shared as S
from greenify import _rare as R
from greenify._rlock import RLock
from greenify._rare import BrokenBarrierError
from greenify.threading import (
    Event, Thread, current_thread, _await, _not_converted, _wait_timeout,
)

_K_BARRIER = ("Barrier.wait", False)
_K_COND = ("Condition.wait", False)
_K_SEM = ("Semaphore.acquire", False)


class Condition:
    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        if not hasattr(lock, "_gy_take"):
            raise TypeError("greenify: Condition needs a threading.Lock or RLock")
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release
        self._wl = []

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, t, v, tb):
        return self._lock.__exit__(t, v, tb)

    def __aenter__(self):
        return self._lock.acquire()

    def __aexit__(self, t, v, tb):
        self._lock.release()
        return K.NONE

    def __repr__(self):
        return "<Condition(%s, %d)>" % (self._lock, len(self._wl))

    def _is_owned(self):
        return self._lock._is_owned()

    def wait(self, timeout=None):
        if not self._lock._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        w = current_thread()
        cnt = self._lock._release_save()
        w._w_arm(self._wl, _wait_timeout(timeout), _K_COND)
        w._w_lk = self._lock
        if cnt != 1 or w._w_cnt != 1:
            w._w_cnt = cnt
        return w

    async def wait_for(self, predicate, timeout=None):
        end = None
        left = timeout
        result = predicate()
        if K.awaitable(result):  # a converted (async) predicate
            result = await result
        while not result:
            if left is not None:
                if end is None:
                    end = K.clock() + left
                else:
                    left = end - K.clock()
                    if left <= 0:
                        break
            await self.wait(left)
            result = predicate()
            if K.awaitable(result):
                result = await result
        return result

    def notify(self, n=1):
        if not self._lock._is_owned():
            raise RuntimeError("cannot notify on un-acquired lock")
        wl = self._wl
        lwl = self._lock._wl
        while n > 0 and wl:
            # Notified: now wait (without deadline) for the lock, FIFO behind others
            # ("wait morphing": the thread stays parked, one park per wait).
            w = wl.pop(0)
            w._w_untime()
            w._w_lk = None  # no deadline left: the lock comes back through the grant
            w._w_wl = lwl
            lwl.append(w)
            n -= 1

    def notify_all(self):
        self.notify(len(self._wl))

    notifyAll = notify_all


class Semaphore:
    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._value = value
        self._wl = []

    def acquire(self, blocking=True, timeout=None):
        R.check_sem_acquire(blocking, timeout)
        if self._value > 0:
            self._value -= 1
            return K.TRUE if blocking else True
        if not blocking:
            return False
        t = _wait_timeout(timeout)
        if t == 0:
            return K.FALSE
        return current_thread()._w_arm(self._wl, t, _K_SEM)

    __aenter__ = acquire

    def __enter__(self):
        if self.acquire(False):
            return True
        if K.cur_task() is None:
            return K.run_task(_await(self.acquire()))
        raise _not_converted()

    def release(self, n=1):
        if n < 1:
            raise ValueError("n must be one or more")
        wl = self._wl
        while n and wl:
            wl.pop(0)._w_wake(True)  # hand the permit straight to the first waiter
            n -= 1
        self._value += n

    def __exit__(self, t, v, tb):
        self.release()

    def __aexit__(self, t, v, tb):
        self.release()
        return K.NONE

    def __repr__(self):
        return "<threading.%s at %s: value=%d>" % (type(self).__name__, S.addr(self), self._value)


class BoundedSemaphore(Semaphore):
    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._initial_value = value

    def release(self, n=1):
        if n < 1:
            raise ValueError("n must be one or more")
        if self._value + n > self._initial_value:
            raise ValueError("Semaphore released too many times")
        Semaphore.release(self, n)

    def __repr__(self):
        return "<threading.BoundedSemaphore at %s: value=%d/%d>" % (
            S.addr(self), self._value, self._initial_value)


class Barrier(R.BarrierBase):
    _acting = False  # a converted action is being awaited: newcomers wait, as on CPython's lock

    def __init__(self, parties, action=None, timeout=None):
        R.BarrierBase.__init__(self, parties, action, timeout)
        self._wl = []

    def _notify_all(self):
        K.wake_all(self._wl, True)

    async def _release_awaiting(self):
        # BarrierBase._release, awaiting what a converted (async) action returns.
        try:
            if self._action:
                self._acting = True
                try:
                    r = self._action()
                    if K.awaitable(r):
                        await r
                finally:
                    self._acting = False
            self._state = 1
            self._notify_all()
        except BaseException:
            self._break()
            raise

    async def wait(self, timeout=None):
        if timeout is None:
            timeout = self._timeout
        while self._must_wait_enter() or self._acting:
            await current_thread()._w_arm(self._wl, None, _K_BARRIER)
        self._check_broken()
        index = self._arrive()
        try:
            if index + 1 == self._parties:
                await self._release_awaiting()
            else:
                end = None if timeout is None else K.clock() + timeout
                while self._state == 0:
                    left = None if end is None else max(0, end - K.clock())
                    if not await current_thread()._w_arm(self._wl, left, _K_BARRIER):
                        self._break()
                        raise BrokenBarrierError
                self._check_broken()
            return index
        finally:
            self._leave()

    def reset(self):
        self._reset()

    def abort(self):
        self._break()


class Timer(R.TimerBase, Thread):
    async def run(self):
        await self.finished.wait(self.interval)
        if not self.finished.is_set():
            r = self.function(*self.args, **self.kwargs)
            if K.awaitable(r):
                await r
        self.finished.set()
