# A script with its blocking calls at module top level (no main() function), as short device
# scripts are often written.
# Exercises: Queue.get(), Thread.join(), `with lock:`, Event.wait(), time.sleep() and
# Condition.wait_for() executed directly at module level, a top-level `for` loop and `while` loop
# that block, module globals read by the threads, an `if __name__ == "__main__":` block that blocks,
# a lambda thread target using only the non-blocking put_nowait().
import threading
import queue
import time

results = queue.Queue()
lock = threading.Lock()
ready = threading.Event()
cond = threading.Condition()
counter = 0


def bump(n):
    global counter
    for _ in range(n):
        with lock:
            counter += 1
    results.put(n)


def announce():
    time.sleep(0.002)
    ready.set()


threads = []
for n in (3, 5, 7):
    t = threading.Thread(target=bump, args=(n,))
    threads.append(t)
    t.start()

got = []
while len(got) < 3:
    got.append(results.get())
for t in threads:
    t.join()
print("results:", sorted(got), "counter:", counter)

with lock:
    counter += 100
print("after with:", counter)

threading.Thread(target=announce).start()
print("ready:", ready.wait())
time.sleep(0.001)


def set_flag(box):
    with cond:
        box.append("flag")
        cond.notify_all()


box = []
threading.Thread(target=set_flag, args=(box,)).start()
with cond:
    cond.wait_for(lambda: box)
print("box:", box)

if __name__ == "__main__":
    q = queue.Queue()
    threading.Thread(target=lambda: q.put_nowait("from lambda thread")).start()
    print(q.get())
