# sys.exit() in main still waits for non-daemon threads; the status is kept.
import sys
import threading
import time


def worker():
    time.sleep(0.3)
    print("worker done")


threading.Thread(target=worker).start()
print("main exiting")
sys.exit(3)
