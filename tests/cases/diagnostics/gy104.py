# GY104: a blocking call in a generator function (MicroPython has no async generators).
import queue

q = queue.Queue()


def gen():
    while True:
        yield q.get()                # GY104
