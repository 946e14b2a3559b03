# Hand-off floor on MicroPython asyncio: two tasks ping-pong through two minimal
# channels whose wait allocates nothing.  Waiting parks the task (it is on no
# queue at all); the peer puts it back on asyncio's run queue.  The awaitable is
# the channel itself: __iter__ returns self, the first __next__ parks (yields to
# the scheduler), the second raises a StopIteration made once up front.
#
# Usage:
#   micropython benches/handoff/asyncio_floor.py [ROUND_TRIPS] [alloc]
#
# Prints one line: RESULT us_per_rt=... first10=... last10=... drift=... [alloc_per_rt=...]
#   us_per_rt   mean over all round trips
#   first10     median of the ten windows of N/100 round trips that make the first 10%
#   last10      the same for the last 10%;  drift = last10 / first10 - 1
#   alloc_per_rt  (with "alloc" as 2nd argument: GC off, bytes allocated per round trip
#               between the 10% and 90% marks; use a small N such as 2000)
import sys
import asyncio
from asyncio import core
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
        a.put(i)
        await b
        b.take()
    stamps[j] = ticks()


async def pong():
    for i in range(N):
        await a
        x = a.take()
        b.put(x)


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
