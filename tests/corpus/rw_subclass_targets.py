# Thread subclasses that hand a target to Thread's own __init__ (`threading.Thread.__init__(self,
# target=self.work, args=(q,))`, `super().__init__(target=self._run, kwargs={"q": q})`), a
# function stored as a class attribute and called as a method, `staticmethod(f)` and
# `classmethod(f)` called in a class body, methods reached through `type(self)` and
# `self.__class__`, Thread kwargs naming a queue and a list, a callable object (`__call__`)
# as a thread target, a template method whose subclass hook blocks.
import threading
import queue
import time


def shared_handler(self, x):
    time.sleep(0.001)
    return x + self.base


def _reset(cls, q):
    q.put(cls.__name__ + " reset")


class Device:
    handler = shared_handler
    pause = staticmethod(time.sleep)
    reset = classmethod(_reset)

    def __init__(self, base):
        self.base = base

    def read(self):
        self.pause(0.001)
        return self.handler(5)

    def read_twice(self):
        return type(self).read(self) + self.__class__.read(self)


class Fetcher(threading.Thread):
    def __init__(self, q):
        threading.Thread.__init__(self, target=self.work, args=(q,), name="fetcher")

    def work(self, q):
        q.put("fetched " + str(q.get()))


class Pusher(threading.Thread):
    def __init__(self, q):
        super().__init__(target=self._run, kwargs={"q": q}, daemon=False)

    def _run(self, q):
        time.sleep(0.001)
        q.put("pushed by " + threading.current_thread().name)


class Job:
    def __init__(self, q, n):
        self.q = q
        self.n = n

    def __call__(self):
        for i in range(self.n):
            self.q.put(i)
        self.q.put(None)


class Stage:
    def hook(self, x):
        return x

    def run_all(self, items):
        return self._loop(items)

    def _loop(self, items):
        out = []
        for x in items:
            out.append(self.hook(x))
        return out


class SlowStage(Stage):
    def hook(self, x):
        time.sleep(0.001)
        return x * 10


def collect(src=None, into=None):
    while True:
        item = src.get()
        if item is None:
            return
        into.append(item)


def main():
    d = Device(10)
    print("read", d.read(), "twice", d.read_twice())
    q = queue.Queue()
    Device.reset(q)
    d.reset(q)
    print(q.get(), "/", q.get())

    f = Fetcher(q)
    f.start()
    q.put(1)
    f.join()
    print(q.get(), f.name)
    p = Pusher(q)
    p.name = "pusher"
    p.start()
    p.join()
    print(q.get())

    got = []
    c = threading.Thread(target=collect, kwargs={"src": q, "into": got})
    c.start()
    j = threading.Thread(target=Job(q, 4))
    j.start()
    j.join()
    c.join()
    print("collected", got)
    print("stages", Stage().run_all([1, 2]), SlowStage().run_all([1, 2]))


if __name__ == "__main__":
    main()
