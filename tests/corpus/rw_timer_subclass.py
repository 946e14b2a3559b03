# Subclasses of runtime classes use what they inherit: a repeating Timer whose run() loops on
# `self.finished.wait(self.interval)` (an Event the Timer made), a Timer subclass and a Thread
# subclass whose run() wraps `super().run()` (which runs the blocking function or target), and
# `cancel()` through the inherited Event.
import threading
import time

ticks = []


class Repeat(threading.Timer):
    def run(self):
        n = 0
        while not self.finished.wait(self.interval):
            n += 1
            self.function(n, *self.args)
            if n == 3:
                self.finished.set()


class Logged(threading.Timer):
    def run(self):
        ticks.append("before " + self.name)
        super().run()
        ticks.append("after " + self.name)


class Wrapped(threading.Thread):
    def run(self):
        ticks.append("start")
        try:
            super().run()
        finally:
            ticks.append("end")


def tick(n, tag="r"):
    time.sleep(0.001)
    ticks.append("%s%d" % (tag, n))


def waiting_target(ev, out):
    ev.wait()
    out.append("target saw event")


def main():
    r = Repeat(0.002, tick, args=("x",))
    r.start()
    r.join()
    print(ticks, r.finished.is_set())
    del ticks[:]
    a = Logged(0.001, tick, args=(7,), kwargs={"tag": "l"})
    a.name = "logged"
    a.start()
    a.join()
    b = Logged(5.0, tick, args=(8,))
    b.name = "cancelled"
    b.start()
    b.cancel()
    b.join()
    print(ticks)
    del ticks[:]
    ev = threading.Event()
    out = []
    w = Wrapped(target=waiting_target, args=(ev, out))
    w.start()
    time.sleep(0.002)
    ev.set()
    w.join()
    print(ticks, out)


main()
