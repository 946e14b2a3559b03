# battery: backends=green,host
# battery: args=-X heapsize=1M
# expect: started 2000
# expect: total 2001000 finished 2000
# 2,000 threads each blocked on one Queue fit in a 1 MB MicroPython heap and all finish.
import queue
import threading

N = 2000
q = queue.Queue()
total = [0]
guard = threading.Lock()


def worker():
    item = q.get()
    with guard:
        total[0] += item


ts = []
for i in range(N):
    t = threading.Thread(target=worker)
    t.start()
    ts.append(t)
print("started", len(ts))
for i in range(N):
    q.put(i + 1)
for t in ts:
    t.join()
print("total", total[0], "finished", sum(1 for t in ts if not t.is_alive()))
