# Aliased and star imports of threading and queue.
# Exercises: `import threading as th`, `from threading import Thread, Lock as L, Event`,
# `from queue import *` (Queue, LifoQueue, Empty used unqualified), all mixed in one program:
# a worker pool built from the aliases, Empty caught from the star import.
import threading as th
from threading import Thread, Lock as L, Event
from queue import *

lock = L()
done = Event()
results = []


def worker(inbox):
    while True:
        try:
            n = inbox.get(timeout=0.01)
        except Empty:
            if done.is_set():
                return
            continue
        with lock:
            results.append(n * n)
        inbox.task_done()


def main():
    inbox = Queue()
    pool = [Thread(target=worker, args=(inbox,), name="sq%d" % i) for i in range(3)]
    for w in pool:
        w.start()
    for n in range(1, 9):
        inbox.put(n)
    inbox.join()
    done.set()
    for w in pool:
        w.join()
    print("squares:", sorted(results))
    stack = LifoQueue()
    for w in pool:
        stack.put(w.name)
    names = []
    while not stack.empty():
        names.append(stack.get())
    print("pool (lifo):", names)
    print("alias is module:", th.current_thread().name, th.active_count())
    ev = th.Event()
    print("th.Event wait timeout:", ev.wait(0.005))


main()
