# Busy-wait pollers of several shapes, none of which waits: `while key not in results: pass`,
# `while not flag: continue`, `while True: if done: break`, polling a list's length and an
# attribute of another object, a poll at module top level. On green threads each loop must
# give the producer a turn (the starvation guard), or the program hangs.
import threading
import time

results = {}
state = {"done": False}
flag = False
items = []


class Status:
    def __init__(self):
        self.ready = False


status = Status()


def wait_key(key):
    while key not in results:
        pass
    return results[key]


def wait_flag():
    while not flag:
        continue


def wait_done():
    while True:
        if state["done"]:
            break


def wait_len(n):
    while len(items) < n:
        pass


def wait_attr(st):
    spins = 0
    while not st.ready:
        spins += 1
    return spins >= 0


def producer():
    global flag
    time.sleep(0.01)
    results["answer"] = 42
    time.sleep(0.01)
    flag = True
    for i in range(3):
        time.sleep(0.005)
        items.append(i)
    time.sleep(0.01)
    state["done"] = True
    time.sleep(0.01)
    status.ready = True
    time.sleep(0.01)
    results["last"] = "bye"


t = threading.Thread(target=producer, name="producer")
t.start()
print("answer", wait_key("answer"))
wait_flag()
print("flag seen")
wait_len(3)
print("items", items)
wait_done()
print("done seen")
print("status ready", wait_attr(status))
while "last" not in results:
    pass
print("last", results["last"])
t.join()
print("joined", t.is_alive())
