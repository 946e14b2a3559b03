# A bounded buffer built on threading.Condition (the classic monitor pattern).
# Exercises: `with self.cond:` inside methods, Condition.wait() in while loops, notify_all(),
# a Condition over an explicit Lock, methods named put/get on a class that is not a Queue,
# two producers and two consumers, the fill level never exceeding the capacity.
import threading
import time


class BoundedBuffer:
    def __init__(self, capacity):
        self.capacity = capacity
        self.items = []
        self.high_water = 0
        self.cond = threading.Condition(threading.Lock())

    def put(self, item):
        with self.cond:
            while len(self.items) >= self.capacity:
                self.cond.wait()
            self.items.append(item)
            if len(self.items) > self.high_water:
                self.high_water = len(self.items)
            self.cond.notify_all()

    def get(self):
        with self.cond:
            while not self.items:
                self.cond.wait()
            item = self.items.pop(0)
            self.cond.notify_all()
            return item


def produce(buf, base, n):
    for i in range(n):
        buf.put(base + i)
        if i % 4 == 3:
            time.sleep(0.001)
    buf.put(None)


def consume(buf, got, lock):
    while True:
        item = buf.get()
        if item is None:
            break
        with lock:
            got.append(item)


def main():
    buf = BoundedBuffer(3)
    got = []
    lock = threading.Lock()
    threads = [
        threading.Thread(target=consume, args=(buf, got, lock), name="c1"),
        threading.Thread(target=consume, args=(buf, got, lock), name="c2"),
        threading.Thread(target=produce, args=(buf, 100, 12), name="p1"),
        threading.Thread(target=produce, args=(buf, 200, 12), name="p2"),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    got.sort()
    print("consumed", len(got), "items")
    print("first", got[:3], "last", got[-3:])
    print("sum", sum(got))
    print("high water within capacity:", buf.high_water <= buf.capacity)
    print("left in buffer:", len(buf.items))


main()
