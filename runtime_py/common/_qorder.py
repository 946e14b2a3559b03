# greenify: when LifoQueue, PriorityQueue
# The storage of LifoQueue and PriorityQueue, both backends: only their order differs from
# Queue's FIFO.  Shipped to a program that names one of them.
from heapq import heappush, heappop


class LifoStore:
    "Storage of LifoQueue: last in, first out."

    def _get(self):
        return self.queue.pop()


class PriorityStore:
    "Storage of PriorityQueue: lowest entry first (heapq, available on both)."

    def _put(self, item):
        heappush(self.queue, item)

    def _get(self):
        return heappop(self.queue)


def ordered(Queue):
    """LifoQueue and PriorityQueue for a backend's Queue: only their storage differs."""

    class LifoQueue(LifoStore, Queue):
        pass

    class PriorityQueue(PriorityStore, Queue):
        pass

    return LifoQueue, PriorityQueue
