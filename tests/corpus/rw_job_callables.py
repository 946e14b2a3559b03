# Job queues of callables: blocking and plain functions, bound methods and lambdas put into a
# Queue as (fn, args, kwargs) and called by pool workers as `fn(*args, **kwargs)`; a method
# stored on the instance in __init__ (`self.step = self._step`) and called later; a nested def
# capturing self; `with self.lock as got`; bound runtime methods as thread targets
# (`Thread(target=ev.wait)`) and stored in variables (`w = ev.wait; w()`); Queue subclass
# instances used only through inherited methods.
import threading
import queue
import time


class Results(queue.Queue):
    pass


class Pool:
    def __init__(self, n):
        self.jobs = queue.Queue()
        self.results = Results()
        self.lock = threading.Lock()
        self.workers = []
        for i in range(n):
            t = threading.Thread(target=self._loop, name="pool-%d" % i, daemon=True)
            self.workers.append(t)
            t.start()

    def _loop(self):
        while True:
            fn, args, kwargs = self.jobs.get()
            try:
                value = fn(*args, **kwargs)
                self.results.put((args, value))
            except Exception as e:
                self.results.put((args, "error " + type(e).__name__))
            finally:
                self.jobs.task_done()

    def submit(self, fn, *args, **kwargs):
        self.jobs.put((fn, args, kwargs))

    def wait(self):
        self.jobs.join()
        out = []
        while not self.results.empty():
            out.append(self.results.get())
        return sorted(out, key=lambda r: repr(r[0]))


def slow_square(x, delay=0.002):
    time.sleep(delay)
    return x * x


def fails(x):
    raise ValueError(x)


class Counter:
    def __init__(self):
        self.lock = threading.Lock()
        self.n = 0
        self.step = self._step

    def _step(self, by):
        with self.lock as got:
            self.n += by
            return got

    def bump_later(self, by):
        def inner():
            time.sleep(0.001)
            return self.step(by)
        return inner()


def main():
    pool = Pool(3)
    c = Counter()
    pool.submit(slow_square, 3)
    pool.submit(slow_square, 4, delay=0.001)
    pool.submit(lambda x: x + 1, 10)
    pool.submit(c.bump_later, 5)
    pool.submit(c.step, 2)
    pool.submit(fails, 7)
    pool.submit(print, "printed by a worker")
    for r in pool.wait():
        print(r)
    print("counter", c.n)

    ev = threading.Event()
    t = threading.Thread(target=ev.wait, name="waiter")
    t.start()
    w = ev.wait
    print("before", w(0.001))
    ev.set()
    t.join()
    print("after", w(), t.is_alive())


if __name__ == "__main__":
    main()
