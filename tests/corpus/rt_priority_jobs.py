# Priority job scheduler: PriorityQueue of (due, seq, job) with a lock-guarded sequence counter
# (tie-break, job objects are not comparable), cancellation flags checked at dispatch, periodic jobs
# re-queued by the dispatcher before task_done (so Queue.join covers them), a gate Event so every job is
# queued before dispatch starts, a sentinel with due=inf, blocking jobs run via Thread(target=self.method)
# helpers, and a second dispatcher that polls with get(timeout) and stops on Empty once a stop Event is set.
import threading
from queue import PriorityQueue, Empty
import time


class Job:
    def __init__(self, name, action, period=0, repeat=1):
        self.name = name
        self.action = action
        self.period = period
        self.repeat = repeat
        self.cancelled = False
        self.runs = 0

    def cancel(self):
        self.cancelled = True


class Scheduler:
    def __init__(self):
        self.q = PriorityQueue()
        self.seq = 0
        self.seq_lock = threading.Lock()
        self.gate = threading.Event()
        self.log = []
        self.thread = threading.Thread(target=self.dispatch, name="dispatcher")

    def _next(self):
        with self.seq_lock:
            self.seq += 1
            return self.seq

    def schedule(self, due, job):
        self.q.put((due, self._next(), job))
        return job

    def start(self):
        self.thread.start()

    def dispatch(self):
        self.gate.wait()
        while True:
            due, seq, job = self.q.get()
            try:
                if job is None:
                    return
                if job.cancelled:
                    self.log.append("t=%d skip %s" % (due, job.name))
                    continue
                job.runs += 1
                result = job.action(job)
                self.log.append("t=%d run %s#%d -> %s" % (due, job.name, job.runs, result))
                if job.runs < job.repeat:
                    self.schedule(due + job.period, job)
            finally:
                self.q.task_done()


class Sensor:
    def __init__(self, name, values):
        self.name = name
        self.values = list(values)
        self.lock = threading.Lock()

    def _read(self, out):
        time.sleep(0.001)
        with self.lock:
            out.append(self.values.pop(0))

    def read(self, job):
        out = []
        t = threading.Thread(target=self._read, args=(out,), name=self.name + "-reader")
        t.start()
        t.join()
        return out[0]


def beep(job):
    return "beep"


def cancel_other(victim):
    def action(job):
        victim.cancel()
        return "cancelled " + victim.name
    return action


def main():
    s = Scheduler()
    temp = Sensor("temp", [20, 21, 22])
    s.schedule(30, Job("late-beep", beep))
    s.schedule(10, Job("temp", temp.read, period=15, repeat=3))
    victim = s.schedule(40, Job("victim", beep))
    s.schedule(5, Job("killer", cancel_other(victim)))
    s.schedule(10, Job("beep-a", beep))
    s.schedule(10, Job("beep-b", beep))
    s.start()
    print("queued:", s.q.qsize(), "unfinished:", s.q.unfinished_tasks)
    s.gate.set()
    s.q.join()
    for line in s.log:
        print(" ", line)
    print("temp values left:", temp.values)
    s.schedule(float("inf"), None)
    s.thread.join()
    print("dispatcher alive:", s.thread.is_alive(), "empty:", s.q.empty())

    q = PriorityQueue(maxsize=3)
    done = []
    stop = threading.Event()

    def poller():
        while True:
            try:
                prio, item = q.get(timeout=0.02)
            except Empty:
                if stop.is_set():
                    done.append("idle")
                    return
                continue
            done.append(item)
            q.task_done()

    for prio, item in [(3, "c"), (1, "a"), (2, "b")]:
        q.put((prio, item))
    print("full:", q.full())
    t = threading.Thread(target=poller)
    t.start()
    q.join()
    q.put((0, "z"), timeout=1)
    q.join()
    stop.set()
    t.join()
    print("poller:", done, "name:", t.name)


main()
