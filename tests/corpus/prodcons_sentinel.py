# Producer/consumer over queue.Queue with a None sentinel.
# Exercises: `import threading`, `import queue`, `import time`; Queue.put/get between two threads;
# a sentinel ends the consumer; Thread(target=..., args=...); join; time.sleep in the producer.
# Only the single consumer prints while both threads run, so its FIFO order is the output order.
import threading
import queue
import time

SENTINEL = None


def producer(q, readings):
    for r in readings:
        time.sleep(0.002)
        q.put(r)
    q.put(SENTINEL)


def consumer(q, out):
    total = 0
    while True:
        item = q.get()
        if item is SENTINEL:
            break
        total += item
        print("consumer got", item, "running total", total)
    out.append(total)


def main():
    q = queue.Queue()
    out = []
    readings = [3, 1, 4, 1, 5, 9, 2, 6]
    c = threading.Thread(target=consumer, args=(q, out), name="consumer")
    p = threading.Thread(target=producer, args=(q, readings), name="producer")
    c.start()
    p.start()
    p.join()
    c.join()
    print("final total", out[0])
    print("queue empty:", q.empty(), "size:", q.qsize())
    print("alive after join:", p.is_alive(), c.is_alive())


if __name__ == "__main__":
    main()
