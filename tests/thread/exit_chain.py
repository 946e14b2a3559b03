# A function the program registered with sys.atexit before its first thread started still
# runs, after the wait for non-daemon threads (CPython: threads are joined before atexit).
import sys
import threading
import time

if hasattr(sys, "atexit"):
    sys.atexit(lambda: print("user atexit"))
else:
    import atexit

    atexit.register(lambda: print("user atexit"))


def worker():
    time.sleep(0.2)
    print("worker done")


threading.Thread(target=worker).start()
print("main end")
