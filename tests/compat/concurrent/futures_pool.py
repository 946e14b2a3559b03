# compat: runs=green,thread,host
# concurrent.futures: a ThreadPoolExecutor worker pool (map, submit, as_completed, wait, callbacks,
# exceptions, timeouts, shutdown)
from concurrent.futures import ThreadPoolExecutor, as_completed, wait, FIRST_COMPLETED, ALL_COMPLETED
import concurrent.futures
import threading
import time


def sq(x):
    return x * x


def boom(x):
    raise ValueError("bad %d" % x)


with ThreadPoolExecutor(max_workers=2) as ex:
    print(list(ex.map(sq, range(5))))
with ThreadPoolExecutor(max_workers=3, thread_name_prefix="job") as ex:
    fs = [ex.submit(sq, i) for i in range(6)]
    print(sorted(f.result() for f in as_completed(fs)))
    names = ex.submit(lambda: threading.current_thread().name).result()
    print(names.startswith("job_"))
    f = ex.submit(boom, 3)
    print(type(f.exception()).__name__, f.exception(), f.done())
    try:
        f.result()
    except ValueError as e:
        print("raised", e)
    seen = []
    called = threading.Event()
    g = ex.submit(sq, 7)
    g.add_done_callback(lambda fut: (seen.append(fut.result()), called.set()))
    g.result()
    called.wait(5)
    print(seen, g.done(), g.cancel(), g.cancelled())
    slow = ex.submit(time.sleep, 0.3)
    done, not_done = wait([slow, g], return_when=FIRST_COMPLETED)
    print(len(done) >= 1, g in done)
    done, not_done = wait([slow, g], timeout=2, return_when=ALL_COMPLETED)
    print(len(done), len(not_done))
    try:
        ex.submit(time.sleep, 1).result(timeout=0.05)
    except concurrent.futures.TimeoutError:
        print("timed out")
ex.shutdown()
try:
    ex.submit(sq, 1)
except RuntimeError as e:
    print(e)
print(threading.active_count() >= 1)
