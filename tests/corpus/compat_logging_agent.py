# Logging agent: basicConfig(stream, level, format with %(threadName)-10s %(levelname)-7s %(name)s), a logger
# hierarchy (getChild, parent, levels, getEffectiveLevel), worker threads logging as they take jobs
# (lines kept whole), StreamHandler with its own Formatter on a non-propagating logger, disable(),
# LoggerAdapter, getLevelName, the root logger's module functions.
import logging
import sys
import threading
import queue
import time

logging.basicConfig(stream=sys.stdout, level=logging.DEBUG,
                    format="[%(threadName)-10s] %(levelname)-7s %(name)s: %(message)s")
log = logging.getLogger("agent")
net = logging.getLogger("agent.net")
quiet = logging.getLogger("agent.quiet")
quiet.setLevel(logging.WARNING)

jobs = queue.Queue()
turn = threading.Condition()
order = []

def worker(n):
    wlog = log.getChild("w%d" % n)
    while True:
        job = jobs.get()
        if job is None:
            jobs.task_done()
            return
        with turn:
            wlog.info("job %s done by %s", job, threading.current_thread().name)
        jobs.task_done()

threads = [threading.Thread(target=worker, args=(i,), name="worker-%d" % i) for i in range(2)]
log.debug("starting %d workers", len(threads))
threads[0].start()
for j in range(3):
    jobs.put(j)
jobs.join()
for _ in threads:
    jobs.put(None)
threads[1].start()
for t in threads:
    t.join()
net.warning("link %s", "down")
quiet.info("hidden")
quiet.error("shown %d", 3)
try:
    1 / 0
except ZeroDivisionError:
    log.error("failed: %s", "div", exc_info=False)
log.log(logging.CRITICAL, "crit")
print(logging.getLevelName(logging.INFO), logging.getLevelName(25), log.isEnabledFor(logging.DEBUG))
print(net.parent is log, net.getEffectiveLevel(), quiet.getEffectiveLevel())
h = logging.StreamHandler(sys.stdout)
h.setFormatter(logging.Formatter("%(levelname)s|%(message)s|%(name)s"))
other = logging.getLogger("other")
other.addHandler(h)
other.propagate = False
other.warning("x=%r", {"a": 1})
logging.disable(logging.ERROR)
other.error("disabled")
logging.disable(logging.NOTSET)
other.critical("back")
fmt = logging.Formatter("%(asctime)s %(message)s", datefmt="%Y")
rec = logging.LogRecord("n", logging.INFO, "p", 1, "hello %s", ("w",), None)
print(fmt.format(rec)[:4] == time.strftime("%Y"), rec.getMessage())
adapter = logging.LoggerAdapter(other, {"ip": "1.2.3.4"})
adapter.warning("via adapter")
logging.warning("root %s", "msg")
