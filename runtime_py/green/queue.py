# greenify.queue, green backend: CPython 3.13's queue API for green threads.
#
# get()/put()/join() return awaitables; with block=False (and get_nowait/put_nowait) they
# are plain calls.  Waiting getters and putters are served first come, first served: a put
# feeds the longest waiting getter directly, a get lets the longest waiting putter in.
# LifoQueue, PriorityQueue and SimpleQueue live in greenify._queues, loaded on first use.
from greenify import _kernel as K
from greenify import threading as _th
from greenify._qcore import Empty, Full, ShutDown, QueueBase

# __all__ comes from greenify._all on first use (see __getattr__).


_cur = _th.current_thread


class _NoLock:
    def __enter__(self):
        return True

    def __exit__(self, t, v, tb):
        pass

    def acquire(self, blocking=True, timeout=-1):
        return True

    def release(self):
        pass
# What each wait is (deadlock report) and what its timeout raises.
_K_GET = ("Queue.get", Empty)
_K_PUT = ("Queue.put", Full)
_K_JOIN = ("Queue.join", None)


class Queue(QueueBase):
    _plain = False  # storage hooks are ours: an empty queue hands an item straight over

    def __init__(self, maxsize=0):
        QueueBase.__init__(self, maxsize)
        self._gw = []  # parked getters
        self._pw = []  # parked putters (item kept on their Waiter)
        self._jw = None  # parked join()ers, made on demand
        if type(self) in PLAIN:
            self._plain = True

    # CPython idiom `with q.mutex: q.queue.clear()`: nothing preempts a green thread, so a
    # lock that does nothing gives the same exclusion (and no property: stores stay fast).
    mutex = _NoLock()

    def qsize(self):
        return self._qsize()

    def empty(self):
        return not self._qsize()

    def full(self):
        return self._full()

    # put/get inline the common case (room / an item available): they are the hot path.
    def put(self, item, block=True, timeout=None):
        if self.is_shutdown:
            raise ShutDown
        m = self.maxsize
        if self._plain:
            gw = self._gw
            if not gw:
                if m <= 0 or len(self.queue) < m:
                    self._put(item)
                    self.unfinished_tasks += 1
                    return (_DONE if _core.cur_task is not None else _NONE) if block else None
            elif not self.queue:
                # A getter waits on the empty queue: the item goes straight to it (what
                # _put then _get would return for FIFO, LIFO and priority storage alike).
                self.unfinished_tasks += 1
                gw.pop(0)._w_wake(item)
                return (_DONE if _core.cur_task is not None else _NONE) if block else None
        if m <= 0 or self._qsize() < m:
            self._put(item)
            self.unfinished_tasks += 1
            gw = self._gw
            if gw and self._qsize():
                # The longest waiting getter takes the (oldest) item straight away.
                gw.pop(0)._w_wake(self._get())
            return K.NONE if block else None
        if not block:
            raise Full
        if timeout is not None:
            if timeout < 0:
                raise ValueError("'timeout' must be a non-negative number")
            if timeout == 0:
                raise Full
        w = _tasks.get(_core.cur_task)
        if w is None:
            w = _cur()
        w = w._w_arm(self._pw, timeout, _K_PUT)
        w._w_item = item
        return w

    def put_nowait(self, item):
        return self.put(item, False)

    def get(self, block=True, timeout=None):
        if block and timeout is not None and timeout < 0:
            raise ValueError("'timeout' must be a non-negative number")
        if self._plain:
            q = self.queue
            if q:
                item = self._get()
                pw = self._pw
                if pw:
                    m = self.maxsize
                    if m <= 0 or len(q) < m:
                        # Room was made: the first parked putter's item goes in.
                        w = pw.pop(0)
                        self._put(w._w_item)
                        w._w_item = None
                        self.unfinished_tasks += 1
                        w._w_wake(None)
                if not block:
                    return item
                w = _VALUE
                w.v = item
                return w
        elif self._qsize():
            item = self._get()
            if self._pw:
                self._drained()
            if not block:
                return item
            w = _VALUE
            w.v = item
            return w
        if self.is_shutdown:
            raise ShutDown
        if not block or timeout == 0:
            raise Empty
        # current_thread() inlined: a started Thread's task maps to it (the main
        # thread's and native tasks are not in the map: the general call then).
        w = _tasks.get(_core.cur_task)
        if w is None:
            w = _cur()
        return w._w_arm(self._gw, timeout, _K_GET)

    def get_nowait(self):
        return self.get(False)

    def _drained(self):
        # Room was made: the first parked putter's item goes in.
        pw = self._pw
        if pw and self._has_room():
            w = pw.pop(0)
            item = w._w_item
            w._w_item = None
            self._add(item)
            w._w_wake(None)

    def task_done(self):
        if self._task_done() and self._jw:
            K.wake_all(self._jw, None)

    def join(self):
        if not self.unfinished_tasks:
            return K.NONE
        if self._jw is None:
            self._jw = []
        return _cur()._w_arm(self._jw, None, _K_JOIN)

    def shutdown(self, immediate=False):
        self._shutdown(immediate)
        K.wake_all(self._pw, ShutDown, True)
        if not self._qsize():
            K.wake_all(self._gw, ShutDown, True)
        if self._jw and not self.unfinished_tasks:
            K.wake_all(self._jw, None)


# The classes whose storage hooks are greenify's own (greenify._queues adds its two).
PLAIN = [Queue]
_NONE = K.NONE
_DONE = K.DONE  # put() inside a task: awaited at native speed (see _kernel.DONE)
_VALUE = K.VALUE
_tasks = K.tasks
_core = K.core  # asyncio.core (its cur_task) on MicroPython; the host kernel's stand-in


def __getattr__(name):
    # LifoQueue, PriorityQueue, SimpleQueue: imported on first use, then kept as globals.
    if name == "__all__":
        from greenify._all import ALL

        return ALL["queue"]
    if name not in ("LifoQueue", "PriorityQueue", "SimpleQueue"):
        raise AttributeError(name)
    v = getattr(__import__("greenify._queues", None, None, [name]), name)
    globals()[name] = v
    return v
