# SIGTERM without a handler ends the process at once, as the OS does on CPython: nothing more is
# printed and the exit status is the signal's.
# ctrlc: signals=15
import threading
import time

stop = threading.Event()


def worker():
    stop.wait()


threading.Thread(target=worker, daemon=True).start()
print("ready")
time.sleep(30)
print("not reached")
