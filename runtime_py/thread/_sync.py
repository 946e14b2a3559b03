"""Thread backend: Lock, RLock, Condition, Semaphore, BoundedSemaphore, Event, Barrier.

Lock is a `_thread` lock; RLock adds an owner and a count.  Condition keeps a FIFO list of
waiter locks (one per waiting thread, from greenify._wait's pool): wait() parks on its own
lock, notify() releases the first ones.  Everything else waits on a Condition, as in
CPython.  The unix port has no GIL: shared state is only touched under a lock.
"""
from _thread import allocate_lock as _alloc, get_ident
from greenify._shared import addr, check_acquire
from greenify._rare import BarrierBase, BrokenBarrierError, check_sem_acquire
from greenify._wait import TIMEOUT_MAX, deadline, left, timed, unwaiter, waiter


class Lock:
    """threading.Lock: a `_thread` lock plus timed acquire (not FIFO, like CPython's)."""

    def __init__(self):
        self._l = _alloc()

    def acquire(self, blocking=True, timeout=-1):
        t = check_acquire(blocking, timeout, TIMEOUT_MAX)
        if t is None:
            return self._l.acquire(1)
        return timed(self._l, t)

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
        t = check_acquire(blocking, timeout, TIMEOUT_MAX)
        if t is None:
            self._l.acquire(1)
        elif not timed(self._l, t):
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
        w = waiter()
        self._waiters.append(w)
        saved = self._release_save()
        got = False
        try:
            if timeout is None:
                got = w.acquire(1)
            else:
                got = timed(w, timeout)
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
            unwaiter(w)
        return got

    def wait_for(self, predicate, timeout=None):
        end = None
        wt = timeout
        result = predicate()
        while not result:
            if wt is not None:
                if end is None:
                    end = deadline(wt)
                else:
                    wt = left(end)
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
        check_sem_acquire(blocking, timeout)
        rc = False
        end = None
        with self._cond:
            while self._value == 0:
                if not blocking:
                    break
                if timeout is not None:
                    if end is None:
                        end = deadline(timeout)
                    else:
                        timeout = left(end)
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
