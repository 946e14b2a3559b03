# A Thread subclass polling one driver a fixed number of rounds into a sink queue.
import threading as th
from time import sleep as nap


class Poller(th.Thread):
    def __init__(self, driver, rounds, sink):
        super().__init__(name="poll-" + driver.name)
        self.driver = driver
        self.rounds = rounds
        self.sink = sink

    def run(self):
        for i in range(self.rounds):
            self.sink.put((self.driver.name, i, self.driver.read()))
            nap(0.001)
