# Star imports of two outside modules greenify knows: each name it knows comes from its own
# module (`Thread` from threading, `sleep` from time), so `Thread(target=worker)` is a thread and
# `sleep` needs no adapter. Names it does not know (`active_count`) stay plain.
from time import *
from threading import *


def worker(lock):
    with lock:
        sleep(0.01)


def main():
    t = Thread(target=worker, args=(Lock(),))
    t.start()
    t.join()
    print(active_count())


main()
