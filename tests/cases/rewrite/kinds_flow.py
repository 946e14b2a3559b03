# Receiver kinds inferred through variables, attributes, parameters (direct calls, Thread args and
# kwargs, Timer args), return values and container elements.
import threading
import queue

jobs = queue.Queue()          # a global


def make_queue():
    return queue.Queue(10)    # a return value


class Pool:
    def __init__(self, n):
        self.inbox = make_queue()             # attribute from a return value
        self.done = threading.Event()
        self.threads = [threading.Thread(target=self.work, args=(i,)) for i in range(n)]
        self.table = {"main": jobs}

    def work(self, i):
        while not self.done.is_set():
            item = self.inbox.get()           # attribute read in another method
            self.table["main"].put(item)      # dict element

    def stop(self):
        self.done.set()
        for t in self.threads:                # list element
            t.join()


def consume(src, dst, *, label):
    dst.put((label, src.get()))               # parameters fed by Thread args and kwargs


def tick(box):
    box.put("tick")                           # parameter fed by Timer args


def relay(a, b):
    a.put(b.get())                            # parameters fed by a direct call


def main():
    pool = Pool(2)
    out = queue.Queue()
    worker = threading.Thread(target=consume, args=(jobs,), kwargs={"dst": out, "label": "w"})
    timer = threading.Timer(0.1, tick, [out])
    pair = (worker, timer)
    for t in pair:
        t.start()
    relay(out, jobs)
    first, second = pair
    first.join()
    second.join()
    pool.stop()
    never_blocks = {"k": 1}
    return never_blocks.get("k")


def fill(q, out):
    out.append(q.get())


def start_fill():
    # Thread kwargs: each named value reaches its own parameter (`q.get` needs no adapter).
    items, jobs = [], queue.Queue()
    threading.Thread(target=fill, kwargs={"q": jobs, "out": items}).start()
