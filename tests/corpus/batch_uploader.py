# A batching uploader: producers append records, an uploader thread sends them in batches of
# three, waking on notify() when a batch is full and otherwise re-checking on a timed wait.
# Exercises: Condition.wait(timeout) in a loop (its False returns are expected and not printed),
# notify() from producers, a close() that flushes the partial last batch, the uploader blocking
# on a fake network call (sleep) outside the lock, producers running in lockstep with the uploader
# via an acknowledgement Queue so every batch boundary is fixed.
import threading
import queue
import time

BATCH = 3


class Uploader:
    def __init__(self):
        self.cond = threading.Condition()
        self.pending = []
        self.closed = False
        self.sent = []
        self.acks = queue.Queue()

    def add(self, record):
        with self.cond:
            self.pending.append(record)
            if len(self.pending) >= BATCH:
                self.cond.notify()

    def close(self):
        with self.cond:
            self.closed = True
            self.cond.notify()

    def send(self, batch):
        time.sleep(0.001)
        self.sent.append(batch)
        self.acks.put(len(batch))

    def run(self):
        while True:
            with self.cond:
                while len(self.pending) < BATCH and not self.closed:
                    self.cond.wait(0.005)
                batch = self.pending[:BATCH]
                del self.pending[:BATCH]
                done = self.closed and not self.pending
            if batch:
                self.send(batch)
            if done:
                return


def main():
    up = Uploader()
    t = threading.Thread(target=up.run, name="uploader")
    t.start()
    records = ["r%02d" % i for i in range(11)]
    for i, rec in enumerate(records):
        up.add(rec)
        if (i + 1) % BATCH == 0:
            print("batch acknowledged:", up.acks.get())
    up.close()
    print("last batch acknowledged:", up.acks.get())
    t.join()
    for b in up.sent:
        print("sent", b)
    print("pending:", up.pending)


main()
