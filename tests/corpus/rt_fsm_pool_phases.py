# Device state machine fed by events from several threads through one Queue and applied by an FSM
# thread (main waits for each state with Condition.wait_for(timeout)), illegal transitions counted;
# a BoundedSemaphore-limited connection pool (acquire(timeout) failing while both are held, peak ≤ 2,
# connections reused LIFO); Barrier(3, timeout=...) phases where a missing party breaks the barrier
# for the others through the constructor's default timeout (earlier phases pass wait(timeout=5)),
# then reset() and a clean round.
import threading
import queue
import time

TRANSITIONS = {
    ("OFFLINE", "connect"): "CONNECTING",
    ("CONNECTING", "connected"): "ONLINE",
    ("CONNECTING", "failed"): "OFFLINE",
    ("ONLINE", "degrade"): "DEGRADED",
    ("DEGRADED", "recover"): "ONLINE",
    ("ONLINE", "disconnect"): "OFFLINE",
    ("DEGRADED", "disconnect"): "OFFLINE",
}


class Device:
    def __init__(self):
        self.state = "OFFLINE"
        self.events = queue.Queue()
        self.cond = threading.Condition()
        self.history = []
        self.rejected = 0
        self.fsm = threading.Thread(target=self.run, name="fsm")

    def run(self):
        while True:
            source, event = self.events.get()
            if event is None:
                break
            with self.cond:
                nxt = TRANSITIONS.get((self.state, event))
                if nxt is None:
                    self.rejected += 1
                    self.history.append("%s: %s ignored in %s" % (source, event, self.state))
                else:
                    self.history.append("%s: %s %s -> %s" % (source, event, self.state, nxt))
                    self.state = nxt
                self.cond.notify_all()

    def wait_state(self, want, timeout=1.0):
        with self.cond:
            return self.cond.wait_for(lambda: self.state == want and self.state, timeout)


def source(dev, name, script, go, done):
    for event in script:
        go.wait()
        go.clear()
        dev.events.put((name, event))
        done.set()


class Pool:
    def __init__(self, size):
        self.sem = threading.BoundedSemaphore(size)
        self.lock = threading.Lock()
        self.free = ["conn%d" % i for i in range(size)]
        self.in_use = 0
        self.peak = 0
        self.served = []

    def get(self, timeout=None):
        if not self.sem.acquire(timeout=timeout):
            return None
        with self.lock:
            self.in_use += 1
            self.peak = max(self.peak, self.in_use)
            return self.free.pop()

    def put(self, conn):
        with self.lock:
            self.in_use -= 1
            self.free.append(conn)
        self.sem.release()


def use_pool(pool, who, hold=None):
    conn = pool.get()
    if hold is not None:
        hold.wait()
    else:
        time.sleep(0.002)
    with pool.lock:
        pool.served.append(who)
    pool.put(conn)


def phase_worker(barrier, name, phases, skip, out, lock):
    for phase in range(phases):
        if phase == skip:
            with lock:
                out.append("%s skips phase %d" % (name, phase))
            return
        try:
            if skip is None or phase < skip:
                barrier.wait(timeout=5)
            else:
                barrier.wait()
        except threading.BrokenBarrierError:
            with lock:
                out.append("%s broken in phase %d" % (name, phase))
            return
    with lock:
        out.append("%s finished %d phases" % (name, phases))


def main():
    dev = Device()
    dev.fsm.start()
    gates = {}
    threads = []
    scripts = {"net": ["connect", "connected", "disconnect"], "health": ["degrade", "recover", "bogus"]}
    for name in scripts:
        go, done = gates[name] = (threading.Event(), threading.Event())
        t = threading.Thread(target=source, args=(dev, name, scripts[name], go, done), name=name)
        threads.append(t)
        t.start()
    plan = [("net", "CONNECTING"), ("net", "ONLINE"), ("health", "DEGRADED"), ("health", "ONLINE"),
            ("health", "ONLINE"), ("net", "OFFLINE")]
    for who, want in plan:
        go, done = gates[who]
        done.clear()
        go.set()
        done.wait()
        print("%-6s -> waiting for %-10s: %s" % (who, want, dev.wait_state(want)))
    print("stuck wait:", dev.wait_state("ONLINE", timeout=0.01))
    for t in threads:
        t.join()
    dev.events.put(("main", None))
    dev.fsm.join()
    for line in dev.history:
        print(" ", line)
    print("rejected:", dev.rejected)

    pool = Pool(2)
    hold = threading.Event()
    holders = [threading.Thread(target=use_pool, args=(pool, "h%d" % i, hold)) for i in range(2)]
    for h in holders:
        h.start()
    while pool.in_use < 2:
        time.sleep(0.001)
    print("third get while full:", pool.get(timeout=0.01))
    hold.set()
    for h in holders:
        h.join()
    users = []
    for i in range(5):
        users.append(threading.Thread(target=use_pool, args=(pool, "u%d" % i)))
    for u in users:
        u.start()
    for u in users:
        u.join()
    print("served:", sorted(pool.served), "peak:", pool.peak, "free:", sorted(pool.free))
    try:
        pool.sem.release()
    except ValueError as e:
        print("over-release:", e)

    out = []
    lock = threading.Lock()
    barrier = threading.Barrier(3, timeout=0.05)
    ws = []
    for name, skip in (("p0", None), ("p1", None), ("p2", 1)):
        ws.append(threading.Thread(target=phase_worker, args=(barrier, name, 3, skip, out, lock)))
    for w in ws:
        w.start()
    for w in ws:
        w.join()
    print("\n".join(sorted(out)))
    print("broken:", barrier.broken, "waiting:", barrier.n_waiting)
    barrier.reset()
    del out[:]
    ws = [threading.Thread(target=phase_worker, args=(barrier, n, 2, None, out, lock)) for n in ("q0", "q1", "q2")]
    for w in ws:
        w.start()
    for w in ws:
        w.join()
    print("\n".join(sorted(out)))
    print("broken:", barrier.broken)


main()
