# queue: FIFO/LIFO/priority order, sizes, non-blocking calls, timeouts never early, a full
# queue blocks its producer, task_done/join (twice), SimpleQueue.
import queue
import threading
import time

now = getattr(time, "monotonic", time.time)


def timed(label, fn, exc, expected=0.05):
    t0 = now()
    try:
        fn()
        print(label, "no exception")
    except exc:
        dt = now() - t0
        print(label, exc.__name__, "ok" if expected - 0.001 <= dt <= expected + 2.0 else "BAD %.3f" % dt)


for cls in (queue.Queue, queue.LifoQueue, queue.PriorityQueue):
    q = cls()
    for x in (3, 1, 4, 1, 5):
        q.put(x)
    print(cls.__name__, q.qsize(), q.empty(), q.full(), [q.get() for _ in range(5)], q.empty())

q = queue.Queue(2)
q.put_nowait("a")
q.put("b", block=False)
print(q.full(), q.qsize())
try:
    q.put_nowait("c")
except queue.Full:
    print("Full")
def put_c():
    q.put("c", timeout=0.05)


def get_timed():
    q.get(timeout=0.05)


def get_nonblocking():
    q.get(False, 10)


timed("put timeout", put_c, queue.Full)
print(q.get_nowait(), q.get(False), q.empty())
try:
    q.get_nowait()
except queue.Empty:
    print("Empty")
timed("get timeout", get_timed, queue.Empty)
timed("get block=False with timeout", get_nonblocking, queue.Empty, 0)
try:
    q.get(timeout=-1)
except ValueError as e:
    print("ValueError:", e)

# A full queue blocks the producer until the consumer takes an item.
log = []
q = queue.Queue(1)


def producer():
    for i in range(3):
        q.put(i)
        log.append("put %d" % i)


t = threading.Thread(target=producer)
t.start()
while not log:
    time.sleep(0.001)
time.sleep(0.05)  # the producer is blocked on its second put meanwhile
log.append("consumer starts")
for _ in range(3):
    time.sleep(0.01)
    log.append("got %d" % q.get())
t.join()
print(log[:2])
print(sorted(log[2:]))

# task_done / join, used twice.
q = queue.Queue()
done = []


def worker():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        time.sleep(0.001)
        done.append(item)
        q.task_done()


t = threading.Thread(target=worker)
t.start()
for i in range(5):
    q.put(i)
q.join()
print("first join", done, q.unfinished_tasks)
for i in range(5, 8):
    q.put(i)
q.join()
print("second join", done)
q.put(None)
t.join()
q.join()
try:
    q.task_done()
except ValueError as e:
    print("ValueError:", e)

# SimpleQueue: put never blocks, get blocks until an item comes.
sq = queue.SimpleQueue()
print(sq.empty(), sq.qsize())
sq.put(1)
sq.put_nowait(2)
sq.put(3, block=False, timeout=5)
print(sq.qsize(), sq.get(), sq.get_nowait(), sq.get(False))
try:
    sq.get_nowait()
except queue.Empty:
    print("SimpleQueue Empty")
def sq_get_timed():
    sq.get(timeout=0.05)


timed("SimpleQueue get timeout", sq_get_timed, queue.Empty)


def feeder():
    time.sleep(0.02)
    sq.put("late")


t = threading.Thread(target=feeder)
t.start()
print(sq.get())
t.join()


# A subclass overriding the storage hooks keeps working.
class Tagged(queue.Queue):
    def _put(self, item):
        self.queue.append(("tag", item))


tq = Tagged()
tq.put(1)
print(tq.get())
