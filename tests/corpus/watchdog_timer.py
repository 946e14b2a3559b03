# A software watchdog built from threading.Timer: kicked (cancel + new Timer) while work
# progresses, firing when the work stalls.
# Exercises: repeated Timer.cancel() and re-creation, a generous timeout while kicking (it cannot
# expire between kicks), a short timeout during the stall whose callback unblocks the stalled worker
# (so firing is guaranteed, not lucky), is_alive()/join() on cancelled timers, Thread-N numbering
# advancing once per Timer.
import threading
import time


class Watchdog:
    def __init__(self, timeout, on_expire):
        self.timeout = timeout
        self.on_expire = on_expire
        self.timer = None
        self.kicks = 0
        self.old = []

    def kick(self):
        if self.timer is not None:
            self.timer.cancel()
            self.old.append(self.timer)
        self.timer = threading.Timer(self.timeout, self.on_expire)
        self.timer.start()
        self.kicks += 1

    def stop(self):
        if self.timer is not None:
            self.timer.cancel()
            self.timer.join()


expired = threading.Event()
log = []


def on_expire():
    log.append("watchdog expired in " + threading.current_thread().name)
    expired.set()


def work(dog):
    for step in range(5):
        time.sleep(0.001)
        dog.kick()
    log.append("work done, stalling")
    dog.timeout = 0.01
    dog.kick()
    expired.wait()
    log.append("worker rescued")


dog = Watchdog(30.0, on_expire)
dog.kick()
w = threading.Thread(target=work, args=(dog,), name="worker")
w.start()
w.join()
dog.stop()
for old in dog.old:
    old.join()
print("kicks:", dog.kicks)
print("old timers alive:", [t.is_alive() for t in dog.old])
for line in log:
    print(line)
