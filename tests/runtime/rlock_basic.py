# RLock: re-entrance, ownership, release by a non-owner, timed acquire, repr when free.
import threading
import time

now = getattr(time, "monotonic", time.time)

r = threading.RLock()
print(r)
print(r.acquire(), r.acquire(), r.acquire(False))
r.release()
r.release()
r.release()
print(r)
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError:", e)

with r:
    with r:
        print("nested with ok")

got = []


def other():
    # The main thread holds r: a non-owner cannot take or release it.
    got.append(r.acquire(False))
    t0 = now()
    got.append(r.acquire(timeout=0.05))
    dt = now() - t0
    got.append(0.049 <= dt <= 2.05)
    try:
        r.release()
    except RuntimeError:
        got.append("RuntimeError")


r.acquire()
t = threading.Thread(target=other)
t.start()
t.join()
r.release()
print(got)

# Hand-over: the waiting thread gets the lock once the owner's count drops to zero.
order = []
ready = threading.Event()


def waiter():
    ready.set()
    with r:
        order.append("waiter has it")


r.acquire()
r.acquire()
t = threading.Thread(target=waiter)
t.start()
ready.wait()
time.sleep(0.02)
r.release()
time.sleep(0.02)
order.append("main still owns it")
r.release()
t.join()
print(order)

# After a Condition wait restored a recursion count of 2, a later plain acquire that has to
# wait gets the lock with a count of 1 (one release frees it).
c = threading.Condition(r)
flag = []


def deep_then_plain():
    with c:
        with c:
            flag.append("waiting")
            c.wait()
    time.sleep(0.01)
    with r:
        flag.append("plain acquire")


t = threading.Thread(target=deep_then_plain)
t.start()
while not flag:
    time.sleep(0.001)
with c:
    c.notify()
r.acquire()  # granted once the thread has left its `with c:` blocks
time.sleep(0.05)  # hold r while the thread waits for it
r.release()
t.join()
print(flag, r)
