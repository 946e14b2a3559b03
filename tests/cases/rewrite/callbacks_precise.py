# Which callables handed to other code are callbacks. Code that only formats, logs, compares,
# stores or counts a function does not call it: no GY106. Outside code that calls what it gets
# (`atexit.register`, `map`, `sorted(key=)`, `list.sort(key=)`, `Condition.wait_for` of a program
# lock wrapper...) gets an error for blocking functions, blocking library functions
# (`time.sleep`), `put` of a bounded Queue and classes whose constructor blocks; `put` of an
# unbounded queue never blocks, so it may be handed over.
import atexit
import logging
import queue
import threading
import time

log = logging.getLogger("app")
bounded = queue.Queue(2)
unbounded = queue.Queue()
simple = queue.SimpleQueue()


def slow():
    time.sleep(0.1)


def show(f):
    log.info("running %s", f)                    # no GY106
    logging.debug("fn %r", f)                    # no GY106
    text = "job {} {}".format(f, f.__name__)     # no GY106
    joined = ", ".join([repr(f), str(f)])        # no GY106
    err = ValueError("bad", f)                   # no GY106
    return text, joined, err, f == slow, id(f), {f: 1}, hash(f)


class Link:
    def __init__(self, host):
        self.lock = threading.Lock()
        with self.lock:                          # a blocking constructor
            self.host = host


def handed():
    atexit.register(slow)                        # GY106
    atexit.register(time.sleep, 1)               # GY106: time.sleep
    atexit.register(unbounded.put, "bye")        # fine: cannot block
    atexit.register(simple.put, "bye")           # fine: cannot block
    list(map(bounded.put, [1, 2, 3]))            # GY106: may block
    links = list(map(Link, ["a", "b"]))          # GY106: a blocking constructor
    items = [slow]
    items.sort(key=lambda f: f.__name__)         # fine: the key does not block
    names = sorted(items, key=slow_key)          # GY106
    items.sort(key=slow_key)                     # GY106
    return links, names


def slow_key(f):
    time.sleep(0.01)
    return f.__name__


show(slow)
handed()


try:
    from fastlib import register                 # outside SRC, when installed
except ImportError:
    def register(cb):
        cb()


def registered():
    register(slow)                               # GY106 names `fastlib.register`
