# greenify: needs _qorder
"""greenify thread backend: CPython 3.13's `queue` on MicroPython's `_thread`.

Storage and the bookkeeping that never waits come from greenify._qcore (shared with the
green backend); here: one mutex and three Conditions over it, as in CPython, so waiters
are woken in FIFO order and a timed wait never returns before its deadline.
"""
from greenify._qcore import Empty, Full, ShutDown, QueueBase
from greenify._qorder import ordered
from greenify._sync import Lock, Condition
from greenify._wait import deadline as _deadline, left as _left

__all__ = ["Empty", "Full", "ShutDown", "Queue", "PriorityQueue", "LifoQueue", "SimpleQueue"]


def _check(timeout):
    if timeout < 0:
        raise ValueError("'timeout' must be a non-negative number")
    return _deadline(timeout)


class Queue(QueueBase):
    def __init__(self, maxsize=0):
        QueueBase.__init__(self, maxsize)
        self.mutex = m = Lock()
        self.not_empty = Condition(m)
        self.not_full = Condition(m)
        self.all_tasks_done = Condition(m)

    def task_done(self):
        with self.all_tasks_done:
            if self._task_done():
                self.all_tasks_done.notify_all()

    def join(self):
        with self.all_tasks_done:
            while self.unfinished_tasks:
                self.all_tasks_done.wait()

    def qsize(self):
        with self.mutex:
            return self._qsize()

    def empty(self):
        with self.mutex:
            return not self._qsize()

    def full(self):
        with self.mutex:
            return self._full()

    def put(self, item, block=True, timeout=None):
        with self.not_full:
            self._check_put()
            if self.maxsize > 0:
                if not block:
                    if not self._has_room():
                        raise Full
                elif timeout is None:
                    while not self._has_room():
                        self.not_full.wait()
                        self._check_put()
                else:
                    end = _check(timeout)
                    while not self._has_room():
                        left = _left(end)
                        if left <= 0:
                            raise Full
                        self.not_full.wait(left)
                        self._check_put()
            self._add(item)
            self.not_empty.notify()

    def get(self, block=True, timeout=None):
        with self.not_empty:
            self._check_get()
            if not block:
                if not self._qsize():
                    raise Empty
            elif timeout is None:
                while not self._qsize():
                    self.not_empty.wait()
                    self._check_get()
            else:
                end = _check(timeout)
                while not self._qsize():
                    left = _left(end)
                    if left <= 0:
                        raise Empty
                    self.not_empty.wait(left)
                    self._check_get()
            item = self._get()
            self.not_full.notify()
            return item

    def put_nowait(self, item):
        return self.put(item, block=False)

    def get_nowait(self):
        return self.get(block=False)

    def shutdown(self, immediate=False):
        with self.mutex:
            self._shutdown(immediate)
            if immediate:
                self.all_tasks_done.notify_all()
            self.not_empty.notify_all()
            self.not_full.notify_all()


LifoQueue, PriorityQueue = ordered(Queue)


class SimpleQueue:
    """Unbounded FIFO queue without task tracking; put never blocks."""

    def __init__(self):
        self._queue = []
        self._cond = Condition(Lock())

    def put(self, item, block=True, timeout=None):
        with self._cond:
            self._queue.append(item)
            self._cond.notify()

    def put_nowait(self, item):
        self.put(item)

    def get(self, block=True, timeout=None):
        c = self._cond
        q = self._queue
        with c:
            if not block:
                if not q:
                    raise Empty
            elif timeout is None:
                while not q:
                    c.wait()
            else:
                end = _check(timeout)
                while not q:
                    left = _left(end)
                    if left <= 0:
                        raise Empty
                    c.wait(left)
            return q.pop(0)

    def get_nowait(self):
        return self.get(False)

    def empty(self):
        with self._cond:
            return not self._queue

    def qsize(self):
        with self._cond:
            return len(self._queue)
