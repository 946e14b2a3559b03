# greenify: when LifoQueue, PriorityQueue, SimpleQueue
# greenify: needs _qorder
# The rarer queue classes of the green backend, loaded on first use: LifoQueue and
# PriorityQueue (Queue with another storage order) and SimpleQueue.
from greenify import _kernel as K
from greenify.queue import Queue, PLAIN
from greenify._qorder import ordered

LifoQueue, PriorityQueue = ordered(Queue)
PLAIN.append(LifoQueue)
PLAIN.append(PriorityQueue)


class SimpleQueue:
    # Unbounded FIFO without task tracking; put never blocks.

    def __init__(self):
        self._q = Queue()

    def put(self, item, block=True, timeout=None):
        self._q.put(item)
        return K.NONE

    def put_nowait(self, item):
        self._q.put(item)

    def get(self, block=True, timeout=None):
        return self._q.get(block, timeout)

    def get_nowait(self):
        return self._q.get(False)

    def empty(self):
        return self._q.empty()

    def qsize(self):
        return self._q.qsize()
