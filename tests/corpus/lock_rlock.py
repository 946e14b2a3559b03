# Lock and RLock: `with`, acquire(False), acquire(timeout=...), ownership errors, reentrancy.
# Exercises: acquire(False) and acquire(blocking=False) failing while another thread holds the
# lock (the holder signals with an Event, so this is not timing luck), acquire(timeout=0.01)
# returning False, locked(), releasing an unlocked Lock (RuntimeError), RLock taken three times by
# one thread, RLock release by a non-owner (RuntimeError), a shared counter under `with lock:`.
import threading
import time

lock = threading.Lock()
rlock = threading.RLock()


def hold(lk, held, release):
    with lk:
        held.set()
        release.wait()


def contend(lk, label):
    held = threading.Event()
    release = threading.Event()
    t = threading.Thread(target=hold, args=(lk, held, release), name="holder-" + label)
    t.start()
    held.wait()
    r1 = lk.acquire(False)
    r2 = lk.acquire(blocking=False)
    r3 = lk.acquire(timeout=0.01)
    release.set()
    t.join()
    r4 = lk.acquire(timeout=1)
    lk.release()
    print(label, "contended:", r1, r2, r3, "after release:", r4)


def nested(depth):
    with rlock:
        if depth > 0:
            return 1 + nested(depth - 1)
        return 1


counter = [0]


def bump(n):
    for i in range(n):
        with lock:
            v = counter[0]
            if i % 5 == 0:
                time.sleep(0.0005)
            counter[0] = v + 1


def foreign_release(out):
    try:
        rlock.release()
        out.append("released")
    except RuntimeError:
        out.append("RuntimeError")


def main():
    contend(lock, "Lock")
    contend(rlock, "RLock")
    print("locked() idle:", lock.locked())
    with lock:
        print("locked() held:", lock.locked())
    try:
        lock.release()
    except RuntimeError as e:
        print("release unlocked:", type(e).__name__)

    print("reentrant depth:", nested(2))
    rlock.acquire()
    rlock.acquire()
    out = []
    t = threading.Thread(target=foreign_release, args=(out,))
    t.start()
    t.join()
    rlock.release()
    rlock.release()
    print("foreign release:", out[0])
    try:
        rlock.release()
    except RuntimeError as e:
        print("release unowned rlock:", type(e).__name__)

    ts = [threading.Thread(target=bump, args=(20,)) for _ in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    print("counter:", counter[0])


main()
