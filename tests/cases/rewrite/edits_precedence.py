"""Docstring first: the runtime import goes before the first statement after it."""
# Parentheses where precedence needs them, `async with`, top-level blocking, and the exit line.
import threading
import queue

q = queue.Queue()
lock = threading.Lock()
cond = threading.Condition(lock)


class Box:
    def __init__(self):
        self.q = queue.Queue()


def get_box():
    q.get()
    return Box()


def f():
    x = q.get().upper()
    y = q.get()[0]
    z = q.get()(1)
    w = -q.get() + q.get() ** 2
    s = get_box().q.get().upper()
    v = get_box().q.get()
    u = [q.get(), {"k": q.get()}, f"{q.get()}"]
    with lock:
        with cond:
            cond.wait()
    return x, y, z, w, v, u, s


def g():
    return not q.get() and q.get() in (1, 2)


t = threading.Thread(target=f)
t.start()
for i in range(10):
    q.put(i)
value = q.get().upper() if q.qsize() else None
print([q.get() for _ in range(2)])
with lock:
    print("top-level with stays plain")
t.join()
