# Lazy, thread-safe initialisation of shared objects (double-checked locking in a classmethod),
# as agents do for their config and connection singletons.
# Exercises: `with cls._lock:` inside a classmethod, a slow initialiser (sleep) run exactly once
# although many threads ask at the same time (they are released together by a Barrier), a
# module-level lazy getter with a global and a Lock, instance identity checked from every thread.
import threading
import time


class Config:
    _instance = None
    _lock = threading.Lock()
    inits = 0

    def __init__(self):
        self.values = {"interval": 30, "server": "broker.local"}

    @classmethod
    def load(cls):
        time.sleep(0.002)
        cls.inits += 1
        return cls()

    @classmethod
    def instance(cls):
        if cls._instance is None:
            with cls._lock:
                if cls._instance is None:
                    cls._instance = cls.load()
        return cls._instance


_conn = None
_conn_lock = threading.Lock()
conn_opens = [0]


def get_connection():
    global _conn
    with _conn_lock:
        if _conn is None:
            time.sleep(0.001)
            conn_opens[0] += 1
            _conn = {"id": conn_opens[0]}
    return _conn


start = threading.Barrier(6)
seen = []
seen_lock = threading.Lock()


def user():
    start.wait()
    cfg = Config.instance()
    conn = get_connection()
    with seen_lock:
        seen.append((id(cfg), conn["id"]))


threads = [threading.Thread(target=user) for _ in range(6)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("config inits:", Config.inits, "connection opens:", conn_opens[0])
print("one config object:", len(set([s[0] for s in seen])) == 1, "same connection ids:", sorted(set([s[1] for s in seen])))
print("interval:", Config.instance().values["interval"])
