# battery: backends=green
# expect: queue hand-offs under heap_lock: ok
# expect: lock hand-offs under heap_lock: ok
# expect: value hand-offs under heap_lock: ok
# expect: waiting value items under heap_lock: ok
# expect: value items: ok
# expect: waiting value items: ok
# MicroPython: Queue get/put and Lock hand-offs between threads allocate nothing per
# switch (run with the heap locked), also when the queue carries a new object each time:
# a get that parks (Waiter.__next__) and a get of an item already waiting (Value.__next__)
# hand it over in a StopIteration built under heap_lock.  Checked twice: with the heap
# locked, and with it unlocked and gc disabled (gc.mem_alloc: under 1 byte per get).
# CPython has no micropython module: the same lines, the item checks only.
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
ITEMS = [[i] for i in range(N)]  # distinct objects, built before any measurement
SUM = N * (N - 1) // 2


def feed(c, d, k):
    # Puts the items k at a time, then waits for the eater's ack: with k > 1 the eater's
    # first get of a batch parks, the others find their item waiting.
    i = 0
    while i < N:
        c.put(ITEMS[i])
        i += 1
        if i % k == 0:
            d.get()


def eat(c, d, k, locked, out):
    # out: [items seen in order, checksum, bytes allocated after warm-up, 1 when done].
    # Only locals and existing list slots are stored while measuring.
    i = cnt = chk = m0 = 0
    try:
        while i < N:
            if i == WARM * k:
                if locked:
                    lock_heap()
                elif mem:
                    m0 = mem()
            x = c.get()
            if x is ITEMS[i]:
                cnt += 1
            chk += x[0]
            i += 1
            if i % k == 0:
                d.put(None)
        out[2] = mem() - m0 if mem and not locked else 0
        out[0] = cnt
        out[1] = chk
        out[3] = 1
    except MemoryError:
        pass
    finally:
        if locked:
            unlock_heap()


def values(k, locked):
    c = queue.Queue()
    d = queue.Queue()
    out = [0, 0, 0, 0]
    e = run(eat, c, d, k, locked, out)
    f = threading.Thread(target=feed, args=(c, d, k), daemon=True)  # left parked on failure
    f.start()
    e.join()
    if not out[3]:
        return "MemoryError"
    if out[0] != N or out[1] != SUM:
        return "%d of %d items in order, checksum %d (want %d)" % (out[0], N, out[1], SUM)
    gets = N - WARM * k
    if out[2] >= gets:
        return "%d bytes per get" % (out[2] // gets)
    return "ok"


print("value hand-offs under heap_lock:", values(1, True))
print("waiting value items under heap_lock:", values(4, True))
gc.collect()
gc.disable()
print("value items:", values(1, False))
print("waiting value items:", values(4, False))
gc.enable()
