# Threads blocked while a timer, a sleeping thread or a timed wait can still wake them
# are not a deadlock: this program ends normally.
import queue
import threading
import time

ev = threading.Event()
q = queue.Queue()
threading.Timer(0.05, ev.set).start()


def sleeper():
    time.sleep(0.3)
    q.put("from sleeper")


def waiter():
    print("event", ev.wait())


t = threading.Thread(target=waiter)
t.start()
threading.Thread(target=sleeper).start()
print(q.get())
t.join()
lk = threading.Lock()
lk.acquire()
print("timed acquire", lk.acquire(timeout=0.05))
print("done")
