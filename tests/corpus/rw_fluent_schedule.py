# A schedule-style fluent API: `every(2).ticks.do(q.put, job)` where `ticks` is a property that
# returns self, `do` stores the callable and its arguments, and a scheduler thread runs due jobs
# (`job.fn(*job.args)`). The callables are blocking functions, a bound method, and `put` of an
# unbounded Queue, which never blocks: handed to `map`, to a Timer and to `sorted(key=...)`-free
# builtins it runs without `await`.
import queue
import threading
import time

results = queue.Queue()


class Job:
    def __init__(self, sched, interval):
        self.sched = sched
        self.interval = interval
        self.unit = None
        self.fn = None
        self.args = ()

    @property
    def ticks(self):
        self.unit = "ticks"
        return self

    @property
    def label(self):
        return "%s every %d %s" % (self.fn.__name__, self.interval, self.unit)

    def do(self, fn, *args):
        self.fn = fn
        self.args = args
        self.sched.jobs.append(self)
        return self

    def due(self, tick):
        return tick % self.interval == 0

    def run(self):
        return self.fn(*self.args)


class Scheduler:
    def __init__(self):
        self.jobs = []
        self.stop = threading.Event()

    def every(self, n):
        return Job(self, n)

    def loop(self, ticks):
        for tick in range(1, ticks + 1):
            for job in self.jobs:
                if job.due(tick):
                    job.run()
            self.stop.wait(0.001)
        results.put(None)


def slow_report(name):
    time.sleep(0.001)
    results.put("report " + name)


class Meter:
    def __init__(self):
        self.reads = 0

    def read(self):
        time.sleep(0.001)
        self.reads += 1
        results.put("read %d" % self.reads)


def main():
    s = Scheduler()
    meter = Meter()
    a = s.every(2).ticks.do(results.put, "tock")
    b = s.every(3).ticks.do(slow_report, "three")
    c = s.every(4).do(meter.read)
    print(a.label, "|", b.label, "|", c.unit)
    t = threading.Thread(target=s.loop, args=(6,))
    t.start()
    got = []
    while True:
        item = results.get()
        if item is None:
            break
        got.append(item)
    t.join()
    print(got)
    list(map(results.put, ["m1", "m2"]))
    timer = threading.Timer(0.001, results.put, args=("timer",))
    timer.start()
    timer.join()
    rest = []
    for _ in range(3):
        rest.append(results.get())
    print(rest, meter.reads)


main()
