# Semaphore and BoundedSemaphore.
# Exercises: a Semaphore(2) limiting concurrency (a Barrier(2) inside the guarded section proves two
# holders at once, deterministically), `with sem:`, acquire(False) failing when exhausted,
# acquire(timeout=...) returning False, release(n), BoundedSemaphore raising ValueError when
# released more than acquired.
import threading
import time

sem = threading.Semaphore(2)
pair = threading.Barrier(2)
lock = threading.Lock()
inside = [0]
peak = [0]
done = []


def limited(job):
    with sem:
        with lock:
            inside[0] += 1
            if inside[0] > peak[0]:
                peak[0] = inside[0]
        pair.wait()
        time.sleep(0.001)
        with lock:
            inside[0] -= 1
            done.append(job)


threads = [threading.Thread(target=limited, args=(j,)) for j in range(6)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("jobs done:", sorted(done))
print("peak concurrency:", peak[0])

s = threading.Semaphore(1)
print("first acquire:", s.acquire())
print("non-blocking acquire:", s.acquire(False))
print("acquire with timeout:", s.acquire(timeout=0.01))
s.release()
s.release(2)
got = 0
while s.acquire(blocking=False):
    got += 1
print("acquired after release(2):", got)

bs = threading.BoundedSemaphore(2)
bs.acquire()
bs.release()
try:
    bs.release()
except ValueError as e:
    print("over-release:", type(e).__name__)


def holder(started, finish):
    with bs:
        with bs:
            started.set()
            finish.wait()


started = threading.Event()
finish = threading.Event()
h = threading.Thread(target=holder, args=(started, finish), name="holder")
h.start()
started.wait()
print("exhausted, try:", bs.acquire(timeout=0.005))
finish.set()
h.join()
print("after holder:", bs.acquire(timeout=0.5), bs.acquire(False), bs.acquire(False))
