# threading.local: each thread sees its own attributes; a subclass's __init__ runs per thread.
import threading

data = threading.local()
data.x = "main"
out = []
guard = threading.Lock()


def worker(i):
    has = hasattr(data, "x")
    data.x = i
    threading.Event().wait(0.001)
    with guard:
        out.append((i, has, data.x))


ts = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(out), data.x)


class Counter(threading.local):
    def __init__(self, start):
        self.n = start


c = Counter(10)
c.n += 1
res = []


def bump():
    c.n += 5
    with guard:
        res.append(c.n)


t = threading.Thread(target=bump)
t.start()
t.join()
print(c.n, res)
del data.x
try:
    data.x
except AttributeError:
    print("AttributeError after del")
try:
    threading.local(1)
except TypeError:
    print("TypeError for arguments to a plain local")
