# Blocking library functions used as values, not called where they are named: a thread whose
# target is `time.sleep`, `{"nap": time.sleep}["nap"](...)`, `sleep` kept in a list, a tuple of
# (function, args) jobs, a default argument and an attribute.
import threading
import time
from time import sleep

order = []
lock = threading.Lock()


def note(what):
    with lock:
        order.append(what)


class Pacer:
    def __init__(self, delay):
        self.delay = delay
        self.pause = time.sleep

    def step(self, what):
        self.pause(self.delay)
        note(what)


def run_jobs(jobs, wait=time.sleep):
    for fn, args in jobs:
        fn(*args)
    wait(0.001)
    note("jobs done")


def main():
    napper = threading.Thread(target=time.sleep, args=(0.01,))
    napper.start()
    note("napper started")
    {"nap": time.sleep, "say": note}["nap"](0.002)
    note("dict nap done")
    waits = [sleep, time.sleep]
    for w in waits:
        w(0.001)
    note("list naps done")
    run_jobs([(time.sleep, (0.001,)), (note, ("job note",))])
    Pacer(0.001).step("paced")
    napper.join()
    note("napper joined")
    print(order, napper.is_alive())


main()
