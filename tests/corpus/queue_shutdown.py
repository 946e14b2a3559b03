# Queue.shutdown() (the Python 3.13 API), guarded so the program prints the same on older Pythons.
# Exercises: feature detection with hasattr(queue, "ShutDown"); when present, consumers end on
# queue.ShutDown after draining a shut-down queue and put() after shutdown raises ShutDown; when
# absent, the same consumers end on sentinels. Either way the printed output is identical.
import threading
import queue

HAS_SHUTDOWN = hasattr(queue, "ShutDown") and hasattr(queue.Queue, "shutdown")
DONE = "__done__"


def consumer(q, out, lock):
    while True:
        if HAS_SHUTDOWN:
            try:
                item = q.get()
            except queue.ShutDown:
                return
        else:
            item = q.get()
            if item == DONE:
                return
        with lock:
            out.append(item)


def stop_queue(q, consumers):
    if HAS_SHUTDOWN:
        q.shutdown()
    else:
        for _ in consumers:
            q.put(DONE)


def try_put_after_stop(q):
    if HAS_SHUTDOWN:
        try:
            q.put("late")
        except queue.ShutDown:
            return "rejected"
        return "accepted"
    return "rejected"


def main():
    q = queue.Queue()
    out = []
    lock = threading.Lock()
    consumers = [threading.Thread(target=consumer, args=(q, out, lock)) for _ in range(3)]
    for t in consumers:
        t.start()
    for i in range(10):
        q.put("job-%02d" % i)
    stop_queue(q, consumers)
    for t in consumers:
        t.join()
    print("consumed:", sorted(out))
    print("late put:", try_put_after_stop(q))


main()
