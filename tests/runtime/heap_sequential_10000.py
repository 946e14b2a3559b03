# battery: backends=green,host
# expect: threads 10000 heap ok
# 10,000 threads started and finished one after another leave the heap where it was.
import gc
import threading

mem = getattr(gc, "mem_alloc", None)
counter = [0]


def worker(q):
    counter[0] += q


def batch(n):
    for _ in range(n):
        t = threading.Thread(target=worker, args=(1,))
        t.start()
        t.join()


batch(100)  # warm up: lists and dicts reach their working size
gc.collect()
before = mem() if mem else 0
batch(9900)
gc.collect()
after = mem() if mem else 0
grew = after - before
print("threads", counter[0], "heap", "ok" if grew < 2048 else "grew by %d bytes" % grew)
