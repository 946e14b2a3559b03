# Main dies with an exception: the traceback comes first, then the program still waits for
# its non-daemon threads (CPython's order), and the exit status is 1.
import threading
import time


def worker():
    time.sleep(0.3)
    print("worker done")


threading.Thread(target=worker).start()
print("main raising")
raise ValueError("main failed")
