# Lock: blocking really blocks, non-blocking and timed acquire, ownership errors, repr, `with`.
import threading
import time

now = getattr(time, "monotonic", time.time)


def waited(label, t0, expected):
    # Never early (1 ms for clock granularity), never absurdly late (2 s on a loaded machine).
    dt = now() - t0
    print(label, "ok" if expected - 0.001 <= dt <= expected + 2.0 else "BAD %.4f" % dt)


lock = threading.Lock()
print(lock)
print(lock.acquire(), lock.locked())
print(lock.acquire(False), lock.acquire(blocking=False))
t0 = now()
print("timed", lock.acquire(timeout=0.05))
waited("timed wait", t0, 0.05)
print("timeout=0", lock.acquire(True, 0))
print(lock)
lock.release()
print(lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    lock.acquire(False, 1)
except ValueError as e:
    print("ValueError:", e)
try:
    lock.acquire(timeout=-5)
except ValueError:
    print("ValueError for a negative timeout")

# A holder thread keeps the lock 0.1 s: the main thread really waits for it.
events = []
started = threading.Event()


def holder():
    with lock:
        started.set()
        time.sleep(0.1)
        events.append("holder releases")


t = threading.Thread(target=holder)
t.start()
started.wait()
with lock:
    events.append("main got it")
t.join()
print(events)

# Released by another thread (a Lock has no owner).
lock.acquire()


def releaser():
    lock.release()


t = threading.Thread(target=releaser)
t.start()
t.join()
print("released by other thread:", not lock.locked())

# Many threads increment under the lock: the total is exact.
count = [0]


def inc(n):
    for _ in range(n):
        with lock:
            v = count[0]
            time.sleep(0)
            count[0] = v + 1


ts = [threading.Thread(target=inc, args=(200,)) for _ in range(5)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("count", count[0])
