# compat: runs=green,thread
# (not host: on CPython the real logging names the host thread, not the green one; rt knows)
import logging
import threading
import time


class Lines:
    # Collects what handlers write: each write must be one whole record.  No lock of its
    # own: logging's lock around emit is what keeps the writes apart.
    def __init__(self):
        self.writes = []

    def write(self, s):
        self.writes.append(s)

    def flush(self):
        pass


sink = Lines()
logging.basicConfig(stream=sink, level=logging.DEBUG,
                    format="%(threadName)s %(name)s %(levelname)s %(message)s")
log = logging.getLogger("worker")
idents = {}
checks = []


def work(n):
    me = threading.current_thread()
    idents[me.name] = threading.get_ident()
    for i in range(20):
        log.info("step %d of %s", i, me.name)
        if i % 5 == 0:
            time.sleep(0.001)
    rec = []

    class Keep(logging.Handler):
        def emit(self, record):
            rec.append(record)

    k = Keep()
    log.addHandler(k)
    log.debug("ident check")
    log.removeHandler(k)
    for r in rec:
        if r.threadName == me.name:
            checks.append("%s record ident matches %s" % (me.name, r.thread == threading.get_ident()))


threads = [threading.Thread(target=work, args=(i,), name="w%d" % i) for i in range(4)]
threads.append(threading.Thread(target=work, args=(9,)))
for t in threads:
    t.start()
for t in threads:
    t.join()
log.warning("main done")
lines = sink.writes
print(len(lines), all(s.endswith("\n") and s.count("\n") == 1 for s in lines))
for s in sorted(set(lines)):
    if "step 19" in s or "step 0 " in s or "main" in s or "ident" in s:
        print(s, end="")
print("\n".join(sorted(checks)))
print(sorted(idents) == sorted(t.name for t in threads))
