# Blocking results in every expression position: f-strings, `%` formatting, arithmetic and `**`,
# unary minus, chained comparisons, `or`/`and`, subscripts and attribute access on the result,
# calling the result, tuple unpacking, augmented assignment, keyword arguments, `*args` from a
# get, dict/list/tuple literals, `assert`, `del d[q.get()]`, a bound runtime method stored in a
# variable (`get = q.get`), explicit `Class.method(self)` calls, a staticmethod and a classmethod
# that block, `try: q.get(timeout=..) except queue.Empty`, locks looked up in a dict.
import threading
import queue
import time


class Msg:
    def __init__(self, v):
        self.v = v

    def double(self):
        return self.v * 2


class Box:
    locks = {"a": threading.Lock(), "b": threading.Lock()}

    def __init__(self):
        self.q = queue.Queue()

    def pull(self):
        return self.q.get()

    @staticmethod
    def nap():
        time.sleep(0.001)
        return "napped"

    @classmethod
    def guarded(cls, name, fn):
        with cls.locks[name]:
            return fn()


def feeder(q, items):
    for it in items:
        q.put(it)


def main():
    q = queue.Queue()
    items = [3, 4, Msg(5), (1, 2), [7, 8], {"k": "v"}, 2, 3, 10, 0, "key", 6, lambda: "called",
             (9, 10), 11, 12, "x", 13]
    t = threading.Thread(target=feeder, args=(q, items))
    t.start()
    print(f"first={q.get()} second={q.get()!r:>4}")
    print("double %d" % q.get().double())
    a, b = q.get()
    print("unpacked", a, b, "index", q.get()[1], "key", q.get()["k"])
    print("power", q.get() ** 2, "neg", -q.get(), "chain", 0 < q.get() < 100)
    print("or", q.get() or "zero")
    d = {"key": 1, "other": 2}
    del d[q.get()]
    print("after del", d)
    total = 100
    total += q.get()
    print("total", total, "call", q.get()())
    print("star", *q.get(), sep="|", end=q.get() and "!\n")
    get = q.get
    lst = [get(), {"nested": get()}, (get(),)]
    print("literals", lst)
    t.join()
    assert q.empty(), "queue drained"

    box = Box()
    box.q.put(Msg(21))
    print("explicit", Box.pull(box).double(), Box.nap(), box.nap())
    print("guarded", Box.guarded("a", Box.nap), box.guarded("b", lambda: "plain"))
    try:
        q.get(timeout=0.01)
    except queue.Empty:
        print("empty as expected")
    r = q.get(True, 0.01) if not q.empty() else "skipped"
    print(r)


if __name__ == "__main__":
    main()
