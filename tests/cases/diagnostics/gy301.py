# GY301: a receiver nothing in SRC gives a value, with a method name that blocks on a kind the
# program builds: left plain, with a warning.
import queue

jobs = queue.Queue()


def drain(box):
    return box.get()                 # GY301: `box` is never handed a value in SRC
