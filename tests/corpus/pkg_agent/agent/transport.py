# A fake hardware bus owned by one daemon thread; callers send a request and wait for the reply.
import threading as _th
import queue as q_mod
from time import sleep
from .util import wait_reply


class Bus:
    def __init__(self):
        self.requests = q_mod.Queue()
        self.values = {"temp": 21, "hum": 40}
        self.transactions = 0
        self.thread = _th.Thread(target=self._serve, name="bus", daemon=True)

    def open(self):
        self.thread.start()

    def _serve(self):
        while True:
            key, reply = self.requests.get()
            sleep(0.0005)
            self.transactions += 1
            reply.put(self.values.get(key, 0))

    def request(self, key):
        reply = q_mod.Queue(maxsize=1)
        self.requests.put((key, reply))
        return wait_reply(reply)
