# Several producers and several consumers on one Queue, one sentinel per consumer.
# Exercises: many-to-many Queue traffic, a Lock guarding a shared dict, sentinels sent only after
# every producer was joined, per-sensor totals printed in sorted order (which consumer handled which
# item is scheduling-dependent and is never printed).
import threading
import queue
import time

STOP = object()


def sensor(name, q, count):
    for seq in range(count):
        q.put((name, seq, (seq + 1) * len(name)))
        if seq % 3 == 0:
            time.sleep(0.001)


def collector(q, totals, counts, lock):
    while True:
        msg = q.get()
        if msg is STOP:
            return
        name, seq, value = msg
        with lock:
            totals[name] = totals.get(name, 0) + value
            counts[name] = counts.get(name, 0) + 1


def main():
    q = queue.Queue(maxsize=5)
    totals = {}
    counts = {}
    lock = threading.Lock()
    consumers = []
    for i in range(2):
        t = threading.Thread(target=collector, args=(q, totals, counts, lock), name="collector-%d" % i)
        t.start()
        consumers.append(t)
    producers = []
    for name in ["temp", "humidity", "co2"]:
        t = threading.Thread(target=sensor, args=(name, q, 7), name="sensor-" + name)
        t.start()
        producers.append(t)
    for t in producers:
        t.join()
    print("producers done")
    for _ in consumers:
        q.put(STOP)
    for t in consumers:
        t.join()
    for name in sorted(totals):
        print(name, "count", counts[name], "total", totals[name])
    print("grand total", sum(totals.values()))


main()
