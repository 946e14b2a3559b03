# Hand-written asyncio port of the ping-pong, the way one ports threads to
# asyncio by hand on MicroPython (which has no asyncio.Queue): two tasks, two
# Events, set / wait / clear.  Every Event.wait() call makes a new coroutine.
#
# Usage:
#   micropython benches/handoff/asyncio_event.py [ROUND_TRIPS] [alloc]
#
# Prints one line: RESULT us_per_rt=... first10=... last10=... drift=... [alloc_per_rt=...]
#   us_per_rt   mean over all round trips
#   first10     median of the ten windows of N/100 round trips that make the first 10%
#   last10      the same for the last 10%;  drift = last10 / first10 - 1
#   alloc_per_rt  (with "alloc" as 2nd argument: GC off, bytes allocated per round trip
#               between the 10% and 90% marks; use a small N such as 2000)
import sys
import asyncio
import time

ticks = time.ticks_us
diff = time.ticks_diff
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
to_pong = asyncio.Event()
to_ping = asyncio.Event()
box = [None]


async def ping():
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
        box[0] = i
        to_pong.set()
        await to_ping.wait()
        to_ping.clear()
    stamps[j] = ticks()


async def pong():
    for i in range(N):
        await to_pong.wait()
        to_pong.clear()
        x = box[0]
        to_ping.set()


async def main():
    t = asyncio.create_task(pong())
    await ping()
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


if ALLOC:
    import gc
    gc.collect()
    gc.disable()
asyncio.run(main())
report()
