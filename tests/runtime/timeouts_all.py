# Every call that takes a timeout waits at least that long when nothing wakes it (1 ms of
# clock slack) and returns within 2 s after it, on a loaded machine too.
import queue
import threading
import time

now = getattr(time, "monotonic", time.time)
T = 0.04


def check(label, fn, expected_result):
    t0 = now()
    try:
        r = fn()
    except Exception as e:
        r = type(e).__name__
    dt = now() - t0
    ok = T - 0.001 <= dt <= T + 2.0
    print(label, r == expected_result, "ok" if ok else "BAD %.4f" % dt)


lock = threading.Lock()
lock.acquire()
rlock = threading.RLock()
gate = threading.Event()
held = threading.Event()


def hold_rlock():
    with rlock:
        held.set()
        gate.wait()


holder = threading.Thread(target=hold_rlock)
holder.start()
held.wait()
sem = threading.Semaphore(0)
ev = threading.Event()
cond = threading.Condition()
q = queue.Queue(1)
q.put(0)
empty = queue.Queue()
slow = threading.Thread(target=gate.wait)
slow.start()
barrier = threading.Barrier(2)


def lock_acquire():
    return lock.acquire(timeout=T)


def rlock_acquire():
    return rlock.acquire(timeout=T)


def sem_acquire():
    return sem.acquire(timeout=T)


def ev_wait():
    return ev.wait(T)


def cond_wait():
    with cond:
        return cond.wait(T)


def cond_wait_for():
    with cond:
        return cond.wait_for(lambda: False, T)


def join():
    slow.join(T)
    return slow.is_alive()


def q_get():
    return empty.get(timeout=T)


def q_put():
    return q.put(1, timeout=T)


def barrier_wait():
    return barrier.wait(T)


check("Lock.acquire", lock_acquire, False)
check("RLock.acquire", rlock_acquire, False)
check("Semaphore.acquire", sem_acquire, False)
check("Event.wait", ev_wait, False)
check("Condition.wait", cond_wait, False)
check("Condition.wait_for", cond_wait_for, False)
check("Thread.join", join, True)
check("Queue.get", q_get, "Empty")
check("Queue.put", q_put, "Full")
check("Barrier.wait", barrier_wait, "BrokenBarrierError")
gate.set()
holder.join()
slow.join()
lock.release()
