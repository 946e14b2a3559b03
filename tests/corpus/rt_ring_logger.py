# Ring-buffer logger shared by threads: a fixed-size ring guarded by an RLock (log() re-entered from a
# nested helper), overflow dropping the oldest lines in a single-threaded phase, `threading.local`
# subclass holding a per-thread request id (set in __init__, changed per request), the current
# thread's name in every line, a daemon flusher thread woken by a Condition and acknowledging each
# flush with an Event, left blocked at exit; each thread's lines printed grouped by thread.
import threading
from threading import current_thread


class Context(threading.local):
    def __init__(self):
        self.request_id = "-"
        self.depth = 0


ctx = Context()


class RingLog:
    def __init__(self, capacity):
        self.capacity = capacity
        self.buf = [None] * capacity
        self.head = 0
        self.count = 0
        self.dropped = 0
        self.lock = threading.RLock()
        self.wake = threading.Condition(self.lock)
        self.flush_asked = False
        self.flushed = threading.Event()
        self.sink = []

    def log(self, msg):
        with self.lock:
            line = "[%s] %s%s: %s" % (current_thread().name, "  " * ctx.depth, ctx.request_id, msg)
            if self.count == self.capacity:
                self.head = (self.head + 1) % self.capacity
                self.count -= 1
                self.dropped += 1
            self.buf[(self.head + self.count) % self.capacity] = line
            self.count += 1
            if self.count * 2 > self.capacity * 3:
                self.log("never: ring cannot be over 150%")

    def _drain(self):
        lines = []
        while self.count:
            lines.append(self.buf[self.head])
            self.buf[self.head] = None
            self.head = (self.head + 1) % self.capacity
            self.count -= 1
        return lines

    def flush(self):
        with self.wake:
            self.flushed.clear()
            self.flush_asked = True
            self.wake.notify()
        self.flushed.wait()

    def flusher(self):
        while True:
            with self.wake:
                while not self.flush_asked:
                    self.wake.wait()
                self.flush_asked = False
                self.sink.extend(self._drain())
            self.flushed.set()


def nested(log, what):
    ctx.depth += 1
    try:
        log.log("begin " + what)
        with log.lock:
            log.log("inside lock " + what)
    finally:
        ctx.depth -= 1


def handle(log, request_ids, started):
    for rid in request_ids:
        ctx.request_id = rid
        log.log("start")
        nested(log, rid)
    started.wait()
    log.log("done, depth %d" % ctx.depth)


def print_grouped(lines):
    names = []
    for line in lines:
        name = line[1:line.index("]")]
        if name not in names:
            names.append(name)
    for name in sorted(names):
        for line in lines:
            if line[1:line.index("]")] == name:
                print(" ", line)


def main():
    log = RingLog(8)
    fl = threading.Thread(target=log.flusher, name="flusher", daemon=True)
    fl.start()
    for i in range(11):
        log.log("boot step %d" % i)
    print("count", log.count, "dropped", log.dropped)
    log.flush()
    for line in log.sink:
        print(" ", line)
    del log.sink[:]

    log2 = RingLog(capacity=64)
    fl2 = threading.Thread(target=log2.flusher, name="flusher-2")
    fl2.daemon = True
    fl2.start()
    go = threading.Event()
    workers = []
    for n, ids in enumerate((["r1", "r2"], ["r3"], ["r4", "r5"])):
        w = threading.Thread(target=handle, args=(log2, ids, go), name="worker-%d" % n)
        workers.append(w)
        w.start()
    ctx.request_id = "main-req"
    log2.log("workers started")
    go.set()
    for w in workers:
        w.join()
    log2.flush()
    print("lines", len(log2.sink), "dropped", log2.dropped)
    print_grouped(log2.sink)
    print("main ctx:", ctx.request_id, ctx.depth)
    print("flushers alive:", fl.is_alive(), fl2.is_alive(), fl2.daemon)


main()
