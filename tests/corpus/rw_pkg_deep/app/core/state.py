import queue
import threading


class _Bus:
    def __init__(self):
        self.q = queue.Queue()
        self.lock = threading.Lock()
        self.sent = 0

    def publish(self, msg):
        with self.lock:
            self.sent += 1
        self.q.put(msg)

    def next(self, timeout=None):
        return self.q.get(timeout=timeout)


BUS = _Bus()
REGISTRY = {}


def register(name):
    def deco(fn):
        REGISTRY[name] = fn
        return fn
    return deco
