# Ping-pong on a bare generator scheduler, no asyncio: the lower bound of any
# scheduler written in Python.  A task is a generator; it yields the channel it
# waits on; a put on that channel appends the waiting generator to a plain list
# used as the run queue.  Nothing is allocated per switch.
#
# Usage:
#   micropython benches/handoff/bare_generators.py [ROUND_TRIPS]
#   python3 benches/handoff/bare_generators.py [ROUND_TRIPS]
#
# Prints one line: RESULT us_per_rt=... first10=... last10=... drift=...
import sys
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

runq = []


class Chan:
    def __init__(self):
        self.item = None
        self.full = False
        self.waiter = None

    def put(self, x):
        self.item = x
        self.full = True
        w = self.waiter
        if w is not None:
            self.waiter = None
            runq.append(w)


def get_or_wait(ch, me):
    # True when the item is there; else parks `me` on the channel
    if ch.full:
        return True
    ch.waiter = me
    return False


a = Chan()
b = Chan()
marks = [0, 0, 0, 0]
m1 = N // 10
m2 = N - N // 10
tasks = {}


def ping():
    me = tasks['ping']
    marks[0] = ticks()
    for i in range(N):
        if i == m1:
            marks[1] = ticks()
            heap[0] = mem_alloc()
        elif i == m2:
            marks[2] = ticks()
            heap[1] = mem_alloc()
        a.put(i)
        while not get_or_wait(b, me):
            yield
        b.full = False
    marks[3] = ticks()


def pong():
    me = tasks['pong']
    for i in range(N):
        while not get_or_wait(a, me):
            yield
        a.full = False
        b.put(a.item)


def run():
    pop = runq.pop
    while runq:
        g = pop(0)
        try:
            next(g)
        except StopIteration:
            pass


tasks['ping'] = ping()
tasks['pong'] = pong()
runq.append(tasks['ping'])
runq.append(tasks['pong'])
if ALLOC:
    import gc
    gc.collect()
    gc.disable()
run()
total = diff(marks[3], marks[0])
first = diff(marks[1], marks[0]) / m1
last = diff(marks[3], marks[2]) / (N - m2)
print("RESULT us_per_rt=%.4f first10=%.4f last10=%.4f drift=%.4f" % (total / N, first, last, last / first - 1)
      + (" alloc_per_rt=%.2f" % ((heap[1] - heap[0]) / (m2 - m1)) if ALLOC else ""))
