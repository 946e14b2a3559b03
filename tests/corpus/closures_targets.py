# Nested functions and closures as thread targets.
# Exercises: a factory returning a closure that blocks on a captured queue, nonlocal counters,
# a nested function defined inside the thread-starting function, a closure over a loop variable
# bound through a default argument, closures calling other closures.
import threading
import queue
import time


def make_worker(inbox, outbox, factor, stats):
    processed = 0

    def step(x):
        time.sleep(0.001)
        return x * factor

    def work():
        nonlocal processed
        while True:
            x = inbox.get()
            if x is None:
                break
            outbox.put(step(x))
            processed += 1
        stats[factor] = processed
        outbox.put(None)

    return work


def run_pipeline():
    q1 = queue.Queue()
    q2 = queue.Queue()
    q3 = queue.Queue()
    stats = {}
    t1 = threading.Thread(target=make_worker(q1, q2, 3, stats))
    t2 = threading.Thread(target=make_worker(q2, q3, 10, stats))
    print("stage names:", t1.name, "/", t2.name)
    t1.start()
    t2.start()
    for x in [1, 2, 3, 4]:
        q1.put(x)
    q1.put(None)
    results = []
    while True:
        item = q3.get()
        if item is None:
            break
        results.append(item)
    t1.join()
    t2.join()
    print("pipeline results:", results)
    print("processed per stage:", sorted(stats.items()))


def fan_out():
    lock = threading.Lock()
    seen = []

    def visit(i, delay=0):
        time.sleep(delay)
        with lock:
            seen.append(i)

    threads = []
    for i in range(5):
        def job(i=i):
            visit(i, 0.001 * (5 - i))
        t = threading.Thread(target=job)
        threads.append(t)
        t.start()
    for t in threads:
        t.join()
    print("fan out visited:", sorted(seen))


run_pipeline()
fan_out()
