# Hand-written asyncio port of the ping-pong, the way one ports threads to
# asyncio by hand on MicroPython (which has no asyncio.Queue): two tasks, two
# Events, set / wait / clear.  Every Event.wait() call makes a new coroutine.
#
# Usage:
#   micropython benches/handoff/asyncio_event.py [ROUND_TRIPS]
#
# Prints one line: RESULT us_per_rt=... first10=... last10=... drift=...
import sys
import asyncio
import time

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

to_pong = asyncio.Event()
to_ping = asyncio.Event()
box = [None]
marks = [0, 0, 0, 0]
m1 = N // 10
m2 = N - N // 10


async def ping():
    ticks = time.ticks_us
    marks[0] = ticks()
    for i in range(N):
        if i == m1:
            marks[1] = ticks()
            heap[0] = mem_alloc()
        elif i == m2:
            marks[2] = ticks()
            heap[1] = mem_alloc()
        box[0] = i
        to_pong.set()
        await to_ping.wait()
        to_ping.clear()
    marks[3] = ticks()


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


if ALLOC:
    import gc
    gc.collect()
    gc.disable()
asyncio.run(main())
d = time.ticks_diff
total = d(marks[3], marks[0])
first = d(marks[1], marks[0]) / m1
last = d(marks[3], marks[2]) / (N - m2)
print("RESULT us_per_rt=%.4f first10=%.4f last10=%.4f drift=%.4f" % (total / N, first, last, last / first - 1)
      + (" alloc_per_rt=%.2f" % ((heap[1] - heap[0]) / (m2 - m1)) if ALLOC else ""))
