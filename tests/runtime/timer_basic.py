# Timer: fires after its interval (never early), cancel() before it fires, args/kwargs, name.
import threading
import time

now = getattr(time, "monotonic", time.time)
fired = []

t0 = now()


def cb(a, b=None):
    fired.append((a, b, now() - t0))


t = threading.Timer(0.05, cb, args=("x",), kwargs={"b": 2})
print(t)
t.start()
t.join()
a, b, dt = fired[0]
print("fired", a, b, 0.049 <= dt <= 2.05)
print(t)

c = threading.Timer(0.05, cb, args=("never",))
c.start()
c.cancel()
c.join()
print("cancelled", len(fired), c.is_alive())

# Several timers fire in interval order.
order = []
ts = [threading.Timer(d, order.append, args=(d,)) for d in (0.3, 0.1, 0.2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(order)
print(isinstance(ts[0], threading.Thread), ts[0].interval)
