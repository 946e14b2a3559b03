# A periodic-job scheduler whose loop uses Event.wait(timeout) as its tick.
# Exercises: `while not stop.wait(tick):` (wait returning False on every timeout and True once set),
# jobs kept as lists [every, next_due, name, fn] on a virtual clock so the run order does not depend
# on real time, a job that blocks (queue round trip to a worker thread), plain jobs, a job that
# stops the scheduler by setting the Event from inside the loop.
import threading
import queue


class Scheduler:
    def __init__(self, tick):
        self.tick = tick
        self.stop = threading.Event()
        self.jobs = []
        self.now = 0
        self.ran = []

    def every(self, ticks, name, fn):
        self.jobs.append([ticks, ticks, name, fn])

    def run(self):
        while not self.stop.wait(self.tick):
            self.now += 1
            for job in self.jobs:
                if job[1] == self.now:
                    job[1] += job[0]
                    self.ran.append((self.now, job[2]))
                    job[3](self.now)
        return self.now


requests = queue.Queue()
metrics = []


def sampler():
    n = 0
    while True:
        reply = requests.get()
        if reply is None:
            return
        n += 1
        reply.put(n * 7)


def poll_sensor(now):
    reply = queue.Queue(maxsize=1)
    requests.put(reply)
    metrics.append((now, reply.get()))


def heartbeat(now):
    metrics.append((now, "hb"))


def run_scheduler(sched, result):
    result.append(sched.run())


def main():
    s = Scheduler(0.002)
    s.every(3, "heartbeat", heartbeat)
    s.every(4, "poll", poll_sensor)
    s.every(6, "report", lambda now: print("report at", now, "metrics so far", len(metrics)))
    s.every(12, "shutdown", lambda now: s.stop.set())
    worker = threading.Thread(target=sampler, name="sampler", daemon=True)
    worker.start()
    result = []
    t = threading.Thread(target=run_scheduler, args=(s, result), name="scheduler")
    t.start()
    t.join()
    requests.put(None)
    worker.join()
    print("stopped at tick", result[0])
    for when, name in s.ran:
        print(" ", when, name)
    print("metrics:", metrics)


main()
