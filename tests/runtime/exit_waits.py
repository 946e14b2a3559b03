# At the end of the main script the program waits for non-daemon threads, not for daemon ones.
import threading
import time


def worker(name, delay):
    time.sleep(delay)
    print(name, "done")


threading.Thread(target=worker, args=("daemon", 30), daemon=True).start()
threading.Thread(target=worker, args=("slow", 0.3)).start()
threading.Thread(target=worker, args=("fast", 0.02)).start()
print("main ends")
