# Ctrl-C while the main thread waits on Event.wait() (no timeout), with a worker blocked on a
# Condition; the handler wakes the worker and joins it.
import threading
import time

ev = threading.Event()
cond = threading.Condition()
state = {"go": False}


def worker():
    with cond:
        cond.wait_for(lambda: state["go"])
    print("worker woke")




def heartbeat():
    # Something that still runs: with every thread blocked for good, the green runtime would
    # report a deadlock (docs/RUNTIME.md) where CPython waits for Ctrl-C.
    while True:
        time.sleep(0.05)


threading.Thread(target=heartbeat, daemon=True).start()
t = threading.Thread(target=worker, name="worker")
t.start()
print("ready")
try:
    ev.wait()
    print("event set")
except KeyboardInterrupt:
    print("KeyboardInterrupt in", threading.current_thread().name)
    with cond:
        state["go"] = True
        cond.notify_all()
    t.join()
    print("worker joined")
print("main done")
