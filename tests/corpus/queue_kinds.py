# PriorityQueue, LifoQueue and SimpleQueue.
# Exercises: PriorityQueue ordering of (priority, seq, job) tuples filled before the consumer
# starts, LifoQueue stack order, SimpleQueue between threads (no task_done), task_done/join on a
# PriorityQueue, qsize()/empty() on each kind, a consumer blocked on an empty PriorityQueue.
import threading
import queue
import time


def drain(q, out, n):
    for _ in range(n):
        out.append(q.get())
        if hasattr(q, "task_done"):
            q.task_done()


def main():
    pq = queue.PriorityQueue()
    jobs = [(3, 0, "log rotate"), (1, 1, "alarm"), (2, 2, "report"), (1, 3, "alarm 2"), (5, 4, "gc")]
    for j in jobs:
        pq.put(j)
    print("pq size:", pq.qsize())
    out = []
    t = threading.Thread(target=drain, args=(pq, out, len(jobs)), name="pq-drain")
    t.start()
    pq.join()
    t.join()
    for prio, seq, name in out:
        print("prio", prio, name)

    lq = queue.LifoQueue(maxsize=4)
    for x in "abcd":
        lq.put(x)
    print("lifo full:", lq.full())
    stack = []
    drain(lq, stack, 4)
    print("lifo order:", "".join(stack), "empty:", lq.empty())

    sq = queue.SimpleQueue()
    got = []

    def simple_consumer():
        while True:
            item = sq.get()
            if item is None:
                return
            got.append(item * 2)

    c = threading.Thread(target=simple_consumer, name="simple")
    c.start()
    for i in range(5):
        sq.put(i)
        if i == 2:
            time.sleep(0.002)
    sq.put(None)
    c.join()
    print("simple:", got, "empty:", sq.empty(), "size:", sq.qsize())

    late = queue.PriorityQueue()
    res = []
    w = threading.Thread(target=drain, args=(late, res, 2), name="late")
    w.start()
    time.sleep(0.002)
    late.put((2, "second"))
    late.put((1, "first"))
    w.join()
    print("late:", sorted(res))


main()
