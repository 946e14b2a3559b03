# Thread subclasses overriding run(), joined by the main thread.
# Exercises: super().__init__(name=...), Thread.__init__(self) old style, a subclass without a name
# (default "Thread-N"), run() calling a blocking helper method via self, results stored on the
# object, repr() of not-started and stopped threads, a subclass that keeps Thread's run() and a
# target, join of a list of subclass instances.
import threading
import time


class Fetcher(threading.Thread):
    def __init__(self, url, delay):
        super().__init__(name="fetch-" + url)
        self.url = url
        self.delay = delay
        self.result = None

    def download(self):
        time.sleep(self.delay)
        return len(self.url) * 10

    def run(self):
        self.result = self.download()


class Ticker(threading.Thread):
    def __init__(self, ticks):
        threading.Thread.__init__(self)
        self.ticks = ticks
        self.seen = []

    def run(self):
        for i in range(self.ticks):
            time.sleep(0.001)
            self.seen.append(i)


class Labelled(threading.Thread):
    """Keeps Thread.run(): the target does the work."""

    def __init__(self, label, target, args):
        super().__init__(target=target, args=args, name=label)


def slow_square(n, out):
    time.sleep(0.002)
    out.append(n * n)


def main():
    fetchers = [Fetcher("a.example", 0.004), Fetcher("bb.example", 0.001), Fetcher("ccc.example", 0.002)]
    print(repr(fetchers[0]))
    for f in fetchers:
        f.start()
    for f in fetchers:
        f.join()
    for f in fetchers:
        print(f.name, f.result, f.is_alive())
    print(repr(fetchers[1]))

    t = Ticker(5)
    print("ticker name:", t.name)
    t.start()
    t.join()
    print("ticker saw", t.seen)

    out = []
    lab = Labelled("labelled", slow_square, (7, out))
    lab.start()
    lab.join()
    print(lab.name, out)


main()
