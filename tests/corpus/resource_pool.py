# A pool of reusable connections kept in a Queue (take one, use it, put it back), plus locks
# reached in less common ways.
# Exercises: Queue as a token pool (get blocks while every connection is in use), a queue held
# as a class attribute (`Pool.free.get()`), `with a, b:` over two locks, `with get_lock():` where the
# lock comes from a function's return value, a blocking call in a `while` condition, in an `elif`
# condition and as a `return` value; per-connection use counts printed at the end.
import threading
import queue
import time

_locks = {"stats": threading.Lock(), "log": threading.Lock()}


def get_lock(name):
    return _locks[name]


class Conn:
    def __init__(self, cid):
        self.cid = cid
        self.uses = 0

    def query(self, sql):
        time.sleep(0.0005)
        self.uses += 1
        return len(sql)


class Pool:
    free = queue.Queue()

    @classmethod
    def fill(cls, n):
        for i in range(n):
            cls.free.put(Conn(i))

    @classmethod
    def take(cls):
        return cls.free.get()

    @classmethod
    def give_back(cls, conn):
        Pool.free.put(conn)


stats = {"queries": 0, "bytes": 0}
log = []


def client(sqls):
    for sql in sqls:
        conn = Pool.take()
        try:
            n = conn.query(sql)
        finally:
            Pool.give_back(conn)
        with get_lock("stats"), get_lock("log"):
            stats["queries"] += 1
            stats["bytes"] += n
            log.append(sql)


def drain_until_stop(q):
    seen = []
    while q.get() != "stop":
        seen.append("item")
    return len(seen)


def classify(q):
    if q.empty():
        return "empty"
    elif q.get() == "x":
        return "x first"
    return "other"


def main():
    Pool.fill(2)
    work = [["select 1", "select 22"], ["update 333"], ["select 4444", "delete 55555"], ["vacuum"]]
    threads = [threading.Thread(target=client, args=(w,)) for w in work]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    conns = []
    while not Pool.free.empty():
        conns.append(Pool.free.get())
    conns.sort(key=lambda c: c.cid)
    print("connections back:", [c.cid for c in conns], "total uses:", sum([c.uses for c in conns]))
    print("stats:", stats["queries"], stats["bytes"], "log:", sorted(log))

    q = queue.Queue()
    for item in ["a", "b", "c", "stop"]:
        q.put(item)
    print("drained:", drain_until_stop(q))
    print("classify:", classify(q))
    q.put("x")
    print("classify:", classify(q))


main()
