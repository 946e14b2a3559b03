# Blocked getters are served in the order they started waiting (CPython's Condition is
# FIFO); blocked putters of a full queue get in in their order too.
import queue
import threading
import time

SPACING = 0.2  # between the starts of the waiters: each is blocked before the next starts

q = queue.Queue()
got = []
guard = threading.Lock()


def getter(i):
    item = q.get()
    with guard:
        got.append((i, item))


ts = []
for i in range(4):
    t = threading.Thread(target=getter, args=(i,))
    t.start()
    ts.append(t)
    time.sleep(SPACING)
for n, x in enumerate("abcd"):
    # One item at a time: only the longest waiting getter may take it.
    q.put(x)
    while True:
        with guard:
            if len(got) == n + 1:
                break
        time.sleep(0.001)
for t in ts:
    t.join()
print(got)

q = queue.Queue(1)
q.put("first")
ts = []
for i in range(3):
    t = threading.Thread(target=q.put, args=("p%d" % i,))
    t.start()
    ts.append(t)
    time.sleep(SPACING)
print([q.get() for _ in range(4)])
for t in ts:
    t.join()
