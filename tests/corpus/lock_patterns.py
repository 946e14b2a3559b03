# Locking idioms beyond `with`: explicit acquire()/try/finally, locks and queues handed over through
# Thread(kwargs=...), a Condition over an RLock re-entered by nested helpers, a lock stored in a
# dict of resources, acquire(True, timeout) positional form, and Thread.run() called directly.
# Exercises: parameter kinds inferred from kwargs=, `lk.acquire()` as a statement followed by
# try/finally release, nested `with cond:` on an RLock-backed Condition, resources["bus"] locks,
# a Thread subclass whose run() is invoked synchronously by the main thread.
import threading
import queue
import time


def transfer(account, amount, lock=None, journal=None):
    lock.acquire()
    try:
        balance = account["balance"]
        time.sleep(0.0005)
        account["balance"] = balance + amount
    finally:
        lock.release()
    journal.put(amount)


resources = {"bus": threading.Lock(), "flash": threading.RLock()}


def write_flash(blocks, log):
    for b in blocks:
        if resources["flash"].acquire(True, 1.0):
            try:
                with resources["flash"]:
                    log.append(b)
            finally:
                resources["flash"].release()


cond = threading.Condition(threading.RLock())
ready_items = []


def add_item(x):
    with cond:
        ready_items.append(x)
        notify_ready()


def notify_ready():
    with cond:
        cond.notify_all()


def wait_items(n):
    with cond:
        while len(ready_items) < n:
            cond.wait()
        return list(ready_items)


class Job(threading.Thread):
    def __init__(self, out):
        super().__init__(name="job")
        self.out = out

    def run(self):
        time.sleep(0.001)
        self.out.append(threading.current_thread().name)


def main():
    account = {"balance": 100}
    lock = threading.Lock()
    journal = queue.Queue()
    ts = []
    for amount in (10, -20, 35, 5):
        t = threading.Thread(target=transfer, args=(account, amount),
                             kwargs={"lock": lock, "journal": journal})
        ts.append(t)
        t.start()
    for t in ts:
        t.join()
    moves = []
    while not journal.empty():
        moves.append(journal.get())
    print("balance:", account["balance"], "moves:", sorted(moves))

    log = []
    w = threading.Thread(target=write_flash, kwargs={"blocks": [1, 2, 3], "log": log})
    w.start()
    w.join()
    print("flash log:", log, "bus free:", resources["bus"].acquire(False))
    resources["bus"].release()

    adders = [threading.Thread(target=add_item, args=(i,)) for i in range(4)]
    for a in adders:
        a.start()
    print("items:", sorted(wait_items(4)))
    for a in adders:
        a.join()

    out = []
    j = Job(out)
    j.run()
    j.start()
    j.join()
    print("run() direct then start():", out)
    print("TIMEOUT_MAX positive:", threading.TIMEOUT_MAX > 0)


main()
