# GY106: a blocking function (or runtime method) handed to code outside SRC, which calls it
# without `await`.
import atexit
import queue
import sys
import time

q = queue.Queue()


def slow_exit():
    time.sleep(0.1)


atexit.register(slow_exit)           # GY106


def outside(fn):
    return sorted([3, 1], key=fn)    # GY106 (sorted calls its key)


def blocking_key(x):
    q.put(x)
    return x


outside(blocking_key)


def on_error(*args):
    q.put(args)


sys.excepthook = on_error            # GY106 (stored on an object from outside SRC)


def drain():
    return list(iter(q.get, None))   # GY106 (a blocking runtime method handed over)
