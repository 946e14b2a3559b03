# The runtime's own classes call user code: a blocking Barrier `action`, a blocking
# `Condition.wait_for` predicate (with and without timeout), a blocking `threading.excepthook`,
# a blocking Timer function and a blocking Thread target. Each must run to completion (awaited
# by the runtime), in the order the program enforces.
import threading
import time

log_lock = threading.Lock()
events = []


def note(text):
    with log_lock:
        events.append(text)


phase = {"n": 0}


def action():
    time.sleep(0.001)
    with log_lock:
        phase["n"] += 1
    note("action %d" % phase["n"])


barrier = threading.Barrier(3, action=action)


def party(name):
    for _ in range(2):
        barrier.wait()
    note("party %s done" % name)


cond = threading.Condition()
stock = []


def have_two():
    time.sleep(0.001)
    return len(stock) >= 2


def consumer(out):
    with cond:
        out.append(cond.wait_for(have_two))
        out.append(cond.wait_for(lambda: len(stock) > 5, timeout=0.01))


def producer():
    for i in range(2):
        time.sleep(0.002)
        with cond:
            stock.append(i)
            cond.notify_all()


def hook(args):
    time.sleep(0.001)
    note("hook %s %s %s" % (args.thread.name, args.exc_type.__name__, args.exc_value))


def crash():
    raise RuntimeError("boom")


def fired(tag):
    time.sleep(0.001)
    note("timer " + tag)


def main():
    ps = [threading.Thread(target=party, args=(n,)) for n in "ab"]
    for t in ps:
        t.start()
    party("main")
    for t in ps:
        t.join()
    print(sorted(events), phase["n"])
    del events[:]
    out = []
    c = threading.Thread(target=consumer, args=(out,))
    p = threading.Thread(target=producer)
    c.start()
    p.start()
    c.join()
    p.join()
    print(out, stock)
    threading.excepthook = hook
    bad = threading.Thread(target=crash, name="crasher")
    bad.start()
    bad.join()
    threading.excepthook = threading.__excepthook__
    tm = threading.Timer(0.001, fired, args=("t1",))
    tm.start()
    tm.join()
    print(events)


main()
