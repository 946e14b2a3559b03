# Names shadowed locally are not the module: a parameter, a local and a global called `time`.
import time
import queue

time_taken = 0


def uses_param(time):
    time.sleep(1)  # `time` is the parameter here (a plain object): not converted


def uses_local():
    queue = {"a": 1}
    return queue.get("a")


def real():
    time.sleep(0.5)


class Clock:
    def sleep(self, s):
        return s


uses_param(Clock())
uses_local()
