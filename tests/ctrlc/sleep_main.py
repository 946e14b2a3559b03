# Ctrl-C while the main thread sleeps: KeyboardInterrupt in the main thread, the handler joins a
# worker (which a stop Event ends), then a non-daemon worker is waited for at exit.
import threading
import time

stop = threading.Event()


def worker():
    while not stop.wait(0.05):
        pass
    print("worker stopping")


def late():
    stop.wait()
    time.sleep(0.1)
    print("late worker done")


t = threading.Thread(target=worker, name="worker")
t.start()
threading.Thread(target=late, name="late").start()
print("ready")
try:
    time.sleep(30)
    print("slept through")
except KeyboardInterrupt:
    print("KeyboardInterrupt in", threading.current_thread().name)
    stop.set()
    t.join()
    print("worker joined, alive:", t.is_alive())
print("main done")
