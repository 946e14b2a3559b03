# A three-stage processing pipeline (parse -> validate -> store), two threads per stage, bounded
# queues between stages.
# Exercises: back-pressure through Queue(maxsize), sentinel propagation where the last worker of a
# stage to finish forwards the end marker (counted under a Lock), a shared "finished" counter per
# stage, rejected records collected separately, everything printed sorted.
import threading
import queue
import time

END = "END"


class Stage:
    def __init__(self, name, fn, inbox, outbox, workers):
        self.name = name
        self.fn = fn
        self.inbox = inbox
        self.outbox = outbox
        self.workers = workers
        self.finished = 0
        self.lock = threading.Lock()
        self.threads = []

    def start(self):
        for i in range(self.workers):
            t = threading.Thread(target=self.loop, name="%s-%d" % (self.name, i))
            t.start()
            self.threads.append(t)

    def loop(self):
        while True:
            item = self.inbox.get()
            if item == END:
                self.inbox.put(END)
                break
            out = self.fn(item)
            if out is not None:
                self.outbox.put(out)
        with self.lock:
            self.finished += 1
            last = self.finished == self.workers
        if last:
            self.outbox.put(END)

    def join(self):
        for t in self.threads:
            t.join()


rejected = []
rejected_lock = threading.Lock()


def parse(line):
    key, _, value = line.partition("=")
    time.sleep(0.0005)
    return (key.strip(), value.strip())


def validate(pair):
    key, value = pair
    if not value.isdigit():
        with rejected_lock:
            rejected.append(key)
        return None
    return (key, int(value))


def store(pair):
    return pair[0] + ":" + str(pair[1] * 10)


def main():
    q_raw = queue.Queue(maxsize=2)
    q_parsed = queue.Queue(maxsize=2)
    q_valid = queue.Queue(maxsize=2)
    q_done = queue.Queue()
    stages = [
        Stage("parse", parse, q_raw, q_parsed, 2),
        Stage("validate", validate, q_parsed, q_valid, 2),
        Stage("store", store, q_valid, q_done, 2),
    ]
    for s in stages:
        s.start()
    lines = ["temp = 21", "hum=40", "mode = eco", "lux= 300", "fan=on", "co2 = 410", "door=1"]
    for line in lines:
        q_raw.put(line)
    q_raw.put(END)
    stored = []
    while True:
        item = q_done.get()
        if item == END:
            break
        stored.append(item)
    for s in stages:
        s.join()
    print("stored:", sorted(stored))
    print("rejected:", sorted(rejected))
    print("finished:", [(s.name, s.finished) for s in stages])


main()
