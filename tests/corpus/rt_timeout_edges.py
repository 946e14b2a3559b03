# Timeout arguments at their edges, as agents pass them from configuration: zero timeouts on every
# primitive (Lock/RLock/Semaphore acquire, Event.wait, Condition.wait, Queue get/put, join,
# Barrier.wait), negative and invalid timeouts (ValueError), `blocking=False` with a timeout
# (ValueError), `acquire(True, -1)`, integer timeouts, `wait_for` with an already-true predicate and
# timeout 0, and a Timer with a zero interval.
import threading
import queue


def attempt(label, fn, *args, **kw):
    try:
        print(label, "->", fn(*args, **kw))
    except Exception as e:
        print(label, "->", type(e).__name__)


def holder(lock, held, release):
    with lock:
        held.set()
        release.wait()


def main():
    lock = threading.Lock()
    rlock = threading.RLock()
    held = threading.Event()
    release = threading.Event()
    h = threading.Thread(target=holder, args=(lock, held, release), name="holder")
    h.start()
    held.wait()
    attempt("lock timeout=0", lock.acquire, timeout=0)
    attempt("lock timeout=0.0 positional", lock.acquire, True, 0.0)
    attempt("lock timeout int 0", lock.acquire, True, 0)
    attempt("lock timeout=-5", lock.acquire, timeout=-5)
    attempt("lock nonblocking+timeout", lock.acquire, False, 1)
    attempt("join timeout 0", h.join, 0)
    print("holder alive:", h.is_alive())
    release.set()
    attempt("lock acquire(True, -1)", lock.acquire, True, -1)
    lock.release()
    h.join()

    attempt("rlock timeout=0", rlock.acquire, timeout=0)
    attempt("rlock again", rlock.acquire, timeout=0)
    rlock.release()
    rlock.release()
    attempt("rlock nonblocking+timeout", rlock.acquire, blocking=False, timeout=0.5)

    sem = threading.Semaphore(0)
    attempt("sem timeout=0", sem.acquire, timeout=0)
    attempt("sem nonblocking+timeout", sem.acquire, False, 0.1)
    sem.release()
    attempt("sem timeout=0 with value", sem.acquire, timeout=0)

    ev = threading.Event()
    attempt("event wait 0", ev.wait, 0)
    attempt("event wait -1", ev.wait, -1)
    ev.set()
    attempt("event wait 0 set", ev.wait, 0)

    cond = threading.Condition()
    with cond:
        attempt("cond wait 0", cond.wait, 0)
        attempt("cond wait -1", cond.wait, -1)
        attempt("wait_for true, 0", cond.wait_for, lambda: "ready", 0)
        attempt("wait_for false, 0", cond.wait_for, lambda: 0, 0)

    q = queue.Queue(maxsize=1)
    attempt("get timeout=0", q.get, timeout=0)
    attempt("get timeout=-1", q.get, timeout=-1)
    attempt("get block=False timeout=-1", q.get, False, -1)
    q.put(1)
    attempt("put timeout=0", q.put, 2, timeout=0)
    attempt("put timeout=-1", q.put, 2, timeout=-1)
    attempt("get timeout=0 ready", q.get, timeout=0)

    b = threading.Barrier(2)
    attempt("barrier wait 0", b.wait, 0)
    print("barrier broken:", b.broken)
    b.reset()
    attempt("barrier wait -1", b.wait, -1)
    print("barrier broken:", b.broken)

    fired = []
    t = threading.Timer(0, fired.append, args=("zero",))
    t.start()
    t.join()
    print("timer 0 fired:", fired)
    t2 = threading.Timer(-1, fired.append, args=("negative",))
    t2.start()
    t2.join()
    print("timer -1 fired:", fired)


main()
