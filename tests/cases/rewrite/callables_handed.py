# Callables handed to other code. A blocking function put into a Queue is only stored: the
# program's own consumer gets it back and calls it (through `__gy.maybe`, as the queue also holds
# a lambda). Code outside SRC that calls what it is given (`iter(f, sentinel)`, `map`) gets an
# error for blocking functions and for blocking runtime methods; `Condition.wait_for` is the
# runtime's, which awaits a converted predicate.
import queue
import threading
import time

jobs = queue.Queue()
cond = threading.Condition()


def slow():
    time.sleep(0.01)
    return "slow"


def worker():
    while True:
        fn = jobs.get()
        if fn is None:
            break
        print(fn())


def drain(q):
    for item in iter(q.get, None):
        print(item)
    return list(map(q.get, [True, True]))


def ready():
    return jobs.get() is None


def waiter():
    with cond:
        cond.wait_for(ready)


def finish():
    return drain(jobs)


t = threading.Thread(target=worker)
t.start()
jobs.put(slow)
jobs.put(lambda: "fast")
jobs.put(None)
t.join()
