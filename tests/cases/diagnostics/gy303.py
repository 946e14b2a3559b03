# GY303: a call through an attribute of a SRC object that is never set to a function in SRC:
# left plain, with a warning.
import time


class Worker:
    def run(self):
        self.on_done()               # GY303: nothing in SRC sets `on_done`


def slow():
    time.sleep(0.1)
