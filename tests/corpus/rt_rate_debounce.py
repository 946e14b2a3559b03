# Token-bucket rate limiter on a Condition (`wait_for(pred, timeout)` returning False when throttled,
# refill → notify_all, waiters counted so the test knows they are parked), a debounced sensor whose
# Timer is cancelled and re-created on every trigger (only the last value of a burst fires, the
# timers' `Thread-N` names), Timer kwargs, `finished` Event and `interval`; kwargs-heavy constructors.
import threading
import time


class TokenBucket:
    def __init__(self, capacity, tokens=None):
        self.capacity = capacity
        self.tokens = capacity if tokens is None else tokens
        self.cond = threading.Condition(threading.Lock())
        self.waiting = 0
        self.granted = []

    def take(self, who, n=1, timeout=None):
        with self.cond:
            self.waiting += 1
            ok = self.cond.wait_for(lambda: self.tokens >= n, timeout=timeout)
            self.waiting -= 1
            if ok:
                self.tokens -= n
                self.granted.append(who)
            return ok

    def refill(self, n):
        with self.cond:
            self.tokens = min(self.capacity, self.tokens + n)
            self.cond.notify_all()

    def parked(self):
        with self.cond:
            return self.waiting


def client(bucket, name, n, timeout, out):
    ok = bucket.take(name, n=n, timeout=timeout)
    out[name] = ok


def wait_until(pred):
    while not pred():
        time.sleep(0.001)


class Debouncer:
    def __init__(self, delay, *, on_fire):
        self.delay = delay
        self.on_fire = on_fire
        self.timer = None
        self.lock = threading.Lock()
        self.created = 0

    def trigger(self, value):
        with self.lock:
            if self.timer is not None:
                self.timer.cancel()
            self.timer = threading.Timer(self.delay, self._fire, args=(value,), kwargs={"seq": self.created})
            self.created += 1
            self.timer.start()
            return self.timer

    def _fire(self, value, seq=0):
        self.on_fire(value, seq, threading.current_thread().name)


fired = []
fired_ev = threading.Event()


def on_fire(value, seq, tname):
    fired.append((value, seq, tname))
    fired_ev.set()


def main():
    bucket = TokenBucket(capacity=3)
    out = {}
    for i in range(3):
        client(bucket, "fast%d" % i, 1, None, out)
    print("burst granted:", bucket.granted, "tokens left:", bucket.tokens)
    t = threading.Thread(target=client, name="late", kwargs=dict(bucket=bucket, name="late", n=1, timeout=0.02, out=out))
    t.start()
    t.join()
    print("late throttled:", out["late"] is False)

    threads = []
    for i, need in enumerate((2, 1)):
        th = threading.Thread(target=client, args=(bucket, "w%d" % i, need, 2.0, out), name="w%d" % i)
        threads.append(th)
        th.start()
    wait_until(lambda: bucket.waiting == 2)
    print("parked:", bucket.parked())
    bucket.refill(1)
    wait_until(lambda: len(bucket.granted) == 4)
    print("after refill 1:", bucket.granted[3:], "tokens", bucket.tokens, "parked", bucket.parked())
    bucket.refill(5)
    for th in threads:
        th.join()
    print("after refill 5:", sorted(bucket.granted[3:]), "tokens", bucket.tokens)
    print("results:", sorted(out.items()))

    deb = Debouncer(0.1, on_fire=on_fire)
    timers = []
    for v in (10, 11, 12, 13, 14):
        timers.append(deb.trigger(v))
    fired_ev.wait(2)
    fired_ev.clear()
    for tm in timers:
        tm.join()
    print("burst fired:", fired)
    print("finished flags:", [tm.finished.is_set() for tm in timers], "interval", timers[0].interval)
    tm = deb.trigger(20)
    fired_ev.wait(2)
    fired_ev.clear()
    tm.join()
    tm = deb.trigger(21)
    tm.join()
    print("spaced fired:", fired[1:])
    print("names:", [tm.name for tm in timers])
    print("active:", threading.active_count())


main()
