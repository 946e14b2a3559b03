# API conformance of the thread backend, compared line by line with CPython's output
# (idents and addresses normalised). Deterministic: ordering is forced with Events/joins.
import threading
import queue
import time


def err(fn, *a, **k):
    try:
        r = fn(*a, **k)
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)
    return "ok %r" % (r,)


# -- names, reprs, lifecycle
def work():
    pass


t = threading.Thread(target=work)
print(t.name, repr(t))
t.start()
t.join()
print(repr(t), t.is_alive(), type(t.ident).__name__, type(t.native_id).__name__)
print(err(t.start))
t2 = threading.Thread(target=work, name="w2", daemon=True)
print(repr(t2), t2.daemon)
print(err(t2.join))
print(threading.Thread(name=7).name, threading.Thread(target=print).name.split(" ")[0])


class Sub(threading.Thread):
    def run(self):
        print("in", self.name, threading.current_thread() is self)


s = Sub()
s.start()
s.join()
print(repr(s))
print(threading.main_thread().name, threading.current_thread() is threading.main_thread())
print(err(threading.current_thread().join))
print(repr(threading.main_thread()))
print(threading.active_count(), [x.name for x in threading.enumerate()])
print(err(setattr, threading.main_thread(), "daemon", True))
print(err(threading.Thread, group=1))
print(type(threading.get_ident()).__name__, type(threading.get_native_id()).__name__)
print(threading.TIMEOUT_MAX > 1e6, threading.ThreadError is RuntimeError or issubclass(threading.ThreadError, RuntimeError))

# -- locks
lk = threading.Lock()
print(repr(lk).split(" at ")[0], lk.locked())
print(lk.acquire(), repr(lk).split(" at ")[0], lk.acquire(False), lk.acquire(timeout=0))
lk.release()
print(err(lk.release))
print(err(lk.acquire, False, 1))
with lk as v:
    print("with", v, lk.locked())
rl = threading.RLock()
print(repr(rl).split(" at ")[0])
rl.acquire()
rl.acquire()
print(repr(rl).split(" at ")[0].replace(str(threading.get_ident()), "ME"))
other = []
ot = threading.Thread(target=lambda: other.append(err(rl.release)))
ot.start()
ot.join()
print("other release:", other)
rl.release()
rl.release()
print(err(rl.release))

# -- Condition: errors, FIFO wake-up order, notify(n)
c = threading.Condition()
print(repr(c).split(" at ")[0])
print(err(c.wait), err(c.notify))
order = []
ready = threading.Semaphore(0)


def waiter(i):
    with c:
        ready.release()
        c.wait()
        order.append(i)


ws = []
for i in range(5):
    w = threading.Thread(target=waiter, args=(i,))
    w.start()
    ready.acquire()  # i is waiting before i+1 starts: a known queue order
    ws.append(w)
with c:
    c.notify(2)
for _ in range(5000):  # until the two woken waiters ran (no fixed sleep: loaded machines)
    with c:
        if len(order) >= 2:
            break
    time.sleep(0.001)
time.sleep(0.05)  # a third waiter, wrongly woken, would show up here
with c:
    print("after notify(2):", sorted(order))
    c.notify_all()
for w in ws:
    w.join()
print("order", sorted(order[:2]), sorted(order[2:]))

# -- Semaphore / BoundedSemaphore
sem = threading.Semaphore(2)
print(repr(sem).split(" at ")[1], sem.acquire(), sem.acquire(), sem.acquire(False))
print(err(threading.Semaphore, -1), err(sem.release, 0), err(sem.acquire, False, 1))
got = []


def sem_taker(i):
    sem.acquire()
    got.append(i)


ts = [threading.Thread(target=sem_taker, args=(i,)) for i in range(3)]
for x in ts:
    x.start()
time.sleep(0.05)
sem.release(3)
for x in ts:
    x.join()
print("sem released 3 ->", sorted(got))
bs = threading.BoundedSemaphore(2)
print(repr(bs).split(" at ")[1], err(bs.release), bs.acquire(), repr(bs).split(" at ")[1])
bs.release()
with bs:
    print("in bs", repr(bs).split(" at ")[1])

# -- Event
e = threading.Event()
print(repr(e).split(" at ")[1], e.is_set(), e.wait(0))
threading.Timer(0.05, e.set).start()
print(e.wait(), repr(e).split(" at ")[1])
e.clear()
print(e.is_set())

# -- Timer
fired = []
tm = threading.Timer(0.05, fired.append, args=("fired",))
print(repr(tm).split("(")[0])
tm.start()
tm.join()
tc = threading.Timer(10, fired.append, args=("never",))
tc.start()
tc.cancel()
tc.join()
print(fired)

# -- Barrier
b = threading.Barrier(3, action=lambda: print("action ran"))
print(b.parties, b.n_waiting, b.broken, repr(b).split(" at ")[1])
res = []
rl2 = threading.Lock()


def party():
    i = b.wait()
    with rl2:
        res.append(i)


ps = [threading.Thread(target=party) for _ in range(3)]
for p in ps:
    p.start()
for p in ps:
    p.join()
print("barrier indices", sorted(res))
b2 = threading.Barrier(2)
out = []


def breaker():
    try:
        b2.wait()
        out.append("passed")
    except threading.BrokenBarrierError:
        out.append("broken")


bt = threading.Thread(target=breaker)
bt.start()
for _ in range(5000):
    if b2.n_waiting:
        break
    time.sleep(0.001)
print("n_waiting", b2.n_waiting)
b2.abort()
bt.join()
print(out, b2.broken, repr(b2).split(" at ")[1], err(b2.wait))
b2.reset()
print(b2.broken, b2.n_waiting)

# -- local
loc = threading.local()
loc.x = "main"


def loc_user():
    print("thread sees x:", hasattr(loc, "x"))
    loc.x = "thread"


lt = threading.Thread(target=loc_user)
lt.start()
lt.join()
print("main keeps", loc.x)

# -- queue
q = queue.Queue(2)
print(q.empty(), q.full(), q.qsize(), q.maxsize)
q.put(1)
q.put_nowait(2)
print(q.full(), err(q.put_nowait, 3), err(q.put, 3, True, 0.01))
print(q.get(), q.get_nowait(), err(q.get_nowait), err(q.get, True, 0.01), err(q.get, True, -1))
q.task_done()
q.task_done()
print(err(q.task_done))
q.join()
lq = queue.LifoQueue()
pq = queue.PriorityQueue()
for v in (3, 1, 2):
    lq.put(v)
    pq.put(v)
print([lq.get() for _ in range(3)], [pq.get() for _ in range(3)])
sq = queue.SimpleQueue()
sq.put("a")
sq.put_nowait("b")
print(sq.qsize(), sq.get(), sq.get_nowait(), err(sq.get_nowait), sq.empty())
jq = queue.Queue()


def jworker():
    while True:
        item = jq.get()
        time.sleep(0.01)
        jq.task_done()
        if item is None:
            break


jt = threading.Thread(target=jworker)
jt.start()
for i in range(5):
    jq.put(i)
jq.put(None)
jq.join()
print("joined, unfinished", jq.unfinished_tasks)
jt.join()
print("end")
