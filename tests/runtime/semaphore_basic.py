# Semaphore and BoundedSemaphore: counting, release(n), timeouts, errors, bounded limit.
import threading
import time

now = getattr(time, "monotonic", time.time)

s = threading.Semaphore(2)
print(s.acquire(), s.acquire(), s.acquire(False))
t0 = now()
r = s.acquire(timeout=0.05)
dt = now() - t0
print("timed", r, 0.049 <= dt <= 2.05)
s.release(2)
print(s.acquire(blocking=False), s.acquire(False), s.acquire(False))
for bad in (lambda: threading.Semaphore(-1), lambda: s.release(0),
            lambda: s.acquire(False, 1)):
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)

b = threading.BoundedSemaphore(2)
print(b)
b.acquire()
b.release()
try:
    b.release()
except ValueError as e:
    print("ValueError:", e)
b.acquire()
b.acquire()
try:
    b.release(3)
except ValueError as e:
    print("ValueError:", e)
b.release(2)
print(b)

# At most 3 of 8 workers inside at once; every worker gets in.
sem = threading.Semaphore(3)
inside = [0]
peak = [0]
done = []
guard = threading.Lock()


def worker(i):
    with sem:
        with guard:
            inside[0] += 1
            peak[0] = max(peak[0], inside[0])
        time.sleep(0.01)
        with guard:
            inside[0] -= 1
            done.append(i)


ts = [threading.Thread(target=worker, args=(i,)) for i in range(8)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("peak within 3:", 1 <= peak[0] <= 3, "done", sorted(done))

# release(n) wakes n blocked threads at once.
gate = threading.Semaphore(0)
passed = []


def through(i):
    gate.acquire()
    with guard:
        passed.append(i)


ts = [threading.Thread(target=through, args=(i,)) for i in range(4)]
for t in ts:
    t.start()
time.sleep(0.02)
print("before release", passed)
gate.release(4)
for t in ts:
    t.join()
print("after release", sorted(passed))
