# CPython asyncio baseline: two tasks ping-pong through two asyncio.Queue.
#
# Usage:
#   python3 benches/handoff/cpython_asyncio_queue.py [ROUND_TRIPS]
#
# Prints one line: RESULT us_per_rt=... first10=... last10=... drift=...
import asyncio
import sys
import time

N = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
m1 = N // 10
m2 = N - N // 10
marks = [0, 0, 0, 0]


async def ping(to_pong, to_ping):
    now = time.perf_counter
    marks[0] = now()
    for i in range(N):
        if i == m1:
            marks[1] = now()
        elif i == m2:
            marks[2] = now()
        await to_pong.put(i)
        await to_ping.get()
    marks[3] = now()


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


asyncio.run(main())
us = 1e6
total = (marks[3] - marks[0]) * us
first = (marks[1] - marks[0]) * us / m1
last = (marks[3] - marks[2]) * us / (N - m2)
print("RESULT us_per_rt=%.4f first10=%.4f last10=%.4f drift=%.4f" % (total / N, first, last, last / first - 1))
