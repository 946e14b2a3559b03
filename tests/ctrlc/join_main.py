# Ctrl-C while the main thread is in Thread.join(): the handler runs in MainThread, tells the
# workers to stop and joins another worker; a daemon thread vanishes at exit. (The interrupted
# join is not repeated: CPython 3.11 can lose the thread's state when a join is interrupted.)
import threading
import time

stop = threading.Event()


def quiet():
    stop.wait()


def worker():
    stop.wait()
    time.sleep(0.05)
    print("worker stopping")


def forever():
    while True:
        time.sleep(0.05)


a = threading.Thread(target=quiet, name="quiet")
b = threading.Thread(target=worker, name="worker")
a.start()
b.start()
threading.Thread(target=forever, name="daemon", daemon=True).start()
print("ready")
try:
    a.join()
    print("joined without interrupt")
except KeyboardInterrupt:
    me = threading.current_thread()
    print("KeyboardInterrupt in", me.name, me is threading.main_thread())
    stop.set()
    b.join()
    print("worker alive:", b.is_alive())
print("main done")
