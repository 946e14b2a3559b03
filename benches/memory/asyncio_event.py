# Memory per blocked task, hand-written asyncio on MicroPython: N tasks all
# awaiting one asyncio.Event (MicroPython has no asyncio.Queue), the hand port
# of blocked_threads.py.
#
# Usage:
#   micropython [-X heapsize=256k] benches/memory/asyncio_event.py [N]
#
# Prints one line: RESULT n=... heap_per_thread=... rss_per_thread=...
import sys
import gc
import asyncio

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1000


def rss():
    try:
        with open('/proc/self/status') as f:
            for line in f:
                if line.startswith('VmRSS:'):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


go = asyncio.Event()
ready = [0]
done = [0]


async def worker():
    ready[0] += 1
    await go.wait()             # every worker waits here
    done[0] += 1


async def main():
    tasks = []
    gc.collect()
    heap0 = gc.mem_alloc()
    rss0 = rss()
    for i in range(N):
        tasks.append(asyncio.create_task(worker()))
    while ready[0] < N:
        await asyncio.sleep(0.01)
    await asyncio.sleep(0.05)
    gc.collect()
    heap1 = gc.mem_alloc()
    rss1 = rss()
    go.set()
    for t in tasks:
        await t
    assert done[0] == N, done[0]
    print("RESULT n=%d heap_per_thread=%.1f rss_per_thread=%.1f"
          % (N, (heap1 - heap0) / N, (rss1 - rss0) / N))


asyncio.run(main())
