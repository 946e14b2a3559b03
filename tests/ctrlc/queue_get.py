# Ctrl-C while the main thread waits in Queue.get(): the handler puts work for a consumer and
# waits for it with Queue.join().
import queue
import threading
import time

jobs = queue.Queue()
results = queue.Queue()


def consumer():
    while True:
        item = jobs.get()
        if item is None:
            jobs.task_done()
            break
        print("consumed", item)
        jobs.task_done()




def heartbeat():
    # Something that still runs: with every thread blocked for good, the green runtime would
    # report a deadlock (docs/RUNTIME.md) where CPython waits for Ctrl-C.
    while True:
        time.sleep(0.05)


threading.Thread(target=heartbeat, daemon=True).start()
c = threading.Thread(target=consumer, name="consumer")
c.start()
print("ready")
try:
    print("got", results.get())
except KeyboardInterrupt:
    print("KeyboardInterrupt in", threading.current_thread().name)
    for i in range(3):
        jobs.put(i)
    jobs.put(None)
    jobs.join()
    c.join()
    print("consumer joined")
print("main done")
