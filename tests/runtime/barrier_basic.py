# Barrier: indexes, action once per round, reuse over rounds, abort, reset, timeout, repr.
import threading
import time

b = threading.Barrier(3)
print(b.parties, b.n_waiting, b.broken)
print(repr(b).endswith("waiters=0/3>"))

rounds = []
guard = threading.Lock()


def action():
    rounds.append("action")


b = threading.Barrier(3, action=action)
idx = []


def party():
    for _ in range(2):
        i = b.wait()
        with guard:
            idx.append(i)


ts = [threading.Thread(target=party) for _ in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(rounds, sorted(idx))

# abort() breaks the barrier for those waiting and those arriving later.
b = threading.Barrier(3)
res = []


def victim():
    try:
        b.wait()
        res.append("passed")
    except threading.BrokenBarrierError:
        with guard:
            res.append("broken")


ts = [threading.Thread(target=victim) for _ in range(2)]
for t in ts:
    t.start()
while b.n_waiting < 2:
    time.sleep(0.001)
b.abort()
for t in ts:
    t.join()
print(res, b.broken, repr(b).endswith("broken>"))
try:
    b.wait()
except threading.BrokenBarrierError:
    print("wait on broken barrier: BrokenBarrierError")

# reset() makes it usable again.
b.reset()
print("after reset", b.broken, b.n_waiting)
ts = [threading.Thread(target=b.wait) for _ in range(2)]
for t in ts:
    t.start()
while b.n_waiting < 2:
    time.sleep(0.001)
print("last index", b.wait())
for t in ts:
    t.join()

# reset() while threads wait: they get BrokenBarrierError, the barrier is usable after.
b = threading.Barrier(2)
res = []
t = threading.Thread(target=victim)
t.start()
while b.n_waiting < 1:
    time.sleep(0.001)
b.reset()
t.join()
print("reset while waiting", res, b.broken)

# A timeout breaks the barrier.
b = threading.Barrier(2, timeout=0.05)
try:
    b.wait()
except threading.BrokenBarrierError:
    print("timeout: BrokenBarrierError", b.broken)
b = threading.Barrier(2)
try:
    b.wait(0.05)
except threading.BrokenBarrierError:
    print("wait(timeout): BrokenBarrierError", b.broken)

# An action that raises breaks the barrier; the last party gets the exception.
def bad_action():
    raise KeyError("action failed")


b = threading.Barrier(2, action=bad_action)
res = []
t = threading.Thread(target=victim)
t.start()
while b.n_waiting < 1:
    time.sleep(0.001)
try:
    b.wait()
except KeyError as e:
    print("last party got", type(e).__name__, e.args[0])
t.join()
print(res, b.broken)
