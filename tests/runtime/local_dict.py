# `local.__dict__` is the current thread's attributes (CPython): the idiom
# `if "conn" not in ctx.__dict__`, reading, writing and deleting through it, a subclass whose
# __init__ takes arguments, a fresh thread seeing only what __init__ set.
import threading


class Ctx(threading.local):
    def __init__(self, region, retries=1):
        self.region = region
        self.retries = retries


ctx = Ctx("eu", retries=3)
plain = threading.local()


def connect():
    if "conn" not in plain.__dict__:
        plain.conn = "conn-of-" + threading.current_thread().name
        return "new " + plain.conn
    return "reused " + plain.conn


def show(label):
    d = ctx.__dict__
    print(label, sorted(d.items()), len(d), "region" in d, d.get("extra", "-"), d["region"])


def worker(out):
    show("worker before:")
    ctx.__dict__["extra"] = 7
    print("worker attr via dict:", ctx.extra)
    del ctx.__dict__["retries"]
    print("worker has retries:", hasattr(ctx, "retries"))
    out.append(connect())
    out.append(connect())
    print("worker plain dict:", sorted(plain.__dict__.keys()))


show("main:")
print(connect(), "/", connect())
out = []
t = threading.Thread(target=worker, args=(out,), name="w1")
t.start()
t.join()
print(out)
show("main after:")
print("main plain:", sorted(plain.__dict__), plain.__dict__ == {"conn": "conn-of-MainThread"})
