# Queue subclasses, as agents write them: overriding put/get to add bookkeeping, and overriding
# the documented storage hooks _init/_qsize/_put/_get to change what is stored.
# Exercises: put()/get() overrides calling super().put()/super().get() (so the overrides block too),
# a de-duplicating queue built on the _put/_get hooks, task_done/join on a subclass, a consumer
# thread reading from each.
import threading
import queue


class CountingQueue(queue.Queue):
    def __init__(self, maxsize=0):
        super().__init__(maxsize)
        self.puts = 0
        self.gets = 0

    def put(self, item, block=True, timeout=None):
        self.puts += 1
        super().put(item, block, timeout)

    def get(self, block=True, timeout=None):
        item = super().get(block, timeout)
        self.gets += 1
        return item


class DedupQueue(queue.Queue):
    """Drops an item if an equal one is already waiting."""

    def _init(self, maxsize):
        self.items = []

    def _qsize(self):
        return len(self.items)

    def _put(self, item):
        if item not in self.items:
            self.items.append(item)

    def _get(self):
        return self.items.pop(0)


def drain(q, out):
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            return
        out.append(item)
        q.task_done()


def main():
    cq = CountingQueue(maxsize=2)
    got = []
    t = threading.Thread(target=drain, args=(cq, got), name="counting")
    t.start()
    for i in range(5):
        cq.put(i * i)
    cq.put(None)
    cq.join()
    t.join()
    print("counting:", got, "puts", cq.puts, "gets", cq.gets)

    dq = DedupQueue()
    for topic in ["status", "config", "status", "reboot", "config", "status"]:
        dq.put(topic)
    print("dedup size:", dq.qsize())
    dq.put(None)
    got2 = []
    t2 = threading.Thread(target=drain, args=(dq, got2), name="dedup")
    t2.start()
    t2.join()
    print("dedup:", got2, "unfinished:", dq.unfinished_tasks)


main()
