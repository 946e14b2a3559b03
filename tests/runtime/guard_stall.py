# The starvation guard's stall report: a thread whose guarded loop calls plain code that runs
# for long without yielding is named on stderr once, with the loop's source line; the guard's
# settings are the runtime's (greenify.configure), so the program still runs as is on CPython.
# battery: backends=cpython,green,host
# battery: stderr=greenify: thread burner held the CPU for
# battery: stderr=(loop at main.py:37)
import threading
import time

try:
    import greenify

    greenify.configure(stall_ms=60)
except ImportError:
    pass

try:
    from time import ticks_ms

    def now():
        return ticks_ms() / 1000
except ImportError:

    def now():
        return time.monotonic()


def burn(seconds):
    # Plain code (a `for` loop in a function that never waits): it holds the CPU.
    t0 = now()
    for _ in range(10 ** 9):
        if now() - t0 >= seconds:
            return


def burner(rounds):
    for i in range(rounds):
        burn(0.1)
        rounds_done.append(i)


rounds_done = []
t = threading.Thread(target=burner, args=(3,), name="burner")
t.start()
t.join()
print("rounds", rounds_done)
