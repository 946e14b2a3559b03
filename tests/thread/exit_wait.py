# The end of the main script waits for non-daemon threads, never for daemon ones.
import threading
import time


def worker(n):
    time.sleep(0.2 + 0.1 * n)
    print("worker", n, "done")


def forever():
    while True:
        time.sleep(0.05)


threading.Thread(target=forever, daemon=True).start()
for n in range(2):
    threading.Thread(target=worker, args=(n,)).start()
print("main end")
