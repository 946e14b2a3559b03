import threading
import queue
from .core import engine
from .core.state import BUS


class Service:
    def __init__(self, n):
        self.jobs = queue.Queue()
        self.results = []
        self.lock = threading.Lock()
        self.threads = [threading.Thread(target=self._work, name="svc-%d" % i) for i in range(n)]
        self.n = n

    def start(self):
        for t in self.threads:
            t.start()

    def submit(self, x):
        self.jobs.put(("ping" if x % 2 else "double", x))

    def _work(self):
        while True:
            job = self.jobs.get()
            if job is None:
                self.jobs.task_done()
                return
            kind, x = job
            with self.lock:
                # one job at a time through the shared bus so replies match requests
                r = engine.run_job(kind, x)
                self.results.append((kind, x, r))
            self.jobs.task_done()

    def finish(self):
        self.jobs.join()
        for _ in self.threads:
            self.jobs.put(None)
        for t in self.threads:
            t.join()
