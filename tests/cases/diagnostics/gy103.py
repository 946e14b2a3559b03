# GY103: a blocking call in a property (Python reads it without `await`).
import queue

q = queue.Queue()


class Thing:
    @property
    def value(self):
        return q.get()               # GY103
