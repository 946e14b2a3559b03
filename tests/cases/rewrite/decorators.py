# Decorators: staticmethod/classmethod and pass-through decorators of SRC are fine; a wrapper that
# calls the function becomes async too; an unknown decorator on a blocking function is a warning.
import functools
import time
import contextlib
import queue

registry = {}


def register(fn):
    registry[fn.__name__] = fn
    return fn


def logged(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        print("call", fn.__name__)
        return fn(*args, **kwargs)
    return wrapper


@register
def nap():
    time.sleep(0.1)


@logged
def slow_add(a, b):
    time.sleep(0.1)
    return a + b


@contextlib.contextmanager
def plain_cm():
    yield 1


@functools.lru_cache(maxsize=None)
def cached_sleep(s):
    time.sleep(s)


def main():
    nap()
    registry["nap"]()
    print(slow_add(1, 2))
    cached_sleep(0)
    with plain_cm():
        pass


class counted:
    # A class as decorator: calls of the decorated def go through `__call__`, which blocks
    # because `self.fn` does.
    def __init__(self, fn):
        self.fn = fn
        self.calls = 0

    def __call__(self, *args):
        self.calls += 1
        return self.fn(*args)


@counted
def fetch(q):
    return q.get()


class Registry:
    # A class defined in a class body is an attribute of it.
    class Entry:
        def __init__(self):
            self.q = queue.Queue()

        def pull(self):
            return self.q.get()

    def first(self):
        return Registry.Entry().pull()


def use_counted():
    return fetch(queue.Queue())
