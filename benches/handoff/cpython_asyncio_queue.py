# CPython asyncio baseline: two tasks ping-pong through two asyncio.Queue.
#
# Usage:
#   python3 benches/handoff/cpython_asyncio_queue.py [ROUND_TRIPS]
#
# Prints one line: RESULT us_per_rt=... first10=... last10=... drift=... [alloc_per_rt=...]
#   us_per_rt   mean over all round trips
#   first10     median of the ten windows of N/100 round trips that make the first 10%
#   last10      the same for the last 10%;  drift = last10 / first10 - 1
import asyncio
import sys
import time


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


async def ping(to_pong, to_ping):
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
        await to_pong.put(i)
        await to_ping.get()
    stamps[j] = ticks()


async def pong(to_pong, to_ping):
    for i in range(N):
        x = await to_pong.get()
        await to_ping.put(x)


async def main():
    to_pong = asyncio.Queue()
    to_ping = asyncio.Queue()
    t = asyncio.create_task(pong(to_pong, to_ping))
    await ping(to_pong, to_ping)
    await t


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


asyncio.run(main())
report()
