# Queues as class attributes (`class Bus: inbox = queue.Queue()`) used through the class, the
# instance and a classmethod; a Queue subclass with extra blocking methods (get_many, drain_until);
# a Thread subclass calling super().__init__(daemon=True, name=...) whose run() loops over a
# method that blocks; conditional imports (try: import queue / except ImportError), `import time as
# _t`, `from time import sleep`, sleep stored in variables and attributes and called later.
try:
    import queue
except ImportError:
    import Queue as queue
try:
    from threading import Thread, Event, Lock
except ImportError:
    Thread = Event = Lock = None
import time as _t
from time import sleep

delay = _t.sleep
PAUSE = 0.002


class BatchQueue(queue.Queue):
    def get_many(self, n, timeout=None):
        out = [self.get(timeout=timeout)]
        while len(out) < n:
            out.append(self.get())
        return out

    def drain_until(self, stop_item):
        got = []
        while True:
            item = self.get()
            if item == stop_item:
                return got
            got.append(item)

    def put_all(self, items):
        for it in items:
            self.put(it)
            delay(PAUSE)


class Bus:
    inbox = BatchQueue()
    outbox = queue.Queue()
    count = 0

    @classmethod
    def send(cls, msg):
        cls.inbox.put(msg)

    @classmethod
    def reply(cls, msg):
        Bus.count += 1
        cls.outbox.put(msg)

    def receive(self):
        return self.outbox.get()


class Worker(Thread):
    def __init__(self, name, bus, nap=sleep):
        super().__init__(daemon=True, name=name)
        self.bus = bus
        self.nap = nap
        self.handled = 0

    def next_batch(self):
        return self.bus.inbox.get_many(2, timeout=2)

    def run(self):
        while True:
            batch = self.next_batch()
            self.nap(PAUSE)
            for m in batch:
                if m is None:
                    Bus.reply(("bye", self.name, self.handled))
                    return
                self.handled += 1
                Bus.reply((m * 10, self.name))


class Collector(Thread):
    def __init__(self, q):
        Thread.__init__(self, name="collector")
        self.q = q
        self.result = None

    def run(self):
        self.result = self.q.drain_until("end")


def main():
    bus = Bus()
    w = Worker("w1", bus)
    w.start()
    for i in range(1, 5):
        Bus.send(i)
    outs = []
    for _ in range(4):
        outs.append(bus.receive())
    print("outs", outs)
    bus.send(None)
    bus.send(None)
    print("last", Bus.outbox.get(timeout=2))
    w.join()
    print("count", Bus.count, "alive", w.is_alive(), "daemon", w.daemon, w.name)

    q = BatchQueue()
    c = Collector(q)
    c.start()
    q.put_all(["a", "b", "c", "end"])
    c.join()
    print("collected", c.result)

    ev = Event()
    lock = Lock()
    waits = []

    def ticker():
        n = 0
        while not ev.is_set():
            with lock:
                n += 1
            sleep(0.001)
            if n >= 3:
                ev.set()
        waits.append(n)

    t = Thread(target=ticker)
    t.start()
    while not ev.wait(0.01):
        pass
    t.join()
    print("ticks", waits)
    nap = Worker("w2", bus, nap=delay).nap
    nap(0.001)
    print("done")


if __name__ == "__main__":
    main()
