# battery: backends=green,thread,host
# expect: put after shutdown: ShutDown
# expect: drained ['a', 'b'] then ShutDown
# expect: blocked getter: ShutDown
# expect: blocked putter: ShutDown
# expect: immediate: empty True unfinished 0 joined
# Queue.shutdown (Python 3.13, so no CPython 3.11 reference run): put raises ShutDown at
# once, get drains what is left then raises, blocked getters and putters are woken with
# ShutDown, shutdown(immediate=True) empties the queue and releases join().
import queue
import threading
import time

q = queue.Queue()
q.put("a")
q.put("b")
q.shutdown()
try:
    q.put("c")
except queue.ShutDown:
    print("put after shutdown: ShutDown")
got = [q.get(), q.get()]
try:
    q.get()
except queue.ShutDown:
    print("drained", got, "then ShutDown")

q = queue.Queue()
res = []


def getter():
    try:
        q.get()
    except queue.ShutDown:
        res.append("ShutDown")


t = threading.Thread(target=getter)
t.start()
time.sleep(0.02)
q.shutdown()
t.join()
print("blocked getter:", res[0])

q = queue.Queue(1)
q.put(1)
res = []


def putter():
    try:
        q.put(2)
    except queue.ShutDown:
        res.append("ShutDown")


t = threading.Thread(target=putter)
t.start()
time.sleep(0.02)
q.shutdown()
t.join()
print("blocked putter:", res[0])

q = queue.Queue()
for i in range(3):
    q.put(i)


def joiner():
    q.join()
    res.append("joined")


t = threading.Thread(target=joiner)
t.start()
time.sleep(0.02)
q.shutdown(immediate=True)
t.join()
print("immediate: empty", q.empty(), "unfinished", q.unfinished_tasks, res[-1])
