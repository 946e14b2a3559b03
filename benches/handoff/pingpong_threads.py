# Hand-off latency, written the way a user writes it: two threads ping-pong an
# integer through two queue.Queue.  This one file is run as is on CPython (OS
# threads) and, converted by greenify, on MicroPython with the green backend and
# with the thread backend.
#
# Usage:
#   python3 benches/handoff/pingpong_threads.py [ROUND_TRIPS] [alloc]
#   mkdir src && cp benches/handoff/pingpong_threads.py src/
#   greenify src out && micropython out/pingpong_threads.py [ROUND_TRIPS] [alloc]
#
# Prints one line: RESULT us_per_rt=... first10=... last10=... drift=... [alloc_per_rt=...]
#   us_per_rt   mean over all round trips
#   first10     median of the ten windows of N/100 round trips that make the first 10%
#   last10      the same for the last 10%;  drift = last10 / first10 - 1
#   alloc_per_rt  (with "alloc" as 2nd argument: GC off, bytes allocated per round trip
#               between the 10% and 90% marks; use a small N such as 2000)
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
ALLOC = len(sys.argv) > 2 and sys.argv[2] == 'alloc'
try:
    from gc import mem_alloc
except ImportError:             # CPython
    def mem_alloc():
        return 0
W = max(1, N // 100)            # round trips per window
# a time stamp is taken before round trip AT[j]: 10 windows at the start, 10 at the end
AT = [k * W for k in range(11)] + [N - (10 - k) * W for k in range(11)]
stamps = [0] * len(AT)
heap = [0, 0]


def ping(to_pong, to_ping):
    j = 0
    nxt = 0
    for i in range(N):
        if i == nxt:
            stamps[j] = ticks()
            if j == 10:
                heap[0] = mem_alloc()
            elif j == 11:
                heap[1] = mem_alloc()
            j += 1
            nxt = AT[j]
        to_pong.put(i)
        to_ping.get()
    stamps[j] = ticks()


def pong(to_pong, to_ping):
    for i in range(N):
        x = to_pong.get()
        to_ping.put(x)


def report():
    w = [diff(stamps[k + 1], stamps[k]) / W for k in range(21) if k != 10]
    first = sorted(w[:10])
    last = sorted(w[10:])
    f = (first[4] + first[5]) / 2
    l = (last[4] + last[5]) / 2
    line = "RESULT us_per_rt=%.4f first10=%.4f last10=%.4f drift=%.4f" % (
        diff(stamps[21], stamps[0]) / N, f, l, l / f - 1)
    if ALLOC:
        line += " alloc_per_rt=%.2f" % ((heap[1] - heap[0]) / (AT[11] - AT[10]))
    print(line)


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
    report()


main()
