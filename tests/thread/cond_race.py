# Timeouts racing notifications on one Condition, then a quiet phase in which no wait may
# return True: a wake-up is never lost and never left behind for a later wait (waiter
# locks are reused).
import threading
import time

cond = threading.Condition(threading.Lock())
stop = threading.Event()
counts = []
count_lock = threading.Lock()


def waiter(k):
    woke = timed_out = 0
    for i in range(400):
        with cond:
            if cond.wait(0.0002 * (1 + (i + k) % 5)):
                woke += 1
            else:
                timed_out += 1
    with count_lock:
        counts.append((woke, timed_out))


def notifier():
    n = 0
    while not stop.is_set():
        with cond:
            cond.notify(1 + n % 2)
        n += 1
        if n % 4 == 0:
            time.sleep(0.0001)


ws = [threading.Thread(target=waiter, args=(k,)) for k in range(4)]
nt = threading.Thread(target=notifier)
nt.start()
for w in ws:
    w.start()
for w in ws:
    w.join()
stop.set()
nt.join()
print("waits", sum(a + b for a, b in counts))
print("woken", sum(a for a, b in counts))  # how much racing happened (load dependent)

spurious = []


def quiet(k):
    bad = 0
    for _ in range(25):
        with cond:
            if cond.wait(0.002):
                bad += 1
    with count_lock:
        spurious.append(bad)


qs = [threading.Thread(target=quiet, args=(k,)) for k in range(4)]
for q in qs:
    q.start()
for q in qs:
    q.join()
print("spurious wake-ups", sum(spurious), "waiters left", len(cond._waiters))
