# Link supervisor (`from threading import *`): a simulated link that starts down and drops silently,
# a reconnect thread waiting on a `down` Event and retrying with exponential backoff (scripted
# failures), a heartbeat thread driven by a tick queue that reports a drop and resends once `up` is
# set again, and a supervisor thread restarting crashed workers reported by a custom
# threading.excepthook (task_done in finally, Queue.join); time.time() for a bounded wait.
from threading import *
import threading
import queue
import time


class LinkDown(Exception):
    pass


class Link:
    def __init__(self, plan):
        self.lock = Lock()
        self.up = Event()
        self.down = Event()
        self.plan = list(plan)
        self.attempts = 0
        self.sent = []
        self.closing = False

    def try_connect(self):
        time.sleep(0.001)
        with self.lock:
            self.attempts += 1
            if self.plan:
                return self.plan.pop(0)
            return True

    def mark_up(self):
        self.down.clear()
        self.up.set()

    def drop(self):
        # Silent: the heartbeat finds out and reports it.
        self.up.clear()

    def report_down(self):
        self.down.set()

    def send(self, msg):
        if not self.up.is_set():
            raise LinkDown("link down")
        with self.lock:
            self.sent.append(msg)


def reconnector(link, base=0.001, cap=0.008):
    while True:
        link.down.wait()
        if link.closing:
            return
        delay = base
        n = 0
        while not link.try_connect():
            n += 1
            print("  reconnect: attempt", link.attempts, "failed, backoff", delay)
            time.sleep(delay)
            delay = min(delay * 2, cap)
        print("  reconnect: up after", n, "failures (attempt", str(link.attempts) + ")")
        link.mark_up()


def heartbeat(link, ticks, acks):
    while True:
        tick = ticks.get()
        if tick is None:
            break
        note = ""
        try:
            link.send("hb%d" % tick)
        except LinkDown as e:
            note = " (" + str(e) + ", resent)"
            link.report_down()
            if not link.up.wait(2.0):
                note = " (gave up)"
            else:
                link.send("hb%d" % tick)
        acks.put("hb %d%s" % (tick, note))


crashes = queue.Queue()
results = []
res_lock = Lock()


def hook(args):
    crashes.put_nowait((args.thread.name, args.exc_type.__name__, str(args.exc_value)))


def worker(jobs):
    while True:
        job = jobs.get()
        try:
            if job is None:
                return
            if job == "boom":
                raise ValueError("bad job")
            time.sleep(0.001)
            with res_lock:
                results.append((current_thread().name, job * 10))
        finally:
            jobs.task_done()


def supervisor(jobs, workers):
    restarts = 0
    while True:
        item = crashes.get()
        if item is None:
            break
        name, kind, msg = item
        restarts += 1
        print("  supervisor:", name, "died of", kind + ":", msg, "-> restart", restarts)
        t = Thread(target=worker, args=(jobs,), name="worker-r%d" % restarts)
        workers.append(t)
        t.start()


def main():
    link = Link([False, False, False, True, False, True])
    ticks = queue.Queue()
    acks = queue.Queue()
    rc = Thread(target=reconnector, args=(link,), kwargs={"cap": 0.002}, name="reconnect")
    hb = Thread(target=heartbeat, name="heartbeat", args=(link, ticks, acks))
    rc.start()
    hb.start()
    print("link starts down")
    t0 = time.time()
    link.drop()
    link.report_down()
    ok = link.up.wait(2.0)
    print("up:", ok, "within 1s:", time.time() - t0 < 1.0)
    for tick in (1, 2, 3):
        ticks.put(tick)
        print(acks.get())
    link.drop()
    ticks.put(4)
    print(acks.get())
    ticks.put(5)
    print(acks.get())
    ticks.put(None)
    hb.join()
    link.closing = True
    link.down.set()
    rc.join()
    print("attempts:", link.attempts, "sent:", link.sent)

    threading.excepthook = hook
    jobs = queue.Queue()
    workers = [Thread(target=worker, args=(jobs,), name="worker")]
    sup = Thread(target=supervisor, args=(jobs, workers), name="supervisor")
    sup.start()
    workers[0].start()
    for job in [1, 2, "boom", 3, "boom", "boom", 4]:
        jobs.put(job)
    jobs.join()
    jobs.put(None)
    jobs.join()
    crashes.put(None)
    sup.join()
    for w in workers:
        w.join()
    threading.excepthook = threading.__excepthook__
    print("results:", results)
    print("workers:", [w.name for w in workers], "alive:", [w.is_alive() for w in workers])
    print("active:", active_count())


main()
