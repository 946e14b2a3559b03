# threading.local: per-thread request context.
# Exercises: attributes set on a module-level local() in several threads without interfering,
# helper functions reading the context, the main thread's value surviving, a fresh thread seeing no
# attribute (AttributeError / hasattr False), a local subclass whose __init__ runs once per thread.
import threading
import time

ctx = threading.local()


class Counters(threading.local):
    def __init__(self):
        self.calls = 0


counters = Counters()
results = []
results_lock = threading.Lock()


def log_step(step):
    counters.calls += 1
    ctx.log.append(ctx.request_id + ":" + step)


def handle(request_id, delay):
    ctx.request_id = request_id
    ctx.log = []
    log_step("parse")
    time.sleep(delay)
    log_step("execute")
    time.sleep(delay)
    log_step("reply")
    with results_lock:
        results.append((request_id, list(ctx.log), counters.calls))


def probe(out):
    out.append(hasattr(ctx, "request_id"))
    try:
        ctx.request_id
        out.append("found")
    except AttributeError:
        out.append("AttributeError")
    out.append(counters.calls)


def main():
    ctx.request_id = "main"
    ctx.log = ["main:start"]
    counters.calls = 100
    ts = []
    for i, delay in enumerate([0.003, 0.001, 0.002]):
        t = threading.Thread(target=handle, args=("req%d" % i, delay))
        t.start()
        ts.append(t)
    for t in ts:
        t.join()
    for rid, log, calls in sorted(results):
        print(rid, log, calls)
    print("main context:", ctx.request_id, ctx.log, counters.calls)
    out = []
    t = threading.Thread(target=probe, args=(out,))
    t.start()
    t.join()
    print("fresh thread:", out)


main()
