# Many producers and consumers over bounded queues, seeded random delays: totals exact.
import queue
import random
import threading
import time

N_PROD, N_CONS, PER = 6, 4, 150

for cls, size in ((queue.Queue, 4), (queue.LifoQueue, 3), (queue.PriorityQueue, 0)):
    q = cls(size)
    got = []
    guard = threading.Lock()

    def producer(p):
        rnd = random.Random(p) if hasattr(random, "Random") else random
        for i in range(PER):
            q.put(p * 1000 + i)
            if rnd.randint(0, 9) == 0:
                time.sleep(0)

    def consumer(c):
        mine = []
        while True:
            item = q.get()
            if item is None or (isinstance(item, tuple) and item[1] is None):
                q.task_done()
                break
            mine.append(item)
            q.task_done()
        with guard:
            got.extend(mine)

    ps = [threading.Thread(target=producer, args=(p,)) for p in range(N_PROD)]
    cs = [threading.Thread(target=consumer, args=(c,)) for c in range(N_CONS)]
    for t in cs + ps:
        t.start()
    for t in ps:
        t.join()
    q.join()
    for _ in cs:
        # PriorityQueue: a sentinel that sorts after every item.
        q.put((10 ** 9, None) if cls is queue.PriorityQueue else None)
    for t in cs:
        t.join()
    expect = sorted(p * 1000 + i for p in range(N_PROD) for i in range(PER))
    print(cls.__name__, len(got), sum(got), sorted(got) == expect, q.empty())
