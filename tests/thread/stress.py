# Contention stress for the thread backend (real threads, no GIL on the unix port).
# 8 threads x 10,000 lock-protected increments; then 4 producers / 4 consumers moving
# 20,000 distinct items through Queue(maxsize=8). Totals must be exact.
import threading
import queue

N_THREADS, N_INCR = 8, 10000
lock = threading.Lock()
rlock = threading.RLock()
counter = [0, 0]


def bump():
    for _ in range(N_INCR):
        with lock:
            counter[0] += 1
        with rlock:
            with rlock:
                counter[1] += 1


ts = [threading.Thread(target=bump) for _ in range(N_THREADS)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("lock total", counter[0])
print("rlock total", counter[1])

N_ITEMS, N_PROD, N_CONS = 20000, 4, 4
q = queue.Queue(maxsize=8)
seen = bytearray(N_ITEMS)
stats = {"count": 0, "sum": 0, "dup": 0}
stats_lock = threading.Lock()


def producer(k):
    for i in range(k, N_ITEMS, N_PROD):
        q.put(i)


def consumer():
    n = s = d = 0
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        if seen[item]:
            d += 1
        seen[item] = 1
        n += 1
        s += item
        q.task_done()
    with stats_lock:
        stats["count"] += n
        stats["sum"] += s
        stats["dup"] += d


ps = [threading.Thread(target=producer, args=(k,)) for k in range(N_PROD)]
cs = [threading.Thread(target=consumer) for _ in range(N_CONS)]
for t in cs + ps:
    t.start()
for t in ps:
    t.join()
for _ in cs:
    q.put(None)
q.join()
for t in cs:
    t.join()
print("queue count", stats["count"])
print("queue sum", stats["sum"], "expected", N_ITEMS * (N_ITEMS - 1) // 2)
print("queue dup", stats["dup"], "missing", N_ITEMS - sum(seen))
print("left", q.qsize(), q.unfinished_tasks, threading.active_count())
