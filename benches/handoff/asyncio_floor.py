# Hand-off floor on MicroPython asyncio: two tasks ping-pong through two minimal
# channels whose wait allocates nothing.  Waiting parks the task (it is on no
# queue at all); the peer puts it back on asyncio's run queue.  The awaitable is
# the channel itself: __iter__ returns self, the first __next__ parks (yields to
# the scheduler), the second raises a StopIteration made once up front.
#
# Usage:
#   micropython benches/handoff/asyncio_floor.py [ROUND_TRIPS]
#
# Prints one line: RESULT us_per_rt=... first10=... last10=... drift=...
import sys
import asyncio
from asyncio import core
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


class Chan:
    def __init__(self):
        self.item = None
        self.full = False
        self.task = None        # the parked receiver, if any
        self.parked = False     # True between the two __next__ calls
        self.stop = StopIteration()

    def put(self, x):           # never blocks: the ping-pong never has two items in flight
        self.item = x
        self.full = True
        t = self.task
        if t is not None:
            self.task = None
            core._task_queue.push(t)

    def __iter__(self):
        return self

    def __next__(self):
        if not self.parked and not self.full:
            self.parked = True
            self.task = core.cur_task
            return None         # yield to the loop without being queued: parked
        self.parked = False
        s = self.stop
        s.__traceback__ = None  # keep the traceback from growing on each raise
        raise s                 # the await is over; the item is in the channel

    def take(self):
        self.full = False
        return self.item


a = Chan()
b = Chan()
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
        a.put(i)
        await b
        b.take()
    marks[3] = ticks()


async def pong():
    for i in range(N):
        await a
        x = a.take()
        b.put(x)


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
