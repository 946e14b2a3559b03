# An uncaught exception in a thread.
# Exercises: the default threading.excepthook printing "Exception in thread NAME:" plus a
# traceback to stderr, stdout of the program continuing normally, the failed thread being dead after
# join, other threads unaffected, an exception raised after the thread already blocked once.
import threading
import time
import queue

results = queue.Queue()


def flaky(n):
    time.sleep(0.002)
    if n == 2:
        raise ValueError("sensor %d unplugged" % n)
    results.put(n * 100)


def main():
    threads = []
    for n in range(4):
        t = threading.Thread(target=flaky, args=(n,), name="sensor-%d" % n)
        threads.append(t)
    for t in threads:
        t.start()
        t.join()
    got = []
    while not results.empty():
        got.append(results.get())
    print("results:", got)
    print("alive:", [t.is_alive() for t in threads])
    print("main continues after the failure")


main()
