# A service that installs SIGTERM/SIGINT handlers at startup (signal.signal, getsignal, SIG_IGN,
# SIG_DFL) and shuts down through them: the handler only sets an Event; worker threads then drain
# their queue and exit. The signal is raised by the program itself (signal.raise_signal) so the
# run is deterministic; a SIGTERM from outside is tests/ctrlc's (MicroPython's unix port cannot
# catch one).
import queue
import signal
import threading
import time

stop = threading.Event()
got = []
jobs = queue.Queue()
done = []
done_lock = threading.Lock()


def on_signal(signum, frame):
    got.append("TERM" if signum == signal.SIGTERM else "INT" if signum == signal.SIGINT else str(signum))
    stop.set()


def worker(n):
    count = 0
    while not (stop.is_set() and jobs.empty()):
        try:
            jobs.get(timeout=0.02)
        except queue.Empty:
            continue
        count += 1
        time.sleep(0.001)
    with done_lock:
        done.append(count)


print("default SIGTERM handler:", signal.getsignal(signal.SIGTERM) == signal.SIG_DFL)
previous = signal.signal(signal.SIGTERM, on_signal)
print("previous was SIG_DFL:", previous == signal.SIG_DFL)
print("installed:", signal.getsignal(signal.SIGTERM) is on_signal)
old_int = signal.signal(signal.SIGINT, signal.SIG_IGN)
print("SIGINT was the default int handler:", old_int is signal.default_int_handler)
print("SIGINT ignored:", signal.getsignal(signal.SIGINT) == signal.SIG_IGN)
signal.signal(signal.SIGINT, on_signal)

workers = [threading.Thread(target=worker, args=(i,), name="w%d" % i) for i in range(3)]
for w in workers:
    w.start()
for i in range(12):
    jobs.put(i)
while not jobs.empty():
    time.sleep(0.005)
signal.raise_signal(signal.SIGTERM)
while not stop.is_set():
    time.sleep(0.005)
print("signals seen:", got)
for w in workers:
    w.join()
print("jobs done:", sum(done), "workers done:", len(done))
signal.raise_signal(signal.SIGINT)
print("signals seen:", got)
signal.signal(signal.SIGINT, signal.default_int_handler)
try:
    signal.raise_signal(signal.SIGINT)
    time.sleep(0.01)
except KeyboardInterrupt:
    print("KeyboardInterrupt from the default handler")
try:
    signal.signal(signal.SIGTERM, "nope")
except TypeError as e:
    print("TypeError:", e)
print("bye")
