# GY102: a blocking call in a special method (Python calls them without `await`).
import queue
import time

q = queue.Queue()


class Thing:
    def __init__(self):
        time.sleep(0.1)              # fine: a blocking constructor is converted (`__gy.new`)

    def __str__(self):
        return str(q.get())          # GY102

    def __call__(self):
        return q.get()               # fine: the program calls it, so it can await it
