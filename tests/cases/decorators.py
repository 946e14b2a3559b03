# Decorators: staticmethod/classmethod and pass-through decorators of SRC are fine; a wrapper that
# calls the function becomes async too; an unknown decorator on a blocking function is a warning.
import functools
import time
import contextlib

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
