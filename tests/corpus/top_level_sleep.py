# time.sleep at module top level of the entry script while other threads sleep in loops: the
# main thread sleeps its whole time (green: the sleep's deadline is taken when it is called).
import threading
import time

try:
    from time import ticks_ms

    def now():
        return ticks_ms() / 1000
except ImportError:

    def now():
        return time.monotonic()

ticks = []


def worker():
    for i in range(6):
        time.sleep(0.01)
        ticks.append(i)


t = threading.Thread(target=worker)
t.start()
t0 = now()
time.sleep(0.1)
print("main slept long enough:", now() - t0 >= 0.099)
from time import sleep
t0 = now()
sleep(0.02)
print("again:", now() - t0 >= 0.019)
t.join()
print("worker ticks", ticks)
