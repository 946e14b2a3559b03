# compat: runs=green,thread,host
# logging.handlers: QueueHandler on every logger thread, QueueListener writing from one thread
# (respect_handler_level, stop() at top level waits for the records), records formatted at enqueue.
import logging
import logging.handlers
import os
import queue
import sys
import threading

q = queue.Queue()
out = logging.StreamHandler(sys.stdout)
out.setFormatter(logging.Formatter("%(threadName)s:%(levelname)s:%(name)s:%(message)s"))
listener = logging.handlers.QueueListener(q, out, respect_handler_level=True)
root = logging.getLogger()
root.setLevel(logging.DEBUG)
qh = logging.handlers.QueueHandler(q)
root.addHandler(qh)
listener.start()
log = logging.getLogger("app")
gate = threading.Lock()

def worker(n):
    with gate:
        log.info("worker %d value %s", n, {"k": n})

ts = [threading.Thread(target=worker, args=(i,), name="w%d" % i) for i in range(3)]
for t in ts:
    t.start()
    t.join()
log.debug("debug %d", 1)
log.error("failed %s", "once", exc_info=False)
listener.stop()
root.removeHandler(qh)
print("listener stopped", q.empty())

