# A custom threading.excepthook (agents log crashes instead of printing tracebacks).
# Exercises: assigning threading.excepthook, the hook's args (exc_type, exc_value, thread), a
# custom hook being called for SystemExit too (only the default hook is silent about it),
# restoring the default hook from threading.__excepthook__, a supervisor restarting a crashed
# worker with a new Thread until it succeeds.
import threading
import time

crashes = []


def log_crash(args):
    crashes.append((args.thread.name, args.exc_type.__name__, str(args.exc_value)))


def worker(attempt, done):
    time.sleep(0.001)
    if attempt < 2:
        raise RuntimeError("attempt %d failed" % attempt)
    if attempt == 2:
        raise SystemExit(0)
    done.append(attempt)


def supervise():
    done = []
    attempt = 0
    while not done:
        t = threading.Thread(target=worker, args=(attempt, done), name="worker-try%d" % attempt)
        t.start()
        t.join()
        attempt += 1
    return attempt


threading.excepthook = log_crash
print("attempts:", supervise())
for c in crashes:
    print("crash:", c)
threading.excepthook = threading.__excepthook__
print("hook restored:", threading.excepthook is threading.__excepthook__)
