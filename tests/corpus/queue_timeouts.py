# Queue timeouts and non-blocking forms.
# Exercises: get(timeout=...) raising queue.Empty, get(False)/get(block=False)/get_nowait() raising
# Empty, put_nowait()/put(False) raising Full on a bounded queue, put(timeout=...) raising Full,
# full()/empty()/qsize(), a put() that blocks until a consumer makes room, a consumer loop that
# polls with get(timeout) and stops on a flag. `tries` calls both a blocking nested function and
# lambdas using only the non-blocking forms (get(False), put(x, False), put_nowait...).
import threading
import queue
import time


def tries(label, fn):
    try:
        r = fn()
        print(label, "->", r)
    except queue.Empty:
        print(label, "-> Empty")
    except queue.Full:
        print(label, "-> Full")


def slow_taker(q, out):
    time.sleep(0.005)
    out.append(q.get())


def poller(q, stop, seen):
    while True:
        try:
            item = q.get(timeout=0.002)
        except queue.Empty:
            if stop.is_set():
                return
            continue
        seen.append(item)


def main():
    q = queue.Queue(maxsize=2)

    def get_with_timeout():
        return q.get(timeout=0.01)

    tries("get timeout", get_with_timeout)
    tries("get False", lambda: q.get(False))
    tries("get block=False", lambda: q.get(block=False))
    tries("get_nowait", q.get_nowait)
    q.put_nowait("a")
    q.put("b", block=False)
    print("full:", q.full(), "size:", q.qsize())
    tries("put_nowait", lambda: q.put_nowait("c"))
    tries("put False", lambda: q.put("c", False))
    try:
        q.put("c", timeout=0.01)
    except queue.Full:
        print("put timeout -> Full")

    out = []
    t = threading.Thread(target=slow_taker, args=(q, out))
    t.start()
    q.put("c")
    t.join()
    print("taken:", out, "now:", q.get(), q.get(), "empty:", q.empty())

    q2 = queue.Queue()
    stop = threading.Event()
    seen = []
    p = threading.Thread(target=poller, args=(q2, stop, seen), name="poller")
    p.start()
    for i in range(4):
        q2.put(i)
        time.sleep(0.003)
    while not q2.empty():
        time.sleep(0.001)
    stop.set()
    p.join()
    print("poller saw:", seen)


main()
