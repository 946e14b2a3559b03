# Condition wake-up order: notify(1) wakes waiters in the order they started waiting (FIFO).
# Exercises: threads entering cond.wait() one at a time (the main thread knows a waiter is parked
# once it can take the condition's lock after the waiter's Event fired), notify(1) repeated,
# notify(2) picking the two oldest waiters, notify_all() for the rest, each woken thread reporting
# its name through a Queue (names woken together are sorted: they race for the lock).
import threading
import queue

cond = threading.Condition()
woken = queue.Queue()


def waiter(ready):
    with cond:
        ready.set()
        cond.wait()
        woken.put(threading.current_thread().name)


def main():
    threads = []
    for name in ["w-a", "w-b", "w-c", "w-d", "w-e"]:
        ready = threading.Event()
        t = threading.Thread(target=waiter, args=(ready,), name=name)
        t.start()
        ready.wait()
        with cond:
            pass
        threads.append(t)
    for _ in range(2):
        with cond:
            cond.notify()
        print("woke", woken.get())
    with cond:
        cond.notify(2)
    pair = [woken.get(), woken.get()]
    print("notify(2) woke", sorted(pair))
    with cond:
        cond.notify_all()
    print("notify_all woke", woken.get())
    for t in threads:
        t.join()
    print("all joined")


main()
