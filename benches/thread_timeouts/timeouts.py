# Thread backend: how late timed waits return, how fast a parked timed waiter notices a
# wake-up, and the CPU a parked thread uses. Plain threaded Python: run it converted with
# `greenify --backend thread` on MicroPython (see run.sh), or on CPython for comparison.
import sys
import time
import threading
import queue

MP = sys.implementation.name == "micropython"
if MP:
    def now_us():
        return time.ticks_us()

    def diff_us(a, b):
        return time.ticks_diff(a, b)
else:
    def now_us():
        return time.perf_counter_ns() // 1000

    def diff_us(a, b):
        return a - b

QUICK = "--quick" in sys.argv
REPS = 5 if QUICK else 15


def cpu_s():
    # utime + stime of this process from /proc (clock ticks of 10 ms): Linux only.
    with open("/proc/self/stat") as f:
        parts = f.read().rsplit(")", 1)[1].split()
    return (int(parts[11]) + int(parts[12])) / 100.0


def stats(xs):
    xs = sorted(xs)
    return "min %6d  median %6d  max %6d" % (xs[0], xs[len(xs) // 2], xs[-1])


# 1. Lateness: a timed wait that nobody wakes returns this many us after its deadline.
print("## late return of expiring timed waits (us after the deadline, %d runs)" % REPS)
lock = threading.Lock()
lock.acquire()
cond = threading.Condition()
q = queue.Queue()
for timeout in (0.001, 0.01, 0.1, 0.5):
    for name, fn in (("Lock.acquire", lambda: lock.acquire(timeout=timeout)),
                     ("Condition.wait", lambda: cond.wait(timeout)),
                     ("Queue.get", lambda: q.get(timeout=timeout))):
        late = []
        for _ in range(REPS if timeout < 0.5 else max(3, REPS // 3)):
            with cond:
                t0 = now_us()
                try:
                    fn()
                except queue.Empty:
                    pass
                late.append(diff_us(now_us(), t0) - int(timeout * 1e6))
        print("%-15s timeout %5.3f s: %s" % (name, timeout, stats(late)))

# 2. Wake-up latency: a thread parked in Queue.get(timeout=30) gets an item after `after` s.
print()
print("## wake-up latency of a parked timed waiter (us from put to get returning)")
for after in (0.001, 0.01, 0.1, 1.0):
    lat = []
    for _ in range(REPS if after < 1 else 3):
        box = []
        q2 = queue.Queue()

        def getter():
            q2.get(timeout=30)
            box.append(now_us())

        g = threading.Thread(target=getter)
        g.start()
        time.sleep(after)
        t0 = now_us()
        q2.put(1)
        g.join()
        lat.append(diff_us(box[0], t0))
    print("Queue.get(timeout=30), put after %5.3f s: %s" % (after, stats(lat)))
untimed = []
for _ in range(REPS):
    box = []
    q3 = queue.Queue()
    g = threading.Thread(target=lambda: (q3.get(), box.append(now_us())))
    g.start()
    time.sleep(0.1)
    t0 = now_us()
    q3.put(1)
    g.join()
    untimed.append(diff_us(box[0], t0))
print("Queue.get() untimed,    put after 0.100 s: %s" % stats(untimed))

# 3. CPU while parked: N threads parked for PARK seconds, the main thread in join().
print()
PARK = 2.0 if QUICK else 5.0
print("## CPU used while threads are parked (%.0f s, %% of one core)" % PARK)
try:
    cpu_s()
    have_cpu = True
except OSError:
    have_cpu = False
    print("no /proc/self/stat: run under /usr/bin/time instead")
if have_cpu:
    for n, timed in ((1, True), (10, True), (1, False)):
        ev = threading.Event()
        if timed:
            target = lambda: ev.wait(PARK)
        else:
            target = ev.wait
        ts = [threading.Thread(target=target) for _ in range(n)]
        c0 = cpu_s()
        t0 = now_us()
        for t in ts:
            t.start()
        if not timed:
            time.sleep(PARK)
            ev.set()
        for t in ts:
            t.join()
        wall = diff_us(now_us(), t0) / 1e6
        print("%2d thread(s) parked in Event.wait(%s): %5.2f %% of one core" % (
            n, "%.0f" % PARK if timed else "", 100.0 * (cpu_s() - c0) / wall))
