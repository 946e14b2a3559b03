# Threads started and finished one after another leave the heap where it was (registry,
# limbo, thread-local dicts and waiter locks are all released). Run with -X heapsize=256k.
import gc
import queue
import threading

q = queue.Queue()
loc = threading.local()


def work(i):
    loc.value = [i] * 4
    q.put(i)


def batch(n):
    for i in range(n):
        t = threading.Thread(target=work, args=(i,))
        t.start()
        t.join()
        q.get(timeout=5)


batch(50)
gc.collect()
before = gc.mem_alloc()
batch(2000)
gc.collect()
delta = gc.mem_alloc() - before
print("leak %d" % delta if delta > 2048 else "no leak", threading.active_count())
