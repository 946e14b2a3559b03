# threading.Event: set, clear, is_set, wait() and wait(timeout).
# Exercises: wait(timeout) returning False when nobody sets the event, wait() returning True once
# set, one Event releasing many waiting threads at once, clear() re-arming the gate for a second
# round, a ping-pong between two threads over two Events.
import threading
import time

gate = threading.Event()
arrived = []
lock = threading.Lock()


def gated(rounds, ready):
    me = threading.current_thread().name
    for r in range(rounds):
        ready.release()
        gate.wait()
        with lock:
            arrived.append((r, me))
        while gate.is_set():
            time.sleep(0.001)


def main():
    e = threading.Event()
    print("initially set:", e.is_set())
    print("wait(0.01) on unset event:", e.wait(0.01))
    e.set()
    print("wait() on set event:", e.wait(), e.wait(0.01))
    e.clear()
    print("after clear:", e.is_set(), e.wait(timeout=0.005))

    ready = threading.Semaphore(0)
    ts = [threading.Thread(target=gated, args=(2, ready), name="g%d" % i) for i in range(3)]
    for t in ts:
        t.start()
    for rnd in range(2):
        for _ in ts:
            ready.acquire()
        gate.set()
        while True:
            with lock:
                n = len([a for a in arrived if a[0] == rnd])
            if n == len(ts):
                break
            time.sleep(0.001)
        gate.clear()
        print("round", rnd, "through gate:", sorted([name for (r, name) in arrived if r == rnd]))
    for t in ts:
        t.join()

    ping = threading.Event()
    pong = threading.Event()
    log = []

    def ponger():
        for i in range(3):
            ping.wait()
            ping.clear()
            log.append("pong %d" % i)
            pong.set()

    p = threading.Thread(target=ponger, name="ponger")
    p.start()
    for i in range(3):
        log.append("ping %d" % i)
        ping.set()
        pong.wait()
        pong.clear()
    p.join()
    print(", ".join(log))


main()
