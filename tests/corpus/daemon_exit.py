# Daemon threads are not waited for at exit.
# Exercises: daemon=True in the constructor and via the attribute, a daemon thread blocked forever
# in Queue.get(), a daemon thread looping with sleep, a thread started by a daemon thread inheriting
# daemon=True, the main thread finishing while all of them are still alive (exit status 0).
import threading
import queue
import time

never = queue.Queue()
ticks = [0]
report = queue.Queue()


def blocked_forever():
    never.get()
    print("never printed")


def heartbeat():
    while True:
        time.sleep(0.002)
        ticks[0] += 1


def spawner():
    child = threading.Thread(target=blocked_forever, name="child")
    report.put(("child daemon", child.daemon))
    child.start()
    report.put(("child started", child.is_alive()))
    never.get()


a = threading.Thread(target=blocked_forever, name="blocked", daemon=True)
b = threading.Thread(target=heartbeat, name="heartbeat")
b.daemon = True
c = threading.Thread(target=spawner, name="spawner", daemon=True)
for t in (a, b, c):
    t.start()
print(report.get())
print(report.get())
while ticks[0] < 3:
    time.sleep(0.001)
print("heartbeat ticking:", ticks[0] >= 3)
names = sorted([t.name for t in threading.enumerate()])
print("alive:", names)
print("daemons:", sorted([t.name for t in threading.enumerate() if t.daemon]))
print("main exits now")
