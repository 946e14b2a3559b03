# Every way agents import time.sleep, plus names that merely look like it.
# Exercises: `import time`, `import time as t`, `from time import sleep`,
# `from time import sleep as zz` each used in a different thread function; parameters and locals
# named `time`, `t` and `sleep` that shadow the module names (these are plain values, not the
# module) and must not be treated as blocking.
import threading
import time
import time as t
from time import sleep
from time import sleep as zz

order = []
lock = threading.Lock()


def note(msg):
    with lock:
        order.append(msg)


def uses_time():
    time.sleep(0.001)
    note("time.sleep")


def uses_alias():
    t.sleep(0.001)
    note("t.sleep")


def uses_from():
    sleep(0.001)
    note("sleep")


def uses_from_alias():
    zz(0.001)
    note("zz")


def fmt_duration(time):
    return "took " + str(time) + "ms"


def double(t):
    return t * 2


def configure(sleep=5):
    return {"sleep": sleep}


class Clock:
    def sleep(self, n):
        return "pretend to sleep %d" % n


def main():
    threads = []
    for fn in (uses_time, uses_alias, uses_from, uses_from_alias):
        th = threading.Thread(target=fn, name=fn.__name__)
        threads.append(th)
        th.start()
    for th in threads:
        th.join()
    print(sorted(order))
    print(fmt_duration(12), double(21), configure(), configure(sleep=1))
    clock = Clock()
    print(clock.sleep(3))
    zz(0.002)
    t.sleep(0.001)
    print("main slept too")


main()
