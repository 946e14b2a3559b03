# battery: backends=green,host
# battery: args=-X heapsize=1M
# expect: parked 2000
# expect: total 2001000 finished 2000
# 2,000 threads really parked on one Queue (every one waiting in get() before the first item
# is put) fit in a 1 MB MicroPython heap, and all finish.
import queue
import sys
import threading
import time

N = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
q = queue.Queue()
total = [0]
waiting = [0]
guard = threading.Lock()


def worker():
    waiting[0] += 1  # the next statement parks: no other thread runs in between
    item = q.get()
    with guard:
        total[0] += item


ts = []
for i in range(N):
    t = threading.Thread(target=worker)
    t.start()
    ts.append(t)
while waiting[0] < N:
    time.sleep(0.01)
time.sleep(0.01)  # the last to count itself in reaches get() too
print("parked", waiting[0])
for i in range(N):
    q.put(i + 1)
for t in ts:
    t.join()
print("total", total[0], "finished", sum(1 for t in ts if not t.is_alive()))
