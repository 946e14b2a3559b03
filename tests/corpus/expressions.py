# Blocking calls in every kind of expression position (where `await` needs parentheses or care).
# Exercises: q.get() as a receiver (`q.get().upper()`, `q.get()[0]`), in arithmetic and unary minus,
# in comparisons and `not`, in boolean short-circuits (the right side must only block when
# reached), in conditional expressions, as call arguments and keyword arguments, in f-strings,
# in return statements, in augmented assignment, in subscripts, chained through a colored method
# returning an object whose method also blocks, and a blocking call inside try/except/finally.
import threading
import queue
import time


class Box:
    def __init__(self, q):
        self.q = q

    def next(self):
        return self.q.get()

    def pair(self):
        return Box(self.q)


def feeder(q, items):
    for it in items:
        q.put(it)


def double(x, scale=1):
    return x * 2 * scale


def main():
    q = queue.Queue()
    ev = threading.Event()
    items = ["alpha", [7, 8], 5, 6, 3, 4, 10, "x", 2, 9, "one", 100, 1, 100, "tail", "end", 12]
    t = threading.Thread(target=feeder, args=(q, items))
    t.start()
    print(q.get().upper())
    print(q.get()[0])
    print(q.get() + q.get() * 2)
    print(-q.get())
    print(q.get() > 3, not ev.wait(0.001))
    flag = False
    r = flag and q.get()
    print("short-circuit:", r, q.qsize() >= 0)
    y = q.get() if not flag else None
    print("conditional:", y)
    print("argument:", double(q.get(), scale=q.get()))
    print(f"f-string: {q.get()} and {q.get()!r}")
    total = 0
    total += q.get()
    print("augmented:", total)
    table = {1: "one", 100: "hundred"}
    print("subscript:", table[q.get()], table[q.get()])
    box = Box(q)
    print("chained:", box.pair().next(), Box(q).pair().pair().next())
    try:
        v = q.get(timeout=0.01)
        print("got", v)
        q.get(timeout=0.005)
    except queue.Empty:
        print("empty in try")
    finally:
        time.sleep(0.001)
        print("finally ran")
    t.join()
    print("done, left:", q.qsize())


main()
