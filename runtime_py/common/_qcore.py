# Backend-neutral parts of greenify's `queue`, shared by the green and thread backends:
# the exceptions, the FIFO storage (CPython's overridable `_init/_qsize/_put/_get` hooks, so
# user subclasses keep working; LIFO and priority orders are in _qorder), and the
# bookkeeping that never waits: room checks, the unfinished-task counter, shutdown state
# (CPython 3.13).  A backend's Queue subclasses QueueBase and adds the waiting and the
# notifications; it must hold its own lock (if it has one) around every call into this module.
#
# Storage is a plain list in `self.queue`: append/pop reuse its slots, so a queue that
# stays at a bounded size allocates nothing in steady state.
class Empty(Exception):
    "Exception raised by Queue.get(block=0)/get_nowait()."


class Full(Exception):
    "Exception raised by Queue.put(block=0)/put_nowait()."


class ShutDown(Exception):
    "Raised when put/get with shut-down queue."


class QueueBase:
    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._init(maxsize)
        self.unfinished_tasks = 0
        self.is_shutdown = False

    # Storage hooks (FIFO); subclasses override these four, as in CPython.
    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.pop(0)

    def _has_room(self):
        return self.maxsize <= 0 or self._qsize() < self.maxsize

    def _full(self):
        return 0 < self.maxsize <= self._qsize()

    def _check_put(self):
        if self.is_shutdown:
            raise ShutDown

    def _check_get(self):
        # After a (non-immediate) shutdown, get() still drains what is left.
        if self.is_shutdown and not self._qsize():
            raise ShutDown

    def _add(self, item):
        self._put(item)
        self.unfinished_tasks += 1

    def _task_done(self):
        # Returns True when every task is done (the backend then wakes join()ers).
        n = self.unfinished_tasks - 1
        if n < 0:
            raise ValueError("task_done() called too many times")
        self.unfinished_tasks = n
        return n == 0

    def _shutdown(self, immediate):
        # Backend wakes every getter, putter and joiner afterwards.
        self.is_shutdown = True
        if immediate:
            while self._qsize():
                self._get()
                if self.unfinished_tasks > 0:
                    self.unfinished_tasks -= 1
