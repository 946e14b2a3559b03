# Everything that cannot be converted, each with its code.
import atexit
import threading
import queue
import time

q = queue.Queue()
lock = threading.Lock()
log = open("/dev/null", "w")


def in_lambda():
    cb = lambda: q.get()            # GY101
    return cb


class Thing:
    def __init__(self):
        time.sleep(0.1)              # GY102

    def __str__(self):
        return str(q.get())          # GY102

    @property
    def value(self):
        return q.get()               # GY103


def gen():
    while True:
        yield q.get()                # GY104


def comprehension():
    return [q.get() for _ in range(3)]   # GY105


def slow_exit():
    time.sleep(0.1)


atexit.register(slow_exit)           # GY106


def mixed_with():
    with lock, log:                  # GY107
        pass


def outside(fn):
    return sorted([3, 1], key=fn)


def blocking_key(x):
    q.put(x)
    return x


outside(blocking_key)                # GY106 (sorted calls its key)


def nested_class():
    class Local:
        item = q.get()               # GY108
    return Local
