# CommsTime, the CSP benchmark used by the uPyCSP thesis, as plain threads and
# queues: Prefix -> Delta2 -> Successor -> Prefix, and Delta2 also feeds
# Consumer.  Four channels (Queue(maxsize=1)); each loop iteration is one
# message on each of the four.  Runs as is on CPython; converted by greenify for
# MicroPython (green and thread backends).
#
# Usage:
#   python3 benches/commstime/commstime.py [ITERATIONS]
#   mkdir src && cp benches/commstime/commstime.py src/
#   greenify src out && micropython out/commstime.py [ITERATIONS]
#
# Prints one line: RESULT iterations=... us_per_msg=... us_per_iter=...
import sys
import threading
import queue
import time

try:
    ticks = time.ticks_us
    diff = time.ticks_diff
except AttributeError:          # CPython
    def ticks():
        return time.perf_counter_ns() // 1000

    def diff(a, b):
        return a - b

N = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
CHANNELS = 4


def prefix(inp, out, n):
    out.put(0)
    for i in range(n - 1):
        out.put(inp.get())


def delta2(inp, out1, out2, n):
    for i in range(n):
        x = inp.get()
        out1.put(x)
        out2.put(x)


def successor(inp, out, n):
    for i in range(n):
        out.put(inp.get() + 1)


def consumer(inp, n, result):
    inp.get()                   # warm-up: the first message starts the clock
    t0 = ticks()
    for i in range(n - 1):
        inp.get()
    result.append(diff(ticks(), t0))


def main():
    a = queue.Queue(maxsize=1)  # Prefix -> Delta2
    b = queue.Queue(maxsize=1)  # Delta2 -> Successor
    c = queue.Queue(maxsize=1)  # Successor -> Prefix
    d = queue.Queue(maxsize=1)  # Delta2 -> Consumer
    result = []
    threads = [
        threading.Thread(target=prefix, args=(c, a, N), name='Prefix'),
        threading.Thread(target=delta2, args=(a, b, d, N), name='Delta2'),
        threading.Thread(target=successor, args=(b, c, N), name='Successor'),
        threading.Thread(target=consumer, args=(d, N, result), name='Consumer'),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    us = result[0]
    iters = N - 1
    print("RESULT iterations=%d us_per_msg=%.4f us_per_iter=%.4f"
          % (iters, us / iters / CHANNELS, us / iters))


main()
