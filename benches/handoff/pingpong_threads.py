# Hand-off latency, written the way a user writes it: two threads ping-pong an
# integer through two queue.Queue.  This one file is run as is on CPython (OS
# threads) and, converted by greenify, on MicroPython with the green backend and
# with the thread backend.
#
# Usage:
#   python3 benches/handoff/pingpong_threads.py [ROUND_TRIPS]
#   greenify benches/handoff OUT && micropython OUT/pingpong_threads.py [ROUND_TRIPS]
#
# Prints one line: RESULT us_per_rt=... first10=... last10=... drift=...
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

N = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
# "alloc": also count the bytes allocated per round trip between the 10% and 90%
# marks, with the GC off (use a small N; times are then not representative)
ALLOC = len(sys.argv) > 2 and sys.argv[2] == 'alloc'
try:
    from gc import mem_alloc
except ImportError:             # CPython
    def mem_alloc():
        return 0
heap = [0, 0]
m1 = N // 10
m2 = N - N // 10
marks = [0, 0, 0, 0]


def ping(to_pong, to_ping):
    marks[0] = ticks()
    for i in range(N):
        if i == m1:
            marks[1] = ticks()
            heap[0] = mem_alloc()
        elif i == m2:
            marks[2] = ticks()
            heap[1] = mem_alloc()
        to_pong.put(i)
        to_ping.get()
    marks[3] = ticks()


def pong(to_pong, to_ping):
    for i in range(N):
        x = to_pong.get()
        to_ping.put(x)


def main():
    if ALLOC:
        import gc
        gc.collect()
        gc.disable()
    to_pong = queue.Queue()
    to_ping = queue.Queue()
    threads = [threading.Thread(target=ping, args=(to_pong, to_ping)),
               threading.Thread(target=pong, args=(to_pong, to_ping))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    total = diff(marks[3], marks[0])
    first = diff(marks[1], marks[0]) / m1
    last = diff(marks[3], marks[2]) / (N - m2)
    print("RESULT us_per_rt=%.4f first10=%.4f last10=%.4f drift=%.4f"
          % (total / N, first, last, last / first - 1)
          + (" alloc_per_rt=%.2f" % ((heap[1] - heap[0]) / (m2 - m1)) if ALLOC else ""))


main()
