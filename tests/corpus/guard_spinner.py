# Spinners stopped by a flag another thread sets: a worker spinning on a global, one spinning
# on `Event.is_set()` with a lock taken and released in the loop (a free lock never switches),
# and a watcher polling a worker's attribute. None of the loops waits; the stopper sleeps.
import threading
import time

stop = False
counts = {"a": 0, "b": 0}
lock = threading.Lock()
halt = threading.Event()


class Job:
    def __init__(self):
        self.state = "new"

    def run(self):
        time.sleep(0.01)
        self.state = "running"
        time.sleep(0.01)
        self.state = "finished"


def spin_a():
    while not stop:
        counts["a"] += 1


def spin_b():
    while not halt.is_set():
        with lock:
            counts["b"] += 1


def watch(job, seen):
    last = None
    while job.state != "finished":
        if job.state != last:
            last = job.state
            seen.append(last)
    seen.append(job.state)


def stopper():
    global stop
    time.sleep(0.03)
    stop = True
    time.sleep(0.01)
    halt.set()


a = threading.Thread(target=spin_a, name="spin-a")
b = threading.Thread(target=spin_b, name="spin-b")
s = threading.Thread(target=stopper, name="stopper")
for th in (a, b, s):
    th.start()
for th in (a, b, s):
    th.join()
print("spinners stopped:", counts["a"] > 0, counts["b"] > 0)

job = Job()
seen = []
w = threading.Thread(target=watch, args=(job, seen), name="watcher")
r = threading.Thread(target=job.run, name="job")
w.start()
r.start()
w.join()
r.join()
print("watcher saw", seen[-1], "first", seen[0] in ("new", "running"))
