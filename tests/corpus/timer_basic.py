# threading.Timer: firing, cancelling before it fires, arguments, default names.
# Exercises: Timer(interval, fn, args, kwargs) joined after it fires, Timer.cancel() on a long
# timer (it never fires and join returns at once), cancel after firing is harmless, Timer
# default name "Thread-N", a timer callback that itself blocks (sleep + queue put).
import threading
import time
import queue

fired = []
events = queue.Queue()


def record(tag, value=0):
    fired.append((tag, value))


def blocking_callback(n):
    time.sleep(0.002)
    events.put("blocking callback %d" % n)


def main():
    t1 = threading.Timer(0.01, record, args=("short",), kwargs={"value": 7})
    print("timer name:", t1.name)
    t1.start()
    t1.join()
    print("fired:", fired)

    t2 = threading.Timer(30.0, record, args=("never",))
    t2.start()
    t2.cancel()
    t2.join()
    print("after cancel:", fired, "alive:", t2.is_alive())

    t1.cancel()
    print("cancel after fire ok")

    t3 = threading.Timer(0.005, blocking_callback, args=(3,))
    t3.start()
    print(events.get())
    t3.join()

    t4 = threading.Timer(0.001, record, ["late"])
    t4.daemon = True
    t4.start()
    t4.join()
    print("fired:", fired)
    print("names:", t2.name, t3.name, t4.name)


main()
