# Condition: wait/notify hand-over, notify(n), notify_all, FIFO wake-up order, timeouts,
# wait_for, and the errors for using it without holding its lock.
import threading
import time

now = getattr(time, "monotonic", time.time)

cond = threading.Condition()
print(repr(cond).startswith("<Condition(<unlocked _thread.RLock object owner=0 count=0 at"))
try:
    cond.wait()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    cond.notify()
except RuntimeError as e:
    print("RuntimeError:", e)

# Timed wait with nobody notifying: False, never early.
with cond:
    t0 = now()
    r = cond.wait(0.05)
    dt = now() - t0
print("wait timeout", r, 0.049 <= dt <= 2.05)
with cond:
    print("wait(0)", cond.wait(0), "wait(-1)", cond.wait(-1))

# FIFO: waiters registered one by one (the registration is made under the lock, and
# wait() releases it atomically, so once the main thread holds the lock and sees the
# registration, that waiter is waiting).
registered = []
woken = []


def waiter(i):
    with cond:
        registered.append(i)
        cond.wait()
        woken.append(i)


def start_registered(i):
    t = threading.Thread(target=waiter, args=(i,))
    t.start()
    while True:
        with cond:
            if len(registered) == i + 1:
                return t
        time.sleep(0.001)


def notify_and_wait(n, total):
    # Wake n waiters, then wait until they ran (they need the lock we release).
    with cond:
        cond.notify(n)
    while True:
        with cond:
            if len(woken) == total:
                return
        time.sleep(0.001)


ts = [start_registered(i) for i in range(5)]
notify_and_wait(1, 1)
print("notify() wakes the longest waiter:", woken)
notify_and_wait(2, 3)
print("notify(2) wakes the next two:", sorted(woken[1:]))
with cond:
    cond.notify_all()
for t in ts:
    t.join()
print("notify_all wakes the rest:", sorted(woken[3:]))

# wait_for with a predicate made true by another thread, and with a timeout.
state = {"n": 0}


def producer():
    for _ in range(3):
        time.sleep(0.01)
        with cond:
            state["n"] += 1
            cond.notify_all()


t = threading.Thread(target=producer)
t.start()
with cond:
    print("wait_for", cond.wait_for(lambda: state["n"] == 3))
t.join()
with cond:
    t0 = now()
    r = cond.wait_for(lambda: state["n"] == 99, timeout=0.05)
    dt = now() - t0
print("wait_for timeout", r, 0.049 <= dt <= 2.05)

# A Condition over a plain Lock; the notified thread gets the lock back before returning.
lk = threading.Lock()
c2 = threading.Condition(lk)
print(repr(c2).startswith("<Condition(<unlocked _thread.lock object at"))
out = []


def w2():
    with c2:
        out.append("waiting")
        c2.wait()
        out.append("owns lock again: %s" % lk.locked())


t = threading.Thread(target=w2)
t.start()
while True:
    with c2:
        if out:
            c2.notify()
            out.append("notified")
            break
    time.sleep(0.001)
t.join()
print(out)

# A waiter whose timeout passes while another thread holds the lock gets the lock back
# before wait() returns False.
cond = threading.Condition()
res = []


def timed_waiter():
    with cond:
        res.append("in")
        res.append(cond.wait(0.03))
        res.append(cond._is_owned())


t = threading.Thread(target=timed_waiter)
t.start()
while True:
    with cond:
        if res:
            time.sleep(0.1)  # hold the lock past the waiter's deadline
            break
    time.sleep(0.001)
t.join()
print("timed out under a held lock:", res)

# wait() on an RLock held twice releases it fully and restores the count afterwards.
rl = threading.RLock()
c3 = threading.Condition(rl)
res = []


def deep_waiter():
    with c3:
        with c3:
            res.append("in")
            c3.wait()
            rl.release()
            res.append(c3._is_owned())
            rl.acquire()


t = threading.Thread(target=deep_waiter)
t.start()
while True:
    with c3:
        if res:
            c3.notify()
            break
    time.sleep(0.001)
t.join()
print("recursion restored:", res, c3._is_owned())
