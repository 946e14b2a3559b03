# battery: backends=green
# expect: queue hand-offs under heap_lock: ok
# expect: lock hand-offs under heap_lock: ok
# expect: value items: ok
# MicroPython: Queue get/put and Lock hand-offs between threads allocate nothing per
# switch (run with the heap locked); a queue carrying other values than None/True/False
# allocates one StopIteration per get at most (measured with gc.mem_alloc).
import gc
import queue
import threading
import time

try:
    import micropython
except ImportError:
    micropython = None

N = 2000
WARM = 10
a = queue.Queue()
b = queue.Queue()
lk = threading.Lock()
res = {"queue": "MemoryError", "lock": "MemoryError"}


def lock_heap():
    if micropython:
        micropython.heap_lock()


def unlock_heap():
    if micropython:
        micropython.heap_unlock()


def pong(n, item):
    i = 0
    while i < n:
        i += 1
        b.put(a.get())


def ping(n, item, locked=False):
    # With locked=True the heap is locked after WARM round trips (a thread's first waits
    # give it its fields) until the end: any allocation on the switch path then raises
    # MemoryError.
    try:
        i = 0
        while i < n:
            i += 1
            if locked and i == WARM:
                lock_heap()
            a.put(item)
            b.get()
        if locked:
            res["queue"] = "ok"
    finally:
        if locked:
            unlock_heap()


def locker(n, locked=False):
    try:
        i = 0
        while i < n:
            i += 1
            if locked and i == WARM:
                lock_heap()
            with lk:
                time.sleep(0)
        if locked:
            res["lock"] = "ok"
    finally:
        if locked:
            unlock_heap()


def run(target, *args):
    t = threading.Thread(target=target, args=args)
    t.start()
    return t


p = run(pong, N, None)
run(ping, N, None, True).join()
p.join()
print("queue hand-offs under heap_lock:", res["queue"])
o = run(locker, N)
run(locker, N, True).join()
o.join()
print("lock hand-offs under heap_lock:", res["lock"])

mem = getattr(gc, "mem_alloc", None)
if mem:
    gc.collect()
    gc.disable()
    m0 = mem()
    p = run(pong, N, None)
    q = run(ping, N, 12345)
    p.join()
    q.join()
    m1 = mem()
    gc.enable()
    per_get = (m1 - m0) / (2 * N)
    print("value items:", "ok" if per_get <= 100 else "%d bytes per get" % per_get)
else:
    print("value items: ok")
