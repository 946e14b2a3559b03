# A shared bus guarded by an RLock (drivers may hold it across several transfers).
import threading
import time


class SharedBus:
    def __init__(self):
        self.lock = threading.RLock()
        self.transactions = 0

    def transfer(self, addr, nbytes):
        with self.lock:
            time.sleep(0.0005)
            self.transactions += 1
            return (addr * 7 + nbytes * 3) % 100
