# Subclasses of runtime classes. Their inherited methods block (`inbox.put`, `self.get`, `w.join`)
# even when only module top-level code uses them, so that nothing but the classes' bases is
# learnt after the first pass. Attributes SRC stores on a Thread subclass (`self.q`, `self.nap`)
# hide Thread's own attributes: calls through them get no `__gy.maybe`.
import queue
import threading
import time


class Inbox(queue.Queue):
    def get_two(self):
        return [self.get(), self.get()]


class Worker(threading.Thread):
    def __init__(self, q, nap=time.sleep):
        super().__init__(daemon=True)
        self.q = q
        self.nap = nap

    def run(self):
        self.nap(0.01)
        print(self.q.get_two())


inbox = Inbox()
w = Worker(inbox)
w.start()
inbox.put(1)
inbox.put(2)
w.join()
