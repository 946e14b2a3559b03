# A readers-writer lock built on Condition, protecting a configuration that is updated while
# readers take snapshots.
# Exercises: a class whose acquire_read/release_read/acquire_write/release_write use
# `with self.cond:` and wait_for(); try/finally around the guarded section; a writer-preferring
# policy; invariants (every snapshot consistent) printed instead of interleavings.
import threading
import time


class RWLock:
    def __init__(self):
        self.cond = threading.Condition()
        self.readers = 0
        self.writer = False
        self.waiting_writers = 0

    def acquire_read(self):
        with self.cond:
            self.cond.wait_for(lambda: not self.writer and self.waiting_writers == 0)
            self.readers += 1

    def release_read(self):
        with self.cond:
            self.readers -= 1
            if self.readers == 0:
                self.cond.notify_all()

    def acquire_write(self):
        with self.cond:
            self.waiting_writers += 1
            self.cond.wait_for(lambda: not self.writer and self.readers == 0)
            self.waiting_writers -= 1
            self.writer = True

    def release_write(self):
        with self.cond:
            self.writer = False
            self.cond.notify_all()


config = {"version": 0, "a": 0, "b": 0}
rw = RWLock()
snapshots = []
snap_lock = threading.Lock()
max_readers = [0]


def reader(n):
    for _ in range(n):
        rw.acquire_read()
        try:
            with snap_lock:
                if rw.readers > max_readers[0]:
                    max_readers[0] = rw.readers
            a = config["a"]
            time.sleep(0.0005)
            b = config["b"]
            snap = (config["version"], a, b)
        finally:
            rw.release_read()
        with snap_lock:
            snapshots.append(snap)


def writer(n):
    for _ in range(n):
        rw.acquire_write()
        try:
            v = config["version"] + 1
            config["a"] = v
            time.sleep(0.0005)
            config["b"] = v * 2
            config["version"] = v
        finally:
            rw.release_write()
        time.sleep(0.001)


threads = [threading.Thread(target=reader, args=(6,), name="r%d" % i) for i in range(3)]
threads += [threading.Thread(target=writer, args=(4,), name="w%d" % i) for i in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
consistent = True
for version, a, b in snapshots:
    if a != version or b != 2 * version:
        consistent = False
print("snapshots:", len(snapshots), "consistent:", consistent)
print("final version:", config["version"], config["a"], config["b"])
print("readers now:", rw.readers, "writer now:", rw.writer, "max readers <= 3:", max_readers[0] <= 3)
