# Thread.join(timeout): returning while the thread is still alive, then joining for real.
# Exercises: join(0.01) on a thread parked on an Event (returns None, thread still alive),
# join(timeout=0) polling, join(timeout) on a finished thread returning at once, a supervisor loop
# that joins with a timeout and checks is_alive() until the worker ends (the worker ends only after
# the supervisor released it, so the number of loop rounds printed is fixed).
import threading
import time


def parked(release, log):
    release.wait()
    time.sleep(0.001)
    log.append("worker finished")


def main():
    release = threading.Event()
    log = []
    t = threading.Thread(target=parked, args=(release, log), name="parked")
    t.start()
    r = t.join(0.01)
    print("join(0.01) returned", r, "alive:", t.is_alive())
    t.join(timeout=0)
    print("join(timeout=0) alive:", t.is_alive())
    rounds = 0
    while t.is_alive():
        rounds += 1
        if rounds == 3:
            release.set()
        if rounds <= 3:
            t.join(0.005)
        else:
            t.join()
    print("supervisor rounds >= 3:", rounds >= 3, log)
    t.join(0.5)
    print("join on finished:", t.is_alive())


main()
