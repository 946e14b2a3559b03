# Lock styles in methods: `with self.lock:`, `with cond:` + `cond.wait()`, nested `with a, b:`
# over two locks, `lock.acquire(); try: ... finally: lock.release()`, `if lock.acquire(timeout=..):`,
# `while not ev.wait(0.01):`, blocking results used in expressions (`x = q.get() if flag else
# None`, `return q.get(timeout=1)["key"]`, `not lock.acquire(False)`), an RLock re-entered
# through a helper, a lock passed as a default argument.
import threading
import queue

_global_lock = threading.Lock()


class Account:
    def __init__(self, name, balance):
        self.name = name
        self.balance = balance
        self.lock = threading.RLock()

    def deposit(self, n):
        with self.lock:
            self._add(n)

    def _add(self, n):
        with self.lock:
            self.balance += n


def transfer(a, b, n):
    first, second = (a, b) if a.name < b.name else (b, a)
    with first.lock, second.lock:
        a.balance -= n
        b.balance += n


class Mailbox:
    def __init__(self):
        self.cond = threading.Condition()
        self.items = []
        self.closed = False

    def put(self, item):
        with self.cond:
            self.items.append(item)
            self.cond.notify()

    def close(self):
        with self.cond:
            self.closed = True
            self.cond.notify_all()

    def take(self):
        with self.cond:
            while not self.items and not self.closed:
                self.cond.wait()
            return self.items.pop(0) if self.items else None


def guarded(counter, lock=_global_lock):
    lock.acquire()
    try:
        counter[0] += 1
    finally:
        lock.release()


def try_guarded(counter, lock=_global_lock):
    if lock.acquire(timeout=0.5):
        try:
            counter[1] += 1
        finally:
            lock.release()
        return True
    return False


class Reply:
    def __init__(self):
        self.q = queue.Queue()

    def wait(self):
        return self.q.get(timeout=1)["key"]


def main():
    a, b = Account("a", 100), Account("b", 100)
    ts = []
    for i in range(4):
        ts.append(threading.Thread(target=transfer, args=(a, b, 5) if i % 2 else (b, a, 3)))
    for i in range(3):
        ts.append(threading.Thread(target=a.deposit, args=(i,)))
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    print("balances", a.balance, b.balance, a.balance + b.balance)

    box = Mailbox()
    got = []

    def consumer():
        while True:
            item = box.take()
            if item is None:
                break
            got.append(item)

    c = threading.Thread(target=consumer)
    c.start()
    for i in range(5):
        box.put(i * i)
    box.close()
    c.join()
    print("got", got)

    counter = [0, 0]
    workers = [threading.Thread(target=guarded, args=(counter,)) for _ in range(3)]
    workers += [threading.Thread(target=try_guarded, args=(counter,)) for _ in range(2)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    print("counter", counter)

    _global_lock.acquire()
    held = not _global_lock.acquire(False)
    print("held", held, "try", try_guarded(counter, threading.Lock()))
    _global_lock.release()

    r = Reply()
    ev = threading.Event()

    def responder():
        ev.wait()
        r.q.put({"key": "value-42"})

    t = threading.Thread(target=responder)
    t.start()
    ev.set()
    flag = True
    print("reply", r.wait())
    r.q.put({"key": 1})
    x = r.q.get() if flag else None
    y = r.q.get_nowait() if r.q.qsize() else "empty"
    print("x", x, "y", y)
    t.join()
    spins = 0
    done = threading.Event()
    threading.Timer(0.02, done.set).start()
    while not done.wait(0.005):
        spins += 1
    print("spun", spins > 0)


if __name__ == "__main__":
    main()
