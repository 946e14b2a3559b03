# Ping-pong on a bare generator scheduler, no asyncio: the lower bound of any
# scheduler written in Python.  A task is a generator; when the channel it
# reads is empty it parks itself on the channel and yields; a put on that
# channel appends the parked generator to a plain list used as the run queue.
# Nothing is allocated per switch.
#
# Usage:
#   micropython benches/handoff/bare_generators.py [ROUND_TRIPS] [alloc]
#   python3 benches/handoff/bare_generators.py [ROUND_TRIPS]
#
# Prints one line: RESULT us_per_rt=... first10=... last10=... drift=... [alloc_per_rt=...]
#   us_per_rt   mean over all round trips
#   first10     median of the ten windows of N/100 round trips that make the first 10%
#   last10      the same for the last 10%;  drift = last10 / first10 - 1
#   alloc_per_rt  (with "alloc" as 2nd argument: GC off, bytes allocated per round trip
#               between the 10% and 90% marks; use a small N such as 2000)
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


def ready(ch, me):
    # True when the item is there; else parks `me` on the channel
    if ch.full:
        return True
    ch.waiter = me
    return False


a = Chan()
b = Chan()
tasks = {}


def ping():
    me = tasks['ping']
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
        while not ready(b, me):
            yield
        b.full = False
    stamps[j] = ticks()


def pong():
    me = tasks['pong']
    for i in range(N):
        while not ready(a, me):
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


tasks['ping'] = ping()
tasks['pong'] = pong()
runq.append(tasks['ping'])
runq.append(tasks['pong'])
if ALLOC:
    import gc
    gc.collect()
    gc.disable()
run()
report()
