# compat: runs=green,thread,host
# logging.handlers: RotatingFileHandler (maxBytes/backupCount) written by threads, MemoryHandler
# behind a QueueListener started and stopped inside a thread, WatchedFileHandler reopening a removed file.
import logging
from logging.handlers import RotatingFileHandler, QueueHandler, QueueListener, MemoryHandler, WatchedFileHandler
import os
import queue
import sys
import threading

base = "gy_rot_test.log"
def clean():
    for name in os.listdir("."):
        if name.startswith(base):
            os.remove(name)
clean()
h = RotatingFileHandler(base, maxBytes=60, backupCount=2)
h.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
lg = logging.getLogger("rot")
lg.propagate = False
lg.addHandler(h)
lg.setLevel(logging.INFO)
lock = threading.Lock()
def writer(n):
    for i in range(3):
        with lock:
            lg.info("writer %d line %d", n, i)
ts = [threading.Thread(target=writer, args=(n,)) for n in range(3)]
for t in ts:  # one after the other: the file's contents are fixed
    t.start()
    t.join()
h.close()
names = sorted(n for n in os.listdir(".") if n.startswith(base))
print(names)
for n in names:
    with open(n) as f:
        print(n, f.read().splitlines())
clean()

q = queue.Queue()
out = logging.StreamHandler(sys.stdout)
out.setFormatter(logging.Formatter("%(threadName)s %(message)s"))
mem = MemoryHandler(3, flushLevel=logging.ERROR, target=out)
listener = QueueListener(q, mem)
ql = logging.getLogger("q")
ql.propagate = False
ql.addHandler(QueueHandler(q))
ql.setLevel(logging.DEBUG)
done = threading.Event()
def owner():
    listener.start()
    for i in range(4):
        ql.info("buffered %d", i)
    ql.error("flush now")
    listener.stop()
    done.set()
t = threading.Thread(target=owner, name="owner")
t.start()
t.join()
mem.close()
print("buffer left", len(mem.buffer), done.is_set())
w = WatchedFileHandler(base)
wl = logging.getLogger("w"); wl.propagate = False; wl.addHandler(w)
wl.warning("one")
os.remove(base)
wl.warning("two")
w.close()
with open(base) as f:
    print(f.read().splitlines())
clean()
