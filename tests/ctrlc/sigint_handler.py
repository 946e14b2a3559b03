# signal.signal(SIGINT, handler): Ctrl-C runs the handler (which blocks) in the main thread and
# the blocking call goes on (CPython restarts time.sleep with the time left; Event.wait keeps waiting);
# back to default_int_handler, SIGINT raises KeyboardInterrupt again.
# ctrlc: backends=green
# ctrlc: signals=2,2
import signal
import threading
import time

stop = threading.Event()
seen = []


def on_int(signum, frame):
    # Runs in the main thread and blocks (joins the worker): on green it is awaited.
    seen.append(threading.current_thread().name)
    print("handler", signum == signal.SIGINT, threading.current_thread().name)
    stop.set()
    t.join()
    print("handler joined the worker")


def worker():
    stop.wait()
    print("worker saw stop")


old = signal.signal(signal.SIGINT, on_int)
print("default before:", old is signal.default_int_handler)
t = threading.Thread(target=worker, name="worker")
t.start()
print("ready")
stop.wait()
t.join()
print("after handler", seen)
signal.signal(signal.SIGINT, signal.default_int_handler)
print("ready")
try:
    time.sleep(30)
except KeyboardInterrupt:
    print("KeyboardInterrupt again in", threading.current_thread().name)
print("main done")
