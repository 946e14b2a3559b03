# A CPU-bound worker (a long `for` loop that never waits) beside a ticker thread: the ticker
# must keep its period within 2x of what it asks, so the worker has to yield (on green threads,
# the starvation guard does it after a time slice). Only the facts are printed.
import threading
import time

try:
    from time import ticks_ms

    def now():
        return ticks_ms() / 1000
except ImportError:

    def now():
        return time.monotonic()

PERIOD = 0.1
periods = []
out = []


def crunch(n):
    total = 0
    for i in range(n):
        total += i * i % 7
    out.append(total)


def ticker():
    last = now()
    for _ in range(3):
        time.sleep(PERIOD)
        t = now()
        periods.append(t - last)
        last = t


c = threading.Thread(target=crunch, args=(300000,), name="cruncher")
k = threading.Thread(target=ticker, name="ticker")
c.start()
k.start()
k.join()
c.join()
print("ticks", len(periods))
print("period within 2x:", max(periods) < 2 * PERIOD)
print("never early:", min(periods) >= PERIOD - 0.002)
print("sum", out[0] == sum(i * i % 7 for i in range(300000)))
