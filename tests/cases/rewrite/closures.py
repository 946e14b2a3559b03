# Nested functions and closures, a factory returning a closure used as a thread target.
import threading
import queue
import time


def make_worker(inbox, outbox):
    def step(x):
        time.sleep(0.001)
        return x * 2

    def work():
        while True:
            x = inbox.get()
            if x is None:
                break
            outbox.put(step(x))

    return work


def fan_out():
    lock = threading.Lock()
    seen = []

    def visit(i):
        with lock:
            seen.append(i)

    threads = []
    for i in range(3):
        def job(i=i):
            visit(i)
        t = threading.Thread(target=job)
        threads.append(t)
        t.start()
    for t in threads:
        t.join()
    return seen


def pipeline():
    q1, q2 = queue.Queue(), queue.Queue()
    t = threading.Thread(target=make_worker(q1, q2))
    t.start()
    q1.put(1)
    q1.put(None)
    print(q2.get())
    t.join()
