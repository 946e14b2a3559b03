# Timed waits of the thread backend. Each case prints one line:
#   <case> <kind> <timeout_us> <elapsed_us> <result>
# kind "expire": nothing wakes the waiter: elapsed must be >= timeout (never early).
# kind "wake":   another thread wakes it after ~0.1 s: result must be the success value and
#                elapsed far below the timeout. Checked by tests/thread_backend.rs.
import threading
import queue
import time

T = 0.25


def measure(name, kind, timeout, fn):
    t0 = time.ticks_us()
    r = fn()
    dt = time.ticks_diff(time.ticks_us(), t0)
    print(name, kind, int(timeout * 1000000), dt, r)


def raises(exc, fn):
    def run():
        try:
            fn()
        except exc:
            return exc.__name__
        return "no-exception"
    return run


def hold(lock_like, seconds):
    # Another thread holds `lock_like` for `seconds`.
    got = threading.Event()

    def body():
        with lock_like:
            got.set()
            time.sleep(seconds)
    t = threading.Thread(target=body)
    t.start()
    got.wait()
    return t


def later(seconds, fn):
    def body():
        time.sleep(seconds)
        fn()
    t = threading.Thread(target=body)
    t.start()
    return t


# ---- expiring waits
lock = threading.Lock()
lock.acquire()
for t in (0.001, 0.01, 0.05, T):
    measure("lock.acquire", "expire", t, lambda: lock.acquire(timeout=t))
lock.release()

rl = threading.RLock()
h = hold(rl, 1.5)
measure("rlock.acquire", "expire", T, lambda: rl.acquire(True, T))
h.join()

cond = threading.Condition()
with cond:
    measure("cond.wait", "expire", T, lambda: cond.wait(T))
    measure("cond.wait_for", "expire", T, lambda: cond.wait_for(lambda: False, T))

q = queue.Queue(maxsize=1)
for t in (0.003, T):
    measure("queue.get", "expire", t, raises(queue.Empty, lambda: q.get(timeout=t)))
q.put(1)
measure("queue.put", "expire", T, raises(queue.Full, lambda: q.put(2, timeout=T)))
sq = queue.SimpleQueue()
measure("simplequeue.get", "expire", T, raises(queue.Empty, lambda: sq.get(timeout=T)))

ev = threading.Event()
measure("event.wait", "expire", T, lambda: ev.wait(T))
sem = threading.Semaphore(0)
measure("semaphore.acquire", "expire", T, lambda: sem.acquire(timeout=T))
b = threading.Barrier(2)
measure("barrier.wait", "expire", T, raises(threading.BrokenBarrierError, lambda: b.wait(T)))
sleeper = threading.Thread(target=time.sleep, args=(1.5,))
sleeper.start()
measure("thread.join", "expire", T, lambda: sleeper.join(T) or sleeper.is_alive())
sleeper.join()

# Several threads parked with timeouts at once, on one queue.
q2 = queue.Queue()
res = []
res_lock = threading.Lock()


def timed_get():
    t0 = time.ticks_us()
    try:
        q2.get(timeout=T)
        r = "got"
    except queue.Empty:
        r = "Empty"
    dt = time.ticks_diff(time.ticks_us(), t0)
    with res_lock:
        res.append((dt, r))


ws = [threading.Thread(target=timed_get) for _ in range(4)]
for w in ws:
    w.start()
for w in ws:
    w.join()
for dt, r in res:
    print("queue.get[4threads]", "expire", int(T * 1000000), dt, r)

# ---- woken before the deadline
W = 5.0
lock.acquire()
later(0.1, lock.release)
measure("lock.acquire", "wake", W, lambda: lock.acquire(timeout=W))
lock.release()


def notify_cond():
    with cond:
        cond.notify()


with cond:
    later(0.1, notify_cond)
    measure("cond.wait", "wake", W, lambda: cond.wait(W))
q3 = queue.Queue()
later(0.1, lambda: q3.put("item"))
measure("queue.get", "wake", W, lambda: q3.get(timeout=W))
ev2 = threading.Event()
later(0.1, ev2.set)
measure("event.wait", "wake", W, lambda: ev2.wait(W))
s2 = threading.Thread(target=time.sleep, args=(0.1,))
s2.start()
measure("thread.join", "wake", W, lambda: s2.join(W) or not s2.is_alive())
print("done")
