# The Agent: a worker pool taking command lines from an inbox and replying on an outbox.
import threading
import queue
from .transport import Bus as _Bus
from .handlers import build_registry
from . import util


class Context:
    def __init__(self, bus, settings):
        self.bus = bus
        self.settings = settings


class Agent:
    def __init__(self, settings):
        self.settings = settings
        self.inbox = queue.Queue()
        self.outbox = queue.Queue()
        self.ctx = Context(_Bus(), settings)
        self.registry = build_registry()
        self.workers = []

    def start(self):
        self.ctx.bus.open()
        for i in range(self.settings["workers"]):
            t = threading.Thread(target=self._work, name="agent-w%d" % i)
            t.start()
            self.workers.append(t)

    def submit(self, line):
        self.inbox.put(line)

    def _work(self):
        while True:
            line = self.inbox.get()
            if line is None:
                return
            parts = line.split()
            handler = self.registry.get(parts[0])
            if handler is None:
                result = "unknown command"
            else:
                result = handler(self.ctx, parts[1:])
            self.outbox.put(line + " -> " + result)

    def collect(self, n):
        out = []
        for _ in range(n):
            out.append(self.outbox.get())
        out.sort()
        return out

    def stop(self):
        for _ in self.workers:
            self.inbox.put(None)
        for t in self.workers:
            t.join()
        util.pause(self.settings["settle_ms"])
