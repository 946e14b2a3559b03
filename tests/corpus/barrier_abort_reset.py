# Barrier failure modes: abort(), reset(), wait(timeout) and an action that raises.
# Exercises: BrokenBarrierError in every waiter after abort(), the broken property, wait() on a
# broken barrier failing at once, reset() making it usable again, reset() while parties wait,
# wait(timeout) breaking the barrier, an action raising (the caller sees the exception, the others
# BrokenBarrierError). The main thread polls n_waiting (a loop, not timing luck) before acting.
import threading
import time

outcomes = []
lock = threading.Lock()


def party(b, timeout=None):
    try:
        if timeout is None:
            idx = b.wait()
        else:
            idx = b.wait(timeout)
        result = "passed"
    except threading.BrokenBarrierError:
        result = "broken"
    except ValueError:
        result = "action-error"
    with lock:
        outcomes.append(result)


def wait_for_waiters(b, n):
    while b.n_waiting < n:
        time.sleep(0.001)


def run_parties(b, n, timeout=None):
    ts = []
    for i in range(n):
        t = threading.Thread(target=party, args=(b, timeout))
        t.start()
        ts.append(t)
    return ts


def join_all(ts):
    for t in ts:
        t.join()
    res = sorted(outcomes)
    outcomes.clear()
    return res


def main():
    b = threading.Barrier(3)
    ts = run_parties(b, 2)
    wait_for_waiters(b, 2)
    b.abort()
    print("after abort:", join_all(ts), "broken:", b.broken)
    try:
        b.wait()
    except threading.BrokenBarrierError:
        print("wait on broken barrier: BrokenBarrierError")

    b.reset()
    print("after reset broken:", b.broken)
    ts = run_parties(b, 3)
    print("three parties:", join_all(ts))

    ts = run_parties(b, 2)
    wait_for_waiters(b, 2)
    b.reset()
    print("reset while waiting:", join_all(ts), "broken:", b.broken)

    b2 = threading.Barrier(2)
    ts = run_parties(b2, 1, timeout=0.01)
    print("timeout:", join_all(ts), "broken:", b2.broken)

    def bad_action():
        raise ValueError("action failed")

    b3 = threading.Barrier(3, action=bad_action)
    ts = run_parties(b3, 3)
    print("raising action:", join_all(ts), "broken:", b3.broken)


main()
