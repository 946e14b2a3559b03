# concurrent.futures in script and function styles. Exercises: a top-level
# `with ThreadPoolExecutor(max_workers=4) as ex:` whose body iterates `ex.map(...)` over a blocking
# function (results in input order whatever order they finish in), `list(ex.map(f, a, b))` with
# two iterables inside a function, `for r in ex.map(...)` in a function with an exception raised at
# its turn, `as_completed` order driven by sleeps, worker names from `thread_name_prefix`, an
# initializer, `shutdown(wait=False)` then `shutdown()`, `cancel()` of queued work,
# `Future.done()/running()/cancelled()`, and a Future made and completed by hand.
import threading
import time
from concurrent.futures import ThreadPoolExecutor, as_completed, Future, CancelledError

gate = threading.Event()


def slow_square(x):
    time.sleep(0.01 * (3 - x % 3))
    return x * x


def add(a, b):
    time.sleep(0.002)
    return a + b


def check(x):
    time.sleep(0.002)
    if x == 3:
        raise ValueError("bad %d" % x)
    return x


def names_of_workers(prefix):
    seen = []
    lock = threading.Lock()

    def who(i):
        with lock:
            time.sleep(0.001)
            seen.append(threading.current_thread().name.startswith(prefix))
        return i

    with ThreadPoolExecutor(max_workers=2, thread_name_prefix=prefix, initializer=gate.set) as ex:
        total = sum(ex.map(who, range(5)))
    print("workers named", all(seen), "total", total, "initializer ran", gate.is_set())


def in_function():
    with ThreadPoolExecutor(max_workers=3) as ex:
        print("sums", list(ex.map(add, [1, 2, 3], [10, 20, 30])))
        try:
            for r in ex.map(check, [1, 2, 3, 4]):
                print("checked", r)
        except ValueError as e:
            print("map raised", e)
        order = []
        futs = {ex.submit(time.sleep, 0.03): "long", ex.submit(time.sleep, 0.001): "short"}
        for f in as_completed(futs):
            order.append(futs[f])
        print("completed order", order)


def cancelling():
    ex = ThreadPoolExecutor(max_workers=1)
    first = ex.submit(time.sleep, 0.02)
    queued = ex.submit(add, 1, 1)
    print("queued cancel", queued.cancel(), queued.cancelled(), queued.done())
    try:
        queued.result()
    except CancelledError:
        print("result of cancelled: CancelledError")
    ex.shutdown(wait=False)
    print("first done yet", first.done())
    ex.shutdown()
    print("first done now", first.done(), first.result())


with ThreadPoolExecutor(max_workers=4) as ex:
    for x, sq in zip(range(6), ex.map(slow_square, range(6))):
        print("square", x, sq)
names_of_workers("pool")
in_function()
cancelling()
f = Future()
print("hand-made running", f.running(), f.done())
f.set_result("ok")
print("hand-made", f.done(), f.result())
