# Imports inside functions; the module-level `time` is an int, so only the local import blocks.
time = 3


def worker(inbox):
    import time
    while True:
        job = inbox.get()
        if job is None:
            break
        time.sleep(0.001)


def slow(msg):
    from time import sleep as nap
    nap(0.002)
    return msg


def build():
    from queue import Queue
    import threading as thr
    inbox = Queue()
    t = thr.Thread(target=worker, args=(inbox,))
    return t, inbox


def main():
    t, inbox = build()
    t.start()
    inbox.put(slow("x"))
    inbox.put(None)
    t.join()
    print(time + 1)


main()
