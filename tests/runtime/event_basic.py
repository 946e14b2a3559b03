# Event: set/clear/is_set, wait results, timeouts never early, every waiter woken.
import threading
import time

now = getattr(time, "monotonic", time.time)

e = threading.Event()
print(e)
print(e.is_set(), e.wait(0), e.wait(-1))
t0 = now()
r = e.wait(0.05)
dt = now() - t0
print("timed", r, 0.049 <= dt <= 2.05)
e.set()
print(e, e.is_set(), e.wait(), e.wait(1))
e.clear()
print(e.is_set())

woken = []
guard = threading.Lock()


def waiter(i):
    r = e.wait()
    with guard:
        woken.append((i, r))


ts = [threading.Thread(target=waiter, args=(i,)) for i in range(5)]
for t in ts:
    t.start()
time.sleep(0.02)
print("before set", woken)
e.set()
for t in ts:
    t.join()
print("after set", sorted(woken))

# A waiter with a timeout woken early by set() returns True at once.
e.clear()


def setter():
    time.sleep(0.02)
    e.set()


t = threading.Thread(target=setter)
t.start()
t0 = now()
r = e.wait(5)
dt = now() - t0
t.join()
print("set during timed wait", r, dt < 4)
