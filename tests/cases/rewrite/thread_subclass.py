# Thread subclasses: `run` is a task body; their `join` blocks; a subclass overriding join.
import threading
import queue
from threading import Thread


class Worker(threading.Thread):
    def __init__(self, q):
        super().__init__(daemon=True)
        self.q = q

    def run(self):
        while True:
            item = self.q.get()
            if item is None:
                return
            self.q.task_done()


class Patient(Thread):
    def run(self):
        print("patient")

    def join(self, timeout=None):
        print("joining")
        super().join(timeout)


def main():
    q = queue.Queue()
    w = Worker(q)
    w.start()
    q.put(1)
    q.join()
    q.put(None)
    w.join()
    p = Patient()
    p.start()
    p.join()


if __name__ == "__main__":
    main()


class TargetViaInit(threading.Thread):
    # The target given to Thread's own __init__ from a subclass: its parameters are fed by args.
    def __init__(self, q):
        threading.Thread.__init__(self, target=self.work, args=(q,), name="via-init")

    def work(self, q):
        q.put(q.get())


class TargetViaSuper(threading.Thread):
    def __init__(self, q):
        super().__init__(target=self.work, kwargs={"q": q})

    def work(self, q):
        q.put("done")


def start_both():
    jobs = queue.Queue()
    TargetViaInit(jobs).start()
    TargetViaSuper(jobs).start()
