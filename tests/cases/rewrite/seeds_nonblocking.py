# Blocking seeds, and their non-blocking forms left alone.
import threading
import queue

lock = threading.Lock()
rlock = threading.RLock()
sem = threading.BoundedSemaphore(2)
cond = threading.Condition()
ev = threading.Event()
bar = threading.Barrier(1)
q = queue.Queue()
pq = queue.PriorityQueue()


def non_blocking():
    got = lock.acquire(False)
    got = rlock.acquire(blocking=False)
    item = q.get(False)
    item = q.get(block=False)
    item = q.get_nowait()
    q.put_nowait(1)
    q.put(2, False)
    q.put(3, block=False)
    if ev.is_set():
        ev.set()
    cond.notify_all()
    lock.release()
    return got, item


def blocking():
    lock.acquire()
    lock.acquire(True, 0.5)
    sem.acquire(timeout=1)
    with cond:
        cond.wait(0.1)
        cond.wait_for(lambda: True)
    ev.wait()
    bar.wait()
    q.get(True, 1)
    q.put(4, timeout=2)
    q.join()
    pq.get()


def starter():
    t = threading.Thread(target=blocking)
    t.start()
    t.is_alive()
    t.join(timeout=1)
